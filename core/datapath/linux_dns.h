#pragma once
// An endpoint's DNS settings inside its namespace: /etc/netns/<namespace>/resolv.conf, the file
// `ip netns exec` bind-mounts over /etc/resolv.conf (docs/datapath-linux.md, "DNS").

#include "datapath/linux_plan.h"
#include "hcn/status.h"

#include <string>

namespace hcn::linuxdp {

/// The resolv.conf text for `dns` (written for endpoint `endpoint`).
std::string resolvConfText(const DnsPlan& dns, const Guid& endpoint);

/// Writes <etcNetnsDir>/<name>/resolv.conf (creating the directory), replacing it atomically.
Status writeNetnsResolvConf(const std::string& etcNetnsDir, const std::string& name, const std::string& text);
/// Removes <etcNetnsDir>/<name>/resolv.conf and the directory when that leaves it empty. Absent: success.
Status removeNetnsResolvConf(const std::string& etcNetnsDir, const std::string& name);

} // namespace hcn::linuxdp
