// Values as PowerShell's formatter renders them in a list view: scalars, `@{k=v; k=v}` for objects,
// `{a, b}` for lists, type names for what it did not expand, `...}` for lists it cut.

#include "io/powershell_value.h"
#include "io/text_scan.h"

#include "common/utf8.h"
#include "hcn/dump_formats.h"
#include "hcn/json_limits.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>

namespace hcn::io {

namespace {

/// Where the brace opened at `open` closes, or npos.
std::size_t matchingBrace(std::string_view s, std::size_t open)
{
    int depth = 0;
    for (std::size_t i = open; i < s.size(); ++i) {
        if (s[i] == '{') {
            ++depth;
        } else if (s[i] == '}') {
            if (--depth == 0)
                return i;
        }
    }
    return std::string_view::npos;
}

/// Whether the brace opening `s` is never closed: the paste ended inside the value (no brace closes
/// all the ones before it, and some are still open at the end).
bool neverCloses(std::string_view s)
{
    int depth = 0;
    for (const char c : s) {
        if (c == '{') {
            ++depth;
        } else if (c == '}' && --depth <= 0) {
            return false;
        }
    }
    return depth > 0;
}

/// `s` cut at `separator` where no brace is open and the separator is followed by a blank or the end
/// (PowerShell writes `; ` and `, `), or, for lists, directly by the next item's `@{` or `{`.
std::vector<std::string_view> splitTopLevel(std::string_view s, char separator)
{
    std::vector<std::string_view> parts;
    int depth = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '{') {
            ++depth;
        } else if (c == '}') {
            --depth;
        } else if (c == separator && depth == 0) {
            const char next = i + 1 < s.size() ? s[i + 1] : ' ';
            if (next == ' ' || next == '\t' || (separator == ',' && (next == '@' || next == '{'))) {
                parts.push_back(s.substr(start, i - start));
                start = i + 1;
            }
        }
    }
    parts.push_back(s.substr(start));
    return parts;
}

/// `-12`, `0`, `38654705666`: an integer without a leading zero that fits 64 bits.
bool readInteger(std::string_view s, nlohmann::json& out)
{
    const bool negative = s.starts_with('-');
    const std::string_view digits = negative ? s.substr(1) : s;
    if (digits.empty() || digits.size() > 20 || (digits.size() > 1 && digits.front() == '0') ||
        (negative && digits == "0"))
        return false;
    for (const char c : digits) {
        if (c < '0' || c > '9')
            return false;
    }
    const char* const end = s.data() + s.size();
    if (negative) {
        std::int64_t value = 0;
        const auto [ptr, ec] = std::from_chars(s.data(), end, value);
        if (ec != std::errc() || ptr != end)
            return false;
        out = value;
        return true;
    }
    std::uint64_t value = 0;
    const auto [ptr, ec] = std::from_chars(s.data(), end, value);
    if (ec != std::errc() || ptr != end)
        return false;
    if (value <= static_cast<std::uint64_t>(INT64_MAX))
        out = static_cast<std::int64_t>(value);
    else
        out = value;
    return true;
}

nlohmann::json textValue(std::string_view s)
{
    const bool ascii =
        std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (ascii || isValidUtf8(s))
        return std::string(s);
    return validUtf8(std::string(s));
}

/// Where a part of the value sits, e.g. `[0].ExceptionList`; spelled out only when a loss names it.
struct Path
{
    const Path* parent = nullptr;
    std::string_view prefix; ///< the root's text, or a member's key
    std::size_t index = 0;
    enum class Step
    {
        Root,
        Member,
        Item,
    } step = Step::Root;

    std::string text() const
    {
        if (step == Step::Root)
            return std::string(prefix);
        std::string out = parent->text();
        if (step == Step::Item)
            return out + "[" + std::to_string(index) + "]";
        if (!out.empty())
            out += '.';
        out += prefix;
        return out;
    }
};

class Reader
{
public:
    explicit Reader(PowerShellValueNotes& notes) : m_notes(notes) {}

    nlohmann::json read(std::string_view text, const Path& path, int depth)
    {
        const std::string_view t = trimBlanks(text);
        if (t.empty())
            return nullptr;
        if (depth == 0 && t.find_first_not_of("@{") == std::string_view::npos) {
            // `@`, `@{`, `{`, `{@{`: the paste ended right after the value's opening; nothing of it shows.
            m_notes.cut = true;
            m_notes.keptAsText = true;
            const std::string opening = textValue(t).get<std::string>();
            m_notes.cutSummary = "cut by " + m_notes.cutBy + " right after its opening (\"" + opening +
                                 "\"); its value is unknown";
            loss(path,
                 "cut by " + m_notes.cutBy + " right after its opening (\"" + opening + "\"); kept as text");
            return textValue(t);
        }
        const bool hashtable = t.starts_with("@{");
        if (hashtable || t.starts_with('{')) {
            if (depth >= kDefaultMaxJsonDepth) {
                keptAsText(path, "nested deeper than " + std::to_string(kDefaultMaxJsonDepth) +
                                     " levels; kept as text");
                return textValue(t);
            }
            const std::size_t open = hashtable ? 1 : 0;
            if (neverCloses(t.substr(open)))
                return readCut(t, path, depth);
            if (matchingBrace(t, open) != t.size() - 1) {
                keptAsText(path, "its braces do not match; kept as text");
                return textValue(t);
            }
            const std::string_view inner = t.substr(open + 1, t.size() - open - 2);
            return hashtable ? readHashtable(inner, path, depth) : readList(inner, path, depth);
        }
        if (t == "True")
            return true;
        if (t == "False")
            return false;
        nlohmann::json number;
        if (readInteger(t, number))
            return number;
        if (isPowerShellTypeName(t))
            loss(path, "not expanded by PowerShell (" + std::string(t) + ")");
        return textValue(t);
    }

private:
    void loss(const Path& at, std::string message)
    {
        const std::string path = at.text();
        m_notes.losses.push_back(path.empty() ? std::move(message) : path + ": " + message);
    }

    void keptAsText(const Path& path, std::string message)
    {
        m_notes.keptAsText = true;
        loss(path, std::move(message));
    }

    /// `@{...` or `{...` whose braces the paste cut before they closed: the complete members or items
    /// are read as usual; the last one, where the text ends, is dropped unless it is itself a value in
    /// braces (read the same way) or complete. A loss says where the value was cut.
    nlohmann::json readCut(std::string_view t, const Path& path, int depth)
    {
        const bool hashtable = t.starts_with("@{");
        const std::string_view inner = t.substr(hashtable ? 2 : 1);
        const std::vector<std::string_view> pieces = splitTopLevel(inner, hashtable ? ';' : ',');
        const std::string_view lastPiece = pieces.back();
        std::string_view complete = inner.substr(0, std::size_t(lastPiece.data() - inner.data()));
        complete = trimBlanks(complete);
        if (complete.ends_with(hashtable ? ';' : ','))
            complete.remove_suffix(1);
        std::string lastKey; // of the complete members, in the order shown
        nlohmann::json value =
            hashtable ? readHashtable(complete, path, depth, &lastKey) : readList(complete, path, depth);
        if (!value.is_object() && !value.is_array())
            return value; // the complete part could not be read either; kept as text with a loss
        const std::string_view last = trimBlanks(lastPiece);
        // The last member or item: kept when its braces close (complete) or when it opens braces the
        // paste cut (its own complete part); a scalar may have been cut mid-word and is dropped.
        std::string_view key;
        std::string_view lastValue = last;
        if (hashtable) {
            const std::size_t eq = last.find('=');
            key = eq == std::string_view::npos ? std::string_view() : trimBlanks(last.substr(0, eq));
            lastValue = eq == std::string_view::npos ? std::string_view() : trimBlanks(last.substr(eq + 1));
            if (key.empty() || key.find_first_of("{}@ ") != std::string_view::npos ||
                value.contains(std::string(key)))
                lastValue = {};
        }
        const bool braces = lastValue.starts_with('{') || lastValue.starts_with("@{");
        const bool closed =
            braces && matchingBrace(lastValue, lastValue.starts_with('@') ? 1 : 0) == lastValue.size() - 1;
        const bool partial =
            braces && !closed && neverCloses(lastValue.substr(lastValue.starts_with('@') ? 1 : 0));
        std::string keyText = hashtable ? textValue(key).get<std::string>() : std::string();
        const Path at = hashtable ? Path{&path, keyText, 0, Path::Step::Member}
                                  : Path{&path, {}, value.size(), Path::Step::Item};
        std::string where;
        if (closed || partial) {
            const std::size_t lossesBefore = m_notes.losses.size();
            const bool keptAsTextBefore = m_notes.keptAsText;
            m_cutBeforeFirst = false;
            nlohmann::json item = read(lastValue, at, depth + 1);
            const bool structured = item.is_object() || item.is_array();
            const bool kept = closed || (structured ? !item.empty() : !(partial && m_cutBeforeFirst));
            if (!kept) {
                m_notes.losses.resize(lossesBefore); // nothing of it was shown in full
                m_notes.keptAsText = keptAsTextBefore; // nor kept: the value holds none of its text
            }
            if (kept) {
                if (hashtable) {
                    value.emplace(keyText, std::move(item));
                    lastKey = keyText;
                } else {
                    value.push_back(std::move(item));
                }
                if (partial)
                    where = hashtable ? "inside " + keyText : "inside item " + std::to_string(value.size());
            }
        }
        if (where.empty()) {
            if (hashtable)
                where = lastKey.empty() ? "before its first member" : "after " + lastKey;
            else
                where =
                    value.empty() ? "before its first item" : "after item " + std::to_string(value.size());
        }
        m_notes.cut = true;
        // Nothing of it was shown in full: an empty object or list would claim that it has no members,
        // where they are unknown. The cut text stays, as text.
        m_cutBeforeFirst = value.empty();
        if (m_cutBeforeFirst) {
            m_notes.keptAsText = true;
            loss(path, "cut by " + m_notes.cutBy + " " + where + "; kept as text");
            return textValue(t);
        }
        // Cut inside its last member or item: that one's loss names the cut, deeper ("Subnets[0]: cut by
        // the paste after Health"); one cut, one loss.
        if (!where.starts_with("inside "))
            loss(path, "cut by " + m_notes.cutBy + " " + where);
        if (!hashtable && path.step == Path::Step::Root)
            m_notes.cutSummary = listCutSummary(value.size(), where.starts_with("inside"), closed);
        return value;
    }

    /// "the 3rd item is cut off; the 2 before it are read": `read` items read, the last of them only in
    /// part when `partialLast`, or all of them complete when `closedLast` (what followed is unknown).
    static std::string listCutSummary(std::size_t read, bool partialLast, bool closedLast)
    {
        const std::string are = read == 1 ? " is read" : " are read";
        if (closedLast)
            return "cut after its " + ordinal(read) + " item; the " + std::to_string(read) +
                   (read == 1 ? " item" : " items") + " before the cut" + are;
        if (!partialLast)
            return "the " + ordinal(read + 1) + " item is cut off; the " + std::to_string(read) +
                   " before it" + are;
        const std::size_t before = read - 1;
        return "the " + ordinal(read) + " item is cut off; its complete part" +
               (before == 0 ? std::string(" is read")
                            : " and the " + std::to_string(before) + " before it are read");
    }

    static std::string ordinal(std::size_t n)
    {
        const std::size_t tens = n % 100;
        const char* suffix = "th";
        if (tens < 11 || tens > 13) {
            switch (n % 10) {
            case 1:
                suffix = "st";
                break;
            case 2:
                suffix = "nd";
                break;
            case 3:
                suffix = "rd";
                break;
            default:
                break;
            }
        }
        return std::to_string(n) + suffix;
    }

    /// `Type=OutBoundNAT; ExceptionList=System.Object[]`.
    nlohmann::json readHashtable(std::string_view inner, const Path& path, int depth,
                                 std::string* lastKey = nullptr)
    {
        nlohmann::json object = nlohmann::json::object();
        if (trimBlanks(inner).empty())
            return object;
        // Entries as key and value text; a piece without `key=` continues the value before it (a `; `
        // inside a string).
        std::vector<std::pair<std::string_view, std::string>> entries;
        for (const std::string_view piece : splitTopLevel(inner, ';')) {
            const std::string_view entry = trimBlanks(piece);
            const std::size_t eq = entry.find('=');
            const std::string_view key =
                eq == std::string_view::npos ? std::string_view() : trimBlanks(entry.substr(0, eq));
            const bool validKey = !key.empty() && key.find_first_of("{}@ ") == std::string_view::npos;
            if (!validKey) {
                if (entries.empty()) {
                    keptAsText(path, "not a list of key=value pairs; kept as text");
                    return textValue("@{" + std::string(inner) + "}");
                }
                entries.back().second += "; ";
                entries.back().second += entry;
                continue;
            }
            entries.emplace_back(key, std::string(entry.substr(eq + 1)));
        }
        for (const auto& [key, valueText] : entries) {
            std::string keyText = textValue(key).get<std::string>();
            const Path at{&path, keyText, 0, Path::Step::Member};
            if (object.contains(keyText)) {
                loss(at, "shown twice; the later value was dropped");
                continue;
            }
            nlohmann::json value = read(valueText, at, depth + 1);
            if (lastKey)
                *lastKey = keyText;
            object.emplace(std::move(keyText), std::move(value));
        }
        return object;
    }

    /// `a, b, c` or `@{...}, @{...}`, the last item possibly ending in `...` (cut by PowerShell).
    nlohmann::json readList(std::string_view inner, const Path& path, int depth)
    {
        nlohmann::json array = nlohmann::json::array();
        if (trimBlanks(inner).empty())
            return array;
        std::vector<std::string_view> items = splitTopLevel(inner, ',');
        std::string_view& last = items.back();
        last = trimBlanks(last);
        bool cut = false;
        if (last.ends_with("...")) {
            last.remove_suffix(3);
            cut = true;
        } else if (last.ends_with(kEllipsis)) {
            last.remove_suffix(kEllipsis.size());
            cut = true;
        }
        if (cut && trimBlanks(last).empty())
            items.pop_back(); // `{a, b, ...}`
        array.get_ref<nlohmann::json::array_t&>().reserve(items.size());
        for (const std::string_view item : items)
            array.push_back(read(item, Path{&path, {}, array.size(), Path::Step::Item}, depth + 1));
        if (cut)
            loss(path, "list cut after " + std::to_string(array.size()) + " items ($FormatEnumerationLimit)");
        return array;
    }

    PowerShellValueNotes& m_notes;
    /// Set by readCut: the value it read last was cut before its first member or item (kept as text).
    bool m_cutBeforeFirst = false;
};

} // namespace

nlohmann::json readPowerShellValue(std::string_view text, const std::string& path,
                                   PowerShellValueNotes& notes)
{
    return Reader(notes).read(text, Path{nullptr, path, 0, Path::Step::Root}, 0);
}

nlohmann::json parsePowerShellValue(std::string_view text, std::vector<std::string>& losses)
{
    PowerShellValueNotes notes;
    nlohmann::json value = readPowerShellValue(text, {}, notes);
    losses.insert(losses.end(), std::make_move_iterator(notes.losses.begin()),
                  std::make_move_iterator(notes.losses.end()));
    return value;
}

} // namespace hcn::io
