#include "io/json_log_records.h"

#include "common/text.h"
#include "io/object_kinds.h"
#include "io/text_scan.h"
#include "io/wrapped_lines.h"

#include <algorithm>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>

namespace hcn::io {

namespace {

using json = nlohmann::json;

/// Docker's json-file driver: each record one line of the container's output, in `log`.
bool isDockerRecord(const json& record)
{
    return record.contains("stream") && record.contains("log") && record["log"].is_string();
}

/// Whether a member holds an object or a list: zap's and logr's JSON encoders log a struct they are
/// given as a nested value (`"endpoint":{"ID":...}`), which is a document of its own.
bool hasNestedValue(const json& record)
{
    return std::any_of(record.begin(), record.end(), [](const json& value) {
        return (value.is_object() || value.is_array()) && !value.empty();
    });
}

/// The members a structured logger writes beside its message: a record may carry no message at all
/// (`{"level":"info","endpoint":{...}}`).
bool hasLogMember(const json& record)
{
    for (const char* key :
         {"msg", "message", "level", "lvl", "severity", "ts", "time", "timestamp", "caller", "logger"})
        if (record.contains(key))
            return true;
    return false;
}

/// The object the line is, when it is one JSON log record; null otherwise.
json logRecord(std::string_view line)
{
    const std::string_view t = trimBlanks(line);
    if (t.size() < 8 || t.front() != '{' || t.back() != '}')
        return nullptr;
    json record = json::parse(t, nullptr, false);
    if (!record.is_object())
        return nullptr;
    // Docker's records are each one line of the container's output (a document may spread over them);
    // another record is worth reading only with escaped quotes (a document inside a field) or a nested
    // object or list (a document as a field).
    const bool docker = isDockerRecord(record);
    if (!docker && t.find("\\\"") == std::string_view::npos && !hasNestedValue(record))
        return nullptr;
    const bool message = hasLogMember(record) || docker;
    bool isV1 = false;
    if (!message || detail::classifyObject(record, ResourceKind::Invalid, isV1) != ResourceKind::Invalid)
        return nullptr;
    return record;
}

template <class Json> std::string fieldText(const Json& value)
{
    std::string text = value.is_string() ? value.template get<std::string>() : value.dump();
    for (char& c : text)
        if (c == '\n' || c == '\r')
            c = ' ';
    return text;
}

/// A console-wrapped log record is joined from at most this many lines.
constexpr std::size_t kMaxWrappedRecordLines = 512;

/// Follows a log line's quoted fields through its text, to tell whether it ends inside one whose quotes
/// inside are escaped: a log record holding a document as text (`msg="Response: {\"ID\":\"7C9A`) that
/// the line does not finish.
class EscapedFieldScan
{
public:
    void feed(std::string_view text)
    {
        for (const char c : text) {
            if (m_backslash) {
                m_escapedQuote = m_escapedQuote || c == '"';
                m_backslash = false;
            } else if (!m_inField) {
                m_inField = c == '"';
                m_escapedQuote = false;
            } else if (c == '\\') {
                m_backslash = true;
            } else if (c == '"') {
                m_inField = false;
            }
        }
        if (const std::string_view t = trimBlanks(text); !t.empty())
            m_last = t.back();
    }

    /// Whether the text fed so far ends inside such a field. One that ends at the document's opening
    /// bracket (`msg="Network Response : { `) is one when `next` goes on with an escaped quote.
    bool endsInside(std::string_view next) const
    {
        return m_inField &&
               (m_escapedQuote || ((m_last == '{' || m_last == '[') && trimBlanks(next).starts_with("\\\"")));
    }

private:
    bool m_inField = false;
    bool m_escapedQuote = false;
    bool m_backslash = false;
    char m_last = '\0';
};

/// Whether `line` goes on with a document escaped in a field a line before left open: an escaped quote
/// comes before any quote of its own (`\"EndMacAddress\" : \"00-15-5D-FC-BF-FF\" } ], ...`).
bool continuesEscapedField(std::string_view line)
{
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '"')
            return false;
        if (line[i] == '\\' && i + 1 < line.size() && line[i + 1] == '"')
            return true;
        if (line[i] == '\\')
            ++i;
    }
    return false;
}

/// The end of the run of lines a log record with a document in an escaped field, starting at
/// lines[first], was broken into, and the record joined into `text`: the lines a console broke it into
/// at its width (consoleWrapEnd), then, while the field is still open, the lines that go on with it (a
/// viewer that wraps at blanks leaves lines of unequal width), each after a blank. first + 1 when the
/// line ends in no such field. `joinedAt` gets where each line starts in `text` (CleanedLine::joinedAt).
std::size_t escapedRecordEnd(const std::vector<CleanedLine>& lines, std::size_t first, std::string& text,
                             std::vector<std::pair<std::size_t, int>>& joinedAt)
{
    if (lines[first].text.size() < kMinConsoleLineWidth || first + 1 >= lines.size() ||
        codePointWidth(lines[first].text) < kMinConsoleLineWidth)
        return first + 1;
    EscapedFieldScan field;
    field.feed(lines[first].text);
    if (!field.endsInside(lines[first + 1].text))
        return first + 1;
    std::size_t end = consoleWrapEnd(lines, first, kMaxWrappedRecordLines);
    text = joinConsoleWrap(lines, first, end, &joinedAt);
    field = {};
    field.feed(text);
    while (end < lines.size() && end - first < kMaxWrappedRecordLines && field.endsInside(lines[end].text)) {
        const std::string_view next = trimBlanks(lines[end].text);
        if (next.empty() || opensLogRecord(next) || !continuesEscapedField(next))
            break;
        text += ' ';
        joinedAt.emplace_back(text.size(), lines[end].sourceLine);
        text += next;
        field.feed(" ");
        field.feed(next);
        ++end;
    }
    return end;
}

/// Each log record with a document in an escaped field that was broken into lines (escapedRecordEnd) is
/// one line again: the lines that continue it are joined onto it and left out. Returns how many records
/// were joined.
std::size_t joinWrappedEscapedRecords(std::vector<CleanedLine>& lines)
{
    std::vector<CleanedLine> joined;
    std::size_t records = 0;
    for (std::size_t i = 0; i < lines.size();) {
        std::string text;
        std::vector<std::pair<std::size_t, int>> joinedAt;
        const std::size_t end = escapedRecordEnd(lines, i, text, joinedAt);
        if (end == i + 1 && records == 0) {
            ++i; // nothing joined so far: the lines stay where they are
            continue;
        }
        if (records == 0) {
            joined.reserve(lines.size());
            std::move(lines.begin(), lines.begin() + std::ptrdiff_t(i), std::back_inserter(joined));
        }
        if (end > i + 1) {
            ++records;
            lines[i].text = std::move(text);
            lines[i].joinedAt = std::move(joinedAt);
        }
        joined.push_back(std::move(lines[i]));
        i = end;
    }
    if (records > 0)
        lines = std::move(joined);
    return records;
}

/// A string holding text of its own is read when it is at most this long (as a document in a string).
constexpr std::size_t kMaxCarriedText = std::size_t(4) << 20;

/// Where the JSON string opening at line[open] ends (its closing quote), or npos.
std::size_t stringEnd(std::string_view line, std::size_t open)
{
    for (std::size_t i = open + 1; i < line.size(); ++i) {
        if (line[i] == '\\')
            ++i;
        else if (line[i] == '"')
            return i;
    }
    return std::string_view::npos;
}

/// The text of the JSON string literal `quoted` (quotes included), or nothing when it is none.
std::optional<std::string> stringText(std::string_view quoted)
{
    const json value = json::parse(quoted, nullptr, false);
    if (!value.is_string())
        return std::nullopt;
    return value.get<std::string>();
}

/// Text a JSON string carries (a command's output: `az vm run-command invoke`'s `value[0].message`,
/// Ansible's `stdout`) that holds no document the JSON and Go readers find in strings (`{"`, `[{`, `&{`,
/// `{Id:`): a list view or a table, read by nothing else.
bool isCarriedText(std::string_view text)
{
    if (std::count(text.begin(), text.end(), '\n') < 2)
        return false;
    for (std::string_view marker : {"{\"", "[{", "&{", "{Id:"})
        if (text.find(marker) != std::string_view::npos)
            return false;
    return true;
}

/// The text a JSON string carried, split into lines, each at `sourceLine`: the readers find what it
/// holds as in a text of its own.
std::vector<CleanedLine> carriedTextLines(std::string_view text, int sourceLine)
{
    std::vector<CleanedLine> added;
    for (std::size_t start = 0; start <= text.size();) {
        const std::size_t stop = std::min(text.find('\n', start), text.size());
        std::string_view line = text.substr(start, stop - start);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
            line.remove_suffix(1);
        added.push_back({std::string(line), sourceLine});
        start = stop + 1;
    }
    return added;
}

/// Text with the line ends and the blanks ending its lines taken out: how a text and the list of its
/// lines are compared.
std::string textKey(std::string_view text)
{
    std::string out;
    for (const char c : text)
        if (c != '\r' && c != '\n' && c != ' ')
            out += c;
    return out;
}

/// The strings of a JSON value that carry the lines of a command's output (a list view, an hnsdiag
/// table, inside `"message": "...\n..."` or an Ansible `"stdout_lines": [` list) are read as text of
/// their own: their lines, each at the line of the string (of its element), once (a `stdout_lines`
/// list that repeats its `stdout` is not read again).
std::vector<std::vector<CleanedLine>> textsCarriedInStrings(const std::vector<CleanedLine>& lines)
{
    std::vector<std::vector<CleanedLine>> added;
    std::vector<std::string> seen;
    const auto carry = [&](std::string_view text, int sourceLine) {
        std::string key = textKey(text);
        if (std::find(seen.begin(), seen.end(), key) != seen.end())
            return;
        seen.push_back(std::move(key));
        added.push_back(carriedTextLines(text, sourceLine));
    };
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view line = lines[i].text; // cleaned: no blanks at its end
        // `"stdout_lines": [`: a list of strings, one a line, up to its `]`.
        if (!line.empty() && line.back() == '[' && line.find("_lines\"") != std::string_view::npos) {
            std::string text;
            std::vector<int> at;
            std::size_t k = i + 1;
            for (; k < lines.size(); ++k) {
                std::string_view element = trimBlanks(lines[k].text);
                if (element.starts_with(']'))
                    break;
                if (element.ends_with(','))
                    element.remove_suffix(1);
                const std::optional<std::string> s =
                    element.starts_with('"') ? stringText(element) : std::nullopt;
                if (!s || s->find('\n') != std::string::npos || text.size() + s->size() > kMaxCarriedText)
                    break;
                text += *s + '\n';
                at.push_back(lines[k].sourceLine);
            }
            if (k < lines.size() && k > i + 1 && isCarriedText(text) &&
                std::find(seen.begin(), seen.end(), textKey(text)) == seen.end()) {
                seen.push_back(textKey(text));
                std::vector<CleanedLine>& carried = added.emplace_back();
                std::size_t n = 0;
                for (std::size_t start = 0; start < text.size(); ++n) {
                    const std::size_t stop = text.find('\n', start);
                    carried.push_back({text.substr(start, stop - start), at[n]});
                    start = stop + 1;
                }
            }
            continue;
        }
        if (line.find('\\') == std::string_view::npos || line.find("\\n") == std::string_view::npos)
            continue; // no string on the line holds a line end: the test of most lines
        for (std::size_t open = line.find('"'); open != std::string_view::npos;) {
            const std::size_t close = stringEnd(line, open);
            if (close == std::string_view::npos)
                break;
            const std::string_view quoted = line.substr(open, close + 1 - open);
            if (quoted.size() <= kMaxCarriedText && quoted.find("\\n") != std::string_view::npos)
                if (const std::optional<std::string> s = stringText(quoted); s && isCarriedText(*s))
                    carry(*s, lines[i].sourceLine);
            open = line.find('"', close + 1);
        }
    }
    return added;
}

} // namespace

std::vector<std::vector<CleanedLine>> unwrapJsonLogRecords(std::vector<CleanedLine>& lines)
{
    joinWrappedEscapedRecords(lines);
    for (CleanedLine& line : lines) {
        const json record = logRecord(line.text);
        if (record.is_null())
            continue;
        std::string text;
        if (isDockerRecord(record)) {
            text = fieldText(record["log"]); // Docker json-file: the container's own line
            while (!text.empty() && text.back() == ' ')
                text.pop_back();
        } else {
            // The fields in the order the logger wrote them (its message before the document, the error
            // after it), as the line would read printed: what is logged before and after a document
            // tells a request HNS refused from an object it holds.
            const auto ordered = nlohmann::ordered_json::parse(trimBlanks(line.text), nullptr, false);
            for (const auto& [key, value] : ordered.items())
                text += (text.empty() ? "" : " ") + key + "=" + fieldText(value);
        }
        line.text = std::move(text);
        line.joinedAt.clear(); // the fields' text no longer stands where the lines put it
    }
    return textsCarriedInStrings(lines);
}

} // namespace hcn::io
