// Bytes to text: the encodings Windows tools write, line ends unified, binary refused.

#include "common/code_page.h"
#include "common/utf8.h"
#include "hcn/dump_text.h"

#include <algorithm>
#include <cstdint>

namespace hcn::io {

namespace {

constexpr std::uint32_t kReplacement = 0xFFFD;

/// UTF-16 to UTF-8; lone surrogates and an odd last byte become U+FFFD.
std::string fromUtf16(std::string_view bytes, bool littleEndian, bool& replaced)
{
    const auto unit = [&](std::size_t i) -> std::uint32_t {
        const auto a = static_cast<unsigned char>(bytes[i]);
        const auto b = static_cast<unsigned char>(bytes[i + 1]);
        return littleEndian ? std::uint32_t(a | (b << 8)) : std::uint32_t((a << 8) | b);
    };
    std::string out;
    out.reserve(bytes.size() / 2 + 16);
    std::size_t i = 0;
    for (; i + 1 < bytes.size(); i += 2) {
        const std::uint32_t u = unit(i);
        if (u >= 0xD800 && u <= 0xDBFF && i + 3 < bytes.size()) {
            const std::uint32_t low = unit(i + 2);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                hcn::appendUtf8(out, static_cast<char32_t>(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00)));
                i += 2;
                continue;
            }
        }
        if (u >= 0xD800 && u <= 0xDFFF) {
            hcn::appendUtf8(out, static_cast<char32_t>(kReplacement));
            replaced = true;
        } else {
            hcn::appendUtf8(out, static_cast<char32_t>(u));
        }
    }
    if (i < bytes.size()) {
        hcn::appendUtf8(out, static_cast<char32_t>(kReplacement));
        replaced = true;
    }
    return out;
}

/// UTF-16 LE without a BOM: in the first bytes, (nearly) every odd byte is 0 and the even ones are not.
bool looksLikeUtf16Le(std::string_view bytes)
{
    const std::size_t pairs = std::min<std::size_t>(bytes.size() / 2, 1024);
    if (pairs < 2)
        return false;
    std::size_t oddZero = 0;
    std::size_t evenZero = 0;
    for (std::size_t i = 0; i < pairs; ++i) {
        oddZero += bytes[2 * i + 1] == '\0';
        evenZero += bytes[2 * i] == '\0';
    }
    return oddZero * 10 >= pairs * 9 && evenZero * 10 < pairs;
}

std::string unifyLineEnds(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            out += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
        } else {
            out += text[i];
        }
    }
    return out;
}

/// Text has few control characters and replacement characters; binary has many.
bool looksBinary(std::string_view text, std::size_t& suspicious, std::size_t& characters)
{
    suspicious = 0;
    characters = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c & 0xC0) == 0x80)
            continue; // continuation byte: counted with its lead byte
        ++characters;
        if ((c < 0x20 && c != '\n' && c != '\t' && c != '\f') || c == 0x7F)
            ++suspicious;
        else if (c == 0xEF && text.substr(i, 3) == "\xEF\xBF\xBD")
            ++suspicious;
        else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F)
            ++suspicious; // a C1 control character (U+0080-U+009F): never in text
    }
    return characters > 0 && suspicious * 10 > characters;
}

} // namespace

Result<DecodedText> decodeDumpText(std::string_view bytes)
{
    if (bytes.size() > kMaxDumpBytes) {
        return Status(hr::InvalidArg,
                      "the dump is " + std::to_string(bytes.size()) + " bytes; dumps larger than " +
                          std::to_string(kMaxDumpBytes / (1024 * 1024)) + " MiB are not imported");
    }
    DecodedText decoded;
    std::string text;
    if (bytes.starts_with("\xEF\xBB\xBF")) {
        decoded.encoding = TextEncoding::Utf8Bom;
        bytes.remove_prefix(3);
    } else if (bytes.starts_with("\xFF\xFE")) {
        decoded.encoding = TextEncoding::Utf16LeBom;
        text = fromUtf16(bytes.substr(2), true, decoded.replacedInvalid);
    } else if (bytes.starts_with("\xFE\xFF")) {
        decoded.encoding = TextEncoding::Utf16BeBom;
        text = fromUtf16(bytes.substr(2), false, decoded.replacedInvalid);
    } else if (looksLikeUtf16Le(bytes)) {
        decoded.encoding = TextEncoding::Utf16Le;
        text = fromUtf16(bytes, true, decoded.replacedInvalid);
    }
    if (decoded.encoding == TextEncoding::Utf8Bom) {
        text = std::string(bytes);
        if (!isValidUtf8(text)) {
            text = validUtf8(std::move(text));
            decoded.replacedInvalid = true;
        }
    } else if (decoded.encoding == TextEncoding::Utf8) {
        TextGuess guess = TextGuess::Utf8;
        text = undeclaredTextToUtf8(bytes, CodePage::Windows1252, &guess);
        if (guess == TextGuess::CodePage) // random bytes nearly always hold a UTF-8 pair: not these
            decoded.encoding = TextEncoding::Windows1252;
        decoded.replacedInvalid = guess == TextGuess::Utf8Replaced;
    }
    decoded.text = unifyLineEnds(text);
    std::size_t suspicious = 0;
    std::size_t characters = 0;
    if (looksBinary(decoded.text, suspicious, characters)) {
        return Status(hr::InvalidJson, "the dump is not text: " + std::to_string(suspicious) + " of " +
                                           std::to_string(characters) +
                                           " characters are control characters or undecodable bytes");
    }
    return decoded;
}

} // namespace hcn::io
