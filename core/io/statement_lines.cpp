// Lines a program starts a statement of its own with (see statement_lines.h).

#include "io/statement_lines.h"

#include "common/text.h"
#include "io/log_levels.h"
#include "io/text_scan.h"
#include "io/wrapped_lines.h"

#include <cctype>

namespace hcn::io {
namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isLetter(char c)
{
    return std::isalpha(static_cast<unsigned char>(c)) != 0;
}

/// A time in brackets at the start (`[16:21:13.746]`, `[2026-12-01 10:20:11]`, `[12/4/2026 10:20:11 AM]`),
/// as Docker Desktop and many services log: a time of day or a date with its year as timeOrDateAt reads
/// them. A month and a day alone (`[1-2]`), a year's range (`[2019-2022]`) or an address (`[10.0.0.12]`)
/// opens none.
bool opensBracketedTime(std::string_view t)
{
    if (!t.starts_with('['))
        return false;
    const TimeOrDate stamp = timeOrDateAt(t, 1);
    return stamp == TimeOrDate::TimeOfDay || stamp == TimeOrDate::Date;
}

/// The text after a tool's name and a colon that a tool puts before its error (`docker: Error ...`,
/// `hcnctl: error: ...`): `t` without it; `t` itself when it starts with none.
std::string_view withoutToolName(std::string_view t)
{
    std::size_t end = 0;
    while (end < t.size() && end <= 32 &&
           (std::islower(static_cast<unsigned char>(t[end])) || isDigit(t[end]) || t[end] == '-' ||
            t[end] == '.' || t[end] == '_'))
        ++end;
    if (end == 0 || end + 1 >= t.size() || t[end] != ':' || t[end + 1] != ' ')
        return t;
    return trimBlanks(t.substr(end + 1));
}

/// An error or warning a tool prints at the start of a line: `Error: `, `ERROR: `, `error: `, `Error
/// response from daemon: `, `Error creating default network: ` (`Error` and up to five words before
/// the colon), `fatal: `, `Warning: `.
bool opensToolMessage(std::string_view t)
{
    const std::string_view message = withoutToolName(t);
    // Each form starts with one of these letters: most lines are spared a lower-cased copy.
    if (message.empty() || std::string_view("fFpPwWeE").find(message.front()) == std::string_view::npos)
        return false;
    const std::string lower = lowerCopy(message.substr(0, 80));
    for (const std::string_view word : {"fatal error:", "fatal:", "panic:", "warning:"})
        if (std::string_view(lower).starts_with(word))
            return true;
    if (!std::string_view(lower).starts_with("error"))
        return false;
    std::size_t at = 5;
    if (at < lower.size() && lower[at] == ':')
        return true;
    // Up to five words of letters, then the colon.
    for (int words = 0; words < 5 && at < lower.size() && lower[at] == ' '; ++words) {
        const std::size_t start = ++at;
        while (at < lower.size() && (isLetter(lower[at]) || lower[at] == '-'))
            ++at;
        if (at == start)
            return false;
        if (at < lower.size() && lower[at] == ':')
            return at + 1 == lower.size() || lower[at + 1] == ' ';
    }
    return false;
}

} // namespace

bool opensStatement(std::string_view line)
{
    std::string_view t = trimBlanks(line);
    // A line the poster marked as code inline (`` `I0402 14:16:04.345266 ...` ``) opens what it holds.
    while (t.starts_with('`'))
        t.remove_prefix(1);
    if (t.empty())
        return false;
    if (opensLogRecord(t) || levelOpeningLine(t) != LogLevel::None || opensBracketedTime(t) ||
        opensToolMessage(t))
        return true;
    if (t.starts_with("goroutine ") && t.size() > 10 && isDigit(t[10]))
        return true;
    return t.starts_with("See '") && t.find("--help'") != std::string_view::npos;
}

} // namespace hcn::io
