// Log lines exported as one CSV column (see csv_log_lines.h).

#include "io/csv_log_lines.h"

#include "common/text.h"
#include "io/wrapped_lines.h"

namespace hcn::io {

namespace {

/// Lines exported so are read as such when at least this many are: one quoted line may be a quotation.
constexpr std::size_t kMinCsvLogLines = 2;

} // namespace

std::optional<std::string> csvFieldText(std::string_view line)
{
    const std::string_view t = trimBlanks(line);
    if (t.size() < 3 || t.front() != '"' || t.back() != '"')
        return std::nullopt;
    std::string text;
    text.reserve(t.size());
    const std::size_t end = t.size() - 1; // the closing quote
    for (std::size_t i = 1; i < end; ++i) {
        if (t[i] == '"') {
            if (i + 1 >= end || t[i + 1] != '"')
                return std::nullopt; // a quote not doubled: no single field
            ++i;
        }
        text += t[i];
    }
    return text;
}

std::size_t unquoteCsvLogLines(std::vector<CleanedLine>& lines)
{
    std::vector<std::size_t> quoted;
    std::vector<std::string> texts;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view line = lines[i].text;
        if (line.empty() || line.front() != '"' || line.back() != '"')
            continue; // the test of most lines
        std::optional<std::string> text = csvFieldText(line);
        if (!text || !opensLogRecord(*text))
            continue;
        quoted.push_back(i);
        texts.push_back(std::move(*text));
    }
    if (quoted.size() < kMinCsvLogLines)
        return 0;
    for (std::size_t n = 0; n < quoted.size(); ++n) {
        CleanedLine& line = lines[quoted[n]];
        line.text = std::move(texts[n]);
        line.joinedAt.clear(); // the text no longer stands where the lines put it
    }
    return quoted.size();
}

} // namespace hcn::io
