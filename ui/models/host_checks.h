#pragma once
// HostChecks: the health-check findings of the host the HostMirror shows, kept current.
//
// Every check runs on the checks' own thread, in order: a whole new host (attach, an opened snapshot or
// dump, new unknown fields) is checked from scratch on a copy of the mirror's hcn::HostState; after that
// the thread keeps its copy current from the mirror's changes and hands each batch to
// hcn::HealthChecker::update, which re-evaluates only what the changes can affect. The thread also
// works out what changed: findings that stayed are the same shared objects in the new list (a view
// merges by identity), and only the badges of objects whose findings changed are sent. The GUI thread
// only collects changes, and takes results.
//
// Changes are coalesced: one batch per kCoalesce_ms at most, and none while the previous one is still
// on the thread, however many batches the mirror applied meanwhile.

#include "hcn/health_checks.h"
#include "hcn/host_state.h"
#include "models/finding_badge.h"

#include <QObject>
#include <QThread>
#include <QTimer>
#include <functional>
#include <memory>
#include <vector>

namespace hcn::io {
struct ImportReport;
}

namespace hcn::ui {

class HostMirror;
struct MirrorObject;

class HostChecks : public QObject
{
    Q_OBJECT
public:
    /// How long changes are collected before they go to the checks' thread.
    static constexpr int kCoalesce_ms = 40;
    explicit HostChecks(HostMirror* mirror, QObject* parent = nullptr);
    /// Stops the thread, after the check running on it (bounded by one check of the host).
    ~HostChecks() override;

    /// Fields the host's source did not carry (an imported dump): rules that need them skip the object.
    /// Checks the host again when they differ. A live host has none: the mirror's reset to a writable
    /// host clears them.
    void setUnknownFields(UnknownFields fields);
    /// The Lost lists of an import report, by canonical object ID.
    static UnknownFields unknownFieldsOf(const io::ImportReport& report);

    /// Never null.
    FindingList findings() const { return m_findings; }
    FindingCounts counts() const { return m_counts; }
    /// Objects with findings.
    const FindingBadges& badges() const { return m_badges; }
    /// A full check is queued or running.
    bool isChecking() const { return m_assignPending || m_fullInFlight; }

    /// Full checks and incremental updates whose results were taken, for tests and benchmarks.
    int fullCheckCount() const { return m_fullChecks; }
    int updateCount() const { return m_updates; }

    /// Sends what waits to the thread now instead of after the coalescing delay (tests, benchmarks).
    void flush();
    /// flush(), then waits in a local event loop until every result is back and nothing waits; false on
    /// timeout.
    bool waitUntilCurrent(int timeoutMs);

signals:
    /// findings() and counts() changed.
    void findingsChanged();
    /// Badges of these objects changed (`changed`: their new badges) or went (`cleared`); badges() is
    /// already current.
    void badgesChanged(const hcn::ui::FindingBadges& changed, const QStringList& cleared);
    /// A full check started (true) or its result is in (false).
    void checkingChanged(bool checking);

private:
    struct Worker;
    struct Delta;

    void onReset();
    void onObjectsAdded(const QStringList& ids);
    void onObjectsChanged(const QStringList& ids);
    void onObjectsRemoved(const QList<MirrorObject>& removed);
    void queueObjects(const QStringList& ids, bool added);
    void schedule();
    void startFullCheck();
    /// Runs `job` on the checks' thread; its Delta comes back to take().
    void post(std::function<Delta(Worker&)> job);
    void take(const Delta& delta);

    HostMirror* m_mirror;
    QThread m_thread;
    QObject* m_threadContext = nullptr; ///< lives on m_thread: jobs are posted to it
    std::shared_ptr<Worker> m_worker;  ///< touched only by jobs, on m_thread
    std::vector<HostUpdate> m_pending;  ///< mirror changes not yet sent
    bool m_assignPending = false;
    bool m_fullInFlight = false;
    int m_inFlight = 0;
    /// Increases with every full check: results of an older one (and updates on top of it) are dropped.
    quint64 m_generation = 0;
    UnknownFields m_unknown;
    QTimer m_timer;
    FindingList m_findings;
    FindingCounts m_counts;
    FindingBadges m_badges;
    int m_fullChecks = 0;
    int m_updates = 0;
};

} // namespace hcn::ui
