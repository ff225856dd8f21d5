#pragma once
// kube-proxy's Windows proxier (winkernel) panicking (internal to core/io): a Go stack trace whose frames
// are in k8s.io/kubernetes/pkg/proxy/winkernel, with the panic's message before it when the paste holds
// it (`panic: runtime error: ...`, klog's `"Observed a panic" panic="..."`). kube-proxy exits and
// restarts: no service on the node is programmed while it is down, and a panic in its HNS calls points
// at an HNS object it could not handle.

#include "hcn/dump_text.h"

#include <utility>
#include <vector>

namespace hcn::io {

/// One warning per different panic (its message and innermost winkernel frame), with how often and
/// where: "kube-proxy panicked in its HNS calls (winkernel hns.getAllLoadBalancers, hns.go:352): runtime
/// error: index out of range [0] with length 0; it exits, and no service on the node is programmed until
/// it is back", "in its Windows proxier (winkernel proxier.go:1124)" when no frame of its HNS calls is
/// the innermost, "the panic's message is not in the paste" when none stands before the trace. The lines
/// each warning states (the message to the trace's last frame) go to `said`.
std::vector<ImportWarning> kubeProxyPanicsIn(const std::vector<CleanedLine>& lines,
                                             std::vector<std::pair<int, int>>& said);

} // namespace hcn::io
