#pragma once
// Reachability trace: why can (or can't) an endpoint, or the host itself, reach an endpoint, an IP or a
// load balancer VIP.
// The trace follows one packet hop by hop as HNS/VFP would handle it (the source's attachment, egress
// ACLs, load balancing, route choice, OutBoundNAT, encapsulation, port mappings, ingress ACLs) over a
// copy of a host (HostState: live or an imported snapshot) and says which hop and which rule decided.
// The modelling choices are in docs/trace.md.

#include "hcn/host_state.h"
#include "hcn/resource_kind.h"
#include "hcn/status.h"

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hcn {

/// IP protocol numbers a trace can follow.
enum class TraceProtocol : std::uint8_t
{
    Tcp = 6,
    Udp = 17,
    Icmp = 1,
};

/// "tcp", "udp", "icmp".
std::string_view traceProtocolName(TraceProtocol protocol);
/// tcp / udp / icmp (any case) or their numbers 6 / 17 / 1; nullopt otherwise.
std::optional<TraceProtocol> traceProtocolFromName(std::string_view name);

/// The source that names the host itself (any case): a process on the node, not an endpoint.
inline constexpr std::string_view kTraceHostSource = "host";

/// What to trace. The defaults are documented in docs/trace.md.
struct TraceRequest
{
    /// An endpoint: its ID (any case, braces allowed) or its Name; or `host` (kTraceHostSource) for the
    /// host's own network stack (an endpoint named "host" is then named by its ID).
    std::string source;
    /// An endpoint (ID or Name), or an IP address (an endpoint's, a load balancer VIP, a host address).
    std::string destination;
    TraceProtocol protocol = TraceProtocol::Tcp;
    /// The destination port; unset: the frontend port of the VIP or port mapping when the destination
    /// has exactly one for the protocol, else 80. Ignored for ICMP.
    std::optional<std::uint16_t> port;
    /// Addresses of this host that its documents do not carry (an L2Bridge or transparent node's own IP):
    /// traced as the host's, so node ports and published ports answer on them.
    std::vector<std::string> hostAddresses;
};

/// An object a trace passes, or the host itself (a trace from the host: `host` set, no kind, no ID).
struct TraceObject
{
    ResourceKind kind = ResourceKind::Invalid;
    std::string id;   ///< canonical (upper-case) ID
    std::string name; ///< the document's Name; may be empty
    bool host = false;

    friend bool operator==(const TraceObject&, const TraceObject&) = default;
};

/// The host as a trace's source.
TraceObject traceHostObject();

/// What a hop did to the packet.
enum class HopOutcome
{
    Pass,    ///< the packet goes on (allowed, routed, translated, encapsulated ...)
    Drop,    ///< the packet ends here
    Deliver, ///< the packet reached its target (an endpoint, or the wire out of this host)
    Note,    ///< information that changes nothing (a flag, an unknown)
    /// The data does not show what decides here (an address or an ACL field redacted in a dump): the
    /// path ends, neither dropped nor delivered.
    Undecided,
};

/// "pass", "drop", "deliver", "note", "undecided".
std::string_view hopOutcomeName(HopOutcome outcome);

/// One step of the path.
struct TraceHop
{
    std::string name;   ///< what was evaluated: "source", "egress ACL (Switch)", "route" ...
    TraceObject object; ///< the object it concerns
    HopOutcome outcome = HopOutcome::Pass;
    std::string decision; ///< what happened, one short phrase: "blocked", "on-link", "translated to 10.0.0.4"
    std::string rule;   ///< the rule or field that decided: "Policies[2] ACL Id=deny-all (Priority 1000 ...)"
    std::string detail; ///< one sentence for people
};

enum class TraceVerdict
{
    Delivered,  ///< reached the destination endpoint(s) or left this host untranslated
    Dropped,    ///< ended at a hop (droppedAt)
    Translated, ///< left this host with its source address translated (OutBoundNAT, WinNAT)
    Undecided,  ///< reached a hop the data cannot decide (undecidedAt); reached no target
};

/// "delivered", "dropped", "translated", "undecided".
std::string_view traceVerdictName(TraceVerdict verdict);

/// An address change on the way.
struct TraceTranslation
{
    std::string what; ///< "source" (SNAT) or "destination" (DNAT: VIP or port mapping -> endpoint)
    std::string from; ///< "10.0.0.5" or "10.96.0.10:80"
    std::string to;   ///< "192.168.1.4" or "10.244.1.7:8080"; "the host's address" when unknown
    TraceObject by;   ///< the object whose policy did it
};

struct TraceResult
{
    // The request as resolved.
    TraceObject source;
    std::string sourceAddress;
    std::string destination;                      ///< as given
    std::string destinationAddress;               ///< the address traced to
    std::optional<TraceObject> destinationObject; ///< the endpoint, when the destination is one
    TraceProtocol protocol = TraceProtocol::Tcp;
    std::uint16_t port = 0;     ///< 0 for ICMP
    bool portDefaulted = false; ///< the port was not given

    std::vector<TraceHop> hops;
    TraceVerdict verdict = TraceVerdict::Dropped;
    /// Dropped: the index of the hop that dropped; -1 otherwise.
    int droppedAt = -1;
    /// Undecided: the index of the hop the data could not decide; -1 otherwise.
    int undecidedAt = -1;
    /// One line: "delivered to endpoint web (10.0.0.7:80)", "dropped at hop 3 (egress ACL ...): ...".
    std::string summary;
    /// Delivered: the endpoints that received the packet (several behind a load balancer).
    std::vector<TraceObject> deliveredTo;
    /// Session affinity of the load balancer passed ("SourceIP", "SourceIPProtocol"; empty: none, or a
    /// single backend): the client reaches one of `deliveredTo`, the same for all its connections.
    std::string affinity;
    /// Backends of the load balancer passed (0: none passed). The trace follows the first 32; past that
    /// this is more than the ends it reports.
    std::size_t backendCount = 0;
    /// Translations on the way, in order.
    std::vector<TraceTranslation> translations;
    /// Every object on the path, in the order first met (for highlighting).
    std::vector<TraceObject> path;
};

/// Traces over one host copy. Building it reads every object's facts and indexes them once (about
/// the cost of a full health check); each trace then costs only the objects on its path. The host
/// copy must outlive the tracer and not change while it is used (build a new tracer after changes).
class ReachabilityTracer
{
public:
    explicit ReachabilityTracer(const HostState& state);
    ~ReachabilityTracer();
    ReachabilityTracer(const ReachabilityTracer&) = delete;
    ReachabilityTracer& operator=(const ReachabilityTracer&) = delete;

    /// Const: several threads may trace over one tracer at once.
    /// Fails with HCN_E_ENDPOINT_NOT_FOUND when the source (or a destination that is no IP address)
    /// names no endpoint, E_INVALIDARG when a name is ambiguous or the request is malformed. Every
    /// other outcome, drops included, is a result.
    Result<TraceResult> trace(const TraceRequest& request) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// A trace over an Api::snapshot() document.
Result<TraceResult> traceSnapshot(std::string_view snapshotText, const TraceRequest& request);

/// {"Source":{...},"SourceAddress","Destination","DestinationAddress","DestinationObject"?,"Protocol",
///  "Port","Hops":[{"Index","Name","Object":{"Kind","ID","Name"},"Outcome","Decision","Rule","Detail"}],
///  "Verdict","DroppedAt"?,"UndecidedAt"?,"Summary","DeliveredTo":[...],"Affinity"?,"Translations":[...],"Path":[...]}
void to_json(nlohmann::ordered_json& json, const TraceResult& result);
/// {"Kind","ID","Name"}; the host: {"Kind":"Host","ID":"","Name":"host"}.
void to_json(nlohmann::ordered_json& json, const TraceObject& object);

} // namespace hcn
