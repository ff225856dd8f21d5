#pragma once
// Health checks: rules that read a copy of a host (HostState) and say what is wrong, why it matters,
// what probably caused it and the command that fixes it. The rules are data (healthRules()) so the
// documentation, hcnctl and the console list the same table. A HealthChecker keeps the findings of a
// live host current from its HostChanges, re-evaluating only what a change can affect.

#include "hcn/host_state.h"
#include "hcn/resource_kind.h"
#include "hcn/schema_version.h"
#include "hcn/status.h"

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace hcn {

/// How bad a finding is; the order findings are listed in.
enum class Severity
{
    Error,
    Warning,
    Info
};

/// "error", "warning", "info".
std::string_view severityName(Severity severity);
/// The severity a name (any case) denotes; nullopt for anything else.
std::optional<Severity> severityFromName(std::string_view name);

/// One rule of the table: what it looks at and the fix it proposes.
struct HealthRule
{
    std::string_view id; ///< stable, e.g. "IP-DUP-LOCAL"
    Severity severity = Severity::Warning;
    std::string_view title;
    std::string_view what;  ///< what the rule detects
    std::string_view why;   ///< why it matters
    std::string_view cause; ///< the likely cause
    std::string_view fix;   ///< the fix, with {placeholders} the finding fills in
};

/// Every rule, in the documented order.
std::span<const HealthRule> healthRules();
/// Null for an unknown ID.
const HealthRule* findHealthRule(std::string_view id);

/// An object a finding names.
struct FindingObject
{
    ResourceKind kind = ResourceKind::Invalid;
    std::string id; ///< canonical (upper-case) ID

    friend bool operator==(const FindingObject&, const FindingObject&) = default;
    friend auto operator<=>(const FindingObject&, const FindingObject&) = default;
};

/// One problem found on a host.
struct Finding
{
    std::string ruleId;
    Severity severity = Severity::Warning;
    std::string title;
    /// This occurrence in one sentence, naming values ("10.0.0.5 is held by 2 endpoints").
    std::string message;
    /// The objects involved; the first is the one to look at first.
    std::vector<FindingObject> objects;
    /// The fields the rule read: "Endpoint 1234....IpConfigurations[0].IpAddress" -> "10.0.0.5".
    std::vector<std::pair<std::string, std::string>> evidence;
    std::string cause;
    /// The exact command(s) that fix it, IDs filled in.
    std::string fix;

    friend bool operator==(const Finding&, const Finding&) = default;
};

/// The order findings are listed in: severity, rule, objects, message.
bool findingBefore(const Finding& a, const Finding& b);

/// Findings per severity.
struct FindingCounts
{
    std::size_t errors = 0;
    std::size_t warnings = 0;
    std::size_t infos = 0;
};
FindingCounts countFindings(const std::vector<Finding>& findings);

/// Fields a dump did not carry, by canonical object ID: an imported snapshot's Import.Objects[].Lost
/// ("Policies[0].VIPs: not expanded by PowerShell ..."). Rules that need such a field do not apply to
/// the object.
using UnknownFields = std::unordered_map<std::string, std::vector<std::string>>;
/// The Import.Objects[].Lost lists of a snapshot document; empty when it has none or is no snapshot.
UnknownFields unknownFieldsOfSnapshot(std::string_view snapshotText);

/// What one HealthChecker::update changed in the list of findings, so that a view of thousands of
/// findings follows an event without reading and sorting the whole list again.
struct FindingChanges
{
    /// The update re-checked the whole host (what the host holds at all changed): read findings().
    bool everything = false;
    /// Findings that are gone, and findings that are new (a changed finding is one of each); each sorted
    /// (findingBefore). Equal findings count one by one.
    std::vector<Finding> removed;
    std::vector<Finding> added;

    bool empty() const { return !everything && removed.empty() && added.empty(); }
};

/// Keeps the findings of one host copy current.
class HealthChecker
{
public:
    HealthChecker();
    ~HealthChecker();
    HealthChecker(const HealthChecker&) = delete;
    HealthChecker& operator=(const HealthChecker&) = delete;

    /// The HNS version the host runs; the feature rule applies only when it is known. Re-checks the
    /// objects whose findings depend on it.
    void setHnsVersion(std::optional<SchemaVersion> version);
    /// What the host's source did not carry (an imported dump); re-checks everything when it changes.
    void setUnknownFields(UnknownFields fields);
    /// Checks a whole host from scratch.
    void assign(const HostState& state);
    /// Follows what HostState::apply or assign returned: `state` already holds the changes. Only the
    /// rules and objects the changes can affect are evaluated again. Returns what that changed.
    FindingChanges update(const HostState& state, const std::vector<HostChange>& changes);

    /// Every current finding, sorted (findingBefore).
    std::vector<Finding> findings() const;
    FindingCounts counts() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// {"RuleId","Severity","Title","Message","Objects":[{"Kind","ID"}],"Evidence":[{"Field","Value"}],
///  "Cause","Fix"}: how hcnctl --json and exports write a finding.
void to_json(nlohmann::ordered_json& json, const Finding& finding);
/// {"Error":n,"Warning":n,"Info":n}.
void to_json(nlohmann::ordered_json& json, const FindingCounts& counts);

/// The whole check of an Api::snapshot() document (its HnsVersion, when present, enables the feature
/// rule; its Import section, when present, names fields the dump did not carry, as does `unknown`).
/// Fails only when the text is no snapshot at all.
Result<std::vector<Finding>> checkSnapshot(std::string_view snapshotText, const UnknownFields& unknown = {});

} // namespace hcn
