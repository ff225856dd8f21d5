#pragma once
// A paste that starts inside a Go struct dump (internal to core/io): a console's scrollback or a copy from
// the middle of a log line begins after the dump's opening brace, `...0.5 Name:pod-a Policies:[] ...}`.
// What the paste shows of each struct it is inside is found here; go_struct_dump.cpp reads each one.

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace hcn::io {

struct GoStartCut
{
    /// The members the paste shows of one struct it starts inside: text[begin, end), from the first
    /// whole member (the cut one is lost) to the struct's closing brace (excluded), or to where the
    /// text ends (`closed` false). Innermost first; lists the paste is inside are passed over.
    struct Members
    {
        std::size_t begin = 0;
        std::size_t end = 0;
        bool closed = false;
    };
    std::vector<Members> structs;
    /// Whole structs after the first closing bracket, at the level of a list the paste is inside (the
    /// next elements of a slice whose first one was cut): where each one's dump starts.
    std::vector<std::size_t> elements;
    /// Bytes of the text the dump takes: just after its last closing bracket, or the whole text when a
    /// struct is still open where the text ends.
    std::size_t end = 0;
    /// %#v (members separated by ", ", strings quoted) rather than %+v.
    bool sharp = false;
};

/// A line that may start inside a dump: it shows a `Key:` member (after a blank) outside any bracket it
/// opens itself. Cheap: the joining of the lines that follow is tried only for such a line.
bool goLineShowsMembers(std::string_view line);

/// Whether the members a struct shows (GoStartCut::Members' text) hold one written as the dump writes it,
/// `Key:value` with nothing between the colon and the value, at their outermost level: prose that
/// happens to hold `Word: ` (`HRESULT: 2151350282. Result: {...}`) shows none.
bool goMembersShowPair(std::string_view members);

/// The structs `text` starts inside, when it starts inside a Go struct dump: it does not open a value
/// itself, holds `Key:` members at its outermost level and brackets that close values opened before
/// it. nullopt otherwise. Linear in the text; nested deeper than `maxDepth`, nullopt.
std::optional<GoStartCut> findGoStartCut(std::string_view text, int maxDepth);

} // namespace hcn::io
