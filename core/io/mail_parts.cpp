// A mail (.eml) as the files it carries: MIME headers, multiparts and each part's transfer encoding.

#include "io/mail_parts.h"

#include "common/code_page.h"
#include "common/text.h"
#include "common/utf8.h"
#include "io/transfer_encodings.h"

#include <algorithm>

namespace hcn::io {

namespace {

struct Headers
{
    std::vector<std::pair<std::string, std::string>> fields; ///< lower-case name, unfolded value
    std::size_t bodyStart = std::string_view::npos;          ///< npos: no header block

    std::string_view get(std::string_view name) const
    {
        for (const auto& [key, value] : fields)
            if (key == name)
                return value;
        return {};
    }
};

bool isHeaderNameCharacter(char c)
{
    return c > ' ' && c < 127 && c != ':';
}

/// The header block at the start of `bytes`, up to the first empty line; bodyStart npos when it is none.
Headers parseHeaders(std::string_view bytes)
{
    constexpr std::size_t kMaxHeaderBytes = 256 * 1024;
    Headers headers;
    std::size_t pos = 0;
    while (pos < bytes.size() && pos < kMaxHeaderBytes) {
        std::size_t end = bytes.find('\n', pos);
        const std::size_t next = end == std::string_view::npos ? bytes.size() : end + 1;
        if (end == std::string_view::npos)
            end = bytes.size();
        std::string_view line = bytes.substr(pos, end - pos);
        if (line.ends_with('\r'))
            line.remove_suffix(1);
        if (line.empty()) {
            headers.bodyStart = next;
            return headers;
        }
        if (isBlank(line[0]) && !headers.fields.empty()) {
            headers.fields.back().second += " ";
            headers.fields.back().second += trimBlanks(line);
        } else {
            const std::size_t colon = line.find(':');
            if (colon == 0 || colon == std::string_view::npos ||
                !std::all_of(line.begin(), line.begin() + std::ptrdiff_t(colon), isHeaderNameCharacter))
                return {};
            headers.fields.emplace_back(lowerCopy(line.substr(0, colon)),
                                        std::string(trimBlanks(line.substr(colon + 1))));
        }
        pos = next;
    }
    if (pos == bytes.size() && !headers.fields.empty()) { // headers only: an empty body
        headers.bodyStart = pos;
        return headers;
    }
    return {};
}

/// The value of a header without its parameters, lower case: `multipart/mixed`.
std::string mainValue(std::string_view value)
{
    return lowerCopy(trimBlanks(value.substr(0, value.find(';'))));
}

/// A parameter of a header (`boundary="b1"`, `filename=x.txt`, `filename*=utf-8''x%20y.txt`).
std::string parameter(std::string_view value, std::string_view name)
{
    std::size_t pos = value.find(';');
    while (pos != std::string_view::npos) {
        std::string_view rest = trimBlanks(value.substr(pos + 1));
        const std::size_t eq = rest.find('=');
        const std::size_t semicolon = rest.find(';');
        if (eq != std::string_view::npos && (semicolon == std::string_view::npos || eq < semicolon)) {
            const std::string key = lowerCopy(trimBlanks(rest.substr(0, eq)));
            std::string_view raw = trimBlanks(rest.substr(eq + 1));
            std::string result;
            if (raw.starts_with('"')) {
                const std::size_t close = raw.find('"', 1);
                result =
                    std::string(raw.substr(1, close == std::string_view::npos ? raw.size() - 1 : close - 1));
            } else {
                result = std::string(trimBlanks(raw.substr(0, raw.find(';'))));
            }
            if (key == name)
                return result;
            if (key == std::string(name) + "*") { // RFC 2231: charset''percent-encoded
                const std::size_t quotes = result.find("''");
                const std::string_view encoded = quotes == std::string::npos
                                                     ? std::string_view(result)
                                                     : std::string_view(result).substr(quotes + 2);
                std::string decoded;
                for (std::size_t i = 0; i < encoded.size(); ++i) {
                    if (encoded[i] == '%' && i + 2 < encoded.size() && hexDigit(encoded[i + 1]) >= 0 &&
                        hexDigit(encoded[i + 2]) >= 0) {
                        decoded += char(hexDigit(encoded[i + 1]) * 16 + hexDigit(encoded[i + 2]));
                        i += 2;
                    } else {
                        decoded += encoded[i];
                    }
                }
                return decoded;
            }
        }
        const std::size_t next = rest.find(';');
        if (next == std::string_view::npos)
            break;
        pos = std::size_t(rest.data() + next - value.data());
    }
    return {};
}

/// The file name of a part: its last path component, without characters a report would trip over.
std::string partFileName(const Headers& headers)
{
    std::string name = parameter(headers.get("content-disposition"), "filename");
    if (name.empty())
        name = parameter(headers.get("content-type"), "name");
    if (const std::size_t slash = name.find_last_of("/\\"); slash != std::string::npos)
        name.erase(0, slash + 1);
    std::erase_if(name, [](char c) { return static_cast<unsigned char>(c) < ' ' || c == '!'; });
    return isValidUtf8(name) ? name : std::string();
}

/// The lines of a multipart body between its `--boundary` lines (the preamble and epilogue left out).
std::vector<std::string_view> splitMultipart(std::string_view body, std::string_view boundary)
{
    std::vector<std::string_view> parts;
    const std::string delimiter = "--" + std::string(boundary);
    std::size_t partStart = std::string_view::npos;
    for (std::size_t pos = 0; pos < body.size();) {
        std::size_t end = body.find('\n', pos);
        const std::size_t next = end == std::string_view::npos ? body.size() : end + 1;
        if (end == std::string_view::npos)
            end = body.size();
        const std::string_view line = trimSpace(body.substr(pos, end - pos));
        if (line.starts_with(delimiter)) {
            const std::string_view after = line.substr(delimiter.size());
            if (after.empty() || after == "--") {
                if (partStart != std::string_view::npos) {
                    std::size_t partEnd = pos;
                    // The line end before the delimiter belongs to it.
                    if (partEnd > partStart && body[partEnd - 1] == '\n')
                        --partEnd;
                    if (partEnd > partStart && body[partEnd - 1] == '\r')
                        --partEnd;
                    parts.push_back(body.substr(partStart, partEnd - partStart));
                }
                if (after == "--")
                    return parts;
                partStart = next;
            }
        }
        pos = next;
    }
    if (partStart != std::string_view::npos && partStart < body.size())
        parts.push_back(body.substr(partStart)); // a message cut before its closing delimiter
    return parts;
}

/// A text part's bytes in UTF-16 as its charset declares, without a byte order mark: the mark of the
/// declared byte order put in front, so the text is read in it (UTF-16 without a mark is big-endian,
/// RFC 2781, unless its zero bytes say little-endian as Windows writes it). Empty when nothing is done.
std::string_view utf16Mark(std::string_view charset, std::string_view bytes)
{
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF") || bytes.size() < 2)
        return {};
    if (charset == "utf-16le")
        return "\xFF\xFE";
    if (charset == "utf-16be")
        return "\xFE\xFF";
    if (charset != "utf-16" && charset != "unicode")
        return {};
    const bool littleEndian = bytes[0] != '\0' && bytes[1] == '\0';
    return littleEndian ? "\xFF\xFE" : "\xFE\xFF";
}

class MailReader
{
public:
    MailContents contents;

    void read(std::string_view entity, int depth)
    {
        if (contents.parts.size() >= kMaxMailParts)
            return;
        const Headers headers = parseHeaders(entity);
        if (headers.bodyStart == std::string_view::npos) {
            leaf({}, entity); // a part without headers: plain text
            return;
        }
        const std::string_view body = entity.substr(headers.bodyStart);
        const std::string type = mainValue(headers.get("content-type"));
        if (type.starts_with("multipart/") && depth < kMaxMailNesting) {
            const std::string boundary = parameter(headers.get("content-type"), "boundary");
            if (!boundary.empty()) {
                std::vector<std::string_view> children = splitMultipart(body, boundary);
                if (type == "multipart/alternative" && !children.empty()) {
                    // The same text in several forms: the plain one, else the first.
                    std::string_view chosen = children.front();
                    for (std::string_view child : children)
                        if (mainValue(parseHeaders(child).get("content-type")) == "text/plain") {
                            chosen = child;
                            break;
                        }
                    contents.otherForms += children.size() - 1;
                    children = {chosen};
                }
                for (std::string_view child : children)
                    read(child, depth + 1);
                return;
            }
        }
        leaf(headers, body);
    }

private:
    void leaf(const Headers& headers, std::string_view body)
    {
        const std::string type = mainValue(headers.get("content-type"));
        if (type.starts_with("image/") || type.starts_with("audio/") || type.starts_with("video/")) {
            ++contents.media; // pictures in a signature are no dump
            return;
        }
        if (type.starts_with("multipart/")) {
            ++contents.tooDeep;
            return;
        }
        const std::string encoding = mainValue(headers.get("content-transfer-encoding"));
        std::string bytes;
        std::string undone;
        if (encoding == "base64") {
            std::optional<std::string> decoded = decodeBase64(body);
            undone = decoded ? "base64 decoded" : "";
            bytes = decoded ? std::move(*decoded) : std::string(body);
        } else if (encoding == "quoted-printable") {
            bytes = decodeQuotedPrintable(body);
            undone = "quoted-printable decoded";
        } else {
            bytes = std::string(body);
        }
        const auto also = [&](std::string_view what) {
            undone += (undone.empty() ? "" : ", ") + std::string(what);
        };
        const std::string charset = lowerCopy(parameter(headers.get("content-type"), "charset"));
        const bool singleByte = charset == "iso-8859-1" || charset == "iso-8859-15" || charset == "latin1" ||
                                charset == "windows-1252" || charset == "cp1252";
        const bool text = type.empty() || type.starts_with("text/");
        if (text && singleByte && !isValidUtf8(bytes)) {
            bytes = codePageToUtf8(bytes, CodePage::Windows1252);
            also(charset + " made UTF-8");
        } else if (const std::string_view mark = text ? utf16Mark(charset, bytes) : std::string_view();
                   !mark.empty()) {
            bytes.insert(0, mark);
            also(std::string(mark == "\xFF\xFE" ? "UTF-16 LE" : "UTF-16 BE") + " as its charset " + charset +
                 " says");
        }
        std::string name = partFileName(headers);
        if (name.empty())
            name = m_bodies++ == 0 ? "body" : "part-" + std::to_string(contents.parts.size() + 1);
        contents.parts.push_back({std::move(name), std::move(bytes), std::move(undone)});
    }

    int m_bodies = 0;
};

} // namespace

bool looksLikeMail(std::string_view bytes)
{
    const std::size_t lineEnd = bytes.find('\n');
    const std::string_view first = bytes.substr(0, lineEnd);
    const std::size_t colon = first.find(':');
    if (colon == 0 || colon == std::string_view::npos ||
        !std::all_of(first.begin(), first.begin() + std::ptrdiff_t(colon), isHeaderNameCharacter))
        return false;
    const Headers headers = parseHeaders(bytes);
    return headers.bodyStart != std::string_view::npos && headers.fields.size() >= 2 &&
           (!headers.get("mime-version").empty() || !headers.get("content-type").empty());
}

MailContents mailContents(std::string_view message)
{
    MailReader reader;
    reader.read(message, 0);
    return std::move(reader.contents);
}

bool isMboxFromLine(std::string_view line)
{
    if (line.ends_with('\r'))
        line.remove_suffix(1);
    if (!line.starts_with("From ") || line.size() > 256)
        return false;
    std::string_view rest = trimBlanks(line.substr(5));
    const std::size_t senderEnd = rest.find_first_of(" \t");
    if (rest.empty() || senderEnd == std::string_view::npos)
        return false;
    const std::string_view date = rest.substr(senderEnd);
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    bool time = false; // `10:41`
    bool year = false; // four digits on their own
    for (std::size_t i = 0; i < date.size(); ++i) {
        time = time || (date[i] == ':' && i > 0 && i + 2 < date.size() && digit(date[i - 1]) &&
                        digit(date[i + 1]) && digit(date[i + 2]));
        if (digit(date[i]) && (i == 0 || !digit(date[i - 1]))) {
            std::size_t end = i;
            while (end < date.size() && digit(date[end]))
                ++end;
            year = year || (end - i == 4 && (end == date.size() || date[end] == ' ' || date[end] == '\t'));
        }
    }
    return time && year;
}

std::vector<std::string> mboxMails(std::string_view bytes)
{
    const std::size_t firstEnd = std::min(bytes.find('\n'), bytes.size());
    if (!isMboxFromLine(bytes.substr(0, firstEnd)) || firstEnd == bytes.size())
        return {};
    const Headers first = parseHeaders(bytes.substr(firstEnd + 1));
    if (first.bodyStart == std::string_view::npos || first.fields.size() < 2)
        return {};
    std::vector<std::string> mails;
    std::string* mail = nullptr;
    bool previousEmpty = true;
    std::size_t pendingEmpty = 0; // empty lines not yet known to be the mail's own
    for (std::size_t pos = 0; pos < bytes.size();) {
        const std::size_t end = std::min(bytes.find('\n', pos), bytes.size());
        const std::size_t next = end == bytes.size() ? end : end + 1;
        std::string_view line = bytes.substr(pos, next - pos); // with its line end
        pos = next;
        std::string_view content = line.substr(0, end - (line.data() - bytes.data()));
        if (content.ends_with('\r'))
            content.remove_suffix(1);
        if (previousEmpty && isMboxFromLine(content) && mails.size() < kMaxMboxMails) {
            mail = &mails.emplace_back();
            pendingEmpty = 0;
            previousEmpty = false;
            continue;
        }
        previousEmpty = content.empty();
        if (content.empty()) {
            ++pendingEmpty; // the empty line an mbox puts before the next `From ` line is no mail's
            continue;
        }
        for (; pendingEmpty > 0; --pendingEmpty)
            *mail += line.ends_with("\r\n") ? "\r\n" : "\n";
        // `>From `, `>>From `: a body line quoted so it starts no mail.
        const std::size_t quotes = content.find_first_not_of('>');
        if (quotes != std::string_view::npos && quotes > 0 && content.substr(quotes).starts_with("From "))
            line.remove_prefix(1);
        *mail += line;
    }
    return mails;
}

std::size_t mailBodyStart(std::string_view bytes)
{
    return looksLikeMail(bytes) ? parseHeaders(bytes).bodyStart : std::string_view::npos;
}

} // namespace hcn::io
