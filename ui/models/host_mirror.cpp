#include "models/host_mirror.h"

#include "models/json_conversion.h"

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
    /// What the core read (applied to m_hostState) and what the views read, entry for entry.
    std::vector<ParsedNotification> parsed;
    QVector<MirrorEvent> events;
    bool scheduled = false;
    /// Bumped on every (re)subscription; entries of an older one are dropped.
    quint64 generation = 0;
};

HostMirror::HostMirror(QObject* parent) : QObject(parent), m_pending(std::make_shared<Pending>())
{
    qRegisterMetaType<hcn::ui::ConnectionState>();
    m_reconnectTimer.setInterval(kReconnectInterval_ms);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &HostMirror::tryReconnect);
}

HostMirror::~HostMirror()
{
    // Waits for a running callback, so nothing touches `this` afterwards; queued batches addressed to
    // `this` are discarded by Qt together with the object.
    unsubscribe();
}

Status HostMirror::attach(std::shared_ptr<Api> api)
{
    if (!api)
        return Status(hr::Pointer, "No API to attach to.");
    auto info = api->info();
    if (!info.ok())
        return info.status();

    std::shared_ptr<Api> previousApi = std::move(m_api);
    const SubscriptionId previousSubscription = m_subscription;
    m_api = std::move(api);
    m_subscription = 0;
    // Subscribe before reading, so every change after the snapshot arrives as an event.
    Status attached = subscribe();
    QHash<QString, MirrorObject> loaded;
    if (attached.ok())
        attached = loadAll(loaded);
    if (!attached.ok()) {
        unsubscribe();
        m_api = std::move(previousApi);
        if (m_api) {
            // The previous subscription's events are stale now: subscribe again and catch up.
            m_api->unsubscribe(previousSubscription);
            if (subscribe().ok())
                (void)resync();
        }
        return attached;
    }
    if (previousApi && previousSubscription != 0)
        previousApi->unsubscribe(previousSubscription);
    previousApi.reset();

    m_info = std::move(*info);
    m_lastSequence = 0;
    m_reconnectTimer.stop();
    replaceContent(std::move(loaded), false);
    setState(ConnectionState::Connected);
    return Status::success();
}

void HostMirror::detach()
{
    unsubscribe();
    m_api.reset();
    m_info = {};
    m_lastSequence = 0;
    m_reconnectTimer.stop();
    replaceContent({}, false);
    setState(ConnectionState::Detached);
}

const MirrorObject* HostMirror::object(const QString& id) const
{
    auto it = m_objects.constFind(id.toUpper());
    return it == m_objects.cend() ? nullptr : &it.value();
}

QList<const MirrorObject*> HostMirror::objects(ResourceKind kind) const
{
    QList<const MirrorObject*> out;
    for (const MirrorObject& object : m_objects)
        if (object.kind == kind)
            out.append(&object);
    std::sort(out.begin(), out.end(), [](const MirrorObject* a, const MirrorObject* b) {
        const int byName = QString::compare(a->name, b->name, Qt::CaseInsensitive);
        return byName != 0 ? byName < 0 : a->id < b->id;
    });
    return out;
}

int HostMirror::count(ResourceKind kind) const
{
    return int(m_hostState.count(kind));
}

namespace {

QStringList toStringList(const std::vector<std::string>& ids)
{
    QStringList out;
    out.reserve(qsizetype(ids.size()));
    for (const std::string& id : ids)
        out.append(QString::fromStdString(id));
    return out;
}

} // namespace

QStringList HostMirror::endpointIdsOfNetwork(const QString& networkId) const
{
    return toStringList(m_hostState.endpointsOfNetwork(networkId.toStdString()));
}

QStringList HostMirror::endpointIdsOfNamespace(const QString& namespaceId) const
{
    return toStringList(m_hostState.endpointsOfNamespace(namespaceId.toStdString()));
}

void HostMirror::rebuildState()
{
    std::vector<HostObject> objects;
    objects.reserve(std::size_t(m_objects.size()));
    for (const MirrorObject& object : std::as_const(m_objects))
        objects.push_back(HostObject{object.kind, object.id.toStdString(), object.parsed});
    (void)m_hostState.assign(std::move(objects));
}

Status HostMirror::resync()
{
    if (!m_api)
        return Status(hr::Handle, "The console is not attached to a host.");
    QHash<QString, MirrorObject> loaded;
    if (Status s = loadAll(loaded); !s.ok())
        return s;
    replaceContent(std::move(loaded), true);
    return Status::success();
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
        for (HostChange& change : m_hostState.apply(n)) {
            QString id = QString::fromStdString(change.id);
            if (!before.contains(id)) {
                auto it = m_objects.constFind(id);
                before.insert(id, it == m_objects.cend() ? std::nullopt : std::optional<MirrorObject>(*it));
            }
            if (change.type == HostChange::Type::Removed) {
                m_objects.remove(id);
            } else {
                QJsonObject document = documentOf(n, events.at(qsizetype(i)), change.document);
                m_objects.insert(
                    id, makeObject(change.kind, id, std::move(document), std::move(change.document)));
            }
        }
    }

    QList<MirrorObject> removed;
    QList<const MirrorObject*> added;
    QStringList changed;
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        auto now = m_objects.constFind(it.key());
        const bool existsNow = now != m_objects.cend();
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
        if (Status s = resync(); !s.ok())
            qCWarning(lcMirror) << "resync failed:" << QString::fromStdString(s.message());
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
    if (!m_api) {
        m_reconnectTimer.stop();
        return;
    }
    if (!m_api->reconnect().ok())
        return;
    if (!subscribe().ok())
        return;
    if (Status s = resync(); !s.ok()) {
        unsubscribe();
        return;
    }
    if (auto info = m_api->info(); info.ok())
        m_info = std::move(*info);
    m_lastSequence = 0;
    m_reconnectTimer.stop();
    setState(ConnectionState::Connected);
}

Status HostMirror::subscribe()
{
    quint64 generation = 0;
    {
        std::lock_guard lock(m_pending->mutex);
        generation = ++m_pending->generation;
        m_pending->parsed.clear();
        m_pending->events.clear();
    }
    auto pending = m_pending;
    auto subscribed = m_api->subscribe(
        [this, pending, generation](const Notification& notification) {
            {
                std::lock_guard lock(pending->mutex);
                if (pending->generation != generation)
                    return;
            }
            enqueue(notification);
        },
        SubscriptionScope{});
    if (!subscribed.ok())
        return subscribed.status();
    m_subscription = *subscribed;
    return Status::success();
}

void HostMirror::unsubscribe()
{
    {
        std::lock_guard lock(m_pending->mutex);
        ++m_pending->generation;
        m_pending->parsed.clear();
        m_pending->events.clear();
    }
    if (m_api && m_subscription != 0)
        m_api->unsubscribe(m_subscription);
    m_subscription = 0;
}

Status HostMirror::loadAll(QHash<QString, MirrorObject>& out) const
{
    auto snapshot = m_api->snapshot("");
    if (!snapshot.ok())
        return snapshot.status();
    auto objects = parseHostSnapshot(*snapshot);
    if (!objects.ok())
        return objects.status();
    out.reserve(qsizetype(objects->size()));
    for (HostObject& object : *objects) {
        QString id = QString::fromStdString(object.id);
        QJsonObject document = toQJsonObject(*object.document);
        out.insert(id, makeObject(object.kind, id, std::move(document), std::move(object.document)));
    }
    return Status::success();
}

void HostMirror::replaceContent(QHash<QString, MirrorObject> objects, bool emitDifferences)
{
    if (!emitDifferences) {
        m_objects = std::move(objects);
        rebuildState();
        emit reset();
        return;
    }
    QList<MirrorObject> removed;
    for (auto it = m_objects.cbegin(); it != m_objects.cend(); ++it)
        if (!objects.contains(it.key()))
            removed.append(it.value());
    QList<const MirrorObject*> addedObjects;
    QStringList changed;
    for (auto it = objects.cbegin(); it != objects.cend(); ++it) {
        auto old = m_objects.constFind(it.key());
        if (old == m_objects.cend())
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
    m_objects = std::move(objects);
    rebuildState();
    if (!removed.isEmpty())
        emit objectsRemoved(removed);
    if (!added.isEmpty())
        emit objectsAdded(added);
    if (!changed.isEmpty())
        emit objectsChanged(changed);
}

} // namespace hcn::ui
