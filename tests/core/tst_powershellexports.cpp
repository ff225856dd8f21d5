// Importing a customer's dump, PowerShell's export formats: what Export-Csv / ConvertTo-Csv write and the
// tab-separated rows Out-GridView copies become objects with the header's property names and typed
// values; cut and malformed rows say so, and text that merely holds commas or tabs gives no object.
// Export-Clixml's CLIXML gives its objects with their types, references resolved, escapes decoded; a
// file cut or nested without end loses only what it must. ConvertTo-Xml's `<Objects>` give their objects
// the same way. A log exported as CSV (Splunk, Log Analytics) with documents escaped inside its fields,
// and Windows event XML with `&quot;`-escaped documents in its `<Data>` values, are read as the text the
// logger wrote, once, at the row's line.

#include "dump_files.h"
#include "hcn/dump_formats.h"
#include "hcn/dump_import.h"
#include "hcn/dump_text.h"
#include "import_results.h"

#include <QtTest>

using namespace hcn;
using namespace hcn::io;
using json = nlohmann::json;

namespace {

ExtractResult rowsOf(std::string_view text)
{
    return extractDelimitedTables(cleanPastedText(text));
}

QString idOf(const FoundValue& found)
{
    return QString::fromStdString(found.value.value("ID", std::string("?")));
}

QStringList ids(const ExtractResult& result)
{
    QStringList out;
    for (const FoundValue& found : result.values)
        out << idOf(found);
    return out;
}

QStringList texts(const ExtractResult& result)
{
    QStringList out;
    for (const FoundValue& found : result.values)
        for (const std::string& loss : found.losses)
            out << QString::fromStdString(loss);
    for (const ImportWarning& warning : result.warnings)
        out << QString::fromStdString(warning.message);
    return out;
}

bool anyContains(const QStringList& list, const QString& part)
{
    return std::any_of(list.begin(), list.end(), [&](const QString& t) { return t.contains(part); });
}

/// The current row's `text` read by extractClixmlObjects into `result`, checked against the row's
/// `objects` (their IDs) and `messages` (each part of some loss or warning).
void readXmlRow(ExtractResult& result)
{
    QFETCH(QString, text);
    QFETCH(QStringList, objects);
    QFETCH(QStringList, messages);
    const QByteArray utf8 = text.toUtf8();
    result = extractClixmlObjects(cleanPastedText({utf8.constData(), std::size_t(utf8.size())}));
    QCOMPARE(ids(result), objects);
    for (const QString& m : messages)
        QVERIFY2(anyContains(texts(result), m), qPrintable(m + " not in:\n" + texts(result).join('\n')));
}

const char* kA = "1F3E5D7C-9B2A-4C8E-A6D4-0E2F4A6C8B1D";
const char* kE1 = "5D1A7C3E-2B4F-4A68-9C0D-1E2F3A4B5C6D";
const char* kE2 = "6E2B8D4F-3C5A-4B79-8D1E-2F3A4B5C6D7E";
const char* kN1 = "9A8B7C6D-5E4F-4301-8A2B-3C4D5E6F7A8B";

/// The current row's `text` imported into `result`, its objects checked against the row's `objects`.
void importRow(ImportResult& result)
{
    QFETCH(QString, text);
    QFETCH(QStringList, objects);
    Result<ImportResult> imported = importDump({{"paste", text.toStdString()}});
    QVERIFY(imported.ok());
    result = std::move(*imported);
    QCOMPARE(importedObjectList(result), objects);
}

const char* kB = "2A4C6E8F-0D1B-4E3C-9A5B-7C9E1F3D5B7A";

} // namespace

class TestPowerShellExports : public QObject
{
    Q_OBJECT

private slots:
    void readsEveryRow_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("objects");
        QTest::addColumn<QStringList>("messages"); ///< each part of some loss or warning

        const QString a = kA;
        const QString b = kB;
        QTest::newRow("Export-Csv: #TYPE, every field quoted")
            << QStringLiteral("#TYPE System.Management.Automation.PSCustomObject\n"
                              "\"ID\",\"Name\",\"IPAddress\",\"Policies\"\n"
                              "\"%1\",\"web\",\"10.244.1.15\",\"System.Object[]\"\n"
                              "\"%2\",\"db\",\"10.244.1.16\",\"System.Object[]\"\n")
                   .arg(a, b)
            << QStringList{a, b} << QStringList{"Policies: not expanded by PowerShell (System.Object[])"};
        QTest::newRow("ConvertTo-Csv without #TYPE, after a prompt")
            << QStringLiteral("PS C:\\> Get-HnsEndpoint | ConvertTo-Csv\n"
                              "\"ID\",\"Name\",\"IPAddress\"\n\"%1\",\"web\",\"10.244.1.15\"\n")
                   .arg(a)
            << QStringList{a} << QStringList{};
        QTest::newRow("-UseCulture: semicolons, a comma inside a quoted field")
            << QStringLiteral(
                   "\"ID\";\"Name\";\"DNSSuffix\"\n\"%1\";\"web\";\"svc.cluster.local,cluster.local\"\n")
                   .arg(a)
            << QStringList{a} << QStringList{};
        QTest::newRow("tab-separated (Out-GridView), the empty last cell dropped")
            << QStringLiteral("Name\tID\tIPAddress\tNamespace\nweb\t%1\t10.244.1.15\t\ndb\t%2\t10.244.1.16\n")
                   .arg(a, b)
            << QStringList{a, b} << QStringList{};
        QTest::newRow("ConvertTo-Csv -UseQuotes AsNeeded: bare fields")
            << QStringLiteral("ID,Name,IPAddress\n%1,web,10.244.1.15\n").arg(a) << QStringList{a}
            << QStringList{};
        QTest::newRow("a quoted field over two lines, quotes doubled inside")
            << QStringLiteral(
                   "\"ID\",\"Name\",\"AdditionalParams\"\n\"%1\",\"say \"\"hi\"\"\",\"first\nsecond\"\n"
                   "\"%2\",\"db\",\"\"\n")
                   .arg(a, b)
            << QStringList{a, b} << QStringList{};
        QTest::newRow("a quoted row cut before its last fields")
            << QStringLiteral("\"ID\",\"Name\",\"IPAddress\",\"MacAddress\"\n\"%1\",\"web\"\n").arg(a)
            << QStringList{a} << QStringList{"the row ends after Name; 2 more columns not in the dump"};
        QTest::newRow("a row with more fields than the header is not read")
            << QStringLiteral("\"ID\",\"Name\"\n\"%1\",\"web\",\"extra\"\n\"%2\",\"db\"\n").arg(a, b)
            << QStringList{b} << QStringList{"line 2: a row of 3 fields under a header of 2; not imported"};
        QTest::newRow("text after a closing quote is not a row")
            << QStringLiteral("\"ID\",\"Name\"\n\"%1\"x,\"web\"\n").arg(a) << QStringList{}
            << QStringList{"with text after a closing quote; not imported"};
        QTest::newRow("a table of another command (Get-Process) is nothing")
            << QStringLiteral("\"Handles\",\"NPM\",\"ProcessName\"\n\"812\",\"30\",\"vmcompute\"\n")
            << QStringList{} << QStringList{};
        QTest::newRow("prose and JSON with commas are nothing")
            << QStringLiteral("The ID, Name and IPAddress were wrong, said the customer.\n"
                              "{\"ID\": \"%1\", \"Name\": \"web\"}\n\"ID\",\"Name\"\n")
                   .arg(a)
            << QStringList{} << QStringList{};
    }

    void readsEveryRow()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, objects);
        QFETCH(QStringList, messages);
        const QByteArray utf8 = text.toUtf8();
        const ExtractResult result = rowsOf({utf8.constData(), std::size_t(utf8.size())});
        QCOMPARE(ids(result), objects);
        for (const QString& m : messages)
            QVERIFY2(anyContains(texts(result), m), qPrintable(m + " not in:\n" + texts(result).join('\n')));
        for (const FoundValue& found : result.values) {
            QCOMPARE(found.format, DumpFormat::Table);
            QVERIFY(found.firstLine >= 1 && found.lastLine >= found.firstLine);
        }
    }

    void fieldsAreTypedAndSpanTheirLines()
    {
        const ExtractResult result =
            rowsOf("\"ID\",\"IsRemoteEndpoint\",\"PrefixLength\",\"Namespace\",\"Name\"\n"
                   "\"" +
                   std::string(kA) +
                   "\",\"True\",\"24\",\"@{ID=7B9D1F3E-5C2A-4E8B-9D6F-1A3C5E7B9D2F; "
                   "IsDefault=False}\",\"two\nlines\"\n");
        QCOMPARE(result.values.size(), std::size_t(1));
        const FoundValue& row = result.values.front();
        QCOMPARE(row.value["IsRemoteEndpoint"], json(true));
        QCOMPARE(row.value["PrefixLength"], json(24));
        QCOMPARE(row.value["Namespace"]["ID"], json("7B9D1F3E-5C2A-4E8B-9D6F-1A3C5E7B9D2F"));
        QCOMPARE(row.value["Name"], json("two\nlines"));
        QCOMPARE(row.firstLine, 2);
        QCOMPARE(row.lastLine, 3);
        QVERIFY(row.sourceText.starts_with("\"ID\",\"IsRemoteEndpoint\""));
    }

    void clixmlKeepsTypesAndReferences()
    {
        const QByteArray bytes = readDump("export-clixml-overlay.xml");
        const auto decoded = decodeDumpText(bytesView(bytes));
        QVERIFY(decoded.ok());
        const ExtractResult result = extractClixmlObjects(cleanPastedText(decoded->text));
        QCOMPARE(result.values.size(), std::size_t(2));
        QVERIFY(result.warnings.empty());
        const FoundValue& network = result.values[0];
        QCOMPARE(network.format, DumpFormat::CliXml);
        QCOMPARE(network.firstLine, 2);
        QCOMPARE(network.lastLine, 46);
        QCOMPARE(network.value["Version"], json(38654705667ULL));
        QCOMPARE(network.value["IPv6"], json(false));
        QVERIFY(network.value["LayeredOn"].is_null());
        QCOMPARE(network.value["Subnets"][0]["AddressPrefix"], json("10.244.0.0/16"));
        QCOMPARE(network.value["Subnets"][0]["Policies"], json("System.Object[]"));
        QCOMPARE(network.value["Policies"][0]["ProviderAddress"], json("192.168.40.13"));
        QCOMPARE(network.value["Notes"], json("created by flannel\r\nnode <win-2> & co"));
        QVERIFY(network.sourceText.starts_with("<Obj RefId=\"0\">"));
        const FoundValue& endpoint = result.values[1];
        QCOMPARE(endpoint.value["PrefixLength"], json(16));
        QCOMPARE(endpoint.value["Health"]["LastErrorCode"], json(0));
        QCOMPARE(endpoint.value["Tags"], network.value["Policies"]); // <Ref RefId="4"/>
    }

    void clixmlBadInputLosesOnlyWhatItMust_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("objects");
        QTest::addColumn<QStringList>("messages");
        const QString objs = QStringLiteral(
            "<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">");
        const QString a = kA;
        const QString b = kB;
        QTest::newRow("cut before </Objs>, inside the second object")
            << objs +
                   QStringLiteral("<Obj RefId=\"0\"><MS><S N=\"ID\">%1</S><S N=\"Name\">web</S></MS></Obj>\n"
                                  "<Obj RefId=\"1\"><MS><S N=\"ID\">%2</S><S N=\"Name\">d")
                       .arg(a, b)
            << QStringList{a, b}
            << QStringList{"the CLIXML ends before its </Objs>", "the CLIXML ends inside this object"};
        QTest::newRow("deeper than Export-Clixml's -Depth: read from the text")
            << objs + QStringLiteral(
                          "<Obj RefId=\"0\"><MS><S N=\"ID\">%1</S><Obj N=\"Namespace\" RefId=\"1\">"
                          "<ToString>@{ID=7B9D1F3E-5C2A-4E8B-9D6F-1A3C5E7B9D2F; IsDefault=False}</ToString>"
                          "</Obj></MS></Obj></Objs>")
                          .arg(a)
            << QStringList{a}
            << QStringList{"Namespace: deeper than Export-Clixml's -Depth; read from its text"};
        QString deep = objs + QStringLiteral("<Obj RefId=\"0\"><MS><S N=\"ID\">%1</S>").arg(a);
        for (int i = 0; i < 5000; ++i)
            deep += QStringLiteral("<Obj N=\"x\"><MS>");
        QTest::newRow("nested 5,000 deep")
            << deep << QStringList{a} << QStringList{"CLIXML nested deeper than 64 levels"};
        QTest::newRow("XML that is no CLIXML")
            << QStringLiteral("<Config><Obj><MS><S N=\"ID\">%1</S></MS></Obj></Config>").arg(a)
            << QStringList{} << QStringList{};
        QTest::newRow("escapes: a literal _x and a tab")
            << objs + QStringLiteral("<Obj RefId=\"0\"><MS><S N=\"ID\">%1</S><S "
                                     "N=\"Name\">a_x005F_x0041_b_x0009_c</S></MS></Obj></Objs>")
                          .arg(a)
            << QStringList{a} << QStringList{};
    }

    void clixmlBadInputLosesOnlyWhatItMust()
    {
        ExtractResult result;
        readXmlRow(result);
        if (QTest::currentTestFailed())
            return;
        if (QByteArray(QTest::currentDataTag()).startsWith("escapes"))
            QCOMPARE(result.values[0].value["Name"], json("a_x0041_b\tc"));
    }

    void importsAsTheCustomerSawIt_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("objects");
        QTest::addColumn<QStringList>("messages");
        QTest::newRow("Export-Csv of networks and endpoints, CRLF")
            << "export-csv-networks-endpoints.csv"
            << QStringList{"Endpoint:1F3E5D7C-9B2A-4C8E-A6D4-0E2F4A6C8B1D",
                           "Endpoint:2A4C6E8F-0D1B-4E3C-9A5B-7C9E1F3D5B7A",
                           "Endpoint:3B5D7F91-1E2C-4F4D-8B6C-9D1F3A5C7E9B",
                           "Namespace:7B9D1F3E-5C2A-4E8B-9D6F-1A3C5E7B9D2F",
                           "Network:4E7A1C93-8B25-4F60-9D1E-2A3B4C5D6E7F",
                           "Network:9D2B6F14-7C38-4A51-B0E9-3F4A5B6C7D8E"}
            << QStringList{"MacPools: not expanded by PowerShell (System.Object[])"};
        QTest::newRow("Out-GridView rows copied")
            << "outgridview-endpoints.tsv"
            << QStringList{"Endpoint:1F3E5D7C-9B2A-4C8E-A6D4-0E2F4A6C8B1D",
                           "Endpoint:2A4C6E8F-0D1B-4E3C-9A5B-7C9E1F3D5B7A",
                           "Namespace:7B9D1F3E-5C2A-4E8B-9D6F-1A3C5E7B9D2F"}
            << QStringList{"the dump shows no networks"};
        QTest::newRow("ConvertTo-Xml -As String of an endpoint and its network")
            << "convertto-xml-endpoints.xml"
            << QStringList{"Endpoint:5D1A7C3E-2B4F-4A68-9C0D-1E2F3A4B5C6D",
                           "Namespace:7F3C9E1A-4D6B-4C2E-9F8A-0B1C2D3E4F5A",
                           "Network:9A8B7C6D-5E4F-4301-8A2B-3C4D5E6F7A8B"}
            << QStringList{"Policies[0].ExceptionList: not expanded by PowerShell (System.Object[])"};
        QTest::newRow("Splunk CSV export of kube-proxy's log, endpoints escaped in _raw")
            << "splunk-csv-escaped-klog.csv"
            << QStringList{"Endpoint:5D1A7C3E-2B4F-4A68-9C0D-1E2F3A4B5C6D",
                           "Endpoint:6E2B8D4F-3C5A-4B79-8D1E-2F3A4B5C6D7E"}
            << QStringList{"the text is a log exported as CSV: 2 fields (from line 2)",
                           "the dump shows no networks; 2 endpoints name 1 network it does not show"};
        QTest::newRow("Event Viewer's XML view, the endpoint &quot;-escaped in a Data value")
            << "eventviewer-xml-escaped-settings.xml"
            << QStringList{"Endpoint:6E2B8D4F-3C5A-4B79-8D1E-2F3A4B5C6D7E"}
            << QStringList{"the text holds Windows event XML; the character references in 1 <Data> value"};
    }

    void importsAsTheCustomerSawIt()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, objects);
        QFETCH(QStringList, messages);
        Result<ImportResult> result =
            importDump({{file.toStdString(), std::string(bytesView(readDump(file)))}});
        QVERIFY(result.ok());
        QCOMPARE(importedObjectList(*result), objects);
        const QStringList reported = importMessageTexts(*result);
        for (const QString& m : messages)
            QVERIFY2(anyContains(reported, m), qPrintable(m + " not in:\n" + reported.join('\n')));
        // The endpoints name their network, which the CSV export of the networks shows.
        for (const json& endpoint : result->snapshot["Endpoints"]) {
            if (endpoint.value("ID", "") == kA) {
                QCOMPARE(endpoint.value("HostComputeNetwork", ""),
                         std::string("4E7A1C93-8B25-4F60-9D1E-2A3B4C5D6E7F"));
                QCOMPARE(endpoint["IpConfigurations"][0].value("IpAddress", ""), std::string("10.244.1.15"));
            }
        }
    }

    void convertToXmlReadsItsObjects_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("objects");
        QTest::addColumn<QStringList>("messages");
        const QString a = kA;
        const QString b = kB;
        const QString objects = QStringLiteral("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Objects>\n");
        const auto object = [](const QString& id, const QString& more = {}) {
            return QStringLiteral("  <Object Type=\"System.Management.Automation.PSCustomObject\">\n"
                                  "    <Property Name=\"ID\" Type=\"System.String\">%1</Property>\n"
                                  "    <Property Name=\"Name\" Type=\"System.String\">web</Property>\n%2"
                                  "  </Object>\n")
                .arg(id, more);
        };
        QTest::newRow("ConvertTo-Xml -As String: every object")
            << objects + object(a) + object(b) + "</Objects>\n"
            << QStringList{a, b} << QStringList{};
        QTest::newRow("below -Depth: a list of objects read from their text")
            << objects +
                   object(a, "    <Property Name=\"Policies\" Type=\"System.Object[]\">\n"
                             "      <Property Type=\"System.Management.Automation.PSCustomObject\">"
                             "@{ExceptionList=System.Object[]; Type=OutBoundNAT}</Property>\n"
                             "    </Property>\n") +
                   "</Objects>\n"
            << QStringList{a}
            << QStringList{"Policies[0]: deeper than ConvertTo-Xml's -Depth; read from its text"};
        QTest::newRow("cut before </Objects>, inside the second object")
            << objects + object(a) +
                   "  <Object Type=\"x\">\n    <Property Name=\"ID\" Type=\"System.String\">" + b +
                   "</Property>\n    <Property Name=\"Na"
            << QStringList{a, b}
            << QStringList{"the ConvertTo-Xml output ends before its </Objects>",
                           "the XML ends inside this object"};
        QString deep =
            objects + QStringLiteral("<Object Type=\"x\"><Property Name=\"ID\">%1</Property>").arg(a);
        for (int i = 0; i < 5000; ++i)
            deep += QStringLiteral("<Property Name=\"x\" Type=\"y\">");
        QTest::newRow("nested 5,000 deep")
            << deep << QStringList{a} << QStringList{"ConvertTo-Xml output nested deeper than 64 levels"};
        QTest::newRow("objects that are strings (Get-Process | Select -Expand Name | ConvertTo-Xml)")
            << objects + "<Object Type=\"System.String\">vmcompute</Object>\n</Objects>\n"
            << QStringList{} << QStringList{};
        QTest::newRow("an element named Objects inside other XML is no root of objects")
            << QStringLiteral(
                   "<ObjectsList><Object><Property Name=\"ID\">%1</Property></Object></ObjectsList>")
                   .arg(a)
            << QStringList{} << QStringList{};
    }

    void convertToXmlReadsItsObjects()
    {
        ExtractResult result;
        readXmlRow(result);
        if (QTest::currentTestFailed())
            return;
        for (const FoundValue& found : result.values)
            QVERIFY(found.sourceText.starts_with("<Object "));
    }

    void convertToXmlValuesAreTyped()
    {
        const QByteArray bytes = readDump("convertto-xml-endpoints.xml");
        const ExtractResult result = extractClixmlObjects(cleanPastedText(bytesView(bytes)));
        QCOMPARE(result.values.size(), std::size_t(2));
        const json& endpoint = result.values[0].value;
        QCOMPARE(result.values[0].firstLine, 3);
        QCOMPARE(result.values[0].lastLine, 24);
        QCOMPARE(endpoint["PrefixLength"], json(24));
        QCOMPARE(endpoint["IsRemoteEndpoint"], json(false));
        QCOMPARE(endpoint["Namespace"]["ID"], json("7F3C9E1A-4D6B-4C2E-9F8A-0B1C2D3E4F5A"));
        QCOMPARE(endpoint["Namespace"]["IsDefault"], json(false));
        QCOMPARE(endpoint["Policies"][1]["DestinationPrefix"], json("10.96.0.0/12"));
        QCOMPARE(endpoint["Policies"][1]["NeedEncap"], json(true));
        QVERIFY(endpoint["SharedContainers"].is_null());
        QCOMPARE(endpoint["Description"], json("web & api <tier 1>"));
        QCOMPARE(result.values[1].value["Subnets"][0]["GatewayAddress"], json("10.244.3.1"));
    }

    void logFieldsInCsvAreReadOnce_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("objects");
        QTest::addColumn<int>("line"); ///< of the first object
        const QString e1 = kE1;
        const QString n1 = kN1;
        const QString escaped =
            QStringLiteral("{\\\"\"ID\\\"\":\\\"\"%1\\\"\",\\\"\"Name\\\"\":\\\"\"web\\\"\","
                           "\\\"\"IPAddress\\\"\":\\\"\"10.244.3.21\\\"\",\\\"\"VirtualNetwork"
                           "\\\"\":\\\"\"%2\\\"\",\\\"\"Policies\\\"\":[{\\\"\"Type\\\"\":"
                           "\\\"\"OutBoundNAT\\\"\"}]}")
                .arg(e1, n1);
        QTest::newRow("Splunk: a klog line in _raw, the endpoint escaped in its field")
            << QStringLiteral("_time,host,_raw\n2026-11-30T14:02:11Z,w1,\"I1130 14:02:11.2 3712 hns.go:120] "
                              "\"\"Queried endpoint\"\" endpoint=\"\"%1\"\"\"\n")
                   .arg(escaped)
            << QStringList{"Endpoint:" + e1} << 2;
        QTest::newRow("-UseCulture semicolons, a logrus line, after a line of prose")
            << QStringLiteral(
                   "exported from the workspace\n\"TimeGenerated [UTC]\";\"Computer\";\"LogEntry\"\n"
                   "\"30.11.2026, 14:02:11\";\"w1\";\"time=\"\"2026-11-30T14:02:11Z\"\" level=info "
                   "msg=\"\"Endpoint Response : %1\"\"\"\n")
                   .arg(escaped)
            << QStringList{"Endpoint:" + e1} << 3;
        QTest::newRow("a Go %#v dump in a field")
            << QStringLiteral(
                   "_time,_raw\n2026-11-30T14:02:11Z,\"I1130 hns.go:88] endpoint: "
                   "hcn.HostComputeEndpoint{Id:\"\"%1\"\", Name:\"\"web\"\", HostComputeNetwork:\"\"%2\"\", "
                   "IpConfigurations:[]hcn.IpConfig{hcn.IpConfig{IpAddress:\"\"10.244.3.21\"\", "
                   "PrefixLength:0x18}}}\"\n")
                   .arg(e1, n1)
            << QStringList{"Endpoint:" + e1} << 2;
        QTest::newRow("the document directly in a field: the JSON reader undoubles it, once")
            << QStringLiteral("_time,_raw\n2026-11-30T14:02:11Z,\"I1130 proxier.go:119] \"\"Hns Endpoint "
                              "resource\"\" endpointInfo={\"\"ID\"\":\"\"%1\"\",\"\"Name\"\":\"\"web\"\","
                              "\"\"IPAddress\"\":\"\"10.244.3.21\"\",\"\"VirtualNetwork\"\":\"\"%2\"\"}\"\n")
                   .arg(e1, n1)
            << QStringList{"Endpoint:" + e1} << 2;
        QTest::newRow("a log without documents gives nothing")
            << QStringLiteral("_time,_raw\n2026-11-30T14:02:11Z,\"I1130 proxier.go:1032] \"\"Syncing\"\"\"\n")
            << QStringList{} << 0;
        QString open = QStringLiteral("_time,_raw\n2026-11-30T14:02:11Z,\"x \"\"open\n");
        for (int i = 0; i < 20000; ++i)
            open += QStringLiteral("a\\\"\" b,\n");
        QTest::newRow("a field that never closes, over 20,000 lines")
            << open + QStringLiteral(
                          "_time,_raw\n2026-11-30T14:02:11Z,\"I1130 hns.go:120] endpoint=\"\"%1\"\"\"\n")
                          .arg(escaped)
            << QStringList{"Endpoint:" + e1} << 20004;
    }

    void logFieldsInCsvAreReadOnce()
    {
        QFETCH(int, line);
        ImportResult imported;
        importRow(imported);
        if (QTest::currentTestFailed())
            return;
        const ImportResult* result = &imported;
        const QStringList messages = importMessageTexts(*result);
        QVERIFY2(!anyContains(messages, "never closes"), qPrintable(messages.join('\n')));
        QVERIFY2(!anyContains(messages, "not valid JSON"), qPrintable(messages.join('\n')));
        for (const ImportedObject& o : result->report.objects) {
            QCOMPARE(o.firstLine, line);
            for (const std::string& note : o.notes)
                QVERIFY2(!QString::fromStdString(note).contains("also shown in"), note.c_str());
            if (o.kind == ResourceKind::Endpoint)
                QCOMPARE(result->snapshot["Endpoints"][0].value("HostComputeNetwork", ""), std::string(kN1));
        }
    }

    void eventXmlValuesAreDecoded_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("objects");
        QTest::addColumn<QString>("message");
        const QString e2 = kE2;
        const QString n1 = kN1;
        const QString settings =
            QStringLiteral(
                "{&quot;ID&quot;:&quot;%1&quot;,&quot;Name&quot;:&quot;db&quot;,&quot;IPAddress&quot;:"
                "&quot;10.244.3.22&quot;,&quot;VirtualNetwork&quot;:&quot;%2&quot;}")
                .arg(e2, n1);
        const QString plain = QString(settings).replace("&quot;", "\"");
        QTest::newRow("an event's XML: the endpoint in a Data value")
            << QStringLiteral(
                   "<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\">\n"
                   "  <EventData>\n    <Data Name=\"Settings\">%1</Data>\n  </EventData>\n</Event>\n")
                   .arg(settings)
            << QStringList{"Endpoint:" + e2} << QStringLiteral("the character references in 1 <Data> value");
        QTest::newRow("<EventData> copied on its own, a line break written as a reference")
            << QStringLiteral(
                   "<EventData>\n<Data Name=\"Id\">%1</Data><Data>%2&#xD;&#xA;</Data>\n</EventData>\n")
                   .arg(e2, settings)
            << QStringList{"Endpoint:" + e2} << QStringLiteral("in 1 <Data> value were decoded");
        QTest::newRow("Event Viewer's copy: the failed request in the description and again in the XML")
            << QStringLiteral(
                   "Log Name:      Microsoft-Windows-Host-Network-Service-Admin\nLevel:         Error\n"
                   "Description:\nHNS failed to create endpoint with settings %1. Error: 0x803b0013\n"
                   "Event Xml:\n<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\">\n"
                   "  <EventData>\n    <Data Name=\"Settings\">%2</Data>\n"
                   "    <Data Name=\"Error\">0x803b0013</Data>\n  </EventData>\n</Event>\n")
                   .arg(plain, settings)
            << QStringList{}
            << QStringLiteral("the request HNS failed in line 4 again, not an object it holds");
        QTest::newRow("references outside <EventData> stay as they are")
            << QStringLiteral("<Config><Data>%1</Data></Config>\n").arg(settings) << QStringList{}
            << QString();
    }

    void eventXmlValuesAreDecoded()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, objects);
        QFETCH(QString, message);
        ImportResult imported;
        importRow(imported);
        if (QTest::currentTestFailed())
            return;
        const ImportResult* result = &imported;
        const QStringList messages = importMessageTexts(*result);
        if (!message.isEmpty())
            QVERIFY2(anyContains(messages, message),
                     qPrintable(message + " not in:\n" + messages.join('\n')));
        if (!objects.isEmpty())
            QCOMPARE(result->report.objects[0].firstLine, text.startsWith("<Event ") ? 3 : 2);
    }

    void textFormatsStayLinear()
    {
        // Many `&` without a `;`, many <Data> tags, many quoted fields: each read in one pass.
        std::string text = "<EventData>";
        for (int i = 0; i < 200000; ++i)
            text += "<Data>&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&</Data>\n";
        text += "</EventData>\n_time,_raw\n";
        for (int i = 0; i < 200000; ++i)
            text += "1,\"\"\"{\\\"\"x\"\n";
        const auto decoded = decodeDumpText(text);
        QVERIFY(decoded.ok());
        QCOMPARE(std::count(decoded->text.begin(), decoded->text.end(), '\n'), 400002);
    }

    void hashtablesShownAsNameValueTables_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("objects");
        QTest::addColumn<int>("line"); ///< of the first object
        const QString e1 = kE1;
        const QString e2 = kE2;
        const QString n1 = kN1;
        const auto table = [&](const QString& id, const QString& ip) {
            return QStringLiteral("Name                           Value\n"
                                  "----                           -----\n"
                                  "AdditionalParams               \n"
                                  "Health                         {[LastErrorCode, 0], [LastUpdateTime, "
                                  "133775123456789100]}\n"
                                  "ID                             %1\n"
                                  "IPAddress                      %2\n"
                                  "Namespace                      {[ID, "
                                  "7F3C9E1A-4D6B-4C2E-9F8A-0B1C2D3E4F5A], [IsDefault, False]}\n"
                                  "Policies                       {System.Collections.Hashtable}\n"
                                  "VirtualNetwork                 %3\n")
                .arg(id, ip, n1);
        };
        QTest::newRow("PS7 ConvertFrom-Json -AsHashtable, two endpoints")
            << QStringLiteral(
                   "PS C:\\> $eps = Get-HnsEndpoint | ConvertTo-Json | ConvertFrom-Json -AsHashtable\n"
                   "PS C:\\> $eps\n\n") +
                   table(e1, "10.244.3.21") + "\n" + table(e2, "10.244.3.22") + "\n"
            << QStringList{"Endpoint:" + e1, "Endpoint:" + e2,
                           "Namespace:7F3C9E1A-4D6B-4C2E-9F8A-0B1C2D3E4F5A"}
            << 6;
        QTest::newRow("$PSVersionTable is no object")
            << QStringLiteral("Name                           Value\n----                           -----\n"
                              "PSVersion                      7.4.6\nPSEdition                      Core\n")
            << QStringList{} << 0;
        QTest::newRow("one HNS key is too little")
            << QStringLiteral("Name   Value\n----   -----\nID     %1\nColor  blue\n").arg(e1) << QStringList{}
            << 0;
    }

    void hashtablesShownAsNameValueTables()
    {
        QFETCH(int, line);
        ImportResult imported;
        importRow(imported);
        if (QTest::currentTestFailed())
            return;
        const ImportResult* result = &imported;
        if (result->report.objects.empty())
            return;
        QCOMPARE(result->report.objects[0].firstLine, line);
        QVERIFY(anyContains(importMessageTexts(*result), "shown as Name/Value tables"));
        for (const json& endpoint : result->snapshot["Endpoints"]) {
            QCOMPARE(endpoint.value("HostComputeNetwork", ""), std::string(kN1));
            QCOMPARE(endpoint.value("HostComputeNamespace", ""),
                     std::string("7F3C9E1A-4D6B-4C2E-9F8A-0B1C2D3E4F5A"));
        }
    }

    /// Export-Clixml of Get-HnsNetwork, and Export-Csv of the same, the file cut before the last
    /// network's ID: the object names nothing, and the report says it was cut, as it does for JSON.
    void recordsCutBeforeTheirIdSaySo_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("clixml");

        QTest::newRow("CLIXML cut inside the second object")
            << QStringLiteral(
                   "<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">\n"
                   "  <Obj RefId=\"0\">\n"
                   "    <TN RefId=\"0\">\n"
                   "      <T>System.Management.Automation.PSCustomObject</T>\n"
                   "      <T>System.Object</T>\n"
                   "    </TN>\n"
                   "    <MS>\n"
                   "      <S N=\"ActivityId\">4D2A9E61-7B3C-4F18-A05D-9C8E2B1F6A37</S>\n"
                   "      <I32 N=\"CurrentEndpointCount\">3</I32>\n"
                   "      <S N=\"ID\">DB965D58-53D6-4B36-8AAB-60C95EF9331C</S>\n"
                   "      <S N=\"Name\">nat</S>\n"
                   "      <S N=\"Type\">NAT</S>\n"
                   "    </MS>\n"
                   "  </Obj>\n"
                   "  <Obj RefId=\"1\">\n"
                   "    <TNRef RefId=\"0\" />\n"
                   "    <MS>\n"
                   "      <S N=\"ActivityId\">C6B0351B-A290-4F80-827F-EFAA302F624D</S>\n"
                   "      <I32 N=\"CurrentEndpointCount\">0</I32>\n")
            << true;
        QTest::newRow("Export-Csv, the last row cut after its second field")
            << QStringLiteral("#TYPE System.Management.Automation.PSCustomObject\n"
                              "\"ActivityId\",\"CurrentEndpointCount\",\"ID\",\"Name\",\"Type\"\n"
                              "\"4D2A9E61-7B3C-4F18-A05D-9C8E2B1F6A37\",\"3\","
                              "\"DB965D58-53D6-4B36-8AAB-60C95EF9331C\",\"nat\",\"NAT\"\n"
                              "\"C6B0351B-A290-4F80-827F-EFAA302F624D\",\"0\"\n")
            << false;
    }

    void recordsCutBeforeTheirIdSaySo()
    {
        QFETCH(QString, text);
        QFETCH(bool, clixml);

        const std::string utf8 = text.toStdString();
        const ExtractResult read = clixml ? extractClixmlObjects(cleanPastedText(utf8)) : rowsOf(utf8);
        QCOMPARE(read.values.size(), std::size_t(2));
        QVERIFY(!read.values[0].cutOff);
        QVERIFY(read.values[1].cutOff);
        const Result<ImportResult> imported = importDump({{"paste", utf8}});
        QVERIFY(imported.ok());
        const QStringList said = importMessageTexts(*imported);
        QVERIFY2(
            said.contains(QStringLiteral("a Get-HnsNetwork record cut before its ID (ActivityId "
                                         "C6B0351B-A290-4F80-827F-EFAA302F624D, CurrentEndpointCount 0); "
                                         "not imported")),
            qPrintable(said.join('\n')));
    }
};

QTEST_GUILESS_MAIN(TestPowerShellExports)
#include "tst_powershellexports.moc"
