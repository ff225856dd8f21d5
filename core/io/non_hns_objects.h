#pragma once
// Objects other cmdlets print beside HNS output (Hyper-V's switches and VM adapters, WinNAT, the host's
// adapters, addresses, interfaces and routes), told by members no HNS object has.

#include <nlohmann/json_fwd.hpp>
#include <string_view>
#include <vector>

namespace hcn::io {

/// A kind of object that sits next to HNS objects in pastes and is none.
struct NonHnsObjectKind
{
    std::string_view what;    ///< "a Hyper-V virtual switch"
    std::string_view command; ///< the cmdlet that prints it: "Get-VMSwitch"
};

/// The kind whose telltale members are among `names` (spelled as the cmdlets print them: a Go struct's
/// `IfIndex` is none; the kind with the most of them when several kinds share one, such as
/// InterfaceAlias), or nullptr when `names` hold none.
const NonHnsObjectKind* nonHnsObjectKind(const std::vector<std::string_view>& names);

/// The same for the members of a JSON object; nullptr for anything else.
const NonHnsObjectKind* nonHnsObjectKind(const nlohmann::json& object);

} // namespace hcn::io
