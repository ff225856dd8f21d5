#pragma once
// CheckFindingsModel: the health-check findings of the host shown, one row each: severity, rule ID,
// title and the objects by name. A severity filter hides rows; counts are those of every finding. A
// new list of findings (HostChecks::findingsChanged) is merged into the rows: findings that stayed keep
// their rows (and the view its selection), the others are removed and inserted in runs. Findings that
// stayed are the same objects in both lists, so the merge compares pointers and looks at a finding's
// content only where the lists differ: a live update costs the changes, not the host.

#include "hcn/health_checks.h"
#include "models/finding_badge.h"

#include <QAbstractTableModel>
#include <QStringList>
#include <array>
#include <memory>
#include <vector>

namespace hcn::ui {

class HostMirror;

class CheckFindingsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        SeverityColumn,
        RuleColumn,
        TitleColumn,
        ObjectsColumn,
        ColumnCount,
    };
    enum Role
    {
        SeverityRole = Qt::UserRole + 1, ///< hcn::Severity as int
        RuleIdRole,                      ///< "IP-DUP-LOCAL"
        ObjectIdsRole,                   ///< QStringList of the objects' IDs, the one to look at first first
    };
    /// `mirror` (optional) names the objects; without it, or for an object it does not know, the ID.
    explicit CheckFindingsModel(HostMirror* mirror = nullptr, QObject* parent = nullptr);
    ~CheckFindingsModel() override;

    /// Shows `findings` (sorted by hcn::findingBefore; null: none), keeping the rows that stayed.
    void setFindings(FindingList findings);

    void setSeverityShown(Severity severity, bool shown);
    bool isSeverityShown(Severity severity) const { return m_shown[std::size_t(severity)]; }
    /// Findings of `severity`, shown or not.
    int count(Severity severity) const { return m_counts[std::size_t(severity)]; }

    /// The finding of a row; null for an invalid index.
    const Finding* finding(const QModelIndex& index) const;
    /// The first row of rule `ruleId` (and naming `objectId` when given); invalid when none is shown.
    QModelIndex indexOf(const QString& ruleId, const QString& objectId = {}) const;
    /// "web-1, web-2" (names, or IDs for objects without a name or unknown to the mirror).
    QString objectNames(const Finding& finding) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    /// Makes the rows those of m_source that pass the filter, by merging.
    void updateRows(const FindingList& previous);

    HostMirror* m_mirror;
    FindingList m_source;
    /// The rows, into m_source (into the previous list only while a merge runs).
    std::vector<const Finding*> m_rows;
    std::array<bool, 3> m_shown{true, true, true};
    std::array<int, 3> m_counts{};
};

} // namespace hcn::ui
