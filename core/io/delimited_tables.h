#pragma once
// Delimited text below the readers (core/io/delimited_tables.cpp): a log exported as CSV, whose fields
// hold log lines with documents escaped inside them.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace hcn::io {

struct UnquotedLogFields
{
    std::string text;       ///< the text with those fields unquoted in place; as many lines as before
    std::size_t fields = 0; ///< how many
    int firstLine = 0;      ///< 1-based, of the first table that had one
};

/// A log exported as CSV (Splunk, Log Analytics, Event Viewer: a header of column names such as
/// `_time,host,_raw`, none or one of them an HNS property, then rows of as many fields) quotes each field
/// and doubles the quotes in it. A field whose text holds a document escaped once more inside it (a log
/// line's quoted field, `endpoint=""{\""ID\"":...}""`, or a Go `%#v` dump, `{Id:""...""`) is read by
/// no reader as it stands: such fields are unquoted in place (their `""` made `"`), so the log-field
/// and Go dump readers read the line as the logger wrote it. A document directly in a field
/// (`loadBalancer={""ID"":...}`) the JSON reader undoubles itself; such fields stay. One pass; a quoted
/// field open over more than 200 lines ends the table. nullopt when no field was unquoted.
std::optional<UnquotedLogFields> unquoteLogFields(std::string_view text);

} // namespace hcn::io
