// IPAM for one subnet: which addresses an endpoint can get, and which it never gets.

#include "engine/subnet_pool.h"

#include <QtTest>
#include <limits>
#include <set>

using namespace hcn;

Q_DECLARE_METATYPE(SubnetPool::Check)

namespace {

IpAddress ip(const char* text)
{
    const auto address = IpAddress::parse(text);
    if (!address)
        qFatal("bad test address %s", text);
    return *address;
}

SubnetPool makePool(const QString& prefix, const QString& gateway)
{
    const auto parsed = IpPrefix::parse(prefix.toStdString());
    if (!parsed)
        qFatal("bad test prefix %s", qPrintable(prefix));
    std::optional<IpAddress> gw;
    if (!gateway.isEmpty())
        gw = ip(qPrintable(gateway));
    return SubnetPool(*parsed, gw);
}

QString qs(const IpAddress& address)
{
    return QString::fromStdString(address.toString());
}

} // namespace

class TestSubnetPool : public QObject
{
    Q_OBJECT

private slots:
    void exhaustsWithoutReservedAddresses_data();
    void exhaustsWithoutReservedAddresses();
    void checkClassifies_data();
    void checkClassifies();
    void reserveExplicitAddress();
    void allocateSkipsExplicitReservations();
    void releaseMakesAddressAvailableAgain();
    void nextFitDoesNotRecycleAtOnce();
    void allocationWrapsToFreedStart();
    void fullCycleOnSlash24HasNoDuplicates();
    void hugeIpv6PrefixStaysCheap();
    void capacitySaturates_data();
    void capacitySaturates();
};

void TestSubnetPool::exhaustsWithoutReservedAddresses_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("gateway");
    QTest::addColumn<quint64>("capacity");
    QTest::addColumn<QStringList>("neverHandedOut");

    QTest::newRow("v4 /24, gateway .1")
        << "10.0.0.0/24"
        << "10.0.0.1" << quint64(253) << QStringList{"10.0.0.0", "10.0.0.1", "10.0.0.255"};
    QTest::newRow("v4 /24, gateway in the middle")
        << "10.0.0.0/24"
        << "10.0.0.100" << quint64(253) << QStringList{"10.0.0.0", "10.0.0.100", "10.0.0.255"};
    QTest::newRow("v4 /24, no gateway") << "10.0.0.0/24"
                                        << "" << quint64(254) << QStringList{"10.0.0.0", "10.0.0.255"};
    QTest::newRow("v4 /24, gateway outside the subnet costs nothing")
        << "10.0.0.0/24"
        << "10.0.1.1" << quint64(254) << QStringList{"10.0.0.0", "10.0.0.255"};
    QTest::newRow("v4 /24, gateway on the network address")
        << "10.0.0.0/24"
        << "10.0.0.0" << quint64(254) << QStringList{"10.0.0.0", "10.0.0.255"};
    QTest::newRow("v4 /28") << "172.29.144.16/28"
                            << "172.29.144.17" << quint64(13)
                            << QStringList{"172.29.144.16", "172.29.144.17", "172.29.144.31"};
    QTest::newRow("v4 /30 leaves one host")
        << "10.0.0.4/30"
        << "10.0.0.5" << quint64(1) << QStringList{"10.0.0.4", "10.0.0.5", "10.0.0.7"};
    QTest::newRow("v4 /31 point-to-point uses both") << "10.0.0.0/31"
                                                     << "" << quint64(2) << QStringList{};
    QTest::newRow("v4 /31 minus gateway") << "10.0.0.0/31"
                                          << "10.0.0.0" << quint64(1) << QStringList{"10.0.0.0"};
    QTest::newRow("v4 /32 single host") << "10.0.0.9/32"
                                        << "" << quint64(1) << QStringList{};
    QTest::newRow("v4 /32 that is the gateway") << "10.0.0.9/32"
                                                << "10.0.0.9" << quint64(0) << QStringList{"10.0.0.9"};
    QTest::newRow("v6 /120, gateway ::1") << "fd00::/120"
                                          << "fd00::1" << quint64(254) << QStringList{"fd00::", "fd00::1"};
    QTest::newRow("v6 /120, no gateway, last address usable") << "fd00::/120"
                                                              << "" << quint64(255) << QStringList{"fd00::"};
    QTest::newRow("v6 /127 point-to-point uses both") << "fd00::/127"
                                                      << "" << quint64(2) << QStringList{};
    QTest::newRow("v6 /128 single host") << "fd00::5/128"
                                         << "" << quint64(1) << QStringList{};
    QTest::newRow("v6 /128 that is the gateway") << "fd00::5/128"
                                                 << "fd00::5" << quint64(0) << QStringList{"fd00::5"};
}

void TestSubnetPool::exhaustsWithoutReservedAddresses()
{
    QFETCH(QString, prefix);
    QFETCH(QString, gateway);
    QFETCH(quint64, capacity);
    QFETCH(QStringList, neverHandedOut);

    SubnetPool pool = makePool(prefix, gateway);
    QCOMPARE(quint64(pool.capacity()), capacity);

    std::set<IpAddress> handedOut;
    while (const auto address = pool.allocate()) {
        QVERIFY2(pool.prefix().contains(*address), qPrintable(qs(*address)));
        QVERIFY2(!neverHandedOut.contains(qs(*address)), qPrintable(qs(*address) + " was handed out"));
        QVERIFY2(handedOut.insert(*address).second, qPrintable(qs(*address) + " was handed out twice"));
        QVERIFY(handedOut.size() <= capacity);
    }
    QCOMPARE(quint64(handedOut.size()), capacity);
    QCOMPARE(quint64(pool.used()), capacity);
    // Exhausted stays exhausted.
    QVERIFY(!pool.allocate());
}

void TestSubnetPool::checkClassifies_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("gateway");
    QTest::addColumn<QString>("address");
    QTest::addColumn<SubnetPool::Check>("expected");

    QTest::newRow("v4 network address") << "10.0.0.0/24"
                                        << "10.0.0.1"
                                        << "10.0.0.0" << SubnetPool::Check::Reserved;
    QTest::newRow("v4 broadcast address") << "10.0.0.0/24"
                                          << "10.0.0.1"
                                          << "10.0.0.255" << SubnetPool::Check::Reserved;
    QTest::newRow("v4 gateway") << "10.0.0.0/24"
                                << "10.0.0.1"
                                << "10.0.0.1" << SubnetPool::Check::Reserved;
    QTest::newRow("v4 host") << "10.0.0.0/24"
                             << "10.0.0.1"
                             << "10.0.0.2" << SubnetPool::Check::Free;
    QTest::newRow("v4 outside") << "10.0.0.0/24"
                                << "10.0.0.1"
                                << "10.0.1.2" << SubnetPool::Check::OutsideSubnet;
    QTest::newRow("v6 address in v4 subnet") << "10.0.0.0/24"
                                             << "10.0.0.1"
                                             << "::a00:2" << SubnetPool::Check::OutsideSubnet;
    QTest::newRow("v4 /31 lower address") << "10.0.0.0/31"
                                          << ""
                                          << "10.0.0.0" << SubnetPool::Check::Free;
    QTest::newRow("v4 /31 upper address") << "10.0.0.0/31"
                                          << ""
                                          << "10.0.0.1" << SubnetPool::Check::Free;
    QTest::newRow("v4 /32 address") << "10.0.0.9/32"
                                    << ""
                                    << "10.0.0.9" << SubnetPool::Check::Free;
    QTest::newRow("v6 subnet-router anycast") << "fd00::/64"
                                              << "fd00::1"
                                              << "fd00::" << SubnetPool::Check::Reserved;
    QTest::newRow("v6 gateway") << "fd00::/64"
                                << "fd00::1"
                                << "fd00::1" << SubnetPool::Check::Reserved;
    QTest::newRow("v6 last address is no broadcast")
        << "fd00::/64"
        << "fd00::1"
        << "fd00::ffff:ffff:ffff:ffff" << SubnetPool::Check::Free;
    QTest::newRow("v6 outside") << "fd00::/64"
                                << "fd00::1"
                                << "fd00:0:0:1::2" << SubnetPool::Check::OutsideSubnet;
    QTest::newRow("v4 address in v6 subnet") << "::/0"
                                             << ""
                                             << "10.0.0.2" << SubnetPool::Check::OutsideSubnet;
    QTest::newRow("v6 /127 both usable") << "fd00::/127"
                                         << ""
                                         << "fd00::" << SubnetPool::Check::Free;
}

void TestSubnetPool::checkClassifies()
{
    QFETCH(QString, prefix);
    QFETCH(QString, gateway);
    QFETCH(QString, address);
    QFETCH(SubnetPool::Check, expected);

    SubnetPool pool = makePool(prefix, gateway);
    const IpAddress a = ip(qPrintable(address));
    QCOMPARE(pool.check(a), expected);
    // Only a Free address can be reserved, and reserving it makes it InUse.
    QCOMPARE(pool.reserve(a), expected == SubnetPool::Check::Free);
    if (expected == SubnetPool::Check::Free)
        QCOMPARE(pool.check(a), SubnetPool::Check::InUse);
    else
        QCOMPARE(pool.used(), std::uint64_t(0));
}

void TestSubnetPool::reserveExplicitAddress()
{
    SubnetPool pool = makePool("10.0.0.0/24", "10.0.0.1");
    QVERIFY(pool.reserve(ip("10.0.0.50")));
    QCOMPARE(pool.check(ip("10.0.0.50")), SubnetPool::Check::InUse);
    QVERIFY(!pool.reserve(ip("10.0.0.50"))); // a second endpoint cannot take it
    QCOMPARE(pool.used(), std::uint64_t(1));
    QVERIFY(pool.release(ip("10.0.0.50")));
    QCOMPARE(pool.check(ip("10.0.0.50")), SubnetPool::Check::Free);
    QVERIFY(pool.reserve(ip("10.0.0.50")));
}

void TestSubnetPool::allocateSkipsExplicitReservations()
{
    SubnetPool pool = makePool("10.0.0.0/29", "10.0.0.1");
    QVERIFY(pool.reserve(ip("10.0.0.2")));
    QVERIFY(pool.reserve(ip("10.0.0.4")));
    QCOMPARE(qs(*pool.allocate()), QString("10.0.0.3"));
    QCOMPARE(qs(*pool.allocate()), QString("10.0.0.5"));
    QCOMPARE(qs(*pool.allocate()), QString("10.0.0.6"));
    QVERIFY(!pool.allocate()); // .7 is the broadcast address
}

void TestSubnetPool::releaseMakesAddressAvailableAgain()
{
    SubnetPool pool = makePool("10.0.0.0/29", "10.0.0.1");
    for (int i = 0; i < 5; ++i)
        QVERIFY(pool.allocate());
    QVERIFY(!pool.allocate());

    QVERIFY(pool.release(ip("10.0.0.4")));
    QVERIFY(!pool.release(ip("10.0.0.4"))); // not in use any more
    QVERIFY(!pool.release(ip("10.0.0.1"))); // the gateway was never in use
    QVERIFY(!pool.release(ip("192.168.0.4")));
    QCOMPARE(pool.used(), std::uint64_t(4));

    QCOMPARE(qs(*pool.allocate()), QString("10.0.0.4"));
    QVERIFY(!pool.allocate());
}

void TestSubnetPool::nextFitDoesNotRecycleAtOnce()
{
    // A just-released address goes to the back of the line, so a deleted endpoint's address does not
    // reappear on the very next endpoint while stale ARP/neighbour entries may still point at it.
    SubnetPool pool = makePool("10.0.0.0/24", "10.0.0.1");
    const auto first = pool.allocate();
    QCOMPARE(qs(*first), QString("10.0.0.2"));
    QVERIFY(pool.release(*first));
    QCOMPARE(qs(*pool.allocate()), QString("10.0.0.3"));
}

void TestSubnetPool::allocationWrapsToFreedStart()
{
    SubnetPool pool = makePool("10.0.0.0/28", "10.0.0.1");
    std::vector<IpAddress> all;
    while (const auto address = pool.allocate())
        all.push_back(*address);
    QCOMPARE(all.size(), std::size_t(13));
    QCOMPARE(qs(all.back()), QString("10.0.0.14"));

    QVERIFY(pool.release(ip("10.0.0.3")));
    QVERIFY(pool.release(ip("10.0.0.2")));
    // The cursor is past the end; the next allocation wraps round and takes the lowest free address.
    QCOMPARE(qs(*pool.allocate()), QString("10.0.0.2"));
    QCOMPARE(qs(*pool.allocate()), QString("10.0.0.3"));
    QVERIFY(!pool.allocate());
}

void TestSubnetPool::fullCycleOnSlash24HasNoDuplicates()
{
    SubnetPool pool = makePool("192.168.10.0/24", "192.168.10.1");
    for (int cycle = 0; cycle < 3; ++cycle) {
        std::set<IpAddress> seen;
        while (const auto address = pool.allocate())
            QVERIFY2(seen.insert(*address).second, qPrintable(qs(*address) + " handed out twice"));
        QCOMPARE(seen.size(), std::size_t(253));
        QVERIFY(!seen.count(ip("192.168.10.0")));
        QVERIFY(!seen.count(ip("192.168.10.1")));
        QVERIFY(!seen.count(ip("192.168.10.255")));
        for (const auto& address : seen)
            QVERIFY(pool.release(address));
        QCOMPARE(pool.used(), std::uint64_t(0));
    }
}

void TestSubnetPool::hugeIpv6PrefixStaysCheap()
{
    // On ::/0 the arithmetic wraps at 2^128; allocation must neither overflow nor scan the space.
    SubnetPool whole = makePool("::/0", "::1");
    QCOMPARE(qs(*whole.allocate()), QString("::2"));

    SubnetPool pool = makePool("fd00::/64", "fd00::1");
    for (int i = 2; i < 2002; ++i)
        QVERIFY(pool.reserve(IpAddress::fromValue(IpFamily::V6, ip("fd00::").value() + i)));
    // 2000 explicit reservations ahead of the cursor are skipped, not scanned forever.
    QCOMPARE(qs(*pool.allocate()), QString("fd00::7d2"));

    // The top of the prefix wraps to the bottom without touching the next /64.
    SubnetPool top = makePool("fd00::/64", "");
    QVERIFY(top.reserve(ip("fd00::ffff:ffff:ffff:fffe")));
    QVERIFY(top.reserve(ip("fd00::ffff:ffff:ffff:ffff")));
    QVERIFY(top.release(ip("fd00::ffff:ffff:ffff:fffe")));
    QCOMPARE(qs(*top.allocate()), QString("fd00::1"));
}

void TestSubnetPool::capacitySaturates_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("gateway");
    QTest::addColumn<quint64>("capacity");

    const quint64 max = std::numeric_limits<quint64>::max();
    QTest::newRow("v6 /0") << "::/0"
                           << "::1" << max;
    QTest::newRow("v6 /64") << "fd00::/64"
                            << "fd00::1" << max;
    QTest::newRow("v6 /65") << "fd00::/65"
                            << "fd00::1" << (quint64(1) << 63) - 2;
    QTest::newRow("v4 /0") << "0.0.0.0/0"
                           << "10.0.0.1" << (quint64(1) << 32) - 3;
    QTest::newRow("v4 /16") << "10.1.0.0/16"
                            << "10.1.0.1" << quint64(65533);
}

void TestSubnetPool::capacitySaturates()
{
    QFETCH(QString, prefix);
    QFETCH(QString, gateway);
    QFETCH(quint64, capacity);

    QCOMPARE(quint64(makePool(prefix, gateway).capacity()), capacity);
}

QTEST_GUILESS_MAIN(TestSubnetPool)
#include "tst_subnetpool.moc"
