#include "check_command.h"

#include "document_reader.h"
#include "session.h"
#include "status_format.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

namespace hcn::ctl {

namespace {

using json = nlohmann::ordered_json;

/// Human output names at most this many objects per finding; --json names all.
constexpr std::size_t kObjectsShown = 6;

std::string objectList(const Finding& finding)
{
    std::string out;
    const std::size_t shown = std::min(finding.objects.size(), kObjectsShown);
    for (std::size_t i = 0; i < shown; ++i) {
        if (i > 0)
            out += ", ";
        out += std::string(resourceKindLabel(finding.objects[i].kind)) + " " + finding.objects[i].id;
    }
    if (finding.objects.size() > shown)
        out += " and " + std::to_string(finding.objects.size() - shown) + " more";
    return out;
}

std::string plural(std::size_t n, std::string_view word)
{
    return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
}

void printGroup(std::ostream& out, std::string_view heading, const std::vector<const Finding*>& group)
{
    if (group.empty())
        return;
    std::size_t width = 4;
    for (const Finding* f : group)
        width = std::max(width, f->ruleId.size());
    out << heading << " (" << group.size() << ")\n";
    for (const Finding* f : group) {
        out << "  " << f->ruleId << std::string(width - f->ruleId.size() + 2, ' ') << f->title << '\n';
        const std::string indent(width + 4, ' ');
        out << indent << f->message << '\n';
        out << indent << "objects: " << objectList(*f) << '\n';
        out << indent << "cause:   " << f->cause << '\n';
        out << indent << "fix:     " << f->fix << '\n';
    }
    out << '\n';
}

} // namespace

ExitStatus runCheck(Session& session, const std::string& snapshotFile, bool asJson, Severity minimum,
                    std::ostream& out, std::ostream& err)
{
    // The session serves the snapshot's objects; the import report beside them says what the dump
    // lacked. Standard input was consumed by the session and is not read twice.
    UnknownFields unknown;
    if (!snapshotFile.empty() && snapshotFile != "-") {
        std::istringstream noInput;
        if (auto text = readJsonObjectFile(snapshotFile, noInput); text.ok())
            unknown = unknownFieldsOfSnapshot(*text);
    }
    if (unknown.empty() && !session.importReport().empty()) // a bundle's import report
        unknown = unknownFieldsOfSnapshot("{\"Import\":" + session.importReport() + "}");
    auto snapshot = session.api().snapshot("");
    if (!snapshot.ok()) {
        err << "hcnctl: " << describeStatus(snapshot.status()) << '\n';
        return ExitStatus::Failure;
    }
    auto checked = checkSnapshot(*snapshot, unknown);
    if (!checked.ok()) {
        err << "hcnctl: " << describeStatus(checked.status()) << '\n';
        return ExitStatus::Failure;
    }
    std::vector<Finding> findings;
    for (Finding& f : *checked)
        if (f.severity <= minimum)
            findings.push_back(std::move(f));
    const FindingCounts counts = countFindings(findings);
    const ExitStatus status = counts.errors > 0 ? ExitStatus::Failure : ExitStatus::Success;

    if (asJson) {
        json document{{"Findings", findings}, {"Counts", counts}};
        out << document.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
        return status;
    }
    std::vector<const Finding*> errors, warnings, infos;
    for (const Finding& f : findings)
        (f.severity == Severity::Error     ? errors
         : f.severity == Severity::Warning ? warnings
                                           : infos)
            .push_back(&f);
    printGroup(out, "Errors", errors);
    printGroup(out, "Warnings", warnings);
    printGroup(out, "Info", infos);
    out << (findings.empty() ? "No findings: " : "Summary: ") << plural(counts.errors, "error") << ", "
        << plural(counts.warnings, "warning") << ", " << counts.infos << " info (" << healthRules().size()
        << " rules checked)\n";
    return status;
}

} // namespace hcn::ctl
