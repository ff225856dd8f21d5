#include "models/host_mirror.h"

#include "models/api_worker.h"
#include "models/json_conversion.h"
#include "models/resource_tree.h"

#include <QEventLoop>
#include <QLoggingCategory>
#include <QMetaObject>
#include <algorithm>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

Q_LOGGING_CATEGORY(lcMirror, "hcn.ui.mirror")

namespace hcn::ui {

namespace {

constexpr int kReconnectInterval_ms = 1000;

MirrorObject makeObject(ResourceKind kind, QString id, QJsonObject document, HostDocument parsed)
{
    MirrorObject object;
    object.kind = kind;
    object.id = std::move(id);
    object.name = document.value(QStringLiteral("Name")).toString();
    object.document = std::move(document);
    object.parsed = std::move(parsed);
    return object;
}

/// The QJson form of a document a notification stored: Data itself or one of its members (attach
/// events), both already converted in the event; a conversion only for anything else.
QJsonObject documentOf(const ParsedNotification& parsed, const MirrorEvent& event,
                       const HostDocument& document)
{
    if (document.get() == parsed.data.get())
        return event.data;
    if (parsed.data->is_object())
        for (auto it = parsed.data->begin(); it != parsed.data->end(); ++it)
            if (&it.value() == document.get())
                return event.data.value(QString::fromStdString(it.key())).toObject();
    return toQJsonObject(*document);
}

} // namespace

/// Notifications parsed on the delivery thread, waiting for the GUI thread.
struct HostMirror::Pending
{
    std::mutex mutex;
    /// What the core read (applied to m_content.state) and what the views read, entry for entry.
    std::vector<ParsedNotification> parsed;
    QVector<MirrorEvent> events;
    bool scheduled = false;
};

/// One subscription's way into the mirror. The callback (delivery thread) holds events until the mirror
/// takes the subscription, forwards them afterwards and drops them once closed; closing waits for a
/// running callback, so nothing reaches a mirror that let go of the gate.
struct HostMirror::Gate
{
    enum class Mode
    {
        Holding,
        Open,
        Closed,
    };
    std::mutex mutex;
    Mode mode = Mode::Holding;
    HostMirror* mirror = nullptr;
    std::vector<Notification> held;
    /// Set by the load on the worker thread, read there by a later job that gives it back.
    SubscriptionId subscription = 0;

    void deliver(const Notification& notification)
    {
        std::lock_guard lock(mutex);
        if (mode == Mode::Holding)
            held.push_back(notification);
        else if (mode == Mode::Open)
            mirror->enqueue(notification);
    }
    void close()
    {
        std::lock_guard lock(mutex);
        mode = Mode::Closed;
        held.clear();
    }
};

/// What the worker read for an attach, a reconnect or a resync.
struct HostMirror::Loaded
{
    ApiInfo info;
    SubscriptionId subscription = 0;
    /// The objects and the core's copy of them, indexed on the worker rather than the GUI thread.
    MirrorContent content;
    /// The resource tree of `content`, built on the worker too (attach, when asked for).
    std::shared_ptr<ResourceTree> tree;
};

HostMirror::HostMirror(QObject* parent) : QObject(parent), m_pending(std::make_shared<Pending>())
{
    qRegisterMetaType<hcn::ui::ConnectionState>();
    m_reconnectTimer.setInterval(kReconnectInterval_ms);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &HostMirror::tryReconnect);
}

HostMirror::~HostMirror()
{
    // Closing the gate waits for a running callback, so nothing touches `this` afterwards; queued
    // batches and results addressed to `this` are discarded by Qt together with the object.
    unsubscribe();
    cancelAttach();
}

void HostMirror::beginAttach(std::shared_ptr<Api> api, QObject* context,
                             std::function<void(const Status&)> done)
{
    beginAttach(api ? std::make_unique<ApiWorker>(std::move(api)) : nullptr, context, std::move(done));
}

void HostMirror::beginAttach(std::unique_ptr<ApiWorker> worker, QObject* context,
                             std::function<void(const Status&)> done)
{
    cancelAttach(); // a newer attach replaces a pending one
    if (!worker) {
        const Status status(hr::Pointer, "No API to attach to.");
        if (done)
            done(status);
        emit attachFinished(status);
        return;
    }
    m_incoming = std::move(worker);
    m_incomingDone = std::move(done);
    m_incomingContext = context;
    m_incomingHasContext = context != nullptr;
    auto gate = std::make_shared<Gate>();
    gate->mirror = this;
    m_incomingGate = gate;
    ApiWorker* incoming = m_incoming.get();
    incoming->call(
        this,
        [gate, buildTree = m_preparesTree](Api& api) { return load(api, gate, LoadMode::Attach, buildTree); },
        [this, incoming, gate](Result<Loaded> loaded) { finishAttach(incoming, gate, std::move(loaded)); });
}

void HostMirror::cancelAttach()
{
    if (!m_incoming)
        return;
    // The load may still be running (a connect that hangs) and subscribe: the gate drops the events
    // from now on, and a job queued behind the load gives the subscription back. The worker's thread
    // ends after it.
    std::unique_ptr<ApiWorker> abandoned = std::move(m_incoming);
    std::shared_ptr<Gate> gate = std::move(m_incomingGate);
    gate->close();
    abandoned->call(
        nullptr,
        [gate](Api& api) {
            if (gate->subscription != 0)
                api.unsubscribe(gate->subscription);
            return Status::success();
        },
        [](const Status&) {});
    auto done = std::move(m_incomingDone);
    const bool deliver = !m_incomingHasContext || m_incomingContext;
    m_incomingDone = nullptr;
    abandoned.reset();
    const Status status(kCancelled, "The connection attempt was cancelled.");
    if (done && deliver)
        done(status);
    emit attachFinished(status);
}

Status HostMirror::attach(std::shared_ptr<Api> api)
{
    std::optional<Status> outcome;
    QEventLoop loop;
    beginAttach(std::move(api), &loop, [&outcome, &loop](const Status& status) {
        outcome = status;
        loop.quit();
    });
    if (!outcome)
        loop.exec();
    return outcome ? *outcome : Status(kCancelled, "The attach was abandoned.");
}

Result<HostMirror::Loaded> HostMirror::load(Api& api, const std::shared_ptr<Gate>& gate, LoadMode mode,
                                            bool buildTree)
{
    if (mode == LoadMode::Reconnect)
        if (Status s = api.reconnect(); !s.ok())
            return s;
    Loaded loaded;
    if (mode != LoadMode::Resync) {
        auto info = api.info();
        if (!info.ok())
            return info.status();
        loaded.info = std::move(*info);
        // Subscribe before reading, so every change after the snapshot arrives as an event.
        auto subscribed = api.subscribe(
            [gate](const Notification& notification) { gate->deliver(notification); }, SubscriptionScope{});
        if (!subscribed.ok())
            return subscribed.status();
        loaded.subscription = *subscribed;
        gate->subscription = *subscribed;
    }
    auto giveBack = [&] {
        if (loaded.subscription != 0)
            api.unsubscribe(loaded.subscription);
        if (gate)
            gate->subscription = 0;
    };
    auto snapshot = api.snapshot("");
    if (!snapshot.ok()) {
        giveBack();
        return snapshot.status();
    }
    auto objects = parseHostSnapshot(*snapshot);
    if (!objects.ok()) {
        giveBack();
        return objects.status();
    }
    (void)loaded.content.state.assign(*objects);
    loaded.content.objects.reserve(qsizetype(objects->size()));
    for (HostObject& object : *objects) {
        QString id = QString::fromStdString(object.id);
        QJsonObject document = toQJsonObject(*object.document);
        loaded.content.objects.insert(
            id, makeObject(object.kind, id, std::move(document), std::move(object.document)));
    }
    if (buildTree)
        loaded.tree = std::make_shared<ResourceTree>(ResourceTree::build(loaded.content));
    return loaded;
}

void HostMirror::finishAttach(ApiWorker* incoming, const std::shared_ptr<Gate>& gate, Result<Loaded> loaded)
{
    if (incoming != m_incoming.get())
        return; // replaced meanwhile (its results are dropped with it; this is a safety net)
    std::unique_ptr<ApiWorker> worker = std::move(m_incoming);
    m_incomingGate.reset();
    auto done = std::move(m_incomingDone);
    m_incomingDone = nullptr;
    const bool deliver = !m_incomingHasContext || m_incomingContext;
    if (!loaded.ok()) {
        gate->close();
        worker.reset();
        if (done && deliver)
            done(loaded.status());
        emit attachFinished(loaded.status());
        return;
    }
    unsubscribe(); // the previous host's subscription, on the previous worker
    m_worker = std::move(worker);
    m_info = std::move(loaded->info);
    m_lastSequence = 0;
    m_reconnectTimer.stop();
    m_reconnecting = false;
    m_loading = false;
    m_preparedTree = std::move(loaded->tree);
    replaceContent(std::move(loaded->content), false);
    m_preparedTree.reset(); // nobody took it during reset()
    openGate(gate, loaded->subscription);
    setState(ConnectionState::Connected);
    if (done && deliver)
        done(Status::success());
    emit attachFinished(Status::success());
}

void HostMirror::detach()
{
    cancelAttach();
    unsubscribe();
    m_worker.reset();
    m_info = {};
    m_lastSequence = 0;
    m_reconnectTimer.stop();
    m_reconnecting = false;
    m_loading = false;
    replaceContent({}, false);
    setState(ConnectionState::Detached);
}

const MirrorObject* HostMirror::object(const QString& id) const
{
    return m_content.object(id);
}

QList<const MirrorObject*> HostMirror::objects(ResourceKind kind) const
{
    return m_content.objectsOfKind(kind);
}

QStringList HostMirror::idsByName(QStringList ids) const
{
    return m_content.idsByName(std::move(ids));
}

int HostMirror::count(ResourceKind kind) const
{
    return m_content.count(kind);
}

QStringList HostMirror::endpointIdsOfNetwork(const QString& networkId) const
{
    return m_content.endpointIdsOfNetwork(networkId);
}

QStringList HostMirror::endpointIdsOfNamespace(const QString& namespaceId) const
{
    return m_content.endpointIdsOfNamespace(namespaceId);
}

void HostMirror::setPreparesResourceTree(bool prepares)
{
    m_preparesTree = prepares;
}

std::shared_ptr<ResourceTree> HostMirror::takePreparedTree()
{
    return std::move(m_preparedTree);
}

void HostMirror::dropOnWorker(std::shared_ptr<void> garbage)
{
    if (!m_worker || !garbage)
        return; // nothing to offload to: dropped here
    m_worker->call(
        nullptr,
        [garbage = std::move(garbage)](Api&) mutable {
            garbage.reset(); // here, not with the lambda (its result goes back to the GUI thread)
            return Status::success();
        },
        [](const Status&) {});
}

void HostMirror::resync()
{
    if (!m_worker) {
        emit resyncFinished(Status(hr::Handle, "The console is not attached to a host."));
        return;
    }
    if (m_loading)
        return; // the snapshot on its way covers this request too
    m_loading = true;
    m_worker->call(
        this, [](Api& api) { return load(api, nullptr, LoadMode::Resync); },
        [this](Result<Loaded> loaded) {
            m_loading = false;
            if (loaded.ok())
                replaceContent(std::move(loaded->content), true);
            else
                qCWarning(lcMirror) << "resync failed:" << QString::fromStdString(loaded.status().message());
            applyBatch(); // the notifications that waited for the snapshot, on top of it
            emit resyncFinished(loaded.status());
        });
}

void HostMirror::resyncTo(HostState state)
{
    if (!m_worker) {
        emit resyncFinished(Status(hr::Handle, "The console is not attached to a host."));
        return;
    }
    m_loading = true;
    // The objects shown, shared (not copied) for the worker to read: a document the new host still
    // holds keeps its converted form.
    m_worker->call(
        this,
        [shown = m_content.objects,
         host = std::make_shared<HostState>(std::move(state))](Api&) -> Result<Loaded> {
            Loaded loaded;
            loaded.content.objects.reserve(qsizetype(host->size()));
            for (ResourceKind kind : kResourceKinds)
                for (const HostObject* object : host->objects(kind)) {
                    QString id = QString::fromStdString(object->id);
                    const auto old = shown.constFind(id);
                    if (old != shown.cend() && old->parsed == object->document && old->kind == kind)
                        loaded.content.objects.insert(id, *old);
                    else
                        loaded.content.objects.insert(
                            id, makeObject(kind, id, toQJsonObject(*object->document), object->document));
                }
            loaded.content.state = std::move(*host);
            return loaded;
        },
        [this](Result<Loaded> loaded) {
            m_loading = false;
            if (loaded.ok())
                replaceContent(std::move(loaded->content), true);
            applyBatch();
            emit resyncFinished(loaded.status());
        });
}

void HostMirror::flushPending()
{
    applyBatch();
}

void HostMirror::enqueue(const Notification& notification)
{
    ParsedNotification parsed = parseNotification(notification);
    MirrorEvent event = MirrorEvent::fromParsed(parsed);
    bool schedule = false;
    {
        std::lock_guard lock(m_pending->mutex);
        m_pending->parsed.push_back(std::move(parsed));
        m_pending->events.append(std::move(event));
        schedule = !m_pending->scheduled;
        m_pending->scheduled = true;
    }
    if (schedule)
        QMetaObject::invokeMethod(this, &HostMirror::applyBatch, Qt::QueuedConnection);
}

void HostMirror::applyBatch()
{
    if (m_loading)
        return; // applied on top of the snapshot on its way (resync)
    std::vector<ParsedNotification> parsed;
    QVector<MirrorEvent> events;
    {
        std::lock_guard lock(m_pending->mutex);
        parsed.swap(m_pending->parsed);
        events.swap(m_pending->events);
        m_pending->scheduled = false;
    }
    if (parsed.empty())
        return;
    emit notificationsArrived(events);

    // The state of every touched object before this batch, to emit the net effect only.
    QHash<QString, std::optional<MirrorObject>> before;
    quint64 missed = 0;
    bool disconnected = false;
    for (std::size_t i = 0; i < parsed.size(); ++i) {
        const ParsedNotification& n = parsed[i];
        if (m_lastSequence != 0 && n.sequence > m_lastSequence + 1)
            missed += n.sequence - m_lastSequence - 1;
        if (n.sequence > m_lastSequence)
            m_lastSequence = n.sequence;
        if (n.type == NotificationType::ServiceDisconnect) {
            disconnected = true;
            continue;
        }
        for (HostChange& change : m_content.state.apply(n)) {
            QString id = QString::fromStdString(change.id);
            if (!before.contains(id)) {
                auto it = m_content.objects.constFind(id);
                before.insert(id, it == m_content.objects.cend() ? std::nullopt
                                                                 : std::optional<MirrorObject>(*it));
            }
            if (change.type == HostChange::Type::Removed) {
                m_content.objects.remove(id);
            } else {
                QJsonObject document = documentOf(n, events.at(qsizetype(i)), change.document);
                m_content.objects.insert(
                    id, makeObject(change.kind, id, std::move(document), std::move(change.document)));
            }
        }
    }

    QList<MirrorObject> removed;
    QList<const MirrorObject*> added;
    QStringList changed;
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        auto now = m_content.objects.constFind(it.key());
        const bool existsNow = now != m_content.objects.cend();
        if (it.value() && !existsNow)
            removed.append(*it.value());
        else if (!it.value() && existsNow)
            added.append(&now.value());
        else if (existsNow && it.value()->document != now->document)
            changed.append(it.key());
    }
    std::sort(removed.begin(), removed.end(), [](const MirrorObject& a, const MirrorObject& b) {
        return dependencyRank(a.kind) > dependencyRank(b.kind);
    });
    std::sort(added.begin(), added.end(), [](const MirrorObject* a, const MirrorObject* b) {
        return dependencyRank(a->kind) < dependencyRank(b->kind);
    });
    if (!removed.isEmpty())
        emit objectsRemoved(removed);
    if (!added.isEmpty()) {
        QStringList ids;
        ids.reserve(added.size());
        for (const MirrorObject* object : added)
            ids.append(object->id);
        emit objectsAdded(ids);
    }
    if (!changed.isEmpty())
        emit objectsChanged(changed);

    if (disconnected) {
        qCWarning(lcMirror) << "service disconnected; reconnecting";
        m_subscription = 0; // the service dropped it
        setState(ConnectionState::Disconnected);
        m_reconnectTimer.start();
    } else if (missed > 0) {
        qCWarning(lcMirror) << missed << "notifications missed; resynchronizing";
        emit eventsMissed(missed);
        resync();
    }
}

void HostMirror::setState(ConnectionState state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit connectionStateChanged(state);
}

void HostMirror::tryReconnect()
{
    if (!m_worker) {
        m_reconnectTimer.stop();
        return;
    }
    if (m_reconnecting)
        return; // the previous attempt is still on its way (a service that does not answer)
    m_reconnecting = true;
    auto gate = std::make_shared<Gate>();
    gate->mirror = this;
    m_worker->call(
        this, [gate](Api& api) { return load(api, gate, LoadMode::Reconnect); },
        [this, gate](Result<Loaded> loaded) { finishReconnect(gate, std::move(loaded)); });
}

void HostMirror::finishReconnect(const std::shared_ptr<Gate>& gate, Result<Loaded> loaded)
{
    m_reconnecting = false;
    if (!loaded.ok()) {
        gate->close(); // the timer tries again
        return;
    }
    if (m_state != ConnectionState::Disconnected) {
        gate->close(); // nobody waits for it any more
        m_worker->call(
            nullptr,
            [id = loaded->subscription](Api& api) {
                api.unsubscribe(id);
                return Status::success();
            },
            [](const Status&) {});
        return;
    }
    unsubscribe(); // the lost connection's gate (the service already dropped the subscription)
    m_info = std::move(loaded->info);
    m_lastSequence = 0;
    m_reconnectTimer.stop();
    replaceContent(std::move(loaded->content), true);
    openGate(gate, loaded->subscription);
    setState(ConnectionState::Connected);
}

void HostMirror::openGate(const std::shared_ptr<Gate>& gate, SubscriptionId id)
{
    m_gate = gate;
    m_subscription = id;
    std::lock_guard lock(gate->mutex);
    for (const Notification& notification : gate->held)
        enqueue(notification);
    gate->held.clear();
    gate->mode = Gate::Mode::Open;
}

void HostMirror::unsubscribe()
{
    if (m_gate)
        m_gate->close();
    m_gate.reset();
    {
        std::lock_guard lock(m_pending->mutex);
        m_pending->parsed.clear();
        m_pending->events.clear();
    }
    if (m_worker && m_subscription != 0) {
        const SubscriptionId id = m_subscription;
        m_worker->call(
            nullptr,
            [id](Api& api) {
                api.unsubscribe(id);
                return Status::success();
            },
            [](const Status&) {});
    }
    m_subscription = 0;
}

void HostMirror::replaceContent(MirrorContent content, bool emitDifferences)
{
    // The previous objects go on the worker's thread: destroying a big host's takes long.
    if (!emitDifferences) {
        auto previous = std::make_shared<MirrorContent>(std::exchange(m_content, std::move(content)));
        emit reset();
        dropOnWorker(std::move(previous));
        return;
    }
    const QHash<QString, MirrorObject>& objects = content.objects;
    QList<MirrorObject> removed;
    for (auto it = m_content.objects.cbegin(); it != m_content.objects.cend(); ++it)
        if (!objects.contains(it.key()))
            removed.append(it.value());
    QList<const MirrorObject*> addedObjects;
    QStringList changed;
    for (auto it = objects.cbegin(); it != objects.cend(); ++it) {
        auto old = m_content.objects.constFind(it.key());
        if (old == m_content.objects.cend())
            addedObjects.append(&it.value());
        else if (old->document != it->document)
            changed.append(it.key());
    }
    std::sort(removed.begin(), removed.end(), [](const MirrorObject& a, const MirrorObject& b) {
        return dependencyRank(a.kind) > dependencyRank(b.kind);
    });
    std::sort(addedObjects.begin(), addedObjects.end(), [](const MirrorObject* a, const MirrorObject* b) {
        return dependencyRank(a->kind) < dependencyRank(b->kind);
    });
    QStringList added;
    for (const MirrorObject* object : addedObjects)
        added.append(object->id);
    auto previous = std::make_shared<MirrorContent>(std::exchange(m_content, std::move(content)));
    dropOnWorker(std::move(previous));
    if (!removed.isEmpty())
        emit objectsRemoved(removed);
    if (!added.isEmpty())
        emit objectsAdded(added);
    if (!changed.isEmpty())
        emit objectsChanged(changed);
}

} // namespace hcn::ui
