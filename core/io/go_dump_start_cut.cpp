// Where a paste that starts inside a Go struct dump shows each struct's members (go_dump_start_cut.h).

#include "io/go_dump_start_cut.h"

#include "io/go_struct_value.h"

namespace hcn::io {

namespace {

/// `Key:` at text[at] that begins a member: after a blank (%+v) or ", " (%#v). go-spew's `Key: (type)`
/// is another format (go_spew_dump.cpp reads it).
bool memberAt(std::string_view text, std::size_t at)
{
    if (at == 0 || text[at - 1] != ' ')
        return false;
    const std::size_t length = goFieldKeyLength(text, at);
    return length > 0 && !text.substr(at + length).starts_with(": (");
}

/// The first member at or after `from`, before `end`, at the outermost level of that stretch; npos when
/// none.
std::size_t firstMember(std::string_view text, std::size_t from, std::size_t end)
{
    int depth = 0;
    GoStringSkip strings(GoQuotes::AfterColon);
    for (std::size_t i = from; i < end; ++i) {
        if (strings.skip(text, i))
            continue;
        const int step = goBracketStep(text[i], false);
        depth += step;
        if (step == 0 && depth == 0 && memberAt(text, i))
            return i;
    }
    return std::string_view::npos;
}

} // namespace

bool goLineShowsMembers(std::string_view line)
{
    // A member's key ends in a letter, digit or `_` right before its colon: a line without such a colon
    // (JSON's `"Key":`, a list view's `Key : value`) shows none, and is not searched character by
    // character.
    const auto keyChar = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    };
    bool keyColon = false;
    for (std::size_t c = line.find(':'); c != std::string_view::npos && !keyColon; c = line.find(':', c + 1))
        keyColon = c > 0 && keyChar(line[c - 1]);
    if (!keyColon)
        return false;
    // Quoted strings are not skipped: a line may begin inside one a line before it opened.
    int depth = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const int step = goBracketStep(line[i], false);
        depth += step;
        if (step == 0 && depth <= 0 && memberAt(line, i))
            return true;
    }
    return false;
}

bool goMembersShowPair(std::string_view members)
{
    int depth = 0;
    GoStringSkip strings(GoQuotes::AfterColon);
    for (std::size_t i = 0; i < members.size(); ++i) {
        if (strings.skip(members, i))
            continue;
        const int step = goBracketStep(members[i], false);
        depth += step;
        if (step == 0 && depth == 0 && (i == 0 || members[i - 1] == ' ')) {
            const std::size_t length = goFieldKeyLength(members, i);
            const std::size_t value = i + length + 1;
            // A drive letter (`At C:\Scripts\x.ps1:41`) is no member.
            const bool drive =
                length == 1 && value < members.size() && (members[value] == '\\' || members[value] == '/');
            if (length > 0 && value < members.size() && members[value] != ' ' && members[value] != '\t' &&
                !drive)
                return true;
        }
    }
    return false;
}

std::optional<GoStartCut> findGoStartCut(std::string_view text, int maxDepth)
{
    std::size_t start = 0;
    while (start < text.size() && (text[start] == ' ' || text[start] == '\t'))
        ++start;
    if (start == text.size() || text[start] == '{' || text[start] == '[' || text[start] == '&')
        return std::nullopt; // a dump (or nothing) opens here: the usual reading finds it
    // The brackets that close values opened before the paste: where the depth first goes below every
    // depth seen before.
    struct Closer
    {
        std::size_t pos;
        char bracket;
    };
    std::vector<Closer> closers;
    std::vector<std::size_t> elements;
    int depth = 0;
    int minDepth = 0;
    GoStringSkip strings(GoQuotes::AfterColon);
    for (std::size_t i = start; i < text.size(); ++i) {
        if (strings.skip(text, i))
            continue;
        const char c = text[i];
        if (c == '{' || c == '[') {
            if (c == '{' && !closers.empty() && depth == minDepth) {
                // An element of a list the paste is inside, not a member's value (`Key:{` or `Key:&{`).
                const std::size_t at = goStructDumpStart(text, i, closers.back().pos + 1);
                if (at != std::string_view::npos && (at == 0 || text[at - 1] != ':'))
                    elements.push_back(at);
            }
            if (++depth - minDepth > maxDepth)
                return std::nullopt;
        } else if ((c == '}' || c == ']') && --depth < minDepth) {
            if (-depth > maxDepth)
                return std::nullopt;
            minDepth = depth;
            closers.push_back({i, c});
        }
    }
    if (closers.empty())
        return std::nullopt;

    GoStartCut cut;
    const auto add = [&](std::size_t from, std::size_t end, bool closed) {
        std::size_t first = from;
        if (from == start) {
            // The paste's first member may be cut: the struct shows only the members after it.
            first = firstMember(text, from, end);
        } else {
            while (first < end && (text[first] == ' ' || text[first] == ','))
                ++first;
            if (first == end || goFieldKeyLength(text, first) == 0)
                first = std::string_view::npos;
        }
        if (first == std::string_view::npos)
            return;
        if (cut.structs.empty())
            cut.sharp = first >= 2 && text[first - 1] == ' ' && text[first - 2] == ',';
        cut.structs.push_back({first, end, closed});
    };
    std::size_t from = start;
    for (const Closer& closer : closers) {
        if (closer.bracket == '}')
            add(from, closer.pos, true);
        from = closer.pos + 1;
    }
    cut.end = from;
    // Members after the last closing bracket belong to a struct the text ends inside.
    const std::size_t before = cut.structs.size();
    if (from < text.size())
        add(from, text.size(), false);
    if (cut.structs.size() > before)
        cut.end = text.size();
    // Only a struct whose members the paste shows says the paste is inside a dump (a bracket alone may
    // be a log prefix's, `endpoint.go:212]`).
    if (cut.structs.empty())
        return std::nullopt;
    cut.elements = std::move(elements);
    return cut;
}

} // namespace hcn::io
