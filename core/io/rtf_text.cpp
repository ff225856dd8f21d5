// RTF read as the text it shows: one pass over the control words, groups and text of the document.

#include "io/rtf_text.h"

#include "common/code_page.h"
#include "common/utf8.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <vector>

namespace hcn::io {

namespace {

/// Groups nested deeper than this keep the state of the group at this depth: the state stack is bounded
/// whatever the nesting.
constexpr std::size_t kMaxGroupDepth = 256;

/// Destinations whose text is not the document's: fonts, colours, styles, metadata, pictures, embedded
/// objects, headers and footers, field instructions (the field's result is read), list definitions.
constexpr std::array<std::string_view, 23> kSkippedDestinations = {
    "fonttbl",   "colortbl",  "stylesheet",        "info",    "pict",    "object",  "header",
    "headerl",   "headerr",   "headerf",           "footer",  "footerl", "footerr", "footerf",
    "fldinst",   "listtable", "listoverridetable", "rsidtbl", "revtbl",  "filetbl", "themedata",
    "datastore", "generator",
};

struct GroupState
{
    bool skip = false; ///< text in this group is not shown
    int fallback = 1;  ///< `\ucN`: characters that follow a `\uN` as its fallback
};

class RtfReader
{
public:
    explicit RtfReader(std::string_view rtf) : m_rtf(rtf) { m_out.reserve(rtf.size()); }

    std::string run()
    {
        m_groups.push_back({});
        while (m_at < m_rtf.size()) {
            const char c = m_rtf[m_at];
            if (c == '{') {
                ++m_at;
                openGroup();
            } else if (c == '}') {
                ++m_at;
                closeGroup();
            } else if (c == '\\') {
                ++m_at;
                controlSequence();
            } else {
                ++m_at;
                if (c != '\r' && c != '\n') // the RTF's own line ends are no text
                    character(std::string_view(&c, 1));
            }
        }
        flushSurrogate();
        return validUtf8(std::move(m_out));
    }

private:
    GroupState& state() { return m_groups.back(); }

    void openGroup()
    {
        m_skipFallback = 0;
        m_groupStart = true;
        if (m_groups.size() < kMaxGroupDepth)
            m_groups.push_back(m_groups.back());
        else
            ++m_deeper;
    }

    void closeGroup()
    {
        m_skipFallback = 0;
        m_groupStart = false;
        if (m_deeper > 0)
            --m_deeper;
        else if (m_groups.size() > 1)
            m_groups.pop_back();
    }

    /// Text shown in the current group, unless it is a `\uN`'s fallback.
    void character(std::string_view utf8)
    {
        m_groupStart = false;
        if (m_skipFallback > 0) {
            --m_skipFallback;
            return;
        }
        if (state().skip)
            return;
        flushSurrogate();
        m_out += utf8;
    }

    void emit(char32_t cp)
    {
        std::string utf8;
        appendUtf8(utf8, cp);
        character(utf8);
    }

    void flushSurrogate()
    {
        if (m_highSurrogate != 0 && !state().skip)
            appendUtf8(m_out, 0xFFFD);
        m_highSurrogate = 0;
    }

    void controlSequence()
    {
        if (m_at >= m_rtf.size())
            return;
        const char c = m_rtf[m_at];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
            ++m_at;
            controlSymbol(c);
            return;
        }
        const std::size_t nameStart = m_at;
        while (m_at < m_rtf.size() &&
               ((m_rtf[m_at] >= 'a' && m_rtf[m_at] <= 'z') || (m_rtf[m_at] >= 'A' && m_rtf[m_at] <= 'Z')) &&
               m_at - nameStart < 32)
            ++m_at;
        const std::string_view word = m_rtf.substr(nameStart, m_at - nameStart);
        std::optional<long> parameter;
        const std::size_t numberStart = m_at;
        if (m_at < m_rtf.size() && m_rtf[m_at] == '-')
            ++m_at;
        while (m_at < m_rtf.size() && m_rtf[m_at] >= '0' && m_rtf[m_at] <= '9' && m_at - numberStart < 10)
            ++m_at;
        if (m_at > numberStart) {
            long value = 0;
            if (std::from_chars(m_rtf.data() + numberStart, m_rtf.data() + m_at, value).ec == std::errc())
                parameter = value;
        }
        if (m_at < m_rtf.size() && m_rtf[m_at] == ' ')
            ++m_at; // the blank that ends a control word is part of it
        controlWord(word, parameter);
    }

    void controlSymbol(char c)
    {
        switch (c) {
        case '\\':
        case '{':
        case '}':
            character(std::string_view(&c, 1));
            return;
        case '\'': {
            unsigned value = 0;
            const std::size_t digits = std::min<std::size_t>(2, m_rtf.size() - m_at);
            const auto [end, ec] =
                std::from_chars(m_rtf.data() + m_at, m_rtf.data() + m_at + digits, value, 16);
            if (ec != std::errc() || end != m_rtf.data() + m_at + 2)
                return;
            m_at += 2;
            const char byte = static_cast<char>(value);
            character(value < 0x80 ? std::string(1, byte)
                                   : codePageToUtf8(std::string_view(&byte, 1), CodePage::Windows1252));
            return;
        }
        case '*': // an optional destination: what this program does not know is left out
            if (m_groupStart)
                state().skip = true;
            return;
        case '~':
            emit(0x00A0);
            return;
        case '_':
            character("-");
            return;
        case '\r':
        case '\n': // `\` before a line end is a paragraph mark
            character("\n");
            return;
        default: // `\-` (optional hyphen), `\:` (index entry) and unknown symbols show nothing
            return;
        }
    }

    void controlWord(std::string_view word, std::optional<long> parameter)
    {
        const bool atGroupStart = m_groupStart;
        m_groupStart = false;
        if (word == "par" || word == "line" || word == "sect" || word == "page" || word == "row")
            character("\n");
        else if (word == "tab" || word == "cell")
            character("\t");
        else if (word == "lquote" || word == "rquote")
            character("'");
        else if (word == "ldblquote" || word == "rdblquote")
            character("\"");
        else if (word == "emdash")
            emit(0x2014);
        else if (word == "endash")
            emit(0x2013);
        else if (word == "bullet")
            emit(0x2022);
        else if (word == "uc" && parameter && *parameter >= 0 && *parameter <= 16)
            state().fallback = int(*parameter);
        else if (word == "u" && parameter)
            unicode(*parameter);
        else if (word == "bin" && parameter && *parameter > 0)
            m_at += std::min<std::size_t>(std::size_t(*parameter), m_rtf.size() - m_at); // binary data
        else if (atGroupStart && std::find(kSkippedDestinations.begin(), kSkippedDestinations.end(), word) !=
                                     kSkippedDestinations.end())
            state().skip = true;
    }

    /// `\uN`: a UTF-16 unit as a signed 16-bit number; a surrogate pair is two of them.
    void unicode(long value)
    {
        const auto unit = static_cast<std::uint32_t>(value < 0 ? value + 65536 : value) & 0xFFFF;
        const int fallback = state().fallback;
        if (unit >= 0xD800 && unit <= 0xDBFF) {
            flushSurrogate();
            m_highSurrogate = unit;
        } else if (unit >= 0xDC00 && unit <= 0xDFFF && m_highSurrogate != 0) {
            const char32_t cp = 0x10000 + ((m_highSurrogate - 0xD800) << 10) + (unit - 0xDC00);
            m_highSurrogate = 0;
            emit(cp);
        } else {
            emit(unit >= 0xD800 && unit <= 0xDFFF ? char32_t(0xFFFD) : char32_t(unit));
        }
        m_skipFallback = fallback;
    }

    std::string_view m_rtf;
    std::size_t m_at = 0;
    std::string m_out;
    std::vector<GroupState> m_groups;
    std::size_t m_deeper = 0; ///< groups open beyond kMaxGroupDepth
    int m_skipFallback = 0;   ///< fallback characters of a `\uN` still to pass over
    std::uint32_t m_highSurrogate = 0;
    bool m_groupStart = false; ///< nothing but the `{` read in this group yet
};

} // namespace

std::optional<std::string> rtfText(std::string_view text)
{
    const std::size_t start = text.find_first_not_of(" \t\n");
    if (start == std::string_view::npos || !text.substr(start).starts_with("{\\rtf"))
        return std::nullopt;
    return RtfReader(text.substr(start)).run();
}

} // namespace hcn::io
