#include "hcn/json_limits.h"

namespace hcn {

bool withinJsonDepth(std::string_view text, int maxDepth)
{
    int depth = 0;
    for (std::size_t pos = 0; pos < text.size(); ++pos) {
        const char c = text[pos];
        if (c == '"') {
            // Skip the string, escapes included; an unterminated one is the parser's to report.
            for (++pos; pos < text.size() && text[pos] != '"'; ++pos) {
                if (text[pos] == '\\')
                    ++pos;
            }
        } else if (c == '{' || c == '[') {
            if (++depth > maxDepth)
                return false;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return true;
}

} // namespace hcn
