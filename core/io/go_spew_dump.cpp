// Finding HNS objects that go-spew printed (spew.Sdump: kube-proxy's "Associated endpoints" and
// "spewConfig" log lines, flannel and CNI debug output) and reading them as the import reads
// hcsshim's JSON.

#include "common/text.h"
#include "common/utf8.h"
#include "hcn/dump_formats.h"
#include "io/go_byte_policies.h"
#include "io/go_dump_elements.h"
#include "io/go_struct_value.h"
#include "io/hns_member.h"
#include "io/kube_proxy_endpoints.h"
#include "io/text_scan.h"
#include "io/text_tables.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>

namespace hcn::io {

namespace {

using json = nlohmann::json;

/// A dump is read over at most this many lines and bytes after the line it starts on.
constexpr std::size_t kMaxSpewLines = 4096;
constexpr std::size_t kMaxSpewBytes = 1 << 20;
/// FoundValue::context keeps at most this many bytes before a dump.
constexpr std::size_t kMaxSpewContext = 120;
/// A spew type name longer than this is not one.
constexpr std::size_t kMaxSpewTypeName = 256;

bool isTypeChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '*' || c == '[' ||
           c == ']';
}

/// What opens at a `(`: a dump of an HNS object of `kind`, or kube-proxy's record of an endpoint.
struct SpewStart
{
    ResourceKind kind = ResourceKind::Invalid;
    bool kubeProxyRecord = false;
    /// The record's type without its package (`serviceInfo`, `endpointsInfo`) when it is kube-proxy's.
    std::string_view recordType;
    bool opens() const { return kind != ResourceKind::Invalid || kubeProxyRecord; }
};

/// `(hcsshim.HNSEndpoint) {`, `([]hcsshim.HNSEndpoint) (len=2 cap=2) {`, `(*hcsshim.HNSNetwork)(0xc0)(`,
/// `(*winkernel.endpointsInfo)({` (spew without pointer addresses) at text[at]: the kind of HNS object
/// the type names, or kube-proxy's record of an endpoint; nothing when no spew dump of one opens there.
SpewStart spewDumpAt(std::string_view text, std::size_t at)
{
    if (at >= text.size() || text[at] != '(')
        return {};
    std::size_t end = at + 1;
    while (end < text.size() && end - at <= kMaxSpewTypeName && isTypeChar(text[end]))
        ++end;
    if (end >= text.size() || text[end] != ')' || end == at + 1)
        return {};
    const std::string_view type = text.substr(at + 1, end - at - 1);
    const bool record = isKubeProxyEndpointType(type) || isKubeProxyServiceType(type);
    const SpewStart start{goKindOfType(type), record, record ? type.substr(type.rfind('.') + 1) : ""};
    if (!start.opens())
        return {};
    std::string_view rest = text.substr(end + 1);
    if (rest.starts_with("({"))
        return start;
    if (rest.starts_with("(0x")) {
        // A pointer, its address and its value: `(0xc0001a2000)({`. Without a value after the address it
        // is fmt's %#v of a pointer (`(*hcsshim.HNSNetwork)(0xc0001a2000)`), which shows no struct.
        const std::size_t close = rest.find_first_not_of("0123456789abcdefABCDEF", 3);
        return close != std::string_view::npos && rest.substr(close).starts_with(")(") ? start : SpewStart{};
    }
    rest = trimBlanks(rest);
    if (rest.starts_with("(len=") || rest.starts_with("(cap=")) {
        const std::size_t close = rest.find(')');
        rest = close == std::string_view::npos ? std::string_view() : trimBlanks(rest.substr(close + 1));
    }
    return rest.starts_with('{') ? start : SpewStart{};
}

/// A line that opens a log record of its own (klog `I0702 02:58:59`, a date, logrus `time=`), a markdown
/// fence or a blank line: no spew dump runs on into it.
bool endsSpewText(std::string_view line)
{
    const std::string_view t = trimBlanks(line);
    if (t.empty() || isFenceLine(t) || t.starts_with("time="))
        return true;
    const auto digit = [&](std::size_t i) {
        return i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]));
    };
    if (t.size() > 5 && std::string_view("IWEF").find(t[0]) != std::string_view::npos && digit(1) &&
        digit(2) && digit(3) && digit(4) && t[5] == ' ')
        return true;
    return digit(0) && digit(1) && digit(2) && digit(3) && t.size() > 4 && t[4] == '-';
}

/// Bytes of a hex dump as text: an IP address for net.IP, a MAC for net.HardwareAddr, JSON for a
/// json.RawMessage or bytes that hold it, else the text or the numbers; nullopt (with a loss) for bytes
/// of JSON that do not parse, which are left out.
std::optional<json> bytesValue(const std::string& bytes, std::string_view type,
                               std::vector<std::string>& losses, const std::string& path, int maxDepth)
{
    const auto octet = [&](std::size_t i) { return std::to_string(static_cast<unsigned char>(bytes[i])); };
    if (type.ends_with("net.IP") && (bytes.size() == 4 || bytes.size() == 16)) {
        const bool mapped =
            bytes.size() == 16 && bytes.compare(0, 12, std::string("\0\0\0\0\0\0\0\0\0\0\xff\xff", 12)) == 0;
        if (bytes.size() == 4 || mapped) {
            const std::size_t o = bytes.size() - 4;
            return octet(o) + "." + octet(o + 1) + "." + octet(o + 2) + "." + octet(o + 3);
        }
        static constexpr char kHex[] = "0123456789abcdef";
        std::string text;
        for (std::size_t i = 0; i < 16; i += 2) {
            if (i)
                text += ':';
            const unsigned value =
                static_cast<unsigned char>(bytes[i]) << 8 | static_cast<unsigned char>(bytes[i + 1]);
            bool leading = true;
            for (int shift = 12; shift >= 0; shift -= 4) {
                const unsigned nibble = (value >> shift) & 0xF;
                if (nibble == 0 && leading && shift)
                    continue;
                leading = false;
                text += kHex[nibble];
            }
        }
        return text;
    }
    if (type.ends_with("net.HardwareAddr")) {
        static constexpr char kHex[] = "0123456789abcdef";
        std::string text;
        for (unsigned char c : bytes) {
            if (!text.empty())
                text += ':';
            text += kHex[c >> 4];
            text += kHex[c & 0xF];
        }
        return text;
    }
    const std::string_view t = trimBlanks(bytes);
    if (type.ends_with("RawMessage") || t.starts_with('{') || t.starts_with('[')) {
        std::string why;
        std::optional<json> parsed = goJsonBytes(bytes, maxDepth, why);
        if (!parsed)
            losses.push_back(path + ": " + why);
        return parsed;
    }
    if (std::all_of(bytes.begin(), bytes.end(), [](char c) { return c >= 0x20 && c < 0x7f; }))
        return bytes;
    json numbers = json::array();
    for (unsigned char c : bytes)
        numbers.push_back(c);
    return numbers;
}

/// A scalar as spew prints it after its type: `true`, `9090`, a Stringer's text.
json scalarValue(std::string_view token, std::string_view type)
{
    if (type == "bool")
        return token == "true";
    const bool integer = type.starts_with("int") || type.starts_with("uint");
    if (integer || type.empty() ||
        !std::isalpha(static_cast<unsigned char>(token.empty() ? 'x' : token[0]))) {
        std::int64_t value = 0;
        if (auto [p, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
            ec == std::errc() && p == token.data() + token.size())
            return value;
        std::uint64_t big = 0;
        if (auto [p, ec] = std::from_chars(token.data(), token.data() + token.size(), big);
            ec == std::errc() && p == token.data() + token.size())
            return big;
    }
    return std::string(token);
}

/// Reads one value spew printed: `(type) (len=N cap=M) body`, where the body is `<nil>`, a quoted
/// string, a scalar, `{ fields, elements or map entries }` or a hex dump of bytes; a pointer is
/// `(*type)(0xaddr)(value)`. Stops where the text ends (cut) or stops being spew (bad), keeping what
/// was complete before.
class SpewReader
{
public:
    explicit SpewReader(std::string_view text) : m_text(text) {}

    bool cut = false;
    bool bad = false;
    bool tooDeep = false;
    std::string stoppedIn;
    std::vector<std::string> losses;
    /// The elements of the list at the top: their byte ranges.
    std::vector<std::pair<std::size_t, std::size_t>> elements;

    std::size_t position() const { return m_pos; }

    /// False when the value is not complete (cut, bad or too deep); `out` keeps its complete part.
    bool value(json& out, const std::string& path)
    {
        m_leftOut = false;
        skipBlanks();
        if (atEnd())
            return stop(path);
        std::string type;
        if (m_text[m_pos] == '(') {
            const std::optional<std::string_view> group = paren();
            if (!group)
                return stop(path);
            type = std::string(*group);
            if (type.starts_with('*'))
                return pointer(out, type, path);
        }
        return typedBody(out, type, path);
    }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }

    bool stop(const std::string& path)
    {
        if (atEnd())
            cut = true;
        else
            bad = true;
        if (stoppedIn.empty())
            stoppedIn = path;
        return false;
    }

    void skipBlanks()
    {
        while (!atEnd() && std::isspace(static_cast<unsigned char>(m_text[m_pos])))
            ++m_pos;
    }

    void skipInline()
    {
        while (!atEnd() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t'))
            ++m_pos;
    }

    /// `(...)` at m_pos, nested parentheses included: what it holds; nullopt when it does not close.
    std::optional<std::string_view> paren()
    {
        int depth = 0;
        for (std::size_t i = m_pos; i < m_text.size(); ++i) {
            if (m_text[i] == '(')
                ++depth;
            else if (m_text[i] == ')' && --depth == 0) {
                const std::string_view inside = m_text.substr(m_pos + 1, i - m_pos - 1);
                m_pos = i + 1;
                return inside;
            } else if (m_text[i] == '\n') {
                return std::nullopt;
            }
        }
        m_pos = m_text.size(); // the text ends inside it
        return std::nullopt;
    }

    bool pointer(json& out, const std::string& type, const std::string& path)
    {
        skipInline();
        if (atEnd() || m_text[m_pos] != '(')
            return stop(path);
        // spew.Config's DisablePointerAddresses prints no address: `(*T)({`.
        const bool addressed = !m_text.substr(m_pos).starts_with("({");
        const std::optional<std::string_view> address = addressed ? paren() : std::string_view("");
        if (!address)
            return stop(path);
        if (*address == "<nil>") {
            out = nullptr;
            return true;
        }
        if (address->starts_with('<')) { // <already shown>
            out = nullptr;
            losses.push_back(path + ": printed once already; left out");
            return true;
        }
        if (atEnd() || m_text[m_pos] != '(')
            return stop(path);
        ++m_pos;
        if (++m_parens > kDefaultMaxJsonDepth) {
            tooDeep = true;
            return false;
        }
        const std::size_t pointee = std::min(type.find_first_not_of('*'), type.size());
        const bool ok = typedBody(out, std::string_view(type).substr(pointee), path);
        --m_parens;
        if (!ok)
            return false;
        skipBlanks();
        if (atEnd() || m_text[m_pos] != ')')
            return stop(path);
        ++m_pos;
        return true;
    }

    bool typedBody(json& out, std::string_view type, const std::string& path)
    {
        skipInline();
        if (m_text.substr(m_pos).starts_with("(len=") || m_text.substr(m_pos).starts_with("(cap=")) {
            if (!paren())
                return stop(path);
            skipInline();
        }
        if (atEnd())
            return stop(path);
        const std::string_view rest = m_text.substr(m_pos);
        if (rest.starts_with('<')) { // <nil>, <invalid>, <max depth reached>, <already shown>
            const std::size_t close = rest.find('>');
            if (close == std::string_view::npos)
                return stop(path);
            if (rest.substr(0, close + 1) != "<nil>" && rest.substr(0, close + 1) != "<invalid>")
                losses.push_back(path + ": " + std::string(rest.substr(1, close - 1)) + "; left out");
            m_pos += close + 1;
            out = nullptr;
            return true;
        }
        if (rest.front() == '"')
            return quoted(out, path);
        if (rest.front() == '{')
            return braces(out, type, path);
        return scalar(out, type, path);
    }

    bool quoted(json& out, const std::string& path)
    {
        std::string text;
        for (std::size_t i = m_pos + 1; i < m_text.size() && m_text[i] != '\n'; ++i) {
            const char c = m_text[i];
            if (c == '"') {
                m_pos = i + 1;
                out = validUtf8(std::move(text));
                return true;
            }
            if (c != '\\' || i + 1 >= m_text.size()) {
                text += c;
                continue;
            }
            const char e = m_text[++i];
            switch (e) {
            case 'n':
                text += '\n';
                break;
            case 't':
                text += '\t';
                break;
            case 'r':
                text += '\r';
                break;
            case 'x':
                if (i + 2 < m_text.size()) {
                    unsigned value = 0;
                    std::from_chars(m_text.data() + i + 1, m_text.data() + i + 3, value, 16);
                    text += static_cast<char>(value);
                    i += 2;
                }
                break;
            default:
                text += e; // \" and \\ (and what strconv.Quote never writes)
            }
        }
        m_pos = m_text.size();
        return stop(path);
    }

    /// A scalar runs to the line end, a `,` ending the line, or a `)` closing a pointer's value.
    bool scalar(json& out, std::string_view type, const std::string& path)
    {
        const std::size_t start = m_pos;
        int depth = 0;
        std::size_t i = m_pos;
        for (; i < m_text.size() && m_text[i] != '\n'; ++i) {
            const char c = m_text[i];
            if (c == '(')
                ++depth;
            else if (c == ')' && depth-- == 0)
                break;
            else if (c == ',' && (i + 1 == m_text.size() || m_text[i + 1] == '\n'))
                break;
        }
        if (i >= m_text.size()) {
            m_pos = m_text.size();
            return stop(path); // the text ends inside it: the value may be cut
        }
        const std::string_view token = trimBlanks(m_text.substr(start, i - start));
        if (token.empty() || token.front() == '}' || token.front() == '{')
            return stop(path);
        m_pos = i;
        out = scalarValue(token, type);
        if (out.is_string())
            out = validUtf8(out.get<std::string>());
        return true;
    }

    static bool isFieldStart(std::string_view rest)
    {
        std::size_t n = 0;
        while (n < rest.size() && (std::isalnum(static_cast<unsigned char>(rest[n])) || rest[n] == '_'))
            ++n;
        return n > 0 && !std::isdigit(static_cast<unsigned char>(rest[0])) &&
               rest.substr(n).starts_with(": ");
    }

    bool braces(json& out, std::string_view type, const std::string& path)
    {
        ++m_pos;
        if (++m_depth > kDefaultMaxJsonDepth) {
            tooDeep = true;
            return false;
        }
        const bool top = m_depth == 1;
        skipBlanks();
        if (atEnd())
            return leave(stop(path));
        const std::string_view rest = m_text.substr(m_pos);
        const std::size_t lineEnd = rest.find('\n');
        if (rest.front() == '}') {
            ++m_pos;
            out = type.starts_with('[') ? json::array() : json::object();
            return leave(true);
        }
        if (isHexDumpLine(rest.substr(0, lineEnd)))
            return leave(hexDump(out, type, path));
        if (isFieldStart(rest))
            return leave(fields(out, path));
        return leave(items(out, type, path, top));
    }

    bool leave(bool ok)
    {
        --m_depth;
        return ok;
    }

    bool closeOrNext()
    {
        skipInline();
        if (!atEnd() && m_text[m_pos] == ',')
            ++m_pos;
        skipBlanks();
        return !atEnd();
    }

    /// Before each member, element or hex line: nullopt when the text ends there (a cut), true when the
    /// braces close there (the brace is read), false when something follows.
    std::optional<bool> closing(const std::string& path)
    {
        skipBlanks();
        if (atEnd()) {
            stop(path);
            return std::nullopt;
        }
        if (m_text[m_pos] != '}')
            return false;
        ++m_pos;
        return true;
    }

    bool fields(json& out, const std::string& path)
    {
        out = json::object();
        for (;;) {
            const std::optional<bool> closed = closing(path);
            if (!closed || *closed)
                return closed.has_value();
            std::size_t n = 0;
            while (m_pos + n < m_text.size() &&
                   (std::isalnum(static_cast<unsigned char>(m_text[m_pos + n])) || m_text[m_pos + n] == '_'))
                ++n;
            if (n == 0 || m_text.substr(m_pos + n, 2) != ": ")
                return stop(path);
            const std::string name(m_text.substr(m_pos, n));
            m_pos += n + 2;
            const std::string inner = path.empty() ? name : path + "." + name;
            json member;
            if (!value(member, inner))
                return false;
            out[name] = std::move(member);
            if (!closeOrNext())
                return stop(path);
        }
    }

    bool items(json& out, std::string_view type, const std::string& path, bool top)
    {
        const bool map = type.starts_with("map[");
        out = map ? json::object() : json::array();
        for (std::size_t index = 0;; ++index) {
            const std::optional<bool> closed = closing(path);
            if (!closed || *closed)
                return closed.has_value();
            const std::size_t from = m_pos;
            const std::string inner = path + "[" + std::to_string(index) + "]";
            json item;
            const bool ok = value(item, inner);
            skipInline();
            if (ok && map && !atEnd() && m_text[m_pos] == ':') {
                ++m_pos;
                json entry;
                const std::string key = item.is_string() ? item.get<std::string>() : item.dump();
                if (!value(entry, path + "." + key))
                    return false;
                out[key] = std::move(entry);
            } else if (!map) {
                if (!ok) {
                    // A list cut inside an element keeps that element's complete part.
                    if (item.is_object() && !item.empty()) {
                        if (top)
                            elements.emplace_back(from, m_pos);
                        out.push_back(std::move(item));
                    }
                    return false;
                }
                // Bytes that hold no JSON are left out with their loss, not kept as null.
                if (!(item.is_null() && m_leftOut)) {
                    if (top)
                        elements.emplace_back(from, m_pos);
                    out.push_back(std::move(item));
                }
            } else {
                return ok ? stop(path) : false;
            }
            if (!closeOrNext())
                return stop(path);
        }
    }

    bool hexDump(json& out, std::string_view type, const std::string& path)
    {
        std::string bytes;
        for (;;) {
            const std::optional<bool> closed = closing(path);
            if (!closed)
                return false;
            if (*closed) {
                std::optional<json> value =
                    bytesValue(bytes, type, losses, path, kDefaultMaxJsonDepth - m_depth);
                m_leftOut = !value;
                out = value ? std::move(*value) : json();
                return true;
            }
            std::size_t lineEnd = m_text.find('\n', m_pos);
            if (lineEnd == std::string_view::npos) {
                m_pos = m_text.size();
                return stop(path); // the last line may be cut
            }
            const std::string_view line = m_text.substr(m_pos, lineEnd - m_pos);
            if (!isHexDumpLine(line))
                return stop(path);
            appendHexDumpBytes(line, bytes);
            m_pos = lineEnd + 1;
        }
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
    int m_depth = 0;
    int m_parens = 0;
    /// The value just read is null because it was left out with a loss (bytes that are no JSON).
    bool m_leftOut = false;
};

/// A kube-proxy record (serviceInfo, endpointsInfo) that a go-spew dump left unclosed.
struct KubeProxyCut
{
    std::string_view recordType;
    std::string cutPath;    ///< the member the cut came inside; empty for the record itself
    bool textEnds = false;  ///< the text ends inside the record (else a line cannot be read)
    bool anyMember = false; ///< a member was read before the cut
    int lastLine = 0;       ///< the last line read
    std::string namedId;    ///< the HNS object the record names by its hnsID; empty for none
    bool namesHnsObject = false;
    bool showsHnsId = false; ///< an hnsID member is in the paste, even an empty one
};

/// The info on a kube-proxy record the paste cut: where it stops, and what HNS object it names as far
/// as it goes (the record is no HNS object of its own).
std::string describeKubeProxyCut(const KubeProxyCut& cut)
{
    const std::string object = cut.recordType == "serviceInfo" ? "load balancer" : "endpoint";
    const std::string in = cut.cutPath.empty() ? std::string() : " inside " + cut.cutPath;
    std::string text = "a go-spew dump of kube-proxy's " + std::string(cut.recordType);
    if (!cut.textEnds)
        text += " cannot be read past line " + std::to_string(cut.lastLine) + in;
    else if (!cut.anyMember && in.empty())
        text += " is cut off before its first member (the text ends there)";
    else
        text += " is cut off" + in + " (the text ends there)";
    if (!cut.namesHnsObject)
        return text + "; as far as it goes it names no HNS " + object +
               (cut.showsHnsId ? "" : " (its hnsID is not in the paste)");
    text += "; what came before is read (the record is no HNS object)";
    if (!cut.namedId.empty())
        text += ": it names HNS " + object + " " + validUtf8(cut.namedId);
    return text;
}

class SpewFinder
{
public:
    SpewFinder(ExtractResult& result, const std::vector<CleanedLine>& lines)
        : m_result(result), m_lines(lines)
    {
        m_joinBudget = kMaxSpewBytes;
        for (const CleanedLine& line : lines)
            m_joinBudget += 2 * (line.text.size() + 1);
    }

    void run()
    {
        for (std::size_t line = 0; line < m_lines.size();) {
            if (m_joinBudget == 0) {
                // Text made of dumps that each stop early (hostile input): joining stays linear.
                warn(
                    m_lines[line].sourceLine, m_lines.back().sourceLine,
                    "too many go-spew dumps that stop early; the rest of the text was not searched for them");
                return;
            }
            const std::string& text = m_lines[line].text;
            std::size_t at = text.find('(');
            SpewStart start;
            while (at != std::string::npos && !(start = spewDumpAt(text, at)).opens())
                at = text.find('(', at + 1);
            const bool blockStart = line == 0 || endsSpewText(m_lines[line - 1].text);
            if (start.opens())
                line = read(line, at, start);
            else if (blockStart && isSpewMemberLine(text))
                line = readStartCut(line);
            else
                ++line;
        }
    }

private:
    /// `  ip: (string) (len=9) "10.0.0.70",`: a member as go-spew prints one, its type in parentheses.
    static bool isSpewMemberLine(std::string_view line)
    {
        const std::string_view t = trimBlanks(line);
        std::size_t n = 0;
        while (n < t.size() && (std::isalnum(static_cast<unsigned char>(t[n])) || t[n] == '_'))
            ++n;
        return n > 0 && !std::isdigit(static_cast<unsigned char>(t[0])) && t.substr(n).starts_with(": (") &&
               t.find(')', n) != std::string_view::npos;
    }

    /// Whether a dump of an HNS object or a record of kube-proxy's opens on `line`.
    static bool opensSpewDump(std::string_view line)
    {
        for (std::size_t at = line.find('('); at != std::string_view::npos; at = line.find('(', at + 1))
            if (spewDumpAt(line, at).opens())
                return true;
        return false;
    }

    /// A line holding nothing but brackets closing what the lines before opened (`},`, `})`).
    static bool onlyClosesBrackets(std::string_view line)
    {
        const std::string_view t = trimBlanks(line);
        return !t.empty() && t.find_first_not_of("})],") == std::string_view::npos;
    }

    /// A paste that starts inside a go-spew dump (a chat message or a console's scrollback cut above its
    /// `(*winkernel.serviceInfo)(0xc...)({`): the members of each struct it is inside, innermost first,
    /// to the bracket that closes it. Only kube-proxy's records are read from them (the type that would
    /// tell an HNS object's kind is what the cut took); returns the line to search on from.
    std::size_t readStartCut(std::size_t first)
    {
        std::size_t line = first;
        for (int structs = 0; structs < kDefaultMaxJsonDepth && line < m_lines.size(); ++structs) {
            std::string text = "{";
            std::vector<std::size_t> starts; // where each line begins in `text`
            joinSpewLines(text, starts, line, line);
            SpewReader reader(text);
            json value;
            const bool closed = reader.value(value, "");
            const auto lineOf = [&](std::size_t offset) {
                const auto it = std::upper_bound(starts.begin(), starts.end(), offset);
                return line + (it == starts.begin() ? 0 : std::size_t(it - starts.begin()) - 1);
            };
            const std::size_t end = std::min(reader.position(), text.size());
            const std::size_t lastLine = lineOf(end ? end - 1 : 0);
            // Dumps that open inside the lines read (of a struct that is no record of kube-proxy's, or
            // after prose that read as none) are read as they open, line by line.
            for (std::size_t l = line; l <= lastLine; ++l)
                if (opensSpewDump(m_lines[l].text))
                    return line == first ? first + 1 : line;
            if (!value.is_object() || value.empty())
                return std::max(lastLine, first) + 1;
            const std::optional<std::string> unprogrammed = unprogrammedServiceIn(value);
            goJsonNames(value, true);
            if (kubeProxyServiceIn(value) || kubeProxyEndpointIn(value)) {
                FoundValue found;
                found.format = DumpFormat::GoStruct;
                found.firstLine = m_lines[line].sourceLine;
                found.lastLine = m_lines[lastLine].sourceLine;
                found.sourceText = validUtf8(text.substr(2, reader.position() - 2));
                found.repairs.push_back("read a go-spew dump the paste starts inside");
                found.startCut = true;
                found.cutOff = !closed;
                found.value = std::move(value);
                m_result.values.push_back(std::move(found));
            }
            if (unprogrammed)
                sayLogged(m_lines[line].sourceLine, m_lines[lastLine].sourceLine, *unprogrammed);
            if (!closed)
                return lastLine + 1;
            // The struct the one just read was in goes on after the brackets that close it, and after the
            // next elements of a list the cut one was in (`(*winkernel.loadBalancerIngressInfo)(0xc...)({`).
            line = lastLine + 1;
            for (;;) {
                while (line < m_lines.size() && onlyClosesBrackets(m_lines[line].text))
                    ++line;
                if (line >= m_lines.size() || !trimBlanks(m_lines[line].text).starts_with('(') ||
                    opensSpewDump(m_lines[line].text))
                    break;
                const std::size_t next = lineAfterValue(line);
                if (next == 0)
                    return line + 1;
                line = next;
            }
            if (line >= m_lines.size() || !isSpewMemberLine(m_lines[line].text))
                return line;
        }
        return line;
    }

    /// Joins lines[from, ...) onto `text`, each after a line break, to a line that ends go-spew's text (no
    /// line ends it at `dumpFirst`, the dump's first line), within kMaxSpewLines of `dumpFirst`,
    /// kMaxSpewBytes and what the joining of dumps may still read (which it uses up); `starts` gets where
    /// each joined line begins in `text`.
    void joinSpewLines(std::string& text, std::vector<std::size_t>& starts, std::size_t from,
                       std::size_t dumpFirst)
    {
        for (std::size_t l = from; l < m_lines.size() && l - dumpFirst < kMaxSpewLines &&
                                   text.size() < std::min(kMaxSpewBytes, m_joinBudget);
             ++l) {
            if (l > dumpFirst && endsSpewText(m_lines[l].text))
                break;
            starts.push_back(text.size() + 1);
            text += '\n';
            text += m_lines[l].text;
        }
        m_joinBudget -= std::min(m_joinBudget, text.size());
    }

    /// The line after the whole value go-spew printed from lines[first] on; 0 when it does not close there.
    std::size_t lineAfterValue(std::size_t first)
    {
        if (m_joinBudget == 0)
            return 0;
        std::string text = m_lines[first].text;
        std::vector<std::size_t> starts{0};
        joinSpewLines(text, starts, first + 1, first);
        SpewReader reader(text);
        json ignored;
        if (!reader.value(ignored, "") || reader.position() == 0)
            return 0;
        const auto it = std::upper_bound(starts.begin(), starts.end(), reader.position() - 1);
        return first + std::size_t(it - starts.begin());
    }

    /// Reads the dump opening at lines[first] column `column`; returns the line to search on from.
    std::size_t read(std::size_t first, std::size_t column, SpewStart start)
    {
        std::string text = m_lines[first].text.substr(column);
        std::vector<std::size_t> starts{0}; // where each line begins in `text`
        joinSpewLines(text, starts, first + 1, first);
        SpewReader reader(text);
        json value;
        const bool closed = reader.value(value, "");
        const auto lineOf = [&](std::size_t offset) {
            const auto it = std::upper_bound(starts.begin(), starts.end(), offset);
            return first + std::size_t(it - starts.begin()) - 1;
        };
        const std::size_t end = std::min(reader.position(), text.size());
        const std::size_t lastLine = lineOf(end ? end - 1 : 0);
        const int sourceFirst = m_lines[first].sourceLine;
        const int sourceLast = m_lines[lastLine].sourceLine;
        if (reader.tooDeep) {
            warn(sourceFirst, sourceFirst,
                 "nested deeper than " + std::to_string(kDefaultMaxJsonDepth) + " levels; not imported");
            return lastLine + 1;
        }
        // What the cut cost, said of the object it fell in: in a list, the element it names (phrased
        // from that element), or the last one when it fell between them.
        std::string cutPath = reader.stoppedIn;
        std::optional<std::size_t> cutElement;
        if (value.is_array()) {
            std::string inside;
            cutElement = goListElementOf(cutPath, &inside);
            if (cutElement)
                cutPath = std::move(inside);
        }
        std::string cutLoss;
        if (!closed) {
            const std::string where = cutPath.empty() ? std::string() : " in " + cutPath;
            cutLoss = reader.cut ? "the dump ends inside this value" + where + "; what followed is unknown"
                                 : "the dump cannot be read" + where + "; what followed is unknown";
        }
        std::string_view before = trimBlanks(std::string_view(m_lines[first].text).substr(0, column));
        if (before.size() > kMaxSpewContext)
            before = before.substr(before.size() - kMaxSpewContext);
        bool losesHns = false;
        const auto take = [&](json&& object, std::size_t from, std::size_t to, bool last,
                              std::optional<std::size_t> element) {
            // Read before the empty strings that say it are left out as omitempty leaves them out.
            const std::optional<std::string> unprogrammed =
                start.kubeProxyRecord ? unprogrammedServiceIn(object) : std::nullopt;
            goJsonNames(object, true);
            if (!object.is_object() || object.empty())
                return false;
            FoundValue found;
            found.format = DumpFormat::GoStruct;
            found.kindHint = start.kind;
            found.firstLine = m_lines[lineOf(from)].sourceLine;
            found.lastLine = m_lines[lineOf(to ? to - 1 : 0)].sourceLine;
            if (unprogrammed)
                sayLogged(found.firstLine, found.lastLine, *unprogrammed);
            found.sourceText = validUtf8(text.substr(from, to - from));
            found.context = validUtf8(std::string(before));
            found.repairs.push_back("read a go-spew dump");
            // Each element of a list is an object of its own: its losses, with its own paths.
            for (const std::string& loss : reader.losses)
                if (std::optional<std::string> own = element ? goLossOfElement(loss, *element) : loss)
                    found.losses.push_back(std::move(*own));
            if (!cutLoss.empty() && (cutElement ? cutElement == element : last)) {
                found.losses.push_back(cutLoss);
                found.cutOff = true;
            }
            // A cut dump of a request sent to HNS, or one that shows no HNS member, lost no HNS object.
            losesHns = losesHns || (!closed && !start.kubeProxyRecord && cutLosesHnsObject(object, before));
            found.value = std::move(object);
            m_result.values.push_back(std::move(found));
            return true;
        };
        const auto hasHnsId = [](const json& record) {
            return record.is_object() && (record.contains("hnsID") || record.contains("hnsId"));
        };
        // The HNS ID a record gives (`hnsID`, else `hnsId`, a string not empty); empty for none.
        const auto hnsIdOf = [](const json& record) {
            for (const char* key : {"hnsID", "hnsId"})
                if (record.is_object() && record.contains(key) && record[key].is_string() &&
                    !record[key].get_ref<const std::string&>().empty())
                    return record[key].get<std::string>();
            return std::string();
        };
        const auto givesHnsId = [&hnsIdOf](const json& record) { return !hnsIdOf(record).empty(); };
        const auto inAny = [&value](const auto& test) {
            return test(value) || (value.is_array() && std::any_of(value.begin(), value.end(), test));
        };
        const bool showsHnsId = inAny(hasHnsId);
        const bool namesHnsObject = inAny(givesHnsId);
        // The one HNS object a single record names (a list's records are each named by the log).
        const std::string namedId = hnsIdOf(value);
        bool any = false;
        if (value.is_array()) {
            for (std::size_t i = 0; i < value.size() && i < reader.elements.size(); ++i)
                any |= take(std::move(value[i]), reader.elements[i].first, reader.elements[i].second,
                            i + 1 == value.size(), i);
        } else {
            any = take(std::move(value), 0, end, true, std::nullopt);
        }
        if (!closed && start.kubeProxyRecord) {
            // kube-proxy's record is no HNS object: a cut loses no HNS object, only what the record would
            // have named by its hnsID when the cut came before it.
            info(sourceFirst, sourceLast,
                 describeKubeProxyCut({start.recordType, cutPath, reader.cut, any, sourceLast, namedId,
                                       namesHnsObject, showsHnsId}));
        } else if (!closed && any) {
            if (losesHns)
                warn(sourceFirst, sourceLast,
                     reader.cut
                         ? "the go-spew dump is cut off (the text ends inside it); only what came before the "
                           "cut is read"
                         : "the go-spew dump cannot be read past line " + std::to_string(sourceLast) +
                               "; only what came before is read");
        } else if (!closed)
            warn(sourceFirst, sourceFirst,
                 "a go-spew dump opens here but ends before any member is complete; not imported");
        return closed ? lastLine + 1 : std::max(lastLine, first + 1);
    }

    void warn(int first, int last, std::string message)
    {
        m_result.warnings.push_back({first, last, rangeText(first, last) + validUtf8(std::move(message))});
    }

    void info(int first, int last, std::string message)
    {
        m_result.infos.push_back({first, last, rangeText(first, last) + validUtf8(std::move(message))});
    }

    /// An info of what kube-proxy's record says of HNS (ExtractResult::loggedInfos).
    void sayLogged(int first, int last, std::string message)
    {
        m_result.loggedInfos.push_back({first, last, rangeText(first, last) + validUtf8(std::move(message))});
    }

    static std::string rangeText(int first, int last) { return tables::lineRange(first, last) + ": "; }

    ExtractResult& m_result;
    const std::vector<CleanedLine>& m_lines;
    std::size_t m_joinBudget = 0; ///< bytes the joining of dumps' lines may still read
};

} // namespace

ExtractResult extractGoSpewDumps(const std::vector<CleanedLine>& lines)
{
    ExtractResult result;
    SpewFinder(result, lines).run();
    fillEndpointsFromKubeProxyRecords(result.values);
    return result;
}

} // namespace hcn::io
