// The snapshot diff (hcn/snapshot_diff.h, docs/diff.md) over pairs of small hosts under
// tests/data/diff/<case>/: a.json and b.json (snapshot documents or dumps, read as hcnctl diff reads
// them) and expect.json, what the diff must say:
//   "Same": bool; "Summary": {Kind: {field: n}} (the listed fields only); "Objects": [subsets of the
//   JSON objects that must be present]; "Changes": [{"Kind","ID", and a change's members}] that must be
//   present; "Count": the number of member changes in all; "Ignored": {member: n}.

#include "hcn/dump_import.h"
#include "hcn/snapshot_api.h"
#include "hcn/snapshot_diff.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <nlohmann/json.hpp>

using Json = nlohmann::json;

namespace {

QString dataDir()
{
    return qEnvironmentVariable("HCN_SOURCE_DIR") + QStringLiteral("/tests/data/diff");
}

/// Every object of the file, as hcnctl diff reads a side: a snapshot document as --snapshot reads it,
/// anything else through the dump import; both rendered by the snapshot's own query code.
std::vector<hcn::HostObject> loadHost(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const std::string text = file.readAll().toStdString();
    auto snapshot = hcn::SnapshotApi::fromText(text, path.toStdString());
    if (!snapshot.ok()) {
        auto imported = hcn::io::importPaths({path.toStdString()});
        if (!imported.ok() || imported->objectCount() == 0)
            return {};
        snapshot = hcn::SnapshotApi::fromDocument(imported->snapshot);
        if (!snapshot.ok())
            return {};
    }
    auto rendered = (*snapshot)->snapshot({});
    if (!rendered.ok())
        return {};
    auto objects = hcn::parseHostSnapshot(*rendered);
    return objects.ok() ? *objects : std::vector<hcn::HostObject>{};
}

/// True when every member of `subset` is in `whole` with the same value.
bool contains(const Json& whole, const Json& subset)
{
    if (!subset.is_object())
        return whole == subset;
    for (auto it = subset.begin(); it != subset.end(); ++it)
        if (!whole.contains(it.key()) || whole[it.key()] != it.value())
            return false;
    return true;
}

hcn::HostObject hostObject(hcn::ResourceKind kind, const char* id, Json document)
{
    return {kind, hcn::canonicalObjectId(id), std::make_shared<const Json>(std::move(document))};
}

} // namespace

class TestSnapshotDiff : public QObject
{
    Q_OBJECT

private slots:
    void pairOfHosts_data()
    {
        QTest::addColumn<QString>("dir");
        const QDir root(dataDir());
        const QStringList cases = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        QVERIFY2(cases.size() >= 8, qPrintable(root.path()));
        for (const QString& name : cases)
            QTest::newRow(qPrintable(name)) << root.filePath(name);
    }

    void pairOfHosts()
    {
        QFETCH(QString, dir);
        const auto a = loadHost(dir + "/a.json");
        const auto b = loadHost(dir + "/b.json");
        QVERIFY(!a.empty());
        QVERIFY(!b.empty());
        QFile expectFile(dir + "/expect.json");
        QVERIFY(expectFile.open(QIODevice::ReadOnly));
        const Json expect = Json::parse(expectFile.readAll().toStdString());

        const hcn::SnapshotDiff diff = hcn::diffObjects(a, b);
        const Json result = Json::parse(hcn::toJson(diff).dump());
        const std::string shown = result.dump(1);
        QVERIFY2(result["Same"] == expect["Same"], shown.c_str());
        QCOMPARE(diff.same(), hcn::diffObjects(b, a).same()); // either way round

        for (auto it = expect["Summary"].begin(); it != expect["Summary"].end(); ++it) {
            Json row;
            for (const Json& r : result["Summary"])
                if (r["Kind"] == it.key())
                    row = r;
            QVERIFY2(contains(row, it.value()), (it.key() + ": " + row.dump()).c_str());
        }
        for (const Json& wanted : expect.value("Objects", Json::array())) {
            bool found = false;
            for (const Json& o : result["Objects"])
                found = found || contains(o, wanted);
            QVERIFY2(found, (wanted.dump() + " not in " + shown).c_str());
        }
        std::size_t count = 0;
        for (const Json& o : result["Objects"])
            count += o.value("Changes", Json::array()).size();
        for (Json wanted : expect.value("Changes", Json::array())) {
            const Json kind = wanted["Kind"];
            const Json id = wanted["ID"];
            wanted.erase("Kind");
            wanted.erase("ID");
            bool found = false;
            for (const Json& o : result["Objects"])
                if (o["Kind"] == kind && o["ID"] == id)
                    for (const Json& c : o.value("Changes", Json::array()))
                        found = found || contains(c, wanted);
            QVERIFY2(found, (wanted.dump() + " not in " + shown).c_str());
        }
        if (expect.contains("Count"))
            QVERIFY2(count == expect["Count"].get<std::size_t>(), shown.c_str());
        if (expect.contains("Ignored"))
            QVERIFY2(contains(result["Ignored"], expect["Ignored"]), shown.c_str());
    }

    void hostStatesCompareAsTheirObjects()
    {
        const auto a = loadHost(dataDir() + "/policy-added/a.json");
        const auto b = loadHost(dataDir() + "/policy-added/b.json");
        hcn::HostState stateA;
        hcn::HostState stateB;
        stateA.assign(a);
        stateB.assign(b);
        QCOMPARE(hcn::toJson(hcn::diffHosts(stateA, stateB)).dump(), hcn::toJson(hcn::diffObjects(a, b)).dump());
        QVERIFY(hcn::diffHosts(stateA, stateA).same());
    }

    void sharedNameIsNoMatch()
    {
        // Two removed endpoints called "web": which one the added "web" is cannot be told.
        const std::vector<hcn::HostObject> a{
            hostObject(hcn::ResourceKind::Endpoint, "11111111-1111-1111-1111-111111111111", {{"Name", "web"}}),
            hostObject(hcn::ResourceKind::Endpoint, "22222222-2222-2222-2222-222222222222", {{"Name", "web"}})};
        const std::vector<hcn::HostObject> b{
            hostObject(hcn::ResourceKind::Endpoint, "33333333-3333-3333-3333-333333333333", {{"Name", "web"}})};
        const hcn::SnapshotDiff diff = hcn::diffObjects(a, b);
        QCOMPARE(diff.objects.size(), std::size_t(3));
        QCOMPARE(diff.kinds[1].matchedByName, std::size_t(0));
        QCOMPARE(diff.kinds[1].removed, std::size_t(2));
        QCOMPARE(diff.kinds[1].added, std::size_t(1));
    }

    void nameMatchCanBeTurnedOff()
    {
        const std::vector<hcn::HostObject> a{
            hostObject(hcn::ResourceKind::Network, "11111111-1111-1111-1111-111111111111", {{"Name", "nat"}})};
        const std::vector<hcn::HostObject> b{
            hostObject(hcn::ResourceKind::Network, "33333333-3333-3333-3333-333333333333", {{"Name", "nat"}})};
        QCOMPARE(hcn::diffObjects(a, b).kinds[0].matchedByName, std::size_t(1));
        hcn::DiffOptions options;
        options.matchByName = false;
        const hcn::SnapshotDiff diff = hcn::diffObjects(a, b, options);
        QCOMPARE(diff.kinds[0].added, std::size_t(1));
        QCOMPARE(diff.kinds[0].removed, std::size_t(1));
    }

    void sameKindAndIdOnlyMatch()
    {
        // One ID on two kinds is two objects; a repeated ID of one kind keeps the first.
        const std::vector<hcn::HostObject> a{
            hostObject(hcn::ResourceKind::Network, "11111111-1111-1111-1111-111111111111", {{"Type", "NAT"}}),
            hostObject(hcn::ResourceKind::Network, "11111111-1111-1111-1111-111111111111", {{"Type", "L2Bridge"}})};
        const std::vector<hcn::HostObject> b{
            hostObject(hcn::ResourceKind::Endpoint, "11111111-1111-1111-1111-111111111111", {{"Type", "NAT"}})};
        const hcn::SnapshotDiff diff = hcn::diffObjects(a, b);
        QCOMPARE(diff.kinds[0].removed, std::size_t(1));
        QCOMPARE(diff.kinds[1].added, std::size_t(1));
        QCOMPARE(diff.kinds[0].before, std::size_t(1));
    }

    void memberChangesReadAsPaths_data()
    {
        // tests/data/diff/member-changes.json: [{"Row","A","B","Changes":[[type, path], ...]}]
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::addColumn<QByteArray>("changes");
        QFile file(dataDir() + QStringLiteral("/member-changes.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        for (const Json& row : Json::parse(file.readAll().toStdString()))
            QTest::newRow(row["Row"].get<std::string>().c_str())
                << QByteArray::fromStdString(row["A"].dump()) << QByteArray::fromStdString(row["B"].dump())
                << QByteArray::fromStdString(row["Changes"].dump());
    }

    void memberChangesReadAsPaths()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        QFETCH(QByteArray, changes);
        std::map<std::string, std::size_t> ignored;
        const auto result = hcn::diffDocuments(Json::parse(a.toStdString()), Json::parse(b.toStdString()), {},
                                               &ignored, hcn::ResourceKind::Network);
        Json got = Json::array();
        for (const hcn::DiffFieldChange& c : result)
            got.push_back({hcn::diffFieldChangeTypeName(c.type), c.path});
        QCOMPARE(QString::fromStdString(got.dump()), QString::fromStdString(Json::parse(changes.toStdString()).dump()));
    }

    /// A port mapping's `"Protocol": null` (an import's protocol the dump did not show: unknown) differs
    /// from no Protocol member (HNS's zero: any protocol); elsewhere null reads as an absent member.
    void unknownProtocolIsNotAny_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::addColumn<QByteArray>("changes"); // [[type, path, old, new], ...]

        auto lb = [](const Json& mapping) {
            return QByteArray::fromStdString(Json{{"PortMappings", Json::array({mapping})}}.dump());
        };
        const Json ports{{"InternalPort", 53}, {"ExternalPort", 53}};
        Json unknown = ports, zero = ports, tcp = ports, flagsNull = ports;
        unknown["Protocol"] = nullptr;
        zero["Protocol"] = 0;
        tcp["Protocol"] = 6;
        flagsNull["Flags"] = nullptr;
        QTest::newRow("unknown, then no Protocol (any)")
            << lb(unknown) << lb(ports)
            << QByteArray(
                   R"([["removed","/PortMappings[InternalPort=53,ExternalPort=53]/Protocol",null,null]])");
        QTest::newRow("no Protocol (any), then unknown")
            << lb(ports) << lb(unknown)
            << QByteArray(
                   R"([["added","/PortMappings[InternalPort=53,ExternalPort=53]/Protocol",null,null]])");
        QTest::newRow("unknown, then TCP: one mapping removed, another added")
            << lb(unknown) << lb(tcp) << QByteArray(R"([["items","/PortMappings",null,null]])");
        QTest::newRow("unknown on both sides") << lb(unknown) << lb(unknown) << QByteArray("[]");
        QTest::newRow("0 on both sides") << lb(zero) << lb(zero) << QByteArray("[]");
        QTest::newRow("another member's null still reads as absent")
            << lb(flagsNull) << lb(ports) << QByteArray("[]");
        auto policy = [](const char* type, const Json& settings) {
            return QByteArray::fromStdString(
                Json{{"Policies", Json::array({{{"Type", type}, {"Settings", settings}}})}}.dump());
        };
        QTest::newRow("an endpoint's PortMapping policy: unknown, then no Protocol")
            << policy("PortMapping", unknown) << policy("PortMapping", ports)
            << QByteArray(
                   R"([["removed","/Policies[Type=PortMapping,InternalPort=53,ExternalPort=53]/Settings/Protocol",null,null]])");
        QTest::newRow("a Protocol null outside a port mapping reads as absent")
            << policy("L4Proxy", Json{{"Protocol", nullptr}, {"Port", "80"}})
            << policy("L4Proxy", Json{{"Port", "80"}}) << QByteArray("[]");
    }

    void unknownProtocolIsNotAny()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        QFETCH(QByteArray, changes);
        const auto result = hcn::diffDocuments(Json::parse(a.toStdString()), Json::parse(b.toStdString()), {},
                                               nullptr, hcn::ResourceKind::LoadBalancer);
        Json got = Json::array();
        for (const hcn::DiffFieldChange& c : result)
            got.push_back({hcn::diffFieldChangeTypeName(c.type), c.path, c.before, c.after});
        QCOMPARE(QString::fromStdString(got.dump()),
                 QString::fromStdString(Json::parse(changes.toStdString()).dump()));
    }
};

QTEST_GUILESS_MAIN(TestSnapshotDiff)
#include "tst_snapshotdiff.moc"
