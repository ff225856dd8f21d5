#pragma once
// CNI commands a log shows given a plugin that manages a pod's HNS endpoint (internal to core/io):
// azure-vnet's `Processing ADD command` with its arguments and the network configuration it was given
// (zap's JSON record `{"msg":"...","containerId":...,"args":"K8S_POD_NAMESPACE=...","stdinData":"{...}"}`,
// or its text form `{ContainerID:... Args:... StdinData:{...}}`), vpc-shared-eni's `Executing ADD with
// netconfig: &{NetConf:{... Name:vpc Type:vpc-shared-eni} ...}`. Each is a request, never an object.

#include "io/logged_requests.h"

#include <optional>
#include <string>
#include <string_view>

namespace hcn::io {

/// The CNI command `text` names as given (`Processing ADD command`, `Executing DEL`, `CNI_COMMAND=ADD`,
/// `command=CHECK`, `Command: ADD`): "ADD", "DEL" or "CHECK"; empty when it names none.
std::string cniCommandIn(std::string_view text);

/// The CNI command a log line shows given a plugin, with what it asks: the command, the pod (its
/// namespace and name from `Args`' `K8S_POD_NAMESPACE` and `K8S_POD_NAME`, else the container), the
/// plugin and the network its configuration names, and the endpoint policies it asks for (each policy's
/// type and values: `OutBoundNAT (ExceptionList=10.244.0.0/16)`). A request (LoggedRequest::Asker::CniPlugin,
/// `by` the plugin); nullopt when the line names no CNI command with its arguments or configuration.
std::optional<LoggedRequest> cniRequestIn(std::string_view text);

} // namespace hcn::io
