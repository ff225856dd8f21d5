#pragma once
// HostState: a copy of one HCN host (every object's document by kind and ID) kept from the notification
// stream alone. The one place that knows what each notification does to such a copy (which event adds,
// changes or removes which object of which kind, docs/notifications.md), and the document queries every
// client shares: the endpoints of a network, namespace membership, remote endpoints.
//
// Reading a notification (parseNotification) and applying it (HostState::apply) are separate steps so
// a client can parse on its delivery thread and apply where it keeps the copy. A HostState itself is
// not synchronized: one thread at a time.

#include "hcn/notification.h"
#include "hcn/resource_kind.h"
#include "hcn/status.h"

#include <array>
#include <cstddef>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace hcn {

/// A parsed document, shared between the notification it came in and the copies that keep it.
using HostDocument = std::shared_ptr<const nlohmann::json>;

/// One object of a host copy.
struct HostObject
{
    ResourceKind kind = ResourceKind::Invalid;
    /// Upper-case GUID text, as HCN documents spell IDs.
    std::string id;
    /// The v2 document as a query returns it; never null.
    HostDocument document;
};

/// One step a notification asks of a host copy.
struct HostUpdate
{
    enum class Op
    {
        Create, ///< store a new object
        Modify, ///< store a new document for a known object
        Delete, ///< drop a known object
        Expect, ///< nothing changes; the event names an object the copy should know
    };
    Op op = Op::Expect;
    ResourceKind kind = ResourceKind::Invalid;
    /// Upper-case GUID text.
    std::string id;
    /// Create / Modify: the document to store (part of the notification's Data); null otherwise.
    HostDocument document;
};

/// A notification read once: its NotificationBase fields and what it does to a host copy.
struct ParsedNotification
{
    std::uint64_t sequence = 0;
    /// The type with the reserved flag bits masked off.
    NotificationType type = NotificationType::Invalid;
    HResult status = hr::Ok;
    /// What the notification is about: notificationResourceKind(), or a policy event's ObjectType.
    ResourceKind kind = ResourceKind::Invalid;
    /// "ID", upper case; empty when absent (ServiceDisconnect).
    std::string objectId;
    /// "Data"; a null value when absent. Never null itself.
    HostDocument data;
    /// Why the payload could not be read (not JSON, not an object); empty when it could.
    std::string error;
    /// In the order they apply.
    std::vector<HostUpdate> updates;
};

/// Parses `notification.data` (with the limits every document from outside gets) and works out its
/// updates. Thread-safe: it touches no copy.
ParsedNotification parseNotification(const Notification& notification);
/// The same for a NotificationBase already parsed ({"ID","Flags","Data"}; `base` is taken apart), as a
/// recording holds it. Thread-safe.
ParsedNotification parseNotificationBase(std::uint64_t sequence, NotificationType type, HResult status,
                                         nlohmann::json base);

/// What applying changed, one entry per object.
struct HostChange
{
    enum class Type
    {
        Added,
        Changed,
        Removed
    };
    Type type = Type::Added;
    ResourceKind kind = ResourceKind::Invalid;
    std::string id;
    /// Added / Changed: the document now; Removed: the last one.
    HostDocument document;
};

/// A difference between two copies told as the notification the engine sends for it: the kind's
/// create, modify or delete event with the whole document as Data (a removed endpoint keeps its Name
/// and network), as pollers report what they found by diffing.
struct ChangeNotification
{
    NotificationType type = NotificationType::Invalid;
    /// NotificationBase: {"ID","Flags":0,"Data":{...}}.
    nlohmann::json base;
};

/// The notifications for `changes` (HostState::assign's result), in an order a copy applies them in:
/// removals first (endpoints before their networks), then additions and modifications (networks first).
std::vector<ChangeNotification> notificationsForChanges(std::vector<HostChange> changes);

/// Every object of an Api::snapshot() document ({"Networks":[..],"Endpoints":[..],...}).
Result<std::vector<HostObject>> parseHostSnapshot(std::string_view text);

/// The objects of a host copy as HostState::shared() hands them out: each shared with the copy, never
/// changed (a change stores a new object).
using SharedHostObjects = std::vector<std::shared_ptr<const HostObject>>;

class HostState
{
public:
    HostState() = default;
    /// A copy holding `objects` (another copy's shared()), indexed here: the way to move a host to
    /// another thread, where the owner's thread only takes shared() and this runs on the other thread.
    explicit HostState(const SharedHostObjects& objects);

    /// Every object, shared with this copy (no ID or document is copied: one reference each, about a
    /// tenth of what copying the HostState with its map and indexes costs), in no particular order.
    SharedHostObjects shared() const;

    /// Parses and applies one notification.
    std::vector<HostChange> apply(const Notification& notification,
                                  std::vector<std::string>* surprises = nullptr);
    /// Applies a parsed notification. `surprises` (optional) receives one line per update the copy
    /// could not square with what it holds (a Modify of an unknown object, a Delete of a missing one):
    /// signs that the copy missed events. The copy follows the event regardless.
    std::vector<HostChange> apply(const ParsedNotification& notification,
                                  std::vector<std::string>* surprises = nullptr);
    /// Replaces the content; returns the differences (Removed, then Added, then Changed).
    std::vector<HostChange> assign(std::vector<HostObject> objects);
    void clear();

    /// Null when unknown; `id` in any case. Valid until the object changes.
    const HostObject* find(std::string_view id) const;
    /// The objects of a kind, ordered by ID.
    std::vector<const HostObject*> objects(ResourceKind kind) const;
    std::size_t size() const { return m_objects.size(); }
    std::size_t count(ResourceKind kind) const;
    /// IDs of the endpoints whose "HostComputeNetwork" is `networkId`, sorted.
    std::vector<std::string> endpointsOfNetwork(std::string_view networkId) const;
    /// IDs of the endpoints whose "HostComputeNamespace" is `namespaceId`, sorted.
    std::vector<std::string> endpointsOfNamespace(std::string_view namespaceId) const;

private:
    void store(std::shared_ptr<const HostObject> object);
    void erase(std::string_view id);
    void index(const HostObject& object, int delta);

    /// Keyed by a view of the object's own `id` (the object is shared and never changes).
    std::unordered_map<std::string_view, std::shared_ptr<const HostObject>> m_objects;
    std::array<std::size_t, 8> m_counts{};
    std::unordered_map<std::string, std::set<std::string>> m_endpointsByNetwork;
    std::unordered_map<std::string, std::set<std::string>> m_endpointsByNamespace;
};

/// An ID as copies key objects: upper-case GUID text (the null GUID gives empty text).
std::string canonicalObjectId(std::string_view text);
/// The order a copy's changes go in: networks (0) and namespaces (1) hold endpoints (2), which load
/// balancers, SDN routes and guest network services (3) refer to. Add in rising order, remove in
/// falling order.
int dependencyRank(ResourceKind kind);

/// The network an endpoint is on ("HostComputeNetwork"), canonical; empty when none.
std::string endpointNetworkId(const nlohmann::json& endpoint);
/// The namespace an endpoint is attached to ("HostComputeNamespace"), canonical; empty when none.
std::string endpointNamespaceId(const nlohmann::json& endpoint);
/// Flags bit 1 (RemoteEndpoint): a workload on another node.
bool isRemoteEndpoint(const nlohmann::json& endpoint);
/// The endpoints a namespace's Resources list (canonical IDs, in order; "ID" or "Id").
std::vector<std::string> namespaceEndpointIds(const nlohmann::json& ns);

} // namespace hcn
