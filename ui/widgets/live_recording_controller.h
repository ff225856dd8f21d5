#pragma once
// LiveRecordingController: File > Record Live Host. Records the live host shown (an embedded engine or a
// service) into a recording file (docs/recordings.md) with the core's hcn::Recorder: its notifications, or a
// polled snapshot where the host delivers none, as the core decides. Starting, finishing and every write
// run off the GUI thread, on a worker of its own that keeps the recorded host alive until the end line
// is written. The recording stops when the user asks, when another host is shown, or by itself (the
// service went away, the file could not be written), and always says how it ended.

#include "hcn/api.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <memory>

class QTimer;
class QWidget;

namespace hcn {
class Recorder;
}

namespace hcn::ui {

class ApiWorker;
class HostMirror;

class LiveRecordingController : public QObject
{
    Q_OBJECT
public:
    LiveRecordingController(HostMirror* mirror, QWidget* dialogParent, QObject* parent = nullptr);
    ~LiveRecordingController() override;

    /// Asks for a file and starts recording the host shown; while recording, stops.
    void toggleInteractive();
    /// Starts recording the host shown into `path`. False (with failed) when there is nothing to record:
    /// no host, a read-only one, or a recording already running.
    bool start(const QString& path);
    /// Stops with the end line's `reason` ("stopped", "host switched").
    void stop(const QString& reason = QStringLiteral("stopped"));

    /// Starting or recording.
    bool isRecording() const { return m_worker != nullptr; }
    const QString& path() const { return m_path; }
    quint64 changes() const;
    /// "Recording office.hcnrec · 00:01:23 · 42 changes".
    QString statusText() const;

signals:
    /// Recording started (true) or ended (false).
    void recordingChanged(bool recording);
    /// statusText() changed (once a second while recording).
    void progress(const QString& text);
    /// The recording ended: `ok` when the file is complete; `outcome` says what was written, or why not.
    void finished(const QString& path, const QString& outcome, bool ok);

private:
    void tick();
    void end(const QString& outcome, bool ok);

    HostMirror* m_mirror;
    QWidget* m_dialogParent;
    std::unique_ptr<ApiWorker> m_worker;
    std::shared_ptr<Api> m_host;
    std::shared_ptr<Recorder> m_recorder;
    QString m_path;
    QElapsedTimer m_elapsed;
    QTimer* m_timer;
    bool m_stopping = false;
};

} // namespace hcn::ui
