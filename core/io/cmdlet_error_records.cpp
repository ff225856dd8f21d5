// PowerShell error records of the cmdlets that ask HNS for networks and endpoints (see
// cmdlet_error_records.h).

#include "io/cmdlet_error_records.h"

#include "common/text.h"
#include "common/utf8.h"
#include "io/powershell_commands.h"
#include "io/text_scan.h"
#include "io/text_tables.h"
#include "io/wrapped_lines.h"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace hcn::io {
namespace {

/// A record's message is read from at most this many lines before its `At ...` line.
constexpr std::size_t kMaxRecordMessageLines = 4;
/// A record is read to at most this many lines after its `At ...` line.
constexpr std::size_t kMaxRecordTailLines = 8;
/// The command typed for a record is looked for at most this many lines above it.
constexpr std::size_t kMaxCommandDistance = 8;
/// A value of a parameter is kept to this many bytes.
constexpr std::size_t kMaxParameterValue = 120;
/// At most this many objects are named as still in the dump.
constexpr std::size_t kMaxStillDumped = 5;

/// The arguments of the command of `cmdlet` whose parameters start `text`, up to the end of its part of a
/// pipeline or a script block, or an ellipsis PowerShell put where it cut the echoed line.
CommandArguments argumentsAfterName(std::string_view text, const HnsCmdlet& cmdlet)
{
    return argumentsOf(commandWords(commandExtent(text.substr(0, text.find("...")))), 0, &cmdlet);
}

/// The value `arguments` give the parameter `name` (lower case), its items joined; empty when they give
/// none or one longer than a value is kept.
std::string parameterValue(const CommandArguments& arguments, std::string_view name)
{
    const auto it = arguments.named.find(name);
    if (it == arguments.named.end())
        return {};
    std::string value;
    for (const std::string& item : it->second)
        value += (value.empty() ? "" : ", ") + item;
    return value.size() <= kMaxParameterValue ? validUtf8(std::move(value)) : std::string();
}

/// Where the cmdlet `cmdlet` (lower case) is called in `text` as a command (at the line's start, after a
/// prompt, a pipe or a brace), followed by its parameters or nothing; npos when it is not.
std::size_t callOf(std::string_view text, std::string_view cmdlet)
{
    const std::string lower = lowerCopy(text);
    for (std::size_t at = lower.find(cmdlet); at != std::string::npos; at = lower.find(cmdlet, at + 1)) {
        const char before = at == 0 ? ' ' : lower[at - 1];
        const std::size_t end = at + cmdlet.size();
        const char after = end < lower.size() ? lower[end] : ' ';
        if ((before == ' ' || before == '>' || before == '|' || before == '{') &&
            (after == ' ' || after == '|'))
            return at;
    }
    return std::string::npos;
}

/// What the command asked (`create network nat (NAT, 10.0.75.0/24)`), filling in the record's target.
std::string requestOf(std::string_view command, std::size_t call, const HnsCmdlet& cmdlet,
                      CmdletErrorRecord& record)
{
    const CommandArguments parameters =
        argumentsAfterName(command.substr(call + cmdlet.spelled.size()), cmdlet);
    record.name = parameterValue(parameters, "name");
    record.id = parameterValue(parameters, "id");
    // `Get-ContainerNetwork [-Name X] | Remove-ContainerNetwork`: the objects the Get- listed.
    if (record.name.empty() && record.id.empty()) {
        const std::string_view before = trimBlanks(command.substr(0, call));
        if (before.ends_with('|')) {
            const std::string_view upstream = before.substr(0, before.size() - 1);
            const std::size_t bar = upstream.find_last_of("|{>");
            const std::string_view part =
                trimBlanks(upstream.substr(bar == std::string_view::npos ? 0 : bar + 1));
            const std::string_view word = part.substr(0, part.find(' '));
            const HnsCmdlet* lister = hnsCmdletNamed(word);
            if (lister && lister->verb == CmdletVerb::Get && lister->kind == record.kind) {
                const CommandArguments filter = argumentsAfterName(part.substr(word.size()), *lister);
                record.name = parameterValue(filter, "name");
                record.id = parameterValue(filter, "id");
                if (record.name.empty() && record.id.empty())
                    record.listedBy = std::string(word);
            }
        }
    }
    const std::string_view kind = resourceKindLabel(record.kind);
    std::string asks = std::string(cmdletAsks(cmdlet.verb)) + " ";
    if (!record.listedBy.empty())
        return asks + "the " + std::string(kind) + "s " + record.listedBy + " lists";
    asks += kind;
    if (!record.name.empty())
        asks += " " + record.name;
    if (!record.id.empty())
        asks += " " + record.id;
    if (cmdlet.verb == CmdletVerb::New) {
        std::vector<std::string> details;
        for (const std::string_view key : {"mode", "type"})
            if (std::string value = parameterValue(parameters, key); !value.empty() && details.empty())
                details.push_back(std::move(value));
        for (const std::string_view key : {"subnetprefix", "addressprefix"})
            if (std::string value = parameterValue(parameters, key); !value.empty()) {
                details.push_back(std::move(value));
                break;
            }
        for (const std::string_view key : {"gatewayaddress", "gateway"})
            if (std::string value = parameterValue(parameters, key); !value.empty()) {
                details.push_back("gateway " + value);
                break;
            }
        for (const std::string& detail : details)
            asks += ", " + detail;
    }
    return asks;
}

} // namespace

std::size_t errorRecordTailEnd(const std::vector<CleanedLine>& lines, std::size_t at)
{
    std::size_t last = at;
    for (std::size_t k = at + 1; k < lines.size() && k <= at + kMaxRecordTailLines; ++k) {
        const std::string_view t = trimBlanks(lines[k].text);
        if (t.empty() || (!t.starts_with('+') && !(lines[k].text.starts_with(' ') && k > at + 1)))
            break;
        last = k;
    }
    return last;
}

std::optional<CmdletErrorRecord> cmdletErrorRecordAt(const std::vector<CleanedLine>& lines, std::size_t first)
{
    const std::string_view line = lines[first].text;
    // The record starts with the cmdlet's name, `Verb-Noun : `: a letter, then a dash before any blank.
    if (line.empty() || !std::isalpha(static_cast<unsigned char>(line.front())))
        return std::nullopt;
    if (const std::size_t dash = line.find_first_of("- ");
        dash == std::string_view::npos || line[dash] != '-')
        return std::nullopt;
    const std::size_t separator = line.find(" : ");
    if (separator == std::string_view::npos || separator == 0 || line.front() == ' ')
        return std::nullopt;
    const std::string_view cmdlet = line.substr(0, separator);
    const HnsCmdlet* called = hnsCmdletNamed(cmdlet);
    if (!called)
        return std::nullopt;
    // The record's `At ...` line (or, where the paste left it out, its CategoryInfo) after the message.
    std::size_t at = first + 1;
    while (at < lines.size() && at <= first + kMaxRecordMessageLines &&
           !isPowerShellErrorRecordLine(lines[at].text) && !trimBlanks(lines[at].text).empty())
        ++at;
    if (at >= lines.size() || !isPowerShellErrorRecordLine(lines[at].text))
        return std::nullopt;
    CmdletErrorRecord record;
    record.kind = called->kind;
    record.removal = called->verb == CmdletVerb::Remove;
    // The message, with the lines a console wrapped it into.
    std::string text = at > first + 1 ? joinConsoleWrap(lines, first, at) : std::string(line);
    const std::string_view message = trimBlanks(std::string_view(text).substr(separator + 3));
    LoggedError error = loggedError(message, {});
    if (error.message.empty() && !error.code)
        error = answerError(message, std::nullopt, {});
    if (!error.found())
        return std::nullopt;
    // The rest of the record: the command it echoes (`+ New-ContainerNetwork -Name nat ...`, `+ ~~~`),
    // its CategoryInfo and FullyQualifiedErrorId.
    const std::size_t last = errorRecordTailEnd(lines, at);
    std::string echoed;
    for (std::size_t k = at; k <= last; ++k) {
        const std::string_view t = trimBlanks(lines[k].text);
        // PowerShell's own refusal of the command, before the cmdlet ran.
        if (t.starts_with("+ CategoryInfo") || t.starts_with("+ FullyQualifiedErrorId")) {
            if (holdsAnyIgnoringCase(t, {"parameterbinding", "namedparameternotfound", "missingargument",
                                         "positionalparameternotfound", "parameterargument"}))
                error.notRunBecause =
                    "a parameter the module in use does not take, or a value it could not bind";
            else if (holdsIgnoringCase(t, "commandnotfoundexception"))
                error.notRunBecause = "no such command: misspelled, or its module not imported";
        }
        const std::string_view after = trimBlanks(t.substr(t.starts_with('+') ? 1 : 0));
        if (k > at && t.starts_with('+') && echoed.empty() && !after.starts_with('~') &&
            !isPowerShellErrorRecordLine(t))
            echoed = std::string(after);
    }
    // What the cmdlet asked: from the echoed command when PowerShell did not cut it, else from the command
    // typed above the record.
    const std::string lowerCmdlet = lowerCopy(cmdlet);
    std::string command = echoed.starts_with("...") ? std::string() : echoed;
    if (command.empty() || callOf(command, lowerCmdlet) == std::string::npos) {
        for (std::size_t k = first; k > 0 && first - k < kMaxCommandDistance; --k) {
            const std::string_view above = lines[k - 1].text;
            const std::size_t call = callOf(above, lowerCmdlet);
            if (call == std::string::npos || isPowerShellErrorRecordLine(above))
                continue;
            // The cmdlet alone, before a parameter or a pipe, or after a pipe: a command, not prose.
            const std::string_view rest = above.substr(call + lowerCmdlet.size());
            if (rest.empty() || rest.starts_with(" |") ||
                (rest.starts_with(' ') && !powerShellParameterName(trimBlanks(rest)).empty()) ||
                above.substr(0, call).find('|') != std::string_view::npos) {
                command = std::string(above);
                break;
            }
        }
    }
    if (command.empty())
        command = echoed;
    const std::size_t call = callOf(command, lowerCmdlet);
    std::string asks = call == std::string::npos ? std::string(cmdletAsks(called->verb)) + " " +
                                                       std::string(resourceKindLabel(record.kind))
                                                 : requestOf(command, call, *called, record);
    error.operation = std::string(cmdlet) + " (" + asks + ")";
    record.refusal = LoggedRefusal{first, last, std::move(error)};
    return record;
}

std::vector<FailedCmdletRemoval> failedCmdletRemovalsIn(const std::vector<CleanedLine>& lines,
                                                        const std::string& source,
                                                        const std::vector<detail::NamedRefusal>& refusals)
{
    std::vector<FailedCmdletRemoval> removals;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!holdsIgnoringCase(lines[i].text, "remove-"))
            continue;
        std::optional<CmdletErrorRecord> record = cmdletErrorRecordAt(lines, i);
        if (!record || !record->removal)
            continue;
        const int firstLine = lines[record->refusal.firstLine].sourceLine;
        const auto named = std::find_if(refusals.begin(), refusals.end(), [&](const detail::NamedRefusal& n) {
            return n.source == source && n.firstLine == firstLine;
        });
        const std::size_t last = record->refusal.lastLine;
        if (named != refusals.end())
            removals.push_back({source, firstLine, std::move(*record), named->message});
        i = last;
    }
    return removals;
}

void reportFailedRemovalsStillDumped(const std::vector<FailedCmdletRemoval>& removals,
                                     const std::vector<ImportedObject>& objects,
                                     std::vector<ImportMessage>& messages)
{
    std::vector<std::size_t> extended; // a removal logged again shares its first one's message
    for (const FailedCmdletRemoval& removal : removals) {
        const CmdletErrorRecord& r = removal.record;
        if ((r.name.empty() && r.id.empty() && r.listedBy.empty()) ||
            std::find(extended.begin(), extended.end(), removal.message) != extended.end())
            continue;
        std::vector<const ImportedObject*> still;
        for (const ImportedObject& o : objects) {
            if (o.source != removal.source || o.kind != r.kind)
                continue;
            const bool named = (!r.name.empty() && lowerCopy(o.name) == lowerCopy(r.name)) ||
                               (!r.id.empty() && lowerCopy(o.id) == lowerCopy(r.id));
            if (named || !r.listedBy.empty())
                still.push_back(&o);
        }
        if (still.empty() || removal.message >= messages.size())
            continue;
        std::string list;
        for (std::size_t i = 0; i < still.size() && i < kMaxStillDumped; ++i) {
            const ImportedObject& o = *still[i];
            list += (i == 0 ? "" : ", ") + (o.name.empty() ? o.id : o.name + " (" + o.id + ")") + " at " +
                    tables::lineRange(o.firstLine, o.lastLine);
        }
        if (still.size() > kMaxStillDumped)
            list += " and " + std::to_string(still.size() - kMaxStillDumped) + " more";
        extended.push_back(removal.message);
        const std::string_view kind = resourceKindLabel(r.kind);
        messages[removal.message].message +=
            "; the dump still shows " + std::string(kind) + (still.size() == 1 ? " " : "s ") + list;
    }
}

} // namespace hcn::io
