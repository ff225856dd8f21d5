#pragma once

#if defined(HCN_BUILDING_CORE) && defined(QT_CORE_LIB)
#error "hcn_core is Qt-free: do not link Qt into it"
#endif
// HRESULT values the engine returns, with their Windows names and message texts.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hcn {

using HResult = std::int32_t;

constexpr HResult makeHResult(std::uint32_t value)
{
    return static_cast<HResult>(value);
}

namespace hr {
inline constexpr HResult Ok = 0;
inline constexpr HResult NotImplemented = makeHResult(0x80004001);
inline constexpr HResult Pointer = makeHResult(0x80004003);
inline constexpr HResult Abort = makeHResult(0x80004004); ///< an operation cancelled by the user
inline constexpr HResult Unexpected = makeHResult(0x8000FFFF);
inline constexpr HResult Fail = makeHResult(0x80004005); ///< E_FAIL
inline constexpr HResult InvalidArg = makeHResult(0x80070057);
inline constexpr HResult AccessDenied = makeHResult(0x80070005);
inline constexpr HResult Handle = makeHResult(0x80070006);
inline constexpr HResult OutOfMemory = makeHResult(0x8007000E);
inline constexpr HResult ElementNotFound = makeHResult(0x80070490);
inline constexpr HResult AlreadyExists = makeHResult(0x800700B7);
inline constexpr HResult DupName = makeHResult(0x80070034);
inline constexpr HResult AddressInUse = makeHResult(0x80072740); ///< WSAEADDRINUSE
inline constexpr HResult FileNotFound = makeHResult(0x80070002);
inline constexpr HResult ModNotFound = makeHResult(0x8007007E);  ///< ERROR_MOD_NOT_FOUND: a DLL cannot be loaded
inline constexpr HResult ProcNotFound = makeHResult(0x8007007F); ///< ERROR_PROC_NOT_FOUND: a DLL lacks an export
inline constexpr HResult GenFailure = makeHResult(0x8007001F);
inline constexpr HResult NotReady = makeHResult(0x80070015); ///< ERROR_NOT_READY (21)
/// ERROR_WRONG_DISK (34): a storage error that hcsshim's hnsCall logs from HNS (flannel's attach of its
/// bridge endpoint to the host compartment); FormatMessage gives its text on two lines.
inline constexpr HResult WrongDisk = makeHResult(0x80070022);
/// ERROR_SHARING_VIOLATION (32): for a port mapping, the host port is taken by another process.
inline constexpr HResult SharingViolation = makeHResult(0x80070020);
inline constexpr HResult ServiceDisabled = makeHResult(0x80070422);
inline constexpr HResult ServiceNotActive = makeHResult(0x80070426);
/// ERROR_SERVICE_DOES_NOT_EXIST (1060): the service called is not installed on the host.
inline constexpr HResult ServiceDoesNotExist = makeHResult(0x80070424);
inline constexpr HResult Timeout = makeHResult(0x800705B4); ///< HRESULT_FROM_WIN32(ERROR_TIMEOUT)
inline constexpr HResult RpcServerUnavailable = makeHResult(0x800706BA);
inline constexpr HResult EndpointMapperEmpty = makeHResult(0x800706D9); ///< EPT_S_NOT_REGISTERED
inline constexpr HResult InvalidData = makeHResult(0x8007000D);         ///< ERROR_INVALID_DATA
inline constexpr HResult NotSupported = makeHResult(0x80070032);        ///< ERROR_NOT_SUPPORTED
inline constexpr HResult BadNetName = makeHResult(0x80070043);          ///< ERROR_BAD_NET_NAME
inline constexpr HResult RpcCallFailed = makeHResult(0x800706BE);       ///< RPC_S_CALL_FAILED
inline constexpr HResult RpcCallFailedNotRun = makeHResult(0x800706BF); ///< RPC_S_CALL_FAILED_DNE
inline constexpr HResult ObjectAlreadyExists =
    makeHResult(0x80071392);                                     ///< ERROR_OBJECT_ALREADY_EXISTS (5010)
inline constexpr HResult InvalidState = makeHResult(0x8007139F); ///< ERROR_INVALID_STATE (5023)
/// ERROR_OBJECT_NAME_EXISTS (698): the NT status STATUS_OBJECT_NAME_EXISTS as a Win32 error.
inline constexpr HResult ObjectNameExists = makeHResult(0x800702BA);
/// ERROR_UNHANDLED_EXCEPTION (574): the code that served the call raised an exception it did not handle;
/// FormatMessage gives its text on two lines, `{Application Error}` first.
inline constexpr HResult UnhandledException = makeHResult(0x8007023E);
/// ERROR_DELETE_PENDING (303): the object is still being deleted.
inline constexpr HResult DeletePending = makeHResult(0x8007012F);
inline constexpr HResult BadNetPath = makeHResult(0x80070035); ///< ERROR_BAD_NETPATH (53)
/// WMI (facility ITF, 0x8004....): HNS passes the errors of Hyper-V's Virtual Machine Management service
/// (VMMS), which it asks through WMI for the virtual switch and its ports, on to its caller.
inline constexpr HResult WmiFailed = makeHResult(0x80041001);           ///< WBEM_E_FAILED
inline constexpr HResult WmiNotFound = makeHResult(0x80041002);         ///< WBEM_E_NOT_FOUND
inline constexpr HResult WmiAccessDenied = makeHResult(0x80041003);     ///< WBEM_E_ACCESS_DENIED
inline constexpr HResult WmiInvalidParameter = makeHResult(0x80041008); ///< WBEM_E_INVALID_PARAMETER
/// HCS (the compute system service, facility 0x37), in the form its calls return and hcsshim logs
/// (0xC037....; winerror.h writes them 0x8037....): the container or VM exited while it was starting.
inline constexpr HResult HcsTerminatedDuringStart = makeHResult(0xC0370100);
/// HCS: the container image was built for another Windows build than the host's.
inline constexpr HResult HcsImageMismatch = makeHResult(0xC0370101);
/// HCS: the request is not valid in the container's or VM's current state (starting, stopping).
inline constexpr HResult HcsInvalidState = makeHResult(0xC0370105);
/// HCS: the container or VM exited unexpectedly.
inline constexpr HResult HcsUnexpectedExit = makeHResult(0xC0370106);
/// HCS: no connection to the container's or utility VM's guest could be made.
inline constexpr HResult HcsConnectFailed = makeHResult(0xC0370108);
/// HCS: the container's or utility VM's guest did not answer in time.
inline constexpr HResult HcsConnectionTimeout = makeHResult(0xC0370109);
/// HCS: the connection to the container's or utility VM's guest was closed.
inline constexpr HResult HcsConnectionClosed = makeHResult(0xC037010A);
/// HCS: the JSON document describing the container or VM (or a change to it) is invalid.
inline constexpr HResult HcsInvalidJson = makeHResult(0xC037010D);
/// HCS: the container or VM a call names does not exist.
inline constexpr HResult HcsSystemNotFound = makeHResult(0xC037010E);
/// HCS: a container or VM with the ID asked for already exists.
inline constexpr HResult HcsSystemAlreadyExists = makeHResult(0xC037010F);
/// HCS: the container or VM a call names is not running (any more).
inline constexpr HResult HcsSystemAlreadyStopped = makeHResult(0xC0370110);
/// HCS: an operation on a container or VM did not complete in time.
inline constexpr HResult HcsOperationTimeout = makeHResult(0xC0370118);
/// HCS: the caller is neither an administrator nor in the Hyper-V Administrators group.
inline constexpr HResult HcsAccessDenied = makeHResult(0xC037011B);
/// HCS: the compute service (vmcompute) disconnected unexpectedly.
inline constexpr HResult HcsServiceDisconnect = makeHResult(0xC037011E);

inline constexpr HResult NetworkNotFound = makeHResult(0x803B0001);
inline constexpr HResult EndpointNotFound = makeHResult(0x803B0002);
inline constexpr HResult LayerNotFound = makeHResult(0x803B0003);
inline constexpr HResult SwitchNotFound = makeHResult(0x803B0004);
inline constexpr HResult SubnetNotFound = makeHResult(0x803B0005);
inline constexpr HResult AdapterNotFound = makeHResult(0x803B0006);
inline constexpr HResult PortNotFound = makeHResult(0x803B0007);
inline constexpr HResult PolicyNotFound = makeHResult(0x803B0008);
inline constexpr HResult VfpPortSettingNotFound = makeHResult(0x803B0009);
inline constexpr HResult InvalidNetwork = makeHResult(0x803B000A);
inline constexpr HResult InvalidNetworkType = makeHResult(0x803B000B);
inline constexpr HResult InvalidEndpoint = makeHResult(0x803B000C);
inline constexpr HResult InvalidPolicy = makeHResult(0x803B000D);
inline constexpr HResult InvalidPolicyType = makeHResult(0x803B000E);
inline constexpr HResult InvalidRemoteEndpointOperation = makeHResult(0x803B000F);
inline constexpr HResult NetworkAlreadyExists = makeHResult(0x803B0010);
inline constexpr HResult LayerAlreadyExists = makeHResult(0x803B0011);
inline constexpr HResult PolicyAlreadyExists = makeHResult(0x803B0012);
inline constexpr HResult PortAlreadyExists = makeHResult(0x803B0013);
inline constexpr HResult EndpointAlreadyAttached = makeHResult(0x803B0014);
inline constexpr HResult RequestUnsupported = makeHResult(0x803B0015);
inline constexpr HResult MappingNotSupported = makeHResult(0x803B0016);
inline constexpr HResult DegradedOperation = makeHResult(0x803B0017);
inline constexpr HResult SharedSwitchModification = makeHResult(0x803B0018);
inline constexpr HResult GuidConversionFailure = makeHResult(0x803B0019);
inline constexpr HResult RegKeyFailure = makeHResult(0x803B001A);
inline constexpr HResult InvalidJson = makeHResult(0x803B001B);
inline constexpr HResult InvalidJsonReference = makeHResult(0x803B001C);
inline constexpr HResult EndpointSharingDisabled = makeHResult(0x803B001D);
inline constexpr HResult InvalidIp = makeHResult(0x803B001E);
inline constexpr HResult SwitchExtensionNotFound = makeHResult(0x803B001F);
inline constexpr HResult ManagerStopped = makeHResult(0x803B0020);
inline constexpr HResult GcnModuleNotFound = makeHResult(0x803B0021);
inline constexpr HResult GcnNoRequestHandlers = makeHResult(0x803B0022);
inline constexpr HResult GcnRequestUnsupported = makeHResult(0x803B0023);
inline constexpr HResult GcnRuntimeKeysFailed = makeHResult(0x803B0024);
inline constexpr HResult GcnNetAdapterTimeout = makeHResult(0x803B0025);
inline constexpr HResult GcnNetAdapterNotFound = makeHResult(0x803B0026);
inline constexpr HResult GcnNetCompartmentNotFound = makeHResult(0x803B0027);
inline constexpr HResult GcnNetInterfaceNotFound = makeHResult(0x803B0028);
inline constexpr HResult GcnDefaultNamespaceExists = makeHResult(0x803B0029);
inline constexpr HResult IcsDisabled = makeHResult(0x803B002A);
inline constexpr HResult EndpointNamespaceAlreadyExists = makeHResult(0x803B002B);
inline constexpr HResult EntityHasReferences = makeHResult(0x803B002C);
inline constexpr HResult InvalidInternalPort = makeHResult(0x803B002D);
inline constexpr HResult NamespaceAttachFailed = makeHResult(0x803B002E);
inline constexpr HResult AddrInvalidOrReserved = makeHResult(0x803B002F);
inline constexpr HResult InvalidPrefix = makeHResult(0x803B0030);
inline constexpr HResult ObjectUsedAfterUnload = makeHResult(0x803B0031);
inline constexpr HResult InvalidSubnet = makeHResult(0x803B0032);
inline constexpr HResult InvalidIpSubnet = makeHResult(0x803B0033);
inline constexpr HResult EndpointNotAttached = makeHResult(0x803B0034);
inline constexpr HResult EndpointNotLocal = makeHResult(0x803B0035);
inline constexpr HResult InterfaceParametersAlreadyApplied = makeHResult(0x803B0036);
inline constexpr HResult VfpNotAllowed = makeHResult(0x803B0037);
} // namespace hr

constexpr bool succeeded(HResult code)
{
    return code >= 0;
}
constexpr bool failed(HResult code)
{
    return code < 0;
}
/// Whether `code` is one of HCN's own (HCN_E_..., 0x803B....): HNS's refusal in its own words.
constexpr bool isHcnCode(HResult code)
{
    return (static_cast<std::uint32_t>(code) & 0xFFFF0000u) == 0x803B0000u;
}

/// Whether `code` is of HCS, the compute system service (facility 0x37), as its calls return it
/// (0xC037....) or as winerror.h lists it (0x8037....).
constexpr bool isHcsCode(HResult code)
{
    return ((static_cast<std::uint32_t>(code) >> 16) & 0x7FFu) == 0x37u;
}

/// The symbolic Windows name ("HCN_E_INVALID_IP"), or an empty view for an unknown code.
std::string_view hresultName(HResult code);
/// The system message text as Windows formats it (sentence + trailing space), or a generic text.
std::string_view hresultMessage(HResult code);
/// Whether a system message holds FormatMessage's inserts (`%1`, `%s`, `0x%08lx`): a template its caller
/// fills in, no text to show as it stands.
bool messageHasInserts(std::string_view text);
/// Every wording known for the message of `code`, each without the trailing space: the Windows text
/// (hresultMessage) first, then other wordings logs show for it (an older Windows', the one earlier
/// releases of this service wrote, Windows' own in another language where it is known for certain).
/// Empty for a code without a name.
std::vector<std::string_view> hresultMessageTexts(HResult code);
/// The failure code whose message `text` is, in any of its wordings (hresultMessageTexts), compared as
/// messageMatchKey does; should two codes share a text, the first in the table. None for an unknown
/// text.
std::optional<HResult> hresultOfMessage(std::string_view text);
/// The length of the title in braces that starts some Windows messages (`{Object Exists} An attempt
/// was made ...`, the NTSTATUS text Win32 passes on), with the white space after it; 0 when `text`
/// starts with none. A document's `{` is no title: a title holds words only.
std::size_t messageTitleSize(std::string_view text);
/// How two spellings of one message compare: lower case, without white space (a console wrap adds a
/// blank or eats one), without final periods (also the ideographic full stop `。`) or a leading title
/// in braces ("{Object Exists} ").
std::string messageMatchKey(std::string_view text);
/// How hresultWordingOf matches a message to a code's wordings.
enum class WordingMatch
{
    Whole, ///< the message is the wording
    Start, ///< the message is the wording's start (a wrap or the paste cut it)
    Words  ///< the message is the wording's start and ends where one of its words does
};
/// The wording of `code` (hresultMessageTexts) that `text` is, or starts, compared as messageMatchKey does;
/// none when no wording matches.
std::optional<std::string_view> hresultWordingOf(HResult code, std::string_view text, WordingMatch match);
/// Looks a code up by its symbolic name (case-insensitive); returns false when unknown.
bool hresultFromName(std::string_view name, HResult& out);
/// Every code with a name, in the order of the table (S_OK first).
std::vector<HResult> namedHResults();
/// "0x803B001E" spelling.
std::string hresultHex(HResult code);

} // namespace hcn
