#pragma once
// The generic Enumerate/Create/Open/Modify/Query/Delete/Close calls; the exported functions of each
// kind (networks.cpp, endpoints.cpp ...) are one-line forwards to these.

#include "computenetwork.h"
#include "hcn/resource_kind.h"
#include "hcn/status.h"

#include <string>

namespace hcn::capi {

HRESULT enumerateObjects(ResourceKind kind, PCWSTR query, PWSTR* ids, const char* idsName,
                         PWSTR* errorRecord) noexcept;
/// `network` is the HCN_NETWORK of an endpoint create; other kinds pass NULL.
HRESULT createObject(ResourceKind kind, void* network, const GUID* id, PCWSTR settings, void** handle,
                     const char* handleName, PWSTR* errorRecord) noexcept;
HRESULT openObject(ResourceKind kind, const GUID* id, void** handle, const char* handleName,
                   PWSTR* errorRecord) noexcept;
HRESULT modifyObject(ResourceKind kind, void* handle, PCWSTR settings, PWSTR* errorRecord) noexcept;
HRESULT queryObject(ResourceKind kind, void* handle, PCWSTR query, PWSTR* properties,
                    const char* propertiesName, PWSTR* errorRecord) noexcept;
HRESULT deleteObject(ResourceKind kind, const GUID* id, PWSTR* errorRecord) noexcept;
HRESULT closeObject(ResourceKind kind, void* handle) noexcept;

/// Query text for the engine: NULL is the default (empty) query.
Result<std::string> queryText(PCWSTR query);

} // namespace hcn::capi
