// A Format-Table whose line breaks a paste lost: the header, its `----` rule and the rows on one line.
// A console pads every line to its buffer's width, so when the blanks survived, the header, the rule and
// each row start one width apart, and the rule's dash groups mark the columns in each of them.

#include "hcn/dump_formats.h"
#include "io/text_tables.h"

#include <algorithm>

namespace hcn::io::tables {

namespace {

/// The widest console line looked back over for a header (Windows consoles are rarely wider than a few
/// hundred columns).
constexpr std::size_t kMaxWidth = 2048;

struct DashGroup
{
    std::size_t offset = 0; ///< from the rule's first dash
    std::size_t length = 0;
};

/// The dash groups of a rule starting at `at` (`---- --      -------`, each as long as its label): two at
/// least, else none. `end` is set to where the rule's last group ends.
std::vector<DashGroup> ruleAt(std::string_view line, std::size_t at, std::size_t& end)
{
    std::vector<DashGroup> groups;
    std::size_t i = at;
    while (i < line.size() && line[i] == '-') {
        const std::size_t start = i;
        while (i < line.size() && line[i] == '-')
            ++i;
        groups.push_back({start - at, i - start});
        end = i;
        std::size_t next = i;
        while (next < line.size() && line[next] == ' ')
            ++next;
        if (next > i && next < line.size() && line[next] == '-')
            i = next; // the next column's group, as far as its column starts
    }
    return groups.size() >= 2 ? groups : std::vector<DashGroup>{};
}

bool isLabelCharacter(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '.';
}

/// Whether the header's labels stand at `h`: each over its dash group, exactly as long, with blanks
/// between them.
bool headerAt(std::string_view line, std::size_t h, const std::vector<DashGroup>& groups)
{
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const std::size_t at = h + groups[g].offset;
        const std::size_t end = at + groups[g].length;
        if (end > line.size() || (at > 0 && g == 0 && !isBlank(line[at - 1])))
            return false;
        for (std::size_t i = at; i < end; ++i)
            if (!isLabelCharacter(line[i]))
                return false;
        if (end < line.size() && !isBlank(line[end]))
            return false;
        const std::size_t next = g + 1 < groups.size() ? h + groups[g + 1].offset : end;
        for (std::size_t i = end; i < next; ++i)
            if (!isBlank(line[i]))
                return false;
    }
    return true;
}

std::string headerWords(std::string_view header)
{
    std::string words;
    for (const Token& token : splitTokens(header))
        words += (words.empty() ? "" : " ") + std::string(token.text);
    return words;
}

} // namespace

std::vector<std::string> splitFlattenedTable(std::string_view line, std::string& unreadHeader)
{
    unreadHeader.clear();
    for (std::size_t d = line.find("---- "); d != std::string_view::npos; d = line.find("---- ", d + 1)) {
        if (d > 0 && line[d - 1] != ' ')
            continue;
        std::size_t ruleEnd = d;
        const std::vector<DashGroup> groups = ruleAt(line, d, ruleEnd);
        if (groups.empty())
            continue;
        const std::size_t ruleStart = d;
        d = ruleEnd - 1; // the next rule is searched after this one: each dash is looked at once
        const std::size_t ruleWidth = ruleEnd - ruleStart;
        // The nearest header before the rule, with nothing but blanks between its end and the rule.
        std::size_t h = std::string_view::npos;
        for (std::size_t back = ruleWidth + 1; back <= std::min(ruleStart, kMaxWidth); ++back) {
            if (headerAt(line, ruleStart - back, groups)) {
                h = ruleStart - back;
                break;
            }
        }
        if (h == std::string_view::npos)
            continue;
        const std::size_t width = ruleStart - h; // the console's line width, when its padding survived
        const std::string_view header = line.substr(h, ruleWidth);
        const auto blanks = [&](std::size_t from, std::size_t to) {
            return to <= line.size() && isBlankLine(line.substr(from, to - from));
        };
        // The Id column tells the rows apart: a GUID in it, at the column's start, in every row.
        const std::vector<Token> labels = splitTokens(header);
        const auto id = std::find_if(labels.begin(), labels.end(),
                                     [](const Token& t) { return t.text == "Id" || t.text == "ID"; });
        std::vector<std::string> rows;
        const bool padded = blanks(h + ruleWidth, ruleStart) && blanks(ruleEnd, ruleStart + width);
        for (std::size_t r = ruleStart + width;
             padded && id != labels.end() && id->begin > 0 && r < line.size(); r += width) {
            const std::string_view row = line.substr(r, std::min(width, line.size() - r));
            if (!isBlank(line[r - 1]) || isBlank(row.front()))
                break;
            const std::size_t at = id->begin;
            if (at + 36 > row.size() || !isGuid(row.substr(at, 36)) || !isBlank(row[at - 1]) ||
                (at + 36 < row.size() && !isBlank(row[at + 36])))
                break;
            // No cell runs across the start of the next column.
            bool aligned = true;
            for (std::size_t g = 1; g < groups.size() && aligned; ++g) {
                const std::size_t start = groups[g].offset;
                aligned = start >= row.size() || isBlank(row[start - 1]);
            }
            if (!aligned)
                break;
            rows.emplace_back(row);
        }
        if (rows.empty()) {
            unreadHeader = headerWords(header);
            return {};
        }
        std::vector<std::string> split;
        if (const std::string_view before = trimBlanks(line.substr(0, h)); !before.empty())
            split.emplace_back(before);
        split.emplace_back(line.substr(h, width));
        split.emplace_back(line.substr(ruleStart, width));
        split.insert(split.end(), rows.begin(), rows.end());
        split.emplace_back(); // the table ends here
        const std::size_t after = ruleStart + width * (rows.size() + 1);
        if (after < line.size())
            split.emplace_back(line.substr(after));
        return split;
    }
    return {};
}

} // namespace hcn::io::tables
