#pragma once
// ClientTransport: the socket under an RpcClient connection, used synchronously by whichever thread
// sends or reads (the calling thread itself, see ClientConnection). A non-blocking Unix socket, or TLS
// over TCP with OpenSSL working on memory buffers, so that every byte leaves through
// send(MSG_NOSIGNAL) and a vanished peer never raises SIGPIPE in the client's process. One thread may
// read while another writes; the TLS state is guarded inside.

#include "hcn/rpc_client.h"

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>

struct ssl_st;
struct ssl_ctx_st;

namespace hcn::rpc {

class ClientTransport
{
public:
    enum class State
    {
        Done,      ///< `bytes` were transferred (at least one)
        WantRead,  ///< nothing now: wait until the socket is readable
        WantWrite, ///< nothing now: wait until the socket is writable
        Closed,    ///< the peer ended the stream
        Failed     ///< a socket or TLS error (`error` says which)
    };
    struct Io
    {
        State state = State::Done;
        std::size_t bytes = 0;
        std::string error;
    };

    /// Connects to `options.endpoint` ("unix:PATH", PATH or "tls://HOST:PORT") and, for TLS, completes
    /// the handshake within options.callTimeout. `endpointText` names the endpoint in messages.
    static Result<std::unique_ptr<ClientTransport>> connect(const RpcClientOptions& options,
                                                            const std::string& endpointText);
    ~ClientTransport();
    ClientTransport(const ClientTransport&) = delete;
    ClientTransport& operator=(const ClientTransport&) = delete;

    /// Reads what is available, up to `size` bytes.
    Io read(char* data, std::size_t size);
    /// Writes as much of `data` as the socket takes now. With TLS all of it is taken (encrypted) at
    /// once; what the socket did not take yet is sent by flush().
    Io write(const char* data, std::size_t size);
    /// TLS: sends encrypted bytes the socket did not take before. Done when nothing is left.
    Io flush();
    /// TLS: the last read() did not empty OpenSSL's buffers, so the next one may return data without
    /// the socket becoming readable (poll() would not say so).
    bool hasBufferedInput();
    /// The socket, for poll().
    int fd() const { return m_fd; }
    /// Ends both directions: every thread waiting on the socket wakes up and sees the end of the stream.
    /// The descriptor itself is closed by the destructor.
    void shutdown();

private:
    ClientTransport() = default;
    Status startTls(const RpcClientOptions& options, const std::string& host,
                    const std::string& endpointText);
    /// Hands encrypted output to the socket (m_tlsMutex held).
    Io sendEncrypted();
    /// Moves received bytes into OpenSSL (m_tlsMutex held).
    Io receiveEncrypted();

    int m_fd = -1;
    std::mutex m_tlsMutex; ///< OpenSSL's connection state is used by one thread at a time
    ssl_ctx_st* m_context = nullptr;
    ssl_st* m_ssl = nullptr;
    std::string m_unsent;        ///< encrypted bytes the socket did not take yet
    bool m_inputDrained = false; ///< the last read ended with OpenSSL waiting for the socket
};

} // namespace hcn::rpc
