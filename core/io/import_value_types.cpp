// Values of the wrong type in members HNS writes as an IP address, an address prefix, a MAC address,
// a GUID or a number. Customers redact addresses before they post a dump (`10.244.x.x`, `<redacted>`,
// `00-15-5D-XX-XX-XX`), a screenshot read back by OCR turns digits into letters (`1O.244.2.l2`), and
// a hand edit writes an address with its prefix where HNS writes it bare. Such a value in a v2 field
// would be read by the checks and the trace as a real one; it is taken out of the document instead and
// kept under "_v1" as the customer wrote it, with a loss saying what was not read and why.

#include "common/ip_protocols.h"
#include "common/json_member.h"
#include "common/port_ranges.h"
#include "common/text.h"
#include "hcn/guid.h"
#include "hcn/ip_address.h"
#include "hcn/json_limits.h"
#include "hcn/mac_address.h"
#include "io/import_objects.h"
#include "io/markdown_emphasis.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace hcn::io::detail {
namespace {

enum class ValueType
{
    None,
    Address,         ///< one IP address
    Prefix,          ///< one address prefix (`10.244.0.0/16`)
    PrefixOrAddress, ///< an exception or a destination: a prefix or a single address
    Mac,
    Guid,
    Number,
    /// A number HNS also takes or prints by name (`"Protocol": "UDP"`, `"State": "Attached"`,
    /// `"Flags": "EnableDsr, IPv6"`): names stay, other text is no value.
    Enum,
    /// An ACL's LocalAddresses / RemoteAddresses: comma-separated addresses and prefixes; empty matches
    /// any address (HNS rejects `Any`).
    AddressList,
    /// An ACL's LocalPorts / RemotePorts (v1 also LocalPort / RemotePort): comma-separated ports and
    /// ranges (`80,443`, `1000-2000`).
    PortList,
    /// An ACL's Protocols (v1 also Protocol): comma-separated IP protocol numbers 0-255 (`6,17`), 256 for
    /// any protocol, or the protocols' names (`TCP`).
    ProtocolList,
};

struct TypedMember
{
    const char* name;
    ValueType type;
};

/// v1 and v2 member names (hns-v1-schema.md, hcn-schema.json), at any depth. A member that holds a
/// list holds a list of such values; v1 writes some lists as comma-separated text (`DNSServerList`).
constexpr std::array kTypedMembers{
    TypedMember{"IPAddress", ValueType::Address},
    TypedMember{"IPv6Address", ValueType::Address},
    TypedMember{"GatewayAddress", ValueType::Address},
    TypedMember{"GatewayAddressV6", ValueType::Address},
    TypedMember{"ManagementIP", ValueType::Address},
    TypedMember{"NextHop", ValueType::Address},
    TypedMember{"ProviderAddress", ValueType::Address},
    TypedMember{"PA", ValueType::Address},
    TypedMember{"VIP", ValueType::Address},
    TypedMember{"VIPs", ValueType::Address},
    TypedMember{"VirtualIP", ValueType::Address},
    TypedMember{"FrontendVIPs", ValueType::Address},
    TypedMember{"SourceVIP", ValueType::Address},
    TypedMember{"DIP", ValueType::Address},
    TypedMember{"DIPs", ValueType::Address},
    TypedMember{"DNSServerList", ValueType::Address},
    TypedMember{"ServerList", ValueType::Address},
    TypedMember{"AddressPrefix", ValueType::Prefix},
    TypedMember{"IpAddressPrefix", ValueType::Prefix},
    TypedMember{"DestinationPrefix", ValueType::Prefix},
    TypedMember{"ExceptionList", ValueType::PrefixOrAddress},
    TypedMember{"Exceptions", ValueType::PrefixOrAddress},
    TypedMember{"Destinations", ValueType::PrefixOrAddress},
    TypedMember{"MacAddress", ValueType::Mac},
    TypedMember{"DrMacAddress", ValueType::Mac},
    TypedMember{"DistributedRouterMacAddress", ValueType::Mac},
    TypedMember{"GatewayMac", ValueType::Mac},
    TypedMember{"SourceMac", ValueType::Mac},
    TypedMember{"SourceMacAddress", ValueType::Mac},
    TypedMember{"StartMacAddress", ValueType::Mac},
    TypedMember{"EndMacAddress", ValueType::Mac},
    TypedMember{"InterfaceGuid", ValueType::Guid},
    TypedMember{"SwitchGuid", ValueType::Guid},
    TypedMember{"LocalAddresses", ValueType::AddressList},
    TypedMember{"RemoteAddresses", ValueType::AddressList},
    TypedMember{"LocalPorts", ValueType::PortList},
    TypedMember{"RemotePorts", ValueType::PortList},
    TypedMember{"LocalPort", ValueType::PortList},
    TypedMember{"RemotePort", ValueType::PortList},
    TypedMember{"Protocols", ValueType::ProtocolList},
};

/// The type of `key` in `holder`: a v1 ACL's Protocol is its protocol list, elsewhere (a port mapping,
/// an ELB) one protocol by number or name.
ValueType typeOfMember(const json& holder, std::string_view key)
{
    if (equalsIgnoreCase(key, "Protocol")) {
        const json* type = memberIgnoringCase(holder, "Type");
        if (type && type->is_string() && equalsIgnoreCase(type->get_ref<const std::string&>(), "ACL"))
            return ValueType::ProtocolList;
    }
    for (const TypedMember& member : kTypedMembers)
        if (equalsIgnoreCase(key, member.name))
            return member.type;
    if (equalsIgnoreCase(key, "Flags") || equalsIgnoreCase(key, "Protocol") ||
        equalsIgnoreCase(key, "DistributionType") || equalsIgnoreCase(key, "State"))
        return ValueType::Enum;
    return holdsNumber(key) ? ValueType::Number : ValueType::None;
}

const char* typeName(ValueType type)
{
    switch (type) {
    case ValueType::Address:
        return "an IP address";
    case ValueType::Prefix:
        return "an address prefix";
    case ValueType::PrefixOrAddress:
        return "an address or a prefix";
    case ValueType::Mac:
        return "a MAC address";
    case ValueType::Guid:
        return "a GUID";
    case ValueType::Number:
        return "a number";
    case ValueType::Enum:
        return "a number or a name";
    case ValueType::AddressList:
        return "an address or a prefix";
    case ValueType::PortList:
        return "a port or a port range";
    case ValueType::ProtocolList:
        return "an IP protocol";
    case ValueType::None:
        break;
    }
    return "";
}

/// `00155DA1020B`: a MAC written without separators, as some tools print it.
std::optional<MacAddress> bareMac(std::string_view text)
{
    if (text.size() != 12 || !std::all_of(text.begin(), text.end(), [](char c) {
            return std::isxdigit(static_cast<unsigned char>(c));
        }))
        return std::nullopt;
    std::uint64_t value = 0;
    for (char c : text)
        value = value << 4 | std::uint64_t(hexDigit(c));
    return MacAddress(value);
}

bool isOfType(std::string_view text, ValueType type)
{
    switch (type) {
    case ValueType::AddressList:
        return IpPrefix::parse(text, true).has_value() || IpAddress::parse(text).has_value();
    case ValueType::PortList:
        return parsePortRange(text).ok();
    case ValueType::ProtocolList:
        return parseProtocol(text).ok();
    case ValueType::Address:
        return IpAddress::parse(text).has_value();
    case ValueType::Prefix:
        return IpPrefix::parse(text, true).has_value();
    case ValueType::PrefixOrAddress:
        return IpPrefix::parse(text, true).has_value() || IpAddress::parse(text).has_value();
    case ValueType::Mac:
        return MacAddress::parse(text).has_value();
    case ValueType::Guid:
        return Guid::parse(text, true).has_value();
    case ValueType::Enum:
        return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == ' ' || c == ',' || c == '|' ||
                   c == '_';
        });
    case ValueType::Number:
    case ValueType::None:
        break;
    }
    return false;
}

/// `text` with the letters OCR reads for digits (O for 0, l and I for 1, S for 5; B for 8 outside a
/// MAC) made digits.
std::string asDigits(std::string_view text, ValueType type)
{
    std::string out(text);
    for (char& c : out) {
        if (c == 'O' || c == 'o')
            c = '0';
        else if (c == 'l' || c == 'I' || c == 'i' || c == '|')
            c = '1';
        else if (c == 'S' || c == 's')
            c = '5';
        else if (c == 'B' && type != ValueType::Mac)
            c = '8';
    }
    return out;
}

/// Why `text` is not of `type`, as far as it shows: redacted, misread, or nothing known.
std::string whyNot(std::string_view text, ValueType type)
{
    const std::string lower = lowerCopy(text);
    if (type == ValueType::AddressList && (lower == "any" || lower == "*"))
        return " (HNS rejects it: a rule for any address leaves the field empty)";
    const ProtocolProblem protocolProblem =
        type == ValueType::ProtocolList ? parseProtocol(text).problem : ProtocolProblem::None;
    if (protocolProblem == ProtocolProblem::AnyByName)
        return " (" + std::string(describe(protocolProblem)) + ")";
    const bool hexPrefix = lower.starts_with("0x");
    if (lower.find("redact") != std::string::npos || lower.find('*') != std::string::npos ||
        lower.find('<') != std::string::npos || lower.find('#') != std::string::npos ||
        lower.find("...") != std::string::npos || lower.find("\xE2\x80\xA6") != std::string::npos ||
        (!hexPrefix && type != ValueType::Number && type != ValueType::Enum &&
         type != ValueType::ProtocolList && lower.find('x') != std::string::npos))
        return " (redacted?)";
    if (type == ValueType::PortList) {
        const PortProblem problem = parsePortRange(text).problem;
        if (problem != PortProblem::NotANumber)
            return " (" + std::string(describe(problem)) + ")";
    }
    if (protocolProblem == ProtocolProblem::TooLarge)
        return " (" + std::string(describe(protocolProblem)) + ")";
    if ((type == ValueType::Address || type == ValueType::Prefix || type == ValueType::PrefixOrAddress ||
         type == ValueType::AddressList || type == ValueType::Mac) &&
        asDigits(text, type) != text && isOfType(asDigits(text, type), type))
        return " (letters where digits belong: read from a picture?)";
    return "";
}

class ValueChecker
{
public:
    ValueChecker(std::vector<std::string>& lost, std::vector<std::string>& notes)
        : m_lost(lost), m_notes(notes)
    {}

    json unread = json::object();

    void walk(json& value, const std::string& path, int depth)
    {
        if (depth > kDefaultMaxJsonDepth)
            return;
        if (value.is_array()) {
            for (std::size_t i = 0; i < value.size(); ++i)
                walk(value[i], path + "[" + std::to_string(i) + "]", depth + 1);
            return;
        }
        if (!value.is_object())
            return;
        std::vector<std::string> drop;
        for (auto& [key, member] : value.items()) {
            if (depth == 0 && key == "_v1")
                continue;
            const std::string where = path.empty() ? key : path + "." + key;
            const ValueType type = typeOfMember(value, key);
            if (type == ValueType::None) {
                walk(member, where, depth + 1);
                continue;
            }
            if (type == ValueType::AddressList || type == ValueType::PortList ||
                type == ValueType::ProtocolList) {
                if (!checkAclList(value, key, member, where, type))
                    drop.push_back(key);
                continue;
            }
            if (member.is_array()) {
                json kept = json::array();
                for (std::size_t i = 0; i < member.size(); ++i) {
                    json& element = member[i];
                    const std::string at = where + "[" + std::to_string(i) + "]";
                    if (checkOne(value, key, element, at, type))
                        kept.push_back(std::move(element));
                }
                member = std::move(kept);
            } else if (member.is_string() && type != ValueType::Number && type != ValueType::Enum &&
                       type != ValueType::Guid &&
                       member.get_ref<const std::string&>().find(',') != std::string::npos) {
                checkCommaList(member, where, type);
            } else if (!checkOne(value, key, member, where, type)) {
                drop.push_back(key);
            }
        }
        for (const std::string& key : drop)
            value.erase(key);
    }

private:
    std::vector<std::string>& m_lost;
    std::vector<std::string>& m_notes;

    void keepUnread(const std::string& where, const json& given, ValueType type, const std::string& why)
    {
        unread[where] = given;
        m_lost.push_back(where + ": " + given.dump() + " is not " + typeName(type) + why +
                         "; kept under \"_v1\" as given");
    }

    /// v1's comma-separated list (`"DNSServerList": "10.0.0.10,10.0.0.x"`): the values of the type
    /// stay in it, the others are kept under "_v1".
    void checkCommaList(json& member, const std::string& where, ValueType type)
    {
        const std::string text = member.get<std::string>();
        std::string kept;
        std::size_t start = 0;
        bool dropped = false;
        while (start <= text.size()) {
            const std::size_t end = std::min(text.find(',', start), text.size());
            const std::string_view item = trimBlanks(std::string_view(text).substr(start, end - start));
            start = end + 1;
            if (item.empty())
                continue;
            if (isOfType(item, type)) {
                kept += (kept.empty() ? "" : ",") + std::string(item);
                continue;
            }
            dropped = true;
            m_lost.push_back(where + ": \"" + std::string(item) + "\" is not " + typeName(type) +
                             whyNot(item, type) + "; kept under \"_v1\" as given");
        }
        if (dropped) {
            unread[where] = text;
            member = kept;
        }
    }

    /// An ACL's address, port or protocol list (`"RemoteAddresses": "10.0.0.0/8,10.1.X.Y"`): its elements of
    /// the type stay; when one is not, the whole list is kept under "_v1" as given, with one loss naming the
    /// rule and the field, because the rule no longer says what it matches (checks and the trace read
    /// that from "_v1"). False when no element of the type is left (the member goes: an empty list
    /// would match any address, port or protocol).
    bool checkAclList(const json& holder, const std::string& key, json& member, const std::string& where,
                      ValueType type)
    {
        if (member.is_null())
            return true;
        std::vector<std::string> items;
        // v1's LocalPort / RemotePort / Protocol are numbers: read as their decimal text.
        bool shaped = member.is_string() || (type != ValueType::AddressList && member.is_number_integer());
        if (member.is_number_integer()) {
            items.push_back(member.dump());
        } else if (member.is_string()) {
            items.push_back(member.get<std::string>());
        } else if (member.is_array()) {
            shaped = std::all_of(member.begin(), member.end(), [](const json& e) { return e.is_string(); });
            if (shaped)
                for (const json& e : member)
                    items.push_back(e.get<std::string>());
        }
        std::string kept;
        std::string bad;
        std::string why;
        std::size_t badCount = 0;
        for (const std::string& item : items) {
            std::size_t start = 0;
            while (start <= item.size()) {
                const std::size_t end = std::min(item.find(',', start), item.size());
                const std::string_view element =
                    trimBlanks(std::string_view(item).substr(start, end - start));
                start = end + 1;
                if (element.empty())
                    continue;
                if (isOfType(element, type)) {
                    kept += (kept.empty() ? "" : ",") + std::string(element);
                    continue;
                }
                if (badCount++ == 0) {
                    bad = member.is_number() ? std::string(element) : "\"" + std::string(element) + "\"";
                    why = whyNot(element, type);
                }
            }
        }
        if (shaped && badCount == 0)
            return true;
        const json* id = memberIgnoringCase(holder, "Id");
        const std::string rule = id && id->is_string() && !id->get_ref<const std::string&>().empty()
                                     ? "the rule (Id " + id->get<std::string>() + ")"
                                     : std::string("the rule");
        const std::string what = !shaped ? member.dump() + " is not " + typeName(type) + " list"
                                 : badCount == 1
                                     ? bad + " is not " + typeName(type) + why
                                     : bad + " and " + std::to_string(badCount - 1) + " more are not " +
                                           (type == ValueType::PortList       ? "ports or port ranges"
                                            : type == ValueType::ProtocolList ? "IP protocols"
                                                                              : "addresses or prefixes") +
                                           why;
        // v1's singular members (Protocol, LocalPort, RemotePort) name one value.
        const char* verb = key.ends_with('s') || key.ends_with('S') ? " are" : " is";
        unread[where] = member;
        m_lost.push_back(where + ": " + what + "; the list kept under \"_v1\" as given: " + rule + "'s " +
                         key + verb + " not known, so no check or trace evaluates it");
        if (kept.empty())
            return false;
        member = kept;
        return true;
    }

    /// Whether `value` (the member `key` of `holder`, at `where`) stays; a value that does not is kept
    /// in `unread` with a loss. An address written with its prefix is made the address, its prefix
    /// put where HNS has a member for it.
    bool checkOne(json& holder, const std::string& key, json& value, const std::string& where, ValueType type)
    {
        if (type == ValueType::Number || type == ValueType::Enum) {
            // Text import_text_values could not read as a number (a v1 policy's protocol by name,
            // `"Protocol": "UDP"`, is the v1 mapping's to read).
            if (!value.is_string() || value.get_ref<const std::string&>().empty() ||
                (type == ValueType::Enum && isOfType(value.get_ref<const std::string&>(), type)))
                return true;
            keepUnread(where, value, type, whyNot(value.get_ref<const std::string&>(), type));
            return false;
        }
        if (!value.is_string()) {
            if (value.is_structured() || value.is_null())
                return true; // a shape the mapping judges
            keepUnread(where, value, type, "");
            return false;
        }
        const std::string text = value.get<std::string>();
        if (trimBlanks(text).empty() || isOfType(text, type))
            return true;
        if (const std::string_view inside = withoutEmphasis(text); inside != text && isOfType(inside, type)) {
            value = std::string(inside);
            m_notes.push_back(where + ": \"" + text +
                              "\" marked with markdown emphasis by the poster; read as " +
                              std::string(inside));
            return true;
        }
        if (type == ValueType::Mac) {
            if (const auto mac = bareMac(text)) {
                value = mac->toString();
                m_notes.push_back(where + ": \"" + text + "\" written without separators; read as " +
                                  mac->toString());
                return true;
            }
        }
        if (type == ValueType::Address) {
            if (const auto prefix = IpPrefix::parse(text, true)) {
                value = prefix->address().toString();
                std::string note =
                    where + ": \"" + text + "\" is an address with its prefix; the address read";
                // HNS keeps an endpoint address's prefix beside it (v1 IPAddress and v2 IpAddress,
                // v1 IPv6Address); elsewhere the prefix has no place.
                const char* lengthMember = equalsIgnoreCase(key, "IPAddress")     ? "PrefixLength"
                                           : equalsIgnoreCase(key, "IPv6Address") ? "IPv6PrefixLength"
                                                                                  : nullptr;
                if (!lengthMember) {
                    note += ", the prefix left out";
                } else if (!memberIgnoringCase(holder, lengthMember)) {
                    holder[lengthMember] = prefix->length();
                    note += ", " + std::string(lengthMember) + " " + std::to_string(prefix->length()) +
                            " from it";
                } else {
                    note += ", " + std::string(lengthMember) + " as given";
                }
                m_notes.push_back(note);
                return true;
            }
        }
        keepUnread(where, value, type, whyNot(text, type));
        return false;
    }
};

} // namespace

json takeMistypedValues(json& document, std::vector<std::string>& lost, std::vector<std::string>& notes)
{
    ValueChecker checker(lost, notes);
    checker.walk(document, {}, 0);
    return std::move(checker.unread);
}

void keepMistypedValues(json& document, json unread, std::vector<std::string>& ownV1Members)
{
    if (unread.empty() || !document.is_object())
        return;
    if (!document.contains("_v1") || !document["_v1"].is_object())
        document["_v1"] = json::object();
    for (auto& [where, value] : unread.items()) {
        document["_v1"][where] = std::move(value);
        ownV1Members.push_back(where);
    }
}

} // namespace hcn::io::detail
