#pragma once
// TlsListener: hcnd's optional TCP listener. Every connection is TLS (certificate and key from PEM
// files); the token check happens in the connection (hcnd.authenticate must come first).

#include "hcn/status.h"

#include <asio.hpp>
#include <asio/ssl.hpp>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>

namespace hcn::rpc {

class TlsStream;

class TlsListener
{
public:
    using Strand = asio::strand<asio::io_context::executor_type>;
    /// Called on the connection's strand after a successful handshake.
    using AcceptHandler = std::function<void(std::unique_ptr<TlsStream>, Strand, std::string peer)>;
    /// The I/O context (one thread) the next connection is served on.
    using ContextPicker = std::function<asio::io_context&()>;

    /// Listens on `io`; accepted connections go to the context `pick` returns (`io` without one).
    TlsListener(asio::io_context& io, std::string host, unsigned short port, ContextPicker pick = {});
    ~TlsListener();

    Status open(const std::string& certFile, const std::string& keyFile);
    void startAccepting(AcceptHandler handler);
    void closeAsync();
    void close();
    /// The bound port (useful with port 0).
    unsigned short port() const { return m_boundPort; }

private:
    struct Pending
    {
        std::unique_ptr<TlsStream> stream;
        Strand strand;
    };

    void acceptNext();

    asio::io_context& m_io;
    ContextPicker m_pick;
    asio::ip::tcp::acceptor m_acceptor;
    asio::steady_timer m_retry;
    asio::ssl::context m_tls;
    std::string m_host;
    unsigned short m_port;
    unsigned short m_boundPort = 0;
    AcceptHandler m_handler;
    std::mutex m_pendingMutex;
    std::set<std::shared_ptr<Pending>> m_pending;
};

} // namespace hcn::rpc
