// Keys a JSON object gives twice. The JSON parser keeps the last value of a key given twice and says
// nothing; a hand-edited dump (a line pasted back in, an address changed below the old one) shows both,
// and which one HNS had is unknown. One pass over the object's text, without building values: the keys
// are views into the text, compared when their object closes.

#include "common/utf8.h"
#include "io/import_objects.h"

#include <algorithm>
#include <cctype>

namespace hcn::io::detail {
namespace {

/// Objects nested deeper than this are not looked into (the readers refuse such text before).
constexpr std::size_t kMaxScanDepth = 256;
/// A value longer than this is shown cut in the loss.
constexpr std::size_t kShownValueLength = 60;

struct ScannedKey
{
    std::string_view name; ///< as written, without its quotes
    std::size_t valueStart = 0;
    std::size_t valueEnd = 0;
};

struct ScanFrame
{
    bool object = false;
    bool expectingKey = true;
    std::size_t elements = 0; ///< an array's elements before the current one
    std::vector<ScannedKey> keys;
};

class DuplicateKeyScanner
{
public:
    explicit DuplicateKeyScanner(std::string_view text) : m_text(text) {}

    std::vector<std::string> run()
    {
        for (std::size_t at = 0; at < m_text.size() && !m_stop; ++at) {
            const char c = m_text[at];
            switch (c) {
            case '"':
                at = string(at);
                break;
            case '{':
            case '[':
                open(c == '{', at);
                break;
            case '}':
            case ']':
                close(at);
                break;
            case ',':
                next(at);
                break;
            case '/':
                at = comment(at);
                break;
            default:
                break;
            }
        }
        return std::move(m_losses);
    }

private:
    /// Past the string opening at `at`; a key when an object expects one and a colon follows.
    std::size_t string(std::size_t at)
    {
        std::size_t end = at + 1;
        while (end < m_text.size() && m_text[end] != '"')
            end += m_text[end] == '\\' ? 2 : 1;
        if (end >= m_text.size()) {
            m_stop = true;
            return m_text.size();
        }
        if (m_depth == 0 || !top().object || !top().expectingKey)
            return end;
        std::size_t colon = end + 1;
        while (colon < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[colon])))
            ++colon;
        if (colon >= m_text.size() || m_text[colon] != ':')
            return end;
        top().keys.push_back({m_text.substr(at + 1, end - at - 1), colon + 1, m_text.size()});
        top().expectingKey = false;
        return colon;
    }

    /// Past a `//` or `/* */` comment (JSON with comments): a key in it is no key.
    std::size_t comment(std::size_t at)
    {
        if (at + 1 >= m_text.size())
            return at;
        if (m_text[at + 1] == '/') {
            const std::size_t end = m_text.find('\n', at);
            return end == std::string_view::npos ? m_text.size() : end;
        }
        if (m_text[at + 1] == '*') {
            const std::size_t end = m_text.find("*/", at + 2);
            return end == std::string_view::npos ? m_text.size() : end + 1;
        }
        return at;
    }

    void open(bool object, std::size_t)
    {
        if (m_depth == kMaxScanDepth) {
            m_stop = true;
            return;
        }
        if (m_depth == m_frames.size())
            m_frames.emplace_back();
        ScanFrame& frame = m_frames[m_depth++];
        frame.object = object;
        frame.expectingKey = true;
        frame.elements = 0;
        frame.keys.clear();
    }

    void next(std::size_t at)
    {
        if (m_depth == 0)
            return;
        ScanFrame& frame = top();
        if (!frame.object) {
            ++frame.elements;
        } else if (!frame.expectingKey) {
            frame.keys.back().valueEnd = at;
            frame.expectingKey = true;
        }
    }

    void close(std::size_t at)
    {
        if (m_depth == 0)
            return;
        ScanFrame& frame = top();
        if (frame.object && !frame.expectingKey)
            frame.keys.back().valueEnd = at;
        if (frame.object && frame.keys.size() > 1)
            reportDuplicates(frame);
        --m_depth;
    }

    void reportDuplicates(const ScanFrame& frame)
    {
        m_order.resize(frame.keys.size());
        for (std::size_t i = 0; i < m_order.size(); ++i)
            m_order[i] = i;
        // By name, then by place: a key given twice has its first place first (no allocation, unlike
        // std::stable_sort).
        std::sort(m_order.begin(), m_order.end(), [&](std::size_t a, std::size_t b) {
            const std::string_view x = frame.keys[a].name;
            const std::string_view y = frame.keys[b].name;
            return x < y || (x == y && a < b);
        });
        for (std::size_t i = 1; i < m_order.size(); ++i) {
            const ScannedKey& first = frame.keys[m_order[i - 1]];
            const ScannedKey& again = frame.keys[m_order[i]];
            if (first.name != again.name)
                continue;
            const std::string_view a = valueText(first);
            const std::string_view b = valueText(again);
            if (a == b)
                continue; // the same value twice: nothing is lost
            m_losses.push_back(path(first.name) + ": given twice in one object (" + shown(a) + ", then " +
                               shown(b) + "); the last is read");
        }
    }

    std::string_view valueText(const ScannedKey& key) const
    {
        std::string_view value = m_text.substr(key.valueStart, key.valueEnd - key.valueStart);
        while (!value.empty() && std::isspace(static_cast<unsigned char>(value.front())))
            value.remove_prefix(1);
        while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back())))
            value.remove_suffix(1);
        return value;
    }

    static std::string shown(std::string_view value)
    {
        if (value.size() <= kShownValueLength)
            return std::string(value);
        return std::string(utf8Prefix(value, kShownValueLength)) + "..."; // never inside a character
    }

    /// The key's place in the outermost object: "Policies[1].Type".
    std::string path(std::string_view name) const
    {
        std::string where;
        for (std::size_t d = 1; d < m_depth; ++d) {
            const ScanFrame& parent = m_frames[d - 1];
            if (parent.object) {
                if (!parent.keys.empty())
                    where += (where.empty() ? "" : ".") + std::string(parent.keys.back().name);
            } else {
                where += "[" + std::to_string(parent.elements) + "]";
            }
        }
        return where.empty() ? std::string(name) : where + "." + std::string(name);
    }

    ScanFrame& top() { return m_frames[m_depth - 1]; }

    std::string_view m_text;
    std::vector<ScanFrame> m_frames; ///< reused: only the first m_depth are open
    std::size_t m_depth = 0;
    std::vector<std::size_t> m_order;
    std::vector<std::string> m_losses;
    bool m_stop = false;
};

} // namespace

std::vector<std::string> duplicateKeys(std::string_view jsonText)
{
    return DuplicateKeyScanner(jsonText).run();
}

} // namespace hcn::io::detail
