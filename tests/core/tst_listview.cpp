// Importing a customer's dump, PowerShell's list view: `Get-HnsNetwork` and friends printed as
// `Name : value` blocks become objects with typed values, wrapped values are joined, what PowerShell did
// not print in full is named as a loss, and JSON, tables and prose around the blocks are left alone.

#include "dump_files.h"
#include "hcn/dump_formats.h"
#include "hcn/dump_import.h"
#include "import_results.h"
#include "io/import_objects.h"

#include <QtTest>

using namespace hcn;
using namespace hcn::io;

namespace {

/// The list views of `lines`, objects classified as the import classifies them.
ExtractResult readListViews(const std::vector<CleanedLine>& lines)
{
    return extractListViewObjects(lines, [](const nlohmann::json& members, ResourceKind hint) {
        bool isV1 = false;
        return detail::classifyObject(members, hint, isV1);
    });
}

ExtractResult importDump(const QString& name)
{
    const auto decoded = decodeDumpText(bytesView(readDump(name)));
    if (!decoded.ok())
        qFatal("%s does not decode: %s", qPrintable(name), decoded.status().message().c_str());
    return readListViews(cleanPastedText(decoded->text));
}

ExtractResult importText(const QString& text)
{
    const std::string utf8 = text.toStdString();
    return readListViews(cleanPastedText(utf8));
}

/// What a user sees per imported object: its ID, or its Name when the paste has no ID.
QString label(const nlohmann::json& object)
{
    if (object.contains("ID") && object["ID"].is_string())
        return QString::fromStdString(object["ID"].get<std::string>());
    if (object.contains("Name") && object["Name"].is_string())
        return QStringLiteral("Name:") + QString::fromStdString(object["Name"].get<std::string>());
    return QStringLiteral("?");
}

QStringList labels(const ExtractResult& result)
{
    QStringList out;
    for (const FoundValue& found : result.values)
        out << label(found.value);
    return out;
}

QString lineSpans(const ExtractResult& result)
{
    QStringList spans;
    for (const FoundValue& found : result.values)
        spans << QStringLiteral("%1-%2").arg(found.firstLine).arg(found.lastLine);
    return spans.join(QLatin1Char(' '));
}

QStringList toStringList(const std::vector<std::string>& texts)
{
    QStringList out;
    for (const std::string& text : texts)
        out << QString::fromStdString(text);
    return out;
}

QStringList warningTexts(const ExtractResult& result)
{
    QStringList texts;
    for (const ImportWarning& w : result.warnings)
        texts << QString::fromStdString(w.message);
    return texts;
}

QString shown(const nlohmann::json& value)
{
    return QString::fromStdString(value.dump());
}

/// `name : value` as a console `width` columns wide prints it in a list view: cut every `width` columns
/// wherever that falls, continued at the value column. With `wideIsTwo`, CJK characters take two columns.
QString consoleWrapped(const QString& name, int colon, const QString& value, int width, bool wideIsTwo)
{
    const QString indent(colon + 2, QLatin1Char(' '));
    QString out = name.leftJustified(colon, QLatin1Char(' ')) + QStringLiteral(": ");
    int column = int(out.size());
    for (const QChar c : value) {
        const int w = wideIsTwo && c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF ? 2 : 1;
        if (column + w > width) {
            out += QLatin1Char('\n') + indent;
            column = int(indent.size());
        }
        out += c;
        column += w;
    }
    return out + QLatin1Char('\n');
}

/// What a terminal narrower than the output (conhost) gives a copy of `text`: each line cut every `width`
/// columns wherever that falls, the pieces at the first column, each without its trailing blanks.
QString terminalCut(const QString& text, int width)
{
    QStringList out;
    for (QString line : text.split(QLatin1Char('\n'))) {
        while (line.size() > width) {
            out << line.left(width);
            line = line.mid(width);
        }
        out << line;
    }
    for (QString& line : out) {
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
    }
    return out.join(QLatin1Char('\n'));
}

const QString natNetwork = QStringLiteral("7C2E5A90-1F4B-4D86-93AE-B05D8C7F2E61");
const QString bridgeNetwork = QStringLiteral("E3A07B5C-2D91-4F68-B4C3-07F5D2E91A6B");
const QString podEndpoint = QStringLiteral("4B7D2E90-A6C1-4F38-95E2-D08B7A3C61F5");
const QString natEndpoint = QStringLiteral("0A6E3F18-C7B2-4D95-81E4-B3F05D29A7C6");

} // namespace

class TestListView : public QObject
{
    Q_OBJECT

private slots:
    void readsRenderedValues_data();
    void readsRenderedValues();
    void deepNestingIsKeptAsText();
    void findsObjectsInDumps_data();
    void findsObjectsInDumps();
    void propertyValuesAreTyped_data();
    void propertyValuesAreTyped();
    void lossesNameTheProperty_data();
    void lossesNameTheProperty();
    void warningsNameTheLines_data();
    void warningsNameTheLines();
    void blocksInPastedText_data();
    void blocksInPastedText();
    void wrappedValuesAreJoined_data();
    void wrappedValuesAreJoined();
    void aTerminalsWidthIsSeenAcrossThePaste_data();
    void aTerminalsWidthIsSeenAcrossThePaste();
    void sourceTextIsTheBlockAsPasted();
    void utf16DumpEndToEnd();
    void jsonInTheSameFileIsLeftToTheJsonReader();
    void commandLinesNameTheKind_data();
    void commandLinesNameTheKind();
    void hnsdiagObjects_data();
    void hnsdiagObjects();
    void aNarrowConsolesWrap_data();
    void aNarrowConsolesWrap();
    void recordsThePasteCutSaySo_data();
    void recordsThePasteCutSaySo();
    void aNameCutAfterAWholeValue_data();
    void aNameCutAfterAWholeValue();
    void aNameCutAfterALongValue_data();
    void aNameCutAfterALongValue();
};

void TestListView::readsRenderedValues_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QStringList>("losses");

    const QStringList none;
    QTest::newRow("True") << "True"
                          << "true" << none;
    QTest::newRow("False") << "False"
                           << "false" << none;
    QTest::newRow("lower-case true is text") << "true"
                                             << "\"true\"" << none;
    QTest::newRow("integer") << "4096"
                             << "4096" << none;
    QTest::newRow("negative integer") << "-1"
                                      << "-1" << none;
    QTest::newRow("zero") << "0"
                          << "0" << none;
    QTest::newRow("packed version") << "38654705666"
                                    << "38654705666" << none;
    QTest::newRow("FILETIME ticks") << "133654200781234567"
                                    << "133654200781234567" << none;
    QTest::newRow("largest unsigned 64-bit") << "18446744073709551615"
                                             << "18446744073709551615" << none;
    QTest::newRow("beyond 64 bits stays text") << "18446744073709551616"
                                               << "\"18446744073709551616\"" << none;
    QTest::newRow("leading zero stays text") << "007"
                                             << "\"007\"" << none;
    QTest::newRow("decimal stays text") << "1.5"
                                        << "\"1.5\"" << none;
    QTest::newRow("address") << "10.244.3.17"
                             << "\"10.244.3.17\"" << none;
    QTest::newRow("GUID") << "4B7D2E90-A6C1-4F38-95E2-D08B7A3C61F5"
                          << "\"4B7D2E90-A6C1-4F38-95E2-D08B7A3C61F5\"" << none;
    QTest::newRow("comma-separated string") << "10.112.0.10,10.112.0.11"
                                            << "\"10.112.0.10,10.112.0.11\"" << none;
    QTest::newRow("empty") << ""
                           << "null" << none;
    QTest::newRow("blanks only") << "   "
                                 << "null" << none;
    QTest::newRow("hashtable") << "@{LastErrorCode=0; LastUpdateTime=133654200781234567}"
                               << R"({"LastErrorCode":0,"LastUpdateTime":133654200781234567})" << none;
    QTest::newRow("hashtable with an empty member") << "@{Data=; Type=Endpoint}"
                                                    << R"({"Data":null,"Type":"Endpoint"})" << none;
    QTest::newRow("hashtable with an unexpanded member")
        << "@{Type=OutBoundNAT; ExceptionList=System.Object[]}"
        << R"({"ExceptionList":"System.Object[]","Type":"OutBoundNAT"})"
        << QStringList{"ExceptionList: not expanded by PowerShell (System.Object[])"};
    QTest::newRow("hashtable with a list member")
        << "@{Type=ELB; VIPs={10.112.0.1, 10.112.0.2}; ILB=True}"
        << R"({"ILB":true,"Type":"ELB","VIPs":["10.112.0.1","10.112.0.2"]})" << none;
    QTest::newRow("nested hashtable") << "@{SchemaVersion=@{Major=2; Minor=0}; State=1}"
                                      << R"({"SchemaVersion":{"Major":2,"Minor":0},"State":1})" << none;
    QTest::newRow("empty hashtable") << "@{}"
                                     << "{}" << none;
    QTest::newRow("a '; ' inside a member") << "@{Name=left; right; Type=X}"
                                            << R"({"Name":"left; right","Type":"X"})" << none;
    QTest::newRow("a key shown twice")
        << "@{Type=A; Type=B}"
        << R"({"Type":"A"})" << QStringList{"Type: shown twice; the later value was dropped"};
    QTest::newRow("list") << "{10.96.0.0/12, 10.244.0.0/16}"
                          << R"(["10.96.0.0/12","10.244.0.0/16"])" << none;
    QTest::newRow("list of one") << "{9d41c7a2e35f48b0}"
                                 << R"(["9d41c7a2e35f48b0"])" << none;
    QTest::newRow("empty list") << "{}"
                                << "[]" << none;
    QTest::newRow("list of numbers and booleans") << "{1, True, 007}"
                                                  << R"([1,true,"007"])" << none;
    QTest::newRow("list of hashtables") << "{@{PA=10.40.8.35; Type=PA}, @{Type=L2Driver}}"
                                        << R"([{"PA":"10.40.8.35","Type":"PA"},{"Type":"L2Driver"}])" << none;
    QTest::newRow("list of hashtables with unexpanded members")
        << "{@{Policies=System.Object[]; ID=A}, @{Policies=System.Object[]; ID=B}}"
        << R"([{"ID":"A","Policies":"System.Object[]"},{"ID":"B","Policies":"System.Object[]"}])"
        << QStringList{"[0].Policies: not expanded by PowerShell (System.Object[])",
                       "[1].Policies: not expanded by PowerShell (System.Object[])"};
    QTest::newRow("unexpanded array")
        << "System.Object[]"
        << "\"System.Object[]\"" << QStringList{"not expanded by PowerShell (System.Object[])"};
    QTest::newRow("unexpanded list over remoting")
        << "System.Collections.ArrayList"
        << "\"System.Collections.ArrayList\""
        << QStringList{"not expanded by PowerShell (System.Collections.ArrayList)"};
    QTest::newRow("unexpanded hashtable")
        << "System.Collections.Hashtable"
        << "\"System.Collections.Hashtable\""
        << QStringList{"not expanded by PowerShell (System.Collections.Hashtable)"};
    QTest::newRow("generic list type")
        << "System.Collections.Generic.List`1[System.String]"
        << "\"System.Collections.Generic.List`1[System.String]\""
        << QStringList{"not expanded by PowerShell (System.Collections.Generic.List`1[System.String])"};
    QTest::newRow("a name starting with System is text") << "System reserved"
                                                         << "\"System reserved\"" << none;
    QTest::newRow("list cut with ...") << "{10.0.0.1, 10.0.0.2, 10.0.0.3, 10.0.0.4...}"
                                       << R"(["10.0.0.1","10.0.0.2","10.0.0.3","10.0.0.4"])"
                                       << QStringList{"list cut after 4 items ($FormatEnumerationLimit)"};
    QTest::newRow("list cut with an ellipsis character")
        << "{a, b, c, d\u2026}"
        << R"(["a","b","c","d"])" << QStringList{"list cut after 4 items ($FormatEnumerationLimit)"};
    QTest::newRow("list cut after its separator")
        << "{a, b, ...}"
        << R"(["a","b"])" << QStringList{"list cut after 2 items ($FormatEnumerationLimit)"};
    QTest::newRow("list of hashtables cut")
        << "{@{A=1}, @{A=2}, @{A=3}, @{A=4}...}"
        << R"([{"A":1},{"A":2},{"A":3},{"A":4}])"
        << QStringList{"list cut after 4 items ($FormatEnumerationLimit)"};
    QTest::newRow("cut list inside a hashtable")
        << "@{VIPs={1.1.1.1, 1.1.1.2, 1.1.1.3, 1.1.1.4...}}"
        << R"({"VIPs":["1.1.1.1","1.1.1.2","1.1.1.3","1.1.1.4"]})"
        << QStringList{"VIPs: list cut after 4 items ($FormatEnumerationLimit)"};
    QTest::newRow("list cut by the paste: the last item may be cut")
        << "{10.0.0.1, 10.0.0.2"
        << R"(["10.0.0.1"])" << QStringList{"cut by the paste after item 1"};
    QTest::newRow("cut inside the first item: its complete pairs")
        << "{@{AdditionalParams=; AddressPrefix=10.20.0.0/20; Flags=0; GatewayAddress=10.20.0.1; "
           "IpSubnets=System.Object[]; ObjectType=5; Po"
        << R"([{"AdditionalParams":null,"AddressPrefix":"10.20.0.0/20","Flags":0,"GatewayAddress":"10.20.0.1",)"
           R"("IpSubnets":"System.Object[]","ObjectType":5}])"
        << QStringList{"[0].IpSubnets: not expanded by PowerShell (System.Object[])",
                       "[0]: cut by the paste after ObjectType"};
    QTest::newRow("cut after a complete item and a separator")
        << "{@{Type=HostRoute}, @{DestinationPrefix=10.30.1.0/24; IsolationId=4097; ProviderAddress=10.9.0.7;"
        << R"([{"Type":"HostRoute"},{"DestinationPrefix":"10.30.1.0/24","IsolationId":4097,)"
           R"("ProviderAddress":"10.9.0.7"}])"
        << QStringList{"[1]: cut by the paste after ProviderAddress"};
    QTest::newRow("cut at the start of an item: the item is dropped")
        << "{@{Type=HostRoute}, @{Destin"
        << R"([{"Type":"HostRoute"}])" << QStringList{"cut by the paste after item 1"};
    QTest::newRow("cut after a complete last item")
        << "{@{Type=A}, @{Type=B}"
        << R"([{"Type":"A"},{"Type":"B"}])" << QStringList{"cut by the paste after item 2"};
    QTest::newRow("hashtable cut in a member: the pair is dropped")
        << "@{ExternalPort=8125; InternalPort=8"
        << R"({"ExternalPort":8125})" << QStringList{"cut by the paste after ExternalPort"};
    QTest::newRow("hashtable cut inside a nested list")
        << "@{Type=ELB; VIPs={10.96.0.10, 10.96.0.11, 10.9"
        << R"({"Type":"ELB","VIPs":["10.96.0.10","10.96.0.11"]})"
        << QStringList{"VIPs: cut by the paste after item 2"};
    // Nothing of the value was shown in full: an empty object or list would claim it has no members.
    QTest::newRow("cut before anything complete: the text, not an empty object")
        << "@{Addi"
        << "\"@{Addi\"" << QStringList{"cut by the paste before its first member; kept as text"};
    QTest::newRow("cut inside the first member's value: the text")
        << "@{InterfaceGuid=00000000-00"
        << "\"@{InterfaceGuid=00000000-00\""
        << QStringList{"cut by the paste before its first member; kept as text"};
    QTest::newRow("a complete first member is kept")
        << "@{Type=OutBoundNAT; Exception"
        << R"({"Type":"OutBoundNAT"})" << QStringList{"cut by the paste after Type"};
    QTest::newRow("list cut inside its first item's first member: the text, not an empty list")
        << "{@{Type=ROU"
        << "\"{@{Type=ROU\"" << QStringList{"cut by the paste before its first item; kept as text"};
    QTest::newRow("list cut before its first item: the text")
        << "{10.0."
        << "\"{10.0.\"" << QStringList{"cut by the paste before its first item; kept as text"};
    QTest::newRow("an item cut before its first member after a complete one is dropped")
        << "{@{Type=A}, @{Type=B"
        << R"([{"Type":"A"}])" << QStringList{"cut by the paste after item 1"};
    QTest::newRow("a member cut before its first own member: the members before it stay")
        << "@{Type=ROUTE; Settings=@{Destin"
        << R"({"Type":"ROUTE"})" << QStringList{"cut by the paste after Type"};
    // Only the value's opening shows: the paste ended right after it.
    QTest::newRow("cut right after @")
        << "@"
        << "\"@\"" << QStringList{"cut by the paste right after its opening (\"@\"); kept as text"};
    QTest::newRow("cut right after @{")
        << "@{"
        << "\"@{\"" << QStringList{"cut by the paste right after its opening (\"@{\"); kept as text"};
    QTest::newRow("cut right after {")
        << "{"
        << "\"{\"" << QStringList{"cut by the paste right after its opening (\"{\"); kept as text"};
    QTest::newRow("cut right after {@{")
        << "{@{"
        << "\"{@{\"" << QStringList{"cut by the paste right after its opening (\"{@{\"); kept as text"};
    QTest::newRow("closing brace before the end")
        << "{a} b"
        << "\"{a} b\"" << QStringList{"its braces do not match; kept as text"};
    QTest::newRow("not key=value pairs")
        << "@{just text}"
        << "\"@{just text}\"" << QStringList{"not a list of key=value pairs; kept as text"};
}

void TestListView::readsRenderedValues()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QFETCH(QStringList, losses);

    std::vector<std::string> found;
    const nlohmann::json value = parsePowerShellValue(text.toStdString(), found);
    QCOMPARE(shown(value), shown(nlohmann::json::parse(expected.toStdString())));
    QCOMPARE(toStringList(found), losses);
}

void TestListView::deepNestingIsKeptAsText()
{
    // A pathological value neither recurses without bound nor throws; past the depth limit it is text.
    std::string text;
    for (int i = 0; i < 10000; ++i)
        text += "@{A=";
    text += "1";
    text += std::string(10000, '}');
    std::vector<std::string> losses;
    const nlohmann::json value = parsePowerShellValue(text, losses);
    QVERIFY(value.is_object());
    QCOMPARE(losses.size(), std::size_t(1));
    QVERIFY2(QString::fromStdString(losses[0]).endsWith(": nested deeper than 64 levels; kept as text"),
             losses[0].c_str());
}

void TestListView::findsObjectsInDumps_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("objects");
    QTest::addColumn<QString>("lines");
    QTest::addColumn<int>("kindHint"); ///< of every object in the file

    QTest::newRow("Get-HnsNetwork: NAT and L2Bridge, wrapped values indented")
        << "listview-networks.txt" << QStringList{natNetwork, bridgeNetwork} << "4-30 32-61"
        << int(ResourceKind::Network);
    QTest::newRow("Get-HnsEndpoint: a line the poster edited out of the column is the block's")
        << "listview-edited-line-out-of-column.txt" << QStringList{"6C1E9A47-2D85-4B30-9F6A-E13B7C0D5A82"}
        << "3-8" << int(ResourceKind::Endpoint);
    QTest::newRow("Get-HnsNetwork: the next object cut after its first line is none")
        << "listview-cut-after-next-objects-first-line.txt"
        << QStringList{"3e8b1f47-0d92-4c5a-b6e3-71f2a8c9d054"} << "3-11" << int(ResourceKind::Network);
    QTest::newRow("an object the paste cut inside its ID, its last line, is none")
        << "listview-cut-in-the-last-id.txt" << QStringList{"4c1f7a92-3e5d-4b08-9a6c-d2e7f0b31a85"} << "1-3"
        << int(ResourceKind::Invalid);
    QTest::newRow("Get-HnsEndpoint: local endpoints with policies")
        << "listview-endpoints.txt" << QStringList{podEndpoint, natEndpoint} << "4-29 31-51"
        << int(ResourceKind::Endpoint);
    QTest::newRow("remote endpoints after a heading")
        << "listview-remote-endpoints.txt"
        << QStringList{"D92F6B04-85E3-4A71-B0C8-1E47A5D3F960", "61C5A0E8-D7F3-4B28-8A96-F04E3B1C7D52"}
        << "3-19 21-33" << int(ResourceKind::Invalid);
    QTest::newRow("Get-HnsPolicyList: ELB with References")
        << "listview-policylists.txt"
        << QStringList{"5F18B3D6-2A7C-4E90-B4F1-83C0D9E6A725", "E6A90D43-7C15-4B2E-8F06-A1B5C3D79E28"}
        << "3-17 19-29" << int(ResourceKind::LoadBalancer);
    QTest::newRow("Get-HnsNamespace")
        << "listview-namespaces.txt"
        << QStringList{"8E05C3D7-1A94-4B62-AF08-72D1C6E9B435", "1D73E8B5-6A02-4C9F-A4D1-C58F0E3B7926"}
        << "3-18 20-31" << int(ResourceKind::Namespace);
    QTest::newRow("Invoke-Command: PSComputerName and RunspaceId")
        << "listview-remoting.txt"
        << QStringList{"9C40E6B2-1D85-4A3F-B7C9-E02A58F1D364", "F27A3D95-0B6C-4E18-A4D2-87C1E5B09F63"}
        << "4-20 22-36" << int(ResourceKind::Invalid);
    QTest::newRow("wrapped values that lost their indentation, prose after the last block")
        << "listview-wrapped-flush.txt"
        << QStringList{"72B9E4C1-3F0A-4D58-96E7-B1C4D8A25F30", "A8F16D29-4C07-4E3B-95A1-2D7E0B6C4F83"}
        << "3-12 14-25" << int(ResourceKind::Invalid);
    QTest::newRow("lists cut by $FormatEnumerationLimit")
        << "listview-cut-lists.txt"
        << QStringList{"2C84F1A7-B93E-4D05-86C2-E7A0D4B9F316", "83E5C0B9-7F14-4A26-9D3B-C06F2E8A41D7"}
        << "1-10 12-15" << int(ResourceKind::Invalid);
    QTest::newRow("empty values") << "listview-empty-values.txt"
                                  << QStringList{"B4E8027C-5A13-4F69-9C0D-71E6A3F2D58B"} << "1-18"
                                  << int(ResourceKind::Invalid);
    QTest::newRow("after prompts, without blank lines")
        << "listview-after-prompt.txt"
        << QStringList{"5A02D8F6-E91B-4C37-84A5-0B6C3F9E2D71", "C7319E05-4B8D-4A2F-96C1-E5D07A3B8F24",
                       natNetwork}
        << "2-7 8-13 15-19" << -1;
    QTest::newRow("a table, JSON, a list view and prose in one file")
        << "listview-and-json.txt" << QStringList{podEndpoint} << "20-24" << int(ResourceKind::Endpoint);
    QTest::newRow("prose with colons only") << "listview-prose.txt" << QStringList{} << "" << -1;
    QTest::newRow("elided lines and a value cut by the paste")
        << "listview-elided.txt" << QStringList{"0B9E6D24-7A51-4C83-B2F6-E4A9C1D07358"} << "1-10"
        << int(ResourceKind::Invalid);
    QTest::newRow("values cut by the paste")
        << "listview-cut-by-paste.txt"
        << QStringList{"3D8A6F1E-92C4-4B07-B5D3-E0F9A2C71B86", "C41E7A93-5B2D-4F08-9A6C-E3D1B7F05A29"}
        << "3-7 9-14" << int(ResourceKind::Network);
    QTest::newRow("older hnsdiag list endpoints, one object per heading")
        << "hnsdiag-list-endpoints-per-object.txt"
        << QStringList{"5b0e7d2c-41a9-4f63-8d15-c2e9a07b3f48", "e4c18f6a-0d37-4b92-a5e8-71f3b2d9c064",
                       "91f2a6d4-7e08-4c5b-b3a9-d6e41c0f82b7"}
        << "3-5 7-11 13-16" << int(ResourceKind::Endpoint);
    QTest::newRow("older hnsdiag list loadbalancers, one object per heading")
        << "hnsdiag-list-loadbalancers-per-object.txt"
        << QStringList{"14a03569-d26b-4496-92e5-dfe8cb1855fe", "9623d7cf-a9ae-4a34-a544-99c7001d9a88",
                       "bc1e3ac1-c27d-44ec-b72c-2c2678629522"}
        << "2-4 7-9 11-13" << -1;
    // The compartments are read too, for the import to name them (non_hns_objects.h).
    QTest::newRow("Get-NetCompartment beside Get-HnsNamespace: the compartments, then the namespace")
        << "listview-netcompartment.txt" << QStringList{"?", "?", "6018366C-F658-47A7-9ED3-4FE53A096533"}
        << "3-5 7-9 13-15" << -1;
    QTest::newRow("UTF-16 LE with BOM, CRLF")
        << "listview-utf16le-bom.txt" << QStringList{"6B3E9D02-A14F-4C75-8D2B-F07E6A1C9538"} << "3-12"
        << int(ResourceKind::Endpoint);
    const QStringList node3{"2A6C4E81-9D3B-4F57-A0C2-E8B1D7F3A964", "3B7D5F92-AE4C-4068-B1D3-F9C2E804BA75"};
    QTest::newRow("Teams: NBSP padding, tabs before the colon, zero-width characters")
        << "listview-teams-nbsp-zwsp-tabs.txt"
        << QStringList{"3E7B1D95-C2A4-4F68-B0E3-9D5A7C1F2E84", "4F8C2EA6-D3B5-4079-81F4-AE6B8D203F95"}
        << "3-17 21-35" << int(ResourceKind::Invalid);
    QTest::newRow("Outlook double spacing")
        << "listview-outlook-double-spaced.txt" << node3 << "7-41 45-79" << int(ResourceKind::Invalid);
    QTest::newRow("CR CR LF line ends")
        << "listview-cr-cr-lf.txt" << node3 << "3-20 22-39" << int(ResourceKind::Endpoint);
    // CR line ends, then CRLF: the CR CR LF where they meet is a line end and a blank line.
    QTest::newRow("CR line ends, then CRLF: the blank line between the objects stays")
        << "listview-cr-and-crlf.txt" << node3 << "3-20 22-39" << int(ResourceKind::Endpoint);
    QTest::newRow("| more: pager prompts inside the objects")
        << "listview-more-paging.txt" << node3 << "3-21 23-42" << -1;
    QTest::newRow("HTML ticket export: a list view in <div> lines, one in <pre>")
        << "html-ticket-export.html"
        << QStringList{"AD7F3B15-6E9A-4C24-B8FA-60DBE5F943C1", "6F3B9D27-1A5C-4E80-B4D6-2C9E7A1F5B08"}
        << "24-31 34-39" << int(ResourceKind::Invalid);
    QTest::newRow("an HTML fragment of <div> lines between prose, then a plain list view")
        << "ticket-html-fragment-in-text.txt"
        << QStringList{"F2B3C4D5-6E7F-4081-92A3-B4C5D6E7F809", "0A1B2C3D-4E5F-4061-8273-94A5B6C7D8E9"}
        << "5-12 17-22" << int(ResourceKind::Invalid);
}

void TestListView::findsObjectsInDumps()
{
    QFETCH(QString, file);
    QFETCH(QStringList, objects);
    QFETCH(QString, lines);
    QFETCH(int, kindHint);

    const ExtractResult result = importDump(file);
    QCOMPARE(labels(result), objects);
    QCOMPARE(lineSpans(result), lines);
    for (const FoundValue& found : result.values) {
        QCOMPARE(int(found.format), int(DumpFormat::ListView));
        QVERIFY(found.value.is_object());
        if (kindHint >= 0)
            QCOMPARE(int(found.kindHint), kindHint);
    }
}

void TestListView::propertyValuesAreTyped_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("object");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("expected");

    QTest::newRow("network Type") << "listview-networks.txt" << 0 << "/Type"
                                  << "\"nat\"";
    QTest::newRow("network Flags") << "listview-networks.txt" << 0 << "/Flags"
                                   << "8";
    QTest::newRow("network Version") << "listview-networks.txt" << 0 << "/Version"
                                     << "64424509440";
    QTest::newRow("network IPv6") << "listview-networks.txt" << 0 << "/IPv6"
                                  << "false";
    QTest::newRow("empty AdditionalParams") << "listview-networks.txt" << 0 << "/AdditionalParams"
                                            << "null";
    QTest::newRow("network policy") << "listview-networks.txt" << 0 << "/Policies"
                                    << R"([{"Type":"VLAN","VLAN":1}])";
    QTest::newRow("wrapped Extensions, third name") << "listview-networks.txt" << 0 << "/Extensions/2/Name"
                                                    << "\"Microsoft NDIS Capture\"";
    QTest::newRow("wrapped Extensions, second name keeps its blanks")
        << "listview-networks.txt" << 0 << "/Extensions/1/Name"
        << "\"Microsoft Azure VFP Switch Extension\"";
    QTest::newRow("subnet prefix") << "listview-networks.txt" << 0 << "/Subnets/0/AddressPrefix"
                                   << "\"172.26.80.0/20\"";
    QTest::newRow("subnet ID after a wrap") << "listview-networks.txt" << 0 << "/Subnets/0/ID"
                                            << "\"A41F8D26-3C95-4E7B-B0A2-6D1E58F93C07\"";
    QTest::newRow("wrapped Resources, last member")
        << "listview-networks.txt" << 0 << "/Resources/VfpOperationTime"
        << "0";
    QTest::newRow("two MAC pools across a wrap")
        << "listview-networks.txt" << 1 << "/MacPools"
        << R"([{"EndMacAddress":"00-15-5D-7E-8F-FF","StartMacAddress":"00-15-5D-7E-80-00"},)"
           R"({"EndMacAddress":"00-15-5D-7E-9F-FF","StartMacAddress":"00-15-5D-7E-90-00"}])";
    QTest::newRow("subnet VSID policy") << "listview-networks.txt" << 1 << "/Subnets/0/Policies"
                                        << R"([{"Type":"VSID","VSID":4096}])";
    QTest::newRow("adapter name with a blank") << "listview-networks.txt" << 1 << "/NetworkAdapterName"
                                               << "\"Ethernet 2\"";
    QTest::newRow("empty Policies") << "listview-networks.txt" << 1 << "/Policies"
                                    << "[]";
    QTest::newRow("DNSSuffix stays one string")
        << "listview-endpoints.txt" << 0 << "/DNSSuffix"
        << "\"kube-system.svc.cluster.local,svc.cluster.local,cluster.local\"";
    QTest::newRow("endpoint policies across a wrap")
        << "listview-endpoints.txt" << 0 << "/Policies"
        << R"([{"ExceptionList":"System.Object[]","Type":"OutBoundNAT"},)"
           R"({"DestinationPrefix":"10.112.0.0/16","NeedEncap":true,"Type":"ROUTE"},)"
           R"({"DestinationPrefix":"10.40.8.21/32","NeedEncap":true,"Type":"ROUTE"}])";
    QTest::newRow("endpoint namespace")
        << "listview-endpoints.txt" << 0 << "/Namespace"
        << R"({"ID":"8E05C3D7-1A94-4B62-AF08-72D1C6E9B435","IsDefault":false})";
    QTest::newRow("IsRemoteEndpoint False") << "listview-endpoints.txt" << 0 << "/IsRemoteEndpoint"
                                            << "false";
    QTest::newRow("PrefixLength") << "listview-endpoints.txt" << 0 << "/PrefixLength"
                                  << "24";
    QTest::newRow("SharedContainers") << "listview-endpoints.txt" << 0 << "/SharedContainers"
                                      << R"(["9d41c7a2e35f48b0a61c2e7d90b3f584"])";
    QTest::newRow("lower-case MAC kept as written") << "listview-endpoints.txt" << 1 << "/MacAddress"
                                                    << "\"00-15-5d-4c-a3-07\"";
    QTest::newRow("NAT and ACL policies")
        << "listview-endpoints.txt" << 1 << "/Policies/1"
        << R"({"Action":"Block","Direction":"Out","Id":"block-metadata","Priority":200,"Protocols":6,)"
           R"("RemoteAddresses":"169.254.169.254/32","RuleType":"Switch","Type":"ACL"})";
    QTest::newRow("remote endpoint flag") << "listview-remote-endpoints.txt" << 0 << "/IsRemoteEndpoint"
                                          << "true";
    QTest::newRow("remote endpoint PA policy") << "listview-remote-endpoints.txt" << 0 << "/Policies"
                                               << R"([{"PA":"10.40.8.35","Type":"PA"},{"Type":"L2Driver"}])";
    QTest::newRow("remote endpoint long Resources line")
        << "listview-remote-endpoints.txt" << 0 << "/Resources/ID"
        << "\"7A1C4E92-3B5D-4F06-8E27-C9D14A6B0F35\"";
    QTest::newRow("ELB policy")
        << "listview-policylists.txt" << 1 << "/Policies/0"
        << R"({"ExternalPort":53,"ILB":true,"InternalPort":53,"IsDSR":false,"Protocol":17,)"
           R"("SourceVIP":"10.244.3.3","Type":"ELB","VIPs":["10.112.0.10"]})";
    QTest::newRow("References") << "listview-policylists.txt" << 1 << "/References"
                                << R"(["/endpoints/4B7D2E90-A6C1-4F38-95E2-D08B7A3C61F5",)"
                                   R"("/endpoints/0A6E3F18-C7B2-4D95-81E4-B3F05D29A7C6"])";
    QTest::newRow("References cut after 4") << "listview-policylists.txt" << 0 << "/References/3"
                                            << "\"/endpoints/A37E0C95-6D1B-4F82-B5C4-09F2E8D3A716\"";
    QTest::newRow("IsApplied") << "listview-policylists.txt" << 0 << "/IsApplied"
                               << "true";
    QTest::newRow("namespace ResourceList") << "listview-namespaces.txt" << 0 << "/ResourceList"
                                            << R"([{"Data":null,"Type":"Endpoint"}])";
    QTest::newRow("namespace SchemaVersion") << "listview-namespaces.txt" << 0 << "/SchemaVersion"
                                             << R"({"Major":2,"Minor":0})";
    QTest::newRow("default namespace") << "listview-namespaces.txt" << 1 << "/IsDefault"
                                       << "true";
    QTest::newRow("empty Resources at the block end") << "listview-namespaces.txt" << 1 << "/Resources"
                                                      << "null";
    QTest::newRow("RunspaceId is a property") << "listview-remoting.txt" << 0 << "/RunspaceId"
                                              << "\"E8D14A70-2C9B-4F53-86A1-3B07F5E2C9D8\"";
    QTest::newRow("PSComputerName is a property") << "listview-remoting.txt" << 1 << "/PSComputerName"
                                                  << "\"win-node-07\"";
    QTest::newRow("ArrayList over remoting") << "listview-remoting.txt" << 1 << "/Policies"
                                             << "\"System.Collections.ArrayList\"";
    QTest::newRow("flush wrap inside a hashtable")
        << "listview-wrapped-flush.txt" << 0 << "/Policies/0"
        << R"({"ExternalPort":80,"InternalPort":8080,"Protocol":6,"SourceVIP":"10.244.5.2","Type":"ELB",)"
           R"("VIPs":"System.Object[]"})";
    QTest::newRow("flush wrap inside a list") << "listview-wrapped-flush.txt" << 0 << "/References/1"
                                              << "\"/endpoints/61C5A0E8-D7F3-4B28-8A96-F04E3B1C7D52\"";
    QTest::newRow("flush wrap splitting a word longer than the line")
        << "listview-wrapped-flush.txt" << 1 << "/DNSSuffix"
        << "\"kube-system.svc.cluster.local,svc.cluster.local,cluster.local,corp.example.com\"";
    QTest::newRow("flush wrap at a blank") << "listview-wrapped-flush.txt" << 1 << "/PortFriendlyName"
                                           << "\"Container NIC 4b1e9a07 attached to the pod sandbox for the "
                                              "ingress controller of the edge pool\"";
    QTest::newRow("prose after the last block is not a value")
        << "listview-wrapped-flush.txt" << 1 << "/VirtualNetwork"
        << "\"3E8A5D21-F07C-4B94-A6D3-52C1E0B7F489\"";
    QTest::newRow("console cut at column 0: a GUID made whole")
        << "listview-console-cut-at-column-0.txt" << 0 << "/References/1"
        << "\"/endpoints/6C3E9A52-8D47-4FA6-B2C1-D3E4F5A6B7C8\"";
    QTest::newRow("console cut at column 0: a type name made whole")
        << "listview-console-cut-at-column-0.txt" << 0 << "/Policies/0/VIPs"
        << "\"System.Object[]\"";
    QTest::newRow("cut list inside a cut list") << "listview-cut-lists.txt" << 0 << "/Policies/0/VIPs"
                                                << R"(["10.112.0.1","10.112.0.2","10.112.0.3","10.112.0.4"])";
    QTest::newRow("four policies shown") << "listview-cut-lists.txt" << 0 << "/Policies/3/ExternalPort"
                                         << "9090";
    QTest::newRow("empty VIPs") << "listview-cut-lists.txt" << 0 << "/Policies/2/VIPs"
                                << "[]";
    QTest::newRow("empty Name") << "listview-empty-values.txt" << 0 << "/Name"
                                << "null";
    QTest::newRow("empty hashtable") << "listview-empty-values.txt" << 0 << "/Resources"
                                     << "{}";
    QTest::newRow("empty list") << "listview-empty-values.txt" << 0 << "/SharedContainers"
                                << "[]";
    QTest::newRow("zero") << "listview-empty-values.txt" << 0 << "/Version"
                          << "0";
    QTest::newRow("leading zero") << "listview-empty-values.txt" << 0 << "/CompartmentId"
                                  << "\"007\"";
    QTest::newRow("last object before a prompt")
        << "listview-after-prompt.txt" << 2 << "/MaxConcurrentEndpoints"
        << "2";
    QTest::newRow("value cut by the paste: its complete pairs")
        << "listview-elided.txt" << 0 << "/Resources"
        << R"({"AdditionalParams":null,"AllocationOrder":2})";
    QTest::newRow("elided line inside a value")
        << "listview-elided.txt" << 0 << "/Policies/0/DistributedRouterMacAddress"
        << "\"02-11-0a-f4-07-01\"";
    QTest::newRow("cut policies: the complete item")
        << "listview-cut-by-paste.txt" << 0 << "/Policies/0"
        << R"({"Type":"HostRoute"})";
    QTest::newRow("cut policies: the complete pairs of the last item")
        << "listview-cut-by-paste.txt" << 0 << "/Policies/1"
        << R"({"DestinationPrefix":"10.60.5.0/24","DistributedRouterMacAddress":"02-11-0a-3c-05-01",)"
           R"("IsolationId":4096,"ProviderAddress":"10.9.0.21"})";
    QTest::newRow("cut subnets: prefix and gateway")
        << "listview-cut-by-paste.txt" << 1 << "/Subnets"
        << R"([{"AdditionalParams":null,"AddressPrefix":"172.27.112.0/20","Flags":0,)"
           R"("GatewayAddress":"172.27.112.1","Health":null,"ID":"6E1D3C5B-7A9F-4B21-8D43-F6A5C7E9B102",)"
           R"("IpSubnets":"System.Object[]","ObjectType":5}])";
    QTest::newRow("hnsdiag object: IP Address") << "hnsdiag-list-endpoints-per-object.txt" << 0 << "/IPAddress"
                                                << "\"10.60.4.2\"";
    QTest::newRow("hnsdiag object: Virtual Network holding a GUID")
        << "hnsdiag-list-endpoints-per-object.txt" << 1 << "/VirtualNetwork"
        << "\"3d8a6f1e-92c4-4b07-b5d3-e0f9a2c71b86\"";
    QTest::newRow("hnsdiag object: Mac Address") << "hnsdiag-list-endpoints-per-object.txt" << 1
                                                 << "/MacAddress"
                                                 << "\"00-15-5D-3A-7C-19\"";
    QTest::newRow("hnsdiag object: Virtual Network Name")
        << "hnsdiag-list-endpoints-per-object.txt" << 2 << "/VirtualNetworkName"
        << "\"cbr0\"";
    QTest::newRow("UTF-16: umlaut") << "listview-utf16le-bom.txt" << 0 << "/Name"
                                    << "\"Netzwerkkarte (B\u00fcro)\"";
}

void TestListView::propertyValuesAreTyped()
{
    QFETCH(QString, file);
    QFETCH(int, object);
    QFETCH(QString, pointer);
    QFETCH(QString, expected);

    const ExtractResult result = importDump(file);
    QVERIFY(object < int(result.values.size()));
    const nlohmann::json& value = result.values[std::size_t(object)].value;
    const nlohmann::json::json_pointer at(pointer.toStdString());
    QVERIFY2(value.contains(at), qPrintable(pointer));
    QCOMPARE(shown(value.at(at)), shown(nlohmann::json::parse(expected.toStdString())));
}

void TestListView::lossesNameTheProperty_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("object");
    QTest::addColumn<QStringList>("losses");

    QTest::newRow("network: unexpanded subnet members and allocators")
        << "listview-networks.txt" << 0
        << QStringList{"Subnets[0].IpSubnets: not expanded by PowerShell (System.Object[])",
                       "Subnets[0].Policies: not expanded by PowerShell (System.Object[])",
                       "Resources.Allocators: not expanded by PowerShell (System.Object[])"};
    QTest::newRow("endpoint: OutBoundNAT exceptions")
        << "listview-endpoints.txt" << 0
        << QStringList{"Policies[0].ExceptionList: not expanded by PowerShell (System.Object[])",
                       "Resources.Allocators: not expanded by PowerShell (System.Object[])"};
    QTest::newRow("endpoint: nothing lost") << "listview-endpoints.txt" << 1 << QStringList{};
    QTest::newRow("remoting: ArrayList")
        << "listview-remoting.txt" << 0
        << QStringList{"Policies[0].ExceptionList: not expanded by PowerShell (System.Collections.ArrayList)",
                       "SharedContainers: not expanded by PowerShell (System.Collections.ArrayList)"};
    QTest::newRow("policy list: References cut")
        << "listview-policylists.txt" << 0
        << QStringList{"Policies[0].VIPs: not expanded by PowerShell (System.Object[])",
                       "References: list cut after 4 items ($FormatEnumerationLimit)",
                       "Resources.Allocators: not expanded by PowerShell (System.Object[])"};
    QTest::newRow("cut lists, nested and with an ellipsis character")
        << "listview-cut-lists.txt" << 0
        << QStringList{"Policies[0].VIPs: list cut after 4 items ($FormatEnumerationLimit)",
                       "Policies[3].VIPs: not expanded by PowerShell (System.Object[])",
                       "Policies: list cut after 4 items ($FormatEnumerationLimit)",
                       "References: list cut after 4 items ($FormatEnumerationLimit)"};
    QTest::newRow("empty values lose nothing") << "listview-empty-values.txt" << 0 << QStringList{};
    // One cut, one loss: the item's names where it was cut, the list's would say it again.
    QTest::newRow("cut by the paste inside the last item")
        << "listview-cut-by-paste.txt" << 0
        << QStringList{"Policies[1]: cut by the paste after ProviderAddress"};
    QTest::newRow("cut by the paste inside a wrapped value")
        << "listview-cut-by-paste.txt" << 1
        << QStringList{"Subnets[0].IpSubnets: not expanded by PowerShell (System.Object[])",
                       "Subnets[0]: cut by the paste after ObjectType"};
    QTest::newRow("hnsdiag object: what hnsdiag list does not show")
        << "hnsdiag-list-endpoints-per-object.txt" << 0
        << QStringList{"VirtualNetwork: not shown by hnsdiag list", "MacAddress: not shown by hnsdiag list",
                       "Policies: not shown by hnsdiag list"};
    QTest::newRow("hnsdiag object: only the network's name")
        << "hnsdiag-list-endpoints-per-object.txt" << 2
        << QStringList{"VirtualNetwork: not shown by hnsdiag list (only the network's name)",
                       "MacAddress: not shown by hnsdiag list", "Policies: not shown by hnsdiag list"};
    QTest::newRow("hnsdiag load balancer: ports and protocol")
        << "hnsdiag-list-loadbalancers-per-object.txt" << 1
        << QStringList{"Policies: not shown by hnsdiag list (ports and protocol unknown)"};
    QTest::newRow("the paste ends inside a property's name")
        << "listview-cut-in-a-name.txt" << 1
        << QStringList{
               "the paste ends after VirtualNetwork, inside the next line (\"VirtualNetworkNa\"); what "
               "followed is unknown"};
    QTest::newRow("the object before the cut one lost nothing")
        << "listview-cut-in-a-name.txt" << 0 << QStringList{};
    QTest::newRow("namespace: members PowerShell shows empty")
        << "listview-namespace-flattened-members.txt" << 0
        << QStringList{
               "ResourceList[0].Data: flattened by PowerShell's list view (shown empty); which endpoint "
               "it is, is not in the dump",
               "ResourceList[1].Data: flattened by PowerShell's list view (shown empty); which endpoint "
               "it is, is not in the dump",
               "ResourceList[2].Data: flattened by PowerShell's list view (shown empty); which container "
               "it is, is not in the dump"};
    QTest::newRow("namespace without members loses nothing")
        << "listview-namespace-flattened-members.txt" << 1 << QStringList{};
    QTest::newRow("network: a policy cut before its first member")
        << "listview-cut-before-first-member.txt" << 0
        << QStringList{"InterfaceConstraint: cut by the paste before its first member; kept as text"};
    QTest::newRow("endpoint: policies cut inside the first one's first member")
        << "listview-cut-before-first-member.txt" << 1
        << QStringList{"Policies: cut by the paste before its first item; kept as text"};
    QTest::newRow("policies cut at the third item's start: the two before it")
        << "listview-policies-cut-in-third-item.txt" << 0
        << QStringList{"Policies: cut by the paste after item 2"};
    QTest::newRow("a value cut right after its opening")
        << "listview-cut-after-opening.txt" << 0
        << QStringList{"Resources: cut by the paste right after its opening (\"@\"); kept as text"};
    QTest::newRow("elided lines and a cut value")
        << "listview-elided.txt" << 0
        << QStringList{"CurrentEndpointCount: followed by lines elided with '...'",
                       "Policies: followed by lines elided with '...'",
                       "Resources: cut by the paste after AllocationOrder"};
}

void TestListView::lossesNameTheProperty()
{
    QFETCH(QString, file);
    QFETCH(int, object);
    QFETCH(QStringList, losses);

    const ExtractResult result = importDump(file);
    QVERIFY(object < int(result.values.size()));
    QCOMPARE(toStringList(result.values[std::size_t(object)].losses), losses);
}

void TestListView::warningsNameTheLines_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("warnings");

    QTest::newRow("clean dump") << "listview-networks.txt" << QStringList{};
    QTest::newRow("table, JSON and prose around a block") << "listview-and-json.txt" << QStringList{};
    QTest::newRow("elided and cut")
        << "listview-elided.txt"
        << QStringList{"line 3: lines elided with '...'; the object is incomplete",
                       "line 7: lines elided with '...'; the object is incomplete",
                       "line 10: Resources: cut by the paste; only its complete part was read"};
    QTest::newRow("values cut by the paste")
        << "listview-cut-by-paste.txt"
        << QStringList{
               "line 7: Policies: the 2nd item is cut off; its complete part and the 1 before it are read",
               "lines 13-14: Subnets: the 1st item is cut off; its complete part is read"};
    QTest::newRow("a list cut at its third item's start: the item cut, not the value kept as text")
        << "listview-policies-cut-in-third-item.txt"
        << QStringList{"lines 10-11: Policies: the 3rd item is cut off; the 2 before it are read"};
    QTest::newRow("lists cut after a complete item and inside a scalar one")
        << "listview-list-cut-after-an-item.txt"
        << QStringList{"line 7: Policies: cut after its 2nd item; the 2 items before the cut are read",
                       "line 13: DNSServerList: the 2nd item is cut off; the 1 before it is read"};
    QTest::newRow("a value cut right after its opening")
        << "listview-cut-after-opening.txt"
        << QStringList{
               "line 11: Resources: cut by the paste right after its opening (\"@\"); its value is unknown"};
    QTest::newRow("a property's name cut by the paste")
        << "listview-cut-in-a-name.txt"
        << QStringList{"line 13: the list view ends inside a property's name (\"VirtualNetworkNa\"); the "
                       "paste was cut there"};
    QTest::newRow("Test-NetConnection beside Get-HnsEndpoint is no HNS object and no warning")
        << "listview-test-netconnection.txt" << QStringList{};
    QTest::newRow("Get-NetCompartment is no HNS object and no warning")
        << "listview-netcompartment.txt" << QStringList{};
    QTest::newRow("the paste ends after the first line of the next object")
        << "listview-cut-after-next-objects-first-line.txt"
        << QStringList{"line 13: the paste ends after the first line of another object (ActivityId : "
                       "91d4c2e8-5a07-4f3b-); not imported"};
    QTest::newRow("the paste ends inside the last member, the ID: what the block shows is named")
        << "listview-cut-in-the-last-id.txt"
        << QStringList{
               "lines 5-7: the paste ends inside the ID of endpoint 78ca55e4-96db-478c-bd26-c5d\u2026 "
               "(Name Ethernet, IPAddress 10.0.0.5); not imported, as its ID is cut"};
    QTest::newRow("a line the poster edited out of the column is no cut")
        << "listview-edited-line-out-of-column.txt" << QStringList{};
    QTest::newRow("aligned lines naming no HNS property")
        << "listview-prose.txt" << QStringList{"lines 5-7: list view naming no HNS property; not imported"};
    QTest::newRow("lines elided after a block's one HNS property")
        << "listview-one-property-then-elided.txt"
        << QStringList{"line 4: lines elided with '...'; the object is incomplete"};
    // Lines elided in a block that is no object say nothing of an object.
    QTest::newRow("fsutil's file layout with lines elided: no object, no warning")
        << "listview-elided-file-layout.txt" << QStringList{};
    QTest::newRow("lines elided in a block naming no HNS property: only that it is none")
        << "listview-elided-block-naming-no-hns-property.txt"
        << QStringList{"lines 1-6: list view naming no HNS property; not imported"};
}

void TestListView::warningsNameTheLines()
{
    QFETCH(QString, file);
    QFETCH(QStringList, warnings);

    const ExtractResult result = importDump(file);
    QCOMPARE(warningTexts(result), warnings);
}

void TestListView::blocksInPastedText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("objects");
    QTest::addColumn<QString>("lines");

    QTest::newRow("one property is not an object") << "ID : 4B7D2E90-A6C1-4F38-95E2-D08B7A3C61F5\n"
                                                   << QStringList{} << "";
    QTest::newRow("a colon without a blank before it is prose") << "ID: x\nName: y\n" << QStringList{} << "";
    QTest::newRow("two properties are") << "ID   : A\nName : n\n" << QStringList{"A"} << "1-2";
    QTest::newRow("a log line with colons in the value")
        << "Time : 10:22:01\nError : HNS failed : element not found\n"
        << QStringList{} << "";
    QTest::newRow("blank lines lost: a repeated name starts the next object")
        << "ID   : A\nName : a\nID   : B\nName : b\n"
        << QStringList{"A", "B"} << "1-2 3-4";
    QTest::newRow("blank lines lost: another alignment starts the next object")
        << "ID   : A\nName : a\nIPAddress      : 10.0.0.1\nVirtualNetwork : N\n"
        << QStringList{"A", "?"} << "1-2 3-4";
    QTest::newRow("a short line after a block is not a continuation")
        << "ID   : A\nName : a\nGet-HnsNetwork\nID   : B\nName : b\n"
        << QStringList{"A", "B"} << "1-2 4-5";
    QTest::newRow("indented continuation")
        << "ID       : A\nPolicies : {@{Type=ROUTE;\n           NeedEncap=True}}\n"
        << QStringList{"A"} << "1-3";
    QTest::newRow("continuation inside an open brace, indentation lost")
        << "ID       : A\nPolicies : {@{Type=ROUTE;\nNeedEncap=True}}\nName     : n\n"
        << QStringList{"A"} << "1-4";
    QTest::newRow("a markdown fence ends a block") << "```\nID   : A\nName : a\n```\n"
                                                   << QStringList{"A"} << "2-3";
    QTest::newRow("indented as a whole (quoted in a ticket)")
        << "> ID   : A\n> Name : a\n>\n> ID   : B\n> Name : b\n"
        << QStringList{"A", "B"} << "1-2 4-5";
    QTest::newRow("colored labels of PowerShell 7")
        << "\x1b[32;1mID   : \x1b[0mA\n\x1b[32;1mName : \x1b[0ma\n"
        << QStringList{"A"} << "1-2";
    QTest::newRow("JSON only") << "{\n    \"ID\":  \"A\",\n    \"Name\":  \"a\"\n}\n" << QStringList{} << "";
    QTest::newRow("a table only") << "Name Type Id\n---- ---- --\nnat  nat  A\n" << QStringList{} << "";
    QTest::newRow("a line edited out of the column stays in its block")
        << "ID       : A\nName : xxx\nType     : nat\n"
        << QStringList{"A"} << "1-3";
    QTest::newRow("an edited last line stays in its block") << "ID       : A\nType     : nat\nName : xxx\n"
                                                            << QStringList{"A"} << "1-3";
    QTest::newRow("a line out of the column naming no HNS property ends the block")
        << "ID   : A\nName : a\nComment : looks fine\n"
        << QStringList{"A"} << "1-2";
    QTest::newRow("an elision between objects keeps them apart")
        << "ID   : A\nName : a\n...\nID   : B\nName : b\n"
        << QStringList{"A", "B"} << "1-3 4-5";

    // Colons not in one column: a rendered page, a mail client or a hand copy collapsed the blanks.
    const QString ep = QStringLiteral("E41A7C92-3B5D-4F60-8C17-29D4A6B8F0E3");
    const QString net = QStringLiteral("5D2B8E71-C04F-4A39-9E62-B7A1D3F5C8E0");
    QTest::newRow("unaligned colons, one blank each side")
        << "ID : " + ep +
               "\nIPAddress : 10.50.3.14\nMacAddress : 00-15-5D-3C-11-0E\nName : web_ep\n"
               "VirtualNetwork : " +
               net + "\n"
        << QStringList{ep} << "1-5";
    QTest::newRow("unaligned colons: two objects a blank line apart, prose before")
        << "From the issue:\n\nID : " + ep + "\nIPAddress : 10.50.3.14\nPrefixLength : 24\n\nID : " + net +
               "\nName : l2b\nType : L2Bridge\nSubnets : {@{AddressPrefix=10.50.3.0/24}}\n"
        << QStringList{ep, net} << "3-5 7-10";
    QTest::newRow("unaligned colons: blank lines lost, a repeated name starts the next object")
        << "ID : " + ep + "\nIPAddress : 10.50.3.14\nID : " + net + "\nName : l2b\nType : L2Bridge\n"
        << QStringList{ep, net} << "1-2 3-5";
    QTest::newRow("colons typed without a blank before them")
        << "ID: " + ep + "\nIPAddress: 10.50.3.14\nVirtualNetwork: " + net + "\nName: web_ep\n"
        << QStringList{ep} << "1-4";
    QTest::newRow("blanks typed at random before the colons")
        << "ID      : " + ep + "\nIPAddress  : 10.50.3.14\nVirtualNetwork: " + net + "\nName   : web_ep\n"
        << QStringList{ep} << "1-4";
    QTest::newRow("unaligned, indented as a whole (quoted)")
        << "> ID : " + ep + "\n> IPAddress : 10.50.3.14\n> MacAddress : 00-15-5D-3C-11-0E\n"
        << QStringList{ep} << "1-3";
    QTest::newRow("unaligned: a value a mail client wrapped inside its braces")
        << "ID : " + ep +
               "\nPolicies : {@{Type=OutBoundNAT;\nExceptionList=System.Object[]}}\nIPAddress : "
               "10.50.3.14\n"
        << QStringList{ep} << "1-4";
    QTest::newRow("unaligned: a long value a mail client wrapped at a blank")
        << "ID : " + ep +
               "\nDNSSuffix : default.svc.cluster.local,svc.cluster.local,cluster.local "
               "contoso.example\nlab.contoso.example\nIPAddress : 10.50.3.14\nVirtualNetwork : " +
               net + "\n"
        << QStringList{ep} << "1-5";
    QTest::newRow("unaligned: a short line after the block is no continuation")
        << "ID : " + ep + "\nIPAddress : 10.50.3.14\nMacAddress : 00-15-5D-3C-11-0E\nThanks, Chris\n"
        << QStringList{ep} << "1-3";
    QTest::newRow("an object rendered as one paragraph")
        << "ActivityId : 0C1D2E3F-4A5B-4C6D-8E7F-9A0B1C2D3E4F AdditionalParams : ID : " + ep +
               " IPAddress : 10.50.3.14 Policies : {@{Type=L2Driver}} VirtualNetwork : " + net +
               "\n\nID : " + net + " Name : l2b Type : L2Bridge\n"
        << QStringList{ep, net} << "1-1 3-3";
    QTest::newRow("unaligned without a GUID, but addresses an HNS object shows")
        << "Name : web_ep\nIPAddress : 10.50.3.14\nMacAddress : 00-15-5D-3C-11-0E\nPrefixLength : 24\n"
        << QStringList{"Name:web_ep"} << "1-4";
    // What only looks like one.
    QTest::newRow("unaligned: prose with colons")
        << "Note : the node was rebooted\nCause : unknown : still looking\nName : Contoso ticket\n"
        << QStringList{} << "";
    QTest::newRow("unaligned: a ticket's fields naming a few HNS words")
        << "Name : HNS fails\nState : Open\nType : Bug\nID : 4711\nVersion : 2\n"
        << QStringList{} << "";
    QTest::newRow("a pod's description (kubectl describe): no blank before the colons, no GUID")
        << "Name:         web-0\nNamespace:    default\nNode:         akswin000001/10.240.0.4\nIP:           "
           "10.244.2.11\nStatus:       Running\n"
        << QStringList{} << "";
    QTest::newRow("mail headers") << "From: a@contoso.com\nTo: b@contoso.com\nSubject: HNS dump " + ep +
                                         "\nDate: Mon, 1 Dec 2026\n"
                                  << QStringList{} << "";
    QTest::newRow("log lines") << "2026-12-01 10:20:11 INFO: endpoint " + ep +
                                      " created\nERROR: HNS failed: 0x803b0001\n"
                                      "WARNING: Name: x ID: " +
                                      ep + "\n"
                               << QStringList{} << "";
    QTest::newRow("YAML of HNS objects: keys under a sequence item")
        << "- ID: " + ep + "\n  IPAddress: 10.50.3.14\n  VirtualNetwork: " + net +
               "\n  Name: web_ep\n"
               "- ID: " +
               net + "\n  Name: l2b\n"
        << QStringList{} << "";
    QTest::newRow("YAML of HNS objects: a nested mapping between keys")
        << "ID: " + net +
               "\nName: l2b\nType: L2Bridge\nMacPools:\n  - StartMacAddress: 00-15-5D-00-00-00\n"
               "    EndMacAddress: 00-15-5D-00-0F-FF\nLayeredOn: " +
               ep + "\nSwitchGuid: " + ep + "\n"
        << QStringList{} << "";
    QTest::newRow("YAML of HNS objects: keys of a nested mapping")
        << "Health:\n  LastErrorCode: 0\n  LastUpdateTime: 133775123456789012\n  ID: " + ep +
               "\n  IPAddress: 10.50.3.14\n"
        << QStringList{} << "";
}

void TestListView::blocksInPastedText()
{
    QFETCH(QString, text);
    QFETCH(QStringList, objects);
    QFETCH(QString, lines);

    const ExtractResult result = importText(text);
    QCOMPARE(labels(result), objects);
    QCOMPARE(lineSpans(result), lines);
}

void TestListView::wrappedValuesAreJoined_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); ///< the second property's value

    const QString longWord = QStringLiteral("kube-system.svc.cluster.local,svc.cluster.local,cluster.loc");
    QTest::newRow("a word longer than the value column, indented")
        << "ID        : A\nDNSSuffix : " + longWord + "\n            al,example.org\n"
        << "\"" + longWord + "al,example.org\"";
    QTest::newRow("a word longer than the value column, indentation lost")
        << "ID        : A\nDNSSuffix : " + longWord + "\nal,example.org\n"
        << "\"" + longWord + "al,example.org\"";
    QTest::newRow("a wrap at a blank keeps one blank")
        << "ID               : A\nPortFriendlyName : Container NIC attached to the pod sandbox of the "
           "ingress\n"
           "                   controller\n"
        << "\"Container NIC attached to the pod sandbox of the ingress controller\"";
    const QString health = QStringLiteral(
        "@{AddressNotificationMissedCount=0; AddressNotificationSequenceNumber=0; "
        "InterfaceNotificationMissedCount=0; InterfaceNotificationSequenceNumber=0; LastErrorCode=0; "
        "LastUpdateTime=133130762786637301; RouteNotificationMissedCount=0}");
    const QString healthJson = QStringLiteral(
        R"({"AddressNotificationMissedCount":0,"AddressNotificationSequenceNumber":0,)"
        R"("InterfaceNotificationMissedCount":0,"InterfaceNotificationSequenceNumber":0,"LastErrorCode":0,)"
        R"("LastUpdateTime":133130762786637301,"RouteNotificationMissedCount":0})");
    QTest::newRow("a console wrap inside words, lines full to the width")
        << "ID     : A\n" + consoleWrapped(QStringLiteral("Health"), 7, health, 100, false) << healthJson;
    const QString extensions = QStringLiteral(
        "{@{Id=6A1F0B3C-2D4E-4F50-8A61-B7C8D9E0F1A2; IsEnabled=False; Name=Microsoft Windows \u7b5b\u9009\u5e73"
        "\u53f0}, @{Id=7B2A1C4D-3E5F-4061-9B72-C8D9E0F1A2B3; IsEnabled=False; Name=Virtual Switch Extension}, "
        "@{Id=8C3B2D5E-4F60-4172-AC83-D9E0F1A2B3C4; IsEnabled=True; Name=NDIS \u6355\u83b7}}");
    const QString extensionsJson = QStringLiteral(
        R"([{"Id":"6A1F0B3C-2D4E-4F50-8A61-B7C8D9E0F1A2","IsEnabled":false,)"
        R"("Name":"Microsoft Windows \u7b5b\u9009\u5e73\u53f0"},)"
        R"({"Id":"7B2A1C4D-3E5F-4061-9B72-C8D9E0F1A2B3","IsEnabled":false,"Name":"Virtual Switch Extension"},)"
        R"({"Id":"8C3B2D5E-4F60-4172-AC83-D9E0F1A2B3C4","IsEnabled":true,"Name":"NDIS \u6355\u83b7"}])");
    QTest::newRow("a console wrap counting CJK characters as two columns")
        << "ID         : A\n" + consoleWrapped(QStringLiteral("Extensions"), 11, extensions, 90, true)
        << extensionsJson;
    QTest::newRow("a console wrap counting every character as one column")
        << "ID         : A\n" + consoleWrapped(QStringLiteral("Extensions"), 11, extensions, 90, false)
        << extensionsJson;
    QTest::newRow("a console wrap at a blank: the next line starts one column further")
        << "ID   : A\nName : " + QString(60, QLatin1Char('x')) + "\n       " + QString(53, QLatin1Char('y')) +
               "\n        zz\n"
        << "\"" + QString(60, QLatin1Char('x')) + QString(53, QLatin1Char('y')) + " zz\"";
    // Lines full to the width that end on a hashtable's `;` or a collection's `,`: PowerShell wrapped at
    // the blank after the separator, which is never inside a value.
    QTest::newRow("full lines ending on a hashtable's separator")
        << "ID        : A\n"
           "Resources : @{AdditionalParams=; AllocationOrder=20000; Allocators=System.Object[]; Flags=10; "
           "Health=;\n"
           "            ID=3E9A51C7-0B24-4D8F-9A61-C2E7F05B83D4; PortOperationTime=0; State=1; "
           "VfpOperationTime=0;\n"
           "            parentId=7F0C2B96-5D1E-4A38-B7C4-09E6A3D51F82}\n"
        << QStringLiteral(
               R"({"AdditionalParams":null,"AllocationOrder":20000,"Allocators":"System.Object[]",)"
               R"("Flags":10,"Health":null,"ID":"3E9A51C7-0B24-4D8F-9A61-C2E7F05B83D4",)"
               R"("PortOperationTime":0,"State":1,"VfpOperationTime":0,)"
               R"("parentId":"7F0C2B96-5D1E-4A38-B7C4-09E6A3D51F82"})");
    QTest::newRow("full lines ending on a separator inside a collection of hashtables")
        << "ID        : A\n"
           "Policies  : {@{ExternalPort=18080; InternalPort=8080; Protocol=TCP; Type=NAT}, @{Type=NAT; "
           "ExternalPort=10053;\n"
           "            InternalPort=5353; Protocol=UDP}, @{ExternalPort=14430; InternalPort=443; "
           "Protocol=TCP; Type=NAT},\n"
           "            @{ExternalPort=9000; InternalPort=9001; Protocol=UDP; Type=NAT}}\n"
        << QStringLiteral(R"([{"ExternalPort":18080,"InternalPort":8080,"Protocol":"TCP","Type":"NAT"},)"
                          R"({"Type":"NAT","ExternalPort":10053,"InternalPort":5353,"Protocol":"UDP"},)"
                          R"({"ExternalPort":14430,"InternalPort":443,"Protocol":"TCP","Type":"NAT"},)"
                          R"({"ExternalPort":9000,"InternalPort":9001,"Protocol":"UDP","Type":"NAT"}])");
    QTest::newRow("a short line after a short value is not joined")
        << "ID   : A\nName : short\nnode was rebooted\n"
        << "\"short\"";
    const QString filters = QStringLiteral(
        "{@{Id=E7C3B2F0-F3C5-48DF-AF2B-10FED6D72E7A; IsEnabled=False; Name=Microsoft Windows Filtering "
        "Platform}, @{Id=F74F241B-440F-4433-BB28-00F89EAD20D8; IsEnabled=True; Name=Microsoft Azure VFP "
        "Switch "
        "Extension}}");
    const QString routes = QStringLiteral("{@{Type=VSID; VSID=409600}, @{DestinationPrefix=10.244.2.0/24; "
                                          "DistributedRouterMacAddress=00-15-5D-52-"
                                          "A0-1C; ProviderAddress=10.0.4.18; Type=RemoteSubnetRoute}}");
    QTest::newRow("a terminal's cut at column 0 inside a word, two lines full to its width")
        << terminalCut("ID         : " + natNetwork + "\nExtensions : " + filters +
                           "\nPolicies   : " + routes + "\n",
                       120)
        << QStringLiteral(
               R"([{"Type":"VSID","VSID":409600},{"DestinationPrefix":"10.244.2.0/24",)"
               R"("DistributedRouterMacAddress":"00-15-5D-52-A0-1C","ProviderAddress":"10.0.4.18",)"
               R"("Type":"RemoteSubnetRoute"}])");
    const QString poolName = QStringLiteral(
        "overlay network of the contoso production cluster in west europe, node pool 3, made by the flannel "
        "host-gw backend");
    QTest::newRow("a terminal's cut at a blank the paste trimmed: one column short of its width")
        << terminalCut("ID         : " + natNetwork + "\nExtensions : " + filters +
                           "\nName       : " + poolName + "\n",
                       120)
        << "\"" + poolName + "\"";
    QTest::newRow("one long line cut at column 0 is no evidence of a terminal's width")
        << "ID   : A\nName : " + QString(60, QLatin1Char('x')) + " word\nmore\n"
        << "\"" + QString(60, QLatin1Char('x')) + " word more\"";
    QTest::newRow("PowerShell's wrap at a blank after lines that happen to be full")
        << "ID         : A\n"
           "Extensions : {@{Id=E7C3B2F0-F3C5-48DF-AF2B-10FED6D72E7A; IsEnabled=False;\n"
           "             Name=Microsoft Windows Filtering Platform},\n"
           "             @{Id=F74F241B-440F-4433-BB28-00F89EAD20D8; IsEnabled=True; Name=Microsoft\n"
           "             Azure VFP Switch Extension}}\n"
           "Policies   : {@{Type=VSID; VSID=409600}, @{DestinationPrefix=10.244.2.0/24;\n"
           "             DistributedRouterMacAddress=00-15-5D-52-A0-1C; ProviderAddress=10.0.4.18;\n"
           "             Type=RemoteSubnetRoute}}\n"
        << QStringLiteral(
               R"([{"Type":"VSID","VSID":409600},{"DestinationPrefix":"10.244.2.0/24",)"
               R"("DistributedRouterMacAddress":"00-15-5D-52-A0-1C","ProviderAddress":"10.0.4.18",)"
               R"("Type":"RemoteSubnetRoute"}])");
    const QString members = QStringLiteral("{@{Data=; Type=Container}, @{Data=; Type=Endpoint}, @{Data=; "
                                           "Type=Endpoint}, @{Data=; Type=Endpoint}, "
                                           "@{Data=; Type=Endpoint}, @{Data=; Type=Endpoint}}");
    const QString membersJson = QStringLiteral(
        R"([{"Data":null,"Type":"Container"},{"Data":null,"Type":"Endpoint"},{"Data":null,"Type":"Endpoint"},)"
        R"({"Data":null,"Type":"Endpoint"},{"Data":null,"Type":"Endpoint"},{"Data":null,"Type":"Endpoint"}])");
    QTest::newRow("one line cut at column 0 inside a key: read without the blank only that way")
        << terminalCut("ID           : " + natNetwork + "\nResourceList : " + members, 120) + "\n"
        << membersJson;
    QTest::newRow("one line cut at column 0 inside a key that reads both ways")
        << "ID           : " + natNetwork +
               "\nResourceList : {@{Data=; Type=Container}, @{Data=; Type=Endpoint}, @{Data=; "
               "Typ\ne=Endpoint}}\n"
        << QStringLiteral(R"([{"Data":null,"Type":"Container"},{"Data":null,"Type":"Endpoint"},)"
                          R"({"Data":null,"Type":"Endpoint"}])");
    QTest::newRow("a line that lost its indentation between two property lines, after a short line")
        << "ID                   : " + natNetwork +
               "\nDNSSuffix            : default.svc.cluster.local,svc.cluster.local,x1\n"
               "Name                 : my long overlay network name for the\nkubernetes pods of node 3\n"
               "Flags                : 0\n"
        << "\"my long overlay network name for the kubernetes pods of node 3\"";
    QTest::newRow("a list that begins after one blank line, wrapped at the value column")
        << "CompartmentId : 3\nID            : " + natNetwork + "\nResourceList  :\n\n                " +
               members.left(100) + "\n                " + members.mid(100) + "\n"
        << membersJson;
    QString manyMembers = QStringLiteral("{@{Data=; Type=Container}");
    nlohmann::json manyMembersJson = nlohmann::json::array({{{"Data", nullptr}, {"Type", "Container"}}});
    for (int i = 0; i < 9; ++i) {
        manyMembers += QStringLiteral(", @{Data=; Type=Endpoint}");
        manyMembersJson.push_back({{"Data", nullptr}, {"Type", "Endpoint"}});
    }
    QTest::newRow("a list that begins after one blank line at column 0, a terminal's cut lines")
        << "CompartmentId : 3\nID            : " + natNetwork + "\nResourceList  :\n\n" +
               terminalCut(manyMembers + "}", 120) + "\n"
        << QString::fromStdString(manyMembersJson.dump());
}

void TestListView::wrappedValuesAreJoined()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);

    const ExtractResult result = importText(text);
    QCOMPARE(result.values.size(), std::size_t(1));
    const nlohmann::json& object = result.values[0].value;
    auto second = object.begin();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() != "ID")
            second = it;
    }
    QCOMPARE(shown(second.value()), shown(nlohmann::json::parse(expected.toStdString())));
}

void TestListView::aTerminalsWidthIsSeenAcrossThePaste_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); ///< the last object's value of `property`
    QTest::addColumn<QString>("property");

    const QString filters = QStringLiteral(
        "{@{Id=E7C3B2F0-F3C5-48DF-AF2B-10FED6D72E7A; IsEnabled=False; Name=Microsoft Windows Filtering "
        "Platform}, @{Id=F74F241B-440F-4433-BB28-00F89EAD20D8; IsEnabled=True; Name=Microsoft Azure VFP "
        "Switch "
        "Extension}, @{Id=430BDADD-BAB0-41AB-A369-94B67FA5BE0A; IsEnabled=True; Name=Microsoft NDIS "
        "Capture}}");
    const QString suffixes =
        QString(88, QLatin1Char('a')) + QStringLiteral(".svc.cluster.local contoso.internal");
    // The suffix line is cut at its blank (119 columns once trimmed); the other object's lines, full to
    // 120 columns twice, show the terminal's width.
    QTest::newRow("a cut at a blank, one column short of the width another object shows")
        << terminalCut("ID         : " + natNetwork + "\nExtensions : " + filters +
                           "\n\nID         : " + bridgeNetwork + "\nDNSSuffix  : " + suffixes + "\n",
                       120)
        << "\"" + suffixes + "\""
        << "DNSSuffix";
    const QString idList = "{" + podEndpoint + ", " + natEndpoint + ", " + podEndpoint.toLower() + ", " +
                           natEndpoint.toLower() + "}";
    QTest::newRow("a GUID list cut inside a GUID and at a blank, 80 columns")
        << terminalCut("ID               : " + natNetwork + "\nExtensions       : " + filters +
                           "\n\nID               : " + podEndpoint + "\nSharedContainers : " + idList + "\n",
                       80)
        << QString::fromStdString(nlohmann::json{podEndpoint.toStdString(), natEndpoint.toStdString(),
                                                 podEndpoint.toLower().toStdString(),
                                                 natEndpoint.toLower().toStdString()}
                                      .dump())
        << "SharedContainers";
}

void TestListView::aTerminalsWidthIsSeenAcrossThePaste()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QFETCH(QString, property);

    const ExtractResult result = importText(text);
    QCOMPARE(result.values.size(), std::size_t(2));
    QCOMPARE(shown(result.values.back().value.value(property.toStdString(), nlohmann::json())),
             shown(nlohmann::json::parse(expected.toStdString())));
    QVERIFY2(result.warnings.empty(), qPrintable(warningTexts(result).join(QLatin1Char('\n'))));
}

void TestListView::sourceTextIsTheBlockAsPasted()
{
    const ExtractResult result = importDump(QStringLiteral("listview-after-prompt.txt"));
    QCOMPARE(result.values.size(), std::size_t(3));
    const QString expected = QStringLiteral("ID                     : 7C2E5A90-1F4B-4D86-93AE-B05D8C7F2E61\n"
                                            "Name                   : nat\n"
                                            "Type                   : nat\n"
                                            "Subnets                : {@{AddressPrefix=172.26.80.0/20; "
                                            "GatewayAddress=172.26.80.1}}\n"
                                            "MaxConcurrentEndpoints : 2");
    QCOMPARE(QString::fromStdString(result.values[2].sourceText), expected);

    const ExtractResult wrapped = importDump(QStringLiteral("listview-wrapped-flush.txt"));
    QVERIFY(!wrapped.values.empty());
    QVERIFY(
        QString::fromStdString(wrapped.values[0].sourceText).contains(QStringLiteral("Type=ELB;\nVIPs=")));
    QCOMPARE(toStringList(wrapped.values[0].repairs),
             (QStringList{"Policies: joined 2 lines a console wrapped",
                          "References: joined 2 lines a console wrapped"}));
}

void TestListView::utf16DumpEndToEnd()
{
    const QByteArray bytes = readDump(QStringLiteral("listview-utf16le-bom.txt"));
    QVERIFY(bytes.startsWith("\xff\xfe"));
    const auto decoded = decodeDumpText(bytesView(bytes));
    QVERIFY(decoded.ok());
    QCOMPARE(int(decoded->encoding), int(TextEncoding::Utf16LeBom));
    const std::vector<CleanedLine> lines = cleanPastedText(decoded->text);
    const ExtractResult result = readListViews(lines);
    QCOMPARE(result.values.size(), std::size_t(1));
    const FoundValue& found = result.values[0];
    QCOMPARE(found.firstLine, 3);
    QCOMPARE(found.lastLine, 12);
    QCOMPARE(int(found.kindHint), int(ResourceKind::Endpoint));
    QCOMPARE(shown(found.value["Name"]), QStringLiteral("\"Netzwerkkarte (B\u00fcro)\""));
    QVERIFY(!QString::fromStdString(found.sourceText).contains(QLatin1Char('\r')));
    QCOMPARE(toStringList(found.losses),
             QStringList{"Policies[0].ExceptionList: not expanded by PowerShell (System.Object[])"});
    QVERIFY(result.warnings.empty());
}

void TestListView::jsonInTheSameFileIsLeftToTheJsonReader()
{
    const QByteArray bytes = readDump(QStringLiteral("listview-and-json.txt"));
    const auto decoded = decodeDumpText(bytesView(bytes));
    QVERIFY(decoded.ok());

    const ExtractResult listView = readListViews(cleanPastedText(decoded->text));
    QCOMPARE(labels(listView), QStringList{podEndpoint});

    // The JSON network is the other reader's, and that reader does not take the list view.
    const ExtractResult jsonValues = extractJsonValues(decoded->text);
    QCOMPARE(jsonValues.values.size(), std::size_t(1));
    QCOMPARE(label(jsonValues.values[0].value), natNetwork);
    QCOMPARE(jsonValues.values[0].firstLine, 6);
}

void TestListView::commandLinesNameTheKind_data()
{
    QTest::addColumn<QString>("line"); ///< before the block
    QTest::addColumn<int>("kindHint");

    QTest::newRow("Get-HnsPolicyList") << "Get-HnsPolicyList" << int(ResourceKind::LoadBalancer);
    QTest::newRow("Get-HnsPolicyList after a prompt")
        << "PS C:\\k> Get-HnsPolicyList" << int(ResourceKind::LoadBalancer);
    QTest::newRow("Get-HnsPolicyList | fl") << "get-hnspolicylist | fl" << int(ResourceKind::LoadBalancer);
    QTest::newRow("Get-HnsPolicyList: as a heading") << "Get-HnsPolicyList:" << int(ResourceKind::LoadBalancer);
    QTest::newRow("Get-HnsNetwork: as a heading") << "Get-HnsNetwork:" << int(ResourceKind::Network);
    QTest::newRow("a heading, then a markdown fence")
        << "Get-HnsPolicyList:\n```" << int(ResourceKind::LoadBalancer);
    QTest::newRow("an error message after the command name")
        << "Get-HnsPolicyList: The term is not recognized" << int(ResourceKind::Invalid);
    QTest::newRow("piped into another command") << "Get-HnsPolicyList | Select-Object ID, Policies"
                                                << int(ResourceKind::Invalid);
    QTest::newRow("filtered, sorted, formatted and paged")
        << "PS C:\\> Get-HnsEndpoint | where IsRemoteEndpoint -eq $false | Sort-Object Name | Format-List * "
           "| more"
        << int(ResourceKind::Endpoint);
    QTest::newRow("into Out-String for a wide console")
        << "Get-HnsNetwork | fl | Out-String -Width 4096" << int(ResourceKind::Network);
    QTest::newRow("into a table instead") << "Get-HnsEndpoint | ft" << int(ResourceKind::Invalid);
}

void TestListView::commandLinesNameTheKind()
{
    QFETCH(QString, line);
    QFETCH(int, kindHint);

    const ExtractResult result =
        importText(line + "\n\nID        : 5F18B3D6-2A7C-4E90-B4F1-83C0D9E6A725\nIsApplied : True\n");
    QCOMPARE(result.values.size(), std::size_t(1));
    QCOMPARE(int(result.values[0].kindHint), kindHint);
}

void TestListView::hnsdiagObjects_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("objects"); ///< JSON array of the values
    QTest::addColumn<QList<int>>("kinds");

    QTest::newRow("a network")
        << "Network          : 3d8a6f1e-92c4-4b07-b5d3-e0f9a2c71b86\n    Name             : cbr0\n"
           "    Type             : L2Bridge\n"
        << R"([{"ID":"3d8a6f1e-92c4-4b07-b5d3-e0f9a2c71b86","Name":"cbr0","Type":"L2Bridge"}])"
        << QList<int>{int(ResourceKind::Network)};
    QTest::newRow("Virtual Network holding a name")
        << "Endpoint         : 5b0e7d2c-41a9-4f63-8d15-c2e9a07b3f48\n    Name             : Ethernet\n"
           "    Virtual Network  : cbr0\n"
        << R"([{"ID":"5b0e7d2c-41a9-4f63-8d15-c2e9a07b3f48","Name":"Ethernet","VirtualNetworkName":"cbr0"}])"
        << QList<int>{int(ResourceKind::Endpoint)};
    QTest::newRow("objects without blank lines between them")
        << "Endpoint : 5b0e7d2c-41a9-4f63-8d15-c2e9a07b3f48\n  Name : a\n"
           "Endpoint : e4c18f6a-0d37-4b92-a5e8-71f3b2d9c064\n  Name : b\n"
        << R"([{"ID":"5b0e7d2c-41a9-4f63-8d15-c2e9a07b3f48","Name":"a"},)"
           R"({"ID":"e4c18f6a-0d37-4b92-a5e8-71f3b2d9c064","Name":"b"}])"
        << QList<int>{int(ResourceKind::Endpoint), int(ResourceKind::Endpoint)};
    QTest::newRow("an unknown label keeps its words") << "Endpoint : 5b0e7d2c-41a9-4f63-8d15-c2e9a07b3f48\n"
                                                         "  Name : a\n  Shared Containers : 2\n"
        << R"([{"ID":"5b0e7d2c-41a9-4f63-8d15-c2e9a07b3f48","Name":"a","SharedContainers":2}])"
        << QList<int>{int(ResourceKind::Endpoint)};
    QTest::newRow("a load balancer: its VIPs and DIPs as a policy list's")
        << "Load Balancer    : 9623d7cf-a9ae-4a34-a544-99c7001d9a88\n    Virtual IPs      : 10.96.0.10, "
           "fd00::a\n"
           "    Direct IP IDs    : {14a03569-d26b-4496-92e5-dfe8cb1855fe, "
           "096d3737-42f9-4039-8320-a4737c2b3abe}\n"
        << R"([{"ID":"9623d7cf-a9ae-4a34-a544-99c7001d9a88",)"
           R"("Policies":[{"Type":"ELB","VIPs":["10.96.0.10","fd00::a"]}],)"
           R"("References":["/endpoints/14a03569-d26b-4496-92e5-dfe8cb1855fe",)"
           R"("/endpoints/096d3737-42f9-4039-8320-a4737c2b3abe"]}])"
        << QList<int>{int(ResourceKind::LoadBalancer)};
    QTest::newRow("a namespace: its endpoint IDs as its resources")
        << "Namespace        : 87b0b125-ec1d-4da0-a6eb-8c9ebd69fe29\n"
           "    Endpoint IDs     : 5bc8fbbc-bde5-4099-8164-d8399f767c45\n"
        << R"([{"ID":"87b0b125-ec1d-4da0-a6eb-8c9ebd69fe29","ResourceList":[{"Type":"Endpoint",)"
           R"("Data":{"Id":"5bc8fbbc-bde5-4099-8164-d8399f767c45"}}]}])"
        << QList<int>{int(ResourceKind::Namespace)};
    const QString dips =
        QStringLiteral("14a03569-d26b-4496-92e5-dfe8cb1855fe 096d3737-42f9-4039-8320-a4737c2b3abe "
                       "5bc8fbbc-bde5-4099-8164-d8399f767c45");
    const char* const dipsReferences = R"("References":["/endpoints/14a03569-d26b-4496-92e5-dfe8cb1855fe",)"
                                       R"("/endpoints/096d3737-42f9-4039-8320-a4737c2b3abe",)"
                                       R"("/endpoints/5bc8fbbc-bde5-4099-8164-d8399f767c45"]}])";
    QTest::newRow("Direct IP IDs a terminal cut inside a GUID, 80 columns")
        << terminalCut(
               "Load Balancer    : 9623d7cf-a9ae-4a34-a544-99c7001d9a88\n    Virtual IPs      : 10.96.0.10\n"
               "    Direct IP IDs    : " +
                   dips + "\n\nLoad Balancer    : 2b1f7c3e-5a4d-4e69-8f02-c7d9e1a3b564\n",
               80)
        << QString(
               R"([{"ID":"9623d7cf-a9ae-4a34-a544-99c7001d9a88","Policies":[{"Type":"ELB","VIPs":["10.96.0.10"]}],)") +
               dipsReferences
        << QList<int>{int(ResourceKind::LoadBalancer)};
    QTest::newRow("Direct IP IDs a terminal cut at the blank between two GUIDs, 96 columns")
        << terminalCut(
               "Load Balancer    : 9623d7cf-a9ae-4a34-a544-99c7001d9a88\n    Virtual IPs      : 10.96.0.10\n"
               "    Direct IP IDs    : 14a03569-d26b-4496-92e5-dfe8cb1855fe "
               "096d3737-42f9-4039-8320-a4737c2b3abe "
               "5bc8fbbc-bde5-4099-8164-d8399f767c45\nPS C:\\> hnsdiag list endpoints\n",
               96)
        << QString(
               R"([{"ID":"9623d7cf-a9ae-4a34-a544-99c7001d9a88","Policies":[{"Type":"ELB","VIPs":["10.96.0.10"]}],)") +
               dipsReferences
        << QList<int>{int(ResourceKind::LoadBalancer)};
    QTest::newRow("a heading line alone is no object")
        << "Endpoint : 5b0e7d2c-41a9-4f63-8d15-c2e9a07b3f48\n\nthe pod is gone\n"
        << "[]" << QList<int>{};
    QTest::newRow("a heading without a GUID is no object")
        << "Endpoint : ethernet\n  Name : a\n"
        << "[]" << QList<int>{};
    QTest::newRow("an ordinary list view is left to its reader")
        << "ID             : 5b0e7d2c-41a9-4f63-8d15-c2e9a07b3f48\nVirtualNetwork : "
           "3d8a6f1e-92c4-4b07-b5d3-e0f9a2c71b86\n"
        << R"([{"ID":"5b0e7d2c-41a9-4f63-8d15-c2e9a07b3f48","VirtualNetwork":"3d8a6f1e-92c4-4b07-b5d3-e0f9a2c71b86"}])"
        << QList<int>{int(ResourceKind::Invalid)};
}

void TestListView::hnsdiagObjects()
{
    QFETCH(QString, text);
    QFETCH(QString, objects);
    QFETCH(QList<int>, kinds);

    const ExtractResult result = importText(text);
    nlohmann::json values = nlohmann::json::array();
    QList<int> found;
    for (const FoundValue& value : result.values) {
        values.push_back(value.value);
        found << int(value.kindHint);
        QCOMPARE(int(value.format), int(DumpFormat::ListView));
    }
    QCOMPARE(shown(values), shown(nlohmann::json::parse(objects.toStdString())));
    QCOMPARE(found, kinds);
}

/// `Get-HnsEndpoint | Format-List` on a console 64 columns wide: PowerShell wraps each value at 63
/// columns, at blanks, and cuts a word longer than the 35 columns left for values (a GUID, a pod's
/// name) where the line ends; the continuation is indented to the value column. Every value reads
/// whole again.
void TestListView::aNarrowConsolesWrap_data()
{
    QTest::addColumn<QString>("property"); ///< a JSON pointer into the endpoint
    QTest::addColumn<QString>("expected");

    QTest::newRow("its ID, one character on the next line") << "/ID"
                                                            << R"("C5D08E3A-61F2-4B97-8A4C-2E0F7B9D5136")";
    QTest::newRow("its network's ID") << "/VirtualNetwork"
                                      << R"("8B31F6D4-2E9A-4C05-97B8-D6E1A3F0C29B")";
    QTest::newRow("a name cut two characters before its end") << "/Name"
                                                              << R"("7f3e91b0c2d84a56e1f09b7c3d2a6e48_cbr0")";
    QTest::newRow("DNS suffixes cut inside a word")
        << "/DNSSuffix"
        << R"("default.svc.cluster.local,svc.cluster.local,cluster.local")";
    QTest::newRow("a hashtable wrapped at its blanks")
        << "/Health"
        << R"({"LastErrorCode":0,"LastUpdateTime":133498127365814773})";
    QTest::newRow("policies wrapped over 7 lines")
        << "/Policies"
        << R"([{"Type":"OutBoundNAT","ExceptionList":"System.Object[]"},)"
           R"({"Type":"ROUTE","DestinationPrefix":"10.96.0.0/12","NeedEncap":true},)"
           R"({"Type":"ROUTE","DestinationPrefix":"10.244.3.27/32","NeedEncap":true}])";
    QTest::newRow("a GUID inside a hashtable cut at a dash") << "/Resources/ID"
                                                             << R"("0F9E4B2C-7D31-4A68-B5E0-C19D3F8A2B74")";
    QTest::newRow("a GUID inside a hashtable cut after its first group")
        << "/Resources/parentId"
        << R"("1A6C3E8F-B204-4D97-8E15-F73A0C9B6D21")";
    QTest::newRow("a container ID cut at the width")
        << "/SharedContainers"
        << R"(["7f3e91b0c2d84a56e1f09b7c3d2a6e48e5b1a9d04c7f3826b0e9d1c5a7f24e63"])";
}

void TestListView::aNarrowConsolesWrap()
{
    QFETCH(QString, property);
    QFETCH(QString, expected);

    const ExtractResult result = importDump(QStringLiteral("listview-endpoint-64-columns.txt"));
    QCOMPARE(result.values.size(), std::size_t(1));
    QCOMPARE(int(result.values[0].kindHint), int(ResourceKind::Endpoint));
    QVERIFY2(result.warnings.empty(), qPrintable(warningTexts(result).join(QLatin1Char('\n'))));
    const nlohmann::json::json_pointer at(property.toStdString());
    QVERIFY2(result.values[0].value.contains(at), qPrintable(shown(result.values[0].value)));
    QCOMPARE(shown(result.values[0].value.at(at)), shown(nlohmann::json::parse(expected.toStdString())));
}

namespace {

/// Get-HnsEndpoint's list view of one endpoint, whole.
QString wholeEndpoint(const QString& id, const QString& name, const QString& address)
{
    return QStringLiteral("ActivityId                : 0B5E2C4A-7D19-4F3E-9A81-6C2D0E4B7F15\n"
                          "AdditionalParams          :\n"
                          "CreateProcessingStartTime : 133468294512345678\n"
                          "DNSServerList             : 10.96.0.10\n"
                          "EncapOverhead             : 50\n"
                          "GatewayAddress            : 10.244.1.1\n"
                          "ID                        : %1\n"
                          "IPAddress                 : %3\n"
                          "MacAddress                : 00-15-5D-8A-1C-2F\n"
                          "Name                      : %2\n"
                          "PrefixLength              : 24\n"
                          "State                     : 3\n"
                          "Type                      : L2Bridge\n"
                          "Version                   : 38654705669\n"
                          "VirtualNetwork            : 9A8B7C6D-5E4F-4301-8A2B-3C4D5E6F7A8B\n"
                          "VirtualNetworkName        : cbr0\n")
        .arg(id, name, address);
}

/// "whole", "start" (the paste starts inside it), "end" (it ends inside it) or "both", for each value.
QString cutFlags(const ExtractResult& result)
{
    QStringList out;
    for (const FoundValue& found : result.values)
        out << (found.startCut ? (found.cutOff ? "both" : "start") : (found.cutOff ? "end" : "whole"));
    return out.join(QLatin1Char(' '));
}

} // namespace

void TestListView::recordsThePasteCutSaySo_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("flags");        ///< cutFlags of the values read
    QTest::addColumn<QStringList>("messages"); ///< each the start of a message of the import
    QTest::addColumn<QStringList>("absent");   ///< parts of no message

    const QString prompt = QStringLiteral("PS C:\\> Get-HnsEndpoint\n\n");
    const QString web = wholeEndpoint("5D1A7C3E-2B4F-4A68-9C0D-1E2F3A4B5C6D", "web-0_cbr0", "10.244.1.15");
    const QString db = wholeEndpoint("6E2B8D4F-3C5A-4B79-8D1E-2F3A4B5C6D7E", "db-0_cbr0", "10.244.1.16");
    const QString head = QStringLiteral("ActivityId                : 7C41D0E2-5B38-4A96-8F17-2E9D6B0C3A54\n"
                                        "AdditionalParams          :\n"
                                        "CreateProcessingStartTime : 133468294598765432\n");
    const QString cutBeforeId = QStringLiteral("a Get-HnsEndpoint record cut before its ID (ActivityId "
                                               "7C41D0E2-5B38-4A96-8F17-2E9D6B0C3A54");
    const QStringList neverWithout{"without an ID, a Name or a Type"};

    QTest::newRow("the paste ends after whole lines of the last record, before its ID")
        << prompt + web + "\n" + head << "whole end" << QStringList{cutBeforeId} << neverWithout;
    QTest::newRow("the same without a blank line at the end, in a fence")
        << "```\n" + web + "\n" + db + "\n" + head.trimmed() + "\n```"
        << "whole whole end" << QStringList{cutBeforeId} << neverWithout;
    QTest::newRow("the paste ends inside the name of the next member")
        << prompt + web + "\n" + head + "DNSSer\n"
        << "whole end" << QStringList{cutBeforeId} << neverWithout;
    QTest::newRow("the paste starts inside the first record, after its ID")
        << web.mid(web.indexOf("IPAddress")) + "\n" + db << "start whole" << QStringList{}
        << QStringList{"without an ID"};
    QTest::newRow("the paste starts and ends inside records")
        << web.mid(web.indexOf("PrefixLength")) + "\n" + db + "\n" + head << "start whole end"
        << QStringList{cutBeforeId} << neverWithout;
    QTest::newRow("a whole listing: nothing cut")
        << prompt + web + "\n" + db << "whole whole" << QStringList{} << QStringList{"cut", "without an ID"};
    // Fewer members than the others, but not where the paste starts or ends: a record of its own.
    QTest::newRow("a shorter record between whole ones is no cut one")
        << prompt + web + "\n" + head + "\n" + db << "whole whole whole"
        << QStringList{"a Get-HnsEndpoint record without an ID, a Name or a Type"}
        << QStringList{"cut before its ID"};
    // Select-Object without the ID: every record alike, none cut.
    QTest::newRow("records that show no ID by choice")
        << prompt + head + "\n" + head << "whole whole"
        << QStringList{"a Get-HnsEndpoint record without an ID, a Name or a Type"}
        << QStringList{"cut before its ID"};
}

void TestListView::recordsThePasteCutSaySo()
{
    QFETCH(QString, text);
    QFETCH(QString, flags);
    QFETCH(QStringList, messages);
    QFETCH(QStringList, absent);

    QCOMPARE(cutFlags(importText(text)), flags);
    const Result<ImportResult> imported = importDump({{"paste", text.toStdString()}});
    QVERIFY(imported.ok());
    const QStringList said = importMessageTexts(*imported);
    for (const QString& message : messages)
        QVERIFY2(
            std::any_of(said.begin(), said.end(), [&](const QString& m) { return m.startsWith(message); }),
            qPrintable(message + " not in:\n" + said.join('\n')));
    for (const QString& part : absent)
        QVERIFY2(std::none_of(said.begin(), said.end(), [&](const QString& m) { return m.contains(part); }),
                 qPrintable(part + " in:\n" + said.join('\n')));
}

/// The paste ends inside the next property's name after a value that is whole (a list closed on its
/// line, a GUID): the name is no console's continuation of that value. A record kept says the cut once,
/// one not kept (no ID, nothing that names an object) says only that.
void TestListView::aNameCutAfterAWholeValue_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("warnings"); ///< every warning of the import, "lines warning: ..."
    QTest::addColumn<QString>("loss");         ///< in an info of the object kept; empty: none kept

    const QString prompt = QStringLiteral("PS C:\\> Get-HnsNetwork\n\n");
    const QString activity =
        QStringLiteral("ActivityId             : 4D33F926-F95A-4D6A-A7E2-194911DCF003\n");
    const QString counts = QStringLiteral("AdditionalParams       :\nCurrentEndpointCount   : 0\n");
    const QString extensions = QStringLiteral(
        "Extensions             : {@{Id=E7C3B2F0-F3C5-48DF-AF2B-10FED6D72E7A; IsEnabled=False; "
        "Name=Microsoft Windows Filtering Platform}}\n");
    const QString name = QStringLiteral("Name                   : nat\n");
    const QString cutBeforeId = QStringLiteral("warning: a Get-HnsNetwork record cut before its ID "
                                               "(ActivityId 4D33F926-F95A-4D6A-A7E2-194911DCF003, "
                                               "CurrentEndpointCount 0); not imported");
    QTest::newRow("a list value, then the start of the next name")
        << prompt + activity + name + extensions + "Fl\n"
        << QStringList{"6 warning: the list view ends inside a property's name (\"Fl\"); the paste was cut "
                       "there"}
        << QStringLiteral("the paste ends after Extensions, inside the next line (\"Fl\"); what followed is "
                          "unknown");
    QTest::newRow("a list value, then a whole name")
        << prompt + activity + name + extensions + "Flags"
        << QStringList{"6 warning: the list view ends inside a property's name (\"Flags\"); the paste was "
                       "cut "
                       "there"}
        << QStringLiteral("the paste ends after Extensions, inside the next line (\"Flags\")");
    QTest::newRow("a GUID, then the start of the next name")
        << prompt + name + "ID                     : 7A5BC5D3-94E5-43E4-91B0-9B212E846DA8\nTy\n"
        << QStringList{"5 warning: the list view ends inside a property's name (\"Ty\"); the paste was cut "
                       "there"}
        << QStringLiteral("the paste ends after ID, inside the next line (\"Ty\")");
    QTest::newRow("a scalar value, then the start of the next name")
        << prompt + activity + name + "Flags                  : 8\nHe\n"
        << QStringList{"6 warning: the list view ends inside a property's name (\"He\"); the paste was cut "
                       "there"}
        << QStringLiteral("the paste ends after Flags, inside the next line (\"He\")");
    // No ID and nothing that names an object: not imported, and the one cut said once, over its lines.
    QTest::newRow("a record not kept, cut inside a name after a list value")
        << prompt + activity + counts + extensions + "Fl\n"
        << QStringList{"3-7 " + cutBeforeId} << QString();
    QTest::newRow("a record not kept, cut inside a name after a count")
        << prompt + activity + counts + "Extensions    \n"
        << QStringList{"3-6 " + cutBeforeId} << QString();
    QTest::newRow("the same without the command")
        << activity + counts + "Extensions" << QStringList{"1-4 " + cutBeforeId} << QString();
    QTest::newRow("the same without the cut name: whole, so no cut")
        << prompt + activity + counts
        << QStringList{"3-5 warning: a Get-HnsNetwork record without an ID, a Name or a Type (ActivityId "
                       "4D33F926-F95A-4D6A-A7E2-194911DCF003, CurrentEndpointCount 0); not imported"}
        << QString();
}

void TestListView::aNameCutAfterAWholeValue()
{
    QFETCH(QString, text);
    QFETCH(QStringList, warnings);
    QFETCH(QString, loss);

    const Result<ImportResult> imported = importDump({{"paste", text.toStdString()}});
    QVERIFY(imported.ok());
    const QStringList said = importLineMessages(*imported);
    QStringList warned;
    for (const QString& m : said)
        if (m.contains(QStringLiteral(" warning: ")))
            warned << m;
    QVERIFY2(warned == warnings, qPrintable(said.join('\n')));
    QCOMPARE(imported->objectCount() > 0, !loss.isEmpty());
    if (!loss.isEmpty())
        QVERIFY2(std::any_of(said.begin(), said.end(), [&](const QString& m) { return m.contains(loss); }),
                 qPrintable(said.join('\n')));
    QVERIFY2(!said.join('\n').contains(QStringLiteral("kept as text")), qPrintable(said.join('\n')));
}

/// The paste ends inside the next property's name after a long value that does not fill a console's
/// width: no console wrapped it there, so the line is that name, cut. A value that fills the width
/// exactly (80 or 120 columns, or the width other wrapped lines of the paste show) is a console's wrap,
/// and the line after it goes on with the value.
void TestListView::aNameCutAfterALongValue_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("property"); ///< of the last object
    QTest::addColumn<QString>("valueEnd"); ///< how that property's value ends
    QTest::addColumn<QString>("cut");      ///< the cut name the import warns of; empty: none

    const QString prompt = QStringLiteral("PS C:\\> Get-HnsEndpoint\n\n");
    const auto line = [](const QString& name, const QString& value) {
        return name.leftJustified(18, QLatin1Char(' ')) + QStringLiteral(" : ") + value + QLatin1Char('\n');
    };
    const auto endpoint = [&](const QString& id, const QString& name) {
        return line(QStringLiteral("ID"), id) + line(QStringLiteral("Name"), name) +
               line(QStringLiteral("State"), QStringLiteral("2"));
    };
    // A DNS suffix list `width` columns wide on its line, ending in `contoso.`.
    const auto suffixes = [&](int width) {
        QString value = QStringLiteral("svc.cluster.local,cluster.local,");
        for (int i = 0; value.size() + 21 + 30 < width; ++i)
            value += QStringLiteral("site%1.contoso.com,").arg(i);
        const qsizetype room = width - 21 - value.size() - 9;
        value += QStringLiteral("northeuropewestregionx").left(room) + QStringLiteral(".contoso.");
        return line(QStringLiteral("DNSSuffix"), value);
    };
    const QString web =
        endpoint(QStringLiteral("5D1A7C3E-2B4F-4A68-9C0D-1E2F3A4B5C6D"), QStringLiteral("web"));
    const QString db = endpoint(QStringLiteral("6E2B8D4F-3C5A-4B79-8D1E-2F3A4B5C6D7E"), QStringLiteral("db"));

    QTest::newRow("a long plain value, then the start of the next name")
        << prompt + web + suffixes(91) + "Virtu\n"
        << QStringLiteral("DNSSuffix") << QStringLiteral("contoso.") << QStringLiteral("Virtu");
    QTest::newRow("a long list of addresses, then the start of the next name")
        << prompt + web +
               line(QStringLiteral("DNSServerList"),
                    QStringLiteral("10.96.0.10,10.96.0.11,10.96.0.12,10.96.0.13,10.96.0.14,10.96.0.15")) +
               "Vir"
        << QStringLiteral("DNSServerList") << QStringLiteral("10.96.0.15") << QStringLiteral("Vir");
    QTest::newRow("a value one column short of 120, then the start of the next name")
        << prompt + web + suffixes(119) + "Virtu\n"
        << QStringLiteral("DNSSuffix") << QStringLiteral("contoso.") << QStringLiteral("Virtu");
    QTest::newRow("a value that fills 120 columns, continued at the first column")
        << prompt + web + suffixes(120) + "com\n"
        << QStringLiteral("DNSSuffix") << QStringLiteral("com") << QString();
    QTest::newRow("a value that fills 80 columns, continued at the first column")
        << prompt + web + suffixes(80) + "com\n"
        << QStringLiteral("DNSSuffix") << QStringLiteral("com") << QString();
    QTest::newRow("a value as wide as another wrapped line of the paste, continued")
        << prompt + db + suffixes(100) + "local\n\n" + web + suffixes(100) + "com\n"
        << QStringLiteral("DNSSuffix") << QStringLiteral("com") << QString();
    QTest::newRow("a value one column short of the paste's wrapped lines, then a cut name")
        << prompt + db + suffixes(100) + "local\n\n" + web + suffixes(99) + "com\n"
        << QStringLiteral("DNSSuffix") << QStringLiteral("contoso.") << QStringLiteral("com");
}

void TestListView::aNameCutAfterALongValue()
{
    QFETCH(QString, text);
    QFETCH(QString, property);
    QFETCH(QString, valueEnd);
    QFETCH(QString, cut);

    const Result<ImportResult> imported = importDump({{"paste", text.toStdString()}});
    QVERIFY(imported.ok());
    const QStringList said = importLineMessages(*imported);
    const QString cutSaid =
        QStringLiteral("the list view ends inside a property's name (\"%1\"); the paste was cut there")
            .arg(cut);
    QVERIFY2(std::any_of(said.begin(), said.end(),
                         [&](const QString& m) {
                             return m.contains(QStringLiteral("inside a property's name"));
                         }) == !cut.isEmpty(),
             qPrintable(said.join('\n')));
    if (!cut.isEmpty())
        QVERIFY2(std::any_of(said.begin(), said.end(), [&](const QString& m) { return m.endsWith(cutSaid); }),
                 qPrintable(said.join('\n')));
    const ExtractResult read = importText(text);
    QVERIFY(!read.values.empty());
    const nlohmann::json& last = read.values.back().value;
    QVERIFY2(last.contains(property.toStdString()), last.dump().c_str());
    const QString value = QString::fromStdString(last[property.toStdString()].get<std::string>());
    QVERIFY2(value.endsWith(valueEnd), qPrintable(value));
}

QTEST_APPLESS_MAIN(TestListView)
#include "tst_listview.moc"
