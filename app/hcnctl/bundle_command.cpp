#include "bundle_command.h"

#include "cli_options.h"
#include "hcn/bundle.h"
#include "hcn/dump_sources.h"
#include "hcn/redaction.h"
#include "session.h"
#include "status_format.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>

namespace hcn::ctl {

std::string checkBundleArguments(const CliOptions& o)
{
    if (o.arguments.size() != 1)
        return "bundle needs one OUT file (.zip, .tar.gz or .tgz)";
    const std::string& out = o.arguments[0];
    if (!io::isBundleFileName(out))
        return "the bundle OUT must end in .zip, .tar.gz or .tgz, not \"" + out + "\"";
    if (!o.redact && (!o.keyFile.empty() || !o.mapping.empty()))
        return "--key-file and --mapping go with --redact";
    if (!o.mapping.empty() && std::filesystem::weakly_canonical(o.mapping) == std::filesystem::weakly_canonical(out))
        return "the --mapping file cannot be the bundle itself";
    return {};
}

std::string bundleHelp()
{
    std::string text = R"TEXT(Usage: hcnctl bundle [--redact] [--key-file FILE] [--mapping MAPPING.json] OUT

Writes a bug-report bundle of the host (docs/bundles.md): one archive, OUT.zip or OUT.tar.gz/.tgz, with
every object in its v2 and v1 shapes (snapshot.json, objects-v1.json), the health checks (checks.json,
checks.txt), the import report when the host is an imported dump, the versions (versions.json), a
manifest (each file with its size and SHA-256) and a README.txt. It opens again as a snapshot:
`hcnctl --snapshot OUT`, `hcnctl import OUT`, `hcnctl diff OUT live`.

  --redact          replace IP addresses (prefix-preserving), MACs, GUIDs and names by pseudonyms,
                    the same in every file; special ranges (loopback, link-local, multicast ...) stay
  --key-file FILE   the redaction key: 32 hex digits, or any passphrase (hashed); the same key gives
                    the same pseudonyms. Without it a random key is used.
  --mapping FILE    write the key and every original -> pseudonym pair there (JSON), to translate
                    answers back. Keep it: it is never put in the bundle.

Exit status 0 when the bundle is written, 1 when the host cannot be read or the key file is unusable,
2 for a wrong command line, 3 when the service cannot be reached, 4 when OUT or the mapping cannot be
written.
)TEXT";
    if (!io::tarArchivesSupported())
        text +=
            "\nThis build (without libarchive, as hcnctl.exe for Windows) writes OUT.zip only: a .tar.gz or\n"
            ".tgz OUT is refused with exit status 4.\n";
    return text;
}

ExitStatus runBundle(Session& session, const CliOptions& options, std::ostream& out, std::ostream& err)
{
    const std::string& path = options.arguments[0];
    std::optional<io::Redactor> redactor;
    if (options.redact) {
        io::RedactionKey key = io::RedactionKey::random();
        if (!options.keyFile.empty()) {
            std::ifstream file(options.keyFile, std::ios::binary);
            std::string text;
            char buffer[4096];
            while (file && (file.read(buffer, sizeof buffer) || file.gcount() > 0) && text.size() < 65536)
                text.append(buffer, std::size_t(file.gcount()));
            if (!file.eof()) {
                err << "hcnctl: cannot read the key file " << options.keyFile << ".\n";
                return ExitStatus::Failure;
            }
            auto parsed = io::RedactionKey::fromText(text);
            if (!parsed.ok()) {
                err << "hcnctl: " << options.keyFile << ": " << parsed.status().detail() << '\n';
                return ExitStatus::Failure;
            }
            key = *parsed;
        }
        redactor.emplace(key);
    }
    auto snapshot = session.api().snapshot({});
    if (!snapshot.ok()) {
        err << "hcnctl: " << describeStatus(snapshot.status()) << '\n';
        return ExitStatus::Failure;
    }
    io::BundleInput input;
    input.toolVersion = "hcnctl " HCNCTL_VERSION;
    input.snapshotText = std::move(*snapshot);
    if (auto info = session.api().info(); info.ok())
        input.source = info->description.empty() ? info->endpoint : info->description;
    // An imported dump's report sits beside the objects in the file the session read.
    if (const std::string& report = session.importReport(); !report.empty()) {
        auto document = nlohmann::json::parse(input.snapshotText, nullptr, false);
        auto parsed = nlohmann::json::parse(report, nullptr, false);
        if (document.is_object() && parsed.is_object()) {
            document["Import"] = std::move(parsed);
            input.snapshotText = document.dump();
        }
    }
    input.redactor = redactor ? &*redactor : nullptr;
    auto written = io::writeBundle(path, input);
    if (!written.ok()) {
        err << "hcnctl: " << describeStatus(written.status()) << '\n';
        return written.code() == hr::InvalidJson ? ExitStatus::Failure : ExitStatus::OutputFailed;
    }
    if (redactor && !options.mapping.empty()) {
        std::ofstream file(options.mapping, std::ios::binary | std::ios::trunc);
        file << redactor->mapping().dump(2) << '\n';
        file.close();
        if (!file) {
            err << "hcnctl: cannot write the mapping to " << options.mapping << ".\n";
            return ExitStatus::OutputFailed;
        }
    }
    out << "Wrote " << path << ": " << written->objects << " object" << (written->objects == 1 ? "" : "s") << ", "
        << written->findings << " finding" << (written->findings == 1 ? "" : "s") << ", " << written->files.size()
        << " files" << (redactor ? ", redacted" : "") << ".\n";
    if (redactor && !options.mapping.empty())
        out << "The mapping back to the originals is in " << options.mapping << " (keep it; it is not in the bundle).\n";
    return ExitStatus::Success;
}

} // namespace hcn::ctl
