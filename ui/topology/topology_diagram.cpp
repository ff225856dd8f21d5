#include "topology/topology_diagram.h"

#include "models/host_mirror.h"
#include "topology/topology_grid.h"
#include "topology/topology_layout_thread.h"
#include "topology/topology_node_item.h"
#include "topology/topology_scene.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QLoggingCategory>
#include <cmath>

Q_LOGGING_CATEGORY(lcTopology, "hcn.ui.topology", QtInfoMsg)

namespace hcn::ui {

namespace {

// Unique across every diagram of the process: they share the layout thread and its finished signal.
quint64 g_nextGeneration = 1;

constexpr qreal kNeighbourhoodRadius = 420.0;
constexpr int kMaxPinnedNodes = 400;
constexpr qreal kBlockGap = 80.0;

} // namespace

TopologyDiagram::TopologyDiagram(HostMirror* mirror, QObject* parent)
    : QObject(parent), m_mirror(mirror), m_scene(new TopologyScene(this))
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDefaultDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &TopologyDiagram::rebuild);
    connect(TopologyLayoutThread::shared(), &TopologyLayoutThread::finished, this,
            &TopologyDiagram::onLayoutFinished);
    connect(TopologyBuildThread::shared(), &TopologyBuildThread::built, this, &TopologyDiagram::onGraphBuilt);
    // The lines' paths arrive after the positions: a layout is finished once they are drawn.
    connect(m_scene, &TopologyScene::linesRouted, this, [this] {
        if (std::exchange(m_finishAfterRouting, false))
            finishIfIdle();
    });
    if (m_mirror) {
        connect(m_mirror, &HostMirror::reset, this, [this] {
            m_forceFull = true;
            m_clearScene = true; // another host (or none): old positions mean nothing
            scheduleRebuild();
        });
        connect(m_mirror, &HostMirror::objectsAdded, this, &TopologyDiagram::scheduleRebuild);
        connect(m_mirror, &HostMirror::objectsChanged, this, &TopologyDiagram::scheduleRebuild);
        connect(m_mirror, &HostMirror::objectsRemoved, this, &TopologyDiagram::scheduleRebuild);
    }
    scheduleRebuild();
}

TopologyDiagram::~TopologyDiagram() = default;

void TopologyDiagram::setObjects(QList<MirrorObject> objects)
{
    m_objects = std::move(objects);
    scheduleRebuild();
}

void TopologyDiagram::setAggregateThreshold(int endpoints)
{
    TopologyBuildOptions options = m_builder.options();
    if (options.aggregateThreshold == endpoints)
        return;
    options.aggregateThreshold = qMax(0, endpoints);
    m_builder.setOptions(options);
    scheduleRebuild();
}

void TopologyDiagram::setRemoteEndpointsHidden(bool hidden)
{
    TopologyBuildOptions options = m_builder.options();
    if (options.hideRemoteEndpoints == hidden)
        return;
    options.hideRemoteEndpoints = hidden;
    m_builder.setOptions(options);
    scheduleRebuild();
}

void TopologyDiagram::setHostLabel(const QString& label)
{
    TopologyBuildOptions options = m_builder.options();
    options.hostLabel = label;
    m_builder.setOptions(options);
    scheduleRebuild();
}

void TopologyDiagram::expandNetwork(const QString& networkId)
{
    TopologyBuildOptions options = m_builder.options();
    options.collapsedNetworks.remove(networkId);
    options.expandedNetworks.insert(networkId);
    m_builder.setOptions(options);
    rebuildNow(); // a user action: answer at once, not after the debounce
}

void TopologyDiagram::collapseNetwork(const QString& networkId)
{
    TopologyBuildOptions options = m_builder.options();
    options.expandedNetworks.remove(networkId);
    options.collapsedNetworks.insert(networkId);
    m_builder.setOptions(options);
    rebuildNow();
}

bool TopologyDiagram::isNetworkCollapsed(const QString& networkId) const
{
    return m_graph.node(TopologyGraphBuilder::aggregateKey(networkId)) != nullptr;
}

void TopologyDiagram::setGridAspect(qreal aspect)
{
    if (aspect > 0.0 && std::isfinite(aspect))
        m_gridAspect = qBound(0.25, aspect, 4.0);
}

void TopologyDiagram::setDebounceInterval(int ms)
{
    m_debounce.setInterval(qMax(0, ms));
}

void TopologyDiagram::relayout()
{
    m_forceFull = true;
    rebuildNow();
}

void TopologyDiagram::rebuildNow()
{
    m_debounce.stop();
    rebuild();
}

void TopologyDiagram::scheduleRebuild()
{
    m_debounce.start(); // restarts: the rebuild happens once the changes pause
}

bool TopologyDiagram::isIdle() const
{
    return !m_debounce.isActive() && m_buildGeneration == 0 && m_jobMode == JobMode::None &&
           !m_scene->isRouting();
}

bool TopologyDiagram::waitForLayout(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!isIdle()) {
        if (deadline.hasExpired())
            return false;
        QEventLoop loop;
        QTimer timeout;
        timeout.setSingleShot(true);
        connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
        connect(this, &TopologyDiagram::layoutFinished, &loop, &QEventLoop::quit);
        connect(this, &TopologyDiagram::sceneUpdated, &loop, &QEventLoop::quit);
        timeout.start(int(qMin<qint64>(deadline.remainingTime(), 50)));
        loop.exec();
    }
    return true;
}

QString TopologyDiagram::nodeKeyForObject(const QString& objectId) const
{
    const QString id = objectId.toUpper();
    QString key = m_graph.nodeKeyOfObject(id);
    if (!key.isEmpty())
        return key;
    // An endpoint hidden in a collapsed network is represented by the network's count node.
    const MirrorObject* object = nullptr;
    if (m_mirror)
        object = m_mirror->object(id);
    else if (m_objects)
        for (const MirrorObject& candidate : *m_objects)
            if (candidate.id == id)
                object = &candidate;
    if (object && object->kind == ResourceKind::Endpoint) {
        const QString networkId =
            object->document.value(QLatin1String("HostComputeNetwork")).toString().toUpper();
        const QString aggregate = TopologyGraphBuilder::aggregateKey(networkId);
        if (m_graph.node(aggregate))
            return aggregate;
    }
    return {};
}

void TopologyDiagram::rebuild()
{
    // The objects as they are now, shared (implicitly shared containers: no document is copied); the
    // build thread reads them while the mirror goes on replacing its own (a change detaches it).
    TopologyBuildRequest request;
    request.generation = g_nextGeneration++;
    request.wanted = m_wantedBuild;
    request.options = m_builder.options();
    request.previous = m_graph;
    request.previousBoxSizes = m_boxSizes;
    request.measureBoxes = true;
    if (m_objects)
        request.objects = *m_objects;
    else if (m_mirror)
        request.objectsById = m_mirror->content().objects;
    if (m_buildGeneration != 0)
        ++m_supersededBuilds; // the build on its way will not be applied
    m_buildGeneration = request.generation;
    m_wantedBuild->store(request.generation);
    TopologyBuildThread::shared()->submit(std::move(request));
}

void TopologyDiagram::onGraphBuilt(const TopologyBuildResult& result)
{
    if (m_buildGeneration == 0 || result.generation != m_buildGeneration)
        return; // another diagram's graph, or one a newer rebuild superseded
    m_buildGeneration = 0;
    m_lastBuildMs = result.elapsedMs;
    applyGraph(result.graph, result.boxSizes, result.gridLines);
}

void TopologyDiagram::applyGraph(TopologyGraph graph, QHash<QString, QSizeF> boxSizes,
                                 TopologyGridLines gridLines)
{
    m_graph = std::move(graph);
    m_boxSizes = std::move(boxSizes);
    m_gridLines = std::move(gridLines);
    ++m_graphSerial;
    if (m_clearScene && m_jobMode == JobMode::None) {
        m_clearScene = false;
        m_scene->clearAll();
    }
    // Nodes that were on screen before (filters, collapse) return to their old place.
    QHash<QString, QPointF> known;
    for (const TopologyNode& node : m_graph.nodes())
        if (!m_scene->nodeItem(node.key))
            if (auto remembered = m_scene->rememberedPosition(node.key))
                known.insert(node.key, *remembered);
    // A change of membership (an endpoint attached to a namespace far from its network) can stretch a
    // frame over objects that are not in it; incremental placement cannot fix that: lay out again.
    // (Only asked when it decides something: a full layout is due anyway, or a running job re-checks.)
    const bool checkFrames = m_jobMode == JobMode::None && !m_forceFull;
    const QSet<QString> coveringBefore = checkFrames ? m_scene->framesCoveringOthers() : QSet<QString>();
    const QStringList unplaced = m_scene->apply(m_graph, known, m_boxSizes, m_gridLines);
    emit sceneUpdated();
    if (m_jobMode != JobMode::None)
        return; // the running job's result re-checks what is still unplaced
    if (checkFrames && framesNewlyCoverOthers(coveringBefore))
        m_forceFull = true;
    if (m_forceFull || !unplaced.isEmpty())
        requestLayout(unplaced);
    else
        finishIfIdle();
}

void TopologyDiagram::requestLayout(const QStringList& unplaced)
{
    if (m_forceFull || m_scene->nodeItemCount() == 0) {
        m_forceFull = false;
        if (m_graph.isEmpty()) {
            finishIfIdle();
            return;
        }
        submitFull();
        return;
    }
    if (unplaced.size() <= kNeatoNodeLimit && submitNeighbourhood(unplaced))
        return;
    submitBlock(unplaced);
}

TopologyLayoutNode TopologyDiagram::layoutNode(const TopologyNode& node) const
{
    TopologyLayoutNode out;
    out.key = node.key;
    out.size = m_boxSizes.value(node.key);
    if (out.size.isEmpty())
        out.size = TopologyNodeItem::sizeFor(node);
    out.clusterKey = node.clusterKey;
    out.gridKey = TopologyGridPlan::groupKeyOf(node);
    if (!out.gridKey.isEmpty()) {
        out.sortName = node.sortName;
        out.sortAddress = node.sortAddress;
    }
    return out;
}

void TopologyDiagram::assignGroups(TopologyLayoutRequest& request) const
{
    // The network a node belongs to: itself, or the first network up its parent chain.
    auto networkOf = [this](const TopologyNode* node) -> QString {
        for (int depth = 0; node && depth < 8; ++depth) {
            if (node->kind == TopologyNodeKind::Network)
                return node->key;
            node = m_graph.node(node->parentKey);
        }
        return {};
    };
    // A frame goes into the network of its first endpoint (a namespace's header hangs off the host).
    QHash<QString, QString> groupOfCluster;
    for (const TopologyNode& node : m_graph.nodes())
        if (!node.clusterKey.isEmpty() && node.kind != TopologyNodeKind::Namespace &&
            !groupOfCluster.contains(node.clusterKey))
            groupOfCluster.insert(node.clusterKey, networkOf(&node));
    // A load balancer with backends in a grid goes in the band left of the grids; one whose backends
    // are all elsewhere (a namespace's few endpoints) stays with the rest, next to them.
    QHash<QString, int> gridSizes;
    for (const TopologyNode& node : m_graph.nodes())
        if (const QString grid = TopologyGridPlan::groupKeyOf(node); !grid.isEmpty())
            ++gridSizes[grid];
    QSet<QString> intoGrids;
    for (const TopologyEdge& edge : m_graph.edges())
        if (edge.kind == TopologyEdgeKind::LoadBalancerBackend)
            if (const TopologyNode* backend = m_graph.node(edge.to);
                backend &&
                gridSizes.value(TopologyGridPlan::groupKeyOf(*backend)) >= TopologyGridPlan::kMinimumMembers)
                intoGrids.insert(edge.from);
    for (TopologyLayoutNode& layoutNode : request.nodes) {
        const TopologyNode* node = m_graph.node(layoutNode.key);
        if (!node)
            continue;
        layoutNode.groupKey =
            node->clusterKey.isEmpty() ? networkOf(node) : groupOfCluster.value(node->clusterKey);
        layoutNode.leadingBand = intoGrids.contains(node->key);
    }
}

void TopologyDiagram::submitFull()
{
    TopologyLayoutRequest request;
    const bool small = m_graph.nodes().size() <= kDotNodeLimit;
    request.engine = small ? TopologyLayoutEngineKind::Dot : TopologyLayoutEngineKind::Osage;
    request.nodes.reserve(m_graph.nodes().size());
    for (const TopologyNode& node : m_graph.nodes())
        request.nodes.append(layoutNode(node));
    for (const TopologyEdge& edge : m_graph.edges())
        request.edges.append(
            {edge.from, edge.to, edge.kind == TopologyEdgeKind::NamespaceMember ? 3.0 : 1.0});
    if (!small)
        assignGroups(request);
    submit(std::move(request), JobMode::Full);
}

bool TopologyDiagram::submitNeighbourhood(const QStringList& unplaced)
{
    const QSet<QString> freeKeys(unplaced.begin(), unplaced.end());
    QSet<QString> pinned;
    QHash<QString, QString> anchorOf;
    auto placedAncestor = [&](const TopologyNode* node) -> QString {
        // Walk up parents until one is on screen (a new network's endpoints: the host).
        for (int depth = 0; node && depth < 8; ++depth) {
            if (m_scene->nodeItem(node->parentKey))
                return node->parentKey;
            node = m_graph.node(node->parentKey);
        }
        return {};
    };
    for (const QString& key : unplaced) {
        const TopologyNode* node = m_graph.node(key);
        const QString anchor = placedAncestor(node);
        if (!anchor.isEmpty()) {
            anchorOf.insert(key, anchor);
            pinned.insert(anchor);
        }
        if (node && !node->clusterKey.isEmpty())
            for (const QString& mate : m_graph.clusterMembers(node->clusterKey))
                if (m_scene->nodeItem(mate) && pinned.size() < kMaxPinnedNodes)
                    pinned.insert(mate);
    }
    if (pinned.isEmpty())
        return false;
    // Everything already drawn around the anchors is pinned too, so the new nodes avoid it.
    const QSet<QString> anchors = pinned;
    for (const QString& anchor : anchors) {
        const QPointF centre = m_scene->nodeItem(anchor)->pos();
        const QRectF area(centre.x() - kNeighbourhoodRadius, centre.y() - kNeighbourhoodRadius,
                          2 * kNeighbourhoodRadius, 2 * kNeighbourhoodRadius);
        for (QGraphicsItem* item : m_scene->items(area, Qt::IntersectsItemBoundingRect)) {
            if (pinned.size() >= kMaxPinnedNodes)
                break;
            if (item->type() == TopologyNodeItem::Type)
                pinned.insert(static_cast<TopologyNodeItem*>(item)->key());
        }
    }

    TopologyLayoutRequest request;
    request.engine = TopologyLayoutEngineKind::Neato;
    for (const QString& key : unplaced)
        if (const TopologyNode* node = m_graph.node(key))
            request.nodes.append(layoutNode(*node));
    for (const QString& key : std::as_const(pinned)) {
        TopologyLayoutNode node = layoutNode(m_scene->nodeItem(key)->node());
        node.pinned = true;
        node.position = m_scene->nodeItem(key)->pos();
        request.nodes.append(node);
    }
    QSet<QString> connected;
    for (const TopologyEdge& edge : m_graph.edges()) {
        const bool fromIn = freeKeys.contains(edge.from) || pinned.contains(edge.from);
        const bool toIn = freeKeys.contains(edge.to) || pinned.contains(edge.to);
        if (!fromIn || !toIn || (!freeKeys.contains(edge.from) && !freeKeys.contains(edge.to)))
            continue;
        request.edges.append(
            {edge.from, edge.to, edge.kind == TopologyEdgeKind::NamespaceMember ? 3.0 : 1.0});
        connected.insert(edge.from);
        connected.insert(edge.to);
    }
    // A new node with no edge into this neighbourhood still belongs next to its anchor.
    for (const QString& key : unplaced)
        if (!connected.contains(key) && anchorOf.contains(key))
            request.edges.append({anchorOf.value(key), key, 1.0});
    submit(std::move(request), JobMode::Neighbourhood);
    return true;
}

void TopologyDiagram::submitBlock(const QStringList& unplaced)
{
    const QSet<QString> freeKeys(unplaced.begin(), unplaced.end());
    TopologyLayoutRequest request;
    request.engine =
        unplaced.size() <= kDotNodeLimit ? TopologyLayoutEngineKind::Dot : TopologyLayoutEngineKind::Osage;
    for (const QString& key : unplaced)
        if (const TopologyNode* node = m_graph.node(key))
            request.nodes.append(layoutNode(*node));
    for (const TopologyEdge& edge : m_graph.edges())
        if (freeKeys.contains(edge.from) && freeKeys.contains(edge.to))
            request.edges.append(
                {edge.from, edge.to, edge.kind == TopologyEdgeKind::NamespaceMember ? 3.0 : 1.0});
    if (request.engine == TopologyLayoutEngineKind::Osage)
        assignGroups(request);
    submit(std::move(request), JobMode::Block);
}

void TopologyDiagram::submit(TopologyLayoutRequest request, JobMode mode)
{
    request.generation = g_nextGeneration++;
    request.gridAspect = m_gridAspect;
    // The lines' paths come with the positions, so the first picture has them. Not for a block, which
    // is moved below the drawing here once placed: the scene asks for its lines itself.
    if (mode == JobMode::Full || mode == JobMode::Neighbourhood) {
        auto routing = std::make_shared<TopologyLayoutRouting>();
        routing->graph = m_graph;
        if (mode == JobMode::Neighbourhood)
            routing->placed = m_scene->placedBoxes();
        routing->selected = m_scene->selectedNodeKeys();
        routing->gridLines = m_gridLines;
        request.routing = std::move(routing);
        m_routingSerial = m_graphSerial;
    }
    m_scene->setRoutesComing(request.routing != nullptr);
    m_jobGeneration = request.generation;
    m_jobMode = mode;
    qCDebug(lcTopology) << "layout" << topologyLayoutEngineName(request.engine) << request.nodes.size()
                        << "nodes" << request.edges.size() << "edges";
    TopologyLayoutThread::shared()->submit(request);
}

void TopologyDiagram::onLayoutFinished(const TopologyLayoutResult& result)
{
    if (m_jobMode == JobMode::None || result.generation != m_jobGeneration)
        return; // another diagram's job, or one superseded by a reset
    const JobMode mode = std::exchange(m_jobMode, JobMode::None);
    m_lastLayoutMs = result.elapsedMs;
    m_lastLayoutEngine = result.engine;
    m_lastError = result.error;

    QHash<QString, QPointF> positions = result.positions;
    if (!result.error.isEmpty()) {
        qCWarning(lcTopology) << "layout failed:" << result.error;
        // Never leave objects invisible: put what Graphviz could not place in rows below the drawing.
        const QRectF content = m_scene->nodeItemCount() ? m_scene->contentRect() : QRectF();
        qreal x = content.left();
        qreal y = content.bottom() + kBlockGap;
        int column = 0;
        for (const TopologyNode& node : m_graph.nodes()) {
            if (m_scene->nodeItem(node.key))
                continue;
            positions.insert(node.key, QPointF(x + column * 280.0, y));
            if (++column == 10) {
                column = 0;
                y += 120.0;
            }
        }
    } else if (mode == JobMode::Block && !positions.isEmpty() && m_scene->nodeItemCount() > 0) {
        QRectF block;
        for (const QPointF& p : std::as_const(positions))
            block = block.united(QRectF(p, QSizeF(1, 1)));
        const QRectF content = m_scene->contentRect();
        const QPointF shift(content.left() - block.left() + 150.0,
                            content.bottom() + kBlockGap - block.top() + 60.0);
        for (QPointF& p : positions)
            p += shift;
    }
    if (mode == JobMode::Full)
        m_scene->moveAll(positions);
    // Nodes placed next to their network but members of a frame elsewhere: lay out again (once: a
    // full layout keeps frames apart itself).
    const bool checkFrames = mode != JobMode::Full && !m_forceFull;
    const QSet<QString> coveringBefore = checkFrames ? m_scene->framesCoveringOthers() : QSet<QString>();
    const QStringList unplaced = m_scene->apply(m_graph, positions, m_boxSizes, m_gridLines);
    // The paths found with the positions, if the scene still shows the graph they were found for (it
    // checks that each line stands where it was found from, else asks for them itself).
    if (result.routed && m_routingSerial == m_graphSerial)
        m_scene->takeRoutes(result.routes, result.straight);
    else
        m_scene->setRoutesComing(false);
    emit sceneUpdated();
    if (checkFrames && framesNewlyCoverOthers(coveringBefore))
        m_forceFull = true;
    if (m_forceFull || !unplaced.isEmpty()) {
        if (!m_debounce.isActive() && m_buildGeneration == 0) // else the next graph asks for it
            requestLayout(unplaced);
        return;
    }
    finishIfIdle();
}

bool TopologyDiagram::framesNewlyCoverOthers(const QSet<QString>& before) const
{
    const QSet<QString> now = m_scene->framesCoveringOthers();
    for (const QString& key : now)
        if (!before.contains(key))
            return true;
    return false;
}

void TopologyDiagram::finishIfIdle()
{
    m_finishAfterRouting = m_scene->isRouting();
    if (isIdle())
        emit layoutFinished();
}

} // namespace hcn::ui
