#include "io/json_log_records.h"

#include "common/text.h"
#include "io/import_objects.h"
#include "io/text_scan.h"
#include "io/wrapped_lines.h"

#include <algorithm>
#include <iterator>
#include <nlohmann/json.hpp>

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

/// Whether `line` ends inside a quoted field whose quotes inside are escaped: a log record holding a
/// document as text (`msg="Response: {\"ID\":\"7C9A`) that the line does not finish.
bool endsInsideEscapedField(std::string_view line)
{
    bool inField = false;
    bool escapedQuote = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (!inField) {
            inField = c == '"';
            escapedQuote = false;
        } else if (c == '\\' && i + 1 < line.size()) {
            escapedQuote = escapedQuote || line[i + 1] == '"';
            ++i;
        } else if (c == '"') {
            inField = false;
        }
    }
    return inField && escapedQuote;
}

/// A log record with a document in an escaped field, which a console broke into lines at its width, is
/// one line again: the lines that continue it are joined onto it (without a separator, or the blank
/// the console broke at) and left out. Returns how many records were joined.
std::size_t joinWrappedEscapedRecords(std::vector<CleanedLine>& lines)
{
    std::vector<CleanedLine> joined;
    std::size_t records = 0;
    for (std::size_t i = 0; i < lines.size();) {
        std::size_t end = i + 1;
        if (lines[i].text.size() >= kMinConsoleLineWidth && endsInsideEscapedField(lines[i].text) &&
            codePointWidth(lines[i].text) >= kMinConsoleLineWidth)
            end = consoleWrapEnd(lines, i, kMaxWrappedRecordLines);
        if (end == i + 1 && records == 0) {
            ++i; // nothing joined so far: the lines stay where they are
            continue;
        }
        if (records == 0) {
            joined.reserve(lines.size());
            std::move(lines.begin(), lines.begin() + std::ptrdiff_t(i), std::back_inserter(joined));
        }
        CleanedLine record = std::move(lines[i]);
        if (end > i + 1) {
            ++records;
            const std::size_t width = codePointWidth(record.text);
            std::size_t previousWidth = width;
            for (std::size_t k = i + 1; k < end; ++k) {
                if (previousWidth < width)
                    record.text += ' '; // the console broke at a blank, which the copy trimmed
                previousWidth = codePointWidth(lines[k].text);
                record.text += lines[k].text;
            }
        }
        joined.push_back(std::move(record));
        i = end;
    }
    if (records > 0)
        lines = std::move(joined);
    return records;
}

} // namespace

std::size_t unwrapJsonLogRecords(std::vector<CleanedLine>& lines)
{
    std::size_t rewritten = joinWrappedEscapedRecords(lines);
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
        ++rewritten;
    }
    return rewritten;
}

} // namespace hcn::io
