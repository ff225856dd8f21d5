// The error catalog's generic codes: COM (E_*), Win32 (ERROR_*, as HRESULT_FROM_WIN32), Winsock and RPC
// codes that HCN calls return or that appear next to them in the field, and the HCS (compute system)
// codes container logs show beside HNS's.

#include "common/error_catalog_entry.h"

namespace hcn::detail {
namespace {

constexpr ErrorCatalogEntry kWin32Entries[]{
    {HCN_ERROR_CONSTANT(Ok),
     "Success. It is not an error, but it shows up in reports when a caller treated a successful call "
     "as a failure.",
     {"hcsshim and clients built on it treat any non-empty ErrorRecord as an error, even when the call "
      "returned S_OK.",
      "A log line prints the status of every call, and the failing call is a different one."},
     {"Look at the ErrorRecord: on success HNS leaves it empty.",
      "Find the first line in the log with a code other than 0x00000000; `hcnctl explain` that code."}},
    {HCN_ERROR_CONSTANT(NotImplemented),
     "The call or the request is not implemented by this HNS (or by this service).",
     {"The client calls an API or method newer than the host's HNS (hcsshim has an IsNotImplemented "
      "check for this).",
      "A JSON-RPC method name that hcnd does not know (a typo in `hcnctl call METHOD`)."},
     {"`hcnctl version` (HNS and schema versions) or `Get-ComputerInfo OsBuildNumber` on the host.",
      "Compare with the HNS version the feature needs; docs/rpc.md lists hcnd's methods."}},
    {HCN_ERROR_CONSTANT(Pointer),
     "A required pointer argument was NULL.",
     {"A C caller passed NULL for an out-parameter such as the handle or the properties string.",
      "A wrapper library lost an argument (wrong calling convention or a mismatched binding)."},
     {"The call's arguments in the client: every `_Out_` parameter needs a valid address.",
      "The client library's version against computenetwork.h."}},
    {HCN_ERROR_CONSTANT(Abort),
     "The operation was cancelled before it finished.",
     {"The user cancelled it (the console's Cancel, Ctrl-C in hcnctl).",
      "Another operation replaced it (a second host opened while the first was still loading)."},
     {"Run the operation again and let it finish.", "The console's event log for what replaced it."}},
    {HCN_ERROR_CONSTANT(Unexpected),
     "Catastrophic failure: the service reached a state it does not expect. Usually a bug or corrupted "
     "state, not a wrong request.",
     {"HNS state corrupted after a crash or an unclean shutdown.", "A bug in HNS or in this service."},
     {"The HNS event log: `Get-WinEvent -LogName Microsoft-Windows-Host-Network-Service-Admin -MaxEvents "
      "50`.",
      "Restart the service and retry: `Restart-Service hns` (hcnd: restart it).",
      "If it repeats, collect logs (collectlogs.ps1 from microsoft/SDN) and report it."}},
    {HCN_ERROR_CONSTANT(Fail),
     "Unspecified error: the call failed without a more specific code.",
     {"An internal error in the service (hcnd answers a JSON-RPC internal error with it).",
      "A malformed answer from the service reached the client."},
     {"The Error text of the ErrorRecord or the detail after the message usually names the problem.",
      "The service's log (hcnd --log-level debug; on Windows the HNS event log)."}},
    {HCN_ERROR_CONSTANT(InvalidArg),
     "A parameter of the call is not valid: a missing or malformed argument, or a document field HNS "
     "rejects outright.",
     {"A v1 endpoint update with a malformed ACL policy (seen on Windows Server 1803).",
      "A JSON-RPC call without a required parameter, or a parameter of the wrong JSON type.",
      "A file hcnctl was told to read does not exist or cannot be read."},
     {"The detail after the message names the parameter or the file.",
      "Validate the document: `Get-Content doc.json | ConvertFrom-Json`, or `hcnctl create KIND -f doc.json` "
      "against a test host (`hcnctl --embedded`)."}},
    {HCN_ERROR_CONSTANT(AccessDenied),
     "The caller may not do this: not elevated, not authorised, or the host is read-only.",
     {"The client does not run as Administrator (HNS calls need an elevated caller).",
      "hcnd refused the TLS token, or the socket's permissions exclude the user.",
      "A change was tried on an offline snapshot, which is read-only."},
     {"Run the client elevated (PowerShell \"Run as Administrator\"); on Linux check the socket's owner: "
      "`ls -l /run/hcn/hcnd.sock`.",
      "For TLS: `hcnctl --socket tls://HOST:PORT --token-file F version`.",
      "`hcnctl version` shows \"read-only\" for a snapshot."}},
    {HCN_ERROR_CONSTANT(Handle),
     "The handle passed to the call is not an open handle of this kind.",
     {"The handle was closed already (HcnClose* called twice, or use after close).",
      "A handle of another kind was passed (a network handle to an endpoint call), or a handle from "
      "another connection or from before a service restart."},
     {"The client's open/close pairing; handles do not survive `Restart-Service hns` or a reconnection.",
      "Open the object again by ID: `hcnctl show KIND ID`."}},
    {HCN_ERROR_CONSTANT(OutOfMemory),
     "Not enough memory for the operation, or a request larger than the service accepts.",
     {"The host is short of memory.", "A document or a message exceeds the size limit of the service."},
     {"Memory on the host: `Get-Counter '\\Memory\\Available MBytes'`.",
      "The size of the document sent; split large batches."}},
    {HCN_ERROR_CONSTANT(ElementNotFound),
     "ERROR_NOT_FOUND: the object asked for does not exist. HNS answers it for unknown namespace IDs, and "
     "sometimes for other objects that vanished.",
     {"Stale IDs after an HNS restart or a reboot: the client kept IDs of objects HNS no longer has.",
      "HcnOpenNamespace with a namespace ID that is not on the host (the container's namespace was "
      "removed; seen with antrea and containerd).",
      "A v1 network create right after a delete of the same network (HNS still tearing it down)."},
     {"List what exists: `hcnctl list all`, `hnsdiag list all`, `Get-HnsNamespace`.",
      "Compare the ID in the client's log with the list; restart the client so it reads IDs again.",
      "After a delete, retry the create after a short wait."}},
    {HCN_ERROR_CONSTANT(AlreadyExists),
     "ERROR_ALREADY_EXISTS: an object with this ID (or a resource HNS creates under it) already exists.",
     {"A create with an ID that is already in use (`--id`, or the document's ID).",
      "Stale HNS state: WSL's HcnCreateNetwork failing because its network from an earlier session is "
      "still there.",
      "A client retried a create that had in fact succeeded."},
     {"`hcnctl show KIND ID` or `Get-HnsNetwork | Where-Object Id -eq ID`.",
      "Delete the stale object (`hcnctl delete KIND ID`, `Get-HnsNetwork | Where-Object Name -eq NAME | "
      "Remove-HnsNetwork`), or for WSL run `wsl --shutdown` and start it again."}},
    {HCN_ERROR_CONSTANT(DupName),
     "ERROR_DUP_NAME: a name that must be unique on the host is taken.",
     {"WSL creating its ICS network while a network of the same name is left over.",
      "Two clients creating the same named network at start-up."},
     {"`Get-HnsNetwork | Select-Object Name, Id, Type` or `hcnctl list networks`.",
      "Remove the leftover network, or let the client pick another name."}},
    {HCN_ERROR_CONSTANT(AddressInUse),
     "WSAEADDRINUSE: a socket address (protocol, address, port) is already taken on the host.",
     {"A guest network service port reservation for a port someone else holds.",
      "A host process already listens on the port a mapping wants."},
     {"`Get-NetTCPConnection -LocalPort PORT` / `netstat -ano | findstr :PORT`.",
      "Windows' reserved ranges: `netsh int ipv4 show excludedportrange protocol=tcp`.",
      "`hcnctl list gns` for the reservations this service holds."}},
    {HCN_ERROR_CONSTANT(FileNotFound),
     "ERROR_FILE_NOT_FOUND: a file the operation needs does not exist.",
     {"A wrong path to a document, a snapshot or a scenario.",
      "A relative path resolved against another working directory."},
     {"The path in the detail; use an absolute path."}},
    {HCN_ERROR_CONSTANT(ModNotFound),
     "ERROR_MOD_NOT_FOUND: a library (DLL) could not be loaded; for `hcnctl --library`, "
     "computenetwork.dll (or the PATH given) is missing, or a library it depends on is.",
     {"The host has no HCN: the Containers or Hyper-V feature is not installed, so System32 holds no "
      "computenetwork.dll (Windows client and Server editions without the feature).",
      "`hcnctl --library PATH` names a file that does not exist, or on Linux a library the loader cannot "
      "find (not in LD_LIBRARY_PATH, wrong architecture).",
      "A dependency of the library is missing (inferred: Windows reports a missing dependency with the same "
      "code as the library itself)."},
     {"`Test-Path $env:windir\\System32\\computenetwork.dll` on the host.",
      "`Get-WindowsOptionalFeature -Online -FeatureName Containers, Microsoft-Hyper-V` (State Enabled), "
      "then reboot after enabling.",
      "The PATH given to --library, absolute; on Linux `ldd PATH` for unresolved dependencies."}},
    {HCN_ERROR_CONSTANT(ProcNotFound),
     "ERROR_PROC_NOT_FOUND: the library loaded, but a function the caller needs is not among its exports. "
     "From `hcnctl --library`: computenetwork.dll lacks an Hcn* call, usually one newer than the host's "
     "Windows.",
     {"The host's Windows predates the call (the HCN API grew over Windows releases; e.g. the guest "
      "network service and port reservation calls came later than networks and endpoints).",
      "`hcnctl --library PATH` names a library that is not computenetwork (another DLL, or a stub that "
      "implements only part of the API)."},
     {"`hcnctl --library version` and `[System.Environment]::OSVersion` on the host; compare with the "
      "Windows version the call needs (docs/windows.md).",
      "The library's exports: `dumpbin /exports computenetwork.dll` on Windows, `nm -D PATH | grep Hcn` on "
      "Linux."}},
    {HCN_ERROR_CONSTANT(GenFailure),
     "ERROR_GEN_FAILURE (\"A device attached to the system is not functioning\"): the layer below HNS "
     "(vSwitch, VFP, the host adapter) failed to program the change.",
     {"The virtual switch or its extension is in a bad state (inferred from the message: the switch is "
      "the device HNS programs).",
      "The physical adapter behind an external network went down or was reconfigured."},
     {"`Get-VMSwitch` and `Get-NetAdapter` on the host.",
      "The HNS and VMSwitch event logs: `Get-WinEvent -LogName "
      "Microsoft-Windows-Hyper-V-VmSwitch-Operational "
      "-MaxEvents 50`.",
      "`Restart-Service hns` and retry; reboot if it repeats."}},
    {HCN_ERROR_CONSTANT(WrongDisk),
     "ERROR_WRONG_DISK (\"The wrong diskette is in the drive\"): a storage error number, which HNS calls "
     "have returned in place of a code of their own; its text says nothing of the network.",
     {"flannel's attach of its bridge endpoint (cbr0_ep) to the host compartment, logged by hcsshim's "
      "hnsCall.",
      "An internal status of HNS or of the layer below it passed on as a Win32 error (inferred: Windows "
      "documents no network meaning for it)."},
     {"The HNS event log at the same time: `Get-WinEvent -LogName "
      "Microsoft-Windows-Host-Network-Service-Admin -MaxEvents 50`.",
      "Whether the endpoint and its network still exist: `Get-HnsEndpoint`, `Get-HnsNetwork`.",
      "`Restart-Service hns` and retry; collect logs (collectlogs.ps1 from microsoft/SDN) if it repeats."}},
    {HCN_ERROR_CONSTANT(NotReady),
     "ERROR_NOT_READY (\"The device is not ready\"): a device the call needs (for HNS the virtual switch, "
     "its VFP extension or the adapter behind it) is not ready to be programmed.",
     {"An L2Bridge network on a switch with the VFP extension, created inside a VM (SDN tenant networks): "
      "the create fails with 0x80070015 after HNS made the switch (HNS-Network-Create in the event log).",
      "The switch or the adapter behind it is still coming up (host boot, adapter reset) when HNS is "
      "called (inferred from the message)."},
     {"The HNS event log: `Get-WinEvent -LogName Microsoft-Windows-Host-Network-Service-Admin -MaxEvents "
      "50` (HNS-Network-Create with result code 0x80070015).",
      "`Get-VMSwitch`, `Get-VMSwitchExtension -VMSwitchName NAME` and `Get-NetAdapter` on the host.",
      "Retry once the adapter is up; `Restart-Service hns` if it repeats."}},
    {HCN_ERROR_CONSTANT(SharingViolation),
     "ERROR_SHARING_VIOLATION (\"The process cannot access the file because it is being used by another "
     "process\"): for an endpoint with port mappings (docker -p, a PortMapping policy), the host port is "
     "already in use by another process.",
     {"The host port of a port mapping is already in use by another process: a service on the host "
      "(IIS on 80/443, SQL Server on 1433) or another container publishing the same port; docker on "
      "Windows reports this as \"failed to create endpoint NAME on network nat\".",
      "The port falls in a range Windows reserved for Hyper-V or WinNAT (excluded port ranges)."},
     {"Who holds the port: `Get-Process -Id (Get-NetTCPConnection -LocalPort PORT).OwningProcess`, "
      "`netstat -ano | findstr :PORT`.",
      "Windows' reserved ranges: `netsh int ipv4 show excludedportrange protocol=tcp`.",
      "Ports other containers publish: `docker ps --format \"{{.Names}} {{.Ports}}\"`; map another host "
      "port (`-p 8080:80`)."}},
    {HCN_ERROR_CONSTANT(ServiceDisabled),
     "ERROR_SERVICE_DISABLED: a service the call needs is disabled. For HNS it is usually the Host Network "
     "Service itself or SharedAccess (ICS).",
     {"The hns or SharedAccess service has StartType Disabled (hardening scripts, group policy).",
      "The Containers or Hyper-V feature is not installed completely."},
     {"`Get-Service hns, SharedAccess | Select-Object Name, Status, StartType`.",
      "`Set-Service hns -StartupType Manual` then `Start-Service hns`."}},
    {HCN_ERROR_CONSTANT(ServiceNotActive),
     "ERROR_SERVICE_NOT_ACTIVE: the service the call goes to is not running.",
     {"HNS stopped or crashed and has not been restarted.",
      "The call was made during boot before HNS started."},
     {"`Get-Service hns`; `Start-Service hns`.", "For this product: is hcnd running? `hcnctl version`."}},
    {HCN_ERROR_CONSTANT(ServiceDoesNotExist),
     "ERROR_SERVICE_DOES_NOT_EXIST: the service the call needs is not installed on the host. For HNS: the "
     "Host Network Service (hns) or the compute service (vmcompute) is missing, so no HCN call can be "
     "served.",
     {"The Containers or Hyper-V feature is not installed (or was removed), so the hns and vmcompute "
      "services do not exist (a fresh Windows Server, a client edition without the feature).",
      "The feature was enabled but the host has not been rebooted since."},
     {"`Get-Service hns, vmcompute` on the host.",
      "`Get-WindowsOptionalFeature -Online -FeatureName Containers, Microsoft-Hyper-V` (State Enabled), "
      "then reboot after enabling."}},
    {HCN_ERROR_CONSTANT(Timeout),
     "ERROR_TIMEOUT: the service did not answer in time.",
     {"The service is overloaded or stuck (a long HNS operation holds its lock).",
      "The connection to hcnd stalled (network, TLS listener)."},
     {"Retry; if it repeats, look at the service's log and CPU use.",
      "`hcnctl version` to see whether the service answers at all."}},
    {HCN_ERROR_CONSTANT(RpcServerUnavailable),
     "RPC_S_SERVER_UNAVAILABLE: the client could not reach the service over RPC, typically because HNS "
     "is not running or restarted during the call.",
     {"HNS crashed or was restarted while the call was in flight.",
      "The client runs before HNS is up (early at boot)."},
     {"`Get-Service hns`; the System event log for hns crashes: `Get-WinEvent -LogName System -MaxEvents 50 "
      "| Where-Object Message -match 'Host Network Service'`.",
      "Retry after `Start-Service hns`."}},
    {HCN_ERROR_CONSTANT(EndpointMapperEmpty),
     "EPT_S_NOT_REGISTERED: the RPC endpoint mapper knows no endpoint for the interface called: the service "
     "behind it (HNS, or a service HNS needs) has not registered it, because it is not running or still "
     "starting.",
     {"HNS is stopped, crashed or still starting when the client (WSL's networking set-up, a CNI) calls it.",
      "A service HNS depends on (the RPC endpoint mapper, BFE, SharedAccess for ICS networks) is not "
      "running."},
     {"`Get-Service hns, RpcEptMapper, BFE, SharedAccess`; `Start-Service hns`.",
      "The System event log for services that stopped: `Get-WinEvent -LogName System -MaxEvents 50 | "
      "Where-Object Message -match 'terminated unexpectedly'`.",
      "For WSL: `wsl --shutdown`, then start it again once HNS runs."}},
    {HCN_ERROR_CONSTANT(InvalidData),
     "ERROR_INVALID_DATA: the service could not use the data it was given: a document or a field it cannot "
     "read in this form.",
     {"A request document with a field of the wrong type or an unknown value (hcsshim documents the code as "
      "what HCS answers to an invalid or unsupported request).",
      "A client built for another Windows version sending a schema the host does not read."},
     {"The document sent (the log line before the error); compare it with the schema of the host's HNS "
      "version (`hcnctl version`).",
      "Validate it: `Get-Content doc.json | ConvertFrom-Json`."}},
    {HCN_ERROR_CONSTANT(NotSupported),
     "ERROR_NOT_SUPPORTED: the service does not support this request, or not on this host or network "
     "type.",
     {"A feature newer than the host's Windows (a policy type or a setting the host's HNS does not know).",
      "An operation the network type does not allow (for example a change HNS makes only on other "
      "network types)."},
     {"`hcnctl version` and `[System.Environment]::OSVersion` on the host; the Windows version the "
      "feature needs.",
      "The network's type: `Get-HnsNetwork | Select-Object Name, Type`."}},
    {HCN_ERROR_CONSTANT(BadNetName),
     "ERROR_BAD_NET_NAME: a network name the call gives does not exist on the host.",
     {"A client names a network (by name, not ID) that was removed or has another name on this host.",
      "A network removed and created again under another name while a client still uses the old one."},
     {"`Get-HnsNetwork | Select-Object Name, Id, Type` or `hcnctl list networks`.",
      "The network name in the client's configuration (CNI config, docker `--network`)."}},
    {HCN_ERROR_CONSTANT(RpcCallFailed),
     "RPC_S_CALL_FAILED: the call reached the service, but it failed before it answered: the service "
     "stopped or crashed during the call.",
     {"HNS crashed or was restarted while the call was in flight.",
      "The host is shutting down or the service is being updated."},
     {"`Get-Service hns`; the System event log for hns crashes: `Get-WinEvent -LogName System -MaxEvents 50 "
      "| Where-Object Message -match 'Host Network Service'`.",
      "Retry after `Start-Service hns`; if it repeats, collect logs (collectlogs.ps1 from microsoft/SDN)."}},
    {HCN_ERROR_CONSTANT(RpcCallFailedNotRun),
     "RPC_S_CALL_FAILED_DNE: the call failed before the service ran it: the connection to the service broke "
     "or the service went away as the call was made, so nothing was done.",
     {"HNS (or a service it calls) stopped, crashed or restarted as the client called it.",
      "WSL's networking set-up calling HNS while HNS restarts, after an update or a `wsl --shutdown`."},
     {"`Get-Service hns`; the System event log for services that stopped: `Get-WinEvent -LogName System "
      "-MaxEvents 50 | Where-Object Message -match 'terminated unexpectedly'`.",
      "Retry once HNS runs (`Start-Service hns`); for WSL, `wsl --shutdown` and start it again."}},
    {HCN_ERROR_CONSTANT(ObjectAlreadyExists),
     "ERROR_OBJECT_ALREADY_EXISTS (Win32 error 5010): HNS already holds the object a create asked for, by "
     "its ID or its name. hcsshim logs it as `(0x1392)`.",
     {"A CNI plugin creating an endpoint whose name (`<container>_<network>`) is left over from an earlier "
      "sandbox of the same pod (the old endpoint was never deleted).",
      "A client retried a create that had in fact succeeded."},
     {"`Get-HnsEndpoint | Where-Object Name -eq NAME` or `hcnctl list endpoints`: the stale object and "
      "what it belongs to.",
      "Remove the stale endpoint (`Remove-HnsEndpoint`, `hcnctl delete endpoint ID`) once no container "
      "uses it; then the create can be retried."}},
    {HCN_ERROR_CONSTANT(InvalidState),
     "ERROR_INVALID_STATE (Win32 error 5023): the object is not in a state that allows the operation, for "
     "example one still being created or torn down.",
     {"A request for an object HNS is still creating or deleting (two clients, or a retry, racing on it).",
      "An object left half-made by an earlier failure or an HNS restart."},
     {"The object's State: `hcnctl show KIND ID`, `Get-HnsEndpoint | Where-Object Id -eq ID`.",
      "Retry after a short wait; if it stays, remove the object and create it again."}},
    {HCN_ERROR_CONSTANT(ObjectNameExists),
     "ERROR_OBJECT_NAME_EXISTS (Win32 error 698): HNS (or the kernel object it creates for a network) "
     "found an object of the name it was to create already there. HNS's event log records it as the Result "
     "code of an HNS-Network-Create event; docker logs it as `HNS failed with error : {Object Exists} ...`.",
     {"A network left behind by an earlier run of HNS or of the container runtime (an unclean shutdown, an "
      "upgrade of docker), which HNS still holds in part while `Get-ContainerNetwork` lists nothing.",
      "The runtime creating its default network (`nat`) again while the old one is being torn down."},
     {"The HNS event log: `Get-WinEvent -LogName Microsoft-Windows-Host-Network-Service-Admin -MaxEvents 50` "
      "for HNS-Network-Create and the network ID it names.",
      "`Get-HnsNetwork`, `Get-NetNat` and `Get-VMSwitch` for what is left of the network; remove the "
      "leftover, or `Restart-Service hns`, then start the runtime again."}},
    {HCN_ERROR_CONSTANT(UnhandledException),
     "ERROR_UNHANDLED_EXCEPTION (\"{Application Error} The exception ... occurred in the application\"): "
     "the code that served the call raised an exception it did not handle, so the call failed without a "
     "code of its own.",
     {"A fault inside HNS or a component it loaded while it handled the request (inferred from the "
      "message: Windows documents no HNS trigger).",
      "A fault in the client's process around the call (hcsshim's caller)."},
     {"The Application event log at the same time: `Get-WinEvent -FilterHashtable "
      "@{LogName='Application'; Id=1000} -MaxEvents 20` names the faulting module.",
      "The HNS event log: `Get-WinEvent -LogName Microsoft-Windows-Host-Network-Service-Admin "
      "-MaxEvents 50`.",
      "`Restart-Service hns` and retry; if it repeats, collect logs (collectlogs.ps1 from microsoft/SDN) "
      "and report it."}},
    {HCN_ERROR_CONSTANT(DeletePending),
     "ERROR_DELETE_PENDING: the object is still being deleted. For HNS: an endpoint or a network (or the "
     "switch port, the compartment under it) that a delete has begun to tear down is used, or made again "
     "under the same ID or name, before the delete has finished.",
     {"A container runtime or CNI plugin recreating an endpoint (or a network) right after deleting it, "
      "with the same ID or name, while HNS still tears the old one down (a pod sandbox restarted in a loop).",
      "A client attaching or querying an endpoint another client is still deleting (kube-proxy and the CNI "
      "plugin racing on one endpoint).",
      "A delete that hangs in HNS (a stuck VFP port or vSwitch), so every later use of the object fails."},
     {"Whether the object is still listed: `Get-HnsEndpoint | Where-Object Id -eq ID`, `hnsdiag list "
      "endpoints`, `Get-HnsNetwork`.",
      "Retry after a short wait; if the object stays listed, `Restart-Service hns` and look at the HNS event "
      "log: `Get-WinEvent -LogName Microsoft-Windows-Host-Network-Service-Admin -MaxEvents 50`.",
      "The client's log for the delete just before the failure (the same ID or name)."}},
    {HCN_ERROR_CONSTANT(BadNetPath),
     "ERROR_BAD_NETPATH: a network path (a host or a share named by a UNC path) could not be found or "
     "reached. Next to HNS it comes from a container's SMB mount or a host name the host cannot resolve, "
     "not from HNS's own objects.",
     {"An SMB share (a volume, a gMSA or a credential spec's host) that the host or the container cannot "
      "reach: a name that does not resolve, or a firewall in between.",
      "The network the container is on has no route to the host named (a NAT network without outbound "
      "access, a wrong DNS server in the endpoint)."},
     {"From the host: `Test-NetConnection HOST -Port 445` and `Resolve-DnsName HOST`.",
      "The endpoint's DNS servers and gateway: `Get-HnsEndpoint | Select-Object Name, DNSServerList, "
      "GatewayAddress`."}},
    {HCN_ERROR_CONSTANT(WmiFailed),
     "WBEM_E_FAILED: a WMI error, not one of HNS: HNS got it from Hyper-V's Virtual Machine Management "
     "service (VMMS), which it asks through WMI for the virtual switch and its ports, and passed it on. The "
     "call into VMMS failed without a more specific reason.",
     {"VMMS failed to create or change the virtual switch or a switch port HNS asked for (a network adapter "
      "the switch cannot bind, a switch extension that fails).",
      "The WMI repository or VMMS itself in a bad state (after an update, or a crash of vmms.exe)."},
     {"The VMMS event log, for an event at the same time that names the code: `Get-WinEvent -LogName "
      "Microsoft-Windows-Hyper-V-VMMS-Admin -MaxEvents 50`.",
      "`Get-Service vmms, hns` and `Get-VMSwitch`; restart VMMS (`Restart-Service vmms`) when it does not "
      "answer."}},
    {HCN_ERROR_CONSTANT(WmiNotFound),
     "WBEM_E_NOT_FOUND: a WMI error, not one of HNS: HNS got it from Hyper-V's Virtual Machine Management "
     "service (VMMS), which it asks through WMI for the virtual switch and its ports, and passed it on. "
     "VMMS did not find an object HNS named (a switch, a port, an adapter's binding).",
     {"A virtual switch removed or re-created behind HNS's back (Hyper-V Manager, `Remove-VMSwitch`, a "
      "network adapter reset), while HNS still holds a network on it.",
      "WSL or a container starting while VMMS is still restarting, or after a host update that rebuilt the "
      "switches."},
     {"The VMMS event log: `Get-WinEvent -LogName Microsoft-Windows-Hyper-V-VMMS-Admin -MaxEvents 50` "
      "(Event ID 16000 names the code).",
      "`Get-VMSwitch` against the networks' switches: `Get-HnsNetwork | Select-Object Name, Type, Id`.",
      "For WSL, `wsl --shutdown`, then `Restart-Service vmms, hns` and start WSL again."}},
    {HCN_ERROR_CONSTANT(WmiAccessDenied),
     "WBEM_E_ACCESS_DENIED: a WMI error, not one of HNS: HNS got it from Hyper-V's Virtual Machine "
     "Management service (VMMS), through WMI, and passed it on. The caller VMMS acted for lacks the right "
     "to the Hyper-V object.",
     {"A caller that is neither an administrator nor in Hyper-V Administrators, or a shell that is not "
      "elevated.",
      "A security product or a changed WMI namespace security blocking the root\\virtualization\\v2 "
      "namespace."},
     {"`whoami /groups` for Administrators or Hyper-V Administrators; run from an elevated shell.",
      "The VMMS event log: `Get-WinEvent -LogName Microsoft-Windows-Hyper-V-VMMS-Admin -MaxEvents 50`."}},
    {HCN_ERROR_CONSTANT(WmiInvalidParameter),
     "WBEM_E_INVALID_PARAMETER: a WMI error, not one of HNS: HNS got it from Hyper-V's Virtual Machine "
     "Management service (VMMS), through WMI, and passed it on. VMMS rejected a setting HNS passed for the "
     "virtual switch or a port.",
     {"A network whose settings the switch cannot take (an adapter already bound to another switch, a VLAN "
      "or MAC setting the adapter does not allow).",
      "An HNS and a Hyper-V of different builds after a partial update."},
     {"The VMMS event log: `Get-WinEvent -LogName Microsoft-Windows-Hyper-V-VMMS-Admin -MaxEvents 50`.",
      "The adapter the network uses: `Get-NetAdapter`, `Get-VMSwitch | Select-Object Name, "
      "NetAdapterInterfaceDescription`."}},
    {HCN_ERROR_CONSTANT(HcsTerminatedDuringStart),
     "HCS_E_TERMINATED_DURING_START: an HCS (compute system) error, not one of HNS: the container or its "
     "utility VM exited while it was being started, before it was up.",
     {"The utility VM of a Hyper-V isolated container failed to boot: too little free memory on the host, "
      "or a VM host without nested virtualization.",
      "The container's first process exited at once (a wrong entry point, an image of another Windows "
      "build)."},
     {"`docker ps -a` / `crictl ps -a` for the container's exit code; `hcsdiag list` for its utility VM.",
      "The Hyper-V-Compute event log: `Get-WinEvent -LogName Microsoft-Windows-Hyper-V-Compute-Admin "
      "-MaxEvents 50`."}},
    {HCN_ERROR_CONSTANT(HcsImageMismatch),
     "HCS_E_IMAGE_MISMATCH: an HCS (compute system) error, not one of HNS: the container image was built "
     "for another Windows build than the host's, so it cannot run with process isolation.",
     {"A Windows container image of another Windows build (ltsc2019 on a Windows Server 2022 host) run "
      "with process isolation.",
      "A node pool upgraded to a newer Windows while its workloads still pull images of the old build."},
     {"The host's build: `[System.Environment]::OSVersion` or `cmd /c ver`; the image's: `docker image "
      "inspect IMAGE --format \"{{.OsVersion}}\"`.",
      "Use an image of the host's build, or run it with Hyper-V isolation (`docker run "
      "--isolation=hyperv`)."}},
    {HCN_ERROR_CONSTANT(HcsInvalidState),
     "HCS_E_INVALID_STATE: an HCS (compute system) error, not one of HNS: the container or VM is not in a "
     "state that allows the request (it is starting, stopping or paused).",
     {"A network endpoint attached to or detached from a container that is starting or stopping at the same "
      "moment (a runtime and its network plugin racing).",
      "A request to a container HCS still tears down after a crash."},
     {"The compute system's state: `hcsdiag list`, `docker ps -a`, `crictl ps -a`.",
      "Retry once the container has started or stopped; the runtime's log at the same time."}},
    {HCN_ERROR_CONSTANT(HcsUnexpectedExit),
     "HCS_E_UNEXPECTED_EXIT: an HCS (compute system) error, not one of HNS: the container or VM exited "
     "unexpectedly while a request to it was in flight.",
     {"The container's process or its utility VM exited (a crash, an out-of-memory kill) while its network "
      "was being set up or torn down.",
      "The host ran out of memory or the utility VM failed to boot."},
     {"`docker ps -a` / `crictl ps -a` for the container's exit; `hcsdiag list` for its utility VM.",
      "The Hyper-V-Compute event log: `Get-WinEvent -LogName Microsoft-Windows-Hyper-V-Compute-Admin "
      "-MaxEvents 50`."}},
    {HCN_ERROR_CONSTANT(HcsConnectFailed),
     "HCS_E_CONNECT_FAILED: an HCS (compute system) error, not one of HNS: HCS could not connect to the "
     "guest side of the container (the guest compute service in its utility VM); the guest never "
     "answered. Older Windows words it \"A connection could not be established with the Virtual Machine "
     "hosting the Container.\"",
     {"The utility VM of a Hyper-V isolated container crashed or did not finish booting (too little free "
      "memory, a VM host without nested virtualization).",
      "An antivirus that blocks or scans the VM worker process (vmwp.exe) or the utility VM's files.",
      "vmcompute or the Hyper-V services in a bad state (after an update), so that every new container "
      "fails the same way."},
     {"`hcsdiag list` for the utility VM; free memory: `Get-Counter '\\Memory\\Available MBytes'`.",
      "The Hyper-V-Compute event log: `Get-WinEvent -LogName Microsoft-Windows-Hyper-V-Compute-Admin "
      "-MaxEvents 50`.",
      "Whether a process-isolated container starts (`docker run --isolation=process`, with an image of the "
      "host's build); if only Hyper-V isolation fails, `Restart-Service vmcompute` and the antivirus "
      "exclusions for vmwp.exe and the container data folder."}},
    {HCN_ERROR_CONSTANT(HcsConnectionTimeout),
     "HCS_E_CONNECTION_TIMEOUT: an HCS (compute system) error, not one of HNS: the guest side of the "
     "container (its utility VM) did not answer HCS in time.",
     {"A host short of memory or CPU, or many containers starting at once, so that the utility VM boots "
      "too slowly.",
      "The utility VM hung or crashed while starting; the same causes as HCS_E_CONNECT_FAILED."},
     {"`hcsdiag list`; the host's load: `Get-Counter '\\Processor(_Total)\\% Processor Time', "
      "'\\Memory\\Available MBytes'`.",
      "The Hyper-V-Compute event log: `Get-WinEvent -LogName Microsoft-Windows-Hyper-V-Compute-Admin "
      "-MaxEvents 50`."}},
    {HCN_ERROR_CONSTANT(HcsConnectionClosed),
     "HCS_E_CONNECTION_CLOSED: an HCS (compute system) error, not one of HNS: the connection to the guest "
     "side of the container (its utility VM) closed while a request was in flight.",
     {"The utility VM or the container crashed or was stopped during the request (an out-of-memory kill, a "
      "stop from the runtime).",
      "vmcompute restarted while the container was running."},
     {"`docker ps -a` / `crictl ps -a` for the container's exit; `hcsdiag list` for its utility VM.",
      "The Hyper-V-Compute event log: `Get-WinEvent -LogName Microsoft-Windows-Hyper-V-Compute-Admin "
      "-MaxEvents 50`."}},
    {HCN_ERROR_CONSTANT(HcsInvalidJson),
     "HCS_E_INVALID_JSON: an HCS (compute system) error, not one of HNS: the document the runtime sent to "
     "HCS (a container's configuration, or a change such as adding a network adapter) is invalid, or "
     "this Windows build does not understand it.",
     {"A runtime or shim newer than the host supports (a schema or field this Windows build does not "
      "know).",
      "A network plugin that hands the runtime a malformed endpoint or namespace ID."},
     {"The host's build (`cmd /c ver`) against the versions the runtime supports; the runtime's debug log "
      "shows the document it sent.",
      "The endpoint IDs in the request: `Get-HnsEndpoint | Select-Object ID, Name`."}},
    {HCN_ERROR_CONSTANT(HcsSystemNotFound),
     "HCS_E_SYSTEM_NOT_FOUND: an HCS (compute system) error, not one of HNS: the container or VM the call "
     "names does not exist (any more). Older Windows words it \"A Compute System with the specified "
     "identifier does not exist.\"",
     {"The container stopped or was removed while its network was being set up or torn down (a race "
      "between the runtime and its network plugin).",
      "A network driver (a remote plugin, a CNI) attaching an endpoint to a container that has not started "
      "yet or has gone."},
     {"The container's state: `docker ps -a`, `crictl ps -a`, `hcsdiag list`.",
      "The runtime's log around the same time (dockerd, containerd) for the container's stop or exit."}},
    {HCN_ERROR_CONSTANT(HcsSystemAlreadyExists),
     "HCS_E_SYSTEM_ALREADY_EXISTS: an HCS (compute system) error, not one of HNS: a container or VM with "
     "the ID asked for already exists.",
     {"A runtime creating a container again with the ID of one that was not cleaned up.",
      "A retry of a create that had in fact succeeded."},
     {"`hcsdiag list` for the leftover compute system; `docker ps -a` / `crictl ps -a`.",
      "Remove the leftover container, or restart the runtime so it reconciles its state."}},
    {HCN_ERROR_CONSTANT(HcsSystemAlreadyStopped),
     "HCS_E_SYSTEM_ALREADY_STOPPED: an HCS (compute system) error, not one of HNS: the container or VM the "
     "call names is not running (any more).",
     {"A network endpoint detached (or a port mapping removed) from a container that has already stopped: "
      "the runtime cleans up after the container's exit.",
      "A shutdown or terminate sent twice to the same container."},
     {"The container's state: `hcsdiag list`, `docker ps -a`, `crictl ps -a`.",
      "Whether its endpoint is left behind: `Get-HnsEndpoint` for endpoints of containers that no longer "
      "run."}},
    {HCN_ERROR_CONSTANT(HcsOperationTimeout),
     "HCS_E_OPERATION_TIMEOUT: an HCS (compute system) error, not one of HNS: an operation on a container "
     "or VM (create, start, a change such as adding a network adapter) did not complete in time.",
     {"A host short of memory, CPU or disk throughput, or many containers created at once.",
      "vmcompute or HNS hung or busy, so that a network adapter could not be added in time."},
     {"`Get-Service vmcompute, hns` and the time of their last restart; `hcsdiag list`.",
      "The Hyper-V-Compute event log: `Get-WinEvent -LogName Microsoft-Windows-Hyper-V-Compute-Admin "
      "-MaxEvents 50`.",
      "The HNS event log: `Get-WinEvent -LogName Microsoft-Windows-Host-Network-Service-Admin -MaxEvents "
      "50`."}},
    {HCN_ERROR_CONSTANT(HcsAccessDenied),
     "HCS_E_ACCESS_DENIED: an HCS (compute system) error, not one of HNS: the caller is neither an "
     "administrator nor a member of the Hyper-V Administrators group, which HCS requires.",
     {"A runtime, a plugin or a tool (hcsdiag) run as a user that is not an administrator, or from a shell "
      "that is not elevated."},
     {"`whoami /groups` for Administrators or Hyper-V Administrators; run from an elevated shell.",
      "`Add-LocalGroupMember -Group \"Hyper-V Administrators\" -Member USER` (the user signs in again "
      "afterwards)."}},
    {HCN_ERROR_CONSTANT(HcsServiceDisconnect),
     "HCS_E_SERVICE_DISCONNECT: an HCS (compute system) error, not one of HNS: the Host Compute Service "
     "(vmcompute) went away while a call to it was in flight.",
     {"vmcompute crashed, or was stopped or restarted (an update, an administrator) during the call."},
     {"`Get-Service vmcompute`; its stops and crashes in the System log: `Get-WinEvent -FilterHashtable "
      "@{LogName='System'; ProviderName='Service Control Manager'} -MaxEvents 50`.",
      "The Hyper-V-Compute event log: `Get-WinEvent -LogName Microsoft-Windows-Hyper-V-Compute-Admin "
      "-MaxEvents 50`."}},
};

} // namespace

std::span<const ErrorCatalogEntry> win32ErrorEntries()
{
    return kWin32Entries;
}

} // namespace hcn::detail
