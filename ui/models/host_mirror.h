#pragma once
// HostMirror: the console's copy of one HCN host, kept current from the notification stream.
//
// beginAttach() hands the mirror an ApiWorker (an embedded engine or an hcnd connection); on the
// worker's thread it subscribes and loads a snapshot, and from then on the mirror applies every
// notification. Every API call of the mirror runs on its worker, never on the GUI thread. What a
// notification does to the copy is the core's hcn::HostState: each payload is parsed once, on the API's
// delivery thread (hcn::parseNotification), and applied on the GUI thread in batches (one per event-loop
// turn), so a burst of 50,000 events costs a handful of signal emissions, not 50,000. Every view of the console reads
// objects from here and follows its signals; none of them talks to the API for reading.
//
// A lost service connection (ServiceDisconnect) switches to Disconnected and retries reconnect() every
// second on the worker; once back, the mirror re-subscribes, re-reads everything and emits only the
// differences (resync). A gap in the sequence numbers (a slow console that the service had to skip)
// resyncs too. While a snapshot is on its way, notifications wait and are applied on top of it.

#include "hcn/api.h"
#include "hcn/host_state.h"
#include "hcn/notification.h"
#include "models/mirror_content.h"
#include "models/mirror_event.h"
#include "models/mirror_object.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QVector>
#include <functional>
#include <memory>

namespace hcn::ui {

class ApiWorker;
struct ResourceTree;

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

    /// Shows the host behind `worker` once the worker has subscribed and read every object: then the
    /// previous host's worker is released and reset() is emitted. Until then the previous host stays on
    /// screen, and it stays after a failure or a cancel. `done` runs on `context`'s thread with the
    /// outcome (E_ABORT when cancelled or replaced by a newer attach), then attachFinished is emitted.
    void beginAttach(std::unique_ptr<ApiWorker> worker, QObject* context = nullptr,
                     std::function<void(const Status&)> done = {});
    /// beginAttach() with a new worker for `api`.
    void beginAttach(std::shared_ptr<Api> api, QObject* context = nullptr,
                     std::function<void(const Status&)> done = {});
    /// Abandons a pending attach; the host shown stays.
    void cancelAttach();
    bool isAttaching() const { return m_incoming != nullptr; }
    /// beginAttach() and wait for the outcome in a local event loop (timers and events keep running),
    /// for tests, benchmarks and start-up code that has nothing on screen yet.
    Status attach(std::shared_ptr<Api> api);
    /// Unsubscribes and forgets everything (emits reset()).
    void detach();

    /// The worker every call to the host shown goes through (null when detached).
    ApiWorker* worker() const { return m_worker.get(); }
    /// Versions and endpoint, read at attach().
    const ApiInfo& info() const { return m_info; }
    ConnectionState state() const { return m_state; }

    /// Null when unknown. Pointers stay valid until the next batch is applied.
    const MirrorObject* object(const QString& id) const;
    /// Objects of a kind, ordered by name then ID.
    QList<const MirrorObject*> objects(ResourceKind kind) const;
    /// `ids` in the same order: by their objects' names (case-insensitive), then ID; unknown IDs first.
    QStringList idsByName(QStringList ids) const;
    int count(ResourceKind kind) const;
    /// IDs of the endpoints whose "HostComputeNetwork" is `networkId`.
    QStringList endpointIdsOfNetwork(const QString& networkId) const;
    /// IDs of the endpoints whose "HostComputeNamespace" is `namespaceId`.
    QStringList endpointIdsOfNamespace(const QString& namespaceId) const;
    /// The core's copy of the objects shown (what the health checks start from).
    const HostState& hostState() const { return m_content.state; }
    /// The objects shown and the lookups above, as plain data.
    const MirrorContent& content() const { return m_content; }

    /// Whether an attach also builds the resource tree of the new host on the worker (a tree model
    /// asks for it), so the GUI thread only swaps it in.
    void setPreparesResourceTree(bool prepares);
    /// During reset() after an attach: the tree of the new content built on the worker, once (the
    /// first taker gets it; later ones and other moments get null and build their own).
    std::shared_ptr<ResourceTree> takePreparedTree();
    /// Lets go of `garbage` on the worker's thread (a replaced host's objects or tree rows, whose
    /// destruction would hold up the GUI thread); here when detached.
    void dropOnWorker(std::shared_ptr<void> garbage);
    /// The stream position of the last notification applied (0 before the first).
    quint64 lastSequence() const { return m_lastSequence; }

    /// Re-reads every object on the worker and emits objectsAdded/Changed/Removed for the differences
    /// only; resyncFinished tells the outcome.
    void resync();
    /// resync() with the host given rather than read from the API (a recording's moment, built off the
    /// GUI thread, hcn::RecordingReader::hostAfter): no snapshot text is rendered or parsed; the worker
    /// converts only the documents that are not the ones shown (by identity) and the differences are
    /// emitted as resync() does.
    void resyncTo(HostState state);

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
    /// The outcome of an attach (after reset() on success).
    void attachFinished(const hcn::Status& status);
    /// The outcome of a resync (after the difference signals on success).
    void resyncFinished(const hcn::Status& status);

private:
    struct Pending;
    struct Gate;
    struct Loaded;
    enum class LoadMode
    {
        Attach,    ///< info, subscribe, snapshot
        Reconnect, ///< reconnect first, then as Attach
        Resync,    ///< snapshot only (the subscription stays)
    };
    void enqueue(const Notification& notification); // delivery thread
    void applyBatch();
    void setState(ConnectionState state);
    void tryReconnect();
    /// Worker thread: what a (re)attach or resync reads. Subscribes through `gate` unless resyncing.
    static Result<Loaded> load(Api& api, const std::shared_ptr<Gate>& gate, LoadMode mode,
                               bool buildTree = false);
    void finishAttach(ApiWorker* incoming, const std::shared_ptr<Gate>& gate, Result<Loaded> loaded);
    void finishReconnect(const std::shared_ptr<Gate>& gate, Result<Loaded> loaded);
    /// Makes `gate` the current subscription: its held events go to the pending batch.
    void openGate(const std::shared_ptr<Gate>& gate, SubscriptionId id);
    /// Stops the current subscription's events and drops it on the worker.
    void unsubscribe();
    /// Takes a snapshot's objects and the core's copy of them (both read on the worker).
    void replaceContent(MirrorContent content, bool emitDifferences);

    std::unique_ptr<ApiWorker> m_worker;
    ApiInfo m_info;
    ConnectionState m_state = ConnectionState::Detached;
    SubscriptionId m_subscription = 0;
    MirrorContent m_content;
    bool m_preparesTree = false;
    /// The tree built with the content being taken (only while reset() is emitted).
    std::shared_ptr<ResourceTree> m_preparedTree;
    quint64 m_lastSequence = 0;
    QTimer m_reconnectTimer;
    std::shared_ptr<Pending> m_pending;
    std::shared_ptr<Gate> m_gate;
    /// A host on its way in (beginAttach), and who waits for it.
    std::unique_ptr<ApiWorker> m_incoming;
    std::shared_ptr<Gate> m_incomingGate;
    std::function<void(const Status&)> m_incomingDone;
    QPointer<QObject> m_incomingContext;
    bool m_incomingHasContext = false;
    bool m_reconnecting = false;
    /// A resync's snapshot is on its way: notifications wait for it.
    bool m_loading = false;
};

} // namespace hcn::ui

Q_DECLARE_METATYPE(hcn::ui::ConnectionState)
