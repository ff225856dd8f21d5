#pragma once
// ApiWorker: where the console's HCN calls run. A worker owns one hcn::Api (an embedded engine or a
// connection to hcnd) and runs the calls queued to it, in order, on its own thread; each result comes
// back on the GUI thread through the callback given with the call, as Qt Creator's Utils::asyncRun +
// onResultReady do. No connect, reconnect, query or change ever blocks the window. A worker can open
// its API itself: connecting to a service is then its first call.
//
// Destroying a worker returns at once. The calls already queued still run in order (a change the user
// asked for is not dropped half-way), their results are discarded, and the thread releases the API and
// ends after the last one. A call that hangs (a service that never answers) ties up only that thread;
// that is how a pending connect is cancelled.

#include "hcn/api.h"

#include <QObject>
#include <QPointer>
#include <exception>
#include <functional>
#include <memory>
#include <type_traits>
#include <utility>

namespace hcn::ui {

/// E_ABORT: what a cancelled or superseded operation reports.
inline constexpr HResult kCancelled = makeHResult(0x80004004);

class ApiWorker : public QObject
{
    Q_OBJECT
public:
    /// Opens the API on the worker thread (connects to a service).
    using Opener = std::function<Result<std::shared_ptr<Api>>()>;

    /// A worker calling `api`.
    explicit ApiWorker(std::shared_ptr<Api> api, QObject* parent = nullptr);
    /// A worker whose first call is `open`; later calls use the API it returns, or fail with its error.
    explicit ApiWorker(Opener open, QObject* parent = nullptr);
    ~ApiWorker() override;

    /// Runs `work(Api&)` on the worker thread after every call queued before it, then `done(result)` on
    /// `receiver`'s (the GUI) thread, unless `receiver` was destroyed meanwhile (null: as long as the
    /// worker exists). The result type must be constructible from a Status: without an API (a failed
    /// open) `work` does not run and `done` gets that failure.
    template <typename Work, typename Done> void call(QObject* receiver, Work work, Done done);

    /// Calls queued whose result has not come back yet.
    int pendingCalls() const { return m_pending; }
    bool isBusy() const { return m_pending > 0; }
    /// Whether the API is a connection to a service rather than an engine in this process.
    bool isRemote() const { return m_remote; }
    /// The API, once known on this thread (given, or opened). It lets a controller hand the same host to
    /// another worker and tests drive the engine; the console calls it only through call().
    std::shared_ptr<Api> sharedApi() const { return m_api; }

signals:
    /// Calls are on their way (true) or every result came back (false).
    void busyChanged(bool busy);
    /// The outcome of the Opener, before any later call's result.
    void opened(const hcn::Status& status);

private:
    /// A queued call: runs on the worker thread and returns what to run on the GUI thread.
    using Job = std::function<std::function<void()>(Api* api, const Status& unavailable)>;
    struct Link;
    class Runner;

    void start(std::shared_ptr<Api> api);
    void submit(QObject* receiver, Job job);
    void finish(const QPointer<QObject>& receiver, bool hadReceiver, const std::function<void()>& result);

    std::shared_ptr<Link> m_link;
    Runner* m_runner = nullptr;
    std::shared_ptr<Api> m_api;
    bool m_remote = false;
    int m_pending = 0;
};

template <typename Work, typename Done> void ApiWorker::call(QObject* receiver, Work work, Done done)
{
    using R = std::decay_t<std::invoke_result_t<Work&, Api&>>;
    static_assert(std::is_constructible_v<R, Status>, "the result must be able to carry a failure");
    auto shared = std::make_shared<std::pair<Work, Done>>(std::move(work), std::move(done));
    submit(receiver, [shared](Api* api, const Status& unavailable) -> std::function<void()> {
        auto result = std::make_shared<R>(Status(unavailable));
        if (api) {
            try {
                *result = shared->first(*api);
            } catch (const std::exception& e) {
                *result = R(Status(hr::Unexpected, e.what())); // nothing may escape the worker's loop
            }
        }
        return [shared, result] { shared->second(std::move(*result)); };
    });
}

} // namespace hcn::ui
