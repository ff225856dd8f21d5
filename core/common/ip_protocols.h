#pragma once
// IP protocols as HCN documents name them: an ACL's Protocols (v1 also Protocol) is a comma-separated
// list of protocol numbers ("6", "6,17"), 256 for any protocol, or the protocols' names ("TCP"); a port
// mapping's or a load balancer's Protocol is one of them. One reading for every layer: the engine's
// validation, the Linux datapath, the import's type check and the checks' and trace's facts.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hcn {

/// The number HNS writes for "any protocol" in an ACL.
inline constexpr std::uint32_t kAnyProtocol = 256;

/// What keeps a piece of text from being an IP protocol.
enum class ProtocolProblem
{
    None,
    Empty,        ///< nothing but blanks
    NotAProtocol, ///< neither a number nor a protocol's name ("SCTP", "6x", "<redacted>")
    TooLarge,     ///< a number above 256 (above 255 where 256 is not taken)
    AnyByName,    ///< "any" or "*": HNS writes any protocol as 256
    Name,         ///< a protocol's name where only numbers are taken
};

/// The problem in words ("HNS writes any protocol as 256"); empty for None.
std::string_view describe(ProtocolProblem problem);

/// One protocol read from text: its number, or what is wrong.
struct ProtocolReading
{
    std::uint32_t number = 0; ///< 0-255, or kAnyProtocol
    bool byName = false;      ///< written as a name ("TCP"), not as a number
    ProtocolProblem problem = ProtocolProblem::None;

    bool ok() const { return problem == ProtocolProblem::None; }
};

/// The name HCN's schema gives protocol `number` (ICMPv4, IGMP, TCP, UDP, ICMPv6); empty for one it
/// names not (0 and 256, any protocol, among them).
std::string_view knownProtocolName(std::uint32_t number);

/// "6", " 17 ", "006", "256", "TCP", "icmpv6". The names are those of the schema's ProtocolType
/// (Unknown 0, ICMPv4 1, IGMP 2, TCP 6, UDP 17, ICMPv6 58) and ICMP (1), in any case.
ProtocolReading parseProtocol(std::string_view text);

/// An element of a protocol list that is not a protocol: its text (blanks around it trimmed) and why.
struct ProtocolListError
{
    std::string element;
    ProtocolProblem problem = ProtocolProblem::None;
};

/// How strictly a protocol list is read. The defaults read lists as HNS prints them and people paste
/// them; the engine reads what a client sends by the stricter rules of a new ACL.
struct ProtocolListRules
{
    bool emptyElementIsError = false; ///< ",," or a trailing comma is an error (Empty), not nothing
    bool namesTaken = true;           ///< false: a name is an error (Name); numbers only
    bool anyTaken = true;             ///< false: 256 is an error (TooLarge); 0-255 only
};

/// A protocol list read from text.
struct ProtocolList
{
    /// In the order written. Empty: the rule matches any protocol, as an empty list does in HNS; a list
    /// naming 256 reads so too.
    std::vector<std::uint32_t> numbers;
    /// The elements that are not protocols, in order.
    std::vector<ProtocolListError> errors;

    bool ok() const { return errors.empty(); }
};

/// "", "6", "6,17", " TCP , udp ", "256".
ProtocolList parseProtocolList(std::string_view text, ProtocolListRules rules = {});

} // namespace hcn
