#pragma once
// Requests other than deletions that log lines show sent to HNS (hcsshim's `[POST]=>[/namespaces/]`,
// `[POST]=>[/namespaces/<id>/addresource] Request : {...}`, its v2 `AddNamespaceEndpoint id=<endpoint>` and
// `ModifyNamespaceSettings id=<namespace>`, HNS's own RPC request events: "RPC request received. Type:
// 'Query', Entity: 'Namespace', Id: '{...}'"), with HNS's answers, and what they change of a snapshot.

#include "hcn/dump_import.h"
#include "hcn/dump_text.h"
#include "hcn/resource_kind.h"
#include "io/import_objects.h"

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace hcn::io {

/// A request a log shows sent to HNS (other than a deletion), with HNS's answer when the log shows it.
struct LoggedRequest
{
    enum class Answer
    {
        None, ///< the log shows no answer
        Done,
        Refused,
        NotRun, ///< PowerShell did not run the command: HNS was asked nothing
    };
    /// Who the log shows asking.
    enum class Asker
    {
        Program,   ///< a program's call to HNS (hcsshim's `[POST]=>[...]`), or HNS's own record of one
        Command,   ///< a PowerShell command that calls HNS (`New-HnsNetwork`, `... | Remove-HnsNetwork`)
        CniPlugin, ///< a CNI command given a plugin that asks HNS for a pod's endpoint (azure-vnet's ADD)
    };
    std::string what; ///< "create namespace", "add endpoint <id> to namespace <id>", "query namespace <id>"
    Asker asker = Asker::Program;
    std::string by; ///< the command (`New-HnsNetwork`) or the CNI plugin (`azure-vnet`), when known
    ResourceKind kind = ResourceKind::Invalid;       ///< the object it is about
    std::string id;                                  ///< that object's ID as logged; empty for a create
    ResourceKind memberKind = ResourceKind::Invalid; ///< what an addresource or removeresource names
    std::string memberId;
    bool adds = false;  ///< an addresource (else a removeresource, when memberKind is set)
    std::string event;  ///< as LoggedObject::event
    bool data = false;  ///< an event whose Data carries a document
    int line = 0;       ///< 1-based source line
    int fromLine = 0;   ///< the line before `line` that starts logging it, when another does
    bool shown = false; ///< a value read from its line states it (an object, a request reported)
    Answer answer = Answer::None;
    int answerLine = 0;
    /// The lines of the same answer when the request is asked again and answered so again
    /// (joinRepeatedAsks), ascending.
    std::vector<int> answeredAgainAt{};
    /// The lines of each time it is logged, when it is more than once (joinRepeatedRequests).
    std::vector<std::pair<int, int>> loggedAt{};
};

/// What `text` answers a request with: Refused for HNS's `"Success":false` (quotes escaped or not), Done
/// for its `"Success":true`, hcsshim's `Network Response : {...}` (hcsshim logs a response only for a
/// request HNS did) or azure-vnet's `HNSEndpointRequest POST response:&{Id:...}` (the object the request
/// made, a pointer as Go's `%+v` prints it); None when it says neither.
LoggedRequest::Answer answerIn(std::string_view text);

/// The request line `at` of `lines` logs, other than a GET (a lookup) or a deletion: "create namespace",
/// "add endpoint <id> to namespace <id>" (also the v2 HcnModifyNamespace that adds or removes an endpoint:
/// hcsshim's `ModifyNamespaceSettings id=<namespace>` after its `AddNamespaceEndpoint id=<endpoint>`, which
/// is `fromLine`, or a line holding the request's document), "query namespace <id>" (with the event an
/// event list shows it in); nullopt when it logs none or names no HNS collection.
std::optional<LoggedRequest> loggedRequestAt(const std::vector<CleanedLine>& lines, std::size_t at);

/// Whether `refusal` names a command other than `by` (the request's): a cmdlet's error record
/// ("New-ContainerNetwork (create network net2) failed: ...") or docker's ("docker network create ...
/// failed: ..."). `$n = New-HnsNetwork ...; New-HnsEndpoint -NetworkId $n.ID` refused with
/// `New-HnsEndpoint : Element not found.` answers the endpoint's request, not the network's.
bool namesAnotherCommand(const detail::NamedRefusal& refusal, const std::string& by);

/// Gives each of `requests` (logged at `requestAt`, indexes into `lines`) HNS's answer: on the lines
/// after it up to the next of `requestLines` (source lines, ascending), the first of `refusals` (of
/// `source`) or a line that says it was done (`"Success":true`, hcsshim's `added network endpoint <id> to
/// namespace <id>`) or failed. A refusal that names another command than the request's `by` (a cmdlet's
/// error record, docker's error) is that command's answer. Returns the indexes into `lines` of the answers
/// read from lines.
std::set<std::size_t> answerLoggedRequests(std::vector<LoggedRequest>& requests,
                                           const std::vector<std::size_t>& requestAt,
                                           const std::vector<CleanedLine>& lines, const std::string& source,
                                           const std::vector<detail::NamedRefusal>& refusals,
                                           const std::vector<int>& requestLines);

/// Joins each of `requests` (answered, in the order of the log) that a program logged (Asker::Program;
/// commands and CNI requests are joinRepeatedAsks'), that no value reports and that repeats the one
/// before it into that one: the same request (`what`, `event`) logged again at most
/// kMaxLinesBetweenRepeatedRequests lines after it, which got no answer before the repeat. The joined
/// request keeps the first line, takes the repeat's answer and lists both in `loggedAt`.
void joinRepeatedRequests(std::vector<LoggedRequest>& requests);

/// Joins each of `requests` (answered) that a command or a CNI plugin asks (LoggedRequest::Asker) and that
/// asks what one before it asks into that one, wherever it stands, when at most one of them has an answer
/// or both have the same: a script shown twice, a pod's ADD retried, a command shown under "Expected" and
/// again under "Actual" with its error, an issue's command and its steps to reproduce, each refused. The
/// joined request keeps the first line, takes the answer either has (the second's line of the same answer
/// in `answeredAgainAt`) and lists each line in `loggedAt`.
void joinRepeatedAsks(std::vector<LoggedRequest>& requests);

/// Names the network of each endpoint request of `source` a message says by its ID alone ("a request sent
/// to HNS: create endpoint cbr0 (100.96.10.0) on network 0756A83C-...", describeRequest) where `names`
/// (upper-case ID -> name: the snapshot's networks, and those the source's log names by ID and name)
/// knows it, as an object is named: "on network cbr0 (0756A83C-...)".
void nameRequestedNetworks(const std::string& source, const std::map<std::string, std::string>& names,
                           std::vector<ImportMessage>& messages);

/// What a request whose command or document is a template says after its words: "(a template: {{ name }}
/// is a placeholder, not a value)", "(a template: 4 placeholders, not values)"; empty for one without
/// placeholders. Its words show them.
std::string templateSaid(const std::vector<std::string>& placeholders);

/// Ties each request of `source` in `refused`, which a value's message states ("a request sent to HNS:
/// create network nat (NAT); not an object it holds, not imported"), to HNS's refusal of it on lines after
/// it (the message index beside it), as a deletion is tied: the refusal's message ends " (HNS's answer to
/// the request to create network nat (NAT) at lines 1-2)". A refusal said once for its repeats ("(3
/// times, ...)") answered several requests and names none.
void tieRefusedRequests(const std::string& source,
                        const std::vector<std::pair<LoggedRequest, std::size_t>>& refused,
                        std::vector<ImportMessage>& messages);

/// Names in each refusal of `refused` (a typed command HNS refused, the index of the refusal's message)
/// the command it answers, when the refusal names no command of its own (no `(the command at line ...)`
/// and not the command's words, as when prose or a fence stands between the command and its error): the
/// message ends " (the command at line 15: docker network create, to create network l2bridge (...))", the
/// line of the command's last showing before the refusal. A refusal said once for its repeats names none.
void tieRefusedCommands(const std::vector<std::pair<LoggedRequest, std::size_t>>& refused,
                        std::vector<ImportMessage>& messages);

/// The info for request `r` of `source` when no value reports it, and what it changes of the snapshot
/// (`objects`, `documents` parallel to them, `objectById`: upper-case ID -> index): an endpoint HNS added
/// to a namespace after the dump of it is listed in its Resources, one it removed is taken out. An object
/// read from an RPC request event's Data gets a note naming the event.
void reportLoggedRequest(const std::string& source, const LoggedRequest& r,
                         std::vector<ImportedObject>& objects, std::vector<nlohmann::json>& documents,
                         const std::map<std::string, std::size_t>& objectById,
                         std::vector<ImportMessage>& messages);

} // namespace hcn::io
