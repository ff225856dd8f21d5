// Network create / modify / delete.

#include "engine/nat_prefix.h"
#include "engine/operations.h"
#include "hcn/schema_normalizer.h"

#include <algorithm>

namespace hcn::ops {
namespace {

constexpr std::uint64_t kDefaultMacBase = 0x00155D52C000ull; // Windows-style 00-15-5D-52-C0-00
constexpr std::uint64_t kMacSliceSize = 0x1000;              // 4,096 addresses per network
constexpr std::uint32_t kMacSliceCount = 0x3FF;              // stays below 00-15-5E-00-00-00

bool bindsAdapter(NetworkMode mode)
{
    return mode == NetworkMode::Transparent || mode == NetworkMode::L2Bridge ||
           mode == NetworkMode::L2Tunnel || mode == NetworkMode::Overlay;
}

bool picksOwnPrefix(NetworkMode mode)
{
    return mode == NetworkMode::Nat || mode == NetworkMode::Ics;
}

bool supportsMultiSubnet(NetworkMode mode)
{
    return mode == NetworkMode::L2Bridge || mode == NetworkMode::L2Tunnel || mode == NetworkMode::Overlay;
}

std::string modeName(NetworkMode mode)
{
    return std::string(networkModeName(mode));
}

Json* findPolicy(Json& policies, std::string_view type)
{
    if (!policies.is_array())
        return nullptr;
    for (auto& p : policies)
        if (p.value("Type", "") == type)
            return &p;
    return nullptr;
}

/// Builds the pool for one normalized Subnet object; fills in its ID. The gateway comes from the
/// subnet's default route; NAT/ICS subnets without one get the first host address as gateway.
Result<SubnetState> buildSubnet(Json& subnet, NetworkMode mode, const std::string& where)
{
    auto prefixIt = subnet.find("IpAddressPrefix");
    if (prefixIt == subnet.end() || !prefixIt->is_string())
        return Status(hr::InvalidSubnet, where + ": a static subnet needs an IpAddressPrefix.");
    auto prefix = IpPrefix::parse(prefixIt->get<std::string>());
    if (!prefix)
        return Status(hr::InvalidPrefix, where + ".IpAddressPrefix: \"" + prefixIt->get<std::string>() +
                                             "\" is not a network prefix.");
    if (((prefix->family() == IpFamily::V4) && prefix->length() > 30) ||
        (!(prefix->family() == IpFamily::V4) && prefix->length() > 126))
        return Status(hr::InvalidSubnet, where + ": " + prefix->toString() + " is too small for endpoints.");

    auto gateway = defaultGateway(subnet.value("Routes", Json::array()), prefix->family());
    if (!gateway && picksOwnPrefix(mode)) {
        gateway = IpAddress::fromValue(prefix->family(), prefix->network().value() + 1);
        Json routes = subnet.value("Routes", Json::array());
        routes.push_back({{"NextHop", gateway->toString()},
                          {"DestinationPrefix", (prefix->family() == IpFamily::V4) ? "0.0.0.0/0" : "::/0"}});
        subnet["Routes"] = routes;
    }

    Guid id;
    if (auto it = subnet.find("ID"); it != subnet.end() && it->is_string())
        id = Guid::parse(it->get<std::string>()).value_or(Guid{});
    if (id.isNull()) {
        id = Guid::generate();
        subnet["ID"] = id.toString();
    }
    std::string idText = subnet["ID"].get<std::string>();

    if (auto ipSubnets = subnet.find("IpSubnets"); ipSubnets != subnet.end() && ipSubnets->is_array()) {
        for (std::size_t i = 0; i < ipSubnets->size(); ++i) {
            auto& ipSubnet = (*ipSubnets)[i];
            auto p = IpPrefix::parse(ipSubnet.value("IpAddressPrefix", ""));
            if (!p || !prefix->contains(p->network()) || p->length() < prefix->length())
                return Status(hr::InvalidIpSubnet, where + ".IpSubnets[" + std::to_string(i) + "]: \"" +
                                                       ipSubnet.value("IpAddressPrefix", "") +
                                                       "\" is not inside " + prefix->toString() + ".");
            if (!ipSubnet.contains("ID"))
                ipSubnet["ID"] = Guid::generate().toString();
        }
    }
    return SubnetState{id, SubnetPool(*prefix, gateway), std::move(idText)};
}

/// Every subnet of every Ipam of a network document, in order, with its JSON path.
template <typename F> Status forEachSubnet(Json& doc, F&& f)
{
    auto ipams = doc.find("Ipams");
    if (ipams == doc.end() || !ipams->is_array())
        return Status::success();
    for (std::size_t i = 0; i < ipams->size(); ++i) {
        auto& ipam = (*ipams)[i];
        if (ipam.value("Type", "Static") == "Dhcp")
            continue;
        auto subnets = ipam.find("Subnets");
        if (subnets == ipam.end() || !subnets->is_array())
            continue;
        for (std::size_t j = 0; j < subnets->size(); ++j) {
            Status s =
                f((*subnets)[j], "Ipams[" + std::to_string(i) + "].Subnets[" + std::to_string(j) + "]");
            if (!s.ok())
                return s;
        }
    }
    return Status::success();
}

Status checkOverlaps(const EngineState& state, const NetworkObject& network, const IpPrefix& prefix,
                     const std::string& where)
{
    for (const auto& other : network.subnets)
        if (other.pool.prefix().overlaps(prefix))
            return Status(hr::InvalidSubnet, where + ": " + prefix.toString() + " overlaps " +
                                                 other.pool.prefix().toString() + " of the same network.");
    // NAT prefixes are host-wide (one WinNAT instance): a NAT network's subnets may not overlap any other
    // network's, whichever of the two was created first.
    for (const auto& [id, other] : state.networks) {
        if (id == network.id || (!picksOwnPrefix(network.mode) && !picksOwnPrefix(other->mode)))
            continue;
        for (const auto& s : other->subnets)
            if (s.pool.prefix().overlaps(prefix))
                return Status(hr::InvalidSubnet, where + ": " + prefix.toString() + " overlaps " +
                                                     s.pool.prefix().toString() + " of network " +
                                                     other->doc.value("Name", other->id.toString()) + ".");
    }
    return Status::success();
}

Status addSubnets(EngineState& state, NetworkObject& network, Json& doc)
{
    return forEachSubnet(doc, [&](Json& subnet, const std::string& where) -> Status {
        auto built = buildSubnet(subnet, network.mode, where);
        if (!built.ok())
            return built.status();
        if (Status s = checkOverlaps(state, network, built->pool.prefix(), where); !s.ok())
            return s;
        network.subnets.push_back(std::move(built.value()));
        return Status::success();
    });
}

Result<MacPool> buildMacPool(const Json& doc)
{
    std::vector<MacRange> ranges;
    auto pool = doc.find("MacPool");
    if (pool == doc.end())
        return MacPool{};
    const Json& list = pool->value("Ranges", Json::array());
    for (std::size_t i = 0; i < list.size(); ++i) {
        auto start = MacAddress::parse(list[i].value("StartMacAddress", ""));
        auto end = MacAddress::parse(list[i].value("EndMacAddress", ""));
        std::string where = "MacPool.Ranges[" + std::to_string(i) + "]";
        if (!start || !end)
            return Status(hr::InvalidNetwork, where + ": StartMacAddress and EndMacAddress are required.");
        if (end->value() < start->value())
            return Status(hr::InvalidNetwork,
                          where + ": " + end->toString() + " comes before " + start->toString() + ".");
        ranges.push_back({*start, *end});
    }
    return MacPool(std::move(ranges));
}

Status bindAdapter(const EngineState& state, NetworkObject& network, Json& doc)
{
    if (!bindsAdapter(network.mode))
        return Status::success();
    const auto& host = state.options.host;
    std::string wanted;
    if (Json* p = findPolicy(doc["Policies"], "NetAdapterName"))
        wanted = p->value("Settings", Json::object()).value("NetworkAdapterName", "");
    if (doc["Policies"].empty())
        doc.erase("Policies");
    const HostAdapter* adapter = nullptr;
    if (!wanted.empty())
        adapter = host.adapter(wanted);
    else if (!host.adapters.empty())
        adapter = &host.adapters.front();
    if (!adapter)
        return Status(hr::AdapterNotFound,
                      wanted.empty()
                          ? modeName(network.mode) + " networks need a host adapter and the host has none."
                          : "the host has no adapter named \"" + wanted + "\".");
    network.adapter = adapter->name;

    if (network.mode == NetworkMode::Overlay) {
        Json& policies = doc["Policies"];
        if (!policies.is_array())
            policies = Json::array();
        if (!findPolicy(policies, "ProviderAddress") && adapter->ipv4)
            policies.push_back({{"Type", "ProviderAddress"},
                                {"Settings", {{"ProviderAddress", adapter->ipv4->address().toString()}}}});
        if (!findPolicy(policies, "DrMacAddress")) {
            // A locally administered address derived from the adapter's MAC.
            MacAddress dr(adapter->mac.value() | (0x02ull << 40));
            policies.push_back({{"Type", "DrMacAddress"}, {"Settings", {{"Address", dr.toString()}}}});
        }
    }
    return Status::success();
}

Result<std::uint32_t> takeMacSlice(EngineState& state, Transaction& tx)
{
    for (std::uint32_t i = 0; i < kMacSliceCount; ++i) {
        if (state.macSlices.insert(i).second) {
            tx.onRollback([&state, i] { state.macSlices.erase(i); });
            return i;
        }
    }
    return Status(hr::InvalidNetwork, "the host default MAC range is used up; give the network a MacPool.");
}

void setName(EngineState& state, Transaction& tx, const std::string& name, const Guid& id)
{
    if (name.empty())
        return;
    auto key = lowerCopy(name);
    state.networkNames[key] = id;
    tx.onRollback([&state, key] { state.networkNames.erase(key); });
}

void dropName(EngineState& state, Transaction& tx, const std::string& name)
{
    if (name.empty())
        return;
    auto key = lowerCopy(name);
    auto it = state.networkNames.find(key);
    if (it == state.networkNames.end())
        return;
    Guid id = it->second;
    state.networkNames.erase(it);
    tx.onRollback([&state, key, id] { state.networkNames[key] = id; });
}

Status modifyPolicies(Json& doc, const std::string& requestType, const Json& settings)
{
    const Json& incoming = settings.value("Policies", Json::array());
    Json policies = doc.value("Policies", Json::array());
    if (requestType == "Add") {
        for (const auto& p : incoming) {
            for (const auto& existing : policies)
                if (samePolicy(existing, p))
                    return Status(hr::PolicyAlreadyExists,
                                  "the network already has this " + p.value("Type", "") + " policy.");
            policies.push_back(p);
        }
    } else if (requestType == "Remove") {
        for (const auto& p : incoming) {
            auto it = std::find_if(policies.begin(), policies.end(),
                                   [&](const Json& e) { return samePolicy(e, p); });
            if (it == policies.end())
                return Status(hr::PolicyNotFound,
                              "the network has no " + p.value("Type", "") + " policy with these settings.");
            policies.erase(it);
        }
    } else if (requestType == "Update") {
        // Update replaces the policies of each type the request names and keeps the others.
        for (const auto& p : incoming) {
            std::string type = p.value("Type", "");
            policies.erase(std::remove_if(policies.begin(), policies.end(),
                                          [&](const Json& e) { return e.value("Type", "") == type; }),
                           policies.end());
        }
        for (const auto& p : incoming)
            policies.push_back(p);
    } else {
        return Status(hr::RequestUnsupported,
                      "RequestType " + requestType + " is not supported for network policies.");
    }
    if (policies.empty())
        doc.erase("Policies");
    else
        doc["Policies"] = std::move(policies);
    return Status::success();
}

Status modifyExtensions(Json& doc, const std::string& requestType, Json settings)
{
    Json list = settings.contains("Extensions") ? settings["Extensions"] : Json::array({settings});
    if (!list.is_array())
        return Status(hr::InvalidJson, "Settings.Extensions must be an array.");
    Json extensions = doc.value("Extensions", Json::array());
    for (const auto& ext : list) {
        auto id = Guid::parse(textOf(ext, "Id").empty() ? textOf(ext, "ID") : textOf(ext, "Id"));
        if (!id)
            return Status(hr::GuidConversionFailure, "Extension Id must be a GUID.");
        auto it = std::find_if(extensions.begin(), extensions.end(),
                               [&](const Json& e) { return Guid::parse(e.value("Id", "")) == id; });
        if (requestType == "Remove") {
            if (it == extensions.end())
                return Status(hr::SwitchExtensionNotFound,
                              "extension " + id->toString() + " is not on this switch.");
            extensions.erase(it);
            continue;
        }
        const auto enabled = ext.find("IsEnabled");
        Json entry{{"Id", id->toString()},
                   {"IsEnabled", enabled == ext.end() || !enabled->is_boolean() || enabled->get<bool>()}};
        if (it == extensions.end())
            extensions.push_back(entry);
        else
            *it = entry;
    }
    doc["Extensions"] = extensions;
    return Status::success();
}

Status modifySubnets(EngineState& state, NetworkObject& network, Json& doc, const std::string& requestType,
                     Json settings)
{
    if (!supportsMultiSubnet(network.mode))
        return Status(hr::RequestUnsupported,
                      "only L2Bridge, L2Tunnel and Overlay networks take extra subnets.");
    Json& ipams = doc["Ipams"];
    if (!ipams.is_array())
        ipams = Json::array();
    // New subnets go to the first Static Ipam (a Dhcp one hands out no static addresses).
    Json* staticIpam = nullptr;
    for (auto& ipam : ipams)
        if (!staticIpam && ipam.is_object() && ipam.value("Type", "Static") == "Static")
            staticIpam = &ipam;
    if (!staticIpam) {
        ipams.push_back({{"Type", "Static"}, {"Subnets", Json::array()}});
        staticIpam = &ipams.back();
    }
    Json& subnets = (*staticIpam)["Subnets"];
    if (!subnets.is_array())
        subnets = Json::array();
    Json incoming = settings.value("Subnets", Json::array());
    for (std::size_t i = 0; i < incoming.size(); ++i) {
        Json subnet = incoming[i];
        std::string where = "Settings.Subnets[" + std::to_string(i) + "]";
        if (requestType == "Add") {
            auto built = buildSubnet(subnet, network.mode, where);
            if (!built.ok())
                return built.status();
            if (Status s = checkOverlaps(state, network, built->pool.prefix(), where); !s.ok())
                return s;
            network.subnets.push_back(std::move(built.value()));
            subnets.push_back(subnet);
        } else if (requestType == "Remove") {
            auto id = Guid::parse(subnet.value("ID", ""));
            auto prefix = IpPrefix::parse(subnet.value("IpAddressPrefix", ""));
            auto it = std::find_if(network.subnets.begin(), network.subnets.end(), [&](const SubnetState& s) {
                return (id && s.id == *id) || (prefix && s.pool.prefix() == *prefix);
            });
            if (it == network.subnets.end())
                return Status(hr::SubnetNotFound, where + ": the network has no such subnet.");
            if (it->pool.used() > 0)
                return Status(hr::EntityHasReferences, where + ": " + std::to_string(it->pool.used()) +
                                                           " endpoint addresses are still in " +
                                                           it->pool.prefix().toString() + ".");
            Guid removed = it->id;
            network.subnets.erase(it);
            for (auto& ipam : ipams)
                if (ipam.contains("Subnets"))
                    for (auto s = ipam["Subnets"].begin(); s != ipam["Subnets"].end(); ++s)
                        if (Guid::parse(s->value("ID", "")) == removed) {
                            ipam["Subnets"].erase(s);
                            break;
                        }
        } else {
            return Status(hr::RequestUnsupported,
                          "RequestType " + requestType + " is not supported for subnets.");
        }
    }
    return Status::success();
}

Status modifyIpSubnets(NetworkObject& network, Json& doc, const std::string& requestType,
                       const Json& settings)
{
    if (!supportsMultiSubnet(network.mode))
        return Status(hr::RequestUnsupported,
                      "only L2Bridge, L2Tunnel and Overlay networks take IP subnets.");
    auto subnetId = Guid::parse(settings.value("SubnetId", ""));
    if (!subnetId)
        return Status(hr::InvalidIpSubnet, "Settings.SubnetId must name a subnet of the network.");
    auto state = std::find_if(network.subnets.begin(), network.subnets.end(),
                              [&](const SubnetState& s) { return s.id == *subnetId; });
    if (state == network.subnets.end())
        return Status(hr::SubnetNotFound, "the network has no subnet " + subnetId->toString() + ".");
    Json* subnetDoc = nullptr;
    for (auto& ipam : doc["Ipams"]) {
        if (!ipam.contains("Subnets"))
            continue;
        for (auto& s : ipam["Subnets"])
            if (Guid::parse(textOf(s, "ID")) == subnetId)
                subnetDoc = &s;
    }
    if (!subnetDoc)
        return Status(hr::SubnetNotFound, "the network has no subnet " + subnetId->toString() + ".");
    Json& list = (*subnetDoc)["IpSubnets"];
    if (!list.is_array())
        list = Json::array();
    for (auto ipSubnet : settings.value("IpSubnets", Json::array())) {
        auto p = IpPrefix::parse(ipSubnet.value("IpAddressPrefix", ""));
        if (!p || !state->pool.prefix().contains(p->network()) || p->length() < state->pool.prefix().length())
            return Status(hr::InvalidIpSubnet, "\"" + ipSubnet.value("IpAddressPrefix", "") +
                                                   "\" is not inside " + state->pool.prefix().toString() +
                                                   ".");
        auto same = [&](const Json& e) { return IpPrefix::parse(e.value("IpAddressPrefix", "")) == p; };
        auto it = std::find_if(list.begin(), list.end(), same);
        if (requestType == "Add") {
            if (it != list.end())
                return Status(hr::InvalidIpSubnet,
                              p->toString() + " is already an IP subnet of this subnet.");
            if (!ipSubnet.contains("ID"))
                ipSubnet["ID"] = Guid::generate().toString();
            list.push_back(ipSubnet);
        } else if (requestType == "Remove") {
            if (it == list.end())
                return Status(hr::SubnetNotFound, p->toString() + " is not an IP subnet of this subnet.");
            list.erase(it);
        } else {
            return Status(hr::RequestUnsupported,
                          "RequestType " + requestType + " is not supported for IP subnets.");
        }
    }
    return Status::success();
}

} // namespace

Result<Guid> createNetwork(EngineState& state, Transaction& tx, const Guid& idParam, Json doc)
{
    auto idResult =
        chooseId([&](const Guid& g) { return state.networks.count(g) != 0; }, idParam, doc, "network");
    if (!idResult.ok())
        return idResult.status();

    auto network = std::make_unique<NetworkObject>();
    network->id = *idResult;
    network->serial = state.newSerial();
    // The normalizer has checked Type against the catalog; HNS omits it for NAT.
    network->mode = doc.contains("Type") ? networkModeFromName(textOf(doc, "Type")) : NetworkMode::Nat;
    if (network->mode == NetworkMode::Invalid)
        return Status(hr::InvalidNetworkType, "Type \"" + textOf(doc, "Type") + "\" is not a network mode.");

    const std::string name = doc.value("Name", "");
    if (!name.empty() && state.networkNames.count(lowerCopy(name)))
        return Status(hr::NetworkAlreadyExists, "a network named \"" + name + "\" already exists.");

    if (!doc.contains("Policies"))
        doc["Policies"] = Json::array();
    if (Status s = bindAdapter(state, *network, doc); !s.ok())
        return s;
    if (doc.contains("Policies") && doc["Policies"].empty())
        doc.erase("Policies");

    if (Status s = addSubnets(state, *network, doc); !s.ok())
        return s;
    if (network->subnets.empty() && picksOwnPrefix(network->mode) && !doc.contains("Ipams")) {
        auto prefix = pickNatPrefix(state);
        if (!prefix)
            return Status(hr::InvalidSubnet,
                          "no free private prefix is left for a " + modeName(network->mode) + " network.");
        doc["Ipams"] = Json::array(
            {{{"Type", "Static"}, {"Subnets", Json::array({{{"IpAddressPrefix", prefix->toString()}}})}}});
        if (Status s = addSubnets(state, *network, doc); !s.ok())
            return s;
    }

    auto pool = buildMacPool(doc);
    if (!pool.ok())
        return pool.status();
    network->macPool = std::move(pool.value());
    if (network->macPool.ranges().empty()) {
        auto slice = takeMacSlice(state, tx);
        if (!slice.ok())
            return slice.status();
        network->macSlice = *slice;
        MacAddress start(kDefaultMacBase + *slice * kMacSliceSize);
        MacAddress end(start.value() + kMacSliceSize - 1);
        network->macPool = MacPool({{start, end}});
        doc["MacPool"] = {{"Ranges", Json::array({{{"StartMacAddress", start.toString()},
                                                   {"EndMacAddress", end.toString()}}})}};
    }

    Json& extra = doc["Health"]["Extra"];
    extra["SwitchGuid"] = Guid::generate().toString();
    if (bindsAdapter(network->mode))
        extra["LayeredOn"] = Guid::generate().toString();
    stampBaseFields(state, doc, 1);
    if (network->mode == NetworkMode::Nat)
        doc.erase("Type"); // HNS omits the zero NetworkMode (clients default it to NAT)

    network->doc = std::move(doc);
    setName(state, tx, name, network->id);
    Guid id = network->id;
    NetworkObject* raw = network.get();
    insertObject(state, ResourceKind::Network, state.networks, tx, std::move(network));
    tx.change(ChangeOp::Create, ResourceKind::Network, id, nullptr, &raw->doc);
    tx.notify(NotificationType::NetworkPreCreate, raw->doc.value("ID", id.toString()), raw->doc);
    tx.notify(NotificationType::NetworkCreate, raw->doc.value("ID", id.toString()), raw->doc);
    return id;
}

Status modifyNetwork(EngineState& state, Transaction& tx, NetworkObject& network, const Json& request)
{
    const std::string resourceType = request.value("ResourceType", "");
    const std::string requestType = request.value("RequestType", "Add");

    // Snapshot for rollback: network modifies are rare, a copy keeps the undo simple and exact.
    auto before = std::make_shared<Json>(network.doc);
    auto subnetsBefore = std::make_shared<std::vector<SubnetState>>(network.subnets);
    NetworkObject* target = &network;
    tx.onRollback([target, before, subnetsBefore] {
        target->doc = *before;
        target->subnets = *subnetsBefore;
    });

    Json doc = network.doc;
    Status result;
    Json settings;
    if (resourceType == "Policy") {
        result = normalizeSettings(request, "PolicyNetworkRequest", settings);
        if (result.ok())
            result = modifyPolicies(doc, requestType, settings);
    } else if (resourceType == "DNS") {
        result = normalizeSettings(request, "DNS", settings);
        if (result.ok()) {
            if (requestType == "Remove")
                doc.erase("Dns");
            else
                doc["Dns"] = settings;
        }
    } else if (resourceType == "Extension") {
        result = normalizeSettings(request, "Extension", settings);
        if (result.ok())
            result = modifyExtensions(doc, requestType, request.value("Settings", Json::object()));
    } else if (resourceType == "Subnet") {
        result = normalizeSettings(request, "SubnetNetworkRequest", settings);
        if (result.ok())
            result = modifySubnets(state, network, doc, requestType, settings);
    } else if (resourceType == "IPSubnet") {
        result = normalizeSettings(request, "IPSubnetNetworkRequest", settings);
        if (result.ok())
            result = modifyIpSubnets(network, doc, requestType, settings);
    } else {
        result = Status(hr::RequestUnsupported,
                        "ResourceType \"" + resourceType + "\" cannot be modified on a network.");
    }
    if (!result.ok())
        return result;

    network.doc = std::move(doc);
    tx.change(ChangeOp::Modify, ResourceKind::Network, network.id, before.get(), &network.doc);
    tx.notify(NotificationType::NetworkModify, network.doc.value("ID", network.id.toString()), network.doc);
    if (resourceType == "Policy") {
        Json data{{"ObjectId", network.doc.value("ID", "")},
                  {"ObjectType", "Network"},
                  {"RequestType", requestType},
                  {"Policies", settings.value("Policies", Json::array())}};
        auto type = requestType == "Add"      ? NotificationType::PolicyCreate
                    : requestType == "Remove" ? NotificationType::PolicyDelete
                                              : NotificationType::PolicyModify;
        tx.notify(type, network.doc.value("ID", network.id.toString()), data);
    }
    return Status::success();
}

Status deleteNetwork(EngineState& state, Transaction& tx, const Guid& id)
{
    auto it = state.networks.find(id);
    if (it == state.networks.end())
        return Status(hr::NetworkNotFound, "no network has ID " + id.toString() + ".");
    NetworkObject& network = *it->second;
    const std::string idText = network.doc.value("ID", id.toString());

    if (!state.options.cascadeAttachedEndpointsOnNetworkDelete) {
        for (const auto& epId : network.endpoints) {
            const auto& ep = *state.endpoints.at(epId);
            if (ep.namespaceId)
                return Status(hr::EntityHasReferences, "endpoint " + ep.doc.value("ID", epId.toString()) +
                                                           " of this network is attached to namespace " +
                                                           ep.namespaceId->toString() + "; detach it first.");
        }
    }

    tx.notify(NotificationType::NetworkPreDelete, idText, Json{{"Name", network.doc.value("Name", "")}});
    std::vector<Guid> endpoints(network.endpoints.begin(), network.endpoints.end());
    for (const auto& epId : endpoints)
        if (Status s = deleteEndpoint(state, tx, epId); !s.ok())
            return s;

    dropName(state, tx, network.doc.value("Name", ""));
    if (network.macSlice) {
        std::uint32_t slice = *network.macSlice;
        state.macSlices.erase(slice);
        tx.onRollback([&state, slice] { state.macSlices.insert(slice); });
    }
    tx.change(ChangeOp::Delete, ResourceKind::Network, id, &network.doc, nullptr);
    tx.notify(NotificationType::NetworkDelete, idText, Json{{"Name", network.doc.value("Name", "")}});
    eraseObject(state, ResourceKind::Network, state.networks, tx, id);
    return Status::success();
}

} // namespace hcn::ops
