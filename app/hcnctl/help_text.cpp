#include "help_text.h"

#include "bundle_command.h"
#include "diff_command.h"
#include "kind_names.h"
#include "record_command.h"

namespace hcn::ctl {

namespace {

constexpr std::string_view kGlobalOptions = R"(Global options:
  --socket PATH   the hcnd socket (default: $HCN_SERVICE_SOCKET, else /run/hcn/hcnd.sock for root,
                  $XDG_RUNTIME_DIR/hcnd.sock otherwise), or tls://HOST:PORT for hcnd's TLS listener
  --token-file F  file holding the TLS listener's token
  --ca-file F     PEM file of the CA that signed hcnd's certificate (default: the system store)
  --embedded      run an HCN engine inside hcnctl instead of talking to hcnd (configured by
                  HCN_SIM_ENVIRONMENT, HCN_HNS_VERSION, HCN_SCHEMA_VERSION). Its state lives only as long
                  as this one command: use `batch` to run several calls on one engine.
  --snapshot FILE serve the calls from a snapshot document (hcnd.snapshot, the console's Export all, a
                  customer's dump, a bug-report bundle; "-" reads standard input) offline: every read
                  works, every change fails with E_ACCESSDENIED (0x80070005): "This is an offline
                  snapshot, read-only". A recording (`hcnctl record`) is read as the host at its
                  end, or at a moment: REC@TIME (ISO 8601 UTC, or +SECONDS from the start), REC#N
                  (after change N).
  --library [PATH]
                  talk to the OS's HCN service through a computenetwork library loaded at run time
                  (default: computenetwork.dll on Windows, where this is the default backend;
                  libcomputenetwork.so elsewhere). Changes HCN does not report (endpoints, load
                  balancers, modifications) reach `events` by polling every 2 seconds.
  --json          machine-readable output (JSON) for every command
  -h, --help      help for hcnctl or for one command

Exit status: 0 success; 1 a call failed (stderr names the HRESULT, e.g.
"hcnctl: HCN_E_NETWORK_NOT_FOUND (0x803B0001): The network was not found.", then a line with
what it means and the `hcnctl explain` command for its causes); 2 usage error; 3 the service cannot
be reached; 4 the output could not be written (a full disk, a closed stream).
)";

} // namespace

std::string overviewHelp()
{
    return std::string(R"(hcnctl: command-line client of the HCN service (hcnd)

Usage: hcnctl [global options] COMMAND [arguments]

Commands:
  list KIND|all [-d]           tables of networks, endpoints, namespaces, load balancers ...
  show KIND ID|NAME            one object's document
  create KIND -f FILE          create an object from a JSON document
  modify KIND ID|NAME -f FILE  apply a modify request
  delete KIND ID|NAME          delete an object
  events [--follow]            print service notifications as they happen
  call METHOD [PARAMS | -f F]  one raw JSON-RPC call (HcnCreateNetwork, hcnd.info ...)
  batch [-f FILE]              JSON-RPC calls as JSON lines, one result line each
  version                      versions of hcnctl and of the service
  import [--json] PATH...      read a customer's dump (files, folders, archives) into a snapshot
  explain CODE... | all        what an HRESULT means, its common causes and what to check
  check [--severity S]         health checks: what is wrong, the likely cause and the fix
  diff [--json] A B            what differs between two hosts (snapshots, dumps or live)
  trace SRC DST [--port P]     can endpoint (or host) SRC reach DST? hop by hop, with the rule that decided
  bundle [--redact] OUT        a bug-report bundle (.zip/.tar.gz) of the host, optionally redacted
  record OUT [--duration D]    record the host's changes with their times; record --list REC lists them

KIND: )") + std::string(kindWordsHelp()) +
           ".\nWhere a command takes an object ID it also takes the object's Name (see `hcnctl show "
           "--help`).\n"
           "Run `hcnctl COMMAND --help` for a command's options.\n\n" +
           std::string(kGlobalOptions);
}

std::string verbHelp(std::string_view verb)
{
    std::string page;
    if (verb == "list") {
        page =
            R"(Usage: hcnctl list networks|endpoints|namespaces|loadbalancers|sdnroutes|gns|all [-d] [--filter JSON]

Prints one table per kind: networks (ID, name, type, subnets, endpoint count), endpoints (ID, name,
network, IP addresses, MAC, namespace, state), namespaces, load balancers (frontend VIPs, ports,
backends), SDN routes and guest network services. `all` prints every kind.

  -d, --detailed   print the full documents instead (with the service's Resources block)
  --filter JSON    only objects matching a HostComputeQuery filter, e.g. '{"Name":"nat"}'
  --json           {"Networks":[documents...], ...} for the kinds asked for
)";
    } else if (verb == "show") {
        page = R"(Usage: hcnctl show KIND ID|NAME

Prints the object's document (as HcnQuery*Properties returns it, with the Detailed flag), indented;
with --json on one line.
ID is the object's ID (any case, with or without braces) or its Name, looked up on the host the command
talks to: an exact match first, then one that ignores case. A name two objects of the kind share is an
error listing their IDs (give the ID); a name no object has says "no network named X".
)";
    } else if (verb == "create") {
        page = R"(Usage: hcnctl create KIND -f FILE [--id GUID] [--network ID|NAME]

Creates an object from the JSON document in FILE ("-" reads standard input) and prints its ID
(with --json: its document). An endpoint's network comes from --network, else from the document's
HostComputeNetwork (v2) or VirtualNetwork (v1) field.

  -f, --file FILE   the document (required)
  --id GUID         the new object's ID (default: the document's ID, else a new one)
  --network ID      the network an endpoint joins: its ID or its Name (exact, then ignoring case)
)";
    } else if (verb == "modify") {
        page = R"(Usage: hcnctl modify KIND ID|NAME -f FILE

Sends the modify request in FILE ("-": standard input), e.g.
{"ResourceType":"Policy","RequestType":"Add","Settings":{"Policies":[...]}}; a load balancer takes a
whole replacement document. Prints nothing but a confirmation (with --json: the document after it).
ID: the object's ID or Name, as for `hcnctl show`.
)";
    } else if (verb == "delete") {
        page = R"(Usage: hcnctl delete KIND ID|NAME

Deletes the object (HcnDelete*). ID: the object's ID or Name, as for `hcnctl show`.
)";
    } else if (verb == "events") {
        page = R"(Usage: hcnctl events [--follow] [--duration SECONDS] [--count N] [--json]

Subscribes to the service's notifications and prints one line per event: time (UTC), sequence number,
type name, object ID and a summary of the payload. With --json each event is one JSON line
{"Time","Sequence","Type","TypeName","Status","Id","Data"}.

Without --follow it prints what happens during --duration seconds (default 10) and exits 0.
With --follow it runs until interrupted (Ctrl-C, SIGTERM; exit 0) or until the service disconnects
(exit 1). --count N exits 0 after N events in either mode. A gap in the sequence (events the service
dropped because this reader was too slow) is reported as a line of its own.
Needs a running hcnd, or --library for the OS's HCN (an embedded engine has nobody else making
changes).
)";
    } else if (verb == "call") {
        page = R"(Usage: hcnctl call METHOD [PARAMS_JSON | -f FILE]

One JSON-RPC call, as in docs/rpc.md, e.g.
  hcnctl call HcnEnumerateNetworks '{"Query":{"Filter":"{\"Name\":\"nat\"}"}}'
  hcnctl call hcnd.info
Prints the result as JSON. With --embedded hcnd's own request handler answers every method from an
engine inside hcnctl, exactly as hcnd would; handles then last only for this command.
)";
    } else if (verb == "batch") {
        page = R"(Usage: hcnctl batch [-f FILE]

Reads JSON lines from standard input (or FILE), each {"method":"...","params":{...}} with an optional
"id", and runs them in order on one connection (or one embedded engine), so handles returned by one
line can be used by later ones. Writes one JSON line per call, in order:
  {"id":...,"result":...}   or   {"id":...,"error":{"code":...,"message":"...","data":{...}}}
("id" only when the request had one). A failing line does not stop the batch. Blank lines and lines
starting with # are skipped. Exit status 1 when any call failed.

A line can name its result with "As":"NAME" (a letter or _, then letters, digits, _ and -); a later
line's parameter string "$NAME" stands for that result's Handle (the whole result when it has none),
"$NAME.Member" for one member of it, and "$$..." for a literal string starting with $:
  {"method":"HcnCreateNetwork","params":{"Settings":{...}},"As":"net1"}
  {"method":"HcnCreateEndpoint","params":{"Network":"$net1","Settings":{...}}}
A reference to no earlier "As", or to a line that failed, fails its own line (-32602, naming both).
)";
    } else if (verb == "version") {
        page = R"(Usage: hcnctl version

Prints hcnctl's version and the service's: HNS and schema versions, where the calls go and the
datapath it programs.
)";
    } else if (verb == "check") {
        page = R"(Usage: hcnctl check [--json] [--severity error|warning|info]

Runs the health checks (docs/checks.md) over the host: hcnd, --embedded, or a customer's snapshot with
--snapshot FILE. Findings are grouped by severity; each names its rule ID, title, the objects involved
(kind and ID), the likely cause and the fix (an hcnctl, hnsdiag or PowerShell command). A summary line
counts them.

  --severity S  show findings of severity S and worse (default: info, i.e. everything)
  --json        {"Findings":[{"RuleId","Severity","Title","Message","Objects":[{"Kind","ID"}],
                "Evidence":[{"Field","Value"}],"Cause","Fix"}],"Counts":{"Error","Warning","Info"}}

Exit status: 1 when there is an error-severity finding (or the host cannot be read), 0 otherwise.
)";
    } else if (verb == "trace") {
        page =
            R"(Usage: hcnctl trace SRC DST [--port P] [--proto tcp|udp|icmp] [--host-address IP]... [--json]

Follows one packet from endpoint SRC (an ID or a Name; `host` for a process on the host itself) to DST
(an endpoint ID or Name, an IP address, a load balancer VIP or a host address with port mappings) hop
by hop, as HNS/VFP would handle it
(docs/trace.md): the source's attachment, egress ACLs (Host and Switch rules, lowest Priority first;
TierAcl tiers, lowest Order first, Pass handing on to the next tier),
load balancing to backends (DSR or the SourceVIP as the source they see, PreserveDIP, session affinity:
one backend per client), route choice (subnets, Routes, SDN routes, RemoteSubnetRoute, HostRoute),
OutBoundNAT and its exceptions, encapsulation to a remote endpoint's provider address, port mappings,
and the ingress ACLs of the receiving endpoint. Prints the numbered hops (the object each concerns,
the decision and the rule or field that decided) and the verdict: delivered (to which endpoints),
dropped (at which hop, by what), translated (left the host with its source translated, to what), or
undecided (at which hop the data, such as a dump with a redacted address or ACL list, does not show
what decides).
Works on hcnd, --embedded, and a customer's snapshot with --snapshot FILE.

  --port P      destination port (default: the VIP's or host address's only frontend port, else 80)
  --proto X     tcp (default), udp or icmp (no port)
  --host-address IP
                an address of this host that its documents do not name (an L2Bridge or transparent
                node's own IP): traced as the host's, so node ports answer on it; repeatable
  --json        {"Source","SourceAddress","Destination","DestinationAddress","DestinationObject",
                "Protocol","Port","PortDefaulted","Hops":[{"Index","Name","Object":{"Kind","ID","Name"},
                "Outcome","Decision","Rule","Detail"}],"Verdict","DroppedAt","UndecidedAt","Summary","DeliveredTo",
                "Affinity","Translations","Path"}

Exit status: 0 delivered or translated, 1 dropped or undecided (or the host cannot be read), 2 bad
arguments or SRC/DST naming no endpoint of the host.
)";
    } else if (verb == "import") {
        page = R"(Usage: hcnctl import [--json] PATH...

Reads what a customer sent and finds every HNS/HCN object in it: ConvertTo-Json output at any -Depth,
HNS REST responses, PowerShell list views (Get-HnsNetwork, Get-HnsEndpoint, Get-HnsPolicyList,
Get-HnsNamespace), hnsdiag list tables and -d output, collectlogs.ps1 folders, .zip/.tar/.tar.gz
archives of them, HCN documents in klog/logrus lines; UTF-8 or UTF-16; pasted text with prompts,
quotes, wrapping and elisions. PATH is a file, a folder or an archive; - reads standard input. A
bug-report bundle (`hcnctl bundle`) is read from its snapshot.json only.

Without --json: one table per kind and a summary. With --json: one snapshot document
{"Networks":[...],"Endpoints":[...],"Namespaces":[...],"LoadBalancers":[...], ..., "Import":{...}}
(v2 documents; "Import" is the report with each object's source lines and original text), to open
with `hcnctl --snapshot FILE` or the console's File > Open Snapshot.

The report goes to stderr, one line per finding: "hcnctl: import: SOURCE:LINES: warning: ...".
Exit status 0 when anything was recovered (an object, or what a log says of HNS: a failure, a
request, a lookup), 1 when nothing was.
)";
    } else if (verb == "explain") {
        page = R"(Usage: hcnctl explain CODE... [--json]
       hcnctl explain all

The error decoder: for each HRESULT its name, the Windows message text, what it means for HCN, the
common causes seen in the field and what to check (hcnctl, hnsdiag and PowerShell commands). `all`
explains every code in the catalog (docs/errors.md holds the same table).

CODE may be written as people meet it: 0x803B0013, 803b0013, -2143617005 (signed decimal, as
PowerShell's Exception.HResult shows it), 2151350291 (ErrorRecord's ErrorCode), a Win32 error number
(1168 reads as 0x80070490), the name (HCN_E_PORT_ALREADY_EXISTS, HNS_PORT_ALREADY_EXISTS,
ERROR_NOT_FOUND) or the hr:: constant (PortAlreadyExists); case does not matter. Eight digits
starting with 8 (80070490) are read as hex, other numbers without 0x and hex letters as decimal.

A code the catalog does not know is still decoded: severity, facility and code (for FACILITY_WIN32 the
Win32 error number), with where to look it up.

  --json   one JSON array, an object per code: {"HResult","Code","Unsigned","Known","Name","Constant",
           "Message","Meaning","Causes":[...],"Checks":[...],"Severity","Facility","FacilityCode"}

Exit status 0 when the catalog knows every code, 1 when one is unknown (still decoded), 2 when a
CODE cannot be read as an error code. Needs no service.
)";
    } else if (verb == "diff") {
        page = diffHelp();
    } else if (verb == "bundle") {
        page = bundleHelp();
    } else if (verb == "record") {
        page = recordHelp();
    } else if (verb == "help") {
        page = "Usage: hcnctl help [COMMAND]\n";
    } else {
        return {};
    }
    return page + "\n" + std::string(kGlobalOptions);
}

} // namespace hcn::ctl
