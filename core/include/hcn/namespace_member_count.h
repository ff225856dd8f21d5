#pragma once
// How many endpoints and containers a namespace holds, as a snapshot can tell it: its v2 `Resources`,
// and what an imported v1 namespace keeps under "_v1" (its `Containers` list, and the `ResourceList`
// entries the dump showed without saying which object they are). hcnctl's tables and the import's report
// read the counts here.

#include <cstddef>
#include <nlohmann/json.hpp>

namespace hcn {

struct NamespaceMemberCount
{
    std::size_t endpoints = 0;         ///< named by the namespace's resources
    std::size_t containers = 0;        ///< named by its resources, else by a v1 `Containers` list
    std::size_t unnamedEndpoints = 0;  ///< v1 resources of type Endpoint that name no object
    std::size_t unnamedContainers = 0; ///< v1 resources of type Container that name no object
};

NamespaceMemberCount namespaceMemberCount(const nlohmann::json& ns);
NamespaceMemberCount namespaceMemberCount(const nlohmann::ordered_json& ns);

} // namespace hcn
