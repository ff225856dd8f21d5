// Differences between two host copies told as the engine's notifications (hcn/host_state.h): what a
// poller reports when the service itself sends no event (LibraryApi, recordings made by polling).

#include "hcn/host_state.h"

#include <algorithm>

namespace hcn {

namespace {

NotificationType changeNotificationType(const HostChange& change)
{
    using T = NotificationType;
    switch (change.type) {
    case HostChange::Type::Added:
        switch (change.kind) {
        case ResourceKind::Network:
            return T::NetworkCreate;
        case ResourceKind::Endpoint:
            return T::EndpointCreate;
        case ResourceKind::Namespace:
            return T::NamespaceCreate;
        case ResourceKind::LoadBalancer:
            return T::LoadBalancerCreate;
        case ResourceKind::SdnRoute:
            return T::RouteCreate;
        case ResourceKind::GuestNetworkService:
            return T::GuestNetworkServiceCreate;
        default:
            return T::Invalid;
        }
    case HostChange::Type::Changed:
        switch (change.kind) {
        case ResourceKind::Network:
            return T::NetworkModify;
        case ResourceKind::Endpoint:
            return T::EndpointModify;
        case ResourceKind::Namespace:
            return T::NamespaceModify;
        case ResourceKind::LoadBalancer:
            return T::LoadBalancerModify;
        case ResourceKind::SdnRoute:
            return T::RouteModify;
        case ResourceKind::GuestNetworkService:
            return T::GuestNetworkServiceModify;
        default:
            return T::Invalid;
        }
    case HostChange::Type::Removed:
        switch (change.kind) {
        case ResourceKind::Network:
            return T::NetworkDelete;
        case ResourceKind::Endpoint:
            return T::EndpointDelete;
        case ResourceKind::Namespace:
            return T::NamespaceDelete;
        case ResourceKind::LoadBalancer:
            return T::LoadBalancerDelete;
        case ResourceKind::SdnRoute:
            return T::RouteDelete;
        case ResourceKind::GuestNetworkService:
            return T::GuestNetworkServiceDelete;
        default:
            return T::Invalid;
        }
    }
    return T::Invalid;
}

/// NotificationBase for a change, with the Data the engine's event of that type carries.
nlohmann::json changeNotificationBase(const HostChange& change)
{
    const nlohmann::json& document = *change.document;
    nlohmann::json data;
    if (change.type != HostChange::Type::Removed) {
        data = document;
    } else if (change.kind == ResourceKind::Endpoint) {
        data = nlohmann::json::object();
        for (const char* key : {"Name", "HostComputeNetwork"})
            if (document.is_object() && document.contains(key))
                data[key] = document[key];
    } else {
        data = nlohmann::json::object();
    }
    std::string id = change.id;
    if (document.is_object())
        if (auto it = document.find("ID"); it != document.end() && it->is_string())
            id = it->get<std::string>();
    return nlohmann::json{{"ID", id}, {"Flags", 0}, {"Data", std::move(data)}};
}

} // namespace

std::vector<ChangeNotification> notificationsForChanges(std::vector<HostChange> changes)
{
    // Removals before additions; a copy adds networks before their endpoints and removes them after.
    std::stable_sort(changes.begin(), changes.end(), [](const HostChange& a, const HostChange& b) {
        const int ta = a.type == HostChange::Type::Removed ? 0 : 1;
        const int tb = b.type == HostChange::Type::Removed ? 0 : 1;
        if (ta != tb)
            return ta < tb;
        return ta == 0 ? dependencyRank(a.kind) > dependencyRank(b.kind)
                       : dependencyRank(a.kind) < dependencyRank(b.kind);
    });
    std::vector<ChangeNotification> out;
    out.reserve(changes.size());
    for (const HostChange& change : changes) {
        const NotificationType type = changeNotificationType(change);
        if (type != NotificationType::Invalid && change.document)
            out.push_back(ChangeNotification{type, changeNotificationBase(change)});
    }
    return out;
}

} // namespace hcn
