#pragma once
// A list named in a message with at most so many of its items: "a, b, c, and 4 more".

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hcn {

/// The first `cap` of `items` joined with `separator`; when there are more, `moreLead` and "and N more"
/// after them ("a; b; and 3 more" with "; " for both, "a, b and 3 more" with ", " and " ").
inline std::string cappedList(const std::vector<std::string>& items, std::size_t cap,
                              std::string_view separator, std::string_view moreLead)
{
    std::string text;
    for (std::size_t i = 0; i < items.size() && i < cap; ++i) {
        if (i > 0)
            text += separator;
        text += items[i];
    }
    if (items.size() > cap) {
        text += moreLead;
        text += "and " + std::to_string(items.size() - cap) + " more";
    }
    return text;
}

/// All of `items` joined with `separator`.
inline std::string joinedList(const std::vector<std::string>& items, std::string_view separator)
{
    return cappedList(items, items.size(), separator, {});
}

/// `items` in words: "a", "a and b", "a, b and c".
inline std::string listedInWords(const std::vector<std::string>& items)
{
    std::string text;
    for (std::size_t i = 0; i < items.size(); ++i)
        text += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
    return text;
}

} // namespace hcn
