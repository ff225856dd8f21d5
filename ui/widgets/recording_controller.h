#pragma once
// RecordingController: File > Open Recording (and recordings dropped on the window). A recording
// (docs/recordings.md) is indexed off the GUI thread and shown as an offline, read-only host at its end,
// replacing the host shown only when the user agrees (ScenarioController::confirmReplace); the Timeline
// dock then moves it to any moment (RecordingPlayback). Another host replacing it closes the playback.

#include <QObject>
#include <QPointer>
#include <QString>

class QWidget;

namespace hcn::ui {

class HostMirror;
class RecordingPlayback;
class ScenarioController;

class RecordingController : public QObject
{
    Q_OBJECT
public:
    RecordingController(HostMirror* mirror, ScenarioController* scenarios, QWidget* dialogParent,
                        QObject* parent = nullptr);
    ~RecordingController() override;

    /// Asks for a recording file and opens it.
    void openRecording();
    /// Opens `path` after asking whether the host shown may be replaced; errors go to a message box.
    /// False when the user kept the current host.
    bool openRecordingInteractive(const QString& path);
    /// Starts opening `path` without questions; opened or failed follows.
    void load(const QString& path);
    bool isLoading() const { return m_loading; }

    /// The recording shown (null when the host shown is not a recording).
    RecordingPlayback* playback() const;
    /// Whether `path` is a recording file (its first line is a recording header).
    static bool isRecordingFile(const QString& path);

signals:
    /// The recording's host is about to replace the one shown; `name` is the file's name.
    void attaching(const QString& name);
    /// The recording is shown at its end; playback() plays it.
    void opened(const QString& path, const QString& description);
    /// Nothing changed on screen; `error` says why.
    void failed(const QString& path, const QString& error);
    /// The recording's host gave way to another one.
    void closed();
    /// A short text for the status bar.
    void message(const QString& text);

private:
    void fail(const QString& path, const QString& error);

    HostMirror* m_mirror;
    ScenarioController* m_scenarios;
    QWidget* m_dialogParent;
    QPointer<RecordingPlayback> m_playback;
    quint64 m_attempt = 0;
    bool m_loading = false;
    bool m_interactive = false;
};

} // namespace hcn::ui
