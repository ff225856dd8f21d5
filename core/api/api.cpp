// The default Api::snapshot, for implementations without a whole-state call (EmbeddedApi and RpcClient
// have one): enumerate every kind, then open, query and close each object.

#include "hcn/api.h"

#include <nlohmann/json.hpp>

#include <array>
#include <utility>

namespace hcn {

namespace {

struct SnapshotSection
{
    ResourceKind kind;
    const char* key;
};

constexpr std::array<SnapshotSection, 6> kSections{{
    {ResourceKind::Network, "Networks"},
    {ResourceKind::Endpoint, "Endpoints"},
    {ResourceKind::Namespace, "Namespaces"},
    {ResourceKind::LoadBalancer, "LoadBalancers"},
    {ResourceKind::SdnRoute, "SdnRoutes"},
    {ResourceKind::GuestNetworkService, "GuestNetworkServices"},
}};

nlohmann::ordered_json versionJson(SchemaVersion version)
{
    return {{"Major", version.major}, {"Minor", version.minor}};
}

/// An object that disappears between enumerate and query was deleted concurrently: skip it.
bool vanished(HResult code)
{
    return code == hr::ElementNotFound || code == hr::NetworkNotFound || code == hr::EndpointNotFound ||
           code == hr::ObjectUsedAfterUnload;
}

} // namespace

Result<std::string> Api::snapshot(std::string_view query)
{
    auto about = info();
    if (!about.ok())
        return about.status();
    nlohmann::ordered_json out;
    out["HnsVersion"] = versionJson(about->hnsVersion);
    out["SchemaVersion"] = versionJson(about->schemaVersion);
    for (const SnapshotSection& section : kSections) {
        auto ids = enumerate(section.kind, "");
        if (!ids.ok())
            return ids.status();
        nlohmann::ordered_json documents = nlohmann::ordered_json::array();
        for (const auto& idText : nlohmann::json::parse(*ids)) {
            const auto id = Guid::parse(idText.get<std::string>());
            if (!id)
                continue;
            auto handle = open(section.kind, *id);
            if (!handle.ok()) {
                if (vanished(handle.status().code()))
                    continue;
                return handle.status();
            }
            auto document = this->query(section.kind, *handle, query);
            (void)close(section.kind, *handle);
            if (!document.ok()) {
                if (vanished(document.status().code()))
                    continue;
                return document.status();
            }
            documents.push_back(nlohmann::ordered_json::parse(*document));
        }
        out[section.key] = std::move(documents);
    }
    return out.dump();
}

} // namespace hcn
