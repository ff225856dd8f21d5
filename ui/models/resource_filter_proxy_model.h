#pragma once
// ResourceFilterProxyModel: filters the resource tree by what users type to find an object: part of a
// name, the start of an ID, an IP address or a MAC (either separator), case-insensitively. Parents of a
// match stay visible; a matched container shows all its children. Group rows keep their fixed order
// while everything below them sorts by the clicked column: by name on the rows' prepared, case-folded
// keys (a host of 10,000 endpoints sorts without formatting any text).

#include <QSortFilterProxyModel>

namespace hcn::ui {

class ResourceTreeModel;

class ResourceFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ResourceFilterProxyModel(QObject* parent = nullptr);

    QString filterText() const { return m_text; }
    void setFilterText(const QString& text);
    void setSourceModel(QAbstractItemModel* model) override;
    /// Without a filter every row is shown: answered by the source, so a folded network of ten
    /// thousand endpoints is not sorted just to draw its expand arrow (it is when it unfolds).
    bool hasChildren(const QModelIndex& parent = {}) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    /// The source when it is the resource tree (its rows' sort keys are read directly).
    const ResourceTreeModel* m_tree = nullptr;
    QString m_text;
    /// m_text with ':' MAC separators turned into '-'.
    QString m_macText;
};

} // namespace hcn::ui
