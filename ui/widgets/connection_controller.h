#pragma once
// ConnectionController: File > Connect to service / Disconnect. Connecting swaps the mirror onto an
// hcn::RpcClient; disconnecting returns to the embedded engine the console showed before (its objects
// intact). Once connected, HostMirror reconnects by itself when the service restarts.

#include "hcn/rpc_client.h"
#include "hcn/status.h"

#include <QObject>
#include <memory>

class QWidget;

namespace hcn::ui {

class HostMirror;

class ConnectionController : public QObject
{
    Q_OBJECT
public:
    ConnectionController(HostMirror* mirror, QWidget* dialogParent, QObject* parent = nullptr);

    /// Connects and shows that service. On failure the console keeps showing what it showed.
    Status connectTo(const RpcClientOptions& options);
    /// Back to the embedded engine used before connecting (a new empty one if there was none).
    Status disconnectToEmbedded();
    /// Whether the mirror shows a service rather than an embedded engine.
    bool isRemote() const;

    /// The Connect dialog, retried until it connects or the user cancels.
    void showConnectDialog();
    void disconnectInteractive();

signals:
    /// The host shown changed between embedded and remote.
    void remoteChanged(bool remote);

private:
    HostMirror* m_mirror;
    QWidget* m_dialogParent;
    /// The embedded engine shown before connecting, kept for "Disconnect".
    std::shared_ptr<Api> m_embedded;
};

} // namespace hcn::ui
