// IP protocols (common/ip_protocols.h) as HCN documents name them: what reads as a protocol, what
// does not and why, and the engine's stricter reading of a new ACL's Protocols. The engine's
// validation, the Linux datapath, the import's type check and the checks' facts all read them so.

#include "common/ip_protocols.h"
#include "hcn/schema_catalog.h"

#include <QTest>

Q_DECLARE_METATYPE(hcn::ProtocolProblem)

namespace {

/// "6,17", "any": the protocols as the tests write them.
QString shown(const std::vector<std::uint32_t>& numbers)
{
    if (numbers.empty())
        return QStringLiteral("any");
    QStringList parts;
    for (std::uint32_t n : numbers)
        parts << QString::number(n);
    return parts.join(',');
}

QStringList errorsOf(const hcn::ProtocolList& list)
{
    QStringList out;
    for (const hcn::ProtocolListError& e : list.errors)
        out << QString::fromStdString(e.element) + ": " +
                   QString::fromUtf8(hcn::describe(e.problem).data(),
                                     qsizetype(hcn::describe(e.problem).size()));
    return out;
}

hcn::ProtocolList read(const QString& text, hcn::ProtocolListRules rules = {})
{
    const QByteArray utf8 = text.toUtf8();
    return hcn::parseProtocolList(std::string_view(utf8.constData(), std::size_t(utf8.size())), rules);
}

} // namespace

class TestProtocols : public QObject
{
    Q_OBJECT

private slots:
    void readsLists_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("numbers");    ///< what the list matches; "any" for every protocol
        QTest::addColumn<QStringList>("errors"); ///< "element: why"

        QTest::newRow("one number") << "6"
                                    << "6" << QStringList{};
        QTest::newRow("two numbers") << "6,17"
                                     << "6,17" << QStringList{};
        QTest::newRow("blanks around elements") << " 6 ,\t17 "
                                                << "6,17" << QStringList{};
        QTest::newRow("leading zeros") << "006"
                                       << "6" << QStringList{};
        QTest::newRow("the highest protocol number") << "255"
                                                     << "255" << QStringList{};
        QTest::newRow("protocol 0 is a protocol") << "0"
                                                  << "0" << QStringList{};
        QTest::newRow("TCP and UDP by name") << "TCP,UDP"
                                             << "6,17" << QStringList{};
        QTest::newRow("names in any case") << "tcp,Udp"
                                           << "6,17" << QStringList{};
        QTest::newRow("ICMP is ICMPv4") << "ICMP,icmpv4"
                                        << "1,1" << QStringList{};
        QTest::newRow("IGMP and ICMPv6") << "IGMP,ICMPv6"
                                         << "2,58" << QStringList{};
        QTest::newRow("Unknown is protocol 0") << "Unknown"
                                               << "0" << QStringList{};
        QTest::newRow("names and numbers mixed") << "TCP, 17"
                                                 << "6,17" << QStringList{};
        QTest::newRow("empty: any protocol") << ""
                                             << "any" << QStringList{};
        QTest::newRow("blanks only: any protocol") << "  "
                                                   << "any" << QStringList{};
        QTest::newRow("256: any protocol") << "256"
                                           << "any" << QStringList{};
        QTest::newRow("256 among others: any protocol") << "6,256"
                                                        << "any" << QStringList{};
        QTest::newRow("duplicate commas name nothing") << "6,,17"
                                                       << "6,17" << QStringList{};
        QTest::newRow("a trailing comma names nothing") << "6,"
                                                        << "6" << QStringList{};

        QTest::newRow("above 256") << "257"
                                   << "any"
                                   << QStringList{"257: IP protocol numbers are 0-255; 256 is any protocol"};
        QTest::newRow("a large number")
            << "99999999999999999999"
            << "any"
            << QStringList{"99999999999999999999: IP protocol numbers are 0-255; 256 is any protocol"};
        QTest::newRow("any by name") << "Any"
                                     << "any" << QStringList{"Any: HNS writes any protocol as 256"};
        QTest::newRow("a star") << "*"
                                << "any" << QStringList{"*: HNS writes any protocol as 256"};
        QTest::newRow("a protocol HNS has no name for")
            << "SCTP"
            << "any" << QStringList{"SCTP: neither a protocol number nor a protocol's name"};
        QTest::newRow("a sign") << "+6"
                                << "any"
                                << QStringList{"+6: neither a protocol number nor a protocol's name"};
        QTest::newRow("a negative number")
            << "-1"
            << "any" << QStringList{"-1: neither a protocol number nor a protocol's name"};
        QTest::newRow("blanks inside a number")
            << "1 7"
            << "any" << QStringList{"1 7: neither a protocol number nor a protocol's name"};
        QTest::newRow("fullwidth digits")
            << QStringLiteral("\uFF16") << "any"
            << QStringList{QStringLiteral("\uFF16: neither a protocol number nor a protocol's name")};
        QTest::newRow("the valid elements stay, each bad one is named")
            << "6, SCTP ,17,300"
            << "6,17"
            << QStringList{"SCTP: neither a protocol number nor a protocol's name",
                           "300: IP protocol numbers are 0-255; 256 is any protocol"};
    }

    void readsLists()
    {
        QFETCH(QString, text);
        QFETCH(QString, numbers);
        QFETCH(QStringList, errors);
        const hcn::ProtocolList list = read(text);
        QCOMPARE(shown(list.numbers), numbers);
        QCOMPARE(errorsOf(list), errors);
        QCOMPARE(list.ok(), errors.isEmpty());
    }

    // The engine validates a new ACL's Protocols by HNS's rules: numbers 0-255 only, every element one.
    void readsAsTheEngineTakesANewAcl_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("numbers");
        QTest::addColumn<QStringList>("errors");

        QTest::newRow("numbers") << " 6, 17"
                                 << "6,17" << QStringList{};
        QTest::newRow("protocol 0") << "0"
                                    << "0" << QStringList{};
        QTest::newRow("255") << "255"
                             << "255" << QStringList{};
        QTest::newRow("a name is refused")
            << "TCP"
            << "any" << QStringList{"TCP: a name where a protocol number is expected"};
        QTest::newRow("256 is refused")
            << "256"
            << "any" << QStringList{"256: IP protocol numbers are 0-255; 256 is any protocol"};
        QTest::newRow("an empty element is refused") << "6,,17"
                                                     << "6,17" << QStringList{": empty"};
        QTest::newRow("a trailing comma is refused") << "6,"
                                                     << "6" << QStringList{": empty"};
        QTest::newRow("blanks only are refused") << " "
                                                 << "any" << QStringList{": empty"};
    }

    void readsAsTheEngineTakesANewAcl()
    {
        QFETCH(QString, text);
        QFETCH(QString, numbers);
        QFETCH(QStringList, errors);
        const hcn::ProtocolList list =
            read(text, {.emptyElementIsError = true, .namesTaken = false, .anyTaken = false});
        QCOMPARE(shown(list.numbers), numbers);
        QCOMPARE(errorsOf(list), errors);
    }

    void readsOne_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<hcn::ProtocolProblem>("problem");
        QTest::addColumn<int>("number");
        QTest::addColumn<bool>("byName");

        QTest::newRow("a number") << " 17\t" << hcn::ProtocolProblem::None << 17 << false;
        QTest::newRow("256") << "256" << hcn::ProtocolProblem::None << 256 << false;
        QTest::newRow("a name") << "udp" << hcn::ProtocolProblem::None << 17 << true;
        QTest::newRow("empty") << "" << hcn::ProtocolProblem::Empty << 0 << false;
        QTest::newRow("a list is no one protocol")
            << "6,17" << hcn::ProtocolProblem::NotAProtocol << 0 << false;
        QTest::newRow("257") << "257" << hcn::ProtocolProblem::TooLarge << 0 << false;
        QTest::newRow("any") << "ANY" << hcn::ProtocolProblem::AnyByName << 0 << false;
        QTest::newRow("a redacted value") << "<redacted>" << hcn::ProtocolProblem::NotAProtocol << 0 << false;
    }

    void readsOne()
    {
        QFETCH(QString, text);
        QFETCH(hcn::ProtocolProblem, problem);
        QFETCH(int, number);
        QFETCH(bool, byName);
        const QByteArray utf8 = text.toUtf8();
        const hcn::ProtocolReading reading =
            hcn::parseProtocol(std::string_view(utf8.constData(), std::size_t(utf8.size())));
        QCOMPARE(reading.problem, problem);
        QCOMPARE(reading.ok(), problem == hcn::ProtocolProblem::None);
        if (reading.ok()) {
            QCOMPARE(int(reading.number), number);
            QCOMPARE(reading.byName, byName);
        }
    }

    // The names are the schema's ProtocolType values: each reads as the number the schema gives it.
    void namesAreTheSchemasProtocolTypes()
    {
        const hcn::schema::EnumDef* protocolType =
            hcn::schema::Catalog::builtin().enumeration("ProtocolType");
        QVERIFY(protocolType);
        QVERIFY(!protocolType->values.empty());
        for (const hcn::schema::EnumValue& value : protocolType->values) {
            const hcn::ProtocolReading reading = hcn::parseProtocol(value.name);
            QVERIFY2(reading.ok(), value.name.c_str());
            QCOMPARE(std::int64_t(reading.number), value.numeric);
        }
    }

    // A protocol's name as messages and tables give it: the schema's, none for any protocol or one the
    // schema does not name.
    void namesAProtocol_data()
    {
        QTest::addColumn<uint>("number");
        QTest::addColumn<QString>("name");
        QTest::newRow("TCP") << 6u << "TCP";
        QTest::newRow("UDP") << 17u << "UDP";
        QTest::newRow("ICMPv4, not the ICMP tools write") << 1u << "ICMPv4";
        QTest::newRow("ICMPv6") << 58u << "ICMPv6";
        QTest::newRow("IGMP") << 2u << "IGMP";
        QTest::newRow("0, any protocol: no name") << 0u << "";
        QTest::newRow("256, any protocol: no name") << 256u << "";
        QTest::newRow("SCTP, not in the schema: no name") << 132u << "";
    }

    void namesAProtocol()
    {
        QFETCH(uint, number);
        QFETCH(QString, name);
        QCOMPARE(QString::fromStdString(std::string(hcn::knownProtocolName(number))), name);
    }
};

QTEST_GUILESS_MAIN(TestProtocols)
#include "tst_protocols.moc"
