#pragma once
// HCN port lists as ACL rules write them (LocalPorts, RemotePorts; v1 also LocalPort, RemotePort):
// ports and inclusive ranges separated by commas ("80", "80,443", "1000-2000"), blanks allowed around
// each number. One reading for every layer: the import's type check and the checks' and trace's facts.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hcn {

/// An inclusive range of ports; a single port is a range of one.
struct PortRange
{
    std::uint16_t first = 0;
    std::uint16_t last = 0;

    bool contains(std::uint16_t port) const { return first <= port && port <= last; }
    friend bool operator==(const PortRange&, const PortRange&) = default;
};

/// The range as HNS writes it: "80", "1000-2000".
std::string toString(const PortRange& range);

/// What keeps a piece of text from being a port or a range.
enum class PortProblem
{
    None,
    Empty,        ///< nothing but blanks
    NotANumber,   ///< something other than ASCII digits (a sign, a letter, a digit of another script)
    TooLarge,     ///< a number above 65535
    MissingFirst, ///< "-80"
    MissingLast,  ///< "80-"
    Reversed,     ///< "2000-1000"
};

/// The problem in words ("a range whose first port is after its last"); empty for None.
std::string_view describe(PortProblem problem);

/// One port or range read from text: the range, or what is wrong.
struct PortRangeReading
{
    PortRange range;
    PortProblem problem = PortProblem::None;

    bool ok() const { return problem == PortProblem::None; }
};

/// "80", " 80 ", "1000-2000", "1000 - 2000".
PortRangeReading parsePortRange(std::string_view text);

/// An element of a port list that is not a port or a range: its text (blanks around it trimmed) and why.
struct PortListError
{
    std::string element;
    PortProblem problem = PortProblem::None;
};

/// How strictly a port list is read. The defaults read lists as HNS prints them and people paste them;
/// the engine reads what a client sends by the stricter rules of a new ACL, and keeps its ports as sent.
struct PortListRules
{
    bool emptyElementIsError = false; ///< ",," or a trailing comma is an error (Empty), not nothing
    bool portZeroIsAny = true;        ///< false: port 0 is listed like any other port
};

/// A port list read from text.
struct PortList
{
    /// In the order written. Empty: the rule matches any port, as an empty list does in HNS; a list
    /// naming port 0, how some tools write "any port", reads so too (unless the rules say otherwise).
    std::vector<PortRange> ranges;
    /// The elements that are not ports or ranges, in order. Empty elements (",," or a trailing comma)
    /// are no error by default: they name nothing.
    std::vector<PortListError> errors;

    bool ok() const { return errors.empty(); }
};

/// "", "80", "80,443", " 80 , 443 ", "1000-2000,8080".
PortList parsePortList(std::string_view text, PortListRules rules = {});

} // namespace hcn
