// Character references (`&amp;`, `&#39;`, `&#x2F;`) decoded for the HTML and CLIXML readers.

#include "io/character_references.h"

#include "common/utf8.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace hcn::io {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

/// The named character references that text in tickets and mail uses.
constexpr std::array<std::pair<std::string_view, char32_t>, 18> kEntities = {{
    {"amp", U'&'},
    {"lt", U'<'},
    {"gt", U'>'},
    {"quot", U'"'},
    {"apos", U'\''},
    {"nbsp", 0x00A0},
    {"hellip", 0x2026},
    {"ldquo", 0x201C},
    {"rdquo", 0x201D},
    {"bdquo", 0x201E},
    {"lsquo", 0x2018},
    {"rsquo", 0x2019},
    {"ndash", 0x2013},
    {"mdash", 0x2014},
    {"laquo", 0x00AB},
    {"raquo", 0x00BB},
    {"shy", 0x00AD},
    {"tab", U'\t'},
}};

} // namespace

std::optional<char32_t> characterReference(std::string_view name)
{
    if (!name.starts_with('#')) {
        const auto* found =
            std::find_if(kEntities.begin(), kEntities.end(), [&](const auto& e) { return e.first == name; });
        return found == kEntities.end() ? std::nullopt : std::optional<char32_t>(found->second);
    }
    if (name.size() == 1)
        return std::nullopt;
    const bool hex = name[1] == 'x' || name[1] == 'X';
    const std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty())
        return kReplacement;
    char32_t code = 0;
    for (const char d : digits) {
        const auto u = static_cast<unsigned char>(d);
        const int value = std::isdigit(u)           ? d - '0'
                          : hex && std::isxdigit(u) ? 10 + std::tolower(u) - 'a'
                                                    : -1;
        if (value < 0 || code > 0x10FFFF)
            return kReplacement;
        code = code * (hex ? 16 : 10) + char32_t(value);
    }
    if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
        return kReplacement;
    return code;
}

std::string decodeCharacterReferences(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        // The `;` is looked for in the next 10 characters only: text of many `&` stays linear.
        const std::size_t near = text[i] == '&' ? text.substr(i, 11).find(';') : std::string_view::npos;
        const std::size_t semi = near == std::string_view::npos ? near : i + near;
        const std::optional<char32_t> cp = semi != std::string_view::npos
                                               ? characterReference(text.substr(i + 1, semi - i - 1))
                                               : std::nullopt;
        if (!cp) {
            out += text[i];
            continue;
        }
        appendUtf8(out, *cp);
        i = semi;
    }
    return out;
}

} // namespace hcn::io
