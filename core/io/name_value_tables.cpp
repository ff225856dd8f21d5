// PowerShell's Name/Value tables of a hashtable of HNS properties, written as the list view of that object.

#include "io/name_value_tables.h"

#include "common/text.h"
#include "io/hns_property_names.h"

#include <algorithm>
#include <cctype>
#include <utility>
#include <vector>

namespace hcn::io {

namespace {

/// The lines of `text` as views, without their line ends.
std::vector<std::string_view> linesOf(std::string_view text)
{
    std::vector<std::string_view> lines;
    for (std::size_t at = 0; at <= text.size();) {
        const std::size_t end = std::min(text.find('\n', at), text.size());
        lines.push_back(text.substr(at, end - at));
        at = end + 1;
    }
    return lines;
}

/// Where the Value column starts when `header` and `rule` are a Name/Value table's (`Name   Value` over
/// `----   -----`, both columns where the header has them); npos otherwise.
std::size_t valueColumn(std::string_view header, std::string_view rule)
{
    const std::size_t name = header.find_first_not_of(' ');
    if (name == std::string_view::npos || header.substr(name, 4) != "Name")
        return std::string_view::npos;
    const std::size_t value = header.find_first_not_of(' ', name + 4);
    if (value == name + 4 || value == std::string_view::npos || trimBlanks(header.substr(value)) != "Value")
        return std::string_view::npos;
    if (rule.find_first_not_of(' ') != name || rule.substr(name, 4) != "----" ||
        rule.find_first_not_of(' ', name + 4) != value || trimBlanks(rule.substr(value)) != "-----")
        return std::string_view::npos;
    return value;
}

bool isKeyName(std::string_view name)
{
    return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-' || c == '.';
    });
}

/// `{[ID, 2B4D...], [IsDefault, False]}`, a nested hashtable as PowerShell prints it, as the list view
/// prints an object: `@{ID=2B4D...; IsDefault=False}`; any other value as it is.
std::string listViewValue(std::string_view value)
{
    if (!value.starts_with("{[") || !value.ends_with("]}"))
        return std::string(value);
    std::string out = "@{";
    std::string_view rest = value.substr(2, value.size() - 4);
    for (bool first = true;; first = false) {
        const std::size_t end = rest.find("], [");
        const std::string_view pair = rest.substr(0, end);
        const std::size_t comma = pair.find(", ");
        if (comma == std::string_view::npos || !isKeyName(pair.substr(0, comma)))
            return std::string(value);
        out += (first ? "" : "; ") + std::string(pair.substr(0, comma)) + "=" +
               std::string(pair.substr(comma + 2));
        if (end == std::string_view::npos)
            break;
        rest.remove_prefix(end + 4);
    }
    return out + "}";
}

} // namespace

std::optional<NameValueTablesAsListViews> nameValueTablesAsListViews(std::string_view text)
{
    if (text.find("-----") == std::string_view::npos || text.find("Value") == std::string_view::npos)
        return std::nullopt;
    const std::vector<std::string_view> lines = linesOf(text);
    NameValueTablesAsListViews result;
    std::vector<std::pair<std::size_t, std::string>> written; // line index -> its new text, in order
    for (std::size_t i = 0; i + 2 < lines.size(); ++i) {
        const std::size_t column = valueColumn(lines[i], lines[i + 1]);
        if (column == std::string_view::npos)
            continue;
        // The rows: a key in the Name column, up to a blank line.
        std::size_t end = i + 2;
        std::size_t known = 0;
        std::size_t width = 0;
        for (; end < lines.size() && !trimBlanks(lines[end]).empty(); ++end) {
            const std::string_view key = trimBlanks(lines[end].substr(0, column));
            if (!isKeyName(key) || lines[end].find_first_not_of(' ') >= column)
                break;
            known += isHnsProperty(key) ? 1 : 0;
            width = std::max(width, key.size());
        }
        if (known < 2 || (end < lines.size() && !trimBlanks(lines[end]).empty())) {
            i = end - 1;
            continue;
        }
        written.emplace_back(i, std::string());
        written.emplace_back(i + 1, std::string());
        for (std::size_t row = i + 2; row < end; ++row) {
            const std::string_view key = trimBlanks(lines[row].substr(0, column));
            const std::string_view value =
                lines[row].size() > column ? trimBlanks(lines[row].substr(column)) : std::string_view();
            std::string line(key);
            line.resize(width, ' ');
            written.emplace_back(row, line + " : " + listViewValue(value));
        }
        ++result.tables;
        i = end - 1;
    }
    if (result.tables == 0)
        return std::nullopt;
    auto next = written.begin();
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i > 0)
            result.text += '\n';
        if (next != written.end() && next->first == i)
            result.text += (next++)->second;
        else
            result.text += lines[i];
    }
    return result;
}

} // namespace hcn::io
