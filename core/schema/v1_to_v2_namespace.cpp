// v1 namespace (Get-HnsNamespace) -> v2 HostComputeNamespace.

#include "hcn/v1_conversion.h"
#include "schema/v1_to_v2_support.h"
#include "schema/v1_vocabulary.h"

namespace hcn::schema {

using namespace v1;

Status namespaceFromV1(json& doc, const Catalog& catalog)
{
    if (!doc.is_object())
        return structureError("A v1 namespace must be a JSON object.");
    const Vocabulary vocabulary = Vocabulary::of(catalog);
    json source = std::move(doc);
    json out = json::object();
    Leftovers leftovers(source);

    moveKey(source, out, "ID");
    if (auto compartment = takeKey(source, "CompartmentId")) {
        if (hasKey(source, "NamespaceId"))
            leftovers.keep("CompartmentId", std::move(*compartment));
        else
            out["NamespaceId"] = std::move(*compartment);
    }
    if (auto isDefault = takeKey(source, "IsDefault")) {
        if (isDefault->is_boolean() && !hasKey(source, "Type"))
            out["Type"] = isDefault->get<bool>() ? "HostDefault" : "Host";
        else
            leftovers.keep("IsDefault", std::move(*isDefault));
    }
    if (auto list = takeKey(source, "ResourceList")) {
        if (!list->is_array())
            return structureError("ResourceList must be an array.");
        // A resource without Data (PowerShell's list view shows it empty) names no member: it stays
        // in the v1 leftovers rather than counting as an endpoint or container nobody knows.
        json unnamed = json::array();
        for (std::size_t i = 0; i < list->size(); ++i) {
            json& resource = (*list)[i];
            if (!resource.is_object())
                return structureError("ResourceList[" + std::to_string(i) + "] must be an object.");
            canonicalizeKeys(resource, {"Type", "Data"});
            if (auto it = resource.find("Type"); it != resource.end() && it->is_string()) {
                if (auto name =
                        spelling(vocabulary.namespaceResourceTypes, it->get_ref<const std::string&>()))
                    *it = *name;
            }
            if (auto it = resource.find("Data"); it != resource.end() && !it->is_null()) {
                if (!it->is_object())
                    return structureError("ResourceList[" + std::to_string(i) + "].Data must be an object.");
                canonicalizeKeys(*it, {"ID"}); // v1 spells it "Id"
            } else {
                unnamed.push_back(std::move(resource));
            }
        }
        if (hasKey(source, "Resources")) {
            leftovers.keep("ResourceList", std::move(*list));
        } else if (unnamed.empty()) {
            out["Resources"] = std::move(*list);
        } else {
            json named = json::array();
            for (json& resource : *list) {
                if (!resource.is_null()) // the unnamed ones were moved out
                    named.push_back(std::move(resource));
            }
            if (!named.empty())
                out["Resources"] = std::move(named);
            leftovers.keep("ResourceList", std::move(unnamed));
        }
    }

    takeHealth(source, out);
    distributeRemainder(source, out, leftovers, {"NamespaceId", "NamespaceGuid", "Type", "Resources"},
                        {"ActivityId", "Version", "State"});
    leftovers.writeTo(out);
    doc = std::move(out);
    return {};
}

} // namespace hcn::schema
