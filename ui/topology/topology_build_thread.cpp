#include "topology/topology_build_thread.h"

#include "topology/topology_node_item.h"
#include "topology/topology_route_plan.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMetaObject>

namespace hcn::ui {

TopologyBuildThread* TopologyBuildThread::shared()
{
    static TopologyBuildThread* instance = [] {
        auto* thread = new TopologyBuildThread;
        // Stop the thread while the application still exists; the object outlives no QCoreApplication.
        QObject::connect(qApp, &QCoreApplication::aboutToQuit, thread, [thread] { thread->m_thread.quit(); });
        thread->setParent(qApp);
        return thread;
    }();
    return instance;
}

TopologyBuildThread::TopologyBuildThread()
{
    qRegisterMetaType<TopologyBuildResult>();
    m_thread.setObjectName(QStringLiteral("hcn-topology-build"));
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
}

TopologyBuildThread::~TopologyBuildThread()
{
    m_thread.quit();
    m_thread.wait();
}

TopologyGraph TopologyBuildThread::build(const TopologyBuildRequest& request)
{
    const TopologyGraphBuilder builder(request.options);
    if (!request.objectsById.isEmpty())
        return builder.build(request.objectsById);
    QList<const MirrorObject*> pointers;
    pointers.reserve(request.objects.size());
    for (const MirrorObject& object : request.objects)
        pointers.append(&object);
    return builder.build(pointers);
}

void TopologyBuildThread::submit(TopologyBuildRequest request)
{
    // The request (and with it the last references to replaced documents) is let go on the build thread.
    QMetaObject::invokeMethod(
        m_context,
        [this, request = std::move(request)] {
            auto superseded = [&request] {
                return request.wanted && request.wanted->load() != request.generation;
            };
            if (superseded())
                return; // a newer request of the same diagram is queued behind this one
            QElapsedTimer timer;
            timer.start();
            TopologyBuildResult result;
            result.generation = request.generation;
            result.graph = build(request);
            result.graph.shareUnchanged(request.previous);
            if (request.measureBoxes) {
                // A node that did not change shares its content with the one shown (a pointer
                // comparison) and keeps its box.
                auto boxOf = [&request](const TopologyNode& node) {
                    const TopologyNode* before = request.previous.node(node.key);
                    const auto known = request.previousBoxSizes.constFind(node.key);
                    if (before && known != request.previousBoxSizes.constEnd() && *before == node)
                        return *known;
                    return TopologyNodeItem::sizeFor(node);
                };
                result.boxSizes.reserve(result.graph.nodes().size());
                for (const TopologyNode& node : result.graph.nodes())
                    result.boxSizes.insert(node.key, boxOf(node));
            }
            result.gridLines =
                TopologyRoutePlan::gridLines(result.graph, [](const QString&) { return true; });
            result.elapsedMs = timer.elapsed();
            if (!superseded())
                emit built(result);
        },
        Qt::QueuedConnection);
}

} // namespace hcn::ui
