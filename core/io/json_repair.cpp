#include "io/json_repair.h"

#include <algorithm>
#include <cctype>

namespace hcn::io {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\f';
}

/// The last character of a complete value (closing quote, bracket, digit, true/false/null).
bool endsValue(char c)
{
    return c == '"' || c == '}' || c == ']' || std::isdigit(static_cast<unsigned char>(c)) || c == 'e' ||
           c == 'l';
}

void note(std::vector<std::string>& repairs, std::string what)
{
    if (std::find(repairs.begin(), repairs.end(), what) == repairs.end())
        repairs.push_back(std::move(what));
}

char nextSignificant(std::string_view text, std::size_t from)
{
    while (from < text.size() && isSpace(text[from]))
        ++from;
    return from < text.size() ? text[from] : '\0';
}

} // namespace

std::string repairCommas(std::string_view json, std::vector<std::string>& repairs)
{
    std::string out;
    out.reserve(json.size() + 16);
    bool inString = false;
    bool escape = false;
    char last = '\0'; // last significant character outside strings (a closing quote counts)
    for (std::size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (inString) {
            out += c;
            if (escape)
                escape = false;
            else if (c == '\\')
                escape = true;
            else if (c == '"') {
                inString = false;
                last = '"';
            }
            continue;
        }
        if (c == ',') {
            const char next = nextSignificant(json, i + 1);
            if (next == '}' || next == ']') {
                note(repairs, "removed a trailing comma");
                continue;
            }
        } else if (c == '\n' && endsValue(last)) {
            const char next = nextSignificant(json, i + 1);
            if (next == '"' || next == '{' || next == '[') {
                out += ',';
                last = ',';
                note(repairs, "inserted a missing comma");
            }
        }
        out += c;
        if (c == '"')
            inString = true;
        else if (!isSpace(c))
            last = c;
    }
    return out;
}

std::string unquoteGoString(std::string_view quoted)
{
    std::string out;
    out.reserve(quoted.size());
    for (std::size_t i = 0; i < quoted.size(); ++i) {
        if (quoted[i] != '\\' || i + 1 == quoted.size()) {
            out += quoted[i];
            continue;
        }
        const char e = quoted[++i];
        switch (e) {
        case '"':
        case '\\':
            out += e;
            break;
        case 'n':
            out += '\n';
            break;
        case 't':
            out += '\t';
            break;
        case 'r':
            break;
        default:
            out += '\\';
            out += e;
        }
    }
    return out;
}

} // namespace hcn::io
