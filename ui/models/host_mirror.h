#pragma once
// HostMirror: the console's copy of one HCN host, kept current from the notification stream.
//
// attach() subscribes to an hcn::Api (embedded engine or hcnd connection), loads a snapshot and from
// then on applies every notification. What a notification does to the copy is the core's
// hcn::HostState: each payload is parsed once, on the API's delivery thread (hcn::parseNotification),
// and the parsed results are applied on the GUI thread in batches (one per event-loop turn), so a burst
// of 50,000 events costs a handful of signal emissions, not 50,000. Every view of the console reads
// objects from here and follows its signals; none of them talks to the API for reading.
//
// A lost service connection (ServiceDisconnect) switches to Disconnected and retries reconnect() every
// second; once back, the mirror re-subscribes, re-reads everything and emits only the differences
// (resync). A gap in the sequence numbers (a slow console that the service had to skip) resyncs too.

#include "hcn/api.h"
#include "hcn/host_state.h"
#include "hcn/notification.h"
#include "models/mirror_event.h"
#include "models/mirror_object.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QVector>
#include <memory>

namespace hcn::ui {

enum class ConnectionState
{
    Detached,     ///< no API
    Connected,    ///< subscribed and current
    Disconnected, ///< the service went away; reconnecting
};

class HostMirror : public QObject
{
    Q_OBJECT
public:
    explicit HostMirror(QObject* parent = nullptr);
    ~HostMirror() override;

    /// Subscribes to `api`, loads every object and emits reset(). On failure the mirror keeps its
    /// previous API and content and returns the reason.
    Status attach(std::shared_ptr<Api> api);
    /// Unsubscribes and forgets everything (emits reset()).
    void detach();

    Api* api() const { return m_api.get(); }
    std::shared_ptr<Api> sharedApi() const { return m_api; }
    /// Versions and endpoint, read at attach().
    const ApiInfo& info() const { return m_info; }
    ConnectionState state() const { return m_state; }

    /// Null when unknown. Pointers stay valid until the next batch is applied.
    const MirrorObject* object(const QString& id) const;
    /// Objects of a kind, ordered by name then ID.
    QList<const MirrorObject*> objects(ResourceKind kind) const;
    int count(ResourceKind kind) const;
    /// IDs of the endpoints whose "HostComputeNetwork" is `networkId`.
    QStringList endpointIdsOfNetwork(const QString& networkId) const;
    /// IDs of the endpoints whose "HostComputeNamespace" is `namespaceId`.
    QStringList endpointIdsOfNamespace(const QString& namespaceId) const;
    /// The stream position of the last notification applied (0 before the first).
    quint64 lastSequence() const { return m_lastSequence; }

    /// Re-reads every object and emits objectsAdded/Changed/Removed for the differences only.
    Status resync();

    /// Applies queued notifications now instead of at the next event-loop turn (tests, benchmarks).
    void flushPending();

signals:
    /// The whole content was replaced (attach, detach).
    void reset();
    /// The notifications of one batch (parsed), in stream order, before the content signals below.
    void notificationsArrived(const QVector<hcn::ui::MirrorEvent>& batch);
    /// Removed objects (their last state), children (endpoints) before their parents.
    void objectsRemoved(const QList<hcn::ui::MirrorObject>& removed);
    /// Objects that appeared, parents (networks, namespaces) before children.
    void objectsAdded(const QStringList& ids);
    /// Objects whose document changed.
    void objectsChanged(const QStringList& ids);
    void connectionStateChanged(hcn::ui::ConnectionState state);
    /// Notifications were lost (sequence gap); a resync follows.
    void eventsMissed(quint64 count);

private:
    struct Pending;
    void enqueue(const Notification& notification); // delivery thread
    void applyBatch();
    void setState(ConnectionState state);
    void tryReconnect();
    Status subscribe();
    void unsubscribe();
    Status loadAll(QHash<QString, MirrorObject>& out) const;
    void replaceContent(QHash<QString, MirrorObject> objects, bool emitDifferences);
    /// Makes m_hostState hold what m_objects holds (after a snapshot replaced it).
    void rebuildState();

    std::shared_ptr<Api> m_api;
    ApiInfo m_info;
    ConnectionState m_state = ConnectionState::Detached;
    SubscriptionId m_subscription = 0;
    QHash<QString, MirrorObject> m_objects;
    // The same objects as the core keeps them: counts, endpoints per network and per namespace.
    HostState m_hostState;
    quint64 m_lastSequence = 0;
    QTimer m_reconnectTimer;
    std::shared_ptr<Pending> m_pending;
};

} // namespace hcn::ui

Q_DECLARE_METATYPE(hcn::ui::ConnectionState)
