#pragma once
// HNS objects a client looked up and did not find, as hcsshim words the failure: `Endpoint External not
// found`, `Network cbr0 not found` (its v1 lookups by name), `Endpoint name "web" not found`, `Network ID
// "..." not found`, `Namespace ID "..." not found` (its hcn package). An engineer reads the symptom
// there: a client that asks for an endpoint by a network's name, an object removed under it. Calico
// felix says it otherwise (`Failed to look up HNS endpoint for workload ...`).

#include "hcn/dump_text.h"

#include <vector>

namespace hcn::io {

/// One info per object looked up and the wording of the lookup, at the line that first logs it:
/// `the log says HNS has no endpoint "External" (looked up by name) at line 5`, with "(2 times, lines
/// 5-6)" when it is logged again. Calico felix's failed lookups of its workloads' HNS endpoints (`Failed to
/// look up HNS endpoint for workload`, `Could not resolve hns endpoint id ip=...`) are one info: the
/// workloads, the addresses, what its cache of HNS's endpoints held, and the lines.
std::vector<ImportWarning> failedLookupsIn(const std::vector<CleanedLine>& lines);

} // namespace hcn::io
