#include "topology/topology_graph.h"

namespace hcn::ui {

void TopologyGraph::addNode(TopologyNode node)
{
    if (m_nodeIndex.contains(node.key))
        return; // keys are unique by construction; a duplicate object would be a mirror bug
    m_nodeIndex.insert(node.key, m_nodes.size());
    if (!node.objectId.isEmpty() && node.kind != TopologyNodeKind::Aggregate)
        m_nodeOfObject.insert(node.objectId, node.key);
    m_nodes.append(std::move(node));
}

void TopologyGraph::addEdge(TopologyEdge edge)
{
    if (edge.from == edge.to || !m_nodeIndex.contains(edge.from) || !m_nodeIndex.contains(edge.to))
        return;
    const QString key = edge.key();
    if (m_edgeKeys.contains(key))
        return;
    m_edgeKeys.insert(key);
    m_edgeKeyList.append(key);
    m_edges.append(std::move(edge));
}

void TopologyGraph::addCluster(TopologyCluster cluster)
{
    if (m_clusterIndex.contains(cluster.key))
        return;
    m_clusterIndex.insert(cluster.key, m_clusters.size());
    m_clusters.append(std::move(cluster));
}

int TopologyGraph::shareUnchanged(const TopologyGraph& previous)
{
    int unchanged = 0;
    for (TopologyNode& node : m_nodes)
        if (const TopologyNode* before = previous.node(node.key); before && *before == node) {
            node = *before;
            ++unchanged;
        }
    for (TopologyCluster& cluster : m_clusters)
        if (const TopologyCluster* before = previous.cluster(cluster.key); before && *before == cluster)
            cluster = *before;
    return unchanged;
}

const TopologyNode* TopologyGraph::node(const QString& key) const
{
    const auto it = m_nodeIndex.constFind(key);
    return it == m_nodeIndex.constEnd() ? nullptr : &m_nodes[*it];
}

const TopologyCluster* TopologyGraph::cluster(const QString& key) const
{
    const auto it = m_clusterIndex.constFind(key);
    return it == m_clusterIndex.constEnd() ? nullptr : &m_clusters[*it];
}

bool TopologyGraph::hasEdge(const QString& from, const QString& to) const
{
    return m_edgeKeys.contains(from + QLatin1String("->") + to);
}

QStringList TopologyGraph::clusterMembers(const QString& clusterKey) const
{
    QStringList keys;
    for (const TopologyNode& n : m_nodes)
        if (n.clusterKey == clusterKey)
            keys.append(n.key);
    return keys;
}

QString TopologyGraph::nodeKeyOfObject(const QString& objectId) const
{
    return m_nodeOfObject.value(objectId);
}

int TopologyGraph::nodeCount(TopologyNodeKind kind) const
{
    return int(std::count_if(m_nodes.begin(), m_nodes.end(),
                             [kind](const TopologyNode& n) { return n.kind == kind; }));
}

} // namespace hcn::ui
