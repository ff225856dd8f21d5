#pragma once
// TopologyGraph: the plain description of the topology diagram (nodes, edges, clusters) that the
// builder derives from the mirror, the layout thread positions and the scene draws. No widgets, no
// Graphviz: it is copied to the layout thread and compared between rebuilds by stable keys.

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace hcn::ui {

enum class TopologyNodeKind
{
    Invalid,
    Host,
    Network,
    Endpoint,       ///< local endpoint
    RemoteEndpoint, ///< endpoint with the RemoteEndpoint flag (a peer on another host)
    Namespace,      ///< the header node inside a namespace's frame
    LoadBalancer,   ///< frontend VIP(s) of one load balancer
    Aggregate,      ///< stands for the endpoints of a collapsed network
};

enum class TopologyEdgeKind
{
    Invalid,
    HostNetwork,     ///< the host's switch carries the network
    NetworkEndpoint, ///< endpoint on its network (local)
    NetworkRemote,   ///< remote endpoint reached over the network (tunnel)
    NetworkAggregate,
    LoadBalancerBackend,
    LoadBalancerNetwork, ///< a load balancer without backends, tied to its network
    NamespaceMember,     ///< invisible: keeps a namespace's endpoints together in the layout
};

enum class TopologyClusterKind
{
    Invalid,
    Namespace,
    ProviderAddress, ///< remote endpoints behind one provider address (one remote host)
};

struct TopologyNode
{
    TopologyNodeKind kind = TopologyNodeKind::Invalid;
    /// Stable across rebuilds: the object ID, or a derived key ("host", "agg:<network ID>").
    QString key;
    /// The HCN object the node stands for (empty for the host); the network for an aggregate.
    QString objectId;
    /// First line is the title; the rest are facts (mode, subnets, IPs, MAC ...).
    QStringList lines;
    /// Policy summaries ("PortMapping 8080→80/TCP", "ACL ×4", "OutBoundNAT").
    QStringList badges;
    /// Key facts for the hover tooltip (rich text).
    QString toolTip;
    /// What the search field matches: lower-case name, IPs, MAC, ID.
    QStringList searchTerms;
    /// Where a newly appearing node is placed: near this node (network of an endpoint ...).
    QString parentKey;
    /// Frame the node belongs to (namespace or provider address group), empty for none.
    QString clusterKey;
    /// Aggregates: how many endpoints the node stands for.
    int count = 0;
    /// Endpoints: the object's own name (empty when it has none) and first IP address, the order of
    /// a large group's grid.
    QString sortName;
    QString sortAddress;

    bool operator==(const TopologyNode&) const = default;
};

struct TopologyEdge
{
    TopologyEdgeKind kind = TopologyEdgeKind::Invalid;
    QString from;
    QString to;

    /// "from->to": the stable identity of the edge.
    QString key() const { return from + QLatin1String("->") + to; }
    bool operator==(const TopologyEdge&) const = default;
};

struct TopologyCluster
{
    TopologyClusterKind kind = TopologyClusterKind::Invalid;
    QString key;
    /// The namespace's ID; empty for provider address groups.
    QString objectId;
    QString label;
    QString toolTip;

    bool operator==(const TopologyCluster&) const = default;
};

/// The whole diagram. Lookups by key are O(1); order is the builder's (deterministic).
class TopologyGraph
{
public:
    void addNode(TopologyNode node);
    void addEdge(TopologyEdge edge);
    void addCluster(TopologyCluster cluster);

    const QList<TopologyNode>& nodes() const { return m_nodes; }
    const QList<TopologyEdge>& edges() const { return m_edges; }
    /// edges()[i].key() for each edge, made once when it was added.
    const QStringList& edgeKeys() const { return m_edgeKeyList; }
    const QList<TopologyCluster>& clusters() const { return m_clusters; }

    const TopologyNode* node(const QString& key) const;
    const TopologyCluster* cluster(const QString& key) const;
    bool hasEdge(const QString& from, const QString& to) const;
    /// Keys of the nodes in a cluster, in graph order.
    QStringList clusterMembers(const QString& clusterKey) const;
    /// Keys of the nodes that stand for `objectId` (one, except for nothing).
    QString nodeKeyOfObject(const QString& objectId) const;
    int nodeCount(TopologyNodeKind kind) const;
    bool isEmpty() const { return m_nodes.isEmpty(); }

    /// Makes each node and cluster equal to one of `previous` a copy of that one (sharing its text):
    /// comparing them with what `previous` was drawn from then takes a pointer comparison, not a walk
    /// through every line and tooltip. Returns how many nodes are unchanged.
    int shareUnchanged(const TopologyGraph& previous);

private:
    QList<TopologyNode> m_nodes;
    QList<TopologyEdge> m_edges;
    QStringList m_edgeKeyList;
    QList<TopologyCluster> m_clusters;
    QHash<QString, qsizetype> m_nodeIndex;
    QHash<QString, qsizetype> m_clusterIndex;
    QHash<QString, QString> m_nodeOfObject;
    QSet<QString> m_edgeKeys;
};

} // namespace hcn::ui
