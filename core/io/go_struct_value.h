#pragma once
// Reading one Go value as fmt prints it with %+v or %#v (internal to core/io; the public reader is
// extractGoStructDumps in hcn/dump_formats.h, which finds the dumps in the text).

#include "hcn/resource_kind.h"

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hcn::io {

/// What reading one dump gave.
struct GoDumpRead
{
    /// The struct (or the list of structs) with the Go field names as printed; values left out by the
    /// reader (a pointer printed as an address, `<nil>`) are null.
    nlohmann::json value;
    std::size_t end = 0; ///< bytes of the text read: just after the closing bracket, or where reading stopped
    std::string typeName; ///< %#v: the type printed before the outermost brace (`hcn.HostComputeEndpoint`)
    bool closed = false;  ///< false: the text ended, or could not be read, inside the dump
    bool cut = false;     ///< not closed because the text ended (rather than being unreadable)
    bool tooDeep = false;
    bool elided = false;             ///< `...` stood in place of members or elements
    std::string stoppedIn;           ///< when not closed: the member being read (`Subnets[0].Policies`)
    bool cutTold = false; ///< the cut is told by a loss on the member it fell in (JSON bytes cut off)
    /// When the text ended inside a scalar: what it shows of it (`74519449-3C37-`), left out of `value`.
    std::string cutText;
    /// When the text ended right after an `Id` holding a whole GUID (`{Id:3c6fab4d-...-dd46f8c2e392`): that
    /// member's path. A GUID has one length, so it is kept though nothing shows where it ends.
    std::string endsAfter;
    std::vector<std::string> losses; ///< "<path>: message"
    /// What was repaired to read it, each with the path of the member repaired (empty: the dump as a
    /// whole), so a list's element is told only its own.
    struct Repair
    {
        std::string path;
        std::string message;
    };
    std::vector<Repair> repairs;
    /// A list at the top: each element's byte range in the text, the one the text ends inside included
    /// when it keeps members (elements left out, bytes that are no JSON, have none).
    std::vector<std::pair<std::size_t, std::size_t>> elements;
};

/// A letter, digit or `_`: a character of a Go identifier.
bool goIdentChar(char c);

/// `Key:` at text[at] with Key a Go exported identifier: the identifier's length, else 0.
std::size_t goFieldKeyLength(std::string_view text, std::size_t at);

/// How a Go text quotes its strings: Go source and %#v quote every one (`"..."` and `'...'` with escapes,
/// raw `` `...` ``); %+v prints strings bare, but for a %#v value inside it, a quote right after a key's
/// colon.
enum class GoQuotes
{
    All,
    AfterColon,
};

/// Goes through the quoted strings of a Go text read a character at a time, so brackets and keys
/// inside them are not taken as the text's own.
class GoStringSkip
{
public:
    explicit GoStringSkip(GoQuotes quotes) : m_quotes(quotes) {}

    /// True when text[i] is inside a quoted string or is one of its quotes; `i` then also steps over
    /// the character an escape covers. Called for each character in order.
    bool skip(std::string_view text, std::size_t& i);

    /// Whether the last character skipped opened or stood inside a string not yet closed.
    bool inside() const { return m_quote != 0; }

private:
    GoQuotes m_quotes;
    char m_quote = 0; ///< the quote the string open was opened with
};

/// How a character changes the bracket depth of a Go text: +1 for `{` and `[` (and `(` with `parens`),
/// -1 for the closing ones, else 0.
int goBracketStep(char c, bool parens);

/// Where the Go struct dump whose first struct opens at text[brace] starts, not before `from`: at
/// `&{Key:`, `{Key:`, `[{Key:` (%+v) or at the type of `pkg.Type{Key:`, `&pkg.Type{Key:`,
/// `[]pkg.Type{pkg.Type{Key:` (%#v), where Key is a Go exported identifier; npos when no dump with field
/// names opens there (`%v` structs, JSON `{"`, a brace after an unqualified name). Linear in the length
/// of the type before the brace (at most 256 characters).
std::size_t goStructDumpStart(std::string_view text, std::size_t brace, std::size_t from);

/// The kind a Go type name says (`hcn.HostComputeEndpoint`, `*hns.HNSNetwork`, `[]hcsshim.HNSEndpoint`);
/// Invalid for other types.
ResourceKind goKindOfType(std::string_view type);

/// Gives a struct read with its Go field names the JSON names hcsshim's json tags give them (`Id` ->
/// `ID` at the top, `EndpointReferences` -> `References`, embedded `Policy` inlined) and leaves out what
/// `omitempty` leaves out (null, empty strings, lists and maps).
void goJsonNames(nlohmann::json& value, bool top);

/// The JSON the bytes of a json.RawMessage hold (`[123 34 ...]`, `json.RawMessage{0x7b, ...}`, a go-spew
/// hex dump), parsed within `maxDepth` levels; nullopt when they hold none, with `loss` saying so and why
/// ("its JSON bytes are not valid JSON: ...").
std::optional<nlohmann::json> goJsonBytes(std::string_view bytes, int maxDepth, std::string& loss);

/// Reads the dump at the start of `text` (goStructDumpStart found it there). Nested deeper than
/// `maxDepth` brackets, it stops with tooDeep set.
GoDumpRead readGoStructDump(std::string_view text, int maxDepth);

} // namespace hcn::io
