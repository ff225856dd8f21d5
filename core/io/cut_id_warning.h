#pragma once
// What the report says of an object the paste ends inside the ID of, when that object is not imported
// (no other member tells it): one wording for every reader that finds such an object.

#include "hcn/resource_kind.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hcn::io {

/// What the dump shows of a cut ID (`shown`, which can start a GUID) made a whole GUID with zeros: the
/// object's members with it tell its kind as if its ID were whole.
std::string idCompletedFrom(std::string_view shown);

/// The members an object shows beside its cut ID, as the warning names them: the first four with a
/// value of their own (not a nested object or list), each `Name value`, the value cut at 40 bytes.
std::string shownMembersText(const std::vector<std::pair<std::string, std::string>>& members);

/// "the paste ends inside the ID of endpoint 3f2a… (Name web, IPAddress 10.0.0.5); not imported, as
/// its ID is cut": `idMember` the ID's name as the dump writes it, `kind` the object's (Invalid: "an
/// object"), `shown` what the dump shows of the ID, `shownMembers` from shownMembersText.
std::string cutIdNotImported(std::string_view idMember, ResourceKind kind, std::string_view shown,
                             std::string_view shownMembers);

/// Whether `member` is one HNS writes alike on every object of a kind, or that counts or times what it
/// did (`ActivityId`, `CurrentEndpointCount`, `Extensions` ...): the members the import passes over when
/// it asks whether a record without an ID names an object.
bool namesNoObjectAlone(std::string_view member);

/// Whether a record showing `members` (each name and value as the dump prints it) has no ID and shows
/// nothing but members namesNoObjectAlone, or none with a value (empty, `{}`, `@{}`): the import does not
/// keep it and says so itself, "a Get-HnsNetwork record cut before its ID (...); not imported", so a
/// reader says nothing more of the cut that left it so.
bool recordNamesNoObject(const std::vector<std::pair<std::string, std::string>>& members);

} // namespace hcn::io
