#pragma once
// HostTracer: runs reachability traces (hcn/reachability_trace.h) over the host the console shows, off
// the GUI thread. The tracer's index (about the cost of a full health check) is built on a worker from a
// copy of the mirror's HostState and kept until the host changes, so repeated traces cost only their
// path. One trace runs at a time; a request made meanwhile replaces any queued one.

#include "hcn/reachability_trace.h"

#include <QObject>
#include <QString>
#include <memory>
#include <optional>

class QThread;

namespace hcn::ui {

class HostMirror;

class HostTracer : public QObject
{
    Q_OBJECT
public:
    explicit HostTracer(HostMirror* mirror, QObject* parent = nullptr);
    ~HostTracer() override;

    void trace(const hcn::TraceRequest& request);
    bool isTracing() const { return m_running != nullptr; }

signals:
    /// The outcome of a trace: a result, or why there is none (an unknown endpoint, an ambiguous name).
    void finished(const std::shared_ptr<const hcn::TraceResult>& result, const QString& error);

private:
    struct Index;
    void start(const hcn::TraceRequest& request);

    HostMirror* m_mirror;
    /// The index of the host as it is now; null after any change until the next trace builds it.
    std::shared_ptr<const Index> m_index;
    /// Counts the host's changes, so an index built from an older host is not kept.
    quint64 m_generation = 0;
    QThread* m_running = nullptr;
    std::optional<hcn::TraceRequest> m_queued;
};

} // namespace hcn::ui
