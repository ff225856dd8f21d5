// The process-wide backend: created on the first API call, destroyed when the library is unloaded
// (on Linux; on Windows it lives as long as the process, see backend() below).
// HCN_SERVICE_SOCKET (non-empty) selects a connection to hcnd; otherwise an engine runs in-process.
// The Windows build (computenetwork.dll) has no hcnd client (hcn::RpcClient needs a Unix socket): there
// the engine always runs in-process and HCN_SERVICE_SOCKET is refused.

#include "backend.h"

#include "hcn/embedded_api.h"
#if defined(_WIN32)
#include <windows.h>
#else
#include "hcn/rpc_client.h"
#endif

#include <atomic>
#include <cstdlib>
#include <memory>
#include <mutex>

namespace hcn::capi {

namespace {

constexpr const char* kServiceSocketVariable = "HCN_SERVICE_SOCKET";

/// The socket HCN_SERVICE_SOCKET names, or empty for the in-process engine.
std::string serviceSocketFromEnvironment()
{
    const char* socket = std::getenv(kServiceSocketVariable);
    return socket ? std::string(socket) : std::string();
}

Result<std::unique_ptr<Backend>> connectToService(const std::string& socket)
{
#if defined(_WIN32)
    return Status(hr::InvalidArg,
                  std::string(kServiceSocketVariable) + " is \"" + socket +
                      "\": this computenetwork.dll is built without the hcnd client; unset it to "
                      "use the engine inside the library.");
#else
    RpcClientOptions options;
    options.endpoint = socket;
    options.clientName = "libcomputenetwork/" HCN_CAPI_VERSION;
    auto client = RpcClient::connect(std::move(options));
    if (!client.ok())
        return Status(client.status().code(), std::string(kServiceSocketVariable) + " is \"" + socket +
                                                  "\": " + client.status().detail());
    return std::unique_ptr<Backend>(std::move(*client));
#endif
}

Result<std::unique_ptr<Backend>> createBackendFromEnvironment()
{
    if (const std::string socket = serviceSocketFromEnvironment(); !socket.empty())
        return connectToService(socket);
    auto options = engineOptionsFromEnvironment();
    if (!options.ok())
        return options.status();
    return std::unique_ptr<Backend>(std::make_unique<EmbeddedApi>(std::move(*options)));
}

class BackendHolder
{
public:
    // The first attempt runs inside the constructor so that everything the engine creates on its way
    // up (loggers, the schema catalog) is constructed before the holder and so outlives it at exit.
    BackendHolder() { (void)get(); }

    Result<Backend*> get()
    {
        if (Backend* ready = m_ready.load(std::memory_order_acquire))
            return ready;
        std::lock_guard lock(m_mutex);
        if (m_backend)
            return m_backend.get();
        auto created = createBackendFromEnvironment();
        if (!created.ok())
            return created.status(); // not cached: a corrected environment or a started hcnd works next time
        m_backend = std::move(*created);
        m_ready.store(m_backend.get(), std::memory_order_release);
        return m_backend.get();
    }

private:
    std::mutex m_mutex;
    std::unique_ptr<Backend> m_backend;
    std::atomic<Backend*> m_ready{nullptr};
};

} // namespace

#if defined(_WIN32)
// On Windows the engine's threads cannot be joined while the DLL is being unloaded (the loader lock is
// held, and a thread needs it to end), so the backend is never destroyed and the DLL is pinned: a
// FreeLibrary leaves it mapped for the threads still running, and the process's exit ends them.
Result<Backend*> backend()
{
    static BackendHolder* holder = [] {
        HMODULE self = nullptr;
        GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_PIN,
                           reinterpret_cast<LPCWSTR>(&backend), &self);
        return new BackendHolder;
    }();
    return holder->get();
}
#else
Result<Backend*> backend()
{
    static BackendHolder holder;
    return holder.get();
}
#endif

} // namespace hcn::capi
