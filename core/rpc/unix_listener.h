#pragma once
// UnixListener: hcnd's Unix socket. Creates the socket file 0660 owned by the allowed group, removes
// a stale file left by a crashed service, and refuses to take over a socket another hcnd answers on.
// Under socket activation it adopts the listening socket the service manager passed instead (adopt()):
// the manager created the file with its mode and group and removes it, not hcnd.

#include "hcn/status.h"

#include <asio.hpp>
#include <functional>
#include <string>
#include <sys/types.h>

namespace hcn::rpc {

class UnixListener
{
public:
    using Strand = asio::strand<asio::io_context::executor_type>;
    using AcceptHandler = std::function<void(asio::local::stream_protocol::socket, Strand)>;
    /// The I/O context (one thread) the next connection is served on.
    using ContextPicker = std::function<asio::io_context&()>;

    /// Listens on `io`; accepted connections go to the context `pick` returns (`io` without one).
    UnixListener(asio::io_context& io, std::string path, gid_t group, ContextPicker pick = {});
    ~UnixListener();

    Status open();
    /// Takes `fd`, a listening Unix stream socket created by someone else; path() becomes its address.
    /// The socket file is left alone on close.
    Status adopt(int fd);
    /// Accepts until close(); every connection gets its own strand on the picked context.
    void startAccepting(AcceptHandler handler);
    /// Stops accepting and removes the socket file (on the acceptor's strand, from any thread).
    void closeAsync();
    /// As closeAsync(), immediately: only when no I/O thread runs.
    void close();
    const std::string& path() const { return m_path; }

private:
    void acceptNext();

    asio::io_context& m_io;
    ContextPicker m_pick;
    asio::local::stream_protocol::acceptor m_acceptor;
    asio::steady_timer m_retry;
    std::string m_path;
    gid_t m_group;
    AcceptHandler m_handler;
    bool m_created = false;
};

} // namespace hcn::rpc
