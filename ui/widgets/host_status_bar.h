#pragma once
// HostStatusBar: what the console is looking at, always in view: the service's HNS and schema
// versions, where the calls go (embedded engine or a socket), whether the connection is up, and how
// many objects the host has.

#include "models/host_mirror.h"

#include <QStatusBar>

class QLabel;

namespace hcn::ui {

class HostStatusBar : public QStatusBar
{
    Q_OBJECT
public:
    explicit HostStatusBar(HostMirror* mirror, QWidget* parent = nullptr);

    /// The texts shown, for tests and accessibility: versions, endpoint, connection, counts.
    QString versionsText() const;
    QString endpointText() const;
    QString connectionText() const;
    QString countsText() const;

private:
    void updateHost();
    void updateConnection(ConnectionState state);
    void updateCounts();

    HostMirror* m_mirror;
    QLabel* m_versions;
    QLabel* m_endpoint;
    QLabel* m_connection;
    QLabel* m_counts;
};

} // namespace hcn::ui
