#include "editors/delete_object_command.h"

#include "editors/command_feedback.h"
#include "editors/hcn_calls.h"
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
    : QUndoCommand(parent), m_mirror(mirror), m_feedback(feedback)
{
    QList<QString> seen;
    for (const QString& id : ids)
        capture(id, seen);
    std::stable_sort(m_deleted.begin(), m_deleted.end(),
                     [](const Saved& a, const Saved& b) { return deleteRank(a.kind) < deleteRank(b.kind); });
    std::stable_sort(m_restored.begin(), m_restored.end(),
                     [](const Saved& a, const Saved& b) { return createRank(a.kind) < createRank(b.kind); });
    // Load balancers lose deleted endpoints from their backends; keep their documents to give them back.
    if (mirror) {
        for (const auto* lb : mirror->objects(ResourceKind::LoadBalancer)) {
            if (seen.contains(lb->id))
                continue;
            const bool touched = std::any_of(m_restored.begin(), m_restored.end(), [&](const Saved& s) {
                return s.kind == ResourceKind::Endpoint && referencesEndpoint(lb->document, s.id);
            });
            if (touched)
                m_loadBalancersBefore << Saved{lb->kind, lb->id, lb->document, {}, {}};
        }
    }
    if (m_deleted.size() == 1) {
        const auto& s = m_deleted.front();
        const QString name = s.document.value(QStringLiteral("Name")).toString();
        const QString kindName =
            QString::fromUtf8(resourceKindName(s.kind).data(), qsizetype(resourceKindName(s.kind).size()));
        setText(QObject::tr("Delete %1 %2").arg(kindName, name.isEmpty() ? s.id.left(8) : name));
    } else {
        setText(QObject::tr("Delete %n objects", nullptr, int(m_deleted.size())));
    }
}

void DeleteObjectCommand::capture(const QString& id, QList<QString>& seen)
{
    if (!m_mirror || seen.contains(id))
        return;
    const MirrorObject* o = m_mirror->object(id);
    if (!o)
        return;
    seen << id;
    Saved saved{o->kind, o->id, o->document, {}, {}};
    if (o->kind == ResourceKind::Endpoint) {
        saved.networkId = o->document.value(QStringLiteral("HostComputeNetwork")).toString();
        saved.namespaceId = o->document.value(QStringLiteral("HostComputeNamespace")).toString();
    }
    m_deleted << saved;
    m_restored << saved;
    if (o->kind == ResourceKind::Network) {
        // The host deletes the network's endpoints with it; undo brings them back too.
        for (const QString& epId : m_mirror->endpointIdsOfNetwork(id)) {
            if (seen.contains(epId))
                continue;
            if (const MirrorObject* ep = m_mirror->object(epId)) {
                seen << epId;
                m_restored << Saved{ep->kind, ep->id, ep->document, id,
                                    ep->document.value(QStringLiteral("HostComputeNamespace")).toString()};
            }
        }
    }
    if (o->kind == ResourceKind::Namespace) {
        // Deleting a namespace detaches its endpoints; undo attaches them again.
        for (const QString& epId : m_mirror->endpointIdsOfNamespace(id))
            if (const MirrorObject* ep = m_mirror->object(epId); ep && !seen.contains(epId))
                m_restored << Saved{ResourceKind::Invalid, ep->id, {}, {}, id}; // membership only
    }
}

void DeleteObjectCommand::fail(const QString& action, const Status& status)
{
    m_succeeded = false;
    setObsolete(true);
    if (m_feedback)
        m_feedback->report(action, status);
}

Status DeleteObjectCommand::recreate(const Saved& saved)
{
    Api* api = m_mirror ? m_mirror->api() : nullptr;
    if (saved.kind != ResourceKind::Invalid) {
        auto created = HcnCalls::create(api, saved.kind, saved.id, creatable(saved.kind, saved.document),
                                        saved.networkId);
        if (!created.ok())
            return created.status();
    }
    return Status::success();
}

void DeleteObjectCommand::redo()
{
    Api* api = m_mirror ? m_mirror->api() : nullptr;
    for (qsizetype i = 0; i < m_deleted.size(); ++i) {
        const Status s = HcnCalls::remove(api, m_deleted[i].kind, m_deleted[i].id);
        if (s.ok())
            continue;
        // Bring back what this redo already deleted, so the host is as before the command.
        if (i > 0) {
            QList<Saved> done = m_deleted.mid(0, i);
            std::swap(m_deleted, done);
            undo();
            std::swap(m_deleted, done);
        }
        fail(text(), s);
        return;
    }
}

void DeleteObjectCommand::undo()
{
    Api* api = m_mirror ? m_mirror->api() : nullptr;
    Status first = Status::success();
    auto note = [&](const Status& s) {
        if (first.ok() && !s.ok())
            first = s;
    };
    for (const auto& saved : std::as_const(m_restored))
        note(recreate(saved));
    // Memberships after every object exists again (a re-created namespace before its endpoints' attach).
    for (const auto& saved : std::as_const(m_restored))
        if (!saved.namespaceId.isEmpty() &&
            (saved.kind == ResourceKind::Endpoint || saved.kind == ResourceKind::Invalid))
            note(HcnCalls::setNamespaceMembership(api, saved.namespaceId, saved.id, true));
    for (const auto& lb : std::as_const(m_loadBalancersBefore))
        note(HcnCalls::modify(api, ResourceKind::LoadBalancer, lb.id, creatable(lb.kind, lb.document)));
    if (!first.ok())
        fail(QObject::tr("Undo: %1").arg(text()), first);
}

} // namespace hcn::ui
