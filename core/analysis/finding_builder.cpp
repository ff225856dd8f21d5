// Building findings from the rule table, their order and counts, and the rules that read a document as
// a whole (unreadable fields, features newer than the host's HNS).

#include "analysis/check_model.h"
#include "common/text.h"
#include "engine/feature_gates.h"

#include <algorithm>

namespace hcn {

bool findingBefore(const Finding& a, const Finding& b)
{
    if (a.severity != b.severity)
        return a.severity < b.severity;
    if (a.ruleId != b.ruleId)
        return a.ruleId < b.ruleId;
    if (a.objects != b.objects)
        return a.objects < b.objects;
    return a.message < b.message;
}

FindingCounts countFindings(const std::vector<Finding>& findings)
{
    FindingCounts counts;
    for (const Finding& f : findings) {
        if (f.severity == Severity::Error)
            ++counts.errors;
        else if (f.severity == Severity::Warning)
            ++counts.warnings;
        else
            ++counts.infos;
    }
    return counts;
}

void to_json(nlohmann::ordered_json& json, const Finding& finding)
{
    nlohmann::ordered_json objects = nlohmann::ordered_json::array();
    for (const FindingObject& o : finding.objects)
        objects.push_back({{"Kind", resourceKindName(o.kind)}, {"ID", o.id}});
    nlohmann::ordered_json evidence = nlohmann::ordered_json::array();
    for (const auto& [field, value] : finding.evidence)
        evidence.push_back({{"Field", field}, {"Value", value}});
    json = {{"RuleId", finding.ruleId},      {"Severity", severityName(finding.severity)},
            {"Title", finding.title},        {"Message", finding.message},
            {"Objects", std::move(objects)}, {"Evidence", std::move(evidence)},
            {"Cause", finding.cause},        {"Fix", finding.fix}};
}

void to_json(nlohmann::ordered_json& json, const FindingCounts& counts)
{
    json = {{"Error", counts.errors}, {"Warning", counts.warnings}, {"Info", counts.infos}};
}

namespace analysis {

namespace {

/// "{name}" -> its value, in one pass; unknown placeholders (and JSON braces) stay as they are.
std::string fillPlaceholders(std::string_view text,
                             const std::vector<std::pair<std::string_view, std::string>>& values)
{
    std::string out;
    out.reserve(text.size() + 64);
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t open = text.find('{', at);
        if (open == std::string_view::npos)
            break;
        const std::size_t close = text.find('}', open);
        if (close == std::string_view::npos)
            break;
        const std::string_view name = text.substr(open + 1, close - open - 1);
        const auto value = std::find_if(values.begin(), values.end(),
                                        [&](const auto& entry) { return entry.first == name; });
        out.append(text.substr(at, open - at));
        if (value == values.end()) {
            out.append(text.substr(open, 1));
            at = open + 1;
            continue;
        }
        out.append(value->second);
        at = close + 1;
    }
    out.append(text.substr(std::min(at, text.size())));
    return out;
}

} // namespace

Finding makeFinding(std::string_view ruleId, std::string message, std::vector<FindingObject> objects,
                    std::vector<std::pair<std::string, std::string>> evidence,
                    const std::vector<std::pair<std::string_view, std::string>>& values)
{
    Finding f;
    f.ruleId = std::string(ruleId);
    f.message = std::move(message);
    f.objects = std::move(objects);
    f.evidence = std::move(evidence);
    if (const HealthRule* rule = findHealthRule(ruleId)) {
        f.severity = rule->severity;
        f.title = std::string(rule->title);
        f.cause = std::string(rule->cause);
        f.fix = std::string(rule->fix);
    }
    f.fix = fillPlaceholders(f.fix, values);
    return f;
}

std::string joined(const std::vector<std::string>& words)
{
    std::string out;
    for (const std::string& w : words)
        out += (out.empty() ? "" : ", ") + w;
    return out;
}

std::string fieldOf(ResourceKind kind, const std::string& id, std::string_view field)
{
    std::string out(resourceKindName(kind));
    out += ' ';
    out += id;
    if (!field.empty()) {
        out += '.';
        out += field;
    }
    return out;
}

void checkDocument(const CheckModel& model, ResourceKind kind, const std::string& id,
                   const std::vector<UnreadableField>& unreadable, std::vector<Finding>& out)
{
    const std::string kindWord = std::string(resourceKindLabel(kind));
    const std::string command(kind == ResourceKind::LoadBalancer ? "loadbalancer"
                                                                 : lowerCopy(resourceKindName(kind)));
    if (!unreadable.empty()) {
        std::vector<std::pair<std::string, std::string>> evidence;
        std::vector<std::string> fields;
        for (const UnreadableField& u : unreadable) {
            evidence.emplace_back(fieldOf(kind, id, u.field), u.value);
            fields.push_back(u.field);
        }
        out.push_back(
            makeFinding("DATA-UNREADABLE",
                        "The " + kindWord + " has fields the checks could not read: " + joined(fields) + ".",
                        {{kind, id}}, std::move(evidence), {{"kind", command}, {"object", id}}));
    }
    if (!model.hnsVersion || model.allFeaturesSupported)
        return;
    const nlohmann::json* document = model.document(id);
    if (!document || !document->is_object())
        return;
    // Objects on a host older than the v2 API came through v1 calls: the gate for the v2 API itself says
    // nothing about them, so the gates are asked as of the first v2 version (features newer than that
    // still count).
    const SchemaVersion firstV2{9, 2};
    const SchemaVersion asked = std::max(*model.hnsVersion, firstV2);
    Status gate;
    try {
        gate = checkFeatureGates(asked, kind, *document, false);
    } catch (const std::exception&) {
        return; // a document the gates cannot walk: DATA-UNREADABLE speaks for the fields we read
    }
    if (gate.ok() || gate.code() != hr::RequestUnsupported)
        return;
    // The gate speaks as the engine ("this service emulates HNS x"); here it is the host's version.
    std::string message = gate.detail();
    if (auto at = message.find("this service emulates HNS"); at != std::string::npos)
        message = message.substr(0, at) + "the host runs HNS " + model.hnsVersion->toString() + ".";
    out.push_back(makeFinding("FEATURE-TOO-NEW", std::move(message), {{kind, id}},
                              {{"HnsVersion", model.hnsVersion->toString()}},
                              {{"kind", command}, {"object", id}}));
}

} // namespace analysis

} // namespace hcn
