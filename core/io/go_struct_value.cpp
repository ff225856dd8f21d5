// Reading one Go value as fmt prints it: %+v (`&{Name:cbr0 Subnets:[{AddressPrefix:10.244.1.0/24}]}`,
// strings unquoted, a value running to the next ` Key:`) and %#v (`hcn.IpConfig{IpAddress:"10.0.0.5",
// PrefixLength:0x18}`, typed literals, quoted strings, unsigned integers in hex). Iterative over
// members, recursive over brackets only up to the depth given.

#include "io/go_struct_value.h"

#include "common/utf8.h"
#include "hcn/ip_address.h"
#include "io/json_repair.h"
#include "io/kube_proxy_endpoints.h"
#include "io/text_scan.h"
#include "io/text_tables.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstdio>

namespace hcn::io {

namespace {

/// A %#v type name longer than this is not one: keeps the search for dumps linear on bracket soup.
constexpr std::size_t kMaxGoTypeName = 256;

} // namespace

bool goIdentChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

std::size_t goFieldKeyLength(std::string_view s, std::size_t at)
{
    if (at >= s.size() || s[at] < 'A' || s[at] > 'Z')
        return 0;
    std::size_t j = at + 1;
    while (j < s.size() && goIdentChar(s[j]))
        ++j;
    return j < s.size() && s[j] == ':' ? j - at : 0;
}

bool GoStringSkip::skip(std::string_view text, std::size_t& i)
{
    const char c = text[i];
    if (m_quote != 0) {
        if (c == '\\' && m_quote != '`')
            ++i;
        else if (c == m_quote)
            m_quote = 0;
        return true;
    }
    const bool opens = m_quotes == GoQuotes::All ? c == '"' || c == '`' || c == '\''
                                                 : c == '"' && i > 0 && text[i - 1] == ':';
    if (opens)
        m_quote = c;
    return opens;
}

int goBracketStep(char c, bool parens)
{
    if (c == '{' || c == '[' || (parens && c == '('))
        return 1;
    if (c == '}' || c == ']' || (parens && c == ')'))
        return -1;
    return 0;
}

namespace {

/// `key:` at text[at] with key any Go identifier (unexported fields print too): its length, else 0.
std::size_t goAnyKeyLength(std::string_view s, std::size_t at)
{
    if (at >= s.size() || !(goIdentChar(s[at]) && !(s[at] >= '0' && s[at] <= '9')))
        return 0;
    std::size_t j = at + 1;
    while (j < s.size() && goIdentChar(s[j]))
        ++j;
    return j < s.size() && s[j] == ':' ? j - at : 0;
}

/// A closing bracket is the end of a value when what follows cannot continue it.
bool goClosesHere(std::string_view s, std::size_t j)
{
    if (j >= s.size())
        return true;
    const char c = s[j];
    return c == ' ' || c == '\t' || c == '}' || c == ']' || c == ',' || c == ';' || c == ')' || c == '"' ||
           c == '\'' || c == '.' || c == '\\';
}

/// `...` (three dots or more) or `…` at text[at] standing for members left out: its length, else 0.
std::size_t goElisionLength(std::string_view s, std::size_t at)
{
    std::size_t j = at;
    if (s.substr(at).starts_with(kEllipsis)) {
        j += kEllipsis.size();
    } else {
        while (j < s.size() && s[j] == '.')
            ++j;
        if (j - at < 3)
            return 0;
    }
    return j >= s.size() || s[j] == ' ' || s[j] == ',' || s[j] == '}' || s[j] == ']' ? j - at : 0;
}

/// The end of a %#v type at text[at] (`hcn.IpConfig`, `[]hcn.IpConfig`, `map[string]string`, `*hns.X`,
/// `interface {}`), or `at` when there is none.
std::size_t goTypeEnd(std::string_view s, std::size_t at)
{
    std::size_t j = at;
    int brackets = 0;
    while (j < s.size() && j - at <= kMaxGoTypeName) {
        const std::string_view rest = s.substr(j);
        if (rest.starts_with("interface {}")) {
            j += 12;
        } else if (rest.starts_with("map[")) {
            j += 4;
            ++brackets;
        } else if (s[j] == '[') {
            ++brackets;
            ++j;
        } else if (s[j] == ']') {
            if (brackets == 0)
                break;
            --brackets;
            ++j;
        } else if (goIdentChar(s[j]) || s[j] == '.' || s[j] == '*') {
            ++j;
        } else {
            break;
        }
    }
    return brackets == 0 && j - at <= kMaxGoTypeName ? j : at;
}

/// A scalar as printed: true/false, a decimal integer (or, in %#v, 0x hex), else the text.
nlohmann::json goScalar(std::string_view text, bool sharp)
{
    if (text == "true")
        return true;
    if (text == "false")
        return false;
    const bool negative = text.starts_with('-');
    const std::string_view digits = negative ? text.substr(1) : text;
    if (sharp && digits.size() > 2 && (digits.starts_with("0x") || digits.starts_with("0X"))) {
        std::uint64_t v = 0;
        const auto [end, ec] = std::from_chars(digits.data() + 2, digits.data() + digits.size(), v, 16);
        if (ec == std::errc() && end == digits.data() + digits.size() && !negative)
            return v;
    }
    if (!digits.empty() && digits.size() <= 19 && (digits == "0" || digits.front() != '0') &&
        std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        std::int64_t v = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
        if (ec == std::errc() && end == text.data() + text.size())
            return v;
    }
    return std::string(text);
}

/// An address printed as a pointer: `0xc000123456`.
bool goIsPointer(std::string_view text)
{
    return text.size() > 2 && text.starts_with("0x") && std::all_of(text.begin() + 2, text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
           });
}

/// Brackets nested in a JSON text outside strings, at most `limit + 1` counted.
bool goJsonWithin(std::string_view json, int limit)
{
    int depth = 0;
    JsonStringState strings;
    for (char c : json) {
        if (strings.step(c)) {
            continue;
        } else if ((c == '{' || c == '[') && ++depth > limit) {
            return false;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return true;
}

/// What a parse error says, at most this many bytes of it.
constexpr std::size_t kMaxJsonBytesError = 160;

} // namespace

std::optional<nlohmann::json> goJsonBytes(std::string_view bytes, int maxDepth, std::string& loss)
{
    if (!goJsonWithin(bytes, maxDepth)) {
        loss = "its JSON bytes are nested deeper than " + std::to_string(maxDepth) + " levels; left out";
        return std::nullopt;
    }
    try {
        nlohmann::json parsed = nlohmann::json::parse(bytes);
        if (!parsed.is_null())
            return parsed;
        loss = "its JSON bytes hold null; left out";
    } catch (const nlohmann::json::exception& e) {
        // "[json.exception.parse_error.101] parse error at line 1, ...": the words after the name.
        std::string_view why = e.what();
        if (const std::size_t name = why.find("] "); name != std::string_view::npos)
            why.remove_prefix(name + 2);
        loss = "its JSON bytes are not valid JSON: " +
               validUtf8(std::string(utf8Prefix(why, kMaxJsonBytesError)));
    }
    return std::nullopt;
}

namespace {

/// `2024-01-02T03:04:05.123` for the time `days` days and `seconds` seconds after 1970-01-01 with
/// `nanoseconds` (days from civil dates as in H. Hinnant's chrono algorithms).
std::string goCivilTime(long long days, long long seconds, long long nanoseconds)
{
    days += 719468;
    const long long era = (days >= 0 ? days : days - 146096) / 146097;
    const long long dayOfEra = days - era * 146097;
    const long long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const long long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const long long mp = (5 * dayOfYear + 2) / 153;
    const long long day = dayOfYear - (153 * mp + 2) / 5 + 1;
    const long long month = mp < 10 ? mp + 3 : mp - 9;
    const long long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    char text[64];
    std::snprintf(text, sizeof text, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld", year, month, day,
                  seconds / 3600, seconds / 60 % 60, seconds % 60);
    std::string time = text;
    if (nanoseconds > 0) {
        std::snprintf(text, sizeof text, ".%09lld", nanoseconds);
        std::string fraction = text;
        while (fraction.back() == '0')
            fraction.pop_back();
        time += fraction;
    }
    return time;
}

/// A time.Time as Go before 1.17 printed it with %#v, `time.Time{wall:0x..., ext:..., loc:...}`: the
/// instant it holds as RFC 3339 text in UTC (the location changes only how it is shown); nullopt when the
/// members are not those.
std::optional<std::string> goTimeStruct(const nlohmann::json& members)
{
    if (!members.is_object() || !members.contains("wall") || !members.contains("ext") ||
        !members["wall"].is_number_integer() || !members["ext"].is_number_integer())
        return std::nullopt;
    const std::uint64_t wall = members["wall"].get<std::uint64_t>();
    const std::int64_t ext = members["ext"].get<std::int64_t>();
    constexpr std::int64_t kWallToInternal = 59453308800; // seconds from year 1 to 1885
    constexpr std::int64_t kUnixToInternal = 62135596800; // seconds from year 1 to 1970
    const std::int64_t internal = (wall >> 63) != 0 ? std::int64_t((wall << 1) >> 31) + kWallToInternal : ext;
    const std::int64_t unix = internal - kUnixToInternal;
    if (unix < -62135596800 || unix > 253402300799) // years 1 to 9999
        return std::nullopt;
    const long long days = unix >= 0 ? unix / 86400 : (unix - 86399) / 86400;
    return goCivilTime(days, unix - days * 86400, static_cast<long long>(wall & ((1U << 30) - 1))) + "Z";
}

/// The arguments of a time.Date call as %#v prints a time.Time (`2024, time.January, 2, 3, 4, 5,
/// 123000000, time.UTC`) as RFC 3339 text: `2024-01-02T03:04:05.123Z`; a time in another location keeps
/// its name after it (`2024-01-02T03:04:05.123 Local`). nullopt when they are not such arguments.
std::optional<std::string> goTimeDate(std::string_view arguments)
{
    std::vector<std::string_view> parts;
    for (std::size_t at = 0; at <= arguments.size();) {
        const std::size_t comma = std::min(arguments.find(", ", at), arguments.size());
        parts.push_back(arguments.substr(at, comma - at));
        at = comma + 2;
    }
    static constexpr std::array<std::string_view, 12> kMonths{
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December"};
    if (parts.size() != 8 || !parts[1].starts_with("time."))
        return std::nullopt;
    const auto month = std::find(kMonths.begin(), kMonths.end(), parts[1].substr(5));
    std::array<long long, 7> numbers{}; // year, month, day, hour, minute, second, nanosecond
    numbers[1] = month - kMonths.begin() + 1;
    for (std::size_t i : {0, 2, 3, 4, 5, 6}) {
        const std::string_view part = parts[i];
        const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), numbers[i]);
        if (ec != std::errc() || end != part.data() + part.size() || numbers[i] < 0)
            return std::nullopt;
    }
    if (month == kMonths.end() || numbers[0] > 9999 || numbers[2] > 31 || numbers[3] > 23 ||
        numbers[4] > 59 || numbers[5] > 60 || numbers[6] > 999999999)
        return std::nullopt;
    // Days from 1970-01-01 to the date (H. Hinnant's days_from_civil).
    const long long year = numbers[0] - (numbers[1] <= 2 ? 1 : 0);
    const long long era = (year >= 0 ? year : year - 399) / 400;
    const long long yearOfEra = year - era * 400;
    const long long dayOfYear =
        (153 * (numbers[1] > 2 ? numbers[1] - 3 : numbers[1] + 9) + 2) / 5 + numbers[2] - 1;
    const long long days =
        era * 146097 + yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear - 719468;
    const std::string time = goCivilTime(days, numbers[3] * 3600 + numbers[4] * 60 + numbers[5], numbers[6]);
    const std::string_view location = parts[7];
    if (location == "time.UTC")
        return time + "Z";
    if (location == "time.Local")
        return time + " Local";
    if (location.starts_with("time.Location(\"") && location.ends_with("\")"))
        return time + " " + unquoteGoString(location.substr(15, location.size() - 17));
    return std::nullopt;
}

class GoValueReader
{
public:
    GoValueReader(std::string_view text, int maxDepth, GoDumpRead& out)
        : m_s(text), m_maxDepth(maxDepth), m_out(out)
    {}

    void run()
    {
        std::size_t at = m_s.starts_with('&') ? 1 : 0;
        const std::string_view rest = m_s.substr(at);
        m_sharp = !(rest.starts_with('{') || rest.starts_with("[{") || rest.starts_with("[&{"));
        if (m_sharp)
            m_out.typeName = std::string(m_s.substr(at, goTypeEnd(m_s, at) - at));
        m_topLevel = true;
        nlohmann::json value = readValue(Context::Struct);
        m_out.value = std::move(value);
        m_out.closed = !m_stopped;
        m_out.end = m_i;
    }

private:
    /// Where a scalar is read: what ends it.
    enum class Context
    {
        Struct,   ///< ` Key:` or the struct's `}`
        Slice,    ///< a blank or the slice's `]`
        MapValue, ///< ` key:` or the map's `]`
        Sharp,    ///< %#v: `, ` or the closing `}`
    };

    bool atEnd() const { return m_i >= m_s.size(); }
    bool at(std::string_view what) const { return m_s.substr(m_i).starts_with(what); }

    /// The text ended inside the dump.
    void cutHere()
    {
        if (!m_stopped) {
            m_stopped = true;
            m_out.cut = true;
            m_out.stoppedIn = m_path;
        }
        m_i = m_s.size();
    }

    /// The dump cannot be read on from here.
    void failHere()
    {
        if (!m_stopped) {
            m_stopped = true;
            m_out.stoppedIn = m_path;
        }
    }

    void loss(const std::string& message)
    {
        m_out.losses.push_back((m_path.empty() ? "" : m_path + ": ") + message);
    }

    void elision()
    {
        m_out.elided = true;
        loss("members elided with '...'");
    }

    /// At the head of a member loop: false (the loop ends) at the end of the text (cut) or after the
    /// closing `close`, which leaves the value.
    bool memberFollows(char close)
    {
        if (atEnd()) {
            cutHere();
            return false;
        }
        if (m_s[m_i] != close)
            return true;
        ++m_i;
        --m_depth;
        return false;
    }

    /// Skips an elision ("...", and the blank after it) where a member starts: true when there was one.
    bool skipElision()
    {
        const std::size_t n = goElisionLength(m_s, m_i);
        if (n == 0)
            return false;
        elision();
        m_i += n;
        if (!atEnd() && m_s[m_i] == ' ')
            ++m_i;
        return true;
    }

    /// Reads the value of member `key` into `object`, under its name in the path: a scalar the text ended
    /// inside is incomplete and left out; a container keeps what it read.
    void readMember(nlohmann::json& object, const std::string& key, Context context)
    {
        const std::size_t pathLength = m_path.size();
        m_path += (m_path.empty() ? "" : ".") + key;
        nlohmann::json value = readValue(context);
        if (!m_stopped || value.is_structured())
            object[key] = std::move(value);
        m_path.resize(pathLength);
    }

    /// Reads element `index` of a slice into `array`. The elements of a list at the top, the one the text
    /// ended inside too, are objects of their own.
    void readElement(nlohmann::json& array, std::size_t index, Context context, bool top)
    {
        const std::size_t pathLength = m_path.size();
        m_path += "[" + std::to_string(index) + "]";
        const std::size_t start = m_i;
        nlohmann::json element = readValue(context);
        const bool kept = (!m_stopped || element.is_structured()) && !(element.is_null() && m_leftOut);
        if (top && kept)
            m_out.elements.emplace_back(start, m_i);
        if (kept)
            array.push_back(std::move(element));
        m_path.resize(pathLength);
    }

    /// After a member of a `%+v` struct, slice or map: the blank before the next one, or `close`. False
    /// when the reading stopped or the text ended here.
    bool plusMemberEnds(char close)
    {
        if (m_stopped)
            return false;
        if (atEnd()) {
            cutHere();
            return false;
        }
        if (m_s[m_i] == ' ')
            ++m_i;
        else if (m_s[m_i] != close)
            failHere();
        return true;
    }

    bool enter()
    {
        if (++m_depth <= m_maxDepth)
            return true;
        m_out.tooDeep = true;
        failHere();
        return false;
    }

    /// One value; a discarded one (cut scalar) is null with m_stopped set.
    nlohmann::json readValue(Context context)
    {
        m_leftOut = false;
        if (atEnd()) {
            cutHere();
            return nullptr;
        }
        return m_sharp ? readSharpValue() : readPlusValue(context);
    }

    // ---- %+v -------------------------------------------------------------------------------------

    nlohmann::json readPlusValue(Context context)
    {
        if (at("&{"))
            ++m_i;
        if (at("{"))
            return readPlusStruct();
        if (at("map["))
            return readPlusMap();
        if (at("["))
            return readPlusSlice();
        if (at("<nil>") && goClosesHere(m_s, m_i + 5)) {
            m_i += 5;
            return nullptr;
        }
        return readPlusScalar(context);
    }

    nlohmann::json readPlusStruct()
    {
        if (!enter())
            return nullptr;
        ++m_i; // '{'
        nlohmann::json object = nlohmann::json::object();
        if (!atEnd() && m_s[m_i] != '}' && goAnyKeyLength(m_s, m_i) == 0 && goElisionLength(m_s, m_i) == 0)
            return skipPositionalStruct();
        const bool top = std::exchange(m_topLevel, false);
        // A struct of unexported fields (kube-proxy's `&{ip:10.244.1.5 port:9090 ...}`): its values end
        // before the next `name:`, whatever its case.
        const bool unexported = std::exchange(m_unexportedKeys, !atEnd() && goAnyKeyLength(m_s, m_i) > 0 &&
                                                                    m_s[m_i] >= 'a' && m_s[m_i] <= 'z');
        while (!m_stopped) {
            if (!memberFollows('}'))
                break;
            if (skipElision())
                continue;
            const std::size_t keyLength = goAnyKeyLength(m_s, m_i);
            if (keyLength == 0) {
                if (!cutInKeyHere())
                    failHere();
                break;
            }
            const std::string key(m_s.substr(m_i, keyLength));
            m_i += keyLength + 1;
            readMember(object, key, Context::Struct);
            if (!plusMemberEnds('}'))
                break;
        }
        m_topLevel = top;
        m_unexportedKeys = unexported;
        return object;
    }

    /// `{a b c}`: a struct printed without field names (%v). What its values are is unknown.
    nlohmann::json skipPositionalStruct()
    {
        int depth = 1;
        for (; m_i < m_s.size() && depth > 0; ++m_i)
            depth += goBracketStep(m_s[m_i], false);
        --m_depth;
        if (depth > 0) {
            cutHere();
            return nullptr;
        }
        loss("printed without field names (%v); its members are unknown");
        return nullptr;
    }

    nlohmann::json readPlusSlice()
    {
        if (!enter())
            return nullptr;
        const bool top = std::exchange(m_topLevel, false);
        ++m_i; // '['
        nlohmann::json array = nlohmann::json::array();
        for (std::size_t index = 0; !m_stopped; ++index) {
            if (!memberFollows(']'))
                break;
            if (skipElision())
                continue;
            readElement(array, index, Context::Slice, top);
            if (!plusMemberEnds(']'))
                break;
        }
        m_topLevel = top;
        return bytesAsValue(std::move(array), {});
    }

    nlohmann::json readPlusMap()
    {
        if (!enter())
            return nullptr;
        m_i += 4; // "map["
        nlohmann::json object = nlohmann::json::object();
        while (!m_stopped) {
            if (!memberFollows(']'))
                break;
            const std::size_t colon = m_s.find_first_of(": ]", m_i);
            if (colon == std::string_view::npos) {
                cutHere();
                break;
            }
            if (m_s[colon] != ':') {
                failHere();
                break;
            }
            const std::string key(m_s.substr(m_i, colon - m_i));
            m_i = colon + 1;
            readMember(object, key, Context::MapValue);
            if (!plusMemberEnds(']'))
                break;
        }
        return object;
    }

    /// `key:` at text[at] in a map: a token without blanks or brackets, then a colon.
    bool mapKeyAt(std::size_t at) const
    {
        std::size_t j = at;
        while (j < m_s.size() && m_s[j] != ' ' && m_s[j] != ':' && m_s[j] != ']' && m_s[j] != '[' &&
               m_s[j] != '{')
            ++j;
        return j > at && j < m_s.size() && m_s[j] == ':';
    }

    /// `DNSServerList:10.0.0.10,10.0.0.11 Gate` at the end of the text: the cut fell in the name of
    /// the next member, after a complete value. Where that value ends (the blank), or npos when the text
    /// does not show that: the tail is no start of an exported name, the value holds blanks of its own,
    /// or the member holds a name, which may well end in a capitalised word (`Name:Pod Network`).
    std::size_t cutInNextKey(Context context) const
    {
        if (context != Context::Struct)
            return std::string_view::npos;
        const std::size_t blank = m_s.find(' ', m_i);
        if (blank == std::string_view::npos || blank == m_i || blank + 1 >= m_s.size() ||
            m_s[blank + 1] < 'A' || m_s[blank + 1] > 'Z' ||
            !std::all_of(m_s.begin() + std::ptrdiff_t(blank + 1), m_s.end(), goIdentChar))
            return std::string_view::npos;
        const std::string_view member = std::string_view(m_path).substr(m_path.rfind('.') + 1);
        if (member.ends_with("Name") || member == "Description")
            return std::string_view::npos;
        return blank;
    }

    /// `{Id:3c6fab4d-6191-4171-a627-dd46f8c2e392` where the text ends: the member being read is an ID and
    /// `rest` a whole GUID, which has one length, so nothing of it is lost (noted in endsAfter).
    bool wholeIdAtEnd(std::string_view rest)
    {
        const std::string_view member = std::string_view(m_path).substr(m_path.rfind('.') + 1);
        if ((member != "Id" && member != "ID") || !tables::isGuid(rest))
            return false;
        m_out.endsAfter = m_path;
        return true;
    }

    /// At a member's start: true when the text ends inside the member's name (`Gate`), which is then
    /// where the dump is cut.
    bool cutInKeyHere()
    {
        if (m_i >= m_s.size() || !std::all_of(m_s.begin() + std::ptrdiff_t(m_i), m_s.end(), goIdentChar))
            return false;
        m_path += (m_path.empty() ? "" : ".") + std::string(m_s.substr(m_i)) + "... (a member's name)";
        cutHere();
        return true;
    }

    nlohmann::json readPlusScalar(Context context)
    {
        std::size_t j = m_i;
        for (; j < m_s.size(); ++j) {
            const char c = m_s[j];
            if (context == Context::Struct) {
                if (c == ' ' && (goFieldKeyLength(m_s, j + 1) > 0 || goElisionLength(m_s, j + 1) > 0 ||
                                 (m_unexportedKeys && goAnyKeyLength(m_s, j + 1) > 0)))
                    break;
                if (c == '}' && goClosesHere(m_s, j + 1))
                    break;
            } else if (context == Context::Slice) {
                if (c == ' ' || (c == ']' && goClosesHere(m_s, j + 1)))
                    break;
            } else if (context == Context::MapValue) {
                if ((c == ' ' && mapKeyAt(j + 1)) || (c == ']' && goClosesHere(m_s, j + 1)))
                    break;
            }
        }
        if (j >= m_s.size()) {
            if (wholeIdAtEnd(m_s.substr(m_i))) {
                const std::size_t from = std::exchange(m_i, m_s.size());
                return std::string(m_s.substr(from));
            }
            j = cutInNextKey(context);
            if (j == std::string_view::npos) {
                m_out.cutText = m_s.substr(m_i);
                cutHere();
                return nullptr;
            }
        }
        const std::string_view text = m_s.substr(m_i, j - m_i);
        m_i = j;
        if (goIsPointer(text)) {
            loss("printed as a pointer (" + std::string(text) + "); its value is unknown");
            return nullptr;
        }
        return goScalar(text, false);
    }

    // ---- %#v -------------------------------------------------------------------------------------

    nlohmann::json readSharpValue()
    {
        const char c = m_s[m_i];
        if (c == '"')
            return readQuoted();
        if (c == '&') {
            ++m_i;
            return readValue(Context::Sharp);
        }
        if (c == '(')
            return readConversion({});
        if (at("<nil>")) {
            m_i += 5;
            return nullptr;
        }
        if (c == '{')
            return readComposite({});
        if (c == '-' || (c >= '0' && c <= '9'))
            return readSharpToken();
        const std::size_t typeEnd = goTypeEnd(m_s, m_i);
        if (typeEnd > m_i) {
            const std::string type(m_s.substr(m_i, typeEnd - m_i));
            m_i = typeEnd;
            if (atEnd()) {
                cutHere();
                return nullptr;
            }
            if (m_s[m_i] == '{')
                return readComposite(type);
            if (m_s[m_i] == '(')
                return readConversion(type);
            if (type == "nil")
                return nullptr;
            if (type == "true" || type == "false")
                return type == "true";
        }
        failHere();
        return nullptr;
    }

    nlohmann::json readQuoted()
    {
        std::size_t j = m_i + 1;
        while (j < m_s.size() && m_s[j] != '"')
            j += m_s[j] == '\\' ? 2 : 1;
        if (j >= m_s.size()) {
            if (wholeIdAtEnd(m_s.substr(m_i + 1))) {
                const std::size_t from = std::exchange(m_i, m_s.size()) + 1;
                return std::string(m_s.substr(from));
            }
            m_out.cutText = m_s.substr(m_i + 1);
            cutHere();
            return nullptr;
        }
        std::string text = unquoteGoString(m_s.substr(m_i + 1, j - m_i - 1));
        m_i = j + 1;
        return text;
    }

    nlohmann::json readSharpToken()
    {
        std::size_t j = m_i;
        while (j < m_s.size() && (goIdentChar(m_s[j]) || m_s[j] == '.' || m_s[j] == '-' || m_s[j] == '+'))
            ++j;
        if (j >= m_s.size()) {
            cutHere();
            return nullptr;
        }
        const std::string_view text = m_s.substr(m_i, j - m_i);
        m_i = j;
        nlohmann::json value = goScalar(text, true);
        if (value.is_string()) {
            double d = 0;
            const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), d);
            if (ec == std::errc() && end == text.data() + text.size())
                return d;
        }
        return value;
    }

    /// Whether the parenthesis at text[open] holds more than one argument at its own level (`f(a, b)`),
    /// looked for within 256 bytes: a conversion `T(x)` holds one.
    bool callHasArguments(std::size_t open) const
    {
        int depth = 0;
        for (std::size_t j = open; j < m_s.size() && j - open < 256; ++j) {
            const char c = m_s[j];
            if (c == '"')
                return false; // a quoted argument: read as a conversion
            const int step = goBracketStep(c, true);
            if ((depth += step) == 0 && step < 0)
                return false;
            if (c == ',' && depth == 1)
                return true;
        }
        return false;
    }

    /// `time.Date(2024, time.January, 2, 3, 4, 5, 123000000, time.UTC)` (a time.Time's %#v) or another
    /// call of several arguments at text[m_i] (the `(`): the time as RFC 3339 text, else the call's text.
    nlohmann::json readCall(const std::string& type)
    {
        int depth = 0;
        GoStringSkip strings(GoQuotes::All);
        std::size_t j = m_i;
        for (; j < m_s.size(); ++j) {
            if (strings.skip(m_s, j))
                continue;
            if (m_s[j] == '(')
                ++depth;
            else if (m_s[j] == ')' && --depth == 0)
                break;
        }
        if (j >= m_s.size()) {
            cutHere();
            return nullptr;
        }
        const std::string_view arguments = m_s.substr(m_i + 1, j - m_i - 1);
        m_i = j + 1;
        if (type == "time.Date")
            if (std::optional<std::string> time = goTimeDate(arguments))
                return *time;
        return type + "(" + std::string(arguments) + ")";
    }

    /// `(*hns.Namespace)(0xc000123456)`, `(*T)(nil)`, `[]string(nil)`, `T("text")`, `T(5)`.
    nlohmann::json readConversion(std::string type)
    {
        if (!type.empty() && (type == "time.Date" || callHasArguments(m_i)))
            return readCall(type);
        if (type.empty()) { // `(*T)`
            const std::size_t close = m_s.find(')', m_i);
            if (close == std::string_view::npos) {
                cutHere();
                return nullptr;
            }
            type = std::string(m_s.substr(m_i + 1, close - m_i - 1));
            m_i = close + 1;
            if (atEnd()) {
                cutHere();
                return nullptr;
            }
            if (m_s[m_i] != '(') {
                failHere();
                return nullptr;
            }
        }
        ++m_i; // '('
        if (at(")")) {
            ++m_i;
            return nullptr;
        }
        if (!enter())
            return nullptr;
        const std::size_t start = m_i;
        nlohmann::json value = readValue(Context::Sharp);
        if (m_stopped)
            return nullptr;
        if (atEnd()) {
            cutHere();
            return nullptr;
        }
        if (m_s[m_i] != ')') {
            failHere();
            return nullptr;
        }
        ++m_i;
        --m_depth;
        if (value.is_number_unsigned() && type.starts_with('*')) {
            loss("printed as a pointer (" + std::string(m_s.substr(start, m_i - 1 - start)) +
                 "); its value is unknown");
            return nullptr;
        }
        return value;
    }

    /// `T{...}`: a struct (`Key:value, ...`), a slice or array (`value, ...`) or a map (`key:value, ...`).
    nlohmann::json readComposite(const std::string& type)
    {
        if (!enter())
            return nullptr;
        ++m_i; // '{'
        const bool isMap = type.starts_with("map[");
        // A named slice type (json.RawMessage, net.IP) says nothing: a struct starts with a field name.
        const bool isSlice =
            type.starts_with('[') || (!isMap && !atEnd() && m_s[m_i] != '}' &&
                                      goAnyKeyLength(m_s, m_i) == 0 && goElisionLength(m_s, m_i) == 0);
        const bool top = std::exchange(m_topLevel, false);
        const std::size_t lossesBefore = m_out.losses.size();
        nlohmann::json result = isSlice ? nlohmann::json::array() : nlohmann::json::object();
        std::size_t index = 0; // of a slice's element, counting those left out
        while (!m_stopped) {
            if (!memberFollows('}'))
                break;
            if (const std::size_t n = goElisionLength(m_s, m_i)) {
                elision();
                m_i += n;
            } else if (isSlice) {
                readElement(result, index++, Context::Sharp, top);
            } else {
                std::string key;
                if (isMap) {
                    nlohmann::json k = readValue(Context::Sharp);
                    if (m_stopped)
                        break;
                    key = k.is_string() ? k.get<std::string>() : k.dump();
                    if (atEnd() || m_s[m_i] != ':') {
                        atEnd() ? cutHere() : failHere();
                        break;
                    }
                    ++m_i;
                } else {
                    const std::size_t keyLength = goAnyKeyLength(m_s, m_i);
                    if (keyLength == 0) {
                        if (!cutInKeyHere())
                            failHere();
                        break;
                    }
                    key = std::string(m_s.substr(m_i, keyLength));
                    m_i += keyLength + 1;
                }
                readMember(result, key, Context::Sharp);
            }
            if (m_stopped)
                break;
            if (!atEnd() && m_s[m_i] == ',')
                ++m_i;
            while (!atEnd() && m_s[m_i] == ' ')
                ++m_i;
        }
        m_topLevel = top;
        if (type == "time.Time" && !m_stopped)
            if (std::optional<std::string> time = goTimeStruct(result)) {
                // Its location printed as a pointer says nothing of the instant.
                m_out.losses.resize(lossesBefore);
                return *time;
            }
        return isSlice ? bytesAsValue(std::move(result), type) : result;
    }

    // ---- bytes -----------------------------------------------------------------------------------

    /// A slice of bytes: the JSON a json.RawMessage holds, or the address a net.IP holds (%#v).
    nlohmann::json bytesAsValue(nlohmann::json array, const std::string& type)
    {
        if (array.size() < 2 || !std::all_of(array.begin(), array.end(), [](const nlohmann::json& e) {
                return e.is_number_integer() && e.get<std::int64_t>() >= 0 && e.get<std::int64_t>() <= 255;
            }))
            return array;
        std::string bytes;
        for (const nlohmann::json& e : array)
            bytes += static_cast<char>(e.get<int>());
        if (type.ends_with("net.IP") && (bytes.size() == 4 || bytes.size() == 16)) {
            Uint128 v = 0;
            for (char b : bytes)
                v = (v << 8) | static_cast<unsigned char>(b);
            const bool mapped = bytes.size() == 16 && (v >> 32) == 0xFFFF;
            m_out.repairs.push_back({m_path, "read an IP address from its bytes (net.IP)"});
            return (bytes.size() == 4 || mapped ? IpAddress::fromV4(static_cast<std::uint32_t>(v))
                                                : IpAddress::fromValue(IpFamily::V6, v))
                .toString();
        }
        if (bytes.front() != '{' && bytes.front() != '[')
            return array;
        if (m_out.cut && !m_out.cutTold) {
            // The text ended inside these bytes: they do not parse only because they are cut.
            loss("cut off inside its JSON bytes (json.RawMessage); left out");
            m_out.cutTold = true;
            return nullptr;
        }
        std::string why;
        std::optional<nlohmann::json> parsed = goJsonBytes(bytes, m_maxDepth - m_depth, why);
        if (!parsed) {
            // One loss, on the member: a list it is in leaves the element out rather than holding null.
            loss(why);
            m_leftOut = true;
            return nullptr;
        }
        m_out.repairs.push_back({m_path, "read the bytes of a json.RawMessage as JSON"});
        return std::move(*parsed);
    }

    std::string_view m_s;
    int m_maxDepth;
    GoDumpRead& m_out;
    std::size_t m_i = 0;
    int m_depth = 0;
    bool m_sharp = false;
    bool m_stopped = false;
    bool m_topLevel = false;
    /// The struct being read names its fields in lower case (unexported fields).
    bool m_unexportedKeys = false;
    /// The value just read is null because it was left out with a loss (bytes that are no JSON).
    bool m_leftOut = false;
    std::string m_path;
};

} // namespace

namespace {

/// Where a %#v type ending at text[end] starts (`hcn.IpConfig`, `[]hcn.IpConfig`, `&hns.HNSEndpoint`,
/// `*hns.Namespace`: a qualified name with `[]`, `*` or `&` before it), not before `from`; npos when
/// what ends there is no such type. Linear in the type's length.
std::size_t goTypeStartBefore(std::string_view s, std::size_t end, std::size_t from)
{
    const auto identifierBefore = [&](std::size_t at) {
        std::size_t t = at;
        while (t > from && at - t < kMaxGoTypeName && goIdentChar(s[t - 1]))
            --t;
        return t;
    };
    const std::size_t name = identifierBefore(end);
    if (name == end || name <= from || s[name - 1] != '.')
        return std::string_view::npos;
    std::size_t t = identifierBefore(name - 1);
    if (t == name - 1)
        return std::string_view::npos;
    while (t > from && end - t < kMaxGoTypeName) {
        if (t - from >= 2 && s[t - 2] == '[' && s[t - 1] == ']')
            t -= 2;
        else if (s[t - 1] == '*' || s[t - 1] == '&')
            --t;
        else
            break;
    }
    if (t > from && (goIdentChar(s[t - 1]) || s[t - 1] == '.'))
        return std::string_view::npos;
    return t;
}

/// Whether the brace at s[brace] opens kube-proxy's record of an endpoint, whose fields are unexported
/// (`{ip:10.244.1.5 ... hnsID:...}`): a member of it first, and its `hnsID` (or `hnsId`) before it
/// closes. Other structs of unexported fields are no dumps.
bool opensKubeProxyRecord(std::string_view s, std::size_t brace)
{
    constexpr std::size_t kMaxRecord = 1024;
    const std::size_t key = goAnyKeyLength(s, brace + 1);
    if (key == 0 || !isKubeProxyEndpointMember(s.substr(brace + 1, key)))
        return false;
    std::string_view record = s.substr(brace, kMaxRecord);
    record = record.substr(0, record.find('}'));
    for (const std::string_view id : {"hnsID:", "hnsId:"})
        for (std::size_t at = record.find(id); at != std::string_view::npos; at = record.find(id, at + 1))
            if (record[at - 1] == ' ' || record[at - 1] == '{')
                return true;
    return false;
}

} // namespace

std::size_t goStructDumpStart(std::string_view s, std::size_t brace, std::size_t from)
{
    constexpr std::size_t npos = std::string_view::npos;
    if (brace >= s.size() || s[brace] != '{' || brace < from ||
        (goFieldKeyLength(s, brace + 1) == 0 && !opensKubeProxyRecord(s, brace)))
        return npos;
    // %#v: a qualified type before the brace; a slice of them when its own type and brace come first.
    if (const std::size_t type = goTypeStartBefore(s, brace, from); type != npos) {
        std::size_t outer = type;
        if (outer > from && s[outer - 1] == '{') {
            const std::size_t slice = goTypeStartBefore(s, outer - 1, from);
            if (slice != npos && s.substr(slice).starts_with("[]"))
                outer = slice;
        }
        return outer;
    }
    // %+v: `&{` or `{` after something that is not part of a name; `[` before it opens a list of them.
    if (brace > from && (goIdentChar(s[brace - 1]) || s[brace - 1] == '.' || s[brace - 1] == ']'))
        return npos;
    std::size_t start = brace > from && s[brace - 1] == '&' ? brace - 1 : brace;
    if (start > from && s[start - 1] == '[')
        --start;
    if (start > from && (goIdentChar(s[start - 1]) || s[start - 1] == '.'))
        return npos;
    return start;
}

GoDumpRead readGoStructDump(std::string_view text, int maxDepth)
{
    GoDumpRead read;
    GoValueReader(text, maxDepth, read).run();
    return read;
}

} // namespace hcn::io
