// Prefixes a tool put in front of every line: line numbers, a diff's markers, Fluent Bit's records.

#include "io/line_prefixes.h"

#include "common/text.h"

#include <algorithm>
#include <cctype>
#include <optional>

namespace hcn::io {

namespace {

std::string counted(std::size_t n, std::string_view one, std::string_view many)
{
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

bool isDigit(char c)
{
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

/// A number in front of a line: `endpoint.txt:41:` or `C:\logs\endpoint.txt:41:` (Select-String, after
/// `> ` for a match and two blanks for a line of context with -Context), or `    41\t` (`cat -n`),
/// `41 | `, `41: `, `41 ` (an editor's or a gist's numbers).
struct NumberPrefix
{
    std::size_t length = 0; ///< 0: none
    std::string_view path;  ///< Select-String's file; empty for bare numbers
    unsigned long number = 0;
};

constexpr std::size_t kMaxDigits = 9;

NumberPrefix selectStringPrefix(std::string_view line)
{
    std::size_t start = line.starts_with("> ") || line.starts_with("  ") ? 2 : 0;
    std::size_t from = start;
    if (line.size() > start + 2 && std::isalpha(static_cast<unsigned char>(line[start])) &&
        line[start + 1] == ':' && (line[start + 2] == '\\' || line[start + 2] == '/'))
        from = start + 2; // a drive letter
    if (start >= line.size() || isBlank(line[start]))
        return {}; // an indented line (most of a dump): no search for its colon
    const std::size_t colon = line.find(':', from);
    if (colon == std::string_view::npos || colon == start || isBlank(line[start]))
        return {};
    const std::string_view path = line.substr(start, colon - start);
    // A file's name (`endpoint.txt`) or path: not a time (`I1204 10:20:11`) or an address (`00:15:5D`).
    if (path.find_first_of("\"{}[]<>|") != std::string_view::npos ||
        path.find_first_of("./\\") == std::string_view::npos)
        return {};
    std::size_t end = colon + 1;
    unsigned long number = 0;
    while (end < line.size() && end - colon <= kMaxDigits && isDigit(line[end]))
        number = number * 10 + static_cast<unsigned long>(line[end++] - '0');
    if (end == colon + 1 || end >= line.size() || line[end] != ':')
        return {};
    return {end + 1, path, number};
}

NumberPrefix bareLineNumber(std::string_view line)
{
    constexpr std::size_t kMaxIndent = 8;
    std::size_t i = 0;
    while (i < line.size() && i < kMaxIndent && line[i] == ' ')
        ++i;
    const std::size_t digits = i;
    unsigned long number = 0;
    while (i < line.size() && i - digits < kMaxDigits && isDigit(line[i]))
        number = number * 10 + static_cast<unsigned long>(line[i++] - '0');
    if (i == digits)
        return {};
    if (i == line.size())
        return {i, {}, number}; // the number of an empty line
    const std::string_view rest = line.substr(i);
    if (rest.starts_with('\t'))
        return {i + 1, {}, number};
    for (const std::string_view separator : {" | ", " |", "| ", "|", ": "})
        if (rest.starts_with(separator))
            return {i + separator.size(), {}, number};
    if (rest == ":")
        return {line.size(), {}, number};
    if (rest.starts_with(' '))
        return {i + 1, {}, number};
    return {};
}

/// The prefixes `parse` finds removed when at least `minLines` lines and `percent` % of the non-blank
/// lines have one and 80 % of them follow the one before with the same file and the next number (a
/// file's lines, not times, addresses or a table's column). The number of lines it took them from.
template <typename Parse>
std::size_t stripNumbers(std::vector<CleanedLine>& lines, Parse parse, std::size_t minLines,
                         std::size_t percent, std::string& paths)
{
    const auto blank = [](const CleanedLine& line) { return trimBlanks(line.text).empty(); };
    // Once too many lines lack a prefix for `percent` to be reached, the text has none to strip.
    const auto total =
        std::size_t(std::count_if(lines.begin(), lines.end(), [&](const auto& l) { return !blank(l); }));
    std::size_t nonBlank = 0;
    std::size_t prefixed = 0;
    std::size_t consecutive = 0;
    NumberPrefix previous;
    for (const CleanedLine& line : lines) {
        if (blank(line))
            continue;
        ++nonBlank;
        const NumberPrefix prefix = parse(line.text);
        if (prefix.length == 0) {
            if ((total - (nonBlank - prefixed)) * 100 < total * percent)
                return 0;
            continue;
        }
        ++prefixed;
        consecutive +=
            previous.length != 0 && prefix.path == previous.path && prefix.number == previous.number + 1;
        previous = prefix;
    }
    if (prefixed < minLines || prefixed * 100 < nonBlank * percent || consecutive * 10 < (prefixed - 1) * 8)
        return 0;
    std::vector<std::string> named;
    for (CleanedLine& line : lines) {
        const NumberPrefix prefix = parse(line.text);
        if (prefix.length == 0)
            continue;
        if (!prefix.path.empty() && named.size() < 3 &&
            std::find(named.begin(), named.end(), prefix.path) == named.end())
            named.emplace_back(prefix.path);
        line.text.erase(0, prefix.length);
    }
    for (const std::string& p : named)
        paths += (paths.empty() ? "" : ", ") + p;
    return prefixed;
}

/// `@@ -1,30 +1,29 @@`: the lines the hunk has on each side.
std::optional<std::pair<unsigned long, unsigned long>> hunkHeader(std::string_view line)
{
    if (!line.starts_with("@@ -"))
        return std::nullopt;
    std::size_t i = 4;
    const auto range = [&](unsigned long& count) {
        std::size_t start = i;
        while (i < line.size() && isDigit(line[i]) && i - start < kMaxDigits)
            ++i;
        if (i == start)
            return false;
        count = 1;
        if (i < line.size() && line[i] == ',') {
            start = ++i;
            count = 0;
            while (i < line.size() && isDigit(line[i]) && i - start < kMaxDigits)
                count = count * 10 + static_cast<unsigned long>(line[i++] - '0');
            if (i == start)
                return false;
        }
        return true;
    };
    unsigned long removed = 0;
    unsigned long added = 0;
    if (!range(removed) || line.substr(i, 2) != " +")
        return std::nullopt;
    i += 2;
    if (!range(added) || line.substr(i, 3) != " @@")
        return std::nullopt;
    return std::make_pair(removed, added);
}

bool isDiffFileHeader(std::string_view line)
{
    return line.starts_with("diff --git ") || line.starts_with("diff -") || line.starts_with("index ") ||
           line.starts_with("new file mode") || line.starts_with("deleted file mode") ||
           line.starts_with("similarity index") || line.starts_with("rename from") ||
           line.starts_with("rename to") || line.starts_with("old mode") || line.starts_with("new mode");
}

/// A file's name in a `--- a/x` or `+++ b/x` line, without the tab and time diff -u adds.
std::string_view diffFileName(std::string_view line)
{
    std::string_view name = line.substr(4);
    return trimBlanks(name.substr(0, name.find('\t')));
}

/// `[pod/web-7d4b9/shell] `: the tag `kubectl logs --prefix` puts before each line (`pod/` or another
/// kind, the object's name, the container). Its length with the blank after it, 0 when none.
std::size_t kubectlPrefixLength(std::string_view line)
{
    if (!line.starts_with('['))
        return 0;
    const std::size_t close = line.find(']');
    constexpr std::size_t kMaxTag = 300;
    if (close == std::string_view::npos || close > kMaxTag)
        return 0;
    const std::string_view tag = line.substr(1, close - 1);
    const std::size_t slash = tag.find('/');
    if (slash == std::string_view::npos || slash == 0 || tag.find('/', slash + 1) == std::string_view::npos)
        return 0;
    const auto nameCharacter = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_' || c == '/';
    };
    if (!std::all_of(tag.begin(), tag.end(), nameCharacter) ||
        !std::all_of(tag.begin(), tag.begin() + std::ptrdiff_t(slash),
                     [](char c) { return std::islower(static_cast<unsigned char>(c)) != 0; }) ||
        std::count(tag.begin(), tag.end(), '/') != 2 || tag.back() == '/' || tag[slash + 1] == '/')
        return 0;
    if (close + 1 == line.size())
        return close + 1;
    return line[close + 1] == ' ' ? close + 2 : 0;
}

/// A Kubernetes object's name (DNS-1123: lower-case letters, digits, `-` and `.`).
bool isKubernetesName(std::string_view word)
{
    return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || isDigit(c) || c == '-' || c == '.';
    });
}

/// `web-7d4b9 shell `: the pod and the container `stern` puts before each line. Its length with the
/// blank after it, 0 when the line does not start with two such words (a pod's name holds a `-`).
std::size_t sternPrefixLength(std::string_view line)
{
    const std::size_t podEnd = line.find(' ');
    if (podEnd == std::string_view::npos)
        return 0;
    const std::size_t containerEnd = std::min(line.find(' ', podEnd + 1), line.size());
    const std::string_view pod = line.substr(0, podEnd);
    const std::string_view container = line.substr(podEnd + 1, containerEnd - podEnd - 1);
    if (!isKubernetesName(pod) || pod.find('-') == std::string_view::npos || !isKubernetesName(container))
        return 0;
    return containerEnd == line.size() ? containerEnd : containerEnd + 1;
}

/// `kube-system web-7d4b9 shell `: the namespace, the pod and the container `stern --all-namespaces`
/// puts before each line. Its length with the blank after it, 0 when none.
std::size_t sternNamespacedPrefixLength(std::string_view line)
{
    const std::size_t namespaceEnd = line.find(' ');
    if (namespaceEnd == std::string_view::npos || !isKubernetesName(line.substr(0, namespaceEnd)))
        return 0;
    const std::size_t rest = sternPrefixLength(line.substr(namespaceEnd + 1));
    return rest == 0 ? 0 : namespaceEnd + 1 + rest;
}

/// `12-01 10:20:11 `: the time `stern --timestamps=short` puts after its tag (month, day and the time
/// of day). Its length with the blank after it, 0 when none.
std::size_t shortTimestampLength(std::string_view line)
{
    constexpr std::string_view kShape = "00-00 00:00:00";
    if (line.size() < kShape.size() || (line.size() > kShape.size() && line[kShape.size()] != ' '))
        return 0;
    for (std::size_t i = 0; i < kShape.size(); ++i)
        if (kShape[i] == '0' ? !isDigit(line[i]) : line[i] != kShape[i])
            return 0;
    const auto number = [&](std::size_t at) { return (line[at] - '0') * 10 + (line[at + 1] - '0'); };
    const int month = number(0), day = number(3), hour = number(6), minute = number(9), second = number(12);
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
        return 0;
    return line.size() == kShape.size() ? kShape.size() : kShape.size() + 1;
}

/// `2026-12-01T10:20:11.004217800Z `: the time `kubectl logs --timestamps` (or `docker logs -t`, or
/// stern's `--timestamps`) puts before each line (RFC 3339, fraction optional, `Z` or an offset); also
/// stern's short form. Its length with the blank after it, 0 when none.
std::size_t timestampLength(std::string_view line)
{
    if (const std::size_t length = shortTimestampLength(line); length > 0)
        return length;
    std::size_t i = 0;
    const auto digits = [&](std::size_t n) {
        for (std::size_t k = 0; k < n; ++k, ++i)
            if (i >= line.size() || !isDigit(line[i]))
                return false;
        return true;
    };
    const auto expect = [&](char c) { return i < line.size() && line[i++] == c; };
    if (!(digits(4) && expect('-') && digits(2) && expect('-') && digits(2) && expect('T') && digits(2) &&
          expect(':') && digits(2) && expect(':') && digits(2)))
        return 0;
    if (i < line.size() && line[i] == '.') {
        ++i;
        while (i < line.size() && isDigit(line[i]))
            ++i;
    }
    if (i < line.size() && line[i] == 'Z')
        ++i;
    else if (!(i < line.size() && (line[i] == '+' || line[i] == '-') && (++i, digits(2)) && expect(':') &&
               digits(2)))
        return 0;
    if (i == line.size())
        return i;
    if (line[i] != ' ')
        return 0;
    // A CRI log record (`... stderr F text`) is the line cleaning's (its stream and tag go with it).
    const std::string_view rest = line.substr(i + 1);
    if ((rest.starts_with("stdout ") || rest.starts_with("stderr ")) && rest.size() >= 8 &&
        (rest[7] == 'F' || rest[7] == 'P') && (rest.size() == 8 || rest[8] == ' '))
        return 0;
    return i + 1;
}

/// stern's `+ web-7d4b9 › shell` (a container's output starts) and `- web-7d4b9 › shell` (it ends);
/// with `--all-namespaces`, `+ kube-system web-7d4b9 › shell`.
bool isSternContainerLine(std::string_view line)
{
    if (!(line.starts_with("+ ") || line.starts_with("- ")))
        return false;
    const std::size_t arrow = line.find(" \xE2\x80\xBA ");
    if (arrow == std::string_view::npos)
        return false;
    const std::size_t blank = line.find(' ', 2);
    return blank == arrow ||
           (isKubernetesName(line.substr(2, blank - 2)) && line.find(' ', blank + 1) == arrow);
}

} // namespace

void stripLineNumbers(std::vector<CleanedLine>& lines, std::vector<std::string>& notes)
{
    std::string paths;
    if (const std::size_t found = stripNumbers(lines, selectStringPrefix, 3, 60, paths); found > 0) {
        notes.push_back(counted(found, "line", "lines") +
                        " start with Select-String's `file:line:` prefix (" + paths + "); it was removed");
        return;
    }
    // Bare numbers are more common in other text (a table's first column): more lines and more of them.
    if (const std::size_t found = stripNumbers(lines, bareLineNumber, 5, 80, paths); found > 0)
        notes.push_back(counted(found, "line", "lines") +
                        " start with consecutive line numbers (`cat -n`, an editor's or a gist's copy); they "
                        "were removed");
}

void readNewSideOfDiffs(std::vector<CleanedLine>& lines, std::vector<std::string>& notes)
{
    std::vector<CleanedLine> kept;
    std::size_t removed = 0;
    std::size_t read = 0;
    std::string files;
    std::size_t filesNamed = 0;
    bool inDiff = false;
    for (std::size_t i = 0; i < lines.size();) {
        const std::string_view text = lines[i].text;
        const bool fileHeader = text.starts_with("--- ") && i + 2 < lines.size() &&
                                lines[i + 1].text.starts_with("+++ ") && hunkHeader(lines[i + 2].text);
        if (fileHeader) {
            // `diff --git a/x b/x` and `index 1a2b..3c4d` come before the file names.
            while (!kept.empty() && isDiffFileHeader(kept.back().text))
                kept.pop_back();
            if (filesNamed++ < 3)
                files += std::string(files.empty() ? "" : ", ") + std::string(diffFileName(text)) + " → " +
                         std::string(diffFileName(lines[i + 1].text));
            inDiff = true;
            i += 2;
            continue;
        }
        const auto hunk = inDiff ? hunkHeader(text) : std::nullopt;
        if (!hunk) {
            // Between a diff's files: their `diff --git` and `index` lines; anything else ends the diff.
            if (inDiff && (isDiffFileHeader(text) || text.starts_with("\\ ")))
                ++i;
            else {
                inDiff = false;
                kept.push_back(std::move(lines[i++]));
            }
            continue;
        }
        auto [oldLeft, newLeft] = *hunk;
        for (++i; i < lines.size() && (oldLeft > 0 || newLeft > 0); ++i) {
            std::string& line = lines[i].text;
            if (line.starts_with('\\'))
                continue; // `\ No newline at end of file`
            const char marker = line.empty() ? ' ' : line[0];
            if (marker == '-' && oldLeft > 0) {
                --oldLeft;
                ++removed;
                continue;
            }
            if (marker == '+' && newLeft > 0) {
                --newLeft;
            } else if (marker == ' ' && oldLeft > 0 && newLeft > 0) {
                --oldLeft;
                --newLeft;
            } else {
                break; // the hunk is shorter than its header says: what follows is read as it is
            }
            if (!line.empty())
                line.erase(0, 1);
            ++read;
            kept.push_back(std::move(lines[i]));
        }
    }
    lines = std::move(kept); // all of them when there is no diff
    if (filesNamed == 0)
        return;
    notes.push_back(
        "the text is a unified diff (" + files + (filesNamed > 3 ? ", ..." : "") +
        "); its new side was read: " + counted(read, "added or context line", "added or context lines") +
        " without their marker, " + counted(removed, "removed line", "removed lines") + " left out");
}

void rewriteFluentBitRecords(std::vector<CleanedLine>& lines, std::vector<std::string>& notes)
{
    std::size_t rewritten = 0;
    for (CleanedLine& line : lines) {
        const std::string_view text = line.text;
        // `[0] tag: [` with a tag of no blanks.
        if (!text.starts_with('[') || text.size() < 8 || !isDigit(text[1]))
            continue;
        const std::size_t close = text.find("] ");
        if (close == std::string_view::npos || close > 1 + kMaxDigits ||
            !std::all_of(text.begin() + 1, text.begin() + std::ptrdiff_t(close), isDigit))
            continue;
        const std::size_t tagEnd = text.find(": [", close + 2);
        if (tagEnd == std::string_view::npos || tagEnd == close + 2 ||
            text.substr(close + 2, tagEnd - close - 2).find(' ') != std::string_view::npos)
            continue;
        // The record: the first object with a key (Fluent Bit 2 puts `[time, {}]` metadata first).
        const std::size_t record = text.find("{\"", tagEnd);
        if (record == std::string_view::npos || !text.ends_with("}]"))
            continue;
        std::string json;
        json.reserve(text.size() - record);
        bool inString = false;
        bool arrows = false;
        for (std::size_t i = record; i + 1 < text.size(); ++i) { // without the closing `]`
            const char c = text[i];
            if (inString) {
                json += c;
                if (c == '\\' && i + 1 < text.size())
                    json += text[++i];
                else if (c == '"')
                    inString = false;
            } else if (c == '"') {
                inString = true;
                json += c;
            } else if (c == '=' && text[i + 1] == '>') {
                json += ':';
                ++i;
                arrows = true;
            } else if (text.substr(i, 3) == "nil" &&
                       std::string_view(":[, ").find(json.back()) != std::string_view::npos &&
                       (i + 3 >= text.size() || !std::isalnum(static_cast<unsigned char>(text[i + 3])))) {
                json += "null";
                i += 2;
            } else {
                json += c;
            }
        }
        if (!arrows || inString)
            continue;
        line.text = std::move(json);
        ++rewritten;
    }
    if (rewritten > 0)
        notes.push_back(
            counted(rewritten, "line is a Fluent Bit stdout record", "lines are Fluent Bit stdout records") +
            " (`[0] tag: [time, {\"key\"=>value}]`); each was read as its record's JSON");
}

void stripLogSourcePrefixes(std::vector<CleanedLine>& lines, std::vector<std::string>& notes)
{
    constexpr std::size_t kMinLines = 3;
    constexpr std::size_t kMaxSternTags = 64;
    std::size_t nonBlank = 0;
    std::size_t kubectl = 0;
    std::size_t stern = 0;
    std::size_t namespaced = 0; // stern --all-namespaces
    std::size_t sternLines = 0;
    std::vector<std::string_view> sternTags;
    std::vector<std::string_view> namespacedTags;
    const auto countTag = [](std::string_view tag, std::vector<std::string_view>& tags) {
        if (tags.size() <= kMaxSternTags && std::find(tags.begin(), tags.end(), tag) == tags.end())
            tags.push_back(tag);
    };
    for (const CleanedLine& line : lines) {
        if (trimBlanks(line.text).empty())
            continue;
        if (isSternContainerLine(line.text)) {
            ++sternLines;
            continue;
        }
        ++nonBlank;
        kubectl += kubectlPrefixLength(line.text) > 0;
        if (const std::size_t length = sternPrefixLength(line.text); length > 0) {
            ++stern;
            countTag(trimBlanks(std::string_view(line.text).substr(0, length)), sternTags);
        }
        if (const std::size_t length = sternNamespacedPrefixLength(line.text); length > 0) {
            ++namespaced;
            countTag(trimBlanks(std::string_view(line.text).substr(0, length)), namespacedTags);
        }
    }
    // kubectl's tag is unmistakable: most lines with it suffice. stern's two words are only told from
    // prose by their number: nearly every line, few pods and containers, each on many lines.
    std::size_t (*tagLength)(std::string_view) = nullptr;
    std::string what;
    std::size_t tagged = 0;
    // Three names (the second a pod's, with a `-`) are rarer still: one tag for 2 lines suffices; they
    // are taken over two when nearly every line with two has the third (a message rarely starts so).
    if (kubectl >= kMinLines && kubectl * 100 >= nonBlank * 60) {
        tagLength = kubectlPrefixLength;
        what = "`kubectl logs --prefix`'s `[pod/NAME/CONTAINER]`";
        tagged = kubectl;
    } else if (namespaced >= kMinLines && namespaced * 100 >= nonBlank * 80 &&
               namespacedTags.size() <= kMaxSternTags && namespacedTags.size() * 2 <= namespaced &&
               namespaced * 100 >= stern * 95) {
        tagLength = sternNamespacedPrefixLength;
        what = "stern's `NAMESPACE POD CONTAINER`";
        tagged = namespaced;
    } else if (stern >= kMinLines && stern * 100 >= nonBlank * 80 && sternTags.size() <= kMaxSternTags &&
               sternTags.size() * 4 <= stern) {
        tagLength = sternPrefixLength;
        what = "stern's `POD CONTAINER`";
        tagged = stern;
    }
    // The time `--timestamps` adds, after the tag (or alone, on nearly every line).
    std::size_t timed = 0;
    for (const CleanedLine& line : lines) {
        const std::size_t tag = tagLength ? tagLength(line.text) : 0;
        if ((tagLength == nullptr || tag > 0) && timestampLength(std::string_view(line.text).substr(tag)) > 0)
            ++timed;
    }
    const std::size_t timeBase = tagLength ? tagged : nonBlank;
    const bool times = timed >= kMinLines && timed * 100 >= timeBase * 80;
    if (tagLength == nullptr && !times)
        return;
    for (CleanedLine& line : lines) {
        if (tagLength && isSternContainerLine(line.text)) {
            line.text.clear();
            continue;
        }
        const std::size_t tag = tagLength ? tagLength(line.text) : 0;
        if (tagLength && tag == 0)
            continue;
        const std::size_t time = times ? timestampLength(std::string_view(line.text).substr(tag)) : 0;
        line.text.erase(0, tag + time);
    }
    std::string note;
    if (tagLength)
        note = counted(tagged, "line starts", "lines start") + " with " + what + " tag" +
               (times ? " and a time (`--timestamps`)" : "") + "; it was removed";
    else
        note = counted(timed, "line starts", "lines start") +
               " with the time `kubectl logs --timestamps` (or `docker logs -t`) puts there; it was removed";
    if (sternLines > 0 && (tagLength == sternPrefixLength || tagLength == sternNamespacedPrefixLength))
        note += " (and stern's " + counted(sternLines, "line", "lines") +
                " naming a container that starts or ends)";
    notes.push_back(std::move(note));
}

} // namespace hcn::io
