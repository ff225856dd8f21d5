// Redaction (hcn/redaction.h, docs/bundles.md): prefix-preserving addresses, kept ranges, consistent MACs,
// GUIDs and names, free text, and keys.

#include "hcn/ip_address.h"
#include "hcn/redaction.h"

#include <QTest>

#include <nlohmann/json.hpp>
#include <set>

using hcn::IpAddress;
using hcn::io::NameKind;
using hcn::io::RedactionKey;
using hcn::io::Redactor;

namespace {

RedactionKey keyOf(const char* text)
{
    return *RedactionKey::fromText(text);
}

int commonBits(const IpAddress& a, const IpAddress& b)
{
    const int width = a.bitWidth();
    int n = 0;
    while (n < width && ((a.value() >> (width - 1 - n)) & 1) == ((b.value() >> (width - 1 - n)) & 1))
        ++n;
    return n;
}

/// `a` with bit `bit` (from the left) flipped and every bit after it set from `pattern`.
IpAddress divergeAt(const IpAddress& a, int bit, hcn::Uint128 pattern)
{
    const int width = a.bitWidth();
    if (bit >= width)
        return a;
    const hcn::Uint128 all = width == 128 ? ~hcn::Uint128(0) : ((hcn::Uint128(1) << width) - 1);
    const hcn::Uint128 low = bit + 1 >= width ? hcn::Uint128(0) : (all >> (bit + 1));
    hcn::Uint128 v = a.value() ^ (hcn::Uint128(1) << (width - 1 - bit));
    v = (v & ~low) | (pattern & low);
    return IpAddress::fromValue(a.family(), v & all);
}

} // namespace

class RedactionTest : public QObject
{
    Q_OBJECT

private slots:
    void prefixPreserved_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<int>("shared");
        for (int bits : {0, 1, 5, 8, 12, 16, 23, 24, 31, 32})
            QTest::addRow("ipv4 sharing %d bits", bits) << "10.20.30.40" << bits;
        for (int bits : {0, 1, 16, 48, 64, 100, 127, 128})
            QTest::addRow("ipv6 sharing %d bits", bits) << "2001:db8:1234:5678:9abc:def0:1234:5678" << bits;
        QTest::addRow("private ipv4 sharing 20 bits") << "172.28.160.7" << 20;
        QTest::addRow("unique local ipv6 sharing 64 bits") << "fd00:10:244:1::7" << 64;
    }
    void prefixPreserved()
    {
        QFETCH(QString, address);
        QFETCH(int, shared);
        Redactor redactor(keyOf("prefix test key"));
        const IpAddress a = *IpAddress::parse(address.toStdString());
        for (hcn::Uint128 pattern : {hcn::Uint128(0), ~hcn::Uint128(0), hcn::Uint128(0x5A5A5A5A5A5Aull)}) {
            const IpAddress b = divergeAt(a, shared, pattern);
            QCOMPARE(commonBits(a, b), shared);
            const IpAddress ra = *IpAddress::parse(*redactor.address(a.toString()));
            const IpAddress rb = *IpAddress::parse(*redactor.address(b.toString()));
            QCOMPARE(commonBits(ra, rb), shared);
            QVERIFY(ra != a || shared == a.bitWidth());
        }
    }

    void gatewayStaysInsideSubnet_data()
    {
        QTest::addColumn<QString>("subnet");
        QTest::addColumn<QString>("gateway");
        QTest::newRow("nat /20") << "172.28.160.0/20" << "172.28.160.1";
        QTest::newRow("overlay /24") << "10.244.1.0/24" << "10.244.1.1";
        QTest::newRow("/16") << "10.0.0.0/16" << "10.0.255.254";
        QTest::newRow("ipv6 /64") << "fd00:10:244:1::/64" << "fd00:10:244:1::1";
    }
    void gatewayStaysInsideSubnet()
    {
        QFETCH(QString, subnet);
        QFETCH(QString, gateway);
        Redactor redactor(keyOf("subnet key"));
        const std::string mappedSubnet = *redactor.prefix(subnet.toStdString());
        const auto prefix = hcn::IpPrefix::parse(mappedSubnet); // host bits stay zero: a valid prefix
        QVERIFY2(prefix.has_value(), mappedSubnet.c_str());
        QCOMPARE(prefix->length(), hcn::IpPrefix::parse(subnet.toStdString())->length());
        QVERIFY(mappedSubnet != subnet.toStdString());
        const auto mappedGateway = IpAddress::parse(*redactor.address(gateway.toStdString()));
        QVERIFY(prefix->contains(*mappedGateway));
        // The same subnet inside free text maps the same way.
        QCOMPARE(redactor.text("subnet " + subnet.toStdString() + "."), "subnet " + mappedSubnet + ".");
    }

    void specialRangesKept_data()
    {
        QTest::addColumn<QString>("address");
        for (const char* a : {"0.0.0.0", "255.255.255.255", "255.255.240.0", "127.0.0.1", "169.254.10.20",
                              "224.0.0.251", "::", "::1", "fe80::215:5dff:fe01:203", "ff02::1"})
            QTest::newRow(a) << a;
    }
    void specialRangesKept()
    {
        QFETCH(QString, address);
        Redactor redactor(keyOf("special"));
        QCOMPARE(QString::fromStdString(*redactor.address(address.toStdString())), address);
    }

    void ordinaryAddressesLeaveSpecialRanges()
    {
        // No address outside the kept ranges is mapped into one (nor onto another's pseudonym).
        Redactor redactor(keyOf("into special"));
        std::set<std::uint32_t> seen;
        for (std::uint32_t a = 0x0A000000; a < 0x0A000000 + 4096; ++a) {
            const std::uint32_t m = redactor.ipv4(a);
            QVERIFY(seen.insert(m).second);
            const std::uint32_t top = m >> 24;
            QVERIFY(top != 0 && top != 127 && top < 224 && (m >> 16) != 0xA9FE);
        }
    }

    void macsConsistentAndKeepTheirBits_data()
    {
        QTest::addColumn<QString>("mac");
        QTest::newRow("hyper-v") << "00-15-5D-52-C0-0A";
        QTest::newRow("local unicast") << "02-42-AC-11-00-02";
        QTest::newRow("multicast") << "01-00-5E-00-00-FB";
    }
    void macsConsistentAndKeepTheirBits()
    {
        QFETCH(QString, mac);
        Redactor redactor(keyOf("mac key"));
        const std::string upper = mac.toStdString();
        const std::string mapped = *redactor.address(upper);
        QVERIFY(mapped != upper);
        QCOMPARE(mapped.size(), std::size_t(17));
        QCOMPARE(mapped[2], '-');
        // Same MAC in lower case with colons: the same pseudonym, in that spelling.
        std::string colons = mac.toLower().replace('-', ':').toStdString();
        QCOMPARE(QString::fromStdString(*redactor.address(colons)), QString::fromStdString(mapped).toLower().replace('-', ':'));
        const int first = std::stoi(upper.substr(0, 2), nullptr, 16);
        const int mappedFirst = std::stoi(mapped.substr(0, 2), nullptr, 16);
        QCOMPARE(mappedFirst & 0x03, first & 0x03); // group and locally administered bits kept
        QCOMPARE(*redactor.address("FF-FF-FF-FF-FF-FF"), std::string("FF-FF-FF-FF-FF-FF"));
    }

    void guidsConsistentInAnySpelling()
    {
        Redactor redactor(keyOf("guid key"));
        const std::string upper = *redactor.address("5A1C2E7B-3B0D-4C52-9D7E-0A6E4C1B2F01");
        QVERIFY(upper != "5A1C2E7B-3B0D-4C52-9D7E-0A6E4C1B2F01");
        QCOMPARE(*redactor.address("5a1c2e7b-3b0d-4c52-9d7e-0a6e4c1b2f01"), QString::fromStdString(upper).toLower().toStdString());
        QCOMPARE(*redactor.address("{5A1C2E7B-3B0D-4C52-9D7E-0A6E4C1B2F01}"), "{" + upper + "}");
        QCOMPARE(redactor.text("endpoint 5a1c2e7b-3b0d-4c52-9d7e-0a6e4c1b2f01 failed"),
                 "endpoint " + QString::fromStdString(upper).toLower().toStdString() + " failed");
        QVERIFY(*redactor.address("8D3F6A92-1E4B-4F7C-A25D-6B9C0E1D3F02") != upper);
    }

    void namesGetPseudonymsByKind()
    {
        Redactor redactor(keyOf("names"));
        QCOMPARE(redactor.name(NameKind::Network, "nat"), std::string("network-1"));
        QCOMPARE(redactor.name(NameKind::Network, "vxlan0"), std::string("network-2"));
        QCOMPARE(redactor.name(NameKind::Endpoint, "nginx-7c5ddbdf54-4tq9r"), std::string("endpoint-1"));
        QCOMPARE(redactor.name(NameKind::Network, "nat"), std::string("network-1"));
        QCOMPARE(redactor.name(NameKind::Dns, "svc.cluster.local"), std::string("dns-1.example"));
        QCOMPARE(redactor.name(NameKind::LoadBalancer, "web-api (DSR)"), std::string("loadbalancer-1"));
    }

    void freeTextScanned_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("gone");
        QTest::newRow("error message") << "HNS failed: endpoint nginx-7c5ddbdf54-4tq9r on network nat has IP 10.244.1.7."
                                       << QStringList{"nginx-7c5ddbdf54-4tq9r", " nat ", "10.244.1.7"};
        QTest::newRow("name with an address") << "remote-10.244.2.7 vanished" << QStringList{"10.244.2.7", "remote-"};
        QTest::newRow("dns names") << "search pod.svc.cluster.local, svc.cluster.local"
                                   << QStringList{"cluster.local"};
        QTest::newRow("spaced name") << "load balancer web-api (DSR) has no backends" << QStringList{"web-api", "DSR"};
        QTest::newRow("mac and v6") << "mac 00:15:5d:52:c0:0a at fd00:10:244:1::7/64"
                                    << QStringList{"00:15:5d:52:c0:0a", "fd00:10:244:1::7"};
        QTest::newRow("unknown address after dash") << "pod-10.1.2.3 and 192.168.5.9" << QStringList{"10.1.2.3", "192.168.5.9"};
    }
    void freeTextScanned()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, gone);
        Redactor redactor(keyOf("text"));
        redactor.name(NameKind::Endpoint, "nginx-7c5ddbdf54-4tq9r");
        redactor.name(NameKind::Network, "nat");
        redactor.name(NameKind::Endpoint, "remote-10.244.2.7");
        redactor.name(NameKind::Dns, "svc.cluster.local");
        redactor.name(NameKind::Dns, "cluster.local");
        redactor.name(NameKind::LoadBalancer, "web-api (DSR)");
        const QString out = QString::fromStdString(redactor.text(text.toStdString()));
        for (const QString& g : gone)
            QVERIFY2(!out.contains(g), qPrintable(out));
        // Consistent: the same text twice gives the same result.
        QCOMPARE(QString::fromStdString(redactor.text(text.toStdString())), out);
        // Words that are neither names nor addresses stay.
        QVERIFY2(out.startsWith(text.section(' ', 0, 0)) || text.startsWith("remote") || text.startsWith("pod"),
                 qPrintable(out));
    }

    void textWithoutSensitiveDataUnchanged()
    {
        Redactor redactor(keyOf("plain"));
        redactor.name(NameKind::Network, "nat");
        for (const char* text : {"HNS version 15.4, build 10.0.17763.1", "time 12:30:45", "OutBoundNAT policy",
                                 "port 8080 -> 80", "natural"})
            QCOMPARE(redactor.text(text), std::string(text));
    }

    void sameKeySameOutputDifferentKeyDifferent()
    {
        const std::string text = "10.244.1.7 00-15-5D-52-C0-0A 5A1C2E7B-3B0D-4C52-9D7E-0A6E4C1B2F01 fd00::7";
        Redactor a(keyOf("0123456789abcdef0123456789abcdef"));
        Redactor b(keyOf("0123456789abcdef0123456789abcdef"));
        Redactor c(keyOf("fedcba9876543210fedcba9876543210"));
        QCOMPARE(a.text(text), b.text(text));
        QVERIFY(a.text(text) != c.text(text));
        Redactor random1, random2;
        QVERIFY(random1.text(text) != random2.text(text));
        QCOMPARE(a.key().toHex(), std::string("0123456789abcdef0123456789abcdef"));
        QVERIFY(!RedactionKey::fromText("  \n").ok());
    }

    void rangesKeepTheirSize()
    {
        Redactor redactor(keyOf("ranges"));
        auto [start, end] = *redactor.range("10.0.0.2", "10.0.255.254");
        const auto s = IpAddress::parse(start), e = IpAddress::parse(end);
        QCOMPARE(e->value() - s->value(), hcn::Uint128(0xFFFC));
        QVERIFY(hcn::IpPrefix::parse(*redactor.prefix("10.0.0.0/16"))->contains(*s));
        auto [macStart, macEnd] = *redactor.range("00-15-5D-52-C0-00", "00-15-5D-52-CF-FF");
        // 00-15-5D-52-C0-00 .. 00-15-5D-52-CF-FF is the block of 12 host bits: they stay.
        QCOMPARE(macStart.substr(13), std::string("0-00"));
        QCOMPARE(macEnd.substr(13), std::string("F-FF"));
        QCOMPARE(macStart.substr(0, 13), macEnd.substr(0, 13));
        // The pool's members map inside the mapped pool.
        const std::string member = *redactor.address("00-15-5D-52-C3-4A");
        QVERIFY(member >= macStart && member <= macEnd);
    }

    void snapshotDocumentRedacted()
    {
        nlohmann::json snapshot = nlohmann::json::parse(R"({
          "Networks": [{"ID": "5A1C2E7B-3B0D-4C52-9D7E-0A6E4C1B2F01", "Name": "nat", "Type": "NAT",
                        "Ipams": [{"Subnets": [{"IpAddressPrefix": "172.28.160.0/20",
                                   "Routes": [{"NextHop": "172.28.160.1", "DestinationPrefix": "0.0.0.0/0"}]}]}],
                        "Dns": {"Domain": "corp.example.com", "Search": ["corp.example.com"]}}],
          "Endpoints": [{"ID": "11111111-2222-4333-8444-555555555555", "Name": "web",
                         "HostComputeNetwork": "5a1c2e7b-3b0d-4c52-9d7e-0a6e4c1b2f01",
                         "IpConfigurations": [{"IpAddress": "172.28.160.7"}], "MacAddress": "00-15-5D-52-C0-07"}],
          "Import": {"Messages": [{"Message": "endpoint web on nat at 172.28.160.7 in corp.example.com"}]}
        })");
        Redactor redactor(keyOf("doc"));
        redactor.redactSnapshot(snapshot);
        const std::string text = snapshot.dump();
        for (const char* original : {"5A1C2E7B", "5a1c2e7b", "\"nat\"", "172.28.", "corp.example.com", "\"web\"",
                                     "00-15-5D-52-C0-07", "11111111"})
            QVERIFY2(text.find(original) == std::string::npos, original);
        QCOMPARE(snapshot["Networks"][0]["Type"].get<std::string>(), std::string("NAT"));
        QCOMPARE(snapshot["Networks"][0]["Ipams"][0]["Subnets"][0]["Routes"][0]["DestinationPrefix"].get<std::string>(),
                 std::string("0.0.0.0/0"));
        // References stay references (case as written).
        QCOMPARE(QString::fromStdString(snapshot["Endpoints"][0]["HostComputeNetwork"].get<std::string>()).toUpper(),
                 QString::fromStdString(snapshot["Networks"][0]["ID"].get<std::string>()));
        const auto mapping = redactor.mapping();
        QCOMPARE(mapping["Names"]["nat"].get<std::string>(), std::string("network-1"));
        QVERIFY(mapping["IPv4"].contains("172.28.160.7"));
        QVERIFY(mapping["GUID"].contains("5A1C2E7B-3B0D-4C52-9D7E-0A6E4C1B2F01"));
    }
};

QTEST_GUILESS_MAIN(RedactionTest)
#include "tst_redaction.moc"
