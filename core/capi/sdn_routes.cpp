// HcnXxxSdnRoute: SDN routes (HostComputeRoute documents; Modify replaces the whole document). Windows
// exports this family from computenetwork.dll without declaring it in its header.

#include "computenetwork.h"
#include "resource_calls.h"

using hcn::ResourceKind;
using namespace hcn::capi;

extern "C" {

HRESULT WINAPI HcnEnumerateSdnRoutes(PCWSTR Query, PWSTR* Routes, PWSTR* ErrorRecord)
{
    return enumerateObjects(ResourceKind::SdnRoute, Query, Routes, "Routes", ErrorRecord);
}

HRESULT WINAPI HcnCreateSdnRoute(REFGUID Id, PCWSTR Settings, PHCN_SDNROUTE Route, PWSTR* ErrorRecord)
{
    return createObject(ResourceKind::SdnRoute, nullptr, Id, Settings, Route, "Route", ErrorRecord);
}

HRESULT WINAPI HcnOpenSdnRoute(REFGUID Id, PHCN_SDNROUTE Route, PWSTR* ErrorRecord)
{
    return openObject(ResourceKind::SdnRoute, Id, Route, "Route", ErrorRecord);
}

HRESULT WINAPI HcnModifySdnRoute(HCN_SDNROUTE Route, PCWSTR Settings, PWSTR* ErrorRecord)
{
    return modifyObject(ResourceKind::SdnRoute, Route, Settings, ErrorRecord);
}

HRESULT WINAPI HcnQuerySdnRouteProperties(HCN_SDNROUTE Route, PCWSTR Query, PWSTR* Properties,
                                          PWSTR* ErrorRecord)
{
    return queryObject(ResourceKind::SdnRoute, Route, Query, Properties, "Properties", ErrorRecord);
}

HRESULT WINAPI HcnDeleteSdnRoute(REFGUID Id, PWSTR* ErrorRecord)
{
    return deleteObject(ResourceKind::SdnRoute, Id, ErrorRecord);
}

HRESULT WINAPI HcnCloseSdnRoute(HCN_SDNROUTE Route)
{
    return closeObject(ResourceKind::SdnRoute, Route);
}

} // extern "C"
