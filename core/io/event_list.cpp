// Windows events in PowerShell's list view: wrapped values joined, HNS's RPC request events read (see
// event_list.h).

#include "io/event_list.h"

#include "common/text.h"
#include "io/text_scan.h"
#include "io/text_tables.h"

#include <algorithm>
#include <cctype>

namespace hcn::io {

namespace {

/// A line is a wrap of the list view only when it is at least this wide (a console's width).
constexpr std::size_t kMinWrapWidth = 60;
/// An event's record: its `TimeCreated` and `Id` are looked for this many lines before its message.
constexpr std::size_t kMaxRecordLinesBack = 12;

/// The width of `text` in characters (UTF-8 continuation bytes do not count).
std::size_t widthOf(std::string_view text)
{
    return std::size_t(std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::size_t leadingBlanks(std::string_view text)
{
    std::size_t n = 0;
    while (n < text.size() && text[n] == ' ')
        ++n;
    return n;
}

/// Where the value of a list view's `Name<blanks> : value` line starts (after `: `), or npos. The name is
/// a word (`Message`, `ExpandedMessage`), padded with at least one blank before the colon.
std::size_t listValueColumn(std::string_view text)
{
    std::size_t p = 0;
    if (p >= text.size() || !std::isalpha(static_cast<unsigned char>(text[p])))
        return std::string_view::npos;
    while (p < text.size() &&
           (std::isalnum(static_cast<unsigned char>(text[p])) || text[p] == '_' || text[p] == '.'))
        ++p;
    const std::size_t blanks = leadingBlanks(text.substr(p));
    if (blanks == 0 || text.compare(p + blanks, 2, ": ") != 0)
        return std::string_view::npos;
    return p + blanks + 2;
}

/// The text of the quoted field `key: '...'` of an event message; nullopt when it has none.
std::optional<std::string_view> quotedField(std::string_view text, std::string_view key)
{
    const std::size_t at = text.find(key);
    if (at == std::string_view::npos)
        return std::nullopt;
    const std::size_t open = at + key.size();
    const std::size_t close = text.find('\'', open);
    if (close == std::string_view::npos)
        return text.substr(open); // the line ends inside it
    return text.substr(open, close - open);
}

/// The value of a list view's `Name : value` line named `name`, trimmed; empty when the line is no such.
std::string_view listValueNamed(std::string_view text, std::string_view name)
{
    if (!text.starts_with(name))
        return {};
    const std::size_t column = listValueColumn(text);
    if (column == std::string_view::npos || column < name.size() + 3 ||
        trimBlanks(text.substr(0, column - 2)) != name)
        return {};
    return trimBlanks(text.substr(column));
}

} // namespace

std::vector<ImportWarning> joinWrappedListValues(std::vector<CleanedLine>& lines)
{
    std::vector<ImportWarning> joined;
    std::vector<CleanedLine> kept;
    for (std::size_t i = 0; i < lines.size();) {
        const std::string_view text = lines[i].text;
        const std::size_t column =
            widthOf(text) >= kMinWrapWidth ? listValueColumn(text) : std::string_view::npos;
        std::size_t end = i + 1;
        if (column != std::string_view::npos && (text.find("{\"", column) != std::string_view::npos ||
                                                 text.find("[{\"", column) != std::string_view::npos)) {
            // The lines the list view continued the value on: indented to its column at least, each after
            // a line as wide as a console.
            while (end < lines.size() && leadingBlanks(lines[end].text) >= column &&
                   lines[end].text.size() > column && widthOf(lines[end - 1].text) >= kMinWrapWidth)
                ++end;
        }
        if (end == i + 1) {
            if (!joined.empty())
                kept.push_back(std::move(lines[i]));
            ++i;
            continue;
        }
        if (joined.empty()) {
            kept.reserve(lines.size());
            std::move(lines.begin(), lines.begin() + std::ptrdiff_t(i), std::back_inserter(kept));
        }
        // The list view breaks a word longer than its width at the width; a line shorter than the widest
        // was broken at a blank (kept at its end, or dropped by the copy).
        std::size_t width = 0;
        for (std::size_t k = i; k + 1 < end; ++k)
            width = std::max(width, widthOf(lines[k].text));
        std::string value = lines[i].text;
        bool blanks = false;
        for (std::size_t k = i + 1; k < end; ++k) {
            const bool atBlank = lines[k - 1].trailingBlank || widthOf(lines[k - 1].text) < width;
            blanks = blanks || atBlank;
            value += (atBlank ? " " : "") + lines[k].text.substr(column);
        }
        const std::string name(trimBlanks(text.substr(0, column - 2)));
        joined.push_back({lines[i].sourceLine, lines[end - 1].sourceLine,
                          "PowerShell's list view wrapped the value of " + name +
                              " (a document in it) onto " + std::to_string(end - i - 1) + " more line" +
                              (end - i - 1 == 1 ? "" : "s") + " indented to its column (" +
                              std::to_string(column) + "); they were joined without that indentation" +
                              (blanks ? ", with the blank a line was wrapped at" : "")});
        CleanedLine first = std::move(lines[i]);
        first.text = std::move(value);
        first.trailingBlank = lines[end - 1].trailingBlank;
        kept.push_back(std::move(first));
        i = end;
    }
    if (!joined.empty())
        lines = std::move(kept);
    return joined;
}

std::optional<RpcRequestEvent> rpcRequestIn(std::string_view text)
{
    const std::size_t entityAt = text.find("Entity: '");
    if (entityAt == std::string_view::npos)
        return std::nullopt;
    const std::optional<std::string_view> type = quotedField(text.substr(0, entityAt), "Type: '");
    const std::optional<std::string_view> entity = quotedField(text.substr(entityAt), "Entity: '");
    if (!type || !entity || type->empty() || !holdsIgnoringCase(text.substr(0, entityAt), "request"))
        return std::nullopt;
    RpcRequestEvent event;
    event.type = std::string(*type);
    event.entity = std::string(*entity);
    std::string lower = lowerCopy(*entity);
    std::erase(lower, ' ');
    static constexpr std::pair<std::string_view, ResourceKind> kEntities[] = {
        {"network", ResourceKind::Network},           {"hostcomputenetwork", ResourceKind::Network},
        {"endpoint", ResourceKind::Endpoint},         {"hostcomputeendpoint", ResourceKind::Endpoint},
        {"namespace", ResourceKind::Namespace},       {"hostcomputenamespace", ResourceKind::Namespace},
        {"loadbalancer", ResourceKind::LoadBalancer}, {"hostcomputeloadbalancer", ResourceKind::LoadBalancer},
        {"policylist", ResourceKind::LoadBalancer},   {"route", ResourceKind::SdnRoute},
        {"sdnroute", ResourceKind::SdnRoute},
    };
    for (const auto& [spelled, kind] : kEntities)
        if (lower == spelled)
            event.kind = kind;
    if (event.kind == ResourceKind::Invalid)
        return std::nullopt;
    const std::string_view rest = text.substr(entityAt);
    if (const std::optional<std::string_view> id = quotedField(rest, "Id: '")) {
        std::string_view guid = trimBlanks(*id);
        if (guid.starts_with('{') && guid.ends_with('}'))
            guid = guid.substr(1, guid.size() - 2);
        if (tables::isGuid(guid))
            event.id = std::string(guid);
    }
    if (const std::size_t data = rest.find("Data: '"); data != std::string_view::npos) {
        const std::string_view after = trimBlanks(rest.substr(data + 7));
        event.data = after.starts_with('{') || after.starts_with('[');
    }
    return event;
}

std::string eventShownAt(const std::vector<CleanedLine>& lines, std::size_t at)
{
    std::string_view time;
    std::string_view id;
    for (std::size_t back = 0; back <= kMaxRecordLinesBack && back <= at; ++back) {
        const std::string_view text = lines[at - back].text;
        if (back > 0 && trimBlanks(text).empty())
            break;
        if (time.empty())
            time = listValueNamed(text, "TimeCreated");
        if (id.empty())
            id = listValueNamed(text, "Id");
    }
    if (!id.empty() && !std::all_of(id.begin(), id.end(),
                                    [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
        id = {};
    if (id.empty() && time.empty())
        return {};
    std::string shown = "event";
    if (!id.empty())
        shown += " " + std::string(id);
    if (!time.empty())
        shown += " of " + std::string(time);
    return shown;
}

} // namespace hcn::io
