#include "export_controller.h"

#include "models/api_worker.h"
#include "models/current_selection.h"
#include "models/host_mirror.h"
#include "widgets/console_settings.h"

#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSaveFile>

namespace hcn::ui {

ExportController::ExportController(HostMirror* mirror, CurrentSelection* selection, QWidget* dialogParent,
                                   QObject* parent)
    : QObject(parent), m_mirror(mirror), m_selection(selection), m_dialogParent(dialogParent)
{}

QList<ExportTarget> ExportController::selectedTargets() const
{
    QList<ExportTarget> targets;
    for (const QString& id : m_selection->ids())
        if (const MirrorObject* object = m_mirror->object(id))
            targets.append({object->kind, object->id});
    return targets;
}

bool ExportController::write(const QString& path, const QByteArray& content, QString* error) const
{
    // QSaveFile: an existing export is replaced only once the new one is complete.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit()) {
        *error = tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

void ExportController::writeSelected(const QString& path, ExportSchema schema)
{
    start({Target::File, path, false, schema, selectedTargets(), {}});
}

void ExportController::writeAll(const QString& path)
{
    start({Target::File, path, true, ExportSchema::V2, {}, {}});
}

void ExportController::copySelected(ExportSchema schema)
{
    start({Target::Clipboard, {}, false, schema, selectedTargets(), {}});
}

void ExportController::start(Request request)
{
    ApiWorker* worker = m_mirror->worker();
    if (!worker) {
        complete(request, false, tr("No host is shown."));
        return;
    }
    ++m_pending;
    emit message(tr("Exporting..."));
    worker->call(
        this,
        [everything = request.everything, objects = request.objects, schema = request.schema](Api& api) {
            const ObjectExport exporter(api);
            return everything ? exporter.everything() : exporter.objects(objects, schema);
        },
        [this, request](Result<QByteArray> content) {
            --m_pending;
            if (!content.ok()) {
                complete(request, false, QString::fromStdString(content.status().message()));
                return;
            }
            if (request.target == Target::Clipboard) {
                QGuiApplication::clipboard()->setText(QString::fromUtf8(*content));
                complete(request, true,
                         tr("Copied %n object(s) as JSON", nullptr, int(request.objects.size())));
                return;
            }
            QString error;
            if (!write(request.path, *content, &error)) {
                complete(request, false, error);
                return;
            }
            if (request.everything)
                emit hostSaved(request.path);
            const QString where = QDir::toNativeSeparators(request.path);
            complete(
                request, true,
                request.everything
                    ? tr("Exported the whole host to %1").arg(where)
                    : tr("Exported %n object(s) to %1", nullptr, int(request.objects.size())).arg(where));
        });
}

void ExportController::complete(const Request& request, bool ok, const QString& text)
{
    if (ok || request.dialogTitle.isEmpty())
        emit message(text);
    else
        QMessageBox::warning(m_dialogParent, request.dialogTitle, text);
    emit finished(ok, text);
}

QString ExportController::askForFile(const QString& title, const QString& suggestedName,
                                     const QStringList& filters, QString* selectedFilter) const
{
    QString directory = settings::lastExportDirectory().value();
    if (directory.isEmpty())
        directory = QDir::homePath();
    const QString path =
        QFileDialog::getSaveFileName(m_dialogParent, title, QDir(directory).filePath(suggestedName),
                                     filters.join(QLatin1String(";;")), selectedFilter);
    if (!path.isEmpty())
        settings::lastExportDirectory().setValue(QFileInfo(path).absolutePath());
    return path;
}

void ExportController::exportSelectedInteractive()
{
    const QList<ExportTarget> targets = selectedTargets();
    if (targets.isEmpty()) {
        QMessageBox::information(m_dialogParent, tr("Export Selected"),
                                 tr("Select one or more objects first."));
        return;
    }
    const QString v2Filter = tr("HCN v2 documents (*.json)");
    const QString v1Filter = tr("HNS v1 objects, as Get-HnsNetwork/Get-HnsEndpoint show them (*.json)");
    QString selectedFilter = v2Filter;
    const MirrorObject* first = m_mirror->object(targets.front().id);
    QString suggested =
        targets.size() == 1 && first && !first->name.isEmpty() ? first->name : QStringLiteral("hcn-objects");
    suggested.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")), QStringLiteral("_"));
    const QString path = askForFile(tr("Export Selected"), suggested + QStringLiteral(".json"),
                                    {v2Filter, v1Filter}, &selectedFilter);
    if (path.isEmpty())
        return;
    const ExportSchema schema = selectedFilter == v1Filter ? ExportSchema::V1 : ExportSchema::V2;
    start({Target::File, path, false, schema, targets, tr("Export Selected")});
}

void ExportController::exportAllInteractive()
{
    const QString path = askForFile(tr("Export All"), QStringLiteral("hcn-host.json"),
                                    {tr("HCN host snapshot (*.json)")}, nullptr);
    if (path.isEmpty())
        return;
    start({Target::File, path, true, ExportSchema::V2, {}, tr("Export All")});
}

void ExportController::copySelectedInteractive(ExportSchema schema)
{
    copySelected(schema); // the outcome, good or bad, goes to the status line
}

} // namespace hcn::ui
