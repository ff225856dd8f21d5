// Recorder: an hcn::Api's changes into a RecordingWriter, from its notifications or by polling
// (hcn/recording.h, docs/recordings.md).

#include "hcn/recording.h"
#include "hcn/utc_time.h"

#include <condition_variable>
#include <mutex>
#include <thread>

namespace hcn {

struct Recorder::Impl
{
    Api* api = nullptr;
    RecorderOptions options;
    RecordingHeader header;
    std::string fallbackReason;

    mutable std::mutex mutex;
    std::condition_variable changed;
    std::unique_ptr<RecordingWriter> writer; // guarded by mutex
    Ended ended = Ended::No;
    bool finished = false;
    bool stopPolling = false;
    Status writeStatus = Status::success();
    std::optional<SubscriptionId> subscription;
    std::thread poller;
    HostState copy; // polling: the host as last seen (poller thread only)

    struct Pending
    {
        Notification notification;
        std::int64_t timeMs;
    };
    std::vector<Pending> pending; // events delivered before the writer exists (guarded by mutex)

    /// Writes one change unless the recording has ended; under the lock.
    void record(const Notification& notification, std::int64_t timeMs, bool polled)
    {
        if (ended != Ended::No || finished)
            return;
        if (!writer) {
            pending.push_back(Pending{notification, timeMs});
            return;
        }
        if (Status s = writer->append(notification, timeMs, polled); !s.ok()) {
            writeStatus = s;
            ended = Ended::WriteFailed;
        } else if (notification.type == NotificationType::ServiceDisconnect) {
            ended = Ended::Disconnected;
        } else if (options.maxChanges != 0 && writer->changes() >= options.maxChanges) {
            ended = Ended::MaxChanges;
        }
        if (ended != Ended::No)
            changed.notify_all();
    }

    void onNotification(const Notification& notification)
    {
        const std::int64_t now = utcNowMs();
        std::lock_guard lock(mutex);
        record(notification, now, false);
    }

    void pollOnce()
    {
        auto text = api->snapshot({});
        if (!text.ok())
            return; // unreachable this round; the next poll tries again
        auto objects = parseHostSnapshot(*text);
        if (!objects.ok())
            return;
        const std::int64_t now = utcNowMs();
        auto notifications = notificationsForChanges(copy.assign(std::move(*objects)));
        std::lock_guard lock(mutex);
        for (const ChangeNotification& change : notifications)
            record(Notification{0, change.type, hr::Ok, change.base.dump()}, now, true);
    }

    void runPoller()
    {
        const auto interval = std::chrono::milliseconds(header.pollIntervalMs);
        std::unique_lock lock(mutex);
        while (!stopPolling) {
            changed.wait_for(lock, interval, [this] { return stopPolling; });
            if (stopPolling || ended != Ended::No)
                break;
            lock.unlock();
            pollOnce();
            lock.lock();
        }
    }
};

Recorder::Recorder(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

Recorder::~Recorder()
{
    (void)finish("stopped");
}

Result<std::unique_ptr<Recorder>> Recorder::start(Api& api, const std::string& path, RecorderOptions options)
{
    auto impl = std::make_unique<Impl>();
    Impl& d = *impl;
    d.api = &api;
    d.options = options;
    d.header.tool = options.tool;
    d.header.source = options.source;
    std::unique_ptr<Recorder> recorder(new Recorder(std::move(impl)));

    bool polling = options.pollInterval.count() > 0;
    std::chrono::milliseconds interval = options.pollInterval;
    // Events: subscribe before the snapshot, so nothing between the two is missed. Changes delivered before
    // the writer exists wait in `pending`; those already in the snapshot re-apply their whole documents.
    if (!polling) {
        auto subscription =
            api.subscribe([&d](const Notification& notification) { d.onNotification(notification); }, {});
        if (subscription.ok()) {
            d.subscription = *subscription;
        } else {
            polling = true;
            interval = options.fallbackPollInterval;
            d.fallbackReason = "the host delivers no notifications (" + subscription.status().detail() +
                               "); polling every " + std::to_string(interval.count()) + " ms instead";
        }
    }
    d.header.capture = polling ? RecordingCapture::Polling : RecordingCapture::Events;
    d.header.pollIntervalMs = polling ? interval.count() : 0;
    d.header.startedMs = utcNowMs();
    auto snapshot = api.snapshot({});
    if (snapshot.ok() && polling)
        if (auto objects = parseHostSnapshot(*snapshot); objects.ok())
            (void)d.copy.assign(std::move(*objects));
    Result<std::unique_ptr<RecordingWriter>> writer =
        snapshot.ok() ? RecordingWriter::create(path, d.header, *snapshot)
                      : Result<std::unique_ptr<RecordingWriter>>(snapshot.status());
    if (!writer.ok()) {
        {
            std::lock_guard lock(d.mutex);
            d.finished = true;
        }
        if (d.subscription)
            api.unsubscribe(*d.subscription);
        d.subscription.reset();
        return writer.status();
    }
    {
        std::lock_guard lock(d.mutex);
        d.writer = std::move(*writer);
        std::vector<Impl::Pending> early;
        early.swap(d.pending);
        for (const Impl::Pending& p : early)
            d.record(p.notification, p.timeMs, false);
    }
    if (polling)
        d.poller = std::thread([&d] { d.runPoller(); });
    return recorder;
}

const RecordingHeader& Recorder::header() const
{
    return m_impl->header;
}

const std::string& Recorder::fallbackReason() const
{
    return m_impl->fallbackReason;
}

Recorder::Ended Recorder::waitFor(std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_impl->mutex);
    m_impl->changed.wait_for(lock, timeout, [this] { return m_impl->ended != Ended::No; });
    return m_impl->ended;
}

Status Recorder::finish(std::string_view reason)
{
    Impl& d = *m_impl;
    {
        std::lock_guard lock(d.mutex);
        if (d.finished)
            return d.writeStatus;
        d.stopPolling = true;
    }
    d.changed.notify_all();
    // Outside the lock: unsubscribe waits for a running callback, which takes it.
    if (d.subscription)
        d.api->unsubscribe(*d.subscription);
    d.subscription.reset();
    if (d.poller.joinable())
        d.poller.join();
    std::lock_guard lock(d.mutex);
    d.finished = true;
    std::string why(reason);
    if (d.ended == Ended::MaxChanges)
        why = "max-changes";
    else if (d.ended == Ended::Disconnected)
        why = "disconnected";
    if (d.writer) {
        if (Status s = d.writer->finish(why, utcNowMs()); !s.ok() && d.writeStatus.ok())
            d.writeStatus = s;
    }
    return d.writeStatus;
}

std::uint64_t Recorder::changes() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->writer ? m_impl->writer->changes() : 0;
}

std::uint64_t Recorder::bytes() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->writer ? m_impl->writer->bytes() : 0;
}

Status Recorder::writeStatus() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->writeStatus;
}

} // namespace hcn
