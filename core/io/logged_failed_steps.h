#pragma once
// What failed, as a log line names it (internal to core/io): an HCN or HNS function (`hcnCreateEndpoint`),
// an HNS call (`HNSCall Method POST Path /endpoints`, hcsshim's `[POST]=>[/endpoints/]`), the step a
// daemon names (`failed to create endpoint web on network nat`) and the objects a request names in words
// (`failed to create HNSNetwork cbr0`).

#include "io/logged_error.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace hcn::io::logged {

/// The verb and the kind of object of a step a log names (`creating default network`, `create endpoint
/// web on network nat`): its first word as a verb (`creating` as "create") and the first kind word after
/// it (LoggedError::verb, LoggedError::kind); nothing when the step starts with no verb of HNS's
/// operations or names no kind.
void verbAndKindOf(std::string_view step, LoggedError& into);

/// What hcsshim's `hnsCall` (or a client's `hcnCall`) did, as the line says it: its request
/// (`[POST]=>[/endpoints/]` gives "create endpoint", `[DELETE]=>[/endpoints/ID]` "delete endpoint ID") or
/// the step its caller names before it (`failed to create the new HNSEndpoint: hnsCall failed ...` and
/// `create endpoint failed: hnsCall failed ...` give "create endpoint"), with the one name it gives after
/// the kind word (`error creating endpoint web: hnsCall failed ...` gives "create endpoint web"); empty
/// when the line says neither.
std::string hnsCallPurpose(std::string_view text, std::string_view lower);

/// What an `Invoke-HnsRequest -Method POST -Type networks` on the line asks (hns.psm1's call, as a
/// PowerShell error record echoes it): "create network (Invoke-HnsRequest POST networks)"; empty when the
/// line holds no such call or its method, type or ID is a variable's.
std::string invokeHnsRequestSaid(std::string_view text, std::string_view lower);

/// The HNS network a failed endpoint create names on its line: the second argument of win-bridge's
/// `ProvisionEndpoint(name,NETWORK-ID,container)`, or an ID right after `network`, `network ID`,
/// `networkId=`; empty when none.
std::string networkNamedOn(std::string_view text, std::string_view lower);

/// The endpoint win-bridge's `ProvisionEndpoint(name,NETWORK-ID,container)` names on the line: its first
/// argument (`5a4a06b6e1f2_l2bridge`); empty when the line names none.
std::string endpointProvisionedOn(std::string_view text, std::string_view lower);

/// What failed, as the log names it (LoggedError::operation): the title of hcsshim's `... failed in
/// Win32:` (`hcnCreateLoadBalancer`, `hnsCall`), an HNS call, the step a daemon names before `HNS
/// failed with error`, else an HCN or HNS function named in `text` (`hcnModifyNetwork`), else the step
/// named before `failed` as `<verb> <object> failed` (`create endpoint failed: HNS error ...`, `creating
/// endpoint web failed`; a verb of HNS's operations, its -ing form or `hot attach`, and a kind word of
/// HNS's objects: `Test failed:` names none), else the step named right before the error, set off by `: `
/// (`failed to create endpoint: HNS error: 0x803b0013` "create endpoint", `error creating endpoint: ...`;
/// without its articles); empty when none is.
/// `into`, when given, gets what the daemon's step says besides (daemonStepOf).
std::string operationOf(std::string_view text, std::string_view lower, LoggedError* into = nullptr);

/// The function of WSL's API a launcher says failed, `WslRegisterDistribution failed with error:
/// 0x803b0017` (a distribution's installer): "WslRegisterDistribution (WSL installing a distribution)";
/// the function's name alone for another `Wsl...` function; empty for any other line.
std::string wslApiStepOf(std::string_view text);

/// The network docker-compose (v1) says it creates on `text`, `Creating network "web_default" with the
/// default driver` or `Creating network "web_default" with driver "nat"`: its name; empty for any other line.
std::string composeNetworkCreatedOn(std::string_view text);
/// A name a log prints quoted (`\"default_mak4\"`, `"web"`) or bare, from `at` in `text`: the name, and
/// `at` moved past it; empty when there is none.
std::string quotedOrBareName(std::string_view text, std::size_t& at);

/// A failed hot attach (or hot add) of an endpoint to a running container or the host, as the line
/// names it: `Failed to hot attach HNS Endpoint \"web\" to container \"<id>\"` (docker), `Failed to hot
/// attach shared endpoint[<id>] to container [<id>]` (Azure CNI), `failed to hot attach bridge HNSEndpoint
/// cbr0_ep to host compartment` (flannel), `... HostComputeEndpoint x to host default HostComputeNamespace`,
/// `failed to hot add endpoint ...` ("hot add of endpoint ..."): "hot attach of endpoint web to container
/// 9d2c4e6f81a0" (a container's
/// 64-digit ID as docker's short one), "hot attach of endpoint cbr0_ep to the host compartment". `end`,
/// when given, gets where the words naming it end in `text`. Empty when the line says no hot attach
/// failed.
std::string hotAttachStepOf(std::string_view text, std::string_view lower, std::size_t* end = nullptr);

/// The request a line names in words (LoggedError::request, with its verb and kind): `failed to create
/// HNSNetwork cbr0` gives "create network cbr0", `Failed to remove HostComputeEndpoint web from
/// HostComputeNameSpace <id>` "remove endpoint web from namespace <id>" (with, for the null GUID, that
/// the endpoint was in no namespace); `error` is left as it is when the line names no object after
/// `failed to <verb>`. A step chained after it, right before the error, is the one that failed, with or
/// without a name (`failed to create network cbr0: failed to create endpoint: hnsCall failed ...`): its
/// request, on the network an endpoint's step is chained to ("create endpoint on network cbr0"); not
/// when it only says the same step again without the name. A hot attach of an endpoint
/// (hotAttachStepOf) is the request the line names.
void nameRequestIn(std::string_view text, LoggedError& error);

} // namespace hcn::io::logged
