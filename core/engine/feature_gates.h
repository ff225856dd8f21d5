#pragma once
// Feature gating by the emulated HNS service version (the version ranges hcsshim checks, reference §8).

#include "engine/engine_state.h"
#include "hcn/schema_version.h"
#include "hcn/status.h"

#include <string_view>
#include <vector>

namespace hcn {

struct VersionRange
{
    SchemaVersion min;
    std::uint32_t maxMajor = 0; ///< 0: no upper bound; else any minor of this major
};

struct Feature
{
    std::string_view name;
    std::vector<VersionRange> ranges;
    bool supportedBy(const SchemaVersion& hns) const;
    /// "9.3-9.x or 10.2 or later".
    std::string describeRanges() const;
};

/// True when the HNS version has every feature checkFeatureGates looks for in a create document: no
/// document can be refused for its features then.
bool supportsEveryCreateFeature(const SchemaVersion& hns);

/// Refuses (HCN_E_REQUEST_UNSUPPORTED) a create document or modify request that uses a feature the
/// emulated HNS version does not have, naming the feature and the versions that have it.
Status checkFeatureGates(const SchemaVersion& hns, ResourceKind kind, const SchemaJson& document,
                         bool isModify);

} // namespace hcn
