// Tables in dump text: the scan that finds them, the pieces both readers share, and PowerShell's
// Format-Table / Select-Object output, whose `----` line gives the extent of every column.

#include "io/text_tables.h"

#include "hcn/dump_formats.h"
#include "hcn/mac_address.h"
#include "io/cut_id_warning.h"
#include "io/hns_commands.h"
#include "io/hns_property_names.h"
#include "io/line_prefixes.h"
#include "io/object_kinds.h"
#include "io/powershell_commands.h"
#include "io/powershell_value.h"
#include "io/wrapped_lines.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <climits>
#include <cstdint>
#include <exception>
#include <optional>
#include <set>

namespace hcn::io {

namespace tables {

namespace {

bool isHex(char c)
{
    return std::isxdigit(static_cast<unsigned char>(c)) != 0;
}

bool isContinuationByte(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

} // namespace

std::size_t displayWidth(std::string_view text)
{
    return std::size_t(
        std::count_if(text.begin(), text.end(), [](char c) { return !isContinuationByte(c); }));
}

std::vector<Token> splitTokens(std::string_view line)
{
    std::vector<Token> tokens;
    std::size_t column = 0;
    std::size_t i = 0;
    while (i < line.size()) {
        if (isBlank(line[i])) {
            ++i;
            ++column;
            continue;
        }
        Token token;
        token.begin = i;
        token.column = column;
        while (i < line.size() && !isBlank(line[i])) {
            if (!isContinuationByte(line[i]))
                ++column;
            ++i;
        }
        token.end = i;
        token.columnEnd = column;
        token.text = line.substr(token.begin, token.end - token.begin);
        tokens.push_back(token);
    }
    return tokens;
}

bool isBlankLine(std::string_view s)
{
    return trimBlanks(s).empty();
}

bool isGuid(std::string_view s)
{
    if (s.size() == 38 && s.front() == '{' && s.back() == '}')
        s = s.substr(1, 36);
    if (s.size() != 36)
        return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? s[i] != '-' : !isHex(s[i]))
            return false;
    }
    return true;
}

bool isAddress(std::string_view s)
{
    if (const auto slash = s.find('/'); slash != std::string_view::npos) {
        const std::string_view prefix = s.substr(slash + 1);
        if (prefix.empty() || prefix.size() > 3 ||
            !std::all_of(prefix.begin(), prefix.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return false;
        s = s.substr(0, slash);
    }
    if (s.empty())
        return false;
    if (s.find(':') != std::string_view::npos) { // IPv6: hex groups, `::`, maybe a dotted tail
        int colons = 0;
        for (char c : s) {
            if (c == ':')
                ++colons;
            else if (!isHex(c) && c != '.')
                return false;
        }
        return colons >= 2 && colons <= 7;
    }
    int dots = 0;
    std::size_t digits = 0;
    for (char c : s) {
        if (c == '.') {
            if (digits == 0)
                return false;
            ++dots;
            digits = 0;
        } else if (c >= '0' && c <= '9' && digits < 3) {
            ++digits;
        } else {
            return false;
        }
    }
    return dots == 3 && digits > 0;
}

bool isDashLine(std::string_view s)
{
    s = trimBlanks(s);
    return !s.empty() && s.front() == '-' &&
           std::all_of(s.begin(), s.end(), [](char c) { return c == '-' || isBlank(c); });
}

std::string lineRange(int first, int last)
{
    return first == last ? "line " + std::to_string(first)
                         : "lines " + std::to_string(first) + "-" + std::to_string(last);
}

std::vector<std::pair<int, int>> joinedRuns(std::vector<std::pair<int, int>> ranges)
{
    std::sort(ranges.begin(), ranges.end());
    std::vector<std::pair<int, int>> runs;
    for (const auto& [first, last] : ranges) {
        if (!runs.empty() && first <= runs.back().second + 1)
            runs.back().second = std::max(runs.back().second, last);
        else
            runs.emplace_back(first, last);
    }
    return runs;
}

bool inRuns(const std::vector<std::pair<int, int>>& runs, int line)
{
    const auto it = std::upper_bound(runs.begin(), runs.end(), std::make_pair(line, INT_MAX));
    return it != runs.begin() && std::prev(it)->second >= line;
}

std::string atLines(std::vector<std::pair<int, int>> at)
{
    constexpr std::size_t kMaxRunsNamed = 8;
    const std::vector<std::pair<int, int>> runs = joinedRuns(std::move(at));
    std::string where = runs.size() == 1 && runs[0].first == runs[0].second ? "line " : "lines ";
    for (std::size_t i = 0; i < runs.size() && i < kMaxRunsNamed; ++i) {
        where += i == 0 ? "" : ", ";
        where += std::to_string(runs[i].first);
        if (runs[i].second != runs[i].first)
            where += "-" + std::to_string(runs[i].second);
    }
    if (runs.size() > kMaxRunsNamed)
        where += ", ...";
    return where;
}

std::string timesAtLines(std::vector<std::pair<int, int>> at)
{
    const std::size_t times = at.size();
    return "(" + std::to_string(times) + " times, " + atLines(std::move(at)) + ")";
}

namespace {

/// A column of a Format-Table: its label and the extent its `----` group marks.
struct FormatColumn
{
    std::string label;
    std::size_t column = 0; ///< first display column of the dashes
    std::size_t columnEnd = 0;
};


/// The columns when `header` over `dashes` is a Format-Table header: at least two dash groups, each with
/// a label over it, and no label text outside the groups. Empty when it is not one.
std::vector<FormatColumn> formatColumns(std::string_view header, std::string_view dashes)
{
    const std::vector<Token> groups = splitTokens(dashes);
    const std::vector<Token> words = splitTokens(header);
    if (groups.size() < 2 || words.empty())
        return {};
    std::vector<FormatColumn> columns(groups.size());
    for (std::size_t g = 0; g < groups.size(); ++g) {
        columns[g].column = groups[g].column;
        columns[g].columnEnd = groups[g].columnEnd;
    }
    for (const Token& word : words) {
        if (word.text.front() == '{' || word.text.front() == '"' || word.text.front() == '[')
            return {};
        const auto inside = std::find_if(columns.begin(), columns.end(), [&](const FormatColumn& c) {
            return word.column >= c.column && word.columnEnd <= c.columnEnd;
        });
        if (inside == columns.end())
            return {};
        if (!inside->label.empty())
            inside->label += ' ';
        inside->label += word.text;
    }
    const bool everyLabelled =
        std::all_of(columns.begin(), columns.end(), [](const FormatColumn& c) { return !c.label.empty(); });
    return everyLabelled ? columns : std::vector<FormatColumn>{};
}

/// A cell holding a collection or an object as PowerShell renders one (`{a, b}`, `@{k=v}`,
/// `{@{...}}`); a GUID in braces is an ID.
bool isCollectionCell(std::string_view text)
{
    return (text.starts_with('{') || text.starts_with("@{")) && !isGuid(text);
}

/// True/False -> bool, an integer -> number, anything else -> the string as shown.
nlohmann::json typedValue(std::string_view text)
{
    if (text == "True")
        return true;
    if (text == "False")
        return false;
    std::string_view digits = text;
    if (digits.starts_with('-'))
        digits.remove_prefix(1);
    const bool integer =
        !digits.empty() && digits.size() <= 18 && (digits.size() == 1 || digits[0] != '0') &&
        std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (integer) {
        std::int64_t number = 0;
        std::from_chars(text.data(), text.data() + text.size(), number);
        return number;
    }
    return std::string(text);
}

/// A line that ends a Format-Table: blank, the start of JSON written after it, or a markdown fence.
bool endsFormatTable(std::string_view line)
{
    const std::string_view t = trimBlanks(line);
    // A klog record (`I1029 10:41:31.848589 ...`) is a log's line after the table, none of its rows.
    return t.empty() || t.front() == '{' || t.front() == '[' || isFenceLine(t) || klogLevel(t) != '\0';
}

/// One line of a Format-Table split into its columns' cells.
struct FormatCells
{
    std::vector<std::string_view> text; ///< empty when the line has nothing in the column
    std::vector<bool> full;             ///< the text reaches the end of its column (or one short)
    /// The text fills its column to the last character, a column before the last: `-Wrap` moves a word
    /// that does not fit (with its blank) to the next line, so a cell that full was cut inside a word.
    std::vector<bool> cut;
};

FormatCells splitFormatLine(std::string_view line, const std::vector<FormatColumn>& columns,
                            std::size_t width)
{
    // Each token belongs to the column holding its last character: left-aligned cells start at their
    // dashes, right-aligned numbers end under them and may start further left.
    std::vector<std::pair<std::size_t, std::size_t>> bytes(columns.size(), {std::string::npos, 0});
    std::vector<std::size_t> ends(columns.size(), 0);
    for (const Token& token : splitTokens(line)) {
        std::size_t c = columns.size() - 1;
        while (c > 0 && token.columnEnd - 1 < columns[c].column)
            --c;
        bytes[c].first = std::min(bytes[c].first, token.begin);
        bytes[c].second = std::max(bytes[c].second, token.end);
        ends[c] = std::max(ends[c], token.columnEnd);
    }
    FormatCells cells{std::vector<std::string_view>(columns.size()), std::vector<bool>(columns.size(), false),
                      std::vector<bool>(columns.size(), false)};
    for (std::size_t c = 0; c < columns.size(); ++c) {
        if (bytes[c].first == std::string::npos)
            continue;
        cells.text[c] = line.substr(bytes[c].first, bytes[c].second - bytes[c].first);
        const std::size_t limit = c + 1 < columns.size() ? columns[c + 1].column - 1 : width;
        cells.full[c] = ends[c] + 1 >= limit;
        cells.cut[c] = c + 1 < columns.size() && ends[c] == limit;
    }
    return cells;
}

/// The start of a GUID, not the whole of one: hex digits with the dashes where a GUID has them.
bool isGuidStart(std::string_view text)
{
    return !text.empty() && text.size() < idCompletedFrom({}).size() && isGuid(idCompletedFrom(text));
}

/// A line `Format-Table -Wrap` continued the previous line's cells on: nothing in the first column, and
/// only text under columns whose text above filled them (two GUIDs are two rows, not one cut in two).
/// Text in the first column continues it when the row's ID is not whole yet (`idOpen`: a narrow console
/// cut the GUID) and the first cell above filled its column: a new row starts with its whole ID.
bool continuesCells(const FormatCells& line, const FormatCells& above, bool idOpen)
{
    if (!line.text.front().empty() && !(idOpen && above.cut.front()))
        return false;
    bool any = false;
    for (std::size_t c = 0; c < line.text.size(); ++c) {
        if (line.text[c].empty())
            continue;
        if (above.text[c].empty() || !above.full[c] || (isGuid(above.text[c]) && isGuid(line.text[c])))
            return false;
        any = true;
    }
    return any;
}

/// A property an object of a kind usually shows (`what`, named as the report names it), under any of
/// the names a table's column may give it (v1, v2, PowerShell's).
struct UsualProperty
{
    ResourceKind kind;
    std::string_view what;
    std::array<std::string_view, 4> columns;
    std::string_view unknown; ///< what is not known without it, "" when the name says it
};

constexpr UsualProperty kUsualProperties[] = {
    {ResourceKind::Network, "Type", {"Type", "Mode", "NetworkType", ""}, ""},
    {ResourceKind::Network,
     "Subnets",
     {"Subnets", "Ipams", "AddressPrefix", "SubnetPrefix"},
     " (address prefixes and gateways unknown)"},
    {ResourceKind::Network, "Policies", {"Policies", "", "", ""}, ""},
    {ResourceKind::Endpoint,
     "VirtualNetwork",
     {"VirtualNetwork", "VirtualNetworkName", "HostComputeNetwork", "VirtualNetworkId"},
     ""},
    {ResourceKind::Endpoint, "IPAddress", {"IPAddress", "IpConfigurations", "IPAddresses", ""}, ""},
    {ResourceKind::Endpoint, "MacAddress", {"MacAddress", "", "", ""}, ""},
    {ResourceKind::Endpoint, "Policies", {"Policies", "", "", ""}, ""},
    {ResourceKind::Namespace,
     "ResourceList",
     {"ResourceList", "Resources", "EndpointIDs", ""},
     " (endpoints and containers unknown)"},
    {ResourceKind::Namespace, "CompartmentId", {"CompartmentId", "NamespaceId", "", ""}, ""},
    {ResourceKind::LoadBalancer,
     "Policies",
     {"Policies", "PortMappings", "", ""},
     " (ports and protocol unknown)"},
    {ResourceKind::LoadBalancer, "VIPs", {"VIPs", "FrontendVIPs", "VirtualIPs", ""}, ""},
    {ResourceKind::LoadBalancer,
     "References",
     {"References", "HostComputeEndpoints", "DirectIPIDs", ""},
     " (backends unknown)"},
};

/// The losses of an object of `kind` a table shows in `columns`: each of the kind's usual properties no
/// column shows, "Policies: not shown by the table". The same for every row of the table, whose
/// objects' shared report line so says it once.
std::vector<std::string> propertiesNotShown(ResourceKind kind, const std::vector<FormatColumn>& columns)
{
    std::vector<std::string> losses;
    for (const UsualProperty& usual : kUsualProperties) {
        if (usual.kind != kind)
            continue;
        const bool shown = std::any_of(columns.begin(), columns.end(), [&](const FormatColumn& column) {
            return std::any_of(usual.columns.begin(), usual.columns.end(), [&](std::string_view name) {
                return !name.empty() && equalsIgnoreCase(name, column.label);
            });
        });
        if (!shown)
            losses.push_back(std::string(usual.what) + ": not shown by the table" +
                             std::string(usual.unknown));
    }
    return losses;
}

/// `ID  Name  IPAddress  IsRemoteEndpoi`: the header of a table of HNS objects, its labels HNS property
/// names (the last maybe cut), one of them more than a name any object has.
/// The labels, joined with ", "; empty when the line is no such header.
std::string hnsTableHeader(std::string_view line)
{
    const std::vector<Token> words = splitTokens(line);
    if (words.size() < 2 || words.size() > 24)
        return {};
    int known = 0;
    bool specific = false;
    std::string labels;
    for (std::size_t w = 0; w < words.size(); ++w) {
        const std::string_view word = words[w].text;
        if (!std::all_of(word.begin(), word.end(),
                         [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }))
            return {};
        const bool cutLast =
            w + 1 == words.size() && word.size() >= 3 &&
            std::any_of(kHnsPropertyNames.begin(), kHnsPropertyNames.end(), [&](std::string_view name) {
                return name.size() > word.size() && equalsIgnoreCase(name.substr(0, word.size()), word);
            });
        if (!isHnsProperty(word) && !cutLast)
            return {};
        ++known;
        specific = specific || !isGenericPropertyName(word);
        labels += (labels.empty() ? "" : ", ") + std::string(word);
    }
    return known >= 2 && specific ? labels : std::string();
}

/// A Format-Table / Select-Object table the paste ends in right after its header (`----` under it, or
/// the header itself cut): a warning says so, as the table's rows are lost. `lastText` is the paste's
/// last line holding text. Returns the index after it, or `at`.
std::size_t tableCutAfterHeader(const std::vector<CleanedLine>& lines, std::size_t at, std::size_t lastText,
                                ExtractResult& result)
{
    // Only the paste's last text line, or the one before it over a rule, can be such a header: every
    // other line is passed over here at the cost of a comparison.
    if (lastText >= lines.size() || (at != lastText && at + 1 != lastText))
        return at;
    const bool dashes = at + 1 == lastText && isDashLine(lines[at + 1].text);
    const std::size_t last = dashes ? at + 1 : at;
    if (last != lastText)
        return at;
    if (!dashes && at > 0 && !isBlankLine(lines[at - 1].text) && !isCommandLine(lines[at - 1].text))
        return at; // the last line of some other text
    const std::string labels = hnsTableHeader(lines[at].text);
    if (labels.empty())
        return at;
    const int first = lines[at].sourceLine;
    const int end = lines[last].sourceLine;
    result.warnings.push_back({first, end,
                               lineRange(first, end) + ": a table cut after its header (" + labels +
                                   "): the paste ends there; no rows"});
    return last + 1;
}

/// What PowerShell's Format-Table says when the console is too narrow for every column (`-AutoSize`),
/// with its `WARNING: ` prefix or without (cleaning took it away), in English; in another language the
/// count of columns it says were left out, told by the sentence's structure (localizedRemovedCount):
/// `WARNING: 4 columns do not fit into the display and were removed.` or, for one, `WARNING: column
/// "Policies" does not fit into the display and was removed.`
struct RemovedColumns
{
    int line = 0;      ///< the source line of the warning
    std::string count; ///< "4", or empty for one named column
    std::string name;  ///< the column named, for one
};

/// The count of the columns another language's form of the warning says were left out, told by its
/// structure alone (its words are not matched, as they are not known for certain): the count first,
/// then that language's word for columns (`Spalten`, `colonnes`, `columnas`, `colonne`, `colunas`,
/// `столбцов`, `колонок`, `列`), one sentence ending in a full stop with no other digit in it.
std::optional<std::string> localizedRemovedCount(std::string_view t)
{
    if (t.size() > 200 || !(t.ends_with(".") || t.ends_with("\xE3\x80\x82"))) // `.` or `。`
        return std::nullopt;
    std::size_t digits = 0;
    while (digits < t.size() && t[digits] >= '0' && t[digits] <= '9')
        ++digits;
    if (digits == 0 || digits > 4)
        return std::nullopt;
    const std::string_view rest = trimBlanks(t.substr(digits));
    if (std::any_of(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    // Whole words; then stems whose endings vary with the count (`столбца`, `столбцов`) and words
    // written without a blank after them.
    for (const std::string_view word : {"Spalten", "colonnes", "columnas", "colonne", "colunas"})
        if (rest.starts_with(word) && (rest.size() == word.size() || isBlank(rest[word.size()])))
            return std::string(t.substr(0, digits));
    for (const std::string_view stem : {"столбц", "колон", "列", "個の列"})
        if (rest.starts_with(stem))
            return std::string(t.substr(0, digits));
    return std::nullopt;
}

std::optional<RemovedColumns> removedColumnsWarning(std::string_view line, int sourceLine)
{
    std::string_view t = trimBlanks(line);
    if (stripStreamPrefix(t)) // cleaning strips it as the stream's prefix; a reader may not
        t = trimBlanks(t);
    constexpr std::string_view kMany = " columns do not fit into the display and were removed.";
    constexpr std::string_view kOne = "\" does not fit into the display and was removed.";
    if (t.ends_with(kMany)) {
        const std::string_view count = t.substr(0, t.size() - kMany.size());
        if (count.empty() || count.size() > 4 ||
            !std::all_of(count.begin(), count.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return std::nullopt;
        return RemovedColumns{sourceLine, std::string(count), {}};
    }
    if (t.starts_with("column \"") && t.ends_with(kOne) && t.size() > 8 + kOne.size())
        return RemovedColumns{sourceLine, {}, std::string(t.substr(8, t.size() - 8 - kOne.size()))};
    if (std::optional<std::string> count = localizedRemovedCount(t))
        return RemovedColumns{sourceLine, std::move(*count), {}};
    return std::nullopt;
}

/// The warning of removed columns PowerShell printed before the table whose header is lines[at] or after
/// the table ending before lines[end], at most a few blank lines apart. A warning after the table that
/// comes right before another table's header is that table's.
std::optional<RemovedColumns> removedColumnsAround(const std::vector<CleanedLine>& lines, std::size_t at,
                                                   std::size_t end)
{
    constexpr std::size_t kBlankLines = 3;
    const auto nextText = [&](std::size_t i) {
        for (std::size_t blanks = 0; i < lines.size() && blanks <= kBlankLines; ++i, ++blanks)
            if (!isBlankLine(lines[i].text))
                return i;
        return lines.size();
    };
    for (std::size_t i = at, blanks = 0; i > 0 && blanks <= kBlankLines; ++blanks) {
        const CleanedLine& line = lines[--i];
        if (isBlankLine(line.text))
            continue;
        if (auto removed = removedColumnsWarning(line.text, line.sourceLine))
            return removed;
        break;
    }
    const std::size_t after = nextText(end);
    if (after >= lines.size())
        return std::nullopt;
    std::optional<RemovedColumns> removed = removedColumnsWarning(lines[after].text, lines[after].sourceLine);
    const std::size_t header = nextText(after + 1);
    if (removed && header + 1 < lines.size() && isDashLine(lines[header + 1].text))
        return std::nullopt;
    return removed;
}

/// Lines [at, end) held a table whose rows are result.values[firstValue...]: when PowerShell said it left
/// columns out and the rows are HNS objects, an info on the table says which kind lost which members.
void noteRemovedColumns(const std::vector<CleanedLine>& lines, std::size_t at, std::size_t end,
                        std::size_t firstValue, ExtractResult& result)
{
    if (firstValue >= result.values.size())
        return;
    const std::optional<RemovedColumns> removed = removedColumnsAround(lines, at, end);
    if (!removed)
        return;
    ResourceKind kind = ResourceKind::Invalid;
    for (std::size_t v = firstValue; v < result.values.size() && kind == ResourceKind::Invalid; ++v) {
        bool isV1 = false;
        kind = detail::classifyObject(result.values[v].value, result.values[v].kindHint, isV1);
    }
    if (kind == ResourceKind::Invalid)
        return;
    const std::string objects = std::string(resourceKindLabel(kind)) + "s";
    const int first = lines[at].sourceLine;
    const int last = result.values.back().lastLine;
    const std::string said = "PowerShell's warning on line " + std::to_string(removed->line);
    const std::string what =
        removed->name.empty()
            ? removed->count + " columns of this table of " + objects +
                  " did not fit the display and were left out (" + said + "): those members of each " +
                  std::string(resourceKindLabel(kind)) + " are unknown"
            : "the column " + removed->name + " of this table of " + objects +
                  " did not fit the display and was left out (" + said + "): each " +
                  std::string(resourceKindLabel(kind)) + "'s " + removed->name + " is unknown";
    result.infos.push_back({first, last, lineRange(first, last) + ": " + what});
}

/// At most this many texts of a column are kept to tell a cell the paste cut from a whole one.
constexpr std::size_t kMaxCellTexts = 64;

/// What the paste took from the row it ends in.
struct CutRow
{
    std::vector<std::string> losses; ///< "NextHop: cut by the paste after \"10.0.\" (not read)", ...
    bool idCut = false;              ///< it ends inside the row's ID: the row is not imported
    std::string idWarning;           ///< then, what the report says of it
    ResourceKind idKind = ResourceKind::Invalid; ///< then, the row's kind (Invalid: no HNS object)
};

/// The row of a Format-Table the paste ends in (`rowText`, its last line's cells `last`, the cells of
/// the line before when it has several: `before`), against the `rows` rows read before it: the columns
/// after its last text that every other row filled, or that its line before filled to the end (the row
/// wrapped and goes on under them), are lost; its last cell is cut inside when it starts another row's
/// text of its column without being one (`l2br` under `l2bridge`) or starts a GUID under GUIDs. The cut cell
/// leaves `rowText`. Nothing when the row shows all the table shows of the others. `rowsKind`: the kind of
/// the rows before it, for a row whose cells before its cut ID do not tell its own.
std::optional<CutRow> cutAtPasteEnd(const std::vector<FormatColumn>& columns,
                                    std::vector<std::string>& rowText, const FormatCells& last,
                                    const FormatCells* before, const std::vector<std::size_t>& filled,
                                    std::size_t rows, const std::vector<std::set<std::string>>& cellTexts,
                                    ResourceKind rowsKind)
{
    std::size_t shownLast = columns.size();
    for (std::size_t c = 0; c < columns.size(); ++c)
        if (!last.text[c].empty())
            shownLast = c;
    if (shownLast == columns.size())
        return std::nullopt;
    CutRow cut;
    std::string notShown;
    for (std::size_t c = shownLast + 1; c < columns.size(); ++c) {
        const std::string_view text = trimBlanks(rowText[c]);
        // It went on under the cut (the last column's text fills the widest line: no evidence).
        if (before && c + 1 < columns.size() && before->full[c] && !before->text[c].empty()) {
            cut.losses.push_back(columns[c].label + ": cut by the paste after \"" + std::string(text) +
                                 "\" (not read)");
            rowText[c].clear();
        } else if (text.empty() && filled[c] == rows) {
            notShown += (notShown.empty() ? "" : ", ") + columns[c].label;
        }
    }
    const std::string shown(trimBlanks(rowText[shownLast]));
    const std::set<std::string>& texts = cellTexts[shownLast];
    const auto next = texts.upper_bound(shown);
    const bool guids =
        std::any_of(texts.begin(), texts.end(), [](const std::string& text) { return isGuid(text); });
    const bool cellCut = !texts.contains(shown) &&
                         ((next != texts.end() && next->starts_with(shown)) || (guids && isGuidStart(shown)));
    if (cellCut && equalsIgnoreCase(columns[shownLast].label, "ID")) {
        // The kind the row's cells tell, as if its ID were whole.
        std::vector<std::pair<std::string, std::string>> beside;
        nlohmann::json members = nlohmann::json::object();
        for (std::size_t c = 0; c < shownLast; ++c)
            if (const std::string_view text = trimBlanks(rowText[c]); !text.empty()) {
                beside.emplace_back(columns[c].label, std::string(text));
                members[columns[c].label] = typedValue(text);
            }
        members[columns[shownLast].label] = idCompletedFrom(shown);
        bool isV1 = false;
        const ResourceKind kind = detail::classifyObject(members, ResourceKind::Invalid, isV1);
        cut.idCut = true;
        cut.idKind = kind == ResourceKind::Invalid ? rowsKind : kind;
        cut.idWarning =
            cutIdNotImported(columns[shownLast].label, cut.idKind, shown, shownMembersText(beside));
        return cut;
    }
    if (cellCut) {
        cut.losses.insert(cut.losses.begin(),
                          columns[shownLast].label + ": cut by the paste after \"" + shown + "\" (not read)");
        rowText[shownLast].clear();
    }
    if (!notShown.empty())
        cut.losses.push_back(notShown + ": not shown, the paste ends before them");
    if (cut.losses.empty())
        return std::nullopt;
    return cut;
}

/// A value the listing's filter gives every row (`? IPAddress -eq 10.0.7.20`): each object it passed has it.
struct PinnedValue
{
    std::string property; ///< as the kind spells it
    nlohmann::json value;
};

/// The Get-Hns* listing a table is the output of: typed on the line above its header (blank lines, a
/// fence or a `>>` continuation between), its pipeline only filtering what it lists and shaping how it
/// prints it.
struct ListingAbove
{
    ResourceKind kind = ResourceKind::Invalid; ///< Invalid when no such command stands above
    std::string object;                        ///< "endpoint"
    int line = 0;                              ///< the command's source line
    /// The rows' kind, when every column is a property of the listing's kind; else Invalid.
    ResourceKind rowsKind = ResourceKind::Invalid;
    /// The values its `-eq` filters (and the cmdlet's own `-Id` and `-Name`) give each row, of the
    /// properties the table does not show.
    std::vector<PinnedValue> pinned;
};

/// Whether `words` (a Select-Object) picks a property's value instead of the objects (`-ExpandProperty`,
/// `-Expand`, `-exp`).
bool expandsAProperty(const std::vector<std::string>& words)
{
    for (std::size_t w = 1; w < words.size(); ++w) {
        std::string name = powerShellParameterName(words[w]);
        name = name.substr(0, name.find(':'));
        if (name.size() >= 3 && std::string_view("expandproperty").starts_with(name))
            return true;
    }
    return false;
}

/// A name of one property (`IPAddress`), no member of one (`Policies.Count`).
bool isPropertyName(std::string_view name)
{
    return !name.empty() && std::isalpha(static_cast<unsigned char>(name.front())) &&
           std::all_of(name.begin(), name.end(),
                       [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

ListingAbove listingAbove(const std::vector<CleanedLine>& lines, std::size_t at,
                          const std::vector<FormatColumn>& columns)
{
    constexpr std::size_t kLinesBetween = 3;
    constexpr std::size_t kMaxCommand = 2048;
    std::size_t i = at;
    for (std::size_t between = 0; i > 0 && between <= kLinesBetween; ++between) {
        const std::string_view t = trimBlanks(lines[i - 1].text);
        if (!t.empty() && !isFenceLine(t))
            break;
        --i;
    }
    ListingAbove listing;
    if (i == 0)
        return listing;
    const std::string_view text = trimBlanks(lines[i - 1].text);
    if (text.empty() || isFenceLine(text) || text.size() > kMaxCommand || splitOutside(text, ";").size() != 1)
        return listing;
    const std::vector<std::vector<std::string>> pipeline = pipelineWords(text);
    if (pipeline.empty() || pipeline.front().empty())
        return listing;
    const HnsCmdlet* lister = hnsCmdletNamed(pipeline.front().front());
    if (!lister || lister->verb != CmdletVerb::Get || lister->module != CmdletModule::Hns)
        return listing;
    const CommandArguments own = argumentsOf(pipeline.front(), 1, lister);
    if (!own.positional.empty())
        return listing; // prose: `Get-HnsEndpoint shows this`
    // The cmdlet's own `-Id <guid>` and `-Name nat` pick the objects as a filter of that equality does; a
    // pattern (`-Name "nat*"`) picks any number of names, none of them given.
    std::vector<FilterComparison> equalities;
    for (const auto& [parameter, property] : {std::pair<std::string_view, std::string_view>{"id", "ID"},
                                              std::pair<std::string_view, std::string_view>{"name", "Name"}})
        if (const auto given = own.named.find(parameter);
            given != own.named.end() && given->second.size() == 1 &&
            given->second.front().find_first_of("*?[") == std::string::npos)
            equalities.push_back({std::string(property), "-eq", given->second.front()});
    for (std::size_t e = 1; e < pipeline.size(); ++e) {
        const std::vector<std::string>& words = pipeline[e];
        if (words.empty())
            return listing;
        if (isFilterCommand(words.front())) {
            if (std::optional<FilterComparison> filter = filterComparison(words);
                filter && filter->isEquality())
                equalities.push_back(std::move(*filter));
            continue;
        }
        if (!onlyShapesTheListing(words.front()) || isRedirection(words.back()) || expandsAProperty(words))
            return listing;
    }
    listing.kind = lister->kind;
    listing.object = std::string(lister->object);
    listing.line = lines[i - 1].sourceLine;
    const bool ofTheKind = std::all_of(columns.begin(), columns.end(), [&](const FormatColumn& column) {
        return !hnsKindProperty(listing.kind, column.label).empty();
    });
    if (ofTheKind)
        listing.rowsKind = listing.kind;
    for (const FilterComparison& filter : equalities) {
        if (!isPropertyName(filter.property))
            continue;
        const bool shown = std::any_of(columns.begin(), columns.end(), [&](const FormatColumn& column) {
            return equalsIgnoreCase(column.label, filter.property);
        });
        const bool pinnedBefore =
            std::any_of(listing.pinned.begin(), listing.pinned.end(),
                        [&](const PinnedValue& p) { return equalsIgnoreCase(p.property, filter.property); });
        if (shown || pinnedBefore)
            continue;
        nlohmann::json value;
        if (equalsIgnoreCase(filter.value, "$true") || equalsIgnoreCase(filter.value, "$false"))
            value = equalsIgnoreCase(filter.value, "$true");
        else if (filter.value.starts_with('$') || filter.value.empty())
            continue; // a variable's value is not known
        else
            value = typedValue(filter.value);
        std::string_view spelled = hnsKindProperty(listing.kind, filter.property);
        if (spelled.empty()) {
            const auto known =
                std::find_if(kHnsPropertyNames.begin(), kHnsPropertyNames.end(),
                             [&](std::string_view name) { return equalsIgnoreCase(name, filter.property); });
            spelled = known != kHnsPropertyNames.end() ? *known : std::string_view(filter.property);
        }
        if (spelled == "ID" && !(value.is_string() && isGuid(value.get_ref<const std::string&>())))
            continue; // no ID HNS gives
        listing.pinned.push_back({std::string(spelled), std::move(value)});
    }
    return listing;
}

/// The columns a table shows of its objects, with the properties the listing's filters give them.
std::vector<FormatColumn> columnsWithPinned(std::vector<FormatColumn> columns, const ListingAbove& listing)
{
    for (const PinnedValue& pinned : listing.pinned)
        columns.push_back({pinned.property, 0, 0});
    return columns;
}

/// The value a pinned property has, as the report quotes it.
std::string pinnedText(const nlohmann::json& value)
{
    return value.is_string() ? value.get<std::string>() : value.dump();
}

/// The rows result.values[firstValue...] of a table (its header at `headerLine`) got the values the
/// listing's filters pin: an info on the table says which, where the rows are HNS objects. An ID pinned on
/// several rows is none of theirs (no two objects share one): it leaves them.
void sayPinnedValues(const ListingAbove& listing, int headerLine, std::size_t firstValue,
                     ExtractResult& result)
{
    if (listing.pinned.empty() || firstValue >= result.values.size())
        return;
    const std::size_t rows = result.values.size() - firstValue;
    ResourceKind kind = ResourceKind::Invalid;
    for (std::size_t v = firstValue; v < result.values.size() && kind == ResourceKind::Invalid; ++v) {
        bool isV1 = false;
        kind = detail::classifyObject(result.values[v].value, result.values[v].kindHint, isV1);
    }
    for (const PinnedValue& pinned : listing.pinned) {
        const std::string note = pinned.property + " from the command's filter at line " +
                                 std::to_string(listing.line) + " (the table does not show it)";
        if (rows > 1 && pinned.property == "ID") {
            for (std::size_t v = firstValue; v < result.values.size(); ++v) {
                FoundValue& found = result.values[v];
                found.value.erase(pinned.property);
                std::erase(found.repairs, note);
            }
            continue;
        }
        if (kind == ResourceKind::Invalid)
            continue;
        const std::string label(resourceKindLabel(kind));
        const std::string who =
            rows == 1 ? "the " + label + " of this table has "
                      : "each of the " + std::to_string(rows) + " " + label + "s of this table has ";
        result.infos.push_back({headerLine, result.values.back().lastLine,
                                lineRange(headerLine, result.values.back().lastLine) + ": " +
                                    pinned.property + " from the command's filter at line " +
                                    std::to_string(listing.line) + ": " + who + pinned.property + " " +
                                    pinnedText(pinned.value) + ", which the table does not show"});
    }
}

} // namespace

/// A wrapped cell joined again: with a blank where the wrap took one, without one inside a GUID or a
/// MAC address.
std::string joinWrapped(const std::string& first, std::string_view rest)
{
    if (first.empty())
        return std::string(rest);
    const std::string glued = first + std::string(rest);
    const std::size_t start = glued.find_last_of(" \t", first.size() > 0 ? first.size() - 1 : 0);
    const std::size_t tokenStart = start == std::string::npos ? 0 : start + 1;
    const std::size_t tokenEnd = std::min(glued.find_first_of(" \t", first.size()), glued.size());
    const std::string_view token = std::string_view(glued).substr(tokenStart, tokenEnd - tokenStart);
    if (isGuid(token) || MacAddress::parse(token))
        return glued;
    return first + " " + std::string(rest);
}

std::size_t lastTextLine(const std::vector<CleanedLine>& lines)
{
    for (std::size_t i = lines.size(); i > 0; --i)
        if (!isBlankLine(lines[i - 1].text) && !isFenceLine(trimBlanks(lines[i - 1].text)))
            return i - 1;
    return lines.size();
}

std::size_t readFormatTable(const std::vector<CleanedLine>& lines, std::size_t at, std::size_t lastText,
                            ExtractResult& result)
{
    if (isBlankLine(lines[at].text))
        return at;
    if (const std::size_t next = tableCutAfterHeader(lines, at, lastText, result); next != at)
        return next;
    if (at + 1 >= lines.size() || !isDashLine(lines[at + 1].text))
        return at;
    const std::vector<FormatColumn> columns = formatColumns(lines[at].text, lines[at + 1].text);
    if (columns.empty())
        return at;
    const std::string header = lines[at].text + "\n" + lines[at + 1].text;
    // The listing typed above the table: the kind of its rows, and what its filters give each of them.
    const ListingAbove listing = listingAbove(lines, at, columns);
    const std::vector<FormatColumn> shownColumns = columnsWithPinned(columns, listing);
    std::vector<std::string> labelLosses; // a label cut by its column: the property's name is not known
    for (const FormatColumn& column : columns) {
        if (column.label.ends_with(kEllipsis) || (column.label.size() > 3 && column.label.ends_with("...")))
            labelLosses.push_back(column.label + ": property name cut by the table column");
    }
    std::size_t end = at + 2;
    std::size_t width = 0;
    for (; end < lines.size() && !endsFormatTable(lines[end].text) &&
           !removedColumnsWarning(lines[end].text, lines[end].sourceLine);
         ++end)
        width = std::max(width, displayWidth(lines[end].text));

    // The row being read: its cells' text so far, joined over the lines -Wrap continued it on.
    std::vector<std::string> rowText(columns.size());
    FormatCells above;
    FormatCells lineBefore; // of the row's line before its last, when it has several
    std::size_t rowLines = 0;
    FoundValue found;
    // What the rows read so far show: how many filled each column, and the texts of each (some).
    std::vector<std::size_t> filled(columns.size(), 0);
    std::vector<std::set<std::string>> cellTexts(columns.size());
    std::size_t rowsRead = 0;
    ResourceKind rowsKind = ResourceKind::Invalid; // the kind the rows read tell
    const int pasteEnd = lastText < lines.size() ? lines[lastText].sourceLine : 0;
    const auto flush = [&] {
        if (found.firstLine == 0)
            return;
        std::vector<std::string> cutLosses;
        std::string cutWarning; // said once the row's kind is known
        if (found.lastLine == pasteEnd && rowsRead > 0) {
            const std::optional<CutRow> cut =
                cutAtPasteEnd(columns, rowText, above, rowLines > 1 ? &lineBefore : nullptr, filled, rowsRead,
                              cellTexts, rowsKind);
            if (cut && cut->idCut) {
                // A table of other objects (Get-Process) is not imported: its cut is no concern.
                if (cut->idKind != ResourceKind::Invalid)
                    result.warnings.push_back(
                        {found.firstLine, found.lastLine,
                         lineRange(found.firstLine, found.lastLine) + ": " + cut->idWarning});
                found = FoundValue{};
                return;
            }
            if (cut) {
                cutLosses = cut->losses;
                found.cutOff = true;
                std::string said;
                for (const std::string& loss : cutLosses)
                    said += "; " + loss;
                cutWarning = lineRange(found.firstLine, found.lastLine) +
                             ": the paste ends inside this row of the table" + said;
            }
        } else {
            ++rowsRead;
            if (rowsKind == ResourceKind::Invalid) {
                bool isV1 = false;
                nlohmann::json cells = nlohmann::json::object();
                for (std::size_t c = 0; c < columns.size(); ++c)
                    if (const std::string_view text = trimBlanks(rowText[c]); !text.empty())
                        cells[columns[c].label] = typedValue(text);
                rowsKind = detail::classifyObject(cells, listing.rowsKind, isV1);
            }
            for (std::size_t c = 0; c < columns.size(); ++c) {
                const std::string_view text = trimBlanks(rowText[c]);
                if (text.empty())
                    continue;
                ++filled[c];
                if (cellTexts[c].size() < kMaxCellTexts)
                    cellTexts[c].emplace(text);
            }
        }
        nlohmann::json object = nlohmann::json::object();
        found.losses = labelLosses;
        for (std::size_t c = 0; c < columns.size(); ++c) {
            std::string_view text = rowText[c];
            bool cut = false;
            if (text.ends_with(kEllipsis)) {
                text.remove_suffix(kEllipsis.size());
                cut = true;
            } else if (text.size() > 3 && text.ends_with("...")) {
                text.remove_suffix(3);
                cut = true;
            }
            text = trimBlanks(text);
            if (isCollectionCell(text)) {
                // `{172.20.16.0/20}`, `{@{AddressPrefix=...; GatewayAddress=...}}`: PowerShell's rendering
                // of a collection, read as the list view reads it; a cell the column cut keeps its
                // complete items.
                PowerShellValueNotes notes;
                notes.cutBy = "the table column";
                object[columns[c].label] = readPowerShellValue(text, columns[c].label, notes);
                if (cut && !notes.cut)
                    found.losses.push_back(columns[c].label + ": cut by the table column");
                found.losses.insert(found.losses.end(), notes.losses.begin(), notes.losses.end());
                continue;
            }
            if (cut)
                found.losses.push_back(columns[c].label + ": cut by the table column");
            if (!text.empty())
                object[columns[c].label] = cut ? nlohmann::json(std::string(text)) : typedValue(text);
        }
        for (const PinnedValue& pinned : listing.pinned) {
            object[pinned.property] = pinned.value;
            found.repairs.push_back(pinned.property + " from the command's filter at line " +
                                    std::to_string(listing.line) + " (the table does not show it)");
        }
        bool isV1 = false;
        const ResourceKind kind = detail::classifyObject(object, listing.rowsKind, isV1);
        if (kind != ResourceKind::Invalid) {
            const std::vector<std::string> notShown = propertiesNotShown(kind, shownColumns);
            found.losses.insert(found.losses.end(), notShown.begin(), notShown.end());
        }
        // The paste's cut is said of a row of HNS objects only: a table of others (Get-Hotfix,
        // Get-Service, Get-NetRoute) is not imported. Nor of a row showing no ID and nothing else that
        // names an object: the import does not keep it and says so, "a Get-HnsNetwork record cut before
        // its ID (...)".
        if (!cutWarning.empty() && (kind != ResourceKind::Invalid || rowsKind != ResourceKind::Invalid)) {
            std::vector<std::pair<std::string, std::string>> members;
            for (std::size_t c = 0; c < columns.size(); ++c)
                members.emplace_back(columns[c].label, rowText[c]);
            for (const PinnedValue& pinned : listing.pinned)
                members.emplace_back(pinned.property, pinned.value.dump());
            if (kind == ResourceKind::Invalid || !recordNamesNoObject(members))
                result.warnings.push_back({found.firstLine, found.lastLine, std::move(cutWarning)});
        }
        found.kindHint = listing.rowsKind;
        found.losses.insert(found.losses.end(), cutLosses.begin(), cutLosses.end());
        found.value = std::move(object);
        found.sourceText = header + "\n" + found.sourceText;
        found.format = DumpFormat::Table;
        result.values.push_back(std::move(found));
        found = FoundValue{};
    };

    const std::size_t firstValue = result.values.size();
    const auto idColumn = std::find_if(columns.begin(), columns.end(), [](const FormatColumn& column) {
        return equalsIgnoreCase(column.label, "ID");
    });
    for (std::size_t i = at + 2; i < end; ++i) {
        const CleanedLine& line = lines[i];
        FormatCells cells = splitFormatLine(line.text, columns, width);
        const bool idOpen =
            idColumn != columns.end() && isGuidStart(rowText[std::size_t(idColumn - columns.begin())]);
        if (found.firstLine != 0 && continuesCells(cells, above, idOpen)) {
            for (std::size_t c = 0; c < columns.size(); ++c) {
                if (cells.text[c].empty())
                    continue;
                // A cell cut inside a word goes on without a blank; one wrapped at a blank with one.
                rowText[c] = above.cut[c] ? rowText[c] + std::string(cells.text[c])
                                          : joinWrapped(rowText[c], cells.text[c]);
            }
            found.lastLine = line.sourceLine;
            found.sourceText += "\n" + line.text;
            lineBefore = above;
            ++rowLines;
            if (found.repairs.empty())
                found.repairs.push_back("joined cells wrapped onto following lines");
        } else {
            flush();
            for (std::size_t c = 0; c < columns.size(); ++c)
                rowText[c] = std::string(cells.text[c]);
            found.firstLine = found.lastLine = line.sourceLine;
            found.sourceText = line.text;
            rowLines = 1;
        }
        above = std::move(cells);
    }
    flush();
    sayPinnedValues(listing, lines[at].sourceLine, firstValue, result);
    noteRemovedColumns(lines, at, end, firstValue, result);
    return end;
}

} // namespace tables

namespace {

/// `text` without the two empty cells a web page's table left at its end (`... | |`), or nothing when
/// it does not end so.
std::optional<std::string_view> withoutTrailingCells(std::string_view text)
{
    std::string_view t = trimBlanks(text);
    for (int bar = 0; bar < 2; ++bar) {
        if (!t.ends_with('|'))
            return std::nullopt;
        t.remove_suffix(1);
        while (!t.empty() && isBlank(t.back()))
            t.remove_suffix(1);
    }
    return text.substr(0, std::size_t(t.data() + t.size() - text.data()));
}

} // namespace

constexpr std::string_view kSplitTableRepair =
    "a table whose line breaks were lost: its rows told apart at the console's line width";

ExtractResult extractTables(const std::vector<CleanedLine>& lines)
{
    // Text copied from a web page's table: (nearly) every line ends in two empty cells. Without them the
    // tables read as printed. One such line alone is a row with empty cells, left as it is.
    const auto decorated = std::count_if(lines.begin(), lines.end(), [](const CleanedLine& line) {
        return withoutTrailingCells(line.text).has_value();
    });
    const auto nonBlank = std::count_if(
        lines.begin(), lines.end(), [](const CleanedLine& line) { return !tables::isBlankLine(line.text); });
    if (decorated >= 3 && decorated * 2 >= nonBlank) {
        std::vector<CleanedLine> trimmed = lines;
        for (CleanedLine& line : trimmed) {
            if (const auto text = withoutTrailingCells(line.text))
                line.text = std::string(*text);
        }
        return extractTables(trimmed);
    }
    ExtractResult result;
    // Tables a paste put on one line are read from their lines split apart again.
    std::vector<CleanedLine> split;
    std::vector<int> splitLines;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string unreadHeader;
        std::vector<std::string> parts = tables::splitFlattenedTable(lines[i].text, unreadHeader);
        if (!unreadHeader.empty()) {
            const int n = lines[i].sourceLine;
            result.warnings.push_back({n, n,
                                       tables::lineRange(n, n) +
                                           ": a table whose line breaks were lost (header " + unreadHeader +
                                           "), its rows not told apart by the console's line width; not "
                                           "imported"});
        }
        if (parts.empty()) {
            if (!split.empty())
                split.push_back(lines[i]);
            continue;
        }
        if (split.empty())
            split.assign(lines.begin(), lines.begin() + std::ptrdiff_t(i));
        for (std::string& part : parts) {
            CleanedLine piece = lines[i];
            piece.text = std::move(part);
            split.push_back(std::move(piece));
        }
        splitLines.push_back(lines[i].sourceLine);
    }
    if (!split.empty()) {
        ExtractResult read = extractTables(split);
        for (FoundValue& found : read.values)
            if (std::find(splitLines.begin(), splitLines.end(), found.firstLine) != splitLines.end() &&
                std::find(found.repairs.begin(), found.repairs.end(), kSplitTableRepair) ==
                    found.repairs.end())
                found.repairs.emplace_back(kSplitTableRepair);
        return read; // which says what the lines left whole hold, as this pass does
    }
    std::size_t at = 0;
    const std::size_t lastText = tables::lastTextLine(lines);
    try {
        while (at < lines.size()) {
            std::size_t next = tables::readHnsdiagTable(lines, at, result);
            if (next == at)
                next = tables::readFormatTable(lines, at, lastText, result);
            at = next == at ? at + 1 : next;
        }
    } catch (const std::exception&) { // out of memory: what was read so far, and a warning
        const int line = at < lines.size() ? lines[at].sourceLine : 0;
        result.warnings.push_back(
            {line, line, tables::lineRange(line, line) + ": tables after this line not read"});
    }
    return result;
}

} // namespace hcn::io
