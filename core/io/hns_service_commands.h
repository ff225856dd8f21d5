#pragma once
// The HNS service stopped, started or its store deleted by a command (internal to core/io): what a
// support engineer asks first of a ticket whose poster "restarted HNS". The Service Control Manager's
// own events of HNS stopping are hns_service_stops.h's.

#include "hcn/dump_text.h"

#include <vector>

namespace hcn::io {

/// What `lines` say of commands on the HNS service.
struct HnsServiceCommands
{
    /// A stop or start of HNS that failed, as PowerShell's service cmdlets (`Restart-Service : Service
    /// 'Host Network Service (hns)' stop failed.`), `net stop` (`The Host Network Service service could not
    /// be stopped.`) or a wait for a stop that hangs (`WARNING: Waiting for service 'Host Network Service
    /// (hns)' to stop...`) say it: "the HNS service could not be stopped (Restart-Service: "..."): ...".
    std::vector<ImportWarning> warnings;
    /// A command typed at a prompt or on a line of its own that stops, starts or restarts HNS
    /// (`Stop-Service hns`, `Restart-Service -Name hns -Force`, `Get-Service hns | Restart-Service`,
    /// `net stop hns`, `sc.exe start hns`) or deletes its store
    /// (`del C:\ProgramData\Microsoft\Windows\HNS\HNS.data`, `Remove-Item`): "a command (Stop-Service hns)
    /// that stops HNS at line 16".
    std::vector<ImportWarning> infos;
};

HnsServiceCommands hnsServiceCommandsIn(const std::vector<CleanedLine>& lines);

} // namespace hcn::io
