// ApiWorker: the console's HCN calls run on the worker's thread, in the order they were queued, and
// their results come back on the GUI thread; a receiver that is gone gets nothing; a failed open fails
// the calls after it; and letting go of a worker whose call hangs does not stop the window.

#include "engine_harness.h"
#include "hcn/embedded_api.h"
#include "models/api_worker.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <atomic>
#include <future>
#include <mutex>

using hcn::ui::ApiWorker;

class TestApiWorker : public QObject
{
    Q_OBJECT
private slots:
    void callsRunInOrderOffTheGuiThread();
    void aReceiverThatIsGoneGetsNoResult();
    void aFailedOpenFailsTheCallsAfterIt();
    void lettingGoOfAHangingWorkerKeepsTheWindowTurning();
};

void TestApiWorker::callsRunInOrderOffTheGuiThread()
{
    auto engine = std::make_shared<hcn::EmbeddedApi>();
    ApiWorker worker(engine);
    QSignalSpy busy(&worker, &ApiWorker::busyChanged);
    std::mutex mutex;
    QList<int> ran;
    QList<int> delivered;
    bool offTheGuiThread = true;
    QThread* gui = QThread::currentThread();
    for (int i = 0; i < 5; ++i)
        worker.call(
            this,
            [&, i](hcn::Api& api) -> hcn::Result<std::string> {
                std::lock_guard lock(mutex);
                ran << i;
                offTheGuiThread = offTheGuiThread && QThread::currentThread() != gui;
                return api.enumerate(hcn::ResourceKind::Network, "");
            },
            [&, i](hcn::Result<std::string> networks) {
                QVERIFY(networks.ok());
                QCOMPARE(QThread::currentThread(), gui);
                delivered << i;
            });
    QVERIFY(worker.isBusy());
    QCOMPARE(worker.pendingCalls(), 5);
    QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 5, 10000);
    QCOMPARE(ran, (QList<int>{0, 1, 2, 3, 4}));
    QCOMPARE(delivered, (QList<int>{0, 1, 2, 3, 4}));
    QVERIFY(offTheGuiThread);
    QVERIFY(!worker.isBusy());
    QCOMPARE(busy.count(), 2); // busy once for the whole burst
    QCOMPARE(worker.sharedApi().get(), engine.get());
    QVERIFY(!worker.isRemote());
}

void TestApiWorker::aReceiverThatIsGoneGetsNoResult()
{
    ApiWorker worker(std::make_shared<hcn::EmbeddedApi>());
    auto* receiver = new QObject;
    bool goneGotIt = false;
    bool laterGotIt = false;
    worker.call(
        receiver, [](hcn::Api& api) { return api.info(); },
        [&](const hcn::Result<hcn::ApiInfo>&) { goneGotIt = true; });
    delete receiver;
    worker.call(
        this, [](hcn::Api& api) { return api.info(); },
        [&](const hcn::Result<hcn::ApiInfo>& info) { laterGotIt = info.ok(); });
    QTRY_VERIFY_WITH_TIMEOUT(laterGotIt, 10000);
    QVERIFY(!goneGotIt);
    QVERIFY(!worker.isBusy());
}

void TestApiWorker::aFailedOpenFailsTheCallsAfterIt()
{
    ApiWorker worker(ApiWorker::Opener([]() -> hcn::Result<std::shared_ptr<hcn::Api>> {
        return hcn::Status(hcn::hr::ManagerStopped, "no service here");
    }));
    QVERIFY(worker.isRemote());
    QSignalSpy opened(&worker, &ApiWorker::opened);
    bool workRan = false;
    std::optional<hcn::Status> outcome;
    worker.call(
        this,
        [&](hcn::Api&) {
            workRan = true;
            return hcn::Status::success();
        },
        [&](const hcn::Status& status) { outcome = status; });
    QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 10000);
    QCOMPARE(opened.count(), 1);
    QCOMPARE(opened.front().front().value<hcn::Status>().code(), hcn::hr::ManagerStopped);
    QCOMPARE(outcome->code(), hcn::hr::ManagerStopped);
    QCOMPARE(outcome->detail(), std::string("no service here"));
    QVERIFY(!workRan);
    QVERIFY(!worker.sharedApi());
}

void TestApiWorker::lettingGoOfAHangingWorkerKeepsTheWindowTurning()
{
    // An open that does not return until the test says so: a service that never answers.
    auto release = std::make_shared<std::promise<void>>();
    std::shared_future<void> released = release->get_future().share();
    auto queuedCallRan = std::make_shared<std::atomic<bool>>(false);
    bool delivered = false;
    auto worker =
        std::make_unique<ApiWorker>(ApiWorker::Opener([released]() -> hcn::Result<std::shared_ptr<hcn::Api>> {
            released.wait();
            return std::shared_ptr<hcn::Api>(std::make_shared<hcn::EmbeddedApi>());
        }));
    worker->call(
        this,
        [queuedCallRan](hcn::Api&) {
            *queuedCallRan = true;
            return hcn::Status::success();
        },
        [&](const hcn::Status&) { delivered = true; });

    worker.reset(); // returns although the open hangs

    int ticks = 0;
    QTimer timer;
    timer.setInterval(10);
    connect(&timer, &QTimer::timeout, this, [&] { ++ticks; });
    timer.start();
    QTRY_VERIFY_WITH_TIMEOUT(ticks >= 20, 10000);
    QVERIFY(!*queuedCallRan);

    // Once the open returns, the call queued behind it still runs; its result goes nowhere.
    release->set_value();
    QTRY_VERIFY_WITH_TIMEOUT(queuedCallRan->load(), 10000);
    const int after = ticks;
    QTRY_VERIFY(ticks > after + 5);
    QVERIFY(!delivered);
}

QTEST_MAIN(TestApiWorker)
#include "tst_apiworker.moc"
