#include "common/port_ranges.h"

#include "common/list_elements.h"
#include "common/text.h"

#include <algorithm>

namespace hcn {
namespace {

constexpr std::uint32_t kHighestPort = 65535;

/// A port number: ASCII digits only (leading zeros allowed), at most 65535.
PortProblem readPort(std::string_view digits, std::uint16_t& port)
{
    if (digits.empty())
        return PortProblem::Empty;
    std::uint32_t value = 0;
    bool tooLarge = false;
    for (char c : digits) {
        if (c < '0' || c > '9')
            return PortProblem::NotANumber;
        value = value * 10 + std::uint32_t(c - '0');
        if (value > kHighestPort) {
            tooLarge = true;
            value = kHighestPort + 1; // keep reading: a letter later makes it no number at all
        }
    }
    if (tooLarge)
        return PortProblem::TooLarge;
    port = std::uint16_t(value);
    return PortProblem::None;
}

} // namespace

std::string toString(const PortRange& range)
{
    return range.first == range.last ? std::to_string(range.first)
                                     : std::to_string(range.first) + "-" + std::to_string(range.last);
}

std::string_view describe(PortProblem problem)
{
    switch (problem) {
    case PortProblem::None:
        return {};
    case PortProblem::Empty:
        return "empty";
    case PortProblem::NotANumber:
        return "not a number";
    case PortProblem::TooLarge:
        return "above 65535, the highest port";
    case PortProblem::MissingFirst:
        return "a range without its first port";
    case PortProblem::MissingLast:
        return "a range without its last port";
    case PortProblem::Reversed:
        return "a range whose first port is after its last";
    }
    return {};
}

PortRangeReading parsePortRange(std::string_view text)
{
    PortRangeReading out;
    text = trimBlanks(text);
    if (text.empty()) {
        out.problem = PortProblem::Empty;
        return out;
    }
    const std::size_t dash = text.find('-');
    if (dash == std::string_view::npos) {
        out.problem = readPort(text, out.range.first);
        out.range.last = out.range.first;
        return out;
    }
    const std::string_view first = trimBlanks(text.substr(0, dash));
    const std::string_view last = trimBlanks(text.substr(dash + 1));
    const PortProblem firstProblem = readPort(first, out.range.first);
    const PortProblem lastProblem = readPort(last, out.range.last);
    // The worst of the two sides: text that is no number says more than a missing side.
    if (firstProblem == PortProblem::NotANumber || lastProblem == PortProblem::NotANumber)
        out.problem = PortProblem::NotANumber;
    else if (firstProblem == PortProblem::Empty)
        out.problem = PortProblem::MissingFirst;
    else if (lastProblem == PortProblem::Empty)
        out.problem = PortProblem::MissingLast;
    else if (firstProblem != PortProblem::None || lastProblem != PortProblem::None)
        out.problem = PortProblem::TooLarge;
    else if (out.range.first > out.range.last)
        out.problem = PortProblem::Reversed;
    return out;
}

PortList parsePortList(std::string_view text, PortListRules rules)
{
    PortList out;
    bool anyPort = false;
    forEachListElement(text, [&](std::string_view element) {
        if (element.empty()) {
            if (rules.emptyElementIsError)
                out.errors.push_back({std::string(), PortProblem::Empty});
            return;
        }
        const PortRangeReading reading = parsePortRange(element);
        if (!reading.ok())
            out.errors.push_back({std::string(element), reading.problem});
        else if (rules.portZeroIsAny && reading.range == PortRange{0, 0})
            anyPort = true;
        else
            out.ranges.push_back(reading.range);
    });
    if (anyPort)
        out.ranges.clear();
    return out;
}

} // namespace hcn
