#pragma once
// EventWatcher: `hcnctl events`: subscribes to the service-wide notification stream and prints each
// event as it arrives until the time is up, enough events were seen, the user interrupts or the
// service goes away.

#include "hcn/api.h"

#include <condition_variable>
#include <cstdint>
#include <iosfwd>
#include <mutex>
#include <optional>

namespace hcn::ctl {

class EventWatcher
{
public:
    struct Settings
    {
        bool follow = false;
        bool json = false;
        /// Without follow: how long to listen (seconds). Ignored with follow.
        double durationSeconds = 10.0;
        /// Stop after this many events (either mode).
        std::optional<std::uint64_t> count;
    };

    EventWatcher(Api& api, std::ostream& out, std::ostream& err, Settings settings);

    /// Runs until one of the stop conditions; returns the exit status (0; 1 when the service
    /// disconnected or the subscription failed). `where` names the service in the ready message.
    int run(const std::string& where);

private:
    void deliver(const Notification& notification);

    Api& m_api;
    std::ostream& m_out;
    std::ostream& m_err;
    Settings m_settings;

    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::uint64_t m_printed = 0;
    std::uint64_t m_lastSequence = 0;
    bool m_disconnected = false;
    bool m_enough = false;
};

} // namespace hcn::ctl
