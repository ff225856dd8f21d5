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

constexpr std::size_t kHtmlSniffBytes = 4096;

char lower(char c)
{
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

bool startsWithNoCase(std::string_view text, std::string_view prefix)
{
    return text.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), text.begin(),
                                                      [](char a, char b) { return lower(a) == b; });
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

} // namespace

bool looksLikeHtml(std::string_view text)
{
    const std::size_t start = text.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos || text[start] != '<')
        return false;
    const std::string_view head = text.substr(start, kHtmlSniffBytes);
    if (findNoCase(head, "<html") != std::string_view::npos ||
        findNoCase(head, "<!doctype html") != std::string_view::npos ||
        findNoCase(head, "<body") != std::string_view::npos)
        return true;
    constexpr std::array<std::string_view, 7> kOpenings = {"<div",   "<p>",   "<p ", "<pre",
                                                           "<table", "<span", "<br"};
    return std::any_of(kOpenings.begin(), kOpenings.end(),
                       [&](std::string_view t) { return startsWithNoCase(head, t); }) &&
           head.find("</") != std::string_view::npos;
}

HtmlText htmlToText(std::string_view html)
{
    return HtmlReader(html).run();
}

} // namespace hcn::io
