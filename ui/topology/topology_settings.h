#pragma once
// The topology dock's settings, declared once with their types and defaults.

#include "widgets/settings_entry.h"

namespace hcn::ui::settings {

/// Networks with more endpoints than this collapse into a count node (0: never).
const SettingsEntry<int>& topologyAggregateThreshold();
const SettingsEntry<bool>& topologyHideRemoteEndpoints();
const SettingsEntry<bool>& topologyHidePolicyBadges();

} // namespace hcn::ui::settings
