// HNS policies a Go log printed as bytes outside any HNS object (see go_byte_policies.h).

#include "io/go_byte_policies.h"

#include "common/text.h"
#include "hcn/dump_text.h"
#include "hcn/json_limits.h"
#include "io/go_dump_continuation.h"
#include "io/go_struct_value.h"
#include "io/text_scan.h"
#include "io/text_tables.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <nlohmann/json.hpp>
#include <tuple>

namespace hcn::io {
namespace {

/// The bytes of one policy are read up to this many.
constexpr std::size_t kMaxPolicyBytes = 64 * 1024;
/// Bytes a line end cut are joined with the lines after them up to this many bytes.
constexpr std::size_t kMaxJoinedBytes = 1 << 20;
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

/// `%v`'s `[123 34 ...]` read at a `[`.
struct DecimalBytes
{
    std::string bytes;
    std::size_t end = 0; ///< just after the closing `]`
    bool cut = false;    ///< the text ended inside the array (`bytes` holds what it shows)
};

/// The bytes of `%v`'s `[123 34 ...]` at `at` in `text` (a `[`), and where it ends; nullopt when no such
/// array of bytes starts there. An array the text ends inside is `cut`.
std::optional<DecimalBytes> decimalBytesAt(std::string_view text, std::size_t at)
{
    DecimalBytes read;
    std::size_t p = at + 1;
    while (p < text.size() && read.bytes.size() < kMaxPolicyBytes) {
        unsigned value = 0;
        const auto [end, error] = std::from_chars(text.data() + p, text.data() + text.size(), value);
        if (error != std::errc() || value > 255)
            return std::nullopt;
        read.bytes += static_cast<char>(value);
        p = static_cast<std::size_t>(end - text.data());
        if (p < text.size() && text[p] == ']') {
            read.end = p + 1;
            return read;
        }
        if (p < text.size() && text[p] != ' ')
            return std::nullopt;
        ++p;
    }
    if (p < text.size())
        return std::nullopt; // longer than a policy is read
    read.cut = true;
    read.end = text.size();
    return read;
}

/// The type of hcn's (v2) policy `{Type:ACL Settings:[123 34 ...]}` whose bytes open at text[open]: the
/// v2 API keeps the type outside the settings, which `%+v` prints as bytes. Empty when no such struct
/// holds the bytes.
std::string v2PolicyTypeBefore(std::string_view text, std::size_t open)
{
    constexpr std::string_view kSettings = " Settings:";
    constexpr std::string_view kType = "{Type:";
    if (open < kSettings.size() || text.substr(open - kSettings.size(), kSettings.size()) != kSettings)
        return {};
    const std::size_t end = open - kSettings.size();
    std::size_t begin = end;
    while (begin > 0 && end - begin < 64 && goIdentChar(text[begin - 1]))
        --begin;
    if (begin == end || begin < kType.size() || text.substr(begin - kType.size(), kType.size()) != kType)
        return {};
    return std::string(text.substr(begin, end - begin));
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

UnownedGoBytePolicies unownedGoBytePoliciesIn(const std::vector<CleanedLine>& lines,
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
    // v2 policies the text ends inside the bytes of: their types and lines.
    std::vector<std::string> cutTypes;
    std::vector<std::pair<int, int>> cutAt;
    const auto cut = [&](const std::string& type, int first, int last) {
        if (type.empty())
            return;
        if (std::find(cutTypes.begin(), cutTypes.end(), type) == cutTypes.end())
            cutTypes.push_back(type);
        cutAt.emplace_back(first, last);
    };
    // Bytes a line end cut are read again with the lines that continue them (a console's or an editor's
    // wrap), all of it within this many bytes: a text full of cut arrays stays linear.
    std::size_t joinBudget = kMaxJoinedBytes;
    for (const CleanedLine& line : lines)
        joinBudget += 2 * (line.text.size() + 1);
    std::size_t column = 0; // where the search of line i begins: after bytes that ended on it
    for (std::size_t i = 0; i < lines.size();) {
        const std::string_view text = lines[i].text;
        if (isOwned(lines[i].sourceLine)) {
            ++i;
            column = 0;
            continue;
        }
        if (column == 0 && isHexDumpLine(text)) {
            // One json.RawMessage: the hex dump lines that follow each other.
            std::string bytes;
            std::size_t end = i;
            while (end < lines.size() && isHexDumpLine(lines[end].text) && !isOwned(lines[end].sourceLine) &&
                   bytes.size() < kMaxPolicyBytes)
                appendHexDumpBytes(trimBlanks(lines[end++].text), bytes);
            found(policyTypeOf(bytes), lines[i].sourceLine, lines[end - 1].sourceLine);
            i = end;
            continue;
        }
        std::optional<std::pair<std::size_t, std::size_t>> resume; // line and column after joined bytes
        for (std::size_t open = text.find("[123 34 ", column); open != std::string_view::npos && !resume;
             open = text.find("[123 34 ", open + 1)) {
            std::optional<DecimalBytes> read = decimalBytesAt(text, open);
            if (!read)
                continue;
            const std::string type = v2PolicyTypeBefore(text, open);
            if (!read->cut) {
                const std::string inside = policyTypeOf(read->bytes);
                found(inside.empty() ? type : inside, lines[i].sourceLine, lines[i].sourceLine);
                open = read->end - 1;
                continue;
            }
            if (i + 1 >= lines.size() || joinBudget == 0) {
                cut(type, lines[i].sourceLine, lines[i].sourceLine);
                break;
            }
            const GoDumpContinuation joined =
                continueGoDump(lines, i, 0, std::min(kMaxJoinedBytes, joinBudget));
            joinBudget -= std::min(joinBudget, joined.text.size());
            read = decimalBytesAt(joined.text, open);
            if (!read)
                break;
            if (read->cut) {
                // Cut for good: the text (or the lines that continue it) ends inside the bytes.
                cut(type, lines[i].sourceLine, lines[joined.pieces.back().line].sourceLine);
                break;
            }
            // The lines the bytes go on over are theirs: no object read owns them (an object whose dump
            // starts after the bytes end on their last line is read on from there).
            const GoDumpContinuation::Piece& last = joined.pieceAt(read->end - 1);
            const std::string inside = policyTypeOf(read->bytes);
            found(inside.empty() ? type : inside, lines[i].sourceLine, lines[last.line].sourceLine);
            resume = {last.line, last.column + (read->end - last.offset)};
        }
        if (resume && resume->first > i) {
            std::tie(i, column) = *resume;
        } else {
            ++i;
            column = 0;
        }
    }
    UnownedGoBytePolicies said;
    const auto typesNamed = [](const std::vector<std::string>& names) {
        std::string named;
        for (std::size_t t = 0; t < names.size() && t < kMaxTypesNamed; ++t)
            named += (t == 0 ? "" : ", ") + names[t];
        if (names.size() > kMaxTypesNamed)
            named += ", ...";
        return named;
    };
    if (count > 0) {
        const std::vector<std::pair<int, int>> runs = tables::joinedRuns(at);
        said.found =
            ImportWarning{runs.front().first, runs.back().second,
                          std::to_string(count) + (count == 1 ? " HNS policy (" : " HNS policies (") +
                              typesNamed(types) + ") found as Go byte arrays at " + tables::atLines(at) +
                              "; " + (count == 1 ? "its" : "their") + " owner is not in the dump"};
    }
    if (!cutAt.empty()) {
        const std::vector<std::pair<int, int>> runs = tables::joinedRuns(cutAt);
        const bool one = cutAt.size() == 1;
        said.cut = ImportWarning{
            runs.front().first, runs.back().second,
            (one ? std::string("an HNS policy (") : std::to_string(cutAt.size()) + " HNS policies (") +
                typesNamed(cutTypes) + ") printed as Go bytes " + (one ? "is" : "are") + " cut off inside " +
                (one ? "its" : "their") + " bytes at " + tables::atLines(cutAt) +
                " (the line ends there); not imported"};
    }
    return said;
}

} // namespace hcn::io
