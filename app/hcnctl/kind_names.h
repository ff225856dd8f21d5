#pragma once
// hcnctl spells object kinds exactly as the core does (hcn/resource_kind.h); these are the names its
// command and method code reads them by.

#include "hcn/resource_kind.h"

#include <string_view>

namespace hcn::ctl {

/// Every kind hcnctl can list, in the order `list all` prints them.
inline constexpr const auto& kAllKinds = kResourceKinds;

inline ResourceKind parseKindWord(std::string_view word)
{
    return resourceKindFromWord(word);
}
inline std::string_view kindLabel(ResourceKind kind)
{
    return resourceKindLabel(kind);
}
inline std::string_view kindPlural(ResourceKind kind)
{
    return resourceKindPlural(kind);
}
inline std::string_view kindWordsHelp()
{
    return resourceKindWords();
}

} // namespace hcn::ctl
