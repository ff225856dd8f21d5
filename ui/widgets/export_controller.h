#pragma once
// ExportController: File > Export selected / Export all / Copy selected as JSON. Selected objects are
// written as v2 documents or in the v1 Get-Hns* shape (picked by the file type in the save dialog);
// "Export all" writes the service's snapshot (every object and the versions). The documents are
// queried on the host's ApiWorker; the file is written once they are back.

#include "models/object_export.h"

#include <QObject>
#include <QString>

class QWidget;

namespace hcn::ui {

class CurrentSelection;
class HostMirror;

class ExportController : public QObject
{
    Q_OBJECT
public:
    ExportController(HostMirror* mirror, CurrentSelection* selection, QWidget* dialogParent,
                     QObject* parent = nullptr);

    /// The selected objects the mirror knows, in selection order.
    QList<ExportTarget> selectedTargets() const;

    /// Start writing the selection / everything to `path`; finished() tells the outcome.
    void writeSelected(const QString& path, ExportSchema schema);
    void writeAll(const QString& path);
    /// Starts putting the selection's JSON on the clipboard; finished() tells the outcome.
    void copySelected(ExportSchema schema);
    /// Exports whose documents are on their way.
    int pendingExports() const { return m_pending; }

    void exportSelectedInteractive();
    void exportAllInteractive();
    void copySelectedInteractive(ExportSchema schema);

signals:
    /// A one-line result (or progress) for the status bar.
    void message(const QString& text);
    /// An export ended: `ok`, with the status line on success or the error.
    void finished(bool ok, const QString& text);
    /// The whole host was written to `path` (Export all): what it holds is saved.
    void hostSaved(const QString& path);

private:
    enum class Target
    {
        File,
        Clipboard,
    };
    struct Request
    {
        Target target = Target::File;
        QString path;
        bool everything = false;
        ExportSchema schema = ExportSchema::V2;
        QList<ExportTarget> objects;
        /// Failures go to a message box titled so (empty: only to finished()).
        QString dialogTitle;
    };
    void start(Request request);
    void complete(const Request& request, bool ok, const QString& text);
    bool write(const QString& path, const QByteArray& content, QString* error) const;
    QString askForFile(const QString& title, const QString& suggestedName, const QStringList& filters,
                       QString* selectedFilter) const;

    HostMirror* m_mirror;
    CurrentSelection* m_selection;
    QWidget* m_dialogParent;
    int m_pending = 0;
};

} // namespace hcn::ui
