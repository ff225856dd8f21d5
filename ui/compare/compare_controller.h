#pragma once
// CompareController: the console's comparisons (docs/console.md, Compare). Two kinds:
//
// - The host shown against a file (File > Compare With...): the file (whatever `hcnctl diff` takes as a
//   side, CompareSide) is "before" and the host "after" unless swapped. The comparison follows the host:
//   every change the mirror applies re-runs the diff (coalesced: one run per kFollowDelayMs quiet
//   spell, at most one at a time) against the file as it was read once.
// - Two hosts given whole (compareHosts, e.g. two moments of a recording): a comparison of those
//   copies, which nothing changes afterwards.
//
// Reading the file and the diff run on a worker thread (QThread::create, one at a time; a newer
// request waits and replaces any waiting one), never on the GUI thread; the GUI thread only copies the
// mirror's HostState. A file that cannot be read fails with a message and changes nothing: the host,
// and the comparison shown before, stay.

#include "compare/compare_result.h"
#include "compare/compare_side.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <functional>
#include <memory>

class QThread;
class QWidget;

namespace hcn::ui {

class HostMirror;

class CompareController : public QObject
{
    Q_OBJECT
public:
    /// How long the host must be quiet before a followed comparison re-runs.
    static constexpr int kFollowDelayMs = 300;

    enum class Mode
    {
        None,     ///< nothing compared
        HostFile, ///< the host shown against a file; follows the host
        Hosts,    ///< two given hosts
    };

    CompareController(HostMirror* mirror, QWidget* dialogParent, QObject* parent = nullptr);
    ~CompareController() override;

    /// Asks for a file (snapshot, Export all, bundle, dump, recording) and compares the host with it.
    void compareWithFileInteractive();
    /// Compares the host shown ("after") with the file at `path` ("before"); `fileIsAfter` swaps them.
    void compareWithFile(const QString& path, bool fileIsAfter = false);
    /// Compares two hosts given whole; replaces any comparison shown.
    void compareHosts(HostState before, HostState after, const QString& beforeLabel,
                      const QString& afterLabel);
    /// Exchanges "before" and "after" and compares again.
    void swapSides();
    /// Re-runs the comparison now (a followed one also re-runs by itself).
    void refresh();
    /// Ends the comparison: the marks go, the dock empties.
    void clear();

    Mode mode() const { return m_mode; }
    bool isActive() const { return m_mode != Mode::None; }
    /// A read or a diff is on its way.
    bool isBusy() const { return m_running != nullptr; }
    /// The comparison shown (null when none).
    const std::shared_ptr<const CompareResult>& result() const { return m_result; }
    /// HostFile: the file is "after".
    bool fileIsAfter() const { return m_fileIsAfter; }
    /// How the host shown is named as a side ("host shown (snapshot:before.json)").
    QString hostLabel() const;

signals:
    /// A read or a diff started; `what` says which ("Reading before.json...").
    void started(const QString& what);
    /// A comparison is shown (a new one, or a followed one re-run).
    void finished(const std::shared_ptr<const hcn::ui::CompareResult>& result);
    /// A request failed; `message` names the file and why. What was shown stays.
    void failed(const QString& message);
    /// The file of Compare With... (`path`) could not be read; `reason` says why.
    void openFailed(const QString& path, const QString& reason);
    /// The comparison ended.
    void cleared();
    /// The marks on the objects shown changed (empty when cleared).
    void marksChanged(const hcn::ui::CompareMarks& marks);
    void busyChanged(bool busy);

private:
    /// What a job hands back: the comparison, and the file side it read (null when it read none).
    struct Outcome
    {
        std::shared_ptr<const CompareResult> result;
        std::shared_ptr<const CompareSide> side;
    };
    using Work = std::function<Result<Outcome>()>;
    using Done = std::function<void(Result<Outcome>)>;
    struct Job
    {
        QString what;
        Work work;
        Done done;
    };

    void submit(Job job);
    void start(Job job);
    /// Diffs the file side kept against a copy of the host shown.
    void compareHostWithFile();
    void show(std::shared_ptr<const CompareResult> result);
    /// A job's ending that shows its comparison unless a newer request or a clear came meanwhile.
    Done showing(quint64 generation);
    void onHostChanged();

    HostMirror* m_mirror;
    QWidget* m_dialogParent;
    Mode m_mode = Mode::None;
    bool m_fileIsAfter = false;
    /// HostFile: the file as read once.
    std::shared_ptr<const CompareSide> m_file;
    /// Hosts: the two copies and their names.
    std::shared_ptr<const HostState> m_before;
    std::shared_ptr<const HostState> m_after;
    QString m_beforeLabel;
    QString m_afterLabel;
    std::shared_ptr<const CompareResult> m_result;
    /// Counts requests and clears, so the result of one overtaken meanwhile is dropped.
    quint64 m_generation = 0;
    QThread* m_running = nullptr;
    std::unique_ptr<Job> m_queued;
    QTimer m_followTimer;
};

} // namespace hcn::ui
