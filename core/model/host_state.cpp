#include "hcn/host_state.h"

#include "common/text.h"
#include "hcn/endpoint_flags.h"
#include "hcn/guid.h"
#include "hcn/schema_normalizer.h"

#include <algorithm>
#include <cctype>

namespace hcn {

namespace {

using PlainJson = nlohmann::json;
using T = NotificationType;
using Op = HostUpdate::Op;

const HostDocument& nullDocument()
{
    static const HostDocument null = std::make_shared<const PlainJson>();
    return null;
}

const PlainJson* member(const PlainJson& object, const char* key)
{
    if (!object.is_object())
        return nullptr;
    auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

std::string stringMember(const PlainJson& object, const char* key)
{
    const PlainJson* value = member(object, key);
    return value && value->is_string() ? value->get<std::string>() : std::string();
}

/// A GUID-valued field's canonical ID; empty when it is no string.
std::string idField(const PlainJson& value)
{
    return value.is_string() ? canonicalObjectId(std::string_view(value.get_ref<const std::string&>()))
                             : std::string();
}

/// A document inside `data`, sharing its ownership (no copy); null when absent or not an object.
HostDocument part(const HostDocument& data, const char* key)
{
    const PlainJson* value = key ? member(*data, key) : data.get();
    return value && value->is_object() ? HostDocument(data, value) : nullptr;
}

/// What each notification does to a copy. Data documents are whole documents (docs/notifications.md).
void addUpdates(ParsedNotification& p)
{
    auto add = [&](Op op, ResourceKind kind, std::string id, HostDocument document = nullptr) {
        if (id.empty())
            return;
        if ((op == Op::Create || op == Op::Modify) && !document)
            return; // a store without a document would lose the object's state: leave it as it is
        p.updates.push_back(HostUpdate{op, kind, std::move(id), std::move(document)});
    };
    const PlainJson& data = *p.data;
    switch (p.type) {
    case T::NetworkCreate:
    case T::NamespaceCreate:
    case T::EndpointCreate:
    case T::LoadBalancerCreate:
    case T::RouteCreate:
    case T::GuestNetworkServiceCreate:
        add(Op::Create, p.kind, p.objectId, part(p.data, nullptr));
        break;
    case T::NetworkModify:
    case T::NamespaceModify:
    case T::EndpointModify:
    case T::LoadBalancerModify:
    case T::RouteModify:
    case T::GuestNetworkServiceModify:
        add(Op::Modify, p.kind, p.objectId, part(p.data, nullptr));
        break;
    case T::NetworkDelete:
    case T::NamespaceDelete:
    case T::EndpointDelete:
    case T::LoadBalancerDelete:
    case T::RouteDelete:
    case T::GuestNetworkServiceDelete:
        add(Op::Delete, p.kind, p.objectId);
        break;
    case T::NetworkPreDelete:
        add(Op::Expect, ResourceKind::Network, p.objectId);
        break;
    case T::NamespaceEndpointAttach:
    case T::NamespaceEndpointDetach:
        add(Op::Modify, ResourceKind::Endpoint, canonicalObjectId(stringMember(data, "EndpointId")),
            part(p.data, "Endpoint"));
        add(Op::Modify, ResourceKind::Namespace, p.objectId, part(p.data, "Namespace"));
        break;
    case T::NamespaceContainerAttach:
    case T::NamespaceContainerDetach:
        add(Op::Modify, ResourceKind::Namespace, p.objectId, part(p.data, "Namespace"));
        break;
    case T::NetworkEndpointAttached:
    case T::NetworkEndpointDetached:
        add(Op::Expect, ResourceKind::Endpoint, p.objectId);
        add(Op::Expect, ResourceKind::Namespace, canonicalObjectId(stringMember(data, "NamespaceId")));
        break;
    default:
        // NetworkPreCreate: the Create that follows carries the same document. Policy events: the
        // owner's Modify carries the change. GNS state changes: GuestNetworkServiceModify does.
        break;
    }
}

bool sameDocument(const HostDocument& a, const HostDocument& b)
{
    return a == b || *a == *b;
}

} // namespace

int dependencyRank(ResourceKind kind)
{
    switch (kind) {
    case ResourceKind::Network:
        return 0;
    case ResourceKind::Namespace:
        return 1;
    case ResourceKind::Endpoint:
        return 2;
    default:
        return 3;
    }
}

std::string canonicalObjectId(std::string_view text)
{
    if (auto guid = Guid::parse(text))
        return guid->isNull() ? std::string() : guid->toString(GuidCase::Upper);
    return upperCopy(text);
}

std::string endpointNetworkId(const PlainJson& endpoint)
{
    const PlainJson* value = member(endpoint, "HostComputeNetwork");
    return value ? idField(*value) : std::string();
}

std::string endpointNamespaceId(const PlainJson& endpoint)
{
    const PlainJson* value = member(endpoint, "HostComputeNamespace");
    return value ? idField(*value) : std::string();
}

bool isRemoteEndpoint(const PlainJson& endpoint)
{
    const PlainJson* flags = member(endpoint, "Flags");
    return flags && flags->is_number_integer() && (flags->get<std::int64_t>() & kRemoteEndpointFlag) != 0;
}

std::vector<std::string> namespaceEndpointIds(const PlainJson& ns)
{
    std::vector<std::string> ids;
    const PlainJson* resources = member(ns, "Resources");
    if (!resources || !resources->is_array())
        return ids;
    for (const PlainJson& resource : *resources) {
        if (!equalsIgnoreCase(stringMember(resource, "Type"), "Endpoint"))
            continue;
        const PlainJson* data = member(resource, "Data");
        if (!data)
            continue;
        // hcsshim reads "ID", the documentation says "Id": accept both.
        std::string id = canonicalObjectId(stringMember(*data, "ID"));
        if (id.empty())
            id = canonicalObjectId(stringMember(*data, "Id"));
        if (!id.empty())
            ids.push_back(std::move(id));
    }
    return ids;
}

ParsedNotification parseNotification(const Notification& notification)
{
    PlainJson base;
    if (!notification.data.empty()) {
        if (Status s = schema::parseObject(notification.data, base); !s.ok()) {
            ParsedNotification p;
            p.sequence = notification.sequence;
            p.type = baseNotificationType(notification.type);
            p.status = notification.status;
            p.kind = notificationResourceKind(p.type);
            p.data = nullDocument();
            p.error = s.detail();
            return p;
        }
    }
    return parseNotificationBase(notification.sequence, notification.type, notification.status,
                                 std::move(base));
}

ParsedNotification parseNotificationBase(std::uint64_t sequence, NotificationType type, HResult status,
                                         PlainJson base)
{
    ParsedNotification p;
    p.sequence = sequence;
    p.type = baseNotificationType(type);
    p.status = status;
    p.kind = notificationResourceKind(p.type);
    p.data = nullDocument();
    if (!base.is_object())
        return p;
    p.objectId = canonicalObjectId(stringMember(base, "ID"));
    if (auto data = base.find("Data"); data != base.end() && !data->is_null())
        p.data = std::make_shared<const PlainJson>(std::move(*data));
    if (p.kind == ResourceKind::Invalid) {
        const std::string objectType = stringMember(*p.data, "ObjectType"); // policy events
        if (objectType == "Network" || objectType == "Endpoint")
            p.kind = resourceKindFromName(objectType);
    }
    addUpdates(p);
    return p;
}

Result<std::vector<HostObject>> parseHostSnapshot(std::string_view text)
{
    PlainJson root;
    if (Status s = schema::parseObject(text, root); !s.ok())
        return Status(s.code(), "the host's snapshot: " + s.detail());
    std::vector<HostObject> objects;
    for (ResourceKind kind : kResourceKinds) {
        auto section = root.find(std::string(resourceKindPlural(kind)));
        if (section == root.end() || !section->is_array())
            continue;
        for (PlainJson& document : *section) {
            if (!document.is_object())
                continue;
            std::string id = canonicalObjectId(stringMember(document, "ID"));
            if (id.empty())
                continue;
            objects.push_back(
                HostObject{kind, std::move(id), std::make_shared<const PlainJson>(std::move(document))});
        }
    }
    return objects;
}

std::vector<HostChange> HostState::apply(const Notification& notification,
                                         std::vector<std::string>* surprises)
{
    return apply(parseNotification(notification), surprises);
}

std::vector<HostChange> HostState::apply(const ParsedNotification& notification,
                                         std::vector<std::string>* surprises)
{
    std::vector<HostChange> changes;
    auto surprise = [&](const HostUpdate& update, const char* what) {
        if (surprises)
            surprises->push_back(std::string(notificationTypeName(notification.type)) + " " + what + " " +
                                 std::string(resourceKindName(update.kind)) + " " + update.id);
    };
    for (const HostUpdate& update : notification.updates) {
        auto it = m_objects.find(update.id);
        const bool known = it != m_objects.end() && it->second->kind == update.kind;
        switch (update.op) {
        case Op::Create:
        case Op::Modify:
            if (update.op == Op::Create && known)
                surprise(update, "creates the known");
            else if (update.op == Op::Modify && !known)
                surprise(update, "modifies the unknown");
            if (it != m_objects.end() && !known) {
                // The ID names an object of another kind: as in assign(), that one goes and this one
                // comes, so whoever follows the old kind lets it go.
                surprise(update, "reuses another kind's ID for");
                changes.push_back(
                    {HostChange::Type::Removed, it->second->kind, update.id, it->second->document});
                erase(update.id);
                it = m_objects.end();
            }
            if (it == m_objects.end())
                changes.push_back({HostChange::Type::Added, update.kind, update.id, update.document});
            else if (!sameDocument(it->second->document, update.document))
                changes.push_back({HostChange::Type::Changed, update.kind, update.id, update.document});
            else
                break; // the same document again: nothing to tell
            store(std::make_shared<const HostObject>(HostObject{update.kind, update.id, update.document}));
            break;
        case Op::Delete:
            if (!known) {
                // Not held, or the ID names an object of another kind, which stays.
                surprise(update, "deletes the unknown");
                break;
            }
            changes.push_back({HostChange::Type::Removed, it->second->kind, update.id, it->second->document});
            erase(update.id);
            break;
        case Op::Expect:
            if (!known)
                surprise(update, "names the unknown");
            break;
        }
    }
    return changes;
}

std::vector<HostChange> HostState::assign(std::vector<HostObject> objects)
{
    std::unordered_map<std::string_view, std::shared_ptr<const HostObject>> incoming;
    incoming.reserve(objects.size());
    for (HostObject& object : objects) {
        auto shared = std::make_shared<const HostObject>(std::move(object));
        const std::string_view id = shared->id;
        incoming.erase(id); // the last of one ID wins; its key must view the object kept
        incoming.emplace(id, std::move(shared));
    }
    std::vector<HostChange> removed, added, changed;
    for (const auto& [id, object] : m_objects)
        if (!incoming.count(id))
            removed.push_back({HostChange::Type::Removed, object->kind, object->id, object->document});
    for (const auto& [id, object] : incoming) {
        auto old = m_objects.find(id);
        if (old == m_objects.end()) {
            added.push_back({HostChange::Type::Added, object->kind, object->id, object->document});
        } else if (old->second->kind != object->kind) {
            // The ID now names an object of another kind: the old one is gone, the new one is new (a
            // change would leave whoever follows the old kind holding it).
            removed.push_back(
                {HostChange::Type::Removed, old->second->kind, old->second->id, old->second->document});
            added.push_back({HostChange::Type::Added, object->kind, object->id, object->document});
        } else if (!sameDocument(old->second->document, object->document)) {
            changed.push_back({HostChange::Type::Changed, object->kind, object->id, object->document});
        }
    }
    std::stable_sort(removed.begin(), removed.end(), [](const HostChange& a, const HostChange& b) {
        return dependencyRank(a.kind) > dependencyRank(b.kind);
    });
    std::stable_sort(added.begin(), added.end(), [](const HostChange& a, const HostChange& b) {
        return dependencyRank(a.kind) < dependencyRank(b.kind);
    });
    clear();
    for (auto& [id, object] : incoming)
        store(std::move(object));
    std::vector<HostChange> changes = std::move(removed);
    changes.insert(changes.end(), std::make_move_iterator(added.begin()),
                   std::make_move_iterator(added.end()));
    changes.insert(changes.end(), std::make_move_iterator(changed.begin()),
                   std::make_move_iterator(changed.end()));
    return changes;
}

HostState::HostState(const SharedHostObjects& objects)
{
    m_objects.reserve(objects.size());
    for (const auto& object : objects)
        if (object)
            store(object);
}

SharedHostObjects HostState::shared() const
{
    SharedHostObjects out;
    out.reserve(m_objects.size());
    for (const auto& [id, object] : m_objects)
        out.push_back(object);
    return out;
}

void HostState::clear()
{
    m_objects.clear();
    m_counts.fill(0);
    m_endpointsByNetwork.clear();
    m_endpointsByNamespace.clear();
}

const HostObject* HostState::find(std::string_view id) const
{
    const std::string canonical = canonicalObjectId(id);
    auto it = m_objects.find(std::string_view(canonical));
    return it == m_objects.end() ? nullptr : it->second.get();
}

std::vector<const HostObject*> HostState::objects(ResourceKind kind) const
{
    std::vector<const HostObject*> out;
    out.reserve(count(kind));
    for (const auto& [id, object] : m_objects)
        if (object->kind == kind)
            out.push_back(object.get());
    std::sort(out.begin(), out.end(), [](const HostObject* a, const HostObject* b) { return a->id < b->id; });
    return out;
}

std::size_t HostState::count(ResourceKind kind) const
{
    const auto slot = static_cast<std::size_t>(kind);
    return slot < m_counts.size() ? m_counts[slot] : 0;
}

namespace {

std::vector<std::string> membersOf(const std::unordered_map<std::string, std::set<std::string>>& index,
                                   std::string_view parent)
{
    auto it = index.find(canonicalObjectId(parent));
    return it == index.end() ? std::vector<std::string>()
                             : std::vector<std::string>(it->second.begin(), it->second.end());
}

} // namespace

std::vector<std::string> HostState::endpointsOfNetwork(std::string_view networkId) const
{
    return membersOf(m_endpointsByNetwork, networkId);
}

std::vector<std::string> HostState::endpointsOfNamespace(std::string_view namespaceId) const
{
    return membersOf(m_endpointsByNamespace, namespaceId);
}

void HostState::store(std::shared_ptr<const HostObject> object)
{
    erase(object->id); // the key views the object's ID: a replaced entry goes with its object
    index(*object, +1);
    const std::string_view id = object->id;
    m_objects.emplace(id, std::move(object));
}

void HostState::erase(std::string_view id)
{
    auto it = m_objects.find(id);
    if (it == m_objects.end())
        return;
    index(*it->second, -1);
    m_objects.erase(it);
}

void HostState::index(const HostObject& object, int delta)
{
    const auto slot = static_cast<std::size_t>(object.kind);
    if (slot < m_counts.size())
        m_counts[slot] = delta > 0 ? m_counts[slot] + 1 : m_counts[slot] - 1;
    if (object.kind != ResourceKind::Endpoint)
        return;
    auto update = [&](std::unordered_map<std::string, std::set<std::string>>& byParent, std::string parent) {
        if (parent.empty())
            return;
        if (delta > 0) {
            byParent[std::move(parent)].insert(object.id);
        } else if (auto it = byParent.find(parent); it != byParent.end()) {
            it->second.erase(object.id);
            if (it->second.empty())
                byParent.erase(it);
        }
    };
    update(m_endpointsByNetwork, endpointNetworkId(*object.document));
    update(m_endpointsByNamespace, endpointNamespaceId(*object.document));
}

} // namespace hcn
