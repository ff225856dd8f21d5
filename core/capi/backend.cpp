// The process-wide backend: created on the first API call, destroyed when the library is unloaded.

#include "backend.h"

#include "hcn/embedded_api.h"

#include <atomic>
#include <memory>
#include <mutex>

namespace hcn::capi {

namespace {

Result<std::unique_ptr<Backend>> createBackendFromEnvironment()
{
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
        // A service connection plugs in here: when an environment variable names the hcnd socket
        // (e.g. HCN_SERVICE_SOCKET), create the RPC client backend (core/rpc) instead of an in-process
        // engine. Nothing else in the C API changes: every call already goes through Backend.
        auto created = createBackendFromEnvironment();
        if (!created.ok())
            return created.status(); // not cached: a corrected environment works on the next call
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
