// The level a log line states of itself (see log_levels.h).

#include "io/log_levels.h"

#include "common/text.h"
#include "io/logged_words.h"
#include "io/text_scan.h"
#include "io/wrapped_lines.h"

#include <algorithm>
#include <array>
#include <utility>

namespace hcn::io {
namespace {

/// A line's `level=` and JSON level are read within this many bytes of its start.
constexpr std::size_t kMaxLevelReach = 400;
/// A bracketed level stands this close to a line's start (after its time) when it is the line's own.
constexpr std::size_t kMaxBracketedLevelReach = 64;

struct LevelWord
{
    std::string_view word;
    LogLevel level;
};

/// The words a level is spelled with, lower case.
constexpr std::array<LevelWord, 8> kLevelWords{{
    {"trace", LogLevel::Debug},
    {"debug", LogLevel::Debug},
    {"info", LogLevel::Info},
    {"warning", LogLevel::Warning},
    {"warn", LogLevel::Warning},
    {"error", LogLevel::Error},
    {"fatal", LogLevel::Fatal},
    {"panic", LogLevel::Fatal},
}};

/// logrus' terminal form: the level's first four letters, upper case, then `[`.
constexpr std::array<LevelWord, 7> kTerminalLevels{{
    {"TRAC", LogLevel::Debug},
    {"DEBU", LogLevel::Debug},
    {"INFO", LogLevel::Info},
    {"WARN", LogLevel::Warning},
    {"ERRO", LogLevel::Error},
    {"FATA", LogLevel::Fatal},
    {"PANI", LogLevel::Fatal},
}};

/// The level word `text` starts with (kLevelWords, any case), no letter, digit or `_` after it, and its
/// length; None and 0 when it starts with none.
std::pair<LogLevel, std::size_t> levelWordAt(std::string_view text)
{
    for (const auto& [word, level] : kLevelWords)
        if (text.size() >= word.size() && equalsIgnoreCase(text.substr(0, word.size()), word) &&
            (text.size() == word.size() || !logged::isLoggedWordChar(text[word.size()])))
            return {level, word.size()};
    return {LogLevel::None, 0};
}

/// The level in brackets `text` starts with (`[ERROR]`, `[warning]`); None when it starts with none.
LogLevel bracketedLevelAt(std::string_view text)
{
    if (!text.starts_with('['))
        return LogLevel::None;
    const auto [level, length] = levelWordAt(text.substr(1));
    return level != LogLevel::None && text.size() > length + 1 && text[length + 1] == ']' ? level
                                                                                          : LogLevel::None;
}

/// logrus' terminal form at the start of `t` (`ERRO[0002]`); None when `t` does not start with it.
LogLevel terminalLevelAt(std::string_view t)
{
    if (t.size() < 6 || t[4] != '[' || t[5] < '0' || t[5] > '9')
        return LogLevel::None;
    for (const auto& [word, level] : kTerminalLevels)
        if (t.starts_with(word))
            return level;
    return LogLevel::None;
}

/// Whether klog's header at the start of `t` (`F1210 13:34:05.118230`) holds a month (01-12), a day
/// (01-31) and a time of day after them. Read here, not by timeOrDateAt: klog joins its month and day
/// with nothing between them (four digits alone are a count to timeOrDateAt), and a header cut right
/// after its hour (`F1210 13:`, `F1210 13:3`) still opens a fatal line.
bool hasKlogDateAndTime(std::string_view t)
{
    const auto digit = [&](std::size_t i) { return i < t.size() && t[i] >= '0' && t[i] <= '9'; };
    if (!(digit(1) && digit(2) && digit(3) && digit(4) && digit(6) && digit(7) && t.size() > 8 &&
          t[8] == ':'))
        return false;
    const int month = (t[1] - '0') * 10 + (t[2] - '0');
    const int day = (t[3] - '0') * 10 + (t[4] - '0');
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

} // namespace

LogLevel levelOpeningLine(std::string_view line)
{
    const std::string_view t = trimBlanks(line);
    if (t.empty())
        return LogLevel::None;
    switch (t.front()) {
    case '[':
        return bracketedLevelAt(t);
    case 'p':
        return t.starts_with("panic: ") ? LogLevel::Fatal : LogLevel::None;
    case 'f':
        return t.starts_with("fatal error: ") ? LogLevel::Fatal : LogLevel::None;
    default:
        break;
    }
    if (t.front() < 'A' || t.front() > 'Z')
        return LogLevel::None;
    switch (klogLevel(t)) {
    case 'F':
        // A program's exit is claimed on a whole header only: a month, a day and a time
        // (`F1210 13:34:05`), not a table's row (`F1001 12 Fan speed low`).
        return hasKlogDateAndTime(t) ? LogLevel::Fatal : LogLevel::None;
    case 'E':
        return LogLevel::Error;
    case 'W':
        return LogLevel::Warning;
    case 'I':
        return LogLevel::Info;
    default:
        return terminalLevelAt(t);
    }
}

LogLevel levelOfLine(std::string_view line)
{
    if (const LogLevel opening = levelOpeningLine(line); opening != LogLevel::None)
        return opening;
    const std::string_view t = trimBlanks(line);
    const std::string_view head = t.substr(0, std::min(t.size(), kMaxLevelReach));
    // Of the forms the line holds, the first is the line's own; one after it is in its message.
    std::size_t firstAt = std::string_view::npos;
    LogLevel first = LogLevel::None;
    const auto stated = [&](std::size_t at, LogLevel level) {
        if (level != LogLevel::None && at < firstAt) {
            firstAt = at;
            first = level;
        }
    };
    // A JSON log record states its level by its key alone, wherever the key stands.
    const bool record = t.starts_with('{');
    // logrus' `level=error`, `level="error"`: the line's first `level=` (not `loglevel=`, nor a
    // command's `--log-level=fatal`).
    for (std::size_t at = record ? std::string_view::npos : findIgnoringCase(head, "level=");
         at != std::string_view::npos; at = findIgnoringCase(head, "level=", at + 1)) {
        if (at > 0 && (logged::isLoggedWordChar(head[at - 1]) || head[at - 1] == '-'))
            continue;
        std::string_view value = head.substr(at + 6);
        if (value.starts_with('"'))
            value.remove_prefix(1);
        stated(at, levelWordAt(value).first);
        break;
    }
    // A JSON log record (zap, logrus' JSON formatter): `"level":"error"`, `"severity": "ERROR"`.
    for (const std::string_view key : {"\"level\":", "\"severity\":"}) {
        const std::size_t at = findIgnoringCase(head, key);
        if (at == std::string_view::npos)
            continue;
        std::string_view value = head.substr(at + key.size());
        while (!value.empty() && isBlank(value.front()))
            value.remove_prefix(1);
        if (!value.starts_with('"'))
            continue;
        const auto [level, length] = levelWordAt(value.substr(1));
        if (value.size() > length + 1 && value[length + 1] == '"')
            stated(at, level);
    }
    if (record)
        return first;
    // A bracketed level after the line's time (`2019-05-09T18:41:40Z [ERROR] `, felix's `[WARNING][4410]`).
    const std::string_view near = head.substr(0, std::min(head.size(), kMaxBracketedLevelReach));
    for (std::size_t at = near.find('['); at != std::string_view::npos && at < firstAt;
         at = near.find('[', at + 1))
        if (const LogLevel level = bracketedLevelAt(near.substr(at)); level != LogLevel::None) {
            stated(at, level);
            break;
        }
    return first;
}

} // namespace hcn::io
