#pragma once
// Named network namespaces the way iproute2 makes them: a namespace bind-mounted on a file in
// /run/netns (a shared mount point), so `ip netns exec NAME` and CNI runtimes find it by name.

#include "hcn/status.h"

#include <functional>
#include <string>

namespace hcn::linuxdp {

/// Runs `work` on a thread that first joins the network namespace behind `netnsFd`; returns its status.
Status runInNetns(int netnsFd, const std::function<Status()>& work);

/// An open namespace file descriptor (closed on destruction).
class NetnsFd
{
public:
    NetnsFd() = default;
    explicit NetnsFd(int fd) : m_fd(fd) {}
    NetnsFd(NetnsFd&& other) noexcept;
    NetnsFd& operator=(NetnsFd&& other) noexcept;
    NetnsFd(const NetnsFd&) = delete;
    NetnsFd& operator=(const NetnsFd&) = delete;
    ~NetnsFd();
    int get() const { return m_fd; }

    /// The calling thread's own network namespace.
    static Result<NetnsFd> current();
    /// The namespace mounted at `path`.
    static Result<NetnsFd> openPath(const std::string& path);

private:
    int m_fd = -1;
};

/// Creates the named namespace `dir`/`name` (a new, empty namespace with its loopback up). Fails with
/// AlreadyExists when the name is taken.
Status createNamedNetns(const std::string& dir, const std::string& name);
/// Unmounts and removes `dir`/`name`; the namespace ends when nothing else holds it.
Status removeNamedNetns(const std::string& dir, const std::string& name);

/// The inode of the calling thread's network namespace: identifies "this host" for leftover markers.
Result<unsigned long> currentNetnsInode();

} // namespace hcn::linuxdp
