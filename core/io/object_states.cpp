// Objects whose State is not the usual one (see object_states.h).

#include "io/object_states.h"

#include "hcn/namespace_member_count.h"
#include "hcn/object_state.h"

#include <optional>
#include <string>

namespace hcn::io::detail {

namespace {

/// The State a document gives as a whole number; nullopt for none or any other value.
std::optional<std::int64_t> stateOf(const nlohmann::json& document)
{
    if (!document.is_object())
        return std::nullopt;
    const auto it = document.find("State");
    if (it == document.end() || !it->is_number_integer())
        return std::nullopt;
    return it->get<std::int64_t>();
}

/// "1 container", "no endpoints", "3 endpoints (1 not shown)".
std::string counted(std::size_t named, std::size_t unnamed, const char* what)
{
    const std::size_t n = named + unnamed;
    std::string text =
        n == 0 ? "no " + std::string(what) + "s" : std::to_string(n) + " " + what + (n == 1 ? "" : "s");
    if (unnamed > 0)
        text += " (" + std::to_string(unnamed) + " not shown)";
    return text;
}

std::string label(const ImportedObject& o)
{
    return std::string(resourceKindLabel(o.kind)) + " " +
           (o.name.empty() ? o.id : o.name + " (" + o.id + ")");
}

/// The message for a namespace whose State is not 1 (the state the engine gives a namespace it makes and
/// a namespace in use shows in HNS's dumps); empty for any other.
std::string namespaceState(const ImportedObject& o, const nlohmann::json& document)
{
    const std::optional<std::int64_t> state = stateOf(document);
    if (!state || *state == 1)
        return {};
    const NamespaceMemberCount n = namespaceMemberCount(document);
    return label(o) + ": State " + std::to_string(*state) +
           ", not the 1 of a namespace HNS set up (HNS's documents name no namespace states); it holds " +
           counted(n.containers, n.containers > 0 ? 0 : n.unnamedContainers, "container") + " and " +
           counted(n.endpoints, n.unnamedEndpoints, "endpoint");
}

/// The message for an endpoint HNS holds Degraded (5) or Destroyed (6); empty for any other.
std::string endpointState(const ImportedObject& o, const nlohmann::json& document)
{
    const std::optional<std::int64_t> state = stateOf(document);
    if (!state || (*state != 5 && *state != 6))
        return {};
    return label(o) + ": State " + std::to_string(*state) + " (" + objectStateName(*state) + ")";
}

} // namespace

void reportObjectStates(const std::vector<ImportedObject>& objects,
                        const std::vector<nlohmann::json>& documents, std::vector<ImportMessage>& messages)
{
    for (std::size_t i = 0; i < objects.size() && i < documents.size(); ++i) {
        const ImportedObject& o = objects[i];
        std::string said = o.kind == ResourceKind::Namespace  ? namespaceState(o, documents[i])
                           : o.kind == ResourceKind::Endpoint ? endpointState(o, documents[i])
                                                              : std::string();
        if (!said.empty())
            messages.push_back(
                {ImportSeverity::Info, o.source, o.firstLine, o.lastLine, o.kind, o.id, std::move(said)});
    }
}

} // namespace hcn::io::detail
