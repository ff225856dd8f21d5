#include "datapath/linux_plan.h"

#include "common/ip_protocols.h"
#include "common/port_ranges.h"
#include "common/text.h"
#include "datapath/linux_settings_reads.h"
#include "hcn/endpoint_flags.h"
#include "hcn/ip_address.h"
#include "hcn/mac_address.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace hcn::linuxdp {

using Json = nlohmann::ordered_json;

namespace {

std::string hexTag(const Guid& id)
{
    std::string hex;
    for (char c : id.toString())
        if (c != '-')
            hex += c;
    return hex.substr(0, 11);
}

std::string trimmed(std::string_view text)
{
    const auto begin = text.find_first_not_of(" \t");
    if (begin == std::string_view::npos)
        return {};
    const auto end = text.find_last_not_of(" \t");
    return std::string(text.substr(begin, end - begin + 1));
}

/// A comma-separated HCN list ("10.0.0.0/8, 192.168.1.5"); "", "*" and "Any" mean any (an empty list).
std::vector<std::string> listOf(const Json& value)
{
    std::vector<std::string> out;
    auto add = [&](std::string_view item) {
        std::string t = trimmed(item);
        if (!t.empty())
            out.push_back(t);
    };
    if (value.is_array()) {
        for (const auto& v : value)
            if (v.is_string())
                add(v.get<std::string>());
    } else if (value.is_string()) {
        std::string_view text = value.get_ref<const std::string&>();
        std::size_t start = 0;
        while (start <= text.size()) {
            auto comma = text.find(',', start);
            add(text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
            if (comma == std::string_view::npos)
                break;
            start = comma + 1;
        }
    } else if (value.is_number_unsigned()) {
        out.push_back(std::to_string(value.get<std::uint64_t>()));
    }
    if (out.size() == 1 && (out[0] == "*" || equalsIgnoreCase(out[0], "any")))
        out.clear();
    return out;
}

Status badPolicy(const std::string& where, const std::string& what)
{
    return Status(hr::InvalidPolicy, where + ": " + what);
}

/// IPv4 and IPv6 addresses and prefixes.
Status checkAddressList(const std::vector<std::string>& items, const std::string& where)
{
    for (const auto& item : items)
        if (!inFamily(item, NatFamily::V4) && !inFamily(item, NatFamily::V6))
            return badPolicy(where, "\"" + item + "\" is not an IP address or prefix.");
    return Status::success();
}

/// An ACL's port or protocol list as one comma-separated text: HNS writes a string, some clients an array
/// of strings or (v1's LocalPort, Protocol) a number; anything else lists nothing, which matches any.
std::string listText(const Json& value)
{
    if (value.is_string())
        return value.get<std::string>();
    if (value.is_number_unsigned())
        return std::to_string(value.get<std::uint64_t>());
    std::string text;
    if (value.is_array())
        for (const auto& v : value)
            if (v.is_string())
                text += (text.empty() ? "" : ",") + v.get<std::string>();
    return text;
}

/// "80", "1000-2000"; empty: any port (nothing listed, or port 0 among them).
Result<std::vector<std::string>> portsOf(const Json& value, const std::string& where)
{
    const PortList list = parsePortList(listText(value));
    if (!list.ok())
        return badPolicy(where, "\"" + list.errors.front().element + "\" is not a port or port range.");
    std::vector<std::string> out;
    for (const PortRange& range : list.ranges)
        out.push_back(toString(range));
    return out;
}

/// nft protocol numbers; empty: any protocol (nothing listed, or 256 among them).
Result<std::vector<std::string>> protocolsOf(const Json& value, const std::string& where)
{
    const ProtocolList list = parseProtocolList(listText(value));
    if (!list.ok())
        return badPolicy(where, "protocol \"" + list.errors.front().element + "\" is not a protocol number.");
    std::vector<std::string> out;
    for (std::uint32_t protocol : list.numbers)
        out.push_back(std::to_string(protocol));
    return out;
}

Result<AclPlan> planAcl(const Json& settings, const std::string& where)
{
    AclPlan acl;
    auto actionRead = textSetting(settings, "Action", "Allow", where);
    if (!actionRead.ok())
        return actionRead.status();
    auto directionRead = textSetting(settings, "Direction", "In", where);
    if (!directionRead.ok())
        return directionRead.status();
    const std::string& action = *actionRead;
    const std::string& direction = *directionRead;
    if (!equalsIgnoreCase(action, "Allow") && !equalsIgnoreCase(action, "Block"))
        return badPolicy(where, "Action \"" + action + "\" is neither Allow nor Block.");
    if (!equalsIgnoreCase(direction, "In") && !equalsIgnoreCase(direction, "Out"))
        return badPolicy(where, "Direction \"" + direction + "\" is neither In nor Out.");
    acl.allow = equalsIgnoreCase(action, "Allow");
    acl.inbound = equalsIgnoreCase(direction, "In");
    auto priority = numberSetting(settings, "Priority", acl.priority, 65535, where);
    if (!priority.ok())
        return priority.status();
    acl.priority = static_cast<std::uint32_t>(*priority);
    auto protocols = protocolsOf(settings.value("Protocols", Json("")), where);
    if (!protocols.ok())
        return protocols.status();
    acl.protocols = *protocols;
    acl.localAddresses = listOf(settings.value("LocalAddresses", Json("")));
    acl.remoteAddresses = listOf(settings.value("RemoteAddresses", Json("")));
    for (const auto* list : {&acl.localAddresses, &acl.remoteAddresses})
        if (Status s = checkAddressList(*list, where); !s.ok())
            return s;
    auto localPorts = portsOf(settings.value("LocalPorts", Json("")), where);
    if (!localPorts.ok())
        return localPorts.status();
    acl.localPorts = *localPorts;
    auto remotePorts = portsOf(settings.value("RemotePorts", Json("")), where);
    if (!remotePorts.ok())
        return remotePorts.status();
    acl.remotePorts = *remotePorts;
    const bool portsNeedTransport =
        (!acl.localPorts.empty() || !acl.remotePorts.empty()) &&
        std::any_of(acl.protocols.begin(), acl.protocols.end(), [](const auto& p) { return p != "6" && p != "17"; });
    if (portsNeedTransport)
        return badPolicy(where, "ports apply to TCP (6) and UDP (17) only.");
    return acl;
}

Result<PortMapPlan> planPortMap(const Json& settings, const std::string& where)
{
    PortMapPlan pm;
    const auto protocol = protocolSetting(settings, where);
    if (!protocol.ok())
        return protocol.status();
    if (*protocol != 6 && *protocol != 17)
        return badPolicy(where,
                         "Protocol " + std::to_string(*protocol) + " cannot be mapped (TCP 6 or UDP 17).");
    pm.protocol = *protocol == 6 ? "tcp" : "udp";
    const auto internalPort = numberSetting(settings, "InternalPort", 0, 65535, where);
    if (!internalPort.ok())
        return internalPort.status();
    const auto externalPort = numberSetting(settings, "ExternalPort", 0, 65535, where);
    if (!externalPort.ok())
        return externalPort.status();
    pm.internalPort = static_cast<std::uint16_t>(*internalPort);
    pm.externalPort = static_cast<std::uint16_t>(*externalPort);
    if (pm.externalPort == 0)
        pm.externalPort = pm.internalPort;
    auto vipText = textSetting(settings, "VIP", "", where);
    if (!vipText.ok())
        return vipText.status();
    pm.vip = *vipText;
    if (!pm.vip.empty()) {
        auto vip = IpAddress::parse(pm.vip);
        if (!vip)
            return badPolicy(where, "VIP \"" + pm.vip + "\" is not an IP address.");
        pm.vip = vip->toString();
    }
    return pm;
}

Result<DnsPlan> planDns(const Json& dns)
{
    DnsPlan plan;
    if (!dns.is_object())
        return plan;
    // A resolv.conf line ends at a newline and splits at blanks: anything carrying them would write
    // lines of its own.
    auto word = [](const std::string& item) { return item.find_first_of(" \t\r\n#;") == std::string::npos; };
    plan.domain = trimmed(dns.value("Domain", ""));
    plan.search = listOf(dns.value("Search", Json::array()));
    plan.servers = listOf(dns.value("ServerList", Json::array()));
    plan.options = listOf(dns.value("Options", Json::array()));
    if (!plan.domain.empty() && !word(plan.domain))
        return Status(hr::InvalidEndpoint, "Dns.Domain \"" + plan.domain + "\" is not a domain name.");
    for (const auto& s : plan.search)
        if (!word(s))
            return Status(hr::InvalidEndpoint, "Dns.Search: \"" + s + "\" is not a domain name.");
    for (const auto& s : plan.servers)
        if (!IpAddress::parse(s))
            return Status(hr::InvalidIp, "Dns.ServerList: \"" + s + "\" is not an IP address.");
    for (const auto& o : plan.options)
        if (!word(o))
            return Status(hr::InvalidEndpoint, "Dns.Options: \"" + o + "\" is not a resolver option.");
    return plan;
}

/// A route entry of an SDNRoute policy or an SDN route: DestinationPrefix and an optional NextHop of
/// the same family (none: on-link, as with NeedEncap).
Result<std::pair<std::string, std::string>> routeEntry(const Json& settings, const std::string& where)
{
    const auto destinationRead = textSetting(settings, "DestinationPrefix", "", where);
    if (!destinationRead.ok())
        return destinationRead.status();
    const std::string& destination = *destinationRead;
    auto prefix = IpPrefix::parse(destination);
    if (!prefix)
        return badPolicy(where, "DestinationPrefix \"" + destination + "\" is not an IP prefix.");
    const auto nextHopRead = textSetting(settings, "NextHop", "", where);
    if (!nextHopRead.ok())
        return nextHopRead.status();
    const std::string& nextHop = *nextHopRead;
    if (nextHop.empty())
        return std::pair{prefix->toString(), std::string()};
    auto gateway = IpAddress::parse(nextHop);
    if (!gateway || gateway->family() != prefix->family())
        return badPolicy(where, "NextHop \"" + nextHop + "\" is not an address of " + prefix->toString() +
                                    "'s family.");
    return std::pair{prefix->toString(), gateway->toString()};
}

/// A policy's Type; empty for anything else than a policy with a string Type.
std::string_view policyType(const Json& policy)
{
    const auto type = policy.is_object() ? policy.find("Type") : policy.end();
    return type != policy.end() && type->is_string() ? std::string_view(type->get_ref<const std::string&>())
                                                     : std::string_view();
}

const Json* policyOf(const Json& policies, std::string_view type)
{
    for (const auto& p : policies)
        if (equalsIgnoreCase(policyType(p), type))
            return &p;
    return nullptr;
}

/// The address of a ProviderAddress policy among `policies`, normalized; empty when there is none.
Result<std::string> providerAddressOf(const Json& policies)
{
    const Json* pa = policyOf(policies, "ProviderAddress");
    if (!pa)
        return std::string();
    const auto text =
        textSetting(objectSetting(*pa, "Settings"), "ProviderAddress", "", "ProviderAddress policy");
    if (!text.ok())
        return text.status();
    auto address = IpAddress::parse(*text);
    if (!address)
        return Status(hr::InvalidPolicy, "ProviderAddress \"" + *text + "\" is not an IP address.");
    return address->toString();
}

bool isIpv6Address(const std::string& text)
{
    const auto address = IpAddress::parse(text);
    return address && !address->isV4();
}

/// The overlay part of an Overlay network: VSID from its subnets' policies, the rest from its own.
Result<OverlayPlan> planOverlay(const Guid& id, const Json& doc)
{
    OverlayPlan plan;
    plan.vxlan = vxlanName(id);
    std::optional<std::uint64_t> vsid;
    for (const auto& ipam : doc.value("Ipams", Json::array()))
        for (const auto& subnet : ipam.value("Subnets", Json::array()))
            for (const auto& policy : subnet.value("Policies", Json::array())) {
                if (!equalsIgnoreCase(policyType(policy), "VSID"))
                    continue;
                const Json& settings = objectSetting(policy, "Settings");
                auto value = settings.find("IsolationId");
                if (value == settings.end() || !value->is_number_integer() || *value < 0 || *value > 0xFFFFFF)
                    return Status(hr::InvalidPolicy,
                                  "the VSID policy of subnet " + subnet.value("IpAddressPrefix", "") +
                                      " needs an IsolationId from 0 to 16777215 (24-bit VXLAN id).");
                if (vsid && *vsid != value->get<std::uint64_t>())
                    return Status(hr::InvalidPolicy,
                                  "the subnets of an overlay network name different VSIDs (" +
                                      std::to_string(*vsid) + ", " +
                                      std::to_string(value->get<std::uint64_t>()) +
                                      "); the linux datapath gives a network one VXLAN id.");
                vsid = value->get<std::uint64_t>();
            }
    if (!vsid)
        return Status(hr::InvalidNetwork,
                      "an overlay network needs a VSID policy on its subnets (its VXLAN id).");
    plan.vni = static_cast<std::uint32_t>(*vsid);
    const Json policies = doc.value("Policies", Json::array());
    auto providerAddress = providerAddressOf(policies);
    if (!providerAddress.ok())
        return providerAddress.status();
    plan.providerAddress = *providerAddress;
    if (const Json* dr = policyOf(policies, "DrMacAddress")) {
        const auto text = textSetting(objectSetting(*dr, "Settings"), "Address", "", "DrMacAddress policy");
        if (!text.ok())
            return text.status();
        auto mac = MacAddress::parse(*text);
        if (!mac)
            return Status(hr::InvalidPolicy, "DrMacAddress \"" + *text + "\" is not a MAC address.");
        plan.routerMac = mac->value();
    }
    if (const Json* port = policyOf(policies, "VxlanPort")) {
        const auto value =
            numberSetting(objectSetting(*port, "Settings"), "Port", 0, 65535, "VxlanPort policy");
        if (!value.ok())
            return value.status();
        if (*value == 0)
            return Status(hr::InvalidPolicy, "VxlanPort needs a Port from 1 to 65535.");
        plan.port = static_cast<std::uint16_t>(*value);
    }
    for (std::size_t i = 0; i < policies.size(); ++i) {
        if (!equalsIgnoreCase(policyType(policies[i]), "RemoteSubnetRoute"))
            continue;
        const std::string where = "Policies[" + std::to_string(i) + "] (RemoteSubnetRoute)";
        const Json& settings = objectSetting(policies[i], "Settings");
        RemoteSubnetPlan remote;
        const auto destination = textSetting(settings, "DestinationPrefix", "", where);
        const auto providerAddress = textSetting(settings, "ProviderAddress", "", where);
        const auto routerMac = textSetting(settings, "DistributedRouterMacAddress", "", where);
        const auto isolation = numberSetting(settings, "IsolationId", 0, 0xFFFFFF, where);
        for (const Status* read :
             {&destination.status(), &providerAddress.status(), &routerMac.status(), &isolation.status()})
            if (!read->ok())
                return *read;
        auto prefix = IpPrefix::parse(*destination);
        if (!prefix)
            return badPolicy(where,
                             "DestinationPrefix \"" + *destination + "\" is not an IPv4 or IPv6 prefix.");
        remote.prefix = prefix->toString();
        remote.nextHop = prefix->network().toString();
        auto pa = IpAddress::parse(*providerAddress);
        if (!pa)
            return badPolicy(where, "ProviderAddress \"" + *providerAddress + "\" is not an IP address.");
        remote.providerAddress = pa->toString();
        auto mac = MacAddress::parse(*routerMac);
        if (!mac)
            return badPolicy(where,
                             "DistributedRouterMacAddress \"" + *routerMac + "\" is not a MAC address.");
        remote.routerMac = mac->value();
        if (*isolation != 0 && *isolation != plan.vni)
            return badPolicy(where, "IsolationId " + std::to_string(*isolation) +
                                        " is not the network's VSID " + std::to_string(plan.vni) +
                                        " (one VXLAN id per network).");
        // One host's router MAC is behind one provider address: the VXLAN device has one entry per MAC,
        // which the routes of that host's subnets (an IPv4 and an IPv6 one, say) share.
        for (const auto& other : plan.remoteSubnets)
            if (other.routerMac == remote.routerMac && other.providerAddress != remote.providerAddress)
                return badPolicy(where,
                                 "DistributedRouterMacAddress " + *routerMac + " is behind ProviderAddress " +
                                     other.providerAddress +
                                     " in another RemoteSubnetRoute; one MAC has one provider address.");
        plan.remoteSubnets.push_back(remote);
    }
    return plan;
}

} // namespace

std::uint32_t vxlanOverhead(const OverlayPlan& overlay)
{
    return isIpv6Address(overlay.providerAddress) ? kVxlanOverheadIpv6 : kVxlanOverhead;
}

Result<std::uint32_t> tunnelMtu(const OverlayPlan& overlay, std::uint32_t underlayMtu)
{
    const std::uint32_t overhead = vxlanOverhead(overlay);
    if (underlayMtu < overhead + 68)
        return Status(hr::InvalidNetwork, "the underlay's MTU " + std::to_string(underlayMtu) +
                                              " leaves no room for VXLAN's " + std::to_string(overhead) +
                                              " bytes.");
    return underlayMtu - overhead;
}

Status checkUnderlayFamily(const OverlayPlan& overlay, const std::string& providerAddress,
                           const std::string& what)
{
    const bool remote6 = isIpv6Address(providerAddress);
    if (remote6 == isIpv6Address(overlay.providerAddress))
        return Status::success();
    const std::string local =
        overlay.providerAddress.empty()
            ? "the network has no ProviderAddress, so its VXLAN device sends over IPv4"
            : "the network's ProviderAddress " + overlay.providerAddress + " is IPv" + (remote6 ? "4" : "6");
    return Status(hr::InvalidPolicy, what + "'s ProviderAddress " + providerAddress + " is IPv" +
                                         (remote6 ? "6" : "4") + ", and " + local +
                                         ": one VXLAN device reaches other hosts over one address family.");
}

bool inFamily(const std::string& addressOrPrefix, NatFamily family)
{
    const IpFamily want = family == NatFamily::V4 ? IpFamily::V4 : IpFamily::V6;
    if (auto address = IpAddress::parse(addressOrPrefix))
        return address->family() == want;
    auto prefix = IpPrefix::parse(addressOrPrefix, true);
    return prefix && prefix->family() == want;
}

std::string bridgeName(const Guid& network)
{
    return "hcnb" + hexTag(network);
}

std::string hostVethName(const Guid& endpoint)
{
    return "hcnv" + hexTag(endpoint);
}

std::string vxlanName(const Guid& network)
{
    return "hcnx" + hexTag(network);
}

std::string trunkName(const Guid& network)
{
    return "hcnt" + hexTag(network);
}

std::string trunkPeerName(const Guid& network)
{
    return "hcnu" + hexTag(network);
}

std::string linkAlias(const Guid& id)
{
    return "hcn:" + id.toString();
}

bool isOurLink(const std::string& name, const std::string& alias)
{
    return name.size() == 15 && name.rfind("hcn", 0) == 0 && alias.rfind("hcn:", 0) == 0;
}

std::string namespaceName(const Guid& ns)
{
    return "hcn-" + ns.toString(GuidCase::Lower);
}

void sortByPriority(std::vector<AclPlan>& acls)
{
    std::stable_sort(acls.begin(), acls.end(),
                     [](const AclPlan& a, const AclPlan& b) { return a.priority < b.priority; });
}

Result<NetworkPlan> planNetwork(const Guid& id, const Json& doc)
{
    NetworkPlan plan;
    plan.id = id;
    plan.bridge = bridgeName(id);
    const std::string type = doc.value("Type", "NAT");
    const bool nat =
        equalsIgnoreCase(type, "NAT") || equalsIgnoreCase(type, "ICS") || equalsIgnoreCase(type, "Internal");
    const bool overlay = equalsIgnoreCase(type, "Overlay");
    const bool bridged = equalsIgnoreCase(type, "L2Bridge") || equalsIgnoreCase(type, "Transparent") ||
                         equalsIgnoreCase(type, "L2Tunnel");
    if (!nat && !overlay && !bridged && !equalsIgnoreCase(type, "Private"))
        return Status(hr::InvalidNetworkType,
                      "the linux datapath programs NAT, ICS, Internal, Private, Overlay, "
                      "L2Bridge, L2Tunnel and Transparent networks; " +
                          type + " networks are not supported yet.");
    plan.type = type;
    plan.masquerade = nat;
    plan.isolatedPorts = equalsIgnoreCase(type, "L2Tunnel");
    // NetworkACL: an ACL of every local endpoint of the network, with the ACL policy's settings.
    const Json networkPolicies = doc.value("Policies", Json::array());
    for (std::size_t i = 0; i < networkPolicies.size(); ++i)
        if (equalsIgnoreCase(policyType(networkPolicies[i]), "NetworkACL")) {
            auto acl =
                planAcl(objectSetting(networkPolicies[i], "Settings"), "Policies[" + std::to_string(i) + "]");
            if (!acl.ok())
                return acl.status();
            plan.acls.push_back(*acl);
        }
    sortByPriority(plan.acls);
    if (bridged) {
        // The host adapter joins the bridge: the endpoints are on its network, its router is theirs.
        if (const Json* name = policyOf(networkPolicies, "NetAdapterName")) {
            auto adapter = textSetting(objectSetting(*name, "Settings"), "NetworkAdapterName", "",
                                       "NetAdapterName policy");
            if (!adapter.ok())
                return adapter.status();
            plan.adapter = *adapter;
        }
        if (plan.adapter.empty())
            return Status(hr::InvalidNetwork, "the linux datapath bridges " + type +
                                                  " networks to the interface a NetAdapterName policy names; "
                                                  "the network has none.");
        return plan;
    }
    if (overlay) {
        auto o = planOverlay(id, doc);
        if (!o.ok())
            return o.status();
        plan.overlay = std::move(*o);
    }
    // NAT networks: the host's vNIC. Overlay: the distributed router every host of the network has.
    if (!nat && !overlay)
        return plan;
    for (const auto& ipam : doc.value("Ipams", Json::array()))
        for (const auto& subnet : ipam.value("Subnets", Json::array())) {
            auto prefix = IpPrefix::parse(subnet.value("IpAddressPrefix", ""));
            if (!prefix)
                continue;
            std::optional<IpAddress> gateway;
            for (const auto& route : subnet.value("Routes", Json::array())) {
                const std::string dst = route.value("DestinationPrefix", "");
                if (dst == "0.0.0.0/0" || dst == "::/0")
                    gateway = IpAddress::parse(route.value("NextHop", ""));
            }
            if (!gateway)
                gateway = IpAddress::fromValue(prefix->family(), prefix->network().value() + 1);
            if (!prefix->contains(*gateway))
                return Status(hr::InvalidSubnet, "gateway " + gateway->toString() + " is outside subnet " +
                                                     prefix->toString() + ".");
            plan.gatewayCidrs.push_back(gateway->toString() + "/" + std::to_string(prefix->length()));
        }
    return plan;
}

Result<EndpointPlan> planEndpoint(const Guid& id, const Json& doc)
{
    EndpointPlan plan;
    plan.id = id;
    auto network = Guid::parse(doc.value("HostComputeNetwork", ""));
    if (!network)
        return Status(hr::InvalidEndpoint, "the endpoint names no network.");
    plan.network = *network;
    if (auto flags = doc.find("Flags"); flags != doc.end() && flags->is_number_integer() && *flags >= 0)
        plan.remote = (flags->get<std::uint32_t>() & kRemoteEndpointFlag) != 0;
    for (const auto& config : doc.value("IpConfigurations", Json::array())) {
        auto address = IpAddress::parse(config.value("IpAddress", ""));
        if (!address)
            continue;
        const int length = config.value("PrefixLength", address->bitWidth());
        plan.addressCidrs.push_back(address->toString() + "/" + std::to_string(length));
        if (address->isV4() && plan.ipv4.empty())
            plan.ipv4 = address->toString();
        else if (!address->isV4() && plan.ipv6.empty())
            plan.ipv6 = address->toString();
    }
    if (auto mac = MacAddress::parse(doc.value("MacAddress", "")))
        plan.mac = mac->value();
    if (plan.remote) {
        // Its address backs load balancers; on an overlay network, its MAC and ProviderAddress become
        // forwarding entries. Other policies describe the other host's port.
        auto providerAddress = providerAddressOf(doc.value("Policies", Json::array()));
        if (!providerAddress.ok())
            return providerAddress.status();
        plan.providerAddress = *providerAddress;
        return plan;
    }
    plan.hostVeth = hostVethName(id);
    for (const auto& route : doc.value("Routes", Json::array()))
        plan.routes.emplace_back(route.value("DestinationPrefix", ""), route.value("NextHop", ""));
    auto dns = planDns(doc.value("Dns", Json::object()));
    if (!dns.ok())
        return dns.status();
    plan.dns = *dns;
    if (auto ns = doc.find("HostComputeNamespace"); ns != doc.end() && ns->is_string() && !ns->get<std::string>().empty())
        plan.ns = Guid::parse(ns->get<std::string>());

    const Json policies = doc.value("Policies", Json::array());
    for (std::size_t i = 0; i < policies.size(); ++i) {
        const std::string where = "Policies[" + std::to_string(i) + "]";
        const std::string type(policyType(policies[i]));
        const Json& settings = objectSetting(policies[i], "Settings");
        if (equalsIgnoreCase(type, "PortMapping")) {
            auto pm = planPortMap(settings, where);
            if (!pm.ok())
                return pm.status();
            plan.portMaps.push_back(*pm);
        } else if (equalsIgnoreCase(type, "ACL")) {
            auto acl = planAcl(settings, where);
            if (!acl.ok())
                return acl.status();
            plan.acls.push_back(*acl);
        } else if (equalsIgnoreCase(type, "OutBoundNAT")) {
            OutboundNatPlan nat;
            nat.exceptions = listOf(settings.value("Exceptions", Json::array()));
            if (Status s = checkAddressList(nat.exceptions, where + ".Exceptions"); !s.ok())
                return s;
            auto virtualIp = textSetting(settings, "VirtualIP", "", where);
            if (!virtualIp.ok())
                return virtualIp.status();
            nat.virtualIp = *virtualIp;
            if (!nat.virtualIp.empty()) {
                auto vip = IpAddress::parse(nat.virtualIp);
                if (!vip)
                    return badPolicy(where, "VirtualIP \"" + nat.virtualIp + "\" is not an IP address.");
                nat.virtualIp = vip->toString();
            }
            plan.outboundNat = nat;
        } else if (equalsIgnoreCase(type, "SDNRoute")) {
            auto route = routeEntry(settings, where);
            if (!route.ok())
                return route.status();
            plan.routes.push_back(*route);
        } else if (equalsIgnoreCase(type, "EncapOverhead") || equalsIgnoreCase(type, "InterfaceParameters")) {
            const bool overhead = equalsIgnoreCase(type, "EncapOverhead");
            const char* field = overhead ? "Overhead" : "Mtu";
            auto value = settings.find(field);
            if (value == settings.end() || !value->is_number_unsigned() ||
                value->get<std::uint64_t>() > 65535)
                return badPolicy(where, std::string(type) + " needs a " + field + " from 0 to 65535.");
            auto& target = overhead ? plan.encapOverhead : plan.mtu;
            if (!target) // the engine refuses a second InterfaceParameters; the first counts
                target = value->get<std::uint32_t>();
            if (!overhead && *target == 0)
                plan.mtu.reset(); // 0: not set
        } else {
            return Status(hr::InvalidPolicyType,
                          where + ": the linux datapath does not program " + type +
                              " policies yet (PortMapping, ACL, OutBoundNAT, SDNRoute, EncapOverhead and "
                              "InterfaceParameters only).");
        }
    }
    sortByPriority(plan.acls);
    if ((!plan.portMaps.empty() || plan.outboundNat) && plan.ipv4.empty() && plan.ipv6.empty())
        return Status(hr::InvalidPolicy, "port mappings and OutBoundNAT need an IP address on the endpoint.");
    for (const auto& pm : plan.portMaps)
        if (!pm.vip.empty() && (inFamily(pm.vip, NatFamily::V4) ? plan.ipv4 : plan.ipv6).empty())
            return Status(hr::InvalidPolicy, "the port mapping on VIP " + pm.vip +
                                                 " needs an address of its family on the endpoint.");
    return plan;
}

Result<std::uint32_t> endpointMtu(const NetworkPlan& network, const EndpointPlan& endpoint)
{
    const std::uint32_t underlay = network.underlayMtu ? network.underlayMtu : kEthernetMtu;
    std::uint32_t mtu = 0;
    std::string from;
    if (endpoint.mtu) {
        mtu = *endpoint.mtu;
        from = "InterfaceParameters' Mtu " + std::to_string(mtu);
    } else if (endpoint.encapOverhead) {
        if (*endpoint.encapOverhead >= underlay)
            return Status(hr::InvalidPolicy, "EncapOverhead " + std::to_string(*endpoint.encapOverhead) +
                                                 " leaves nothing of the underlay's MTU " +
                                                 std::to_string(underlay) + ".");
        mtu = underlay - *endpoint.encapOverhead;
        from = "the underlay's MTU " + std::to_string(underlay) + " less EncapOverhead " +
               std::to_string(*endpoint.encapOverhead);
    } else if (network.overlay) {
        return network.mtu ? network.mtu : underlay - vxlanOverhead(*network.overlay);
    } else {
        return network.mtu; // an adapter's (L2Bridge, Transparent), else the kernel's default
    }
    if (mtu == 0)
        return 0u;
    const std::uint32_t overhead = network.overlay ? vxlanOverhead(*network.overlay) : 0;
    const std::uint32_t carried = network.mtu ? network.mtu : network.overlay ? underlay - overhead : 0;
    if (carried && mtu > carried)
        return Status(hr::InvalidPolicy,
                      "the endpoint's MTU (" + from + ") is more than the " + std::to_string(carried) +
                          " bytes its network carries" +
                          (network.overlay ? " (the underlay's MTU " + std::to_string(underlay) + " less " +
                                                 std::to_string(overhead) + " bytes of VXLAN)."
                                           : " (its adapter's MTU)."));
    if (mtu < 68 || (mtu < 1280 && !endpoint.ipv6.empty()))
        return Status(hr::InvalidPolicy, "the endpoint's MTU (" + from + ") is below the " +
                                             (mtu < 68 ? "68 bytes IPv4" : "1280 bytes IPv6") + " needs.");
    return mtu;
}

Result<LoadBalancerPlan> planLoadBalancer(const Guid& id, const Json& doc)
{
    LoadBalancerPlan plan;
    plan.id = id;
    const auto flags = doc.value("Flags", 0u);
    plan.dsr = (flags & 1u) != 0;
    plan.ipv6 = (flags & 2u) != 0; // HCN's IPv6 flag: VIPs and backends of that family
    const char* family = plan.ipv6 ? "IPv6" : "IPv4";
    for (const auto& vip : doc.value("FrontendVIPs", Json::array())) {
        auto address = vip.is_string() ? IpAddress::parse(vip.get<std::string>()) : std::nullopt;
        if (!address || address->isV4() == plan.ipv6)
            return Status(hr::InvalidIp, "FrontendVIPs: \"" +
                                             (vip.is_string() ? vip.get<std::string>() : vip.dump()) +
                                             "\" is not an " + family + " address" +
                                             (plan.ipv6 ? "." : " (IPv6 load balancers set Flags 2)."));
        plan.vips.push_back(address->toString());
    }
    for (const auto& endpoint : doc.value("HostComputeEndpoints", Json::array()))
        if (auto backend = endpoint.is_string() ? Guid::parse(endpoint.get<std::string>()) : std::nullopt)
            plan.backends.push_back(*backend);
    const Json mappings = doc.value("PortMappings", Json::array());
    for (std::size_t i = 0; i < mappings.size(); ++i) {
        const std::string where = "PortMappings[" + std::to_string(i) + "]";
        LoadBalancerPlan::Port port;
        // A port mapping of a load balancer is part of its document, not a policy's settings: the engine
        // refuses a wrong one with the document's code.
        const Json& mapping = mappings[i];
        const auto protocol = protocolSetting(mapping, where, hr::InvalidJson);
        const auto internalPort = numberSetting(mapping, "InternalPort", 0, 65535, where, hr::InvalidJson);
        const auto externalPort = numberSetting(mapping, "ExternalPort", 0, 65535, where, hr::InvalidJson);
        const auto distribution = enumSetting(mapping, "DistributionType", "LoadBalancerDistribution", 0,
                                              0xFFFFFFFF, where, hr::InvalidJson);
        const auto mappingFlags = numberSetting(mapping, "Flags", 0, 0xFFFFFFFF, where, hr::InvalidJson);
        for (const Status* read : {&protocol.status(), &internalPort.status(), &externalPort.status(),
                                   &distribution.status(), &mappingFlags.status()})
            if (!read->ok())
                return *read;
        if (*protocol != 6 && *protocol != 17)
            return Status(hr::InvalidPolicy, where + ": protocol " + std::to_string(*protocol) +
                                                 " cannot be balanced (TCP 6 or UDP 17).");
        port.protocol = *protocol == 6 ? "tcp" : "udp";
        port.internalPort = static_cast<std::uint16_t>(*internalPort);
        port.externalPort = static_cast<std::uint16_t>(*externalPort);
        if (port.externalPort == 0)
            port.externalPort = port.internalPort;
        port.distribution = static_cast<int>(std::min<std::uint64_t>(*distribution, 3));
        port.localRoutedVip = (*mappingFlags & 2u) != 0;
        if (*distribution > 2)
            return Status(hr::InvalidPolicy,
                          where + ": DistributionType " + std::to_string(*distribution) +
                              " is not 0 (none), 1 (source IP and protocol) or 2 (source IP).");
        plan.ports.push_back(port);
    }
    return plan;
}

Result<SdnRoutePlan> planSdnRoute(const Guid& id, const Json& doc)
{
    SdnRoutePlan plan;
    plan.id = id;
    for (const auto& endpoint : doc.value("HostComputeEndpoints", Json::array()))
        if (auto ep = endpoint.is_string() ? Guid::parse(endpoint.get<std::string>()) : std::nullopt)
            plan.endpoints.push_back(*ep);
    // The documented "Routes" and hcsshim's "Setting" (SDNRoutePolicySetting each).
    for (const char* key : {"Routes", "Setting"}) {
        const Json list = doc.value(key, Json::array());
        for (std::size_t i = 0; i < list.size(); ++i) {
            auto route = routeEntry(list[i], std::string(key) + "[" + std::to_string(i) + "]");
            if (!route.ok())
                return route.status();
            plan.routes.push_back(*route);
        }
    }
    return plan;
}

} // namespace hcn::linuxdp
