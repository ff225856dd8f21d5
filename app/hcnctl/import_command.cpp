#include "import_command.h"

#include "object_table.h"
#include "status_format.h"

#include "hcn/dump_import.h"

#include <iostream>
#include <iterator>
#include <string>
#include <vector>
#include <nlohmann/json.hpp>

namespace hcn::ctl {

namespace {

/// "network.txt:12-40: warning: endpoint Ethernet: its network ... is not in the dump"
std::string reportLine(const io::ImportMessage& m)
{
    std::string where = m.source;
    if (m.firstLine > 0) {
        where += ":" + std::to_string(m.firstLine);
        if (m.lastLine > m.firstLine)
            where += "-" + std::to_string(m.lastLine);
    }
    return "hcnctl: import: " + (where.empty() ? std::string() : where + ": ") +
           std::string(io::importSeverityName(m.severity)) + ": " + m.message;
}

/// Standard input as one source ("-").
Result<io::ImportResult> importStandardInput(std::istream& in, const io::ImportOptions& options)
{
    std::string bytes;
    char buffer[65536];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        bytes.append(buffer, std::size_t(in.gcount()));
        if (bytes.size() > options.limits.maxFileBytes)
            return Status(hr::InvalidArg, "standard input is larger than " +
                                              std::to_string(options.limits.maxFileBytes >> 20) + " MiB");
    }
    return io::importBytes("stdin", std::move(bytes), options);
}

/// The snapshot with its members in reading order (versions, the kinds as snapshots list them, the
/// report), indented by two.
void writeSnapshot(const nlohmann::json& snapshot, std::ostream& out)
{
    std::vector<std::string> keys{"HnsVersion", "Source"};
    for (ResourceKind kind : kResourceKinds)
        keys.emplace_back(resourceKindPlural(kind));
    keys.emplace_back("Import");
    out << '{';
    bool first = true;
    for (const std::string& key : keys) {
        auto it = snapshot.find(key);
        if (it == snapshot.end())
            continue;
        std::string value = it->dump(2);
        std::string indented;
        indented.reserve(value.size() + value.size() / 8);
        for (char c : value) {
            indented += c;
            if (c == '\n')
                indented += "  ";
        }
        out << (first ? "\n  " : ",\n  ") << nlohmann::json(key).dump() << ": " << indented;
        first = false;
    }
    out << "\n}\n";
}

} // namespace

ExitStatus runImport(const std::vector<std::string>& paths, bool json, std::istream& in, std::ostream& out,
                     std::ostream& err)
{
    io::ImportOptions options;
    for (const std::string& path : paths)
        options.description += (options.description.empty() ? "" : ", ") + (path == "-" ? std::string("stdin") : path);
    const bool fromStdin = paths.size() == 1 && paths[0] == "-";
    Result<io::ImportResult> imported = fromStdin ? importStandardInput(in, options) : io::importPaths(paths, options);
    if (!imported) {
        if (json)
            out << nlohmann::ordered_json{{"error", errorObject(imported.status())}}.dump() << '\n';
        // What stopped the import (a path that is not there, nothing but empty files) is said as it is: the
        // HRESULT's explanation is about API calls and would mislead here; --json still carries the code.
        err << "hcnctl: import: " << imported.status().detail() << '\n';
        return ExitStatus::Failure;
    }
    for (const io::ImportMessage& m : imported->report.messages)
        err << reportLine(m) << '\n';

    const nlohmann::json& snapshot = imported->snapshot;
    if (json) {
        writeSnapshot(snapshot, out);
    } else {
        // The tables of `hcnctl list` read ordered documents.
        const nlohmann::ordered_json ordered = nlohmann::ordered_json::parse(snapshot.dump());
        for (ResourceKind kind : kResourceKinds) {
            const auto& documents = ordered[std::string(resourceKindPlural(kind))];
            if (documents.empty())
                continue;
            out << resourceKindPlural(kind) << " (" << documents.size() << ")\n";
            objectTable(kind, documents, ordered).print(out);
            out << '\n';
        }
        std::size_t counts[3] = {}; // by severity: infos, warnings, errors
        for (const io::ImportMessage& m : imported->report.messages)
            ++counts[m.severity == io::ImportSeverity::Error     ? 2
                     : m.severity == io::ImportSeverity::Warning ? 1
                                                                 : 0];
        auto count = [](std::size_t n, const char* what) {
            return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
        };
        // Warnings always, errors and infos when there are any: "1 error, 0 warnings, 2 infos".
        const std::string said = (counts[2] != 0 ? count(counts[2], "error") + ", " : std::string()) +
                                 count(counts[1], "warning") +
                                 (counts[0] != 0 ? ", " + count(counts[0], "info") : std::string());
        out << count(imported->objectCount(), "object") << " from "
            << count(imported->report.sources.size(), "source") << "; " << said
            << " on stderr. Save with --json and open it with "
            << "`hcnctl --snapshot FILE` or the console's File > Open Snapshot.\n";
    }
    return imported->recoveredAnything() ? ExitStatus::Success : ExitStatus::Failure;
}

} // namespace hcn::ctl
