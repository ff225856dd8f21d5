// Fatal log lines and the program that logged them (see fatal_log_lines.h).

#include "io/fatal_log_lines.h"

#include "common/text.h"
#include "io/log_levels.h"
#include "io/logged_words.h"
#include "io/text_scan.h"
#include "io/text_tables.h"
#include "io/wrapped_lines.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <utility>

namespace hcn::io {
namespace {

/// Programs of a node that log HNS's failures, as they are named in logs and in the names of their log
/// files.
constexpr std::array<std::string_view, 14> kPrograms{
    "antrea-agent", "antrea-controller", "kube-proxy", "kubelet",   "flanneld",   "containerd",  "dockerd",
    "calico-node",  "calico-felix",      "azure-vnet", "azure-cns", "win-bridge", "win-overlay", "csi-proxy"};

/// A source is searched for the program an agent's start-up failure names in this many lines.
constexpr std::size_t kMaxLinesSearchedForProgram = 2000;

bool isNameChar(char c)
{
    return logged::isLoggedWordChar(c) || c == '-';
}

/// The first of kPrograms `lower` names, no letter or digit next to it (`antrea-agent`, also in a pod's
/// name `antrea-agent-windows-7xk2p` or a file's `flanneld-node3.log`); with `suffix`, only one ending in
/// it (`-agent`).
std::string_view programNamedIn(std::string_view lower, std::string_view suffix = {})
{
    std::optional<std::pair<std::size_t, std::string_view>> first;
    for (const std::string_view program : kPrograms) {
        if (!program.ends_with(suffix))
            continue;
        for (std::size_t at = lower.find(program); at != std::string_view::npos;
             at = lower.find(program, at + 1)) {
            const std::size_t end = at + program.size();
            if ((at > 0 && std::isalnum(static_cast<unsigned char>(lower[at - 1]))) ||
                (end < lower.size() && std::isalnum(static_cast<unsigned char>(lower[end]))))
                continue;
            if (!first || at < first->first)
                first = std::pair{at, program};
            break;
        }
    }
    return first ? first->second : std::string_view();
}

/// The word a start-up failure names (`Error running agent`, `Error starting daemon`, `failed to run
/// Kubelet`), lower case; empty when the line says none.
std::string_view startupWordIn(std::string_view lower)
{
    for (const std::string_view lead :
         {"error running ", "error starting ", "failed to run ", "failed to start "}) {
        const std::size_t at = lower.find(lead);
        if (at == std::string_view::npos || (at > 0 && logged::isLoggedWordChar(lower[at - 1])))
            continue;
        const std::size_t start = at + lead.size();
        std::size_t end = start;
        while (end < lower.size() && isNameChar(lower[end]))
            ++end;
        if (end > start)
            return lower.substr(start, end - start);
    }
    return {};
}

} // namespace

std::string_view programOfKlogFile(std::string_view text)
{
    if (klogLevel(text) == 0)
        return {};
    const std::size_t bracket = text.find("] ");
    if (bracket == std::string_view::npos)
        return {};
    std::size_t start = text.rfind(' ', bracket);
    start = start == std::string_view::npos ? 0 : start + 1;
    std::string_view file = text.substr(start, bracket - start);
    file = file.substr(0, file.find(':'));
    static constexpr std::pair<std::string_view, std::string_view> kFiles[] = {
        {"proxier.go", "kube-proxy"},
        {"server_windows.go", "kube-proxy"},
        {"server_others.go", "kube-proxy"},
        {"hnsV1.go", "kube-proxy"},
        {"hnsV2.go", "kube-proxy"},
        {"kubelet.go", "kubelet"},
        {"kubelet_network.go", "kubelet"},
        {"pod_workers.go", "kubelet"},
        {"kuberuntime_manager.go", "kubelet"},
    };
    for (const auto& [name, program] : kFiles)
        if (file == name)
            return program;
    return {};
}

bool isFatalLogLine(std::string_view line)
{
    return levelOfLine(line) == LogLevel::Fatal;
}

std::string programOfFatalLine(const std::vector<CleanedLine>& lines, std::size_t at, std::string_view source)
{
    const std::string_view text = lines[at].text;
    if (const std::string_view program = programOfKlogFile(text); !program.empty())
        return std::string(program);
    const std::string lower = lowerCopy(text);
    const std::string lowerSource = lowerCopy(source);
    if (const std::string_view word = startupWordIn(lower); !word.empty()) {
        if (word == "daemon")
            return "dockerd"; // dockerd's `Error starting daemon: ...`
        if (const std::string_view named = programNamedIn(word); !named.empty())
            return std::string(named);
        // `Error running agent`: the agent the source names (its file, its text).
        const std::string suffix = "-" + std::string(word);
        if (const std::string_view named = programNamedIn(lowerSource, suffix); !named.empty())
            return std::string(named);
        const std::size_t last = std::min(lines.size(), kMaxLinesSearchedForProgram);
        for (std::size_t l = 0; l < last; ++l)
            if (holdsIgnoringCase(lines[l].text, suffix))
                if (const std::string_view named = programNamedIn(lowerCopy(lines[l].text), suffix);
                    !named.empty())
                    return std::string(named);
    }
    if (const std::string_view named = programNamedIn(lowerSource); !named.empty())
        return std::string(named);
    return std::string(programNamedIn(lower));
}

std::string programExitedText(const std::string& program, int line)
{
    return (program.empty() ? "the program that logs " + tables::lineRange(line, line) + " exited there"
                            : program + " exited at " + tables::lineRange(line, line)) +
           " (a fatal log line)";
}

} // namespace hcn::io
