// Calico felix's failed lookup of its HNS network (see felix_network_lookups.h).

#include "io/felix_network_lookups.h"

#include "common/text.h"
#include "common/utf8.h"
#include "io/repeated_messages.h"
#include "io/text_tables.h"

#include <algorithm>
#include <string>
#include <string_view>

namespace hcn::io {
namespace {

/// A regular expression is kept to this many bytes.
constexpr std::size_t kMaxNetworkPattern = 120;
/// At most this many different expressions are named per source.
constexpr std::size_t kMaxNetworkPatterns = 10;

constexpr std::string_view kNoNetworkMatching = "didn't find any HNS networks matching regular expression ";

} // namespace

/// The expression after felix's words in `text`, up to a closing quote or the line's end.
std::string felixNetworkPatternIn(std::string_view text)
{
    const std::size_t at = text.find(kNoNetworkMatching);
    if (at == std::string_view::npos)
        return {};
    std::string_view rest = text.substr(at + kNoNetworkMatching.size());
    rest = rest.substr(0, std::min(rest.find('"'), rest.size()));
    if (rest.ends_with('\\'))
        rest.remove_suffix(1);
    rest = trimBlanks(rest);
    if (rest.empty() || rest.size() > kMaxNetworkPattern || rest.find(' ') != std::string_view::npos)
        return {};
    return validUtf8(std::string(rest));
}

std::vector<ImportWarning> felixNetworkLookupsIn(const std::vector<CleanedLine>& lines,
                                                 const std::vector<int>& leftOut)
{
    std::vector<ImportWarning> infos;
    RepeatedMessages<std::string> seen;
    for (const CleanedLine& line : lines) {
        std::string pattern = felixNetworkPatternIn(line.text);
        if (pattern.empty() || std::binary_search(leftOut.begin(), leftOut.end(), line.sourceLine) ||
            seen.repeat(pattern, line.sourceLine, line.sourceLine) || seen.size() >= kMaxNetworkPatterns)
            continue;
        infos.push_back({line.sourceLine, line.sourceLine,
                         "the log says HNS has no network matching \"" + pattern +
                             "\" (Calico felix's lookup by regular expression) at " +
                             tables::lineRange(line.sourceLine, line.sourceLine)});
        seen.said(std::move(pattern), infos.size() - 1, line.sourceLine, line.sourceLine);
    }
    seen.appendCounts(infos);
    return infos;
}

} // namespace hcn::io
