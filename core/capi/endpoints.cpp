// HcnXxxEndpoint: endpoints (HostComputeEndpoint documents), their port counters and addresses.

#include "backend.h"
#include "computenetwork.h"
#include "error_record.h"
#include "handles.h"
#include "hcn/schema_normalizer.h"
#include "resource_calls.h"
#include "wide_string.h"

#include <nlohmann/json.hpp>
#include <string>

using hcn::ResourceKind;
using hcn::Status;
using namespace hcn::capi;

namespace {

/// The v2 document of an endpoint, queried with the caller's Flags/Filter but always in v2 shape so
/// the address fields have known names.
hcn::Result<nlohmann::json> endpointDocument(hcn::capi::Backend& service, HCN_ENDPOINT endpoint,
                                             const std::string& query)
{
    nlohmann::json request;
    if (Status s = hcn::schema::parseObject(query, request); !s.ok())
        return Status(s.code(), "query: " + s.detail());
    request["SchemaVersion"] = {{"Major", 2}, {"Minor", 0}};
    auto document = service.query(ResourceKind::Endpoint, fromCHandle(endpoint), request.dump());
    if (!document.ok())
        return document.status();
    return nlohmann::json::parse(*document);
}

/// {"EndpointId","MacAddress","IpConfigurations":[{"IpAddress","PrefixLength"}]} from an endpoint document.
std::string addressesOf(const nlohmann::json& endpoint)
{
    nlohmann::ordered_json out;
    nlohmann::ordered_json addresses = nlohmann::ordered_json::array();
    if (auto it = endpoint.find("IpConfigurations"); it != endpoint.end() && it->is_array()) {
        for (const auto& config : *it) {
            nlohmann::ordered_json entry;
            entry["IpAddress"] = config.value("IpAddress", "");
            if (auto prefix = config.find("PrefixLength"); prefix != config.end())
                entry["PrefixLength"] = *prefix;
            addresses.push_back(std::move(entry));
        }
    }
    out["EndpointId"] = endpoint.value("ID", "");
    out["MacAddress"] = endpoint.value("MacAddress", "");
    out["IpConfigurations"] = std::move(addresses);
    return out.dump();
}

} // namespace

extern "C" {

HRESULT WINAPI HcnEnumerateEndpoints(PCWSTR Query, PWSTR* Endpoints, PWSTR* ErrorRecord)
{
    return enumerateObjects(ResourceKind::Endpoint, Query, Endpoints, "Endpoints", ErrorRecord);
}

HRESULT WINAPI HcnCreateEndpoint(HCN_NETWORK Network, REFGUID Id, PCWSTR Settings, PHCN_ENDPOINT Endpoint,
                                 PWSTR* ErrorRecord)
{
    return createObject(ResourceKind::Endpoint, Network, Id, Settings, Endpoint, "Endpoint", ErrorRecord);
}

HRESULT WINAPI HcnOpenEndpoint(REFGUID Id, PHCN_ENDPOINT Endpoint, PWSTR* ErrorRecord)
{
    return openObject(ResourceKind::Endpoint, Id, Endpoint, "Endpoint", ErrorRecord);
}

HRESULT WINAPI HcnModifyEndpoint(HCN_ENDPOINT Endpoint, PCWSTR Settings, PWSTR* ErrorRecord)
{
    return modifyObject(ResourceKind::Endpoint, Endpoint, Settings, ErrorRecord);
}

HRESULT WINAPI HcnQueryEndpointProperties(HCN_ENDPOINT Endpoint, PCWSTR Query, PWSTR* Properties,
                                          PWSTR* ErrorRecord)
{
    return queryObject(ResourceKind::Endpoint, Endpoint, Query, Properties, "Properties", ErrorRecord);
}

HRESULT WINAPI HcnDeleteEndpoint(REFGUID Id, PWSTR* ErrorRecord)
{
    return deleteObject(ResourceKind::Endpoint, Id, ErrorRecord);
}

HRESULT WINAPI HcnCloseEndpoint(HCN_ENDPOINT Endpoint)
{
    return closeObject(ResourceKind::Endpoint, Endpoint);
}

HRESULT WINAPI HcnQueryEndpointStats(HCN_ENDPOINT Endpoint, PCWSTR Query, PWSTR* Stats, PWSTR* ErrorRecord)
{
    return documentCall(Query, Stats, "Stats", ErrorRecord, [&](Backend& service, const std::string& query) {
        return service.queryEndpointStats(fromCHandle(Endpoint), query);
    });
}

HRESULT WINAPI HcnQueryEndpointAddresses(HCN_ENDPOINT Endpoint, PCWSTR Query, PWSTR* Addresses,
                                         PWSTR* ErrorRecord)
{
    return documentCall(Query, Addresses, "Addresses", ErrorRecord,
                        [&](Backend& service, const std::string& query) -> hcn::Result<std::string> {
                            auto document = endpointDocument(service, Endpoint, query);
                            if (!document.ok())
                                return document.status();
                            return addressesOf(*document);
                        });
}

} // extern "C"
