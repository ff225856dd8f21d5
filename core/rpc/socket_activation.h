#pragma once
// Socket activation as systemd passes sockets (sd_listen_fds(3)), without libsystemd: LISTEN_PID names
// the process the sockets are meant for, LISTEN_FDS counts them, and they start at descriptor 3.
// installer/systemd/hcnd.socket creates /run/hcn/hcnd.sock (0660, group hcn) and starts hcnd on the
// first connection; hcnd then serves on that socket instead of binding --socket.

#include "hcn/status.h"

namespace hcn::rpc {

/// The first descriptor a service manager passes (SD_LISTEN_FDS_START).
inline constexpr int kFirstInheritedFd = 3;

/// The listening Unix stream socket handed to this process, or -1 when none was (no LISTEN_PID, or one
/// naming another process). The variables are removed from the environment once read, so children do not
/// take the socket for theirs. Fails (E_INVALIDARG, naming what is wrong) when the variables are malformed,
/// pass more than one socket, or the descriptor is not a listening Unix stream socket: hcnd must not fall
/// back to a path of its own behind the service manager's back.
Result<int> takeInheritedUnixSocket();

} // namespace hcn::rpc
