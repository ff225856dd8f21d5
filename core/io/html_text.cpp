// An HTML document as the text it shows: what a ticket system's or a mail client's HTML export holds
// where the customer pasted output.

#include "io/html_text.h"

#include "common/utf8.h"
#include "io/character_references.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <unordered_map>
#include <utility>

namespace hcn::io {

namespace {

char lower(char c)
{
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

/// Whether `text` starts with `prefix` (lower case), case ignored.
bool startsWithNoCase(std::string_view text, std::string_view prefix)
{
    return text.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), text.begin(),
                                                      [](char p, char t) { return lower(t) == p; });
}

/// Where `needle` (lower case) starts in `text` from `from` on, case ignored; npos when it does not.
std::size_t findNoCase(std::string_view text, std::string_view needle, std::size_t from = 0)
{
    for (std::size_t i = text.find('<', from); i != std::string_view::npos; i = text.find('<', i + 1))
        if (startsWithNoCase(text.substr(i), needle))
            return i;
    return std::string_view::npos;
}

/// Elements that start and end a line of their own.
constexpr std::array<std::string_view, 22> kBlocks = {
    "div", "pre", "tr", "li", "ul", "ol",      "table",   "tbody",  "thead",  "h1", "h2",
    "h3",  "h4",  "h5", "h6", "hr", "section", "article", "header", "footer", "dt", "dd",
};

/// Elements that leave a blank line before and after them.
constexpr std::array<std::string_view, 3> kParagraphs = {"p", "blockquote", "body"};

/// Elements whose content is not shown.
constexpr std::array<std::string_view, 4> kHidden = {"head", "script", "style", "title"};

bool isOneOf(std::string_view name, const auto& list)
{
    return std::find(list.begin(), list.end(), name) != list.end();
}

/// Elements that have no content and no end tag.
constexpr std::array<std::string_view, 14> kVoid = {"br",     "hr",    "img",   "meta", "link",
                                                    "input",  "wbr",   "col",   "area", "base",
                                                    "source", "track", "embed", "param"};

/// Elements whose end tag HTML lets out: a second one opening closes the first.
constexpr std::array<std::string_view, 8> kSelfClosingSiblings = {"p",  "li", "dt", "dd",
                                                                  "tr", "td", "th", "option"};

/// Elements whose text is kept as written, blanks and line breaks: what a page shows in `<pre>`, and
/// what `<code>` and `<tt>` hold when a mail client or a ticket system marks output up with them.
constexpr std::array<std::string_view, 8> kPreformatted = {"pre", "code",    "tt",  "samp",
                                                           "kbd", "listing", "xmp", "textarea"};

/// Fonts of one width for every character: text set in them is written to line up in columns.
constexpr std::array<std::string_view, 10> kMonospaceFonts = {
    "monospace", "courier", "consolas", "lucida console", "lucida sans typewriter",
    "menlo",     "monaco",  "cascadia", "source code",    " mono",
};

/// How an element shows the blanks and line breaks of its text (CSS `white-space`).
enum class WhiteSpace
{
    Inherit, ///< as the element it is in
    Normal,  ///< runs of blanks and line breaks are one blank
    Pre,     ///< kept as written: `<pre>`, `white-space: pre`, `pre-wrap`, `break-spaces`
    PreLine, ///< line breaks kept, runs of blanks one blank
};

/// The value of attribute `name` (lower case) in the attributes of a tag, lower case; nullopt when the
/// tag has none.
std::optional<std::string> attributeValue(std::string_view attributes, std::string_view name)
{
    std::size_t i = 0;
    while (i < attributes.size()) {
        while (i < attributes.size() && !std::isalpha(static_cast<unsigned char>(attributes[i])))
            ++i;
        const std::size_t nameStart = i;
        while (i < attributes.size() && attributes[i] != '=' && attributes[i] != '>' &&
               !std::isspace(static_cast<unsigned char>(attributes[i])) && attributes[i] != '/')
            ++i;
        std::string key;
        for (std::size_t k = nameStart; k < i; ++k)
            key += lower(attributes[k]);
        while (i < attributes.size() && std::isspace(static_cast<unsigned char>(attributes[i])))
            ++i;
        if (i >= attributes.size() || attributes[i] != '=') {
            if (nameStart == i)
                ++i;
            continue;
        }
        ++i;
        while (i < attributes.size() && std::isspace(static_cast<unsigned char>(attributes[i])))
            ++i;
        std::string value;
        if (i < attributes.size() && (attributes[i] == '"' || attributes[i] == '\'')) {
            const char quote = attributes[i++];
            for (; i < attributes.size() && attributes[i] != quote; ++i)
                value += lower(attributes[i]);
            ++i;
        } else {
            for (; i < attributes.size() && !std::isspace(static_cast<unsigned char>(attributes[i])) &&
                   attributes[i] != '>';
                 ++i)
                value += lower(attributes[i]);
        }
        if (key == name)
            return value;
    }
    return std::nullopt;
}

/// The value of property `name` in a CSS declaration list (`font-family: Consolas; white-space:pre`).
std::string_view cssProperty(std::string_view style, std::string_view name)
{
    for (std::size_t at = style.find(name); at != std::string_view::npos; at = style.find(name, at + 1)) {
        const bool starts = at == 0 || style[at - 1] == ';' || style[at - 1] == '"' ||
                            std::isspace(static_cast<unsigned char>(style[at - 1]));
        std::size_t k = at + name.size();
        while (k < style.size() && std::isspace(static_cast<unsigned char>(style[k])))
            ++k;
        if (!starts || k >= style.size() || style[k] != ':')
            continue;
        const std::size_t end = std::min(style.find(';', k), style.size());
        std::string_view value = style.substr(k + 1, end - k - 1);
        while (!value.empty() && std::isspace(static_cast<unsigned char>(value.front())))
            value.remove_prefix(1);
        while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back())))
            value.remove_suffix(1);
        return value;
    }
    return {};
}

WhiteSpace whiteSpaceValue(std::string_view value)
{
    if (value.starts_with("pre-line"))
        return WhiteSpace::PreLine;
    if (value.starts_with("pre") || value.starts_with("break-spaces"))
        return WhiteSpace::Pre;
    if (value.starts_with("normal") || value.starts_with("nowrap"))
        return WhiteSpace::Normal;
    return WhiteSpace::Inherit;
}

bool isMonospaceFont(std::string_view fonts)
{
    return std::any_of(kMonospaceFonts.begin(), kMonospaceFonts.end(),
                       [&](std::string_view font) { return fonts.find(font) != std::string_view::npos; });
}

/// How an element with these attributes shows white space, and whether it sets its text in a monospace
/// font (`style="font-family: Consolas"`, `<font face="Courier New">`).
struct ElementStyle
{
    WhiteSpace whiteSpace = WhiteSpace::Inherit;
    bool monospace = false;
};

ElementStyle elementStyle(std::string_view name, std::string_view attributes)
{
    ElementStyle style;
    if (isOneOf(name, kPreformatted))
        style.whiteSpace = WhiteSpace::Pre;
    if (attributes.find('=') == std::string_view::npos)
        return style;
    if (const std::optional<std::string> css = attributeValue(attributes, "style")) {
        if (const WhiteSpace ws = whiteSpaceValue(cssProperty(*css, "white-space"));
            ws != WhiteSpace::Inherit)
            style.whiteSpace = ws;
        style.monospace = isMonospaceFont(cssProperty(*css, "font-family"));
    }
    if (name == "font")
        if (const std::optional<std::string> face = attributeValue(attributes, "face"))
            style.monospace = style.monospace || isMonospaceFont(*face);
    return style;
}

class HtmlReader
{
public:
    explicit HtmlReader(std::string_view html) : m_html(html) {}

    HtmlText run()
    {
        m_out.lineOf.push_back(0);
        std::size_t i = 0;
        while (i < m_html.size()) {
            const char c = m_html[i];
            if (c == '<')
                i = tag(i);
            else if (c == '&')
                i = reference(i);
            else
                text(c, i++);
        }
        // A line that stayed empty starts where the document ends.
        for (int& line : m_out.lineOf)
            if (line == 0)
                line = lineAt(m_html.size());
        if (m_out.text.ends_with('\n')) {
            m_out.text.pop_back();
            m_out.lineOf.pop_back();
        }
        return std::move(m_out);
    }

private:
    /// The 1-based document line of offset `at`; offsets are asked in increasing order.
    int lineAt(std::size_t at)
    {
        for (; m_counted < at && m_counted < m_html.size(); ++m_counted)
            m_line += m_html[m_counted] == '\n';
        return m_line;
    }

    bool atLineStart() const { return m_out.text.empty() || m_out.text.back() == '\n'; }

    void emit(std::string_view s, std::size_t at)
    {
        if (m_out.lineOf.back() == 0)
            m_out.lineOf.back() = lineAt(at);
        if (m_space && !atLineStart())
            m_out.text += ' ';
        m_space = false;
        m_sourceBreak = false;
        m_out.text += s;
    }

    void lineBreak(std::size_t at)
    {
        if (m_out.lineOf.back() == 0)
            m_out.lineOf.back() = lineAt(at);
        m_out.text += '\n';
        m_out.lineOf.push_back(0);
        m_space = false;
    }

    /// A break before or after a block: none at the start, none twice.
    void blockBreak(std::size_t at)
    {
        if (!atLineStart())
            lineBreak(at);
        m_space = false;
    }

    void paragraphBreak(std::size_t at)
    {
        if (m_out.text.empty())
            return;
        blockBreak(at);
        if (!m_out.text.ends_with("\n\n"))
            lineBreak(at);
    }

    void text(char c, std::size_t at)
    {
        const Open& current = m_open.back();
        const bool lineEnd = c == '\n' || c == '\r';
        const bool blank = c == ' ' || c == '\t' || c == '\f';
        if (current.whiteSpace == WhiteSpace::Pre) {
            if (c == '\n')
                lineBreak(at);
            else if (c != '\r')
                emit(std::string_view(&c, 1), at);
            return;
        }
        if (current.whiteSpace == WhiteSpace::PreLine && lineEnd) {
            if (c == '\n')
                lineBreak(at);
            return;
        }
        if (lineEnd) {
            m_space = true;
            m_sourceBreak = true; // the blanks after it are the markup's indentation
            return;
        }
        if (blank) {
            // In a monospace font blanks line text up in columns: a run of them is kept as written.
            if (current.monospace && !m_sourceBreak && c != '\f' && current.whiteSpace != WhiteSpace::PreLine)
                emit(std::string_view(&c, 1), at);
            else
                m_space = true;
            return;
        }
        emit(std::string_view(&c, 1), at);
    }

    /// `&name;`, `&#123;`, `&#x1F;` at `at`: decoded; anything else is a literal `&`. Returns the offset
    /// after it.
    std::size_t reference(std::size_t at)
    {
        const std::size_t semicolon = m_html.substr(at, 12).find(';');
        if (semicolon == std::string_view::npos) {
            text('&', at);
            return at + 1;
        }
        const std::optional<char32_t> decoded = characterReference(m_html.substr(at + 1, semicolon - 1));
        if (!decoded) {
            text('&', at);
            return at + 1;
        }
        const char32_t code = *decoded;
        if (code < 0x80) {
            text(static_cast<char>(code), at);
        } else {
            std::string utf8;
            appendUtf8(utf8, code);
            emit(utf8, at);
        }
        return at + semicolon + 1;
    }

    /// The tag, comment or declaration at `at`; a `<` that starts none is text. Returns the offset after it.
    std::size_t tag(std::size_t at)
    {
        const std::string_view rest = m_html.substr(at);
        if (rest.starts_with("<!--")) {
            const std::size_t end = rest.find("-->", 4);
            return end == std::string_view::npos ? m_html.size() : at + end + 3;
        }
        const bool closing = rest.size() > 1 && rest[1] == '/';
        const std::size_t nameStart = closing ? 2 : 1;
        const bool declaration = rest.size() > 1 && (rest[1] == '!' || rest[1] == '?');
        if (!declaration &&
            !(rest.size() > nameStart && std::isalpha(static_cast<unsigned char>(rest[nameStart])))) {
            text('<', at);
            return at + 1;
        }
        // The end of the tag: the first `>` outside a quoted attribute value.
        std::size_t end = nameStart;
        char quote = 0;
        for (; end < rest.size(); ++end) {
            if (quote != 0) {
                quote = rest[end] == quote ? 0 : quote;
            } else if (rest[end] == '"' || rest[end] == '\'') {
                quote = rest[end];
            } else if (rest[end] == '>') {
                break;
            }
        }
        if (end >= rest.size())
            return m_html.size();
        if (declaration)
            return at + end + 1;
        std::string name;
        for (std::size_t k = nameStart; k < end && std::isalnum(static_cast<unsigned char>(rest[k])); ++k)
            name += lower(rest[k]);
        const std::size_t after = at + end + 1;
        if (!closing && isOneOf(name, kHidden)) {
            const std::size_t close = findNoCase(m_html, "</" + name, after);
            return close == std::string_view::npos ? m_html.size() : close;
        }
        if (name == "br") {
            lineBreak(at);
        } else if (isOneOf(name, kParagraphs)) {
            paragraphBreak(at);
        } else if (isOneOf(name, kBlocks)) {
            blockBreak(at);
        } else if (name == "td" || name == "th") {
            m_space = true;
        }
        m_sourceBreak = false;
        if (closing) {
            close(name);
            return after;
        }
        const bool selfClosed = end > nameStart && rest[end - 1] == '/';
        if (isOneOf(name, kVoid) || selfClosed)
            return after;
        open(name, rest.substr(nameStart + name.size(), end - nameStart - name.size()));
        if (name == "pre" || name == "listing" || name == "textarea") {
            // A line break right after <pre> is not shown.
            const std::string_view next = m_html.substr(after);
            return after + (next.starts_with("\r\n") ? 2 : next.starts_with('\n') ? 1 : 0);
        }
        return after;
    }

    /// An element that opens: how it shows white space, from its own style or the one it is in.
    void open(const std::string& name, std::string_view attributes)
    {
        if (isOneOf(name, kSelfClosingSiblings) && m_open.back().name == name)
            close(name); // `<li>a<li>b`: the second item ends the first
        if (m_open.size() > kMaxOpen)
            return; // nested too deep to matter: the style of the elements around it stays
        const ElementStyle style = elementStyle(name, attributes);
        const Open& parent = m_open.back();
        m_open.push_back({name,
                          style.whiteSpace == WhiteSpace::Inherit ? parent.whiteSpace : style.whiteSpace,
                          style.monospace || parent.monospace});
        ++m_openCount[name];
    }

    /// An end tag: the element it closes and the ones left open inside it end; an end tag of no open
    /// element is passed over.
    void close(const std::string& name)
    {
        const auto count = m_openCount.find(name);
        if (count == m_openCount.end() || count->second == 0)
            return;
        // Each element is pushed once and popped once: linear however the end tags fall.
        while (m_open.size() > 1) {
            const std::string popped = std::move(m_open.back().name);
            m_open.pop_back();
            --m_openCount[popped];
            if (popped == name)
                return;
        }
    }

    /// An element open at this point of the document, with the white space handling its text gets.
    struct Open
    {
        std::string name;
        WhiteSpace whiteSpace = WhiteSpace::Normal;
        bool monospace = false;
    };
    static constexpr std::size_t kMaxOpen = 512;

    std::string_view m_html;
    HtmlText m_out;
    bool m_space = false;             ///< white space to show as one blank before the next character
    bool m_sourceBreak = false;       ///< a line break of the markup (not shown) since the last character
    std::vector<Open> m_open{Open{}}; ///< the document itself first
    std::unordered_map<std::string, std::size_t> m_openCount; ///< of m_open, by element name
    std::size_t m_counted = 0;
    int m_line = 1;
};

/// Elements only HTML writes: the evidence that text is HTML. Names CLIXML uses too (`<B>`, `<S>`,
/// `<DT>`, `<I32>`) are left out, so Export-Clixml output gives none.
constexpr std::array<std::string_view, 29> kHtmlEvidence = {
    "html", "body", "head", "div",  "p",  "pre", "br",   "table",      "tbody", "thead",
    "tr",   "td",   "th",   "span", "li", "ul",  "ol",   "blockquote", "font",  "h1",
    "h2",   "h3",   "h4",   "h5",   "h6", "hr",  "code", "strong",     "em",
};

/// How an element of kHtmlEvidence nests, for telling where a fragment ends: text after a `<div>` that is
/// not closed yet is still the fragment's, text after everything closed may be plain text around it.
enum class Nesting
{
    None,      ///< `<br>`, `<hr>`, and elements whose end tag HTML lets out (`<li>`, `<tr>`, `<td>`, ...)
    Paragraph, ///< `<p>`: ends at `</p>` or at the next block
    Block,     ///< written with its end tag: `<div>`, `<pre>`, `<table>`, `<ul>`, `<blockquote>`, headings
    Inline,    ///< written with its end tag, inside a line: `<span>`, `<font>`, `<code>`, `<strong>`, `<em>`
};

Nesting nestingOf(std::string_view name)
{
    constexpr std::array<std::string_view, 12> blocks = {"div", "pre", "table", "ul", "ol", "blockquote",
                                                         "h1",  "h2",  "h3",    "h4", "h5", "h6"};
    constexpr std::array<std::string_view, 5> inlines = {"span", "font", "code", "strong", "em"};
    if (name == "p")
        return Nesting::Paragraph;
    if (isOneOf(name, blocks))
        return Nesting::Block;
    if (isOneOf(name, inlines))
        return Nesting::Inline;
    return Nesting::None;
}

/// What the `<` at `at` starts, as evidence of HTML.
struct TagEvidence
{
    bool html = false;      ///< an element of kHtmlEvidence, or `<!DOCTYPE html`
    bool slash = false;     ///< an end tag: `</div>`
    bool document = false;  ///< `<html`, `<body`, `<!DOCTYPE html`
    bool pre = false;       ///< `<pre` or `</pre`
    bool preStyled = false; ///< an opening tag styled `white-space: pre` or `pre-wrap`
    Nesting nesting = Nesting::None;
    std::size_t length = 1; ///< the bytes read: `<`, `/` and the name
};

TagEvidence tagEvidence(std::string_view text, std::size_t at)
{
    TagEvidence seen;
    const std::string_view rest = text.substr(at, 32);
    if (startsWithNoCase(rest, "<!doctype html")) {
        seen.html = seen.document = true;
        seen.length = 14;
        return seen;
    }
    seen.slash = rest.size() > 1 && rest[1] == '/';
    std::size_t end = seen.slash ? 2 : 1;
    std::string name;
    for (; end < rest.size() && name.size() < 12 && std::isalnum(static_cast<unsigned char>(rest[end]));
         ++end)
        name += lower(rest[end]);
    seen.length = end;
    // The name ends the tag or is followed by its attributes: `<p>`, `<p class=`, `<br/>`.
    const bool nameEnds = end == rest.size() || rest[end] == '>' || rest[end] == '/' || rest[end] == ' ' ||
                          rest[end] == '\t' || rest[end] == '\r' || rest[end] == '\n';
    if (!nameEnds || !isOneOf(name, kHtmlEvidence))
        return seen;
    seen.html = true;
    seen.document = !seen.slash && (name == "html" || name == "body");
    seen.pre = name == "pre";
    seen.nesting = nestingOf(name);
    if (!seen.slash && (seen.nesting == Nesting::Block || seen.nesting == Nesting::Inline)) {
        // Its attributes, up to the end of the tag on this line.
        constexpr std::size_t kMaxAttributes = 2048;
        const std::string_view attributes = text.substr(at + end, kMaxAttributes);
        const std::size_t close = std::min(attributes.find_first_of(">\n"), attributes.size());
        seen.preStyled = elementStyle(name, attributes.substr(0, close)).whiteSpace == WhiteSpace::Pre;
    }
    return seen;
}

/// Whether `&` at `at` starts a character reference (`&quot;`, `&#39;`).
bool startsReference(std::string_view text, std::size_t at)
{
    const std::size_t semicolon = text.substr(at, 12).find(';');
    return semicolon != std::string_view::npos && semicolon > 1 &&
           characterReference(text.substr(at + 1, semicolon - 1)).has_value();
}

/// Whether `line` holds only tags and blanks before `at`: a document's `<html` or `<body` there starts
/// markup, where after a word it is a tag mentioned in a sentence ("put it in the <body>").
bool onlyMarkupBefore(std::string_view line, std::size_t at)
{
    bool inTag = false;
    for (std::size_t i = 0; i < at; ++i) {
        const char c = line[i];
        if (inTag)
            inTag = c != '>';
        else if (c == '<')
            inTag = true;
        else if (c != ' ' && c != '\t' && c != '\r' && c != '\f')
            return false;
    }
    return !inTag;
}

/// What one line, or the lines of a fragment, hold as evidence of HTML. Tags inside a double-quoted
/// string (a JSON member `"Description": "<b>x</b>"`) are data, not markup, and are not counted.
struct LineEvidence
{
    std::size_t tags = 0;
    std::size_t closers = 0; ///< end tags and `<br>`: text marked up rather than a tag mentioned
    std::size_t references = 0;
    bool document = false;
    bool documentCloses = false; ///< `</html` or `</body`
    bool startsWithTag = false;  ///< the text's first character opens an element
    bool blank = true;

    void add(const LineEvidence& line)
    {
        tags += line.tags;
        closers += line.closers;
        references += line.references;
        document = document || line.document;
        documentCloses = documentCloses || line.documentCloses;
        startsWithTag = startsWithTag || line.startsWithTag;
    }
};

/// Lines counted up to a point: "considered" when not blank and not inside <pre>, "marked" when such a
/// line holds a tag or a character reference.
struct LineCounts
{
    std::size_t considered = 0;
    std::size_t marked = 0;
};

/// Lines holding tags close together: one candidate fragment.
struct Candidate
{
    HtmlRegion region;
    LineEvidence evidence; ///< of its lines from the first with a tag to the last
    LineCounts before;     ///< before its first line
    LineCounts through;    ///< through its last line
};

/// Whether a candidate is a fragment: markup enough to be a page's rather than a mention of a tag, a
/// closing tag or a <br>, and at least half of the lines it spans (outside <pre>) marked up.
bool isFragment(const Candidate& c)
{
    const LineEvidence& e = c.evidence;
    const bool enough = e.tags >= 3 || (e.tags >= 2 && (e.references >= 2 || e.startsWithTag));
    const std::size_t considered = c.through.considered - c.before.considered;
    const std::size_t marked = c.through.marked - c.before.marked;
    return enough && e.closers > 0 && marked * 2 >= considered;
}

/// Unmarked lines after which markup that is all closed ends a fragment (plain text follows it), and
/// after which markup ends one even when an element is left open.
constexpr std::size_t kLinesApartClosed = 2;
constexpr std::size_t kLinesApart = 8;

} // namespace

std::vector<HtmlRegion> findHtml(std::string_view text)
{
    LineCounts counts;
    std::vector<Candidate> candidates;
    LineEvidence pending; // of the lines after the last candidate's last tag line
    LineEvidence total;
    int pre = 0;
    int blocks = 0;              // Block and Inline elements open
    std::vector<int> preStyled;  // `blocks` outside each element styled `white-space: pre` open
    constexpr std::size_t kMaxPreStyled = 256;
    bool paragraph = false;      // a <p> open
    std::size_t unmarkedRun = 0; // considered lines without markup since the last marked one
    bool seenText = false;
    bool lineInPre = false;

    int line = 1;
    std::size_t lineStart = 0;
    // Line by line; in each only `<` and `&` are looked at (memchr), and the quotes before a `<`.
    for (;; ++line) {
        const std::size_t lineEnd = std::min(text.find('\n', lineStart), text.size());
        std::string_view content = text.substr(lineStart, lineEnd - lineStart);
        std::size_t offset = lineStart; // of `content` in `text`
        std::size_t firstChar = content.find_first_not_of(" \t\r\f");
        // A byte order mark before the text (U+FEFF, EF BB BF) is no text.
        if (!seenText && firstChar != std::string_view::npos &&
            content.substr(firstChar).starts_with("\xEF\xBB\xBF")) {
            content.remove_prefix(firstChar + 3);
            offset += firstChar + 3;
            firstChar = content.find_first_not_of(" \t\r\f");
        }
        const bool openBefore = blocks > 0 || paragraph || pre > 0;
        LineEvidence here;
        here.blank = firstChar == std::string_view::npos;
        bool inString = false;
        bool proseBefore = false; // a document tag on this line followed text: a mention
        std::size_t quotesTo = 0; // the quotes of `content` before this offset are followed
        std::size_t nextTag = content.find('<');
        std::size_t nextReference = content.find('&');
        while (nextTag != std::string_view::npos || nextReference != std::string_view::npos) {
            if (nextReference < nextTag) {
                here.references += startsReference(text, offset + nextReference);
                nextReference = content.find('&', nextReference + 1);
                continue;
            }
            const std::size_t at = nextTag;
            for (; quotesTo < at; ++quotesTo) {
                if (content[quotesTo] == '"')
                    inString = !inString;
                else if (content[quotesTo] == '\\' && inString)
                    ++quotesTo; // an escaped character inside a string
            }
            const TagEvidence seen = tagEvidence(text, offset + at);
            if (seen.html && !inString) {
                const std::string_view tag = content.substr(at);
                ++here.tags;
                here.closers += seen.slash || startsWithNoCase(tag, "<br");
                if (seen.document && !here.document && !proseBefore) {
                    here.document = onlyMarkupBefore(content, at);
                    proseBefore = !here.document;
                }
                here.startsWithTag = here.startsWithTag || (!seenText && at == firstChar && !seen.slash);
                here.documentCloses =
                    here.documentCloses || startsWithNoCase(tag, "</html") || startsWithNoCase(tag, "</body");
                if (seen.pre)
                    pre = std::max(0, pre + (seen.slash ? -1 : 1));
                else if (seen.preStyled && preStyled.size() < kMaxPreStyled)
                    preStyled.push_back(blocks); // ends when the elements open here close
                if (seen.nesting == Nesting::Block || seen.nesting == Nesting::Inline)
                    blocks = std::max(0, blocks + (seen.slash ? -1 : 1));
                while (!preStyled.empty() && preStyled.back() >= blocks)
                    preStyled.pop_back();
                if (seen.nesting == Nesting::Paragraph)
                    paragraph = !seen.slash;
                else if (seen.nesting == Nesting::Block)
                    paragraph = false; // a block ends the paragraph it is in
            }
            nextTag = content.find('<', at + seen.length);
        }
        const bool considered = !lineInPre && !here.blank;
        const bool marked = here.tags > 0 || here.references > 0;
        if (here.tags > 0) {
            // Far enough from the last candidate, with its markup closed, to be another fragment.
            const bool apart =
                unmarkedRun >= kLinesApart || (unmarkedRun >= kLinesApartClosed && !openBefore);
            if (candidates.empty() || apart) {
                candidates.push_back({HtmlRegion{lineStart, lineEnd, line, line, false}, {}, counts, {}});
            } else {
                candidates.back().evidence.add(pending);
            }
            pending = {};
            Candidate& current = candidates.back();
            current.region.end = lineEnd;
            current.region.lastLine = line;
            current.evidence.add(here);
        } else {
            pending.add(here);
        }
        if (considered) {
            ++counts.considered;
            counts.marked += marked;
            unmarkedRun = marked ? 0 : unmarkedRun + 1;
        }
        if (here.tags > 0)
            candidates.back().through = counts;
        total.add(here);
        seenText = seenText || !here.blank;
        lineInPre = pre > 0 || !preStyled.empty();
        if (lineEnd == text.size())
            break;
        lineStart = lineEnd + 1;
    }
    if (candidates.empty())
        return {};
    if (total.document) {
        // A document: from the first line with a tag to the last; one that never closes runs to the end
        // of the text (an export cut short).
        HtmlRegion region = candidates.front().region;
        region.end = candidates.back().region.end;
        region.lastLine = candidates.back().region.lastLine;
        region.document = true;
        if (!total.documentCloses) {
            region.end = text.size();
            region.lastLine = line;
        }
        return {region};
    }
    std::vector<HtmlRegion> fragments;
    for (const Candidate& candidate : candidates)
        if (isFragment(candidate))
            fragments.push_back(candidate.region);
    if (fragments.empty() && candidates.size() > 1) {
        // Markup that is no fragment piece by piece may be one as a whole (prose lines between tags).
        Candidate whole = candidates.front();
        for (std::size_t i = 1; i < candidates.size(); ++i)
            whole.region.end = candidates[i].region.end;
        whole.region.lastLine = candidates.back().region.lastLine;
        whole.evidence = total;
        whole.through = candidates.back().through;
        if (isFragment(whole))
            fragments.push_back(whole.region);
    }
    return fragments;
}

HtmlText textWithHtmlRead(std::string_view text, const std::vector<HtmlRegion>& regions)
{
    HtmlText out;
    std::size_t at = 0;
    int line = 1;          // the document line of text[at]
    bool lineOpen = false; // the last line of `out` has its lineOf
    // Text outside the HTML, as it is: each character after a line end starts a line.
    const auto copyTo = [&](std::size_t to) {
        for (; at < to; ++at) {
            if (!lineOpen) {
                out.lineOf.push_back(line);
                lineOpen = true;
            }
            out.text += text[at];
            if (text[at] == '\n') {
                ++line;
                lineOpen = false;
            }
        }
    };
    for (const HtmlRegion& region : regions) {
        copyTo(region.begin);
        HtmlText html = htmlToText(text.substr(region.begin, region.end - region.begin));
        // A block closing at the end leaves an empty last line: the line break after the HTML ends it.
        while (html.text.ends_with('\n')) {
            html.text.pop_back();
            html.lineOf.pop_back();
        }
        out.text += html.text;
        for (const int l : html.lineOf)
            out.lineOf.push_back(l + region.firstLine - 1);
        lineOpen = true;
        at = region.end;
        line = region.lastLine;
    }
    copyTo(text.size());
    return out;
}

HtmlText htmlToText(std::string_view html)
{
    return HtmlReader(html).run();
}

} // namespace hcn::io
