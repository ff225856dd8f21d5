#pragma once
// How `hcnctl events` prints one notification: a line for people or a JSON line for scripts.

#include "hcn/notification.h"

#include <chrono>
#include <string>

namespace hcn::ctl {

using EventClock = std::chrono::system_clock;

/// "2026-11-25T14:45:03.123Z  #42  HcnNotificationNetworkCreate  <ID>  Name=nat Type=NAT"
std::string eventLine(const Notification& notification, EventClock::time_point received);
/// {"Time","Sequence","Type","TypeName","Status","Id","Data"} on one line; Data is the whole
/// NotificationBase document (null for ServiceDisconnect).
std::string eventJsonLine(const Notification& notification, EventClock::time_point received);
/// A line saying events between two sequence numbers never arrived (the service dropped them for a
/// slow reader); `first`..`last` inclusive.
std::string gapLine(std::uint64_t first, std::uint64_t last, bool json, EventClock::time_point received);
/// ISO 8601 UTC with milliseconds.
std::string isoTime(EventClock::time_point time);

} // namespace hcn::ctl
