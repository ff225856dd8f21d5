#include "connection_controller.h"

#include "hcn/embedded_api.h"
#include "models/host_mirror.h"
#include "widgets/connect_dialog.h"

#include <QApplication>
#include <QLoggingCategory>
#include <QMessageBox>

Q_LOGGING_CATEGORY(lcConnection, "hcn.ui.connection")

namespace hcn::ui {

ConnectionController::ConnectionController(HostMirror* mirror, QWidget* dialogParent, QObject* parent)
    : QObject(parent), m_mirror(mirror), m_dialogParent(dialogParent)
{}

bool ConnectionController::isRemote() const
{
    return dynamic_cast<RpcClient*>(m_mirror->api()) != nullptr;
}

Status ConnectionController::connectTo(const RpcClientOptions& options)
{
    auto client = RpcClient::connect(options);
    if (!client.ok())
        return client.status();
    std::shared_ptr<Api> previous = m_mirror->sharedApi();
    const bool wasRemote = isRemote();
    std::shared_ptr<Api> api(std::move(*client));
    if (Status attached = m_mirror->attach(api); !attached.ok())
        return attached;
    if (!wasRemote && previous)
        m_embedded = std::move(previous);
    qCInfo(lcConnection) << "connected to" << QString::fromStdString(options.endpoint);
    emit remoteChanged(true);
    return Status::success();
}

Status ConnectionController::disconnectToEmbedded()
{
    if (!isRemote())
        return Status::success();
    std::shared_ptr<Api> embedded = m_embedded ? m_embedded : std::make_shared<EmbeddedApi>();
    if (Status attached = m_mirror->attach(embedded); !attached.ok())
        return attached;
    m_embedded.reset();
    emit remoteChanged(false);
    return Status::success();
}

void ConnectionController::showConnectDialog()
{
    ConnectDialog dialog(m_dialogParent);
    while (dialog.exec() == QDialog::Accepted) {
        dialog.saveChoices();
        const RpcClientOptions options = dialog.options();
        QApplication::setOverrideCursor(Qt::WaitCursor);
        const Status status = connectTo(options);
        QApplication::restoreOverrideCursor();
        if (status.ok())
            return;
        dialog.showError(
            tr("Could not connect to %1:\n%2")
                .arg(QString::fromStdString(options.endpoint), QString::fromStdString(status.message())));
    }
}

void ConnectionController::disconnectInteractive()
{
    if (Status status = disconnectToEmbedded(); !status.ok())
        QMessageBox::warning(m_dialogParent, tr("Disconnect"), QString::fromStdString(status.message()));
}

} // namespace hcn::ui
