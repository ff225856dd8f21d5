#pragma once
// StaleHostBanner: while the service behind the console is gone (HostMirror reconnecting), a banner
// across the window says that what the tree and the diagram show is the host as it was at the time the
// connection was lost, and the docks that show it say so in their titles. Both go away once the mirror
// is current again.

#include <QDateTime>
#include <QHash>
#include <QLabel>
#include <QList>
#include <QPointer>

class QDockWidget;

namespace hcn::ui {

class HostMirror;

class StaleHostBanner : public QLabel
{
    Q_OBJECT
public:
    explicit StaleHostBanner(HostMirror* mirror, QWidget* parent = nullptr);

    /// Docks whose titles are marked while the host is stale (the tree, the diagram).
    void markDocks(const QList<QDockWidget*>& docks);
    /// Whether the host shown is stale.
    bool isStale() const { return m_since.isValid(); }

signals:
    /// The host became stale (true) or current again (false).
    void staleChanged(bool stale);

private:
    void update();

    HostMirror* m_mirror;
    QList<QPointer<QDockWidget>> m_docks;
    QHash<QDockWidget*, QString> m_titles; ///< each marked dock's own title
    QDateTime m_since;
};

} // namespace hcn::ui
