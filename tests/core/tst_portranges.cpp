// HCN port lists (common/port_ranges.h) as ACL rules write them: what reads as ports and ranges, what
// does not and why. The import's type check and the checks' facts both read them so.

#include "common/port_ranges.h"

#include <QTest>

Q_DECLARE_METATYPE(hcn::PortProblem)

namespace {

/// "80", "1000-2000", "any": the ranges as the tests write them.
QString shown(const std::vector<hcn::PortRange>& ranges)
{
    if (ranges.empty())
        return QStringLiteral("any");
    QStringList parts;
    for (const hcn::PortRange& r : ranges)
        parts << (r.first == r.last ? QString::number(r.first)
                                    : QStringLiteral("%1-%2").arg(r.first).arg(r.last));
    return parts.join(',');
}

} // namespace

class TestPortRanges : public QObject
{
    Q_OBJECT

private slots:
    void readsLists_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("ranges");     ///< what the list matches; "any" for every port
        QTest::addColumn<QStringList>("errors"); ///< "element: why"

        QTest::newRow("one port") << "80"
                                  << "80" << QStringList{};
        QTest::newRow("two ports") << "80,443"
                                   << "80,443" << QStringList{};
        QTest::newRow("a range") << "1000-2000"
                                 << "1000-2000" << QStringList{};
        QTest::newRow("ports and ranges") << "53,1000-2000,8080"
                                          << "53,1000-2000,8080" << QStringList{};
        QTest::newRow("blanks around elements") << " 80 , 443 "
                                                << "80,443" << QStringList{};
        QTest::newRow("tabs around elements") << "\t80,\t443\t"
                                              << "80,443" << QStringList{};
        QTest::newRow("blanks around the dash") << "1000 - 2000"
                                                << "1000-2000" << QStringList{};
        QTest::newRow("a range of one port") << "80-80"
                                             << "80" << QStringList{};
        QTest::newRow("leading zeros") << "080,00443"
                                       << "80,443" << QStringList{};
        QTest::newRow("the highest port") << "65535"
                                          << "65535" << QStringList{};
        QTest::newRow("a range up to the highest port") << "1-65535"
                                                        << "1-65535" << QStringList{};
        QTest::newRow("empty: any port") << ""
                                         << "any" << QStringList{};
        QTest::newRow("blanks only: any port") << "  "
                                               << "any" << QStringList{};
        QTest::newRow("port 0: any port") << "0"
                                          << "any" << QStringList{};
        QTest::newRow("port 0 among others: any port") << "80,0"
                                                       << "any" << QStringList{};
        QTest::newRow("a range from 0 stays a range") << "0-1023"
                                                      << "0-1023" << QStringList{};
        QTest::newRow("duplicate commas name nothing") << "80,,443"
                                                       << "80,443" << QStringList{};
        QTest::newRow("a trailing comma names nothing") << "80,"
                                                        << "80" << QStringList{};
        QTest::newRow("a leading comma names nothing") << ",80"
                                                       << "80" << QStringList{};

        QTest::newRow("one above the highest port")
            << "65536"
            << "any" << QStringList{"65536: above 65535, the highest port"};
        QTest::newRow("a large number")
            << "99999999999999999999"
            << "any" << QStringList{"99999999999999999999: above 65535, the highest port"};
        QTest::newRow("a range ending above the highest port")
            << "1000-65536"
            << "any" << QStringList{"1000-65536: above 65535, the highest port"};
        QTest::newRow("a reversed range")
            << "2000-1000"
            << "any" << QStringList{"2000-1000: a range whose first port is after its last"};
        QTest::newRow("a range without its last port")
            << "80-"
            << "any" << QStringList{"80-: a range without its last port"};
        QTest::newRow("a range without its first port (or a negative port)")
            << "-80"
            << "any" << QStringList{"-80: a range without its first port"};
        QTest::newRow("a dash alone") << "-"
                                      << "any" << QStringList{"-: a range without its first port"};
        QTest::newRow("two dashes") << "1-2-3"
                                    << "any" << QStringList{"1-2-3: not a number"};
        QTest::newRow("a plus sign") << "+80"
                                     << "any" << QStringList{"+80: not a number"};
        QTest::newRow("a name") << "http"
                                << "any" << QStringList{"http: not a number"};
        QTest::newRow("any by name") << "Any"
                                     << "any" << QStringList{"Any: not a number"};
        QTest::newRow("a redacted port") << "8x80"
                                         << "any" << QStringList{"8x80: not a number"};
        QTest::newRow("blanks inside a number") << "8 0"
                                                << "any" << QStringList{"8 0: not a number"};
        QTest::newRow("ports separated by semicolons") << "80;443"
                                                       << "any" << QStringList{"80;443: not a number"};
        QTest::newRow("fullwidth digits") << QStringLiteral("\uFF18\uFF10") << "any"
                                          << QStringList{QStringLiteral("\uFF18\uFF10: not a number")};
        QTest::newRow("Arabic-Indic digits") << QStringLiteral("\u0668\u0660") << "any"
                                             << QStringList{QStringLiteral("\u0668\u0660: not a number")};
        QTest::newRow("a no-break space around a port")
            << QStringLiteral("\u00A080") << "any" << QStringList{QStringLiteral("\u00A080: not a number")};
        QTest::newRow("the valid elements stay, each bad one is named")
            << "80, 8x80 ,1000-2000,70000"
            << "80,1000-2000" << QStringList{"8x80: not a number", "70000: above 65535, the highest port"};
    }

    void readsLists()
    {
        QFETCH(QString, text);
        QFETCH(QString, ranges);
        QFETCH(QStringList, errors);
        const QByteArray utf8 = text.toUtf8();
        const hcn::PortList list =
            hcn::parsePortList(std::string_view(utf8.constData(), std::size_t(utf8.size())));
        QCOMPARE(shown(list.ranges), ranges);
        QStringList actual;
        for (const hcn::PortListError& e : list.errors)
            actual << QString::fromStdString(e.element) + ": " +
                          QString::fromUtf8(hcn::describe(e.problem).data(),
                                            qsizetype(hcn::describe(e.problem).size()));
        QCOMPARE(actual, errors);
        QCOMPARE(list.ok(), errors.isEmpty());
    }

    // The engine validates a new ACL's ports by HNS's rules: every element a port or a range, and port
    // 0 kept as the client sent it.
    void readsAsTheEngineTakesANewAcl_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("ranges");
        QTest::addColumn<QStringList>("errors");

        QTest::newRow("ports and ranges") << " 80 , 1000-2000"
                                          << "80,1000-2000" << QStringList{};
        QTest::newRow("port 0 is listed") << "0"
                                          << "0" << QStringList{};
        QTest::newRow("port 0 among others is listed") << "80,0"
                                                       << "80,0" << QStringList{};
        QTest::newRow("an empty element is refused") << "80,,443"
                                                     << "80,443" << QStringList{": empty"};
        QTest::newRow("a trailing comma is refused") << "80,"
                                                     << "80" << QStringList{": empty"};
        QTest::newRow("blanks only are refused") << "  "
                                                 << "any" << QStringList{": empty"};
        QTest::newRow("a reversed range is refused")
            << "2000-1000"
            << "any" << QStringList{"2000-1000: a range whose first port is after its last"};
    }

    void readsAsTheEngineTakesANewAcl()
    {
        QFETCH(QString, text);
        QFETCH(QString, ranges);
        QFETCH(QStringList, errors);
        const QByteArray utf8 = text.toUtf8();
        const hcn::PortList list =
            hcn::parsePortList(std::string_view(utf8.constData(), std::size_t(utf8.size())),
                               {.emptyElementIsError = true, .portZeroIsAny = false});
        QCOMPARE(shown(list.ranges), ranges);
        QStringList actual;
        for (const hcn::PortListError& e : list.errors)
            actual << QString::fromStdString(e.element) + ": " +
                          QString::fromUtf8(hcn::describe(e.problem).data(),
                                            qsizetype(hcn::describe(e.problem).size()));
        QCOMPARE(actual, errors);
    }

    void readsOneRange_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<hcn::PortProblem>("problem");
        QTest::addColumn<int>("first");
        QTest::addColumn<int>("last");

        QTest::newRow("port 0") << "0" << hcn::PortProblem::None << 0 << 0;
        QTest::newRow("the highest port") << "65535" << hcn::PortProblem::None << 65535 << 65535;
        QTest::newRow("blanks around") << " 8080\t" << hcn::PortProblem::None << 8080 << 8080;
        QTest::newRow("a range") << "1000 -2000" << hcn::PortProblem::None << 1000 << 2000;
        QTest::newRow("empty") << "" << hcn::PortProblem::Empty << 0 << 0;
        QTest::newRow("a list is no one range") << "80,443" << hcn::PortProblem::NotANumber << 0 << 0;
        QTest::newRow("65536") << "65536" << hcn::PortProblem::TooLarge << 0 << 0;
        QTest::newRow("reversed") << "443-80" << hcn::PortProblem::Reversed << 0 << 0;
        QTest::newRow("80-") << "80-" << hcn::PortProblem::MissingLast << 0 << 0;
        QTest::newRow("-80") << "-80" << hcn::PortProblem::MissingFirst << 0 << 0;
        QTest::newRow("a letter after a large number") << "99999x" << hcn::PortProblem::NotANumber << 0 << 0;
    }

    void readsOneRange()
    {
        QFETCH(QString, text);
        QFETCH(hcn::PortProblem, problem);
        QFETCH(int, first);
        QFETCH(int, last);
        const QByteArray utf8 = text.toUtf8();
        const hcn::PortRangeReading reading =
            hcn::parsePortRange(std::string_view(utf8.constData(), std::size_t(utf8.size())));
        QCOMPARE(reading.problem, problem);
        QCOMPARE(reading.ok(), problem == hcn::PortProblem::None);
        if (reading.ok()) {
            QCOMPARE(int(reading.range.first), first);
            QCOMPARE(int(reading.range.last), last);
        }
    }
};

QTEST_GUILESS_MAIN(TestPortRanges)
#include "tst_portranges.moc"
