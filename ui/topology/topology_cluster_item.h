#pragma once
// TopologyClusterItem: the frame around a namespace's endpoints or the remote endpoints behind one
// provider address. Its rectangle follows its members (recomputed by the scene after each change), so
// frames stay right whichever layout (full or incremental) placed the members.

#include "topology/topology_graph.h"

#include <QGraphicsItem>

namespace hcn::ui {

class TopologyNodeItem;

class TopologyClusterItem : public QGraphicsItem
{
public:
    enum
    {
        Type = UserType + 0x703
    };

    explicit TopologyClusterItem(const TopologyCluster& cluster);

    const TopologyCluster& cluster() const { return m_cluster; }
    void setCluster(const TopologyCluster& cluster);
    /// Recomputes the frame from its members' boxes (empty members: the item hides).
    void setMembers(const QList<TopologyNodeItem*>& members);
    void updateGeometry();

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    TopologyCluster m_cluster;
    QList<TopologyNodeItem*> m_members;
    QRectF m_rect;
};

} // namespace hcn::ui
