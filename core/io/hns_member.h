#pragma once
// Whether a value cut by the paste or the logger shows an HNS object, so that its cut is worth a warning.

#include <nlohmann/json.hpp>
#include <string_view>

namespace hcn::io {

/// Whether the text before a value says it is a request sent to HNS (a create body) rather than what
/// HNS answered: `Invoke-HNSRequest Method[POST] Path[/networks] Data[`, `request: `, `Request : `,
/// `hnsConfigBytes: `, an object being made (`Creating HNS endpoint: &{Id: ...`, flannel's `Attempting to
/// create HNSNetwork {...`, `Settings={...`). The last of these and "response" decides ("Request: ...
/// Response: {").
bool isRequestContext(std::string_view context);

/// Whether `value` (or a value inside it) holds a member only an HNS object has: an `ID`/`Id` holding a
/// GUID, or an HNS property name (hns_property_names.h) other than the ones any struct may have (`Name`,
/// `Type`, `Flags`, `State`, `Version`, `StartTime`). A `net.Interface` (`Index`, `MTU`, `Name`, `Flags`), a
/// map of addresses or a CNI plugin's log record holds none.
bool showsHnsMember(const nlohmann::json& value);

/// Whether cutting `value` (read from the text after `context`) lost part of an HNS object the import
/// would show: it shows an HNS member and is no request sent to HNS (those are not imported).
bool cutLosesHnsObject(const nlohmann::json& value, std::string_view context);

} // namespace hcn::io
