#pragma once
// kube-proxy's record of an HNS endpoint (winkernel's `endpointsInfo`, older `endpointInfo`), as its
// logs print it with go-spew (`(*winkernel.endpointsInfo)(0xc0...)({ ip: (string) ... })`), `%+v`
// (`&{ip:10.244.1.5 ... hnsID:...}`) or `%#v`: no HNS object, but what kube-proxy knows of the HNS
// endpoint its `hnsID` (older releases: `hnsId`) names. It fills what a dump of that endpoint does not
// show; alone, it is what the log says of the endpoint (logged_operations.h names it).

#include "hcn/dump_text.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hcn::io {

/// Whether a Go type name is kube-proxy's record of an endpoint (`*winkernel.endpointsInfo`,
/// `winkernel.endpointInfo`).
bool isKubeProxyEndpointType(std::string_view type);

/// Whether a Go type name is kube-proxy's record of a service (`*winkernel.serviceInfo`): the HNS load
/// balancer its `hnsID` names, for its cluster IP, port and protocol.
bool isKubeProxyServiceType(std::string_view type);

/// Whether `name` is a member of that record (`ip`, `port`, `isLocal`, `macAddress`, `hnsID`, `hnsId`,
/// `providerAddress`, `ready`, `serving`, `terminating`, `refCount`): a `%+v` struct opening with one
/// is read although its fields are unexported.
bool isKubeProxyEndpointMember(std::string_view name);

/// What kube-proxy's record says of the HNS endpoint it names, and where it is.
struct KubeProxyEndpoint
{
    std::string id;             ///< `hnsID` or `hnsId`, as given
    std::string ip;             ///< `ip`
    std::string mac;            ///< `macAddress`
    std::optional<bool> remote; ///< not `isLocal`; nullopt when not shown
    int firstLine = 0;
    int lastLine = 0;
    std::string source; ///< empty: the text of the dump it fills
};

/// The record `value` is, told by its own member names in their own case (`hnsID` or `hnsId` holding
/// a GUID, with `ip`, `isLocal` or `macAddress`); nullopt for anything else.
std::optional<KubeProxyEndpoint> kubeProxyEndpointIn(const nlohmann::json& value);

/// What kube-proxy's record of a service says of the HNS load balancer its `hnsID` names.
struct KubeProxyService
{
    std::string id;      ///< `hnsID`, as given
    std::string address; ///< "10.96.0.10:53/UDP" from its cluster IP, port and protocol; empty when none
};

/// The record `value` is (`hnsID` holding a GUID, with `clusterIP`, `port`, `targetPort` or `protocol`, on
/// it or on its embedded `BaseServiceInfo` / `BaseServicePortInfo`, or with a member only serviceInfo
/// has: `policyApplied`, `nodePorthnsID`, `loadBalancerIngressIPs`); nullopt for anything else.
std::optional<KubeProxyService> kubeProxyServiceIn(const nlohmann::json& value);

/// What kube-proxy's record of a service (winkernel's serviceInfo as go-spew prints it, its empty strings
/// kept) says it had not programmed in HNS when it was logged: `policyApplied` false, an empty `hnsID`
/// (no load balancer for its cluster IP), a load balancer ingress or external IP whose `hnsID` is empty:
/// "kube-proxy had not finished programming service 10.96.0.10:53/UDP in HNS when it logged this record
/// of it: policyApplied false; ingress IP 10.0.0.70 has no HNS load balancer (its hnsID is empty)"
/// ("had not programmed" when the service has no load balancer for its cluster IP either). nullopt
/// when it says none of these, or `value` is no such record (told by `hnsID` with `policyApplied`,
/// `nodePorthnsID` or `loadBalancerIngressIPs`).
std::optional<std::string> unprogrammedServiceIn(const nlohmann::json& value);

/// What a dump of an endpoint is, for fillFromKubeProxy.
struct EndpointDump
{
    bool v1 =
        true; ///< hcsshim's HNSEndpoint (IPAddress, IsRemoteEndpoint), else HCN's (IpConfigurations, Flags)
    /// It states a false IsRemoteEndpoint (a zero Flags) by leaving it out: a whole JSON dump (JSON's
    /// omitempty); a Go dump prints every field, so one without it was cut.
    bool leftOutIsFalse = false;
};

/// Fills what `object` (a dump of the endpoint `record` names) does not show from the record: its
/// address, MAC address (spelled as HNS spells it) and whether it is remote; a note in `notes` names
/// what was taken. What the dump states is kept: where the record disagrees, a note gives both.
void fillFromKubeProxy(nlohmann::json& object, EndpointDump dump, const KubeProxyEndpoint& record,
                       std::vector<std::string>& notes);

/// Whether `object` (any kind) is an hcsshim HNSEndpoint rather than an HCN one, by its members.
bool looksLikeV1Endpoint(const nlohmann::json& object);

/// Fills each endpoint among `values` (a reader's values of one text) from kube-proxy's records among
/// them that name it, and takes out the records that filled one; the others stay for the import.
void fillEndpointsFromKubeProxyRecords(std::vector<FoundValue>& values);

} // namespace hcn::io
