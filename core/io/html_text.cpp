// An HTML document as the text it shows: what a ticket system's or a mail client's HTML export holds
// where the customer pasted output.

#include "io/html_text.h"

#include "common/utf8.h"
#include "io/character_references.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
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
        if (m_pre > 0) {
            if (c == '\n')
                lineBreak(at);
            else if (c != '\r')
                emit(std::string_view(&c, 1), at);
            return;
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
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
            if (name == "pre" && closing)
                m_pre = std::max(0, m_pre - 1);
            if (name == "pre" && !closing) {
                ++m_pre;
                // A line break right after <pre> is not shown.
                const std::string_view next = m_html.substr(after);
                return after + (next.starts_with("\r\n") ? 2 : next.starts_with('\n') ? 1 : 0);
            }
        } else if (name == "td" || name == "th") {
            m_space = true;
        }
        return after;
    }

    std::string_view m_html;
    HtmlText m_out;
    bool m_space = false; ///< white space seen outside <pre> since the last character
    int m_pre = 0;        ///< <pre> elements open
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

/// What the `<` at `at` starts, as evidence of HTML.
struct TagEvidence
{
    bool html = false;      ///< an element of kHtmlEvidence, or `<!DOCTYPE html`
    bool slash = false;     ///< an end tag: `</div>`
    bool document = false;  ///< `<html`, `<body`, `<!DOCTYPE html`
    bool pre = false;       ///< `<pre` or `</pre`
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
    return seen;
}

/// Whether `&` at `at` starts a character reference (`&quot;`, `&#39;`).
bool startsReference(std::string_view text, std::size_t at)
{
    const std::size_t semicolon = text.substr(at, 12).find(';');
    return semicolon != std::string_view::npos && semicolon > 1 &&
           characterReference(text.substr(at + 1, semicolon - 1)).has_value();
}

/// What one line holds as evidence of HTML. Tags inside a double-quoted string (a JSON member
/// `"Description": "<b>x</b>"`) are data, not markup, and are not counted.
struct LineEvidence
{
    std::size_t tags = 0;
    std::size_t closers = 0; ///< end tags and `<br>`: text marked up rather than a tag mentioned
    std::size_t references = 0;
    int preDepth = 0; ///< <pre> opened minus closed
    bool document = false;
    bool documentCloses = false; ///< `</html` or `</body`
    bool startsWithTag = false;  ///< the text's first character opens an element
    bool blank = true;
};

} // namespace

std::optional<HtmlRegion> findHtml(std::string_view text)
{
    // Counts over lines: a line is "considered" when it is not blank and not inside <pre>, "marked" when
    // such a line holds a tag or a character reference. The counts before the first line with a tag and
    // after the last one give the share of marked lines between them.
    struct Counts
    {
        std::size_t considered = 0;
        std::size_t marked = 0;
    };
    Counts counts;
    Counts beforeFirst;
    Counts afterLast;
    std::optional<HtmlRegion> region;
    LineEvidence total;
    int pre = 0;
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
        LineEvidence here;
        here.blank = firstChar == std::string_view::npos;
        bool inString = false;
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
                here.document = here.document || seen.document;
                here.startsWithTag = here.startsWithTag || (!seenText && at == firstChar && !seen.slash);
                here.documentCloses =
                    here.documentCloses || startsWithNoCase(tag, "</html") || startsWithNoCase(tag, "</body");
                if (seen.pre)
                    here.preDepth += seen.slash ? -1 : 1;
            }
            nextTag = content.find('<', at + seen.length);
        }
        if (here.tags > 0) {
            if (!region) {
                region = HtmlRegion{lineStart, lineEnd, line, line, false};
                beforeFirst = counts;
            }
            region->end = lineEnd;
            region->lastLine = line;
        }
        if (!lineInPre && !here.blank) {
            ++counts.considered;
            counts.marked += here.tags > 0 || here.references > 0;
        }
        if (here.tags > 0)
            afterLast = counts;
        total.tags += here.tags;
        total.closers += here.closers;
        total.references += here.references;
        total.document = total.document || here.document;
        total.documentCloses = total.documentCloses || here.documentCloses;
        total.startsWithTag = total.startsWithTag || here.startsWithTag;
        seenText = seenText || !here.blank;
        pre = std::max(0, pre + here.preDepth);
        lineInPre = pre > 0;
        if (lineEnd == text.size())
            break;
        lineStart = lineEnd + 1;
    }
    if (!region)
        return std::nullopt;
    if (total.document) {
        region->document = true;
        // A document that never closes runs to the end of the text (an export cut short).
        if (!total.documentCloses) {
            region->end = text.size();
            region->lastLine = line;
        }
        return region;
    }
    // A fragment: markup enough to be a page's rather than a mention of a tag, a closing tag or a
    // <br>, and at least half of the lines it spans (outside <pre>) marked up.
    const bool enough =
        total.tags >= 3 || (total.tags >= 2 && (total.references >= 2 || total.startsWithTag));
    const std::size_t considered = afterLast.considered - beforeFirst.considered;
    const std::size_t marked = afterLast.marked - beforeFirst.marked;
    if (!enough || total.closers == 0 || marked * 2 < considered)
        return std::nullopt;
    return region;
}

HtmlText textWithHtmlRead(std::string_view text, const HtmlRegion& region)
{
    HtmlText out;
    int line = 1;
    // The lines before the HTML, as they are.
    for (std::size_t start = 0; start < region.begin; ++line) {
        const std::size_t end = std::min(text.find('\n', start), region.begin);
        out.text.append(text.substr(start, end - start));
        out.text += '\n';
        out.lineOf.push_back(line);
        start = end + 1;
    }
    HtmlText html = htmlToText(text.substr(region.begin, region.end - region.begin));
    // A block closing at the end leaves an empty last line: the line break after the HTML ends it.
    while (html.text.ends_with('\n')) {
        html.text.pop_back();
        html.lineOf.pop_back();
    }
    out.text += html.text;
    for (const int l : html.lineOf)
        out.lineOf.push_back(l + region.firstLine - 1);
    // The lines after it, as they are: each line end starts the next.
    line = region.lastLine;
    for (std::size_t i = region.end; i < text.size(); ++i) {
        out.text += text[i];
        if (text[i] == '\n')
            out.lineOf.push_back(++line);
    }
    return out;
}

HtmlText htmlToText(std::string_view html)
{
    return HtmlReader(html).run();
}

} // namespace hcn::io
