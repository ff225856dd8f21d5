// HcnXxxNetwork: networks (HostComputeNetwork documents).

#include "computenetwork.h"
#include "resource_calls.h"

using hcn::ResourceKind;
using namespace hcn::capi;

extern "C" {

HRESULT WINAPI HcnEnumerateNetworks(PCWSTR Query, PWSTR* Networks, PWSTR* ErrorRecord)
{
    return enumerateObjects(ResourceKind::Network, Query, Networks, "Networks", ErrorRecord);
}

HRESULT WINAPI HcnCreateNetwork(REFGUID Id, PCWSTR Settings, PHCN_NETWORK Network, PWSTR* ErrorRecord)
{
    return createObject(ResourceKind::Network, nullptr, Id, Settings, Network, "Network", ErrorRecord);
}

HRESULT WINAPI HcnOpenNetwork(REFGUID Id, PHCN_NETWORK Network, PWSTR* ErrorRecord)
{
    return openObject(ResourceKind::Network, Id, Network, "Network", ErrorRecord);
}

HRESULT WINAPI HcnModifyNetwork(HCN_NETWORK Network, PCWSTR Settings, PWSTR* ErrorRecord)
{
    return modifyObject(ResourceKind::Network, Network, Settings, ErrorRecord);
}

HRESULT WINAPI HcnQueryNetworkProperties(HCN_NETWORK Network, PCWSTR Query, PWSTR* Properties,
                                         PWSTR* ErrorRecord)
{
    return queryObject(ResourceKind::Network, Network, Query, Properties, "Properties", ErrorRecord);
}

HRESULT WINAPI HcnDeleteNetwork(REFGUID Id, PWSTR* ErrorRecord)
{
    return deleteObject(ResourceKind::Network, Id, ErrorRecord);
}

HRESULT WINAPI HcnCloseNetwork(HCN_NETWORK Network)
{
    return closeObject(ResourceKind::Network, Network);
}

} // extern "C"
