// The process-wide backend: created on the first API call, destroyed when the library is unloaded.
// HCN_SERVICE_SOCKET (non-empty) selects a connection to hcnd; otherwise an engine runs in-process.

#include "backend.h"

#include "hcn/embedded_api.h"
#include "hcn/rpc_client.h"

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
    RpcClientOptions options;
    options.endpoint = socket;
    options.clientName = "libcomputenetwork/" HCN_CAPI_VERSION;
    auto client = RpcClient::connect(std::move(options));
    if (!client.ok())
        return Status(client.status().code(), std::string(kServiceSocketVariable) + " is \"" + socket +
                                                  "\": " + client.status().detail());
    return std::unique_ptr<Backend>(std::move(*client));
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

Result<Backend*> backend()
{
    static BackendHolder holder;
    return holder.get();
}

} // namespace hcn::capi
