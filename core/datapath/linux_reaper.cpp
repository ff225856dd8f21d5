#include "datapath/linux_reaper.h"

#include "common/log.h"

#include <utility>

namespace hcn::linuxdp {

Result<std::unique_ptr<LinkReaper>> LinkReaper::start()
{
    auto sock = RouteSocket::open();
    if (!sock.ok())
        return sock.status();
    return std::unique_ptr<LinkReaper>(new LinkReaper(std::move(*sock)));
}

LinkReaper::LinkReaper(RouteSocket sock) : m_sock(std::move(sock)), m_thread([this] { run(); }) {}

LinkReaper::~LinkReaper()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void LinkReaper::remove(std::string name)
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_pending.insert(name).second)
            return;
        std::erase(m_finished, name); // finished earlier, pending again now
        m_queue.push_back(std::move(name));
    }
    m_wake.notify_all();
}

void LinkReaper::waitFor(const std::string& name)
{
    std::unique_lock lock(m_mutex);
    m_done.wait(lock, [&] { return !m_pending.count(name); });
}

void LinkReaper::drain()
{
    std::unique_lock lock(m_mutex);
    m_done.wait(lock, [&] { return m_pending.empty(); });
}

std::vector<std::string> LinkReaper::takeFinished()
{
    std::lock_guard lock(m_mutex);
    return std::exchange(m_finished, {});
}

void LinkReaper::run()
{
    auto log = componentLogger("hcn.datapath");
    for (;;) {
        std::vector<std::string> batch;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [&] { return m_stop || !m_queue.empty(); });
            if (m_queue.empty())
                return; // stopping with nothing left
            batch.assign(m_queue.begin(), m_queue.end());
            m_queue.clear();
        }
        // One link: deleted by name. More: regrouped (a link already gone, say with its namespace, is
        // fine), then one delete for all of them, one grace period for the batch.
        if (batch.size() == 1) {
            if (Status s = m_sock.deleteLink(batch.front()); !s.ok() && s.code() != hr::ElementNotFound)
                log->warn("linux datapath: deleting {}: {}", batch.front(), s.detail());
        } else {
            for (const auto& name : batch)
                if (Status s = m_sock.setGroup(name, kReapGroup); !s.ok() && s.code() != hr::ElementNotFound)
                    log->warn("linux datapath: cannot queue {} for deletion: {}", name, s.detail());
            if (Status s = m_sock.deleteGroup(kReapGroup); !s.ok())
                log->warn("linux datapath: deleting links: {}", s.detail());
        }
        {
            std::lock_guard lock(m_mutex);
            for (const auto& name : batch) {
                m_pending.erase(name);
                m_finished.push_back(name);
            }
        }
        m_done.notify_all();
    }
}

} // namespace hcn::linuxdp
