#include "compare/compare_model.h"

namespace hcn::ui {

namespace {
// internalId of an object row; a change row's is its object's row + 1.
constexpr quintptr kObjectRow = 0;
} // namespace

CompareModel::CompareModel(QObject* parent) : QAbstractItemModel(parent) {}

CompareModel::~CompareModel() = default;

void CompareModel::setResult(std::shared_ptr<const CompareResult> result)
{
    beginResetModel();
    m_wording.reset();
    m_result = std::move(result);
    if (m_result)
        m_wording.emplace(m_result->names);
    endResetModel();
}

QModelIndex CompareModel::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount || row >= rowCount(parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kObjectRow);
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex CompareModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == kObjectRow)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kObjectRow);
}

int CompareModel::rowCount(const QModelIndex& parent) const
{
    if (!m_result || parent.column() > 0)
        return 0;
    if (!parent.isValid())
        return int(m_result->diff.objects.size());
    if (parent.internalId() != kObjectRow)
        return 0;
    return int(m_result->diff.objects[std::size_t(parent.row())].changes.size());
}

int CompareModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

const DiffObject* CompareModel::objectOf(const QModelIndex& index) const
{
    if (!index.isValid() || !m_result)
        return nullptr;
    const std::size_t row =
        index.internalId() == kObjectRow ? std::size_t(index.row()) : index.internalId() - 1;
    return row < m_result->diff.objects.size() ? &m_result->diff.objects[row] : nullptr;
}

QVariant CompareModel::data(const QModelIndex& index, int role) const
{
    const DiffObject* object = objectOf(index);
    if (!object)
        return {};
    const CompareMark mark = compareMarkOf(object->type);
    const bool objectRow = index.internalId() == kObjectRow;
    switch (role) {
    case ObjectIdsRole: {
        QStringList ids;
        if (!object->newId.empty())
            ids << QString::fromStdString(object->newId);
        ids << QString::fromStdString(object->id);
        return ids;
    }
    case MarkRole:
        return int(mark);
    case Qt::BackgroundRole:
        if (objectRow && index.column() == ChangeColumn)
            return compareMarkBackground(mark);
        return {};
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        if (objectRow)
            return index.column() == ChangeColumn ? compareMarkName(mark) : m_wording->objectTitle(*object);
        if (index.column() == TextColumn)
            return m_wording->change(object->changes[std::size_t(index.row())]);
        return {};
    default:
        return {};
    }
}

QVariant CompareModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == ChangeColumn ? tr("Change") : tr("Object / member change");
}

} // namespace hcn::ui
