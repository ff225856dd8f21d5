#pragma once
// ExportController: File > Export selected / Export all / Copy selected as JSON. Selected objects are
// written as v2 documents or in the v1 Get-Hns* shape (picked by the file type in the save dialog);
// "Export all" writes the service's snapshot (every object and the versions).

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

    /// Writes the selection / everything to `path`. False with `error` set on failure.
    bool writeSelected(const QString& path, ExportSchema schema, QString* error) const;
    bool writeAll(const QString& path, QString* error) const;
    /// Puts the selection's JSON on the clipboard.
    bool copySelected(ExportSchema schema, QString* error) const;

    void exportSelectedInteractive();
    void exportAllInteractive();
    void copySelectedInteractive(ExportSchema schema);

signals:
    /// A one-line result for the status bar.
    void message(const QString& text);

private:
    bool write(const QString& path, const QByteArray& content, QString* error) const;
    QString askForFile(const QString& title, const QString& suggestedName, const QStringList& filters,
                       QString* selectedFilter) const;

    HostMirror* m_mirror;
    CurrentSelection* m_selection;
    QWidget* m_dialogParent;
};

} // namespace hcn::ui
