// Importing a customer's dump into a snapshot: which objects come out of each kind of dump, how v1
// objects read in v2, what the report says about each object and about references the dump cannot
// resolve, and that bad input costs one message rather than the import.

#include "common/utf8.h"
#include "dump_files.h"
#include "hcn/dump_import.h"
#include "hcn/snapshot_api.h"
#include "import_results.h"
#include "io/object_states.h"

#include <QtTest>
#include <set>

using namespace hcn;
using namespace hcn::io;
using json = nlohmann::json;

namespace {

DumpSource dumpFile(const QString& name)
{
    return {name.toStdString(), std::string(bytesView(readDump(name)))};
}

/// `text` as a file saved as UTF-16 LE with its byte order mark (Out-File in Windows PowerShell).
QByteArray utf16WithBom(const QString& text)
{
    QByteArray out("\xFF\xFE", 2);
    for (const QChar c : text) {
        out.append(char(c.unicode() & 0xFF));
        out.append(char(c.unicode() >> 8));
    }
    return out;
}

ImportResult importFiles(const QStringList& names)
{
    std::vector<DumpSource> sources;
    for (const QString& name : names)
        sources.push_back(dumpFile(name));
    Result<ImportResult> result = importDump(sources);
    if (!result)
        qFatal("import failed: %s", result.status().message().c_str());
    return std::move(*result);
}

/// "Kind:ID" of every object, IDs upper case, sorted: what the tree would list.
QStringList objectList(const ImportResult& result)
{
    QStringList list;
    for (const ImportedObject& o : result.report.objects)
        list << QStringLiteral("%1:%2").arg(QString::fromUtf8(resourceKindName(o.kind).data()),
                                            QString::fromStdString(o.id).toUpper());
    list.sort();
    return list;
}

QStringList messageTexts(const ImportResult& result)
{
    QStringList texts;
    for (const ImportMessage& m : result.report.messages)
        texts << QString::fromStdString(m.message);
    return texts;
}

/// The report's messages, and every object's notes and losses.
QStringList everythingSaid(const ImportResult& result)
{
    QStringList texts = messageTexts(result);
    for (const ImportedObject& o : result.report.objects) {
        for (const std::string& text : o.notes)
            texts << QString::fromStdString(text);
        for (const std::string& text : o.lost)
            texts << QString::fromStdString(text);
    }
    return texts;
}

const ImportedObject* object(const ImportResult& result, const std::string& id)
{
    for (const ImportedObject& o : result.report.objects)
        if (QString::fromStdString(o.id).compare(QString::fromStdString(id), Qt::CaseInsensitive) == 0)
            return &o;
    return nullptr;
}

const json* document(const ImportResult& result, ResourceKind kind, const std::string& id)
{
    for (const json& doc : result.snapshot[std::string(resourceKindPlural(kind))])
        if (QString::fromStdString(doc.value("ID", "")).compare(QString::fromStdString(id), Qt::CaseInsensitive) == 0)
            return &doc;
    return nullptr;
}

/// Each of `values`, "Kind:ID/json/pointer=value" (letter case aside), is what the snapshot holds.
void compareValues(const ImportResult& result, const QStringList& values)
{
    for (const QString& expected : values) {
        const qsizetype slash = expected.indexOf('/');
        const qsizetype equals = expected.indexOf('=', slash);
        const QStringList kindAndId = expected.left(slash).split(':');
        const json* doc =
            document(result, resourceKindFromName(kindAndId[0].toStdString()), kindAndId[1].toStdString());
        QVERIFY2(doc, qPrintable(expected));
        const json::json_pointer pointer(expected.mid(slash, equals - slash).toStdString());
        QVERIFY2(doc->contains(pointer),
                 qPrintable(expected + " not in " + QString::fromStdString(doc->dump())));
        const json& value = (*doc)[pointer];
        const QString got =
            QString::fromStdString(value.is_string() ? value.get<std::string>() : value.dump());
        QCOMPARE(got.toUpper(), expected.mid(equals + 1).toUpper());
    }
}

bool anyContains(const QStringList& texts, const QString& part)
{
    return std::any_of(texts.begin(), texts.end(), [&](const QString& t) { return t.contains(part); });
}

/// What is wrong with `value`, "Kind:ID /json/pointer=JSON" (the document; "(absent)" for a missing
/// member) or "Kind:ID @Lost=JSON" (the report's FirstLine, LastLine, Lost, Notes, UnknownFields);
/// empty when it holds.
QString valueProblem(const ImportResult& result, const QString& value)
{
    const QString who = value.section(' ', 0, 0);
    const QString what = value.section(' ', 1);
    const ResourceKind kind = resourceKindFromName(who.section(':', 0, 0).toStdString());
    const std::string id = who.section(':', 1).toStdString();
    const QString path = what.section('=', 0, 0);
    const json expected = json::parse(what.section('=', 1).toStdString());
    json actual;
    if (path.startsWith('@')) {
        const ImportedObject* o = object(result, id);
        if (!o)
            return value + "\n  no such object";
        const json report{{"FirstLine", o->firstLine},
                          {"LastLine", o->lastLine},
                          {"Lost", o->lost},
                          {"Notes", o->notes},
                          {"UnknownFields", o->unknownFields}};
        actual = report.value(path.mid(1).toStdString(), json());
    } else {
        const json* doc = document(result, kind, id);
        if (!doc)
            return value + "\n  no such object";
        actual = doc->value(json::json_pointer(path.toStdString()), json("(absent)"));
    }
    return actual == expected ? QString() : value + "\n  is " + QString::fromStdString(actual.dump());
}

/// A test row's file imports as its objects, holds its values and says what it says (file, objects,
/// values, said, unsaid columns).
void importHoldsAndSays()
{
    QFETCH(QString, file);
    QFETCH(QStringList, objects);
    QFETCH(QStringList, values);
    QFETCH(QStringList, said);
    QFETCH(QStringList, unsaid);
    const ImportResult result = importFiles({file});
    QStringList expectedObjects = objects;
    expectedObjects.sort();
    QCOMPARE(objectList(result), expectedObjects);
    for (const QString& value : values) {
        const QString problem = valueProblem(result, value);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    const QStringList texts = everythingSaid(result);
    for (const QString& m : said)
        QVERIFY2(anyContains(texts, m), qPrintable(m + " not in:\n" + texts.join('\n')));
    for (const QString& m : unsaid)
        QVERIFY2(!anyContains(texts, m), qPrintable(m + " in:\n" + texts.join('\n')));
}

QStringList policyTypes(const json& doc)
{
    QStringList types;
    for (const json& p : doc.value("Policies", json::array()))
        types << QString::fromStdString(p.value("Type", ""));
    return types;
}

const char* kNetwork = "7D3E5A91-2C4B-4F6E-9A18-B0C2D4E6F801";
const char* kLocalEndpoint = "0F8E2D41-6A3B-4C5D-9E7F-8091A2B3C4D5";
const char* kRemoteEndpoint = "1A9B8C7D-6E5F-4A3B-8C2D-1E0F9A8B7C6D";
const char* kOrphanEndpoint = "2B0C9D8E-7F6A-4B5C-9D3E-2F1A0B9C8D7E";
const char* kNamespace = "A1B2C3D4-0000-4E5F-8A9B-0C1D2E3F4A5B";
const char* kLoadBalancer = "B5A4C3D2-E1F0-4A9B-8C7D-6E5F4A3B2C1D";
const char* kRoute = "C6B5D4E3-F2A1-4B0C-9D8E-7F6A5B4C3D2E";

} // namespace

class TestDumpImport : public QObject
{
    Q_OBJECT

private slots:
    // Request bodies and a program's own records are no HNS state: what each says, whether the text
    // counts as a log of HNS (exit 0 with no object), and an answer tied to its request.
    void requestBodiesAndRecordsAreSaidAsWhatTheyAre_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("objects");
        QTest::addColumn<QStringList>("messages"); ///< each is a whole report message
        QTest::addColumn<bool>("recovered");       ///< ImportResult::recoveredAnything: exit 0

        const QString linuxRecord = QStringLiteral(
            "2020/07/29 16:04:06 [3210] [net] %1 endpoint &{Id:357419a7-eth0 "
            "ContainerID:357419a70e440df151a25f2"
            "10704bf543c33557fd5401d906b728087dc8260b8 NetNsPath:/proc/3150/ns/net IfName:eth0 SandboxKey: "
            "IfIndex:0 MacAddress: IPAddresses:[{IP:172.16.0.6 Mask:ffffffc0}] Policies:[] PODName:nginx "
            "PODNameSpace:default} in network azure.\n"
            "2020/07/29 16:04:06 [3210] [net] Creating veth pair azv20be1f01e0f azv20be1f01e0f2.\n");
        const QString record =
            QStringLiteral("azure-vnet's record of an endpoint, not an HNS object; not imported");
        QTest::newRow("azure-vnet's own record after Creating (Linux, no HnsId): no log of HNS")
            << linuxRecord.arg(QStringLiteral("Creating")) << QStringList() << QStringList{record} << false;
        QTest::newRow("the same record after Deleted")
            << linuxRecord.arg(QStringLiteral("Deleted")) << QStringList() << QStringList{record} << false;
        QTest::newRow("flannel's request after Attempting to create stays a request logged")
            << QStringLiteral("I0101 flanneld: Attempting to create HNSNetwork "
                              "{\"Name\":\"cbr0\",\"Type\":\"L2Bridge\"}\n")
            << QStringList()
            << QStringList{QStringLiteral("a request sent to HNS: create network cbr0 (L2Bridge); not an "
                                          "object it holds, not imported")}
            << true;

        const QString elb = QStringLiteral("{ \"Policies\": [ { \"ExternalPort\": 80, \"InternalPort\": 80, "
                                           "\"Protocol\": 6, \"Type\": \"ELB\", "
                                           "\"VIPs\": [ \"11.0.98.129\" ] } ], \"References\": [ "
                                           "\"/endpoints/ca8b877b-ab90-499a-bc0e-7d736c425632\" ] }");
        const QString elbAsked = QStringLiteral("a request sent to HNS: create load balancer (11.0.98.129 "
                                                "TCP 80->80); not an object it holds, not "
                                                "imported");
        QTest::newRow("a v1 policy list under Sample Input to HNS: (a commit message)")
            << QStringLiteral(
                   "(2) For every Service, a HNS ILB LoadBalancer is added\n\tSample Input to HNS:\n\t") +
                   elb + QStringLiteral("\n(2-a) This is done for Cluster IP\n")
            << QStringList() << QStringList{elbAsked} << false;
        QTest::newRow("the same flattened into one line")
            << QStringLiteral("created via HNS (2) Sample Input to HNS: ") + elb +
                   QStringLiteral(" (2-a) This is done")
            << QStringList() << QStringList{elbAsked} << false;
        QTest::newRow("the same after a request word, logged")
            << QStringLiteral("kube-proxy request: ") + elb << QStringList() << QStringList{elbAsked} << true;
        QTest::newRow("the same as a payload logged") << QStringLiteral("proxier: sending payload: ") + elb
                                                      << QStringList() << QStringList{elbAsked} << true;
        QTest::newRow("the same under a heading naming a request body")
            << QStringLiteral("Request body:\n") + elb << QStringList() << QStringList{elbAsked} << true;
        // The protocol as hcnctl's table shows a port mapping's: the schema's name of its number, else
        // the number; a name given is said in capitals.
        const auto elbWith = [&elb](const char* protocol) {
            return QStringLiteral("kube-proxy request: ") +
                   QString(elb).replace(QStringLiteral("\"Protocol\": 6"), QString::fromLatin1(protocol));
        };
        QTest::newRow("a request's ELB protocol given as a name")
            << elbWith("\"Protocol\": \"udp\"") << QStringList()
            << QStringList{QString(elbAsked).replace(QStringLiteral("TCP"), QStringLiteral("UDP"))} << true;
        QTest::newRow("a request's ELB protocol a number the schema does not name")
            << elbWith("\"Protocol\": 99") << QStringList()
            << QStringList{QString(elbAsked).replace(QStringLiteral("TCP"), QStringLiteral("99"))} << true;
        QTest::newRow("a request's ELB protocol a negative number")
            << elbWith("\"Protocol\": -1") << QStringList()
            << QStringList{QString(elbAsked).replace(QStringLiteral("TCP"), QStringLiteral("-1"))} << true;
        QTest::newRow("a request's ELB policy without a protocol")
            << elbWith("\"Protocol\": null") << QStringList()
            << QStringList{QString(elbAsked).replace(QStringLiteral("TCP "), QString())} << true;
        QTest::newRow("the same with no words: the shape of a create request")
            << elb << QStringList()
            << QStringList{QStringLiteral(
                   "a load balancer as a create request gives it (no ID, only what a caller sets): create "
                   "load "
                   "balancer (11.0.98.129 TCP 80->80); not an object HNS holds, not imported")}
            << false;
        QTest::newRow("a policy list Get-HnsPolicyList dumped, with its ID: a load balancer")
            << QStringLiteral(
                   "{ \"ActivityId\": \"0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d\", \"ID\": "
                   "\"624f0871-b6e8-49f8-b4a7-8147722a49d0\", \"Policies\": [ { \"ExternalPort\": 80, "
                   "\"InternalPort\": 80, \"Protocol\": 6, \"Type\": \"ELB\", \"VIPs\": [ \"11.0.98.129\" ] "
                   "} ], "
                   "\"References\": [ \"/endpoints/ca8b877b-ab90-499a-bc0e-7d736c425632\" ], \"Resources\": "
                   "{ "
                   "\"AllocationOrder\": 0 }, \"State\": 0 }")
            << QStringList{QStringLiteral("LoadBalancer:624F0871-B6E8-49F8-B4A7-8147722A49D0")}
            << QStringList() << true;
        QTest::newRow("a network under Sample Input to HNS:")
            << QStringLiteral(
                   "Sample Input to HNS: { \"Name\": \"vxlan0\", \"Type\": \"Overlay\", \"Subnets\": [ { "
                   "\"AddressPrefix\": \"10.244.0.0/16\", \"GatewayAddress\": \"10.244.0.1\" } ] }")
            << QStringList()
            << QStringList{QStringLiteral(
                   "a request sent to HNS: create network vxlan0 (Overlay, 10.244.0.0/16 via "
                   "10.244.0.1); not an object it holds, not imported")}
            << false;
        QTest::newRow("a network under a response's body is no request")
            << QStringLiteral(
                   "response body: { \"Name\": \"vxlan0\", \"Type\": \"Overlay\", \"Subnets\": [ { "
                   "\"AddressPrefix\": \"10.244.0.0/16\", \"GatewayAddress\": \"10.244.0.1\" } ] }")
            << QStringList()
            << QStringList{QStringLiteral(
                   "a network as a create request gives it (no ID, only what a caller "
                   "sets): create network vxlan0 (Overlay, 10.244.0.0/16 via 10.244.0.1); "
                   "not an object HNS holds, not imported")}
            << false;

        const QString endpointRequest = QStringLiteral(
            "2018/08/17 19:37:14 [net] HNSEndpointRequest POST request:{\"Name\":\"ep1\",\"VirtualNetwork\":"
            "\"ab683a07-d790-46b9-bba4-79cbca288b95\",\"IPAddress\":\"10.0.0.14\",\"PrefixLength\":24}\n");
        const QString endpointAsked = QStringLiteral("a request sent to HNS: create endpoint ep1 (10.0.0.14) "
                                                     "on network ab683a07-d790-46b9-bba4-79cbca288b95; "
                                                     "%1not an object it holds, not imported");
        QTest::newRow("azure-vnet's endpoint response, a Go pointer: HNS did it")
            << endpointRequest +
                   QStringLiteral(
                       "2018/08/17 19:37:14 [net] HNSEndpointRequest POST response:&{Id:668701ea-66cb-"
                       "4194-9770-d1bde75dbfe6 Name:ep1 VirtualNetwork:ab683a07-d790-46b9-bba4-"
                       "79cbca288b95 VirtualNetworkName:azure IPAddress:10.0.0.14 PrefixLength:24}\n")
            << QStringList{QStringLiteral("Endpoint:668701EA-66CB-4194-9770-D1BDE75DBFE6")}
            << QStringList{endpointAsked.arg(QStringLiteral("HNS did it (line 2); "))} << true;
        QTest::newRow("azure-vnet's endpoint response cut: its address from the request")
            << endpointRequest +
                   QStringLiteral(
                       "2018/08/17 19:37:14 [net] HNSEndpointRequest POST response:&{Id:668701ea-66cb-"
                       "4194-9770-d1bde75dbfe6 Name:ep1 VirtualNetwork:ab683a07-d790-46b9-bba4-"
                       "79cbca288b95 VirtualNetworkName:fd5259b4139534a00442c9bb\n")
            << QStringList{QStringLiteral("Endpoint:668701EA-66CB-4194-9770-D1BDE75DBFE6")}
            << QStringList{endpointAsked.arg(QStringLiteral("HNS did it (line 2); ")),
                           QStringLiteral("IPAddress, PrefixLength: not in the cut response; taken from the "
                                          "request sent to HNS at line 1, which it answers")}
            << true;
        QTest::newRow("azure-vnet's endpoint request, no response: no answer said")
            << endpointRequest << QStringList() << QStringList{endpointAsked.arg(QString())} << true;
        QTest::newRow("azure-vnet's network response cut: its subnets from the request")
            << QStringLiteral(
                   "2018/08/17 19:37:10 [net] HNSNetworkRequest POST request:{\"Name\":\"azure\",\"Type\":"
                   "\"L2Bridge\",\"Subnets\":[{\"AddressPrefix\":\"10.0.0.0/"
                   "24\",\"GatewayAddress\":\"10.0.0.1\"}]}\n"
                   "2018/08/17 19:37:11 [net] HNSNetworkRequest POST response:&{Id:ab683a07-d790-46b9-bba4-"
                   "79cbca288b95 Name:azure Type:L2Bridge NetworkAdapterName:Ethernet\n")
            << QStringList{QStringLiteral("Network:AB683A07-D790-46B9-BBA4-79CBCA288B95")}
            << QStringList{QStringLiteral(
                               "a request sent to HNS: create network azure (L2Bridge, 10.0.0.0/24 via "
                               "10.0.0.1); HNS did it (line 2); not an object it holds, not imported"),
                           QStringLiteral(
                               "Subnets: not in the cut response; taken from the request sent to HNS at "
                               "line 1, which it answers")}
            << true;
    }

    void requestBodiesAndRecordsAreSaidAsWhatTheyAre()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, objects);
        QFETCH(QStringList, messages);
        QFETCH(bool, recovered);
        Result<ImportResult> imported = importDump({{"pasted.txt", text.toStdString()}});
        QVERIFY(imported);
        const QStringList said = messageTexts(*imported);
        QCOMPARE(objectList(*imported), objects);
        for (const QString& message : messages)
            QVERIFY2(said.contains(message), qPrintable(message + "\n--- said:\n" + said.join('\n')));
        QVERIFY2(imported->recoveredAnything() == recovered, qPrintable(said.join('\n')));
    }

    /// A request completes the one cut answer right after it. A log that shows the answer again (a
    /// second sink, each line logged twice) completes each copy the same and says so once; two requests
    /// answered each say their own.
    void aCutAnswerLoggedTwiceIsCompletedOnce_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("values"); ///< valueProblem() specs
        QTest::addColumn<QStringList>("infos");  ///< every "taken from the request" the report says

        const QString request = QStringLiteral(
            "2018/08/17 19:37:14 [net] HNSEndpointRequest POST request:{\"Name\":\"%1\",\"VirtualNetwork\":"
            "\"ab683a07-d790-46b9-bba4-79cbca288b95\",\"IPAddress\":\"%2\",\"PrefixLength\":24}\n");
        const QString response =
            QStringLiteral("2018/08/17 19:37:14 [net] HNSEndpointRequest POST response:&{Id:%1 Name:%2 "
                           "VirtualNetwork:ab683a07-d790-46b9-bba4-79cbca288b95 "
                           "VirtualNetworkName:fd5259b4139534a00442c9bb\n");
        const QString id1 = QStringLiteral("668701ea-66cb-4194-9770-d1bde75dbfe6");
        const QString id2 = QStringLiteral("7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d");
        const QString ep1 = "Endpoint:" + id1.toUpper();
        const QString ep2 = "Endpoint:" + id2.toUpper();
        const QString req1 = request.arg(QStringLiteral("ep1"), QStringLiteral("10.0.0.14"));
        const QString req2 = request.arg(QStringLiteral("ep2"), QStringLiteral("10.0.0.15"));
        const QString resp1 = response.arg(id1, QStringLiteral("ep1"));
        const QString resp2 = response.arg(id2, QStringLiteral("ep2"));
        const QString taken = QStringLiteral("IPAddress, PrefixLength: not in the cut response; taken from "
                                             "the request sent to HNS at line %1, "
                                             "which it answers");
        const QString address = QStringLiteral(" /IpConfigurations/0/IpAddress=\"%1\"");

        QTest::newRow("the response logged once")
            << req1 + resp1 << QStringList{ep1 + address.arg("10.0.0.14")} << QStringList{taken.arg(1)};
        QTest::newRow("the response logged twice after its request")
            << req1 + resp1 + resp1 << QStringList{ep1 + address.arg("10.0.0.14")}
            << QStringList{taken.arg(1)};
        QTest::newRow("the request and its response logged twice")
            << req1 + resp1 + req1 + resp1 << QStringList{ep1 + address.arg("10.0.0.14")}
            << QStringList{taken.arg(1)};
        QTest::newRow("each line logged twice")
            << req1 + req1 + resp1 + resp1 << QStringList{ep1 + address.arg("10.0.0.14")}
            << QStringList{taken.arg(2)};
        QTest::newRow("two requests, each answered")
            << req1 + resp1 + req2 + resp2
            << QStringList{ep1 + address.arg("10.0.0.14"), ep2 + address.arg("10.0.0.15")}
            << QStringList{taken.arg(1), taken.arg(3)};
        // The cut is inside the answer's Subnets, after a whole string: the request's subnet, with its
        // gateway, stands in for what the answer shows of it.
        QTest::newRow("a network answer cut inside its subnets")
            << "2026/12/04 10:20:11 [cni-net] Creating HNS network: {\"Name\":\"azure\",\"Type\":\"L2Bridge\","
               "\"Subnets\":[{\"AddressPrefix\":\"10.240.0.0/16\",\"GatewayAddress\":\"10.240.0.1\"}]}\n"
               "2026/12/04 10:20:11 [cni-net] Response: {\"ID\":\"7a000001-0000-4000-8000-000000000001\","
               "\"Name\":\"azure\",\"Type\":\"L2Bridge\",\"Subnets\":[{\"AddressPrefix\":\"10.240.0.0/16\"\n"
            << QStringList{"Network:7A000001-0000-4000-8000-000000000001 "
                           "/Ipams/0/Subnets/0/Routes/0/NextHop=\"10.240.0.1\""}
            << QStringList{"Subnets: not in the cut response; taken from the request sent to HNS at line 1, "
                           "which it answers"};
    }

    void aCutAnswerLoggedTwiceIsCompletedOnce()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, values);
        QFETCH(QStringList, infos);
        Result<ImportResult> imported = importDump({{"azure-vnet.log", text.toStdString()}});
        QVERIFY(imported);
        for (const QString& value : values) {
            const QString problem = valueProblem(*imported, value);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
        QStringList said;
        for (const ImportMessage& m : imported->report.messages)
            if (QString::fromStdString(m.message).contains(QStringLiteral("taken from the request")))
                said << QString::fromStdString(m.message);
        QCOMPARE(said, infos);
    }

    void findsEveryObject_data()
    {
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<QStringList>("objects");
        QTest::addColumn<QStringList>("messages"); ///< each must be part of some report message

        QTest::newRow("ConvertTo-Json endpoints at -Depth 2")
            << QStringList{"import-endpoints-depth2.json"}
            << QStringList{QStringLiteral("Endpoint:") + kLocalEndpoint, QStringLiteral("Endpoint:") + kRemoteEndpoint,
                           QStringLiteral("Endpoint:") + kOrphanEndpoint, QStringLiteral("Namespace:") + kNamespace}
            << QStringList{"the dump shows no networks; 3 endpoints name 2 networks it does not show",
                           "known only from the endpoints that name it",
                           "Policies: not expanded by PowerShell (System.Object[])"};
        QTest::newRow("network, policy lists and the HNS version behind prompts, CRLF")
            << QStringList{"import-network-policylists.txt"}
            << QStringList{QStringLiteral("LoadBalancer:") + kLoadBalancer, QStringLiteral("Network:") + kNetwork,
                           QStringLiteral("SdnRoute:") + kRoute}
            << QStringList{"the dump shows no endpoints; 1 load balancer names 2 endpoints it does not show",
                           "the dump shows no endpoints; 1 SDN route names 1 endpoint it does not show"};
        QTest::newRow("policy lists naming a network the dump does not show")
            << QStringList{"listview-policylists.txt"}
            << QStringList{"LoadBalancer:5F18B3D6-2A7C-4E90-B4F1-83C0D9E6A725",
                           "LoadBalancer:E6A90D43-7C15-4B2E-8F06-A1B5C3D79E28"}
            << QStringList{"the dump shows no networks; 2 load balancers name 1 network it does not show"};
        QTest::newRow("both files: references resolve across sources")
            << QStringList{"import-endpoints-depth2.json", "import-network-policylists.txt"}
            << QStringList{QStringLiteral("Endpoint:") + kLocalEndpoint, QStringLiteral("Endpoint:") + kRemoteEndpoint,
                           QStringLiteral("Endpoint:") + kOrphanEndpoint, QStringLiteral("LoadBalancer:") + kLoadBalancer,
                           QStringLiteral("Namespace:") + kNamespace, QStringLiteral("Network:") + kNetwork,
                           QStringLiteral("SdnRoute:") + kRoute}
            << QStringList{"backend DEADBEEF-0000-4000-8000-000000000001 is not in the dump"};
        QTest::newRow("v2 documents in klog and logrus lines")
            << QStringList{"import-v2-logs.log"}
            << QStringList{"Endpoint:3C4D5E6F-7A8B-4C9D-8E0F-1A2B3C4D5E6F",
                           "LoadBalancer:4D5E6F70-8192-4A3B-8C4D-5E6F708192A3",
                           "Namespace:B2C3D4E5-1111-4F60-8A9B-0C1D2E3F4A5B"}
            << QStringList{"the dump shows no networks; 1 endpoint names 1 network it does not show"};
        QTest::newRow("collectlogs folder: tables followed by JSON, UTF-16 LE, CRLF")
            << QStringList{"collectlogs/network.txt", "collectlogs/endpoint.txt", "collectlogs/policy.txt"}
            << QStringList{"Endpoint:7E8F9001-1223-4B4C-8D5E-6F708192A3B4", "Endpoint:8F900112-2334-4C5D-9E6F-708192A3B4C5",
                           "Endpoint:90011223-3445-4D6E-8F70-8192A3B4C5D6", "LoadBalancer:A1B2C3D4-E5F6-4718-A9B0-C1D2E3F4A5B6",
                           "LoadBalancer:B2C3D4E5-F607-4829-BAC1-D2E3F4A5B6C7", "Namespace:6C7D8E9F-0A1B-4C2D-9E3F-4A5B6C7D8E9F",
                           "Network:2E6B9C40-81D3-4F5A-B7C2-94E0A1D3F5B6", "Network:8F1A2B3C-4D5E-4F60-9A7B-8C9D0E1F2A3B"}
            << QStringList{"backend C3D4E5F6-0718-493A-8BCD-E2F3A4B5C6D7 is not in the dump"};
        QTest::newRow("2017 schema: Private, NATName, nameless extension, gateway outside its subnet")
            << QStringList{"import-2017-schema.json"}
            << QStringList{"Endpoint:9F205C4D-AE6F-4192-8D3E-4F5A6B7C8D9E", "Network:5B8E2F1A-7C3D-4E6F-9A0B-1C2D3E4F5A6B",
                           "Network:8E1F4B3C-9D5E-4081-BC2D-3E4F5A6B7C8D"}
            << QStringList{};
        QTest::newRow("event-log rows cut with '...': each endpoint keeps what came before the cut")
            << QStringList{"log-cut-with-ellipsis.txt"}
            << QStringList{"Endpoint:5A17C3E2-90B4-4D6F-8E21-3C7B9A0D4F18",
                           "Endpoint:6B28D4F3-A1C5-4E70-9F32-4D8CAB1E5029",
                           "Endpoint:7C39E504-B2D6-4F81-A043-5E9DBC2F613A"}
            << QStringList{
                   "the value is cut with '...' at the end of a line; only what came before the cut is read",
                   "the dump shows no networks; 2 endpoints name 1 network it does not show"};
        QTest::newRow("a paste that starts inside a network: the members after the cut make it")
            << QStringList{"paste-starts-inside-a-network.txt"}
            << QStringList{"Network:595A2D94-1E30-4291-8B38-E5FA46E6AC56"}
            << QStringList{"the paste starts inside a value; only the members after the cut are read",
                           "the paste starts inside this value; its members before line 4 are unknown"};
        QTest::newRow("a log field that starts inside a network and ends inside it")
            << QStringList{"paste-starts-inside-escaped.log"}
            << QStringList{"Network:61C0D7A4-2E95-4B83-9F16-C4A7E20B3D58"}
            << QStringList{"the paste starts inside this value; its members before line 3 are unknown",
                           "the dump ends inside this value after line 3"};
        QTest::newRow("a network cut before its ID is still a network")
            << QStringList{"network-json-cut-before-id.txt"}
            << QStringList{"Network:7023F838-A441-4D34-BE06-89CC5CF3BB18"}
            << QStringList{"ID: not in the dump", "the value is cut off (it never closes)"};
        QTest::newRow("kube-proxy log exported as CSV: quotes doubled inside its fields")
            << QStringList{"kube-proxy-log-export.csv"}
            << QStringList{"Endpoint:3F8B2D61-C4A9-47E0-B1D5-96E2A0C7F348",
                           "LoadBalancer:A7C1E9F3-42B8-4D06-9E5A-13F7C2D8B460"}
            << QStringList{"the dump shows no networks; 1 endpoint names 1 network it does not show"};
        QTest::newRow("JSON whose quotes a chat tool made typographic")
            << QStringList{"endpoint-typographic-quotes.txt"}
            << QStringList{"Endpoint:8A41C7E2-5D93-4B06-A1F8-2E7C9B30D456"}
            << QStringList{"the dump shows no networks; 1 endpoint names 1 network it does not show"};
        QTest::newRow("UTF-16 LE network") << QStringList{"network-utf16le-bom.json"}
                                           << QStringList{"Network:3F1C9B27-6A0D-4C1E-8E52-7B9D0A4C2E11"}
                                           << QStringList{};
        QTest::newRow("REST envelope with a list") << QStringList{"rest-envelope-array-output.json"}
                                                   << QStringList{} << QStringList{};
        QTest::newRow("hand-edited with comments") << QStringList{"hand-edited.txt"}
                                                   << QStringList{"Network:C4A8E1F3-92B6-4D0A-B7E5-3F1D6C9A2B84"}
                                                   << QStringList{};
        QTest::newRow("Windows PowerShell 5.1's value/Count wrapper around piped arrays")
            << QStringList{"powershell-value-count-wrapper.json"}
            << QStringList{"Endpoint:70419C32-AD5E-4FB0-8314-5D6E7F8091A2",
                           "Endpoint:8152AD43-BE6F-40C1-9425-6E7F8091A2B3",
                           "Network:5E2F7A10-8B3C-4D9E-A1F2-3B4C5D6E7F80",
                           "Network:6F308B21-9C4D-4EAF-B203-4C5D6E7F8091"}
            << QStringList{};
        QTest::newRow("value/Count wrapper cut inside its list: the objects before the cut")
            << QStringList{"powershell-value-count-wrapper-cut.json"}
            << QStringList{"Network:8A3C5E71-2B4D-4F69-9E10-7C2D3B4A5F61",
                           "Network:9B4D6F82-3C5E-4A7B-8F21-8D3E4C5B6A72"}
            << QStringList{"the value is cut off (it never closes)",
                           "network nat (9B4D6F82-3C5E-4A7B-8F21-8D3E4C5B6A72): not carried in full by the "
                           "dump: the dump ends inside this value after line 21"};
        QTest::newRow("a list of value/Count wrappers cut inside the second one's list")
            << QStringList{"powershell-value-count-wrappers-cut-in-second.json"}
            << QStringList{"Endpoint:B26F81A4-5E70-4C9D-8143-AF5061D7E8C4",
                           "Endpoint:C37092B5-6F81-4DAE-9254-B06172E8F9D5",
                           "Network:A15E7093-4D6F-4B8C-9032-9E4F5D6C7B83"}
            << QStringList{"the value is cut off (it never closes)",
                           "endpoint pod-c_l2bridge (C37092B5-6F81-4DAE-9254-B06172E8F9D5): not carried in "
                           "full by the dump: the dump ends inside this value after line 25"};
        QTest::newRow("JSON annotated with end-of-line and block comments")
            << QStringList{"json-annotated-comments.jsonc"}
            << QStringList{"Endpoint:E6F803A9-14C5-4627-B08B-C4D5E6F70819",
                           "Endpoint:F70914BA-25D6-4738-819C-D5E6F708192A"}
            << QStringList{"the dump shows no networks; 2 endpoints name 1 network it does not show"};
        QTest::newRow("logrus field with escaped JSON, wrapped by the console at 120 columns")
            << QStringList{"logrus-escaped-wrapped.log"}
            << QStringList{"Endpoint:B3C5D076-E192-43F4-8758-91A2B3C4D5E6",
                           "Endpoint:C4D6E187-F2A3-4405-9869-A2B3C4D5E6F7"}
            << QStringList{"the dump shows no networks; 2 endpoints name 1 network it does not show"};
        QTest::newRow("one-line REST answer wrapped by the console at 120 columns and cut")
            << QStringList{"json-console-wrapped-cut.txt"}
            << QStringList{"Network:A2B4CF65-D081-42E3-B647-8091A2B3C4D5"}
            << QStringList{"the value is cut off (it never closes)",
                           "the dump ends inside this value after line 7"};
        QTest::newRow("Go %+v dumps opening with &{ at a line end, one member per line")
            << QStringList{"go-plusv-member-per-line.log"}
            << QStringList{"Endpoint:0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D",
                           "Endpoint:1B2C3D4E-5F60-4B7C-9D8E-0F1A2B3C4D5E"}
            << QStringList{"the Go struct dump is cut off"};
        QTest::newRow("chat export: pretty-printed JSON in a message's text")
            << QStringList{"chat-export-pretty-json-in-text.json"}
            << QStringList{"Network:D5E7F298-03B4-4516-A97A-B3C4D5E6F708"} << QStringList{};
        QTest::newRow("binary garbage") << QStringList{"garbage.bin"} << QStringList{}
                                        << QStringList{"the dump is not text",
                                                       "nothing in the dump could be read as an HNS network"};
        QTest::newRow("nested 100,000 deep") << QStringList{"deeply-nested.json"} << QStringList{}
                                             << QStringList{"nested deeper than 64 levels"};
    }

    void findsEveryObject()
    {
        QFETCH(QStringList, files);
        QFETCH(QStringList, objects);
        QFETCH(QStringList, messages);
        const ImportResult result = importFiles(files);
        if (!objects.isEmpty() || result.objectCount() == 0)
            QCOMPARE(objectList(result), objects);
        const QStringList texts = messageTexts(result);
        for (const QString& m : messages)
            QVERIFY2(anyContains(texts, m), qPrintable(m + " not in:\n" + texts.join('\n')));
        // Whatever came out loads as a snapshot, without a skipped object.
        Result<std::shared_ptr<SnapshotApi>> api = SnapshotApi::fromDocument(result.snapshot, "import");
        QVERIFY(api.ok());
        QVERIFY((*api)->loadWarnings().empty());
        QCOMPARE((*api)->info()->counts.endpoints, std::size_t(result.snapshot["Endpoints"].size()));
    }

    void fieldQuirks_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("objects");
        QTest::addColumn<QStringList>("messages");

        QTest::newRow("a ConvertTo-Json endpoint cut by the paste keeps what came before the cut")
            << QStringLiteral("PS C:\\> Get-HnsEndpoint | ConvertTo-Json -Depth 10\n[\n    {\n"
                              "        \"ID\":  \"2C4E6A80-1B3D-4F5A-8C7E-9D0F1A2B3C4D\",\n"
                              "        \"IPAddress\":  \"10.240.0.11\",\n        \"IsRemoteEndpoint\":  true,\n"
                              "        \"Resources\":  {\n                          \"AdditionalParams")
            << QStringList{"Endpoint:2C4E6A80-1B3D-4F5A-8C7E-9D0F1A2B3C4D"}
            << QStringList{"the value is cut off (it never closes); only what came before the cut is read",
                           "the dump ends inside this value"};
        QTest::newRow("a klog line cut with '...' does not run into the next line")
            << QStringLiteral("I0101 10:00:00.000 1 proxier.go:117] Hns Endpoint resource, {\"ID\":\"3D5F7B91-2C4E-4A6B-9D8F-0E1A2B3C4D5E\","
                              "\"Name\":\"Ethernet\",\"VirtualNetwork\":\"4E6A8C02-3D5F-4B7C-8E9A-1F2B3C4D5E6F\",\"VirtualNetworkName\":...\n"
                              "I0101 10:00:01.000 1 proxier.go:118] next line {\"x\":1}\n")
            << QStringList{"Endpoint:3D5F7B91-2C4E-4A6B-9D8F-0E1A2B3C4D5E"} << QStringList{};
        QTest::newRow("a create request is not an object HNS holds")
            << QStringLiteral("VERBOSE: Invoke-HNSRequest Method[POST] Path[/networks] Data[{\n"
                              "    \"Name\":  \"vxlan0\",\n    \"Type\":  \"Overlay\"\n}]\n")
            << QStringList{}
            << QStringList{
                   "a request sent to HNS: create network vxlan0 (Overlay); not an object it holds, not "
                   "imported"};
        QTest::newRow("a request logged with its answer: the answer imports")
            << QStringLiteral("msg=\"Request: {} Response: {\\\"ID\\\":\\\"5F7B9D13-4E6A-4C8D-9F0B-2A3B4C5D6E7F\\\",\\\"Name\\\":\\\"vxlan0\\\",\\\"Type\\\":\\\"Overlay\\\"}\"\n")
            << QStringList{"Network:5F7B9D13-4E6A-4C8D-9F0B-2A3B4C5D6E7F"} << QStringList{};
        QTest::newRow("Get-NetAdapter rows are not endpoints")
            << QStringLiteral(
                   "Name     InterfaceDescription            ifIndex Status MacAddress        LinkSpeed\n"
                   "----     --------------------            ------- ------ ----------        ---------\n"
                   "Ethernet Virtual Ethernet Adapter              6 Up     42-01-0A-8A-00-05 100 Gbps\n")
            << QStringList{}
            << QStringList{"a network adapter (Get-NetAdapter), not an HNS object; not imported"};
        // Names other output shares with the network cmdlets, or a Go program's own spelling, name nothing.
        QTest::newRow("a service's ComputerName and Status are no network cmdlet's")
            << QStringLiteral("[{\"ComputerName\":\"NODE4\",\"Name\":\"hns\",\"Status\":4,\"Dhcp\":true}]\n")
            << QStringList{} << QStringList{};
        QTest::newRow("a Go struct's IfIndex is no Get-NetAdapter's ifIndex")
            << QStringLiteral("2024/03/01 10:00:00 [net] Creating endpoint &{Id:9f2c1e7a5b38 IfName:eth0 "
                              "IfIndex:0 MacAddress: IPAddresses:[] Routes:[]} in network 6d4a\n")
            << QStringList{} << QStringList{};
        QTest::newRow("a policy list whose Policies were cut is still a load balancer")
            << QStringLiteral("{\"HostComputeNetwork\":\"6A8C0E24-5F7B-4D9E-A0C1-3B4C5D6E7F80\","
                              "\"ID\":\"7B9D1F35-6A8C-4EAF-B1D2-4C5D6E7F8091\",\"IsApplied\":false,\"Policies\":[{\"ExternalPort\":68")
            << QStringList{"LoadBalancer:7B9D1F35-6A8C-4EAF-B1D2-4C5D6E7F8091"} << QStringList{};
        QTest::newRow("a network ID cut by the paste is not a link")
            << QStringLiteral("{\"ID\":\"8C0E2A46-7B9D-4FA0-82E3-5D6E7F8091A2\",\"IPAddress\":\"10.1.2.3\","
                              "\"VirtualNetwork\":\"e8d2c084-7392-475c-a28c\"}")
            << QStringList{"Endpoint:8C0E2A46-7B9D-4FA0-82E3-5D6E7F8091A2"}
            << QStringList{"names its network \"e8d2c084-7392-475c-a28c\", which is not a GUID"};
        QTest::newRow("a namespace ID that is not a GUID makes no namespace")
            << QStringLiteral("{\"ID\":\"D1536F9B-C0E2-4F45-A738-A2B3C4D5E6F7\",\"IPAddress\":\"10.1.2.4\","
                              "\"VirtualNetworkName\":\"nat\",\"Namespace\":{\"ID\":\"2c094b9e-16\"}}")
            << QStringList{"Endpoint:D1536F9B-C0E2-4F45-A738-A2B3C4D5E6F7"}
            << QStringList{"names its namespace \"2c094b9e-16\", which is not a GUID"};
        QTest::newRow("a Get-HnsNetwork list cut before its Type says its type is unknown")
            << QStringLiteral(
                   "PS C:\\> Get-HnsNetwork\n\nID                     : "
                   "0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D\n"
                   "Name                   : cbr0\n"
                   "Subnets                : {@{AddressPrefix=10.8.0.0/24; GatewayAddress=10.8.0.1}}\nTy\n")
            << QStringList{"Network:0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D"}
            << QStringList{"Type: not in the dump; the network's type is unknown"};
        QTest::newRow("a subnet on its own is not a network")
            << QStringLiteral("I0409 11:20:05.000 1 network.go:88] subnet added: "
                              "{\"AddressPrefix\":\"10.9.4.0/24\",\"GatewayAddress\":\"10.9.4.1\","
                              "\"ID\":\"E4F60718-2A3B-4C5D-8E9F-0A1B2C3D4E5F\",\"Policies\":[]}\n")
            << QStringList{} << QStringList{"a subnet (10.9.4.0/24) without the network that holds it"};
        QTest::newRow("a container log's CRI records: the JSON spread over them is one network")
            << QStringLiteral(
                   "2026-12-01T10:20:11.004217800Z stderr F I1201 10:20:11.004120 6120 hns.go:58] network={\n"
                   "2026-12-01T10:20:11.004217800Z stderr F   \"ID\": "
                   "\"d4c3b2a1-0f9e-4d8c-b7a6-958473625140\",\n"
                   "2026-12-01T10:20:11.004217800+01:00 stdout F   \"Name\": \"flannel.4096\",\n"
                   "2026-12-01T10:20:11Z stderr F   \"Type\": \"Overlay\"\n"
                   "2026-12-01T10:20:11.1Z stderr F }\n")
            << QStringList{"Network:D4C3B2A1-0F9E-4D8C-B7A6-958473625140"} << QStringList{};
        QTest::newRow("a JSON log record holds the document escaped in a field")
            << QStringLiteral("{\"level\":\"debug\",\"msg\":\"hcn::HostComputeEndpoint::Get response\","
                              "\"endpoint\":\"{\\\"ID\\\":\\\"C3D4E5F6-A7B8-4C9D-8E0F-1A2B3C4D5E6F\\\","
                              "\\\"Name\\\":\\\"pod-a\\\",\\\"IpConfigurations\\\":[{\\\"IpAddress\\\":"
                              "\\\"10.244.2.12\\\"}]}\",\"time\":\"2026-12-01T10:16:00Z\"}\n")
            << QStringList{"Endpoint:C3D4E5F6-A7B8-4C9D-8E0F-1A2B3C4D5E6F"} << QStringList{};
        QTest::newRow("Docker json-file records: a document spread over them is one network")
            << QStringLiteral(
                   "{\"log\":\"network: {\\n\",\"stream\":\"stderr\",\"time\":\"2026-12-01T10:16:00Z\"}\n"
                   "{\"log\":\"  \\\"ID\\\": \\\"D4C3B2A1-0F9E-4D8C-B7A6-958473625140\\\",\\n\","
                   "\"stream\":\"stderr\",\"time\":\"2026-12-01T10:16:00Z\"}\n"
                   "{\"log\":\"  \\\"Type\\\": \\\"Overlay\\\"\\n\",\"stream\":\"stderr\","
                   "\"time\":\"2026-12-01T10:16:00Z\"}\n"
                   "{\"log\":\"}\\n\",\"stream\":\"stderr\",\"time\":\"2026-12-01T10:16:00Z\"}\n")
            << QStringList{"Network:D4C3B2A1-0F9E-4D8C-B7A6-958473625140"} << QStringList{};
        QTest::newRow("other tools' JSON is not reported")
            << QStringLiteral("{\"level\":\"info\",\"ts\":1700000000,\"msg\":\"started\",\"Name\":\"azure-vnet\"}")
            << QStringList{} << QStringList{};
    }

    void fieldQuirks()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, objects);
        QFETCH(QStringList, messages);
        Result<ImportResult> result = importDump({{"paste", text.toStdString()}});
        QVERIFY(result.ok());
        QCOMPARE(objectList(*result), objects);
        const QStringList texts = messageTexts(*result);
        for (const QString& m : messages)
            QVERIFY2(anyContains(texts, m), qPrintable(m + " not in:\n" + texts.join('\n')));
        if (objects.isEmpty() && messages.isEmpty())
            QCOMPARE(texts, QStringList{"nothing in the dump could be read as an HNS network, endpoint, namespace, "
                                        "load balancer or route"});
    }

    void documentsKeepWhatTheCustomerSaw_data()
    {
        // A member of the snapshot (a JSON pointer into it) and its value as JSON text.
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("value");
        const QString degraded = QStringLiteral(
            "{\"ID\":\"AB12CD34-EF56-4A78-9B0C-1D2E3F4A5B6C\",\"Name\":\"ep1\",\"IPAddress\":\"10.244.1.7\","
            "\"VirtualNetworkName\":\"vxlan0\",\"State\":5,\"Version\":64424509440,"
            "\"Health\":{\"LastErrorCode\":2147942402,\"LastUpdateTime\":133461260000000001}}");
        QTest::newRow("v1 State: a degraded endpoint stays degraded") << degraded << "/Endpoints/0/State"
                                                                      << "5";
        QTest::newRow("v1 Health is kept as the customer had it")
            << degraded << "/Endpoints/0/_v1/Health/LastErrorCode"
            << "2147942402";
        QTest::newRow("v1 Version is kept") << degraded << "/Endpoints/0/_v1/Version"
                                            << "64424509440";
        const QString policyList = QStringLiteral(
            "{\"ID\":\"8B2F6D04-7E31-4C95-9A0D-F3E5B1C7A826\",\"IsApplied\":false,\"State\":4,"
            "\"References\":[\"/endpoints/AB12CD34-EF56-4A78-9B0C-1D2E3F4A5B6C\"],"
            "\"Policies\":[{\"Type\":\"ELB\",\"VIPs\":[\"10.96.0.10\"],\"Protocol\":6,\"InternalPort\":80,"
            "\"ExternalPort\":80}]}");
        QTest::newRow("a policy list's State") << policyList << "/LoadBalancers/0/State"
                                               << "4";
        QTest::newRow("a policy list's IsApplied") << policyList << "/LoadBalancers/0/_v1/IsApplied"
                                                   << "false";
        // What the host says of itself: the WinNAT instance, the counts, the event log's activity.
        const QString natNetwork =
            QStringLiteral("ActivityId           : 2D5B4A5C-40C8-4707-9DD9-62AA866A3B7C\n"
                           "CurrentEndpointCount : 3\n"
                           "ID                   : 85D61148-49EF-40BB-A450-3BEBE951D838\n"
                           "Name                 : nat\n"
                           "NatName              : NAT48C0DEC2-ED26-4DC5-A408-9B510A985ABC\n"
                           "Type                 : nat\n"
                           "TotalEndpoints       : 7\n");
        QTest::newRow("list view: a NAT network's NatName") << natNetwork << "/Networks/0/_v1/NatName"
                                                            << "\"NAT48C0DEC2-ED26-4DC5-A408-9B510A985ABC\"";
        QTest::newRow("list view: its endpoint counts") << natNetwork << "/Networks/0/_v1/TotalEndpoints"
                                                        << "7";
        QTest::newRow("list view: its ActivityId") << natNetwork << "/Networks/0/_v1/ActivityId"
                                                   << "\"2D5B4A5C-40C8-4707-9DD9-62AA866A3B7C\"";
        const QString resources = QStringLiteral(
            "{\"ID\":\"AB12CD34-EF56-4A78-9B0C-1D2E3F4A5B6C\",\"IPAddress\":\"10.244.1.7\","
            "\"Resources\":{\"AllocationOrder\":2,\"Allocators\":[{\"Tag\":\"Endpoint Port\"}]}}");
        QTest::newRow("an endpoint's v1 Resources")
            << resources << "/Endpoints/0/_v1/Resources/AllocationOrder"
            << "2";
        const QString listView = QStringLiteral(
            "ID                 : 3D5F7B91-2C4E-4A6B-9D8F-0E1A2B3C4D5E\n"
            "Name               : web\n"
            "IPAddress          : 10.244.1.9\n"
            "VirtualNetworkName : cbr0\n"
            "Policies           : {@{Type=ACL; Protocols=6; LocalPorts=80; Action=Allow; Direction=In; "
            "Priority=100}}\n");
        QTest::newRow("list view: an ACL's protocols are text")
            << listView << "/Endpoints/0/Policies/0/Settings/Protocols"
            << "\"6\"";
        QTest::newRow("list view: an ACL's ports are text")
            << listView << "/Endpoints/0/Policies/0/Settings/LocalPorts"
            << "\"80\"";
        // TierAcl (HNS 14.0): the tier and its rules come through as the dump has them; a rule's redacted
        // address list is kept under "_v1" by its path inside the tier.
        const QString tierV2 = QStringLiteral(
            "[{\"ID\":\"5A1B2C3D-0000-4000-8000-000000000001\",\"Name\":\"ep-tier\","
            "\"SchemaVersion\":{\"Major\":2,\"Minor\":16},"
            "\"IpConfigurations\":[{\"IpAddress\":\"10.244.1.7\",\"PrefixLength\":24}],"
            "\"Policies\":[{\"Type\":\"TierAcl\",\"Settings\":{\"Name\":\"baseline\",\"Direction\":\"Out\","
            "\"Order\":10,\"TierAclRules\":["
            "{\"Id\":\"dns\",\"Protocols\":\"17\",\"RemoteAddresses\":\"10.96.0.10\",\"RemotePorts\":\"53\","
            "\"Priority\":100,\"TierAclRuleAction\":\"Pass\"},"
            "{\"Id\":\"deny\",\"Protocols\":\"17\",\"RemoteAddresses\":\"10.96.x.x,10.0.0.0/8\","
            "\"Priority\":200,\"TierAclRuleAction\":\"Block\"}]}}]}]");
        QTest::newRow("v2 TierAcl: the tier as the dump has it")
            << tierV2 << "/Endpoints/0/Policies/0/Settings/Order"
            << "10";
        QTest::newRow("v2 TierAcl: a rule as the dump has it")
            << tierV2 << "/Endpoints/0/Policies/0/Settings/TierAclRules/0"
            << "{\"Id\":\"dns\",\"Priority\":100,\"Protocols\":\"17\",\"RemoteAddresses\":\"10.96.0.10\","
               "\"RemotePorts\":\"53\",\"TierAclRuleAction\":\"Pass\"}";
        QTest::newRow("v2 TierAcl: a rule's redacted address list kept under _v1 by its path in the tier")
            << tierV2 << "/Endpoints/0/_v1/Policies[0].Settings.TierAclRules[1].RemoteAddresses"
            << "\"10.96.x.x,10.0.0.0/8\"";
        QTest::newRow("v2 TierAcl: the rule keeps its action and its readable addresses")
            << tierV2 << "/Endpoints/0/Policies/0/Settings/TierAclRules/1"
            << "{\"Id\":\"deny\",\"Priority\":200,\"Protocols\":\"17\",\"RemoteAddresses\":\"10.0.0.0/8\","
               "\"TierAclRuleAction\":\"Block\"}";
        // v1 has no documented TierAcl form; one written flat, as v1 writes its policies, becomes the v2
        // policy's Settings.
        const QString tierV1 = QStringLiteral(
            "[{\"ID\":\"5A1B2C3D-0000-4000-8000-000000000002\",\"Name\":\"ep-v1\",\"IPAddress\":\"10.244.1."
            "8\","
            "\"Policies\":[{\"Type\":\"TierAcl\",\"Name\":\"baseline\",\"Direction\":\"Out\",\"Order\":10,"
            "\"TierAclRules\":[{\"Id\":\"deny\",\"Protocols\":\"17\",\"Priority\":200,"
            "\"TierAclRuleAction\":\"Block\"}]}]}]");
        QTest::newRow("v1 TierAcl written flat: its fields become the v2 Settings")
            << tierV1 << "/Endpoints/0/Policies/0"
            << "{\"Settings\":{\"Direction\":\"Out\",\"Name\":\"baseline\",\"Order\":10,\"TierAclRules\":[{"
               "\"Id\":"
               "\"deny\",\"Priority\":200,\"Protocols\":\"17\",\"TierAclRuleAction\":\"Block\"}]},\"Type\":"
               "\"TierAcl\"}";
        const QString braced = QStringLiteral(
            "{\"ID\":\"{0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d}\",\"Name\":\"Ethernet\","
            "\"VirtualNetwork\":\"{e3a07b5c-2d91-4f68-b4c3-07f5d2e91a6b}\",\"IPAddress\":\"10.244.1.30\"}");
        QTest::newRow("braced GUIDs: the ID without braces") << braced << "/Endpoints/0/ID"
                                                             << "\"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\"";
        QTest::newRow("braced GUIDs: the network without braces")
            << braced << "/Endpoints/0/HostComputeNetwork"
            << "\"e3a07b5c-2d91-4f68-b4c3-07f5d2e91a6b\"";
    }

    void documentsKeepWhatTheCustomerSaw()
    {
        QFETCH(QString, text);
        QFETCH(QString, pointer);
        QFETCH(QString, value);
        Result<ImportResult> result = importDump({{"paste", text.toStdString()}});
        QVERIFY(result.ok());
        const nlohmann::json::json_pointer at(pointer.toStdString());
        QVERIFY2(result->snapshot.contains(at), qPrintable(QString::fromStdString(result->snapshot.dump())));
        QCOMPARE(QString::fromStdString(result->snapshot.at(at).dump()), value);
    }

    void namespaceMadeFromEndpointsListsThem()
    {
        const std::string text = R"({"ID":"9D1F3B57-8CAE-4B01-93F4-6E7F8091A2B3","IPAddress":"10.0.0.9",
            "VirtualNetworkName":"nat","Namespace":{"ID":"AE203C68-9DBF-4C12-A405-7F8091A2B3C4"}})";
        Result<ImportResult> result = importDump({{"paste", text}});
        QVERIFY(result.ok());
        const json* ns = document(*result, ResourceKind::Namespace, "AE203C68-9DBF-4C12-A405-7F8091A2B3C4");
        QVERIFY(ns);
        QCOMPARE((*ns)["Resources"][0]["Data"]["ID"].get<std::string>(), std::string("9D1F3B57-8CAE-4B01-93F4-6E7F8091A2B3"));
    }

    void v1NamespaceDiagnosticsAreNotItsResources()
    {
        const std::string text = R"({"ID":"BF314D79-AEC0-4D23-B516-8091A2B3C4D5","IsDefault":false,"CompartmentId":3,
            "Resources":{"AllocationOrder":0,"ID":"C0425E8A-BFD1-4E34-8627-91A2B3C4D5E6","State":1}})";
        Result<ImportResult> result = importDump({{"paste", text}});
        QVERIFY(result.ok());
        const json& ns = result->snapshot["Namespaces"].at(0);
        QVERIFY(!ns.contains("Resources") || ns["Resources"].is_array());
        QCOMPARE(ns["_v1"]["Resources"]["AllocationOrder"].get<int>(), 0);
    }

    void aPasteReadsWithoutFalseWarnings_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("note");       ///< in the object's notes
        QTest::addColumn<QStringList>("absent"); ///< part of no report message

        QTest::newRow("value/Count wrapper")
            << "powershell-value-count-wrapper.json"
            << "6F308B21-9C4D-4EAF-B203-4C5D6E7F8091"
            << "read the objects in PowerShell's value/Count wrapper" << QStringList{"not valid JSON"};
        QTest::newRow("value/Count wrapper cut inside its list: no Count, no closing bracket")
            << "powershell-value-count-wrapper-cut.json"
            << "8A3C5E71-2B4D-4F69-9E10-7C2D3B4A5F61"
            << "read the objects in PowerShell's value/Count wrapper"
            << QStringList{"not valid JSON", "not imported", "8A3C5E71-2B4D-4F69-9E10-7C2D3B4A5F61"};
        QTest::newRow("value/Count wrappers in a list, cut inside the second")
            << "powershell-value-count-wrappers-cut-in-second.json"
            << "B26F81A4-5E70-4C9D-8143-AF5061D7E8C4"
            << "read the objects in PowerShell's value/Count wrapper"
            << QStringList{"not valid JSON", "not imported", "B26F81A4-5E70-4C9D-8143-AF5061D7E8C4"};
        QTest::newRow("comments outside strings; `//` and `#` inside them stay")
            << "json-annotated-comments.jsonc"
            << "F70914BA-25D6-4738-819C-D5E6F708192A"
            << "dropped comments" << QStringList{"not valid JSON"};
        QTest::newRow("wrapped logrus field")
            << "logrus-escaped-wrapped.log"
            << "C4D6E187-F2A3-4405-9869-A2B3C4D5E6F7"
            << "unquoted from a log field" << QStringList{"never closes", "the paste starts inside"};
        QTest::newRow("wrapped and cut REST answer: its elements are no objects of their own")
            << "json-console-wrapped-cut.txt"
            << "A2B4CF65-D081-42E3-B647-8091A2B3C4D5"
            << "closed a value the paste cut off" << QStringList{"not a network", "the paste starts inside"};
        QTest::newRow("Go dump one member per line keeps its ID")
            << "go-plusv-member-per-line.log"
            << "0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D"
            << "joined the 7 lines the dump was spread over"
            << QStringList{"the paste starts inside", "the snapshot calls it"};
    }

    void aPasteReadsWithoutFalseWarnings()
    {
        QFETCH(QString, file);
        QFETCH(QString, id);
        QFETCH(QString, note);
        QFETCH(QStringList, absent);
        const ImportResult result = importFiles({file});
        const ImportedObject* o = object(result, id.toStdString());
        QVERIFY2(o, qPrintable(id));
        QVERIFY2(std::find(o->notes.begin(), o->notes.end(), note.toStdString()) != o->notes.end(),
                 qPrintable(note));
        const QStringList texts = messageTexts(result);
        for (const QString& a : absent)
            QVERIFY2(!anyContains(texts, a), qPrintable(a + " in:\n" + texts.join('\n')));
        if (file == "json-annotated-comments.jsonc") {
            const json* doc = document(result, ResourceKind::Endpoint, id.toStdString());
            QVERIFY(doc);
            QCOMPARE(doc->value("Name", ""), std::string("http://not-a-comment//name#1"));
        }
    }

    void restEnvelopeListGivesEachObject()
    {
        const ImportResult result = importFiles({"rest-envelope-array-output.json"});
        QVERIFY(result.objectCount() >= 2);
        for (const ImportedObject& o : result.report.objects)
            QVERIFY2(o.notes.end() != std::find(o.notes.begin(), o.notes.end(),
                                                std::string("taken from an HNS REST response's Output")),
                     o.id.c_str());
    }

    void v1EndpointsReadAsV2()
    {
        const ImportResult result = importFiles({"import-endpoints-depth2.json", "import-network-policylists.txt"});
        const json* local = document(result, ResourceKind::Endpoint, kLocalEndpoint);
        QVERIFY(local);
        QCOMPARE(QString::fromStdString((*local)["HostComputeNetwork"].get<std::string>()).toUpper(), QString(kNetwork));
        QCOMPARE((*local)["IpConfigurations"][0]["IpAddress"].get<std::string>(), std::string("10.244.1.17"));
        // Flattened policies are read back from PowerShell's text.
        QCOMPARE(policyTypes(*local), (QStringList{"OutBoundNAT", "SDNRoute", "EncapOverhead"}));
        QCOMPARE(QString::fromStdString((*local)["HostComputeNamespace"].get<std::string>()), QString(kNamespace));

        const json* remote = document(result, ResourceKind::Endpoint, kRemoteEndpoint);
        QVERIFY(remote);
        QCOMPARE((*remote)["Flags"].get<int>() & 1, 1);
        QVERIFY(policyTypes(*remote).contains("ProviderAddress"));
        QCOMPARE((*remote)["Policies"][0]["Settings"]["ProviderAddress"].get<std::string>(), std::string("192.168.10.22"));

        const ImportedObject* localReport = object(result, kLocalEndpoint);
        QVERIFY(localReport);
        QVERIFY(localReport->wasV1);
        QCOMPARE(localReport->source, std::string("import-endpoints-depth2.json"));
        QCOMPARE(localReport->firstLine, 2);
        QCOMPARE(localReport->lastLine, 31);
        QVERIFY(QString::fromStdString(localReport->originalText).startsWith("{\n        \"ActivityId\":  "));
        const QStringList lost = [&] {
            QStringList l;
            for (const std::string& s : localReport->lost)
                l << QString::fromStdString(s);
            return l;
        }();
        QVERIFY2(lost.contains("Policies[0].ExceptionList: not expanded by PowerShell (System.Object[])"),
                 qPrintable(lost.join('\n')));

        const ImportedObject* orphan = object(result, kOrphanEndpoint);
        QVERIFY(orphan);
        QCOMPARE(orphan->unknownFields, std::vector<std::string>{"CustomerTypo"});
    }

    void namespacesAndBackendsAreLinked()
    {
        const ImportResult result = importFiles({"import-endpoints-depth2.json", "import-network-policylists.txt"});
        const json* ns = document(result, ResourceKind::Namespace, kNamespace);
        QVERIFY(ns);
        QCOMPARE((*ns)["Resources"].size(), std::size_t(1));
        QCOMPARE(QString::fromStdString((*ns)["Resources"][0]["Data"]["ID"].get<std::string>()).toUpper(),
                 QString(kLocalEndpoint));
        const json* lb = document(result, ResourceKind::LoadBalancer, kLoadBalancer);
        QVERIFY(lb);
        QCOMPARE((*lb)["HostComputeEndpoints"].size(), std::size_t(2));
        QCOMPARE((*lb)["FrontendVIPs"][0].get<std::string>(), std::string("10.96.0.1"));
        const json* route = document(result, ResourceKind::SdnRoute, kRoute);
        QVERIFY(route);
        QCOMPARE((*route)["Routes"][0]["DestinationPrefix"].get<std::string>(), std::string("10.244.2.0/24"));
        QCOMPARE(result.snapshot["HnsVersion"], (json{{"Major", 9}, {"Minor", 2}}));
    }

    // A backend no file shows is a warning where the dump shows the endpoints its load balancer balances
    // over (its own file shows endpoints, or another of its backends is in the dump), and the summary
    // info otherwise: other files showing only other endpoints (another host) change nothing.
    void aMissingBackendWeighsWhatTheDumpShowsOfIt_data()
    {
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<QString>("message"); ///< "warning: ..." or "info: ...", in full
        QTest::addColumn<QString>("source");  ///< of the message

        QTest::newRow("a kube-proxy log alone")
            << QStringList{"kube-proxy-lb-another-host.log"}
            << "info: the dump shows no endpoints; 1 load balancer names 1 endpoint it does not show"
            << "";
        QTest::newRow("the same log with another host's hnsdiag list")
            << QStringList{"kube-proxy-lb-another-host.log", "hnsdiag-new-layout.txt"}
            << "info: this file shows no endpoints; 1 load balancer names 1 endpoint that no file shows (the "
               "other files' endpoints include none of these backends: another host or moment?)"
            << "kube-proxy-lb-another-host.log";
        QTest::newRow("the hnsdiag list first")
            << QStringList{"hnsdiag-new-layout.txt", "kube-proxy-lb-another-host.log"}
            << "info: this file shows no endpoints; 1 load balancer names 1 endpoint that no file shows (the "
               "other files' endpoints include none of these backends: another host or moment?)"
            << "kube-proxy-lb-another-host.log";
        QTest::newRow("one backend in the hnsdiag list, the other gone: stale")
            << QStringList{"kube-proxy-lb-stale-backend.log", "hnsdiag-new-layout.txt"}
            << "warning: load balancer 8a1d6e3f-2c94-4b07-9e58-c3f1a0d7b249: backend "
               "f6b2d8e1-0c47-4a93-8d15-29e7c4a0b6f3 is not in the dump"
            << "kube-proxy-lb-stale-backend.log";
    }

    void aMissingBackendWeighsWhatTheDumpShowsOfIt()
    {
        QFETCH(QStringList, files);
        QFETCH(QString, message);
        QFETCH(QString, source);

        const ImportResult result = importFiles(files);
        QStringList about; // every message naming a load balancer's missing endpoint
        for (const ImportMessage& m : result.report.messages) {
            const QString text = QString::fromStdString(m.message);
            if (text.contains(QLatin1String("backend")) || text.contains(QLatin1String("shows no endpoints")))
                about << QStringLiteral("%1|%2%3").arg(
                    QString::fromStdString(m.source),
                    m.severity == ImportSeverity::Warning ? "warning: " : "info: ", text);
        }
        QCOMPARE(about, QStringList{source + "|" + message});
    }

    void networkFoundByNameWhenOnlyTheNameIsGiven()
    {
        const std::string network = R"({"ID":"7d3e5a91-2c4b-4f6e-9a18-b0c2d4e6f801","Name":"cbr0","Type":"L2Bridge",
            "Subnets":[{"AddressPrefix":"10.244.1.0/24","GatewayAddress":"10.244.1.1"}]})";
        const std::string endpoint = R"({"ID":"5E6F7A8B-1111-4C2D-8E3F-4A5B6C7D8E9F","Name":"x","VirtualNetworkName":"CBR0",
            "IPAddress":"10.244.1.40"})";
        Result<ImportResult> result = importDump({{"a.json", network}, {"b.json", endpoint}});
        QVERIFY(result.ok());
        const json* ep = document(*result, ResourceKind::Endpoint, "5E6F7A8B-1111-4C2D-8E3F-4A5B6C7D8E9F");
        QVERIFY(ep);
        QCOMPARE((*ep)["HostComputeNetwork"].get<std::string>(), std::string("7d3e5a91-2c4b-4f6e-9a18-b0c2d4e6f801"));
        const ImportedObject* report = object(*result, "5E6F7A8B-1111-4C2D-8E3F-4A5B6C7D8E9F");
        QVERIFY(report->notes.end() != std::find(report->notes.begin(), report->notes.end(),
                                                 std::string("network found by its name \"CBR0\"")));
    }

    // A reference to a network the dump does not show is a warning where the dump lists networks, but
    // not where that listing is cut: the network may have followed the cut.
    void aReferenceAfterACutListingIsNoDanglingOne_data()
    {
        QTest::addColumn<QString>("networks"); ///< the text of networks.json
        QTest::addColumn<QString>("message");  ///< "warning: ..." or "info: ...", in full
        QTest::addColumn<QString>("folders");  ///< "" or "A B": networks.json in A/, endpoints.json in B/

        const QString nat =
            "{\"ID\":\"55FEDB88-4B11-4DA4-8CD1-59970718A804\",\"Name\":\"nat\",\"Type\":\"NAT\","
            "\"Subnets\":[{\"AddressPrefix\":\"172.29.144.0/20\",\"GatewayAddress\":\"172.2";
        QTest::newRow("the listing cut inside its one network")
            << "[" + nat
            << "info: 1 endpoint names 1 network the dump does not show; its networks are cut off "
               "(networks.json, "
               "line 1): they may have followed the cut"
            << "";
        QTest::newRow("the listing whole")
            << "[" + nat + "9.144.1\"}]}]"
            << "warning: endpoint web (0D1C2B3A-4F5E-4A6B-8C7D-9E0F1A2B3C4D): its network "
               "93C59A4B-1E2D-4C3B-9A8F-7E6D5C4B3A29 is not in the dump"
            << "";
        QTest::newRow("cut in a file of the same folder")
            << "[" + nat
            << "info: 1 endpoint names 1 network the dump does not show; its networks are cut off "
               "(node1/networks.json, line 1): they may have followed the cut"
            << "node1 node1";
        QTest::newRow("cut in another node's folder: it hides nothing of this one's")
            << "[" + nat
            << "warning: endpoint web (0D1C2B3A-4F5E-4A6B-8C7D-9E0F1A2B3C4D): its network "
               "93C59A4B-1E2D-4C3B-9A8F-7E6D5C4B3A29 is not in the dump"
            << "node1 node2";
    }

    void aReferenceAfterACutListingIsNoDanglingOne()
    {
        QFETCH(QString, networks);
        QFETCH(QString, message);
        QFETCH(QString, folders);
        const std::string endpoint = R"({"ID":"0D1C2B3A-4F5E-4A6B-8C7D-9E0F1A2B3C4D","Name":"web",
            "HostComputeNetwork":"93C59A4B-1E2D-4C3B-9A8F-7E6D5C4B3A29","IpConfigurations":[{"IpAddress":"10.244.1.7"}]})";
        const QStringList folder = folders.split(' ', Qt::SkipEmptyParts);
        const auto in = [&folder](qsizetype i, const char* name) {
            return (folder.isEmpty() ? QString() : folder[i] + '/').toStdString() + name;
        };
        Result<ImportResult> result = importDump(
            {{in(0, "networks.json"), networks.toStdString()}, {in(1, "endpoints.json"), endpoint}});
        QVERIFY(result.ok());
        QStringList about; // every message naming the missing network
        for (const ImportMessage& m : result->report.messages) {
            const QString text = QString::fromStdString(m.message);
            if (text.contains("93C59A4B") || text.contains("does not show"))
                about << (m.severity == ImportSeverity::Warning ? "warning: " : "info: ") + text;
        }
        QCOMPARE(about, QStringList{message});
    }

    // A value given twice and shown shortened in the loss is cut between characters, never inside one: the
    // report stays text (the snapshot is written as strict UTF-8).
    void aValueGivenTwiceIsShortenedBetweenCharacters()
    {
        std::string name;
        while (name.size() < 300)
            name += "\xE7\xBD\x91\xE7\xBB\x9C"; // 网络, three bytes a character
        for (std::size_t shift = 0; shift < 3; ++shift) {
            const std::string value = std::string(shift, 'x') + name;
            const std::string doc = "{\"ID\":\"8FC965DB-06E7-4A32-9158-D92736419BE0\",\"Name\":\"" + value +
                                    "\",\"Name\":\"" + value + "2\",\"IPAddress\":\"10.244.13.77\"}";
            Result<ImportResult> result = importDump({{"endpoint.json", doc}});
            QVERIFY(result.ok());
            const ImportedObject* endpoint = object(*result, "8FC965DB-06E7-4A32-9158-D92736419BE0");
            QVERIFY(endpoint);
            const auto given =
                std::find_if(endpoint->lost.begin(), endpoint->lost.end(), [](const std::string& l) {
                    return l.starts_with("Name: given twice in one object");
                });
            QVERIFY(given != endpoint->lost.end());
            QVERIFY2(isValidUtf8(*given), given->c_str());
            QVERIFY(given->find("...") != std::string::npos);
            (void)result->snapshot.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
        }
    }

    void aPlaceholderInFlattenedTextIsOneLoss()
    {
        // "@{...; ExceptionList=System.Object[]}" read back: the placeholder is reported once, with its
        // full path, not also as the flattened text's own loss.
        const std::string text = R"({"ID":"AB12CD34-EF56-4A78-9B0C-1D2E3F4A5B6C","IPAddress":"10.244.1.7",
            "VirtualNetworkName":"vxlan0","Policies":["@{Type=OutBoundNAT; ExceptionList=System.Object[]}"]})";
        Result<ImportResult> result = importDump({{"endpoint.json", text}});
        QVERIFY(result.ok());
        QCOMPARE(result->objectCount(), std::size_t(1));
        const std::vector<std::string>& lost = result->report.objects[0].lost;
        QCOMPARE(
            std::count_if(lost.begin(), lost.end(),
                          [](const std::string& l) { return l.find("ExceptionList") != std::string::npos; }),
            1);
    }

    void twoCapturesThatDisagreeAreAWarning()
    {
        // The same policy list captured at 09:00 (two backends, applied) and at 11:30 (one, not applied):
        // the snapshot holds one of them, and the report says the other differed and in what.
        const std::string morning =
            R"({"ID":"8B2F6D04-7E31-4C95-9A0D-F3E5B1C7A826","IsApplied":true,"State":2,
            "References":["/endpoints/AB12CD34-EF56-4A78-9B0C-1D2E3F4A5B6C","/endpoints/BC23DE45-F067-4B89-AC1D-2E3F4A5B6C7D"],
            "Policies":[{"Type":"ELB","VIPs":["10.96.0.10"],"Protocol":6,"InternalPort":80,"ExternalPort":80}]})";
        const std::string later = R"({"ID":"8B2F6D04-7E31-4C95-9A0D-F3E5B1C7A826","IsApplied":false,"State":4,
            "References":["/endpoints/AB12CD34-EF56-4A78-9B0C-1D2E3F4A5B6C"],
            "Policies":[{"Type":"ELB","VIPs":["10.96.0.10"],"Protocol":6,"InternalPort":80,"ExternalPort":80}]})";
        Result<ImportResult> result = importDump({{"policy-0900.txt", morning}, {"policy-1130.txt", later}});
        QVERIFY(result.ok());
        QCOMPARE(result->objectCount(), std::size_t(1));
        const QStringList texts = messageTexts(*result);
        QVERIFY2(anyContains(
                     texts,
                     "shown differently in policy-0900.txt line 1 (JSON) (HostComputeEndpoints, State); "
                     "the snapshot has it as in policy-1130.txt line 1 (JSON), which is later in the dump"),
                 qPrintable(texts.join('\n')));
        QVERIFY(std::any_of(result->report.messages.begin(), result->report.messages.end(),
                            [](const ImportMessage& m) { return m.severity == ImportSeverity::Warning; }));
    }

    void aPolicyListWithDifferentFrontendsIsSeveralLoadBalancers()
    {
        // Two ELB policies on other VIPs, one with DSR: two load balancers, each with its own VIP and
        // port, the first keeping the list's ID. Two ports of one VIP stay one load balancer.
        const std::string split =
            R"({"ID":"8B2F6D04-7E31-4C95-9A0D-F3E5B1C7A826","References":["/endpoints/AB12CD34-EF56-4A78-9B0C-1D2E3F4A5B6C"],
            "Policies":[{"Type":"ELB","VIPs":["192.168.1.23"],"Protocol":6,"InternalPort":8080,"ExternalPort":30080,"IsDSR":true},
                        {"Type":"ELB","VIPs":["10.104.17.200"],"Protocol":6,"InternalPort":8080,"ExternalPort":80,"ILB":true}]})";
        const std::string ports =
            R"({"ID":"5A9C3E71-2B04-4D8F-A6E3-C1F7B0D92E58","References":["/endpoints/AB12CD34-EF56-4A78-9B0C-1D2E3F4A5B6C"],
            "Policies":[{"Type":"ELB","VIPs":["10.96.0.10"],"Protocol":6,"InternalPort":53,"ExternalPort":53},
                        {"Type":"ELB","VIPs":["10.96.0.10"],"Protocol":17,"InternalPort":53,"ExternalPort":53}]})";
        Result<ImportResult> result = importDump({{"policy.txt", split + "\n" + ports}});
        QVERIFY(result.ok());
        const json& lbs = result->snapshot["LoadBalancers"];
        QCOMPARE(lbs.size(), std::size_t(3));
        std::map<std::string, json> byVip;
        for (const json& lb : lbs)
            byVip[lb["FrontendVIPs"][0].get<std::string>()] = lb;
        QCOMPARE(byVip["192.168.1.23"]["ID"], json("8B2F6D04-7E31-4C95-9A0D-F3E5B1C7A826"));
        QCOMPARE(byVip["192.168.1.23"]["PortMappings"].size(), std::size_t(1));
        QCOMPARE(byVip["192.168.1.23"]["FrontendVIPs"].size(), std::size_t(1));
        QCOMPARE(byVip["192.168.1.23"].value("Flags", 0), 1); // DSR on its own load balancer only
        QCOMPARE(byVip["10.104.17.200"].value("Flags", 0), 0);
        QCOMPARE(byVip["10.104.17.200"]["_v1"]["PolicyList"], json("8B2F6D04-7E31-4C95-9A0D-F3E5B1C7A826"));
        QVERIFY(byVip["10.104.17.200"]["ID"] != byVip["192.168.1.23"]["ID"]);
        QCOMPARE(byVip["10.104.17.200"]["HostComputeEndpoints"],
                 byVip["192.168.1.23"]["HostComputeEndpoints"]);
        QCOMPARE(byVip["10.96.0.10"]["PortMappings"].size(), std::size_t(2));
        // The report says which ID the import made up: the split-off load balancer's only.
        std::map<std::string, bool> madeUp;
        for (const ImportedObject& o : result->report.objects)
            madeUp[o.id] = o.idMadeUp;
        QCOMPARE(madeUp.size(), std::size_t(3));
        QVERIFY(madeUp[byVip["10.104.17.200"]["ID"].get<std::string>()]);
        QVERIFY(!madeUp["8B2F6D04-7E31-4C95-9A0D-F3E5B1C7A826"]);
        QVERIFY(!madeUp["5A9C3E71-2B04-4D8F-A6E3-C1F7B0D92E58"]);
        QCOMPARE(importReportToJson(result->report)["Objects"][0].value("IdMadeUp", true), false);
        // The same text imports to the same IDs.
        Result<ImportResult> again = importDump({{"policy.txt", split + "\n" + ports}});
        QVERIFY(again.ok());
        QCOMPARE(again->snapshot["LoadBalancers"], lbs);
    }

    /// Objects of one kind and source that lost the same things (what hnsdiag list never shows) share
    /// one loss message, however many rows there are; each object keeps its own losses, and objects
    /// that lost something of their own keep their own message.
    void lossesSharedByManyObjectsAreSaidOnce_data()
    {
        QTest::addColumn<int>("endpoints");
        QTest::addColumn<int>("lossMessages"); ///< about endpoints
        QTest::newRow("3 rows: one message each") << 3 << 3;
        QTest::newRow("4 rows: one message") << 4 << 1;
        QTest::newRow("3,000 rows: one message") << 3000 << 1;
    }

    void lossesSharedByManyObjectsAreSaidOnce()
    {
        QFETCH(int, endpoints);
        QFETCH(int, lossMessages);
        std::string table =
            "Endpoints:\nName             ID                                   Virtual Network Name\n";
        char id[40];
        for (int i = 0; i < endpoints; ++i) {
            std::snprintf(id, sizeof id, "%08X-7d24-4b9f-8e16-0f2b9c4d7a31", 0x1000 + i);
            table += "Ethernet         " + std::string(id) + " vxlan-cluster\n";
        }
        Result<ImportResult> result = importDump({{"hnsdiag.txt", table}});
        QVERIFY(result.ok());
        QCOMPARE(result->report.objects.size(), std::size_t(endpoints));
        for (const ImportedObject& o : result->report.objects)
            QCOMPARE(o.lost.size(), std::size_t(4));
        QStringList about;
        for (const ImportMessage& m : result->report.messages)
            if (m.message.find("not carried in full") != std::string::npos)
                about << QString::fromStdString(m.message);
        QCOMPARE(about.size(), lossMessages);
        if (lossMessages == 1) {
            const std::string first = "Ethernet (00001000-7d24-4b9f-8e16-0f2b9c4d7a31)";
            QVERIFY2(about.front().startsWith(
                         QString::fromStdString(std::to_string(endpoints) + " endpoints (" + first + ", ")),
                     qPrintable(about.front()));
            QVERIFY2(about.front().contains(QString::fromStdString(
                         " and " + std::to_string(endpoints - 3) +
                         " more): not carried in full by the dump, each the same way: VirtualNetwork: not "
                         "shown by hnsdiag list (only the network's name); ")),
                     qPrintable(about.front()));
        }
    }

    void aLossOfItsOwnKeepsItsOwnMessage()
    {
        // Four rows lose the same; the fifth does not name its network: its message names it alone.
        std::string table =
            "Endpoints:\nName             ID                                   Virtual Network Name\n";
        for (const char* id :
             {"0A000001-7d24-4b9f-8e16-0f2b9c4d7a31", "0A000002-7d24-4b9f-8e16-0f2b9c4d7a31",
              "0A000003-7d24-4b9f-8e16-0f2b9c4d7a31", "0A000004-7d24-4b9f-8e16-0f2b9c4d7a31"})
            table += "Ethernet         " + std::string(id) + " vxlan-cluster\n";
        table += "Ethernet         0A000005-7d24-4b9f-8e16-0f2b9c4d7a31\n";
        Result<ImportResult> result = importDump({{"hnsdiag.txt", table}});
        QVERIFY(result.ok());
        QStringList about;
        for (const ImportMessage& m : result->report.messages)
            if (m.message.find("not carried in full") != std::string::npos)
                about << QString::fromStdString(m.message);
        QVERIFY2(about.size() == 2 && about[0].startsWith("4 endpoints (") &&
                     about[1].startsWith("endpoint Ethernet (0A000005-7d24-4b9f-8e16-0f2b9c4d7a31): ") &&
                     about[1].contains("VirtualNetwork: not shown by hnsdiag list;"),
                 qPrintable(about.join('\n')));
    }

    void theSameObjectTwiceIsOneObject()
    {
        const std::string older = R"({"ID":"7D3E5A91-2C4B-4F6E-9A18-B0C2D4E6F801","Name":"cbr0","Type":"L2Bridge"})";
        const std::string newer = R"({"ID":"7d3e5a91-2c4b-4f6e-9a18-b0c2d4e6f801","Name":"cbr0","Type":"L2Bridge",
            "Subnets":[{"AddressPrefix":"10.244.1.0/24","GatewayAddress":"10.244.1.1"}]})";
        Result<ImportResult> result = importDump({{"network.txt", older}, {"networkdetailed.txt", newer}});
        QVERIFY(result.ok());
        QCOMPARE(result->objectCount(), std::size_t(1));
        const ImportedObject& o = result->report.objects[0];
        QCOMPARE(o.source, std::string("networkdetailed.txt"));
        QCOMPARE(o.notes, std::vector<std::string>{"also shown in network.txt line 1 (JSON)"});
    }

    void oldHnsOutputKeepsWhatTheCustomerHad()
    {
        const ImportResult result = importFiles({"import-2017-schema.json"});
        // The endpoint names its network in upper case, the network spells its ID in lower case.
        QVERIFY2(!anyContains(messageTexts(result), "is not in the dump"), qPrintable(messageTexts(result).join('\n')));
        const json* nat = document(result, ResourceKind::Network, "5b8e2f1a-7c3d-4e6f-9a0b-1c2d3e4f5a6b");
        QVERIFY(nat);
        // The gateway outside its subnet stays as HNS reported it: that is what a support engineer looks for.
        QCOMPARE((*nat)["Ipams"][0]["Subnets"][0]["Routes"][0]["NextHop"].get<std::string>(), std::string("172.24.0.1"));
        QCOMPARE(result.snapshot["HnsVersion"], (json{{"Major", 1}, {"Minor", 1}}));
        const json* endpoint = document(result, ResourceKind::Endpoint, "9f205c4d-ae6f-4192-8d3e-4f5a6b7c8d9e");
        QVERIFY(endpoint);
        QCOMPARE(policyTypes(*endpoint), QStringList{"PortMapping"});
        QCOMPARE((*endpoint)["Policies"][0]["Settings"]["Protocol"].get<int>(), 6);
    }

    void windows1252FileKeepsItsNames()
    {
        // Windows PowerShell 5.1's Set-Content writes the ANSI code page, not UTF-8.
        const ImportResult result = importFiles({"listview-network-windows1252.txt"});
        const json* network = document(result, ResourceKind::Network, "9A4C1E7B-2D58-4F03-B6E9-71C0D8A53F26");
        QVERIFY(network);
        QCOMPARE(QString::fromStdString((*network)["Name"].get<std::string>()),
                 QString::fromUtf8("Réseau-Müller"));
        const QStringList messages = messageTexts(result);
        QVERIFY2(anyContains(messages, "read as Windows-1252"), qPrintable(messages.join('\n')));
        QVERIFY2(!anyContains(messages, "were replaced"), qPrintable(messages.join('\n')));
    }

    void listViewObjectsImport()
    {
        const ImportResult result = importFiles({"listview-endpoints.txt", "listview-networks.txt"});
        QVERIFY(result.objectCount() >= 4);
        for (const ImportedObject& o : result.report.objects) {
            if (o.kind == ResourceKind::Namespace && o.originalText.empty())
                continue; // made from its endpoints' references
            QCOMPARE(o.format, DumpFormat::ListView);
            QVERIFY(o.wasV1);
            QVERIFY(o.firstLine > 0 && o.lastLine >= o.firstLine);
        }
        QVERIFY(result.snapshot.contains("HnsVersion"));
    }

    void tableRowsAreTheObjectsTheJsonShows()
    {
        const ImportResult result =
            importFiles({"collectlogs/network.txt", "collectlogs/endpoint.txt", "collectlogs/policy.txt"});
        const ImportedObject* remote = object(result, "8F900112-2334-4C5D-9E6F-708192A3B4C5");
        QVERIFY(remote);
        QCOMPARE(remote->format, DumpFormat::Json);
        QCOMPARE(remote->source, std::string("collectlogs/endpoint.txt"));
        QVERIFY2(std::find(remote->notes.begin(), remote->notes.end(),
                           std::string("also shown in collectlogs/endpoint.txt line 5 (table)")) != remote->notes.end(),
                 remote->notes.empty() ? "no notes" : remote->notes.back().c_str());
        const ImportedObject* nat = object(result, "2E6B9C40-81D3-4F5A-B7C2-94E0A1D3F5B6");
        QVERIFY(nat);
        QCOMPARE(nat->format, DumpFormat::Json);
        QCOMPARE(result.snapshot["HnsVersion"], (json{{"Major", 15}, {"Minor", 0}}));
    }

    void anObjectWithoutIdGetsAStableOne()
    {
        const std::string text = R"({"Name":"trimmed","IPAddress":"10.0.0.5","VirtualNetworkName":"nat"})";
        Result<ImportResult> first = importDump({{"paste", text}});
        Result<ImportResult> second = importDump({{"paste", text}});
        QVERIFY(first.ok() && second.ok());
        QCOMPARE(first->objectCount(), std::size_t(1));
        const ImportedObject& o = first->report.objects[0];
        QCOMPARE(o.id.size(), std::size_t(36));
        QCOMPARE(o.id, second->report.objects[0].id);
        QVERIFY(QString::fromStdString(o.lost.at(0)).startsWith("ID: not in the dump; the snapshot calls it "));
    }

    /// An ID the import makes up comes from the text, never from the file's name: the same text under
    /// another name (a bundle unpacked again, renamed, zipped, re-encoded) gives the object the same ID,
    /// so two imports of one host's dump compare without a false removal and addition. The same record in
    /// two hosts' files, which differ elsewhere, stays two objects.
    void aMadeUpIdComesFromTheTextNotTheFileName_data()
    {
        QTest::addColumn<QString>("firstName");
        QTest::addColumn<QByteArray>("firstText");
        QTest::addColumn<QString>("secondName");
        QTest::addColumn<QByteArray>("secondText");
        QTest::addColumn<bool>("sameId");

        const QByteArray endpoint = R"({"Name":"trimmed","IPAddress":"10.0.0.5","VirtualNetworkName":"nat"})";
        const QByteArray listView = readDump("listview-network-without-id-column.txt");
        QTest::newRow("another file name")
            << "network.txt" << listView << "rke2-issue.txt" << listView << true;
        QTest::newRow("inside an archive, in a folder")
            << "hns.txt" << listView << "collect.zip!SDNLogs_node1/network.txt" << listView << true;
        QTest::newRow("saved as UTF-16 with CRLF")
            << "network.txt" << listView << "network-utf16.txt"
            << utf16WithBom(QString::fromUtf8(listView).replace("\n", "\r\n")) << true;
        QTest::newRow("JSON under another name")
            << "paste" << endpoint << "endpoint.json" << endpoint << true;
        QTest::newRow("the same record in another host's file")
            << "node1/endpoint.txt"
            << "node1\n" + endpoint << "node2/endpoint.txt"
            << "node2\n" + endpoint << false;
    }

    void aMadeUpIdComesFromTheTextNotTheFileName()
    {
        QFETCH(QString, firstName);
        QFETCH(QByteArray, firstText);
        QFETCH(QString, secondName);
        QFETCH(QByteArray, secondText);
        QFETCH(bool, sameId);
        Result<ImportResult> first = importDump({{firstName.toStdString(), firstText.toStdString()}});
        Result<ImportResult> second = importDump({{secondName.toStdString(), secondText.toStdString()}});
        QVERIFY(first.ok() && second.ok());
        QCOMPARE(first->objectCount(), std::size_t(1));
        QCOMPARE(second->objectCount(), std::size_t(1));
        QVERIFY(first->report.objects[0].idMadeUp);
        QCOMPARE(first->report.objects[0].id == second->report.objects[0].id, sameId);
        // Imported together: one object when the texts are one host's, two when they are two hosts'.
        Result<ImportResult> both = importDump({{firstName.toStdString(), firstText.toStdString()},
                                                {secondName.toStdString(), secondText.toStdString()}});
        QVERIFY(both.ok());
        QCOMPARE(both->objectCount(), std::size_t(sameId ? 1 : 2));
    }

    /// An ID with blanks around it inside its quotes (found by fuzzing: a %#v dump) is the GUID: the
    /// snapshot holds it without them, so opening the snapshot skips nothing.
    void anIdWithBlanksAroundItIsTheGuid_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("id");
        QTest::newRow("JSON")
            << R"({"ID":"  5e7a1c2d-3b4f-4a6e-8d9c-0b1a2c3d4e5f   ","Name":"nat","Type":"NAT"})"
            << "5e7a1c2d-3b4f-4a6e-8d9c-0b1a2c3d4e5f";
        QTest::newRow("JSON, braces and blanks")
            << R"({"ID":" { 5E7A1C2D-3B4F-4A6E-8D9C-0B1A2C3D4E5F } ","Name":"nat","Type":"NAT"})"
            << "5E7A1C2D-3B4F-4A6E-8D9C-0B1A2C3D4E5F";
        QTest::newRow("a stray brace after it (found by fuzzing: a table cell)")
            << "{\"ID\":\"5c2e8a14-93b7-4d60-a1f2-7e9b3c4d5a68 "
               "\x7d\",\"Name\":\"cbr0\",\"Type\":\"L2Bridge\"}"
            << "5c2e8a14-93b7-4d60-a1f2-7e9b3c4d5a68";
        QTest::newRow("%#v")
            << R"(endpoint hcn.HostComputeEndpoint{Id:"C3D4E5F6-0718-491A-9B3C-4D5E6F708192   ", )"
               R"(Name:"pod-a", HostComputeNetwork:"5E7A1C2D-3B4F-4A6E-8D9C-0B1A2C3D4E5F"})"
            << "C3D4E5F6-0718-491A-9B3C-4D5E6F708192";
    }

    void anIdWithBlanksAroundItIsTheGuid()
    {
        QFETCH(QString, text);
        QFETCH(QString, id);
        Result<ImportResult> result = importDump({{"paste", text.toStdString()}});
        QVERIFY(result.ok());
        QCOMPARE(result->objectCount(), std::size_t(1));
        const ImportedObject& o = result->report.objects[0];
        QCOMPARE(QString::fromStdString(o.id), id);
        QVERIFY(std::any_of(o.notes.begin(), o.notes.end(), [](const std::string& n) {
            return QString::fromStdString(n).contains("blanks around");
        }));
        Result<std::shared_ptr<SnapshotApi>> api = SnapshotApi::fromDocument(result->snapshot, "import");
        QVERIFY(api.ok());
        QVERIFY((*api)->loadWarnings().empty());
    }

    /// A dump cut inside an object's ID shows the ID's start: the report says so, and an object of that
    /// kind the dump shows whole with an ID starting so (any case), with nothing that contradicts (its
    /// name), is that object seen again rather than a second one with a made-up ID.
    void aValueCutInsideItsIdIsTheObjectSeenWhole_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("objects"); // those with an ID the dump shows
        QTest::addColumn<int>("madeUp");
        QTest::addColumn<QString>("said"); // in some object's losses or notes

        const QString network = QStringLiteral("Network:5F1E3B2A-9C4D-4E6F-8A01-23456789ABCD");
        QTest::newRow("ConvertTo-Json cut inside the ID, alone")
            << "json-cut-inside-id.txt" << QStringList{} << 1
            << "ID: cut off after 5F1E3B2A-9C4D-4E6F-8A; the snapshot calls it ";
        QTest::newRow("ConvertTo-Json cut inside the ID, the network seen whole before")
            << "json-cut-inside-id-seen-whole.txt" << QStringList{network} << 0
            << "also shown in json-cut-inside-id-seen-whole.txt line 9 (JSON), cut off inside its ID after "
               "5F1E3B2A-9C4D-4E6F-8A";
        QTest::newRow("the cut JSON shows more than the list view that holds the whole ID")
            << "json-cut-inside-id-list-view-whole.txt" << QStringList{network} << 0
            << "ID: cut off after 5F1E3B2A-9C4D-4E6F-8A; it is 5f1e3b2a-9c4d-4e6f-8a01-23456789abcd, the "
               "network shown whole in json-cut-inside-id-list-view-whole.txt line 3 (list view)";
        QTest::newRow("a v2 document cut inside its ID, in lower case")
            << "hcn-v2-cut-inside-id.txt" << QStringList{network} << 0
            << "cut off inside its ID after 5f1e3b2a-9c4d-4e6f-8a01-2345";
        QTest::newRow("a Go struct dump cut inside its Id")
            << "go-cut-inside-id-seen-whole.log" << QStringList{network} << 0
            << "cut off inside its ID after 5f1e3b2a-9c4d-4e6f";
        QTest::newRow("a Go struct dump cut inside its Id, alone")
            << "go-cut-inside-id-alone.log" << QStringList{} << 1
            << "ID: cut off after 5f1e3b2a-9c4d-4e6f; the snapshot calls it ";
        QTest::newRow("an HNS answer's list cut inside its last object's ID")
            << "envelope-list-cut-inside-id.txt"
            << QStringList{network, "Network:7D3E5A91-2C4B-4F6E-9A18-B0C2D4E6F801"} << 0
            << "cut off inside its ID after 5F1E3B2A-9C";
        QTest::newRow("another name: another network")
            << "json-cut-inside-id-other-name.txt" << QStringList{network} << 1
            << "ID: cut off after 5F1E3B2A-9C4D-4E6F-8A; the snapshot calls it ";
        QTest::newRow("two networks the start fits: neither")
            << "json-cut-inside-id-two-fit.txt"
            << QStringList{network, "Network:5F9A0C7E-1D2B-4C3A-9E8F-0A1B2C3D4E5F"} << 1
            << "ID: cut off after 5F, which starts the IDs of 2 networks in the dump; the snapshot calls it ";
    }

    void aValueCutInsideItsIdIsTheObjectSeenWhole()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, objects);
        QFETCH(int, madeUp);
        QFETCH(QString, said);

        const ImportResult result = importFiles({file});
        QStringList shown;
        int made = 0;
        QStringList texts;
        for (const ImportedObject& o : result.report.objects) {
            if (o.idMadeUp)
                ++made;
            else
                shown << QStringLiteral("%1:%2").arg(QString::fromUtf8(resourceKindName(o.kind).data()),
                                                     QString::fromStdString(o.id).toUpper());
            for (const std::string& text : o.lost)
                texts << QString::fromStdString(text);
            for (const std::string& text : o.notes)
                texts << QString::fromStdString(text);
        }
        shown.sort();
        QCOMPARE(shown, objects);
        QCOMPARE(made, madeUp);
        QVERIFY2(anyContains(texts, said), qPrintable(texts.join('\n')));
        QVERIFY2(!anyContains(texts, "ID: not in the dump"), qPrintable(texts.join('\n')));
    }

    void aShapeTheMappingRefusesLosesOnlyThatMember()
    {
        // DNSServerList as a number is nothing HNS writes: that member is kept aside, the endpoint imports.
        const std::string text = R"({"ID":"6F7A8B9C-2222-4D3E-8F4A-5B6C7D8E9FA0","Name":"odd","IPAddress":"10.0.0.6",
            "DNSServerList":{"x":1},"VirtualNetwork":"7D3E5A91-2C4B-4F6E-9A18-B0C2D4E6F801"})";
        Result<ImportResult> result = importDump({{"paste", text}});
        QVERIFY(result.ok());
        QCOMPARE(result->objectCount(), std::size_t(1));
        const ImportedObject& o = result->report.objects[0];
        QVERIFY2(!o.lost.empty() && QString::fromStdString(o.lost[0]).startsWith("DNSServerList: not in a shape HNS writes"),
                 o.lost.empty() ? "no loss" : o.lost[0].c_str());
        const json& doc = result->snapshot["Endpoints"][0];
        QCOMPARE(doc["_v1"]["DNSServerList"], (json{{"x", 1}}));
        QCOMPARE(doc["IpConfigurations"][0]["IpAddress"].get<std::string>(), std::string("10.0.0.6"));
    }

    /// Found by fuzzing: a policy's Type that is not text ended the whole import (and hcnctl) with an
    /// exception. A member of another type than HNS writes reads as absent; the object still imports.
    void aTypeThatIsNoTextCostsNoImport_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("object");
        QTest::newRow("an endpoint policy's Type is a number")
            << R"({"ID":"6F7A8B9C-3333-4D3E-8F4A-5B6C7D8E9FA0","Name":"web","IPAddress":"10.0.0.7",
                  "VirtualNetwork":"7D3E5A91-2C4B-4F6E-9A18-B0C2D4E6F801","Policies":[{"Type":5,"Action":"Block"}]})"
            << "Endpoint:6F7A8B9C-3333-4D3E-8F4A-5B6C7D8E9FA0";
        QTest::newRow("a policy list's policy Type is a list")
            << R"({"ID":"B5A4C3D2-4444-4A9B-8C7D-6E5F4A3B2C1D","References":["/endpoints/6F7A8B9C-3333-4D3E-8F4A-5B6C7D8E9FA0"],
                  "Policies":[{"Type":["ELB"],"VIPs":["10.96.0.1"]},{"Type":"ELB","VIPs":["10.96.0.2"],"Protocol":6}]})"
            << "LoadBalancer:B5A4C3D2-4444-4A9B-8C7D-6E5F4A3B2C1D";
        QTest::newRow("a namespace resource's Type is an object")
            << R"({"ID":"A1B2C3D4-5555-4E5F-8A9B-0C1D2E3F4A5B","IsDefault":false,"CompartmentId":3,
                  "ResourceList":[{"Type":{"x":1},"Data":{"Id":"6F7A8B9C-3333-4D3E-8F4A-5B6C7D8E9FA0"}}]})"
            << "Namespace:A1B2C3D4-5555-4E5F-8A9B-0C1D2E3F4A5B";
    }

    void aTypeThatIsNoTextCostsNoImport()
    {
        QFETCH(QString, text);
        QFETCH(QString, object);
        Result<ImportResult> result = importDump({{"paste", text.toStdString()}});
        QVERIFY(result.ok());
        QVERIFY2(objectList(*result).contains(object), qPrintable(objectList(*result).join(' ')));
        Result<std::shared_ptr<SnapshotApi>> api = SnapshotApi::fromDocument(result->snapshot, "import");
        QVERIFY(api.ok());
    }

    /// A log line that shows a request HNS refused has the report name the error: the operation that
    /// failed, the code as the error decoder names it and the message logged, whatever form the code is
    /// written in, and read whole where a console wrapped the line. `messages`: the report's messages
    /// about refusals, in order, whole ("HNS reported a failure: ..." for an HNS answer, "HNS refused a
    /// request: ..." for a line without one).
    void refusedRequestsNameTheError_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("messages");

        const QString klog = "E1205 10:01:02.118230    4120 proxier.go:1180] ";
        const QString invalidReference =
            "hcnCreateLoadBalancer failed: HCN_E_INVALID_JSON_REFERENCE (0x803B001C), \"The provided JSON "
            "reference is invalid.\"";
        const QString portExists =
            "HCN_E_PORT_ALREADY_EXISTS (0x803B0013), \"The specified port already exists.\"";
        QTest::newRow("hcsshim's error and HNS's answer on one line")
            << klog + "Policy creation failed: hcnCreateLoadBalancer failed in Win32: The provided JSON "
                      "reference is invalid. (0x803b001c) {\"Success\":false,\"Error\":\"The provided JSON "
                      "reference is invalid. \",\"ErrorCode\":2151350300}"
            << QStringList{"1: HNS reported a failure: " + invalidReference +
                           " (logged as \"Policy creation failed\")"};
        QTest::newRow("the same, escaped in a klog field")
            << klog + "\"Policy creation failed\" err=\"hcnCreateLoadBalancer failed in Win32: The provided "
                      "JSON reference is invalid. (0x803b001c) {\\\"Success\\\":false,\\\"Error\\\":\\\"The "
                      "provided JSON reference is invalid. \\\",\\\"ErrorCode\\\":2151350300}\""
            << QStringList{"1: HNS reported a failure: " + invalidReference +
                           " (logged as \"Policy creation failed\")"};
        QTest::newRow("hcsshim's wrapper of its call between the daemon's step and hnsCall")
            << "time=\"2020-07-04T23:39:01Z\" level=error msg=\"Failed creating ingress network: failed "
               "during "
               "hnsCallRawResponse: hnsCall failed in Win32: An adapter was not found. (0x803b0006)\""
            << QStringList{"1: HNS refused a request: create ingress network failed: HCN_E_ADAPTER_NOT_FOUND "
                           "(0x803B0006), \"An adapter was not found.\""};
        QTest::newRow("a klog record's step before its error, a log viewer's columns before it")
            << "1320802 mai 09 18:41  Error  kube-proxy  0 E0509 18:41:13.804062    3176 proxier.go:1034] "
               "Policy "
               "creation failed: hnsCall failed in Win32: The provided policy configuration is invalid or "
               "missing parameters. (0x803b000d)"
            << QStringList{
                   "1: HNS refused a request: hnsCall failed: HCN_E_INVALID_POLICY (0x803B000D), \"The "
                   "provided policy configuration is invalid or missing parameters.\" (logged as "
                   "\"Policy creation failed\")"};
        QTest::newRow("dockerd's API handler names the call")
            << "> Handler for POST /v1.25/networks/create returned error: HNS failed with error : The "
               "parameter is incorrect. "
            << QStringList{
                   "1: HNS refused a request: create network (Docker API POST /networks/create) failed: "
                   "E_INVALIDARG (0x80070057), \"The parameter is incorrect.\" (code from the message "
                   "text)"};
        QTest::newRow("dockerd's API handler in its logrus record")
            << "time=\"2024-05-02T10:00:00Z\" level=error msg=\"Handler for POST /v1.41/networks/create "
               "returned "
               "error: HNS failed with error : The parameter is incorrect. \""
            << QStringList{
                   "1: HNS refused a request: create network (Docker API POST /networks/create) failed: "
                   "E_INVALIDARG (0x80070057), \"The parameter is incorrect.\" (code from the message "
                   "text)"};
        QTest::newRow("dockerd's API handler of a deletion")
            << "Handler for DELETE /v1.41/networks/nat returned error: HNS failed with error : The network "
               "was not found."
            << QStringList{"1: HNS refused a request: delete network nat (Docker API DELETE /networks/nat) "
                           "failed: HCN_E_NETWORK_NOT_FOUND (0x803B0001), \"The network was not found.\" "
                           "(code from the message text)"};
        QTest::newRow("two lines, each a sentence in markdown emphasis: two failures")
            << "**docker network create -d transparent mynet**  fails _HNS failed with error : The "
               "Parameter is incorrect._\n**docker compose up -d** without any parameters fails with _HNS "
               "failed with error : The parameter is incorrect._"
            << QStringList{"1: HNS refused a request: E_INVALIDARG (0x80070057), \"The parameter is "
                           "incorrect.\" (code from the message text) (2 times, lines 1-2)"};
        QTest::newRow("HNS's trace: a WIL failure record's fields one a line")
            << "What kinds of logs do we need:\n\thresult: \t0x803B0017\n\tmessage: \tEntity "
               "B95D0C5E-57D4-412B-B571-18A81A16E005 is in invalid State\n\tmodule: \thostnetsvc.dll\n\n"
               "The trace shows the network"
            << QStringList{"2-4: HNS refused a request: HCN_E_DEGRADED_OPERATION (0x803B0017), \"Entity "
                           "B95D0C5E-57D4-412B-B571-18A81A16E005 is in invalid State\""};
        QTest::newRow("HNS's trace record under its provider's line, its call context the step")
            << "Microsoft-Windows-Host-Network-Service\tActivityError\t07-18-2024 07:30:45.611\n"
               "\tcallContext: \t\\HnsRpcV2_Open\n\tfailureType: \t0\n\thresult: \t0x803B0001\n"
               "\tmessage: \t\n\tthreadId: \t4120"
            << QStringList{"2-6: HNS refused a request: HnsRpcV2_Open failed: HCN_E_NETWORK_NOT_FOUND "
                           "(0x803B0001), \"The network was not found.\""};
        QTest::newRow("another provider's record under HNS's: none")
            << "Microsoft-Windows-Host-Network-Service  ActivityStop  07:30:45.600\n"
               "Microsoft-Windows-Hyper-V-VmSwitch  ActivityError  07:30:45.611\n"
               "\thresult: \t0x80070005\n\tmessage: \tAccess is denied.\n\tcallContext: \t\\VmsIfAddPort"
            << QStringList{};
        QTest::newRow("another module's record under HNS's provider line: none")
            << "Microsoft-Windows-Host-Network-Service\tActivityError\n\tmodule: \tvmcompute.dll\n"
               "\thresult: \t0x80070005"
            << QStringList{};
        QTest::newRow("two of HNS's trace records one after the other: each its own")
            << "\thresult: \t0x803B0017\n\tmessage: \tEntity 5E2C8A17-3B94-4D60-A1F8-27C0D9E4B6A3 is in "
               "invalid State\n\tmodule: \thostnetsvc.dll\n\thresult: \t0x803B0001\n\tmodule: "
               "\thostnetsvc.dll"
            << QStringList{
                   "1-3: HNS refused a request: HCN_E_DEGRADED_OPERATION (0x803B0017), \"Entity "
                   "5E2C8A17-3B94-4D60-A1F8-27C0D9E4B6A3 is in invalid State\"",
                   "4-5: HNS refused a request: HCN_E_NETWORK_NOT_FOUND (0x803B0001), \"The network was "
                   "not found.\""};
        QTest::newRow("fields of another module's trace: none")
            << "\thresult: \t0x80070005\n\tmessage: \tAccess is denied.\n\tmodule: \twslservice.exe"
            << QStringList{};
        QTest::newRow("an answer cut after its whole Windows message, a blank line after it")
            << "Looking at the logs:\n` 0x800700B7 | HcnCreateNetwork {\"Success\":false,\"Error\":\"Cannot "
               "create a file when that file already exists. `\n\nThis is it."
            << QStringList{"2: HNS reported a failure: HcnCreateNetwork failed: ERROR_ALREADY_EXISTS "
                           "(0x800700B7), \"Cannot create a file when that file already exists.\""};
        QTest::newRow("one refusal said for three create requests names none of them")
            << "[10:00:01.100][WindowsDaemon  ][Info   ] debug: [POST]=>[/networks/] Request : "
               "{\"Name\":\"ovl0\",\"Type\":\"overlay\"}\n"
               "[10:00:01.102][WindowsDaemon  ][Error  ] fatal task error [error=HNS failed with error : An "
               "adapter was not found.  service.id=z9\n"
               "[10:00:01.200][WindowsDaemon  ][Info   ] debug: [POST]=>[/networks/] Request : "
               "{\"Name\":\"ovl1\",\"Type\":\"overlay\"}\n"
               "[10:00:01.202][WindowsDaemon  ][Error  ] fatal task error [error=HNS failed with error : An "
               "adapter was not found.  service.id=z9\n"
            << QStringList{
                   "2: HNS refused a request: HCN_E_ADAPTER_NOT_FOUND (0x803B0006), \"An adapter was not "
                   "found.\" (code from the message text) (2 times, lines 2, 4)"};
        QTest::newRow("docker stack ps: each row's error cell its own, the printing command no request")
            << "PS C:\\> docker stack ps web\n"
               "ID             NAME            NODE       DESIRED STATE   CURRENT STATE             ERROR  "
               "                            PORTS\n"
               "k3x9q2w8e1r4   web_api.1       WIN-NODE1  Running         Rejected 10 seconds ago   "
               "\"hnsCall failed in Win32: The …\"\n"
               "p0o9i8u7y6t5    \\_ web_api.1   WIN-NODE1  Shutdown        Rejected 25 seconds ago   "
               "\"hnsCall failed in Win32: The …\"\n"
               "z1x2c3v4b5n6   web_db.1        WIN-NODE2  Running         Running 2 minutes ago\n"
            << QStringList{"3: HNS refused a request: hnsCall failed: \"The …\" (cut) (2 times, lines 3-4)"};
        QTest::newRow("hcsshim's error without HNS's answer")
            << klog + "Policy creation failed: hcnCreateLoadBalancer failed in Win32: The provided JSON "
                      "reference is invalid. (0x803b001c)"
            << QStringList{"1: HNS refused a request: " + invalidReference +
                           " (logged as \"Policy creation failed\")"};
        QTest::newRow("a Win32 error number in a klog field")
            << klog + "\"Policy creation failed\" err=\"hnsCall failed in Win32: The object already exists. "
                      "(0x1392)\""
            << QStringList{
                   "1: HNS refused a request: hnsCall failed: ERROR_OBJECT_ALREADY_EXISTS "
                   "(0x80071392), \"The object already exists.\" (logged as \"Policy creation failed\")"};
        QTest::newRow("hcsshim's check of HNS's answer: the message only")
            << "time=\"2026-12-05T10:01:04Z\" level=error msg=\"HNS failed with error : The object already "
               "exists. \""
            << QStringList{"1: HNS refused a request: ERROR_OBJECT_ALREADY_EXISTS (0x80071392), \"The object "
                           "already exists.\" (code from the message text)"};
        QTest::newRow("the message only, a message the decoder knows")
            << "time=\"2026-12-05T10:01:04Z\" level=error msg=\"HNS failed with error : The specified port "
               "already exists. \""
            << QStringList{"1: HNS refused a request: " + portExists + " (code from the message text)"};
        QTest::newRow("the code only, an HRESULT")
            << klog + "hcnDeleteEndpoint failed with HRESULT 0x803b0002"
            << QStringList{"1: HNS refused a request: hcnDeleteEndpoint failed: HCN_E_ENDPOINT_NOT_FOUND "
                           "(0x803B0002), \"The endpoint was not found.\""};
        QTest::newRow("the code only, by name")
            << klog + "hcnCreateEndpoint failed: HCN_E_PORT_ALREADY_EXISTS"
            << QStringList{"1: HNS refused a request: hcnCreateEndpoint failed: " + portExists};
        QTest::newRow("an HNS call, the code before the message")
            << klog + "HNSCall Method POST Path /endpoints failed: Error: 0x803b0013 The specified port "
                      "already exists."
            << QStringList{"1: HNS refused a request: HNS call POST /endpoints failed: " + portExists};
        QTest::newRow("an HNS call, its code in decimal")
            << klog + "HNSCall Method DELETE Path /policylists/4F0E1D2C-3B4A-4958-A716-B5C4D3E2F1A0 failed "
                      "with ErrorCode=-2143617011"
            << QStringList{"1: HNS refused a request: HNS call DELETE /policylists/4F0E1D2C-3B4A-4958-A716-"
                           "B5C4D3E2F1A0 failed: HCN_E_INVALID_POLICY (0x803B000D), \"The provided policy "
                           "configuration is invalid or missing parameters.\""};
        QTest::newRow("a network change, the message before the code")
            << klog + "hcnModifyNetwork failed in Win32: The network was not found. (0x803b0001)"
            << QStringList{"1: HNS refused a request: hcnModifyNetwork failed: HCN_E_NETWORK_NOT_FOUND "
                           "(0x803B0001), \"The network was not found.\""};
        const QString line = klog + "hcnCreateEndpoint failed in Win32: The specified port already exists. "
                                    "(0x803b0013)";
        QTest::newRow("wrapped by a console inside the message")
            << line.left(line.indexOf("already") + 4) + "\n" + line.mid(line.indexOf("already") + 4)
            << QStringList{"1-2: HNS refused a request: hcnCreateEndpoint failed: " + portExists};
        QTest::newRow("wrapped by a console inside the code")
            << line.left(line.indexOf("0x803b") + 6) + "\n" + line.mid(line.indexOf("0x803b") + 6)
            << QStringList{"1-2: HNS refused a request: hcnCreateEndpoint failed: " + portExists};
        QTest::newRow("the same error again is counted")
            << line + "\n" + line
            << QStringList{"1: HNS refused a request: hcnCreateEndpoint failed: " + portExists +
                           " (2 times, lines 1-2)"};
        QTest::newRow("the message after the code the words before it lead to")
            << "Error : HNS failed with 0x803b0013 : element not found"
            << QStringList{
                   "1: HNS refused a request: HCN_E_PORT_ALREADY_EXISTS (0x803B0013), \"element not found\""};
        QTest::newRow("a row of a table as wide as the row before it is read from its own start")
            << "   90411 Mar 14 07:12  Information kube-proxy   0 I0314 07:12:09.409877    2240 "
               "proxier.go:117] "
               "Syncing\n"
               "   90410 Mar 14 07:12  Information kube-proxy   0 E0314 07:12:09.401300    2240 "
               "proxier.go:1034] "
               "Policy creation failed: hnsCall failed in Win32: The specified port already exists. "
               "(0x803b0013)"
               "\n   90409 Mar 14 07:12  Information kube-proxy   0 I0314 07:12:09.398654    2240 "
               "proxier.go:117] Hns Endpoint resource, {\"ID\":\"7C39E504-B2D6-4F81-A043-5E9DBC2F613A\","
               "\"Name\":\"Ethernet\",\"IPAddress\":\"10.244.1.9\"}"
            << QStringList{"2: HNS refused a request: hnsCall failed: " + portExists +
                           " (logged as \"Policy creation failed\")"};
        QTest::newRow("a message without a code ends at its sentence, not at the next command")
            << "> PS C:\\Users\\Administrator> docker network create -d transparent mynet\n"
               "> Error response from daemon: HNS failed with error : Element not found.\n"
               "> PS C:\\Users\\Administrator> docker version\n"
               "> Client:\n"
               ">  Version:      17.05.0-ce"
            << QStringList{
                   "2: HNS refused a request: docker network create -d transparent mynet failed: "
                   "ERROR_NOT_FOUND (0x80070490), \"Element not found.\" (code from the message text)"};
        QTest::newRow("the step docker names before HNS's error")
            << "Error response from daemon: failed to create endpoint vibrant_einstein on network nat: HNS "
               "failed with error : The object already exists."
            << QStringList{"1: HNS refused a request: create endpoint vibrant_einstein on network nat "
                           "failed: ERROR_OBJECT_ALREADY_EXISTS (0x80071392), \"The object already exists.\" "
                           "(code from the message text)"};
        QTest::newRow("the step a daemon's log names, after the steps it was part of")
            << "time=\"2016-05-31T16:45:52.596002000+12:00\" level=fatal msg=\"Error starting daemon: Error "
               "initializing network controller: Error creating default network: HNS failed with error : "
               "Failed to create network\""
            << QStringList{
                   "1: HNS refused a request: creating default network failed: \"Failed to create "
                   "network\" (no error code in the log); dockerd exited at line 1 (a fatal log line)"};
        QTest::newRow("an answer to no docker command names no step")
            << "PS C:\\> Get-Date\nError response from daemon: HNS failed with error : Element not found."
            << QStringList{"2: HNS refused a request: ERROR_NOT_FOUND (0x80070490), \"Element not found.\" "
                           "(code from the message text)"};
        const QString natError =
            "Could not create a new NAT network nat with Gateway 172.22.16.1 and Subnet mask 172.22.16.0/16. "
            "HcnCreateNetwork -- HRESULT: 2151350282. Result: {\"Success\":false,\"Error\":\"The provided "
            "network "
            "configuration is invalid or missing parameters. \",\"ErrorCode\":2151350282}";
        const QString invalidNetwork =
            "HcnCreateNetwork failed: HCN_E_INVALID_NETWORK (0x803B000A), \"The provided "
            "network configuration is invalid or missing parameters.\"";
        const int blank = natError.indexOf("The provided") + 3;
        const int key = natError.indexOf("{\"Suc") + 5;
        QTest::newRow(
            "the same answer again in its error record, wrapped inside a key at another width: once")
            << natError.left(blank) + "\n" + natError.mid(blank + 1) +
                   "\nAt C:\\Scripts\\New-NatNetwork.ps1:41 char:5\n    + FullyQualifiedErrorId : " +
                   natError.left(key) + "\n   " + natError.mid(key)
            << QStringList{"1-5: HNS reported a failure: " + invalidNetwork};
        QTest::newRow("a failure of HCS is none of HNS")
            << klog +
                   "hcsCreateComputeSystem failed in Win32: The system cannot find the file specified. (0x2)"
            << QStringList{};
        QTest::newRow("a success is none") << klog + "hcnCreateEndpoint succeeded; no error" << QStringList{};
        QTest::newRow("HNS's answer as a PowerShell hashtable: the message up to the next key, the request "
                      "its error record echoes")
            << "Invoke-HnsRequest : @{Error=A network with this name already exists. ; ErrorCode=2151350288; "
               "Success=False}\nAt C:\\k\\scripts\\hns.psm1:240 char:12\n+ ...   return Invoke-HnsRequest "
               "-Method POST -Type networks -Data $body ..."
            << QStringList{
                   "1-3: HNS reported a failure: create network (Invoke-HnsRequest POST networks) failed: "
                   "HCN_E_NETWORK_ALREADY_EXISTS (0x803B0010), \"A network with this name already exists.\""};
        QTest::newRow("the request its error record echoes, its arguments as PowerShell reads them")
            << "Invoke-HnsRequest : @{Error=The endpoint was not found. ; ErrorCode=2151350274; "
               "Success=False}\nAt line:1 char:1\n+ Invoke-HnsRequest -Method:DELETE -Type 'endpoints' -Id "
               "\"9d1f0a2c-5b7e-4c3a-8e21-6f4b2d9c0a17\""
            << QStringList{
                   "1-3: HNS reported a failure: delete endpoint 9d1f0a2c-5b7e-4c3a-8e21-6f4b2d9c0a17 "
                   "(Invoke-HnsRequest DELETE endpoints) failed: HCN_E_ENDPOINT_NOT_FOUND (0x803B0002), "
                   "\"The endpoint was not found.\""};
        QTest::newRow("the line where a PowerShell error arose is no piece of its message")
            << "Invoke-HnsRequest : HNS failed with error : The network was not found\nAt "
               "C:\\k\\scripts\\hns.psm1:240 char:12"
            << QStringList{"1: HNS refused a request: HCN_E_NETWORK_NOT_FOUND (0x803B0001), \"The network "
                           "was not found.\" (code from the message text)"};
        QTest::newRow("nor is a PowerShell error record's CategoryInfo")
            << "Invoke-HnsRequest : HNS failed with error : The network was not found\n    + CategoryInfo    "
               " "
               "     : NotSpecified: (:) [Write-Error], WriteErrorException"
            << QStringList{"1: HNS refused a request: HCN_E_NETWORK_NOT_FOUND (0x803B0001), \"The network "
                           "was not found.\" (code from the message text)"};
        QTest::newRow("a markdown code span around the line")
            << "`Error response from daemon: failed to create endpoint quirky_hopper on network nat: HNS "
               "failed "
               "with error : The object already exists.`"
            << QStringList{"1: HNS refused a request: create endpoint quirky_hopper on network nat failed: "
                           "ERROR_OBJECT_ALREADY_EXISTS (0x80071392), \"The object already exists.\" (code "
                           "from the message text)"};
        QTest::newRow("a markdown code span ends HNS's text; prose and a link after it are not of it")
            << "Adding an ACL policy to the endpoint fails with `HNS failed with error : The parameter is "
               "incorrect`. The program is [in this gist](https://gist.example.org/acl). To run it:\n"
               "```\n"
               "2026/11/02 09:14:07 HNS failed with error : The parameter is incorrect."
            << QStringList{"3: HNS refused a request: E_INVALIDARG (0x80070057), \"The parameter is "
                           "incorrect.\" (code from the message text) (also quoted at line 1)"};
        QTest::newRow("a klog line without its header is the log record; an issue's title quotes it")
            << "# cni_windows.go:50] error while adding to cni network: error while ProvisionEndpoint\" "
               "\"There was an operation attempted on a degraded object.\"\n\n"
               "Pods restart; the error is:\n\n"
               "cni_windows.go:50] error while adding to cni network: error while ProvisionEndpoint\" "
               "\"There was an operation attempted on a degraded object.\""
            << QStringList{"5: HNS refused a request: create endpoint failed: HCN_E_DEGRADED_OPERATION "
                           "(0x803B0017), \"There was an operation attempted on a degraded object.\" (code "
                           "from the message text); setting up the network of a pod failed with it (also "
                           "quoted at line 1)"};
        QTest::newRow("the same with the klog line's header")
            << "# cni_windows.go:50] error while adding to cni network: error while ProvisionEndpoint\" "
               "\"There was an operation attempted on a degraded object.\"\n\n"
               "Pods restart; the error is:\n\n"
               "E1210 10:00:00.000000    1234 cni_windows.go:50] error while adding to cni network: error "
               "while ProvisionEndpoint\" \"There was an operation attempted on a degraded object.\""
            << QStringList{"5: HNS refused a request: create endpoint failed: HCN_E_DEGRADED_OPERATION "
                           "(0x803B0017), \"There was an operation attempted on a degraded object.\" (code "
                           "from the message text); setting up the network of a pod failed with it (also "
                           "quoted at line 1)"};
        QTest::newRow("two klog lines without their headers are two records")
            << "cni_windows.go:50] error while adding to cni network: error while ProvisionEndpoint\" "
               "\"There was an operation attempted on a degraded object.\"\n"
               "cni_windows.go:50] error while adding to cni network: error while ProvisionEndpoint\" "
               "\"There was an operation attempted on a degraded object.\""
            << QStringList{"1: HNS refused a request: create endpoint failed: HCN_E_DEGRADED_OPERATION "
                           "(0x803B0017), \"There was an operation attempted on a degraded object.\" (code "
                           "from the message text); setting up the network of a pod failed with it (2 times, "
                           "lines 1-2)"};
        QTest::newRow("a message a console wrapped at 80 columns, cut on the paste's last line")
            << "Invoke-HnsRequest : HNS failed with error : The network was not found and the en\n"
               "dpoint could not be created because"
            << QStringList{"1-2: HNS refused a request: \"The network was not found and the endpoint could "
                           "not be created because\" (cut)"};
        QTest::newRow("the same wrapped at 120 columns")
            << "2026-12-03T10:00:00Z New-HnsEndpoint failed: Invoke-HnsRequest : HNS failed with error : The "
               "network was not found and t\n"
               "he endpoint could not be created because"
            << QStringList{"1-2: HNS refused a request: \"The network was not found and the endpoint could "
                           "not be created because\" (cut)"};
        QTest::newRow("HNS's text ends at its known sentence; the next sentence is the writer's")
            << "The update fails: HNS failed with error : The parameter is incorrect. The program to "
               "reproduce it is below."
            << QStringList{"1: HNS refused a request: E_INVALIDARG (0x80070057), \"The parameter is "
                           "incorrect.\" (code from the message text)"};
        QTest::newRow("docker's remote network driver passing on an HCS error")
            << "docker: Error response from daemon: failed to create endpoint web01 on network overlay1: "
               "remote: A Compute System with the specified identifier does not exist."
            << QStringList{"1: Docker's remote network driver passed on HCS's error (the compute system "
                           "service, not HNS): create endpoint web01 on network overlay1 failed: "
                           "HCS_E_SYSTEM_NOT_FOUND (0xC037010E), \"A Compute System with the specified "
                           "identifier does not exist.\" (code from the message text)"};
        QTest::newRow("docker's remote network driver passing on HNS's error")
            << "docker: Error response from daemon: failed to create endpoint web01 on network overlay1: "
               "remote: HNS failed with error : Element not found."
            << QStringList{"1: Docker's remote network driver passed on HNS's error: create endpoint web01 "
                           "on network overlay1 failed: ERROR_NOT_FOUND (0x80070490), \"Element not found.\" "
                           "(code from the message text)"};
        QTest::newRow("docker's endpoint create with today's wording of the HCS error")
            << "Error response from daemon: failed to create endpoint web02 on network nat: A virtual "
               "machine or container with the specified identifier does not exist."
            << QStringList{
                   "1: HCS (the compute system service, not HNS) refused a request: create endpoint web02 on "
                   "network nat failed: HCS_E_SYSTEM_NOT_FOUND (0xC037010E), \"A virtual machine or "
                   "container with the specified identifier does not exist.\" (code from the message text)"};
        QTest::newRow("docker's endpoint create with an error no code is known for is none")
            << "Error response from daemon: failed to create endpoint web03 on network nat: context "
               "deadline exceeded"
            << QStringList{};
        QTest::newRow("hcsshim's hnsCall named by what it did, with the endpoint and its network")
            << "  Warning  FailedCreatePodSandBox  12s  kubelet  error while ProvisionEndpoint(c41_l2net,"
               "6B2D51A0-7C3E-4F11-9A52-0D8E4C3B2A19,c41): failed to create the new HNSEndpoint: hnsCall "
               "failed in Win32: The object already exists. (0x1392)"
            << QStringList{"1: HNS refused a request: create endpoint c41_l2net on network "
                           "6B2D51A0-7C3E-4F11-9A52-0D8E4C3B2A19 failed: ERROR_OBJECT_ALREADY_EXISTS "
                           "(0x80071392), \"The object already exists.\""};
        QTest::newRow("the same failure quoted without the network it names is one failure")
            << "The pod failed: \"failed to create the new HNSEndpoint: hnsCall failed in Win32: The object "
               "already exists. (0x1392)\"\n"
               "  Warning  FailedCreatePodSandBox  12s  kubelet  error while ProvisionEndpoint(c41_l2net,"
               "6B2D51A0-7C3E-4F11-9A52-0D8E4C3B2A19,c41): failed to create the new HNSEndpoint: hnsCall "
               "failed in Win32: The object already exists. (0x1392)"
            << QStringList{"1: HNS refused a request: create endpoint c41_l2net on network "
                           "6B2D51A0-7C3E-4F11-9A52-0D8E4C3B2A19 failed: ERROR_OBJECT_ALREADY_EXISTS "
                           "(0x80071392), \"The object already exists.\" (2 times, lines 1-2)"};
        const QString unsupported =
            "time=\"2026-11-03T08:00:01Z\" level=debug msg=\"hcnDeleteNamespace failed "
            "in Win32: The specified request is unsupported. (0x803b0015)\"";
        const QString cutUnsupported = "time=\"2026-11-03T08:00:05Z\" level=debug msg=\"hcnDeleteNamespace "
                                       "failed in Win32: The specified request is";
        QTest::newRow("a failure the paste cut off is the same failure logged whole before it")
            << unsupported + "\n" + cutUnsupported
            << QStringList{"1: HNS refused a request: hcnDeleteNamespace failed: HCN_E_REQUEST_UNSUPPORTED "
                           "(0x803B0015), \"The specified request is unsupported.\" (2 times, lines 1-2; "
                           "the one at line 2 is cut off)"};
        QTest::newRow("a failure the paste cut off alone: the code whose message starts so")
            << cutUnsupported
            << QStringList{
                   "1: HNS refused a request: hcnDeleteNamespace failed: \"The specified request is\" "
                   "(cut; HCN_E_REQUEST_UNSUPPORTED (0x803B0015)? the text matches the start of its "
                   "message)"};
        QTest::newRow("HNS's own error record: code, message and the activity that failed")
            << "``` {2151350295; onecore\\vm\\dv\\net\\hns\\service\\network\\endpoint.h; 327; "
               "hostnetsvc.dll; 0; Endpoint is in invalid state; 860; "
               "\\RequestHandler\\EndpointActivity\\EndpointAttachShared; 90; RequestHandler; ; 92; "
               "EndpointAttachShared; ; 147; 116; }```"
            << QStringList{"1: HNS refused a request: EndpointAttachShared failed: HCN_E_DEGRADED_OPERATION "
                           "(0x803B0017), \"Endpoint is in invalid state\""};
        const QString wsl = "Detected user visible error: "
                            "Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/HNS/0x800706d9";
        QTest::newRow("WSL's failure of HNS, the step named, repeated")
            << wsl + "\n" + wsl + "\n" + wsl
            << QStringList{
                   "1: the service called could not be reached (not running, restarting or not "
                   "answering), so nothing was refused: WSL ConfigureNetworking failed: EPT_S_NOT_REGISTERED "
                   "(0x800706D9), \"There are no more endpoints available from the endpoint "
                   "mapper.\" (3 times, lines 1-3)"};
        QTest::newRow("a WSL error of no HNS step is none")
            << "Detected user visible error: Wsl/Service/RegisterDistro/0x80070005" << QStringList{};
        QTest::newRow("WSL's networking step without HNS/: its code")
            << "Error code: Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/0x800706bf"
            << QStringList{"1: the service called could not be reached (not running, restarting or not "
                           "answering), so nothing was refused: WSL ConfigureNetworking failed: "
                           "RPC_S_CALL_FAILED_DNE (0x800706BF), \"The remote procedure call failed and did "
                           "not execute.\""};
        QTest::newRow("WSL's networking step without HNS/, a code of another service: none")
            << "Detected user visible error: "
               "Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/0x80041002"
            << QStringList{};
        QTest::newRow("WSL's networking step without HNS/, HNS's code")
            << "Error code: Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/0x803b0006"
            << QStringList{
                   "1: HNS refused a request: WSL ConfigureNetworking failed: HCN_E_ADAPTER_NOT_FOUND "
                   "(0x803B0006), \"An adapter was not found.\""};
        QTest::newRow("WSL 2.x's path without Wsl/Service/, HNS's code")
            << "wsl: The specified request is unsupported.\n"
               "Error code: CreateInstance/CreateVm/ConfigureNetworking/0x803b0015\n"
               "wsl: Failed to configure network (networkingMode Mirrored), falling back to networkingMode "
               "None."
            << QStringList{
                   "2: HNS refused a request: WSL ConfigureNetworking failed: HCN_E_REQUEST_UNSUPPORTED "
                   "(0x803B0015), \"The specified request is unsupported.\""};
        QTest::newRow("WSL 2.x's path after a label in Chinese")
            << QString::fromUtf8("wsl: 指定的请求不受支持。\n"
                                 "错误代码: CreateInstance/CreateVm/ConfigureNetworking/0x803b0015")
            << QStringList{
                   "2: HNS refused a request: WSL ConfigureNetworking failed: HCN_E_REQUEST_UNSUPPORTED "
                   "(0x803B0015), \"The specified request is unsupported.\""};
        QTest::newRow("WSL 2.x's path after a label in German, an RPC failure")
            << "Fehlercode: CreateInstance/CreateVm/ConfigureNetworking/0x800706bf"
            << QStringList{"1: the service called could not be reached (not running, restarting or not "
                           "answering), so nothing was refused: WSL ConfigureNetworking failed: "
                           "RPC_S_CALL_FAILED_DNE (0x800706BF), \"The remote procedure call failed and did "
                           "not execute.\""};
        QTest::newRow("WSL 2.x's path with HNS/ after a label in Chinese")
            << QString::fromUtf8("错误代码：CreateInstance/CreateVm/ConfigureNetworking/HNS/0x803b0015")
            << QStringList{
                   "1: HNS refused a request: WSL ConfigureNetworking failed: HCN_E_REQUEST_UNSUPPORTED "
                   "(0x803B0015), \"The specified request is unsupported.\""};
        QTest::newRow("the full WSL path without HNS/ after a label in Chinese")
            << QString::fromUtf8(
                   "错误代码: Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/0x803b0015")
            << QStringList{
                   "1: HNS refused a request: WSL ConfigureNetworking failed: HCN_E_REQUEST_UNSUPPORTED "
                   "(0x803B0015), \"The specified request is unsupported.\""};
        QTest::newRow("WSL 2.x's path, a code of its own or another service's: none")
            << "Error code: CreateInstance/CreateVm/ConfigureNetworking/0x8007054f\n"
               "Error code: CreateInstance/CreateVm/ConfigureNetworking/WSL_E_VMSWITCH_NOT_SET"
            << QStringList{};
        QTest::newRow("a path of other steps than WSL's, an RPC failure: none")
            << "Error code: Setup/ConfigureNetwork/0x800706bf\n"
               "see build/CreateInstance/CreateVm/ConfigureNetworking/0x800706bf"
            << QStringList{};
        QTest::newRow("a WSL path in quotes, a word before it")
            << "Press any key to continue... 'Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/HNS/"
               "ERROR_SERVICE_NOT_ACTIVE'"
            << QStringList{"1: the service called could not be reached (not running, restarting or not "
                           "answering), so nothing was refused: WSL ConfigureNetworking failed: "
                           "ERROR_SERVICE_NOT_ACTIVE (0x80070426), \"The service has not been started.\""};
        const QString dupName = " -- HRESULT: 2147942452. Result: {\"Success\":false,\"Error\":\"You were "
                                "not connected because a "
                                "duplicate name exists on \nthe network. If joining a dom";
        QTest::newRow("an answer that says it failed, cut inside its message")
            << "VERBOSE: 09:14:03 - Creating network with these parameters: {\"Name\":\"LabNet\",\"Type\":"
               "\"ICS\"}\n" +
                   dupName
            << QStringList{
                   "1-3: HNS reported a failure: create network LabNet (ICS) failed: ERROR_DUP_NAME "
                   "(0x80070034), \"You were not connected because a duplicate name exists on the "
                   "network.\" (the request at line 1, its answer at lines 2-3; the request is not an "
                   "object HNS holds, not imported)"};
        QTest::newRow("an answer printed again by its PowerShell error record, each wrapped elsewhere: once")
            << "HcnCreateNetwork -- HRESULT: 2147942583. Result: {\"Success\":false,\"Error\":\"Cannot "
               "create a "
               "file when that file already\nexists. \",\"ErrorCode\":2147942583}\n"
               "    + FullyQualifiedErrorId : HcnCreateNetwork -- HRESULT: 2147942583. Result: "
               "{\"Success\":false,\"Error\":\"Cannot create\n    a file when that file already exists. "
               "\",\"ErrorCode\":2147942583}"
            << QStringList{"1-4: HNS reported a failure: HcnCreateNetwork failed: ERROR_ALREADY_EXISTS "
                           "(0x800700B7), \"Cannot create a file when that file already exists.\""};
        QTest::newRow("an answer that says it failed, cut before its message")
            << "HcnCreateNetwork -- HRESULT: 2151350282. Result: {\"Success\":false,"
            << QStringList{"1: HNS reported a failure: HcnCreateNetwork failed: HCN_E_INVALID_NETWORK "
                           "(0x803B000A), \"The provided network configuration is invalid or missing "
                           "parameters.\""};
    }

    void refusedRequestsNameTheError()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, messages);
        Result<ImportResult> result = importDump({{"paste", text.toStdString()}});
        QVERIFY(result.ok());
        QStringList refusals; // "first-last: message", as hcnctl reports them
        for (const ImportMessage& m : result->report.messages) {
            const QString text = QString::fromStdString(m.message);
            if (text.contains("refused a request") || text.contains("HNS reported") ||
                text.contains("passed on") || text.contains("could not be reached"))
                refusals << (m.lastLine > m.firstLine
                                 ? QStringLiteral("%1-%2: ").arg(m.firstLine).arg(m.lastLine)
                                 : QStringLiteral("%1: ").arg(m.firstLine)) +
                                text;
        }
        QCOMPARE(refusals, messages);
    }

    /// An HNS answer that says it failed is a failure however much of it the paste kept: no object is
    /// made of it nor completed from the request before it, and the request is named as failed.
    void aCutFailureIsNoObject_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("failure"); ///< the error the warning names, and where
        const QString request = "VERBOSE: 09:14:03 - Creating network with these parameters: {\n"
                                "    \"Name\" : \"LabNet\",\n"
                                "    \"Type\": \"ICS\",\n"
                                "    \"Subnets\" : [ { \"AddressPrefix\" : \"172.30.8.0/24\", "
                                "\"GatewayAddress\" : \"172.30.8.1\" } ]\n"
                                "  }\n";
        QTest::newRow("cut inside its message, wrapped by the console")
            << request +
                   " -- HRESULT: 2147942452. Result: {\"Success\":false,\"Error\":\"You were not connected "
                   "because a duplicate name exists on \nthe network. If joining a domain, go to System in "
                   "Control Panel to change the computer name and try again. If joining \na workgroup, "
                   "choose "
                   "anoth"
            << "ERROR_DUP_NAME (0x80070034), \"You were not connected because a duplicate name exists on the "
               "network.\" (the request at lines 1-5, its answer at lines 6-8;";
        QTest::newRow("cut after its Success")
            << request + " -- HRESULT: 2147942452. Result: {\"Success\":false,"
            << "ERROR_DUP_NAME (0x80070034), \"You were not connected because a duplicate name exists on the "
               "network.\" (the request at lines 1-5, its answer at line 6;";
        QTest::newRow("whole")
            << request +
                   " -- HRESULT: 2147942452. Result: {\"Success\":false,\"Error\":\"You were not connected "
                   "because a duplicate name exists on the network. \",\"ErrorCode\":2147942452}"
            << "ERROR_DUP_NAME (0x80070034), \"You were not connected because a duplicate name exists on the "
               "network.\" (the request at lines 1-5, its answer at line 6;";
    }

    void aCutFailureIsNoObject()
    {
        QFETCH(QString, text);
        QFETCH(QString, failure);
        Result<ImportResult> result = importDump({{"paste", text.toStdString()}});
        QVERIFY(result.ok());
        QCOMPARE(objectList(*result), QStringList{});
        const QStringList texts = messageTexts(*result);
        // One warning names the request and the error its answer gives (a wrap cut the message: the
        // code's), where both are.
        const QString warning =
            "HNS reported a failure: create network LabNet (ICS, 172.30.8.0/24 via 172.30.8.1) failed: " +
            failure;
        QVERIFY2(anyContains(texts, warning), qPrintable(warning + " not in:\n" + texts.join('\n')));
        QCOMPARE(texts.filter("HNS reported a failure").size(), 1);
        QVERIFY2(!anyContains(texts, "a request HNS failed"), qPrintable(texts.join('\n')));
        QVERIFY2(!anyContains(texts, "taken from the request"), qPrintable(texts.join('\n')));
    }

    /// The Service Control Manager's record that HNS itself terminated unexpectedly is said once, as a
    /// warning with the time the record shows: not a refusal, but what the failures around it come from.
    void hnsStoppingIsSaid_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("warnings"); ///< "first-last: message"

        QTest::newRow("an event list, the message wrapped into its column")
            << "TimeGenerated         EventID EntryType Message\n"
               "-------------         ------- --------- -------\n"
               "11/3/2026 8:42:17 PM     7031 Error     The Host Network Service service terminated\n"
               "                                        unexpectedly.  It has done this 2 time(s).  The\n"
               "                                        following corrective action will be taken in 10000\n"
               "                                        milliseconds: Restart the service."
            << QStringList{"3-4: HNS itself stopped unexpectedly (the Service Control Manager logged it at "
                           "11/3/2026 8:42:17 PM)"};
        QTest::newRow("an event's message alone, twice")
            << "Message : The Host Network Service service terminated unexpectedly. It has done this 1 "
               "time(s).\n\nMessage : The Host Network Service service terminated unexpectedly. It has done "
               "this 2 time(s)."
            << QStringList{
                   "1: HNS itself stopped unexpectedly (the Service Control Manager logged it) (2 times, "
                   "lines 1, 3)"};
        QTest::newRow("a log record's time")
            << "2026-11-03T20:42:17.514Z Service Control Manager: The Host Network Service service "
               "terminated "
               "unexpectedly."
            << QStringList{"1: HNS itself stopped unexpectedly (the Service Control Manager logged it at "
                           "2026-11-03T20:42:17.514Z)"};
        QTest::newRow("an event's XML: event 7031 of the Service Control Manager, param1 naming HNS")
            << "<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System><Provider "
               "Name=\"Service Control Manager\" Guid=\"{555908d1-a6d7-4695-8e1e-26931d2012f4}\" "
               "EventSourceName=\"Service Control Manager\"/><EventID Qualifiers=\"49152\">7031</EventID>"
               "<Level>2</Level><TimeCreated SystemTime=\"2026-11-03T20:42:17.5140000Z\"/><Channel>System"
               "</Channel></System><EventData><Data Name=\"param1\">Host Network Service</Data><Data "
               "Name=\"param2\">1</Data><Data Name=\"param3\">10000</Data><Data Name=\"param4\">1</Data>"
               "<Data Name=\"param5\">Restart the service</Data></EventData></Event>"
            << QStringList{"1: HNS itself stopped unexpectedly (the Service Control Manager logged it at "
                           "2026-11-03T20:42:17.5140000Z)"};
        QTest::newRow("an event's XML over lines, naming HNS by its key name in the binary data only")
            << "<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\">\n"
               "  <System>\n"
               "    <Provider Name=\"Service Control Manager\" />\n"
               "    <EventID Qualifiers=\"49152\">7034</EventID>\n"
               "    <TimeCreated SystemTime=\"2026-11-03T20:42:17.5140000Z\" />\n"
               "  </System>\n"
               "  <EventData>\n"
               "    <Data Name=\"param2\">1</Data>\n"
               "    <Binary>68006E0073000000</Binary>\n"
               "  </EventData>\n"
               "</Event>"
            << QStringList{"1-11: HNS itself stopped unexpectedly (the Service Control Manager logged it at "
                           "2026-11-03T20:42:17.5140000Z)"};
        QTest::newRow("wevtutil qe /f:text: event 7023")
            << "Event[0]:\n"
               "  Log Name: System\n"
               "  Source: Service Control Manager\n"
               "  Date: 2026-11-03T20:42:17.514\n"
               "  Event ID: 7023\n"
               "  Task: N/A\n"
               "  Level: Error\n"
               "  Computer: node-7\n"
               "  Description:\n"
               "The Host Network Service service terminated with the following error: \n"
               "Element not found."
            << QStringList{"1-11: HNS itself stopped unexpectedly (the Service Control Manager logged it at "
                           "2026-11-03T20:42:17.514)"};
        QTest::newRow("Get-WinEvent | Format-List: event 7024, the message wrapped")
            << "TimeCreated  : 11/3/2026 8:42:17 PM\n"
               "ProviderName : Service Control Manager\n"
               "Id           : 7024\n"
               "Message      : The Host Network Service service terminated with the following\n"
               "               service-specific error: Element not found."
            << QStringList{"1-5: HNS itself stopped unexpectedly (the Service Control Manager logged it at "
                           "11/3/2026 8:42:17 PM)"};
        QTest::newRow("Get-WinEvent's table: a row of event 7023")
            << "TimeCreated                      Id LevelDisplayName Message\n"
               "-----------                      -- ---------------- -------\n"
               "11/3/2026 8:42:17 PM           7023 Error            The Host Network Service service\n"
               "                                                     terminated with the following error: ..."
            << QStringList{"3-4: HNS itself stopped unexpectedly (the Service Control Manager logged it at "
                           "11/3/2026 8:42:17 PM)"};
        QTest::newRow("event 7031 of another service is none")
            << "TimeCreated  : 11/3/2026 8:42:17 PM\n"
               "ProviderName : Service Control Manager\n"
               "Id           : 7031\n"
               "Message      : The Windows Update service terminated unexpectedly."
            << QStringList{};
        QTest::newRow("a stop asked for is none") << "11/3/2026 8:42:17 PM     7036 Information The Host "
                                                     "Network Service service entered the stopped "
                                                     "state."
                                                  << QStringList{};
    }

    void hnsStoppingIsSaid()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, warnings);
        Result<ImportResult> result = importDump({{"paste", text.toStdString()}});
        QVERIFY(result.ok());
        QStringList stops;
        for (const ImportMessage& m : result->report.messages) {
            const QString message = QString::fromStdString(m.message);
            if (!message.contains("HNS itself") && !message.contains("Host Network Service"))
                continue;
            QCOMPARE(m.severity, ImportSeverity::Warning);
            stops << (m.lastLine > m.firstLine ? QStringLiteral("%1-%2: ").arg(m.firstLine).arg(m.lastLine)
                                               : QStringLiteral("%1: ").arg(m.firstLine)) +
                         message;
        }
        QCOMPARE(stops, warnings);
    }

    /// Pasted sessions around an HNS failure: prose holding `Word: ` and JSON (a PowerShell error record:
    /// `HRESULT: 2151350282. Result: {"Success":false,...}`, `CategoryInfo : OperationStopped:
    /// (...}:String)`) is no Go struct dump the paste starts inside, and a failure line is not joined with
    /// the command after it. `message`: the one message about the failure, "line: text".
    void pastedSessionsNameTheFailureOnce_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("message");
        QTest::newRow("a PowerShell error record holding HNS's answer twice")
            << "powershell-error-record-hns-answer-wrapped.txt"
            << "1: HNS reported a failure: HcnCreateNetwork failed: HCN_E_INVALID_NETWORK (0x803B000A), "
               "\"The "
               "provided network configuration is invalid or missing parameters.\"";
        QTest::newRow("a markdown quote of a session")
            << "markdown-quoted-session-hns-error.md"
            << "4: HNS refused a request: docker network create -d transparent mynet failed: ERROR_NOT_FOUND "
               "(0x80070490), \"Element not found.\" (code from the message text)";
    }

    void pastedSessionsNameTheFailureOnce()
    {
        QFETCH(QString, file);
        QFETCH(QString, message);
        Result<ImportResult> result = importDump({dumpFile(file)});
        QVERIFY(result.ok());
        QStringList messages;
        for (const ImportMessage& m : result->report.messages)
            messages << QStringLiteral("%1: ").arg(m.firstLine) + QString::fromStdString(m.message);
        const QString all = messages.join('\n');
        QVERIFY2(!all.contains("Go struct dump"), qPrintable(all));
        // The failure's own message; the command's info says HNS refused it too.
        QStringList failures;
        for (const QString& m : messages)
            if (m.section(QLatin1String(": "), 1).startsWith(QLatin1String("HNS re")))
                failures << m;
        QCOMPARE(failures, QStringList{message});
    }

    /// Failures as clients word them around HNS's text: gRPC's `rpc error: code = ... desc =` and a CNI
    /// plugin's `: `-chained steps are theirs, HNS's text follows `HNS failed with error :`; the whole
    /// Win32 text wins over a cut copy; WSL names a code by its symbol; bare `HcnCreateNetwork failed`
    /// and hcsshim's not-found lookups are said; the same failure again is one message with its lines;
    /// a request says what it asks. `messages`: every message about lines, "line severity: text".
    void failuresInWordsAreNamed_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("messages");

        const QString klog = "E1205 10:01:02.118230    4120 pod_workers.go:191] ";
        QTest::newRow("kubelet's sandbox failure through gRPC and the CNI plugin")
            << klog +
                   "Failed create pod sandbox: rpc error: code = Unknown desc = NetworkPlugin cni failed to "
                   "set up pod \"web-1_default\" network: Failed to create endpoint: HNS failed with error "
                   ": Element not found."
            << QStringList{
                   "1 warning: HNS refused a request: create endpoint failed: ERROR_NOT_FOUND "
                   "(0x80070490), \"Element not found.\" (code from the message text); setting up the "
                   "network of pod default/web-1 failed with it"};
        QTest::newRow("the innermost step of an error chain is what HNS was asked")
            << "2021/05/12 02:19:52 [1356] [net] Failed to delete endpoint 7fe2a1b0-eth0, err:Failed to "
               "remove "
               "hcn endpoint: 4b1e6c2a-9d3f-4e58-a7b1-0c2d3e4f5a6b from namespace: "
               "9c8d7e6f-5a4b-4c3d-8e2f-1a0b9c8d7e6f due to error: hcnOpenNamespace failed in Win32: Element "
               "not found. (0x490) {\"Success\":false,\"Error\":\"Element not found. "
               "\",\"ErrorCode\":2147943568}."
            << QStringList{
                   "1 warning: HNS reported a failure: remove endpoint 4b1e6c2a-9d3f-4e58-a7b1-0c2d3e4f5a6b "
                   "from namespace 9c8d7e6f-5a4b-4c3d-8e2f-1a0b9c8d7e6f failed: ERROR_NOT_FOUND "
                   "(0x80070490), \"Element not found.\""};
        QTest::newRow("kubelet's clean-up clause is none of the set-up's failure")
            << "  Warning  FailedCreatePodSandBox  2m  kubelet  Failed create pod sandbox: rpc error: code = "
               "Unknown desc = [failed to set up sandbox container \"5cc13c98\" network for pod \"web-0\": "
               "hcnCreateEndpoint failed to create endpoint ep1 on network nat: HNS failed with error : "
               "Element "
               "not found., failed to clean up sandbox container \"5cc13c98\" network for pod \"web-0\": "
               "failed to delete endpoint ep1: timed out]"
            << QStringList{
                   "1 warning: HNS refused a request: create endpoint ep1 on network nat failed: "
                   "ERROR_NOT_FOUND (0x80070490), \"Element not found.\" (code from the message text)"};
        QTest::newRow("gRPC's wrapper before a step that names no operation")
            << "rpc error: code = Unknown desc = sandbox 9: HNS failed with error : The parameter is "
               "incorrect."
            << QStringList{"1 warning: HNS refused a request: E_INVALIDARG (0x80070057), \"The parameter is "
                           "incorrect.\" (code from the message text)"};
        QTest::newRow("the whole Win32 text before a cut copy in HNS's answer")
            << klog + "err=\"hcnCreateEndpoint failed in Win32: An address provided is invalid or reserved. "
                      "(0x803b002f) {\\\"Success\\\":false,\\\"Error\\\":\\\"An address provided"
            << QStringList{"1 warning: HNS reported a failure: hcnCreateEndpoint failed: "
                           "HCN_E_ADDR_INVALID_OR_RESERVED (0x803B002F), \"An address provided is invalid or "
                           "reserved.\""};
        QTest::newRow("only a cut copy, its last word whole")
            << "HcnCreateEndpoint -- HRESULT: 2151350319. Result: {\"Success\":false,\"Error\":\"An address "
               "provided"
            << QStringList{"1 warning: HNS reported a failure: HcnCreateEndpoint failed: "
                           "HCN_E_ADDR_INVALID_OR_RESERVED (0x803B002F), \"An address provided\" (cut)"};
        QTest::newRow("only a cut copy, its last word cut")
            << "HcnCreateEndpoint -- HRESULT: 2151350319. Result: {\"Success\":false,\"Error\":\"An address "
               "prov"
            << QStringList{"1 warning: HNS reported a failure: HcnCreateEndpoint failed: "
                           "HCN_E_ADDR_INVALID_OR_RESERVED (0x803B002F), \"An address\" (cut)"};
        const QString wsl = "Error code: Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/HNS/";
        QTest::newRow("WSL's code by its symbolic name")
            << wsl + "ERROR_SERVICE_NOT_ACTIVE"
            << QStringList{
                   "1 warning: the service called could not be reached (not running, restarting or not "
                   "answering), so nothing was refused: WSL ConfigureNetworking failed: "
                   "ERROR_SERVICE_NOT_ACTIVE (0x80070426), \"The service has not been started.\""};
        QTest::newRow("a parameter the hns module does not take: PowerShell ran nothing")
            << "New-HnsNetwork : A parameter cannot be found that matches parameter name 'SubnetPolicies'.\n"
               "At line:1 char:120\n"
               "+ ... -Name \"ext\" -AdapterName \"Ethernet 2\" -SubnetPolicies @(@{Typ ...\n"
               "+                                               ~~~~~~~~~~~~~~~\n"
               "    + CategoryInfo          : InvalidArgument: (:) [New-HnsNetwork], "
               "ParameterBindingException\n"
               "    + FullyQualifiedErrorId : NamedParameterNotFound,New-HnsNetwork"
            << QStringList{
                   "1-6 warning: PowerShell did not run the command, so nothing was asked of HNS (a "
                   "parameter the module in use does not take, or a value it could not bind): "
                   "New-HnsNetwork (create network) failed: \"A parameter cannot be found that matches "
                   "parameter name 'SubnetPolicies'.\""};
        QTest::newRow("a cmdlet of a module not imported: PowerShell ran nothing")
            << "Remove-HnsNetwork : The term 'Remove-HnsNetwork' is not recognized as the name of a cmdlet, "
               "function, script file, or operable program.\n"
               "At line:1 char:1\n"
               "+ Remove-HnsNetwork -Name l2\n"
               "+ ~~~~~~~~~~~~~~~~~\n"
               "    + CategoryInfo          : ObjectNotFound: (Remove-HnsNetwork:String) [], "
               "CommandNotFoundException\n"
               "    + FullyQualifiedErrorId : CommandNotFoundException"
            << QStringList{
                   "1-6 warning: PowerShell did not run the command, so nothing was asked of HNS (no such "
                   "command: misspelled, or its module not imported): Remove-HnsNetwork (delete network "
                   "l2) failed: \"The term 'Remove-HnsNetwork' is not recognized as the name of a cmdlet, "
                   "function, script file, or operable program.\""};
        QTest::newRow("azure-vnet's step that failed with a Windows message alone")
            << "2018/08/22 01:52:49 [net] Failed to attach endpoint: A Compute System with the specified "
               "identifier does not exist."
            << QStringList{
                   "1 warning: HCS (the compute system service, not HNS) refused a request: attach "
                   "endpoint failed: HCS_E_SYSTEM_NOT_FOUND (0xC037010E), \"A Compute System with the "
                   "specified identifier does not exist.\" (code from the message text)"};
        QTest::newRow("a step naming its endpoint and container before a Windows message")
            << "2020-08-10T07:41:36Z [ERROR] failed to detach endpoint 5416E24E-09B6-4D47-B536-2B650919D8E9 "
               "from container e86c2ef847de as it's no longer running: A virtual machine or container with "
               "the specified identifier does not exist."
            << QStringList{
                   "1 warning: HCS (the compute system service, not HNS) refused a request: detach endpoint "
                   "5416E24E-09B6-4D47-B536-2B650919D8E9 failed: HCS_E_SYSTEM_NOT_FOUND (0xC037010E), \"A "
                   "virtual machine or container with the specified identifier does not exist.\" (code from "
                   "the message text)"};
        QTest::newRow("a step naming its network before a Windows message")
            << "2021/05/12 02:19:52 [1356] [net] Failed to delete network azure: The network was not found."
            << QStringList{"1 warning: HNS refused a request: delete network azure failed: "
                           "HCN_E_NETWORK_NOT_FOUND (0x803B0001), \"The network was not found.\" (code from "
                           "the message text)"};
        QTest::newRow("klog's step naming its endpoint before a Windows message")
            << "E0810 07:41:36.000000    1234 x.go:12] Failed to create endpoint web-ep: The parameter is "
               "incorrect."
            << QStringList{"1 warning: HNS refused a request: create endpoint web-ep failed: E_INVALIDARG "
                           "(0x80070057), \"The parameter is incorrect.\" (code from the message text)"};
        QTest::newRow("azure-vnet's step with its error after `, err:`")
            << "2021/05/12 02:19:52 [1356] [net] Failed to delete endpoint 1ab00986-eth0, err:Element not "
               "found."
            << QStringList{
                   "1 warning: HNS refused a request: delete endpoint 1ab00986-eth0 failed: "
                   "ERROR_NOT_FOUND (0x80070490), \"Element not found.\" (code from the message text)"};
        QTest::newRow("a sentence going on after the step names no object")
            << "We failed to create endpoint because of this: The parameter is incorrect." << QStringList{};
        QTest::newRow("a word of prose after the step is no object's name")
            << "I failed to create endpoint yesterday: The parameter is incorrect." << QStringList{};
        QTest::newRow("a name as programs write one after the step, outside a log record")
            << "Failed to create endpoint web-ep: The parameter is incorrect."
            << QStringList{"1 warning: HNS refused a request: create endpoint web-ep failed: E_INVALIDARG "
                           "(0x80070057), \"The parameter is incorrect.\" (code from the message text)"};
        const QString vmmsEvent = QStringLiteral(
            "Log Name:      Microsoft-Windows-Hyper-V-VMMS-Admin\n"
            "Source:        Microsoft-Windows-Hyper-V-VMMS\n"
            "Date:          9/11/2024 8:29:25 PM\n"
            "Event ID:      16000\n"
            "Task Category: None\n"
            "Level:         %1\n"
            "Keywords:      \n"
            "User:          SYSTEM\n"
            "Computer:      DESKTOP-017FR51\n"
            "Description:\n"
            "The Hyper-V Virtual Machine Management service encountered an unexpected error: Not found "
            "(0x80041002).\n");
        QTest::newRow("Hyper-V VMMS's error event copied from Event Viewer")
            << vmmsEvent.arg("Error")
            << QStringList{
                   "1-11 warning: Hyper-V's Virtual Machine Management service (VMMS) logged an error: "
                   "event 16000 (9/11/2024 8:29:25 PM): WBEM_E_NOT_FOUND (0x80041002), \"The Hyper-V "
                   "Virtual Machine Management service encountered an unexpected error: Not found "
                   "(0x80041002).\""};
        QTest::newRow("a failure with the code of VMMS events names each event")
            << "Error code: Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/HNS/0x80041002\n\n" +
                   vmmsEvent.arg("Error") + "Event Xml:\n<Event xmlns=\"x\"></Event>\n\n" +
                   vmmsEvent.arg("Error")
            << QStringList{
                   "1 warning: HNS refused a request: WSL ConfigureNetworking failed: WBEM_E_NOT_FOUND "
                   "(0x80041002), \"Not found\" (a WMI error HNS passed on from Hyper-V's Virtual Machine "
                   "Management service, VMMS) (Hyper-V's VMMS logged the same code: event 16000 at lines "
                   "3-13, 9/11/2024 8:29:25 PM; Hyper-V's VMMS logged the same code: event 16000 at lines "
                   "17-27, 9/11/2024 8:29:25 PM)"};
        QTest::newRow("an event of level Information is no error")
            << vmmsEvent.arg("Information") << QStringList{};
        QTest::newRow("an error event of another program is not HNS's")
            << "Log Name:      System\nSource:        Service Control Manager\nDate:          1/2/2025 "
               "3:04:05 "
               "AM\nEvent ID:      7031\nLevel:         Error\nDescription:\nThe Print Spooler service "
               "terminated unexpectedly (0x80070005).\n"
            << QStringList{};
        QTest::newRow("HNS's error event over lines without a code")
            << "Log Name:      Microsoft-Windows-Host-Network-Service-Admin\n"
               "Source:        Microsoft-Windows-Host-Network-Service\n"
               "Event ID:      1026\n"
               "Level:         Error\n"
               "Description:\n"
               "Failed to restore the network configuration\n"
               "of the host after a restart.\n"
               "\n"
               "Some other text\n"
            << QStringList{
                   "1-7 warning: HNS (the Host Network Service) logged an error: event 1026: \"Failed "
                   "to restore the network configuration of the host after a restart.\""};
        QTest::newRow("a step on no HNS object with a Windows message is none")
            << "Failed to attach volume: Element not found." << QStringList{};
        QTest::newRow("kube-proxy's structured record says which step failed")
            << "E1109 15:13:55.097793    4228 proxier.go:1067] \"Policy creation failed\" "
               "err=\"hcnCreateLoadBalancer "
               "failed in Win32: The specified port already exists. (0x803b0013)\""
            << QStringList{
                   "1 warning: HNS refused a request: hcnCreateLoadBalancer failed: "
                   "HCN_E_PORT_ALREADY_EXISTS "
                   "(0x803B0013), \"The specified port already exists.\" (logged as \"Policy creation "
                   "failed\")"};
        QTest::newRow("calico's hot attach it was unable to do")
            << "2020-12-06 01:48:27.185 [ERROR][1276] dataplane_windows.go 575: Unable to hot attach bridge "
               "endpoint [Calico_ep] to host compartment, error: failed during hnsCallRawResponse: hnsCall "
               "failed "
               "in Win32: This endpoint is already attached to the switch. (0x803b0014) ContainerID=\"1f29\""
            << QStringList{
                   "1 warning: HNS refused a request: hot attach of endpoint Calico_ep to the host "
                   "compartment failed: HCN_E_ENDPOINT_ALREADY_ATTACHED (0x803B0014), \"This endpoint is "
                   "already attached to the switch.\""};
        QTest::newRow("WSL's code whose Windows message is a template: its name alone")
            << wsl + "ERROR_UNHANDLED_EXCEPTION"
            << QStringList{"1 warning: HNS refused a request: WSL ConfigureNetworking failed: "
                           "ERROR_UNHANDLED_EXCEPTION (0x8007023E)"};
        QTest::newRow("WSL's code by a name the catalog does not know")
            << wsl + "ERROR_NOT_KNOWN_HERE"
            << QStringList{"1 warning: HNS refused a request: WSL ConfigureNetworking failed: "
                           "ERROR_NOT_KNOWN_HERE"};
        QTest::newRow("a failure in bare words")
            << "HcnCreateNetwork failed\n\nLog Name:      System"
            << QStringList{"1 info: the text says HcnCreateNetwork failed (no error code shown)"};
        QTest::newRow("bare words with a code on the line are the failure with the code")
            << "HcnCreateNetwork failed with 0x803b0010"
            << QStringList{"1 warning: HNS refused a request: HcnCreateNetwork failed: "
                           "HCN_E_NETWORK_ALREADY_EXISTS (0x803B0010), \"A network with this name already "
                           "exists.\""};
        QTest::newRow("a word that only starts like a function is no failure")
            << "hcnCreateNetworkWrapper failedOver" << QStringList{};
        QTest::newRow("hcsshim's lookup of an endpoint by name")
            << "time=\"2026-12-05T10:00:03Z\" level=warning msg=\"can't find HNS endpoint for network, "
               "retryingvxlan0\" error=\"Endpoint vxlan0 not found\""
            << QStringList{
                   "1 info: the log says HNS has no endpoint \"vxlan0\" (looked up by name) at line 1"};
        QTest::newRow("the same lookup chained by a CNI plugin, twice: the operation failed")
            << "[ERROR] Failed to create endpoint: failed to find endpoint cid-41: Endpoint cid-41 not "
               "found.\n"
               "[ERROR] CNI command failed: failed to find endpoint cid-41: Endpoint cid-41 not found"
            << QStringList{
                   "1-2 warning: create endpoint failed: HNS has no endpoint \"cid-41\" at lines 1-2"};
        QTest::newRow("the hcn package's lookups, by name and by ID")
            << "error=\"Network name \\\"l2net\\\" not found\"\n"
               "Endpoint ID \"5E2C8A17-3B94-4D60-A1F8-27C0D9E4B6A3\" not found\n"
               "Network cbr0 not found"
            << QStringList{
                   "1 info: the log says HNS has no network \"l2net\" (looked up by name) at line 1",
                   "2 info: the log says HNS has no endpoint \"5E2C8A17-3B94-4D60-A1F8-27C0D9E4B6A3\" "
                   "(looked up by ID) at line 2",
                   "3 info: the log says HNS has no network \"cbr0\" (looked up by name) at line 3"};
        QTest::newRow("Calico felix's failed lookups of its workloads' HNS endpoints")
            << "2026-11-04 07:12:01.101 [WARNING][4410] felix/endpoint_mgr.go 342: Failed to look up HNS "
               "endpoint for workload id=proto.WorkloadEndpointID{OrchestratorId:\"k8s\", "
               "WorkloadId:\"shop/cart-7d9\", EndpointId:\"eth0\"}\n"
               "2026-11-04 07:12:01.102 [INFO][4410] felix/endpoint_mgr.go 161: Refreshing the endpoint "
               "cache\n"
               "2026-11-04 07:12:01.109 [INFO][4410] felix/endpoint_mgr.go 217: Cache refresh is complete. 2 "
               "endpoints were cached\n"
               "2026-11-04 07:12:01.110 [INFO][4410] felix/endpoint_mgr.go 507: Could not resolve hns "
               "endpoint "
               "id ip=\"10.88.4.17/32\"\n"
               "2026-11-04 07:12:01.110 [WARNING][4410] felix/endpoint_mgr.go 342: Failed to look up HNS "
               "endpoint for workload id=proto.WorkloadEndpointID{OrchestratorId:\"k8s\", "
               "WorkloadId:\"shop/pay-51c\", EndpointId:\"eth0\"}\n"
               "2026-11-04 07:12:01.111 [WARNING][4410] felix/win_dataplane.go 348: CompleteDeferredWork "
               "returned an error - scheduling a retry error=Endpoint could not be found"
            << QStringList{
                   "1-6 info: Calico felix could not find the HNS endpoints of workloads shop/cart-7d9, "
                   "shop/pay-51c (10.88.4.17/32) and retries; its cache of HNS's endpoints held 2 at "
                   "line 3 (lines 1, 4-6)"};
        QTest::newRow("felix's lookup of one address alone")
            << "2026-11-04 07:12:01.110 [INFO][4410] felix/endpoint_mgr.go 507: Could not resolve hns "
               "endpoint "
               "id ip=\"10.88.4.17/32\""
            << QStringList{"1 info: Calico felix could not find the HNS endpoint for 10.88.4.17/32 (line 1)"};
        QTest::newRow("felix's lookup of endpoints it does not name, retried")
            << "2021-12-15 22:16:56.958 [WARNING][1234] felix/endpoint_mgr.go 100: Failed to look up one or "
               "more HNS endpoints; will schedule a retry"
            << QStringList{
                   "1 info: Calico felix could not find one or more HNS endpoints of its workloads (the "
                   "log names none of them) and retries (line 1)"};
        QTest::newRow("felix's retry without a lookup it names is none")
            << "2026-11-04 07:12:01.111 [WARNING][4410] felix/win_dataplane.go 348: CompleteDeferredWork "
               "returned an error - scheduling a retry error=Endpoint could not be found"
            << QStringList{};
        QTest::newRow("prose about an adapter is no lookup")
            << "Network adapter not found. Endpoint is not found on this host." << QStringList{};
        const QString event =
            "  Warning  FailedCreatePodSandBox  39m  kubelet  Failed to create pod sandbox: "
            "rpc error: code = Unknown desc = failed to set up sandbox: hcnCreateNetwork "
            "failed in Win32: The parameter is incorrect. (0x57) {\"Success\":false,\"Error\":"
            "\"The parameter is incorrect. \",\"ErrorCode\":2147942487}";
        QTest::newRow("the same failure on the next line")
            << event + "\n" + event
            << QStringList{"1 warning: HNS reported a failure: hcnCreateNetwork failed: E_INVALIDARG "
                           "(0x80070057), \"The parameter is incorrect.\" (2 times, lines 1-2)"};
        QTest::newRow("the same failure again further on")
            << event + "\nI1205 10:01:03.000000    4120 kubelet.go:100] retrying\n" + event + "\n" + event
            << QStringList{"1 warning: HNS reported a failure: hcnCreateNetwork failed: E_INVALIDARG "
                           "(0x80070057), \"The parameter is incorrect.\" (3 times, lines 1, 3-4)"};
        QTest::newRow("a request New-HnsNetwork -Verbose prints in a markdown fence")
            << "```VERBOSE: Invoke-HNSRequest Method[POST] Path[/networks] Data[{\n"
               "    \"Subnets\": [{\"AddressPrefix\": \"10.99.0.0/30\", \"GatewayAddress\": "
               "\"10.99.0.1\"}],\n"
               "    \"Name\": \"Uplink\",\n    \"Type\": \"Overlay\"\n}]"
            << QStringList{
                   "1-5 info: a request sent to HNS: create network Uplink (Overlay, 10.99.0.0/30 via "
                   "10.99.0.1); not an object it holds, not imported"};
        QTest::newRow("a request in a logrus field")
            << "time=\"2026-12-05T10:00:06Z\" level=debug msg=\"HNSNetwork Request "
               "={\\\"Name\\\":\\\"nat\\\","
               "\\\"Type\\\":\\\"nat\\\",\\\"Subnets\\\":[{\\\"AddressPrefix\\\":\\\"172.30.0.0/20\\\","
               "\\\"GatewayAddress\\\":\\\"172.30.0.1\\\"}]}\""
            << QStringList{"1 info: a request sent to HNS: create network nat (NAT, 172.30.0.0/20 via "
                           "172.30.0.1); not an object it holds, not imported"};
        QTest::newRow("a request stating its address twice")
            << "Attempting to create HNSEndpoint {\"Name\": \"web_ep\", \"IPAddress\": \"10.244.2.2\", "
               "\"IpConfigurations\": [{\"IpAddress\": \"10.244.2.2\", \"PrefixLength\": 24}]}"
            << QStringList{
                   "1 info: a request sent to HNS: create endpoint web_ep (10.244.2.2); not an object it "
                   "holds, not imported"};
    }

    void failuresInWordsAreNamed()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, messages);
        Result<ImportResult> result = importDump({{"paste", text.toStdString()}});
        QVERIFY(result.ok());
        QCOMPARE(importLineMessages(*result), messages);
    }

    /// A node's log holding each of those failures once: what a user sees for the file.
    void aNodeLogNamesEachFailure()
    {
        const ImportResult result = importFiles({"node-log-hns-failures-in-words.log"});
        QStringList said;
        for (const ImportMessage& m : result.report.messages)
            if (m.firstLine > 0)
                said << QStringLiteral("%1: ").arg(m.firstLine) + QString::fromStdString(m.message);
        const QStringList expected{
            "1: HNS refused a request: create endpoint failed: ERROR_NOT_FOUND (0x80070490), \"Element not "
            "found.\" (code from the message text); setting up the network of pod default/shop-api-6c9f "
            "failed "
            "with it",
            "2: HNS reported a failure: hcnCreateEndpoint failed: HCN_E_ADDR_INVALID_OR_RESERVED "
            "(0x803B002F), "
            "\"An address provided is invalid or reserved.\" (logged as \"RunPodSandbox failed\")",
            "3: the program that logs it waits for HNS endpoint \"vxlan0\", which HNS does not have: it "
            "looked for it 2 times, retrying each time, and has not started (lines 3-4)",
            "5: the log says HNS has no network \"l2net\" (looked up by name) at line 5",
            "6: the service called could not be reached (not running, restarting or not answering), so "
            "nothing was refused: WSL ConfigureNetworking failed: ERROR_SERVICE_NOT_ACTIVE (0x80070426), "
            "\"The service has not been started.\"",
            "7: the text says HcnCreateNetwork failed (no error code shown)"};
        QCOMPARE(said, expected);
    }

    /// A create request HNS refused is left out with the error logged with it: after the document on its
    /// line or the next (hcsshim's `failed in Win32: ... (0x1392)`, `HRESULT 0x803b0013`, an HNS envelope),
    /// or before it. `held`: the document is an object HNS holds (imported); `error`: the start of what
    /// the info message says after "the error logged with it: ", empty when it names no error.
    void failedRequestsSayWhy_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("held");
        QTest::addColumn<QString>("error");

        const QString doc =
            R"({"ID":"7B2C3D4E-5F60-4B71-9C82-D3E4F5061728","Name":"pod-a_cbr0",)"
            R"("VirtualNetwork":"6A1B2C3D-4E5F-4A60-8B71-C2D3E4F50617","IPAddress":"10.244.8.41"})";
        QTest::newRow("a Win32 error number after the document on its line")
            << "E1204 09:12:44.118230    4120 hns.go:211] failed to create endpoint with settings " + doc +
                   ": hcnCreateEndpoint failed in Win32: The object already exists. (0x1392)"
            << false
            << "hcnCreateEndpoint failed: ERROR_OBJECT_ALREADY_EXISTS (0x80071392), \"The object already "
               "exists.\"";
        QTest::newRow("a Win32 error the project names")
            << "failed to create endpoint with settings " + doc +
                   ": hcnCreateEndpoint failed in Win32: The parameter is incorrect. (0x57)"
            << false
            << "hcnCreateEndpoint failed: E_INVALIDARG (0x80070057), \"The parameter is incorrect.\"";
        QTest::newRow("an HRESULT after a create request says it failed")
            << "E1204 09:12:51.540981    4120 hns.go:211] Creating endpoint " + doc +
                   " failed, HRESULT 0x803b0013"
            << false << "HCN_E_PORT_ALREADY_EXISTS (0x803B0013), \"The specified port already exists.\"";
        QTest::newRow("the error on the next line")
            << "Message          : HNS failed to create endpoint with settings " + doc +
                   ".\n                   Error: 0x803b001e"
            << false
            << "HCN_E_INVALID_IP (0x803B001E), \"IP address is either invalid or not part of any "
               "configured subnet(s).\"";
        QTest::newRow("HNS's answer after the request: its ErrorCode in decimal and its Error")
            << "failed to create endpoint with settings " + doc +
                   R"( {"Success":false,"Error":"The specified port already exists. ","ErrorCode":2151350291})"
            << false << "HCN_E_PORT_ALREADY_EXISTS (0x803B0013), \"The specified port already exists.\"";
        QTest::newRow("the error by name")
            << "failed to create endpoint with settings " + doc + ": HCN_E_ENDPOINT_ALREADY_ATTACHED" << false
            << "HCN_E_ENDPOINT_ALREADY_ATTACHED (0x803B0014), \"";
        QTest::newRow("the error logged before the document, its code known by its text")
            << "Remote endpoint creation failed: hnsCall failed in Win32: The switch-port was not found. " +
                   doc
            << false
            << "hnsCall failed: HCN_E_PORT_NOT_FOUND (0x803B0007), \"The switch-port was not found.\"";
        QTest::newRow("the error in a klog field before the document")
            << "E1204 09:13:20.771002    4120 proxier.go:1118] \"Remote endpoint creation failed\" "
               "err=\"hcnCreateEndpoint failed in Win32: An address provided is invalid or reserved. "
               "(0x803b002f)\" endpoint=" +
                   doc
            << false
            << "hcnCreateEndpoint failed: HCN_E_ADDR_INVALID_OR_RESERVED (0x803B002F), \"An address provided "
               "is "
               "invalid or reserved.\"";
        QTest::newRow("a Go struct dump of the request, the error after it")
            << "Creating endpoint &{Id:7B2C3D4E-5F60-4B71-9C82-D3E4F5061728 Name:pod-a_cbr0 "
               "VirtualNetwork:6A1B2C3D-4E5F-4A60-8B71-C2D3E4F50617 IPAddress:10.244.8.41} failed: "
               "hcnCreateEndpoint failed in Win32: The object already exists. (0x1392)"
            << false
            << "hcnCreateEndpoint failed: ERROR_OBJECT_ALREADY_EXISTS (0x80071392), \"The object already "
               "exists.\"";
        QTest::newRow("a JSON log record: the message, the request as a field, the error after it")
            << R"({"level":"error","ts":"2026-12-04T09:14:02.118Z","msg":"failed to create endpoint","endpoint":)" +
                   doc +
                   R"x(,"error":"hcnCreateEndpoint failed in Win32: The object already exists. (0x1392)"})x"
            << false
            << "hcnCreateEndpoint failed: ERROR_OBJECT_ALREADY_EXISTS (0x80071392), \"The object already "
               "exists.\"";
        QTest::newRow("a failed request without an error logged")
            << "failed to create endpoint with settings " + doc << false << "";
        QTest::newRow("an object created; the error on the next log line is another's")
            << "I1204 09:12:40.002114    4120 hns.go:96] Created endpoint " + doc +
                   "\nE1204 09:12:41.000000    4120 hns.go:99] error: 0x803b0013"
            << true << "";
        QTest::newRow("an object logged; the failure after it is another's")
            << "Hns Endpoint resource, " + doc + " Policy creation failed: HRESULT 0x803b000d" << true << "";
        QTest::newRow("a pointer after a create request is no error")
            << "Creating endpoint " + doc + " at 0xc000512340" << true << "";
    }

    void failedRequestsSayWhy()
    {
        QFETCH(QString, text);
        QFETCH(bool, held);
        QFETCH(QString, error);
        Result<ImportResult> result = importDump({{"paste", text.toStdString()}});
        QVERIFY(result.ok());
        const QStringList texts = messageTexts(*result);
        QCOMPARE(objectList(*result).contains("Endpoint:7B2C3D4E-5F60-4B71-9C82-D3E4F5061728"), held);
        QCOMPARE(anyContains(texts, "a request HNS failed ("), !held);
        const QString logged =
            QStringLiteral("not an object it holds; not imported; the error logged with it: ");
        QCOMPARE(anyContains(texts, logged), !error.isEmpty());
        if (!error.isEmpty())
            QVERIFY2(anyContains(texts, logged + error), qPrintable(error + " not in:\n" + texts.join('\n')));
    }

    /// Documents logged while a request is made (no ID yet, or the request of an event that says HNS
    /// failed it) are no objects HNS holds: none is imported, a message says why.
    /// A value the dump shows without it (a placeholder in its place, the paste's cut in it) is unknown,
    /// never the default HNS reads an absent member as: a load balancer's port mapping has
    /// `"Protocol": null` (not any protocol), a network `"Type": null` (not NAT), each with a loss naming
    /// the member. An absent member keeps HNS's default, a value shown is kept, and a loss on another
    /// member leaves the member alone.
    void unknownValuesAreNull_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("values");    ///< valueProblem() specs
        QTest::addColumn<QStringList>("protocols"); ///< every load balancer's port mappings' Protocol, sorted
        QTest::addColumn<QStringList>("said");      ///< parts of what the report says
        QTest::addColumn<QStringList>("unsaid");    ///< parts nothing it says holds

        const QString lb = "LoadBalancer:5F1E3B2A-9C4D-4E6F-8A1B-2C3D4E5F6A7B";
        const QString v2Lb = "{\"ID\":\"5F1E3B2A-9C4D-4E6F-8A1B-2C3D4E5F6A7B\",\"HostComputeEndpoints\":[],"
                             "\"FrontendVIPs\":[\"10.96.0.10\"],\"PortMappings\":[";
        const QString v2End = "],\"SchemaVersion\":{\"Major\":2,\"Minor\":0}}";
        QTest::newRow("a placeholder for a port mapping's protocol: unknown, not any")
            << v2Lb + "{\"Protocol\": <enum>,\"InternalPort\":53,\"ExternalPort\":53}" + v2End
            << QStringList{lb + " /PortMappings/0/Protocol=null", lb + " /PortMappings/0/InternalPort=53"}
            << QStringList{"null"}
            << QStringList{"PortMappings[0].Protocol: the paste shows a placeholder (<enum>) in its place"}
            << QStringList{};
        QTest::newRow("the paste cut after a protocol's first digit: unknown, it may have been 17")
            << v2Lb + "{\"InternalPort\":53,\"ExternalPort\":53,\"Protocol\": 1"
            << QStringList{lb + " /PortMappings/0/Protocol=null", lb + " /PortMappings/0/ExternalPort=53"}
            << QStringList{"null"}
            << QStringList{"PortMappings[0].Protocol: cut off after \"1\"; the protocol is unknown"}
            << QStringList{};
        QTest::newRow("the paste cut inside a protocol's name")
            << v2Lb + "{\"InternalPort\":53,\"ExternalPort\":53,\"Protocol\": \"UD"
            << QStringList{lb + " /PortMappings/0/Protocol=null"} << QStringList{"null"}
            << QStringList{"PortMappings[0].Protocol: cut off after \"UD\"; the protocol is unknown"}
            << QStringList{};
        QTest::newRow("the paste cut right after a protocol's colon")
            << v2Lb + "{\"InternalPort\":53,\"ExternalPort\":53,\"Protocol\":   "
            << QStringList{lb + " /PortMappings/0/Protocol=null"} << QStringList{"null"}
            << QStringList{"PortMappings[0].Protocol: cut off before its value; the protocol is unknown"}
            << QStringList{};
        // A string is whole at its closing quote; a number only where something follows it.
        QTest::newRow("the paste cut right after a protocol's closing quote: kept")
            << v2Lb + "{\"InternalPort\":53,\"ExternalPort\":53,\"Protocol\": \"UDP\""
            << QStringList{lb + " /PortMappings/0/Protocol=\"UDP\"", lb + " /PortMappings/0/InternalPort=53"}
            << QStringList{"\"UDP\""} << QStringList{"the dump ends inside this value"}
            << QStringList{"Protocol:", "protocol is unknown"};
        QTest::newRow("only the brackets after a protocol's name lost: kept")
            << "{\"ID\":\"5F1E3B2A-9C4D-4E6F-8A1B-2C3D4E5F6A7B\",\"HostComputeEndpoints\":[],"
               "\"PortMappings\": [{\"Protocol\": \"UDP\"\n"
            << QStringList{lb + " /PortMappings/0/Protocol=\"UDP\""} << QStringList{"\"UDP\""}
            << QStringList{"the dump ends inside this value"}
            << QStringList{"Protocol:", "protocol is unknown"};
        QTest::newRow("the paste cut right after a protocol's number: unknown, it may have been 170")
            << v2Lb + "{\"InternalPort\":53,\"ExternalPort\":53,\"Protocol\": 17"
            << QStringList{lb + " /PortMappings/0/Protocol=null"} << QStringList{"null"}
            << QStringList{"PortMappings[0].Protocol: cut off after \"17\"; the protocol is unknown"}
            << QStringList{};
        QTest::newRow("the same with the line's end after it: unknown")
            << v2Lb + "{\"InternalPort\":53,\"ExternalPort\":53,\"Protocol\": 17\n"
            << QStringList{lb + " /PortMappings/0/Protocol=null"} << QStringList{"null"}
            << QStringList{"PortMappings[0].Protocol: cut off after \"17\"; the protocol is unknown"}
            << QStringList{};
        QTest::newRow("a protocol's number and its comma before the cut: kept")
            << v2Lb + "{\"InternalPort\":53,\"ExternalPort\":53,\"Protocol\": 17,"
            << QStringList{lb + " /PortMappings/0/Protocol=17"} << QStringList{"17"}
            << QStringList{"the dump ends inside this value"}
            << QStringList{"Protocol:", "protocol is unknown"};
        QTest::newRow("the paste cut inside a later member: the protocol shown is kept")
            << v2Lb + "{\"Protocol\":17,\"ExternalPort\":53,\"InternalPort\": 5"
            << QStringList{lb + " /PortMappings/0/Protocol=17",
                           lb + " /PortMappings/0/InternalPort=\"(absent)\""}
            << QStringList{"17"} << QStringList{"the dump ends inside this value"}
            << QStringList{"Protocol:", "Protocol=", "protocol is unknown"};
        QTest::newRow("the second port mapping's protocol a placeholder: only that one unknown")
            << v2Lb +
                   "{\"Protocol\":6,\"InternalPort\":80,\"ExternalPort\":80},"
                   "{\"Protocol\": <enum>,\"InternalPort\":443,\"ExternalPort\":443}" +
                   v2End
            << QStringList{lb + " /PortMappings/0/Protocol=6", lb + " /PortMappings/1/Protocol=null"}
            << QStringList{"6", "null"}
            << QStringList{"PortMappings[1].Protocol: the paste shows a placeholder"}
            << QStringList{"PortMappings[0].Protocol"};
        QTest::newRow("a port mapping without a protocol: HNS's any, as the dump shows it")
            << v2Lb + "{\"InternalPort\":53,\"ExternalPort\":53}" + v2End
            << QStringList{lb + " /PortMappings/0/Protocol=\"(absent)\"", lb + " @Lost=[]"}
            << QStringList{"(absent)"} << QStringList{} << QStringList{"Protocol"};
        QTest::newRow("a protocol shown is kept")
            << v2Lb + "{\"Protocol\":17,\"InternalPort\":53,\"ExternalPort\":53}" + v2End
            << QStringList{lb + " /PortMappings/0/Protocol=17", lb + " @Lost=[]"} << QStringList{"17"}
            << QStringList{} << QStringList{"Protocol"};
        QTest::newRow("a saved import's unknown protocol imports again the same")
            << v2Lb + "{\"Protocol\":null,\"InternalPort\":53,\"ExternalPort\":53}" + v2End
            << QStringList{lb + " /PortMappings/0/Protocol=null", lb + " @Lost=[]"} << QStringList{"null"}
            << QStringList{} << QStringList{};
        QTest::newRow("a placeholder in a port's place leaves the protocol alone")
            << v2Lb + "{\"Protocol\":6,\"InternalPort\": <port>,\"ExternalPort\":80}" + v2End
            << QStringList{lb + " /PortMappings/0/Protocol=6"} << QStringList{"6"}
            << QStringList{"PortMappings[0].InternalPort: the paste shows a placeholder (<port>)"}
            << QStringList{};
        // The last load balancer of a list is the one the cut is in; an answer's Output is the object.
        QTest::newRow("a list of load balancers cut inside the last one's protocol")
            << "[{\"ID\":\"6A1E3B2A-9C4D-4E6F-8A1B-2C3D4E5F6A7B\",\"HostComputeEndpoints\":[],"
               "\"PortMappings\":["
               "{\"Protocol\":6,\"InternalPort\":80,\"ExternalPort\":80}],\"SchemaVersion\":{\"Major\":2,"
               "\"Minor\":0}}," +
                   v2Lb + "{\"InternalPort\":53,\"ExternalPort\":53,\"Protocol\": 1"
            << QStringList{lb + " /PortMappings/0/Protocol=null",
                           "LoadBalancer:6A1E3B2A-9C4D-4E6F-8A1B-2C3D4E5F6A7B /PortMappings/0/Protocol=6"}
            << QStringList{"6", "null"} << QStringList{"PortMappings[0].Protocol: cut off after \"1\""}
            << QStringList{};
        QTest::newRow("an HNS answer's list cut inside its last load balancer's protocol")
            << "{\"Success\":true,\"Output\":[{\"ID\":\"6A1E3B2A-9C4D-4E6F-8A1B-2C3D4E5F6A7B\","
               "\"HostComputeEndpoints\":[],\"PortMappings\":["
               "{\"Protocol\":6,\"InternalPort\":80,\"ExternalPort\":80}],\"SchemaVersion\":{\"Major\":2,"
               "\"Minor\":0}}," +
                   v2Lb + "{\"InternalPort\":53,\"ExternalPort\":53,\"Protocol\": \"UD"
            << QStringList{lb + " /PortMappings/0/Protocol=null",
                           "LoadBalancer:6A1E3B2A-9C4D-4E6F-8A1B-2C3D4E5F6A7B /PortMappings/0/Protocol=6"}
            << QStringList{"6", "null"}
            << QStringList{"PortMappings[0].Protocol: cut off after \"UD\"; the protocol is unknown"}
            << QStringList{"Output.", "Output["};
        QTest::newRow("an HNS answer cut inside its load balancer's protocol")
            << "{\"Success\":true,\"Output\":" + v2Lb +
                   "{\"InternalPort\":53,\"ExternalPort\":53,\"Protocol\": 1"
            << QStringList{lb + " /PortMappings/0/Protocol=null"} << QStringList{"null"}
            << QStringList{"PortMappings[0].Protocol: cut off after \"1\""} << QStringList{};

        const QString v1Lb =
            "{\"ID\":\"5F1E3B2A-9C4D-4E6F-8A1B-2C3D4E5F6A7B\",\"References\":[],\"Policies\":[";
        QTest::newRow("v1: a placeholder for an ELB policy's protocol")
            << v1Lb + "{\"Type\":\"ELB\",\"Protocol\": <enum>,\"InternalPort\":53,\"ExternalPort\":53,"
                      "\"VIPs\":[\"10.96.0.10\"]}]}"
            << QStringList{lb + " /PortMappings/0/Protocol=null", lb + " /PortMappings/0/InternalPort=53"}
            << QStringList{"null"}
            << QStringList{"Policies[0].Protocol: the paste shows a placeholder (<enum>)"} << QStringList{};
        QTest::newRow("v1: the paste cut inside an ELB policy's protocol")
            << v1Lb + "{\"Type\":\"ELB\",\"InternalPort\":53,\"ExternalPort\":53,\"Protocol\": 1"
            << QStringList{lb + " /PortMappings/0/Protocol=null"} << QStringList{"null"}
            << QStringList{"Policies[0].Protocol: cut off after \"1\"; the protocol is unknown"}
            << QStringList{};
        QTest::newRow("v1: the paste cut right after an ELB policy's protocol name: kept")
            << v1Lb + "{\"Type\":\"ELB\",\"InternalPort\":53,\"ExternalPort\":53,\"Protocol\": \"UDP\""
            << QStringList{lb + " /PortMappings/0/Protocol=17"} << QStringList{"17"}
            << QStringList{"the dump ends inside this value"} << QStringList{"protocol is unknown"};
        QTest::newRow("v1: an ELB policy without a protocol is any")
            << v1Lb + "{\"Type\":\"ELB\",\"InternalPort\":53,\"ExternalPort\":53,\"VIPs\":[\"10.96.0.10\"]}]}"
            << QStringList{lb + " /PortMappings/0/Protocol=\"(absent)\""} << QStringList{"(absent)"}
            << QStringList{} << QStringList{"Protocol"};
        QTest::newRow("v1: a protocol shown is kept")
            << v1Lb + "{\"Type\":\"ELB\",\"Protocol\":\"UDP\",\"InternalPort\":53,\"ExternalPort\":53,"
                      "\"VIPs\":[\"10.96.0.10\"]}]}"
            << QStringList{lb + " /PortMappings/0/Protocol=17"} << QStringList{"17"} << QStringList{}
            << QStringList{"Protocol"};
        // A policy list whose ELB policies have other frontends is split: each part's own policies.
        QTest::newRow("v1: a split policy list: the unknown protocol goes with its own policy")
            << v1Lb + "{\"Type\":\"ROUTE\",\"DestinationPrefix\":\"10.0.0.0/8\"},"
                      "{\"Type\":\"ELB\",\"Protocol\":6,\"InternalPort\":80,\"ExternalPort\":80,\"VIPs\":["
                      "\"10.96.0.10\"]},"
                      "{\"Type\":\"ELB\",\"Protocol\": <enum>,\"InternalPort\":53,\"ExternalPort\":53,"
                      "\"VIPs\":[\"10.96.0.11\"]}]}"
            << QStringList{lb + " /PortMappings/0/Protocol=6"} << QStringList{"6", "null"}
            << QStringList{"Policies[0].Protocol: the paste shows a placeholder (<enum>)"}
            << QStringList{"dump: Policies[2]"};
        QTest::newRow("v1: a split policy list cut inside its last ELB policy's protocol")
            << v1Lb + "{\"Type\":\"ROUTE\",\"DestinationPrefix\":\"10.0.0.0/8\"},"
                      "{\"Type\":\"ELB\",\"Protocol\":6,\"InternalPort\":80,\"ExternalPort\":80,\"VIPs\":["
                      "\"10.96.0.10\"]},"
                      "{\"Type\":\"ELB\",\"VIPs\":[\"10.96.0.11\"],\"InternalPort\":53,\"ExternalPort\":53,"
                      "\"Protocol\": 1"
            << QStringList{lb + " /PortMappings/0/Protocol=6"} << QStringList{"6", "null"}
            << QStringList{"Policies[0].Protocol: cut off after \"1\"; the protocol is unknown"}
            << QStringList{"dump: Policies[2]"};

        const QString net = "Network:7B3E1A52-9C04-4D6F-8E21-5A0C3F9B7D18";
        const QString v2Net = "{\"ID\":\"7B3E1A52-9C04-4D6F-8E21-5A0C3F9B7D18\",\"Name\":\"calico\",";
        const QString v2NetEnd =
            "\"SchemaVersion\":{\"Major\":2,\"Minor\":0},"
            "\"Ipams\":[{\"Type\":\"Static\",\"Subnets\":[{\"IpAddressPrefix\":\"10.35.64.0/26\"}]}]}";
        QTest::newRow("a network's Type a placeholder: unknown, not NAT")
            << v2Net + "\"Type\": <enum>," + v2NetEnd << QStringList{net + " /Type=null"} << QStringList{}
            << QStringList{"Type: the paste shows a placeholder (<enum>) in its place"} << QStringList{};
        QTest::newRow("a network cut inside its Type: unknown")
            << v2Net + "\"Type\": \"L2" << QStringList{net + " /Type=null"} << QStringList{}
            << QStringList{"Type: cut off after \"L2\"; the type is unknown"} << QStringList{};
        QTest::newRow("a network cut right after its Type's closing quote: kept")
            << v2Net + "\"Type\": \"L2Bridge\"" << QStringList{net + " /Type=\"L2Bridge\""} << QStringList{}
            << QStringList{"the dump ends inside this value"} << QStringList{"Type:"};
        QTest::newRow("a network without a Type: HCN's NAT, as the dump shows it")
            << v2Net + v2NetEnd << QStringList{net + " /Type=\"(absent)\"", net + " @Lost=[]"}
            << QStringList{} << QStringList{} << QStringList{"Type"};
        QTest::newRow("a network's Type shown is kept")
            << v2Net + "\"Type\": \"L2Bridge\"," + v2NetEnd << QStringList{net + " /Type=\"L2Bridge\""}
            << QStringList{} << QStringList{} << QStringList{"Type"};
        // A loss on a policy's Type, or on another member, is no loss of the network's Type.
        QTest::newRow("a placeholder for a policy's Type leaves the network's alone")
            << v2Net + "\"Policies\":[{\"Type\": <enum>,\"Settings\":{}}]," + v2NetEnd
            << QStringList{net + " /Type=\"(absent)\""} << QStringList{}
            << QStringList{"Policies[0].Type: the paste shows a placeholder (<enum>)"} << QStringList{};
        QTest::newRow("a placeholder for a network's Name leaves its Type alone")
            << v2Net.left(v2Net.indexOf("\"Name\"")) + "\"Name\": <name>," + v2NetEnd
            << QStringList{net + " /Type=\"(absent)\""} << QStringList{}
            << QStringList{"Name: the paste shows a placeholder (<name>)"} << QStringList{};
        QTest::newRow("v1: a network without a Type: unknown")
            << "{\"ID\":\"7B3E1A52-9C04-4D6F-8E21-5A0C3F9B7D18\",\"Name\":\"calico\",\"Subnets\":[],"
               "\"Policies\":[],"
               "\"ManagementIP\":\"10.0.0.4\"}"
            << QStringList{net + " /Type=null"} << QStringList{}
            << QStringList{"Type: not in the dump; the network's type is unknown"} << QStringList{};
    }

    void unknownValuesAreNull()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, values);
        QFETCH(QStringList, protocols);
        QFETCH(QStringList, said);
        QFETCH(QStringList, unsaid);
        Result<ImportResult> result = importDump({{"paste", text.toStdString()}});
        QVERIFY(result.ok());
        for (const QString& value : values) {
            const QString problem = valueProblem(*result, value);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
        QStringList shown;
        for (const json& lb : result->snapshot.value("LoadBalancers", json::array()))
            for (const json& mapping : lb.value("PortMappings", json::array()))
                shown << QString::fromStdString(mapping.contains("Protocol") ? mapping["Protocol"].dump()
                                                                             : std::string("(absent)"));
        shown.sort();
        QCOMPARE(shown, protocols);
        const QStringList texts = everythingSaid(*result);
        for (const QString& part : said)
            QVERIFY2(anyContains(texts, part), qPrintable(part + " not in:\n" + texts.join('\n')));
        for (const QString& part : unsaid)
            QVERIFY2(!anyContains(texts, part), qPrintable(part + " in:\n" + texts.join('\n')));
    }

    void requestsBeingMadeAreNoObjects_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("objects");
        QTest::addColumn<QString>("message");

        const QString network = "6A1B2C3D-4E5F-4A60-8B71-C2D3E4F50617";
        QTest::newRow("a Go struct dump of an endpoint being created")
            << "I1204 09:20:19.783291    3232 hns.go:212] Creating HNS endpoint: &{Id: Name:ep1 "
               "VirtualNetwork:" +
                   network + " IPAddress:10.244.2.2 PrefixLength:0 IsRemoteEndpoint:false}"
            << QStringList{} << "a request sent to HNS: ";
        QTest::newRow("flannel's network about to be created")
            << "I1204 09:20:20.100000    3232 main.go:330] Attempting to create HNSNetwork "
               "{\"Name\":\"cbr0\",\"Type\":\"L2Bridge\",\"Subnets\":[{\"AddressPrefix\":\"10.244.2.0/"
               "24\",\"GatewayAddress\":\"10.244.2.1\"}]}"
            << QStringList{} << "a request sent to HNS: ";
        QTest::newRow("a request escaped in a logrus field")
            << "time=\"2026-12-04T09:20:21Z\" level=info msg=\"hnsConfigBytes: {\\\"Name\\\":\\\"ep9\\\","
               "\\\"VirtualNetwork\\\":\\\"" +
                   network + "\\\",\\\"IPAddress\\\":\\\"10.0.1.5\\\",\\\"PrefixLength\\\":24}\""
            << QStringList{} << "a request sent to HNS: ";
        QTest::newRow("the settings a runtime passes")
            << "time=\"2026-12-04T09:20:22Z\" level=debug msg=\"hcn endpoint\" "
               "Settings={\"Name\":\"ep10\",\"HostComputeNetwork\":\"" +
                   network + "\",\"IpConfigurations\":[{\"IpAddress\":\"10.0.1.6\",\"PrefixLength\":24}]}"
            << QStringList{} << "a request sent to HNS: ";
        QTest::newRow("an event's description and its XML data hold the same failed request")
            << "Description:\nHNS failed to create endpoint with settings "
               "{\"ID\":\"8C3D4E5F-6071-4B82-9D93-E4F506172839\",\"Name\":\"pod-b\",\"VirtualNetwork\":\"" +
                   network +
                   "\"}. Error: 0x803b0013"
                   "\nEvent Xml:\n<Event>\n  <EventData>\n"
                   "    <Data "
                   "Name=\"Settings\">{\"ID\":\"8C3D4E5F-6071-4B82-9D93-E4F506172839\",\"Name\":\"pod-b\","
                   "\"VirtualNetwork\":\"" +
                   network +
                   "\"}</Data>"
                   "\n    <Data Name=\"Error\">0x803b0013</Data>\n  </EventData>\n</Event>"
            << QStringList{}
            << "the request HNS failed in line 2 again, not an object it holds; not imported";
        QTest::newRow("what HNS answered is an object")
            << "time=\"2026-12-04T09:20:23Z\" level=info msg=\"Network Response : {\\\"ID\\\":\\\"" +
                   network + "\\\",\\\"Name\\\":\\\"cbr0\\\",\\\"Type\\\":\\\"L2Bridge\\\"}\""
            << QStringList{"Network:" + network} << QString();

        // The network an endpoint request is for, as a typed command names it.
        const QString sent = "a request sent to HNS: ";
        const QString notHeld = "; not an object it holds, not imported";
        QTest::newRow("an endpoint request names its network by ID")
            << "VERBOSE: Invoke-HNSRequest Method[POST] Path[/endpoints] Data[{\n"
               "    \"GatewayAddress\":  \"100.96.10.2\",\n    \"VirtualNetwork\":  \"" +
                   network.toLower() +
                   "\",\n    \"Name\":  \"cbr0\",\n    \"IPAddress\":  \"100.96.10.0\"\n}]"
            << QStringList{}
            << sent + "create endpoint cbr0 (100.96.10.0) on network " + network.toLower() + notHeld;
        QTest::newRow("a v1 request giving the network's name and ID")
            << "I1204 09:20:19.783291    3232 hns.go:212] Creating HNS endpoint: &{Id: Name:ep1 "
               "VirtualNetwork:" +
                   network + " VirtualNetworkName:cbr0 IPAddress:10.244.2.2 PrefixLength:0}"
            << QStringList{}
            << sent + "create endpoint ep1 (10.244.2.2) on network cbr0 (" + network + ")" + notHeld;
        QTest::newRow("a v1 request giving the network's name only")
            << "Creating HNS endpoint: &{Id: Name:ep1 VirtualNetwork: VirtualNetworkName:cbr0 "
               "IPAddress:10.244.2.2}"
            << QStringList{} << sent + "create endpoint ep1 (10.244.2.2) on network cbr0" + notHeld;
        QTest::newRow("a v2 request names its HostComputeNetwork")
            << "time=\"2026-12-04T09:20:22Z\" level=debug msg=\"hcn endpoint\" "
               "Settings={\"Name\":\"ep10\",\"HostComputeNetwork\":\"" +
                   network + "\",\"IpConfigurations\":[{\"IpAddress\":\"10.0.1.6\",\"PrefixLength\":24}]}"
            << QStringList{} << sent + "create endpoint ep10 (10.0.1.6) on network " + network + notHeld;
        QTest::newRow("the snapshot's network of that ID gives its name")
            << "{\"ID\":\"" + network +
                   "\",\"Name\":\"cbr0\",\"Type\":\"L2Bridge\"}\n"
                   "I1204 09:20:19.783291    3232 hns.go:212] Creating HNS endpoint: &{Id: Name:ep1 "
                   "VirtualNetwork:" +
                   network.toLower() + " IPAddress:10.244.2.2}"
            << QStringList{"Network:" + network}
            << sent + "create endpoint ep1 (10.244.2.2) on network cbr0 (" + network.toLower() + ")" +
                   notHeld;
        QTest::newRow("the log names the network by ID and name")
            << "time=\"2026-12-04T09:20:17Z\" level=info msg=\"hnsNetwork name=vxlan0, id=" + network +
                   "\"\nI1204 09:20:19.783291    3232 hns.go:212] Creating HNS endpoint: &{Id: Name:ep1 "
                   "VirtualNetwork:" +
                   network + " IPAddress:10.244.2.2}"
            << QStringList{}
            << sent + "create endpoint ep1 (10.244.2.2) on network vxlan0 (" + network + ")" + notHeld;
        QTest::newRow("a network of another ID gives no name")
            << "{\"ID\":\"9F1B2C3D-4E5F-4A60-8B71-C2D3E4F50617\",\"Name\":\"cbr0\",\"Type\":\"L2Bridge\"}\n"
               "Creating HNS endpoint: &{Id: Name:ep1 VirtualNetwork:" +
                   network + " IPAddress:10.244.2.2}"
            << QStringList{"Network:9F1B2C3D-4E5F-4A60-8B71-C2D3E4F50617"}
            << sent + "create endpoint ep1 (10.244.2.2) on network " + network + notHeld;
        // A documentation placeholder among the values: the request as pasted is a template.
        QTest::newRow("a placeholder escaped in the request's values")
            << "Settings={\"Name\":\"ep11_Calico\",\"HostComputeNetwork\":\"" + network +
                   "\",\"Policies\":[{\"Type\":\"OutBoundNAT\",\"Settings\":{\"Exceptions\":[\"\\u003cyour "
                   "service cidr\\u003e\",\"100.244.0.0/16\"]}},{\"Type\":\"SDNROUTE\",\"Settings\":{"
                   "\"DestinationPrefix\":\"\\u003cyour service cidr\\u003e\"}}],\"IpConfigurations\":[{"
                   "\"IpAddress\":\"100.244.206.68\"}]}"
            << QStringList{}
            << sent + "create endpoint ep11_Calico (100.244.206.68) on network " + network +
                   " (a template: <your service cidr> is a placeholder, not a value)" + notHeld;
        QTest::newRow("two placeholders a poster wrote")
            << R"(Attempting to create HNSNetwork {"Name":"cbr0","Type":"L2Bridge","Subnets":[{"AddressPrefix":"<pod-cidr>","GatewayAddress":"10.244.x.1"}]})"
            << QStringList{}
            << sent +
                   "create network cbr0 (L2Bridge, <pod-cidr> via 10.244.x.1) (a template: 2 placeholders, "
                   "not values)" +
                   notHeld;
        QTest::newRow("what a program prints for no value is no placeholder")
            << "Creating HNS endpoint: &{Id: Name:ep1 VirtualNetwork:" + network +
                   " IPAddress:10.244.2.2 Namespace:<nil> DNSSuffix:<none>}"
            << QStringList{} << sent + "create endpoint ep1 (10.244.2.2) on network " + network + notHeld;
        QTest::newRow("markup in angle brackets is no placeholder")
            << R"(Attempting to create HNSNetwork {"Name":"cbr0","Type":"L2Bridge","DNSSuffix":"<a href=x>"})"
            << QStringList{} << sent + "create network cbr0 (L2Bridge)" + notHeld;
        // What the client logs after the request says HNS did it.
        const QString attempt =
            "I0313 18:02:19.783291    3232 hostgw_windows.go:212] Attempting to create bridge "
            "HNSEndpoint &{Id: Name:cbr0_ep VirtualNetwork:" +
            network + " IPAddress:10.244.2.2}\n";
        const QString epSaid = sent + "create endpoint cbr0_ep (10.244.2.2) on network " + network;
        QTest::newRow("flannel created the endpoint it asked for")
            << attempt +
                   "I0313 18:02:19.804296    3232 hostgw_windows.go:217] Created bridge HNSEndpoint cbr0_ep"
            << QStringList{} << epSaid + "; HNS did it (line 2)" + notHeld;
        QTest::newRow("the endpoint named created a few lines later, said with the kind's words")
            << attempt + "I0313 18:02:19.790000    3232 hostgw_windows.go:214] waiting\n"
                         "time=\"2026-03-13T18:02:19Z\" level=info msg=\"HNS endpoint cbr0_ep was created\""
            << QStringList{} << epSaid + "; HNS did it (line 3)" + notHeld;
        QTest::newRow("antrea's created network with its name and ID")
            << "I1210 13:34:04.900000    7704 net_windows.go:260] Creating HNSNetwork "
               "{\"Name\":\"antrea-hnsnetwork\",\"Type\":\"Transparent\"}\n"
               "I1210 13:34:04.945447    7704 net_windows.go:270] Created HNSNetwork with name "
               "antrea-hnsnetwork id " +
                   network
            << QStringList{}
            << sent + "create network antrea-hnsnetwork (Transparent); HNS did it (line 2)" + notHeld;
        QTest::newRow("HNS's answer says it succeeded")
            << attempt + R"({"Success":true,"Output":{"Name":"cbr0_ep"}})" << QStringList{}
            << epSaid + "; HNS did it (line 2)" + notHeld;
        QTest::newRow("another endpoint created is no answer")
            << attempt +
                   "I0313 18:02:19.804296    3232 hostgw_windows.go:217] Created bridge HNSEndpoint cbr0_ep2"
            << QStringList{} << epSaid + notHeld;
        QTest::newRow("a network of the endpoint's name prefix created is no answer")
            << "Attempting to create bridge HNSEndpoint &{Id: Name:cbr0 VirtualNetwork:" + network +
                   " IPAddress:10.244.2.2}\nCreated HNSNetwork cbr0"
            << QStringList{} << sent + "create endpoint cbr0 (10.244.2.2) on network " + network + notHeld;
        QTest::newRow("an endpoint created on the network a request names is no answer to it")
            << "I1207 10:00:00.000000    1234 hns.go:50] HNSNetwork Request "
               "={\"Name\":\"nat\",\"Type\":\"NAT\"}\n"
               "I1207 10:00:01.000000    1234 main.go:80] Created endpoint web_ep on network nat for "
               "container web"
            << QStringList{} << sent + "create network nat (NAT)" + notHeld;
        QTest::newRow("not created is no answer")
            << attempt + "HNS endpoint cbr0_ep was not created" << QStringList{} << epSaid + notHeld;
        QTest::newRow("an error before the word that it was created")
            << attempt +
                   "E0313 18:02:19.790000    3232 main.go:289] hnsCall failed in Win32: The object already "
                   "exists. (0x1392)\nCreated bridge HNSEndpoint cbr0_ep"
            << QStringList{} << epSaid + notHeld;
        QTest::newRow("created after another request is that one's answer")
            << attempt +
                   "Attempting to create bridge HNSEndpoint &{Id: Name:cbr1_ep VirtualNetwork:" + network +
                   " IPAddress:10.244.2.3}\nCreated bridge HNSEndpoint cbr0_ep"
            << QStringList{} << epSaid + notHeld;
        QTest::newRow("created too many lines later")
            << attempt + QString("waiting\n").repeated(21) + "Created bridge HNSEndpoint cbr0_ep"
            << QStringList{} << epSaid + notHeld;
        // HNS's refusal a few log lines after a create request answers it, as it would a deletion.
        const QString ovl = R"({"Name":"ovl1","Type":"overlay","Subnets":[{"AddressPrefix":"10.0.9.0/24",)"
                            R"("GatewayAddress":"10.0.9.1"}]})";
        const QString asked = "[10:00:01.100][WindowsDaemon  ][Info   ] HNSNetwork Request =" + ovl +
                              "\n[10:00:01.100][WindowsDaemon  ][Info   ] debug: [POST]=>[/networks/] "
                              "Request : " +
                              ovl + "\n";
        const QString released =
            "[10:00:01.101][WindowsDaemon  ][Info   ] debug: releasing IPv4 pools from network ovl1_default "
            "(ovl1)\n";
        const QString refused = "[10:00:01.102][WindowsDaemon  ][Error  ] fatal task error [error=HNS failed "
                                "with error : An adapter was not found.  service.id=z9nt3wigh94k";
        const QString ovlSaid = sent + "create network ovl1 (Overlay, 10.0.9.0/24 via 10.0.9.1)";
        QTest::newRow("the refusal lines after a create request names it")
            << asked + released + refused << QStringList{}
            << "\"An adapter was not found.\" (code from the message text) (HNS's answer to the request to "
               "create network ovl1 (Overlay, 10.0.9.0/24 via 10.0.9.1) at lines 1-2)";
        QTest::newRow("the create request is still said at its lines")
            << asked + released + refused << QStringList{}
            << ovlSaid + notHeld + " (logged 2 times, lines 1-2)";
    }

    void requestsBeingMadeAreNoObjects()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, objects);
        QFETCH(QString, message);
        Result<ImportResult> result = importDump({{"paste", text.toStdString()}});
        QVERIFY(result.ok());
        QCOMPARE(objectList(*result), objects);
        const QStringList texts = messageTexts(*result);
        if (!message.isEmpty())
            QVERIFY2(anyContains(texts, message), qPrintable(message + " not in:\n" + texts.join('\n')));
    }

    /// Documents that are no object a host holds (a settings string code hands to HcnCreateEndpoint, an
    /// example with `<...>` placeholders), a Go print after a request, and a network list the paste cut at
    /// both ends: each is read as what it is, with the message a user needs.
    void documentsReadAsWhatTheyAre_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("objects");
        QTest::addColumn<QStringList>("values");   ///< valueProblem() specs
        QTest::addColumn<QStringList>("messages"); ///< "severity: part of the text", in order
        QTest::addColumn<QStringList>("absent");   ///< parts no message may hold

        const QString frontnet = "Network:C5A1F2E3-84B6-4D7C-9E0F-1A2B3C4D5E6F";
        QTest::newRow("an escaped list that starts inside a network and ends inside another one's Type")
            << "docker-escaped-list-starts-inside-network.txt" << QStringList{frontnet}
            << QStringList{frontnet + " /Type=\"Private\""}
            << QStringList{"warning: the paste starts inside a network (Name backnet, Type Private, "
                           "10.40.16.0/20); "
                           "its ID is before the cut; not imported"}
            << QStringList{"not a network, endpoint", "not in the dump"};
        QTest::newRow("a paste that starts inside an endpoint's Resources: its port allocator is no endpoint")
            << "endpoint-paste-starts-inside-its-resources.log" << QStringList{} << QStringList{}
            << QStringList{"warning: the paste starts inside a value; only the members after the cut are "
                           "read"}
            << QStringList{"4C8A1E6F", "virtual machine"};
        // ConvertTo-Json writes an empty object as `{`, a blank line, `}`: the blank line is inside it.
        QTest::newRow("a ConvertTo-Json endpoint the paste starts inside, empty objects on three lines")
            << "convertto-json-endpoint-paste-starts-inside-resources.txt"
            << QStringList{"Endpoint:E595A450-58D4-43F9-B5F0-CBBA19930D20"}
            << QStringList{"Endpoint:E595A450-58D4-43F9-B5F0-CBBA19930D20 "
                           "/HostComputeNetwork=\"71B4C3D2-8E9F-4A1B-9C2D-3E4F5A6B7C8D\""}
            << QStringList{"warning: the paste starts inside a value; only the members after the cut are "
                           "read",
                           "ID: not in the dump; the snapshot calls it E595A450-58D4-43F9-B5F0-CBBA19930D20; "
                           "the paste starts inside this value; its members before line 1 are unknown"}
            << QStringList{"nothing in the dump", "4E2C5B8A"};
        QTest::newRow("plain JSON cut inside its Type: the only mode that starts so")
            << "network-cut-inside-type.txt" << QStringList{frontnet}
            << QStringList{frontnet + " /Type=\"Transparent\""}
            << QStringList{"warning: the value is cut off",
                           "info: network frontnet (c5a1f2e3-84b6-4d7c-9e0f-1a2b3c4d5e6f): not carried in "
                           "full by the "
                           "dump: the dump ends inside this value after line 1; what followed is unknown; "
                           "Type: cut "
                           "off after \"Tra\"; read as Transparent, the only network type that starts so"}
            << QStringList{"not in the dump"};
        QTest::newRow("plain JSON cut inside its Type: several modes start so")
            << "network-cut-inside-type-ambiguous.txt" << QStringList{frontnet}
            << QStringList{frontnet + " /Type=null"}
            << QStringList{"warning: the value is cut off", "Type: cut off after \"L2\"; the type is unknown"}
            << QStringList{"not in the dump", "not a network, endpoint"};
        // HCN reads a network without a Type as NAT: one whose Type the dump shows without its value
        // says `"Type": null`, which hcnctl's table shows as unknown, v2 as v1.
        const QString calico = "Network:7B3E1A52-9C04-4D6F-8E21-5A0C3F9B7D18";
        QTest::newRow("a v2 network with a placeholder for its Type: unknown, not NAT")
            << "v2-network-type-placeholder.txt" << QStringList{calico} << QStringList{calico + " /Type=null"}
            << QStringList{"Type: the paste shows a placeholder (<enum>) in its place; what it stood for is "
                           "unknown"}
            << QStringList{"not in the dump"};
        QTest::newRow("an endpoint whose values a poster redacted is an object, not an example")
            << "endpoint-redacted-values.json" << QStringList{"Endpoint:4351C48F-1111-436D-BBED-E8EBF150B442"}
            << QStringList{}
            << QStringList{"info: endpoint <redacted> (4351C48F-1111-436D-BBED-E8EBF150B442): not carried in "
                           "full by the dump: ID: \"<redacted>\" is not a GUID"}
            << QStringList{"an example document"};
        QTest::newRow("a v2 network cut inside its Type: unknown, not NAT")
            << "v2-network-cut-inside-type.txt" << QStringList{calico} << QStringList{calico + " /Type=null"}
            << QStringList{"warning: the value is cut off", "Type: cut off after \"L2\"; the type is unknown"}
            << QStringList{"not in the dump"};
        QTest::newRow("a v2 network without a Type member is HCN's NAT network")
            << "v2-network-without-type.txt" << QStringList{calico}
            << QStringList{calico + " /Type=\"(absent)\"", calico + " @Lost=[]"} << QStringList{}
            << QStringList{"Type"};
        QTest::newRow("a request and the Go print of its address space")
            << "docker-request-then-go-address-space.txt" << QStringList{} << QStringList{}
            << QStringList{"info: the dump shows no HNS network", "info: a request sent to HNS"}
            << QStringList{"not valid JSON", "parse error", "syntax error"};
        QTest::newRow("a settings string that C++ code passes to HcnCreateEndpoint")
            << "hcn-endpoint-settings-in-cpp.txt" << QStringList{} << QStringList{}
            << QStringList{"error: nothing in the dump", "info: a settings document passed to "
                                                         "HcnCreateEndpoint (a request); not an object HNS "
                                                         "holds; not imported"}
            << QStringList{"made up"};
        QTest::newRow("a design document's examples with placeholders")
            << "hcn-v2-template-placeholders.md" << QStringList{} << QStringList{}
            << QStringList{"error: nothing in the dump",
                           "info: an example document (placeholders <network-id>); not an object HNS holds; "
                           "not "
                           "imported",
                           "info: an example document (placeholders <endpoint-id>); not an object HNS holds; "
                           "not "
                           "imported"}
            << QStringList{"cut by the paste", "is not in the dump"};
        // A schema page writes each value as the placeholder of its type: no value was left out, the
        // documents are examples (no network of a made-up ID shown as NAT, no load balancer "any 0->0").
        QTest::newRow("a schema page whose values are all placeholders: examples, not objects")
            << "hcn-schema-page-bare-placeholders.md" << QStringList{} << QStringList{}
            << QStringList{"error: nothing in the dump",
                           "info: an example document (placeholders <string>, <uint32>, <enum>, <ip prefix "
                           "in "
                           "CIDR>); not an object HNS holds; not imported",
                           "info: an example document (placeholders <string>, <endpoint id>, <ip address>, "
                           "<enum>, ...); not an object HNS holds; not imported",
                           "info: an example document (placeholders <string>, <uint32>, <enum>); not an "
                           "object "
                           "HNS holds; not imported"}
            << QStringList{"read as elision", "made up", "not carried in full", "never closes"};
        QTest::newRow("a template among the networks of a list: the network is read, the template is none")
            << "network-list-with-a-template.json"
            << QStringList{"Network:3C6FAB4D-6191-4171-A627-DD46F8C2E392"}
            << QStringList{"Network:3C6FAB4D-6191-4171-A627-DD46F8C2E392 @Lost=[]"}
            << QStringList{"info: an example document (placeholders <string>, <enum>, <prefix>, <address>); "
                           "not "
                           "an object HNS holds; not imported"}
            << QStringList{"read as elision", "made up", "not carried in full"};
        // A whole v2 document without an ID and without what HNS adds when it answers (Health, State,
        // Resources, subnet IDs) is what a caller passes to HcnCreate*: a request. The answer with its ID
        // is the network.
        const QString appnet = "Network:3D9E27B1-6C4A-4F85-A0D2-5B7C19E86F34";
        const QString settings = "; not an object HNS holds; not imported";
        QTest::newRow("a ticket's v2 settings documents, then what HcnQueryNetworkProperties returned")
            << "hcn-v2-settings-then-query.md" << QStringList{appnet}
            << QStringList{appnet + " /Name=\"appnet\"", appnet + " @FirstLine=57"}
            << QStringList{"info: a settings document for HcnCreateNetwork (a request): network appnet "
                           "(L2Bridge, 10.60.4.0/24 via 10.60.4.1), a whole v2 document without an ID" +
                               settings,
                           "info: a settings document for HcnCreateEndpoint (a request): endpoint "
                           "web-0_appnet "
                           "(10.60.4.17), a whole v2 document without an ID" +
                               settings,
                           "info: a settings document for HcnCreateLoadBalancer (a request): load balancer "
                           "(10.60.255.20), a whole v2 document without an ID" +
                               settings}
            << QStringList{"made up", "not in the dump", "nothing in the dump"};
        // A document that does not start or end in the dump may have had its ID where it is cut.
        QTest::newRow("v2 query output whose paste starts after its ID is the network")
            << "hcn-v2-network-query-cut-before-id.txt"
            << QStringList{"Network:8EA0DA98-B29D-44AF-88ED-9FB6D3E77CC2"} << QStringList{}
            << QStringList{"warning: the paste starts inside a value",
                           "info: network appnet (8EA0DA98-B29D-44AF-88ED-9FB6D3E77CC2): not carried in full"}
            << QStringList{"a settings document"};
        QTest::newRow("a v2 document cut before it closes is the network")
            << "hcn-v2-network-cut-at-end.txt" << QStringList{"Network:E1724F14-68BA-45B1-BA99-BD8367AA9A2C"}
            << QStringList{} << QStringList{"warning: the value is cut off"}
            << QStringList{"a settings document"};
        // A record cut before its ID that shows only what HNS writes alike on every network (its last
        // activity, counters, the switch's extensions) names no network: warned about, as a table row
        // cut before its ID is, and no network with a made-up ID stands for it.
        QTest::newRow("a Get-HnsNetwork list view cut before its ID names no network")
            << "listview-network-cut-before-id.txt" << QStringList{} << QStringList{}
            << QStringList{"error: nothing in the dump",
                           "warning: a Get-HnsNetwork record cut before its ID (ActivityId "
                           "4D2A9E61-7B3C-4F18-A05D-9C8E2B1F6A37, CurrentEndpointCount 3); not imported"}
            << QStringList{"made up", "the snapshot calls it"};
        QTest::newRow("Get-HnsNetwork's JSON cut before its ID names no network")
            << "json-network-cut-before-id.txt" << QStringList{} << QStringList{}
            << QStringList{"error: nothing in the dump",
                           "warning: a Get-HnsNetwork record cut before its ID (ActivityId "
                           "4D2A9E61-7B3C-4F18-A05D-9C8E2B1F6A37, CurrentEndpointCount 3); not imported"}
            << QStringList{"made up", "the snapshot calls it"};
        QTest::newRow("a Get-HnsNetwork record without its ID but with its name and type is the network")
            << "listview-network-without-id-column.txt"
            << QStringList{"Network:DB965D58-53D6-4B36-8AAB-60C95EF9331C"} << QStringList{}
            << QStringList{"info: network nat ("} << QStringList{"not imported"};
        const QString oldV2 = "Endpoint:7A6B5C4D-3E2F-4A1B-8C9D-0E1F2A3B4C5D";
        QTest::newRow("a v2 endpoint with its address at the top")
            << "hcn-v2-endpoint-top-level-address.json" << QStringList{oldV2}
            << QStringList{oldV2 + " /IpConfigurations/0/IpAddress=\"10.12.0.21\"",
                           oldV2 + " /IpConfigurations/0/PrefixLength=16", oldV2 + " /IPAddress=\"(absent)\""}
            << QStringList{} << QStringList{"IPAddress"};
        // A v1 namespace shows no Type: the one its IsDefault gives is said to be assumed, in a note.
        const QString stuck = "Namespace:6B0D4E2A-91C3-4F57-8A1E-3D5C7B9F0A24";
        const QString hostDefault = "Namespace:9E2C4A61-7D35-4B08-B1F9-5A3C7E0D2B46";
        QTest::newRow("hnsdiag namespaces without Type: Host or HostDefault assumed from IsDefault")
            << "hnsdiag-namespace-detailed-stuck-state.txt" << QStringList{stuck, hostDefault}
            << QStringList{stuck + " /Type=\"Host\"", stuck + " /State=4",
                           stuck +
                               " @Notes=[\"Type: not in the dump (a v1 namespace shows none); Host assumed "
                               "from its IsDefault false\"]",
                           hostDefault + " /Type=\"HostDefault\"",
                           hostDefault + " @Notes=[\"Type: not in the dump (a v1 namespace shows none); "
                                         "HostDefault assumed from its IsDefault true\"]"}
            << QStringList{} << QStringList{"Type:"};
        const QString untyped = "Namespace:2F8A6C40-1E3B-4D95-A7C2-60B4E8D1F3A9";
        QTest::newRow("a v1 namespace without IsDefault: its type is unknown")
            << "namespaces-and-endpoint-states.json"
            << QStringList{"Endpoint:3E7A9C15-6F2B-4D80-A4C9-1B3D5F7E9A02",
                           "Endpoint:5A1C3E70-9B2D-4F48-86E1-D3F5A7C90B12",
                           "Endpoint:7B3D5F91-0C2E-4A6B-B8D7-E1F3A5C7D924", untyped}
            << QStringList{untyped + " /Type=\"(absent)\"",
                           untyped + " @Notes=[\"Type: not in the dump (a v1 namespace shows none), nor "
                                     "IsDefault; the namespace's type is unknown\"]"}
            << QStringList{} << QStringList{"Type:"};
        const QString v2 = "Namespace:932331A3-B265-4FCE-B4C8-079E70982379";
        QTest::newRow("a namespace whose dump gives its Type has no note of it")
            << "hns-namespace-compartment-in-allocator.json"
            << QStringList{"Namespace:4C1D2E3F-5A6B-4C7D-8E9F-0A1B2C3D4E5F", v2}
            << QStringList{v2 + " /Type=\"Host\"",
                           v2 + " @Notes=[\"NamespaceId: 51, the CompartmentId of its Network Compartment "
                                "allocator (Health.Extra.Resources.Allocators[0])\"]"}
            << QStringList{} << QStringList{};
    }

    void documentsReadAsWhatTheyAre()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, objects);
        QFETCH(QStringList, values);
        QFETCH(QStringList, messages);
        QFETCH(QStringList, absent);
        const ImportResult result = importFiles({file});
        QCOMPARE(objectList(result), objects);
        for (const QString& value : values) {
            const QString problem = valueProblem(result, value);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
        QStringList seen;
        for (const ImportMessage& m : result.report.messages)
            seen << QString::fromStdString(std::string(importSeverityName(m.severity)) + ": " + m.message);
        qsizetype from = 0;
        for (const QString& part : messages) {
            while (from < seen.size() && !seen[from].contains(part))
                ++from;
            QVERIFY2(from < seen.size(), qPrintable(part + " not in order in:\n" + seen.join('\n')));
            ++from;
        }
        for (const QString& part : absent)
            QVERIFY2(!anyContains(seen, part), qPrintable(part + " in:\n" + seen.join('\n')));
    }

    /// An object whose State is not the usual one is said, with what a support engineer looks at next: a
    /// namespace in any State but 1 (HNS's documents name no namespace states: the number) with its
    /// containers and endpoints, an endpoint Degraded or Destroyed. Any other state says nothing.
    void unusualStatesAreSaid_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("said"); ///< "lines: message", in the order of the objects

        QTest::newRow("hnsdiag -d: a namespace in State 4 with a container; one in State 1")
            << "hnsdiag-namespace-detailed-stuck-state.txt"
            << QStringList{"2-31: namespace 6B0D4E2A-91C3-4F57-8A1E-3D5C7B9F0A24: State 4, not the 1 of a "
                           "namespace HNS set up (HNS's documents name no namespace states); it holds 1 "
                           "container and no endpoints"};
        QTest::newRow("endpoints Degraded and Destroyed; a namespace in State 3 with an endpoint not shown")
            << "namespaces-and-endpoint-states.json"
            << QStringList{
                   "2-10: namespace 2F8A6C40-1E3B-4D95-A7C2-60B4E8D1F3A9: State 3, not the 1 of a "
                   "namespace HNS set up (HNS's documents name no namespace states); it holds no "
                   "containers and 2 endpoints (1 not shown)",
                   "11-18: endpoint pod-cache (5A1C3E70-9B2D-4F48-86E1-D3F5A7C90B12): State 5 (Degraded)",
                   "27-34: endpoint pod-old (3E7A9C15-6F2B-4D80-A4C9-1B3D5F7E9A02): State 6 (Destroyed)"};
        QTest::newRow("objects in their usual states") << "namespace-v1-containers.json" << QStringList{};
    }

    void unusualStatesAreSaid()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, said);
        const ImportResult result = importFiles({file});
        std::vector<json> documents;
        for (const ImportedObject& o : result.report.objects) {
            const json* doc = document(result, o.kind, o.id);
            QVERIFY(doc);
            documents.push_back(*doc);
        }
        std::vector<ImportMessage> messages;
        detail::reportObjectStates(result.report.objects, documents, messages);
        QStringList shown;
        for (const ImportMessage& m : messages) {
            QCOMPARE(m.severity, ImportSeverity::Info);
            shown << QStringLiteral("%1-%2: %3")
                         .arg(m.firstLine)
                         .arg(m.lastLine)
                         .arg(QString::fromStdString(m.message));
        }
        QCOMPARE(shown, said);
    }

    /// `New-HnsNetwork -Verbose` prints the request and then HNS's answer: when the paste cut the answer,
    /// what it lost that the request states is what HNS made, taken from the request with an info naming
    /// it. A request for something else (a change to an endpoint) or one not right before the answer gives
    /// nothing.
    void aCutResponseTakesWhatItsRequestStates_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("objects");
        QTest::addColumn<QStringList>("values"); ///< valueProblem() specs
        QTest::addColumn<QString>("info");       ///< the info expected; empty: no member taken

        QTest::newRow("a NAT network, the result wrapped and cut")
            << "verbose-request-then-cut-result-nat.txt"
            << QStringList{"Network:3EFFE852-53BF-4073-B974-528224D54AE6"}
            << QStringList{"Network:3EFFE852-53BF-4073-B974-528224D54AE6 /Name=\"natlab\"",
                           "Network:3EFFE852-53BF-4073-B974-528224D54AE6 /Type=\"NAT\"",
                           "Network:3EFFE852-53BF-4073-B974-528224D54AE6 /Ipams/0/Subnets/0/IpAddressPrefix="
                           "\"172.28.16.0/24\""}
            << "Name, Subnets, Type: not in the cut response; taken from the request sent to HNS at lines "
               "5-14, which it answers";
        QTest::newRow("an L2Bridge network, the request double-spaced")
            << "verbose-request-then-cut-result-l2bridge.txt"
            << QStringList{"Network:3C2B1A09-F8E7-4D6C-B5A4-938271605F4E"}
            << QStringList{"Network:3C2B1A09-F8E7-4D6C-B5A4-938271605F4E /Name=\"podnet\"",
                           "Network:3C2B1A09-F8E7-4D6C-B5A4-938271605F4E /Type=\"L2Bridge\""}
            << "Name, Subnets, Type: not in the cut response; taken from the request sent to HNS at lines "
               "3-21, which it answers";
        QTest::newRow("an endpoint, request and result on one line each")
            << "verbose-request-then-cut-result-endpoint.txt"
            << QStringList{"Endpoint:B1C2D3E4-F5A6-4B7C-8D9E-0F1A2B3C4D5E"}
            << QStringList{"Endpoint:B1C2D3E4-F5A6-4B7C-8D9E-0F1A2B3C4D5E /Name=\"web-ep\"",
                           "Endpoint:B1C2D3E4-F5A6-4B7C-8D9E-0F1A2B3C4D5E /HostComputeNetwork="
                           "\"3C2B1A09-F8E7-4D6C-B5A4-938271605F4E\""}
            << "IPAddress, Name, VirtualNetwork: not in the cut response; taken from the request sent to HNS "
               "at line 2, which it answers";
        QTest::newRow("a change to an endpoint, and a request with text between it and the object")
            << "verbose-request-not-answered-here.txt"
            << QStringList{"Endpoint:B1C2D3E4-F5A6-4B7C-8D9E-0F1A2B3C4D5E",
                           "Network:E9D8C7B6-A5F4-4E3D-8C2B-1A0F9E8D7C6B"}
            << QStringList{"Endpoint:B1C2D3E4-F5A6-4B7C-8D9E-0F1A2B3C4D5E /Name=\"(absent)\"",
                           "Network:E9D8C7B6-A5F4-4E3D-8C2B-1A0F9E8D7C6B /Name=\"(absent)\""}
            << QString();
    }

    void aCutResponseTakesWhatItsRequestStates()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, objects);
        QFETCH(QStringList, values);
        QFETCH(QString, info);
        const ImportResult result = importFiles({file});
        QCOMPARE(objectList(result), objects);
        for (const QString& value : values) {
            const QString problem = valueProblem(result, value);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
        QStringList taken;
        for (const ImportMessage& m : result.report.messages)
            if (m.severity == ImportSeverity::Info &&
                QString::fromStdString(m.message).contains("taken from the request"))
                taken << QString::fromStdString(m.message);
        QCOMPARE(taken, info.isEmpty() ? QStringList{} : QStringList{info});
        for (const ImportedObject& o : result.report.objects)
            QCOMPARE(std::count(o.notes.begin(), o.notes.end(), info.toStdString()), info.isEmpty() ? 0 : 1);
    }

    /// A poster's placeholder where a value, an element or members should be (`<redacted>`, `<...>`) is
    /// an elision, not broken JSON: the rest of the object is read and the report says where each stood.
    void placeholdersAreElisions_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("objects");
        QTest::addColumn<QStringList>("values");
        QTest::addColumn<QString>("warning");

        const QString network = "Network:6A7B8C9D-0E1F-4A2B-9C3D-4E5F6A7B8C9D";
        QTest::newRow("in a member's value, a list and among the members")
            << "json-placeholders-in-values.json" << QStringList{network}
            << QStringList{network + " /Name=\"cbr0\"", network + " /Dns/ServerList=[\"10.96.0.10\"]",
                           network +
                               " @Lost=[\"Subnets[0].AddressPrefix: the paste shows a placeholder (<your pod "
                               "cidr>) in its place; what it stood for is unknown\",\"Policies: the paste "
                               "shows a placeholder (<redacted>) in its place; what it stood for is "
                               "unknown\",\"the paste shows a placeholder (<...>) in its place; what it "
                               "stood for is unknown\"]"}
            << "placeholders stand where the paste left out values, read as elisions: "
               "Subnets[0].AddressPrefix "
               "(<your pod cidr>), Policies (<redacted>), its members (<...>); the value is incomplete";
        // Its ID makes it an object HNS holds, whatever the poster replaced with placeholders.
        const QString redacted = "Network:4D7E2A91-0B36-4C58-9E1F-7A2B3C4D5E6F";
        QTest::newRow("most values of an object with its ID")
            << "json-placeholders-most-values.json" << QStringList{redacted}
            << QStringList{redacted + " /Type=\"L2Bridge\"", redacted + " /Name=\"(absent)\""}
            << "placeholders stand where the paste left out values, read as elisions: Name (<redacted>), "
               "Subnets[0].AddressPrefix (<your pod cidr>), Subnets[0].GatewayAddress (<your gateway>); the "
               "value is incomplete";
        QTest::newRow("a REST result's list of networks left out")
            << "json-placeholder-result.txt" << QStringList{} << QStringList{}
            << "a placeholder stands where the paste left out a value, read as an elision: Output (<ignore "
               "the "
               "data>); the value is incomplete";
    }

    void placeholdersAreElisions()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, objects);
        QFETCH(QStringList, values);
        QFETCH(QString, warning);
        const ImportResult result = importFiles({file});
        QCOMPARE(objectList(result), objects);
        for (const QString& value : values) {
            const QString problem = valueProblem(result, value);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
        QStringList warnings;
        for (const ImportMessage& m : result.report.messages)
            if (m.severity == ImportSeverity::Warning)
                warnings << QString::fromStdString(m.message);
        QCOMPARE(warnings, QStringList{warning});
    }

    void reportSurvivesTheSnapshotFile()
    {
        const ImportResult result = importFiles({"import-endpoints-depth2.json"});
        const json saved = json::parse(result.snapshot.dump());
        const ImportReport back = importReportFromJson(saved["Import"]);
        QCOMPARE(back.sources, result.report.sources);
        QCOMPARE(back.objects.size(), result.report.objects.size());
        QCOMPARE(back.messages.size(), result.report.messages.size());
        for (std::size_t i = 0; i < back.objects.size(); ++i) {
            QCOMPARE(back.objects[i].id, result.report.objects[i].id);
            QCOMPARE(back.objects[i].kind, result.report.objects[i].kind);
            QCOMPARE(back.objects[i].originalText, result.report.objects[i].originalText);
            QCOMPARE(back.objects[i].lost, result.report.objects[i].lost);
            QCOMPARE(back.objects[i].firstLine, result.report.objects[i].firstLine);
        }
        for (std::size_t i = 0; i < back.messages.size(); ++i) {
            QCOMPARE(back.messages[i].message, result.report.messages[i].message);
            QCOMPARE(back.messages[i].objectId, result.report.messages[i].objectId);
            QCOMPARE(back.messages[i].severity, result.report.messages[i].severity);
        }
    }

    /// Inputs whose objects the import once read wrongly: a null where a list is expected, a type the
    /// dump does not show, documents nested in JSON log records or escaped in a JSON export's strings, a
    /// failed create request, PowerShell collections in table cells, a split policy list's own
    /// annotation. `values` are "Kind:ID /pointer=json" (the snapshot document) or "Kind:ID @Member=json"
    /// (the object's report: FirstLine, LastLine, Lost, UnknownFields).
    void objectsBesideTheHnsOnesAreNamed_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("objects");
        QTest::addColumn<QStringList>(
            "messages"); ///< "severity first-last: text", all but "nothing ... read"

        const auto notHns = [](const QString& what) { return what + ", not an HNS object; not imported"; };
        QTest::newRow("list views of Hyper-V, WinNAT and the host's IP stack beside a network")
            << "listview-beside-non-hns-objects.txt"
            << QStringList{"Network:5B3E91C4-0D7A-4F26-8E15-C2A94D07B6E3"}
            << QStringList{"info 5-17: " +
                               notHns("a Hyper-V virtual switch (Get-VMSwitch): 'nat' is the switch "
                                      "of network nat (SwitchGuid 5B3E91C4-0D7A-4F26-8E15-C2A94D07B6E3)"),
                           "info 21-32: " + notHns("a WinNAT instance (Get-NetNat)"),
                           "info 58-69: " + notHns("a network adapter (Get-NetAdapter)"),
                           "info 73-84: " +
                               notHns("a virtual machine's network adapter (Get-VMNetworkAdapter): 'nat' "
                                      "is connected to the switch of network nat (SwitchGuid "
                                      "5B3E91C4-0D7A-4F26-8E15-C2A94D07B6E3)"),
                           "info 88-100: " + notHns("an IP address (Get-NetIPAddress)")};
        QTest::newRow("Get-VMSwitchExtension records and a container's network settings")
            << "vmswitchextension-and-docker-inspect.txt" << QStringList{}
            << QStringList{"info 3-16: " + notHns("a Hyper-V switch extension (Get-VMSwitchExtension)") +
                               ": 'Microsoft Windows Filtering Platform' (Filter) on switch nat, enabled",
                           "info 18-31: " + notHns("a Hyper-V switch extension (Get-VMSwitchExtension)") +
                               ": 'Contoso Forwarding Extension' (Forwarding) on switch nat, not enabled",
                           "info 34-69: " + notHns("a container's network settings (docker inspect)")};
        // A copy that made the blanks before the colons ragged: the same object, the same line.
        QTest::newRow("Get-NetNat with ragged colons, after a Get-VMSwitch table")
            << "listview-netnat-ragged-colons.txt" << QStringList{}
            << QStringList{"info 7-8: " + notHns("a Hyper-V virtual switch (Get-VMSwitch)"),
                           "info 11-18: " + notHns("a WinNAT instance (Get-NetNat)")};
        // What a value of it lost is nothing the snapshot misses.
        QTest::newRow("a Get-VMSwitch record the paste cut inside a value's braces")
            << "listview-vmswitch-cut-in-brace.txt" << QStringList{}
            << QStringList{"info 4-9: " + notHns("a Hyper-V virtual switch (Get-VMSwitch)")};
        QTest::newRow("Get-NetNat and Get-VMSwitch as JSON")
            << "netnat-vmswitch-convertto-json.txt" << QStringList{}
            << QStringList{"info 2-10: " + notHns("a WinNAT instance (Get-NetNat)"),
                           "info 12-17: " + notHns("a Hyper-V virtual switch (Get-VMSwitch)")};
        // A switch's Id is the SwitchGuid of the network HNS built on it; a VM adapter names its switch by
        // SwitchId or SwitchName. A network whose SwitchGuid names no pasted switch, and a switch that
        // carries no imported network, are named as before.
        const QString natSwitch = "network nat (SwitchGuid 7D2A5E94-0B3C-4F81-9C6D-E2F470A18B35)";
        QTest::newRow("Get-VMSwitch and Get-VMNetworkAdapter beside the networks they carry")
            << "vmswitch-beside-networks.txt"
            << QStringList{"Network:5E8B2D41-C7A9-4F30-B615-0A9E3C7D24F8",
                           "Network:C41F8A27-6E3B-4D95-A0C8-17B52E9D3F60"}
            << QStringList{
                   "info 40-45: " + notHns("a Hyper-V virtual switch (Get-VMSwitch): 'nat' is the switch "
                                           "of " +
                                           natSwitch),
                   "info 46-51: " + notHns("a Hyper-V virtual switch (Get-VMSwitch)"),
                   "info 56-60: " + notHns("a virtual machine's network adapter (Get-VMNetworkAdapter): "
                                           "'web-1' is connected to the switch of " +
                                           natSwitch),
                   "info 62-65: " + notHns("a virtual machine's network adapter (Get-VMNetworkAdapter): "
                                           "'web-2' is connected to the switch of " +
                                           natSwitch),
                   "info 67-71: " + notHns("a virtual machine's network adapter (Get-VMNetworkAdapter)")};
        // v1 networks carry their switch's name (SwitchName) beside its GUID, as a VM adapter does: a
        // member HNS objects have never tells another kind.
        QTest::newRow("v1 networks that name their switch")
            << "network-with-switchname.txt"
            << QStringList{"Network:3C9F1A64-E2B8-4D05-A7C1-58D03E6F92B4",
                           "Network:A4E83C1F-6D29-4B70-8E15-3F9C0B27D6A4"}
            << QStringList{};
        QTest::newRow("a switch of a network's name that is not its switch: the network made again")
            << "vmswitch-network-made-again.txt"
            << QStringList{"Network:9A3C6E12-57B0-4D8F-A241-C6E07F39B5D8"}
            << QStringList{
                   "warning 35-39: " +
                   notHns("a Hyper-V virtual switch (Get-VMSwitch): 'nat' has the name of network nat but "
                          "is not its switch: the network's SwitchGuid is "
                          "B5E1F083-2C6A-4D97-8E30-4A7F9C1D62E5, the switch's Id "
                          "0f6d2b84-e5a1-4c39-97d2-3b8e5a0c71f4 (the network was made again on another "
                          "switch)")};
        // `docker network inspect` shows Docker's networks; on Windows each names the HNS network it is
        // over. The one the dump also holds is named, and the message is about it.
        const QString docker = "a Docker network (docker network inspect), not an HNS object; not imported: ";
        QTest::newRow("docker network inspect beside the HNS network of one of them")
            << "docker-network-inspect-beside-hns.txt"
            << QStringList{"Network:6E0B8F3C-2A71-4D95-B4C8-1F7E3A9D0C62"}
            << QStringList{"info 3-41: " + docker +
                               "'nat' (driver nat, subnet 172.27.160.0/20); its HNS network is "
                               "6E0B8F3C-2A71-4D95-B4C8-1F7E3A9D0C62, "
                               "network nat, which the snapshot holds",
                           "info 42-72: " + docker +
                               "'ext' (driver transparent, subnet 192.168.40.0/24); its HNS network is "
                               "A37D5C19-84E2-4B06-9F1A-C5D8E0B2764F"};
        QTest::newRow("dockerd's debug log of a request to create a network")
            << "dockerd-network-create-form-data.log" << QStringList{}
            << QStringList{
                   "info 2-2: a request to Docker to create a network (POST /networks/create), not an "
                   "HNS object; not imported: 'tnet' (driver transparent, subnet 192.168.7.0/24)"};
        QTest::newRow("Test-NetConnection beside Get-HnsEndpoint")
            << "listview-test-netconnection.txt"
            << QStringList{"Endpoint:4F9A2C61-8B3D-4E07-A5C2-1D6E9F0B7A38"}
            << QStringList{"info 6-12: " + notHns("a connection test (Test-NetConnection)")};
        QTest::newRow("Get-NetCompartment beside Get-HnsNamespace")
            << "listview-netcompartment.txt" << QStringList{"Namespace:6018366C-F658-47A7-9ED3-4FE53A096533"}
            << QStringList{"info 3-5: " + notHns("a network compartment (Get-NetCompartment)"),
                           "info 7-9: " + notHns("a network compartment (Get-NetCompartment)")};
    }

    /// Each object of a kind HNS does not hold gets one info naming it at its lines, and no warning but
    /// for a switch that has a network's name and is not its switch.
    void objectsBesideTheHnsOnesAreNamed()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, objects);
        QFETCH(QStringList, messages);
        const ImportResult result = importFiles({file});
        QCOMPARE(objectList(result), objects);
        QStringList shown;
        for (const ImportMessage& m : result.report.messages) {
            if (m.message.starts_with("nothing in the dump could be read") ||
                m.message.find("names 1 network it does not show") != std::string::npos)
                continue;
            shown << QStringLiteral("%1 %2-%3: %4")
                         .arg(QString::fromStdString(std::string(importSeverityName(m.severity))))
                         .arg(m.firstLine)
                         .arg(m.lastLine)
                         .arg(QString::fromStdString(m.message));
        }
        QCOMPARE(shown, messages);
    }

    /// An escaped network list in one dockerd record that a console wrapped over 3 lines: both networks
    /// are read, each at the lines its text came from (nat 1-2, ext 2-3).
    /// A log record a console wrapped over several lines is read as one, yet each object it holds is
    /// reported on the lines its own text stands on (`lines`: "first-last").
    void objectsOfAWrappedLogRecordKeepTheirLines_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("lines");

        QTest::newRow("the first network of the list, wrapped inside its Name")
            << "dockerd-escaped-network-list-wrapped.txt"
            << "7F3A9C21-5E6B-4D08-B1A4-2C8E0F6D93B7"
            << "1-2";
        QTest::newRow("the second network, starting on the record's second line")
            << "dockerd-escaped-network-list-wrapped.txt"
            << "D4E82B16-A0C3-4F79-9E52-1B6F8A3D07C4"
            << "2-3";
        QTest::newRow("an endpoint on the record's third line alone, a viewer having wrapped at blanks")
            << "dockerd-escaped-endpoint-list-wrapped-at-blanks.txt"
            << "5E2C8A17-3B94-4D60-A1F8-27C0D9E4B6A3"
            << "4-4";
        QTest::newRow("the endpoint before it, over the record's first three lines")
            << "dockerd-escaped-endpoint-list-wrapped-at-blanks.txt"
            << "0C4E8A2F-6B1D-4E93-A7F5-2D8C0B6E4A19"
            << "2-4";
    }

    void objectsOfAWrappedLogRecordKeepTheirLines()
    {
        QFETCH(QString, file);
        QFETCH(QString, id);
        QFETCH(QString, lines);

        const ImportResult result = importFiles({file});
        const ImportedObject* o = object(result, id.toStdString());
        QVERIFY2(o, qPrintable(objectList(result).join('\n')));
        QCOMPARE(QStringLiteral("%1-%2").arg(o->firstLine).arg(o->lastLine), lines);
    }

    /// What was repaired in a JSON list's text is noted on the object it was repaired in (a line
    /// wrapped inside one of its strings joined, lines of dots inside it dropped); what was repaired
    /// between the objects is noted on each of them.
    void repairNotesGoToTheObjectTheyConcern_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QStringList>("noted");
        QTest::addColumn<QStringList>("notNoted");

        const QString joined = "joined a line wrapped inside a string";
        const QString elided = "dropped elided lines";
        QTest::newRow("a line of dots inside the first object")
            << "json-list-notes-per-object.txt"
            << "7F3A9C21-5E6B-4D08-B1A4-2C8E0F6D93B7" << QStringList{elided} << QStringList{joined};
        QTest::newRow("a wrap inside a string of the second object")
            << "json-list-notes-per-object.txt"
            << "D4E82B16-A0C3-4F79-9E52-1B6F8A3D07C4" << QStringList{joined} << QStringList{elided};
        QTest::newRow("a line of dots after the last object concerns each")
            << "json-elided-objects-at-end-of-list.json"
            << "C2A5A3E9-B2F4-4B91-93D6-18E9FB0C2D3E" << QStringList{elided} << QStringList{joined};
    }

    void repairNotesGoToTheObjectTheyConcern()
    {
        QFETCH(QString, file);
        QFETCH(QString, id);
        QFETCH(QStringList, noted);
        QFETCH(QStringList, notNoted);

        const ImportResult result = importFiles({file});
        const ImportedObject* o = object(result, id.toStdString());
        QVERIFY2(o, qPrintable(objectList(result).join('\n')));
        QStringList notes;
        for (const std::string& note : o->notes)
            notes << QString::fromStdString(note);
        for (const QString& n : noted)
            QVERIFY2(notes.contains(n), qPrintable(n + " not in:\n" + notes.join('\n')));
        for (const QString& n : notNoted)
            QVERIFY2(!notes.contains(n), qPrintable(n + " in:\n" + notes.join('\n')));
    }

    /// A name wrapped inside a word on a line short of the console's width reads as wrapped at a blank
    /// the copy lost, unless the dump shows the name whole elsewhere (`name`: what the snapshot holds).
    void aNameWrappedInsideAWordIsReadAsTheDumpShowsItElsewhere_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("name");

        QTest::newRow("\"Default Sw\" / \"itch\", an endpoint naming \"Default Switch\"")
            << "json-name-wrapped-inside-a-word-shown-whole.txt"
            << "C08CB7B8-9B3C-408E-8E30-5E16A3AEB444"
            << "Default Switch";
    }

    void aNameWrappedInsideAWordIsReadAsTheDumpShowsItElsewhere()
    {
        QFETCH(QString, file);
        QFETCH(QString, id);
        QFETCH(QString, name);

        const ImportResult result = importFiles({file});
        const ImportedObject* o = object(result, id.toStdString());
        QVERIFY2(o, qPrintable(objectList(result).join('\n')));
        QCOMPARE(QString::fromStdString(o->name), name);
    }

    /// A JSON list the paste ends inside its last object's ID, no other member of which tells what it
    /// is: that object is named as a list view's block or an hnsdiag row cut in its ID is, on its own
    /// lines, and not imported; the objects before it are.
    void aListCutInsideItsLastObjectsIdNamesThatObject_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("objects");
        QTest::addColumn<QStringList>("warnings");

        QTest::newRow("ConvertTo-Json of endpoints")
            << "json-list-cut-inside-last-id.txt"
            << QStringList{"Endpoint:8B6D2F40-1E7A-4C35-9F28-D04A6C8E2B71"}
            << QStringList{"lines 15-20: the paste ends inside the ID of endpoint 3f2a\u2026 (ActivityId "
                           "5D9B1E73-2A4C-4F08-8E6B-A17C3D5F9E20, EncapOverhead 0, Name web-6f4b, IPAddress "
                           "172.26.16.9); not imported, as its ID is cut"};
    }

    void aListCutInsideItsLastObjectsIdNamesThatObject()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, objects);
        QFETCH(QStringList, warnings);

        const ImportResult result = importFiles({file});
        QCOMPARE(objectList(result), objects);
        QStringList shown;
        for (const ImportMessage& m : result.report.messages)
            if (m.severity == ImportSeverity::Warning)
                shown << QStringLiteral("lines %1-%2: %3")
                             .arg(m.firstLine)
                             .arg(m.lastLine)
                             .arg(QString::fromStdString(m.message));
        QCOMPARE(shown, warnings);
    }

    /// Selecting the message about a Docker network selects the HNS network it is over, when the dump
    /// holds it; the one over a network the dump does not show is about no object.
    void aDockerNetworkMessageIsAboutItsHnsNetwork()
    {
        const ImportResult result = importFiles({"docker-network-inspect-beside-hns.txt"});
        QStringList about;
        for (const ImportMessage& m : result.report.messages)
            if (m.message.starts_with("a Docker network"))
                about << QString::fromStdString(std::string(resourceKindName(m.kind)) + ":" + m.objectId);
        QCOMPARE(about, (QStringList{"Network:6E0B8F3C-2A71-4D95-B4C8-1F7E3A9D0C62", "Invalid:"}));
    }

    /// The report reads in the order of the dump, whichever pass made a message: what is about the
    /// import as a whole first, then what is about a file that was not read, then each file in the order
    /// read, its messages by line: a table's before a list view's below it, a refusal logged before an
    /// object before that object's losses, a failed request found again after the request. The count of
    /// an error logged again stays on the message it belongs to. `messages`: "file:lines severity: text".
    void reportFollowsTheDump_data()
    {
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<QStringList>("messages");

        const QString portExists =
            "HCN_E_PORT_ALREADY_EXISTS (0x803B0013), \"The specified port already exists.\" (2 times, lines ";
        const QStringList paste{
            "report-order-paste.txt:5 info: a Hyper-V virtual switch (Get-VMSwitch), not an HNS object; not "
            "imported",
            "report-order-paste.txt:9-13 info: a WinNAT instance (Get-NetNat), not an HNS object; not "
            "imported",
            "report-order-paste.txt:16 warning: HNS refused a request: hcnCreateEndpoint failed: " +
                QString(portExists)
                    .replace(" (2 times", " (logged as \"Endpoint creation failed\") (2 times") +
                "16, 20)",
            "report-order-paste.txt:17 info: endpoint web-7d9f (5E2C8A17-3B94-4D60-A1F8-27C0D9E4B6A3): not "
            "carried in full by the dump: Policies: not expanded by PowerShell (System.Object[])",
            "report-order-paste.txt:18 warning: HNS reported a failure: hcnCreateLoadBalancer failed: "
            "HCN_E_INVALID_JSON_REFERENCE (0x803B001C), \"The provided JSON reference is invalid.\" (logged "
            "as \"Policy creation failed\") (2 times, lines 18-19)"};
        const QStringList event{
            "report-order-event.txt:5 info: a request HNS failed (\"HNS failed to create endpoint with "
            "settings\"), not an object it holds; not imported; the error logged with it: " +
                portExists + "5, 10)",
            "report-order-event.txt:9 info: the request HNS failed in line 5 again, not an object it holds; "
            "not "
            "imported",
            "report-order-event.txt:16-19 info: a WinNAT instance (Get-NetNat), not an HNS object; not "
            "imported"};
        const QString unshown =
            "info: the dump shows no networks; 1 endpoint names 1 network it does not show";

        QTest::newRow("a table, a list view, a refusal, an object, an answer that failed")
            << QStringList{"report-order-paste.txt"} << QStringList{unshown} + paste;
        QTest::newRow("a failed request, found again in the event's XML, above a list view")
            << QStringList{"report-order-event.txt"}
            << QStringList{"info: the dump shows no HNS network, endpoint, namespace, load balancer or "
                           "route; it "
                           "is read as a log: this report says what it logs of HNS"} +
                   event;
        QTest::newRow("two files and one not read")
            << QStringList{"report-order-event.txt", "garbage.bin", "report-order-paste.txt"}
            << QStringList{unshown, "garbage.bin warning: skipped: not text (binary content)"} + event +
                   paste;
        QTest::newRow("the same files the other way round")
            << QStringList{"report-order-paste.txt", "report-order-event.txt"}
            << QStringList{unshown} + paste + event;
    }

    void reportFollowsTheDump()
    {
        QFETCH(QStringList, files);
        QFETCH(QStringList, messages);
        std::vector<std::string> paths;
        for (const QString& file : files)
            paths.push_back(dumpPath(file).toStdString());
        const Result<ImportResult> result = importPaths(paths);
        QVERIFY(result.ok());
        const auto shown = [](const std::vector<ImportMessage>& report) {
            QStringList lines;
            for (const ImportMessage& m : report) {
                QString where = QString::fromStdString(m.source);
                if (m.firstLine > 0)
                    where += ':' + QString::number(m.firstLine) +
                             (m.lastLine > m.firstLine ? '-' + QString::number(m.lastLine) : QString());
                lines << (where.isEmpty() ? QString() : where + ' ') +
                             QString::fromUtf8(importSeverityName(m.severity).data()) + ": " +
                             QString::fromStdString(m.message);
            }
            return lines;
        };
        QCOMPARE(shown(result->report.messages), messages);
        // A snapshot saved and opened again shows its report in the same order.
        QCOMPARE(shown(importReportFromJson(result->snapshot["Import"]).messages), messages);
    }

    void objectsAsTheDumpShowsThem_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("objects");
        QTest::addColumn<QStringList>("messages");
        QTest::addColumn<QStringList>("absent"); ///< in no message
        QTest::addColumn<QStringList>("values");

        const QString cbr0 = "5C2E8A14-93B7-4D60-A1F2-7E9B3C4D5A68";
        const QString nat = "8F5B1D47-C6EA-4093-9425-AB2E6F708D91";
        QTest::newRow("JSON null where a list is expected is absent")
            << "json-null-members.json"
            << QStringList{"Endpoint:0B7D3F69-E80C-42B5-B647-CD4081920FB3", "Network:" + cbr0,
                           "Network:" + nat}
            << QStringList{} << QStringList{"not in a shape HNS writes", "could not be mapped"}
            << QStringList{"Network:" + cbr0 + " /Type=\"L2Bridge\"",
                           "Network:" + cbr0 + " /Ipams/0/Subnets/0/IpAddressPrefix=\"10.244.5.0/24\"",
                           "Network:" + nat + " /Type=\"NAT\"",
                           "Endpoint:0B7D3F69-E80C-42B5-B647-CD4081920FB3 /HostComputeNetwork=\"" + cbr0 +
                               "\"",
                           "Endpoint:0B7D3F69-E80C-42B5-B647-CD4081920FB3 @Lost=[]",
                           "Network:" + cbr0 + " @Lost=[]",
                           "Network:" + nat + " @Lost=[]"};
        QTest::newRow("a namespace's compartment from its Network Compartment allocator")
            << "hns-namespace-compartment-in-allocator.json"
            << QStringList{"Namespace:4C1D2E3F-5A6B-4C7D-8E9F-0A1B2C3D4E5F",
                           "Namespace:932331A3-B265-4FCE-B4C8-079E70982379"}
            << QStringList{} << QStringList{}
            << QStringList{
                   "Namespace:932331a3-b265-4fce-b4c8-079e70982379 /NamespaceId=51",
                   "Namespace:932331a3-b265-4fce-b4c8-079e70982379 @Notes=[\"NamespaceId: 51, the "
                   "CompartmentId of its Network Compartment allocator "
                   "(Health.Extra.Resources.Allocators[0])\"]",
                   "Namespace:4C1D2E3F-5A6B-4C7D-8E9F-0A1B2C3D4E5F /NamespaceId=7",
                   "Namespace:4C1D2E3F-5A6B-4C7D-8E9F-0A1B2C3D4E5F @Notes=[\"CompartmentId: 7, the "
                   "CompartmentId of its Network Compartment allocator (Resources.Allocators[0])\", "
                   "\"Type: not in the dump (a v1 namespace shows none); Host assumed from its IsDefault "
                   "false\"]"};
        QTest::newRow("numbers and booleans given as text are read as HNS writes them")
            << "import-csv-text-values.json"
            << QStringList{"Endpoint:5C83E204-9F6D-4B3A-8E47-0AD3962F8CB5",
                           "Endpoint:6D94F315-A07E-4C4B-9F58-1BE4A7309DC6",
                           "Endpoint:7EA50426-B18F-4D5C-806A-2CF5B841AED7",
                           "Network:4B72D1F3-8E5C-4A29-8D36-F9C2851E7BA4"}
            << QStringList{} << QStringList{}
            << QStringList{
                   "Endpoint:5C83E204-9F6D-4B3A-8E47-0AD3962F8CB5 @Notes=[\"numbers and booleans given as "
                   "text (Import-Csv writes every value so) read as HNS writes them: EncapOverhead, "
                   "IsRemoteEndpoint, PrefixLength, State\"]",
                   "Endpoint:5C83E204-9F6D-4B3A-8E47-0AD3962F8CB5 @Lost=[]",
                   "Endpoint:7EA50426-B18F-4D5C-806A-2CF5B841AED7 @Notes=[\"numbers and booleans given as "
                   "text (Import-Csv writes every value so) read as HNS writes them: PrefixLength\"]",
                   "Endpoint:5C83E204-9F6D-4B3A-8E47-0AD3962F8CB5 /State=3",
                   "Endpoint:5C83E204-9F6D-4B3A-8E47-0AD3962F8CB5 /IpConfigurations/0/PrefixLength=24",
                   "Endpoint:6D94F315-A07E-4C4B-9F58-1BE4A7309DC6 /Flags=1",
                   "Endpoint:7EA50426-B18F-4D5C-806A-2CF5B841AED7 /State=\"Attached\"",
                   "Network:4B72D1F3-8E5C-4A29-8D36-F9C2851E7BA4 /State=1"};
        QTest::newRow("a list view's empty value inside @{...} is absent")
            << "listview-null-members.txt" << QStringList{"Network:" + cbr0, "Network:" + nat}
            << QStringList{} << QStringList{"not in a shape HNS writes"}
            << QStringList{"Network:" + cbr0 + " /Type=\"L2Bridge\"",
                           "Network:" + cbr0 + " /Ipams/0/Subnets/0/IpAddressPrefix=\"10.244.5.0/24\"",
                           "Network:" + cbr0 + " @Lost=[]"};
        QTest::newRow("an hnsdiag table without a Type column leaves the type unknown, not NAT")
            << "hnsdiag-networks-without-type.txt" << QStringList{"Network:" + cbr0, "Network:" + nat}
            << QStringList{"network cbr0 (" + cbr0 +
                           "): not carried in full by the dump: Type: not shown by "
                           "hnsdiag list"}
            << QStringList{}
            << QStringList{"Network:" + cbr0 + " /Type=null", "Network:" + nat + " /Type=null"};
        QTest::newRow("hnsdiag's per-object network listing: its subnet and gateway are read")
            << "hnsdiag-list-networks-per-object.txt"
            << QStringList{"Network:6D1A9E52-3C7B-4F08-A2E4-9B5C1D7F3A60",
                           "Network:7E2B0F63-4D8C-4A19-B3F5-0C6D2E8A4B71"}
            << QStringList{"Subnets: hnsdiag list shows one address prefix and gateway"}
            << QStringList{"address prefixes and gateways unknown"}
            << QStringList{"Network:6D1A9E52-3C7B-4F08-A2E4-9B5C1D7F3A60 /Type=\"L2Bridge\"",
                           "Network:6D1A9E52-3C7B-4F08-A2E4-9B5C1D7F3A60 "
                           "/Ipams/0/Subnets/0/IpAddressPrefix=\"10.244.7.0/24\"",
                           "Network:7E2B0F63-4D8C-4A19-B3F5-0C6D2E8A4B71 "
                           "/Ipams/0/Subnets/0/Routes/0/NextHop=\"172.21.32.1\""};
        const QString lbA = "9623d7cf-a9ae-4a34-a544-99c7001d9a88",
                      lbB = "bc1e3ac1-c27d-44ec-b72c-2c2678629522";
        QTest::newRow("hnsdiag's per-object load balancer listing: its VIPs and backends are read")
            << "hnsdiag-list-loadbalancers-per-object.txt"
            << QStringList{"Endpoint:14A03569-D26B-4496-92E5-DFE8CB1855FE", "LoadBalancer:" + lbA.toUpper(),
                           "LoadBalancer:" + lbB.toUpper()}
            << QStringList{"load balancer " + lbA +
                               ": not carried in full by the dump: Policies: not shown by hnsdiag list "
                               "(ports "
                               "and protocol unknown)",
                           "backend 096d3737-42f9-4039-8320-a4737c2b3abe is not in the dump"}
            << QStringList{"backend 14a03569"}
            << QStringList{"LoadBalancer:" + lbA + " /FrontendVIPs=[\"10.96.0.1\"]",
                           "LoadBalancer:" + lbA +
                               " /HostComputeEndpoints=[\"14a03569-d26b-4496-92e5-dfe8cb1855fe\"]",
                           "LoadBalancer:" + lbA + " /_v1=\"(absent)\"",
                           "LoadBalancer:" + lbA + " @UnknownFields=[]",
                           "LoadBalancer:" + lbB + " /FrontendVIPs=[\"10.96.0.10\",\"fd00::a\"]",
                           "LoadBalancer:" + lbB +
                               " /HostComputeEndpoints=[\"14a03569-d26b-4496-92e5-dfe8cb1855fe\","
                               "\"096d3737-42f9-4039-8320-a4737c2b3abe\"]"};
        // HNS names the WinNAT instance of a NAT network NAT<GUID>: the type it shows, when the paste cut
        // the Type; an ICS network's name or a NatName the paste cut shows none.
        const QString natByName = "Network:A9D47E03-6B21-4C85-B3F0-58E2C1D6A794";
        QTest::newRow("a network cut before its Type: NAT, as its NatName shows")
            << "listview-network-natname-cut-before-type.txt" << QStringList{natByName}
            << QStringList{"Type: not in the dump; NAT, inferred from its NatName "
                           "NAT6C20F8B1-4D97-4E3A-85C2-0B7F9E41D3A6"}
            << QStringList{"the network's type is unknown", "cut by the paste inside item"}
            << QStringList{natByName + " /Type=\"NAT\"",
                           natByName + " /_v1/NatName=\"NAT6C20F8B1-4D97-4E3A-85C2-0B7F9E41D3A6\"",
                           natByName +
                               " @Lost=[\"Subnets[0]: cut by the paste after Health\",\"Type: not in the "
                               "dump; NAT, inferred from its NatName NAT6C20F8B1-4D97-4E3A-85C2-0B7F9E41D3A6 "
                               "(HNS names a NAT network's WinNAT instance NAT<GUID>)\"]"};
        const QString icsByName = "Network:B2E85F14-7C32-4D96-A4E1-69F3D2E7B805";
        QTest::newRow("a network cut before its Type whose NatName is an ICS one: the type is unknown")
            << "listview-network-icsname-cut-before-type.txt" << QStringList{icsByName}
            << QStringList{"Type: not in the dump; the network's type is unknown: its NatName "
                           "ICS"}
            << QStringList{"inferred"} << QStringList{icsByName + " /Type=null"};
        const QString cutNatName = "Network:C3F96A25-8D43-4EA7-B5F2-7AE4D3F8C916";
        QTest::newRow("a NatName the paste cut shows no type")
            << "listview-network-natname-cut-in-value.txt" << QStringList{cutNatName}
            << QStringList{"Type: not in the dump; the network's type is unknown"} << QStringList{"inferred"}
            << QStringList{cutNatName + " /Type=null", cutNatName + " /_v1/NatName=\"NAT81E4C0D7-2F6B\""};
        // v1 members real hosts print that have no v2 home: kept under _v1, none of them unknown.
        const QString started = "Endpoint:E58B1C37-4A92-4F06-8D3E-B17C05A9F264";
        const QString withContainers = "Namespace:4F0B8D62-C1E7-4A39-8B5D-E26A91F07C38";
        QTest::newRow("an endpoint's StartTime, a namespace's Containers and CompartmentGuid are v1 members")
            << "listview-endpoint-start-time.txt" << QStringList{started, withContainers} << QStringList{}
            << QStringList{}
            << QStringList{started + " /_v1/StartTime=133720415588990011",
                           started + " /_v1/CreateProcessingStartTime=133720415566778899",
                           started + " @UnknownFields=[]",
                           withContainers + " /_v1/Containers=[\"f2a81c9e03d7\"]",
                           withContainers + " @UnknownFields=[]"};
        const QString wsl = "Network:8E3C5A17-D296-4B04-B8F1-43A6E2C97D05";
        QTest::newRow("a network's ComputedPolicies and ExternalInterfaceConstraint are v1 members")
            << "network-computed-policies-interface-constraint.json" << QStringList{wsl} << QStringList{}
            << QStringList{}
            << QStringList{wsl + " /_v1/ComputedPolicies=[{}]",
                           wsl + " /_v1/ExternalInterfaceConstraint=\"Ethernet\"",
                           wsl + " @UnknownFields=[]"};
        QTest::newRow("Get-NetCompartment is no namespace")
            << "listview-netcompartment.txt" << QStringList{"Namespace:6018366C-F658-47A7-9ED3-4FE53A096533"}
            << QStringList{} << QStringList{"the snapshot calls it"}
            << QStringList{"Namespace:6018366C-F658-47A7-9ED3-4FE53A096533 /NamespaceId=4"};
        QTest::newRow("references are written as the objects they name spell their IDs")
            << "guid-case-across-objects.txt"
            << QStringList{"Endpoint:E6F70819-2A3B-4C4D-8E5F-607182930415",
                           "LoadBalancer:D5E6F708-192A-4B3C-9D4E-5F6071829304",
                           "Namespace:F708192A-3B4C-4D5E-9F60-718293041526",
                           "Network:C4D5E6F7-0819-4A2B-8C3D-4E5F60718293"}
            << QStringList{} << QStringList{"is not in the dump", "known only from"}
            << QStringList{"Endpoint:E6F70819-2A3B-4C4D-8E5F-607182930415 "
                           "/HostComputeNetwork=\"c4d5e6f7-0819-4a2b-8c3d-4e5f60718293\"",
                           "Endpoint:E6F70819-2A3B-4C4D-8E5F-607182930415 "
                           "/HostComputeNamespace=\"F708192A-3B4C-4D5E-9F60-718293041526\"",
                           "LoadBalancer:D5E6F708-192A-4B3C-9D4E-5F6071829304 "
                           "/HostComputeEndpoints=[\"E6F70819-2A3B-4C4D-8E5F-607182930415\"]",
                           "Namespace:F708192A-3B4C-4D5E-9F60-718293041526 "
                           "/Resources/0/Data/ID=\"E6F70819-2A3B-4C4D-8E5F-607182930415\""};
        QTest::newRow("a policy list split by its frontends has no unknown fields")
            << "policylist-two-frontends.json"
            << QStringList{"LoadBalancer:2D3E4F50-6172-4839-9A4B-5C6D7E8F9001",
                           "LoadBalancer:44CEEE85-F738-4316-919D-EF90721A8A0C"}
            << QStringList{} << QStringList{}
            << QStringList{"LoadBalancer:2D3E4F50-6172-4839-9A4B-5C6D7E8F9001 @UnknownFields=[]",
                           "LoadBalancer:44CEEE85-F738-4316-919D-EF90721A8A0C @UnknownFields=[]",
                           "LoadBalancer:44CEEE85-F738-4316-919D-EF90721A8A0C "
                           "/_v1/PolicyList=\"2D3E4F50-6172-4839-9A4B-5C6D7E8F9001\""};
        // The network a failed endpoint creation names is one HNS holds.
        QTest::newRow("a create request HNS failed is no endpoint")
            << "eventlog-failed-create.txt"
            << QStringList{"Endpoint:50617283-94A5-4B6C-8D7E-8F9001122334", "Network:" + cbr0,
                           "Network:D8E9F001-1223-4344-9556-6778899AABBC"}
            << QStringList{"a request HNS failed (\"Message          : HNS failed to create endpoint with "
                           "settings\"), not an object it holds; not imported; the error logged with it: "
                           "HCN_E_PORT_ALREADY_EXISTS (0x803B0013), \"The specified port already exists.\""}
            << QStringList{"a request HNS failed (\"Message          : HNS failed to create endpoint "
                           "Ethernet"}
            << QStringList{"Endpoint:50617283-94A5-4B6C-8D7E-8F9001122334 @FirstLine=12",
                           "Network:D8E9F001-1223-4344-9556-6778899AABBC @FirstLine=22",
                           "Network:D8E9F001-1223-4344-9556-6778899AABBC /Type=\"Transparent\""};
        // Create requests HNS refused, each with the error logged after it (on its line or the next) or
        // before it; an endpoint logged before a failure of something else is one HNS holds.
        QTest::newRow("create requests HNS refused, with the errors logged with them")
            << "failed-create-errors.txt"
            << QStringList{"Endpoint:BF607182-93A4-4FB5-8C06-1728394A5B6C",
                           "Network:6A1B2C3D-4E5F-4A60-8B71-C2D3E4F50617"}
            << QStringList{"hns.go:211] failed to create endpoint with settings\"), not an object it holds; "
                           "not "
                           "imported; the error logged with it: hcnCreateEndpoint failed: "
                           "ERROR_OBJECT_ALREADY_EXISTS (0x80071392), \"The object already exists.\"",
                           "hns.go:211] Creating endpoint\"), not an object it holds; not imported; the "
                           "error "
                           "logged with it: HCN_E_PORT_ALREADY_EXISTS (0x803B0013)",
                           "the error logged with it: hcnCreateEndpoint failed: "
                           "HCN_E_ADDR_INVALID_OR_RESERVED "
                           "(0x803B002F), \"An address provided is invalid or reserved.\"",
                           "the error logged with it: HCN_E_INVALID_IP (0x803B001E)",
                           // A failure logged without the request's document.
                           "HNS refused a request: hnsCall failed: ERROR_OBJECT_ALREADY_EXISTS (0x80071392), "
                           "\"The "
                           "object "
                           "already exists.\""}
            << QStringList{}
            << QStringList{"Endpoint:BF607182-93A4-4FB5-8C06-1728394A5B6C @FirstLine=6",
                           "Network:6A1B2C3D-4E5F-4A60-8B71-C2D3E4F50617 @FirstLine=3"};
        QTest::newRow("JSON log records holding the document as a nested object")
            << "zap-json-nested-objects.log"
            << QStringList{"Endpoint:61728394-A5B6-4C7D-9E8F-900112233445",
                           "Endpoint:728394A5-B6C7-4D8E-9F90-011223344556",
                           "LoadBalancer:8394A5B6-C7D8-4E9F-A001-122334455667"}
            << QStringList{"the dump shows no networks; 2 endpoints name 1 network it does not show"}
            << QStringList{"nothing in the dump"}
            << QStringList{"Endpoint:61728394-A5B6-4C7D-9E8F-900112233445 @FirstLine=1",
                           "Endpoint:61728394-A5B6-4C7D-9E8F-900112233445 /Flags=1",
                           "Endpoint:728394A5-B6C7-4D8E-9F90-011223344556 @FirstLine=3",
                           "Endpoint:728394A5-B6C7-4D8E-9F90-011223344556 "
                           "/IpConfigurations/0/IpAddress=\"10.244.5.22\"",
                           "LoadBalancer:8394A5B6-C7D8-4E9F-A001-122334455667 @FirstLine=4"};
        QTest::newRow("a log exported as JSON with the documents escaped in its strings")
            << "log-analytics-export.json"
            << QStringList{"Endpoint:A5B6C7D8-E9F0-4011-9223-344556677889",
                           "LoadBalancer:94A5B6C7-D8E9-4F00-8112-233445566778"}
            << QStringList{} << QStringList{"is not in the dump"}
            << QStringList{"LoadBalancer:94A5B6C7-D8E9-4F00-8112-233445566778 @FirstLine=2",
                           "LoadBalancer:94A5B6C7-D8E9-4F00-8112-233445566778 @LastLine=7",
                           "Endpoint:A5B6C7D8-E9F0-4011-9223-344556677889 @FirstLine=8",
                           "Endpoint:A5B6C7D8-E9F0-4011-9223-344556677889 /Flags=1"};
        QTest::newRow("table cells holding PowerShell collections")
            << "table-collection-cells.txt"
            << QStringList{"Network:" + cbr0, "Network:" + nat,
                           "Network:B6C7D8E9-F001-4122-A334-45566778899A",
                           "Network:C7D8E9F0-0112-4233-8445-566778899AAB"}
            << QStringList{"network l2b (c7d8e9f0-0112-4233-8445-566778899aab): not carried in full by the "
                           "dump: Subnets[0]: cut by the table column after AddressPrefix"}
            << QStringList{"not in a shape HNS writes", "cut by the paste"}
            << QStringList{"Network:" + cbr0 + " /Ipams/0/Subnets/0/IpAddressPrefix=\"10.244.5.0/24\"",
                           "Network:" + nat + " /Ipams/0/Subnets/0/IpAddressPrefix=\"172.21.80.0/20\"",
                           "Network:B6C7D8E9-F001-4122-A334-45566778899A "
                           "/Ipams/0/Subnets/1/IpAddressPrefix=\"10.245.0.0/16\"",
                           "Network:C7D8E9F0-0112-4233-8445-566778899AAB "
                           "/Ipams/0/Subnets/0/IpAddressPrefix=\"10.250.3.0/24\""};
        // ConvertTo-Json -Depth 1: a policy list's References joined by blanks, its one ELB policy (and two
        // of another) as `@{...}` text where a list is expected.
        const QString dns = "D41E7A20-5B3C-4F81-9A6D-2E7C8B90F135";
        const QString web = "0741AD53-8E6F-42B4-8D90-51AFBEC30468";
        const QString flattened = "flattened to text by ConvertTo-Json; read back from it";
        QTest::newRow("policy lists flattened to text by ConvertTo-Json -Depth are read back as lists")
            << "convertto-json-depth1-policylists.json"
            << QStringList{"LoadBalancer:" + web, "LoadBalancer:" + dns} << QStringList{}
            << QStringList{"not in a shape HNS writes", "could not be mapped"}
            << QStringList{"LoadBalancer:" + dns +
                               " /HostComputeEndpoints=[\"E52F8B31-6C4D-4092-AB7E-3F8D9CA1E246\","
                               "\"F6309C42-7D5E-41A3-BC8F-409EADB2F357\"]",
                           "LoadBalancer:" + dns +
                               " /PortMappings=[{\"ExternalPort\":53,\"InternalPort\":53,\"Protocol\":17}]",
                           "LoadBalancer:" + dns + " /SourceVIP=\"10.244.4.2\"",
                           "LoadBalancer:" + dns + " @Lost=[\"AdditionalParams: " + flattened +
                               "\",\"Health: " + flattened + "\",\"Policies: " + flattened +
                               "\",\"Policies[0].VIPs: not expanded by PowerShell "
                               "(System.Object[])\",\"References: " +
                               flattened + "\"]",
                           "LoadBalancer:" + web + " /PortMappings/1/ExternalPort=443",
                           "LoadBalancer:" + web +
                               " /HostComputeEndpoints=[\"E52F8B31-6C4D-4092-AB7E-3F8D9CA1E246\"]"};
        const QString vxlan = "1852BE64-9F70-43C5-9EA1-62B0CFD41579";
        QTest::newRow("a v1 network policy the paste cut before its Type stays under _v1")
            << "listview-network-policy-cut-before-type.txt" << QStringList{"Network:" + vxlan}
            << QStringList{} << QStringList{}
            << QStringList{"Network:" + vxlan + " /Policies/0/Type=\"HostRoute\"",
                           "Network:" + vxlan + " /Policies/1/Type=\"NetAdapterName\"",
                           "Network:" + vxlan + " /Policies/2/Type=\"ProviderAddress\"",
                           "Network:" + vxlan + " /Policies/3=\"(absent)\"",
                           "Network:" + vxlan +
                               " /_v1/Policies=[{\"DestinationPrefix\":\"10.244.0.0/24\","
                               "\"IsolationId\":4096,\"ProviderAddress\":\"192.168.40.10\"}]",
                           "Network:" + vxlan +
                               " @Lost=[\"Policies[1]: cut by the paste after ProviderAddress\","
                               "\"Policies[1]: a policy "
                               "without its Type (the dump cut it off); kept under \\\"_v1\\\" as "
                               "given\"]"};
        // The second log line of each network is cut: it shows less, not something else.
        const QString logNat = "29630F75-A081-44D6-AFB2-73C1D0E5268A";
        const QString logL2b = "3A741086-B192-45E7-8C03-84D2E1F6379B";
        QTest::newRow("a cut second sighting of an object shows less, not differently")
            << "log-network-response-cut-again.txt" << QStringList{"Network:" + logNat, "Network:" + logL2b}
            << QStringList{"the value is cut off"} << QStringList{"shown differently"}
            << QStringList{"Network:" + logNat + " /Type=\"NAT\"",
                           "Network:" + logNat +
                               " @Notes=[\"also shown in log-network-response-cut-again.txt line 2 "
                               "(JSON)\"]",
                           "Network:" + logL2b + " /Ipams/0/Subnets/1/IpAddressPrefix=\"10.0.2.0/24\"",
                           "Network:" + logL2b +
                               " @Notes=[\"also shown in log-network-response-cut-again.txt line 4 "
                               "(JSON)\"]"};
        // The network's ID is redacted; one endpoint finds it by name, the other names a network the dump
        // does not show.
        const QString redactedNetwork = "D44A723E-16BE-4B44-9C84-ED01A685E288"; // made up from the text
        QTest::newRow("an endpoint whose network reference is no GUID is linked by its network's name")
            << "redacted-network-id.json"
            << QStringList{"Endpoint:4B852197-C2A3-46F8-9D14-95E3F2074A8C",
                           "Endpoint:5C9632A8-D3B4-4709-AE25-A6F403185B9D", "Network:" + redactedNetwork}
            << QStringList{"endpoint 9f3e02d1b5c4_flannel (5C9632A8-D3B4-4709-AE25-A6F403185B9D): names its "
                           "network "
                           "\"<redacted>\", which is not a GUID (cut by the paste?); left unlinked"}
            << QStringList{"endpoint 7e2d91c0a4b3_cbr0 (4B852197-C2A3-46F8-9D14-95E3F2074A8C): names its "
                           "network"}
            << QStringList{
                   "Endpoint:4B852197-C2A3-46F8-9D14-95E3F2074A8C /HostComputeNetwork=\"" + redactedNetwork +
                       "\"",
                   "Endpoint:4B852197-C2A3-46F8-9D14-95E3F2074A8C @Notes=[\"names its network "
                   "\\\"<redacted>\\\", "
                   "which is not a GUID (cut by the paste?); network found by its name \\\"cbr0\\\"\"]",
                   "Endpoint:5C9632A8-D3B4-4709-AE25-A6F403185B9D /HostComputeNetwork=\"(absent)\""};
        QTest::newRow("objects from two computers (Invoke-Command) are named, not taken as a later capture")
            << "invoke-command-two-computers.json"
            << QStringList{"Endpoint:7EB854CA-F5D6-4921-8047-C8162530A7DF",
                           "Network:6DA743B9-E4C5-4810-BF36-B70514296CAE"}
            << QStringList{"the dump holds objects from 2 computers (win-node-a, win-node-b; PowerShell "
                           "remoting's "
                           "PSComputerName)",
                           "network cbr0 (6DA743B9-E4C5-4810-BF36-B70514296CAE): shown differently on two "
                           "computers, "
                           "win-node-a in invoke-command-two-computers.json line 2 (JSON) (Ipams) and "
                           "win-node-b in "
                           "invoke-command-two-computers.json line 27 (JSON): merged into one object, as "
                           "win-node-b "
                           "shows it"}
            << QStringList{"later in the dump", "more complete"}
            << QStringList{
                   "Endpoint:7EB854CA-F5D6-4921-8047-C8162530A7DF /_v1/PSComputerName=\"win-node-a\""};
        QTest::newRow("a key given twice in one object is a loss naming both values")
            << "endpoint-duplicate-keys.json" << QStringList{"Endpoint:8FC965DB-06E7-4A32-9158-D92736419BE0"}
            << QStringList{} << QStringList{"MacAddress: given twice"}
            << QStringList{"Endpoint:8FC965DB-06E7-4A32-9158-D92736419BE0 "
                           "/IpConfigurations/0/IpAddress=\"10.244.13.77\"",
                           "Endpoint:8FC965DB-06E7-4A32-9158-D92736419BE0 "
                           "@Lost=[\"Policies[1].DestinationPrefix: given "
                           "twice in one object (\\\"10.96.0.0/12\\\", then \\\"10.96.0.0/16\\\"); the last "
                           "is read\","
                           "\"IPAddress: given twice in one object (\\\"10.244.13.12\\\", then "
                           "\\\"10.244.13.77\\\"); "
                           "the last is read\"]"};
        // A chat header splits the JSON twice: the first endpoint's policy loses its Type, the second
        // endpoint's Namespace member is found on its own.
        const QString chatNamespace = "D41EBA20-5B3C-4F87-A62D-2E7C8B964035";
        QTest::newRow("JSON split by chat headers: no Type-less policy, no namespace made of a member")
            << "chat-split-endpoint-json.txt"
            << QStringList{"Endpoint:90DA76EC-17F8-4B43-A269-EA3847520CF1",
                           "Endpoint:C30DA91F-4A2B-4E76-951C-1D6B7A853F24",
                           "Namespace:A1EB87FD-2809-4C54-B37A-FB4958631D02", "Namespace:" + chatNamespace}
            << QStringList{"namespace " + chatNamespace +
                           ": known only from an endpoint's Namespace member at these lines, found on its "
                           "own"}
            << QStringList{}
            // The header came after the policy's Type: read whole, the policy is the OutBoundNAT it shows.
            << QStringList{"Endpoint:90DA76EC-17F8-4B43-A269-EA3847520CF1 /Policies=[{\"Settings\":{"
                           "\"Exceptions\":[\"10.244.0.0/16\",\"10.96.0.0/12\"]},\"Type\":\"OutBoundNAT\"}]",
                           "Endpoint:90DA76EC-17F8-4B43-A269-EA3847520CF1 /_v1=\"(absent)\"",
                           "Namespace:" + chatNamespace + " /Type=\"(absent)\"",
                           "Namespace:" + chatNamespace +
                               " /Resources=[{\"Data\":{\"ID\":\"C30DA91F-4A2B-4E76-951C-1D6B7A853F24\"},"
                               "\"Type\":\"Endpoint\"}]"};
    }

    void objectsAsTheDumpShowsThem()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, objects);
        QFETCH(QStringList, messages);
        QFETCH(QStringList, absent);
        QFETCH(QStringList, values);
        const ImportResult result = importFiles({file});
        QCOMPARE(objectList(result), objects);
        const QStringList texts = messageTexts(result);
        for (const QString& m : messages)
            QVERIFY2(anyContains(texts, m), qPrintable(m + " not in:\n" + texts.join('\n')));
        for (const QString& m : absent)
            QVERIFY2(!anyContains(texts, m), qPrintable(m + " in:\n" + texts.join('\n')));
        for (const QString& v : values)
            QVERIFY2(valueProblem(result, v).isEmpty(), qPrintable(valueProblem(result, v)));
        // Every reference names its object exactly as that object spells its ID (hcnctl's counts, the
        // console's tree and the checks compare them as they are).
        std::set<std::string> ids;
        for (const json& doc : result.snapshot["Networks"])
            ids.insert(doc.value("ID", ""));
        for (const json& doc : result.snapshot["Endpoints"])
            ids.insert(doc.value("ID", ""));
        for (const json& doc : result.snapshot["Namespaces"])
            ids.insert(doc.value("ID", ""));
        const auto named = [&](const json& reference) {
            return !reference.is_string() || ids.count(reference.get<std::string>()) ||
                   std::none_of(ids.begin(), ids.end(), [&](const std::string& id) {
                       return QString::fromStdString(id).compare(
                                  QString::fromStdString(reference.get<std::string>()),
                                  Qt::CaseInsensitive) == 0;
                   });
        };
        for (const json& doc : result.snapshot["Endpoints"])
            for (const char* member : {"HostComputeNetwork", "HostComputeNamespace"})
                QVERIFY2(named(doc.value(member, json())), qPrintable(QString::fromStdString(doc.dump())));
        for (const json& doc : result.snapshot["LoadBalancers"])
            for (const json& endpoint : doc.value("HostComputeEndpoints", json::array()))
                QVERIFY2(named(endpoint), qPrintable(QString::fromStdString(doc.dump())));
        // And the snapshot loads whole.
        Result<std::shared_ptr<SnapshotApi>> api = SnapshotApi::fromDocument(result.snapshot, "import");
        QVERIFY(api.ok());
        QVERIFY((*api)->loadWarnings().empty());
    }

    /// Text as a terminal, a chat window, a mail client, a pager, a ticket system or grep made it: the
    /// objects read as if pasted cleanly, and the report says what was undone.
    void aDocumentEscapedInALogFieldReadsAsJson_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("objects");
        QTest::addColumn<QStringList>("values"); ///< valueProblem() specs
        QTest::addColumn<QStringList>("messages");
        QTest::addColumn<QStringList>("absent"); ///< in no message

        const QString id = QStringLiteral("4E7A2C19-8B3D-4F60-A5C1-7D9E0B2F4A63");
        const QString network = "Network:" + id;
        const auto escaped = [](QString json) { return json.replace('"', QStringLiteral("\\\"")); };
        const QString logrus = QStringLiteral("time=\"2017-08-02T14:34:50.1239349+02:00\" level=debug ");
        const QString viewer = QStringLiteral("[14:34:50.124][WindowsDockerDaemon][Debug  ] "
                                              "time=\"2017-08-02T14:34:50.1239349+02:00\" ");
        // A viewer that wraps at blanks: lines of at most `width` columns, the blank each broke at dropped.
        const auto wrapAtBlanks = [](const QString& line, int width) {
            QStringList lines{QString()};
            for (const QString& word : line.split(' ')) {
                if (!lines.last().isEmpty() && lines.last().size() + 1 + word.size() > width)
                    lines << QString();
                lines.last() += (lines.last().isEmpty() ? "" : " ") + word;
            }
            return lines.join('\n') + '\n';
        };
        const auto wrapAtWidth = [](const QString& line, int width) {
            QStringList lines;
            for (qsizetype at = 0; at < line.size(); at += width)
                lines << line.mid(at, width);
            return lines.join('\n') + '\n';
        };
        const QString docker17 =
            QStringLiteral(
                "{ \"CurrentEndpointCount\" : 0, \"ExternalInterfaceAddress\" : \"00-15-5D-2A-4F-10\", "
                "\"ID\" : \"%1\", \"MacPools\" : [ { \"EndMacAddress\" : \"00-15-5D-2A-4F-FF\", "
                "\"StartMacAddress\" : \"00-15-5D-2A-40-00\" } ], \"MaxConcurrentEndpoints\" : 0, "
                "\"NATName\" : \"H%1\", \"Name\" : \"nat\", \"Policies\" : [  ], \"Subnets\" : [ { "
                "\"AddressPrefix\" : \"172.30.16.0/20\", \"GatewayAddress\" : \"172.30.16.1\" } ], "
                "\"Type\" : \"nat\", \"Version\" : 4294967297 }")
                .arg(id);
        const QString record = viewer + "msg=\"Network Response : " + escaped(docker17) + "\"";
        const QStringList full{network + " /Name=\"nat\"", network + " /Type=\"NAT\"",
                               network + " /Ipams/0/Subnets/0/IpAddressPrefix=\"172.30.16.0/20\""};
        const QStringList noneLost{network + " @Lost=[]"};
        const QStringList readAll{"never closes", "not valid JSON", "nothing in the dump could be read"};

        QTest::newRow("a blank after the opening brace")
            << logrus + "msg=\"Network Response : { " +
                   escaped(QStringLiteral("\"ID\":\"%1\",\"Name\":\"nat\",\"Type\":\"nat\"}").arg(id)) +
                   "\"\n"
            << QStringList{network} << QStringList{network + " /Name=\"nat\""} << QStringList{} << readAll;
        QTest::newRow("a blank after the opening bracket of a list")
            << logrus + "msg=\"Network Response : [ " +
                   escaped(QStringLiteral("{\"ID\":\"%1\",\"Name\":\"nat\",\"Type\":\"nat\"}]").arg(id)) +
                   "\"\n"
            << QStringList{network} << QStringList{network + " /Name=\"nat\""} << QStringList{} << readAll;
        QTest::newRow("Docker 17.x: blanks after brackets, colons and commas, on one line")
            << record + "\n"
            << QStringList{network} << full + noneLost << QStringList{} << readAll;
        QTest::newRow("the same wrapped at blanks by the log viewer")
            << wrapAtBlanks(record, 250) << QStringList{network} << full + noneLost << QStringList{}
            << readAll;
        QTest::newRow("the same wrapped at 120 columns by a console")
            << wrapAtWidth(record, 120) << QStringList{network} << full + noneLost << QStringList{}
            << readAll;
        QTest::newRow("wrapped right after the opening brace")
            << viewer + "msg=\"Network Response : {\n" + escaped(docker17.mid(2)) + "\"\n"
            << QStringList{network} << full + noneLost << QStringList{} << readAll;
        QTest::newRow("cut by the line end inside Policies")
            << record.left(record.indexOf("\\\"Policies")) + "\\\"Poli\n"
            << QStringList{network} << QStringList{network + " /Name=\"nat\""}
            << QStringList{"the value is cut off"} << QStringList{"not valid JSON"};
        // The excerpt lost the `[ {` that opened MacPools' list where the viewer broke the line.
        const QString damaged = QString(record).replace(QStringLiteral("\\\"MacPools\\\" : [ {"),
                                                        QStringLiteral("\\\"MacPools\\\" :"));
        QTest::newRow("a list's opening lost: the other members are read, MacPools is named")
            << wrapAtBlanks(damaged, 250) << QStringList{network}
            << full + QStringList{network + " @Lost=[\"MacPools: its text in the dump is damaged (it does "
                                            "not read as JSON); left out\"]"}
            << QStringList{"the text of MacPools is damaged"}
            << QStringList{"never closes", "not valid JSON"};
    }

    void aDocumentEscapedInALogFieldReadsAsJson()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, objects);
        QFETCH(QStringList, values);
        QFETCH(QStringList, messages);
        QFETCH(QStringList, absent);
        Result<ImportResult> result = importDump({{"daemon.log", text.toStdString()}});
        QVERIFY(result.ok());
        QCOMPARE(objectList(*result), objects);
        for (const QString& value : values) {
            const QString problem = valueProblem(*result, value);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
        const QStringList texts = messageTexts(*result);
        for (const QString& m : messages)
            QVERIFY2(anyContains(texts, m), qPrintable(m + " not in:\n" + texts.join('\n')));
        for (const QString& m : absent)
            QVERIFY2(!anyContains(texts, m), qPrintable(m + " in:\n" + texts.join('\n')));
    }

    void aDamagedMemberCostsOnlyThatMember_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("objects");
        QTest::addColumn<QStringList>("values");
        QTest::addColumn<QStringList>("messages");
        QTest::addColumn<QStringList>("absent"); ///< in no message

        const QString damaged = "its text in the dump is damaged (it does not read as JSON); left out";
        const QString elided = "the paste shows '...' in place of its value; left out";
        const QStringList wholeOrNothing{"not valid JSON", "never closes", "cut off",
                                         "what came before the cut", "nothing in the dump could be read"};

        const QString nat = "Network:4E8D2B61-3A7C-4F19-B5E2-90C1D3E4F5A6";
        QTest::newRow("a quote lost at a console wrap: Name is left out, what follows it is read")
            << "json-damaged-lost-quote.txt" << QStringList{nat}
            << QStringList{nat + " /Name=\"(absent)\"", nat + " /Type=\"NAT\"",
                           nat + " /Ipams/0/Subnets/0/IpAddressPrefix=\"172.19.32.0/20\"",
                           nat + " @Lost=[\"Name: " + damaged + "\"]"}
            << QStringList{"the text of Name is damaged (it does not read as JSON); that member is left out"}
            << wholeOrNothing;

        const QString cbr0 = "Network:5B9E3C72-4B8D-4A2A-8C6F-A1D2E4F5B6C7";
        QTest::newRow("values elided in place ([ ... ], ...) are left out by name")
            << "json-damaged-elided-values.json" << QStringList{cbr0}
            << QStringList{cbr0 + " /Name=\"cbr0\"", cbr0 + " /Type=\"L2Bridge\"",
                           cbr0 + " /Ipams/0/Subnets/0/IpAddressPrefix=\"10.244.2.0/24\"",
                           cbr0 + " @Lost=[\"Policies: " + elided + "\",\"DNSServerList: " + elided + "\"]"}
            << QStringList{"the paste shows '...' in place of Policies, DNSServerList; left out"}
            << wholeOrNothing + QStringList{"is damaged"};

        const QString web1 = "Endpoint:6CAF4D83-5C9E-4B3B-9D70-B2E3F5A6C7D8";
        const QString web2 = "Endpoint:7DB05E94-6DAF-4C4C-8E81-C3F4A6B7D8E9";
        QTest::newRow("a poster's note after a member (<-- this one) is dropped, nothing is lost")
            << "json-damaged-arrow-comment.json" << QStringList{web1, web2}
            << QStringList{web1 + " /IpConfigurations/0/IpAddress=\"10.244.2.5\"",
                           web1 + " /MacAddress=\"00-15-5D-2A-02-05\"",
                           web1 + " @Lost=[]",
                           web1 + " @FirstLine=2",
                           web2 + " @FirstLine=10",
                           web2 + " @Lost=[]"}
            << QStringList{} << wholeOrNothing + QStringList{"is damaged"};

        const QString db1 = "Endpoint:8EC16FA5-7EB0-4D5D-9F92-D4A5B7C8E9FA";
        QTest::newRow("a value cut with the next member glued to it: both are named")
            << "json-damaged-glued-members.json" << QStringList{db1}
            << QStringList{db1 + " /Name=\"ep-db-1\"", db1 + " /MacAddress=\"(absent)\"",
                           db1 + " /IpConfigurations=\"(absent)\"", db1 + " /State=3",
                           db1 + " @Lost=[\"MacAddress: " + damaged + "\",\"IPAddress: " + damaged + "\"]"}
            << QStringList{"the text of MacAddress, IPAddress is damaged"} << wholeOrNothing;

        const QString api1 = "Endpoint:9FD270B6-8FC1-4E6E-A0A3-E5B6C8D9FA0B";
        QTest::newRow("markdown emphasis around a member is dropped, the member is read")
            << "json-damaged-markdown-bold.md" << QStringList{api1}
            << QStringList{api1 + " /IpConfigurations/0/IpAddress=\"10.244.2.8\"", api1 + " /State=3",
                           api1 + " @Lost=[]"}
            << QStringList{} << wholeOrNothing + QStringList{"is damaged"};

        const QString vxlan = "Network:A0E381C7-90D2-4F7F-B1B4-F6C7D9EA0B1C";
        QTest::newRow("text pasted into a list after a line break: the list is left out")
            << "json-damaged-pasted-into-value.json" << QStringList{vxlan}
            << QStringList{vxlan + " /Name=\"vxlan0\"", vxlan + " /Type=\"Overlay\"",
                           vxlan + " /Ipams/0/Subnets/0/IpAddressPrefix=\"10.244.3.0/24\"",
                           vxlan + " @Lost=[\"Policies: " + damaged + "\"]"}
            << QStringList{"the text of Policies is damaged"} << wholeOrNothing;

        const QString first = "Network:B1F492D8-A1E3-4A80-82C5-07D8EAFB1C2D";
        const QString second = "Network:C2A5A3E9-B2F4-4B91-93D6-18E9FB0C2D3E";
        const QString third = "Network:D3B6B4FA-C305-4CA2-A4E7-29FA0C1D3E4F";
        QTest::newRow("damage in the third network of a list costs the others nothing")
            << "json-damaged-third-of-three.json" << QStringList{first, second, third}
            << QStringList{first + " @Lost=[]",
                           second + " @Lost=[]",
                           second + " @FirstLine=7",
                           third + " @FirstLine=12",
                           third + " /Type=\"Transparent\"",
                           third + " /Name=\"(absent)\"",
                           third + " @Lost=[\"Name: " + damaged + "\"]"}
            << QStringList{"the text of Name is damaged (it does not read as JSON); that member is "
                           "left out, the others are read"}
            << wholeOrNothing + QStringList{"[2]"};

        const QString a = "Endpoint:E4C7C50B-D416-4DB3-B5F8-3A0B1D2E4F50";
        const QString b = "Endpoint:F5D8D61C-E527-4EC4-8609-4B1C2E3F5061";
        const QString c = "Endpoint:06E9E72D-F638-4FD5-971A-5C2D3F406172";
        QTest::newRow("an answer's Output list on one line, its third element elided in part")
            << "json-damaged-envelope-output-list.txt" << QStringList{a, b, c}
            << QStringList{a + " @Lost=[]", b + " @Lost=[]",
                           c + " /IpConfigurations/0/IpAddress=\"10.244.2.13\"",
                           c + " @Lost=[\"Policies: " + elided + "\"]"}
            << QStringList{"in object 3 of the list, the paste shows '...' in place of Policies; left out"}
            << wholeOrNothing + QStringList{"[2]"};

        const QString lostOpening = "the paste lost the '[' that opened its list (2 elements follow without "
                                    "it); left out";
        const QString lbr = "Network:A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D";
        QTest::newRow("Subnets lost its '[': Subnets is named, the members after it are read")
            << "json-damaged-list-opening-lost-subnets.txt" << QStringList{lbr}
            << QStringList{lbr + " /Name=\"cbr0\"",
                           lbr + " /Type=\"L2Bridge\"",
                           lbr + " /State=1",
                           lbr + " /Dns/ServerList/0=\"10.0.0.10\"",
                           lbr + " /Policies/0/Settings/ProviderAddress=\"10.0.0.4\"",
                           lbr + " /Ipams=\"(absent)\"",
                           lbr + " @Lost=[\"Subnets: " + lostOpening + "\"]"}
            << QStringList{"the paste lost the '[' that opened the list of Subnets; left out (its "
                           "elements are not guessed), the others are read"}
            << wholeOrNothing + QStringList{"is damaged", "without its key"};

        const QString web = "Endpoint:B2C3D4E5-F6A7-4B8C-9D0E-1F2A3B4C5D6E";
        QTest::newRow("Policies lost its '[': Policies is named, State and VirtualNetworkName are read")
            << "json-damaged-list-opening-lost-policies.json" << QStringList{web}
            << QStringList{web + " /State=3", web + " /_v1/VirtualNetworkName=\"cbr0\"",
                           web + " /IpConfigurations/0/IpAddress=\"10.244.1.5\"",
                           web + " /Policies=\"(absent)\"",
                           web + " @Lost=[\"Policies: " + lostOpening + "\"]"}
            << QStringList{"the paste lost the '[' that opened the list of Policies"}
            << wholeOrNothing + QStringList{"is damaged", "without its key"};

        const QString ext = "Network:5B6C7D8E-9FA0-4B1C-8D2E-3F4A5B6C7D8E";
        const QString cbr0b = "Network:6C7D8E9F-A0B1-4C2D-9E3F-4A5B6C7D8E9F";
        QTest::newRow("a string wrapped, then a sentence between two objects of the list: both are whole")
            << "json-wrapped-string-then-prose-in-list.txt" << QStringList{ext, cbr0b}
            << QStringList{ext + " /Type=\"Transparent\"", ext + " @Lost=[]",
                           ext + " @FirstLine=3",          ext + " @LastLine=9",
                           cbr0b + " /Type=\"L2Bridge\"",  cbr0b + " @Lost=[]",
                           cbr0b + " @FirstLine=11"}
            << QStringList{}
            << wholeOrNothing + QStringList{"is damaged", "not a network", "the text is", "incomplete"};

        const QString natW = "Network:B1F492D8-A1E3-4A80-82C5-07D8EAFB1C2D";
        const QString extW = "Network:D3B6B4FA-C305-4CA2-A4E7-29FA0C1D3E4F";
        QTest::newRow(
            "a string wrapped at column 0 in one object, a quote lost in the next: only Name is lost")
            << "json-wrapped-string-damaged-element.json" << QStringList{natW, extW}
            << QStringList{natW + " @Lost=[]", natW + " /Type=\"NAT\"", extW + " /Type=\"Transparent\"",
                           extW + " @FirstLine=9", extW + " @Lost=[\"Name: " + damaged + "\"]"}
            << QStringList{"the text of Name is damaged"}
            << wholeOrNothing + QStringList{"[1]", "object 2 of the list"};

        QTest::newRow("a note between two objects on the line of their '},': both are read")
            << "json-note-between-objects-on-one-line.json"
            << QStringList{natW, "Network:C2A5A3E9-B2F4-4B91-93D6-18E9FB0C2D3E"}
            << QStringList{natW + " @Lost=[]", "Network:C2A5A3E9-B2F4-4B91-93D6-18E9FB0C2D3E /Name=\"cbr0\"",
                           "Network:C2A5A3E9-B2F4-4B91-93D6-18E9FB0C2D3E @Lost=[]"}
            << QStringList{} << wholeOrNothing + QStringList{"is damaged", "left out"};

        QTest::newRow("a list of strings lost its '[': DNSServerList is named, the members after it are read")
            << "json-damaged-list-opening-lost-dns-servers.json" << QStringList{lbr}
            << QStringList{lbr + " /State=1", lbr + " /Dns=\"(absent)\"",
                           lbr + " /Policies/0/Settings/ProviderAddress=\"10.0.0.4\"",
                           lbr + " @Lost=[\"DNSServerList: " + lostOpening + "\"]"}
            << QStringList{"the paste lost the '[' that opened the list of DNSServerList"}
            << wholeOrNothing + QStringList{"is damaged", "without its key"};

        const QString cbr0c = "Network:C2A5A3E9-B2F4-4B91-93D6-18E9FB0C2D3E";
        QTest::newRow(
            "'...' after the last object of a list: the objects shown are whole, on their own lines")
            << "json-elided-objects-at-end-of-list.json" << QStringList{natW, cbr0c}
            << QStringList{natW + " @FirstLine=2",  natW + " @LastLine=6",   natW + " @Lost=[]",
                           cbr0c + " @FirstLine=7", cbr0c + " @LastLine=11", cbr0c + " @Lost=[]"}
            << QStringList{"lines elided with '...' between the objects of the list were dropped; objects "
                           "may "
                           "be missing from the list"}
            << wholeOrNothing + QStringList{"the value is incomplete"};
        QTest::newRow("'...' inside the Policies of the second object: that object is the incomplete one")
            << "json-elided-policy-in-second-of-list.json" << QStringList{natW, cbr0c}
            << QStringList{natW + " @FirstLine=2", natW + " @LastLine=6", cbr0c + " @FirstLine=7",
                           cbr0c + " @LastLine=18", cbr0c + " /Type=\"L2Bridge\""}
            << QStringList{"lines elided with '...' were dropped; the value is incomplete"}
            << wholeOrNothing + QStringList{"objects may be missing"};

        const QString l2b = "Network:17FAF83E-0749-4A06-A82B-6D3E40517283";
        QTest::newRow("an answer's Output object with an elided value")
            << "json-damaged-envelope-output-object.txt" << QStringList{l2b}
            << QStringList{l2b + " /Name=\"l2b\"",
                           l2b + " /Ipams/0/Subnets/0/IpAddressPrefix=\"10.250.1.0/24\"",
                           l2b + " @Lost=[\"DNSServerList: " + elided + "\"]"}
            << QStringList{"the paste shows '...' in place of DNSServerList"} << wholeOrNothing;
    }

    void aDamagedMemberCostsOnlyThatMember()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, objects);
        QFETCH(QStringList, values);
        QFETCH(QStringList, messages);
        QFETCH(QStringList, absent);
        const ImportResult result = importFiles({file});
        objects.sort();
        QCOMPARE(objectList(result), objects);
        for (const QString& value : values) {
            const QString problem = valueProblem(result, value);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
        const QStringList texts = messageTexts(result);
        for (const QString& m : messages)
            QVERIFY2(anyContains(texts, m), qPrintable(m + " not in:\n" + texts.join('\n')));
        for (const QString& m : absent)
            QVERIFY2(!anyContains(texts, m), qPrintable(m + " in:\n" + texts.join('\n')));
    }

    void pastedTextReadsAsPrinted_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("objects");
        QTest::addColumn<QStringList>("values"); ///< "Kind:ID/JSON pointer=value" in the snapshot
        QTest::addColumn<QStringList>("messages");

        const QString cbr0 = QStringLiteral("Network:5C1E8A42-7B3D-4F90-A6E1-2D4C8B0F9A37");
        QTest::newRow("PowerShell 7 Format-Table in colour, a window title and a link")
            << "table-ps7-ansi-colours.txt"
            << QStringList{cbr0, "Network:9A4F2C61-0D8E-4B37-91A5-C6E2F70D3B48"}
            << QStringList{cbr0 + "/Name=cbr0", cbr0 + "/Type=L2Bridge",
                           "Network:9A4F2C61-0D8E-4B37-91A5-C6E2F70D3B48/Type=Transparent"}
            << QStringList{"23 terminal escape sequences (colours, titles) removed"};
        const QString teams1 = QStringLiteral("Endpoint:3E7B1D95-C2A4-4F68-B0E3-9D5A7C1F2E84");
        const QString teams2 = QStringLiteral("Endpoint:4F8C2EA6-D3B5-4079-81F4-AE6B8D203F95");
        QTest::newRow("Teams: NBSP padding, tabs before the colon, a zero-width space inside a GUID")
            << "listview-teams-nbsp-zwsp-tabs.txt"
            << QStringList{teams1, teams2, "Namespace:8C4E2A17-9B3F-4D60-A5E1-7F2D0C9B6A38",
                           "Namespace:9D5F3B28-AC40-4E71-B6F2-803E1DAC7B49"}
            << QStringList{teams1 + "/Name=b71e0c4d93a2_cbr0",
                           teams1 + "/MacAddress=00-15-5D-9C-05-15",
                           teams1 + "/HostComputeNamespace=8C4E2A17-9B3F-4D60-A5E1-7F2D0C9B6A38",
                           teams2 + "/MacAddress=00-15-5D-9C-05-16",
                           teams2 + "/State=3",
                           teams2 + "/_v1/VirtualNetworkName=cbr0"}
            << QStringList{"5 zero-width characters (U+200B, U+200C, U+2060, U+FEFF) removed",
                           "non-breaking spaces (U+00A0) outside quoted strings read as blanks",
                           "15 tabs before a colon read as blanks"};
        const QString overlay = QStringLiteral("Network:7A3D5C19-E8B2-4F46-9C07-1B6E4A2D8F53");
        QTest::newRow("Slack: JSON indented with NBSP; an NBSP inside a name is the customer's")
            << "json-slack-nbsp-indent.txt" << QStringList{overlay}
            << QStringList{overlay + QString::fromUtf8("/Name=prod\u00A0overlay"), overlay + "/Type=Overlay"}
            << QStringList{"46 non-breaking spaces (U+00A0) outside quoted strings read as blanks"};
        const QString mailed1 = QStringLiteral("Endpoint:2A6C4E81-9D3B-4F57-A0C2-E8B1D7F3A964");
        const QString mailed2 = QStringLiteral("Endpoint:3B7D5F92-AE4C-4068-B1D3-F9C2E804BA75");
        const QStringList twoEndpoints{mailed1, mailed2, "Namespace:6B9D1F37-2C5E-4A80-93B4-F7E2A1C0D856",
                                       "Namespace:7CAE2048-3D6F-4B91-A4C5-08F3B2D1E967"};
        const QStringList bothWhole{mailed1 + "/Name=d41a7e2c0b95_cbr0",
                                    mailed1 + "/HostComputeNamespace=6B9D1F37-2C5E-4A80-93B4-F7E2A1C0D856",
                                    mailed2 + "/Name=e52b8f3d1ca6_cbr0",
                                    mailed2 + "/MacAddress=00-15-5D-9C-05-20",
                                    mailed2 + "/HostComputeNamespace=7CAE2048-3D6F-4B91-A4C5-08F3B2D1E967"};
        QTest::newRow("Outlook double spacing: a blank line after every line")
            << "listview-outlook-double-spaced.txt" << twoEndpoints << bothWhole
            << QStringList{"the text is double-spaced", "41 added blank lines left out"};
        QTest::newRow("CR CR LF line ends") << "listview-cr-cr-lf.txt" << twoEndpoints << bothWhole
                                            << QStringList{"39 line ends are CR CR LF"};
        QTest::newRow("| more: pager prompts inside the list views")
            << "listview-more-paging.txt" << twoEndpoints << bothWhole
            << QStringList{"3 pager prompts (`-- More  --`, `| more`) left out"};
        const QString grepped = QStringLiteral("Endpoint:5D9F7B14-C06E-428A-93F5-1BE4A026DC97");
        QTest::newRow("Select-String -Context output with a drive letter in the path")
            << "json-select-string-prefixed.txt" << QStringList{grepped}
            << QStringList{grepped + "/Name=f63c9a4e2db7_cbr0", grepped + "/MacAddress=00-15-5D-9C-05-29"}
            << QStringList{
                   "16 lines start with Select-String's `file:line:` prefix (C:\\k\\debug\\endpoints.txt); "
                   "it was removed"};
        const QString padded = QStringLiteral("Network:6F3B9D27-1A5C-4E80-B4D6-2C9E7A1F5B08");
        QTest::newRow("JSON followed by 4 KiB of NUL padding")
            << "network-nul-padded-tail.json" << QStringList{padded} << QStringList{padded + "/Name=cbr0"}
            << QStringList{"the text holds 4096 NUL bytes of padding"};
        QTest::newRow("a log written on after NUL padding")
            << "log-nul-gap-after-crash.log"
            << QStringList{"Endpoint:7A4C0E38-2B6D-4F91-C5E7-3DAF8B2C6019",
                           "Endpoint:8B5D1F49-3C7E-4A02-D6F8-4EB09C3D712A"}
            << QStringList{"Endpoint:8B5D1F49-3C7E-4A02-D6F8-4EB09C3D712A/Name=1b2c3d4e5f60_cbr0"}
            << QStringList{"the text holds 1536 NUL bytes of padding"};
        const QString fromTicket = QStringLiteral("Endpoint:9C6E2A04-4D8F-4B13-A7E9-5F0CAD4E832B");
        const QString fromDivs = QStringLiteral("Endpoint:AD7F3B15-6E9A-4C24-B8FA-60DBE5F943C1");
        QTest::newRow("HTML ticket export: JSON with &quot; and <br>, a list view in <div>s, one in <pre>")
            << "html-ticket-export.html" << QStringList{fromTicket, fromDivs, padded}
            << QStringList{fromTicket + "/Name=2c3d4e5f6071_cbr0",
                           fromTicket + "/Policies/0/Type=OutBoundNAT",
                           fromDivs + "/Name=3d4e5f607182_cbr0",
                           fromDivs + "/MacAddress=00-15-5D-64-06-16",
                           padded + "/Name=cbr0",
                           padded + "/Type=L2Bridge"}
            << QStringList{"the text is an HTML document (a ticket or mail export)"};
        const QString mailed = QStringLiteral("Network:E1A2B3C4-5D6E-4F70-8192-A3B4C5D6E7F8");
        QTest::newRow("a mail export: headers, then the HTML document")
            << "mail-export-html-after-headers.eml" << QStringList{mailed}
            << QStringList{mailed + "/Name=cbr0", mailed + "/Type=L2Bridge",
                           mailed + "/Ipams/0/Subnets/0/IpAddressPrefix=10.244.7.0/24"}
            << QStringList{"lines 6-25 are an HTML document (a ticket or mail export)"};
        const QString inDivs = QStringLiteral("Endpoint:F2B3C4D5-6E7F-4081-92A3-B4C5D6E7F809");
        const QString plain = QStringLiteral("Endpoint:0A1B2C3D-4E5F-4061-8273-94A5B6C7D8E9");
        QTest::newRow("an HTML fragment between prose and a plain list view")
            << "ticket-html-fragment-in-text.txt" << QStringList{plain, inDivs}
            << QStringList{inDivs + "/Name=4e5f60718293_cbr0", inDivs + "/MacAddress=00-15-5D-64-07-17",
                           plain + "/Name=5f6071829304_cbr0"}
            << QStringList{"lines 4-13 are an HTML fragment (markup copied from a ticket or a page)"};
        const QString encodedNetwork = QStringLiteral("Network:6B2F9D41-0C7E-4A38-B5D6-1E9F3A8C2D74");
        const QString encodedEndpoint = QStringLiteral("Endpoint:9C4A7E12-3B5F-4D80-A6E1-27F8C0B93D56");
        const QString encodedNamespace = QStringLiteral("Namespace:5A0E3C71-9D24-4F68-8B13-C47E2A9F0D85");
        QTest::newRow("certutil -encode of a UTF-16 file: the armored base64 is what is read")
            << "network-certutil-encoded.txt" << QStringList{encodedNetwork}
            << QStringList{encodedNetwork + "/Name=cbr0", encodedNetwork + "/Type=L2Bridge",
                           encodedNetwork + "/Ipams/0/Subnets/0/IpAddressPrefix=10.248.7.0/24"}
            << QStringList{"as `certutil -encode` writes it (-----BEGIN CERTIFICATE-----); it was decoded"};
        QTest::newRow("a block of base64 lines between prose")
            << "endpoint-base64-lines.txt" << QStringList{encodedEndpoint}
            << QStringList{encodedEndpoint + "/Policies/0/Type=OutBoundNAT",
                           encodedEndpoint + "/MacAddress=00-15-5D-7A-07-15"}
            << QStringList{"the text holds a block of base64 (7 lines)"};
        const QStringList quotedPrintableValues{
            encodedEndpoint + "/Policies/0/Type=OutBoundNAT", encodedEndpoint + "/Policies/1/Type=SDNRoute",
            encodedEndpoint + "/HostComputeNamespace=5A0E3C71-9D24-4F68-8B13-C47E2A9F0D85",
            encodedEndpoint + "/Name=7d1e2f3a4b5c_cbr0"};
        QTest::newRow("quoted-printable without mail headers: =3D and soft breaks undone")
            << "listview-quoted-printable.txt" << QStringList{encodedEndpoint, encodedNamespace}
            << quotedPrintableValues << QStringList{"the text holds quoted-printable"};
        QTest::newRow("a mail's quoted-printable body read as a text of its own")
            << "mail-quoted-printable.eml" << QStringList{encodedEndpoint, encodedNamespace}
            << quotedPrintableValues << QStringList{"the text holds quoted-printable"};
        const QString numbered1 = QStringLiteral("Endpoint:E3B8F152-7D4C-4A06-9F23-C81D5BAE4069");
        const QString numbered2 = QStringLiteral("Endpoint:F4C90263-8E5D-4B17-A034-D92E6CBF517A");
        QTest::newRow("cat -n line numbers in front of a JSON file")
            << "endpoints-cat-n.txt" << QStringList{numbered1, numbered2}
            << QStringList{numbered1 + "/MacAddress=00-15-5D-B3-03-0E",
                           numbered2 + "/IpConfigurations/0/IpAddress=10.249.3.15"}
            << QStringList{"29 lines start with consecutive line numbers"};
        const QString gist = QStringLiteral("Network:1F6C2B8E-4D07-4A93-9E5B-C83A0D7F4E12");
        QTest::newRow("a gist's line numbers")
            << "network-gist-line-numbers.txt" << QStringList{gist}
            << QStringList{gist + "/Ipams/0/Subnets/0/IpAddressPrefix=10.249.3.0/24"}
            << QStringList{"16 lines start with consecutive line numbers"};
        const QString diffed = QStringLiteral("LoadBalancer:0A7D3E96-B1C2-4F58-9D40-E6A3B5C71F28");
        QTest::newRow("a unified diff is read on its new side")
            << "loadbalancer-diff.diff" << QStringList{diffed}
            << QStringList{diffed + "/State=4",
                           diffed + "/HostComputeEndpoints=[\"F4C90263-8E5D-4B17-A034-D92E6CBF517A\"]"}
            << QStringList{
                   "the text is a unified diff (a/before/lb.json → b/after/lb.json); its new side was read"};
        QTest::newRow("Fluent Bit stdout records: the escaped JSON in the log field")
            << "fluentbit-stdout-records.log" << QStringList{numbered1}
            << QStringList{numbered1 + "/Name=5e6f708192a3_cbr0",
                           numbered1 + "/IpConfigurations/0/PrefixLength=24"}
            << QStringList{"2 lines are Fluent Bit stdout records"};
    }

    void pastedTextReadsAsPrinted()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, objects);
        QFETCH(QStringList, values);
        QFETCH(QStringList, messages);
        const ImportResult result = importFiles({file});
        QCOMPARE(objectList(result), objects);
        compareValues(result, values);
        if (QTest::currentTestFailed())
            return;
        const QStringList texts = messageTexts(result);
        for (const QString& m : messages)
            QVERIFY2(anyContains(texts, m), qPrintable(m + " not in:\n" + texts.join('\n')));
        // Nothing the paste added is a warning of its own.
        for (const ImportMessage& m : result.report.messages)
            QVERIFY2(m.severity != ImportSeverity::Error, m.message.c_str());
    }

    // Windows Server 2016's Containers module (Get-ContainerNetwork, New-ContainerNetwork) shows HNS's
    // networks as ContainerNetwork objects: the type in `Mode`, subnets as `{prefix, ...}`, a list view
    // with SubnetPrefix and Gateways; a table a paste put on one line is split at the console's width.
    void containerNetworksAreNetworks_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("objects");
        QTest::addColumn<QStringList>("values"); ///< "Kind:ID /JSON pointer=JSON" in the snapshot
        QTest::addColumn<QStringList>("said");   ///< parts of messages, object notes or losses
        QTest::addColumn<QStringList>("unsaid"); ///< parts of none of them

        const QString nat = QStringLiteral("Network:4B1E7A52-93C6-4D0F-8E2A-61F5C3B9D7E4");
        const QString l2 = QStringLiteral("Network:9C3F0D18-2A7B-4E65-B41C-0D8E6F2A5C93");
        const QString ext = QStringLiteral("Network:E27A6C45-08D1-4B3F-9A5E-C4F1B0D8E362");
        QTest::newRow("table: Mode is the type, {prefix, prefix} the subnets, DNSServers the DNS servers")
            << "containernetwork-table.txt" << QStringList{nat, l2, ext}
            << QStringList{nat + " /Type=\"NAT\"",
                           nat + " /Ipams/0/Subnets/0/IpAddressPrefix=\"172.20.80.0/20\"",
                           nat + " /Dns/ServerList/1=\"10.50.0.11\"",
                           l2 + " /Type=\"L2Bridge\"",
                           l2 + " /Ipams/0/Subnets/1/IpAddressPrefix=\"10.8.1.0/24\"",
                           ext + " /Type=\"Transparent\"",
                           ext + " /Ipams=\"(absent)\""}
            << QStringList{"a ContainerNetwork (Get-ContainerNetwork", "read Mode as its Type"}
            << QStringList{"not in the dump", "must be an object", "Subnets: not in a shape"};
        const QString listNat = QStringLiteral("Network:5D0C8E3A-71F4-4B29-A6D3-2E9B7F04C1A8");
        const QString tenant = QStringLiteral("Network:B84F1E27-C3A9-4D06-9E15-7A2C8D3F60B1");
        QTest::newRow("list view: SubnetPrefix with its one gateway; two gateways for two subnets stay apart")
            << "containernetwork-listview.txt" << QStringList{listNat, tenant}
            << QStringList{listNat + " /Ipams/0/Subnets/0/IpAddressPrefix=\"172.24.0.0/16\"",
                           listNat + " /Ipams/0/Subnets/0/Routes/0/NextHop=\"172.24.0.1\"",
                           listNat + " /Dns/ServerList/0=\"10.60.1.53\"",
                           listNat + " /_v1/IsDeleted=false",
                           tenant + " /Type=\"L2Tunnel\"",
                           tenant + " /Ipams/0/Subnets/1/IpAddressPrefix=\"10.30.1.0/24\"",
                           tenant + " /_v1/Gateways/1=\"10.30.1.1\"",
                           tenant + " /Policies/1/Settings/SourceMacAddress=\"00-15-5D-2A-10-01\""}
            << QStringList{"Gateways: 10.30.0.1, 10.30.1.1 for 2 subnets; which subnet each serves is not "
                           "shown"}
            << QStringList{"not in the dump", "unknown"};
        // `{}` shows no subnets; how the containers get their addresses (DHCP on a Transparent network
        // made without -SubnetPrefix, or set by hand) the listing does not say, so nothing is made up.
        const QString noSubnetNat = QStringLiteral("Network:0C7D2E91-5A3B-4F68-9E14-B2D08A6C3F75");
        const QString dhcpnet = QStringLiteral("Network:6B2F9E04-D1C3-4A87-8E5B-39A0C7D41F26");
        const QString l2br = QStringLiteral("Network:E83A1C5D-7F20-4B96-A4D1-5C2E9B8F0371");
        const QString tunnel = QStringLiteral("Network:4D91B7E2-0C6A-4E35-B8F9-A17E3D5C2084");
        QTest::newRow("{} subnets: no Ipams made up, whatever the mode")
            << "containernetwork-no-subnets.txt" << QStringList{noSubnetNat, dhcpnet, l2br, tunnel}
            << QStringList{dhcpnet + " /Type=\"Transparent\"",
                           dhcpnet + " /Ipams=\"(absent)\"",
                           dhcpnet + " /Policies/0/Settings/NetworkAdapterName=\"Ethernet 2\"",
                           noSubnetNat + " /Type=\"NAT\"",
                           noSubnetNat + " /Ipams=\"(absent)\"",
                           l2br + " /Ipams=\"(absent)\"",
                           tunnel + " /Ipams=\"(absent)\""}
            << QStringList{"read Mode as its Type, Subnets {} as no subnets",
                           "read Mode as its Type, SubnetPrefix {} as no subnets"}
            << QStringList{"not in the dump", "Dhcp", "DHCP"};
        QTest::newRow("a table whose line breaks were lost, padded to the console's width")
            << "containernetwork-table-flattened.txt" << QStringList{l2, ext}
            << QStringList{ext + " /Type=\"Transparent\"", l2 + " /Type=\"L2Bridge\"",
                           l2 + " /Ipams/0/Subnets/0/IpAddressPrefix=\"10.8.0.0/24\""}
            << QStringList{"a table whose line breaks were lost: its rows told apart at the console's line "
                           "width"}
            << QStringList{"not imported"};
        QTest::newRow("a table whose line breaks and padding were lost: said, nothing made up")
            << "containernetwork-table-flattened-unpadded.txt" << QStringList{} << QStringList{}
            << QStringList{"a table whose line breaks were lost (header Name Id Subnets Mode SourceMac "
                           "DNSServers "
                           "DNSSuffix), its rows not told apart by the console's line width; not imported"}
            << QStringList{};
        QTest::newRow("an issue's one-line paragraphs are not double spacing")
            << "issue-text-one-line-paragraphs.txt" << QStringList{} << QStringList{}
            << QStringList{"HCN_E_ADAPTER_NOT_FOUND (0x803B0006)"}
            << QStringList{"double-spaced", "blank line"};
    }

    void containerNetworksAreNetworks() { importHoldsAndSays(); }

    // A line too long for one message, pasted in parts: the part that starts inside a network joins the
    // network whose start another part shows (the one on its switch whose members agree); when the switch
    // carries several networks, no guess is made.
    void aNetworkPastedInPartsIsOneNetwork_data()
    {
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<QStringList>("objects");
        QTest::addColumn<QStringList>("values"); ///< "Kind:ID /JSON pointer=JSON" in the snapshot
        QTest::addColumn<QStringList>("said");   ///< parts of messages, object notes or losses

        const QString external = QStringLiteral("Network:6A1F3C82-94D7-4E05-B2A8-3D0C7E9F1B64");
        QTest::newRow("the rest joins the network: its type and allocators")
            << QStringList{"network-pasted-in-parts/first-message.txt",
                           "network-pasted-in-parts/second-message.txt"}
            << QStringList{external}
            << QStringList{external + " /Name=\"External\"", external + " /Type=\"Overlay\"",
                           external + " /Ipams/0/Subnets/0/IpAddressPrefix=\"192.168.255.0/30\""}
            << QStringList{
                   "joined with the rest of its text, which starts after its ID, in "
                   "network-pasted-in-parts/second-message.txt line 2 (JSON): the network on the same "
                   "switch (SwitchGuid 6A1F3C82-94D7-4E05-B2A8-3D0C7E9F1B64) whose members agree with "
                   "it wherever both show one",
                   // The log field the part ends in ends the value: the next record's answer is read.
                   "a Get-HnsNetwork record cut before its ID (ActivityId "
                   "9E4B2C07-31D8-4F6A-A5C2-7B0D3E9F1A84"};
        QTest::newRow("two networks on the piece's switch: no guess")
            << QStringList{"network-pasted-in-parts/two-networks-on-one-switch.txt",
                           "network-pasted-in-parts/piece-on-that-switch.txt"}
            << QStringList{"Network:3E9C1A74-58B2-4D06-9F31-C7A0E4D8B215",
                           "Network:F1A6D3B8-27C4-4E59-8D02-9B3E7C5A1F60", "(made up)"}
            << QStringList{} << QStringList{"ID: not in the dump; the snapshot calls it"};
    }

    void aNetworkPastedInPartsIsOneNetwork()
    {
        QFETCH(QStringList, files);
        QFETCH(QStringList, objects);
        QFETCH(QStringList, values);
        QFETCH(QStringList, said);
        const ImportResult result = importFiles(files);
        QStringList shown;
        for (const ImportedObject& o : result.report.objects)
            shown << (o.idMadeUp
                          ? QStringLiteral("(made up)")
                          : QStringLiteral("%1:%2").arg(QString::fromUtf8(resourceKindName(o.kind).data()),
                                                        QString::fromStdString(o.id).toUpper()));
        shown.sort();
        QStringList expected = objects;
        expected.sort();
        QCOMPARE(shown, expected);
        for (const QString& value : values)
            QVERIFY2(valueProblem(result, value).isEmpty(), qPrintable(valueProblem(result, value)));
        const QStringList texts = everythingSaid(result);
        for (const QString& m : said)
            QVERIFY2(anyContains(texts, m), qPrintable(m + " not in:\n" + texts.join('\n')));
    }

    // Of several sources, those that give nothing of HNS (no object, no log line about it) are named in one
    // info; one source alone gets the error instead.
    void sourcesGivingNothingAreNamed_data()
    {
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<QString>("info"); ///< empty: none

        const QString lead =
            QStringLiteral(" sources hold nothing read as HNS (no network, endpoint, namespace, "
                           "load balancer or route, and no line of a log about HNS): ");
        QTest::newRow("a network and prose")
            << QStringList{"hnsdiag-detailed.txt", "logged/counts-once-and-prose.txt"}
            << "1 of 2" + lead + "logged/counts-once-and-prose.txt";
        QTest::newRow("a log about HNS gives something")
            << QStringList{"hnsdiag-detailed.txt", "logged/kube-proxy-hns-network-loaded.log"} << QString();
        QTest::newRow("one source alone: the error says it")
            << QStringList{"logged/counts-once-and-prose.txt"} << QString();
    }

    void sourcesGivingNothingAreNamed()
    {
        QFETCH(QStringList, files);
        QFETCH(QString, info);
        const ImportResult result = importFiles(files);
        QStringList said;
        for (const ImportMessage& m : result.report.messages)
            if (m.message.find("sources hold nothing") != std::string::npos) {
                QCOMPARE(m.severity, ImportSeverity::Info);
                said << QString::fromStdString(m.message);
            }
        QCOMPARE(said, info.isEmpty() ? QStringList{} : QStringList{info});
    }

    // A v1 Transparent network without subnets takes its addresses from DHCP: the snapshot says so, with
    // a note. A cut network may have lost its subnets to the cut: nothing is made up.
    void aTransparentNetworkWithoutSubnetsIsDhcpOnlyWhenWhole_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("objects");
        QTest::addColumn<QStringList>("values"); ///< "Kind:ID /JSON pointer=JSON" in the snapshot
        QTest::addColumn<QStringList>("said");   ///< parts of messages, object notes or losses
        QTest::addColumn<QStringList>("unsaid"); ///< parts of none of them

        const QString external = QStringLiteral("Network:7F3B2D90-1C4E-4A85-9B6D-E02C5A8F1D43");
        QTest::newRow("whole: DHCP, said")
            << "transparent-network-without-subnets.json" << QStringList{external}
            << QStringList{external + " /Type=\"Transparent\"", external + " /Ipams/0/Type=\"Dhcp\"",
                           external + " /Ipams/0/Subnets=\"(absent)\""}
            << QStringList{"Ipams: DHCP, as HNS reads a Transparent network that has no subnets"}
            << QStringList{"the cut may have taken its subnets"};
        QTest::newRow("cut after its Type: no Ipams made up")
            << "transparent-network-cut-before-its-subnets.txt" << QStringList{external}
            << QStringList{external + " /Type=\"Transparent\"", external + " /Ipams=\"(absent)\""}
            << QStringList{"Ipams: none: a Transparent network without subnets takes its addresses from "
                           "DHCP, "
                           "but the cut may have taken its subnets"}
            << QStringList{"Ipams: DHCP"};
        const QString frontnet = QStringLiteral("Network:C5A1F2E3-84B6-4D7C-9E0F-1A2B3C4D5E6F");
        QTest::newRow("subnets before a cut inside its Type")
            << "network-cut-inside-type.txt" << QStringList{frontnet}
            << QStringList{frontnet + " /Ipams/0/Subnets/0/IpAddressPrefix=\"10.40.32.0/20\""}
            << QStringList{} << QStringList{"DHCP"};
    }

    void aTransparentNetworkWithoutSubnetsIsDhcpOnlyWhenWhole() { importHoldsAndSays(); }

    void cancelling()
    {
        ImportOptions options;
        options.progress = [](double) { return false; };
        Result<ImportResult> result = importDump({dumpFile("import-endpoints-depth2.json")}, options);
        QCOMPARE(result.status().code(), hr::Abort);
    }

    void reportSaysHowEachFileWasRead_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("objects");
        QTest::addColumn<QStringList>("infos"); ///< "source: the start of the message", each once

        QTest::newRow("a mail with a gzip attachment: one info for the mail, one for the gzip file")
            << "mail-gzip-attachment.eml" << QStringList{"Endpoint:8E3A5C71-2D9F-4B06-A4E8-C1F7D3B95A20"}
            << QStringList{
                   "mail-gzip-attachment.eml: a MIME mail: read its 2 parts as files of their own: body, "
                   "endpoints.json.gz (base64 decoded)",
                   "mail-gzip-attachment.eml!endpoints.json.gz: a gzip file: unpacked endpoints.json ("};
        QTest::newRow("a single gzip file")
            << "endpoint.json.gz" << QStringList{"Endpoint:9C4A7E12-3B5F-4D80-A6E1-27F8C0B93D56"}
            << QStringList{"endpoint.json.gz: a gzip file: unpacked endpoint.json (371 bytes)"};
        QTest::newRow("a mail forwarding a mail: one info for each")
            << "mail-forwarded-nested-multipart.eml"
            << QStringList{"Endpoint:AF4B6D83-5E2C-4A17-B6F9-E3C1D5A72B94"}
            << QStringList{
                   "mail-forwarded-nested-multipart.eml: a MIME mail: read its 2 parts",
                   "mail-forwarded-nested-multipart.eml!forwarded.eml: a MIME mail: read its 2 parts"};
        QTest::newRow("a UTF-16 BE attachment without a byte order mark")
            << "mail-utf16be-attachment-without-bom.eml"
            << QStringList{"Network:9D4B6F82-3E1A-4C07-B5F9-D2A8E4C06B31"}
            << QStringList{"mail-utf16be-attachment-without-bom.eml: a MIME mail: read its 2 parts"};
        QTest::newRow("a ticket export with two HTML fragments far apart and a plain list view between them")
            << "ticket-two-html-fragments-apart.txt"
            << QStringList{"Endpoint:2B9D4F61-8A37-4C05-9E1B-D6F3A0C7E582",
                           "Endpoint:3CAE5072-9B48-4D16-AF2C-E7041BD8F693",
                           "Network:7C2E5A90-3B14-4D6F-8E21-A59C0D3F6B47"}
            << QStringList{
                   "ticket-two-html-fragments-apart.txt: lines 5-15 and lines 37-50 are 2 HTML fragments"};
    }

    void reportSaysHowEachFileWasRead()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, objects);
        QFETCH(QStringList, infos);
        const Result<ImportResult> result = importPaths({dumpPath(file).toStdString()});
        QVERIFY2(result.ok(), result.status().message().c_str());
        QCOMPARE(objectList(*result), objects);
        QStringList said;
        for (const ImportMessage& m : result->report.messages) {
            QVERIFY2(m.severity != ImportSeverity::Error, m.message.c_str());
            if (m.severity == ImportSeverity::Info)
                said << QString::fromStdString(m.source + ": " + m.message);
        }
        // Each said once, for the file, not for each object in it.
        for (const QString& info : infos)
            QVERIFY2(std::count_if(said.begin(), said.end(),
                                   [&](const QString& s) { return s.startsWith(info); }) == 1,
                     qPrintable(info + " not once in:\n" + said.join('\n')));
        if (objects.size() > 1) {
            const auto fragments = std::count_if(
                said.begin(), said.end(), [](const QString& s) { return s.contains("HTML fragment"); });
            QCOMPARE(fragments, 1);
        }
    }

    void anEndpointSplitByAChatHeaderKeepsItsNamespace_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("objects");
        QTest::addColumn<QStringList>("values"); ///< "Kind:ID /pointer=json"

        const QString endpoint = "C30DA91F-4A2B-4E76-951C-1D6B7A853F24";
        const QString ns = "D41EBA20-5B3C-4F87-A62D-2E7C8B964035";
        const QString listed = "Namespace:" + ns + " /Resources=[{\"Data\":{\"ID\":\"" + endpoint +
                               "\"},\"Type\":\"Endpoint\"}]";
        const QString linked = "Endpoint:" + endpoint + " /HostComputeNamespace=\"" + ns + "\"";
        const auto file = [](const char* name) { return QString::fromUtf8(readDump(name)); };
        QTest::newRow("v1: its Namespace member found on its own after the header")
            << file("chat-split-endpoint-json.txt")
            << QStringList{"Endpoint:90DA76EC-17F8-4B43-A269-EA3847520CF1", "Endpoint:" + endpoint,
                           "Namespace:A1EB87FD-2809-4C54-B37A-FB4958631D02", "Namespace:" + ns}
            << QStringList{linked, listed};
        QTest::newRow("v1: the rest of the endpoint in a message of its own")
            << file("chat-split-endpoint-fenced-v1.txt")
            << QStringList{"Endpoint:5E2B8C41-7D93-4A06-B1F5-28C9E4A7D310", "Endpoint:" + endpoint,
                           "Namespace:A1EB87FD-2809-4C54-B37A-FB4958631D02", "Namespace:" + ns}
            << QStringList{linked,
                           listed,
                           "Endpoint:" + endpoint + " /Name=\"4d5e6f7a8b9c_cbr0\"",
                           "Endpoint:" + endpoint +
                               " /HostComputeNetwork=\"B2FC980E-391A-4D65-840B-0C5A69742E13\"",
                           "Endpoint:" + endpoint + " /IpConfigurations/0/IpAddress=\"10.244.14.12\"",
                           "Endpoint:" + endpoint +
                               " @Lost=[\"the text between line 24 and line 28 split the value; its members "
                               "there are unknown\"]"};
        QTest::newRow("v2: HostComputeNamespace in the rest of the endpoint")
            << file("chat-split-endpoint-fenced-v2.txt")
            << QStringList{"Endpoint:" + endpoint, "Namespace:" + ns}
            << QStringList{
                   linked, listed, "Endpoint:" + endpoint + " /IpConfigurations/0/IpAddress=\"10.244.14.12\"",
                   "Endpoint:" + endpoint + " /HostComputeNetwork=\"B2FC980E-391A-4D65-840B-0C5A69742E13\""};
        // The header lands inside the Namespace member: the endpoint keeps the ID before the cut.
        QTest::newRow("v1: the header inside the Namespace member")
            << QStringLiteral(R"(Alex Kim  10:41 AM
[
    {
        "ID": "%1",
        "IPAddress": "10.244.14.12",
        "MacAddress": "00-15-5D-F7-0E-0C",
        "Name": "pod_cbr0",
        "Namespace": {
            "ID": "%2",

Alex Kim  10:42 AM
            "IsDefault": false
        },
        "VirtualNetworkName": "cbr0"
    }
]
)")
                   .arg(endpoint, ns)
            << QStringList{"Endpoint:" + endpoint, "Namespace:" + ns} << QStringList{linked, listed};
        // A Namespace member alone after an endpoint whose text is whole is some other endpoint's: not
        // linked.
        QTest::newRow("v1: a Namespace member alone after an endpoint that is whole")
            << QStringLiteral(R"([
    {
        "ID": "%1",
        "IPAddress": "10.244.14.12",
        "MacAddress": "00-15-5D-F7-0E-0C",
        "Name": "pod_cbr0"
    }
]

Alex Kim  10:42 AM
        "Namespace": {
            "ID": "%2",
            "IsDefault": false
        },
)")
                   .arg(endpoint, ns)
            << QStringList{"Endpoint:" + endpoint, "Namespace:" + ns}
            << QStringList{"Endpoint:" + endpoint + " /HostComputeNamespace=\"(absent)\"",
                           "Namespace:" + ns + " /Resources=[]"};
        // An endpoint that names its namespace before the split keeps it.
        QTest::newRow("v1: the endpoint names its namespace before the split")
            << QStringLiteral(R"([
    {
        "ID": "%1",
        "IPAddress": "10.244.14.12",
        "MacAddress": "00-15-5D-F7-0E-0C",
        "Namespace": {
            "ID": "%2",
            "IsDefault": false
        },
        "Name": "pod_cbr0",

Alex Kim  10:42 AM
        "Namespace": {
            "ID": "A1EB87FD-2809-4C54-B37A-FB4958631D02",
            "IsDefault": false
        },
)")
                   .arg(endpoint, ns)
            << QStringList{"Endpoint:" + endpoint, "Namespace:A1EB87FD-2809-4C54-B37A-FB4958631D02",
                           "Namespace:" + ns}
            << QStringList{linked, listed, "Namespace:A1EB87FD-2809-4C54-B37A-FB4958631D02 /Resources=[]"};
    }

    void anEndpointSplitByAChatHeaderKeepsItsNamespace()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, objects);
        QFETCH(QStringList, values);
        Result<ImportResult> imported = importDump({{"chat.txt", text.toStdString()}});
        QVERIFY(imported.ok());
        const ImportResult& result = *imported;
        QCOMPARE(objectList(result), objects);
        for (const QString& v : values) {
            const QString problem = valueProblem(result, v);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
    }

    void objectsKeyedByTheirIdAreRead_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("objects");
        const QString e1 = QStringLiteral("5D1A7C3E-2B4F-4A68-9C0D-1E2F3A4B5C6D");
        const QString e2 = QStringLiteral("6E2B8D4F-3C5A-4B79-8D1E-2F3A4B5C6D7E");
        const QString n1 = QStringLiteral("9A8B7C6D-5E4F-4301-8A2B-3C4D5E6F7A8B");
        const auto endpoint = [&](const QString& id, const QString& ip) {
            return QStringLiteral(
                       "{\"ID\": \"%1\", \"Name\": \"web\", \"IPAddress\": \"%2\", \"VirtualNetwork\": "
                       "\"%3\"}")
                .arg(id, ip, n1);
        };
        QTest::newRow("$h[$_.ID] = $_; $h | ConvertTo-Json")
            << QStringLiteral("{\n  \"%1\": %2,\n  \"%3\": %4\n}\n")
                   .arg(e1, endpoint(e1, "10.244.3.21"), e2, endpoint(e2, "10.244.3.22"))
            << QStringList{"Endpoint:" + e1, "Endpoint:" + e2};
        QTest::newRow("IDs in braces and lower case, a network among them")
            << QStringLiteral(
                   "{\"{%1}\": %2, \"%3\": {\"ID\": \"%3\", \"Name\": \"cbr0\", \"Type\": \"L2Bridge\", "
                   "\"Subnets\": [{\"AddressPrefix\": \"10.244.3.0/24\"}]}}")
                   .arg(e1.toLower(), endpoint(e1, "10.244.3.21"), n1)
            << QStringList{"Endpoint:" + e1, "Network:" + n1};
        QTest::newRow("a map of GUIDs to text is no objects")
            << QStringLiteral("{\"%1\": \"10.244.3.21\", \"%2\": \"10.244.3.22\"}").arg(e1, e2)
            << QStringList{};
        QTest::newRow("a GUID key beside another key is no hashtable of objects")
            << QStringLiteral("{\"%1\": %2, \"Count\": {\"x\": 1}}").arg(e1, endpoint(e1, "10.244.3.21"))
            << QStringList{};
    }

    void objectsKeyedByTheirIdAreRead()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, objects);
        Result<ImportResult> result = importDump({{"keyed.json", text.toStdString()}});
        QVERIFY(result.ok());
        QStringList found = objectList(*result);
        found.removeIf([](const QString& o) { return o.startsWith("Namespace:"); });
        QCOMPARE(found, objects);
    }

    /// A member HNS writes as an IP address, a prefix, a MAC address, a GUID or a number gets only a
    /// value of that type (v1 and v2, list views and JSON, at any depth): anything else (redacted, read
    /// from a picture, text) is kept under "_v1" as given, each with a loss, and no check reads it.
    void valuesAreReadOnlyAsTheirType_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("values"); ///< as objectsAsTheDumpShowsThem's
        QTest::addColumn<QStringList>("lost");   ///< "ID loss": an entry of that object's Lost

        const QString marked = "Endpoint:5B1C7E20-94AF-4D36-8C0E-2F7A1D9B3E64";
        QTest::newRow("values the poster marked with markdown emphasis are read inside it")
            << "endpoint-values-in-markdown-emphasis.txt"
            << QStringList{marked + " /IpConfigurations/0/IpAddress=\"10.244.3.2\"",
                           marked + " /MacAddress=\"00-15-5D-4C-2A-07\"",
                           marked + " /Routes/0/NextHop=\"10.244.3.1\"",
                           marked + " /_v1/IPAddress=\"(absent)\"", marked + " @UnknownFields=[]"}
            << QStringList{};
        const QString lv = "Endpoint:3E4F5061-7283-4A94-B5C6-D7E8F9A0B1C2";
        QTest::newRow("redacted endpoint addresses and MAC in a list view")
            << "listview-redacted-values.txt"
            << QStringList{lv + " /IpConfigurations=\"(absent)\"",
                           lv + " /_v1/IPAddress=\"10.244.x.x\"",
                           lv + " /Routes=\"(absent)\"",
                           lv + " /_v1/GatewayAddress=\"x.x.x.x\"",
                           lv + " /MacAddress=\"(absent)\"",
                           lv + " /_v1/MacAddress=\"00-15-5D-XX-XX-XX\"",
                           lv + " /Dns/ServerList=[\"10.96.0.10\"]",
                           lv + " /_v1/DNSServerList=\"10.96.0.10,10.96.x.x\"",
                           lv + " /Policies/1/Settings/DestinationPrefix=\"(absent)\"",
                           lv + " /_v1/Policies[1].DestinationPrefix=\"10.96.0.0/xx\"",
                           lv + " @UnknownFields=[]"}
            << QStringList{
                   "3E4F5061-7283-4A94-B5C6-D7E8F9A0B1C2 IPAddress: \"10.244.x.x\" is not an IP address "
                   "(redacted?); kept under \"_v1\" as given",
                   "3E4F5061-7283-4A94-B5C6-D7E8F9A0B1C2 GatewayAddress: \"x.x.x.x\" is not an IP "
                   "address (redacted?); kept under \"_v1\" as given",
                   "3E4F5061-7283-4A94-B5C6-D7E8F9A0B1C2 MacAddress: \"00-15-5D-XX-XX-XX\" is not a MAC "
                   "address (redacted?); kept under \"_v1\" as given",
                   "3E4F5061-7283-4A94-B5C6-D7E8F9A0B1C2 DNSServerList: \"10.96.x.x\" is not an IP "
                   "address (redacted?); kept under \"_v1\" as given",
                   "3E4F5061-7283-4A94-B5C6-D7E8F9A0B1C2 Policies[1].DestinationPrefix: \"10.96.0.0/xx\" "
                   "is not an address prefix (redacted?); kept under \"_v1\" as given"};
        const QString ocr = "Endpoint:4F506172-8394-4BA5-86D7-E8F9A0B1C2D3";
        QTest::newRow("letters a screenshot's OCR read for digits")
            << "listview-redacted-values.txt"
            << QStringList{ocr + " /IpConfigurations=\"(absent)\"", ocr + " /_v1/IPAddress=\"1O.244.2.l2\"",
                           ocr + " /MacAddress=\"(absent)\"", ocr + " /_v1/MacAddress=\"00-15-5D-A1-O2-0C\"",
                           ocr + " /Routes/0/NextHop=\"10.244.2.1\""}
            << QStringList{
                   "4F506172-8394-4BA5-86D7-E8F9A0B1C2D3 IPAddress: \"1O.244.2.l2\" is not an IP address "
                   "(letters where digits belong: read from a picture?); kept under \"_v1\" as given"};
        const QString lvNet = "Network:5061728A-94A5-4B6C-97E8-F9A0B1C2D3E4";
        QTest::newRow("a network's redacted subnet prefix, management IP and DR MAC in a list view")
            << "listview-redacted-values.txt"
            << QStringList{lvNet + " /Ipams/0/Subnets/0/IpAddressPrefix=\"(absent)\"",
                           lvNet + " /Ipams/0/Subnets/0/Routes/0/NextHop=\"10.244.0.1\"",
                           lvNet + " /_v1/Subnets[0].AddressPrefix=\"10.244.0.0/xx\"",
                           lvNet + " /_v1/ManagementIP=\"<redacted>\"",
                           lvNet + " /_v1/DrMacAddress=\"***\"",
                           lvNet + " @UnknownFields=[]"}
            << QStringList{"5061728A-94A5-4B6C-97E8-F9A0B1C2D3E4 ManagementIP: \"<redacted>\" is not an IP "
                           "address (redacted?); kept under \"_v1\" as given",
                           "5061728A-94A5-4B6C-97E8-F9A0B1C2D3E4 DrMacAddress: \"***\" is not a MAC address "
                           "(redacted?); kept under \"_v1\" as given"};

        const QString v1 = "Endpoint:61728394-A5B6-4C7D-88E9-F0A1B2C3D4E5";
        QTest::newRow("v1 JSON: an address with its prefix, a MAC without separators, policy addresses")
            << "json-redacted-values-v1.json"
            << QStringList{v1 + " /IpConfigurations=[{\"IpAddress\":\"10.244.2.12\",\"PrefixLength\":24}]",
                           v1 + " /MacAddress=\"00-15-5D-A1-02-0B\"",
                           v1 + " /_v1/IPv6Address=\"fd00:10:244:2::x\"",
                           v1 + " /Policies/0/Settings/Exceptions=[\"10.244.0.0/16\",\"10.10.0.0/16\"]",
                           v1 + " /_v1/Policies[0].ExceptionList[1]=\"10.x.0.0/12\"",
                           v1 + " /_v1/Policies[1].DestinationPrefix=\"<redacted>\"",
                           v1 + " /_v1/Policies[2].PA=\"10.0.x.x\"",
                           v1 + " @Notes=[\"IPAddress: \\\"10.244.2.12/24\\\" is an address with its prefix; "
                                "the "
                                "address read, PrefixLength 24 from it\", \"MacAddress: \\\"00155da1020b\\\" "
                                "written "
                                "without separators; read as 00-15-5D-A1-02-0B\"]"}
            << QStringList{
                   "61728394-A5B6-4C7D-88E9-F0A1B2C3D4E5 Policies[0].ExceptionList[1]: \"10.x.0.0/12\" is "
                   "not an address or a prefix (redacted?); kept under \"_v1\" as given"};
        QTest::newRow("v1 JSON: an address with a prefix beside its own PrefixLength keeps that")
            << "json-redacted-values-v1.json"
            << QStringList{"Endpoint:72839405-B6C7-4D8E-99F0-A1B2C3D4E5F6 /IpConfigurations=[{\"IpAddress\":"
                           "\"10.244.2.13\",\"PrefixLength\":16}]",
                           "Endpoint:72839405-B6C7-4D8E-99F0-A1B2C3D4E5F6 @Lost=[]"}
            << QStringList{};
        const QString v1Net = "Network:94A5B6C7-D8E9-4F0A-9B1C-2D3E4F506172";
        QTest::newRow("v1 JSON network: a redacted subnet, a gateway with a prefix")
            << "json-redacted-values-v1.json"
            << QStringList{v1Net + " /Ipams/0/Subnets/0/IpAddressPrefix=\"(absent)\"",
                           v1Net + " /Ipams/0/Subnets/0/Routes/0/NextHop=\"10.244.0.1\"",
                           v1Net + " /Ipams/0/Subnets/1/IpAddressPrefix=\"10.245.0.0/16\"",
                           v1Net + " /_v1/DRMacAddress=\"<redacted>\"",
                           v1Net + " /_v1/ManagementIP=\"10.0.0.x\"",
                           v1Net +
                               " @Notes=[\"Subnets[0].GatewayAddress: \\\"10.244.0.1/24\\\" is an address "
                               "with its prefix; the address read, the prefix left out\"]"}
            << QStringList{
                   "94A5B6C7-D8E9-4F0A-9B1C-2D3E4F506172 Subnets[0].AddressPrefix: \"10.244.0.0/xx\" is "
                   "not an address prefix (redacted?); kept under \"_v1\" as given"};
        QTest::newRow("v1 policy list: a redacted VIP")
            << "json-redacted-values-v1.json"
            << QStringList{"LoadBalancer:A5B6C7D8-E9F0-4A1B-8C2D-3E4F50617283 /FrontendVIPs=\"(absent)\"",
                           "LoadBalancer:A5B6C7D8-E9F0-4A1B-8C2D-3E4F50617283 /_v1/Policies[0].VIPs[0]="
                           "\"10.0.0.x\""}
            << QStringList{
                   "A5B6C7D8-E9F0-4A1B-8C2D-3E4F50617283 Policies[0].VIPs[0]: \"10.0.0.x\" is not an IP "
                   "address (redacted?); kept under \"_v1\" as given"};

        const QString v2 = "Endpoint:B6C7D8E9-F0A1-4B2C-9D3E-4F5061728394";
        QTest::newRow("v2 JSON endpoint: configurations, MAC, routes, DNS, policy settings")
            << "json-redacted-values-v2.json"
            << QStringList{v2 + " /IpConfigurations=[{\"PrefixLength\":16},{\"IpAddress\":\"10.240.0.34\","
                                "\"PrefixLength\":16}]",
                           v2 + " /_v1/IpConfigurations[0].IpAddress=\"10.240.x.x\"",
                           v2 + " /MacAddress=\"(absent)\"",
                           v2 + " /Routes/0/NextHop=\"(absent)\"",
                           v2 + " /_v1/Routes[0].NextHop=\"x.x.x.x\"",
                           v2 + " /Dns/ServerList=[\"10.0.0.10\"]",
                           v2 + " /Policies/0/Settings/Exceptions=[\"10.0.0.0/8\"]",
                           v2 + " /Policies/1/Settings/ProviderAddress=\"(absent)\"",
                           v2 + " /_v1/Policies[1].Settings.ProviderAddress=\"10.1.x.x\"",
                           v2 + " @UnknownFields=[]"}
            << QStringList{
                   "B6C7D8E9-F0A1-4B2C-9D3E-4F5061728394 Dns.ServerList[1]: \"10.0.0.x\" is not an IP "
                   "address (redacted?); kept under \"_v1\" as given",
                   "B6C7D8E9-F0A1-4B2C-9D3E-4F5061728394 Policies[0].Settings.Exceptions[1]: "
                   "\"<redacted>\" is not an address or a prefix (redacted?); kept under \"_v1\" as given"};
        const QString v2Net = "Network:C7D8E9F0-A1B2-4C3D-8E4F-506172839405";
        QTest::newRow("v2 JSON network: a subnet prefix, a remote subnet route's addresses, a GUID")
            << "json-redacted-values-v2.json"
            << QStringList{v2Net + " /Ipams/0/Subnets/0/IpAddressPrefix=\"(absent)\"",
                           v2Net + " /Policies/0/Settings={\"DestinationPrefix\":\"10.241.0.0/16\"}",
                           v2Net + " /Policies/1/Settings={}",
                           v2Net + " /_v1/Policies[1].Settings.InterfaceGuid="
                                   "\"7C9A1B2D-XXXX-XXXX-XXXX-7485960A1B2C\""}
            << QStringList{
                   "C7D8E9F0-A1B2-4C3D-8E4F-506172839405 Policies[0].Settings.DistributedRouterMacAddress: "
                   "\"00-15-5D-XX-XX-XX\" is not a MAC address (redacted?); kept under \"_v1\" as given"};
        QTest::newRow("v2 JSON load balancer: frontend and source VIPs, a port in hex")
            << "json-redacted-values-v2.json"
            << QStringList{"LoadBalancer:D8E9F0A1-B2C3-4D4E-9F50-617283940516 /FrontendVIPs=[]",
                           "LoadBalancer:D8E9F0A1-B2C3-4D4E-9F50-617283940516 /SourceVIP=\"(absent)\"",
                           "LoadBalancer:D8E9F0A1-B2C3-4D4E-9F50-617283940516 "
                           "/PortMappings/0/ExternalPort=8080"}
            << QStringList{
                   "D8E9F0A1-B2C3-4D4E-9F50-617283940516 SourceVIP: \"<redacted>\" is not an IP address "
                   "(redacted?); kept under \"_v1\" as given"};

        // An ACL's address and port lists: each element is read as its type; a list with one that is not is
        // kept whole under "_v1" with a loss naming the rule and the field, and its valid elements stay.
        const QString aclNet = "Network:E1A0B2C3-D4E5-4F60-8172-93A4B5C6D7E8";
        const QString web = "Endpoint:E1A0B2C3-D4E5-4F60-8172-93A4B5C6D702";
        const QString resolver = "Endpoint:E1A0B2C3-D4E5-4F60-8172-93A4B5C6D704";
        QTest::newRow("v2 ACL: a redacted remote address, the list taken out")
            << "json-redacted-acls.json"
            << QStringList{web + " /Policies/0/Settings/RemoteAddresses=\"(absent)\"",
                           web + " /Policies/0/Settings/LocalPorts=\"80\"",
                           web + " /_v1/Policies[0].Settings.RemoteAddresses=\"10.250.0.x\"",
                           web + " @UnknownFields=[]"}
            << QStringList{
                   "E1A0B2C3-D4E5-4F60-8172-93A4B5C6D702 Policies[0].Settings.RemoteAddresses: "
                   "\"10.250.0.x\" is not an address or a prefix (redacted?); the list kept under "
                   "\"_v1\" as given: the rule (Id deny-scanner)'s RemoteAddresses are not known, so no "
                   "check or trace evaluates it"};
        QTest::newRow("v2 ACL: the valid addresses and ports of a list stay")
            << "json-redacted-acls.json"
            << QStringList{resolver + " /Policies/0/Settings/RemoteAddresses=\"10.250.0.0/24\"",
                           resolver +
                               " /_v1/Policies[0].Settings.RemoteAddresses=\"10.250.0.0/24, 10.96.X.Y\"",
                           resolver + " /Policies/1/Settings/RemotePorts=\"80,1000-2000\"",
                           resolver + " /_v1/Policies[1].Settings.RemotePorts=\"80,8x80,1000-2000\"",
                           resolver + " /Policies/2/Settings/LocalPorts=\"(absent)\"",
                           resolver + " /_v1/Policies[2].Settings.LocalPorts=\"70000\""}
            << QStringList{
                   "E1A0B2C3-D4E5-4F60-8172-93A4B5C6D704 Policies[0].Settings.RemoteAddresses: "
                   "\"10.96.X.Y\" is not an address or a prefix (redacted?); the list kept under "
                   "\"_v1\" as given: the rule (Id dns-out)'s RemoteAddresses are not known, so no check "
                   "or trace evaluates it",
                   "E1A0B2C3-D4E5-4F60-8172-93A4B5C6D704 Policies[1].Settings.RemotePorts: \"8x80\" is "
                   "not a port or a port range (redacted?); the list kept under \"_v1\" as given: the "
                   "rule (Id web-out)'s RemotePorts are not known, so no check or trace evaluates it",
                   "E1A0B2C3-D4E5-4F60-8172-93A4B5C6D704 Policies[2].Settings.LocalPorts: \"70000\" is "
                   "not a port or a port range (above 65535, the highest port); the list kept under \"_v1\" "
                   "as given: the rule (Id "
                   "odd-port)'s LocalPorts are not known, so no check or trace evaluates it"};
        QTest::newRow("v2 NetworkACL: a redacted remote address")
            << "json-redacted-acls.json"
            << QStringList{aclNet + " /Policies/0/Settings/RemoteAddresses=\"(absent)\"",
                           aclNet + " /_v1/Policies[0].Settings.RemoteAddresses=\"<redacted>\""}
            << QStringList{
                   "E1A0B2C3-D4E5-4F60-8172-93A4B5C6D7E8 Policies[0].Settings.RemoteAddresses: "
                   "\"<redacted>\" is not an address or a prefix (redacted?); the list kept under "
                   "\"_v1\" as given: the rule (Id no-https-out)'s RemoteAddresses are not known, so no "
                   "check or trace evaluates it"};
        QTest::newRow("v1 ACL: \"Any\" is no address HNS takes")
            << "json-redacted-acls-v1.json"
            << QStringList{"Endpoint:F2B1C3D4-E5F6-4071-8283-94A5B6C7D801 "
                           "/Policies/0/Settings/RemoteAddresses="
                           "\"(absent)\"",
                           "Endpoint:F2B1C3D4-E5F6-4071-8283-94A5B6C7D801 "
                           "/Policies/0/Settings/RemotePorts=\"22\"",
                           "Endpoint:F2B1C3D4-E5F6-4071-8283-94A5B6C7D801 /_v1/Policies[0].RemoteAddresses="
                           "\"Any\""}
            << QStringList{
                   "F2B1C3D4-E5F6-4071-8283-94A5B6C7D801 Policies[0].RemoteAddresses: \"Any\" is not an "
                   "address or a prefix (HNS rejects it: a rule for any address leaves the field empty); "
                   "the list kept under \"_v1\" as given: the rule (Id no-ssh)'s RemoteAddresses are not "
                   "known, so no check or trace evaluates it"};
        const QString lists = "Endpoint:F2B1C3D4-E5F6-4071-8283-94A5B6C7D802";
        QTest::newRow("v1 ACL: addresses, prefixes, ports and ranges as HNS writes them stay as written")
            << "json-redacted-acls-v1.json"
            << QStringList{lists + " /Policies/0/Settings/RemoteAddresses=\"10.0.0.0/8,10.251.0.5\"",
                           lists + " /Policies/0/Settings/LocalPorts=\"80\"",
                           lists + " /Policies/1/Settings/LocalPorts=\"80, 1000-2000\"",
                           lists + " /Policies/2/Settings/LocalPorts=\"(absent)\"",
                           lists + " /_v1/Policies[2].LocalPorts=\"2000-1000\"",
                           lists + " /_v1/Policies[2].RemoteAddresses=\"10.251.0.**\""}
            << QStringList{
                   "F2B1C3D4-E5F6-4071-8283-94A5B6C7D802 Policies[2].LocalPorts: \"2000-1000\" is not a "
                   "port or a port range (a range whose first port is after its last); the list kept under "
                   "\"_v1\" as given: the rule's LocalPorts are "
                   "not known, so no check or trace evaluates it"};

        // An ACL's protocols: numbers 0-255, 256 (any) and the protocols' names stay; any other value is
        // kept under "_v1" like a redacted address list, and the rule is not evaluated.
        const QString web2 = "Endpoint:A7C1D2E3-F405-4A16-9B27-38C4D5E6F702";
        const QString api = "Endpoint:A7C1D2E3-F405-4A16-9B27-38C4D5E6F703";
        const QString names = "Endpoint:A7C1D2E3-F405-4A16-9B27-38C4D5E6F704";
        QTest::newRow("v2 ACL: a protocol HNS does not take, the list taken out")
            << "json-acl-protocols.json"
            << QStringList{web2 + " /Policies/0/Settings/Protocols=\"(absent)\"",
                           web2 + " /Policies/0/Settings/LocalPorts=\"80\"",
                           web2 + " /_v1/Policies[0].Settings.Protocols=\"SCTP\"",
                           web2 + " @UnknownFields=[]"}
            << QStringList{
                   "A7C1D2E3-F405-4A16-9B27-38C4D5E6F702 Policies[0].Settings.Protocols: \"SCTP\" is not "
                   "an IP protocol; the list kept under \"_v1\" as given: the rule (Id odd-proto)'s "
                   "Protocols are not known, so no check or trace evaluates it"};
        QTest::newRow("v2 ACL: a protocol number above 255 beside a valid one, 256 for any")
            << "json-acl-protocols.json"
            << QStringList{api + " /Policies/0/Settings/Protocols=\"6\"",
                           api + " /_v1/Policies[0].Settings.Protocols=\"6,300\"",
                           api + " /Policies/1/Settings/Protocols=\"256\""}
            << QStringList{
                   "A7C1D2E3-F405-4A16-9B27-38C4D5E6F703 Policies[0].Settings.Protocols: \"300\" is not "
                   "an IP protocol (IP protocol numbers are 0-255; 256 is any protocol); the list kept "
                   "under \"_v1\" as given: the rule (Id mixed)'s Protocols are not known, so no check "
                   "or trace evaluates it"};
        QTest::newRow("v2 ACL: protocols by name and ports with blanks stay, \"Any\" is no protocol")
            << "json-acl-protocols.json"
            << QStringList{names + " /Policies/0/Settings/Protocols=\"TCP, 17\"",
                           names + " /Policies/0/Settings/LocalPorts=\" 80 , 443 \"",
                           names + " /Policies/1/Settings/Protocols=\"(absent)\"",
                           names + " /_v1/Policies[1].Settings.Protocols=\"Any\""}
            << QStringList{
                   "A7C1D2E3-F405-4A16-9B27-38C4D5E6F704 Policies[1].Settings.Protocols: \"Any\" is not "
                   "an IP protocol (HNS writes any protocol as 256); the list kept under \"_v1\" as "
                   "given: the rule (Id any-word)'s Protocols are not known, so no check or trace "
                   "evaluates it"};
        const QString v1Protocols = "Endpoint:B8D2E3F4-0516-4B27-8C38-49D5E6F7A801";
        QTest::newRow("v1 ACL: Protocol by number or name read, others kept under _v1")
            << "json-acl-protocols-v1.json"
            << QStringList{v1Protocols + " /Policies/0/Settings/Protocols=\"6\"",
                           v1Protocols + " /Policies/0/Settings/LocalPorts=\"80\"",
                           v1Protocols + " /Policies/1/Settings/Protocols=\"17\"",
                           v1Protocols + " /Policies/2/Settings/Protocols=\"(absent)\"",
                           v1Protocols + " /_v1/Policies[2].Protocol=300",
                           v1Protocols + " /Policies/3/Settings/Protocols=\"(absent)\"",
                           v1Protocols + " /_v1/Policies[3].Protocol=\"<redacted>\"",
                           v1Protocols + " /Policies/4/Settings/Protocol=6"}
            << QStringList{
                   "B8D2E3F4-0516-4B27-8C38-49D5E6F7A801 Policies[2].Protocol: 300 is not an IP protocol "
                   "(IP protocol numbers are 0-255; 256 is any protocol); the list kept under \"_v1\" "
                   "as given: the rule (Id odd-number)'s Protocol is not known, so no check or trace "
                   "evaluates it",
                   "B8D2E3F4-0516-4B27-8C38-49D5E6F7A801 Policies[3].Protocol: \"<redacted>\" is not an "
                   "IP protocol (redacted?); the list kept under \"_v1\" as given: the rule's Protocol "
                   "is not known, so no check or trace evaluates it"};

        QTest::newRow("numbers in hex are read, text that is no number is kept apart")
            << "json-redacted-values-v1.json"
            << QStringList{"Endpoint:83940516-C7D8-4E9F-AA01-B2C3D4E5F607 "
                           "/IpConfigurations/0/PrefixLength=20",
                           "Endpoint:83940516-C7D8-4E9F-AA01-B2C3D4E5F607 /State=2",
                           "Endpoint:83940516-C7D8-4E9F-AA01-B2C3D4E5F607 @Notes=[\"numbers and booleans "
                           "given as text (Import-Csv writes every value so) read as HNS writes them: "
                           "PrefixLength, State\"]",
                           "LoadBalancer:A5B6C7D8-E9F0-4A1B-8C2D-3E4F50617283 "
                           "/PortMappings/0/ExternalPort=80",
                           "Endpoint:94051627-D8E9-4FA0-BB12-C3D4E5F60718 /IpConfigurations/0/PrefixLength="
                           "\"(absent)\"",
                           "Endpoint:94051627-D8E9-4FA0-BB12-C3D4E5F60718 /_v1/PrefixLength=\"/xx\"",
                           "Endpoint:94051627-D8E9-4FA0-BB12-C3D4E5F60718 /State=\"(absent)\"",
                           "Endpoint:94051627-D8E9-4FA0-BB12-C3D4E5F60718 /_v1/State=\"***\""}
            << QStringList{"94051627-D8E9-4FA0-BB12-C3D4E5F60718 PrefixLength: \"/xx\" is not a number; kept "
                           "under \"_v1\" as given",
                           "94051627-D8E9-4FA0-BB12-C3D4E5F60718 State: \"***\" is not a number or a name "
                           "(redacted?); kept under \"_v1\" as given"};
        QTest::newRow("a number with leading zeros is the number")
            << "listview-empty-values.txt"
            << QStringList{"Endpoint:B4E8027C-5A13-4F69-9C0D-71E6A3F2D58B /_v1/CompartmentId=7",
                           "Endpoint:B4E8027C-5A13-4F69-9C0D-71E6A3F2D58B @Lost=[]"}
            << QStringList{};
        QTest::newRow("v2 Settings in base64: JSON read, anything else (or nested too deep) said")
            << "json-redacted-values-v2.json"
            << QStringList{v2 + " /Policies/2/Settings={\"Exceptions\":[\"10.0.0.0/8\",\"10.240.0.0/16\"]}",
                           v2 + " /Policies/3/Settings=\"RXhjZXB0aW9ucz0xMC4wLjAuMC84\"",
                           v2 + " /Policies/4/Settings/a/a=\"(absent)\""}
            << QStringList{
                   "B6C7D8E9-F0A1-4B2C-9D3E-4F5061728394 Policies[3].Settings: text, not the settings "
                   "object HNS writes; kept as given, not read",
                   "B6C7D8E9-F0A1-4B2C-9D3E-4F5061728394 Policies[4].Settings: text, not the settings "
                   "object HNS writes; kept as given, not read"};
    }

    void valuesAreReadOnlyAsTheirType()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, values);
        QFETCH(QStringList, lost);
        const ImportResult result = importFiles({file});
        for (const QString& v : values)
            QVERIFY2(valueProblem(result, v).isEmpty(), qPrintable(valueProblem(result, v)));
        for (const QString& l : lost) {
            const ImportedObject* o = object(result, l.section(' ', 0, 0).toStdString());
            QVERIFY2(o, qPrintable(l));
            const std::string loss = l.section(' ', 1).toStdString();
            QVERIFY2(std::find(o->lost.begin(), o->lost.end(), loss) != o->lost.end(),
                     qPrintable(l + "\n  not in " + QString::fromStdString(json(o->lost).dump())));
        }
        Result<std::shared_ptr<SnapshotApi>> api = SnapshotApi::fromDocument(result.snapshot, "import");
        QVERIFY(api.ok());
        QVERIFY((*api)->loadWarnings().empty());
    }

    /// Base64 of gzip pasted into a ticket that cut it, or that lost a line of it: what unpacked is read,
    /// the objects that came out whole are imported, and the report says where the compressed text ends.
    void cutGzipInBase64KeepsWhatUnpacked_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("objects");
        QTest::addColumn<QString>("warning"); ///< "source lines A-B: the start of the message"
        QTest::newRow("the paste ends in the middle of the base64")
            << "ticket-gzip-base64-cut.txt"
            << QStringList{"Endpoint:3F6A2C91-7B4E-4D15-A8C3-5E9D0B7F1A24",
                           "Endpoint:4A7B3DA2-8C5F-4E26-B9D4-6F0E1C8A2B35"}
            << "ticket-gzip-base64-cut.txt lines 5-101: the gzip-compressed data in base64 on lines 5-18 of "
               "the text as sent ends "
               "early";
        QTest::newRow("a line of the base64 is missing")
            << "ticket-gzip-base64-line-missing.txt"
            << QStringList{"Endpoint:3F6A2C91-7B4E-4D15-A8C3-5E9D0B7F1A24"}
            << "ticket-gzip-base64-line-missing.txt lines 2-47: the gzip-compressed data in base64 on lines "
               "2-22 of the text as sent ends early";
    }

    void cutGzipInBase64KeepsWhatUnpacked()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, objects);
        QFETCH(QString, warning);
        const ImportResult result = importFiles({file});
        QCOMPARE(objectList(result), objects);
        QStringList warnings;
        for (const ImportMessage& m : result.report.messages) {
            if (m.severity == ImportSeverity::Warning && m.message.find("gzip") != std::string::npos)
                warnings << QStringLiteral("%1 lines %2-%3: %4")
                                .arg(QString::fromStdString(m.source))
                                .arg(m.firstLine)
                                .arg(m.lastLine)
                                .arg(QString::fromStdString(m.message));
        }
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.front().startsWith(warning), qPrintable(warnings.front()));
    }

    /// A list view as it reaches us after a web page, a mail client or a log tool had it: the objects
    /// as if pasted cleanly; and what the list view did not show is said, not made up.
    void listViewsThroughOtherHands_data()
    {
        // The columns of objectsAsTheDumpShowsThem, whose checks these rows share.
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("objects");
        QTest::addColumn<QStringList>("messages");
        QTest::addColumn<QStringList>("absent"); ///< in no message
        QTest::addColumn<QStringList>("values"); ///< "Kind:ID /JSON pointer=JSON" in the snapshot

        const QString net = QStringLiteral("Network:6E1D8A35-F29C-4B07-A5D4-3C8F0B6E2A91");
        const QString ep1 = QStringLiteral("Endpoint:C2A94E17-6B3F-4D58-9E21-A07B5D3C8F64");
        const QString ep2 = QStringLiteral("Endpoint:D3BA5F28-7C40-4E69-8F32-B18C6E4D9A75");
        const QString ns = QStringLiteral("Namespace:7F2E9B46-0A3D-4C18-B6E5-4D9A1C7F3B02");
        const QStringList endpoints{ep1 + " /IpConfigurations/0/IpAddress=\"10.60.1.21\"",
                                    ep1 + " /MacAddress=\"00-15-5D-6A-01-15\"",
                                    ep1 + " /HostComputeNetwork=\"6E1D8A35-F29C-4B07-A5D4-3C8F0B6E2A91\"",
                                    ep1 + " /Policies/1/Settings/DestinationPrefix=\"10.96.0.0/12\"",
                                    ep2 + " /IpConfigurations/0/IpAddress=\"10.60.2.9\"",
                                    ep2 + " /Policies/0/Settings/ProviderAddress=\"10.20.0.12\""};
        QTest::newRow("copied from a rendered page: the blanks before the colons collapsed")
            << "listview-unaligned-colons.txt" << QStringList{ep1, ep2, ns, net} << QStringList{}
            << QStringList{"list view naming no HNS property"}
            << endpoints + QStringList{net + " /Name=\"l2b\"",
                                       net + " /Ipams/0/Subnets/0/IpAddressPrefix=\"10.60.1.0/24\""};
        QTest::newRow("a rendered page made each object one paragraph")
            << "listview-paragraphs.txt" << QStringList{ep1, ep2, ns, net} << QStringList{} << QStringList{}
            << endpoints + QStringList{net + " /Name=\"l2b\""};
        QTest::newRow("an HTML mail, a <div> for each line: its blank runs collapse")
            << "listview-unaligned-html-mail.html" << QStringList{ep1, ep2, ns}
            << QStringList{"HTML document"} << QStringList{} << endpoints;
        QTest::newRow("kubectl logs --prefix: the pod's tag before each line")
            << "kubectl-logs-prefix-listview.txt" << QStringList{ep1, ep2, ns}
            << QStringList{"32 lines start with `kubectl logs --prefix`'s `[pod/NAME/CONTAINER]` tag"}
            << QStringList{} << endpoints;
        QTest::newRow("kubectl logs --prefix --timestamps: the tag and the time")
            << "kubectl-logs-prefix-timestamps-listview.txt" << QStringList{ep1, ep2, ns}
            << QStringList{"tag and a time (`--timestamps`); it was removed"} << QStringList{} << endpoints;
        QTest::newRow("stern: pod and container before each line")
            << "stern-listview.txt" << QStringList{ep1, ep2, ns}
            << QStringList{"32 lines start with stern's `POD CONTAINER` tag"} << QStringList{} << endpoints;
        QTest::newRow("stern --all-namespaces --timestamps: namespace, pod, container and time")
            << "stern-all-namespaces-timestamps-listview.txt" << QStringList{ep1, ep2, ns}
            << QStringList{"33 lines start with stern's `NAMESPACE POD CONTAINER` tag and a time "
                           "(`--timestamps`)"}
            << QStringList{} << endpoints;
        QTest::newRow("kubectl logs --prefix --all-containers: an init container's lines before")
            << "kubectl-logs-prefix-all-containers-listview.txt" << QStringList{ep1, ep2, ns}
            << QStringList{"34 lines start with `kubectl logs --prefix`'s `[pod/NAME/CONTAINER]` tag"}
            << QStringList{} << endpoints;
        QTest::newRow("a script capture of ConPTY: rows written by cursor movements")
            << "conpty-script-capture-listview.log" << QStringList{ep1, ep2}
            << QStringList{"15 cursor movements of a terminal that repaints its screen (ConPTY, `script`) "
                           "read "
                           "as line breaks"}
            << QStringList{}
            << QStringList{ep1 + " /Name=\"7d1e0c2b9f4a_l2b\"",
                           ep1 + " /Policies/1/Settings/DestinationPrefix=\"10.96.0.0/12\"",
                           ep2 + " /MacAddress=\"02-11-0A-3C-02-09\"",
                           ep2 + " /Policies/0/Settings/ProviderAddress=\"10.20.0.12\""};
        // Get-HnsNamespace shows each resource's Data (the member's ID) empty: no member is claimed.
        const QString flattened = QStringLiteral("Namespace:3A6F9C12-D84B-4E71-B2A5-07E9C3D1F6B8");
        QTest::newRow("namespace members the list view flattened are not counted")
            << "listview-namespace-flattened-members.txt"
            << QStringList{flattened, "Namespace:4B70AD23-E95C-4F82-83B6-18FAD4E2A7C9"}
            << QStringList{"ResourceList[0].Data: flattened by PowerShell's list view (shown empty); which "
                           "endpoint it is, is not in the dump",
                           "ResourceList[2].Data: flattened by PowerShell's list view (shown empty); which "
                           "container it is, is not in the dump"}
            << QStringList{}
            << QStringList{flattened + " /Resources=\"(absent)\"",
                           flattened + " /_v1/ResourceList=[{\"Type\":\"Endpoint\"},{\"Type\":\"Endpoint\"},"
                                       "{\"Type\":\"Container\"}]"};
        // A value cut before anything of it was complete stays the cut text: not "no settings".
        const QString ext = QStringLiteral("Network:2C5E8B41-7D9A-4F36-A0C2-E4B61D8F3A95");
        const QString extEp = QStringLiteral("Endpoint:9B3E6D14-A27C-4E58-B1F9-C53D8A0E6F27");
        QTest::newRow("values cut before their first member are kept as cut")
            << "listview-cut-before-first-member.txt" << QStringList{extEp, ext}
            << QStringList{"InterfaceConstraint: cut by the paste before its first member; kept as text",
                           "Policies: cut by the paste before its first item; kept as text"}
            << QStringList{}
            << QStringList{ext + " /Policies/0/Settings=\"@{InterfaceGuid=6D1F4A8C-2B\"",
                           extEp + " /Policies=\"(absent)\"", extEp + " /_v1/Policies=\"{@{Type=OutBou\""};
    }

    void listViewsThroughOtherHands() { objectsAsTheDumpShowsThem(); }

    /// A `Type` naming a network mode is no network on its own: a CNI configuration (lower-case `type`,
    /// `cniVersion`, `plugins`, an `ipam` plugin), an HNS policy (`{"Type":"NAT","ExternalPort":...}`)
    /// or a create request without ID gives none; an ID or a member HNS reports of a network beside the
    /// Type still makes one. `kinds`: the kind of each object imported, sorted; `message`: part of a
    /// report line, empty for none expected.
    void aNetworkModeAloneIsNoNetwork_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("kinds");
        QTest::addColumn<QString>("message");

        const QString cni = "a CNI configuration (what a plugin is told to create), not HNS state";
        QTest::newRow("a CNI configuration naming the nat plugin")
            << R"({"cniVersion":"0.2.0","name":"nat","type":"nat","master":"Ethernet",
                  "ipam":{"subnet":"172.19.208.0/20","routes":[{"GW":"172.19.208.1"}]}})"
            << QStringList{} << cni;
        QTest::newRow("a CNI configuration list: its plugins name a network mode")
            << R"({"cniVersion":"0.3.1","name":"vxlan0","plugins":[{"type":"overlay","name":"vxlan0",
                  "capabilities":{"portMappings":true},"ipam":{"type":"host-local","subnet":"10.244.3.0/24"}}]})"
            << QStringList{} << cni;
        QTest::newRow("a CNI configuration without its version: an ipam plugin")
            << R"({"name":"cbr0","type":"l2bridge","ipam":{"type":"azure-vnet-ipam"},"dns":{"Nameservers":["10.0.0.10"]}})"
            << QStringList{} << cni;
        QTest::newRow("a CNI plugin's result: the addresses it gave")
            << R"({"cniVersion":"1.0.0","interfaces":[{"name":"eth0"}],
                  "ips":[{"address":"10.244.1.5/24","gateway":"10.244.1.1","interface":0}],"dns":{}})"
            << QStringList{}
            << "a CNI plugin's result (the addresses it gave: 10.244.1.5/24 via 10.244.1.1), not HNS state";
        QTest::newRow("an older CNI plugin's result: ip4 and ip6")
            << R"({"cniVersion":"0.2.0","ip4":{"ip":"10.0.0.5/24","gateway":"10.0.0.1"},
                  "ip6":{"ip":"fd00::5/64"},"dns":{}})"
            << QStringList{}
            << "a CNI plugin's result (the addresses it gave: 10.0.0.5/24 via 10.0.0.1 and fd00::5/64), not "
               "HNS state";
        QTest::newRow("a CNI plugin's error result: its code and message")
            << R"({"cniVersion":"0.2.0","code":100,"msg":"hnsCall failed in Win32: The network was not found."})"
            << QStringList{}
            << "a CNI plugin's error result (code 100: \"hnsCall failed in Win32: The network was not "
               "found.\"), not HNS state";
        QTest::newRow("an HNS NAT policy")
            << R"({"Type":"NAT","InternalPort":80,"ExternalPort":8081,"Protocol":"TCP"})" << QStringList{}
            << QString();
        QTest::newRow("a create request with only a name and a mode")
            << "request json:\n```json\n{\"Name\":\"cbr0\",\"Type\":\"L2Bridge\"}\n```" << QStringList{}
            << QString();
        QTest::newRow("a create request with a subnet, the words before it elsewhere")
            << "Then it sends "
               "this:\n```json\n{\"Name\":\"cbr0\",\"Type\":\"L2Bridge\",\"Subnets\":[{\"AddressPrefix\":"
               "\"10.200.62.0/24\",\"GatewayAddress\":\"10.200.62.1\"}]}\n```"
            << QStringList{} << "a network as a create request gives it (no ID, only what a caller sets)";
        QTest::newRow("what HNS answers, its ID cut off: a network")
            << "\"Name\":\"cbr0\",\"State\":1,\"Subnets\":[{\"AddressPrefix\":\"10.200.62.0/"
               "24\",\"GatewayAddress\":"
               "\"10.200.62.1\",\"ID\":\"1A3C5E70-8B9D-4F1E-A2C3-D4E5F6071829\"}],\"TotalEndpoints\":0,"
               "\"Type\":\"L2Bridge\",\"Version\":42949672963}"
            << QStringList{"Network"} << QString();
        QTest::newRow("a lower-case type as a JSON schema or CNI spells it")
            << R"({"name":"ext","type":"transparent","mtu":1500})" << QStringList{} << QString();
        QTest::newRow("a namespace type alone")
            << R"({"Name":"default","Type":"HostDefault"})" << QStringList{} << QString();
        QTest::newRow("a CNI configuration beside an HNS network: the network only")
            << R"([{"cniVersion":"0.2.0","name":"nat","type":"nat"},
                  {"ID":"3C5E7A91-2B4D-4F6E-8A1C-9D0E2F4A6B81","Name":"nat","Type":"NAT"}])"
            << QStringList{"Network"} << cni;
        QTest::newRow("a mode and an ID")
            << R"({"ID":"3C5E7A91-2B4D-4F6E-8A1C-9D0E2F4A6B81","Name":"nat","Type":"NAT"})"
            << QStringList{"Network"} << QString();
        QTest::newRow("a network cut before its ID: a mode and its ActivityId")
            << R"({"ActivityId":"5E7A913C-4D2B-4E6F-9C1A-0D2E4F6A8B13","Name":"nat","Type":"NAT"})"
            << QStringList{"Network"} << QString();
        QTest::newRow("a mode and the network's flags")
            << R"({"Flags":0,"Name":"ext","Type":"Transparent"})" << QStringList{"Network"} << QString();
        QTest::newRow("a mode and network policies, as a create request sets them")
            << R"({"Name":"overlay","Type":"Overlay","Policies":[{"Type":"VSID","VSID":4096}]})"
            << QStringList{} << "a network as a create request gives it";
        QTest::newRow("a mode, network policies and what HNS reports")
            << R"({"Name":"overlay","Type":"Overlay","Policies":[{"Type":"VSID","VSID":4096}],"State":1})"
            << QStringList{"Network"} << QString();
    }

    void aNetworkModeAloneIsNoNetwork()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, kinds);
        QFETCH(QString, message);
        Result<ImportResult> result = importDump({{"paste", text.toStdString()}});
        QVERIFY(result.ok());
        QStringList got;
        for (const ImportedObject& o : result->report.objects)
            got << QString::fromUtf8(resourceKindName(o.kind).data());
        got.sort();
        const QStringList texts = messageTexts(*result);
        QVERIFY2(got == kinds, qPrintable(got.join(' ') + " instead of " + kinds.join(' ') + "; report:\n" +
                                          texts.join('\n')));
        if (!message.isEmpty()) {
            QVERIFY2(anyContains(texts, message), qPrintable(message + " not in:\n" + texts.join('\n')));
            QCOMPARE(texts.filter(message).size(), 1);
        } else {
            QVERIFY2(!anyContains(texts, "CNI"), qPrintable(texts.join('\n')));
        }
    }

    /// A document of HCS (the compute system service: a container's create request as hcsshim logs it)
    /// is no HNS object, whole or cut by the paste: nothing is imported from it and the report says
    /// nothing of it, no warning that a value was cut (its storage layers' GUIDs name no HNS object). A
    /// cut HNS object still gets that warning. `kinds`: the kind of each object imported, sorted.
    void anHcsDocumentIsNoHnsObjectWholeOrCut_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("kinds");
        QTest::addColumn<QString>("warning"); ///< part of the one warning expected; empty for none

        const QString head = "[c7a9e21d04b35f6e] Create Container, type 'Silo Container', settings '";
        const QString v2 =
            R"({"Owner":"containerd-shim-runhcs-v1.exe","SchemaVersion":{"Major":2,"Minor":1},)"
            R"("Container":{"Storage":{"Layers":[{"Id":"5b2e9c41-7a3d-5f60-9e18-c4d2a7b3f105",)"
            R"("Path":"C:/snapshots/41"},{"Id":"8d4f1a72-3c6b-5e09-b2a7-16e9c5d8f3a0",)"
            R"("Path":"C:/snapshots/40"}]},"Networking":{"Namespace":)"
            R"("4d1a8c7e-0b6f-4c55-9e1a-2f3b4c5d6e7f"}},"ShouldTerminateOnLastHandleClosed":true})";
        QTest::newRow("a whole create-container document (schema 2)")
            << head + v2 + "'" << QStringList{} << QString();
        QTest::newRow("the same document cut inside its storage layers")
            << head + v2.left(v2.indexOf("8d4f1a72") + 12) << QStringList{} << QString();
        QTest::newRow("cut inside its first storage layer")
            << head + v2.left(v2.indexOf("\"Path\"")) << QStringList{} << QString();
        QTest::newRow("a schema 1 container configuration, cut")
            << R"(HCS ComputeSystem create: {"SystemType":"Container","Name":"4f1e9a7c2b","Owner":"docker",)"
               R"("VolumePath":"Volume{3e8b5d21-9f4c-4a07-8d16-b2c9e7f4a530}","IgnoreFlushesDuringBoot":true,)"
               R"("LayerFolderPath":"C:/windowsfilter/4f1e9a7c2b","Layers":[{"ID":"a1c3e5f7-2b4d-5f60-8a1c-3e5f7a9b1c2d",)"
               "\"Path\":\"C:/windowsfilt"
            << QStringList{} << QString();
        QTest::newRow("a hand-made log: an HNS endpoint, then the document cut by the log viewer")
            << QString::fromUtf8(readDump("hcs-create-container-cut.txt")) << QStringList{"Endpoint"}
            << QString();
        QTest::newRow("an HNS endpoint cut: still said")
            << R"(HNS endpoint: {"ID":"6A1F3C2E-9B4D-4E7A-8C15-2D3F4E5A6B7C","Name":"web_cbr0",)"
               R"("VirtualNetworkName":"cbr0","IPAddress":"10.244.3.17","Policies":[{"Type":"OutBoundNAT")"
            << QStringList{"Endpoint"} << "the value is cut off";
    }

    void anHcsDocumentIsNoHnsObjectWholeOrCut()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, kinds);
        QFETCH(QString, warning);
        Result<ImportResult> result = importDump({{"paste", text.toStdString()}});
        QVERIFY(result.ok());
        QStringList got;
        for (const ImportedObject& o : result->report.objects)
            got << QString::fromUtf8(resourceKindName(o.kind).data());
        got.sort();
        QStringList warnings;
        for (const ImportMessage& m : result->report.messages)
            if (m.severity == ImportSeverity::Warning)
                warnings << QString::fromStdString(m.message);
        QVERIFY2(got == kinds, qPrintable(got.join(' ') + " instead of " + kinds.join(' ') + "; report:\n" +
                                          messageTexts(*result).join('\n')));
        if (warning.isEmpty()) {
            QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join('\n')));
        } else {
            QCOMPARE(warnings.size(), 1);
            QVERIFY2(warnings.front().contains(warning), qPrintable(warnings.front()));
        }
    }

    /// A resource of the Network Controller's REST API (SDN's `logicalnetworks`, camel case: `resourceRef`,
    /// `properties`, `subnets`) is no HNS object, whole or cut by the paste: nothing is imported from it and
    /// no warning says it was cut. A cut HNS object, in Pascal case as HNS and ConvertTo-Json write it or
    /// with a v1 member's other spelling, still gets that warning. `kinds`: the kind of each object
    /// imported, sorted.
    void aNetworkControllerResourceIsNoHnsObjectWholeOrCut_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("kinds");
        QTest::addColumn<QString>("warning"); ///< part of the one warning expected; empty for none

        const QString logicalNetwork =
            "{\n"
            "    \"resourceRef\":  \"/logicalnetworks/204fd6a4-6cab-4b1d-a12e-368ae702e570\",\n"
            "    \"resourceId\":  \"204fd6a4-6cab-4b1d-a12e-368ae702e570\",\n"
            "    \"etag\":  \"W/\\\"eb4eae16-d491-444c-9edb-f83b8d86ae5f\\\"\",\n"
            "    \"instanceId\":  \"1bd21a65-d9c4-430e-a6fd-4b76c1d50156\",\n"
            "    \"properties\":  {\n"
            "        \"provisioningState\":  \"Succeeded\",\n"
            "        \"subnets\":  [\n"
            "            {\n"
            "                \"resourceId\":  \"3c0d4178-f1a4-422d-a908-adb1240619ab\",\n"
            "                \"properties\":  {\n"
            "                    \"addressPrefix\":  \"10.5.10.0/24\",\n"
            "                    \"ipConfigurations\":  [ ]\n"
            "                }\n"
            "            }\n"
            "        ]\n"
            "    }\n"
            "}";
        QTest::newRow("a whole logical network") << logicalNetwork << QStringList{} << QString();
        QTest::newRow("the same cut inside its subnets")
            << logicalNetwork.left(logicalNetwork.indexOf("\"addressPrefix\"")) << QStringList{} << QString();
        QTest::newRow("as a forum paste cut it, after a chat header")
            << QString::fromUtf8(readDump("nc-logicalnetwork-cut.txt")) << QStringList{} << QString();
        QTest::newRow("only its ID and subnets, cut in the first subnet")
            << "{\n    \"resourceId\":  \"204fd6a4-6cab-4b1d-a12e-368ae702e570\",\n    \"properties\":  {\n"
               "        \"subnets\":  [\n            {\n"
               "                \"resourceId\":  \"3c0d4178-f1a4-422d-a908-adb1240619ab\",\n"
            << QStringList{} << QString();
        QTest::newRow("the API's answer listing logical networks, cut")
            << "{\"value\": [" + logicalNetwork.left(logicalNetwork.indexOf("\"addressPrefix\""))
            << QStringList{} << QString();
        QTest::newRow("a list of two, the second cut")
            << "[" + logicalNetwork + ",\n" + logicalNetwork.left(logicalNetwork.indexOf("\"addressPrefix\""))
            << QStringList{} << QString();
        QTest::newRow("an HNS network cut: still said")
            << R"({"ActivityId":"3F2A1B4C-5D6E-4F70-8192-A3B4C5D6E7F8","Name":"nat","Type":"nat",)"
               R"("ID":"4A6C8E01-2B3D-4F5A-8B7C-9D0E1F2A3B4C","Subnets":[{"AddressPrefix":"172.28.16.0/20",)"
               R"("GatewayAddress":"172.28.16.1"})"
            << QStringList{"Network"} << "the value is cut off";
        QTest::newRow("an HNS network cut, its NAT name in another case: still said")
            << R"({"NATName":"ICSE8D3A1B2","Name":"nat","Type":"nat",)"
               R"("ID":"4A6C8E01-2B3D-4F5A-8B7C-9D0E1F2A3B4C","Subnets":[{"AddressPrefix":"172.28.16.0/20",)"
               R"("GatewayAddress":"172.28.16.1"})"
            << QStringList{"Network"} << "the value is cut off";
    }

    void aNetworkControllerResourceIsNoHnsObjectWholeOrCut() { anHcsDocumentIsNoHnsObjectWholeOrCut(); }

    /// The zero GUID is "none" to HNS: a remote endpoint's network, an endpoint outside any namespace, an
    /// empty slot of a list. It links to nothing and is not reported as an object the dump does not show.
    /// `member`: a member of the first endpoint's snapshot document that must be absent.
    void theZeroGuidNamesNoObject_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("objects");
        QTest::addColumn<QString>("member");

        const std::string zero = "00000000-0000-0000-0000-000000000000";
        const std::string ep = "9D1E3F50-6A7B-4C8D-9E0F-A1B2C3D4E5F6";
        const std::string net = "4A6C8E01-2B3D-4F5A-8B7C-9D0E1F2A3B4C";
        const std::string ns = "6B8D0F12-3C4E-4A5B-9C6D-7E8F9A0B1C2D";
        const std::string lb = "7C9E1A23-4D5F-4B6C-8D7E-9F0A1B2C3D4E";
        const auto text = [](const json& j) { return QString::fromStdString(j.dump()); };
        const auto id = [](const char* kind, const std::string& guid) {
            return QString(kind) + ":" + guid.c_str();
        };
        const json endpoint = {{"ID", ep}, {"Name", "Ethernet"}, {"IPAddress", "10.244.3.7"}};
        json remote = endpoint;
        remote["IsRemoteEndpoint"] = true;
        remote["VirtualNetwork"] = zero;
        QTest::newRow("a remote endpoint's VirtualNetwork")
            << text(remote) << QStringList{id("Endpoint", ep)} << "HostComputeNetwork";
        json lower = endpoint;
        lower["VirtualNetwork"] = "{" + zero + "}";
        QTest::newRow("a braced VirtualNetwork of zeros beside a network of the dump")
            << text(json::array({{{"ID", net}, {"Name", "cbr0"}, {"Type", "L2Bridge"}}, lower}))
            << QStringList{id("Endpoint", ep), id("Network", net)} << "HostComputeNetwork";
        QTest::newRow("a v2 endpoint's network and namespace")
            << text({{"ID", ep},
                     {"Name", "Ethernet"},
                     {"HostComputeNetwork", zero},
                     {"HostComputeNamespace", zero},
                     {"IpConfigurations", json::array({{{"IpAddress", "10.244.3.8"}, {"PrefixLength", 24}}})},
                     {"SchemaVersion", {{"Major", 2}, {"Minor", 0}}}})
            << QStringList{id("Endpoint", ep)} << "HostComputeNamespace";
        json inNamespace = endpoint;
        inNamespace["Namespace"] = {{"ID", zero}, {"IsDefault", false}};
        QTest::newRow("a v1 endpoint's Namespace")
            << text(inNamespace) << QStringList{id("Endpoint", ep)} << "HostComputeNamespace";
        const json resource = {{"Type", "Endpoint"}, {"Data", {{"Id", zero}}}};
        QTest::newRow("a namespace's resource")
            << text(json::array(
                   {{{"ID", ns}, {"IsDefault", false}, {"ResourceList", json::array({resource})}}, endpoint}))
            << QStringList{id("Endpoint", ep), id("Namespace", ns)} << QString();
        const json elb = {{"Type", "ELB"},
                          {"VIPs", {"10.96.0.10"}},
                          {"Protocol", 6},
                          {"InternalPort", 53},
                          {"ExternalPort", 53}};
        QTest::newRow("a policy list's reference")
            << text(json::array(
                   {{{"ID", lb}, {"References", {"/endpoints/" + zero}}, {"Policies", json::array({elb})}},
                    endpoint}))
            << QStringList{id("Endpoint", ep), id("LoadBalancer", lb)} << QString();
    }

    void theZeroGuidNamesNoObject()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, objects);
        QFETCH(QString, member);
        Result<ImportResult> result = importDump({{"paste", text.toStdString()}});
        QVERIFY(result.ok());
        QCOMPARE(objectList(*result), objects);
        const QStringList texts = messageTexts(*result);
        for (const QString& wrong :
             {QString("00000000-0000"), QString("not in the dump"), QString("does not show")})
            QVERIFY2(!anyContains(texts, wrong), qPrintable(wrong + " in:\n" + texts.join('\n')));
        if (!member.isEmpty()) {
            const json* doc =
                document(*result, ResourceKind::Endpoint, "9D1E3F50-6A7B-4C8D-9E0F-A1B2C3D4E5F6");
            QVERIFY(doc);
            QVERIFY2(!doc->contains(member.toStdString()), qPrintable(QString::fromStdString(doc->dump())));
        }
    }

    /// Files of formats around the HNS objects: what each holds is imported, and the report words what
    /// it says after what was read (a ConvertTo-Html table is no hnsdiag list, YAML is no hnsdiag table, a
    /// CNI configuration is named once). `present`: part of a report line; `absent`: in none of them.
    void theReportNamesWhatWasRead_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("objects");
        QTest::addColumn<QString>("present");
        QTest::addColumn<QString>("absent");

        QTest::newRow("ConvertTo-Html table of endpoints")
            << "convertto-html-endpoints.html"
            << QStringList{"Endpoint:5B7D9F13-2A4C-4E6F-8A0B-1C2D3E4F5A6B",
                           "Endpoint:6C8EA024-3B5D-4F7A-9B1C-2D3E4F5A6B7C"}
            << "MacAddress: not shown by the table"
            << "hnsdiag";
        QTest::newRow("ConvertTo-Yaml of an endpoint")
            << "convertto-yaml-endpoint.yaml" << QStringList{} << QString() << "table";
        QTest::newRow("a CNI configuration list beside Get-HnsNetwork")
            << "cni-conflist-beside-network.txt"
            << QStringList{"Network:8E0A2C46-1B3D-4F5E-9A7B-C8D9E0F1A2B3"}
            << "a CNI configuration (what a plugin is told to create), not HNS state; not imported"
            << "made up";
    }

    void theReportNamesWhatWasRead()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, objects);
        QFETCH(QString, present);
        QFETCH(QString, absent);
        const ImportResult result = importFiles({file});
        QCOMPARE(objectList(result), objects);
        const QStringList texts = messageTexts(result);
        if (!present.isEmpty())
            QVERIFY2(anyContains(texts, present), qPrintable(present + " not in:\n" + texts.join('\n')));
        QVERIFY2(!anyContains(texts, absent), qPrintable(absent + " in:\n" + texts.join('\n')));
    }

    // A paste that starts inside a value reads the values opening after the cut as a paste starting
    // with them would: whole ones whole, one cut before its ID that names nothing (ActivityId, counters)
    // with the warning of the cut, not imported.
    void valuesAfterAPasteThatStartsInsideAValueAreReadAsInACleanPaste_data()
    {
        QTest::addColumn<QString>("cut");
        QTest::addColumn<QString>("clean");
        QTest::addColumn<int>("objects");

        const QString first =
            QStringLiteral("\"Health\":{\"LastErrorCode\":0},\"ID\":\"8B2D4F61-3A5C-4E7B-9D0F-2A4C6E8B1D35\","
                           "\"Name\":\"ext\","
                           "\"State\":1,\"Type\":\"Transparent\",\"Version\":38654705665},");
        const QString cutBeforeId =
            QStringLiteral("{\"ActivityId\":\"1C3E5A70-9B2D-4F68-A1C3-5E7092B4D6F8\",\"AdditionalParams\":{},"
                           "\"CurrentEndpointCount\":0,\"Flags\":0,\"Health\":{"
                           "\"AddressNotificationMissedCount\":0,\"AddressNotif");
        QTest::newRow("an object cut before its ID")
            << "Capture\"}]," + first + cutBeforeId + "\n"
            << "[{\"Extensions\":[{\"Name\":\"Microsoft NDIS Capture\"}]," + first + cutBeforeId + "\n"
            << 1;
        const QString whole = QStringLiteral(
            "{\"ID\":\"5F7A9C1E-2B4D-4A6F-8C0E-1D3F5A7B9C2E\",\"Name\":\"ics\",\"Type\":\"ICS\",\"Subnets\":"
            "[{\"AddressPrefix\":\"172.29.144.0/20\"}]},");
        QTest::newRow("a whole object, then one cut before its ID")
            << "Capture\"}]," + first + whole + cutBeforeId + "\n"
            << "[{\"Extensions\":[{\"Name\":\"Microsoft NDIS Capture\"}]," + first + whole + cutBeforeId +
                   "\n"
            << 2;
        QTest::newRow("escaped in a log field")
            << QString("Capture\"}]," + first + whole + cutBeforeId).replace("\"", "\\\"") + "\n"
            << "msg=\"" +
                   QString("[{\"Extensions\":[{\"Name\":\"Microsoft NDIS Capture\"}]," + first + whole +
                           cutBeforeId)
                       .replace("\"", "\\\"") +
                   "\n"
            << 2;
    }

    void valuesAfterAPasteThatStartsInsideAValueAreReadAsInACleanPaste()
    {
        QFETCH(QString, cut);
        QFETCH(QString, clean);
        QFETCH(int, objects);
        const Result<ImportResult> fromCut = importDump({{"paste.txt", cut.toStdString()}});
        const Result<ImportResult> fromClean = importDump({{"paste.txt", clean.toStdString()}});
        QVERIFY(fromCut.ok() && fromClean.ok());
        // An object cut before its ID gets a made-up one, which depends on the lines it was read from.
        const auto shown = [&](const ImportResult& result) {
            QStringList list = objectList(result);
            for (QString& o : list)
                if (!cut.contains(o.section(':', 1), Qt::CaseInsensitive))
                    o = o.section(':', 0, 0) + ":(made up)";
            list.sort();
            return list;
        };
        QCOMPARE(shown(*fromCut), shown(*fromClean));
        QCOMPARE(int(shown(*fromCut).size()), objects);
        const auto cutOff = [](const ImportResult& result) {
            return std::count_if(
                result.report.messages.begin(), result.report.messages.end(), [](const ImportMessage& m) {
                    return m.message.starts_with("a Get-HnsNetwork record cut before its ID "
                                                 "(ActivityId 1C3E5A70-9B2D-4F68-A1C3-5E7092B4D6F8");
                });
        };
        QCOMPARE(cutOff(*fromCut), cutOff(*fromClean));
        QCOMPARE(cutOff(*fromCut), 1);
    }

    // A value split over chat messages keeps the members of every message: the first member after the
    // cut at the start of a fenced message, and a middle message that closes nothing.
    void aValueSplitOverChatMessagesKeepsEveryMember_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("objects");
        QTest::addColumn<QStringList>("values"); ///< "Kind:ID /pointer=json"

        const QString endpoint = "E52FCB31-6A4D-4B98-A73E-3F8D9C175B46";
        const QString ns = "F63ADC42-7B5E-4CA9-B84F-4A9EAD286C57";
        const QString linked = "Endpoint:" + endpoint + " /HostComputeNamespace=\"" + ns + "\"";
        QTest::newRow("v2: HostComputeNamespace is the first line of the second message")
            << QStringLiteral(R"(Alex Kim  10:41 AM
```
[
    {
        "ID": "%1",
        "Name": "5e6f7a8b9c0d_cbr0",
        "HostComputeNetwork": "B2FC980E-391A-4D65-840B-0C5A69742E13",
```
Alex Kim  10:42 AM
```
        "HostComputeNamespace": "%2",
        "IpConfigurations": [
            {
                "IpAddress": "10.244.14.13",
                "PrefixLength": 24
            }
        ],
        "SchemaVersion": {
            "Major": 2,
            "Minor": 0
        }
    }
]
```
)")
                   .arg(endpoint, ns)
            << QStringList{"Endpoint:" + endpoint, "Namespace:" + ns}
            << QStringList{linked,
                           "Endpoint:" + endpoint + " /IpConfigurations/0/IpAddress=\"10.244.14.13\""};
        // A v1 endpoint's messages: its start, the members up to its Name, the rest.
        const QString opening = QStringLiteral(R"(Alex Kim  10:41 AM
```
[
    {
        "ID": "%1",
        "IPAddress": "10.244.14.13",
```
Alex Kim  10:42 AM
```
        "MacAddress": "00-15-5D-F7-0E-0D",
        "Name": "5e6f7a8b9c0d_cbr0",
)")
                                    .arg(endpoint);
        const QString rest = QStringLiteral(R"(        "Namespace": {
            "ID": "%1",
            "IsDefault": false
        },
        "VirtualNetworkName": "cbr0"
    }
]
```
)")
                                 .arg(ns);
        const QStringList v1Values{linked, "Endpoint:" + endpoint + " /MacAddress=\"00-15-5D-F7-0E-0D\"",
                                   "Endpoint:" + endpoint + " /Name=\"5e6f7a8b9c0d_cbr0\""};
        QTest::newRow("v1: MacAddress is the first line of the second message")
            << opening + rest << QStringList{"Endpoint:" + endpoint, "Namespace:" + ns} << v1Values;
        QTest::newRow("v1: split over three messages, the middle one closing nothing")
            << opening + "```\nAlex Kim  10:43 AM\n```\n" + rest
            << QStringList{"Endpoint:" + endpoint, "Namespace:" + ns} << v1Values;
    }

    void aValueSplitOverChatMessagesKeepsEveryMember()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, objects);
        QFETCH(QStringList, values);
        Result<ImportResult> imported = importDump({{"chat.txt", text.toStdString()}});
        QVERIFY(imported.ok());
        QCOMPARE(objectList(*imported), objects);
        for (const QString& v : values) {
            const QString mismatch = valueProblem(*imported, v);
            QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
        }
    }

    // A command's output carried in a JSON string (`az vm run-command invoke`'s `value[0].message`,
    // Ansible's `stdout` and `stdout_lines`) is read as the text it is: a list view or an hnsdiag table,
    // once, each object at the line of its string.
    void commandOutputInAJsonStringIsRead_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("objects");
        QTest::addColumn<QStringList>("values"); ///< "Kind:ID /pointer=json"

        const QString e1 = "6B1D3F58-2A4C-4E7D-9F02-8C5A7E3B1D64";
        const QString e2 = "7C2E4A69-3B5D-4F8E-A013-9D6B8F4C2E75";
        const QString ns = "Namespace:9E4A6C8B-5D7F-4BA0-8235-BF8DAB6E4A97";
        const QStringList listView{"Endpoint:" + e1, "Endpoint:" + e2, ns};
        const QStringList ips{"Endpoint:" + e1 + " /IpConfigurations/0/IpAddress=\"10.244.5.21\"",
                              "Endpoint:" + e2 + " /IpConfigurations/0/IpAddress=\"10.244.5.22\""};
        QTest::newRow("az vm run-command: a list view in value[0].message")
            << "az-run-command-listview.json" << listView
            << (ips + QStringList{"Endpoint:" + e1 + " @FirstLine=7"});
        QTest::newRow("az vm run-command: hnsdiag list endpoints in value[0].message")
            << "az-run-command-hnsdiag.json" << QStringList{"Endpoint:" + e1, "Endpoint:" + e2}
            << QStringList{"Endpoint:" + e1 + " /Name=\"1a2b3c4d5e6f_cbr0\""};
        QTest::newRow("Ansible: stdout and stdout_lines holding the same list view, read once")
            << "ansible-win-shell-stdout.txt" << listView << ips;
        QTest::newRow("Ansible: stdout_lines alone, each line at its own")
            << "ansible-stdout-lines-only.txt" << listView << ips;
    }

    void commandOutputInAJsonStringIsRead()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, objects);
        QFETCH(QStringList, values);
        const ImportResult result = importFiles({file});
        QCOMPARE(objectList(result), objects);
        for (const QString& v : values) {
            const QString mismatch = valueProblem(result, v);
            QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
        }
        // Read once: no object was seen twice.
        for (const ImportedObject& o : result.report.objects)
            QVERIFY2(std::none_of(
                         o.notes.begin(), o.notes.end(),
                         [](const std::string& n) { return n.find("also shown in") != std::string::npos; }),
                     o.id.c_str());
    }

    // A value the paste damaged (a string that runs on past the end of its message) ends where the
    // dump's text ends: it takes nothing of a text carried in a string before it, which is read as a
    // text of its own, and every object and message keeps lines in order.
    void aDamagedValueEndsWithTheDumpsText()
    {
        const ImportResult result = importFiles({"slack-export-cut-after-listview.json"});
        const QString endpoint = "Endpoint:6B1D3F58-2A4C-4E7D-9F02-8C5A7E3B1D64";
        const QString network = "Network:8D3F5B7A-4C6E-4A9F-B124-AE7C9A5D3F86";
        QCOMPARE(objectList(result), (QStringList{endpoint, network}));
        for (const QString& v :
             {endpoint + " @FirstLine=5", endpoint + " @LastLine=5", network + " /Name=\"cbr0\""}) {
            const QString mismatch = valueProblem(result, v);
            QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
        }
        for (const ImportedObject& o : result.report.objects)
            QVERIFY2(o.firstLine <= o.lastLine, o.id.c_str());
        for (const ImportMessage& m : result.report.messages)
            QVERIFY2(m.lastLine == 0 || m.firstLine <= m.lastLine, m.message.c_str());
        QVERIFY(std::any_of(
            result.report.messages.begin(), result.report.messages.end(), [](const ImportMessage& m) {
                return m.firstLine == 7 && m.message == "a value opens here but never closes; not imported";
            }));
    }

    /// A create request HNS refused, logged with its error in the forms a paste gives besides hcsshim's:
    /// a bare code after a word that says it is one, HNS's answer as PowerShell prints it, markdown
    /// emphasis, a Windows message in another language. `error`: the start of what the info says after
    /// "the error logged with it: ".
    void failedRequestsSayWhyInOtherForms_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");

        const QString doc =
            R"({"ID":"7B2C3D4E-5F60-4B71-9C82-D3E4F5061728","Name":"pod-a_cbr0",)"
            R"("VirtualNetwork":"6A1B2C3D-4E5F-4A60-8B71-C2D3E4F50617","IPAddress":"10.244.8.41"})";
        const QString deletePending =
            "ERROR_DELETE_PENDING (0x8007012F), \"The file cannot be opened because "
            "it is in the process of being deleted.\"";
        QTest::newRow("HNS error: and a bare code the catalog names")
            << "failed to create endpoint with settings " + doc + ": HNS error: 0x8007012F" << deletePending;
        QTest::newRow("hr= and the code")
            << "failed to create endpoint with settings " + doc + " hr=0x8007012f" << deletePending;
        QTest::newRow("the ErrorCode of a PowerShell hashtable answer")
            << "failed to create endpoint with settings " + doc +
                   " @{Error=The file cannot be opened because it is in the process of being deleted. ; "
                   "ErrorCode=2147942703; Success=False}"
            << deletePending;
        QTest::newRow("a PowerShell hashtable answer without its code: the code of its text")
            << "failed to create endpoint with settings " + doc +
                   " @{Error=The object already exists.; Success=False}"
            << "ERROR_OBJECT_ALREADY_EXISTS (0x80071392), \"The object already exists.\"";
        QTest::newRow("markdown emphasis around the error")
            << "failed to create endpoint with settings " + doc +
                   ": **HNS failed with error : The file cannot be opened because it is in the process of "
                   "being deleted.**"
            << deletePending;
        QTest::newRow("Element not found in German")
            << "failed to create endpoint with settings " + doc +
                   ": HNS failed with error : Element nicht "
                   "gefunden. "
            << "ERROR_NOT_FOUND (0x80070490), \"Element nicht gefunden.\"";
    }

    void failedRequestsSayWhyInOtherForms()
    {
        QFETCH(QString, text);
        QFETCH(QString, error);
        Result<ImportResult> result = importDump({{"paste", text.toStdString()}});
        QVERIFY(result.ok());
        const QStringList texts = messageTexts(*result);
        QVERIFY(!objectList(*result).contains("Endpoint:7B2C3D4E-5F60-4B71-9C82-D3E4F5061728"));
        const QString logged =
            QStringLiteral("not an object it holds; not imported; the error logged with it: ");
        QVERIFY2(anyContains(texts, logged + error), qPrintable(error + " not in:\n" + texts.join('\n')));
    }

    /// The operation right after gRPC's `desc = ` (kubelet's event and `kubectl describe pod`: `Failed
    /// to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox ...`)
    /// is a link of the error chain, as after `: `: a lookup that found nothing fails it, a warning
    /// naming the sandbox. Prose naming the operation stays an info.
    void aFailedLookupAfterGrpcDescFailsItsOperation_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("messages"); ///< the messages about lines, whole

        const QString notFound = "Endpoint 07e176b2ac6c_vxlan0 not found";
        const QStringList setupFailed{"1 warning: setup network failed for pod sandbox 07e176b2ac6c: HNS has "
                                      "no endpoint \"07e176b2ac6c_vxlan0\" at line 1"};
        QTest::newRow("kubelet's event, the lookup after ProvisionEndpoint")
            << "Warning  FailedCreatePodSandBox  4s    kubelet, minion    Failed to create pod sandbox: rpc "
               "error: code = Unknown desc = failed to setup network for sandbox \"07e176b2ac6c\": error "
               "while ProvisionEndpoint(07e176b2ac6c_vxlan0,F8BB52CA-0C53-4AAC-B148-BE41411A3227,"
               "07e176b2ac6c): failed to find HNSEndpoint 07e176b2ac6c_vxlan0: " +
                   notFound
            << setupFailed;
        QTest::newRow("the runtime's chain alone")
            << "rpc error: code = Unknown desc = failed to setup network for sandbox \"07e176b2ac6c\": " +
                   notFound
            << setupFailed;
        QTest::newRow("through the CNI plugin's `failed (add)`")
            << "Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for "
               "sandbox \"07e176b2ac6c\": plugin type=\"flannel\" name=\"vxlan0\" failed (add): " +
                   notFound
            << setupFailed;
        QTest::newRow("gRPC wrappers nested")
            << "rpc error: code = Unknown desc = rpc error: code = Unknown desc = failed to setup network "
               "for sandbox \"07e176b2ac6c\": " +
                   notFound
            << setupFailed;
        QTest::newRow("no blanks around the equals sign")
            << "rpc error: code = Unknown desc=failed to setup network for sandbox \"07e176b2ac6c\": " +
                   notFound
            << setupFailed;
        QTest::newRow("an operation on the looked-up object's kind")
            << "RunPodSandbox from runtime service failed: rpc error: code = Unknown desc = failed to create "
               "endpoint web_ep: Endpoint web_ep not found"
            << QStringList{"1 warning: create endpoint failed: HNS has no endpoint \"web_ep\" at line 1"};
        QTest::newRow("prose naming the operation stays an info")
            << "The pod fails with failed to setup network for sandbox \"07e176b2ac6c\" when " + notFound
            << QStringList{"1 info: the log says HNS has no endpoint \"07e176b2ac6c_vxlan0\" (looked up by "
                           "name) at line 1"};
        QTest::newRow("a word that only ends in desc is no gRPC wrapper")
            << "mydesc = failed to setup network for sandbox \"07e176b2ac6c\": " + notFound
            << QStringList{"1 info: the log says HNS has no endpoint \"07e176b2ac6c_vxlan0\" (looked up by "
                           "name) at line 1"};
    }

    void aFailedLookupAfterGrpcDescFailsItsOperation()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, messages);
        Result<ImportResult> result = importDump({{"paste", text.toStdString() + "\n"}});
        QVERIFY(result.ok());
        QCOMPARE(importLineMessages(*result), messages);
    }
};

QTEST_GUILESS_MAIN(TestDumpImport)
#include "tst_dumpimport.moc"
