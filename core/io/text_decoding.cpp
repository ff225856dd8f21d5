// Bytes to text: the encodings Windows tools write, line ends unified, binary refused.

#include "common/code_page.h"
#include "common/utf8.h"
#include "hcn/dump_text.h"
#include "io/text_formats.h"
#include "io/transfer_encodings.h"

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
    while (i + 1 < bytes.size()) {
        // Most of a dump is ASCII: a run of it is copied a byte per unit, without a call per character.
        std::size_t run = i;
        while (run + 1 < bytes.size() && unit(run) < 0x80)
            run += 2;
        if (run > i) {
            const std::size_t at = out.size();
            out.resize(at + (run - i) / 2);
            char* to = out.data() + at;
            for (std::size_t k = i + (littleEndian ? 0 : 1); k < run; k += 2)
                *to++ = bytes[k];
            i = run;
            continue;
        }
        const std::uint32_t u = unit(i);
        if (u >= 0xD800 && u <= 0xDBFF && i + 3 < bytes.size()) {
            const std::uint32_t low = unit(i + 2);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                hcn::appendUtf8(out, static_cast<char32_t>(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00)));
                i += 4;
                continue;
            }
        }
        if (u >= 0xD800 && u <= 0xDFFF) {
            hcn::appendUtf8(out, static_cast<char32_t>(kReplacement));
            replaced = true;
        } else {
            hcn::appendUtf8(out, static_cast<char32_t>(u));
        }
        i += 2;
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

/// Whether the CR CR LF in `text` are line ends a text-mode copy or transfer doubled (a Windows file's
/// CRLF converted a second time): most line ends of the text are CR CR LF. Otherwise a CR CR LF is a
/// lone CR (a line end of its own) and a CRLF, as in a file that mixes CR line ends with CRLF, and
/// reading it as one line end would lose a blank line.
bool lineEndsDoubled(std::string_view text)
{
    std::size_t doubled = 0;
    std::size_t other = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            if (text.substr(i + 1, 2) == "\r\n") {
                ++doubled;
                i += 2;
            } else {
                ++other;
                i += i + 1 < text.size() && text[i + 1] == '\n' ? 1 : 0;
            }
        } else if (text[i] == '\n') {
            ++other;
        }
    }
    return doubled > other;
}

/// CRLF and lone CR become LF, and so does CR CR LF when the text's line ends are doubled
/// (lineEndsDoubled); `doubled` counts the CR CR LF read as one line end.
std::string unifyLineEnds(std::string_view text, std::size_t& doubled)
{
    const bool undouble = lineEndsDoubled(text);
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            out += '\n';
            if (undouble && text.substr(i + 1, 2) == "\r\n") {
                ++doubled;
                i += 2;
            } else if (i + 1 < text.size() && text[i + 1] == '\n') {
                ++i;
            }
        } else {
            out += text[i];
        }
    }
    return out;
}

/// Whether a run of NUL bytes ending at `end` of `size` is padding.
bool paddingRun(std::size_t length, std::size_t end, std::size_t size)
{
    return length >= kNulPaddingRun || end == size;
}

/// `text` without its NUL padding (nulsArePadding): a run at the end is dropped, one between pieces of
/// text becomes a line break (what follows was written anew). `dropped` counts the NUL bytes left out.
std::string withoutNulPadding(std::string text, std::size_t& dropped)
{
    if (text.find('\0') == std::string::npos)
        return text;
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] != '\0') {
            out += text[i++];
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && text[end] == '\0')
            ++end;
        if (i == 0 || !paddingRun(end - i, end, text.size())) { // a file starting with NUL is no text
            out.append(end - i, '\0');
        } else {
            dropped += end - i;
            if (end < text.size() && out.back() != '\n' && text[end] != '\n')
                out += '\n';
        }
        i = end;
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
        if (c >= 0x20 && c < 0x7F) { // printable ASCII, most of a dump: one test
            ++characters;
            continue;
        }
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

/// Where text of one byte per character starts after UTF-16 LE (cmd.exe's `>>` appended to a file
/// PowerShell 5.1 wrote with `>`): the first even offset from which 64 bytes (or all that are left, at
/// least 16) hold no zero byte, are printable ASCII and hold a line end. (UTF-16 LE text has a zero
/// byte in every ASCII character; CJK characters can be two printable bytes, but never a line end.)
/// npos when there is none.
std::size_t singleByteTextAfter(std::string_view bytes)
{
    const auto printable = [](unsigned char c) {
        return (c >= 0x20 && c < 0x7F) || c == '\r' || c == '\n' || c == '\t';
    };
    const auto nextEven = [](std::size_t i) { return i + (i % 2); };
    constexpr std::size_t kWindow = 64;
    std::size_t start = 0; // where the run of printable bytes being tried starts
    while (start < bytes.size()) {
        // The window is tried from its end: in UTF-16 its last byte is nearly always a zero byte, so
        // most windows are passed over with a single test.
        const std::size_t end = std::min(bytes.size(), start + kWindow);
        std::size_t bad = end;
        while (bad > start && printable(static_cast<unsigned char>(bytes[bad - 1])))
            --bad;
        if (bad > start) {
            start = nextEven(bad);
            continue;
        }
        // A printable run of a whole window, or of all that is left (then at least 16 bytes): it counts
        // once it holds a line end.
        std::size_t i = start;
        for (; i < bytes.size() && printable(static_cast<unsigned char>(bytes[i])); ++i)
            if (bytes[i] == '\n')
                return end - start >= 16 ? start : std::string_view::npos;
        if (i == bytes.size())
            return std::string_view::npos;
        start = nextEven(i + 1);
    }
    return std::string_view::npos;
}

/// Where UTF-16 LE starts a line inside single-byte text (PowerShell's `>>` appending to another tool's
/// output), with or without a byte order mark: npos when it does not.
std::size_t utf16LineInside(std::string_view bytes)
{
    for (std::size_t n = bytes.find('\n'); n != std::string_view::npos && n + 3 < bytes.size();
         n = bytes.find('\n', n + 1)) {
        const std::string_view line = bytes.substr(n + 1);
        if (line.starts_with("\xFF\xFE") || (line[1] == '\0' && looksLikeUtf16Le(line)))
            return n + 1;
    }
    return std::string_view::npos;
}

std::string_view encodingName(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf8:
        return "UTF-8";
    case TextEncoding::Utf8Bom:
        return "UTF-8 with BOM";
    case TextEncoding::Utf16LeBom:
        return "UTF-16 LE with BOM";
    case TextEncoding::Utf16BeBom:
        return "UTF-16 BE with BOM";
    case TextEncoding::Utf16Le:
        return "UTF-16 LE";
    case TextEncoding::Windows1252:
        return "Windows-1252";
    }
    return "text";
}

/// One part of the bytes in one encoding, decoded; `rest` gets the bytes after it that are in another
/// (empty when the part runs to the end).
std::string decodePart(std::string_view bytes, DecodedText& decoded, std::string_view& rest)
{
    rest = {};
    std::string text;
    decoded.encoding = TextEncoding::Utf8;
    if (bytes.starts_with("\xEF\xBB\xBF")) {
        decoded.encoding = TextEncoding::Utf8Bom;
        bytes.remove_prefix(3);
    } else if (bytes.starts_with("\xFF\xFE")) {
        decoded.encoding = TextEncoding::Utf16LeBom;
        std::string_view utf16 = bytes.substr(2);
        if (const std::size_t single = singleByteTextAfter(utf16); single != std::string_view::npos) {
            rest = utf16.substr(single);
            utf16 = utf16.substr(0, single);
        }
        text = fromUtf16(utf16, true, decoded.replacedInvalid);
    } else if (bytes.starts_with("\xFE\xFF")) {
        decoded.encoding = TextEncoding::Utf16BeBom;
        text = fromUtf16(bytes.substr(2), false, decoded.replacedInvalid);
    } else if (looksLikeUtf16Le(bytes)) {
        decoded.encoding = TextEncoding::Utf16Le;
        std::string_view utf16 = bytes;
        // (A split at 0 would leave this part empty: the bytes are not UTF-16 from their start on.)
        if (const std::size_t single = singleByteTextAfter(utf16);
            single != std::string_view::npos && single > 0) {
            rest = utf16.substr(single);
            utf16 = utf16.substr(0, single);
        }
        text = fromUtf16(utf16, true, decoded.replacedInvalid);
    } else if (const std::size_t mark = utf16LineInside(bytes); mark != std::string_view::npos) {
        rest = bytes.substr(mark);
        bytes = bytes.substr(0, mark);
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
        decoded.replacedInvalid = decoded.replacedInvalid || guess == TextGuess::Utf8Replaced;
    }
    return text;
}

} // namespace

bool nulsArePadding(std::string_view bytes)
{
    if (bytes.empty() || bytes.front() == '\0')
        return false;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c == 0) {
            std::size_t end = i;
            while (end < bytes.size() && bytes[end] == '\0')
                ++end;
            if (!paddingRun(end - i, end, bytes.size()))
                return false;
            i = end - 1;
        } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) || c == 0x7F) {
            return false;
        }
    }
    return true;
}

namespace {

/// The bytes as text, without looking for a transfer encoding.
Result<DecodedText> decodeBytes(std::string_view bytes)
{
    if (bytes.size() > kMaxDumpBytes) {
        return Status(hr::InvalidArg,
                      "the dump is " + std::to_string(bytes.size()) + " bytes; dumps larger than " +
                          std::to_string(kMaxDumpBytes / (1024 * 1024)) + " MiB are not imported");
    }
    DecodedText decoded;
    std::string_view rest;
    std::string text = decodePart(bytes, decoded, rest);
    const TextEncoding first = decoded.encoding;
    // Text appended in another encoding: each part in its own. Every part takes at least one byte (a
    // BOM, or the line before the switch), so this ends; the report names the first few switches.
    constexpr int kPartsNamed = 8;
    for (int parts = 1; !rest.empty(); ++parts) {
        const std::size_t offset = bytes.size() - rest.size();
        DecodedText part;
        std::string_view next;
        const std::string more = decodePart(rest, part, next);
        if (parts < kPartsNamed)
            decoded.mixedEncodings += std::string(decoded.mixedEncodings.empty() ? "" : ", ") + "from byte " +
                                      std::to_string(offset) + " " + std::string(encodingName(part.encoding));
        else if (parts == kPartsNamed)
            decoded.mixedEncodings += ", and more";
        decoded.replacedInvalid = decoded.replacedInvalid || part.replacedInvalid;
        if (!text.empty() && text.back() != '\n' && text.back() != '\r')
            text += '\n'; // the appended text starts a line of its own
        text += more;
        rest = next;
    }
    if (!decoded.mixedEncodings.empty())
        decoded.mixedEncodings = std::string(encodingName(first)) + ", then " + decoded.mixedEncodings;
    decoded.encoding = first;
    std::size_t doubledLineEnds = 0;
    std::size_t nulPadding = 0;
    // Text without a CR (most dumps) has its line ends unified already: no copy.
    decoded.text = withoutNulPadding(
        text.find('\r') == std::string::npos ? std::move(text) : unifyLineEnds(text, doubledLineEnds),
        nulPadding);
    if (doubledLineEnds > 0)
        decoded.notes.push_back(std::to_string(doubledLineEnds) +
                                " line ends are CR CR LF (a Windows file's CRLF converted a second time, as "
                                "by a text-mode copy); each was read as one line end");
    if (nulPadding > 0)
        decoded.notes.push_back(
            "the text holds " + std::to_string(nulPadding) +
            " NUL bytes of padding (space written ahead of the text, or a crash while the "
            "file was written); they were left out");
    std::size_t suspicious = 0;
    std::size_t characters = 0;
    if (looksBinary(decoded.text, suspicious, characters)) {
        return Status(hr::InvalidJson, "the dump is not text: " + std::to_string(suspicious) + " of " +
                                           std::to_string(characters) +
                                           " characters are control characters or undecodable bytes");
    }
    return decoded;
}

} // namespace

Result<DecodedText> decodeDumpText(std::string_view bytes)
{
    Result<DecodedText> decoded = decodeBytes(bytes);
    if (!decoded)
        return decoded;
    readTextFormats(*decoded); // RTF, event XML, Name/Value tables, CSV log fields: io/text_formats.cpp
    // A dump sent base64- or quoted-printable-encoded: the part that is becomes what it holds, once (its
    // bytes are no larger than its text, so this is bounded as the text is).
    std::optional<TransferEncodedText> found = findTransferEncodedText(decoded->text);
    if (!found)
        return decoded;
    Result<DecodedText> inner = decodeBytes(found->bytes);
    if (!inner || inner->replacedInvalid ||
        (found->needsUnicode && inner->encoding == TextEncoding::Windows1252))
        return decoded; // not text: the encoded part stays as it was
    std::string& text = decoded->text;
    if (!found->cut.empty()) {
        // Where the part is in the text as sent, and in the text read (line numbers of the report).
        const auto lineAt = [](std::string_view t, std::size_t offset) {
            return int(std::count(t.begin(), t.begin() + std::ptrdiff_t(offset), '\n')) + 1;
        };
        const std::string_view encoded =
            std::string_view(text).substr(found->begin, found->end - found->begin);
        const int first = lineAt(text, found->begin);
        const int sentLast = first + int(std::count(encoded.begin(), encoded.end(), '\n'));
        const std::string_view held = inner->text;
        const int leading = held.starts_with('\n') ? 1 : 0; // inside a line: it starts a line of its own
        const int heldLast = first + int(std::count(held.begin(), held.end(), '\n')) -
                             (held.ends_with('\n') && held.size() > 1 ? 1 : 0);
        decoded->warnings.push_back(
            {first + leading, std::max(first + leading, heldLast),
             "the gzip-compressed data in base64 on lines " + std::to_string(first) + "-" +
                 std::to_string(sentLast) + " of the text as sent ends early (" + found->cut +
                 "): the paste was cut short or a line of it is missing; the " +
                 std::to_string(inner->text.size()) +
                 " bytes that unpacked were read, and an object cut there is not imported whole"});
    }
    std::string joined = text.substr(0, found->begin);
    joined += inner->text;
    joined += std::string_view(text).substr(found->end);
    text = std::move(joined);
    decoded->notes.push_back(
        "the text holds " + found->what + "; it was decoded and what it holds was read (" +
        std::string(encodingName(inner->encoding)) + "); line numbers count the decoded text");
    for (std::string& note : inner->notes)
        decoded->notes.push_back(std::move(note));
    for (DecodedText::Warning& warning : inner->warnings)
        decoded->warnings.push_back(std::move(warning));
    return decoded;
}

} // namespace hcn::io
