// HNS objects a client looked up and did not find (see failed_lookups.h).

#include "io/failed_lookups.h"

#include "common/text.h"
#include "common/utf8.h"
#include "io/felix_network_lookups.h"
#include "io/repeated_messages.h"
#include "io/text_scan.h"
#include "io/text_tables.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <tuple>

namespace hcn::io {
namespace {

/// A looked-up name is kept to this many bytes.
constexpr std::size_t kMaxLookedUpName = 120;
/// At most this many different lookups are named per source.
constexpr std::size_t kMaxLookups = 50;

/// How hcsshim names the kind of object in its not-found errors, and what the report calls it.
struct LookupKind
{
    std::string_view logged; ///< as it starts the error: "Endpoint "
    std::string_view kind;   ///< "endpoint"
};
constexpr LookupKind kKinds[] = {{"Endpoint ", "endpoint"},
                                 {"Network ", "network"},
                                 {"Namespace ", "namespace"},
                                 {"LoadBalancer ", "load balancer"},
                                 {"SDN Route ", "route"}};

/// Words that follow `Network ` or `Endpoint ` in prose (`Network adapter not found`): no name.
bool isProseWord(std::string_view word)
{
    static constexpr std::string_view kWords[] = {"adapter", "interface", "card",   "path",    "policy",
                                                  "object",  "resource",  "config", "is",      "was",
                                                  "has",     "entry",     "not",    "service", "settings"};
    const std::string lower = lowerCopy(word);
    return std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
}

struct Lookup
{
    std::string_view kind;
    std::string name;
    std::string_view by; ///< "name", "ID"
};

/// The lookup hcsshim's error at `at` in `text` (`Endpoint External not found`, `Endpoint ID "..." not
/// found`) states, when it states one.
std::optional<Lookup> lookupAt(std::string_view text, std::size_t at, const LookupKind& kind)
{
    std::string_view rest = text.substr(at + kind.logged.size());
    std::string_view by = "name";
    bool quoted = false;
    for (const std::string_view qualifier :
         {std::string_view("name "), std::string_view("ID "), std::string_view("Id ")}) {
        if (rest.starts_with(qualifier)) {
            by = qualifier == "name " ? "name" : "ID";
            rest.remove_prefix(qualifier.size());
            quoted = true; // the hcn package prints the value with %q
            break;
        }
    }
    // The LoadBalancer and SDN Route wordings print an ID with %q.
    if (kind.kind == "load balancer" || kind.kind == "route") {
        by = "ID";
        quoted = true;
    }
    std::string name;
    std::size_t end = 0;
    // %q inside a log's quoted value is escaped: `\"web\"`.
    const std::string_view quote = rest.starts_with("\\\"") ? "\\\"" : rest.starts_with('"') ? "\"" : "";
    if (!quote.empty()) {
        end = rest.find(quote, quote.size());
        if (end == std::string_view::npos)
            return std::nullopt;
        name = std::string(rest.substr(quote.size(), end - quote.size()));
        end += quote.size();
    } else {
        if (quoted)
            return std::nullopt;
        while (end < rest.size() && !std::isspace(static_cast<unsigned char>(rest[end])) && rest[end] != '"')
            ++end;
        name = std::string(rest.substr(0, end));
    }
    if (name.empty() || name.size() > kMaxLookedUpName || isProseWord(name) ||
        !rest.substr(end).starts_with(" not found"))
        return std::nullopt;
    const std::string_view after = rest.substr(end + 10);
    if (!after.empty() && std::isalnum(static_cast<unsigned char>(after.front())))
        return std::nullopt;
    return Lookup{kind.kind, validUtf8(std::move(name)), by};
}

/// Whether `text` holds ` not found`. (`not found` is looked for first: a space is in every line, an `n`
/// followed by `ot found` in few.)
bool saysNotFound(std::string_view text)
{
    for (std::size_t at = text.find("not found"); at != std::string_view::npos;
         at = text.find("not found", at + 1))
        if (at > 0 && text[at - 1] == ' ')
            return true;
    return false;
}

/// The value after `key` up to its closing quote (`WorkloadId:"api01/api01"`, `ip="10.244.31.76/32"`,
/// also escaped `\"`); empty when the line has none.
std::string quotedAfter(std::string_view text, std::string_view key)
{
    const std::size_t at = text.find(key);
    if (at == std::string_view::npos)
        return {};
    std::string_view rest = text.substr(at + key.size());
    if (rest.starts_with("\\"))
        rest.remove_prefix(1);
    if (!rest.starts_with('"'))
        return {};
    rest.remove_prefix(1);
    const std::size_t end = rest.find_first_of("\\\"");
    if (end == std::string_view::npos || end == 0 || end > kMaxLookedUpName)
        return {};
    return validUtf8(std::string(rest.substr(0, end)));
}

/// Adds `value` to `list` once; whether it was there already (looked up again).
bool addOnce(std::vector<std::string>& list, std::string value)
{
    if (value.empty())
        return false;
    if (std::find(list.begin(), list.end(), value) != list.end())
        return true;
    if (list.size() < kMaxLookups)
        list.push_back(std::move(value));
    return false;
}

/// Calico felix's failed lookups of the HNS endpoints of its workloads (`Failed to look up HNS endpoint
/// for workload id=...WorkloadId:"api01/api01"...`, `Could not resolve hns endpoint id
/// ip="10.244.31.76/32"`, `Failed to look up one or more HNS endpoints; will schedule a retry`,
/// `error=Endpoint could not be found`) with what its cache of HNS's endpoints held (`Cache refresh is
/// complete. 0 endpoints were cached`): one info for the source. It says felix retries only when the log
/// shows it: a line of the lookups says so (`will schedule a retry`), or one workload or address is looked
/// up again.
std::optional<ImportWarning> felixLookupsIn(const std::vector<CleanedLine>& lines)
{
    std::vector<std::string> workloads;
    std::vector<std::string> addresses;
    std::vector<std::pair<int, int>> at;
    std::optional<std::pair<long long, int>>
        cached; // the count cached and its line, the last before a lookup
    std::optional<std::pair<long long, int>> lastCached;
    bool failed = false;
    bool retries = false;
    for (const CleanedLine& line : lines) {
        const std::string_view text = line.text;
        if (!holdsIgnoringCase(text, "endpoint"))
            continue;
        const bool felix = text.find("felix") != std::string_view::npos;
        bool lookup = false;
        if (text.find("Failed to look up HNS endpoint for workload") != std::string_view::npos) {
            retries = addOnce(workloads, quotedAfter(text, "WorkloadId:")) || retries;
            lookup = true;
        } else if (text.find("Could not resolve hns endpoint id") != std::string_view::npos) {
            retries = addOnce(addresses, quotedAfter(text, "ip=")) || retries;
            lookup = true;
        } else if (text.find("Failed to look up one or more HNS endpoints") != std::string_view::npos ||
                   (felix && text.find("Endpoint could not be found") != std::string_view::npos)) {
            lookup = true;
        } else if (const std::size_t done = text.find("Cache refresh is complete. ");
                   felix && done != std::string_view::npos) {
            std::string_view count = text.substr(done + 27);
            long long n = 0;
            std::size_t digits = 0;
            for (; digits < count.size() && digits < 9 &&
                   std::isdigit(static_cast<unsigned char>(count[digits]));
                 ++digits)
                n = n * 10 + (count[digits] - '0');
            if (digits > 0 && count.substr(digits).starts_with(" endpoints were cached"))
                lastCached = std::make_pair(n, line.sourceLine);
        }
        if (!lookup)
            continue;
        failed = true;
        retries = retries || holdsIgnoringCase(text, "retry");
        at.emplace_back(line.sourceLine, line.sourceLine);
        if (lastCached && !cached)
            cached = lastCached;
    }
    if (!failed || (workloads.empty() && addresses.empty()))
        return std::nullopt;
    const auto joined = [](const std::vector<std::string>& list) {
        std::string out;
        for (const std::string& item : list)
            out += (out.empty() ? "" : ", ") + item;
        return out;
    };
    std::string message = "Calico felix could not find the HNS endpoint";
    if (!workloads.empty())
        message +=
            std::string(workloads.size() == 1 ? " of workload " : "s of workloads ") + joined(workloads);
    else
        message += addresses.size() == 1 ? "" : "s";
    if (!addresses.empty())
        message += (workloads.empty() ? " for " : " (") + joined(addresses) + (workloads.empty() ? "" : ")");
    if (retries)
        message += " and retries";
    if (!cached && lastCached)
        cached = lastCached;
    if (cached)
        message += "; its cache of HNS's endpoints held " + std::to_string(cached->first) + " at " +
                   tables::lineRange(cached->second, cached->second);
    const std::vector<std::pair<int, int>> runs = tables::joinedRuns(at);
    std::string where = runs.size() == 1 && runs[0].first == runs[0].second ? "line " : "lines ";
    for (std::size_t i = 0; i < runs.size() && i < 10; ++i)
        where += (i == 0 ? "" : ", ") +
                 (runs[i].first == runs[i].second
                      ? std::to_string(runs[i].first)
                      : std::to_string(runs[i].first) + "-" + std::to_string(runs[i].second));
    message += " (" + where + ")";
    return ImportWarning{runs.front().first, runs.back().second, std::move(message)};
}

} // namespace

std::vector<ImportWarning> failedLookupsIn(const std::vector<CleanedLine>& lines)
{
    std::vector<ImportWarning> infos;
    RepeatedMessages<std::tuple<std::string_view, std::string, std::string_view>> seen;
    for (const CleanedLine& line : lines) {
        const std::string_view text = line.text;
        if (!saysNotFound(text))
            continue;
        // One line may say it twice (`failed to find endpoint X: Endpoint X not found`): once is enough.
        std::vector<std::tuple<std::string_view, std::string, std::string_view>> onLine;
        for (const LookupKind& kind : kKinds) {
            for (std::size_t at = text.find(kind.logged); at != std::string_view::npos;
                 at = text.find(kind.logged, at + 1)) {
                if (at > 0 && (std::isalnum(static_cast<unsigned char>(text[at - 1])) || text[at - 1] == '_'))
                    continue;
                if (std::optional<Lookup> lookup = lookupAt(text, at, kind)) {
                    auto key = std::make_tuple(lookup->kind, std::move(lookup->name), lookup->by);
                    if (std::find(onLine.begin(), onLine.end(), key) == onLine.end())
                        onLine.push_back(std::move(key));
                }
            }
        }
        for (auto& key : onLine) {
            if (seen.repeat(key, line.sourceLine, line.sourceLine) || seen.size() >= kMaxLookups)
                continue;
            const auto& [kind, name, by] = key;
            infos.push_back({line.sourceLine, line.sourceLine,
                             "the log says HNS has no " + std::string(kind) + " \"" + name +
                                 "\" (looked up by " + std::string(by) + ") at " +
                                 tables::lineRange(line.sourceLine, line.sourceLine)});
            seen.said(std::move(key), infos.size() - 1, line.sourceLine, line.sourceLine);
        }
    }
    seen.appendCounts(infos);
    if (std::optional<ImportWarning> felix = felixLookupsIn(lines))
        infos.push_back(std::move(*felix));
    for (ImportWarning& network : felixNetworkLookupsIn(lines))
        infos.push_back(std::move(network));
    return infos;
}

} // namespace hcn::io
