#pragma once
// RecordingPlayback: a recording opened in the console (docs/recordings.md), its host shown at one
// moment at a time. seek() asks for the host after a number of changes; the host is built off the GUI
// thread (RecordingReader::hostAfter) and handed to the mirror as it is (HostMirror::resyncTo, which
// shows the differences), while the RecordingHostApi the mirror is attached to swaps in that moment,
// its snapshot built only when something asks the host a question. Requests coalesce, latest wins: while one
// moment is on its way only the newest one asked for meanwhile follows it, so dragging the timeline never
// queues up work.

#include "hcn/host_state.h"
#include "hcn/recording.h"
#include "hcn/recording_host_api.h"

#include <QObject>
#include <QString>
#include <functional>
#include <memory>
#include <utility>

namespace hcn::ui {

class HostMirror;

class RecordingPlayback : public QObject
{
    Q_OBJECT
public:
    /// What opening a recording produces (on a worker thread): the indexed reader and a host showing
    /// the recording's end.
    struct Opened
    {
        std::shared_ptr<const RecordingReader> reader;
        std::shared_ptr<RecordingHostApi> host;
    };
    /// Worker thread: indexes the recording at `path` and builds the host after its last change.
    static Result<Opened> open(const QString& path);
    /// Worker thread: the read-only API over the host after `changes` changes of `reader`.
    static Result<std::shared_ptr<Api>> momentApi(const RecordingReader& reader, std::size_t changes,
                                                  const std::string& name);

    /// Plays `reader` through `host`, which `mirror` shows; the host starts at the recording's end.
    RecordingPlayback(const QString& path, std::shared_ptr<const RecordingReader> reader,
                      std::shared_ptr<RecordingHostApi> host, HostMirror* mirror, QObject* parent = nullptr);
    ~RecordingPlayback() override;

    const RecordingReader& reader() const { return *m_reader; }
    std::shared_ptr<const RecordingReader> sharedReader() const { return m_reader; }
    std::shared_ptr<RecordingHostApi> host() const { return m_host; }
    /// The file's path.
    const QString& path() const { return m_path; }
    /// The moment on screen: changes applied (0: the initial snapshot).
    std::size_t shownChanges() const { return m_shown; }
    /// The newest moment asked for (the one on screen once nothing is on its way).
    std::size_t requestedChanges() const { return m_wanted; }
    /// A moment is being built or shown.
    bool isBusy() const { return m_busy; }
    /// Whether the mirror still shows this recording's host.
    bool isShown() const;

    /// Shows the host after `changes` changes (clamped to the recording), latest wins.
    void seek(std::size_t changes);
    /// Shows the host at `timeMs` (UTC ms): after every change at or before it.
    void seekTime(std::int64_t timeMs);

    using Hosts = std::pair<HostState, HostState>;
    /// Builds the hosts after `a` and after `b` changes off the GUI thread; `done` runs on the GUI thread.
    void readHosts(std::size_t a, std::size_t b, std::function<void(Result<Hosts>)> done);

    /// "change 120 of 360000 · 2026-12-03 16:34:51.500 UTC (+00:12:30.5)".
    QString momentText(std::size_t changes) const;
    /// The time of the host after `changes` changes: the last of them, or the start for 0.
    std::int64_t timeOf(std::size_t changes) const;

signals:
    /// The host after `changes` changes is on screen (tree, topology, properties follow the mirror).
    void momentShown(quint64 changes);
    /// The moment could not be built; the host shown stays.
    void momentFailed(quint64 changes, const QString& error);
    /// A moment started or finished being built (busy: something is on its way).
    void busyChanged(bool busy);

private:
    void startNext();
    void finishMoment(std::size_t changes, Result<HostState> host);

    QString m_path;
    std::shared_ptr<const RecordingReader> m_reader;
    std::shared_ptr<RecordingHostApi> m_host;
    HostMirror* m_mirror;
    std::string m_name;
    std::size_t m_shown = 0;
    std::size_t m_wanted = 0;
    /// The moment being built or resynced.
    std::size_t m_building = 0;
    bool m_busy = false;
    bool m_resyncing = false;
};

} // namespace hcn::ui
