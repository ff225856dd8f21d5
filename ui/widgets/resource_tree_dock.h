#pragma once
// ResourceTreeDock: the host's objects as a filterable tree. Selecting rows sets the CurrentSelection;
// a selection made elsewhere (topology, editor) selects the matching rows here.

#include <QDockWidget>

class QLineEdit;
class QTreeView;

namespace hcn::ui {

class CurrentSelection;
class HostMirror;
class ResourceFilterProxyModel;
class ResourceTreeModel;

class ResourceTreeDock : public QDockWidget
{
    Q_OBJECT
public:
    ResourceTreeDock(HostMirror* mirror, CurrentSelection* selection, QWidget* parent = nullptr);

    ResourceTreeModel* model() const { return m_model; }
    ResourceFilterProxyModel* proxyModel() const { return m_proxy; }
    QTreeView* view() const { return m_view; }
    QLineEdit* filterEdit() const { return m_filter; }

    /// Shows only rows matching `text` (name, ID prefix, IP, MAC) and their parents.
    void setFilterText(const QString& text);

private:
    void onViewSelectionChanged();
    void onCurrentSelectionChanged(const QStringList& ids, QObject* origin);
    void selectIds(const QStringList& ids);
    /// Groups unfolded; on a small host their objects too.
    void expandDefault();
    /// After a reset: expandDefault() and the selection shown again; on a big host one group per
    /// event-loop turn, then the selection, so no single turn holds up the window.
    void restoreAfterReset();

    CurrentSelection* m_selection;
    ResourceTreeModel* m_model;
    ResourceFilterProxyModel* m_proxy;
    QTreeView* m_view;
    QLineEdit* m_filter;
    /// Set while the view is being changed to follow the CurrentSelection, so that change is not echoed.
    bool m_following = false;
    /// Counts resets: steps queued by restoreAfterReset() for an earlier one are dropped.
    quint64 m_resets = 0;
};

} // namespace hcn::ui
