// The trace's result: names of protocols, outcomes and verdicts, the hop collector, and the JSON form
// hcnctl --json and the console read.

#include "analysis/trace_steps.h"
#include "common/text.h"

#include <algorithm>
#include <charconv>

namespace hcn {

std::string_view traceProtocolName(TraceProtocol protocol)
{
    switch (protocol) {
    case TraceProtocol::Tcp:
        return "tcp";
    case TraceProtocol::Udp:
        return "udp";
    case TraceProtocol::Icmp:
        return "icmp";
    }
    return "tcp";
}

std::optional<TraceProtocol> traceProtocolFromName(std::string_view name)
{
    if (equalsIgnoreCase(name, "tcp") || name == "6")
        return TraceProtocol::Tcp;
    if (equalsIgnoreCase(name, "udp") || name == "17")
        return TraceProtocol::Udp;
    if (equalsIgnoreCase(name, "icmp") || name == "1")
        return TraceProtocol::Icmp;
    return std::nullopt;
}

std::string_view hopOutcomeName(HopOutcome outcome)
{
    switch (outcome) {
    case HopOutcome::Pass:
        return "pass";
    case HopOutcome::Drop:
        return "drop";
    case HopOutcome::Deliver:
        return "deliver";
    case HopOutcome::Note:
        return "note";
    case HopOutcome::Undecided:
        return "undecided";
    }
    return "note";
}

std::string_view traceVerdictName(TraceVerdict verdict)
{
    switch (verdict) {
    case TraceVerdict::Delivered:
        return "delivered";
    case TraceVerdict::Dropped:
        return "dropped";
    case TraceVerdict::Translated:
        return "translated";
    case TraceVerdict::Undecided:
        return "undecided";
    }
    return "dropped";
}

TraceObject traceHostObject()
{
    return TraceObject{ResourceKind::Invalid, {}, std::string(kTraceHostSource), true};
}

void to_json(nlohmann::ordered_json& json, const TraceObject& object)
{
    json = {{"Kind", object.host ? std::string_view("Host") : resourceKindName(object.kind)},
            {"ID", object.id},
            {"Name", object.name}};
}

void to_json(nlohmann::ordered_json& json, const TraceResult& r)
{
    using Json = nlohmann::ordered_json;
    Json hops = Json::array();
    for (std::size_t i = 0; i < r.hops.size(); ++i) {
        const TraceHop& h = r.hops[i];
        hops.push_back({{"Index", i + 1},
                        {"Name", h.name},
                        {"Object", h.object},
                        {"Outcome", hopOutcomeName(h.outcome)},
                        {"Decision", h.decision},
                        {"Rule", h.rule},
                        {"Detail", h.detail}});
    }
    Json translations = Json::array();
    for (const TraceTranslation& t : r.translations)
        translations.push_back({{"What", t.what}, {"From", t.from}, {"To", t.to}, {"By", t.by}});
    json = Json::object();
    json["Source"] = r.source;
    json["SourceAddress"] = r.sourceAddress;
    json["Destination"] = r.destination;
    json["DestinationAddress"] = r.destinationAddress;
    if (r.destinationObject)
        json["DestinationObject"] = *r.destinationObject;
    json["Protocol"] = traceProtocolName(r.protocol);
    json["Port"] = r.port;
    json["PortDefaulted"] = r.portDefaulted;
    json["Hops"] = std::move(hops);
    json["Verdict"] = traceVerdictName(r.verdict);
    if (r.droppedAt >= 0)
        json["DroppedAt"] = r.droppedAt + 1;
    if (r.undecidedAt >= 0)
        json["UndecidedAt"] = r.undecidedAt + 1;
    json["Summary"] = r.summary;
    json["DeliveredTo"] = r.deliveredTo;
    if (!r.affinity.empty())
        json["Affinity"] = r.affinity;
    json["Translations"] = std::move(translations);
    json["Path"] = r.path;
}

namespace analysis {

int TraceWalk::hop(std::string name, TraceObject object, HopOutcome outcome, std::string decision,
                   std::string rule, std::string detail)
{
    if (!object.id.empty() && std::find(result.path.begin(), result.path.end(), object) == result.path.end())
        result.path.push_back(object);
    result.hops.push_back({std::move(name), std::move(object), outcome, std::move(decision), std::move(rule),
                           std::move(detail)});
    return int(result.hops.size()) - 1;
}

void TraceWalk::translation(std::string what, std::string from, std::string to, TraceObject by)
{
    result.translations.push_back({std::move(what), std::move(from), std::move(to), std::move(by)});
}

PathEnd TraceWalk::drop(std::string name, TraceObject object, std::string decision, std::string rule,
                        std::string detail)
{
    PathEnd end;
    end.kind = PathEnd::Kind::Dropped;
    end.hop = hop(std::move(name), std::move(object), HopOutcome::Drop, std::move(decision), std::move(rule),
                  std::move(detail));
    return end;
}

PathEnd noAddress(TraceWalk& walk, std::string name, const TraceObject& object, const EndpointFacts& e,
                  std::string decision, std::string detail)
{
    if (!e.addressesLost)
        return walk.drop(std::move(name), object, std::move(decision), "IpConfigurations", std::move(detail));
    return walk.undecided(std::move(name), object, "address not in the dump", "IpConfigurations",
                          "The dump does not show endpoint " + objectLabel(object) +
                              "'s IP address (redacted or unreadable; the import report says which, and "
                              "keeps the text under \"_v1\"): the trace cannot decide where the packet "
                              "goes from here. Trace from a dump that shows the address, or give it "
                              "as the destination.");
}

PathEnd TraceWalk::undecided(std::string name, TraceObject object, std::string decision, std::string rule,
                             std::string detail)
{
    PathEnd end;
    end.kind = PathEnd::Kind::Undecided;
    end.hop = hop(std::move(name), std::move(object), HopOutcome::Undecided, std::move(decision),
                  std::move(rule), std::move(detail));
    return end;
}

std::string endpointText(const IpAddress& address, std::uint16_t port)
{
    if (port == 0)
        return address.toString();
    return (address.isV4() ? address.toString() : "[" + address.toString() + "]") + ":" +
           std::to_string(port);
}

std::string protocolText(std::uint32_t protocol)
{
    switch (protocol) {
    case kProtocolTcp:
        return "tcp";
    case kProtocolUdp:
        return "udp";
    case 1:
    case 58:
        return "icmp";
    default:
        return std::to_string(protocol);
    }
}

std::optional<IpAddress> addressOfFamily(const EndpointFacts& e, bool v4)
{
    for (const IpAddress& a : e.addresses)
        if (a.isV4() == v4)
            return a;
    return std::nullopt;
}

} // namespace analysis

} // namespace hcn
