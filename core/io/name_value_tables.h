#pragma once
// A PowerShell hashtable as the console shows it, a Name/Value table (core/io/name_value_tables.cpp).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace hcn::io {

struct NameValueTablesAsListViews
{
    std::string text;       ///< the text with those tables written as list views; as many lines as before
    std::size_t tables = 0; ///< how many
};

/// PowerShell shows a hashtable (`ConvertFrom-Json -AsHashtable`, `$h = @{...}`) as a table of two
/// columns, `Name` and `Value`, under a `----  -----` rule: one row per key. A table whose keys are HNS
/// properties (two at least) is one object: it is written as the list view of that object (`Name : value`,
/// the colons in one column; its header and rule become blank lines, which end the object before it), so
/// the list view reader reads it. A nested hashtable's value, `{[ID, 2B4D...], [IsDefault, False]}`, is
/// written as the list view writes an object, `@{ID=2B4D...; IsDefault=False}`. Tables of other keys
/// (`$PSVersionTable`) stay. One pass. nullopt when no table was one of HNS properties.
std::optional<NameValueTablesAsListViews> nameValueTablesAsListViews(std::string_view text);

} // namespace hcn::io
