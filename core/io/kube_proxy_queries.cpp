// What kube-proxy's Windows proxier logs of its queries to HNS (see kube_proxy_queries.h).

#include "io/kube_proxy_queries.h"

#include "common/capped_list.h"
#include "io/logged_words.h"
#include "io/text_tables.h"

#include <algorithm>
#include <charconv>
#include <optional>

namespace hcn::io {

namespace {

/// At most this many counts are listed, then "...".
constexpr std::size_t kMaxQueryCountsListed = 12;
/// The details of a query (`"Queried endpoints details"`) are logged right after it: at most this many
/// lines after, they belong to it.
constexpr int kMaxLinesToQueryDetails = 2;

/// One network kube-proxy queried for its endpoints, in the order the log first names it.
struct EndpointQueries
{
    std::string network;
    int times = 0;
    int lastLine = 0;              ///< of the last query
    bool lastCounted = false;      ///< the last query logged its count
    std::vector<long long> counts; ///< the endpoints each query logged, in order
};

std::optional<long long> queriedCount(std::string_view value)
{
    long long count = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), count);
    if (error != std::errc() || end != value.data() + value.size() || count < 0)
        return std::nullopt;
    return count;
}

/// How many endpoints `"Queried endpoints details"` lists in its `endpointInfos={...}` map: kube-proxy
/// keys each endpoint by its ID and by each address, so the keys that are IDs, else all keys; nullopt
/// when the map does not close on the line (a cut line lists some of them).
std::optional<long long> endpointsListed(std::string_view text)
{
    const std::size_t open = text.find('{', text.find("endpointInfos"));
    if (open == std::string_view::npos)
        return std::nullopt;
    long long keys = 0;
    long long ids = 0;
    int depth = 0;
    for (std::size_t i = open; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '{') {
            ++depth;
        } else if (c == '}') {
            if (--depth == 0)
                return ids > 0 ? ids : keys;
        } else if (c == '"' && depth == 1) {
            std::size_t close = text.find('"', i + 1);
            while (close != std::string_view::npos && close == i + 1) // `""` around a key exported as CSV
                close = text.find('"', ++i + 1);
            if (close == std::string_view::npos)
                return std::nullopt;
            const std::string_view key = text.substr(i + 1, close - i - 1);
            std::size_t after = close + 1;
            while (after < text.size() && text[after] == '"')
                ++after;
            if (after < text.size() && text[after] == ':') {
                ++keys;
                ids += tables::isGuid(key) ? 1 : 0;
            }
            i = after - 1;
        }
    }
    return std::nullopt;
}

/// "7 load balancers", "7 load balancers (queried 3 times)", "load balancers 4 times (7, 7, 9, 12)".
std::string loadBalancersQueried(const std::vector<long long>& counts)
{
    if (counts.size() == 1)
        return std::to_string(counts.front()) + " load balancers";
    if (std::all_of(counts.begin(), counts.end(), [&](long long c) { return c == counts.front(); }))
        return std::to_string(counts.front()) + " load balancers (queried " + std::to_string(counts.size()) +
               " times)";
    std::vector<std::string> listed;
    for (const long long c : counts)
        listed.push_back(std::to_string(c));
    return "load balancers " + std::to_string(counts.size()) + " times (" +
           cappedList(listed, kMaxQueryCountsListed, ", ", ", ") + ")";
}

/// "network cbr0 for its endpoints", with how often and the counts logged: "(2 times, 18 endpoints)",
/// "(3 times, endpoints 18, 18, 20)".
std::string endpointsQueried(const EndpointQueries& q)
{
    std::vector<std::string> details;
    if (q.times > 1)
        details.push_back(std::to_string(q.times) + " times");
    if (!q.counts.empty()) {
        if (std::all_of(q.counts.begin(), q.counts.end(),
                        [&](long long c) { return c == q.counts.front(); })) {
            details.push_back(std::to_string(q.counts.front()) + " endpoints");
        } else {
            std::vector<std::string> listed;
            for (const long long c : q.counts)
                listed.push_back(std::to_string(c));
            details.push_back("endpoints " + cappedList(listed, kMaxQueryCountsListed, ", ", ", "));
        }
    }
    std::string said = "network " + q.network + " for its endpoints";
    if (!details.empty())
        said += " (" + joinedList(details, ", ") + ")";
    return said;
}

std::string timesSaid(int times)
{
    return times == 1 ? "once" : std::to_string(times) + " times";
}

} // namespace

std::string_view structuredLogField(std::string_view text, std::string_view key)
{
    for (std::size_t at = text.find(key); at != std::string_view::npos; at = text.find(key, at + 1)) {
        if (at > 0 && logged::isLoggedWordChar(text[at - 1]))
            continue;
        std::size_t p = at + key.size();
        if (p < text.size() && text[p] == '=')
            ++p;
        else if (at > 0 && text[at - 1] == '"' && text.substr(p).starts_with("\":"))
            p += 2;
        else
            continue;
        while (p < text.size() && text[p] == ' ')
            ++p; // JSON written with a blank after the colon (`"count": 7`)
        std::string_view value = text.substr(p);
        // Quoted as the line is: `"..."`, escaped in another record `\"...\"`, doubled in a CSV field.
        for (const std::string_view quote : {"\\\"", "\"\"", "\""}) {
            if (!value.starts_with(quote) || (quote == "\"\"" && value.size() == 2))
                continue;
            const std::size_t close = value.find(quote, quote.size());
            if (close != std::string_view::npos)
                return value.substr(quote.size(), close - quote.size());
        }
        return value.substr(0, std::min(value.find_first_of(" ,}\""), value.size()));
    }
    return {};
}

std::vector<ImportWarning> kubeProxyQueriesIn(const std::vector<CleanedLine>& lines)
{
    std::vector<long long> loadBalancers;
    std::vector<EndpointQueries> networks;
    int syncs = 0;
    std::vector<std::pair<int, int>> at;
    for (const CleanedLine& line : lines) {
        const std::string_view text = line.text;
        const std::size_t queried = text.find("Queried ");
        const bool sync =
            queried == std::string_view::npos && text.find("Syncing Policies") != std::string_view::npos;
        if (queried == std::string_view::npos && !sync)
            continue; // the test of most lines
        const std::string_view what = text.substr(queried == std::string_view::npos ? 0 : queried);
        if (sync) {
            ++syncs;
        } else if (what.starts_with("Queried load balancers")) {
            const std::optional<long long> count = queriedCount(structuredLogField(text, "count"));
            if (!count)
                continue;
            loadBalancers.push_back(*count);
        } else if (what.starts_with("Queried endpoints from network") ||
                   what.starts_with("Queried endpoints details")) {
            const std::string_view network = structuredLogField(text, "network");
            if (network.empty())
                continue;
            auto it = std::find_if(networks.begin(), networks.end(),
                                   [&](const EndpointQueries& q) { return q.network == network; });
            if (it == networks.end()) {
                EndpointQueries q;
                q.network = std::string(network);
                it = networks.insert(networks.end(), std::move(q));
            }
            const bool details = what.starts_with("Queried endpoints details");
            // The details of the query logged right before are that query's.
            const bool sameQuery =
                details && it->times > 0 && line.sourceLine - it->lastLine <= kMaxLinesToQueryDetails;
            if (!sameQuery) {
                ++it->times;
                it->lastCounted = false;
            }
            it->lastLine = line.sourceLine;
            std::optional<long long> count = queriedCount(structuredLogField(text, "count"));
            if (!count && details)
                count = endpointsListed(text);
            if (count && !it->lastCounted) {
                it->counts.push_back(*count);
                it->lastCounted = true;
            }
        } else {
            continue;
        }
        at.emplace_back(line.sourceLine, line.sourceLine);
    }
    if (at.empty())
        return {};
    std::vector<std::string> parts;
    for (const EndpointQueries& q : networks)
        parts.push_back(endpointsQueried(q));
    if (!loadBalancers.empty())
        parts.push_back(loadBalancersQueried(loadBalancers));
    std::string said;
    if (parts.empty()) {
        said = "kube-proxy synced its HNS policies " + timesSaid(syncs);
    } else {
        said = "kube-proxy queried HNS " + listedInWords(parts);
        if (syncs > 0)
            said += ", and synced its policies " + timesSaid(syncs);
    }
    const int first = at.front().first;
    const int last = at.back().second;
    said += " (" + tables::atLines(std::move(at)) + ")";
    return {ImportWarning{first, last, said}};
}

} // namespace hcn::io
