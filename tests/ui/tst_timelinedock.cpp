// Recordings in the console: a recording written by the core's writer opens as a read-only host at its
// end with its timeline; scrubbing and stepping show the host as it was (tree rows appear and go); the
// moment's host reaches the mirror as it is and only what changed is reloaded; the compare marks hand
// over the two hosts; a cut or broken file opens with a note; a file that is no
// recording keeps the host shown; recording the live embedded host writes a file that opens again with
// the same objects; the window keeps turning while a moment is built, and a drag builds only the newest.

#include "compare/compare_dock.h"
#include "engine_harness.h"
#include "hcn/recording.h"
#include "models/api_worker.h"
#include "models/console_resources.h"
#include "models/host_mirror.h"
#include "models/recording_playback.h"
#include "models/resource_tree_model.h"
#include "widgets/host_status_bar.h"
#include "widgets/live_recording_controller.h"
#include "widgets/main_window.h"
#include "widgets/recording_controller.h"
#include "widgets/resource_tree_dock.h"
#include "widgets/scenario_controller.h"
#include "widgets/timeline_dock.h"
#include "widgets/timeline_slider.h"

#include <QAction>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <numeric>

using hcn::ResourceKind;
using hcn::ui::MainWindow;
using hcn::ui::RecordingController;
using hcn::ui::TimelineDock;
using json = nlohmann::json;

namespace {

const std::string kNet1 = "11111111-1111-4111-8111-111111111111";
const std::string kNet2 = "22222222-2222-4222-8222-222222222222";
const std::string kEp1 = "E1E1E1E1-0000-4000-8000-000000000001";
const std::string kEp2 = "E2E2E2E2-0000-4000-8000-000000000002";
constexpr std::int64_t kStart = 1764779691000;

json network(const std::string& id, const std::string& name)
{
    json doc = hcntest::natNetwork(name);
    doc["ID"] = id;
    return doc;
}

json endpoint(const std::string& id, const std::string& name)
{
    return hcntest::v2(json{{"ID", id}, {"Name", name}, {"HostComputeNetwork", kNet1}});
}

hcn::Notification notification(hcn::NotificationType type, const json& document, std::uint64_t sequence)
{
    return {sequence, type, hcn::hr::Ok,
            json{{"ID", document["ID"]}, {"Flags", 0}, {"Data", document}}.dump()};
}

/// The host starts with network 1; +1 s endpoint 1, +2 s endpoint 2, +3 s network 2, +4 s endpoint 1
/// goes; the end line at +5 s unless `cut`.
bool writeRecording(const QString& path, bool cut = false)
{
    json snapshot{{"HnsVersion", {{"Major", 15}, {"Minor", 4}}},
                  {"SchemaVersion", {{"Major", 2}, {"Minor", 16}}}};
    for (ResourceKind kind : hcn::kResourceKinds)
        snapshot[std::string(hcn::resourceKindPlural(kind))] = json::array();
    snapshot["Networks"].push_back(network(kNet1, "first"));
    hcn::RecordingHeader header;
    header.tool = "tst_timelinedock";
    header.source = "test host";
    header.startedMs = kStart;
    auto writer = hcn::RecordingWriter::create(path.toStdString(), header, snapshot.dump());
    if (!writer.ok())
        return false;
    using T = hcn::NotificationType;
    bool ok =
        (*writer)->append(notification(T::EndpointCreate, endpoint(kEp1, "one"), 1), kStart + 1000).ok() &&
        (*writer)->append(notification(T::EndpointCreate, endpoint(kEp2, "two"), 2), kStart + 2000).ok() &&
        (*writer)->append(notification(T::NetworkCreate, network(kNet2, "second"), 3), kStart + 3000).ok() &&
        (*writer)
            ->append(notification(T::EndpointDelete, json{{"ID", kEp1}, {"Name", "one"}}, 4), kStart + 4000)
            .ok();
    if (ok && !cut)
        ok = (*writer)->finish("duration", kStart + 5000).ok();
    return ok;
}

struct Window
{
    MainWindow window;
    bool loaded = false;

    Window()
    {
        window.setLayoutPersistence(false);
        window.scenarioController()->setReplaceQuestion([](const QString&, const QString&) { return true; });
        QSignalSpy shown(window.scenarioController(), &hcn::ui::ScenarioController::hostLoaded);
        window.scenarioController()->newEmptyHost();
        loaded = shown.wait(10000);
        window.resize(1200, 800);
        window.show();
    }

    TimelineDock* timeline() { return window.timelineDock(); }
    RecordingController* recordings() { return window.recordingController(); }

    /// Opens `path` without questions; true when the recording is shown.
    bool open(const QString& path, QString* error = nullptr)
    {
        QSignalSpy opened(recordings(), &RecordingController::opened);
        QSignalSpy failed(recordings(), &RecordingController::failed);
        recordings()->load(path);
        if (!QTest::qWaitFor([&] { return opened.count() + failed.count() > 0; }, 20000))
            return false;
        if (error && !failed.isEmpty())
            *error = failed.front().at(1).toString();
        return opened.count() == 1;
    }

    /// Waits until the moment asked for is on screen.
    bool settled()
    {
        auto* playback = recordings()->playback();
        return playback && QTest::qWaitFor(
                               [&] {
                                   return !playback->isBusy() &&
                                          playback->shownChanges() == timeline()->currentChanges();
                               },
                               20000);
    }

    bool inTree(const std::string& id)
    {
        return window.resourceTreeDock()->model()->indexOf(QString::fromStdString(id)).isValid();
    }
};

} // namespace

class TestTimelineDock : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { hcn::ui::initConsoleResources(); }

    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("office.hcnrec"));
        QVERIFY(writeRecording(m_path));
    }

    void opensAtTheEnd()
    {
        Window w;
        QVERIFY(w.loaded);
        QVERIFY(!w.timeline()->isVisible());
        QVERIFY(w.open(m_path));
        QVERIFY(w.window.windowTitle().contains(QStringLiteral("recording, read-only: office.hcnrec")));
        QVERIFY(w.window.mirror()->info().readOnly);
        QVERIFY(w.timeline()->isVisible());
        QCOMPARE(w.timeline()->currentChanges(), std::size_t(4));
        QVERIFY(w.timeline()->momentText().startsWith(QStringLiteral("change 4 of 4")));
        QVERIFY(w.timeline()->noteText().isEmpty());
        QVERIFY(w.inTree(kNet1) && w.inTree(kNet2) && w.inTree(kEp2));
        QVERIFY(!w.inTree(kEp1));
        // The changes near the end, the last applied one current.
        QCOMPARE(w.timeline()->changeList()->topLevelItemCount(), 4);
        QCOMPARE(w.timeline()->changeList()->currentItem()->text(0), QStringLiteral("4"));
        QCOMPARE(w.timeline()->changeList()->currentItem()->text(4), QStringLiteral("HcnExtEndpointDelete"));
        // The change marks arrive off the GUI thread: four changes in all.
        QVERIFY(QTest::qWaitFor([&] { return !w.timeline()->slider()->density().isEmpty(); }, 10000));
        const QVector<int> density = w.timeline()->slider()->density();
        QCOMPARE(std::accumulate(density.cbegin(), density.cend(), 0), 4);
    }

    void scrubShowsTheHostAsItWas_data()
    {
        QTest::addColumn<int>("offsetMs");
        QTest::addColumn<int>("changes");
        QTest::addColumn<QStringList>("present");
        QTest::addColumn<QStringList>("absent");
        const QString n1 = QString::fromStdString(kNet1), n2 = QString::fromStdString(kNet2);
        const QString e1 = QString::fromStdString(kEp1), e2 = QString::fromStdString(kEp2);
        QTest::newRow("start: the initial snapshot") << 0 << 0 << QStringList{n1} << QStringList{e1, e2, n2};
        QTest::newRow("middle: two endpoints, no second network")
            << 2500 << 2 << QStringList{n1, e1, e2} << QStringList{n2};
        QTest::newRow("just after the second network")
            << 3000 << 3 << QStringList{n1, n2, e1, e2} << QStringList{};
        QTest::newRow("end: endpoint 1 gone") << 5000 << 4 << QStringList{n1, n2, e2} << QStringList{e1};
    }

    void scrubShowsTheHostAsItWas()
    {
        QFETCH(int, offsetMs);
        QFETCH(int, changes);
        QFETCH(QStringList, present);
        QFETCH(QStringList, absent);
        Window w;
        QVERIFY(w.open(m_path));
        w.timeline()->slider()->setValue(offsetMs); // what dragging the handle does
        QCOMPARE(w.timeline()->currentChanges(), std::size_t(changes));
        QVERIFY(w.settled());
        for (const QString& id : present)
            QVERIFY2(w.inTree(id.toStdString()), qPrintable(id));
        for (const QString& id : absent)
            QVERIFY2(!w.inTree(id.toStdString()), qPrintable(id));
        QCOMPARE(w.window.hostStatusBar()->countsText().isEmpty(), false);
    }

    void stepsOneChange()
    {
        Window w;
        QVERIFY(w.open(m_path));
        auto* back = w.timeline()->findChild<QAction*>(QStringLiteral("actionTimelineBack"));
        auto* forward = w.timeline()->findChild<QAction*>(QStringLiteral("actionTimelineForward"));
        QVERIFY(back && forward);
        QVERIFY(!forward->isEnabled()); // at the end
        back->trigger();
        QCOMPARE(w.timeline()->currentChanges(), std::size_t(3));
        QVERIFY(w.settled());
        QVERIFY(w.inTree(kEp1)); // its deletion is undone
        QCOMPARE(w.timeline()->changeList()->currentItem()->text(0), QStringLiteral("3"));
        QVERIFY(w.timeline()->momentText().startsWith(QStringLiteral("change 3 of 4")));
        forward->trigger();
        QVERIFY(w.settled());
        QVERIFY(!w.inTree(kEp1));
        w.timeline()->moveTo(0);
        QVERIFY(w.settled());
        QVERIFY(!back->isEnabled());
        QVERIFY(!w.inTree(kEp2));
    }

    void scrubReloadsOnlyWhatChanged()
    {
        Window w;
        QVERIFY(w.open(m_path));
        hcn::ui::HostMirror* mirror = w.window.mirror();
        w.timeline()->moveTo(3);
        QVERIFY(w.settled());
        QVERIFY(w.inTree(kNet2));
        const hcn::ui::MirrorObject* first = mirror->object(QString::fromStdString(kNet1));
        QVERIFY(first);
        const hcn::HostDocument firstDocument = first->parsed;

        // Back one change: network 2 goes; nothing is added or changed, and the objects that stay keep
        // the documents they had (not converted again).
        QSignalSpy added(mirror, &hcn::ui::HostMirror::objectsAdded);
        QSignalSpy changed(mirror, &hcn::ui::HostMirror::objectsChanged);
        w.timeline()->moveTo(2);
        QVERIFY(w.settled());
        QVERIFY(!w.inTree(kNet2));
        QVERIFY(!mirror->object(QString::fromStdString(kNet2)));
        QCOMPARE(added.count(), 0);
        QCOMPARE(changed.count(), 0);
        QVERIFY(mirror->object(QString::fromStdString(kNet1)));
        QCOMPARE(mirror->object(QString::fromStdString(kNet1))->parsed, firstDocument);

        // Forward again: only network 2 comes back.
        w.timeline()->moveTo(3);
        QVERIFY(w.settled());
        QCOMPARE(added.count(), 1);
        QCOMPARE(added.front().front().toStringList(), QStringList{QString::fromStdString(kNet2)});
        QCOMPARE(changed.count(), 0);
        QCOMPARE(mirror->hostState().size(), std::size_t(4));
    }

    void compareCarriesBothHosts()
    {
        Window w;
        QVERIFY(w.open(m_path));
        QVERIFY(!w.timeline()->compareAction()->isEnabled());
        w.timeline()->moveTo(3);
        w.timeline()->markA();
        w.timeline()->moveTo(1);
        w.timeline()->markB();
        QVERIFY(w.timeline()->compareAction()->isEnabled());
        QSignalSpy compared(w.timeline(), &TimelineDock::compareRequested);
        w.timeline()->compareAction()->trigger();
        QVERIFY(compared.wait(10000));
        const auto before = compared.front().at(0).value<hcn::HostState>();
        const auto after = compared.front().at(1).value<hcn::HostState>();
        // The earlier moment comes first, whichever mark it is.
        QCOMPARE(before.size(), std::size_t(2)); // network 1 and endpoint 1
        QVERIFY(before.find(kEp1) && !before.find(kEp2));
        QCOMPARE(after.size(), std::size_t(4));
        QVERIFY(after.find(kNet2) && after.find(kEp2));
        QVERIFY(compared.front().at(2).toString().contains(QStringLiteral("office.hcnrec at change 1")));
        QVERIFY(compared.front().at(3).toString().contains(QStringLiteral("at change 3")));
        // The window shows the two moments in the Compare view: the network and endpoint added in between.
        QTRY_COMPARE_WITH_TIMEOUT(w.window.compareDock()->headlineText(), QStringLiteral("2 objects differ."),
                                  10000);
        QVERIFY(w.window.compareDock()->titleText().contains(QStringLiteral("at change 1")));
    }

    void cutRecordingOpensWithANote()
    {
        const QString cut = m_dir.filePath(QStringLiteral("cut.hcnrec"));
        QVERIFY(writeRecording(cut, true));
        {
            QFile file(cut);
            QVERIFY(file.open(QIODevice::Append));
            file.write("{\"t\":17647796950"); // the line a kill cut in half
        }
        Window w;
        QVERIFY(w.open(cut));
        QVERIFY2(w.timeline()->noteText().contains(QStringLiteral("no end line")),
                 qPrintable(w.timeline()->noteText()));
        QVERIFY(w.timeline()->findChild<QWidget*>(QStringLiteral("timelineNote"))->isVisible());
        QCOMPARE(w.timeline()->currentChanges(), std::size_t(4));
        QVERIFY(w.inTree(kNet2) && !w.inTree(kEp1));
    }

    void notARecordingKeepsTheHost()
    {
        const QString bad = m_dir.filePath(QStringLiteral("bad.hcnrec"));
        {
            QFile file(bad);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("this is not a recording\n");
        }
        QVERIFY(!RecordingController::isRecordingFile(bad));
        QVERIFY(RecordingController::isRecordingFile(m_path));
        Window w;
        const hcn::Api* before = w.window.mirror()->worker()->sharedApi().get();
        QString error;
        QVERIFY(!w.open(bad, &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(w.window.mirror()->worker()->sharedApi().get(), before);
        QVERIFY(!w.timeline()->isVisible());
    }

    void anotherHostClosesTheTimeline()
    {
        Window w;
        QVERIFY(w.open(m_path));
        QSignalSpy closed(w.recordings(), &RecordingController::closed);
        QSignalSpy shown(w.window.scenarioController(), &hcn::ui::ScenarioController::hostLoaded);
        w.window.scenarioController()->newEmptyHost();
        QVERIFY(shown.wait(10000));
        QCOMPARE(closed.count(), 1);
        QVERIFY(!w.timeline()->isVisible());
        QVERIFY(!w.recordings()->playback());
        QVERIFY(!w.window.windowTitle().contains(QStringLiteral("recording")));
    }

    void recordsTheLiveHost()
    {
        const QString path = m_dir.filePath(QStringLiteral("live.hcnrec"));
        Window w;
        QVERIFY(w.loaded);
        auto* live = w.window.liveRecordingController();
        auto* record = w.window.findChild<QAction*>(QStringLiteral("actionRecord"));
        QVERIFY(record && record->isEnabled());
        QSignalSpy progress(live, &hcn::ui::LiveRecordingController::progress);
        QVERIFY(live->start(path));
        QVERIFY(live->isRecording());
        QVERIFY(progress.wait(10000)); // started: the header and the snapshot are written
        QCOMPARE(record->text(), QStringLiteral("Stop &Live Recording"));
        QVERIFY(w.window.findChild<QWidget*>(QStringLiteral("recordingStatus"))->isVisible());

        std::shared_ptr<hcn::Api> api = w.window.mirror()->worker()->sharedApi();
        auto handle =
            api->create(ResourceKind::Network, hcn::Guid(), hcntest::natNetwork("recorded").dump(), 0);
        QVERIFY(handle.ok());
        auto id = api->handleId(ResourceKind::Network, *handle);
        QVERIFY(id.ok());
        (void)api->close(ResourceKind::Network, *handle);
        const std::string networkId = hcn::canonicalObjectId(id->toString());
        // The network's pre-create and create: a recording stopped between the two ends without it.
        QVERIFY(QTest::qWaitFor([&] { return live->changes() >= 2; }, 10000));
        QVERIFY(live->statusText().contains(QStringLiteral("live.hcnrec")));

        QSignalSpy finished(live, &hcn::ui::LiveRecordingController::finished);
        live->stop();
        QVERIFY(finished.wait(10000));
        QVERIFY2(finished.front().at(2).toBool(), qPrintable(finished.front().at(1).toString()));
        QVERIFY(!live->isRecording());

        QVERIFY(w.open(path));
        QVERIFY(w.inTree(networkId));
        w.timeline()->moveTo(0);
        QVERIFY(w.settled());
        QVERIFY(!w.inTree(networkId)); // created after the recording started
        QVERIFY(!record->isEnabled()); // a recording is not live
    }

    void recordingStopsWhenTheHostIsSwitched()
    {
        const QString path = m_dir.filePath(QStringLiteral("switched.hcnrec"));
        Window w;
        auto* live = w.window.liveRecordingController();
        QSignalSpy progress(live, &hcn::ui::LiveRecordingController::progress);
        QVERIFY(live->start(path));
        QVERIFY(progress.wait(10000));
        QSignalSpy finished(live, &hcn::ui::LiveRecordingController::finished);
        QVERIFY(w.open(m_path));
        QVERIFY(finished.count() == 1 || finished.wait(10000));
        QVERIFY(finished.front().at(1).toString().contains(QStringLiteral("host switched")));
        auto reader = hcn::RecordingReader::open(path.toStdString());
        QVERIFY(reader.ok());
        QCOMPARE(QString::fromStdString((*reader)->endReason()), QStringLiteral("host switched"));
    }

    void unwritableRecordingSaysWhy()
    {
        Window w;
        auto* live = w.window.liveRecordingController();
        QSignalSpy finished(live, &hcn::ui::LiveRecordingController::finished);
        QVERIFY(live->start(m_dir.filePath(QStringLiteral("no-such-folder/live.hcnrec"))));
        QVERIFY(finished.wait(10000));
        QVERIFY(!finished.front().at(2).toBool());
        QVERIFY2(finished.front().at(1).toString().contains(QStringLiteral("could not be started")),
                 qPrintable(finished.front().at(1).toString()));
        QVERIFY(!live->isRecording());
    }

    void guiTurnsWhileAMomentIsBuilt()
    {
        Window w;
        QVERIFY(w.open(m_path));
        auto* playback = w.recordings()->playback();
        QSignalSpy shown(playback, &hcn::ui::RecordingPlayback::momentShown);
        int turns = 0;
        QTimer ticker;
        ticker.setInterval(0);
        QObject::connect(&ticker, &QTimer::timeout, [&] { ++turns; });
        ticker.start();
        // A drag: three moments asked for in a row; the first is built, then only the newest.
        w.timeline()->moveTo(1);
        w.timeline()->moveTo(2);
        w.timeline()->moveTo(0);
        QCOMPARE(shown.count(), 0); // nothing was built on the GUI thread
        QVERIFY(playback->isBusy());
        QVERIFY(w.settled());
        QVERIFY(turns > 0);
        QCOMPARE(shown.count(), 2);
        QCOMPARE(shown.front().at(0).toULongLong(), quint64(1));
        QCOMPARE(shown.back().at(0).toULongLong(), quint64(0));
        QVERIFY(!w.inTree(kEp1) && !w.inTree(kEp2));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

QTEST_MAIN(TestTimelineDock)
#include "tst_timelinedock.moc"
