#pragma once
// The second layer of importing a dump: objects that PowerShell or hnsdiag printed as text rather than
// JSON. Each reader takes the cleaned lines of one decoded dump (hcn/dump_text.h) and gives every object
// it recognises as a FoundValue holding a JSON object with the v1 property names the text shows, the
// source lines, the text as it appeared, and what the text did not carry in full (`losses`). Lines that
// belong to another format (JSON, prose, prompts) are skipped. Nothing here throws; what cannot be read
// becomes a warning and the other objects still come out.

#include "hcn/dump_text.h"

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace hcn::io {

/// The kind of HNS object a JSON object's members show (Invalid: none; `hint`, a heading's kind, wins
/// when set), as the import classifies the objects the readers find. A reader that names an object it
/// does not import is given it by its caller, so it words its warning as the import would name the
/// object.
using ObjectKindOf = std::function<ResourceKind(const nlohmann::json& members, ResourceKind hint)>;

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
/// or, for a loss of the whole value, "Policies: " before the message.
/// - braces opened and never closed (the text ends inside them: the paste cut the value) -> the complete
///   `@{...}` items and `key=value` pairs; the last, incomplete one is dropped unless it is itself a
///   value in braces (read the same way); a loss "cut by the paste after <last member kept>" / "after
///   item N", or, cut inside that last brace value, that value's own loss only ("[0]: cut by the paste
///   after Health").
/// Other unbalanced braces, `@{...}` that holds no `key=value`, or nesting deeper than
/// kDefaultMaxJsonDepth keep that part as text with a loss ("its braces do not match; kept as text").
nlohmann::json parsePowerShellValue(std::string_view text, std::vector<std::string>& losses);

/// Objects in PowerShell's default list view (Format-List) as `Get-HnsNetwork`, `Get-HnsEndpoint`,
/// `Get-HnsPolicyList`, `Get-HnsNamespace` print them: `Name : value` lines, the colon aligned to the
/// longest name, objects separated by blank lines; values continued on following lines when a console
/// wrapped them (indented to the value column, or with the indentation lost); `RunspaceId` from
/// remoting kept as a property. Every value is read with parsePowerShellValue. format = ListView.
/// A block is at least two `Name : value` lines with their colons in one column naming at least one v1
/// property, or the telltale members of an object of a known kind that is no HNS object (Get-VMSwitch,
/// Get-NetNat, Get-NetAdapter, ...: io/non_hns_objects.h), read for the import to name; a name seen again in
/// a block starts the next object (blank lines lost). A line that is not a property line continues the value
/// before it when indented to the value column, inside a brace still open, or when its first word would not
/// have fit on the line before (a wrap that lost its indentation); otherwise it ends the block. After a line
/// full to the block's width (at least two such lines), a line indented exactly to the value column continues
/// the text without a blank: the console cut it there. `...` lines are elisions (a loss and a warning). A
/// bare `Get-HnsNetwork`, `Get-HnsEndpoint`, `Get-HnsNamespace` or `Get-HnsPolicyList` command line
/// (optionally `| fl`), or the same name as a heading (`Get-HnsPolicyList:`), before the blocks sets kindHint
/// (Network, Endpoint, Namespace, LoadBalancer). Older `hnsdiag list endpoints` output, a line `Endpoint :
/// <guid>` (or Network, Namespace, LoadBalancer) over lines indented further with labels that may hold blanks
/// (`IP Address : ...`), is read here too: one object of that kind in the v1 shape (ID, Name, IPAddress,
/// MacAddress, VirtualNetwork or VirtualNetworkName), kindHint set, with what hnsdiag list does not show
/// as losses.
/// A block the paste ends inside of, in its ID, is not imported; its warning names the kind of object
/// `kindOf` tells from the block's members.
ExtractResult extractListViewObjects(const std::vector<CleanedLine>& lines, const ObjectKindOf& kindOf);

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
/// - A section ends at a blank line unless the next line is a row printed like the rows before it (its
///   ID in one of their columns, or as many `|`); at a markdown fence; at a command typed at a prompt.
///   Lines that (nearly) all end in two empty cells (`… | |`, copied from a web page) are read without
///   them.
/// - Format-Table rows are split by the extents of the `----` groups (a right-aligned number may start
///   left of its dashes); cells ending in `...` or `…` are kept without it, with a loss
///   "<Label>: cut by the table column"; values are typed (True/False, integers, else strings), empty
///   cells are left out, and kindHint is Invalid. Lines `-Wrap` continued cells on (nothing in the
///   first column) are joined to their row.
/// - sourceText is the header line(s) and the row's lines; firstLine/lastLine are the row's lines.
ExtractResult extractTables(const std::vector<CleanedLine>& lines);

/// Objects in delimited text: Export-Csv / ConvertTo-Csv output (an optional `#TYPE <type>` line, a header
/// of property names, one row per object; fields bare or in `"` with `""` inside, a quoted field may
/// span lines; `,` or the `;` of -UseCulture) and tab-separated rows copied from Out-GridView or a
/// spreadsheet. A header is a line of property-like names, at least two of them HNS properties; a row
/// becomes an object with the header's names (blanks removed) and each field read with
/// parsePowerShellValue (Export-Csv writes `@{...}` and `System.Object[]` as the list view does); empty
/// fields are left out. A quoted row with fewer fields than the header was cut (a loss); a row with more,
/// or with text after a closing quote, is a warning and not read. The table ends at a blank line or a
/// line that is not a row. format = Table.
ExtractResult extractDelimitedTables(const std::vector<CleanedLine>& lines);

/// Objects in PowerShell's CLIXML (`Export-Clixml`, remoting): each `<Obj>` directly in an `<Objs>` as a
/// JSON object of its `<MS>` / `<Props>` members by their N attribute; `<S>`, `<G>` and the other text
/// types as strings, `<B>` as a boolean, the integer types as numbers, `<Nil/>` as null, `<LST>` / `<IE>`
/// as arrays, `<DCT>` as an object, `<Ref RefId>` as the value it refers to; entities and CLIXML's
/// `_xHHHH_` escapes decoded. An object deeper than Export-Clixml's -Depth shows only its `<ToString>`,
/// which is read with parsePowerShellValue and is a loss. A file cut before `</Objs>` keeps the complete
/// objects (the cut one with a loss) and gives a warning; nesting deeper than kDefaultMaxJsonDepth is
/// left out with a warning. format = CliXml.
ExtractResult extractClixmlObjects(const std::vector<CleanedLine>& lines);

/// Go structs as kubelet, kube-proxy, flannel, containerd and hcsshim log them with `%+v`
/// (`&{Id:1f2e... Name:cbr0 Subnets:[{AddressPrefix:10.244.1.0/24 ...}]}`) or `%#v`
/// (`hcn.HostComputeEndpoint{Id:"...", IpConfigurations:[]hcn.IpConfig{...}}`), anywhere in a line,
/// also inside a quoted log field with escaped quotes (logrus `msg="... endpoint=&{...}"`). Each dump
/// becomes a JSON object with the names hcsshim's json tags give its fields (`Id` -> `ID`,
/// `EndpointReferences` -> `References`, embedded `Policy` members inlined); a slice of bytes that holds
/// JSON (json.RawMessage) is read as that JSON. format = GoStruct.
/// - In `%+v` a value runs to the next ` Key:` (a blank, a Go exported identifier, a colon) or to the
///   `}` closing its struct; slice elements are split at blanks, map entries at ` key:`.
/// - Empty values, `<nil>` and empty slices and maps are left out, as hcsshim's `omitempty` leaves
///   them out of its JSON; a pointer printed as an address (`0xc000123456`) is left out with a loss.
/// - A dump cut by the log line keeps the members complete before the cut (a loss and a warning);
///   `...` in place of members is an elision (a loss and a warning). A dump nested deeper than
///   kDefaultMaxJsonDepth is refused with a warning.
/// - `%v` structs (values without field names) are not read: what their values are is unknown.
/// The `%#v` type name sets kindHint (`hcn.HostComputeNetwork`, `hns.HNSEndpoint`, ...).
ExtractResult extractGoStructDumps(const std::vector<CleanedLine>& lines);

/// HNS objects go-spew printed (spew.Sdump, as older kube-proxy logs "Associated endpoints" and failed
/// creations), over several lines: `([]hcsshim.HNSEndpoint) (len=1 cap=1) {`, `(hcsshim.HNSEndpoint) {`,
/// `(*hcsshim.HNSNetwork)(0xc0001f2040)({`, then `Field: (type) value,` one per line. format = GoStruct,
/// kindHint from the type; each element of a list of objects is a value of its own.
/// - Values: `(string) (len=8) "Ethernet"` and other quoted strings, `(bool) true`, numbers,
///   Stringer text, `<nil>` (left out), nested structs, lists and maps.
/// - Bytes printed as a hex dump are read from their hex columns: a json.RawMessage (a v1 policy) as
///   the JSON it holds, a net.IP as an address, a net.HardwareAddr as a MAC.
/// - A dump runs until its braces close, the text ends, a blank line, a markdown fence or a line that
///   opens a log record of its own; one cut there keeps its complete members (a loss and a warning).
ExtractResult extractGoSpewDumps(const std::vector<CleanedLine>& lines);

} // namespace hcn::io
