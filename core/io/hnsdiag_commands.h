#pragma once
// hnsdiag's deletions typed as commands (internal to core/io): `hnsdiag delete endpoints <id>` (also
// `hnsdiag.exe`, and `networks`, `namespaces`, `loadbalancers`) asks HNS to delete the object of that ID.
// Read from one statement's text; the lines a statement stands on, its code spans and what its ID
// argument names (a GUID, a variable, a placeholder) are hns_commands.cpp's.

#include "hcn/resource_kind.h"

#include <optional>
#include <string>
#include <string_view>

namespace hcn::io {

/// One `hnsdiag delete <kind> <id>` command.
struct HnsdiagDeletion
{
    std::string by; ///< "hnsdiag delete endpoints": the tool and its words, the kind as typed, lower case
    ResourceKind kind = ResourceKind::Invalid;
    std::string_view object; ///< what the report calls that object: "endpoint", "load balancer"
    std::string id;          ///< the argument that stands for the object's ID, unquoted, as typed
};

/// The deletion the statement `statement` types, when it is exactly `hnsdiag delete <kind> <id>` (the tool
/// as `hnsdiag`, `hnsdiag.exe` or a path to it; `<kind>` one of `networks`, `endpoints`, `namespaces`,
/// `loadbalancers`, any case; one argument after it, then at most a redirection or a comment), after a
/// prompt or not. None for anything else: hnsdiag's listings, `hnsdiag delete all`, `hnsdiag reset`, a
/// kind hnsdiag does not name so (`hnsdiag delete endpoint x`), words before the tool (prose) or more
/// than one word after the kind (`hnsdiag delete endpoints did not help`).
std::optional<HnsdiagDeletion> hnsdiagDeletionIn(std::string_view statement);

/// Whether `text` may hold an hnsdiag command (a cheap test of every line before reading it).
bool mayHoldHnsdiagCommand(std::string_view text);

/// Whether `word`, standing where a command takes an object's ID, is the name of an ID written in its
/// place, as instructions write one: `id`, `ID`, `guid`, `uuid` alone or as the last part of a word
/// (after `_`, `-`, `.`, or a lower-case letter: `endpoint_id`, `network-guid`, `endpointId`,
/// `EndpointID`). A word that only ends in those letters (`did`, `endpointid`) is none.
bool namesAnIdInItsPlace(std::string_view word);

} // namespace hcn::io
