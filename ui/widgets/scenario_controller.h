#pragma once
// ScenarioController: File > New empty host, File > Open scenario and File > Open snapshot. A scenario
// always loads into a fresh embedded engine, on that engine's own ApiWorker, which replaces the console's
// host only once the whole scenario applied: the window keeps responding meanwhile, and a failed load
// leaves the current host on screen untouched. A snapshot (what File > Export all, hcnd.snapshot or
// `hcnctl import --json` write) is read on its worker into a read-only hcn::SnapshotApi, never into an
// engine: a customer's broken state shows as it is. An imported dump takes the same way, with the import
// as the worker's first job (DumpImportController). The interactive entries ask before replacing an
// offline host.

#include "hcn/dump_import.h"
#include "hcn/status.h"
#include "models/offline_snapshot.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <functional>
#include <memory>

class QWidget;

namespace hcn::ui {

class ApiWorker;
class HostMirror;

class ScenarioController : public QObject
{
    Q_OBJECT
public:
    ScenarioController(HostMirror* mirror, QWidget* dialogParent, QObject* parent = nullptr);
    ~ScenarioController() override;

    /// Starts loading `path` (a file or ":/scenarios/..." resource) into a fresh embedded engine;
    /// hostLoaded or loadFailed ("Endpoints[2] (web): HCN_E_INVALID_IP (0x803B001E): ...") follows.
    void loadScenario(const QString& path);
    /// Starts showing a fresh embedded engine without objects; hostLoaded or loadFailed follows.
    void newEmptyHost();
    /// Starts reading the snapshot document at `path` into a read-only host; hostLoaded (description:
    /// the snapshot's load warnings, one per line) or loadFailed follows.
    void loadSnapshot(const QString& path);
    /// Starts showing what `read` produces, on the new host's worker (the snapshot read or imported
    /// there), as a read-only host named `source`; hostLoaded or loadFailed follows, then `done` with the
    /// outcome (E_ABORT when cancelled or superseded by another load). No message box: the caller tells.
    void loadOfflineSnapshot(OfflineSnapshotReader read, const QString& source,
                             std::function<void(const Status&)> done = {});
    /// Abandons the load on its way; the host shown stays.
    void cancelLoad();
    /// Whether a load is on its way.
    bool isLoading() const { return m_loading != nullptr || m_attaching; }

    /// Asks for a file and loads it; errors go to a message box.
    void openScenario();
    /// Loads `path`; errors go to a message box.
    void openScenarioInteractive(const QString& path);
    void newEmptyHostInteractive();
    /// Asks for a snapshot file and opens it; errors go to a message box.
    void openSnapshot();
    /// Opens the snapshot at `path`; errors go to a message box.
    void openSnapshotInteractive(const QString& path);

    /// Answers "replace the host `current` (an offline snapshot, or a host with unsaved changes) with
    /// `incoming` ("quitting" when the console quits)?"; true replaces.
    using ReplaceQuestion = std::function<bool(const QString& current, const QString& incoming)>;
    /// Replaces the message box that asks (tests answer without a modal dialog).
    void setReplaceQuestion(ReplaceQuestion question) { m_replaceQuestion = std::move(question); }
    /// True when the host shown may give way to `incoming`: a service's host (its objects stay in the
    /// service) and an unchanged embedded host always may; an offline snapshot (a customer's host,
    /// perhaps opened with effort) and an embedded host with unsaved changes only when the user says so.
    bool confirmReplace(const QString& incoming);
    /// Asks before the console quits while the embedded host has unsaved changes or edits; true quits.
    bool confirmQuit();
    /// Tells whether the user has edits not applied yet (the Properties form); they count as unsaved.
    void setPendingEdits(std::function<bool()> pending) { m_pendingEdits = std::move(pending); }
    /// Objects created, changed or deleted on the embedded host since it was loaded or exported whole
    /// (File > Export all); 0 for a service's or an offline host.
    int unsavedChanges() const;
    /// The host shown was saved whole (Export all): nothing is lost by replacing it now.
    void markSaved();

    /// The import report of the offline host shown (with its snapshot's load warnings); null when the
    /// host shown is not an offline snapshot.
    std::shared_ptr<const io::ImportReport> importReport() const { return m_report; }

    static QString defaultScenario() { return QStringLiteral(":/scenarios/sample-host.json"); }

signals:
    /// A host replaced the previous one; `description` is the scenario's (empty for a new host).
    void hostLoaded(const QString& source, const QString& description);
    /// Nothing changed on screen; `error` says why.
    void loadFailed(const QString& source, const QString& error);
    /// The file `source` (a scenario, snapshot or dump) could not be read or applied; follows loadFailed
    /// for every failure but a cancel and a new empty host.
    void openFailed(const QString& source, const QString& error);

private:
    void startOffline(OfflineSnapshotReader read, const QString& source,
                      std::function<void(const Status&)> done);
    void show(std::unique_ptr<ApiWorker> worker, const QString& source, const QString& description,
              std::shared_ptr<const io::ImportReport> report = {},
              std::function<void(const Status&)> done = {});
    /// Reports a failed load; a failure `code` is explained in the message box.
    void fail(const QString& source, const QString& error, HResult code = hr::Ok, bool cancelled = false);
    /// The question before losing the embedded host's unsaved changes or pending edits (true: go on).
    bool confirmUnsaved(const QString& incoming, const QString& title, const QString& question,
                        const QString& button);
    /// A modal warning, with the error catalog's explanation of a failure `code`.
    void warn(const QString& title, const QString& text, HResult code) const;

    HostMirror* m_mirror;
    QWidget* m_dialogParent;
    /// The engine a scenario is being loaded into, before the mirror takes it.
    std::unique_ptr<ApiWorker> m_loading;
    quint64 m_attempt = 0;
    quint64 m_attachAttempt = 0;
    bool m_attaching = false;
    bool m_interactive = false;
    bool m_interactiveSnapshot = false; ///< the interactive load is a snapshot (the message box says so)
    std::shared_ptr<const io::ImportReport> m_report;
    ReplaceQuestion m_replaceQuestion;
    std::function<bool()> m_pendingEdits;
    /// Unsaved changes per embedded host: the one shown, and the one a service connection keeps aside
    /// for Disconnect to return to.
    struct Unsaved
    {
        std::weak_ptr<Api> host;
        int changes = 0;
    };
    QHash<const Api*, Unsaved> m_unsaved;
};

} // namespace hcn::ui
