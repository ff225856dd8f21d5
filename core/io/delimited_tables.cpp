// Objects in delimited text: what Export-Csv and ConvertTo-Csv write, and the tab-separated rows that
// Out-GridView or a spreadsheet put on the clipboard. One pass over the cleaned lines; every field is
// read with readPowerShellValue, since PowerShell writes each property's text as its list view shows it.

#include "io/delimited_tables.h"

#include "common/text.h"
#include "common/utf8.h"
#include "hcn/dump_formats.h"
#include "io/hns_property_names.h"
#include "io/powershell_value.h"
#include "io/text_tables.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hcn::io {

namespace {

/// `,` (Export-Csv's default), `;` (-UseCulture where the list separator is `;`: German, French ...)
/// and tab (Out-GridView, spreadsheets).
constexpr std::array<char, 3> kDelimiters = {',', ';', '\t'};
/// A header names at least this many HNS properties: two names of any other output seldom are.
constexpr std::size_t kMinKnownColumns = 2;
/// A column name longer than this is text, not a property name.
constexpr std::size_t kMaxColumnName = 64;
/// A quoted field open over more lines than this is not a field: the quote was text.
constexpr std::size_t kMaxLinesPerRecord = 200;

struct Fields
{
    std::vector<std::string> values;
    bool openQuote = false; ///< the text ends inside a quoted field: the record goes on on the next line
    bool malformed = false; ///< text after a closing quote: not written by a CSV writer
    bool quoted = false;    ///< the first field was quoted (Export-Csv quotes every field)
};

/// Fields of one record (`text` may hold line breaks inside quoted fields): `"..."` with `""` for a
/// quote inside, or bare text up to the next delimiter.
Fields splitRecord(std::string_view text, char delimiter)
{
    Fields out;
    std::string field;
    bool inQuotes = false;
    bool closed = false;  // the field's closing quote was seen
    bool started = false; // the field has text (a quote opens a field only at its start)
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inQuotes) {
            if (c != '"')
                field += c;
            else if (i + 1 < text.size() && text[i + 1] == '"')
                field += text[++i];
            else {
                inQuotes = false;
                closed = true;
            }
            continue;
        }
        if (c == delimiter) {
            out.values.push_back(std::exchange(field, std::string()));
            closed = started = false;
            continue;
        }
        if (closed) {
            out.malformed = true;
            field += c;
            continue;
        }
        if (c == '"' && !started) {
            inQuotes = started = true;
            if (out.values.empty())
                out.quoted = true;
            continue;
        }
        started = true;
        field += c;
    }
    out.openQuote = inQuotes;
    out.values.push_back(std::move(field));
    return out;
}

bool isColumnName(std::string_view name)
{
    if (name.empty() || name.size() > kMaxColumnName || name.front() == ' ' || name.back() == ' ')
        return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == ' ' || c == '.' ||
               c == '-';
    });
}

/// A column's property name: the header's text without blanks (`IP Address` -> `IPAddress`).
std::string propertyName(std::string_view column)
{
    std::string name;
    for (char c : column) {
        if (c != ' ')
            name += c;
    }
    return name;
}

struct Header
{
    char delimiter = ',';
    std::vector<std::string> columns; ///< property names
};

/// The header `line` is, when it is one: fields that are all property-like names, at least
/// kMinKnownColumns of them HNS properties; of the delimiters that qualify, the one giving most columns.
std::optional<Header> readHeader(std::string_view line)
{
    std::optional<Header> best;
    for (char delimiter : kDelimiters) {
        const std::size_t first = line.find(delimiter);
        if (first == std::string_view::npos)
            continue;
        // A bare first field is the text before the first delimiter: when that is no column name (an
        // indented line, `Name : value`, JSON), the line is no header, without splitting it.
        if (line.front() != '"' && !isColumnName(line.substr(0, first)))
            continue;
        Fields fields = splitRecord(line, delimiter);
        if (fields.openQuote || fields.malformed || fields.values.size() < kMinKnownColumns)
            continue;
        if (!std::all_of(fields.values.begin(), fields.values.end(),
                         [](const std::string& f) { return isColumnName(f); }))
            continue;
        const auto known = std::size_t(std::count_if(fields.values.begin(), fields.values.end(),
                                                     [](const std::string& f) { return isHnsProperty(f); }));
        if (known < kMinKnownColumns || (best && best->columns.size() >= fields.values.size()))
            continue;
        Header header{delimiter, {}};
        for (const std::string& f : fields.values)
            header.columns.push_back(propertyName(f));
        best = std::move(header);
    }
    return best;
}

class DelimitedReader
{
public:
    DelimitedReader(const std::vector<CleanedLine>& lines, ExtractResult& result)
        : m_lines(lines), m_result(result)
    {}

    void run()
    {
        for (std::size_t i = 0; i < m_lines.size();) {
            const std::size_t next = readTable(i);
            i = next == i ? i + 1 : next;
        }
    }

private:
    /// The table starting at `at` (a `#TYPE` line or a header with a row after it); returns the index
    /// after it, or `at` when none starts there.
    std::size_t readTable(std::size_t at)
    {
        std::size_t headerAt = at;
        const std::string_view first = m_lines[at].text;
        const bool typeLine = first.starts_with("#TYPE ");
        if (typeLine)
            ++headerAt;
        if (headerAt + 1 >= m_lines.size())
            return at;
        const std::optional<Header> header = readHeader(m_lines[headerAt].text);
        if (!header)
            return at;
        std::string headerText = typeLine ? std::string(first) + "\n" : std::string();
        headerText += m_lines[headerAt].text;

        std::size_t i = headerAt + 1;
        std::size_t rows = 0;
        while (i < m_lines.size()) {
            const std::size_t next = readRow(*header, headerText, i);
            if (next == i)
                break;
            i = next;
            ++rows;
        }
        return rows == 0 ? at : i;
    }

    /// The record starting at `at`: its text joined over the lines its quoted fields span.
    struct Record
    {
        Fields fields;
        std::size_t end = 0; ///< index after its last line
        std::string text;
    };

    Record readRecord(char delimiter, std::size_t at) const
    {
        Record record;
        record.end = at;
        for (std::size_t n = 0; record.end < m_lines.size() && n < kMaxLinesPerRecord; ++n) {
            if (n > 0)
                record.text += '\n';
            record.text += m_lines[record.end++].text;
            record.fields = splitRecord(record.text, delimiter);
            if (!record.fields.openQuote)
                break;
        }
        return record;
    }

    /// Reads the row at `at` into an object; returns the index after it, or `at` when the table ended.
    std::size_t readRow(const Header& header, const std::string& headerText, std::size_t at)
    {
        if (tables::isBlankLine(m_lines[at].text))
            return at;
        Record record = readRecord(header.delimiter, at);
        const int firstLine = m_lines[at].sourceLine;
        if (record.fields.openQuote) // a quote never closed: the line is not a row
            return at;
        const int lastLine = m_lines[record.end - 1].sourceLine;
        const std::size_t count = record.fields.values.size();
        if (count < 2)
            return at;
        if (record.fields.malformed || count > header.columns.size()) {
            m_result.warnings.push_back(
                {firstLine, lastLine,
                 tables::lineRange(firstLine, lastLine) + ": a row of " + std::to_string(count) +
                     " fields under a header of " + std::to_string(header.columns.size()) +
                     (record.fields.malformed ? ", with text after a closing quote" : "") +
                     "; not imported"});
            return record.end;
        }
        FoundValue found;
        found.format = DumpFormat::Table;
        found.firstLine = firstLine;
        found.lastLine = lastLine;
        found.sourceText = validUtf8(headerText + "\n" + record.text);
        found.value = nlohmann::json::object();
        for (std::size_t c = 0; c < count; ++c) {
            const std::string& text = record.fields.values[c];
            const std::string& name = header.columns[c];
            if (text.empty() || found.value.contains(name))
                continue; // Export-Csv writes "" for a property without a value
            PowerShellValueNotes notes;
            found.value[name] = readPowerShellValue(text, name, notes);
            if (notes.keptAsText || notes.cut)
                m_result.warnings.push_back(
                    {firstLine, lastLine,
                     tables::lineRange(firstLine, lastLine) + ": " + name +
                         (notes.keptAsText ? ": the value could not be read in full; kept as text"
                                           : ": cut; only its complete part was read")});
            for (std::string& loss : notes.losses)
                found.losses.push_back(std::move(loss));
        }
        // Export-Csv quotes every field and writes every column: a quoted row with fewer fields was cut.
        // Bare rows (tab-separated, ConvertTo-Csv -UseQuotes AsNeeded) lose their empty last fields to
        // the trailing blanks a paste drops.
        if (record.fields.quoted && count < header.columns.size()) {
            found.cutOff = true;
            found.losses.push_back("the row ends after " + header.columns[count - 1] + "; " +
                                   std::to_string(header.columns.size() - count) + " more column" +
                                   (header.columns.size() - count == 1 ? "" : "s") + " not in the dump");
        }
        m_result.values.push_back(std::move(found));
        return record.end;
    }

    const std::vector<CleanedLine>& m_lines;
    ExtractResult& m_result;
};

} // namespace

namespace {

/// A column name of a log export's header: printable text without quotes (`_time`, `TimeGenerated
/// [UTC]`, `Computer`), at most kMaxColumnName characters, at least one letter.
bool isLogColumnName(std::string_view name)
{
    if (name.empty() || name.size() > kMaxColumnName)
        return false;
    bool letter = false;
    for (char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || c == '"' || c == '{' || c == '}' || c == '=')
            return false;
        letter = letter || std::isalpha(u) != 0;
    }
    return letter;
}

/// The delimiter of a log export's header `line` and its column count; nullopt when it is none (or
/// when it is an HNS table's header, which the table reader reads).
std::optional<std::pair<char, std::size_t>> logHeader(std::string_view line)
{
    if (readHeader(line))
        return std::nullopt;
    for (char delimiter : kDelimiters) {
        if (line.find(delimiter) == std::string_view::npos)
            continue;
        const Fields fields = splitRecord(line, delimiter);
        if (fields.openQuote || fields.malformed || fields.values.size() < 2)
            continue;
        if (std::all_of(fields.values.begin(), fields.values.end(),
                        [](const std::string& f) { return isLogColumnName(f); }))
            return std::pair{delimiter, fields.values.size()};
    }
    return std::nullopt;
}

/// An escaped document in a field's unquoted text: JSON escaped inside a log field, a `%#v` dump.
bool holdsEscapedDocument(std::string_view field)
{
    return field.find("{\\\"") != std::string_view::npos || field.find("{Id:\"") != std::string_view::npos;
}

/// One record of a log export from `at`: its quoted fields' spans, where it ends (after its line end).
struct LogRecord
{
    struct Quoted
    {
        std::size_t begin = 0; ///< the opening quote
        std::size_t end = 0;   ///< after the closing quote
    };
    std::vector<Quoted> quoted;
    std::size_t fields = 0;
    std::size_t end = 0;
    bool ok = false;
};

LogRecord readLogRecord(std::string_view text, std::size_t at, char delimiter)
{
    LogRecord record;
    std::size_t lines = 1;
    bool started = false; // the field has text
    bool closed = false;  // its closing quote was seen
    std::size_t i = at;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') {
            ++i;
            break;
        }
        if (c == delimiter) {
            ++record.fields;
            started = closed = false;
            continue;
        }
        if (closed)
            return record; // text after a closing quote: no CSV
        if (c == '"' && !started) {
            LogRecord::Quoted quoted{i, 0};
            for (++i; i < text.size(); ++i) {
                if (text[i] == '\n' && ++lines > kMaxLinesPerRecord)
                    return record;
                if (text[i] == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"')
                        ++i;
                    else
                        break;
                }
            }
            if (i >= text.size())
                return record; // the text ends inside the field
            quoted.end = i + 1;
            record.quoted.push_back(quoted);
            started = closed = true;
            continue;
        }
        started = true;
    }
    record.fields += 1;
    record.end = i;
    record.ok = true;
    return record;
}

std::string undoubled(std::string_view quoted)
{
    std::string out;
    out.reserve(quoted.size());
    for (std::size_t i = 1; i + 1 < quoted.size(); ++i) {
        out += quoted[i];
        if (quoted[i] == '"' && quoted[i + 1] == '"')
            ++i;
    }
    return out;
}

} // namespace

std::optional<UnquotedLogFields> unquoteLogFields(std::string_view text)
{
    // Cheap evidence first: a doubled quote before an escaped one.
    if (text.find("\"\"") == std::string_view::npos ||
        (text.find("\\\"\"") == std::string_view::npos && text.find("{Id:\"\"") == std::string_view::npos))
        return std::nullopt;
    UnquotedLogFields result;
    std::size_t copied = 0;
    int line = 1;
    for (std::size_t at = 0; at < text.size();) {
        std::size_t lineEnd = text.find('\n', at);
        lineEnd = lineEnd == std::string_view::npos ? text.size() : lineEnd;
        const std::optional<std::pair<char, std::size_t>> header = logHeader(text.substr(at, lineEnd - at));
        at = lineEnd + 1;
        ++line;
        if (!header)
            continue;
        // Rows of as many fields as the header, up to the first that is not one.
        while (at < text.size()) {
            const LogRecord record = readLogRecord(text, at, header->first);
            if (!record.ok || record.fields != header->second)
                break;
            for (const LogRecord::Quoted& q : record.quoted) {
                const std::string field = undoubled(text.substr(q.begin, q.end - q.begin));
                if (!holdsEscapedDocument(field))
                    continue;
                if (result.fields++ == 0)
                    result.firstLine = line;
                result.text += text.substr(copied, q.begin - copied);
                result.text += field;
                copied = q.end;
            }
            line += int(std::count(text.begin() + std::ptrdiff_t(at),
                                   text.begin() + std::ptrdiff_t(record.end), '\n'));
            at = record.end;
        }
    }
    if (result.fields == 0)
        return std::nullopt;
    result.text += text.substr(copied);
    return result;
}

ExtractResult extractDelimitedTables(const std::vector<CleanedLine>& lines)
{
    ExtractResult result;
    DelimitedReader(lines, result).run();
    return result;
}

} // namespace hcn::io
