#pragma once
// HNS itself stopping (internal to core/io): the Service Control Manager's event 7031 or 7034, "The Host
// Network Service service terminated unexpectedly.", as an event list or a log prints it; or, in any
// language, an event 7031, 7034, 7023 or 7024 of the Service Control Manager whose record names the
// service (its XML's `<Data Name="param1">` or `<Binary>` key name, a Get-WinEvent or Get-EventLog record
// or row, `wevtutil qe` text). Not a request HNS refused, but the key fact of a ticket that holds it:
// the requests failing around it met no HNS.

#include "hcn/dump_text.h"

#include <vector>

namespace hcn::io {

/// How the import report starts the warning that HNS stopped.
inline constexpr std::string_view kHnsStopped = "HNS itself stopped unexpectedly";

/// One warning for the lines that say HNS terminated unexpectedly (each read with the indented lines an
/// event list wrapped its message into) or hold such an event of HNS: "HNS itself stopped unexpectedly (the
/// Service Control Manager logged it at 5/29/2024 12:21:00 AM)", the time the first such line shows; "(2 times,
/// lines 4, 9)" when there are more. Empty when no line says so.
std::vector<ImportWarning> hnsServiceStops(const std::vector<CleanedLine>& lines);

} // namespace hcn::io
