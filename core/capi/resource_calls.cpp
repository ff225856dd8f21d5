#include "resource_calls.h"

#include "backend.h"
#include "common/wide_text.h"
#include "error_record.h"
#include "handles.h"
#include "wide_string.h"

namespace hcn::capi {

Result<std::string> queryText(PCWSTR query)
{
    if (!query)
        return std::string();
    return utf8FromWide(query, "Query");
}

HRESULT enumerateObjects(ResourceKind kind, PCWSTR query, PWSTR* ids, const char* idsName,
                         PWSTR* errorRecord) noexcept
{
    return documentCall(query, ids, idsName, errorRecord, [&](Backend& service, const std::string& text) {
        return service.enumerate(kind, text);
    });
}

HRESULT createObject(ResourceKind kind, void* network, const GUID* id, PCWSTR settings, void** handle,
                     const char* handleName, PWSTR* errorRecord) noexcept
{
    if (handle)
        *handle = nullptr;
    return apiCall(errorRecord, [&]() -> Status {
        if (!id)
            return nullPointer("Id");
        if (!settings)
            return nullPointer("Settings");
        if (!handle)
            return nullPointer(handleName);
        auto document = utf8FromWide(settings, "Settings");
        if (!document.ok())
            return document.status();
        auto service = backend();
        if (!service.ok())
            return service.status();
        auto created = (*service)->create(kind, fromCGuid(*id), *document, fromCHandle(network));
        if (!created.ok())
            return created.status();
        *handle = toCHandle(*created);
        return Status::success();
    });
}

HRESULT openObject(ResourceKind kind, const GUID* id, void** handle, const char* handleName,
                   PWSTR* errorRecord) noexcept
{
    if (handle)
        *handle = nullptr;
    return apiCall(errorRecord, [&]() -> Status {
        if (!id)
            return nullPointer("Id");
        if (!handle)
            return nullPointer(handleName);
        auto service = backend();
        if (!service.ok())
            return service.status();
        auto opened = (*service)->open(kind, fromCGuid(*id));
        if (!opened.ok())
            return opened.status();
        *handle = toCHandle(*opened);
        return Status::success();
    });
}

HRESULT modifyObject(ResourceKind kind, void* handle, PCWSTR settings, PWSTR* errorRecord) noexcept
{
    return apiCall(errorRecord, [&]() -> Status {
        if (!settings)
            return nullPointer("Settings");
        auto document = utf8FromWide(settings, "Settings");
        if (!document.ok())
            return document.status();
        auto service = backend();
        if (!service.ok())
            return service.status();
        return (*service)->modify(kind, fromCHandle(handle), *document);
    });
}

HRESULT queryObject(ResourceKind kind, void* handle, PCWSTR query, PWSTR* properties,
                    const char* propertiesName, PWSTR* errorRecord) noexcept
{
    return documentCall(query, properties, propertiesName, errorRecord,
                        [&](Backend& service, const std::string& text) {
                            return service.query(kind, fromCHandle(handle), text);
                        });
}

HRESULT deleteObject(ResourceKind kind, const GUID* id, PWSTR* errorRecord) noexcept
{
    return apiCall(errorRecord, [&]() -> Status {
        if (!id)
            return nullPointer("Id");
        auto service = backend();
        if (!service.ok())
            return service.status();
        return (*service)->remove(kind, fromCGuid(*id));
    });
}

HRESULT closeObject(ResourceKind kind, void* handle) noexcept
{
    return apiCall([&]() -> Status {
        auto service = backend();
        if (!service.ok())
            return service.status();
        return (*service)->close(kind, fromCHandle(handle));
    });
}

} // namespace hcn::capi
