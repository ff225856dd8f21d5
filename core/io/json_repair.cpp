#include "io/json_repair.h"

#include "common/text.h"
#include "io/text_scan.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <optional>

namespace hcn::io {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\f';
}

/// The last character of a complete value (closing quote, bracket, digit, true/false/null).
bool endsValue(char c)
{
    return c == '"' || c == '}' || c == ']' || std::isdigit(static_cast<unsigned char>(c)) || c == 'e' ||
           c == 'l';
}

void note(std::vector<std::string>& repairs, std::string what)
{
    if (std::find(repairs.begin(), repairs.end(), what) == repairs.end())
        repairs.push_back(std::move(what));
}

/// Where the comment at text[at] ends (`// ...` and `# ...` before their line end, `/* ... */` after
/// it), or `at` when none starts there. No JSON has `/` or `#` outside a string.
std::size_t commentEnd(std::string_view text, std::size_t at)
{
    if (text[at] != '#' && text[at] != '/')
        return at; // the test of every character outside strings: one comparison for most
    if (text[at] == '#' || text.substr(at, 2) == "//")
        return std::min(text.find('\n', at), text.size());
    if (text.substr(at, 2) != "/*")
        return at;
    const std::size_t close = text.find("*/", at + 2);
    return close == std::string_view::npos ? text.size() : close + 2;
}

char nextSignificant(std::string_view text, std::size_t from)
{
    while (from < text.size()) {
        if (const std::size_t end = commentEnd(text, from); end != from)
            from = end;
        else if (isSpace(text[from]))
            ++from;
        else
            return text[from];
    }
    return '\0';
}

} // namespace

std::string repairCommas(std::string_view json, std::vector<std::string>& repairs)
{
    std::string out;
    out.reserve(json.size() + 16);
    bool inString = false;
    bool escape = false;
    char last = '\0'; // last significant character outside strings (a closing quote counts)
    for (std::size_t i = 0; i < json.size(); ++i) {
        if (inString) {
            if (escape) {
                out += json[i];
                escape = false;
                continue;
            }
            // The string's text up to its closing quote or next escape goes over in one piece.
            std::size_t end = i;
            while (end < json.size() && json[end] != '"' && json[end] != '\\')
                ++end;
            out.append(json.substr(i, end - i));
            if (end == json.size())
                break;
            out += json[end];
            i = end;
            if (json[end] == '\\') {
                escape = true;
            } else {
                inString = false;
                last = '"';
            }
            continue;
        }
        const char c = json[i];
        if (c == ' ') { // indentation goes over in one piece
            std::size_t end = i + 1;
            while (end < json.size() && json[end] == ' ')
                ++end;
            out.append(end - i, ' ');
            i = end - 1;
            continue;
        }
        if (const std::size_t end = commentEnd(json, i); end != i) {
            // A comment someone annotated the paste with; a line end after it stays, so a lost comma is
            // still found.
            i = end - 1;
            note(repairs, "dropped comments");
            continue;
        }
        if (c == ',') {
            const char next = nextSignificant(json, i + 1);
            if (next == '}' || next == ']') {
                note(repairs, "removed a trailing comma");
                continue;
            }
        } else if (c == '\n' && endsValue(last)) {
            const char next = nextSignificant(json, i + 1);
            if (next == '"' || next == '{' || next == '[') {
                out += ',';
                last = ',';
                note(repairs, "inserted a missing comma");
            }
        }
        out += c;
        if (c == '"')
            inString = true;
        else if (!isSpace(c))
            last = c;
    }
    return out;
}

/// Placeholders longer than this inside their brackets are no placeholder (a sentence in angle brackets).
constexpr std::size_t kMaxPlaceholder = 80;

bool isPlaceholder(std::string_view text)
{
    if (text.size() < 3 || text.size() > kMaxPlaceholder + 2 || text.front() != '<' || text.back() != '>')
        return false;
    return text.substr(1, text.size() - 2).find_first_of("\n\"{}[]<>") == std::string_view::npos;
}

namespace {

/// The length of the placeholder `<...>` at json[at], or 0: one (isPlaceholder) followed (past blanks)
/// by what ends a value (`,`, `}`, `]`, a line end, the end).
std::size_t placeholderLength(std::string_view json, std::size_t at)
{
    const std::size_t close = json.substr(0, at + kMaxPlaceholder + 2).find('>', at + 1);
    if (close == std::string_view::npos || !isPlaceholder(json.substr(at, close + 1 - at)))
        return 0;
    std::size_t next = close + 1;
    while (next < json.size() && (json[next] == ' ' || json[next] == '\t'))
        ++next;
    if (next < json.size() && std::string_view(",}]\n").find(json[next]) == std::string_view::npos)
        return 0;
    return close + 1 - at;
}

/// Where dropPlaceholders is in the value: one frame per open bracket.
struct Frame
{
    bool object = false;
    std::string key;          ///< object: the member's key being read
    std::size_t keyStart = 0; ///< object: where that key starts in the output
    std::size_t index = 0;    ///< list: the element being read
};

std::string framePath(const std::vector<Frame>& frames, std::size_t depth)
{
    std::string path;
    for (std::size_t i = 0; i < depth; ++i)
        path += frames[i].object ? (path.empty() ? "" : ".") + frames[i].key
                                 : "[" + std::to_string(frames[i].index) + "]";
    return path;
}

char lastSignificant(const std::string& out)
{
    const std::size_t at = out.find_last_not_of(" \t\n\f");
    return at == std::string::npos ? '\0' : out[at];
}

} // namespace

bool isTemplatePlaceholder(std::string_view text)
{
    // A poster's redaction (`<redacted>`, `<removed>`, `<your subnet>`) stands in a real object's value.
    return isPlaceholder(text) && !equalsIgnoreCase(text, "<nil>") &&
           !holdsAnyIgnoringCase(text, {"redact", "remov", "hidden", "mask", "omit", "snip", "censor",
                                        "private", "secret", "your", "xxx"});
}

bool isExampleDocument(const PlaceholderCount& count)
{
    if (count.idGiven && count.idPlaceholder.empty())
        return false; // an object with its ID
    const std::string id = lowerCopy(count.idPlaceholder);
    if (id.ends_with("id>") || id.ends_with("guid>"))
        return true;
    return count.placeholders >= 2 &&
           (count.others * 3 <= count.placeholders || (!id.empty() && count.others <= count.placeholders));
}

namespace {

/// The spans [from, to) of `json` that are example documents (isExampleDocument): objects that are the
/// value, or elements of lists that are (at any depth of lists); one the text ends inside runs to its
/// end. Comments are no values.
std::vector<std::pair<std::size_t, std::size_t>> exampleSpans(std::string_view json)
{
    struct Open
    {
        bool object = false;
        bool document = false;
        std::size_t from = 0;
        std::string key; ///< an object's: the key of the member being read
        PlaceholderCount count;
    };
    std::vector<Open> open;
    std::size_t objectsOpen = 0;
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    char last = '\0'; // the last significant character outside strings and comments
    const auto atValue = [&] {
        return !open.empty() && (open.back().object ? last == ':' : last == '[' || last == ',');
    };
    const auto count = [&](bool placeholder, std::string_view text) {
        Open& in = open.back();
        ++(placeholder ? in.count.placeholders : in.count.others);
        if (in.document && equalsIgnoreCase(in.key, "ID")) {
            in.count.idGiven = true;
            if (placeholder)
                in.count.idPlaceholder = std::string(text);
        }
    };
    const auto close = [&](std::size_t to) {
        Open done = std::move(open.back());
        open.pop_back();
        if (done.object)
            --objectsOpen;
        if (done.document) {
            if (isExampleDocument(done.count))
                spans.emplace_back(done.from, to);
        } else if (!open.empty()) {
            open.back().count.placeholders += done.count.placeholders;
            open.back().count.others += done.count.others;
        }
    };
    for (std::size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (c == '"') {
            std::size_t end = i + 1;
            while (end < json.size() && json[end] != '"')
                end += json[end] == '\\' ? 2 : 1;
            const std::string_view text = json.substr(i + 1, std::min(end, json.size()) - i - 1);
            if (!open.empty() && open.back().object && (last == '{' || last == ','))
                open.back().key = std::string(text);
            else if (atValue())
                count(isTemplatePlaceholder(text), text);
            last = '"';
            i = end;
            continue;
        }
        if (const std::size_t end = commentEnd(json, i); end != i) {
            i = end - 1;
            continue;
        }
        if (isSpace(c))
            continue;
        if (const std::size_t length = c == '<' && !open.empty() ? placeholderLength(json, i) : 0) {
            if (atValue() && isTemplatePlaceholder(json.substr(i, length)))
                count(true, json.substr(i, length));
            if (atValue())
                last = '"';
            i += length - 1;
            continue;
        }
        if (c == '{' || c == '[') {
            open.push_back({c == '{', c == '{' && objectsOpen == 0, i, {}, {}});
            objectsOpen += c == '{' ? 1 : 0;
        } else if ((c == '}' || c == ']') && !open.empty()) {
            close(i + 1);
        } else if (c != ',' && c != ':' && atValue()) {
            count(false, {});
            while (i + 1 < json.size() &&
                   std::string_view(" \t\n\f,:{}[]\"").find(json[i + 1]) == std::string_view::npos)
                ++i;
            last = '"';
            continue;
        }
        last = c;
    }
    while (!open.empty())
        close(json.size());
    return spans;
}

/// `text`, a placeholder, as a JSON string.
std::string quoted(std::string_view text)
{
    std::string out = "\"";
    for (const char c : text)
        out += c == '\\' ? std::string("\\\\") : c == '\t' ? std::string("\\t") : std::string(1, c);
    return out + '"';
}

} // namespace

std::string dropPlaceholders(std::string_view json,
                             std::vector<std::pair<std::string, std::string>>& placeholders)
{
    if (json.find('<') == std::string_view::npos)
        return std::string(json);
    // Found when a bare placeholder is first met: most texts with a `<` have none.
    std::optional<std::vector<std::pair<std::size_t, std::size_t>>> exampleSpansFound;
    const auto inExample = [&](std::size_t at) { // the spans are apart, in order
        if (!exampleSpansFound)
            exampleSpansFound = exampleSpans(json);
        const std::vector<std::pair<std::size_t, std::size_t>>& examples = *exampleSpansFound;
        const auto after = std::upper_bound(examples.begin(), examples.end(), at,
                                            [](std::size_t x, const auto& span) { return x < span.first; });
        return after != examples.begin() && at < std::prev(after)->second;
    };
    std::string out;
    out.reserve(json.size());
    std::vector<Frame> frames;
    JsonStringState strings;
    bool readingKey = false;
    for (std::size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        const bool wasInString = strings.inString();
        if (strings.step(c)) {
            if (!wasInString && !frames.empty() && frames.back().object) {
                const char before = lastSignificant(out);
                readingKey = before == '{' || before == ',';
                if (readingKey)
                    frames.back().keyStart = out.size();
            }
            out += c;
            if (wasInString && !strings.inString() && readingKey) {
                readingKey = false;
                const std::size_t start = frames.back().keyStart + 1;
                frames.back().key = out.substr(start, out.size() - 1 - start);
            }
            continue;
        }
        const char before = c == '<' && !frames.empty() ? lastSignificant(out) : '\0';
        const bool place = before != '\0' && std::string_view(":,[{").find(before) != std::string_view::npos;
        if (const std::size_t length = place ? placeholderLength(json, i) : 0) {
            const bool value = before == ':'; // a member's value: the member goes with its key
            const std::string_view text = json.substr(i, length);
            const bool example = inExample(i);
            if (example && (value || !frames.back().object) && isTemplatePlaceholder(text)) {
                out += quoted(text);
                i += length - 1;
                continue;
            }
            if (!example)
                placeholders.emplace_back(framePath(frames, frames.size() - (value ? 0 : 1)),
                                          std::string(text));
            if (value)
                out.resize(frames.back().keyStart);
            i += length;
            while (i < json.size() && (json[i] == ' ' || json[i] == '\t'))
                ++i;
            if (i >= json.size() || json[i] != ',')
                --i; // what ends the placeholder's place is read as usual
            continue;
        }
        out += c;
        if (c == '{' || c == '[') {
            frames.push_back({c == '{', {}, 0, 0});
        } else if ((c == '}' || c == ']') && !frames.empty()) {
            frames.pop_back();
        } else if (c == ',' && !frames.empty() && !frames.back().object) {
            ++frames.back().index;
        }
    }
    return out;
}

std::string closeTruncatedJson(std::string_view json)
{
    // The last place where everything before it is complete: just after a value that ends a member or
    // an element at some depth, with the brackets open there. A string value is complete at its closing
    // quote; a number or a literal only at what follows it (`,`, `}`, `]`): at the text's end it may
    // have gone on (`17` cut from `170`).
    std::string open;          // the brackets open at the current position
    std::vector<bool> keyNext; // for each bracket open: an object's next string is a key
    std::size_t cut = 0;       // text kept: json[0, cut)
    std::string openAtCut;     // the brackets open at `cut`
    JsonStringState strings;
    for (std::size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        const bool wasInString = strings.inString();
        if (strings.step(c)) {
            // A string value (not a key) that closes here completes its member or element.
            if (wasInString && !strings.inString() && !open.empty() && !keyNext.back()) {
                cut = i + 1;
                openAtCut = open;
            }
            continue;
        }
        switch (c) {
        case '{':
        case '[':
            open += c;
            keyNext.push_back(c == '{');
            break;
        case '}':
        case ']':
            if (!open.empty()) {
                open.pop_back();
                keyNext.pop_back();
            }
            if (open.empty())
                return std::string(json.substr(0, i + 1)); // it closes after all
            cut = i + 1;
            openAtCut = open;
            break;
        case ':':
            if (!open.empty())
                keyNext.back() = false;
            break;
        case ',':
            // Everything before a comma at depth >= 1 is complete members or elements.
            cut = i;
            openAtCut = open;
            if (!open.empty())
                keyNext.back() = open.back() == '{';
            break;
        default:
            break;
        }
    }
    if (cut == 0 || openAtCut.empty())
        return {};
    std::string closed(json.substr(0, cut));
    for (auto it = openAtCut.rbegin(); it != openAtCut.rend(); ++it)
        closed += *it == '{' ? '}' : ']';
    return closed;
}

namespace {

/// A bracket open where a value the paste cut off ends, and what is being read in it.
struct CutFrame
{
    bool object = true;
    std::string key; ///< in an object: the key of the member being read
    bool expectKey = true;
    std::size_t index = 0;                           ///< in a list: the element being read
    std::size_t valueStart = std::string_view::npos; ///< just after the member's `:`, while a scalar
};

/// Where a value the paste cut off ends: the brackets open there, outermost first, and whether it ends
/// inside a string (a key or a value) that opens at stringStart.
struct CutEnd
{
    std::vector<CutFrame> open;
    bool inString = false;
    bool inKey = false;
    std::size_t stringStart = 0;
};

CutEnd cutEndOf(std::string_view json)
{
    CutEnd end;
    std::vector<CutFrame>& open = end.open;
    JsonStringState strings;
    for (std::size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        const bool wasInString = strings.inString();
        if (strings.step(c)) {
            if (!wasInString) {
                end.stringStart = i + 1;
                end.inKey = !open.empty() && open.back().object && open.back().expectKey;
            } else if (!strings.inString() && end.inKey) {
                open.back().key = std::string(json.substr(end.stringStart, i - end.stringStart));
            } else if (!strings.inString() && !open.empty()) {
                open.back().valueStart = std::string_view::npos; // a string value is whole at its quote
            }
            continue;
        }
        if (c == '{' || c == '[') {
            if (!open.empty())
                open.back().valueStart = std::string_view::npos; // the member's value is no scalar
            open.push_back({c == '{', {}, c == '{', 0, std::string_view::npos});
        } else if ((c == '}' || c == ']') && !open.empty()) {
            open.pop_back();
        } else if (c == ':' && !open.empty() && open.back().object && open.back().expectKey) {
            open.back().expectKey = false;
            open.back().valueStart = i + 1;
        } else if (c == ',' && !open.empty()) {
            open.back().expectKey = true;
            open.back().valueStart = std::string_view::npos;
            ++open.back().index;
        }
    }
    end.inString = strings.inString();
    return end;
}

} // namespace

std::optional<CutStringMember> cutStringMember(std::string_view json)
{
    const CutEnd end = cutEndOf(json);
    const std::vector<CutFrame>& open = end.open;
    if (!end.inString || end.inKey || open.empty() || !open.back().object)
        return std::nullopt;
    // The object the value stands for: the value, its list's last element, or the same in an envelope.
    std::string path;
    for (const CutFrame& frame : open)
        path += frame.object ? '{' : '[';
    const bool inOutput = open.front().object && open.front().key == "Output";
    if (!(path == "{" || path == "[{" || (inOutput && (path == "{{" || path == "{[{"))))
        return std::nullopt;
    std::string_view shown = json.substr(end.stringStart);
    while (!shown.empty() && (shown.back() == ' ' || shown.back() == '\t' || shown.back() == '\n'))
        shown.remove_suffix(1);
    for (const std::string_view ellipsis : {std::string_view("..."), std::string_view("\u2026")})
        if (shown.ends_with(ellipsis))
            shown.remove_suffix(ellipsis.size());
    return CutStringMember{open.back().key, std::string(shown)};
}

std::optional<CutMember> cutMember(std::string_view json)
{
    const CutEnd end = cutEndOf(json);
    const std::vector<CutFrame>& open = end.open;
    if (open.empty() || !open.back().object || open.back().expectKey ||
        open.back().valueStart == std::string_view::npos || (end.inString && end.inKey))
        return std::nullopt;
    // The object's place in the value: an envelope's Output, then the elements of lists it is in (the
    // innermost frame is an object, so one follows them).
    std::size_t objectFrame = open[0].object && open[0].key == "Output" ? 1 : 0;
    while (objectFrame < open.size() && !open[objectFrame].object)
        ++objectFrame;
    std::string path;
    std::string objectPath;
    for (std::size_t i = 0; i < open.size(); ++i) {
        const CutFrame& frame = open[i];
        const std::string step = frame.object ? frame.key : "[" + std::to_string(frame.index) + "]";
        path += (path.empty() || !frame.object ? "" : ".") + step;
        if (i >= objectFrame)
            objectPath += (objectPath.empty() || !frame.object ? "" : ".") + step;
    }
    std::string_view shown = json.substr(open.back().valueStart);
    while (!shown.empty() && (shown.front() == ' ' || shown.front() == '\t' || shown.front() == '\n' ||
                              shown.front() == '\r' || shown.front() == '"'))
        shown.remove_prefix(1);
    while (!shown.empty() && (shown.back() == ' ' || shown.back() == '\t' || shown.back() == '\n' ||
                              shown.back() == '\r' || shown.back() == '"'))
        shown.remove_suffix(1);
    return CutMember{path, objectPath, std::string(shown)};
}

std::string cutOpenMember(std::string_view json)
{
    const std::vector<CutFrame> open = cutEndOf(json).open;
    // An envelope's Output is the object the text shows.
    const std::size_t top = !open.empty() && open[0].object && open[0].key == "Output" ? 1 : 0;
    if (open.size() < top + 2 || !open[top].object || open[top].expectKey)
        return {};
    return open[top].key;
}

bool startsMemberLine(std::string_view line)
{
    std::size_t at = 0;
    while (at < line.size() && (line[at] == ' ' || line[at] == '\t'))
        ++at;
    if (at == line.size() || line[at] != '"')
        return false;
    const std::size_t keyStart = ++at;
    // A key: no quote, backslash or line end in it (`\"Key\":` continues an escaped string).
    while (at < line.size() && line[at] != '"' && line[at] != '\\' && line[at] != '\n' && at - keyStart <= 80)
        ++at;
    if (at == line.size() || line[at] != '"' || at == keyStart)
        return false;
    ++at;
    while (at < line.size() && (line[at] == ' ' || line[at] == '\t'))
        ++at;
    return at < line.size() && line[at] == ':';
}

namespace {

constexpr std::string_view kBlanks = " \t\n\r\f";

std::string_view trimmed(std::string_view text)
{
    const std::size_t start = text.find_first_not_of(kBlanks);
    if (start == std::string_view::npos)
        return {};
    return text.substr(start, text.find_last_not_of(kBlanks) + 1 - start);
}

/// Calls `part(text, closesUnopened)` for each member of an object's or element of a list's inner text:
/// split at the commas outside strings and brackets, and where a line starts a member while a string
/// is open (that string lost its closing quote). `closesUnopened`: the part closes a bracket it did not
/// open (the rest of a value whose opening the damage lost).
template <typename Part> void splitParts(std::string_view inner, const Part& part)
{
    JsonStringState strings;
    int depth = 0;
    bool closesUnopened = false;
    std::size_t from = 0;
    for (std::size_t i = 0; i < inner.size(); ++i) {
        const char c = inner[i];
        if (c == '\n' && strings.inString() && startsMemberLine(inner.substr(i + 1))) {
            strings.leaveString();
            if (depth == 0) {
                part(inner.substr(from, i - from), closesUnopened);
                from = i + 1;
                closesUnopened = false;
            }
            continue;
        }
        if (strings.step(c))
            continue;
        if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (depth == 0)
                closesUnopened = true;
            else
                --depth;
        } else if (c == ',' && depth == 0) {
            part(inner.substr(from, i - from), closesUnopened);
            from = i + 1;
            closesUnopened = false;
        }
    }
    part(inner.substr(from), closesUnopened);
}

/// The key of a member's text: its first string when a colon follows it.
std::string keyOf(std::string_view member)
{
    const std::size_t open = member.find('"');
    if (open == std::string_view::npos)
        return {};
    const std::size_t close = member.find('"', open + 1);
    if (close == std::string_view::npos || !startsMemberLine(member.substr(open)))
        return {};
    return std::string(member.substr(open + 1, close - open - 1));
}

/// Where the value starting at text[at] ends: after its closing quote or bracket, or its last token
/// character; npos when it does not end.
std::size_t valueEnd(std::string_view text, std::size_t at)
{
    if (at >= text.size())
        return std::string_view::npos;
    const char first = text[at];
    if (first == '"' || first == '{' || first == '[') {
        JsonStringState strings;
        int depth = 0;
        for (std::size_t i = at; i < text.size(); ++i) {
            const char c = text[i];
            const bool wasInString = strings.inString();
            if (strings.step(c)) {
                if (wasInString && !strings.inString() && depth == 0)
                    return i + 1;
                continue;
            }
            if (c == '{' || c == '[')
                ++depth;
            else if ((c == '}' || c == ']') && --depth == 0)
                return i + 1;
        }
        return std::string_view::npos;
    }
    std::size_t end = at;
    while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '.' ||
                                 text[end] == '-' || text[end] == '+'))
        ++end;
    return end == at ? std::string_view::npos : end;
}

/// Text a poster wrote around a member (`<-- this one`, `**`): no quote or bracket, and nothing that
/// could be the rest of a number.
bool isAnnotation(std::string_view text)
{
    const std::string_view t = trimmed(text);
    return t.find_first_of("\"{}[]") == std::string_view::npos &&
           (t.empty() || !std::isdigit(static_cast<unsigned char>(t.front())));
}

/// `member` with the annotation around it left out, when that makes it parse as one member.
std::optional<nlohmann::json> readAnnotatedMember(std::string_view member)
{
    const std::size_t open = member.find('"');
    if (open == std::string_view::npos || !isAnnotation(member.substr(0, open)) ||
        !startsMemberLine(member.substr(open)))
        return std::nullopt;
    const std::size_t colon = member.find(':', member.find('"', open + 1));
    const std::size_t valueStart = member.find_first_not_of(kBlanks, colon + 1);
    const std::size_t end = valueEnd(member, valueStart);
    if (end == std::string_view::npos || !isAnnotation(member.substr(end)))
        return std::nullopt;
    if (open == 0 && trimmed(member.substr(end)).empty())
        return std::nullopt; // nothing around it: the member itself is damaged
    nlohmann::json one =
        nlohmann::json::parse("{" + std::string(member.substr(open, end - open)) + "}", nullptr, false);
    if (!one.is_object() || one.size() != 1)
        return std::nullopt;
    return one;
}

/// Whether the damaged text shows `...` or `…` outside strings: a value the poster elided.
bool showsElision(std::string_view text)
{
    JsonStringState strings;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (!strings.step(text[i]) && (text.substr(i, 3) == "..." || text.substr(i, 3) == "\u2026"))
            return true;
    return false;
}

/// The keys of members glued into a damaged member's value: `Key":` right after a quote that ends a
/// string, the member's opening quote lost (`"00-15-5D-2A"IPAddress": "10.0.0.5"`).
std::vector<std::string> gluedKeys(std::string_view value)
{
    std::vector<std::string> keys;
    JsonStringState strings;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const bool wasInString = strings.inString();
        if (!strings.step(value[i]) || !wasInString || strings.inString())
            continue; // not a closing quote
        std::size_t end = i + 1;
        while (end < value.size() &&
               (std::isalnum(static_cast<unsigned char>(value[end])) || value[end] == '_'))
            ++end;
        if (end == i + 1 || !std::isalpha(static_cast<unsigned char>(value[i + 1])) || end == value.size() ||
            value[end] != '"')
            continue;
        std::size_t after = end + 1;
        while (after < value.size() && (value[after] == ' ' || value[after] == '\t'))
            ++after;
        if (after < value.size() && value[after] == ':')
            keys.emplace_back(value.substr(i + 1, end - i - 1));
    }
    return keys;
}

std::string joinPath(const std::string& prefix, const std::string& key)
{
    return prefix.empty() ? key : prefix + "." + key;
}

class DamageReader
{
public:
    DamageReader(std::vector<DamagedMember>& damaged, std::vector<std::string>& repairs)
        : m_damaged(damaged), m_repairs(repairs)
    {}

    /// `inner`: the text between an object's braces. `envelope`: its `Output` may be read the same way.
    nlohmann::json object(std::string_view inner, const std::string& prefix, bool envelope)
    {
        struct Part
        {
            std::string_view text;
            bool closesUnopened;
        };
        std::vector<Part> parts;
        splitParts(inner, [&](std::string_view text, bool closesUnopened) {
            parts.push_back({trimmed(text), closesUnopened});
        });
        nlohmann::json result = nlohmann::json::object();
        bool inDamage = false; // the member before was damaged and what follows may be the rest of it
        std::string lastRead;  // the key of the member read just before, when it was read whole
        for (std::size_t i = 0; i < parts.size(); ++i) {
            const std::string_view text = parts[i].text;
            const bool closesUnopened = parts[i].closesUnopened;
            if (text.empty())
                continue; // an empty member: a trailing comma
            if (!closesUnopened) {
                nlohmann::json one = nlohmann::json::parse("{" + std::string(text) + "}", nullptr, false);
                if (one.is_object() && one.size() == 1) {
                    result.update(one);
                    inDamage = false;
                    lastRead = one.begin().key();
                    continue;
                }
            }
            // The rest of a damaged member's value: its brackets close what the damage lost.
            if (closesUnopened && inDamage)
                continue;
            // A text that opens with a bracket is a value, not a member: whatever key it holds is its own.
            const std::string key = text.front() == '{' || text.front() == '[' ? std::string() : keyOf(text);
            // A list that lost its `[` (`"Subnets": { ... }, { ... } ],`): its first element read as the
            // member's value, the others as members without a key, up to the `]` that closes nothing.
            if (const std::size_t last = listRestEnd(parts, i, key, lastRead); last != 0) {
                const std::string& member = key.empty() ? lastRead : key;
                if (key.empty())
                    result.erase(member);
                m_damaged.push_back({joinPath(prefix, member), false, last - i + (key.empty() ? 1 : 0)});
                i = last - 1;
                inDamage = false;
                lastRead.clear();
                continue;
            }
            lastRead.clear();
            if (envelope && key == "Output") {
                const std::size_t colon = text.find(':', text.find('"', text.find('"') + 1));
                const std::string_view value = trimmed(text.substr(colon + 1));
                nlohmann::json output = any(value, "Output", false);
                if (!output.empty()) {
                    result["Output"] = std::move(output);
                    inDamage = false;
                    continue;
                }
            }
            if (!closesUnopened && isAnnotation(text) && !showsElision(text) &&
                text.find(':') == std::string_view::npos) {
                // A poster's words between members, a comma put after them (`"10.0.0.5",  <-- this one`).
                note(m_repairs, "dropped text written around a member (an annotation or markdown)");
                continue;
            }
            if (!closesUnopened) {
                if (std::optional<nlohmann::json> one = readAnnotatedMember(text)) {
                    result.update(*one);
                    note(m_repairs, "dropped text written around a member (an annotation or markdown)");
                    inDamage = false;
                    continue;
                }
            }
            const std::size_t colon = text.find(':');
            const std::string_view value = colon == std::string_view::npos ? text : text.substr(colon);
            m_damaged.push_back(
                {key.empty() ? joinPath(prefix, "(a member without its key)") : joinPath(prefix, key),
                 showsElision(value)});
            // Members whose start the damage glued to it (`"00-15-5D-2A"IPAddress": "10.0.0.5"`) go with it.
            for (const std::string& glued : gluedKeys(value))
                m_damaged.push_back({joinPath(prefix, glued), false});
            inDamage = true;
        }
        return result;
    }

    /// Where the elements of a list that lost its `[` end (one past the part whose `]` closes it), the
    /// list starting at parts[i]: the value of the member `key` there (`"Subnets": { ... } ],`), or
    /// (no key) the elements after the first, which was read as the value of the member `lastRead`. Each
    /// element is a whole value; 0 when parts[i] starts no such list.
    template <typename Parts>
    static std::size_t listRestEnd(const Parts& parts, std::size_t i, const std::string& key,
                                   const std::string& lastRead)
    {
        // A whole value, the `]` after the last one aside.
        const auto element = [](std::string_view text, bool last) {
            if (last) {
                if (text.empty() || text.back() != ']')
                    return false;
                text = trimmed(text.substr(0, text.size() - 1));
            }
            if (text.empty() || std::string_view("{[\"").find(text.front()) == std::string_view::npos)
                return false;
            return !nlohmann::json::parse(text, nullptr, false).is_discarded();
        };
        std::string_view first = parts[i].text;
        if (!key.empty()) {
            const std::size_t colon = first.find(':', first.find('"', first.find('"') + 1));
            first = trimmed(first.substr(colon + 1));
        } else if (lastRead.empty()) {
            return 0;
        }
        for (std::size_t j = i; j < parts.size(); ++j) {
            const std::string_view text = j == i ? first : parts[j].text;
            if (parts[j].closesUnopened)
                return element(text, true) ? j + 1 : 0;
            if (!element(text, false))
                return 0;
        }
        return 0;
    }

    /// `inner`: the text between a list's brackets, holding objects.
    nlohmann::json list(std::string_view inner, const std::string& prefix)
    {
        nlohmann::json result = nlohmann::json::array();
        splitParts(inner, [&](std::string_view text, bool closesUnopened) {
            text = trimmed(text);
            if (text.empty() && closesUnopened)
                return;
            const std::string path = prefix + "[" + std::to_string(result.size()) + "]";
            if (text.empty()) {
                if (!result.empty())
                    return; // a trailing comma
                result.push_back(nullptr);
                m_damaged.push_back({path, false});
                return;
            }
            // Words a poster wrote between two objects on the line of their `},` (`}, <-- this one {`):
            // outside both objects.
            if (const std::size_t open = text.find('{'), close = text.rfind('}');
                !closesUnopened && open != std::string_view::npos && close != std::string_view::npos &&
                open < close && (open > 0 || close + 1 < text.size()) && isAnnotation(text.substr(0, open)) &&
                isAnnotation(text.substr(close + 1))) {
                text = text.substr(open, close + 1 - open);
                note(m_repairs, "dropped text written between the objects of a list");
            }
            nlohmann::json element =
                closesUnopened ? nlohmann::json() : nlohmann::json::parse(text, nullptr, false);
            if (element.is_discarded() || element.is_null())
                element = text.front() == '{' && text.back() == '}' && !closesUnopened
                              ? object(text.substr(1, text.size() - 2), path, false)
                              : nlohmann::json();
            if (element.is_object() && element.empty())
                element = nullptr;
            if (element.is_null())
                m_damaged.push_back({path, showsElision(text)});
            result.push_back(std::move(element));
        });
        return result;
    }

    /// An object, or (at the top or as an answer's Output) a list of objects.
    nlohmann::json any(std::string_view value, const std::string& prefix, bool top)
    {
        value = trimmed(value);
        if (value.size() < 2)
            return nlohmann::json::object();
        if (value.front() == '{' && value.back() == '}')
            return object(value.substr(1, value.size() - 2), prefix, top);
        if (value.front() == '[' && value.back() == ']') {
            nlohmann::json elements = list(value.substr(1, value.size() - 2), prefix);
            if (std::all_of(elements.begin(), elements.end(), [](const auto& e) { return e.is_null(); }))
                return nlohmann::json::object();
            return elements;
        }
        return nlohmann::json::object();
    }

private:
    std::vector<DamagedMember>& m_damaged;
    std::vector<std::string>& m_repairs;
};

} // namespace

nlohmann::json readAroundDamage(std::string_view value, std::vector<DamagedMember>& damaged,
                                std::vector<std::string>& repairs)
{
    return DamageReader(damaged, repairs).any(value, {}, true);
}

namespace {

/// `{"value":[...],"Count":n}`; when `cut`, also the `{"value":[...]}` left of one the paste cut inside
/// its list (closeTruncatedJson closes it before its `Count`).
bool isValueCountWrapper(const nlohmann::json& v, bool cut)
{
    if (!v.is_object() || !v.contains("value") || !v["value"].is_array())
        return false;
    if (cut && v.size() == 1)
        return true;
    return v.size() == 2 && v.contains("Count") && v["Count"].is_number_integer();
}

} // namespace

bool unwrapValueCountWrappers(nlohmann::json& value, bool cut)
{
    bool unwrapped = false;
    if (isValueCountWrapper(value, cut)) {
        nlohmann::json inner = std::move(value["value"]);
        value = std::move(inner);
        unwrapped = true;
    }
    // In a list only its last element can be the one the paste cut.
    const auto wrapper = [&](const nlohmann::json& element) {
        return isValueCountWrapper(element, cut && &element == &value.back());
    };
    if (!value.is_array() || std::none_of(value.begin(), value.end(), wrapper))
        return unwrapped;
    nlohmann::json flat = nlohmann::json::array();
    for (nlohmann::json& element : value) {
        if (!wrapper(element)) {
            flat.push_back(std::move(element));
            continue;
        }
        for (nlohmann::json& inner : element["value"])
            flat.push_back(std::move(inner));
    }
    value = std::move(flat);
    return true;
}

std::string unquoteGoString(std::string_view quoted, std::vector<std::size_t>* columnOf)
{
    std::string out;
    out.reserve(quoted.size());
    const auto put = [&](char c, std::size_t from) {
        out += c;
        if (columnOf)
            columnOf->push_back(from);
    };
    for (std::size_t i = 0; i < quoted.size(); ++i) {
        if (quoted[i] != '\\' || i + 1 == quoted.size()) {
            put(quoted[i], i);
            continue;
        }
        const std::size_t from = i;
        const char e = quoted[++i];
        switch (e) {
        case '"':
        case '\\':
            put(e, from);
            break;
        case 'n':
            put('\n', from);
            break;
        case 't':
            put('\t', from);
            break;
        case 'r':
            break;
        default:
            put('\\', from);
            put(e, i);
        }
    }
    return out;
}

namespace {

/// Where the single-quoted string opening at json[open] ends (its closing `'`), or npos: the first `'`
/// followed, past blanks, by what can follow a key or a value.
std::size_t singleQuotedEnd(std::string_view json, std::size_t open)
{
    for (std::size_t i = open + 1; i < json.size(); ++i) {
        if (json[i] == '\\') {
            ++i;
            continue;
        }
        if (json[i] == '\n')
            return std::string_view::npos;
        if (json[i] != '\'')
            continue;
        std::size_t next = i + 1;
        while (next < json.size() && (json[next] == ' ' || json[next] == '\t'))
            ++next;
        if (next == json.size() || std::string_view(":,}]\n").find(json[next]) != std::string_view::npos)
            return i;
    }
    return std::string_view::npos;
}

bool wordAt(std::string_view json, std::size_t at, std::string_view word)
{
    return json.substr(at, word.size()) == word &&
           (at + word.size() == json.size() ||
            !std::isalnum(static_cast<unsigned char>(json[at + word.size()])));
}

} // namespace

bool startsWithSingleQuotedKey(std::string_view text)
{
    if (text.empty() || text.front() != '\'')
        return false;
    const std::size_t end = singleQuotedEnd(text, 0);
    if (end == std::string_view::npos)
        return false;
    std::size_t next = end + 1;
    while (next < text.size() && (text[next] == ' ' || text[next] == '\t'))
        ++next;
    return next < text.size() && text[next] == ':';
}

std::string requoteSingleQuotes(std::string_view json, std::vector<std::string>& repairs)
{
    std::string out;
    out.reserve(json.size() + 16);
    bool any = false;
    char previous = '\0'; // the last character outside blanks and strings
    for (std::size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (c == '"') { // a double-quoted string is copied as it is
            std::size_t end = i + 1;
            while (end < json.size() && json[end] != '"')
                end += json[end] == '\\' ? 2 : 1;
            end = std::min(end, json.size() - 1);
            out.append(json.substr(i, end + 1 - i));
            i = end;
            previous = '"';
            continue;
        }
        const bool valuePosition = previous == '{' || previous == '[' || previous == ',' || previous == ':';
        if (c == '\'' && valuePosition) {
            const std::size_t end = singleQuotedEnd(json, i);
            if (end == std::string_view::npos)
                return {};
            out += '"';
            for (std::size_t k = i + 1; k < end; ++k) {
                if (json[k] == '\\' && k + 1 < end && json[k + 1] == '\'') {
                    out += '\'';
                    ++k;
                } else if (json[k] == '\\' && k + 1 < end) {
                    out.append(json.substr(k, 2));
                    ++k;
                } else {
                    if (json[k] == '"')
                        out += '\\';
                    out += json[k];
                }
            }
            out += '"';
            i = end;
            previous = '"';
            any = true;
            continue;
        }
        if (valuePosition && previous != '{' && (c == 'T' || c == 'F' || c == 'N')) {
            const std::string_view python = c == 'T' ? "True" : c == 'F' ? "False" : "None";
            if (wordAt(json, i, python)) {
                out += c == 'T' ? "true" : c == 'F' ? "false" : "null";
                i += python.size() - 1;
                previous = 'e';
                continue;
            }
        }
        out += c;
        if (!isSpace(c))
            previous = c;
    }
    if (!any)
        return {};
    note(repairs, "replaced single quotes around keys and strings with double quotes");
    return out;
}

} // namespace hcn::io
