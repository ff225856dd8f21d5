#include "editors/modify_request_builder.h"

#include <QJsonArray>
#include <QSet>
#include <algorithm>

namespace hcn::ui {
namespace {

const QString kPolicies = QStringLiteral("Policies");

bool isServiceField(const QString& field)
{
    static const QStringList fields{QStringLiteral("ID"), QStringLiteral("Version"), QStringLiteral("State"),
                                    QStringLiteral("Health"), QStringLiteral("Telemetry")};
    return fields.contains(field, Qt::CaseInsensitive);
}

QJsonObject request(const QString& resourceType, const QString& requestType, const QJsonObject& settings)
{
    return QJsonObject{{QStringLiteral("ResourceType"), resourceType},
                       {QStringLiteral("RequestType"), requestType},
                       {QStringLiteral("Settings"), settings}};
}

QJsonObject policyRequest(const QString& requestType, const QJsonArray& policies)
{
    return request(QStringLiteral("Policy"), requestType, QJsonObject{{kPolicies, policies}});
}

/// `longer` is `shorter` followed by extra elements: returns them.
std::optional<QJsonArray> appended(const QJsonArray& shorter, const QJsonArray& longer)
{
    if (longer.size() <= shorter.size())
        return std::nullopt;
    for (qsizetype i = 0; i < shorter.size(); ++i)
        if (shorter[i] != longer[i])
            return std::nullopt;
    QJsonArray extra;
    for (qsizetype i = shorter.size(); i < longer.size(); ++i)
        extra.append(longer[i]);
    return extra;
}

/// `kept` is `all` with some elements left out, order unchanged: returns the left-out ones.
std::optional<QJsonArray> removed(const QJsonArray& all, const QJsonArray& kept)
{
    if (kept.size() >= all.size())
        return std::nullopt;
    QJsonArray gone;
    qsizetype k = 0;
    for (const auto& element : all) {
        if (k < kept.size() && kept[k] == element)
            ++k;
        else
            gone.append(element);
    }
    if (k != kept.size())
        return std::nullopt;
    return gone;
}

void endpointPolicies(const QJsonArray& applied, const QJsonArray& edited, ModifyPlan& plan)
{
    if (applied == edited)
        return;
    if (auto extra = appended(applied, edited))
        plan.requests << policyRequest(QStringLiteral("Add"), *extra);
    else if (auto gone = removed(applied, edited))
        plan.requests << policyRequest(QStringLiteral("Remove"), *gone);
    else // changed, reordered or both added and removed: Update replaces the endpoint's whole set
        plan.requests << policyRequest(QStringLiteral("Update"), edited);
}

QString policyType(const QJsonValue& policy)
{
    return policy.toObject().value(QStringLiteral("Type")).toString();
}

void networkPolicies(const QJsonArray& applied, const QJsonArray& edited, ModifyPlan& plan)
{
    if (applied == edited)
        return;
    // A network's Update replaces the policies of each type it names, so the diff is made per type.
    QStringList types;
    for (const auto& p : applied)
        if (!types.contains(policyType(p)))
            types << policyType(p);
    for (const auto& p : edited)
        if (!types.contains(policyType(p)))
            types << policyType(p);
    QJsonArray toAdd, toRemove, toUpdate;
    for (const QString& type : std::as_const(types)) {
        QJsonArray a, e;
        for (const auto& p : applied)
            if (policyType(p) == type)
                a.append(p);
        for (const auto& p : edited)
            if (policyType(p) == type)
                e.append(p);
        if (a == e)
            continue;
        if (auto extra = appended(a, e)) {
            for (const auto& p : *extra)
                toAdd.append(p);
        } else if (auto gone = removed(a, e)) {
            for (const auto& p : *gone)
                toRemove.append(p);
        } else {
            for (const auto& p : e)
                toUpdate.append(p);
        }
    }
    if (!toRemove.isEmpty())
        plan.requests << policyRequest(QStringLiteral("Remove"), toRemove);
    if (!toUpdate.isEmpty())
        plan.requests << policyRequest(QStringLiteral("Update"), toUpdate);
    if (!toAdd.isEmpty())
        plan.requests << policyRequest(QStringLiteral("Add"), toAdd);
}

struct NamespaceResource
{
    QString type;
    QString id;
    friend bool operator==(const NamespaceResource&, const NamespaceResource&) = default;
};

QList<NamespaceResource> namespaceResources(const QJsonArray& resources)
{
    QList<NamespaceResource> out;
    for (const auto& r : resources) {
        const QJsonObject o = r.toObject();
        const QJsonObject data = o.value(QStringLiteral("Data")).toObject();
        QString id = data.value(QStringLiteral("ID")).toString();
        if (id.isEmpty())
            id = data.value(QStringLiteral("Id")).toString();
        const QString type = o.value(QStringLiteral("Type")).toString();
        // Endpoint IDs are GUIDs (case-insensitive); container IDs are opaque text.
        out << NamespaceResource{
            type, type.compare(QLatin1String("Endpoint"), Qt::CaseInsensitive) == 0 ? id.toUpper() : id};
    }
    return out;
}

QJsonObject namespaceRequest(const NamespaceResource& r, const QString& requestType)
{
    const bool endpoint = r.type.compare(QLatin1String("Endpoint"), Qt::CaseInsensitive) == 0;
    return request(
        endpoint ? QStringLiteral("Endpoint") : QStringLiteral("Container"), requestType,
        QJsonObject{{endpoint ? QStringLiteral("EndpointId") : QStringLiteral("ContainerId"), r.id}});
}

void namespaceMembership(const QJsonArray& applied, const QJsonArray& edited, ModifyPlan& plan)
{
    const auto before = namespaceResources(applied);
    const auto after = namespaceResources(edited);
    // Detach first: an endpoint moved between list positions is then free to be attached again.
    for (const auto& r : before)
        if (!after.contains(r))
            plan.requests << namespaceRequest(r, QStringLiteral("Remove"));
    for (const auto& r : after)
        if (!before.contains(r))
            plan.requests << namespaceRequest(r, QStringLiteral("Add"));
}

} // namespace

QString ModifyRequestBuilder::lockedReason(ResourceKind kind, const QString& field)
{
    if (isServiceField(field))
        return field.compare(QLatin1String("ID"), Qt::CaseInsensitive) == 0
                   ? tr("The ID of an existing object cannot change.")
                   : tr("Set by the service.");
    auto is = [&](const char* name) { return field.compare(QLatin1String(name), Qt::CaseInsensitive) == 0; };
    switch (kind) {
    case ResourceKind::Network:
        if (is("Policies") || is("Dns"))
            return {};
        return tr("HCN cannot change %1 of an existing network (only its Policies and Dns); delete and "
                  "re-create the network instead.")
            .arg(field);
    case ResourceKind::Endpoint:
        if (is("Policies"))
            return {};
        if (is("HostComputeNamespace"))
            return tr("Attach or detach the endpoint in its namespace's Resources.");
        return tr("HCN cannot change %1 of an existing endpoint (only its Policies).").arg(field);
    case ResourceKind::Namespace:
        if (is("Resources"))
            return {};
        return tr("HCN cannot change %1 of an existing namespace (only which endpoints and containers "
                  "it holds).")
            .arg(field);
    case ResourceKind::LoadBalancer:
    case ResourceKind::SdnRoute:
        return {}; // replaced as a whole
    default:
        return tr("HCN offers no way to change %1 of this object.").arg(field);
    }
}

ModifyPlan ModifyRequestBuilder::build(ResourceKind kind, const QJsonObject& applied,
                                       const QJsonObject& edited, bool ignoreServiceFields)
{
    ModifyPlan plan;
    QSet<QString> keys;
    for (auto it = applied.begin(); it != applied.end(); ++it)
        keys.insert(it.key());
    for (auto it = edited.begin(); it != edited.end(); ++it)
        keys.insert(it.key());
    QStringList sorted(keys.begin(), keys.end());
    std::sort(sorted.begin(), sorted.end());
    bool replace = false;
    for (const QString& key : std::as_const(sorted)) {
        if (applied.value(key) == edited.value(key) || (ignoreServiceFields && isServiceField(key)))
            continue;
        const QString reason = lockedReason(kind, key);
        if (!reason.isEmpty()) {
            plan.unsupported << tr("%1: %2").arg(key, reason);
            continue;
        }
        switch (kind) {
        case ResourceKind::Network:
            if (key.compare(kPolicies, Qt::CaseInsensitive) == 0)
                networkPolicies(applied.value(key).toArray(), edited.value(key).toArray(), plan);
            else if (edited.value(key).isObject())
                plan.requests << request(QStringLiteral("DNS"), QStringLiteral("Update"),
                                         edited.value(key).toObject());
            else
                plan.requests << request(QStringLiteral("DNS"), QStringLiteral("Remove"), QJsonObject());
            break;
        case ResourceKind::Endpoint:
            endpointPolicies(applied.value(key).toArray(), edited.value(key).toArray(), plan);
            break;
        case ResourceKind::Namespace:
            namespaceMembership(applied.value(key).toArray(), edited.value(key).toArray(), plan);
            break;
        default:
            replace = true;
            break;
        }
    }
    if (replace) {
        plan.replacement = true;
        plan.requests = {edited};
    }
    return plan;
}

} // namespace hcn::ui
