#pragma once
// ByteStream: the transport under a connection, a Unix socket or TLS over TCP, so server and client
// code handle both the same way. Completion handlers run on the stream's executor.

#include <cstddef>
#include <functional>
#include <string>
#include <system_error>

namespace hcn::rpc {

class ByteStream
{
public:
    using Handler = std::function<void(const std::error_code&, std::size_t)>;

    virtual ~ByteStream() = default;
    virtual void asyncReadSome(char* data, std::size_t size, Handler handler) = 0;
    /// Writes all `size` bytes (the buffer must stay valid until the handler runs).
    virtual void asyncWriteAll(const char* data, std::size_t size, Handler handler) = 0;
    /// Closes the transport; pending operations complete with an error.
    virtual void close() = 0;
    /// Ends the sending direction only (the peer reads end-of-stream); reading goes on.
    virtual void shutdownSend() = 0;
    /// The socket descriptor (SO_PEERCRED).
    virtual int nativeHandle() = 0;
};

} // namespace hcn::rpc
