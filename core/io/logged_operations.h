#pragma once
// What log lines say about HNS objects without dumping them: deletions asked of HNS (hcsshim's
// `hcsshim::HNSNetwork::Delete id=...`, `[DELETE]=>[/networks/<id>]`, azure-vnet's `HNSNetworkRequest
// DELETE id:...`, `hcnDeleteEndpoint`), and objects a log names by ID or name only (calico felix's
// `Found new HNS endpoint EndpointId="..."`, flannel's `Found existing HNSNetwork cbr0` and `Created
// HNSNetwork cbr0`, kube-proxy's `"Hns Endpoint resource" endpointInfo=&{... hnsID:...}`, `Attaching
// endpoint <guid> to ...`).

#include "hcn/dump_import.h"
#include "hcn/dump_text.h"
#include "hcn/resource_kind.h"
#include "io/import_objects.h"

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
};

/// What one source's log lines say about HNS objects.
struct LoggedOperations
{
    std::string source;
    std::vector<LoggedObject> deletions; ///< objects HNS was asked to delete, in the order of the log
    std::vector<LoggedObject> mentions;  ///< objects a log line names without dumping them
    /// Deletions HNS refused in an answer on other lines, with the index of the message that names the
    /// refusal (detail::NamedRefusal::message): that message names the deletion.
    std::vector<std::pair<LoggedObject, std::size_t>> refused;
};

/// The deletions and mentions in `lines`. A deletion one of `refusals` (of `source`) answers is left
/// out: the refusal says it (in `refused` when the refusal is on other lines). HNS's answer answers the
/// deletion before it when no other request is logged between them and it names no other operation. Mentions
/// on lines in `shown` (an object's or a message's lines: the dump or a request states them) are left out.
LoggedOperations operationsLoggedIn(const std::vector<CleanedLine>& lines, const std::string& source,
                                    const std::vector<detail::NamedRefusal>& refusals,
                                    const std::vector<std::pair<int, int>>& shown);

/// One info per source naming what HNS was asked to delete, and one naming the objects its log names
/// that the snapshot does not hold; each object of the snapshot HNS was asked to delete gets a note and an
/// info of its own. The message naming a refusal of a deletion on other lines names the deletion.
void reportLoggedOperations(const std::vector<LoggedOperations>& operations,
                            std::vector<ImportedObject>& objects, std::vector<ImportMessage>& messages);

} // namespace hcn::io
