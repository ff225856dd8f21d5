#include "common/ip_protocols.h"

#include "common/list_elements.h"
#include "common/text.h"

#include <algorithm>
#include <array>

namespace hcn {
namespace {

struct ProtocolName
{
    std::string_view name;
    std::uint32_t number;
};

/// The schema's ProtocolType values (hcn-schema.json), and ICMP, which tools write for ICMPv4.
constexpr std::array kProtocolNames{
    ProtocolName{"Unknown", 0}, ProtocolName{"ICMPv4", 1},  ProtocolName{"IGMP", 2}, ProtocolName{"TCP", 6},
    ProtocolName{"UDP", 17},    ProtocolName{"ICMPv6", 58}, ProtocolName{"ICMP", 1},
};

constexpr std::uint32_t kHighestProtocol = 255;

} // namespace

std::string_view describe(ProtocolProblem problem)
{
    switch (problem) {
    case ProtocolProblem::None:
        return {};
    case ProtocolProblem::Empty:
        return "empty";
    case ProtocolProblem::NotAProtocol:
        return "neither a protocol number nor a protocol's name";
    case ProtocolProblem::TooLarge:
        return "IP protocol numbers are 0-255; 256 is any protocol";
    case ProtocolProblem::AnyByName:
        return "HNS writes any protocol as 256";
    case ProtocolProblem::Name:
        return "a name where a protocol number is expected";
    }
    return {};
}

std::string_view knownProtocolName(std::uint32_t number)
{
    if (number == 0) // the schema's "Unknown": any protocol
        return {};
    for (const ProtocolName& p : kProtocolNames) // ICMPv4 before ICMP, the name tools write for it
        if (p.number == number)
            return p.name;
    return {};
}

ProtocolReading parseProtocol(std::string_view text)
{
    ProtocolReading out;
    text = trimBlanks(text);
    if (text.empty()) {
        out.problem = ProtocolProblem::Empty;
        return out;
    }
    if (std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        std::uint32_t value = 0;
        for (char c : text)
            value = std::min(value * 10 + std::uint32_t(c - '0'), kAnyProtocol + 1); // saturates
        if (value > kAnyProtocol)
            out.problem = ProtocolProblem::TooLarge;
        else
            out.number = value;
        return out;
    }
    if (text == "*" || equalsIgnoreCase(text, "any")) {
        out.problem = ProtocolProblem::AnyByName;
        return out;
    }
    for (const ProtocolName& known : kProtocolNames) {
        if (equalsIgnoreCase(text, known.name)) {
            out.number = known.number;
            out.byName = true;
            return out;
        }
    }
    out.problem = ProtocolProblem::NotAProtocol;
    return out;
}

ProtocolList parseProtocolList(std::string_view text, ProtocolListRules rules)
{
    ProtocolList out;
    bool anyProtocol = false;
    forEachListElement(text, [&](std::string_view element) {
        if (element.empty()) {
            if (rules.emptyElementIsError)
                out.errors.push_back({std::string(), ProtocolProblem::Empty});
            return;
        }
        ProtocolReading reading = parseProtocol(element);
        if (reading.ok() && reading.byName && !rules.namesTaken)
            reading.problem = ProtocolProblem::Name;
        else if (reading.ok() && reading.number == kAnyProtocol && !rules.anyTaken)
            reading.problem = ProtocolProblem::TooLarge;
        if (!reading.ok())
            out.errors.push_back({std::string(element), reading.problem});
        else if (reading.number == kAnyProtocol)
            anyProtocol = true;
        else
            out.numbers.push_back(reading.number);
    });
    if (anyProtocol)
        out.numbers.clear();
    return out;
}

} // namespace hcn
