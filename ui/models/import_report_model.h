#pragma once
// ImportReportModel: the messages of an import report (hcn/dump_import.h), one row each: severity,
// where in the dump (source:lines) and the message. A severity filter hides rows without touching the
// report; counts are those of the whole report. The report's objects (where each came from, what was
// lost) are looked up by ID for the details pane.

#include "hcn/dump_import.h"

#include <QAbstractTableModel>
#include <QVector>
#include <array>
#include <memory>

namespace hcn::ui {

class ImportReportModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        SeverityColumn,
        LocationColumn,
        MessageColumn,
        ColumnCount,
    };
    enum Role
    {
        SeverityRole = Qt::UserRole + 1, ///< io::ImportSeverity as int
        ObjectIdRole,                    ///< the ID of the object the message is about (empty: none)
        ObjectKindRole,                  ///< its ResourceKind as int
    };

    explicit ImportReportModel(QObject* parent = nullptr);
    ~ImportReportModel() override;

    /// Shows `report` (null: nothing).
    void setReport(std::shared_ptr<const io::ImportReport> report);
    void clear() { setReport(nullptr); }
    const io::ImportReport* report() const { return m_report.get(); }

    /// Whether messages of `severity` are rows (all are, at first).
    void setSeverityShown(io::ImportSeverity severity, bool shown);
    bool isSeverityShown(io::ImportSeverity severity) const;
    /// Messages of `severity` in the whole report, shown or not.
    int count(io::ImportSeverity severity) const;

    /// The message of a row (null for an invalid index).
    const io::ImportMessage* message(const QModelIndex& index) const;
    /// The report's object with this ID (any spelling of the GUID), else null.
    const io::ImportedObject* object(const QString& id) const;
    /// The first row about the object `id`, invalid when no row shown is.
    QModelIndex indexOfObject(const QString& id) const;

    /// "network.txt:12-40", "network.txt", "" for the import as a whole.
    static QString location(const io::ImportMessage& message);
    static QString severityName(io::ImportSeverity severity);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void rebuildRows();

    std::shared_ptr<const io::ImportReport> m_report;
    /// Message indices of the rows shown, in report order.
    QVector<int> m_rows;
    std::array<bool, 3> m_shown{true, true, true};
    std::array<int, 3> m_counts{};
};

} // namespace hcn::ui
