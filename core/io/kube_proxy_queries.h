#pragma once
// What kube-proxy's Windows proxier (winkernel, hns.go / hnsV2.go) logs of its queries to HNS (internal to
// core/io): `"Queried load balancers" count=7`, `"Queried endpoints from network" network="cbr0"`, `"Queried
// endpoints details" network="cbr0" endpointInfos={...}`, and the policy syncs they serve (`"Syncing
// Policies"`). No object: a summary of what the log says of HNS.

#include "hcn/dump_text.h"

#include <string>
#include <string_view>
#include <vector>

namespace hcn::io {

/// The value a structured log line gives `key` (case as written): klog's `key=value` and `key="value"`,
/// a JSON log record's `"key":"value"` and `"key":7`; empty when the line gives none. A quoted value is
/// returned without its quotes.
std::string_view structuredLogField(std::string_view text, std::string_view key);

/// One info for `lines` when kube-proxy's proxier logs queries to HNS in them: "kube-proxy queried HNS
/// network cbr0 for its endpoints and 7 load balancers, and synced its policies 2 times (lines 2-3,
/// 7-8)", the networks by name, the counts it logs (each count in order when they differ), at the lines
/// that log them. Empty when it logs none.
std::vector<ImportWarning> kubeProxyQueriesIn(const std::vector<CleanedLine>& lines);

} // namespace hcn::io
