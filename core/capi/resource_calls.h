#pragma once
// The generic Enumerate/Create/Open/Modify/Query/Delete/Close calls; the exported functions of each
// kind (networks.cpp, endpoints.cpp ...) are one-line forwards to these.

#include "backend.h"
#include "computenetwork.h"
#include "error_record.h"
#include "hcn/resource_kind.h"
#include "hcn/status.h"
#include "wide_string.h"

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

/// The shape of every call that takes a query and returns a document: the output is reset, the query
/// converted, the backend asked (produce(Backend&, const std::string& query) -> Result<std::string>),
/// and the document handed back as a CoTaskMem string.
template <typename Produce>
HRESULT documentCall(PCWSTR query, PWSTR* output, const char* outputName, PWSTR* errorRecord,
                     Produce&& produce) noexcept
{
    if (output)
        *output = nullptr;
    return apiCall(errorRecord, [&]() -> Status {
        if (!output)
            return nullPointer(outputName);
        auto text = queryText(query);
        if (!text.ok())
            return text.status();
        auto service = backend();
        if (!service.ok())
            return service.status();
        Result<std::string> document = produce(**service, *text);
        if (!document.ok())
            return document.status();
        auto out = allocateWide(*document);
        if (!out.ok())
            return out.status();
        *output = *out;
        return Status::success();
    });
}

} // namespace hcn::capi
