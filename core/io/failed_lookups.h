#pragma once
// HNS objects a client looked up and did not find, as hcsshim words the failure: `Endpoint External not
// found`, `Network cbr0 not found` (its v1 lookups by name), `Endpoint name "web" not found`, `Network ID
// "..." not found`, `Namespace ID "..." not found` (its hcn package). An engineer reads the symptom
// there: a client that asks for an endpoint by a network's name, an object removed under it. Calico
// felix says it otherwise (`Failed to look up HNS endpoint for workload ...`).

#include "hcn/dump_text.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hcn::io {

/// One object a line says a lookup did not find.
struct LineLookup
{
    /// The kind and the name in lower case without quotes: the same object looked up by hcsshim and in
    /// words has one key.
    std::pair<std::string, std::string> key;
    std::string object; ///< as a warning names it: `network "cbr0"`, `network matching "(?i)calico.*"`
    std::string said;   ///< the info's words for the lookup, without its lines
};

/// The lookups `text` states, each object once: hcsshim's not-found errors, a lookup in words (a line
/// stating an error code is the readers' of logged failures) and felix's lookup of its network.
std::vector<LineLookup> lookupsOn(std::string_view text);

/// The lookups line `at` of `lines` states (lookupsOn). One that names nothing on its line
/// (`Unable to find Hns Network` at its end) is read with the next line when a hard wrap (an editor's, a
/// mail's) put the rest of its words there: a line no log level opens that starts with a lower-case word
/// (`specified by cbr0. Please check environment variable KUBE_NETWORK`). Then `joined` holds both
/// lines' text and `last` is the next line's index; else `last` is `at`.
std::vector<LineLookup> lookupsOnLine(const std::vector<CleanedLine>& lines, std::size_t at,
                                      std::string& joined, std::size_t& last);

/// One info per object looked up and the wording of the lookup, at the line that first logs it:
/// `the log says HNS has no endpoint "External" (looked up by name) at line 5`, with "(2 times, lines
/// 5-6)" when it is logged again. Calico felix's failed lookups of its workloads' HNS endpoints (`Failed to
/// look up HNS endpoint for workload`, `Could not resolve hns endpoint id ip=...`) are one info: the
/// workloads, the addresses, what its cache of HNS's endpoints held, and the lines. A lookup whose
/// effect a warning states (failedLookupEffectsIn: a program exited or waits, an operation failed; its
/// `stated` lines, ascending) is left to that warning.
std::vector<ImportWarning> failedLookupsIn(const std::vector<CleanedLine>& lines,
                                           const std::vector<int>& stated);

} // namespace hcn::io
