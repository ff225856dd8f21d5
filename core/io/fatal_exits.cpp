// Programs a log shows exiting (see fatal_exits.h).

#include "io/fatal_exits.h"

#include "common/text.h"
#include "common/utf8.h"
#include "io/fatal_log_lines.h"
#include "io/kube_proxy_queries.h"
#include "io/log_levels.h"
#include "io/logged_words.h"
#include "io/text_scan.h"
#include "io/text_tables.h"
#include "io/wrapped_lines.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace hcn::io {
namespace {

/// The report names at most this many different exits per source, and keeps this much of a message.
constexpr std::size_t kMaxExitsSaid = 10;
constexpr std::size_t kMaxExitMessage = 200;

/// Whether `token` (a line's first word, in brackets or not) is a time or a date: a time of day
/// (`18:41:40`, `09:57:45.645715`, `2024-05-09T18:41:40Z`), a date (`2024-05-09`, `2024/05/09`,
/// `09.05.2024`) or seconds since 1970 (`1715280100`, `1715280100.25`). A number that counts
/// something (`3 uplinks found`) is none.
bool isTimeToken(std::string_view token)
{
    while (!token.empty() && (token.front() == '[' || token.front() == '('))
        token.remove_prefix(1);
    while (!token.empty() && (token.back() == ']' || token.back() == ')' || token.back() == ','))
        token.remove_suffix(1);
    const std::size_t run = digitRun(token, 0);
    if (run >= 9) // seconds since 1970, with a fraction or not
        return run == token.size() ||
               (token[run] == '.' && run + 1 + digitRun(token, run + 1) == token.size());
    return startsTimeOrDate(token, 0);
}

bool isAllDigits(std::string_view token)
{
    return !token.empty() && std::all_of(token.begin(), token.end(),
                                         [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

/// The message of a fatal line, without what varies between two exits of the same kind: klog's header
/// (up to `] `), logrus' or a JSON record's `msg`, else the line without its leading times, levels and a
/// klog header after them (`2024-05-09T18:41:40Z [FATAL] `, `FATA[0002] `, `2024-05-09T18:41:40Z F0607
/// 09:57:45.645715 1808 `). A Go panic keeps its `panic: `; a leading number that is no time (`3 uplinks
/// found`) is the message's.
std::string fatalMessage(std::string_view line)
{
    std::string_view message = trimBlanks(line);
    if (klogLevel(message) != 0) {
        if (const std::size_t end = message.find("] "); end != std::string_view::npos)
            message = message.substr(end + 2);
    } else if (const std::string_view msg = structuredLogField(message, "msg"); !msg.empty()) {
        message = msg;
    } else {
        // Leading tokens: a date or time, a level (`[FATAL]`, `FATA[0002]`), a klog header (its letter
        // and date, its time, the process's ID).
        bool afterKlogTime = false;
        for (int token = 0; token < 6 && !message.empty(); ++token) {
            const std::size_t blank = std::min(message.find(' '), message.size());
            const std::string_view word = message.substr(0, blank);
            const std::string_view rest = trimBlanks(message.substr(blank));
            if (klogLevel(message) != 0) {
                if (const std::size_t end = message.find("] "); end != std::string_view::npos) {
                    message = message.substr(end + 2);
                    break;
                }
                afterKlogTime = isTimeToken(rest.substr(0, std::min(rest.find(' '), rest.size())));
                message = rest;
                if (afterKlogTime)
                    message = trimBlanks(message.substr(std::min(message.find(' '), message.size())));
                continue;
            }
            const bool pid = afterKlogTime && isAllDigits(word);
            afterKlogTime = false;
            if (!pid && !isTimeToken(word) &&
                (levelOpeningLine(message) == LogLevel::None || message.starts_with("panic: ") ||
                 message.starts_with("fatal error: ")))
                break;
            message = rest;
        }
    }
    message = trimBlanks(message);
    return validUtf8(std::string(utf8Prefix(message, kMaxExitMessage)));
}

/// Whether `line` is a klog header cut within its time (`F1210 13`, `F1210`): the fatal letter, four
/// digits and at most part of the time.
bool isCutFatalHeader(std::string_view line)
{
    line = trimBlanks(line);
    if (line.size() < 5 || line.size() > 20 || line.front() != 'F' ||
        !std::all_of(line.begin() + 1, line.begin() + 5,
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
        return false;
    return std::all_of(line.begin() + 5, line.end(), [](char c) {
        return c == ' ' || c == ':' || c == '.' || std::isdigit(static_cast<unsigned char>(c));
    });
}

} // namespace

std::vector<ImportWarning> fatalExitsIn(const std::vector<CleanedLine>& lines, const std::string& source,
                                        const std::vector<std::pair<int, int>>& stated)
{
    const std::vector<std::pair<int, int>> statedRuns = tables::joinedRuns(stated);
    struct Exit
    {
        std::string program;
        std::vector<std::pair<int, int>> at;
    };
    std::map<std::string, Exit> exits; // message -> the program and where it exited so
    std::vector<std::string> order;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view text = lines[i].text;
        // Most lines open with another level or none and name no fatal level: told so in one pass. A
        // header cut in its time is said below when it ends the paste, else it is too little to say; a
        // Go panic raised again while panicking (`\tpanic: ...` after `panic: ... [recovered]`) is the
        // same exit.
        if (text.empty() || tables::inRuns(statedRuns, lines[i].sourceLine))
            continue;
        const LogLevel opening = levelOpeningLine(text);
        if (opening != LogLevel::Fatal &&
            (opening != LogLevel::None || !holdsAnyIgnoringCase(text, {"fatal", "panic"})))
            continue;
        if (levelOfLine(text) != LogLevel::Fatal || isCutFatalHeader(text) ||
            ((text.front() == ' ' || text.front() == '\t') && opening == LogLevel::Fatal))
            continue;
        // The program is found once per message: a crash loop logs the same exit again and again.
        const std::string message = fatalMessage(text);
        auto [it, added] = exits.try_emplace(message);
        if (added) {
            it->second.program = programOfFatalLine(lines, i, source);
            order.push_back(message);
        }
        it->second.at.emplace_back(lines[i].sourceLine, lines[i].sourceLine);
    }
    std::vector<ImportWarning> out;
    for (const std::string& message : order) {
        if (out.size() == kMaxExitsSaid)
            break;
        const Exit& e = exits[message];
        const int line = e.at.front().first;
        std::string said = programExitedText(e.program, line);
        if (!message.empty())
            said += ": " + message;
        if (e.at.size() > 1)
            said += " " + tables::timesAtLines(e.at);
        out.push_back({line, line, std::move(said)});
    }
    // A klog log whose last line is a fatal line's header cut in its time: the program exited there, its
    // message not pasted.
    std::size_t last = lines.size();
    while (last > 0 && trimBlanks(lines[last - 1].text).empty())
        --last;
    if (last >= 2 && isCutFatalHeader(lines[last - 1].text) &&
        klogLevel(trimBlanks(lines[last - 2].text)) != 0 &&
        !tables::inRuns(statedRuns, lines[last - 1].sourceLine)) {
        const int line = lines[last - 1].sourceLine;
        const std::string program = programOfFatalLine(lines, last - 1, source);
        out.push_back({line, line,
                       programExitedText(program, line) +
                           ", the paste cut after the line's time: its message "
                           "is not in the dump"});
    }
    return out;
}

} // namespace hcn::io
