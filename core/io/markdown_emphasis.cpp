// Markdown's emphasis around a value or a sentence (markdown_emphasis.h).

#include "markdown_emphasis.h"

#include <array>

namespace hcn::io {

bool isEmphasisMarker(char c)
{
    return c == '*' || c == '_' || c == '~';
}

std::string_view withoutEmphasis(std::string_view text)
{
    static constexpr std::array<std::string_view, 6> kMarkers{"**", "__", "~~", "*", "_", "`"};
    constexpr int kMaxNesting = 3;
    for (int depth = 0; depth < kMaxNesting; ++depth) {
        bool unwrapped = false;
        for (std::string_view marker : kMarkers) {
            if (text.size() <= 2 * marker.size() || !text.starts_with(marker) || !text.ends_with(marker))
                continue;
            const std::string_view inside = text.substr(marker.size(), text.size() - 2 * marker.size());
            if (inside.front() == ' ' || inside.back() == ' ' || inside.front() == '\t' ||
                inside.back() == '\t')
                continue;
            text = inside;
            unwrapped = true;
            break;
        }
        if (!unwrapped)
            break;
    }
    return text;
}

} // namespace hcn::io
