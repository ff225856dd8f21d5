#include "models/host_tracer.h"

#include "models/host_mirror.h"

#include <QThread>

namespace hcn::ui {

/// A host copy and the tracer over it (the tracer reads the copy, so they live and die together).
struct HostTracer::Index
{
    explicit Index(HostState copy) : state(std::move(copy)), tracer(state) {}
    HostState state;
    ReachabilityTracer tracer;
};

HostTracer::HostTracer(HostMirror* mirror, QObject* parent) : QObject(parent), m_mirror(mirror)
{
    const auto invalidate = [this] {
        m_index.reset();
        ++m_generation;
    };
    connect(mirror, &HostMirror::reset, this, invalidate);
    connect(mirror, &HostMirror::objectsAdded, this, invalidate);
    connect(mirror, &HostMirror::objectsRemoved, this, invalidate);
    connect(mirror, &HostMirror::objectsChanged, this, invalidate);
}

HostTracer::~HostTracer()
{
    if (m_running)
        m_running->wait(); // the worker uses this object until it ends
}

void HostTracer::trace(const TraceRequest& request)
{
    if (m_running) {
        m_queued = request;
        return;
    }
    start(request);
}

void HostTracer::start(const TraceRequest& request)
{
    // The objects are taken here, on the GUI thread, where the mirror's state may be read (shared, not
    // copied); the copy and its index are built and the trace runs on the worker.
    std::shared_ptr<const Index> index = m_index;
    std::optional<SharedHostObjects> copy;
    if (!index)
        copy.emplace(m_mirror->hostState().shared());
    const quint64 generation = m_generation;
    m_running = QThread::create([this, request, index, generation, copy = std::move(copy)]() mutable {
        if (!index)
            index = std::make_shared<const Index>(HostState(*copy));
        auto traced = index->tracer.trace(request);
        std::shared_ptr<const TraceResult> result;
        QString error;
        if (traced.ok())
            result = std::make_shared<const TraceResult>(std::move(*traced));
        else
            error = QString::fromStdString(traced.status().message());
        // Queued to this object: dropped if it is gone by then.
        QMetaObject::invokeMethod(
            this,
            [this, index, result, error, generation] {
                if (generation == m_generation)
                    m_index = index; // kept for the next trace unless the host changed meanwhile
                emit finished(result, error);
            },
            Qt::QueuedConnection);
    });
    connect(m_running, &QThread::finished, this, [this] {
        m_running->deleteLater();
        m_running = nullptr;
        if (m_queued) {
            const TraceRequest next = *m_queued;
            m_queued.reset();
            start(next);
        }
    });
    m_running->start();
}

} // namespace hcn::ui
