#include "rpc/client_transport.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace hcn::rpc {

namespace {

/// "HOST:PORT" (HOST may be "[v6]") -> host, port.
bool splitHostPort(std::string_view text, std::string& host, std::string& port)
{
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == text.size())
        return false;
    host = std::string(text.substr(0, colon));
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    port = std::string(text.substr(colon + 1));
    return true;
}

Status notConnected(const std::string& endpointText, int error)
{
    return Status(hr::ManagerStopped, "cannot connect to hcnd at " + endpointText + ": " +
                                          std::strerror(error) + " (is hcnd running?).");
}

/// The first queued OpenSSL error as text (clears the queue).
std::string tlsErrorText()
{
    std::string text;
    while (const unsigned long code = ERR_get_error()) {
        if (text.empty()) {
            char buffer[256];
            ERR_error_string_n(code, buffer, sizeof buffer);
            text = buffer;
        }
    }
    return text.empty() ? std::string("TLS protocol error") : text;
}

ClientTransport::Io socketError(int error)
{
    if (error == EPIPE || error == ECONNRESET)
        return {ClientTransport::State::Closed, 0, std::strerror(error)};
    return {ClientTransport::State::Failed, 0, std::strerror(error)};
}

/// One recv() of what the socket has: Done with the byte count, WantRead when nothing is there yet.
ClientTransport::Io receiveSome(int fd, char* data, std::size_t size)
{
    for (;;) {
        const ssize_t n = ::recv(fd, data, size, 0);
        if (n > 0)
            return {ClientTransport::State::Done, static_cast<std::size_t>(n), {}};
        if (n == 0)
            return {ClientTransport::State::Closed, 0, {}};
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            return {ClientTransport::State::WantRead, 0, {}};
        if (errno != EINTR)
            return socketError(errno);
    }
}

/// Waits for `events` on `fd` until `deadline`; false on timeout.
bool waitFor(int fd, short events, std::chrono::steady_clock::time_point deadline)
{
    for (;;) {
        const auto left =
            std::chrono::ceil<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0)
            return false;
        pollfd p{fd, events, 0};
        const int ready = ::poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 60000)));
        if (ready > 0)
            return true;
        if (ready < 0 && errno != EINTR)
            return true; // let the next operation report the error
    }
}

} // namespace

Result<std::unique_ptr<ClientTransport>> ClientTransport::connect(const RpcClientOptions& options,
                                                                  const std::string& endpointText)
{
    std::unique_ptr<ClientTransport> transport(new ClientTransport());
    const std::string& endpoint = options.endpoint;
    if (endpoint.rfind("tls://", 0) == 0) {
        std::string host, port;
        if (!splitHostPort(std::string_view(endpoint).substr(6), host, port))
            return Status(hr::InvalidArg, "\"" + endpoint + "\" is not tls://HOST:PORT.");
        addrinfo hints{};
        hints.ai_family = AF_UNSPEC;
        hints.ai_socktype = SOCK_STREAM;
        addrinfo* found = nullptr;
        if (const int error = ::getaddrinfo(host.c_str(), port.c_str(), &hints, &found); error != 0)
            return Status(hr::ManagerStopped, "cannot resolve " + host + ": " + ::gai_strerror(error) + ".");
        int lastError = ECONNREFUSED;
        for (addrinfo* a = found; a && transport->m_fd < 0; a = a->ai_next) {
            const int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
            if (fd < 0) {
                lastError = errno;
                continue;
            }
            if (::connect(fd, a->ai_addr, a->ai_addrlen) != 0) {
                lastError = errno;
                ::close(fd);
                continue;
            }
            transport->m_fd = fd;
        }
        ::freeaddrinfo(found);
        if (transport->m_fd < 0)
            return notConnected(endpointText, lastError);
        const int on = 1;
        ::setsockopt(transport->m_fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
        ::fcntl(transport->m_fd, F_SETFL, ::fcntl(transport->m_fd, F_GETFL) | O_NONBLOCK);
        if (Status s = transport->startTls(options, host, endpointText); !s.ok())
            return s;
        return transport;
    }
    const std::string path = endpoint.rfind("unix:", 0) == 0 ? endpoint.substr(5) : endpoint;
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (path.size() >= sizeof address.sun_path)
        return Status(hr::InvalidArg, "the socket path " + path + " is longer than " +
                                          std::to_string(sizeof address.sun_path - 1) + " bytes.");
    std::memcpy(address.sun_path, path.data(), path.size());
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return notConnected(endpointText, errno);
    transport->m_fd = fd;
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0)
        return notConnected(endpointText, errno);
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    return transport;
}

Status ClientTransport::startTls(const RpcClientOptions& options, const std::string& host,
                                 const std::string& endpointText)
{
    m_context = SSL_CTX_new(TLS_client_method());
    if (!m_context)
        return Status(hr::OutOfMemory, "cannot create a TLS context: " + tlsErrorText() + ".");
    const bool loaded = options.caFile.empty()
                            ? SSL_CTX_set_default_verify_paths(m_context) == 1
                            : SSL_CTX_load_verify_locations(m_context, options.caFile.c_str(), nullptr) == 1;
    if (!loaded)
        return Status(hr::InvalidArg,
                      "cannot load the CA file " + options.caFile + ": " + tlsErrorText() + ".");
    m_ssl = SSL_new(m_context);
    BIO* in = BIO_new(BIO_s_mem());
    BIO* out = BIO_new(BIO_s_mem());
    if (!m_ssl || !in || !out) {
        BIO_free(in);
        BIO_free(out);
        return Status(hr::OutOfMemory, "cannot create a TLS connection: " + tlsErrorText() + ".");
    }
    BIO_set_mem_eof_return(in, -1); // an empty input buffer means "wait for more", not end of stream
    SSL_set_bio(m_ssl, in, out);
    SSL_set_connect_state(m_ssl);
    X509_VERIFY_PARAM* verify = SSL_get0_param(m_ssl);
    const bool isAddress = X509_VERIFY_PARAM_set1_ip_asc(verify, host.c_str()) == 1;
    if (!isAddress)
        SSL_set_tlsext_host_name(m_ssl, host.c_str());
    if (options.verifyPeer) {
        if (!isAddress)
            SSL_set1_host(m_ssl, host.c_str());
        SSL_set_verify(m_ssl, SSL_VERIFY_PEER, nullptr);
    } else {
        X509_VERIFY_PARAM_set1_ip(verify, nullptr, 0);
        SSL_set_verify(m_ssl, SSL_VERIFY_NONE, nullptr);
    }

    const auto deadline = std::chrono::steady_clock::now() + options.callTimeout;
    auto failed = [&](const std::string& why) {
        return Status(hr::ManagerStopped,
                      "TLS handshake with hcnd at " + endpointText + " failed: " + why + ".");
    };
    std::lock_guard lock(m_tlsMutex);
    for (;;) {
        const int done = SSL_do_handshake(m_ssl);
        const int error = done == 1 ? SSL_ERROR_NONE : SSL_get_error(m_ssl, done);
        for (;;) {
            Io sent = sendEncrypted();
            if (sent.state == State::Done)
                break;
            if (sent.state != State::WantWrite)
                return failed(sent.error.empty() ? "the connection was closed" : sent.error);
            if (!waitFor(m_fd, POLLOUT, deadline))
                return failed("no answer in time");
        }
        if (done == 1)
            return Status::success();
        if (error != SSL_ERROR_WANT_READ) {
            const long verified = SSL_get_verify_result(m_ssl);
            if (verified != X509_V_OK)
                return failed(std::string("certificate verify failed (") +
                              X509_verify_cert_error_string(verified) + ")");
            return failed(tlsErrorText());
        }
        Io received = receiveEncrypted();
        if (received.state == State::WantRead) {
            if (!waitFor(m_fd, POLLIN, deadline))
                return failed("no answer in time");
        } else if (received.state != State::Done) {
            return failed(received.state == State::Closed ? "the connection was closed" : received.error);
        }
    }
}

ClientTransport::~ClientTransport()
{
    if (m_ssl)
        SSL_free(m_ssl); // frees both memory buffers
    if (m_context)
        SSL_CTX_free(m_context);
    if (m_fd >= 0)
        ::close(m_fd);
}

ClientTransport::Io ClientTransport::read(char* data, std::size_t size)
{
    if (!m_ssl)
        return receiveSome(m_fd, data, size);
    std::lock_guard lock(m_tlsMutex);
    for (;;) {
        ERR_clear_error();
        const int n = SSL_read(m_ssl, data, static_cast<int>(std::min<std::size_t>(size, 1 << 30)));
        if (n > 0) {
            m_inputDrained = false;
            (void)sendEncrypted(); // whatever reading produced (a key update answer) goes out too
            return {State::Done, static_cast<std::size_t>(n), {}};
        }
        const int error = SSL_get_error(m_ssl, n);
        if (error == SSL_ERROR_ZERO_RETURN)
            return {State::Closed, 0, {}};
        if (error != SSL_ERROR_WANT_READ)
            return {State::Failed, 0, tlsErrorText()};
        (void)sendEncrypted();
        Io received = receiveEncrypted();
        if (received.state == State::WantRead)
            m_inputDrained = true;
        if (received.state != State::Done)
            return received;
    }
}

ClientTransport::Io ClientTransport::write(const char* data, std::size_t size)
{
    if (!m_ssl) {
        for (;;) {
            const ssize_t n = ::send(m_fd, data, size, MSG_NOSIGNAL);
            if (n >= 0)
                return {State::Done, static_cast<std::size_t>(n), {}};
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                return {State::WantWrite, 0, {}};
            if (errno != EINTR)
                return socketError(errno);
        }
    }
    std::lock_guard lock(m_tlsMutex);
    // Into the memory buffer: OpenSSL takes all of it at once.
    ERR_clear_error();
    const int n = SSL_write(m_ssl, data, static_cast<int>(size));
    if (n <= 0)
        return {State::Failed, 0, tlsErrorText()};
    Io sent = sendEncrypted();
    if (sent.state == State::Closed || sent.state == State::Failed)
        return sent;
    return {State::Done, static_cast<std::size_t>(n), {}};
}

ClientTransport::Io ClientTransport::flush()
{
    if (!m_ssl)
        return {State::Done, 0, {}};
    std::lock_guard lock(m_tlsMutex);
    return sendEncrypted();
}

bool ClientTransport::hasBufferedInput()
{
    if (!m_ssl)
        return false;
    std::lock_guard lock(m_tlsMutex);
    return !m_inputDrained;
}

ClientTransport::Io ClientTransport::sendEncrypted()
{
    BIO* out = SSL_get_wbio(m_ssl);
    while (const std::size_t pending = BIO_ctrl_pending(out)) {
        const std::size_t at = m_unsent.size();
        m_unsent.resize(at + pending);
        const int got = BIO_read(out, m_unsent.data() + at, static_cast<int>(pending));
        m_unsent.resize(at + static_cast<std::size_t>(std::max(got, 0)));
        if (got <= 0)
            break;
    }
    std::size_t offset = 0;
    while (offset < m_unsent.size()) {
        const ssize_t n = ::send(m_fd, m_unsent.data() + offset, m_unsent.size() - offset, MSG_NOSIGNAL);
        if (n > 0) {
            offset += static_cast<std::size_t>(n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        m_unsent.erase(0, offset);
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return {State::WantWrite, 0, {}};
        return socketError(n < 0 ? errno : EPIPE);
    }
    m_unsent.clear();
    return {State::Done, 0, {}};
}

ClientTransport::Io ClientTransport::receiveEncrypted()
{
    char buffer[16384];
    Io received = receiveSome(m_fd, buffer, sizeof buffer);
    if (received.state == State::Done)
        BIO_write(SSL_get_rbio(m_ssl), buffer, static_cast<int>(received.bytes));
    return received;
}

void ClientTransport::shutdown()
{
    if (m_fd >= 0)
        ::shutdown(m_fd, SHUT_RDWR);
}

} // namespace hcn::rpc
