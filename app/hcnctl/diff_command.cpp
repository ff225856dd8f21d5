#include "diff_command.h"

#include "cli_options.h"
#include "hcn/dump_import.h"
#include "hcn/snapshot_api.h"
#include "hcn/snapshot_diff.h"
#include "kind_names.h"
#include "recording_source.h"
#include "session.h"
#include "status_format.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <unordered_map>

namespace hcn::ctl {

namespace {

using PlainJson = nlohmann::json;

/// Every object of a host, as Api::snapshot() renders them: both sides of a diff go through the same
/// query shaping, whatever they came from.
Result<std::vector<HostObject>> objectsOf(Api& api)
{
    auto text = api.snapshot({});
    if (!text.ok())
        return text.status();
    return parseHostSnapshot(*text);
}

Result<std::string> readBounded(std::istream& in, const std::string& name)
{
    const std::size_t limit = io::SourceLimits{}.maxFileBytes;
    std::string bytes;
    char buffer[65536];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        bytes.append(buffer, std::size_t(in.gcount()));
        if (bytes.size() > limit)
            return Status(hr::InvalidArg, name + " is larger than " + std::to_string(limit >> 20) + " MiB.");
    }
    return bytes;
}

class SideLoader
{
public:
    SideLoader(const CliOptions& options, std::istream& in, std::ostream& err)
        : m_options(options), m_in(in), m_err(err)
    {}

    Result<std::vector<HostObject>> load(const std::string& word)
    {
        if (word == "live")
            return live();
        if (word != "-") {
            // A recording, or a moment of one (REC@TIME, REC#N).
            std::vector<std::string> notes;
            auto recorded = recordingSnapshot(word, notes);
            if (!recorded.ok())
                return recorded.status();
            if (*recorded) {
                for (const std::string& note : notes)
                    m_err << "hcnctl: diff: " << word << ": " << note << '\n';
                auto snapshot = SnapshotApi::fromText(**recorded, word);
                if (!snapshot.ok())
                    return snapshot.status();
                return objectsOf(**snapshot);
            }
        }
        std::error_code error;
        if (word != "-" && std::filesystem::is_directory(word, error))
            return imported(io::importPaths({word}), word);
        Result<std::string> bytes = Status(hr::InvalidArg, "cannot read " + word + ".");
        if (word == "-") {
            bytes = readBounded(m_in, "standard input");
        } else if (std::ifstream file(word, std::ios::binary); file) {
            bytes = readBounded(file, word);
        }
        if (!bytes.ok())
            return bytes.status();
        const std::string name = word == "-" ? std::string("stdin") : word;
        // A snapshot document is read as --snapshot reads it; anything else as `hcnctl import` does.
        if (auto snapshot = SnapshotApi::fromText(*bytes, name); snapshot.ok()) {
            for (const std::string& warning : (*snapshot)->loadWarnings())
                m_err << "hcnctl: " << name << ": " << warning << '\n';
            return objectsOf(**snapshot);
        }
        return imported(io::importBytes(name, std::move(*bytes)), name);
    }

private:
    Result<std::vector<HostObject>> live()
    {
        const CliOptions& o = m_options;
        auto session = Session::open(sessionOptions(o));
        if (!session.ok()) {
            if (o.embedded || !o.snapshot.empty() || sessionOptions(o).library)
                return session.status();
            return Status(session.code(),
                          Session::unreachableMessage(
                              session.status(), o.socket.empty() ? Session::defaultSocket() : o.socket));
        }
        for (const std::string& warning : (*session)->loadWarnings())
            m_err << "hcnctl: " << o.snapshot << ": " << warning << '\n';
        return objectsOf((*session)->api());
    }

    Result<std::vector<HostObject>> imported(Result<io::ImportResult> result, const std::string& name)
    {
        if (!result.ok())
            return Status(result.code(), name + ": " + result.status().detail());
        if (result->objectCount() == 0)
            return Status(hr::InvalidJson, name + ": neither a snapshot nor a dump with HCN objects in it.");
        std::size_t warnings = 0;
        for (const io::ImportMessage& m : result->report.messages)
            warnings += m.severity != io::ImportSeverity::Info;
        m_err << "hcnctl: diff: " << name << ": imported as a dump: " << result->objectCount() << " object"
              << (result->objectCount() == 1 ? "" : "s") << ", " << warnings << " warning"
              << (warnings == 1 ? "" : "s") << " (`hcnctl import " << name << "` lists them)\n";
        auto snapshot = SnapshotApi::fromDocument(result->snapshot, name);
        if (!snapshot.ok())
            return snapshot.status();
        return objectsOf(**snapshot);
    }

    const CliOptions& m_options;
    std::istream& m_in;
    std::ostream& m_err;
};

/// How the human output shows values: IDs with the names of the objects they are, policies as their
/// Type and settings, the rest as compact JSON.
class Printer
{
public:
    Printer(const std::vector<HostObject>& a, const std::vector<HostObject>& b, std::ostream& out)
        : m_out(out)
    {
        for (const auto* side : {&a, &b})
            for (const HostObject& o : *side)
                if (auto it = o.document->find("Name"); it != o.document->end() && it->is_string())
                    m_names[o.id] = it->get<std::string>();
    }

    void print(const SnapshotDiff& diff)
    {
        std::size_t total = 0;
        bool anyKind = false;
        for (const DiffKindSummary& k : diff.kinds) {
            total += k.after;
            if (k.before == 0 && k.after == 0)
                continue;
            if (!anyKind)
                m_out << "Summary:\n";
            anyKind = true;
            std::string label = std::string(kindLabel(k.kind)) + "s";
            label.resize(std::max<std::size_t>(label.size(), 24), ' ');
            m_out << "  " << label << k.before << " → " << k.after;
            std::vector<std::string> parts;
            if (k.added)
                parts.push_back(std::to_string(k.added) + " added");
            if (k.removed)
                parts.push_back(std::to_string(k.removed) + " removed");
            if (k.changed)
                parts.push_back(std::to_string(k.changed) + " changed");
            if (k.matchedByName)
                parts.push_back(std::to_string(k.matchedByName) + " matched by name");
            for (std::size_t i = 0; i < parts.size(); ++i)
                m_out << (i == 0 ? "  (" : ", ") << parts[i];
            m_out << (parts.empty() ? "\n" : ")\n");
        }
        if (diff.same())
            m_out << "No differences (" << total << " object" << (total == 1 ? "" : "s") << ").\n";
        else
            m_out << '\n';
        for (const DiffObject& o : diff.objects) {
            const char mark = o.type == DiffObject::Type::Added     ? '+'
                              : o.type == DiffObject::Type::Removed ? '-'
                                                                    : '~';
            m_out << mark << ' ' << kindLabel(o.kind) << ' ' << (o.name.empty() ? "" : o.name + " ") << '('
                  << o.id;
            if (o.matchedByName)
                m_out << " → " << o.newId << ", matched by name";
            m_out << ")\n";
            for (const DiffFieldChange& c : o.changes)
                printChange(c);
        }
        if (!diff.ignored.empty()) {
            m_out << (diff.same() ? "" : "\n") << "Not compared (bookkeeping, see docs/diff.md):\n";
            for (const auto& [member, count] : diff.ignored)
                m_out << "  " << member << " differs on " << count << " object" << (count == 1 ? "" : "s")
                      << '\n';
        }
    }

private:
    void printChange(const DiffFieldChange& c)
    {
        const std::string path = c.path.empty() ? std::string("/") : c.path;
        // A port mapping's null Protocol is an import's unknown one; without a Protocol it is any.
        if (path.ends_with("/Protocol") &&
            ((c.type == DiffFieldChange::Type::Added && c.after.is_null()) ||
             (c.type == DiffFieldChange::Type::Removed && c.before.is_null()))) {
            const bool toAny = c.type == DiffFieldChange::Type::Removed;
            m_out << "    " << path << ": "
                  << (toAny ? "unknown (null) → any (none)" : "any (none) → unknown (null)") << '\n';
            return;
        }
        switch (c.type) {
        case DiffFieldChange::Type::Added:
            m_out << "    " << path << ": added " << value(c.after) << '\n';
            return;
        case DiffFieldChange::Type::Removed:
            m_out << "    " << path << ": removed " << value(c.before) << '\n';
            return;
        case DiffFieldChange::Type::Changed:
            m_out << "    " << path << ": " << value(c.before) << " → " << value(c.after) << '\n';
            return;
        case DiffFieldChange::Type::Items:
            break;
        }
        if (c.removedItems.size() == 1 && c.addedItems.size() == 1) {
            m_out << "    " << path << ": " << item(c.removedItems[0]) << " → " << item(c.addedItems[0])
                  << '\n';
            return;
        }
        m_out << "    " << path << ':';
        if (!c.removedItems.empty())
            m_out << " removed " << items(c.removedItems);
        if (!c.addedItems.empty())
            m_out << (c.removedItems.empty() ? " added " : "; added ") << items(c.addedItems);
        m_out << '\n';
    }

    std::string items(const std::vector<PlainJson>& list) const
    {
        std::string out;
        for (const PlainJson& element : list)
            out += (out.empty() ? "" : ", ") + item(element);
        return out;
    }

    /// An array element: an ID with its name, a policy as "Type {settings}", else as value().
    std::string item(const PlainJson& element) const
    {
        if (element.is_string())
            return withName(element.get<std::string>());
        if (element.is_object() && element.contains("Type") && element["Type"].is_string()) {
            std::string out = element["Type"].get<std::string>();
            if (auto settings = element.find("Settings"); settings != element.end())
                out += ' ' + dump(*settings);
            else if (element.size() > 1) {
                PlainJson rest = element;
                rest.erase("Type");
                out += ' ' + dump(rest);
            }
            return out;
        }
        return value(element);
    }

    std::string value(const PlainJson& v) const
    {
        if (v.is_string()) {
            const std::string quoted = dump(v);
            const std::string named = withName(v.get<std::string>());
            return named.size() > v.get_ref<const std::string&>().size()
                       ? quoted + named.substr(v.get_ref<const std::string&>().size())
                       : quoted;
        }
        return dump(v);
    }

    static std::string dump(const PlainJson& v)
    {
        return v.dump(-1, ' ', false, PlainJson::error_handler_t::replace);
    }

    std::string withName(const std::string& text) const
    {
        if (auto it = m_names.find(canonicalObjectId(text)); it != m_names.end() && text.size() >= 36)
            return text + " (" + it->second + ")";
        return text;
    }

    std::ostream& m_out;
    std::unordered_map<std::string, std::string> m_names;
};

ExitStatus trouble(const Status& status, bool json, std::ostream& out, std::ostream& err)
{
    if (json)
        out << nlohmann::ordered_json{{"error", errorObject(status)}}.dump() << '\n';
    writeStatus(err, "hcnctl: diff: ", status);
    return ExitStatus::Usage;
}

} // namespace

std::string diffHelp()
{
    return R"TEXT(Usage: hcnctl diff [--json] A B

What differs between two hosts (docs/diff.md). A and B are each a snapshot file (hcnd.snapshot, the
console's Export all, `hcnctl list all --json`), a dump `hcnctl import` reads (files, folders,
archives), a recording at a moment (REC@TIME with TIME in ISO 8601 UTC or +SECONDS from the start,
REC#N after change N, REC alone: its end; `hcnctl record`), - for standard input (one side only), or
`live`: the host this hcnctl talks to (hcnd, --embedded, or --snapshot FILE).

Objects are matched by kind and ID; one left without a partner is matched by kind and Name when the
name is unique on both sides (a re-import or re-create gives a new ID), and the match says so.
Members are compared by path; policies are matched by Type and identifying settings, lists of IDs and
addresses compared as sets. Resources blocks, per-document SchemaVersion and "_" members are not
compared (how often they differ is listed apart).

Output: a summary per kind ("load balancers  577 → 1  (576 removed, 1 changed)"), then one line per
object: "+ endpoint NAME (ID)" added in B, "- ..." only in A, "~ ..." changed, with the changed members
indented ("/IpConfigurations: {...} → {...}", "/HostComputeEndpoints: removed ID (NAME), ...").

  --json   {"Same":bool,"Summary":[{"Kind","Before","After","Added","Removed","Changed","MatchedByName"}],
           "Objects":[{"Change","Kind","ID",["NewID","MatchedByName"],"Name","Changes"|"Document"}],
           "Ignored":{"KIND /MEMBER":count}}; each change {"Path","Change":"added|removed|changed|items",
           "Old","New" | "Removed":[...],"Added":[...]}

Exit status (as diff(1)): 0 the hosts are the same, 1 they differ, 2 trouble (a side cannot be read,
the service cannot be reached, a wrong command line).
)TEXT";
}

ExitStatus runDiff(const CliOptions& options, std::istream& in, std::ostream& out, std::ostream& err)
{
    SideLoader loader(options, in, err);
    auto a = loader.load(options.arguments[0]);
    if (!a.ok())
        return trouble(a.status(), options.json, out, err);
    auto b = loader.load(options.arguments[1]);
    if (!b.ok())
        return trouble(b.status(), options.json, out, err);

    const SnapshotDiff diff = diffObjects(*a, *b);
    if (options.json)
        out << toJson(diff).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
    else
        Printer(*a, *b, out).print(diff);
    return diff.same() ? ExitStatus::Success : ExitStatus::Failure;
}

} // namespace hcn::ctl
