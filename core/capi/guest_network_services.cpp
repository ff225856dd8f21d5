// HcnXxxGuestNetworkService: guest network services (GuestNetworkService documents). Enumerate, Open and
// QueryProperties are exported by Windows without being declared in its header.

#include "computenetwork.h"
#include "resource_calls.h"

using hcn::ResourceKind;
using namespace hcn::capi;

extern "C" {

HRESULT WINAPI HcnEnumerateGuestNetworkServices(PCWSTR Query, PWSTR* GuestNetworkServices, PWSTR* ErrorRecord)
{
    return enumerateObjects(ResourceKind::GuestNetworkService, Query, GuestNetworkServices,
                            "GuestNetworkServices", ErrorRecord);
}

HRESULT WINAPI HcnCreateGuestNetworkService(REFGUID Id, PCWSTR Settings,
                                            PHCN_GUESTNETWORKSERVICE GuestNetworkService, PWSTR* ErrorRecord)
{
    return createObject(ResourceKind::GuestNetworkService, nullptr, Id, Settings, GuestNetworkService,
                        "GuestNetworkService", ErrorRecord);
}

HRESULT WINAPI HcnOpenGuestNetworkService(REFGUID Id, PHCN_GUESTNETWORKSERVICE GuestNetworkService,
                                          PWSTR* ErrorRecord)
{
    return openObject(ResourceKind::GuestNetworkService, Id, GuestNetworkService, "GuestNetworkService",
                      ErrorRecord);
}

HRESULT WINAPI HcnModifyGuestNetworkService(HCN_GUESTNETWORKSERVICE GuestNetworkService, PCWSTR Settings,
                                            PWSTR* ErrorRecord)
{
    return modifyObject(ResourceKind::GuestNetworkService, GuestNetworkService, Settings, ErrorRecord);
}

HRESULT WINAPI HcnQueryGuestNetworkServiceProperties(HCN_GUESTNETWORKSERVICE GuestNetworkService,
                                                     PCWSTR Query, PWSTR* Properties, PWSTR* ErrorRecord)
{
    return queryObject(ResourceKind::GuestNetworkService, GuestNetworkService, Query, Properties,
                       "Properties", ErrorRecord);
}

HRESULT WINAPI HcnDeleteGuestNetworkService(REFGUID Id, PWSTR* ErrorRecord)
{
    return deleteObject(ResourceKind::GuestNetworkService, Id, ErrorRecord);
}

HRESULT WINAPI HcnCloseGuestNetworkService(HCN_GUESTNETWORKSERVICE GuestNetworkService)
{
    return closeObject(ResourceKind::GuestNetworkService, GuestNetworkService);
}

} // extern "C"
