#pragma once
// TopologyDock: the topology diagram of the host (networks, endpoints, namespaces, load balancers)
// with search, filters, zoom/fit, export, and selection shared with the rest of the console.

#include "compare/compare_marks.h"

#include <QDockWidget>
#include <QPointer>
#include <QStringList>
#include <memory>

class QAction;
class QIODevice;
class QLineEdit;
class QMenu;
class QSpinBox;
class QToolBar;

namespace hcn::ui {

class CurrentSelection;
class HostMirror;
class TopologyDiagram;
class TopologyLegend;
class TopologyMinimap;
class TopologyScene;
class TopologyView;

class TopologyDock : public QDockWidget
{
    Q_OBJECT
public:
    TopologyDock(HostMirror* mirror, CurrentSelection* selection, QWidget* parent = nullptr);
    ~TopologyDock() override;

    TopologyDiagram* diagram() const { return m_diagram; }
    TopologyScene* scene() const;
    TopologyView* view() const { return m_view; }
    /// The overview in the view's corner (hidden while the drawing fits at a legible zoom).
    TopologyMinimap* minimap() const { return m_minimap; }

    /// Writes the whole diagram as SVG (vector, text as text). False if empty or not writable.
    bool exportSvg(const QString& path);
    /// The diagram as SVG (empty when there is nothing to draw), as exportSvg writes it.
    QByteArray svg();
    /// Writes the whole diagram as PNG (at most kMaxExportPixels per side). False if empty or not writable.
    bool exportPng(const QString& path);
    static constexpr int kMaxExportPixels = 8000;

    /// Waits (spinning the event loop) until the scene shows the mirror's content; false on timeout.
    bool waitForLayout(int timeoutMs);
    void fitToContents();
    /// Highlights matches of `text` (name, IP, MAC, ID prefix); returns the matching node keys.
    QStringList search(const QString& text);
    QStringList searchMatches() const { return m_matches; }
    /// Highlights the nodes of these objects (a finding's objects) until the next call; empty clears.
    /// Returns the node keys marked.
    QStringList highlightObjects(const QStringList& objectIds);
    /// Marks the nodes of a comparison's objects (CompareController::marksChanged); empty clears.
    void setCompareMarks(const hcn::ui::CompareMarks& marks);
    /// Object IDs of the selected nodes (aggregates stand for their network).
    QStringList selectedObjectIds() const;

    /// Actions on the selected object that other parts of the window provide (Trace From Here ...):
    /// the context menu of a node that stands for an object offers them.
    void setObjectActions(const QList<QAction*>& actions) { m_objectActions = actions; }
    /// The context menu for a node (empty key: the background), as shown on right-click.
    std::unique_ptr<QMenu> createContextMenu(const QString& key);

    QAction* fitAction() const { return m_fitAction; }
    QAction* zoomInAction() const { return m_zoomInAction; }
    QAction* zoomOutAction() const { return m_zoomOutAction; }
    QAction* focusAction() const { return m_focusAction; }
    QAction* relayoutAction() const { return m_relayoutAction; }
    QAction* hideRemoteAction() const { return m_hideRemoteAction; }
    QAction* hideBadgesAction() const { return m_hideBadgesAction; }
    QAction* exportSvgAction() const { return m_exportSvgAction; }
    QAction* exportPngAction() const { return m_exportPngAction; }
    QAction* legendAction() const { return m_legendAction; }
    QAction* overviewAction() const { return m_overviewAction; }
    /// The row of actions (its overflow button holds what a narrow pane cannot show).
    QToolBar* toolBar() const { return m_toolBar; }
    /// The row above it: search and the collapse threshold.
    QWidget* findRow() const { return m_findRow; }

    /// The legend window (null before it was first shown).
    TopologyLegend* legend() const;
    void showLegend();

signals:
    /// The user wants to edit an object (double-click): the window opens its properties.
    void editRequested(const QString& id);
    void deleteRequested(const QStringList& ids);
    void exportRequested(const QStringList& ids);
    /// The diagram shows the current content with every node placed.
    void layoutFinished();

private:
    void createActions();
    void createToolBar();
    void onSceneSelectionChanged();
    void onSelectionChanged(const QStringList& ids, QObject* origin);
    void applySelection(const QStringList& ids, bool centre);
    void onNodeDoubleClicked(const QString& key);
    void onNodeContextMenu(const QString& key, const QPoint& globalPos);
    void focusSelection();
    void exportSvgInteractive();
    bool writeSvg(QIODevice& device);
    void exportPngInteractive();
    QRectF exportRect() const;

    HostMirror* m_mirror;
    CurrentSelection* m_selection;
    TopologyDiagram* m_diagram;
    TopologyView* m_view;
    TopologyMinimap* m_minimap;
    QToolBar* m_toolBar = nullptr;
    QWidget* m_findRow = nullptr;
    QPointer<TopologyLegend> m_legend;
    QLineEdit* m_searchField = nullptr;
    QSpinBox* m_thresholdBox = nullptr;
    QList<QAction*> m_objectActions;
    QAction* m_fitAction = nullptr;
    QAction* m_zoomInAction = nullptr;
    QAction* m_zoomOutAction = nullptr;
    QAction* m_focusAction = nullptr;
    QAction* m_relayoutAction = nullptr;
    QAction* m_hideRemoteAction = nullptr;
    QAction* m_hideBadgesAction = nullptr;
    QAction* m_exportSvgAction = nullptr;
    QAction* m_exportPngAction = nullptr;
    QAction* m_legendAction = nullptr;
    QAction* m_overviewAction = nullptr;
    QStringList m_matches;
    bool m_syncingSelection = false;
    bool m_centrePending = false;
};

} // namespace hcn::ui
