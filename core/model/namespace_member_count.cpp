#include "hcn/namespace_member_count.h"

#include <string>

namespace hcn {

namespace {

template <typename JsonType> const JsonType& listAt(const JsonType& object, const char* key)
{
    static const JsonType empty = JsonType::array();
    if (!object.is_object())
        return empty;
    const auto it = object.find(key);
    return it != object.end() && it->is_array() ? *it : empty;
}

template <typename JsonType> std::string typeOf(const JsonType& resource)
{
    if (!resource.is_object())
        return {};
    const auto it = resource.find("Type");
    return it != resource.end() && it->is_string() ? it->template get<std::string>() : std::string();
}

template <typename JsonType> NamespaceMemberCount count(const JsonType& ns)
{
    NamespaceMemberCount n;
    for (const JsonType& resource : listAt(ns, "Resources")) {
        const std::string type = typeOf(resource);
        n.endpoints += type == "Endpoint";
        n.containers += type == "Container";
    }
    // An imported v1 namespace lists its containers in `Containers` (kept under `_v1`) when its
    // resources name none; resources the dump showed without saying which (`ResourceList :
    // {@{Data=; Type=Endpoint}}`) are kept under `_v1` too.
    if (!ns.is_object() || !ns.contains("_v1"))
        return n;
    const JsonType& v1 = ns.at("_v1");
    if (n.containers == 0)
        n.containers = listAt(v1, "Containers").size();
    for (const JsonType& resource : listAt(v1, "ResourceList")) {
        const std::string type = typeOf(resource);
        n.unnamedEndpoints += type == "Endpoint";
        n.unnamedContainers += type == "Container";
    }
    return n;
}

} // namespace

NamespaceMemberCount namespaceMemberCount(const nlohmann::json& ns)
{
    return count(ns);
}

NamespaceMemberCount namespaceMemberCount(const nlohmann::ordered_json& ns)
{
    return count(ns);
}

} // namespace hcn
