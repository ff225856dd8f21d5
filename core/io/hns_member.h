#pragma once
// Whether a value cut by the paste or the logger shows an HNS object, so that its cut is worth a warning.

#include "hcn/resource_kind.h"

#include <nlohmann/json.hpp>
#include <string_view>

namespace hcn::io {

/// Whether the text before a value says it is a request sent to HNS (a create body) rather than what
/// HNS answered: `Invoke-HNSRequest Method[POST] Path[/networks] Data[`, `request: `, `Request : `,
/// `hnsConfigBytes: `, a body handed to HNS (`body`, `payload`, `Sample Input to HNS:`, `sent to HNS`),
/// an object being made (`Creating HNS endpoint: &{Id: ...`, flannel's `Attempting to create HNSNetwork
/// {...`, `Settings={...`). The last of these and an answer's word ("response", "answer") decides
/// ("Request: ... Response: {"); a body or payload an answer's word names with no "request" after it
/// (`response body:`, `HNS response (status 200) body:`) is no request.
bool isRequestContext(std::string_view context);

/// Whether the words before a request body call it a sample or an example (`Sample Input to HNS:`,
/// `example request:`): a body a text shows to explain what is sent, not one a log says was sent.
bool isSampleRequestContext(std::string_view context);

/// Whether `value` (or a value inside it) holds a member only an HNS object has: an `ID`/`Id` holding a
/// GUID, or an HNS property name (hns_property_names.h) other than the ones any struct may have (`Name`,
/// `Type`, `Flags`, `State`, `Version`, `StartTime`). A `net.Interface` (`Index`, `MTU`, `Name`, `Flags`), a
/// map of addresses or a CNI plugin's log record holds none.
bool showsHnsMember(const nlohmann::json& value);

/// Whether `value` is a Kubernetes API object (a pod, a daemon set, a node): it embeds TypeMeta or
/// ObjectMeta (a Go dump), or holds apiVersion, kind and metadata (JSON). Its members may share HNS's
/// names (a pod's `Namespace`), but it is none of HNS's.
bool isKubernetesObject(const nlohmann::json& value);

/// Whether cutting `value` (read from the text after `context`) lost part of an HNS object the import
/// would show: it shows an HNS member and is no request sent to HNS (those are not imported), no
/// Kubernetes object and no resource of the Network Controller (isNetworkControllerResource: its camel-case
/// `subnets` are none of HNS's).
bool cutLosesHnsObject(const nlohmann::json& value, std::string_view context);

/// The kind the words logged before a value name (`Hns Endpoint resource,`, `Found existing HNS network`,
/// `loadBalancer=`): the last one named, or with `first` the first; Invalid when they name none.
ResourceKind kindNamedIn(std::string_view words, bool first = false);

/// Whether a dump cut inside the value of `member` shows the start of an HNS object's ID: `member` is `Id`
/// or `ID`, what the value shows (`shown`) can start a GUID (hex digits, dashes where a GUID has them),
/// and the text before the dump (`context`) is no request sent to HNS.
bool cutInHnsId(std::string_view member, std::string_view shown, std::string_view context);

/// The kind of HNS object a dump cut before any of its members was complete shows the start of, or
/// Invalid: the cut fell in its ID (`member` is `Id` or `ID`), what the ID shows (`shown`) can start a
/// GUID, and the type printed (`typeKind`, from `hcn.HostComputeEndpoint{`) or else the words before the
/// dump name the kind; with only the words, the ID shows its first group and dash (a 64-digit container
/// ID never does). A request sent to HNS loses no object.
ResourceKind cutIdShowsHnsObject(std::string_view member, std::string_view shown, ResourceKind typeKind,
                                 std::string_view context);

} // namespace hcn::io
