// The Linux datapath under a real engine against the real kernel: connectivity between namespaces,
// port mappings, ACLs, outbound NAT with exceptions, all-or-nothing changes, reset and leftovers. The
// suite runs in a network namespace it creates (initTestCase); named namespaces are new ones anyway.
// Traffic only flows between namespaces the suite made, on 10.244.0.0/16 and 192.168.250.0/24.

#include "engine_harness.h"
#include "hcn/linux_datapath.h"
#include "hcn/reachability_trace.h"
#include "hcnd_child_process.h"
#include "linux_host.h"
#include "netns_probe.h"

#include <fstream>
#include <memory>
#include <optional>

using namespace hcntest;
using hcn::Guid;
using hcn::ResourceKind;

namespace {

json portMapping(int internal, int external)
{
    return {{"Type", "PortMapping"},
            {"Settings", {{"Protocol", 6}, {"InternalPort", internal}, {"ExternalPort", external}}}};
}

json acl(const std::string& action, const std::string& direction, int priority, json extra = json::object())
{
    json settings{{"Action", action}, {"Direction", direction}, {"Priority", priority}};
    settings.update(extra);
    return {{"Type", "ACL"}, {"Settings", settings}};
}

/// A NetworkACL network policy: the settings of an endpoint's ACL, for every endpoint of the network.
json networkAcl(const std::string& action, const std::string& direction, int priority,
                json extra = json::object())
{
    json policy = acl(action, direction, priority, std::move(extra));
    policy["Type"] = "NetworkACL";
    return policy;
}

/// A network modify adding or removing policies.
json policyRequest(const std::string& requestType, const json& policies)
{
    return {{"ResourceType", "Policy"}, {"RequestType", requestType}, {"Settings", {{"Policies", policies}}}};
}

std::string fileText(const std::string& path)
{
    std::ifstream in(path);
    if (!in)
        return "<absent>";
    return std::string(std::istreambuf_iterator<char>(in), {});
}

/// What a process started with `ip netns exec <netns>` reads as /etc/resolv.conf.
std::string resolvConfSeenIn(const std::string& netns)
{
    ChildProcess cat;
    if (!cat.start(IP_PATH, {"netns", "exec", netns, CAT_PATH, "/etc/resolv.conf"}) ||
        !cat.waitForExit(10000))
        return "<cat did not run>";
    return cat.readStdout();
}

} // namespace

class TestLinuxDatapath : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void endpointsInTwoNamespacesReachEachOther();
    void portMappingAnswersFromTheHost();
    void twoEndpointsPublishOnePortOnTwoVips();
    void aclBlocksWhatItSaysAndAllowsTheRest();
    void networkAclAppliesToEveryEndpoint_data();
    void networkAclAppliesToEveryEndpoint();
    void failedNetworkAclModifyChangesNothing_data();
    void failedNetworkAclModifyChangesNothing();
    void outboundNatExceptionsAreNotNated();
    void attachMakesThePairDetachRemovesIt();
    void statsNameTheRealInterfaceAndNamespace();
    void loadBalancerSpreadsConnections_data();
    void loadBalancerSpreadsConnections();
    void failedChangeLeavesNothing_data();
    void failedChangeLeavesNothing();
    void existingLinkFailsTheCreateCleanly();
    void unsupportedObjectsFailClearly();
    void resetLeavesNothing();
    void openRemovesLeftovers();
    void dnsIsWrittenIntoTheNamespace();
    void ipv6OnADualStackNetwork();
    void loadBalancerFollowsABackendsNewAddress();
    void loadBalancerModifyKeepsConnectionsInProgress_data();
    void loadBalancerModifyKeepsConnectionsInProgress();

private:
    std::string m_skip;
    LinuxHost m_host;
};

void TestLinuxDatapath::initTestCase()
{
    m_skip = enterOwnNetworkNamespace();
    if (!m_skip.empty())
        QSKIP(qPrintable("SKIPPED: the Linux datapath suite " + QString::fromStdString(m_skip)));
}

void TestLinuxDatapath::init()
{
    HCN_VERIFY_OK(m_host.open());
}

void TestLinuxDatapath::cleanup()
{
    if (m_host.engine)
        m_host.engine->shutdown(); // resets the datapath, failed test or not
    m_host.engine.reset();
    m_host.datapath.reset();
    QCOMPARE(hcnLinks(), std::set<std::string>{});
}

void TestLinuxDatapath::endpointsInTwoNamespacesReachEachOther()
{
    auto net = m_host.network(1);
    HCN_VERIFY_OK(net);
    auto a = m_host.endpoint(*net, "10.244.1.10");
    auto b = m_host.endpoint(*net, "10.244.1.11");
    HCN_VERIFY_OK(a);
    HCN_VERIFY_OK(b);
    auto nsA = m_host.namespaceWith(*a);
    auto nsB = m_host.namespaceWith(*b);
    HCN_VERIFY_OK(nsA);
    HCN_VERIFY_OK(nsB);
    const std::string netnsA = m_host.netnsOf(*nsA), netnsB = m_host.netnsOf(*nsB);
    QVERIFY(namedNetnsExists(netnsA));
    QVERIFY(namedNetnsExists(netnsB));
    auto port = m_host.datapath->endpointPort(m_host.idOf(ResourceKind::Endpoint, *a));
    QVERIFY(port);
    QCOMPARE(port->namespaceInterface, std::string("eth0"));
    QCOMPARE(port->namespaceName, netnsA);

    QVERIFY(pingFrom(netnsA, "10.244.1.11"));
    QVERIFY(pingFrom(netnsB, "10.244.1.10"));
    QVERIFY(pingFrom(netnsA, "10.244.1.1")); // the gateway on the bridge
    Listener server(netnsB, 80);
    QVERIFY(server.fd >= 0);
    std::string peer;
    QVERIFY(tcpConnects(netnsA, "10.244.1.11", 80, 2000, server.fd, &peer));
    QCOMPARE(peer, std::string("10.244.1.10")); // same bridge: no NAT between endpoints
    QCOMPARE(m_host.predicted("ep-10.244.1.10", "10.244.1.11", 80), std::string("delivered"));

    auto stats = m_host.engine->queryEndpointStats(*a, "");
    HCN_VERIFY_OK(stats);
    const json counters = json::parse(*stats);
    QVERIFY2(counters["PacketsSent"].get<std::uint64_t>() > 0, stats->c_str());
    QVERIFY2(counters["BytesReceived"].get<std::uint64_t>() > 0, stats->c_str());
}

void TestLinuxDatapath::portMappingAnswersFromTheHost()
{
    auto net = m_host.network(2);
    HCN_VERIFY_OK(net);
    auto ep = m_host.endpoint(*net, "10.244.2.10", json::array({portMapping(80, 8080)}));
    HCN_VERIFY_OK(ep);
    auto ns = m_host.namespaceWith(*ep);
    HCN_VERIFY_OK(ns);
    Listener server(m_host.netnsOf(*ns), 80);
    QVERIFY(server.fd >= 0);
    // From the host itself, to a host address: the published port reaches the endpoint's port 80.
    QVERIFY(tcpConnects("", "10.244.2.1", 8080, 2000, server.fd));
    // An unpublished port does not.
    QVERIFY(!tcpConnects("", "10.244.2.1", 8081, kLostAfterMs));
    // From a neighbour on the same network, through the host address (hairpin): the translated
    // connection reaches the endpoint and its answers find their way back (docs/datapath-linux.md).
    auto neighbour = m_host.endpoint(*net, "10.244.2.11");
    HCN_VERIFY_OK(neighbour);
    auto nsNeighbour = m_host.namespaceWith(*neighbour);
    HCN_VERIFY_OK(nsNeighbour);
    QVERIFY(tcpConnects(m_host.netnsOf(*nsNeighbour), "10.244.2.1", 8080, 2000, server.fd));
    // The reachability trace, from the host and from the neighbour, predicts what the packets did.
    QCOMPARE(m_host.predicted("host", "10.244.2.1", 8080, true), std::string("delivered to ep-10.244.2.10"));
    QCOMPARE(m_host.predicted("ep-10.244.2.11", "10.244.2.1", 8080, true),
             std::string("delivered to ep-10.244.2.10"));
    // An unpublished port is the host's own (nothing listens there: refused), no endpoint's.
    QCOMPARE(m_host.predicted("host", "10.244.2.1", 8081, true), std::string("delivered"));

    // Removing the mapping (a policy modify) takes the rule away in the same change.
    json request{{"ResourceType", "Policy"},
                 {"RequestType", "Remove"},
                 {"Settings", {{"Policies", json::array({portMapping(80, 8080)})}}}};
    HCN_VERIFY_OK(m_host.engine->modify(ResourceKind::Endpoint, *ep, request.dump()));
    QVERIFY(nftRuleset().find("8080") == std::string::npos);
    QVERIFY(!tcpConnects("", "10.244.2.1", 8080, kLostAfterMs));
    QCOMPARE(m_host.predicted("host", "10.244.2.1", 8080, true), std::string("delivered"));
}

void TestLinuxDatapath::twoEndpointsPublishOnePortOnTwoVips()
{
    // Port 8080 published by two endpoints, each on its own VIP (two addresses of the host): each VIP's
    // connections land on its endpoint.
    auto here = hcn::linuxdp::RouteSocket::open(); // the suite's own namespace
    HCN_VERIFY_OK(here);
    HCN_VERIFY_OK(here->addAddress("lo", "10.244.16.254/32"));
    struct RemoveAddress
    {
        hcn::linuxdp::RouteSocket& sock;
        ~RemoveAddress() { (void)sock.deleteAddress("lo", "10.244.16.254/32"); }
    } removeAddress{*here};
    auto net = m_host.network(16);
    HCN_VERIFY_OK(net);
    auto onVip = [](const char* vip) {
        json mapping = portMapping(80, 8080);
        mapping["Settings"]["VIP"] = vip;
        return json::array({mapping});
    };
    auto a = m_host.endpoint(*net, "10.244.16.10", onVip("10.244.16.1"));
    HCN_VERIFY_OK(a);
    auto b = m_host.endpoint(*net, "10.244.16.11", onVip("10.244.16.254"));
    HCN_VERIFY_OK(b);
    auto nsA = m_host.namespaceWith(*a);
    auto nsB = m_host.namespaceWith(*b);
    HCN_VERIFY_OK(nsA);
    HCN_VERIFY_OK(nsB);
    Listener serverA(m_host.netnsOf(*nsA), 80), serverB(m_host.netnsOf(*nsB), 80);
    QVERIFY(serverA.fd >= 0 && serverB.fd >= 0);
    QVERIFY(tcpConnects("", "10.244.16.1", 8080, 2000, serverA.fd));
    QVERIFY(tcpConnects("", "10.244.16.254", 8080, 2000, serverB.fd));
    QCOMPARE(m_host.predicted("host", "10.244.16.1", 8080, true),
             std::string("delivered to ep-10.244.16.10"));
    // The first endpoint's mapping goes; the second one's stays.
    HCN_VERIFY_OK(m_host.engine->remove(ResourceKind::Endpoint, m_host.idOf(ResourceKind::Endpoint, *a)));
    QVERIFY(!tcpConnects("", "10.244.16.1", 8080, kLostAfterMs));
    QVERIFY(tcpConnects("", "10.244.16.254", 8080, 2000, serverB.fd));
}

void TestLinuxDatapath::aclBlocksWhatItSaysAndAllowsTheRest()
{
    auto net = m_host.network(3);
    HCN_VERIFY_OK(net);
    auto client = m_host.attachedEndpoint(*net, "10.244.3.10");
    // Port 81 is blocked inbound; an allow of higher priority (lower number) opens it for .12 only.
    auto server = m_host.attachedEndpoint(
        *net, "10.244.3.11",
        json::array({acl("Block", "In", 200, {{"Protocols", "6"}, {"LocalPorts", "81"}}),
                     acl("Allow", "In", 100,
                         {{"Protocols", "6"}, {"LocalPorts", "81"}, {"RemoteAddresses", "10.244.3.12"}}),
                     acl("Block", "Out", 100, {{"Protocols", "6"}, {"RemotePorts", "82"}})}));
    auto other = m_host.attachedEndpoint(*net, "10.244.3.12");
    HCN_VERIFY_OK(client);
    HCN_VERIFY_OK(server);
    HCN_VERIFY_OK(other);
    const std::string &c = client->netns, &s = server->netns, &o = other->netns;
    Listener s80(s, 80), s81(s, 81), c82(c, 82), c83(c, 83);
    QVERIFY(s80.fd >= 0 && s81.fd >= 0 && c82.fd >= 0 && c83.fd >= 0);

    QVERIFY(tcpConnects(c, "10.244.3.11", 80, 2000, s80.fd));  // not matched: allowed
    QVERIFY(!tcpConnects(c, "10.244.3.11", 81, kLostAfterMs)); // blocked inbound
    QVERIFY(tcpConnects(o, "10.244.3.11", 81, 2000, s81.fd));  // the allow comes first for .12
    QVERIFY(!tcpConnects(s, "10.244.3.10", 82, kLostAfterMs)); // blocked outbound
    QVERIFY(tcpConnects(s, "10.244.3.10", 83, 2000, c83.fd));  // other ports go out
    // The reachability trace, over the same documents, predicts what the packets did.
    QCOMPARE(m_host.predicted("ep-10.244.3.10", "10.244.3.11", 80), std::string("delivered"));
    QCOMPARE(m_host.predicted("ep-10.244.3.10", "10.244.3.11", 81), std::string("dropped"));
    QCOMPARE(m_host.predicted("ep-10.244.3.12", "10.244.3.11", 81), std::string("delivered"));
    QCOMPARE(m_host.predicted("ep-10.244.3.11", "10.244.3.10", 82), std::string("dropped"));
    QCOMPARE(m_host.predicted("ep-10.244.3.11", "10.244.3.10", 83), std::string("delivered"));
    QVERIFY(pingFrom(c, "10.244.3.11"));                        // ICMP is not matched
    QVERIFY(pingFrom(s, "10.244.3.1"));                         // to the host too
}

void TestLinuxDatapath::networkAclAppliesToEveryEndpoint_data()
{
    // When the network gets its ACLs (at its create, or by a modify once the endpoints are attached), the
    // network's ACLs, the ACLs of the server's own (none: ""), and what the client then reaches: the
    // server's TCP ports 81 and 80, the server by ping, another endpoint's port 81 (that endpoint has no
    // ACL of its own, as has one made and attached after the ACLs came).
    QTest::addColumn<QString>("when");
    QTest::addColumn<QString>("networkAcls");
    QTest::addColumn<QString>("serverAcls");
    QTest::addColumn<bool>("server81");
    QTest::addColumn<bool>("server80");
    QTest::addColumn<bool>("ping");
    QTest::addColumn<bool>("other81");
    const json blockIn81 = networkAcl("Block", "In", 100, {{"Protocols", "6"}, {"LocalPorts", "81"}});
    const json blockIcmp = networkAcl("Block", "In", 100, {{"Protocols", "1"}});
    auto list = [](std::initializer_list<json> items) { return QString::fromStdString(json(items).dump()); };
    QTest::newRow("at create: TCP port 81 blocked inbound")
        << "create" << list({blockIn81}) << "" << false << true << true << false;
    QTest::newRow("at create: ICMP blocked inbound")
        << "create" << list({blockIcmp}) << "" << true << true << false << true;
    QTest::newRow("at create: TCP to port 81 blocked outbound")
        << "create" << list({networkAcl("Block", "Out", 100, {{"Protocols", "6"}, {"RemotePorts", "81"}})})
        << "" << false << true << true << false;
    QTest::newRow("by modify: TCP port 81 blocked inbound")
        << "modify" << list({blockIn81}) << "" << false << true << true << false;
    QTest::newRow("by modify: ICMP blocked inbound")
        << "modify" << list({blockIcmp}) << "" << true << true << false << true;
    QTest::newRow("by modify: the client's Allow (100) before everyone's Block (200)")
        << "modify"
        << list({networkAcl("Block", "In", 200, {{"Protocols", "6"}, {"LocalPorts", "81"}}),
                 networkAcl("Allow", "In", 100,
                            {{"Protocols", "6"}, {"LocalPorts", "81"}, {"RemoteAddresses", "10.244.20.10"}})})
        << "" << true << true << true << true;
    // The network's ACLs and the endpoint's own in one priority order (docs/datapath-linux.md).
    const std::string serverAllow81 =
        json::array({acl("Allow", "In", 200, {{"Protocols", "6"}, {"LocalPorts", "81"}})}).dump();
    QTest::newRow("the network's Block (100) before the endpoint's Allow (200)")
        << "modify" << list({blockIn81}) << QString::fromStdString(serverAllow81) << false << true << true
        << false;
    QTest::newRow("the endpoint's Allow (100) before the network's Block (200)")
        << "create" << list({networkAcl("Block", "In", 200, {{"Protocols", "6"}, {"LocalPorts", "81"}})})
        << QString::fromStdString(
               json::array({acl("Allow", "In", 100, {{"Protocols", "6"}, {"LocalPorts", "81"}})}).dump())
        << true << true << true << false;
    QTest::newRow("equal Priority: the network's Block before the endpoint's Allow")
        << "create" << list({blockIn81})
        << QString::fromStdString(
               json::array({acl("Allow", "In", 100, {{"Protocols", "6"}, {"LocalPorts", "81"}})}).dump())
        << false << true << true << false;
}

void TestLinuxDatapath::networkAclAppliesToEveryEndpoint()
{
    QFETCH(QString, when);
    QFETCH(QString, networkAcls);
    QFETCH(QString, serverAcls);
    QFETCH(bool, server81);
    QFETCH(bool, server80);
    QFETCH(bool, ping);
    QFETCH(bool, other81);
    const json acls = json::parse(networkAcls.toStdString());
    json doc = natNetwork("net20", "10.244.20.0/24", "10.244.20.1");
    if (when == "create")
        doc["Policies"] = acls;
    auto net = m_host.create(ResourceKind::Network, doc);
    HCN_VERIFY_OK(net);
    auto client = m_host.attachedEndpoint(*net, "10.244.20.10");
    auto server = m_host.attachedEndpoint(
        *net, "10.244.20.11", serverAcls.isEmpty() ? json::array() : json::parse(serverAcls.toStdString()));
    auto other = m_host.attachedEndpoint(*net, "10.244.20.12");
    HCN_VERIFY_OK(client);
    HCN_VERIFY_OK(server);
    HCN_VERIFY_OK(other);
    const std::string &c = client->netns, &s = server->netns, &o = other->netns;
    Listener s80(s, 80), s81(s, 81), o81(o, 81);
    QVERIFY(s80.fd >= 0 && s81.fd >= 0 && o81.fd >= 0);
    // What the client reaches, in words.
    auto outcome = [](bool to81, bool to80, bool answered, bool toOther81) {
        return std::string("server:81 ") + (to81 ? "open" : "closed") + ", server:80 " +
               (to80 ? "open" : "closed") + ", ping " + (answered ? "answered" : "lost") + ", other:81 " +
               (toOther81 ? "open" : "closed");
    };
    // Each probe is waited for as long as the outcome it should have needs: a second or two for an
    // answer, kLostAfterMs for a loss.
    auto observed = [&](bool to81, bool to80, bool answered, bool toOther81) {
        auto wait = [](bool open, int answerMs) { return open ? answerMs : kLostAfterMs; };
        return outcome(tcpConnects(c, "10.244.20.11", 81, wait(to81, 1000), s81.fd),
                       tcpConnects(c, "10.244.20.11", 80, wait(to80, 1000), s80.fd),
                       pingFrom(c, "10.244.20.11", wait(answered, 2000)),
                       tcpConnects(c, "10.244.20.12", 81, wait(toOther81, 1000), o81.fd));
    };
    const std::string allOpen = outcome(true, true, true, true);
    std::string rulesWithout;
    if (when == "modify") {
        QCOMPARE(observed(true, true, true, true), allOpen);
        rulesWithout = rulesetByName(nftRuleset());
        HCN_VERIFY_OK(m_host.modifyNetwork(*net, policyRequest("Add", acls)));
    }
    QCOMPARE(observed(server81, server80, ping, other81), outcome(server81, server80, ping, other81));
    // The reachability trace, over the same documents, predicts what the TCP connections did.
    auto delivered = [&](const char* address, std::uint16_t port) {
        return m_host.predicted("ep-10.244.20.10", address, port) == "delivered";
    };
    QCOMPARE(outcome(delivered("10.244.20.11", 81), delivered("10.244.20.11", 80), ping,
                     delivered("10.244.20.12", 81)),
             outcome(server81, server80, ping, other81));

    // An endpoint made and attached afterwards gets the network's ACLs as well.
    auto late = m_host.attachedEndpoint(*net, "10.244.20.13");
    HCN_VERIFY_OK(late);
    Listener l81(late->netns, 81);
    QVERIFY(l81.fd >= 0);
    // Its first connection waits for ARP on a port just up: time for that when it is to connect.
    QCOMPARE(tcpConnects(c, "10.244.20.13", 81, other81 ? 3000 : kLostAfterMs, l81.fd), other81);

    // Removed by a modify, the network's ACLs lift from every endpoint, the late one too; the ruleset is
    // the one the endpoints had without them.
    HCN_VERIFY_OK(m_host.modifyNetwork(*net, policyRequest("Remove", acls)));
    QCOMPARE(observed(true, true, true, true), allOpen);
    QVERIFY(tcpConnects(c, "10.244.20.13", 81, 2000, l81.fd));
    if (when == "modify")
        QCOMPARE(rulesetByName(nftRuleset()), rulesWithout);

    // Put back, then the endpoints deleted: their chains go with them, and the network goes.
    HCN_VERIFY_OK(m_host.modifyNetwork(*net, policyRequest("Add", acls)));
    QVERIFY(nftRuleset().find("acl-") != std::string::npos);
    for (const hcn::Handle ep : {client->endpoint, server->endpoint, other->endpoint, late->endpoint})
        HCN_VERIFY_OK(m_host.engine->remove(ResourceKind::Endpoint, m_host.idOf(ResourceKind::Endpoint, ep)));
    QVERIFY2(nftRuleset().find("acl-") == std::string::npos, nftRuleset().c_str());
    HCN_VERIFY_OK(m_host.engine->remove(ResourceKind::Network, m_host.idOf(ResourceKind::Network, *net)));
}

void TestLinuxDatapath::failedNetworkAclModifyChangesNothing_data()
{
    // The network has a NetworkACL blocking TCP port 81 inbound; the modify adds one blocking port 80, or
    // removes it. `step`: the failure injected after the endpoints' chains were replaced (empty: none);
    // `code`: the HRESULT the modify fails with.
    QTest::addColumn<QString>("requestType");
    QTest::addColumn<QString>("policy");
    QTest::addColumn<QString>("step");
    QTest::addColumn<int>("code");
    const auto blockIn = [](int port, const std::string& action = "Block") {
        return QString::fromStdString(
            networkAcl(action, "In", 100, {{"Protocols", "6"}, {"LocalPorts", std::to_string(port)}}).dump());
    };
    QTest::newRow("an ACL added, failed after the chains")
        << "Add" << blockIn(80) << "networkacl" << int(hcn::hr::Fail);
    QTest::newRow("the ACL removed, failed after the chains")
        << "Remove" << blockIn(81) << "networkacl" << int(hcn::hr::Fail);
    QTest::newRow("an ACL the datapath refuses (Action Deny)")
        << "Add" << blockIn(80, "Deny") << "" << int(hcn::hr::InvalidPolicy);
}

void TestLinuxDatapath::failedNetworkAclModifyChangesNothing()
{
    QFETCH(QString, requestType);
    QFETCH(QString, policy);
    QFETCH(QString, step);
    QFETCH(int, code);
    json doc = natNetwork("net21", "10.244.21.0/24", "10.244.21.1");
    doc["Policies"] =
        json::array({networkAcl("Block", "In", 100, {{"Protocols", "6"}, {"LocalPorts", "81"}})});
    auto net = m_host.create(ResourceKind::Network, doc);
    HCN_VERIFY_OK(net);
    auto client = m_host.attachedEndpoint(*net, "10.244.21.10");
    auto server = m_host.attachedEndpoint(*net, "10.244.21.11");
    HCN_VERIFY_OK(client);
    HCN_VERIFY_OK(server);
    const std::string &c = client->netns, &s = server->netns;
    Listener s80(s, 80), s81(s, 81);
    QVERIFY(s80.fd >= 0 && s81.fd >= 0);
    const json request =
        policyRequest(requestType.toStdString(), json::array({json::parse(policy.toStdString())}));

    const std::string rulesBefore = rulesetByName(nftRuleset());
    const json documentBefore = m_host.networkDocument(*net);
    const hcn::Status failed = m_host.modifyNetwork(*net, request, step.toStdString());
    QCOMPARE(int(failed.code()), code);
    if (!step.isEmpty())
        QVERIFY2(failed.detail().find(step.toStdString()) != std::string::npos, failed.detail().c_str());
    // The chains made again by the undo come later in the kernel's listing: compared by name.
    QCOMPARE(rulesetByName(nftRuleset()), rulesBefore);
    QVERIFY2(m_host.networkDocument(*net) == documentBefore, m_host.networkDocument(*net).dump().c_str());
    QVERIFY(tcpConnects(c, "10.244.21.11", 80, 2000, s80.fd));
    QVERIFY(!tcpConnects(c, "10.244.21.11", 81, kLostAfterMs));
    if (step.isEmpty())
        return;
    // The engine agrees: the same change, without the injected failure, goes through.
    HCN_VERIFY_OK(m_host.modifyNetwork(*net, request));
    QVERIFY(rulesetByName(nftRuleset()) != rulesBefore);
    const bool added = requestType == "Add";
    QCOMPARE(tcpConnects(c, "10.244.21.11", 80, added ? kLostAfterMs : 1000, s80.fd), !added);
    QCOMPARE(tcpConnects(c, "10.244.21.11", 81, added ? kLostAfterMs : 1000, s81.fd), !added);
}

void TestLinuxDatapath::outboundNatExceptionsAreNotNated()
{
    // An "outside" network of the test's own: a veth pair from this namespace into a namespace the test
    // makes, 192.168.250.1 here and .2 there, with a route back to the endpoints' prefix.
    const Guid outsideId = Guid::generate();
    const std::string outside = "hcntest-" + outsideId.toString();
    HCN_VERIFY_OK(hcn::linuxdp::createNamedNetns("/run/netns", outside));
    struct RemoveOutside
    {
        std::string name;
        ~RemoveOutside() { (void)hcn::linuxdp::removeNamedNetns("/run/netns", name); }
    } removeOutside{outside};
    auto here = hcn::linuxdp::RouteSocket::open();
    HCN_VERIFY_OK(here);
    HCN_VERIFY_OK(here->addVeth("tstout0", "tstout1", std::nullopt));
    struct RemoveVeth
    {
        hcn::linuxdp::RouteSocket& sock;
        ~RemoveVeth() { (void)sock.deleteLink("tstout0"); }
    } removeVeth{*here};
    auto outsideFd = hcn::linuxdp::NetnsFd::openPath("/run/netns/" + outside);
    HCN_VERIFY_OK(outsideFd);
    HCN_VERIFY_OK(here->moveTo("tstout1", outsideFd->get(), "eth0"));
    HCN_VERIFY_OK(here->addAddress("tstout0", "192.168.250.1/24"));
    HCN_VERIFY_OK(here->setUp("tstout0"));
    auto there = hcn::linuxdp::RouteSocket::openIn(outsideFd->get());
    HCN_VERIFY_OK(there);
    HCN_VERIFY_OK(there->addAddress("eth0", "192.168.250.2/24"));
    HCN_VERIFY_OK(there->setUp("eth0"));
    HCN_VERIFY_OK(there->addRoute("eth0", "10.244.0.0/16", "192.168.250.1"));

    auto net = m_host.network(4);
    HCN_VERIFY_OK(net);
    auto plain = m_host.endpoint(*net, "10.244.4.10");
    auto excepted = m_host.endpoint(
        *net, "10.244.4.11",
        json::array({json{{"Type", "OutBoundNAT"}, {"Settings", {{"Exceptions", json::array({"192.168.250.0/24"})}}}}}));
    HCN_VERIFY_OK(plain);
    HCN_VERIFY_OK(excepted);
    auto nsPlain = m_host.namespaceWith(*plain);
    auto nsExcepted = m_host.namespaceWith(*excepted);
    HCN_VERIFY_OK(nsPlain);
    HCN_VERIFY_OK(nsExcepted);
    Listener server(outside, 80);
    QVERIFY(server.fd >= 0);

    std::string peer;
    QVERIFY(tcpConnects(m_host.netnsOf(*nsPlain), "192.168.250.2", 80, 2000, server.fd, &peer));
    QCOMPARE(peer, std::string("192.168.250.1")); // the NAT network masquerades outbound traffic
    QVERIFY(tcpConnects(m_host.netnsOf(*nsExcepted), "192.168.250.2", 80, 2000, server.fd, &peer));
    QCOMPARE(peer, std::string("10.244.4.11")); // an exception keeps the endpoint's own address
    QCOMPARE(m_host.predicted("ep-10.244.4.10", "192.168.250.2", 80), std::string("translated"));
    QCOMPARE(m_host.predicted("ep-10.244.4.11", "192.168.250.2", 80), std::string("delivered"));
}

void TestLinuxDatapath::attachMakesThePairDetachRemovesIt()
{
    auto net = m_host.network(5);
    HCN_VERIFY_OK(net);
    const std::string bridge = m_host.datapath->networkBridge(m_host.idOf(ResourceKind::Network, *net));
    auto ep = m_host.endpoint(*net, "10.244.5.10");
    HCN_VERIFY_OK(ep);
    const Guid epId = m_host.idOf(ResourceKind::Endpoint, *ep);
    const std::string hostSide = hcn::linuxdp::hostVethName(epId);
    QCOMPARE(hcnLinks(), std::set<std::string>{bridge}); // created detached: no pair yet
    auto zero = m_host.engine->queryEndpointStats(*ep, "");
    HCN_VERIFY_OK(zero);
    QCOMPARE(json::parse(*zero)["PacketsSent"].get<int>(), 0);
    auto ns = m_host.namespaceWith(*ep);
    HCN_VERIFY_OK(ns);
    QCOMPARE(hcnLinks(), (std::set<std::string>{bridge, hostSide}));
    Listener hostService("", 9);
    QVERIFY(hostService.fd >= 0);
    QVERIFY(tcpConnects(m_host.netnsOf(*ns), "10.244.5.1", 9, 2000, hostService.fd));
    json detach{{"ResourceType", "Endpoint"},
                {"RequestType", "Remove"},
                {"Settings", {{"EndpointId", epId.toString()}}}};
    HCN_VERIFY_OK(m_host.engine->modify(ResourceKind::Namespace, *ns, detach.dump()));
    // Cut off when the call returns, whether or not the kernel has finished deleting the pair.
    QVERIFY(!tcpConnects(m_host.netnsOf(*ns), "10.244.5.1", 9, kLostAfterMs));
    m_host.datapath->waitForRemovals();
    QCOMPARE(hcnLinks(), std::set<std::string>{bridge});
    QVERIFY(m_host.datapath->endpointPort(epId)->namespaceName.empty());
    // Attached again: a new pair, eth0 again, reachable again.
    HCN_VERIFY_OK(m_host.engine->modify(ResourceKind::Namespace, *ns, json{{"ResourceType", "Endpoint"},
                                                                             {"RequestType", "Add"},
                                                                             {"Settings", {{"EndpointId", epId.toString()}}}}
                                                                            .dump()));
    QCOMPARE(m_host.datapath->endpointPort(epId)->namespaceInterface, std::string("eth0"));
    QVERIFY(pingFrom(m_host.netnsOf(*ns), "10.244.5.1"));
    // Detached and attached again at once: the attach waits for the old pair to be gone.
    json attach = detach;
    attach["RequestType"] = "Add";
    HCN_VERIFY_OK(m_host.engine->modify(ResourceKind::Namespace, *ns, detach.dump()));
    HCN_VERIFY_OK(m_host.engine->modify(ResourceKind::Namespace, *ns, attach.dump()));
    QVERIFY(tcpConnects(m_host.netnsOf(*ns), "10.244.5.1", 9, 2000, hostService.fd));
    // Deleting the namespace detaches the endpoint and removes the namespace from /run/netns.
    const std::string netns = m_host.netnsOf(*ns);
    HCN_VERIFY_OK(m_host.engine->remove(ResourceKind::Namespace, m_host.idOf(ResourceKind::Namespace, *ns)));
    QVERIFY(!namedNetnsExists(netns));
    m_host.datapath->waitForRemovals();
    QCOMPARE(hcnLinks(), std::set<std::string>{bridge});
}

void TestLinuxDatapath::statsNameTheRealInterfaceAndNamespace()
{
    auto net = m_host.network(15);
    HCN_VERIFY_OK(net);
    auto ep = m_host.endpoint(*net, "10.244.15.10");
    HCN_VERIFY_OK(ep);
    // Detached: the backend and the host side's name (fixed from the GUID), no namespace, no interface.
    auto detached = m_host.engine->queryEndpointStats(*ep, "");
    HCN_VERIFY_OK(detached);
    json dp = json::parse(*detached)["Datapath"];
    QCOMPARE(dp["Backend"].get<std::string>(), std::string("linux"));
    QCOMPARE(dp["Attached"].get<bool>(), false);
    const std::string hostSide = dp["HostInterface"].get<std::string>();
    QVERIFY2(hostSide.rfind("hcnv", 0) == 0 && hostSide.size() == 15, hostSide.c_str());
    QVERIFY(!dp.contains("Namespace"));
    QVERIFY(!dp.contains("Interface"));

    auto ns = m_host.namespaceWith(*ep);
    HCN_VERIFY_OK(ns);
    auto attached = m_host.engine->queryEndpointStats(*ep, "");
    HCN_VERIFY_OK(attached);
    dp = json::parse(*attached)["Datapath"];
    QCOMPARE(dp["Attached"].get<bool>(), true);
    QCOMPARE(dp["HostInterface"].get<std::string>(), hostSide);
    // The names are the kernel's: the host side is a link here, the namespace is mounted under
    // /run/netns, and the interface answers inside it with the endpoint's address.
    QVERIFY(hcnLinks().count(hostSide));
    const std::string netns = dp["Namespace"].get<std::string>();
    QVERIFY2(namedNetnsExists(netns), netns.c_str());
    const std::string inside = dp["Interface"].get<std::string>();
    QCOMPARE(inside, std::string("eth0"));
    ChildProcess show;
    QVERIFY(show.start(IP_PATH, {"-n", netns, "-o", "-4", "addr", "show", "dev", inside}));
    QVERIFY(show.waitForExit(10000));
    QCOMPARE(show.exitCode(), 0);
    const std::string shown = show.readStdout();
    QVERIFY2(shown.find("10.244.15.10/") != std::string::npos, shown.c_str());
}

void TestLinuxDatapath::loadBalancerSpreadsConnections_data()
{
    QTest::addColumn<int>("distribution");
    QTest::addColumn<bool>("spread");
    QTest::newRow("round robin (numgen inc)") << 0 << true;
    QTest::newRow("source IP affinity (jhash)") << 2 << false;
}

void TestLinuxDatapath::loadBalancerSpreadsConnections()
{
    QFETCH(int, distribution);
    QFETCH(bool, spread);
    auto net = m_host.network(11);
    HCN_VERIFY_OK(net);
    std::vector<hcn::Handle> backends;
    std::vector<std::string> netns;
    for (const char* address : {"10.244.11.10", "10.244.11.11", "10.244.11.12"}) {
        auto ep = m_host.endpoint(*net, address);
        HCN_VERIFY_OK(ep);
        auto ns = m_host.namespaceWith(*ep);
        HCN_VERIFY_OK(ns);
        backends.push_back(*ep);
        netns.push_back(m_host.netnsOf(*ns));
    }
    const std::string client = netns.back(); // .12 is the client, not a backend
    Listener first(netns[0], 80), second(netns[1], 80);
    QVERIFY(first.fd >= 0 && second.fd >= 0);
    auto lbDoc = [&](json vips, int external, std::size_t count) {
        json endpoints = json::array();
        for (std::size_t i = 0; i < count; ++i)
            endpoints.push_back(m_host.idOf(ResourceKind::Endpoint, backends[i]).toString());
        return v2({{"FrontendVIPs", vips},
                   {"HostComputeEndpoints", endpoints},
                   {"PortMappings",
                    {{{"Protocol", 6}, {"InternalPort", 80}, {"ExternalPort", external}, {"DistributionType", distribution}}}}});
    };
    auto vip = m_host.create(ResourceKind::LoadBalancer, lbDoc(json::array({"10.96.0.10"}), 8080, 2));
    HCN_VERIFY_OK(vip);
    auto nodePort = m_host.create(ResourceKind::LoadBalancer, lbDoc(json::array(), 30080, 2));
    HCN_VERIFY_OK(nodePort);

    // From an endpoint on the same network: to the VIP through its default route, back out the bridge.
    int hits[2] = {0, 0};
    for (int i = 0; i < 6; ++i) {
        QVERIFY(tcpConnects(client, "10.96.0.10", 8080));
        const int which = acceptedBy({first.fd, second.fd});
        QVERIFY(which >= 0);
        ++hits[which];
    }
    QCOMPARE(m_host.predicted("ep-10.244.11.12", "10.96.0.10", 8080), std::string("delivered"));
    if (spread) {
        QCOMPARE(hits[0], 3);
        QCOMPARE(hits[1], 3);
    } else {
        QVERIFY2(hits[0] == 6 || hits[1] == 6, qPrintable(QString("%1/%2").arg(hits[0]).arg(hits[1])));
    }
    // From the host, on a host address (no VIP: every host address serves the port).
    QVERIFY(tcpConnects("", "10.244.11.1", 30080));
    QVERIFY(acceptedBy({first.fd, second.fd}) >= 0);
    // From the host to a VIP: balanced only with LocalRoutedVIP (mapping Flags 2), as the trace says.
    // The route stands for the node's default route (the suite's namespace has none).
    auto here = hcn::linuxdp::RouteSocket::open();
    HCN_VERIFY_OK(here);
    HCN_VERIFY_OK(here->addRoute(m_host.datapath->networkBridge(m_host.idOf(ResourceKind::Network, *net)),
                                 "10.96.0.0/16", ""));
    QVERIFY(!tcpConnects("", "10.96.0.10", 8080, kLostAfterMs));
    QCOMPARE(m_host.predicted("host", "10.96.0.10", 8080), std::string("dropped"));
    json localDoc = lbDoc(json::array({"10.96.0.11"}), 8080, 2);
    localDoc["PortMappings"][0]["Flags"] = 2;
    auto local = m_host.create(ResourceKind::LoadBalancer, localDoc);
    HCN_VERIFY_OK(local);
    QVERIFY(tcpConnects("", "10.96.0.11", 8080));
    QVERIFY(acceptedBy({first.fd, second.fd}) >= 0);
    QCOMPARE(m_host.predicted("host", "10.96.0.11", 8080), std::string("delivered"));
    HCN_VERIFY_OK(
        m_host.engine->remove(ResourceKind::LoadBalancer, m_host.idOf(ResourceKind::LoadBalancer, *local)));

    // A backend deleted leaves the other serving every connection.
    HCN_VERIFY_OK(m_host.engine->remove(ResourceKind::Endpoint, m_host.idOf(ResourceKind::Endpoint, backends[1])));
    for (int i = 0; i < 3; ++i) {
        QVERIFY(tcpConnects(client, "10.96.0.10", 8080));
        QCOMPARE(acceptedBy({first.fd, second.fd}), 0);
    }
    // Deleting the load balancers takes their rules away.
    HCN_VERIFY_OK(m_host.engine->remove(ResourceKind::LoadBalancer, m_host.idOf(ResourceKind::LoadBalancer, *vip)));
    HCN_VERIFY_OK(m_host.engine->remove(ResourceKind::LoadBalancer, m_host.idOf(ResourceKind::LoadBalancer, *nodePort)));
    QVERIFY(nftRuleset().find("lb-") == std::string::npos);
    QVERIFY(!tcpConnects(client, "10.96.0.10", 8080, kLostAfterMs));
}

void TestLinuxDatapath::failedChangeLeavesNothing_data()
{
    QTest::addColumn<QString>("step");
    QTest::addColumn<bool>("withPortMapping");
    QTest::newRow("endpoint create, its nftables rules fail") << "rules" << true;
    QTest::newRow("namespace made, the attach fails after the veth pair") << "veth" << false;
    QTest::newRow("namespace made, the attach fails after the addresses") << "attach.address" << false;
    QTest::newRow("namespace made, the attach fails at the default route") << "attach.route" << false;
    QTest::newRow("namespace mounted, then the create fails") << "namespace" << false;
}

void TestLinuxDatapath::failedChangeLeavesNothing()
{
    QFETCH(QString, step);
    QFETCH(bool, withPortMapping);
    auto net = m_host.network(6);
    HCN_VERIFY_OK(net);
    const auto linksBefore = hcnLinks();
    const std::string rulesBefore = nftRuleset();
    const Guid nsId = Guid::generate();
    const std::string netns = hcn::LinuxDatapath::namespaceName(nsId);

    m_host.datapath->failStepOnce(step.toStdString());
    // An endpoint, then a namespace created with the endpoint attached (one call).
    auto ep = m_host.endpoint(*net, "10.244.6.10", withPortMapping ? json::array({portMapping(80, 8080)}) : json::array());
    if (step == "rules") {
        QVERIFY(!ep.ok());
        QVERIFY2(ep.status().detail().find(step.toStdString()) != std::string::npos, ep.status().detail().c_str());
    } else {
        HCN_VERIFY_OK(ep);
        const auto linksWithEndpoint = hcnLinks();
        json doc = v2({{"Type", "Host"},
                       {"Resources",
                        {{{"Type", "Endpoint"}, {"Data", {{"ID", m_host.idOf(ResourceKind::Endpoint, *ep).toString()}}}}}}});
        auto ns = m_host.create(ResourceKind::Namespace, doc, 0, nsId);
        QVERIFY(!ns.ok());
        QVERIFY(!namedNetnsExists(netns));
        QCOMPARE(hcnLinks(), linksWithEndpoint); // the pair made for the attach is gone
        auto port = m_host.datapath->endpointPort(m_host.idOf(ResourceKind::Endpoint, *ep));
        QVERIFY(port && port->namespaceName.empty());
        HCN_VERIFY_OK(m_host.engine->remove(ResourceKind::Endpoint, m_host.idOf(ResourceKind::Endpoint, *ep)));
    }
    QCOMPARE(hcnLinks(), linksBefore);
    QCOMPARE(nftRuleset(), rulesBefore);
    QVERIFY(!namedNetnsExists(netns));
    // The engine agrees: the same objects can be made again.
    auto again = m_host.endpoint(*net, "10.244.6.10", withPortMapping ? json::array({portMapping(80, 8080)}) : json::array());
    HCN_VERIFY_OK(again);
}

void TestLinuxDatapath::existingLinkFailsTheCreateCleanly()
{
    // A foreign link holds the name the network's bridge would get: the create fails with the kernel's
    // answer, and the foreign link is left alone.
    const Guid id = Guid::generate();
    const std::string bridge = hcn::linuxdp::bridgeName(id);
    auto here = hcn::linuxdp::RouteSocket::open();
    HCN_VERIFY_OK(here);
    HCN_VERIFY_OK(here->addBridge(bridge));
    const std::string rulesBefore = nftRuleset();
    auto net = m_host.network(7, "NAT", id);
    QVERIFY(!net.ok());
    QCOMPARE(net.status().code(), hcn::hr::AlreadyExists);
    QCOMPARE(nftRuleset(), rulesBefore);
    QCOMPARE(hcnLinks(), std::set<std::string>{bridge});
    HCN_VERIFY_OK(here->deleteLink(bridge));
    QVERIFY(m_host.engine->enumerate(ResourceKind::Network, "").value() == "[]");
}

void TestLinuxDatapath::unsupportedObjectsFailClearly()
{
    auto overlay = m_host.network(8, "Mirrored");
    QVERIFY(!overlay.ok());
    QVERIFY2(overlay.status().detail().find("not supported") != std::string::npos, overlay.status().detail().c_str());
    auto net = m_host.network(8);
    HCN_VERIFY_OK(net);
    auto qos = m_host.endpoint(*net, "10.244.8.10",
                               json::array({json{{"Type", "QOS"}, {"Settings", {{"MaximumOutgoingBandwidthInBytes", 1000}}}}}));
    QVERIFY(!qos.ok());
    QCOMPARE(hcnLinks(), std::set<std::string>{m_host.datapath->networkBridge(m_host.idOf(ResourceKind::Network, *net))});
}

void TestLinuxDatapath::resetLeavesNothing()
{
    auto net = m_host.network(9);
    HCN_VERIFY_OK(net);
    auto ep = m_host.endpoint(*net, "10.244.9.10",
                              json::array({portMapping(80, 8090), acl("Block", "In", 100, {{"LocalPorts", "81"}})}));
    HCN_VERIFY_OK(ep);
    auto detached = m_host.endpoint(*net, "10.244.9.11");
    HCN_VERIFY_OK(detached);
    auto ns = m_host.namespaceWith(*ep);
    HCN_VERIFY_OK(ns);
    const std::string netns = m_host.netnsOf(*ns);
    QVERIFY(namedNetnsExists(netns));
    QVERIFY(!hcnLinks().empty());
    m_host.datapath->reset();
    QCOMPARE(hcnLinks(), std::set<std::string>{});
    QVERIFY(!namedNetnsExists(netns));
    QCOMPARE(nftRuleset(), std::string());
}

void TestLinuxDatapath::openRemovesLeftovers()
{
    // What a killed hcnd leaves: its links (tagged), a namespace it marked, its tables.
    auto net = m_host.network(10);
    HCN_VERIFY_OK(net);
    auto ep = m_host.endpoint(*net, "10.244.10.10", json::array({portMapping(80, 8100)}));
    HCN_VERIFY_OK(ep);
    auto ns = m_host.namespaceWith(*ep);
    HCN_VERIFY_OK(ns);
    const std::string netns = m_host.netnsOf(*ns);
    // A foreign namespace and link with names like ours but no marks of ours are not leftovers.
    const std::string foreign = "hcn-" + Guid::generate().toString();
    HCN_VERIFY_OK(hcn::linuxdp::createNamedNetns("/run/netns", foreign));
    struct RemoveForeign
    {
        std::string name;
        ~RemoveForeign() { (void)hcn::linuxdp::removeNamedNetns("/run/netns", name); }
    } removeForeign{foreign};

    // A namespace marked by an hcnd whose own namespace is gone (a crashed test run's) is an orphan.
    const std::string orphan = "hcn-" + Guid::generate().toString();
    HCN_VERIFY_OK(hcn::linuxdp::createNamedNetns("/run/netns", orphan));
    struct RemoveOrphan
    {
        std::string name;
        ~RemoveOrphan() { (void)hcn::linuxdp::removeNamedNetns("/run/netns", name); }
    } removeOrphan{orphan};
    {
        std::ofstream mark("/run/hcn/netns/" + orphan);
        mark << 1 << "\n"; // no network namespace has inode 1
    }
    // A second datapath opened on the same host plays the restarted hcnd, with the first one's objects
    // still in place as a killed hcnd leaves them (the first one's reset at cleanup finds nothing).
    auto restarted = hcn::LinuxDatapath::open();
    HCN_VERIFY_OK(restarted);
    QCOMPARE(hcnLinks(), std::set<std::string>{});
    QVERIFY(!namedNetnsExists(netns));
    QVERIFY(!namedNetnsExists(orphan));
    QVERIFY(access(("/run/hcn/netns/" + orphan).c_str(), F_OK) != 0);
    QVERIFY(namedNetnsExists(foreign));
    QVERIFY(nftRuleset().find("table ip hcn") != std::string::npos); // fresh, empty tables
    QVERIFY(nftRuleset().find("8100") == std::string::npos);
    restarted->reset();
    QCOMPARE(nftRuleset(), std::string());
}

void TestLinuxDatapath::dnsIsWrittenIntoTheNamespace()
{
    auto net = m_host.network(12);
    HCN_VERIFY_OK(net);
    auto withDns = [&](const std::string& address, const std::string& server, const std::string& domain) {
        json doc = v2({{"Name", "ep-" + address},
                       {"IpConfigurations", {{{"IpAddress", address}}}},
                       {"Dns", {{"Domain", domain}, {"ServerList", {server}}, {"Options", {"ndots:2"}}}}});
        return m_host.create(ResourceKind::Endpoint, doc, *net);
    };
    auto first = withDns("10.244.12.10", "10.244.12.53", "first.local");
    auto second = withDns("10.244.12.11", "10.244.12.54", "second.local");
    auto plain = m_host.endpoint(*net, "10.244.12.12");
    HCN_VERIFY_OK(first);
    HCN_VERIFY_OK(second);
    HCN_VERIFY_OK(plain);
    // A namespace with no Dns anywhere gets no file.
    auto nsPlain = m_host.namespaceWith(*plain);
    HCN_VERIFY_OK(nsPlain);
    QCOMPARE(fileText("/etc/netns/" + m_host.netnsOf(*nsPlain) + "/resolv.conf"), std::string("<absent>"));

    auto ns = m_host.namespaceWith(*first);
    HCN_VERIFY_OK(ns);
    const std::string netns = m_host.netnsOf(*ns);
    const std::string path = "/etc/netns/" + netns + "/resolv.conf";
    std::string text = fileText(path);
    QVERIFY2(text.find("nameserver 10.244.12.53\n") != std::string::npos, text.c_str());
    QVERIFY2(text.find("search first.local\n") != std::string::npos, text.c_str());
    QVERIFY2(text.find("options ndots:2\n") != std::string::npos, text.c_str());
    // What a process run in the namespace the iproute2 way reads as /etc/resolv.conf.
    QCOMPARE(resolvConfSeenIn(netns), text);

    // A second endpoint in the namespace (eth1): eth0's settings stay.
    auto attach = [&](hcn::Handle endpoint, const char* type) {
        json request{
            {"ResourceType", "Endpoint"},
            {"RequestType", type},
            {"Settings", {{"EndpointId", m_host.idOf(ResourceKind::Endpoint, endpoint).toString()}}}};
        return m_host.engine->modify(ResourceKind::Namespace, *ns, request.dump());
    };
    HCN_VERIFY_OK(attach(*second, "Add"));
    QCOMPARE(fileText(path), text);
    // eth0 detached: the endpoint left (eth1) writes its own.
    HCN_VERIFY_OK(attach(*first, "Remove"));
    text = fileText(path);
    QVERIFY2(text.find("nameserver 10.244.12.54\n") != std::string::npos, text.c_str());
    QVERIFY2(text.find("10.244.12.53") == std::string::npos, text.c_str());
    // The last endpoint with Dns detached: the file and its directory are gone.
    HCN_VERIFY_OK(attach(*second, "Remove"));
    QCOMPARE(fileText(path), std::string("<absent>"));
    QVERIFY(access(("/etc/netns/" + netns).c_str(), F_OK) != 0);

    // Deleting the namespace removes it too, and so does the start after a crash.
    HCN_VERIFY_OK(attach(*first, "Add"));
    QVERIFY(fileText(path) != "<absent>");
    HCN_VERIFY_OK(m_host.engine->remove(ResourceKind::Namespace, m_host.idOf(ResourceKind::Namespace, *ns)));
    QCOMPARE(fileText(path), std::string("<absent>"));
    auto again = m_host.namespaceWith(*second);
    HCN_VERIFY_OK(again);
    const std::string leftover = "/etc/netns/" + m_host.netnsOf(*again) + "/resolv.conf";
    QVERIFY(fileText(leftover) != "<absent>");
    auto restarted = hcn::LinuxDatapath::open(); // plays the hcnd started after a kill -9
    HCN_VERIFY_OK(restarted);
    QCOMPARE(fileText(leftover), std::string("<absent>"));
    restarted->reset();
}

void TestLinuxDatapath::ipv6OnADualStackNetwork()
{
    // A dual-stack NAT network: 10.244.13.0/24 and the unique local fd68:636e:13::/64.
    json netDoc = natNetwork("net13", "10.244.13.0/24", "10.244.13.1");
    netDoc["Ipams"][0]["Subnets"].push_back(
        {{"IpAddressPrefix", "fd68:636e:13::/64"},
         {"Routes", {{{"NextHop", "fd68:636e:13::1"}, {"DestinationPrefix", "::/0"}}}}});
    auto net = m_host.create(ResourceKind::Network, netDoc);
    HCN_VERIFY_OK(net);
    auto dualStack = [&](const std::string& v4, const std::string& v6, json policies) {
        json doc =
            v2({{"Name", "ep-" + v4},
                {"IpConfigurations", {{{"IpAddress", v4}}, {{"IpAddress", v6}, {"PrefixLength", 64}}}}});
        if (!policies.empty())
            doc["Policies"] = policies;
        return m_host.create(ResourceKind::Endpoint, doc, *net);
    };
    auto client = dualStack("10.244.13.10", "fd68:636e:13::10", json::array());
    // Port 81 blocked inbound from the client's IPv6 address only; port 80 published as 8080.
    auto server = dualStack(
        "10.244.13.11", "fd68:636e:13::11",
        json::array({acl("Block", "In", 100,
                         {{"Protocols", "6"}, {"LocalPorts", "81"}, {"RemoteAddresses", "fd68:636e:13::10"}}),
                     portMapping(80, 8080)}));
    HCN_VERIFY_OK(client);
    HCN_VERIFY_OK(server);
    auto nsClient = m_host.namespaceWith(*client);
    auto nsServer = m_host.namespaceWith(*server);
    HCN_VERIFY_OK(nsClient);
    HCN_VERIFY_OK(nsServer);
    const std::string c = m_host.netnsOf(*nsClient), s = m_host.netnsOf(*nsServer);

    QVERIFY(pingFrom(c, "fd68:636e:13::11"));
    QVERIFY(pingFrom(s, "fd68:636e:13::1")); // the gateway on the bridge
    Listener s80(s, 80, true), s81(s, 81, true), s80v4(s, 80), s81v4(s, 81);
    QVERIFY(s80.fd >= 0 && s81.fd >= 0 && s80v4.fd >= 0 && s81v4.fd >= 0);
    std::string peer;
    QVERIFY(tcpConnects(c, "fd68:636e:13::11", 80, 2000, s80.fd, &peer));
    QCOMPARE(peer, std::string("fd68:636e:13::10")); // same bridge: no NAT
    // The ACL names an IPv6 address: IPv6 from it is blocked, IPv4 from the same endpoint is not.
    QVERIFY(!tcpConnects(c, "fd68:636e:13::11", 81, kLostAfterMs));
    QVERIFY(tcpConnects(c, "10.244.13.11", 81, 2000, s81v4.fd));

    // The published port answers on the host's IPv6 and IPv4 addresses, each to its own family.
    QVERIFY(tcpConnects("", "fd68:636e:13::1", 8080, 2000, s80.fd));
    QVERIFY(tcpConnects("", "10.244.13.1", 8080, 2000, s80v4.fd));
    QVERIFY(!tcpConnects("", "fd68:636e:13::1", 8081, kLostAfterMs));

    // An IPv6 load balancer (Flags 2) on every host address: both backends' IPv6 addresses serve it.
    Listener c80(c, 80, true);
    QVERIFY(c80.fd >= 0);
    json lb = v2({{"Flags", 2},
                  {"HostComputeEndpoints",
                   {m_host.idOf(ResourceKind::Endpoint, *client).toString(),
                    m_host.idOf(ResourceKind::Endpoint, *server).toString()}},
                  {"PortMappings", {{{"Protocol", 6}, {"InternalPort", 80}, {"ExternalPort", 30080}}}}});
    auto balancer = m_host.create(ResourceKind::LoadBalancer, lb);
    HCN_VERIFY_OK(balancer);
    int hits[2] = {0, 0};
    for (int i = 0; i < 4; ++i) {
        QVERIFY(tcpConnects("", "fd68:636e:13::1", 30080));
        const int which = acceptedBy({c80.fd, s80.fd});
        QVERIFY(which >= 0);
        ++hits[which];
    }
    QCOMPARE(hits[0], 2);
    QCOMPARE(hits[1], 2);
    QVERIFY(nftRuleset().find("table ip6 hcn") != std::string::npos);
}

void TestLinuxDatapath::loadBalancerFollowsABackendsNewAddress()
{
    auto net = m_host.network(14);
    HCN_VERIFY_OK(net);
    std::vector<hcn::Handle> eps, nss;
    for (const char* address : {"10.244.14.10", "10.244.14.11", "10.244.14.12"}) {
        auto ep = m_host.endpoint(*net, address);
        HCN_VERIFY_OK(ep);
        auto ns = m_host.namespaceWith(*ep);
        HCN_VERIFY_OK(ns);
        eps.push_back(*ep);
        nss.push_back(*ns);
    }
    const std::string client = m_host.netnsOf(nss[2]);
    Listener first(m_host.netnsOf(nss[0]), 80), second(m_host.netnsOf(nss[1]), 80);
    QVERIFY(first.fd >= 0 && second.fd >= 0);
    json lb = v2({{"FrontendVIPs", {"10.96.0.14"}},
                  {"HostComputeEndpoints",
                   {m_host.idOf(ResourceKind::Endpoint, eps[0]).toString(),
                    m_host.idOf(ResourceKind::Endpoint, eps[1]).toString()}},
                  {"PortMappings", {{{"Protocol", 6}, {"InternalPort", 80}, {"ExternalPort", 8080}}}}});
    HCN_VERIFY_OK(m_host.create(ResourceKind::LoadBalancer, lb));

    // The second backend gets a new address: a Modify of the endpoint as the datapath receives it (the
    // engine's own modify requests change policies and ports, not addresses).
    const Guid secondId = m_host.idOf(ResourceKind::Endpoint, eps[1]);
    const json before = json::parse(*m_host.engine->query(ResourceKind::Endpoint, eps[1], ""));
    nlohmann::ordered_json previousDoc = nlohmann::ordered_json::parse(before.dump());
    nlohmann::ordered_json nextDoc = previousDoc;
    nextDoc["IpConfigurations"] = {{{"IpAddress", "10.244.14.13"}, {"PrefixLength", 24}}};
    QVERIFY2(nextDoc.value("HostComputeNamespace", "") ==
                 m_host.idOf(ResourceKind::Namespace, nss[1]).toString(),
             before.dump().c_str());
    {
        auto tx = m_host.datapath->begin();
        HCN_VERIFY_OK(
            tx->stage({hcn::ChangeOp::Modify, ResourceKind::Endpoint, secondId, &previousDoc, &nextDoc}));
        HCN_VERIFY_OK(tx->commit());
    }
    const std::string rules = nftRuleset();
    QVERIFY2(rules.find("10.244.14.13") != std::string::npos, rules.c_str());
    QVERIFY2(rules.find("10.244.14.11") == std::string::npos, rules.c_str());
    std::string peer;
    QVERIFY(tcpConnects(client, "10.244.14.13", 80, 2000, second.fd, &peer)); // the new address is on eth0
    int hits[2] = {0, 0};
    for (int i = 0; i < 4; ++i) {
        QVERIFY(tcpConnects(client, "10.96.0.14", 8080));
        const int which = acceptedBy({first.fd, second.fd});
        QVERIFY(which >= 0);
        ++hits[which];
    }
    QCOMPARE(hits[0], 2);
    QCOMPARE(hits[1], 2); // the moved backend still gets its share

    // Rolled back: the old address and the rules that use it are back.
    {
        auto tx = m_host.datapath->begin();
        nlohmann::ordered_json movedAgain = nextDoc;
        movedAgain["IpConfigurations"] = {{{"IpAddress", "10.244.14.14"}, {"PrefixLength", 24}}};
        HCN_VERIFY_OK(
            tx->stage({hcn::ChangeOp::Modify, ResourceKind::Endpoint, secondId, &nextDoc, &movedAgain}));
        tx->rollback();
    }
    QVERIFY(nftRuleset().find("10.244.14.14") == std::string::npos);
    QVERIFY(nftRuleset().find("10.244.14.13") != std::string::npos);
    QVERIFY(tcpConnects(client, "10.244.14.13", 80, 2000, second.fd));

    // Failed at the load balancers' rules (after the pair was taken down for its new address): the
    // rollback brings back the pair, its address and the rules as they were.
    const std::string rulesBefore = nftRuleset();
    m_host.datapath->failStepOnce("backends");
    {
        auto tx = m_host.datapath->begin();
        nlohmann::ordered_json movedAgain = nextDoc;
        movedAgain["IpConfigurations"] = {{{"IpAddress", "10.244.14.14"}, {"PrefixLength", 24}}};
        const hcn::Status failed =
            tx->stage({hcn::ChangeOp::Modify, ResourceKind::Endpoint, secondId, &nextDoc, &movedAgain});
        QVERIFY2(!failed.ok() && failed.detail().find("backends") != std::string::npos,
                 failed.detail().c_str());
        tx->rollback();
    }
    QCOMPARE(nftRuleset(), rulesBefore);
    QVERIFY(tcpConnects(client, "10.244.14.13", 80, 2000, second.fd));
    QVERIFY(tcpConnects(client, "10.96.0.14", 8080));
    QVERIFY(acceptedBy({first.fd, second.fd}) >= 0);
}

void TestLinuxDatapath::loadBalancerModifyKeepsConnectionsInProgress_data()
{
    QTest::addColumn<QString>("address"); ///< where the host connects to the load balancer's port
    QTest::newRow("DNAT on a host address") << "10.244.17.1";
    QTest::newRow("the loopback proxy on 127.0.0.1") << "127.0.0.1";
}

void TestLinuxDatapath::loadBalancerModifyKeepsConnectionsInProgress()
{
    // HCN's modify replaces the load balancer's document; a connection made before it keeps its backend
    // (docs/datapath-linux.md, "Load balancers"), new connections go where the new document says.
    QFETCH(QString, address);
    const std::string to = address.toStdString();
    auto net = m_host.network(17);
    HCN_VERIFY_OK(net);
    std::vector<Guid> backends;
    std::vector<std::string> netns;
    for (const char* ip : {"10.244.17.10", "10.244.17.11"}) {
        auto ep = m_host.endpoint(*net, ip);
        HCN_VERIFY_OK(ep);
        auto ns = m_host.namespaceWith(*ep);
        HCN_VERIFY_OK(ns);
        backends.push_back(m_host.idOf(ResourceKind::Endpoint, *ep));
        netns.push_back(m_host.netnsOf(*ns));
    }
    Listener first(netns[0], 80), second(netns[1], 80);
    QVERIFY(first.fd >= 0 && second.fd >= 0);
    auto lbDoc = [&](const Guid& backend) {
        return v2({{"HostComputeEndpoints", {backend.toString()}},
                   {"PortMappings", {{{"Protocol", 6}, {"InternalPort", 80}, {"ExternalPort", 30017}}}}});
    };
    auto lb = m_host.create(ResourceKind::LoadBalancer, lbDoc(backends[0]));
    HCN_VERIFY_OK(lb);
    Fd client(tcpConnect(to, 30017));
    QVERIFY2(client.fd >= 0, strerror(errno));
    Fd served(acceptOne(first.fd));
    QVERIFY(served.fd >= 0);
    const timeval patience{5, 0};
    setsockopt(served.fd, SOL_SOCKET, SO_RCVTIMEO, &patience, sizeof patience);

    HCN_VERIFY_OK(m_host.engine->modify(ResourceKind::LoadBalancer, *lb, lbDoc(backends[1]).dump()));
    QVERIFY(tcpConnects("", to, 30017));
    QCOMPARE(acceptedBy({first.fd, second.fd}), 1);

    // Both ways, on the connection made before the modify.
    char buffer[8] = {};
    QVERIFY(sendAll(client.fd, "ping"));
    QCOMPARE(recv(served.fd, buffer, sizeof buffer, 0), ssize_t(4));
    QCOMPARE(std::string(buffer, 4), std::string("ping"));
    QVERIFY(sendAll(served.fd, "pong"));
    QCOMPARE(recv(client.fd, buffer, sizeof buffer, 0), ssize_t(4));
    QCOMPARE(std::string(buffer, 4), std::string("pong"));
}

QTEST_GUILESS_MAIN(TestLinuxDatapath)
#include "tst_linuxdatapath.moc"
