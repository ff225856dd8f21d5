#pragma once
// The first layer of importing a customer's HNS/HCN dump: the bytes they sent become text (whatever
// encoding Windows wrote), pasted decorations are cleaned off each line, and every JSON value in the text
// is found, repaired where pasting broke it, and parsed with the shared limits. Nothing here throws; a
// value that cannot be recovered becomes a warning and the others still come out.

#include "hcn/json_limits.h"
#include "hcn/resource_kind.h"
#include "hcn/status.h"

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hcn::io {

/// The largest dump accepted: 256 MiB. Real dumps (collectlogs' network.txt, hnsdiag output) are a few
/// MiB; anything bigger is refused before it is decoded.
inline constexpr std::size_t kMaxDumpBytes = std::size_t(256) * 1024 * 1024;

enum class TextEncoding
{
    Utf8,
    Utf8Bom,
    Utf16LeBom, ///< what Windows PowerShell 5.1's `>` writes
    Utf16BeBom,
    Utf16Le,     ///< without BOM, recognised by every other byte being 0
    Windows1252, ///< no BOM, not UTF-8 and no UTF-8 sequence in it: Windows PowerShell 5.1's Set-Content
};

/// Dump text as UTF-8 with LF line ends.
struct DecodedText
{
    std::string text;
    TextEncoding encoding = TextEncoding::Utf8;
    /// True when undecodable bytes (or lone UTF-16 surrogates) were replaced by U+FFFD.
    bool replacedInvalid = false;
    /// Empty, or the parts of a file that holds text in several encodings, each decoded in its own
    /// ("UTF-16 LE with BOM, then from byte 2048 UTF-8"): `encoding` is the first part's.
    std::string mixedEncodings;
    /// What decoding changed beyond the encoding, for the import report ("the text ends in 4096 NUL
    /// bytes ...; they were left out"); empty when nothing.
    std::vector<std::string> notes;
    /// What was found wrong while decoding (gzip in base64 that ends early), for the import report's
    /// warnings: the lines of the decoded text it is about.
    struct Warning
    {
        int firstLine = 0;
        int lastLine = 0;
        std::string message;
    };
    std::vector<Warning> warnings;
};

/// Decode a dump: UTF-8 with or without BOM, UTF-16 LE/BE with BOM, UTF-16 LE without BOM, and
/// Windows-1252 for text without BOM that is not UTF-8 and holds no UTF-8 sequence; a file appended to
/// in another encoding (single-byte text after UTF-16 LE, UTF-16 LE with or without a BOM from a line
/// on inside single-byte text) is decoded part by part (`mixedEncodings`); invalid
/// sequences become U+FFFD, CRLF and lone CR become LF, and so does CR CR LF (CRLF converted twice) when
/// most of the text's line ends are CR CR LF (otherwise it is a CR and a CRLF, two line ends); NUL padding
/// (see nulsArePadding) is left out. Fails (InvalidArg) above kMaxDumpBytes and (InvalidJson) when the
/// content is binary rather than text.
Result<DecodedText> decodeDumpText(std::string_view bytes);

/// A run of NUL bytes at least this long between pieces of text is padding (space a program reserved
/// ahead of writing, or a crash while it wrote), not content.
inline constexpr std::size_t kNulPaddingRun = 16;

/// Whether `bytes` (the start of a file, or all of it) is single-byte or UTF-8 text whose NUL bytes are
/// all padding: the first byte is no NUL, every NUL is in a run of kNulPaddingRun or more or in the run
/// that reaches the end of `bytes`, and no other byte is a control character except tab, line ends,
/// form feed and escape (colour codes). Binary content (executables, captures, event logs) never is.
bool nulsArePadding(std::string_view bytes);

/// One line of text with what a console or a chat window added around it removed.
struct CleanedLine
{
    std::string text;
    int sourceLine = 0; ///< 1-based line number in the decoded text
    /// The line ended in blanks that cleaning stripped (where a console broke a long line at a blank).
    bool trailingBlank = false;
    /// Cleaning took a PowerShell or cmd prompt off the line (`PS C:\> `, `C:\k>`): a command typed at it,
    /// or, left empty, the prompt alone that ends the output of the command before it.
    bool prompt = false;
    /// A line joined from several (a log record a console wrapped): where each line after the first
    /// starts in `text`, with its line number, in order.
    std::vector<std::pair<std::size_t, int>> joinedAt{};
};

/// Turn what a console, a chat window, a mail client or a ticket system made of pasted output back into
/// the output. HTML found in it (a ticket or mail export, a fragment of a page) becomes its text first.
/// Then, per line: terminal escape sequences (colours, titles, links) are removed; zero-width characters are
/// removed and non-breaking spaces outside quoted strings become blanks, as do tabs before a list view's
/// colon; a `Select-String` `path:line:` prefix is removed when (nearly) every line has one with consecutive
/// numbers; markdown quote markers (`> `, `>> `, `> > `), PowerShell and cmd prompts (`PS C:\x> `,
/// `C:\x>`), PowerShell continuation prompts (`>> `), stream prefixes such as `VERBOSE: ` /
/// `AUSFÜHRLICH: ` / `DEBUG: ` / `WARNING: ` in the usual Windows languages, and trailing blanks are
/// stripped. Pager prompts (`-- More  --`) are dropped as lines, and a text double-spaced by a mail
/// client (a blank line after nearly every line) loses the added blank lines. `text` is LF-separated;
/// each line keeps its 1-based line number in `text` (for HTML, the line its text starts on). What was
/// changed beyond the per-line decorations is described in `notes`, when given, for the import report.
std::vector<CleanedLine> cleanPastedText(std::string_view text, std::vector<std::string>* notes = nullptr);

/// Something the user should know about a part of the dump.
struct ImportWarning
{
    int firstLine = 0; ///< 1-based source lines the warning is about
    int lastLine = 0;
    std::string message;
};

/// How an object was printed in the dump.
enum class DumpFormat
{
    Json,     ///< JSON (ConvertTo-Json, hnsdiag -d, HCN queries, REST envelopes, log lines)
    ListView, ///< PowerShell's default list view (Format-List): `Key : value` blocks
    Table,    ///< a table: hnsdiag list all sections, Format-Table / Select-Object output
    GoStruct, ///< a Go struct printed with %+v or %#v (kubelet, kube-proxy, flannel, containerd logs)
    CliXml,   ///< PowerShell's CLIXML (Export-Clixml): typed values to its -Depth, text deeper down
};

/// A value found in the dump: a JSON value, or an object a list view or a table showed, as JSON.
struct FoundValue
{
    nlohmann::json value; ///< for an HNS REST envelope, its Output
    int firstLine = 0;    ///< 1-based source lines the value came from
    int lastLine = 0;
    std::string sourceText; ///< the cleaned text from its opening to its closing bracket, before repairs
    bool fromEnvelope = false;
    /// The paste began inside this value: only its members after the cut were read. Such a part of some
    /// other object (an allocator, a resource list) is passed over without a warning.
    bool startCut = false;
    /// The value never closes: the paste or the logger cut it, and only its members before the cut
    /// were read.
    bool cutOff = false;
    /// The text before the value on its first line, blanks trimmed, at most 120 bytes (a log prefix such
    /// as "Attempting to create HNS network, request: "): tells a request sent to HNS from its answer.
    std::string context;
    /// The text after the value on its last line, blanks trimmed (at most 240 bytes); when nothing but
    /// punctuation follows the value there, a line break and the next line: where a log states why a
    /// request failed (`{...}: hcnCreateEndpoint failed in Win32: The object already exists. (0x1392)`,
    /// `{...}. Error: 0x803b0013`). Empty for a value the paste cut off.
    std::string after;
    /// The value is a string literal in source code (`std::wstring settings = LR"(` before it): the
    /// variable it is assigned to, and the HCN or HNS function a later line passes that variable to
    /// (`HcnCreateEndpoint`), empty when none is shown. A document code hands to HNS is a request.
    std::string literalVariable;
    std::string passedTo;
    /// What was repaired to parse it, e.g. "joined a line wrapped inside a string".
    std::vector<std::string> repairs;
    /// Where each element of a value holding several objects (an array of objects, an envelope's Output
    /// list) starts and ends, in order; empty when the value is one object or the elements could not be
    /// told apart (elided lines).
    struct Element
    {
        int firstLine = 0;
        int lastLine = 0;
        std::string sourceText;
        /// `repairs` as they concern this element: those made in its text, and those of the value made
        /// outside every element's.
        std::vector<std::string> repairs{};
    };
    std::vector<Element> elements;
    DumpFormat format = DumpFormat::Json;
    /// What the dump did not carry in full, each naming the property: "Policies: not expanded by
    /// PowerShell (System.Object[])", "IPAddresses: list cut after 4 items ($FormatEnumerationLimit)",
    /// "Name: cut by the table column".
    std::vector<std::string> losses;
    /// The kind the text says the object is (an hnsdiag section heading); Invalid when it does not say.
    ResourceKind kindHint = ResourceKind::Invalid;
    /// The dump ends inside the object's ID (`"ID": "5F1E3B2A-9C4D-4E6F-8A`, `Id:5F1E3B2A-9C`): what it
    /// shows of it, which can start a GUID; empty otherwise.
    std::string cutId;
    /// The dump shows nothing of the object but the start of its ID (`cutId`): the object is found only
    /// when one seen whole fits it, and its one loss is the warning to give when none does.
    bool onlyCutId = false;
};

struct ExtractResult
{
    std::vector<FoundValue> values;
    std::vector<ImportWarning> warnings;
    /// What the report says of the text that is no warning (what a dump shows and does not).
    std::vector<ImportWarning> infos;
    /// Infos of what a program's log says of HNS (kube-proxy's record of a service it had not programmed
    /// when it logged it): like the log readers' messages, they are something a log alone gives.
    std::vector<ImportWarning> loggedInfos;
    /// Lines (first, last) a reader read as its format though they hold no value to import (a Go map
    /// that prints only addresses, a Go map of structs that are no HNS objects): what another reader
    /// says of them (`{"abc":(*hcn.` is no JSON) is no problem of the dump.
    std::vector<std::pair<int, int>> readWithoutValues;
};

struct ExtractOptions
{
    int maxDepth = kDefaultMaxJsonDepth; ///< deeper values are refused before they are parsed
};

/// Every top-level JSON object, and every array of objects, arrays or strings, in decoded `text`: with
/// text around it, several per file, inside log lines (raw, or as a quoted string with escaped quotes),
/// wrapped or elided by a console. HNS envelopes {"Success":true,"Output":...} are unwrapped.
ExtractResult extractJsonValues(std::string_view text, const ExtractOptions& options = {});
/// The same over lines already cleaned with cleanPastedText.
ExtractResult extractJsonValues(const std::vector<CleanedLine>& lines, const ExtractOptions& options = {});

} // namespace hcn::io
