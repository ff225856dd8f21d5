#pragma once
// HostChecks: the health-check findings of the host the HostMirror shows, kept current.
//
// A whole new host (attach, an opened snapshot or dump, new unknown fields) is checked from scratch on
// a thread of its own, on a copy of the mirror's hcn::HostState, so a 10,000-endpoint host never stalls
// the window. After that the checks keep their own copy current from the mirror's signals and hand each
// batch of changes to hcn::HealthChecker::update, which re-evaluates only what the changes can affect.
// Changes are coalesced: one update (and one findingsChanged) per kCoalesce_ms at most, however many
// batches the mirror applied meanwhile. Changes that arrive while a full check runs wait and are applied
// on top of its result.

#include "hcn/health_checks.h"
#include "hcn/host_state.h"
#include "models/finding_badge.h"

#include <QObject>
#include <QTimer>
#include <memory>
#include <optional>
#include <vector>

class QThread;

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
    /// How long changes are collected before the findings are brought up to date.
    static constexpr int kCoalesce_ms = 40;
    using FindingList = std::shared_ptr<const std::vector<Finding>>;

    explicit HostChecks(HostMirror* mirror, QObject* parent = nullptr);
    /// Waits for a full check still running (bounded by one check of the host).
    ~HostChecks() override;

    /// Fields the host's source did not carry (an imported dump): rules that need them skip the object.
    /// Checks the host again (off the GUI thread) when they differ. A live host has none: the mirror's
    /// reset to a writable host clears them.
    void setUnknownFields(UnknownFields fields);
    /// The Lost lists of an import report, by canonical object ID.
    static UnknownFields unknownFieldsOf(const io::ImportReport& report);

    /// Every current finding, sorted (hcn::findingBefore); never null.
    FindingList findings() const { return m_findings; }
    FindingCounts counts() const { return m_counts; }
    /// Objects with findings.
    const FindingBadges& badges() const { return m_badges; }
    /// A full check is queued or running.
    bool isChecking() const { return m_job != nullptr || m_assignPending; }

    /// Full checks run (attach, reset, unknown fields) and incremental updates, for tests and the status.
    int fullCheckCount() const { return m_fullChecks; }
    int updateCount() const { return m_updates; }

    /// Brings the findings up to date now instead of after the coalescing delay (a full check still
    /// runs on its thread), for tests and benchmarks.
    void flush();
    /// flush(), then waits in a local event loop until no full check is queued or running and no change
    /// waits; false on timeout.
    bool waitUntilCurrent(int timeoutMs);

signals:
    /// findings(), counts() and badges() changed (after a full check or an update).
    void findingsChanged();
    /// The badges changed; `badges` is badges().
    void badgesChanged(const hcn::ui::FindingBadges& badges);
    /// A full check started (true) or its result is in (false).
    void checkingChanged(bool checking);

private:
    /// A host copy and the checker that follows it; on the GUI thread, or on the job's while it checks.
    struct Engine;
    struct CheckResult;

    void onReset();
    void onObjectsAdded(const QStringList& ids);
    void onObjectsChanged(const QStringList& ids);
    void onObjectsRemoved(const QList<MirrorObject>& removed);
    void queueObjects(const QStringList& ids, bool added);
    void schedule();
    void startFullCheck();
    void finishFullCheck(QThread* job, const std::shared_ptr<Engine>& engine, const std::shared_ptr<CheckResult>& result);
    void publish(std::vector<Finding> findings, FindingBadges badges);
    static FindingBadges badgesOf(const std::vector<Finding>& findings);

    HostMirror* m_mirror;
    std::shared_ptr<Engine> m_engine; ///< null until the first full check is back
    std::vector<HostUpdate> m_pending; ///< mirror changes not yet given to the engine
    bool m_assignPending = false;
    QThread* m_job = nullptr;
    UnknownFields m_unknown;
    QTimer m_timer;
    FindingList m_findings;
    FindingCounts m_counts;
    FindingBadges m_badges;
    int m_fullChecks = 0;
    int m_updates = 0;
};

} // namespace hcn::ui
