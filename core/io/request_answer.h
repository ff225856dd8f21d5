#pragma once
// A cut answer completed from the request it answers (internal to core/io): `New-HnsNetwork -Verbose`
// prints the request document (`Invoke-HNSRequest Method[POST] Path[/networks] Data[{...}]`) and then
// HNS's answer (`VERBOSE: Result :` and `{"Output":{...`). When the paste cut the answer, the members it
// lost that the request states (`Name`, `Type`, `Subnets`) are what HNS made: they are taken from there.

#include "hcn/dump_formats.h"
#include "hcn/resource_kind.h"

#include <string>
#include <string_view>
#include <vector>

namespace hcn::io {

/// Among the values of `results` (every reader's for one text, taken in the order of the text: a request
/// logged as JSON can be answered by a Go struct, azure-vnet's `POST response:&{Id:...`), each value cut
/// off (FoundValue::cutOff) that answers the request found just before it (a request sent to HNS to
/// create an object, hns_member.h; the words between them say "Result" or "Response", with at most one
/// line between) gets the top-level members it lacks that the request states, with a repair naming them.
/// A request completes one answer: another reader's value of that answer (at the same lines) and a copy
/// the log shows again (the same members, a response logged twice) get the same members, without
/// another info. Returns one info per answer so completed, at its lines.
std::vector<ImportWarning> completeCutAnswersFromRequests(std::vector<ExtractResult>& results);

/// The document of `found` when it is a request sent to HNS: request words before it
/// (isRequestContext) that do not call it a sample (isSampleRequestContext), no ID of its own, read
/// whole, not a string literal of source code, no program's own record of a kind that is no HNS object
/// (nonHnsObjectKind: azure-vnet's `Creating endpoint &{... NetNsPath:...}`); `Data[{...}]` holds it in a
/// list of one. Null otherwise.
const nlohmann::json* requestDocumentOf(const FoundValue& found);

/// What a request sent to HNS does, from its HTTP method and whether its path names a collection
/// (`/networks`) or one object of it (`/networks/<id>`): "create" for a POST to a collection (also when
/// no method is logged), "modify" for a POST to an object, the method itself otherwise ("PUT").
std::string requestVerb(std::string_view method, bool toObject);

/// requestVerb of the request the words logged before its document name (`Method[POST]
/// Path[/networks]`, `[POST]=>[/networks/<id>]`, `HNSNetwork Request =`).
std::string requestVerbIn(std::string_view context);

/// The gateways a network request asks for (v1 `Subnets`, v2 `Ipams`) that HNS cannot use: "gateway
/// 10.0.0.0, the network address of subnet 10.0.0.0/24: ...", one outside its subnet with the rule and
/// the words of the health check NET-GATEWAY-OUTSIDE-SUBNET; an endpoint request's address that is its
/// own gateway ("address 10.244.1.2, its own gateway: ..."). Empty when nothing is wrong.
std::vector<std::string> requestGatewayProblems(const nlohmann::json& document);

/// What a request sent to HNS asks, from the words logged before its document (`context`: `Method[POST]
/// Path[/networks]`, `HNSNetwork Request =`) and the document: "create network External (Overlay,
/// 192.168.255.0/30 via 192.168.255.1)", "create endpoint ep1 (10.244.2.2)". `kind`: what the document
/// shows when the words name no path. With words (`context` not empty: a document a log shows sent), an
/// endpoint's names its network ("create endpoint ep1 (10.244.2.2) on network cbr0 (CEA05C9C-...)": v1
/// `VirtualNetworkName` and `VirtualNetwork`, v2 `HostComputeNetwork`), and one whose values hold
/// placeholders ends in requestTemplateSaid; a caller that builds the document from a command's words
/// says its network and template itself.
std::string describeRequest(std::string_view context, const nlohmann::json& document, ResourceKind kind);

/// What a request document whose string values hold placeholders a poster wrote (isWrittenPlaceholder:
/// `<your service cidr>`, `x.x.x.x`) says after what it asks, as a typed command that is
/// a template does: " (a template: <your service cidr> is a placeholder, not a value)", " (a template: 3
/// placeholders, not values)"; empty for a document without one.
std::string requestTemplateSaid(const nlohmann::json& document);

/// The HCN function whose settings `document` (an object of `kind`, read whole from the dump) is:
/// `HcnCreateNetwork`, `HcnCreateEndpoint`, ... for a v2 document (a `SchemaVersion` of 2 or later) that
/// has no ID and none of the members HNS adds when it answers a query (`Health`, `State`, `Resources`, a
/// subnet's `ID`): what a caller hands to HNS, not an object HNS holds. Empty for anything else.
std::string settingsDocumentFunction(const nlohmann::json& document, ResourceKind kind);

} // namespace hcn::io
