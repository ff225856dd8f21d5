#include "rpc/tls_stream.h"

namespace hcn::rpc {

TlsStream::TlsStream(asio::ip::tcp::socket socket, asio::ssl::context& context)
    : m_stream(std::move(socket), context)
{}

void TlsStream::asyncHandshake(asio::ssl::stream_base::handshake_type role,
                               std::function<void(const std::error_code&)> handler)
{
    m_stream.async_handshake(role, std::move(handler));
}

std::error_code TlsStream::handshake(asio::ssl::stream_base::handshake_type role)
{
    std::error_code ec;
    m_stream.handshake(role, ec);
    return ec;
}

void TlsStream::asyncReadSome(char* data, std::size_t size, Handler handler)
{
    m_stream.async_read_some(asio::buffer(data, size), std::move(handler));
}

void TlsStream::asyncWriteAll(const char* data, std::size_t size, Handler handler)
{
    asio::async_write(m_stream, asio::buffer(data, size), std::move(handler));
}

void TlsStream::close()
{
    // No TLS close_notify exchange: it would need a round trip with a peer that may be gone or stalled.
    std::error_code ignored;
    m_stream.lowest_layer().shutdown(asio::socket_base::shutdown_both, ignored);
    m_stream.lowest_layer().close(ignored);
}

void TlsStream::shutdownSend()
{
    std::error_code ignored;
    m_stream.lowest_layer().shutdown(asio::socket_base::shutdown_send, ignored);
}

int TlsStream::nativeHandle()
{
    return m_stream.lowest_layer().native_handle();
}

} // namespace hcn::rpc
