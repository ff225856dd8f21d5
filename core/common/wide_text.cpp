#include "common/wide_text.h"

#include "common/utf8.h"

#include <cstdint>

namespace hcn {

namespace {

constexpr char32_t kReplacement = 0xFFFD;
constexpr char32_t kMaxCodePoint = 0x10FFFF;

bool isSurrogate(char32_t c)
{
    return c >= 0xD800 && c <= 0xDFFF;
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

Status invalidText(std::string_view what, std::size_t index, const char* why)
{
    return Status(hr::InvalidArg, std::string(what) + " is not valid Unicode: " + why + " at character " +
                                      std::to_string(index) + ".");
}

/// The code point starting at text[i] (a surrogate pair moves `i` to its second unit). `why` says what is
/// wrong when the unit is not valid Unicode; the result is then U+FFFD.
char32_t decodeWide(const wchar_t* text, std::size_t& i, const char*& why)
{
    why = nullptr;
    if constexpr (sizeof(wchar_t) >= 4) {
        // wchar_t is signed on Linux: a negative value is out of range as well.
        const auto raw = static_cast<std::uint32_t>(text[i]);
        if (raw > kMaxCodePoint)
            why = "a value above U+10FFFF";
        else if (isSurrogate(static_cast<char32_t>(raw)))
            why = "a UTF-16 surrogate";
        return why ? kReplacement : static_cast<char32_t>(raw);
    } else {
        const auto unit = static_cast<char32_t>(static_cast<std::uint16_t>(text[i]));
        if (unit >= 0xD800 && unit <= 0xDBFF) {
            const auto next = static_cast<char32_t>(static_cast<std::uint16_t>(text[i + 1]));
            if (next < 0xDC00 || next > 0xDFFF) {
                why = "an unpaired high surrogate";
                return kReplacement;
            }
            ++i;
            return 0x10000 + ((unit - 0xD800) << 10) + (next - 0xDC00);
        }
        if (unit >= 0xDC00 && unit <= 0xDFFF) {
            why = "an unpaired low surrogate";
            return kReplacement;
        }
        return unit;
    }
}

} // namespace

Result<std::wstring> wideFromUtf8(std::string_view utf8, std::string_view what)
{
    std::wstring out;
    out.reserve(utf8.size());
    std::size_t i = 0;
    while (i < utf8.size()) {
        const auto lead = static_cast<unsigned char>(utf8[i]);
        std::size_t length;
        char32_t c;
        char32_t minimum;
        if (lead < 0x80) {
            length = 1, c = lead, minimum = 0;
        } else if ((lead & 0xE0) == 0xC0) {
            length = 2, c = lead & 0x1F, minimum = 0x80;
        } else if ((lead & 0xF0) == 0xE0) {
            length = 3, c = lead & 0x0F, minimum = 0x800;
        } else if ((lead & 0xF8) == 0xF0) {
            length = 4, c = lead & 0x07, minimum = 0x10000;
        } else {
            return invalidText(what, i, "an invalid lead byte");
        }
        if (utf8.size() - i < length)
            return invalidText(what, i, "a truncated sequence");
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(utf8[i + k]);
            if ((next & 0xC0) != 0x80)
                return invalidText(what, i, "a truncated sequence");
            c = (c << 6) | (next & 0x3F);
        }
        if (c < minimum)
            return invalidText(what, i, "an overlong sequence");
        if (c > kMaxCodePoint || isSurrogate(c))
            return invalidText(what, i, "a value that is not a Unicode scalar");
        appendWide(out, c);
        i += length;
    }
    return out;
}

Result<std::string> utf8FromWide(const wchar_t* text, std::string_view what)
{
    std::string out;
    for (std::size_t i = 0; text[i] != 0; ++i) {
        const std::size_t start = i;
        const char* why = nullptr;
        const char32_t c = decodeWide(text, i, why);
        if (why)
            return invalidText(what, start, why);
        appendUtf8(out, c);
    }
    return out;
}

std::string utf8FromWideReplacing(const wchar_t* text)
{
    std::string out;
    if (!text)
        return out;
    for (std::size_t i = 0; text[i] != 0; ++i) {
        const char* why = nullptr;
        appendUtf8(out, decodeWide(text, i, why));
    }
    return out;
}

} // namespace hcn
