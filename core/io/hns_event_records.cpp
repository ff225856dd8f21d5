// HNS's own event-log record of an operation, failed or done (see hns_event_records.h).

#include "io/hns_event_records.h"

#include "common/text.h"
#include "common/utf8.h"
#include "hcn/error_catalog.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

namespace hcn::io {
namespace {

/// A record's fields are read from at most this many lines after its title.
constexpr std::size_t kMaxEventFieldLines = 8;
/// A field's value is kept to this many bytes.
constexpr std::size_t kMaxEventValue = 120;

/// One `Name = 'value'.` field of an HNS event record.
struct EventField
{
    std::string name; ///< lower case: "network id", "result code"
    std::string value;
};

/// The fields `Name = 'value'` in `text`, in order.
std::vector<EventField> eventFieldsIn(std::string_view text)
{
    std::vector<EventField> fields;
    for (std::size_t eq = text.find(" = '"); eq != std::string_view::npos; eq = text.find(" = '", eq + 4)) {
        const std::size_t close = text.find('\'', eq + 4);
        if (close == std::string_view::npos)
            break;
        std::size_t start = eq;
        // The name: the words before ` = ` back to the last `.`, `:-` or the line's start.
        while (start > 0 &&
               (std::isalnum(static_cast<unsigned char>(text[start - 1])) || text[start - 1] == ' '))
            --start;
        const std::string_view name = trimBlanks(text.substr(start, eq - start));
        const std::string_view value = text.substr(eq + 4, close - eq - 4);
        if (!name.empty() && value.size() <= kMaxEventValue)
            fields.push_back({lowerCopy(name), validUtf8(std::string(value))});
        eq = close;
    }
    return fields;
}

/// The title `HNS-Network-Create :-` at the start of `text`: the kind and the operation as HNS names them
/// (`Network`, `Create`); empty when `text` starts with none.
std::pair<std::string_view, std::string_view> eventTitleOf(std::string_view text)
{
    text = trimBlanks(text);
    if (text.size() < 8 || lowerCopy(text.substr(0, 4)) != "hns-")
        return {};
    const std::size_t mark = text.find(":-");
    const std::string_view title = trimBlanks(text.substr(4, std::min(mark, text.size()) - 4));
    const std::size_t dash = title.find('-');
    if (mark == std::string_view::npos || dash == std::string_view::npos || dash == 0 ||
        dash + 1 >= title.size() || !std::all_of(title.begin(), title.end(), [](char c) {
            return std::isalpha(static_cast<unsigned char>(c)) || c == '-';
        }))
        return {};
    return {title.substr(0, dash), title.substr(dash + 1)};
}

/// A record's `Result code = '0x800702BA'`: the HRESULT, when it is one.
std::optional<HResult> eventResultCode(std::string_view value)
{
    value = trimBlanks(value);
    if (!value.starts_with("0x") && !value.starts_with("0X"))
        return std::nullopt;
    const Result<HResult> code = parseHResult(value);
    if (!code.ok())
        return std::nullopt;
    return *code;
}

/// One record as read: its lines, what it did ("create network <name> <id>"), the object's type and the
/// result code.
struct EventRecord
{
    std::size_t first = 0;
    std::size_t last = 0;
    std::string verb; ///< lower case: "create"
    std::string kindWord;
    std::string what; ///< "create network nat b2ab65c9-..."
    std::string type; ///< "LAYERED"; empty when the record names none
    std::optional<HResult> code;
};

/// The record that starts at lines[first] (`HNS-<Kind>-<Operation> :-`, its fields on the lines after it
/// or on its own line); none when the line starts no record.
std::optional<EventRecord> eventRecordAt(const std::vector<CleanedLine>& lines, std::size_t first)
{
    const auto [kind, operation] = eventTitleOf(lines[first].text);
    if (kind.empty())
        return std::nullopt;
    // The fields on the title's line, then one a line (indented or not) up to a line that holds none.
    std::vector<EventField> fields = eventFieldsIn(lines[first].text);
    EventRecord record;
    record.first = first;
    record.last = first;
    for (std::size_t k = first + 1; k < lines.size() && k <= first + kMaxEventFieldLines; ++k) {
        std::vector<EventField> more = eventFieldsIn(lines[k].text);
        if (more.empty() || !eventTitleOf(lines[k].text).first.empty())
            break;
        fields.insert(fields.end(), more.begin(), more.end());
        record.last = k;
    }
    record.kindWord = lowerCopy(kind);
    record.verb = lowerCopy(operation);
    std::string id;
    std::string name;
    for (const EventField& field : fields) {
        if (field.name == "result code")
            record.code = eventResultCode(field.value);
        else if (field.name == record.kindWord + " id")
            id = field.value;
        else if (field.name == record.kindWord + " type")
            record.type = field.value;
        else if (field.name == record.kindWord + " name")
            name = field.value;
    }
    if (id.size() == 38 && id.front() == '{' && id.back() == '}')
        id = id.substr(1, 36);
    record.what = record.verb + " " + record.kindWord;
    for (const std::string* part : {&name, &id})
        if (!part->empty())
            record.what += " " + *part;
    return record;
}

} // namespace

std::optional<LoggedRefusal> hnsEventRecordAt(const std::vector<CleanedLine>& lines, std::size_t first)
{
    const std::optional<EventRecord> record = eventRecordAt(lines, first);
    if (!record || !record->code || !failed(*record->code))
        return std::nullopt;
    LoggedError error;
    error.operation =
        record->what + " (" + (record->type.empty() ? std::string() : record->type + ", ") + "HNS event log)";
    error.code = record->code;
    error.verb = record->verb;
    error.kind = resourceKindFromWord(record->kindWord);
    error.eventLog = true;
    return LoggedRefusal{record->first, record->last, std::move(error)};
}

std::vector<ImportWarning> hnsEventRecordsDone(const std::vector<CleanedLine>& lines)
{
    std::vector<ImportWarning> done;
    for (std::size_t first = 0; first < lines.size(); ++first) {
        const std::optional<EventRecord> record = eventRecordAt(lines, first);
        if (!record)
            continue;
        first = record->last;
        if (!record->code || failed(*record->code))
            continue;
        const int line = lines[record->first].sourceLine;
        done.push_back({line, lines[record->last].sourceLine,
                        "HNS's event log records " + record->what +
                            (record->type.empty() ? std::string() : " (" + record->type + ")") +
                            " done, line " + std::to_string(line)});
    }
    return done;
}

} // namespace hcn::io
