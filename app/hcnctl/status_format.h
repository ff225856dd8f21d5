#pragma once
// How hcnctl reports a failed call: one line for people, a JSON-RPC error object for scripts.

#include "hcn/status.h"

#include <iosfwd>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

namespace hcn::ctl {

/// "HCN_E_NETWORK_NOT_FOUND (0x803B0001): The network was not found." (the name is left out for codes
/// without one).
std::string describeStatus(const Status& status);
/// What the code means, from the error catalog, and where to read more: "The network named in the call
/// does not exist on the host. Run `hcnctl explain 0x803B0001` for causes and checks."
std::string explainLine(const Status& status);
/// describeStatus and explainLine on two lines, each after `prefix` ("hcnctl: ").
void writeStatus(std::ostream& err, std::string_view prefix, const Status& status);
/// {"code": <HRESULT as signed 32-bit>, "message": ..., "data": {"HResult","Name","ErrorRecord"}}, the
/// shape hcnd uses for a failed HCN call (docs/rpc.md).
nlohmann::ordered_json errorObject(const Status& status);

} // namespace hcn::ctl
