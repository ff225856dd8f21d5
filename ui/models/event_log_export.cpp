#include "models/event_log_export.h"

#include "models/event_log_model.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QFileInfo>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace hcn::ui {

namespace {

/// JSON line keys, in column order.
constexpr const char* kJsonKeys[EventLogModel::ColumnCount] = {"time",   "sequence", "type",
                                                               "object", "kind",     "summary"};

bool writeAll(QIODevice& device, const QByteArray& bytes)
{
    return device.write(bytes) == bytes.size();
}

} // namespace

bool EventLogExport::formatForFileName(const QString& fileName, Format* format)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == QLatin1String("csv")) {
        *format = Format::Csv;
        return true;
    }
    if (suffix == QLatin1String("jsonl") || suffix == QLatin1String("ndjson") ||
        suffix == QLatin1String("json")) {
        *format = Format::JsonLines;
        return true;
    }
    return false;
}

QString EventLogExport::csvField(const QString& text)
{
    const bool needsQuotes = text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) ||
                             text.contains(QLatin1Char('\r')) || text.contains(QLatin1Char('\n'));
    if (!needsQuotes)
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString EventLogExport::write(const QAbstractItemModel& shown, Format format, QIODevice& device)
{
    if (shown.columnCount() != EventLogModel::ColumnCount)
        return tr("The view does not show an event log.");
    if (!device.isWritable())
        return tr("The destination is not open for writing.");

    const int rows = shown.rowCount();
    QByteArray chunk;
    auto flushChunk = [&](bool force) {
        if (!force && chunk.size() < 256 * 1024)
            return true;
        const bool ok = writeAll(device, chunk);
        chunk.clear();
        return ok;
    };

    if (format == Format::Csv) {
        QStringList header;
        for (int column = 0; column < EventLogModel::ColumnCount; ++column) {
            if (column == EventLogModel::TimeColumn)
                header.append(csvField(tr("Date and time")));
            else
                header.append(csvField(shown.headerData(column, Qt::Horizontal).toString()));
            if (column == EventLogModel::ObjectColumn)
                header.append(csvField(tr("Object ID")));
        }
        chunk += header.join(QLatin1Char(',')).toUtf8() + "\r\n";
    }

    for (int row = 0; row < rows; ++row) {
        if (format == Format::Csv) {
            QString line;
            for (int column = 0; column < EventLogModel::ColumnCount; ++column) {
                if (column > 0)
                    line += QLatin1Char(',');
                const QModelIndex index = shown.index(row, column);
                if (column == EventLogModel::TimeColumn) {
                    line += csvField(
                        EventLogModel::dateTimeText(index.data(EventLogModel::ReceivedRole).toLongLong()));
                    continue;
                }
                line += csvField(index.data().toString());
                if (column == EventLogModel::ObjectColumn)
                    line += QLatin1Char(',') + csvField(index.data(EventLogModel::ObjectIdRole).toString());
            }
            chunk += line.toUtf8() + "\r\n";
        } else {
            QJsonObject object;
            for (int column = 0; column < EventLogModel::ColumnCount; ++column) {
                const QModelIndex index = shown.index(row, column);
                if (column == EventLogModel::SequenceColumn)
                    object.insert(QLatin1String(kJsonKeys[column]),
                                  qint64(index.data(EventLogModel::SequenceRole).toULongLong()));
                else
                    object.insert(QLatin1String(kJsonKeys[column]), index.data().toString());
            }
            const QModelIndex first = shown.index(row, 0);
            object.insert(QLatin1String("objectId"), first.data(EventLogModel::ObjectIdRole).toString());
            const qint64 received = first.data(EventLogModel::ReceivedRole).toLongLong();
            object.insert(QLatin1String("receivedAt"), EventLogModel::dateTimeText(received));
            chunk += QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
        }
        if (!flushChunk(false))
            return tr("Writing failed: %1").arg(device.errorString());
    }
    if (!flushChunk(true))
        return tr("Writing failed: %1").arg(device.errorString());
    return {};
}

QString EventLogExport::writeFile(const QAbstractItemModel& shown, Format format, const QString& path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    const QString error = write(shown, format, file);
    if (!error.isEmpty()) {
        file.cancelWriting();
        return error;
    }
    if (!file.commit())
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    return {};
}

} // namespace hcn::ui
