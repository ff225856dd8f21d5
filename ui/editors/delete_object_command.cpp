#include "editors/delete_object_command.h"

#include "editors/hcn_calls.h"
#include "models/core_text.h"
#include "models/host_mirror.h"

#include <QJsonArray>
#include <algorithm>

namespace hcn::ui {
namespace {

/// Deletion order: what holds references goes first (a namespace releases its endpoints, a load
/// balancer its backends), networks last (they take their endpoints along).
int deleteRank(ResourceKind kind)
{
    switch (kind) {
    case ResourceKind::LoadBalancer:
    case ResourceKind::SdnRoute:
        return 0;
    case ResourceKind::Endpoint:
        return 1;
    case ResourceKind::Namespace:
        return 2;
    case ResourceKind::Network:
        return 3;
    default:
        return 4;
    }
}

/// Creation order for undo: networks, then endpoints, namespaces, load balancers.
int createRank(ResourceKind kind)
{
    switch (kind) {
    case ResourceKind::Network:
        return 0;
    case ResourceKind::Endpoint:
        return 1;
    case ResourceKind::Namespace:
        return 2;
    default:
        return 3;
    }
}

QJsonObject creatable(ResourceKind kind, QJsonObject doc)
{
    for (const char* field : {"Version", "State", "Health", "Telemetry"})
        doc.remove(QLatin1String(field));
    if (kind == ResourceKind::Endpoint)
        doc.remove(QStringLiteral("HostComputeNamespace")); // attached again through the namespace
    if (kind == ResourceKind::Namespace) {
        // Containers come back with the namespace; endpoints are re-attached one by one afterwards.
        QJsonArray containers;
        for (const auto& r : doc.value(QStringLiteral("Resources")).toArray())
            if (r.toObject().value(QStringLiteral("Type")).toString() != QLatin1String("Endpoint"))
                containers.append(r);
        if (containers.isEmpty())
            doc.remove(QStringLiteral("Resources"));
        else
            doc.insert(QStringLiteral("Resources"), containers);
    }
    return doc;
}

bool referencesEndpoint(const QJsonObject& lb, const QString& endpointId)
{
    const auto backends = lb.value(QStringLiteral("HostComputeEndpoints")).toArray();
    return std::any_of(backends.begin(), backends.end(), [&](const QJsonValue& v) {
        return v.toString().compare(endpointId, Qt::CaseInsensitive) == 0;
    });
}

} // namespace

DeleteObjectCommand::DeleteObjectCommand(HostMirror* mirror, CommandFeedback* feedback,
                                         const QStringList& ids, QUndoCommand* parent)
    : HostCommand(mirror, feedback, parent)
{
    QList<QString> seen;
    if (mirror)
        for (const QString& id : ids)
            capture(mirror, id, seen);
    QList<Saved>& restored = m_restore.objects;
    std::stable_sort(m_deleted.begin(), m_deleted.end(),
                     [](const Saved& a, const Saved& b) { return deleteRank(a.kind) < deleteRank(b.kind); });
    std::stable_sort(restored.begin(), restored.end(),
                     [](const Saved& a, const Saved& b) { return createRank(a.kind) < createRank(b.kind); });
    // Load balancers lose deleted endpoints from their backends; keep their documents to give them back.
    if (mirror) {
        for (const auto* lb : mirror->objects(ResourceKind::LoadBalancer)) {
            if (seen.contains(lb->id))
                continue;
            const bool touched = std::any_of(restored.begin(), restored.end(), [&](const Saved& s) {
                return s.kind == ResourceKind::Endpoint && referencesEndpoint(lb->document, s.id);
            });
            if (touched)
                m_restore.loadBalancersBefore << Saved{lb->kind, lb->id, lb->document, {}, {}};
        }
    }
    if (m_deleted.size() == 1) {
        const auto& s = m_deleted.front();
        const QString name = s.document.value(QStringLiteral("Name")).toString();
        const QString kindText = kindName(s.kind);
        setText(QObject::tr("Delete %1 %2").arg(kindText, name.isEmpty() ? s.id.left(8) : name));
    } else {
        setText(QObject::tr("Delete %n objects", nullptr, int(m_deleted.size())));
    }
}

void DeleteObjectCommand::capture(HostMirror* mirror, const QString& id, QList<QString>& seen)
{
    if (seen.contains(id))
        return;
    const MirrorObject* o = mirror->object(id);
    if (!o)
        return;
    seen << id;
    Saved saved{o->kind, o->id, o->document, {}, {}};
    if (o->kind == ResourceKind::Endpoint) {
        saved.networkId = o->document.value(QStringLiteral("HostComputeNetwork")).toString();
        saved.namespaceId = o->document.value(QStringLiteral("HostComputeNamespace")).toString();
    }
    m_deleted << saved;
    m_restore.objects << saved;
    if (o->kind == ResourceKind::Network) {
        // The host deletes the network's endpoints with it; undo brings them back too.
        for (const QString& epId : mirror->endpointIdsOfNetwork(id)) {
            if (seen.contains(epId))
                continue;
            if (const MirrorObject* ep = mirror->object(epId)) {
                seen << epId;
                m_restore.objects << Saved{
                    ep->kind, ep->id, ep->document, id,
                    ep->document.value(QStringLiteral("HostComputeNamespace")).toString()};
            }
        }
    }
    if (o->kind == ResourceKind::Namespace) {
        // Deleting a namespace detaches its endpoints; undo attaches them again.
        for (const QString& epId : mirror->endpointIdsOfNamespace(id))
            if (const MirrorObject* ep = mirror->object(epId); ep && !seen.contains(epId))
                m_restore.objects << Saved{ResourceKind::Invalid, ep->id, {}, {}, id}; // membership only
    }
}

Status DeleteObjectCommand::removeAll(Api& api, const QList<Saved>& deleted, const Restore& restore)
{
    for (qsizetype i = 0; i < deleted.size(); ++i) {
        const Status s = HcnCalls::remove(&api, deleted[i].kind, deleted[i].id);
        if (s.ok())
            continue;
        // Bring back what this redo already deleted, so the host is as before the command.
        // Best effort: what was not deleted refuses to be created again, and the first error counts.
        if (i > 0)
            (void)restoreAll(api, restore);
        return s;
    }
    return Status::success();
}

Status DeleteObjectCommand::restoreAll(Api& api, const Restore& restore)
{
    Status first = Status::success();
    auto note = [&](const Status& s) {
        if (first.ok() && !s.ok())
            first = s;
    };
    for (const auto& saved : restore.objects)
        if (saved.kind != ResourceKind::Invalid)
            note(HcnCalls::create(&api, saved.kind, saved.id, creatable(saved.kind, saved.document),
                                  saved.networkId)
                     .status());
    // Memberships after every object exists again (a re-created namespace before its endpoints' attach).
    for (const auto& saved : restore.objects)
        if (!saved.namespaceId.isEmpty() &&
            (saved.kind == ResourceKind::Endpoint || saved.kind == ResourceKind::Invalid))
            note(HcnCalls::setNamespaceMembership(&api, saved.namespaceId, saved.id, true));
    for (const auto& lb : restore.loadBalancersBefore)
        note(HcnCalls::modify(&api, ResourceKind::LoadBalancer, lb.id, creatable(lb.kind, lb.document)));
    return first;
}

void DeleteObjectCommand::redo()
{
    run(text(),
        [deleted = m_deleted, restore = m_restore](Api& api) { return removeAll(api, deleted, restore); });
}

void DeleteObjectCommand::undo()
{
    run(QObject::tr("Undo: %1").arg(text()),
        [restore = m_restore](Api& api) { return restoreAll(api, restore); });
}

} // namespace hcn::ui
