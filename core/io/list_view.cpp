// Objects in PowerShell's list view (Format-List): blocks of `Name : value` lines, the colons aligned,
// values a console wrapped continued on the following lines. One pass over the cleaned lines; each
// property value is read with readPowerShellValue.

#include "common/text.h"
#include "common/utf8.h"
#include "hcn/dump_formats.h"
#include "hcn/guid.h"
#include "io/cut_id_warning.h"
#include "io/hns_member.h"
#include "io/hns_property_names.h"
#include "io/list_view_lines.h"
#include "io/non_hns_objects.h"
#include "io/powershell_value.h"
#include "io/text_scan.h"
#include "io/text_tables.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <unordered_set>
#include <utility>

namespace hcn::io {

namespace {

/// Blocks with fewer properties are not objects (a lone `Error : ...` line).
constexpr int kMinProperties = 2;
/// A block that names no HNS property is reported when it has at least this many properties.
constexpr int kReportUnknownBlockFrom = 3;
/// A line shorter than this was not cut by a console (consoles are wider); the line after it does not
/// continue its value unless indented to the value column or inside an open brace.
constexpr std::size_t kMinWrapWidth = 60;
/// The widths of consoles as they open: the console's default and the old one.
constexpr std::size_t kConsoleWidths[] = {120, 80};

/// A character that belongs to a word (GUIDs, addresses, names): a break between two of them that no
/// blank explains split one word.
bool isWordChar(char c)
{
    return isIdentChar(c) || c == '-' || c == '.' || c == ':' || c == '/' ||
           static_cast<unsigned char>(c) >= 0x80;
}

/// `MacPools` or `Na` alone: the start of an HNS property's name (at least two letters).
bool startsHnsPropertyName(std::string_view word)
{
    return word.size() >= 2 && std::all_of(word.begin(), word.end(), isIdentChar) &&
           std::any_of(kHnsPropertyNames.begin(), kHnsPropertyNames.end(), [word](std::string_view known) {
               return known.size() >= word.size() && equalsIgnoreCase(known.substr(0, word.size()), word);
           });
}

/// A line that belongs to another format and never continues a list-view value: a JSON opening, a
/// markdown fence, a table's `----` rule.
bool isForeignLine(std::string_view t)
{
    if (t == "{" || t == "[" || t.starts_with("{\"") || t.starts_with("[{") || t.starts_with("```") ||
        t.starts_with("~~~"))
        return true;
    return t.size() >= 3 && t.front() == '-' &&
           std::all_of(t.begin(), t.end(), [](char c) { return c == '-' || c == ' '; });
}

/// One `Name : value` line.
struct PropertyLine
{
    std::string_view name;
    std::string_view value; ///< after `: `, trimmed
    std::size_t colon = 0;  ///< column of the colon
};

/// `Name<blanks> : value` or `Name<blanks> :`, possibly indented as a whole: a blank before the colon.
std::optional<PropertyLine> readPropertyLine(std::string_view text)
{
    const std::optional<LooseLine> line = readLooseLine(text);
    if (!line || !line->spaced)
        return std::nullopt;
    return PropertyLine{line->name, line->value, line->colon};
}

/// A paragraph holds at least this many properties: `A : 1 B : 2 C : 3`.
constexpr std::size_t kMinParagraphProperties = 3;

/// The properties of one line: `Name : value`, or each `Name : value` of a paragraph (a rendered page
/// joined an object's lines into one: `ID : x IPAddress : 10.0.0.2 Name : ep`), split at ` Name : `
/// outside braces when the line holds at least kMinParagraphProperties of them.
std::vector<std::pair<std::string_view, std::string_view>> lineProperties(const LooseLine& line)
{
    std::vector<std::pair<std::string_view, std::string_view>> out{{line.name, line.value}};
    if (!line.spaced)
        return out;
    const std::string_view v = line.value;
    std::vector<std::pair<std::string_view, std::string_view>> split{{line.name, {}}};
    std::size_t valueStart = 0;
    int depth = 0;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (v[i] == '{') {
            ++depth;
        } else if (v[i] == '}') {
            --depth;
        } else if (depth == 0 && (i == 0 || v[i - 1] == ' ') && isIdentStart(v[i])) {
            std::size_t j = i + 1;
            while (j < v.size() && isIdentChar(v[j]))
                ++j;
            if (v.substr(j).starts_with(" :") && (j + 2 == v.size() || v[j + 2] == ' ')) {
                split.back().second = trimBlanks(v.substr(valueStart, i - valueStart));
                split.emplace_back(v.substr(i, j - i), std::string_view());
                valueStart = j + 2;
                i = j + 1;
            }
        }
    }
    split.back().second = trimBlanks(v.substr(std::min(valueStart, v.size())));
    return split.size() >= kMinParagraphProperties ? split : out;
}

/// A line of YAML structure next to `Key: value` lines: a sequence item, a document marker.
bool isYamlStructure(std::string_view t)
{
    return t == "-" || t.starts_with("- ") || t == "---" || t == "...";
}

/// `ResourceList : {@{Data=; Type=Endpoint}}`: a namespace resource's Data (the member's ID) is an
/// object nested in a list, which the list view shows as nothing. A loss for each resource shown so:
/// which endpoint or container it is, is not in the dump.
void reportFlattenedResources(std::string_view name, const nlohmann::json& value,
                              std::vector<std::string>& losses)
{
    if (!equalsIgnoreCase(name, "ResourceList") || !value.is_array())
        return;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const nlohmann::json& resource = value[i];
        if (!resource.is_object())
            continue;
        const auto data = resource.find("Data");
        if (data == resource.end() || !data->is_null())
            continue;
        const auto type = resource.find("Type");
        const std::string member =
            type != resource.end() && type->is_string() ? lowerCopy(type->get<std::string>()) : "member";
        losses.push_back(std::string(name) + "[" + std::to_string(i) +
                         "].Data: flattened by PowerShell's list view (shown empty); which " + member +
                         " it is, is not in the dump");
    }
}

/// The kind a `Get-Hns*` command line before a block names, when its output is the objects themselves.
ResourceKind commandKind(std::string_view line)
{
    const std::string lower = lowerCopy(trimBlanks(line));
    std::string_view rest = lower;
    ResourceKind kind = ResourceKind::Invalid;
    constexpr std::array<std::pair<std::string_view, ResourceKind>, 4> kCommands = {{
        {"get-hnsnetwork", ResourceKind::Network},
        {"get-hnsendpoint", ResourceKind::Endpoint},
        {"get-hnsnamespace", ResourceKind::Namespace},
        {"get-hnspolicylist", ResourceKind::LoadBalancer},
    }};
    for (const auto& [command, commandKindValue] : kCommands) {
        if (rest.starts_with(command) && (rest.size() == command.size() || rest[command.size()] == ' ' ||
                                          rest[command.size()] == '|' || rest[command.size()] == ':')) {
            kind = commandKindValue;
            rest.remove_prefix(command.size());
            break;
        }
    }
    if (kind == ResourceKind::Invalid)
        return kind;
    // `Get-HnsPolicyList:` as a heading over its output.
    if (rest.starts_with(':'))
        return trimBlanks(rest.substr(1)).empty() ? kind : ResourceKind::Invalid;
    // Arguments may follow (`-Id ...`); pipes only into commands that keep the objects and their list
    // view: Format-List itself, a pager, Out-String / Out-Host / Out-File / Tee-Object, filtering and
    // sorting (`| where Name -like 'cbr*' | sort Name | fl * | more`). Select-Object may hand on other
    // objects (-ExpandProperty Policies) and is not one of them.
    static constexpr std::array<std::string_view, 14> kKeepsTheListView = {
        "fl",         "format-list", "more",  "out-host", "oh",           "out-string", "out-file",
        "tee-object", "tee",         "where", "?",        "where-object", "sort",       "sort-object"};
    std::size_t pipe = rest.find('|');
    while (pipe != std::string_view::npos) {
        const std::size_t next = rest.find('|', pipe + 1);
        const std::string_view stage =
            trimBlanks(rest.substr(pipe + 1, next == std::string_view::npos ? next : next - pipe - 1));
        const std::string_view command = stage.substr(0, std::min(stage.find_first_of(" {"), stage.size()));
        if (std::find(kKeepsTheListView.begin(), kKeepsTheListView.end(), command) == kKeepsTheListView.end())
            return ResourceKind::Invalid;
        pipe = next;
    }
    return kind;
}

/// `Label with blanks<blanks> : value`, as hnsdiag prints its per-object lists.
struct LabelLine
{
    std::string_view label; ///< its words, single blanks between them
    std::string_view value; ///< trimmed
};

std::optional<LabelLine> readLabelLine(std::string_view text)
{
    const std::string_view t = trimBlanks(text);
    std::size_t colon = t.find(" :");
    if (colon == std::string_view::npos || colon == 0 || (colon + 2 < t.size() && t[colon + 2] != ' '))
        return std::nullopt;
    const std::string_view label = trimBlanks(t.substr(0, colon));
    if (label.empty() || !isIdentStart(label.front()) || label.find("  ") != std::string_view::npos ||
        !std::all_of(label.begin(), label.end(), [](char c) { return isIdentChar(c) || c == ' '; }))
        return std::nullopt;
    return LabelLine{label, colon + 2 < t.size() ? trimBlanks(t.substr(colon + 2)) : std::string_view()};
}

/// The label's letters, lower case: `IP Address` -> `ipaddress`.
std::string compactLabel(std::string_view label)
{
    std::string out;
    for (const char c : label) {
        if (c != ' ')
            out += char(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

/// The kind the first line of one hnsdiag object names (`Endpoint`, `Network`, ...).
ResourceKind hnsdiagObjectKind(std::string_view label)
{
    const std::string n = compactLabel(label);
    if (n == "endpoint")
        return ResourceKind::Endpoint;
    if (n == "network")
        return ResourceKind::Network;
    if (n == "namespace" || n == "compartment")
        return ResourceKind::Namespace;
    if (n == "loadbalancer" || n == "policylist")
        return ResourceKind::LoadBalancer;
    return ResourceKind::Invalid;
}

/// The v1 property an hnsdiag label shows (`IP Address` -> IPAddress); other labels without their blanks.
std::string hnsdiagPropertyName(std::string_view label, std::string_view value)
{
    const std::string n = compactLabel(label);
    if (n == "name")
        return "Name";
    if (n == "ipaddress" || n == "ip")
        return "IPAddress";
    if (n == "macaddress" || n == "mac")
        return "MacAddress";
    if (n == "virtualnetwork" || n == "network" || n == "networkid" || n == "virtualnetworkid")
        return tables::isGuid(value) ? "VirtualNetwork" : "VirtualNetworkName";
    if (n == "virtualnetworkname" || n == "networkname")
        return "VirtualNetworkName";
    if (n == "type" || n == "networktype")
        return "Type";
    // A network's `Subnet Address` / `Address Prefix`: what a table's AddressPrefix column holds.
    if (n == "subnetaddress" || n == "subnet" || n == "addressprefix" || n == "subnetprefix")
        return "AddressPrefix";
    std::string key;
    for (const char c : label) {
        if (c != ' ')
            key += c;
    }
    return key;
}

/// One property of an object being collected.
struct Property
{
    std::string name;
    std::string valueText;
    std::size_t firstIndex = 0;
    std::size_t lastIndex = 0;
    std::string_view lastPiece; ///< the value's text on its last line
    int wrappedLines = 0;
    bool wordSplit = false;
    /// Where two wrapped lines were joined: the offset in valueText (of the blank put there, or of the
    /// second line's text), the lines around it, and whether a blank was put.
    struct Join
    {
        std::size_t offset = 0;
        std::size_t before = 0;
        std::size_t after = 0;
        bool blank = true;
    };
    std::vector<Join> joins;
    bool elidedAfter = false;
    int elisionLine = 0; ///< the source line of the `...` after it
};

class ListViewReader
{
public:
    ListViewReader(const std::vector<CleanedLine>& lines, const ObjectKindOf& kindOf, ExtractResult& result)
        : m_lines(lines), m_kindOf(kindOf), m_result(result)
    {
        m_texts.reserve(lines.size());
        for (const CleanedLine& line : lines)
            m_texts.emplace_back(line.text);
    }

    void run()
    {
        for (std::size_t i = 0; i < m_texts.size(); ++i) {
            const std::string_view text = m_texts[i];
            const std::string_view t = trimBlanks(text);
            if (t.empty()) {
                if (m_inBlock && valueAfterBlankLine(i))
                    continue;
                finishObject();
                continue;
            }
            if (!m_inBlock) {
                if (const std::size_t next = readHnsdiagObject(i); next != i) {
                    i = next - 1;
                    continue;
                }
                if (const std::size_t next = readUnalignedBlock(i); next != i) {
                    i = next - 1;
                    continue;
                }
            }
            const std::optional<PropertyLine> property = readPropertyLine(text);
            if (m_inBlock) {
                if (m_properties.back().lastIndex + 2 == i && m_properties.back().valueText.empty() &&
                    valueAfterBlankLine(i - 1)) {
                    appendContinuation(i);
                    continue;
                }
                if (property && property->colon == m_colon) {
                    addProperty(*property, i);
                    continue;
                }
                if (isElisionLine(t)) {
                    m_properties.back().elidedAfter = true;
                    m_properties.back().elisionLine = m_lines[i].sourceLine;
                    m_properties.back().lastIndex = i;
                    continue;
                }
                const bool startsBlock = property && i + 1 < m_texts.size() &&
                                         readPropertyLine(m_texts[i + 1]).has_value() &&
                                         readPropertyLine(m_texts[i + 1])->colon == property->colon;
                // The block's last line holds the start of a property name and no colon, in the name
                // column: the paste ended in the middle of that line, unless a console wrapped the value
                // before it there. A value already whole (a list or hashtable closed on its line, a GUID)
                // goes on with nothing.
                const bool last = i + 1 == m_texts.size() || trimBlanks(m_texts[i + 1]).empty() ||
                                  isFenceLine(trimBlanks(m_texts[i + 1]));
                const bool cutInName =
                    !property && last && t.size() < m_colon &&
                    indentation(text) == indentation(m_texts[m_properties.front().firstIndex]) &&
                    startsHnsPropertyName(t);
                const bool afterWholeValue = cutInName && (isWholeValue(m_properties.back().valueText) ||
                                                           !fillsAConsole(m_properties.back().lastIndex));
                if (!afterWholeValue && !startsBlock && !isForeignLine(t) && continues(i)) {
                    appendContinuation(i);
                    continue;
                }
                if (property && !startsBlock && isEditedLine(*property, i)) {
                    addProperty(*property, i);
                    continue;
                }
                if (cutInName) {
                    m_cutName = std::string(t);
                    m_cutLine = m_lines[i].sourceLine;
                    finishObject();
                    continue;
                }
                finishObject();
            }
            if (property) {
                m_inBlock = true;
                m_colon = property->colon;
                m_blockKind = m_commandKind;
                addProperty(*property, i);
                continue;
            }
            // A line outside the blocks: a command line names the kind of the objects after it; a
            // markdown fence around them changes nothing.
            if (!isFenceLine(t))
                m_commandKind = commandKind(t);
        }
        finishObject();
        readPending();
    }

private:
    /// Whether the blank line `blank` comes between a property's name and its value: the property line
    /// before it has no value and the line after it opens a list or a hashtable (`{@{Data=; ...`), which
    /// goes on over the lines a console wrapped it onto. One blank line only; more end the object.
    bool valueAfterBlankLine(std::size_t blank) const
    {
        if (blank == 0 || blank + 1 >= m_texts.size() || m_properties.empty())
            return false;
        const Property& last = m_properties.back();
        const std::string_view next = trimBlanks(m_texts[blank + 1]);
        return last.lastIndex + 1 == blank && last.firstIndex == last.lastIndex && last.valueText.empty() &&
               (next.starts_with("{@{") || next.starts_with("@{") ||
                (next.starts_with('{') && next.size() > 1 && next[1] != '"' && next[1] != '}' &&
                 next.find(',') != std::string_view::npos)) &&
               !isForeignLine(next) && !readPropertyLine(m_texts[blank + 1]);
    }

    /// Whether `line` (at `index`, its colon out of the block's column) is a line of the block the poster
    /// edited (`Name : <redacted>` put in for the aligned line): an HNS property the block does not hold
    /// yet, in a block PowerShell padded to its column, between lines of the block, or last after two of
    /// them.
    bool isEditedLine(const PropertyLine& line, std::size_t index) const
    {
        const auto padded = [this](std::string_view text, std::string_view name) {
            return indentation(text) + name.size() + 1 < m_colon;
        };
        if (!isHnsProperty(line.name) ||
            std::any_of(m_properties.begin(), m_properties.end(),
                        [&](const Property& p) { return equalsIgnoreCase(p.name, line.name); }))
            return false;
        const bool shown = std::any_of(m_properties.begin(), m_properties.end(), [&](const Property& p) {
            return padded(m_texts[p.firstIndex], p.name);
        });
        if (index + 1 >= m_texts.size() || trimBlanks(m_texts[index + 1]).empty())
            return shown && m_properties.size() >= 2;
        const std::optional<PropertyLine> next = readPropertyLine(m_texts[index + 1]);
        return next && next->colon == m_colon && (shown || padded(m_texts[index + 1], next->name));
    }

    void addProperty(const PropertyLine& line, std::size_t index)
    {
        const bool repeated = std::any_of(m_properties.begin(), m_properties.end(),
                                          [&](const Property& p) { return p.name == line.name; });
        if (repeated) {
            // Blank lines between objects were lost: a name seen again starts the next object.
            const std::size_t colon = m_colon;
            finishObject();
            m_inBlock = true;
            m_colon = colon;
        }
        Property property;
        property.name = std::string(line.name);
        property.valueText = std::string(line.value);
        property.firstIndex = property.lastIndex = index;
        property.lastPiece = line.value;
        m_properties.push_back(std::move(property));
        m_widest = std::max(m_widest, codePointWidth(m_texts[index]));
    }

    /// `Endpoint         : <guid>` followed by lines indented further, `Name : x`, `IP Address : ...`,
    /// `Virtual Network : ...` (names with blanks): one object as older builds of `hnsdiag list endpoints`
    /// (or networks, namespaces, load balancers) print it. Read into the v1 shape of its kind; returns the
    /// index after it, or `at` when the lines are not one.
    std::size_t readHnsdiagObject(std::size_t at)
    {
        const std::string_view first = m_texts[at];
        const std::optional<LabelLine> heading = readLabelLine(first);
        if (!heading || !tables::isGuid(heading->value))
            return at;
        const ResourceKind kind = hnsdiagObjectKind(heading->label);
        if (kind == ResourceKind::Invalid)
            return at;
        const std::size_t indent = indentation(first);
        std::size_t end = at + 1;
        nlohmann::json object = {{"ID", std::string(heading->value)}};
        std::vector<std::string> losses;
        while (end < m_texts.size() && indentation(m_texts[end]) > indent) {
            const std::optional<LabelLine> line = readLabelLine(m_texts[end]);
            if (!line)
                break;
            // A terminal narrower than the listing cut a long value (a load balancer's Direct IP IDs)
            // onto lines of its own at the first column: joined again, a GUID cut in two made whole.
            std::string value(line->value);
            const std::size_t labelIndent = indentation(m_texts[end]);
            for (++end; end < m_texts.size() && codePointWidth(m_texts[end - 1]) >= kMinWrapWidth &&
                        indentation(m_texts[end]) < labelIndent && !trimBlanks(m_texts[end]).empty() &&
                        !readLabelLine(m_texts[end]) && !isPromptLine(trimBlanks(m_texts[end])) &&
                        !isCommandLine(trimBlanks(m_texts[end])) && !isFenceLine(trimBlanks(m_texts[end]));
                 ++end)
                value = tables::joinWrapped(value, trimBlanks(m_texts[end]));
            if (value.empty())
                continue;
            const std::string key = hnsdiagPropertyName(line->label, value);
            if (object.contains(key))
                continue;
            PowerShellValueNotes notes;
            const bool text = key == "Name" || key == "VirtualNetworkName" || key == "IPAddress" ||
                              key == "MacAddress" || key == "VirtualNetwork";
            object[key] = text ? nlohmann::json(validUtf8(value)) : readPowerShellValue(value, key, notes);
            losses.insert(losses.end(), notes.losses.begin(), notes.losses.end());
        }
        if (end == at + 1)
            return at; // a lone `Endpoint : <guid>` line
        tables::shapeHnsdiagListObject(kind, object, losses);
        FoundValue found;
        found.format = DumpFormat::ListView;
        found.kindHint = kind;
        found.firstLine = m_lines[at].sourceLine;
        found.lastLine = m_lines[end - 1].sourceLine;
        found.value = std::move(object);
        found.losses = std::move(losses);
        for (std::size_t i = at; i < end; ++i) {
            if (i > at)
                found.sourceText += '\n';
            found.sourceText += m_lines[i].text;
        }
        if (!isValidUtf8(found.sourceText))
            found.sourceText = validUtf8(std::move(found.sourceText));
        m_result.values.push_back(std::move(found));
        return end;
    }

    /// `Name : value` lines whose colons are not in one column (a rendered web page, a mail client or a
    /// hand copy collapsed the blanks; `Name: value` typed by hand), or paragraphs holding an object's
    /// properties on one line. Read when the lines from `at` on are such lines at one indentation, their
    /// colons mostly in different columns (aligned ones are the block reader's), and each object they
    /// make shows it is an HNS object: at least two HNS property names, two thirds of its names, and an
    /// HNS property holding a GUID (or, with a blank before every colon, three HNS names other output
    /// does not use), or, with a blank before every colon as PowerShell writes it, it is of a known kind
    /// that is no HNS object (non_hns_objects.h: a Get-NetNat whose blanks a copy made ragged).
    /// `Key: value` lines next to YAML structure are YAML's. Returns the index after the lines, or `at`
    /// when they are not such a block.
    std::size_t readUnalignedBlock(std::size_t at)
    {
        const std::optional<LooseLine> head = readLooseLine(m_texts[at]);
        if (!head)
            return at;
        const std::size_t indent = indentation(m_texts[at]);
        const auto sameBlockLine = [&](std::size_t i) {
            const std::optional<LooseLine> line = readLooseLine(m_texts[i]);
            return line && indentation(m_texts[i]) == indent;
        };
        // The lines start at a block's start, not inside one that was not read.
        const std::string_view before = at > 0 ? trimBlanks(m_texts[at - 1]) : std::string_view();
        if (!before.empty() && sameBlockLine(at - 1))
            return at;

        std::vector<Property> properties;
        std::size_t end = at;
        std::size_t pairs = 0;
        std::size_t alignedPairs = 0;
        bool paragraph = false;
        bool unspaced = false;
        // The column of the colon on the line before, npos after a value that went on past its line.
        std::size_t previousColon = std::string_view::npos;
        constexpr std::size_t kMaxContinuations = 64;
        while (end < m_texts.size() && !trimBlanks(m_texts[end]).empty() && sameBlockLine(end)) {
            const LooseLine line = *readLooseLine(m_texts[end]);
            unspaced = unspaced || !line.spaced;
            if (previousColon != std::string_view::npos) {
                ++pairs;
                alignedPairs += previousColon == line.colon;
            }
            previousColon = line.colon;
            const auto pieces = lineProperties(line);
            paragraph = paragraph || pieces.size() > 1;
            for (const auto& [name, value] : pieces) {
                Property property;
                property.name = std::string(name);
                property.valueText = std::string(value);
                property.firstIndex = property.lastIndex = end;
                property.lastPiece = value;
                properties.push_back(std::move(property));
            }
            ++end;
            // A value goes on on the next lines (a mail client's wrap at a blank) while its braces are
            // open, or after a line too long to have ended there (another property's line ends it).
            Property& last = properties.back();
            for (std::size_t k = 0; k < kMaxContinuations && end < m_texts.size(); ++k) {
                const std::string& v = last.valueText;
                const std::string_view next = trimBlanks(m_texts[end]);
                const bool open = std::count(v.begin(), v.end(), '{') > std::count(v.begin(), v.end(), '}');
                const bool wrapped = codePointWidth(m_texts[last.lastIndex]) >= kMinWrapWidth &&
                                     indentation(m_texts[end]) >= indent && !sameBlockLine(end) &&
                                     !isForeignLine(next) && !isFenceLine(next);
                if (next.empty() || !(open || wrapped))
                    break;
                last.valueText += ' ';
                last.valueText += trimBlanks(m_texts[end]);
                last.lastIndex = end;
                ++last.wrappedLines;
                ++end;
                previousColon = std::string_view::npos;
            }
        }
        if (properties.size() < std::size_t(kMinProperties) || (!paragraph && alignedPairs * 2 >= pairs))
            return at;
        if (unspaced) {
            const std::string_view after = end < m_texts.size() ? m_texts[end] : std::string_view();
            const bool yamlBefore =
                !before.empty() && (isYamlStructure(before) || indentation(m_texts[at - 1]) > indent ||
                                    (before.ends_with(':') && indentation(m_texts[at - 1]) < indent));
            const bool yamlAfter = !trimBlanks(after).empty() &&
                                   (isYamlStructure(trimBlanks(after)) || indentation(after) > indent);
            if (yamlBefore || yamlAfter)
                return at;
        }

        // Objects: a name seen again starts the next one (the blank line between them was lost).
        std::vector<std::vector<Property>> objects(1);
        std::unordered_set<std::string> names; // of the object being collected, lower case
        for (Property& property : properties) {
            if (!names.insert(lowerCopy(property.name)).second) {
                objects.emplace_back();
                names = {lowerCopy(property.name)};
            }
            objects.back().push_back(std::move(property));
        }
        const auto isHnsObject = [&](const std::vector<Property>& object) {
            std::size_t hns = 0;
            std::size_t specific = 0;
            bool guid = false;
            for (const Property& p : object) {
                if (!isHnsProperty(p.name))
                    continue;
                ++hns;
                specific += isListViewGenericName(p.name) ? 0 : 1;
                guid = guid || tables::isGuid(p.valueText);
            }
            return object.size() >= std::size_t(kMinProperties) && hns >= 2 && hns * 3 >= object.size() * 2 &&
                   (guid || (!unspaced && specific >= 3));
        };
        const auto isObject = [&](const std::vector<Property>& object) {
            return isHnsObject(object) ||
                   (!unspaced && object.size() >= std::size_t(kMinProperties) && isKnownNonHnsObject(object));
        };
        if (std::none_of(objects.begin(), objects.end(), isObject))
            return at;
        for (std::vector<Property>& object : objects) {
            if (isObject(object))
                emitObject(object, m_commandKind, {});
        }
        return end;
    }

    /// Whether `value` is whole as PowerShell prints one: a list or hashtable whose opening brace closes
    /// at its end (`{@{Id=...; Name=...}}`, `{10.0.0.0/24}`), or a GUID. Nothing a console wrapped onto
    /// the next line can continue it.
    static bool isWholeValue(std::string_view value)
    {
        const std::string_view v = trimBlanks(value);
        if (Guid::parse(v))
            return true;
        const std::size_t open = v.starts_with("@{") ? 1 : v.starts_with('{') ? 0 : std::string_view::npos;
        if (open == std::string_view::npos)
            return false;
        int depth = 0;
        for (std::size_t i = open; i < v.size(); ++i) {
            if (v[i] == '{') {
                ++depth;
            } else if (v[i] == '}' && --depth == 0) {
                return i + 1 == v.size();
            }
        }
        return false;
    }

    /// Whether line `index` fills a console's width exactly, as the line before a console's wrap does: 80
    /// or 120 columns, or as wide as another line of the paste some line continues (the width of the
    /// window the paste came from).
    bool fillsAConsole(std::size_t index) const
    {
        const std::size_t width = codePointWidth(m_texts[index]);
        if (width == kConsoleWidths[0] || width == kConsoleWidths[1])
            return true;
        const std::vector<std::pair<std::size_t, std::size_t>>& continuedLines = this->continuedLines();
        return std::any_of(continuedLines.begin(), continuedLines.end(),
                           [&](const std::pair<std::size_t, std::size_t>& continued) {
                               return continued.first != index && continued.second == width;
                           });
    }

    /// The lines of values (from a property line on) at least kMinWrapWidth wide that the next line,
    /// neither blank nor a property line, continues, with their widths: those of the console the paste
    /// may come from. Found once, when first asked for.
    const std::vector<std::pair<std::size_t, std::size_t>>& continuedLines() const
    {
        if (m_continuedLines)
            return *m_continuedLines;
        m_continuedLines.emplace();
        bool inValue = false;
        for (std::size_t i = 0; i + 1 < m_texts.size(); ++i) {
            if (trimBlanks(m_texts[i]).empty()) {
                inValue = false;
                continue;
            }
            inValue = inValue || readPropertyLine(m_texts[i]).has_value();
            if (const std::size_t width = codePointWidth(m_texts[i]); inValue && width >= kMinWrapWidth &&
                                                                      !trimBlanks(m_texts[i + 1]).empty() &&
                                                                      !readPropertyLine(m_texts[i + 1]))
                m_continuedLines->emplace_back(i, width);
        }
        return *m_continuedLines;
    }

    /// Whether line `index` (not a property line of the block) continues the value before it: indented
    /// to the value column as PowerShell wraps; or the value still has a brace open; or its first word
    /// would not have fit on the line before, so the console must have wrapped it there (copies that lost
    /// the indentation).
    bool continues(std::size_t index) const
    {
        const std::string_view text = m_texts[index];
        if (indentation(text) >= m_colon + 2)
            return true;
        const std::string& value = m_properties.back().valueText;
        if (std::count(value.begin(), value.end(), '{') > std::count(value.begin(), value.end(), '}'))
            return true;
        const std::string_view t = trimBlanks(text);
        const std::size_t firstWord = std::min(t.find(' '), t.size());
        const std::size_t previous = codePointWidth(m_texts[m_properties.back().lastIndex]);
        const bool fitsNot = previous + 1 + codePointWidth(t.substr(0, firstWord)) > m_widest;
        // Between two property lines of the block, a line that lost its indentation continues the value
        // even after a line shorter than a console (a narrow console's wrap before a long word).
        const std::optional<PropertyLine> after =
            index + 1 < m_texts.size() ? readPropertyLine(m_texts[index + 1]) : std::nullopt;
        const bool between = after && after->colon == m_colon && m_widest >= kMinWrapWidth &&
                             !isPromptLine(t) && !isCommandLine(t);
        return (previous >= kMinWrapWidth || between) && fitsNot;
    }

    void appendContinuation(std::size_t index)
    {
        Property& property = m_properties.back();
        const std::string_view piece = trimBlanks(m_texts[index]);
        const std::size_t previous = codePointWidth(m_texts[property.lastIndex]);
        // PowerShell wraps at a blank and drops it, and splits only a word longer than the whole value
        // column: then the line before is full and holds nothing but that word.
        const bool split = previous >= kMinWrapWidth && previous >= m_widest && !property.lastPiece.empty() &&
                           property.lastPiece.find(' ') == std::string_view::npos &&
                           isWordChar(property.lastPiece.back()) && isWordChar(piece.front());
        if (!property.valueText.empty()) {
            property.joins.push_back({property.valueText.size(), property.lastIndex, index, !split});
            if (!split)
                property.valueText += ' ';
        }
        property.valueText += piece;
        property.wordSplit = property.wordSplit || split;
        ++property.wrappedLines;
        property.lastIndex = index;
        property.lastPiece = piece;
        m_widest = std::max(m_widest, codePointWidth(m_texts[index]));
    }

    /// Whether the blank at `offset` would stand where a hashtable has none: inside a key (`@{Da ta=;`,
    /// `; Typ e=Endpoint`), the key's letters running from `@{` or `; ` to the `=`, or between `@` and
    /// its `{`.
    static bool splitsAKey(const std::string& text, std::size_t offset)
    {
        if (offset == 0 || offset + 1 >= text.size())
            return false;
        if (text[offset - 1] == '@' && text[offset + 1] == '{')
            return true;
        std::size_t left = offset;
        while (left > 0 && isIdentChar(text[left - 1]))
            --left;
        std::size_t right = offset + 1;
        while (right < text.size() && isIdentChar(text[right]))
            ++right;
        const bool opensKey =
            left >= 2 && (text.compare(left - 2, 2, "@{") == 0 || text.compare(left - 2, 2, "; ") == 0);
        return left < offset && right > offset + 1 && right < text.size() && text[right] == '=' && opensKey;
    }

    /// Whether the blank at `offset` is one PowerShell prints between the members of a hashtable
    /// (`Health=; ID=...`) or the elements of a collection of them (`..., @{...}`): such a blank is
    /// never inside a value, so a line ending on the separator was wrapped at it, not cut inside a word.
    static bool separatesMembers(const std::string& text, std::size_t offset)
    {
        if (offset == 0 || offset + 1 >= text.size())
            return false;
        if (text[offset - 1] == ',')
            return text.compare(offset + 1, 2, "@{") == 0;
        if (text[offset - 1] != ';')
            return false;
        std::size_t right = offset + 1;
        while (right < text.size() && isIdentChar(text[right]))
            ++right;
        return right > offset + 1 && right < text.size() && text[right] == '=';
    }

    /// Whether the words on both sides of the blank at `offset` make a GUID or a .NET type name
    /// (`System.Object[]`) together that neither is alone.
    static bool joinMakesAToken(const std::string& text, std::size_t offset)
    {
        constexpr std::string_view kSeparators = " ,;{}=()/";
        const std::size_t start = text.find_last_of(kSeparators, offset - 1);
        const std::size_t left = start == std::string::npos ? 0 : start + 1;
        std::size_t end = text.find_first_of(kSeparators, offset + 1);
        if (end == std::string::npos)
            end = text.size();
        const std::string before = text.substr(left, offset - left);
        const std::string after = text.substr(offset + 1, end - offset - 1);
        if (before.empty() || after.empty())
            return false;
        // A type name is whole only with its end, which a cut leaves one piece without: an array's `[]`,
        // or one of the collections PowerShell prints by name.
        auto isToken = [](std::string_view t) {
            return Guid::parse(t) ||
                   (isPowerShellTypeName(t) && (t.ends_with("[]") || t == "System.Collections.ArrayList" ||
                                                t == "System.Collections.Hashtable"));
        };
        const std::string whole = before + after;
        return isToken(whole) && !isToken(before) && !isToken(after);
    }

    /// An object whose value lines are read once the whole paste has been seen: how its wrapped lines
    /// join depends on the width the paste's other wrapped lines show.
    struct PendingObject
    {
        std::vector<Property> properties;
        ResourceKind kindHint = ResourceKind::Invalid;
        std::string cutName;
        int cutLine = 0;
        std::size_t colon = 0; ///< of its block
        std::size_t slot = 0;  ///< its place in m_result.values
    };

    /// The widest line of an object: `points` counting a character one column, `cells` East Asian wide
    /// ones two.
    struct Widths
    {
        std::size_t points = 0;
        std::size_t cells = 0;
    };

    Widths widest(const std::vector<Property>& properties) const
    {
        Widths w;
        for (std::size_t i = properties.front().firstIndex; i <= properties.back().lastIndex; ++i) {
            w.points = std::max(w.points, codePointWidth(m_texts[i]));
            w.cells = std::max(w.cells, cellWidth(m_texts[i]));
        }
        return w;
    }

    /// Whether PowerShell wrapped the object's values at blanks itself: a line it continued at the value
    /// column is more than one column short of the object's widest line. A console that cut the lines at
    /// its width cut every one full (one column short where an East Asian wide character did not fit).
    bool showsWordWrap(const PendingObject& object) const
    {
        const Widths w = widest(object.properties);
        for (const Property& property : object.properties) {
            for (const Property::Join& join : property.joins) {
                if (indentation(m_texts[join.after]) == object.colon + 2 &&
                    codePointWidth(m_texts[join.before]) + 1 < w.points &&
                    cellWidth(m_texts[join.before]) + 1 < w.cells)
                    return true;
            }
        }
        return false;
    }

    /// The width of a terminal narrower than the output that cut the paste's list views, its pieces at
    /// the first column (conhost copies each row of its buffer as a line of its own, trailing blanks
    /// trimmed), or 0 when the paste does not show one. Shown when every line followed by such a piece is
    /// at least 60 columns wide and one column short of the widest at most (the terminal cut each at its
    /// width; one column short where it cut at a blank the copy trimmed), at least two of them full.
    /// Anything else (an editor's or PowerShell's own wrap at blanks whose indentation a copy lost, a
    /// single cut line) is no evidence: the width cannot be told from one line.
    std::size_t terminalWidth() const
    {
        std::vector<std::size_t> widths;
        for (const PendingObject& object : m_pending) {
            for (const Property& property : object.properties) {
                for (const Property::Join& join : property.joins) {
                    if (indentation(m_texts[join.after]) == 0)
                        widths.push_back(cellWidth(m_texts[join.before]));
                }
            }
        }
        if (widths.empty())
            return 0;
        const std::size_t width = *std::max_element(widths.begin(), widths.end());
        const auto full = std::count(widths.begin(), widths.end(), width);
        const bool cutEach =
            std::all_of(widths.begin(), widths.end(), [width](std::size_t w) { return w + 1 >= width; });
        return width >= kMinWrapWidth && full >= 2 && cutEach ? width : 0;
    }

    /// Whether the first character of `text` takes two columns.
    static bool startsWide(std::string_view text)
    {
        std::size_t length = 1;
        while (length < text.size() && (static_cast<unsigned char>(text[length]) & 0xC0) == 0x80)
            ++length;
        return !text.empty() && cellWidth(text.substr(0, length)) == 2;
    }

    /// A console that wrapped the block at its width cut values anywhere, words included: when at least
    /// two lines of the block are full to that width (counting a character one column, or East Asian
    /// wide ones two), a continuation indented exactly to the value column after a full line continues
    /// the text without a blank (indented one column more, the blank was where the line broke), unless
    /// the paste shows PowerShell's own wrap at blanks (`wordWrap`), which leaves a line full where a
    /// word happened to end there, or the line ends on a hashtable's or collection's separator
    /// (separatesMembers: PowerShell wrapped at the blank after it). One at the first column is a terminal's
    /// cut when the paste shows its width (`terminal`, see terminalWidth): after a full line it was cut
    /// inside a word and is joined without a blank; one column short, the cut was at a blank the copy
    /// trimmed, and the blank is put back. Without that width it is either a terminal's cut or PowerShell's
    /// own wrap at a blank whose indentation a copy lost; it is joined without the blank only when that makes
    /// whole what neither piece is alone: a GUID or a type name PowerShell printed for a value it did not
    /// expand
    /// (`System.Obj` + `ect[]`). So is a continuation at the value column after a full line, whatever
    /// the paste shows: PowerShell's own wrap cuts a word longer than the value column there.
    void joinFullLines(PendingObject& object, bool wordWrap, std::size_t terminal) const
    {
        std::vector<Property>& properties = object.properties;
        const Widths w = widest(properties);
        const auto full = [&](std::size_t i) {
            return codePointWidth(m_texts[i]) == w.points || cellWidth(m_texts[i]) == w.cells;
        };
        std::size_t fullLines = 0;
        for (std::size_t i = properties.front().firstIndex; i <= properties.back().lastIndex; ++i)
            fullLines += full(i) ? 1 : 0;
        for (Property& property : properties) {
            for (auto join = property.joins.rbegin(); join != property.joins.rend(); ++join) {
                const std::size_t indent = indentation(m_texts[join->after]);
                bool cut = !join->blank;
                if (indent == 0 && terminal != 0) {
                    const std::size_t before = cellWidth(m_texts[join->before]);
                    cut = before == terminal ||
                          (before + 1 == terminal && startsWide(trimBlanks(m_texts[join->after])));
                } else if (join->blank && w.points >= kMinWrapWidth && full(join->before)) {
                    // Two full lines make the width a console's; a token made whole is proof enough alone
                    // (PowerShell's own wrap cuts a word longer than the value column, as a GUID is on a
                    // console of 64 columns, at the line's end).
                    const bool token = joinMakesAToken(property.valueText, join->offset);
                    cut = indent == 0 ? token || splitsAKey(property.valueText, join->offset)
                                      : indent == object.colon + 2 &&
                                            ((fullLines >= 2 && !wordWrap &&
                                              !separatesMembers(property.valueText, join->offset)) ||
                                             token);
                }
                if (cut && join->blank) {
                    property.valueText.erase(join->offset, 1);
                    join->blank = false;
                } else if (!cut && !join->blank) {
                    property.valueText.insert(join->offset, 1, ' ');
                    join->blank = true;
                }
            }
            property.wordSplit = std::any_of(property.joins.begin(), property.joins.end(),
                                             [](const Property::Join& join) { return !join.blank; });
        }
    }

    void finishObject()
    {
        if (!m_inBlock)
            return;
        m_inBlock = false;
        m_widest = 0;
        std::vector<Property> properties = std::move(m_properties);
        m_properties.clear();
        const std::string cutName = std::exchange(m_cutName, std::string());
        if (properties.empty())
            return;
        emitObject(properties, m_blockKind, cutName);
    }

    /// The object `properties` make, read once the paste has been seen (readPending), or the warning that
    /// they name no HNS property. A block of a known kind that is no HNS object (non_hns_objects.h:
    /// Get-VMSwitch, Get-NetNat, Get-NetAdapter ...) is read as well: the import names it.
    void emitObject(std::vector<Property>& properties, ResourceKind kindHint, const std::string& cutName)
    {
        const int first = m_lines[properties.front().firstIndex].sourceLine;
        const int last = m_lines[properties.back().lastIndex].sourceLine;
        if (static_cast<int>(properties.size()) < kMinProperties) {
            if (namesHnsProperty(properties))
                reportElisions(properties);
            reportObjectCutAfterFirstLine(properties);
            return;
        }
        if (!namesHnsProperty(properties) && !isKnownNonHnsObject(properties)) {
            if (static_cast<int>(properties.size()) >= kReportUnknownBlockFrom)
                m_result.warnings.push_back(
                    {first, last,
                     tables::lineRange(first, last) + ": list view naming no HNS property; not imported"});
            return;
        }
        reportElisions(properties);
        if (reportObjectCutInItsId(properties, kindHint, first, last))
            return;
        m_pending.push_back(
            {std::move(properties), kindHint, cutName, m_cutLine, m_colon, m_result.values.size()});
        m_result.values.emplace_back();
    }

    /// The lines elided in a block of an object (not in one that is none, fsutil's or another tool's).
    void reportElisions(const std::vector<Property>& properties)
    {
        for (const Property& p : properties)
            if (p.elidedAfter)
                m_result.warnings.push_back({p.elisionLine, p.elisionLine,
                                             tables::lineRange(p.elisionLine, p.elisionLine) +
                                                 ": lines elided with '...'; the object is incomplete"});
    }

    /// A block of one HNS property line, aligned as the objects before it and last in the paste: the
    /// paste ends after the first line of the next object. Warned about, as it is not imported.
    void reportObjectCutAfterFirstLine(const std::vector<Property>& properties)
    {
        const Property& only = properties.front();
        if (m_pending.empty() || m_pending.back().colon != m_colon || !isHnsProperty(only.name))
            return;
        for (std::size_t i = only.lastIndex + 1; i < m_texts.size(); ++i)
            if (const std::string_view t = trimBlanks(m_texts[i]); !t.empty() && !isFenceLine(t))
                return;
        const int first = m_lines[only.firstIndex].sourceLine;
        const int last = m_lines[only.lastIndex].sourceLine;
        m_result.warnings.push_back({first, last,
                                     tables::lineRange(first, last) +
                                         ": the paste ends after the first line of "
                                         "another object (" +
                                         only.name + " : " + std::string(utf8Prefix(only.valueText, 80)) +
                                         "); not imported"});
    }

    /// A block whose last line is its `ID` or `Id`, the paste ending inside it (nothing but blank lines
    /// or fences after it; what it shows can start a GUID): no object can be told by it, so it is not
    /// imported, and the warning names what the block shows, as the hnsdiag table reader names a row
    /// cut in its ID. True when warned.
    bool reportObjectCutInItsId(const std::vector<Property>& properties, ResourceKind kindHint, int first,
                                int last)
    {
        const Property& id = properties.back();
        const std::string_view shown = trimBlanks(id.valueText);
        if (id.firstIndex != id.lastIndex || shown.size() >= 36 || !cutInHnsId(id.name, shown, {}))
            return false;
        for (std::size_t i = id.lastIndex + 1; i < m_texts.size(); ++i)
            if (const std::string_view t = trimBlanks(m_texts[i]); !t.empty() && !isFenceLine(t))
                return false;
        // The kind the block's members tell, as if its ID were whole (an address alone makes an
        // endpoint only with an ID HNS gave it).
        nlohmann::json members = nlohmann::json::object();
        for (const Property& p : properties)
            members[p.name] = p.valueText;
        members[id.name] = idCompletedFrom(shown);
        const ResourceKind kind = m_kindOf ? m_kindOf(members, kindHint) : kindHint;
        std::vector<std::pair<std::string, std::string>> beside;
        for (std::size_t i = 0; i + 1 < properties.size(); ++i)
            beside.emplace_back(properties[i].name, properties[i].valueText);
        m_result.warnings.push_back({first, last,
                                     tables::lineRange(first, last) + ": " +
                                         cutIdNotImported(id.name, kind, shown, shownMembersText(beside))});
        return true;
    }

    static bool namesHnsProperty(const std::vector<Property>& properties)
    {
        return std::any_of(properties.begin(), properties.end(),
                           [](const Property& p) { return isHnsProperty(p.name); });
    }

    static bool isKnownNonHnsObject(const std::vector<Property>& properties)
    {
        std::vector<std::string_view> names;
        names.reserve(properties.size());
        for (const Property& p : properties)
            names.emplace_back(p.name);
        return nonHnsObjectKind(names) != nullptr;
    }

    /// Reads the objects of the paste, their wrapped lines joined as the whole paste shows they were cut.
    void readPending()
    {
        const std::size_t terminal = terminalWidth();
        const bool wordWrap =
            std::any_of(m_pending.begin(), m_pending.end(),
                        [this](const PendingObject& object) { return showsWordWrap(object); });
        for (PendingObject& object : m_pending) {
            joinFullLines(object, wordWrap, terminal);
            m_result.values[object.slot] = readObject(object);
        }
        // A record the paste starts or ends inside of shows the first or the last members of the others
        // of its listing: it is cut, and of their kind.
        for (const PendingObject& object : m_pending) {
            FoundValue& found = m_result.values[object.slot];
            const PendingObject* whole = nullptr;
            if (onlyBlankBefore(object.properties.front().firstIndex) &&
                (whole = wholeOfPart(object, true)) != nullptr)
                found.startCut = true;
            if (onlyBlankAfter(object.properties.back().lastIndex) &&
                (whole = wholeOfPart(object, false)) != nullptr)
                found.cutOff = true;
            if (whole && found.kindHint == ResourceKind::Invalid && m_kindOf) {
                const FoundValue& other = m_result.values[whole->slot];
                found.kindHint = m_kindOf(other.value, other.kindHint);
            }
        }
        m_pending.clear();
    }

    /// Whether nothing but blank lines and fences comes before line `index`: the paste starts there.
    bool onlyBlankBefore(std::size_t index) const
    {
        for (std::size_t i = 0; i < index; ++i)
            if (const std::string_view t = trimBlanks(m_texts[i]); !t.empty() && !isFenceLine(t))
                return false;
        return true;
    }

    /// Whether nothing but blank lines and fences comes after line `index`: the paste ends there.
    bool onlyBlankAfter(std::size_t index) const
    {
        for (std::size_t i = index + 1; i < m_texts.size(); ++i)
            if (const std::string_view t = trimBlanks(m_texts[i]); !t.empty() && !isFenceLine(t))
                return false;
        return true;
    }

    /// Another object of the same listing (its colon in the same column) that shows more members, the
    /// first of which (`tail`: the last of which) are `object`'s, in the same order, or nullptr: PowerShell
    /// prints every object of a listing with the same members, so `object` is the part of one a cut kept.
    const PendingObject* wholeOfPart(const PendingObject& object, bool tail) const
    {
        const std::vector<Property>& mine = object.properties;
        const auto whole = std::find_if(m_pending.begin(), m_pending.end(), [&](const PendingObject& other) {
            const std::vector<Property>& theirs = other.properties;
            if (&other == &object || other.colon != object.colon || theirs.size() <= mine.size())
                return false;
            const std::size_t offset = tail ? theirs.size() - mine.size() : 0;
            for (std::size_t i = 0; i < mine.size(); ++i)
                if (!equalsIgnoreCase(mine[i].name, theirs[offset + i].name))
                    return false;
            return true;
        });
        return whole == m_pending.end() ? nullptr : &*whole;
    }

    FoundValue readObject(const PendingObject& object)
    {
        const std::vector<Property>& properties = object.properties;
        const ResourceKind kindHint = object.kindHint;
        const std::string& cutName = object.cutName;
        const int first = m_lines[properties.front().firstIndex].sourceLine;
        const int last = m_lines[properties.back().lastIndex].sourceLine;
        const std::size_t warningsBefore = m_result.warnings.size();
        FoundValue found;
        found.format = DumpFormat::ListView;
        found.kindHint = kindHint;
        found.firstLine = first;
        found.lastLine = last;
        found.value = nlohmann::json::object();
        std::size_t size = 0;
        for (std::size_t i = properties.front().firstIndex; i <= properties.back().lastIndex; ++i)
            size += m_lines[i].text.size() + 1;
        found.sourceText.reserve(size);
        for (std::size_t i = properties.front().firstIndex; i <= properties.back().lastIndex; ++i) {
            if (i > properties.front().firstIndex)
                found.sourceText += '\n';
            found.sourceText += m_lines[i].text;
        }
        if (!isValidUtf8(found.sourceText))
            found.sourceText = validUtf8(std::move(found.sourceText));
        for (const Property& property : properties) {
            const std::string& name = property.name; // identifier characters only
            PowerShellValueNotes notes;
            nlohmann::json value = readPowerShellValue(property.valueText, name, notes);
            bool wordSplit = property.wordSplit;
            if (notes.keptAsText) {
                // Lines cut at the first column where the paste does not show the terminal's width (one
                // cut line): without the blanks put there when only that makes the value readable
                // (`@{Da` + `ta=; Type=Endpoint}`).
                std::string glued = property.valueText;
                bool any = false;
                for (auto join = property.joins.rbegin(); join != property.joins.rend(); ++join) {
                    if (join->blank && indentation(m_texts[join->after]) == 0 &&
                        codePointWidth(m_texts[join->before]) >= kMinWrapWidth) {
                        glued.erase(join->offset, 1);
                        any = true;
                    }
                }
                PowerShellValueNotes gluedNotes;
                nlohmann::json gluedValue =
                    any ? readPowerShellValue(glued, name, gluedNotes) : nlohmann::json();
                if (any && !gluedNotes.keptAsText) {
                    value = std::move(gluedValue);
                    notes = std::move(gluedNotes);
                    wordSplit = true;
                }
            }
            found.value[name] = std::move(value);
            if (!notes.cutSummary.empty()) {
                if (&property == &properties.back() && onlyBlankAfter(property.lastIndex))
                    found.cutOff = true;
                const int from = m_lines[property.firstIndex].sourceLine;
                const int to = m_lines[property.lastIndex].sourceLine;
                m_result.warnings.push_back(
                    {from, to, tables::lineRange(from, to) + ": " + name + ": " + notes.cutSummary});
            } else if (notes.keptAsText) {
                const int from = m_lines[property.firstIndex].sourceLine;
                const int to = m_lines[property.lastIndex].sourceLine;
                m_result.warnings.push_back({from, to,
                                             tables::lineRange(from, to) + ": " + name +
                                                 ": the value could not be read in full; kept as text"});
            } else if (notes.cut) {
                if (&property == &properties.back() && onlyBlankAfter(property.lastIndex))
                    found.cutOff = true;
                const int from = m_lines[property.firstIndex].sourceLine;
                const int to = m_lines[property.lastIndex].sourceLine;
                m_result.warnings.push_back({from, to,
                                             tables::lineRange(from, to) + ": " + name +
                                                 ": cut by the paste; only its complete part was read"});
            }
            for (std::string& loss : notes.losses)
                found.losses.push_back(std::move(loss));
            reportFlattenedResources(name, found.value[name], found.losses);
            if (property.elidedAfter)
                found.losses.push_back(name + ": followed by lines elided with '...'");
            if (property.wrappedLines > 0)
                found.repairs.push_back(name + ": joined " + std::to_string(property.wrappedLines + 1) +
                                        " lines a console wrapped");
            if (wordSplit)
                found.repairs.push_back(name + ": joined a word split at the line end");
        }
        if (!cutName.empty()) {
            found.cutOff = true;
            found.losses.push_back("the paste ends after " + properties.back().name +
                                   ", inside the next line (\"" + cutName + "\"); what followed is unknown");
            // A record of an HNS kind showing no ID and nothing else that names an object is not kept;
            // the import says so once, "a Get-HnsNetwork record cut before its ID", over its lines and
            // the cut one: the same cut is not said twice.
            std::vector<std::pair<std::string, std::string>> members;
            members.reserve(properties.size());
            for (const Property& property : properties)
                members.emplace_back(property.name, property.valueText);
            if (m_kindOf && recordNamesNoObject(members) &&
                m_kindOf(found.value, kindHint) != ResourceKind::Invalid) {
                found.lastLine = std::max(found.lastLine, object.cutLine);
                return found;
            }
            m_result.warnings.push_back({object.cutLine, object.cutLine,
                                         tables::lineRange(object.cutLine, object.cutLine) +
                                             ": the list view ends inside a "
                                             "property's name (\"" +
                                             cutName + "\"); the paste was cut there"});
        }
        // A record that is no HNS object (Get-VMSwitch's, Get-NetAdapter's) is not imported and gets one
        // info: what its values lost is nothing the snapshot misses.
        if (m_result.warnings.size() > warningsBefore && nonHnsObjectKind(found.value))
            m_result.warnings.erase(m_result.warnings.begin() + std::ptrdiff_t(warningsBefore),
                                    m_result.warnings.end());
        return found;
    }

    const std::vector<CleanedLine>& m_lines;
    const ObjectKindOf& m_kindOf;
    ExtractResult& m_result;
    std::vector<std::string_view> m_texts;

    bool m_inBlock = false;
    std::size_t m_colon = 0;
    std::vector<Property> m_properties;
    std::size_t m_widest = 0; ///< the widest line of the object so far: the console width when it wrapped
    /// continuedLines, once found.
    mutable std::optional<std::vector<std::pair<std::size_t, std::size_t>>> m_continuedLines;
    ResourceKind m_commandKind = ResourceKind::Invalid;
    ResourceKind m_blockKind = ResourceKind::Invalid;
    std::string m_cutName; ///< the block's last line, a property name the paste cut (`MacPools`, `Na`)
    int m_cutLine = 0;
    std::vector<PendingObject> m_pending; ///< objects read once the paste has been seen
};

} // namespace

ExtractResult extractListViewObjects(const std::vector<CleanedLine>& lines, const ObjectKindOf& kindOf)
{
    ExtractResult result;
    ListViewReader(lines, kindOf, result).run();
    // Elisions are reported while scanning, unreadable values when their object is complete.
    std::stable_sort(
        result.warnings.begin(), result.warnings.end(),
        [](const ImportWarning& a, const ImportWarning& b) { return a.firstLine < b.firstLine; });
    return result;
}

} // namespace hcn::io
