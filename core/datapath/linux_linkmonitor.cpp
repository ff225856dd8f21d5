#include "datapath/linux_linkmonitor.h"

#include "common/log.h"

#include <cerrno>
#include <cstring>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace hcn::linuxdp {

namespace {

Status systemError(const std::string& what)
{
    return Status(hr::Fail, what + ": " + std::strerror(errno) + ".");
}

} // namespace

Result<std::unique_ptr<LinkMonitor>> LinkMonitor::start(Changed changed, int receiveBuffer)
{
    const int sock = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK, NETLINK_ROUTE);
    if (sock < 0)
        return systemError("cannot open a route netlink socket for link announcements");
    (void)setsockopt(sock, SOL_SOCKET, SO_RCVBUF, &receiveBuffer, sizeof receiveBuffer);
    sockaddr_nl local{};
    local.nl_family = AF_NETLINK;
    local.nl_groups = RTMGRP_LINK;
    if (bind(sock, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0) {
        Status s = systemError("cannot join the link announcements");
        ::close(sock);
        return s;
    }
    const int stop = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (stop < 0) {
        Status s = systemError("cannot make the link monitor's stop event");
        ::close(sock);
        return s;
    }
    std::unique_ptr<LinkMonitor> monitor(new LinkMonitor(sock, stop, std::move(changed)));
    // Joined first, then every link read: a change from here on is either in the dump's answer or
    // announced after it, and compared with what the dump said.
    if (Status s = monitor->requestDump(); !s.ok())
        return s;
    std::uint32_t done = 0;
    while (done != monitor->m_dumpSeq) {
        pollfd p{sock, POLLIN, 0};
        if (poll(&p, 1, 5000) <= 0)
            return Status(hr::Fail, "the kernel did not list its links to the link monitor.");
        // Announcements lost meanwhile do not matter yet (nothing follows a link); the dump goes on.
        if (!monitor->readMessages(&done) && errno != ENOBUFS)
            return systemError("cannot read the kernel's links");
    }
    monitor->m_reporting = true;
    monitor->m_thread = std::thread([m = monitor.get()] { m->run(); });
    return monitor;
}

LinkMonitor::LinkMonitor(int sock, int stop, Changed changed)
    : m_sock(sock), m_stop(stop), m_changed(std::move(changed))
{}

LinkMonitor::~LinkMonitor()
{
    if (m_thread.joinable()) {
        const std::uint64_t one = 1;
        if (::write(m_stop, &one, sizeof one) != sizeof one)
            componentLogger("hcn.datapath")->error("linux datapath: cannot stop the link monitor");
        m_thread.join();
    }
    ::close(m_sock);
    ::close(m_stop);
}

Status LinkMonitor::requestDump()
{
    struct
    {
        nlmsghdr header;
        ifinfomsg info;
    } request{};
    request.header.nlmsg_len = sizeof request;
    request.header.nlmsg_type = RTM_GETLINK;
    request.header.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    request.header.nlmsg_seq = ++m_dumpSeq;
    request.info.ifi_family = AF_UNSPEC;
    sockaddr_nl kernel{};
    kernel.nl_family = AF_NETLINK;
    if (sendto(m_sock, &request, sizeof request, 0, reinterpret_cast<sockaddr*>(&kernel), sizeof kernel) < 0)
        return systemError("cannot ask the kernel for its links");
    return Status::success();
}

bool LinkMonitor::readMessages(std::uint32_t* dumpDone)
{
    std::vector<char>& buffer = m_buffer;
    for (;;) {
        const ssize_t n = recv(m_sock, buffer.data(), buffer.size(), 0);
        if (n < 0)
            return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR;
        std::size_t left = static_cast<std::size_t>(n);
        for (auto* h = reinterpret_cast<nlmsghdr*>(buffer.data()); NLMSG_OK(h, left);
             h = NLMSG_NEXT(h, left)) {
            if (h->nlmsg_type == NLMSG_DONE || h->nlmsg_type == NLMSG_ERROR) {
                if (h->nlmsg_seq == m_dumpSeq)
                    *dumpDone = h->nlmsg_seq;
                continue;
            }
            if ((h->nlmsg_type != RTM_NEWLINK && h->nlmsg_type != RTM_DELLINK) ||
                h->nlmsg_len < NLMSG_LENGTH(sizeof(ifinfomsg)))
                continue;
            const auto* info = static_cast<const ifinfomsg*>(NLMSG_DATA(h));
            std::uint32_t mtu = 0;
            int attrLeft = static_cast<int>(IFLA_PAYLOAD(h));
            for (auto* a = IFLA_RTA(info); RTA_OK(a, attrLeft); a = RTA_NEXT(a, attrLeft))
                if (a->rta_type == IFLA_MTU && RTA_PAYLOAD(a) >= sizeof mtu)
                    std::memcpy(&mtu, RTA_DATA(a), sizeof mtu);
            note(info->ifi_index, mtu, h->nlmsg_type == RTM_DELLINK);
        }
    }
}

void LinkMonitor::note(int ifindex, std::uint32_t mtu, bool removed)
{
    if (removed) {
        m_mtus.erase(ifindex);
        return;
    }
    if (mtu == 0)
        return;
    auto [it, added] = m_mtus.emplace(ifindex, mtu);
    if (added || it->second == mtu)
        return; // a new link, or another change than its MTU
    it->second = mtu;
    if (m_reporting)
        m_changed(ifindex);
}

void LinkMonitor::run()
{
    auto log = componentLogger("hcn.datapath");
    std::uint32_t dumpDone = 0;
    for (;;) {
        pollfd fds[2] = {{m_sock, POLLIN, 0}, {m_stop, POLLIN, 0}};
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            log->error("linux datapath: the link monitor stops: {}", std::strerror(errno));
            return;
        }
        if (fds[1].revents)
            return;
        if (readMessages(&dumpDone))
            continue;
        if (errno != ENOBUFS) {
            log->error("linux datapath: the link monitor stops: {}", std::strerror(errno));
            return;
        }
        // Announcements were lost: read every link again (a difference is reported as it arrives) and
        // let the owner look at all it follows now.
        log->warn("linux datapath: link announcements were lost; reading the links again");
        if (Status s = requestDump(); !s.ok())
            log->warn("linux datapath: {}", s.detail());
        m_changed(0);
    }
}

} // namespace hcn::linuxdp
