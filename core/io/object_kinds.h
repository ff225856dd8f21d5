#pragma once
// Telling an object's kind from its members: which HNS object (network, endpoint, namespace, load
// balancer, route) a document found in a dump is, in which shape (v1 Get-Hns* or v2 HCN); a CNI
// configuration, which names a network mode but is none; a document of HCS (the compute system service).
// Used by the readers of a dump and by the import above them.

#include "hcn/resource_kind.h"

#include <nlohmann/json.hpp>

namespace hcn::io::detail {

/// Which kind of object `value` is, and whether it is in the v1 shape; Invalid when it is none of
/// them. `hint` (a table's section) wins when set.
ResourceKind classifyObject(const nlohmann::json& value, ResourceKind hint, bool& isV1);

/// The HNS `Type` member, spelled as HNS spells it: a lower-case `type` is a CNI configuration's or a
/// JSON schema's, never an HNS object's. Null when absent.
const nlohmann::json* hnsType(const nlohmann::json& object);

/// Whether `type` names a network mode (`L2Bridge`, `NAT`, ..., `Layered`).
bool isNetworkType(const nlohmann::json* type);

/// A CNI network configuration (`cniVersion`, a conflist's `plugins`, `capabilities`, an `ipam` whose
/// lower-case `type` names its plugin): what a plugin is told to create, never an object HNS holds.
bool isCniConfig(const nlohmann::json& value);

/// What a CNI document (isCniConfig) is, as the import report says it: a plugin's result ("a CNI
/// plugin's result (the addresses it gave: 10.244.1.5/24 via 10.244.1.1), not HNS state; not imported"),
/// its error result (`code` and `msg`: "a CNI plugin's error result (code 100: "..."), ..."), else a
/// configuration.
std::string cniDocumentSaid(const nlohmann::json& value);

/// Whether `object` is a network as Get-ContainerNetwork (Windows Server 2016's Containers PowerShell
/// module) shows it: a network mode under `Mode`, no `Type`, and one of that object's other members.
bool isContainerNetwork(const nlohmann::json& object);

/// Whether `value` is a document of HCS (the compute system service), not of HNS: a compute system as a
/// create request gives it (schema v2: `Owner`, `SchemaVersion`, `Container` or `VirtualMachine`, ...;
/// v1: `SystemType` with `LayerFolderPath`, `Layers`, ...), also what a cut left of one, whose members
/// tell no HNS kind (classifyObject). Its IDs (a storage layer's `Id`) name no HNS object.
bool isHcsComputeSystem(const nlohmann::json& value);

} // namespace hcn::io::detail
