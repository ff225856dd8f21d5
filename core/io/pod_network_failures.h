#pragma once
// A pod sandbox whose network the container runtime could not set up or tear down, for a reason no
// reader of HNS's refusals states (internal to core/io): kubelet's `Failed to create pod sandbox: ... failed
// to setup network for sandbox "<id>": failed to parse netns <guid>`, a CNI plugin's `plugin type="calico"
// failed (add): ...`, dockershim's `networkPlugin cni failed to set up pod "web_default" network: ...`.
// The pod has no network: the first thing a support engineer looks for in a kubelet log.

#include "io/logged_error.h"

#include <optional>
#include <string_view>

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
std::optional<LoggedError> podNetworkFailureIn(std::string_view text, std::string_view lower);

} // namespace hcn::io::logged
