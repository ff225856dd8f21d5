#include "connection_controller.h"

#include "hcn/embedded_api.h"
#include "models/api_worker.h"
#include "models/host_mirror.h"
#include "widgets/connect_dialog.h"
#include "widgets/error_explanation_view.h"

#include <QLoggingCategory>
#include <QMessageBox>

Q_LOGGING_CATEGORY(lcConnection, "hcn.ui.connection")

namespace hcn::ui {

ConnectionController::ConnectionController(HostMirror* mirror, QWidget* dialogParent, QObject* parent)
    : QObject(parent), m_mirror(mirror), m_dialogParent(dialogParent)
{}

bool ConnectionController::isRemote() const
{
    return m_mirror->worker() && m_mirror->worker()->isRemote();
}

void ConnectionController::connectTo(const RpcClientOptions& options)
{
    // The embedded engine on screen now is where Disconnect returns to.
    std::shared_ptr<Api> previous =
        !isRemote() && m_mirror->worker() ? m_mirror->worker()->sharedApi() : nullptr;
    const QString endpoint = QString::fromStdString(options.endpoint);
    auto worker = std::make_unique<ApiWorker>([options]() -> Result<std::shared_ptr<Api>> {
        auto client = RpcClient::connect(options); // on the worker: it may take until the call timeout
        if (!client.ok())
            return client.status();
        return std::shared_ptr<Api>(std::move(*client));
    });
    const bool wasConnecting = m_connecting;
    // Before beginAttach: it cancels an attempt in progress, whose outcome is then ignored here.
    const quint64 attempt = ++m_attempt;
    m_connecting = true;
    m_target = endpoint;
    qCInfo(lcConnection) << "connecting to" << endpoint;
    m_mirror->beginAttach(std::move(worker), this, [this, previous, endpoint, attempt](const Status& status) {
        if (attempt != m_attempt)
            return;
        m_connecting = false;
        m_target.clear();
        if (status.ok()) {
            if (previous)
                m_embedded = previous;
            qCInfo(lcConnection) << "connected to" << endpoint;
            emit remoteChanged(true);
        } else {
            qCInfo(lcConnection) << "not connected to" << endpoint
                                 << QString::fromStdString(status.message());
        }
        emit connectingChanged(false);
        emit connectFinished(status);
    });
    if (!wasConnecting && m_connecting)
        emit connectingChanged(true);
}

void ConnectionController::cancelConnect()
{
    if (m_connecting)
        m_mirror->cancelAttach();
}

void ConnectionController::disconnectToEmbedded()
{
    if (!isRemote()) {
        emit disconnectFinished(Status::success());
        return;
    }
    std::shared_ptr<Api> embedded = m_embedded ? m_embedded : std::make_shared<EmbeddedApi>();
    m_mirror->beginAttach(embedded, this, [this](const Status& status) {
        if (status.ok()) {
            m_embedded.reset();
            emit remoteChanged(false);
        }
        emit disconnectFinished(status);
    });
}

void ConnectionController::showConnectDialog()
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    auto* dialog = new ConnectDialog(m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // Connecting never loses the host shown: an engine or snapshot in this process is kept for
    // Disconnect, a service keeps its own objects. The dialog says so.
    if (m_mirror->worker())
        dialog->setNote(isRemote()
                            ? tr("The service shown now keeps its objects; connect to it again to see them.")
                            : tr("The host shown now (with any unsaved changes) is kept: File > Disconnect "
                                 "returns to it."));
    m_dialog = dialog;
    connect(dialog, &ConnectDialog::connectRequested, this, [this, dialog] {
        dialog->saveChoices();
        const RpcClientOptions options = dialog->options();
        dialog->setConnecting(QString::fromStdString(options.endpoint));
        connectTo(options);
    });
    connect(dialog, &ConnectDialog::cancelRequested, this, &ConnectionController::cancelConnect);
    connect(this, &ConnectionController::connectFinished, dialog, [dialog](const Status& status) {
        if (!dialog->isConnecting())
            return; // an attempt started elsewhere
        if (status.ok()) {
            dialog->setIdle();
            dialog->accept();
            return;
        }
        dialog->setIdle();
        if (status.code() != kCancelled)
            dialog->showError(tr("Could not connect:\n%1\n%2")
                                  .arg(QString::fromStdString(status.message()),
                                       ErrorExplanationView::summaryText(status.code())));
    });
    dialog->open();
}

ConnectDialog* ConnectionController::connectDialog() const
{
    return m_dialog;
}

void ConnectionController::disconnectInteractive()
{
    auto* once = new QObject(this);
    connect(this, &ConnectionController::disconnectFinished, once, [this, once](const Status& status) {
        once->deleteLater();
        if (status.ok())
            return;
        QMessageBox box(QMessageBox::Warning, tr("Disconnect"), QString::fromStdString(status.message()),
                        QMessageBox::Ok, m_dialogParent);
        ErrorExplanationView::explainIn(box, status.code());
        box.exec();
    });
    disconnectToEmbedded();
}

} // namespace hcn::ui
