// Deletions asked of HNS and HNS objects a log names without dumping them (see logged_operations.h).

#include "io/logged_operations.h"

#include "common/capped_list.h"
#include "common/text.h"
#include "hcn/dump_formats.h"
#include "io/event_list.h"
#include "io/go_byte_policies.h"
#include "io/hns_commands.h"
#include "io/hns_member.h"
#include "io/kube_proxy_endpoints.h"
#include "io/logged_requests.h"
#include "io/logged_words.h"
#include "io/text_scan.h"
#include "io/text_tables.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string_view>

namespace hcn::io {

using namespace logged;

namespace {

using json = nlohmann::json;

/// Each info names at most this many objects, then "and N more".
constexpr std::size_t kMaxNamedLoggedObjects = 20;
/// A name of what is deleted is looked for this many lines before the deletion.
constexpr std::size_t kDeletionNameLinesBack = 3;
/// A DELETE's ID follows the method within this many bytes (`DELETE id:<guid>`).
constexpr std::size_t kMaxDeleteToId = 40;
/// A line's lines listed at most this many times per object.
constexpr std::size_t kMaxLinesListed = 10;

/// The classes whose `::Delete` hcsshim logs (`hcsshim::HNSNetwork::Delete id=...`,
/// `hcn::HostComputeEndpoint::Delete`).
constexpr KindSpelled kDeletedClasses[] = {
    {"HNSNetwork", ResourceKind::Network},
    {"HostComputeNetwork", ResourceKind::Network},
    {"HNSEndpoint", ResourceKind::Endpoint},
    {"HostComputeEndpoint", ResourceKind::Endpoint},
    {"PolicyList", ResourceKind::LoadBalancer},
    {"HostComputeLoadBalancer", ResourceKind::LoadBalancer},
    {"HostComputeNamespace", ResourceKind::Namespace},
    {"Namespace", ResourceKind::Namespace},
    {"HostComputeRoute", ResourceKind::SdnRoute},
};

/// What follows `hcnDelete` in the HCN functions (lower case): `HcnDeleteNetwork`, `hcnDeleteEndpoint`.
constexpr KindSpelled kHcnDeleted[] = {
    {"network", ResourceKind::Network},           {"endpoint", ResourceKind::Endpoint},
    {"loadbalancer", ResourceKind::LoadBalancer}, {"namespace", ResourceKind::Namespace},
    {"sdnroute", ResourceKind::SdnRoute},         {"route", ResourceKind::SdnRoute},
};

/// Words that name an HNS object in a log line (lower case): felix's `Found new HNS endpoint`,
/// flannel's `Found existing HNSNetwork cbr0`.
constexpr KindSpelled kNamingWords[] = {
    {"hns endpoint", ResourceKind::Endpoint},
    {"hnsendpoint", ResourceKind::Endpoint},
    {"hns network", ResourceKind::Network},
    {"hnsnetwork", ResourceKind::Network},
    {"hns namespace", ResourceKind::Namespace},
    {"hnsnamespace", ResourceKind::Namespace},
    {"hns load balancer", ResourceKind::LoadBalancer},
    {"hns loadbalancer", ResourceKind::LoadBalancer},
    {"hnsloadbalancer", ResourceKind::LoadBalancer},
    {"hns policy list", ResourceKind::LoadBalancer},
    {"hns policylist", ResourceKind::LoadBalancer},
    {"hnspolicylist", ResourceKind::LoadBalancer},
};

/// The words one of the two words before a kind is when a log names an object it looked up, made or
/// used by its name: flannel's `Found existing HNSNetwork cbr0`, `Created HNSNetwork cbr0`, `Found existing
/// bridge HNSEndpoint cbr0_ep`; `Got HNS network cbr0`; `Attaching HNS endpoint cbr0_ep to ...`.
constexpr std::string_view kLookedUpWords[] = {"found",    "existing", "using",    "used",      "created",
                                               "creating", "got",      "getting",  "attaching", "attached",
                                               "reusing",  "deleting", "removing", "updating",  "applied"};

/// Whether `at` is outside any braces on the line: a GUID inside `{...}` belongs to a document.
bool outsideBraces(std::string_view text, std::size_t at)
{
    int depth = 0;
    for (std::size_t i = 0; i < at; ++i)
        depth += text[i] == '{' ? 1 : text[i] == '}' && depth > 0 ? -1 : 0;
    return depth == 0;
}

struct Deleted
{
    ResourceKind kind = ResourceKind::Invalid;
    std::string id;
};

/// `hcsshim::HNSNetwork::Delete id=<guid>`.
std::optional<Deleted> classDeleteIn(std::string_view text)
{
    for (std::size_t at = text.find("::Delete"); at != std::string_view::npos;
         at = text.find("::Delete", at + 1)) {
        const std::size_t after = at + 8;
        if (after < text.size() && isLoggedWordChar(text[after]))
            continue; // `::DeleteAll`
        std::size_t start = at;
        while (start > 0 && isLoggedWordChar(text[start - 1]))
            --start;
        const std::string_view cls = text.substr(start, at - start);
        for (const KindSpelled& k : kDeletedClasses)
            if (cls == k.text)
                if (const std::size_t guid = findLoggedGuid(text, after); guid != std::string_view::npos)
                    return Deleted{k.kind, loggedGuid(text, guid)};
    }
    return std::nullopt;
}

/// `HcnDeleteNetwork ... <guid>`, `hcnDeleteEndpoint(<guid>)`.
std::optional<Deleted> hcnDeleteIn(std::string_view text, const std::string& lower)
{
    for (std::size_t at = lower.find("hcndelete"); at != std::string::npos;
         at = lower.find("hcndelete", at + 1)) {
        if (at > 0 && isLoggedWordChar(text[at - 1]))
            continue;
        std::size_t end = at + 9;
        while (end < text.size() && isLoggedWordChar(text[end]))
            ++end;
        const std::string_view what = std::string_view(lower).substr(at + 9, end - at - 9);
        for (const KindSpelled& k : kHcnDeleted)
            if (what == k.text)
                if (const std::size_t guid = findLoggedGuid(text, end); guid != std::string_view::npos)
                    return Deleted{k.kind, loggedGuid(text, guid)};
    }
    return std::nullopt;
}

/// `[DELETE]=>[/networks/<guid>]`, `Method[DELETE] Path[/endpoints/<guid>]`, azure-vnet's
/// `HNSNetworkRequest DELETE id:<guid>` (the kind named right before the method).
std::optional<Deleted> methodDeleteIn(std::string_view text, const std::string& lower)
{
    for (std::size_t at = text.find("DELETE"); at != std::string_view::npos;
         at = text.find("DELETE", at + 1)) {
        const std::size_t after = at + 6;
        if ((at > 0 && isLoggedWordChar(text[at - 1])) ||
            (after < text.size() && isLoggedWordChar(text[after])))
            continue;
        for (const KindSpelled& k : kCollections) {
            std::string path("/");
            path.append(k.text).push_back('/');
            const std::size_t p = lower.find(path, after);
            if (p != std::string::npos && findLoggedGuid(text, p + path.size()) == p + path.size())
                return Deleted{k.kind, loggedGuid(text, p + path.size())};
        }
        const std::size_t guid = findLoggedGuid(text, after);
        if (guid == std::string_view::npos || guid - after > kMaxDeleteToId)
            continue;
        const std::size_t from = at > kMaxDeleteToId ? at - kMaxDeleteToId : 0;
        if (const ResourceKind kind = kindNamedIn(text.substr(from, at - from));
            kind != ResourceKind::Invalid)
            return Deleted{kind, loggedGuid(text, guid)};
    }
    return std::nullopt;
}

std::optional<Deleted> deletionIn(std::string_view text)
{
    if (!holdsIgnoringCase(text, "delete"))
        return std::nullopt;
    // HNS's own event: "RPC request received. Type: 'Delete', Entity: 'Namespace', Id: '{<guid>}'".
    if (const std::optional<RpcRequestEvent> e = rpcRequestIn(text); e && !e->id.empty())
        return equalsIgnoreCase(e->type, "Delete") ? std::optional<Deleted>(Deleted{e->kind, e->id})
                                                   : std::nullopt;
    if (auto d = classDeleteIn(text))
        return d;
    const std::string lower = lowerCopy(text);
    if (auto d = hcnDeleteIn(text, lower))
        return d;
    return methodDeleteIn(text, lower);
}

/// A word that names an object: letters, digits, `_`, `-`, `.`; no GUID, no long hex ID (a docker
/// network's 64 digits), no word that only goes on.
std::string objectNameAt(std::string_view text, std::size_t at)
{
    while (at < text.size() &&
           (text[at] == ' ' || text[at] == ':' || text[at] == '"' || text[at] == '\'' || text[at] == '\\'))
        ++at;
    std::size_t end = at;
    while (end < text.size() && (isLoggedWordChar(text[end]) || text[end] == '-' || text[end] == '.'))
        ++end;
    while (end > at && text[end - 1] == '.')
        --end;
    const std::string_view name = text.substr(at, end - at);
    if (name.empty() || (end < text.size() && (text[end] == '=' || text[end] == ':' || text[end] == '/')))
        return {};
    if (tables::isGuid(name) || (name.size() >= 32 && std::all_of(name.begin(), name.end(), [](char c) {
                                     return std::isxdigit(static_cast<unsigned char>(c));
                                 })))
        return {};
    const std::string lower = lowerCopy(name);
    if (isWordAfterKind(lower))
        return {};
    return std::string(name);
}

/// The name a line gives what it says is being deleted: `Deleting network: Calico before ...`.
std::string deletedNameIn(std::string_view text, ResourceKind kind)
{
    const std::string lower = lowerCopy(text);
    const std::string label(resourceKindLabel(kind));
    for (std::size_t at = lower.find("delet"); at != std::string::npos; at = lower.find("delet", at + 1)) {
        std::size_t p = at;
        while (p < lower.size() && isLoggedWordChar(lower[p]))
            ++p;
        while (p < lower.size() && lower[p] == ' ')
            ++p;
        if (lower.compare(p, 4, "hns ") == 0)
            p += 4;
        if (lower.compare(p, label.size(), label) != 0)
            continue;
        p += label.size();
        if (p < lower.size() && isLoggedWordChar(lower[p]))
            continue;
        if (std::string name = objectNameAt(text, p); !name.empty())
            return name;
    }
    return {};
}

/// The name a line gives with a key (`name=cbr0`, `Name: "vxlan0"`, `name="nat"`) or in words (`with name
/// antrea-hnsnetwork`, `named vxlan0`); empty when none.
std::string keyedNameIn(std::string_view text)
{
    const std::string lower = lowerCopy(text);
    // The words stand right after the kind word, or after the one token (its ID) that follows it: `for
    // the pod named web-0` names no endpoint.
    std::size_t first = lower.find_first_not_of(' ');
    std::size_t second = first == std::string::npos ? first : lower.find(' ', first);
    second = second == std::string::npos ? second : lower.find_first_not_of(' ', second);
    for (std::size_t at = lower.find("name"); at != std::string::npos; at = lower.find("name", at + 1)) {
        std::size_t after = at + 4;
        if ((at > 0 && isLoggedWordChar(lower[at - 1])) || after >= lower.size())
            continue;
        const std::size_t wordsAt = lower[after] == ' ' && at >= 5 && lower.compare(at - 5, 5, "with ") == 0
                                        ? at - 5
                                    : lower.compare(after, 2, "d ") == 0 ? at
                                                                         : std::string::npos;
        const bool inWords = wordsAt != std::string::npos && (wordsAt == first || wordsAt == second);
        if (inWords)
            after += lower[after] == 'd' ? 1 : 0;
        else if (lower[after] != '=' && lower[after] != ':')
            continue;
        if (std::string name = objectNameAt(text, after + 1); !name.empty())
            return name;
    }
    return {};
}

/// The address logged with a mention: `IPAddress="100.97.47.77/32"`, `ip="..."`.
std::string addressAfter(std::string_view text, const std::string& lower, std::size_t from)
{
    for (const std::string_view key : {"ipaddress=", "ip=", "ipaddress:", "ip:", "(ip "}) {
        for (std::size_t at = lower.find(key, from); at != std::string::npos; at = lower.find(key, at + 1)) {
            if (at > 0 && isLoggedWordChar(lower[at - 1]))
                continue;
            std::size_t p = at + key.size();
            while (p < text.size() && (text[p] == '"' || text[p] == ' ' || text[p] == '\\'))
                ++p;
            std::size_t end = p;
            while (end < text.size() && text[end] != '"' && text[end] != ' ' && text[end] != ',' &&
                   text[end] != ')' && text[end] != '\\')
                ++end;
            const std::string_view value = text.substr(p, end - p);
            if (tables::isAddress(value))
                return std::string(value);
        }
    }
    return {};
}

struct Mentioned
{
    ResourceKind kind = ResourceKind::Invalid;
    std::string id;
    std::string name;
    std::string address;
    std::string role = {}; ///< LoggedObject::role
};

/// The HNS network kube-proxy is told to use on a line that starts it or sets its environment: its
/// `--network-name=Calico` flag, the `KUBE_NETWORK` variable (`$env:KUBE_NETWORK="cbr0"`,
/// `KUBE_NETWORK=cbr0`); empty when the line sets neither (`Please check environment variable
/// KUBE_NETWORK` sets nothing).
std::string kubeProxyNetworkOn(std::string_view text, const std::string& lower)
{
    for (const std::string_view setting : {"--network-name", "kube_network"}) {
        const std::size_t at = lower.find(setting);
        if (at == std::string::npos || (at > 0 && isLoggedWordChar(lower[at - 1]) && setting.front() != '-'))
            continue;
        std::size_t p = at + setting.size();
        while (p < lower.size() && (lower[p] == '"' || lower[p] == '\'' || lower[p] == ' '))
            ++p;
        if (p >= lower.size() || lower[p] != '=')
            if (setting != "--network-name" || p == at + setting.size())
                continue; // `--network-name Calico` (a blank) or `KUBE_NETWORK=...` only
        if (p < lower.size() && lower[p] == '=')
            ++p;
        std::string name = objectNameAt(text, p);
        if (!name.empty() && !name.starts_with('$') && !isWrittenPlaceholder(name))
            return name;
    }
    return {};
}

/// Where a kind word of `words` stands in `lower` as a word of its own, the earliest; npos when none.
std::size_t kindWordAt(const std::string& lower, const KindSpelled* words, std::size_t count,
                       const KindSpelled*& word, std::size_t from = 0)
{
    std::size_t at = std::string::npos;
    for (std::size_t k = 0; k < count; ++k) {
        for (std::size_t p = lower.find(words[k].text, from); p != std::string::npos && p < at;
             p = lower.find(words[k].text, p + 1)) {
            std::size_t after = p + words[k].text.size();
            if (after < lower.size() && lower[after] == 's')
                ++after; // plural
            if ((p > 0 && isLoggedWordChar(lower[p - 1])) ||
                (after < lower.size() && isLoggedWordChar(lower[after])))
                continue; // `HNSNetworkRequest`, `HostComputeEndpoint`
            const auto pathChar = [](char c) { return c == '\\' || c == '/' || c == '.' || c == '-'; };
            if ((p > 0 && pathChar(lower[p - 1])) ||
                (after + 1 < lower.size() && pathChar(lower[after]) && isLoggedWordChar(lower[after + 1])))
                continue; // a file's name or path: `C:\k\hnsnetwork.json`, `hns-network.conf`
            at = p;
            word = &words[k];
            break;
        }
    }
    return at;
}

/// The end of the kind word at `at` (its plural `s` included).
std::size_t kindWordEnd(const std::string& lower, std::size_t at, const KindSpelled& word)
{
    std::size_t after = at + word.text.size();
    return after < lower.size() && lower[after] == 's' ? after + 1 : after;
}

/// A GUID that follows a kind word right after it (`endpoint 1b8e...`, `endpoint Id=1b8e...`,
/// `network: "..."`); npos when none does.
std::size_t guidRightAfter(std::string_view text, const std::string& lower, std::size_t after)
{
    std::size_t p = after;
    while (p < lower.size() && (lower[p] == ' ' || lower[p] == ':' || lower[p] == '=' || lower[p] == '"' ||
                                lower[p] == '\'' || lower[p] == '('))
        ++p;
    if (lower.compare(p, 2, "id") == 0 && p + 2 < lower.size() && !isLoggedWordChar(lower[p + 2])) {
        p += 2;
        while (p < lower.size() && (lower[p] == ' ' || lower[p] == ':' || lower[p] == '=' || lower[p] == '"'))
            ++p;
    }
    return findLoggedGuid(text, p) == p ? p : std::string_view::npos;
}

/// kube-proxy's `endpointInfo={ip:10.244.1.5 ... hnsID:1b8e...}`, azure-vnet's `HnsId:...` and
/// kube-proxy's `hnsNetworkInfo=&{name:Calico id:9fb7...}`: the GUID after an `hnsID` key, inside a
/// document or not, else after an `id` key of the struct the text after `from` opens (not one nested
/// in it: a policy's `Id` is no ID of the object); npos when none.
std::size_t hnsIdKeyedGuid(std::string_view text, const std::string& lower, std::size_t from)
{
    // The depth is counted along the text once: the keys are found in the order of the text.
    int depth = 0;
    std::size_t counted = from;
    const auto depthAt = [&](std::size_t at) {
        for (; counted < at; ++counted)
            depth += lower[counted] == '{' ? 1 : lower[counted] == '}' ? -1 : 0;
        return depth;
    };
    for (const std::string_view key : {"hnsid", "id"})
        for (std::size_t at = lower.find(key, from); at != std::string::npos; at = lower.find(key, at + 1)) {
            if (at > 0 && isLoggedWordChar(lower[at - 1]))
                continue;
            if (key == "id" && depthAt(at) != 1)
                continue;
            std::size_t p = at + key.size();
            while (p < lower.size() &&
                   (lower[p] == '"' || lower[p] == ':' || lower[p] == '=' || lower[p] == ' '))
                ++p;
            if (p > at + key.size() && findLoggedGuid(text, p) == p)
                return p;
        }
    return std::string::npos;
}

/// Whether one of the two words before `at` is one of kLookedUpWords.
bool lookedUpBefore(const std::string& lower, std::size_t at)
{
    std::string_view before = std::string_view(lower).substr(0, at);
    for (int word = 0; word < 2; ++word) {
        while (!before.empty() && before.back() == ' ')
            before.remove_suffix(1);
        const std::size_t blank = before.rfind(' ');
        const std::string_view last = blank == std::string_view::npos ? before : before.substr(blank + 1);
        if (std::find(std::begin(kLookedUpWords), std::end(kLookedUpWords), last) != std::end(kLookedUpWords))
            return true;
        before = before.substr(0, before.size() - last.size());
    }
    return false;
}

/// Whether the name `name` read after a kind word (from `after` in `lower`) is followed by words saying
/// the object exists: a start script's `HNS network Calico found.`, `... already exists`, `... is ready`.
bool foundAfterName(const std::string& lower, std::size_t after, const std::string& name)
{
    const std::size_t at = lower.find(lowerCopy(name), after);
    if (at == std::string::npos)
        return false;
    std::string_view rest = std::string_view(lower).substr(at + name.size());
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '"' || rest.front() == '\''))
        rest.remove_prefix(1);
    for (const std::string_view words : {"found", "was found", "exists", "already exists", "is ready",
                                         "is present", "was created", "is created"})
        if (rest.starts_with(words) && (rest.size() == words.size() || !isLoggedWordChar(rest[words.size()])))
            return true;
    return false;
}

/// A line naming an HNS object without dumping it: an HNS kind word (`HNS endpoint`, `HNSNetwork`), then
/// its ID outside any document, an `hnsID` key's ID (else an `id` key's of the struct after it), a
/// `name=` key or, after words of looking the
/// object up or making it (`Found existing HNSNetwork cbr0`, `Created HNSNetwork cbr0`) or before words
/// saying it exists (`HNS network Calico found.`), its name; or a
/// kind word without `hns` right before a GUID (`Attaching endpoint 1b8e... to`). `hns` in a path or a
/// longer word (`C:\k\hns.psm1`, `hnsdiag`) names nothing.
std::optional<Mentioned> mentionIn(std::string_view text)
{
    if (holdsIgnoringCase(text, "--network-name") || holdsIgnoringCase(text, "kube_network")) {
        const std::string lower = lowerCopy(text);
        if (std::string name = kubeProxyNetworkOn(text, lower); !name.empty())
            return Mentioned{
                ResourceKind::Network, {}, std::move(name), {}, "the network kube-proxy is told to use"};
    }
    const bool hns = holdsIgnoringCase(text, "hns");
    if (!hns && findLoggedGuid(text, 0) == std::string_view::npos)
        return std::nullopt;
    const std::string lower = lowerCopy(text);
    const KindSpelled* word = nullptr;
    const std::size_t at =
        hns ? kindWordAt(lower, kNamingWords, std::size(kNamingWords), word) : std::string::npos;
    if (at != std::string::npos) {
        const std::size_t after = kindWordEnd(lower, at, *word);
        // The depth is counted along the line once, however many GUIDs a document on it holds.
        int depth = 0;
        std::size_t counted = 0;
        for (std::size_t guid = findLoggedGuid(text, after); guid != std::string_view::npos;
             guid = findLoggedGuid(text, guid + 36)) {
            for (; counted < guid; ++counted)
                depth += text[counted] == '{' ? 1 : text[counted] == '}' && depth > 0 ? -1 : 0;
            if (depth == 0)
                return Mentioned{word->kind, loggedGuid(text, guid), keyedNameIn(text.substr(after)),
                                 addressAfter(text, lower, after)};
        }
        if (const std::size_t guid = hnsIdKeyedGuid(text, lower, after); guid != std::string::npos)
            return Mentioned{word->kind, loggedGuid(text, guid), keyedNameIn(text.substr(after)),
                             addressAfter(text, lower, after)};
        if (std::string name = keyedNameIn(text.substr(after)); !name.empty())
            return Mentioned{word->kind, {}, std::move(name), {}};
        // A name only right after words of looking the object up or making it; prose around an HNS
        // word names nothing.
        if (std::string name = objectNameAt(text, after);
            !name.empty() && (lookedUpBefore(lower, at) || foundAfterName(lower, after, name)))
            return Mentioned{word->kind, {}, std::move(name), {}};
    }
    // A kind word without `hns` whose GUID follows it (`Attaching endpoint 1b8e... to`, `endpoint 1b8e...
    // (IP 10.244.1.5) already exists`); each such word on the line is tried.
    for (std::size_t from = 0;;) {
        const KindSpelled* bare = nullptr;
        const std::size_t p = kindWordAt(lower, kKindWords, std::size(kKindWords), bare, from);
        if (p == std::string::npos)
            break;
        const std::size_t after = kindWordEnd(lower, p, *bare);
        if (const std::size_t guid = guidRightAfter(text, lower, after);
            guid != std::string_view::npos && outsideBraces(text, guid))
            return Mentioned{bare->kind, loggedGuid(text, guid), {}, addressAfter(text, lower, after)};
        from = after;
    }
    return std::nullopt;
}

void addLine(std::vector<int>& lines, int line)
{
    if (lines.empty() || lines.back() != line)
        lines.push_back(line);
}

/// An object a record of several lines names, and its lines.
struct MentionedByRecord
{
    Mentioned object;
    int firstLine = 0;
    int lastLine = 0;
};

/// kube-proxy's records printed by go-spew over several lines (`(*winkernel.serviceInfo)({` ...
/// `hnsID: (string) (len=36) "9e93..."`, `(*winkernel.endpointsInfo)({`) or with `%#v`
/// (`&winkernel.endpointsInfo{... hnsId:"..."}`): the load balancer or endpoint each names by its `hnsID`,
/// with the service's address (`10.96.0.10:53/UDP`) or the endpoint's. Only a text naming kube-proxy's
/// package is read for them.
std::vector<MentionedByRecord> kubeProxyRecordMentions(const std::vector<CleanedLine>& lines)
{
    std::vector<MentionedByRecord> found;
    if (std::none_of(lines.begin(), lines.end(),
                     [](const CleanedLine& l) { return l.text.find("winkernel.") != std::string::npos; }))
        return found;
    for (const ExtractResult& read : {extractGoSpewDumps(lines), extractGoStructDumps(lines)})
        for (const FoundValue& value : read.values) {
            if (const std::optional<KubeProxyEndpoint> endpoint = kubeProxyEndpointIn(value.value))
                found.push_back({{ResourceKind::Endpoint, endpoint->id, {}, endpoint->ip},
                                 value.firstLine,
                                 value.lastLine});
            else if (const std::optional<KubeProxyService> service = kubeProxyServiceIn(value.value))
                found.push_back({{ResourceKind::LoadBalancer, service->id, {}, service->address},
                                 value.firstLine,
                                 value.lastLine});
        }
    std::sort(found.begin(), found.end(), [](const MentionedByRecord& a, const MentionedByRecord& b) {
        return a.firstLine < b.firstLine;
    });
    return found;
}

/// "line 4", "lines 3-4", "lines 4, 6, 8", "lines 3-4, 9".
std::string loggedLinesText(const std::vector<int>& lines)
{
    std::string text;
    std::size_t runs = 0;
    for (std::size_t i = 0; i < lines.size();) {
        std::size_t j = i;
        while (j + 1 < lines.size() && lines[j + 1] == lines[j] + 1)
            ++j;
        if (runs++ == kMaxLinesListed) {
            text += ", ...";
            break;
        }
        text += (text.empty() ? "" : ", ") + std::to_string(lines[i]);
        if (j > i)
            text += "-" + std::to_string(lines[j]);
        i = j + 1;
    }
    return (lines.size() == 1 ? "line " : "lines ") + text;
}

/// Whether a line sends a request to HNS (or logs one sent): hcsshim's `[GET]=>[/endpoints/]` and
/// `hcsshim::HNSNetwork::Create`, hns.psm1's `Method[POST] Path[/networks]`, azure-vnet's
/// `HNSEndpointRequest`, an HCN call logged without its failure. An answer after such a line answers it.
bool requestLine(std::string_view text)
{
    // Every form below holds one of these: the many lines holding none are spared a lower-cased copy.
    if (!holdsAnyIgnoringCase(text, {"hns", "hcn", "hcsshim::", "method["}) &&
        text.find("]=>[") == std::string_view::npos)
        return false;
    const std::string lower = lowerCopy(text);
    if (lower.find("]=>[") != std::string::npos || lower.find("hcsshim::") != std::string::npos ||
        lower.find("hcn::") != std::string::npos || lower.find("method[") != std::string::npos ||
        lower.find("hnscall method") != std::string::npos)
        return true;
    for (std::size_t at = lower.find("hns"); at != std::string::npos; at = lower.find("hns", at + 1)) {
        if (at > 0 && isLoggedWordChar(lower[at - 1]))
            continue;
        std::size_t end = at;
        while (end < lower.size() && isLoggedWordChar(lower[end]))
            ++end;
        if (end - at > 10 && lower.compare(end - 7, 7, "request") == 0)
            return true; // `HNSNetworkRequest`
    }
    if (lower.find("fail") != std::string::npos)
        return false;
    for (const std::string_view call : {"hcncreate", "hcnmodify", "hcnopen", "hcnquery", "hcnenumerate"})
        if (lower.find(call) != std::string::npos)
            return true;
    return false;
}

/// Whether an error names an operation other than `verb` (the start of its words: "delet", "create"):
/// `hcnCreateEndpoint failed ...` names another than a deletion; then it answers no such request logged
/// before it.
bool namesOperationOtherThan(const std::string& lowerError, std::string_view verb)
{
    if (lowerError.find(verb) != std::string::npos)
        return false;
    for (const std::string_view op : {"delet", "create", "modify", "update", "attach", "detach", "post ",
                                      "patch", "query", "enumerat", "hcnopen", "apply"})
        if (op != verb && lowerError.find(op) != std::string::npos)
            return true;
    return false;
}

bool namesOtherOperation(const std::string& lowerError)
{
    return namesOperationOtherThan(lowerError, "delet");
}

/// The refusal among `refusalAt` (a source's refusals by their first line) that answers create request `r` on
/// lines after it (answerLoggedRequests: within kMaxLinesToAnswer, before the next request): one that names
/// no other operation and no other kind of object. nullptr for any other request or answer.
const detail::NamedRefusal* createRefusalOf(const std::multimap<int, const detail::NamedRefusal*>& refusalAt,
                                            const LoggedRequest& r)
{
    if (r.asker != LoggedRequest::Asker::Program || r.answer != LoggedRequest::Answer::Refused ||
        !r.what.starts_with("create ") || r.answerLine <= r.line)
        return nullptr;
    const auto [from, to] = refusalAt.equal_range(r.answerLine);
    for (auto it = from; it != to; ++it) {
        const detail::NamedRefusal& refusal = *it->second;
        const std::string lower = lowerCopy(refusal.error);
        const ResourceKind kind = kindNamedIn(lower);
        if (namesOperationOtherThan(lower, "create") || (kind != ResourceKind::Invalid && kind != r.kind))
            return nullptr;
        return &refusal;
    }
    return nullptr;
}

/// The refusal among `refusals` (of `source`) that says HNS refused `deletion`: one on the deletion's
/// lines; one logged right after them about deleting such an object; or HNS's answer logged after it,
/// with no other request between them and no other operation named. nullptr when none does.
const detail::NamedRefusal* refusalOf(const std::vector<detail::NamedRefusal>& refusals,
                                      const std::string& source, const LoggedObject& deletion,
                                      const std::vector<int>& requestLines)
{
    const detail::NamedRefusal* after = nullptr;
    for (const detail::NamedRefusal& r : refusals) {
        if (r.source != source || r.firstLine <= 0)
            continue;
        const std::string lower = lowerCopy(r.error);
        const ResourceKind kind = kindNamedIn(lower);
        const bool same = lower.find("delet") != std::string::npos &&
                          (kind == ResourceKind::Invalid || kind == deletion.kind);
        for (const int line : deletion.lines)
            if (line >= r.firstLine - (same ? 1 : 0) && line <= std::max(r.firstLine, r.lastLine))
                return &r;
        const int last = deletion.lines.back();
        if (r.firstLine <= last || r.firstLine - last > kMaxLinesToAnswer || namesOtherOperation(lower) ||
            (kind != ResourceKind::Invalid && kind != deletion.kind) ||
            (after && after->firstLine <= r.firstLine))
            continue;
        after = &r;
    }
    if (!after)
        return nullptr;
    const auto next = std::upper_bound(requestLines.begin(), requestLines.end(), deletion.lines.back());
    if (next != requestLines.end() && *next < after->firstLine)
        return nullptr; // the answer is another request's
    return after;
}

/// Whether one of `refusals` (of `source`) refuses the deletion a typed command asks: one after its first
/// line, within kMaxLinesToAnswer of its last and before the next request or typed deletion, that names
/// its cmdlet (the cmdlet's error record: "Remove-ContainerNetwork (delete network net1) failed: ...") or
/// no operation at all. One naming another cmdlet or operation is that one's (`Remove-ContainerNetwork
/// -Name net1; New-ContainerNetwork -Name net2` refused `New-ContainerNetwork : Element not found.`).
bool commandRefused(const CommandDeletion& deletion, const std::vector<CommandDeletion>& deletions,
                    const std::vector<detail::NamedRefusal>& refusals, const std::string& source,
                    const std::vector<int>& requestLines)
{
    int until = deletion.lastLine + kMaxLinesToAnswer;
    if (const auto next = std::upper_bound(requestLines.begin(), requestLines.end(), deletion.lastLine);
        next != requestLines.end())
        until = std::min(until, *next - 1);
    for (const CommandDeletion& d : deletions)
        if (d.firstLine > deletion.lastLine)
            until = std::min(until, d.firstLine - 1);
    for (const detail::NamedRefusal& r : refusals) {
        if (r.source != source || r.firstLine < deletion.firstLine || r.firstLine > until)
            continue;
        const std::string lower = lowerCopy(r.error);
        if (lower.starts_with(lowerCopy(deletion.cmdlet) + " ("))
            return true;
        if (!namesAnotherCommand(r, deletion.cmdlet) && !namesOtherOperation(lower))
            return true;
    }
    return false;
}

int firstLoggedLine(const LoggedObject& o)
{
    return o.nameLine > 0 ? std::min(o.nameLine, o.lines.front()) : o.lines.front();
}

std::string namedLoggedObjects(const std::vector<std::string>& entries)
{
    return cappedList(entries, kMaxNamedLoggedObjects, ", ", ", ");
}

/// Notes each object of `op`'s source that a typed command of `op.deletions` deletes after it was
/// printed, with `note(object, said)`: the objects of its kind it names by ID or name, or all of them,
/// printed before the command and not named by a value read after it (an object or a message: the state
/// after the command), nor shown again after it (another object of that ID or name). Each object once.
template <typename Note>
void reportCommandDeletions(const LoggedOperations& op, std::vector<ImportedObject>& objects, Note note)
{
    if (std::none_of(op.deletions.begin(), op.deletions.end(),
                     [](const LoggedObject& d) { return !d.command.empty(); }))
        return;
    // The last line each ID and each name (by kind, lower case) starts an object of the source at.
    std::map<std::string, int> lastById;
    std::map<std::pair<ResourceKind, std::string>, int> lastByName;
    for (const ImportedObject& o : objects) {
        if (o.source != op.source)
            continue;
        if (!o.idMadeUp) {
            int& last = lastById[upperCopy(o.id)];
            last = std::max(last, o.firstLine);
        }
        if (!o.name.empty()) {
            int& last = lastByName[{o.kind, lowerCopy(o.name)}];
            last = std::max(last, o.firstLine);
        }
    }
    const auto shownAfter = [&](const ImportedObject& o, int line) {
        if (!o.idMadeUp) {
            const std::string id = upperCopy(o.id);
            if (const auto it = op.lastShownAt.find(id); it != op.lastShownAt.end() && it->second > line)
                return true;
            if (lastById[id] > line)
                return true;
        }
        return !o.name.empty() && lastByName[{o.kind, lowerCopy(o.name)}] > line;
    };
    std::set<std::size_t> noted;
    for (const LoggedObject& d : op.deletions) {
        if (d.command.empty())
            continue;
        const int first = d.lines.front();
        const int last = d.lines.back();
        for (std::size_t i = 0; i < objects.size(); ++i) {
            ImportedObject& o = objects[i];
            if (o.source != op.source || o.kind != d.kind || o.firstLine <= 0 ||
                std::max(o.firstLine, o.lastLine) >= first || noted.count(i) != 0)
                continue;
            const bool named = d.every || (!d.id.empty() && !o.idMadeUp && equalsIgnoreCase(o.id, d.id)) ||
                               (!d.name.empty() && equalsIgnoreCase(o.name, d.name));
            if (!named || shownAfter(o, last))
                continue;
            noted.insert(i);
            const std::string kind(resourceKindLabel(d.kind));
            note(o, "a command at " + loggedLinesText(d.lines) + " (" + d.command + ") deletes " +
                        (d.every ? "every " + kind + ", this one too," : std::string("it")) +
                        " after it was printed (" + tables::lineRange(o.firstLine, o.lastLine) +
                        "); the snapshot shows it as printed, it may be gone");
        }
    }
}

} // namespace

LoggedOperations operationsLoggedIn(const std::vector<CleanedLine>& lines, const std::string& source,
                                    const std::vector<detail::NamedRefusal>& refusals,
                                    const std::vector<std::pair<int, int>>& shown)
{
    LoggedOperations result;
    result.source = source;
    std::map<std::pair<ResourceKind, std::string>, std::size_t> deletionAt;
    std::vector<std::size_t> deletionFirstLine; // index into `lines` of each deletion's first line
    std::set<std::size_t> deletionLines;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::optional<Deleted> d = deletionIn(lines[i].text);
        if (!d)
            continue;
        deletionLines.insert(i);
        auto [it, added] =
            deletionAt.emplace(std::make_pair(d->kind, upperCopy(d->id)), result.deletions.size());
        if (added) {
            result.deletions.push_back({d->kind, d->id, {}, 0, {}, {}, {}});
            deletionFirstLine.push_back(i);
        }
        LoggedObject& deletion = result.deletions[it->second];
        addLine(deletion.lines, lines[i].sourceLine);
        if (deletion.event.empty() && rpcRequestIn(lines[i].text))
            deletion.event = eventShownAt(lines, i);
    }
    // The name the log gives: on the deletion's line or a few before it, up to another deletion's line.
    for (std::size_t n = 0; n < result.deletions.size(); ++n) {
        LoggedObject& d = result.deletions[n];
        const std::size_t first = deletionFirstLine[n];
        for (std::size_t back = 0; back <= kDeletionNameLinesBack && back <= first; ++back) {
            const std::size_t i = first - back;
            if (back > 0 && deletionLines.count(i) != 0) {
                const std::optional<Deleted> other = deletionIn(lines[i].text);
                if (other && (other->kind != d.kind || upperCopy(other->id) != upperCopy(d.id)))
                    break;
            }
            std::string name = deletedNameIn(lines[i].text, d.kind);
            if (name.empty() && back == 0)
                name = keyedNameIn(lines[i].text); // the line logging the deletion names it
            if (!name.empty()) {
                d.name = std::move(name);
                d.nameLine = lines[i].sourceLine;
                break;
            }
        }
    }
    UnownedGoBytePolicies policies = unownedGoBytePoliciesIn(lines, shown);
    result.unownedPolicies = std::move(policies.found);
    result.cutUnownedPolicies = std::move(policies.cut);
    // Other requests: hcsshim's `[POST]=>[...]` and HNS's RPC request events.
    const std::vector<std::pair<int, int>> merged = tables::joinedRuns(shown); // ascending
    const auto isShown = [&merged](int line) { return tables::inRuns(merged, line); };
    std::vector<std::size_t> requestAt; // index into `lines` of each request
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (deletionLines.count(i) != 0)
            continue;
        std::optional<LoggedRequest> r = loggedRequestAt(lines, i);
        if (!r)
            continue;
        r->line = lines[i].sourceLine;
        r->shown = isShown(r->line);
        result.requests.push_back(std::move(*r));
        requestAt.push_back(i);
    }
    // PowerShell commands that create or delete objects, among the requests in the order of the text. A
    // command is left out only where a program logged that request on its line (the same request printed
    // as a log line); the commands of one line are each kept, in the order typed.
    HnsCommands commands = hnsCommandsIn(lines, merged);
    std::set<std::size_t> commandLines(commands.lineIndex.begin(), commands.lineIndex.end());
    const std::set<std::size_t> loggedRequestLines(requestAt.begin(), requestAt.end());
    for (std::size_t n = 0; n < commands.requests.size(); ++n) {
        if (loggedRequestLines.count(commands.at[n]) != 0 || deletionLines.count(commands.at[n]) != 0)
            continue;
        const auto before = std::upper_bound(requestAt.begin(), requestAt.end(), commands.at[n]);
        result.requests.insert(result.requests.begin() + (before - requestAt.begin()),
                               std::move(commands.requests[n]));
        requestAt.insert(before, commands.at[n]);
    }
    std::vector<int> requestLines; // source lines that send HNS a request, ascending
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (deletionLines.count(i) != 0 || requestLine(lines[i].text))
            requestLines.push_back(lines[i].sourceLine);
    for (const LoggedRequest& r : result.requests)
        requestLines.push_back(r.line);
    std::sort(requestLines.begin(), requestLines.end());
    requestLines.erase(std::unique(requestLines.begin(), requestLines.end()), requestLines.end());
    const std::set<std::size_t> answerLines =
        answerLoggedRequests(result.requests, requestAt, lines, source, refusals, requestLines);
    joinRepeatedRequests(result.requests);
    joinRepeatedAsks(result.requests);
    // A create request a value states that HNS refused lines later: the refusal's message names it. The
    // source's refusals by their first line, once.
    std::multimap<int, const detail::NamedRefusal*> refusalAt;
    for (const detail::NamedRefusal& refusal : refusals)
        if (refusal.source == source && !refusal.notRun)
            refusalAt.emplace(refusal.firstLine, &refusal);
    for (const LoggedRequest& r : result.requests) {
        if (r.shown)
            if (const detail::NamedRefusal* refusal = createRefusalOf(refusalAt, r))
                result.refusedRequests.emplace_back(r, refusal->message);
        // A typed command's refusal, on the line its answer was read from.
        if (r.asker == LoggedRequest::Asker::Command && r.answer == LoggedRequest::Answer::Refused)
            if (const auto refusal = refusalAt.find(r.answerLine); refusal != refusalAt.end())
                result.refusedCommands.emplace_back(r, refusal->second->message);
    }
    std::erase_if(result.deletions, [&](const LoggedObject& d) {
        const detail::NamedRefusal* r = refusalOf(refusals, source, d, requestLines);
        if (r && std::any_of(d.lines.begin(), d.lines.end(), [r](int line) {
                return line < r->firstLine || line > std::max(r->firstLine, r->lastLine);
            }))
            result.refused.push_back({d, r->message});
        return r != nullptr;
    });
    // The deletions typed commands ask, but for those refused after them.
    for (const CommandDeletion& d : commands.deletions) {
        if (commandRefused(d, commands.deletions, refusals, source, requestLines))
            continue;
        LoggedObject typed{d.kind, d.id, d.name, 0, {}, {}, {}, d.cmdlet, d.every};
        for (int line = d.firstLine; line <= d.lastLine; ++line)
            typed.lines.push_back(line);
        result.deletions.push_back(std::move(typed));
    }
    if (!commands.deletions.empty()) {
        // Where the values read from the text name each ID after the first of them: a value read after a
        // deletion is the state after it.
        const int from = commands.deletions.front().lastLine;
        for (const CleanedLine& line : lines) {
            if (line.sourceLine <= from || !isShown(line.sourceLine))
                continue;
            for (std::size_t g = findLoggedGuid(line.text, 0); g != std::string_view::npos;
                 g = findLoggedGuid(line.text, g + 36)) {
                int& last = result.lastShownAt[upperCopy(loggedGuid(line.text, g))];
                last = std::max(last, line.sourceLine);
            }
        }
    }

    // Mentions: lines no object, message or deletion states, naming an object by ID or name; an ID
    // named so is then also counted on the other lines that name it.
    std::set<std::size_t> requestIndexes(requestAt.begin(), requestAt.end());
    requestIndexes.insert(commandLines.begin(), commandLines.end());
    const auto saysRequest = [&](std::size_t i) {
        return deletionLines.count(i) != 0 || requestIndexes.count(i) != 0 || answerLines.count(i) != 0;
    };
    std::set<std::string> deletedIds;
    for (const auto& [key, index] : deletionAt)
        deletedIds.insert(key.second);
    std::map<std::string, std::size_t> mentionById; // ID in upper case -> index
    std::map<std::pair<ResourceKind, std::string>, std::size_t> mentionByName;
    std::vector<bool> counted(lines.size(), false);
    // Lines of kube-proxy's records: the record names its object, its lines are counted for it.
    std::vector<std::pair<int, int>> recordRuns;
    std::vector<MentionedByRecord> records = kubeProxyRecordMentions(lines);
    std::erase_if(records, [&](const MentionedByRecord& r) { return isShown(r.firstLine); });
    for (const MentionedByRecord& r : records)
        recordRuns.emplace_back(r.firstLine, r.lastLine);
    recordRuns = tables::joinedRuns(std::move(recordRuns));
    const auto inRecord = [&recordRuns](int line) { return tables::inRuns(recordRuns, line); };
    std::size_t nextRecord = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (saysRequest(i) || isShown(lines[i].sourceLine))
            continue;
        // A record starting here: its object is named at its lines, as a line naming it would.
        for (; nextRecord < records.size() && records[nextRecord].firstLine <= lines[i].sourceLine;
             ++nextRecord) {
            const MentionedByRecord& r = records[nextRecord];
            const std::string key = upperCopy(r.object.id);
            if (deletedIds.count(key) != 0)
                continue;
            auto [it, added] = mentionById.emplace(key, result.mentions.size());
            if (added)
                result.mentions.push_back({r.object.kind, r.object.id, {}, 0, r.object.address, {}, {}});
            LoggedObject& m = result.mentions[it->second];
            if (m.address.empty())
                m.address = r.object.address;
            for (int line = r.firstLine; line <= r.lastLine; ++line)
                addLine(m.lines, line);
        }
        if (inRecord(lines[i].sourceLine)) {
            counted[i] = true;
            continue;
        }
        std::optional<Mentioned> m = mentionIn(lines[i].text);
        if (!m || (!m->id.empty() && deletedIds.count(upperCopy(m->id)) != 0))
            continue;
        std::size_t index = result.mentions.size();
        const auto known = !m->id.empty() ? mentionById.find(upperCopy(m->id)) : mentionById.end();
        const auto knownName = m->id.empty() ? mentionByName.find({m->kind, m->name}) : mentionByName.end();
        if (known != mentionById.end())
            index = known->second;
        else if (knownName != mentionByName.end())
            index = knownName->second;
        else {
            result.mentions.push_back({m->kind, m->id, m->name, 0, m->address, {}, {}, {}, false, m->role});
            if (!m->id.empty())
                mentionById.emplace(upperCopy(m->id), index);
            else
                mentionByName.emplace(std::make_pair(m->kind, m->name), index);
        }
        if (result.mentions[index].address.empty())
            result.mentions[index].address = m->address;
        if (result.mentions[index].role.empty())
            result.mentions[index].role = m->role;
        addLine(result.mentions[index].lines, lines[i].sourceLine);
        counted[i] = true;
    }
    if (!mentionById.empty()) {
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (counted[i] || saysRequest(i) || isShown(lines[i].sourceLine))
                continue;
            const std::string_view text = lines[i].text;
            for (std::size_t g = findLoggedGuid(text, 0); g != std::string_view::npos;
                 g = findLoggedGuid(text, g + 36)) {
                const auto it = mentionById.find(upperCopy(loggedGuid(text, g)));
                if (it != mentionById.end() && outsideBraces(text, g)) {
                    addLine(result.mentions[it->second].lines, lines[i].sourceLine);
                    break;
                }
            }
        }
        for (LoggedObject& m : result.mentions)
            std::sort(m.lines.begin(), m.lines.end());
    }
    return result;
}

void reportLoggedOperations(const std::vector<LoggedOperations>& operations,
                            std::vector<ImportedObject>& objects, std::vector<nlohmann::json>& documents,
                            std::vector<ImportMessage>& messages)
{
    std::map<std::string, std::size_t> objectById;
    std::map<std::pair<ResourceKind, std::string>, std::size_t> objectByName;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        if (!objects[i].idMadeUp)
            objectById.emplace(upperCopy(objects[i].id), i);
        if (!objects[i].name.empty())
            objectByName.emplace(std::make_pair(objects[i].kind, objects[i].name), i);
    }
    // An object whose ID the import made up, by kind and name: the only one, or none when two are.
    std::map<std::pair<ResourceKind, std::string>, std::optional<std::size_t>> madeUpByName;
    for (std::size_t i = 0; i < objects.size(); ++i)
        if (objects[i].idMadeUp && !objects[i].name.empty()) {
            auto [it, added] = madeUpByName.emplace(std::make_pair(objects[i].kind, objects[i].name), i);
            if (!added)
                it->second.reset();
        }
    const auto noteDeleted = [&messages](ImportedObject& o, const std::string& said) {
        o.notes.push_back(said);
        messages.push_back({ImportSeverity::Info, o.source, o.firstLine, o.lastLine, o.kind, o.id,
                            std::string(resourceKindLabel(o.kind)) + " " +
                                (o.name.empty() ? o.id : o.name + " (" + o.id + ")") + ": " + said});
    };
    for (const LoggedOperations& op : operations) {
        // HNS policies printed as Go bytes that no object owns: whole ones an info, cut ones a warning.
        for (const auto& [said, severity] : {std::pair(&op.unownedPolicies, ImportSeverity::Info),
                                             std::pair(&op.cutUnownedPolicies, ImportSeverity::Warning)})
            if (*said)
                messages.push_back({severity,
                                    op.source,
                                    (*said)->firstLine,
                                    (*said)->lastLine,
                                    ResourceKind::Invalid,
                                    {},
                                    (*said)->message,
                                    true});
        std::map<std::size_t, std::vector<std::string>> refusedAnswers; // message -> deletions it answers
        for (const auto& [d, message] : op.refused)
            if (message < messages.size())
                refusedAnswers[message].push_back(std::string(resourceKindLabel(d.kind)) + " " + d.id +
                                                  " at " + loggedLinesText(d.lines));
        for (const auto& [message, deletions] : refusedAnswers)
            messages[message].message += std::string(" (HNS's answer to the deletion") +
                                         (deletions.size() == 1 ? " of " : "s of ") +
                                         namedLoggedObjects(deletions) + ")";
        const auto logged = std::find_if(op.deletions.begin(), op.deletions.end(),
                                         [](const LoggedObject& d) { return d.command.empty(); });
        if (logged != op.deletions.end()) {
            std::vector<std::string> entries;
            int first = logged->lines.front();
            int last = first;
            for (const LoggedObject& d : op.deletions) {
                if (!d.command.empty())
                    continue;
                first = std::min(first, firstLoggedLine(d));
                last = std::max(last, d.lines.back());
                auto held = objectById.find(upperCopy(d.id));
                // An object dumped without its ID, named as the deletion names it.
                bool byName = false;
                if (held == objectById.end() && !d.name.empty())
                    if (const auto it = madeUpByName.find({d.kind, d.name});
                        it != madeUpByName.end() && it->second) {
                        held = objectById.emplace(upperCopy(d.id), *it->second).first;
                        byName = true;
                    }
                std::string entry = std::string(resourceKindLabel(d.kind)) + " " + d.id;
                if (!d.name.empty())
                    entry += " (\"" + d.name + "\", as line " + std::to_string(d.nameLine) + " names it)";
                else if (held != objectById.end() && !objects[held->second].name.empty())
                    entry += " (\"" + objects[held->second].name + "\")";
                entry += " at " + loggedLinesText(d.lines);
                if (!d.event.empty())
                    entry += " (" + d.event + ")";
                if (held != objectById.end()) {
                    entry += byName ? ", which the snapshot holds under that name (its ID not dumped)"
                                    : ", which the snapshot holds";
                    noteDeleted(
                        objects[held->second],
                        "HNS was asked to delete it (" + op.source + ", " + loggedLinesText(d.lines) +
                            (byName ? ", by its name; the ID the log gives it is " + d.id : std::string()) +
                            "): it was printed before that, or the deletion failed");
                }
                entries.push_back(std::move(entry));
            }
            messages.push_back({ImportSeverity::Info,
                                op.source,
                                first,
                                last,
                                ResourceKind::Invalid,
                                {},
                                "HNS was asked to delete: " + namedLoggedObjects(entries)});
        }
        reportCommandDeletions(op, objects, noteDeleted);
        std::vector<std::string> entries;
        int first = 0;
        int last = 0;
        for (const LoggedObject& m : op.mentions) {
            const bool held = !m.id.empty() ? objectById.count(upperCopy(m.id)) != 0
                                            : objectByName.count(std::make_pair(m.kind, m.name)) != 0;
            if (held)
                continue;
            first = first == 0 ? m.lines.front() : std::min(first, m.lines.front());
            last = std::max(last, m.lines.back());
            std::string entry = std::string(resourceKindLabel(m.kind)) + " " + (m.id.empty() ? m.name : m.id);
            std::string said = !m.id.empty() && !m.name.empty() ? "\"" + m.name + "\"" : std::string();
            if (!m.address.empty())
                said += (said.empty() ? "" : ", ") + m.address;
            if (!m.role.empty())
                said += (said.empty() ? "" : ", ") + m.role;
            if (!said.empty())
                entry += " (" + said + ")";
            entries.push_back(entry + " at " + loggedLinesText(m.lines));
        }
        if (!entries.empty())
            messages.push_back({ImportSeverity::Info,
                                op.source,
                                first,
                                last,
                                ResourceKind::Invalid,
                                {},
                                "the log names HNS " + namedLoggedObjects(entries) + "; no dump of " +
                                    (entries.size() == 1 ? "it" : "them") + ", not imported"});
        tieRefusedRequests(op.source, op.refusedRequests, messages);
        tieRefusedCommands(op.refusedCommands, messages);
        for (const LoggedRequest& r : op.requests)
            reportLoggedRequest(op.source, r, objects, documents, objectById, messages);
        // The networks the source's endpoint requests name by ID: the snapshot's, or the log's by name.
        std::map<std::string, std::string> networkNames;
        for (const ImportedObject& o : objects)
            if (o.kind == ResourceKind::Network && !o.idMadeUp && !o.name.empty())
                networkNames.emplace(upperCopy(o.id), o.name);
        for (const LoggedObject& m : op.mentions)
            if (m.kind == ResourceKind::Network && !m.id.empty() && !m.name.empty())
                networkNames.emplace(upperCopy(m.id), m.name);
        nameRequestedNetworks(op.source, networkNames, messages);
    }
}

} // namespace hcn::io
