#pragma once
// UnixStream: a ByteStream over a Unix domain stream socket.

#include "rpc/byte_stream.h"

#include <asio.hpp>

namespace hcn::rpc {

class UnixStream final : public ByteStream
{
public:
    explicit UnixStream(asio::local::stream_protocol::socket socket);

    void asyncReadSome(char* data, std::size_t size, Handler handler) override;
    void asyncWriteAll(const char* data, std::size_t size, Handler handler) override;
    void close() override;
    void shutdownSend() override;
    int nativeHandle() override;

private:
    asio::local::stream_protocol::socket m_socket;
};

} // namespace hcn::rpc
