#pragma once
// The elements of a Go dump that lists several structs (`[{Id:...} {Id:...}]`, `[]hcn.X{hcn.X{...}}`,
// go-spew's `([]hcsshim.HNSEndpoint) (len=2 cap=2) {`): each is an object of its own, so what the readers
// say of a path within the list (`[1].Policies[0]`) is said of that element as from the object
// (`Policies[0]`), as for a struct dumped alone (internal to core/io).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace hcn::io {

/// The element a path within a list's dump falls in (`[1].Policies[0]` -> 1, `[1]` -> 1), with the
/// path within it in `inside` (`Policies[0]`; empty for the element itself); nullopt for a path
/// outside the list's elements (empty: the list itself).
std::optional<std::size_t> goListElementOf(std::string_view path, std::string* inside = nullptr);

/// A loss of a list's dump ("<path>: message") as element `index` says it: its own path
/// (`[1].Policies[0]: ...` -> `Policies[0]: ...`, `[1]: ...` -> `...`); nullopt when the loss is about
/// another element; unchanged when it is about none (a `...` in the list itself).
std::optional<std::string> goLossOfElement(std::string_view loss, std::size_t index);

} // namespace hcn::io
