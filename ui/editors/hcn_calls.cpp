#include "editors/hcn_calls.h"

#include "hcn/open_object.h"

#include <QJsonDocument>

namespace hcn::ui {
namespace {

Status noApi()
{
    return Status(hr::Handle, "the console is not connected to a host.");
}

std::optional<Guid> guidOf(const QString& id)
{
    return Guid::parse(id.toStdString());
}

std::string text(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

/// Opens `id`, runs `call` with the handle, closes it.
template <typename Call> auto withHandle(Api* api, ResourceKind kind, const QString& id, Call call)
{
    using R = decltype(call(Handle{}));
    const auto guid = guidOf(id);
    if (!guid)
        return R(Status(hr::GuidConversionFailure, "\"" + id.toStdString() + "\" is not a GUID."));
    return hcn::withOpenObject(*api, kind, *guid, std::move(call));
}

} // namespace

Result<QString> HcnCalls::create(Api* api, ResourceKind kind, const QString& id, const QJsonObject& document,
                                 const QString& networkId)
{
    if (!api)
        return noApi();
    Guid guid;
    if (!id.isEmpty()) {
        const auto parsed = guidOf(id);
        if (!parsed)
            return Status(hr::GuidConversionFailure, "\"" + id.toStdString() + "\" is not a GUID.");
        guid = *parsed;
    }
    auto created = [&](Handle network) -> Result<QString> {
        auto handle = api->create(kind, guid, text(document), network);
        if (!handle.ok())
            return handle.status();
        auto createdId = api->handleId(kind, *handle);
        (void)api->close(kind, *handle);
        if (!createdId.ok())
            return createdId.status();
        return QString::fromStdString(createdId->toString());
    };
    if (kind != ResourceKind::Endpoint)
        return created(0);
    if (networkId.isEmpty())
        return Status(hr::InvalidJsonReference, "an endpoint needs the network it is created on.");
    return withHandle(api, ResourceKind::Network, networkId, created);
}

Status HcnCalls::modify(Api* api, ResourceKind kind, const QString& id, const QJsonObject& request)
{
    if (!api)
        return noApi();
    return withHandle(api, kind, id, [&](Handle h) { return api->modify(kind, h, text(request)); });
}

Status HcnCalls::remove(Api* api, ResourceKind kind, const QString& id)
{
    if (!api)
        return noApi();
    const auto guid = guidOf(id);
    if (!guid)
        return Status(hr::GuidConversionFailure, "\"" + id.toStdString() + "\" is not a GUID.");
    return api->remove(kind, *guid);
}

Result<QJsonObject> HcnCalls::query(Api* api, ResourceKind kind, const QString& id)
{
    if (!api)
        return noApi();
    return withHandle(api, kind, id, [&](Handle h) -> Result<QJsonObject> {
        auto doc = api->query(kind, h, "");
        if (!doc.ok())
            return doc.status();
        return QJsonDocument::fromJson(QByteArray::fromStdString(*doc)).object();
    });
}

Result<QJsonObject> HcnCalls::endpointStats(Api* api, const QString& endpointId)
{
    if (!api)
        return noApi();
    return withHandle(api, ResourceKind::Endpoint, endpointId, [&](Handle h) -> Result<QJsonObject> {
        auto stats = api->queryEndpointStats(h, "");
        if (!stats.ok())
            return stats.status();
        return QJsonDocument::fromJson(QByteArray::fromStdString(*stats)).object();
    });
}

Status HcnCalls::setNamespaceMembership(Api* api, const QString& namespaceId, const QString& endpointId,
                                        bool attach)
{
    const QJsonObject request{
        {QStringLiteral("ResourceType"), QStringLiteral("Endpoint")},
        {QStringLiteral("RequestType"), attach ? QStringLiteral("Add") : QStringLiteral("Remove")},
        {QStringLiteral("Settings"), QJsonObject{{QStringLiteral("EndpointId"), endpointId}}}};
    return modify(api, ResourceKind::Namespace, namespaceId, request);
}

} // namespace hcn::ui
