// Container IDs as logs name them (see container_ids.h).

#include "io/container_ids.h"

#include "common/text.h"
#include "io/logged_words.h"
#include "io/text_scan.h"

#include <algorithm>
#include <cctype>

namespace hcn::io {
namespace {

bool isContainerIdDigit(char c)
{
    return std::isxdigit(static_cast<unsigned char>(c)) != 0;
}

} // namespace

std::string containerIdAt(std::string_view text, std::size_t at)
{
    while (at < text.size() &&
           (isBlank(text[at]) || text[at] == '"' || text[at] == '\\' || text[at] == ':' || text[at] == '='))
        ++at;
    std::size_t end = at;
    while (end < text.size() && end - at <= kMaxContainerId && isContainerIdDigit(text[end]))
        ++end;
    if (end - at < kShortContainerId || end - at > kMaxContainerId ||
        (end < text.size() && logged::isLoggedWordChar(text[end])))
        return {};
    return lowerCopy(text.substr(at, end - at));
}

std::string containerIdAfter(std::string_view text, std::string_view key)
{
    for (std::size_t at = findIgnoringCase(text, key); at != std::string_view::npos;
         at = findIgnoringCase(text, key, at + 1))
        if (std::string id = containerIdAt(text, at + key.size()); !id.empty())
            return id;
    return {};
}

std::string_view shortContainerId(std::string_view id)
{
    if (id.size() <= kShortContainerId || !std::all_of(id.begin(), id.end(), isContainerIdDigit))
        return id;
    return id.substr(0, kShortContainerId);
}

} // namespace hcn::io
