#pragma once
// Deleting a link makes the kernel wait for an RCU grace period (15-25 ms here) before it returns. The
// reaper does that off the caller's path: links handed to it are moved to a group of their own and
// deleted together, one request per batch, on its thread. Callers cut the link off first (an nftables
// drop) and wait for a name still being reaped before they use it again.

#include "datapath/linux_netlink.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace hcn::linuxdp {

/// The link group of links waiting to be deleted: "hcr".
inline constexpr std::uint32_t kReapGroup = 0x686372;

class LinkReaper
{
public:
    /// Works in the calling thread's network namespace.
    static Result<std::unique_ptr<LinkReaper>> start();
    ~LinkReaper(); ///< deletes what is queued, then stops

    void remove(std::string name);
    /// Returns once `name` is no longer queued or being deleted.
    void waitFor(const std::string& name);
    /// Returns once nothing is queued or being deleted.
    void drain();
    /// The names deleted since the last call (none that is pending again).
    std::vector<std::string> takeFinished();

private:
    explicit LinkReaper(RouteSocket sock);
    void run();

    RouteSocket m_sock;
    std::mutex m_mutex;
    std::condition_variable m_wake, m_done;
    std::deque<std::string> m_queue;
    std::set<std::string> m_pending; ///< queued or being deleted
    std::vector<std::string> m_finished;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace hcn::linuxdp
