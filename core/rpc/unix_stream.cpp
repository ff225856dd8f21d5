#include "rpc/unix_stream.h"

namespace hcn::rpc {

UnixStream::UnixStream(asio::local::stream_protocol::socket socket) : m_socket(std::move(socket)) {}

void UnixStream::asyncReadSome(char* data, std::size_t size, Handler handler)
{
    m_socket.async_read_some(asio::buffer(data, size), std::move(handler));
}

void UnixStream::asyncWriteAll(const char* data, std::size_t size, Handler handler)
{
    asio::async_write(m_socket, asio::buffer(data, size), std::move(handler));
}

void UnixStream::close()
{
    std::error_code ignored;
    m_socket.shutdown(asio::socket_base::shutdown_both, ignored);
    m_socket.close(ignored);
}

void UnixStream::shutdownSend()
{
    std::error_code ignored;
    m_socket.shutdown(asio::socket_base::shutdown_send, ignored);
}

int UnixStream::nativeHandle()
{
    return m_socket.native_handle();
}

} // namespace hcn::rpc
