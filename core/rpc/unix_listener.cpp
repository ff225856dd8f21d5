#include "rpc/unix_listener.h"

#include "common/log.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

namespace hcn::rpc {

namespace {

Status systemError(const std::string& what, int error)
{
    return Status(makeHResult(0x80070000u | (static_cast<std::uint32_t>(error) & 0xFFFFu)),
                  what + ": " + std::strerror(error) + ".");
}

/// True when something accepts connections on `path` (a live service).
bool somebodyListens(const std::string& path)
{
    asio::io_context io;
    asio::local::stream_protocol::socket probe(io);
    std::error_code ec;
    probe.connect(asio::local::stream_protocol::endpoint(path), ec);
    return !ec;
}

} // namespace

UnixListener::UnixListener(asio::io_context& io, std::string path, gid_t group, ContextPicker pick)
    : m_io(io), m_pick(std::move(pick)), m_acceptor(asio::make_strand(io)),
      m_retry(m_acceptor.get_executor()), m_path(std::move(path)), m_group(group)
{}

UnixListener::~UnixListener()
{
    close();
}

Status UnixListener::open()
{
    if (m_path.size() >= sizeof(sockaddr_un::sun_path))
        return Status(hr::InvalidArg, "the socket path " + m_path + " is longer than " +
                                          std::to_string(sizeof(sockaddr_un::sun_path) - 1) + " bytes.");
    const std::filesystem::path path(m_path);
    std::error_code fsError;
    if (path.has_parent_path() && !std::filesystem::exists(path.parent_path(), fsError)) {
        std::filesystem::create_directories(path.parent_path(), fsError);
        if (fsError)
            return systemError("cannot create the directory " + path.parent_path().string(), fsError.value());
    }
    struct stat info
    {
    };
    if (::lstat(m_path.c_str(), &info) == 0) {
        if (!S_ISSOCK(info.st_mode))
            return Status(hr::AlreadyExists, m_path + " exists and is not a socket; not replacing it.");
        if (somebodyListens(m_path))
            return Status(hr::AlreadyExists, "another hcnd is already serving on " + m_path + ".");
        componentLogger("hcnd")->info("removing the stale socket {}", m_path);
        if (::unlink(m_path.c_str()) != 0)
            return systemError("cannot remove the stale socket " + m_path, errno);
    }
    std::error_code ec;
    // Created with no access for others from the first moment; chmod/chown then open it to the group.
    const mode_t previous = ::umask(0117);
    m_acceptor.open(asio::local::stream_protocol(), ec);
    if (!ec)
        m_acceptor.bind(asio::local::stream_protocol::endpoint(m_path), ec);
    ::umask(previous);
    if (ec)
        return systemError("cannot bind " + m_path, ec.value());
    m_created = true;
    if (::chmod(m_path.c_str(), 0660) != 0)
        return systemError("cannot chmod " + m_path, errno);
    if (::chown(m_path.c_str(), static_cast<uid_t>(-1), m_group) != 0)
        return systemError("cannot give " + m_path + " to group " + std::to_string(m_group), errno);
    m_acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec)
        return systemError("cannot listen on " + m_path, ec.value());
    return Status::success();
}

Status UnixListener::adopt(int fd)
{
    std::error_code ec;
    m_acceptor.assign(asio::local::stream_protocol(), fd, ec);
    if (ec)
        return systemError("cannot use the inherited socket (descriptor " + std::to_string(fd) + ")",
                           ec.value());
    const auto address = m_acceptor.local_endpoint(ec);
    if (!ec)
        m_path = address.path();
    m_created = false;
    return Status::success();
}

void UnixListener::startAccepting(AcceptHandler handler)
{
    m_handler = std::move(handler);
    acceptNext();
}

void UnixListener::acceptNext()
{
    auto strand = asio::make_strand(m_pick ? m_pick() : m_io);
    m_acceptor.async_accept(
        strand, [this, strand](const std::error_code& ec, asio::local::stream_protocol::socket socket) {
            if (ec == asio::error::operation_aborted || !m_acceptor.is_open())
                return;
            if (!ec) {
                m_handler(std::move(socket), strand);
                acceptNext();
                return;
            }
            // Out of descriptors or memory: retrying at once would spin; give clients time to leave.
            componentLogger("hcnd")->warn("accept on {} failed: {}", m_path, ec.message());
            m_retry.expires_after(std::chrono::milliseconds(100));
            m_retry.async_wait([this](const std::error_code& waitError) {
                if (!waitError && m_acceptor.is_open())
                    acceptNext();
            });
        });
}

void UnixListener::closeAsync()
{
    asio::post(m_acceptor.get_executor(), [this] { close(); });
}

void UnixListener::close()
{
    std::error_code ignored;
    m_acceptor.close(ignored);
    m_retry.cancel();
    if (m_created) {
        ::unlink(m_path.c_str());
        m_created = false;
    }
}

} // namespace hcn::rpc
