#include "command_runner.h"

#include "batch_runner.h"
#include "bundle_command.h"
#include "check_command.h"
#include "cli_options.h"
#include "diff_command.h"
#include "document_reader.h"
#include "event_watcher.h"
#include "explain_command.h"
#include "hcn/open_object.h"
#include "help_text.h"
#include "import_command.h"
#include "kind_names.h"
#include "object_argument.h"
#include "object_table.h"
#include "record_command.h"
#include "session.h"
#include "status_format.h"
#include "trace_command.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>

namespace hcn::ctl {

namespace {

using json = nlohmann::ordered_json;

/// The query `show` and `list -d` render documents with: v2 output plus the service's Resources block.
constexpr std::string_view kDetailedQuery = R"({"SchemaVersion":{"Major":2,"Minor":0},"Flags":1})";

std::optional<Guid> parseId(const std::string& text)
{
    return Guid::parse(text, true);
}

/// The kinds a `list` argument names ("all": every kind).
std::vector<ResourceKind> listedKinds(const std::string& word)
{
    if (word == "all")
        return {kAllKinds.begin(), kAllKinds.end()};
    return {parseKindWord(word)};
}

/// A trace --port: 1..65535 in decimal; nullopt otherwise.
std::optional<std::uint16_t> tracePort(const std::string& text)
{
    unsigned value = 0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr != end || text.empty() || value == 0 || value > 65535)
        return std::nullopt;
    return std::uint16_t(value);
}

std::string capitalized(std::string_view text)
{
    std::string out(text);
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z')
        out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

/// An endpoint document names its network as HostComputeNetwork (v2) or VirtualNetwork (v1).
std::string networkOfEndpointDocument(const std::string& document)
{
    const json parsed = json::parse(document, nullptr, false);
    for (const char* key : {"HostComputeNetwork", "VirtualNetwork"})
        if (auto it = parsed.find(key);
            it != parsed.end() && it->is_string() && !it->get<std::string>().empty())
            return it->get<std::string>();
    return {};
}

} // namespace

CommandRunner::CommandRunner(std::istream& in, std::ostream& out, std::ostream& err)
    : m_in(in), m_out(out), m_err(err)
{}

int CommandRunner::run(const std::vector<std::string>& args)
{
    std::string error;
    auto options = CliOptions::parse(args, error);
    if (!options) {
        // The verb, when there is one, points the hint at its own help page.
        std::string verb;
        for (const std::string& word : args)
            if (CliOptions::verbs().contains(word)) {
                verb = word;
                break;
            }
        return static_cast<int>(usage(error, verb));
    }
    return static_cast<int>(finishOutput(dispatch(*options)));
}

ExitStatus CommandRunner::finishOutput(ExitStatus status)
{
    m_out.flush();
    if (m_out)
        return status;
    // The stream keeps no error code; errno still holds the write's when nothing failed after it.
    const int error = errno;
    bool writeError = error == ENOSPC || error == EIO || error == EPIPE || error == EBADF || error == EFBIG ||
                      error == EROFS;
#ifdef EDQUOT // not in Windows' C runtime
    writeError = writeError || error == EDQUOT;
#endif
    m_err << "hcnctl: cannot write the output" << (writeError ? std::string(": ") + std::strerror(error) : "")
          << " (the command's own outcome: exit status " << static_cast<int>(status) << ")\n";
    return ExitStatus::OutputFailed;
}

ExitStatus CommandRunner::usage(const std::string& message, const std::string& verb)
{
    m_err << "hcnctl: " << message << "\n"
          << "Try 'hcnctl " << (verb.empty() ? std::string() : verb + " ")
          << "--help' for more information.\n";
    return ExitStatus::Usage;
}

void CommandRunner::reportLoadWarnings(const Session& session, const CliOptions& options)
{
    for (const std::string& warning : session.loadWarnings())
        m_err << "hcnctl: " << options.snapshot << ": " << warning << '\n';
}

ExitStatus CommandRunner::fail(const Status& status, bool json)
{
    if (json)
        m_out << nlohmann::ordered_json{{"error", errorObject(status)}}.dump() << '\n';
    writeStatus(m_err, "hcnctl: ", status);
    return ExitStatus::Failure;
}

ExitStatus CommandRunner::failToOpen(const Status& status, const CliOptions& options)
{
    if (options.embedded || !options.snapshot.empty() || sessionOptions(options).library)
        return fail(status, options.json); // the engine's configuration, the snapshot or the library is wrong
#ifdef HCNCTL_WITHOUT_SERVICE_CLIENT
    return fail(status, options.json); // no hcnd client in this build: nothing to start or reach
#endif
    const std::string socket = options.socket.empty() ? Session::defaultSocket() : options.socket;
    const std::string message = Session::unreachableMessage(status, socket);
    if (options.json) {
        auto error = errorObject(status);
        error["message"] = message;
        m_out << nlohmann::ordered_json{{"error", std::move(error)}}.dump() << '\n';
    }
    m_err << "hcnctl: " << message << '\n';
    return ExitStatus::Unavailable;
}

std::string CommandRunner::checkArguments(const CliOptions& o) const
{
    const std::size_t count = o.arguments.size();
    auto kindError = [](const std::string& word) {
        return "unknown object kind \"" + word + "\" (use " + std::string(kindWordsHelp()) + ")";
    };
    auto idError = [](const std::string& word) { return "\"" + word + "\" is not an object ID (a GUID)"; };

    if (o.verb == "list") {
        if (count != 1)
            return "list needs one KIND (or all)";
        if (o.arguments[0] != "all" && parseKindWord(o.arguments[0]) == ResourceKind::Invalid)
            return kindError(o.arguments[0]);
        if (!o.filter.empty())
            if (Status s = checkJsonObject(o.filter, "--filter"); !s.ok())
                return s.detail();
    } else if (o.verb == "show" || o.verb == "modify" || o.verb == "delete") {
        if (count != 2)
            return o.verb + " needs KIND and ID (an object ID or Name)";
        if (parseKindWord(o.arguments[0]) == ResourceKind::Invalid)
            return kindError(o.arguments[0]);
        if (o.arguments[1].empty())
            return o.verb + " needs an ID or a Name, not an empty word";
        if (o.verb == "modify" && o.file.empty())
            return "modify needs the request: -f FILE";
    } else if (o.verb == "create") {
        if (count != 1)
            return "create needs one KIND";
        const ResourceKind kind = parseKindWord(o.arguments[0]);
        if (kind == ResourceKind::Invalid)
            return kindError(o.arguments[0]);
        if (o.file.empty())
            return "create needs the document: -f FILE";
        if (!o.id.empty() && !parseId(o.id))
            return idError(o.id);
        if (!o.network.empty() && kind != ResourceKind::Endpoint)
            return "--network applies to endpoints only";
    } else if (o.verb == "events") {
        if (count != 0)
            return "events takes no arguments";
        if (o.embedded)
            return "events needs a running hcnd: with --embedded nothing else can change the engine";
        if (!o.snapshot.empty())
            return "events needs a running hcnd: nothing in a snapshot changes";
        if (o.follow && o.durationSeconds)
            return "--duration applies without --follow only";
    } else if (o.verb == "call") {
        if (count < 1 || count > 2)
            return "call needs METHOD and optionally PARAMS_JSON";
        if (count == 2 && !o.file.empty())
            return "give the parameters inline or with -f, not both";
        if (count == 2)
            if (Status s = checkJsonObject(o.arguments[1], "PARAMS_JSON"); !s.ok())
                return s.detail();
    } else if (o.verb == "import") {
        if (count == 0)
            return "import needs at least one PATH (a file, a folder, an archive, or - for standard input)";
        if (o.embedded || !o.snapshot.empty() || !o.socket.empty() || o.library)
            return "import reads files offline: --embedded, --snapshot, --socket and --library do not apply";
        if (count > 1 && std::find(o.arguments.begin(), o.arguments.end(), "-") != o.arguments.end())
            return "- (standard input) cannot be combined with other PATHs";
    } else if (o.verb == "explain") {
        if (std::string problem = checkExplainArguments(o.arguments); !problem.empty())
            return problem;
        if (o.embedded || !o.snapshot.empty() || !o.socket.empty() || o.library)
            return "explain needs no service: --embedded, --snapshot, --socket and --library do not apply";
    } else if (o.verb == "check") {
        if (count != 0)
            return "check takes no arguments";
        if (!o.severity.empty() && !severityFromName(o.severity))
            return "--severity needs error, warning or info, not \"" + o.severity + "\"";
    } else if (o.verb == "diff") {
        if (count != 2)
            return "diff needs two hosts: A B (snapshot files, dumps, - for standard input, or live)";
        const bool stdinSide = o.arguments[0] == "-" || o.arguments[1] == "-";
        if ((o.arguments[0] == "-" && o.arguments[1] == "-") || (stdinSide && o.snapshot == "-"))
            return "only one side of diff can be - (standard input)";
    } else if (o.verb == "trace") {
        if (count != 2)
            return "trace needs SRC (an endpoint ID or name) and DST (an endpoint, an IP address or a VIP)";
        if (!o.proto.empty() && !traceProtocolFromName(o.proto))
            return "--proto needs tcp, udp or icmp, not \"" + o.proto + "\"";
        if (!o.port.empty()) {
            if (!tracePort(o.port))
                return "--port needs a port number from 1 to 65535, not \"" + o.port + "\"";
            if (o.proto == "icmp" || o.proto == "ICMP" || o.proto == "1")
                return "--port does not apply to icmp";
        }
    } else if (o.verb == "bundle") {
        if (std::string problem = checkBundleArguments(o); !problem.empty())
            return problem;
    } else if (o.verb == "record") {
        if (std::string problem = checkRecordArguments(o); !problem.empty())
            return problem;
    } else if (o.verb == "batch" || o.verb == "version") {
        if (count != 0)
            return o.verb + " takes no arguments";
    } else if (o.verb == "help") {
        if (count > 1)
            return "help takes at most one COMMAND";
        if (count == 1 && verbHelp(o.arguments[0]).empty())
            return "unknown command \"" + o.arguments[0] + "\"";
    }
    return {};
}

ExitStatus CommandRunner::dispatch(const CliOptions& options)
{
    if (options.verb.empty()) {
        if (!options.help) {
            m_err << overviewHelp();
            return ExitStatus::Usage;
        }
        m_out << overviewHelp();
        return ExitStatus::Success;
    }
    if (options.help) {
        m_out << verbHelp(options.verb);
        return ExitStatus::Success;
    }
    if (std::string problem = checkArguments(options); !problem.empty())
        return usage(problem, options.verb);
    if (options.verb == "help") {
        m_out << (options.arguments.empty() ? overviewHelp() : verbHelp(options.arguments[0]));
        return ExitStatus::Success;
    }
    if (options.verb == "version")
        return version(options);
    if (options.verb == "import")
        return runImport(options.arguments, options.json, m_in, m_out, m_err);
    if (options.verb == "explain")
        return runExplain(options.arguments, options.json, m_out);
    if (options.verb == "diff")
        return runDiff(options, m_in, m_out, m_err);
    if (options.verb == "record" && options.listRecording)
        return runRecordingList(options, m_out, m_err);

    auto session = Session::open(sessionOptions(options));
    if (!session.ok())
        return failToOpen(session.status(), options);
    Session& s = **session;
    reportLoadWarnings(s, options);
    if (options.verb == "list")
        return list(options, s);
    if (options.verb == "show")
        return show(options, s);
    if (options.verb == "create")
        return create(options, s);
    if (options.verb == "modify")
        return modify(options, s);
    if (options.verb == "delete")
        return remove(options, s);
    if (options.verb == "call")
        return call(options, s);
    if (options.verb == "batch")
        return batch(options, s);
    if (options.verb == "trace") {
        TraceRequest request;
        request.source = options.arguments[0];
        request.destination = options.arguments[1];
        request.protocol = traceProtocolFromName(options.proto.empty() ? "tcp" : options.proto).value_or(TraceProtocol::Tcp);
        if (!options.port.empty())
            request.port = tracePort(options.port);
        request.hostAddresses = options.hostAddresses;
        return runTrace(s, request, options.json, m_out, m_err);
    }
    if (options.verb == "bundle")
        return runBundle(s, options, m_out, m_err);
    if (options.verb == "record")
        return runRecord(s, options, m_out, m_err);
    if (options.verb == "check")
        return runCheck(s, options.snapshot, options.json,
                        severityFromName(options.severity).value_or(Severity::Info), m_out, m_err);
    return events(options, s);
}

ExitStatus CommandRunner::list(const CliOptions& options, Session& session)
{
    auto snapshotText = session.api().snapshot(options.detailed ? kDetailedQuery : std::string_view());
    if (!snapshotText.ok())
        return fail(snapshotText.status(), options.json);
    json snapshot = json::parse(*snapshotText);
    const std::vector<ResourceKind> kinds = listedKinds(options.arguments[0]);

    if (!options.filter.empty()) {
        // The filter is the service's own (HostComputeQuery); it picks which snapshot documents stay.
        const std::string query =
            json{{"SchemaVersion", {{"Major", 2}, {"Minor", 0}}}, {"Filter", options.filter}}.dump();
        for (ResourceKind kind : kinds) {
            auto ids = session.api().enumerate(kind, query);
            if (!ids.ok())
                return fail(ids.status(), options.json);
            std::set<Guid> matching;
            for (const auto& id : json::parse(*ids))
                if (auto parsed = Guid::parse(id.get<std::string>()))
                    matching.insert(*parsed);
            json& documents = snapshot[std::string(kindPlural(kind))];
            json kept = json::array();
            for (json& document : documents)
                if (auto id = Guid::parse(document.value("ID", std::string())); id && matching.contains(*id))
                    kept.push_back(std::move(document));
            documents = std::move(kept);
        }
    }

    if (options.json) {
        json out = json::object();
        for (ResourceKind kind : kinds)
            out[std::string(kindPlural(kind))] = snapshot[std::string(kindPlural(kind))];
        m_out << out.dump() << '\n';
        return ExitStatus::Success;
    }
    if (const std::string& report = session.importReport(); !report.empty())
        snapshot["Import"] = json::parse(report, nullptr, false); // the tables mark made-up IDs
    bool first = true;
    for (ResourceKind kind : kinds) {
        const json& documents = snapshot[std::string(kindPlural(kind))];
        if (!first)
            m_out << '\n';
        first = false;
        if (kinds.size() > 1)
            m_out << capitalized(kindLabel(kind)) << "s (" << documents.size() << ")\n";
        if (documents.empty()) {
            m_out << "No " << kindLabel(kind) << "s.\n";
            continue;
        }
        if (options.detailed) {
            for (const json& document : documents)
                m_out << document.dump(2) << '\n';
            continue;
        }
        objectTable(kind, documents, snapshot).print(m_out);
    }
    return ExitStatus::Success;
}

ExitStatus CommandRunner::withOpenObject(Session& session, ResourceKind kind, const Guid& id, bool json,
                                         const std::function<Status(Handle)>& action)
{
    const Status result = hcn::withOpenObject(session.api(), kind, id, action);
    return result.ok() ? ExitStatus::Success : fail(result, json);
}

ExitStatus CommandRunner::show(const CliOptions& options, Session& session)
{
    const ResourceKind kind = parseKindWord(options.arguments[0]);
    auto id = resolveObjectArgument(session.api(), kind, options.arguments[1]);
    if (!id.ok())
        return fail(id.status(), options.json);
    return withOpenObject(session, kind, *id, options.json, [&](Handle handle) {
        auto document = session.api().query(kind, handle, kDetailedQuery);
        if (!document.ok())
            return document.status();
        m_out << json::parse(*document).dump(options.json ? -1 : 2) << '\n';
        return Status::success();
    });
}

ExitStatus CommandRunner::create(const CliOptions& options, Session& session)
{
    const ResourceKind kind = parseKindWord(options.arguments[0]);
    auto document = readJsonObjectFile(options.file, m_in);
    if (!document.ok())
        return fail(document.status(), options.json);
    const Guid id = options.id.empty() ? Guid{} : *parseId(options.id);
    Api& api = session.api();

    Handle network = 0;
    if (kind == ResourceKind::Endpoint) {
        const std::string networkText =
            options.network.empty() ? networkOfEndpointDocument(*document) : options.network;
        if (networkText.empty())
            return usage("an endpoint needs its network: --network ID, or HostComputeNetwork in the document",
                         options.verb);
        if (options.network.empty() && !parseId(networkText))
            return fail(
                Status(hr::InvalidJson, "the document's network \"" + networkText + "\" is not a GUID."),
                options.json);
        const auto networkId = resolveObjectArgument(api, ResourceKind::Network, networkText);
        if (!networkId.ok())
            return fail(networkId.status(), options.json);
        auto opened = api.open(ResourceKind::Network, *networkId);
        if (!opened.ok())
            return fail(opened.status(), options.json);
        network = *opened;
    }
    auto handle = api.create(kind, id, *document, network);
    if (network != 0)
        (void)api.close(ResourceKind::Network, network);
    if (!handle.ok())
        return fail(handle.status(), options.json);

    Status reported = Status::success();
    if (options.json) {
        auto created = api.query(kind, *handle, kDetailedQuery);
        if (created.ok())
            m_out << json::parse(*created).dump() << '\n';
        reported = created.status();
    } else {
        auto createdId = api.handleId(kind, *handle);
        if (createdId.ok())
            m_out << "Created " << kindLabel(kind) << ' ' << createdId->toString() << '\n';
        reported = createdId.status();
    }
    (void)api.close(kind, *handle);
    return reported.ok() ? ExitStatus::Success : fail(reported, options.json);
}

ExitStatus CommandRunner::modify(const CliOptions& options, Session& session)
{
    const ResourceKind kind = parseKindWord(options.arguments[0]);
    const auto resolved = resolveObjectArgument(session.api(), kind, options.arguments[1]);
    if (!resolved.ok())
        return fail(resolved.status(), options.json);
    const Guid id = *resolved;
    auto request = readJsonObjectFile(options.file, m_in);
    if (!request.ok())
        return fail(request.status(), options.json);
    return withOpenObject(session, kind, id, options.json, [&](Handle handle) {
        if (Status s = session.api().modify(kind, handle, *request); !s.ok())
            return s;
        if (!options.json) {
            m_out << "Modified " << kindLabel(kind) << ' ' << id.toString() << '\n';
            return Status::success();
        }
        auto document = session.api().query(kind, handle, kDetailedQuery);
        if (!document.ok())
            return document.status();
        m_out << json::parse(*document).dump() << '\n';
        return Status::success();
    });
}

ExitStatus CommandRunner::remove(const CliOptions& options, Session& session)
{
    const ResourceKind kind = parseKindWord(options.arguments[0]);
    const auto resolved = resolveObjectArgument(session.api(), kind, options.arguments[1]);
    if (!resolved.ok())
        return fail(resolved.status(), options.json);
    const Guid id = *resolved;
    if (Status s = session.api().remove(kind, id); !s.ok())
        return fail(s, options.json);
    if (options.json)
        m_out << json{{"Deleted", {{"Kind", resourceKindName(kind)}, {"Id", id.toString()}}}}.dump() << '\n';
    else
        m_out << "Deleted " << kindLabel(kind) << ' ' << id.toString() << '\n';
    return ExitStatus::Success;
}

ExitStatus CommandRunner::call(const CliOptions& options, Session& session)
{
    std::string params = options.arguments.size() == 2 ? options.arguments[1] : std::string("{}");
    if (!options.file.empty()) {
        auto fromFile = readJsonObjectFile(options.file, m_in);
        if (!fromFile.ok())
            return fail(fromFile.status(), options.json);
        params = std::move(*fromFile);
    }
    auto result = session.call(options.arguments[0], params);
    if (!result.ok())
        return fail(result.status(), options.json);
    const json parsed = json::parse(*result, nullptr, false);
    if (parsed.is_discarded())
        m_out << *result << '\n';
    else
        m_out << parsed.dump(options.json ? -1 : 2) << '\n';
    return ExitStatus::Success;
}

ExitStatus CommandRunner::batch(const CliOptions& options, Session& session)
{
    BatchRunner runner([&session](std::string_view method, std::string_view params) {
        return session.call(method, params);
    });
    if (options.file.empty() || options.file == "-") {
        runner.run(m_in, m_out);
    } else {
        std::ifstream file(options.file);
        if (!file)
            return fail(Status(hr::InvalidArg, "cannot read " + options.file + "."), false);
        runner.run(file, m_out);
    }
    if (runner.failureCount() == 0)
        return ExitStatus::Success;
    m_err << "hcnctl: batch: " << runner.failureCount() << " of " << runner.callCount()
          << " calls failed; the first: " << runner.firstFailure() << '\n';
    if (failed(runner.firstFailureCode()))
        m_err << "hcnctl: batch: " << explainLine(Status(runner.firstFailureCode())) << '\n';
    return ExitStatus::Failure;
}

ExitStatus CommandRunner::events(const CliOptions& options, Session& session)
{
    EventWatcher::Settings settings;
    settings.follow = options.follow;
    settings.json = options.json;
    settings.durationSeconds = options.durationSeconds.value_or(10.0);
    settings.count = options.count;
    EventWatcher watcher(session.api(), m_out, m_err, settings);
    return watcher.run(session.source()) == 0 ? ExitStatus::Success : ExitStatus::Failure;
}

ExitStatus CommandRunner::version(const CliOptions& options)
{
    json out{{"Hcnctl", HCNCTL_VERSION}};
    auto session = Session::open(sessionOptions(options));
    if (!session.ok()) {
        // The client's own version is still worth printing when the service is not there.
        if (!options.json)
            m_out << "hcnctl " HCNCTL_VERSION "\n";
        return failToOpen(session.status(), options);
    }
    reportLoadWarnings(**session, options);
    auto about = (*session)->api().info();
    if (!about.ok())
        return fail(about.status(), options.json);
    auto serviceInfo = (*session)->call("hcnd.info", "{}");
    const json service = serviceInfo.ok() ? json::parse(*serviceInfo, nullptr, false) : json();
    const std::string server = service.is_object() && service.contains("Server")
                                   ? service["Server"].get<std::string>()
                                   : about->endpoint;

    out["Server"] = server;
    out["Endpoint"] = about->endpoint;
    out["HnsVersion"] = {{"Major", about->hnsVersion.major}, {"Minor", about->hnsVersion.minor}};
    out["SchemaVersion"] = {{"Major", about->schemaVersion.major}, {"Minor", about->schemaVersion.minor}};
    out["Datapath"] = about->datapath;
    if (about->readOnly) {
        out["ReadOnly"] = true;
        out["Description"] = about->description;
    }
    if (service.is_object() && service.contains("Counts"))
        out["Counts"] = service["Counts"];
    if (options.json) {
        m_out << out.dump() << '\n';
        return ExitStatus::Success;
    }
    m_out << "hcnctl " HCNCTL_VERSION "\n"
          << "service         " << server << '\n'
          << "endpoint        " << about->endpoint << '\n'
          << "HNS version     " << about->hnsVersion.toString() << '\n'
          << "schema version  " << about->schemaVersion.toString() << '\n'
          << "datapath        " << about->datapath << '\n';
    if (about->readOnly)
        m_out << "read-only       " << about->description << '\n';
    return ExitStatus::Success;
}

} // namespace hcn::ctl
