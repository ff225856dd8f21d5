#pragma once
// An object's ID as the import matches it: the text of a GUID without the blanks and braces a dump
// writes around it, in one spelling.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace hcn::io::detail {

/// An ID's text without the blanks and braces around it (`" { GUID } "`, a table cell's stray `}`).
std::string_view idText(std::string_view text);
/// An ID as objects are matched: upper case, braces and blanks removed.
std::string idKeyOf(const nlohmann::json& value); ///< empty when not a string
std::string idKey(std::string_view text);

} // namespace hcn::io::detail
