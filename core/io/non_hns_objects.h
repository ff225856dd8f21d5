#pragma once
// Objects other cmdlets print beside HNS output (Hyper-V's switches and VM adapters, WinNAT, the host's
// adapters, addresses, interfaces and routes), and the records CNI plugins keep of the HNS objects they
// made (azure-vnet's network struct), told by members no HNS object has.

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hcn::io {

/// A kind of object that sits next to HNS objects in pastes and is none.
struct NonHnsObjectKind
{
    std::string_view what{};    ///< "a Hyper-V virtual switch"
    std::string_view command{}; ///< the cmdlet that prints it: "Get-VMSwitch"; empty for a program's record
    /// Whether Go programs print it (`%+v` in a log); cmdlets print no Go structs.
    bool goStruct = false;
    /// The member naming the HNS object it records (azure-vnet's `HnsId`); empty when none does.
    std::string_view hnsIdMember{};
    /// How the report names it when that member gives the ID: "azure-vnet's record of network".
    std::string_view recordOf{};
    /// The members naming a Hyper-V virtual switch: its own `Id` and `Name` (Get-VMSwitch), or those of
    /// the switch it is connected to (Get-VMNetworkAdapter: `SwitchId`, `SwitchName`); empty for others.
    std::string_view switchIdMember{};
    std::string_view switchNameMember{};
    /// Whether the object is the switch itself, not something connected to one.
    bool isSwitch = false;
    /// The option (a member of its `Options`) naming the HNS network it is over: Docker's
    /// `com.docker.network.windowsshim.hnsid`; empty for others.
    std::string_view hnsIdOption{};
    /// The kind of an object whose members tell several kinds alike: it names none.
    bool untold = false;
};

/// The end of every message naming such an object.
inline constexpr std::string_view kNotHnsNotImported = ", not an HNS object; not imported";

/// The switch a pasted Get-VMSwitch or Get-VMNetworkAdapter object names: the switch's ID as given (a
/// switch's `Id` is the `SwitchGuid` of the HNS network built on it) and name, and for an adapter the
/// name it goes by (its VMName, else its Name). Empty strings where the object does not show them.
struct NamedSwitch
{
    std::string id;
    std::string name;
    std::string adapter;
};

/// What `object` of `kind` says of its switch; nullopt for kinds that name none, or when it shows
/// neither the switch's ID nor its name.
std::optional<NamedSwitch> namedSwitch(const NonHnsObjectKind& kind, const nlohmann::json& object);

/// The kind whose telltale members are among `names` (spelled as the cmdlets print them: a Go struct's
/// `IfIndex` is none; the kind with the most of them when several kinds share one, such as
/// InterfaceAlias, members HNS objects share counting for a kind beside its telltales: a route's
/// DestinationPrefix and NextHop), or nullptr when `names` hold none. When several kinds have as many
/// (a Get-NetRoute row cut after its ifIndex), a kind that names none of them: "an object of a network
/// cmdlet whose members do not tell which".
const NonHnsObjectKind* nonHnsObjectKind(const std::vector<std::string_view>& names);

/// The same for the members of a JSON object; nullptr for anything else.
const NonHnsObjectKind* nonHnsObjectKind(const nlohmann::json& object);

/// The ID of the HNS network `object` of `kind` is over, as given (Docker's network: its option
/// `com.docker.network.windowsshim.hnsid`); empty for kinds that name none, or when it does not show it.
std::string hnsNetworkIdOf(const NonHnsObjectKind& kind, const nlohmann::json& object);

/// How the report names such an object: "a Hyper-V virtual switch (Get-VMSwitch), not an HNS object; not
/// imported"; a record with the ID of the HNS object it records, and "(deleted)" when the words logged
/// before it (`context`) say it was: "azure-vnet's record of network 11085427-... (deleted), not an HNS
/// object; not imported"; a Docker network with its name, driver and the HNS network it is over: "a Docker
/// network (docker network inspect), not an HNS object; not imported: 'nat' (driver nat); its HNS network
/// is 6E0B8F3C-...".
std::string nonHnsObjectText(const NonHnsObjectKind& kind, const nlohmann::json& object,
                             std::string_view context);

/// Whether `value` is a resource of the Network Controller's REST API (SDN's `logicalnetworks`,
/// `virtualNetworks`, `networkInterfaces`, as its answers and Get-NetworkController* print them): an object
/// whose members are all spelled in camel case (HNS, its Go clients and ConvertTo-Json of HNS's objects
/// spell theirs in Pascal case) holding the API's own members: `resourceRef`, `instanceId` or `etag`, or
/// `resourceId` beside `properties`. A list of such resources, or the API's `{"value": [...]}` answer
/// listing them, likewise. Its `subnets` or `ipConfigurations` are no HNS object's members.
bool isNetworkControllerResource(const nlohmann::json& value);

} // namespace hcn::io
