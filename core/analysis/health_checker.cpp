// HealthChecker: findings are kept per scope (an object, an address, a frontend key ...). A change
// re-reads the facts of the objects it names, and the model says which scopes those facts touch
// (before and after); only those scopes are evaluated again. A change of what the host holds at all
// (its first network, namespace or endpoint) changes what absent data means, and checks everything.

#include "analysis/check_model.h"
#include "engine/feature_gates.h"
#include "hcn/health_checks.h"
#include "hcn/schema_normalizer.h"

#include <algorithm>
#include <tuple>

namespace hcn {

using analysis::CheckModel;
using analysis::Scope;

namespace analysis {

void evaluateScope(const CheckModel& model, const std::string& key, std::vector<Finding>& out)
{
    if (key.empty())
        return;
    const std::string rest = key.substr(1);
    switch (static_cast<Scope>(key[0])) {
    case Scope::Endpoint:
        if (auto it = model.endpoints.find(rest); it != model.endpoints.end())
            checkEndpoint(model, it->second, out);
        break;
    case Scope::Network:
        if (auto it = model.networks.find(rest); it != model.networks.end())
            checkNetwork(model, it->second, out);
        break;
    case Scope::LoadBalancer:
        if (auto it = model.loadBalancers.find(rest); it != model.loadBalancers.end())
            checkLoadBalancer(model, it->second, out);
        break;
    case Scope::Namespace:
        if (auto it = model.namespaces.find(rest); it != model.namespaces.end())
            checkReferences(model, ResourceKind::Namespace, it->second, out);
        break;
    case Scope::SdnRoute:
        if (auto it = model.sdnRoutes.find(rest); it != model.sdnRoutes.end())
            checkReferences(model, ResourceKind::SdnRoute, it->second, out);
        break;
    case Scope::Address:
        checkAddress(model, rest, out);
        break;
    case Scope::Mac:
        checkMac(model, rest, out);
        break;
    case Scope::Frontend:
        checkFrontend(model, rest, out);
        break;
    case Scope::HostPort:
        checkHostPort(model, rest, out);
        break;
    case Scope::DnsServer:
        checkDnsServer(model, rest, out);
        break;
    case Scope::NatGroup:
        checkNatGroup(model, rest, out);
        break;
    case Scope::Overlaps:
        checkOverlaps(model, out);
        break;
    }
}

} // namespace analysis

struct HealthChecker::Impl
{
    CheckModel model;
    std::unordered_map<std::string, std::vector<Finding>> findings; ///< scope key -> its findings

    /// What absent data means depends on these (see the rules' partial-dump guards).
    auto presence() const
    {
        return std::make_tuple(model.networks.empty(), model.namespaces.empty(), model.endpoints.empty(),
                               model.namespaceDataPresent());
    }

    /// Evaluates one scope again; with `changes`, records the findings that went and came.
    void evaluate(const std::string& key, FindingChanges* changes = nullptr)
    {
        std::vector<Finding> out;
        try {
            analysis::evaluateScope(model, key, out);
        } catch (const std::exception&) {
            out.clear(); // a rule tripping over a document must not take the checker down
        }
        const auto it = findings.find(key);
        if (changes)
            recordDifference(it == findings.end() ? std::vector<Finding>{} : std::move(it->second), out,
                             *changes);
        if (out.empty()) {
            if (it != findings.end())
                findings.erase(it);
        } else if (it != findings.end()) {
            it->second = std::move(out);
        } else {
            findings.emplace(key, std::move(out));
        }
    }

    /// One scope's findings before and after (a handful each): what went and what came, one by one.
    static void recordDifference(std::vector<Finding> before, const std::vector<Finding>& after,
                                 FindingChanges& changes)
    {
        std::vector<bool> kept(before.size(), false);
        for (const Finding& finding : after) {
            bool found = false;
            for (std::size_t i = 0; i < before.size() && !found; ++i) {
                if (!kept[i] && before[i] == finding) {
                    kept[i] = true;
                    found = true;
                }
            }
            if (!found)
                changes.added.push_back(finding);
        }
        for (std::size_t i = 0; i < before.size(); ++i)
            if (!kept[i])
                changes.removed.push_back(std::move(before[i]));
    }

    void evaluateEverything()
    {
        // Every key below is distinct, so each scope is evaluated once without collecting them first.
        findings.clear();
        findings.reserve(model.endpoints.size() / 8);
        using analysis::scopeKey;
        // Objects are checked directly; a scope key is only built for an object with findings.
        auto each = [&](const auto& objects, Scope scope, const auto& check) {
            for (const auto& [id, facts] : objects) {
                std::vector<Finding> out;
                try {
                    check(facts, out);
                } catch (const std::exception&) {
                    out.clear();
                }
                if (!out.empty())
                    findings[scopeKey(scope, id)] = std::move(out);
            }
        };
        each(model.endpoints, Scope::Endpoint,
             [&](const auto& facts, auto& out) { analysis::checkEndpoint(model, facts, out); });
        each(model.networks, Scope::Network,
             [&](const auto& facts, auto& out) { analysis::checkNetwork(model, facts, out); });
        each(model.loadBalancers, Scope::LoadBalancer,
             [&](const auto& facts, auto& out) { analysis::checkLoadBalancer(model, facts, out); });
        each(model.namespaces, Scope::Namespace, [&](const auto& facts, auto& out) {
            analysis::checkReferences(model, ResourceKind::Namespace, facts, out);
        });
        each(model.sdnRoutes, Scope::SdnRoute, [&](const auto& facts, auto& out) {
            analysis::checkReferences(model, ResourceKind::SdnRoute, facts, out);
        });
        // Keys held by one object cannot conflict.
        auto shared = [&](const analysis::MultiIndex& index, Scope scope) {
            for (const auto& [key, ids] : index.all())
                if (ids.size() > 1)
                    evaluate(scopeKey(scope, key));
        };
        shared(model.endpointsByAddress, Scope::Address);
        shared(model.endpointsByMac, Scope::Mac);
        shared(model.loadBalancersByFrontend, Scope::Frontend);
        shared(model.claimsByHostPort, Scope::HostPort);
        for (const auto& [key, ids] : model.dnsUsersByServer.all())
            evaluate(scopeKey(Scope::DnsServer, key));
        for (const auto& [key, ids] : model.natGroups.all())
            evaluate(scopeKey(Scope::NatGroup, key));
        evaluate(scopeKey(Scope::Overlaps, ""));
    }
};

HealthChecker::HealthChecker() : m_impl(std::make_unique<Impl>()) {}
HealthChecker::~HealthChecker() = default;

void HealthChecker::setHnsVersion(std::optional<SchemaVersion> version)
{
    if (m_impl->model.hnsVersion == version)
        return;
    m_impl->model.hnsVersion = version;
    m_impl->model.allFeaturesSupported = version && supportsEveryCreateFeature(*version);
    if (m_impl->model.state)
        m_impl->evaluateEverything();
}

void HealthChecker::setUnknownFields(UnknownFields fields)
{
    m_impl->model.unknownFields = std::move(fields);
    if (m_impl->model.state)
        assign(*m_impl->model.state);
}

namespace {

/// A snapshot document parsed with the limits every document from outside gets; null when it is none.
nlohmann::json parsedSnapshot(std::string_view text)
{
    nlohmann::json document;
    if (!schema::parseObject(text, document).ok())
        return nullptr;
    return document;
}

UnknownFields unknownFieldsOf(const nlohmann::json& document)
{
    UnknownFields out;
    if (!document.is_object())
        return out;
    const auto import = document.find("Import");
    if (import == document.end() || !import->is_object())
        return out;
    const auto objects = import->find("Objects");
    if (objects == import->end() || !objects->is_array())
        return out;
    for (const auto& object : *objects) {
        if (!object.is_object())
            continue;
        const auto id = object.find("ID");
        const auto lost = object.find("Lost");
        if (id == object.end() || !id->is_string() || lost == object.end() || !lost->is_array())
            continue;
        std::vector<std::string>& fields = out[canonicalObjectId(id->get<std::string>())];
        for (const auto& field : *lost)
            if (field.is_string())
                fields.push_back(field.get<std::string>());
    }
    return out;
}

/// The snapshot's HnsVersion; nullopt when absent, malformed or 0.0 (how some writers say "unknown").
std::optional<SchemaVersion> hnsVersionOf(const nlohmann::json& document)
{
    if (!document.is_object())
        return std::nullopt;
    const auto it = document.find("HnsVersion");
    if (it == document.end() || !it->is_object())
        return std::nullopt;
    const auto major = it->find("Major");
    const auto minor = it->find("Minor");
    if (major == it->end() || minor == it->end() || !major->is_number_unsigned() ||
        !minor->is_number_unsigned())
        return std::nullopt;
    const auto majorValue = major->get<std::uint64_t>();
    const auto minorValue = minor->get<std::uint64_t>();
    if (majorValue == 0 || majorValue > 0xFFFFFFFFu || minorValue > 0xFFFFFFFFu)
        return std::nullopt;
    return SchemaVersion{std::uint32_t(majorValue), std::uint32_t(minorValue)};
}

} // namespace

UnknownFields unknownFieldsOfSnapshot(std::string_view snapshotText)
{
    return unknownFieldsOf(parsedSnapshot(snapshotText));
}

void HealthChecker::assign(const HostState& state)
{
    CheckModel& model = m_impl->model;
    model.state = &state;
    model.clear();
    model.endpoints.reserve(state.count(ResourceKind::Endpoint));
    model.namespaces.reserve(state.count(ResourceKind::Namespace));
    model.loadBalancers.reserve(state.count(ResourceKind::LoadBalancer));
    for (ResourceKind kind : kResourceKinds)
        if (state.count(kind) > 0)
            for (const HostObject* object : state.objects(kind))
                model.insert(*object, nullptr); // everything is evaluated below
    m_impl->evaluateEverything();
}

FindingChanges HealthChecker::update(const HostState& state, const std::vector<HostChange>& changes)
{
    FindingChanges result;
    CheckModel& model = m_impl->model;
    if (model.state != &state) {
        assign(state);
        result.everything = true;
        return result;
    }
    const auto before = m_impl->presence();
    std::set<std::string> dirty;
    for (const HostChange& change : changes) {
        if (change.type == HostChange::Type::Removed) {
            model.erase(change.kind, change.id, &dirty);
            continue;
        }
        const HostObject* object = state.find(change.id);
        if (object)
            model.insert(*object, &dirty);
    }
    if (m_impl->presence() != before) {
        m_impl->evaluateEverything();
        result.everything = true;
        return result;
    }
    for (const std::string& key : dirty)
        m_impl->evaluate(key, &result);
    std::stable_sort(result.removed.begin(), result.removed.end(), findingBefore);
    std::stable_sort(result.added.begin(), result.added.end(), findingBefore);
    return result;
}

std::vector<Finding> HealthChecker::findings() const
{
    std::vector<Finding> out;
    for (const auto& [key, list] : m_impl->findings)
        out.insert(out.end(), list.begin(), list.end());
    std::sort(out.begin(), out.end(), findingBefore);
    return out;
}

FindingCounts HealthChecker::counts() const
{
    FindingCounts counts;
    for (const auto& [key, list] : m_impl->findings) {
        const FindingCounts part = countFindings(list);
        counts.errors += part.errors;
        counts.warnings += part.warnings;
        counts.infos += part.infos;
    }
    return counts;
}

Result<std::vector<Finding>> checkSnapshot(std::string_view snapshotText, const UnknownFields& unknown)
{
    auto objects = parseHostSnapshot(snapshotText);
    if (!objects.ok())
        return objects.status();
    const nlohmann::json document = parsedSnapshot(snapshotText);
    const std::optional<SchemaVersion> hns = hnsVersionOf(document);
    HostState state;
    (void)state.assign(std::move(*objects));
    UnknownFields fields = unknownFieldsOf(document);
    for (const auto& [id, lost] : unknown)
        fields[id].insert(fields[id].end(), lost.begin(), lost.end());
    HealthChecker checker;
    checker.setHnsVersion(hns);
    checker.setUnknownFields(std::move(fields));
    checker.assign(state);
    return checker.findings();
}

} // namespace hcn
