#pragma once
// docker's network commands on Windows (internal to core/io), the other way a ticket shows what was asked
// of HNS: `docker network create -d l2bridge --subnet=10.0.3.0/24 --gateway=10.0.3.1 -o
// com.docker.network.windowsshim.interface="Ethernet 4" winl2` asks HNS to create a network, `docker
// network rm winl2 natlab` to delete the networks it names (docker's names or IDs, not HNS's IDs). Read
// from one statement's text; the lines a statement stands on, its continuations and code spans are
// hns_commands.cpp's.

#include "io/logged_requests.h"

#include <optional>
#include <string_view>
#include <vector>

namespace hcn::io {

/// The request the docker command `statement` makes of HNS (LoggedRequest::Asker::Command, `by` "docker
/// network create" or "docker network rm" as typed, `kind` Network, `what` as for a request HNS logged:
/// "create network winl2 (L2Bridge, 10.0.3.0/24 via 10.0.3.1) on adapter Ethernet 4", "delete networks
/// natlab and winl2", docker's IDs as "docker ID 8303da79edea"); its lines are the caller's to set.
/// `statement` may start with a prompt (`PS C:\> `, `C:\>`, `$ `). None for a statement that is no such
/// command: another program or docker command (`docker network ls`, `docker run --network x`), a driver
/// HNS has no network type for (Linux's bridge, macvlan, ipvlan, host, none; a plugin), words that are
/// prose (`docker network create` without a name, `docker network rm didn't help`). A statement the paste
/// cut (`continued`: its last line asks for a continuation the paste does not hold; or, `lastLine`: it
/// ends the paste inside a quote or with an option waiting for its value) gives what it holds, its name
/// may be missing, and `what` says it is cut. The names a `docker network rm` deletes (not docker's IDs,
/// which are no HNS object's) are added to `deleted`.
std::optional<LoggedRequest> dockerNetworkRequest(std::string_view statement, bool lastLine, bool continued,
                                                  std::vector<std::string>& deleted);

/// Whether `line` is what `docker network create` prints when the network was made: its docker ID alone
/// (64 hex digits, or at least 12 where a console or the paste cut it).
bool isCreatedNetworkId(std::string_view line);

/// Whether `text` may hold a docker network command (a cheap test of every line before reading it).
bool mayHoldDockerNetworkCommand(std::string_view text);

} // namespace hcn::io
