#pragma once
// A pod sandbox whose network the container runtime could not set up or tear down, for a reason no
// reader of HNS's refusals states (internal to core/io): kubelet's `Failed to create pod sandbox: ... failed
// to setup network for sandbox "<id>": failed to parse netns <guid>`, a CNI plugin's `plugin type="calico"
// failed (add): ...`, dockershim's `networkPlugin cni failed to set up pod "web_default" network: ...`,
// kubelet's `Error adding kube-system_coredns/<sandbox> to network win-overlay/vxlan0: ...` and its
// structured `"Error deleting pod from network" err="..." pod="kube-system/coredns"`.
// The pod has no network: the first thing a support engineer looks for in a kubelet log.

#include "io/logged_error.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hcn::io::logged {

/// The failed step as what failed ("set up the network of a pod sandbox", "tear down the network of
/// pod web_default"; with the CNI plugin and network when the reason names them: "(CNI plugin
/// win-bridge, network cbr0)") and the reason after it as the message (LoggedError::podNetwork). None
/// when the line names no such step, is no line of the runtime's (an error or warning record, kubelet's
/// event, the runtime's chain of errors: prose quoting one says nothing), or its reason is a lookup that
/// found nothing (failed_lookups.h says those) or names no reason. A reason with a code is said with it.
/// The reason is read whole, its own quotes with it, up to the runtime's next clause (`, failed to clean
/// up ...`), the `]` closing kubelet's list of errors, the closing quote of the field or string it is
/// quoted in (its quotes escaped once or twice: escaped_quotes.h) or the line's end, and said unescaped.
/// A teardown of the same pod's network on the line is said in the same error: "set up and tear down
/// ..." for the same reason, else its reason after the step ("(tearing it down failed too: "...")").
/// A step that names neither pod nor sandbox is on the pod the record's fields name (as podNetworkStepIn
/// reads them): "set up the network of pod default/web".
std::optional<LoggedError> podNetworkFailureIn(std::string_view text, std::string_view lower);

/// A step on a pod's network a line names, as the report says it.
struct PodNetworkStepSaid
{
    std::string doing;  ///< "setting up", "tearing down"; empty when the line does not say which
    std::string whose;  ///< "pod", "pod sandbox"
    std::string name;   ///< the pod's name (with its sandbox's or container's short ID when the line
                        ///< gives it: "default/web (sandbox 3f9a61c2d8e4)"), else the sandbox's short ID
    std::string plugin; ///< " (CNI plugin win-bridge, network cbr0)"; empty when the line names neither
};

/// The step on a pod's network the line names, whatever its reason (an HNS refusal with its code, a
/// lookup), by the pod the record's fields name where they name one (Calico's and logrus' `Namespace=
/// "default" Pod="web" ContainerID="..."`, klog's `pod="default/web"`, containerd's `PodSandboxMetadata
/// {Name:web,...,Namespace:default,...}`, kubelet's `for pod "web_default(<uid>)"`); a record whose
/// fields name a pod and no step is on that pod's network (set up or torn down when its words say so:
/// `RunPodSandbox`, `failed (add)`). None when the line names neither. A refusal read on the line
/// failed that step.
std::optional<PodNetworkStepSaid> podNetworkStepIn(std::string_view text, std::string_view lower);

/// Steps in words, those of one kind and plugin together: "setting up the network of pod sandboxes
/// 3f9a61c2d8e4 and b27e04a9c1f5 (CNI plugin nat)"; at most three names a group, then "N more".
std::string podNetworkStepsSaid(const std::vector<PodNetworkStepSaid>& steps);

} // namespace hcn::io::logged
