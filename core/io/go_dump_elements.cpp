// Paths and losses of a Go dump that lists several structs, told from each element.

#include "io/go_dump_elements.h"

#include <charconv>

namespace hcn::io {

std::optional<std::size_t> goListElementOf(std::string_view path, std::string* inside)
{
    if (!path.starts_with('['))
        return std::nullopt;
    std::size_t index = 0;
    const auto [end, ec] = std::from_chars(path.data() + 1, path.data() + path.size(), index);
    const std::size_t close = std::size_t(end - path.data());
    if (ec != std::errc() || close == 1 || close >= path.size() || path[close] != ']')
        return std::nullopt;
    std::string_view rest = path.substr(close + 1);
    if (!rest.empty() && rest.front() != '.' && rest.front() != '[')
        return std::nullopt;
    if (rest.starts_with('.'))
        rest.remove_prefix(1);
    if (inside)
        *inside = std::string(rest);
    return index;
}

std::optional<std::string> goLossOfElement(std::string_view loss, std::size_t index)
{
    const std::size_t colon = loss.find(": ");
    std::string inside;
    const std::optional<std::size_t> element =
        goListElementOf(loss.substr(0, colon == std::string_view::npos ? loss.size() : colon), &inside);
    if (!element)
        return std::string(loss);
    if (*element != index)
        return std::nullopt;
    const std::string_view message =
        colon == std::string_view::npos ? std::string_view() : loss.substr(colon + 2);
    return inside.empty() ? std::string(message) : inside + ": " + std::string(message);
}

} // namespace hcn::io
