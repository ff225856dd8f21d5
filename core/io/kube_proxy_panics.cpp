// kube-proxy's Windows proxier panicking (see kube_proxy_panics.h).

#include "io/kube_proxy_panics.h"

#include "common/text.h"
#include "common/utf8.h"
#include "io/kube_proxy_queries.h"
#include "io/text_scan.h"
#include "io/text_tables.h"

#include <map>
#include <string>
#include <string_view>

namespace hcn::io {

namespace {

/// The package path every frame of kube-proxy's Windows proxier names.
constexpr std::string_view kWinkernel = "pkg/proxy/winkernel";
/// The panic's message is looked for this many lines before its trace (klog's `panic="..."`,
/// `panicGoValue=...` and `stacktrace=<` stand between them).
constexpr std::size_t kMaxLinesBeforeTrace = 12;
/// A panic's message is kept to this many bytes; at most this many panics are said per source.
constexpr std::size_t kMaxPanicMessage = 200;
constexpr std::size_t kMaxPanicsSaid = 10;

/// A function line of a trace (`k8s.io/kubernetes/pkg/proxy/winkernel.hns.getAllLoadBalancers(...)`,
/// `created by k8s.io/...`).
bool isFunctionLine(std::string_view t)
{
    if (t.starts_with("created by "))
        return true;
    const std::size_t open = t.find('(');
    return open != std::string_view::npos && t.ends_with(')') &&
           t.substr(0, open).find(' ') == std::string_view::npos &&
           t.substr(0, open).find('.') != std::string_view::npos;
}

/// A line of a Go stack trace as a panic prints it, or as klog's structured `stacktrace=<` block holds it.
bool isTraceLine(std::string_view text)
{
    const std::string_view t = trimBlanks(text);
    if (t.empty())
        return false;
    return t == ">" || t.ends_with("stacktrace=<") ||
           (t.starts_with("goroutine ") && t.find(" [") != std::string_view::npos) ||
           t.starts_with("...additional frames elided") || isGoFrameFileLine(t) || isFunctionLine(t);
}

/// `hns.go:352` of a file line.
std::string fileAndLine(std::string_view t)
{
    const std::size_t go = t.rfind(".go:");
    const std::size_t end = go + 4 + digitRun(t, go + 4);
    const std::size_t slash = t.substr(0, go).rfind('/');
    const std::size_t from = slash == std::string_view::npos ? 0 : slash + 1;
    return std::string(t.substr(from, end - from));
}

/// `hns.getAllLoadBalancers`, `(*Proxier).syncProxyRules` of a winkernel function line.
std::string functionName(std::string_view t)
{
    std::string_view name = t.substr(t.find(kWinkernel) + kWinkernel.size());
    if (name.starts_with('.'))
        name.remove_prefix(1);
    if (const std::size_t open = name.rfind('(');
        open != std::string_view::npos && open > 0 && name.ends_with(')'))
        name = name.substr(0, open);
    return std::string(name);
}

/// The message of the panic a trace starting at `start` belongs to, from the lines before it: Go's
/// `panic: ...` (`[recovered]` left out) or klog's `panic="..."`; `at` gets its line's index.
std::string panicMessageBefore(const std::vector<CleanedLine>& lines, std::size_t start, std::size_t& at)
{
    for (std::size_t b = start; b-- > 0 && start - b <= kMaxLinesBeforeTrace;) {
        const std::string_view t = trimBlanks(lines[b].text);
        std::string_view message;
        if (const std::size_t p = t.find("panic: ");
            p != std::string_view::npos && (p == 0 || t[p - 1] == ' '))
            message = t.substr(p + 7);
        else if (t.find("panic=") != std::string_view::npos)
            message = structuredLogField(t, "panic");
        if (message.empty())
            continue;
        if (message.ends_with(" [recovered]"))
            message.remove_suffix(12);
        at = b;
        return validUtf8(std::string(utf8Prefix(trimBlanks(message), kMaxPanicMessage)));
    }
    return {};
}

} // namespace

std::vector<ImportWarning> kubeProxyPanicsIn(const std::vector<CleanedLine>& lines,
                                             std::vector<std::pair<int, int>>& said)
{
    struct Panic
    {
        std::string text;
        std::vector<std::pair<int, int>> at;
    };
    std::map<std::string, Panic> panics; // by what is said of it
    std::vector<std::string> order;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].text.find(kWinkernel) == std::string::npos || !isTraceLine(lines[i].text))
            continue;
        std::size_t start = i;
        while (start > 0 && isTraceLine(lines[start - 1].text))
            --start;
        std::size_t end = i;
        while (end + 1 < lines.size() && isTraceLine(lines[end + 1].text))
            ++end;
        // The innermost frame of the proxier: its function, and its source line where the trace shows it.
        const std::string_view first = trimBlanks(lines[i].text);
        std::string function;
        std::string file;
        if (isGoFrameFileLine(first)) {
            file = fileAndLine(first);
        } else {
            function = functionName(first);
            if (i + 1 <= end && isGoFrameFileLine(trimBlanks(lines[i + 1].text)))
                file = fileAndLine(trimBlanks(lines[i + 1].text));
        }
        std::size_t messageAt = start;
        const std::string message = panicMessageBefore(lines, start, messageAt);
        const bool hnsCalls = function.starts_with("hns") || function.find("(hns") != std::string::npos ||
                              function.find("(*hns") != std::string::npos || file.starts_with("hns.go:") ||
                              file.starts_with("hnsV2.go:");
        std::string where = function.empty() ? file : file.empty() ? function : function + ", " + file;
        std::string text =
            std::string("kube-proxy panicked in its ") + (hnsCalls ? "HNS calls" : "Windows proxier") +
            " (winkernel " + where +
            "): " + (message.empty() ? std::string("the panic's message is not in the paste") : message) +
            "; it exits, and no service on the node is programmed until it is back";
        const int from = lines[std::min(messageAt, start)].sourceLine;
        const int to = lines[end].sourceLine;
        auto [it, added] = panics.try_emplace(text);
        if (added) {
            it->second.text = text;
            order.push_back(text);
        }
        it->second.at.emplace_back(from, to);
        said.emplace_back(from, to);
        i = end;
    }
    std::vector<ImportWarning> out;
    for (const std::string& key : order) {
        if (out.size() == kMaxPanicsSaid)
            break;
        const Panic& p = panics[key];
        std::string text = p.text;
        if (p.at.size() > 1)
            text += " " + tables::timesAtLines(p.at);
        out.push_back({p.at.front().first, p.at.front().second, std::move(text)});
    }
    return out;
}

} // namespace hcn::io
