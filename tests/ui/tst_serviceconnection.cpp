// The console attached to a running hcnd: it sees other clients' changes live, and after the service
// restarts it reconnects by itself and resynchronizes, emitting only what changed. Connecting never
// blocks the window: against a service that never answers, the event loop keeps turning and Cancel
// (status bar or dialog) leaves the console on the host it showed.

#include "engine_harness.h"
#include "hcn/embedded_api.h"
#include "hcn/rpc_client.h"
#include "hcnd_process.h"
#include "models/api_worker.h"
#include "models/host_mirror.h"
#include "widgets/connect_dialog.h"
#include "widgets/connection_controller.h"
#include "widgets/host_status_bar.h"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using hcn::ResourceKind;
using hcn::ui::ConnectionController;
using hcn::ui::ConnectionState;
using hcn::ui::HostMirror;
using hcn::ui::HostStatusBar;
using hcn::ui::MirrorObject;

namespace {

/// A listening socket nobody ever accepts on: the kernel completes the connection, then nothing is ever
/// said. A TLS client waits for the server's hello forever; an hcnd client for its hello's answer.
class SilentListener
{
public:
    SilentListener() = default;
    SilentListener(const SilentListener&) = delete;
    SilentListener& operator=(const SilentListener&) = delete;
    ~SilentListener()
    {
        if (m_fd >= 0)
            ::close(m_fd); // pending connections are reset: the stuck attempt ends
    }

    bool listenTcp()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
            ::listen(m_fd, 8) != 0 ||
            ::getsockname(m_fd, reinterpret_cast<sockaddr*>(&address), &length) != 0)
            return false;
        m_endpoint = "tls://127.0.0.1:" + std::to_string(ntohs(address.sin_port));
        return true;
    }
    bool listenUnix(const std::string& path)
    {
        m_fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        path.copy(address.sun_path, sizeof address.sun_path - 1);
        if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
            ::listen(m_fd, 8) != 0)
            return false;
        m_endpoint = path;
        return true;
    }
    const std::string& endpoint() const { return m_endpoint; }

private:
    int m_fd = -1;
    std::string m_endpoint;
};

/// Counts the turns of the event loop: a frozen window would not count.
struct Ticker
{
    QTimer timer;
    int ticks = 0;
    Ticker()
    {
        timer.setInterval(10);
        QObject::connect(&timer, &QTimer::timeout, [this] { ++ticks; });
        timer.start();
    }
};

std::shared_ptr<hcn::RpcClient> connectTo(const hcntest::HcndProcess& service)
{
    hcn::RpcClientOptions options;
    options.endpoint = service.socket();
    options.clientName = "tst_serviceconnection";
    auto client = hcn::RpcClient::connect(options);
    if (!client.ok())
        return {};
    return std::shared_ptr<hcn::RpcClient>(std::move(*client));
}

QString createNetwork(hcn::Api& api, const std::string& name, const std::string& prefix)
{
    auto handle = api.create(ResourceKind::Network, hcn::Guid(),
                             hcntest::natNetwork(name, prefix + ".0/24", prefix + ".1").dump(), 0);
    if (!handle.ok())
        return {};
    auto id = api.handleId(ResourceKind::Network, *handle);
    (void)api.close(ResourceKind::Network, *handle);
    return QString::fromStdString(id->toString()).toUpper();
}

} // namespace

class TestServiceConnection : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void consoleSeesAnotherClientsChangesLive();
    void twoConsolesSeeEachOther();
    void reconnectsAfterServiceRestartAndResyncs();
    void connectingToAServiceThatNeverAnswersKeepsTheWindowTurning_data();
    void connectingToAServiceThatNeverAnswersKeepsTheWindowTurning();
    void theConnectDialogShowsProgressAndCancels();
    void aSuccessfulConnectShowsTheServiceAndDisconnectGoesBack();

private:
    QTemporaryDir m_dir;
};

void TestServiceConnection::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // The Connect dialog remembers choices: never in the user's settings.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath("settings"));
    QCoreApplication::setOrganizationName("HCN Console Tests");
    QCoreApplication::setApplicationName("tst_serviceconnection");
}

void TestServiceConnection::consoleSeesAnotherClientsChangesLive()
{
    hcntest::HcndProcess service;
    QVERIFY(service.start());
    auto consoleApi = connectTo(service);
    auto otherClient = connectTo(service); // stands for hcnctl
    QVERIFY(consoleApi && otherClient);

    HostMirror mirror;
    HCN_VERIFY_OK(mirror.attach(consoleApi));
    QCOMPARE(mirror.state(), ConnectionState::Connected);
    QVERIFY(QString::fromStdString(mirror.info().endpoint).contains("hcnd.sock"));

    QSignalSpy added(&mirror, &HostMirror::objectsAdded);
    const QString id = createNetwork(*otherClient, "from-hcnctl", "10.50.0");
    QVERIFY(!id.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(mirror.object(id) != nullptr, 10000);
    QCOMPARE(mirror.object(id)->name, QString("from-hcnctl"));
    QCOMPARE(added.count(), 1);

    QVERIFY(otherClient->remove(ResourceKind::Network, *hcn::Guid::parse(id.toStdString())).ok());
    QTRY_VERIFY_WITH_TIMEOUT(mirror.object(id) == nullptr, 10000);
}

void TestServiceConnection::twoConsolesSeeEachOther()
{
    hcntest::HcndProcess service;
    QVERIFY(service.start());
    auto apiA = connectTo(service);
    auto apiB = connectTo(service);
    QVERIFY(apiA && apiB);
    HostMirror a;
    HostMirror b;
    HCN_VERIFY_OK(a.attach(apiA));
    HCN_VERIFY_OK(b.attach(apiB));

    const QString fromA = createNetwork(*apiA, "made-in-a", "10.51.0");
    const QString fromB = createNetwork(*apiB, "made-in-b", "10.52.0");
    // Each console hears of both networks, its own included, in the order the service made them.
    QTRY_VERIFY_WITH_TIMEOUT(a.object(fromA) && a.object(fromB) && b.object(fromA) && b.object(fromB), 10000);
    QCOMPARE(a.count(ResourceKind::Network), 2);
    QCOMPARE(b.count(ResourceKind::Network), 2);
    QCOMPARE(a.object(fromB)->document, b.object(fromB)->document);
}

void TestServiceConnection::reconnectsAfterServiceRestartAndResyncs()
{
    hcntest::HcndProcess service;
    QVERIFY(service.start());
    auto consoleApi = connectTo(service);
    QVERIFY(consoleApi);
    HostMirror mirror;
    HCN_VERIFY_OK(mirror.attach(consoleApi));
    const QString before = createNetwork(*consoleApi, "before-restart", "10.53.0");
    QTRY_VERIFY_WITH_TIMEOUT(mirror.object(before) != nullptr, 10000);

    QSignalSpy states(&mirror, &HostMirror::connectionStateChanged);
    QSignalSpy removed(&mirror, &HostMirror::objectsRemoved);
    QSignalSpy added(&mirror, &HostMirror::objectsAdded);
    QSignalSpy resets(&mirror, &HostMirror::reset);

    QCOMPARE(service.terminate(), 0); // subscribers get ServiceDisconnect
    QTRY_COMPARE_WITH_TIMEOUT(mirror.state(), ConnectionState::Disconnected, 10000);
    QVERIFY(mirror.object(before) != nullptr); // the last known state stays visible

    // The service comes back empty (HCN keeps no state); someone creates a network before we return.
    QVERIFY(service.start());
    auto otherClient = connectTo(service);
    QVERIFY(otherClient);
    const QString after = createNetwork(*otherClient, "after-restart", "10.54.0");

    QTRY_COMPARE_WITH_TIMEOUT(mirror.state(), ConnectionState::Connected, 15000);
    QVERIFY(mirror.object(before) == nullptr);
    QVERIFY(mirror.object(after) != nullptr);
    QCOMPARE(resets.count(), 0); // differences, not a reset
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.front().front().value<QList<MirrorObject>>().front().id, before);
    QVERIFY(added.count() >= 1);
    QCOMPARE(states.count(), 2); // Disconnected, then Connected

    // And it follows the new service live.
    const QString later = createNetwork(*otherClient, "later", "10.55.0");
    QTRY_VERIFY_WITH_TIMEOUT(mirror.object(later) != nullptr, 10000);
}

void TestServiceConnection::connectingToAServiceThatNeverAnswersKeepsTheWindowTurning_data()
{
    QTest::addColumn<bool>("tls");
    QTest::newRow("TCP listener that never speaks TLS") << true;
    QTest::newRow("Unix socket nobody answers") << false;
}

void TestServiceConnection::connectingToAServiceThatNeverAnswersKeepsTheWindowTurning()
{
    QFETCH(bool, tls);
    SilentListener listener;
    QVERIFY(tls ? listener.listenTcp() : listener.listenUnix(m_dir.filePath("silent.sock").toStdString()));

    auto engine = std::make_shared<hcn::EmbeddedApi>();
    HostMirror mirror;
    HCN_VERIFY_OK(mirror.attach(engine));
    ConnectionController controller(&mirror, nullptr);
    HostStatusBar statusBar(&mirror);
    statusBar.followConnectionAttempts(&controller);
    statusBar.show();
    QSignalSpy finished(&controller, &ConnectionController::connectFinished);

    Ticker ticker;
    hcn::RpcClientOptions options;
    options.endpoint = listener.endpoint();
    options.clientName = "tst_serviceconnection";
    controller.connectTo(options);
    QVERIFY(controller.isConnecting());
    QVERIFY2(statusBar.attemptText().contains(QString::fromStdString(listener.endpoint())),
             qPrintable(statusBar.attemptText()));

    // The attempt hangs on its worker; the GUI thread keeps running its timers meanwhile.
    QTRY_VERIFY_WITH_TIMEOUT(ticker.ticks >= 50, 20000);
    QVERIFY(controller.isConnecting());
    QCOMPARE(finished.count(), 0);
    QCOMPARE(mirror.state(), ConnectionState::Connected);
    QCOMPARE(mirror.info().endpoint, std::string("embedded engine"));

    QTest::mouseClick(statusBar.cancelAttemptButton(), Qt::LeftButton);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.front().front().value<hcn::Status>().code(), hcn::ui::kCancelled);
    QVERIFY(!controller.isConnecting());
    QVERIFY(statusBar.attemptText().isEmpty());
    QVERIFY(statusBar.cancelAttemptButton()->isHidden());
    QVERIFY(!controller.isRemote());

    // Still the embedded engine, and still following it.
    const int before = ticker.ticks;
    const QString id = createNetwork(*engine, "after-cancel", "10.56.0");
    QVERIFY(!id.isEmpty());
    engine->engine().drainNotifications();
    QTRY_VERIFY_WITH_TIMEOUT(mirror.object(id) != nullptr, 10000);
    // The object may arrive before the next tick: wait for the tick rather than assume it came first.
    QTRY_VERIFY_WITH_TIMEOUT(ticker.ticks > before, 10000);
    QCOMPARE(mirror.info().endpoint, std::string("embedded engine"));
}

void TestServiceConnection::theConnectDialogShowsProgressAndCancels()
{
    SilentListener listener;
    QVERIFY(listener.listenUnix(m_dir.filePath("silent-dialog.sock").toStdString()));
    auto engine = std::make_shared<hcn::EmbeddedApi>();
    HostMirror mirror;
    HCN_VERIFY_OK(mirror.attach(engine));
    ConnectionController controller(&mirror, nullptr);
    QSignalSpy finished(&controller, &ConnectionController::connectFinished);

    controller.showConnectDialog();
    hcn::ui::ConnectDialog* dialog = controller.connectDialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    dialog->findChild<QRadioButton*>("localSocket")->setChecked(true);
    auto* path = dialog->findChild<QLineEdit*>("socketPath");
    path->setText(QString::fromStdString(listener.endpoint()));
    auto* buttons = dialog->findChild<QDialogButtonBox*>();
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);

    QVERIFY(dialog->isConnecting());
    QVERIFY(dialog->progressText().contains(QString::fromStdString(listener.endpoint())));
    QVERIFY(!path->isEnabled());
    QVERIFY(!buttons->button(QDialogButtonBox::Ok)->isEnabled());
    Ticker ticker;
    QTRY_VERIFY_WITH_TIMEOUT(ticker.ticks >= 50, 20000);
    QVERIFY(dialog->isConnecting());

    // Cancel stops the attempt, not the dialog: the user may fix the address and try again.
    QTest::mouseClick(buttons->button(QDialogButtonBox::Cancel), Qt::LeftButton);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.front().front().value<hcn::Status>().code(), hcn::ui::kCancelled);
    QVERIFY(!dialog->isConnecting());
    QVERIFY(dialog->isVisible());
    QVERIFY(path->isEnabled());
    QCOMPARE(mirror.info().endpoint, std::string("embedded engine"));

    // Cancel again closes it.
    QTest::mouseClick(buttons->button(QDialogButtonBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!controller.connectDialog());
}

void TestServiceConnection::aSuccessfulConnectShowsTheServiceAndDisconnectGoesBack()
{
    hcntest::HcndProcess service;
    QVERIFY(service.start());
    auto engine = std::make_shared<hcn::EmbeddedApi>();
    const QString local = createNetwork(*engine, "local", "10.57.0");
    HostMirror mirror;
    HCN_VERIFY_OK(mirror.attach(engine));
    ConnectionController controller(&mirror, nullptr);
    QSignalSpy finished(&controller, &ConnectionController::connectFinished);
    QSignalSpy remote(&controller, &ConnectionController::remoteChanged);

    hcn::RpcClientOptions options;
    options.endpoint = service.socket();
    options.clientName = "tst_serviceconnection";
    controller.connectTo(options);
    QVERIFY(finished.wait(10000));
    HCN_VERIFY_OK(finished.front().front().value<hcn::Status>());
    QVERIFY(controller.isRemote());
    QCOMPARE(remote.count(), 1);
    QVERIFY(QString::fromStdString(mirror.info().endpoint).contains("hcnd.sock"));
    QVERIFY(mirror.object(local) == nullptr);

    QSignalSpy disconnected(&controller, &ConnectionController::disconnectFinished);
    controller.disconnectToEmbedded();
    QVERIFY(disconnected.wait(10000));
    HCN_VERIFY_OK(disconnected.front().front().value<hcn::Status>());
    QVERIFY(!controller.isRemote());
    QVERIFY(mirror.object(local) != nullptr); // the embedded engine came back with its objects
}

QTEST_MAIN(TestServiceConnection)
#include "tst_serviceconnection.moc"
