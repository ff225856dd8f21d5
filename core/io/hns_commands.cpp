// PowerShell commands that create or delete HNS objects (see hns_commands.h).

#include "io/hns_commands.h"

#include "common/text.h"
#include "io/docker_commands.h"
#include "io/hnsdiag_commands.h"
#include "io/logged_words.h"
#include "io/powershell_commands.h"
#include "io/request_answer.h"
#include "io/text_scan.h"
#include "io/text_tables.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace hcn::io {

namespace {

using json = nlohmann::json;

/// A command continued with a backtick at its line's end is read over at most this many lines.
constexpr std::size_t kMaxCommandLines = 20;
/// A command longer than this is no command typed or scripted.
constexpr std::size_t kMaxCommandText = 8192;
/// The request `-Verbose` makes hns.psm1 print starts at most this many lines after the command.
constexpr int kMaxLinesToVerboseRequest = 2;
/// A filter is quoted in a request's words up to this many bytes.
constexpr std::size_t kMaxFilterQuoted = 80;
/// A section heading is at most this long; the lines under it at most this many.
constexpr std::size_t kMaxHeading = 40;
constexpr std::size_t kMaxLinesUnderHeading = 60;

/// `$network.ID`, `$network.Id`, `$network` -> `network` (lower case); empty for no variable.
std::string variableOf(std::string_view value)
{
    if (!value.starts_with('$'))
        return {};
    value.remove_prefix(1);
    const std::size_t end = std::min(value.find('.'), value.size());
    return lowerCopy(value.substr(0, end));
}

} // namespace

namespace {

/// Where-Object's parameters: the property and the value it compares, the script block, and its operators,
/// switches (`-EQ`, with its alias `-IEQ`, and the others with theirs).
constexpr CommandParameters kWhereObjectParameters{
    "Property Value FilterScript InputObject",
    "EQ IEQ CEQ NE INE CNE GT IGT CGT LT ILT CLT GE IGE CGE LE ILE CLE Like ILike CLike NotLike INotLike "
    "CNotLike Match IMatch CMatch NotMatch INotMatch CNotMatch Contains IContains CContains NotContains "
    "INotContains CNotContains In IIn CIn NotIn INotIn CNotIn Is IsNot Not"};

/// `$_.IPAddress`, `$PSItem.IPAddress` -> `IPAddress`.
std::string_view withoutCurrentObject(std::string_view property)
{
    for (const std::string_view current : {std::string_view("$_."), std::string_view("$PSItem.")})
        if (property.size() > current.size() && equalsIgnoreCase(property.substr(0, current.size()), current))
            return property.substr(current.size());
    return property;
}

/// The comparison of one property with one value a script block makes (`{$_.IPAddress -eq "10.0.7.20"}`,
/// `{ ($PSItem.Name -eq 'l2net') }`); none when it makes several (`-and`, `-or`) or something else.
std::optional<FilterComparison> scriptBlockComparison(std::string_view block)
{
    std::string_view inner = trimBlanks(block);
    while (inner.size() >= 2 &&
           ((inner.front() == '{' && inner.back() == '}') || (inner.front() == '(' && inner.back() == ')')))
        inner = trimBlanks(inner.substr(1, inner.size() - 2));
    const std::vector<std::string> words = commandWords(inner);
    if (words.size() != 3)
        return std::nullopt;
    const std::string op = powerShellParameterName(words[1]);
    std::vector<std::string> value = valueItems(words[2]);
    if (op.empty() || value.size() != 1)
        return std::nullopt;
    return FilterComparison{std::string(withoutCurrentObject(words[0])), "-" + op, std::move(value.front())};
}

} // namespace

std::optional<FilterComparison> filterComparison(const std::vector<std::string>& words)
{
    const CommandArguments args = argumentsOf(words, 1, kWhereObjectParameters);
    const std::vector<std::string>& positional = args.positional;
    if (args.has("filterscript"))
        return positional.empty() && args.named.size() == 1
                   ? scriptBlockComparison(args.first("filterscript"))
                   : std::nullopt;
    if (!positional.empty() && positional.front().starts_with('{'))
        return positional.size() == 1 && args.named.empty() ? scriptBlockComparison(positional.front())
                                                            : std::nullopt;
    // `? Name -eq x`, `Where-Object -Property Name -EQ -Value x`, `Where -Value x -Property Name`: the
    // property and the value named or in that order, the one operator given (none is -EQ).
    std::size_t next = 0;
    std::string property = args.first("property");
    if (!args.has("property") && next < positional.size())
        property = positional[next++];
    std::vector<std::string> value;
    if (const auto named = args.named.find("value"); named != args.named.end())
        value = named->second;
    else if (next < positional.size())
        value = valueItems(positional[next++]);
    if (next != positional.size() || property.empty() || value.size() != 1)
        return std::nullopt;
    std::string op;
    for (const auto& [name, items] : args.named) {
        if (name == "property" || name == "value" || name == "inputobject")
            continue;
        if (!op.empty() || !items.empty())
            return std::nullopt; // two operators, or a parameter Where-Object does not take
        op = name;
    }
    return FilterComparison{std::string(withoutCurrentObject(property)), "-" + (op.empty() ? "eq" : op),
                            std::move(value.front())};
}

bool FilterComparison::isEquality() const
{
    return op == "-eq" || op == "-ieq" || op == "-ceq";
}

namespace {

/// The words of a filter (`? Name -eq l2net`, `Where-Object { $_.Name -eq "l2net" }`): "named
/// l2net", "whose Type is L2Bridge"; empty when the filter is no comparison of one property. `named` gets
/// the name a filter of the name's equality compares with (`l2net`), else nothing.
std::string filterSaid(const std::vector<std::string>& words, std::string& named)
{
    named.clear();
    const std::optional<FilterComparison> filter = filterComparison(words);
    if (!filter)
        return {};
    std::string value = filter->value;
    if (equalsIgnoreCase(value, "$true") || equalsIgnoreCase(value, "$false"))
        value.erase(0, 1);
    const std::string& op = filter->op;
    if (filter->isEquality() && equalsIgnoreCase(filter->property, "Name")) {
        named = value;
        return "named " + value;
    }
    const std::string whose = "whose " + filter->property + " ";
    if (filter->isEquality())
        return whose + "is " + value;
    if (op == "-ne")
        return whose + "is not " + value;
    if (op == "-like" || op == "-ilike")
        return whose + "is like " + value;
    if (op == "-match" || op == "-imatch")
        return whose + "matches " + value;
    return {};
}

} // namespace

bool isFilterCommand(std::string_view word)
{
    return word == "?" || equalsIgnoreCase(word, "where") || equalsIgnoreCase(word, "Where-Object");
}

namespace {

/// A filter as filterSaid says it, else by its words: "that ? { $_.Policies.Count -gt 2 } picks" (at most
/// kMaxFilterQuoted bytes of them, then "...").
std::string filterOrItsWordsSaid(const std::vector<std::string>& words, std::string& named)
{
    if (std::string said = filterSaid(words, named); !said.empty())
        return said;
    std::string quoted;
    for (const std::string& w : words)
        quoted += (quoted.empty() ? "" : " ") + w;
    if (quoted.size() > kMaxFilterQuoted)
        quoted = quoted.substr(0, kMaxFilterQuoted) + "...";
    return "that " + quoted + " picks";
}

/// A pipeline's filters as the report says them: those by name, then the others, "named x whose Type is
/// y" (an other filter right after the names goes on without "and"), else joined by "and".
std::string filtersSaid(const std::vector<std::string>& byName, const std::vector<std::string>& byOther)
{
    std::string filter;
    for (const std::string& f : byName)
        filter += (filter.empty() ? "" : " and ") + f;
    for (std::size_t i = 0; i < byOther.size(); ++i)
        filter += (filter.empty()                               ? ""
                   : i == 0 && byOther[i].starts_with("whose ") ? " "
                                                                : " and ") +
                  byOther[i];
    return filter;
}

std::string plural(std::string_view noun)
{
    return std::string(noun) + "s";
}

/// Variables the text assigned an object to, by the object's name: one it created (`$network =
/// New-HnsNetwork ... -Name x`) or listed by its name (`$network = Get-HnsNetwork | ? Name -eq x`); the
/// variable's name in lower case.
using CreatedNames = std::map<std::string, std::string>;

/// One object a value names: a GUID, a variable the text assigned a created object to, or a name.
std::string objectNamedBy(const std::string& value, std::string_view noun, const CreatedNames& created)
{
    if (tables::isGuid(value))
        return std::string(noun) + " " + value;
    if (const std::string variable = variableOf(value); !variable.empty()) {
        // The variable as the text spells it.
        const std::string spelled = value.substr(0, 1 + variable.size());
        const auto it = created.find(variable);
        return it != created.end() ? std::string(noun) + " " + it->second + " (as " + spelled + " holds it)"
                                   : "the " + std::string(noun) + " " + spelled + " holds";
    }
    return std::string(noun) + " " + value;
}

/// The object an `-Id` argument names: as objectNamedBy, but an ID that is no GUID and no variable is a
/// placeholder the poster wrote (`-ID EndpointID`): said as such, not as a name.
std::string objectWithId(const std::string& value, std::string_view noun, const CreatedNames& created)
{
    if (variableOf(value).empty() && !tables::isGuid(value))
        return "the " + std::string(noun) + " whose ID is given as " + value;
    return objectNamedBy(value, noun, created);
}

/// Gives `target` the object `value` names: its GUID, the name a variable the text assigned a created
/// object to holds, or a name (not when `byId`: an ID that is no GUID is a placeholder).
void targetNamedBy(const std::string& value, bool byId, const CreatedNames& created, CommandDeletion& target)
{
    if (tables::isGuid(value)) {
        target.id = value;
    } else if (const std::string variable = variableOf(value); !variable.empty()) {
        if (const auto it = created.find(variable); it != created.end())
            target.name = it->second;
    } else if (!byId) {
        target.name = value;
    }
}

/// What a deletion deletes: the objects named by its own arguments, or piped to it from `Get-Hns...`
/// (filtered by `?`/`Where-Object` or not) or a variable. `target` gets them where the text names them.
std::string deletedTarget(const HnsCmdlet& cmdlet, const CommandArguments& args,
                          const std::vector<std::vector<std::string>>& before, const CreatedNames& created,
                          CommandDeletion& target)
{
    for (const std::string key : {"inputobjects", "id", "name"})
        if (const std::string value = args.first(key); !value.empty()) {
            targetNamedBy(value, key == "id", created, target);
            return key == "id" ? objectWithId(value, cmdlet.object, created)
                               : objectNamedBy(value, cmdlet.object, created);
        }
    if (!args.positional.empty()) {
        const std::string value = valueItems(args.positional.front()).empty()
                                      ? args.positional.front()
                                      : valueItems(args.positional.front()).front();
        targetNamedBy(value, false, created, target);
        return objectNamedBy(value, cmdlet.object, created);
    }
    std::string filteredName; // the name the filters compare with, when each filter is that comparison
    bool otherFilter = false;
    std::size_t source = before.size();
    // Each filter narrows the objects: all of them are said, those by name first ("named cbr0_ep whose
    // VirtualNetworkName is cbr0").
    std::vector<std::string> byName;
    std::vector<std::string> byOther;
    while (source > 0 && !before[source - 1].empty() && isFilterCommand(before[source - 1].front())) {
        --source;
        std::string named;
        std::string said = filterOrItsWordsSaid(before[source], named);
        if (named.empty() || (!filteredName.empty() && !equalsIgnoreCase(named, filteredName)))
            otherFilter = true;
        else
            filteredName = named;
        std::vector<std::string>& into = named.empty() ? byOther : byName;
        if (std::find(into.begin(), into.end(), said) == into.end())
            into.insert(into.begin(), std::move(said));
    }
    const std::string filter = filtersSaid(byName, byOther);
    if (source == 0 || before[source - 1].empty())
        return "the " + plural(cmdlet.object) + " piped to it";
    const std::vector<std::string>& from = before[source - 1];
    // What the filters pick of the objects the source gives is known only when they pick by name.
    CommandDeletion given;
    std::string said;
    const HnsCmdlet* lister = hnsCmdletNamed(from.front());
    const CommandArguments got = argumentsOf(from, 1, lister);
    if (from.front().starts_with('$')) {
        targetNamedBy(from.front(), false, created, given);
        said = objectNamedBy(from.front(), cmdlet.object, created);
    } else if (const std::string id = got.first("id"); !id.empty()) {
        targetNamedBy(id, true, created, given);
        said = objectWithId(id, cmdlet.object, created);
    } else if (const std::string name = got.first("name"); !name.empty()) {
        targetNamedBy(name, false, created, given);
        said = objectNamedBy(name, cmdlet.object, created);
    } else if (!got.positional.empty()) {
        targetNamedBy(got.positional.front(), false, created, given);
        said = objectNamedBy(got.positional.front(), cmdlet.object, created);
    } else if (lister && lister->verb == CmdletVerb::Get && lister->kind == cmdlet.kind) {
        given.every = true;
    }
    if (!otherFilter) {
        if (filteredName.empty()) {
            target.id = given.id;
            target.name = given.name;
            target.every = given.every;
        } else if (given.every || (given.id.empty() && equalsIgnoreCase(given.name, filteredName))) {
            target.name = filteredName;
        }
    }
    if (!said.empty())
        return said;
    return filter.empty() ? "every " + std::string(cmdlet.object)
                          : "the " + plural(cmdlet.object) + " " + filter;
}

/// The one name a listing pipeline picks its objects by (`Get-HnsNetwork -Name azure`, `Get-HnsNetwork |
/// Where-Object Name -EQ azure`); empty when it picks by anything else or by no name.
std::string namedByPipeline(const HnsCmdlet& lister, const std::vector<std::vector<std::string>>& pipeline)
{
    std::string name = argumentsOf(pipeline.front(), 1, &lister).first("name");
    for (std::size_t e = 1; e < pipeline.size(); ++e) {
        if (pipeline[e].empty() || !isFilterCommand(pipeline[e].front()))
            return {};
        std::string named;
        filterSaid(pipeline[e], named);
        if (named.empty() || (!name.empty() && !equalsIgnoreCase(named, name)))
            return {};
        name = named;
    }
    return name;
}

/// What a creation asks for, in the words of a request HNS logged (describeRequest).
std::string createdAsked(const HnsCmdlet& cmdlet, const CommandArguments& args, const CreatedNames& created)
{
    json document = json::object();
    if (const std::string name = args.first("name"); !name.empty())
        document["Name"] = name;
    std::string said;
    std::string on;
    switch (cmdlet.kind) {
    case ResourceKind::Network: {
        if (const std::string type = args.first("type"); !type.empty())
            document["Type"] = type;
        const auto prefixes = args.named.find("addressprefix");
        const auto gateways = args.named.find("gateway");
        if (prefixes != args.named.end())
            for (std::size_t i = 0; i < prefixes->second.size(); ++i) {
                json subnet{{"AddressPrefix", prefixes->second[i]}};
                if (gateways != args.named.end() && i < gateways->second.size())
                    subnet["GatewayAddress"] = gateways->second[i];
                document["Subnets"].push_back(std::move(subnet));
            }
        if (const std::string adapter = args.first("adaptername"); !adapter.empty())
            on = " on adapter " + adapter;
        break;
    }
    case ResourceKind::Endpoint: {
        if (const std::string address = args.first("ipaddress"); !address.empty())
            document["IPAddress"] = address;
        if (const std::string gateway = args.first("gateway"); !gateway.empty())
            document["GatewayAddress"] = gateway;
        if (const std::string network = args.first("networkid"); !network.empty())
            on = " on " + objectNamedBy(network, "network", created);
        break;
    }
    case ResourceKind::LoadBalancer:
        if (const std::string vip = args.first("vip"); !vip.empty())
            document["FrontendVIPs"] = json::array({vip});
        if (const std::string external = args.first("externalport"); !external.empty())
            on = " from port " + external +
                 (args.has("internalport") ? " to " + args.first("internalport") : "");
        if (const std::string prefix = args.first("destinationprefix"); !prefix.empty())
            on = " routing " + prefix;
        break;
    default:
        break;
    }
    said = describeRequest({}, document, cmdlet.kind);
    if (cmdlet.spelled == "New-HnsRemoteEndpoint" && said.starts_with("create endpoint"))
        said.insert(7, "remote ");
    if (cmdlet.object == "policy list" && said.starts_with("create load balancer"))
        said.replace(7, 13, "policy list");
    return said + on;
}

/// The text of lines[i] and the lines a continuation at each line's end continues it onto (one of
/// `continuations`: PowerShell's backtick, a shell's backslash, cmd's caret); `last` gets the index of its
/// last line, `cut` whether that line asks for a continuation the paste does not hold (it ends there). A
/// backtick that closes a markdown code span (the line holds an even number) or a continuation before a
/// blank line continues nothing.
std::string commandText(const std::vector<CleanedLine>& lines, std::size_t i, std::string_view continuations,
                        std::size_t& last, bool& cut)
{
    std::string text = lines[i].text;
    last = i;
    const auto asks = [&] {
        return !text.empty() && continuations.find(text.back()) != std::string_view::npos &&
               (text.back() != '`' ||
                std::count(lines[last].text.begin(), lines[last].text.end(), '`') % 2 == 1);
    };
    const auto continues = [&] {
        return asks() && last + 1 < lines.size() && !trimBlanks(lines[last + 1].text).empty();
    };
    while (continues() && last - i < kMaxCommandLines && text.size() < kMaxCommandText) {
        text.pop_back();
        text += ' ';
        text += trimBlanks(lines[++last].text);
    }
    cut = last + 1 == lines.size() && asks();
    if (cut)
        text.pop_back();
    return text;
}

/// The texts of a line a command may stand in: each markdown code span in it (`` `New-HnsNetwork ...` ``,
/// ``` ``hnsdiag.exe delete endpoints <id>`` ```: a span opens with a run of backticks and closes with the
/// next run of as many), then the line. A span comes first: its backticks end the command, which the line
/// read whole would take into its last word (``` using ``` New-HnsNetwork -Name nat``` from ``` ```).
std::vector<std::string_view> commandCandidates(std::string_view text)
{
    std::vector<std::string_view> candidates;
    const auto runAt = [&text](std::size_t at) {
        const std::size_t end = text.find_first_not_of('`', at);
        return (end == std::string_view::npos ? text.size() : end) - at;
    };
    for (std::size_t open = text.find('`'); open != std::string_view::npos;) {
        const std::size_t ticks = runAt(open);
        std::size_t close = text.find('`', open + ticks);
        while (close != std::string_view::npos && runAt(close) != ticks)
            close = text.find('`', close + runAt(close));
        if (close == std::string_view::npos)
            break;
        candidates.push_back(text.substr(open + ticks, close - open - ticks));
        open = text.find('`', close + ticks);
    }
    candidates.push_back(text);
    return candidates;
}

/// A template's placeholders are this long at most (inside their brackets).
constexpr std::size_t kMaxTemplatePlaceholder = 80;

/// The placeholders of a template that `statement` holds where its values go, in order, each once:
/// `{{ OVN_SUBNET }}` (Ansible, Helm, Go templates) and `<network-name>` (documentation), a word of its
/// own (after a blank, `=` or a quote, before a blank, a quote or the end).
std::vector<std::string> templatePlaceholdersIn(std::string_view statement)
{
    std::vector<std::string> found;
    const auto add = [&](std::string_view placeholder) {
        if (std::find(found.begin(), found.end(), placeholder) == found.end())
            found.emplace_back(placeholder);
    };
    for (std::size_t at = statement.find("{{"); at != std::string_view::npos;
         at = statement.find("{{", at + 2)) {
        const std::size_t close = statement.find("}}", at + 2);
        if (close == std::string_view::npos || close - at - 2 > kMaxTemplatePlaceholder)
            break;
        add(statement.substr(at, close + 2 - at));
        at = close;
    }
    const auto bounds = [](char c) { return c == ' ' || c == '\t' || c == '"' || c == '\''; };
    for (std::size_t at = statement.find('<'); at != std::string_view::npos;
         at = statement.find('<', at + 1)) {
        if (at > 0 && !bounds(statement[at - 1]) && statement[at - 1] != '=')
            continue;
        std::size_t end = at + 1;
        while (end < statement.size() && end - at <= kMaxTemplatePlaceholder &&
               (std::isalnum(static_cast<unsigned char>(statement[end])) != 0 ||
                std::string_view("-_.").find(statement[end]) != std::string_view::npos))
            ++end;
        if (end > at + 1 && end < statement.size() && statement[end] == '>' &&
            (end + 1 == statement.size() || bounds(statement[end + 1])))
            add(statement.substr(at, end + 1 - at));
    }
    // An address or name written in place of a value (`--subnet x.x.x.x`, `-Gateway [GatewayIP]`).
    for (const std::string_view word : splitOutside(statement, " =")) {
        std::string_view value = trimBlanks(word);
        if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
            value.back() == value.front())
            value = value.substr(1, value.size() - 2);
        // Words in angle brackets without blanks are found above, with them only quoted (`"<your cidr>"`).
        if ((!value.starts_with('<') || value.find(' ') != std::string_view::npos) &&
            isWrittenPlaceholder(value))
            add(value);
    }
    return found;
}

/// Whether the lines right after a `-Verbose` command ending at `last` (within
/// kMaxLinesToVerboseRequest) are what hns.psm1 prints of its request: `VERBOSE: Invoke-HNSRequest
/// Method[POST] Path[/networks] Data[{...`, `Creating network with these parameters: {...}`, `VERBOSE:
/// Result :` (the prefix cleaned away). A document the poster pasted after it is no such print.
bool printsItsRequest(const std::vector<CleanedLine>& lines, std::size_t last)
{
    for (std::size_t k = last + 1;
         k < lines.size() && lines[k].sourceLine - lines[last].sourceLine <= kMaxLinesToVerboseRequest; ++k) {
        const std::string_view t = trimBlanks(lines[k].text);
        if (holdsAnyIgnoringCase(t, {"invoke-hnsrequest", "with these parameters"}) ||
            t.starts_with("Result"))
            return true;
    }
    return false;
}

/// A section heading a paste writes on a line of its own, lower case, its markup taken off: markdown's
/// `### Expected behavior`, `**Actual result**`, `Expected:`; empty for any other line.
std::string sectionHeadingOf(std::string_view text)
{
    std::string_view t = trimBlanks(text);
    const std::size_t hashes = t.find_first_not_of('#');
    const bool markdown = (hashes > 0 && hashes <= 6 && hashes < t.size() && t[hashes] == ' ') ||
                          (t.starts_with("**") && t.ends_with("**") && t.size() > 4);
    if (!markdown && !isHeadingLine(t))
        return {};
    while (!t.empty() && (t.front() == '#' || t.front() == '*' || t.front() == ' '))
        t.remove_prefix(1);
    while (!t.empty() && (t.back() == '*' || t.back() == ':' || t.back() == ' '))
        t.remove_suffix(1);
    return t.size() <= kMaxHeading ? lowerCopy(t) : std::string();
}

/// Whether lines[i] stands under a heading of what the poster expected (`### Expected behavior`,
/// `Expected:`, `**Desired outcome**`): what it shows there did not happen.
bool underExpectedHeading(const std::vector<CleanedLine>& lines, std::size_t i)
{
    // A line inside a fenced block is none (a script's `# comment`).
    bool inside = false;
    for (std::size_t k = 0; k < i; ++k)
        inside = inside != isFenceLine(lines[k].text);
    for (std::size_t k = i + 1; k-- > 0 && i - k <= kMaxLinesUnderHeading;) {
        if (isFenceLine(lines[k].text)) {
            inside = !inside;
            continue;
        }
        if (inside)
            continue;
        const std::string heading = sectionHeadingOf(lines[k].text);
        if (!heading.empty())
            return heading.starts_with("expected") || heading.starts_with("desired");
    }
    return false;
}

} // namespace

bool onlyShapesTheListing(std::string_view word)
{
    for (const std::string_view shaping :
         {"fl", "ft", "format-list", "format-table", "select", "select-object", "sort", "sort-object",
          "convertto-json", "out-string", "out-host"})
        if (equalsIgnoreCase(word, shaping))
            return true;
    return false;
}

namespace {

/// The request of an HNS listing (`Get-HnsNetwork`, `Get-HnsEndpoint | ? Name -eq x`, `Get-HnsPolicyList
/// | fl`) that lines[i] holds alone and whose output is empty, said with what its empty output tells: "list
/// every network, which printed nothing: HNS held no network when it was typed", "list the endpoints named
/// x, which printed nothing: none of HNS's endpoints matched when it was typed". Its output is empty
/// where it was typed at a prompt and the next line is the next prompt (CleanedLine::prompt, a command
/// after it or none); a command followed by anything else (a blank line, prose, a fence, the paste's
/// end) may have output the poster did not paste, or be a line of a script: nothing is said of it. Not
/// for a listing assigned to a variable, piped to a command that does more than print it, or
/// redirected: those print nothing of what HNS listed.
std::optional<LoggedRequest> emptyListingAt(const std::vector<CleanedLine>& lines, std::size_t i,
                                            const CreatedNames& created)
{
    if (i + 1 >= lines.size() || !lines[i].prompt || !lines[i + 1].prompt)
        return std::nullopt;
    const std::string_view text = trimBlanks(lines[i].text);
    if (text.size() > kMaxCommandText || splitOutside(text, ";").size() != 1)
        return std::nullopt;
    const std::vector<std::vector<std::string>> pipeline = pipelineWords(text);
    if (pipeline.empty() || pipeline.front().empty())
        return std::nullopt;
    const HnsCmdlet* lister = hnsCmdletNamed(pipeline.front().front());
    if (!lister || lister->verb != CmdletVerb::Get || lister->module != CmdletModule::Hns)
        return std::nullopt;
    for (const std::vector<std::string>& element : pipeline)
        for (const std::string& word : element)
            if (isRedirection(word))
                return std::nullopt; // its output went to a file
    const CommandArguments args = argumentsOf(pipeline.front(), 1, lister);
    if (!args.positional.empty())
        return std::nullopt; // prose: `Get-HnsNetwork returns nothing`
    std::vector<std::string> byName;
    std::vector<std::string> byOther;
    if (const std::string name = args.first("name"); !name.empty())
        byName.push_back("named " + name);
    for (std::size_t e = 1; e < pipeline.size(); ++e) {
        const std::vector<std::string>& words = pipeline[e];
        if (words.empty())
            return std::nullopt;
        if (onlyShapesTheListing(words.front()))
            continue;
        if (!isFilterCommand(words.front()))
            return std::nullopt;
        std::string named;
        std::string said = filterOrItsWordsSaid(words, named);
        std::vector<std::string>& into = named.empty() ? byOther : byName;
        if (std::find(into.begin(), into.end(), said) == into.end())
            into.push_back(std::move(said));
    }
    const std::string object(lister->object);
    std::string listed;
    if (const std::string id = args.first("id"); !id.empty()) {
        listed = objectWithId(id, object, created);
    } else if (!byName.empty() || !byOther.empty()) {
        listed = "the " + plural(object) + " " + filtersSaid(byName, byOther);
    }
    LoggedRequest r;
    r.asker = LoggedRequest::Asker::Command;
    r.by = std::string(lister->spelled);
    r.kind = lister->kind;
    r.line = lines[i].sourceLine;
    r.loggedAt = {{r.line, r.line}};
    r.what = listed.empty() ? "list every " + object + ", which printed nothing: HNS held no " + object +
                                  " when it was typed"
                            : "list " + listed + ", which printed nothing: none of HNS's " + plural(object) +
                                  " matched when it was typed";
    // Its empty output is its whole answer: no refusal or result after it is its. The line of that output
    // stops the search for one.
    r.answerLine = lines[i + 1].sourceLine;
    return r;
}

} // namespace

HnsCommands hnsCommandsIn(const std::vector<CleanedLine>& lines,
                          const std::vector<std::pair<int, int>>& shown)
{
    HnsCommands found;
    CreatedNames created;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        // The test of most lines: every command read holds one of these.
        const bool hns = findIgnoringCase(lines[i].text, "-hns") != std::string_view::npos ||
                         findIgnoringCase(lines[i].text, "-containernetwork") != std::string_view::npos;
        const bool docker = mayHoldDockerNetworkCommand(lines[i].text);
        const bool hnsdiag = mayHoldHnsdiagCommand(lines[i].text);
        if (!hns && !docker && !hnsdiag)
            continue;
        if (tables::inRuns(shown, lines[i].sourceLine))
            continue;
        if (hns)
            if (std::optional<LoggedRequest> listing = emptyListingAt(lines, i, created)) {
                found.requests.push_back(std::move(*listing));
                found.at.push_back(i);
                found.lineIndex.push_back(i);
                continue;
            }
        std::size_t last = i;
        bool cut = false;
        const std::string text = commandText(lines, i, docker ? "`\\^" : "`", last, cut);
        if (text.size() > kMaxCommandText)
            continue;
        bool read = false;
        for (const std::string_view candidate : commandCandidates(text)) {
            if (read)
                break;
            // A table's row (`| docker network create ... | ... |`) is no command.
            if (docker && !trimBlanks(candidate).starts_with('|'))
                for (const std::string_view statement : splitOutside(candidate, ";|&")) {
                    std::vector<std::string> deleted;
                    if (std::optional<LoggedRequest> r =
                            dockerNetworkRequest(statement, last + 1 == lines.size(), cut, deleted)) {
                        // A template names no network: its deletions reach no object.
                        const std::vector<std::string> placeholders = templatePlaceholdersIn(statement);
                        r->what += templateSaid(placeholders);
                        if (!placeholders.empty())
                            deleted.clear();
                        for (std::string& name : deleted)
                            found.deletions.push_back({r->by,
                                                       ResourceKind::Network,
                                                       {},
                                                       std::move(name),
                                                       false,
                                                       lines[i].sourceLine,
                                                       lines[last].sourceLine});
                        r->line = lines[i].sourceLine;
                        r->loggedAt = {{lines[i].sourceLine, lines[last].sourceLine}};
                        // docker printed the new network's ID: HNS made it.
                        // Not what the poster expected it to print (`### Expected behavior`).
                        if (r->by == "docker network create" && last + 1 < lines.size() &&
                            isCreatedNetworkId(lines[last + 1].text) &&
                            !underExpectedHeading(lines, last + 1)) {
                            r->answer = LoggedRequest::Answer::Done;
                            r->answerLine = lines[last + 1].sourceLine;
                        }
                        found.requests.push_back(std::move(*r));
                        found.at.push_back(i);
                        read = true;
                    }
                }
            if (hnsdiag && !trimBlanks(candidate).starts_with('|'))
                for (const std::string_view statement : splitOutside(candidate, ";|")) {
                    const std::optional<HnsdiagDeletion> d = hnsdiagDeletionIn(statement);
                    if (!d)
                        continue;
                    // hnsdiag takes the object's ID alone: a GUID, a variable holding one, or a word written
                    // in its place (`<id>`, `[EndpointID]`, `endpoint_id`); any other word is prose.
                    std::vector<std::string> placeholders = templatePlaceholdersIn(statement);
                    const bool given = tables::isGuid(d->id) || !variableOf(d->id).empty();
                    if (placeholders.empty() && !given && namesAnIdInItsPlace(d->id))
                        placeholders.push_back(d->id);
                    if (placeholders.empty() && !given)
                        continue;
                    LoggedRequest r;
                    r.asker = LoggedRequest::Asker::Command;
                    r.by = d->by;
                    r.kind = d->kind;
                    r.line = lines[i].sourceLine;
                    r.loggedAt = {{lines[i].sourceLine, lines[last].sourceLine}};
                    CommandDeletion deleted{r.by, r.kind, {}, {}, false, r.line, lines[last].sourceLine};
                    if (placeholders.empty()) {
                        targetNamedBy(d->id, true, created, deleted);
                        r.what = "delete " + objectWithId(d->id, d->object, created);
                    } else {
                        // A placeholder names no object: the deletion reaches none.
                        r.what =
                            "delete " + std::string(d->object) + " " + d->id + templateSaid(placeholders);
                    }
                    if (cut)
                        r.what += kCutCommandSaid;
                    if (!deleted.id.empty() || !deleted.name.empty())
                        found.deletions.push_back(std::move(deleted));
                    found.requests.push_back(std::move(r));
                    found.at.push_back(i);
                    read = true;
                }
            if (!hns)
                continue;
            for (const std::string_view statement : splitOutside(candidate, ";")) {
                std::vector<std::vector<std::string>> pipeline = pipelineWords(statement);
                // A pipeline that starts with nothing is a table's row (`| Remove-HnsEndpoint | ... |`).
                if (pipeline.size() > 1 && pipeline.front().empty())
                    continue;
                // Words before the pipeline's first cmdlet or variable are none of it: a prompt cleaning
                // left, a diff's `+` (an added line), prose (`then ran Get-HnsEndpoint | ...`). A comment's
                // mark or a diff's `-` (a removed line) makes the line no command.
                if (!pipeline.empty() && !pipeline.front().empty() &&
                    !pipeline.front().front().starts_with('$') && !hnsCmdletNamed(pipeline.front().front())) {
                    std::vector<std::string>& first = pipeline.front();
                    const std::string& lead = first.front();
                    if (lead.starts_with('#') || lead.starts_with("<#") || lead.starts_with("//") ||
                        lead.starts_with("::") || equalsIgnoreCase(lead, "rem") || lead == "-")
                        continue;
                    const auto start = std::find_if(first.begin(), first.end(), [](const std::string& w) {
                        return w.starts_with('$') || hnsCmdletNamed(w) != nullptr;
                    });
                    if (start != first.end())
                        first.erase(first.begin(), start);
                }
                for (std::size_t e = 0; e < pipeline.size(); ++e) {
                    std::vector<std::string>& words = pipeline[e];
                    std::string assigned; // `$network = New-HnsNetwork ...`
                    if (words.size() >= 2 && words[0].starts_with('$') && words[1] == "=") {
                        assigned = variableOf(words[0]);
                        words.erase(words.begin(), words.begin() + 2);
                    }
                    if (words.empty())
                        continue;
                    // `$network = Get-HnsNetwork | ? Name -eq azure`: the variable holds the object of
                    // that name.
                    if (const HnsCmdlet* lister = hnsCmdletNamed(words[0]);
                        e == 0 && !assigned.empty() && lister && lister->verb == CmdletVerb::Get) {
                        if (const std::string name = namedByPipeline(*lister, pipeline); !name.empty())
                            created[assigned] = name;
                        continue;
                    }
                    std::string_view name = words[0];
                    while (!name.empty() &&
                           (name.front() == '&' || name.front() == '(' || name.front() == '$'))
                        name.remove_prefix(1);
                    const HnsCmdlet* cmdlet = hnsCmdletNamed(name);
                    if (!cmdlet ||
                        (cmdlet->module != CmdletModule::Hns && cmdlet->verb != CmdletVerb::Remove) ||
                        (cmdlet->verb != CmdletVerb::New && cmdlet->verb != CmdletVerb::Remove))
                        continue;
                    const CommandArguments args = argumentsOf(words, 1, cmdlet);
                    // A creation names what it creates by parameters: the cmdlet alone, in prose, asks
                    // nothing.
                    if (cmdlet->verb == CmdletVerb::New && args.named.empty())
                        continue;
                    // A deletion takes what it deletes by a parameter, a GUID or a variable, or from the
                    // pipeline: words after it (`Remove-HnsNetwork didn't help`) are prose.
                    if (cmdlet->verb != CmdletVerb::New && !args.positional.empty() &&
                        variableOf(args.positional.front()).empty() &&
                        !tables::isGuid(args.positional.front()))
                        continue;
                    if (args.has("verbose") && printsItsRequest(lines, last) &&
                        std::any_of(shown.begin(), shown.end(), [&](const std::pair<int, int>& run) {
                            return run.first > lines[last].sourceLine &&
                                   run.first - lines[last].sourceLine <= kMaxLinesToVerboseRequest;
                        }))
                        continue; // hns.psm1 printed its request, which says it
                    const std::vector<std::string> placeholders = templatePlaceholdersIn(statement);
                    LoggedRequest r;
                    r.asker = LoggedRequest::Asker::Command;
                    r.by = std::string(cmdlet->spelled);
                    r.kind = cmdlet->kind;
                    r.line = lines[i].sourceLine;
                    r.loggedAt = {{lines[i].sourceLine, lines[last].sourceLine}};
                    if (cmdlet->verb == CmdletVerb::New) {
                        r.what = createdAsked(*cmdlet, args, created);
                        if (const std::string made = args.first("name"); !assigned.empty() && !made.empty())
                            created[assigned] = made;
                    } else {
                        CommandDeletion deleted{r.by, r.kind, {}, {}, false, r.line, lines[last].sourceLine};
                        r.what = "delete " +
                                 deletedTarget(*cmdlet, args,
                                               std::vector<std::vector<std::string>>(
                                                   pipeline.begin(), pipeline.begin() + std::ptrdiff_t(e)),
                                               created, deleted);
                        if (placeholders.empty() &&
                            (deleted.every || !deleted.id.empty() || !deleted.name.empty()))
                            found.deletions.push_back(std::move(deleted));
                        read = true;
                        if (cmdlet->module != CmdletModule::Hns)
                            continue; // a deletion only
                    }
                    r.what += templateSaid(placeholders);
                    if (cut)
                        r.what += kCutCommandSaid;
                    found.requests.push_back(std::move(r));
                    found.at.push_back(i);
                    read = true;
                }
            }
        }
        if (read)
            for (std::size_t k = i; k <= last; ++k)
                found.lineIndex.push_back(k);
        i = read ? last : i;
    }
    return found;
}

} // namespace hcn::io
