#pragma once
// HostStatusBar: what the console is looking at, always in view: the service's HNS and schema
// versions, where the calls go (embedded engine or a socket), whether the connection is up, and how
// many objects the host has. While a connect attempt runs it shows where it goes, with a Cancel button.

#include "models/host_mirror.h"

#include <QStatusBar>

class QLabel;
class QProgressBar;
class QToolButton;

namespace hcn::ui {

class ConnectionController;

class HostStatusBar : public QStatusBar
{
    Q_OBJECT
public:
    explicit HostStatusBar(HostMirror* mirror, QWidget* parent = nullptr);

    /// Shows `controller`'s connect attempts (progress and Cancel).
    void followConnectionAttempts(ConnectionController* controller);

    /// The texts shown, for tests and accessibility: versions, endpoint, connection, counts.
    QString versionsText() const;
    QString endpointText() const;
    QString connectionText() const;
    QString countsText() const;
    /// "Connecting to ..." while an attempt runs, else empty.
    QString attemptText() const;
    /// Cancels the attempt in progress.
    QToolButton* cancelAttemptButton() const { return m_cancelAttempt; }

private:
    void updateHost();
    void updateConnection(ConnectionState state);
    void updateCounts();
    void updateAttempt();

    HostMirror* m_mirror;
    QLabel* m_versions;
    QLabel* m_endpoint;
    QLabel* m_connection;
    QLabel* m_counts;
    QLabel* m_attempt;
    QProgressBar* m_attemptProgress;
    QToolButton* m_cancelAttempt;
    ConnectionController* m_controller = nullptr;
};

} // namespace hcn::ui
