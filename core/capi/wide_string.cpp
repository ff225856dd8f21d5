#include "wide_string.h"

#include <cstring>
#include <new>

namespace hcn::capi {

namespace {

constexpr char32_t kMaxCodePoint = 0x10FFFF;

bool isSurrogate(char32_t c)
{
    return c >= 0xD800 && c <= 0xDFFF;
}

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
    } else {
        if (c >= 0x10000) {
            c -= 0x10000;
            out += static_cast<wchar_t>(0xD800 + (c >> 10));
            out += static_cast<wchar_t>(0xDC00 + (c & 0x3FF));
        } else {
            out += static_cast<wchar_t>(c);
        }
    }
}

Status invalidText(std::string_view what, std::size_t index, const char* why)
{
    return Status(hr::InvalidArg, std::string(what) + " is not valid Unicode: " + why + " at character " +
                                      std::to_string(index) + ".");
}

} // namespace

Result<std::string> toUtf8(PCWSTR text, std::string_view what)
{
    std::string out;
    for (std::size_t i = 0; text[i] != 0; ++i) {
        char32_t c;
        if constexpr (sizeof(wchar_t) >= 4) {
            // wchar_t is signed on Linux: a negative value is out of range as well.
            const auto raw = static_cast<std::uint32_t>(text[i]);
            if (raw > kMaxCodePoint)
                return invalidText(what, i, "a value above U+10FFFF");
            c = static_cast<char32_t>(raw);
            if (isSurrogate(c))
                return invalidText(what, i, "a UTF-16 surrogate");
        } else {
            const auto unit = static_cast<char32_t>(static_cast<std::uint16_t>(text[i]));
            if (unit >= 0xD800 && unit <= 0xDBFF) {
                const auto next = static_cast<char32_t>(static_cast<std::uint16_t>(text[i + 1]));
                if (next < 0xDC00 || next > 0xDFFF)
                    return invalidText(what, i, "an unpaired high surrogate");
                c = 0x10000 + ((unit - 0xD800) << 10) + (next - 0xDC00);
                ++i;
            } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
                return invalidText(what, i, "an unpaired low surrogate");
            } else {
                c = unit;
            }
        }
        appendUtf8(out, c);
    }
    return out;
}

Result<std::wstring> toWide(std::string_view utf8)
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
            return invalidText("The UTF-8 text", i, "an invalid lead byte");
        }
        if (utf8.size() - i < length)
            return invalidText("The UTF-8 text", i, "a truncated sequence");
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(utf8[i + k]);
            if ((next & 0xC0) != 0x80)
                return invalidText("The UTF-8 text", i, "a truncated sequence");
            c = (c << 6) | (next & 0x3F);
        }
        if (c < minimum)
            return invalidText("The UTF-8 text", i, "an overlong sequence");
        if (c > kMaxCodePoint || isSurrogate(c))
            return invalidText("The UTF-8 text", i, "a value that is not a Unicode scalar");
        appendWide(out, c);
        i += length;
    }
    return out;
}

Result<PWSTR> allocateWide(std::string_view utf8)
{
    auto wide = toWide(utf8);
    if (!wide.ok())
        return wide.status();
    const std::size_t bytes = (wide->size() + 1) * sizeof(wchar_t);
    auto* buffer = static_cast<PWSTR>(CoTaskMemAlloc(bytes));
    if (!buffer)
        return Status(hr::OutOfMemory, "cannot allocate " + std::to_string(bytes) + " bytes for a result.");
    std::memcpy(buffer, wide->c_str(), bytes);
    return buffer;
}

} // namespace hcn::capi
