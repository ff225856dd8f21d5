// HRESULT names and message texts.

#include "hcn/hresult.h"

#include "common/text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>

namespace hcn {
namespace {

struct HResultInfo
{
    HResult code;
    std::string_view name;
    std::string_view message;
};

// Messages take the Windows system-message form: one sentence and a trailing space, so that
// ErrorRecord.Error reads like the records HNS writes. The HCN and GCN texts are Windows' own (winerror.h
// as Microsoft's HCN error code reference lists them; ErrorRecords in field reports carry the same
// sentences).
constexpr std::array kHResults{
    HResultInfo{hr::Ok, "S_OK", "The operation completed successfully. "},
    HResultInfo{hr::NotImplemented, "E_NOTIMPL", "Not implemented. "},
    HResultInfo{hr::Pointer, "E_POINTER", "Invalid pointer. "},
    HResultInfo{hr::Abort, "E_ABORT", "Operation aborted. "},
    HResultInfo{hr::Unexpected, "E_UNEXPECTED", "Catastrophic failure. "},
    HResultInfo{hr::Fail, "E_FAIL", "Unspecified error. "},
    HResultInfo{hr::InvalidArg, "E_INVALIDARG", "The parameter is incorrect. "},
    HResultInfo{hr::AccessDenied, "E_ACCESSDENIED", "Access is denied. "},
    HResultInfo{hr::Handle, "E_HANDLE", "The handle is invalid. "},
    HResultInfo{hr::OutOfMemory, "E_OUTOFMEMORY",
                "Not enough memory resources are available to complete this operation. "},
    HResultInfo{hr::ElementNotFound, "ERROR_NOT_FOUND", "Element not found. "},
    HResultInfo{hr::AlreadyExists, "ERROR_ALREADY_EXISTS",
                "Cannot create a file when that file already exists. "},
    HResultInfo{
        hr::AddressInUse, "WSAEADDRINUSE",
        "Only one usage of each socket address (protocol/network address/port) is normally permitted. "},
    HResultInfo{hr::DupName, "ERROR_DUP_NAME",
                "You were not connected because a duplicate name exists on the network. "},
    HResultInfo{hr::FileNotFound, "ERROR_FILE_NOT_FOUND", "The system cannot find the file specified. "},
    HResultInfo{hr::ModNotFound, "ERROR_MOD_NOT_FOUND", "The specified module could not be found. "},
    HResultInfo{hr::ProcNotFound, "ERROR_PROC_NOT_FOUND", "The specified procedure could not be found. "},
    HResultInfo{hr::GenFailure, "ERROR_GEN_FAILURE", "A device attached to the system is not functioning. "},
    HResultInfo{hr::NotReady, "ERROR_NOT_READY", "The device is not ready. "},
    // FormatMessage gives this text on two lines, its inserts left in (%1, %2, %3) as hcsshim logs it.
    HResultInfo{hr::WrongDisk, "ERROR_WRONG_DISK",
                "The wrong diskette is in the drive. Insert %2 (Volume Serial Number: %3) into drive %1. "},
    HResultInfo{hr::SharingViolation, "ERROR_SHARING_VIOLATION",
                "The process cannot access the file because it is being used by another process. "},
    HResultInfo{hr::ServiceDisabled, "ERROR_SERVICE_DISABLED",
                "The service cannot be started, either because it is disabled or because it has no enabled "
                "devices associated with it. "},
    HResultInfo{hr::ServiceNotActive, "ERROR_SERVICE_NOT_ACTIVE", "The service has not been started. "},
    HResultInfo{hr::ServiceDoesNotExist, "ERROR_SERVICE_DOES_NOT_EXIST",
                "The specified service does not exist as an installed service. "},
    HResultInfo{hr::Timeout, "ERROR_TIMEOUT", "This operation returned because the timeout period expired. "},
    HResultInfo{hr::RpcServerUnavailable, "RPC_S_SERVER_UNAVAILABLE", "The RPC server is unavailable. "},
    HResultInfo{hr::EndpointMapperEmpty, "EPT_S_NOT_REGISTERED",
                "There are no more endpoints available from the endpoint mapper. "},
    HResultInfo{hr::InvalidData, "ERROR_INVALID_DATA", "The data is invalid. "},
    HResultInfo{hr::NotSupported, "ERROR_NOT_SUPPORTED", "The request is not supported. "},
    HResultInfo{hr::BadNetName, "ERROR_BAD_NET_NAME", "The network name cannot be found. "},
    HResultInfo{hr::RpcCallFailed, "RPC_S_CALL_FAILED", "The remote procedure call failed. "},
    HResultInfo{hr::RpcCallFailedNotRun, "RPC_S_CALL_FAILED_DNE",
                "The remote procedure call failed and did not execute. "},
    HResultInfo{hr::ObjectAlreadyExists, "ERROR_OBJECT_ALREADY_EXISTS", "The object already exists. "},
    HResultInfo{hr::InvalidState, "ERROR_INVALID_STATE",
                "The group or resource is not in the correct state to perform the requested operation. "},
    HResultInfo{hr::ObjectNameExists, "ERROR_OBJECT_NAME_EXISTS",
                "{Object Exists} An attempt was made to create an object and the object name already "
                "existed. "},
    HResultInfo{hr::UnhandledException, "ERROR_UNHANDLED_EXCEPTION",
                "{Application Error} The exception %s (0x%08lx) occurred in the application at location "
                "0x%08lx. "},
    HResultInfo{hr::DeletePending, "ERROR_DELETE_PENDING",
                "The file cannot be opened because it is in the process of being deleted. "},
    HResultInfo{hr::BadNetPath, "ERROR_BAD_NETPATH", "The network path was not found. "},
    // WMI's own texts for its codes, as Hyper-V's VMMS writes them in its events (`Not found (0x80041002)`).
    HResultInfo{hr::WmiFailed, "WBEM_E_FAILED", "Generic failure "},
    HResultInfo{hr::WmiNotFound, "WBEM_E_NOT_FOUND", "Not found "},
    HResultInfo{hr::WmiAccessDenied, "WBEM_E_ACCESS_DENIED", "Access denied "},
    HResultInfo{hr::WmiInvalidParameter, "WBEM_E_INVALID_PARAMETER", "Invalid parameter "},
    HResultInfo{hr::HcsTerminatedDuringStart, "HCS_E_TERMINATED_DURING_START",
                "The virtual machine or container exited unexpectedly while starting. "},
    HResultInfo{hr::HcsImageMismatch, "HCS_E_IMAGE_MISMATCH",
                "The container operating system does not match the host operating system. "},
    HResultInfo{hr::HcsInvalidState, "HCS_E_INVALID_STATE",
                "The requested virtual machine or container operation is not valid in the current state. "},
    HResultInfo{hr::HcsUnexpectedExit, "HCS_E_UNEXPECTED_EXIT",
                "The virtual machine or container exited unexpectedly. "},
    HResultInfo{hr::HcsConnectFailed, "HCS_E_CONNECT_FAILED",
                "A connection could not be established with the container or virtual machine. "},
    HResultInfo{hr::HcsConnectionTimeout, "HCS_E_CONNECTION_TIMEOUT",
                "The operation timed out because a response was not received from the virtual machine or "
                "container. "},
    HResultInfo{hr::HcsConnectionClosed, "HCS_E_CONNECTION_CLOSED",
                "The connection with the virtual machine or container was closed. "},
    HResultInfo{hr::HcsInvalidJson, "HCS_E_INVALID_JSON",
                "The virtual machine or container JSON document is invalid. "},
    HResultInfo{hr::HcsSystemNotFound, "HCS_E_SYSTEM_NOT_FOUND",
                "A virtual machine or container with the specified identifier does not exist. "},
    HResultInfo{hr::HcsSystemAlreadyExists, "HCS_E_SYSTEM_ALREADY_EXISTS",
                "A virtual machine or container with the specified identifier already exists. "},
    HResultInfo{hr::HcsSystemAlreadyStopped, "HCS_E_SYSTEM_ALREADY_STOPPED",
                "The virtual machine or container with the specified identifier is not running. "},
    HResultInfo{hr::HcsOperationTimeout, "HCS_E_OPERATION_TIMEOUT",
                "The operation did not complete in time. "},
    HResultInfo{hr::HcsAccessDenied, "HCS_E_ACCESS_DENIED",
                "Insufficient privileges. Only administrators or users that are members of the Hyper-V "
                "Administrators user group are permitted to access virtual machines or containers. To add "
                "yourself to the Hyper-V Administrators user group, please see https://aka.ms/hcsadmin for "
                "more information. "},
    HResultInfo{hr::HcsServiceDisconnect, "HCS_E_SERVICE_DISCONNECT",
                "The host compute system service has disconnected unexpectedly. "},
    HResultInfo{hr::NetworkNotFound, "HCN_E_NETWORK_NOT_FOUND", "The network was not found. "},
    HResultInfo{hr::EndpointNotFound, "HCN_E_ENDPOINT_NOT_FOUND", "The endpoint was not found. "},
    HResultInfo{hr::LayerNotFound, "HCN_E_LAYER_NOT_FOUND", "The network's underlying layer was not found. "},
    HResultInfo{hr::SwitchNotFound, "HCN_E_SWITCH_NOT_FOUND", "The virtual switch was not found. "},
    HResultInfo{hr::SubnetNotFound, "HCN_E_SUBNET_NOT_FOUND",
                "The network does not have a subnet for this endpoint. "},
    HResultInfo{hr::AdapterNotFound, "HCN_E_ADAPTER_NOT_FOUND", "An adapter was not found. "},
    HResultInfo{hr::PortNotFound, "HCN_E_PORT_NOT_FOUND", "The switch-port was not found. "},
    HResultInfo{hr::PolicyNotFound, "HCN_E_POLICY_NOT_FOUND", "An expected policy was not found. "},
    HResultInfo{hr::VfpPortSettingNotFound, "HCN_E_VFP_PORTSETTING_NOT_FOUND",
                "A required VFP port setting was not found. "},
    HResultInfo{hr::InvalidNetwork, "HCN_E_INVALID_NETWORK",
                "The provided network configuration is invalid or missing parameters. "},
    HResultInfo{hr::InvalidNetworkType, "HCN_E_INVALID_NETWORK_TYPE", "Invalid network type. "},
    HResultInfo{hr::InvalidEndpoint, "HCN_E_INVALID_ENDPOINT",
                "The provided endpoint configuration is invalid or missing parameters. "},
    HResultInfo{hr::InvalidPolicy, "HCN_E_INVALID_POLICY",
                "The provided policy configuration is invalid or missing parameters. "},
    HResultInfo{hr::InvalidPolicyType, "HCN_E_INVALID_POLICY_TYPE", "Invalid policy type. "},
    HResultInfo{hr::InvalidRemoteEndpointOperation, "HCN_E_INVALID_REMOTE_ENDPOINT_OPERATION",
                "This requested operation is invalid for a remote endpoint. "},
    HResultInfo{hr::NetworkAlreadyExists, "HCN_E_NETWORK_ALREADY_EXISTS",
                "A network with this name already exists. "},
    // Microsoft's table gives this code and GCN_E_REQUEST_UNSUPPORTED the sentence of the code before
    // them (HCN_E_NETWORK_ALREADY_EXISTS, HCN_E_REQUEST_UNSUPPORTED): a text two codes share could only
    // ever name the first, so these two keep a wording of their own.
    HResultInfo{hr::LayerAlreadyExists, "HCN_E_LAYER_ALREADY_EXISTS",
                "A network layer with this name already exists. "},
    HResultInfo{hr::PolicyAlreadyExists, "HCN_E_POLICY_ALREADY_EXISTS",
                "Policy information already exists on this object. "},
    HResultInfo{hr::PortAlreadyExists, "HCN_E_PORT_ALREADY_EXISTS", "The specified port already exists. "},
    HResultInfo{hr::EndpointAlreadyAttached, "HCN_E_ENDPOINT_ALREADY_ATTACHED",
                "This endpoint is already attached to the switch. "},
    HResultInfo{hr::RequestUnsupported, "HCN_E_REQUEST_UNSUPPORTED",
                "The specified request is unsupported. "},
    HResultInfo{hr::MappingNotSupported, "HCN_E_MAPPING_NOT_SUPPORTED",
                "Port mapping is not supported on the given network. "},
    HResultInfo{hr::DegradedOperation, "HCN_E_DEGRADED_OPERATION",
                "There was an operation attempted on a degraded object. "},
    HResultInfo{hr::SharedSwitchModification, "HCN_E_SHARED_SWITCH_MODIFICATION",
                "Cannot modify a switch shared by multiple networks. "},
    HResultInfo{hr::GuidConversionFailure, "HCN_E_GUID_CONVERSION_FAILURE",
                "Failed to interpret a parameter as a GUID. "},
    HResultInfo{hr::RegKeyFailure, "HCN_E_REGKEY_FAILURE", "Failed to process registry key. "},
    HResultInfo{hr::InvalidJson, "HCN_E_INVALID_JSON", "Invalid JSON document string. "},
    HResultInfo{hr::InvalidJsonReference, "HCN_E_INVALID_JSON_REFERENCE",
                "The reference is invalid in the JSON document. "},
    HResultInfo{hr::EndpointSharingDisabled, "HCN_E_ENDPOINT_SHARING_DISABLED",
                "Endpoint sharing is disabled. "},
    HResultInfo{hr::InvalidIp, "HCN_E_INVALID_IP",
                "IP address is either invalid or not part of any configured subnet(s). "},
    HResultInfo{hr::SwitchExtensionNotFound, "HCN_E_SWITCH_EXTENSION_NOT_FOUND",
                "The specified switch extension does not exist on this switch. "},
    HResultInfo{hr::ManagerStopped, "HCN_E_MANAGER_STOPPED",
                "Operation cannot be performed while service is stopping. "},
    HResultInfo{hr::GcnModuleNotFound, "GCN_E_MODULE_NOT_FOUND",
                "Operation cannot be performed while service module not found. "},
    HResultInfo{hr::GcnNoRequestHandlers, "GCN_E_NO_REQUEST_HANDLERS",
                "Request Handlers not present to handle the JSON request. "},
    HResultInfo{hr::GcnRequestUnsupported, "GCN_E_REQUEST_UNSUPPORTED",
                "The guest network service does not support this request. "},
    HResultInfo{hr::GcnRuntimeKeysFailed, "GCN_E_RUNTIMEKEYS_FAILED",
                "Add runtime keys to container failed. "},
    HResultInfo{hr::GcnNetAdapterTimeout, "GCN_E_NETADAPTER_TIMEOUT",
                "Timeout while waiting for network adapter with the given instance id. "},
    HResultInfo{hr::GcnNetAdapterNotFound, "GCN_E_NETADAPTER_NOT_FOUND",
                "Network adapter not found for the given instance id. "},
    HResultInfo{hr::GcnNetCompartmentNotFound, "GCN_E_NETCOMPARTMENT_NOT_FOUND",
                "Network compartment not found for the given id. "},
    HResultInfo{hr::GcnNetInterfaceNotFound, "GCN_E_NETINTERFACE_NOT_FOUND",
                "Network interface not found for the given id. "},
    HResultInfo{hr::GcnDefaultNamespaceExists, "GCN_E_DEFAULTNAMESPACE_EXISTS",
                "Default Namespace already exists. "},
    HResultInfo{hr::IcsDisabled, "HCN_E_ICS_DISABLED",
                "Internet Connection Sharing service (SharedAccess) is disabled and cannot be started. "},
    HResultInfo{hr::EndpointNamespaceAlreadyExists, "HCN_E_ENDPOINT_NAMESPACE_ALREADY_EXISTS",
                "This requested operation is invalid as endpoint is already part of a network namespace. "},
    HResultInfo{hr::EntityHasReferences, "HCN_E_ENTITY_HAS_REFERENCES",
                "The specified entity cannot be removed while it still has references. "},
    HResultInfo{hr::InvalidInternalPort, "HCN_E_INVALID_INTERNAL_PORT",
                "The internal port must exist and cannot be zero. "},
    HResultInfo{hr::NamespaceAttachFailed, "HCN_E_NAMESPACE_ATTACH_FAILED",
                "The requested operation for attach namespace failed. "},
    HResultInfo{hr::AddrInvalidOrReserved, "HCN_E_ADDR_INVALID_OR_RESERVED",
                "An address provided is invalid or reserved. "},
    HResultInfo{hr::InvalidPrefix, "HCN_E_INVALID_PREFIX", "The prefix provided is invalid. "},
    HResultInfo{hr::ObjectUsedAfterUnload, "HCN_E_OBJECT_USED_AFTER_UNLOAD",
                "A call was performed against an object that was torn down. "},
    HResultInfo{hr::InvalidSubnet, "HCN_E_INVALID_SUBNET",
                "The provided subnet configuration is invalid or missing parameters. "},
    // Microsoft's table lists this one as "he provided IP subnet ...": its first letter lost.
    HResultInfo{hr::InvalidIpSubnet, "HCN_E_INVALID_IP_SUBNET",
                "The provided IP subnet configuration is invalid or missing parameters. "},
    HResultInfo{hr::EndpointNotAttached, "HCN_E_ENDPOINT_NOT_ATTACHED",
                "The endpoint must be attached to complete the operation. "},
    HResultInfo{hr::EndpointNotLocal, "HCN_E_ENDPOINT_NOT_LOCAL",
                "The endpoint must be local to complete the operation. "},
    HResultInfo{hr::InterfaceParametersAlreadyApplied, "HCN_INTERFACEPARAMETERS_ALREADY_APPLIED",
                "Cannot apply more than one InterfaceParameters policy. "},
    HResultInfo{hr::VfpNotAllowed, "HCN_E_VFP_NOT_ALLOWED",
                "A network of this type can not be created because VFP is not available. "},
};

/// Other wordings of a code's message that logs show, besides the one above.
struct OtherWording
{
    HResult code;
    std::string_view text;
};
constexpr OtherWording kOtherWordings[] = {
    // An older Windows words it so.
    {hr::HcsSystemNotFound, "A Compute System with the specified identifier does not exist."},
    {hr::HcsConnectFailed,
     "A connection could not be established with the Virtual Machine hosting the Container."},
    // Windows in other languages: only texts known for certain.
    {hr::ElementNotFound, "Element nicht gefunden."}, // German
    {hr::ElementNotFound, "\u042d\u043b\u0435\u043c\u0435\u043d\u0442 \u043d\u0435 "
                          "\u043d\u0430\u0439\u0434\u0435\u043d."}, // Russian
    {hr::ElementNotFound, "\u627e\u4e0d\u5230\u5143\u7d20\u3002"},  // Chinese (Simplified)
    {hr::ElementNotFound, "\u8981\u7d20\u304c\u898b\u3064\u304b\u308a\u307e\u305b\u3093\u3002"}, // Japanese
    // Chinese (Simplified), as docker on such a Windows prints HNS's failure.
    {hr::DeletePending, "\u4e0d\u80fd\u6253\u5f00\u6587\u4ef6\uff0c\u56e0\u4e3a\u5b83\u6b63\u5728\u88ab"
                        "\u5220\u9664\u3002"},
    // Earlier releases of this service wrote these into their ErrorRecords and logs.
    {hr::VfpPortSettingNotFound, "A VFP port setting was not found."},
    {hr::InvalidNetwork, "The network configuration is invalid or incomplete."},
    {hr::InvalidNetworkType, "The network type is invalid."},
    {hr::InvalidEndpoint, "The endpoint configuration is invalid or incomplete."},
    {hr::InvalidPolicy, "The policy configuration is invalid or incomplete."},
    {hr::InvalidPolicyType, "The policy type is invalid."},
    {hr::InvalidRemoteEndpointOperation, "This operation is not allowed on a remote endpoint."},
    {hr::PolicyAlreadyExists, "The policy is already present on this object."},
    {hr::EndpointAlreadyAttached, "The endpoint is already attached to the switch."},
    {hr::MappingNotSupported, "Port mapping is not supported on this network."},
    {hr::DegradedOperation, "The operation was attempted on an object that is degraded."},
    {hr::SharedSwitchModification, "A switch shared by several networks cannot be modified."},
    {hr::GuidConversionFailure, "The parameter is not a valid GUID."},
    {hr::RegKeyFailure, "A registry key could not be processed."},
    {hr::InvalidJson, "The JSON document string is invalid."},
    {hr::InvalidJsonReference, "A reference inside the JSON document is invalid."},
    {hr::InvalidIp, "The IP address is invalid or is not in any configured subnet."},
    {hr::SwitchExtensionNotFound, "The switch extension was not found on this switch."},
    {hr::ManagerStopped, "The service is stopping."},
    {hr::GcnModuleNotFound, "The guest network service module was not found."},
    {hr::GcnNoRequestHandlers, "The guest network service has no handler for this request."},
    {hr::GcnRuntimeKeysFailed, "The guest network service could not add its runtime keys."},
    {hr::GcnNetAdapterTimeout, "The guest network adapter did not appear in time."},
    {hr::GcnNetAdapterNotFound, "The guest network adapter for this instance was not found."},
    {hr::GcnNetCompartmentNotFound, "The guest network compartment was not found."},
    {hr::GcnNetInterfaceNotFound, "The guest network interface was not found."},
    {hr::GcnDefaultNamespaceExists, "A default namespace already exists."},
    {hr::IcsDisabled, "The SharedAccess (Internet Connection Sharing) service is disabled."},
    {hr::EndpointNamespaceAlreadyExists, "The endpoint already belongs to a namespace."},
    {hr::EntityHasReferences, "The object is still referenced and cannot be removed."},
    {hr::InvalidInternalPort, "The internal port is missing or zero."},
    {hr::NamespaceAttachFailed, "The namespace could not be attached."},
    {hr::InvalidPrefix, "The prefix is invalid."},
    {hr::ObjectUsedAfterUnload, "The call was made against an object that was already torn down."},
    {hr::InvalidSubnet, "The subnet configuration is invalid or incomplete."},
    {hr::InvalidIpSubnet, "The IP subnet configuration is invalid or incomplete."},
    {hr::EndpointNotAttached, "The endpoint must be attached first."},
    {hr::EndpointNotLocal, "The endpoint must be a local endpoint."},
    {hr::InterfaceParametersAlreadyApplied,
     "Interface parameters have already been applied to this endpoint."},
    {hr::VfpNotAllowed, "This network type needs VFP, and VFP is not available."},
};

struct KnownMessageKey
{
    std::string key;
    HResult code;
};

/// The match keys of every failure code's wordings: Windows' texts first, in the table's order, then
/// the other wordings.
const std::vector<KnownMessageKey>& knownMessageKeys()
{
    static const std::vector<KnownMessageKey> keys = [] {
        std::vector<KnownMessageKey> all;
        // WMI's short texts (`Not found`, `Access denied`) are words any program writes: no code is read
        // from them.
        for (const auto& info : kHResults)
            if (failed(info.code) && (static_cast<std::uint32_t>(info.code) & 0xFFFFF000u) != 0x80041000u)
                all.push_back({messageMatchKey(info.message), info.code});
        for (const OtherWording& other : kOtherWordings)
            all.push_back({messageMatchKey(other.text), other.code});
        return all;
    }();
    return keys;
}

const HResultInfo* find(HResult code)
{
    for (const auto& info : kHResults)
        if (info.code == code)
            return &info;
    return nullptr;
}

} // namespace

std::size_t messageTitleSize(std::string_view text)
{
    constexpr std::size_t kMaxTitle = 40;
    const std::size_t close = text.find('}');
    if (!text.starts_with('{') || close == std::string_view::npos || close < 3 || close > kMaxTitle ||
        !std::all_of(text.begin() + 1, text.begin() + std::ptrdiff_t(close),
                     [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == ' '; }))
        return 0;
    std::size_t end = close + 1;
    while (end < text.size() && isAsciiSpace(text[end]))
        ++end;
    return end;
}

std::string_view hresultName(HResult code)
{
    const auto* info = find(code);
    return info ? info->name : std::string_view{};
}

std::string_view hresultMessage(HResult code)
{
    if (const auto* info = find(code))
        return info->message;
    return succeeded(code) ? std::string_view("The operation completed successfully. ")
                           : std::string_view("The operation failed. ");
}

bool messageHasInserts(std::string_view text)
{
    for (std::size_t at = text.find('%'); at != std::string_view::npos; at = text.find('%', at + 1)) {
        std::size_t next = at + 1;
        while (next < text.size() && (std::isdigit(static_cast<unsigned char>(text[next])) ||
                                      text[next] == 'l' || text[next] == 'h' || text[next] == 'w'))
            ++next;
        if (next > at + 1 && std::isdigit(static_cast<unsigned char>(text[at + 1])))
            return true; // `%1`, `%12` (a percentage is written `50%`)
        // `%s`, `%08lx`, `%ws`; not an environment variable (`%windir%`).
        if (next < text.size() && std::string_view("sSdiuxXcp").find(text[next]) != std::string_view::npos &&
            (next + 1 == text.size() || !std::isalpha(static_cast<unsigned char>(text[next + 1]))))
            return true;
    }
    return false;
}

std::vector<std::string_view> hresultMessageTexts(HResult code)
{
    std::vector<std::string_view> texts;
    const auto* info = find(code);
    if (!info)
        return texts;
    texts.push_back(trimSpace(info->message));
    for (const OtherWording& other : kOtherWordings)
        if (other.code == code)
            texts.push_back(other.text);
    return texts;
}

std::string messageMatchKey(std::string_view text)
{
    text = trimSpace(text);
    text.remove_prefix(messageTitleSize(text));
    std::string key;
    key.reserve(text.size());
    // No white space at all: a console wrap eats a blank (`alreadyexists`) as often as it adds one.
    for (char c : text)
        if (!isAsciiSpace(c))
            key += lowerAscii(c);
    // A final period, also the ideographic full stop (U+3002) of Chinese and Japanese Windows.
    constexpr std::string_view kIdeographicStop = "\xE3\x80\x82";
    while (!key.empty()) {
        if (key.back() == '.')
            key.pop_back();
        else if (key.ends_with(kIdeographicStop))
            key.resize(key.size() - kIdeographicStop.size());
        else
            break;
    }
    return key;
}

std::optional<HResult> hresultOfMessage(std::string_view text)
{
    const std::string wanted = messageMatchKey(text);
    if (wanted.empty())
        return std::nullopt;
    for (const KnownMessageKey& known : knownMessageKeys())
        if (known.key == wanted)
            return known.code;
    return std::nullopt;
}

namespace {

/// Whether the character of `wording` after its first `keyed` characters as messageMatchKey keeps them (its
/// title and white space passed over) is none, or no letter or digit: they end a word.
bool endsAWord(std::string_view wording, std::size_t keyed)
{
    wording = trimSpace(wording);
    wording.remove_prefix(messageTitleSize(wording));
    std::size_t at = 0;
    for (; at < wording.size() && keyed > 0; ++at)
        keyed -= isAsciiSpace(wording[at]) ? 0 : 1;
    return at == wording.size() || !std::isalnum(static_cast<unsigned char>(wording[at]));
}

} // namespace

std::optional<std::string_view> hresultWordingOf(HResult code, std::string_view text, WordingMatch match)
{
    const std::string key = messageMatchKey(text);
    if (key.empty())
        return std::nullopt;
    for (const std::string_view wording : hresultMessageTexts(code)) {
        const std::string known = messageMatchKey(wording);
        if (match == WordingMatch::Whole
                ? known == key
                : known.starts_with(key) && (match == WordingMatch::Start || endsAWord(wording, key.size())))
            return wording;
    }
    return std::nullopt;
}

bool hresultFromName(std::string_view name, HResult& out)
{
    for (const auto& info : kHResults) {
        if (equalsIgnoreCase(info.name, name)) {
            out = info.code;
            return true;
        }
    }
    return false;
}

std::vector<HResult> namedHResults()
{
    std::vector<HResult> codes;
    codes.reserve(kHResults.size());
    for (const auto& info : kHResults)
        codes.push_back(info.code);
    return codes;
}

std::string hresultHex(HResult code)
{
    char text[11];
    std::snprintf(text, sizeof text, "0x%08X", static_cast<unsigned>(code));
    return text;
}

} // namespace hcn
