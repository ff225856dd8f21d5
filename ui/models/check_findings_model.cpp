#include "models/check_findings_model.h"

#include "models/finding_badge.h"
#include "models/host_mirror.h"

#include <QBrush>
#include <QColor>
#include <algorithm>

namespace hcn::ui {

CheckFindingsModel::CheckFindingsModel(HostMirror* mirror, QObject* parent)
    : QAbstractTableModel(parent), m_mirror(mirror),
      m_source(std::make_shared<const std::vector<std::shared_ptr<const Finding>>>())
{
    if (m_mirror) {
        // Renamed objects: their names are read when painted, so a repaint of the column is enough.
        connect(m_mirror, &HostMirror::objectsChanged, this, [this] {
            if (!m_rows.empty())
                emit dataChanged(index(0, ObjectsColumn), index(int(m_rows.size()) - 1, ObjectsColumn),
                                 {Qt::DisplayRole, Qt::ToolTipRole});
        });
    }
}

CheckFindingsModel::~CheckFindingsModel() = default;

void CheckFindingsModel::setFindings(FindingList findings)
{
    if (!findings)
        findings = std::make_shared<const std::vector<std::shared_ptr<const Finding>>>();
    m_counts = {};
    for (const auto& f : *findings)
        ++m_counts[std::size_t(f->severity)];
    FindingList previous = std::move(m_source);
    m_source = std::move(findings);
    updateRows(previous);
}

void CheckFindingsModel::setSeverityShown(Severity severity, bool shown)
{
    if (m_shown[std::size_t(severity)] == shown)
        return;
    m_shown[std::size_t(severity)] = shown;
    updateRows(m_source);
}

void CheckFindingsModel::updateRows(const FindingList& previous)
{
    (void)previous; // keeps the rows' findings alive until they are replaced
    std::vector<const Finding*> next;
    next.reserve(m_source->size());
    for (const auto& f : *m_source)
        if (m_shown[std::size_t(f->severity)])
            next.push_back(f.get());

    // Both lists are sorted by findingBefore: walk them side by side, removing the rows that sort before
    // the next wanted finding and inserting the findings that sort before the next row, in runs.
    std::size_t row = 0;
    std::size_t j = 0;
    while (row < m_rows.size() || j < next.size()) {
        if (row < m_rows.size() && j < next.size() && (m_rows[row] == next[j] || *m_rows[row] == *next[j])) {
            m_rows[row++] = next[j++]; // the same finding: the row stays
            continue;
        }
        const bool removeHere =
            j == next.size() || (row < m_rows.size() && findingBefore(*m_rows[row], *next[j]));
        if (removeHere) {
            std::size_t end = row + 1;
            while (end < m_rows.size() && (j == next.size() || findingBefore(*m_rows[end], *next[j])))
                ++end;
            beginRemoveRows({}, int(row), int(end) - 1);
            m_rows.erase(m_rows.begin() + std::ptrdiff_t(row), m_rows.begin() + std::ptrdiff_t(end));
            endRemoveRows();
            continue;
        }
        const bool insertHere = row == m_rows.size() || findingBefore(*next[j], *m_rows[row]);
        if (insertHere) {
            std::size_t end = j + 1;
            while (end < next.size() && (row == m_rows.size() || findingBefore(*next[end], *m_rows[row])))
                ++end;
            beginInsertRows({}, int(row), int(row + end - j) - 1);
            m_rows.insert(m_rows.begin() + std::ptrdiff_t(row), next.begin() + std::ptrdiff_t(j),
                          next.begin() + std::ptrdiff_t(end));
            endInsertRows();
            row += end - j;
            j = end;
            continue;
        }
        // Same place in the order, other details (evidence, fix): the row stays and repaints.
        m_rows[row] = next[j++];
        emit dataChanged(index(int(row), 0), index(int(row), ColumnCount - 1));
        ++row;
    }
}

const Finding* CheckFindingsModel::finding(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this || index.row() < 0 || std::size_t(index.row()) >= m_rows.size())
        return nullptr;
    return m_rows[std::size_t(index.row())];
}

QModelIndex CheckFindingsModel::indexOf(const QString& ruleId, const QString& objectId) const
{
    const std::string rule = ruleId.toStdString();
    const std::string object = canonicalObjectId(objectId.toStdString());
    for (std::size_t row = 0; row < m_rows.size(); ++row) {
        const Finding& f = *m_rows[row];
        if (f.ruleId != rule)
            continue;
        if (objectId.isEmpty() || std::any_of(f.objects.begin(), f.objects.end(),
                                              [&](const FindingObject& o) { return o.id == object; }))
            return index(int(row), 0);
    }
    return {};
}

QString CheckFindingsModel::objectNames(const Finding& finding) const
{
    QStringList names;
    for (const FindingObject& object : finding.objects) {
        const QString id = QString::fromStdString(object.id);
        const MirrorObject* known = m_mirror ? m_mirror->object(id) : nullptr;
        names << (known && !known->name.isEmpty() ? known->name : id);
    }
    return names.join(QStringLiteral(", "));
}

int CheckFindingsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CheckFindingsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CheckFindingsModel::data(const QModelIndex& index, int role) const
{
    const Finding* f = finding(index);
    if (!f)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            return severityLabel(f->severity);
        case RuleColumn:
            return QString::fromStdString(f->ruleId);
        case TitleColumn:
            return QString::fromStdString(f->title);
        case ObjectsColumn:
            return objectNames(*f);
        }
        return {};
    case Qt::ToolTipRole:
        return QString::fromStdString(f->message);
    case Qt::DecorationRole:
        return index.column() == SeverityColumn ? QVariant(severityIcon(f->severity)) : QVariant();
    case Qt::ForegroundRole:
        if (index.column() != SeverityColumn)
            return {};
        if (f->severity == Severity::Error)
            return QBrush(QColor(0xb0, 0x1c, 0x1c));
        if (f->severity == Severity::Warning)
            return QBrush(QColor(0x9a, 0x5b, 0x00));
        return {};
    case SeverityRole:
        return int(f->severity);
    case RuleIdRole:
        return QString::fromStdString(f->ruleId);
    case ObjectIdsRole: {
        QStringList ids;
        for (const FindingObject& object : f->objects)
            ids << QString::fromStdString(object.id);
        return ids;
    }
    }
    return {};
}

QVariant CheckFindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case RuleColumn:
        return tr("Rule");
    case TitleColumn:
        return tr("Title");
    case ObjectsColumn:
        return tr("Objects");
    }
    return {};
}

} // namespace hcn::ui
