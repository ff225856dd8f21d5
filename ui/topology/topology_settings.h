#pragma once
// The topology dock's settings, declared once with their types and defaults.

#include "widgets/settings_entry.h"

namespace hcn::ui::settings {

/// Networks with more endpoints than this collapse into a count node (0: never).
const SettingsEntry<int>& topologyAggregateThreshold();
const SettingsEntry<bool>& topologyHideRemoteEndpoints();
const SettingsEntry<bool>& topologyHidePolicyBadges();
/// The overview in the corner of a diagram too big to read whole.
const SettingsEntry<bool>& topologyShowOverview();

} // namespace hcn::ui::settings
