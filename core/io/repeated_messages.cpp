// Repeats of one message said once (see repeated_messages.h).

#include "io/repeated_messages.h"

#include "io/text_tables.h"

namespace hcn::io {

std::string repeatCount(std::vector<std::pair<int, int>> at, std::string_view word)
{
    std::string count = tables::timesAtLines(std::move(at)); // "(3 times, lines 4-6)"
    if (!word.empty() && count.starts_with('('))
        count.insert(1, std::string(word) + " ");
    return count;
}

} // namespace hcn::io
