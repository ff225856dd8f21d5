// Finding Go struct dumps (%+v, %#v) in log lines and pasted text, and giving each the JSON names
// hcsshim's json tags give its fields, so the import reads it as it reads hcsshim's JSON.

#include "common/text.h"
#include "common/utf8.h"
#include "hcn/dump_formats.h"
#include "io/go_dump_continuation.h"
#include "io/go_dump_elements.h"
#include "io/go_dump_start_cut.h"
#include "io/go_struct_value.h"
#include "io/hns_member.h"
#include "io/json_repair.h"
#include "io/kube_proxy_endpoints.h"
#include "io/logged_error.h"
#include "io/object_kinds.h"
#include "io/text_scan.h"
#include "io/text_tables.h"
#include "io/wrapped_lines.h"

#include <algorithm>
#include <array>
#include <optional>

namespace hcn::io {

namespace {

/// A quoted log field holding a dump is unquoted and searched again, at most this often nested.
constexpr int kMaxGoQuotedNesting = 2;
/// A dump is joined from at most this many bytes of lines, and all joining of one text reads at most
/// twice the text plus this many bytes again: a text full of cut dumps stays linear.
constexpr std::size_t kMaxGoJoinedBytes = 1 << 20;
/// FoundValue::context keeps at most this many bytes before a dump.
constexpr std::size_t kMaxGoContext = 120;

using json = nlohmann::json;

/// The members of a dump's outermost struct read with a value, or of each struct of its outermost list
/// (`[&{Id:... Name:cbr0 ...`), each element counting as one more: the reader leaves out a member the
/// text ends inside, and a member the cut fell deeper in is one either way (text after a cut that reads
/// as more elements of a nested list completes nothing).
std::size_t completeMembers(const json& value, bool top = true)
{
    if (!value.is_structured())
        return 0;
    std::size_t count = 0;
    for (const json& member : value)
        if (!member.is_null())
            count += 1 + (top && value.is_array() && member.is_object() ? completeMembers(member, false) : 0);
    return count;
}

} // namespace

/// The kind a %#v type name says (`hcn.HostComputeEndpoint`, `*hns.HNSNetwork`, `[]hcn.HostComputeNetwork`).
ResourceKind goKindOfType(std::string_view type)
{
    while (!type.empty() &&
           (type.front() == '&' || type.front() == '*' || type.front() == '[' || type.front() == ']'))
        type.remove_prefix(1);
    const std::size_t dot = type.rfind('.');
    if (dot == std::string_view::npos)
        return ResourceKind::Invalid;
    const std::string_view package = type.substr(0, dot);
    const std::string_view name = type.substr(dot + 1);
    struct Known
    {
        std::string_view name;
        ResourceKind kind;
    };
    static constexpr std::array<Known, 7> kKnown{{{"HostComputeNetwork", ResourceKind::Network},
                                                  {"HNSNetwork", ResourceKind::Network},
                                                  {"HostComputeEndpoint", ResourceKind::Endpoint},
                                                  {"HNSEndpoint", ResourceKind::Endpoint},
                                                  {"HostComputeNamespace", ResourceKind::Namespace},
                                                  {"HostComputeLoadBalancer", ResourceKind::LoadBalancer},
                                                  {"HostComputeRoute", ResourceKind::SdnRoute}}};
    for (const Known& k : kKnown)
        if (name == k.name)
            return k.kind;
    // hcsshim's v1 namespace is just `Namespace`: only hcsshim's packages say it is an HNS one.
    if (name == "Namespace" && (package.ends_with("hns") || package.ends_with("hcsshim")))
        return ResourceKind::Namespace;
    return ResourceKind::Invalid;
}

/// Go field names to the JSON names hcsshim's tags give them, per hns-v1-schema.md: `Id` -> `ID` (the
/// objects' own ID; nested `Id`s are JSON "Id" too), `EndpointReferences` -> `References`
/// (PolicyList), `EncapEnabled` -> `NeedEncap` (RoutePolicy), embedded `Policy` / `LBPolicy` inlined.
/// Members the JSON would leave out (omitempty: empty strings, nil, empty lists and maps) are left out.
void goJsonNames(json& value, bool top)
{
    if (value.is_array()) {
        for (json& element : value)
            goJsonNames(element, top);
        return;
    }
    if (!value.is_object())
        return;
    for (auto& [key, member] : value.items())
        goJsonNames(member, false);
    for (const char* embedded : {"LBPolicy", "Policy"}) {
        auto it = value.find(embedded);
        if (it == value.end() || !it->is_object() || !it->contains("Type") || value.contains("Type"))
            continue;
        json inner = std::move(*it);
        value.erase(it);
        for (auto& [key, member] : inner.items())
            if (!value.contains(key))
                value[key] = std::move(member);
    }
    struct Rename
    {
        const char* from;
        const char* to;
    };
    static constexpr std::array<Rename, 2> kRenames{
        {{"EndpointReferences", "References"}, {"EncapEnabled", "NeedEncap"}}};
    for (const Rename& r : kRenames) {
        auto it = value.find(r.from);
        if (it != value.end() && !value.contains(r.to)) {
            json moved = std::move(*it);
            value.erase(it);
            value[r.to] = std::move(moved);
        }
    }
    if (top) {
        auto it = value.find("Id");
        if (it != value.end() && !value.contains("ID")) {
            json moved = std::move(*it);
            value.erase(it);
            value["ID"] = std::move(moved);
        }
    }
    for (auto it = value.begin(); it != value.end();) {
        const bool empty = it->is_null() || (it->is_string() && it->get_ref<const std::string&>().empty()) ||
                           (it->is_structured() && it->empty());
        it = empty ? value.erase(it) : std::next(it);
    }
}

namespace {

std::string goLineRange(int line)
{
    return "line " + std::to_string(line);
}

/// Whether a value read from a dump shows anything: a list of structs none of whose members is complete
/// (`[{Id:74519449-3C37-`) shows nothing.
bool showsMembers(const json& value)
{
    if (value.is_array())
        return std::any_of(value.begin(), value.end(),
                           [](const json& e) { return !e.is_structured() || showsMembers(e); });
    return value.is_object() && !value.empty();
}

/// `[0].Id` -> `Id`: the member a path ends in.
std::string memberName(std::string_view path)
{
    const std::size_t dot = path.rfind('.');
    return std::string(dot == std::string_view::npos ? path : path.substr(dot + 1));
}

/// The warning for a dump the text ends inside (or that cannot be read) before any member is complete:
/// when the cut fell in the ID of what is clearly an HNS object (hns_member.h), it names the object lost.
/// `kind` is the object's kind when it names one, else Invalid.
std::string nothingComplete(const GoDumpRead& read, std::string_view context, ResourceKind& kind)
{
    const std::string member = memberName(read.stoppedIn);
    kind = read.cut ? cutIdShowsHnsObject(member, read.cutText, goKindOfType(read.typeName), context)
                    : ResourceKind::Invalid;
    if (kind == ResourceKind::Invalid)
        return "a Go struct dump opens here but " +
               std::string(read.cut ? "the line ends before any member is complete" : "cannot be read") +
               "; not imported";
    const std::string name(resourceKindLabel(kind));
    return "a Go struct dump of an HNS " + name + " is cut off inside its " + member + ", after " +
           read.cutText + "; nothing of the " + name + " is complete; not imported";
}

/// Where the Go token at text[at] ends: just after the quoted string, raw string or rune it opens, after
/// the bracket that closes the one it opens (the text's size when the text ends first), else after it.
std::size_t goTokenEnd(std::string_view text, std::size_t at, bool* closed = nullptr)
{
    if (closed)
        *closed = true;
    int depth = 0;
    GoStringSkip strings(GoQuotes::All);
    for (std::size_t i = at; i < text.size(); ++i) {
        if (!strings.skip(text, i))
            depth += goBracketStep(text[i], true);
        if (depth <= 0 && !strings.inside())
            return std::min(text.size(), i + 1);
    }
    if (closed)
        *closed = false;
    return text.size();
}

/// Whether a member's value, as written after its colon, is a Go expression no printer writes: a
/// variable, a selector or a call (`endpointName`, `nw.Name`, `net.ParseIP(ip)`). %#v writes literals
/// (`"cbr0"`, `0x5`, `true`, `nil`, `[]string{...}`, `(*hcn.Namespace)(nil)`), %+v no blank after the
/// colon but for an empty value (`Name: Policies:[]`, the next member after it).
bool goSourceExpression(std::string_view value)
{
    if (value.empty() || !(std::isalpha(static_cast<unsigned char>(value[0])) || value[0] == '_'))
        return false;
    std::size_t end = 0;
    while (end < value.size() && (goIdentChar(value[end]) || value[end] == '.'))
        ++end;
    const std::string_view name = value.substr(0, end);
    if (name == "true" || name == "false" || name == "nil" || name.ends_with('.'))
        return false;
    return end == value.size() || value[end] == '(';
}

/// Whether `header` starts with the Go keyword `word` (followed by a blank or, for `func`, a parenthesis).
bool startsWithGoKeyword(std::string_view header, std::string_view word)
{
    if (!header.starts_with(word))
        return false;
    if (header.size() == word.size())
        return true;
    const char next = header[word.size()];
    return next == ' ' || next == '\t' || (word == "func" && next == '(');
}

/// Whether the brace at line[brace] opens a Go function body or a statement's block, not a value: gofmt's
/// blank before it, and before that a function's signature (`func name(params) result`, also after a
/// review diff's hunk header `@@ -257,6 +257,7 @@ func ...`, a closure `handler := func(w ...)`) or a
/// statement that takes a block (`if err != nil`, `for _, ep := range eps`, `switch`, `select`,
/// `} else`, `go func()`, `defer func()`), and nothing after it on its line but a comment. A dump's
/// brace follows a type, `&`, a colon or `=`, and members follow it (`for ep1: {Id:...}` is a dump).
bool goBlockBraceAt(std::string_view line, std::size_t brace)
{
    if (brace == 0 || (line[brace - 1] != ' ' && line[brace - 1] != '\t'))
        return false;
    const std::string_view after = trimBlanks(line.substr(brace + 1));
    if (!after.empty() && !after.starts_with("//"))
        return false;
    std::string_view header = trimBlanks(line.substr(0, brace));
    // A review diff's hunk header names the function the hunk is in: `@@ -a,b +c,d @@ func ...`.
    if (header.starts_with("@@")) {
        const std::size_t close = header.find("@@", 2);
        if (close == std::string_view::npos)
            return false;
        header = trimBlanks(header.substr(close + 2));
    } else if (header.starts_with('+') || header.starts_with('-')) {
        header = trimBlanks(header.substr(1)); // a diff's added or removed line
    }
    if (header.empty())
        return false;
    if (header.starts_with('}'))
        header = trimBlanks(header.substr(1)); // `} else {`, `} else if x {`
    // A statement's header and a function's signature end in a name, a literal or a bracket (`)`,
    // `err != nil`, `[]policy.Policy`, `== "x"`); prose before a dump ends in a colon or `=`.
    const char last = header.back();
    if (last != ')' && last != ']' && last != '"' && !goIdentChar(last))
        return false;
    for (const std::string_view word : {"if", "for", "switch", "select", "else", "go", "defer"})
        if (startsWithGoKeyword(header, word))
            return true;
    for (std::size_t at = header.find("func"); at != std::string_view::npos;
         at = header.find("func", at + 1)) {
        if (at > 0 && (goIdentChar(header[at - 1]) || header[at - 1] == '.'))
            continue;
        const std::string_view rest = header.substr(at);
        if (startsWithGoKeyword(rest, "func") && rest.find('(') != std::string_view::npos)
            return true;
    }
    return false;
}

/// Whether the typed struct whose dump starts at text[start] (its brace at text[brace]) is Go source, a
/// composite literal (`ep := &hcsshim.HNSEndpoint{Name: endpointName, VirtualNetworkName: nw.Name}`, or
/// gofmt's one member a line, `Name:               endpointName,`), not a dump: a member's value after
/// a blank is a variable, selector or call, or the struct is assigned or returned (`x = `, `x := `,
/// `return `) and its first member has gofmt's blank after the colon. fmt's %#v writes no blank there
/// and only literals as values. A brace with no type before it (a slice literal's element, `{` alone on
/// its line) is source only when such a value is a selector or a call (`uint16(mapping.ContainerPort)`).
bool goSourceLiteralAt(std::string_view text, std::size_t start, std::size_t brace)
{
    if (brace == 0)
        return false;
    // %+v's `&{`, `{` and `[{` have no type; a literal whose type is elided (an element of a slice
    // literal, `{` alone on its line) is source only by a member's value, a call or a selector.
    const bool untyped = start == brace || !goIdentChar(text[brace - 1]);
    // The first members at the struct's outermost level, within the first bytes after its brace: `Key:`,
    // the blanks after it, its value (up to a comma or the closing brace at its own level).
    constexpr std::size_t kMaxLookedAt = 4096;
    constexpr std::size_t kMaxMembersLookedAt = 16;
    const std::string_view inside = text.substr(brace + 1, kMaxLookedAt);
    bool firstSpaced = false;
    std::size_t members = 0;
    for (std::size_t at = 0; at < inside.size() && members < kMaxMembersLookedAt;) {
        while (at < inside.size() && (inside[at] == ' ' || inside[at] == '\t' || inside[at] == ','))
            ++at;
        const std::size_t key = goFieldKeyLength(inside, at);
        if (key == 0)
            break;
        std::size_t value = at + key + 1;
        const bool spaced = value < inside.size() && (inside[value] == ' ' || inside[value] == '\t');
        while (value < inside.size() && (inside[value] == ' ' || inside[value] == '\t'))
            ++value;
        std::size_t valueEnd = value;
        while (valueEnd < inside.size() && inside[valueEnd] != ',' && inside[valueEnd] != '}')
            valueEnd = goTokenEnd(inside, valueEnd);
        if (members++ == 0)
            firstSpaced = spaced;
        const std::string_view shown = trimBlanks(inside.substr(value, valueEnd - value));
        if (spaced && goSourceExpression(shown) &&
            (!untyped || shown.find_first_of(".(") != std::string_view::npos))
            return true;
        at = valueEnd;
    }
    if (untyped || !firstSpaced)
        return false;
    std::string_view before = text.substr(0, start);
    while (!before.empty() && (before.back() == ' ' || before.back() == '\t'))
        before.remove_suffix(1);
    if (before.ends_with("return"))
        return before.size() == 6 || !goIdentChar(before[before.size() - 7]);
    if (!before.ends_with('=') || before.ends_with("==") || before.ends_with("!=") ||
        before.ends_with("<=") || before.ends_with(">="))
        return false;
    // gofmt keeps a blank before an assignment's `=` (or `:=`); a log field (`ep=&hcsshim...`) has none.
    before.remove_suffix(before.ends_with(":=") ? 2 : 1);
    return !before.empty() && (before.back() == ' ' || before.back() == '\t');
}

class GoDumpFinder
{
public:
    GoDumpFinder(ExtractResult& result, const std::vector<CleanedLine>& lines)
        : m_result(result), m_lines(lines)
    {
        m_joinBudget = kMaxGoJoinedBytes;
        for (const CleanedLine& line : lines)
            m_joinBudget += 2 * (line.text.size() + 1);
    }

    /// Every dump in every line; a dump spread over several lines is read once, and the search goes on
    /// after it on the line it ended on.
    void scanLines()
    {
        std::size_t column = 0;
        // A paste may start inside a dump on the first line of the text, of a fenced block or of a
        // paragraph, or after a line that is no part of a dump (a sentence, a log record's own words; not
        // a member line of a dump printed one member per line).
        bool mayStartCut = true;
        for (std::size_t line = 0; line < m_lines.size();) {
            m_line = line;
            m_column = column;
            if (column == 0) {
                const std::string_view t = trimBlanks(m_lines[line].text);
                const bool fence = isFenceLine(t);
                const bool tried = mayStartCut && !fence && !t.empty() && takeStartCut();
                mayStartCut =
                    !tried && (fence || t.empty() ||
                               (t.find_first_of("{}[]") == std::string_view::npos && !goLineShowsMembers(t)));
            }
            if (!m_resume)
                scan(std::string_view(m_lines[line].text).substr(column), m_lines[line].sourceLine, 0);
            if (m_resume) {
                std::tie(line, column) = *m_resume;
                m_resume.reset();
            } else {
                ++line;
                column = 0;
            }
        }
        sayPointerLists();
    }

    /// Every dump in `text`, one line of the dump (or a log field unquoted from one).
    void scan(std::string_view text, int sourceLine, int nesting)
    {
        std::size_t from = 0;     // a dump starts after the one before it
        std::size_t mapsRead = 0; // %#v maps were read up to here (noteSharpMap)
        for (std::size_t pos = 0; pos < text.size();) {
            if (text[pos] == '"' && pos > 0 && text[pos - 1] == '=' && nesting < kMaxGoQuotedNesting) {
                if (const std::size_t next = quotedField(text, pos, sourceLine, nesting))
                    pos = from = next;
                else
                    ++pos;
                continue;
            }
            if (text[pos] == '{' && goBlockBraceAt(text, pos)) {
                // A function's body or a statement's block: Go source; what is inside it is searched.
                pos = from = pos + 1;
                continue;
            }
            const std::size_t start =
                text[pos] == '{' ? goStructDumpStart(text, pos, from) : std::string_view::npos;
            if (start == std::string_view::npos) {
                if (text[pos] == '{' && nesting == 0 && readOpenedAtLineEnd(text, pos, from))
                    return; // the search goes on where the dump ended, on a later line
                if (text[pos] == '{') {
                    if (const std::size_t next = notePointerList(text, pos, sourceLine)) {
                        pos = from = next;
                        continue;
                    }
                    if (pos >= mapsRead)
                        mapsRead = std::max(mapsRead, noteSharpMap(text, pos, sourceLine));
                } else if (text[pos] == '[') {
                    if (const std::size_t next = noteAddressList(text, pos, sourceLine)) {
                        pos = from = next;
                        continue;
                    }
                }
                pos = text[pos] == '{' ? noteValuesWithoutNames(text, pos, sourceLine) : pos + 1;
                continue;
            }
            if (goSourceLiteralAt(text, start, pos)) {
                // Go source code, a composite literal: no dump, and nothing to tell of it.
                bool closed = false;
                const std::size_t end = goTokenEnd(text, pos, &closed);
                if (!closed && nesting == 0) {
                    passSourceOnLines(pos);
                    return;
                }
                pos = from = end;
                continue;
            }
            GoDumpRead read = readGoStructDump(text.substr(start), kDefaultMaxJsonDepth);
            if (nesting == 0 && read.cut && !read.closed && readJoined(start, read))
                return; // the search goes on where the dump ended, on a later line
            const std::size_t end = std::max(start + read.end, pos + 1);
            take(std::move(read), text, start, sourceLine, sourceLine, nesting);
            pos = from = end;
        }
    }

private:
    /// A paste that begins inside a dump (`...5 Name:pod-a IPAddress:10.0.0.5 ...}`): each struct it is
    /// inside is read from the members it shows, with the lines that continue it; the search goes on after
    /// the last bracket the dump closes. False when the line being searched does not start such a paste.
    bool takeStartCut()
    {
        if (!goLineShowsMembers(m_lines[m_line].text))
            return false;
        const GoDumpContinuation joined =
            continueGoDump(m_lines, m_line, 0, std::min(kMaxGoJoinedBytes, m_joinBudget));
        m_joinBudget -= std::min(m_joinBudget, joined.text.size());
        const std::optional<GoStartCut> cut = findGoStartCut(joined.text, kDefaultMaxJsonDepth);
        if (!cut)
            return false;
        const std::size_t before = m_result.values.size();
        const int firstLine = m_lines[m_line].sourceLine;
        const auto lineOf = [&](std::size_t offset) { return joined.pieceAt(offset).line; };
        // The structs the paste is inside and the whole ones after them, in the order of the text.
        // Whether any of them is an HNS object (by its type or its members): only then does the cut lose
        // something the import shows, and is told.
        bool hns = false;
        std::size_t element = 0;
        const auto takeElementsBefore = [&](std::size_t offset) {
            for (; element < cut->elements.size() && cut->elements[element] < offset; ++element) {
                const std::size_t at = cut->elements[element];
                GoDumpRead read =
                    readGoStructDump(std::string_view(joined.text).substr(at), kDefaultMaxJsonDepth);
                const std::size_t end = at + std::max<std::size_t>(read.end, 1);
                take(std::move(read), joined.text, at, m_lines[lineOf(at)].sourceLine,
                     m_lines[lineOf(end - 1)].sourceLine, 0);
            }
        };
        for (const GoStartCut::Members& members : cut->structs) {
            takeElementsBefore(members.begin);
            const std::string_view shown =
                std::string_view(joined.text).substr(members.begin, members.end - members.begin);
            // The struct as the dump would show it had the paste begun before it (%#v needs a type).
            const std::string text =
                (cut->sharp ? "cut.Struct{" : "{") + std::string(shown) + (members.closed ? "}" : "");
            GoDumpRead read = readGoStructDump(text, kDefaultMaxJsonDepth);
            if (!read.value.is_object() || read.value.empty() || read.tooDeep)
                continue; // a part of something else (a policy's settings): nothing to tell
            // Prose with `Word: ` in it (a PowerShell error, `HRESULT: 2151350282. Result: {...}`) is no
            // dump: a struct the paste starts inside shows an HNS member or a member as %+v writes it.
            if (!showsHnsMember(read.value) && !goMembersShowPair(shown))
                continue;
            const std::size_t head = lineOf(members.begin);
            const std::size_t tail = lineOf(members.end == 0 ? 0 : members.end - 1);
            read.repairs.push_back({{}, "read the members after a cut at the start of the paste"});
            if (tail != head)
                read.repairs.push_back({{}, joinedRepair(tail - head + 1)});
            const std::size_t taken = m_result.values.size();
            take(std::move(read), text, 0, m_lines[head].sourceLine, m_lines[tail].sourceLine, 0);
            if (m_result.values.size() > taken) {
                FoundValue& found = m_result.values.back();
                found.startCut = true;
                found.sourceText = validUtf8(std::string(shown));
                found.losses.insert(found.losses.begin(),
                                    "the paste starts inside this value; its members before line " +
                                        std::to_string(found.firstLine) + " are unknown");
            }
        }
        takeElementsBefore(joined.text.size());
        if (m_result.values.size() == before)
            return false;
        for (std::size_t v = before; v < m_result.values.size() && !hns; ++v) {
            bool isV1 = false;
            hns = m_result.values[v].kindHint != ResourceKind::Invalid ||
                  detail::classifyObject(m_result.values[v].value, ResourceKind::Invalid, isV1) !=
                      ResourceKind::Invalid;
        }
        // A struct of something else (a Calico workload endpoint's `%#v`) cut at its start lost nothing
        // the import shows: it is read as any such dump, and not told.
        if (hns)
            warn(firstLine,
                 "the paste starts inside a Go struct dump; only the members after the cut are read");
        const GoDumpContinuation::Piece& last = joined.pieceAt(cut->end == 0 ? 0 : cut->end - 1);
        m_resume = {last.line, last.column + (cut->end - last.offset)};
        return true;
    }

    /// `msg="created hcn.HostComputeEndpoint{Id:\"...\"}"`: a quoted field whose quotes inside are
    /// escaped is unquoted and searched on its own. Returns where scanning goes on (0: not such a field;
    /// a field without escaped quotes is searched as it stands).
    std::size_t quotedField(std::string_view text, std::size_t open, int sourceLine, int nesting)
    {
        std::size_t end = open + 1;
        bool escaped = false;
        while (end < text.size() && text[end] != '"') {
            escaped = escaped || (text[end] == '\\' && end + 1 < text.size() && text[end + 1] == '"');
            end += text[end] == '\\' ? 2 : 1;
        }
        if (!escaped)
            return 0;
        // A field whose closing quote was cut with the line is still unquoted and searched.
        end = std::min(end, text.size());
        const std::string unquoted = unquoteGoString(text.substr(open + 1, end - open - 1));
        scan(unquoted, sourceLine, nesting + 1);
        return end + 1;
    }

    /// The dump at column `start` of the line being searched, cut at the line's end (`alone`), read again
    /// with the lines that continue it. False (nothing taken) when the joined text does not end the dump
    /// either and completes no member the line alone did not nor goes on with the member the line ends
    /// in (`DNSSu` / `ffix: M`; a paste cut again on a later line still keeps the members its lines
    /// complete), or when the lines it takes then are not the pieces a
    /// console broke one line into (consoleWrapEnd): without a closing bracket, only the console's width
    /// says that a line goes on with the dump.
    bool readJoined(std::size_t start, const GoDumpRead& alone)
    {
        const GoDumpContinuation joined = joinedLines();
        if (joined.pieces.size() < 2)
            return false;
        GoDumpRead read = readGoStructDump(std::string_view(joined.text).substr(start), kDefaultMaxJsonDepth);
        if (read.closed) {
            if (start + read.end <= joined.pieces[1].offset)
                return false;
        } else {
            const std::size_t members = completeMembers(read.value);
            const std::size_t membersAlone = completeMembers(alone.value);
            if (!read.cut || read.tooDeep || members < membersAlone ||
                (members == membersAlone && read.stoppedIn == alone.stoppedIn))
                return false;
            const std::size_t last = joined.pieceAt(start + std::max<std::size_t>(read.end, 1) - 1).line;
            if (last >= consoleWrapEnd(m_lines, m_line, last - m_line + 1))
                return false;
        }
        takeJoined(std::move(read), joined, start);
        return true;
    }

    /// `resp: &{` at the end of the line, one member per line after it (`    Id:6E72...`, `    Name:ep1`,
    /// `}`): the dump opening at text[brace] is read with the lines that continue it, also when the
    /// text ends inside it. False (nothing taken) when the next line shows no `Key:` member or the joined
    /// text holds no dump opening there.
    bool readOpenedAtLineEnd(std::string_view text, std::size_t brace, std::size_t from)
    {
        if (!trimBlanks(text.substr(brace + 1)).empty() || m_line + 1 >= m_lines.size())
            return false;
        const std::string_view next = trimBlanks(m_lines[m_line + 1].text);
        const std::size_t key = goFieldKeyLength(next, 0);
        if (key == 0 || next.substr(key + 1).starts_with(" ("))
            return false; // go-spew's `Key: (type) value` is read by its own reader
        const GoDumpContinuation joined = joinedLines();
        const std::size_t start =
            joined.pieces.size() < 2 ? std::string_view::npos : goStructDumpStart(joined.text, brace, from);
        if (start == std::string_view::npos)
            return false;
        if (goSourceLiteralAt(joined.text, start, brace)) {
            passSource(joined, brace);
            return true;
        }
        takeJoined(readGoStructDump(std::string_view(joined.text).substr(start), kDefaultMaxJsonDepth),
                   joined, start);
        return true;
    }

    /// Go source whose brace at column `brace` of the text searched does not close on its line: passed
    /// over with the lines it goes on over; the search goes on after it.
    void passSourceOnLines(std::size_t brace) { passSource(joinedLines(), brace); }

    /// Go source whose brace is at joined.text[brace]: passed over up to its closing brace (all of the
    /// joined text when it does not close there); the search goes on after it.
    void passSource(const GoDumpContinuation& joined, std::size_t brace)
    {
        const std::size_t end = std::max(goTokenEnd(joined.text, brace), brace + 1);
        const GoDumpContinuation::Piece& last = joined.pieceAt(end - 1);
        m_resume = {last.line, last.column + (end - last.offset)};
    }

    /// The line being searched from where its search began, with the lines that may continue a dump it
    /// ends inside joined on, within what joining may still read.
    GoDumpContinuation joinedLines()
    {
        GoDumpContinuation joined =
            continueGoDump(m_lines, m_line, m_column, std::min(kMaxGoJoinedBytes, m_joinBudget));
        m_joinBudget -= std::min(m_joinBudget, joined.text.size());
        return joined;
    }

    /// The dump read from joined.text at `start`, over the lines it takes; the search goes on after it.
    void takeJoined(GoDumpRead&& read, const GoDumpContinuation& joined, std::size_t start)
    {
        const std::size_t end = start + std::max<std::size_t>(read.end, 1);
        const GoDumpContinuation::Piece& last = joined.pieceAt(end - 1);
        take(std::move(read), joined.text, start, m_lines[m_line].sourceLine, m_lines[last.line].sourceLine,
             0, &joined);
        m_resume = {last.line, last.column + (end - last.offset)};
    }

    /// The dump read from text[pos], on lines sourceLine to lastLine; `joined` maps the text's offsets to
    /// the lines it was joined from (nullptr: the text is one line). A list's elements are objects of their
    /// own, each with its own lines, losses and repairs.
    void take(GoDumpRead&& read, std::string_view text, std::size_t pos, int sourceLine, int lastLine,
              int nesting, const GoDumpContinuation* joined = nullptr)
    {
        if (read.tooDeep) {
            warn(sourceLine,
                 "nested deeper than " + std::to_string(kDefaultMaxJsonDepth) + " levels; not imported");
            return;
        }
        goJsonNames(read.value, true);
        const bool useful = showsMembers(read.value);
        if (!read.closed && !useful) {
            ResourceKind kind = ResourceKind::Invalid;
            std::string lost = nothingComplete(read, text.substr(0, pos), kind);
            // The text ends on the dump's last line: that is where it was cut.
            if (kind == ResourceKind::Invalid)
                warn(read.cut ? lastLine : sourceLine, std::move(lost));
            else
                takeCutIdOnly(read, kind, std::move(lost), text.substr(0, pos), text.substr(pos, read.end),
                              sourceLine, lastLine);
            return;
        }
        const std::string_view context = text.substr(0, pos);
        // A list of structs told apart (`[{Id:...} {Id:...}]`, `[]hcn.X{hcn.X{...}}`): each element is an
        // object of its own, the paths of its losses its own (`Policies[0]: ...`, not `[1].Policies[0]`).
        const bool list =
            read.value.is_array() && !read.value.empty() && read.value.size() == read.elements.size() &&
            std::all_of(read.value.begin(), read.value.end(), [](const json& e) { return e.is_object(); });
        // Where the cut fell, within the object (or the list's element) it fell in.
        std::string cutPath = read.endsAfter.empty() ? read.stoppedIn : read.endsAfter;
        std::optional<std::size_t> cutElement;
        if (list && !read.closed) {
            std::string inside;
            cutElement = goListElementOf(cutPath, &inside);
            if (cutElement)
                cutPath = std::move(inside);
        }
        // The element the text ended inside before any of its members was complete is nothing; when it
        // is clearly an HNS object cut inside its ID, it is the start of that ID, as for a struct alone.
        const bool cutElementLost =
            cutElement && (*cutElement >= read.value.size() || read.value[*cutElement].empty());
        ResourceKind lostKind = ResourceKind::Invalid;
        std::string lostElement = cutElementLost ? nothingComplete(read, context, lostKind) : std::string();
        if (!read.closed) {
            if (cutElementLost && lostKind != ResourceKind::Invalid)
                takeCutIdOnly(
                    read, lostKind, std::move(lostElement), context,
                    *cutElement < read.elements.size()
                        ? text.substr(pos + read.elements[*cutElement].first,
                                      read.elements[*cutElement].second - read.elements[*cutElement].first)
                        : text.substr(pos, read.end),
                    sourceLine, lastLine);
            // A cut dump of something else (a net.Interface, a request HNS was sent) lost no HNS object.
            // In a list, the element the cut fell in is what lost part of itself: its siblings are whole.
            else if (cutLosesHnsObject(cutElement && !cutElementLost ? read.value[*cutElement] : read.value,
                                       context))
                warn(read.cut ? lastLine : sourceLine, cutWarning(read, pos));
        }
        if (!useful)
            return;
        if (read.elided)
            warn(sourceLine, "members elided with '...' were left out; the value is incomplete");
        const std::string cutLoss = read.closed || read.cutTold ? std::string() : cutLossOf(read, cutPath);
        FoundValue found;
        found.format = DumpFormat::GoStruct;
        found.firstLine = sourceLine;
        found.lastLine = lastLine;
        std::string_view before = trimBlanks(context);
        if (before.size() > kMaxGoContext)
            before = before.substr(before.size() - kMaxGoContext);
        found.context = validUtf8(std::string(before));
        if (read.closed)
            found.after = textAfterValue(text.substr(std::min(text.size(), pos + read.end)), std::nullopt);
        found.kindHint = goKindOfType(read.typeName);
        if (nesting > 0)
            found.repairs.push_back("unquoted from a log field");
        // What was repaired in the members within `element` (all of them: nullopt), and, for a text
        // joined from several lines, the lines text[from, to) was spread over.
        const auto repairsOf = [&](FoundValue& value, std::optional<std::size_t> element, std::size_t from,
                                   std::size_t to) {
            for (const GoDumpRead::Repair& r : read.repairs)
                if (!element || goListElementOf(r.path).value_or(*element) == *element)
                    value.repairs.push_back(r.message);
            if (joined) {
                const std::size_t first = joined->pieceAt(pos + from).line;
                const std::size_t last = joined->pieceAt(pos + std::max(to, from + 1) - 1).line;
                value.firstLine = m_lines[first].sourceLine;
                value.lastLine = m_lines[last].sourceLine;
                if (last > first)
                    value.repairs.push_back(joinedRepair(last - first + 1));
            }
            std::sort(value.repairs.begin(), value.repairs.end());
            value.repairs.erase(std::unique(value.repairs.begin(), value.repairs.end()), value.repairs.end());
        };
        // The cut fell in the object's Id: what the dump shows of it may name an object seen whole.
        const auto cutId = [&](const FoundValue& object) {
            return read.cut && cutPath.find_first_of(".[") == std::string::npos &&
                           cutInHnsId(cutPath, read.cutText, object.context)
                       ? read.cutText
                       : std::string();
        };
        if (!list) {
            repairsOf(found, std::nullopt, 0, read.end);
            found.cutOff = !read.closed;
            found.sourceText = validUtf8(std::string(text.substr(pos, read.end)));
            found.cutId = cutId(found);
            found.losses = std::move(read.losses);
            if (!cutLoss.empty())
                found.losses.push_back(cutLoss);
            found.value = std::move(read.value);
            m_result.values.push_back(std::move(found));
            return;
        }
        // The last element kept carries a cut that fell between elements, as JSON's last element does.
        std::size_t last = read.value.size();
        while (last > 0 && read.value[last - 1].empty())
            --last;
        for (std::size_t i = 0; i < read.value.size(); ++i) {
            if (read.value[i].empty())
                continue;
            FoundValue element = found;
            const auto& [from, to] = read.elements[i];
            element.sourceText = validUtf8(std::string(text.substr(pos + from, to - from)));
            repairsOf(element, i, from, to);
            for (const std::string& loss : read.losses)
                if (std::optional<std::string> own = goLossOfElement(loss, i))
                    element.losses.push_back(std::move(*own));
            if (!cutLoss.empty() && (cutElement ? *cutElement == i : i + 1 == last)) {
                element.losses.push_back(cutLoss);
                element.cutOff = true;
                if (cutElement)
                    element.cutId = cutId(element);
            }
            element.value = std::move(read.value[i]);
            m_result.values.push_back(std::move(element));
        }
    }

    /// A dump of an HNS object the text ends inside the ID of before any member is complete: a value
    /// of nothing but the start of its ID, `lost` its one loss. The import merges it with the one object
    /// of its kind seen whole whose ID starts so, and else warns with `lost` (import_linking.cpp).
    void takeCutIdOnly(const GoDumpRead& read, ResourceKind kind, std::string lost, std::string_view context,
                       std::string_view sourceText, int sourceLine, int lastLine)
    {
        FoundValue found;
        found.value = json::object();
        found.format = DumpFormat::GoStruct;
        found.firstLine = sourceLine;
        found.lastLine = lastLine;
        std::string_view before = trimBlanks(context);
        if (before.size() > kMaxGoContext)
            before = before.substr(before.size() - kMaxGoContext);
        found.context = validUtf8(std::string(before));
        found.sourceText = validUtf8(std::string(sourceText));
        found.cutOff = true;
        found.kindHint = kind;
        found.cutId = read.cutText;
        found.onlyCutId = true;
        found.losses.push_back(validUtf8(std::move(lost)));
        m_result.values.push_back(std::move(found));
    }

    static std::string joinedRepair(std::size_t lines)
    {
        return "joined the " + std::to_string(lines) + " lines the dump was spread over";
    }

    /// The warning for a dump that does not close on its line and lost part of an HNS object.
    static std::string cutWarning(const GoDumpRead& read, std::size_t pos)
    {
        if (!read.endsAfter.empty())
            return "the Go struct dump is cut off after " + memberName(read.endsAfter) +
                   " (the line ends there); only what came before the cut is read";
        return read.cut ? "the Go struct dump is cut off (the line ends inside it); only what came before "
                          "the cut is read"
                        : "the Go struct dump cannot be read past column " +
                              std::to_string(pos + read.end + 1) + "; only what came before is read";
    }

    /// The loss for a dump that does not close on its line, `path` the member (within the object) the
    /// cut fell in.
    static std::string cutLossOf(const GoDumpRead& read, const std::string& path)
    {
        const std::string where = path.empty() ? std::string() : " in " + path;
        if (!read.endsAfter.empty())
            return "the dump ends after " + memberName(path) + "; what followed is unknown";
        return read.cut ? "the dump ends inside this value" + where + "; what followed is unknown"
                        : "the dump cannot be read" + where + "; what followed is unknown";
    }

    /// `&{10.244.1.15 true 1F3E5D7C-... 00-15-5D-6A-01-0F}` at text[brace]: a struct printed with %v, its
    /// values without field names. Which value is which field cannot be told (the struct's field order is
    /// the program's), so it is not read; a warning names the IDs it holds, so the engineer knows what
    /// the dump lacks and asks for output that names them. Returns where the search goes on.
    std::size_t noteValuesWithoutNames(std::string_view text, std::size_t brace, int sourceLine)
    {
        const std::size_t close = text.find('}', brace);
        if (close == std::string_view::npos || text.find('{', brace + 1) < close)
            return brace + 1;
        const std::string_view inside = text.substr(brace + 1, close - brace - 1);
        std::vector<std::string_view> words;
        for (std::size_t at = 0; at < inside.size();) {
            const std::size_t end = std::min(inside.find(' ', at), inside.size());
            if (end > at)
                words.push_back(inside.substr(at, end - at));
            at = end + 1;
        }
        const auto named = [&](std::string_view word) { return goFieldKeyLength(word, 0) > 0; };
        const auto guid = [](std::string_view word) { return tables::isGuid(word); };
        if (words.size() < 3 || std::any_of(words.begin(), words.end(), named) ||
            std::none_of(words.begin(), words.end(), guid))
            return brace + 1;
        // The structs of one list (`[{...} {...}]`) are told in one warning.
        if (m_withoutNames.line != sourceLine || m_withoutNames.warning >= m_result.warnings.size())
            m_withoutNames = {sourceLine, m_result.warnings.size(), {}, 0};
        for (std::string_view word : words)
            if (guid(word) && m_withoutNames.ids.find(std::string(word)) == std::string::npos)
                m_withoutNames.ids += (m_withoutNames.ids.empty() ? "" : ", ") + std::string(word);
        const std::size_t count = ++m_withoutNames.values;
        std::string message =
            (count == 1 ? std::string("a Go value") : std::to_string(count) + " Go values") +
            " printed with %v, without field names (" + m_withoutNames.ids +
            "); which value is which field cannot be told, so " + (count == 1 ? "it is" : "they are") +
            " not imported. ConvertTo-Json, hnsdiag list -d or a log printing %+v name the "
            "fields";
        if (count == 1)
            warn(sourceLine, std::move(message));
        else
            m_result.warnings[m_withoutNames.warning].message =
                goLineRange(sourceLine) + ": " + validUtf8(message);
        return close + 1;
    }

    /// `[]*hcsshim.HNSNetwork{(*hcsshim.HNSNetwork)(0xc0001a2000), (*hcsshim.HNSNetwork)(0xc0001a2180)}` or
    /// `map[string]*hcn.HostComputeEndpoint{"pod-a":(*hcn.HostComputeEndpoint)(0xc000123456)}` at
    /// text[brace]: fmt's %#v of a list or map of pointers to HNS objects prints each one's address only.
    /// Noted (sayPointerLists tells them all at once); returns where the search goes on, 0 when no such
    /// list opens there.
    std::size_t notePointerList(std::string_view text, std::size_t brace, int sourceLine)
    {
        std::size_t typeStart = brace;
        while (typeStart > 0 && brace - typeStart < 256 &&
               (goIdentChar(text[typeStart - 1]) ||
                std::string_view(".*[]").find(text[typeStart - 1]) != std::string_view::npos))
            --typeStart;
        const std::string_view type = text.substr(typeStart, brace - typeStart);
        const bool isMap = type.starts_with("map[");
        // The elements' type: `*pkg.Type` after `[]` or after a map's key type.
        std::string_view elementType;
        if (type.starts_with("[]*")) {
            elementType = type.substr(2);
        } else if (isMap) {
            const std::size_t keyEnd = type.find(']');
            elementType = keyEnd == std::string_view::npos ? std::string_view() : type.substr(keyEnd + 1);
        }
        const ResourceKind kind = goKindOfType(elementType);
        if (!elementType.starts_with('*') || kind == ResourceKind::Invalid)
            return 0;
        // Each element is `(*pkg.Type)(0xc0001a2000)`, or `(*pkg.Type)(nil)`; a map's after its key and `:`.
        const std::string element = "(" + std::string(elementType) + ")(";
        std::size_t at = brace + 1;
        PointerList list{sourceLine, kind, true, isMap, {}};
        while (at < text.size() && text[at] != '}') {
            if (isMap && (at = mapKeyEnd(text, at)) == 0)
                return 0;
            if (!text.substr(at).starts_with(element))
                return 0;
            at += element.size();
            const std::size_t close = text.find(')', at);
            if (close == std::string_view::npos)
                return 0;
            const std::string_view address = text.substr(at, close - at);
            if (address != "nil" && !goAddress(address))
                return 0;
            list.addresses.emplace_back(address);
            at = close + 1;
            if (text.substr(at).starts_with(", "))
                at += 2;
        }
        if (at >= text.size() || !showsAddress(list.addresses))
            return 0;
        m_pointerLists.push_back(std::move(list));
        noteReadWithoutValues(sourceLine);
        return at + 1;
    }

    /// The end of a %#v map key and its `:` at text[at] (`"pod-a":`, `0x50:`): where its value starts, 0
    /// when no key is there.
    static std::size_t mapKeyEnd(std::string_view text, std::size_t at)
    {
        std::size_t end = at;
        if (at < text.size() && text[at] == '"') {
            for (++end; end < text.size() && text[end] != '"'; end += text[end] == '\\' ? 2 : 1) {
            }
            ++end;
        } else {
            while (end < text.size() && (goIdentChar(text[end]) || text[end] == '.' || text[end] == '-'))
                ++end;
        }
        return end > at && end < text.size() && text[end] == ':' ? end + 1 : 0;
    }

    /// `0xc0001a2000`: an address as fmt prints a pointer (at least 6 hex digits: `0x0`, `0x18` are numbers).
    static bool goAddress(std::string_view word)
    {
        return word.size() >= 8 && word.starts_with("0x") &&
               word.find_first_not_of("0123456789abcdefABCDEF", 2) == std::string_view::npos;
    }

    /// Whether a list's elements hold an address, not only nil ones.
    static bool showsAddress(const std::vector<std::string>& addresses)
    {
        return std::any_of(addresses.begin(), addresses.end(),
                           [](const std::string& a) { return a != "nil"; });
    }

    /// `[0xc0001a2b30 0xc0001a2c60]`, `&[...]` or `map[pod-a:0xc000123456 pod-b:0xc000123999]` at
    /// text[bracket]: fmt's %v / %+v of a list or map of pointers, each printed as its address. Noted as
    /// the %#v lists are when the words before it on its line name an HNS kind (`endpoints: [0x...`); a
    /// list of addresses of anything else is no concern of the import. Returns where the search goes on,
    /// 0 when no such list opens there.
    std::size_t noteAddressList(std::string_view text, std::size_t bracket, int sourceLine)
    {
        const bool isMap = bracket >= 3 && text.substr(bracket - 3, 3) == "map";
        const std::size_t open = isMap ? bracket - 3 : bracket;
        if ((!isMap && !text.substr(bracket + 1).starts_with("0x")) ||
            (open > 0 && (goIdentChar(text[open - 1]) || text[open - 1] == '.' || text[open - 1] == ']')))
            return 0;
        PointerList list{sourceLine, ResourceKind::Invalid, false, isMap, {}};
        // Each word and key is looked for within this many bytes: bracket soup stays linear.
        constexpr std::size_t kMaxWord = 256;
        const auto wordEnd = [&](std::size_t at, std::string_view ends) {
            const std::size_t end = text.substr(at, kMaxWord).find_first_of(ends);
            return end == std::string_view::npos ? std::string_view::npos : at + end;
        };
        std::size_t at = bracket + 1;
        while (at < text.size() && text[at] != ']') {
            if (isMap) {
                const std::size_t colon = wordEnd(at, ": ]");
                if (colon == std::string_view::npos || text[colon] != ':' || colon == at)
                    return 0;
                at = colon + 1;
            }
            const std::size_t end = wordEnd(at, " ]");
            if (end == std::string_view::npos)
                return 0;
            const std::string_view word = text.substr(at, end - at);
            if (word != "<nil>" && !goAddress(word))
                return 0;
            list.addresses.emplace_back(word == "<nil>" ? "nil" : word);
            at = end < text.size() && text[end] == ' ' ? end + 1 : end;
        }
        if (at >= text.size() || !showsAddress(list.addresses))
            return 0;
        // The list is a field's value (`%+v`'s `remoteSubnets:[0x...]`): the field's name alone tells what
        // it holds, not the words before the struct (`hnsNetworkInfo=&{name:Calico ...`).
        std::size_t nameEnd = open > 0 && text[open - 1] == '&' ? open - 1 : open;
        if (nameEnd > 0 && text[nameEnd - 1] == ':') {
            std::size_t nameStart = --nameEnd;
            while (nameStart > 0 && nameEnd - nameStart < kMaxWord && goIdentChar(text[nameStart - 1]))
                --nameStart;
            if (nameStart < nameEnd) {
                list.kind = kindNamedIn(text.substr(nameStart, nameEnd - nameStart));
                if (list.kind == ResourceKind::Invalid)
                    return 0;
            }
        }
        const std::size_t words = open > kMaxWord ? open - kMaxWord : 0;
        if (list.kind == ResourceKind::Invalid)
            list.kind = kindNamedIn(text.substr(words, open - words));
        if (list.kind == ResourceKind::Invalid)
            return 0;
        m_pointerLists.push_back(std::move(list));
        noteReadWithoutValues(sourceLine);
        return at + 1;
    }

    /// `map[string]winkernel.endpointInfo{"10.244.1.5:80":winkernel.endpointInfo{ip:"10.244.1.5", ...}}`
    /// at text[brace]: a %#v map, keyed by quoted strings, which JSON's `{"` does not make JSON. Its line
    /// is read as a Go dump (the HNS structs it holds are read on their own) when it reads to its end.
    /// Returns where its reading stopped (0: none opens there): the maps it holds are read with it.
    std::size_t noteSharpMap(std::string_view text, std::size_t brace, int sourceLine)
    {
        if (brace + 1 >= text.size() || text[brace + 1] != '"')
            return 0;
        std::size_t typeStart = brace;
        while (typeStart > 0 && brace - typeStart < 256 &&
               (goIdentChar(text[typeStart - 1]) ||
                std::string_view(".*[]").find(text[typeStart - 1]) != std::string_view::npos))
            --typeStart;
        if (!text.substr(typeStart, brace - typeStart).starts_with("map["))
            return 0;
        const GoDumpRead read = readGoStructDump(text.substr(typeStart), kDefaultMaxJsonDepth);
        if (read.closed && read.value.is_object())
            noteReadWithoutValues(sourceLine);
        return typeStart + read.end;
    }

    void noteReadWithoutValues(int line)
    {
        if (m_result.readWithoutValues.empty() || m_result.readWithoutValues.back().second != line)
            m_result.readWithoutValues.emplace_back(line, line);
    }

    /// One info for all the lists of pointers found: what they show and what they do not.
    void sayPointerLists()
    {
        if (m_pointerLists.empty())
            return;
        // Per kind in the order first seen: its addresses (each once: the same list is often logged
        // twice) and its nil elements.
        struct Shown
        {
            ResourceKind kind;
            std::vector<std::string> addresses;
            std::size_t nils = 0;
        };
        std::vector<Shown> shown;
        bool sharp = false;
        bool plus = false;
        bool lists = false;
        bool maps = false;
        for (const PointerList& list : m_pointerLists) {
            (list.sharp ? sharp : plus) = true;
            (list.isMap ? maps : lists) = true;
            auto it =
                std::find_if(shown.begin(), shown.end(), [&](const Shown& s) { return s.kind == list.kind; });
            if (it == shown.end())
                it = shown.insert(shown.end(), Shown{list.kind, {}, 0});
            for (const std::string& address : list.addresses) {
                if (address == "nil")
                    ++it->nils;
                else if (std::find(it->addresses.begin(), it->addresses.end(), address) ==
                         it->addresses.end())
                    it->addresses.push_back(address);
            }
        }
        std::string objects;
        for (std::size_t i = 0; i < shown.size(); ++i) {
            const std::size_t count = shown[i].addresses.size() + shown[i].nils;
            objects += (i == 0                  ? ""
                        : i + 1 == shown.size() ? " and "
                                                : ", ") +
                       std::to_string(count) + " HNS " + std::string(resourceKindLabel(shown[i].kind)) +
                       (count == 1 ? "" : "s");
        }
        const PointerList& head = m_pointerLists.front();
        const bool one = m_pointerLists.size() == 1;
        const int last = m_pointerLists.back().line;
        const std::string noun = lists && maps ? "lists and maps" : maps ? "map" : "list";
        const std::string verbs = sharp && plus ? "%#v and %+v" : sharp ? "%#v" : "%+v";
        const std::string first = *std::find_if(head.addresses.begin(), head.addresses.end(),
                                                [](const std::string& a) { return a != "nil"; });
        std::string message =
            (one ? "a Go " + noun + " printed with " + verbs + " holds"
                 : std::to_string(m_pointerLists.size()) + " Go " + (lists && maps ? noun : noun + "s") +
                       " printed with " + verbs + " hold") +
            " only the addresses of " + objects + " (" + first +
            (head.addresses.size() > 1 || !one ? ", ..." : "") +
            "), not their members; nothing of them is imported. A log printing each object (%+v of the "
            "object, not of the " +
            (maps && !lists ? "map" : "list") + ") shows them";
        const std::string range = last > head.line
                                      ? "lines " + std::to_string(head.line) + "-" + std::to_string(last)
                                      : goLineRange(head.line);
        m_result.infos.push_back({head.line, last, range + ": " + std::move(message)});
    }
    void warn(int line, std::string message)
    {
        m_result.warnings.push_back({line, line, goLineRange(line) + ": " + validUtf8(std::move(message))});
    }

    /// A %#v list of pointers to HNS objects, printed as their addresses.
    struct PointerList
    {
        int line = 0;
        ResourceKind kind = ResourceKind::Invalid;
        bool sharp = false; ///< printed with %#v, else %v / %+v
        bool isMap = false;
        std::vector<std::string> addresses; ///< each element's, `nil` for a nil one
    };

    /// The structs printed with %v on the line last searched, told in one warning.
    struct WithoutNames
    {
        int line = 0;
        std::size_t warning = 0; ///< its index in the warnings
        std::string ids;
        std::size_t values = 0;
    };

    ExtractResult& m_result;
    const std::vector<CleanedLine>& m_lines;
    std::vector<PointerList> m_pointerLists;
    WithoutNames m_withoutNames;
    std::size_t m_line = 0;                                      ///< the line being searched
    std::size_t m_column = 0;                                    ///< where its search began
    std::optional<std::pair<std::size_t, std::size_t>> m_resume; ///< line and column after a joined dump
    std::size_t m_joinBudget = 0; ///< bytes the joining of cut dumps may still read
};

} // namespace

ExtractResult extractGoStructDumps(const std::vector<CleanedLine>& lines)
{
    ExtractResult result;
    GoDumpFinder finder(result, lines);
    finder.scanLines();
    fillEndpointsFromKubeProxyRecords(result.values);
    return result;
}

} // namespace hcn::io
