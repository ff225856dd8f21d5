// Finding JSON values in dump text: a scan over the cleaned lines that follows strings and brackets,
// repairs what a console broke while it collects a value, and parses each value on its own.

#include "common/utf8.h"
#include "hcn/dump_text.h"
#include "hcn/network_mode.h"
#include "io/cut_id_warning.h"
#include "io/hns_member.h"
#include "io/json_parse_errors.h"
#include "io/json_repair.h"
#include "io/logged_error.h"
#include "io/object_kinds.h"
#include "io/pasted_characters.h"
#include "io/text_scan.h"
#include "io/text_tables.h"
#include "io/wrapped_lines.h"

#include <algorithm>
#include <cctype>
#include <optional>

namespace hcn::io {

namespace {

/// Log fields holding JSON as a quoted string are unquoted and scanned again, at most this often nested.
constexpr int kMaxQuotedNesting = 2;
/// A value that never closes is scanned to the end of the text. After this many, the rest of the text is
/// not scanned (with a warning), so a pathological dump cannot make the scan quadratic.
constexpr int kMaxUnclosedScans = 100;
/// FoundValue::after reads the rest of a log line a console wrapped from at most this many lines.
constexpr std::size_t kMaxWrappedAfterLines = 8;

/// FoundValue::context keeps at most this many bytes before a value.
constexpr std::size_t kMaxContext = 120;

/// The repair of a line end inside a string where a wrap at a blank lost the blank (wrapped_lines.h).
constexpr const char* kJoinedAtBlank =
    "joined a line wrapped inside a string, with the blank it was wrapped at";

/// The repair of lines of dots a value was shown with.
constexpr const char* kDroppedElidedLines = "dropped elided lines";

/// `json` that did not parse, read again with single quotes around keys and strings made double
/// (json_repair.h): whether it parses so.
bool parseRequoted(std::string_view json, std::vector<std::string>& repairs, nlohmann::json& value)
{
    if (json.find('\'') == std::string_view::npos)
        return false;
    std::vector<std::string> requoteRepairs;
    const std::string requoted = requoteSingleQuotes(json, requoteRepairs);
    if (requoted.empty())
        return false;
    try {
        value = nlohmann::json::parse(requoted);
    } catch (const nlohmann::json::exception&) {
        return false;
    }
    repairs.insert(repairs.end(), requoteRepairs.begin(), requoteRepairs.end());
    return true;
}

bool isTokenChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+';
}

/// `...`, `....,` or `…`: a line the sender cut out.
bool isElision(std::string_view t)
{
    if (t.ends_with(','))
        t.remove_suffix(1);
    return isElisionLine(t);
}

/// The length of the `...` or `…` that ends `line` (blanks after it allowed), or 0: a log viewer or an
/// event-log table cut the line there (`"VirtualNetworkName":...`).
std::size_t trailingEllipsis(std::string_view line)
{
    std::string_view t = line;
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t'))
        t.remove_suffix(1);
    if (t.ends_with(kEllipsis))
        return line.size() - t.size() + kEllipsis.size();
    if (t.ends_with("..."))
        return line.size() - t.size() + 3;
    return 0;
}

/// Whether `line` (trimmed), met between the elements of a list whose text so far is `json`, is words a
/// poster wrote there: it starts with a word that is no JSON literal and holds a blank, where an element
/// or the list's end must start (after `[`, `,` or an element's `}`).
bool isProseBetweenElements(std::string_view json, std::string_view line)
{
    const std::size_t lastAt = json.find_last_not_of(" \t\n");
    if (lastAt == std::string_view::npos ||
        std::string_view("[,}").find(json[lastAt]) == std::string_view::npos)
        return false;
    if (line.empty() || !std::isalpha(static_cast<unsigned char>(line.front())))
        return false;
    std::size_t word = 0;
    while (word < line.size() && std::isalpha(static_cast<unsigned char>(line[word])))
        ++word;
    const std::string_view first = line.substr(0, word);
    if (first == "true" || first == "false" || first == "null")
        return false;
    return line.find(' ') != std::string_view::npos;
}

/// Members of an HNS REST answer only: Success, Output, Error, ErrorCode.
bool hasOnlyEnvelopeMembers(const nlohmann::json& v)
{
    return std::all_of(v.items().begin(), v.items().end(), [](const auto& item) {
        return item.key() == "Success" || item.key() == "Output" || item.key() == "Error" ||
               item.key() == "ErrorCode";
    });
}

/// An HNS REST answer: {"Success":bool,"Error":"...","Output":...} and nothing else.
bool isEnvelope(const nlohmann::json& v)
{
    if (!v.is_object() || !v.contains("Success") || !v["Success"].is_boolean())
        return false;
    if (!v.contains("Output") && !v.contains("Error"))
        return false;
    return hasOnlyEnvelopeMembers(v);
}

/// What an answer cut before its Success kept: `{"Output":{...}` and no member other than an envelope's.
bool isCutEnvelope(const nlohmann::json& v)
{
    return v.is_object() && v.contains("Output") && v["Output"].is_structured() && hasOnlyEnvelopeMembers(v);
}

/// What an answer that says it failed kept where the paste cut it: `{"Success":false` and no member
/// other than an envelope's, no `Output`.
bool isCutFailure(const nlohmann::json& v)
{
    return v.is_object() && v.contains("Success") && v["Success"].is_boolean() && !v["Success"].get<bool>() &&
           !v.contains("Output") && hasOnlyEnvelopeMembers(v);
}

struct Position
{
    std::size_t line = 0;
    std::size_t column = 0;
};

/// What collecting one value from its opening bracket produced.
struct Collected
{
    bool closed = false;
    bool tooDeep = false;
    bool elided = false;
    /// Each line of dots dropped (`elided`): its line, and the depth of brackets open where it stood.
    std::vector<std::pair<std::size_t, int>> elisions;
    bool cutAtEllipsis = false; ///< a line inside the value ends in `...`: the printer cut it there
    Position end; ///< just after the closing bracket
    std::size_t lastLine = 0;
    std::string json;
    std::vector<std::string> repairs;
    /// The repairs made at a line of the value (a wrap joined inside a string, lines of dots or a comment
    /// dropped): where each was made, so that in a list it concerns the element it was made in.
    std::vector<std::pair<Position, std::string>> placed;
    /// Objects opened at depth 2 and 3 (the elements of an array, of an envelope's Output list).
    struct Span
    {
        Position from;
        Position to;
    };
    std::vector<Span> depth2;
    std::vector<Span> depth3;
    /// Placeholders a poster put in place of values (`<redacted>`): {path, text}, see dropPlaceholders.
    std::vector<std::pair<std::string, std::string>> placeholders;

    /// A repair made at `at` (placed).
    void repair(Position at, std::string what)
    {
        repairs.push_back(what);
        placed.emplace_back(at, std::move(what));
    }
};

/// The warning for placeholders read as elisions, naming where each stood.
std::string placeholderWarning(const std::vector<std::pair<std::string, std::string>>& placeholders)
{
    std::string where;
    for (const auto& [path, text] : placeholders)
        where += (where.empty() ? "" : ", ") + (path.empty() ? std::string("its members") : path) + " (" +
                 text + ")";
    return placeholders.size() == 1
               ? "a placeholder stands where the paste left out a value, read as an elision: " + where +
                     "; the value is incomplete"
               : "placeholders stand where the paste left out values, read as elisions: " + where +
                     "; the value is incomplete";
}

/// A loss on an object for each placeholder in it, its path relative to the object (an answer's Output
/// is the object).
void placeholderLosses(FoundValue& found,
                       const std::vector<std::pair<std::string, std::string>>& placeholders)
{
    if (!found.value.is_object())
        return;
    for (auto [path, text] : placeholders) {
        if (found.fromEnvelope) {
            if (!path.starts_with("Output"))
                continue;
            path.erase(0, path.starts_with("Output.") ? 7 : 6);
        }
        found.losses.push_back((path.empty() ? "" : path + ": ") + "the paste shows a placeholder (" + text +
                               ") in its place; what it stood for is unknown");
    }
}

class Extractor
{
public:
    /// `failedAnswers`, when given, takes the failed HNS answers the warnings would otherwise name.
    Extractor(const std::vector<CleanedLine>& lines, const ExtractOptions& options, ExtractResult& result,
              std::vector<FailedAnswer>* failedAnswers, int quotedNesting, std::string outerContext = {})
        : m_lines(lines), m_options(options), m_result(result), m_failedAnswers(failedAnswers),
          m_quotedNesting(quotedNesting), m_outerContext(std::move(outerContext))
    {}

    void run()
    {
        Position at;
        bool blockStart = true; // the first line of the text or of a fenced block
        while (at.line < m_lines.size()) {
            const std::string& text = m_lines[at.line].text;
            if (at.column == 0) {
                const bool fence = isFenceLine(trimBlanks(text));
                if (blockStart && !fence && !trimBlanks(text).empty() && takeStartCut(at))
                    continue;
                if (fence || !trimBlanks(text).empty())
                    blockStart = fence;
            }
            if (at.column >= text.size()) {
                ++at.line;
                at.column = 0;
                continue;
            }
            const char c = text[at.column];
            if ((c == '{' || c == '[') && (tryQuotedField(at) || tryCsvField(at)))
                continue;
            if ((c == '{' || c == '[') && startsValue(at) && takeValue(at))
                continue;
            ++at.column;
        }
    }

private:
    /// Next non-blank character after `at`, looking a few lines ahead (ConvertTo-Json writes `{` alone)
    /// past the comment and elision lines collect() drops.
    char following(Position at) const
    {
        ++at.column;
        for (int lines = 0; at.line < m_lines.size() && lines < 4; ++at.line, at.column = 0, ++lines) {
            const std::string_view rest = trimBlanks(std::string_view(m_lines[at.line].text).substr(at.column));
            if (at.column == 0 && (isElision(rest) || rest.starts_with("//") || rest.starts_with('#')))
                continue; // collect() drops these lines
            if (!rest.empty())
                return rest.front();
        }
        return '\0';
    }

    /// `{'ID': ...`: the key after the bracket at `at` (on its line or the next) is single-quoted.
    bool singleQuotedKeyFollows(Position at) const
    {
        const std::string& text = m_lines[at.line].text;
        if (at.column > 0 && text[at.column - 1] == '@')
            return false; // a PowerShell hashtable, `@{'Name'='x'}`
        std::string_view rest = trimBlanks(std::string_view(text).substr(at.column + 1));
        if (rest.empty() && at.line + 1 < m_lines.size())
            rest = trimBlanks(m_lines[at.line + 1].text);
        return startsWithSingleQuotedKey(rest);
    }

    /// Objects open with a key or close at once; arrays hold objects, arrays or strings. Text such as
    /// `[INFO]`, `@{Name=x}`, a script block `{ $_.Name }` or the text column of a hex dump is not a value.
    bool startsValue(Position at) const
    {
        const char open = m_lines[at.line].text[at.column];
        if (isHexDumpLine(m_lines[at.line].text))
            return false; // `|{ "Type" : "L2Dr|`: bytes shown as text beside their hex
        const char next = following(at);
        if (open == '{')
            return next == '"' || next == '}' || (next == '\'' && singleQuotedKeyFollows(at));
        // `[[0m`: a terminal escape whose ESC was lost, no list of lists.
        if (next == '[' &&
            escapelessCsiLength(std::string_view(m_lines[at.line].text).substr(at.column + 1)) > 0)
            return false;
        return next == '{' || next == '[' || next == '"';
    }

    /// Whether the blank line `l` is inside an empty object or list as ConvertTo-Json writes it (`{`, a
    /// blank line, `}`): `joined` (the value read so far) ends with its opening bracket and the next line
    /// that is not blank starts with its closing one. Any other blank line ends a paste's values.
    bool emptyValueGoesOn(const std::string& joined, std::size_t l, bool inString) const
    {
        const std::size_t last = joined.find_last_not_of(" \t\r\n");
        if (inString || last == std::string::npos || (joined[last] != '{' && joined[last] != '['))
            return false;
        for (std::size_t next = l + 1; next < m_lines.size(); ++next)
            if (const std::string_view t = trimBlanks(m_lines[next].text); !t.empty())
                return t.front() == (joined[last] == '{' ? '}' : ']');
        return false;
    }

    /// A paste that begins inside a value (a console's scrollback, a copy from the middle): its first line
    /// holds members (`entPort":true,"NicFriendlyName":"nat"},{...`) and brackets that close values opened
    /// before the paste. Each object such a bracket closes is read from the members the paste shows
    /// (the object still open where the paste ends as a value cut off), the scan going on after them.
    /// False when `at` does not start such a paste.
    bool takeStartCut(Position& at)
    {
        const std::size_t first = at.line;
        std::string line = m_lines[first].text;
        // A log field's escaped quotes (`"Name\":\"x\"}],\"Flags\":0`) are undone line by line.
        const auto count = [](const std::string& t, std::string_view what) {
            std::size_t n = 0;
            for (std::size_t p = t.find(what); p != std::string::npos; p = t.find(what, p + what.size()))
                ++n;
            return n;
        };
        const bool escaped = count(line, "\\\"") >= 2;
        // In a log field, a quote not escaped before a blank or the line's end ends the field (`...}}]"`
        // then the record's next field): what follows it, and the lines after it, are no part of the value.
        // (A quote the cut took the backslash of, `"Name\":...` at the start, goes on.)
        const auto fieldEnd = [&](std::size_t l) {
            const std::string& raw = m_lines[l].text;
            std::size_t backslashes = 0;
            for (std::size_t i = 0; i < raw.size(); ++i) {
                if (raw[i] == '"' && backslashes % 2 == 0 &&
                    (i + 1 == raw.size() || raw[i + 1] == ' ' || raw[i + 1] == '\t'))
                    return i;
                backslashes = raw[i] == '\\' ? backslashes + 1 : 0;
            }
            return std::string::npos;
        };
        const auto textOf = [&](std::size_t l) {
            return escaped ? unquoteGoString(std::string_view(m_lines[l].text).substr(0, fieldEnd(l)))
                           : m_lines[l].text;
        };
        line = textOf(first);
        const std::string_view head = trimBlanks(line);
        const std::size_t quote = head.find('"');
        if (head.empty() || head.front() == '{' || head.front() == '[' || quote == std::string_view::npos ||
            head.substr(0, quote).find(' ') != std::string_view::npos ||
            head.find("\":") == std::string_view::npos)
            return false;
        // The paste starts inside a string when its first quote closes one (`entPort":true`).
        const char afterQuote = quote + 1 < head.size() ? head[quote + 1] : '\0';
        JsonStringState strings;
        if (afterQuote == ':' || afterQuote == ',' || afterQuote == '}' || afterQuote == ']')
            strings.enterString();
        int depth = 0;
        int minDepth = 0;
        struct Closer
        {
            std::size_t pos; // in `joined`
            char bracket;
            std::size_t line;
        };
        std::vector<Closer> closers;
        std::optional<std::size_t> firstComma; // the first member boundary of the innermost value
        std::string joined;
        std::vector<std::size_t> lineOf; // the line of each byte of `joined`
        std::vector<std::string> repairs;
        // A line that starts with a whole member (`"MacAddress": "...",`: its first quote opens a key) loses
        // nothing before its first comma; one that starts inside a member does.
        const bool wholeFirstMember = head.front() == '"' && !strings.inString();
        // The members of a message before, that closed nothing and were the last thing read: the same
        // value's, so they are read with these.
        if (m_onlyMembers && wholeFirstMember && m_onlyMembers->value + 1 == m_result.values.size()) {
            joined = std::move(m_onlyMembers->joined);
            lineOf = std::move(m_onlyMembers->lineOf);
            repairs = std::move(m_onlyMembers->repairs);
            joined += '\n';
            lineOf.push_back(lineOf.back());
            m_result.values.pop_back();
        }
        m_onlyMembers.reset();
        std::size_t l = first;
        for (; l < m_lines.size(); ++l) {
            const std::string text = l == first ? std::string(head) : textOf(l);
            if (l != first) {
                const std::string_view t = trimBlanks(text);
                if (t.empty() && emptyValueGoesOn(joined, l, strings.inString()))
                    continue;
                if (t.empty() || isFenceLine(t))
                    break;
                const bool tokenJoin =
                    !joined.empty() && isTokenChar(joined.back()) && isTokenChar(t.front());
                // At the outermost level reached, a line that no value continues on ends the paste's values.
                if (!strings.inString() && depth == minDepth && !tokenJoin &&
                    std::string_view("\",{}[]").find(t.front()) == std::string_view::npos)
                    break;
                if (strings.inString() &&
                    wrapAteBlank(m_lines, first, l, wrappedStringHasBlank(textOf(l - 1), text))) {
                    repairs.push_back(kJoinedAtBlank);
                    joined += ' ';
                    lineOf.push_back(l);
                } else if (strings.inString())
                    repairs.push_back("joined a line wrapped inside a string");
                else if (tokenJoin)
                    repairs.push_back("joined a token wrapped across lines");
                else {
                    joined += '\n';
                    lineOf.push_back(l);
                }
            }
            for (const char c : text) {
                joined += c;
                lineOf.push_back(l);
                if (strings.step(c))
                    continue;
                if (c == '{' || c == '[') {
                    if (++depth > m_options.maxDepth)
                        return false;
                } else if (c == '}' || c == ']') {
                    if (--depth < minDepth) {
                        // No document nests deeper than the depth limit: more closing brackets than that
                        // are no value the paste started inside.
                        if (-depth > m_options.maxDepth)
                            return false;
                        minDepth = depth;
                        closers.push_back({joined.size() - 1, c, l});
                    }
                } else if (c == ',' && depth == 0 && closers.empty() && !firstComma) {
                    firstComma = joined.size() - 1;
                }
            }
            if (escaped && fieldEnd(l) != std::string::npos) {
                ++l;
                break;
            }
        }
        // A fenced message that holds only members of a value another message opened and a later one
        // closes (a value split over three messages): they are read as a value cut at both ends.
        const bool onlyMembers = closers.empty() && depth == 0 && wholeFirstMember && !strings.inString();
        if (closers.empty() && !onlyMembers)
            return false;
        const std::size_t lastLine = l - 1;
        const int firstSource = m_lines[first].sourceLine;
        std::size_t from = wholeFirstMember || lineOf.front() != first
                               ? 0
                               : firstComma.value_or(closers.empty() ? joined.size() : closers.front().pos);
        bool any = false;
        const auto take = [&](std::size_t begin, std::size_t end, bool closed) {
            std::string_view members = trimBlanks(std::string_view(joined).substr(begin, end - begin));
            while (!members.empty() && (members.front() == ',' || members.front() == '\n'))
                members = trimBlanks(members.substr(1));
            if (!members.empty() && (members.front() == '{' || members.front() == '[')) {
                // Values that open after the cut (`},{"ID":...`): read as in a paste that starts with them.
                any = takeWholeValues(members, std::size_t(members.data() - joined.data()), lineOf) || any;
                return;
            }
            if (members.empty() || members.front() != '"')
                return;
            std::vector<std::string> valueRepairs = repairs;
            std::string json = "{" + std::string(members) + (closed ? "}" : "");
            json = repairCommas(json, valueRepairs);
            if (!closed)
                json = closeTruncatedJson(json);
            nlohmann::json value;
            try {
                value = nlohmann::json::parse(json);
            } catch (const nlohmann::json::exception&) {
                return;
            }
            if (!value.is_object() || value.empty())
                return;
            FoundValue found;
            found.startCut = true;
            found.cutOff = !closed;
            found.firstLine = m_lines[lineOf[begin]].sourceLine;
            found.lastLine = m_lines[lineOf[std::max(begin, end) - (end > begin ? 1 : 0)]].sourceLine;
            found.sourceText = std::string(members);
            valueRepairs.push_back("read the members after a cut at the start of the paste");
            std::sort(valueRepairs.begin(), valueRepairs.end());
            valueRepairs.erase(std::unique(valueRepairs.begin(), valueRepairs.end()), valueRepairs.end());
            found.repairs = std::move(valueRepairs);
            found.losses.push_back("the paste starts inside this value; its members before line " +
                                   std::to_string(found.firstLine) + " are unknown");
            if (!closed)
                found.losses.push_back("the dump ends inside this value after line " +
                                       std::to_string(m_lines[lastLine].sourceLine) +
                                       "; what followed is unknown");
            found.value = std::move(value);
            m_result.values.push_back(std::move(found));
            any = true;
        };
        for (const Closer& closer : closers) {
            if (closer.bracket == '}')
                take(from, closer.pos, true);
            from = closer.pos + 1;
        }
        // What follows the last closing bracket belongs to a value the paste ends inside, or that closes
        // after it.
        if (from < joined.size())
            take(from, joined.size(), false);
        if (!any)
            return false;
        if (onlyMembers)
            m_onlyMembers = OnlyMembers{m_result.values.size() - 1, std::move(joined), std::move(lineOf),
                                        std::move(repairs)};
        warn(firstSource, m_lines[lastLine].sourceLine,
             "the paste starts inside a value; only the members after the cut are read");
        at = {lastLine + 1, 0};
        return true;
    }

    /// The values in `text` (starting at `offset` in a text whose bytes came from the lines `lineOf`
    /// names), found as in a text of their own and reported on their source lines. Whether any was.
    bool takeWholeValues(std::string_view text, std::size_t offset, const std::vector<std::size_t>& lineOf)
    {
        std::vector<CleanedLine> inner;
        for (std::size_t start = 0; start <= text.size();) {
            const std::size_t stop = std::min(text.find('\n', start), text.size());
            inner.push_back({std::string(text.substr(start, stop - start)),
                             m_lines[lineOf[std::min(offset + start, lineOf.size() - 1)]].sourceLine});
            start = stop + 1;
        }
        ExtractResult nested;
        Extractor(inner, m_options, nested, m_failedAnswers, m_quotedNesting).run();
        for (ImportWarning& w : nested.warnings)
            m_result.warnings.push_back(std::move(w));
        const bool any = !nested.values.empty();
        for (FoundValue& v : nested.values)
            m_result.values.push_back(std::move(v));
        return any;
    }

    /// `msg="Response: {\"ID\":...}"`: JSON inside a quoted string of a log line, its quotes escaped.
    /// Unquote up to the end of that string and scan it on its own; whatever it holds is reported on
    /// this line.
    bool tryQuotedField(Position& at)
    {
        const std::string& text = m_lines[at.line].text;
        // Blanks may stand between the bracket and the quote, as in JSON (`{ \"ID\" : ...`, `[ { \"ID\"`).
        const auto afterBlanks = [&](std::size_t from) {
            while (from < text.size() && (text[from] == ' ' || text[from] == '\t'))
                ++from;
            return from;
        };
        std::size_t key = afterBlanks(at.column + 1);
        if (text[at.column] == '[' && key < text.size() && text[key] == '{')
            key = afterBlanks(key + 1);
        if (m_quotedNesting >= kMaxQuotedNesting || text.compare(key, 2, "\\\"") != 0)
            return false;
        std::size_t end = at.column;
        while (end < text.size() && text[end] != '"')
            end += text[end] == '\\' ? 2 : 1;
        // A field without its closing quote was cut with the line: what it holds is still searched.
        end = std::min(end, text.size());
        // A record a console wrapped and the import joined again keeps the lines it came from: each
        // byte unquoted is mapped back to its column.
        const CleanedLine& line = m_lines[at.line];
        std::vector<std::size_t> columnOf;
        const std::string unquoted =
            unquoteGoString(std::string_view(text).substr(at.column, end - at.column),
                            line.joinedAt.empty() ? nullptr : &columnOf);
        for (std::size_t& column : columnOf)
            column += at.column;
        std::vector<CleanedLine> inner;
        for (std::size_t start = 0; start <= unquoted.size();) {
            std::size_t stop = unquoted.find('\n', start);
            if (stop == std::string::npos)
                stop = unquoted.size();
            inner.push_back({unquoted.substr(start, stop - start), line.sourceLine, false, false,
                             joinedWithin(line, columnOf, start, stop)});
            start = stop + 1;
        }
        ExtractResult nested;
        Extractor(inner, m_options, nested, m_failedAnswers, m_quotedNesting + 1, contextBefore(at)).run();
        for (FoundValue& v : nested.values) {
            v.repairs.insert(v.repairs.begin(), "unquoted from a log field");
            if (v.context.empty()) // the words logged before it: `msg="hnsConfigBytes: {\"Name\"...`
                v.context = contextBefore(at);
            if (v.after.empty())
                v.after = textAfter({at.line, end + 1});
            m_result.values.push_back(std::move(v));
        }
        for (ImportWarning& w : nested.warnings)
            m_result.warnings.push_back(std::move(w));
        at.column = end + 1;
        return true;
    }

    /// `"I0328 ... ""Created Hns loadbalancer policy resource"" loadBalancer={""ID"":""0be0..."",...}"`: a
    /// log exported as CSV (Event Viewer, Log Analytics) doubles the quotes inside its quoted fields. The
    /// field is undoubled up to its closing quote (or the line end) and scanned on its own.
    bool tryCsvField(Position& at)
    {
        const std::string& text = m_lines[at.line].text;
        const bool doubledKey = text.compare(at.column + 1, 3, "\"\"\"") != 0 &&
                                (text.compare(at.column + 1, 2, "\"\"") == 0 ||
                                 (text[at.column] == '[' && text.compare(at.column + 1, 3, "{\"\"") == 0));
        if (m_quotedNesting >= kMaxQuotedNesting || !doubledKey)
            return false;
        std::string undoubled;
        std::size_t end = at.column;
        for (; end < text.size(); ++end) {
            if (text[end] != '"') {
                undoubled += text[end];
                continue;
            }
            if (end + 1 < text.size() && text[end + 1] == '"') {
                undoubled += '"';
                ++end;
                continue;
            }
            break; // the quote closing the CSV field
        }
        const std::vector<CleanedLine> inner{{std::move(undoubled), m_lines[at.line].sourceLine}};
        ExtractResult nested;
        Extractor(inner, m_options, nested, m_failedAnswers, m_quotedNesting + 1).run();
        for (FoundValue& v : nested.values) {
            v.repairs.insert(v.repairs.begin(), "undoubled the quotes of a CSV field");
            if (v.context.empty())
                v.context = contextBefore(at);
            if (v.after.empty())
                v.after = textAfter({at.line, end + 1});
            m_result.values.push_back(std::move(v));
        }
        for (ImportWarning& w : nested.warnings)
            m_result.warnings.push_back(std::move(w));
        at.column = end + 1;
        return true;
    }

    /// The value opening at `from`, up to its closing bracket or (not closed) to line `stopLine`.
    Collected collect(Position from, std::size_t stopLine = std::size_t(-1)) const
    {
        Collected c;
        int depth = 0;
        std::string open; // the brackets open, innermost last (up to the depth limit)
        JsonStringState strings;
        Position at = from;
        const std::size_t end = std::min(stopLine, m_lines.size());
        for (bool first = true; at.line < end; ++at.line, at.column = 0, first = false) {
            std::string_view line = m_lines[at.line].text;
            if (!first) {
                const std::string_view t = trimBlanks(line);
                if (strings.inString() && startsMemberLine(t)) {
                    // A string cannot run into a member: it lost its closing quote at the line end (the
                    // value does not parse; its other members are read around it).
                    strings.leaveString();
                    if (!c.tooDeep)
                        c.json += '\n';
                } else if (strings.inString()) {
                    // A raw line end inside a string: the console wrapped a long value, at a blank the
                    // copy lost or inside a word.
                    if (wrapAteBlank(m_lines, from.line, at.line,
                                     wrappedStringHasBlank(m_lines[at.line - 1].text, line))) {
                        c.repair(at, kJoinedAtBlank);
                        if (!c.tooDeep)
                            c.json += ' ';
                    } else {
                        c.repair(at, "joined a line wrapped inside a string");
                    }
                } else if (isElision(t)) {
                    c.elided = true;
                    c.elisions.emplace_back(at.line, depth);
                    c.placed.emplace_back(at, kDroppedElidedLines);
                    continue;
                } else if (open == "[" && isProseBetweenElements(c.json, t)) {
                    // Words a poster wrote between two objects of a list (`I removed the others. Then
                    // cbr0:`): outside every object, so they cost none of them anything.
                    c.repairs.push_back("dropped text written between the objects of a list");
                    continue;
                } else if (t.starts_with("//") || t.starts_with('#')) {
                    c.repair(at, "dropped a comment line");
                    continue;
                } else if (!c.json.empty() && isTokenChar(c.json.back()) && !t.empty() &&
                           isTokenChar(t.front())) {
                    c.repair(at, "joined a token wrapped across lines");
                    line = t;
                } else if (!c.tooDeep) {
                    c.json += '\n';
                }
            }
            c.lastLine = at.line;
            // The line's text goes into c.json in one piece, up to the closing bracket or the line end.
            const std::size_t segment = at.column;
            for (; at.column < line.size(); ++at.column) {
                const char ch = line[at.column];
                if (strings.step(ch)) {
                    continue;
                } else if (ch == '{' || ch == '[') {
                    if (++depth > m_options.maxDepth && !c.tooDeep) {
                        c.tooDeep = true;
                        c.json.clear();
                    }
                    if (!c.tooDeep)
                        open += ch;
                    if (ch == '{' && (depth == 2 || depth == 3))
                        (depth == 2 ? c.depth2 : c.depth3).push_back({at, at});
                } else if (ch == ']' && !c.tooDeep && !open.empty() && open.back() == '{') {
                    // A `]` inside an object closes a list whose `[` the paste lost (`"Subnets": { ... },
                    // { ... } ],`): it closes nothing here, so the object still ends at its own `}`.
                    continue;
                } else if (ch == '}' || ch == ']') {
                    if (!open.empty())
                        open.pop_back();
                    if (ch == '}' && (depth == 2 || depth == 3)) {
                        auto& spans = depth == 2 ? c.depth2 : c.depth3;
                        if (!spans.empty())
                            spans.back().to = {at.line, at.column + 1};
                    }
                    if (--depth == 0) {
                        c.closed = true;
                        c.end = {at.line, at.column + 1};
                        if (!c.tooDeep)
                            c.json.append(line.substr(segment, at.column + 1 - segment));
                        return c;
                    }
                }
            }
            if (!c.tooDeep)
                c.json.append(line.substr(segment));
            // A line that ends in `...` inside the value, other than a line of dots alone, was cut there
            // by what printed it: the value ends with it, whatever the lines after it hold.
            if (const std::size_t cut = trailingEllipsis(line);
                cut > 0 && !isElision(trimBlanks(line)) && line.size() - cut >= segment) {
                c.cutAtEllipsis = true;
                if (!c.tooDeep)
                    c.json.resize(c.json.size() - std::min(cut, c.json.size()));
                return c;
            }
        }
        return c;
    }

    /// Collect, repair and parse the value opening at `at`, moving `at` past what was consumed.
    bool takeValue(Position& at)
    {
        Collected c = collect(at);
        const int first = lineAt(at);
        const int last = c.closed ? lineBefore(c.end) : lineAt({c.lastLine, std::string::npos});
        // An unclosed value is reported on its first line: its range would run to the end of the text.
        const int reportedLast = c.closed ? last : first;
        if (c.tooDeep)
            warn(first, reportedLast,
                 "nested deeper than " + std::to_string(m_options.maxDepth) + " levels; not imported");
        if (c.closed && c.tooDeep) {
            at = c.end;
            return true;
        }
        if (!c.closed) {
            if (++m_unclosedScans == kMaxUnclosedScans) {
                warn(first, m_lines.back().sourceLine,
                     "too many values that never close; the rest of the text was not scanned");
                at = {m_lines.size(), 0};
                return true;
            }
            // What is complete in the value's own lines is kept, and a value pasted again after the cut
            // one is still found. A line cut with `...` ends the value's lines.
            std::size_t next = c.cutAtEllipsis ? c.lastLine + 1 : nextUnindentedLine(at);
            const std::string why =
                c.cutAtEllipsis
                    ? "the value is cut with '...' at the end of a line; only what came before the cut is "
                      "read"
                    : "the value is cut off (it never closes); only what came before the cut is read";
            // A line a wrap broke off at column 0 is one of the value's lines too (wrapped_lines.h); the
            // value is read without such lines when it reads only so.
            const std::size_t wrapped =
                c.cutAtEllipsis ? next : wrappedJsonValueEnd(m_lines, at.line, at.column, m_lines.size());
            if (wrapped > next && !c.tooDeep && salvageCutValue(at, wrapped, why))
                next = wrapped;
            else if (!c.tooDeep && !salvageCutValue(at, next, why))
                warn(first, first, "a value opens here but never closes; not imported");
            at = {next, 0};
            return true;
        }
        std::string json = repairCommas(dropPlaceholders(c.json, c.placeholders), c.repairs);
        nlohmann::json value;
        std::string why;
        try {
            value = nlohmann::json::parse(json);
        } catch (const nlohmann::json::exception& e) {
            why = e.what();
        }
        if (!why.empty() && parseRequoted(json, c.repairs, value))
            why.clear();
        if (!why.empty()) {
            // A value cut inside a log line (`"Name":...`) closes only on a later line: what its own
            // lines hold before the cut is kept, and the scan goes on after them.
            // A Go `%v` print (`[{0.0.0.0/0 0.0.0.0 []}]`) holds bare words only: it is not JSON gone wrong.
            if (isGoValuePrint(json)) {
                at = c.end;
                return true;
            }
            why = describeJsonParseError(why, first, at.column);
            const std::size_t next = nextUnindentedLine(at);
            // A pretty-printed value whose lines are all indented up to the one it closes at the start of
            // is whole (no chat header or log line split it): a member the paste damaged is read around.
            const bool closesOnItsLine =
                c.end.line > at.line && next >= c.end.line &&
                trimBlanks(std::string_view(m_lines[c.end.line].text).substr(0, c.end.column - 1)).empty();
            if (closesOnItsLine && takeAroundDamage(at, c.end, json, &c)) {
                at = c.end;
                return true;
            }
            if (c.lastLine >= next && salvageCutValue(at, next,
                                                      "not valid JSON where it is cut (" + why +
                                                          "); only what came before the cut is read")) {
                at = {next, 0};
                return true;
            }
            if (takeFieldAroundDamage(at))
                return true;
            if (!closesOnItsLine && takeAroundDamage(at, c.end, json, &c)) {
                at = c.end;
                return true;
            }
            warn(first, last, "not valid JSON, not imported: " + why);
            at = c.end;
            return true;
        }
        if (unwrapValueCountWrappers(value))
            c.repairs.push_back("read the objects in PowerShell's value/Count wrapper");
        // In a list of objects, lines elided between the objects cost none of them anything.
        const std::vector<FoundValue::Element> elements = elementsOf(value, c);
        if (c.elided) {
            warnElisions(value, c, elements.empty() ? nullptr : (isEnvelope(value) ? &c.depth3 : &c.depth2),
                         first, last);
            c.repairs.push_back(kDroppedElidedLines);
        }
        if (!c.placeholders.empty()) {
            warn(first, last, placeholderWarning(c.placeholders));
            c.repairs.push_back("read placeholders in place of values as elisions");
        }
        FoundValue found;
        found.firstLine = first;
        found.lastLine = last;
        found.context = contextBefore(at);
        found.after = textAfter(c.end);
        found.sourceText = spanText(at, c.end);
        sourceCodeLiteral(at, c.end, found);
        std::sort(c.repairs.begin(), c.repairs.end());
        c.repairs.erase(std::unique(c.repairs.begin(), c.repairs.end()), c.repairs.end());
        found.repairs = std::move(c.repairs);
        found.elements = elements;
        placeRepairs(found, c, isEnvelope(value) ? c.depth3 : c.depth2);
        if (isEnvelope(value)) {
            found.fromEnvelope = true;
            if (!value["Success"].get<bool>()) {
                reportFailedAnswer(value, first, last, found.context, false);
            } else if (value.contains("Output") && !value["Output"].is_null()) {
                found.value = std::move(value["Output"]);
                placeholderLosses(found, c.placeholders);
                m_result.values.push_back(std::move(found));
            }
        } else {
            found.value = std::move(value);
            placeholderLosses(found, c.placeholders);
            m_result.values.push_back(std::move(found));
        }
        at = c.end;
        return true;
    }

    /// The repairs of each element of `found` (FoundValue::Element::repairs), its objects' spans `spans`:
    /// a repair made at a line (Collected::placed) concerns the element it was made in, or every element
    /// when made outside all of them (between two objects); one made in the value's text as a whole
    /// (a comma put back) concerns every element.
    static void placeRepairs(FoundValue& found, const Collected& c, const std::vector<Collected::Span>& spans)
    {
        if (found.elements.size() != spans.size())
            return;
        const auto before = [](Position a, Position b) {
            return a.line < b.line || (a.line == b.line && a.column < b.column);
        };
        std::vector<std::string> shared;
        for (const std::string& repair : found.repairs)
            if (std::none_of(c.placed.begin(), c.placed.end(),
                             [&](const auto& p) { return p.second == repair; }))
                shared.push_back(repair);
        std::vector<std::vector<std::string>> own(spans.size(), shared);
        for (const auto& placed : c.placed) {
            const Position at = placed.first;
            const std::string& repair = placed.second;
            const auto in = std::find_if(spans.begin(), spans.end(), [&](const Collected::Span& span) {
                return !before(at, span.from) && before(at, span.to);
            });
            if (in != spans.end())
                own[std::size_t(in - spans.begin())].push_back(repair);
            else
                for (std::vector<std::string>& repairs : own)
                    repairs.push_back(repair);
        }
        for (std::size_t i = 0; i < spans.size(); ++i) {
            std::sort(own[i].begin(), own[i].end());
            own[i].erase(std::unique(own[i].begin(), own[i].end()), own[i].end());
            found.elements[i].repairs = std::move(own[i]);
        }
    }

    /// The warnings for the lines of dots collecting dropped from a value. In a list of objects (`spans`:
    /// the objects' spans, one for each element) a line between two objects leaves out objects, not
    /// members: the objects shown are whole. One inside an object makes that object incomplete, warned on
    /// its lines.
    void warnElisions(const nlohmann::json& value, const Collected& c,
                      const std::vector<Collected::Span>* spans, int first, int last)
    {
        if (!spans) {
            warn(first, last, "lines elided with '...' were dropped; the value is incomplete");
            return;
        }
        const int listDepth = isEnvelope(value) ? 2 : 1;
        bool between = false;
        std::vector<std::size_t> inside;
        for (const auto& [line, depth] : c.elisions) {
            if (depth <= listDepth) {
                between = true;
                continue;
            }
            for (std::size_t i = 0; i < spans->size(); ++i)
                if ((*spans)[i].from.line < line && line < (*spans)[i].to.line &&
                    (inside.empty() || inside.back() != i))
                    inside.push_back(i);
        }
        if (between)
            warn(first, last,
                 "lines elided with '...' between the objects of the list were dropped; objects may be "
                 "missing "
                 "from the list");
        for (const std::size_t i : inside)
            warn(lineAt((*spans)[i].from), lineBefore((*spans)[i].to),
                 "lines elided with '...' were dropped; the value is incomplete");
    }

    /// A document in a log field (tryQuotedField) ends with the field. When the object it opens with does
    /// not parse (the paste lost characters inside it, so its brackets also close early), it is read
    /// around the damage up to the field's last `}` (takeAroundDamage). False (nothing reported) when the
    /// field is no such object or nothing could be read.
    bool takeFieldAroundDamage(Position& at)
    {
        if (m_quotedNesting == 0 || m_lines[at.line].text[at.column] != '{')
            return false;
        for (std::size_t l = 0; l <= at.line; ++l) {
            const std::string_view before =
                std::string_view(m_lines[l].text).substr(0, l == at.line ? at.column : std::string::npos);
            if (!trimBlanks(before).empty())
                return false; // the field holds more than the object
        }
        const Position end{m_lines.size() - 1, m_lines.back().text.size()};
        if (!takeAroundDamage(at, end, spanText(at, end), nullptr))
            return false;
        at = {m_lines.size(), 0};
        return true;
    }

    /// A value from `at` to `end` whose text (`json`, repaired as far as repairs go) does not parse as a
    /// whole, read around the damage (readAroundDamage): the members that read are kept, each one left
    /// out is named in a warning and in its object's losses. In a list (an answer's Output list) each
    /// object is reported on its own, so damage in one costs the others nothing. `c`: what collecting
    /// the value found (its repairs, elisions, placeholders and elements); null for a log field's text.
    /// False (nothing reported) when nothing could be read.
    bool takeAroundDamage(Position at, Position end, std::string_view json, const Collected* c)
    {
        std::vector<DamagedMember> damaged;
        std::vector<std::string> repairs = c ? c->repairs : std::vector<std::string>{};
        nlohmann::json value = readAroundDamage(json, damaged, repairs);
        if (value.empty())
            return false;
        const int first = lineAt(at);
        const int last = lineBefore(end);
        const std::string context = contextBefore(at);
        bool fromEnvelope = false;
        if (value.is_object() && value.contains("Success") && hasOnlyEnvelopeMembers(value)) {
            if (isEnvelope(value) && !value["Success"].get<bool>()) {
                reportFailedAnswer(value, first, last, context, false);
                return true;
            }
            if (!value.contains("Output") || !value["Output"].is_structured())
                return false; // the answer's Output is what the damage hit: nothing of it is read
            fromEnvelope = true;
            nlohmann::json output = std::move(value["Output"]);
            value = std::move(output);
            for (DamagedMember& d : damaged)
                if (d.path.starts_with("Output"))
                    d.path.erase(0, d.path.starts_with("Output.") ? 7 : 6);
        }
        if (!value.is_array())
            warnDamaged(first, last, damaged, {});
        if (c && c->elided)
            warn(first, last, "lines elided with '...' were dropped; the value is incomplete");
        if (c && !c->placeholders.empty())
            warn(first, last, placeholderWarning(c->placeholders));
        if (!damaged.empty())
            repairs.push_back("read the members around text that does not parse");
        if (c && c->elided)
            repairs.push_back(kDroppedElidedLines);
        if (c && !c->placeholders.empty())
            repairs.push_back("read placeholders in place of values as elisions");
        std::sort(repairs.begin(), repairs.end());
        repairs.erase(std::unique(repairs.begin(), repairs.end()), repairs.end());

        FoundValue found;
        found.firstLine = first;
        found.lastLine = last;
        found.context = context;
        if (c)
            found.after = textAfter(end);
        found.sourceText = spanText(at, end);
        found.repairs = std::move(repairs);
        found.fromEnvelope = fromEnvelope;
        const auto loss = [](const DamagedMember& d, std::string_view path) {
            if (d.listWithoutOpening > 0)
                return std::string(path) + ": the paste lost the '[' that opened its list (" +
                       std::to_string(d.listWithoutOpening) +
                       (d.listWithoutOpening == 1 ? " element follows" : " elements follow") +
                       " without it); left out";
            return std::string(path) + (d.elided ? ": the paste shows '...' in place of its value; left out"
                                                 : ": its text in the dump is damaged (it does not read as "
                                                   "JSON); left out");
        };
        if (!value.is_array()) {
            for (const DamagedMember& d : damaged)
                found.losses.push_back(loss(d, d.path));
            found.value = std::move(value);
            if (c)
                placeholderLosses(found, c->placeholders);
            m_result.values.push_back(std::move(found));
            return true;
        }
        // Each element on its own, on its own lines when collecting told them apart.
        const std::vector<Collected::Span>* spans = c ? (fromEnvelope ? &c->depth3 : &c->depth2) : nullptr;
        const bool ownLines = spans && !(c && c->elided) && spans->size() == value.size();
        for (std::size_t i = 0; i < value.size(); ++i) {
            FoundValue element = found;
            if (ownLines) {
                const Collected::Span& span = (*spans)[i];
                element.firstLine = lineAt(span.from);
                element.lastLine = lineBefore(span.to);
                element.sourceText = spanText(span.from, span.to);
            }
            // Each element is an object of its own: its damage is reported on it, by its members' names.
            const std::string index = "[" + std::to_string(i) + "]";
            // Its lines tell it from the others when no other element shares them.
            const bool linesTell =
                ownLines && (i == 0 || (*spans)[i - 1].to.line < (*spans)[i].from.line) &&
                (i + 1 == spans->size() || (*spans)[i].to.line < (*spans)[i + 1].from.line);
            const std::string where =
                linesTell ? std::string() : "in object " + std::to_string(i + 1) + " of the list, ";
            std::vector<DamagedMember> own;
            for (const DamagedMember& d : damaged)
                if (d.path.starts_with(index + "."))
                    own.push_back({d.path.substr(index.size() + 1), d.elided, d.listWithoutOpening});
            if (value[i].is_null()) {
                // An element that is no object the reader could read: left out whole.
                const bool elidedElement =
                    std::any_of(damaged.begin(), damaged.end(),
                                [&](const DamagedMember& d) { return d.path == index && d.elided; });
                warn(element.firstLine, element.lastLine,
                     (where.empty() ? std::string("an object of the list")
                                    : "object " + std::to_string(i + 1) + " of the list") +
                         (elidedElement ? " is shown as '...'" : " is damaged (it does not read as JSON)") +
                         "; it is left out, the other objects are read");
                continue;
            }
            warnDamaged(element.firstLine, element.lastLine, own, where);
            for (const DamagedMember& d : own)
                element.losses.push_back(loss(d, d.path));
            element.value = std::move(value[i]);
            m_result.values.push_back(std::move(element));
        }
        return true;
    }

    /// The warnings for the members readAroundDamage left out of one object (`damaged`, their paths
    /// relative to it), on its lines; `where` (`in object 3 of the list, `) says which object when its
    /// lines do not.
    void warnDamaged(int first, int last, const std::vector<DamagedMember>& damaged, const std::string& where)
    {
        std::string names;
        std::string elided;
        std::string lostOpening;
        std::size_t namedDamaged = 0;
        for (const DamagedMember& d : damaged) {
            std::string& list = d.listWithoutOpening > 0 ? lostOpening : d.elided ? elided : names;
            list += (list.empty() ? "" : ", ") + d.path;
            namedDamaged += d.elided || d.listWithoutOpening > 0 ? 0 : 1;
        }
        if (!names.empty())
            warn(first, last,
                 where + "the text of " + names + " is damaged (it does not read as JSON); " +
                     (namedDamaged == 1 ? "that member is" : "those members are") +
                     " left out, the others are read");
        if (!elided.empty())
            warn(first, last,
                 where + "the paste shows '...' in place of " + elided + "; left out, the others are read");
        if (!lostOpening.empty())
            warn(first, last,
                 where + "the paste lost the '[' that opened the list of " + lostOpening +
                     "; left out (its elements are not guessed), the others are read");
    }

    /// A value that never closes (the paste or the log line was cut): the members complete before the
    /// cut are kept when they make an object or a list, with a warning saying what was lost.
    /// The first line after the value opening at `at` that starts without indentation (or the end): where
    /// a value's own lines end when it never closes (pretty-printed members are indented; the next log
    /// line is not). A line at column 0 that a string runs into goes on with the value when it closes
    /// that string where JSON can go on after it (`the pods",` after `"Description": "uplink for`); a
    /// line that does not (prose after the value) ends it.
    std::size_t nextUnindentedLine(Position at) const
    {
        JsonStringState strings;
        std::size_t line = at.line;
        for (std::size_t column = at.column;; column = 0) {
            const std::string& text = m_lines[line].text;
            for (std::size_t i = column; i < text.size(); ++i)
                strings.step(text[i]);
            if (++line >= m_lines.size())
                return line;
            const std::string& next = m_lines[line].text;
            if (strings.inString() && startsMemberLine(next))
                strings.leaveString(); // as collect() ends a string that runs into a member
            if (next.empty() || next[0] == ' ' || next[0] == '\t')
                continue;
            if (!strings.inString() || opensLogRecord(next) || !closesStringAsJson(next))
                return line;
        }
    }

    /// Whether `line`, read inside a string, closes it where JSON can go on: after its first unescaped
    /// quote comes `,`, `:`, `}`, `]` or the line end.
    static bool closesStringAsJson(std::string_view line)
    {
        JsonStringState strings;
        strings.enterString();
        for (std::size_t i = 0; i < line.size(); ++i) {
            strings.step(line[i]);
            if (!strings.inString()) {
                const std::string_view rest = trimBlanks(line.substr(i + 1));
                return rest.empty() || std::string_view(",:}]").find(rest.front()) != std::string_view::npos;
            }
        }
        return false;
    }

    /// Reports an HNS answer that says it failed (`{"Success":false,"Error":...}`): its error, with the
    /// operation (and what the answer lacks) logged before it on its line (`context`): `hcnCreateLoadBalancer
    /// failed in Win32: ... (0x803b001c) {"Success":false,...}`, `HRESULT: 2147942452. Result: {...`.
    /// `messageCut`: the paste cut the answer inside its `Error`.
    void reportFailedAnswer(const nlohmann::json& value, int first, int last, const std::string& context,
                            bool messageCut)
    {
        const std::string error = value.contains("Error") && value["Error"].is_string()
                                      ? value["Error"].get<std::string>()
                                      : std::string();
        std::optional<std::int64_t> code;
        if (value.contains("ErrorCode") && value["ErrorCode"].is_number_integer())
            code = value["ErrorCode"].get<std::int64_t>();
        const LoggedError logged =
            answerError(error, code, context.empty() ? m_outerContext : context, messageCut);
        FailedAnswer failed = failedAnswerOf(first, last, logged);
        if (m_failedAnswers)
            m_failedAnswers->push_back(std::move(failed));
        else
            warn(first, last, failedAnswerMessage(failed));
    }

    /// Returns false (and reports nothing) when nothing could be kept.
    /// A value that is a string literal of source code (`std::wstring settings = LR"(` on its line or the
    /// line before, `$settings = @"`): the variable it is assigned to and the function a later line
    /// passes it to (`HcnCreateEndpoint(..., settings.c_str(), ...)`).
    void sourceCodeLiteral(Position at, Position end, FoundValue& found) const
    {
        std::string_view opening = trimBlanks(std::string_view(m_lines[at.line].text).substr(0, at.column));
        if (opening.empty() && at.line > 0)
            opening = trimBlanks(m_lines[at.line - 1].text);
        const bool literal = opening.ends_with("R\"(") || opening.ends_with("@\"") || opening.ends_with("@'");
        const std::size_t assign = opening.rfind('=');
        if (!literal || assign == std::string_view::npos)
            return;
        std::string_view name = trimBlanks(opening.substr(0, assign));
        std::size_t start = name.size();
        while (start > 0 && (std::isalnum(static_cast<unsigned char>(name[start - 1])) ||
                             name[start - 1] == '_' || name[start - 1] == '$'))
            --start;
        name = name.substr(start);
        if (name.empty() || name == "$")
            return;
        found.literalVariable = std::string(name);
        const std::string bare = std::string(name.starts_with('$') ? name.substr(1) : name);
        constexpr std::size_t kMaxLinesToCall = 80;
        for (std::size_t line = end.line; line < std::min(m_lines.size(), end.line + kMaxLinesToCall);
             ++line) {
            const std::string& text = m_lines[line].text;
            for (const char* call :
                 {"HcnCreate", "HcnModify", "HNSCall", "New-HnsNetwork", "New-HnsEndpoint"}) {
                const std::size_t pos = text.find(call);
                if (pos == std::string::npos || text.find(bare, pos) == std::string::npos)
                    continue;
                std::size_t stop = pos;
                while (stop < text.size() &&
                       (std::isalnum(static_cast<unsigned char>(text[stop])) || text[stop] == '-'))
                    ++stop;
                found.passedTo = text.substr(pos, stop - pos);
                return;
            }
        }
    }

    /// The loss of an object whose dump ends inside its Type (`"Type" : "Pri`): the network mode it
    /// starts is taken when it is the only one that starts so (`object` gets it).
    static std::string cutTypeLoss(std::string_view json, nlohmann::json& object)
    {
        const auto member = cutStringMember(json);
        if (!member || !equalsIgnoreCase(member->key, "Type") || !object.is_object() ||
            object.contains("Type"))
            return {};
        if (member->shown.empty())
            return "Type: cut off before its value; the type is unknown";
        std::vector<std::string_view> modes;
        for (int i = 1; i <= int(NetworkMode::ConstrainedIcs); ++i)
            if (const std::string_view name = networkModeName(NetworkMode(i));
                name.size() >= member->shown.size() &&
                equalsIgnoreCase(name.substr(0, member->shown.size()), member->shown))
                modes.push_back(name);
        const std::string cut = "Type: cut off after \"" + member->shown + "\"";
        if (modes.size() != 1)
            return cut + "; the type is unknown";
        object["Type"] = std::string(modes.front());
        return cut + "; read as " + std::string(modes.front()) + ", the only network type that starts so";
    }

    /// Whether the object a value the paste cut inside its ID stands for (`value`, or its list's last
    /// element; in an envelope, `value` is its Output) is told by no member it shows but that ID (it is
    /// of an HNS kind only with the ID whole, and no network by its Type): then it is named as a list
    /// view's block or an hnsdiag row cut in its ID is (cutIdNotImported), on its own lines, and the
    /// caller leaves it out. False (nothing reported) when the object is told without its ID.
    bool reportCutInId(const nlohmann::json& value, bool inEnvelope, const Collected& c,
                       const CutStringMember& id, int first, int last)
    {
        const bool inList = value.is_array() && !value.empty();
        const nlohmann::json& object = inList ? value.back() : value;
        if (!object.is_object())
            return false;
        bool isV1 = false;
        if (detail::classifyObject(object, ResourceKind::Invalid, isV1) != ResourceKind::Invalid)
            return false;
        nlohmann::json whole = object;
        whole[id.key] = idCompletedFrom(id.shown);
        const ResourceKind kind = detail::classifyObject(whole, ResourceKind::Invalid, isV1);
        // A network shows its mode: the import takes it without its ID (import_collect.cpp).
        if (kind == ResourceKind::Invalid ||
            (kind == ResourceKind::Network && (object.contains("Type") || object.contains("type"))))
            return false;
        // Its members in the order the dump shows them.
        std::vector<std::string> repairs;
        const auto ordered =
            nlohmann::ordered_json::parse(closeTruncatedJson(repairCommas(c.json, repairs)), nullptr, false);
        const nlohmann::ordered_json* shown =
            inEnvelope && ordered.is_object() && ordered.contains("Output") ? &ordered["Output"] : &ordered;
        if (shown->is_array() && !shown->empty())
            shown = &shown->back();
        std::vector<std::pair<std::string, std::string>> members;
        if (shown->is_object())
            for (const auto& [key, member] : shown->items())
                if (!member.is_structured())
                    members.emplace_back(key, member.is_string() ? member.get<std::string>() : member.dump());
        const std::vector<Collected::Span>& spans = inEnvelope ? c.depth3 : c.depth2;
        const int from = inList && spans.size() == value.size() ? lineAt(spans.back().from) : first;
        warn(from, last, cutIdNotImported(id.key, kind, id.shown, shownMembersText(members)));
        return true;
    }

    bool salvageCutValue(Position at, std::size_t stopLine, const std::string& warning)
    {
        Collected c = collect(at, stopLine);
        const int first = lineAt(at);
        const int last = lineAt({c.lastLine, std::string::npos});
        std::string closed =
            closeTruncatedJson(repairCommas(dropPlaceholders(c.json, c.placeholders), c.repairs));
        nlohmann::json value;
        if (!closed.empty()) {
            try {
                value = nlohmann::json::parse(closed);
            } catch (const nlohmann::json::exception&) {
                if (!parseRequoted(closed, c.repairs, value))
                    value = nullptr;
            }
        }
        // Windows PowerShell 5.1's value/Count wrapper cut inside its list: the objects in it are read.
        if (unwrapValueCountWrappers(value, true))
            c.repairs.push_back("read the objects in PowerShell's value/Count wrapper");
        if (!(value.is_object() && !value.empty()) && !(value.is_array() && !value.empty()))
            return false;
        const std::string context = contextBefore(at);
        // An answer that says it failed is a failure, cut or not: no object, nothing to complete.
        if (isCutFailure(value)) {
            JsonStringState strings;
            for (const char ch : c.json)
                strings.step(ch);
            // Cut inside its Error: closing drops the string; what the paste kept of it is the message.
            if (strings.inString() && !value.contains("Error")) {
                std::string open = c.json;
                if (const std::size_t slashes = open.size() - open.find_last_not_of('\\') - 1; slashes % 2)
                    open.pop_back();
                try {
                    const nlohmann::json kept = nlohmann::json::parse(open + "\"}");
                    if (kept.is_object() && kept.contains("Error") && kept["Error"].is_string())
                        value["Error"] = kept["Error"];
                } catch (const nlohmann::json::exception&) {
                }
            }
            // The blank lines the cut took in after it are none of it.
            std::size_t lastText = c.lastLine;
            while (lastText > at.line && trimBlanks(m_lines[lastText].text).empty())
                --lastText;
            reportFailedAnswer(value, first, lineAt({lastText, std::string::npos}), context,
                               strings.inString() && value.contains("Error"));
            return true;
        }
        const std::optional<CutStringMember> member = cutStringMember(c.json);
        const bool cutInId = member && cutInHnsId(member->key, member->shown, context);
        // An answer cut before its Success (Output came first) is one too.
        const bool envelope = (isEnvelope(value) || isCutEnvelope(value)) && value.contains("Output");
        // An object told by nothing but its ID, cut there, is named and left out.
        const bool cutIdNamed =
            cutInId && reportCutInId(envelope ? value["Output"] : value, envelope, c, *member, first, last);
        // A cut log record, map or request that shows no HNS object lost none; nor did a cut document of
        // HCS, the compute system service (a container's create request), which is not imported whole.
        if (!cutIdNamed && cutLosesHnsObject(value, context) && !detail::isHcsComputeSystem(value))
            warn(first, last, warning);
        if (!c.placeholders.empty()) {
            warn(first, last, placeholderWarning(c.placeholders));
            c.repairs.push_back("read placeholders in place of values as elisions");
        }
        FoundValue found;
        found.firstLine = first;
        found.lastLine = last;
        found.context = context;
        found.sourceText = spanText(at, {c.lastLine, std::string::npos});
        // The cut fell in the object's ID: what the dump shows of it may name an object seen whole.
        if (cutInId)
            found.cutId = member->shown;
        c.repairs.push_back("closed a value the paste cut off");
        std::sort(c.repairs.begin(), c.repairs.end());
        c.repairs.erase(std::unique(c.repairs.begin(), c.repairs.end()), c.repairs.end());
        found.repairs = std::move(c.repairs);
        if (envelope) {
            found.fromEnvelope = true;
            value = std::move(value["Output"]);
        }
        const std::string loss =
            "the dump ends inside this value after line " + std::to_string(last) + "; what followed is unknown";
        const std::string typeLoss =
            cutTypeLoss(c.json, value.is_array() && !value.empty() ? value.back() : value);
        // In a list only the last element is cut: the ones before it are whole.
        if (value.is_array() && value.size() >= 2 && value.back().is_object()) {
            FoundValue cutOff = found;
            if (!typeLoss.empty())
                cutOff.losses.push_back(typeLoss);
            found.cutId.clear();
            cutOff.value = std::move(value.back());
            cutOff.losses.push_back(loss);
            cutOff.cutOff = true;
            value.erase(value.size() - 1);
            found.value = std::move(value);
            m_result.values.push_back(std::move(found));
            if (!cutIdNamed)
                m_result.values.push_back(std::move(cutOff));
            return true;
        }
        if (cutIdNamed)
            return true;
        found.losses.push_back(loss);
        if (!typeLoss.empty())
            found.losses.push_back(typeLoss);
        found.cutOff = true;
        found.value = std::move(value);
        placeholderLosses(found, c.placeholders);
        m_result.values.push_back(std::move(found));
        return true;
    }

    /// The lines and text of each object in an array of objects, or in an envelope's Output list, when
    /// the objects seen while collecting match the parsed elements one to one.
    std::vector<FoundValue::Element> elementsOf(const nlohmann::json& value, const Collected& c) const
    {
        const nlohmann::json* list = &value;
        const std::vector<Collected::Span>* spans = &c.depth2;
        if (isEnvelope(value)) {
            list = value.contains("Output") ? &value["Output"] : nullptr;
            spans = &c.depth3;
        }
        if (!list || !list->is_array() || list->size() < 2 || spans->size() != list->size() ||
            !std::all_of(list->begin(), list->end(), [](const auto& e) { return e.is_object(); }))
            return {};
        std::vector<FoundValue::Element> elements;
        elements.reserve(spans->size());
        for (const Collected::Span& span : *spans)
            elements.push_back({lineAt(span.from), lineBefore(span.to), spanText(span.from, span.to)});
        return elements;
    }

    /// What precedes a value on its line (FoundValue::context).
    std::string contextBefore(Position at) const
    {
        std::string_view before = trimBlanks(std::string_view(m_lines[at.line].text).substr(0, at.column));
        if (before.empty())
            return requestLineBefore(at.line);
        if (before.size() > kMaxContext)
            before = before.substr(before.size() - kMaxContext);
        return validUtf8(std::string(before));
    }

    /// `POST /endpoints/`, or `POST` and `/endpoints/` on lines of their own, right before a value that
    /// starts its line: a request to HNS's REST API as a trace shows it, the value its body. Said as
    /// `[POST] /endpoints/`, the form hcsshim logs a request in; empty for anything else (a GET's value is
    /// its answer).
    std::string requestLineBefore(std::size_t line) const
    {
        std::string request;
        for (std::size_t back = 1; back <= 2 && back <= line; ++back) {
            const std::string_view text = trimBlanks(std::string_view(m_lines[line - back].text));
            if (text.empty() || text.size() > kMaxContext)
                return {};
            request = request.empty() ? std::string(text) : std::string(text) + " " + request;
            const std::size_t space = request.find(' ');
            if (space == std::string::npos)
                continue;
            const std::string method = lowerCopy(request.substr(0, space));
            std::string_view path = trimBlanks(std::string_view(request).substr(space + 1));
            if (const std::size_t version = path.find(" HTTP/"); version != std::string_view::npos)
                path = path.substr(0, version);
            if ((method != "post" && method != "put" && method != "patch") || !path.starts_with('/') ||
                path.find(' ') != std::string_view::npos)
                return {};
            return "[" + upperCopy(method) + "] " + std::string(path);
        }
        return {};
    }

    /// What follows a value ending at `end` (FoundValue::after), the rest of a log line a console
    /// wrapped joined on (`... hcnCreateEndpoint failed in Win32: The specified port already ex` /
    /// `ists. (0x803b0013)`).
    std::string textAfter(Position end) const
    {
        // Only text after the value on its line can go on: a line that ends with the value ends it.
        const bool textAfterOnLine =
            end.column < m_lines[end.line].text.size() &&
            !trimBlanks(std::string_view(m_lines[end.line].text).substr(end.column)).empty();
        std::size_t wrapEnd =
            textAfterOnLine ? consoleWrapEnd(m_lines, end.line, kMaxWrappedAfterLines) : end.line + 1;
        // A line a console went on with starts at its column 0; an indented one is a line of its own.
        std::size_t joined = end.line + 1;
        while (joined < wrapEnd && !m_lines[joined].text.empty() && m_lines[joined].text.front() != ' ' &&
               m_lines[joined].text.front() != '\t')
            ++joined;
        wrapEnd = joined;
        const std::string line =
            wrapEnd > end.line + 1 ? joinConsoleWrap(m_lines, end.line, wrapEnd) : m_lines[end.line].text;
        std::optional<std::string_view> next;
        if (wrapEnd < m_lines.size())
            next = m_lines[wrapEnd].text;
        return textAfterValue(std::string_view(line).substr(std::min(end.column, line.size())), next);
    }

    /// The source line the text at `at` came from (a line joined from several keeps where each began).
    int lineAt(Position at) const { return sourceLineAt(m_lines[at.line], at.column); }

    /// The source line of the text just before `end` (a span's end, one past its last character).
    int lineBefore(Position end) const { return lineAt({end.line, end.column > 0 ? end.column - 1 : 0}); }

    /// The cleaned text from `from` up to `to`, lines joined by LF.
    std::string spanText(Position from, Position to) const
    {
        std::string out;
        for (std::size_t l = from.line; l <= to.line && l < m_lines.size(); ++l) {
            std::string_view line = m_lines[l].text;
            if (l == to.line)
                line = line.substr(0, to.column);
            if (l == from.line)
                line = line.substr(std::min(from.column, line.size()));
            if (l != from.line)
                out += '\n';
            out += line;
        }
        return out;
    }

    void warn(int first, int last, std::string message)
    {
        // Parser messages quote what they last read, which can end inside a character: kept valid UTF-8.
        m_result.warnings.push_back(
            {first, last, tables::lineRange(first, last) + ": " + validUtf8(std::move(message))});
    }

    /// A fenced message's members that closed nothing (takeStartCut), read as m_result.values[value].
    struct OnlyMembers
    {
        std::size_t value;
        std::string joined;
        std::vector<std::size_t> lineOf;
        std::vector<std::string> repairs;
    };

    const std::vector<CleanedLine>& m_lines;
    const ExtractOptions& m_options;
    std::optional<OnlyMembers> m_onlyMembers;
    ExtractResult& m_result;
    std::vector<FailedAnswer>* m_failedAnswers = nullptr;
    int m_quotedNesting = 0;
    /// The words logged before the log field this text was unquoted from (FoundValue::context there).
    std::string m_outerContext;
    int m_unclosedScans = 0;
};

} // namespace

ExtractResult extractJsonValues(std::string_view text, const ExtractOptions& options)
{
    ExtractResult result;
    const std::vector<CleanedLine> lines = cleanPastedText(text);
    Extractor(lines, options, result, nullptr, 0).run();
    return result;
}

ExtractResult extractJsonValues(const std::vector<CleanedLine>& lines, const ExtractOptions& options)
{
    ExtractResult result;
    Extractor(lines, options, result, nullptr, 0).run();
    return result;
}

ExtractResult extractJsonValues(const std::vector<CleanedLine>& lines,
                                std::vector<FailedAnswer>& failedAnswers)
{
    ExtractResult result;
    const ExtractOptions options;
    Extractor(lines, options, result, &failedAnswers, 0).run();
    return result;
}

} // namespace hcn::io
