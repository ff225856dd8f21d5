#include "topology/topology_layout_engine.h"

#include "topology/topology_grid.h"

#include <QElapsedTimer>
#include <QHash>
#include <QLoggingCategory>
#include <QSet>
#include <cmath>
#include <graphviz/gvc.h>

Q_LOGGING_CATEGORY(lcTopologyLayout, "hcn.ui.topology.layout", QtInfoMsg)

namespace hcn::ui {

const char* topologyLayoutEngineName(TopologyLayoutEngineKind engine)
{
    switch (engine) {
    case TopologyLayoutEngineKind::Dot:
        return "dot";
    case TopologyLayoutEngineKind::Osage:
        return "osage";
    case TopologyLayoutEngineKind::Neato:
        return "neato";
    case TopologyLayoutEngineKind::Invalid:
        break;
    }
    return "";
}

namespace {

constexpr double kPointsPerInch = 72.0;

// cgraph's 2.42 API takes mutable C strings; it copies them, so passing literals is safe.
char* cstr(const char* text)
{
    return const_cast<char*>(text);
}

QString g_lastGraphvizError; // only touched on the layout thread, inside run()

int collectGraphvizError(char* message)
{
    g_lastGraphvizError += QString::fromUtf8(message).trimmed() + QLatin1Char(' ');
    return 0;
}

void setGraphAttributes(Agraph_t* graph, TopologyLayoutEngineKind engine)
{
    // splines="" stops Graphviz routing edges: the scene draws straight edges between node centres,
    // and routing is the slowest phase of dot on large graphs.
    agattr(graph, AGRAPH, cstr("splines"), cstr(""));
    switch (engine) {
    case TopologyLayoutEngineKind::Dot:
        // Left to right: ranks (host, networks, endpoints, load balancers) become columns, so a host
        // with many endpoints grows downwards and still fits a dock at a readable zoom.
        agattr(graph, AGRAPH, cstr("rankdir"), cstr("LR"));
        agattr(graph, AGRAPH, cstr("nodesep"), cstr("0.25"));
        agattr(graph, AGRAPH, cstr("ranksep"), cstr("0.9"));
        agattr(graph, AGRAPH, cstr("newrank"), cstr("true"));
        break;
    case TopologyLayoutEngineKind::Osage:
        // Every group and frame packs its members in a near-square array; edges do not count.
        agattr(graph, AGRAPH, cstr("packmode"), cstr("array"));
        agattr(graph, AGRAPH, cstr("pack"), cstr("12"));
        break;
    case TopologyLayoutEngineKind::Neato:
        agattr(graph, AGRAPH, cstr("overlap"), cstr("false"));
        agattr(graph, AGRAPH, cstr("sep"), cstr("+10"));
        agattr(graph, AGRAPH, cstr("inputscale"), cstr("72"));
        agattr(graph, AGRAPH, cstr("start"), cstr("1")); // fixed seed: same input, same picture
        agattr(graph, AGRAPH, cstr("maxiter"), cstr("400"));
        break;
    case TopologyLayoutEngineKind::Invalid:
        break;
    }
}

} // namespace

TopologyLayoutEngine::TopologyLayoutEngine() : m_context(gvContext())
{
    agseterrf(&collectGraphvizError);
}

TopologyLayoutEngine::~TopologyLayoutEngine()
{
    if (m_context)
        gvFreeContext(m_context);
}

TopologyLayoutResult TopologyLayoutEngine::run(const TopologyLayoutRequest& request)
{
    QElapsedTimer timer;
    timer.start();
    TopologyLayoutResult result;
    result.generation = request.generation;
    result.engine = request.engine;
    if (!m_context) {
        result.error = QStringLiteral("Graphviz context could not be created");
        return result;
    }
    if (request.engine == TopologyLayoutEngineKind::Invalid) {
        result.error = QStringLiteral("no layout engine chosen");
        return result;
    }
    if (request.nodes.isEmpty())
        return result;

    // Large groups of siblings go in as one block each: a sorted grid, and far fewer nodes for Graphviz.
    const TopologyGridPlan grid(request.nodes, request.gridAspect);
    const QList<TopologyLayoutNode>& layoutNodes = grid.nodes();

    g_lastGraphvizError.clear();
    Agraph_t* graph = agopen(cstr("topology"), Agdirected, nullptr);
    setGraphAttributes(graph, request.engine);
    Agsym_t* shapeSym = agattr(graph, AGNODE, cstr("shape"), cstr("box"));
    Agsym_t* labelSym = agattr(graph, AGNODE, cstr("label"), cstr(""));
    Agsym_t* fixedSym = agattr(graph, AGNODE, cstr("fixedsize"), cstr("true"));
    Agsym_t* widthSym = agattr(graph, AGNODE, cstr("width"), cstr("1"));
    Agsym_t* heightSym = agattr(graph, AGNODE, cstr("height"), cstr("0.5"));
    Agsym_t* posSym = agattr(graph, AGNODE, cstr("pos"), cstr(""));
    Agsym_t* pinSym = agattr(graph, AGNODE, cstr("pin"), cstr("false"));
    Agsym_t* weightSym = agattr(graph, AGEDGE, cstr("weight"), cstr("1"));
    // Osage's order inside a group with a leading band: the band, the grids, the rest ("array_u").
    Agsym_t* graphSortSym = agattr(graph, AGRAPH, cstr("sortv"), cstr("0"));
    Agsym_t* nodeSortSym = agattr(graph, AGNODE, cstr("sortv"), cstr("0"));
    Q_UNUSED(shapeSym);
    Q_UNUSED(labelSym);
    Q_UNUSED(fixedSym);

    QHash<QString, Agnode_t*> nodes;
    QHash<QString, Agraph_t*> clusters;
    QHash<QString, Agraph_t*> groups;
    int subgraphCount = 0;
    // A frame's margin holds what the scene draws around its members (TopologyClusterItem: the label
    // above, a margin around), so no outside node comes under a frame; groups only need a gap.
    auto subgraph = [&](Agraph_t* parent, const char* margin) {
        const QByteArray name = "cluster_" + QByteArray::number(subgraphCount++);
        Agraph_t* sub = agsubg(parent, const_cast<char*>(name.constData()), 1);
        agsafeset(sub, cstr("margin"), cstr(margin), cstr(""));
        return sub;
    };
    // Groups with a leading band and a grid of loose members read band | grids | rest, left to right:
    // the band's lines reach the grids from one side, the rest's (a network's) from the other.
    QSet<QString> leading, withGrid, banded;
    if (request.engine == TopologyLayoutEngineKind::Osage)
        for (const TopologyLayoutNode& node : layoutNodes) {
            if (node.groupKey.isEmpty())
                continue;
            if (node.leadingBand)
                leading.insert(node.groupKey);
            if (node.clusterKey.isEmpty() && grid.isBlock(node.key))
                withGrid.insert(node.groupKey);
        }
    for (const QString& group : std::as_const(leading))
        if (withGrid.contains(group))
            banded.insert(group);
    // A band is as few columns as keep it about as tall as its grids: each load balancer then faces
    // the grid, its line straight across with no other load balancer in the way.
    QHash<QString, qreal> bandHeight, gridHeight;
    for (const TopologyLayoutNode& node : layoutNodes) {
        if (!banded.contains(node.groupKey))
            continue;
        if (node.leadingBand)
            bandHeight[node.groupKey] += node.size.height() + 12.0;
        else if (node.clusterKey.isEmpty() && grid.isBlock(node.key))
            gridHeight[node.groupKey] = qMax(gridHeight.value(node.groupKey), node.size.height());
    }
    QHash<QPair<QString, bool>, Agraph_t*> bands;
    QList<QPair<Agnode_t*, const TopologyLayoutNode*>> placed;
    placed.reserve(layoutNodes.size());
    int index = 0;
    for (const TopologyLayoutNode& node : layoutNodes) {
        const QByteArray name = "n" + QByteArray::number(index++);
        Agnode_t* n = agnode(graph, const_cast<char*>(name.constData()), 1);
        agxset(n, widthSym, QByteArray::number(node.size.width() / kPointsPerInch, 'f', 3).data());
        agxset(n, heightSym, QByteArray::number(node.size.height() / kPointsPerInch, 'f', 3).data());
        if (node.pinned) {
            // Graphviz's y axis points up; the scene's points down.
            const QByteArray pos = QByteArray::number(node.position.x(), 'f', 2) + ',' +
                                   QByteArray::number(-node.position.y(), 'f', 2) + '!';
            agxset(n, posSym, const_cast<char*>(pos.constData()));
            agxset(n, pinSym, cstr("true"));
        }
        Agraph_t* parent = graph;
        if (request.engine == TopologyLayoutEngineKind::Osage && !node.groupKey.isEmpty()) {
            Agraph_t*& group = groups[node.groupKey];
            if (!group) {
                group = subgraph(graph, "14");
                if (banded.contains(node.groupKey))
                    agsafeset(group, cstr("packmode"), cstr("array_u3"), cstr("array"));
            }
            parent = group;
            if (banded.contains(node.groupKey)) {
                if (node.clusterKey.isEmpty() && grid.isBlock(node.key)) {
                    agxset(n, nodeSortSym, cstr("1"));
                } else {
                    Agraph_t*& band = bands[qMakePair(node.groupKey, node.leadingBand)];
                    if (!band) {
                        band = subgraph(group, "0");
                        agxset(band, graphSortSym, node.leadingBand ? cstr("0") : cstr("2"));
                        if (node.leadingBand && gridHeight.value(node.groupKey) > 0) {
                            const int columns = qMax(1, int(std::ceil(bandHeight.value(node.groupKey) /
                                                                      gridHeight.value(node.groupKey))));
                            const QByteArray mode = "array_" + QByteArray::number(columns);
                            agsafeset(band, cstr("packmode"), const_cast<char*>(mode.constData()),
                                      cstr("array"));
                        }
                    }
                    parent = band;
                }
            }
        }
        if (request.engine != TopologyLayoutEngineKind::Neato && !node.clusterKey.isEmpty()) {
            // A frame lives in the group of the first member seen (the builder keeps them consistent).
            Agraph_t*& cluster = clusters[node.clusterKey];
            if (!cluster)
                cluster = subgraph(parent, "30");
            parent = cluster;
        }
        if (parent != graph)
            agsubnode(parent, n, 1); // also makes it a member of every enclosing subgraph
        nodes.insert(node.key, n);
        placed.append({n, &node});
    }
    QSet<QPair<Agnode_t*, Agnode_t*>> joined; // a block's members share their edges to a node
    for (const TopologyLayoutEdge& edge : request.edges) {
        Agnode_t* from = nodes.value(grid.standIn(edge.from));
        Agnode_t* to = nodes.value(grid.standIn(edge.to));
        if (!from || !to || from == to)
            continue;
        if (grid.blockCount() > 0) {
            if (joined.contains(qMakePair(from, to)))
                continue;
            joined.insert(qMakePair(from, to));
        }
        Agedge_t* e = agedge(graph, from, to, nullptr, 1);
        if (edge.weight != 1.0) {
            // dot wants integer weights.
            const QByteArray weight = request.engine == TopologyLayoutEngineKind::Dot
                                          ? QByteArray::number(qMax(1, qRound(edge.weight)))
                                          : QByteArray::number(edge.weight, 'f', 2);
            agxset(e, weightSym, const_cast<char*>(weight.constData()));
        }
    }

    if (request.engine == TopologyLayoutEngineKind::Osage) {
        // The top level holds the groups and the ungrouped nodes; a few columns keep it landscape
        // instead of the one long row the default would give.
        qsizetype topLevel = groups.size();
        for (const TopologyLayoutNode& node : layoutNodes)
            topLevel += node.groupKey.isEmpty() && node.clusterKey.isEmpty() ? 1 : 0;
        const int columns = qMax(1, int(std::ceil(std::sqrt(double(topLevel)))));
        const QByteArray mode = "array_" + QByteArray::number(columns);
        agsafeset(graph, cstr("packmode"), const_cast<char*>(mode.constData()), cstr("array"));
    }

    const int rc = gvLayout(m_context, graph, topologyLayoutEngineName(request.engine));
    if (rc != 0) {
        result.error = g_lastGraphvizError.isEmpty() ? QStringLiteral("Graphviz layout failed")
                                                     : g_lastGraphvizError.trimmed();
        agclose(graph);
        result.elapsedMs = timer.elapsed();
        return result;
    }

    // Pinned nodes anchor the result: whatever translation Graphviz applied is undone.
    QPointF shift;
    for (const auto& [n, node] : placed)
        if (node->pinned) {
            const QPointF laidOut(ND_coord(n).x, -ND_coord(n).y);
            shift = node->position - laidOut;
            break;
        }
    for (const auto& [n, node] : placed) {
        if (node->pinned)
            continue;
        const double x = ND_coord(n).x;
        const double y = -ND_coord(n).y;
        if (!std::isfinite(x) || !std::isfinite(y))
            continue;
        result.positions.insert(node->key, QPointF(x, y) + shift);
    }
    grid.expand(result.positions);
    gvFreeLayout(m_context, graph);
    agclose(graph);
    result.elapsedMs = timer.elapsed();
    if (!g_lastGraphvizError.isEmpty())
        qCDebug(lcTopologyLayout) << "Graphviz:" << g_lastGraphvizError;
    qCDebug(lcTopologyLayout) << topologyLayoutEngineName(request.engine) << request.nodes.size() << "nodes ("
                              << grid.blockCount() << "grids) in" << result.elapsedMs << "ms";
    return result;
}

} // namespace hcn::ui
