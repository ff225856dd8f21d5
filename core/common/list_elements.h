#pragma once
// The elements of HNS's comma-separated lists (ports, protocols: "80, 443").

#include "common/text.h"

#include <algorithm>
#include <string_view>

namespace hcn {

/// Calls `each` with every element of the comma-separated list `text`, blanks around it trimmed; an
/// empty element (",,", a trailing ",") as an empty view.
template <typename Each> void forEachListElement(std::string_view text, Each&& each)
{
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        each(trimBlanks(text.substr(start, comma - start)));
        start = comma + 1;
    }
}

} // namespace hcn
