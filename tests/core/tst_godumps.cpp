// Go struct dumps (%+v, %#v) as kubelet, kube-proxy, flannel, containerd and hcsshim log them: what each
// dump reads as, what the report says was lost or repaired, how the objects import (v1 and v2 shapes,
// kinds from %#v type names, the format named in the report), and that hostile text costs a warning,
// never the import.

#include "dump_files.h"
#include "hcn/dump_formats.h"
#include "hcn/dump_import.h"
#include "import_results.h"

#include <QtTest>

using namespace hcn;
using namespace hcn::io;
using json = nlohmann::json;

namespace {

const char* kNetwork = "5E7A1C2D-3B4F-4A6E-8D9C-0B1A2C3D4E5F";
const char* kEndpointSharp = "1F2E3D4C-5B6A-4789-8A9B-0C1D2E3F4A51";
const char* kEndpointV1 = "2A3B4C5D-6E7F-4081-9A2B-3C4D5E6F7A82";
const char* kEndpointRemote = "3B4C5D6E-7F80-4192-8B3C-4D5E6F708193";

ExtractResult readGoDumps(const QString& file)
{
    const QByteArray bytes = readDump(file);
    Result<DecodedText> decoded = decodeDumpText(bytesView(bytes));
    if (!decoded)
        qFatal("cannot decode %s", qPrintable(file));
    return extractGoStructDumps(cleanPastedText(decoded->text));
}

ImportResult importFiles(const QStringList& names)
{
    std::vector<DumpSource> sources;
    for (const QString& name : names)
        sources.push_back({name.toStdString(), std::string(bytesView(readDump(name)))});
    Result<ImportResult> result = importDump(sources);
    if (!result)
        qFatal("import failed: %s", result.status().message().c_str());
    return std::move(*result);
}

QStringList objectList(const ImportResult& result)
{
    QStringList list;
    for (const ImportedObject& o : result.report.objects)
        list << QStringLiteral("%1:%2").arg(QString::fromUtf8(resourceKindName(o.kind).data()),
                                            QString::fromStdString(o.id).toUpper());
    list.sort();
    return list;
}

/// The member at `pointer` as compact JSON, or "absent".
QString memberAt(const json& value, const QString& pointer)
{
    const json::json_pointer p(pointer.toStdString());
    return value.contains(p) ? QString::fromStdString(value.at(p).dump()) : QStringLiteral("absent");
}

bool anyContains(const std::vector<std::string>& texts, const QString& part)
{
    return std::any_of(texts.begin(), texts.end(),
                       [&](const std::string& t) { return QString::fromStdString(t).contains(part); });
}

QStringList texts(const std::vector<ImportWarning>& warnings)
{
    QStringList out;
    for (const ImportWarning& w : warnings)
        out << QString::fromStdString(w.message);
    return out;
}

const json* document(const ImportResult& result, ResourceKind kind, const QString& id)
{
    for (const json& doc : result.snapshot[std::string(resourceKindPlural(kind))])
        if (QString::fromStdString(doc.value("ID", "")).compare(id, Qt::CaseInsensitive) == 0)
            return &doc;
    return nullptr;
}

std::vector<CleanedLine> oneLine(std::string text)
{
    return {{std::move(text), 1}};
}

} // namespace

class TestGoDumps : public QObject
{
    Q_OBJECT

private slots:
    void readsEachQuirk_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("values"); ///< dumps found in the file
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("expected"); ///< compact JSON, or "absent"

        const QString net = "go-hcn-network-plusv.log";
        QTest::newRow("%+v v2 network: Id is ID")
            << net << 1 << 0 << "/ID" << QStringLiteral("\"%1\"").arg(kNetwork);
        QTest::newRow("%+v: nested structs and slices")
            << net << 1 << 0 << "/Ipams/0/Subnets/0/Routes/0/NextHop"
            << "\"10.244.1.1\"";
        QTest::newRow("%+v: json.RawMessage bytes read as JSON") << net << 1 << 0 << "/Policies/0/Settings"
                                                                 << "{\"NetworkAdapterName\":\"Ethernet\"}";
        QTest::newRow("%+v: empty values and <nil> left out") << net << 1 << 0 << "/Dns"
                                                              << "absent";
        QTest::newRow("%+v: zero numbers kept") << net << 1 << 0 << "/SchemaVersion"
                                                << "{\"Major\":2,\"Minor\":0}";

        const QString sharp = "go-hcn-endpoint-sharpv.log";
        QTest::newRow("%#v: quoted strings") << sharp << 1 << 0 << "/Name"
                                             << "\"pod-web-7f9c_eth0\"";
        QTest::newRow("%#v: hex integers") << sharp << 1 << 0 << "/IpConfigurations/0/PrefixLength"
                                           << "24";
        QTest::newRow("%#v: typed slices") << sharp << 1 << 0 << "/Dns/Search/1"
                                           << "\"svc.cluster.local\"";
        QTest::newRow("%#v: typed nil left out") << sharp << 1 << 0 << "/Dns/Options"
                                                 << "absent";
        QTest::newRow("%#v: json.RawMessage in hex") << sharp << 1 << 0 << "/Policies/0/Settings/Exceptions/1"
                                                     << "\"10.96.0.0/12\"";
        QTest::newRow("%#v: empty string left out") << sharp << 1 << 0 << "/HostComputeNamespace"
                                                    << "absent";
        QTest::newRow("%#v: interface {}(nil) left out") << sharp << 1 << 0 << "/Health"
                                                         << "absent";

        const QString v1 = "go-hns-v1-endpoint-plusv.log";
        QTest::newRow("v1 HNSEndpoint: network name") << v1 << 2 << 0 << "/VirtualNetworkName"
                                                      << "\"cbr0\"";
        QTest::newRow("v1 HNSEndpoint: comma list kept whole")
            << v1 << 2 << 0 << "/DNSSuffix"
            << "\"default.svc.cluster.local,svc.cluster.local\"";
        QTest::newRow("v1 HNSEndpoint: raw policies as JSON") << v1 << 2 << 0 << "/Policies/1/NeedEncap"
                                                              << "true";
        QTest::newRow("v1 HNSEndpoint: nil net.IP left out") << v1 << 2 << 0 << "/IPv6Address"
                                                             << "absent";
        QTest::newRow("v1 HNSEndpoint: integers") << v1 << 2 << 0 << "/PrefixLength"
                                                  << "24";
        QTest::newRow("v1 HNSEndpoint spelled ID")
            << v1 << 2 << 1 << "/ID" << QStringLiteral("\"%1\"").arg(kEndpointRemote);
        QTest::newRow("v1 HNSEndpoint: booleans") << v1 << 2 << 1 << "/IsRemoteEndpoint"
                                                  << "true";

        const QString klog = "go-klog-line.log";
        QTest::newRow("klog: a value with blanks runs to the next Key:") << klog << 3 << 0 << "/Name"
                                                                         << "\"nat network for pods\"";
        QTest::newRow("klog: parentheses inside a value") << klog << 3 << 0 << "/NetworkAdapterName"
                                                          << "\"vEthernet (Ethernet 2)\"";
        QTest::newRow("klog: text after the dump is not read") << klog << 3 << 0 << "/AutomaticDNS"
                                                               << "false";
        QTest::newRow("klog: members before an elision")
            << klog << 3 << 1 << "/VirtualNetwork" << QStringLiteral("\"%1\"").arg(kNetwork);

        const QString logrus = "go-logrus-escaped.log";
        QTest::newRow("logrus: %#v with escaped quotes") << logrus << 2 << 0 << "/NamespaceId"
                                                         << "7";
        QTest::newRow("logrus: %+v in msg") << logrus << 2 << 1 << "/PortMappings/0/InternalPort"
                                            << "53";
        QTest::newRow("logrus: slice of one GUID")
            << logrus << 2 << 1 << "/HostComputeEndpoints/0" << QStringLiteral("\"%1\"").arg(kEndpointSharp);

        const QString cut = "go-truncated.log";
        QTest::newRow("truncated: members before the cut") << cut << 2 << 0 << "/IPAddress"
                                                           << "\"10.244.1.7\"";
        QTest::newRow("truncated: the member cut is left out") << cut << 2 << 0 << "/DNSSuffix"
                                                               << "absent";
        QTest::newRow("truncated: the next line still reads") << cut << 2 << 1 << "/PrefixLength"
                                                              << "24";

        const QString maps = "go-map-slice.log";
        QTest::newRow("policy list: EndpointReferences is References")
            << maps << 2 << 0 << "/References/1" << QStringLiteral("\"/endpoints/%1\"").arg(kEndpointV1);
        QTest::newRow("policy list: ELB bytes") << maps << 2 << 0 << "/Policies/0/VIPs"
                                                << "[\"10.96.12.34\"]";
        QTest::newRow("map: a value with a blank") << maps << 2 << 1 << "/AdditionalParams/Mode"
                                                   << "\"overlay default\"";
        QTest::newRow("map: numbers") << maps << 2 << 1 << "/AdditionalParams/ICSFlags"
                                      << "0";
        QTest::newRow("slice of structs") << maps << 2 << 1 << "/MacPools/0/EndMacAddress"
                                          << "\"00-15-5D-AA-FF-FF\"";

        const QString nils = "go-nil-pointers.log";
        QTest::newRow("pointer printed as an address left out") << nils << 2 << 0 << "/Namespace"
                                                                << "absent";
        QTest::newRow("empty Name left out") << nils << 2 << 0 << "/Name"
                                             << "absent";
        QTest::newRow("%#v net.IP bytes") << nils << 2 << 1 << "/IPAddress"
                                          << "\"10.244.1.10\"";
        QTest::newRow("%#v typed pointer left out") << nils << 2 << 1 << "/Namespace"
                                                    << "absent";
        QTest::newRow("%#v typed nil map left out") << nils << 2 << 1 << "/AdditionalParams"
                                                    << "absent";

        const QString forms = "go-real-forms.log";
        QTest::newRow("%+v: a nested &{...} struct") << forms << 5 << 0 << "/Namespace/ID"
                                                     << "\"ae3f4051-6c7d-4e8f-9a91-b2c3d4e5f607\"";
        QTest::newRow("%+v: a time with blanks kept whole") << forms << 5 << 0 << "/CreatedAt"
                                                            << "\"2024-01-02 03:04:05.123 +0000 UTC\"";
        QTest::newRow("%+v: a map member, a value with a blank") << forms << 5 << 0 << "/Labels/tier"
                                                                 << "\"front end\"";
        QTest::newRow("%+v: <nil> after the map left out") << forms << 5 << 0 << "/Health"
                                                           << "absent";
        QTest::newRow("%+v: the member after them") << forms << 5 << 0 << "/PrefixLength"
                                                    << "24";
        QTest::newRow("%#v: []string members") << forms << 5 << 1 << "/Dns/Search/1"
                                               << "\"cluster.local\"";
        QTest::newRow("%#v: time.Date read as RFC 3339") << forms << 5 << 1 << "/Created"
                                                         << "\"2024-01-02T03:04:05.123Z\"";
        QTest::newRow("%#v: a map member after the time") << forms << 5 << 1 << "/Labels/app"
                                                          << "\"web\"";
        QTest::newRow("%#v: the last member after the time") << forms << 5 << 1 << "/MacAddress"
                                                             << "\"00-15-5D-AA-03-08\"";
        QTest::newRow("%#v: a local time keeps its location") << forms << 5 << 2 << "/Created"
                                                              << "\"2023-12-31T23:59:59 Local\"";
        QTest::newRow("%#v before Go 1.17: time.Time{wall:...} read as its instant")
            << forms << 5 << 3 << "/Created"
            << "\"2024-01-02T03:04:05.123Z\"";
        QTest::newRow("%#v before Go 1.17: a time without a monotonic reading")
            << forms << 5 << 4 << "/Created"
            << "\"2024-01-02T03:04:05Z\"";
        QTest::newRow("%#v before Go 1.17: the member after the time") << forms << 5 << 3 << "/MacAddress"
                                                                       << "\"00-15-5D-AA-03-0A\"";
    }

    void readsEachQuirk()
    {
        QFETCH(QString, file);
        QFETCH(int, values);
        QFETCH(int, index);
        QFETCH(QString, pointer);
        QFETCH(QString, expected);
        const ExtractResult found = readGoDumps(file);
        QCOMPARE(int(found.values.size()), values);
        const FoundValue& value = found.values[std::size_t(index)];
        QCOMPARE(value.format, DumpFormat::GoStruct);
        QCOMPARE(value.firstLine, value.lastLine);
        QCOMPARE(memberAt(value.value, pointer), expected);
    }

    /// The forms of go-real-forms.log (a klog prefix, nested `&{...}`, map members, times, `<nil>`) read
    /// whole: no member is said to be lost (a time's location printed as a pointer included).
    void realFormsLoseNothing()
    {
        const ExtractResult found = readGoDumps("go-real-forms.log");
        QCOMPARE(int(found.values.size()), 5);
        for (const FoundValue& v : found.values) {
            QVERIFY2(v.losses.empty(), v.losses.empty() ? "" : v.losses.front().c_str());
            QCOMPARE(v.context.substr(0, 5), std::string("I0102"));
        }
        QVERIFY(found.warnings.empty());
    }

    void reportsWhatWasLost_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("losses");   ///< each part of some value's loss
        QTest::addColumn<QStringList>("warnings"); ///< each part of some warning
        QTest::addColumn<QStringList>("repairs");  ///< each part of some value's repair

        QTest::newRow("truncated line")
            << "go-truncated.log"
            << QStringList{"the dump ends inside this value in DNSSuffix; what followed is unknown"}
            << QStringList{"line 1: the Go struct dump is cut off (the line ends inside it)"}
            << QStringList{};
        QTest::newRow("pointers")
            << "go-nil-pointers.log"
            << QStringList{"Namespace: printed as a pointer (0xc000a4e1b0); its value is unknown",
                           "Namespace: printed as a pointer (0xc0001f2040); its value is unknown"}
            << QStringList{"line 3: a Go value printed with %v, without field names "
                           "(5E7A1C2D-3B4F-4A6E-8D9C-0B1A2C3D4E5F)"}
            << QStringList{"read an IP address from its bytes (net.IP)"};
        QTest::newRow("elision") << "go-klog-line.log" << QStringList{"members elided with '...'"}
                                 << QStringList{"line 3: members elided with '...' were left out"}
                                 << QStringList{};
        QTest::newRow("escaped quotes") << "go-logrus-escaped.log" << QStringList{} << QStringList{}
                                        << QStringList{"unquoted from a log field"};
        QTest::newRow("raw JSON bytes") << "go-hcn-network-plusv.log" << QStringList{} << QStringList{}
                                        << QStringList{"read the bytes of a json.RawMessage as JSON"};
        QTest::newRow("a paste that starts inside a %+v list")
            << "go-start-cut-plusv.log"
            << QStringList{"the paste starts inside this value; its members before line 3 are unknown"}
            << QStringList{"line 3: the paste starts inside a Go struct dump; only the members after the cut "
                           "are read"}
            << QStringList{"read the members after a cut at the start of the paste"};
        QTest::newRow("a %#v paste that starts inside a list, wrapped by a console")
            << "go-start-cut-sharpv-wrapped.log"
            << QStringList{"the paste starts inside this value; its members before line 2 are unknown"}
            << QStringList{"line 2: the paste starts inside a Go struct dump"}
            << QStringList{"read the members after a cut at the start of the paste",
                           "joined the 5 lines the dump was spread over"};
        QTest::newRow("&{ at a line end, one member per line: joined, the cut one keeps what came before")
            << "go-plusv-member-per-line.log"
            << QStringList{"the dump ends inside this value in PrefixLen... (a member's name); what followed "
                           "is unknown"}
            << QStringList{"line 14: the Go struct dump is cut off (the line ends inside it)"}
            << QStringList{"joined the 7 lines the dump was spread over",
                           "joined the 6 lines the dump was spread over"};
        QTest::newRow("%v without field names: said, with its IDs; %+v beside it read")
            << "go-plain-v-no-names.log" << QStringList{}
            << QStringList{"line 1: a Go value printed with %v, without field names "
                           "(1F3E5D7C-9B2A-4C8E-A6D4-0E2F4A6C8B1D, 4E7A1C93-8B25-4F60-9D1E-2A3B4C5D6E7F); "
                           "which "
                           "value is which field cannot be told"}
            << QStringList{};
    }

    void reportsWhatWasLost()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, losses);
        QFETCH(QStringList, warnings);
        QFETCH(QStringList, repairs);
        const ExtractResult found = readGoDumps(file);
        std::vector<std::string> allLosses;
        std::vector<std::string> allRepairs;
        for (const FoundValue& v : found.values) {
            allLosses.insert(allLosses.end(), v.losses.begin(), v.losses.end());
            allRepairs.insert(allRepairs.end(), v.repairs.begin(), v.repairs.end());
        }
        for (const QString& loss : losses)
            QVERIFY2(anyContains(allLosses, loss), qPrintable(loss));
        const QStringList warned = texts(found.warnings);
        for (const QString& warning : warnings)
            QVERIFY2(std::any_of(warned.begin(), warned.end(),
                                 [&](const QString& w) { return w.contains(warning); }),
                     qPrintable(warned.join(" | ")));
        if (warnings.isEmpty())
            QVERIFY2(warned.isEmpty(), qPrintable(warned.join(" | ")));
        for (const QString& repair : repairs)
            QVERIFY2(anyContains(allRepairs, repair), qPrintable(repair));
    }

    /// A paste that starts inside a dump (a console's scrollback, a copy from the middle of a log line):
    /// the struct it starts in keeps the members shown after the cut (its ID is lost: the snapshot gives
    /// one and the report says so); the whole structs after it, and the dumps on later lines, import as
    /// they are.
    void pasteStartingInsideADump_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("objects"); ///< objects with their own IDs that must be there
        QTest::addColumn<QString>("cutAddress");  ///< the address the struct cut at the start keeps
        QTest::addColumn<QString>("cutNetwork");  ///< the network it names; empty: none shown
        QTest::newRow("%+v: a v1 endpoint list, then a network on the next log line")
            << "go-start-cut-plusv.log"
            << QStringList{QStringLiteral("Endpoint:4C5D6E7F-8091-4A2B-9C3D-4E5F60718293"),
                           QStringLiteral("Network:") + kNetwork}
            << "10.244.1.11"
            << "";
        QTest::newRow("%#v: a v2 endpoint list wrapped at 120 columns")
            << "go-start-cut-sharpv-wrapped.log"
            << QStringList{QStringLiteral("Endpoint:6E7F8091-A2B3-4C4D-8E5F-60718293A4B5"),
                           QStringLiteral("Namespace:8A9B0C1D-2E3F-4A5B-8C6D-7E8F90A1B2C3")}
            << "10.244.1.20" << kNetwork;
    }

    void pasteStartingInsideADump()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, objects);
        QFETCH(QString, cutAddress);
        QFETCH(QString, cutNetwork);
        const ImportResult result = importFiles({file});
        const QStringList found = objectList(result);
        for (const QString& o : objects)
            QVERIFY2(found.contains(o), qPrintable(found.join(' ')));
        const json* cut = nullptr;
        for (const json& e : result.snapshot["Endpoints"])
            if (e.contains("IpConfigurations") && e["IpConfigurations"].size() == 1 &&
                e["IpConfigurations"][0].value("IpAddress", "") == cutAddress.toStdString())
                cut = &e;
        QVERIFY2(cut, qPrintable(QString::fromStdString(result.snapshot["Endpoints"].dump())));
        QCOMPARE(QString::fromStdString(cut->value("HostComputeNetwork", "")), cutNetwork);
        const std::string cutId = cut->value("ID", "");
        const auto reported = std::find_if(result.report.objects.begin(), result.report.objects.end(),
                                           [&](const ImportedObject& o) { return o.id == cutId; });
        QVERIFY(reported != result.report.objects.end());
        QVERIFY(anyContains(reported->lost, "the paste starts inside this value"));
        QVERIFY(anyContains(reported->lost, "ID: not in the dump"));
        // The cut is said once; nothing else of the dump is a warning (no reader complains about what
        // another one read).
        QStringList warnings;
        for (const ImportMessage& m : result.report.messages)
            if (m.severity == ImportSeverity::Warning)
                warnings << QString::fromStdString(m.message);
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.front().contains("the paste starts inside a Go struct dump"),
                 qPrintable(warnings.front()));
    }

    /// Go dumps read whole cost no warning: the JSON reader's complaints about `[{Key:` inside them are
    /// about lines the Go reader read.
    void goDumpsReadWholeWarnNothing_data()
    {
        QTest::addColumn<QString>("file");
        for (const char* file : {"go-hcn-network-plusv.log", "go-console-wrapped.log",
                                 "go-hns-v1-endpoint-plusv.log", "go-real-forms.log", "go-sharpv-maps.log"})
            QTest::newRow(file) << QString(file);
    }

    void goDumpsReadWholeWarnNothing()
    {
        QFETCH(QString, file);
        const ImportResult result = importFiles({file});
        QVERIFY(result.objectCount() > 0);
        for (const ImportMessage& m : result.report.messages)
            QVERIFY2(m.severity != ImportSeverity::Warning, m.message.c_str());
    }

    /// go-spew dumps (kube-proxy's "Associated endpoints", "spewConfig"): one value per HNS object, with
    /// hcsshim's JSON names, bytes read from their hex dump, and the lines each object was printed on.
    void readsSpewDumps_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("values");
        QTest::addColumn<int>("index");
        QTest::addColumn<int>("firstLine");
        QTest::addColumn<int>("lastLine");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("expected"); ///< compact JSON, or "absent"

        const QString list =
            "go-spew-endpoints.log"; // a list of two HNSEndpoints, kube-proxy's record of one before
        QTest::newRow("spew: Id is ID") << list << 2 << 0 << 9 << 32 << "/ID"
                                        << "\"4d1c7a92-5e3b-4f08-a6d9-1b2c3d4e5f60\"";
        QTest::newRow("spew: booleans") << list << 2 << 0 << 9 << 32 << "/IsRemoteEndpoint"
                                        << "true";
        QTest::newRow("spew: integers") << list << 2 << 0 << 9 << 32 << "/PrefixLength"
                                        << "16";
        QTest::newRow("spew: json.RawMessage hex dump read as JSON")
            << list << 2 << 0 << 9 << 32 << "/Policies/0/PA"
            << "\"172.31.9.40\"";
        QTest::newRow("spew: net.IP hex dump read as an address") << list << 2 << 0 << 9 << 32 << "/IPAddress"
                                                                  << "\"10.96.3.21\"";
        QTest::newRow("spew: nil pointer left out") << list << 2 << 0 << 9 << 32 << "/Namespace"
                                                    << "absent";
        QTest::newRow("spew: empty string left out") << list << 2 << 0 << 9 << 32 << "/DNSSuffix"
                                                     << "absent";
        QTest::newRow("spew: net.IP printed by its String method")
            << list << 2 << 1 << 33 << 53 << "/IPAddress"
            << "\"10.96.2.14\"";
        QTest::newRow("spew: a pointer's struct") << list << 2 << 1 << 33 << 53 << "/Namespace/ID"
                                                  << "\"6f0e1d2c-3b4a-4958-a716-b5c4d3e2f1a0\"";
        QTest::newRow("spew: spaced JSON bytes") << list << 2 << 1 << 33 << 53 << "/Policies/0/Type"
                                                 << "\"L2Driver\"";
        const QString cut = "go-spew-cut.log"; // cut inside a hex dump; the next klog line ends it
        QTest::newRow("spew cut: members before the cut") << cut << 1 << 0 << 1 << 8 << "/VirtualNetworkName"
                                                          << "\"vxlan0\"";
        QTest::newRow("spew cut: the member cut is left out") << cut << 1 << 0 << 1 << 8 << "/Policies"
                                                              << "absent";
    }

    void readsSpewDumps()
    {
        QFETCH(QString, file);
        QFETCH(int, values);
        QFETCH(int, index);
        QFETCH(int, firstLine);
        QFETCH(int, lastLine);
        QFETCH(QString, pointer);
        QFETCH(QString, expected);
        const QByteArray bytes = readDump(file);
        Result<DecodedText> decoded = decodeDumpText(bytesView(bytes));
        QVERIFY(decoded.ok());
        const ExtractResult found = extractGoSpewDumps(cleanPastedText(decoded->text));
        QCOMPARE(int(found.values.size()), values);
        const FoundValue& value = found.values[std::size_t(index)];
        QCOMPARE(value.format, DumpFormat::GoStruct);
        QCOMPARE(value.kindHint, ResourceKind::Endpoint);
        QCOMPARE(value.firstLine, firstLine);
        QCOMPARE(value.lastLine, lastLine);
        QCOMPARE(memberAt(value.value, pointer), expected);
    }

    /// A go-spew dump that never closes says so as a JSON value cut by the paste does (FoundValue::cutOff):
    /// the import joins what follows a cut by it, not by the words of its losses. A whole dump does not.
    void aCutSpewDumpSaysItNeverCloses_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QList<bool>>("cutOff"); ///< of each value found, in order

        QTest::newRow("cut inside a hex dump") << "go-spew-cut.log" << QList<bool>{true};
        QTest::newRow("a whole list of two endpoints")
            << "go-spew-endpoints.log" << QList<bool>{false, false};
    }

    void aCutSpewDumpSaysItNeverCloses()
    {
        QFETCH(QString, file);
        QFETCH(QList<bool>, cutOff);
        const QByteArray bytes = readDump(file);
        Result<DecodedText> decoded = decodeDumpText(bytesView(bytes));
        QVERIFY(decoded.ok());
        const ExtractResult found = extractGoSpewDumps(cleanPastedText(decoded->text));
        QList<bool> got;
        for (const FoundValue& value : found.values)
            got << value.cutOff;
        QCOMPARE(got, cutOff);
    }

    void importsSpewDumps_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("objects");
        QTest::addColumn<QStringList>("messages"); ///< each part of some report message

        QTest::newRow("a list of endpoints and the namespace one names")
            << "go-spew-endpoints.log"
            << QStringList{"Endpoint:4D1C7A92-5E3B-4F08-A6D9-1B2C3D4E5F60",
                           "Endpoint:9E8D7C6B-5A49-4382-B716-05F4E3D2C1B0",
                           "Namespace:6F0E1D2C-3B4A-4958-A716-B5C4D3E2F1A0"}
            << QStringList{"the dump shows no networks; 2 endpoints name 1 network it does not show"};
        // kube-proxy logs the remote endpoint it failed to create: HNS never held it.
        QTest::newRow("a dump cut by the next log line, of an endpoint HNS failed to create")
            << "go-spew-cut.log" << QStringList{}
            << QStringList{"the go-spew dump is cut off (the text ends inside it); only what came "
                           "before the cut is read",
                           "a request HNS failed (\"3312 proxier.go:997] Remote endpoint creation failed: "
                           "hnsCall failed in Win32",
                           "not imported; the error logged with it: hnsCall failed: HCN_E_PORT_NOT_FOUND "
                           "(0x803B0007), \"The "
                           "switch-port was not found.\""};
    }

    void importsSpewDumps()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, objects);
        QFETCH(QStringList, messages);
        const ImportResult result = importFiles({file});
        QCOMPARE(objectList(result), objects);
        QStringList texts;
        for (const ImportMessage& m : result.report.messages)
            texts << QString::fromStdString(m.message);
        for (const QString& m : messages)
            QVERIFY2(std::any_of(texts.begin(), texts.end(), [&](const QString& t) { return t.contains(m); }),
                     qPrintable(m + " not in:\n" + texts.join('\n')));
        // The text column of a hex dump (`|{"PA":"172.31.9.|`) is no JSON value.
        QVERIFY2(!std::any_of(texts.begin(), texts.end(),
                              [](const QString& t) { return t.contains("never closes"); }),
                 qPrintable(texts.join('\n')));
        for (const ImportedObject& o : result.report.objects)
            QCOMPARE(o.format, DumpFormat::GoStruct);
    }

    /// kube-proxy's record of an endpoint (winkernel's endpointsInfo, go-spew or %+v, `hnsID` or the
    /// older `hnsId`) is no object of its own where a dump of the endpoint it names is read: it fills what
    /// that dump does not show (a dump cut in its Policies shows no address), with a note; where the two
    /// disagree the dump's values stay and a note gives both.
    void kubeProxyRecordsFillTheEndpointTheyName_data()
    {
        QTest::addColumn<QString>("text");        ///< the log
        QTest::addColumn<QString>("id");          ///< the one object: an endpoint
        QTest::addColumn<QStringList>("members"); ///< "pointer=compact JSON" of its document
        QTest::addColumn<QStringList>("notes");   ///< each part of one of its notes

        const QString spewCut = QString::fromUtf8(readDump("kube-proxy-endpointsinfo-spew-cut.log"));
        const QStringList spewLines = spewCut.split('\n');
        const QString spewRecord = spewLines.mid(0, 8).join('\n') + '\n';
        const QString spewDump = spewLines.mid(8).join('\n');
        const QString cutId = "1f9faa27-8c8b-41ac-ab95-82a54590767b";
        const QStringList filled{"/Name=\"remote_10.244.1.5_9090\"",
                                 "/IpConfigurations/0/IpAddress=\"10.244.1.5\"",
                                 "/MacAddress=\"00-11-22-33-44-55\"", "/Flags=1"};
        QTest::newRow("go-spew record, then the endpoint's dump cut in its Policies")
            << spewCut << cutId << filled
            << QStringList{
                   "IPAddress 10.244.1.5, MacAddress 00-11-22-33-44-55, IsRemoteEndpoint true: not in "
                   "this dump of it; taken from kube-proxy's record of the endpoint (lines 1-8)"};
        QTest::newRow("the endpoint's cut dump, then the record")
            << spewDump + spewRecord << cutId << filled
            << QStringList{"taken from kube-proxy's record of the endpoint (lines 9-16)"};
        QTest::newRow("%+v record with the older hnsId, then a %+v dump cut in its Policies")
            << QString::fromUtf8(readDump("kube-proxy-endpointsinfo-plusv.log"))
            << "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f"
            << QStringList{"/Name=\"remote_10.244.2.7_8080\"", "/IpConfigurations/0/IpAddress=\"10.244.2.7\"",
                           "/MacAddress=\"00-15-5d-aa-bb-cc\"", "/Flags=1"}
            << QStringList{"IPAddress 10.244.2.7, MacAddress 00-15-5d-aa-bb-cc, IsRemoteEndpoint true",
                           "kube-proxy's record of the endpoint (line 1)"};
        QTest::newRow("a whole JSON dump without IsRemoteEndpoint (a local endpoint), then a %+v record")
            << "{\"ID\":\"6e7f8091-a2b3-4c4d-9e5f-60718293a4b5\",\"Name\":\"pod-api\",\"VirtualNetwork\":"
               "\"c0ffee11-2233-4455-8677-8899aabbccdd\",\"IPAddress\":\"10.244.6.6\",\"MacAddress\":"
               "\"00-15-5D-06-06-06\"}\n"
               "I1105 08:02:40.118230    3312 proxier.go:113] \"Hns Endpoint resource\" "
               "endpointInfo=&{ip:10.244.6.6 "
               "port:80 isLocal:false macAddress:00-15-5d-06-06-06 "
               "hnsID:6e7f8091-a2b3-4c4d-9e5f-60718293a4b5 "
               "refCount:0 providerAddress:10.127.130.41 ready:true serving:true terminating:false}"
            << "6e7f8091-a2b3-4c4d-9e5f-60718293a4b5"
            << QStringList{"/Name=\"pod-api\"", "/IpConfigurations/0/IpAddress=\"10.244.6.6\""}
            << QStringList{
                   "kube-proxy's record of the endpoint (line 2) gives isLocal false where the dump has "
                   "it local; the snapshot keeps what the dump of HNS gives"};
        QTest::newRow("a JSON endpoint kube-proxy logs, then its go-spew record, which agrees")
            << QString::fromUtf8(readDump("kube-proxy-endpointsinfo-spew-after-json.log"))
            << "8d3f1b6a-2c74-4e09-9a5b-f1e6c2d8a047"
            << QStringList{"/IpConfigurations/0/IpAddress=\"10.240.0.48\"", "/Flags=1"}
            << QStringList{"also shown in kube-proxy's record of the endpoint (lines 2-9), which agrees"};
        QTest::newRow("record and dump disagree: the dump's values stay")
            << QString::fromUtf8(readDump("kube-proxy-endpointsinfo-disagree.log"))
            << "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d"
            << QStringList{"/IpConfigurations/0/IpAddress=\"10.244.3.8\"",
                           "/MacAddress=\"00-15-5d-01-02-03\"", "/Flags=absent"}
            << QStringList{"kube-proxy's record of the endpoint (line 1) gives ip 10.244.3.9 where the dump "
                           "gives 10.244.3.8; macAddress 00-15-5d-01-02-99 where the dump gives "
                           "00-15-5d-01-02-03; the snapshot keeps what the dump of HNS gives"};
    }

    void kubeProxyRecordsFillTheEndpointTheyName()
    {
        QFETCH(QString, text);
        QFETCH(QString, id);
        QFETCH(QStringList, members);
        QFETCH(QStringList, notes);
        const Result<ImportResult> result = importDump({{"kube-proxy.log", text.toStdString()}});
        QVERIFY(result.ok());
        QCOMPARE(objectList(*result), QStringList{"Endpoint:" + id.toUpper()});
        const json* doc = document(*result, ResourceKind::Endpoint, id);
        QVERIFY(doc);
        for (const QString& m : members)
            QCOMPARE(m.section('=', 0, 0) + "=" + memberAt(*doc, m.section('=', 0, 0)), m);
        const ImportedObject& object = result->report.objects.front();
        QStringList said(object.notes.size(), QString());
        std::transform(object.notes.begin(), object.notes.end(), said.begin(), QString::fromStdString);
        for (const QString& part : notes)
            QVERIFY2(anyContains(object.notes, part), qPrintable(part + " not in:\n" + said.join('\n')));
        // The record names no object the snapshot lacks, and costs no warning of its own.
        for (const ImportMessage& m : result->report.messages)
            QVERIFY2(!QString::fromStdString(m.message).contains("endpointsInfo") &&
                         !QString::fromStdString(m.message).contains("hnsID"),
                     m.message.c_str());
    }

    /// A %+v struct of unexported fields is read only when it is kube-proxy's record of an endpoint (a
    /// member of it first, its hnsID before it closes); its values end before the next member.
    void unexportedFieldsAreReadOnlyForKubeProxyRecords_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("read"); ///< the value read, compact JSON; empty: none

        const QString head = "I1105 08:02:40.118230    3312 proxier.go:113] ";
        QTest::newRow("kube-proxy's record")
            << head + "endpointInfo=&{ip:10.244.5.12 port:443 isLocal:false macAddress:02-11-0a-f4-05-0c "
                      "hnsID:9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a providerAddress: ready:true}"
            << "{\"hnsID\":\"9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a\",\"ip\":\"10.244.5.12\",\"isLocal\":false,"
               "\"macAddress\":\"02-11-0a-f4-05-0c\",\"port\":443,\"ready\":true}";
        QTest::newRow("the same members without hnsID") << head + "svc=&{ip:10.244.5.12 port:443 ready:true}"
                                                        << "";
        QTest::newRow("another struct of unexported fields")
            << head + "state=&{mu:{state:0 sema:0} hnsID:9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a}"
            << "";
    }

    void unexportedFieldsAreReadOnlyForKubeProxyRecords()
    {
        QFETCH(QString, line);
        QFETCH(QString, read);
        const ExtractResult found = extractGoStructDumps(oneLine(line.toStdString()));
        QCOMPARE(found.values.empty() ? QString() : QString::fromStdString(found.values.front().value.dump()),
                 read);
    }

    /// kube-proxy's record of an endpoint no dump of the text shows is no object: the snapshot holds what
    /// HNS dumps show, and kube-proxy's view may be stale. The log names the endpoint it records (its ID
    /// and address), and a record of a service the load balancer it records (its address, port and
    /// protocol), in any of Go's forms; the record costs no warning.
    void aKubeProxyRecordAloneIsNoObject_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("named"); ///< part of the report's message naming it; empty: none

        const QStringList spew =
            QString::fromUtf8(readDump("kube-proxy-endpointsinfo-spew-cut.log")).split('\n').mid(0, 8);
        QTest::newRow("go-spew") << spew.join('\n') + '\n'
                                 << "the log names HNS endpoint 1f9faa27-8c8b-41ac-ab95-82a54590767b "
                                    "(10.244.1.5) at lines 1-8; no "
                                    "dump of it, not imported";
        QTest::newRow("go-spew of a service in a containerd log names its load balancer")
            << QString::fromUtf8(readDump("logged/kube-proxy-cri-serviceinfo-spew.log"))
            << "the log names HNS load balancer 9e93ad40-a353-4e06-a5af-eb96fda2ae54 (10.96.0.10:53/UDP) at "
               "lines 1-31; no dump of it, not imported";
        QTest::newRow("%+v, newer members")
            << "I1105 08:02:40.118230    3312 proxier.go:113] \"Hns Endpoint resource\" "
               "endpointInfo=&{ip:10.244.5.12 port:443 isLocal:false macAddress:02-11-0a-f4-05-0c "
               "hnsID:9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a refCount:0 providerAddress:10.127.130.40 "
               "ready:true serving:true terminating:false}"
            << "the log names HNS endpoint 9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a (10.244.5.12) at line 1; no "
               "dump of it, not imported";
        QTest::newRow("%#v, older hnsId")
            << "I1105 08:02:40.118230    3312 proxier.go:113] Endpoint resource found, "
               "&winkernel.endpointsInfo{ip:\"10.244.1.20\", port:80, isLocal:true, "
               "macAddress:\"00-15-5d-0b-0c-14\", hnsId:\"4e5f6a7b-8c9d-4e0f-9a1b-2c3d4e5f6a7b\", "
               "refCount:0x1}"
            << "the log names HNS endpoint 4e5f6a7b-8c9d-4e0f-9a1b-2c3d4e5f6a7b (10.244.1.20) at line 1; no "
               "dump of it, not imported";
    }

    void aKubeProxyRecordAloneIsNoObject()
    {
        QFETCH(QString, text);
        QFETCH(QString, named);
        const Result<ImportResult> result = importDump({{"kube-proxy.log", text.toStdString()}});
        QVERIFY(result.ok());
        QCOMPARE(objectList(*result), QStringList{});
        QStringList said;
        for (const ImportMessage& m : result->report.messages) {
            said << QString::fromStdString(m.message);
            QVERIFY2(m.severity != ImportSeverity::Warning, m.message.c_str());
        }
        if (!named.isEmpty())
            QVERIFY2(
                std::any_of(said.begin(), said.end(), [&](const QString& t) { return t.contains(named); }),
                qPrintable(said.join('\n')));
    }

    /// kube-proxy's record of a service (go-spew) that shows it not programmed in HNS when it was logged
    /// (policyApplied false, an empty hnsID for the service or for one of its ingress IPs) gets an info
    /// at its lines naming what is missing (kube-proxy logs the record so before it programs the service); a
    /// paste that starts inside the record is read for it too. A record of a programmed service says nothing.
    void unprogrammedServicesAreSaid_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("warnings"); ///< "first-last: message" of each warning, in order

        QTest::newRow("policyApplied false, no load balancer for the cluster IP nor for one ingress IP")
            << QString::fromUtf8(readDump("kube-proxy-serviceinfo-spew-not-applied.log"))
            << QStringList{"1-27: kube-proxy had not programmed service 10.96.5.33:8443/TCP in HNS when it "
                           "logged this record of it: policyApplied false; no HNS load balancer for its "
                           "cluster IP (hnsID empty); ingress IP 192.0.2.140 has no HNS load balancer (its "
                           "hnsID is empty)"};
        QTest::newRow("the paste starts inside the record: its members after the cut are read")
            << QString::fromUtf8(readDump("kube-proxy-serviceinfo-spew-start-cut.log"))
            << QStringList{"6-12: kube-proxy had not finished programming the service whose cluster IP has "
                           "HNS load balancer 5e2d9b71-0a4c-4f38-b6e1-93c7a0d5f284 in HNS when it logged "
                           "this record of it: policyApplied false"};
        const QString applied = QString::fromUtf8(readDump("logged/kube-proxy-cri-serviceinfo-spew.log"));
        QString notApplied = applied;
        notApplied.replace("policyApplied: (bool) true", "policyApplied: (bool) false");
        QTest::newRow("a programmed service gets no warning") << applied << QStringList{};
        QTest::newRow("policyApplied false: its load balancer is named with it")
            << notApplied
            << QStringList{
                   "1-31: kube-proxy had not finished programming service 10.96.0.10:53/UDP (HNS load "
                   "balancer 9e93ad40-a353-4e06-a5af-eb96fda2ae54) in HNS when it logged this record "
                   "of it: policyApplied false"};
        QString cut = QString::fromUtf8(readDump("kube-proxy-serviceinfo-spew-not-applied.log"));
        cut = cut.section('\n', 13); // from the second line of the first ingress IP on
        QTest::newRow("a paste that starts inside an ingress IP still reads the service's members")
            << cut
            << QStringList{"8-14: kube-proxy had not programmed a service in HNS when it logged this record "
                           "of it: policyApplied false; no HNS load balancer for its cluster IP (hnsID "
                           "empty)"};
    }

    /// A paste that starts inside a go-spew dump of an HNS object is read for kube-proxy's records only:
    /// the next elements of the list it starts in are read as they open, as before.
    void aPasteStartingInsideAnHnsSpewKeepsTheNextElements()
    {
        const QString text = QString::fromUtf8(readDump("go-spew-list-of-pointers.log")).section('\n', 3);
        const Result<ImportResult> result = importDump({{"kube-proxy.log", text.toStdString()}});
        QVERIFY(result.ok());
        QCOMPARE(objectList(*result), QStringList{"Endpoint:5A1B2C3D-4E5F-4A60-8B71-C2D3E4F50692"});
        for (const ImportMessage& m : result->report.messages)
            QVERIFY2(!m.message.starts_with("kube-proxy"), m.message.c_str());
    }

    void unprogrammedServicesAreSaid()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, warnings);
        const ExtractResult found = extractGoSpewDumps(cleanPastedText(text.toStdString()));
        QStringList said;
        for (const ImportWarning& w : found.loggedInfos)
            if (w.message.find("kube-proxy") != std::string::npos)
                said << QStringLiteral("%1-%2: %3")
                            .arg(w.firstLine)
                            .arg(w.lastLine)
                            .arg(QString::fromStdString(w.message).section(": ", 1));
        QCOMPARE(said, warnings);
        // In the import, the warning is the report's, at those lines.
        const Result<ImportResult> result = importDump({{"kube-proxy.log", text.toStdString()}});
        QVERIFY(result.ok());
        QStringList reported;
        for (const ImportMessage& m : result->report.messages)
            if (m.severity == ImportSeverity::Info && m.message.starts_with("kube-proxy had not"))
                reported << QStringLiteral("%1-%2: %3")
                                .arg(m.firstLine)
                                .arg(m.lastLine)
                                .arg(QString::fromStdString(m.message));
        QCOMPARE(reported, warnings);
        // What kube-proxy's record says of HNS is something a log alone gives.
        QVERIFY(result->recoveredAnything());
    }

    /// A dump a console wrapped at its width, or a ticket wrapped at blanks, reads as the one line Go
    /// printed; the lines around it stay lines of their own.
    void joinsADumpSpreadOverLines_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("firstLine");
        QTest::addColumn<int>("lastLine");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("expected"); ///< compact JSON

        const QString console = "go-console-wrapped.log"; // %+v cut every 120 columns, tokens split
        QTest::newRow("console: a name split at the width") << console << 2 << 7 << "/Type"
                                                            << "\"L2Bridge\"";
        QTest::newRow("console: the member after a break at a blank")
            << console << 2 << 7 << "/MacPool/Ranges/0/EndMacAddress"
            << "\"00-15-5D-52-CF-FF\"";
        QTest::newRow("console: deep in the last line") << console << 2 << 7 << "/SchemaVersion/Major"
                                                        << "2";
        QTest::newRow("console: raw JSON bytes across lines")
            << console << 2 << 7 << "/Policies/0/Settings/NetworkAdapterName"
            << "\"Ethernet\"";

        const QString words = "go-word-wrapped.log"; // %#v wrapped at blanks in a markdown quote
        QTest::newRow("words: a member on a line of its own") << words << 4 << 23 << "/Name"
                                                              << "\"pod-web-7f9c_eth0\"";
        QTest::newRow("words: a list split at its comma")
            << words << 4 << 23 << "/Dns/Search"
            << "[\"default.svc.cluster.local\",\"svc.cluster.local\"]";
        QTest::newRow("words: bytes wrapped at blanks")
            << words << 4 << 23 << "/Policies/0/Settings/Exceptions/1"
            << "\"10.96.0.0/12\"";
        QTest::newRow("words: the last member") << words << 4 << 23 << "/MacAddress"
                                                << "\"00-15-5D-52-C0-05\"";

        // An editor wrapped the one long line inside member names ("Di|sableICC"): the name is whole
        // again and the value before it keeps only its own text.
        const QString split = "go-word-split-in-member-name.log";
        QTest::newRow("split name: the member whose name was split") << split << 1 << 3 << "/DisableICC"
                                                                     << "true";
        QTest::newRow("split name: the value before the split name")
            << split << 1 << 3 << "/EnableInternalDNS"
            << "false";
        QTest::newRow("split name: split in its last letters") << split << 1 << 3 << "/VirtualNetworkName"
                                                               << "\"azure\"";

        // A console cut the line once, inside the endpoint's name: the one console-wide line says where,
        // and the name is whole again, with no blank in it.
        QTest::newRow("console once: %+v name cut at the width")
            << "go-console-wrapped-once-plusv.log" << 3 << 4 << "/Name"
            << "\"cbr0_ep\"";
        QTest::newRow("console once: %+v member after the cut")
            << "go-console-wrapped-once-plusv.log" << 3 << 4 << "/VirtualNetwork"
            << "\"6A1B2C3D-4E5F-4A60-8B71-C2D3E4F50617\"";
        QTest::newRow("console once: %#v quoted name cut at the width")
            << "go-console-wrapped-once-sharpv.log" << 1 << 2 << "/Name"
            << "\"cbr0_ep\"";
    }

    void joinsADumpSpreadOverLines()
    {
        QFETCH(QString, file);
        QFETCH(int, firstLine);
        QFETCH(int, lastLine);
        QFETCH(QString, pointer);
        QFETCH(QString, expected);
        const ExtractResult found = readGoDumps(file);
        QCOMPARE(int(found.values.size()), 1);
        const FoundValue& value = found.values.front();
        QCOMPARE(value.firstLine, firstLine);
        QCOMPARE(value.lastLine, lastLine);
        QCOMPARE(memberAt(value.value, pointer), expected);
        QStringList repairs;
        for (const std::string& repair : value.repairs)
            repairs << QString::fromStdString(repair);
        QVERIFY2(
            anyContains(value.repairs, QStringLiteral("joined the %1 lines").arg(lastLine - firstLine + 1)),
            qPrintable(repairs.join("; ")));
        QVERIFY(value.losses.empty());
        QVERIFY(found.warnings.empty());
    }

    /// A cut dump whose next line is another log record, or text no dump goes on in, stays cut at its
    /// line, and a text of nothing but cut dumps is read in time linear in its size.
    void leavesACutDumpCutWhenNothingContinuesIt_data()
    {
        QTest::addColumn<QStringList>("lines");
        QTest::addColumn<int>("values");
        QTest::addColumn<int>("cutWarnings");

        QTest::newRow("next line is a klog record")
            << QStringList{"E1203 09:41:09.1 1 x.go:1] ep=&{Id:5B1F0A2C-7D3E-4F6A-9B8C-1D2E3F4A5B6C Name:b "
                           "DNSSuffix:svc.clu",
                           "I1203 09:41:09.2 1 x.go:2] ep=&{Id:B Name:c}"}
            << 2 << 1;
        QTest::newRow("next line is a logrus record")
            << QStringList{"ep=&{Id:5B1F0A2C-7D3E-4F6A-9B8C-1D2E3F4A5B6C Name:b DNSSuffix:svc.clu",
                           "time=\"2026-12-03T09:41:09Z\" level=info msg=x"}
            << 1 << 1;
        QTest::newRow("a blank line ends it")
            << QStringList{"ep=&{Id:5B1F0A2C-7D3E-4F6A-9B8C-1D2E3F4A5B6C Name:b DNSSuffix:svc.clu", "", "x}"}
            << 1 << 1;
        QTest::newRow("the following text never closes it")
            << QStringList{"ep=&{Id:A Name:b Policies:[{Type:ACL", "and then some words", "more words"} << 1
            << 1;
        QStringList many;
        for (int i = 0; i < 20000; ++i)
            many << QStringLiteral("x=&{Id:A%1 Name:n Policies:[{Type:ACL Settings:[1 2 3").arg(i);
        QTest::newRow("20,000 cut dumps in a row") << many << 20000 << 20000;
    }

    void leavesACutDumpCutWhenNothingContinuesIt()
    {
        QFETCH(QStringList, lines);
        QFETCH(int, values);
        QFETCH(int, cutWarnings);
        std::vector<CleanedLine> cleaned;
        for (const QString& line : lines)
            cleaned.push_back({line.toStdString(), int(cleaned.size()) + 1});
        const ExtractResult found = extractGoStructDumps(cleaned);
        QCOMPARE(int(found.values.size()), values);
        int cut = 0;
        for (const ImportWarning& w : found.warnings)
            cut += QString::fromStdString(w.message).contains("cut off") ? 1 : 0;
        QCOMPARE(cut, cutWarnings);
        for (const FoundValue& value : found.values)
            QCOMPARE(value.firstLine, value.lastLine);
    }

    void importsEveryObject_data()
    {
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<QStringList>("objects");

        QTest::newRow("%+v v2 network")
            << QStringList{"go-hcn-network-plusv.log"} << QStringList{QStringLiteral("Network:") + kNetwork};
        QTest::newRow("%#v endpoint") << QStringList{"go-hcn-endpoint-sharpv.log"}
                                      << QStringList{QStringLiteral("Endpoint:") + kEndpointSharp};
        QTest::newRow("v1 HNSEndpoint %+v") << QStringList{"go-hns-v1-endpoint-plusv.log"}
                                            << QStringList{QStringLiteral("Endpoint:") + kEndpointV1,
                                                           QStringLiteral("Endpoint:") + kEndpointRemote};
        QTest::newRow("klog lines") << QStringList{"go-klog-line.log"}
                                    << QStringList{"Endpoint:4C5D6E7F-8091-42A3-9C4D-5E6F708192A4",
                                                   "Network:8A9B0C1D-2E3F-4051-A6B7-C8D9E0F1A2B3"};
        QTest::newRow("logrus msg") << QStringList{"go-logrus-escaped.log"}
                                    << QStringList{"LoadBalancer:7F8091A2-B3C4-45D6-8F70-8192A3B4C5D7",
                                                   "Namespace:6E7F8091-A2B3-44C5-9E6F-708192A3B4C6"};
        QTest::newRow("truncated line") << QStringList{"go-truncated.log"}
                                        << QStringList{"Endpoint:5D6E7F80-91A2-43B4-8D5E-6F708192A3B5",
                                                       "Endpoint:9C8B7A6D-5E4F-4321-B0A9-8C7D6E5F4A3B"};
        QTest::newRow("map and slice values")
            << QStringList{"go-map-slice.log"}
            << QStringList{"LoadBalancer:7F8191A2-B3C4-45D6-8F70-8192A3B4C5D7",
                           "Network:A1B2C3D4-E5F6-4789-9ABC-DEF012345678"};
        QTest::newRow("console-wrapped %+v")
            << QStringList{"go-console-wrapped.log"} << QStringList{QStringLiteral("Network:") + kNetwork};
        QTest::newRow("word-wrapped %#v") << QStringList{"go-word-wrapped.log"}
                                          << QStringList{QStringLiteral("Endpoint:") + kEndpointSharp};
        QTest::newRow("nil and pointers") << QStringList{"go-nil-pointers.log"}
                                          << QStringList{"Endpoint:B2C3D4E5-F607-4819-8A2B-3C4D5E6F7081",
                                                         "Endpoint:C3D4E5F6-0718-492A-9B3C-4D5E6F708192"};
    }

    void importsEveryObject()
    {
        QFETCH(QStringList, files);
        QFETCH(QStringList, objects);
        const ImportResult result = importFiles(files);
        QCOMPARE(objectList(result), objects);
        for (const ImportedObject& o : result.report.objects)
            QCOMPARE(o.format, DumpFormat::GoStruct);
    }

    void mapsToV2_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("expected");

        QTest::newRow("v1 endpoint: VirtualNetwork is HostComputeNetwork")
            << "go-hns-v1-endpoint-plusv.log" << int(ResourceKind::Endpoint) << kEndpointV1
            << "/HostComputeNetwork" << QStringLiteral("\"%1\"").arg(kNetwork);
        QTest::newRow("v1 endpoint: address and prefix")
            << "go-hns-v1-endpoint-plusv.log" << int(ResourceKind::Endpoint) << kEndpointV1
            << "/IpConfigurations/0"
            << "{\"IpAddress\":\"10.244.1.6\",\"PrefixLength\":24}";
        QTest::newRow("v1 remote endpoint: Flags")
            << "go-hns-v1-endpoint-plusv.log" << int(ResourceKind::Endpoint) << kEndpointRemote << "/Flags"
            << "1";
        QTest::newRow("v2 %#v endpoint kept")
            << "go-hcn-endpoint-sharpv.log" << int(ResourceKind::Endpoint) << kEndpointSharp << "/MacAddress"
            << "\"00-15-5D-52-C0-05\"";
        QTest::newRow("v1 network: subnet")
            << "go-klog-line.log" << int(ResourceKind::Network) << "8A9B0C1D-2E3F-4051-A6B7-C8D9E0F1A2B3"
            << "/Ipams/0/Subnets/0/IpAddressPrefix"
            << "\"172.29.144.0/20\"";
        QTest::newRow("v1 policy list: ELB frontend")
            << "go-map-slice.log" << int(ResourceKind::LoadBalancer) << "7F8191A2-B3C4-45D6-8F70-8192A3B4C5D7"
            << "/FrontendVIPs"
            << "[\"10.96.12.34\"]";
    }

    void mapsToV2()
    {
        QFETCH(QString, file);
        QFETCH(int, kind);
        QFETCH(QString, id);
        QFETCH(QString, pointer);
        QFETCH(QString, expected);
        const ImportResult result = importFiles({file});
        const json* doc = document(result, ResourceKind(kind), id);
        QVERIFY2(doc, qPrintable(QString::fromStdString(result.snapshot.dump())));
        QCOMPARE(memberAt(*doc, pointer), expected);
    }

    void reportNamesTheFormat()
    {
        const ImportResult result = importFiles({"go-hns-v1-endpoint-plusv.log", "go-hcn-network-plusv.log"});
        const json& objects = result.snapshot["Import"]["Objects"];
        QCOMPARE(int(objects.size()), 3);
        for (const json& o : objects)
            QCOMPARE(QString::fromStdString(o["Format"].get<std::string>()), QStringLiteral("gostruct"));
        const ImportReport back = importReportFromJson(result.snapshot["Import"]);
        QCOMPARE(back.objects.front().format, DumpFormat::GoStruct);
        // The object's text as the log printed it, and no complaint about the network the endpoints name.
        const ImportedObject* network = nullptr;
        for (const ImportedObject& o : result.report.objects)
            if (o.kind == ResourceKind::Network)
                network = &o;
        QVERIFY(network);
        QVERIFY(QString::fromStdString(network->originalText).startsWith("&{Id:5E7A1C2D"));
        for (const ImportMessage& m : result.report.messages)
            QVERIFY2(!QString::fromStdString(m.message).contains("not in the dump"), m.message.c_str());
    }

    void listsOfStructs_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("kindHint");
        QTest::newRow("%+v") << "networks: [{Id:A1 Name:a} {Id:B2 Name:b}]" << int(ResourceKind::Invalid);
        QTest::newRow("%#v")
            << "networks: []hcn.HostComputeNetwork{hcn.HostComputeNetwork{Id:\"A1\", Name:\"a\"}, "
               "hcn.HostComputeNetwork{Id:\"B2\", Name:\"b\"}}"
            << int(ResourceKind::Network);
    }

    void listsOfStructs()
    {
        QFETCH(QString, text);
        QFETCH(int, kindHint);
        const ExtractResult found = extractGoStructDumps(oneLine(text.toStdString()));
        // Each element is a value of its own, with its own text for the report.
        QCOMPARE(int(found.values.size()), 2);
        QCOMPARE(QString::fromStdString(found.values[0].value.dump()), "{\"ID\":\"A1\",\"Name\":\"a\"}");
        QCOMPARE(QString::fromStdString(found.values[1].value.dump()), "{\"ID\":\"B2\",\"Name\":\"b\"}");
        for (const FoundValue& element : found.values) {
            QCOMPARE(int(element.kindHint), kindHint);
            QCOMPARE(element.context, "networks:");
        }
        QVERIFY(QString::fromStdString(found.values[1].sourceText).contains("B2"));
        QVERIFY(!QString::fromStdString(found.values[1].sourceText).contains("A1"));
    }

    void requestsAreNotState()
    {
        // flannel logs the network it is about to ask HNS for; it may never have been created.
        const ImportResult result = importFiles({"go-klog-line.log"});
        QCOMPARE(int(result.report.objects.size()), 2);
        QVERIFY(std::any_of(result.report.messages.begin(), result.report.messages.end(),
                            [](const ImportMessage& m) {
                                return m.firstLine == 4 &&
                                       QString::fromStdString(m.message).startsWith("a request sent to HNS");
                            }));
    }

    /// A request logged before it is sent reads the same wrapped and cut by the paste as on its one line;
    /// a cut dump warns only when it shows an HNS object (an ID holding a GUID, an HNS property name), not
    /// for other Go values, maps or log records cut the same way.
    void cutDumpsWarnOnlyWhenAnHnsObjectIsLost_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("warning"); ///< part of the one warning expected; empty: none
        QTest::addColumn<QString>("info");    ///< part of an info expected; empty: none expected

        const QString request =
            "I1130 20:11:28.539408    3760 hostgw_windows.go:192] Attempting to create bridge "
            "HNSEndpoint &{Id: Name:cbr";
        const QString rest = "0_ep VirtualNetwork:5B1F0A2C-7D3E-4F6A-9B8C-1D2E3F4A5B6C VirtualNetworkName: "
                             "Policies:[] MacAddress: IPAddress:10.244.2.2 DNSSuffix: Namespace:<nil>}";
        QTest::newRow("a request on one line") << request + rest << ""
                                               << "a request sent to HNS";
        QTest::newRow("the request wrapped at the width") << request + "\n" + rest << ""
                                                          << "a request sent to HNS";
        const QString spew = "E1205 10:03:11.204511    4120 proxier.go:997] Remote endpoint creation failed: "
                             "spewConfig (*hcsshim.HNSEndpoint)(0xc000512340)({\n";
        QTest::newRow("a go-spew request without an ID cut by the next log line")
            << "I1205 10:03:11.200000    4120 proxier.go:990] Creating endpoint (*hcsshim.HNSEndpoint)"
               "(0xc000512340)({\n Id: (string) \"\",\n Name: (string) (len=7) \"cbr0_ep\",\n"
               " VirtualNetwork: (string) (len=36) \"6a1b2c3d-4e5f-4a60-8b71-c2d3e4f50617\",\n"
               " IPAddress: (net.IP) (len=16 cap=16) 10.244.8.9,\n"
               " Policies: ([]json.RawMessage) (len=1 cap=1) {\n"
               "I1205 10:03:11.200100    4120 proxier.go:991] done"
            << ""
            << "a request sent to HNS";
        QTest::newRow("a go-spew dump that shows no HNS member, cut")
            << spew + " Name: (string) (len=7) \"cbr0_ep\",\n Type: (string) (len=6) \"Bridge\",\n"
                      " Flags: (uint32) 0,\n"
            << ""
            << "";
        QTest::newRow("a go-spew endpoint with its ID, cut, still warns")
            << spew + " Id: (string) (len=36) \"5b1f0a2c-7d3e-4f6a-9b8c-1d2e3f4a5b6c\",\n"
                      " Name: (string) (len=7) \"cbr0_ep\",\n MacAddress: (string) (len=17) "
                      "\"00-15-5D-B8-08-09\",\n"
            << "the go-spew dump is cut off"
            << "";
        const QString service = "I0318 09:27:33.949724   10164 proxier.go:980] Policy already applied for "
                                "(*winkernel.serviceInfo)(0xc0001b6cf0)({\n"
                                " BaseServiceInfo: (*proxy.BaseServiceInfo)(0xc0009c80c0)({\n"
                                "  clusterIP: (net.IP) (len=16 cap=16) {\n";
        const QString clusterIp =
            "   00000000  00 00 00 00 00 00 00 00  00 00 ff ff 0a 64 07 ff  |.............d..|\n"
            "  },\n  port: (int) 5556,\n  protocol: (v1.Protocol) (len=3) \"TCP\",\n"
            "  nodePort: (int) 0,\n  loadBalancerStatus: (v1.LoadBalancerStatus)\n";
        QTest::newRow("kube-proxy's serviceInfo cut after complete members of its BaseServiceInfo")
            << service + clusterIp << ""
            << "a go-spew dump of kube-proxy's serviceInfo is cut off inside "
               "BaseServiceInfo.loadBalancerStatus (the text ends there); as far as it goes it names no HNS "
               "load balancer (its hnsID is not in the paste)";
        QTest::newRow("kube-proxy's serviceInfo cut inside its first member")
            << service << ""
            << "a go-spew dump of kube-proxy's serviceInfo is cut off inside BaseServiceInfo.clusterIP "
               "(the text ends there); as far as it goes it names no HNS load balancer (its hnsID is not in "
               "the paste)";
        QTest::newRow("kube-proxy's endpointsInfo cut right after it opens")
            << "I0318 09:27:33.949724   10164 proxier.go:980] endpoint "
               "(*winkernel.endpointsInfo)(0xc0003d14a0)({\n"
            << ""
            << "a go-spew dump of kube-proxy's endpointsInfo is cut off before its first member (the text "
               "ends there); as far as it goes it names no HNS endpoint (its hnsID is not in the paste)";
        const QString baseServiceInfo = service + clusterIp.left(clusterIp.indexOf("  loadBalancerStatus")) +
                                        " }),\n targetPort: (int) 8080,\n";
        QTest::newRow("kube-proxy's serviceInfo cut after complete members, before its hnsID")
            << baseServiceInfo +
                   " loadBalancerIngressIPs: ([]*winkernel.loadBalancerIngressInfo) (len=1 cap=1) {\n"
            << ""
            << "a go-spew dump of kube-proxy's serviceInfo is cut off inside loadBalancerIngressIPs (the "
               "text "
               "ends there); as far as it goes it names no HNS load balancer (its hnsID is not in the paste)";
        QTest::newRow("kube-proxy's serviceInfo cut after its hnsID")
            << baseServiceInfo + " hnsID: (string) (len=36) \"39197013-7983-416b-b051-893f59202d19\",\n"
                                 " policyApplied: (bool) true,\n hns: (winkernel.hnsV2) {\n"
            << ""
            << "a go-spew dump of kube-proxy's serviceInfo is cut off inside hns (the text ends there); what "
               "came before is read (the record is no HNS object): it names HNS load balancer "
               "39197013-7983-416b-b051-893f59202d19";
        QTest::newRow("a go-spew endpoint cut right after it opens still warns")
            << spew << "a go-spew dump opens here but ends before any member is complete; not imported"
            << "";
        QTest::newRow("the request wrapped and cut by the paste")
            << request + "\n" + rest.left(rest.indexOf("MacAddress") + 2) << ""
            << "a request sent to HNS";
        QTest::newRow("a net.Interface cut by the paste")
            << "{\"level\":\"debug\",\"msg\":\"[net] Network interface: {Index:7 MTU:1500 Name:vEthernet "
               "(nat) "
               "HardwareAddr:00:15:5d:10:20:30 Flags:up|broadcast|multic"
            << ""
            << "";
        QTest::newRow("a map of endpoint addresses cut by the logger")
            << "I0328 05:35:50.500343    4172 hns.go:172] \"Queried endpoints details\" network=\"vpcbr1\" "
               "endpointInfos={\"10.0.0.4\":{},\"10.0.0.5\":{},\"7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d"
            << ""
            << "";
        QTest::newRow("a CNI plugin's record cut inside its stdinData")
            << "{\"level\":\"info\",\"msg\":\"[cni-net] Processing ADD command\",\"containerId\":\"4e5f\","
               "\"stdinData\":\"{\\\"AdditionalArgs\\\":[{\\\"Name\\\":\\\"EndpointPolicy\\\",\\\"Value\\\":{"
               "\\\"Type\\\":\\\"OutBoundNAT\\\"}},{\\\"Na"
            << ""
            << "";
        QTest::newRow("a Kubernetes object cut by the logger (%#v)")
            << "E0617 20:19:55.159626       1 daemon_controller.go:292] kube-system/kube-proxy failed with : "
               "error storing status for daemon set &v1.DaemonSet{TypeMeta:v1.TypeMeta{Kind:\"\", "
               "APIVersion:\"\"}, ObjectMeta:v1.ObjectMeta{Name:\"kube-proxy\", GenerateName:\"\", "
               "Namespace:\"kube-system\", UID:\"f903bd4b-d005-42e1-a"
            << ""
            << "";
        QTest::newRow("a Kubernetes object cut inside JSON")
            << "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"web\",\"namespace\":"
               "\"default\",\"uid\":\"9c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f\"},\"spec\":{\"containers\":[{"
               "\"name\":\"web\",\"ports\":[{\"containerPort\":80,\"protocol\":\"TC"
            << ""
            << "";
        QTest::newRow("an endpoint whose Namespace is cut still warns")
            << "ep=&{Id:5B1F0A2C-7D3E-4F6A-9B8C-1D2E3F4A5B6C Name:ep1 IPAddress:10.0.0.5 "
               "Namespace:{ID:7c1d2e3f-4a5b"
            << "the Go struct dump is cut off"
            << "";
        QTest::newRow("a kube-proxy record cut, its hnsID nil and its hnsId given")
            << "I0318 09:27:33.949724   10164 proxier.go:980] endpoint "
               "(*winkernel.endpointsInfo)(0xc0003d14a0)({\n"
               " ip: (string) (len=9) \"10.0.0.12\",\n"
               " port: (uint16) 80,\n"
               " hnsID: (*string)(<nil>),\n"
               " hnsId: (string) (len=36) \"39197013-7983-416b-b051-893f59202d19\",\n"
               " refCount: (*uint1"
            << ""
            << "it names HNS endpoint 39197013-7983-416b-b051-893f59202d19";
        QTest::newRow("an endpoint cut by the logger still warns")
            << "ep=&{Id:5B1F0A2C-7D3E-4F6A-9B8C-1D2E3F4A5B6C Name:ep1 IPAddress:10.0.0.5 DNSSuffix:svc.clu"
            << "the Go struct dump is cut off"
            << "";
        QTest::newRow("an endpoint cut inside JSON still warns")
            << "{\"ID\":\"5B1F0A2C-7D3E-4F6A-9B8C-1D2E3F4A5B6C\",\"Name\":\"ep1\",\"IPAddress\":\"10.0.0.5\","
               "\"DNSSuffix\":\"svc"
            << "the value is cut off"
            << "";
    }

    void cutDumpsWarnOnlyWhenAnHnsObjectIsLost()
    {
        QFETCH(QString, text);
        QFETCH(QString, warning);
        QFETCH(QString, info);
        Result<ImportResult> imported = importDump({{"log", text.toStdString()}});
        QVERIFY(imported.ok());
        QStringList warnings;
        QStringList infos;
        for (const ImportMessage& m : imported->report.messages)
            (m.severity == ImportSeverity::Warning ? warnings : infos) << QString::fromStdString(m.message);
        if (warning.isEmpty())
            QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(" | ")));
        else
            QVERIFY2(warnings.size() == 1 && warnings.front().contains(warning),
                     qPrintable(warnings.join(" | ")));
        if (info.isEmpty())
            QVERIFY2(
                std::none_of(infos.begin(), infos.end(), [](const QString& i) { return i.contains("cut"); }),
                qPrintable(infos.join(" | ")));
        else
            QVERIFY2(
                std::any_of(infos.begin(), infos.end(), [&](const QString& i) { return i.contains(info); }),
                qPrintable(infos.join(" | ")));
    }

    /// A dump the line ends in right after its ID, or inside it (a log viewer's or a logger's cut): a
    /// whole GUID is all of the ID, so the object imports with it and the warning says where the dump
    /// was cut; an ID cut inside is nothing complete, and when the type printed or the words before say
    /// which HNS object it was, the warning names what was lost. Other structs and requests lose none.
    void cutAtTheId_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("objects");
        QTest::addColumn<QStringList>("warnings"); ///< "line: part of the warning", one per warning, in order

        QTest::newRow("a whole GUID, then the line ends")
            << "go-cut-after-whole-id.log"
            << QStringList{"Endpoint:A4C2E6F8-1B3D-4E5F-8A7B-9C0D1E2F3A4B",
                           "Network:0F1E2D3C-4B5A-4697-8877-665544332211",
                           "Network:6D0E4A7B-2F19-4C83-B5A6-91E0D2C4F7A8"}
            << QStringList{"3: the Go struct dump is cut off after Id (the line ends there); only what came "
                           "before the cut is read",
                           "5: the Go struct dump is cut off after Id (the line ends there)",
                           "7: the Go struct dump is cut off after Id (the line ends there)"};
        QTest::newRow("cut inside the GUID")
            << "go-cut-inside-id.log" << QStringList{}
            << QStringList{
                   "3: a Go struct dump of an HNS network is cut off inside its Id, after 8B3E61D0-77C4-; "
                   "nothing of the network is complete; not imported",
                   "5: a Go struct dump of an HNS endpoint is cut off inside its Id, after c47d2e90-5a1b-4f",
                   "7: a Go struct dump of an HNS load balancer is cut off inside its Id, after 2e9a",
                   "9: a Go struct dump opens here but the line ends before any member is complete",
                   "11: a Go struct dump opens here but the line ends before any member is complete"};
    }

    void cutAtTheId()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, objects);
        QFETCH(QStringList, warnings);
        const ImportResult result = importFiles({file});
        QCOMPARE(objectList(result), objects);
        QStringList warned;
        for (const ImportMessage& m : result.report.messages)
            if (m.severity == ImportSeverity::Warning)
                warned << QString::number(m.firstLine) + ": " + QString::fromStdString(m.message);
        QCOMPARE(warned.size(), warnings.size());
        for (int i = 0; i < warnings.size(); ++i)
            QVERIFY2(warned[i].startsWith(warnings[i]), qPrintable(warned[i]));
        for (const ImportedObject& o : result.report.objects)
            QVERIFY2(std::any_of(o.lost.begin(), o.lost.end(),
                                 [](const std::string& l) {
                                     return l == "the dump ends after Id; what followed is unknown";
                                 }),
                     o.id.c_str());
    }

    /// json.RawMessage bytes the line end cut (`Policies:[[123 34 84 ...`) are one loss on the member,
    /// its path the object's own also when the object is a list's element; so are whole bytes that are
    /// not JSON, the loss saying what is wrong with them.
    void aCutInsideJsonBytesIsOneLoss_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("lost"); ///< the object's losses that name the bytes or the cut

        const QString head =
            QStringLiteral("2026-12-01 10:20:50.150 [INFO][1096] startup/dataplane_windows.go 325: "
                           "Found existing HNS network ");
        const QString members = QStringLiteral(
            "Id:5D8E2A47-1C3B-4F69-8E07-A2B4C6D8E0F1 Name:Calico Type:Overlay NetworkAdapterName: "
            "SourceMac: Policies:[");
        // `{"Type":"VNet` as bytes, cut there.
        const QString cutBytes = QStringLiteral("[123 34 84 121 112 101 34 58 34 86 78 101 116");
        QTest::newRow("a list of one struct, cut inside its policy's bytes")
            << head + "[&{" + members + cutBytes + "\n"
            << QStringList{"Policies[0]: cut off inside its JSON bytes (json.RawMessage); left out"};
        QTest::newRow("a struct alone, cut inside its policy's bytes")
            << head + "&{" + members + cutBytes + "\n"
            << QStringList{"Policies[0]: cut off inside its JSON bytes (json.RawMessage); left out"};
        QTest::newRow("whole bytes that are no JSON: one loss saying why")
            << head + "[&{" + members + "[123 34 84 125]] Subnets:[]}]\n"
            << QStringList{"Policies[0]: its JSON bytes are not valid JSON: parse error at line 1, column 5"};
        QTest::newRow("whole bytes that are no JSON, in a struct alone")
            << head + "&{" + members + "[123 34 84 125]] Subnets:[]}\n"
            << QStringList{"Policies[0]: its JSON bytes are not valid JSON: parse error at line 1, column 5"};
    }

    void aCutInsideJsonBytesIsOneLoss()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, lost);
        const Result<ImportResult> result = importDump({{"calico.log", text.toStdString()}});
        QVERIFY(result.ok());
        QCOMPARE(objectList(*result), QStringList{"Network:5D8E2A47-1C3B-4F69-8E07-A2B4C6D8E0F1"});
        const ImportedObject& network = result->report.objects.front();
        // Nothing else is said of the bytes (no "not in a shape HNS writes" for a null left in the list).
        QStringList got;
        for (const std::string& l : network.lost)
            got << QString::fromStdString(l);
        QCOMPARE(got.size(), lost.size());
        for (int i = 0; i < lost.size(); ++i)
            QVERIFY2(got[i].startsWith(lost[i]), qPrintable(got[i]));
        const json* doc = document(*result, ResourceKind::Network, "5D8E2A47-1C3B-4F69-8E07-A2B4C6D8E0F1");
        QVERIFY(doc);
        QCOMPARE(QString::fromStdString(doc->value("Name", "")), QStringLiteral("Calico"));
    }

    /// A dump that lists several structs (%+v `[{...} {...}]` and `&[...]`, %#v `[]hcn.X{hcn.X{...}}`,
    /// go-spew's list of pointers) gives one object each, and each says what it lost as a struct dumped
    /// alone does: its own losses only, from its own paths.
    void eachListElementSaysItsOwnLosses_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("objects"); ///< objects the file imports as
        QTest::addColumn<QString>("id");
        QTest::addColumn<QStringList>("lost"); ///< the start of each of the object's losses, in order

        const QString plus = "go-list-element-losses.log";
        const QString notJson = "its JSON bytes are not valid JSON: parse error at line 1, column 8";
        QTest::newRow("%+v list: the first element keeps none of the second's")
            << plus << 6 << "7C1A2B3D-4E5F-4A60-8B71-C2D3E4F50611" << QStringList{};
        QTest::newRow("%+v list: the second element's losses, from the object")
            << plus << 6 << "7C1A2B3D-4E5F-4A60-8B71-C2D3E4F50622"
            << QStringList{"Policies[1]: " + notJson,
                           "Namespace: printed as a pointer (0xc000a4e1b0); its value is unknown"};
        QTest::newRow("%#v list in a log field: bytes of a member")
            << plus << 6 << "8D2B3C4E-5F60-4B71-9C82-D3E4F5061733"
            << QStringList{"Policies[0].Settings: its JSON bytes are not valid JSON: parse error at line 1, "
                           "column 2"};
        QTest::newRow("%#v list in a log field: a pointer of the second element")
            << plus << 6 << "8D2B3C4E-5F60-4B71-9C82-D3E4F5061744"
            << QStringList{"Namespace: printed as a pointer (0xc0001f2040); its value is unknown"};
        QTest::newRow("&[...] list: the first element keeps none of the second's")
            << plus << 6 << "9E3C4D5F-6071-4C82-AD93-E4F506172855" << QStringList{};
        QTest::newRow("&[...] list: whole bytes that are no JSON are one loss")
            << plus << 6 << "9E3C4D5F-6071-4C82-AD93-E4F506172866" << QStringList{"Policies[1]: " + notJson};

        const QString spew = "go-spew-list-of-pointers.log";
        QTest::newRow("go-spew list of pointers: the first element")
            << spew << 2 << "5A1B2C3D-4E5F-4A60-8B71-C2D3E4F50681"
            << QStringList{"Namespace: printed once already; left out"};
        QTest::newRow("go-spew list of pointers: whole bytes that are no JSON are one loss")
            << spew << 2 << "5A1B2C3D-4E5F-4A60-8B71-C2D3E4F50692"
            << QStringList{
                   "Policies[0]: its JSON bytes are not valid JSON: parse error at line 1, column 23"};
    }

    void eachListElementSaysItsOwnLosses()
    {
        QFETCH(QString, file);
        QFETCH(int, objects);
        QFETCH(QString, id);
        QFETCH(QStringList, lost);
        const ImportResult result = importFiles({file});
        QCOMPARE(int(result.report.objects.size()), objects);
        const auto it = std::find_if(
            result.report.objects.begin(), result.report.objects.end(), [&](const ImportedObject& o) {
                return QString::fromStdString(o.id).compare(id, Qt::CaseInsensitive) == 0;
            });
        QVERIFY2(it != result.report.objects.end(), qPrintable(id));
        QStringList got;
        for (const std::string& l : it->lost)
            got << QString::fromStdString(l);
        QVERIFY2(got.size() == lost.size(), qPrintable(got.join(" | ")));
        for (int i = 0; i < lost.size(); ++i)
            QVERIFY2(got[i].startsWith(lost[i]), qPrintable(got[i]));
        // The report lines a user reads name no path within the list (`[1].Policies`).
        const QRegularExpression listPath("(^|: |; )\\[\\d+\\]");
        for (const ImportMessage& m : result.report.messages)
            QVERIFY2(!QString::fromStdString(m.message).contains(listPath), m.message.c_str());
        // Each object's text is its own element.
        QVERIFY2(QString::fromStdString(it->originalText).contains(id, Qt::CaseInsensitive),
                 it->originalText.c_str());
        for (const ImportedObject& o : result.report.objects)
            if (&o != &*it)
                QVERIFY(!QString::fromStdString(it->originalText)
                             .contains(QString::fromStdString(o.id), Qt::CaseInsensitive));
    }

    /// The last element of a list the line ends inside its Id keeps what the Id shows, as a struct
    /// dumped alone does: it is the object of its kind seen whole whose ID starts so, also when nothing
    /// but the Id shows; when no object fits, the warning names the object lost; a whole GUID at the
    /// end is the element's ID.
    void aListElementCutInsideItsId_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("objects");
        QTest::addColumn<QStringList>("warnings"); ///< "line: start of the warning", in order
        QTest::addColumn<QStringList>("notes");    ///< notes of the network 4B2E7A91-...

        const QString whole = "4B2E7A91-3C5D-4F68-9A01-B2C3D4E5F607";
        const QStringList both{"Network:1C3E5A79-2B4D-4E6F-8A90-C1D2E3F4A5B6", "Network:" + whole};
        const QString file = QString::fromUtf8(readDump("go-list-cut-inside-id.log"));
        const QStringList lines = file.split('\n');
        const QString head = "I1204 09:02:11.300400    3104 hns.go:128] Found existing HNS networks ";
        const QString nat = "{Id:1C3E5A79-2B4D-4E6F-8A90-C1D2E3F4A5B6 Name:nat Type:NAT}";
        QTest::newRow("%+v: after members, the network seen whole")
            << lines[0] + "\n" + lines[1] << both
            << QStringList{"2: the Go struct dump is cut off (the line ends inside it)"}
            << QStringList{"also shown in log line 2 (Go struct dump), cut off inside its ID after "
                           "4b2e7a91-3c5d-4f68-9a"};
        QTest::newRow("%#v: after members, the network seen whole")
            << lines[0] + "\n" + lines[2] << QStringList{"Network:" + whole} << QStringList{}
            << QStringList{"also shown in log line 2 (Go struct dump), cut off inside its ID after "
                           "4B2E7A91-3C5D-4F68"};
        QTest::newRow("the whole file: both cut lines are that network")
            << file << both << QStringList{"2: the Go struct dump is cut off"}
            << QStringList{"also shown in log line 2 (Go struct dump), cut off inside its ID after 4b2e7a91",
                           "also shown in log line 3 (Go struct dump), cut off inside its ID after 4B2E7A91"};
        QTest::newRow("nothing but the Id shows: the network seen whole")
            << lines[0] + "\n" + head + "[" + nat + " {Id:4b2e7a91-3c5d" << both << QStringList{}
            << QStringList{"also shown in log line 2 (Go struct dump), cut off inside its ID after "
                           "4b2e7a91-3c5d"};
        QTest::newRow("nothing but the Id shows, no network seen whole: the warning names it lost")
            << head + "[" + nat + " {Id:4b2e7a91-3c5d" << QStringList{both.front()}
            << QStringList{"1: a Go struct dump of an HNS network is cut off inside its Id, after "
                           "4b2e7a91-3c5d; "
                           "nothing of the network is complete; not imported"}
            << QStringList{};
        QTest::newRow("a whole GUID ends the list: the element's ID")
            << head + "[" + nat + " {Id:" + whole << both
            << QStringList{"1: the Go struct dump is cut off after Id (the line ends there)"}
            << QStringList{};
    }

    void aListElementCutInsideItsId()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, objects);
        QFETCH(QStringList, warnings);
        QFETCH(QStringList, notes);
        const Result<ImportResult> result = importDump({{"log", text.toStdString()}});
        QVERIFY(result.ok());
        QCOMPARE(objectList(*result), objects);
        QStringList warned;
        for (const ImportMessage& m : result->report.messages)
            if (m.severity == ImportSeverity::Warning)
                warned << QString::number(m.firstLine) + ": " + QString::fromStdString(m.message);
        QVERIFY2(warned.size() == warnings.size(), qPrintable(warned.join(" | ")));
        for (int i = 0; i < warnings.size(); ++i)
            QVERIFY2(warned[i].startsWith(warnings[i]), qPrintable(warned[i]));
        QStringList noted;
        for (const ImportedObject& o : result->report.objects)
            if (o.id == "4B2E7A91-3C5D-4F68-9A01-B2C3D4E5F607")
                for (const std::string& n : o.notes)
                    if (QString::fromStdString(n).startsWith("also shown"))
                        noted << QString::fromStdString(n);
        QVERIFY2(noted.size() == notes.size(), qPrintable(noted.join(" | ")));
        for (int i = 0; i < notes.size(); ++i)
            QVERIFY2(noted[i].startsWith(notes[i]), qPrintable(noted[i]));
        // No object is made up from the cut one, and none keeps the cut as a loss once merged.
        for (const ImportedObject& o : result->report.objects)
            QVERIFY2(!o.idMadeUp, o.id.c_str());
    }

    /// A %#v list on one line (`[]hcsshim.HNSNetwork{hcsshim.HNSNetwork{...}, ...}`, and the pointer
    /// form `[]*hcsshim.HNSEndpoint{&hcsshim.HNSEndpoint{...}, ...}` in a logrus field) is read as %#v:
    /// each element an object of its own, its strings unquoted, its nested typed structs and bytes read.
    void readsSharpVListsOnOneLine_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("expected"); ///< compact JSON

        const int network = int(ResourceKind::Network);
        const int endpoint = int(ResourceKind::Endpoint);
        const QString cbr0 = "3a1b2c3d-4e5f-4a60-8b71-c2d3e4f50601";
        const QString nat = "4b2c3d4e-5f60-4b71-9c82-d3e4f5061702";
        const QString podA = "5c3d4e5f-6071-4c82-ad93-e4f506172803";
        const QString podB = "6d4e5f60-7182-4d93-be04-f50617283904";
        QTest::newRow("value list: a quoted name, unquoted") << network << cbr0 << "/Name"
                                                             << "\"cbr0\"";
        QTest::newRow("value list: the type") << network << cbr0 << "/Type"
                                              << "\"L2Bridge\"";
        QTest::newRow("value list: a typed nested struct")
            << network << cbr0 << "/MacPool/Ranges/0/EndMacAddress"
            << "\"00-15-5D-AA-FF-FF\"";
        QTest::newRow("value list: the second element's own subnet")
            << network << nat << "/Ipams/0/Subnets/0/IpAddressPrefix"
            << "\"172.30.16.0/20\"";
        QTest::newRow("value list: the second element's own type") << network << nat << "/Type"
                                                                   << "\"NAT\"";
        QTest::newRow("pointer list: net.IP bytes") << endpoint << podA << "/IpConfigurations/0"
                                                    << "{\"IpAddress\":\"10.244.1.5\",\"PrefixLength\":24}";
        QTest::newRow("pointer list: the second element's own address")
            << endpoint << podB << "/IpConfigurations/0/IpAddress"
            << "\"10.244.1.6\"";
        QTest::newRow("pointer list: the second element's own MAC") << endpoint << podB << "/MacAddress"
                                                                    << "\"00-15-5D-AA-01-06\"";
        QTest::newRow("pointer list: its network")
            << endpoint << podB << "/HostComputeNetwork" << '"' + cbr0 + '"';
    }

    void readsSharpVListsOnOneLine()
    {
        QFETCH(int, kind);
        QFETCH(QString, id);
        QFETCH(QString, pointer);
        QFETCH(QString, expected);
        const ImportResult result = importFiles({"go-sharpv-lists-one-line.log"});
        QCOMPARE(objectList(result), (QStringList{"Endpoint:5C3D4E5F-6071-4C82-AD93-E4F506172803",
                                                  "Endpoint:6D4E5F60-7182-4D93-BE04-F50617283904",
                                                  "Network:3A1B2C3D-4E5F-4A60-8B71-C2D3E4F50601",
                                                  "Network:4B2C3D4E-5F60-4B71-9C82-D3E4F5061702"}));
        const json* doc = document(result, ResourceKind(kind), id);
        QVERIFY(doc);
        QCOMPARE(memberAt(*doc, pointer), expected);
        // Each object's text is its own element, and nothing is lost or warned.
        for (const ImportedObject& o : result.report.objects) {
            QVERIFY(o.lost.empty());
            QVERIFY(QString::fromStdString(o.originalText).contains(QString::fromStdString(o.id)));
            for (const ImportedObject& other : result.report.objects)
                QVERIFY(&other == &o || other.kind != o.kind ||
                        !QString::fromStdString(o.originalText)
                             .contains(QString::fromStdString(other.id), Qt::CaseInsensitive));
        }
        for (const ImportMessage& m : result.report.messages)
            QVERIFY2(m.severity != ImportSeverity::Warning, m.message.c_str());
    }

    /// %#v of a list of pointers prints each one's address only: the report says once what the lists
    /// show and that nothing of them is imported; no reader takes them for a dump that was cut.
    void aListOfPointersHoldsNoObject_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("lines");     ///< of the file
        QTest::addColumn<QString>("info");  ///< the start of the one thing said, empty: nothing
        QTest::addColumn<int>("firstLine"); ///< of the info
        QTest::addColumn<int>("lastLine");

        const QString lists = "go-pointer-lists.log";
        QTest::newRow("one list") << lists << 1
                                  << "a Go list printed with %#v holds only the addresses of 2 HNS networks "
                                     "(0xc0001a2000, ...), not their members; nothing of them is imported"
                                  << 1 << 1;
        QTest::newRow("two lists")
            << lists << 2
            << "2 Go lists printed with %#v hold only the addresses of 2 HNS networks and 3 HNS endpoints "
               "(0xc0001a2000, ...), not their members; nothing of them is imported"
            << 1 << 2;
        QTest::newRow("%+v addresses of the same endpoints after them: one info, each address once")
            << lists << 3
            << "3 Go lists printed with %#v and %+v hold only the addresses of 2 HNS networks and 3 HNS "
               "endpoints (0xc0001a2000, ...), not their members; nothing of them is imported"
            << 1 << 3;
        const QString maps = "go-pointer-maps.log";
        QTest::newRow("a %#v map of pointers: no JSON warning")
            << maps << 1
            << "a Go map printed with %#v holds only the addresses of 2 HNS endpoints (0xc000123456, ...), "
               "not their members; nothing of them is imported. A log printing each object (%+v of the "
               "object, not of the map) shows them"
            << 1 << 1;
        QTest::newRow("a %+v list of addresses after it")
            << maps << 2
            << "2 Go lists and maps printed with %#v and %+v hold only the addresses of 4 HNS endpoints "
               "(0xc000123456, ...)"
            << 1 << 2;
        QTest::newRow("a %+v map of addresses, one of them nil")
            << maps << 3
            << "3 Go lists and maps printed with %#v and %+v hold only the addresses of 6 HNS endpoints "
               "(0xc000123456, ...)"
            << 1 << 3;
        QTest::newRow("a %+v field of pointers whose name tells their kind")
            << "go-pointer-field.log" << 1
            << "a Go list printed with %+v holds only the addresses of 2 HNS endpoints (0xc000412000, ...), "
               "not their members"
            << 1 << 1;
        QTest::newRow("a %+v list of addresses alone")
            << maps << -2
            << "a Go list printed with %+v holds only the addresses of 2 HNS endpoints (0xc0001a2b30, ...), "
               "not their members"
            << 1 << 1;
    }

    void aListOfPointersHoldsNoObject()
    {
        QFETCH(QString, file);
        QFETCH(int, lines);
        QFETCH(QString, info);
        QFETCH(int, firstLine);
        QFETCH(int, lastLine);
        // lines < 0: that line alone.
        const QStringList all = QString::fromUtf8(readDump(file)).split('\n');
        const QStringList text = lines < 0 ? all.mid(-lines - 1, 1) : all.mid(0, lines);
        const Result<ImportResult> result = importDump({{"log", text.join('\n').toStdString()}});
        QVERIFY(result.ok());
        QCOMPARE(int(result->report.objects.size()), 0);
        QStringList said;
        for (const ImportMessage& m : result->report.messages)
            if (m.severity != ImportSeverity::Error) {
                said << QString::fromStdString(m.message);
                QCOMPARE(m.severity, ImportSeverity::Info);
                QCOMPARE(m.firstLine, firstLine);
                QCOMPARE(m.lastLine, lastLine);
            }
        QVERIFY2(said.size() == 1 && said.front().startsWith(info), qPrintable(said.join(" | ")));
        QVERIFY(std::any_of(result->report.messages.begin(), result->report.messages.end(),
                            [](const ImportMessage& m) { return m.severity == ImportSeverity::Error; }));
        const std::vector<CleanedLine> cleaned = cleanPastedText(text.join('\n').toStdString());
        QVERIFY(extractGoSpewDumps(cleaned).warnings.empty());
    }

    /// Addresses of anything but HNS objects (the words before them name no kind), and a %#v map whose
    /// pointers are all nil, say nothing: no info, no JSON warning.
    void addressesOfOtherThingsSayNothing_data()
    {
        QTest::addColumn<QString>("text");
        const QString head = "I1205 11:02:01.100200    4120 proxier.go:412] ";
        QTest::newRow("%+v list, no kind named") << head + "handlers [0xc0001a2b30 0xc0001a2c60]";
        QTest::newRow("%+v list of small hex numbers") << head + "endpoint flags [0x1 0x18]";
        QTest::newRow("%+v field of pointers its name tells are no HNS objects")
            << head + "\"Hns Network loaded\" hnsNetworkInfo=&{networkType:Overlay "
                      "remoteSubnets:[0xc00059e1c0 0xc00059e240 0xc00059e2c0]}";
        QTest::newRow("%#v map of nil pointers")
            << head + "endpoints: "
                      "map[string]*hcn.HostComputeEndpoint{\"pod-a\":(*hcn.HostComputeEndpoint)(nil)}";
    }

    void addressesOfOtherThingsSayNothing()
    {
        QFETCH(QString, text);
        const Result<ImportResult> result = importDump({{"log", text.toStdString()}});
        QVERIFY(result.ok());
        QStringList said;
        for (const ImportMessage& m : result->report.messages)
            if (m.severity != ImportSeverity::Error)
                said << QString::fromStdString(m.message);
        QVERIFY2(said.isEmpty(), qPrintable(said.join(" | ")));
    }

    /// A %#v map (`map[string]hcn.HostComputeEndpoint{"pod-a_eth0":hcn.HostComputeEndpoint{...}}`, of
    /// pointers `&hcn.X{...}` too) is read as Go: each HNS struct it holds is an object, and a map of
    /// other structs (kube-proxy's endpointInfo) is no object; its `{"` costs no JSON warning.
    void sharpVMapsAreReadAsGoDumps_data()
    {
        QTest::addColumn<int>("line"); ///< of go-sharpv-maps.log, 0: all
        QTest::addColumn<QStringList>("objects");
        QTest::addColumn<QStringList>("names"); ///< of the objects, in their order

        const QString network = "Network:7B2C3D4E-5F60-4B71-8C82-D3E4F5061722";
        const QString podA = "Endpoint:6A1B2C3D-4E5F-4A60-8B71-C2D3E4F50611";
        const QString podB = "Endpoint:6A1B2C3D-4E5F-4A60-8B71-C2D3E4F50612";
        QTest::newRow("values that are structs: each an object")
            << 1 << QStringList{podA, podB} << QStringList{"pod-a_eth0", "pod-b_eth0"};
        QTest::newRow("values that are pointers to structs")
            << 2 << QStringList{network} << QStringList{"cbr0"};
        QTest::newRow("values that are no HNS objects: nothing, and no warning")
            << 3 << QStringList{} << QStringList{};
        QTest::newRow("the whole file")
            << 0 << QStringList{podA, podB, network} << QStringList{"pod-a_eth0", "pod-b_eth0", "cbr0"};
    }

    void sharpVMapsAreReadAsGoDumps()
    {
        QFETCH(int, line);
        QFETCH(QStringList, objects);
        QFETCH(QStringList, names);
        const QString file = QString::fromUtf8(readDump("go-sharpv-maps.log"));
        const QString text = line == 0 ? file : file.split('\n')[line - 1];
        const Result<ImportResult> result = importDump({{"log", text.toStdString()}});
        QVERIFY(result.ok());
        QCOMPARE(objectList(*result), objects);
        for (const ImportMessage& m : result->report.messages)
            QVERIFY2(m.severity != ImportSeverity::Warning, m.message.c_str());
        QStringList named;
        for (const QString& object : objects) {
            const ResourceKind kind =
                object.startsWith("Network") ? ResourceKind::Network : ResourceKind::Endpoint;
            const json* doc = document(*result, kind, object.section(':', 1));
            QVERIFY(doc);
            named << QString::fromStdString(doc->value("Name", ""));
        }
        QCOMPARE(named, names);
    }

    /// A %#v list whose last element the paste cuts inside its quoted Id warns as a struct dumped alone
    /// cut there does, in both list forms: keeping what the Id shows, so that the one object seen whole
    /// whose ID starts so is it (also when nothing but the Id shows); when nothing but the Id shows and
    /// no object or several fit, naming the object lost (several: saying so).
    void aSharpVListElementCutInsideItsQuotedId_data()
    {
        QTest::addColumn<QString>("list");
        QTest::addColumn<QString>("alone");   ///< the cut element as a struct alone, after the same text
        QTest::addColumn<QString>("warning"); ///< the one warning of both; empty: none (the cut lost
                                              ///< nothing of the endpoint seen whole)
        QTest::addColumn<QStringList>("objects");
        QTest::addColumn<QString>("note"); ///< the start of a note of the object seen whole; empty: none
        const QString head = "I1205 10:12:01.100200    4120 hns.go:88] endpoints: ";
        const QString podA = "Id:\"5c3d4e5f-6071-4c82-ad93-e4f506172803\", Name:\"pod-a_eth0\", "
                             "IPAddress:net.IP{0xa, 0xf4, 0x1, 0x5}, PrefixLength:0x18}, ";
        const QString lost =
            "a Go struct dump of an HNS endpoint is cut off inside its Id, after 2b4a35bf-1c2d; "
            "nothing of the endpoint is complete; not imported";
        const QStringList a{"Endpoint:5C3D4E5F-6071-4C82-AD93-E4F506172803"};
        QTest::newRow("value list") << head + "[]hcsshim.HNSEndpoint{hcsshim.HNSEndpoint{" + podA +
                                           "hcsshim.HNSEndpoint{Id:\"2b4a35bf-1c2d"
                                    << head + "hcsshim.HNSEndpoint{Id:\"2b4a35bf-1c2d" << lost << a
                                    << QString();
        QTest::newRow("pointer list")
            << head + "[]*hcsshim.HNSEndpoint{&hcsshim.HNSEndpoint{" + podA +
                   "&hcsshim.HNSEndpoint{Id:\"2b4a35bf-1c2d"
            << head + "&hcsshim.HNSEndpoint{Id:\"2b4a35bf-1c2d" << lost << a << QString();
        const QString whole = "I1205 10:12:00.100200    4120 hns.go:90] endpoint: &hcsshim.HNSEndpoint{"
                              "Id:\"2b4a35bf-1c2d-4e3f-8a5b-6c7d8e9f0a1b\", Name:\"pod-c_eth0\", "
                              "PrefixLength:0x18}\n";
        QTest::newRow("pointer list, a member before the Id: the endpoint seen whole")
            << whole + head + "[]*hcsshim.HNSEndpoint{&hcsshim.HNSEndpoint{" + podA +
                   "&hcsshim.HNSEndpoint{Name:\"pod-c_eth0\", Id:\"2b4a35bf-1c2d"
            << whole + head + "&hcsshim.HNSEndpoint{Name:\"pod-c_eth0\", Id:\"2b4a35bf-1c2d" << QString()
            << QStringList{"Endpoint:2B4A35BF-1C2D-4E3F-8A5B-6C7D8E9F0A1B", a.front()}
            << "also shown in log line 2 (Go struct dump), cut off inside its ID after 2b4a35bf-1c2d";
        QTest::newRow("pointer list, nothing but the Id: the endpoint seen whole")
            << whole + head + "[]*hcsshim.HNSEndpoint{&hcsshim.HNSEndpoint{" + podA +
                   "&hcsshim.HNSEndpoint{Id:\"2b4a35bf-1c2d"
            << whole + head + "&hcsshim.HNSEndpoint{Id:\"2b4a35bf-1c2d" << QString()
            << QStringList{"Endpoint:2B4A35BF-1C2D-4E3F-8A5B-6C7D8E9F0A1B", a.front()}
            << "also shown in log line 2 (Go struct dump), cut off inside its ID after 2b4a35bf-1c2d";
        QTest::newRow("value list, nothing but the Id, another case: the endpoint seen whole")
            << whole + head + "[]hcsshim.HNSEndpoint{hcsshim.HNSEndpoint{" + podA +
                   "hcsshim.HNSEndpoint{Id:\"2B4A35BF-1C2D-4E"
            << whole + head + "hcsshim.HNSEndpoint{Id:\"2B4A35BF-1C2D-4E" << QString()
            << QStringList{"Endpoint:2B4A35BF-1C2D-4E3F-8A5B-6C7D8E9F0A1B", a.front()}
            << "also shown in log line 2 (Go struct dump), cut off inside its ID after 2B4A35BF-1C2D-4E";
        const QString twin = "I1205 10:12:00.200200    4120 hns.go:90] endpoint: &hcsshim.HNSEndpoint{"
                             "Id:\"2b4a35bf-1c2d-4f00-9a5b-0c7d8e9f0a1c\", Name:\"pod-d_eth0\", "
                             "PrefixLength:0x18}\n";
        QTest::newRow("pointer list, nothing but the Id, two endpoints start so: ambiguous")
            << whole + twin + head + "[]*hcsshim.HNSEndpoint{&hcsshim.HNSEndpoint{" + podA +
                   "&hcsshim.HNSEndpoint{Id:\"2b4a35bf-1c2d"
            << whole + twin + head + "&hcsshim.HNSEndpoint{Id:\"2b4a35bf-1c2d"
            << "a Go struct dump of an HNS endpoint is cut off inside its Id, after 2b4a35bf-1c2d; nothing "
               "of "
               "the endpoint is complete; 2b4a35bf-1c2d starts the IDs of 2 endpoints in the dump, which is "
               "ambiguous; not imported"
            << QStringList{"Endpoint:2B4A35BF-1C2D-4E3F-8A5B-6C7D8E9F0A1B",
                           "Endpoint:2B4A35BF-1C2D-4F00-9A5B-0C7D8E9F0A1C", a.front()}
            << QString();
    }

    void aSharpVListElementCutInsideItsQuotedId()
    {
        QFETCH(QString, list);
        QFETCH(QString, alone);
        QFETCH(QString, warning);
        QFETCH(QStringList, objects);
        QFETCH(QString, note);
        const auto warnings = [](const QString& text) {
            const Result<ImportResult> result = importDump({{"log", text.toStdString()}});
            QStringList warned;
            for (const ImportMessage& m : result->report.messages)
                if (m.severity == ImportSeverity::Warning)
                    warned << QString::fromStdString(m.message);
            return warned;
        };
        const QStringList fromList = warnings(list);
        QCOMPARE(fromList, warnings(alone));
        QCOMPARE(fromList, warning.isEmpty() ? QStringList{} : QStringList{warning});
        const Result<ImportResult> result = importDump({{"log", list.toStdString()}});
        QCOMPARE(objectList(*result), objects);
        QStringList notes;
        for (const ImportedObject& o : result->report.objects) {
            QVERIFY(!o.idMadeUp);
            for (const std::string& n : o.notes)
                if (QString::fromStdString(n).startsWith("also shown"))
                    notes << QString::fromStdString(n);
        }
        QCOMPARE(notes.size(), note.isEmpty() ? 0 : 1);
        if (!note.isEmpty())
            QVERIFY2(notes.front().startsWith(note), qPrintable(notes.front()));
    }

    /// In a list a console wrapped, only the element spread over several lines says its lines were
    /// joined; each element has its own lines, and the repairs (bytes read as JSON or as an address) and
    /// the cut of the element they were made in.
    void eachListElementSaysItsOwnRepairs_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("index");
        QTest::addColumn<int>("firstLine");
        QTest::addColumn<int>("lastLine");
        QTest::addColumn<QStringList>("repairs");
        QTest::addColumn<QStringList>("losses");

        const QString whole = "go-sharpv-list-second-wrapped.log";
        const QString cut = "go-sharpv-list-second-wrapped-cut.log";
        const QStringList second{"joined the 3 lines the dump was spread over",
                                 "read an IP address from its bytes (net.IP)",
                                 "read the bytes of a json.RawMessage as JSON"};
        QTest::newRow("the first element, on the first line alone")
            << whole << 0 << 1 << 1 << QStringList{} << QStringList{};
        QTest::newRow("the second element, wrapped") << whole << 1 << 1 << 3 << second << QStringList{};
        QTest::newRow("cut: the first element is whole")
            << cut << 0 << 1 << 1 << QStringList{} << QStringList{};
        QTest::newRow("cut: the second element keeps the cut")
            << cut << 1 << 1 << 3 << second
            << QStringList{"the dump ends inside this value in MacAddress; what followed is unknown"};
    }

    void eachListElementSaysItsOwnRepairs()
    {
        QFETCH(QString, file);
        QFETCH(int, index);
        QFETCH(int, firstLine);
        QFETCH(int, lastLine);
        QFETCH(QStringList, repairs);
        QFETCH(QStringList, losses);
        const ExtractResult found = readGoDumps(file);
        QCOMPARE(int(found.values.size()), 2);
        const FoundValue& value = found.values[std::size_t(index)];
        QCOMPARE(value.firstLine, firstLine);
        QCOMPARE(value.lastLine, lastLine);
        QStringList got;
        for (const std::string& r : value.repairs)
            got << QString::fromStdString(r);
        QCOMPARE(got, repairs);
        got.clear();
        for (const std::string& l : value.losses)
            got << QString::fromStdString(l);
        QCOMPARE(got, losses);
        QCOMPARE(value.cutOff, !losses.isEmpty());
    }

    /// A list printed with %v, without field names, is told in one warning naming the IDs of all its
    /// structs, as one struct is.
    void aPlainVListIsOneWarning()
    {
        const QString head = "I1205 10:20:01.000000    4120 hns.go:61] endpoints: ";
        const QString a =
            "{5c3d4e5f-6071-4c82-ad93-e4f506172803 pod-a_eth0 3a1b2c3d-4e5f-4a60-8b71-c2d3e4f50601 "
            "cbr0 [] 00-15-5D-AA-01-05 10.244.1.5 <nil> svc.cluster.local 10.96.0.10 <nil> 24 0 "
            "false false false <nil> 0}";
        QString b = a;
        b.replace("5c3d4e5f-6071-4c82-ad93-e4f506172803", "6d4e5f60-7182-4d93-be04-f50617283904");
        const ExtractResult found =
            extractGoStructDumps(oneLine((head + "[" + a + " " + b + "]").toStdString()));
        QCOMPARE(int(found.values.size()), 0);
        const QStringList warned = texts(found.warnings);
        QCOMPARE(warned.size(), 1);
        QVERIFY2(warned.front().startsWith(
                     "line 1: 2 Go values printed with %v, without field names "
                     "(5c3d4e5f-6071-4c82-ad93-e4f506172803, 3a1b2c3d-4e5f-4a60-8b71-c2d3e4f50601, "
                     "6d4e5f60-7182-4d93-be04-f50617283904); which value is which field cannot be told, so "
                     "they are not imported"),
                 qPrintable(warned.front()));
    }

    void hostileTextCostsAWarning_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("warning"); ///< part of some warning; empty: none expected

        QByteArray deep = "&{A:";
        for (int i = 0; i < 100000; ++i)
            deep += "{A:";
        QTest::newRow("nested 100,000 deep") << deep << "nested deeper than 64 levels; not imported";
        QByteArray closedDeep = "x &{A:" + QByteArray(200, '[') + "1" + QByteArray(200, ']') + "}";
        QTest::newRow("slices nested 200 deep, closed") << closedDeep << "nested deeper than 64 levels";
        QTest::newRow("bracket soup") << QByteArray(1 << 20, '[').replace(1, 1, "]") << "";
        QByteArray starts;
        for (int i = 0; i < 50000; ++i)
            starts += "&{A:x ";
        QTest::newRow("many starts on one line") << starts << "opens here";
        QByteArray types;
        for (int i = 0; i < 20000; ++i)
            types += "[]a.b{a.b{";
        QTest::newRow("typed slices that never close") << types << "";
        QByteArray bytes = "&{Settings:[123";
        for (int i = 0; i < 1000; ++i)
            bytes += " 91";
        bytes += "]}";
        QTest::newRow("raw JSON bytes nested deep") << bytes << "";
        QTest::newRow("quoted fields inside quoted fields")
            << QByteArray("msg=\"a=\\\"b=\\\\\\\"&{Id:x Name:y}\\\\\\\"\\\"\"") << "";
    }

    void hostileTextCostsAWarning()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, warning);
        const ExtractResult found = extractGoStructDumps(oneLine(text.toStdString()));
        const QStringList warned = texts(found.warnings);
        if (!warning.isEmpty())
            QVERIFY2(std::any_of(warned.begin(), warned.end(),
                                 [&](const QString& w) { return w.contains(warning); }),
                     qPrintable(warned.mid(0, 3).join(" | ")));
        for (const FoundValue& v : found.values)
            (void)v.value.dump(-1, ' ', false, json::error_handler_t::strict);
        // The whole import of the same text succeeds.
        Result<ImportResult> imported = importDump({{"hostile", text.toStdString()}});
        QVERIFY(imported.ok());
    }

    void jsonAndPowerShellAreNotGoDumps()
    {
        const char* text =
            "{\"ID\":\"x\",\"Name\":\"y\"}\n@{Type=OutBoundNAT; ExceptionList=System.Object[]}\n"
            "Name : cbr0\n[INFO] {a b c} map[x:y] {Name}";
        const std::vector<CleanedLine> lines = cleanPastedText(text);
        const ExtractResult found = extractGoStructDumps(lines);
        QVERIFY(found.values.empty());
        QVERIFY(found.warnings.empty());
    }

    /// A `%+v` dump cut inside the name of the member after a complete value keeps that value: only a
    /// value without blanks of its own, followed by the start of an exported name, is taken as whole.
    /// A list dump a console wrapped at its width and the paste cut at its end reads as the same text on
    /// one line does: the console-wide pieces are joined though the struct never closes. A line that is
    /// no console's piece (a narrow line before it, a log record) is not joined.
    void aConsoleWrappedListCutAtItsEnd_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("object");  ///< "Kind:ID name type subnet via gateway", empty: none
        QTest::addColumn<int>("lastLine");    ///< of the object
        QTest::addColumn<QString>("loss");    ///< part of the object's one loss
        QTest::addColumn<QString>("warning"); ///< the start of the one warning
        QTest::addColumn<int>("warningLine"); ///< the line it names: where the text ends
        QTest::addColumn<QString>("macPool"); ///< the end of its MAC pool's range as JSON, or "absent"

        const QString network = "Network:3F6C1D2E-8A4B-4C7D-9E1F-2A3B4C5D6E7F";
        const QString wrapped = QString::fromUtf8(readDump("go-console-wrapped-list-cut.log"));
        QTest::newRow("wrapped at 100 columns inside the Id, cut in a member's name")
            << wrapped << network + " vxbr1 L2Bridge 10.244.7.0/24 via 10.244.7.1" << 5
            << "the dump ends inside this value in M... (a member's name)"
            << "the Go struct dump is cut off (the line ends inside it)" << 5 << "\"00-15-5D-A1-2F-FF\"";
        QStringList lines = wrapped.split('\n', Qt::SkipEmptyParts);
        QTest::newRow("the same text on one line")
            << lines[0] + "\n" + lines.mid(1).join(QString())
            << network + " vxbr1 L2Bridge 10.244.7.0/24 via 10.244.7.1" << 2
            << "the dump ends inside this value in M... (a member's name)"
            << "the Go struct dump is cut off (the line ends inside it)" << 2 << "\"00-15-5D-A1-2F-FF\"";
        QTest::newRow("wrapped inside a member's name: the name goes on")
            << QString::fromUtf8(readDump("go-console-wrapped-list-cut-in-name.log"))
            << network + " vxbr1-pods L2Bridge 10.244.7.0/24 via 10.244.7.1" << 3
            << "the dump ends inside this value in DNSSuffix;"
            << "the Go struct dump is cut off (the line ends inside it)" << 3 << "absent";
        QTest::newRow("the next line opens a log record: not joined")
            << lines[1] + "\n" + lines[0] << QString() << 0 << QString()
            << "a Go struct dump of an HNS network is cut off inside its Id, after 3f6c1d2e-8a4b-;" << 1
            << "absent";
        QTest::newRow("a narrow line is no console's piece: not joined")
            << "Found existing HNS network [&{Id:3f6c1d2e-8a4b-\n" + lines[2] << QString() << 0 << QString()
            << "a Go struct dump of an HNS network is cut off inside its Id, after 3f6c1d2e-8a4b-;" << 1
            << "absent";
    }

    void aConsoleWrappedListCutAtItsEnd()
    {
        QFETCH(QString, text);
        QFETCH(QString, object);
        QFETCH(int, lastLine);
        QFETCH(QString, loss);
        QFETCH(QString, warning);
        QFETCH(int, warningLine);
        QFETCH(QString, macPool);
        const Result<ImportResult> result = importDump({{"log", text.toStdString()}});
        QVERIFY(result.ok());
        QStringList warned;
        for (const ImportMessage& m : result->report.messages)
            if (m.severity == ImportSeverity::Warning) {
                warned << QString::fromStdString(m.message);
                QCOMPARE(m.firstLine, warningLine);
                QCOMPARE(m.lastLine, warningLine);
            }
        QVERIFY2(warned.size() == 1 && warned.front().startsWith(warning), qPrintable(warned.join(" | ")));
        if (object.isEmpty()) {
            QCOMPARE(int(result->report.objects.size()), 0);
            return;
        }
        QCOMPARE(objectList(*result), QStringList{object.section(' ', 0, 0)});
        const ImportedObject& o = result->report.objects.front();
        QVERIFY(!o.idMadeUp);
        QCOMPARE(o.lastLine, lastLine);
        QCOMPARE(int(o.lost.size()), 1);
        QVERIFY2(QString::fromStdString(o.lost.front()).contains(loss), o.lost.front().c_str());
        const json* doc = document(*result, ResourceKind::Network, object.section(' ', 0, 0).section(':', 1));
        QVERIFY(doc);
        QCOMPARE(QString::fromStdString(doc->value("Name", "")), object.section(' ', 1, 1));
        QCOMPARE(QString::fromStdString(doc->value("Type", "")), object.section(' ', 2, 2));
        QCOMPARE(memberAt(*doc, "/Ipams/0/Subnets/0/IpAddressPrefix"), '"' + object.section(' ', 3, 3) + '"');
        QCOMPARE(memberAt(*doc, "/Ipams/0/Subnets/0/Routes/0/NextHop"),
                 '"' + object.section(' ', 5, 5) + '"');
        QCOMPARE(memberAt(*doc, "/MacPool/Ranges/0/EndMacAddress"), macPool);
    }

    void aCutInTheNextMembersNameKeepsTheValueBeforeIt_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("expected"); ///< compact JSON, or "absent"
        QTest::addColumn<QString>("loss");     ///< part of a loss of that value

        QTest::newRow("a DNS server list before the cut name is kept") << 0 << "/DNSServerList"
                                                                       << "\"10.0.0.10,10.0.0.11\""
                                                                       << "in Gate... (a member's name)";
        QTest::newRow("inside a list of structs, the member before the cut name is kept")
            << 1 << "/Policies/0/DestinationPrefix"
            << "\"10.0.0.0/8\""
            << "in Policies[0].NeedEnc...";
        QTest::newRow("after a list the cut name costs only itself") << 2 << "/Subnets/0/GatewayAddress"
                                                                     << "\"10.240.0.1\""
                                                                     << "in Man... (a member's name)";
        QTest::newRow("a name may end in a capitalised word: still cut inside its value")
            << 3 << "/Name"
            << "absent"
            << "the dump ends inside this value in Name;";
        QTest::newRow("a word that is no member's name: still cut inside the value")
            << 4 << "/IPAddress"
            << "absent"
            << "the dump ends inside this value in IPAddress;";
        QTest::newRow("%#v: the members before the cut name are kept, the cut is said")
            << 5 << "/Dns/ServerList"
            << "[\"10.0.0.10\"]"
            << "in Gate... (a member's name)";
    }

    void aCutInTheNextMembersNameKeepsTheValueBeforeIt()
    {
        QFETCH(int, index);
        QFETCH(QString, pointer);
        QFETCH(QString, expected);
        QFETCH(QString, loss);
        const ExtractResult found = readGoDumps("go-plusv-cut-in-member-name.log");
        QCOMPARE(int(found.values.size()), 6);
        const FoundValue& value = found.values[std::size_t(index)];
        QCOMPARE(memberAt(value.value, pointer), expected);
        QVERIFY2(anyContains(value.losses, loss), qPrintable(loss));
        // And the import carries the list into v2.
        if (index == 0) {
            const ImportResult result = importFiles({"go-plusv-cut-in-member-name.log"});
            bool seen = false;
            for (const json& endpoint : result.snapshot["Endpoints"])
                if (endpoint.value("ID", "") == "6A1B2C3D-4E5F-4061-8273-94A5B6C7D8E9")
                    seen = endpoint.value(json::json_pointer("/Dns/ServerList"), json()) ==
                           json::array({"10.0.0.10", "10.0.0.11"});
            QVERIFY(seen);
        }
    }
    /// What the report says of text near Go dumps that is no HNS object: hcn's v2 policies printed on
    /// their own (`{Type:ACL Settings:[123 34 ...]}`, the type outside the bytes) are told as the v1
    /// ones are, and one the text ends inside is a warning; Go source code (a composite literal, on one
    /// line or gofmt's one member a line, a function's body or a block, in a review diff too) is passed
    /// over without a word while a dump beside it is read;
    /// a struct of something else the paste starts inside is read without a warning, an HNS one keeps it.
    void saysWhatTheTextAroundGoDumpsIs_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("said");    ///< every message with a line, in order
        QTest::addColumn<QStringList>("objects"); ///< kind:ID of each object imported

        QTest::newRow("v2 policies alone on a log line")
            << "go-v2-policy-bytes-alone.log"
            << QStringList{"1 info: 2 HNS policies (OutBoundNAT, ACL) found as Go byte arrays at line 1; "
                           "their owner is not in the dump"}
            << QStringList{};
        QTest::newRow("v2 policies in a list whose endpoint the paste cut off above")
            << "go-v2-policy-bytes-list.log"
            << QStringList{"3 info: 2 HNS policies (PortMapping, ACL) found as Go byte arrays at line 3; "
                           "their "
                           "owner is not in the dump"}
            << QStringList{};
        QTest::newRow("v2 policies wrapped over two lines, the last one cut inside its bytes")
            << "go-v2-policy-bytes-wrapped-cut.log"
            << QStringList{"2-3 info: 2 HNS policies (ACL) found as Go byte arrays at lines 2-3; their owner "
                           "is not in the dump",
                           "3 warning: an HNS policy (ACL) printed as Go bytes is cut off inside its bytes "
                           "at "
                           "line 3 (the line ends there); not imported"}
            << QStringList{};
        QTest::newRow("v1 policy bytes wrapped over two lines")
            << "go-v1-policy-bytes-wrapped.log"
            << QStringList{"1-2 info: 1 HNS policy (ROUTE) found as Go byte arrays at lines 1-2; its owner "
                           "is "
                           "not in the dump"}
            << QStringList{};
        QTest::newRow("v2 policies inside an endpoint's dump are its own")
            << "go-v2-policy-bytes-owned.log" << QStringList{}
            << QStringList{"Endpoint:7C1D2E3F-4A5B-4C6D-8E9F-0A1B2C3D4E5F"};
        QTest::newRow("gofmt's composite literal beside a dump one member a line")
            << "go-source-literal-beside-dump.md" << QStringList{}
            << QStringList{"Endpoint:9A8B7C6D-5E4F-4A3B-9C2D-1E0F9A8B7C6D"};
        QTest::newRow("composite literals on one line and returned, beside a %#v dump in a log field")
            << "go-source-literal-oneline.log" << QStringList{}
            << QStringList{"Endpoint:4D3C2B1A-0F9E-4D8C-B7A6-958473625140"};
        QTest::newRow("an assigned literal of literal values is code too")
            << "go-source-literal-values.txt" << QStringList{} << QStringList{};
        QTest::newRow("a review diff's hunk in a func: its body's brace and the members after it are code")
            << "go-source-diff-hunk-func.md" << QStringList{}
            << QStringList{"Endpoint:3C4D5E6F-7A8B-4C9D-8E0F-1A2B3C4D5E6F"};
        QTest::newRow("a hunk header's func brace with one member line after it")
            << "go-source-diff-hunk-one-member.txt" << QStringList{} << QStringList{};
        QTest::newRow("a literal's element without its type, conversions and selectors as values")
            << "go-source-diff-hunk-element.txt" << QStringList{} << QStringList{};
        QTest::newRow("a Calico workload endpoint the paste starts inside: nothing to tell")
            << "go-start-cut-workload-endpoint.log" << QStringList{} << QStringList{};
        QTest::newRow("an HNS endpoint the paste starts inside keeps its warning")
            << "go-start-cut-hns-endpoint.log"
            << QStringList{"1 warning: the paste starts inside a Go struct dump; only the members after the "
                           "cut "
                           "are read",
                           "1 info: endpoint cart-6b8d_ep (29EFF506-AC5A-4C96-9373-6C3709E2C7CC): not "
                           "carried "
                           "in full by the dump: ID: not in the dump; the snapshot calls it "
                           "29EFF506-AC5A-4C96-9373-6C3709E2C7CC; the paste starts inside this value; its "
                           "members before line 1 are unknown"}
            << QStringList{"Endpoint:29EFF506-AC5A-4C96-9373-6C3709E2C7CC"};
    }

    void saysWhatTheTextAroundGoDumpsIs()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, said);
        QFETCH(QStringList, objects);
        const ImportResult result = importFiles({file});
        QCOMPARE(importLineMessages(result), said);
        QCOMPARE(objectList(result), objects);
    }
};

QTEST_GUILESS_MAIN(TestGoDumps)
#include "tst_godumps.moc"
