// Finding the objects in a found value and telling their kind and shape (v1 Get-Hns* or v2 HCN).

#include "common/text.h"
#include "hcn/dump_formats.h"
#include "hcn/guid.h"
#include "hcn/network_mode.h"
#include "io/hns_member.h"
#include "io/import_objects.h"
#include "io/json_repair.h"
#include "io/kube_proxy_endpoints.h"
#include "io/logged_error.h"
#include "io/non_hns_objects.h"
#include "io/request_answer.h"
#include "io/text_tables.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace hcn::io::detail {
namespace {

/// A string longer than this is not searched for documents (a log line of a JSON export is far shorter).
constexpr std::size_t kMaxSearchedString = 4u << 20;
/// String members nested deeper than this in a value are not searched.
constexpr int kMaxSearchDepth = 8;

/// A member by name in any case (dumps spell `Id`, `ID`, `id`).
const json* member(const json& object, std::string_view key)
{
    if (!object.is_object())
        return nullptr;
    if (auto it = object.find(std::string(key)); it != object.end())
        return &*it;
    for (const auto& [name, value] : object.items())
        if (equalsIgnoreCase(name, key))
            return &value;
    return nullptr;
}

bool has(const json& object, std::string_view key)
{
    return member(object, key) != nullptr;
}

std::string stringOf(const json* value)
{
    return value && value->is_string() ? value->get<std::string>() : std::string();
}

/// {"Major":9,"Minor":2} and nothing else: what /globals/version answers.
bool isVersionObject(const json& value)
{
    const auto count = [](const json& v) { return v.is_number_integer() && v.get<std::int64_t>() >= 0; };
    return value.is_object() && value.size() == 2 && value.contains("Major") && value.contains("Minor") &&
           count(value["Major"]) && count(value["Minor"]);
}

std::uint64_t packedVersion(const json& object)
{
    const json* version = member(object, "Version");
    if (version && version->is_number_integer() && version->get<std::int64_t>() > 0)
        return version->get<std::uint64_t>();
    return 0;
}

/// Sections of a snapshot or of a `{"Networks":[...], "Endpoints":[...]}` container: the kind of each
/// array member whose name is a kind's plural (or a v1 word such as "PolicyLists").
ResourceKind sectionKind(std::string_view key)
{
    for (ResourceKind kind : kResourceKinds)
        if (equalsIgnoreCase(key, resourceKindPlural(kind)))
            return kind;
    if (equalsIgnoreCase(key, "PolicyLists"))
        return ResourceKind::LoadBalancer;
    return ResourceKind::Invalid;
}

bool isContainer(const json& value)
{
    if (!value.is_object() || has(value, "ID"))
        return false;
    bool any = false;
    for (const auto& [key, section] : value.items()) {
        if (sectionKind(key) != ResourceKind::Invalid && (section.is_array() || section.is_null()))
            any = true;
    }
    return any;
}

/// Whether every member is one that objects of every kind have (`ID`, `Name`, `Version`, ...): what is
/// left of an object whose line was cut early. Other objects with an ID (a subnet, an allocator) keep
/// their own identity.
bool onlyCommonMembers(const json& value)
{
    static constexpr std::string_view kCommon[] = {
        "id",    "name",     "version",       "activityid", "additionalparams", "health", "state",
        "flags", "policies", "schemaversion", "owner",      "resources"};
    for (const auto& item : value.items()) {
        const std::string key = lowerCopy(item.key());
        if (std::find(std::begin(kCommon), std::end(kCommon), key) == std::end(kCommon))
            return false;
    }
    return true;
}

/// `10.0.0.0/24` of a subnet object (v1 `AddressPrefix`, v2 `IpAddressPrefix`).
std::string subnetPrefix(const json& value)
{
    const json* prefix = member(value, "AddressPrefix");
    if (!prefix)
        prefix = member(value, "IpAddressPrefix");
    const std::string text = stringOf(prefix);
    return text.empty() ? std::string("no prefix") : text;
}

/// Whether the text before a value names a request to create an object of another kind than `kind`:
/// the kind named right after `create`/`creating`, or right before `creation`
/// (`cannot create endpoint: network {...}` shows a network HNS holds).
bool createsAnotherKind(const std::string& lower, ResourceKind kind)
{
    const std::size_t at = lower.rfind("creat");
    if (at == std::string::npos)
        return false;
    const bool noun = lower.compare(at, 8, "creation") == 0;
    const std::string_view window =
        noun ? std::string_view(lower).substr(at > 24 ? at - 24 : 0, at > 24 ? 24 : at)
             : std::string_view(lower).substr(at, 32);
    // The kind named nearest to `creat`: the last one before `creation`, the first one after `create`.
    const ResourceKind created = kindNamedIn(window, !noun);
    return created != ResourceKind::Invalid && created != kind;
}

/// Whether the text around a value says HNS refused it: a create request logged with its failure
/// before it (`HNS failed to create endpoint with settings {...}. Error: 0x803b0013`, kube-proxy's `Remote
/// endpoint creation failed: ... (*hcsshim.HNSEndpoint)(...)({`), or a create request with an error
/// logged after it (`creating endpoint with settings {...}: hcnCreateEndpoint failed in Win32: ...
/// (0x1392)`, or on the next line `Error: 0x803b0013`). Such a document names an ID the caller chose,
/// but HNS never held the object. A failure of something else (`attaching endpoint failed, endpoint:`)
/// is about an object HNS holds.
bool isFailedRequest(const FoundValue& found, ResourceKind kind)
{
    const std::string lower = lowerCopy(found.context);
    const auto any = [&](std::initializer_list<const char*> words) {
        return std::any_of(words.begin(), words.end(),
                           [&](const char* w) { return lower.find(w) != std::string::npos; });
    };
    if (!any({"creat", "with settings", "request"}) || lower.find("response") != std::string::npos ||
        createsAnotherKind(lower, kind))
        return false;
    if (any({"fail", "error", "unable to", "could not", "cannot"}))
        return true;
    // The failure logged after the request: only for a request being made (`creating`, `create`, not
    // `created`), and only an error the words after it state.
    bool making = any({"with settings", "request"});
    for (std::size_t at = lower.find("creat"); at != std::string::npos && !making;
         at = lower.find("creat", at + 1))
        making = lower.compare(at, 7, "created") != 0;
    return making && loggedError(found.after, {}).found();
}

/// A network as a create request gives it (`{"Name":"cbr0","Type":"L2Bridge","Subnets":[{"AddressPrefix":
/// ...,"GatewayAddress":...}]}`): no ID and only members a caller sets, subnets of a prefix and a gateway.
/// HNS answers with more (`State`, `Version`, `TotalEndpoints`, subnet IDs), also when a paste cut its ID.
bool isNetworkCreateRequest(const json& value)
{
    static constexpr std::string_view kSet[] = {
        "name", "type", "subnets", "dnsserverlist", "dnssuffix", "networkadaptername", "policies"};
    static constexpr std::string_view kSubnet[] = {"addressprefix", "gatewayaddress", "policies"};
    const auto only = [](const json& object, const auto& names) {
        if (!object.is_object())
            return false;
        for (const auto& item : object.items())
            if (std::find(std::begin(names), std::end(names), lowerCopy(item.key())) == std::end(names))
                return false;
        return true;
    };
    if (!isNetworkType(hnsType(value)) || !only(value, kSet))
        return false;
    const json* subnets = member(value, "Subnets");
    return !subnets ||
           (subnets->is_array() && std::all_of(subnets->begin(), subnets->end(),
                                               [&](const json& subnet) { return only(subnet, kSubnet); }));
}

/// A v1 policy list as a create request gives it (`{"Policies":[{"Type":"ELB","VIPs":[...],...}],
/// "References":["/endpoints/<id>"]}`): no ID, only the members a caller sets, its policies a list. HNS
/// answers with more (`ID`, `ActivityId`, `Resources`, `State`, `IsApplied`).
bool isPolicyListCreateRequest(const json& value)
{
    if (!value.is_object())
        return false;
    for (const auto& item : value.items())
        if (const std::string key = lowerCopy(item.key()); key != "policies" && key != "references")
            return false;
    const json* policies = member(value, "Policies");
    return policies && policies->is_array() && !policies->empty();
}

/// The placeholders of IDs (`"<network-id>"`, `["<endpoint-id>"]`) a document holds where it names other
/// objects, in order, once each: what a documentation template writes. A poster's redaction
/// (`"<redacted>"`) names no ID and is none.
void collectPlaceholders(const json& value, std::vector<std::string>& out)
{
    constexpr std::size_t kMaxNamed = 4;
    if (value.is_string()) {
        const std::string text = value.get<std::string>();
        const std::string lower = lowerCopy(text);
        if (text.size() >= 4 && text.front() == '<' && text.back() == '>' &&
            text.find_first_of("<>", 1) == text.size() - 1 &&
            (lower.ends_with("id>") || lower.ends_with("guid>")) && out.size() < kMaxNamed &&
            std::find(out.begin(), out.end(), text) == out.end())
            out.push_back(text);
    } else if (value.is_array()) {
        for (const auto& item : value)
            collectPlaceholders(item, out);
    }
}

std::vector<std::string> placeholderReferences(const json& value)
{
    static constexpr std::string_view kReferences[] = {"HostComputeNetwork",
                                                       "HostComputeEndpoints",
                                                       "HostComputeNamespace",
                                                       "VirtualNetwork",
                                                       "Endpoints",
                                                       "ID",
                                                       "Id"};
    std::vector<std::string> out;
    if (value.is_object())
        for (const std::string_view name : kReferences)
            if (const auto it = value.find(std::string(name)); it != value.end())
                collectPlaceholders(*it, out);
    return out;
}

std::string placeholderList(const std::vector<std::string>& items)
{
    std::string out;
    for (const std::string& item : items)
        out += (out.empty() ? "" : ", ") + item;
    return out;
}

/// The values of `value` at any depth, placeholders or not (PlaceholderCount), and the placeholders
/// each once.
void countPlaceholders(const json& value, PlaceholderCount& count, std::set<std::string, std::less<>>& seen,
                       int depth)
{
    if (depth > kDefaultMaxJsonDepth)
        return;
    if (value.is_structured()) {
        for (const json& item : value)
            countPlaceholders(item, count, seen, depth + 1);
    } else if (value.is_string() && isTemplatePlaceholder(value.get_ref<const std::string&>())) {
        ++count.placeholders;
        seen.insert(value.get<std::string>());
    } else {
        ++count.others;
    }
}

/// The placeholders of an example document (isExampleDocument: a schema page's `"Id" : <string>,
/// "Type" : <enum>`, json_repair.cpp keeps them as strings), in the order `text` (the document's own)
/// shows them: "<string>, <uint32>, <enum>, <ip address>, ..." (4 at most named); empty for a document
/// that is none.
std::string examplePlaceholders(const json& value, std::string_view text)
{
    if (!value.is_object())
        return {};
    PlaceholderCount count;
    std::set<std::string, std::less<>> seen;
    countPlaceholders(value, count, seen, 0);
    if (const json* id = member(value, "ID")) {
        count.idGiven = true;
        if (id->is_string() && isTemplatePlaceholder(id->get_ref<const std::string&>()))
            count.idPlaceholder = id->get<std::string>();
    }
    if (!isExampleDocument(count))
        return {};
    // In the order the text shows them, read once.
    constexpr std::size_t kMaxNamed = 4;
    std::vector<std::string> named;
    for (std::size_t open = text.find('<'); open != std::string_view::npos && named.size() < kMaxNamed;
         open = text.find('<', open + 1)) {
        const std::size_t close = text.find_first_of("<>", open + 1);
        if (close == std::string_view::npos)
            break;
        if (text[close] != '>')
            continue;
        const std::string_view shown = text.substr(open, close - open + 1);
        if (seen.contains(shown) && std::find(named.begin(), named.end(), shown) == named.end())
            named.emplace_back(shown);
    }
    for (auto it = seen.begin(); named.empty() && it != seen.end(); ++it) // none shown as read
        named.push_back(*it);
    const bool more = seen.size() > named.size();
    return placeholderList(named) + (more ? ", ..." : "");
}

/// The string a member `"key" : "value"` of `text` shows (quotes possibly escaped, `\/` unescaped).
std::string shownMember(std::string_view text, std::string_view key)
{
    std::string plain;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (!(text[i] == '\\' && i + 1 < text.size() &&
              (text[i + 1] == '"' || text[i + 1] == '/' || text[i + 1] == '\\')))
            plain += text[i];
    const std::string quoted = "\"" + std::string(key) + "\"";
    const std::size_t at = plain.find(quoted);
    if (at == std::string::npos)
        return {};
    std::size_t pos = plain.find_first_not_of(" \t", at + quoted.size());
    if (pos == std::string::npos || plain[pos] != ':')
        return {};
    pos = plain.find_first_not_of(" \t", pos + 1);
    if (pos == std::string::npos || plain[pos] != '"')
        return {};
    const std::size_t end = plain.find('"', pos + 1);
    return end == std::string::npos ? std::string() : plain.substr(pos + 1, end - pos - 1);
}

/// For an object that is the value of a member of an object that opens before the paste (`"Resources" :
/// {` before it on its line): what the members around it show of a network ("Name lanether, Type Private,
/// 172.31.32.0/20"), empty when they show none; nothing for an object that is no member's value.
std::optional<std::string> memberValueOf(const FoundValue& found)
{
    static constexpr std::string_view kHoldingMembers[] = {"Resources", "Policies", "Settings", "Health"};
    std::string before = found.context;
    while (!before.empty() && (before.back() == ' ' || before.back() == '\t'))
        before.pop_back();
    if (before.empty() || before.back() != ':')
        return std::nullopt;
    before.pop_back();
    while (!before.empty() && (before.back() == ' ' || before.back() == '\t'))
        before.pop_back();
    const bool nested =
        std::any_of(std::begin(kHoldingMembers), std::end(kHoldingMembers), [&](std::string_view key) {
            const std::string quoted = "\"" + std::string(key) + "\"";
            return before.ends_with(quoted) ||
                   before.ends_with("\\" + quoted.substr(0, quoted.size() - 1) + "\\\"");
        });
    if (!nested)
        return std::nullopt;
    const std::string around = found.context + " " + found.after;
    const std::string name = shownMember(around, "Name");
    const json type = shownMember(around, "Type");
    if (!isNetworkType(&type))
        return std::string();
    std::string out =
        (name.empty() ? std::string() : "Name " + name + ", ") + "Type " + type.get<std::string>();
    if (const std::string prefix = shownMember(around, "AddressPrefix"); !prefix.empty())
        out += ", " + prefix;
    return out;
}

/// Text inside a string value worth searching for documents: JSON (`{"`, `[{`) or a Go struct dump
/// (`{Id:`, `&{`), as a log line a JSON export carries in a field holds them.
bool mayHoldDocument(std::string_view text)
{
    if (text.size() < 8 || text.size() > kMaxSearchedString)
        return false;
    if (text.find("{\"") != std::string_view::npos || text.find("[{") != std::string_view::npos ||
        text.find("&{") != std::string_view::npos || text.find("{Id:") != std::string_view::npos)
        return true;
    // Pretty-printed JSON (a chat export's message): blanks and line ends between `{` and its first key.
    for (std::size_t brace = text.find('{'); brace != std::string_view::npos; brace = text.find('{', brace + 1))
        if (const std::size_t key = text.find_first_not_of(" \t\r\n", brace + 1);
            key != std::string_view::npos && text[key] == '"')
            return true;
    return false;
}

struct Collector
{
    const std::string& source;
    std::vector<Sighting>& out;
    std::vector<ImportMessage>& messages;
    std::uint64_t& hnsVersion;
    const FoundValue& found;
    std::vector<FailedRequest>& failedRequests;
    std::vector<NamedRefusal>& namedRefusals;
    std::vector<PastedNonHnsObject>& pasted;
    /// Whether string values of what is no HNS object are searched for documents; off for what such a
    /// search found, so each string is searched once.
    bool searchStrings = true;

    void message(ImportSeverity severity, int first, int last, std::string text)
    {
        messages.push_back({severity, source, first, last, ResourceKind::Invalid, {}, std::move(text)});
    }

    void object(json&& value, ResourceKind hint, int first, int last, std::string text)
    {
        // Hyper-V's switches, WinNAT, the host's adapters and addresses, a CNI plugin's records: named, so
        // that the engineer sees what the paste holds beside the HNS objects (its lines stay in the dump).
        // Cmdlets print no Go structs; a Go program's `IfIndex` is its own.
        const NonHnsObjectKind* other = nonHnsObjectKind(value);
        if (other && (found.format != DumpFormat::GoStruct || other->goStruct)) {
            nonHnsObject(*other, value, first, last);
            return;
        }
        bool isV1 = false;
        ResourceKind kind = classifyObject(value, hint, isV1);
        const bool hasGuidId = Guid::parse(idKeyOf(member(value, "ID") ? *member(value, "ID") : json()), true).has_value();
        // An object with an HNS ID whose members do not tell its kind (a log line cut after `ID` and
        // `Name`) takes it from the words logged before it: `Hns Endpoint resource, {...}`.
        if (kind == ResourceKind::Invalid && hasGuidId && onlyCommonMembers(value))
            kind = kindNamedIn(found.context);
        if (kind == ResourceKind::Invalid && hasGuidId &&
            (has(value, "AddressPrefix") || has(value, "IpAddressPrefix"))) {
            message(ImportSeverity::Warning, first, last,
                    "a subnet (" + subnetPrefix(value) +
                        ") without the network that holds it: the dump does not show where that network "
                        "starts; not imported");
            return;
        }
        if (kind == ResourceKind::Invalid && isCniConfig(value)) {
            const std::string said = cniDocumentSaid(value);
            if (std::none_of(messages.begin(), messages.end(),
                             [&](const ImportMessage& m) { return m.source == source && m.message == said; }))
                message(ImportSeverity::Info, first, last, said);
            return;
        }
        // A create request of a network names its mode and little else: no network, but the words
        // before it say what it is.
        if (kind == ResourceKind::Invalid && !hasGuidId && isNetworkType(hnsType(value)) &&
            isRequestContext(found.context))
            kind = ResourceKind::Network;
        // A network whose dump ends inside its ID (`{"Name":"cbr0","Type":"L2Bridge","ID":"5F1E`) shows
        // the start of one and its mode.
        if (kind == ResourceKind::Invalid && !found.cutId.empty() && isNetworkType(hnsType(value)))
            kind = ResourceKind::Network;
        // One whose dump ends inside its Type (`"Type" : "L2`) shows a network of a mode it does not tell.
        if (kind == ResourceKind::Invalid && hasGuidId &&
            std::any_of(found.losses.begin(), found.losses.end(),
                        [](const std::string& loss) { return loss.starts_with("Type: cut off after"); }))
            kind = ResourceKind::Network;
        // A schema page's or template's document, its values placeholders (`"Id" : <string>`): an example,
        // of an HNS kind, or of any with a placeholder for its ID.
        if (!hasGuidId && (kind != ResourceKind::Invalid || has(value, "ID")))
            if (const std::string placeholders = examplePlaceholders(value, text); !placeholders.empty()) {
                message(ImportSeverity::Info, first, last,
                        "an example document (placeholders " + placeholders +
                            "); not an object HNS holds; not imported");
                return;
            }
        if (kind == ResourceKind::Invalid) {
            // A log exported as JSON (Log Analytics, Container Insights, Event Viewer) holds each log line
            // as a string member, its documents escaped inside: those are searched.
            if (!hasGuidId) {
                search(value, first, last, 0);
                return;
            }
            // Other tools' output (directory listings, services, structured logs) is no concern of the
            // import; only something that looks like an HNS object (a GUID ID) is worth a line.
            // An object that is a member's value (`"Resources" : {...}`) is part of one the paste cut off
            // before it: that one is named when its members around show a network.
            if (const std::optional<std::string> outer = memberValueOf(found); outer) {
                if (!outer->empty())
                    message(ImportSeverity::Warning, first, last,
                            "the paste starts inside a network (" + *outer +
                                "); its ID is before the cut; not imported");
                return;
            }
            if (!found.startCut)
                message(ImportSeverity::Warning, first, last,
                        "an object that is not a network, endpoint, namespace, load balancer or route (" +
                            describeKeys(value) + "); not imported");
            return;
        }
        // A document HNS holds has an ID; one without that code hands to HNS, or whose references are
        // placeholders (`"HostComputeNetwork": "<network-id>"`), is a request or an example.
        if (kind != ResourceKind::Invalid && !hasGuidId) {
            if (const std::vector<std::string> placeholders = placeholderReferences(value);
                !placeholders.empty()) {
                message(ImportSeverity::Info, first, last,
                        "an example document (placeholders " + placeholderList(placeholders) +
                            "); not an object HNS holds; not imported");
                return;
            }
            if (!found.literalVariable.empty()) {
                message(ImportSeverity::Info, first, last,
                        found.passedTo.empty()
                            ? "a settings document in source code (a string literal assigned to " +
                                  found.literalVariable +
                                  "), a request; not an object HNS holds; not imported"
                            : "a settings document passed to " + found.passedTo +
                                  " (a request); not an object HNS holds; not imported");
                return;
            }
        }
        if (isFailedRequest(found, kind)) {
            failedRequests.push_back({value, first});
            const LoggedError logged = loggedError(found.after, found.context);
            const std::string error = describeLoggedError(logged);
            // A request the words before it say is one is said as what it asks (describeRequest).
            const std::string asked = !hasGuidId && isRequestContext(found.context)
                                          ? describeRequest(found.context, value, kind)
                                          : std::string();
            if (!error.empty()) {
                namedRefusals.push_back({source, first, last, error, messages.size(), false, asked});
                namedRefusals.back().code = codeDescribed(logged);
            }
            const std::string request = !asked.empty() ? ": " + asked + ";" : " (\"" + found.context + "\"),";
            message(ImportSeverity::Info, first, last,
                    "a request HNS failed" + request + " not an object it holds; not imported" +
                        (error.empty() ? std::string() : std::string(kErrorLoggedWith) + error));
            return;
        }
        // A dump cut inside its ID shows one: no create request. Nor is a row of a table under the
        // Get-HnsNetwork typed above it (kindHint): HNS listed it.
        const bool listedRow = found.format == DumpFormat::Table && found.kindHint == ResourceKind::Network;
        // So is a v1 policy list of only its policies and references, read whole.
        const bool createShape = kind == ResourceKind::Network
                                     ? isNetworkCreateRequest(value)
                                     : kind == ResourceKind::LoadBalancer && isV1 &&
                                           found.format == DumpFormat::Json && !found.cutOff &&
                                           !found.startCut && isPolicyListCreateRequest(value);
        if (createShape && !hasGuidId && found.cutId.empty() && !listedRow &&
            !isRequestContext(found.context)) {
            message(ImportSeverity::Info, first, last,
                    std::string(kind == ResourceKind::Network ? "a network" : "a load balancer") +
                        " as a create request gives it (no ID, only what a caller sets): " +
                        describeRequest(found.context, value, kind) +
                        "; not an object HNS holds, not imported");
            return;
        }
        if (!hasGuidId && isRequestContext(found.context)) {
            message(ImportSeverity::Info, first, last,
                    "a request sent to HNS: " + describeRequest(found.context, value, kind) +
                        "; not an object it holds, not imported");
            return;
        }
        Sighting s;
        s.kind = kind;
        s.wasV1 = isV1;
        s.source = source;
        s.firstLine = first;
        s.lastLine = last;
        s.format = found.format;
        s.originalText = std::move(text);
        s.lost = found.losses;
        s.cutId = found.cutId;
        s.onlyCutId = found.onlyCutId;
        s.startCut = found.startCut;
        s.cutOff = found.cutOff;
        s.notes = found.repairs;
        if (found.fromEnvelope)
            s.notes.insert(s.notes.begin(), "taken from an HNS REST response's Output");
        s.hnsVersion = packedVersion(value);
        if (isV1)
            s.networkName = stringOf(member(value, "VirtualNetworkName"));
        s.document = std::move(value);
        s.order = out.size();
        out.push_back(std::move(s));
    }

    /// kube-proxy's record of an endpoint that no dump its reader read names: it fills the dumps of the
    /// endpoint other readers read in this source before it (the JSON reader reads first). It is no
    /// object of its own: the log names the endpoint it records (logged_operations.h).
    void kubeProxyRecord(KubeProxyEndpoint&& record, int first, int last)
    {
        record.firstLine = first;
        record.lastLine = last;
        const std::string key = idKey(record.id);
        for (std::size_t i = out.size(); i > 0 && out[i - 1].source == source; --i) {
            Sighting& s = out[i - 1];
            if (s.kind != ResourceKind::Endpoint || s.kubeProxyRecordRead ||
                idKey(stringOf(member(s.document, "ID"))) != key)
                continue;
            fillFromKubeProxy(s.document, {s.wasV1, s.format == DumpFormat::Json && !s.cutOff && !s.startCut},
                              record, s.notes);
            s.kubeProxyRecordRead = true;
        }
    }

    /// One info for each object, and one for the rows of a table that follow each other.
    void nonHnsObject(const NonHnsObjectKind& other, const json& value, int first, int last)
    {
        std::string text = nonHnsObjectText(other, value, found.context);
        // A switch, a VM adapter naming one, Docker's network naming its HNS network:
        // linkPastedNonHnsObjects adds the network.
        const auto remember = [&] {
            if (const std::optional<NamedSwitch> named = namedSwitch(other, value))
                pasted.push_back({source,
                                  messages.size() - 1,
                                  other.isSwitch,
                                  named->id,
                                  named->name,
                                  named->adapter,
                                  {}});
            else if (std::string id = hnsNetworkIdOf(other, value); !id.empty())
                pasted.push_back({source, messages.size() - 1, false, {}, {}, {}, std::move(id)});
        };
        // A row whose cells do not tell its kind (cut after its ifIndex) is one of the rows before it.
        if (found.format == DumpFormat::Table && !messages.empty()) {
            ImportMessage& previous = messages.back();
            const bool same =
                previous.message == text || (other.untold && previous.severity == ImportSeverity::Info &&
                                             previous.message.ends_with(kNotHnsNotImported));
            if (previous.source == source && same && previous.lastLine + 1 >= first) {
                previous.lastLine = std::max(previous.lastLine, last);
                remember();
                return;
            }
        }
        message(ImportSeverity::Info, first, last, std::move(text));
        remember();
    }

    static std::string describeKeys(const json& value)
    {
        std::string keys;
        int n = 0;
        for (const auto& item : value.items()) {
            if (n++ == 6) {
                keys += ", ...";
                break;
            }
            keys += (keys.empty() ? "" : ", ") + item.key();
        }
        return "members " + keys;
    }

    /// The documents inside the string members of `v` (a value that is no HNS object), each string
    /// read as text of its own by the JSON and Go dump readers; what they find is reported at the lines
    /// of the value that holds the string. Nested at most kMaxSearchDepth levels.
    void search(const json& v, int first, int last, int depth)
    {
        if (!searchStrings || found.format != DumpFormat::Json || depth > kMaxSearchDepth)
            return;
        if (v.is_object() || v.is_array()) {
            for (const json& member : v)
                search(member, first, last, depth + 1);
            return;
        }
        if (!v.is_string() || !mayHoldDocument(v.get_ref<const std::string&>()))
            return;
        const std::vector<CleanedLine> lines = cleanPastedText(v.get_ref<const std::string&>());
        for (ExtractResult (*reader)(const std::vector<CleanedLine>&) :
             {+[](const std::vector<CleanedLine>& l) { return extractJsonValues(l); },
              &extractGoStructDumps}) {
            for (FoundValue& inner : reader(lines).values) {
                inner.firstLine = first;
                inner.lastLine = last;
                inner.elements.clear(); // their lines are lines of the string, not of the dump
                Collector nested{source,         out,           messages, hnsVersion, inner,
                                 failedRequests, namedRefusals, pasted,   false};
                json innerValue = std::move(inner.value);
                const std::size_t before = out.size();
                nested.value(std::move(innerValue), inner.kindHint, first, last, inner.sourceText, 0);
                for (std::size_t i = before; i < out.size(); ++i) {
                    out[i].notes.push_back("read from text in a string of the JSON value at these lines (a "
                                           "log exported as JSON), unescaped");
                    if (out[i].originalText.empty())
                        out[i].originalText = out[i].document.dump(2);
                }
            }
        }
    }

    /// An object whose every member is named by a GUID and is an object: a hashtable of objects by ID.
    static bool keyedById(const json& v)
    {
        if (!v.is_object() || v.empty())
            return false;
        for (const auto& item : v.items())
            if (!item.value().is_object() || !Guid::parse(idKey(item.key()), true).has_value())
                return false;
        return true;
    }

    void value(json&& v, ResourceKind hint, int first, int last, std::string text, int depth)
    {
        if (depth > 4)
            return;
        if (isVersionObject(v)) {
            hnsVersion = std::max(hnsVersion, (v["Major"].get<std::uint64_t>() << 32) | v["Minor"].get<std::uint64_t>());
            return;
        }
        if (isContainer(v)) {
            for (auto& [key, section] : v.items()) {
                const ResourceKind kind = sectionKind(key);
                if (kind == ResourceKind::Invalid || !section.is_array())
                    continue;
                for (json& element : section)
                    if (element.is_object())
                        object(std::move(element), kind, first, last, std::string());
            }
            if (const json* versionValue = member(v, "HnsVersion"); versionValue && isVersionObject(*versionValue))
                hnsVersion = std::max(hnsVersion, ((*versionValue)["Major"].get<std::uint64_t>() << 32) |
                                                      (*versionValue)["Minor"].get<std::uint64_t>());
            return;
        }
        if (v.is_array()) {
            for (json& element : v)
                value(std::move(element), hint, first, last, std::string(), depth + 1);
            return;
        }
        if (keyedById(v)) { // `$h[$_.ID] = $_; $h | ConvertTo-Json`: each object under its ID
            for (json& element : v)
                value(std::move(element), hint, first, last, std::string(), depth + 1);
            return;
        }
        if (std::optional<KubeProxyEndpoint> record = kubeProxyEndpointIn(v))
            kubeProxyRecord(std::move(*record), first, last);
        else if (v.is_object())
            object(std::move(v), hint, first, last, std::move(text));
        else if (v.is_string())
            search(v, first, last, depth);
    }
};

} // namespace

void collectSightings(FoundValue&& found, const std::string& source, std::vector<Sighting>& out,
                      std::vector<ImportMessage>& messages, std::uint64_t& hnsVersion,
                      std::vector<FailedRequest>& failedRequests, std::vector<NamedRefusal>& namedRefusals,
                      std::vector<PastedNonHnsObject>& pasted)
{
    Collector collector{source, out, messages, hnsVersion, found, failedRequests, namedRefusals, pasted};
    json value = std::move(found.value);
    // An array of objects whose elements were told apart keeps each element's lines and text.
    if (!found.elements.empty() && value.is_array() && value.size() == found.elements.size()) {
        for (std::size_t i = 0; i < value.size(); ++i) {
            FoundValue::Element& e = found.elements[i];
            found.repairs = std::move(e.repairs);
            collector.value(std::move(value[i]), found.kindHint, e.firstLine, e.lastLine, std::move(e.sourceText), 1);
        }
        return;
    }
    const std::size_t before = out.size();
    collector.value(std::move(value), found.kindHint, found.firstLine, found.lastLine, found.sourceText, 0);
    // Objects from inside a container or a list whose elements could not be told apart have no text
    // of their own: their JSON as found stands for it.
    for (std::size_t i = before; i < out.size(); ++i)
        if (out[i].originalText.empty())
            out[i].originalText = out[i].document.dump(2);
}

void dropRepeatedFailedRequests(std::vector<Sighting>& sightings, std::size_t first,
                                const std::vector<FailedRequest>& failedRequests,
                                std::vector<ImportMessage>& messages)
{
    if (failedRequests.empty())
        return;
    std::map<json, int> failedAt; // document -> its first line; ordered, so many of them cost log n each
    for (const FailedRequest& r : failedRequests)
        failedAt.emplace(r.document, r.firstLine);
    std::vector<Sighting> kept;
    for (std::size_t i = first; i < sightings.size(); ++i) {
        const auto failed = failedAt.find(sightings[i].document);
        if (failed == failedAt.end()) {
            kept.push_back(std::move(sightings[i]));
            continue;
        }
        const Sighting& s = sightings[i];
        messages.push_back({ImportSeverity::Info,
                            s.source,
                            s.firstLine,
                            s.lastLine,
                            ResourceKind::Invalid,
                            {},
                            "the request HNS failed in line " + std::to_string(failed->second) +
                                " again, not an object it holds; not imported"});
    }
    sightings.erase(sightings.begin() + static_cast<std::ptrdiff_t>(first), sightings.end());
    for (Sighting& s : kept)
        sightings.push_back(std::move(s));
}

} // namespace hcn::io::detail
