#pragma once
// What every v1 -> v2 resource conversion does: park fields without a v2 home, sort out what is left of
// the v1 document, and read v1's DNS and Health fields.

#include "schema/v1_json.h"

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace hcn::schema::v1 {

/// Collects v1 fields that have no v2 home; written to doc["_v1"] when non-empty.
class Leftovers
{
public:
    /// Takes over an "_v1" object the source already carries (a document converted before).
    explicit Leftovers(json& source);

    void keep(const std::string& key, json value);
    void keepPolicy(json policy);
    void writeTo(json& out);

private:
    json m_fields = json::object();
};

/// Moves whatever is left in source: dropped diagnostics vanish, v2 names stay at the top level
/// (with their documented casing), everything else becomes a leftover.
void distributeRemainder(json& source, json& out, Leftovers& leftovers,
                         std::initializer_list<std::string_view> v2Fields,
                         std::initializer_list<std::string_view> dropped);
/// Moves key (any case) from source to out, spelled as given.
void moveKey(json& source, json& out, std::string_view key);
/// A v1 Health is diagnostics ({LastErrorCode, LastUpdateTime}) and is dropped; a v2 one (Data/Extra) is
/// kept.
void takeHealth(json& source, json& out);
/// "a, b,c" or ["a","b"] -> ["a","b","c"]; anything else is a structural error.
Status splitList(const json& value, const char* field, std::vector<std::string>& items);
/// Takes DNSServerList/DNSSuffix/DNSDomain and builds a v2 Dns object (null when all are empty). When the
/// document already has a v2 Dns, the v1 fields are kept as leftovers instead.
Status takeDns(json& source, json& out, Leftovers& leftovers);

} // namespace hcn::schema::v1
