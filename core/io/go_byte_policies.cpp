// HNS policies a Go log printed as bytes outside any HNS object (see go_byte_policies.h).

#include "io/go_byte_policies.h"

#include "common/text.h"
#include "hcn/dump_text.h"
#include "hcn/json_limits.h"
#include "io/go_struct_value.h"
#include "io/text_scan.h"
#include "io/text_tables.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <nlohmann/json.hpp>

namespace hcn::io {
namespace {

/// The bytes of one policy are read up to this many.
constexpr std::size_t kMaxPolicyBytes = 64 * 1024;
/// Each info names at most this many types.
constexpr std::size_t kMaxTypesNamed = 8;

/// The `Type` of the policy `bytes` hold as JSON; empty when they hold no JSON object with a `Type`.
std::string policyTypeOf(std::string_view bytes)
{
    const std::string_view t = trimBlanks(bytes);
    if (!t.starts_with('{'))
        return {};
    std::string loss;
    const std::optional<nlohmann::json> value = goJsonBytes(t, kDefaultMaxJsonDepth, loss);
    if (!value || !value->is_object())
        return {};
    const auto type = value->find("Type");
    return type != value->end() && type->is_string() && !type->get_ref<const std::string&>().empty()
               ? type->get<std::string>()
               : std::string();
}

/// The bytes of `%v`'s `[123 34 ...]` at `at` in `text` (a `[`), and where it ends; nullopt when no such
/// array of bytes starts there.
std::optional<std::pair<std::string, std::size_t>> decimalBytesAt(std::string_view text, std::size_t at)
{
    std::string bytes;
    std::size_t p = at + 1;
    while (p < text.size() && bytes.size() < kMaxPolicyBytes) {
        unsigned value = 0;
        const auto [end, error] = std::from_chars(text.data() + p, text.data() + text.size(), value);
        if (error != std::errc() || value > 255)
            return std::nullopt;
        bytes += static_cast<char>(value);
        p = static_cast<std::size_t>(end - text.data());
        if (p < text.size() && text[p] == ']')
            return std::make_pair(std::move(bytes), p + 1);
        if (p >= text.size() || text[p] != ' ')
            return std::nullopt;
        ++p;
    }
    return std::nullopt;
}

} // namespace

void appendHexDumpBytes(std::string_view line, std::string& bytes)
{
    std::size_t i = line.find("  ");
    const std::size_t bar = line.find('|');
    while (i < bar) {
        while (i < bar && line[i] == ' ')
            ++i;
        if (i + 1 >= bar || !std::isxdigit(static_cast<unsigned char>(line[i])))
            break;
        unsigned value = 0;
        std::from_chars(line.data() + i, line.data() + i + 2, value, 16);
        bytes += static_cast<char>(value);
        i += 2;
    }
}

std::optional<ImportWarning> unownedGoBytePoliciesIn(const std::vector<CleanedLine>& lines,
                                                     std::vector<std::pair<int, int>> owned)
{
    owned = tables::joinedRuns(std::move(owned));
    const auto isOwned = [&owned](int line) { return tables::inRuns(owned, line); };
    std::vector<std::string> types;
    std::size_t count = 0;
    std::vector<std::pair<int, int>> at;
    const auto found = [&](const std::string& type, int first, int last) {
        if (type.empty())
            return;
        ++count;
        if (std::find(types.begin(), types.end(), type) == types.end())
            types.push_back(type);
        at.emplace_back(first, last);
    };
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view text = lines[i].text;
        if (isOwned(lines[i].sourceLine))
            continue;
        if (isHexDumpLine(text)) {
            // One json.RawMessage: the hex dump lines that follow each other.
            std::string bytes;
            std::size_t end = i;
            while (end < lines.size() && isHexDumpLine(lines[end].text) && !isOwned(lines[end].sourceLine) &&
                   bytes.size() < kMaxPolicyBytes)
                appendHexDumpBytes(trimBlanks(lines[end++].text), bytes);
            found(policyTypeOf(bytes), lines[i].sourceLine, lines[end - 1].sourceLine);
            i = end - 1;
            continue;
        }
        for (std::size_t open = text.find("[123 34 "); open != std::string_view::npos;
             open = text.find("[123 34 ", open + 1)) {
            if (const auto read = decimalBytesAt(text, open)) {
                found(policyTypeOf(read->first), lines[i].sourceLine, lines[i].sourceLine);
                open = read->second - 1;
            }
        }
    }
    if (count == 0)
        return std::nullopt;
    const std::vector<std::pair<int, int>> runs = tables::joinedRuns(at);
    std::string named;
    for (std::size_t t = 0; t < types.size() && t < kMaxTypesNamed; ++t)
        named += (t == 0 ? "" : ", ") + types[t];
    if (types.size() > kMaxTypesNamed)
        named += ", ...";
    return ImportWarning{runs.front().first, runs.back().second,
                         std::to_string(count) + (count == 1 ? " HNS policy (" : " HNS policies (") + named +
                             ") found as Go byte arrays at " + tables::atLines(at) + "; " +
                             (count == 1 ? "its" : "their") + " owner is not in the dump"};
}

} // namespace hcn::io
