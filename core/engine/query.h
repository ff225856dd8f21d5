#pragma once
// HostComputeQuery: parsing, Filter matching (v2 and v1 property names) and output rendering. The
// engine answers with it, and so does SnapshotApi over a snapshot's documents (core/api/snapshot_api.cpp).

#include "engine/engine_state.h"
#include "hcn/schema_version.h"
#include "hcn/status.h"

#include <string_view>
#include <vector>

namespace hcn {

struct ParsedQuery
{
    SchemaVersion version{2, 0};
    bool detailed = false;
    Json filter = Json::object(); ///< the decoded Filter object; empty matches everything
    bool v1Output() const { return version.major == 1; }
};

/// Empty or "null" text means the default query. Filter may be a JSON string (as HCN clients send it)
/// or, leniently, an object. The query and a Filter string in it may each nest `maxDepth` levels.
Result<ParsedQuery> parseQuery(std::string_view text, int maxDepth);

/// AND of the filter's properties against one object. Keys match case-insensitively, GUIDs and strings
/// compare case-insensitively; v1 names (VirtualNetwork, VirtualNetworkName, IPAddress, IsRemoteEndpoint,
/// CompartmentId, IsDefault ...) are understood.
bool matchesFilter(const EngineState& state, ResourceKind kind, const Json& doc, const Json& filter);

/// What opening an ID the host does not hold answers: HCN_E_NETWORK_NOT_FOUND, HCN_E_ENDPOINT_NOT_FOUND,
/// or ERROR_NOT_FOUND for the other kinds (what HNS answers for namespaces).
Status objectNotFound(ResourceKind kind, const Guid& id);

/// The IDs of every object of a kind that matches the query's filter.
Result<std::vector<Guid>> findObjects(const EngineState& state, ResourceKind kind, const ParsedQuery& query);

/// The object's document as the query asks: v2 (default) or the v1 shape, with a Resources block of
/// allocation diagnostics when Detailed.
Json renderDocument(const EngineState& state, ResourceKind kind, const Guid& id, const ParsedQuery& query);

} // namespace hcn
