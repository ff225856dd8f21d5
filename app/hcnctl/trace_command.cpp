#include "trace_command.h"

#include "session.h"
#include "status_format.h"

#include <nlohmann/json.hpp>
#include <ostream>

namespace hcn::ctl {

namespace {

using json = nlohmann::ordered_json;

std::string objectText(const TraceObject& o)
{
    if (o.host)
        return "the host";
    if (o.id.empty())
        return {};
    return std::string(resourceKindLabel(o.kind)) + " " + (o.name.empty() ? o.id : o.name + " " + o.id);
}

std::string upper(std::string_view text)
{
    std::string out(text);
    for (char& c : out)
        c = char(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

} // namespace

ExitStatus runTrace(Session& session, const TraceRequest& request, bool asJson, std::ostream& out,
                    std::ostream& err)
{
    auto snapshot = session.api().snapshot("");
    if (!snapshot.ok()) {
        err << "hcnctl: " << describeStatus(snapshot.status()) << '\n';
        return ExitStatus::Failure;
    }
    auto traced = traceSnapshot(*snapshot, request);
    if (!traced.ok()) {
        // The source or destination names nothing on this host (or a name is ambiguous): the command
        // line is what is wrong.
        const HResult code = traced.status().code();
        const bool usage = code == hr::EndpointNotFound || code == hr::InvalidArg;
        if (asJson)
            out << json{{"error", errorObject(traced.status())}}.dump(-1, ' ', false,
                                                                      json::error_handler_t::replace)
                << '\n';
        err << "hcnctl: trace: " << traced.status().detail() << '\n';
        return usage ? ExitStatus::Usage : ExitStatus::Failure;
    }
    const TraceResult& r = *traced;
    // Undecided is no success either: the data does not show the packet arriving.
    const ExitStatus status = r.verdict == TraceVerdict::Dropped || r.verdict == TraceVerdict::Undecided
                                  ? ExitStatus::Failure
                                  : ExitStatus::Success;
    if (asJson) {
        out << json(r).dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
        return status;
    }
    out << "Trace " << objectText(r.source);
    if (!r.sourceAddress.empty())
        out << " (" << r.sourceAddress << ")";
    out << " -> " << r.destination;
    if (r.destination != r.destinationAddress && !r.destinationAddress.empty())
        out << " (" << r.destinationAddress << ")";
    out << ' ' << traceProtocolName(r.protocol);
    if (r.port != 0)
        out << '/' << r.port << (r.portDefaulted ? " (port assumed)" : "");
    out << "\n\n";
    for (std::size_t i = 0; i < r.hops.size(); ++i) {
        const TraceHop& h = r.hops[i];
        const std::string number = std::to_string(i + 1) + ". ";
        out << (number.size() < 4 ? std::string(4 - number.size(), ' ') : std::string()) << number << h.name;
        if (const std::string o = objectText(h.object); !o.empty())
            out << " [" << o << "]";
        out << ": "
            << (h.outcome == HopOutcome::Drop        ? "DROPPED, "
                : h.outcome == HopOutcome::Undecided ? "UNDECIDED, "
                                                     : "")
            << h.decision << '\n';
        if (!h.rule.empty())
            out << "      rule: " << h.rule << '\n';
        if (!h.detail.empty())
            out << "      " << h.detail << '\n';
    }
    out << "\nVerdict: " << upper(traceVerdictName(r.verdict)) << ": " << r.summary << '\n';
    return status;
}

} // namespace hcn::ctl
