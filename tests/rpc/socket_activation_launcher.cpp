// socket_activation_launcher: what a service manager does for hcnd.socket, in one small program the
// tests start with ChildProcess. It binds and listens on SOCKET, puts that socket on descriptor 3, sets
// LISTEN_PID to its own process ID and LISTEN_FDS=1, and executes PROGRAM in its place (the same
// process, so LISTEN_PID names the program). Modes for the cases hcnd must refuse or ignore:
//   --not-listening  descriptor 3 is a bound Unix socket that does not listen
//   --two            LISTEN_FDS=2 (descriptor 4 is a second listening socket)
//   --other-pid      LISTEN_PID names another process (the variables must be ignored)
//
// Usage: socket_activation_launcher [MODE] SOCKET PROGRAM [ARGS...]

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

namespace {

int fail(const char* what)
{
    std::fprintf(stderr, "socket_activation_launcher: %s: %s\n", what, std::strerror(errno));
    return 127;
}

/// A Unix stream socket bound to `path` (0660), listening unless `listen` is false; -1 on failure.
int boundSocket(const std::string& path, bool listening)
{
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (path.size() >= sizeof address.sun_path)
        return -1;
    path.copy(address.sun_path, sizeof address.sun_path - 1);
    ::unlink(path.c_str());
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::chmod(path.c_str(), 0660) != 0 || (listening && ::listen(fd, SOMAXCONN) != 0))
        return -1;
    return fd;
}

/// Moves `fd` to `target` (left open across exec).
bool moveTo(int fd, int target)
{
    if (fd == target)
        return true;
    if (::dup2(fd, target) != target)
        return false;
    ::close(fd);
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    int first = 1;
    std::string mode;
    if (argc > 1 && std::strncmp(argv[1], "--", 2) == 0)
        mode = argv[first++];
    if (argc - first < 2) {
        std::fprintf(stderr, "usage: socket_activation_launcher [--not-listening|--two|--other-pid] "
                             "SOCKET PROGRAM [ARGS...]\n");
        return 2;
    }
    const std::string path = argv[first];
    const int fd = boundSocket(path, mode != "--not-listening");
    if (fd < 0 || !moveTo(fd, 3))
        return fail(path.c_str());
    int count = 1;
    if (mode == "--two") {
        const int second = boundSocket(path + ".2", true);
        if (second < 0 || !moveTo(second, 4))
            return fail("second socket");
        count = 2;
    }
    const long pid = mode == "--other-pid" ? static_cast<long>(::getppid()) : static_cast<long>(::getpid());
    ::setenv("LISTEN_PID", std::to_string(pid).c_str(), 1);
    ::setenv("LISTEN_FDS", std::to_string(count).c_str(), 1);
    ::execv(argv[first + 1], argv + first + 1);
    return fail(argv[first + 1]);
}
