#include "api/wide_text.h"

#include "common/utf8.h"

#include <cstdint>

namespace hcn {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

void appendUtf8(std::string& out, char32_t c)
{
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

void appendWide(std::wstring& out, char32_t c)
{
    if constexpr (sizeof(wchar_t) >= 4) {
        out += static_cast<wchar_t>(c);
    } else if (c >= 0x10000) {
        c -= 0x10000;
        out += static_cast<wchar_t>(0xD800 + (c >> 10));
        out += static_cast<wchar_t>(0xDC00 + (c & 0x3FF));
    } else {
        out += static_cast<wchar_t>(c);
    }
}

} // namespace

Result<std::wstring> wideFromUtf8(std::string_view utf8, std::string_view what)
{
    if (!isValidUtf8(utf8))
        return Status(hr::InvalidArg, std::string(what) + " is not valid UTF-8.");
    std::wstring out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size();) {
        const auto lead = static_cast<unsigned char>(utf8[i]);
        const int length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        char32_t c = length == 1 ? lead : length == 2 ? (lead & 0x1F) : length == 3 ? (lead & 0x0F) : (lead & 0x07);
        for (int k = 1; k < length; ++k)
            c = (c << 6) | (static_cast<unsigned char>(utf8[i + static_cast<std::size_t>(k)]) & 0x3F);
        appendWide(out, c);
        i += static_cast<std::size_t>(length);
    }
    return out;
}

std::string utf8FromWide(const wchar_t* text)
{
    std::string out;
    if (!text)
        return out;
    for (std::size_t i = 0; text[i] != 0; ++i) {
        char32_t c;
        if constexpr (sizeof(wchar_t) >= 4) {
            const auto raw = static_cast<std::uint32_t>(text[i]);
            c = raw > 0x10FFFF || (raw >= 0xD800 && raw <= 0xDFFF) ? kReplacement : static_cast<char32_t>(raw);
        } else {
            const auto unit = static_cast<char32_t>(static_cast<std::uint16_t>(text[i]));
            if (unit >= 0xD800 && unit <= 0xDBFF) {
                const auto next = static_cast<char32_t>(static_cast<std::uint16_t>(text[i + 1]));
                if (next >= 0xDC00 && next <= 0xDFFF) {
                    c = 0x10000 + ((unit - 0xD800) << 10) + (next - 0xDC00);
                    ++i;
                } else {
                    c = kReplacement;
                }
            } else {
                c = unit >= 0xDC00 && unit <= 0xDFFF ? kReplacement : unit;
            }
        }
        appendUtf8(out, c);
    }
    return out;
}

} // namespace hcn
