// Reachability trace: hosts under tests/data/trace (NAT, L2Bridge, Overlay, load balancer flags) traced
// from endpoints (and from the host itself) to endpoints, IPs, VIPs and host addresses; each row names the
// verdict, the hop that decided and the rule it names; load balancer flags change what the backend sees and
// the verdict's words. Also: how sources and destinations are resolved, the JSON form, one tracer answering
// many traces alike, odd documents that must not crash, and every pair of endpoints on every sample host and
// imported dump ending in a consistent verdict.

#include "dump_files.h"
#include "hcn/dump_import.h"
#include "hcn/reachability_trace.h"

#include <QDir>
#include <QFile>
#include <QtTest>
#include <nlohmann/json.hpp>

using nlohmann::json;

namespace {

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

std::string hostText(const QString& name)
{
    QFile file(qEnvironmentVariable("HCN_SOURCE_DIR") + "/tests/data/trace/" + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(file.fileName()));
    return file.readAll().toStdString();
}

hcn::TraceRequest request(const QString& source, const QString& destination, const QString& protocol = "tcp",
                          int port = 0)
{
    hcn::TraceRequest r;
    r.source = source.toStdString();
    r.destination = destination.toStdString();
    r.protocol = hcn::traceProtocolFromName(protocol.toStdString()).value();
    if (port > 0)
        r.port = std::uint16_t(port);
    return r;
}

QString hopsText(const hcn::TraceResult& r)
{
    QString out;
    for (std::size_t i = 0; i < r.hops.size(); ++i)
        out += QString("%1. %2: %3 [%4]\n")
                   .arg(i + 1)
                   .arg(qs(r.hops[i].name), qs(r.hops[i].decision), qs(r.hops[i].rule));
    return out + qs(r.summary);
}

} // namespace

class TestReachabilityTrace : public QObject
{
    Q_OBJECT

private slots:
    void trace_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("destination");
        QTest::addColumn<QString>("protocol");
        QTest::addColumn<int>("port"); // 0: not given
        QTest::addColumn<QString>("verdict");
        QTest::addColumn<QString>("hop");  // a hop that must be there (for a drop: the one that dropped)
        QTest::addColumn<QString>("rule"); // text its rule or decision holds
        QTest::addColumn<QStringList>("deliveredTo");
        QTest::addColumn<QString>("translatedTo"); // a source translation's target; empty: none

        const QString nat = "nat-host.json", l2 = "l2bridge-host.json", overlay = "overlay-host.json";
        // NAT network
        QTest::newRow("nat: endpoint on the same network, allowed by its ingress Allow rule")
            << nat << "client" << "web" << "tcp" << 80 << "delivered" << "ingress ACL (Switch)"
            << "Allow In Switch, Priority 100" << QStringList{"web"} << "";
        QTest::newRow("nat: another port falls to the ingress Block rule with the higher Priority value")
            << nat << "client" << "web" << "tcp" << 81 << "dropped" << "ingress ACL (Switch)"
            << "Block In Switch, Priority 200" << QStringList{} << "";
        QTest::newRow("nat: port mapping on the host vNIC (the NAT gateway) reaches the published endpoint")
            << nat << "client" << "172.28.160.1" << "tcp" << 8080 << "delivered" << "port mapping"
            << "ExternalPort 8080 InternalPort 80" << QStringList{"web"} << "";
        QTest::newRow("nat: port mapping bound to a VIP")
            << nat << "web" << "192.168.1.20" << "tcp" << 15432 << "delivered" << "port mapping"
            << "VIP 192.168.1.20" << QStringList{"db"} << "";
        QTest::newRow("nat: host address without a mapping for the port: the host itself")
            << nat << "client" << "192.168.1.20" << "tcp" << 22 << "delivered" << "delivery"
            << "the host itself" << QStringList{} << "";
        QTest::newRow("nat: unattached source")
            << nat << "orphan" << "web" << "tcp" << 80 << "dropped" << "source" << "not attached" << QStringList{}
            << "";
        QTest::newRow("nat: unattached destination")
            << nat << "client" << "orphan" << "tcp" << 80 << "dropped" << "destination attachment"
            << "not attached" << QStringList{} << "";
        QTest::newRow("nat: unknown destination IP inside the NAT subnet")
            << nat << "client" << "172.28.160.99" << "tcp" << 80 << "dropped" << "route"
            << "no endpoint holds the address" << QStringList{} << "";
        QTest::newRow("nat: the internet through WinNAT, icmp")
            << nat << "client" << "8.8.8.8" << "icmp" << 0 << "translated" << "outbound NAT" << "WinNAT"
            << QStringList{} << "the host's address";
        // A network's NetworkACL policies: each local endpoint's too, in one Priority order with its own
        const QString netAcl = "network-acl-host.json";
        QTest::newRow("network ACL: blocks a port on an endpoint without ACLs of its own")
            << netAcl << "client"
            << "api"
            << "tcp" << 81 << "dropped"
            << "ingress ACL (Switch)"
            << "network Policies[0] NetworkACL: Block In Switch, Priority 200" << QStringList{} << "";
        QTest::newRow("network ACL: another port passes") << netAcl << "client"
                                                          << "api"
                                                          << "tcp" << 80 << "delivered"
                                                          << "ingress ACL (Switch)"
                                                          << "none matched" << QStringList{"api"} << "";
        QTest::newRow("network ACL: the endpoint's own Allow with a lower Priority value comes first")
            << netAcl << "client"
            << "web"
            << "tcp" << 81 << "delivered"
            << "ingress ACL (Switch)"
            << "Policies[0] ACL: Allow In Switch, Priority 100" << QStringList{"web"} << "";
        QTest::newRow("network ACL: at equal priorities the network's rule comes first")
            << netAcl << "client"
            << "tie"
            << "tcp" << 82 << "dropped"
            << "ingress ACL (Switch)"
            << "network Policies[2] NetworkACL: Block In Switch, Priority 300" << QStringList{} << "";
        QTest::newRow("network ACL: egress of the source endpoint")
            << netAcl << "client"
            << "api"
            << "icmp" << 0 << "dropped"
            << "egress ACL (Switch)"
            << "network Policies[1] NetworkACL: Block Out Switch, Priority 100" << QStringList{} << "";
        // TierAcl tiers: lower Order first whatever their place in Policies; in a tier the first matching
        // rule by Priority decides: Pass on to the next tier, Block drops, Allow accepts (later tiers not
        // evaluated, the ordinary ACLs still are).
        const QString tiers = "tier-acl-host.json";
        QTest::newRow("tiers: a Pass hands the packet to the next tier, where no rule matches")
            << tiers << "client"
            << "web"
            << "tcp" << 80 << "delivered"
            << "egress TierAcl"
            << "Policies[1] TierAcl \"security\" Out, Order 10; TierAclRules[0] Id=pass-web: Pass, Priority "
               "100"
            << QStringList{"web"} << "";
        QTest::newRow("tiers: the tier with the higher Order blocks what the first passed on")
            << tiers << "client"
            << "db"
            << "tcp" << 80 << "dropped"
            << "egress TierAcl"
            << "Policies[0] TierAcl \"app\" Out, Order 20; TierAclRules[0] Id=deny-db: Block, Priority 100"
            << QStringList{} << "";
        QTest::newRow("tiers: a Block rule of the first tier drops")
            << tiers << "client"
            << "web"
            << "tcp" << 22 << "dropped"
            << "egress TierAcl"
            << "TierAcl \"security\" Out, Order 10; TierAclRules[1] Id=no-ssh: Block, Priority 200"
            << QStringList{} << "";
        QTest::newRow("tiers: an Allow in the first tier skips the later tier's Block")
            << tiers << "client"
            << "db"
            << "tcp" << 8080 << "delivered"
            << "egress TierAcl"
            << "TierAclRules[2] Id=allow-admin: Allow, Priority 300" << QStringList{"db"} << "";
        QTest::newRow("tiers: a tier's Allow does not bypass the endpoint's ordinary ACL rules")
            << tiers << "client"
            << "web"
            << "tcp" << 8443 << "dropped"
            << "egress ACL (Switch)"
            << "Policies[2] ACL Id=no-8443: Block Out Switch, Priority 100" << QStringList{} << "";
        QTest::newRow("tiers: a tier rule whose RemoteAddresses the dump does not show may decide")
            << tiers << "client"
            << "web"
            << "udp" << 53 << "undecided"
            << "egress TierAcl"
            << "cannot evaluate: RemoteAddresses not in the dump" << QStringList{} << "";
        QTest::newRow(
            "tiers: a tier whose Order the dump does not show may match: which tier decides is unknown")
            << tiers << "client"
            << "guarded"
            << "tcp" << 7000 << "undecided"
            << "ingress TierAcl"
            << "cannot evaluate: Order not in the dump" << QStringList{} << "";
        QTest::newRow("tiers: a tier whose Order is not known but cannot match is passed over")
            << tiers << "client"
            << "guarded"
            << "tcp" << 7001 << "delivered"
            << "ingress TierAcl"
            << "Policies[0] TierAcl \"platform\" In, Order 10: 1 rule, none matched" << QStringList{"guarded"}
            << "";
        // L2Bridge network: ACLs, load balancers, OutBoundNAT
        QTest::newRow("l2bridge: the Block rule with the lowest Priority value decides first")
            << l2 << "client" << "blocked-peer" << "tcp" << 80 << "dropped" << "egress ACL (Switch)"
            << "Block Out Switch, Priority 50" << QStringList{} << "";
        QTest::newRow("l2bridge: a Block rule shadowed by an Allow range with a lower Priority value")
            << l2 << "client" << "server" << "tcp" << 8080 << "delivered" << "egress ACL (Switch)"
            << "RemotePorts 80,8000-8100" << QStringList{"server"} << "";
        QTest::newRow("l2bridge: a port inside an allowed range")
            << l2 << "client" << "server" << "tcp" << 8090 << "delivered" << "ingress ACL (Switch)"
            << "LocalPorts 8000-8100" << QStringList{"server"} << "";
        QTest::newRow("l2bridge: a port outside every allowed range falls to the deny-all rule")
            << l2 << "client" << "server" << "tcp" << 9000 << "dropped" << "egress ACL (Switch)"
            << "Priority 1000" << QStringList{} << "";
        QTest::newRow("l2bridge: udp 53 allowed by its own rule, protocol number 17")
            << l2 << "client" << "10.244.0.99" << "udp" << 53 << "delivered" << "egress ACL (Switch)"
            << "Protocols 17" << QStringList{} << "";
        QTest::newRow("l2bridge: a Host rule blocks although a Switch rule allows")
            << l2 << "host-rule" << "1.1.1.1" << "tcp" << 443 << "dropped" << "egress ACL (Host)"
            << "Block Out Host" << QStringList{} << "";
        QTest::newRow("l2bridge: a VIP balanced to its two backends")
            << l2 << "client" << "10.96.0.50" << "tcp" << 0 << "delivered" << "load balancer"
            << "ExternalPort 80 InternalPort 8080" << QStringList{"server", "backend-b"} << "";
        QTest::newRow("l2bridge: DSR and session affinity are named")
            << l2 << "client" << "10.96.0.50" << "tcp" << 80 << "delivered" << "load balancer"
            << "balanced to 2 backends" << QStringList{"server", "backend-b"} << "";
        QTest::newRow("l2bridge: a load balancer with zero backends")
            << l2 << "client" << "10.96.0.60" << "tcp" << 80 << "dropped" << "load balancer"
            << "HostComputeEndpoints empty" << QStringList{} << "";
        QTest::newRow("l2bridge: a VIP without a frontend for the port")
            << l2 << "client" << "10.96.0.50" << "tcp" << 81 << "dropped" << "load balancer"
            << "no frontend for tcp/81" << QStringList{} << "";
        QTest::newRow("l2bridge: OutBoundNAT without exceptions translates")
            << l2 << "no-exceptions" << "8.8.8.8" << "tcp" << 443 << "translated" << "outbound NAT"
            << "Policies[0] OutBoundNAT" << QStringList{} << "the host's address";
        QTest::newRow("l2bridge: no OutBoundNAT: leaves through the gateway untranslated")
            << l2 << "no-nat" << "8.8.8.8" << "tcp" << 443 << "delivered" << "outbound NAT"
            << "no OutBoundNAT policy" << QStringList{} << "";
        QTest::newRow("l2bridge: unknown on-link address goes onto the physical segment")
            << l2 << "no-nat" << "10.244.0.99" << "tcp" << 80 << "delivered" << "delivery"
            << "physical segment" << QStringList{} << "";
        // Overlay network: remote endpoints, RemoteSubnetRoute, provider address
        QTest::newRow("overlay: local pod to local pod")
            << overlay << "pod-a" << "pod-b" << "tcp" << 80 << "delivered" << "route" << "on-link"
            << QStringList{"pod-b"} << "";
        QTest::newRow("overlay: remote endpoint encapsulated to its provider address")
            << overlay << "pod-a" << "remote-pod" << "tcp" << 80 << "delivered" << "encapsulation"
            << "ProviderAddress 10.0.0.6" << QStringList{"remote-pod"} << "";
        QTest::newRow("overlay: remote endpoint without a provider address")
            << overlay << "pod-a" << "remote-no-pa" << "tcp" << 80 << "dropped" << "route"
            << "no ProviderAddress" << QStringList{} << "";
        QTest::newRow("overlay: RemoteSubnetRoute, the cluster range excepted from OutBoundNAT")
            << overlay << "pod-a" << "10.244.2.9" << "tcp" << 80 << "delivered" << "outbound NAT"
            << "Exceptions 10.244.0.0/16" << QStringList{} << "";
        QTest::newRow("overlay: RemoteSubnetRoute encapsulates to the other node")
            << overlay << "pod-a" << "10.244.2.9" << "tcp" << 80 << "delivered" << "encapsulation"
            << "ProviderAddress 10.0.0.5" << QStringList{} << "";
        QTest::newRow("overlay: the internet, translated to the network's provider address")
            << overlay << "pod-a" << "8.8.8.8" << "tcp" << 443 << "translated" << "outbound NAT"
            << "ProviderAddress" << QStringList{} << "10.0.0.4";
        QTest::newRow("overlay: a VIP whose only backend is remote")
            << overlay << "pod-a" << "10.96.1.10" << "udp" << 53 << "delivered" << "encapsulation"
            << "VXLAN" << QStringList{"remote-pod"} << "";
        QTest::newRow("overlay: a remote endpoint is no source")
            << overlay << "remote-pod" << "pod-a" << "tcp" << 80 << "dropped" << "source" << "remote endpoint"
            << QStringList{} << "";
        QTest::newRow("overlay: an SDNRoute policy of the source wins over the default route")
            << overlay << "pod-a" << "10.250.3.4" << "tcp" << 80 << "translated" << "route"
            << "SDNRoute DestinationPrefix 10.250.0.0/16 NextHop 10.244.1.254" << QStringList{} << "10.0.0.4";
        QTest::newRow("overlay: an SDN route object with NeedEncap encapsulates to its next hop")
            << overlay << "pod-b" << "10.245.1.1" << "tcp" << 80 << "translated" << "encapsulation"
            << "10.0.0.9" << QStringList{} << "10.0.0.4";
        QTest::newRow("overlay: the SDN route object applies only to the endpoints it names")
            << overlay << "pod-a" << "10.245.1.1" << "tcp" << 80 << "translated" << "route"
            << "Routes[0] 0.0.0.0/0 via 10.244.1.1" << QStringList{} << "10.0.0.4";
        QTest::newRow("private network without routes: nothing outside the subnet")
            << overlay << "lonely" << "8.8.8.8" << "tcp" << 80 << "dropped" << "route" << "no route"
            << QStringList{} << "";
        QTest::newRow("overlay: unknown destination IP inside the overlay subnet")
            << overlay << "pod-a" << "10.244.1.77" << "tcp" << 80 << "dropped" << "route"
            << "no endpoint holds the address" << QStringList{} << "";
        // Load balancer flags: each changes what a backend sees, next to a near miss without it
        const QString lb = "lb-flags-host.json";
        QTest::newRow("lb: DSR keeps the client's address, which the backend's ingress rule allows")
            << lb << "client"
            << "10.96.0.20"
            << "tcp" << 80 << "delivered"
            << "ingress ACL (Switch)"
            << "RemoteAddresses 10.244.0.10" << QStringList{"guarded"} << "";
        QTest::newRow("lb: DSR keeps another client's address too, which the backend blocks")
            << lb << "stranger"
            << "10.96.0.20"
            << "tcp" << 80 << "dropped"
            << "ingress ACL (Switch)"
            << "Block In Switch, Priority 1000" << QStringList{} << "";
        QTest::newRow("lb: without DSR the backend sees the SourceVIP, which its rule does not allow")
            << lb << "client"
            << "10.96.0.21"
            << "tcp" << 80 << "dropped"
            << "ingress ACL (Switch)"
            << "Block In Switch, Priority 1000" << QStringList{} << "10.244.0.250";
        QTest::newRow("lb: without DSR and without a SourceVIP the client's address is kept")
            << lb << "client"
            << "10.96.0.22"
            << "tcp" << 80 << "delivered"
            << "ingress ACL (Switch)"
            << "RemoteAddresses 10.244.0.10" << QStringList{"guarded"} << "";
        QTest::newRow("lb: without DSR a remote backend is sent to from the SourceVIP")
            << lb << "client"
            << "10.96.0.60"
            << "udp" << 53 << "delivered"
            << "load balancer source NAT"
            << "translated to 10.244.0.250" << QStringList{"remote-pod"} << "10.244.0.250";
        QTest::newRow("lb: with DSR a remote backend gets the client's own address")
            << lb << "client"
            << "10.96.0.61"
            << "udp" << 53 << "delivered"
            << "encapsulation"
            << "forwarded to provider address 10.0.0.6" << QStringList{"remote-pod"} << "";
        QTest::newRow("lb: PreserveDIP: the backend's ingress rule on the VIP address allows it")
            << lb << "client"
            << "10.96.0.30"
            << "tcp" << 80 << "delivered"
            << "ingress ACL (Switch)"
            << "LocalAddresses 10.96.0.30/32" << QStringList{"vip-guarded"} << "";
        QTest::newRow("lb: without PreserveDIP the backend sees its own address: the VIP rule misses")
            << lb << "client"
            << "10.96.0.31"
            << "tcp" << 80 << "dropped"
            << "ingress ACL (Switch)"
            << "Block In Switch, Priority 1000" << QStringList{} << "";
        QTest::newRow("lb: PreserveDIP: the source's egress rules see the VIP, outside its allowed range")
            << lb << "picky"
            << "10.96.0.30"
            << "tcp" << 80 << "dropped"
            << "egress ACL (Switch)"
            << "Block Out Switch, Priority 1000" << QStringList{} << "";
        QTest::newRow("lb: without PreserveDIP the source's egress rules see the backend's address")
            << lb << "picky"
            << "10.96.0.40"
            << "tcp" << 80 << "delivered"
            << "egress ACL (Switch)"
            << "RemoteAddresses 10.244.0.0/24" << QStringList{"backend-a", "backend-b"} << "";
        QTest::newRow("lb: session affinity: one backend per client, every candidate followed")
            << lb << "client"
            << "10.96.0.40"
            << "tcp" << 80 << "delivered"
            << "load balancer"
            << "one per client (SourceIP)" << QStringList{"backend-a", "backend-b"} << "";
        QTest::newRow("lb: the IPv6 flag on an IPv4 frontend is named, the VIP followed as IPv4")
            << lb << "client"
            << "10.96.0.50"
            << "tcp" << 80 << "delivered"
            << "load balancer"
            << "load balancer Flags 2" << QStringList{"backend-a"} << "";
        QTest::newRow("lb: ILB and LocalRoutedVip do not keep a local endpoint from the VIP")
            << lb << "client"
            << "10.96.0.70"
            << "tcp" << 80 << "delivered"
            << "load balancer"
            << "Flags 3" << QStringList{"backend-a"} << "";
    }

    void trace()
    {
        QFETCH(QString, host);
        QFETCH(QString, source);
        QFETCH(QString, destination);
        QFETCH(QString, protocol);
        QFETCH(int, port);
        QFETCH(QString, verdict);
        QFETCH(QString, hop);
        QFETCH(QString, rule);
        QFETCH(QStringList, deliveredTo);
        QFETCH(QString, translatedTo);

        auto traced = hcn::traceSnapshot(hostText(host), request(source, destination, protocol, port));
        QVERIFY2(traced.ok(), traced.status().detail().c_str());
        const hcn::TraceResult& r = *traced;
        const QString hops = hopsText(r);
        QVERIFY2(qs(std::string(hcn::traceVerdictName(r.verdict))) == verdict, qPrintable(hops));
        bool found = false;
        for (const hcn::TraceHop& h : r.hops)
            found = found || (qs(h.name) == hop && (qs(h.rule).contains(rule) || qs(h.decision).contains(rule)));
        QVERIFY2(found, qPrintable("no hop \"" + hop + "\" naming \"" + rule + "\":\n" + hops));
        if (verdict == "dropped") {
            QVERIFY(r.droppedAt >= 0 && std::size_t(r.droppedAt) < r.hops.size());
            const hcn::TraceHop& dropped = r.hops[std::size_t(r.droppedAt)];
            QCOMPARE(qs(dropped.name), hop);
            QVERIFY(dropped.outcome == hcn::HopOutcome::Drop);
            QVERIFY(qs(r.summary).contains(QString("hop %1").arg(r.droppedAt + 1)));
        } else {
            QCOMPARE(r.droppedAt, -1);
        }
        QStringList delivered;
        for (const hcn::TraceObject& o : r.deliveredTo)
            delivered << qs(o.name);
        QCOMPARE(delivered, deliveredTo);
        QString translated;
        for (const hcn::TraceTranslation& t : r.translations)
            if (t.what == "source")
                translated = qs(t.to);
        QCOMPARE(translated, translatedTo);
        // Every hop names its object; the path holds the source first and every hop's object.
        QVERIFY(!r.path.empty());
        QVERIFY(r.path.front() == r.source);
        for (const hcn::TraceHop& h : r.hops) {
            QVERIFY2(!h.object.id.empty() && !h.decision.empty() && !h.rule.empty(), qPrintable(hops));
            QVERIFY(std::find(r.path.begin(), r.path.end(), h.object) != r.path.end());
        }
    }

    /// What a load balancer's flags say in words: the summary with session affinity (one backend per
    /// client, not all of them), the way replies take, PreserveDIP's destination, flags named only.
    void loadBalancerWording_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("destination");
        QTest::addColumn<QString>("hop"); // a hop whose detail holds `detail`
        QTest::addColumn<QString>("detail");
        QTest::addColumn<QString>("summary");  // text the verdict line holds
        QTest::addColumn<QString>("affinity"); // the JSON's Affinity; empty: absent
        QTest::newRow("session affinity: the client reaches one of the backends, always the same")
            << "client"
            << "10.96.0.40"
            << "load balancer"
            << "goes to the same one backend"
            << "one of 2 backends, the same for every connection from 10.244.0.10 (session affinity "
               "SourceIP): "
               "delivered to endpoint backend-a"
            << "SourceIP";
        QTest::newRow("no affinity: each connection may reach any backend")
            << "client"
            << "10.96.0.41"
            << "load balancer"
            << "Each connection goes to one backend"
            << "2 of 2 backends: delivered to endpoint backend-a"
            << "";
        QTest::newRow("affinity by source IP and protocol, one candidate blocks this client")
            << "stranger"
            << "10.96.0.42"
            << "load balancer"
            << "from 10.244.0.11 over tcp"
            << "1 of them accepts it, 1 drops it (first at hop 12: blocked): this client always or never "
               "gets "
               "through"
            << "SourceIPProtocol";
        QTest::newRow("DSR: replies bypass the load balancer")
            << "client"
            << "10.96.0.20"
            << "load balancer"
            << "Replies go from the backend straight to the client"
            << "delivered to endpoint guarded"
            << "";
        QTest::newRow("no DSR: the backend's ingress rules judge the SourceVIP")
            << "client"
            << "10.96.0.21"
            << "ingress ACL (Switch)"
            << "blocks tcp from 10.244.0.250 to 10.244.0.20:8080"
            << "dropped at hop"
            << "";
        QTest::newRow("DSR: the backend's ingress rules judge the client's own address")
            << "client"
            << "10.96.0.20"
            << "ingress ACL (Switch)"
            << "allows tcp from 10.244.0.10 to 10.244.0.20:8080"
            << "delivered to endpoint guarded"
            << "";
        QTest::newRow("PreserveDIP: the backend's ingress rules judge the VIP as destination")
            << "client"
            << "10.96.0.30"
            << "ingress ACL (Switch)"
            << "allows tcp from 10.244.0.10 to 10.96.0.30:8080"
            << "delivered to endpoint vip-guarded"
            << "";
        QTest::newRow("no DSR: replies return through the load balancer")
            << "client"
            << "10.96.0.22"
            << "load balancer"
            << "Replies return through the load balancer"
            << "delivered to endpoint guarded"
            << "";
        QTest::newRow("PreserveDIP: delivered still addressed to the VIP")
            << "client"
            << "10.96.0.30"
            << "delivery"
            << "still addressed to 10.96.0.30"
            << "delivered to endpoint vip-guarded (7B000002-0000-4000-8000-000000000030) at 10.96.0.30:8080"
            << "";
        QTest::newRow("IPv6 flag at odds with the IPv4 frontend")
            << "client"
            << "10.96.0.50"
            << "load balancer"
            << "Flags IPv6 on the IPv4 frontend 10.96.0.50"
            << "delivered to endpoint backend-a"
            << "";
        QTest::newRow("ILB and LocalRoutedVip named") << "client"
                                                      << "10.96.0.70"
                                                      << "load balancer"
                                                      << "ILB (EnableInternalLoadBalancer"
                                                      << "delivered to endpoint backend-a"
                                                      << "";
    }

    void loadBalancerWording()
    {
        QFETCH(QString, source);
        QFETCH(QString, destination);
        QFETCH(QString, hop);
        QFETCH(QString, detail);
        QFETCH(QString, summary);
        QFETCH(QString, affinity);
        auto traced = hcn::traceSnapshot(hostText("lb-flags-host.json"), request(source, destination));
        QVERIFY2(traced.ok(), traced.status().detail().c_str());
        const QString hops = hopsText(*traced);
        QVERIFY2(std::any_of(traced->hops.begin(), traced->hops.end(),
                             [&](const hcn::TraceHop& h) {
                                 return qs(h.name) == hop && qs(h.detail).contains(detail);
                             }),
                 qPrintable(hops));
        QVERIFY2(qs(traced->summary).contains(summary), qPrintable(hops));
        QCOMPARE(qs(traced->affinity), affinity);
        const nlohmann::ordered_json j = *traced;
        QCOMPARE(j.contains("Affinity"), !affinity.isEmpty());
        if (!affinity.isEmpty())
            QCOMPARE(qs(j["Affinity"].get<std::string>()), affinity);
    }

    void backendsBeyondThoseFollowedAreCounted_data()
    {
        QTest::addColumn<int>("distribution");
        QTest::addColumn<QString>("summary");
        QTest::newRow("no affinity") << 0 << "32 of the 32 backends followed (of 40): delivered to endpoint many-0";
        QTest::newRow("affinity by source IP")
            << 2 << "one of 40 backends, the same for every connection from 10.244.0.10 (session affinity SourceIP)";
    }
    void backendsBeyondThoseFollowedAreCounted()
    {
        QFETCH(int, distribution);
        QFETCH(QString, summary);
        nlohmann::json host = nlohmann::json::parse(hostText("lb-flags-host.json"));
        nlohmann::json lb = {{"ID", "7B000004-0000-4000-8000-0000000000F0"},
                             {"Name", "svc-many"},
                             {"FrontendVIPs", {"10.96.0.90"}},
                             {"HostComputeEndpoints", nlohmann::json::array()},
                             {"PortMappings", {{{"Protocol", 6}, {"InternalPort", 8080}, {"ExternalPort", 80}}}}};
        if (distribution)
            lb["PortMappings"][0]["DistributionType"] = distribution;
        for (int i = 0; i < 40; ++i) {
            char id[40];
            std::snprintf(id, sizeof id, "7B000002-0000-4000-8000-0000000001%02X", i);
            host["Endpoints"].push_back({{"ID", id},
                                         {"Name", "many-" + std::to_string(i)},
                                         {"HostComputeNetwork", "7B000001-0000-4000-8000-000000000001"},
                                         {"HostComputeNamespace", "7B000003-0000-4000-8000-000000000040"},
                                         {"IpConfigurations", {{{"IpAddress", "10.244.0." + std::to_string(100 + i)},
                                                                {"PrefixLength", 24}}}}});
            lb["HostComputeEndpoints"].push_back(id);
        }
        host["LoadBalancers"].push_back(lb);
        auto traced = hcn::traceSnapshot(host.dump(), request("client", "10.96.0.90"));
        QVERIFY2(traced.ok(), traced.status().detail().c_str());
        QVERIFY2(QString::fromStdString(traced->summary).startsWith(summary),
                 traced->summary.c_str());
        QCOMPARE(traced->backendCount, std::size_t(40));
        QCOMPARE(traced->deliveredTo.size(), std::size_t(32));
    }

    /// A load balancer's port mapping whose protocol the dump did not show (an import's `"Protocol":
    /// null) may answer the packet or not: the trace says so (undecided, or a note beside the one it
    /// follows), never matching or missing it silently. A mapping without a Protocol serves any protocol.
    void unknownProtocol_data()
    {
        QTest::addColumn<QString>("destination");
        QTest::addColumn<QString>("protocol");
        QTest::addColumn<int>("port"); // 0: not given
        QTest::addColumn<QString>("verdict");
        QTest::addColumn<QString>("decision"); // the load balancer hop's decision holds it
        QTest::addColumn<QString>("text");     // its detail or rule holds it
        QTest::addColumn<QStringList>("deliveredTo");

        QTest::newRow("unknown protocol on the port: may answer UDP")
            << "10.96.0.80"
            << "udp" << 53 << "undecided"
            << "cannot evaluate: Protocol not in the dump"
            << "with a protocol the dump does not show (\"Protocol\": null): it may answer 10.96.0.80:53/udp "
               "(if its protocol is udp) or not"
            << QStringList{};
        QTest::newRow("unknown protocol on the port: may answer TCP as well")
            << "10.96.0.80"
            << "tcp" << 53 << "undecided"
            << "cannot evaluate: Protocol not in the dump"
            << "PortMappings[0] Protocol unknown ExternalPort 53 InternalPort 53" << QStringList{};
        QTest::newRow("no port given: the unknown mapping's port is the VIP's only one")
            << "10.96.0.80"
            << "udp" << 0 << "undecided"
            << "cannot evaluate: Protocol not in the dump"
            << "10.96.0.80:53/udp" << QStringList{};
        QTest::newRow("another port: no frontend, the unknown one named")
            << "10.96.0.80"
            << "tcp" << 80 << "dropped"
            << "no frontend for tcp/80"
            << "PortMappings at 10.96.0.80: unknown protocol/53" << QStringList{};
        QTest::newRow("no Protocol member: any protocol, UDP")
            << "10.96.0.81"
            << "udp" << 53 << "delivered"
            << "balanced"
            << "Protocol 0 ExternalPort 53" << QStringList{"backend-a"};
        QTest::newRow("no Protocol member: any protocol, TCP")
            << "10.96.0.81"
            << "tcp" << 53 << "delivered"
            << "balanced"
            << "Protocol 0 ExternalPort 53" << QStringList{"backend-a"};
        QTest::newRow("a TCP frontend followed, the unknown one beside it noted")
            << "10.96.0.82"
            << "tcp" << 80 << "delivered"
            << "another load balancer may answer: its protocol is unknown"
            << "if it is tcp, the two share the frontend" << QStringList{"backend-a"};
        QTest::newRow("a Protocol that is no protocol: unknown too")
            << "10.96.0.83"
            << "tcp" << 53 << "undecided"
            << "cannot evaluate: Protocol not in the dump"
            << "(\"Protocol\": \"SCTP\", which is no protocol): it may answer 10.96.0.83:53/tcp"
            << QStringList{};
        QTest::newRow("UDP where only the unknown one may listen")
            << "10.96.0.82"
            << "udp" << 80 << "undecided"
            << "cannot evaluate: Protocol not in the dump"
            << "svc-unknown-b" << QStringList{};
    }

    void unknownProtocol()
    {
        QFETCH(QString, destination);
        QFETCH(QString, protocol);
        QFETCH(int, port);
        QFETCH(QString, verdict);
        QFETCH(QString, decision);
        QFETCH(QString, text);
        QFETCH(QStringList, deliveredTo);
        nlohmann::json host = nlohmann::json::parse(hostText("lb-flags-host.json"));
        const std::string a = "7B000002-0000-4000-8000-000000000040",
                          b = "7B000002-0000-4000-8000-000000000041";
        auto balancer = [&](const char* id, const char* name, const char* vip, const std::string& backend,
                            const nlohmann::json& protocol, int external, int internal) {
            nlohmann::json mapping{{"InternalPort", internal}, {"ExternalPort", external}};
            if (protocol.is_array())
                mapping["Protocol"] = protocol[0]; // an array: its one element, as written
            else if (!protocol.is_string())
                mapping["Protocol"] = protocol; // a string: no Protocol member
            host["LoadBalancers"].push_back({{"ID", id},
                                             {"Name", name},
                                             {"FrontendVIPs", {vip}},
                                             {"HostComputeEndpoints", {backend}},
                                             {"PortMappings", {mapping}}});
        };
        balancer("7B000004-0000-4000-8000-0000000000A0", "svc-unknown", "10.96.0.80", a, nullptr, 53, 53);
        balancer("7B000004-0000-4000-8000-0000000000A1", "svc-any", "10.96.0.81", a, "absent", 53, 53);
        balancer("7B000004-0000-4000-8000-0000000000A2", "svc-known-a", "10.96.0.82", a, 6, 80, 8080);
        balancer("7B000004-0000-4000-8000-0000000000A3", "svc-unknown-b", "10.96.0.82", b, nullptr, 80, 8080);
        balancer("7B000004-0000-4000-8000-0000000000A4", "svc-sctp", "10.96.0.83", a,
                 nlohmann::json::array({"SCTP"}), 53, 53);
        auto traced = hcn::traceSnapshot(host.dump(), request("client", destination, protocol, port));
        QVERIFY2(traced.ok(), traced.status().detail().c_str());
        const hcn::TraceResult& r = *traced;
        const QString hops = hopsText(r);
        QVERIFY2(qs(std::string(hcn::traceVerdictName(r.verdict))) == verdict, qPrintable(hops));
        const auto found = std::find_if(r.hops.begin(), r.hops.end(), [&](const hcn::TraceHop& h) {
            return qs(h.name) == "load balancer" && qs(h.decision).contains(decision);
        });
        QVERIFY2(found != r.hops.end(), qPrintable(hops));
        QVERIFY2(qs(found->detail).contains(text) || qs(found->rule).contains(text),
                 qPrintable(qs(found->rule) + "\n" + qs(found->detail)));
        QStringList delivered;
        for (const auto& o : r.deliveredTo)
            delivered << qs(o.name);
        QCOMPARE(delivered, deliveredTo);
        if (verdict == "undecided") {
            QVERIFY(found->outcome == hcn::HopOutcome::Undecided);
            QVERIFY2(qs(r.summary).contains(QString("cannot decide at hop %1").arg(r.undecidedAt + 1)),
                     qPrintable(qs(r.summary)));
        }
    }

    void declaredHostAddress()
    {
        // An L2Bridge node's own IP is in no HNS document: a node port on it is found only when the
        // request names the address as the host's, and the trace says so when it is not named.
        const std::string host = hostText("l2bridge-host.json");
        hcn::TraceRequest r = request("no-nat", "10.0.0.4", "tcp", 30080);
        auto unnamed = hcn::traceSnapshot(host, r);
        QVERIFY2(unnamed.ok(), unnamed.status().detail().c_str());
        bool hinted = false;
        for (const hcn::TraceHop& h : unnamed->hops)
            hinted = hinted ||
                     (h.outcome == hcn::HopOutcome::Note && qs(h.detail).contains("--host-address 10.0.0.4"));
        QVERIFY2(hinted, qPrintable(hopsText(*unnamed)));
        QVERIFY(unnamed->deliveredTo.empty());

        r.hostAddresses = {" 10.0.0.4 "};
        auto named = hcn::traceSnapshot(host, r);
        QVERIFY2(named.ok(), named.status().detail().c_str());
        QVERIFY2(named->verdict == hcn::TraceVerdict::Delivered, qPrintable(hopsText(*named)));
        QCOMPARE(named->deliveredTo.size(), std::size_t(1));
        QCOMPARE(qs(named->deliveredTo.front().name), QString("server"));
        bool balanced = false, toHost = false;
        for (const hcn::TraceHop& h : named->hops) {
            balanced = balanced || (qs(h.name) == "load balancer" && qs(h.object.name) == "svc-nodeport");
            toHost = toHost ||
                     (qs(h.decision) == "to the host" && qs(h.detail).contains("given with the request"));
        }
        QVERIFY2(balanced && toHost, qPrintable(hopsText(*named)));

        r.hostAddresses = {"10.0.0"};
        auto bad = hcn::traceSnapshot(host, r);
        QCOMPARE(bad.code(), hcn::hr::InvalidArg);
        QVERIFY(qs(bad.status().detail()).contains("10.0.0"));
    }

    /// From the host itself (`host` as the source): no switch port, so no endpoint ACLs or OutBoundNAT on
    /// the way out; the host's vNIC into NAT networks, none into Private ones; load balancer VIPs only
    /// with LocalRoutedVIP; the address it sends from chosen from the destination's network.
    void fromTheHost_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("destination");
        QTest::addColumn<QString>("protocol");
        QTest::addColumn<int>("port");
        QTest::addColumn<QStringList>("hostAddresses");
        QTest::addColumn<QString>("verdict");
        QTest::addColumn<QString>("hop");  // a hop that must be there (for a drop: the one that dropped)
        QTest::addColumn<QString>("rule"); // text its rule or decision holds
        QTest::addColumn<QStringList>("deliveredTo");
        QTest::addColumn<QString>("sourceAddress"); // empty: dropped before one is known

        const QString nat = "nat-host.json", overlay = "overlay-host.json", lb = "lb-flags-host.json";
        const QStringList none;
        QTest::newRow("nat: into the network by the host vNIC, allowed by the endpoint's ingress rule")
            << nat << "web"
            << "tcp" << 80 << none << "delivered"
            << "route"
            << "via the host vNIC 172.28.160.1" << QStringList{"web"} << "172.28.160.1";
        QTest::newRow("nat: the endpoint's ingress Block rule applies to the host too")
            << nat << "web"
            << "tcp" << 81 << none << "dropped"
            << "ingress ACL (Switch)"
            << "Block In Switch, Priority 200" << QStringList{} << "172.28.160.1";
        QTest::newRow("nat: an unattached endpoint receives nothing")
            << nat << "orphan"
            << "tcp" << 80 << none << "dropped"
            << "destination attachment"
            << "not attached" << QStringList{} << "172.28.160.1";
        QTest::newRow("nat: an address of the subnet nobody holds")
            << nat << "172.28.160.99"
            << "tcp" << 80 << none << "dropped"
            << "route"
            << "no endpoint holds the address" << QStringList{} << "172.28.160.1";
        QTest::newRow("nat: an address outside every network: the host's own routes")
            << nat << "8.8.8.8"
            << "icmp" << 0 << none << "delivered"
            << "delivery"
            << "leaves by the host's own routes" << QStringList{} << "172.28.160.1";
        QTest::newRow("nat: its own vNIC address with a published port: the port mapping")
            << nat << "172.28.160.1"
            << "tcp" << 8080 << none << "delivered"
            << "port mapping"
            << "ExternalPort 8080 InternalPort 80" << QStringList{"web"} << "172.28.160.1";
        QTest::newRow("overlay: a local pod through the host vNIC, from the provider address")
            << overlay << "pod-a"
            << "tcp" << 80 << none << "delivered"
            << "route"
            << "via the host vNIC" << QStringList{"pod-a"} << "10.0.0.4";
        QTest::newRow("overlay: a remote pod is encapsulated to its provider address")
            << overlay << "remote-pod"
            << "tcp" << 80 << none << "delivered"
            << "encapsulation"
            << "encapsulated (VXLAN)" << QStringList{"remote-pod"} << "10.0.0.4";
        QTest::newRow("overlay: a Private network has no host vNIC")
            << overlay << "lonely"
            << "tcp" << 80 << none << "dropped"
            << "route"
            << "no host vNIC on a Private network" << QStringList{} << "10.0.0.4";
        QTest::newRow("lb: LocalRoutedVIP (mapping Flags 3): the host's connection is balanced")
            << lb << "10.96.0.70"
            << "tcp" << 80 << QStringList{"10.0.0.4"} << "delivered"
            << "load balancer"
            << "Flags 3" << QStringList{"backend-a"} << "10.0.0.4";
        QTest::newRow("lb: without LocalRoutedVIP the VIP does not answer the host")
            << lb << "10.96.0.41"
            << "tcp" << 80 << QStringList{"10.0.0.4"} << "dropped"
            << "load balancer"
            << "without LocalRoutedVIP (2)" << QStringList{} << "10.0.0.4";
        QTest::newRow("lb: no address of the host in the data and none given")
            << lb << "backend-a"
            << "tcp" << 8080 << none << "dropped"
            << "source"
            << "no IPv4 address of the host known" << QStringList{} << "";
        QTest::newRow("lb: with the node's address given the backend is reached")
            << lb << "backend-a"
            << "tcp" << 8080 << QStringList{"10.0.0.4"} << "delivered"
            << "delivery"
            << "delivered to endpoint backend-a" << QStringList{"backend-a"} << "10.0.0.4";
    }

    void fromTheHost()
    {
        QFETCH(QString, host);
        QFETCH(QString, destination);
        QFETCH(QString, protocol);
        QFETCH(int, port);
        QFETCH(QStringList, hostAddresses);
        QFETCH(QString, verdict);
        QFETCH(QString, hop);
        QFETCH(QString, rule);
        QFETCH(QStringList, deliveredTo);
        QFETCH(QString, sourceAddress);

        hcn::TraceRequest r = request(" Host ", destination, protocol, port);
        for (const QString& address : hostAddresses)
            r.hostAddresses.push_back(address.toStdString());
        auto traced = hcn::traceSnapshot(hostText(host), r);
        QVERIFY2(traced.ok(), traced.status().detail().c_str());
        const hcn::TraceResult& t = *traced;
        const QString hops = hopsText(t);
        QVERIFY2(t.source.host && t.source.id.empty(), qPrintable(hops));
        QCOMPARE(qs(t.sourceAddress), sourceAddress);
        QVERIFY2(qs(std::string(hcn::traceVerdictName(t.verdict))) == verdict, qPrintable(hops));
        bool found = false;
        for (const hcn::TraceHop& h : t.hops)
            found =
                found || (qs(h.name) == hop && (qs(h.rule).contains(rule) || qs(h.decision).contains(rule)));
        QVERIFY2(found, qPrintable("no hop \"" + hop + "\" naming \"" + rule + "\":\n" + hops));
        if (verdict == "dropped")
            QCOMPARE(qs(t.hops[std::size_t(t.droppedAt)].name), hop);
        QStringList delivered;
        for (const hcn::TraceObject& o : t.deliveredTo)
            delivered << qs(o.name);
        QCOMPARE(delivered, deliveredTo);
        // Nothing on the way out belongs to an endpoint: no egress ACL, no OutBoundNAT, no translation of
        // the source; the host is never an object of the path (it has no ID to select).
        for (const hcn::TraceHop& h : t.hops)
            QVERIFY2(qs(h.name) != "outbound NAT" && !qs(h.name).startsWith("egress ACL"), qPrintable(hops));
        for (const hcn::TraceTranslation& x : t.translations)
            QVERIFY2(x.what != "source", qPrintable(hops));
        QVERIFY(std::none_of(t.path.begin(), t.path.end(), [](const hcn::TraceObject& o) { return o.host; }));
        nlohmann::ordered_json j = t;
        QCOMPARE(qs(j["Source"]["Kind"].get<std::string>()), QString("Host"));
        QCOMPARE(qs(j["Source"]["Name"].get<std::string>()), QString("host"));
    }

    void resolution_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("destination");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<quint32>("code");
        QTest::newRow("ID in lower case") << "7a000002-0000-4000-8000-000000000003" << "web" << true << 0u;
        QTest::newRow("ID in braces") << "{7A000002-0000-4000-8000-000000000003}" << "web" << true << 0u;
        QTest::newRow("name in another case") << "CLIENT" << "Web" << true << 0u;
        QTest::newRow("unknown source") << "nobody" << "web" << false << 0x803B0002u;
        QTest::newRow("unknown destination name") << "client" << "nobody" << false << 0x803B0002u;
        QTest::newRow("ambiguous name") << "twin" << "web" << false << 0x80070057u;
        QTest::newRow("empty destination") << "client" << "" << false << 0x80070057u;
    }

    void resolution()
    {
        QFETCH(QString, source);
        QFETCH(QString, destination);
        QFETCH(bool, ok);
        QFETCH(quint32, code);
        json host = json::parse(hostText("nat-host.json"));
        for (int i = 0; i < 2; ++i) { // two endpoints with one name
            json twin = host["Endpoints"][2];
            twin["ID"] = "7A000002-0000-4000-8000-0000000001F" + std::to_string(i);
            twin["Name"] = "twin";
            twin["IpConfigurations"][0]["IpAddress"] = "172.28.160.20" + std::to_string(i);
            host["Endpoints"].push_back(twin);
        }
        auto traced = hcn::traceSnapshot(host.dump(), request(source, destination));
        QCOMPARE(traced.ok(), ok);
        if (ok)
            QCOMPARE(qs(traced->source.name), QString("client"));
        else
            QCOMPARE(quint32(traced.status().code()), code);
    }

    void jsonShape()
    {
        auto traced = hcn::traceSnapshot(hostText("l2bridge-host.json"), request("client", "blocked-peer"));
        QVERIFY(traced.ok());
        const nlohmann::ordered_json j = *traced;
        for (const char* key : {"Source", "SourceAddress", "Destination", "DestinationAddress", "DestinationObject",
                                "Protocol", "Port", "Hops", "Verdict", "DroppedAt", "Summary", "DeliveredTo",
                                "Translations", "Path"})
            QVERIFY2(j.contains(key), key);
        QCOMPARE(qs(j["Verdict"].get<std::string>()), QString("dropped"));
        QCOMPARE(j["Hops"][0]["Index"].get<int>(), 1);
        QCOMPARE(j["DroppedAt"].get<int>(), traced->droppedAt + 1);
        const auto& dropped = j["Hops"][std::size_t(traced->droppedAt)];
        QCOMPARE(qs(dropped["Outcome"].get<std::string>()), QString("drop"));
        QCOMPARE(qs(dropped["Object"]["Kind"].get<std::string>()), QString("Endpoint"));
        QCOMPARE(qs(j["Protocol"].get<std::string>()), QString("tcp"));
    }

    /// One tracer answers a sequence of traces exactly as a fresh trace of each does.
    void tracerIsReusable()
    {
        const std::string text = hostText("l2bridge-host.json");
        auto objects = hcn::parseHostSnapshot(text);
        QVERIFY(objects.ok());
        hcn::HostState state;
        (void)state.assign(std::move(*objects));
        hcn::ReachabilityTracer tracer(state);
        for (const char* destination : {"server", "10.96.0.50", "8.8.8.8", "blocked-peer", "10.96.0.60"}) {
            const hcn::TraceRequest r = request("client", destination);
            auto reused = tracer.trace(r);
            auto fresh = hcn::traceSnapshot(text, r);
            QVERIFY(reused.ok() && fresh.ok());
            QCOMPARE(nlohmann::ordered_json(*reused).dump(), nlohmann::ordered_json(*fresh).dump());
        }
    }

    /// Documents with missing or wrongly typed fields: every trace still ends in a verdict or an error.
    void oddDocumentsNeverCrash_data()
    {
        QTest::addColumn<QString>("patch"); // JSON merged into the client endpoint
        QTest::newRow("policies not a list") << R"({"Policies":"ACL"})";
        QTest::newRow("ACL with unreadable fields")
            << R"({"Policies":[{"Type":"ACL","Settings":{"Action":7,"Priority":"high","RemoteAddresses":"Any","RemotePorts":"x-y","Protocols":"tcp"}}]})";
        QTest::newRow("address not text") << R"({"IpConfigurations":[{"IpAddress":42}]})";
        QTest::newRow("no addresses") << R"({"IpConfigurations":null})";
        QTest::newRow("network missing") << R"({"HostComputeNetwork":"7A000001-0000-4000-8000-0000000000FF"})";
        QTest::newRow("routes odd") << R"({"Routes":[{"DestinationPrefix":5},{"NextHop":"zz"}]})";
        QTest::newRow("OutBoundNAT odd") << R"({"Policies":[{"Type":"OutBoundNAT","Settings":{"Exceptions":7,"VirtualIP":[]}}]})";
        QTest::newRow("SDNRoute without prefix") << R"({"Policies":[{"Type":"SDNRoute","Settings":{"NeedEncap":"true"}}]})";
    }

    void oddDocumentsNeverCrash()
    {
        QFETCH(QString, patch);
        json host = json::parse(hostText("l2bridge-host.json"));
        host["Endpoints"][0].merge_patch(json::parse(patch.toStdString()));
        host["LoadBalancers"][0]["PortMappings"] = "80";
        host["Networks"][0]["Ipams"][0]["Subnets"][0]["Routes"] = json::array({{{"NextHop", 1}}});
        for (const char* source : {"client", "host"})
            for (const char* destination : {"server", "10.96.0.50", "8.8.8.8", "10.244.0.99", "fe80::1"})
                for (const char* protocol : {"tcp", "udp", "icmp"}) {
                    auto traced = hcn::traceSnapshot(host.dump(), request(source, destination, protocol));
                    if (traced.ok()) {
                        QVERIFY(!traced->hops.empty());
                        QVERIFY(!traced->summary.empty());
                    }
                }
    }

    /// Every sample host (trace and checks data) and every dump the importer reads: traces between
    /// endpoints (by ID), to every VIP and to an outside address end in a verdict whose parts agree.
    void everyHostTracesConsistently()
    {
        std::vector<std::pair<QString, std::string>> hosts;
        for (const QString& folder : {QString("trace"), QString("checks")}) {
            const QDir dir(qEnvironmentVariable("HCN_SOURCE_DIR") + "/tests/data/" + folder);
            for (const QString& name : dir.entryList({"*.json"}, QDir::Files)) {
                QFile file(dir.filePath(name));
                QVERIFY(file.open(QIODevice::ReadOnly));
                hosts.emplace_back(folder + "/" + name, file.readAll().toStdString());
            }
        }
        const QDir dumps(dumpPath(QString()));
        for (const QString& name : dumps.entryList(QDir::Files)) {
            auto imported = hcn::io::importBytes(name.toStdString(), readDump(name).toStdString());
            if (imported.ok() && imported->objectCount() > 0)
                hosts.emplace_back("dumps/" + name, imported->snapshot.dump());
        }
        QVERIFY(hosts.size() > 10);
        std::size_t traces = 0;
        for (const auto& [name, text] : hosts) {
            auto objects = hcn::parseHostSnapshot(text);
            QVERIFY2(objects.ok(), qPrintable(name));
            hcn::HostState state;
            (void)state.assign(std::move(*objects));
            hcn::ReachabilityTracer tracer(state);
            std::vector<std::string> endpoints, destinations{"8.8.8.8", "fd00::1"};
            for (const hcn::HostObject* e : state.objects(hcn::ResourceKind::Endpoint))
                if (endpoints.size() < 12)
                    endpoints.push_back(e->id);
            destinations.insert(destinations.end(), endpoints.begin(), endpoints.end());
            endpoints.push_back("host"); // and from the host itself
            for (const hcn::HostObject* lb : state.objects(hcn::ResourceKind::LoadBalancer))
                for (const auto& vip : lb->document->value("FrontendVIPs", json::array()))
                    if (vip.is_string())
                        destinations.push_back(vip.get<std::string>());
            for (const std::string& source : endpoints)
                for (const std::string& destination : destinations)
                    for (const char* protocol : {"tcp", "udp", "icmp"}) {
                        hcn::TraceRequest r = request(qs(source), qs(destination), protocol);
                        auto traced = tracer.trace(r);
                        const QString what = name + ": " + qs(source) + " -> " + qs(destination) + " " + protocol;
                        // By ID every source and endpoint exists (and `host` always); an address is never
                        // unknown.
                        QVERIFY2(traced.ok(), qPrintable(what + ": " + qs(traced.status().detail())));
                        const hcn::TraceResult& t = *traced;
                        QVERIFY2(!t.hops.empty() && !t.summary.empty(), qPrintable(what));
                        const bool dropped = t.verdict == hcn::TraceVerdict::Dropped;
                        QVERIFY2(dropped == (t.droppedAt >= 0), qPrintable(what + "\n" + hopsText(t)));
                        // Undecided (the dump does not show an address or an ACL's match) is no drop.
                        const bool undecided = t.verdict == hcn::TraceVerdict::Undecided;
                        QVERIFY2(undecided == (t.undecidedAt >= 0), qPrintable(what + "\n" + hopsText(t)));
                        if (dropped)
                            QVERIFY2(t.hops[std::size_t(t.droppedAt)].outcome == hcn::HopOutcome::Drop,
                                     qPrintable(what + "\n" + hopsText(t)));
                        else if (undecided)
                            QVERIFY2(t.hops[std::size_t(t.undecidedAt)].outcome == hcn::HopOutcome::Undecided,
                                     qPrintable(what + "\n" + hopsText(t)));
                        else
                            QVERIFY2(std::any_of(t.hops.begin(), t.hops.end(),
                                                 [](const hcn::TraceHop& h) {
                                                     return h.outcome == hcn::HopOutcome::Deliver;
                                                 }),
                                     qPrintable(what + "\n" + hopsText(t)));
                        if (t.verdict == hcn::TraceVerdict::Translated)
                            QVERIFY(!t.translations.empty());
                        (void)nlohmann::ordered_json(t).dump(-1, ' ', false,
                                                             nlohmann::ordered_json::error_handler_t::replace);
                        ++traces;
                    }
        }
        QVERIFY(traces > 1000);
    }

    /// A dump whose addresses or ACL lists were redacted or hold values HNS does not take: where
    /// the hidden value decides, the trace says it cannot decide (verdict "undecided", the hop naming what
    /// the dump does not show), never that the packet is dropped; where the values shown decide, it does.
    void whatTheDumpDoesNotShowIsNotDecided_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("destination");
        QTest::addColumn<QString>("protocol");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("verdict");
        QTest::addColumn<QString>("hop");      // the hop that decided (or could not)
        QTest::addColumn<QString>("decision"); // text its decision holds
        QTest::addColumn<QString>("detail");   // text its detail holds

        QTest::newRow("a redacted destination address: not \"dropped, no address\"")
            << "json-redacted-acls.json"
            << "client"
            << "hidden"
            << "tcp" << 80 << "undecided"
            << "destination"
            << "address not in the dump"
            << "does not show endpoint hidden";
        QTest::newRow("a redacted source address") << "json-redacted-acls.json"
                                                   << "hidden"
                                                   << "client"
                                                   << "tcp" << 80 << "undecided"
                                                   << "source"
                                                   << "address not in the dump"
                                                   << "redacted or unreadable";
        QTest::newRow("from the host to an endpoint whose address is redacted") << "json-redacted-acls.json"
                                                                                << "host"
                                                                                << "hidden"
                                                                                << "tcp" << 80 << "undecided"
                                                                                << "destination"
                                                                                << "address not in the dump"
                                                                                << "the trace cannot decide";
        QTest::newRow("an ingress rule whose remote addresses are redacted may match")
            << "json-redacted-acls.json"
            << "client"
            << "web"
            << "tcp" << 80 << "undecided"
            << "ingress ACL (Switch)"
            << "cannot evaluate: RemoteAddresses not in the dump"
            << "Id=deny-scanner";
        QTest::newRow("the same rule's known port rules the packet out: the next rule decides")
            << "json-redacted-acls.json"
            << "client"
            << "web"
            << "tcp" << 81 << "delivered"
            << "ingress ACL (Switch)"
            << "allowed"
            << "allow-in";
        QTest::newRow("a network ACL whose remote addresses are redacted")
            << "json-redacted-acls.json"
            << "client"
            << "8.8.8.8"
            << "tcp" << 443 << "undecided"
            << "egress ACL (Switch)"
            << "RemoteAddresses not in the dump"
            << "no-https-out";
        QTest::newRow("a list kept in part: an address it does not list may be among those hidden")
            << "json-redacted-acls.json"
            << "resolver-client"
            << "10.96.0.10"
            << "udp" << 53 << "undecided"
            << "egress ACL (Switch)"
            << "RemoteAddresses not in the dump"
            << "dns-out";
        QTest::newRow("a list kept in part: an address it lists is matched for sure")
            << "json-redacted-acls.json"
            << "resolver-client"
            << "client"
            << "udp" << 53 << "dropped"
            << "egress ACL (Switch)"
            << "blocked"
            << "dns-out";
        // An ACL's protocols the import kept under "_v1" (tests/data/dumps/json-acl-protocols.json).
        QTest::newRow("a rule whose protocol HNS does not take may match")
            << "json-acl-protocols.json"
            << "client"
            << "web"
            << "tcp" << 80 << "undecided"
            << "ingress ACL (Switch)"
            << "cannot evaluate: Protocols not in the dump"
            << "odd-proto";
        QTest::newRow("the same rule's known port rules the packet out") << "json-acl-protocols.json"
                                                                         << "client"
                                                                         << "web"
                                                                         << "tcp" << 81 << "delivered"
                                                                         << "ingress ACL (Switch)"
                                                                         << "allowed"
                                                                         << "allow-in";
        QTest::newRow("a protocol list kept in part: a protocol it lists is matched for sure")
            << "json-acl-protocols.json"
            << "client"
            << "api"
            << "tcp" << 80 << "dropped"
            << "ingress ACL (Switch)"
            << "blocked"
            << "mixed";
        QTest::newRow("a protocol list kept in part: one it does not list may be among those hidden")
            << "json-acl-protocols.json"
            << "client"
            << "api"
            << "udp" << 53 << "undecided"
            << "ingress ACL (Switch)"
            << "Protocols not in the dump"
            << "mixed";
    }

    void whatTheDumpDoesNotShowIsNotDecided()
    {
        QFETCH(QString, file);
        QFETCH(QString, source);
        QFETCH(QString, destination);
        QFETCH(QString, protocol);
        QFETCH(int, port);
        QFETCH(QString, verdict);
        QFETCH(QString, hop);
        QFETCH(QString, decision);
        QFETCH(QString, detail);
        auto imported = hcn::io::importBytes(file.toStdString(), readDump(file).toStdString());
        QVERIFY(imported.ok());
        auto traced =
            hcn::traceSnapshot(imported->snapshot.dump(), request(source, destination, protocol, port));
        QVERIFY2(traced.ok(), traced.status().detail().c_str());
        const hcn::TraceResult& r = *traced;
        const QString hops = hopsText(r);
        QVERIFY2(qs(std::string(hcn::traceVerdictName(r.verdict))) == verdict, qPrintable(hops));
        const auto found = std::find_if(r.hops.begin(), r.hops.end(), [&](const hcn::TraceHop& h) {
            return qs(h.name) == hop && qs(h.decision).contains(decision);
        });
        QVERIFY2(found != r.hops.end(),
                 qPrintable("no hop \"" + hop + "\" deciding \"" + decision + "\":\n" + hops));
        QVERIFY2(qs(found->detail).contains(detail) || qs(found->rule).contains(detail),
                 qPrintable(qs(found->detail)));
        for (const hcn::TraceHop& h : r.hops)
            QVERIFY2(!qs(h.decision).contains("no address"), qPrintable(hops));
        if (verdict == "undecided") {
            QCOMPARE(r.droppedAt, -1);
            QCOMPARE(r.undecidedAt, int(found - r.hops.begin()));
            QVERIFY(found->outcome == hcn::HopOutcome::Undecided);
            QVERIFY2(qs(r.summary).contains(QString("cannot decide at hop %1").arg(r.undecidedAt + 1)),
                     qPrintable(qs(r.summary)));
            const auto json = nlohmann::ordered_json(r);
            QCOMPARE(json["Verdict"], "undecided");
            QCOMPARE(json["UndecidedAt"], r.undecidedAt + 1);
            QCOMPARE(json["Hops"][std::size_t(r.undecidedAt)]["Outcome"], "undecided");
        }
    }

    void notASnapshot()
    {
        QVERIFY(!hcn::traceSnapshot("[1,2", request("a", "b")).ok());
    }
};

QTEST_GUILESS_MAIN(TestReachabilityTrace)
#include "tst_reachabilitytrace.moc"
