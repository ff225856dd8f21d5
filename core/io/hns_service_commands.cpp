// Commands on the HNS service and their failures (see hns_service_commands.h).

#include "io/hns_service_commands.h"

#include "common/text.h"
#include "common/utf8.h"
#include "io/powershell_commands.h"
#include "io/repeated_messages.h"
#include "io/text_scan.h"
#include "io/text_tables.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

namespace hcn::io {

namespace {

/// A quoted message is kept to this many bytes.
constexpr std::size_t kMaxQuoted = 200;

/// How Windows names HNS in the messages of its service tools, lower case: PowerShell's `'Host Network
/// Service (hns)'` and net's `The Host Network Service service`.
constexpr std::string_view kPowerShellName = "service 'host network service (hns)'";
constexpr std::string_view kNetName = "the host network service service";

/// A failure to control HNS a tool states, and what the report says of it.
struct ControlFailure
{
    std::string_view words; ///< after the service's name, lower case
    bool powerShell;        ///< PowerShell's wording (else net's)
    std::string_view what;  ///< "stopped", "started"
};

constexpr ControlFailure kFailures[] = {
    {" stop failed", true, "stopped"},           {" cannot be stopped", true, "stopped"},
    {" start failed", true, "started"},          {" cannot be started", true, "started"},
    {" could not be stopped", false, "stopped"}, {" could not be started", false, "started"},
};

/// The sentence of `text` starting at `at`, up to its full stop; cut to kMaxQuoted bytes.
std::string sentenceFrom(std::string_view text, std::size_t at)
{
    std::string_view sentence = text.substr(at);
    for (std::size_t stop = sentence.find('.'); stop != std::string_view::npos;
         stop = sentence.find('.', stop + 1))
        if (stop + 1 == sentence.size() || sentence[stop + 1] == ' ') {
            sentence = sentence.substr(0, stop + 1);
            break;
        }
    if (sentence.size() > kMaxQuoted)
        sentence = sentence.substr(0, kMaxQuoted);
    return validUtf8(std::string(sentence));
}

/// The cmdlet whose error record states the failure at `at` (`Restart-Service : Service '...`, also
/// inside a log's message); empty when none stands right before it.
std::string cmdletBefore(std::string_view text, std::size_t at)
{
    std::string_view before = text.substr(0, at);
    if (!before.ends_with(" : "))
        return {};
    before.remove_suffix(3);
    const std::size_t start = before.find_last_of(" \t[]") + 1;
    const std::string_view cmdlet = before.substr(start);
    if (cmdlet.size() < 9 || !equalsIgnoreCase(cmdlet.substr(cmdlet.size() - 8), "-Service"))
        return {};
    return std::string(cmdlet);
}

/// Whether a service's name `word` (`hns`, `"hns"`, a list `hns,vmcompute`) names HNS.
bool serviceListNamesHns(const std::string& word)
{
    const std::vector<std::string> items = valueItems(word);
    return std::any_of(items.begin(), items.end(),
                       [](const std::string& item) { return equalsIgnoreCase(item, "hns"); });
}

/// Whether the arguments of a service cmdlet (`words` from the second on: `hns -Force`, `-Name "hns"`,
/// `-Name hns,vmcompute`) name HNS; nullopt when they name no service (its services come from the
/// pipeline).
std::optional<bool> cmdletNamesHns(const std::vector<std::string>& words)
{
    for (std::size_t i = 1; i < words.size(); ++i) {
        if (words[i].starts_with('-')) {
            if (equalsIgnoreCase(words[i], "-Name") && i + 1 < words.size())
                return serviceListNamesHns(words[i + 1]);
            continue; // a switch: -Force, -NoWait, -PassThru
        }
        return serviceListNamesHns(words[i]);
    }
    return std::nullopt;
}

/// What a command's words do to HNS: "stops", "starts", "restarts"; empty for none. `words` are one
/// pipeline element's: `Stop-Service hns -Force`, `Restart-Service -Name "hns"`, `net stop hns /y`,
/// `sc.exe start hns`; `named` says an earlier element named HNS (`Get-Service hns | Restart-Service`).
std::string_view serviceVerbOf(const std::vector<std::string>& words, bool named)
{
    if (words.empty())
        return {};
    const std::string& tool = words.front();
    if (equalsIgnoreCase(tool, "net") || equalsIgnoreCase(tool, "net.exe") || equalsIgnoreCase(tool, "sc") ||
        equalsIgnoreCase(tool, "sc.exe")) {
        // net's switches after the name (`/y`: stop the services that depend on it too).
        if (words.size() < 3 || !serviceListNamesHns(words[2]) ||
            !std::all_of(words.begin() + 3, words.end(),
                         [](const std::string& w) { return w.starts_with('/'); }))
            return {};
        if (equalsIgnoreCase(words[1], "stop"))
            return "stops";
        return equalsIgnoreCase(words[1], "start") ? "starts" : std::string_view();
    }
    std::string_view verb;
    if (equalsIgnoreCase(tool, "Stop-Service") || equalsIgnoreCase(tool, "spsv"))
        verb = "stops";
    else if (equalsIgnoreCase(tool, "Start-Service") || equalsIgnoreCase(tool, "sasv"))
        verb = "starts";
    else if (equalsIgnoreCase(tool, "Restart-Service"))
        verb = "restarts";
    else
        return {};
    return cmdletNamesHns(words).value_or(named) ? verb : std::string_view();
}

/// Whether `words` delete HNS's store: `del`, `erase`, `rm`, `ri`, `Remove-Item` of a path ending in
/// `HNS.data`.
bool deletesStore(const std::vector<std::string>& words)
{
    if (words.size() < 2)
        return false;
    const std::string& tool = words.front();
    if (!equalsIgnoreCase(tool, "del") && !equalsIgnoreCase(tool, "erase") && !equalsIgnoreCase(tool, "rm") &&
        !equalsIgnoreCase(tool, "ri") && !equalsIgnoreCase(tool, "Remove-Item"))
        return false;
    return std::any_of(words.begin() + 1, words.end(), [](const std::string& word) {
        const std::vector<std::string> items = valueItems(word);
        return std::any_of(items.begin(), items.end(), [](const std::string& path) {
            return path.size() >= 8 &&
                   equalsIgnoreCase(std::string_view(path).substr(path.size() - 8), "hns.data");
        });
    });
}

/// The statement a line types: the line without its prompt and the backticks of a code span around it.
std::string_view typedOn(std::string_view text)
{
    std::string_view statement = withoutPrompt(text);
    while (statement.ends_with('`'))
        statement.remove_suffix(1);
    return trimBlanks(statement);
}

/// The infos of the commands a line types (`Stop-Service hns; del ...\HNS.data; Start-Service hns`); the
/// same command typed again adds its line to the info of the first (`said`).
void commandsOn(const CleanedLine& line, std::vector<ImportWarning>& infos,
                RepeatedMessages<std::string>& said)
{
    const std::string_view typed = typedOn(line.text);
    if (typed.empty() || typed.size() > 1000)
        return;
    const int at = line.sourceLine;
    for (const std::string_view statement : splitOutside(typed, ";")) {
        bool named = false;
        for (const std::vector<std::string>& words : pipelineWords(trimBlanks(statement))) {
            if (!words.empty() &&
                (equalsIgnoreCase(words[0], "Get-Service") || equalsIgnoreCase(words[0], "gsv"))) {
                named = cmdletNamesHns(words).value_or(false);
                continue;
            }
            const std::string command =
                validUtf8(std::string(trimBlanks(statement.substr(0, statement.find(" #")))));
            std::string message;
            if (const std::string_view verb = serviceVerbOf(words, named); !verb.empty())
                message = "a command (" + command + ") that " + std::string(verb) + " HNS at line " +
                          std::to_string(at);
            else if (deletesStore(words))
                message = "a command (" + command +
                          ") that deletes HNS's store of its networks and policies (HNS.data) at line " +
                          std::to_string(at) + ": HNS forgets the networks it stored when it starts again";
            named = false;
            if (message.empty() || said.repeat(lowerCopy(command), at, at))
                continue;
            infos.push_back({at, at, std::move(message)});
            said.said(lowerCopy(command), infos.size() - 1, at, at);
        }
    }
}

/// Whether a line may type a command on the service or its store: every one names `hns`.
bool mayTypeServiceCommand(std::string_view text)
{
    return findIgnoringCase(text, "hns") != std::string_view::npos &&
           (findIgnoringCase(text, "service") != std::string_view::npos ||
            findIgnoringCase(text, "hns.data") != std::string_view::npos ||
            findIgnoringCase(text, "net ") != std::string_view::npos ||
            findIgnoringCase(text, "sc") != std::string_view::npos);
}

} // namespace

HnsServiceCommands hnsServiceCommandsIn(const std::vector<CleanedLine>& lines)
{
    HnsServiceCommands found;
    RepeatedMessages<std::string> failures;
    RepeatedMessages<std::string> commands;
    std::vector<std::pair<int, int>> waits;
    for (const CleanedLine& line : lines) {
        const std::string_view text = line.text;
        if (!mayTypeServiceCommand(text) &&
            findIgnoringCase(text, "host network service") == std::string_view::npos)
            continue;
        const std::string lower = lowerCopy(text);
        bool failed = false;
        for (const ControlFailure& f : kFailures) {
            const std::string_view name = f.powerShell ? kPowerShellName : kNetName;
            const std::string phrase = std::string(name) + std::string(f.words);
            const std::size_t at = lower.find(phrase);
            if (at == std::string::npos)
                continue;
            failed = true;
            const std::string by = f.powerShell ? cmdletBefore(text, at) : std::string("net");
            const std::string key = std::string(f.what) + "\n" + by;
            if (failures.repeat(key, line.sourceLine, line.sourceLine))
                break;
            const bool restart = equalsIgnoreCase(by, "Restart-Service");
            std::string effect = f.what == "stopped"
                                     ? (restart ? "HNS was not restarted" : "HNS did not stop")
                                     : "HNS did not start, and no HNS answered requests after it";
            found.warnings.push_back({line.sourceLine, line.sourceLine,
                                      "the HNS service could not be " + std::string(f.what) + " (" +
                                          (by.empty() ? "" : by + " says ") + "\"" + sentenceFrom(text, at) +
                                          "\") at line " + std::to_string(line.sourceLine) + ": " + effect});
            failures.said(key, found.warnings.size() - 1, line.sourceLine, line.sourceLine);
            break;
        }
        if (failed)
            continue;
        if (lower.find("waiting for " + std::string(kPowerShellName) + " to stop") != std::string::npos) {
            waits.emplace_back(line.sourceLine, line.sourceLine);
            continue;
        }
        if (mayTypeServiceCommand(text))
            commandsOn(line, found.infos, commands);
    }
    failures.appendCounts(found.warnings);
    commands.appendCounts(found.infos);
    if (!waits.empty())
        found.infos.push_back({waits.front().first, waits.back().second,
                               "PowerShell waited for the HNS service to stop at " + tables::atLines(waits)});
    std::sort(found.infos.begin(), found.infos.end(),
              [](const ImportWarning& a, const ImportWarning& b) { return a.firstLine < b.firstLine; });
    return found;
}

} // namespace hcn::io
