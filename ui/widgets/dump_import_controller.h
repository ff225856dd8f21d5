#pragma once
// DumpImportController: File > Open Dump, Edit > Paste Dump and files dropped on the window. A customer's
// dump (files, a collectlogs folder, archives, pasted text) is imported into a read-only snapshot on the
// new host's worker thread (hcn::io::importPaths / importDump, docs/import.md), never on the GUI thread,
// with a non-modal progress dialog whose Cancel abandons the import and keeps the current host. The
// snapshot then shows exactly as File > Open Snapshot shows one (ScenarioController::loadOfflineSnapshot).

#include "hcn/status.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <memory>

class QMimeData;
class QProgressDialog;
class QTimer;
class QWidget;

namespace hcn::ui {

class ScenarioController;

class DumpImportController : public QObject
{
    Q_OBJECT
public:
    DumpImportController(ScenarioController* scenarios, QWidget* dialogParent, QObject* parent = nullptr);
    ~DumpImportController() override;

    /// Asks for dump files or archives and imports them as one snapshot.
    void openDump();
    /// Asks for a folder (collectlogs output) and imports everything in it.
    void openDumpFolder();
    /// Imports the clipboard's text (or, without text, its bytes) as one dump named "clipboard".
    void pasteDump();

    /// Imports files, folders and archives as one snapshot, asking first when an offline host is shown.
    /// False when nothing started (the user kept the current host, or there was nothing to import).
    bool openPaths(const QStringList& paths);
    /// Imports bytes already in memory as one dump named `name`; as openPaths otherwise.
    bool openBytes(const QString& name, const QByteArray& bytes);
    /// Whether a drop carries something to import: local files or folders, or text.
    static bool canOpen(const QMimeData* mime);
    /// Imports what was dropped (files and folders, else the text).
    bool openDropped(const QMimeData* mime);

    /// Abandons the import on its way; the host shown stays.
    void cancel();
    bool isImporting() const { return m_job != nullptr; }
    /// The progress dialog of the import on its way (null otherwise).
    QProgressDialog* progressDialog() const { return m_progress; }

    /// "network.txt, endpoint.txt": how an import of `paths` is named in the title and the report.
    static QString displayName(const QStringList& paths);

signals:
    /// An import started; `name` is what it is called in the title.
    void started(const QString& name);
    /// The imported host is shown; the report is ScenarioController::importReport().
    void imported(const QString& name);
    /// Nothing changed on screen (cancelled, an error, nothing recovered); `message` says why.
    void failed(const QString& name, const QString& message, bool cancelled);
    /// A short text for the status bar.
    void message(const QString& text);

private:
    struct Job;
    bool start(const QString& name, std::shared_ptr<Job> job);
    void finish(const std::shared_ptr<Job>& job, const Status& status);
    /// A non-modal warning; a failure `code` gets the error catalog's explanation.
    void showMessage(const QString& title, const QString& text, HResult code = hr::Ok);

    ScenarioController* m_scenarios;
    QWidget* m_dialogParent;
    std::shared_ptr<Job> m_job;
    QPointer<QProgressDialog> m_progress;
    QTimer* m_progressTimer;
};

} // namespace hcn::ui
