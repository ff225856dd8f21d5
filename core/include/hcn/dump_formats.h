#pragma once
// The second layer of importing a dump: objects that PowerShell or hnsdiag printed as text rather than
// JSON. Each reader takes the cleaned lines of one decoded dump (hcn/dump_text.h) and gives every object
// it recognises as a FoundValue holding a JSON object with the v1 property names the text shows, the
// source lines, the text as it appeared, and what the text did not carry in full (`losses`). Lines that
// belong to another format (JSON, prose, prompts) are skipped. Nothing here throws; what cannot be read
// becomes a warning and the other objects still come out.

#include "hcn/dump_text.h"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace hcn::io {

/// One value as PowerShell's formatter renders it, as JSON:
/// - `True`/`False` -> bool; an integer -> number; anything else -> string (GUIDs, addresses, names);
/// - an empty rendering -> null;
/// - `@{Type=OutBoundNAT; ExceptionList=System.Object[]}` -> an object (values parsed recursively);
/// - `{a, b, c}` -> an array; `{@{...}, @{...}}` -> an array of objects; `{}` -> empty array;
/// - `System.Object[]`, `System.Collections.ArrayList`, `System.Collections.Hashtable` and other type
///   names PowerShell prints instead of a value -> the string as given, with a loss
///   "not expanded by PowerShell (System.Object[])";
/// - a list ending in `...}` or `…}` -> the items shown, with a loss
///   "list cut after N items ($FormatEnumerationLimit)".
/// Losses are appended to `losses` without a property name; the caller prefixes it. A loss inside the
/// value starts with its path relative to the value ("[0].ExceptionList: not expanded ...",
/// "Health.Extra: ..."), so the caller writes the name before it ("Policies" + "[0].ExceptionList: ...")
/// or, for a loss of the whole value, "Policies: " before the message. Unbalanced braces, `@{...}` that
/// holds no `key=value`, or nesting deeper than kDefaultMaxJsonDepth keep that part as text with a loss
/// ("its braces do not match; kept as text").
nlohmann::json parsePowerShellValue(std::string_view text, std::vector<std::string>& losses);

/// Objects in PowerShell's default list view (Format-List) as `Get-HnsNetwork`, `Get-HnsEndpoint`,
/// `Get-HnsPolicyList`, `Get-HnsNamespace` print them: `Name : value` lines, the colon aligned to the
/// longest name, objects separated by blank lines; values continued on following lines when a console
/// wrapped them (indented to the value column, or with the indentation lost); `RunspaceId` from
/// remoting kept as a property. Every value is read with parsePowerShellValue. format = ListView.
/// A block is at least two `Name : value` lines with their colons in one column naming at least one v1
/// property; a name seen again in a block starts the next object (blank lines lost). A line that is not a
/// property line continues the value before it when indented to the value column, inside a brace still
/// open, or when its first word would not have fit on the line before (a wrap that lost its indentation);
/// otherwise it ends the block. `...` lines are elisions (a loss and a warning). A bare `Get-HnsNetwork`,
/// `Get-HnsEndpoint` or `Get-HnsNamespace` command line (optionally `| fl`) before the blocks sets kindHint.
ExtractResult extractListViewObjects(const std::vector<CleanedLine>& lines);

/// Objects in tables: `hnsdiag list all` (sections `Networks:`, `Endpoints:`, `Namespaces:`,
/// `LoadBalancers:`, old and new column layouts, long names overflowing their column, several DIP IDs in
/// one cell), and Format-Table / Select-Object tables (a header line, a `----` line, rows; collectlogs'
/// network.txt and endpoint.txt start with one). A row becomes an object in the v1 shape of its kind
/// (hnsdiag sections set kindHint; a load-balancer row becomes a v1 policy list with an ELB policy
/// holding the VIPs and References `/endpoints/<id>`); what a table cannot show is a loss.
/// format = Table.
/// - hnsdiag rows are split by what their cells hold, in the header's order: GUIDs (ID, DIPs, a
///   namespace's endpoints), addresses (VIPs, IP Address) and text between them; `|` separates cells
///   when the header has it. The header's positions only decide between two text cells, so a name
///   overflowing its column still ends at the GUID after it. A row the console wrapped is joined again.
/// - Format-Table rows are split by the extents of the `----` groups (a right-aligned number may start
///   left of its dashes); cells ending in `...` or `…` are kept without it, with a loss
///   "<Label>: cut by the table column"; values are typed (True/False, integers, else strings), empty
///   cells are left out, and kindHint is Invalid. Lines `-Wrap` continued cells on (nothing in the
///   first column) are joined to their row.
/// - sourceText is the header line(s) and the row's lines; firstLine/lastLine are the row's lines.
ExtractResult extractTables(const std::vector<CleanedLine>& lines);

} // namespace hcn::io
