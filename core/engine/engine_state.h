#pragma once
// The engine's objects and the indices that keep the HCN uniqueness rules cheap to check.
// Guarded by Engine's state mutex; nothing here locks.

#include "engine/mac_pool.h"
#include "engine/subnet_pool.h"
#include "hcn/engine.h"
#include "hcn/guid.h"
#include "hcn/ip_address.h"

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace hcn {

using Json = nlohmann::json;

/// One (protocol, external port, VIP) claim; an empty VIP means every host address.
struct PortKey
{
    std::uint32_t protocol = 0;
    std::uint16_t port = 0;
    std::string vip;
    friend auto operator<=>(const PortKey&, const PortKey&) = default;
};

struct SubnetState
{
    Guid id;
    SubnetPool pool;
};

struct NetworkObject
{
    Guid id;
    std::uint64_t serial = 0;
    Json doc;
    std::string mode; ///< canonical NetworkMode name ("NAT" when omitted)
    std::string adapter; ///< bound host adapter, empty for internal/private/NAT networks
    std::vector<SubnetState> subnets;
    MacPool macPool;
    std::optional<std::uint32_t> macSlice; ///< slice of the host default MAC range, when no MacPool was given
    std::set<Guid> endpoints;
    /// Every address in use on this network (local and remote) -> endpoint.
    std::unordered_map<IpAddress, Guid> addresses;
};

struct EndpointObject
{
    Guid id;
    std::uint64_t serial = 0;
    Json doc;
    Guid network;
    bool remote = false;
    std::vector<IpAddress> addresses;
    std::optional<MacAddress> mac;
    std::optional<Guid> namespaceId;
    std::set<PortKey> ports;
    std::set<Guid> loadBalancers;
    bool vmPortBound = false;
};

struct NamespaceObject
{
    Guid id;
    std::uint64_t serial = 0;
    Json doc;
    std::vector<Guid> endpoints;
    std::vector<std::string> containers;
};

struct LoadBalancerObject
{
    Guid id;
    std::uint64_t serial = 0;
    Json doc;
    std::vector<Guid> endpoints;
    std::set<PortKey> frontends;
};

template <typename T>
using ObjectMap = std::unordered_map<Guid, std::unique_ptr<T>>;

struct EngineState
{
    EngineOptions options;
    std::uint64_t nextSerial = 1;

    ObjectMap<NetworkObject> networks;
    ObjectMap<EndpointObject> endpoints;
    ObjectMap<NamespaceObject> namespaces;
    ObjectMap<LoadBalancerObject> loadBalancers;

    /// Lower-cased network name -> network.
    std::map<std::string, Guid> networkNames;
    /// Host-wide endpoint port mappings (WinNAT is one per host).
    std::map<PortKey, Guid> portMappings;
    /// Load-balancer frontends (protocol, external port, VIP) -> load balancer.
    std::map<PortKey, Guid> lbFrontends;
    /// Slices of the host default MAC range handed to networks without a MacPool.
    std::set<std::uint32_t> macSlices;
    std::set<std::uint32_t> compartmentIds;

    std::uint64_t newSerial() { return nextSerial++; }
};

/// Lower-case copy for case-insensitive keys.
std::string lowerCopy(std::string_view text);

} // namespace hcn
