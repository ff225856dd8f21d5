#include "io/json_parse_errors.h"

#include <cctype>
#include <charconv>

namespace hcn::io {

namespace {

/// The number after `key` in `what` ("line 3"), or -1.
long numberAfter(std::string_view what, std::string_view key)
{
    const std::size_t at = what.find(key);
    if (at == std::string_view::npos)
        return -1;
    const char* first = what.data() + at + key.size();
    long n = -1;
    std::from_chars(first, what.data() + what.size(), n);
    return n;
}

/// The parser's name for the token it met ("number literal") in the user's words.
std::string_view tokenWords(std::string_view what)
{
    struct Token
    {
        std::string_view parser;
        std::string_view words;
    };
    static constexpr Token kTokens[] = {
        {"unexpected number literal", "a number"},
        {"unexpected string literal", "a quoted text"},
        {"unexpected '{'", "'{'"},
        {"unexpected '}'", "'}'"},
        {"unexpected '['", "'['"},
        {"unexpected ']'", "']'"},
        {"unexpected ':'", "':'"},
        {"unexpected ','", "','"},
        {"unexpected true literal", "true"},
        {"unexpected false literal", "false"},
        {"unexpected null literal", "null"},
        {"unexpected end of input", "the end of the text"},
        {"invalid literal", "a word that is not in quotes"},
        {"invalid number", "a malformed number"},
        {"control character", "a line break or control character inside quotes"},
        {"invalid string", "a malformed text in quotes"},
    };
    for (const Token& t : kTokens)
        if (what.find(t.parser) != std::string_view::npos)
            return t.words;
    return {};
}

} // namespace

std::string describeJsonParseError(std::string_view what, int firstLine, std::size_t firstColumn)
{
    std::string where;
    const long line = numberAfter(what, "line ");
    long column = numberAfter(what, "column ");
    if (line >= 1 && column >= 1) {
        if (line == 1)
            column += long(firstColumn);
        where =
            "at line " + std::to_string(firstLine + line - 1) + ", column " + std::to_string(column) + ": ";
    }
    std::string wrong;
    if (what.find("unexpected end of input") != std::string_view::npos)
        wrong = "the text ends before the value closes";
    else if (what.find("while parsing object key") != std::string_view::npos)
        wrong = "a member name must be in double quotes";
    else if (what.find("while parsing object separator") != std::string_view::npos)
        wrong = "a ':' must follow the member name";
    else if (what.find("while parsing object") != std::string_view::npos)
        wrong = "a ',' or '}' must follow the member's value";
    else if (what.find("while parsing array") != std::string_view::npos)
        wrong = "a ',' or ']' must follow the element";
    else
        wrong = "a value must be a number, a text in double quotes, true, false, null, an object or a list";
    if (const std::string_view found = tokenWords(what);
        !found.empty() && what.find("unexpected end of input") == std::string_view::npos)
        wrong += ", not " + std::string(found);
    return where + wrong;
}

bool isGoValuePrint(std::string_view text)
{
    bool word = false;
    for (const char c : text) {
        if (c == '"' || c == ':' || c == '\'')
            return false;
        if (std::isalnum(static_cast<unsigned char>(c)))
            word = true;
    }
    return word;
}

} // namespace hcn::io
