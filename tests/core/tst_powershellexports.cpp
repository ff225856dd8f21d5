// Importing a customer's dump, PowerShell's export formats: what Export-Csv / ConvertTo-Csv write and the
// tab-separated rows Out-GridView copies become objects with the header's property names and typed
// values; cut and malformed rows say so, and text that merely holds commas or tabs gives no object.
// Export-Clixml's CLIXML gives its objects with their types, references resolved, escapes decoded; a
// file cut or nested without end loses only what it must.

#include "dump_files.h"
#include "hcn/dump_formats.h"
#include "hcn/dump_import.h"
#include "hcn/dump_text.h"

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

const char* kA = "1F3E5D7C-9B2A-4C8E-A6D4-0E2F4A6C8B1D";
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
        QFETCH(QString, text);
        QFETCH(QStringList, objects);
        QFETCH(QStringList, messages);
        const QByteArray utf8 = text.toUtf8();
        const ExtractResult result =
            extractClixmlObjects(cleanPastedText({utf8.constData(), std::size_t(utf8.size())}));
        QCOMPARE(ids(result), objects);
        for (const QString& m : messages)
            QVERIFY2(anyContains(texts(result), m), qPrintable(m + " not in:\n" + texts(result).join('\n')));
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
    }

    void importsAsTheCustomerSawIt()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, objects);
        QFETCH(QStringList, messages);
        Result<ImportResult> result =
            importDump({{file.toStdString(), std::string(bytesView(readDump(file)))}});
        QVERIFY(result.ok());
        QStringList found;
        for (const ImportedObject& o : result->report.objects)
            found << QStringLiteral("%1:%2").arg(QString::fromUtf8(resourceKindName(o.kind).data()),
                                                 QString::fromStdString(o.id).toUpper());
        found.sort();
        QCOMPARE(found, objects);
        QStringList reported;
        for (const ImportMessage& m : result->report.messages)
            reported << QString::fromStdString(m.message);
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
};

QTEST_GUILESS_MAIN(TestPowerShellExports)
#include "tst_powershellexports.moc"
