// The default Api::snapshot, for implementations without a whole-state call (EmbeddedApi and RpcClient
// have one): enumerate every kind, then open, query and close each object.

#include "hcn/api.h"

#include "hcn/open_object.h"

#include <nlohmann/json.hpp>
#include <utility>

namespace hcn {

namespace {

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
    for (ResourceKind kind : kResourceKinds) {
        auto ids = enumerate(kind, "");
        if (!ids.ok())
            return ids.status();
        nlohmann::ordered_json documents = nlohmann::ordered_json::array();
        for (const auto& idText : nlohmann::json::parse(*ids)) {
            const auto id = Guid::parse(idText.get<std::string>());
            if (!id)
                continue;
            auto document = withOpenObject(*this, kind, *id,
                                           [&](Handle handle) { return this->query(kind, handle, query); });
            if (!document.ok()) {
                if (vanished(document.status().code()))
                    continue;
                return document.status();
            }
            documents.push_back(nlohmann::ordered_json::parse(*document));
        }
        out[std::string(resourceKindPlural(kind))] = std::move(documents);
    }
    return out.dump();
}

} // namespace hcn
