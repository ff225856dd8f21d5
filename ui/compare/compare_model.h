#pragma once
// CompareModel: a comparison's objects as a tree for the Compare dock: one row per object removed,
// changed or added (the diff's order: removed, changed, added; by kind, then ID), and under a changed
// object one row per member change in plain words (DiffWording). Text is formatted in data(), so a
// comparison of thousands of objects costs one reset.

#include "compare/compare_result.h"
#include "compare/diff_wording.h"

#include <QAbstractItemModel>
#include <memory>
#include <optional>

namespace hcn::ui {

class CompareModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        ChangeColumn, ///< "Added", "Removed", "Changed" (the object rows), in the mark's colour
        TextColumn,   ///< the object's title, or the member change in words
        ColumnCount
    };
    enum Role
    {
        /// QStringList: the IDs an object row stands for, the one in "after" first (a name match has two).
        ObjectIdsRole = Qt::UserRole + 1,
        /// CompareMark (int) of the row's object.
        MarkRole,
    };

    explicit CompareModel(QObject* parent = nullptr);
    ~CompareModel() override;

    /// Shows `result` (null: nothing).
    void setResult(std::shared_ptr<const CompareResult> result);
    const std::shared_ptr<const CompareResult>& result() const { return m_result; }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const DiffObject* objectOf(const QModelIndex& index) const;

    std::shared_ptr<const CompareResult> m_result;
    std::optional<DiffWording> m_wording;
};

} // namespace hcn::ui
