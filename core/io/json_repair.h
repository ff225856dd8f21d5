#pragma once
// Text-level repairs of JSON that pasting broke, applied before the value is parsed (internal to core/io).

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hcn::io {

/// Follows JSON strings through a text one character at a time.
class JsonStringState
{
public:
    /// Whether `c` belongs to a string, its quotes included; a `"` outside a string opens one.
    bool step(char c)
    {
        if (!m_inString) {
            m_inString = c == '"';
            return m_inString;
        }
        if (m_escape)
            m_escape = false;
        else if (c == '\\')
            m_escape = true;
        else if (c == '"')
            m_inString = false;
        return true;
    }
    bool inString() const { return m_inString; }
    /// For a text that starts inside a string.
    void enterString() { m_inString = true; }
    /// For a string that lost its closing quote (startsMemberLine).
    void leaveString()
    {
        m_inString = false;
        m_escape = false;
    }

private:
    bool m_inString = false;
    bool m_escape = false;
};

/// `json` with trailing commas before `}` / `]` removed, a comma inserted at a line end between two
/// values that lost it (an elided line often takes it along), and the comments people annotate a paste
/// with dropped (`// ...` and `# ...` up to the line end, `/* ... */`). Strings are left alone
/// (`"http://..."` stays). Each kind of repair made is added once to `repairs`.
std::string repairCommas(std::string_view json, std::vector<std::string>& repairs);

/// Whether `text` is a placeholder a poster or a template put where a value or a name goes (`<name>`,
/// `<network-id>`, `<ignore the data>`): in angle brackets, on one line, at most 80 bytes inside, with no
/// quote, bracket or brace inside.
bool isPlaceholder(std::string_view text);

/// What a document's values are: placeholders or not, counted at any depth of its members and lists.
struct PlaceholderCount
{
    std::size_t placeholders = 0; ///< values that are a template's placeholder (isTemplatePlaceholder)
    std::size_t others = 0;       ///< other strings, numbers, true, false, null
    bool idGiven = false;         ///< it has an `ID` member (any letter case)
    std::string idPlaceholder;    ///< that member's value when it is a template's placeholder
};

/// Whether `text` (a value's text, a string's without its quotes) is a placeholder that counts towards
/// an example document: isPlaceholder, but for Go's print of nothing (`<nil>`), which logs write as a
/// value, and a poster's redaction (`<redacted>`, `<removed>`, `<your subnet>`: a real object's value).
bool isTemplatePlaceholder(std::string_view text);

/// Whether a document (an object that is a value, or an element of a list that is one) so counted is an
/// example a template or a schema page writes rather than an object HNS holds: it shows no ID or a
/// placeholder for it, and its values are placeholders (`"Id" : <string>`, `"Port": <uint16>`) all or
/// nearly all (at least 2, and at most one value in four is not one), or at least half of them with its
/// ID a placeholder, or its ID a placeholder that names an ID (`<network-id>`, `<guid>`). A poster's
/// placeholder or two in a real object (`"AddressPrefix": <your pod cidr>`) makes no example.
bool isExampleDocument(const PlaceholderCount& count);

/// `json` with the placeholders a poster put where values, elements or members were (`<ignore the data>`,
/// `<redacted>`, `<your service cidr>`, `<...>`: outside strings, on one line, where a value or a member
/// starts and before what ends one) left out as elided lines are: a member whose value is one goes with
/// its key, and the comma after it goes too. Each is added to `placeholders` as {path, text}: the path of
/// the member it stood for (`Subnets[0].AddressPrefix`), or of the list or object it stood in (`Output`;
/// empty for the value's own members). In an example document (isExampleDocument: a schema page's
/// `"Id" : <string>, "Type" : <enum>`) nothing was left out: its placeholders as values and elements are
/// kept as strings (`"<string>"`), those among its members are dropped, and none is added to
/// `placeholders`, so that the document reads as the example it is.
std::string dropPlaceholders(std::string_view json,
                             std::vector<std::pair<std::string, std::string>>& placeholders);

/// `json` with the single quotes a hand edit or a Python `repr` put around keys and strings
/// (`{'ID': '...', "Name": 'O\'Brien'}`) replaced by double quotes, double quotes inside them escaped, and
/// Python's bare `True`, `False` and `None` as JSON's. A `'` inside a double-quoted string (`"O'Brien"`)
/// stays; a single-quoted string ends at the `'` followed by `:`, `,`, `}`, `]` or its line end, so an
/// apostrophe inside one stays too. Adds the repair "replaced single quotes around keys and strings with
/// double quotes"; returns an empty string when `json` has no single-quoted key or string.
std::string requoteSingleQuotes(std::string_view json, std::vector<std::string>& repairs);

/// Whether `text` starts with a single-quoted key: `'ID':` (blanks allowed around the colon).
bool startsWithSingleQuotedKey(std::string_view text);

/// A value the paste cut off (it never closes), made parseable: cut back to the end of its last
/// complete member or element and closed with the brackets still open. A string value is complete at
/// its closing quote (`"Protocol": "UDP"` at the text's end is kept), a number or a literal where a
/// `,`, `}` or `]` follows it: one at the text's end may have gone on (`"Protocol": 17` may have been
/// 170) and is left out, as is a string the text ends inside. Empty when nothing complete comes before
/// the cut (no member at all).
std::string closeTruncatedJson(std::string_view json);

/// A member whose string value the text ends inside.
struct CutStringMember
{
    std::string key;
    std::string shown; ///< what the text shows of the value, blanks and a trailing `...` left out
};

/// The member of the object a value the paste cut off ends inside (`{"Name":"cbr0","ID":"5F1E3B2A-9C`),
/// when the text ends inside its string value: the object is the value itself, the last element of the
/// value's list, or that of an HNS envelope's `Output`; a member of an object nested in it is none.
std::optional<CutStringMember> cutStringMember(std::string_view json);

/// A member the text of a value the paste cut off ends in, at any depth.
struct CutMember
{
    /// Its path from the value's top, list elements by index: `PortMappings[0].Protocol`, `[2].Type`,
    /// `Output.Type`.
    std::string path;
    /// Its path from the object the text shows, the one the cut is in: an HNS answer's `Output` and the
    /// index of a list's element (the last, which the cut is in) are that object's place, not members of
    /// it (`Output[2].PortMappings[0].Protocol` is `PortMappings[0].Protocol`). Empty when the member is
    /// no member of such an object (`Output` itself).
    std::string objectPath;
    std::string shown; ///< what the text shows of its value (a string's without its quote), blanks left out
};

/// The member a value the paste cut off ends in after its `:`: right after it, inside its value (a
/// string, a number, `true`), or after a number or literal nothing closes or follows (`"Protocol": 17`,
/// which may have gone on). closeTruncatedJson leaves such a member out: its value is unknown. Nothing
/// when the text ends elsewhere (between members, in a key, in a list's element that is no member, after
/// a string value's closing quote: that member is whole).
std::optional<CutMember> cutMember(std::string_view json);

/// The member of the object a value the paste cut off shows (an envelope's Output) whose list or object
/// the cut is inside (`"Subnets":[{"AddressPrefix":"10.0.0.0/16"`: `Subnets`): what it shows of it may be
/// less than it held. Empty when the text ends elsewhere (between that object's members, in a scalar
/// value of it: cutMember).
std::string cutOpenMember(std::string_view json);

/// Whether `line` (blanks before it allowed) starts a member, `"Key":`: a line a string runs into when
/// it cannot continue it (no JSON string holds a line end or an unescaped quote), so the string lost its
/// closing quote where a console wrapped the line (`"Name": "nat,`).
bool startsMemberLine(std::string_view line);

/// A member, element or value readAroundDamage left out.
struct DamagedMember
{
    /// Where it stood: `MacPools`, `Output.Name`, `[2].MacPools`, `Output[2]`; a member whose key is
    /// lost is `(a member without its key)`.
    std::string path;
    bool elided = false; ///< the paste shows `...` in place of its value
    /// The paste lost the `[` that opened its list (`"Subnets": { ... }, { ... } ],`): the elements the
    /// dump shows of it, each whole; 0 otherwise.
    std::size_t listWithoutOpening = 0;
};

/// A value whose text does not parse as a whole (the paste damaged a member: lost the `[ {` that opened
/// a list, a quote, glued two members, elided or annotated a value), read member by member. The text
/// between the object's `{` and its last `}` is split at the commas between its members (a line that
/// starts a member ends a string that runs into it) and each is parsed on its own. Text without quotes
/// or brackets around a member (`<-- this one`, markdown's `**`) is dropped (added once to `repairs`).
/// A member that still does not parse is left out, with what follows it up to the next member that
/// closes no bracket it did not open (the rest of the damaged value), and added to `damaged`. The same
/// goes for the elements of a list of objects, and for the `Output` of an HNS answer (an object or such
/// a list): an element that is no object it can read is left out as null, so the others keep their
/// place. An empty object when nothing could be read or `value` is no `{...}` or `[...]`.
nlohmann::json readAroundDamage(std::string_view value, std::vector<DamagedMember>& damaged,
                                std::vector<std::string>& repairs);

/// Windows PowerShell 5.1's `ConvertTo-Json` of a piped array can write it as `{"value":[...],"Count":n}`
/// (an array's extended properties serialized with it). Such a wrapper, at the top of `value` or as an
/// element of a list there, is replaced by the elements of its `value`. With `cut` (a value the paste cut
/// off, closed by closeTruncatedJson), the wrapper at the top or the list's last element may lack its
/// `Count`: the paste ended inside its list. Returns whether one was replaced.
bool unwrapValueCountWrappers(nlohmann::json& value, bool cut = false);

/// The content of a Go-quoted string (logrus `msg="..."`) with `\"`, `\\`, `\n`, `\t`, `\r` resolved;
/// other escapes are kept as written. `columnOf`, when given, gets for each byte of the result the index in
/// `quoted` it came from.
std::string unquoteGoString(std::string_view quoted, std::vector<std::size_t>* columnOf = nullptr);

} // namespace hcn::io
