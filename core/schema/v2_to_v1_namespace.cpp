// v2 HostComputeNamespace -> the v1 namespace Get-HnsNamespace prints.

#include "common/text.h"
#include "hcn/v1_conversion.h"
#include "schema/v2_to_v1_support.h"

namespace hcn::schema {

using namespace v1;

json namespaceToV1(const json& ns, const Catalog&)
{
    json out = json::object();
    copyGuidIfPresent(ns, out, "ID");
    const std::string type = stringOr(findValue(ns, "Type"));
    out["IsDefault"] = equalsIgnoreCase(type, "HostDefault") || equalsIgnoreCase(type, "GuestDefault");
    copyIfPresent(ns, out, "NamespaceId", "CompartmentId");
    json resources = json::array();
    if (const json* list = findValue(ns, "Resources"); list && list->is_array()) {
        for (const auto& resource : *list) {
            json entry = json::object();
            copyIfPresent(resource, entry, "Type");
            if (const json* data = findValue(resource, "Data"); data && data->is_object()) {
                json v1Data = *data;
                renameKey(v1Data, "ID", "Id");
                // Endpoints are HNS objects and show as HNS spells its IDs; container IDs are the client's.
                if (auto id = v1Data.find("Id");
                    id != v1Data.end() && equalsIgnoreCase(stringOr(findValue(resource, "Type")), "Endpoint"))
                    *id = upperGuid(*id);
                entry["Data"] = std::move(v1Data);
            }
            resources.push_back(std::move(entry));
        }
    }
    out["ResourceList"] = std::move(resources);
    copyIfPresent(ns, out, "AdditionalParams");
    copyIfPresent(ns, out, "State");
    copyIfPresent(ns, out, "Version");
    restoreAnnotation(ns, out);
    return out;
}

} // namespace hcn::schema
