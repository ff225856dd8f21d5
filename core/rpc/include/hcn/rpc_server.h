#pragma once
// Server: hcnd itself. Owns the engine (an EmbeddedApi), one I/O loop per thread (--threads; each
// connection is served by one of them from request to response), the Unix socket listener (peer credentials
// checked on every connection), the optional TLS listener and every client connection. SIGTERM/SIGINT stop it
// in order: no new connections, ServiceDisconnect to every subscriber, engine shutdown (datapath reset),
// connections closed, socket file removed.

#include "hcn/rpc_service_options.h"

#include <memory>
#include <string>

namespace hcn::rpc {

class Server
{
public:
    explicit Server(ServiceOptions options);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    /// Creates the engine and the listeners. On failure nothing listens and the message says why.
    Status start();
    /// Serves until stopped (a signal or stop()); returns the process exit code.
    int run();
    /// Begins the orderly stop from any thread.
    void stop();

    const std::string& socketPath() const;
    /// The TCP listener's bound port (0 without one).
    unsigned short tcpPort() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace hcn::rpc
