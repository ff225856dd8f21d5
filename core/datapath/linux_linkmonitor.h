#pragma once
// The links' MTUs as the kernel announces them (rtnetlink group RTNLGRP_LINK): a thread that tells its
// owner which link's MTU changed, so the networks built on an underlay follow it. It only reports; its
// owner reads the kernel again under its own lock.

#include "hcn/status.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <thread>
#include <vector>

namespace hcn::linuxdp {

class LinkMonitor
{
public:
    /// Called on the monitor's thread with the index of a link whose MTU changed, or 0 when
    /// announcements were lost (the socket overflowed) and any link may have changed.
    using Changed = std::function<void(int ifindex)>;

    /// The socket's receive buffer: room for the announcements of a burst of link changes (an attach
    /// makes several); what overflows is read again from the kernel.
    static constexpr int kReceiveBuffer = 1 << 20;

    /// Watches the calling thread's network namespace. The links that exist are read before it
    /// returns, so a change made after that is reported. `receiveBuffer`: bytes asked for the socket
    /// (the kernel doubles it, within its limits).
    static Result<std::unique_ptr<LinkMonitor>> start(Changed changed, int receiveBuffer = kReceiveBuffer);
    ~LinkMonitor(); ///< stops the thread and joins it; no call of `changed` runs afterwards

    LinkMonitor(const LinkMonitor&) = delete;
    LinkMonitor& operator=(const LinkMonitor&) = delete;

private:
    LinkMonitor(int sock, int stop, Changed changed);
    void run();
    /// Asks the kernel for every link; its answers arrive on the socket like announcements.
    Status requestDump();
    /// Reads what is queued on the socket; false when announcements were lost.
    bool readMessages(std::uint32_t* dumpDone);
    void note(int ifindex, std::uint32_t mtu, bool removed);

    int m_sock = -1;
    int m_stop = -1; ///< an eventfd: written to stop the thread
    std::uint32_t m_dumpSeq = 0;
    bool m_reporting = false; ///< set once the links are known, before the thread starts
    Changed m_changed;
    std::map<int, std::uint32_t> m_mtus; ///< the monitor thread's alone once it runs
    std::vector<char> m_buffer = std::vector<char>(64 * 1024); ///< one datagram of announcements
    std::thread m_thread;
};

} // namespace hcn::linuxdp
