#pragma once
// TlsStream: a ByteStream over TLS on a TCP socket (hcnd's optional --tcp listener and tls:// clients).

#include "rpc/byte_stream.h"

#include <asio.hpp>
#include <asio/ssl.hpp>

namespace hcn::rpc {

class TlsStream final : public ByteStream
{
public:
    TlsStream(asio::ip::tcp::socket socket, asio::ssl::context& context);

    /// The TLS handshake in the given role; must complete before any read or write.
    void asyncHandshake(asio::ssl::stream_base::handshake_type role,
                        std::function<void(const std::error_code&)> handler);
    /// Blocking handshake (the client connects synchronously before its I/O thread starts).
    std::error_code handshake(asio::ssl::stream_base::handshake_type role);
    asio::ssl::stream<asio::ip::tcp::socket>& stream() { return m_stream; }

    void asyncReadSome(char* data, std::size_t size, Handler handler) override;
    void asyncWriteAll(const char* data, std::size_t size, Handler handler) override;
    void close() override;
    void shutdownSend() override;
    int nativeHandle() override;

private:
    asio::ssl::stream<asio::ip::tcp::socket> m_stream;
};

} // namespace hcn::rpc
