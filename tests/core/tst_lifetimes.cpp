// Objects destroyed from inside their own callbacks: the engine deleted by one of its subscribers. The
// dispatcher thread must neither touch the freed engine nor stop delivering to the other subscribers
// (run under AddressSanitizer and ThreadSanitizer, where a use after free is a report).

#include "hcn/engine.h"

#include <QtTest>
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

using hcn::NotificationType;
using hcn::ResourceKind;

namespace {

std::string natNetwork(const std::string& name)
{
    return R"({"SchemaVersion":{"Major":2,"Minor":0},"Type":"NAT","Name":")" + name + "\"}";
}

/// Counts what a bystander subscriber receives; waits for a type without sleeping blindly.
struct Witness
{
    std::mutex mutex;
    std::condition_variable changed;
    std::vector<NotificationType> seen;

    void record(const hcn::Notification& n)
    {
        std::lock_guard lock(mutex);
        seen.push_back(n.type);
        changed.notify_all();
    }
    bool waitFor(NotificationType type)
    {
        std::unique_lock lock(mutex);
        return changed.wait_for(lock, std::chrono::seconds(20),
                                [&] { return std::find(seen.begin(), seen.end(), type) != seen.end(); });
    }
};

} // namespace

class TestLifetimes : public QObject
{
    Q_OBJECT

private slots:
    void engineDeletedFromItsOwnCallback_data();
    void engineDeletedFromItsOwnCallback();
};

void TestLifetimes::engineDeletedFromItsOwnCallback_data()
{
    QTest::addColumn<bool>("queueBehind");
    QTest::newRow("nothing queued behind the deleting callback") << false;
    QTest::newRow("more notifications queued behind it") << true;
}

void TestLifetimes::engineDeletedFromItsOwnCallback()
{
    QFETCH(bool, queueBehind);
    auto witness = std::make_shared<Witness>();
    std::atomic<bool> deleted{false};
    std::atomic<bool> secondPosted{!queueBehind};
    auto* engine = new hcn::Engine();
    // Subscribed first: runs before the witness for every notification.
    engine->subscribe([&, engine](const hcn::Notification& n) {
        if (n.type != NotificationType::NetworkCreate || deleted.load())
            return;
        while (!secondPosted.load())
            std::this_thread::yield(); // the test thread queues another notification meanwhile
        deleted = true;
        delete engine; // a subscriber tearing the service down from its own callback
    });
    engine->subscribe([witness](const hcn::Notification& n) { witness->record(n); });
    QVERIFY(engine->create(ResourceKind::Network, {}, natNetwork("first")).ok());
    if (queueBehind) {
        // The first notification's callback waits for this one, so the engine is still alive here.
        QVERIFY(engine->create(ResourceKind::Network, {}, natNetwork("second")).ok());
        secondPosted = true;
    }
    // The other subscriber still hears the service go away, after the create it was in the middle of.
    QVERIFY(witness->waitFor(NotificationType::ServiceDisconnect));
    QVERIFY(deleted.load());
    std::lock_guard lock(witness->mutex);
    QCOMPARE(witness->seen.back(), NotificationType::ServiceDisconnect);
    // What was queued behind the deleting callback is still delivered, in order.
    QCOMPARE(std::count(witness->seen.begin(), witness->seen.end(), NotificationType::NetworkCreate),
             queueBehind ? 2 : 1);
}

QTEST_GUILESS_MAIN(TestLifetimes)
#include "tst_lifetimes.moc"
