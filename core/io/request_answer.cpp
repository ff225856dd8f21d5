// A cut answer completed from the request it answers (see request_answer.h).

#include "io/request_answer.h"

#include "common/ip_protocols.h"
#include "common/json_member.h"
#include "common/text.h"
#include "hcn/health_checks.h"
#include "hcn/ip_address.h"
#include "hcn/network_mode.h"
#include "io/hns_member.h"
#include "io/json_repair.h"
#include "io/logged_requests.h"
#include "io/logged_words.h"
#include "io/markdown_emphasis.h"
#include "io/non_hns_objects.h"
#include "io/text_scan.h"
#include "io/text_tables.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <utility>

namespace hcn::io {

namespace {

using json = nlohmann::json;

const json* member(const json& object, std::string_view key)
{
    return memberIgnoringCase(object, key);
}

/// The document a request sent to HNS to create an object carries (`Data[{...}]` holds it in a list of
/// one), or null: no request words before it, an ID of its own (an object HNS holds), or a change to an
/// object that exists (`Path[/networks/<id>]`, a `RequestType`).
const json* createRequest(const FoundValue& request)
{
    const json* document = requestDocumentOf(request);
    if (!document || member(*document, "RequestType") || member(*document, "ResourceType"))
        return nullptr;
    const std::string words = lowerCopy(request.context);
    if (const std::size_t path = words.find("path[/"); path != std::string::npos) {
        const std::size_t end = words.find(']', path);
        if (end == std::string::npos || words.find('/', path + 6) < end)
            return nullptr;
    }
    return document;
}

/// Whether `answer` is what HNS answered to `request`, the value before it: the words between them
/// (after the request on its line and the next, before the answer on its own) say "Result" or
/// "Response", and at most the one line `after` shows lies between them.
bool answers(const FoundValue& request, const FoundValue& answer)
{
    const int gap = answer.firstLine - request.lastLine;
    const bool nextLineShown = request.after.find('\n') != std::string::npos;
    if (gap < 0 || gap > (nextLineShown ? 2 : 1) || isRequestContext(answer.context))
        return false;
    const std::string words = lowerCopy(request.after + "\n" + answer.context);
    return words.find("result") != std::string::npos || words.find("response") != std::string::npos;
}

/// A string member (any case), or empty.
std::string text(const json& object, std::string_view key)
{
    const json* value = member(object, key);
    return value && value->is_string() ? value->get<std::string>() : std::string();
}

/// The HTTP method the words before a request name (`Method[POST]`, `[POST]=>`, `method=post`), upper
/// case; empty when they name none.
std::string methodIn(std::string_view lower)
{
    for (const std::string_view method : {"post", "put", "delete", "get", "patch"}) {
        for (const std::string_view form : {"method[", "method=", "method ", "["}) {
            const std::string word = std::string(form) + std::string(method);
            const std::size_t at = lower.find(word);
            if (at == std::string_view::npos)
                continue;
            const std::size_t end = at + word.size();
            if (end < lower.size() && std::isalpha(static_cast<unsigned char>(lower[end])))
                continue;
            std::string upper(method);
            for (char& c : upper)
                c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            return upper;
        }
    }
    return {};
}

/// The kind of object the path the words before a request name holds (`Path[/networks]`,
/// `[POST]=>[/networks/]`), and whether the path names one object of it (`/networks/<id>`).
struct RequestPath
{
    ResourceKind kind = ResourceKind::Invalid;
    bool toObject = false;
};

RequestPath requestPathIn(std::string_view lower)
{
    std::size_t at = lower.find("]=>[");
    at = at != std::string_view::npos ? at + 4 : lower.find("path");
    if (at == std::string_view::npos)
        return {};
    const std::string_view rest = lower.substr(at);
    for (const logged::KindSpelled& collection : logged::kCollections) {
        const std::string path = "/" + std::string(collection.text);
        const std::size_t p = rest.find(path);
        if (p == std::string_view::npos || p >= 16)
            continue;
        const std::size_t after = p + path.size();
        if (after < rest.size() && logged::isLoggedWordChar(rest[after]))
            continue;
        const bool toObject =
            after + 1 < rest.size() && rest[after] == '/' && logged::isLoggedWordChar(rest[after + 1]);
        return {collection.kind, toObject};
    }
    return {};
}

/// The subnets a network request asks for, each as its prefix and gateway (empty when it names none):
/// v1 `Subnets` (`GatewayAddress`), v2 `Ipams` (the `NextHop` of its first route).
std::vector<std::pair<std::string, std::string>> subnetsAsked(const json& document)
{
    std::vector<std::pair<std::string, std::string>> subnets;
    const auto add = [&](std::string prefix, std::string gateway) {
        if (!prefix.empty())
            subnets.emplace_back(std::move(prefix), std::move(gateway));
    };
    if (const json* list = member(document, "Subnets"); list && list->is_array())
        for (const json& subnet : *list)
            if (subnet.is_object())
                add(text(subnet, "AddressPrefix"), text(subnet, "GatewayAddress"));
    if (const json* ipams = member(document, "Ipams"); ipams && ipams->is_array())
        for (const json& ipam : *ipams)
            if (const json* list = ipam.is_object() ? member(ipam, "Subnets") : nullptr;
                list && list->is_array())
                for (const json& subnet : *list) {
                    if (!subnet.is_object())
                        continue;
                    std::string gateway;
                    if (const json* routes = member(subnet, "Routes"); routes && routes->is_array())
                        for (const json& route : *routes)
                            if (route.is_object() && gateway.empty())
                                gateway = text(route, "NextHop");
                    add(text(subnet, "IpAddressPrefix"), std::move(gateway));
                }
    return subnets;
}

/// The network an endpoint request is for, as the typed commands name it ("on network labl2"): its v1
/// `VirtualNetworkName` and `VirtualNetwork`, "cbr0 (CEA05C9C-...)" when it gives both, or its v2
/// `HostComputeNetwork`; empty when it names none.
std::string networkAsked(const json& document)
{
    std::string id(withoutEmphasis(text(document, "VirtualNetwork")));
    if (id.empty())
        id = std::string(withoutEmphasis(text(document, "HostComputeNetwork")));
    const std::string name(withoutEmphasis(text(document, "VirtualNetworkName")));
    if (name.empty() || equalsIgnoreCase(name, id))
        return id;
    return id.empty() ? name : name + " (" + id + ")";
}

/// A number member (any case) as text, or empty: a port, a protocol number.
std::string numberText(const json& object, std::string_view key)
{
    const json* value = member(object, key);
    if (!value || !value->is_number_integer())
        return {};
    return std::to_string(value->get<std::int64_t>());
}

/// What the ELB policies of a v1 policy list ask, each VIP with its protocol and ports as hcnctl's table
/// shows a load balancer's: "11.0.98.129 TCP 80->80"; "TCP 80->80" for a policy without VIPs (a node
/// port's).
std::vector<std::string> balancedPortsAsked(const json& document)
{
    std::vector<std::string> asked;
    const json* policies = member(document, "Policies");
    if (!policies || !policies->is_array())
        return asked;
    for (const json& policy : *policies) {
        if (!policy.is_object() || !equalsIgnoreCase(text(policy, "Type"), "ELB"))
            continue;
        // The schema's name of a protocol number it names (6: TCP), else the number; a name as given.
        std::string protocol;
        if (const json* given = member(policy, "Protocol"); given && given->is_number_unsigned()) {
            const std::uint64_t n = given->get<std::uint64_t>();
            const std::string_view name = knownProtocolName(n <= 255 ? std::uint32_t(n) : 0);
            protocol = name.empty() ? std::to_string(n) : std::string(name);
        } else if (given && given->is_number_integer()) {
            protocol = std::to_string(given->get<std::int64_t>());
        } else if (given && given->is_string()) {
            protocol = upperCopy(given->get<std::string>());
        }
        std::string ports = protocol;
        if (const std::string external = numberText(policy, "ExternalPort"),
            internal = numberText(policy, "InternalPort");
            !external.empty() || !internal.empty())
            ports += (ports.empty() ? "" : " ") + (external.empty() ? "?" : external) + "->" +
                     (internal.empty() ? "?" : internal);
        std::vector<std::string> vips;
        if (const json* list = member(policy, "VIPs"); list && list->is_array())
            for (const json& vip : *list)
                if (vip.is_string() && !vip.get_ref<const std::string&>().empty())
                    vips.emplace_back(withoutEmphasis(vip.get_ref<const std::string&>()));
        if (vips.empty() && !ports.empty())
            asked.push_back(ports);
        for (const std::string& vip : vips)
            asked.push_back(ports.empty() ? vip : vip + " " + ports);
    }
    return asked;
}

/// The placeholders among the string values of `value` and of what it holds, each once, in the order
/// of the document.
void collectPlaceholderValues(const json& value, std::vector<std::string>& found)
{
    if (value.is_string()) {
        const std::string& s = value.get_ref<const std::string&>();
        if (isWrittenPlaceholder(s) && std::find(found.begin(), found.end(), s) == found.end())
            found.push_back(s);
    } else if (value.is_structured()) {
        for (const json& item : value)
            collectPlaceholderValues(item, found);
    }
}

} // namespace

std::string requestTemplateSaid(const json& document)
{
    std::vector<std::string> placeholders;
    collectPlaceholderValues(document, placeholders);
    return templateSaid(placeholders);
}

const json* requestDocumentOf(const FoundValue& found)
{
    if (found.cutOff || found.startCut || !found.literalVariable.empty() ||
        !isRequestContext(found.context) || isSampleRequestContext(found.context))
        return nullptr;
    const json* document = &found.value;
    if (document->is_array() && document->size() == 1)
        document = &document->front();
    if (!document->is_object() || document->empty())
        return nullptr;
    // A program's own record (azure-vnet's `Creating endpoint &{... NetNsPath:...}`) is no body sent to
    // HNS, whatever verb is logged before it; the import names it as what it is (non_hns_objects.h).
    if (const NonHnsObjectKind* other = nonHnsObjectKind(*document);
        other && (found.format != DumpFormat::GoStruct || other->goStruct))
        return nullptr;
    if (const json* id = member(*document, "ID");
        id && id->is_string() && tables::isGuid(id->get<std::string>()))
        return nullptr;
    return document;
}

std::string requestVerb(std::string_view method, bool toObject)
{
    if (method.empty() || equalsIgnoreCase(method, "POST"))
        return toObject ? "modify" : "create";
    return upperCopy(std::string(method));
}

std::string requestVerbIn(std::string_view context)
{
    const std::string lower = lowerCopy(context);
    return requestVerb(methodIn(lower), requestPathIn(lower).toObject);
}

std::vector<std::string> requestGatewayProblems(const json& document)
{
    std::vector<std::string> problems;
    const HealthRule* outside = findHealthRule("NET-GATEWAY-OUTSIDE-SUBNET");
    for (const auto& [prefixText, gatewayText] : subnetsAsked(document)) {
        const std::optional<IpPrefix> prefix = IpPrefix::parse(prefixText, true);
        const std::optional<IpAddress> gateway = IpAddress::parse(gatewayText);
        // As the health check: a gateway of another family, or none (0.0.0.0), is no gateway to check.
        if (!prefix || !gateway || gateway->family() != prefix->family() || gateway->value() == 0)
            continue;
        if (!prefix->contains(*gateway)) {
            problems.push_back("gateway " + gateway->toString() + ", outside subnet " + prefix->toString() +
                               (outside
                                    ? " (" + std::string(outside->id) + ": " + std::string(outside->why) + ")"
                                    : std::string()));
            continue;
        }
        // A prefix of two or more host bits keeps its first address for the network (subnet_pool.h).
        if (prefix->address().bitWidth() - prefix->length() >= 2 && *gateway == prefix->network())
            problems.push_back("gateway " + gateway->toString() + ", the network address of subnet " +
                               prefix->toString() +
                               ": HNS refuses the request, or the network has no gateway endpoints can use");
    }
    // An endpoint's request (v1 `IPAddress` and `GatewayAddress`): its own address as its gateway.
    const std::optional<IpAddress> gateway =
        IpAddress::parse(withoutEmphasis(text(document, "GatewayAddress")));
    for (const std::string_view key : {"IPAddress", "IpAddress"}) {
        const std::optional<IpAddress> address = IpAddress::parse(withoutEmphasis(text(document, key)));
        if (gateway && address && *address == *gateway && gateway->value() != 0) {
            problems.push_back(
                "address " + address->toString() +
                ", its own gateway: the network's gateway address given to an endpoint; the "
                "endpoint cannot reach past it, and the gateway's traffic goes to the endpoint");
            break;
        }
    }
    return problems;
}

std::string describeRequest(std::string_view context, const json& document, ResourceKind kind)
{
    const std::string lower = lowerCopy(context);
    const RequestPath path = requestPathIn(lower);
    if (path.kind != ResourceKind::Invalid)
        kind = path.kind;
    const json* asked = &document;
    if (asked->is_array() && asked->size() == 1)
        asked = &asked->front();
    std::string out = requestVerbIn(context);
    out += " " + std::string(resourceKindLabel(kind));
    if (!asked->is_object())
        return out;
    if (const std::string name = text(*asked, "Name"); !name.empty())
        out += " " + name;
    std::vector<std::string> details;
    // The catalog's spelling of a network's type (`l2bridge` as hns.psm1 users type it: L2Bridge).
    if (const std::string type = text(*asked, "Type"); !type.empty()) {
        const std::string_view spelled =
            kind == ResourceKind::Network ? networkModeName(networkModeFromName(type)) : std::string_view();
        details.push_back(spelled.empty() ? type : std::string(spelled));
    }
    for (const auto& [prefix, gateway] : subnetsAsked(*asked))
        details.push_back(gateway.empty() ? prefix : prefix + " via " + gateway);
    // An address the request states twice (v1 `IPAddress` and v2 `IpConfigurations`, or one spelling
    // found under both names) is said once.
    auto addAddress = [&details](std::string address) {
        address = std::string(withoutEmphasis(address)); // `"IPAddress":"**10.244.1.2**"`, pointed at
        if (!address.empty() && std::find(details.begin(), details.end(), address) == details.end())
            details.push_back(std::move(address));
    };
    for (const std::string_view key : {"IPAddress", "IpAddress"})
        addAddress(text(*asked, key));
    if (const json* frontends = member(*asked, "FrontendVIPs"); frontends && frontends->is_array())
        for (const json& vip : *frontends)
            if (vip.is_string())
                addAddress(vip.get<std::string>());
    // A v1 policy list's load balancing (`{"Policies":[{"Type":"ELB","VIPs":[...],...}],"References":...}`).
    if (kind == ResourceKind::LoadBalancer)
        for (std::string& ports : balancedPortsAsked(*asked))
            if (std::find(details.begin(), details.end(), ports) == details.end())
                details.push_back(std::move(ports));
    if (const json* configurations = member(*asked, "IpConfigurations");
        configurations && configurations->is_array())
        for (const json& configuration : *configurations)
            if (configuration.is_object())
                addAddress(text(configuration, "IpAddress"));
    constexpr std::size_t kMaxDetails = 6;
    if (details.size() > kMaxDetails) {
        details.resize(kMaxDetails);
        details.back() = "...";
    }
    if (!details.empty()) {
        out += " (";
        for (std::size_t i = 0; i < details.size(); ++i)
            out += (i == 0 ? "" : ", ") + details[i];
        out += ")";
    }
    // The adapter a network is bound to, as the typed commands say it.
    if (const std::string adapter = text(*asked, "NetworkAdapterName");
        kind == ResourceKind::Network && !adapter.empty())
        out += " on adapter " + adapter;
    // What a log shows sent (words before it; a command's callers and a settings document pass none): the
    // network an endpoint is for, as the typed commands say it, and whether it is a template, not what was
    // sent (a command's own words say its template).
    if (context.empty())
        return out;
    if (const std::string network = networkAsked(*asked); kind == ResourceKind::Endpoint && !network.empty())
        out += " on network " + network;
    return out + requestTemplateSaid(*asked);
}

std::string settingsDocumentFunction(const json& document, ResourceKind kind)
{
    if (!document.is_object() || kind == ResourceKind::Invalid || kind == ResourceKind::GuestNetworkService)
        return {};
    const json* version = member(document, "SchemaVersion");
    const json* major = version && version->is_object() ? member(*version, "Major") : nullptr;
    if (!major || !major->is_number_integer() || major->get<std::int64_t>() < 2)
        return {};
    // What HNS writes into an object it holds: its ID, its health and state, the resources it allocated.
    for (const std::string_view key : {"ID", "Health", "State", "Resources"})
        if (member(document, key))
            return {};
    if (const json* ipams = member(document, "Ipams"); ipams && ipams->is_array())
        for (const json& ipam : *ipams)
            if (const json* subnets = ipam.is_object() ? member(ipam, "Subnets") : nullptr;
                subnets && subnets->is_array())
                for (const json& subnet : *subnets)
                    if (subnet.is_object() && member(subnet, "ID"))
                        return {};
    return "HcnCreate" + std::string(resourceKindName(kind));
}

std::vector<ImportWarning> completeCutAnswersFromRequests(std::vector<ExtractResult>& results)
{
    // The values of every reader in the order of the text: azure-vnet logs its request as JSON and HNS's
    // answer as a Go struct (`POST response:&{Id:... Name:...`), which another reader reads.
    std::vector<FoundValue*> values;
    for (ExtractResult& result : results)
        for (FoundValue& value : result.values)
            values.push_back(&value);
    std::stable_sort(values.begin(), values.end(), [](const FoundValue* a, const FoundValue* b) {
        return a->firstLine != b->firstLine ? a->firstLine < b->firstLine : a->lastLine < b->lastLine;
    });
    // Two readers may read one answer (a value of each at the same lines), and a log may show an answer
    // again (a second sink, a retry logged twice): a request completes one answer, and a copy of an
    // answer completed gets what it got, said once.
    const auto sameLines = [](const FoundValue& a, const FoundValue& b) {
        return a.firstLine == b.firstLine && a.lastLine == b.lastLine;
    };
    struct Completed
    {
        json shown; ///< the answer as the dump shows it
        const FoundValue* request = nullptr;
        const json* asked = nullptr;
        const FoundValue* answer = nullptr;
    };
    std::vector<Completed> completed;
    std::vector<ImportWarning> infos;
    for (std::size_t i = 1; i < values.size(); ++i) {
        FoundValue& answer = *values[i];
        if (!answer.cutOff || answer.startCut || !answer.value.is_object())
            continue;
        // The value before it, past another reader's value of the same answer.
        std::size_t before = i;
        while (before > 0 && values[before - 1]->cutOff && sameLines(*values[before - 1], answer))
            --before;
        const FoundValue* request = before > 0 ? values[before - 1] : nullptr;
        const json* asked = request && answers(*request, answer) ? createRequest(*request) : nullptr;
        // A request (another reader's value of it too) answered the answer it completed first.
        if (asked && std::any_of(completed.begin(), completed.end(), [&](const Completed& c) {
                return sameLines(*c.request, *request) && !sameLines(*c.answer, answer);
            }))
            asked = nullptr;
        const auto copied = std::find_if(completed.begin(), completed.end(), [&](const Completed& c) {
            return sameLines(*c.answer, answer) || c.shown == answer.value;
        });
        if (!asked && copied != completed.end()) {
            request = copied->request;
            asked = copied->asked;
        }
        if (!asked)
            continue;
        json shown = answer.value;
        std::string taken;
        // The member the cut is inside shows less than HNS answered: the request's whole value stands in.
        const std::string cutOpen = cutOpenMember(answer.sourceText);
        for (const auto& [key, value] : asked->items()) {
            if (value.is_null() || (member(answer.value, key) && !equalsIgnoreCase(key, cutOpen)))
                continue;
            if (const json* old = member(answer.value, key); old && *old == value)
                continue;
            for (auto it = answer.value.begin(); it != answer.value.end(); ++it)
                if (equalsIgnoreCase(it.key(), key)) {
                    answer.value.erase(it);
                    break;
                }
            answer.value[key] = value;
            taken += (taken.empty() ? "" : ", ") + key;
        }
        if (taken.empty())
            continue;
        const std::string text = taken + ": not in the cut response; taken from the request sent to HNS at " +
                                 tables::lineRange(request->firstLine, request->lastLine) +
                                 ", which it answers";
        answer.repairs.push_back(text);
        if (copied == completed.end())
            infos.push_back({answer.firstLine, answer.lastLine, text});
        completed.push_back({std::move(shown), request, asked, &answer});
    }
    return infos;
}

} // namespace hcn::io
