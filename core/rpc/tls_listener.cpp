#include "rpc/tls_listener.h"

#include "common/log.h"
#include "rpc/tls_stream.h"

namespace hcn::rpc {

TlsListener::TlsListener(asio::io_context& io, std::string host, unsigned short port, ContextPicker pick)
    : m_io(io), m_pick(std::move(pick)), m_acceptor(asio::make_strand(io)),
      m_retry(m_acceptor.get_executor()), m_tls(asio::ssl::context::tls_server), m_host(std::move(host)),
      m_port(port)
{}

TlsListener::~TlsListener()
{
    close();
}

Status TlsListener::open(const std::string& certFile, const std::string& keyFile)
{
    std::error_code ec;
    m_tls.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                          asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                          asio::ssl::context::no_tlsv1_1,
                      ec);
    m_tls.use_certificate_chain_file(certFile, ec);
    if (ec)
        return Status(hr::InvalidArg,
                      "cannot load the TLS certificate " + certFile + ": " + ec.message() + ".");
    m_tls.use_private_key_file(keyFile, asio::ssl::context::pem, ec);
    if (ec)
        return Status(hr::InvalidArg, "cannot load the TLS key " + keyFile + ": " + ec.message() + ".");

    asio::ip::tcp::resolver resolver(m_io);
    auto endpoints = resolver.resolve(m_host, std::to_string(m_port), asio::ip::tcp::resolver::passive, ec);
    if (ec || endpoints.empty())
        return Status(hr::InvalidArg,
                      "cannot resolve the TCP listen address " + m_host + ": " + ec.message() + ".");
    const auto endpoint = endpoints.begin()->endpoint();
    m_acceptor.open(endpoint.protocol(), ec);
    if (!ec)
        m_acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec)
        m_acceptor.bind(endpoint, ec);
    if (!ec)
        m_acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec)
        return Status(hr::AddressInUse, "cannot listen on " + m_host + ":" + std::to_string(m_port) + ": " +
                                            ec.message() + ".");
    m_boundPort = m_acceptor.local_endpoint(ec).port();
    return Status::success();
}

void TlsListener::startAccepting(AcceptHandler handler)
{
    m_handler = std::move(handler);
    acceptNext();
}

void TlsListener::acceptNext()
{
    auto strand = asio::make_strand(m_pick ? m_pick() : m_io);
    m_acceptor.async_accept(strand, [this, strand](const std::error_code& ec, asio::ip::tcp::socket socket) {
        if (ec == asio::error::operation_aborted || !m_acceptor.is_open())
            return;
        if (ec) {
            // Out of descriptors or memory: retrying at once would spin; give clients time to leave.
            componentLogger("hcnd")->warn("TCP accept failed: {}", ec.message());
            m_retry.expires_after(std::chrono::milliseconds(100));
            m_retry.async_wait([this](const std::error_code& waitError) {
                if (!waitError && m_acceptor.is_open())
                    acceptNext();
            });
            return;
        }
        std::error_code ignored;
        socket.set_option(asio::ip::tcp::no_delay(true), ignored);
        const auto remote = socket.remote_endpoint(ignored);
        std::string peer = "tcp " + remote.address().to_string() + ":" + std::to_string(remote.port());
        auto pending =
            std::make_shared<Pending>(Pending{std::make_unique<TlsStream>(std::move(socket), m_tls), strand});
        {
            std::lock_guard lock(m_pendingMutex);
            m_pending.insert(pending);
        }
        pending->stream->asyncHandshake(asio::ssl::stream_base::server,
                                        [this, pending, peer](const std::error_code& handshakeError) {
                                            {
                                                std::lock_guard lock(m_pendingMutex);
                                                if (!m_pending.erase(pending))
                                                    return; // the listener closed it
                                            }
                                            if (handshakeError) {
                                                componentLogger("hcnd")->warn("{}: TLS handshake failed: {}",
                                                                              peer, handshakeError.message());
                                                pending->stream->close();
                                                return;
                                            }
                                            m_handler(std::move(pending->stream), pending->strand, peer);
                                        });
        acceptNext();
    });
}

void TlsListener::closeAsync()
{
    asio::post(m_acceptor.get_executor(), [this] { close(); });
}

void TlsListener::close()
{
    std::error_code ignored;
    m_acceptor.close(ignored);
    m_retry.cancel();
    // Peers still in the handshake would keep the service's I/O alive: close them on their strands.
    std::set<std::shared_ptr<Pending>> pending;
    {
        std::lock_guard lock(m_pendingMutex);
        pending.swap(m_pending);
    }
    for (const auto& p : pending)
        asio::post(p->strand, [p] { p->stream->close(); });
}

} // namespace hcn::rpc
