#pragma once
// TopologyGraphBuilder: turns the mirror's objects into a TopologyGraph.
//
// Host -> networks -> endpoints; namespaces become frames (with a header node) around their endpoints;
// remote endpoints are framed per provider address; load balancers are VIP nodes with edges to their
// backends. A network with more endpoints than the threshold collapses into one count node unless the
// user expanded it. Pure function of its input: the same objects and options give the same graph.

#include "topology/topology_graph.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace hcn::ui {

struct MirrorObject;
class HostMirror;

struct TopologyBuildOptions
{
    /// Networks with more endpoints than this collapse into a count node (0: never collapse).
    int aggregateThreshold = 50;
    /// Networks (IDs) shown in full even above the threshold.
    QSet<QString> expandedNetworks;
    /// Networks (IDs) collapsed even below the threshold.
    QSet<QString> collapsedNetworks;
    bool hideRemoteEndpoints = false;
    /// Title of the host node ("embedded engine", the service address ...).
    QString hostLabel;
};

class TopologyGraphBuilder
{
public:
    explicit TopologyGraphBuilder(TopologyBuildOptions options = {});

    const TopologyBuildOptions& options() const { return m_options; }
    void setOptions(TopologyBuildOptions options) { m_options = std::move(options); }

    /// Builds from any set of objects (order does not matter).
    TopologyGraph build(const QList<const MirrorObject*>& objects) const;
    /// Builds from everything the mirror holds.
    TopologyGraph build(const HostMirror& mirror) const;
    /// Builds from a mirror's objects by ID (MirrorContent::objects; any thread, the objects are only
    /// read).
    TopologyGraph build(const QHash<QString, MirrorObject>& objects) const;

    /// Key of the host node and of a network's aggregate node.
    static QString hostKey();
    static QString aggregateKey(const QString& networkId);
    /// Key of the frame grouping the remote endpoints behind `providerAddress` on a network.
    static QString providerAddressClusterKey(const QString& networkId, const QString& providerAddress);
    static QString namespaceClusterKey(const QString& namespaceId);

private:
    TopologyBuildOptions m_options;
};

} // namespace hcn::ui
