#pragma once
// What the State of an imported object says when it is not the state HNS shows for an object in use
// (internal to core/io): a namespace stuck in another state is what a support engineer looks for in a
// dump of namespaces that cannot be deleted.

#include "hcn/dump_import.h"

#include <nlohmann/json.hpp>
#include <vector>

namespace hcn::io::detail {

/// An info for each of `objects` (their snapshot documents parallel in `documents`) whose State is not
/// the usual one: a namespace in any State but 1 (HNS's documents name no namespace states, so the
/// number is given), with the endpoints and containers it holds ("namespace 18975570-...: State 4,
/// not the 1 of a namespace HNS set up (HNS's documents name no namespace states); it holds 1 container and
/// no endpoints"); an endpoint Degraded (5)
/// or Destroyed (6), as hns-v1-schema.md names the endpoint's states.
void reportObjectStates(const std::vector<ImportedObject>& objects,
                        const std::vector<nlohmann::json>& documents, std::vector<ImportMessage>& messages);

} // namespace hcn::io::detail
