// Endpoint create / modify / delete: addresses, MACs, port mappings and policies.

#include "common/ip_protocols.h"
#include "engine/operations.h"
#include "hcn/endpoint_flags.h"

#include <algorithm>

namespace hcn::ops {
namespace {

std::string protocolName(std::uint32_t protocol)
{
    const std::string_view name = knownProtocolName(protocol);
    return name.empty() ? "protocol " + std::to_string(protocol) : std::string(name);
}

bool portsConflict(const PortKey& a, const PortKey& b)
{
    return a.protocol == b.protocol && a.port == b.port && (a.vip == b.vip || a.vip.empty() || b.vip.empty());
}

/// The port claims of an endpoint's policy list, with the per-policy checks of PortMapping and
/// InterfaceParameters.
Result<std::set<PortKey>> collectPorts(const NetworkObject& network, bool remote, Json& policies)
{
    std::set<PortKey> ports;
    int interfaceParameters = 0;
    for (std::size_t i = 0; i < policies.size(); ++i) {
        Json& policy = policies[i];
        const std::string type = policy.value("Type", "");
        const std::string where = "Policies[" + std::to_string(i) + "]";
        if (type == "InterfaceParameters" && ++interfaceParameters > 1)
            return Status(hr::InterfaceParametersAlreadyApplied,
                          where + ": an endpoint takes one InterfaceParameters policy.");
        if (type != "PortMapping")
            continue;
        if (remote)
            return Status(hr::InvalidRemoteEndpointOperation,
                          where + ": a remote endpoint cannot map ports.");
        if (network.mode == NetworkMode::Transparent || network.mode == NetworkMode::Private ||
            network.mode == NetworkMode::L2Tunnel)
            return Status(hr::MappingNotSupported, where + ": " + std::string(networkModeName(network.mode)) +
                                                       " networks do not map ports.");
        Json& settings = policy["Settings"];
        if (!settings.is_object())
            settings = Json::object();
        if (Status members = checkPortMappingMembers(settings, where + ".Settings", hr::InvalidPolicy);
            !members)
            return members;
        const auto internalPort = settings.value("InternalPort", 0u);
        if (internalPort == 0)
            return Status(hr::InvalidInternalPort, where + ".Settings.InternalPort must be 1-65535.");
        auto externalPort = settings.value("ExternalPort", 0u);
        if (externalPort == 0) {
            externalPort = internalPort; // an unset external port publishes the internal one
            settings["ExternalPort"] = externalPort;
        }
        if (!settings.contains("Protocol"))
            settings["Protocol"] = 6;
        PortKey key{settings.value("Protocol", 6u), static_cast<std::uint16_t>(externalPort),
                    settings.value("VIP", "")};
        for (const auto& other : ports)
            if (portsConflict(other, key))
                return Status(hr::PortAlreadyExists, where + ": " + protocolName(key.protocol) + " port " +
                                                         std::to_string(key.port) + " is mapped twice.");
        ports.insert(key);
    }
    return ports;
}

Status checkPortsFree(const EngineState& state, const std::set<PortKey>& ports, const Guid& self)
{
    for (const auto& key : ports) {
        // Conflicts are looked up around (protocol, port); the VIP rule decides within that range.
        auto it = state.portMappings.lower_bound(PortKey{key.protocol, key.port, ""});
        for (; it != state.portMappings.end() && it->first.protocol == key.protocol &&
               it->first.port == key.port;
             ++it) {
            if (it->second != self && portsConflict(it->first, key)) {
                const auto& owner = *state.endpoints.at(it->second);
                return Status(hr::PortAlreadyExists,
                              protocolName(key.protocol) + " port " + std::to_string(key.port) +
                                  (key.vip.empty() ? "" : " on " + key.vip) +
                                  " is already mapped by endpoint " +
                                  owner.doc.value("Name", owner.doc.value("ID", "")) + ".");
            }
        }
    }
    return Status::success();
}

void claimPorts(EngineState& state, Transaction& tx, EndpointObject& endpoint, std::set<PortKey> ports)
{
    for (const auto& key : endpoint.ports)
        state.portMappings.erase(key);
    for (const auto& key : ports)
        state.portMappings[key] = endpoint.id;
    auto old = std::make_shared<std::set<PortKey>>(endpoint.ports);
    auto added = std::make_shared<std::set<PortKey>>(ports);
    EndpointObject* target = &endpoint;
    tx.onRollback([&state, target, old, added] {
        for (const auto& key : *added)
            state.portMappings.erase(key);
        for (const auto& key : *old)
            state.portMappings[key] = target->id;
        target->ports = *old;
    });
    endpoint.ports = std::move(ports);
}

SubnetState* subnetContaining(NetworkObject& network, const IpAddress& address)
{
    for (auto& s : network.subnets)
        if (s.pool.prefix().contains(address))
            return &s;
    return nullptr;
}

std::string subnetList(const NetworkObject& network)
{
    std::string list;
    for (const auto& s : network.subnets)
        list += (list.empty() ? "" : ", ") + s.pool.prefix().toString();
    return list.empty() ? "none" : list;
}

void recordAddress(NetworkObject& network, Transaction& tx, EndpointObject& endpoint,
                   const IpAddress& address)
{
    network.addresses[address] = endpoint.id;
    endpoint.addresses.push_back(address);
    NetworkObject* net = &network;
    tx.onRollback([net, address] { net->addresses.erase(address); });
}

Status assignExplicit(NetworkObject& network, Transaction& tx, EndpointObject& endpoint, Json& config,
                      const std::string& where)
{
    const std::string text = config.value("IpAddress", "");
    auto address = IpAddress::parse(text);
    if (!address)
        return Status(hr::InvalidIp, where + ".IpAddress: \"" + text + "\" is not an IP address.");
    if (auto owner = network.addresses.find(*address); owner != network.addresses.end())
        return Status(hr::AddrInvalidOrReserved, where + ": " + address->toString() +
                                                     " is already assigned to endpoint " +
                                                     owner->second.toString() + ".");
    SubnetState* subnet = subnetContaining(network, *address);
    if (!subnet) {
        if (!endpoint.remote)
            return Status(hr::InvalidIp, where + ": " + address->toString() +
                                             " is not in any subnet of this network (" + subnetList(network) +
                                             ").");
    } else {
        switch (subnet->pool.check(*address)) {
        case SubnetPool::Check::Reserved:
            return Status(hr::AddrInvalidOrReserved, where + ": " + address->toString() +
                                                         " is the network, broadcast or gateway address of " +
                                                         subnet->pool.prefix().toString() + ".");
        case SubnetPool::Check::InUse:
            return Status(hr::AddrInvalidOrReserved,
                          where + ": " + address->toString() + " is already in use.");
        case SubnetPool::Check::OutsideSubnet:
        case SubnetPool::Check::Free:
            break;
        }
        subnet->pool.reserve(*address);
        SubnetPool* pool = &subnet->pool;
        tx.onRollback([pool, a = *address] { pool->release(a); });
        if (!config.contains("PrefixLength"))
            config["PrefixLength"] = subnet->pool.prefix().length();
    }
    config["IpAddress"] = address->toString();
    recordAddress(network, tx, endpoint, *address);
    return Status::success();
}

Status assignAutomatic(NetworkObject& network, Transaction& tx, EndpointObject& endpoint, IpFamily family,
                       Json& config)
{
    std::uint64_t used = 0, capacity = 0;
    for (auto& subnet : network.subnets) {
        if (subnet.pool.prefix().family() != family)
            continue;
        used += subnet.pool.used();
        capacity += subnet.pool.capacity();
        const auto cursor = subnet.pool.cursor();
        auto address = subnet.pool.allocate();
        if (!address)
            continue;
        SubnetPool* pool = &subnet.pool;
        tx.onRollback([pool, a = *address, cursor] {
            pool->release(a);
            pool->restoreCursor(cursor);
        });
        config["IpAddress"] = address->toString();
        config["PrefixLength"] = subnet.pool.prefix().length();
        recordAddress(network, tx, endpoint, *address);
        return Status::success();
    }
    return Status(hr::SubnetNotFound, "every " + std::string(family == IpFamily::V4 ? "IPv4" : "IPv6") +
                                          " subnet of this network is exhausted (" + std::to_string(used) +
                                          " of " + std::to_string(capacity) + " addresses in use).");
}

Status assignAddresses(NetworkObject& network, Transaction& tx, EndpointObject& endpoint, Json& doc)
{
    Json configs = doc.value("IpConfigurations", Json::array());
    for (std::size_t i = 0; i < configs.size(); ++i) {
        const std::string where = "IpConfigurations[" + std::to_string(i) + "]";
        if (configs[i].contains("IpAddress")) {
            if (Status s = assignExplicit(network, tx, endpoint, configs[i], where); !s.ok())
                return s;
        } else {
            if (endpoint.remote)
                return Status(hr::InvalidEndpoint,
                              where + ": a remote endpoint needs an explicit IpAddress.");
            IpFamily family =
                network.subnets.empty() ? IpFamily::V4 : network.subnets.front().pool.prefix().family();
            if (Status s = assignAutomatic(network, tx, endpoint, family, configs[i]); !s.ok())
                return s;
        }
    }
    if (configs.empty()) {
        if (endpoint.remote)
            return Status(hr::InvalidEndpoint, "a remote endpoint needs an IP address in IpConfigurations.");
        // One address per family the network has subnets for: dual-stack networks give dual-stack endpoints.
        for (IpFamily family : {IpFamily::V4, IpFamily::V6}) {
            bool has = std::any_of(network.subnets.begin(), network.subnets.end(),
                                   [&](const SubnetState& s) { return s.pool.prefix().family() == family; });
            if (!has)
                continue;
            Json config = Json::object();
            if (Status s = assignAutomatic(network, tx, endpoint, family, config); !s.ok())
                return s;
            configs.push_back(config);
        }
    }
    if (!configs.empty())
        doc["IpConfigurations"] = configs;

    if (!endpoint.remote && !doc.contains("Routes")) {
        Json routes = Json::array();
        for (const auto& address : endpoint.addresses)
            if (SubnetState* s = subnetContaining(network, address); s && s->pool.gateway())
                routes.push_back({{"NextHop", s->pool.gateway()->toString()},
                                  {"DestinationPrefix", address.isV4() ? "0.0.0.0/0" : "::/0"}});
        if (!routes.empty())
            doc["Routes"] = routes;
    }
    return Status::success();
}

Status assignMac(NetworkObject& network, Transaction& tx, EndpointObject& endpoint, Json& doc)
{
    if (auto it = doc.find("MacAddress");
        it != doc.end() && it->is_string() && !it->get<std::string>().empty()) {
        auto mac = MacAddress::parse(it->get<std::string>());
        if (!mac)
            return Status(hr::InvalidEndpoint,
                          "MacAddress: \"" + it->get<std::string>() + "\" is not a MAC address.");
        *it = mac->toString();
        if (endpoint.remote) {
            endpoint.mac = mac;
            return Status::success();
        }
        if (!network.macPool.reserve(*mac))
            return Status(hr::AddrInvalidOrReserved,
                          "MacAddress " + mac->toString() + " is already in use on this network.");
        tx.onRollback([pool = &network.macPool, m = *mac] { pool->release(m); });
        endpoint.mac = mac;
        return Status::success();
    }
    if (endpoint.remote)
        return Status::success();
    const auto cursor = network.macPool.cursor();
    auto mac = network.macPool.allocate();
    if (!mac)
        return Status(hr::InvalidEndpoint, "the network's MAC pool is exhausted (" +
                                               std::to_string(network.macPool.used()) +
                                               " addresses in use).");
    tx.onRollback([pool = &network.macPool, m = *mac, cursor] {
        pool->release(m);
        pool->restoreCursor(cursor);
    });
    doc["MacAddress"] = mac->toString();
    endpoint.mac = mac;
    return Status::success();
}

Status applyPolicyRequest(Json& policies, const std::string& requestType, const Json& incoming)
{
    if (requestType == "Add") {
        for (const auto& p : incoming) {
            if (std::any_of(policies.begin(), policies.end(),
                            [&](const Json& e) { return samePolicy(e, p); }))
                return Status(hr::PolicyAlreadyExists,
                              "the endpoint already has this " + p.value("Type", "") + " policy.");
            policies.push_back(p);
        }
    } else if (requestType == "Remove") {
        for (const auto& p : incoming) {
            auto it = std::find_if(policies.begin(), policies.end(),
                                   [&](const Json& e) { return samePolicy(e, p); });
            if (it == policies.end())
                return Status(hr::PolicyNotFound,
                              "the endpoint has no " + p.value("Type", "") + " policy with these settings.");
            policies.erase(it);
        }
    } else if (requestType == "Update") {
        policies = incoming; // Update replaces the endpoint's policy set
    } else {
        return Status(hr::RequestUnsupported,
                      "RequestType " + requestType + " is not supported for endpoint policies.");
    }
    return Status::success();
}

NotificationType policyNotification(const std::string& requestType)
{
    if (requestType == "Add")
        return NotificationType::PolicyCreate;
    if (requestType == "Remove")
        return NotificationType::PolicyDelete;
    return NotificationType::PolicyModify;
}

} // namespace

Result<Guid> createEndpoint(EngineState& state, Transaction& tx, NetworkObject& network, const Guid& idParam,
                            Json doc)
{
    auto idResult =
        chooseId([&](const Guid& g) { return state.endpoints.count(g) != 0; }, idParam, doc, "endpoint");
    if (!idResult.ok())
        return idResult.status();
    const std::string networkIdText = network.doc.value("ID", network.id.toString());
    if (auto it = doc.find("HostComputeNetwork");
        it != doc.end() && it->is_string() && !it->get<std::string>().empty()) {
        if (Guid::parse(it->get<std::string>()) != network.id)
            return Status(hr::InvalidJsonReference, "HostComputeNetwork " + it->get<std::string>() +
                                                        " is not the network the endpoint is created on (" +
                                                        networkIdText + ").");
    }
    doc["HostComputeNetwork"] = networkIdText;

    auto endpoint = std::make_unique<EndpointObject>();
    endpoint->id = *idResult;
    endpoint->serial = state.newSerial();
    endpoint->network = network.id;
    endpoint->remote = (doc.value("Flags", 0u) & kRemoteEndpointFlag) != 0;

    Json policies = doc.value("Policies", Json::array());
    auto ports = collectPorts(network, endpoint->remote, policies);
    if (!ports.ok())
        return ports.status();
    if (Status s = checkPortsFree(state, *ports, endpoint->id); !s.ok())
        return s;
    if (doc.contains("Policies"))
        doc["Policies"] = policies;

    if (Status s = assignAddresses(network, tx, *endpoint, doc); !s.ok())
        return s;
    if (Status s = assignMac(network, tx, *endpoint, doc); !s.ok())
        return s;

    std::optional<Guid> namespaceId;
    if (auto it = doc.find("HostComputeNamespace"); it != doc.end()) {
        if (it->is_string() && !it->get<std::string>().empty())
            namespaceId = Guid::parse(it->get<std::string>());
        doc.erase(it); // set by the attach below
    }
    stampBaseFields(state, doc, 1);

    endpoint->doc = std::move(doc);
    EndpointObject* raw = endpoint.get();
    claimPorts(state, tx, *raw, std::move(ports.value()));
    network.endpoints.insert(raw->id);
    tx.onRollback([net = &network, id = raw->id] { net->endpoints.erase(id); });
    Guid id = raw->id;
    insertObject(state, ResourceKind::Endpoint, state.endpoints, tx, std::move(endpoint));
    tx.change(ChangeOp::Create, ResourceKind::Endpoint, id, nullptr, &raw->doc);
    tx.notify(NotificationType::EndpointCreate, raw->doc.value("ID", id.toString()), raw->doc);

    if (namespaceId) {
        auto ns = state.namespaces.find(*namespaceId);
        if (ns == state.namespaces.end())
            return Status(hr::ElementNotFound,
                          "HostComputeNamespace " + namespaceId->toString() + " does not exist.");
        if (Status s = attachEndpoint(state, tx, *ns->second, id); !s.ok())
            return s;
    }
    return id;
}

Status modifyEndpoint(EngineState& state, Transaction& tx, EndpointObject& endpoint, const Json& request)
{
    const std::string resourceType = request.value("ResourceType", "");
    const std::string requestType = request.value("RequestType", "Add");
    auto before = std::make_shared<Json>(endpoint.doc);
    EndpointObject* target = &endpoint;
    bool boundBefore = endpoint.vmPortBound;
    tx.onRollback([target, before, boundBefore] {
        target->doc = *before;
        target->vmPortBound = boundBefore;
    });

    Json settings;
    Json doc = endpoint.doc;
    if (resourceType == "Policy") {
        if (Status s = normalizeSettings(request, "PolicyEndpointRequest", settings); !s.ok())
            return s;
        Json policies = doc.value("Policies", Json::array());
        Json incoming = settings.value("Policies", Json::array());
        if (Status s = applyPolicyRequest(policies, requestType, incoming); !s.ok())
            return s;
        auto& network = *state.networks.at(endpoint.network);
        auto ports = collectPorts(network, endpoint.remote, policies);
        if (!ports.ok())
            return ports.status();
        if (Status s = checkPortsFree(state, *ports, endpoint.id); !s.ok())
            return s;
        claimPorts(state, tx, endpoint, std::move(ports.value()));
        if (policies.empty())
            doc.erase("Policies");
        else
            doc["Policies"] = policies;
    } else if (resourceType == "Port") {
        if (Status s = normalizeSettings(request, "VmEndpointRequest", settings); !s.ok())
            return s;
        if (endpoint.remote)
            return Status(hr::InvalidRemoteEndpointOperation,
                          "a remote endpoint has no switch port to bind.");
        if (requestType == "Add" || requestType == "Update") {
            if (endpoint.vmPortBound && requestType == "Add")
                return Status(hr::EndpointAlreadyAttached, "the endpoint is already bound to a VM port.");
            Json& extra = doc["Health"]["Extra"];
            extra["Resources"]["Port"] = settings;
            if (settings.contains("VirtualMachineId"))
                extra["VirtualMachine"] = settings["VirtualMachineId"];
            endpoint.vmPortBound = true;
        } else if (requestType == "Remove") {
            if (!endpoint.vmPortBound)
                return Status(hr::EndpointNotAttached, "the endpoint is not bound to a VM port.");
            Json& extra = doc["Health"]["Extra"];
            extra.erase("VirtualMachine");
            extra["Resources"].erase("Port");
            if (extra["Resources"].empty())
                extra.erase("Resources");
            endpoint.vmPortBound = false;
        } else {
            return Status(hr::RequestUnsupported,
                          "RequestType " + requestType + " is not supported for endpoint ports.");
        }
    } else {
        return Status(hr::RequestUnsupported,
                      "ResourceType \"" + resourceType + "\" cannot be modified on an endpoint.");
    }

    endpoint.doc = std::move(doc);
    const std::string idText = endpoint.doc.value("ID", endpoint.id.toString());
    tx.change(ChangeOp::Modify, ResourceKind::Endpoint, endpoint.id, before.get(), &endpoint.doc);
    tx.notify(NotificationType::EndpointModify, idText, endpoint.doc);
    if (resourceType == "Policy")
        tx.notify(policyNotification(requestType), idText,
                  Json{{"ObjectId", idText},
                       {"ObjectType", "Endpoint"},
                       {"RequestType", requestType},
                       {"Policies", settings.value("Policies", Json::array())}});
    return Status::success();
}

Status deleteEndpoint(EngineState& state, Transaction& tx, const Guid& id)
{
    auto it = state.endpoints.find(id);
    if (it == state.endpoints.end())
        return Status(hr::EndpointNotFound, "no endpoint has ID " + id.toString() + ".");
    EndpointObject& endpoint = *it->second;
    const std::string idText = endpoint.doc.value("ID", id.toString());

    if (endpoint.namespaceId) {
        auto ns = state.namespaces.find(*endpoint.namespaceId);
        if (ns != state.namespaces.end())
            if (Status s = detachEndpoint(state, tx, *ns->second, id); !s.ok())
                return s;
    }
    removeEndpointFromLoadBalancers(state, tx, endpoint);
    removeEndpointFromRoutes(state, tx, endpoint);
    claimPorts(state, tx, endpoint, {});

    NetworkObject& network = *state.networks.at(endpoint.network);
    for (const auto& address : endpoint.addresses) {
        network.addresses.erase(address);
        tx.onRollback([net = &network, address, id] { net->addresses[address] = id; });
        if (SubnetState* subnet = subnetContaining(network, address); subnet && subnet->pool.release(address))
            tx.onRollback([pool = &subnet->pool, address] { pool->reserve(address); });
    }
    if (endpoint.mac && !endpoint.remote && network.macPool.release(*endpoint.mac))
        tx.onRollback([pool = &network.macPool, m = *endpoint.mac] { pool->reserve(m); });
    network.endpoints.erase(id);
    tx.onRollback([net = &network, id] { net->endpoints.insert(id); });

    tx.change(ChangeOp::Delete, ResourceKind::Endpoint, id, &endpoint.doc, nullptr);
    tx.notify(NotificationType::EndpointDelete, idText,
              Json{{"Name", endpoint.doc.value("Name", "")},
                   {"HostComputeNetwork", endpoint.doc.value("HostComputeNetwork", "")}});
    eraseObject(state, ResourceKind::Endpoint, state.endpoints, tx, id);
    return Status::success();
}

} // namespace hcn::ops
