// Overlay networks, remote endpoints, RemoteSubnetRoutes, SDN routes and L2Bridge adapters of the Linux
// datapath against the real kernel. Two "hosts" joined by a veth underlay on 192.168.250.0/24: the suite's
// own network namespace, where the datapath under test runs (ul0, .1), and a peer namespace the suite makes
// for each case (ul1, .2), running a VXLAN device built by hand or a second datapath. Traffic only flows
// between namespaces the suite made; everything goes at cleanup, failed case or not.

#include "datapath/linux_linkmonitor.h"
#include "linux_host.h"
#include "netns_probe.h"

#include <QElapsedTimer>
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <dirent.h>
#include <fstream>
#include <functional>
#include <mutex>
#include <optional>
#include <sstream>
#include <sys/wait.h>

using namespace hcntest;
using hcn::Guid;
using hcn::ResourceKind;

namespace {

constexpr std::uint32_t kVsid = 4100;
const char* const kRemoteMac = "02:00:00:00:14:14";

/// A program's standard output; `ok` says whether it ran and exited 0.
std::string outputOf(const std::string& program, const std::vector<std::string>& args, bool* ok = nullptr)
{
    ChildProcess child;
    const bool ran = child.start(program, args) && child.waitForExit(10000) && child.exitCode() == 0;
    if (ok)
        *ok = ran;
    return child.readStdout();
}

/// `ip -j <args>` in the named namespace (empty: the suite's own), parsed; an empty array when it fails.
json ipJson(const std::string& program, const std::string& netns, std::vector<std::string> args)
{
    std::vector<std::string> all{"-j"};
    if (!netns.empty())
        all.insert(all.end(), {"-n", netns});
    all.insert(all.end(), args.begin(), args.end());
    bool ok = false;
    const std::string text = outputOf(program, all, &ok);
    if (!ok || text.empty())
        return json::array();
    auto parsed = json::parse(text, nullptr, false);
    return parsed.is_discarded() ? json::array() : parsed;
}

/// The name prefix of the suite's peer namespaces, followed by the suite's process id.
constexpr const char* kPeerPrefix = "hcntest-peer-";

/// The command name of a process ("" when it does not exist).
std::string commandOf(const std::string& pid)
{
    std::string name;
    std::getline(std::ifstream("/proc/" + pid + "/comm"), name);
    return name;
}

/// Removes the peer namespaces an earlier run of the suite left behind (it crashed or was killed before
/// its cleanup): those whose process is gone or is no longer this suite. Another run going on at the
/// same time keeps its own.
void removeLeftoverPeers()
{
    const std::string self = commandOf("self");
    std::vector<std::string> leftovers;
    if (DIR* dir = opendir("/run/netns")) {
        while (dirent* entry = readdir(dir)) {
            const std::string name = entry->d_name;
            if (name.rfind(kPeerPrefix, 0) != 0)
                continue;
            const std::string pid =
                name.substr(std::strlen(kPeerPrefix),
                            name.find('-', std::strlen(kPeerPrefix)) - std::strlen(kPeerPrefix));
            if (pid.empty() || pid.find_first_not_of("0123456789") != std::string::npos)
                continue; // not a name this suite makes
            if (commandOf(pid) != self)
                leftovers.push_back(name);
        }
        closedir(dir);
    }
    for (const auto& name : leftovers) {
        qInfo("removing the peer namespace %s left by an earlier run", name.c_str());
        (void)hcn::linuxdp::removeNamedNetns("/run/netns", name);
    }
}

/// The peer host: a named namespace joined to the suite's by the veth pair ul0 (here) / ul1 (there).
struct Underlay
{
    std::string netns = kPeerPrefix + std::to_string(getpid()) + "-" +
                        Guid::generate().toString(hcn::GuidCase::Lower).substr(0, 8);
    std::optional<hcn::linuxdp::NetnsFd> fd;
    std::string error;

    Underlay()
    {
        auto fail = [&](const hcn::Status& s) {
            error = s.detail();
            return false;
        };
        [&] {
            if (hcn::Status s = hcn::linuxdp::createNamedNetns("/run/netns", netns); !s.ok())
                return fail(s);
            auto opened = hcn::linuxdp::NetnsFd::openPath("/run/netns/" + netns);
            if (!opened.ok())
                return fail(opened.status());
            fd.emplace(std::move(*opened));
            auto here = hcn::linuxdp::RouteSocket::open();
            auto there = hcn::linuxdp::RouteSocket::openIn(fd->get());
            if (!here.ok() || !there.ok())
                return fail(here.ok() ? there.status() : here.status());
            for (hcn::Status s :
                 {here->addVeth("ul0", "ul1", std::nullopt), here->moveTo("ul1", fd->get(), "ul1"),
                  here->addAddress("ul0", "192.168.250.1/24"), here->setUp("ul0"),
                  there->addAddress("ul1", "192.168.250.2/24"), there->setUp("ul1"), there->setUp("lo")})
                if (!s.ok())
                    return fail(s);
            return true;
        }();
    }
    ~Underlay()
    {
        fd.reset();
        (void)hcn::linuxdp::removeNamedNetns("/run/netns", netns); // takes ul1 and so ul0 with it
        if (auto here = hcn::linuxdp::RouteSocket::open(); here.ok())
            (void)here->deleteLink("ul0");
    }
    /// Runs `work` on a thread inside the peer namespace.
    hcn::Status inPeer(const std::function<hcn::Status()>& work)
    {
        return hcn::linuxdp::runInNetns(fd->get(), work);
    }
};

/// The engine's host: the underlay's end in that namespace, and an adapter the kernel does not have.
hcn::HostEnvironment underlayHost(const std::string& address, const std::string& mac)
{
    json adapters = json::array();
    adapters.push_back(
        {{"name", address == "192.168.250.1" ? "ul0" : "ul1"}, {"ipv4", address + "/24"}, {"mac", mac}});
    adapters.push_back({{"name", "ghost0"}, {"ipv4", "192.0.2.9/24"}, {"mac", "02-00-00-00-FA-09"}});
    return *hcn::HostEnvironment::fromJson(json{{"adapters", adapters}}.dump());
}

/// The peer's workload: a VXLAN device with the network's VNI and the remote endpoint's MAC, holding
/// `addresses`, sending what it does not know to this host (`here`, from the peer's `local`: the
/// underlay's IPv4 addresses unless given). Empty, or what failed.
std::string peerVxlan(const std::string& peer, const std::vector<std::string>& addresses,
                      const std::string& local = "192.168.250.2", const std::string& here = "192.168.250.1")
{
    std::vector<std::vector<std::string>> commands{{"-n", peer, "link", "add", "vx0", "address", kRemoteMac,
                                                    "type", "vxlan", "id", std::to_string(kVsid), "local",
                                                    local, "dstport", "4789"}};
    for (const auto& address : addresses) {
        commands.push_back({"-n", peer, "addr", "add", address, "dev", "vx0"});
        if (address.find(':') != std::string::npos)
            commands.back().push_back("nodad"); // usable at once, as the datapath's own addresses are
    }
    commands.push_back({"-n", peer, "link", "set", "vx0", "up"});
    for (const auto& args : commands) {
        bool ok = false;
        outputOf(IP_PATH, args, &ok);
        if (!ok)
            return "ip " + args[2] + " " + args[3] + " failed";
    }
    bool ok = false;
    outputOf(BRIDGE_PATH, {"-n", peer, "fdb", "append", "00:00:00:00:00:00", "dev", "vx0", "dst", here}, &ok);
    return ok ? std::string() : "bridge fdb append failed";
}

json overlayNetwork(const std::string& name, int third, std::uint32_t vsid, json policies = json::array())
{
    const std::string net = "10.244." + std::to_string(third) + ".";
    json doc = natNetwork(name, net + "0/24", net + "1");
    doc["Type"] = "Overlay";
    doc["Ipams"][0]["Subnets"][0]["Policies"] =
        json::array({{{"Type", "VSID"}, {"Settings", {{"IsolationId", vsid}}}}});
    if (!policies.empty())
        doc["Policies"] = policies;
    return doc;
}

json remoteEndpoint(const std::string& address, const std::string& mac, const std::string& providerAddress)
{
    return v2({{"Name", "remote-" + address},
               {"Flags", 1},
               {"MacAddress", mac},
               {"IpConfigurations", {{{"IpAddress", address}}}},
               {"Policies",
                {{{"Type", "ProviderAddress"}, {"Settings", {{"ProviderAddress", providerAddress}}}}}}});
}

json remoteSubnetRoute(const std::string& prefix, const std::string& providerAddress,
                       const std::string& routerMac, std::uint32_t vsid = 4096)
{
    return {{"Type", "RemoteSubnetRoute"},
            {"Settings",
             {{"DestinationPrefix", prefix},
              {"IsolationId", vsid},
              {"ProviderAddress", providerAddress},
              {"DistributedRouterMacAddress", routerMac}}}};
}

/// A local endpoint with the given addresses (IPv6 ones with a /64).
json endpointDoc(const std::vector<std::string>& addresses)
{
    json configurations = json::array();
    for (const auto& address : addresses) {
        configurations.push_back({{"IpAddress", address}});
        if (address.find(':') != std::string::npos)
            configurations.back()["PrefixLength"] = 64;
    }
    return v2({{"Name", "ep-" + addresses.front()}, {"IpConfigurations", configurations}});
}

/// Host B: a second datapath and engine in the peer namespace, with one network and one endpoint attached
/// to a namespace of its own; shut down there at scope exit.
struct PeerHost
{
    Underlay& underlay;
    LinuxHost host;
    std::string netns; ///< its endpoint's namespace

    explicit PeerHost(Underlay& peer) : underlay(peer) {}
    hcn::Status start(const json& network, const json& endpoint)
    {
        return underlay.inPeer([&]() -> hcn::Status {
            if (hcn::Status s = host.open(underlayHost("192.168.250.2", "02-00-00-00-FA-02")); !s.ok())
                return s;
            auto net = host.create(ResourceKind::Network, network);
            if (!net.ok())
                return net.status();
            auto ep = host.create(ResourceKind::Endpoint, endpoint, *net);
            if (!ep.ok())
                return ep.status();
            auto ns = host.namespaceWith(*ep);
            if (!ns.ok())
                return ns.status();
            netns = host.netnsOf(*ns);
            return hcn::Status::success();
        });
    }
    ~PeerHost()
    {
        (void)underlay.inPeer([&] {
            if (host.engine)
                host.engine->shutdown();
            host.engine.reset();
            host.datapath.reset();
            return hcn::Status::success();
        });
    }
};

/// net.ipv6.conf.all.forwarding in the calling thread's network namespace becomes `value`; returns the
/// one it had. The hosts of a routed IPv6 overlay need it, and hcnd leaves it to the administrator.
std::string setIpv6Forwarding(const std::string& value)
{
    const char* path = "/proc/sys/net/ipv6/conf/all/forwarding";
    std::string previous;
    std::getline(std::ifstream(path), previous);
    std::ofstream(path) << value << "\n";
    return previous;
}

/// The link-local addresses of hcnd's bridges in a namespace (empty: the suite's), as "<bridge> <address>",
/// followed by " tentative" while duplicate address detection holds the address back.
std::vector<std::string> bridgeLinkLocals(const std::string& netns)
{
    std::vector<std::string> out;
    for (const auto& link : ipJson(IP_PATH, netns, {"-6", "addr", "show", "scope", "link"}))
        for (const auto& address : link.value("addr_info", json::array()))
            if (link.value("ifname", "").rfind("hcnb", 0) == 0 && address.contains("local"))
                out.push_back(link.value("ifname", "") + " " + address.value("local", "") +
                              (address.value("tentative", false) ? " tentative" : ""));
    return out;
}

json sdnRoute(const Guid& endpoint, const std::string& prefix, const std::string& nextHop)
{
    return v2({{"HostComputeEndpoints", {endpoint.toString()}},
               {"Routes", {{{"DestinationPrefix", prefix}, {"NextHop", nextHop}}}}});
}

/// The routes of every table of a namespace (empty: the suite's) but the link-local ones: the kernel
/// adds a link's own fe80:: address to its local table when duplicate address detection ends, a second
/// or so after the link came up, whatever the datapath does meanwhile.
json settledRoutes(const std::string& netns)
{
    json out = json::array();
    for (const auto& route : ipJson(IP_PATH, netns, {"route", "show", "table", "all"}))
        if (route.value("dst", "").rfind("fe80:", 0) != 0)
            out.push_back(route);
    return out;
}

/// The routes, neighbours and forwarding entries of a namespace (empty: the suite's), for comparisons.
std::string forwardingState(const std::string& netns)
{
    std::string out;
    out += settledRoutes(netns).dump() + "\n";
    out += ipJson(IP_PATH, netns, {"neigh", "show", "nud", "permanent"}).dump() + "\n";
    out += ipJson(BRIDGE_PATH, netns, {"fdb", "show", "state", "static"}).dump() + "\n";
    return out;
}

/// The MTU of a link in the named namespace (empty: the suite's), -1 when it cannot be read.
int mtuOf(const std::string& netns, const std::string& link)
{
    const json l = ipJson(IP_PATH, netns, {"link", "show", "dev", link});
    return l.size() == 1 ? l[0].value("mtu", -1) : -1;
}

/// IP datagrams the named namespace has reassembled from fragments (ReasmReqds of /proc/net/snmp).
long reassembliesIn(hcn::linuxdp::NetnsFd& ns)
{
    long count = -1;
    (void)hcn::linuxdp::runInNetns(ns.get(), [&] {
        // thread-self: /proc/net follows the process's main thread, which is elsewhere.
        std::ifstream snmp("/proc/thread-self/net/snmp");
        std::string header, values;
        while (std::getline(snmp, header) && std::getline(snmp, values)) {
            if (header.rfind("Ip:", 0) != 0)
                continue;
            std::istringstream names(header), numbers(values);
            for (std::string name, number; names >> name && numbers >> number;)
                if (name == "ReasmReqds")
                    count = std::stol(number);
        }
        return hcn::Status::success();
    });
    return count;
}

/// Whether a ping of `size` bytes of payload with DF set (no fragmentation anywhere on the way) from
/// inside the named namespace is answered within waitMs.
bool pingWithoutFragments(const std::string& netns, const std::string& address, int size, int waitMs = 3000)
{
    return pingFrom(netns, address, waitMs, {"-M", "do", "-s", std::to_string(size)});
}

/// A link's global addresses and the routes out of it other than the kernel's (in any table), one line
/// each, sorted: what the host reaches others by through that link.
QStringList addressingOf(const std::string& link)
{
    QStringList out;
    for (const auto& l : ipJson(IP_PATH, "", {"addr", "show", "dev", link, "scope", "global"}))
        for (const auto& a : l.value("addr_info", json::array()))
            if (a.contains("local")) // ip lists the addresses its filter left out as empty objects
                out << QString::fromStdString("address " + a.value("local", "") + "/" +
                                              std::to_string(a.value("prefixlen", 0)));
    for (const char* family : {"-4", "-6"})
        for (const auto& r : ipJson(IP_PATH, "", {family, "route", "show", "table", "all", "dev", link})) {
            const std::string dst = r.value("dst", "");
            if (r.value("protocol", "") == "kernel" || dst.rfind("fe80", 0) == 0 || dst.rfind("ff00", 0) == 0)
                continue;
            out << QString::fromStdString("route " + dst + " via " + r.value("gateway", "-") + " metric " +
                                          std::to_string(r.value("metric", 0)) +
                                          (r.contains("table") ? " table " + r.value("table", "") : ""));
        }
    // The policy routing rules naming the link (ip prints a rule's iif/oif by name).
    for (const char* family : {"-4", "-6"})
        for (const auto& r : ipJson(IP_PATH, "", {family, "rule", "show"}))
            if (r.value("iif", "") == link || r.value("oif", "") == link)
                out << QString::fromStdString(
                    std::string("rule ") + family + " " + std::to_string(r.value("priority", 0)) +
                    (r.contains("iif") ? " iif" : "") + (r.contains("oif") ? " oif" : "") + " table " +
                    r.value("table", ""));
    out.sort();
    return out;
}

/// Whether the suite's own namespace (the host) routes to `address` when a socket is bound to `link`.
bool routesOutOf(const std::string& link, const std::string& address)
{
    bool ok = false;
    outputOf(IP_PATH, {"route", "get", address, "oif", link}, &ok);
    return ok;
}

json adapterPolicy(const std::string& adapter)
{
    return json{{"Type", "NetAdapterName"}, {"Settings", {{"NetworkAdapterName", adapter}}}};
}

/// net.ipv4.conf.<link>.arp_ignore in the suite's namespace.
std::string arpIgnore(const std::string& link)
{
    std::string value;
    std::getline(std::ifstream("/proc/sys/net/ipv4/conf/" + link + "/arp_ignore"), value);
    return value;
}

/// The bridge link `link` is a port of; empty when none.
std::string masterOf(const std::string& link)
{
    const json shown = ipJson(IP_PATH, "", {"link", "show", "dev", link});
    return shown.size() == 1 ? shown[0].value("master", "") : "<no " + link + ">";
}

/// Whether the suite's own namespace (the host) gets an answer from `address`.
bool hostReaches(const std::string& address)
{
    std::vector<std::string> args = pingWithin(3000);
    args.push_back(address);
    bool ok = false;
    outputOf(PING_PATH, args, &ok);
    return ok;
}

bool hasEntry(const json& list, const std::string& key, const std::string& value)
{
    for (const auto& e : list)
        if (e.value(key, "") == value)
            return true;
    return false;
}

/// A network modify request.
json networkRequest(const std::string& resourceType, const std::string& requestType, const json& settings)
{
    return {{"ResourceType", resourceType}, {"RequestType", requestType}, {"Settings", settings}};
}

/// An overlay subnet with the suite's VSID and a default route through `gateway`.
json overlaySubnet(const std::string& prefix, const std::string& gateway, std::uint32_t vsid = kVsid)
{
    const bool v6 = prefix.find(':') != std::string::npos;
    return {{"IpAddressPrefix", prefix},
            {"Routes", {{{"NextHop", gateway}, {"DestinationPrefix", v6 ? "::/0" : "0.0.0.0/0"}}}},
            {"Policies", {{{"Type", "VSID"}, {"Settings", {{"IsolationId", vsid}}}}}}};
}

/// The ID the engine gave the subnet of `network` (its document) with `prefix`; empty when none.
std::string subnetIdOf(const json& network, const std::string& prefix)
{
    for (const auto& ipam : network.value("Ipams", json::array()))
        for (const auto& subnet : ipam.value("Subnets", json::array()))
            if (subnet.value("IpAddressPrefix", "") == prefix)
                return subnet.value("ID", "");
    return {};
}

/// What a network modify may change in the suite's namespace, one line each, sorted (a device made again
/// lists its entries in another order): hcnd's links with their MAC, MTU, VXLAN settings and addresses,
/// the routes of every table, the permanent neighbour and the static forwarding entries.
QStringList kernelState()
{
    QStringList out;
    for (const auto& link : ipJson(IP_PATH, "", {"-d", "addr", "show"})) {
        const std::string name = link.value("ifname", "");
        if (name.rfind("hcn", 0) != 0)
            continue;
        std::string line =
            name + " " + link.value("address", "") + " mtu " + std::to_string(link.value("mtu", 0));
        if (link.contains("linkinfo") && link["linkinfo"].contains("info_data")) {
            const json& info = link["linkinfo"]["info_data"];
            if (info.contains("id"))
                line += " vxlan " + std::to_string(info.value("id", 0u)) + " local " +
                        info.value("local", "") + " port " + std::to_string(info.value("port", 0u));
        }
        for (const auto& a : link.value("addr_info", json::array()))
            if (a.value("scope", "") == "global")
                line += " " + a.value("local", "") + "/" + std::to_string(a.value("prefixlen", 0));
        out << QString::fromStdString(line);
    }
    for (const json& list : {settledRoutes(""), ipJson(IP_PATH, "", {"neigh", "show", "nud", "permanent"}),
                             ipJson(BRIDGE_PATH, "", {"fdb", "show", "state", "static"})})
        for (const auto& entry : list)
            out << QString::fromStdString(entry.dump());
    out.sort();
    return out;
}

} // namespace

class TestLinuxDatapathOverlay : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void remoteEndpointIsReachedAcrossVxlan();
    void loadBalancerFollowsAMovedRemoteEndpoint();
    void endpointMtuLeavesRoomForVxlan_data();
    void endpointMtuLeavesRoomForVxlan();
    void overlayFollowsItsUnderlaysMtu_data();
    void overlayFollowsItsUnderlaysMtu();
    void linkMonitorReadsTheLinksAgainAfterAnOverflow();
    void ipv6UnderlayCarriesTheOverlay();
    void ipv6EndpointsReachEachOtherAcrossVxlan();
    void remoteSubnetRoutesJoinTwoHosts();
    void ipv6RemoteSubnetRoutesJoinTwoHosts();
    void sdnRoutesGoIntoTheEndpointsNamespace();
    void failedChangeLeavesNoEntry_data();
    void failedChangeLeavesNoEntry();
    void subnetsAddedAndRemovedByModify_data();
    void subnetsAddedAndRemovedByModify();
    void tunnelPoliciesFollowAModify_data();
    void tunnelPoliciesFollowAModify();
    void failedNetworkModifyChangesNothing_data();
    void failedNetworkModifyChangesNothing();
    void modifiesWithoutKernelCounterpartChangeNothing_data();
    void modifiesWithoutKernelCounterpartChangeNothing();
    void badOverlayDocumentsAreRefused_data();
    void badOverlayDocumentsAreRefused();
    void openRemovesLeftoverVxlanDevices();
    void startRemovesLeftoverPeers();
    void l2bridgeEnslavesTheNamedAdapter();
    void l2bridgeGivesTheAdaptersAddressingToTheBridge();
    void l2bridgeNetworksShareTheirAdapter();
    void l2tunnelSendsEveryEndpointsTrafficThroughTheAdapter();

private:
    /// A local endpoint on an overlay network, attached to a namespace of its own, that the peer knows
    /// the way this host knows the peer's: ARP does not cross the tunnel (each side's VXLAN device
    /// answers it from its own neighbour table). `error` says what failed.
    struct LocalEndpoint
    {
        hcn::Handle endpoint = 0;
        std::string netns;
        std::string error;
    };
    LocalEndpoint localEndpointKnownToPeer(hcn::Handle network, const std::string& address,
                                           const std::string& mac, const json& policies = json::array());

    std::string m_skip;
    std::unique_ptr<Underlay> m_underlay;
    LinuxHost m_host;
};

void TestLinuxDatapathOverlay::initTestCase()
{
    m_skip = enterOwnNetworkNamespace();
    if (!m_skip.empty())
        QSKIP(qPrintable("SKIPPED: the Linux datapath overlay suite " + QString::fromStdString(m_skip)));
    // Before any datapath opens: the namespaces a leftover peer's datapath made are orphans only once
    // the peer is gone, and the first open removes them then.
    removeLeftoverPeers();
}

void TestLinuxDatapathOverlay::init()
{
    // The datapath first: its start removes namespaces whose maker's namespace is gone (a removed
    // leftover peer's), and a new peer made before it could be given that namespace's number again.
    HCN_VERIFY_OK(m_host.open(underlayHost("192.168.250.1", "02-00-00-00-FA-01")));
    m_underlay = std::make_unique<Underlay>();
    QVERIFY2(m_underlay->error.empty(), m_underlay->error.c_str());
}

void TestLinuxDatapathOverlay::cleanup()
{
    if (m_host.engine)
        m_host.engine->shutdown();
    m_host.engine.reset();
    m_host.datapath.reset();
    m_underlay.reset();
    QCOMPARE(hcnLinks(), std::set<std::string>{});
}

TestLinuxDatapathOverlay::LocalEndpoint
TestLinuxDatapathOverlay::localEndpointKnownToPeer(hcn::Handle network, const std::string& address,
                                                   const std::string& mac, const json& policies)
{
    LocalEndpoint out;
    json doc = v2(
        {{"Name", "ep-" + address}, {"MacAddress", mac}, {"IpConfigurations", {{{"IpAddress", address}}}}});
    if (!policies.empty())
        doc["Policies"] = policies;
    auto endpoint = m_host.create(ResourceKind::Endpoint, doc, network);
    if (!endpoint.ok()) {
        out.error = endpoint.status().detail();
        return out;
    }
    out.endpoint = *endpoint;
    std::string lladdr = mac;
    for (char& c : lladdr)
        c = c == '-' ? ':' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    bool ok = false;
    outputOf(IP_PATH,
             {"-n", m_underlay->netns, "neigh", "add", address, "lladdr", lladdr, "dev", "vx0", "nud",
              "permanent"},
             &ok);
    if (!ok) {
        out.error = "the peer's neighbour entry for " + address + " failed";
        return out;
    }
    auto ns = m_host.namespaceWith(*endpoint);
    if (!ns.ok()) {
        out.error = ns.status().detail();
        return out;
    }
    out.netns = m_host.netnsOf(*ns);
    return out;
}

void TestLinuxDatapathOverlay::remoteEndpointIsReachedAcrossVxlan()
{
    // The peer: a VXLAN device with the network's VNI, the remote endpoint's MAC and address, sending
    // what it does not know to this host.
    const std::string& peer = m_underlay->netns;
    const std::string made = peerVxlan(peer, {"10.244.20.20/24"});
    QVERIFY2(made.empty(), made.c_str());

    auto net = m_host.create(ResourceKind::Network, overlayNetwork("overlay20", 20, kVsid));
    HCN_VERIFY_OK(net);
    const Guid netId = m_host.idOf(ResourceKind::Network, *net);
    const std::string vxlan = hcn::linuxdp::vxlanName(netId);
    QCOMPARE(hcnLinks(), (std::set<std::string>{m_host.datapath->networkBridge(netId), vxlan}));
    // The device: the network's VSID, the host's provider address, the VXLAN port, no learning.
    const json link = ipJson(IP_PATH, "", {"-d", "link", "show", "dev", vxlan});
    QCOMPARE(link.size(), std::size_t(1));
    const json info = link[0]["linkinfo"]["info_data"];
    QCOMPARE(link[0]["linkinfo"].value("info_kind", ""), std::string("vxlan"));
    QCOMPARE(info.value("id", 0u), kVsid);
    QCOMPARE(info.value("local", ""), std::string("192.168.250.1"));
    QCOMPARE(info.value("port", 0u), 4789u);
    QCOMPARE(info.value("learning", true), false);
    QCOMPARE(link[0].value("master", ""), m_host.datapath->networkBridge(netId));
    // Nor does the bridge learn from the tunnel: its entries for remote endpoints are the programmed ones.
    QCOMPARE(link[0]["linkinfo"]["info_slave_data"].value("learning", true), false);

    const LocalEndpoint local = localEndpointKnownToPeer(*net, "10.244.20.10", "02-00-00-00-14-0A");
    QVERIFY2(local.error.empty(), local.error.c_str());
    const std::string& netns = local.netns;
    QVERIFY(pingLost(netns, "10.244.20.20")); // no remote endpoint yet: nothing leaves for it
    // Its ARP for the address has spent its probes: an entry still resolving when the remote endpoint
    // appears turns FAILED a second later and drops the next ping with it. Start afresh.
    outputOf(IP_PATH, {"-n", netns, "neigh", "flush", "all"});

    auto remote = m_host.create(ResourceKind::Endpoint,
                                remoteEndpoint("10.244.20.20", kRemoteMac, "192.168.250.2"), *net);
    HCN_VERIFY_OK(remote);
    const json fdb = ipJson(BRIDGE_PATH, "", {"fdb", "show", "dev", vxlan});
    bool tunnelled = false;
    for (const auto& e : fdb)
        tunnelled = tunnelled || (e.value("mac", "") == kRemoteMac && e.value("dst", "") == "192.168.250.2");
    QVERIFY2(tunnelled, fdb.dump().c_str());
    QVERIFY(hasEntry(ipJson(IP_PATH, "", {"neigh", "show", "dev", vxlan}), "dst", "10.244.20.20"));
    QVERIFY(pingFrom(netns, "10.244.20.20"));
    Listener server(peer, 80);
    QVERIFY(server.fd >= 0);
    std::string seen;
    QVERIFY(tcpConnects(netns, "10.244.20.20", 80, 2000, server.fd, &seen));
    QCOMPARE(seen, std::string("10.244.20.10")); // one L2 segment across hosts: no translation
    // The reachability trace over the same documents predicts what the packet did.
    QCOMPARE(m_host.predicted("ep-10.244.20.10", "10.244.20.20", 80), std::string("delivered"));

    // The remote endpoint moves to another host (its ProviderAddress changes): its entries follow.
    auto tunnelOf = [&] {
        for (const auto& e : ipJson(BRIDGE_PATH, "", {"fdb", "show", "dev", vxlan}))
            if (e.value("mac", "") == kRemoteMac && e.contains("dst"))
                return e.value("dst", "");
        return std::string("<none>");
    };
    auto moveTo = [&](const std::string& providerAddress) {
        json update = {
            {"ResourceType", "Policy"},
            {"RequestType", "Update"},
            {"Settings",
             {{"Policies",
               {{{"Type", "ProviderAddress"}, {"Settings", {{"ProviderAddress", providerAddress}}}}}}}}};
        return m_host.engine->modify(ResourceKind::Endpoint, *remote, update.dump());
    };
    HCN_VERIFY_OK(moveTo("192.168.250.3"));
    QCOMPARE(tunnelOf(), std::string("192.168.250.3"));
    QVERIFY(pingLost(netns, "10.244.20.20")); // nobody there
    HCN_VERIFY_OK(moveTo("192.168.250.2"));
    QCOMPARE(tunnelOf(), std::string("192.168.250.2"));
    QVERIFY(pingFrom(netns, "10.244.20.20"));

    HCN_VERIFY_OK(
        m_host.engine->remove(ResourceKind::Endpoint, m_host.idOf(ResourceKind::Endpoint, *remote)));
    QVERIFY(!hasEntry(ipJson(BRIDGE_PATH, "", {"fdb", "show", "dev", vxlan}), "mac", kRemoteMac));
    QVERIFY(!hasEntry(ipJson(IP_PATH, "", {"neigh", "show", "dev", vxlan}), "dst", "10.244.20.20"));
    // Frames the deleted endpoint still sends through the tunnel put no entry back.
    pingFrom(peer, "10.244.20.10", kLostAfterMs); // its answer does not matter
    QVERIFY(!hasEntry(ipJson(BRIDGE_PATH, "", {"fdb", "show", "dev", vxlan}), "mac", kRemoteMac));
    // Cut off: the endpoint's own neighbour entry ages out, its ARP requests no longer leave the host.
    outputOf(IP_PATH, {"-n", netns, "neigh", "flush", "all"});
    QVERIFY(pingLost(netns, "10.244.20.20"));
    QCOMPARE(m_host.predicted("ep-10.244.20.10", "10.244.20.20", 80), std::string("dropped"));
}

void TestLinuxDatapathOverlay::loadBalancerFollowsAMovedRemoteEndpoint()
{
    // The remote endpoint's workload holds its first and (already) its next address, so a rule left on
    // the old one would still be answered: where the connection lands tells which address the VIP used.
    const std::string& peer = m_underlay->netns;
    const std::string made = peerVxlan(peer, {"10.244.28.20/24", "10.244.28.21/24"});
    QVERIFY2(made.empty(), made.c_str());
    auto net = m_host.create(ResourceKind::Network, overlayNetwork("overlay28", 28, kVsid));
    HCN_VERIFY_OK(net);
    const std::string vxlan = hcn::linuxdp::vxlanName(m_host.idOf(ResourceKind::Network, *net));
    const LocalEndpoint client = localEndpointKnownToPeer(*net, "10.244.28.10", "02-00-00-00-1C-0A");
    QVERIFY2(client.error.empty(), client.error.c_str());
    const std::string& netns = client.netns;
    auto remote = m_host.create(ResourceKind::Endpoint,
                                remoteEndpoint("10.244.28.20", kRemoteMac, "192.168.250.2"), *net);
    HCN_VERIFY_OK(remote);
    const Guid remoteId = m_host.idOf(ResourceKind::Endpoint, *remote);
    json lb = v2({{"FrontendVIPs", {"10.96.0.28"}},
                  {"HostComputeEndpoints", {remoteId.toString()}},
                  {"PortMappings", {{{"Protocol", 6}, {"InternalPort", 80}, {"ExternalPort", 8080}}}}});
    HCN_VERIFY_OK(m_host.create(ResourceKind::LoadBalancer, lb));
    Listener server(peer, 80);
    QVERIFY(server.fd >= 0);
    QVERIFY(tcpConnects(netns, "10.96.0.28", 8080));
    QCOMPARE(acceptedAt(server.fd), std::string("10.244.28.20"));

    // The remote endpoint gets a new address, as the datapath receives the change (the engine's modify
    // requests change a remote endpoint's policies, its ProviderAddress among them, not its addresses).
    const json queried = json::parse(*m_host.engine->query(ResourceKind::Endpoint, *remote, ""));
    nlohmann::ordered_json first = nlohmann::ordered_json::parse(queried.dump());
    auto withAddress = [&](const std::string& address) {
        nlohmann::ordered_json doc = first;
        doc["IpConfigurations"] = {{{"IpAddress", address}}};
        return doc;
    };
    auto modify = [&](const nlohmann::ordered_json& from, const nlohmann::ordered_json& to) {
        auto tx = m_host.datapath->begin();
        hcn::Status st = tx->stage({hcn::ChangeOp::Modify, ResourceKind::Endpoint, remoteId, &from, &to});
        if (!st.ok()) {
            tx->rollback();
            return st;
        }
        return tx->commit();
    };
    const nlohmann::ordered_json second = withAddress("10.244.28.21");
    HCN_VERIFY_OK(modify(first, second));
    std::string rules = nftRuleset();
    QVERIFY2(rules.find("to 10.244.28.21:80") != std::string::npos, rules.c_str());
    QVERIFY2(rules.find("10.244.28.20") == std::string::npos, rules.c_str());
    const json neighbours = ipJson(IP_PATH, "", {"neigh", "show", "dev", vxlan});
    QVERIFY2(hasEntry(neighbours, "dst", "10.244.28.21") && !hasEntry(neighbours, "dst", "10.244.28.20"),
             neighbours.dump().c_str());
    QVERIFY(tcpConnects(netns, "10.96.0.28", 8080));
    QCOMPARE(acceptedAt(server.fd), std::string("10.244.28.21"));

    // A change that fails at the load balancers' rules leaves entries and rules as they were.
    const std::string entriesBefore = forwardingState("");
    m_host.datapath->failStepOnce("backends");
    const hcn::Status failed = modify(second, withAddress("10.244.28.22"));
    QVERIFY(!failed.ok());
    QVERIFY2(failed.detail().find("backends") != std::string::npos, failed.detail().c_str());
    QCOMPARE(nftRuleset(), rules);
    QCOMPARE(forwardingState(""), entriesBefore);
    QVERIFY(tcpConnects(netns, "10.96.0.28", 8080));
    QCOMPARE(acceptedAt(server.fd), std::string("10.244.28.21"));

    // Rolled back after it was staged: the previous address is back in both.
    {
        auto tx = m_host.datapath->begin();
        const nlohmann::ordered_json third = withAddress("10.244.28.22");
        HCN_VERIFY_OK(tx->stage({hcn::ChangeOp::Modify, ResourceKind::Endpoint, remoteId, &second, &third}));
        QVERIFY(nftRuleset().find("10.244.28.22") != std::string::npos);
        tx->rollback();
    }
    QCOMPARE(nftRuleset(), rules);
    QCOMPARE(forwardingState(""), entriesBefore);
}

void TestLinuxDatapathOverlay::endpointMtuLeavesRoomForVxlan_data()
{
    QTest::addColumn<int>("underlay"); ///< the MTU of the underlay's veth pair, both ends
    QTest::addColumn<QString>("policies");
    QTest::addColumn<int>("expected"); ///< the endpoint's MTU
    QTest::newRow("underlay 1500: 1450") << 1500 << "[]" << 1450;
    QTest::newRow("jumbo underlay 9000: 8950") << 9000 << "[]" << 8950;
    QTest::newRow("EncapOverhead 100: 1400")
        << 1500 << R"([{"Type":"EncapOverhead","Settings":{"Overhead":100}}])" << 1400;
    QTest::newRow("InterfaceParameters Mtu 1300")
        << 1500 << R"([{"Type":"InterfaceParameters","Settings":{"Mtu":1300}}])" << 1300;
}

void TestLinuxDatapathOverlay::endpointMtuLeavesRoomForVxlan()
{
    QFETCH(int, underlay);
    QFETCH(QString, policies);
    QFETCH(int, expected);
    const std::string& peer = m_underlay->netns;
    const int tunnel = underlay - 50; // outer IPv4 20, UDP 8, VXLAN 8, inner Ethernet 14
    bool ok = false;
    outputOf(IP_PATH, {"link", "set", "ul0", "mtu", std::to_string(underlay)}, &ok);
    QVERIFY(ok);
    outputOf(IP_PATH, {"-n", peer, "link", "set", "ul1", "mtu", std::to_string(underlay)}, &ok);
    QVERIFY(ok);
    const std::string made = peerVxlan(peer, {"10.244.29.20/24"});
    QVERIFY2(made.empty(), made.c_str());
    outputOf(IP_PATH, {"-n", peer, "link", "set", "vx0", "mtu", std::to_string(tunnel)}, &ok);
    QVERIFY(ok);

    auto net = m_host.create(ResourceKind::Network, overlayNetwork("overlay29", 29, kVsid));
    HCN_VERIFY_OK(net);
    const Guid netId = m_host.idOf(ResourceKind::Network, *net);
    const LocalEndpoint local = localEndpointKnownToPeer(*net, "10.244.29.10", "02-00-00-00-1D-0A",
                                                         json::parse(policies.toStdString()));
    QVERIFY2(local.error.empty(), local.error.c_str());
    const std::string& netns = local.netns;
    HCN_VERIFY_OK(m_host.create(ResourceKind::Endpoint,
                                remoteEndpoint("10.244.29.20", kRemoteMac, "192.168.250.2"), *net));

    // What the kernel holds: the tunnel and the bridge at the underlay less VXLAN, the endpoint's pair
    // (both ends) at its own.
    QCOMPARE(mtuOf("", hcn::linuxdp::vxlanName(netId)), tunnel);
    QCOMPARE(mtuOf("", m_host.datapath->networkBridge(netId)), tunnel);
    QCOMPARE(mtuOf(netns, "eth0"), expected);
    const auto port = m_host.datapath->endpointPort(m_host.idOf(ResourceKind::Endpoint, local.endpoint));
    QVERIFY(port);
    QCOMPARE(mtuOf("", port->hostInterface), expected);

    // The largest packet the endpoint may send crosses with DF set, and its outer packet is not
    // fragmented on the underlay (the peer reassembles nothing); one byte more is refused at eth0.
    const long reassembled = reassembliesIn(*m_underlay->fd);
    QVERIFY(reassembled >= 0);
    QVERIFY(pingWithoutFragments(netns, "10.244.29.20", expected - 28)); // IPv4 20 + ICMP 8
    QCOMPARE(reassembliesIn(*m_underlay->fd), reassembled);
    QVERIFY(!pingWithoutFragments(netns, "10.244.29.20", expected - 27, kLostAfterMs));
}

void TestLinuxDatapathOverlay::overlayFollowsItsUnderlaysMtu_data()
{
    QTest::addColumn<QString>("policies");
    QTest::addColumn<int>("atCreate"); ///< the endpoint's MTU over the underlay's 1500
    QTest::addColumn<int>("grown");    ///< ... once the underlay is at 9000
    QTest::addColumn<int>("shrunk");   ///< ... once it is at 1400
    QTest::newRow("no policy: the tunnel's") << "[]" << 1450 << 8950 << 1350;
    QTest::newRow("EncapOverhead 100: the underlay's less 100")
        << R"([{"Type":"EncapOverhead","Settings":{"Overhead":100}}])" << 1400 << 8900 << 1300;
    QTest::newRow("InterfaceParameters Mtu 1300: fixed")
        << R"([{"Type":"InterfaceParameters","Settings":{"Mtu":1300}}])" << 1300 << 1300 << 1300;
}

void TestLinuxDatapathOverlay::overlayFollowsItsUnderlaysMtu()
{
    // The underlay's MTU changes after the network was made (the administrator sets jumbo frames, or
    // takes them away): the tunnel, the bridge and the endpoints follow, a policy's own MTU stays.
    QFETCH(QString, policies);
    QFETCH(int, atCreate);
    QFETCH(int, grown);
    QFETCH(int, shrunk);
    const std::string& peer = m_underlay->netns;
    const std::string made = peerVxlan(peer, {"10.244.32.20/24"});
    QVERIFY2(made.empty(), made.c_str());
    auto net = m_host.create(ResourceKind::Network, overlayNetwork("overlay32", 32, kVsid));
    HCN_VERIFY_OK(net);
    const Guid netId = m_host.idOf(ResourceKind::Network, *net);
    const std::string vxlan = hcn::linuxdp::vxlanName(netId);
    const std::string bridge = m_host.datapath->networkBridge(netId);
    const LocalEndpoint local = localEndpointKnownToPeer(*net, "10.244.32.10", "02-00-00-00-20-0A",
                                                         json::parse(policies.toStdString()));
    QVERIFY2(local.error.empty(), local.error.c_str());
    const std::string& netns = local.netns;
    const Guid epId = m_host.idOf(ResourceKind::Endpoint, local.endpoint);
    HCN_VERIFY_OK(m_host.create(ResourceKind::Endpoint,
                                remoteEndpoint("10.244.32.20", kRemoteMac, "192.168.250.2"), *net));
    QCOMPARE(mtuOf("", vxlan), 1450);
    QCOMPARE(mtuOf(netns, "eth0"), atCreate);

    for (const auto& [underlay, expected] : {std::pair{9000, grown}, std::pair{1400, shrunk}}) {
        const int tunnel = underlay - 50;
        bool ok = false;
        for (const std::vector<std::string>& args :
             {std::vector<std::string>{"link", "set", "ul0", "mtu", std::to_string(underlay)},
              {"-n", peer, "link", "set", "ul1", "mtu", std::to_string(underlay)},
              {"-n", peer, "link", "set", "vx0", "mtu", std::to_string(tunnel)}}) {
            outputOf(IP_PATH, args, &ok);
            QVERIFY2(ok, args.back().c_str());
        }
        QTRY_COMPARE(mtuOf("", vxlan), tunnel);
        // The datapath sizes the network's links under its lock: once a call that takes it returns,
        // the endpoints are done too (also the one whose MTU does not move).
        const auto port = m_host.datapath->endpointPort(epId);
        QVERIFY(port);
        QCOMPARE(mtuOf("", bridge), tunnel);
        QCOMPARE(mtuOf(netns, "eth0"), expected);
        QCOMPARE(mtuOf("", port->hostInterface), expected);
        // The largest packet the endpoint may send now crosses whole with DF set; one byte more is
        // refused at its interface.
        QVERIFY(pingWithoutFragments(netns, "10.244.32.20", expected - 28));
        QVERIFY(!pingWithoutFragments(netns, "10.244.32.20", expected - 27, kLostAfterMs));
    }
}

void TestLinuxDatapathOverlay::linkMonitorReadsTheLinksAgainAfterAnOverflow()
{
    // The monitor's socket overflows: its thread is held in its owner's callback while a burst of link
    // changes arrives, with room for a few announcements only, and the last change, the followed link's
    // MTU, is lost with the burst's tail. Once let go, the monitor says that announcements were lost
    // (0), reads every link again and reports the followed link's change from what it read.
    auto sock = hcn::linuxdp::RouteSocket::open();
    HCN_VERIFY_OK(sock);
    HCN_VERIFY_OK(sock->addVeth("mon0", "mon1", std::nullopt));
    struct Pair
    {
        hcn::linuxdp::RouteSocket& sock;
        ~Pair() { (void)sock.deleteLink("mon0"); } // takes mon1 with it
    } pair{*sock};
    auto followed = sock->linkMtu("mon0");
    HCN_VERIFY_OK(followed);
    const int index = followed->index;

    std::mutex mutex;
    std::condition_variable changed;
    std::vector<int> reports;
    bool held = true;
    auto monitor = hcn::linuxdp::LinkMonitor::start(
        [&](int ifindex) {
            std::unique_lock lock(mutex);
            reports.push_back(ifindex);
            changed.notify_all();
            changed.wait(lock, [&] { return !held; });
        },
        4096);
    HCN_VERIFY_OK(monitor);
    auto letGo = [&] {
        {
            std::lock_guard lock(mutex);
            held = false;
        }
        changed.notify_all();
    };
    struct LetGo // before the monitor goes, which joins its thread
    {
        std::function<void()> run;
        ~LetGo() { run(); }
    } letGoAtEnd{letGo};

    HCN_VERIFY_OK(sock->setMtu("mon0", 1400));
    {
        std::unique_lock lock(mutex);
        QVERIFY(changed.wait_for(lock, std::chrono::seconds(10), [&] { return !reports.empty(); }));
        QCOMPARE(reports, std::vector<int>{index});
        reports.clear();
    }
    for (int i = 0; i < 100; ++i)
        HCN_VERIFY_OK(sock->setMtu("mon1", i % 2 ? 1400 : 1300));
    HCN_VERIFY_OK(sock->setMtu("mon0", 1280));
    letGo();
    auto followedAfterOverflow = [&] {
        std::lock_guard lock(mutex);
        auto lost = std::find(reports.begin(), reports.end(), 0);
        return lost != reports.end() && std::find(lost, reports.end(), index) != reports.end();
    };
    QTRY_VERIFY_WITH_TIMEOUT(followedAfterOverflow(), 10000);
    auto now = sock->linkMtu("mon0");
    HCN_VERIFY_OK(now);
    QCOMPARE(now->mtu, 1280u);
}

void TestLinuxDatapathOverlay::ipv6UnderlayCarriesTheOverlay()
{
    // The hosts' provider addresses are IPv6 (the endpoints' are IPv4): the tunnel leaves 70 bytes for
    // the outer IPv6 (40), UDP, VXLAN and the inner Ethernet header.
    const std::string& peer = m_underlay->netns;
    bool ok = false;
    outputOf(IP_PATH, {"addr", "add", "fd00:250::1/64", "dev", "ul0", "nodad"}, &ok);
    QVERIFY(ok);
    outputOf(IP_PATH, {"-n", peer, "addr", "add", "fd00:250::2/64", "dev", "ul1", "nodad"}, &ok);
    QVERIFY(ok);
    const std::string made = peerVxlan(peer, {"10.244.30.20/24"}, "fd00:250::2", "fd00:250::1");
    QVERIFY2(made.empty(), made.c_str());
    outputOf(IP_PATH, {"-n", peer, "link", "set", "vx0", "mtu", "1430"}, &ok);
    QVERIFY(ok);

    const json provider = {{"Type", "ProviderAddress"}, {"Settings", {{"ProviderAddress", "fd00:250::1"}}}};
    auto net =
        m_host.create(ResourceKind::Network, overlayNetwork("overlay30", 30, kVsid, json::array({provider})));
    HCN_VERIFY_OK(net);
    const Guid netId = m_host.idOf(ResourceKind::Network, *net);
    const std::string vxlan = hcn::linuxdp::vxlanName(netId);
    const json link = ipJson(IP_PATH, "", {"-d", "link", "show", "dev", vxlan});
    QCOMPARE(link.size(), std::size_t(1));
    QCOMPARE(
        link[0]["linkinfo"]["info_data"].value("local6", link[0]["linkinfo"]["info_data"].value("local", "")),
        std::string("fd00:250::1"));
    QCOMPARE(mtuOf("", vxlan), 1430);
    QCOMPARE(mtuOf("", m_host.datapath->networkBridge(netId)), 1430);

    const LocalEndpoint local = localEndpointKnownToPeer(*net, "10.244.30.10", "02-00-00-00-1E-0A");
    QVERIFY2(local.error.empty(), local.error.c_str());
    QCOMPARE(mtuOf(local.netns, "eth0"), 1430);

    // A remote endpoint behind an IPv4 provider address cannot be reached through this device: refused,
    // and nothing of it is left on the device: no forwarding entry for its MAC, no neighbour entry for
    // its address. (The rest of the device's tables moves with the traffic the namespaces send.)
    const auto mixed = m_host.create(
        ResourceKind::Endpoint, remoteEndpoint("10.244.30.21", "02-00-00-00-1E-15", "192.168.250.2"), *net);
    QVERIFY(!mixed.ok());
    QCOMPARE(mixed.code(), hcn::hr::InvalidPolicy);
    QVERIFY2(mixed.status().detail().find("one address family") != std::string::npos,
             mixed.status().detail().c_str());
    QVERIFY(!hasEntry(ipJson(BRIDGE_PATH, "", {"fdb", "show", "dev", vxlan}), "mac", "02:00:00:00:1e:15"));
    QVERIFY(!hasEntry(ipJson(IP_PATH, "", {"neigh", "show", "dev", vxlan}), "dst", "10.244.30.21"));

    HCN_VERIFY_OK(m_host.create(ResourceKind::Endpoint,
                                remoteEndpoint("10.244.30.20", kRemoteMac, "fd00:250::2"), *net));
    bool tunnelled = false;
    for (const auto& e : ipJson(BRIDGE_PATH, "", {"fdb", "show", "dev", vxlan}))
        tunnelled = tunnelled || (e.value("mac", "") == kRemoteMac && e.value("dst", "") == "fd00:250::2");
    QVERIFY(tunnelled);
    QVERIFY(pingFrom(local.netns, "10.244.30.20"));
    // The largest packet crosses whole; one byte more is refused at the endpoint.
    QVERIFY(pingWithoutFragments(local.netns, "10.244.30.20", 1430 - 28));
    QVERIFY(!pingWithoutFragments(local.netns, "10.244.30.20", 1430 - 27, kLostAfterMs));
}

void TestLinuxDatapathOverlay::ipv6EndpointsReachEachOtherAcrossVxlan()
{
    // A dual-stack overlay: the remote endpoint's IPv6 address is answered for by the VXLAN device
    // (neighbour discovery) as its IPv4 address is (ARP), and IPv6 crosses the tunnel.
    const std::string& peer = m_underlay->netns;
    const std::string made = peerVxlan(peer, {"10.244.31.20/24", "fd68:636e:31::20/64"});
    QVERIFY2(made.empty(), made.c_str());
    json doc = overlayNetwork("overlay31", 31, kVsid);
    doc["Ipams"][0]["Subnets"].push_back(
        {{"IpAddressPrefix", "fd68:636e:31::/64"},
         {"Routes", {{{"NextHop", "fd68:636e:31::1"}, {"DestinationPrefix", "::/0"}}}},
         {"Policies", json::array({{{"Type", "VSID"}, {"Settings", {{"IsolationId", kVsid}}}}})}});
    auto net = m_host.create(ResourceKind::Network, doc);
    HCN_VERIFY_OK(net);
    const std::string vxlan = hcn::linuxdp::vxlanName(m_host.idOf(ResourceKind::Network, *net));

    const std::string localMac = "02-00-00-00-1F-0A";
    json local =
        v2({{"Name", "ep-31"},
            {"MacAddress", localMac},
            {"IpConfigurations",
             {{{"IpAddress", "10.244.31.10"}}, {{"IpAddress", "fd68:636e:31::10"}, {"PrefixLength", 64}}}}});
    auto endpoint = m_host.create(ResourceKind::Endpoint, local, *net);
    HCN_VERIFY_OK(endpoint);
    bool ok = false;
    for (const char* address : {"10.244.31.10", "fd68:636e:31::10"}) {
        outputOf(IP_PATH,
                 {"-n", peer, "neigh", "add", address, "lladdr", "02:00:00:00:1f:0a", "dev", "vx0", "nud",
                  "permanent"},
                 &ok);
        QVERIFY(ok);
    }
    auto ns = m_host.namespaceWith(*endpoint);
    HCN_VERIFY_OK(ns);
    const std::string netns = m_host.netnsOf(*ns);

    json remote = remoteEndpoint("10.244.31.20", kRemoteMac, "192.168.250.2");
    remote["IpConfigurations"].push_back({{"IpAddress", "fd68:636e:31::20"}, {"PrefixLength", 64}});
    auto created = m_host.create(ResourceKind::Endpoint, remote, *net);
    HCN_VERIFY_OK(created);
    const json neighbours = ipJson(IP_PATH, "", {"neigh", "show", "dev", vxlan});
    QVERIFY2(hasEntry(neighbours, "dst", "10.244.31.20") && hasEntry(neighbours, "dst", "fd68:636e:31::20"),
             neighbours.dump().c_str());
    QVERIFY(pingFrom(netns, "fd68:636e:31::20"));
    QVERIFY(pingFrom(netns, "10.244.31.20"));

    // Both entries leave with the endpoint; IPv6 no longer crosses.
    HCN_VERIFY_OK(
        m_host.engine->remove(ResourceKind::Endpoint, m_host.idOf(ResourceKind::Endpoint, *created)));
    const json after = ipJson(IP_PATH, "", {"neigh", "show", "dev", vxlan});
    QVERIFY2(!hasEntry(after, "dst", "10.244.31.20") && !hasEntry(after, "dst", "fd68:636e:31::20"),
             after.dump().c_str());
    outputOf(IP_PATH, {"-n", netns, "neigh", "flush", "all"});
    QVERIFY(pingLost(netns, "fd68:636e:31::20"));
}

void TestLinuxDatapathOverlay::remoteSubnetRoutesJoinTwoHosts()
{
    // Host A (here) has 10.244.22.0/24, host B (a second datapath in the peer namespace) 10.244.23.0/24,
    // one VSID; each names the other's subnet in a RemoteSubnetRoute with the other's router MAC.
    const std::string macA = "02-00-00-00-16-01", macB = "02-00-00-00-17-01";
    json docA = overlayNetwork("overlayA", 22, 4096,
                               json::array({{{"Type", "DrMacAddress"}, {"Settings", {{"Address", macA}}}},
                                            remoteSubnetRoute("10.244.23.0/24", "192.168.250.2", macB)}));
    json docB = overlayNetwork("overlayB", 23, 4096,
                               json::array({{{"Type", "DrMacAddress"}, {"Settings", {{"Address", macB}}}},
                                            remoteSubnetRoute("10.244.22.0/24", "192.168.250.1", macA)}));
    PeerHost hostB(*m_underlay);
    HCN_VERIFY_OK(hostB.start(docB, endpointDoc({"10.244.23.10"})));
    const std::string& netnsB = hostB.netns;
    auto netA = m_host.create(ResourceKind::Network, docA);
    HCN_VERIFY_OK(netA);
    const std::string bridgeA = m_host.datapath->networkBridge(m_host.idOf(ResourceKind::Network, *netA));
    auto epA = m_host.endpoint(*netA, "10.244.22.10");
    HCN_VERIFY_OK(epA);
    auto nsA = m_host.namespaceWith(*epA);
    HCN_VERIFY_OK(nsA);
    const std::string netnsA = m_host.netnsOf(*nsA);

    const json routes = ipJson(IP_PATH, "", {"route", "show", "10.244.23.0/24"});
    QCOMPARE(routes.size(), std::size_t(1));
    QCOMPARE(routes[0].value("gateway", ""), std::string("10.244.23.0"));
    QCOMPARE(routes[0].value("dev", ""), bridgeA);
    QVERIFY(pingFrom(netnsA, "10.244.23.10"));
    Listener server(netnsB, 80);
    QVERIFY(server.fd >= 0);
    std::string seen;
    QVERIFY(tcpConnects(netnsA, "10.244.23.10", 80, 2000, server.fd, &seen));
    QCOMPARE(seen, std::string("10.244.22.10")); // routed, not translated

    // A modify that drops the RemoteSubnetRoute takes the route away (flannel's way of removing one).
    json remove = {
        {"ResourceType", "Policy"},
        {"RequestType", "Remove"},
        {"Settings", {{"Policies", {remoteSubnetRoute("10.244.23.0/24", "192.168.250.2", macB)}}}}};
    HCN_VERIFY_OK(m_host.engine->modify(ResourceKind::Network, *netA, remove.dump()));
    QCOMPARE(ipJson(IP_PATH, "", {"route", "show", "10.244.23.0/24"}).size(), std::size_t(0));
    QVERIFY(pingLost(netnsA, "10.244.23.10"));
}

void TestLinuxDatapathOverlay::ipv6RemoteSubnetRoutesJoinTwoHosts()
{
    // Dual-stack: host A (here) has 10.244.33.0/24 and fd68:636e:33::/64, host B (a second datapath in
    // the peer namespace) 10.244.34.0/24 and fd68:636e:34::/64; each names both of the other's subnets
    // in RemoteSubnetRoutes behind the other's one router MAC, as flannel does for a dual-stack node.
    // Both hosts route IPv6 between their bridges: forwarding on in both namespaces, as the
    // administrator sets it (hcnd leaves it alone), and back as it was at the end.
    struct Forwarding
    {
        std::string previous = setIpv6Forwarding("1");
        ~Forwarding() { setIpv6Forwarding(previous); }
    } forwarding;
    HCN_VERIFY_OK(m_underlay->inPeer([] {
        setIpv6Forwarding("1");
        return hcn::Status::success();
    }));
    auto dualStack = [](const std::string& name, int third, const std::string& ownMac,
                        const std::string& otherMac, int otherThird, const std::string& otherProvider) {
        const std::string net6 = "fd68:636e:" + std::to_string(third) + "::";
        const std::string other = std::to_string(otherThird);
        json doc = overlayNetwork(
            name, third, 4096,
            json::array({{{"Type", "DrMacAddress"}, {"Settings", {{"Address", ownMac}}}},
                         remoteSubnetRoute("10.244." + other + ".0/24", otherProvider, otherMac),
                         remoteSubnetRoute("fd68:636e:" + other + "::/64", otherProvider, otherMac)}));
        doc["Ipams"][0]["Subnets"].push_back(
            {{"IpAddressPrefix", net6 + "/64"},
             {"Routes", {{{"NextHop", net6 + "1"}, {"DestinationPrefix", "::/0"}}}},
             {"Policies", json::array({{{"Type", "VSID"}, {"Settings", {{"IsolationId", 4096}}}}})}});
        return doc;
    };
    const std::string macA = "02-00-00-00-21-01", macB = "02-00-00-00-22-01";
    PeerHost hostB(*m_underlay);
    HCN_VERIFY_OK(hostB.start(dualStack("overlayB6", 34, macB, macA, 33, "192.168.250.1"),
                              endpointDoc({"10.244.34.10", "fd68:636e:34::10"})));
    auto netA =
        m_host.create(ResourceKind::Network, dualStack("overlayA6", 33, macA, macB, 34, "192.168.250.2"));
    HCN_VERIFY_OK(netA);
    const Guid netAId = m_host.idOf(ResourceKind::Network, *netA);
    const std::string bridgeA = m_host.datapath->networkBridge(netAId);
    const std::string vxlanA = hcn::linuxdp::vxlanName(netAId);
    auto epA =
        m_host.create(ResourceKind::Endpoint, endpointDoc({"10.244.33.10", "fd68:636e:33::10"}), *netA);
    HCN_VERIFY_OK(epA);
    auto nsA = m_host.namespaceWith(*epA);
    HCN_VERIFY_OK(nsA);
    const std::string netnsA = m_host.netnsOf(*nsA);

    // The IPv6 prefix is routed like the IPv4 one: on-link via its first address, on the bridge.
    const json routes = ipJson(IP_PATH, "", {"-6", "route", "show", "fd68:636e:34::/64"});
    QCOMPARE(routes.size(), std::size_t(1));
    QCOMPARE(routes[0].value("gateway", ""), std::string("fd68:636e:34::"));
    QCOMPARE(routes[0].value("dev", ""), bridgeA);
    // Both routes share the router's forwarding entry on the VXLAN device.
    auto tunnelsToB = [&] {
        int count = 0;
        for (const auto& e : ipJson(BRIDGE_PATH, "", {"fdb", "show", "dev", vxlanA}))
            count += e.value("mac", "") == "02:00:00:00:22:01" && e.value("dst", "") == "192.168.250.2";
        return count;
    };
    QCOMPARE(tunnelsToB(), 1);
    // What a host routes to its endpoints needs a neighbour solicitation from its bridge's link-local
    // address, which the kernel does not send while the address is tentative (duplicate address
    // detection, a second or two). hcnd turns the detection off on its bridges: on both hosts the
    // address is usable as soon as the kernel has made it (when the bridge got a carrier).
    for (const std::string& netns : {std::string(), m_underlay->netns}) {
        QTRY_VERIFY_WITH_TIMEOUT(!bridgeLinkLocals(netns).empty(), 5000);
        for (const auto& address : bridgeLinkLocals(netns))
            QVERIFY2(address.find("tentative") == std::string::npos, address.c_str());
    }
    // So the first ping is answered at once (docs/datapath-linux.md, section "IPv6"); pinged until a
    // generous deadline all the same, its time reported.
    QElapsedTimer firstPing;
    firstPing.start();
    QTRY_VERIFY_WITH_TIMEOUT(pingFrom(netnsA, "fd68:636e:34::10"), 10000);
    qInfo("first routed IPv6 ping answered after %lld ms", static_cast<long long>(firstPing.elapsed()));
    QVERIFY(pingFrom(netnsA, "10.244.34.10"));
    Listener server(hostB.netns, 80, true);
    QVERIFY(server.fd >= 0);
    std::string seen;
    QVERIFY(tcpConnects(netnsA, "fd68:636e:34::10", 80, 2000, server.fd, &seen));
    QCOMPARE(seen, std::string("fd68:636e:33::10")); // routed, not translated

    // A route behind an IPv6 provider address cannot leave through this IPv4 tunnel: refused, nothing
    // of it programmed.
    const std::string before = forwardingState("");
    json add = {
        {"ResourceType", "Policy"},
        {"RequestType", "Add"},
        {"Settings",
         {{"Policies", {remoteSubnetRoute("fd68:636e:35::/64", "fd00:250::2", "02-00-00-00-23-01")}}}}};
    const hcn::Status mixed = m_host.engine->modify(ResourceKind::Network, *netA, add.dump());
    QCOMPARE(mixed.code(), hcn::hr::InvalidPolicy);
    QVERIFY2(mixed.detail().find("one address family") != std::string::npos, mixed.detail().c_str());
    QCOMPARE(forwardingState(""), before);

    // Removing the IPv6 route cuts IPv6 only: the router's entries stay for the IPv4 route.
    json remove = {
        {"ResourceType", "Policy"},
        {"RequestType", "Remove"},
        {"Settings", {{"Policies", {remoteSubnetRoute("fd68:636e:34::/64", "192.168.250.2", macB)}}}}};
    HCN_VERIFY_OK(m_host.engine->modify(ResourceKind::Network, *netA, remove.dump()));
    QCOMPARE(ipJson(IP_PATH, "", {"-6", "route", "show", "fd68:636e:34::/64"}).size(), std::size_t(0));
    QCOMPARE(tunnelsToB(), 1);
    QVERIFY(pingLost(netnsA, "fd68:636e:34::10"));
    QVERIFY(pingFrom(netnsA, "10.244.34.10"));
    // And the last route to that router takes its entries along.
    remove["Settings"]["Policies"] =
        json::array({remoteSubnetRoute("10.244.34.0/24", "192.168.250.2", macB)});
    HCN_VERIFY_OK(m_host.engine->modify(ResourceKind::Network, *netA, remove.dump()));
    QCOMPARE(tunnelsToB(), 0);
    QVERIFY(pingLost(netnsA, "10.244.34.10"));
}

void TestLinuxDatapathOverlay::sdnRoutesGoIntoTheEndpointsNamespace()
{
    auto net = m_host.create(ResourceKind::Network, overlayNetwork("overlay21", 21, kVsid));
    HCN_VERIFY_OK(net);
    // An endpoint SDNRoute policy is one of the endpoint's routes.
    json policy = {{"Type", "SDNRoute"},
                   {"Settings", {{"DestinationPrefix", "172.31.0.0/16"}, {"NextHop", "10.244.21.254"}}}};
    auto ep = m_host.endpoint(*net, "10.244.21.10", json::array({policy}));
    HCN_VERIFY_OK(ep);
    const Guid epId = m_host.idOf(ResourceKind::Endpoint, *ep);
    // An SDN route made before the attach is programmed by it.
    auto early = m_host.create(ResourceKind::SdnRoute, sdnRoute(epId, "172.29.0.0/16", "10.244.21.253"));
    HCN_VERIFY_OK(early);
    auto ns = m_host.namespaceWith(*ep);
    HCN_VERIFY_OK(ns);
    const std::string netns = m_host.netnsOf(*ns);
    auto gatewayOf = [&](const std::string& prefix) {
        const json r = ipJson(IP_PATH, netns, {"route", "show", prefix});
        return r.size() == 1 ? r[0].value("gateway", "") + " dev " + r[0].value("dev", "") : r.dump();
    };
    QCOMPARE(gatewayOf("172.31.0.0/16"), std::string("10.244.21.254 dev eth0"));
    QCOMPARE(gatewayOf("172.29.0.0/16"), std::string("10.244.21.253 dev eth0"));
    // One made while it is attached is programmed at once; its delete removes it.
    auto route = m_host.create(ResourceKind::SdnRoute, sdnRoute(epId, "172.30.0.0/16", "10.244.21.1"));
    HCN_VERIFY_OK(route);
    QCOMPARE(gatewayOf("172.30.0.0/16"), std::string("10.244.21.1 dev eth0"));
    HCN_VERIFY_OK(m_host.engine->remove(ResourceKind::SdnRoute, m_host.idOf(ResourceKind::SdnRoute, *route)));
    QCOMPARE(gatewayOf("172.30.0.0/16"), std::string("[]"));
    QCOMPARE(gatewayOf("172.29.0.0/16"), std::string("10.244.21.253 dev eth0"));
    // A route the kernel refuses (its next hop is not on the endpoint's link) fails the create cleanly.
    const std::string before = forwardingState(netns);
    auto refused = m_host.create(ResourceKind::SdnRoute, sdnRoute(epId, "172.28.0.0/16", "192.0.2.1"));
    QVERIFY(!refused.ok());
    QCOMPARE(forwardingState(netns), before);
}

void TestLinuxDatapathOverlay::failedChangeLeavesNoEntry_data()
{
    QTest::addColumn<QString>("step");
    QTest::newRow("overlay network, after its vxlan device") << "vxlan";
    QTest::newRow("overlay network, inside a remote subnet route") << "remotesubnet";
    QTest::newRow("remote endpoint, after its forwarding entries") << "remote";
    QTest::newRow("SDN route, after its first route") << "sdnroute";
}

void TestLinuxDatapathOverlay::failedChangeLeavesNoEntry()
{
    QFETCH(QString, step);
    const bool networkStep = step == "vxlan" || step == "remotesubnet";
    std::optional<hcn::Handle> net;
    std::string netns;
    Guid epId;
    if (!networkStep) {
        auto made = m_host.create(ResourceKind::Network, overlayNetwork("overlay24", 24, kVsid));
        HCN_VERIFY_OK(made);
        net = *made;
        auto ep = m_host.endpoint(*net, "10.244.24.10");
        HCN_VERIFY_OK(ep);
        epId = m_host.idOf(ResourceKind::Endpoint, *ep);
        auto ns = m_host.namespaceWith(*ep);
        HCN_VERIFY_OK(ns);
        netns = m_host.netnsOf(*ns);
    }
    const auto linksBefore = hcnLinks();
    const std::string hereBefore = forwardingState("");
    const std::string insideBefore = netns.empty() ? std::string() : forwardingState(netns);

    m_host.datapath->failStepOnce(step.toStdString());
    hcn::Status result = hcn::Status::success();
    json policies =
        json::array({remoteSubnetRoute("10.244.25.0/24", "192.168.250.2", "02-00-00-00-25-01", kVsid)});
    if (networkStep)
        result =
            m_host.create(ResourceKind::Network, overlayNetwork("overlay24", 24, kVsid, policies)).status();
    else if (step == "remote")
        result = m_host
                     .create(ResourceKind::Endpoint,
                             remoteEndpoint("10.244.24.20", kRemoteMac, "192.168.250.2"), *net)
                     .status();
    else
        result =
            m_host.create(ResourceKind::SdnRoute, sdnRoute(epId, "172.30.0.0/16", "10.244.24.1")).status();
    QVERIFY(!result.ok());
    QVERIFY2(result.detail().find(step.toStdString()) != std::string::npos, result.detail().c_str());
    QCOMPARE(hcnLinks(), linksBefore);
    QCOMPARE(forwardingState(""), hereBefore);
    if (!netns.empty())
        QCOMPARE(forwardingState(netns), insideBefore);
    // The engine agrees: the same object can be made again.
    if (networkStep)
        HCN_VERIFY_OK(m_host.create(ResourceKind::Network, overlayNetwork("overlay24", 24, kVsid, policies)));
    else if (step == "remote")
        HCN_VERIFY_OK(m_host.create(ResourceKind::Endpoint,
                                    remoteEndpoint("10.244.24.20", kRemoteMac, "192.168.250.2"), *net));
    else
        HCN_VERIFY_OK(m_host.create(ResourceKind::SdnRoute, sdnRoute(epId, "172.30.0.0/16", "10.244.24.1")));
}

void TestLinuxDatapathOverlay::subnetsAddedAndRemovedByModify_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("gateway");
    QTest::addColumn<QString>("address");
    QTest::newRow("IPv4 subnet") << "10.244.41.0/24"
                                 << "10.244.41.1"
                                 << "10.244.41.10";
    QTest::newRow("IPv6 subnet") << "fd68:636e:41::/64"
                                 << "fd68:636e:41::1"
                                 << "fd68:636e:41::10";
}

void TestLinuxDatapathOverlay::subnetsAddedAndRemovedByModify()
{
    QFETCH(QString, prefix);
    QFETCH(QString, gateway);
    QFETCH(QString, address);
    const std::string subnet = prefix.toStdString(), gw = gateway.toStdString(), addr = address.toStdString();
    const bool v6 = prefix.contains(':');
    auto net = m_host.create(ResourceKind::Network, overlayNetwork("overlay40", 40, kVsid));
    HCN_VERIFY_OK(net);
    const std::string bridge = m_host.datapath->networkBridge(m_host.idOf(ResourceKind::Network, *net));
    auto first = m_host.endpoint(*net, "10.244.40.10");
    HCN_VERIFY_OK(first);
    auto firstNs = m_host.namespaceWith(*first);
    HCN_VERIFY_OK(firstNs);
    const std::string netnsA = m_host.netnsOf(*firstNs);
    const QString gatewayLine = QString::fromStdString("address " + gw + (v6 ? "/64" : "/24"));
    QVERIFY(!addressingOf(bridge).contains(gatewayLine));
    QVERIFY(!m_host.create(ResourceKind::Endpoint, endpointDoc({addr}), *net).ok()); // no such subnet yet

    // Added: the bridge holds the subnet's gateway; an endpoint in it reaches the gateway, the host
    // reaches it, and (IPv4, which the host forwards) so does the first subnet's endpoint, untranslated.
    HCN_VERIFY_OK(m_host.engine->modify(
        ResourceKind::Network, *net,
        networkRequest("Subnet", "Add", {{"Subnets", {overlaySubnet(subnet, gw)}}}).dump()));
    QVERIFY2(addressingOf(bridge).contains(gatewayLine), qPrintable(addressingOf(bridge).join(", ")));
    auto second = m_host.create(ResourceKind::Endpoint, endpointDoc({addr}), *net);
    HCN_VERIFY_OK(second);
    auto secondNs = m_host.namespaceWith(*second);
    HCN_VERIFY_OK(secondNs);
    const std::string netnsB = m_host.netnsOf(*secondNs);
    QVERIFY(pingFrom(netnsB, gw));
    Listener server(netnsB, 80, v6);
    QVERIFY(server.fd >= 0);
    QVERIFY(tcpConnects("", addr, 80, 2000, server.fd));
    if (!v6) {
        std::string seen;
        QVERIFY(tcpConnects(netnsA, addr, 80, 2000, server.fd, &seen));
        QCOMPARE(seen, std::string("10.244.40.10"));
    }

    // Removed while the endpoint has its address in it: the engine refuses, and the kernel keeps it all.
    const json remove = networkRequest(
        "Subnet", "Remove", {{"Subnets", {{{"ID", subnetIdOf(m_host.networkDocument(*net), subnet)}}}}});
    const hcn::Status refused = m_host.engine->modify(ResourceKind::Network, *net, remove.dump());
    QCOMPARE(refused.code(), hcn::hr::EntityHasReferences);
    QVERIFY(addressingOf(bridge).contains(gatewayLine));
    QVERIFY(pingFrom(netnsB, gw));

    // Once the endpoint is gone: the gateway leaves the bridge and the host no longer routes the prefix.
    HCN_VERIFY_OK(
        m_host.engine->remove(ResourceKind::Endpoint, m_host.idOf(ResourceKind::Endpoint, *second)));
    HCN_VERIFY_OK(m_host.engine->modify(ResourceKind::Network, *net, remove.dump()));
    QVERIFY(!addressingOf(bridge).contains(gatewayLine));
    QCOMPARE(ipJson(IP_PATH, "", {v6 ? "-6" : "-4", "route", "show", subnet}).size(), std::size_t(0));
    QVERIFY(!tcpConnects("", addr, 80, kLostAfterMs));
    if (!v6)
        QVERIFY(pingLost(netnsA, gw));
    QVERIFY(!m_host.create(ResourceKind::Endpoint, endpointDoc({addr}), *net).ok());
}

void TestLinuxDatapathOverlay::tunnelPoliciesFollowAModify_data()
{
    QTest::addColumn<QString>("change");
    QTest::newRow("VxlanPort") << "port";
    QTest::newRow("ProviderAddress") << "provider";
    QTest::newRow("ProviderAddress on a link of another MTU") << "underlay";
    QTest::newRow("DrMacAddress") << "router";
}

void TestLinuxDatapathOverlay::tunnelPoliciesFollowAModify()
{
    QFETCH(QString, change);
    // A local endpoint reaches a remote one across VXLAN (the peer's device on port 4789, answering to
    // 192.168.250.1 whatever this host's source).
    const std::string& peer = m_underlay->netns;
    const std::string made = peerVxlan(peer, {"10.244.42.20/24"});
    QVERIFY2(made.empty(), made.c_str());
    auto net = m_host.create(ResourceKind::Network, overlayNetwork("overlay42", 42, kVsid));
    HCN_VERIFY_OK(net);
    const Guid netId = m_host.idOf(ResourceKind::Network, *net);
    const std::string vxlan = hcn::linuxdp::vxlanName(netId);
    const std::string bridge = m_host.datapath->networkBridge(netId);
    const LocalEndpoint local = localEndpointKnownToPeer(*net, "10.244.42.10", "02-00-00-00-2A-0A");
    QVERIFY2(local.error.empty(), local.error.c_str());
    HCN_VERIFY_OK(m_host.create(ResourceKind::Endpoint,
                                remoteEndpoint("10.244.42.20", kRemoteMac, "192.168.250.2"), *net));
    QVERIFY(pingFrom(local.netns, "10.244.42.20"));
    QVERIFY(pingFrom(local.netns, "10.244.42.1"));
    auto update = [&](const json& policy) {
        return m_host.engine->modify(ResourceKind::Network, *net,
                                     networkRequest("Policy", "Update", {{"Policies", {policy}}}).dump());
    };
    auto device = [&] {
        const json link = ipJson(IP_PATH, "", {"-d", "link", "show", "dev", vxlan});
        return link.size() == 1 ? link[0]["linkinfo"]["info_data"] : json::object();
    };
    // The remote endpoint's entry is on the device, made again or not.
    auto tunnelled = [&] {
        for (const auto& e : ipJson(BRIDGE_PATH, "", {"fdb", "show", "dev", vxlan}))
            if (e.value("mac", "") == kRemoteMac && e.value("dst", "") == "192.168.250.2")
                return hasEntry(ipJson(IP_PATH, "", {"neigh", "show", "dev", vxlan}), "dst", "10.244.42.20");
        return false;
    };
    auto providerAddress = [](const std::string& address) {
        return json{{"Type", "ProviderAddress"}, {"Settings", {{"ProviderAddress", address}}}};
    };
    if (change == "port") {
        HCN_VERIFY_OK(update({{"Type", "VxlanPort"}, {"Settings", {{"Port", 4790}}}}));
        QCOMPARE(device().value("port", 0u), 4790u);
        QCOMPARE(device().value("id", 0u), kVsid);
        QVERIFY(tunnelled());
        QVERIFY(pingLost(local.netns, "10.244.42.20")); // the peer listens on 4789
        HCN_VERIFY_OK(update({{"Type", "VxlanPort"}, {"Settings", {{"Port", 4789}}}}));
        QCOMPARE(device().value("port", 0u), 4789u);
        QVERIFY(pingFrom(local.netns, "10.244.42.20"));
    } else if (change == "provider") {
        bool ok = false;
        outputOf(IP_PATH, {"addr", "add", "192.168.250.3/24", "dev", "ul0"}, &ok);
        QVERIFY(ok);
        HCN_VERIFY_OK(update(providerAddress("192.168.250.3")));
        QCOMPARE(device().value("local", ""), std::string("192.168.250.3"));
        QVERIFY(tunnelled());
        QVERIFY(pingFrom(local.netns, "10.244.42.20"));
        // An address this host does not have is refused, as at create, and the tunnel stays.
        const hcn::Status foreign = update(providerAddress("192.0.2.77"));
        QCOMPARE(foreign.code(), hcn::hr::InvalidNetwork);
        QCOMPARE(device().value("local", ""), std::string("192.168.250.3"));
        QVERIFY(pingFrom(local.netns, "10.244.42.20"));
    } else if (change == "underlay") {
        // The provider address on a link of MTU 9000 (a veth pair of the suite's namespace): the device, the
        // bridge and the endpoint's pair are sized after it, as a create there would size them; and back.
        struct RemoveLink
        {
            ~RemoveLink() { outputOf(IP_PATH, {"link", "del", "ul9"}); }
        } removeAnyway;
        for (const std::vector<std::string>& args :
             {std::vector<std::string>{"link", "add", "ul9", "mtu", "9000", "type", "veth", "peer", "name",
                                       "ul9p", "mtu", "9000"},
              {"addr", "add", "192.168.251.1/24", "dev", "ul9"},
              {"link", "set", "ul9", "up"}}) {
            bool ok = false;
            outputOf(IP_PATH, args, &ok);
            QVERIFY(ok);
        }
        HCN_VERIFY_OK(update(providerAddress("192.168.251.1")));
        QCOMPARE(device().value("local", ""), std::string("192.168.251.1"));
        QCOMPARE(mtuOf("", vxlan), 8950);
        QCOMPARE(mtuOf("", bridge), 8950);
        QCOMPARE(mtuOf(local.netns, "eth0"), 8950);
        HCN_VERIFY_OK(update(providerAddress("192.168.250.1")));
        QCOMPARE(mtuOf("", vxlan), 1450);
        QCOMPARE(mtuOf("", bridge), 1450);
        QCOMPARE(mtuOf(local.netns, "eth0"), 1450);
        QVERIFY(tunnelled());
        QVERIFY(pingFrom(local.netns, "10.244.42.20"));
    } else {
        // The bridge takes the new router MAC and announces it: the endpoint's entry for its gateway
        // follows at once. A remote subnet's next hop keeps its entry (a new MAC flushes the bridge's).
        HCN_VERIFY_OK(m_host.engine->modify(
            ResourceKind::Network, *net,
            networkRequest(
                "Policy", "Add",
                {{"Policies",
                  {remoteSubnetRoute("10.244.48.0/24", "192.168.250.2", "02-00-00-00-30-01", kVsid)}}})
                .dump()));
        HCN_VERIFY_OK(update({{"Type", "DrMacAddress"}, {"Settings", {{"Address", "02-00-00-00-2A-01"}}}}));
        QVERIFY(hasEntry(ipJson(IP_PATH, "", {"neigh", "show", "dev", bridge, "nud", "permanent"}), "dst",
                         "10.244.48.0"));
        const json link = ipJson(IP_PATH, "", {"link", "show", "dev", bridge});
        QCOMPARE(link.size(), std::size_t(1));
        QCOMPARE(link[0].value("address", ""), std::string("02:00:00:00:2a:01"));
        const json neighbour = ipJson(IP_PATH, local.netns, {"neigh", "show", "10.244.42.1"});
        QCOMPARE(neighbour.size(), std::size_t(1));
        QCOMPARE(neighbour[0].value("lladdr", ""), std::string("02:00:00:00:2a:01"));
        QVERIFY(pingFrom(local.netns, "10.244.42.1"));
        QVERIFY(tunnelled());
        QVERIFY(pingFrom(local.netns, "10.244.42.20"));
    }
}

void TestLinuxDatapathOverlay::failedNetworkModifyChangesNothing_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("step");
    QTest::addColumn<int>("code");
    QTest::newRow("two subnets added, after the first gateway") << "subnets"
                                                                << "gateway" << int(hcn::hr::Fail);
    QTest::newRow("a subnet with another VSID") << "othervsid"
                                                << "" << int(hcn::hr::InvalidPolicy);
    QTest::newRow("router MAC and remote subnet routes, at the new route")
        << "routes"
        << "remotesubnet" << int(hcn::hr::Fail);
    QTest::newRow("provider address, after the new VXLAN device") << "provider"
                                                                  << "tunnel" << int(hcn::hr::Fail);
    QTest::newRow("provider address, at a remote subnet route on the new device")
        << "provider"
        << "remotesubnet" << int(hcn::hr::Fail);
    QTest::newRow("provider address and a first remote subnet route, at the route (the device made back)")
        << "providerroute"
        << "remotesubnet" << int(hcn::hr::Fail);
    QTest::newRow("IPv6 provider address under IPv4 remotes") << "provider6"
                                                              << "" << int(hcn::hr::InvalidPolicy);
    QTest::newRow("a NetworkACL and a remote subnet route, at the route (the ACL chains made back)")
        << "aclroute"
        << "remotesubnet" << int(hcn::hr::Fail);
}

void TestLinuxDatapathOverlay::failedNetworkModifyChangesNothing()
{
    QFETCH(QString, change);
    QFETCH(QString, step);
    QFETCH(int, code);
    const std::string& peer = m_underlay->netns;
    const std::string made = peerVxlan(peer, {"10.244.43.20/24"});
    QVERIFY2(made.empty(), made.c_str());
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"addr", "add", "192.168.250.3/24", "dev", "ul0"},
          {"addr", "add", "fd00:250::1/64", "dev", "ul0", "nodad"}}) {
        bool ok = false;
        outputOf(IP_PATH, args, &ok);
        QVERIFY(ok);
    }
    auto net = m_host.create(ResourceKind::Network,
                             overlayNetwork("overlay43", 43, kVsid,
                                            json::array({remoteSubnetRoute("10.244.44.0/24", "192.168.250.2",
                                                                           "02-00-00-00-2C-01", kVsid)})));
    HCN_VERIFY_OK(net);
    const LocalEndpoint local = localEndpointKnownToPeer(*net, "10.244.43.10", "02-00-00-00-2B-0A");
    QVERIFY2(local.error.empty(), local.error.c_str());
    HCN_VERIFY_OK(m_host.create(ResourceKind::Endpoint,
                                remoteEndpoint("10.244.43.20", kRemoteMac, "192.168.250.2"), *net));
    QVERIFY(pingFrom(local.netns, "10.244.43.20"));

    json request;
    if (change == "subnets")
        request = networkRequest("Subnet", "Add",
                                 {{"Subnets",
                                   {overlaySubnet("10.244.45.0/24", "10.244.45.1"),
                                    overlaySubnet("fd68:636e:45::/64", "fd68:636e:45::1")}}});
    else if (change == "othervsid")
        request = networkRequest("Subnet", "Add",
                                 {{"Subnets", {overlaySubnet("10.244.45.0/24", "10.244.45.1", 4200)}}});
    else if (change == "routes")
        request = networkRequest(
            "Policy", "Update",
            {{"Policies",
              {{{"Type", "DrMacAddress"}, {"Settings", {{"Address", "02-00-00-00-2B-01"}}}},
               remoteSubnetRoute("10.244.46.0/24", "192.168.250.2", "02-00-00-00-2E-01", kVsid)}}});
    else if (change == "aclroute")
        request = networkRequest(
            "Policy", "Add",
            {{"Policies",
              {{{"Type", "NetworkACL"},
                {"Settings",
                 {{"Action", "Block"},
                  {"Direction", "In"},
                  {"Priority", 100},
                  {"Protocols", "6"},
                  {"LocalPorts", "81"}}}},
               remoteSubnetRoute("10.244.46.0/24", "192.168.250.2", "02-00-00-00-2E-01", kVsid)}}});
    else if (change == "providerroute")
        request = networkRequest(
            "Policy", "Update",
            {{"Policies",
              {{{"Type", "ProviderAddress"}, {"Settings", {{"ProviderAddress", "192.168.250.3"}}}},
               remoteSubnetRoute("10.244.46.0/24", "192.168.250.2", "02-00-00-00-2E-01", kVsid)}}});
    else
        request = networkRequest(
            "Policy", "Update",
            {{"Policies",
              {{{"Type", "ProviderAddress"},
                {"Settings",
                 {{"ProviderAddress", change == "provider6" ? "fd00:250::1" : "192.168.250.3"}}}}}}});
    // Without a remote subnet to move, the new device comes through and the transaction undoes it when
    // the new route fails after it.
    if (change == "providerroute")
        HCN_VERIFY_OK(m_host.engine->modify(
            ResourceKind::Network, *net,
            networkRequest(
                "Policy", "Remove",
                {{"Policies",
                  {remoteSubnetRoute("10.244.44.0/24", "192.168.250.2", "02-00-00-00-2C-01", kVsid)}}})
                .dump()));
    const QStringList kernelBefore = kernelState();
    const std::string rulesBefore = rulesetByName(nftRuleset());
    const json documentBefore = m_host.networkDocument(*net);
    const hcn::Status failed = m_host.modifyNetwork(*net, request, step.toStdString());
    QCOMPARE(int(failed.code()), code);
    if (!step.isEmpty())
        QVERIFY2(failed.detail().find(step.toStdString()) != std::string::npos, failed.detail().c_str());
    QCOMPARE(kernelState(), kernelBefore);
    QCOMPARE(rulesetByName(nftRuleset()), rulesBefore);
    QVERIFY2(m_host.networkDocument(*net) == documentBefore, m_host.networkDocument(*net).dump().c_str());
    QVERIFY(pingFrom(local.netns, "10.244.43.20"));
    QVERIFY(pingFrom(local.netns, "10.244.43.1"));
    // The engine agrees: the same change, without the injected failure, goes through.
    if (!step.isEmpty()) {
        HCN_VERIFY_OK(m_host.engine->modify(ResourceKind::Network, *net, request.dump()));
        QVERIFY(kernelState() != kernelBefore);
        QVERIFY(pingFrom(local.netns, "10.244.43.20"));
        if (change == "aclroute")
            QVERIFY2(nftRuleset().find("tcp dport 81 drop") != std::string::npos, nftRuleset().c_str());
    }
}

void TestLinuxDatapathOverlay::modifiesWithoutKernelCounterpartChangeNothing_data()
{
    QTest::addColumn<QString>("resourceType");
    QTest::addColumn<QString>("settings");
    QTest::newRow("HostRoute added") << "Policy"
                                     << R"({"Policies":[{"Type":"HostRoute","Settings":{}}]})";
    QTest::newRow("SetPolicy added")
        << "Policy"
        << R"({"Policies":[{"Type":"SetPolicy","Settings":{"Id":"s1","Name":"s1","PolicyType":"IPSET","Values":"10.0.0.1"}}]})";
    QTest::newRow("DNS set") << "DNS"
                             << R"({"Domain":"example.test","ServerList":["10.244.47.53"]})";
    QTest::newRow("Extension added") << "Extension"
                                     << R"({"Id":"e7c3b2f0-46b3-4d4e-9a8c-0f1d2e3a4b5c","IsEnabled":true})";
    QTest::newRow("IPSubnet added") << "IPSubnet"
                                    << R"({"IpSubnets":[{"IpAddressPrefix":"10.244.47.0/25"}]})";
}

void TestLinuxDatapathOverlay::modifiesWithoutKernelCounterpartChangeNothing()
{
    QFETCH(QString, resourceType);
    QFETCH(QString, settings);
    auto net = m_host.create(ResourceKind::Network, overlayNetwork("overlay47", 47, kVsid));
    HCN_VERIFY_OK(net);
    auto ep = m_host.endpoint(*net, "10.244.47.10");
    HCN_VERIFY_OK(ep);
    auto ns = m_host.namespaceWith(*ep);
    HCN_VERIFY_OK(ns);
    const std::string netns = m_host.netnsOf(*ns);
    json request = networkRequest(resourceType.toStdString(), "Add", json::parse(settings.toStdString()));
    if (resourceType == "IPSubnet")
        request["Settings"]["SubnetId"] = subnetIdOf(m_host.networkDocument(*net), "10.244.47.0/24");
    const QStringList kernelBefore = kernelState();
    const std::string rulesBefore = nftRuleset();
    const json documentBefore = m_host.networkDocument(*net);
    HCN_VERIFY_OK(m_host.engine->modify(ResourceKind::Network, *net, request.dump()));
    QVERIFY(m_host.networkDocument(*net) != documentBefore);
    QCOMPARE(kernelState(), kernelBefore);
    QCOMPARE(nftRuleset(), rulesBefore);
    // The endpoint's DNS is its own (the engine gives it none of the network's): no resolv.conf.
    QVERIFY(access(("/etc/netns/" + netns + "/resolv.conf").c_str(), F_OK) != 0);
    // The endpoint reaches its gateway, the host, as before: on Linux that route never needed a HostRoute.
    QVERIFY(pingFrom(netns, "10.244.47.1"));
}

void TestLinuxDatapathOverlay::badOverlayDocumentsAreRefused_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no VSID") << "novsid"
                             << "VSID policy";
    QTest::newRow("a provider address this host does not have") << "foreignpa"
                                                                << "not an address of this host";
}

void TestLinuxDatapathOverlay::badOverlayDocumentsAreRefused()
{
    QFETCH(QString, change);
    QFETCH(QString, expected);
    json doc = overlayNetwork("bad", 26, kVsid);
    if (change == "novsid")
        doc["Ipams"][0]["Subnets"][0].erase("Policies");
    else
        doc["Policies"] =
            json::array({{{"Type", "ProviderAddress"}, {"Settings", {{"ProviderAddress", "192.0.2.77"}}}}});
    auto net = m_host.create(ResourceKind::Network, doc);
    QVERIFY(!net.ok());
    QVERIFY2(net.status().detail().find(expected.toStdString()) != std::string::npos,
             net.status().detail().c_str());
    QCOMPARE(hcnLinks(), std::set<std::string>{});
}

void TestLinuxDatapathOverlay::openRemovesLeftoverVxlanDevices()
{
    auto net = m_host.create(ResourceKind::Network, overlayNetwork("overlay27", 27, kVsid));
    HCN_VERIFY_OK(net);
    QCOMPARE(hcnLinks().size(), std::size_t(2)); // the bridge and its vxlan device
    // A second datapath opened here plays hcnd started again after a crash.
    auto restarted = hcn::LinuxDatapath::open();
    HCN_VERIFY_OK(restarted);
    QCOMPARE(hcnLinks(), std::set<std::string>{});
    (*restarted)->reset();
}

void TestLinuxDatapathOverlay::startRemovesLeftoverPeers()
{
    // A run that died (its process id is free again) left its peer; this run's own peer stays.
    const pid_t gone = fork();
    if (gone == 0)
        _exit(0);
    QVERIFY(gone > 0);
    QCOMPARE(waitpid(gone, nullptr, 0), gone);
    const std::string leftover = kPeerPrefix + std::to_string(gone) + "-0badc0de";
    HCN_VERIFY_OK(hcn::linuxdp::createNamedNetns("/run/netns", leftover));
    struct Remove
    {
        std::string name;
        ~Remove() { (void)hcn::linuxdp::removeNamedNetns("/run/netns", name); }
    } removeAnyway{leftover};
    QVERIFY(namedNetnsExists(leftover));
    removeLeftoverPeers();
    QVERIFY(!namedNetnsExists(leftover));
    QVERIFY(namedNetnsExists(m_underlay->netns));
}

void TestLinuxDatapathOverlay::l2bridgeEnslavesTheNamedAdapter()
{
    // The underlay's end here is the adapter: the endpoint lands on the underlay's network, where the peer
    // (192.168.250.2) answers.
    json doc = natNetwork("l2", "192.168.250.0/24", "192.168.250.2");
    doc["Type"] = "L2Bridge";
    doc["Policies"] = json::array({adapterPolicy("ghost0")});
    auto missing = m_host.create(ResourceKind::Network, doc);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.status().code(), hcn::hr::AdapterNotFound);
    QVERIFY2(missing.status().detail().find("ghost0") != std::string::npos,
             missing.status().detail().c_str());
    QCOMPARE(hcnLinks(), std::set<std::string>{});

    m_host.datapath->failStepOnce("adapter");
    doc["Policies"] = json::array({adapterPolicy("ul0")});
    QVERIFY(!m_host.create(ResourceKind::Network, doc).ok());
    QCOMPARE(hcnLinks(), std::set<std::string>{});
    QCOMPARE(masterOf("ul0"), std::string()); // released with the bridge

    // The endpoints get the adapter's MTU: larger frames would not leave through it.
    bool ok = false;
    outputOf(IP_PATH, {"link", "set", "ul0", "mtu", "1400"}, &ok);
    QVERIFY(ok);
    auto net = m_host.create(ResourceKind::Network, doc);
    HCN_VERIFY_OK(net);
    const std::string bridge = m_host.datapath->networkBridge(m_host.idOf(ResourceKind::Network, *net));
    QCOMPARE(masterOf("ul0"), bridge);
    // The bridge is on the adapter's network, with other machines' addresses: it keeps duplicate address
    // detection as new links have it (off only on the bridges of hcnd's own segments), the adapter too.
    auto acceptDad = [](const std::string& link) {
        std::string value;
        std::getline(std::ifstream("/proc/sys/net/ipv6/conf/" + link + "/accept_dad"), value);
        return value;
    };
    QVERIFY(!acceptDad("default").empty());
    QCOMPARE(acceptDad(bridge), acceptDad("default"));
    QCOMPARE(acceptDad("ul0"), acceptDad("default"));
    auto ep = m_host.endpoint(*net, "192.168.250.10");
    HCN_VERIFY_OK(ep);
    auto ns = m_host.namespaceWith(*ep);
    HCN_VERIFY_OK(ns);
    QVERIFY(pingFrom(m_host.netnsOf(*ns), "192.168.250.2"));
    QCOMPARE(mtuOf(m_host.netnsOf(*ns), "eth0"), 1400);
    // The adapter's MTU changes afterwards: the endpoint follows it.
    outputOf(IP_PATH, {"link", "set", "ul0", "mtu", "1500"}, &ok);
    QVERIFY(ok);
    QTRY_COMPARE(mtuOf(m_host.netnsOf(*ns), "eth0"), 1500);
    QVERIFY(pingWithoutFragments(m_host.netnsOf(*ns), "192.168.250.2", 1500 - 28));
    // Network modifies: a subnet added programs nothing here (its endpoints are on the adapter's network,
    // whose router is theirs: the bridge holds the adapter's addressing, no gateway), a HostRoute neither
    // (the host's addresses are on the bridge already); another adapter is refused.
    const QStringList addressing = addressingOf(bridge);
    HCN_VERIFY_OK(m_host.engine->modify(
        ResourceKind::Network, *net,
        networkRequest("Subnet", "Add", {{"Subnets", {{{"IpAddressPrefix", "10.244.49.0/24"}}}}}).dump()));
    HCN_VERIFY_OK(m_host.engine->modify(
        ResourceKind::Network, *net,
        networkRequest("Policy", "Add",
                       {{"Policies", {{{"Type", "HostRoute"}, {"Settings", json::object()}}}}})
            .dump()));
    QCOMPARE(addressingOf(bridge), addressing);
    QVERIFY(pingFrom(m_host.netnsOf(*ns), "192.168.250.1"));
    const hcn::Status moved = m_host.engine->modify(
        ResourceKind::Network, *net,
        networkRequest("Policy", "Update", {{"Policies", {adapterPolicy("ghost0")}}}).dump());
    QCOMPARE(moved.code(), hcn::hr::InvalidPolicy);
    QCOMPARE(masterOf("ul0"), bridge);
    QVERIFY(pingFrom(m_host.netnsOf(*ns), "192.168.250.2"));

    HCN_VERIFY_OK(m_host.engine->remove(ResourceKind::Namespace, m_host.idOf(ResourceKind::Namespace, *ns)));
    HCN_VERIFY_OK(m_host.engine->remove(ResourceKind::Endpoint, m_host.idOf(ResourceKind::Endpoint, *ep)));
    HCN_VERIFY_OK(m_host.engine->remove(ResourceKind::Network, m_host.idOf(ResourceKind::Network, *net)));
    QCOMPARE(masterOf("ul0"), std::string()); // the adapter stays, released from the bridge
}

void TestLinuxDatapathOverlay::l2bridgeGivesTheAdaptersAddressingToTheBridge()
{
    // The host's own traffic over the adapter survives bridging it: its addresses and routes move onto
    // the bridge (HNS's host vNIC) and back when the network goes, when a failure undoes the create, and
    // when a restarted datapath removes the bridge a crashed one left.
    const std::string& peer = m_underlay->netns;
    bool ok = false;
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"addr", "add", "fd00:250::1/64", "dev", "ul0", "nodad"},
          {"-n", peer, "addr", "add", "fd00:250::2/64", "dev", "ul1", "nodad"},
          {"-n", peer, "addr", "add", "10.99.0.1/32", "dev", "lo"},
          {"route", "add", "10.99.0.0/16", "via", "192.168.250.2", "dev", "ul0", "metric", "7"},
          {"-n", peer, "addr", "add", "10.98.0.1/32", "dev", "lo"},
          {"route", "add", "10.98.0.0/16", "via", "192.168.250.2", "dev", "ul0", "table", "100"},
          {"rule", "add", "to", "10.98.0.0/16", "lookup", "100"},
          // Rules naming the adapter, which the bridge takes over: one only a socket bound to the
          // adapter uses (table 101 holds its one route), one for traffic entering through it.
          {"route", "add", "10.97.0.0/16", "via", "192.168.250.2", "dev", "ul0", "table", "101"},
          {"rule", "add", "pref", "1101", "oif", "ul0", "fwmark", "0/0xff00", "lookup", "101"},
          {"-6", "rule", "add", "pref", "1102", "iif", "ul0", "lookup", "100"}}) {
        outputOf(IP_PATH, args, &ok);
        QVERIFY2(ok, args[2].c_str());
    }
    // The policy routing rules belong to the suite's namespace, which outlives the case.
    struct DeleteRules
    {
        ~DeleteRules()
        {
            outputOf(IP_PATH, {"rule", "del", "to", "10.98.0.0/16", "lookup", "100"});
            outputOf(IP_PATH, {"rule", "del", "pref", "1101"});
            outputOf(IP_PATH, {"-6", "rule", "del", "pref", "1102"});
        }
    } deleteRules;
    const QStringList addressing = addressingOf("ul0");
    QCOMPARE(addressing.join(", "), QStringLiteral("address 192.168.250.1/24, address fd00:250::1/64, "
                                                   "route 10.97.0.0/16 via 192.168.250.2 metric 0 table 101, "
                                                   "route 10.98.0.0/16 via 192.168.250.2 metric 0 table 100, "
                                                   "route 10.99.0.0/16 via 192.168.250.2 metric 7, "
                                                   "rule -4 1101 oif table 101, rule -6 1102 iif table 100"));
    QVERIFY(routesOutOf("ul0", "10.97.0.1"));
    auto reachable = [] {
        return hostReaches("192.168.250.2") && hostReaches("fd00:250::2") && hostReaches("10.99.0.1") &&
               hostReaches("10.98.0.1");
    };
    QVERIFY(reachable());

    json doc = natNetwork("l2", "192.168.250.0/24", "192.168.250.2");
    doc["Type"] = "L2Bridge";
    doc["Policies"] = json::array({adapterPolicy("ul0")});
    for (const char* step : {"addressing", "adapter"}) {
        m_host.datapath->failStepOnce(step);
        QVERIFY(!m_host.create(ResourceKind::Network, doc).ok());
        QCOMPARE(hcnLinks(), std::set<std::string>{});
        QCOMPARE(addressingOf("ul0"), addressing);
    }

    auto net = m_host.create(ResourceKind::Network, doc);
    HCN_VERIFY_OK(net);
    const std::string bridge = m_host.datapath->networkBridge(m_host.idOf(ResourceKind::Network, *net));
    QCOMPARE(addressingOf(bridge), addressing);
    QCOMPARE(addressingOf("ul0"), QStringList{});
    QVERIFY(routesOutOf(bridge, "10.97.0.1"));
    // The fwmark selector, which only the kernel's own message carries whole, survived the move.
    QVERIFY(outputOf(IP_PATH, {"rule", "show", "pref", "1101"}).find("fwmark 0/0xff00") != std::string::npos);
    const json links = ipJson(IP_PATH, "", {"link", "show", "dev", "ul0"});
    QCOMPARE(ipJson(IP_PATH, "", {"link", "show", "dev", bridge})[0].value("address", ""),
             links[0].value("address", "")); // the host's addresses keep their MAC
    QVERIFY(reachable());
    auto ep = m_host.endpoint(*net, "192.168.250.10");
    HCN_VERIFY_OK(ep);
    auto ns = m_host.namespaceWith(*ep);
    HCN_VERIFY_OK(ns);
    QVERIFY(pingFrom(m_host.netnsOf(*ns), "192.168.250.2"));
    QVERIFY(pingFrom(m_host.netnsOf(*ns), "192.168.250.1")); // the host, on the bridge
    QVERIFY(reachable());

    HCN_VERIFY_OK(m_host.engine->remove(ResourceKind::Namespace, m_host.idOf(ResourceKind::Namespace, *ns)));
    HCN_VERIFY_OK(m_host.engine->remove(ResourceKind::Endpoint, m_host.idOf(ResourceKind::Endpoint, *ep)));
    HCN_VERIFY_OK(m_host.engine->remove(ResourceKind::Network, m_host.idOf(ResourceKind::Network, *net)));
    QCOMPARE(addressingOf("ul0"), addressing);
    QVERIFY(routesOutOf("ul0", "10.97.0.1"));
    QVERIFY(reachable());

    // hcnd killed with the network made: the restarted datapath gives the adapter its addressing back.
    net = m_host.create(ResourceKind::Network, doc);
    HCN_VERIFY_OK(net);
    QCOMPARE(addressingOf("ul0"), QStringList{});
    auto restarted = hcn::LinuxDatapath::open();
    HCN_VERIFY_OK(restarted);
    QCOMPARE(hcnLinks(), std::set<std::string>{});
    QCOMPARE(addressingOf("ul0"), addressing);
    QVERIFY(reachable());
    (*restarted)->reset();
}

void TestLinuxDatapathOverlay::l2bridgeNetworksShareTheirAdapter()
{
    // Two L2Bridge networks naming one adapter are on one switch (HNS's shared vSwitch): the second
    // joins the first one's bridge, its endpoints reach the adapter's network and the first network's
    // endpoints; when the first goes, the second takes the adapter and the host's addressing over.
    const QStringList addressing = addressingOf("ul0");
    json doc = natNetwork("l2a", "192.168.250.0/24", "192.168.250.2");
    doc["Type"] = "L2Bridge";
    doc["Policies"] = json::array({adapterPolicy("ul0")});
    auto first = m_host.create(ResourceKind::Network, doc);
    HCN_VERIFY_OK(first);
    const std::string firstBridge =
        m_host.datapath->networkBridge(m_host.idOf(ResourceKind::Network, *first));

    doc["Name"] = "l2b";
    m_host.datapath->failStepOnce("trunk");
    QVERIFY(!m_host.create(ResourceKind::Network, doc).ok());
    QCOMPARE(hcnLinks().size(), std::size_t(1)); // the first network's bridge alone
    doc["Type"] = "Transparent";                 // a Transparent network needs an adapter of its own
    auto refused = m_host.create(ResourceKind::Network, doc);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.status().code(), hcn::hr::InvalidNetwork);
    QVERIFY2(refused.status().detail().find("ul0") != std::string::npos, refused.status().detail().c_str());
    QCOMPARE(hcnLinks().size(), std::size_t(1));
    doc["Type"] = "L2Bridge";
    auto second = m_host.create(ResourceKind::Network, doc);
    HCN_VERIFY_OK(second);
    const std::string secondBridge =
        m_host.datapath->networkBridge(m_host.idOf(ResourceKind::Network, *second));
    QCOMPARE(masterOf("ul0"), firstBridge);
    QCOMPARE(addressingOf(firstBridge), addressing);
    // The second bridge holds no address: the host must not answer ARP on it for the first bridge's
    // addresses, or the endpoints would take its MAC for the host's.
    QCOMPARE(arpIgnore(secondBridge), std::string("1"));

    auto a = m_host.endpoint(*first, "192.168.250.10");
    HCN_VERIFY_OK(a);
    auto nsA = m_host.namespaceWith(*a);
    HCN_VERIFY_OK(nsA);
    auto b = m_host.endpoint(*second, "192.168.250.11");
    HCN_VERIFY_OK(b);
    auto nsB = m_host.namespaceWith(*b);
    HCN_VERIFY_OK(nsB);
    QVERIFY(pingFrom(m_host.netnsOf(*nsB), "192.168.250.2"));  // the adapter's network
    QVERIFY(pingFrom(m_host.netnsOf(*nsB), "192.168.250.10")); // the other network, on the same switch
    QVERIFY(pingFrom(m_host.netnsOf(*nsB), "192.168.250.1"));  // the host, on the first bridge
    QVERIFY(pingFrom(m_host.netnsOf(*nsA), "192.168.250.2"));

    // The adapter's MTU changes: the second network's endpoint follows it too.
    bool ok = false;
    outputOf(IP_PATH, {"link", "set", "ul0", "mtu", "1400"}, &ok);
    QVERIFY(ok);
    QTRY_COMPARE(mtuOf(m_host.netnsOf(*nsB), "eth0"), 1400);
    QVERIFY(pingWithoutFragments(m_host.netnsOf(*nsB), "192.168.250.2", 1400 - 28));
    outputOf(IP_PATH, {"link", "set", "ul0", "mtu", "1500"}, &ok);
    QVERIFY(ok);
    QTRY_COMPARE(mtuOf(m_host.netnsOf(*nsB), "eth0"), 1500);

    // The first network goes: the second network's bridge takes the adapter and the host's addressing.
    HCN_VERIFY_OK(m_host.engine->remove(ResourceKind::Namespace, m_host.idOf(ResourceKind::Namespace, *nsA)));
    HCN_VERIFY_OK(m_host.engine->remove(ResourceKind::Endpoint, m_host.idOf(ResourceKind::Endpoint, *a)));
    m_host.datapath->failStepOnce("handover");
    QVERIFY(!m_host.engine->remove(ResourceKind::Network, m_host.idOf(ResourceKind::Network, *first)).ok());
    QCOMPARE(masterOf("ul0"), firstBridge); // a failed handover puts everything back
    QCOMPARE(addressingOf(firstBridge), addressing);
    QVERIFY(pingFrom(m_host.netnsOf(*nsB), "192.168.250.2"));
    HCN_VERIFY_OK(m_host.engine->remove(ResourceKind::Network, m_host.idOf(ResourceKind::Network, *first)));
    QCOMPARE(masterOf("ul0"), secondBridge);
    QCOMPARE(addressingOf(secondBridge), addressing);
    QVERIFY(hostReaches("192.168.250.2"));
    QVERIFY(pingFrom(m_host.netnsOf(*nsB), "192.168.250.2"));
    QVERIFY(pingFrom(m_host.netnsOf(*nsB), "192.168.250.1"));
    QCOMPARE(arpIgnore(secondBridge), arpIgnore("default")); // it answers for the host now
    for (const std::string& link : hcnLinks()) // the bridge and the endpoint's veth: no trunk is left
        QVERIFY2(link == secondBridge || link.rfind("hcnv", 0) == 0, link.c_str());

    HCN_VERIFY_OK(m_host.engine->remove(ResourceKind::Namespace, m_host.idOf(ResourceKind::Namespace, *nsB)));
    HCN_VERIFY_OK(m_host.engine->remove(ResourceKind::Endpoint, m_host.idOf(ResourceKind::Endpoint, *b)));
    HCN_VERIFY_OK(m_host.engine->remove(ResourceKind::Network, m_host.idOf(ResourceKind::Network, *second)));
    QCOMPARE(masterOf("ul0"), std::string());
    QCOMPARE(addressingOf("ul0"), addressing);
    QVERIFY(hostReaches("192.168.250.2"));

    // hcnd killed with both networks made: the restarted datapath removes the bridges and the trunk and
    // gives the adapter its addressing back.
    first = m_host.create(ResourceKind::Network, doc);
    HCN_VERIFY_OK(first);
    doc["Name"] = "l2c";
    second = m_host.create(ResourceKind::Network, doc);
    HCN_VERIFY_OK(second);
    QCOMPARE(hcnLinks().size(), std::size_t(4)); // two bridges, the trunk's two ends
    auto restarted = hcn::LinuxDatapath::open();
    HCN_VERIFY_OK(restarted);
    QCOMPARE(hcnLinks(), std::set<std::string>{});
    QCOMPARE(addressingOf("ul0"), addressing);
    QVERIFY(hostReaches("192.168.250.2"));
    (*restarted)->reset();
}

void TestLinuxDatapathOverlay::l2tunnelSendsEveryEndpointsTrafficThroughTheAdapter()
{
    // L2Tunnel hairpins every endpoint's traffic to the physical switch: the endpoints' ports are
    // isolated, so they reach the adapter's network but not each other inside the host (the peer here is
    // no switch and sends nothing back).
    json doc = natNetwork("l2t", "192.168.250.0/24", "192.168.250.2");
    doc["Type"] = "L2Tunnel";
    doc["Policies"] = json::array({adapterPolicy("ul0")});
    auto net = m_host.create(ResourceKind::Network, doc);
    HCN_VERIFY_OK(net);
    const std::string bridge = m_host.datapath->networkBridge(m_host.idOf(ResourceKind::Network, *net));
    QCOMPARE(masterOf("ul0"), bridge);
    std::vector<std::string> netns;
    for (const char* address : {"192.168.250.10", "192.168.250.11"}) {
        auto ep = m_host.endpoint(*net, address);
        HCN_VERIFY_OK(ep);
        auto ns = m_host.namespaceWith(*ep);
        HCN_VERIFY_OK(ns);
        netns.push_back(m_host.netnsOf(*ns));
        QVERIFY2(pingFrom(netns.back(), "192.168.250.2"), address);
    }
    QVERIFY(pingLost(netns[0], "192.168.250.11"));
    QVERIFY(pingLost(netns[1], "192.168.250.10"));
    int isolated = 0;
    for (const auto& port : ipJson(IP_PATH, "", {"-d", "link", "show", "master", bridge})) {
        const bool isIsolated = port["linkinfo"]["info_slave_data"].value("isolated", false);
        QCOMPARE(isIsolated, port.value("ifname", "") != "ul0"); // the uplink is not
        isolated += isIsolated;
    }
    QCOMPARE(isolated, 2);

    // Only L2Bridge networks share an adapter.
    doc["Name"] = "l2b";
    doc["Type"] = "L2Bridge";
    auto refused = m_host.create(ResourceKind::Network, doc);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.status().code(), hcn::hr::InvalidNetwork);
    QVERIFY2(refused.status().detail().find("L2Tunnel") != std::string::npos,
             refused.status().detail().c_str());
}

QTEST_GUILESS_MAIN(TestLinuxDatapathOverlay)
#include "tst_linuxdatapathoverlay.moc"
