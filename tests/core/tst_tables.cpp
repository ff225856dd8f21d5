// Importing a customer's dump, tables: `hnsdiag list all` sections and PowerShell Format-Table /
// Select-Object output become objects in the v1 shape of their kind, with what the table could not show;
// rows a console wrapped or a long name pushed out of its column still come out whole, and lines that
// are not table rows give no objects.

#include "dump_files.h"
#include "hcn/dump_formats.h"
#include "hcn/dump_import.h"
#include "hcn/dump_text.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace hcn;
using namespace hcn::io;

namespace {

ExtractResult tablesOfText(std::string_view text)
{
    return extractTables(cleanPastedText(text));
}

ExtractResult tablesOf(const QString& name)
{
    const QByteArray bytes = readDump(name);
    const auto decoded = decodeDumpText({bytes.constData(), std::size_t(bytes.size())});
    if (!decoded.ok())
        qFatal("%s does not decode", qPrintable(name));
    return tablesOfText(decoded->text);
}

QString str(const nlohmann::json& v)
{
    return v.is_string() ? QString::fromStdString(v.get<std::string>()) : QString::fromStdString(v.dump());
}

/// "Network 6B1F...": the kind and ID (or Name) of every object, as the import lists them.
QStringList objects(const ExtractResult& result)
{
    QStringList out;
    for (const FoundValue& found : result.values) {
        const auto& v = found.value;
        const QString id = v.contains("ID") ? str(v["ID"])
                           : v.contains("Id")
                               ? str(v["Id"])
                               : QStringLiteral("Name:") + str(v.value("Name", nlohmann::json("?")));
        out << QString::fromLatin1(resourceKindName(found.kindHint).data()) + QLatin1Char(' ') + id;
    }
    return out;
}

QString spans(const ExtractResult& result)
{
    QStringList out;
    for (const FoundValue& found : result.values)
        out << QStringLiteral("%1-%2").arg(found.firstLine).arg(found.lastLine);
    return out.join(QLatin1Char(' '));
}

QStringList warningLines(const ExtractResult& result)
{
    QStringList out;
    for (const ImportWarning& w : result.warnings)
        out << QStringLiteral("%1-%2").arg(w.firstLine).arg(w.lastLine);
    return out;
}

QStringList losses(const FoundValue& found)
{
    QStringList out;
    for (const std::string& loss : found.losses)
        out << QString::fromStdString(loss);
    return out;
}

const FoundValue* byId(const ExtractResult& result, const char* id)
{
    for (const FoundValue& found : result.values) {
        if (found.value.value("ID", std::string()) == id || found.value.value("Id", std::string()) == id)
            return &found;
    }
    return nullptr;
}

QStringList strings(const nlohmann::json& array)
{
    QStringList out;
    for (const auto& v : array)
        out << str(v);
    return out;
}

// The corpus's objects (tests/data/dumps/hnsdiag-*.txt, table-*.txt).
constexpr const char* natNet = "6B1F0C2A-94D3-4E7B-8A15-C3D9E20F4B61";
constexpr const char* switchNet = "C07E5A19-3B2D-4F88-9E41-7A6D05B2C3E8";
constexpr const char* overlayNet = "2E9A4D7C-58B1-4C06-B3FA-91E7D2C8A054";
constexpr const char* ep1 = "a3c51e08-7d24-4b9f-8e16-0f2b9c4d7a31";
constexpr const char* ep2 = "4f9d2b6e-1a83-4c57-9d20-e6b8a1f3c045";
constexpr const char* ep3 = "d81e7c30-5f4a-4e9b-a2c6-3b70f91d8e52";
constexpr const char* ep4 = "90b4f6a1-2c8e-4d73-b5e9-1a4c7d02f6b8";
constexpr const char* ns1 = "7c2e9f14-b3a8-4d61-9f05-e4a1c8b2d937";
constexpr const char* ns2 = "e5a07d3b-8c19-4f2e-a6d4-0b93f7c1e268";
constexpr const char* lb1 = "1d8f3a5c-6e27-4b90-8c41-f2a9e07b3d16";
constexpr const char* lb2 = "b6e0c94f-3a71-4d28-9e5b-07c3f1a8d24e";
constexpr const char* lb3 = "38a4d2e7-f05c-4a19-b763-c8e21d9f5a40";
const QString podName = QStringLiteral(
    "f3a9c2d1e8b74a6590c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3_kubernetes-overlay-net-01");

// tests/data/dumps/hnsdiag-wrapped-long-lists.txt: a namespace listing 30 endpoints on 10 lines, a load
// balancer listing 40 DIPs on 13 lines, at 120 columns.
constexpr const char* wrappedNet = "b8a1abcd-1a69-46c7-8da4-f9fc3c6da5d7";
constexpr const char* wrappedEp[] = {"1710cf53-27ac-435a-ba97-c643656412a9",
                                     "8ca59966-66ce-4b36-8512-bd1311072231",
                                     "fd724452-ccea-41ff-8a14-876aeaff1a09"};
constexpr const char* wrappedNs1 = "8534f457-38d0-48ec-8f10-99c6c3e1b258";
constexpr const char* wrappedNs2 = "c79d6793-46d4-4c7a-9c39-02b38963dc6e";
constexpr const char* wrappedLb1 = "43000de0-1b2e-440e-93ad-dccb2c33be0a";
constexpr const char* wrappedLb2 = "06905269-ed6f-4b09-b165-c8ce36e2f24b";
// tests/data/dumps/hnsdiag-braced-ids.txt
constexpr const char* bracedEp1 = "5bc8fbbc-bde5-4099-8164-d8399f767c45";
constexpr const char* bracedEp2 = "d76d4330-f144-4bea-b0c1-1fdecb91ce37";
constexpr const char* bracedNsA = "87b0b125-ec1d-4da0-a6eb-8c9ebd69fe29";
constexpr const char* bracedNsB = "c6a53877-7733-4bdb-9721-0dff076ce2ef";
constexpr const char* bracedLbA = "0d464138-a623-4255-bfc1-ea36f17fd374";
constexpr const char* bracedLbB = "5f2dd97f-1cfb-40f6-a827-688de6a16a3b";

/// The `n`th of a series of GUIDs made up for a generated table.
std::string madeUpGuid(int n)
{
    char id[40];
    std::snprintf(id, sizeof id, "%08x-7c1d-4e2f-9a3b-%012llx", 0x5a000000u + unsigned(n),
                  0xc0ffee000000ull + unsigned(n));
    return id;
}

QString kindId(const char* kind, const char* id)
{
    return QString::fromLatin1(kind) + QLatin1Char(' ') + QString::fromLatin1(id);
}

} // namespace

class TestTables : public QObject
{
    Q_OBJECT

private slots:
    void findsTheRowsOfEveryTable_data();
    void findsTheRowsOfEveryTable();
    void hnsdiagRowsBecomeV1Objects();
    void longNamesOverflowingTheirColumn();
    void pipeSeparatedCells();
    void rowsWrappedByTheConsole();
    void unreadableRowsAreWarnings();
    void hnsdiagLosses();
    void headingVariants_data();
    void headingVariants();
    void formatTableCells();
    void collectlogsTablesBeforeTheirJson_data();
    void collectlogsTablesBeforeTheirJson();
    void sourceTextShowsTheHeader();
    void linesThatAreNotTablesGiveNothing_data();
    void linesThatAreNotTablesGiveNothing();
    void manyRows();
    void linesAfterATableWithoutABlankLine();
    void whereASectionEnds_data();
    void whereASectionEnds();
    void guidListsWrappedOntoAnyNumberOfLines_data();
    void guidListsWrappedOntoAnyNumberOfLines();
    void bracedListsOfIds();
    void pasteCutInASectionHeading_data();
    void pasteCutInASectionHeading();
    void guidListsWrappedBetweenTwoIds_data();
    void guidListsWrappedBetweenTwoIds();
    void listContinuationOrNextRow_data();
    void listContinuationOrNextRow();
    void cellsAConsoleBrokeOrPushed_data();
    void cellsAConsoleBrokeOrPushed();
    void yamlKeysAreNoSectionHeadings_data();
    void yamlKeysAreNoSectionHeadings();
    void lossesNameTheListingRead_data();
    void lossesNameTheListingRead();
    void tablesTheHeaderlessOrMarkdownShow_data();
    void tablesTheHeaderlessOrMarkdownShow();
    void rowsThePasteCut_data();
    void rowsThePasteCut();
    void formatTablesNameWhatTheyLeaveOut_data();
    void formatTablesNameWhatTheyLeaveOut();
    void rowsWithoutAnIdSayTheirMadeUpIdFirst_data();
    void rowsWithoutAnIdSayTheirMadeUpIdFirst();
    void formatTableWrappedByANarrowConsole();
    void aLineAfterARowThatReadsWhole_data();
    void aLineAfterARowThatReadsWhole();
    void columnsPowerShellLeftOut_data();
    void columnsPowerShellLeftOut();
    void formatTableRowsThePasteCut_data();
    void formatTableRowsThePasteCut();
    void formatTableRowCutBeforeItsId();
    void cutRowsOfOtherCmdletsKeepTheirKind_data();
    void cutRowsOfOtherCmdletsKeepTheirKind();
    void valuesTheListingsFilterGivesEachRow_data();
    void valuesTheListingsFilterGivesEachRow();
    void tablesUnderAGetHnsListing_data();
    void tablesUnderAGetHnsListing();
    void valuesTheListingPicksRowsByAreReported_data();
    void valuesTheListingPicksRowsByAreReported();
    void deletionsFilteredAsTablesAre_data();
    void deletionsFilteredAsTablesAre();
    void listingsOfOneSession();
};

void TestTables::findsTheRowsOfEveryTable_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("objects");
    QTest::addColumn<QString>("lines");
    QTest::addColumn<int>("warnings");

    QTest::newRow("old layout: Name ID, empty namespaces and load balancers")
        << "hnsdiag-old-layout.txt"
        << QStringList{kindId("Network", natNet), kindId("Network", switchNet), kindId("Endpoint", ep1),
                       kindId("Endpoint", ep2)}
        << "4-4 5-5 9-9 10-10" << 0;
    QTest::newRow("new layout: Type, Virtual Network Name, namespaces and load balancers")
        << "hnsdiag-new-layout.txt" << QStringList{kindId("Network", natNet),   kindId("Network", overlayNet),
                                                   kindId("Endpoint", ep1),     kindId("Endpoint", ep2),
                                                   kindId("Endpoint", ep3),     kindId("Endpoint", ep4),
                                                   kindId("Namespace", ns1),    kindId("Namespace", ns2),
                                                   kindId("LoadBalancer", lb1), kindId("LoadBalancer", lb2),
                                                   kindId("LoadBalancer", lb3)}
        << "3-3 4-4 8-8 9-9 10-10 11-11 15-15 16-16 20-20 21-21 22-22" << 0;
    QTest::newRow("names overflowing their column")
        << "hnsdiag-overflow.txt"
        << QStringList{kindId("Network", overlayNet), kindId("Network", switchNet), kindId("Network", natNet),
                       kindId("Endpoint", ep1),       kindId("Endpoint", ep2),      kindId("Endpoint", ep3),
                       kindId("LoadBalancer", lb2),   kindId("LoadBalancer", lb3)}
        << "3-3 4-4 5-5 9-9 10-10 11-11 15-15 16-16" << 0;
    QTest::newRow("cells separated by |")
        << "hnsdiag-pipes.txt"
        << QStringList{kindId("Network", natNet), kindId("Network", overlayNet), kindId("Endpoint", ep1),
                       kindId("Endpoint", ep2),   kindId("Namespace", ns1),      kindId("LoadBalancer", lb1)}
        << "3-3 4-4 8-8 9-9 13-13 17-17" << 0;
    QTest::newRow("rows wrapped by the console")
        << "hnsdiag-wrapped.txt"
        << QStringList{kindId("Endpoint", ep1), kindId("Endpoint", ep2), kindId("LoadBalancer", lb2),
                       kindId("LoadBalancer", lb1)}
        << "3-4 5-5 9-11 12-12" << 0;
    QTest::newRow("unreadable rows, then hnsdiag -d JSON")
        << "hnsdiag-bad-rows.txt"
        << QStringList{kindId("Network", natNet), kindId("Network", overlayNet), kindId("Endpoint", ep1),
                       kindId("Endpoint", ep2)}
        << "4-4 6-6 10-10 12-12" << 2;
    QTest::newRow("blank lines inside a section, a fence and prompts around the sections")
        << "hnsdiag-pasted-breaks.txt"
        << QStringList{kindId("Network", switchNet), kindId("Network", natNet),    kindId("Endpoint", ep1),
                       kindId("Endpoint", ep2),      kindId("Endpoint", ep3),      kindId("Endpoint", ep4),
                       kindId("LoadBalancer", lb1),  kindId("Namespace", ns1)}
        << "6-6 7-7 11-11 12-12 14-14 15-15 19-19 23-23" << 0;
    QTest::newRow("copied from a web page: every line ends in empty cells")
        << "hnsdiag-web-table.txt"
        << QStringList{kindId("Network", switchNet), kindId("Network", natNet), kindId("Endpoint", ep1),
                       kindId("Endpoint", ep2), kindId("LoadBalancer", lb1), kindId("LoadBalancer", lb2)}
        << "4-4 5-5 8-8 9-9 12-12 13-13" << 0;
    QTest::newRow("every section empty") << "hnsdiag-empty.txt" << QStringList{} << "" << 0;
    QTest::newRow("GUID lists a console wrapped onto 10 and 13 lines")
        << "hnsdiag-wrapped-long-lists.txt"
        << QStringList{kindId("Network", wrappedNet),      kindId("Endpoint", wrappedEp[0]),
                       kindId("Endpoint", wrappedEp[1]),   kindId("Endpoint", wrappedEp[2]),
                       kindId("Namespace", wrappedNs1),    kindId("Namespace", wrappedNs2),
                       kindId("LoadBalancer", wrappedLb1), kindId("LoadBalancer", wrappedLb2)}
        << "4-4 8-8 9-9 10-10 14-23 24-24 28-40 41-41" << 0;
    QTest::newRow("lists of IDs in braces")
        << "hnsdiag-braced-ids.txt"
        << QStringList{kindId("Endpoint", bracedEp1), kindId("Namespace", bracedNsA),
                       kindId("Namespace", bracedNsB), kindId("LoadBalancer", bracedLbA),
                       kindId("LoadBalancer", bracedLbB)}
        << "4-4 8-8 9-9 13-13 14-14" << 0;
    QTest::newRow("the paste ends in the heading of the next section")
        << "hnsdiag-cut-in-heading.txt"
        << QStringList{kindId("Network", "6513270E-269E-4D37-B2A7-4DE452E6B438"),
                       kindId("Endpoint", "d23f0824-128b-4f33-8c5c-7fd0a6a3a450")}
        << "4-4 8-8" << 1;
    QTest::newRow("collectlogs network.txt")
        << "table-collectlogs-network.txt"
        << QStringList{kindId("Invalid", natNet), kindId("Invalid", overlayNet)} << "4-4 5-5" << 0;
    QTest::newRow("collectlogs endpoint.txt")
        << "table-collectlogs-endpoint.txt"
        << QStringList{QStringLiteral("Invalid Name:?"), QStringLiteral("Invalid Name:?")} << "4-4 5-5" << 0;
    QTest::newRow("Get-ContainerNetwork: subnets in braces, Mode")
        << "containernetwork-table.txt"
        << QStringList{kindId("Invalid", "4b1e7a52-93c6-4d0f-8e2a-61f5c3b9d7e4"),
                       kindId("Invalid", "9c3f0d18-2a7b-4e65-b41c-0d8e6f2a5c93"),
                       kindId("Invalid", "e27a6c45-08d1-4b3f-9a5e-c4f1b0d8e362")}
        << "5-5 6-6 7-7" << 0;
    QTest::newRow("two tables whose line breaks were lost, each line padded to the console's width")
        << "containernetwork-table-flattened.txt"
        << QStringList{kindId("Invalid", "e27a6c45-08d1-4b3f-9a5e-c4f1b0d8e362"),
                       kindId("Invalid", "9c3f0d18-2a7b-4e65-b41c-0d8e6f2a5c93")}
        << "4-4 4-4" << 0;
    QTest::newRow("a table whose line breaks and padding were lost: a warning, no rows")
        << "containernetwork-table-flattened-unpadded.txt" << QStringList{} << "" << 1;
    QTest::newRow("Format-Table with cut cells")
        << "table-format-cut.txt"
        << QStringList{kindId("Endpoint", ep1), kindId("Endpoint", ep2), kindId("Endpoint", ep3),
                       kindId("Network", "2E9A4D7C-58B1-4C06-B3FA-91E7D"),
                       kindId("Network", "6B1F0C2A-94D3-4E7B-8A15-C3D9E")}
        << "5-5 6-6 7-7 14-14 15-15" << 0;
}

void TestTables::findsTheRowsOfEveryTable()
{
    QFETCH(QString, file);
    QFETCH(QStringList, objects);
    QFETCH(QString, lines);
    QFETCH(int, warnings);

    const ExtractResult result = tablesOf(file);
    QCOMPARE(::objects(result), objects);
    QCOMPARE(spans(result), lines);
    QCOMPARE(int(result.warnings.size()), warnings);
    for (const FoundValue& found : result.values) {
        QCOMPARE(found.format, DumpFormat::Table);
        QVERIFY(found.value.is_object());
        QVERIFY(!found.sourceText.empty());
    }
}

void TestTables::hnsdiagRowsBecomeV1Objects()
{
    const ExtractResult result = tablesOf(QStringLiteral("hnsdiag-new-layout.txt"));

    const FoundValue* overlay = byId(result, overlayNet);
    QVERIFY(overlay);
    QCOMPARE(overlay->kindHint, ResourceKind::Network);
    QCOMPARE(str(overlay->value["Name"]), QStringLiteral("vxlan-cluster"));
    QCOMPARE(str(overlay->value["Type"]), QStringLiteral("Overlay"));

    const FoundValue* endpoint = byId(result, ep3);
    QVERIFY(endpoint);
    const nlohmann::json expected = {
        {"ID", ep3}, {"Name", "Ethernet"}, {"VirtualNetworkName", "vxlan-cluster"}};
    QCOMPARE(endpoint->value, expected);

    // Namespaces hold their endpoints as v1 resources.
    const FoundValue* ns = byId(result, ns1);
    QVERIFY(ns);
    QCOMPARE(ns->kindHint, ResourceKind::Namespace);
    const auto resource = [](const char* id) {
        return nlohmann::json{{"Type", "Endpoint"}, {"Data", {{"Id", id}}}};
    };
    const nlohmann::json resources = nlohmann::json::array({resource(ep2), resource(ep3)});
    QCOMPARE(ns->value["ResourceList"], resources);
    QCOMPARE(byId(result, ns2)->value["ResourceList"], nlohmann::json::array());

    // Load balancers are v1 policy lists: an ELB policy with the VIPs (leading blanks gone), References
    // to every DIP endpoint of the cell.
    const FoundValue* lb = byId(result, lb2);
    QVERIFY(lb);
    QCOMPARE(lb->kindHint, ResourceKind::LoadBalancer);
    QCOMPARE(lb->value["Policies"].size(), std::size_t(1));
    QCOMPARE(str(lb->value["Policies"][0]["Type"]), QStringLiteral("ELB"));
    QCOMPARE(strings(lb->value["Policies"][0]["VIPs"]), QStringList{QStringLiteral("10.112.0.10")});
    QCOMPARE(strings(lb->value["References"]),
             (QStringList{QStringLiteral("/endpoints/") + ep2, QStringLiteral("/endpoints/") + ep3,
                          QStringLiteral("/endpoints/") + ep4}));
    QCOMPARE(strings(byId(result, lb3)->value["Policies"][0]["VIPs"]),
             (QStringList{QStringLiteral("10.112.0.20"), QStringLiteral("172.18.44.7")}));
}

void TestTables::longNamesOverflowingTheirColumn()
{
    const ExtractResult result = tablesOf(QStringLiteral("hnsdiag-overflow.txt"));
    QCOMPARE(str(byId(result, overlayNet)->value["Name"]), QStringLiteral("kubernetes-overlay-net-01"));
    QCOMPARE(str(byId(result, switchNet)->value["Name"]), QStringLiteral("Lab Internal Switch 2"));
    QCOMPARE(str(byId(result, natNet)->value["Name"]), QStringLiteral("nat"));

    const FoundValue* pod = byId(result, ep1);
    QCOMPARE(str(pod->value["Name"]), podName);
    QCOMPARE(str(pod->value["VirtualNetworkName"]), QStringLiteral("kubernetes-overlay-net-01"));
    // An endpoint named by a GUID: the ID is the GUID under the ID column.
    const FoundValue* guidNamed = byId(result, ep2);
    QVERIFY(guidNamed);
    QCOMPARE(str(guidNamed->value["Name"]), QStringLiteral("90B4F6A1-2C8E-4D73-B5E9-1A4C7D02F6B8"));
    QCOMPARE(str(guidNamed->value["VirtualNetworkName"]), QStringLiteral("Lab Internal Switch 2"));
    // An empty name is left out.
    QVERIFY(!byId(result, ep3)->value.contains("Name"));

    // Load balancers in columns of blanks: VIPs separated by a comma, several DIPs.
    QCOMPARE(strings(byId(result, lb3)->value["Policies"][0]["VIPs"]),
             (QStringList{QStringLiteral("10.112.0.20"), QStringLiteral("fd00::20")}));
    QCOMPARE(strings(byId(result, lb2)->value["References"]),
             (QStringList{QStringLiteral("/endpoints/") + ep1, QStringLiteral("/endpoints/") + ep2}));
}

void TestTables::pipeSeparatedCells()
{
    const ExtractResult result = tablesOf(QStringLiteral("hnsdiag-pipes.txt"));
    QCOMPARE(str(byId(result, overlayNet)->value["Name"]), QStringLiteral("kubernetes-overlay-net-01"));
    // "Virtual Network" holding the network's ID.
    const FoundValue* pod = byId(result, ep1);
    QCOMPARE(str(pod->value["Name"]), podName);
    QCOMPARE(str(pod->value["VirtualNetwork"]), QString::fromLatin1(overlayNet));
    QVERIFY(!losses(*pod).join(QLatin1Char('\n')).contains(QStringLiteral("VirtualNetwork:")));
    QCOMPARE(strings(byId(result, lb1)->value["References"]),
             (QStringList{QStringLiteral("/endpoints/") + ep1, QStringLiteral("/endpoints/") + ep2}));
    QCOMPARE(strings(byId(result, lb1)->value["Policies"][0]["VIPs"]),
             QStringList{QStringLiteral("10.112.0.1")});
}

void TestTables::rowsWrappedByTheConsole()
{
    const ExtractResult result = tablesOf(QStringLiteral("hnsdiag-wrapped.txt"));
    const FoundValue* pod = byId(result, ep1); // the ID itself was cut by the wrap
    QVERIFY(pod);
    QCOMPARE(str(pod->value["Name"]), podName);
    QCOMPARE(str(pod->value["VirtualNetworkName"]), QStringLiteral("Lab Internal Switch 2 (isolated)"));
    QCOMPARE(str(byId(result, ep2)->value["VirtualNetworkName"]), QStringLiteral("nat"));

    const FoundValue* lb = byId(result, lb2);
    QVERIFY(lb);
    QCOMPARE(strings(lb->value["References"]),
             (QStringList{QStringLiteral("/endpoints/") + ep2, QStringLiteral("/endpoints/") + ep3,
                          QStringLiteral("/endpoints/") + ep4, QStringLiteral("/endpoints/") + ep1}));
    QCOMPARE(QString::fromStdString(lb->sourceText).count(QLatin1Char('\n')), 3); // header + 3 lines
    QCOMPARE(lb->repairs, std::vector<std::string>{"joined a row wrapped onto 3 lines"});
    QVERIFY(byId(result, ep2)->repairs.empty());

    // A copy that lost the blank at the break: the two GUIDs stay apart.
    const std::string lostBlank =
        std::string("LoadBalancers:\n") +
        "ID                                   | Virtual IPs      | Direct IP IDs\n" + lb1 +
        " |   10.112.0.1     | " + ep1 + "\n" + ep2 + "\n";
    const ExtractResult joined = tablesOfText(lostBlank);
    QCOMPARE(::objects(joined), QStringList{kindId("LoadBalancer", lb1)});
    QCOMPARE(joined.values[0].value["References"].size(), std::size_t(2));
}

void TestTables::unreadableRowsAreWarnings()
{
    const ExtractResult result = tablesOf(QStringLiteral("hnsdiag-bad-rows.txt"));
    QCOMPARE(warningLines(result), (QStringList{QStringLiteral("5-5"), QStringLiteral("11-11")}));
    QVERIFY(QString::fromStdString(result.warnings[0].message).startsWith(QStringLiteral("line 5: ")));
    QVERIFY(QString::fromStdString(result.warnings[1].message).contains(QStringLiteral("Endpoints")));

    // Endpoint IDs separated by commas or in braces.
    const ExtractResult listed =
        tablesOfText(std::string("Namespaces:\nID                                   | Endpoint IDs\n") + ns1 +
                     " | " + ep1 + ", {" + ep2 + "}\n");
    QCOMPARE(listed.values.size(), std::size_t(1));
    QCOMPARE(listed.values[0].value["ResourceList"].size(), std::size_t(2));
    QCOMPARE(str(listed.values[0].value["ResourceList"][1]["Data"]["Id"]), QString::fromLatin1(ep2));

    // A row of a `|` table whose ID cell holds no GUID.
    const ExtractResult pipes = tablesOfText(std::string("Namespaces:\nID | Endpoint IDs\n") + ns1 + " | " +
                                             ep1 + "\nnot-a-guid | " + ep2 + "\n" + ns2 + " |\n");
    QCOMPARE(::objects(pipes), (QStringList{kindId("Namespace", ns1), kindId("Namespace", ns2)}));
    QCOMPARE(warningLines(pipes), QStringList{QStringLiteral("4-4")});
}

void TestTables::hnsdiagLosses()
{
    const ExtractResult result = tablesOf(QStringLiteral("hnsdiag-old-layout.txt"));
    const QStringList network = losses(*byId(result, natNet));
    QVERIFY(network.contains(QStringLiteral("Type: not shown by hnsdiag list")));
    QVERIFY(network.contains(QStringLiteral("Policies: not shown by hnsdiag list")));
    const QStringList endpoint = losses(*byId(result, ep1));
    QVERIFY(endpoint.contains(QStringLiteral("VirtualNetwork: not shown by hnsdiag list")));
    QVERIFY(endpoint.contains(QStringLiteral("IPAddress: not shown by hnsdiag list")));

    const ExtractResult newer = tablesOf(QStringLiteral("hnsdiag-new-layout.txt"));
    QVERIFY(!losses(*byId(newer, overlayNet)).contains(QStringLiteral("Type: not shown by hnsdiag list")));
    QVERIFY(
        losses(*byId(newer, ep1))
            .contains(QStringLiteral("VirtualNetwork: not shown by hnsdiag list (only the network's name)")));
    QVERIFY(
        losses(*byId(newer, lb1))
            .contains(QStringLiteral("Policies: not shown by hnsdiag list (ports and protocol unknown)")));
    QVERIFY(losses(*byId(newer, ns1)).contains(QStringLiteral("CompartmentId: not shown by hnsdiag list")));
}

void TestTables::headingVariants_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("objects");

    const QString row = QStringLiteral("nat              ") + natNet + QLatin1Char('\n');
    const QString header = QStringLiteral("Name             ID\n");
    QTest::newRow("Networks:") << QStringLiteral("Networks:\n") + header + row
                               << QStringList{kindId("Network", natNet)};
    QTest::newRow("upper case, blank before the colon")
        << QStringLiteral("NETWORKS :\n") + header + row << QStringList{kindId("Network", natNet)};
    QTest::newRow("singular, no colon, header follows")
        << QStringLiteral("Network\n") + header + row << QStringList{kindId("Network", natNet)};
    QTest::newRow("Load Balancers: in two words")
        << QStringLiteral("Load Balancers:\nID | Virtual IPs | Direct IP IDs\n") + lb1 + " |  10.1.2.3 | " +
               ep1 + QLatin1Char('\n')
        << QStringList{kindId("LoadBalancer", lb1)};
    QTest::newRow("indented heading, header and rows")
        << QStringLiteral("  Endpoints:\n  Name             ID\n  Ethernet         ") + ep1 +
               QLatin1Char('\n')
        << QStringList{kindId("Endpoint", ep1)};
    QTest::newRow("heading without header")
        << QStringLiteral("Networks:\n") + row << QStringList{kindId("Network", natNet)};
    QTest::newRow("a rule under the header")
        << QStringLiteral("Networks:\n") + header + QStringLiteral("----             --\n") + row
        << QStringList{kindId("Network", natNet)};
    QTest::newRow("bare table of hnsdiag list endpoints")
        << QStringLiteral("Name             ID                                   Virtual Network "
                          "Name\nEthernet         ") +
               ep2 + QStringLiteral(" nat\n")
        << QStringList{kindId("Endpoint", ep2)};
    QTest::newRow("endpoint columns of newer builds, an endpoint named by a GUID")
        << QStringLiteral("Endpoints:\nName             ID                                   Virtual Network"
                          "                      Virtual Network Name  IP Address\n") +
               ep4 + QLatin1Char(' ') + ep1 + QLatin1Char(' ') + overlayNet +
               QStringLiteral(" Lab Switch 2 10.1.0.7\n")
        << QStringList{kindId("Endpoint", ep1)};
    QTest::newRow("a word that is not a heading")
        << QStringLiteral("Network\nThe network was created.\n") << QStringList{};
    QTest::newRow("prose before a bare Name ID table: kind unknown")
        << QStringLiteral("Networks: these are mine\n") + header + row
        << QStringList{kindId("Invalid", natNet)};
}

void TestTables::headingVariants()
{
    QFETCH(QString, text);
    QFETCH(QStringList, objects);
    const ExtractResult result = tablesOfText(text.toStdString());
    QCOMPARE(::objects(result), objects);
    QVERIFY(result.warnings.empty());
    if (QByteArray(QTest::currentDataTag()).startsWith("endpoint columns")) {
        const nlohmann::json expected = {{"ID", ep1},
                                         {"Name", "90b4f6a1-2c8e-4d73-b5e9-1a4c7d02f6b8"},
                                         {"VirtualNetwork", overlayNet},
                                         {"VirtualNetworkName", "Lab Switch 2"},
                                         {"IPAddress", "10.1.0.7"}};
        QCOMPARE(result.values[0].value, expected);
        QCOMPARE(losses(result.values[0]),
                 (QStringList{QStringLiteral("MacAddress: not shown by hnsdiag list"),
                              QStringLiteral("Policies: not shown by hnsdiag list")}));
    }
}

void TestTables::formatTableCells()
{
    const ExtractResult result = tablesOf(QStringLiteral("table-format-cut.txt"));
    QCOMPARE(result.values.size(), std::size_t(5));

    const FoundValue& cut = result.values[0];
    // Get-HnsEndpoint typed above the table says what its rows are.
    QCOMPARE(cut.kindHint, ResourceKind::Endpoint);
    const nlohmann::json cutRow = {{"Name", "f3a9c2d1e8b74a6590c1d2e3f4"},
                                   {"ID", ep1},
                                   {"IPAddress", "10.112.3.14"},
                                   {"PrefixLength", 24},
                                   {"EnableInternalDNS", true}};
    QCOMPARE(cut.value, cutRow);
    // What the table does not show of an endpoint follows what its column cut.
    const QStringList notShown{QStringLiteral("VirtualNetwork: not shown by the table"),
                               QStringLiteral("MacAddress: not shown by the table"),
                               QStringLiteral("Policies: not shown by the table")};
    QCOMPARE(losses(cut), QStringList{QStringLiteral("Name: cut by the table column")} + notShown);
    QCOMPARE(result.values[1].value["EnableInternalDNS"], nlohmann::json(false));
    QCOMPARE(losses(result.values[1]), notShown);
    // Empty cells are left out; a right-aligned number under its label.
    const nlohmann::json emptyCells = {{"ID", ep3}, {"PrefixLength", 0}};
    QCOMPARE(result.values[2].value, emptyCells);

    // PowerShell 7 cuts with `…`.
    const FoundValue& cut7 = result.values[3];
    const nlohmann::json cut7Row = {
        {"Name", "kubernetes-overlay-net-"}, {"Id", "2E9A4D7C-58B1-4C06-B3FA-91E7D"}, {"Type", "Overlay"}};
    QCOMPARE(cut7.value, cut7Row);
    QCOMPARE(
        losses(cut7),
        (QStringList{
            QStringLiteral("Name: cut by the table column"), QStringLiteral("Id: cut by the table column"),
            QStringLiteral("Subnets: not shown by the table (address prefixes and gateways unknown)"),
            QStringLiteral("Policies: not shown by the table")}));

    // Format-Table -Wrap: a cell continued on the lines below, with nothing in the first column.
    const ExtractResult wrapped = tablesOfText("Name  Id                                   Subnets\n"
                                               "----  --                                   -------\n"
                                               "cbr0  2E9A4D7C-58B1-4C06-B3FA-91E7D2C8A054 {10.112.0.0/24,\n"
                                               "                                           10.113.0.0/24}\n"
                                               "nat   6B1F0C2A-94D3-4E7B-8A15-C3D9E20F4B61 {172.27.96.0/20}\n"
                                               "      C07E5A19-3B2D-4F88-9E41-7A6D05B2C3E8\n");
    QCOMPARE(::objects(wrapped), (QStringList{kindId("Invalid", overlayNet), kindId("Invalid", natNet),
                                              kindId("Invalid", switchNet)}));
    // The cell is a PowerShell collection: read as the list view reads one.
    QCOMPARE(wrapped.values[0].value["Subnets"], (nlohmann::json{"10.112.0.0/24", "10.113.0.0/24"}));
    QCOMPARE(spans(wrapped), QStringLiteral("3-4 5-5 6-6"));
    QCOMPARE(wrapped.values[0].repairs,
             std::vector<std::string>{"joined cells wrapped onto following lines"});

    const ExtractResult brokenGuid = tablesOfText("Name Id                   Type\n"
                                                  "---- --                   ----\n"
                                                  "cbr0 2E9A4D7C-58B1-4C06-B Overlay\n"
                                                  "     3FA-91E7D2C8A054\n");
    QCOMPARE(::objects(brokenGuid), QStringList{kindId("Invalid", overlayNet)});

    // A label cut by its column: the value is kept under the label as shown, and the loss says so.
    const ExtractResult label =
        tablesOfText("IPAddress   IsRemoteEn...\n---------   -------------\n10.1.2.3    True\n");
    QCOMPARE(label.values.size(), std::size_t(1));
    QCOMPARE(label.values[0].value["IsRemoteEn..."], nlohmann::json(true));
    QCOMPARE(losses(label.values[0]),
             QStringList{QStringLiteral("IsRemoteEn...: property name cut by the table column")});
}

void TestTables::collectlogsTablesBeforeTheirJson_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("firstRow");
    QTest::addColumn<QString>("secondRow");

    QTest::newRow("network.txt")
        << "table-collectlogs-network.txt"
        << QStringLiteral(R"({"Id":"%1","Name":"nat","Type":"nat"})").arg(natNet)
        << QStringLiteral(R"({"Id":"%1","Name":"vxlan-cluster","Type":"Overlay"})").arg(overlayNet);
    QTest::newRow("endpoint.txt")
        << "table-collectlogs-endpoint.txt"
        << R"({"IpAddress":"10.112.3.14","MacAddress":"00-15-5D-7A-31-0E","State":2})"
        << R"({"IpAddress":"10.112.5.27","IsRemoteEndpoint":true,"MacAddress":"02-11-0A-70-05-1B","State":1})";
}

void TestTables::collectlogsTablesBeforeTheirJson()
{
    QFETCH(QString, file);
    QFETCH(QString, firstRow);
    QFETCH(QString, secondRow);

    const ExtractResult result = tablesOf(file);
    QCOMPARE(result.values.size(), std::size_t(2));
    QCOMPARE(QString::fromStdString(result.values[0].value.dump()), firstRow);
    QCOMPARE(QString::fromStdString(result.values[1].value.dump()), secondRow);
    QVERIFY(result.warnings.empty());
    // The JSON after the table gives no table objects: every object comes from the table's lines.
    for (const FoundValue& found : result.values)
        QVERIFY(found.lastLine <= 5);
}

void TestTables::sourceTextShowsTheHeader()
{
    const ExtractResult hnsdiag = tablesOf(QStringLiteral("hnsdiag-new-layout.txt"));
    QCOMPARE(QString::fromStdString(byId(hnsdiag, lb1)->sourceText),
             QStringLiteral("ID                                   | Virtual IPs      | Direct IP IDs\n") +
                 lb1 + QStringLiteral(" |   10.112.0.1     | ") + ep2);
    const ExtractResult table = tablesOf(QStringLiteral("table-collectlogs-network.txt"));
    QCOMPARE(QString::fromStdString(table.values[0].sourceText).split(QLatin1Char('\n')).size(), 3);
    QVERIFY(QString::fromStdString(table.values[0].sourceText).startsWith(QStringLiteral("Name ")));
}

void TestTables::linesThatAreNotTablesGiveNothing_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("hnsdiag list -d") << QString::fromUtf8(readDump(QStringLiteral("hnsdiag-detailed.txt")));
    QTest::newRow("JSON") << QString::fromUtf8(readDump(QStringLiteral("network-crlf.json")));
    QTest::newRow("older hnsdiag list endpoints, one object per heading (the list view reader's)")
        << QString::fromUtf8(readDump(QStringLiteral("hnsdiag-list-endpoints-per-object.txt")));
    QTest::newRow("list view")
        << QStringLiteral("ID                 : %1\nName               : nat\nType               : "
                          "nat\n\nID                 : %2\nName               : x\n")
               .arg(natNet, overlayNet);
    QTest::newRow("hnsdiag list view of newer builds")
        << QStringLiteral("Networks:\nNetwork : %1\n    Name : nat\n").arg(natNet);
    QTest::newRow("prose and prompts")
        << QStringLiteral("PS C:\\> hnsdiag list all\nThe networks ID and Name are below.\nNothing else.\n");
    QTest::newRow("markdown heading") << QStringLiteral("Networks\n--------\nnat is missing\n");
}

void TestTables::linesThatAreNotTablesGiveNothing()
{
    QFETCH(QString, text);
    const ExtractResult result = tablesOfText(text.toStdString());
    QCOMPARE(::objects(result), QStringList{});
    QVERIFY(result.warnings.empty());
}

void TestTables::manyRows()
{
    // A node with 10,000 load balancers, each with two DIPs; speed is reported, not asserted.
    std::string text =
        "LoadBalancers:\nID                                   | Virtual IPs      | Direct IP IDs\n";
    for (int i = 0; i < 10000; ++i) {
        char id[40];
        std::snprintf(id, sizeof id, "%08x-5e27-4b90-8c41-f2a9e07b3d16", i);
        text += std::string(id) + " |  10.112." + std::to_string(i / 250) + "." + std::to_string(i % 250) +
                "   | " + ep1 + " " + ep2 + "\n";
    }
    const auto lines = cleanPastedText(text);
    QElapsedTimer timer;
    timer.start();
    const ExtractResult result = extractTables(lines);
    qInfo("10,000 hnsdiag rows: %lld ms", timer.elapsed());
    QCOMPARE(result.values.size(), std::size_t(10000));
    QCOMPARE(result.values.back().value["References"].size(), std::size_t(2));
    QVERIFY(result.warnings.empty());
}

void TestTables::linesAfterATableWithoutABlankLine()
{
    // Prose pasted right under a table: a warning per line, the rows before it intact, and no row grows
    // from the lines that follow.
    std::string text =
        std::string(
            "Endpoints:\nName             ID                                   Virtual Network Name\n") +
        "Ethernet         " + ep1 + " nat\n";
    for (int i = 0; i < 2000; ++i)
        text += "and then the pod could not reach the service number " + std::to_string(i) + "\n";
    QElapsedTimer timer;
    timer.start();
    const ExtractResult result = tablesOfText(text);
    QVERIFY(timer.elapsed() < 5000);
    QCOMPARE(::objects(result), QStringList{kindId("Endpoint", ep1)});
    QCOMPARE(str(result.values[0].value["VirtualNetworkName"]), QStringLiteral("nat"));
    QVERIFY(!result.warnings.empty());
    QCOMPARE(result.warnings.front().firstLine, 4);
}

void TestTables::whereASectionEnds_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("objects");
    QTest::addColumn<QStringList>("warnings"); ///< their lines

    const QString heading =
        QStringLiteral("Endpoints:\nName             ID                                   Virtual Network Name\n");
    const auto row = [](const char* id) { return QStringLiteral("Ethernet         %1 cbr0\n").arg(id); };
    const QStringList none;

    QTest::newRow("a blank line between rows")
        << heading + row(ep1) + "\n" + row(ep2) + row(ep3)
        << QStringList{kindId("Endpoint", ep1), kindId("Endpoint", ep2), kindId("Endpoint", ep3)} << none;
    QTest::newRow("several blank lines between rows")
        << heading + row(ep1) + "\n\n\n" + row(ep2)
        << QStringList{kindId("Endpoint", ep1), kindId("Endpoint", ep2)} << none;
    QTest::newRow("a blank line, then a row printed in other columns: reported")
        << heading + row(ep1) + QStringLiteral("\nEthernet %1 cbr0\n").arg(ep2)
        << QStringList{kindId("Endpoint", ep1)} << QStringList{"5-5"};
    QTest::newRow("a blank line, then prose naming an endpoint")
        << heading + row(ep1) +
               QStringLiteral("\nThe endpoint %1 was removed by the CNI plugin after the restart\n").arg(ep2)
        << QStringList{kindId("Endpoint", ep1)} << none;
    QTest::newRow("a blank line, then the next section")
        << heading + row(ep1) + "\nNetworks:\nName             ID\ncbr0             " + natNet + "\n"
        << QStringList{kindId("Endpoint", ep1), kindId("Network", natNet)} << none;
    QTest::newRow("a blank line inside a | table")
        << QStringLiteral("LoadBalancers:\nID                                   | Virtual IPs | Direct IP IDs\n"
                          "%1 | 10.96.0.10  | %3\n\n%2 | 10.96.0.11  | %3\n")
               .arg(lb1, lb2, ep1)
        << QStringList{kindId("LoadBalancer", lb1), kindId("LoadBalancer", lb2)} << none;
    QTest::newRow("a markdown fence right after the rows")
        << "```\n" + heading + row(ep1) + "```\n" << QStringList{kindId("Endpoint", ep1)} << none;
    QTest::newRow("a tilde fence right after the rows")
        << "~~~text\n" + heading + row(ep1) + "~~~\n" << QStringList{kindId("Endpoint", ep1)} << none;
    QTest::newRow("a PowerShell prompt right after the rows")
        << heading + row(ep1) + "PS C:\\Users\\operator> hnsdiag list loadbalancers\n"
        << QStringList{kindId("Endpoint", ep1)} << none;
    QTest::newRow("a cmd prompt right after the rows")
        << heading + row(ep1) + "C:\\k>kubectl get pods -A\n" << QStringList{kindId("Endpoint", ep1)} << none;
    QTest::newRow("a bare prompt right after the rows")
        << heading + row(ep1) + "PS C:\\Users\\operator>\n" << QStringList{kindId("Endpoint", ep1)} << none;
    QTest::newRow("a cmdlet right after the rows")
        << heading + row(ep1) + "Get-HnsEndpoint | ConvertTo-Json\n" << QStringList{kindId("Endpoint", ep1)}
        << none;
    QTest::newRow("a cmdlet naming a GUID right after the rows")
        << heading + row(ep1) + QStringLiteral("Remove-HnsEndpoint -Id %1\n").arg(ep2)
        << QStringList{kindId("Endpoint", ep1)} << none;
    QTest::newRow("a program naming a GUID right after the rows")
        << heading + row(ep1) + QStringLiteral("hnsdiag delete endpoints %1\n").arg(ep2)
        << QStringList{kindId("Endpoint", ep1)} << none;
    QTest::newRow("an endpoint named like a command is a row")
        << heading + row(ep1) + QStringLiteral("docker           %1 cbr0\n").arg(ep2)
        << QStringList{kindId("Endpoint", ep1), kindId("Endpoint", ep2)} << none;
    QTest::newRow("one row ending in two empty cells is not a web page's table")
        << QStringLiteral("LoadBalancers:\nID                                   | Virtual IPs | Direct IP IDs\n"
                          "%1 | 10.96.0.10  | %2\n%3 |             |\n")
               .arg(lb1, ep1, lb2)
        << QStringList{kindId("LoadBalancer", lb1), kindId("LoadBalancer", lb2)} << none;
}

void TestTables::whereASectionEnds()
{
    QFETCH(QString, text);
    QFETCH(QStringList, objects);
    QFETCH(QStringList, warnings);

    const ExtractResult result = tablesOfText(text.toStdString());
    QCOMPARE(::objects(result), objects);
    QCOMPARE(warningLines(result), warnings);
}

void TestTables::guidListsWrappedOntoAnyNumberOfLines_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("pipes");
    QTest::addColumn<int>("ids");   ///< in the wrapped cell
    QTest::addColumn<int>("width"); ///< of the console

    const int lb = int(ResourceKind::LoadBalancer);
    const int ns = int(ResourceKind::Namespace);
    QTest::newRow("24 DIPs on 8 lines") << lb << true << 24 << 120;
    QTest::newRow("26 DIPs on 9 lines") << lb << true << 26 << 120;
    QTest::newRow("300 DIPs at 80 columns") << lb << true << 300 << 80;
    QTest::newRow("5,000 DIPs at 120 columns") << lb << true << 5000 << 120;
    QTest::newRow("a namespace's 60 endpoints") << ns << true << 60 << 120;
    // Consoles of every width from 100 to 136 columns put the breaks at every place in a GUID and
    // between two (a line starting with a blank, or with a whole GUID).
    for (int width = 100; width <= 136; ++width)
        QTest::addRow("30 DIPs at %d columns", width) << lb << true << 30 << width;
    // Without `|` the rows are told apart by their content: a load balancer's row has its VIPs (or
    // blanks) before the list, a continuation line only GUIDs one blank apart.
    for (int width = 100; width <= 136; ++width)
        QTest::addRow("blank-separated cells, 40 DIPs at %d columns", width) << lb << false << 40 << width;
    // A namespace's row is GUIDs alone: its continuation is told by a GUID the break cut, as every break
    // at 100 columns does here.
    QTest::newRow("blank-separated cells, a namespace's 40 endpoints") << ns << false << 40 << 100;
}

void TestTables::guidListsWrappedOntoAnyNumberOfLines()
{
    QFETCH(int, kind);
    QFETCH(bool, pipes);
    QFETCH(int, ids);
    QFETCH(int, width);

    const bool lb = ResourceKind(kind) == ResourceKind::LoadBalancer;
    const std::string bar = pipes ? " | " : " ";
    std::string row = std::string(lb1) + bar + (lb ? "  10.96.0.1      " + bar : "");
    std::vector<std::string> expected;
    for (int i = 0; i < ids; ++i) {
        expected.push_back(madeUpGuid(i));
        row += (i ? " " : "") + expected.back();
    }
    std::string text =
        lb ? "LoadBalancers:\nID" + std::string(35, ' ') + bar + "Virtual IPs      " + bar + "Direct IP IDs\n"
           : "Namespaces:\nID" + std::string(35, ' ') + bar + "Endpoint IDs\n";
    // The console wraps every row at its width: the long one, and the next, as short as a row is.
    const auto wrap = [&](const std::string& line) {
        int lines = 0;
        for (std::size_t at = 0; at < line.size(); at += std::size_t(width), ++lines)
            text += line.substr(at, std::size_t(width)) + "\n";
        return lines;
    };
    const int lines = wrap(row);
    wrap(std::string(lb2) + bar + (lb ? "  10.96.0.10     " + bar : "") + ep1);

    const ExtractResult result = tablesOfText(text);
    QCOMPARE(warningLines(result), QStringList{});
    QCOMPARE(::objects(result), (QStringList{kindId(resourceKindName(ResourceKind(kind)).data(), lb1),
                                             kindId(resourceKindName(ResourceKind(kind)).data(), lb2)}));
    const FoundValue& wrapped = result.values[0];
    QCOMPARE(wrapped.lastLine - wrapped.firstLine + 1, lines);
    if (lines > 1)
        QCOMPARE(wrapped.repairs,
                 std::vector<std::string>{"joined a row wrapped onto " + std::to_string(lines) + " lines"});
    std::vector<std::string> found;
    if (lb) {
        for (const auto& reference : wrapped.value["References"])
            found.push_back(reference.get<std::string>().substr(std::strlen("/endpoints/")));
        QCOMPARE(strings(wrapped.value["Policies"][0]["VIPs"]), QStringList{QStringLiteral("10.96.0.1")});
    } else {
        for (const auto& resource : wrapped.value["ResourceList"])
            found.push_back(resource["Data"]["Id"].get<std::string>());
    }
    QCOMPARE(found, expected);
}

void TestTables::bracedListsOfIds()
{
    const ExtractResult result = tablesOf(QStringLiteral("hnsdiag-braced-ids.txt"));
    QVERIFY(result.warnings.empty());
    const auto endpointIds = [&](const char* ns) {
        QStringList out;
        for (const auto& resource : byId(result, ns)->value["ResourceList"])
            out << str(resource["Data"]["Id"]);
        return out;
    };
    const QString e1 = QString::fromLatin1(bracedEp1), e2 = QString::fromLatin1(bracedEp2);
    QCOMPARE(endpointIds(bracedNsA), (QStringList{e1, e2}));
    QCOMPARE(endpointIds(bracedNsB), QStringList{}); // `{}`
    const QString endpoints = QStringLiteral("/endpoints/");
    QCOMPARE(strings(byId(result, bracedLbA)->value["References"]),
             (QStringList{endpoints + e1, endpoints + e2}));
    QCOMPARE(strings(byId(result, bracedLbB)->value["References"]), QStringList{endpoints + e2}); // `{ x }`
    QCOMPARE(strings(byId(result, bracedLbA)->value["Policies"][0]["VIPs"]), QStringList{"10.96.0.10"});

    // Cells separated by blanks only.
    const ExtractResult blanks = tablesOfText(
        std::string("LoadBalancers:\nID                                   Virtual IPs      Direct IP IDs\n") +
        lb1 + "   10.96.0.10     {" + ep1 + ", " + ep2 + "}\n");
    QVERIFY(blanks.warnings.empty());
    QCOMPARE(strings(blanks.values.at(0).value["References"]),
             (QStringList{endpoints + ep1, endpoints + ep2}));
}

void TestTables::rowsThePasteCut_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("objects");
    QTest::addColumn<QStringList>("warnings");
    QTest::addColumn<QStringList>("lastLosses"); ///< of the last object, what the cut took from it

    const QString networks =
        QStringLiteral("Networks:\nName             ID\nl2bridge         %1\n\n").arg(natNet);
    const QString endpoints =
        networks + QStringLiteral("Endpoints:\nName             ID                                   "
                                  "Virtual Network Name\nEthernet         %1 l2bridge\n")
                       .arg(ep1);
    const QStringList two{kindId("Network", natNet), kindId("Endpoint", ep1)};
    const QStringList seen{"VirtualNetwork: not shown by hnsdiag list (only the network's name)",
                           "IPAddress: not shown by hnsdiag list", "MacAddress: not shown by hnsdiag list",
                           "Policies: not shown by hnsdiag list"};
    QTest::newRow("the paste ends inside the ID of the last endpoint")
        << endpoints + "Ethernet         4f9d2b6e-1a83-4c57-9d20-e6b\n"
        << two
        << QStringList{"line 8: the paste ends inside the row of endpoint 4f9d2b6e-1a83-4c57-9d20-e6b\u2026 "
                       "(Name "
                       "Ethernet) in the hnsdiag Endpoints table; not imported, as its ID is cut"}
        << seen;
    QTest::newRow("the same in a fence, cells between bars")
        << "```\nEndpoints:\nName     | ID                                   | Virtual Network "
           "Name\nEthernet | " +
               QString(ep1) + " | l2bridge\ncbr0_ep  | 4f9d2b6e-1a83-4c\n```\n"
        << QStringList{kindId("Endpoint", ep1)}
        << QStringList{"line 5: the paste ends inside the row of endpoint 4f9d2b6e-1a83-4c\u2026 (Name "
                       "cbr0_ep) in "
                       "the hnsdiag Endpoints table; not imported, as its ID is cut"}
        << seen;
    QTest::newRow("the paste ends inside the name, before the ID")
        << endpoints + "Ethern\n"
        << two
        << QStringList{"line 8: the paste ends inside a row of the hnsdiag Endpoints table (\"Ethern\"), "
                       "before "
                       "its ID; not imported"}
        << seen;
    QTest::newRow("a row that lost its end inside its ID, rows after it")
        << endpoints + "Ethernet         4f9d2b6e-1a83-4c57\nEthernet         " + ep3 + " l2bridge\n"
        << QStringList{kindId("Network", natNet), kindId("Endpoint", ep1), kindId("Endpoint", ep3)}
        << QStringList{"line 8: the row of endpoint 4f9d2b6e-1a83-4c57\u2026 (Name Ethernet) in the hnsdiag "
                       "Endpoints table ends inside its ID (cut by the paste?); not imported, as its ID is "
                       "cut"}
        << seen;
    QTest::newRow("the paste ends inside a namespace's ID")
        << QStringLiteral("Namespaces:\nID                                   | Endpoint IDs\n"
                          "7c2e9f14-b3a8-4d61-9f05-e4a1c8b2d937 | %1\ne5a07d3b-8c\n")
               .arg(ep1)
        << QStringList{kindId("Namespace", "7c2e9f14-b3a8-4d61-9f05-e4a1c8b2d937")}
        << QStringList{"line 4: the paste ends inside the row of namespace e5a07d3b-8c\u2026 in the hnsdiag "
                       "Namespaces table; not imported, as its ID is cut"}
        << QStringList{"ResourceList: only endpoints shown by hnsdiag list (containers unknown)",
                       "CompartmentId: not shown by hnsdiag list"};
    QTest::newRow("the paste ends inside the network's name: the endpoint kept without it")
        << endpoints + "Ethernet         " + ep2 + " l2br\n"
        << QStringList{kindId("Network", natNet), kindId("Endpoint", ep1), kindId("Endpoint", ep2)}
        << QStringList{"line 8: the paste ends inside the row of endpoint Ethernet (" + QString(ep2) +
                       ") in the hnsdiag Endpoints table; Virtual Network Name: cut by the paste after "
                       "\"l2br\" "
                       "(not read)"}
        << QStringList{"VirtualNetwork: not shown by hnsdiag list", "IPAddress: not shown by hnsdiag list",
                       "MacAddress: not shown by hnsdiag list", "Policies: not shown by hnsdiag list",
                       "Virtual Network Name: cut by the paste after \"l2br\" (not read)"};
    QTest::newRow("the paste ends right after the ID")
        << endpoints + "Ethernet         " + ep2 + "\n"
        << QStringList{kindId("Network", natNet), kindId("Endpoint", ep1), kindId("Endpoint", ep2)}
        << QStringList{"line 8: the paste ends inside the row of endpoint Ethernet (" + QString(ep2) +
                       ") in the hnsdiag Endpoints table; Virtual Network Name: not shown, the paste ends "
                       "before "
                       "them"}
        << QStringList{"VirtualNetwork: not shown by hnsdiag list", "IPAddress: not shown by hnsdiag list",
                       "MacAddress: not shown by hnsdiag list", "Policies: not shown by hnsdiag list",
                       "Virtual Network Name: not shown, the paste ends before them"};
    // A console 80 columns wide broke each row in two; the paste ends in the last row's second line.
    const QString longName = QStringLiteral("Lab Internal Switch 2 (isolated) for the build agents");
    const QString wide1 = QStringLiteral("Ethernet         %1 ").arg(ep1) + longName;
    const QString wide2 = QStringLiteral("Ethernet         %1 ").arg(ep2) + longName;
    QTest::newRow("a row a console broke in two, cut in its second line")
        << QStringLiteral(
               "Endpoints:\nName             ID                                   Virtual Network Name\n") +
               wide1.left(80) + "\n" + wide1.mid(80) + "\n" + wide2.left(80) + "\n" + wide2.mid(80, 9) + "\n"
        << QStringList{kindId("Endpoint", ep1), kindId("Endpoint", ep2)}
        << QStringList{"lines 5-6: the paste ends inside the row of endpoint Ethernet (" + QString(ep2) +
                       ") in the hnsdiag Endpoints table; Virtual Network Name: cut by the paste after \"Lab "
                       "Internal Switch 2 (isolated) fo\" (not read)"}
        << QStringList{"VirtualNetwork: not shown by hnsdiag list", "IPAddress: not shown by hnsdiag list",
                       "MacAddress: not shown by hnsdiag list", "Policies: not shown by hnsdiag list",
                       "Virtual Network Name: cut by the paste after \"Lab Internal Switch 2 (isolated) fo\" "
                       "(not read)"};
    QTest::newRow("a whole last row on another network: nothing cut")
        << endpoints + "Ethernet         " + ep2 + " nat\n"
        << QStringList{kindId("Network", natNet), kindId("Endpoint", ep1), kindId("Endpoint", ep2)}
        << QStringList{} << seen;
    QTest::newRow("a sentence after the table is no cut row")
        << endpoints + "Ethernet         " + ep2 + " l2bridge\nthat is all\nthanks\n"
        << QStringList{kindId("Network", natNet), kindId("Endpoint", ep1), kindId("Endpoint", ep2)}
        << QStringList{"line 9: a line in the hnsdiag Endpoints table is not a row of it",
                       "line 10: a line in the hnsdiag Endpoints table is not a row of it"}
        << seen;
    QTest::newRow("copied from a web page: the cut row lacks the empty cells")
        << QString::fromUtf8(readDump(QStringLiteral("hnsdiag-web-table-cut-row.txt")))
        << QStringList{kindId("Network", switchNet), kindId("Network", natNet), kindId("Endpoint", ep2),
                       kindId("Endpoint", ep1)}
        << QStringList{"line 10: the paste ends inside a row of the hnsdiag Endpoints table (\"Ethern\"), "
                       "before its ID; not imported"}
        << seen;
}

void TestTables::rowsThePasteCut()
{
    QFETCH(QString, text);
    QFETCH(QStringList, objects);
    QFETCH(QStringList, warnings);
    QFETCH(QStringList, lastLosses);

    const ExtractResult result = tablesOfText(text.toStdString());
    QCOMPARE(::objects(result), objects);
    QStringList messages;
    for (const ImportWarning& w : result.warnings)
        messages << QString::fromStdString(w.message);
    QCOMPARE(messages, warnings);
    QVERIFY(!result.values.empty());
    QCOMPARE(losses(result.values.back()), lastLosses);
    for (const FoundValue& found : result.values)
        QVERIFY(!found.value.contains("VirtualNetworkName") || found.value["VirtualNetworkName"] != "l2br");
}

void TestTables::formatTablesNameWhatTheyLeaveOut_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QStringList>("losses"); ///< of every row
    QTest::addColumn<QStringList>("warnings");

    const QString endpointTable =
        QStringLiteral("PS C:\\> Get-HnsEndpoint | Format-Table Id, Name, IPAddress, IsRemoteEndpoint\n\n"
                       "ID                                   Name     IPAddress     IsRemoteEndpoint\n"
                       "--                                   ----     ---------     ----------------\n"
                       "%1 Ethernet 10.244.2.11               True\n"
                       "%2 Ethernet 10.244.3.17               True\n")
            .arg(ep1, ep2);
    const QStringList endpointLosses{"VirtualNetwork: not shown by the table",
                                     "MacAddress: not shown by the table",
                                     "Policies: not shown by the table"};
    QTest::newRow("Format-Table of endpoints: network, MAC and policies left out")
        << endpointTable << 2 << endpointLosses << QStringList{};
    QTest::newRow("a second host's table cut inside its header")
        << endpointTable + "\n```\nNode: win-node-2\n```\nPS C:\\> Get-HnsEndpoint | Format-Table Id, Name, "
                           "IPAddress, IsRemoteEndpoint\n\nID                                   Name     "
                           "IPAddress     IsRemoteEndpo\n"
        << 2 << endpointLosses
        << QStringList{
               "line 13: a table cut after its header (ID, Name, IPAddress, IsRemoteEndpo): the paste ends "
               "there; no rows"};
    QTest::newRow("a Select-Object table cut inside its rule")
        << QStringLiteral(
               "PS C:\\> Get-HnsEndpoint | Select Name, State, VirtualNetworkName, GatewayAddress\n\n"
               "Name                     State VirtualNetworkName GatewayAddress\n----\n")
        << 0 << QStringList{}
        << QStringList{
               "lines 3-4: a table cut after its header (Name, State, VirtualNetworkName, GatewayAddress): "
               "the paste ends there; no rows"};
    QTest::newRow("networks with their subnets")
        << QStringLiteral("Name  ID                                   Type     Subnets\n"
                          "----  --                                   ----     -------\n"
                          "nat   %1 NAT      {@{AddressPrefix=172.20.16.0/20; GatewayAddress=172.20.16.1}}\n")
               .arg(natNet)
        << 1 << QStringList{"Policies: not shown by the table"} << QStringList{};
    QTest::newRow("a table of another cmdlet: nothing said")
        << QStringLiteral("Name     InterfaceDescription            ifIndex Status\n"
                          "----     --------------------            ------- ------\n"
                          "Ethernet Microsoft Hyper-V Network Adapter     6 Up\n")
        << 1 << QStringList{} << QStringList{};
    QTest::newRow("the last line of prose naming properties is no header")
        << QStringLiteral("the endpoint shows IPAddress and MacAddress but not Policies\n") << 0
        << QStringList{} << QStringList{};
}

void TestTables::formatTablesNameWhatTheyLeaveOut()
{
    QFETCH(QString, text);
    QFETCH(int, rows);
    QFETCH(QStringList, losses);
    QFETCH(QStringList, warnings);

    const ExtractResult result = tablesOfText(text.toStdString());
    QCOMPARE(int(result.values.size()), rows);
    for (const FoundValue& found : result.values)
        QCOMPARE(::losses(found), losses);
    QStringList messages;
    for (const ImportWarning& w : result.warnings)
        messages << QString::fromStdString(w.message);
    QCOMPARE(messages, warnings);
}

/// A Format-Table without an ID column: the import makes each row's ID up, and the report's line about
/// what the object lost says so first, ahead of the properties the table does not show, however many of
/// them push the rest behind "and N more".
void TestTables::rowsWithoutAnIdSayTheirMadeUpIdFirst_data()
{
    QTest::addColumn<QString>("dump");
    QTest::addColumn<QString>("object"); ///< as the report names it
    QTest::addColumn<int>("more");       ///< losses behind "and N more"

    QTest::newRow("endpoints: network, address, MAC and policies not shown")
        << QStringLiteral("format-table-without-id.txt") << QStringLiteral("endpoint cbr0_ep1") << 2;
    QTest::newRow("a remote endpoint of the same table")
        << QStringLiteral("format-table-without-id.txt") << QStringLiteral("endpoint remote_ep") << 2;
    QTest::newRow("a network: type, subnets and policies not shown")
        << QStringLiteral("format-table-without-id.txt") << QStringLiteral("network cbr0") << 1;
}

void TestTables::rowsWithoutAnIdSayTheirMadeUpIdFirst()
{
    QFETCH(QString, dump);
    QFETCH(QString, object);
    QFETCH(int, more);

    const QByteArray bytes = readDump(dump);
    const Result<ImportResult> imported = importDump({{dump.toStdString(), std::string(bytesView(bytes))}});
    QVERIFY(imported.ok());
    QStringList said;
    QString lost;
    for (const ImportMessage& m : imported->report.messages) {
        const QString message = QString::fromStdString(m.message);
        said << message;
        if (message.startsWith(object + QLatin1Char(' ')) &&
            message.contains(QStringLiteral("not carried in full")))
            lost = message;
    }
    QVERIFY2(!lost.isEmpty(), qPrintable(said.join(QLatin1Char('\n'))));
    const QString losses = lost.mid(lost.indexOf(QStringLiteral(": not carried in full by the dump: ")) + 35);
    // The ID made up comes first, before the table's own losses.
    QVERIFY2(losses.startsWith(QStringLiteral("ID: not in the dump; the snapshot calls it ")),
             qPrintable(lost));
    QVERIFY2(losses.contains(QStringLiteral(": not shown by the table")), qPrintable(lost));
    QVERIFY2(losses.endsWith(QStringLiteral("; and %1 more").arg(more)), qPrintable(lost));
}

/// `Format-Table ID, Name, IPAddress, MacAddress -Wrap` on a console 64 columns wide: PowerShell gives
/// each column 15 characters and cuts what is longer inside its words, the ID too, so a row's lines go
/// on in the first column. Each row reads whole, its ID glued again.
void TestTables::formatTableWrappedByANarrowConsole()
{
    const ExtractResult result = tablesOf(QStringLiteral("format-table-wrap-64-columns.txt"));
    QCOMPARE(spans(result), QStringLiteral("5-7 8-10"));
    QCOMPARE(result.values.size(), std::size_t(2));
    QCOMPARE(result.values[0].value, (nlohmann::json{{"ID", "C5D08E3A-61F2-4B97-8A4C-2E0F7B9D5136"},
                                                     {"Name", "7f3e91b0c2d84a56e1f09b7c3d2a6e48_cbr0"},
                                                     {"IPAddress", "10.244.3.27"},
                                                     {"MacAddress", "00-15-5D-3A-8C-E2"}}));
    QCOMPARE(result.values[1].value, (nlohmann::json{{"ID", "2A7F0C95-D84B-4E16-B3A9-5C1E8F06D72B"},
                                                     {"Name", "remote_10.244.4.0_cbr0"},
                                                     {"IPAddress", "10.244.4.2"},
                                                     {"MacAddress", "02-11-0A-F4-04-02"}}));
    QCOMPARE(result.values[0].repairs, std::vector<std::string>{"joined cells wrapped onto following lines"});
    QVERIFY2(result.warnings.empty(), result.warnings.empty() ? "" : result.warnings[0].message.c_str());
}

void TestTables::pasteCutInASectionHeading_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("objects");
    QTest::addColumn<QStringList>("warnings");

    const QString endpoints =
        QStringLiteral(
            "Endpoints:\nName             ID                                   Virtual Network Name\n"
            "Ethernet         %1 cbr0\n")
            .arg(ep1);
    const QStringList endpoint{kindId("Endpoint", ep1)};
    QTest::newRow("LoadBalance after an empty Namespaces section")
        << QString::fromUtf8(readDump(QStringLiteral("hnsdiag-cut-in-heading.txt")))
        << QStringList{kindId("Network", "6513270E-269E-4D37-B2A7-4DE452E6B438"),
                       kindId("Endpoint", "d23f0824-128b-4f33-8c5c-7fd0a6a3a450")}
        << QStringList{"line 13: the paste ends inside the heading of the LoadBalancers section "
                       "(\"LoadBalance\"); its objects are not in the dump"};
    QTest::newRow("Namesp after the endpoints")
        << endpoints + "\nNamesp\n"
        << endpoint
        << QStringList{
               "line 5: the paste ends inside the heading of the Namespaces section (\"Namesp\"); its "
               "objects are not in the dump"};
    QTest::newRow("the colon cut, a closing fence after it")
        << "```\n" + endpoints + "\nLoadBalancers\n```\n"
        << endpoint
        << QStringList{"line 6: the paste ends inside the heading of the LoadBalancers section "
                       "(\"LoadBalancers\"); its objects are not in the dump"};
    QTest::newRow("a word after the table that the paste does not end with")
        << endpoints + "\nNamespaces are fine\nbut the service is not\n"
        << endpoint << QStringList{};
    QTest::newRow("one letter") << endpoints + "\nN\n" << endpoint << QStringList{};
}

void TestTables::pasteCutInASectionHeading()
{
    QFETCH(QString, text);
    QFETCH(QStringList, objects);
    QFETCH(QStringList, warnings);

    const ExtractResult result = tablesOfText(text.toStdString());
    QCOMPARE(::objects(result), objects);
    QStringList messages;
    for (const ImportWarning& w : result.warnings)
        messages << QString::fromStdString(w.message);
    QCOMPARE(messages, warnings);
}

void TestTables::guidListsWrappedBetweenTwoIds_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("separator"); ///< between two IDs of the list
    QTest::addColumn<int>("braces");        ///< 0 none, 1 the list in braces, 2 every ID in braces
    QTest::addColumn<int>("width");         ///< of the console

    // Without `|`, a console of every width from 80 to 200 columns breaks the list at every place: inside
    // a GUID, right after one (the next line starts with the blank or the comma) and right after the
    // blank (the next line starts with a whole GUID at column 0, as a row does).
    const int lb = int(ResourceKind::LoadBalancer);
    const int ns = int(ResourceKind::Namespace);
    for (const int kind : {ns, lb}) {
        const char* kindName = kind == ns ? "namespace" : "load balancer";
        for (const char* separator : {" ", ", "}) {
            for (int braces = 0; braces < 3; ++braces) {
                if (braces == 1 && std::string_view(separator) == " ")
                    continue; // `{a b}` is printed by nothing
                for (int width = 80; width <= 200; ++width)
                    QTest::addRow("%s, \"%s\", braces %d, %d columns", kindName, separator, braces, width)
                        << kind << QString::fromLatin1(separator) << braces << width;
            }
        }
    }
}

void TestTables::guidListsWrappedBetweenTwoIds()
{
    QFETCH(int, kind);
    QFETCH(QString, separator);
    QFETCH(int, braces);
    QFETCH(int, width);

    const bool lb = ResourceKind(kind) == ResourceKind::LoadBalancer;
    // Cells at the header's columns, as hnsdiag pads them.
    const auto pad = [](std::string text, std::size_t column) {
        text.resize(std::max(column, text.size() + 1), ' ');
        return text;
    };
    const std::size_t listColumn = lb ? 58 : 39;
    const std::string header = lb ? pad(pad("ID", 39) + "Virtual IPs", listColumn) + "Direct IP IDs"
                                  : pad("ID", listColumn) + "Endpoint IDs";
    const auto rowStart = [&](const char* id, const char* vip) {
        return lb ? pad(pad(id, 39) + vip, listColumn) : pad(id, listColumn);
    };
    const int ids = 3 * width / 37 + 3; // three lines or more
    std::vector<std::string> expected;
    std::string list;
    for (int i = 0; i < ids; ++i) {
        expected.push_back(madeUpGuid(i));
        const std::string item = braces == 2 ? "{" + expected.back() + "}" : expected.back();
        list += (i ? separator.toStdString() : std::string()) + item;
    }
    if (braces == 1)
        list = "{" + list + "}";
    std::string text = std::string(lb ? "LoadBalancers:\n" : "Namespaces:\n") + header + "\n";
    // The console breaks every row at its width; the copy loses the blanks at the lines' ends.
    const auto wrap = [&](const std::string& row) {
        int lines = 0;
        for (std::size_t at = 0; at < row.size(); at += std::size_t(width), ++lines) {
            std::string line = row.substr(at, std::size_t(width));
            while (!line.empty() && line.back() == ' ')
                line.pop_back();
            text += line + "\n";
        }
        return lines;
    };
    const int lines = wrap(rowStart(lb1, "10.96.0.1") + list);
    // Genuine rows right after it: one listing one ID, one listing none.
    wrap(rowStart(lb2, "10.96.0.10") + ep1);
    wrap(lb ? rowStart(lb3, "10.96.0.20") : std::string(lb3));

    const ExtractResult result = tablesOfText(text);
    const char* kindName = resourceKindName(ResourceKind(kind)).data();
    QCOMPARE(warningLines(result), QStringList{});
    QCOMPARE(::objects(result),
             (QStringList{kindId(kindName, lb1), kindId(kindName, lb2), kindId(kindName, lb3)}));
    const FoundValue& wrapped = result.values[0];
    QCOMPARE(wrapped.lastLine - wrapped.firstLine + 1, lines);
    const auto members = [&](const FoundValue& found) {
        std::vector<std::string> out;
        if (lb) {
            for (const auto& reference : found.value["References"])
                out.push_back(reference.get<std::string>().substr(std::strlen("/endpoints/")));
        } else {
            for (const auto& resource : found.value["ResourceList"])
                out.push_back(resource["Data"]["Id"].get<std::string>());
        }
        return out;
    };
    QCOMPARE(members(wrapped), expected);
    QCOMPARE(members(result.values[1]), std::vector<std::string>{ep1});
    QCOMPARE(members(result.values[2]), std::vector<std::string>{});
    if (lb)
        QCOMPARE(strings(wrapped.value["Policies"][0]["VIPs"]), QStringList{QStringLiteral("10.96.0.1")});
}

void TestTables::listContinuationOrNextRow_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("objects");
    QTest::addColumn<QList<int>>("members"); ///< endpoints (DIPs) of each object

    const QString g[] = {QString::fromStdString(madeUpGuid(0)), QString::fromStdString(madeUpGuid(1)),
                         QString::fromStdString(madeUpGuid(2)), QString::fromStdString(madeUpGuid(3))};
    const QString nsHeader =
        QStringLiteral("Namespaces:\nID                                     Endpoint IDs\n");
    const QString lbHeader = QStringLiteral(
        "LoadBalancers:\nID                                     Virtual IPs        Direct IP IDs\n");
    const QString ns = QString::fromLatin1(lb1) + QStringLiteral("   ");
    const QString next = QString::fromLatin1(lb2) + QStringLiteral("   ") + QString::fromLatin1(ep1);
    const QString lbNext = QString::fromLatin1(lb2) + QStringLiteral("   10.96.0.10         ") + ep1;
    const QStringList two{kindId("Namespace", lb1), kindId("Namespace", lb2)};
    const QStringList twoLbs{kindId("LoadBalancer", lb1), kindId("LoadBalancer", lb2)};

    // The first line fills the console (113 columns) and ends in a whole GUID.
    QTest::newRow("namespace: the next line is the rest of the list")
        << nsHeader + ns + g[0] + ' ' + g[1] + "\n" + g[2] + ' ' + g[3] + "\n" + next + "\n"
        << two << QList<int>{4, 1};
    QTest::newRow("namespace: the next line is the list's last ID alone")
        << nsHeader + ns + g[0] + ' ' + g[1] + "\n" + g[2] + "\n" + next + "\n"
        << two << QList<int>{3, 1};
    QTest::newRow("namespace: the blank went to the next line")
        << nsHeader + ns + g[0] + ' ' + g[1] + "\n " + g[2] + "\n" + next + "\n"
        << two << QList<int>{3, 1};
    QTest::newRow("namespace: a genuine row after a line that fills the console")
        << nsHeader + ns + g[0] + ' ' + g[1] + "\n" + next + "\n"
        << two << QList<int>{2, 1};
    QTest::newRow("namespace: a genuine row after the list's last line fills the console")
        << nsHeader + ns + g[0] + ' ' + g[1] + "\n" + g[2] + ' ' + g[3] + ' ' + g[0] + "\n" + next + "\n"
        << two << QList<int>{5, 1};
    QTest::newRow("namespace: a row printed like a wrapped list's line is a row")
        << nsHeader + QString::fromLatin1(lb1) + ' ' + g[0] + ' ' + g[1] + ' ' + g[2] + "\n" + lb2 + ' ' +
               ep1 + "\n"
        << two << QList<int>{3, 1};
    QTest::newRow("namespace: a list an editor wrapped after a comma")
        << nsHeader + ns + g[0] + ", " + g[1] + ",\n" + g[2] + ",\n" + g[3] + "\n" + next + "\n"
        << two << QList<int>{4, 1};
    QTest::newRow("namespace: a list an editor wrapped, indented to its column")
        << nsHeader + ns + g[0] + "\n" + QString(39, ' ') + g[1] + ' ' + g[2] + "\n" + next + "\n"
        << two << QList<int>{3, 1};
    QTest::newRow("namespace: braced IDs, a genuine braced row after")
        << nsHeader + '{' + lb1 + "} {" + g[0] + "} {" + g[1] + "}\n{" + g[2] + "}\n{" + lb2 + "} {" + ep1 +
               "}\n"
        << QStringList{QStringLiteral("Namespace {%1}").arg(lb1), QStringLiteral("Namespace {%1}").arg(lb2)}
        << QList<int>{3, 1};
    QTest::newRow("load balancer: a genuine row after a line that fills the console")
        << lbHeader + QString::fromLatin1(lb1) + "   10.96.0.1          " + g[0] + ", " + g[1] + "\n" +
               lbNext + "\n"
        << twoLbs << QList<int>{2, 1};
    QTest::newRow("load balancer: a list an editor wrapped after a comma")
        << lbHeader + QString::fromLatin1(lb1) + "   10.96.0.1          " + g[0] + ",\n" + g[1] + ", " +
               g[2] + ",\n" + g[3] + "\n" + lbNext + "\n"
        << twoLbs << QList<int>{4, 1};
}

void TestTables::listContinuationOrNextRow()
{
    QFETCH(QString, text);
    QFETCH(QStringList, objects);
    QFETCH(QList<int>, members);

    const ExtractResult result = tablesOfText(text.toStdString());
    QCOMPARE(warningLines(result), QStringList{});
    QCOMPARE(::objects(result), objects);
    QList<int> found;
    for (const FoundValue& value : result.values)
        found << int(value.value.contains("References") ? value.value["References"].size()
                                                        : value.value["ResourceList"].size());
    QCOMPARE(found, members);
}

void TestTables::cellsAConsoleBrokeOrPushed_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("member"); ///< of the first row
    QTest::addColumn<QString>("value");

    // A network name longer than the console is wide, broken inside a word (joined as one) or at a blank
    // the console moved to the next line (one blank there). A break that leaves the blank at the end of
    // the line, where the copy trims it, cannot be told from a break inside a word and is left out.
    const std::string header = "Endpoints:\nName             ID                                   Virtual "
                               "Network Name\n";
    const std::string name = "Lab Internal Switch 2 (isolated) for the build agents";
    const std::string row = std::string("Ethernet         ") + ep1 + " " + name;
    const std::string next = std::string("Ethernet         ") + ep2 + " nat\n";
    for (std::size_t width = 76; width < row.size(); ++width) {
        if (row[width - 1] == ' ')
            continue;
        std::string text = header;
        for (std::size_t at = 0; at < row.size(); at += width)
            text += row.substr(at, width) + "\n";
        QTest::addRow("a network name broken %s at %d columns",
                      row[width] == ' ' ? "at a blank" : "inside a word", int(width))
            << QString::fromStdString(text + next) << QStringLiteral("VirtualNetworkName")
            << QString::fromStdString(name);
    }
    const QString columns = QStringLiteral(
        "Endpoints:\nName             ID                                   Virtual Network Name  IP Address "
        "      Mac Address\n");
    QTest::newRow("an endpoint without an IP address: its MAC address stays in its column")
        << columns + "Ethernet         " + ep1 +
               " nat                                    00-15-5D-F7-0E-0E\n" + "Ethernet         " + ep2 +
               " nat                   10.244.0.6       00-15-5D-F7-0E-0D\n"
        << QStringLiteral("MacAddress") << QStringLiteral("00-15-5D-F7-0E-0E");
    QTest::newRow("an endpoint without an IP address: its network name is its own")
        << columns + "Ethernet         " + ep1 + " nat                                    00-15-5D-F7-0E-0E\n"
        << QStringLiteral("VirtualNetworkName") << QStringLiteral("nat");
    QTest::newRow("an IPv6 address overflowing its column pushes the MAC address")
        << columns + "Ethernet         " + ep1 +
               " cbr0                  fd00:1234:5678:9abc::1:200 00-15-5D-F7-0E-0C\n"
        << QStringLiteral("MacAddress") << QStringLiteral("00-15-5D-F7-0E-0C");
    QTest::newRow("a name overflowing its column pushes the IP address")
        << columns + "Ethernet         " + ep1 +
               " Lab Internal Switch 2 (isolated) 10.0.0.5 00-15-5D-F7-0E-0C\n"
        << QStringLiteral("IPAddress") << QStringLiteral("10.0.0.5");
}

void TestTables::cellsAConsoleBrokeOrPushed()
{
    QFETCH(QString, text);
    QFETCH(QString, member);
    QFETCH(QString, value);

    const ExtractResult result = tablesOfText(text.toStdString());
    QCOMPARE(warningLines(result), QStringList{});
    QVERIFY(!result.values.empty());
    QCOMPARE(str(result.values[0].value.value(member.toStdString(), nlohmann::json())), value);
}

/// YAML (ConvertTo-Yaml, `kubectl get -o yaml`) has `Namespace:`, `Networks:` keys that read like hnsdiag
/// section headings; they are no tables: nothing is read from them and no row is said to be unreadable.
void TestTables::yamlKeysAreNoSectionHeadings_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("ConvertTo-Yaml of an endpoint: its Namespace member")
        << QStringLiteral("- ID: %1\n  Name: ep1\n  Namespace:\n    ID: %2\n    IsDefault: false\n"
                          "  VirtualNetwork: %3\n- ID: %4\n  Name: ep2\n  Namespace:\n    ID: %2\n")
               .arg(ep1, ns1, natNet, ep2);
    QTest::newRow("a top-level Networks key over a YAML list")
        << QStringLiteral("Networks:\n- ID: %1\n  Name: nat\n  Type: NAT\n").arg(natNet);
    QTest::newRow("a Networks key over an indented YAML list")
        << QStringLiteral("Networks:\n  - ID: %1\n    Name: nat\n").arg(natNet);
    QTest::newRow("an indented Endpoints key over its members")
        << QStringLiteral("status:\n  Endpoints:\n    %1  ep1  10.244.2.11\n").arg(ep1);
    QTest::newRow("a Namespace key and a key-value line at the same indentation")
        << QStringLiteral("Namespace:\nID: %1\n").arg(ns1);
}

void TestTables::yamlKeysAreNoSectionHeadings()
{
    QFETCH(QString, text);
    const ExtractResult result = tablesOfText(text.toStdString());
    QCOMPARE(::objects(result), QStringList{});
    QVERIFY2(result.warnings.empty(), result.warnings.empty() ? "" : result.warnings[0].message.c_str());
}

/// What a table could not show is worded after the listing read: hnsdiag's own (a section heading, or
/// labels of words such as `Virtual Network Name`), or a table of property names (Select-Object,
/// ConvertTo-Html) that may be any tool's, never blamed on hnsdiag.
void TestTables::lossesNameTheListingRead_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("loss");

    QTest::newRow("property names: the table")
        << QStringLiteral("ID                                   Name IPAddress   VirtualNetwork\n"
                          "%1 ep1  10.244.2.11 %2\n")
               .arg(ep1, natNet)
        << QStringLiteral("MacAddress: not shown by the table");
    QTest::newRow("property names with bars: the table")
        << QStringLiteral("ID | Name | IPAddress | VirtualNetwork\n%1 | ep1 | 10.244.2.11 | %2\n")
               .arg(ep1, natNet)
        << QStringLiteral("Policies: not shown by the table");
    QTest::newRow("hnsdiag's labels without a heading")
        << QStringLiteral("Name             ID                                   Virtual Network Name\n"
                          "Ethernet         %1 nat\n")
               .arg(ep1)
        << QStringLiteral("IPAddress: not shown by hnsdiag list");
    QTest::newRow("an hnsdiag section")
        << QStringLiteral("Networks:\nName             ID\nnat              %1\n").arg(natNet)
        << QStringLiteral("Type: not shown by hnsdiag list");
}

void TestTables::lossesNameTheListingRead()
{
    QFETCH(QString, text);
    QFETCH(QString, loss);
    const ExtractResult result = tablesOfText(text.toStdString());
    QCOMPARE(result.values.size(), std::size_t(1));
    const QStringList lost = losses(result.values[0]);
    QVERIFY2(lost.contains(loss), qPrintable(lost.join("; ")));
    if (!loss.contains(QStringLiteral("hnsdiag")))
        QVERIFY2(lost.filter(QStringLiteral("hnsdiag")).isEmpty(), qPrintable(lost.join("; ")));
}

/// Tables whose form is known but not hnsdiag's: a markdown table (GitHub, Jira) is read like the
/// other tables; rows of `Format-Table -HideTableHeaders` are read when their columns are known by what
/// each holds (a GUID, an address or MAC, a network mode), else a warning says why not; an hnsdiag
/// table under a heading the import does not know (a localized build) gives a warning naming it.
/// `objects`: as ::objects lists them; `warning`: part of the one warning expected, empty for none.
void TestTables::tablesTheHeaderlessOrMarkdownShow_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("objects");
    QTest::addColumn<QString>("warning");

    QTest::newRow("markdown table of endpoints")
        << QStringLiteral("| ID | Name | IPAddress | MacAddress | VirtualNetwork |\n|---|---|---|---|---|\n"
                          "| %1 | ep1 | 10.244.2.11 | 00-15-5D-A1-02-0B | %2 |\n"
                          "| %3 | ep2 | 10.244.2.12 | 00-15-5D-A1-02-0C | %2 |\n")
               .arg(ep1, natNet, ep2)
        << QStringList{kindId("Endpoint", ep1), kindId("Endpoint", ep2)} << QString();
    QTest::newRow("markdown table of networks, aligned, with colons in its rule")
        << QStringLiteral("| Name | ID                                   | Type     |\n"
                          "|:-----|:------------------------------------:|---------:|\n"
                          "| nat  | %1 | NAT      |\n")
               .arg(natNet)
        << QStringList{kindId("Invalid", natNet)} << QString();
    QTest::newRow("markdown table without an ID column")
        << QStringLiteral("| Name | Type |\n|---|---|\n| nat | NAT |\n") << QStringList{} << QString();
    QTest::newRow("-HideTableHeaders: ID, Name, IPAddress")
        << QStringLiteral("\n%1 3f6a1c2e9b4d_cbr0  10.244.2.11\n%2 a9d0c7e6f5b4_cbr0  10.244.2.12\n\n")
               .arg(ep1, ep2)
        << QStringList{kindId("Endpoint", ep1), kindId("Endpoint", ep2)} << QString();
    QTest::newRow("-HideTableHeaders: Name, ID, Type")
        << QStringLiteral("nat              %1 NAT\nvxlan-cluster    %2 Overlay\n").arg(natNet, overlayNet)
        << QStringList{kindId("Network", natNet), kindId("Network", overlayNet)} << QString();
    QTest::newRow("-HideTableHeaders: ID and Name only")
        << QStringLiteral("%1 nat\n%2 vxlan-cluster\n").arg(natNet, overlayNet) << QStringList{}
        << QStringLiteral("printed without its header");
    QTest::newRow("a log line with a GUID and an address is no table")
        << QStringLiteral("I1204 09:12:44.118230 4120 hns.go:211] endpoint %1 10.244.2.11\n").arg(ep1)
        << QStringList{} << QString();
    QTest::newRow("prose naming a GUID is no table")
        << QStringLiteral("The endpoint %1 has the address 10.244.2.11 and is missing its route.\n").arg(ep1)
        << QStringList{} << QString();
    QTest::newRow("hnsdiag with a heading it does not know")
        << QStringLiteral("Netzwerke:\nName             ID                                   Typ\n"
                          "nat              %1 NAT\n")
               .arg(natNet)
        << QStringList{} << QStringLiteral("\"Netzwerke:\" looks like the heading of an hnsdiag table");
}

void TestTables::tablesTheHeaderlessOrMarkdownShow()
{
    QFETCH(QString, text);
    QFETCH(QStringList, objects);
    QFETCH(QString, warning);
    const ExtractResult result = tablesOfText(text.toStdString());
    QCOMPARE(::objects(result), objects);
    QStringList warnings;
    for (const ImportWarning& w : result.warnings)
        warnings << QString::fromStdString(w.message);
    if (warning.isEmpty()) {
        QCOMPARE(warnings, QStringList{});
    } else {
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings[0].contains(warning), qPrintable(warnings[0]));
    }
    for (const FoundValue& found : result.values)
        QVERIFY2(losses(found).filter(QStringLiteral("hnsdiag")).isEmpty(),
                 qPrintable(losses(found).join("; ")));
}

/// A line after a row that reads whole and is as wide as the table's widest lines (a long 64-hex name):
/// the rest of that row a console wrapped only where the join leaves a network name the dump can hold,
/// or, where no network names tell, where the table shows its width to be a console's. Else it is the
/// start of a row the paste cut, and the row before keeps its network.
void TestTables::aLineAfterARowThatReadsWhole_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("endpoints"); ///< "<ID> on <network name>"
    QTest::addColumn<QStringList>("warnings");

    QTest::newRow("a long row, then the paste ends in the next row's long name")
        << "hnsdiag-long-row-then-cut-name.txt"
        << QStringList{"089efa68-77b7-4da4-aa61-ddb3c435d015 on nat",
                       "03bc75cc-42c7-4f42-af79-1fe7a9fdd8ac on nat"}
        << QStringList{"line 10: the paste ends inside a row of the hnsdiag Endpoints table "
                       "(\"28d6028a662be70617d8c83385d\"), before its ID; not imported"};
    QTest::newRow("no Networks table: long rows as wide end whole, then the paste ends in a long name")
        << "hnsdiag-long-rows-then-cut-name-no-networks.txt"
        << QStringList{"162d0e51-7271-4a61-ae34-e049cbe2e808 on nat",
                       "437bbd30-3442-4501-a7cd-7b45a1c36faa on nat",
                       "7ca8e60b-ef33-42bc-a960-4c0939924892 on nat"}
        << QStringList{"line 6: the paste ends inside a row of the hnsdiag Endpoints table "
                       "(\"39c08c11d4333e4ff6bb337d4cd2211\"), before its ID; not imported"};
    QTest::newRow("a long row, then a whole short row")
        << "hnsdiag-long-row-then-short-row.txt"
        << QStringList{"74c2ddc9-d888-4081-a57a-968130a8fa71 on nat",
                       "580b5f01-6edd-4799-a7b1-e473732d0b44 on nat"}
        << QStringList{};
    QTest::newRow("a short row, then the paste ends in a short name")
        << "hnsdiag-short-row-then-cut-name.txt" << QStringList{"516908b1-2259-4fef-a458-e74c1d0badf4 on nat"}
        << QStringList{"line 9: the paste ends inside a row of the hnsdiag Endpoints table (\"Etherne\"), "
                       "before its ID; not imported"};
    QTest::newRow("a short row, then the paste ends in a long name")
        << "hnsdiag-short-row-then-cut-long-name.txt"
        << QStringList{"c3dbc065-1f14-40cc-a23e-874fdac126d4 on nat"}
        << QStringList{"line 9: the paste ends inside a row of the hnsdiag Endpoints table "
                       "(\"c938f15cb73bdcb0e85c4e1aaebf9752a\"), before its ID; not imported"};
    QTest::newRow("a row the console broke inside a network's name the dump lists, among rows as wide")
        << "hnsdiag-long-row-wrapped-in-network-name.txt"
        << QStringList{"4bd0c982-acce-4223-a25d-6c8f08b1c51c on nat",
                       "d8d8a884-bda7-4733-a545-0ac0ae647396 on cbr0",
                       "3e34cbf0-71b6-46f7-a898-a13945b5020f on nat"}
        << QStringList{};
    QTest::newRow("a long row, then a row that lost its end, then a whole row")
        << "hnsdiag-long-row-then-cut-name-rows-after.txt"
        << QStringList{"c8ddac93-11cb-4f0e-a012-a9c9df29eb7a on nat",
                       "1123fdca-0c51-450e-a0ce-0587a815d12e on cbr0"}
        << QStringList{"line 9: a line in the hnsdiag Endpoints table is not a row of it"};
}

void TestTables::aLineAfterARowThatReadsWhole()
{
    QFETCH(QString, file);
    QFETCH(QStringList, endpoints);
    QFETCH(QStringList, warnings);

    const ExtractResult result = tablesOf(file);
    QStringList shown;
    for (const FoundValue& found : result.values) {
        if (found.kindHint == ResourceKind::Endpoint)
            shown << str(found.value["ID"]) + QStringLiteral(" on ") +
                         str(found.value.value("VirtualNetworkName", nlohmann::json("?")));
    }
    QCOMPARE(shown, endpoints);
    QStringList messages;
    for (const ImportWarning& w : result.warnings)
        messages << QString::fromStdString(w.message);
    QCOMPARE(messages, warnings);
}

/// `Format-Table -AutoSize` on a console too narrow for every column leaves columns out and says so in a
/// WARNING line before or after the table: the import says once, on the table, which kind lost members.
void TestTables::columnsPowerShellLeftOut_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("objects");
    QTest::addColumn<QStringList>("infos");

    QTest::newRow("endpoints: 4 columns, the warning before the table")
        << QString::fromUtf8(readDump(QStringLiteral("table-columns-removed-before.txt"))) << 2
        << QStringList{"lines 4-7: 4 columns of this table of endpoints did not fit the display and were "
                       "left out (PowerShell's warning on line 2): those members of each endpoint are "
                       "unknown"};
    QTest::newRow("networks: one column named, the warning after the table")
        << QString::fromUtf8(readDump(QStringLiteral("table-column-removed-after.txt"))) << 2
        << QStringList{"lines 3-6: the column Policies of this table of networks did not fit the display "
                       "and was left out (PowerShell's warning on line 8): each network's Policies is "
                       "unknown"};
    const QString rows = QStringLiteral("ID                                   Name     IPAddress\n"
                                        "--                                   ----     ---------\n"
                                        "%1 Ethernet 10.244.1.7\n")
                             .arg(ep1);
    QTest::newRow("the warning right under the rows, no blank line: no row of the table")
        << rows + "WARNING: 2 columns do not fit into the display and were removed.\n"
        << 1
        << QStringList{
               "lines 1-3: 2 columns of this table of endpoints did not fit the display and were left "
               "out (PowerShell's warning on line 4): those members of each endpoint are unknown"};
    QTest::newRow("no warning: nothing said") << rows << 1 << QStringList{};
    QTest::newRow("two tables, the warning between them: the second table's")
        << rows + "\nWARNING: column \"MacAddress\" does not fit into the display and was removed.\n\n" + rows
        << 2
        << QStringList{"lines 7-9: the column MacAddress of this table of endpoints did not fit the display "
                       "and was left out (PowerShell's warning on line 5): each endpoint's MacAddress is "
                       "unknown"};
    // Another language's warning is read by its structure (a count, then the word for columns), not by
    // its words; the info says what the English one does.
    const QString four = QStringLiteral(
        "lines 3-5: 4 columns of this table of endpoints did not fit the display and were left out "
        "(PowerShell's warning on line 1): those members of each endpoint are unknown");
    QTest::newRow("German, before the table")
        << "WARNUNG: 4 Spalten passen nicht in die Anzeige und wurden entfernt.\n\n" + rows << 1
        << QStringList{four};
    QTest::newRow("French, its prefix with a blank before the colon")
        << QString::fromUtf8("AVERTISSEMENT : 4 colonnes ne tiennent pas dans l'affichage et ont été "
                             "supprimées.\n\n") +
               rows
        << 1 << QStringList{four};
    QTest::newRow("German, right under the rows: no row of the table")
        << rows + "WARNUNG: 2 Spalten passen nicht in die Anzeige und wurden entfernt.\n"
        << 1
        << QStringList{
               "lines 1-3: 2 columns of this table of endpoints did not fit the display and were left "
               "out (PowerShell's warning on line 4): those members of each endpoint are unknown"};
    // Not PowerShell's own words: a sentence of the structure, its count before the word for columns.
    QTest::newRow("the structure with a full-width colon and full stop")
        << QString::fromUtf8("警告： 4 列 …。\n\n") + rows << 1 << QStringList{four};
    QTest::newRow("the structure with a word whose ending varies with the count")
        << QString::fromUtf8("ПРЕДУПРЕЖДЕНИЕ: 4 столбца ….\n\n") + rows << 1 << QStringList{four};
    QTest::newRow("the structure without its full stop: nothing said")
        << QString::fromUtf8("ПРЕДУПРЕЖДЕНИЕ: 4 столбца …\n\n") + rows << 1 << QStringList{};
    QTest::newRow("a German warning about something else: nothing said")
        << "WARNUNG: 4 Dateien wurden entfernt.\n\n" + rows << 1 << QStringList{};
    QTest::newRow("a count of columns with another number in the sentence: nothing said")
        << "WARNUNG: 4 Spalten von 12 wurden entfernt.\n\n" + rows << 1 << QStringList{};
    QTest::newRow("English in other words is not guessed at")
        << "WARNING: 4 columns were hidden.\n\n" + rows << 1 << QStringList{};
    QTest::newRow("a table of processes: not HNS objects, nothing said")
        << QStringLiteral("WARNING: column \"Path\" does not fit into the display and was removed.\n\n"
                          "Id    Name         Company\n--    ----         -------\n"
                          "4312  powershell   Microsoft Corporation\n")
        << 1 << QStringList{};
}

void TestTables::columnsPowerShellLeftOut()
{
    QFETCH(QString, text);
    QFETCH(int, objects);
    QFETCH(QStringList, infos);

    const ExtractResult result = tablesOfText(text.toStdString());
    QCOMPARE(int(result.values.size()), objects);
    QStringList messages;
    for (const ImportWarning& info : result.infos)
        messages << QString::fromStdString(info.message);
    QCOMPARE(messages, infos);
    QCOMPARE(warningLines(result), QStringList{});
}

void TestTables::formatTableRowsThePasteCut_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QStringList>("warnings");
    QTest::addColumn<QStringList>("lastLosses"); ///< of the last row, what the cut took from it
    QTest::addColumn<bool>("cutOff");            ///< of the last row

    const QString table = QStringLiteral(
        "PS C:\\> Get-HnsEndpoint | ft ID, Name, IPAddress, MacAddress, VirtualNetworkName\n\n"
        "ID                                   Name       IPAddress   MacAddress        VirtualNetworkName\n"
        "--                                   ----       ---------   ----------        ------------------\n"
        "5D1A7C3E-2B4F-4A68-9C0D-1E2F3A4B5C6D web-0_cbr0 10.244.1.15 00-15-5D-8A-1C-2F cbr0\n"
        "6E2B8D4F-3C5A-4B79-8D1E-2F3A4B5C6D7E db-0_cbr0  10.244.1.16 00-15-5D-8A-1C-30 cbr0\n");
    const QString id = QStringLiteral("7F3C9E50-4D6B-4C8A-9E2F-3A4B5C6D7E8F");
    QTest::newRow("cut inside an address")
        << table + id + " app-0_cbr0 10.244.1." << 3
        << QStringList{"line 7: the paste ends inside this row of the table; IPAddress: cut by the paste "
                       "after "
                       "\"10.244.1.\" (not read); MacAddress, VirtualNetworkName: not shown, the paste ends "
                       "before them"}
        << QStringList{"IPAddress: cut by the paste after \"10.244.1.\" (not read)",
                       "MacAddress, VirtualNetworkName: not shown, the paste ends before them"}
        << true;
    QTest::newRow("a klog record after the table, cut after its time, is no row of it")
        << table + "I1029 10:41:31.848589    2884 agent.go:63] Starting the agent\nI1029 10:42:17.929150" << 2
        << QStringList{} << QStringList{} << false;
    QTest::newRow("cut after a whole name")
        << table + id + " app-0_cbr0\n\n"
        << 3
        << QStringList{"line 7: the paste ends inside this row of the table; IPAddress, MacAddress, "
                       "VirtualNetworkName: not shown, the paste ends before them"}
        << QStringList{"IPAddress, MacAddress, VirtualNetworkName: not shown, the paste ends before them"}
        << true;
    QTest::newRow("cut inside the ID: not imported")
        << table + "7F3C9E50-4D6B" << 2
        << QStringList{"line 7: the paste ends inside the ID of endpoint 7F3C9E50-4D6B\u2026; not imported, "
                       "as its ID is cut"}
        << QStringList{} << false;
    QTest::newRow("a whole last row") << table + id + " app-0_cbr0 10.244.1.17 00-15-5D-8A-1C-31 cbr0\n"
                                      << 3 << QStringList{} << QStringList{} << false;
    QTest::newRow("a short last row with text after the table")
        << table + id + " app-0_cbr0 10.244.1.17\n\nthat is all\n"
        << 3 << QStringList{} << QStringList{} << false;
    // `-Wrap`: PowerShell cuts a word longer than its column at the column's end; the paste ends in the
    // row's second line, inside the cell it goes on with.
    const QString wrapped = QStringLiteral(
        "Name       ID                                   DNSSuffix            VirtualNetworkName\n"
        "----       --                                   ---------            ------------------\n"
        "web-0_cbr0 5D1A7C3E-2B4F-4A68-9C0D-1E2F3A4B5C6D default.svc.cluster. cbr0\n"
        "                                                local,svc.cluster.lo\n"
        "                                                cal\n"
        "db-0_cbr0  6E2B8D4F-3C5A-4B79-8D1E-2F3A4B5C6D7E default.svc.cluster. cbr0\n");
    QTest::newRow("a wrapped row cut in its second line")
        << wrapped + "                                                local,svc.cl\n"
        << 2
        << QStringList{"lines 6-7: the paste ends inside this row of the table; DNSSuffix: cut by the paste "
                       "after \"default.svc.cluster.local,svc.cl\" (not read)"}
        << QStringList{"DNSSuffix: cut by the paste after \"default.svc.cluster.local,svc.cl\" (not read)"}
        << true;
    QTest::newRow("a wrapped row whole")
        << wrapped + "                                                local,svc.cluster.lo\n"
                     "                                                cal\n"
        << 2 << QStringList{} << QStringList{} << false;
}

void TestTables::formatTableRowsThePasteCut()
{
    QFETCH(QString, text);
    QFETCH(int, rows);
    QFETCH(QStringList, warnings);
    QFETCH(QStringList, lastLosses);
    QFETCH(bool, cutOff);

    const ExtractResult result = tablesOfText(text.toStdString());
    QCOMPARE(int(result.values.size()), rows);
    QStringList messages;
    for (const ImportWarning& w : result.warnings)
        messages << QString::fromStdString(w.message);
    QCOMPARE(messages, warnings);
    QStringList lost;
    for (const QString& loss : losses(result.values.back()))
        if (loss.contains(QStringLiteral("the paste")))
            lost << loss;
    QCOMPARE(lost, lastLosses);
    QCOMPARE(result.values.back().cutOff, cutOff);
    for (std::size_t i = 0; i + 1 < result.values.size(); ++i)
        QVERIFY(!result.values[i].cutOff && !result.values[i].startCut);
}

/// `Get-HnsNetwork | ft ActivityId, CurrentEndpointCount, ID, Name, Type` whose paste ends before the
/// last row's ID: the row names nothing, and the report says it was cut, as for JSON.
void TestTables::formatTableRowCutBeforeItsId()
{
    const std::string text = "ActivityId                           CurrentEndpointCount ID                   "
                             "                Name Type\n"
                             "----------                           -------------------- --                   "
                             "                ---- ----\n"
                             "4D2A9E61-7B3C-4F18-A05D-9C8E2B1F6A37                    3 "
                             "DB965D58-53D6-4B36-8AAB-60C95EF9331C nat  NAT\n"
                             "C6B0351B-A290-4F80-827F-EFAA302F624D                    0\n";
    const Result<ImportResult> imported = importDump({{"paste", text}});
    QVERIFY(imported.ok());
    QStringList said;
    for (const ImportMessage& m : imported->report.messages)
        said << QString::fromStdString(m.message);
    QVERIFY2(said.contains(QStringLiteral("a Get-HnsNetwork record cut before its ID (ActivityId "
                                          "C6B0351B-A290-4F80-827F-EFAA302F624D, CurrentEndpointCount 0); "
                                          "not imported")),
             qPrintable(said.join('\n')));
    QVERIFY2(!said.join('\n').contains(QStringLiteral("without an ID")), qPrintable(said.join('\n')));
}

void TestTables::cutRowsOfOtherCmdletsKeepTheirKind_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("messages"); ///< every message of the import

    const QString routes = QStringLiteral(
        "ifIndex DestinationPrefix                              NextHop                                  "
        "RouteMetric ifMetric PolicyStore\n"
        "------- -----------------                              -------                                  "
        "----------- -------- -----------\n"
        "6       0.0.0.0/0                                      10.138.0.1                                   "
        "      "
        "0 15       ActiveStore\n"
        "6       10.138.0.0/20                                  0.0.0.0                                      "
        "    "
        "256 15       ActiveStore\n");
    const QString route =
        QStringLiteral("info 3-5: a route of the host's IP stack (Get-NetRoute), not an HNS "
                       "object; not imported");
    QTest::newRow("Get-NetRoute, whole") << routes << QStringList{"info 3-4:" + route.mid(9)};
    // The rows are no HNS objects and are not imported: where the paste cut them is no concern.
    QTest::newRow("Get-NetRoute cut after the next hop")
        << routes + "6       10.138.0.5/32                                  0.0.0.0" << QStringList{route};
    QTest::newRow("Get-NetRoute cut inside the next hop")
        << routes + "18      172.17.0.0/16                                  172.1" << QStringList{route};
    QTest::newRow("Get-NetRoute cut after the destination")
        << routes + "18      172.17.0.0/16" << QStringList{route};
    // An ifIndex alone tells no cmdlet: the row is one of the table's.
    QTest::newRow("Get-NetRoute cut after the ifIndex") << routes + "18" << QStringList{route};
    const QString hotfixes = QStringLiteral(
        "Source        Description      HotFixID      InstalledBy          InstalledOn\n"
        "------        -----------      --------      -----------          -----------\n"
        "KB-WIN-W04    Update           KB4519569     KB-WIN-W04\\Admini... 01-12-2019 00:00:00\n");
    QTest::newRow("Get-Hotfix cut inside its last row: nothing said")
        << "PS C:\\K> Get-Hotfix\n\n" + hotfixes + "KB-WIN-W04    Security Update  KB4512577\n"
        << QStringList{};
    QTest::newRow("Get-Hotfix cut so without the command: nothing said")
        << hotfixes + "KB-WIN-W04    Security Update  KB4512577" << QStringList{};
    QTest::newRow("Get-Service cut inside its last row: nothing said")
        << QStringLiteral(
               "PS C:\\> Get-Service hns, docker\n\nStatus   Name               DisplayName\n"
               "------   ----               -----------\nRunning  docker             Docker Engine\n"
               "Running  hns\n")
        << QStringList{};
    QTest::newRow("Get-Process cut inside its last row's Id: nothing said")
        << QStringLiteral("Id    ProcessName\n--    -----------\n4312  powershell\n4313  pwsh\n43")
        << QStringList{};
    // One cut, one warning: the row shows no ID and nothing that names an object, and is not kept.
    QTest::newRow("a network row cut before its ID")
        << QStringLiteral("ActivityId                           CurrentEndpointCount ID                      "
                          "             "
                          "Name Type\n"
                          "----------                           -------------------- --                      "
                          "             "
                          "---- ----\n"
                          "4D2A9E61-7B3C-4F18-A05D-9C8E2B1F6A37                    3 "
                          "DB965D58-53D6-4B36-8AAB-60C95EF9331C "
                          "nat  NAT\n"
                          "C6B0351B-A290-4F80-827F-EFAA302F624D                    0\n")
        << QStringList{
               "info 3: network nat (DB965D58-53D6-4B36-8AAB-60C95EF9331C): not carried in full by the "
               "dump: Subnets: not shown by the table (address prefixes and gateways unknown); Policies: "
               "not shown by the table",
               "warning 4: a Get-HnsNetwork record cut before its ID (ActivityId "
               "C6B0351B-A290-4F80-827F-EFAA302F624D, CurrentEndpointCount 0); not imported"};
    QTest::newRow("a row of routes alone, cut after the next hop")
        << routes.section('\n', 0, 1) + "\n6       10.138.0.5/32                                  0.0.0.0\n"
        << QStringList{
               "info 3: a route of the host's IP stack (Get-NetRoute), not an HNS object; not imported"};
    QTest::newRow("a list view record cut before its DestinationPrefix, showing what routes share")
        << QStringLiteral("ifIndex        : 6\nInterfaceAlias : Ethernet\nAddressFamily  : IPv4\n")
        << QStringList{"info 1-3: an object of a network cmdlet whose members do not tell which, not an HNS "
                       "object; not imported"};
    QTest::newRow("Get-NetAdapter is still an adapter")
        << QStringLiteral(
               "Name     InterfaceDescription            ifIndex Status MacAddress        LinkSpeed\n"
               "----     --------------------            ------- ------ ----------        ---------\n"
               "Ethernet Virtual Ethernet Adapter              6 Up     42-01-0A-8A-00-05 100 Gbps\n")
        << QStringList{"info 3: a network adapter (Get-NetAdapter), not an HNS object; not imported"};
    QTest::newRow("Get-NetIPAddress, cut after its address")
        << QStringLiteral(
               "IPAddress         : 10.138.0.5\nInterfaceIndex    : 6\nInterfaceAlias    : "
               "Ethernet\nAddressFamily     : IPv4\nType              : Unicast\nPrefixLength      : "
               "20\n")
        << QStringList{"info 1-6: an IP address (Get-NetIPAddress), not an HNS object; not imported"};
}

void TestTables::cutRowsOfOtherCmdletsKeepTheirKind()
{
    QFETCH(QString, text);
    QFETCH(QStringList, messages);

    const Result<ImportResult> imported = importDump({{"paste", text.toStdString()}});
    QVERIFY(imported.ok());
    QStringList said;
    for (const ImportMessage& m : imported->report.messages)
        if (m.firstLine > 0)
            said << QStringLiteral("%1 %2%3: %4")
                        .arg(m.severity == ImportSeverity::Info ? "info" : "warning")
                        .arg(m.firstLine)
                        .arg(m.lastLine == m.firstLine ? QString() : QStringLiteral("-%1").arg(m.lastLine))
                        .arg(QString::fromStdString(m.message));
    QVERIFY2(said == messages, qPrintable(said.join(QLatin1Char('\n'))));
}

/// A table under the Get-Hns* listing typed above it, piped through `?`/`Where-Object` filters: every
/// row it printed passed them, so a property a filter compares with `-eq` (`-ieq`, `-ceq`) has that
/// value in each row's object when the table does not show it, with a note and an info saying where it
/// came from. Other comparisons (`-ne`, `-like`, `-or`, a variable's value) tell no value.
void TestTables::valuesTheListingsFilterGivesEachRow_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("objects");
    QTest::addColumn<QString>("property");
    QTest::addColumn<QStringList>("values"); ///< each row's, "-" for none
    QTest::addColumn<QStringList>("infos");

    const QString calico =
        QStringLiteral("91a0ccd3034a15de35d735ddd6345d4fc5b525023f1f34fce2054ab395ac38ee_Calico");
    QTest::newRow("IPAddress from a script block, the table under a continuation prompt")
        << QStringLiteral(
               "PS C:\\> Get-HnsEndpoint | Where-Object {$_.IPAddress -eq \"100.97.47.77\"} | Select "
               "Name, State, VirtualNetworkName, GatewayAddress\n>>\n\n"
               "Name                                                                    State "
               "VirtualNetworkName GatewayAddress\n"
               "----                                                                    ----- "
               "------------------ --------------\n"
               "%1     3 Calico             100.97.47.65\n\nPS C:\\>\n")
               .arg(calico)
        << QStringList{QStringLiteral("Endpoint Name:") + calico} << QStringLiteral("IPAddress")
        << QStringList{"100.97.47.77"}
        << QStringList{"lines 4-6: IPAddress from the command's filter at line 1: the endpoint of this table "
                       "has IPAddress 100.97.47.77, which the table does not show"};
    QTest::newRow("Name from ? Name -eq")
        << QStringLiteral("PS C:\\> Get-HnsEndpoint | ? Name -eq web-ep | Select IPAddress, MacAddress, "
                          "VirtualNetworkName\n\n"
                          "IPAddress      MacAddress        VirtualNetworkName\n"
                          "---------      ----------        ------------------\n"
                          "172.27.148.102 00-15-5D-CD-BE-48 nat\n")
        << QStringList{"Endpoint Name:web-ep"} << QStringLiteral("Name") << QStringList{"web-ep"}
        << QStringList{"lines 3-5: Name from the command's filter at line 1: the endpoint of this table has "
                       "Name web-ep, which the table does not show"};
    QTest::newRow("MacAddress from Where { -ieq } in single quotes")
        << QStringLiteral("PS C:\\> Get-HnsEndpoint | Where {$_.MacAddress -ieq '00-15-5D-CD-BE-47'} | "
                          "Select Name, IPAddress\n\n"
                          "Name             IPAddress\n"
                          "----             ---------\n"
                          "default-test_nat 172.27.148.101\n")
        << QStringList{"Endpoint Name:default-test_nat"} << QStringLiteral("MacAddress")
        << QStringList{"00-15-5D-CD-BE-47"}
        << QStringList{"lines 3-5: MacAddress from the command's filter at line 1: the endpoint of this "
                       "table has MacAddress 00-15-5D-CD-BE-47, which the table does not show"};
    QTest::newRow("the network of two rows from Where-Object without a script block")
        << QStringLiteral(
               "PS C:\\> Get-HnsEndpoint | Where-Object VirtualNetworkName -eq \"nat\" | Format-Table "
               "Name, IPAddress\n\n"
               "Name             IPAddress\n"
               "----             ---------\n"
               "default-test_nat 172.27.148.101\n"
               "web-ep           172.27.148.102\n")
        << QStringList{"Endpoint Name:default-test_nat", "Endpoint Name:web-ep"}
        << QStringLiteral("VirtualNetworkName") << QStringList{"nat", "nat"}
        << QStringList{"lines 3-6: VirtualNetworkName from the command's filter at line 1: each of the 2 "
                       "endpoints of this table has VirtualNetworkName nat, which the table does not show"};
    QTest::newRow("the ID from ? ID -eq")
        << QStringLiteral("PS C:\\> Get-HnsEndpoint | ? ID -eq \"5e6298c2-4638-494e-be6b-ff6fef942c06\" | "
                          "Select Name, State, VirtualNetworkName\n\n"
                          "Name             State VirtualNetworkName\n"
                          "----             ----- ------------------\n"
                          "default-test_nat     1 nat\n")
        << QStringList{"Endpoint 5e6298c2-4638-494e-be6b-ff6fef942c06"} << QStringLiteral("ID")
        << QStringList{"5e6298c2-4638-494e-be6b-ff6fef942c06"}
        << QStringList{"lines 3-5: ID from the command's filter at line 1: the endpoint of this table has ID "
                       "5e6298c2-4638-494e-be6b-ff6fef942c06, which the table does not show"};
    QTest::newRow("a network's Type")
        << QStringLiteral("PS C:\\> Get-HnsNetwork | ? Type -eq L2Bridge | Select Name, ID\n\n"
                          "Name ID\n"
                          "---- --\n"
                          "cbr0 %1\n")
               .arg(switchNet)
        << QStringList{kindId("Network", switchNet)} << QStringLiteral("Type") << QStringList{"L2Bridge"}
        << QStringList{"lines 3-5: Type from the command's filter at line 1: the network of this table has "
                       "Type L2Bridge, which the table does not show"};
    QTest::newRow("a column the table shows keeps its cell")
        << QStringLiteral("PS C:\\> Get-HnsEndpoint | ? Name -eq web-ep | Select Name, IPAddress\n\n"
                          "Name   IPAddress\n"
                          "----   ---------\n"
                          "WEB-EP 172.27.148.102\n")
        << QStringList{"Endpoint Name:WEB-EP"} << QStringLiteral("Name") << QStringList{"WEB-EP"}
        << QStringList{};
    const QString endpointRow = QStringLiteral("\n\nName             State VirtualNetworkName\n"
                                               "----             ----- ------------------\n"
                                               "default-test_nat     1 nat\n");
    QTest::newRow("-ne tells no value")
        << QStringLiteral("PS C:\\> Get-HnsEndpoint | ? IPAddress -ne 172.27.148.102 | Select Name, State, "
                          "VirtualNetworkName") +
               endpointRow
        << QStringList{"Endpoint Name:default-test_nat"} << QStringLiteral("IPAddress") << QStringList{"-"}
        << QStringList{};
    QTest::newRow("-like tells no value")
        << QStringLiteral(
               "PS C:\\> Get-HnsEndpoint | Where-Object {$_.IPAddress -like \"172.27.*\"} | Select "
               "Name, State, VirtualNetworkName") +
               endpointRow
        << QStringList{"Endpoint Name:default-test_nat"} << QStringLiteral("IPAddress") << QStringList{"-"}
        << QStringList{};
    QTest::newRow("-or of two -eq tells no value")
        << QStringLiteral("PS C:\\> Get-HnsEndpoint | Where-Object {$_.IPAddress -eq \"172.27.148.101\" -or "
                          "$_.IPAddress -eq \"172.27.148.102\"} | Select Name, State, VirtualNetworkName") +
               endpointRow
        << QStringList{"Endpoint Name:default-test_nat"} << QStringLiteral("IPAddress") << QStringList{"-"}
        << QStringList{};
    QTest::newRow("a variable's value is not known")
        << QStringLiteral("PS C:\\> Get-HnsEndpoint | ? IPAddress -eq $ip | Select Name, State, "
                          "VirtualNetworkName") +
               endpointRow
        << QStringList{"Endpoint Name:default-test_nat"} << QStringLiteral("IPAddress") << QStringList{"-"}
        << QStringList{};
    QTest::newRow("the network of two rows from a filter with -ErrorAction Stop")
        << QStringLiteral(
               "PS C:\\> Get-HnsEndpoint | Where-Object VirtualNetworkName -eq nat -ErrorAction Stop | "
               "Format-Table Name, IPAddress\n\n"
               "Name             IPAddress\n"
               "----             ---------\n"
               "default-test_nat 172.27.148.101\n"
               "web-ep           172.27.148.102\n")
        << QStringList{"Endpoint Name:default-test_nat", "Endpoint Name:web-ep"}
        << QStringLiteral("VirtualNetworkName") << QStringList{"nat", "nat"}
        << QStringList{"lines 3-6: VirtualNetworkName from the command's filter at line 1: each of the 2 "
                       "endpoints of this table has VirtualNetworkName nat, which the table does not show"};
    QTest::newRow("the network of two rows from ?{ } without a blank")
        << QStringLiteral("PS C:\\> Get-HnsEndpoint | ?{$_.VirtualNetworkName -eq \"nat\"} | ft Name, "
                          "IPAddress\n\n"
                          "Name             IPAddress\n"
                          "----             ---------\n"
                          "default-test_nat 172.27.148.101\n"
                          "web-ep           172.27.148.102\n")
        << QStringList{"Endpoint Name:default-test_nat", "Endpoint Name:web-ep"}
        << QStringLiteral("VirtualNetworkName") << QStringList{"nat", "nat"}
        << QStringList{"lines 3-6: VirtualNetworkName from the command's filter at line 1: each of the 2 "
                       "endpoints of this table has VirtualNetworkName nat, which the table does not show"};
    QTest::newRow("an ID on two rows is neither's")
        << QStringLiteral("PS C:\\> Get-HnsEndpoint | ? ID -eq %1 | Select Name, VirtualNetworkName\n\n"
                          "Name             VirtualNetworkName\n"
                          "----             ------------------\n"
                          "default-test_nat nat\n"
                          "web-ep           nat\n")
               .arg(ep1)
        << QStringList{"Endpoint Name:default-test_nat", "Endpoint Name:web-ep"} << QStringLiteral("ID")
        << QStringList{"-", "-"} << QStringList{};

    const QString endpointTable = QStringLiteral(" | Select Name, State, VirtualNetworkName") + endpointRow;
    // Where-Object's arguments as it takes them: named, in any order, -EQ left out (its default).
    const QString ipInfo = QStringLiteral("lines 3-5: IPAddress from the command's filter at line 1: the "
                                          "endpoint of this table has IPAddress 172.27.148.101, which the "
                                          "table does not show");
    const struct
    {
        const char* name;
        const char* filter;
        bool gives;
    } filters[] = {
        {"-Property -EQ -Value", "Where-Object -Property IPAddress -EQ -Value 172.27.148.101", true},
        {"-Property -eq value", "Where-Object -Property IPAddress -eq 172.27.148.101", true},
        {"Where -Property -Value without -EQ", "Where -Property IPAddress -Value \"172.27.148.101\"", true},
        {"-Value before -Property", "Where-Object -Value '172.27.148.101' -Property IPAddress -EQ", true},
        {"? with parameters shortened, -IEQ last", "? -Prop IPAddress -Val 172.27.148.101 -IEQ", true},
        {"-Property: and -Value: with -CEQ", "Where-Object -Property:IPAddress -CEQ -Value:172.27.148.101",
         true},
        {"the property and value in their positions without -EQ", "Where-Object IPAddress 172.27.148.101",
         true},
        {"-FilterScript with $PSItem",
         "Where-Object -FilterScript { $PSItem.IPAddress -eq '172.27.148.101' }", true},
        {"a script block in parentheses", "Where-Object { ($_.IPAddress -eq \"172.27.148.101\") }", true},
        {"-NE tells no value", "Where-Object -Property IPAddress -NE -Value 172.27.148.102", false},
        {"-Like tells no value", "Where-Object -Property IPAddress -Like -Value 172.27.*", false},
        {"-Value of a variable tells none", "Where-Object -Property IPAddress -EQ -Value $ip", false},
        {"-Value of two addresses tells none",
         "Where-Object -Property IPAddress -Value 172.27.148.101, 172.27.148.102", false},
        {"two operators tell none", "Where-Object -Property IPAddress -EQ -GT -Value 172.27.148.101", false},
        {"a property alone tells no value", "Where-Object IPAddress", false},
        {"a script block of two comparisons tells none",
         "Where-Object -FilterScript { $_.IPAddress -eq '172.27.148.101' -and $_.State -eq 1 }", false},
        // The common parameters say how the filter runs, not what it compares.
        {"-Verbose after the value", "Where-Object IPAddress -eq 172.27.148.101 -Verbose", true},
        {"-Debug after -Value", "Where-Object -Property IPAddress -EQ -Value 172.27.148.101 -Debug", true},
        {"-ErrorAction Stop after the value",
         "Where-Object IPAddress -eq \"172.27.148.101\" -ErrorAction Stop", true},
        {"-ErrorAction SilentlyContinue before the property",
         "? -ErrorAction SilentlyContinue IPAddress -eq 172.27.148.101", true},
        {"-ErrorAction:Stop and -Verbose:$false",
         "Where-Object -Property IPAddress -Value 172.27.148.101 -ErrorAction:Stop -Verbose:$false", true},
        {"-WarningAction, -InformationAction and -OutVariable",
         "Where IPAddress -eq 172.27.148.101 -WarningAction Ignore -InformationAction Continue -OutVariable "
         "picked",
         true},
        {"-PipelineVariable before -EQ",
         "Where-Object -Property IPAddress -PipelineVariable ep -EQ "
         "-Value 172.27.148.101",
         true},
        {"the aliases -ea and -wa", "? IPAddress -eq 172.27.148.101 -ea Stop -wa SilentlyContinue", true},
        {"a script block with -Verbose", "Where-Object { $_.IPAddress -eq '172.27.148.101' } -Verbose", true},
        {"-FilterScript with -ErrorAction Stop",
         "Where-Object -FilterScript { $_.IPAddress -eq '172.27.148.101' } -ErrorAction Stop", true},
        {"-ErrorAction with -NE tells no value",
         "Where-Object IPAddress -ne 172.27.148.102 -ErrorAction Stop", false},
        {"a parameter Where-Object does not take tells none",
         "Where-Object IPAddress -eq 172.27.148.101 -Sideways Stop", false},
        // A script block right after the command's name.
        {"?{ } without a blank", "?{$_.IPAddress -eq \"172.27.148.101\"}", true},
        {"where{ } in single quotes", "where{$_.IPAddress -eq '172.27.148.101'}", true},
        {"Where-Object{ } with blanks inside", "Where-Object{ $_.IPAddress -eq \"172.27.148.101\" }", true},
        {"?{ } with -Verbose", "?{$_.IPAddress -eq \"172.27.148.101\"} -Verbose", true},
        {"?{ } of -like tells no value", "?{$_.IPAddress -like \"172.27.*\"}", false},
    };
    for (const auto& f : filters)
        QTest::newRow(f.name)
            << QStringLiteral("PS C:\\> Get-HnsEndpoint | %1").arg(QLatin1String(f.filter)) + endpointTable
            << QStringList{"Endpoint Name:default-test_nat"} << QStringLiteral("IPAddress")
            << QStringList{f.gives ? "172.27.148.101" : "-"}
            << (f.gives ? QStringList{ipInfo} : QStringList{});

    // The cmdlet's own -Id and -Name pick the objects as a filter of their equality does.
    const QString guid = QStringLiteral("5e6298c2-4638-494e-be6b-ff6fef942c06");
    const QString idInfo =
        QStringLiteral("lines 3-5: ID from the command's filter at line 1: the endpoint of "
                       "this table has ID %1, which the table does not show")
            .arg(guid);
    QTest::newRow("the ID from Get-HnsEndpoint -Id")
        << QStringLiteral("PS C:\\> Get-HnsEndpoint -Id %1").arg(guid) + endpointTable
        << QStringList{"Endpoint " + guid} << QStringLiteral("ID") << QStringList{guid}
        << QStringList{idInfo};
    QTest::newRow("the ID from -ID:\"<guid>\" beside -Detailed")
        << QStringLiteral("PS C:\\> Get-HnsEndpoint -Detailed -ID:\"%1\"").arg(guid) + endpointTable
        << QStringList{"Endpoint " + guid} << QStringLiteral("ID") << QStringList{guid}
        << QStringList{idInfo};
    const QString networkRow = QStringLiteral(" | Select Type, SwitchGuid\n\n"
                                              "Type SwitchGuid\n"
                                              "---- ----------\n"
                                              "NAT  %1\n")
                                   .arg(natNet);
    const QString natInfo =
        QStringLiteral("lines 3-5: Name from the command's filter at line 1: the network of "
                       "this table has Name nat, which the table does not show");
    QTest::newRow("the name from Get-HnsNetwork -Name")
        << QStringLiteral("PS C:\\> Get-HnsNetwork -Name nat") + networkRow << QStringList{"Network Name:nat"}
        << QStringLiteral("Name") << QStringList{"nat"} << QStringList{natInfo};
    QTest::newRow("the name from -Na, short for -Name, quoted")
        << QStringLiteral("PS C:\\> Get-HnsNetwork -Na 'nat'") + networkRow << QStringList{"Network Name:nat"}
        << QStringLiteral("Name") << QStringList{"nat"} << QStringList{natInfo};
    QTest::newRow("-Id and a filter: each gives its value")
        << QStringLiteral("PS C:\\> Get-HnsEndpoint -Id %1 | ? IPAddress -eq 172.27.148.101").arg(guid) +
               endpointTable
        << QStringList{"Endpoint " + guid} << QStringLiteral("ID") << QStringList{guid}
        << QStringList{idInfo,
                       "lines 3-5: IPAddress from the command's filter at line 1: the endpoint of this "
                       "table has IPAddress 172.27.148.101, which the table does not show"};
    QTest::newRow("-Name when the table shows the name keeps its cell")
        << QStringLiteral("PS C:\\> Get-HnsEndpoint -Name default-test_nat | Select Name, State, "
                          "VirtualNetworkName") +
               endpointRow
        << QStringList{"Endpoint Name:default-test_nat"} << QStringLiteral("Name")
        << QStringList{"default-test_nat"} << QStringList{};
    QTest::newRow("-Name of a pattern tells no name")
        << QStringLiteral("PS C:\\> Get-HnsNetwork -Name \"nat*\"") + networkRow
        << QStringList{"Network Name:?"} << QStringLiteral("Name") << QStringList{"-"} << QStringList{};
    QTest::newRow("-Id of a variable tells no ID")
        << QStringLiteral("PS C:\\> Get-HnsEndpoint -Id $ep.ID") + endpointTable
        << QStringList{"Endpoint Name:default-test_nat"} << QStringLiteral("ID") << QStringList{"-"}
        << QStringList{};
    QTest::newRow("-Id of a placeholder tells no ID")
        << QStringLiteral("PS C:\\> Get-HnsEndpoint -Id EndpointID") + endpointTable
        << QStringList{"Endpoint Name:default-test_nat"} << QStringLiteral("ID") << QStringList{"-"}
        << QStringList{};
    QTest::newRow("-Id of two IDs tells none")
        << QStringLiteral("PS C:\\> Get-HnsEndpoint -Id %1, %2").arg(guid, ep1) + endpointTable
        << QStringList{"Endpoint Name:default-test_nat"} << QStringLiteral("ID") << QStringList{"-"}
        << QStringList{};
    QTest::newRow("-Id on two rows is neither's")
        << QStringLiteral("PS C:\\> Get-HnsEndpoint -Id %1 | Select Name, VirtualNetworkName\n\n"
                          "Name             VirtualNetworkName\n"
                          "----             ------------------\n"
                          "default-test_nat nat\n"
                          "web-ep           nat\n")
               .arg(guid)
        << QStringList{"Endpoint Name:default-test_nat", "Endpoint Name:web-ep"} << QStringLiteral("ID")
        << QStringList{"-", "-"} << QStringList{};
}

void TestTables::valuesTheListingsFilterGivesEachRow()
{
    QFETCH(QString, text);
    QFETCH(QStringList, objects);
    QFETCH(QString, property);
    QFETCH(QStringList, values);
    QFETCH(QStringList, infos);

    const ExtractResult result = tablesOfText(text.toStdString());
    QCOMPARE(::objects(result), objects);
    QStringList got;
    for (const FoundValue& found : result.values) {
        const auto it = found.value.find(property.toStdString());
        got << (it == found.value.end() ? QStringLiteral("-") : str(*it));
        // The table shows the property, or the filter gives it: it is not said to be missing.
        if (it != found.value.end())
            for (const QString& loss : losses(found))
                QVERIFY2(!loss.startsWith(property + QStringLiteral(": not shown")), qPrintable(loss));
        const std::string note = property.toStdString() + " from the command's filter at line 1 (the table "
                                                          "does not show it)";
        QCOMPARE(std::count(found.repairs.begin(), found.repairs.end(), note), infos.isEmpty() ? 0 : 1);
    }
    QCOMPARE(got, values);
    QStringList said;
    for (const ImportWarning& info : result.infos)
        said << QString::fromStdString(info.message);
    QCOMPARE(said, infos);
    QVERIFY(result.warnings.empty());
}

/// The Get-Hns* command typed right above a table says what its rows are: endpoints without an ID or
/// network column, networks shown by name and type, are imported (their IDs made up, as said), as long
/// as every column is a property of that kind. The same tables without the command, or under another
/// command, give nothing. An ID a filter gives is the object's: nothing is made up, and what names that ID
/// reaches the object.
void TestTables::tablesUnderAGetHnsListing_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("objects"); ///< "endpoint <name> <ID or (ID made up)>"
    QTest::addColumn<QStringList>("warnings");

    const QString nameStateIp = QStringLiteral("Name             State IPAddress\n"
                                               "----             ----- ---------\n"
                                               "default-test_nat     2 172.27.148.101\n"
                                               "web-ep               2 172.27.148.102\n");
    QTest::newRow("Get-HnsEndpoint | Select Name, State, IPAddress")
        << QStringLiteral("PS C:\\> Get-HnsEndpoint | Select Name, State, IPAddress\n\n") + nameStateIp
        << QStringList{"endpoint default-test_nat (ID made up)", "endpoint web-ep (ID made up)"}
        << QStringList{};
    QTest::newRow("the same table alone") << nameStateIp << QStringList{} << QStringList{};
    QTest::newRow("the same table under another cmdlet")
        << QStringLiteral("PS C:\\> Get-Process | Select Name, State, IPAddress\n\n") + nameStateIp
        << QStringList{} << QStringList{};
    QTest::newRow("a column that is no endpoint's property")
        << QStringLiteral("PS C:\\> Get-HnsEndpoint | Select Name, State, IPAddress, Node\n\n"
                          "Name             State IPAddress      Node\n"
                          "----             ----- ---------      ----\n"
                          "default-test_nat     2 172.27.148.101 win-1\n")
        << QStringList{} << QStringList{};
    const QString nameIpMac = QStringLiteral("Name             IPAddress      MacAddress\n"
                                             "----             ---------      ----------\n"
                                             "default-test_nat 172.27.148.101 00-15-5D-CD-BE-47\n");
    QTest::newRow("Get-HnsEndpoint | Select Name, IPAddress, MacAddress in a fence")
        << QStringLiteral("```\nPS C:\\> Get-HnsEndpoint | Select Name, IPAddress, MacAddress\n```\n```\n") +
               nameIpMac + QStringLiteral("```\n")
        << QStringList{"endpoint default-test_nat (ID made up)"} << QStringList{};
    QTest::newRow("Name, IPAddress, MacAddress alone") << nameIpMac << QStringList{} << QStringList{};
    const QString nameType = QStringLiteral("Name Type\n"
                                            "---- ----\n"
                                            "nat  NAT\n"
                                            "cbr0 L2Bridge\n");
    QTest::newRow("Get-HnsNetwork | ft Name, Type")
        << QStringLiteral("PS C:\\> Get-HnsNetwork | ft Name, Type\n\n") + nameType
        << QStringList{"network nat (ID made up)", "network cbr0 (ID made up)"} << QStringList{};
    QTest::newRow("Name, Type alone") << nameType << QStringList{} << QStringList{};
    // A v2 name of a member is a property of its kind too (hns_property_names.h), and of no other kind.
    const QString nameStateDns = QStringLiteral("Name             State Dns\n"
                                                "----             ----- ---\n"
                                                "default-test_nat     2 @{Search=svc.cluster.local}\n");
    QTest::newRow("Get-HnsEndpoint | Select Name, State, Dns")
        << QStringLiteral("PS C:\\> Get-HnsEndpoint | Select Name, State, Dns\n\n") + nameStateDns
        << QStringList{"endpoint default-test_nat (ID made up)"} << QStringList{};
    QTest::newRow("Name, State, Dns alone") << nameStateDns << QStringList{} << QStringList{};
    QTest::newRow("Name, State, Dns under Get-HnsNamespace, whose objects have no Dns")
        << QStringLiteral("PS C:\\> Get-HnsNamespace | Select Name, State, Dns\n\n") + nameStateDns
        << QStringList{} << QStringList{};
    const QString byId = QStringLiteral(
        "PS C:\\> Get-HnsEndpoint | ? ID -eq \"5e6298c2-4638-494e-be6b-ff6fef942c06\" | Select "
        "Name, State, VirtualNetworkName\n\n"
        "Name             State VirtualNetworkName\n"
        "----             ----- ------------------\n"
        "default-test_nat     1 nat\n\n");
    QTest::newRow("the ID a filter gives")
        << byId << QStringList{"endpoint default-test_nat 5e6298c2-4638-494e-be6b-ff6fef942c06"}
        << QStringList{};
    const QString namespaceJson =
        QStringLiteral("PS C:\\> Get-HnsNamespace | ConvertTo-Json\n"
                       "{\n    \"ID\":  \"%1\",\n    \"IsDefault\":  false,\n    \"CompartmentId\":  3,\n"
                       "    \"ResourceList\":  [{\"Type\":  \"Endpoint\", \"Data\":  {\"Id\":  "
                       "\"5E6298C2-4638-494E-BE6B-FF6FEF942C06\"}}]\n}\n")
            .arg(ns1);
    QTest::newRow("a namespace lists the endpoint the filter's ID names")
        << byId + namespaceJson
        << QStringList{QStringLiteral("namespace  ") + ns1,
                       "endpoint default-test_nat 5e6298c2-4638-494e-be6b-ff6fef942c06"}
        << QStringList{};
    QTest::newRow("a namespace lists the endpoint Where-Object -Property ID -EQ -Value names")
        << QStringLiteral(
               "PS C:\\> Get-HnsEndpoint | Where-Object -Property ID -EQ -Value "
               "'5e6298c2-4638-494e-be6b-ff6fef942c06' | Select Name, State, VirtualNetworkName\n\n"
               "Name             State VirtualNetworkName\n"
               "----             ----- ------------------\n"
               "default-test_nat     1 nat\n\n") +
               namespaceJson
        << QStringList{QStringLiteral("namespace  ") + ns1,
                       "endpoint default-test_nat 5e6298c2-4638-494e-be6b-ff6fef942c06"}
        << QStringList{};
    const QString byIdParameter = QStringLiteral(
        "PS C:\\> Get-HnsEndpoint -Id 5e6298c2-4638-494e-be6b-ff6fef942c06 | Select Name, State, "
        "VirtualNetworkName\n\n"
        "Name             State VirtualNetworkName\n"
        "----             ----- ------------------\n"
        "default-test_nat     1 nat\n\n");
    QTest::newRow("the ID Get-HnsEndpoint -Id gives")
        << byIdParameter << QStringList{"endpoint default-test_nat 5e6298c2-4638-494e-be6b-ff6fef942c06"}
        << QStringList{};
    QTest::newRow("a namespace lists the endpoint -Id names")
        << byIdParameter + namespaceJson
        << QStringList{QStringLiteral("namespace  ") + ns1,
                       "endpoint default-test_nat 5e6298c2-4638-494e-be6b-ff6fef942c06"}
        << QStringList{};
    QTest::newRow("Get-HnsNetwork -Name nat | Select Type, SwitchGuid")
        << QStringLiteral("PS C:\\> Get-HnsNetwork -Name nat | Select Type, SwitchGuid\n\n"
                          "Type SwitchGuid\n"
                          "---- ----------\n"
                          "NAT  %1\n")
               .arg(natNet)
        << QStringList{"network nat (ID made up)"} << QStringList{};
    QTest::newRow("without the filter, the namespace's endpoint is not in the dump")
        << QStringLiteral("PS C:\\> Get-HnsEndpoint | Select Name, State, VirtualNetworkName\n\n"
                          "Name             State VirtualNetworkName\n"
                          "----             ----- ------------------\n"
                          "default-test_nat     1 nat\n\n") +
               namespaceJson
        << QStringList{QStringLiteral("namespace  ") + ns1, "endpoint default-test_nat (ID made up)"}
        << QStringList{QStringLiteral("namespace %1: lists endpoint 5E6298C2-4638-494E-BE6B-FF6FEF942C06, "
                                      "which is not in the dump")
                           .arg(ns1)};
}

void TestTables::tablesUnderAGetHnsListing()
{
    QFETCH(QString, text);
    QFETCH(QStringList, objects);
    QFETCH(QStringList, warnings);

    const Result<ImportResult> imported = importDump({{"paste", text.toStdString()}});
    QVERIFY(imported.ok());
    QStringList got;
    for (const ImportedObject& object : imported->report.objects)
        got << QStringLiteral("%1 %2 %3")
                   .arg(QString::fromLatin1(resourceKindLabel(object.kind).data()),
                        QString::fromStdString(object.name),
                        object.idMadeUp ? QStringLiteral("(ID made up)") : QString::fromStdString(object.id));
    QCOMPARE(got, objects);
    QStringList said;
    for (const ImportMessage& m : imported->report.messages)
        if (m.severity == ImportSeverity::Warning)
            said << QString::fromStdString(m.message);
    QCOMPARE(said, warnings);
    QCOMPARE(imported->recoveredAnything(), !objects.isEmpty());
}

/// What the import reports of a table under a listing that picks its rows by a Where-Object filter with
/// named arguments, or by its own `-Id`/`-Name`: the object's value, its note and losses, and the info on
/// the table.
void TestTables::valuesTheListingPicksRowsByAreReported_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("object"); ///< "endpoint <name> <ID or (ID made up)>"
    QTest::addColumn<QString>("member"); ///< a JSON pointer into the snapshot
    QTest::addColumn<QString>("value");
    /// The report's lines on the table, the object's notes and what it lost (but its made-up ID).
    QTest::addColumn<QStringList>("report");

    const QString row = QStringLiteral("\n\nName             State VirtualNetworkName\n"
                                       "----             ----- ------------------\n"
                                       "default-test_nat     1 nat\n");
    QTest::newRow("Where-Object -Property -EQ -Value")
        << QStringLiteral("PS C:\\> Get-HnsEndpoint | Where-Object -Property IPAddress -EQ -Value "
                          "172.27.148.101 | Select Name, State, VirtualNetworkName") +
               row
        << QStringLiteral("endpoint default-test_nat (ID made up)")
        << QStringLiteral("/Endpoints/0/IpConfigurations/0/IpAddress") << QStringLiteral("172.27.148.101")
        << QStringList{
               "info 3-5: IPAddress from the command's filter at line 1: the endpoint of this table has "
               "IPAddress 172.27.148.101, which the table does not show",
               "note: IPAddress from the command's filter at line 1 (the table does not show it)",
               "note: its network \"nat\" is not in the dump", "lost: MacAddress: not shown by the table",
               "lost: Policies: not shown by the table"};
    const QString guid = QStringLiteral("5e6298c2-4638-494e-be6b-ff6fef942c06");
    QTest::newRow("Get-HnsEndpoint -Id")
        << QStringLiteral("PS C:\\> Get-HnsEndpoint -Id %1 | Select Name, State, VirtualNetworkName")
                   .arg(guid) +
               row
        << QStringLiteral("endpoint default-test_nat %1").arg(guid) << QStringLiteral("/Endpoints/0/ID")
        << guid
        << QStringList{
               QStringLiteral("info 3-5: ID from the command's filter at line 1: the endpoint of this "
                              "table has ID %1, which the table does not show")
                   .arg(guid),
               "note: ID from the command's filter at line 1 (the table does not show it)",
               "note: its network \"nat\" is not in the dump",
               "lost: IPAddress: not shown by the table",
               "lost: MacAddress: not shown by the table",
               "lost: Policies: not shown by the table"};
    QTest::newRow("Get-HnsNetwork -Name")
        << QStringLiteral("PS C:\\> Get-HnsNetwork -Name nat | Select Type, SwitchGuid\n\n"
                          "Type SwitchGuid\n"
                          "---- ----------\n"
                          "NAT  %1\n")
               .arg(natNet)
        << QStringLiteral("network nat (ID made up)") << QStringLiteral("/Networks/0/Name")
        << QStringLiteral("nat")
        << QStringList{
               "info 3-5: Name from the command's filter at line 1: the network of this table has Name "
               "nat, which the table does not show",
               "note: Name from the command's filter at line 1 (the table does not show it)",
               "lost: Subnets: not shown by the table (address prefixes and gateways unknown)",
               "lost: Policies: not shown by the table"};
}

void TestTables::valuesTheListingPicksRowsByAreReported()
{
    QFETCH(QString, text);
    QFETCH(QString, object);
    QFETCH(QString, member);
    QFETCH(QString, value);
    QFETCH(QStringList, report);

    const Result<ImportResult> imported = importDump({{"paste", text.toStdString()}});
    QVERIFY(imported.ok());
    QCOMPARE(imported->report.objects.size(), std::size_t(1));
    const ImportedObject& made = imported->report.objects.front();
    QCOMPARE(QStringLiteral("%1 %2 %3")
                 .arg(QString::fromLatin1(resourceKindLabel(made.kind).data()),
                      QString::fromStdString(made.name),
                      made.idMadeUp ? QStringLiteral("(ID made up)") : QString::fromStdString(made.id)),
             object);
    const nlohmann::json::json_pointer pointer(member.toStdString());
    QVERIFY2(imported->snapshot.contains(pointer), qPrintable(member));
    QCOMPARE(str(imported->snapshot.at(pointer)), value);
    QStringList said;
    for (const ImportMessage& m : imported->report.messages)
        if (m.firstLine > 0 && m.objectId.empty())
            said << QStringLiteral("%1 %2-%3: %4")
                        .arg(m.severity == ImportSeverity::Info ? "info" : "warning")
                        .arg(m.firstLine)
                        .arg(m.lastLine)
                        .arg(QString::fromStdString(m.message));
    for (const std::string& note : made.notes)
        said << QStringLiteral("note: %1").arg(QString::fromStdString(note));
    for (const std::string& lost : made.lost)
        if (!lost.starts_with("ID: not in the dump"))
            said << QStringLiteral("lost: %1").arg(QString::fromStdString(lost));
    QCOMPARE(said, report);
}

/// A deletion piped from a filtered listing reads the filter as a table's listing does: Where-Object's
/// arguments named, in any order, `-EQ` left out.
void TestTables::deletionsFilteredAsTablesAre_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("said"); ///< what the request is said to ask

    const QString named = QStringLiteral("delete the networks named l2net");
    QTest::newRow("? Name -eq") << QStringLiteral("? Name -eq l2net") << named;
    QTest::newRow("-Property -EQ -Value")
        << QStringLiteral("Where-Object -Property Name -EQ -Value l2net") << named;
    QTest::newRow("-Value before -Property, no -EQ")
        << QStringLiteral("Where -Value 'l2net' -Property Name") << named;
    QTest::newRow("-Property -NE -Value") << QStringLiteral("Where-Object -Property Name -NE -Value l2net")
                                          << QStringLiteral("delete the networks whose Name is not l2net");
    QTest::newRow("-FilterScript") << QStringLiteral("Where-Object -FilterScript { $_.Type -eq 'L2Bridge' }")
                                   << QStringLiteral("delete the networks whose Type is L2Bridge");
}

void TestTables::deletionsFilteredAsTablesAre()
{
    QFETCH(QString, filter);
    QFETCH(QString, said);

    const std::string text = "PS C:\\> Get-HnsNetwork | " + filter.toStdString() + " | Remove-HnsNetwork\n";
    const Result<ImportResult> imported = importDump({{"paste", text}});
    QVERIFY(imported.ok());
    QStringList requests;
    for (const ImportMessage& m : imported->report.messages)
        if (m.logged)
            requests << QString::fromStdString(m.message);
    QCOMPARE(
        requests,
        QStringList{QStringLiteral("a command (Remove-HnsNetwork) that asks HNS to %1 at line 1").arg(said)});
}

/// One session's listings (tests/data/dumps/format-table-filtered-listings.txt): a table under a filter
/// on the address, one under a filter on the ID, one of endpoints without an ID or network column. Each
/// row is an endpoint; the filters' values are its members.
void TestTables::listingsOfOneSession()
{
    const ExtractResult result = tablesOf(QStringLiteral("format-table-filtered-listings.txt"));
    QCOMPARE(spans(result), QStringLiteral("11-11 17-17 23-23 24-24"));
    const QString calicoLike =
        QStringLiteral("Endpoint Name:2b7e0c4f91d6a8e3b5c2f7a1d9e4b6c80f3a5d7e9b1c2d4f6a8e0b3c5d7f9a1b_cbr0");
    QCOMPARE(objects(result), (QStringList{calicoLike, "Endpoint c41f7a2e-8d3b-4e96-a0c5-7b2d9f1e6a38",
                                           "Endpoint Name:db-ep", "Endpoint Name:web-ep"}));
    QCOMPARE(result.values[0].value.value("IPAddress", std::string()), std::string("10.244.1.23"));
    QCOMPARE(result.values[0].repairs,
             std::vector<std::string>{
                 "IPAddress from the command's filter at line 6 (the table does not show it)"});
    QCOMPARE(
        result.values[1].repairs,
        std::vector<std::string>{"ID from the command's filter at line 13 (the table does not show it)"});
    QVERIFY(result.values[2].repairs.empty());
    QStringList infos;
    for (const ImportWarning& info : result.infos)
        infos << QString::fromStdString(info.message);
    QCOMPARE(infos,
             (QStringList{"lines 9-11: IPAddress from the command's filter at line 6: the endpoint of this "
                          "table has IPAddress 10.244.1.23, which the table does not show",
                          "lines 15-17: ID from the command's filter at line 13: the endpoint of this "
                          "table has ID c41f7a2e-8d3b-4e96-a0c5-7b2d9f1e6a38, which the table does not "
                          "show"}));

    const QByteArray bytes = readDump(QStringLiteral("format-table-filtered-listings.txt"));
    const Result<ImportResult> imported = importDump({{"session.txt", std::string(bytesView(bytes))}});
    QVERIFY(imported.ok());
    QStringList made;
    for (const ImportedObject& object : imported->report.objects)
        made << QStringLiteral("%1 %2").arg(QString::fromStdString(object.name),
                                            object.idMadeUp ? QStringLiteral("(ID made up)")
                                                            : QString::fromStdString(object.id));
    made.sort();
    QCOMPARE(made, (QStringList{
                       "2b7e0c4f91d6a8e3b5c2f7a1d9e4b6c80f3a5d7e9b1c2d4f6a8e0b3c5d7f9a1b_cbr0 (ID made up)",
                       "db-ep (ID made up)", "kube-dns-ep c41f7a2e-8d3b-4e96-a0c5-7b2d9f1e6a38",
                       "web-ep (ID made up)"}));
}

QTEST_GUILESS_MAIN(TestTables)
#include "tst_tables.moc"
