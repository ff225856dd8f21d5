#include "topology/topology_dock.h"

#include "models/current_selection.h"
#include "models/host_mirror.h"
#include "topology/topology_diagram.h"
#include "topology/topology_edge_item.h"
#include "topology/topology_graph_builder.h"
#include "topology/topology_legend.h"
#include "topology/topology_minimap.h"
#include "topology/topology_node_item.h"
#include "topology/topology_scene.h"
#include "topology/topology_settings.h"
#include "topology/topology_view.h"

#include <QAction>
#include <QBuffer>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QSaveFile>
#include <QSpinBox>
#include <QSvgGenerator>
#include <QToolBar>
#include <QVBoxLayout>

namespace hcn::ui {

TopologyDock::TopologyDock(HostMirror* mirror, CurrentSelection* selection, QWidget* parent)
    : QDockWidget(tr("Topology"), parent), m_mirror(mirror), m_selection(selection),
      m_diagram(new TopologyDiagram(mirror, this)), m_view(new TopologyView),
      m_minimap(new TopologyMinimap(m_view))
{
    setObjectName(QStringLiteral("TopologyDock"));
    m_view->setScene(m_diagram->scene());
    connect(m_diagram, &TopologyDiagram::sceneUpdated, m_minimap, &TopologyMinimap::sceneChanged);
    connect(m_diagram, &TopologyDiagram::layoutFinished, m_minimap, &TopologyMinimap::sceneChanged);
    // Grids of many endpoints take the view's shape, so a big group fills the pane when fitted.
    connect(m_view, &TopologyView::visibleAreaChanged, this, [this] {
        const QSize viewport = m_view->viewport()->size();
        if (viewport.height() > 0)
            m_diagram->setGridAspect(qreal(viewport.width()) / viewport.height());
    });
    m_diagram->setAggregateThreshold(settings::topologyAggregateThreshold().value());

    createActions();
    createToolBar();
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_findRow);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_view, 1);
    setWidget(content);

    if (m_mirror) {
        auto updateHostLabel = [this] {
            m_diagram->setHostLabel(QString::fromStdString(m_mirror->info().endpoint));
        };
        connect(m_mirror, &HostMirror::reset, this, updateHostLabel);
        updateHostLabel();
    }
    connect(m_diagram->scene(), &QGraphicsScene::selectionChanged, this,
            &TopologyDock::onSceneSelectionChanged);
    if (m_selection)
        connect(m_selection, &CurrentSelection::changed, this, &TopologyDock::onSelectionChanged);
    connect(m_diagram, &TopologyDiagram::sceneUpdated, this, [this] {
        // Nodes that just got their place may be selected elsewhere already, or match the search.
        if (m_selection)
            applySelection(m_selection->ids(), m_centrePending);
        if (!m_searchField->text().isEmpty() || !m_diagram->scene()->markedObjects().isEmpty())
            m_matches = m_diagram->scene()->highlight(m_searchField->text());
    });
    connect(m_diagram, &TopologyDiagram::layoutFinished, this, &TopologyDock::layoutFinished);
    // A new drawing (first layout, re-layout, a node placed outside) is shown whole until the user
    // zoomed or panned.
    connect(m_diagram->scene(), &QGraphicsScene::sceneRectChanged, m_view, &TopologyView::drawingChanged);
    connect(m_view, &TopologyView::nodeDoubleClicked, this, &TopologyDock::onNodeDoubleClicked);
    connect(m_view, &TopologyView::nodeContextMenuRequested, this, &TopologyDock::onNodeContextMenu);
}

TopologyDock::~TopologyDock()
{
    // The diagram and its scene are children, destroyed after this class's part of the object is gone:
    // the scene dropping its selected items on the way must not call back into this dock.
    disconnect(m_diagram->scene(), nullptr, this, nullptr);
    disconnect(m_diagram, nullptr, this, nullptr);
}

TopologyScene* TopologyDock::scene() const
{
    return m_diagram->scene();
}

void TopologyDock::createActions()
{
    auto make = [this](const QString& text, const QKeySequence& shortcut, auto slot) {
        auto* action = new QAction(text, this);
        if (!shortcut.isEmpty()) {
            action->setShortcut(shortcut);
            action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        }
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    // F itself is handled by the view (a dock-wide F shortcut would fire while typing in the search).
    m_fitAction = make(tr("Fit"), QKeySequence(), [this] { m_view->fitToContents(); });
    m_fitAction->setToolTip(tr("Show the whole diagram and keep it fitted when the pane is resized, until "
                               "you zoom or pan (F)"));
    m_zoomInAction = make(tr("Zoom In"), QKeySequence::ZoomIn, [this] { m_view->zoomBy(1.25); });
    m_zoomInAction->setToolTip(
        tr("Enlarge the diagram around its centre; more text becomes readable "
           "(%1, or the mouse wheel over the diagram)")
            .arg(QKeySequence(QKeySequence::ZoomIn).toString(QKeySequence::NativeText)));
    m_zoomOutAction = make(tr("Zoom Out"), QKeySequence::ZoomOut, [this] { m_view->zoomBy(0.8); });
    m_zoomOutAction->setToolTip(
        tr("Shrink the diagram to see more of it; small text is left out (%1, or the mouse wheel)")
            .arg(QKeySequence(QKeySequence::ZoomOut).toString(QKeySequence::NativeText)));
    m_focusAction = make(tr("Focus Selection"), QKeySequence(), [this] { focusSelection(); });
    m_focusAction->setToolTip(
        tr("Centre the diagram on the selected object and zoom in until it can be read"));
    m_relayoutAction = make(tr("Re-layout"), QKeySequence(), [this] { m_diagram->relayout(); });
    m_relayoutAction->setToolTip(tr("Lay out the whole diagram again from scratch (positions change); "
                                    "new objects are otherwise placed without moving the others"));
    m_hideRemoteAction = make(tr("Hide Remote Endpoints"), QKeySequence(), [this](bool checked) {
        m_diagram->setRemoteEndpointsHidden(checked);
        settings::topologyHideRemoteEndpoints().setValue(checked);
    });
    m_hideRemoteAction->setCheckable(true);
    m_hideRemoteAction->setToolTip(tr("Leave out endpoints that live on other hosts (overlay peers); "
                                      "the setting is kept for the next start"));
    m_hideBadgesAction = make(tr("Hide Policy Badges"), QKeySequence(), [this](bool checked) {
        m_diagram->scene()->setBadgesVisible(!checked);
        m_minimap->sceneChanged();
        settings::topologyHidePolicyBadges().setValue(checked);
    });
    m_hideBadgesAction->setCheckable(true);
    m_hideBadgesAction->setToolTip(tr("Leave out the policy chips (port mappings, NAT, ACLs) at the bottom "
                                      "of the boxes; the setting is kept for the next start"));
    // Restored without triggering: the diagram is told directly.
    m_hideRemoteAction->setChecked(settings::topologyHideRemoteEndpoints().value());
    m_diagram->setRemoteEndpointsHidden(m_hideRemoteAction->isChecked());
    m_hideBadgesAction->setChecked(settings::topologyHidePolicyBadges().value());
    m_diagram->scene()->setBadgesVisible(!m_hideBadgesAction->isChecked());
    m_exportSvgAction = make(tr("Export SVG…"), QKeySequence(), [this] { exportSvgInteractive(); });
    m_exportSvgAction->setToolTip(tr("Save the whole diagram as a vector image with every label, whatever "
                                     "the zoom"));
    m_exportPngAction = make(tr("Export PNG…"), QKeySequence(), [this] { exportPngInteractive(); });
    m_exportPngAction->setToolTip(tr("Save the whole diagram as a picture at full size with every label "
                                     "(at most %1 pixels a side)")
                                      .arg(kMaxExportPixels));
    m_overviewAction = make(tr("Overview"), QKeySequence(), [this](bool checked) {
        m_minimap->setWanted(checked);
        settings::topologyShowOverview().setValue(checked);
    });
    m_overviewAction->setObjectName(QStringLiteral("actionTopologyOverview"));
    m_overviewAction->setCheckable(true);
    m_overviewAction->setToolTip(tr("Show the whole diagram small in the corner when it is too big to read "
                                    "at once; click or drag there to move the view"));
    m_overviewAction->setChecked(settings::topologyShowOverview().value());
    m_minimap->setWanted(m_overviewAction->isChecked());
    m_legendAction = make(tr("Legend"), QKeySequence(), [this] { showLegend(); });
    m_legendAction->setObjectName(QStringLiteral("actionTopologyLegend"));
    m_legendAction->setToolTip(tr("What the boxes, colours, lines, frames and badges of the diagram mean"));
}

void TopologyDock::createToolBar()
{
    // Two rows: the search and the collapse threshold take what width there is; the actions sit in a
    // tool bar of their own whose overflow button (») holds whatever does not fit a narrow pane.
    m_findRow = new QWidget;
    m_findRow->setObjectName(QStringLiteral("topologyFindRow"));
    auto* row = new QHBoxLayout(m_findRow);
    row->setContentsMargins(4, 2, 4, 2);
    m_searchField = new QLineEdit;
    m_searchField->setObjectName(QStringLiteral("topologySearch"));
    m_searchField->setPlaceholderText(tr("Search name, IP, MAC, ID…"));
    m_searchField->setClearButtonEnabled(true);
    m_searchField->setMinimumWidth(90);
    m_searchField->setToolTip(tr("Highlight the objects whose name, IP, MAC or ID starts with this text and "
                                 "fade the others; Enter centres on each match in turn"));
    connect(m_searchField, &QLineEdit::textChanged, this, [this](const QString& text) { search(text); });
    connect(m_searchField, &QLineEdit::returnPressed, this, [this] {
        // Enter walks through the matches.
        if (m_matches.isEmpty())
            return;
        const QString key = m_matches.front();
        m_matches.append(m_matches.takeFirst());
        m_view->focusOn(m_diagram->scene()->nodeItem(key));
    });
    row->addWidget(m_searchField, 1);
    auto* collapseLabel = new QLabel(tr("Collapse above"));
    row->addWidget(collapseLabel);
    m_thresholdBox = new QSpinBox;
    m_thresholdBox->setObjectName(QStringLiteral("topologyAggregateThreshold"));
    m_thresholdBox->setRange(0, 100000);
    m_thresholdBox->setSpecialValueText(tr("never"));
    m_thresholdBox->setSuffix(tr(" endpoints"));
    m_thresholdBox->setValue(m_diagram->buildOptions().aggregateThreshold);
    m_thresholdBox->setToolTip(tr("A network with more endpoints than this shows one count box instead "
                                  "of its endpoints (double-click it to expand); 0 never collapses"));
    collapseLabel->setToolTip(m_thresholdBox->toolTip());
    collapseLabel->setBuddy(m_thresholdBox);
    connect(m_thresholdBox, &QSpinBox::valueChanged, this, [this](int value) {
        m_diagram->setAggregateThreshold(value);
        settings::topologyAggregateThreshold().setValue(value);
    });
    row->addWidget(m_thresholdBox);

    m_toolBar = new QToolBar(tr("Topology"));
    m_toolBar->setObjectName(QStringLiteral("topologyToolBar"));
    m_toolBar->setIconSize(QSize(16, 16));
    m_toolBar->addAction(m_fitAction);
    m_toolBar->addAction(m_zoomInAction);
    m_toolBar->addAction(m_zoomOutAction);
    m_toolBar->addAction(m_focusAction);
    m_toolBar->addAction(m_relayoutAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_hideRemoteAction);
    m_toolBar->addAction(m_hideBadgesAction);
    m_toolBar->addAction(m_overviewAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_exportSvgAction);
    m_toolBar->addAction(m_exportPngAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_legendAction);
}

TopologyLegend* TopologyDock::legend() const
{
    return m_legend;
}

void TopologyDock::showLegend()
{
    if (!m_legend)
        m_legend = new TopologyLegend(this);
    m_legend->show();
    m_legend->raise();
    m_legend->activateWindow();
}

QStringList TopologyDock::highlightObjects(const QStringList& objectIds)
{
    return m_diagram->scene()->markObjects(objectIds);
}

void TopologyDock::setCompareMarks(const CompareMarks& marks)
{
    m_diagram->scene()->setCompareMarks(marks);
}

QStringList TopologyDock::search(const QString& text)
{
    if (m_searchField->text() != text) {
        m_searchField->setText(text); // comes back through textChanged
        return m_matches;
    }
    m_matches = m_diagram->scene()->highlight(text);
    return m_matches;
}

QStringList TopologyDock::selectedObjectIds() const
{
    QStringList ids;
    for (QGraphicsItem* item : m_diagram->scene()->selectedItems()) {
        if (item->type() != TopologyNodeItem::Type)
            continue;
        const QString id = static_cast<TopologyNodeItem*>(item)->node().objectId;
        if (!id.isEmpty() && !ids.contains(id))
            ids.append(id);
    }
    return ids;
}

void TopologyDock::onSceneSelectionChanged()
{
    if (m_syncingSelection || !m_selection)
        return;
    const QStringList ids = selectedObjectIds();
    // Nodes that left the scene (deleted, filtered, collapsed) drop out of the scene's selection; that
    // is not the user deselecting them, so the shared selection keeps them.
    bool onlyVanished = true;
    for (const QString& id : ids)
        onlyVanished &= m_selection->ids().contains(id);
    for (const QString& id : m_selection->ids())
        if (!ids.contains(id) && m_diagram->scene()->nodeItem(m_diagram->nodeKeyForObject(id)))
            onlyVanished = false;
    if (onlyVanished && ids.size() < m_selection->ids().size())
        return;
    m_selection->setIds(ids, this);
}

void TopologyDock::onSelectionChanged(const QStringList& ids, QObject* origin)
{
    if (origin == this)
        return;
    m_centrePending = true;
    applySelection(ids, true);
}

void TopologyDock::applySelection(const QStringList& ids, bool centre)
{
    TopologyScene* scene = m_diagram->scene();
    QSet<QGraphicsItem*> wanted;
    TopologyNodeItem* first = nullptr;
    for (const QString& id : ids) {
        TopologyNodeItem* item = scene->nodeItem(m_diagram->nodeKeyForObject(id));
        if (!item)
            continue;
        wanted.insert(item);
        if (!first)
            first = item;
    }
    m_syncingSelection = true;
    const QList<QGraphicsItem*> selected = scene->selectedItems();
    for (QGraphicsItem* item : selected)
        if (!wanted.contains(item))
            item->setSelected(false);
    for (QGraphicsItem* item : std::as_const(wanted))
        item->setSelected(true);
    m_syncingSelection = false;
    if (centre && first) {
        m_view->centerOn(first);
        m_centrePending = false;
    }
}

void TopologyDock::focusSelection()
{
    const QList<QGraphicsItem*> selected = m_diagram->scene()->selectedItems();
    for (QGraphicsItem* item : selected)
        if (item->type() == TopologyNodeItem::Type) {
            m_view->focusOn(static_cast<TopologyNodeItem*>(item));
            return;
        }
}

void TopologyDock::onNodeDoubleClicked(const QString& key)
{
    TopologyNodeItem* item = m_diagram->scene()->nodeItem(key);
    if (!item)
        return;
    const TopologyNode& node = item->node();
    if (node.kind == TopologyNodeKind::Aggregate) {
        m_diagram->expandNetwork(node.objectId);
        return;
    }
    if (!node.objectId.isEmpty())
        emit editRequested(node.objectId);
}

void TopologyDock::onNodeContextMenu(const QString& key, const QPoint& globalPos)
{
    const std::unique_ptr<QMenu> menu = createContextMenu(key);
    menu->exec(globalPos);
}

std::unique_ptr<QMenu> TopologyDock::createContextMenu(const QString& key)
{
    TopologyNodeItem* item = m_diagram->scene()->nodeItem(key);
    auto menuOwner = std::make_unique<QMenu>(this);
    QMenu& menu = *menuOwner;
    menu.addAction(m_fitAction);
    menu.addAction(m_relayoutAction);
    if (item) {
        if (!item->isSelected()) {
            m_diagram->scene()->clearSelection();
            item->setSelected(true);
        }
        const TopologyNode node = item->node();
        const QStringList ids = selectedObjectIds();
        menu.addSeparator();
        if (node.kind == TopologyNodeKind::Aggregate) {
            menu.addAction(tr("Expand Endpoints"), this,
                           [this, id = node.objectId] { m_diagram->expandNetwork(id); });
        } else if (node.kind == TopologyNodeKind::Network) {
            const bool hasEndpoints =
                std::any_of(item->edges().begin(), item->edges().end(), [](const auto* edge) {
                    return edge->kind() == TopologyEdgeKind::NetworkEndpoint ||
                           edge->kind() == TopologyEdgeKind::NetworkRemote;
                });
            if (hasEndpoints)
                menu.addAction(tr("Collapse Endpoints"), this,
                               [this, id = node.objectId] { m_diagram->collapseNetwork(id); });
        }
        if (!node.objectId.isEmpty() && node.kind != TopologyNodeKind::Aggregate) {
            menu.addAction(tr("Edit Properties…"), this,
                           [this, id = node.objectId] { emit editRequested(id); });
            menu.addAction(m_focusAction);
            if (!m_objectActions.isEmpty()) {
                menu.addSeparator();
                menu.addActions(m_objectActions);
            }
            menu.addSeparator();
            menu.addAction(tr("Export JSON…"), this, [this, ids] { emit exportRequested(ids); });
            menu.addAction(tr("Delete"), this, [this, ids] { emit deleteRequested(ids); });
        }
    }
    return menuOwner;
}

QRectF TopologyDock::exportRect() const
{
    return m_diagram->scene()->nodeItemCount() ? m_diagram->scene()->contentRect() : QRectF();
}

bool TopologyDock::exportSvg(const QString& path)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && writeSvg(file) && file.commit();
}

QByteArray TopologyDock::svg()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    return writeSvg(buffer) ? buffer.data() : QByteArray();
}

bool TopologyDock::writeSvg(QIODevice& device)
{
    const QRectF source = exportRect();
    if (source.isEmpty())
        return false;
    QSvgGenerator generator;
    generator.setOutputDevice(&device);
    generator.setSize(source.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), source.size()));
    generator.setTitle(tr("HCN topology"));
    generator.setDescription(tr("Topology diagram exported by HCN Console"));
    TopologyScene* scene = m_diagram->scene();
    QPainter painter;
    if (!painter.begin(&generator))
        return false;
    scene->setExporting(true);
    scene->render(&painter, QRectF(QPointF(0, 0), source.size()), source);
    scene->setExporting(false);
    return painter.end();
}

bool TopologyDock::exportPng(const QString& path)
{
    const QRectF source = exportRect();
    if (source.isEmpty())
        return false;
    // Full size up to the cap; a 5,000-endpoint host is scaled down rather than allocating gigabytes.
    const qreal scale = qMin<qreal>(1.0, kMaxExportPixels / qMax(source.width(), source.height()));
    const QSize size = (source.size() * scale).toSize().expandedTo(QSize(1, 1));
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return false;
    image.fill(Qt::white);
    TopologyScene* scene = m_diagram->scene();
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    scene->setExporting(true);
    scene->render(&painter, QRectF(QPointF(0, 0), size), source);
    scene->setExporting(false);
    painter.end();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG"))
        return false;
    return file.commit();
}

void TopologyDock::exportSvgInteractive()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Topology as SVG"), QStringLiteral("topology.svg"), tr("SVG images (*.svg)"));
    if (!path.isEmpty() && !exportSvg(path))
        QMessageBox::warning(this, tr("Export failed"), tr("Could not write %1.").arg(path));
}

void TopologyDock::exportPngInteractive()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Topology as PNG"), QStringLiteral("topology.png"), tr("PNG images (*.png)"));
    if (!path.isEmpty() && !exportPng(path))
        QMessageBox::warning(this, tr("Export failed"), tr("Could not write %1.").arg(path));
}

bool TopologyDock::waitForLayout(int timeoutMs)
{
    return m_diagram->waitForLayout(timeoutMs);
}

void TopologyDock::fitToContents()
{
    m_view->fitToContents();
}

} // namespace hcn::ui
