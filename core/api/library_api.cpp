// LibraryApi's calls: each one is the matching Hcn* function of the loaded library.

#include "api/library_api_impl.h"
#include "common/handle_status.h"
#include "common/wide_text.h"

#include <nlohmann/json.hpp>

namespace hcn {

namespace {

using library::HRESULT;
using library::PWSTR;

Status noEnumeration(ResourceKind kind)
{
    return Status(hr::InvalidArg, std::string(resourceKindLabel(kind)) + " is not a kind of HCN object.");
}

/// The "Error" of an ErrorRecord without the system text our catalog puts first, so that
/// Status::message() and errorRecord() give back the record's text.
std::string detailOf(HResult code, const std::string& error)
{
    const std::string_view system = hresultMessage(code);
    if (!system.empty() && error.rfind(system, 0) == 0) {
        std::size_t start = system.size();
        while (start < error.size() && error[start] == ' ')
            ++start;
        return error.substr(start);
    }
    return error;
}

} // namespace

std::string LibraryApiOptions::defaultLibrary()
{
#ifdef _WIN32
    return "computenetwork.dll";
#else
    return "libcomputenetwork.so";
#endif
}

std::string LibraryApi::Impl::take(PWSTR text) const
{
    if (!text)
        return {};
    std::string out = utf8FromWideReplacing(text);
    fn.free(text);
    return out;
}

Status LibraryApi::Impl::statusOf(HRESULT result, PWSTR errorRecord) const
{
    const std::string record = take(errorRecord);
    std::string error;
    bool reportsSuccess = false;
    if (!record.empty()) {
        const auto json = nlohmann::json::parse(record, nullptr, false);
        if (json.is_object()) {
            if (auto it = json.find("Error"); it != json.end() && it->is_string())
                error = it->get<std::string>();
            if (auto it = json.find("Success"); it != json.end() && it->is_boolean())
                reportsSuccess = it->get<bool>();
        } else {
            error = record; // not the Response shape: keep the text as it came
        }
    }
    if (result >= 0) {
        // hcsshim's rule: an ErrorRecord on S_OK is a failure all the same.
        if (record.empty() || reportsSuccess)
            return Status::success();
        return Status(hr::Fail, error.empty() ? record : error);
    }
    return Status(result, detailOf(result, error));
}

Result<void*> LibraryApi::Impl::resolve(ResourceKind kind, Handle handle)
{
    std::lock_guard lock(handlesMutex);
    auto it = handles.find(handle);
    if (it == handles.end() || it->second.kind != kind)
        return badHandle(kind);
    return it->second.handle;
}

Handle LibraryApi::Impl::remember(ResourceKind kind, void* handle, std::optional<Guid> id)
{
    const auto value = static_cast<Handle>(reinterpret_cast<std::uintptr_t>(handle));
    std::lock_guard lock(handlesMutex);
    handles[value] = OpenHandle{kind, handle, id};
    return value;
}

Result<std::unique_ptr<LibraryApi>> LibraryApi::load(LibraryApiOptions options)
{
    auto library = SharedLibrary::open(options.path);
    if (!library.ok())
        return library.status();
    auto functions = library::resolveFunctions(*library);
    if (!functions.ok())
        return functions.status();
    auto impl = std::make_unique<Impl>(std::move(*library), *functions, options.pollInterval);
    auto api = std::unique_ptr<LibraryApi>(new LibraryApi(std::move(impl)));
    api->m_impl->self = api.get();
    return api;
}

LibraryApi::LibraryApi(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

LibraryApi::~LibraryApi()
{
    m_impl->shutdownNotifications();
    std::lock_guard lock(m_impl->handlesMutex);
    for (const auto& [value, open] : m_impl->handles)
        if (auto close = m_impl->fn.of(open.kind).close)
            (void)close(open.handle);
    m_impl->handles.clear();
}

std::chrono::milliseconds LibraryApi::pollInterval() const
{
    return m_impl->pollInterval;
}

Result<std::string> LibraryApi::enumerate(ResourceKind kind, std::string_view query)
{
    if (kind == ResourceKind::Invalid)
        return noEnumeration(kind);
    const auto call = m_impl->fn.of(kind).enumerate;
    if (!call)
        return library::missingExport(m_impl->library, library::exportName("Enumerate", kind));
    auto wideQuery = wideFromUtf8(query, "Query");
    if (!wideQuery.ok())
        return wideQuery.status();
    PWSTR ids = nullptr;
    PWSTR record = nullptr;
    const HRESULT result = call(query.empty() ? nullptr : wideQuery->c_str(), &ids, &record);
    std::string text = m_impl->take(ids);
    Status status = m_impl->statusOf(result, record);
    if (!status.ok())
        return status;
    return text.empty() ? std::string("[]") : text;
}

Result<Handle> LibraryApi::create(ResourceKind kind, const Guid& id, std::string_view settings, Handle network)
{
    if (kind == ResourceKind::Invalid)
        return noEnumeration(kind);
    const auto& calls = m_impl->fn.of(kind);
    if (!calls.create && !calls.createEndpoint)
        return library::missingExport(m_impl->library, library::exportName("Create", kind));
    auto wideSettings = wideFromUtf8(settings, "Settings");
    if (!wideSettings.ok())
        return wideSettings.status();
    void* handle = nullptr;
    PWSTR record = nullptr;
    HRESULT result;
    if (kind == ResourceKind::Endpoint) {
        auto networkHandle = m_impl->resolve(ResourceKind::Network, network);
        if (!networkHandle.ok())
            return networkHandle.status();
        result = calls.createEndpoint(*networkHandle, &id, wideSettings->c_str(), &handle, &record);
    } else {
        result = calls.create(&id, wideSettings->c_str(), &handle, &record);
    }
    Status status = m_impl->statusOf(result, record);
    if (!status.ok())
        return status;
    if (!handle)
        return Status(hr::Unexpected, m_impl->library.path() + " created an object without a handle.");
    return m_impl->remember(kind, handle, id.isNull() ? std::nullopt : std::optional<Guid>(id));
}

Result<Handle> LibraryApi::open(ResourceKind kind, const Guid& id)
{
    if (kind == ResourceKind::Invalid)
        return noEnumeration(kind);
    const auto call = m_impl->fn.of(kind).open;
    if (!call)
        return library::missingExport(m_impl->library, library::exportName("Open", kind));
    void* handle = nullptr;
    PWSTR record = nullptr;
    const HRESULT result = call(&id, &handle, &record);
    Status status = m_impl->statusOf(result, record);
    if (!status.ok())
        return status;
    if (!handle)
        return Status(hr::Unexpected, m_impl->library.path() + " opened an object without a handle.");
    return m_impl->remember(kind, handle, id);
}

Status LibraryApi::modify(ResourceKind kind, Handle handle, std::string_view settings)
{
    auto object = m_impl->resolve(kind, handle);
    if (!object.ok())
        return object.status();
    const auto call = m_impl->fn.of(kind).modify;
    if (!call)
        return library::missingExport(m_impl->library, library::exportName("Modify", kind));
    auto wideSettings = wideFromUtf8(settings, "Settings");
    if (!wideSettings.ok())
        return wideSettings.status();
    PWSTR record = nullptr;
    const HRESULT result = call(*object, wideSettings->c_str(), &record);
    return m_impl->statusOf(result, record);
}

Result<std::string> LibraryApi::query(ResourceKind kind, Handle handle, std::string_view query)
{
    auto object = m_impl->resolve(kind, handle);
    if (!object.ok())
        return object.status();
    const auto call = m_impl->fn.of(kind).query;
    if (!call)
        return library::missingExport(m_impl->library, library::exportName("Query", kind));
    auto wideQuery = wideFromUtf8(query, "Query");
    if (!wideQuery.ok())
        return wideQuery.status();
    PWSTR properties = nullptr;
    PWSTR record = nullptr;
    const HRESULT result = call(*object, query.empty() ? nullptr : wideQuery->c_str(), &properties, &record);
    std::string text = m_impl->take(properties);
    Status status = m_impl->statusOf(result, record);
    if (!status.ok())
        return status;
    return text;
}

Status LibraryApi::remove(ResourceKind kind, const Guid& id)
{
    if (kind == ResourceKind::Invalid)
        return noEnumeration(kind);
    const auto call = m_impl->fn.of(kind).remove;
    if (!call)
        return library::missingExport(m_impl->library, library::exportName("Delete", kind));
    PWSTR record = nullptr;
    const HRESULT result = call(&id, &record);
    return m_impl->statusOf(result, record);
}

Status LibraryApi::close(ResourceKind kind, Handle handle)
{
    void* object = nullptr;
    {
        std::lock_guard lock(m_impl->handlesMutex);
        auto it = m_impl->handles.find(handle);
        if (it == m_impl->handles.end() || it->second.kind != kind)
            return badHandle(kind);
        object = it->second.handle;
        m_impl->handles.erase(it); // the library's handle is gone whatever Close answers
    }
    const auto call = m_impl->fn.of(kind).close;
    if (!call)
        return library::missingExport(m_impl->library, library::exportName("Close", kind));
    return m_impl->statusOf(call(object), nullptr);
}

Result<Guid> LibraryApi::handleId(ResourceKind kind, Handle handle)
{
    {
        std::lock_guard lock(m_impl->handlesMutex);
        auto it = m_impl->handles.find(handle);
        if (it == m_impl->handles.end() || it->second.kind != kind)
            return badHandle(kind);
        if (it->second.id)
            return *it->second.id;
    }
    auto document = query(kind, handle, "");
    if (!document.ok())
        return document.status();
    const auto json = nlohmann::json::parse(*document, nullptr, false);
    std::optional<Guid> id;
    if (json.is_object())
        for (const char* key : {"ID", "Id", "id"})
            if (auto it = json.find(key); it != json.end() && it->is_string())
                if ((id = Guid::parse(it->get<std::string>())))
                    break;
    if (!id)
        return Status(hr::Unexpected, "the " + std::string(resourceKindLabel(kind)) + " document has no \"ID\".");
    std::lock_guard lock(m_impl->handlesMutex);
    if (auto it = m_impl->handles.find(handle); it != m_impl->handles.end())
        it->second.id = id;
    return *id;
}

Result<std::string> LibraryApi::queryEndpointStats(Handle endpoint, std::string_view query)
{
    auto object = m_impl->resolve(ResourceKind::Endpoint, endpoint);
    if (!object.ok())
        return object.status();
    if (!m_impl->fn.queryEndpointStats)
        return library::missingExport(m_impl->library, "HcnQueryEndpointStats");
    auto wideQuery = wideFromUtf8(query, "Query");
    if (!wideQuery.ok())
        return wideQuery.status();
    PWSTR stats = nullptr;
    PWSTR record = nullptr;
    const HRESULT result =
        m_impl->fn.queryEndpointStats(*object, query.empty() ? nullptr : wideQuery->c_str(), &stats, &record);
    std::string text = m_impl->take(stats);
    Status status = m_impl->statusOf(result, record);
    if (!status.ok())
        return status;
    return text;
}

Result<ApiInfo> LibraryApi::info()
{
    ApiInfo about;
    about.endpoint = "library:" + m_impl->library.path();
    about.datapath = "the library's";
    about.description = "HCN through " + m_impl->library.path();
    about.hnsVersion = SchemaVersion{0, 0};
    about.schemaVersion = SchemaVersion{0, 0};
    std::size_t* counts[] = {&about.counts.networks, &about.counts.endpoints, &about.counts.namespaces,
                             &about.counts.loadBalancers};
    const ResourceKind kinds[] = {ResourceKind::Network, ResourceKind::Endpoint, ResourceKind::Namespace,
                                  ResourceKind::LoadBalancer};
    for (std::size_t i = 0; i < 4; ++i) {
        auto ids = enumerate(kinds[i], "");
        if (!ids.ok())
            return ids.status();
        const auto json = nlohmann::json::parse(*ids, nullptr, false);
        *counts[i] = json.is_array() ? json.size() : 0;
    }
    {
        std::lock_guard lock(m_impl->handlesMutex);
        about.counts.openHandles = m_impl->handles.size();
    }
    {
        std::lock_guard lock(m_impl->subscriptionsMutex);
        if (auto it = m_impl->registrations.find(Impl::keyOf({})); it != m_impl->registrations.end())
            about.sequence = it->second->dispatcher->lastSequence();
    }
    return about;
}

} // namespace hcn
