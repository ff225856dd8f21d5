// Programs a log shows exiting (see fatal_exits.h).

#include "io/fatal_exits.h"

#include "common/text.h"
#include "common/utf8.h"
#include "io/fatal_log_lines.h"
#include "io/kube_proxy_queries.h"
#include "io/log_levels.h"
#include "io/logged_words.h"
#include "io/text_scan.h"
#include "io/wrapped_lines.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace hcn::io {
namespace {

/// The report names at most this many different exits per source, and keeps this much of a message.
constexpr std::size_t kMaxExitsSaid = 10;
constexpr std::size_t kMaxExitMessage = 200;

/// The message of a fatal line: after klog's header (`] `), logrus' or a JSON record's `msg`, a panic's
/// `panic: `; else the line.
std::string fatalMessage(std::string_view line)
{
    std::string_view message = trimBlanks(line);
    if (klogLevel(message) != 0) {
        if (const std::size_t end = message.find("] "); end != std::string_view::npos)
            message = message.substr(end + 2);
    } else if (const std::string_view msg = structuredLogField(message, "msg"); !msg.empty()) {
        message = msg;
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
    const auto isStated = [&](int line) {
        return std::any_of(stated.begin(), stated.end(),
                           [&](const std::pair<int, int>& s) { return s.first <= line && line <= s.second; });
    };
    struct Exit
    {
        std::string program;
        std::vector<int> at;
    };
    std::map<std::string, Exit> exits; // "program\nmessage" -> where
    std::vector<std::string> order;
    std::vector<ImportWarning> out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view text = lines[i].text;
        // Most lines open with another level or none and name no fatal level: told so in one pass. A
        // header cut in its time is said below when it ends the paste, else it is too little to say.
        const LogLevel opening = levelOpeningLine(text);
        if (opening != LogLevel::Fatal &&
            (opening != LogLevel::None || !holdsAnyIgnoringCase(text, {"fatal", "panic"})))
            continue;
        if (levelOfLine(text) != LogLevel::Fatal || isStated(lines[i].sourceLine) || isCutFatalHeader(text))
            continue;
        const std::string program = programOfFatalLine(lines, i, source);
        const std::string message = fatalMessage(text);
        const std::string key = program + "\n" + message;
        auto [it, added] = exits.emplace(key, Exit{program, {}});
        if (added)
            order.push_back(key);
        it->second.at.push_back(lines[i].sourceLine);
    }
    for (const std::string& key : order) {
        if (out.size() == kMaxExitsSaid)
            break;
        const Exit& e = exits[key];
        std::string said = programExitedText(e.program, e.at.front());
        if (const std::string message = key.substr(key.find('\n') + 1); !message.empty())
            said += ": " + message;
        if (e.at.size() > 1) {
            said += " (" + std::to_string(e.at.size()) + " times, lines ";
            for (std::size_t j = 0; j < e.at.size() && j < 10; ++j)
                said += (j == 0 ? "" : ", ") + std::to_string(e.at[j]);
            said += e.at.size() > 10 ? ", ...)" : ")";
        }
        out.push_back({e.at.front(), e.at.front(), std::move(said)});
    }
    // A klog log whose last line is a fatal line's header cut in its time: the program exited there, its
    // message not pasted.
    std::size_t last = lines.size();
    while (last > 0 && trimBlanks(lines[last - 1].text).empty())
        --last;
    if (last >= 2 && isCutFatalHeader(lines[last - 1].text) &&
        klogLevel(trimBlanks(lines[last - 2].text)) != 0 && !isStated(lines[last - 1].sourceLine)) {
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
