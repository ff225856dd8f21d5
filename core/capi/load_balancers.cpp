// HcnXxxLoadBalancer: load balancers (HostComputeLoadBalancer documents; Modify replaces the whole document).

#include "computenetwork.h"
#include "resource_calls.h"

using hcn::ResourceKind;
using namespace hcn::capi;

extern "C" {

HRESULT WINAPI HcnEnumerateLoadBalancers(PCWSTR Query, PWSTR* LoadBalancer, PWSTR* ErrorRecord)
{
    return enumerateObjects(ResourceKind::LoadBalancer, Query, LoadBalancer, "LoadBalancer", ErrorRecord);
}

HRESULT WINAPI HcnCreateLoadBalancer(REFGUID Id, PCWSTR Settings, PHCN_LOADBALANCER LoadBalancer,
                                     PWSTR* ErrorRecord)
{
    return createObject(ResourceKind::LoadBalancer, nullptr, Id, Settings, LoadBalancer, "LoadBalancer",
                        ErrorRecord);
}

HRESULT WINAPI HcnOpenLoadBalancer(REFGUID Id, PHCN_LOADBALANCER LoadBalancer, PWSTR* ErrorRecord)
{
    return openObject(ResourceKind::LoadBalancer, Id, LoadBalancer, "LoadBalancer", ErrorRecord);
}

HRESULT WINAPI HcnModifyLoadBalancer(HCN_LOADBALANCER LoadBalancer, PCWSTR Settings, PWSTR* ErrorRecord)
{
    return modifyObject(ResourceKind::LoadBalancer, LoadBalancer, Settings, ErrorRecord);
}

HRESULT WINAPI HcnQueryLoadBalancerProperties(HCN_LOADBALANCER LoadBalancer, PCWSTR Query, PWSTR* Properties,
                                              PWSTR* ErrorRecord)
{
    return queryObject(ResourceKind::LoadBalancer, LoadBalancer, Query, Properties, "Properties",
                       ErrorRecord);
}

HRESULT WINAPI HcnDeleteLoadBalancer(REFGUID Id, PWSTR* ErrorRecord)
{
    return deleteObject(ResourceKind::LoadBalancer, Id, ErrorRecord);
}

HRESULT WINAPI HcnCloseLoadBalancer(HCN_LOADBALANCER LoadBalancer)
{
    return closeObject(ResourceKind::LoadBalancer, LoadBalancer);
}

} // extern "C"
