#pragma once
// What log lines say about HNS objects without dumping them: deletions asked of HNS (hcsshim's
// `hcsshim::HNSNetwork::Delete id=...`, `[DELETE]=>[/networks/<id>]`, azure-vnet's `HNSNetworkRequest
// DELETE id:...`, `hcnDeleteEndpoint`, HNS's RPC request events), objects a log names by ID or name only
// (calico felix's `Found new HNS endpoint EndpointId="..."`, flannel's `Found existing HNSNetwork cbr0` and
// `Created HNSNetwork cbr0`, kube-proxy's `"Hns Endpoint resource" endpointInfo=&{... hnsID:...}`,
// `Attaching endpoint <guid> to ...`), and the other requests a log shows sent to HNS (logged_requests.h).

#include "hcn/dump_import.h"
#include "hcn/dump_text.h"
#include "hcn/resource_kind.h"
#include "io/import_objects.h"
#include "io/logged_requests.h"

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hcn::io {

/// One HNS object a source's log lines name, with the lines that name it.
struct LoggedObject
{
    ResourceKind kind = ResourceKind::Invalid;
    std::string id;         ///< upper case; empty when the log gives only a name
    std::string name;       ///< as the log names it; empty when it does not
    int nameLine = 0;       ///< the line that gives the name
    std::string address;    ///< the address the log gives with it (`IPAddress="100.97.47.77/32"`)
    std::vector<int> lines; ///< 1-based source lines, ascending
    std::string event;      ///< "event 1055 of 4/17/2024 9:10:52 PM" when an event list logged it
    /// Of a deletion a typed command asks (`Remove-ContainerNetwork -Name net1`, hns_commands.h): its
    /// cmdlet, `lines` the command's; empty for a deletion a log shows asked of HNS.
    std::string command = {};
    bool every =
        false; ///< such a deletion of every object of its kind (`Get-HnsNetwork | Remove-HnsNetwork`)
    /// What the log says a mentioned object is for ("the network kube-proxy is told to use"); empty when
    /// it says nothing of it.
    std::string role = {};
};

/// What one source's log lines say about HNS objects.
struct LoggedOperations
{
    std::string source;
    /// Objects HNS was asked to delete, in the order of the log, then the deletions typed commands ask
    /// that no refusal after them answers.
    std::vector<LoggedObject> deletions;
    /// When a command asks a deletion: the last line of the values read from the source (the objects and
    /// the messages) that names each ID (upper case) after the first such command.
    std::map<std::string, int> lastShownAt;
    std::vector<LoggedObject> mentions;  ///< objects a log line names without dumping them
    /// Deletions HNS refused in an answer on other lines, with the index of the message that names the
    /// refusal (detail::NamedRefusal::message): that message names the deletion.
    std::vector<std::pair<LoggedObject, std::size_t>> refused;
    std::vector<LoggedRequest> requests; ///< other requests, in the order of the log
    /// Create requests a value's message states (LoggedRequest::shown) that HNS refused in an answer on
    /// lines after them, within the lines and with no other request between as for a deletion, and naming
    /// no other operation or kind, with the index of the message that names the refusal: that message
    /// names the request (tieRefusedRequest).
    std::vector<std::pair<LoggedRequest, std::size_t>> refusedRequests;
    /// Typed commands HNS refused (LoggedRequest::Asker::Command, answered Refused), with the index of the
    /// message that names the refusal: a refusal that names no command then names it (tieRefusedCommands).
    std::vector<std::pair<LoggedRequest, std::size_t>> refusedCommands;
    /// HNS policies printed as Go bytes that no object read owns (go_byte_policies.h): an info, and a
    /// warning for those cut inside their bytes.
    std::optional<ImportWarning> unownedPolicies;
    std::optional<ImportWarning> cutUnownedPolicies;
};

/// The deletions and mentions in `lines`. A deletion one of `refusals` (of `source`) answers is left
/// out: the refusal says it (in `refused` when the refusal is on other lines). So is a deletion a typed
/// command asks that a refusal on the lines after it (before another request) answers: one that names its
/// cmdlet (the cmdlet's error record) or no operation. HNS's answer answers the
/// deletion before it when no other request is logged between them and it names no other operation. Mentions
/// on lines in `shown` (an object's or a message's lines: the dump or a request states them) are left out.
/// A request's answer is the line after it (before another request) that says it was done (hcsshim's
/// `added network endpoint <id> to namespace <id>`, `"Success":true`) or one of `refusals`. The
/// effects of failed lookups are read here too (their lines name no object), and HNS policies printed as
/// Go bytes outside `shown`.
LoggedOperations operationsLoggedIn(const std::vector<CleanedLine>& lines, const std::string& source,
                                    const std::vector<detail::NamedRefusal>& refusals,
                                    const std::vector<std::pair<int, int>>& shown);

/// One info per source naming what HNS was asked to delete, and one naming the objects its log names
/// that the snapshot does not hold; each object of the snapshot HNS was asked to delete gets a note and an
/// info of its own. So does each object of a source that a typed command of that source deletes after
/// the object was printed, when no value of the source names it after the command (the later state). The
/// message naming a refusal of a deletion on other lines names the deletion. Each other request no value
/// reports gets an info at its line, with its answer; an endpoint HNS added to a namespace of the snapshot
/// after the dump of it (the same source, later lines) is listed in its `Resources` (`documents`, parallel to
/// `objects`) with a note saying so, and one it removed after it is taken out; one requested without an
/// answer, or refused, is only said. An object read from an RPC request event's Data gets a note naming the
/// event. Each effect of a failed lookup is a warning; HNS policies printed as Go bytes that no object owns
/// are an info.
void reportLoggedOperations(const std::vector<LoggedOperations>& operations,
                            std::vector<ImportedObject>& objects, std::vector<nlohmann::json>& documents,
                            std::vector<ImportMessage>& messages);

} // namespace hcn::io
