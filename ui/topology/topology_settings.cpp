#include "topology/topology_settings.h"

namespace hcn::ui::settings {

const SettingsEntry<int>& topologyAggregateThreshold()
{
    static const SettingsEntry<int> entry(QStringLiteral("topology/aggregateThreshold"), 50);
    return entry;
}

const SettingsEntry<bool>& topologyHideRemoteEndpoints()
{
    static const SettingsEntry<bool> entry(QStringLiteral("topology/hideRemoteEndpoints"), false);
    return entry;
}

const SettingsEntry<bool>& topologyHidePolicyBadges()
{
    static const SettingsEntry<bool> entry(QStringLiteral("topology/hidePolicyBadges"), false);
    return entry;
}

const SettingsEntry<bool>& topologyShowOverview()
{
    static const SettingsEntry<bool> entry(QStringLiteral("topology/showOverview"), true);
    return entry;
}

} // namespace hcn::ui::settings
