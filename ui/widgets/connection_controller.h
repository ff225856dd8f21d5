#pragma once
// ConnectionController: File > Connect to service / Disconnect. Connecting opens an hcn::RpcClient on
// a new ApiWorker and hands it to the mirror, which subscribes and loads on that worker; the window
// keeps responding and the console keeps showing its host until the service is there. The attempt can
// be cancelled (dialog or status bar). Disconnecting returns to the embedded engine the console showed
// before (its objects intact). Once connected, HostMirror reconnects by itself when the service
// restarts.

#include "hcn/rpc_client.h"
#include "hcn/status.h"

#include <QObject>
#include <QPointer>
#include <memory>

class QWidget;

namespace hcn::ui {

class ConnectDialog;
class HostMirror;

class ConnectionController : public QObject
{
    Q_OBJECT
public:
    ConnectionController(HostMirror* mirror, QWidget* dialogParent, QObject* parent = nullptr);

    /// Starts connecting; connectFinished tells the outcome. On failure or cancel the console keeps
    /// showing what it showed.
    void connectTo(const RpcClientOptions& options);
    /// Abandons the attempt in progress (connectFinished reports E_ABORT).
    void cancelConnect();
    bool isConnecting() const { return m_connecting; }
    /// Where the attempt in progress goes ("tls://node1:7443").
    QString connectingTo() const { return m_target; }

    /// Starts going back to the embedded engine used before connecting (a new empty one if there was
    /// none); disconnectFinished tells the outcome.
    void disconnectToEmbedded();
    /// Whether the mirror shows a service rather than an embedded engine.
    bool isRemote() const;

    /// The Connect dialog: stays open with progress while connecting, until connected or closed.
    void showConnectDialog();
    /// The open Connect dialog, if any.
    ConnectDialog* connectDialog() const;
    void disconnectInteractive();

signals:
    /// An attempt started (true) or ended (false).
    void connectingChanged(bool connecting);
    void connectFinished(const hcn::Status& status);
    void disconnectFinished(const hcn::Status& status);
    /// The host shown changed between embedded and remote.
    void remoteChanged(bool remote);

private:
    HostMirror* m_mirror;
    QWidget* m_dialogParent;
    QPointer<ConnectDialog> m_dialog;
    /// The embedded engine shown before connecting, kept for "Disconnect".
    std::shared_ptr<Api> m_embedded;
    QString m_target;
    quint64 m_attempt = 0;
    bool m_connecting = false;
};

} // namespace hcn::ui
