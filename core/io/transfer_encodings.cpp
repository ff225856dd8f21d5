// Transfer encodings a dump arrives in: base64, quoted-printable, MIME messages and gzip.

#include "io/transfer_encodings.h"

#include "common/code_page.h"
#include "common/text.h"
#include "hcn/dump_text.h"
#include "io/mail_parts.h"

#include <algorithm>
#include <array>
#include <memory>
#include <zlib.h>

namespace hcn::io {

namespace {

int base64Value(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+')
        return 62;
    if (c == '/')
        return 63;
    return -1;
}

/// The lines of `text` as views, without their LF.
std::vector<std::string_view> splitLines(std::string_view text)
{
    std::vector<std::string_view> lines;
    for (std::size_t start = 0; start <= text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

/// A line of base64 as encoders write it: the alphabet only, `=` padding at its end.
bool isBase64Line(std::string_view line)
{
    line = trimSpace(line);
    if (line.empty())
        return false;
    std::size_t padding = 0;
    while (padding < 2 && padding < line.size() && line[line.size() - 1 - padding] == '=')
        ++padding;
    const std::string_view body = line.substr(0, line.size() - padding);
    return !body.empty() && std::all_of(body.begin(), body.end(), [](char c) { return base64Value(c) >= 0; });
}

/// `-----BEGIN CERTIFICATE-----`: the armor certutil -encode (and PEM) write; the label, empty when not.
std::string_view armorLabel(std::string_view line, std::string_view word)
{
    line = trimSpace(line);
    if (!line.starts_with("-----") || !line.ends_with("-----") || line.size() < 10)
        return {};
    std::string_view inner = line.substr(5, line.size() - 10);
    if (!inner.starts_with(word) || inner.size() <= word.size() || inner[word.size()] != ' ')
        return {};
    return inner.substr(word.size() + 1);
}

std::optional<TransferEncodedText> armoredBase64(std::string_view text,
                                                 const std::vector<std::string_view>& lines)
{
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view label = armorLabel(lines[i], "BEGIN");
        if (label.empty())
            continue;
        for (std::size_t j = i + 1; j < lines.size(); ++j) {
            if (armorLabel(lines[j], "END") == label) {
                const std::size_t bodyBegin = std::size_t(lines[i + 1].data() - text.data());
                const std::size_t bodyEnd = std::size_t(lines[j].data() - text.data());
                std::optional<std::string> bytes = decodeBase64(text.substr(bodyBegin, bodyEnd - bodyBegin));
                if (!bytes || bytes->empty())
                    break;
                const std::size_t begin = std::size_t(lines[i].data() - text.data());
                const std::size_t end = std::size_t(lines[j].data() - text.data()) + lines[j].size();
                return TransferEncodedText{begin, end, std::move(*bytes),
                                           "a base64 block in armor lines, as `certutil -encode` writes it "
                                           "(-----BEGIN " +
                                               std::string(label) + "-----)",
                                           false};
            }
            if (!isBase64Line(lines[j]))
                break;
        }
    }
    return std::nullopt;
}

/// Base64 lines of one length (the last shorter), or one long line: what an encoder wraps at 64 or 76.
std::optional<TransferEncodedText> base64Block(std::string_view text,
                                               const std::vector<std::string_view>& lines)
{
    constexpr std::size_t kMinLineLength = 40;
    constexpr std::size_t kMinSingleLine = 64;
    for (std::size_t i = 0; i < lines.size();) {
        const std::string_view first = trimSpace(lines[i]);
        if (first.size() < kMinLineLength || first.size() % 4 != 0 || !isBase64Line(first)) {
            ++i;
            continue;
        }
        std::size_t j = i + 1;
        while (j < lines.size() && trimSpace(lines[j]).size() == first.size() && isBase64Line(lines[j]) &&
               trimSpace(lines[j - 1]).back() != '=')
            ++j;
        if (j < lines.size() && trimSpace(lines[j - 1]).back() != '=' && isBase64Line(lines[j]) &&
            trimSpace(lines[j]).size() < first.size())
            ++j; // the shorter last line
        const std::size_t count = j - i;
        if (count >= kMinBase64Lines || first.size() >= kMinSingleLine) {
            const std::size_t begin = std::size_t(lines[i].data() - text.data());
            const std::size_t end = std::size_t(lines[j - 1].data() - text.data()) + lines[j - 1].size();
            if (std::optional<std::string> bytes = decodeBase64(text.substr(begin, end - begin)))
                return TransferEncodedText{begin, end, std::move(*bytes),
                                           "a block of base64 (" + std::to_string(count) +
                                               (count == 1 ? " line)" : " lines)"),
                                           true};
        }
        i = j;
    }
    return std::nullopt;
}

/// `found.bytes` unpacked when they are gzip (base64 of `gzip` output or of a GZipStream), within what
/// keeps the whole text under kMaxDumpBytes; false when they are gzip that cannot be unpacked so.
bool unpackGzip(TransferEncodedText& found, std::size_t textSize)
{
    if (!startsLikeGzip(found.bytes))
        return true;
    const std::size_t rest = textSize - (found.end - found.begin);
    Gunzipped unpacked = gunzip(found.bytes, kMaxDumpBytes > rest ? kMaxDumpBytes - rest : 0);
    if (unpacked.overCap)
        return false;
    if (!unpacked.error.empty()) {
        // Cut short or a line missing: what unpacked before is read, as far as it is text.
        unpacked.bytes.resize(wholeTextBefore(unpacked.bytes));
        if (unpacked.bytes.empty())
            return false;
        found.cut = unpacked.error;
    }
    if (found.what.find("gzip") == std::string::npos)
        found.what += " of gzip-compressed data";
    found.what += ", unpacked to " + std::to_string(unpacked.bytes.size()) + " bytes";
    found.bytes = std::move(unpacked.bytes);
    found.needsUnicode = true; // what a gzip holds counts only when it is text
    return true;
}

/// The quote markers (`> `, `> > `, `>> `) and blanks before `at` on its line: how many `>` there are,
/// or -1 when anything else is there.
int quoteDepth(std::string_view before)
{
    int depth = 0;
    for (const char c : before) {
        if (c == '>')
            ++depth;
        else if (!isBlank(c))
            return -1;
    }
    return depth;
}

/// Base64 of gzip (`H4sI`: the gzip signature 1F 8B 08) anywhere in the text, also inside a line (`$b =
/// 'H4sI...'`, `"data": "H4sI..."`): the run of base64 from there, on over pieces of one length when an
/// encoder wrapped it (`gzip | base64` at 76): lines, also indented or quoted as a mail reply quotes
/// (`> ` before each), or pieces a chat joined with blanks; the last piece may be shorter. Taken when
/// it decodes to gzip that unpacks, at least in part.
std::optional<TransferEncodedText> gzipInBase64(std::string_view text)
{
    constexpr std::size_t kMinPiece = 40;
    std::size_t at = 0;
    for (std::size_t from = 0; (at = text.find("H4sI", from)) != std::string_view::npos;) {
        from = at + 1;
        if (at > 0 && base64Value(text[at - 1]) >= 0)
            continue;                                                             // inside another token
        const std::size_t lineStart = at == 0 ? 0 : text.rfind('\n', at - 1) + 1; // npos + 1 is 0
        const int depth = quoteDepth(text.substr(lineStart, at - lineStart));
        const bool startsLine = depth >= 0;
        std::string encoded;
        std::size_t end = at;
        std::size_t width = 0; // of the pieces of a wrapped block
        for (;;) {
            const std::size_t runStart = end;
            while (end < text.size() && base64Value(text[end]) >= 0)
                ++end;
            encoded.append(text.substr(runStart, end - runStart));
            if (end < text.size() && text[end] == '=') {
                while (end < text.size() && text[end] == '=')
                    encoded += text[end++];
                break; // padding ends it
            }
            const std::size_t length = end - runStart;
            if (length < kMinPiece || (width != 0 && length != width))
                break;
            // The next piece: after blanks on the line, or on the next line after the same quote markers.
            std::size_t next = end;
            while (next < text.size() && isBlank(text[next]))
                ++next;
            const bool nextLine = next < text.size() && text[next] == '\n';
            if (nextLine) {
                if (runStart == at && !startsLine)
                    break; // the first piece must have been a whole line
                const std::size_t lineEnd = std::min(text.find('\n', next + 1), text.size());
                std::size_t markers = next + 1;
                while (markers < lineEnd && (isBlank(text[markers]) || text[markers] == '>'))
                    ++markers;
                if (quoteDepth(text.substr(next + 1, markers - next - 1)) != std::max(depth, 0))
                    break;
                next = markers;
            } else if (next == end || next >= text.size()) {
                break; // no blank before another character, or the text ends
            }
            // It is base64 up to a blank or a line end, and no longer than the pieces before.
            std::size_t pieceEnd = next;
            while (pieceEnd < text.size() && base64Value(text[pieceEnd]) >= 0)
                ++pieceEnd;
            const std::size_t pieceLength = pieceEnd - next;
            while (pieceEnd < text.size() && text[pieceEnd] == '=')
                ++pieceEnd;
            if (pieceLength == 0 || pieceLength > length ||
                (pieceEnd < text.size() && !isBlank(text[pieceEnd]) && text[pieceEnd] != '\n'))
                break;
            // A line of base64 (not `thanks,` after it); a shorter last piece on the line is base64's
            // last quantum (padded, or the whole a multiple of 4), not a word after it.
            const std::size_t lineEnd = std::min(text.find('\n', next), text.size());
            if (nextLine && !isBase64Line(text.substr(next, lineEnd - next)))
                break;
            if (!nextLine && pieceLength < length && pieceEnd - next == pieceLength &&
                (encoded.size() + pieceLength) % 4 != 0)
                break;
            width = length;
            end = next;
        }
        from = std::max(from, end); // a run is tried once, not again from each line of it
        std::optional<std::string> bytes = decodeBase64(encoded);
        if (!bytes || !startsLikeGzip(*bytes))
            continue;
        // Quoted: the markers of its first line go with it, what it holds is no quote.
        const std::size_t begin = depth > 0 ? lineStart : at;
        TransferEncodedText found{begin, end, std::move(*bytes),
                                  "gzip-compressed data in base64 (`H4sI...`, as `gzip | base64` or "
                                  "`[Convert]::ToBase64String` of a GZipStream writes it)",
                                  true};
        // The first gzip is the one unpacked: a text of many gzip bombs costs one.
        if (!unpackGzip(found, text.size()))
            return std::nullopt;
        // Inside a line: what it holds starts and ends lines of its own (UTF-16 stays as it is).
        const std::size_t afterEnd = std::min(text.find('\n', end), text.size());
        const bool utf16 = found.bytes.find('\0') != std::string::npos;
        if (!startsLine && !utf16)
            found.bytes.insert(0, "\n");
        if (!trimSpace(text.substr(end, afterEnd - end)).empty() && !utf16)
            found.bytes += '\n';
        return found;
    }
    return std::nullopt;
}

/// Quoted-printable by evidence: soft breaks and `=XX` escapes on several lines, and every `=` one. A
/// mail's header block (`charset="utf-8"`) stays as it is; its body is looked at.
std::optional<TransferEncodedText> quotedPrintable(std::string_view whole, std::size_t bodyStart)
{
    const std::string_view text = whole.substr(bodyStart);
    constexpr std::size_t kMinEvidence = 3;
    std::size_t escapes = 0;
    std::size_t encodedEquals = 0; // `=3D`: an `=` of the text itself, the surest sign
    std::size_t softBreaks = 0;
    for (std::size_t i = text.find('='); i != std::string_view::npos; i = text.find('=', i + 1)) {
        std::size_t k = i + 1;
        while (k < text.size() && isBlank(text[k]))
            ++k;
        if (k == text.size() || text[k] == '\n') {
            ++softBreaks;
            continue;
        }
        // Encoders write the hex digits in upper case; `=3d` is no evidence.
        const auto upperHex = [](char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'); };
        if (i + 2 < text.size() && upperHex(text[i + 1]) && upperHex(text[i + 2])) {
            ++escapes;
            encodedEquals += text[i + 1] == '3' && text[i + 2] == 'D';
            continue;
        }
        return std::nullopt; // an `=` that is no quoted-printable: the text is not
    }
    // Not `count=10 vlan=20` in a log line: soft breaks and encoded `=` signs are what the encoding adds.
    if (softBreaks + encodedEquals < kMinEvidence)
        return std::nullopt;
    return TransferEncodedText{
        bodyStart, whole.size(), decodeQuotedPrintable(text),
        "quoted-printable (" + std::to_string(escapes) +
            (escapes == 1 ? " `=XX` escape, " : " `=XX` escapes, ") + std::to_string(softBreaks) +
            (softBreaks == 1 ? " soft line break)" : " soft line breaks)") + ", as a mail client sends it",
        false};
}

} // namespace

/// How much of `bytes` (what a gzip that ends early unpacked to) is text: up to the last whole UTF-8 (or
/// UTF-16, by its zero bytes) character; when something that is no text follows (what a missing line
/// made of the rest), up to the last line end before it.
std::size_t wholeTextBefore(std::string_view bytes)
{
    if (bytes.substr(0, 64).find('\0') != std::string_view::npos)
        return bytes.size() & ~std::size_t(1); // UTF-16: whole code units
    std::size_t i = 0;
    while (i < bytes.size()) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c < 0x80) {
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F)
                break;
            ++i;
            continue;
        }
        const std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
        if (length == 0 || c > 0xF4)
            break;
        if (i + length > bytes.size())
            return i; // a character the end cut: the text before it
        if (!std::all_of(bytes.begin() + std::ptrdiff_t(i) + 1, bytes.begin() + std::ptrdiff_t(i + length),
                         [](char b) { return (static_cast<unsigned char>(b) & 0xC0) == 0x80; }))
            break;
        i += length;
    }
    if (i == bytes.size())
        return i;
    const std::size_t lineEnd = bytes.substr(0, i).rfind('\n');
    return lineEnd == std::string_view::npos ? 0 : lineEnd + 1;
}

std::optional<std::string> decodeBase64(std::string_view text)
{
    std::string out;
    out.reserve(text.size() / 4 * 3 + 3);
    std::uint32_t accumulator = 0;
    int bits = 0;
    bool padded = false;
    for (const char c : text) {
        if (isAsciiSpace(c))
            continue;
        if (c == '=') {
            padded = true;
            continue;
        }
        const int value = base64Value(c);
        if (value < 0 || padded)
            return std::nullopt;
        accumulator = (accumulator << 6) | std::uint32_t(value);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += char((accumulator >> bits) & 0xFF);
        }
    }
    return out;
}

std::string decodeQuotedPrintable(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c != '=') {
            out += c;
            continue;
        }
        std::size_t k = i + 1;
        while (k < text.size() && isBlank(text[k]))
            ++k;
        if (k == text.size() || text[k] == '\n' ||
            (text[k] == '\r' && k + 1 < text.size() && text[k + 1] == '\n')) {
            i = k == text.size() ? k : k + (text[k] == '\r'); // a soft break: the line goes on
            continue;
        }
        if (i + 2 < text.size() && hexDigit(text[i + 1]) >= 0 && hexDigit(text[i + 2]) >= 0) {
            out += char(hexDigit(text[i + 1]) * 16 + hexDigit(text[i + 2]));
            i += 2;
            continue;
        }
        out += c;
    }
    return out;
}

std::optional<TransferEncodedText> findTransferEncodedText(std::string_view text)
{
    const std::vector<std::string_view> lines = splitLines(text);
    if (auto armored = armoredBase64(text, lines); armored && unpackGzip(*armored, text.size()))
        return armored;
    if (auto gzipped = gzipInBase64(text))
        return gzipped;
    if (auto block = base64Block(text, lines); block && unpackGzip(*block, text.size()))
        return block;
    const std::size_t body = mailBodyStart(text);
    return quotedPrintable(text, body == std::string_view::npos ? 0 : body);
}

bool startsLikeGzip(std::string_view bytes)
{
    return bytes.size() >= 10 && bytes.starts_with("\x1F\x8B\x08");
}

Gunzipped gunzip(std::string_view bytes, std::size_t maxBytes)
{
    Gunzipped result;
    // The name the header keeps (FNAME), after the optional extra field.
    const auto flags = static_cast<unsigned char>(bytes.size() > 3 ? bytes[3] : 0);
    std::size_t pos = 10;
    if ((flags & 0x04) && pos + 2 <= bytes.size())
        pos +=
            2 + (static_cast<unsigned char>(bytes[pos]) | (static_cast<unsigned char>(bytes[pos + 1]) << 8));
    if ((flags & 0x08) && pos < bytes.size()) {
        const std::size_t end = bytes.find('\0', pos);
        if (end != std::string_view::npos && end - pos < 1024)
            result.storedName = undeclaredTextToUtf8(bytes.substr(pos, end - pos), CodePage::Windows1252);
    }

    z_stream stream{};
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) {
        result.error = "cannot start unpacking";
        return result;
    }
    const std::unique_ptr<z_stream, int (*)(z_stream*)> end(&stream, inflateEnd);
    std::array<char, 64 * 1024> out{};
    std::size_t consumed = 0;
    bool ended = false;
    while (consumed < bytes.size()) {
        const std::size_t chunk = std::min<std::size_t>(bytes.size() - consumed, std::size_t(1) << 30);
        stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data() + consumed));
        stream.avail_in = uInt(chunk);
        int status = Z_OK;
        for (;;) {
            stream.next_out = reinterpret_cast<Bytef*>(out.data());
            stream.avail_out = uInt(out.size());
            status = inflate(&stream, Z_NO_FLUSH);
            const std::size_t got = out.size() - stream.avail_out;
            if (result.bytes.size() + got > maxBytes) {
                result.bytes.append(out.data(), maxBytes - result.bytes.size());
                result.overCap = true;
                return result;
            }
            result.bytes.append(out.data(), got); // also what came out before damage
            if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR) {
                result.error = stream.msg ? stream.msg : "error " + std::to_string(status);
                return result;
            }
            // Output pending while the buffer was full; otherwise the input is used up or the member ended.
            if (status == Z_STREAM_END || stream.avail_out != 0 || got == 0)
                break;
        }
        consumed += chunk - stream.avail_in;
        ended = status == Z_STREAM_END;
        if (ended) {
            // Another member may follow (files joined with cat); anything else after the end is left.
            if (consumed >= bytes.size() || !startsLikeGzip(bytes.substr(consumed)))
                return result;
            inflateReset(&stream);
            ended = false;
        } else if (stream.avail_in != 0) {
            result.error = "the compressed data cannot be read on";
            return result;
        }
    }
    if (!ended)
        result.error = "the compressed data is truncated";
    return result;
}

} // namespace hcn::io
