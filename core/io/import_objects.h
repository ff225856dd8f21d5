#pragma once
// The importer's inner steps (hcn/dump_import.h): a Sighting is one object as one place in the dump
// shows it; sightings are classified and mapped to v2 (import_mapping.cpp), then merged per object and
// linked to each other (import_linking.cpp).

#include "hcn/dump_import.h"
#include "hcn/hresult.h"
#include "io/object_ids.h"
#include "io/object_kinds.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace hcn::io::detail {

using json = nlohmann::json;

/// A request HNS failed, found in a dump: its document as logged, and where.
struct FailedRequest
{
    json document;
    int firstLine = 0;
};

/// A message of the report that names the error of a request HNS refused on its lines: an HNS answer
/// that says it failed, a request HNS failed logged with its error, or a log line stating a refusal
/// (reportLoggedRefusals, which leaves the lines of the others to them and counts on them the same
/// error logged again). Later passes learn from these which lines hold a refusal.
struct NamedRefusal
{
    std::string source;
    int firstLine = 0;
    int lastLine = 0;
    /// As describeLoggedError describes it; empty when an answer gives none. The same error logged again
    /// elsewhere adds to the count of the message naming it first.
    std::string error;
    /// Index into the report's messages, which keep the order they were made in until every pass ran.
    std::size_t message = 0;
    /// An HNS answer that says it failed: one that repeats an earlier answer's error is no message of its
    /// own, but counts on that one's.
    bool answer = false;
    /// Of a request HNS failed that the words before it call one: what it asks, as describeRequest says
    /// it ("create network WSL (ICS, ...)"); empty otherwise. HNS's answer printed right after it (on its
    /// last line or the next) is that request's answer: one warning names both.
    std::string request = {};
    /// PowerShell did not run the command whose error record this is (LoggedError::notRunBecause): the
    /// command asked HNS nothing.
    bool notRun = false;
    /// The code `error` names first (the logged code, else the one a cut message starts; unset when it
    /// names none): failures told elsewhere in the paste (an event's) are found by it.
    std::optional<HResult> code = {};
    /// Of an HNS answer: what `error` says failed (FailedAnswer::operation) and the error without it
    /// (FailedAnswer::errorWithoutOperation); empty otherwise.
    std::string operation = {};
    std::string errorWithoutOperation = {};
};

/// An object other than HNS's pasted beside the HNS objects that names the HNS network it is on: a
/// Hyper-V virtual switch (Get-VMSwitch) or a VM's network adapter (Get-VMNetworkAdapter) by the switch
/// it names, Docker's network (docker network inspect) by the HNS network's ID; and the message of the
/// report that names it.
struct PastedNonHnsObject
{
    std::string source;
    /// Index into the report's messages, which keep the order they were made in until every pass ran;
    /// a table's consecutive rows share one.
    std::size_t message = 0;
    bool isSwitch = false;
    std::string id;      ///< the switch's Id, or the adapter's SwitchId; empty when not shown
    std::string name;    ///< the switch's Name, or the adapter's SwitchName
    std::string adapter; ///< an adapter's VMName (else Name)
    std::string hnsNetworkId; ///< Docker's network: the HNS network's ID as its options give it
};

/// One object as one place of the dump shows it.
struct Sighting
{
    json document; ///< as found; the v2 document after mapToV2
    ResourceKind kind = ResourceKind::Invalid;
    bool wasV1 = false;
    std::string source;
    int firstLine = 0;
    int lastLine = 0;
    DumpFormat format = DumpFormat::Json;
    std::string originalText;
    std::vector<std::string> lost;
    /// The members `lost` is about, each by its path in the document (`Type`, `PortMappings[0].Protocol`,
    /// a v1 `Policies[1].Protocol`): the dump shows them without a value the import reads (a placeholder
    /// in its place, the paste's cut in it, its text damaged, a value of the wrong type, a table that
    /// does not show it). Such a value is unknown, which is no absent member (HNS reads that as its
    /// default). Read by mapToV2 from the losses, each of which names its member first (`Type: ...`),
    /// and from where the text of a value the paste cut off ends (cutMember).
    std::vector<std::string> lostMembers;
    /// `lostMembers` is read already (splitPolicyLists gives each part its own policies' paths).
    bool lostMembersRead = false;
    std::vector<std::string> notes;
    /// The packed HNS version (Major << 32 | Minor) the object carried, 0 when none.
    std::uint64_t hnsVersion = 0;
    /// A v1 endpoint's VirtualNetworkName, used when its network is known only by name.
    std::string networkName;
    std::size_t order = 0; ///< position in the dump, for "the later sighting" decisions
    /// The computer PowerShell remoting says the object came from (`PSComputerName`, as Invoke-Command
    /// adds it); empty when the dump does not say.
    std::string computer;
    /// Only `ID` and `IsDefault`: an endpoint's v1 `Namespace` member found on its own (a chat header or
    /// a cut split the endpoint around it), not a namespace object the dump shows.
    bool namespaceReference = false;
    /// Members the import itself wrote under "_v1" (a split policy list's `PolicyList`, the path of a
    /// value of the wrong type kept as given): named by the import, so never unknown fields.
    std::vector<std::string> ownV1Members;
    /// The dump does not show the ID the document carries: the import made it (stableGuid).
    bool idMadeUp = false;
    /// The dump ends inside the object's ID: what it shows of it (FoundValue::cutId).
    std::string cutId;
    /// It shows nothing but that (FoundValue::onlyCutId): its one loss is the warning naming it.
    bool onlyCutId = false;
    /// The paste began inside the object's text: only its members after the cut were read
    /// (FoundValue::startCut).
    bool startCut = false;
    /// Its text never closes: only its members before the cut were read (FoundValue::cutOff).
    bool cutOff = false;
    /// A record of kube-proxy's filled what the endpoint's dump does not show (fillFromKubeProxy): a later
    /// record of it fills nothing more.
    bool kubeProxyRecordRead = false;
    /// The rest of an object whose start another sighting shows (a long line pasted in parts): its
    /// members join that one's.
    bool continuation = false;
    /// Tells its source by the text it holds, never by its name (keyBySourceText): an ID made up for the
    /// object is made from it.
    std::string sourceKey;
};

/// Every object in a found value (arrays, envelopes, snapshot documents and {"Networks":[...]} style
/// containers are opened) as sightings in `out`; values that hold no HNS object become messages, and a
/// pasted Hyper-V switch, VM adapter or Docker network also an entry of `pasted`.
/// An HNS version object ({"Major":9,"Minor":2}) sets `hnsVersion`. A request HNS failed is no sighting;
/// its document goes into `failedRequests`, and its message into `namedRefusals` when it names the
/// error logged with it.
void collectSightings(FoundValue&& found, const std::string& source, std::vector<Sighting>& out,
                      std::vector<ImportMessage>& messages, std::uint64_t& hnsVersion,
                      std::vector<FailedRequest>& failedRequests, std::vector<NamedRefusal>& namedRefusals,
                      std::vector<PastedNonHnsObject>& pasted);

/// Sightings from `first` on that repeat the document of a request HNS failed (an event's description
/// and its XML data hold the same request) are no objects either: each leaves with an info message.
void dropRepeatedFailedRequests(std::vector<Sighting>& sightings, std::size_t first,
                                const std::vector<FailedRequest>& failedRequests,
                                std::vector<ImportMessage>& messages);

/// An info message per error of a request HNS refused that a log line of `source` states, where none of
/// `named` (a request logged with its error, an HNS answer that says it failed) already names it on its
/// lines: "HNS refused a request: hcnCreateEndpoint failed: HCN_E_PORT_ALREADY_EXISTS (0x803B0013), ...".
/// A line that only says an HCN function failed (`HcnCreateNetwork failed`) gives an info "the text says
/// HcnCreateNetwork failed (no error code shown)". The same error logged again (also an HNS answer's)
/// adds its lines to the first one's message, "(2 times, lines 4-5)", instead of a message of its own.
/// Each refusal read is added to `named`, pointing at the message that names it.
void reportLoggedRefusals(const std::vector<CleanedLine>& lines, const std::string& source,
                          std::vector<NamedRefusal>& named, std::vector<ImportMessage>& messages);

/// A v1 policy list holding ELB policies with different frontends (other VIPs, DSR or ILB set on one
/// only) is as many load balancers: one HostComputeLoadBalancer takes every VIP for every port, which
/// would claim VIP and port pairs the list does not have. Each such list is split into one sighting per
/// ELB policy before mapping: the first keeps the list's ID, the others get an ID made from it.
void splitPolicyLists(std::vector<Sighting>& sightings);

/// A GUID made from `seed`, the same for the same seed: for objects a dump shows without an ID of their
/// own.
std::string stableGuid(std::string_view seed);

/// Gives the sightings from `first` on the key of their source's text (`lines`, as cleaned): the same
/// text read under any file name, from a folder or an archive, gives the same key.
void keyBySourceText(std::vector<Sighting>& sightings, std::size_t first,
                     const std::vector<CleanedLine>& lines);

/// A network as Get-ContainerNetwork shows it (isContainerNetwork, object_kinds.h) with its members written
/// as a v1 network's: `Mode` as `Type`, the `{prefix, ...}` of `Subnets`
/// or `SubnetPrefix` as subnets, a lone gateway of `Gateways` with a lone subnet, `DNSServers` as
/// `DNSServerList`; `IsDeleted` and unpaired gateways kept under "_v1". A note says what was read so.
/// Anything else is left as it is; false when `sighting` is no such network.
bool containerNetworkAsV1(Sighting& sighting);

/// Rewrites a sighting's document into the v2 document of its kind: PowerShell's flattened values read
/// or dropped (with losses), ID spelled "ID", v1 mapped per hns-v1-schema.md. A document the mapping
/// cannot take whole loses the members it cannot read (each a loss) rather than the object.
void mapToV2(Sighting& sighting);

/// Keys an object's JSON text gives twice with different values (the JSON parser keeps the last), each
/// a loss naming its path and both values: `IPAddress: given twice in one object ("10.244.2.12", then
/// "10.244.2.77"); the last is read`. One pass over the text; comments are skipped.
std::vector<std::string> duplicateKeys(std::string_view jsonText);

/// Numbers and booleans written as text (`Import-Csv | ConvertTo-Json`, hand-edited JSON: `"State": "3"`,
/// `"IsRemoteEndpoint": "True"`) read as HNS writes them, in members HNS always writes as numbers or
/// booleans, at any depth. Returns the names of the members read so, each once, sorted.
std::vector<std::string> typeTextValues(json& document);

/// Whether HNS writes the member `key` as a number in every version (`State`, `PrefixLength`, ...).
bool holdsNumber(std::string_view key);

/// Values of the wrong type, at any depth, in members HNS writes as an IP address, a prefix, a MAC
/// address, a GUID or a plain number (v1 and v2 names): a redacted `10.244.x.x`, an OCR'd `1O.244.2.l2`,
/// text in `State`. Each is taken out of `document` (a list keeps its other elements) with a loss, and
/// returned as an object of "path": value as given. An address written with its prefix where HNS writes
/// it bare is made the address (the prefix into `PrefixLength` when that is absent), a MAC written
/// without separators is spelled as HNS spells it; each with a note. "_v1" is not looked into.
json takeMistypedValues(json& document, std::vector<std::string>& lost, std::vector<std::string>& notes);

/// Puts what takeMistypedValues took under the document's "_v1", each under its path, as given; the
/// paths are the import's own names (`ownV1Members`), never unknown fields.
void keepMistypedValues(json& document, json unread, std::vector<std::string>& ownV1Members);

/// Members of a v2 document the schema does not know (top level, and the v1 members kept under "_v1"),
/// leaving out `ownV1Members`, which the import wrote itself.
std::vector<std::string> unknownFields(ResourceKind kind, const json& document,
                                       const std::vector<std::string>& ownV1Members = {});

/// A table of one kind listed again later in the same file (its first row's ID shown again: `hnsdiag list
/// all` run twice) whose listings differ: a message saying what the later one adds and lacks, "the
/// endpoints are listed again (lines 12-15, then 27-31): the state changed in between; the later listing
/// adds 2 endpoints (C9B218FB-... (iis-site-8cd659), ...)"; a warning when objects are gone, as the
/// snapshot holds them still. Listings that agree merge without a word.
void reportRepeatedListings(const std::vector<Sighting>& sightings, std::vector<ImportMessage>& messages);

/// Merges sightings of the same object and resolves references between objects; the result is one
/// ImportedObject (report) and one document per object, in the order of first sighting.
struct LinkedObjects
{
    std::vector<ImportedObject> objects;
    std::vector<json> documents; ///< parallel to objects
};
LinkedObjects mergeAndLink(std::vector<Sighting>&& sightings, std::vector<ImportMessage>& messages);

/// Adds to the message of each pasted switch the HNS network it carries (a network whose SwitchGuid is
/// the switch's Id): "a Hyper-V virtual switch (Get-VMSwitch): 'nat' is the switch of network nat
/// (SwitchGuid ...)"; and to a VM adapter's the network whose switch it is connected to. A switch with
/// the name of a network whose SwitchGuid is another ID is said to be none of its, as a warning: the
/// network was made again on a new switch. A Docker network's message whose HNS network the snapshot
/// holds names it too, and is about it (selecting the message selects the network): "...; its HNS network
/// is 6E0B8F3C-..., network nat, which the snapshot holds". Other messages stay as they are.
void linkPastedNonHnsObjects(const std::vector<PastedNonHnsObject>& pasted, const LinkedObjects& linked,
                             std::vector<ImportMessage>& messages);

} // namespace hcn::io::detail
