// hnsdiag's deletions typed as commands (see hnsdiag_commands.h).

#include "io/hnsdiag_commands.h"

#include "common/text.h"
#include "io/powershell_commands.h"
#include "io/text_scan.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace hcn::io {

namespace {

/// The kinds `hnsdiag delete` names, as it spells them.
struct HnsdiagKind
{
    std::string_view word;
    ResourceKind kind;
    std::string_view object;
};

constexpr HnsdiagKind kHnsdiagKinds[] = {
    {"networks", ResourceKind::Network, "network"},
    {"endpoints", ResourceKind::Endpoint, "endpoint"},
    {"namespaces", ResourceKind::Namespace, "namespace"},
    {"loadbalancers", ResourceKind::LoadBalancer, "load balancer"},
};

/// `word` without the quotes around it (`"hnsdiag.exe"`, `'<id>'`), as PowerShell and cmd read it.
std::string hnsdiagUnquoted(const std::string& word)
{
    const std::vector<std::string> items = valueItems(word);
    return items.size() == 1 ? items.front() : word;
}

/// Whether `word` names the tool: `hnsdiag`, `hnsdiag.exe`, or a path ending in one of them.
bool isHnsdiag(std::string_view word)
{
    if (const std::size_t slash = word.find_last_of("\\/"); slash != std::string_view::npos)
        word.remove_prefix(slash + 1);
    return equalsIgnoreCase(word, "hnsdiag") || equalsIgnoreCase(word, "hnsdiag.exe");
}

} // namespace

bool mayHoldHnsdiagCommand(std::string_view text)
{
    return findIgnoringCase(text, "hnsdiag") != std::string_view::npos;
}

std::optional<HnsdiagDeletion> hnsdiagDeletionIn(std::string_view statement)
{
    statement = withoutPrompt(statement);
    if (statement.starts_with('&')) // PowerShell's call operator: `& hnsdiag.exe ...`
        statement = trimBlanks(statement.substr(1));
    std::vector<std::string> words;
    bool target = false; // the word after `>` is the redirection's target
    for (const std::string& word : commandWords(statement)) {
        if (word.starts_with('#'))
            break; // a comment
        if (target) {
            target = false;
            continue;
        }
        if (isRedirection(word)) {
            target = word.ends_with('>');
            continue;
        }
        words.push_back(hnsdiagUnquoted(word));
    }
    if (words.size() != 4 || !isHnsdiag(words[0]) || !equalsIgnoreCase(words[1], "delete"))
        return std::nullopt;
    for (const HnsdiagKind& k : kHnsdiagKinds)
        if (equalsIgnoreCase(words[2], k.word))
            return HnsdiagDeletion{"hnsdiag delete " + std::string(k.word), k.kind, k.object, words[3]};
    return std::nullopt;
}

bool namesAnIdInItsPlace(std::string_view word)
{
    if (word.empty() || word.size() > 64 || !std::all_of(word.begin(), word.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-' || c == '.';
        }))
        return false;
    for (const std::string_view name : {"id", "guid", "uuid"}) {
        if (word.size() < name.size())
            continue;
        const std::string_view last = word.substr(word.size() - name.size());
        if (!equalsIgnoreCase(last, name))
            continue;
        if (word.size() == name.size())
            return true;
        const char before = word[word.size() - name.size() - 1];
        if (before == '_' || before == '-' || before == '.')
            return true;
        // A camel-case word's last part: a capital after a small letter (`endpointId`, `EndpointID`).
        if (std::islower(static_cast<unsigned char>(before)) != 0 &&
            std::isupper(static_cast<unsigned char>(last.front())) != 0)
            return true;
    }
    return false;
}

} // namespace hcn::io
