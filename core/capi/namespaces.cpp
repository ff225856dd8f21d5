// HcnXxxNamespace: namespaces (HostComputeNamespace documents).

#include "computenetwork.h"
#include "resource_calls.h"

using hcn::ResourceKind;
using namespace hcn::capi;

extern "C" {

HRESULT WINAPI HcnEnumerateNamespaces(PCWSTR Query, PWSTR* Namespaces, PWSTR* ErrorRecord)
{
    return enumerateObjects(ResourceKind::Namespace, Query, Namespaces, "Namespaces", ErrorRecord);
}

HRESULT WINAPI HcnCreateNamespace(REFGUID Id, PCWSTR Settings, PHCN_NAMESPACE Namespace, PWSTR* ErrorRecord)
{
    return createObject(ResourceKind::Namespace, nullptr, Id, Settings, Namespace, "Namespace", ErrorRecord);
}

HRESULT WINAPI HcnOpenNamespace(REFGUID Id, PHCN_NAMESPACE Namespace, PWSTR* ErrorRecord)
{
    return openObject(ResourceKind::Namespace, Id, Namespace, "Namespace", ErrorRecord);
}

HRESULT WINAPI HcnModifyNamespace(HCN_NAMESPACE Namespace, PCWSTR Settings, PWSTR* ErrorRecord)
{
    return modifyObject(ResourceKind::Namespace, Namespace, Settings, ErrorRecord);
}

HRESULT WINAPI HcnQueryNamespaceProperties(HCN_NAMESPACE Namespace, PCWSTR Query, PWSTR* Properties,
                                           PWSTR* ErrorRecord)
{
    return queryObject(ResourceKind::Namespace, Namespace, Query, Properties, "Properties", ErrorRecord);
}

HRESULT WINAPI HcnDeleteNamespace(REFGUID Id, PWSTR* ErrorRecord)
{
    return deleteObject(ResourceKind::Namespace, Id, ErrorRecord);
}

HRESULT WINAPI HcnCloseNamespace(HCN_NAMESPACE Namespace)
{
    return closeObject(ResourceKind::Namespace, Namespace);
}

} // extern "C"
