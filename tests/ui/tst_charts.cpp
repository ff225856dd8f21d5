// The charts' numbers (pool utilization per subnet, endpoints per network, events per second) and the
// charts dock's redraw policy: one timer, dirty flags, nothing drawn while hidden.

#include "charts/charts_dock.h"
#include "charts/endpoints_per_network.h"
#include "charts/event_rate.h"
#include "charts/pool_utilization.h"
#include "engine_harness.h"
#include "hcn/embedded_api.h"
#include "models/host_mirror.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMainWindow>
#include <QTest>
#include <qcustomplot.h>

using hcn::ResourceKind;
using hcn::ui::ChartsDock;
using hcn::ui::EndpointsPerNetwork;
using hcn::ui::EventRate;
using hcn::ui::HostMirror;
using hcn::ui::MirrorObject;
using hcn::ui::PoolUtilization;

namespace {

const QString kNetworkId = QStringLiteral("11111111-0000-4000-8000-000000000000");

QJsonObject subnet(const QString& prefix, const QString& gateway = {})
{
    QJsonObject s{{"IpAddressPrefix", prefix}};
    if (!gateway.isEmpty()) {
        const bool v6 = gateway.contains(':');
        s.insert("Routes", QJsonArray{QJsonObject{{"NextHop", gateway},
                                                  {"DestinationPrefix", v6 ? "::/0" : "0.0.0.0/0"}}});
    }
    return s;
}

MirrorObject network(const QString& id, const QString& name, const QJsonArray& ipams)
{
    MirrorObject n;
    n.kind = ResourceKind::Network;
    n.id = id;
    n.name = name;
    n.document = QJsonObject{{"ID", id}, {"Name", name}, {"Ipams", ipams}};
    return n;
}

MirrorObject endpoint(int index, const QString& networkId, const QStringList& addresses)
{
    MirrorObject e;
    e.kind = ResourceKind::Endpoint;
    e.id = QStringLiteral("22222222-0000-4000-8000-%1").arg(index, 12, 10, QLatin1Char('0'));
    QJsonArray configs;
    for (const QString& address : addresses)
        configs.append(QJsonObject{{"IpAddress", address}});
    e.document = QJsonObject{{"ID", e.id}, {"HostComputeNetwork", networkId}, {"IpConfigurations", configs}};
    return e;
}

QList<const MirrorObject*> pointers(const QList<MirrorObject>& objects)
{
    QList<const MirrorObject*> out;
    for (const MirrorObject& object : objects)
        out.append(&object);
    return out;
}

struct Host
{
    std::shared_ptr<hcn::EmbeddedApi> api = std::make_shared<hcn::EmbeddedApi>();
    HostMirror mirror;

    Host()
    {
        if (!mirror.attach(api).ok())
            qFatal("attach failed");
    }
    QString createNetwork(const std::string& name, const std::string& prefix, const std::string& gateway)
    {
        auto handle = api->create(ResourceKind::Network, hcn::Guid(),
                                  hcntest::natNetwork(name, prefix, gateway).dump(), 0);
        if (!handle.ok())
            return {};
        auto id = api->handleId(ResourceKind::Network, *handle);
        (void)api->close(ResourceKind::Network, *handle);
        return QString::fromStdString(id->toString());
    }
    /// False once the engine refuses (the subnet is exhausted).
    bool createEndpoint(const QString& networkId, const std::string& name, QString* id = nullptr)
    {
        auto net = api->open(ResourceKind::Network, *hcn::Guid::parse(networkId.toStdString()));
        if (!net.ok())
            return false;
        const auto doc =
            hcntest::v2(hcntest::json{{"Name", name}, {"HostComputeNetwork", networkId.toStdString()}});
        auto handle = api->create(ResourceKind::Endpoint, hcn::Guid(), doc.dump(), *net);
        (void)api->close(ResourceKind::Network, *net);
        if (!handle.ok())
            return false;
        if (id)
            *id = QString::fromStdString(api->handleId(ResourceKind::Endpoint, *handle)->toString());
        (void)api->close(ResourceKind::Endpoint, *handle);
        return true;
    }
    void settle()
    {
        api->engine().drainNotifications();
        mirror.flushPending();
    }
};

} // namespace

class TestCharts : public QObject
{
    Q_OBJECT
private slots:
    void poolUtilization_data();
    void poolUtilization();
    void poolUtilizationSkipsDhcpAndForeignEndpoints();
    void aSubnetTheEngineCallsFullIsFull();
    void largeCountsAreReadable_data();
    void largeCountsAreReadable();
    void endpointsPerNetworkFollowCreateAndDelete();
    void eventRateSlidesOverItsWindow();
    void hiddenDockDoesNotReplot();
    void poolAxisEndsAtHundredPercent();
};

void TestCharts::poolUtilization_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("gateway");
    QTest::addColumn<QStringList>("addresses");
    QTest::addColumn<quint64>("used");
    QTest::addColumn<quint64>("capacity");

    QTest::newRow("IPv4 /24: network, broadcast, gateway withheld")
        << "10.0.0.0/24"
        << "10.0.0.1" << QStringList{"10.0.0.2", "10.0.0.3", "10.0.0.200"} << 3ull << 253ull;
    QTest::newRow("IPv4 /30 with one endpoint is full")
        << "10.0.0.0/30"
        << "10.0.0.1" << QStringList{"10.0.0.2"} << 1ull << 1ull;
    QTest::newRow("IPv4 gateway outside the subnet costs nothing")
        << "10.0.0.0/29"
        << "192.168.0.1" << QStringList{} << 0ull << 6ull;
    QTest::newRow("IPv4 no gateway") << "10.0.0.0/29"
                                     << "" << QStringList{"10.0.0.1"} << 1ull << 6ull;
    QTest::newRow("IPv4 /31 point-to-point keeps both addresses")
        << "10.0.0.0/31"
        << "" << QStringList{"10.0.0.0"} << 1ull << 2ull;
    QTest::newRow("host prefix written with host bits is normalized")
        << "10.0.0.77/28"
        << "10.0.0.65" << QStringList{"10.0.0.66"} << 1ull << 13ull;
    QTest::newRow("IPv6 /120: anycast and gateway withheld, no broadcast")
        << "fd00::/120"
        << "fd00::1" << QStringList{"fd00::2", "fd00::ff"} << 2ull << 254ull;
    QTest::newRow("IPv6 /126 full") << "fd00::/126"
                                    << "fd00::1" << QStringList{"fd00::2", "fd00::3"} << 2ull << 2ull;
    QTest::newRow("IPv6 /64 saturates")
        << "fd00:1::/64"
        << "fd00:1::1" << QStringList{"fd00:1::5"} << 1ull << std::numeric_limits<quint64>::max();
    QTest::newRow("addresses outside the subnet are not counted")
        << "10.0.0.0/24"
        << "10.0.0.1" << QStringList{"10.0.1.2", "fd00::2"} << 0ull << 253ull;
}

void TestCharts::poolUtilization()
{
    QFETCH(QString, prefix);
    QFETCH(QString, gateway);
    QFETCH(QStringList, addresses);
    QFETCH(quint64, used);
    QFETCH(quint64, capacity);

    const QList<MirrorObject> networks{network(
        kNetworkId, "net",
        QJsonArray{QJsonObject{{"Type", "Static"}, {"Subnets", QJsonArray{subnet(prefix, gateway)}}}})};
    QList<MirrorObject> endpoints;
    for (int i = 0; i < addresses.size(); ++i)
        endpoints.append(endpoint(i, kNetworkId.toLower(), {addresses[i]})); // IDs match in any case
    const auto result = PoolUtilization::compute(pointers(networks), pointers(endpoints));
    QCOMPARE(result.size(), 1);
    QCOMPARE(result[0].networkName, QString("net"));
    QCOMPARE(result[0].used, used);
    QCOMPARE(result[0].capacity, capacity);
    QCOMPARE(result[0].ratio(), capacity == 0 ? 0.0 : double(used) / double(capacity));
}

void TestCharts::poolUtilizationSkipsDhcpAndForeignEndpoints()
{
    const QString other = QStringLiteral("33333333-0000-4000-8000-000000000000");
    const QList<MirrorObject> networks{
        network(kNetworkId, "b-dual",
                QJsonArray{QJsonObject{{"Subnets", QJsonArray{subnet("10.1.0.0/24", "10.1.0.1"),
                                                              subnet("fd01::/120", "fd01::1")}}},
                           QJsonObject{{"Type", "Dhcp"}, {"Subnets", QJsonArray{subnet("10.9.0.0/24")}}}}),
        network(other, "a-single",
                QJsonArray{QJsonObject{{"Subnets", QJsonArray{subnet("10.2.0.0/24", "10.2.0.1")}}}})};
    const QList<MirrorObject> endpoints{endpoint(1, kNetworkId, {"10.1.0.2", "fd01::2"}),
                                        endpoint(2, kNetworkId, {"10.1.0.3"}),
                                        endpoint(3, other, {"10.1.0.4"})}; // right address, wrong network
    const auto result = PoolUtilization::compute(pointers(networks), pointers(endpoints));
    QCOMPARE(result.size(), 3); // the DHCP subnet has no pool
    QCOMPARE(result[0].networkName, QString("a-single"));
    QCOMPARE(result[0].used, 0ull);
    QCOMPARE(result[1].prefix, QString("10.1.0.0/24"));
    QCOMPARE(result[1].used, 2ull);
    QCOMPARE(result[2].prefix, QString("fd01::/120"));
    QCOMPARE(result[2].used, 1ull);
}

void TestCharts::aSubnetTheEngineCallsFullIsFull()
{
    Host host;
    const QString net = host.createNetwork("small", "172.30.0.0/29", "172.30.0.1");
    QVERIFY(!net.isEmpty());
    int created = 0;
    while (host.createEndpoint(net, "ep" + std::to_string(created)) && created < 100)
        ++created;
    QCOMPARE(created, 5); // 8 addresses - network - broadcast - gateway
    host.settle();

    const auto result = PoolUtilization::compute(host.mirror.objects(ResourceKind::Network),
                                                 host.mirror.objects(ResourceKind::Endpoint));
    QCOMPARE(result.size(), 1);
    QCOMPARE(result[0].used, 5ull);
    QCOMPARE(result[0].capacity, 5ull);
    QCOMPARE(result[0].ratio(), 1.0);
}

void TestCharts::largeCountsAreReadable_data()
{
    QTest::addColumn<quint64>("count");
    QTest::addColumn<QString>("text");
    QTest::newRow("small exact") << 253ull << "253";
    QTest::newRow("IPv6 /96 near a power of two") << ((1ull << 32) - 2) << "≈2^32";
    QTest::newRow("saturated") << std::numeric_limits<quint64>::max() << "2^64";
}

void TestCharts::largeCountsAreReadable()
{
    QFETCH(quint64, count);
    QFETCH(QString, text);
    QCOMPARE(PoolUtilization::formatCount(count), text);
}

void TestCharts::endpointsPerNetworkFollowCreateAndDelete()
{
    Host host;
    const QString a = host.createNetwork("alpha", "172.20.0.0/24", "172.20.0.1");
    const QString b = host.createNetwork("beta", "172.21.0.0/24", "172.21.0.1");
    QString doomed;
    QVERIFY(host.createEndpoint(a, "a1"));
    QVERIFY(host.createEndpoint(a, "a2", &doomed));
    QVERIFY(host.createEndpoint(a, "a3"));
    QVERIFY(host.createEndpoint(b, "b1"));
    host.settle();

    auto counts = [&] {
        QMap<QString, int> out;
        for (const auto& entry : EndpointsPerNetwork::compute(host.mirror.objects(ResourceKind::Network),
                                                              host.mirror.objects(ResourceKind::Endpoint)))
            out.insert(entry.networkName, entry.endpoints);
        return out;
    };
    QCOMPARE(counts(), (QMap<QString, int>{{"alpha", 3}, {"beta", 1}}));

    QVERIFY(host.api->remove(ResourceKind::Endpoint, *hcn::Guid::parse(doomed.toStdString())).ok());
    host.settle();
    QCOMPARE(counts(), (QMap<QString, int>{{"alpha", 2}, {"beta", 1}}));

    QVERIFY(host.api->remove(ResourceKind::Network, *hcn::Guid::parse(b.toStdString())).ok());
    host.settle();
    QCOMPARE(counts(), (QMap<QString, int>{{"alpha", 2}}));
}

void TestCharts::eventRateSlidesOverItsWindow()
{
    EventRate rate(10);
    rate.add(100, 5);   // second 0
    rate.add(900, 5);   // second 0
    rate.add(1500, 7);  // second 1
    rate.add(3999, 1);  // second 3
    rate.add(4000, 50); // second 4: still running at t = 4.5 s, not shown yet

    QVector<double> counts = rate.perSecond(4500);
    QCOMPARE(counts.size(), 10);
    // The last 10 complete seconds are -6..3; the earlier ones had nothing.
    QCOMPARE(counts.mid(6), (QVector<double>{10, 7, 0, 1}));
    QCOMPARE(rate.total(4500), 18);
    QCOMPARE(rate.peak(4500), 10);

    // Eleven seconds later second 0 has slid out, second 4 is in.
    QCOMPARE(rate.total(11000), 7 + 1 + 50);
    QCOMPARE(rate.peak(11000), 50);
    // A bucket reused for a new second starts from zero.
    rate.add(11500, 2); // same slot as second 0 in an 11-slot ring
    QCOMPARE(rate.perSecond(12000).last(), 2.0);
    QCOMPARE(rate.total(60000), 0);
}

void TestCharts::hiddenDockDoesNotReplot()
{
    Host host;
    QMainWindow window;
    auto* dock = new ChartsDock(&host.mirror, &window);
    window.addDockWidget(Qt::RightDockWidgetArea, dock);
    QCOMPARE(dock->objectName(), QString("chartsDock"));

    const QString net = host.createNetwork("alpha", "172.20.0.0/24", "172.20.0.1");
    QVERIFY(host.createEndpoint(net, "a1"));
    host.settle();

    // Never shown: ticks pass, nothing is computed or drawn.
    QTRY_VERIFY_WITH_TIMEOUT(dock->tickCount() >= 2, 10000);
    QCOMPARE(dock->replotCount(), 0);

    window.show();
    QTRY_VERIFY(dock->replotCount() >= 1);

    // Nothing changed: the pool chart draws once when selected, then rests.
    dock->showChart(ChartsDock::Chart::PoolUtilization);
    QTRY_VERIFY(dock->replotCount() >= 2);
    const int afterPools = dock->replotCount();
    const int ticks = dock->tickCount();
    QTRY_VERIFY_WITH_TIMEOUT(dock->tickCount() >= ticks + 2, 10000);
    QCOMPARE(dock->replotCount(), afterPools);

    // A change marks it dirty: the next tick draws it.
    QVERIFY(host.createEndpoint(net, "a2"));
    host.settle();
    QTRY_VERIFY_WITH_TIMEOUT(dock->replotCount() > afterPools, 10000);

    // Closed again: changes keep coming, nothing is drawn.
    dock->close();
    const int closed = dock->replotCount();
    QVERIFY(host.createEndpoint(net, "a3"));
    host.settle();
    const int closedTicks = dock->tickCount();
    QTRY_VERIFY_WITH_TIMEOUT(dock->tickCount() >= closedTicks + 2, 10000);
    QCOMPARE(dock->replotCount(), closed);
}

void TestCharts::poolAxisEndsAtHundredPercent()
{
    Host host;
    QMainWindow window;
    auto* dock = new ChartsDock(&host.mirror, &window);
    window.addDockWidget(Qt::RightDockWidgetArea, dock);
    const QString net = host.createNetwork("tiny", "172.20.0.0/30", "172.20.0.1");
    QVERIFY(host.createEndpoint(net, "only")); // its one free address: a full pool
    host.settle();
    window.show();
    dock->showChart(ChartsDock::Chart::PoolUtilization);
    QCustomPlot* plot = dock->plotOf(ChartsDock::Chart::PoolUtilization);
    QTRY_COMPARE(plot->xAxis->range().upper, 100.0); // a percentage never runs past 100 %
    QCOMPARE(plot->xAxis->range().lower, 0.0);
}

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"
