// Value types that cross the HCN JSON boundary: GUIDs, IP addresses and prefixes, MAC addresses.

#include "hcn/guid.h"
#include "hcn/ip_address.h"
#include "hcn/mac_address.h"

#include <QtTest>
#include <set>
#include <unordered_set>

using namespace hcn;

namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

std::string str(const QString& text)
{
    return text.toStdString();
}

} // namespace

class TestAddresses : public QObject
{
    Q_OBJECT

private slots:
    void guidParse_data();
    void guidParse();
    void guidParseFillsWindowsLayout();
    void guidGenerateIsRandomVersion4();
    void guidNullAndHash();

    void ipAddressParse_data();
    void ipAddressParse();
    void ipAddressValues();

    void ipPrefixParse_data();
    void ipPrefixParse();
    void ipPrefixArithmetic_data();
    void ipPrefixArithmetic();
    void ipPrefixContains_data();
    void ipPrefixContains();
    void ipPrefixOverlaps_data();
    void ipPrefixOverlaps();

    void macParse_data();
    void macParse();
    void macValueAndMulticast();
};

// ---- Guid ----------------------------------------------------------------------------------------

void TestAddresses::guidParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("allowBraces");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("canonical");

    const QString upper = "4B8B5DB0-1C2D-4E5F-8A9B-0C1D2E3F4A5B";
    const QString lower = upper.toLower();
    QTest::newRow("upper-case is written lower-case, as HCN v2 output spells it")
        << upper << false << true << lower;
    QTest::newRow("lower-case") << lower << false << true << lower;
    QTest::newRow("mixed case") << "4b8B5db0-1C2d-4E5f-8a9B-0c1D2e3F4a5B" << false << true << lower;
    QTest::newRow("all zero") << "00000000-0000-0000-0000-000000000000" << false << true
                              << "00000000-0000-0000-0000-000000000000";
    QTest::newRow("braces refused by default") << "{" + upper + "}" << false << false << "";
    QTest::newRow("braces accepted when allowed") << "{" + upper + "}" << true << true << lower;
    QTest::newRow("bare accepted when braces allowed") << upper << true << true << lower;
    QTest::newRow("unbalanced brace") << "{" + upper << true << false << "";
    QTest::newRow("closing brace only") << upper + "}" << true << false << "";
    QTest::newRow("empty") << "" << false << false << "";
    QTest::newRow("no dashes") << "4B8B5DB01C2D4E5F8A9B0C1D2E3F4A5B" << false << false << "";
    QTest::newRow("dash misplaced") << "4B8B5DB-01C2D-4E5F-8A9B-0C1D2E3F4A5B" << false << false << "";
    QTest::newRow("non-hex digit") << "4B8B5DB0-1C2D-4E5F-8A9B-0C1D2E3F4A5G" << false << false << "";
    QTest::newRow("one digit short") << "4B8B5DB0-1C2D-4E5F-8A9B-0C1D2E3F4A5" << false << false << "";
    QTest::newRow("one digit long") << "4B8B5DB0-1C2D-4E5F-8A9B-0C1D2E3F4A5B0" << false << false << "";
    QTest::newRow("leading space") << " 4B8B5DB0-1C2D-4E5F-8A9B-0C1D2E3F4A5" << false << false << "";
    QTest::newRow("sign inside a group") << "+B8B5DB0-1C2D-4E5F-8A9B-0C1D2E3F4A5B" << false << false << "";
}

void TestAddresses::guidParse()
{
    QFETCH(QString, text);
    QFETCH(bool, allowBraces);
    QFETCH(bool, valid);
    QFETCH(QString, canonical);

    const auto guid = Guid::parse(str(text), allowBraces);
    QCOMPARE(guid.has_value(), valid);
    if (valid) {
        QCOMPARE(qs(guid->toString()), canonical);
        QCOMPARE(qs(guid->toString(GuidCase::Lower)), canonical);
        QCOMPARE(qs(guid->toString(GuidCase::Upper)), canonical.toUpper()); // v1 (Get-Hns*) spelling
    }
}

void TestAddresses::guidParseFillsWindowsLayout()
{
    const auto guid = Guid::parse("01234567-89ab-cdef-0123-456789ABCDEF");
    QVERIFY(guid);
    QCOMPARE(guid->data1, 0x01234567u);
    QCOMPARE(guid->data2, std::uint16_t(0x89AB));
    QCOMPARE(guid->data3, std::uint16_t(0xCDEF));
    const std::array<std::uint8_t, 8> data4{0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF};
    QVERIFY(guid->data4 == data4);
}

void TestAddresses::guidGenerateIsRandomVersion4()
{
    std::set<Guid> seen;
    for (int i = 0; i < 1000; ++i) {
        const Guid guid = Guid::generate();
        QVERIFY(!guid.isNull());
        QCOMPARE(guid.data3 >> 12, 4);        // version 4
        QCOMPARE(guid.data4[0] & 0xC0, 0x80); // RFC 4122 variant
        QCOMPARE(Guid::parse(guid.toString()), std::optional<Guid>(guid));
        QVERIFY2(seen.insert(guid).second, "generate() repeated a GUID");
    }
}

void TestAddresses::guidNullAndHash()
{
    QVERIFY(Guid{}.isNull());
    QVERIFY(!Guid::parse("00000000-0000-0000-0000-000000000001")->isNull());

    const auto lower = Guid::parse("4b8b5db0-1c2d-4e5f-8a9b-0c1d2e3f4a5b");
    const auto upper = Guid::parse("4B8B5DB0-1C2D-4E5F-8A9B-0C1D2E3F4A5B");
    QCOMPARE(lower, upper);
    QCOMPARE(std::hash<Guid>{}(*lower), std::hash<Guid>{}(*upper));

    std::unordered_set<Guid> ids{*lower, *upper, Guid{}};
    QCOMPARE(ids.size(), std::size_t(2));
}

// ---- IpAddress -----------------------------------------------------------------------------------

void TestAddresses::ipAddressParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<bool>("v4");

    QTest::newRow("v4 plain") << "10.0.0.1" << true << "10.0.0.1" << true;
    QTest::newRow("v4 zero") << "0.0.0.0" << true << "0.0.0.0" << true;
    QTest::newRow("v4 all ones") << "255.255.255.255" << true << "255.255.255.255" << true;
    QTest::newRow("v4 octet over 255") << "10.0.0.256" << false << "" << true;
    QTest::newRow("v4 leading zero is not octal") << "10.0.0.010" << false << "" << true;
    QTest::newRow("v4 double zero") << "10.00.0.1" << false << "" << true;
    QTest::newRow("v4 missing octet") << "10.0.1" << false << "" << true;
    QTest::newRow("v4 extra octet") << "10.0.0.1.5" << false << "" << true;
    QTest::newRow("v4 empty octet") << "10..0.1" << false << "" << true;
    QTest::newRow("v4 trailing dot") << "10.0.0.1." << false << "" << true;
    QTest::newRow("v4 single number") << "167772161" << false << "" << true;
    QTest::newRow("v4 hex octet") << "0x0A.0.0.1" << false << "" << true;
    QTest::newRow("v4 sign") << "+10.0.0.1" << false << "" << true;
    QTest::newRow("v4 space") << "10.0.0.1 " << false << "" << true;
    QTest::newRow("v4 four digit octet") << "10.0.0.0001" << false << "" << true;
    QTest::newRow("empty") << "" << false << "" << true;

    QTest::newRow("v6 unspecified") << "::" << true << "::" << false;
    QTest::newRow("v6 loopback") << "::1" << true << "::1" << false;
    QTest::newRow("v6 full form is compressed")
        << "2001:0db8:0000:0000:0000:0000:0000:0001" << true << "2001:db8::1" << false;
    QTest::newRow("v6 upper-case is lowered") << "FD00::ABCD" << true << "fd00::abcd" << false;
    QTest::newRow("v6 trailing run") << "fe80::" << true << "fe80::" << false;
    QTest::newRow("v6 longest run wins") << "2001:db8:0:0:1:0:0:0" << true << "2001:db8:0:0:1::" << false;
    QTest::newRow("v6 first run wins a tie") << "2001:0:0:1:0:0:1:1" << true << "2001::1:0:0:1:1" << false;
    QTest::newRow("v6 single zero group stays")
        << "2001:db8:0:1:1:1:1:1" << true << "2001:db8:0:1:1:1:1:1" << false;
    QTest::newRow("v6 :: for one group") << "1:2:3:4:5:6:7::" << true << "1:2:3:4:5:6:7:0" << false;
    QTest::newRow("v6 no zeros") << "1:2:3:4:5:6:7:8" << true << "1:2:3:4:5:6:7:8" << false;
    QTest::newRow("v6 v4-mapped keeps dotted tail")
        << "::FFFF:10.0.0.1" << true << "::ffff:10.0.0.1" << false;
    QTest::newRow("v6 other v4 tail is printed in hex")
        << "64:ff9b::1.2.3.4" << true << "64:ff9b::102:304" << false;
    QTest::newRow("v6 full v4 tail") << "1:2:3:4:5:6:1.2.3.4" << true << "1:2:3:4:5:6:102:304" << false;
    QTest::newRow("v6 triple colon") << ":::" << false << "" << false;
    QTest::newRow("v6 two gaps") << "1::2::3" << false << "" << false;
    QTest::newRow("v6 five digit group") << "12345::" << false << "" << false;
    QTest::newRow("v6 nine groups") << "1:2:3:4:5:6:7:8:9" << false << "" << false;
    QTest::newRow("v6 seven groups") << "1:2:3:4:5:6:7" << false << "" << false;
    QTest::newRow("v6 gap with eight groups") << "1:2:3:4:5:6:7:8::" << false << "" << false;
    QTest::newRow("v6 gap with eight groups inside") << "1:2:3:4::5:6:7:8" << false << "" << false;
    QTest::newRow("v6 leading single colon") << ":1::" << false << "" << false;
    QTest::newRow("v6 trailing single colon") << "1::2:" << false << "" << false;
    QTest::newRow("v6 non-hex") << "g::1" << false << "" << false;
    QTest::newRow("v6 zone id") << "fe80::1%eth0" << false << "" << false;
    QTest::newRow("v6 short v4 tail") << "::1.2.3" << false << "" << false;
    QTest::newRow("v6 v4 tail with leading zero") << "::ffff:1.2.3.04" << false << "" << false;
    QTest::newRow("v6 v4 before gap") << "1.2.3.4::" << false << "" << false;
    QTest::newRow("v6 v4 tail in the middle") << "::1.2.3.4:1" << false << "" << false;
    QTest::newRow("v6 v4 tail makes nine groups") << "1:2:3:4:5:6:7:1.2.3.4" << false << "" << false;
}

void TestAddresses::ipAddressParse()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, canonical);
    QFETCH(bool, v4);

    const auto address = IpAddress::parse(str(text));
    QCOMPARE(address.has_value(), valid);
    if (!valid)
        return;
    QCOMPARE(qs(address->toString()), canonical);
    QCOMPARE(address->isV4(), v4);
    QCOMPARE(address->bitWidth(), v4 ? 32 : 128);
    // The canonical text reads back as the same address.
    QCOMPARE(IpAddress::parse(address->toString()), address);
}

void TestAddresses::ipAddressValues()
{
    QCOMPARE(IpAddress::parse("10.0.0.1"), std::optional(IpAddress::fromV4(0x0A000001)));
    QVERIFY(IpAddress::parse("10.0.0.1")->value() == 0x0A000001);
    QVERIFY(IpAddress::parse("::1")->value() == 1);
    QVERIFY((IpAddress::parse("8000::")->value() >> 127) == 1);
    // Same number, different family: different addresses.
    QVERIFY(IpAddress::fromV4(1) != IpAddress::fromValue(IpFamily::V6, 1));
    QVERIFY(IpAddress::fromV4(0xFFFFFFFF) < IpAddress::fromValue(IpFamily::V6, 0));
    // fromValue keeps an IPv4 value inside 32 bits.
    QCOMPARE(IpAddress::fromValue(IpFamily::V4, (Uint128(1) << 40) | 0x0A000001),
             IpAddress::fromV4(0x0A000001));
    QVERIFY(IpAddress::fromV4(0x0A000001) < IpAddress::fromV4(0x0A000002));
    QCOMPARE(std::hash<IpAddress>{}(*IpAddress::parse("fd00::1")),
             std::hash<IpAddress>{}(*IpAddress::parse("FD00:0:0::1")));
}

// ---- IpPrefix ------------------------------------------------------------------------------------

void TestAddresses::ipPrefixParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("allowHostBits");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<QString>("address");

    QTest::newRow("v4 network") << "10.0.0.0/24" << false << true << "10.0.0.0/24"
                                << "10.0.0.0";
    QTest::newRow("v4 host bits refused") << "10.0.0.4/24" << false << false << ""
                                          << "";
    QTest::newRow("v4 host bits kept when allowed") << "10.0.0.4/24" << true << true << "10.0.0.0/24"
                                                    << "10.0.0.4";
    QTest::newRow("v4 /0") << "0.0.0.0/0" << false << true << "0.0.0.0/0"
                           << "0.0.0.0";
    QTest::newRow("v4 /32") << "10.1.2.3/32" << false << true << "10.1.2.3/32"
                            << "10.1.2.3";
    QTest::newRow("v4 /33 too long") << "10.1.2.3/33" << true << false << ""
                                     << "";
    QTest::newRow("v4 negative length") << "10.0.0.0/-1" << true << false << ""
                                        << "";
    QTest::newRow("v4 length with leading zero") << "10.0.0.0/08" << true << false << ""
                                                 << "";
    QTest::newRow("v4 missing length") << "10.0.0.0/" << true << false << ""
                                       << "";
    QTest::newRow("v4 no slash") << "10.0.0.0" << true << false << ""
                                 << "";
    QTest::newRow("v4 two slashes") << "10.0.0.0/8/8" << true << false << ""
                                    << "";
    QTest::newRow("v4 bad address") << "10.0.0/8" << true << false << ""
                                    << "";
    QTest::newRow("v4 length not a number") << "10.0.0.0/x" << true << false << ""
                                            << "";
    QTest::newRow("v6 network") << "FD00:0::/64" << false << true << "fd00::/64"
                                << "fd00::";
    QTest::newRow("v6 host bits refused") << "fd00::4/64" << false << false << ""
                                          << "";
    QTest::newRow("v6 host bits kept when allowed") << "fd00::4/64" << true << true << "fd00::/64"
                                                    << "fd00::4";
    QTest::newRow("v6 /128") << "::1/128" << false << true << "::1/128"
                             << "::1";
    QTest::newRow("v6 /129 too long") << "::/129" << false << false << ""
                                      << "";
    QTest::newRow("v6 /0") << "::/0" << false << true << "::/0"
                           << "::";
    QTest::newRow("v6 /33 is fine") << "2001:db8::/33" << false << true << "2001:db8::/33"
                                    << "2001:db8::";
}

void TestAddresses::ipPrefixParse()
{
    QFETCH(QString, text);
    QFETCH(bool, allowHostBits);
    QFETCH(bool, valid);
    QFETCH(QString, canonical);
    QFETCH(QString, address);

    const auto prefix = IpPrefix::parse(str(text), allowHostBits);
    QCOMPARE(prefix.has_value(), valid);
    if (!valid)
        return;
    QCOMPARE(qs(prefix->toString()), canonical);
    QCOMPARE(qs(prefix->address().toString()), address);
}

void TestAddresses::ipPrefixArithmetic_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("network");
    QTest::addColumn<QString>("last");
    QTest::addColumn<quint64>("size");

    QTest::newRow("v4 /24 broadcast") << "192.168.1.77/24"
                                      << "192.168.1.0"
                                      << "192.168.1.255" << quint64(256);
    QTest::newRow("v4 /20 NAT prefix") << "172.29.144.0/20"
                                       << "172.29.144.0"
                                       << "172.29.159.255" << quint64(4096);
    QTest::newRow("v4 /31") << "10.0.0.1/31"
                            << "10.0.0.0"
                            << "10.0.0.1" << quint64(2);
    QTest::newRow("v4 /32") << "10.0.0.1/32"
                            << "10.0.0.1"
                            << "10.0.0.1" << quint64(1);
    QTest::newRow("v4 /0") << "1.2.3.4/0"
                           << "0.0.0.0"
                           << "255.255.255.255" << (quint64(1) << 32);
    QTest::newRow("v6 /120") << "fd00::1:2/120"
                             << "fd00::1:0"
                             << "fd00::1:ff" << quint64(256);
    QTest::newRow("v6 /65") << "fd00::/65"
                            << "fd00::"
                            << "fd00::7fff:ffff:ffff:ffff" << (quint64(1) << 63);
    QTest::newRow("v6 /64 saturates") << "fd00::/64"
                                      << "fd00::"
                                      << "fd00::ffff:ffff:ffff:ffff" << std::numeric_limits<quint64>::max();
    QTest::newRow("v6 /0 saturates") << "::/0"
                                     << "::"
                                     << "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"
                                     << std::numeric_limits<quint64>::max();
    QTest::newRow("v6 /128") << "fd00::9/128"
                             << "fd00::9"
                             << "fd00::9" << quint64(1);
}

void TestAddresses::ipPrefixArithmetic()
{
    QFETCH(QString, text);
    QFETCH(QString, network);
    QFETCH(QString, last);
    QFETCH(quint64, size);

    const auto prefix = IpPrefix::parse(str(text), true);
    QVERIFY(prefix);
    QCOMPARE(qs(prefix->network().toString()), network);
    QCOMPARE(qs(prefix->last().toString()), last);
    QCOMPARE(quint64(prefix->size()), size);
}

void TestAddresses::ipPrefixContains_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("contains");

    QTest::newRow("v4 network address") << "10.0.0.0/24"
                                        << "10.0.0.0" << true;
    QTest::newRow("v4 broadcast address") << "10.0.0.0/24"
                                          << "10.0.0.255" << true;
    QTest::newRow("v4 next subnet") << "10.0.0.0/24"
                                    << "10.0.1.0" << false;
    QTest::newRow("v4 previous subnet") << "10.0.1.0/24"
                                        << "10.0.0.255" << false;
    QTest::newRow("v4 /0 holds all") << "0.0.0.0/0"
                                     << "203.0.113.9" << true;
    QTest::newRow("v4 /32 holds itself") << "10.0.0.7/32"
                                         << "10.0.0.7" << true;
    QTest::newRow("v4 /32 only itself") << "10.0.0.7/32"
                                        << "10.0.0.6" << false;
    QTest::newRow("v4 prefix never holds v6") << "0.0.0.0/0"
                                              << "::" << false;
    QTest::newRow("v6 prefix never holds v4") << "::/0"
                                              << "0.0.0.0" << false;
    QTest::newRow("v6 inside") << "fd00::/64"
                               << "fd00::ffff:1" << true;
    QTest::newRow("v6 outside") << "fd00::/64"
                                << "fd00:0:0:1::1" << false;
}

void TestAddresses::ipPrefixContains()
{
    QFETCH(QString, prefix);
    QFETCH(QString, address);
    QFETCH(bool, contains);

    const auto p = IpPrefix::parse(str(prefix));
    const auto a = IpAddress::parse(str(address));
    QVERIFY(p && a);
    QCOMPARE(p->contains(*a), contains);
}

void TestAddresses::ipPrefixOverlaps_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    QTest::addColumn<bool>("overlaps");

    QTest::newRow("identical") << "10.0.0.0/24"
                               << "10.0.0.0/24" << true;
    QTest::newRow("nested") << "10.0.0.0/16"
                            << "10.0.5.0/24" << true;
    QTest::newRow("adjacent") << "10.0.0.0/24"
                              << "10.0.1.0/24" << false;
    QTest::newRow("disjoint") << "172.16.0.0/12"
                              << "192.168.0.0/16" << false;
    QTest::newRow("default route overlaps all") << "0.0.0.0/0"
                                                << "192.168.0.0/16" << true;
    QTest::newRow("host inside") << "10.0.0.0/24"
                                 << "10.0.0.9/32" << true;
    QTest::newRow("v6 nested") << "fd00::/48"
                               << "fd00:0:0:7::/64" << true;
    QTest::newRow("v6 adjacent") << "fd00::/64"
                                 << "fd00:0:0:1::/64" << false;
    QTest::newRow("families never overlap") << "0.0.0.0/0"
                                            << "::/0" << false;
}

void TestAddresses::ipPrefixOverlaps()
{
    QFETCH(QString, first);
    QFETCH(QString, second);
    QFETCH(bool, overlaps);

    const auto a = IpPrefix::parse(str(first));
    const auto b = IpPrefix::parse(str(second));
    QVERIFY(a && b);
    QCOMPARE(a->overlaps(*b), overlaps);
    QCOMPARE(b->overlaps(*a), overlaps); // symmetric
}

// ---- MacAddress ----------------------------------------------------------------------------------

void TestAddresses::macParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("canonical");

    QTest::newRow("dash upper-case") << "00-15-5D-52-C0-00" << true << "00-15-5D-52-C0-00";
    QTest::newRow("dash lower-case") << "00-15-5d-52-c0-0a" << true << "00-15-5D-52-C0-0A";
    QTest::newRow("colon lower-case") << "00:15:5d:52:c0:00" << true << "00-15-5D-52-C0-00";
    QTest::newRow("colon mixed case") << "0e:2A:Ff:00:01:bC" << true << "0E-2A-FF-00-01-BC";
    QTest::newRow("broadcast") << "FF-FF-FF-FF-FF-FF" << true << "FF-FF-FF-FF-FF-FF";
    QTest::newRow("mixed separators") << "00-15-5D:52-C0-00" << false << "";
    QTest::newRow("colon then dash") << "00:15:5D:52:C0-00" << false << "";
    QTest::newRow("dot separator") << "00.15.5D.52.C0.00" << false << "";
    QTest::newRow("no separators") << "00155D52C000" << false << "";
    QTest::newRow("five groups") << "00-15-5D-52-C0" << false << "";
    QTest::newRow("seven groups") << "00-15-5D-52-C0-00-01" << false << "";
    QTest::newRow("single-digit group") << "0-15-5D-52-C0-00" << false << "";
    QTest::newRow("three-digit group") << "000-15-5D-52-C0-0" << false << "";
    QTest::newRow("non-hex digit") << "00-15-5D-52-C0-0G" << false << "";
    QTest::newRow("trailing space") << "00-15-5D-52-C0-00 " << false << "";
    QTest::newRow("empty") << "" << false << "";
}

void TestAddresses::macParse()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, canonical);

    const auto mac = MacAddress::parse(str(text));
    QCOMPARE(mac.has_value(), valid);
    if (valid) {
        QCOMPARE(qs(mac->toString()), canonical);
        QCOMPARE(MacAddress::parse(mac->toString()), mac);
    }
}

void TestAddresses::macValueAndMulticast()
{
    QCOMPARE(MacAddress::parse("00-15-5D-52-C0-01")->value(), quint64(0x00155D52C001));
    QCOMPARE(qs(MacAddress(0x0E2A00000001).toString()), QString("0E-2A-00-00-00-01"));
    // The constructor keeps only 48 bits.
    QCOMPARE(MacAddress(0xAB00155D52C001).value(), quint64(0x00155D52C001));
    QVERIFY(MacAddress::parse("01-00-5E-00-00-01")->isMulticast());
    QVERIFY(!MacAddress::parse("00-15-5D-00-00-01")->isMulticast());
    QVERIFY(MacAddress(0x00155D000001) < MacAddress(0x00155D000002));
}

QTEST_GUILESS_MAIN(TestAddresses)
#include "tst_addresses.moc"
