#include "editors/error_hints.h"

namespace hcn::ui {

QString ErrorHints::hint(HResult code)
{
    switch (code) {
    case hr::NetworkNotFound:
        return tr("The network no longer exists; it may have been deleted by another client. Refresh and "
                  "pick another network.");
    case hr::EndpointNotFound:
        return tr("The endpoint no longer exists, or a load balancer lists an endpoint ID that is not on "
                  "this host.");
    case hr::ElementNotFound:
        return tr("The object was not found (namespaces report a missing ID this way).");
    case hr::SubnetNotFound:
        return tr("The network has no subnet that fits: check the IP address against the network's subnets.");
    case hr::PolicyNotFound:
        return tr("The object has no policy with exactly these settings; it may have changed on the host. "
                  "Reload and try again.");
    case hr::InvalidNetwork:
        return tr("The network document is incomplete or inconsistent (subnets, routes, MAC pool).");
    case hr::InvalidNetworkType:
        return tr("Pick one of the network types the host supports (NAT, ICS, Transparent, L2Bridge, "
                  "L2Tunnel, Overlay, Private, Internal, Mirrored).");
    case hr::InvalidEndpoint:
        return tr("The endpoint document is incomplete: a remote endpoint needs an IP address, and the MAC "
                  "pool may be exhausted.");
    case hr::InvalidPolicy:
        return tr("A policy's settings are not valid. ACL address lists do not accept \"Any\": leave the "
                  "field empty to match any address.");
    case hr::InvalidPolicyType:
        return tr("The policy Type is not one this object kind accepts.");
    case hr::InvalidRemoteEndpointOperation:
        return tr("Remote endpoints (Flags = RemoteEndpoint) cannot map ports or join a namespace.");
    case hr::NetworkAlreadyExists:
        return tr("Another network already has this name; network names are unique on a host. Choose "
                  "another name.");
    case hr::PolicyAlreadyExists:
        return tr("The object already has a policy with exactly these settings.");
    case hr::PortAlreadyExists:
        return tr("Another endpoint (or load balancer) already maps this port. Choose another external "
                  "port or remove the other mapping first.");
    case hr::EndpointAlreadyAttached:
        return tr("The endpoint is already bound to a VM port.");
    case hr::RequestUnsupported:
        return tr(
            "The host does not support this request: the field or request type may be newer than "
            "the host's HNS version, or the network type does not allow it (e.g. extra subnets on NAT).");
    case hr::MappingNotSupported:
        return tr("This network type does not support port mappings.");
    case hr::GuidConversionFailure:
        return tr("A field that must be a GUID is not one (8-4-4-4-12 hex digits, no braces).");
    case hr::InvalidJson:
        return tr("The document is not valid JSON or a field has the wrong JSON type; the message names "
                  "the field. Check it in the JSON tab.");
    case hr::InvalidJsonReference:
        return tr("The document refers to another object that does not match (e.g. HostComputeNetwork is "
                  "not the network the endpoint is created on).");
    case hr::InvalidIp:
        return tr("The IP address is not valid or not inside any subnet of the network.");
    case hr::ManagerStopped:
        return tr("The HCN service is stopping; reconnect when it is back.");
    case hr::GcnDefaultNamespaceExists:
        return tr("There can be only one default namespace of this type.");
    case hr::EndpointNamespaceAlreadyExists:
        return tr("The endpoint already belongs to a namespace; detach it there first.");
    case hr::EntityHasReferences:
        return tr("Other objects still use this one (e.g. endpoints attached to a namespace, or addresses "
                  "in a subnet). Detach or delete them first.");
    case hr::InvalidInternalPort:
        return tr("Every port mapping needs an internal port between 1 and 65535.");
    case hr::NamespaceAttachFailed:
        return tr("The endpoint could not join the namespace.");
    case hr::AddrInvalidOrReserved:
        return tr("The address is already in use on this network, or is the subnet's gateway, network or "
                  "broadcast address.");
    case hr::InvalidPrefix:
        return tr("The prefix is not valid (address/length with no host bits set, e.g. 10.0.0.0/24).");
    case hr::ObjectUsedAfterUnload:
        return tr("The object was deleted while it was open; refresh.");
    case hr::InvalidSubnet:
        return tr("A subnet is not valid: it may overlap another network's subnet, or its routes have no "
                  "usable gateway.");
    case hr::InvalidIpSubnet:
        return tr("The IP subnet must lie inside its subnet and not repeat another one.");
    case hr::EndpointNotAttached:
        return tr("The endpoint must be attached first.");
    case hr::InterfaceParametersAlreadyApplied:
        return tr("An endpoint takes at most one InterfaceParameters policy.");
    case hr::AddressInUse:
        return tr("The port is already reserved by another guest network service (WSAEADDRINUSE).");
    case hr::InvalidArg:
        return tr("A parameter is not valid; the message says which.");
    case hr::AlreadyExists:
        return tr("An object with this ID already exists.");
    default:
        return {};
    }
}

QString ErrorHints::title(HResult code)
{
    const auto name = hresultName(code);
    const QString hex = QString::fromStdString(hresultHex(code));
    if (name.empty())
        return hex;
    return QStringLiteral("%1 (%2)").arg(QString::fromUtf8(name.data(), qsizetype(name.size())), hex);
}

} // namespace hcn::ui
