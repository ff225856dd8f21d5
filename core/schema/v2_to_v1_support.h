#pragma once
// What every v2 -> v1 resource conversion does: copy fields under their v1 names, bring back what input
// conversion parked under "_v1", and show DNS and default gateways the v1 way.

#include "schema/v1_json.h"

#include <string_view>

namespace hcn::schema::v1 {

/// Copies from[key] (any case) to to[as], as is.
void copyIfPresent(const json& from, json& to, std::string_view key, std::string_view as = {});
/// Copies a GUID field, spelled in upper case as v1 prints GUIDs.
void copyGuidIfPresent(const json& from, json& to, std::string_view key, std::string_view as = {});
/// Fields parked under "_v1" on input come back at the top level as they were given; parked policies join
/// the list.
void restoreAnnotation(const json& from, json& out);
/// Dns {ServerList, Search, Domain} -> DNSServerList, DNSSuffix (comma-separated), DNSDomain.
void dnsToV1(const json& v2, json& out);
/// The NextHop of a subnet's default route (0.0.0.0/0 or ::/0), or nullptr.
const json* subnetGateway(const json& subnet);

} // namespace hcn::schema::v1
