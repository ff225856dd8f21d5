#pragma once
// ObjectExport: HCN objects as the JSON people paste into tickets and scripts. Selected objects are
// queried live from the host: v2 documents as HcnQuery*Properties returns them, or the v1 shape
// Get-HnsNetwork / Get-HnsEndpoint show (the engine renders it for a query with SchemaVersion 1.0).
// "Everything" is the API's snapshot: every object plus the service's versions.

#include "hcn/resource_kind.h"
#include "hcn/status.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace hcn {
class Api;
}

namespace hcn::ui {

enum class ExportSchema
{
    V2, ///< HostComputeNetwork / HostComputeEndpoint ... documents
    V1, ///< HNSNetwork / HNSEndpoint ... as Get-Hns* print them
};

struct ExportTarget
{
    ResourceKind kind = ResourceKind::Invalid;
    /// GUID text.
    QString id;
};

class ObjectExport
{
public:
    explicit ObjectExport(Api& api) : m_api(api) {}

    /// One object: its document; several: a JSON array of them in the given order. Indented text.
    Result<QByteArray> objects(const QList<ExportTarget>& targets, ExportSchema schema) const;
    /// Api::snapshot: {"HnsVersion","SchemaVersion","Networks":[..],"Endpoints":[..],...}, indented,
    /// members in the service's order.
    Result<QByteArray> everything(ExportSchema schema = ExportSchema::V2) const;

    /// The HostComputeQuery text that selects `schema`'s output.
    static std::string queryFor(ExportSchema schema);

private:
    Result<std::string> queryOne(const ExportTarget& target, const std::string& query) const;

    Api& m_api;
};

} // namespace hcn::ui
