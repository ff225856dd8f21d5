// The Properties dock's Datapath part for an endpoint, on an embedded host with the simulated datapath:
// the backend and its (absent) interface names, counters read again by the timer through the host's
// worker (never on the GUI thread), an unattached endpoint said to have no interface, a reply for an
// endpoint no longer selected dropped, no reads while the dock is hidden, and no part for a network or
// on an offline snapshot.

#include "editors/endpoint_datapath_view.h"
#include "editors/hcn_calls.h"
#include "editors/properties_dock.h"
#include "hcn/embedded_api.h"
#include "hcn/simulated_datapath.h"
#include "hcn/snapshot_api.h"
#include "models/current_selection.h"
#include "models/host_mirror.h"
#include "qt_documents.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>
#include <atomic>
#include <thread>

using namespace hcn;
using namespace hcn::ui;

namespace {

/// The simulated datapath, passed through, noting which threads read an endpoint's stats.
class ObservedDatapath final : public Datapath
{
public:
    std::string_view name() const override { return inner->name(); }
    std::unique_ptr<DatapathTransaction> begin() override { return inner->begin(); }
    void reset() override { inner->reset(); }
    Result<EndpointCounters> endpointCounters(const Guid& endpoint) const override
    {
        ++reads;
        if (std::this_thread::get_id() == guiThread)
            ++readsOnGuiThread;
        return inner->endpointCounters(endpoint);
    }
    std::optional<EndpointPort> endpointPort(const Guid& endpoint) const override
    {
        return inner->endpointPort(endpoint);
    }

    std::shared_ptr<SimulatedDatapath> inner = std::make_shared<SimulatedDatapath>();
    std::thread::id guiThread = std::this_thread::get_id();
    mutable std::atomic<int> reads{0};
    mutable std::atomic<int> readsOnGuiThread{0};
};

} // namespace

class TestEndpointDatapath : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void attachedEndpointShowsBackendAndRefreshedCounters();
    void unattachedEndpointHasNoInterface();
    void replyForAnEndpointNoLongerSelectedIsDropped();
    void hiddenDockReadsNothing();
    void noDatapathPart_data();
    void noDatapathPart();

private:
    /// The ID of an object just made on the host, once the mirror holds it (empty when it failed).
    QString seen(const Result<QString>& made)
    {
        settle();
        return made.ok() ? made->toUpper() : QString();
    }
    /// The mirror has every notification of the changes made so far.
    void settle()
    {
        m_api->engine().drainNotifications();
        m_mirror->flushPending();
    }
    QString endpoint(const char* address)
    {
        if (m_network.isEmpty())
            m_network =
                seen(HcnCalls::create(m_api.get(), ResourceKind::Network, {},
                                      hcntest::networkDocument("nat", "NAT", "172.20.0.0/16", "172.20.0.1")));
        const QJsonObject doc = hcntest::v2(
            {{"Name", QString::fromLatin1(address)},
             {"IpConfigurations", QJsonArray{QJsonObject{{"IpAddress", QString::fromLatin1(address)}}}}});
        return seen(HcnCalls::create(m_api.get(), ResourceKind::Endpoint, {}, doc, m_network));
    }
    void attach(const QString& endpointId)
    {
        const QString ns = seen(HcnCalls::create(m_api.get(), ResourceKind::Namespace, {}, hcntest::v2({})));
        QVERIFY(HcnCalls::setNamespaceMembership(m_api.get(), ns, endpointId, true).ok());
        settle();
    }
    EndpointDatapathView* view() const { return m_dock->datapathView(); }
    /// Selects `id` and waits for the part's first reply for it.
    void selectAndRead(const QString& id)
    {
        QSignalSpy refreshed(view(), &EndpointDatapathView::refreshed);
        m_selection->setIds({id}, nullptr);
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(refreshed.last().at(0).toString(), id);
    }

    std::shared_ptr<ObservedDatapath> m_datapath;
    std::shared_ptr<EmbeddedApi> m_api;
    std::unique_ptr<HostMirror> m_mirror;
    std::unique_ptr<CurrentSelection> m_selection;
    std::unique_ptr<QUndoStack> m_stack;
    std::unique_ptr<PropertiesDock> m_dock;
    QString m_network;
};

void TestEndpointDatapath::init()
{
    m_datapath = std::make_shared<ObservedDatapath>();
    EngineOptions options;
    options.datapath = m_datapath;
    m_api = std::make_shared<EmbeddedApi>(options);
    m_mirror = std::make_unique<HostMirror>();
    QVERIFY(m_mirror->attach(m_api).ok());
    m_selection = std::make_unique<CurrentSelection>();
    m_stack = std::make_unique<QUndoStack>();
    m_dock = std::make_unique<PropertiesDock>(m_mirror.get(), m_selection.get(), m_stack.get());
    m_dock->datapathView()->setRefreshInterval(100);
    m_dock->resize(600, 600);
    m_dock->show();
    m_network.clear();
}

void TestEndpointDatapath::cleanup()
{
    m_dock.reset();
    m_stack.reset();
    m_selection.reset();
    m_mirror.reset();
    m_api.reset();
    m_datapath.reset();
}

void TestEndpointDatapath::attachedEndpointShowsBackendAndRefreshedCounters()
{
    const QString ep = endpoint("172.20.0.5");
    attach(ep);
    selectAndRead(ep);
    QVERIFY(view()->isVisible());
    QString text = view()->plainText();
    QVERIFY2(text.contains(QStringLiteral("Datapath: simulated")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("This datapath names no host interfaces.")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Received: 0 bytes, 0 packets")), qPrintable(text));

    // Traffic on the host: the next tick of the timer reads it, without anything selected anew.
    EndpointCounters traffic;
    traffic.bytesReceived = 1500;
    traffic.packetsReceived = 1;
    traffic.bytesSent = 640;
    traffic.packetsSent = 8;
    traffic.droppedPacketsOutgoing = 2;
    QVERIFY(m_datapath->inner->addTraffic(*Guid::parse(ep.toStdString()), traffic).ok());
    QTRY_VERIFY_WITH_TIMEOUT(view()->plainText().contains(QStringLiteral("Received: 1500 bytes, 1 packets")),
                             5000);
    text = view()->plainText();
    QVERIFY2(text.contains(QStringLiteral("Sent: 640 bytes, 8 packets")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Dropped: 0 incoming, 2 outgoing")), qPrintable(text));
    QVERIFY(m_datapath->reads >= 2);
    QCOMPARE(m_datapath->readsOnGuiThread.load(), 0); // every read ran on the host's worker
}

void TestEndpointDatapath::unattachedEndpointHasNoInterface()
{
    const QString ep = endpoint("172.20.0.6");
    selectAndRead(ep);
    const QString text = view()->plainText();
    QVERIFY2(text.contains(QStringLiteral(
                 "Not attached to a namespace: it has no interface yet and nothing is counted.")),
             qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("Received")), qPrintable(text)); // no zeros posing as counters
    QCOMPARE(m_datapath->readsOnGuiThread.load(), 0);
}

void TestEndpointDatapath::replyForAnEndpointNoLongerSelectedIsDropped()
{
    const QString attached = endpoint("172.20.0.7");
    attach(attached);
    const QString detached = endpoint("172.20.0.8");
    QSignalSpy refreshed(view(), &EndpointDatapathView::refreshed);
    m_selection->setIds({attached}, nullptr); // its read is queued on the worker ...
    m_selection->setIds({detached}, nullptr); // ... and the selection moves on before it is back
    QVERIFY(refreshed.wait(5000));
    QTRY_VERIFY_WITH_TIMEOUT(m_datapath->reads >= 2, 5000);
    QTest::qWait(300);
    for (const auto& args : refreshed)
        QCOMPARE(args.at(0).toString(), detached);
    QVERIFY2(view()->plainText().contains(QStringLiteral("Not attached")), qPrintable(view()->plainText()));
}

void TestEndpointDatapath::hiddenDockReadsNothing()
{
    const QString ep = endpoint("172.20.0.9");
    attach(ep);
    selectAndRead(ep);
    m_dock->hide();
    QTest::qWait(300); // let a read already on its way come back
    const int before = m_datapath->reads;
    QTest::qWait(500); // five refresh intervals
    QCOMPARE(m_datapath->reads.load(), before);
    QSignalSpy refreshed(view(), &EndpointDatapathView::refreshed);
    m_dock->show(); // visible again: read at once
    QVERIFY(refreshed.wait(5000));
    QVERIFY(m_datapath->reads > before);
}

void TestEndpointDatapath::noDatapathPart_data()
{
    QTest::addColumn<bool>("snapshot");
    QTest::addColumn<bool>("selectNetwork");
    QTest::newRow("a network on a live host") << false << true;
    QTest::newRow("an endpoint of an offline snapshot") << true << false;
}

void TestEndpointDatapath::noDatapathPart()
{
    QFETCH(bool, snapshot);
    QFETCH(bool, selectNetwork);
    const QString ep = endpoint("172.20.0.10");
    attach(ep);
    if (snapshot) {
        auto text = m_api->snapshot("");
        QVERIFY(text.ok());
        auto offline = SnapshotApi::fromText(*text, "host.json");
        QVERIFY(offline.ok());
        QVERIFY(m_mirror->attach(*offline).ok());
    }
    const int before = m_datapath->reads;
    m_selection->setIds({selectNetwork ? m_network : ep}, nullptr);
    QTest::qWait(300);
    QCOMPARE(m_dock->currentId(), selectNetwork ? m_network : ep);
    QVERIFY(!view()->isVisible());
    QVERIFY(view()->plainText().isEmpty());
    QCOMPARE(m_datapath->reads.load(), before);
}

QTEST_MAIN(TestEndpointDatapath)
#include "tst_endpointdatapath.moc"
