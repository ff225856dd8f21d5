#include "models/api_worker.h"

#include "hcn/rpc_client.h"

#include <QLoggingCategory>
#include <QThread>
#include <mutex>

Q_LOGGING_CATEGORY(lcWorker, "hcn.ui.worker")

namespace hcn::ui {

/// Who gets the results: the worker while it exists. The thread reads it under the mutex, so a worker
/// destroyed on the GUI thread is never posted to afterwards (Qt drops what was posted before).
struct ApiWorker::Link
{
    std::mutex mutex;
    ApiWorker* owner = nullptr;
};

/// Lives on the worker thread and owns the API there, so the API is also released on that thread.
class ApiWorker::Runner : public QObject
{
public:
    std::shared_ptr<Api> api;
    Status unavailable{hr::Handle, "The console is not connected to a host."};
};

ApiWorker::ApiWorker(std::shared_ptr<Api> api, QObject* parent) : QObject(parent), m_api(api)
{
    m_remote = dynamic_cast<RpcClient*>(api.get()) != nullptr; // a type check, not a call
    start(std::move(api));
}

ApiWorker::ApiWorker(Opener open, QObject* parent) : QObject(parent), m_remote(true)
{
    start(nullptr);
    auto opener = std::make_shared<Opener>(std::move(open));
    Runner* runner = m_runner;
    submit(nullptr, [this, opener, runner](Api*, const Status&) -> std::function<void()> {
        Status status = Status::success();
        try {
            auto opened = (*opener)();
            if (opened.ok())
                runner->api = std::move(*opened);
            else
                status = opened.status();
        } catch (const std::exception& e) {
            status = Status(hr::Unexpected, e.what());
        }
        if (!status.ok())
            runner->unavailable = status;
        std::shared_ptr<Api> api = runner->api;
        // Runs in finish(), on the GUI thread and only while this worker exists.
        return [this, api, status] {
            m_api = api;
            emit opened(status);
        };
    });
}

void ApiWorker::start(std::shared_ptr<Api> api)
{
    m_link = std::make_shared<Link>();
    m_link->owner = this;
    auto* thread = new QThread; // no parent: it deletes itself once it has finished
    thread->setObjectName(QStringLiteral("hcn-api"));
    m_runner = new Runner;
    m_runner->api = std::move(api);
    m_runner->moveToThread(thread);
    connect(thread, &QThread::finished, m_runner, &QObject::deleteLater);
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

ApiWorker::~ApiWorker()
{
    {
        std::lock_guard lock(m_link->mutex);
        m_link->owner = nullptr;
    }
    // Queued after every call: the thread ends once they have run, and the runner (with the API) goes.
    QMetaObject::invokeMethod(
        m_runner, [] { QThread::currentThread()->quit(); }, Qt::QueuedConnection);
}

void ApiWorker::submit(QObject* receiver, Job job)
{
    if (++m_pending == 1)
        emit busyChanged(true);
    const QPointer<QObject> target(receiver);
    const bool hadReceiver = receiver != nullptr;
    QMetaObject::invokeMethod(
        m_runner,
        [link = m_link, runner = m_runner, job = std::move(job), target, hadReceiver]() mutable {
            std::function<void()> result = job(runner->api.get(), runner->unavailable);
            job = nullptr; // what the call captured goes here, on the worker thread
            std::lock_guard lock(link->mutex);
            if (!link->owner)
                return;
            ApiWorker* owner = link->owner;
            QMetaObject::invokeMethod(
                owner, [owner, target, hadReceiver, result] { owner->finish(target, hadReceiver, result); },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void ApiWorker::finish(const QPointer<QObject>& receiver, bool hadReceiver,
                       const std::function<void()>& result)
{
    const QPointer<ApiWorker> self(this);
    if (result && (!hadReceiver || receiver))
        result(); // may queue more calls, or let go of this worker (a failed attach does)
    if (self && --m_pending == 0)
        emit busyChanged(false);
}

} // namespace hcn::ui
