// hcnd --datapath linux as a process: what it programs for its clients goes when it stops, and what a
// killed hcnd leaves behind goes when it starts again. hcnd runs in the suite's own network namespace
// (it inherits it), so its bridges, veths and tables live there.

#include "engine_harness.h"
#include "hcn/linux_datapath.h"
#include "hcn/rpc_client.h"
#include "hcnd_child_process.h"
#include "netns_probe.h"

#include <csignal>
#include <cstdlib>

using namespace hcntest;
using hcn::Guid;
using hcn::ResourceKind;

namespace {

struct Programmed
{
    std::string netns;
};

/// Through a client of the service: a NAT network, an endpoint with a port mapping, a namespace with it.
hcn::Result<Programmed> program(hcn::Api& api)
{
    auto net = api.create(ResourceKind::Network, Guid{}, natNetwork("svc", "10.244.20.0/24", "10.244.20.1").dump(), 0);
    if (!net.ok())
        return net.status();
    json ep = v2({{"Name", "svc-ep"},
                  {"IpConfigurations", {{{"IpAddress", "10.244.20.10"}}}},
                  {"Policies",
                   {{{"Type", "PortMapping"}, {"Settings", {{"Protocol", 6}, {"InternalPort", 80}, {"ExternalPort", 8200}}}}}}});
    auto endpoint = api.create(ResourceKind::Endpoint, Guid{}, ep.dump(), *net);
    if (!endpoint.ok())
        return endpoint.status();
    auto epId = api.handleId(ResourceKind::Endpoint, *endpoint);
    json nsDoc = v2({{"Type", "Host"}, {"Resources", {{{"Type", "Endpoint"}, {"Data", {{"ID", epId->toString()}}}}}}});
    auto ns = api.create(ResourceKind::Namespace, Guid{}, nsDoc.dump(), 0);
    if (!ns.ok())
        return ns.status();
    return Programmed{hcn::LinuxDatapath::namespaceName(*api.handleId(ResourceKind::Namespace, *ns))};
}

std::unique_ptr<hcn::RpcClient> connectTo(const HcndChildProcess& hcnd)
{
    hcn::RpcClientOptions options;
    options.endpoint = hcnd.socketPath();
    auto client = hcn::RpcClient::connect(options);
    return client.ok() ? std::move(*client) : nullptr;
}

} // namespace

class TestLinuxDatapathService : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void stopRemovesEverything();
    void restartAfterKillRemovesLeftovers();
    void restartAfterKillRemovesOverlayLeftovers();
};

void TestLinuxDatapathService::initTestCase()
{
    const std::string skip = enterOwnNetworkNamespace();
    if (!skip.empty())
        QSKIP(qPrintable("SKIPPED: the Linux datapath service suite " + QString::fromStdString(skip)));
}

void TestLinuxDatapathService::cleanup()
{
    // Whatever a failed case left: a datapath opened here removes it, then resets.
    auto sweep = hcn::LinuxDatapath::open();
    if (sweep.ok())
        (*sweep)->reset();
}

void TestLinuxDatapathService::stopRemovesEverything()
{
    HcndChildProcess hcnd;
    std::string error;
    QVERIFY2(hcnd.start(HCND_PATH, {"--datapath", "linux"}, error), error.c_str());
    auto client = connectTo(hcnd);
    QVERIFY(client);
    auto info = client->info();
    HCN_VERIFY_OK(info);
    QCOMPARE(info->datapath, std::string("linux"));
    auto programmed = program(*client);
    HCN_VERIFY_OK(programmed);
    QVERIFY(namedNetnsExists(programmed->netns));
    QCOMPARE(hcnLinks().size(), std::size_t(2)); // the bridge and the host side of the endpoint's pair
    QVERIFY(nftRuleset().find("8200") != std::string::npos);
    {
        // On 127.0.0.1 too, through the loopback proxy of hcnd's datapath.
        Listener server(programmed->netns, 80);
        QVERIFY(tcpConnects("", "127.0.0.1", 8200, 2000, server.fd));
    }

    client.reset();
    QCOMPARE(hcnd.stop(), 0);
    QCOMPARE(hcnLinks(), std::set<std::string>{});
    QVERIFY(!tcpConnects("", "127.0.0.1", 8200, kLostAfterMs));
    QVERIFY(!namedNetnsExists(programmed->netns));
    QCOMPARE(nftRuleset(), std::string());
}

void TestLinuxDatapathService::restartAfterKillRemovesLeftovers()
{
    std::string netns;
    {
        HcndChildProcess hcnd;
        std::string error;
        QVERIFY2(hcnd.start(HCND_PATH, {"--datapath", "linux"}, error), error.c_str());
        auto client = connectTo(hcnd);
        QVERIFY(client);
        auto programmed = program(*client);
        HCN_VERIFY_OK(programmed);
        netns = programmed->netns;
        Listener server(netns, 80);
        QVERIFY(tcpConnects("", "127.0.0.1", 8200, 2000, server.fd));
        client.reset();
        QVERIFY(::kill(hcnd.pid(), SIGKILL) == 0);
        hcnd.stop(); // reaps it
    }
    QVERIFY(namedNetnsExists(netns)); // a killed hcnd cleans nothing
    QCOMPARE(hcnLinks().size(), std::size_t(2));
    QVERIFY(!tcpConnects("", "127.0.0.1", 8200, kLostAfterMs)); // but the kernel closed its sockets

    HcndChildProcess restarted;
    std::string error;
    QVERIFY2(restarted.start(HCND_PATH, {"--datapath", "linux"}, error), error.c_str());
    QCOMPARE(hcnLinks(), std::set<std::string>{});
    QVERIFY(!namedNetnsExists(netns));
    QVERIFY(nftRuleset().find("8200") == std::string::npos);
    {
        // The port is free for the restarted hcnd: the same objects are made again.
        auto client = connectTo(restarted);
        QVERIFY(client);
        auto again = program(*client);
        HCN_VERIFY_OK(again);
        Listener server(again->netns, 80);
        QVERIFY(tcpConnects("", "127.0.0.1", 8200, 2000, server.fd));
    }
    QCOMPARE(restarted.stop(), 0);
    QCOMPARE(nftRuleset(), std::string());
}

void TestLinuxDatapathService::restartAfterKillRemovesOverlayLeftovers()
{
    // hcnd's host adapter: one end of a veth pair of the suite's own, with the overlay's provider address.
    auto here = hcn::linuxdp::RouteSocket::open();
    HCN_VERIFY_OK(here);
    HCN_VERIFY_OK(here->addVeth("ul0", "ul1", std::nullopt));
    struct Cleanup
    {
        hcn::linuxdp::RouteSocket& sock;
        ~Cleanup()
        {
            (void)sock.deleteLink("ul0");
            unsetenv("HCN_SIM_ENVIRONMENT");
        }
    } cleanup{*here};
    HCN_VERIFY_OK(here->addAddress("ul0", "192.168.250.1/24"));
    HCN_VERIFY_OK(here->setUp("ul0"));
    setenv("HCN_SIM_ENVIRONMENT",
           R"({"adapters":[{"name":"ul0","ipv4":"192.168.250.1/24","mac":"02-00-00-00-FA-01"}]})", 1);
    {
        HcndChildProcess hcnd;
        std::string error;
        QVERIFY2(hcnd.start(HCND_PATH, {"--datapath", "linux"}, error), error.c_str());
        auto client = connectTo(hcnd);
        QVERIFY(client);
        json doc = natNetwork("svc-overlay", "10.244.21.0/24", "10.244.21.1");
        doc["Type"] = "Overlay";
        doc["Ipams"][0]["Subnets"][0]["Policies"] = {
            {{"Type", "VSID"}, {"Settings", {{"IsolationId", 4100}}}}};
        auto net = client->create(ResourceKind::Network, Guid{}, doc.dump(), 0);
        HCN_VERIFY_OK(net);
        json remote =
            v2({{"Flags", 1},
                {"MacAddress", "02-00-00-00-15-14"},
                {"IpConfigurations", {{{"IpAddress", "10.244.21.20"}}}},
                {"Policies",
                 {{{"Type", "ProviderAddress"}, {"Settings", {{"ProviderAddress", "192.168.250.2"}}}}}}});
        HCN_VERIFY_OK(client->create(ResourceKind::Endpoint, Guid{}, remote.dump(), *net));
        const auto id = client->handleId(ResourceKind::Network, *net);
        HCN_VERIFY_OK(id);
        QCOMPARE(hcnLinks(),
                 (std::set<std::string>{hcn::linuxdp::bridgeName(*id), hcn::linuxdp::vxlanName(*id)}));
        client.reset();
        QVERIFY(::kill(hcnd.pid(), SIGKILL) == 0);
        hcnd.stop();
    }
    QCOMPARE(hcnLinks().size(), std::size_t(2)); // the bridge and its vxlan device, left by the killed hcnd

    HcndChildProcess restarted;
    std::string error;
    QVERIFY2(restarted.start(HCND_PATH, {"--datapath", "linux"}, error), error.c_str());
    QCOMPARE(hcnLinks(), std::set<std::string>{}); // the vxlan device with its forwarding entries too
    QCOMPARE(restarted.stop(), 0);
}

QTEST_GUILESS_MAIN(TestLinuxDatapathService)
#include "tst_linuxdatapathservice.moc"
