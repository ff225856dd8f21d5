// The Redactor's pseudonyms: addresses, GUIDs, names, and free text scanned for all of them.
#include "hcn/redaction.h"

#include "common/text.h"
#include "hcn/ip_address.h"
#include "hcn/mac_address.h"
#include "hcn/sha256.h"
#include "redact_internal.h"

#include <cctype>
#include <nlohmann/json.hpp>
#include <random>
#include <unordered_map>
#include <unordered_set>

namespace hcn::io {

using detail::preservePrefix;

namespace {

enum Domain : std::uint8_t
{
    kIpv4 = 4,
    kIpv6 = 6,
    kMac = 48,
    kGuid = 128,
};

bool isHex(char c)
{
    return std::isxdigit(static_cast<unsigned char>(c)) != 0;
}

bool isAlnumOrUnderscore(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

/// Characters a name token is made of ("nginx-7c5ddbdf54-4tq9r", "svc.cluster.local").
bool isNameChar(char c)
{
    return isAlnumOrUnderscore(c) || c == '-' || c == '.';
}

bool hasLower(std::string_view text)
{
    for (char c : text)
        if (c >= 'a' && c <= 'f')
            return true;
    return false;
}

std::string lowerCase(std::string text)
{
    for (char& c : text)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

/// "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" at the start of `text`.
bool isGuidAt(std::string_view text)
{
    if (text.size() < 36)
        return false;
    for (std::size_t i = 0; i < 36; ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? text[i] != '-' : !isHex(text[i]))
            return false;
    }
    return true;
}

/// "xx-xx-xx-xx-xx-xx" or with colons at the start of `text`.
bool isMacAt(std::string_view text)
{
    if (text.size() < 17)
        return false;
    const char sep = text[2];
    if (sep != '-' && sep != ':')
        return false;
    for (std::size_t i = 0; i < 17; ++i) {
        if (i % 3 == 2 ? text[i] != sep : !isHex(text[i]))
            return false;
    }
    return true;
}

int hexValue(char c)
{
    return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

} // namespace

// --- the key ---------------------------------------------------------------------------------------

RedactionKey RedactionKey::random()
{
    RedactionKey key;
    std::random_device source;
    for (std::size_t i = 0; i < key.bytes.size(); i += 4) {
        const std::uint32_t r = source();
        for (std::size_t j = 0; j < 4; ++j)
            key.bytes[i + j] = std::uint8_t(r >> (8 * j));
    }
    return key;
}

Result<RedactionKey> RedactionKey::fromText(std::string_view text)
{
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    if (text.empty())
        return Status(hr::InvalidArg, "the redaction key is empty.");
    RedactionKey key;
    bool allHex = text.size() == 32;
    for (char c : text)
        allHex = allHex && isHex(c);
    if (allHex) {
        for (std::size_t i = 0; i < 16; ++i)
            key.bytes[i] = std::uint8_t(hexValue(text[2 * i]) << 4 | hexValue(text[2 * i + 1]));
        return key;
    }
    Sha256 hash;
    hash.update(text);
    const auto digest = hash.finish();
    std::copy_n(digest.begin(), 16, key.bytes.begin());
    return key;
}

std::string RedactionKey::toHex() const
{
    static const char digits[] = "0123456789abcdef";
    std::string out;
    for (std::uint8_t b : bytes) {
        out += digits[b >> 4];
        out += digits[b & 15];
    }
    return out;
}

std::string_view nameKindLabel(NameKind kind)
{
    switch (kind) {
    case NameKind::Network: return "network";
    case NameKind::Endpoint: return "endpoint";
    case NameKind::Namespace: return "namespace";
    case NameKind::LoadBalancer: return "loadbalancer";
    case NameKind::Route: return "route";
    case NameKind::GuestNetworkService: return "guestservice";
    case NameKind::Container: return "container";
    case NameKind::Dns: return "dns";
    case NameKind::Host: return "host";
    case NameKind::Other: break;
    }
    return "name";
}

// --- the redactor ----------------------------------------------------------------------------------

struct Redactor::Impl
{
    RedactionKey key;
    // original (canonical) -> pseudonym; also what mapping() reports.
    std::unordered_map<std::uint32_t, std::uint32_t> ipv4;
    struct Hash128
    {
        std::size_t operator()(Uint128 v) const noexcept
        {
            return std::hash<std::uint64_t>()(std::uint64_t(v) ^ std::uint64_t(v >> 64) * 0x9E3779B97F4A7C15ull);
        }
    };
    std::unordered_map<Uint128, Uint128, Hash128> ipv6;
    std::unordered_map<std::uint64_t, std::uint64_t> macs;
    std::unordered_map<std::string, std::string> guids; // upper-case, no braces
    std::unordered_map<std::string, std::string> names; // exact spelling
    std::vector<std::pair<std::string, std::string>> nameOrder;
    std::unordered_map<std::string, std::string> dnsSuffixes; // names of kind Dns, for "x.<suffix>"
    std::vector<std::string> spacedNames; // names with characters outside name tokens
    std::map<NameKind, int> counters;

    std::uint32_t mapIpv4(std::uint32_t v)
    {
        auto [it, inserted] = ipv4.try_emplace(v, 0);
        if (inserted)
            it->second = std::uint32_t(preservePrefix(key.bytes, kIpv4, v, 32, detail::keptIpv4Blocks()));
        return it->second;
    }
    Uint128 mapIpv6(Uint128 v)
    {
        auto [it, inserted] = ipv6.try_emplace(v, 0);
        if (inserted)
            it->second = preservePrefix(key.bytes, kIpv6, v, 128, detail::keptIpv6Blocks());
        return it->second;
    }
    std::uint64_t mapMac(std::uint64_t v)
    {
        auto [it, inserted] = macs.try_emplace(v, 0);
        if (inserted)
            it->second = std::uint64_t(
                preservePrefix(key.bytes, kMac, v, 48, detail::keptMacBlocks(), detail::kMacKeptBits));
        return it->second;
    }
    IpAddress mapIp(const IpAddress& a)
    {
        return a.isV4() ? IpAddress::fromV4(mapIpv4(std::uint32_t(a.value())))
                        : IpAddress::fromValue(IpFamily::V6, mapIpv6(a.value()));
    }

    /// 36 characters of a GUID, in the case they came in.
    std::string mapGuid(std::string_view text)
    {
        const std::string canonical = upperCopy(text.substr(0, 36));
        auto [it, inserted] = guids.try_emplace(canonical);
        if (inserted) {
            std::uint8_t input[17];
            input[0] = kGuid;
            for (int i = 0, j = 0; i < 16; ++i, j += 2) {
                if (canonical[std::size_t(j)] == '-')
                    ++j;
                input[1 + i] = std::uint8_t(hexValue(canonical[std::size_t(j)]) << 4 |
                                            hexValue(canonical[std::size_t(j) + 1]));
            }
            const std::uint64_t a = detail::sipHash(key.bytes, input, sizeof input);
            input[0] = kGuid + 1;
            const std::uint64_t b = detail::sipHash(key.bytes, input, sizeof input);
            std::uint8_t bytes[16];
            for (int i = 0; i < 8; ++i) {
                bytes[i] = std::uint8_t(a >> (8 * i));
                bytes[8 + i] = std::uint8_t(b >> (8 * i));
            }
            bytes[6] = std::uint8_t((bytes[6] & 0x0F) | 0x40); // version 4
            bytes[8] = std::uint8_t((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
            static const char digits[] = "0123456789ABCDEF";
            std::string out;
            for (int i = 0; i < 16; ++i) {
                if (i == 4 || i == 6 || i == 8 || i == 10)
                    out += '-';
                out += digits[bytes[i] >> 4];
                out += digits[bytes[i] & 15];
            }
            it->second = out;
        }
        return hasLower(text.substr(0, 36)) ? lowerCase(it->second) : it->second;
    }

    std::string macText(std::string_view text)
    {
        auto mac = MacAddress::parse(text.substr(0, 17));
        std::string out = MacAddress(mapMac(mac->value())).toString(); // "00-15-5D-..."
        const char sep = text[2];
        for (char& c : out)
            if (c == '-')
                c = sep;
        return hasLower(text.substr(0, 17)) ? lowerCase(out) : out;
    }

    std::string registerName(NameKind kind, std::string_view original)
    {
        auto found = names.find(std::string(original));
        if (found != names.end())
            return found->second;
        std::string pseudonym = std::string(nameKindLabel(kind)) + "-" + std::to_string(++counters[kind]);
        if (kind == NameKind::Dns)
            pseudonym += ".example";
        names.emplace(original, pseudonym);
        nameOrder.emplace_back(original, pseudonym);
        if (kind == NameKind::Dns)
            dnsSuffixes.emplace(original, pseudonym);
        for (char c : original)
            if (!isNameChar(c)) {
                spacedNames.emplace_back(original);
                break;
            }
        return pseudonym;
    }

    /// A name token found in free text: its pseudonym, or that of a registered DNS suffix it ends with.
    const std::string* lookupName(std::string_view token, std::string& scratch)
    {
        if (auto it = names.find(std::string(token)); it != names.end())
            return &it->second;
        for (std::size_t dot = token.find('.'); dot != std::string_view::npos; dot = token.find('.', dot + 1)) {
            auto it = dnsSuffixes.find(std::string(token.substr(dot + 1)));
            if (it == dnsSuffixes.end())
                continue;
            const std::string* head = lookupName(token.substr(0, dot), scratch);
            scratch = (head ? *head : std::string(token.substr(0, dot))) + "." + it->second;
            return &scratch;
        }
        return nullptr;
    }

    /// Length of an IPv4 address at the start of `text` (dotted quad), 0 when there is none.
    static std::size_t ipv4Length(std::string_view text)
    {
        std::size_t i = 0;
        for (int part = 0; part < 4; ++part) {
            if (part > 0) {
                if (i >= text.size() || text[i] != '.')
                    return 0;
                ++i;
            }
            const std::size_t start = i;
            while (i < text.size() && i - start < 4 && std::isdigit(static_cast<unsigned char>(text[i])))
                ++i;
            if (i == start || i - start > 3)
                return 0;
        }
        if (i < text.size() &&
            (isAlnumOrUnderscore(text[i]) || (text[i] == '.' && i + 1 < text.size() &&
                                              std::isdigit(static_cast<unsigned char>(text[i + 1])))))
            return 0;
        return i;
    }

    /// Length of an IPv6 address at the start of `text`, 0 when there is none.
    static std::size_t ipv6Length(std::string_view text)
    {
        std::size_t i = 0, colons = 0;
        while (i < text.size() && (isHex(text[i]) || text[i] == ':' || text[i] == '.')) {
            colons += text[i] == ':';
            ++i;
        }
        if (colons < 2)
            return 0;
        if (i < text.size() && isAlnumOrUnderscore(text[i]))
            return 0;
        // Trailing punctuation of a sentence ("... fe80::1.") and a lone trailing colon ("fd00::1: x").
        while (i > 0 && (text[i - 1] == '.' || (text[i - 1] == ':' && !(i >= 2 && text[i - 2] == ':'))))
            --i;
        return IpAddress::parse(text.substr(0, i)) ? i : 0;
    }

    /// "/NN" after an address: the prefix length, -1 when there is none.
    static int prefixLengthAt(std::string_view text, std::size_t& used)
    {
        used = 0;
        if (text.size() < 2 || text[0] != '/' || !std::isdigit(static_cast<unsigned char>(text[1])))
            return -1;
        std::size_t i = 1;
        int value = 0;
        while (i < text.size() && i <= 3 && std::isdigit(static_cast<unsigned char>(text[i])))
            value = value * 10 + (text[i++] - '0');
        if (i < text.size() && isAlnumOrUnderscore(text[i]))
            return -1;
        used = i;
        return value;
    }

    std::string ipText(const IpAddress& address, int prefixLength)
    {
        if (prefixLength < 0 || prefixLength > address.bitWidth())
            return mapIp(address).toString();
        return prefixImage(address, prefixLength).toString();
    }

    /// The image of a prefix's leading bits, with the address's own remaining bits.
    IpAddress prefixImage(const IpAddress& address, int length)
    {
        const int width = address.bitWidth();
        const Uint128 all = width == 128 ? ~Uint128(0) : ((Uint128(1) << width) - 1);
        const Uint128 hostMask = length >= width ? Uint128(0) : (all >> length);
        const Uint128 mapped = mapIp(address).value();
        return IpAddress::fromValue(address.family(), (mapped & ~hostMask & all) | (address.value() & hostMask));
    }

    std::string text(std::string_view in)
    {
        std::string spaced;
        // Names with spaces or brackets can only be in text that has such a character.
        bool candidate = false;
        if (!spacedNames.empty())
            for (char c : in)
                if (!isNameChar(c)) {
                    candidate = true;
                    break;
                }
        if (candidate) {
            bool any = false;
            for (const std::string& name : spacedNames)
                any = any || in.find(name) != std::string_view::npos;
            if (any) {
                spaced = std::string(in);
                for (const std::string& name : spacedNames)
                    for (std::size_t at = spaced.find(name); at != std::string::npos; at = spaced.find(name, at)) {
                        const std::string& pseudonym = names[name];
                        spaced.replace(at, name.size(), pseudonym);
                        at += pseudonym.size();
                    }
                in = spaced;
            }
        }
        std::string out;
        out.reserve(in.size());
        std::string scratch;
        std::size_t i = 0;
        while (i < in.size()) {
            const char c = in[i];
            const std::string_view rest = in.substr(i);
            // GUIDs and MACs are found even glued to a word ("NAT2E6B9C40-81D3-...").
            if (isGuidAt(rest) && (rest.size() == 36 || !isAlnumOrUnderscore(rest[36]))) {
                out += mapGuid(rest);
                i += 36;
                continue;
            }
            if (isMacAt(rest) && (rest.size() == 17 || !(isHex(rest[17]) || rest[17] == ':' || rest[17] == '-'))) {
                out += macText(rest);
                i += 17;
                continue;
            }
            const bool boundary = i == 0 || !(isAlnumOrUnderscore(in[i - 1]) || in[i - 1] == ':' ||
                                              (in[i - 1] == '.' && i >= 2 && isAlnumOrUnderscore(in[i - 2])));
            if (!boundary || !(isNameChar(c) || c == ':')) {
                out += c;
                ++i;
                continue;
            }
            std::size_t length = ipv4Length(rest);
            if (length == 0)
                length = ipv6Length(rest);
            if (length > 0) {
                if (auto address = IpAddress::parse(rest.substr(0, length))) {
                    std::size_t used = 0;
                    const int prefixLength = prefixLengthAt(rest.substr(length), used);
                    out += ipText(*address, prefixLength);
                    out += rest.substr(length, used);
                    i += length + used;
                    continue;
                }
            }
            // A name token: whole, or without the dots that end a sentence.
            std::size_t end = 0;
            while (end < rest.size() && isNameChar(rest[end]))
                ++end;
            std::string_view token = rest.substr(0, end);
            while (!token.empty() && (token.back() == '.' || token.back() == '-'))
                token.remove_suffix(1);
            if (!token.empty()) {
                if (const std::string* pseudonym = lookupName(token, scratch)) {
                    out += *pseudonym;
                    i += token.size();
                    continue;
                }
            }
            // Not a name: the rest of the word is no boundary (only GUIDs and MACs are looked for there).
            out += in[i++];
        }
        return out;
    }
};

Redactor::Redactor(RedactionKey key) : m_impl(std::make_unique<Impl>())
{
    m_impl->key = key;
}

Redactor::~Redactor() = default;

const RedactionKey& Redactor::key() const
{
    return m_impl->key;
}

std::uint32_t Redactor::ipv4(std::uint32_t address)
{
    return m_impl->mapIpv4(address);
}

std::array<std::uint8_t, 16> Redactor::ipv6(const std::array<std::uint8_t, 16>& address)
{
    Uint128 value = 0;
    for (std::uint8_t b : address)
        value = (value << 8) | b;
    const Uint128 mapped = m_impl->mapIpv6(value);
    std::array<std::uint8_t, 16> out{};
    for (int i = 0; i < 16; ++i)
        out[std::size_t(i)] = std::uint8_t(mapped >> (120 - 8 * i));
    return out;
}

std::optional<std::string> Redactor::address(std::string_view text)
{
    std::string_view inner = text;
    const bool braces = inner.size() == 38 && inner.front() == '{' && inner.back() == '}';
    if (braces)
        inner = inner.substr(1, 36);
    if (inner.size() == 36 && isGuidAt(inner)) {
        std::string mapped = m_impl->mapGuid(inner);
        if (braces) {
            mapped.insert(mapped.begin(), '{');
            mapped.push_back('}');
        }
        return mapped;
    }
    if (text.size() == 17 && isMacAt(text))
        return m_impl->macText(text);
    if (auto ip = IpAddress::parse(text))
        return m_impl->mapIp(*ip).toString();
    return std::nullopt;
}

std::optional<std::string> Redactor::prefix(std::string_view text)
{
    auto parsed = IpPrefix::parse(text, true);
    if (!parsed)
        return std::nullopt;
    return m_impl->prefixImage(parsed->address(), parsed->length()).toString() + "/" +
           std::to_string(parsed->length());
}

std::optional<std::pair<std::string, std::string>> Redactor::range(std::string_view start, std::string_view end)
{
    auto a = IpAddress::parse(start), b = IpAddress::parse(end);
    if (a && b && a->family() == b->family()) {
        const int width = a->bitWidth();
        int common = 0;
        while (common < width && ((a->value() >> (width - 1 - common)) & 1) == ((b->value() >> (width - 1 - common)) & 1))
            ++common;
        return std::make_pair(m_impl->prefixImage(*a, common).toString(), m_impl->prefixImage(*b, common).toString());
    }
    if (start.size() == 17 && end.size() == 17 && isMacAt(start) && isMacAt(end)) {
        const std::uint64_t x = MacAddress::parse(start)->value(), y = MacAddress::parse(end)->value();
        int common = 0;
        while (common < 48 && ((x >> (47 - common)) & 1) == ((y >> (47 - common)) & 1))
            ++common;
        const std::uint64_t hostMask = common >= 48 ? 0 : ((std::uint64_t(1) << (48 - common)) - 1);
        auto spell = [&](std::uint64_t original, std::string_view like) {
            const std::uint64_t mapped = (m_impl->mapMac(original) & ~hostMask) | (original & hostMask);
            std::string out = MacAddress(mapped).toString();
            for (char& c : out)
                if (c == '-')
                    c = like[2];
            return hasLower(like) ? lowerCase(out) : out;
        };
        return std::make_pair(spell(x, start), spell(y, end));
    }
    return std::nullopt;
}

std::string Redactor::name(NameKind kind, std::string_view original)
{
    return m_impl->registerName(kind, original);
}

std::string Redactor::text(std::string_view original)
{
    return m_impl->text(original);
}

nlohmann::json Redactor::mapping() const
{
    nlohmann::ordered_json out;
    out["Key"] = m_impl->key.toHex();
    std::map<std::string, std::string> v4, v6, macs, guids;
    for (auto [from, to] : m_impl->ipv4)
        v4.emplace(IpAddress::fromV4(from).toString(), IpAddress::fromV4(to).toString());
    for (auto [from, to] : m_impl->ipv6)
        v6.emplace(IpAddress::fromValue(IpFamily::V6, from).toString(),
                   IpAddress::fromValue(IpFamily::V6, to).toString());
    for (auto [from, to] : m_impl->macs)
        macs.emplace(MacAddress(from).toString(), MacAddress(to).toString());
    for (const auto& [from, to] : m_impl->guids)
        guids.emplace(from, to);
    out["IPv4"] = v4;
    out["IPv6"] = v6;
    out["MAC"] = macs;
    out["GUID"] = guids;
    nlohmann::ordered_json names = nlohmann::ordered_json::object();
    for (const auto& [from, to] : m_impl->nameOrder)
        names[from] = to;
    out["Names"] = std::move(names);
    return nlohmann::json::parse(out.dump());
}

} // namespace hcn::io
