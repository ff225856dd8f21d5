#include "topology/topology_layout_thread.h"

#include "topology/topology_layout_worker.h"

#include <QCoreApplication>
#include <QMetaObject>

namespace hcn::ui {

TopologyLayoutThread* TopologyLayoutThread::shared()
{
    static TopologyLayoutThread* instance = [] {
        auto* thread = new TopologyLayoutThread;
        // Stop the thread while the application still exists; the object outlives no QCoreApplication.
        QObject::connect(qApp, &QCoreApplication::aboutToQuit, thread, [thread] { thread->m_thread.quit(); });
        thread->setParent(qApp);
        return thread;
    }();
    return instance;
}

TopologyLayoutThread::TopologyLayoutThread()
{
    qRegisterMetaType<TopologyLayoutRequest>();
    qRegisterMetaType<TopologyLayoutResult>();
    qRegisterMetaType<TopologyRouteRequest>();
    qRegisterMetaType<TopologyRouteResult>();
    m_thread.setObjectName(QStringLiteral("hcn-topology-layout"));
    m_worker = new TopologyLayoutWorker;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &TopologyLayoutWorker::finished, this, &TopologyLayoutThread::finished,
            Qt::QueuedConnection);
    connect(m_worker, &TopologyLayoutWorker::routed, this, &TopologyLayoutThread::routed,
            Qt::QueuedConnection);
    m_thread.start();
}

TopologyLayoutThread::~TopologyLayoutThread()
{
    m_thread.quit();
    m_thread.wait();
}

void TopologyLayoutThread::submit(const TopologyLayoutRequest& request)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, request] { worker->run(request); }, Qt::QueuedConnection);
}

void TopologyLayoutThread::submitRoutes(const TopologyRouteRequest& request)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, request] { worker->route(request); }, Qt::QueuedConnection);
}

} // namespace hcn::ui
