// Recordings (hcn/recording.h, docs/recordings.md): what is written comes back change by change; the
// host at every moment equals a copy fed the same events (random walks of calls over all six kinds on a
// real engine, read back through keyframes of several spacings); a file cut by a crash or mid-line
// still opens and says so; broken lines are skipped and named, never the rest; moments as people type
// them; the Recorder over a real engine, from its events and by polling; the keyframes and the parsed
// documents held (within their budget, shared by the moments that show them) give the same host as a
// replay from the start; the RecordingHostApi answers from the moment it shows.

#include "engine_harness.h"
#include "engine_walk.h"
#include "hcn/embedded_api.h"
#include "hcn/recording.h"
#include "hcn/recording_host_api.h"
#include "hcn/snapshot_api.h"
#include "hcn/utc_time.h"

#include <QTemporaryDir>
#include <fstream>
#include <mutex>
#include <random>
#include <set>

using namespace hcntest;
using hcn::RecordingMoment;

namespace {

constexpr std::int64_t kStart = 1764779691000; // 2025-12-03T16:34:51Z

/// A recording made from a random walk: the snapshot after `warmup` steps, then every event of `steps`
/// more, each a second apart.
struct WalkRecording
{
    std::string snapshot;
    std::vector<hcn::Notification> events;
};

WalkRecording walkRecording(std::uint32_t seed, int warmup, int steps)
{
    hcn::EmbeddedApi api;
    Walk walk(api.engine(), seed);
    for (int i = 0; i < warmup; ++i)
        (void)walk.step();
    api.engine().drainNotifications();
    WalkRecording out;
    std::mutex mutex;
    const auto subscription = api.engine().subscribe([&](const hcn::Notification& n) {
        std::lock_guard lock(mutex);
        out.events.push_back(n);
    });
    auto snapshot = api.snapshot("");
    out.snapshot = snapshot.ok() ? *snapshot : std::string();
    for (int i = 0; i < steps; ++i) {
        (void)walk.step();
        api.engine().drainNotifications();
    }
    api.engine().unsubscribe(subscription);
    return out;
}

std::int64_t timeOf(std::size_t index)
{
    return kStart + 1000 * std::int64_t(index + 1);
}

/// Writes `events` after `snapshot`; `finish` adds the end line.
bool writeRecording(const std::string& path, const std::string& snapshot,
                    const std::vector<hcn::Notification>& events, bool finish = true)
{
    hcn::RecordingHeader header;
    header.tool = "tst_recording";
    header.source = "embedded engine";
    header.startedMs = kStart;
    auto writer = hcn::RecordingWriter::create(path, header, snapshot);
    if (!writer.ok())
        return false;
    for (std::size_t i = 0; i < events.size(); ++i)
        if (!(*writer)->append(events[i], timeOf(i), false).ok())
            return false;
    return !finish || (*writer)->finish("duration", timeOf(events.size())).ok();
}

/// The copy a client keeps: the snapshot, then the first `count` events.
hcn::HostState referenceHost(const std::string& snapshot, const std::vector<hcn::Notification>& events,
                             std::size_t count)
{
    hcn::HostState host;
    if (auto objects = hcn::parseHostSnapshot(snapshot); objects.ok())
        (void)host.assign(std::move(*objects));
    for (std::size_t i = 0; i < count; ++i)
        (void)host.apply(events[i]);
    return host;
}

/// The copy a client keeps after each moment: [k] is the snapshot, then the first k events. Built event by
/// event once (each entry as referenceHost(snapshot, events, k) gives it), for the tests that compare
/// every moment: replaying from the start for each one cost most of the suite's time under ASan.
std::vector<hcn::HostState> referenceHosts(const std::string& snapshot,
                                           const std::vector<hcn::Notification>& events)
{
    std::vector<hcn::HostState> hosts;
    hosts.reserve(events.size() + 1);
    hosts.push_back(referenceHost(snapshot, events, 0));
    for (const hcn::Notification& event : events) {
        hosts.push_back(hosts.back());
        (void)hosts.back().apply(event);
    }
    return hosts;
}

/// Creates a NAT network through the Api, as a client would.
hcn::Status addNetwork(hcn::Api& api, const std::string& name, int n)
{
    const std::string net = "10." + std::to_string(n) + ".0.";
    auto handle = api.create(hcn::ResourceKind::Network, hcn::Guid{},
                             natNetwork(name, net + "0/24", net + "1").dump(), 0);
    if (!handle.ok())
        return handle.status();
    return api.close(hcn::ResourceKind::Network, *handle);
}

QByteArray fileBytes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return QByteArray::fromStdString(std::string(std::istreambuf_iterator<char>(in), {}));
}

void writeBytes(const std::string& path, const QByteArray& bytes)
{
    std::ofstream(path, std::ios::binary | std::ios::trunc).write(bytes.constData(), bytes.size());
}

} // namespace

class TestRecording : public QObject
{
    Q_OBJECT

private slots:
    void everyMomentEqualsTheEventFedCopy_data();
    void everyMomentEqualsTheEventFedCopy();
    void keyframesGiveTheReplayedHost_data();
    void keyframesGiveTheReplayedHost();
    void hostApiAnswersFromItsMoment();
    void eachChangeComesBack();
    void snapshotOfAMomentReadsAsASnapshot();
    void cutFileStillOpens_data();
    void cutFileStillOpens();
    void fileCutInsideItsSnapshotIsAnError();
    void fileChangedAfterOpeningSaysSo();
    void documentsWithJsonInTheirTextComeBack();
    void brokenLinesAreSkippedAndNamed();
    void membersOfAnotherTypeAreNotFatal();
    void moments_data();
    void moments();
    void momentsOfARecording();
    void referencesSplitOnlyWhenTheWordIsNoFile();
    void recorderWritesTheEngineEvents();
    void recorderPollsWhenAsked();

private:
    QTemporaryDir m_dir;
    std::string file(const char* name) const { return m_dir.filePath(name).toStdString(); }
};

void TestRecording::everyMomentEqualsTheEventFedCopy_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("keyframeInterval");
    QTest::addColumn<int>("held"); // parsed documents held beyond the initial snapshot's; -1: the default
    QTest::newRow("seed 1, keyframe every change") << 1u << 1 << -1;
    QTest::newRow("seed 2, keyframe every 7, only the snapshot's documents held") << 2u << 7 << 0;
    QTest::newRow("seed 42, keyframe every 64, 20 more documents held") << 42u << 64 << 20;
    QTest::newRow("seed 1234, one keyframe (replay from the start)") << 1234u << 100000 << -1;
}

void TestRecording::everyMomentEqualsTheEventFedCopy()
{
    QFETCH(quint32, seed);
    QFETCH(int, keyframeInterval);
    QFETCH(int, held);
    const WalkRecording walk = walkRecording(seed, 40, 200);
    QVERIFY(!walk.snapshot.empty());
    const std::string path = file("walk.hcnrec");
    QVERIFY(writeRecording(path, walk.snapshot, walk.events));

    hcn::RecordingReader::Options options;
    options.keyframeInterval = std::size_t(keyframeInterval);
    const std::size_t initial = referenceHost(walk.snapshot, walk.events, 0).size();
    if (held >= 0)
        options.heldDocuments = initial + std::size_t(held);
    options.documentCache = 16; // small: most documents are read again from their lines
    auto reader = hcn::RecordingReader::open(path, options);
    HCN_VERIFY_OK(reader);
    QCOMPARE((*reader)->changeCount(), walk.events.size());
    QVERIFY((*reader)->cutDetail().empty());
    QVERIFY((*reader)->warnings().empty());
    if (held >= 0)
        QCOMPARE((*reader)->heldDocuments(), initial + std::size_t(held));

    std::set<hcn::ResourceKind> kinds;
    for (std::size_t n = 1; n <= (*reader)->changeCount(); ++n)
        kinds.insert((*reader)->change(n).kind);
    for (auto kind : hcn::kResourceKinds)
        QVERIFY2(kinds.contains(kind), hcn::resourceKindName(kind).data());

    // Every moment, in random order (seeking backwards and forwards across keyframes).
    std::vector<std::size_t> moments((*reader)->changeCount() + 1);
    for (std::size_t i = 0; i < moments.size(); ++i)
        moments[i] = i;
    std::shuffle(moments.begin(), moments.end(), std::mt19937(seed));
    const std::vector<hcn::HostState> reference = referenceHosts(walk.snapshot, walk.events);
    for (std::size_t k : moments) {
        auto host = (*reader)->hostAfter(k);
        HCN_VERIFY_OK(host);
        const QStringList problems = hostDifferences(*host, reference[k]);
        if (!problems.isEmpty())
            QFAIL(qPrintable(QString("after change %1:\n%2").arg(k).arg(problems.join('\n'))));
    }
}

void TestRecording::keyframesGiveTheReplayedHost_data()
{
    QTest::addColumn<int>("keyframeInterval");
    QTest::addColumn<int>("budget");    // documents held beyond the initial snapshot's
    QTest::addColumn<bool>("finished"); // the end line written
    QTest::addColumn<int>("cutBytes");  // taken off the end of an unfinished file
    QTest::newRow("keyframe every 16, every document held") << 16 << 1000000 << true << 0;
    QTest::newRow("keyframe every 2, 30 documents held") << 2 << 30 << true << 0;
    QTest::newRow("keyframe every 5, only the snapshot's documents held") << 5 << 0 << true << 0;
    QTest::newRow("keyframe every 8, no end line") << 8 << 1000000 << false << 0;
    QTest::newRow("keyframe every 8, last line cut in the middle") << 8 << 1000000 << false << 25;
}

void TestRecording::keyframesGiveTheReplayedHost()
{
    QFETCH(int, keyframeInterval);
    QFETCH(int, budget);
    QFETCH(bool, finished);
    QFETCH(int, cutBytes);
    const WalkRecording walk = walkRecording(11, 30, 120);
    const std::string path = file("keyframes.hcnrec");
    QVERIFY(writeRecording(path, walk.snapshot, walk.events, finished));
    if (cutBytes > 0) {
        QByteArray bytes = fileBytes(path);
        bytes.chop(cutBytes);
        writeBytes(path, bytes);
    }
    hcn::RecordingReader::Options options;
    options.keyframeInterval = std::size_t(keyframeInterval);
    const std::size_t initial = referenceHost(walk.snapshot, walk.events, 0).size();
    options.heldDocuments = initial + std::size_t(budget);
    options.documentCache = 16;
    auto opened = hcn::RecordingReader::open(path, options);
    HCN_VERIFY_OK(opened);
    const hcn::RecordingReader& reader = **opened;
    const std::size_t count = walk.events.size() - (cutBytes > 0 ? 1 : 0);
    QCOMPARE(reader.changeCount(), count);
    QCOMPARE(reader.cutDetail().empty(), finished);

    // A keyframe every keyframeInterval changes; the parsed documents held within the budget: all of
    // them when it allows, else exactly the budget (the walk stores more documents than 30).
    QCOMPARE(reader.keyframeInterval(), std::size_t(keyframeInterval));
    QCOMPARE(reader.keyframeCount(), count / reader.keyframeInterval() + 1);
    QVERIFY2(reader.keyframeCount() >= 3, qPrintable(QString::number(reader.keyframeCount())));
    if (budget < 1000)
        QCOMPARE(reader.heldDocuments(), initial + std::size_t(budget));
    else
        QVERIFY2(reader.heldDocuments() > initial + 30, qPrintable(QString::number(reader.heldDocuments())));

    const std::size_t every = reader.keyframeInterval();
    std::vector<std::size_t> moments{0,         1,         every - 1, every,     every + 1,
                                     count / 2, count - 1, count,     2 * every, every};
    std::mt19937 random(std::uint32_t(keyframeInterval * 1000 + budget));
    for (int i = 0; i < 40; ++i)
        moments.push_back(std::uniform_int_distribution<std::size_t>(0, count)(random));
    const std::vector<hcn::HostState> reference = referenceHosts(walk.snapshot, walk.events);
    for (std::size_t k : moments) {
        auto host = reader.hostAfter(k);
        HCN_VERIFY_OK(host);
        const QStringList problems = hostDifferences(*host, reference[k]);
        if (!problems.isEmpty())
            QFAIL(qPrintable(QString("after change %1:\n%2").arg(k).arg(problems.join('\n'))));
    }
    QCOMPARE(reader.hostAfter(count + 1).code(), hcn::hr::InvalidArg);

    // Every document held is shared by the moments that show it: an object that did not change between
    // two moments comes with the very same document (what lets the console's mirror skip it).
    if (budget >= 1000) {
        for (int i = 0; i < 20; ++i) {
            const std::size_t a = std::uniform_int_distribution<std::size_t>(0, count)(random);
            const std::size_t b = std::uniform_int_distribution<std::size_t>(0, count)(random);
            auto first = reader.hostAfter(std::min(a, b));
            auto second = reader.hostAfter(std::max(a, b));
            HCN_VERIFY_OK(first);
            HCN_VERIFY_OK(second);
            std::set<std::string> touched; // the objects some change between the two stores or drops
            for (std::size_t n = std::min(a, b); n < std::max(a, b); ++n)
                for (const hcn::HostUpdate& update : hcn::parseNotification(walk.events[n]).updates)
                    if (update.op != hcn::HostUpdate::Op::Expect)
                        touched.insert(update.id);
            for (const auto& object : first->shared())
                if (const hcn::HostObject* later = second->find(object->id);
                    later && !touched.contains(object->id))
                    QVERIFY2(later->document == object->document,
                             qPrintable(QString("%1 between changes %2 and %3")
                                            .arg(QString::fromStdString(object->id))
                                            .arg(std::min(a, b))
                                            .arg(std::max(a, b))));
        }
    }
}

void TestRecording::hostApiAnswersFromItsMoment()
{
    const WalkRecording walk = walkRecording(3, 30, 40);
    const std::string path = file("hostapi.hcnrec");
    QVERIFY(writeRecording(path, walk.snapshot, walk.events));
    auto opened = hcn::RecordingReader::open(path);
    HCN_VERIFY_OK(opened);
    std::shared_ptr<const hcn::RecordingReader> reader(std::move(*opened));
    int builds = 0;
    auto momentOf = [&](std::size_t k) {
        return [&builds, reader, k]() -> hcn::Result<std::shared_ptr<hcn::Api>> {
            ++builds;
            auto text = reader->snapshotAfter(k);
            if (!text.ok())
                return text.status();
            auto api = hcn::SnapshotApi::fromText(*text, "moment");
            if (!api.ok())
                return api.status();
            return std::shared_ptr<hcn::Api>(*api);
        };
    };
    auto first = momentOf(0)();
    HCN_VERIFY_OK(first);
    builds = 0;
    hcn::RecordingHostApi host(*first, "recording:hostapi.hcnrec", "recording hostapi.hcnrec");

    auto info = host.info();
    HCN_VERIFY_OK(info);
    QVERIFY(info->readOnly);
    QCOMPARE(info->endpoint, std::string("recording:hostapi.hcnrec"));
    QCOMPARE(info->description, std::string("recording hostapi.hcnrec"));

    for (std::size_t k : {walk.events.size(), std::size_t(0), walk.events.size() / 2}) {
        host.setMoment(momentOf(k));
        QCOMPARE(builds, 0); // built on the first call that needs it
        auto snapshot = host.snapshot("");
        HCN_VERIFY_OK(snapshot);
        QCOMPARE(builds, 1);
        auto objects = hcn::parseHostSnapshot(*snapshot);
        HCN_VERIFY_OK(objects);
        hcn::HostState shown;
        (void)shown.assign(std::move(*objects));
        QCOMPARE(hostDifferences(shown, referenceHost(walk.snapshot, walk.events, k)), QStringList());
        HCN_VERIFY_OK(host.enumerate(hcn::ResourceKind::Endpoint, "{}"));
        QCOMPARE(builds, 1); // built once per moment
        QCOMPARE(host.remove(hcn::ResourceKind::Network, hcn::Guid{}).code(), hcn::kSnapshotReadOnly);
        builds = 0;
    }
    host.setMoment([]() -> hcn::Result<std::shared_ptr<hcn::Api>> {
        return hcn::Status(hcn::hr::InvalidJson, "unreadable moment");
    });
    QCOMPARE(host.snapshot("").code(), hcn::hr::InvalidJson);
}

void TestRecording::eachChangeComesBack()
{
    const WalkRecording walk = walkRecording(7, 10, 60);
    const std::string path = file("changes.hcnrec");
    QVERIFY(writeRecording(path, walk.snapshot, walk.events));
    auto reader = hcn::RecordingReader::open(path);
    HCN_VERIFY_OK(reader);
    const hcn::RecordingReader& r = **reader;
    QCOMPARE(r.header().tool, std::string("tst_recording"));
    QCOMPARE(r.header().source, std::string("embedded engine"));
    QCOMPARE(r.header().capture, hcn::RecordingCapture::Events);
    QCOMPARE(r.startMs(), kStart);
    QCOMPARE(r.endMs(), timeOf(walk.events.size()));
    QCOMPARE(r.endReason(), std::string("duration"));
    QCOMPARE(r.changeCount(), walk.events.size());
    for (std::size_t i = 0; i < walk.events.size(); ++i) {
        const hcn::ParsedNotification expected = hcn::parseNotification(walk.events[i]);
        const hcn::RecordedChange c = r.change(i + 1);
        QCOMPARE(c.number, i + 1);
        QCOMPARE(c.timeMs, timeOf(i));
        QCOMPARE(c.sequence, walk.events[i].sequence);
        QCOMPARE(c.type, walk.events[i].type);
        QCOMPARE(c.kind, expected.kind);
        QCOMPARE(c.objectId, expected.objectId);
        QVERIFY(!c.polled);
    }
}

void TestRecording::snapshotOfAMomentReadsAsASnapshot()
{
    const WalkRecording walk = walkRecording(3, 30, 40);
    const std::string path = file("snapshot.hcnrec");
    QVERIFY(writeRecording(path, walk.snapshot, walk.events));
    auto reader = hcn::RecordingReader::open(path);
    HCN_VERIFY_OK(reader);
    for (std::size_t k : {std::size_t(0), walk.events.size() / 2, walk.events.size()}) {
        auto text = (*reader)->snapshotAfter(k);
        HCN_VERIFY_OK(text);
        auto objects = hcn::parseHostSnapshot(*text);
        HCN_VERIFY_OK(objects);
        hcn::HostState host;
        (void)host.assign(std::move(*objects));
        QCOMPARE(hostDifferences(host, referenceHost(walk.snapshot, walk.events, k)), QStringList());
        QVERIFY(json::parse(*text).contains("HnsVersion"));
    }
}

void TestRecording::cutFileStillOpens_data()
{
    QTest::addColumn<int>("cutBytes"); // bytes taken off the end of a file without its end line
    QTest::newRow("no end line (killed between changes)") << 0;
    QTest::newRow("last line half written (killed mid-line)") << 25;
}

void TestRecording::cutFileStillOpens()
{
    QFETCH(int, cutBytes);
    const WalkRecording walk = walkRecording(5, 10, 30);
    const std::string path = file("cut.hcnrec");
    QVERIFY(writeRecording(path, walk.snapshot, walk.events, false));
    QByteArray bytes = fileBytes(path);
    QVERIFY(bytes.endsWith('\n'));
    bytes.chop(cutBytes);
    writeBytes(path, bytes);

    auto reader = hcn::RecordingReader::open(path);
    HCN_VERIFY_OK(reader);
    const std::size_t kept = walk.events.size() - (cutBytes > 0 ? 1 : 0);
    QCOMPARE((*reader)->changeCount(), kept);
    const QString cut = qs((*reader)->cutDetail());
    QVERIFY2(cut.contains("it was cut"), qPrintable(cut));
    QVERIFY2(cut.contains(QString("%1 changes").arg(kept)), qPrintable(cut));
    if (cutBytes > 0)
        QVERIFY2(cut.contains("in the middle of its last line"), qPrintable(cut));
    QVERIFY((*reader)->warnings().empty()); // a cut is not a broken line
    QCOMPARE((*reader)->endMs(), timeOf(kept - 1));
    auto host = (*reader)->hostAfter(kept);
    HCN_VERIFY_OK(host);
    QCOMPARE(hostDifferences(*host, referenceHost(walk.snapshot, walk.events, kept)), QStringList());
}

void TestRecording::fileCutInsideItsSnapshotIsAnError()
{
    const WalkRecording walk = walkRecording(5, 10, 0);
    const std::string path = file("nosnapshot.hcnrec");
    QVERIFY(writeRecording(path, walk.snapshot, {}, false));
    QByteArray bytes = fileBytes(path);
    bytes.chop(10);
    writeBytes(path, bytes);
    auto reader = hcn::RecordingReader::open(path);
    QVERIFY(!reader.ok());
    QCOMPARE(reader.code(), hcn::hr::InvalidJson);
    QVERIFY2(qs(reader.status().detail()).contains("cut before its snapshot"),
             reader.status().detail().c_str());

    writeBytes(path, "{\"Networks\":[]}\n");
    reader = hcn::RecordingReader::open(path);
    QVERIFY(!reader.ok());
    QVERIFY2(qs(reader.status().detail()).contains("not a recording header"),
             reader.status().detail().c_str());
}

void TestRecording::fileChangedAfterOpeningSaysSo()
{
    // Only the snapshot's documents held: every later one is read back from its line when needed.
    const WalkRecording walk = walkRecording(5, 20, 30);
    const std::string path = file("changed.hcnrec");
    QVERIFY(writeRecording(path, walk.snapshot, walk.events));
    hcn::RecordingReader::Options options;
    options.heldDocuments = 0;
    auto opened = hcn::RecordingReader::open(path, options);
    HCN_VERIFY_OK(opened);
    const hcn::RecordingReader& reader = **opened;
    QVERIFY(reader.changeCount() > 0);
    HCN_VERIFY_OK(reader.hostAfter(0));

    // The file cut back to its header and snapshot: the moments that need a change's line say why they
    // cannot be built; the initial snapshot still is.
    QByteArray bytes = fileBytes(path);
    const qsizetype second = bytes.indexOf('\n', bytes.indexOf('\n') + 1);
    QVERIFY(second > 0);
    writeBytes(path, bytes.left(second + 1));
    auto broken = reader.hostAfter(reader.changeCount());
    QCOMPARE(broken.code(), hcn::hr::InvalidJson);
    QVERIFY2(broken.status().detail().find("again (was the file changed?)") != std::string::npos,
             broken.status().detail().c_str());
    auto start = reader.hostAfter(0);
    HCN_VERIFY_OK(start);
    QCOMPARE(start->size(), referenceHost(walk.snapshot, walk.events, 0).size());
}

void TestRecording::documentsWithJsonInTheirTextComeBack()
{
    // Names that spell out a line's members, quotes, braces and escapes: a document read back from its
    // line is the one written.
    const WalkRecording walk = walkRecording(7, 10, 0);
    const std::vector<std::string> names{R"(a","Notification":{"Data":1},"x":")", R"(}]}]\\"{[)",
                                         "\u00e9 \\\" Notification",
                                         R"({"ID":"00000000-0000-0000-0000-000000000001"})"};
    std::vector<hcn::Notification> events;
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string id = "6A1B0C3D-0000-4000-8000-00000000000" + std::to_string(i + 1);
        const nlohmann::json network{
            {"ID", id},
            {"Name", names[i]},
            {"Type", "NAT"},
            {"Flags", 0},
            {"Policies", nlohmann::json::array({{{"Type", "x"}, {"Data", names[i]}}})}};
        events.push_back(
            hcn::Notification{i + 1, hcn::NotificationType::NetworkCreate, hcn::hr::Ok,
                              nlohmann::json{{"ID", id}, {"Flags", 0}, {"Data", network}}.dump()});
    }
    const std::string path = file("names.hcnrec");
    QVERIFY(writeRecording(path, walk.snapshot, events));
    hcn::RecordingReader::Options options;
    options.heldDocuments = 0; // every document read back from its line
    auto opened = hcn::RecordingReader::open(path, options);
    HCN_VERIFY_OK(opened);
    QCOMPARE((*opened)->changeCount(), events.size());
    for (std::size_t k = 0; k <= events.size(); ++k) {
        auto host = (*opened)->hostAfter(k);
        HCN_VERIFY_OK(host);
        const QStringList problems = hostDifferences(*host, referenceHost(walk.snapshot, events, k));
        if (!problems.isEmpty())
            QFAIL(qPrintable(QString("after change %1:\n%2").arg(k).arg(problems.join('\n'))));
    }
}

void TestRecording::brokenLinesAreSkippedAndNamed()
{
    const WalkRecording walk = walkRecording(11, 20, 40);
    const std::string path = file("broken.hcnrec");
    QVERIFY(writeRecording(path, walk.snapshot, walk.events));
    QList<QByteArray> lines = fileBytes(path).split('\n');
    // Lines 1 and 2 are the header and the snapshot; insert after changes 3, 10 and 20 (file lines).
    lines.insert(22, "{\"Change\":99,\"TypeValue\":2,\"Updates\":[]}");
    lines.insert(12, "[1,2,3]");
    lines.insert(5, "{\"Change\":5,\"Time\":\"2025-12-03T16:34:55.000Z\",\"TypeVal");
    writeBytes(path, lines.join('\n'));

    auto reader = hcn::RecordingReader::open(path);
    HCN_VERIFY_OK(reader);
    const hcn::RecordingReader& r = **reader;
    QCOMPARE(r.changeCount(), walk.events.size());
    QCOMPARE(r.skippedLines(), std::size_t(3));
    QCOMPARE(r.warnings().size(), std::size_t(3));
    QVERIFY2(qs(r.warnings()[0]).startsWith("line 6: not a JSON object"), r.warnings()[0].c_str());
    QVERIFY2(qs(r.warnings()[1]).startsWith("line 14: not a JSON object"), r.warnings()[1].c_str());
    QVERIFY2(qs(r.warnings()[2]).startsWith("line 25: a change without a usable Time"),
             r.warnings()[2].c_str());
    QVERIFY(r.cutDetail().empty());
    for (std::size_t k : {std::size_t(3), std::size_t(15), walk.events.size()}) {
        auto host = r.hostAfter(k);
        HCN_VERIFY_OK(host);
        QCOMPARE(hostDifferences(*host, referenceHost(walk.snapshot, walk.events, k)), QStringList());
    }
}

void TestRecording::membersOfAnotherTypeAreNotFatal()
{
    // A hand-edited or damaged file may hold text where a number belongs and the reverse: such a member
    // reads as absent, never as the end of the program.
    const WalkRecording walk = walkRecording(12, 10, 20);
    const std::string path = file("retyped.hcnrec");
    QVERIFY(writeRecording(path, walk.snapshot, walk.events));
    QByteArray bytes = fileBytes(path);
    bytes.replace("\"Tool\":\"", "\"Tool\":7,\"ToolWas\":\"");
    QList<QByteArray> lines = bytes.split('\n');
    for (qsizetype i = 2; i < lines.size(); ++i) {
        QString line = QString::fromUtf8(lines[i]);
        line.replace(QRegularExpression("\"Sequence\":(\\d+)"), "\"Sequence\":\"\\1\"");
        line.replace(QRegularExpression("\"Status\":(-?\\d+)"), "\"Status\":[\\1]");
        line.replace(QRegularExpression("\"Kind\":\"(\\w+)\""), "\"Kind\":{\"Was\":\"\\1\"}");
        lines[i] = line.toUtf8();
    }
    writeBytes(path, lines.join('\n'));

    auto reader = hcn::RecordingReader::open(path);
    HCN_VERIFY_OK(reader);
    QCOMPARE((*reader)->changeCount(), walk.events.size());
    HCN_VERIFY_OK((*reader)->hostAfter(walk.events.size()));
}

void TestRecording::moments_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("type");
    QTest::addColumn<qint64>("value");
    QTest::newRow("end") << "end" << true << int(RecordingMoment::Type::End) << qint64(0);
    QTest::newRow("nothing: the end") << "" << true << int(RecordingMoment::Type::End) << qint64(0);
    QTest::newRow("seconds from the start")
        << "+90" << true << int(RecordingMoment::Type::Offset) << qint64(90000);
    QTest::newRow("fractional seconds")
        << "+1.5" << true << int(RecordingMoment::Type::Offset) << qint64(1500);
    QTest::newRow("change number") << "#120" << true << int(RecordingMoment::Type::Change) << qint64(120);
    QTest::newRow("the initial snapshot") << "#0" << true << int(RecordingMoment::Type::Change) << qint64(0);
    QTest::newRow("ISO UTC") << "2025-12-03T16:34:51Z" << true << int(RecordingMoment::Type::Time)
                             << qint64(kStart);
    QTest::newRow("ISO with ms") << "2025-12-03T16:34:51.250Z" << true << int(RecordingMoment::Type::Time)
                                 << qint64(kStart + 250);
    QTest::newRow("ISO with an offset")
        << "2025-12-03T17:34:51+01:00" << true << int(RecordingMoment::Type::Time) << qint64(kStart);
    QTest::newRow("a word") << "yesterday" << false << 0 << qint64(0);
    QTest::newRow("plus alone") << "+" << false << 0 << qint64(0);
    QTest::newRow("negative offset") << "+-3" << false << 0 << qint64(0);
    QTest::newRow("hash without number") << "#x" << false << 0 << qint64(0);
    QTest::newRow("no time of day") << "2025-12-03" << false << 0 << qint64(0);
}

void TestRecording::moments()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(int, type);
    QFETCH(qint64, value);
    auto moment = hcn::parseRecordingMoment(text.toStdString());
    QCOMPARE(moment.ok(), valid);
    if (!valid) {
        QCOMPARE(moment.code(), hcn::hr::InvalidArg);
        QVERIFY(qs(moment.status().detail()).contains("+SECONDS"));
        return;
    }
    QCOMPARE(int(moment->type), type);
    const std::int64_t got = moment->type == RecordingMoment::Type::Offset   ? moment->offsetMs
                             : moment->type == RecordingMoment::Type::Change ? std::int64_t(moment->change)
                             : moment->type == RecordingMoment::Type::Time   ? moment->timeMs
                                                                             : 0;
    QCOMPARE(qint64(got), value);
    QCOMPARE(qs(hcn::formatUtcMs(kStart)), QString("2025-12-03T16:34:51.000Z"));
}

void TestRecording::momentsOfARecording()
{
    const WalkRecording walk = walkRecording(9, 10, 20);
    const std::string path = file("moments.hcnrec");
    QVERIFY(writeRecording(path, walk.snapshot, walk.events));
    auto reader = hcn::RecordingReader::open(path);
    HCN_VERIFY_OK(reader);
    const hcn::RecordingReader& r = **reader;
    const std::size_t count = walk.events.size();
    QVERIFY(count >= 10);
    auto at = [&](const char* text) {
        auto moment = hcn::parseRecordingMoment(text);
        return moment.ok() ? r.changesAt(*moment) : hcn::Result<std::size_t>(moment.status());
    };
    QCOMPARE(*at("end"), count);
    QCOMPARE(*at("#0"), std::size_t(0));
    QCOMPARE(*at("#5"), std::size_t(5));
    QCOMPARE(*at("+0"), std::size_t(0)); // before the first change (a second in)
    QCOMPARE(*at("+3"), std::size_t(3)); // changes are a second apart
    QCOMPARE(*at("+3.5"), std::size_t(3));
    QCOMPARE(*at("+100000"), count);
    QCOMPARE(*at("2025-12-03T16:34:56Z"), std::size_t(5));
    QVERIFY(!at(("#" + std::to_string(count + 1)).c_str()).ok());
    auto before = at("2025-12-03T16:00:00Z");
    QVERIFY(!before.ok());
    QVERIFY(qs(before.status().detail()).contains("before the recording started"));
}

void TestRecording::referencesSplitOnlyWhenTheWordIsNoFile()
{
    const WalkRecording walk = walkRecording(9, 5, 5);
    const std::string path = file("ref.hcnrec");
    QVERIFY(writeRecording(path, walk.snapshot, walk.events));
    const std::string odd = file("odd@+5.hcnrec"); // a file whose name holds '@'
    QVERIFY(writeRecording(odd, walk.snapshot, walk.events));
    const std::string plain = file("plain.json");
    writeBytes(plain, QByteArray::fromStdString(walk.snapshot));

    auto whole = hcn::recordingReference(path);
    HCN_VERIFY_OK(whole);
    QVERIFY(whole->has_value());
    QCOMPARE(int((*whole)->moment.type), int(RecordingMoment::Type::End));
    auto timed = hcn::recordingReference(path + "@+2");
    HCN_VERIFY_OK(timed);
    QCOMPARE((*timed)->path, path);
    QCOMPARE((*timed)->moment.offsetMs, std::int64_t(2000));
    auto numbered = hcn::recordingReference(path + "#3");
    HCN_VERIFY_OK(numbered);
    QCOMPARE((*numbered)->moment.change, std::uint64_t(3));
    auto named = hcn::recordingReference(odd);
    HCN_VERIFY_OK(named);
    QCOMPARE((*named)->path, odd);
    QVERIFY(!hcn::recordingReference(plain)->has_value());
    QVERIFY(!hcn::recordingReference(plain + "@+2")->has_value());
    QVERIFY(!hcn::recordingReference(file("missing.hcnrec") + "@+2")->has_value());
    QVERIFY(!hcn::recordingReference(path + "@soon").ok());
}

void TestRecording::recorderWritesTheEngineEvents()
{
    hcn::EmbeddedApi api;
    HCN_VERIFY_OK(addNetwork(api, "before", 1));
    const std::string path = file("recorded.hcnrec");
    hcn::RecorderOptions options;
    options.tool = "tst_recording";
    options.source = "embedded engine";
    auto recorder = hcn::Recorder::start(api, path, options);
    HCN_VERIFY_OK(recorder);
    QVERIFY((*recorder)->fallbackReason().empty());
    HCN_VERIFY_OK(addNetwork(api, "during", 2));
    api.engine().drainNotifications();
    HCN_VERIFY_OK((*recorder)->finish("interrupted"));
    const std::uint64_t changes = (*recorder)->changes();
    QVERIFY(changes >= 1);

    auto reader = hcn::RecordingReader::open(path);
    HCN_VERIFY_OK(reader);
    const hcn::RecordingReader& r = **reader;
    QCOMPARE(r.changeCount(), std::size_t(changes));
    QCOMPARE(r.endReason(), std::string("interrupted"));
    QCOMPARE(r.header().capture, hcn::RecordingCapture::Events);
    auto first = r.hostAfter(0);
    auto last = r.hostAfter(r.changeCount());
    HCN_VERIFY_OK(first);
    HCN_VERIFY_OK(last);
    QCOMPARE(first->count(hcn::ResourceKind::Network), std::size_t(1));
    QCOMPARE(last->count(hcn::ResourceKind::Network), std::size_t(2));
    bool sawCreate = false;
    for (std::size_t n = 1; n <= r.changeCount(); ++n)
        sawCreate =
            sawCreate || (r.change(n).type == hcn::NotificationType::NetworkCreate && !r.change(n).polled);
    QVERIFY(sawCreate);
}

void TestRecording::recorderPollsWhenAsked()
{
    hcn::EmbeddedApi api;
    const std::string path = file("polled.hcnrec");
    hcn::RecorderOptions options;
    options.pollInterval = std::chrono::milliseconds(10);
    options.maxChanges = 1;
    auto recorder = hcn::Recorder::start(api, path, options);
    HCN_VERIFY_OK(recorder);
    QCOMPARE((*recorder)->header().capture, hcn::RecordingCapture::Polling);
    HCN_VERIFY_OK(addNetwork(api, "polled", 3));
    // Generous: the poll after the create ends the recording by its limit.
    QCOMPARE((*recorder)->waitFor(std::chrono::seconds(60)), hcn::Recorder::Ended::MaxChanges);
    HCN_VERIFY_OK((*recorder)->finish("stopped"));

    auto reader = hcn::RecordingReader::open(path);
    HCN_VERIFY_OK(reader);
    const hcn::RecordingReader& r = **reader;
    QCOMPARE(r.header().capture, hcn::RecordingCapture::Polling);
    QCOMPARE(r.header().pollIntervalMs, std::int64_t(10));
    QCOMPARE(hcn::recordingCaptureText(r.header()), std::string("polling every 10 ms"));
    QCOMPARE(r.endReason(), std::string("max-changes"));
    QCOMPARE(r.changeCount(), std::size_t(1));
    QVERIFY(r.change(1).polled);
    QCOMPARE(r.change(1).type, hcn::NotificationType::NetworkCreate);
    QCOMPARE(r.change(1).sequence, std::uint64_t(0));
    auto host = r.hostAfter(1);
    HCN_VERIFY_OK(host);
    QCOMPARE(host->count(hcn::ResourceKind::Network), std::size_t(1));
}

QTEST_GUILESS_MAIN(TestRecording)
#include "tst_recording.moc"
