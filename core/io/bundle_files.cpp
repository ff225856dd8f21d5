// The files of a bug-report bundle, assembled in memory (hcn/bundle.h).
#include "common/text.h"
#include "hcn/bundle.h"
#include "hcn/health_checks.h"
#include "hcn/json_limits.h"
#include "hcn/redaction.h"
#include "hcn/resource_kind.h"
#include "hcn/sha256.h"
#include "hcn/v1_conversion.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <ctime>
#include <unordered_map>

namespace hcn::io {

namespace {

using json = nlohmann::json;
using ordered = nlohmann::ordered_json;

std::string upper(std::string text)
{
    text = upperCopy(text);
    if (text.size() == 38 && text.front() == '{' && text.back() == '}')
        text = text.substr(1, 36);
    return text;
}

std::string nowUtc()
{
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm parts{};
    gmtime_r(&now, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return text;
}

std::string dumpText(const json& value)
{
    return value.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

/// The four kinds HNS v1 has a shape for, converted from the v2 documents.
json v1Objects(const json& snapshot)
{
    std::unordered_map<std::string, const json*> networks;
    if (auto section = snapshot.find("Networks"); section != snapshot.end() && section->is_array())
        for (const json& n : *section)
            if (n.is_object() && n.contains("ID") && n["ID"].is_string())
                networks.emplace(upper(n["ID"].get<std::string>()), &n);
    json out = json::object();
    auto convert = [&](const char* name, auto&& toV1) {
        json list = json::array();
        if (auto section = snapshot.find(name); section != snapshot.end() && section->is_array())
            for (const json& object : *section)
                if (object.is_object())
                    list.push_back(toV1(object));
        out[name] = std::move(list);
    };
    convert("Networks", [](const json& n) { return schema::networkToV1(n); });
    convert("Endpoints", [&](const json& e) {
        const json* network = nullptr;
        if (auto ref = e.find("HostComputeNetwork"); ref != e.end() && ref->is_string())
            if (auto it = networks.find(upper(ref->get<std::string>())); it != networks.end())
                network = it->second;
        return schema::endpointToV1(e, network);
    });
    convert("Namespaces", [](const json& n) { return schema::namespaceToV1(n); });
    convert("LoadBalancers", [](const json& l) { return schema::loadBalancerToV1(l); });
    return out;
}

std::string checksText(const std::vector<Finding>& findings)
{
    const FindingCounts counts = countFindings(findings);
    std::string out = "Health checks: " + std::to_string(counts.errors) + " error(s), " +
                      std::to_string(counts.warnings) + " warning(s), " + std::to_string(counts.infos) +
                      " info (" + std::to_string(healthRules().size()) + " rules checked; docs/checks.md)\n";
    for (const Finding& f : findings) {
        out += '\n';
        out += severityName(f.severity);
        out += "  " + f.ruleId + "  " + f.title + "\n";
        out += "  " + f.message + "\n";
        for (const FindingObject& o : f.objects)
            out += "  object: " + std::string(resourceKindLabel(o.kind)) + " " + o.id + "\n";
        for (const auto& [field, value] : f.evidence)
            out += "  evidence: " + field + " = " + value + "\n";
        out += "  cause: " + f.cause + "\n  fix: " + f.fix + "\n";
    }
    return out;
}

/// Markup with only its character data redacted: what lies between '>' and '<' goes through the
/// redactor, tags (element and attribute names and values) are copied as they are.
std::string redactMarkup(Redactor& redactor, std::string_view markup)
{
    std::string out;
    out.reserve(markup.size());
    std::size_t at = 0;
    while (at < markup.size()) {
        const std::size_t open = markup.find('<', at);
        const std::size_t textEnd = open == std::string_view::npos ? markup.size() : open;
        if (textEnd > at)
            out += redactor.text(markup.substr(at, textEnd - at));
        if (open == std::string_view::npos)
            break;
        const std::size_t close = markup.find('>', open);
        const std::size_t tagEnd = close == std::string_view::npos ? markup.size() : close + 1;
        out.append(markup.substr(open, tagEnd - open));
        at = tagEnd;
    }
    return out;
}

/// Whether `path` can name an extra file: a plain name, none of the bundle's own.
bool usableExtraName(const std::string& path, const std::vector<std::pair<std::string, std::string>>& taken)
{
    if (path.empty() || path == "." || path == ".." || path == kBundleManifest ||
        path.find_first_of("/\\:") != std::string::npos)
        return false;
    for (const auto& [name, bytes] : taken)
        if (name == path)
            return false;
    return true;
}

std::string readme(const BundleInput& input, const std::string& created)
{
    std::string text =
        "HCN bug-report bundle\n"
        "=====================\n\n"
        "Written " +
        created + " by HCN Console (" +
        (input.toolVersion.empty() ? std::string("hcnctl bundle") : input.toolVersion) +
        "). It holds one Windows HCN host as the tool saw\n"
        "it. manifest.json lists every file with its size and SHA-256, and what the bundle does not hold.\n\n"
        "  snapshot.json       every object in its v2 (HCN) shape, a snapshot: open it with\n"
        "                      `hcnctl --snapshot snapshot.json list networks` or File > Open dump\n"
        "  objects-v1.json     networks, endpoints, namespaces and load balancers in their v1 (Get-Hns*) "
        "shapes\n"
        "  checks.json/.txt    the health checks over the host (docs/checks.md)\n"
        "  versions.json       the tool, HNS and schema versions, and where the host was read from\n"
        "  import-report.json  (when the host was imported from a dump) where each object came from\n";
    for (const BundleExtraFile& extra : input.extraFiles)
        text += "  " + extra.path + std::string(extra.path.size() < 18 ? 18 - extra.path.size() : 1, ' ') +
                extra.what + "\n";
    text += "\n"
            "The whole archive opens as a snapshot too: `hcnctl --snapshot BUNDLE`, `hcnctl import BUNDLE`,\n"
            "`hcnctl diff BUNDLE live`.\n";
    if (input.redactor)
        text += "\nThis bundle is REDACTED: IP addresses (prefix-preserving: subnets, gateways and pools keep their\n"
                "relations), MACs, GUIDs and names were replaced by pseudonyms, consistently in every file. Only\n"
                "the sender holds the key and the mapping back to the originals.\n";
    return text;
}

} // namespace

Result<std::vector<std::pair<std::string, std::string>>> bundleFiles(const BundleInput& input, BundleSummary* summary)
{
    json snapshot = withinJsonDepth(input.snapshotText, kDefaultMaxJsonDepth)
                        ? json::parse(input.snapshotText, nullptr, false, true)
                        : json(nullptr);
    if (snapshot.is_discarded() || !snapshot.is_object())
        return Status(hr::InvalidJson, "the host's snapshot is no JSON object.");
    std::string source = input.source;
    if (input.redactor) {
        input.redactor->redactSnapshot(snapshot);
        source = input.redactor->text(source);
    }
    json report;
    if (auto it = snapshot.find("Import"); it != snapshot.end()) {
        report = std::move(*it);
        snapshot.erase(it);
    }
    const std::string created = input.created.empty() ? nowUtc() : input.created;

    // The checks read what the bundle holds: the redacted host when redacting.
    json checked = snapshot;
    if (!report.is_null())
        checked["Import"] = report;
    auto findings = checkSnapshot(checked.dump());
    if (!findings.ok())
        return findings.status();
    ordered checks{{"Findings", *findings}, {"Counts", countFindings(*findings)}};

    ordered versions{{"Tool", input.toolVersion},
                     {"HnsVersion", snapshot.value("HnsVersion", json())},
                     {"SchemaVersion", snapshot.value("SchemaVersion", json())},
                     {"Source", source},
                     {"Created", created},
                     {"Redacted", input.redactor != nullptr}};

    std::vector<std::pair<std::string, std::string>> files;
    std::vector<std::string> what;
    auto add = [&](std::string_view path, std::string bytes, std::string description) {
        files.emplace_back(std::string(path), std::move(bytes));
        what.push_back(std::move(description));
    };
    add("README.txt", readme(input, created), "what this bundle is, for whoever receives it");
    add(kBundleSnapshot, dumpText(snapshot), "every object in its v2 shape: a snapshot (docs/snapshots.md)");
    add("objects-v1.json", dumpText(v1Objects(snapshot)),
        "networks, endpoints, namespaces and load balancers in their v1 (Get-Hns*) shapes");
    add("checks.json", checks.dump(2, ' ', false, ordered::error_handler_t::replace) + "\n",
        "the health checks' findings (hcnctl check --json)");
    add("checks.txt", checksText(*findings), "the same findings as text");
    add("versions.json", versions.dump(2, ' ', false, ordered::error_handler_t::replace) + "\n",
        "tool, HNS and schema versions, where the host came from, when the bundle was written");
    if (!report.is_null())
        add(kBundleImportReport, dumpText(report), "the import report: where each object of the dump came from");
    for (const BundleExtraFile& extra : input.extraFiles) {
        if (!usableExtraName(extra.path, files))
            return Status(hr::InvalidArg, "\"" + extra.path +
                                              "\" cannot be added to a bundle: it needs a plain "
                                              "file name that none of the bundle's files has.");
        std::string bytes = !input.redactor ? extra.bytes
                            : extra.redaction == BundleExtraFile::Redaction::Markup
                                ? redactMarkup(*input.redactor, extra.bytes)
                                : input.redactor->text(extra.bytes);
        add(extra.path, std::move(bytes), extra.what);
    }

    ordered manifest{{"Format", kBundleFormat},
                     {"FormatVersion", 1},
                     {"Created", created},
                     {"Tool", input.toolVersion},
                     {"Redacted", input.redactor != nullptr}};
    ordered list = ordered::array();
    BundleSummary result;
    for (std::size_t i = 0; i < files.size(); ++i) {
        BundleFile file{files[i].first, what[i], files[i].second.size(), sha256Hex(files[i].second)};
        list.push_back({{"Path", file.path}, {"What", file.what}, {"Size", file.size}, {"Sha256", file.sha256}});
        result.files.push_back(std::move(file));
    }
    manifest["Files"] = std::move(list);
    // Slots the console fills when it writes a bundle; a command-line bundle leaves them out.
    ordered notIncluded = ordered::array();
    for (const auto& slot : {std::pair{kBundleEventLog, "the event log as the console shows it"},
                             std::pair{kBundleTopology, "the topology view as SVG"}}) {
        const auto& [path, description] = slot;
        const bool present = std::any_of(input.extraFiles.begin(), input.extraFiles.end(),
                                         [&](const BundleExtraFile& f) { return f.path == slot.first; });
        if (!present)
            notIncluded.push_back(
                {{"Path", path},
                 {"What", description},
                 {"Why", "written by the console's File > Export Bug-Report Bundle, not by hcnctl"}});
    }
    manifest["NotIncluded"] = std::move(notIncluded);
    std::string manifestText = manifest.dump(2, ' ', false, ordered::error_handler_t::replace) + "\n";
    result.files.push_back({std::string(kBundleManifest), "this list", manifestText.size(), sha256Hex(manifestText)});
    files.emplace_back(std::string(kBundleManifest), std::move(manifestText));

    for (ResourceKind kind : kResourceKinds)
        if (auto section = snapshot.find(std::string(resourceKindPlural(kind)));
            section != snapshot.end() && section->is_array())
            result.objects += section->size();
    result.findings = findings->size();
    if (summary)
        *summary = std::move(result);
    return files;
}

} // namespace hcn::io
