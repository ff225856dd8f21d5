#include "models/host_mirror.h"

#include <QJsonArray>
#include <QJsonDocument>
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

struct SnapshotSection
{
    ResourceKind kind;
    const char* key;
};

constexpr SnapshotSection kSections[] = {
    {ResourceKind::Network, "Networks"},   {ResourceKind::Namespace, "Namespaces"},
    {ResourceKind::Endpoint, "Endpoints"}, {ResourceKind::LoadBalancer, "LoadBalancers"},
    {ResourceKind::SdnRoute, "SdnRoutes"}, {ResourceKind::GuestNetworkService, "GuestNetworkServices"},
};

/// Parents first: networks and namespaces hold endpoints, endpoints are load-balancer backends.
int parentRank(ResourceKind kind)
{
    switch (kind) {
    case ResourceKind::Network:
        return 0;
    case ResourceKind::Namespace:
        return 1;
    case ResourceKind::Endpoint:
        return 2;
    case ResourceKind::LoadBalancer:
        return 3;
    default:
        return 4;
    }
}

MirrorObject makeObject(ResourceKind kind, QString id, QJsonObject document)
{
    MirrorObject object;
    object.kind = kind;
    object.id = id.toUpper();
    object.name = document.value(QStringLiteral("Name")).toString();
    object.document = std::move(document);
    return object;
}

} // namespace

/// Notifications parsed on the delivery thread, waiting for the GUI thread.
struct HostMirror::Pending
{
    struct Entry
    {
        Notification notification;
        QString id;
        QJsonObject data; ///< NotificationBase "Data"
    };

    std::mutex mutex;
    std::vector<Entry> entries;
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
    return m_counts.value(int(kind));
}

namespace {

QStringList sortedIds(const QSet<QString>* ids)
{
    QStringList out = ids ? QStringList(ids->cbegin(), ids->cend()) : QStringList();
    out.sort();
    return out;
}

QString parentId(const MirrorObject& endpoint, const char* field)
{
    return endpoint.document.value(QLatin1String(field)).toString().toUpper();
}

} // namespace

QStringList HostMirror::endpointIdsOfNetwork(const QString& networkId) const
{
    auto it = m_endpointsByNetwork.constFind(networkId.toUpper());
    return sortedIds(it == m_endpointsByNetwork.cend() ? nullptr : &it.value());
}

QStringList HostMirror::endpointIdsOfNamespace(const QString& namespaceId) const
{
    auto it = m_endpointsByNamespace.constFind(namespaceId.toUpper());
    return sortedIds(it == m_endpointsByNamespace.cend() ? nullptr : &it.value());
}

void HostMirror::store(MirrorObject object)
{
    erase(object.id);
    index(object, +1);
    const QString id = object.id;
    m_objects.insert(id, std::move(object));
}

void HostMirror::erase(const QString& id)
{
    auto it = m_objects.find(id);
    if (it == m_objects.end())
        return;
    index(it.value(), -1);
    m_objects.erase(it);
}

void HostMirror::index(const MirrorObject& object, int delta)
{
    m_counts[int(object.kind)] += delta;
    if (object.kind != ResourceKind::Endpoint)
        return;
    auto update = [&](QHash<QString, QSet<QString>>& byParent, const QString& parent) {
        if (parent.isEmpty())
            return;
        if (delta > 0) {
            byParent[parent].insert(object.id);
        } else if (auto it = byParent.find(parent); it != byParent.end()) {
            it->remove(object.id);
            if (it->isEmpty())
                byParent.erase(it);
        }
    };
    update(m_endpointsByNetwork, parentId(object, "HostComputeNetwork"));
    update(m_endpointsByNamespace, parentId(object, "HostComputeNamespace"));
}

void HostMirror::rebuildIndexes()
{
    m_counts.clear();
    m_endpointsByNetwork.clear();
    m_endpointsByNamespace.clear();
    for (const MirrorObject& object : m_objects)
        index(object, +1);
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
    Pending::Entry entry;
    entry.notification = notification;
    if (!notification.data.empty()) {
        const QJsonObject base =
            QJsonDocument::fromJson(
                QByteArray::fromRawData(notification.data.data(), qsizetype(notification.data.size())))
                .object();
        entry.id = base.value(QStringLiteral("ID")).toString().toUpper();
        entry.data = base.value(QStringLiteral("Data")).toObject();
    }
    bool schedule = false;
    {
        std::lock_guard lock(m_pending->mutex);
        m_pending->entries.push_back(std::move(entry));
        schedule = !m_pending->scheduled;
        m_pending->scheduled = true;
    }
    if (schedule)
        QMetaObject::invokeMethod(this, &HostMirror::applyBatch, Qt::QueuedConnection);
}

void HostMirror::applyBatch()
{
    std::vector<Pending::Entry> entries;
    {
        std::lock_guard lock(m_pending->mutex);
        entries.swap(m_pending->entries);
        m_pending->scheduled = false;
    }
    if (entries.empty())
        return;

    QVector<Notification> batch;
    batch.reserve(qsizetype(entries.size()));
    for (const auto& entry : entries)
        batch.append(entry.notification);
    emit notificationsArrived(batch);

    // The state of every touched object before this batch, to emit the net effect only.
    QHash<QString, std::optional<MirrorObject>> before;
    auto touch = [&](const QString& id) {
        if (!before.contains(id)) {
            auto it = m_objects.constFind(id);
            before.insert(id, it == m_objects.cend() ? std::nullopt : std::optional<MirrorObject>(*it));
        }
    };
    auto upsert = [&](ResourceKind kind, const QString& id, const QJsonObject& document) {
        if (id.isEmpty() || document.isEmpty())
            return;
        touch(id);
        store(makeObject(kind, id, document));
    };
    auto drop = [&](const QString& id) {
        touch(id);
        erase(id);
    };

    quint64 missed = 0;
    bool disconnected = false;
    for (const auto& entry : entries) {
        const Notification& n = entry.notification;
        if (m_lastSequence != 0 && n.sequence > m_lastSequence + 1)
            missed += n.sequence - m_lastSequence - 1;
        if (n.sequence > m_lastSequence)
            m_lastSequence = n.sequence;
        const auto type = NotificationType(std::uint32_t(n.type) & ~NotificationFlagsReserved);
        switch (type) {
        case NotificationType::NetworkPreCreate:
        case NotificationType::NetworkCreate:
        case NotificationType::NetworkModify:
            upsert(ResourceKind::Network, entry.id, entry.data);
            break;
        case NotificationType::NetworkDelete:
            drop(entry.id);
            break;
        case NotificationType::NamespaceCreate:
        case NotificationType::NamespaceModify:
            upsert(ResourceKind::Namespace, entry.id, entry.data);
            break;
        case NotificationType::NamespaceDelete:
            drop(entry.id);
            break;
        case NotificationType::EndpointCreate:
        case NotificationType::EndpointModify:
            upsert(ResourceKind::Endpoint, entry.id, entry.data);
            break;
        case NotificationType::EndpointDelete:
            drop(entry.id);
            break;
        case NotificationType::NamespaceEndpointAttach:
        case NotificationType::NamespaceEndpointDetach:
            upsert(ResourceKind::Endpoint,
                   entry.data.value(QStringLiteral("EndpointId")).toString().toUpper(),
                   entry.data.value(QStringLiteral("Endpoint")).toObject());
            upsert(ResourceKind::Namespace, entry.id,
                   entry.data.value(QStringLiteral("Namespace")).toObject());
            break;
        case NotificationType::NamespaceContainerAttach:
        case NotificationType::NamespaceContainerDetach:
            upsert(ResourceKind::Namespace, entry.id,
                   entry.data.value(QStringLiteral("Namespace")).toObject());
            break;
        case NotificationType::LoadBalancerCreate:
        case NotificationType::LoadBalancerModify:
            upsert(ResourceKind::LoadBalancer, entry.id, entry.data);
            break;
        case NotificationType::LoadBalancerDelete:
            drop(entry.id);
            break;
        case NotificationType::GuestNetworkServiceCreate:
            upsert(ResourceKind::GuestNetworkService, entry.id, entry.data);
            break;
        case NotificationType::GuestNetworkServiceDelete:
            drop(entry.id);
            break;
        case NotificationType::RouteCreate:
        case NotificationType::RouteModify:
            upsert(ResourceKind::SdnRoute, entry.id, entry.data);
            break;
        case NotificationType::RouteDelete:
            drop(entry.id);
            break;
        case NotificationType::ServiceDisconnect:
            disconnected = true;
            break;
        default:
            break; // policy events come with the owner's Modify; the rest carries no state
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
        return parentRank(a.kind) > parentRank(b.kind);
    });
    std::sort(added.begin(), added.end(), [](const MirrorObject* a, const MirrorObject* b) {
        return parentRank(a->kind) < parentRank(b->kind);
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
        m_pending->entries.clear();
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
        m_pending->entries.clear();
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
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(*snapshot), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return Status(hr::InvalidJson,
                      "The host's snapshot is not a JSON object: " + error.errorString().toStdString());
    const QJsonObject root = document.object();
    for (const SnapshotSection& section : kSections) {
        for (const QJsonValue& value : root.value(QLatin1String(section.key)).toArray()) {
            QJsonObject object = value.toObject();
            const QString id = object.value(QStringLiteral("ID")).toString().toUpper();
            if (!id.isEmpty())
                out.insert(id, makeObject(section.kind, id, std::move(object)));
        }
    }
    return Status::success();
}

void HostMirror::replaceContent(QHash<QString, MirrorObject> objects, bool emitDifferences)
{
    if (!emitDifferences) {
        m_objects = std::move(objects);
        rebuildIndexes();
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
        return parentRank(a.kind) > parentRank(b.kind);
    });
    std::sort(addedObjects.begin(), addedObjects.end(), [](const MirrorObject* a, const MirrorObject* b) {
        return parentRank(a->kind) < parentRank(b->kind);
    });
    QStringList added;
    for (const MirrorObject* object : addedObjects)
        added.append(object->id);
    m_objects = std::move(objects);
    rebuildIndexes();
    if (!removed.isEmpty())
        emit objectsRemoved(removed);
    if (!added.isEmpty())
        emit objectsAdded(added);
    if (!changed.isEmpty())
        emit objectsChanged(changed);
}

} // namespace hcn::ui
