#pragma once
// EventLogExport: writes the rows a view shows (the filter proxy, or the log itself) as CSV (RFC 4180)
// or JSON lines. Values are the displayed texts, so the file says what the user saw, except the time:
// both formats carry the full receive date and time (ISO 8601 with the local offset) and the object ID
// (CSV: "Date and time" in place of the time of day, "Object ID" after "Object").

#include <QCoreApplication>
#include <QString>

class QAbstractItemModel;
class QIODevice;

namespace hcn::ui {

class EventLogExport
{
    Q_DECLARE_TR_FUNCTIONS(EventLogExport)
public:
    enum class Format
    {
        Csv,
        JsonLines
    };

    /// ".csv" -> Csv, ".jsonl"/".ndjson"/".json" -> JsonLines; false (format untouched) when unknown.
    static bool formatForFileName(const QString& fileName, Format* format);

    /// Writes every row of `shown` (columns of EventLogModel) to `device`. Returns an empty string on
    /// success, else what went wrong.
    static QString write(const QAbstractItemModel& shown, Format format, QIODevice& device);
    /// Writes atomically: the file appears complete or not at all (an existing one stays untouched on
    /// failure).
    static QString writeFile(const QAbstractItemModel& shown, Format format, const QString& path);

    /// One CSV field, quoted when it contains a comma, a quote, CR or LF (RFC 4180).
    static QString csvField(const QString& text);
};

} // namespace hcn::ui
