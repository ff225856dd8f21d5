#include "rpc/socket_activation.h"

#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/socket.h>
#include <unistd.h>

namespace hcn::rpc {

namespace {

Status activationError(std::string message)
{
    return Status(hr::InvalidArg, "socket activation: " + std::move(message));
}

bool parseWhole(const char* text, long& out)
{
    const char* end = text + std::strlen(text);
    auto [ptr, ec] = std::from_chars(text, end, out);
    return ec == std::errc() && ptr == end && ptr != text;
}

int socketOption(int fd, int option)
{
    int value = -1;
    socklen_t size = sizeof value;
    return ::getsockopt(fd, SOL_SOCKET, option, &value, &size) == 0 ? value : -1;
}

} // namespace

Result<int> takeInheritedUnixSocket()
{
    const char* pidText = std::getenv("LISTEN_PID");
    if (!pidText)
        return -1;
    long pid = 0;
    if (!parseWhole(pidText, pid) || pid <= 0)
        return activationError("LISTEN_PID \"" + std::string(pidText) + "\" is not a process ID.");
    if (pid != static_cast<long>(::getpid()))
        return -1; // meant for another process (a parent that did not clean up)
    const char* countText = std::getenv("LISTEN_FDS");
    std::string count = countText ? countText : "";
    ::unsetenv("LISTEN_PID");
    ::unsetenv("LISTEN_FDS");
    ::unsetenv("LISTEN_FDNAMES");
    long fds = 0;
    if (!parseWhole(count.c_str(), fds) || fds < 0)
        return activationError("LISTEN_FDS \"" + count + "\" is not a number of descriptors.");
    if (fds == 0)
        return -1;
    if (fds != 1)
        return activationError("hcnd serves on one inherited socket, but " + count +
                               " were passed (one ListenStream= in hcnd.socket).");
    const int fd = kFirstInheritedFd;
    if (::fcntl(fd, F_GETFD) < 0)
        return activationError("descriptor 3 is not open.");
    if (socketOption(fd, SO_DOMAIN) != AF_UNIX || socketOption(fd, SO_TYPE) != SOCK_STREAM)
        return activationError(
            "descriptor 3 is not a Unix stream socket (ListenStream=PATH in hcnd.socket).");
    if (socketOption(fd, SO_ACCEPTCONN) != 1)
        return activationError("descriptor 3 is not a listening socket (hcnd.socket needs Accept=no).");
    // Ours alone: programs hcnd might start must not inherit it.
    ::fcntl(fd, F_SETFD, ::fcntl(fd, F_GETFD) | FD_CLOEXEC);
    return fd;
}

} // namespace hcn::rpc
