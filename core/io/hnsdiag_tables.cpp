// `hnsdiag list all` tables: sections headed `Networks:`, `Endpoints:`, `Namespaces:`, `LoadBalancers:`,
// each a header line and rows. Cells are separated by `|` or only by their position, and a long name
// pushes the cells after it to the right, so a row is split by what its cells hold (GUIDs, addresses,
// text) in the order the header gives, with the header's positions deciding only between two texts.

#include "common/text.h"
#include "hcn/network_mode.h"
#include "io/text_tables.h"

#include <algorithm>
#include <cctype>
#include <limits>
#include <optional>
#include <set>

namespace hcn::io::tables {

namespace {

constexpr std::size_t kUnknownColumn = std::numeric_limits<std::size_t>::max();
/// Lines are tried as the continuation of a row (is the row they make readable?) for at most this many
/// lines, so a table followed by lines that are no rows cannot make one row grow without end.
constexpr int kMaxWrappedLines = 8;
/// A row ending in a list of GUIDs (a load balancer's DIPs, a namespace's endpoints) goes on with lines
/// of GUIDs alone for up to this many lines: 30,000 IDs at 120 columns.
constexpr int kMaxListLines = 10000;
/// Consoles are at least this wide; a table whose lines are all narrower was not wrapped.
constexpr std::size_t kMinConsoleWidth = 60;
/// Texts of a column kept to tell a cell the paste cut (`l2br`) from the whole ones above it.
constexpr std::size_t kMaxCellValues = 4096;

enum class Content
{
    Guid,       ///< one GUID
    GuidOrText, ///< a network's ID or its name
    GuidList,   ///< GUIDs separated by blanks
    Text,       ///< anything, blanks included
    Address,    ///< one address
    AddressList ///< addresses separated by blanks or commas
};

enum class Field
{
    Id,
    Name,
    Type,
    Network,     ///< "Virtual Network": the ID, or in some builds the name
    NetworkName, ///< "Virtual Network Name"
    IpAddress,
    MacAddress,
    EndpointIds, ///< a namespace's endpoints
    Vips,
    Dips,
    State,
    Other
};

struct Column
{
    std::string label;
    Field field = Field::Other;
    Content content = Content::Text;
    std::size_t column = kUnknownColumn; ///< display column of the label
};

struct Layout
{
    bool pipes = false;
    std::vector<Column> columns;
};

std::string normalized(std::string_view text)
{
    std::string out;
    for (char c : text) {
        if (std::isalnum(static_cast<unsigned char>(c)))
            out += char(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

std::optional<std::pair<Field, Content>> knownLabel(const std::string& n, ResourceKind kind)
{
    using P = std::pair<Field, Content>;
    if (n == "id" || n == "guid")
        return P{Field::Id, Content::Guid};
    if (n == "name" || (n == "networkname" && kind == ResourceKind::Network))
        return P{Field::Name, Content::Text};
    if (n == "virtualnetworkname" || n == "networkname" || n == "vnetname")
        return P{Field::NetworkName, Content::Text};
    if (n == "virtualnetwork" || n == "virtualnetworkid" || n == "networkid" || n == "network" || n == "vnet")
        return P{Field::Network, Content::GuidOrText};
    if (n == "type" || n == "networktype" || n == "mode")
        return P{Field::Type, Content::Text};
    if (n == "ipaddress" || n == "ip" || n == "ipv4address" || n == "address")
        return P{Field::IpAddress, Content::Address};
    if (n == "macaddress" || n == "mac")
        return P{Field::MacAddress, Content::Text};
    if (n == "virtualips" || n == "vips" || n == "vip" || n == "virtualip" || n == "frontendvips")
        return P{Field::Vips, Content::AddressList};
    if (n == "directipids" || n == "dipids" || n == "directips" || n == "dips" ||
        n == "directipendpointids" || n == "directipendpoints")
        return P{Field::Dips, Content::GuidList};
    if (n == "endpointids" || n == "endpoints" || n == "endpointid")
        return P{kind == ResourceKind::LoadBalancer ? Field::Dips : Field::EndpointIds, Content::GuidList};
    if (n == "state")
        return P{Field::State, Content::Text};
    return std::nullopt;
}

Column makeColumn(std::string label, std::size_t column, ResourceKind kind)
{
    Column c;
    if (const auto known = knownLabel(normalized(label), kind)) {
        c.field = known->first;
        c.content = known->second;
    }
    c.label = std::move(label);
    c.column = column;
    return c;
}

/// `Networks:`, `Load Balancers:`, `ENDPOINTS` ...: the kind a section heading names.
ResourceKind headingKind(std::string_view line, bool& colon)
{
    std::string_view t = trimBlanks(line);
    colon = t.ends_with(':');
    if (colon)
        t = trimBlanks(t.substr(0, t.size() - 1));
    if (t.empty() || t.size() > 30 || !std::all_of(t.begin(), t.end(), [](char c) {
            return std::isalpha(static_cast<unsigned char>(c)) || c == ' ';
        }))
        return ResourceKind::Invalid;
    const std::string n = normalized(t);
    if (n == "networks" || n == "network")
        return ResourceKind::Network;
    if (n == "endpoints" || n == "endpoint")
        return ResourceKind::Endpoint;
    if (n == "namespaces" || n == "namespace" || n == "compartments")
        return ResourceKind::Namespace;
    if (n == "loadbalancers" || n == "loadbalancer" || n == "policylists" || n == "policylist")
        return ResourceKind::LoadBalancer;
    return ResourceKind::Invalid;
}

/// A header line: labels separated by `|` or by two blanks or more (words of one label are one blank
/// apart; `Name ID` one blank apart is still two labels, as both are known). It names an ID column and
/// holds no GUID. With `allKnown`, every label must be one hnsdiag prints.
std::optional<Layout> parseHeader(std::string_view line, ResourceKind kind, bool allKnown)
{
    Layout layout;
    const std::vector<Token> tokens = splitTokens(line);
    if (tokens.empty() ||
        std::any_of(tokens.begin(), tokens.end(), [](const Token& t) { return isGuid(t.text); }))
        return std::nullopt;
    layout.pipes = line.find('|') != std::string_view::npos;
    if (layout.pipes) {
        std::size_t start = 0;
        while (start <= line.size()) {
            std::size_t bar = line.find('|', start);
            if (bar == std::string_view::npos)
                bar = line.size();
            const std::string_view cell = line.substr(start, bar - start);
            const std::string_view label = trimBlanks(cell);
            if (label.empty())
                return std::nullopt;
            const std::size_t column = displayWidth(line.substr(0, std::size_t(label.data() - line.data())));
            layout.columns.push_back(makeColumn(std::string(label), column, kind));
            start = bar + 1;
        }
    } else {
        // Group the words into cells at gaps of two blanks, then split a cell into known labels.
        std::vector<std::vector<const Token*>> cells;
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            if (i == 0 || tokens[i].column - tokens[i - 1].columnEnd >= 2)
                cells.emplace_back();
            cells.back().push_back(&tokens[i]);
        }
        for (const auto& words : cells) {
            std::vector<std::pair<std::size_t, std::size_t>> parts; // [first, last) word of each label
            for (std::size_t i = 0; i < words.size();) {
                std::size_t best = 0;
                std::string joined;
                for (std::size_t j = i; j < words.size(); ++j) {
                    joined += words[j]->text;
                    if (knownLabel(normalized(joined), kind))
                        best = j + 1;
                }
                if (best == 0)
                    break;
                parts.emplace_back(i, best);
                i = best;
            }
            const bool split = !parts.empty() && parts.back().second == words.size();
            if (!split)
                parts.assign(1, {0, words.size()});
            for (const auto& [first, last] : parts) {
                const std::size_t begin = words[first]->begin;
                const std::size_t end = words[last - 1]->end;
                layout.columns.push_back(
                    makeColumn(std::string(line.substr(begin, end - begin)), words[first]->column, kind));
            }
        }
    }
    const auto& cols = layout.columns;
    if (std::none_of(cols.begin(), cols.end(), [](const Column& c) { return c.field == Field::Id; }))
        return std::nullopt;
    if (allKnown && (cols.size() < 2 || std::any_of(cols.begin(), cols.end(),
                                                    [](const Column& c) { return c.field == Field::Other; })))
        return std::nullopt;
    return layout;
}

/// The columns of a section printed without a header line.
Layout defaultLayout(ResourceKind kind, bool pipes)
{
    Layout layout;
    layout.pipes = pipes;
    const auto add = [&](std::string label) {
        layout.columns.push_back(makeColumn(std::move(label), kUnknownColumn, kind));
    };
    switch (kind) {
    case ResourceKind::Namespace:
        add("ID");
        add("Endpoint IDs");
        break;
    case ResourceKind::LoadBalancer:
        add("ID");
        add("Virtual IPs");
        add("Direct IP IDs");
        break;
    case ResourceKind::Endpoint:
        add("Name");
        add("ID");
        add("Virtual Network Name");
        break;
    default:
        add("Name");
        add("ID");
        break;
    }
    return layout;
}

/// `Name : value`: a list view line, never a table row.
bool isListViewLine(std::string_view line)
{
    const std::string_view t = trimBlanks(line);
    const std::size_t colon = t.find(" :");
    if (colon == std::string_view::npos || colon == 0)
        return false;
    if (colon + 2 < t.size() && t[colon + 2] != ' ')
        return false;
    return std::all_of(t.begin(), t.begin() + std::ptrdiff_t(colon), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == ' ' || c == '-';
    });
}

bool startsWithGuidItem(std::string_view line);

/// A line that ends an hnsdiag table.
bool endsSection(const std::vector<CleanedLine>& lines, std::size_t i)
{
    const std::string_view t = trimBlanks(lines[i].text);
    if (t.empty() || (t.front() == '{' && !startsWithGuidItem(t)) || t.front() == '[' || t.front() == '"' ||
        isListViewLine(t) || isFenceLine(t) || isPromptLine(t))
        return true;
    // A command typed after the table (its prompt cleaned away), also one naming a GUID (`Remove-HnsEndpoint
    // -Id <guid>`); a row naming an endpoint `docker` has its ID right after that name.
    if (isCommandLine(t)) {
        const std::vector<Token> tokens = splitTokens(t);
        if (tokens.size() < 2 || !isGuid(tokens[1].text))
            return true;
    }
    bool colon = false;
    if (headingKind(t, colon) != ResourceKind::Invalid)
        return true;
    return i + 1 < lines.size() && isDashLine(lines[i + 1].text) && !isDashLine(t);
}

/// The cells of one row: for each column, the tokens it holds (offsets into the row's text).
struct SplitRow
{
    std::vector<std::vector<Token>> cells;
    std::string problem;
};

/// An item of a GUID list as printed: `<guid>`, `<guid>,`, `{<guid>}`, or one end of a braced list
/// (`{<guid>,` ... `<guid>}`), as the bare GUID (or the text as given when it is none). Braces and
/// commas alone (`{`, `}`, `{}`) give an empty item.
std::string_view guidItem(std::string_view token)
{
    const auto trimSeparators = [&] {
        while (!token.empty() && (token.back() == ',' || token.back() == ';'))
            token.remove_suffix(1);
    };
    trimSeparators();
    if (!token.empty() && token.front() == '{')
        token.remove_prefix(1);
    if (!token.empty() && token.back() == '}')
        token.remove_suffix(1);
    trimSeparators();
    return token;
}

/// A token a cell listing GUIDs may hold: a GUID item, or braces and commas around the items.
bool isGuidListItem(std::string_view token)
{
    const std::string_view item = guidItem(token);
    return item.empty() ? !token.empty() : isGuid(item);
}

/// The start of a GUID item a wrap cut (`{7c9a1b2d-3e`): what the first characters of one would be.
bool isGuidItemStart(std::string_view token)
{
    if (!token.empty() && token.front() == '{')
        token.remove_prefix(1);
    if (token.empty() || token.size() >= 36)
        return false;
    for (std::size_t i = 0; i < token.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? token[i] != '-' : std::isxdigit(static_cast<unsigned char>(token[i])) == 0)
            return false;
    }
    return true;
}

/// `{<guid>} ...`, `{<guid>, ...`, `{7c9a1b2d-3e` (cut): a line a list of braced IDs goes on on, not JSON.
bool startsWithGuidItem(std::string_view line)
{
    const std::string_view first = line.substr(0, std::min(line.find_first_of(" \t"), line.size()));
    return isGuid(guidItem(first)) || isGuidItemStart(first);
}

/// GUIDs one blank apart (the last one maybe cut), as a list a console wrapped goes on on its next line.
bool isWrappedList(std::string_view line)
{
    const std::vector<Token> tokens = splitTokens(line);
    for (std::size_t t = 0; t < tokens.size(); ++t) {
        const bool item =
            isGuidListItem(tokens[t].text) || (t + 1 == tokens.size() && isGuidItemStart(tokens[t].text));
        if (!item || (t > 0 && tokens[t].column != tokens[t - 1].columnEnd + 1))
            return false;
    }
    return !tokens.empty();
}

/// The last token of `text` and where it begins (`text.size()` and empty when it holds none).
std::pair<std::size_t, std::string_view> lastToken(std::string_view text)
{
    std::size_t end = text.size();
    while (end > 0 && isBlank(text[end - 1]))
        --end;
    std::size_t begin = end;
    while (begin > 0 && !isBlank(text[begin - 1]))
        --begin;
    return {begin == end ? text.size() : begin, text.substr(begin, end - begin)};
}

/// `10.0.0.1`, `10.0.0.1,fd00::1`, `,`: addresses a VIP cell lists.
bool isAddressList(std::string_view token)
{
    while (!token.empty()) {
        const std::size_t comma = std::min(token.find(','), token.size());
        if (comma > 0 && !isAddress(token.substr(0, comma)))
            return false;
        token.remove_prefix(std::min(comma + 1, token.size()));
    }
    return true;
}

/// Whether `column` is at or right of where a column from `first` on starts (as the header shows it).
bool startsLaterColumn(const std::vector<Column>& columns, std::size_t first, std::size_t column)
{
    for (std::size_t k = first; k < columns.size(); ++k)
        if (columns[k].column != kUnknownColumn && column >= columns[k].column)
            return true;
    return false;
}

bool isRequiredGuid(Content c)
{
    return c == Content::Guid;
}

/// Splits a row whose cells are separated by blanks only, column by column, by what each holds.
void splitByContent(const std::vector<Token>& tokens, const Layout& layout, SplitRow& row)
{
    const auto& columns = layout.columns;
    std::vector<std::size_t> guidsFrom(tokens.size() + 1, 0);
    for (std::size_t t = tokens.size(); t-- > 0;)
        guidsFrom[t] = guidsFrom[t + 1] + (isGuid(tokens[t].text) ? 1 : 0);

    std::size_t at = 0;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        auto& cell = row.cells[c];
        const Content content = columns[c].content;
        const auto take = [&] { cell.push_back(tokens[at++]); };
        if (content == Content::Guid) {
            if (at < tokens.size() && isGuid(tokens[at].text))
                take();
            continue;
        }
        if (content == Content::GuidOrText && at < tokens.size() && isGuid(tokens[at].text)) {
            take();
            continue;
        }
        if (content == Content::GuidList) {
            while (at < tokens.size() && isGuidListItem(tokens[at].text))
                take();
            continue;
        }
        if (content == Content::Address) {
            if (at < tokens.size() && isAddress(tokens[at].text))
                take();
            continue;
        }
        if (content == Content::AddressList) {
            while (at < tokens.size() && isAddressList(tokens[at].text))
                take();
            continue;
        }
        // Text: up to where the next column's content starts.
        if (c + 1 == columns.size()) {
            while (at < tokens.size())
                take();
            continue;
        }
        const Column& next = columns[c + 1];
        std::size_t required = 0;
        bool lists = false;
        for (std::size_t k = c + 1; k < columns.size(); ++k) {
            required +=
                isRequiredGuid(columns[k].content) || columns[k].content == Content::GuidOrText ? 1 : 0;
            lists = lists || columns[k].content == Content::GuidList;
        }
        const bool known = next.column != kUnknownColumn;
        while (at < tokens.size()) {
            const Token& token = tokens[at];
            const bool guid = isGuid(token.text);
            if (guid && (next.content == Content::Guid || next.content == Content::GuidOrText ||
                         next.content == Content::GuidList)) {
                // A name that is itself a GUID: more GUIDs than the columns after need, and (when the
                // header says) printed left of the next column.
                const bool surplus = !lists && guidsFrom[at] > required;
                const bool leftOfNext = known && token.column < next.column;
                if (!(lists ? leftOfNext : surplus && (!known || leftOfNext)))
                    break;
            } else if (next.content == Content::Address || next.content == Content::AddressList) {
                if (isAddressList(token.text))
                    break;
                // The address cell is empty: text two blanks or more after the cell, where a later
                // column starts, is that column's (a MAC address after an endpoint without an IP).
                const bool gap = at > 0 && token.column - tokens[at - 1].columnEnd >= 2;
                if (!cell.empty() && gap && startsLaterColumn(columns, c + 2, token.column))
                    break;
            } else if (next.content == Content::Text || next.content == Content::GuidOrText) {
                const bool gap = at > 0 && token.column - tokens[at - 1].columnEnd >= 2;
                if (!cell.empty() && (known ? token.column >= next.column : gap))
                    break;
            }
            take();
        }
    }
    if (at < tokens.size())
        row.problem = "\"" + std::string(tokens[at].text) + "\" is not in a column";
}

SplitRow splitRow(const std::string& text, const Layout& layout)
{
    SplitRow row;
    row.cells.resize(layout.columns.size());
    if (!layout.pipes) {
        splitByContent(splitTokens(text), layout, row);
        return row;
    }
    std::size_t start = 0;
    std::size_t c = 0;
    while (start <= text.size()) {
        std::size_t bar = text.find('|', start);
        if (bar == std::string::npos)
            bar = text.size();
        if (c >= layout.columns.size()) {
            if (!isBlankLine(std::string_view(text).substr(start, bar - start)))
                row.problem = "more cells than the header names";
            break;
        }
        for (Token token : splitTokens(std::string_view(text).substr(start, bar - start))) {
            token.begin += start;
            token.end += start;
            row.cells[c].push_back(token);
        }
        const Content content = layout.columns[c].content;
        const auto& cell = row.cells[c];
        const bool guid = cell.size() == 1 && isGuid(cell.front().text);
        const bool guids =
            std::all_of(cell.begin(), cell.end(), [](const Token& t) { return isGuidListItem(t.text); });
        if ((content == Content::Guid && !cell.empty() && !guid) || (content == Content::GuidList && !guids))
            row.problem = "\"" + layout.columns[c].label + "\" does not hold GUIDs";
        ++c;
        start = bar + 1;
    }
    return row;
}

std::string cellText(const std::string& text, const std::vector<Token>& cell)
{
    if (cell.empty())
        return {};
    return text.substr(cell.front().begin, cell.back().end - cell.front().begin);
}

/// The kind a header's columns show, for a table without a section heading.
ResourceKind kindFromColumns(const Layout& layout)
{
    for (const Column& c : layout.columns) {
        switch (c.field) {
        case Field::Network:
        case Field::NetworkName:
        case Field::IpAddress:
        case Field::MacAddress:
            return ResourceKind::Endpoint;
        case Field::EndpointIds:
            return ResourceKind::Namespace;
        case Field::Vips:
        case Field::Dips:
            return ResourceKind::LoadBalancer;
        default:
            break;
        }
    }
    return ResourceKind::Invalid;
}

/// One row as the v1 object of its kind, with what hnsdiag list does not show.
bool buildObject(const std::string& text, const Layout& layout, const SplitRow& row, ResourceKind kind,
                 std::string_view shownBy, FoundValue& found, std::string& problem)
{
    nlohmann::json object = nlohmann::json::object();
    const auto tokens = [](const std::vector<Token>& cell) {
        nlohmann::json out = nlohmann::json::array();
        for (const Token& t : cell)
            out.push_back(std::string(t.text));
        return out;
    };
    for (std::size_t c = 0; c < layout.columns.size(); ++c) {
        const Column& column = layout.columns[c];
        const auto& cell = row.cells[c];
        const std::string value = cellText(text, cell);
        switch (column.field) {
        case Field::Id:
            if (!value.empty())
                object["ID"] = value;
            break;
        case Field::Name:
            if (!value.empty())
                object["Name"] = value;
            break;
        case Field::Type:
            if (!value.empty())
                object["Type"] = value;
            break;
        case Field::Network:
            if (!value.empty())
                object[isGuid(value) ? "VirtualNetwork" : "VirtualNetworkName"] = value;
            break;
        case Field::NetworkName:
            if (!value.empty())
                object["VirtualNetworkName"] = value;
            break;
        case Field::IpAddress:
            if (!value.empty())
                object["IPAddress"] = value;
            break;
        case Field::MacAddress:
            if (!value.empty())
                object["MacAddress"] = value;
            break;
        case Field::EndpointIds:
            object["EndpointIDs"] = tokens(cell);
            break;
        case Field::Vips:
            object["VirtualIPs"] = tokens(cell);
            break;
        case Field::Dips:
            object["DirectIPIDs"] = tokens(cell);
            break;
        case Field::State:
        case Field::Other: {
            if (value.empty())
                break;
            const std::string key = column.field == Field::State ? "State" : [&] {
                std::string k;
                for (char ch : column.label)
                    if (ch != ' ')
                        k += ch;
                return k;
            }();
            const bool digits = value.size() <= 9 && std::all_of(value.begin(), value.end(), [](char ch) {
                                    return ch >= '0' && ch <= '9';
                                });
            object[key] = digits ? nlohmann::json(std::stoi(value)) : nlohmann::json(value);
            break;
        }
        }
    }
    if (!object.contains("ID")) {
        problem = "no ID";
        return false;
    }
    shapeHnsdiagListObject(kind, object, found.losses, shownBy);
    found.value = std::move(object);
    found.kindHint = kind;
    found.format = DumpFormat::Table;
    return true;
}

/// Lines of one logical row: a console wraps a long row onto following lines.
struct PendingRow
{
    std::string text; ///< the row as one line
    std::string source;
    int firstLine = 0;
    int lastLine = 0;
    std::size_t lastWidth = 0; ///< display width of its last physical line
    int lines = 0;             ///< physical lines
    bool open = false;
    /// Whether the row so far reads up to its last cell, a list of GUIDs, that its last line ends in
    /// (unknown until asked).
    std::optional<bool> endsInList;
    /// Display columns of the ID and of the first cell after it on the row's first line (a table
    /// without `|` whose last cell lists GUIDs): where a row of this table prints them.
    std::size_t idColumn = kUnknownColumn;
    std::size_t secondColumn = kUnknownColumn;
    bool idBraced = false;                   ///< `{<guid>}`
    std::size_t listColumn = kUnknownColumn; ///< where the list starts on the first line

    /// What an appended line changes, to take it back.
    struct Mark
    {
        std::size_t text = 0, source = 0;
        int lastLine = 0, lines = 0;
        std::size_t lastWidth = 0;
        std::optional<bool> endsInList;
    };
    Mark mark() const { return {text.size(), source.size(), lastLine, lines, lastWidth, endsInList}; }
    void rewind(const Mark& m)
    {
        text.resize(m.text);
        source.resize(m.source);
        lastLine = m.lastLine;
        lines = m.lines;
        lastWidth = m.lastWidth;
        endsInList = m.endsInList;
    }
};

class SectionReader
{
public:
    /// `shownBy`: what the losses of its rows name as the listing read ("hnsdiag list", "the table").
    SectionReader(const std::vector<CleanedLine>& lines, ResourceKind kind, std::string title,
                  ExtractResult& result, std::string shownBy = "hnsdiag list")
        : m_lines(lines), m_kind(kind), m_title(std::move(title)), m_result(result),
          m_shownBy(std::move(shownBy))
    {}

    /// Reads rows from `at` with `layout` (from the header line `header`, or the kind's usual columns
    /// when there is none); returns the index after the table.
    std::size_t read(std::size_t at, std::optional<Layout> layout, const std::string& header)
    {
        if (at >= m_lines.size() || endsSection(m_lines, at))
            return at;
        if (!layout)
            layout = defaultLayout(m_kind, m_lines[at].text.find('|') != std::string::npos);
        m_layout = std::move(*layout);
        m_header = header;
        const std::size_t end = sectionEnd(at);
        m_pasteEnd = 0;
        for (std::size_t i = m_lines.size(); i-- > at;) {
            if (!isBlankLine(m_lines[i].text) && !isFenceLine(trimBlanks(m_lines[i].text))) {
                m_pasteEnd = m_lines[i].sourceLine;
                break;
            }
        }
        m_width = displayWidth(header);
        for (std::size_t i = at; i < end; ++i)
            m_width = std::max(m_width, displayWidth(m_lines[i].text));
        m_begin = at;
        m_end = end;
        m_widthIsRowLength.reset();

        for (std::size_t i = at; i < end; ++i) {
            const CleanedLine& line = m_lines[i];
            if (isBlankLine(line.text)) { // a blank line the section goes on after
                flush();
                continue;
            }
            if (!m_row.open) {
                start(line);
                continue;
            }
            if (continuesList(line))
                continue;
            if (m_row.lines >= kMaxWrappedLines) {
                flush();
                start(line);
                continue;
            }
            // A console wraps only rows as wide as the console; lines shorter than any console never
            // wrapped.
            const bool full = m_width >= kMinConsoleWidth && m_row.lastWidth + 1 >= m_width;
            const bool complete = parses(m_row.text);
            if (looksLikeRowStart(line.text)) {
                if (!complete && full && tryAppend(line, false))
                    continue;
                flush();
                start(line);
            } else if (!(full || !complete) || (complete && !continuesWholeRow(line)) ||
                       !tryAppend(line, !complete)) {
                if (!reportCutRow(line.text, line.sourceLine, line.sourceLine))
                    m_result.warnings.push_back({line.sourceLine, line.sourceLine,
                                                 lineRange(line.sourceLine, line.sourceLine) +
                                                     ": a line in " + tableName() + " is not a row of it"});
            }
        }
        flush();
        return end;
    }

private:
    /// Where the section starting at `at` ends. A blank line ends it unless the next line is a row of
    /// this table printed as the rows before it were: it parses, its ID sits where theirs did (or, with
    /// `|` between the cells, it has as many `|`). A line after the blank that holds an ID but is
    /// printed otherwise is reported, as it may be a row this reader missed.
    std::size_t sectionEnd(std::size_t at)
    {
        std::vector<std::size_t> idColumns; // display columns of the IDs of the rows read so far
        std::vector<std::size_t> bars;      // `|` counts of those rows
        const auto note = [&](std::string_view text) {
            if (const auto id = idColumn(std::string(text))) {
                idColumns.push_back(*id);
                bars.push_back(std::size_t(std::count(text.begin(), text.end(), '|')));
            }
        };
        std::size_t end = at;
        while (end < m_lines.size()) {
            if (!endsSection(m_lines, end)) {
                note(m_lines[end].text);
                ++end;
                continue;
            }
            if (!isBlankLine(m_lines[end].text) || idColumns.empty())
                break;
            std::size_t next = end;
            while (next < m_lines.size() && isBlankLine(m_lines[next].text))
                ++next;
            if (next >= m_lines.size() || endsSection(m_lines, next))
                break;
            const std::string& text = m_lines[next].text;
            const std::optional<std::size_t> id = idColumn(text);
            const std::size_t barCount = std::size_t(std::count(text.begin(), text.end(), '|'));
            const bool aligned =
                id &&
                (m_layout.pipes ? std::find(bars.begin(), bars.end(), barCount) != bars.end()
                                : std::find(idColumns.begin(), idColumns.end(), *id) != idColumns.end());
            if (aligned) {
                end = next;
                continue;
            }
            // A sentence naming a GUID has more words than a row has cells.
            if ((id || looksLikeRowStart(text)) && splitTokens(text).size() <= m_layout.columns.size() + 2) {
                const int blank = m_lines[end].sourceLine;
                m_result.warnings.push_back({m_lines[next].sourceLine, m_lines[next].sourceLine,
                                             lineRange(m_lines[next].sourceLine, m_lines[next].sourceLine) +
                                                 ": the line after the blank line " + std::to_string(blank) +
                                                 " looks like a row of " + tableName() +
                                                 " but is not printed like its rows; not read"});
            }
            break;
        }
        return end;
    }

    /// The display column of the ID in `text` read as one row, or nothing when it is no row.
    std::optional<std::size_t> idColumn(const std::string& text) const
    {
        const SplitRow row = splitRow(text, m_layout);
        if (!row.problem.empty())
            return std::nullopt;
        for (std::size_t c = 0; c < m_layout.columns.size(); ++c) {
            if (m_layout.columns[c].field == Field::Id)
                return row.cells[c].empty() ? std::nullopt : std::optional(row.cells[c].front().column);
        }
        return std::nullopt;
    }

    /// `text` split into the table's cells when it reads as a row holding an ID; nothing when not.
    std::optional<SplitRow> readRow(const std::string& text) const
    {
        SplitRow row = splitRow(text, m_layout);
        if (!row.problem.empty())
            return std::nullopt;
        for (std::size_t c = 0; c < m_layout.columns.size(); ++c) {
            if (m_layout.columns[c].field == Field::Id && row.cells[c].empty())
                return std::nullopt;
        }
        return row;
    }

    bool parses(const std::string& text) const { return readRow(text).has_value(); }

    bool looksLikeRowStart(std::string_view text) const
    {
        const std::vector<Token> tokens = splitTokens(text);
        if (tokens.empty())
            return false;
        // With `|` between the cells, every row of more than one column has one.
        if (m_layout.pipes && m_layout.columns.size() > 1 && text.find('|') == std::string_view::npos)
            return false;
        const Content first = m_layout.columns.front().content;
        if (first == Content::Guid || first == Content::GuidList)
            return isGuid(tokens.front().text) && tokens.front().column <= 1;
        return std::any_of(tokens.begin(), tokens.end(), [](const Token& t) { return isGuid(t.text); });
    }

    void start(const CleanedLine& line)
    {
        m_row = PendingRow{line.text, line.text, line.sourceLine, line.sourceLine, displayWidth(line.text),
                           1,         true,      std::nullopt};
        if (!m_layout.pipes && m_layout.columns.front().field == Field::Id &&
            m_layout.columns.back().content == Content::GuidList) {
            const std::vector<Token> tokens = splitTokens(line.text);
            if (tokens.size() >= 2 && isGuid(tokens[0].text)) {
                m_row.idColumn = tokens[0].column;
                m_row.secondColumn = tokens[1].column;
                m_row.idBraced = tokens[0].text.front() == '{';
            }
            const std::optional<SplitRow> row = readRow(line.text);
            m_row.listColumn = row && !row->cells.back().empty() ? row->cells.back().front().column
                                                                 : m_layout.columns.back().column;
        }
    }

    /// GUIDs alone starting in the list's column, right of the ID: an editor or a ticket wrapped the list
    /// at a blank and kept its indentation, so the line before need not fill the console.
    bool inListColumn(std::string_view line) const
    {
        if (m_layout.pipes || m_row.listColumn == kUnknownColumn || m_row.idColumn == kUnknownColumn)
            return false;
        const std::vector<Token> tokens = splitTokens(line);
        return !tokens.empty() && tokens.front().column > m_row.idColumn + 1 &&
               tokens.front().column + 1 >= m_row.listColumn && isWrappedList(line);
    }

    /// Whether `line`, GUIDs alone after a line that filled the console, is printed as the rest of a
    /// list rather than as a row of this table without `|`. A row is its ID in the ID column, printed as
    /// the row being read prints its own, with its other cells after it where that row has them (a load
    /// balancer's VIPs or the blanks of an empty VIP cell, a namespace's first endpoint); a wrapped list
    /// is GUIDs one blank apart from wherever the break put them (column 1 when the blank moved to the
    /// next line, the list's column when the copy kept its indentation), down to the list's last GUID
    /// alone.
    bool printedAsList(std::string_view line) const
    {
        if (!isWrappedList(line))
            return false;
        if (m_layout.columns.size() > 2)
            return true;
        const std::vector<Token> tokens = splitTokens(line);
        if (m_row.idColumn == kUnknownColumn)
            return false;
        return tokens.size() == 1 || tokens.front().column != m_row.idColumn ||
               (tokens.front().text.front() == '{') != m_row.idBraced ||
               tokens[1].column != m_row.secondColumn;
    }

    /// Whether the row so far reads (a GUID the wrap cut at its end aside) and its last line ends in
    /// its last column, a list of GUIDs.
    bool endsInList() const
    {
        if (m_layout.columns.back().content != Content::GuidList)
            return false;
        const auto [begin, last] = lastToken(m_row.text);
        const bool cut = !isGuidListItem(last) && isGuidItemStart(last);
        const std::string head = cut ? m_row.text.substr(0, begin) : m_row.text;
        const std::optional<SplitRow> row = readRow(head);
        if (!row)
            return false;
        if (m_layout.pipes &&
            std::size_t(std::count(head.begin(), head.end(), '|')) + 1 == m_layout.columns.size())
            return true; // the last `|` cell is open
        const auto& list = row->cells.back();
        const auto [headBegin, headLast] = lastToken(head);
        if (list.empty())
            return cut; // the wrap cut the list's first GUID
        return list.back().end == headBegin + headLast.size();
    }

    /// A line of GUIDs alone continuing a row whose last cell, a list of GUIDs, the console wrapped
    /// (a load balancer with many DIPs): appended without reading the whole row again, so a row of any
    /// number of lines costs the length of its lines.
    bool continuesList(const CleanedLine& line)
    {
        if (m_row.lines >= kMaxListLines || m_width < kMinConsoleWidth ||
            (m_layout.pipes && line.text.find('|') != std::string::npos))
            return false;
        const auto [from, last] = lastToken(m_row.text);
        const bool cut = !isGuidListItem(last) && isGuidItemStart(last);
        // A list is never printed ending in a comma: one that does goes on on the next line, whether the
        // console broke it at its width or an editor at a blank.
        const bool comma = last.ends_with(',');
        if (!comma && m_row.lastWidth + 1 < m_width && !inListColumn(line.text))
            return false;
        // Without `|`, a line starting with a whole GUID may be the next row. It continues this one when
        // the GUID before it was cut, the list before it ends in a comma, or the line is printed as a
        // wrapped list and not as a row.
        if (!m_layout.pipes && !cut && !comma && looksLikeRowStart(line.text) && !printedAsList(line.text))
            return false;
        if (!m_row.endsInList)
            m_row.endsInList = endsInList();
        if (!*m_row.endsInList)
            return false;
        const PendingRow::Mark mark = m_row.mark();
        append(line);
        const std::vector<Token> added = splitTokens(std::string_view(m_row.text).substr(from));
        const bool full = displayWidth(line.text) + 1 >= m_width;
        for (std::size_t t = 0; t < added.size(); ++t) {
            if (!isGuidListItem(added[t].text) &&
                !(t + 1 == added.size() && full && isGuidItemStart(added[t].text))) {
                m_row.rewind(mark);
                return false;
            }
        }
        m_row.endsInList = true;
        return true;
    }

    /// Whether `line`, not a row's start, after a row that reads whole and fills the table's width, is
    /// the rest of that row a console wrapped rather than the start of a row the paste cut
    /// (`6d137c6c...` after a row ending in its network's name). A wrap must leave each cell a value the
    /// dump can hold: where the dump lists networks, a network name the join makes is one of them (a
    /// wrap), and a name that is one while the joined one is not was whole (no wrap). Where the names do
    /// not tell, the width does (widthIsARowLength).
    bool continuesWholeRow(const CleanedLine& line)
    {
        const std::optional<SplitRow> before = readRow(m_row.text);
        const PendingRow::Mark mark = m_row.mark();
        append(line);
        const std::string joined = m_row.text;
        m_row.rewind(mark);
        const std::optional<SplitRow> after = readRow(joined);
        if (!before || !after)
            return true; // not read either way: tryAppend decides
        for (std::size_t c = 0; c < m_layout.columns.size(); ++c) {
            const Field field = m_layout.columns[c].field;
            if (field != Field::NetworkName && field != Field::Network)
                continue;
            const std::string was = lowerCopy(cellText(m_row.text, before->cells[c]));
            const std::string now = lowerCopy(cellText(joined, after->cells[c]));
            if (was.empty() || was == now)
                continue;
            const std::set<std::string>& names = networkNames();
            if (names.contains(now))
                return true;
            if (names.contains(was))
                return false;
        }
        return !widthIsARowLength();
    }

    /// The names (lower-cased) of the networks read so far, from this dump's Networks table or another
    /// listing of it before this table.
    const std::set<std::string>& networkNames()
    {
        if (!m_networkNames) {
            m_networkNames.emplace();
            for (const FoundValue& found : m_result.values) {
                if (found.kindHint != ResourceKind::Network || !found.value.is_object())
                    continue;
                const auto name = found.value.find("Name");
                if (name != found.value.end() && name->is_string())
                    m_networkNames->insert(lowerCopy(name->get<std::string>()));
            }
        }
        return *m_networkNames;
    }

    /// Whether the table shows its width to be the length of whole rows rather than the column its
    /// console broke rows at: lines as wide read as whole rows and the next line starts a row, and no
    /// line as wide is a piece of a row the console broke (a line that is no row's start, or a row's
    /// start that does not read on its own, before a line that starts none). A console as wide as a
    /// table's longest rows prints them whole; a row longer than it is broken on every row.
    bool widthIsARowLength()
    {
        if (!m_widthIsRowLength) {
            bool ended = false;
            bool broken = false;
            for (std::size_t i = m_begin; i + 1 < m_end && !broken; ++i) {
                const std::string& text = m_lines[i].text;
                const std::string& next = m_lines[i + 1].text;
                if (displayWidth(text) + 1 < m_width || isBlankLine(text))
                    continue;
                if (!looksLikeRowStart(text))
                    broken = true;
                else if (!parses(text))
                    broken = !isBlankLine(next) && !looksLikeRowStart(next);
                else
                    ended = ended || looksLikeRowStart(next);
            }
            m_widthIsRowLength = ended && !broken;
        }
        return *m_widthIsRowLength;
    }

    /// Joins a wrapped line: the console broke the row at its width, so the row continues at column
    /// `m_width`. A token cut at the break is joined again unless both halves are whole GUIDs or
    /// addresses (a copy that lost the blank between them).
    /// Appends `line` when the row it makes can be read (or always, with `always`).
    bool tryAppend(const CleanedLine& line, bool always)
    {
        const PendingRow::Mark mark = m_row.mark();
        append(line);
        if (always || parses(m_row.text))
            return true;
        m_row.rewind(mark);
        return false;
    }

    void append(const CleanedLine& line)
    {
        const std::string_view a = lastToken(m_row.text).second;
        const std::vector<Token> after = splitTokens(line.text);
        const bool startsBlank = line.text.empty() || line.text.front() == ' ' || line.text.front() == '\t';
        bool glue = !startsBlank && m_row.lastWidth >= m_width && !a.empty() && !after.empty();
        if (glue) {
            const std::string_view b = after.front().text;
            if (isGuid(guidItem(a)) || isGuid(guidItem(b)) || (isAddress(a) && isAddress(b)))
                glue = false;
        }
        if (!glue) {
            // The blanks the copy trimmed off the line's end; a line starting with a blank got the one
            // the console broke the row at (a name broken between two words keeps one blank there).
            const std::size_t trimmed = m_width - std::min(m_width, m_row.lastWidth);
            m_row.text.append(startsBlank ? trimmed : std::max<std::size_t>(1, trimmed), ' ');
        }
        m_row.text += line.text;
        m_row.source += "\n" + line.text;
        m_row.lastLine = line.sourceLine;
        m_row.lastWidth = displayWidth(line.text);
        ++m_row.lines;
        m_row.endsInList.reset();
    }

    void flush()
    {
        if (!m_row.open)
            return;
        m_row.open = false;
        SplitRow row = splitRow(m_row.text, m_layout);
        FoundValue found;
        std::string problem = row.problem;
        std::string cutLoss;
        if (problem.empty())
            cutLoss = cutAtPasteEnd(row);
        if (problem.empty() && buildObject(m_row.text, m_layout, row, m_kind, m_shownBy, found, problem)) {
            noteCells(row);
            if (!cutLoss.empty()) {
                found.cutOff = true;
                found.losses.push_back(cutLoss);
                m_result.warnings.push_back(
                    {m_row.firstLine, m_row.lastLine,
                     lineRange(m_row.firstLine, m_row.lastLine) + ": the paste ends inside the row of " +
                         objectLabel(found.value) + " in " + tableName() + "; " + cutLoss});
            }
            m_lastRowLine = m_row.lastLine;
            found.firstLine = m_row.firstLine;
            found.lastLine = m_row.lastLine;
            found.sourceText = m_header.empty() ? m_row.source : m_header + "\n" + m_row.source;
            if (m_row.lines > 1)
                found.repairs.push_back("joined a row wrapped onto " + std::to_string(m_row.lines) +
                                        " lines");
            m_result.values.push_back(std::move(found));
            return;
        }
        if (reportCutRow(m_row.text, m_row.firstLine, m_row.lastLine))
            return;
        m_result.warnings.push_back({m_row.firstLine, m_row.lastLine,
                                     lineRange(m_row.firstLine, m_row.lastLine) + ": a row of " +
                                         tableName() + " could not be read (" + problem + ")"});
    }

    /// "endpoint Ethernet (78ca55e4-...)": the object a row shows, as the report names objects.
    std::string objectLabel(const nlohmann::json& object) const
    {
        const std::string kind(
            resourceKindLabel(m_kind == ResourceKind::Invalid ? ResourceKind::Endpoint : m_kind));
        const std::string id = object.value("ID", std::string());
        const std::string name = object.value("Name", std::string());
        return kind + " " + (name.empty() ? id : name + " (" + id + ")");
    }

    /// When `text` (lines `first`-`last`) is the start of a row of this table that ends before its ID is
    /// whole (`Ethernet 78ca55e4-96db-478c-bd26-c5d6`, `Ethern`): a warning naming what the row shows of
    /// the object, which cannot be imported without its ID. The paste ends there, or the row lost its
    /// end. False when `text` is not such a start.
    bool reportCutRow(const std::string& text, int first, int last)
    {
        std::size_t idIndex = 0;
        while (idIndex < m_layout.columns.size() && m_layout.columns[idIndex].field != Field::Id)
            ++idIndex;
        if (idIndex == m_layout.columns.size())
            return false;
        const auto guidStart = [](std::string_view word) {
            return (word.starts_with('{') || word.size() >= 4) && isGuidItemStart(word);
        };
        std::string idStart;
        std::string head = text; // the cells before the ID
        if (m_layout.pipes) {
            const std::size_t bars = std::size_t(std::count(text.begin(), text.end(), '|'));
            if (bars > idIndex)
                return false;
            if (bars == idIndex) {
                const std::size_t bar = text.rfind('|');
                const std::string_view cell =
                    trimBlanks(bar == std::string::npos ? std::string_view(text)
                                                        : std::string_view(text).substr(bar + 1));
                if (!cell.empty() && !guidStart(cell))
                    return false;
                idStart = std::string(cell);
                head = bar == std::string::npos ? std::string() : text.substr(0, bar);
            }
        } else if (const auto [begin, word] = lastToken(text); guidStart(word)) {
            idStart = std::string(word);
            head = text.substr(0, begin);
        }
        if (!idStart.empty() && idStart.front() == '{')
            idStart.erase(0, 1);
        const bool pasteEnds = last == m_pasteEnd;
        // A line that shows no part of an ID is a row cut before it only where the paste ends right after
        // a row: elsewhere it may be any text.
        const int rowBefore = m_row.open ? m_row.lastLine : m_lastRowLine;
        if (idStart.empty() && (!pasteEnds || idIndex == 0 || first != rowBefore + 1))
            return false;
        std::string shownName;
        if (idIndex > 0) {
            Layout before = m_layout;
            before.columns.resize(idIndex);
            const SplitRow row = splitRow(head, before);
            if (!row.problem.empty() || isBlankLine(head))
                return false;
            for (std::size_t c = 0; c < idIndex; ++c)
                if (before.columns[c].field == Field::Name)
                    shownName = cellText(head, row.cells[c]);
        } else if (!isBlankLine(head)) {
            return false;
        }
        std::string what;
        if (!idStart.empty()) {
            const std::string kind(
                resourceKindLabel(m_kind == ResourceKind::Invalid ? ResourceKind::Endpoint : m_kind));
            what = (pasteEnds ? "the paste ends inside the row of " : "the row of ") + kind + " " + idStart +
                   std::string(kEllipsis) + (shownName.empty() ? "" : " (Name " + shownName + ")") + " in " +
                   tableName() + (pasteEnds ? "" : " ends inside its ID (cut by the paste?)") +
                   "; not imported, as its ID is cut";
        } else {
            what = "the paste ends inside a row of " + tableName() + " (\"" + std::string(trimBlanks(text)) +
                   "\"), before its ID; not imported";
        }
        m_result.warnings.push_back({first, last, lineRange(first, last) + ": " + what});
        return true;
    }

    /// The text cells of the rows read so far, for telling whether the paste cut the last one.
    void noteCells(const SplitRow& row)
    {
        if (m_filled.empty()) {
            m_filled.assign(m_layout.columns.size(), 0);
            m_cellValues.resize(m_layout.columns.size());
        }
        ++m_rowsRead;
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
            if (row.cells[c].empty())
                continue;
            ++m_filled[c];
            if (m_layout.columns[c].content == Content::Text && m_cellValues[c].size() < kMaxCellValues)
                m_cellValues[c].insert(cellText(m_row.text, row.cells[c]));
        }
    }

    /// The row the paste ends in (its ID whole) when it lacks its end: columns every other row fills are
    /// empty, or its last cell starts the same column's text of another row (`l2br` under `l2bridge`).
    /// Returns what the row loses ("Virtual Network Name: cut by the paste after \"l2br\" (not read)"),
    /// after taking a cut cell out of `row`; empty when it is whole as far as the table shows.
    std::string cutAtPasteEnd(SplitRow& row) const
    {
        if (m_row.lastLine != m_pasteEnd || m_rowsRead == 0)
            return {};
        std::size_t lastFilled = 0;
        bool any = false;
        for (std::size_t c = 0; c < row.cells.size(); ++c)
            if (!row.cells[c].empty()) {
                lastFilled = c;
                any = true;
            }
        if (!any || m_layout.columns[lastFilled].field == Field::Id)
            return missingColumns(row, lastFilled);
        const Column& column = m_layout.columns[lastFilled];
        if (column.content == Content::Text && lastFilled < m_cellValues.size()) {
            const std::string shown = cellText(m_row.text, row.cells[lastFilled]);
            const auto& values = m_cellValues[lastFilled];
            const auto next = values.upper_bound(shown);
            if (values.find(shown) == values.end() && next != values.end() && next->starts_with(shown)) {
                row.cells[lastFilled].clear();
                const std::string more = missingColumns(row, lastFilled);
                return column.label + ": cut by the paste after \"" + shown + "\" (not read)" +
                       (more.empty() ? "" : "; " + more);
            }
        }
        return missingColumns(row, lastFilled);
    }

    /// "Virtual Network Name, State: not shown, the paste ends before them": the columns after `from`
    /// that every row before this one filled.
    std::string missingColumns(const SplitRow& row, std::size_t from) const
    {
        std::string names;
        for (std::size_t c = from + 1; c < row.cells.size() && c < m_filled.size(); ++c)
            if (row.cells[c].empty() && m_filled[c] == m_rowsRead &&
                (m_layout.columns[c].content == Content::Text ||
                 m_layout.columns[c].content == Content::GuidOrText))
                names += (names.empty() ? "" : ", ") + m_layout.columns[c].label;
        return names.empty() ? names : names + ": not shown, the paste ends before them";
    }

    /// "the hnsdiag Endpoints table", or "the Endpoints table" when it is not known to be hnsdiag's.
    std::string tableName() const
    {
        return (m_shownBy == "hnsdiag list" ? "the hnsdiag " : "the ") + m_title + " table";
    }

    const std::vector<CleanedLine>& m_lines;
    ResourceKind m_kind;
    std::string m_title;
    ExtractResult& m_result;
    std::string m_shownBy;
    Layout m_layout;
    std::string m_header;
    std::size_t m_width = 0;
    std::size_t m_begin = 0; ///< the lines of the section being read
    std::size_t m_end = 0;
    std::optional<bool> m_widthIsRowLength;              ///< found when first asked
    std::optional<std::set<std::string>> m_networkNames; ///< found when first asked
    PendingRow m_row;
    int m_pasteEnd = 0;    ///< the source line of the paste's last line of text
    int m_lastRowLine = 0; ///< the last line of the last row read
    /// Rows read, how many of them fill each column, and the texts of the text columns (up to
    /// kMaxCellValues each): what a row the paste cut lacks.
    std::size_t m_rowsRead = 0;
    std::vector<std::size_t> m_filled;
    std::vector<std::set<std::string>> m_cellValues;
};

std::string sectionTitle(ResourceKind kind)
{
    switch (kind) {
    case ResourceKind::Network:
        return "Networks";
    case ResourceKind::Endpoint:
        return "Endpoints";
    case ResourceKind::Namespace:
        return "Namespaces";
    case ResourceKind::LoadBalancer:
        return "LoadBalancers";
    default:
        return "list";
    }
}

bool isRuleLine(std::string_view line)
{
    const std::string_view t = trimBlanks(line);
    return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) {
        return c == '-' || c == '=' || c == '|' || c == '+' || c == ' ' || c == '\t';
    }) && t.find_first_of("-=") != std::string_view::npos;
}

/// `LoadBalance`, `Namesp`: the start of a section heading (two characters at least); the kind it names.
ResourceKind cutHeadingKind(std::string_view line)
{
    static constexpr std::pair<std::string_view, ResourceKind> kHeadings[] = {
        {"Networks:", ResourceKind::Network},
        {"Endpoints:", ResourceKind::Endpoint},
        {"Namespaces:", ResourceKind::Namespace},
        {"LoadBalancers:", ResourceKind::LoadBalancer},
        {"Load Balancers:", ResourceKind::LoadBalancer}};
    const std::string_view t = trimBlanks(line);
    if (t.size() < 2)
        return ResourceKind::Invalid;
    for (const auto& [heading, kind] : kHeadings) {
        if (t.size() < heading.size() && equalsIgnoreCase(heading.substr(0, t.size()), t))
            return kind;
    }
    return ResourceKind::Invalid;
}

/// After the section ending at `end`: when the paste ends in the start of the next section's heading
/// (after the blank line hnsdiag prints between sections), that section was cut; a warning says so and
/// the index after the paste is returned, else `end`.
std::size_t afterSection(const std::vector<CleanedLine>& lines, std::size_t end, ExtractResult& result)
{
    std::size_t at = end;
    while (at < lines.size() && isBlankLine(lines[at].text))
        ++at;
    if (at == 0 || at >= lines.size() || !isBlankLine(lines[at - 1].text))
        return end;
    const ResourceKind kind = cutHeadingKind(lines[at].text);
    if (kind == ResourceKind::Invalid)
        return end;
    for (std::size_t i = at + 1; i < lines.size(); ++i) {
        if (!isBlankLine(lines[i].text) && !isFenceLine(trimBlanks(lines[i].text)))
            return end;
    }
    const int line = lines[at].sourceLine;
    result.warnings.push_back({line, line,
                               lineRange(line, line) + ": the paste ends inside the heading of the " +
                                   sectionTitle(kind) + " section (\"" +
                                   std::string(trimBlanks(lines[at].text)) +
                                   "\"); its objects are not in the dump"});
    return lines.size();
}

/// The blanks a line starts with.
std::size_t indentOf(std::string_view line)
{
    return std::min(line.find_first_not_of(" \t"), line.size());
}

/// `ID: 7c9a...`, `- Name: ep1`, `IsDefault: false`: a YAML mapping's (or a list view's) `key: value`
/// line, never a row or header of a table.
bool isKeyValueLine(std::string_view line)
{
    std::string_view t = trimBlanks(line);
    if (t.starts_with("- "))
        t = trimBlanks(t.substr(2));
    std::size_t key = 0;
    while (key < t.size() && (std::isalnum(static_cast<unsigned char>(t[key])) || t[key] == '_'))
        ++key;
    return key > 0 && key < t.size() && t[key] == ':' && (key + 1 == t.size() || t[key + 1] == ' ');
}

/// Whether the line after a `Namespace:`-like line shows it is a key of YAML (ConvertTo-Yaml, `kubectl
/// get -o yaml`) rather than an hnsdiag heading: hnsdiag starts its headings at the left margin and
/// follows them with a header or a row; a YAML key goes on with its members indented deeper or with
/// `key: value` lines.
bool isYamlKey(const std::vector<CleanedLine>& lines, std::size_t at)
{
    std::size_t next = at + 1;
    while (next < lines.size() && isBlankLine(lines[next].text))
        ++next;
    if (next >= lines.size())
        return indentOf(lines[at].text) > 0;
    return indentOf(lines[next].text) > indentOf(lines[at].text) || isKeyValueLine(lines[next].text);
}

/// `| a | b |`: a markdown table line (GitHub, Jira, a wiki), its cells between bars.
bool isMarkdownRow(std::string_view line)
{
    const std::string_view t = trimBlanks(line);
    return t.size() >= 3 && t.front() == '|' && t.back() == '|';
}

/// `|---|:--:|`: the line under a markdown table's header.
bool isMarkdownRule(std::string_view line)
{
    const std::string_view t = trimBlanks(line);
    return isMarkdownRow(t) && t.find('-') != std::string_view::npos &&
           t.find_first_not_of("|-: ") == std::string_view::npos;
}

/// A markdown table of HNS objects (`| ID | Name | IPAddress |`, `|---|---|---|`, rows) starting at
/// `at`: read as a table with `|` cells, its outer bars dropped. Returns the index after it, or `at`.
std::size_t readMarkdownTable(const std::vector<CleanedLine>& lines, std::size_t at, ExtractResult& result)
{
    if (at + 2 >= lines.size() || !isMarkdownRow(lines[at].text) || !isMarkdownRule(lines[at + 1].text))
        return at;
    const auto inner = [](const CleanedLine& line) {
        std::string_view t = trimBlanks(line.text);
        t = trimBlanks(t.substr(1, t.size() - 2));
        return CleanedLine{std::string(t), line.sourceLine};
    };
    std::vector<CleanedLine> table{inner(lines[at])};
    std::size_t end = at + 2;
    for (; end < lines.size() && isMarkdownRow(lines[end].text); ++end)
        table.push_back(inner(lines[end]));
    std::optional<Layout> layout = parseHeader(table[0].text, ResourceKind::Invalid, false);
    if (!layout || !layout->pipes || table.size() < 2)
        return at;
    const ResourceKind kind = kindFromColumns(*layout);
    if (kind != ResourceKind::Invalid)
        layout = parseHeader(table[0].text, kind, false);
    SectionReader reader(table, kind, sectionTitle(kind), result, "the table");
    reader.read(1, std::move(layout), table[0].text);
    return end;
}

/// What a cell of a table printed without its header (`Format-Table -HideTableHeaders`) holds, told by
/// its content alone.
enum class Cell
{
    Id,
    Address,
    Mac,
    Mode,
    Text
};

Cell cellOf(std::string_view token)
{
    if (isGuid(token))
        return Cell::Id;
    if (isAddress(token))
        return Cell::Address;
    const bool mac = token.size() == 17 && std::all_of(token.begin(), token.end(), [](char c) {
                         return std::isxdigit(static_cast<unsigned char>(c)) || c == '-' || c == ':';
                     });
    if (mac && (token[2] == '-' || token[2] == ':'))
        return Cell::Mac;
    // A mode as HNS prints a network's Type (`NAT`, `L2Bridge`); `nat` in lower case is a name.
    if (const NetworkMode mode = networkModeFromName(token);
        mode != NetworkMode::Invalid && networkModeName(mode) == token)
        return Cell::Mode;
    return Cell::Text;
}

/// The cells of a line of a table without header: one GUID, at most one address, MAC and network mode,
/// and a name of up to three words, nothing else (no `key: value`, no punctuation of JSON or logs).
std::optional<std::vector<Cell>> headerlessRow(std::string_view line)
{
    if (line.find_first_of("\"{}[]=,;") != std::string_view::npos || (!line.empty() && line.front() == ' '))
        return std::nullopt;
    const std::vector<Token> tokens = splitTokens(line);
    if (tokens.size() < 2 || tokens.size() > 6)
        return std::nullopt;
    std::vector<Cell> cells;
    int ids = 0, texts = 0;
    for (const Token& t : tokens) {
        const Cell c = cellOf(t.text);
        if (c == Cell::Text && t.text.find(':') != std::string_view::npos)
            return std::nullopt;
        ids += c == Cell::Id;
        texts += c == Cell::Text;
        if (c != Cell::Text && std::find(cells.begin(), cells.end(), c) != cells.end())
            return std::nullopt;
        if (c != Cell::Text || cells.empty() || cells.back() != Cell::Text)
            cells.push_back(c);
        else if (texts > 3)
            return std::nullopt;
    }
    if (ids != 1 || std::count(cells.begin(), cells.end(), Cell::Text) > 1)
        return std::nullopt;
    return cells;
}

/// Rows of `Format-Table -HideTableHeaders` (`<guid> name 10.244.2.11`): every line of the block holds
/// the same cells, told by their content; an address or a MAC makes endpoints, a network mode networks.
/// Returns the index after the block, or `at`.
std::size_t readHeaderlessRows(const std::vector<CleanedLine>& lines, std::size_t at, ExtractResult& result)
{
    const auto first = headerlessRow(lines[at].text);
    if (!first)
        return at;
    std::size_t end = at + 1;
    while (end < lines.size() && headerlessRow(lines[end].text) == first)
        ++end;
    // Anything else printed right after the block, or a row that a paste cut: not such a table.
    if (end < lines.size() && !isBlankLine(lines[end].text))
        return at;
    const bool endpoint = std::find(first->begin(), first->end(), Cell::Address) != first->end() ||
                          std::find(first->begin(), first->end(), Cell::Mac) != first->end();
    const bool network = std::find(first->begin(), first->end(), Cell::Mode) != first->end();
    const int firstLine = lines[at].sourceLine, lastLine = lines[end - 1].sourceLine;
    if (endpoint == network) {
        result.warnings.push_back(
            {firstLine, lastLine,
             lineRange(firstLine, lastLine) +
                 ": rows of a table printed without its header (Format-Table -HideTableHeaders?) whose "
                 "columns cannot be told from their content; not read"});
        return end;
    }
    for (std::size_t i = at; i < end; ++i) {
        nlohmann::json object = nlohmann::json::object();
        std::string name;
        for (const Token& t : splitTokens(lines[i].text)) {
            switch (cellOf(t.text)) {
            case Cell::Id:
                object["ID"] = std::string(t.text);
                break;
            case Cell::Address:
                object["IPAddress"] = std::string(t.text);
                break;
            case Cell::Mac:
                object["MacAddress"] = std::string(t.text);
                break;
            case Cell::Mode:
                object["Type"] = std::string(t.text);
                break;
            case Cell::Text:
                name += (name.empty() ? "" : " ") + std::string(t.text);
                break;
            }
        }
        if (!name.empty())
            object["Name"] = name;
        FoundValue found;
        found.kindHint = endpoint ? ResourceKind::Endpoint : ResourceKind::Network;
        shapeHnsdiagListObject(found.kindHint, object, found.losses, "a table without its header");
        found.repairs.push_back("a table row without its header: its columns told by what each holds");
        found.value = std::move(object);
        found.format = DumpFormat::Table;
        found.firstLine = found.lastLine = lines[i].sourceLine;
        found.sourceText = lines[i].text;
        result.values.push_back(std::move(found));
    }
    return end;
}

/// `Netzwerke:` followed by a header with an ID column and a row with a GUID: an hnsdiag table whose
/// heading is in no form the import knows (a localized build?). A warning says so; returns the index
/// after the heading, or `at` when it is not one.
std::size_t unknownHeading(const std::vector<CleanedLine>& lines, std::size_t at, ExtractResult& result)
{
    const std::string_view line = lines[at].text;
    if (at + 2 >= lines.size() || line.empty() || line.front() == ' ' || !line.ends_with(':'))
        return at;
    const std::string_view word = line.substr(0, line.size() - 1);
    if (word.empty() || word.size() > 30 || !std::all_of(word.begin(), word.end(), [](char c) {
            return std::isalpha(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80);
        }))
        return at;
    const std::string& header = lines[at + 1].text;
    if (header.find_first_of("\"{}:") != std::string::npos ||
        parseHeader(header, ResourceKind::Invalid, true) ||
        !parseHeader(header, ResourceKind::Invalid, false))
        return at;
    const std::vector<Token> tokens = splitTokens(lines[at + 2].text);
    if (std::none_of(tokens.begin(), tokens.end(), [](const Token& t) { return isGuid(t.text); }))
        return at;
    const int n = lines[at].sourceLine;
    result.warnings.push_back({n, n,
                               lineRange(n, n) + ": \"" + std::string(line) +
                                   "\" looks like the heading of an hnsdiag table, but not one it knows (a "
                                   "localized hnsdiag?); its table is not read"});
    return at + 1;
}

} // namespace

std::size_t readHnsdiagTable(const std::vector<CleanedLine>& lines, std::size_t at, ExtractResult& result)
{
    bool colon = false;
    const ResourceKind kind = headingKind(lines[at].text, colon);
    if (kind != ResourceKind::Invalid && colon && isYamlKey(lines, at))
        return at;
    if (kind != ResourceKind::Invalid) {
        std::size_t next = at + 1;
        while (next < lines.size() && isBlankLine(lines[next].text) && next <= at + 1 && colon)
            ++next; // one blank line between a heading and its header
        if (next >= lines.size())
            return colon ? next : at;
        std::optional<Layout> layout = parseHeader(lines[next].text, kind, false);
        if (!colon && !layout)
            return at; // a lone word, not a heading
        SectionReader reader(lines, kind, sectionTitle(kind), result);
        if (!layout) {
            const std::vector<Token> tokens = splitTokens(lines[next].text);
            const bool row =
                std::any_of(tokens.begin(), tokens.end(), [](const Token& t) { return isGuid(t.text); });
            return afterSection(lines, row ? reader.read(next, std::nullopt, {}) : next, result);
        }
        std::size_t rows = next + 1;
        if (rows < lines.size() && isRuleLine(lines[rows].text))
            ++rows;
        return afterSection(lines, reader.read(rows, std::move(layout), lines[next].text), result);
    }

    if (const std::size_t next = readMarkdownTable(lines, at, result); next != at)
        return next;
    if (const std::size_t next = unknownHeading(lines, at, result); next != at)
        return next;
    if ((at == 0 || isBlankLine(lines[at - 1].text)))
        if (const std::size_t next = readHeaderlessRows(lines, at, result); next != at)
            return next;
    // A bare hnsdiag table (`hnsdiag list endpoints` copied without its heading): a header of labels
    // hnsdiag prints, followed by a row holding a GUID.
    if (at + 1 >= lines.size())
        return at;
    // Header labels never hold quotes, braces or colons: JSON, list views and prose end here cheaply.
    if (lines[at].text.find_first_of("\"{}:") != std::string::npos)
        return at;
    std::optional<Layout> layout = parseHeader(lines[at].text, ResourceKind::Invalid, true);
    if (!layout)
        return at;
    const std::vector<Token> tokens = splitTokens(lines[at + 1].text);
    if (std::none_of(tokens.begin(), tokens.end(), [](const Token& t) { return isGuid(t.text); }))
        return at;
    const ResourceKind inferred = kindFromColumns(*layout);
    if (inferred != ResourceKind::Invalid) {
        const std::string header = lines[at].text;
        layout = parseHeader(header, inferred, true); // Endpoint IDs of a load balancer are its DIPs
        if (!layout)
            return at;
    }
    // hnsdiag's labels are words (`Virtual Network Name`); a header of property names only (`ID Name
    // IPAddress`, a Select-Object or ConvertTo-Html table) may be any tool's, so losses name the table.
    const bool hnsdiagLabels =
        std::any_of(layout->columns.begin(), layout->columns.end(),
                    [](const Column& c) { return c.label.find(' ') != std::string::npos; });
    SectionReader reader(lines, inferred, sectionTitle(inferred), result,
                         hnsdiagLabels ? "hnsdiag list" : "the table");
    return reader.read(at + 1, std::move(layout), lines[at].text);
}

namespace {

/// The items a list member holds as hnsdiag shows it (`Virtual IPs : 10.0.0.1, fd00::1`, `Direct IP IDs
/// : {<guid>, <guid>}`, the tokens of a table cell): strings split at blanks and commas, braces gone.
/// The member is taken out of `object`; nothing when it was not there.
std::optional<std::vector<std::string>> takeListItems(nlohmann::json& object, const char* key)
{
    const auto it = object.find(key);
    if (it == object.end())
        return std::nullopt;
    std::vector<std::string> items;
    const auto split = [&](std::string_view text) {
        for (const Token& token : splitTokens(text)) {
            std::string_view rest = token.text;
            while (!rest.empty()) {
                const std::size_t comma = std::min(rest.find(','), rest.size());
                if (const std::string_view item = guidItem(rest.substr(0, comma)); !item.empty())
                    items.emplace_back(item);
                rest.remove_prefix(std::min(comma + 1, rest.size()));
            }
        }
    };
    const auto add = [&](const nlohmann::json& value) {
        if (value.is_string())
            split(value.get_ref<const std::string&>());
        else if (!value.is_null())
            items.push_back(value.dump());
    };
    if (it->is_array()) {
        for (const nlohmann::json& value : *it)
            add(value);
    } else {
        add(*it);
    }
    object.erase(it);
    return items;
}

} // namespace

void shapeHnsdiagListObject(ResourceKind kind, nlohmann::json& object, std::vector<std::string>& losses,
                            std::string_view shownBy)
{
    const std::string notShown = " not shown by " + std::string(shownBy);
    switch (kind) {
    case ResourceKind::Network:
        if (!object.contains("Type"))
            losses.push_back("Type:" + notShown);
        losses.push_back(object.contains("AddressPrefix")
                             ? "Subnets: " + std::string(shownBy) +
                                   " shows one address prefix and gateway (other subnets, "
                                   "routes and policies unknown)"
                             : "Subnets:" + notShown + " (address prefixes and gateways unknown)");
        losses.push_back("Policies:" + notShown);
        break;
    case ResourceKind::Endpoint:
        if (!object.contains("VirtualNetwork"))
            losses.push_back(object.contains("VirtualNetworkName")
                                 ? "VirtualNetwork:" + notShown + " (only the network's name)"
                                 : "VirtualNetwork:" + notShown);
        if (!object.contains("IPAddress"))
            losses.push_back("IPAddress:" + notShown);
        if (!object.contains("MacAddress"))
            losses.push_back("MacAddress:" + notShown);
        losses.push_back("Policies:" + notShown);
        break;
    case ResourceKind::Namespace: {
        const auto endpoints = takeListItems(object, "EndpointIDs");
        if (!object.contains("ResourceList")) {
            nlohmann::json resources = nlohmann::json::array();
            for (const std::string& id : endpoints.value_or(std::vector<std::string>{}))
                resources.push_back({{"Type", "Endpoint"}, {"Data", {{"Id", id}}}});
            object["ResourceList"] = std::move(resources);
            losses.push_back("ResourceList: only endpoints shown by " + std::string(shownBy) +
                             " (containers unknown)");
        }
        if (!object.contains("CompartmentId"))
            losses.push_back("CompartmentId:" + notShown);
        break;
    }
    case ResourceKind::LoadBalancer: {
        const auto vips = takeListItems(object, "VirtualIPs");
        const auto dips = takeListItems(object, "DirectIPIDs");
        if (!object.contains("Policies")) {
            nlohmann::json elb = {{"Type", "ELB"}, {"VIPs", vips.value_or(std::vector<std::string>{})}};
            object["Policies"] = nlohmann::json::array({std::move(elb)});
            losses.push_back("Policies:" + notShown + " (ports and protocol unknown)");
            if (!vips)
                losses.push_back("VIPs:" + notShown);
        }
        if (!object.contains("References")) {
            nlohmann::json references = nlohmann::json::array();
            for (const std::string& id : dips.value_or(std::vector<std::string>{})) {
                if (isGuid(id))
                    references.push_back("/endpoints/" + id);
                else
                    losses.push_back("References: \"" + id + "\" is no endpoint ID");
            }
            object["References"] = std::move(references);
            if (!dips)
                losses.push_back("References:" + notShown + " (backends unknown)");
        }
        break;
    }
    default:
        if (const auto endpoints = takeListItems(object, "EndpointIDs"); endpoints && !endpoints->empty()) {
            nlohmann::json resources = nlohmann::json::array();
            for (const std::string& id : *endpoints)
                resources.push_back({{"Type", "Endpoint"}, {"Data", {{"Id", id}}}});
            object["ResourceList"] = std::move(resources);
        }
        break;
    }
}

} // namespace hcn::io::tables
