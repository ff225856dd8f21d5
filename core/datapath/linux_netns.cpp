#include "datapath/linux_netns.h"

#include "datapath/linux_netlink.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <utility>

namespace hcn::linuxdp {

namespace {

Status errnoStatus(int error, const std::string& what)
{
    const HResult code = error == EEXIST                   ? hr::AlreadyExists
                         : error == ENOENT                 ? hr::ElementNotFound
                         : error == EPERM || error == EACCES ? hr::AccessDenied
                                                           : hr::Fail;
    return Status(code, what + ": " + std::strerror(error) + ".");
}

/// Makes `dir` a shared mount point (bind-mounting it on itself first when it is none), as iproute2
/// does, so namespaces mounted under it show in every mount namespace.
Status makeSharedMountPoint(const std::string& dir)
{
    if (mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST)
        return errnoStatus(errno, "cannot create " + dir);
    if (mount("", dir.c_str(), "none", MS_SHARED | MS_REC, nullptr) == 0)
        return Status::success();
    if (errno != EINVAL)
        return errnoStatus(errno, "cannot make " + dir + " a shared mount");
    if (mount(dir.c_str(), dir.c_str(), "none", MS_BIND | MS_REC, nullptr) != 0)
        return errnoStatus(errno, "cannot bind-mount " + dir);
    if (mount("", dir.c_str(), "none", MS_SHARED | MS_REC, nullptr) != 0)
        return errnoStatus(errno, "cannot make " + dir + " a shared mount");
    return Status::success();
}

} // namespace

Status runInNetns(int netnsFd, const std::function<Status()>& work)
{
    Status result;
    std::thread worker([&] {
        if (setns(netnsFd, CLONE_NEWNET) != 0) {
            result = errnoStatus(errno, "cannot enter a network namespace");
            return;
        }
        result = work();
    });
    worker.join();
    return result;
}

NetnsFd::NetnsFd(NetnsFd&& other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}

NetnsFd& NetnsFd::operator=(NetnsFd&& other) noexcept
{
    if (this != &other) {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = std::exchange(other.m_fd, -1);
    }
    return *this;
}

NetnsFd::~NetnsFd()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

Result<NetnsFd> NetnsFd::current()
{
    return openPath("/proc/thread-self/ns/net");
}

Result<NetnsFd> NetnsFd::openPath(const std::string& path)
{
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return errnoStatus(errno, "cannot open " + path);
    return NetnsFd(fd);
}

Status createNamedNetns(const std::string& dir, const std::string& name)
{
    if (Status s = makeSharedMountPoint(dir); !s.ok())
        return s;
    const std::string path = dir + "/" + name;
    int fd = ::open(path.c_str(), O_RDONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0);
    if (fd < 0)
        return errnoStatus(errno, "cannot create " + path);
    ::close(fd);
    // A thread of its own leaves its namespace: the bind mount keeps the new one alive after it ends.
    Status made;
    std::thread worker([&] {
        if (unshare(CLONE_NEWNET) != 0) {
            made = errnoStatus(errno, "cannot create a network namespace");
            return;
        }
        if (mount("/proc/thread-self/ns/net", path.c_str(), "none", MS_BIND, nullptr) != 0) {
            made = errnoStatus(errno, "cannot bind-mount the namespace on " + path);
            return;
        }
        auto sock = RouteSocket::open();
        made = sock.ok() ? sock->setUp("lo") : sock.status();
    });
    worker.join();
    if (!made.ok()) {
        umount2(path.c_str(), MNT_DETACH);
        ::unlink(path.c_str());
    }
    return made;
}

Status removeNamedNetns(const std::string& dir, const std::string& name)
{
    const std::string path = dir + "/" + name;
    if (umount2(path.c_str(), MNT_DETACH) != 0 && errno != EINVAL && errno != ENOENT)
        return errnoStatus(errno, "cannot unmount " + path);
    if (::unlink(path.c_str()) != 0 && errno != ENOENT)
        return errnoStatus(errno, "cannot remove " + path);
    return Status::success();
}

Result<unsigned long> currentNetnsInode()
{
    struct stat st{};
    if (stat("/proc/thread-self/ns/net", &st) != 0)
        return errnoStatus(errno, "cannot read the network namespace");
    return static_cast<unsigned long>(st.st_ino);
}

} // namespace hcn::linuxdp
