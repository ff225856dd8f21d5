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
// ErrorRecord.Error reads like the records HNS writes.
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
    HResultInfo{hr::ServiceDisabled, "ERROR_SERVICE_DISABLED",
                "The service cannot be started, either because it is disabled or because it has no enabled "
                "devices associated with it. "},
    HResultInfo{hr::ServiceNotActive, "ERROR_SERVICE_NOT_ACTIVE", "The service has not been started. "},
    HResultInfo{hr::Timeout, "ERROR_TIMEOUT", "This operation returned because the timeout period expired. "},
    HResultInfo{hr::RpcServerUnavailable, "RPC_S_SERVER_UNAVAILABLE", "The RPC server is unavailable. "},
    HResultInfo{hr::EndpointMapperEmpty, "EPT_S_NOT_REGISTERED",
                "There are no more endpoints available from the endpoint mapper. "},
    HResultInfo{hr::InvalidData, "ERROR_INVALID_DATA", "The data is invalid. "},
    HResultInfo{hr::NotSupported, "ERROR_NOT_SUPPORTED", "The request is not supported. "},
    HResultInfo{hr::BadNetName, "ERROR_BAD_NET_NAME", "The network name cannot be found. "},
    HResultInfo{hr::RpcCallFailed, "RPC_S_CALL_FAILED", "The remote procedure call failed. "},
    HResultInfo{hr::ObjectAlreadyExists, "ERROR_OBJECT_ALREADY_EXISTS", "The object already exists. "},
    HResultInfo{hr::InvalidState, "ERROR_INVALID_STATE",
                "The group or resource is not in the correct state to perform the requested operation. "},
    HResultInfo{hr::ObjectNameExists, "ERROR_OBJECT_NAME_EXISTS",
                "{Object Exists} An attempt was made to create an object and the object name already "
                "existed. "},
    HResultInfo{hr::HcsSystemNotFound, "HCS_E_SYSTEM_NOT_FOUND",
                "A virtual machine or container with the specified identifier does not exist. "},
    HResultInfo{hr::HcsSystemAlreadyExists, "HCS_E_SYSTEM_ALREADY_EXISTS",
                "A virtual machine or container with the specified identifier already exists. "},
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
                "A VFP port setting was not found. "},
    HResultInfo{hr::InvalidNetwork, "HCN_E_INVALID_NETWORK",
                "The network configuration is invalid or incomplete. "},
    HResultInfo{hr::InvalidNetworkType, "HCN_E_INVALID_NETWORK_TYPE", "The network type is invalid. "},
    HResultInfo{hr::InvalidEndpoint, "HCN_E_INVALID_ENDPOINT",
                "The endpoint configuration is invalid or incomplete. "},
    HResultInfo{hr::InvalidPolicy, "HCN_E_INVALID_POLICY",
                "The policy configuration is invalid or incomplete. "},
    HResultInfo{hr::InvalidPolicyType, "HCN_E_INVALID_POLICY_TYPE", "The policy type is invalid. "},
    HResultInfo{hr::InvalidRemoteEndpointOperation, "HCN_E_INVALID_REMOTE_ENDPOINT_OPERATION",
                "This operation is not allowed on a remote endpoint. "},
    HResultInfo{hr::NetworkAlreadyExists, "HCN_E_NETWORK_ALREADY_EXISTS",
                "A network with this name already exists. "},
    HResultInfo{hr::LayerAlreadyExists, "HCN_E_LAYER_ALREADY_EXISTS",
                "A network layer with this name already exists. "},
    HResultInfo{hr::PolicyAlreadyExists, "HCN_E_POLICY_ALREADY_EXISTS",
                "The policy is already present on this object. "},
    HResultInfo{hr::PortAlreadyExists, "HCN_E_PORT_ALREADY_EXISTS", "The specified port already exists. "},
    HResultInfo{hr::EndpointAlreadyAttached, "HCN_E_ENDPOINT_ALREADY_ATTACHED",
                "The endpoint is already attached to the switch. "},
    HResultInfo{hr::RequestUnsupported, "HCN_E_REQUEST_UNSUPPORTED",
                "The specified request is unsupported. "},
    HResultInfo{hr::MappingNotSupported, "HCN_E_MAPPING_NOT_SUPPORTED",
                "Port mapping is not supported on this network. "},
    HResultInfo{hr::DegradedOperation, "HCN_E_DEGRADED_OPERATION",
                "The operation was attempted on an object that is degraded. "},
    HResultInfo{hr::SharedSwitchModification, "HCN_E_SHARED_SWITCH_MODIFICATION",
                "A switch shared by several networks cannot be modified. "},
    HResultInfo{hr::GuidConversionFailure, "HCN_E_GUID_CONVERSION_FAILURE",
                "The parameter is not a valid GUID. "},
    HResultInfo{hr::RegKeyFailure, "HCN_E_REGKEY_FAILURE", "A registry key could not be processed. "},
    HResultInfo{hr::InvalidJson, "HCN_E_INVALID_JSON", "The JSON document string is invalid. "},
    HResultInfo{hr::InvalidJsonReference, "HCN_E_INVALID_JSON_REFERENCE",
                "A reference inside the JSON document is invalid. "},
    HResultInfo{hr::EndpointSharingDisabled, "HCN_E_ENDPOINT_SHARING_DISABLED",
                "Endpoint sharing is disabled. "},
    HResultInfo{hr::InvalidIp, "HCN_E_INVALID_IP",
                "The IP address is invalid or is not in any configured subnet. "},
    HResultInfo{hr::SwitchExtensionNotFound, "HCN_E_SWITCH_EXTENSION_NOT_FOUND",
                "The switch extension was not found on this switch. "},
    HResultInfo{hr::ManagerStopped, "HCN_E_MANAGER_STOPPED", "The service is stopping. "},
    HResultInfo{hr::GcnModuleNotFound, "GCN_E_MODULE_NOT_FOUND",
                "The guest network service module was not found. "},
    HResultInfo{hr::GcnNoRequestHandlers, "GCN_E_NO_REQUEST_HANDLERS",
                "The guest network service has no handler for this request. "},
    HResultInfo{hr::GcnRequestUnsupported, "GCN_E_REQUEST_UNSUPPORTED",
                "The guest network service does not support this request. "},
    HResultInfo{hr::GcnRuntimeKeysFailed, "GCN_E_RUNTIMEKEYS_FAILED",
                "The guest network service could not add its runtime keys. "},
    HResultInfo{hr::GcnNetAdapterTimeout, "GCN_E_NETADAPTER_TIMEOUT",
                "The guest network adapter did not appear in time. "},
    HResultInfo{hr::GcnNetAdapterNotFound, "GCN_E_NETADAPTER_NOT_FOUND",
                "The guest network adapter for this instance was not found. "},
    HResultInfo{hr::GcnNetCompartmentNotFound, "GCN_E_NETCOMPARTMENT_NOT_FOUND",
                "The guest network compartment was not found. "},
    HResultInfo{hr::GcnNetInterfaceNotFound, "GCN_E_NETINTERFACE_NOT_FOUND",
                "The guest network interface was not found. "},
    HResultInfo{hr::GcnDefaultNamespaceExists, "GCN_E_DEFAULTNAMESPACE_EXISTS",
                "A default namespace already exists. "},
    HResultInfo{hr::IcsDisabled, "HCN_E_ICS_DISABLED",
                "The SharedAccess (Internet Connection Sharing) service is disabled. "},
    HResultInfo{hr::EndpointNamespaceAlreadyExists, "HCN_E_ENDPOINT_NAMESPACE_ALREADY_EXISTS",
                "The endpoint already belongs to a namespace. "},
    HResultInfo{hr::EntityHasReferences, "HCN_E_ENTITY_HAS_REFERENCES",
                "The object is still referenced and cannot be removed. "},
    HResultInfo{hr::InvalidInternalPort, "HCN_E_INVALID_INTERNAL_PORT",
                "The internal port is missing or zero. "},
    HResultInfo{hr::NamespaceAttachFailed, "HCN_E_NAMESPACE_ATTACH_FAILED",
                "The namespace could not be attached. "},
    HResultInfo{hr::AddrInvalidOrReserved, "HCN_E_ADDR_INVALID_OR_RESERVED",
                "An address provided is invalid or reserved. "},
    HResultInfo{hr::InvalidPrefix, "HCN_E_INVALID_PREFIX", "The prefix is invalid. "},
    HResultInfo{hr::ObjectUsedAfterUnload, "HCN_E_OBJECT_USED_AFTER_UNLOAD",
                "The call was made against an object that was already torn down. "},
    HResultInfo{hr::InvalidSubnet, "HCN_E_INVALID_SUBNET",
                "The subnet configuration is invalid or incomplete. "},
    HResultInfo{hr::InvalidIpSubnet, "HCN_E_INVALID_IP_SUBNET",
                "The IP subnet configuration is invalid or incomplete. "},
    HResultInfo{hr::EndpointNotAttached, "HCN_E_ENDPOINT_NOT_ATTACHED",
                "The endpoint must be attached first. "},
    HResultInfo{hr::EndpointNotLocal, "HCN_E_ENDPOINT_NOT_LOCAL", "The endpoint must be a local endpoint. "},
    HResultInfo{hr::InterfaceParametersAlreadyApplied, "HCN_INTERFACEPARAMETERS_ALREADY_APPLIED",
                "Interface parameters have already been applied to this endpoint. "},
    HResultInfo{hr::VfpNotAllowed, "HCN_E_VFP_NOT_ALLOWED",
                "This network type needs VFP, and VFP is not available. "},
};

const HResultInfo* find(HResult code)
{
    for (const auto& info : kHResults)
        if (info.code == code)
            return &info;
    return nullptr;
}

} // namespace

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
