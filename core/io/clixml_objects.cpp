// Objects in PowerShell's CLIXML, what Export-Clixml writes (`Get-HnsEndpoint | Export-Clixml ep.xml`)
// and remoting transcripts carry: `<Objs>` holding one `<Obj>` per object, its properties as typed
// elements named by their N attribute; and what ConvertTo-Xml writes (`<Objects>` holding one `<Object>`
// per object, its properties as `<Property Name=...>`). A small pull reader over the XML subset both use
// (elements, attributes, text, entities, comments); nothing here throws and the nesting is bounded.

#include "common/text.h"
#include "common/utf8.h"
#include "hcn/dump_formats.h"
#include "hcn/json_limits.h"
#include "io/character_references.h"
#include "io/powershell_value.h"
#include "io/text_tables.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hcn::io {

namespace {

using nlohmann::json;

/// One piece of the XML text: a start tag (with its attributes' text), an end tag, or character data.
struct Token
{
    enum class Kind
    {
        Start,
        End,
        Text,
        Eof,
    };
    Kind kind = Kind::Eof;
    std::string_view name;  ///< element name (Start, End)
    std::string_view attrs; ///< the text after the name (Start)
    bool selfClosing = false;
    std::string_view text; ///< raw character data (Text)
    std::size_t offset = 0;
};

/// CLIXML writes characters XML cannot hold as `_xHHHH_` (`_x000D__x000A_` for CRLF) and a literal
/// `_x` as `_x005F_x`.
std::string decodeClixmlEscapes(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.substr(i, 2) == "_x" && i + 7 <= text.size() && text[i + 6] == '_') {
            std::uint32_t value = 0;
            const char* first = text.data() + i + 2;
            const auto [end, ec] = std::from_chars(first, first + 4, value, 16);
            if (ec == std::errc() && end == first + 4) {
                appendUtf8(out, char32_t(value));
                i += 6;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

std::string textOf(std::string_view raw)
{
    return validUtf8(decodeClixmlEscapes(decodeCharacterReferences(raw)));
}

/// The value of attribute `name` in a start tag's attribute text, decoded.
std::optional<std::string> attribute(std::string_view attrs, std::string_view name)
{
    for (std::size_t at = 0; at < attrs.size();) {
        const std::size_t eq = attrs.find('=', at);
        if (eq == std::string_view::npos)
            return std::nullopt;
        const std::string_view key = trimBlanks(attrs.substr(at, eq - at));
        std::size_t q = eq + 1;
        while (q < attrs.size() && (attrs[q] == ' ' || attrs[q] == '\n' || attrs[q] == '\t'))
            ++q;
        if (q >= attrs.size() || (attrs[q] != '"' && attrs[q] != '\''))
            return std::nullopt;
        const std::size_t close = attrs.find(attrs[q], q + 1);
        if (close == std::string_view::npos)
            return std::nullopt;
        if (key == name)
            return textOf(attrs.substr(q + 1, close - q - 1));
        at = close + 1;
    }
    return std::nullopt;
}

class XmlCursor
{
public:
    XmlCursor(std::string_view text, std::size_t at) : m_text(text), m_pos(at) {}

    std::size_t position() const { return m_pos; }

    /// Reads up to the end tag of the element `start` opened, its own character data appended to `text`
    /// (that of nested elements skipped); false when the text ends first.
    bool finishElement(const Token& start, std::string& text)
    {
        if (start.selfClosing)
            return true;
        for (int depth = 0;;) {
            const Token token = next();
            if (token.kind == Token::Kind::Eof)
                return false;
            if (token.kind == Token::Kind::Text && depth == 0)
                text += token.text;
            else if (token.kind == Token::Kind::Start && !token.selfClosing)
                ++depth;
            else if (token.kind == Token::Kind::End && depth-- == 0)
                return true;
        }
    }

    Token next()
    {
        while (m_pos < m_text.size()) {
            Token token;
            token.offset = m_pos;
            if (m_text[m_pos] != '<') {
                const std::size_t lt = std::min(m_text.find('<', m_pos), m_text.size());
                token.kind = Token::Kind::Text;
                token.text = m_text.substr(m_pos, lt - m_pos);
                m_pos = lt;
                return token;
            }
            if (skipMarkup())
                continue;
            const std::size_t gt = m_text.find('>', m_pos);
            if (gt == std::string_view::npos) {
                m_pos = m_text.size();
                break;
            }
            std::string_view inner = m_text.substr(m_pos + 1, gt - m_pos - 1);
            m_pos = gt + 1;
            if (inner.starts_with('/')) {
                token.kind = Token::Kind::End;
                token.name = trimBlanks(inner.substr(1));
                return token;
            }
            token.kind = Token::Kind::Start;
            if (inner.ends_with('/')) {
                token.selfClosing = true;
                inner.remove_suffix(1);
            }
            const std::size_t blank = inner.find_first_of(" \t\n");
            token.name = inner.substr(0, blank);
            token.attrs = blank == std::string_view::npos ? std::string_view() : inner.substr(blank + 1);
            return token;
        }
        Token eof;
        eof.offset = m_text.size();
        return eof;
    }

private:
    /// Comments, processing instructions and declarations: skipped; true when one was.
    bool skipMarkup()
    {
        const auto skipTo = [this](std::string_view end) {
            const std::size_t at = m_text.find(end, m_pos);
            m_pos = at == std::string_view::npos ? m_text.size() : at + end.size();
            return true;
        };
        const std::string_view rest = m_text.substr(m_pos);
        if (rest.starts_with("<!--"))
            return skipTo("-->");
        if (rest.starts_with("<?"))
            return skipTo("?>");
        if (rest.starts_with("<!"))
            return skipTo(">");
        return false;
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

bool oneOf(std::string_view name, std::initializer_list<std::string_view> names)
{
    return std::find(names.begin(), names.end(), name) != names.end();
}

/// A top-level object, with the offsets of its start tag and of the end of its end tag.
struct XmlObject
{
    json value;
    std::size_t begin = 0;
    std::size_t end = 0;
    std::vector<std::string> losses;
    bool cutOff = false; ///< the text ends inside it
};

/// What the readers of both formats share: the cursor, the losses of the top-level object being read,
/// and whether the text ended inside the document or nested too deep.
class XmlObjectReader
{
public:
    bool cutInside() const { return m_cutInside; }
    bool tooDeep() const { return m_tooDeep; }
    std::size_t end() const { return m_cursor.position(); }

protected:
    XmlObjectReader(std::string_view text, std::size_t at) : m_cursor(text, at) {}

    /// The top-level element `token` read with `read`; kept in `objects` when it is an `element` that
    /// gave an object. `cutLoss`: what its loss says when the text ends inside it.
    template <typename Read>
    void readTopLevel(const Token& token, std::string_view element, std::string_view cutLoss,
                      std::vector<XmlObject>& objects, Read&& read)
    {
        m_losses.clear();
        json value = read();
        if (m_cutInside)
            m_losses.push_back(std::string(cutLoss));
        if (token.name == element && value.is_object())
            objects.push_back(
                {std::move(value), token.offset, m_cursor.position(), std::move(m_losses), m_cutInside});
    }

    XmlCursor m_cursor;
    std::vector<std::string> m_losses;
    bool m_cutInside = false;
    bool m_tooDeep = false;
};

/// Reads `<Objs>` and every value in it.
class ClixmlReader : public XmlObjectReader
{
public:
    ClixmlReader(std::string_view text, std::size_t at) : XmlObjectReader(text, at) {}

    std::vector<XmlObject> run()
    {
        std::vector<XmlObject> objects;
        const Token objs = m_cursor.next(); // <Objs ...>
        if (objs.kind != Token::Kind::Start)
            return objects;
        readChildren(objs, [&](const Token& token) {
            readTopLevel(token, "Obj", "the CLIXML ends inside this object; what followed is unknown",
                         objects, [&] { return readValue(token, "", 0); });
        });
        return objects;
    }

private:
    /// The text up to the end tag of the element just started; nested elements are skipped.
    std::string readText(const Token& start)
    {
        std::string raw;
        if (!m_cursor.finishElement(start, raw))
            m_cutInside = true;
        return textOf(raw);
    }

    void skipElement(const Token& start) { (void)readText(start); }

    static json primitive(std::string_view name, std::string text)
    {
        if (name == "B")
            return text == "true";
        if (oneOf(name, {"I16", "I32", "I64", "By", "SB", "U16", "U32", "U64"})) {
            const std::string_view t = trimBlanks(text);
            if (!t.empty() && t.front() == '-') {
                std::int64_t v = 0;
                if (std::from_chars(t.data(), t.data() + t.size(), v).ec == std::errc())
                    return v;
            } else {
                std::uint64_t v = 0;
                if (std::from_chars(t.data(), t.data() + t.size(), v).ec == std::errc())
                    return v;
            }
            return text;
        }
        if (oneOf(name, {"Db", "Sg", "D"})) {
            json number = json::parse(trimBlanks(text), nullptr, false);
            return number.is_number() ? number : json(text);
        }
        if (name == "C") { // a char as its code
            std::uint32_t code = 0;
            if (std::from_chars(text.data(), text.data() + text.size(), code).ec == std::errc()) {
                std::string out;
                appendUtf8(out, char32_t(code));
                return validUtf8(std::move(out));
            }
        }
        return text; // S, G, URI, Version, DT, TS, XD, SBK, SS, BA (base64), and unknown primitives
    }

    json readValue(const Token& start, const std::string& path, int depth)
    {
        const std::optional<std::string> refId = attribute(start.attrs, "RefId");
        if (start.name == "Nil") {
            skipElement(start);
            return nullptr;
        }
        if (start.name == "Ref") {
            skipElement(start);
            const auto found = refId ? m_refs.find(*refId) : m_refs.end();
            return found == m_refs.end() ? json() : found->second;
        }
        if (start.name != "Obj")
            return primitive(start.name, readText(start));
        if (depth >= kDefaultMaxJsonDepth) {
            m_tooDeep = true;
            skipElement(start);
            return nullptr;
        }
        json members = json::object();
        json items = json::array();
        json dictionary = json::object();
        bool isList = false;
        bool isDictionary = false;
        std::optional<std::string> shown;
        std::vector<std::string> types;
        readChildren(start, [&](const Token& token) {
            if (token.name == "TN") {
                readTypeNames(token, types);
            } else if (token.name == "TNRef") {
                const std::optional<std::string> ref = attribute(token.attrs, "RefId");
                if (auto it = ref ? m_typeNames.find(*ref) : m_typeNames.end(); it != m_typeNames.end())
                    types = it->second;
                skipElement(token);
            } else if (token.name == "ToString") {
                shown = readText(token);
            } else if (oneOf(token.name, {"MS", "Props"})) {
                readMembers(token, members, path, depth);
            } else if (oneOf(token.name, {"LST", "IE", "STK", "QUE"})) {
                isList = true;
                readItems(token, items, path, depth);
            } else if (token.name == "DCT") {
                isDictionary = true;
                readDictionary(token, dictionary, path, depth);
            } else {
                // A primitive value of the object itself (<S>...</S>, an enum's value).
                skipElement(token);
            }
        });
        json value;
        if (isDictionary)
            value = std::move(dictionary);
        else if (isList)
            value = std::move(items);
        else if (!members.empty())
            value = std::move(members);
        else if (shown) {
            // Deeper than Export-Clixml's -Depth: only the object's text, as a list view shows it.
            std::vector<std::string> losses;
            value = parsePowerShellValue(*shown, losses);
            const bool listType = std::any_of(types.begin(), types.end(), [](const std::string& t) {
                return t.find("[]") != std::string::npos || t.find("List") != std::string::npos;
            });
            if (listType && value.is_object())
                value = json::array({std::move(value)});
            // A type name PowerShell printed instead of the value (`System.Object[]`) is reported as
            // the list view's is, when the object is mapped.
            if (!value.is_string())
                m_losses.push_back((path.empty() ? std::string("the object") : path) +
                                   ": deeper than Export-Clixml's -Depth; read from its text");
        } else
            value = json::object();
        if (refId)
            m_refs[*refId] = value;
        return value;
    }

    void readTypeNames(const Token& start, std::vector<std::string>& types)
    {
        const std::optional<std::string> refId = attribute(start.attrs, "RefId");
        types.clear();
        if (!start.selfClosing) {
            for (;;) {
                const Token token = m_cursor.next();
                if (token.kind == Token::Kind::Eof || token.kind == Token::Kind::End)
                    break;
                if (token.kind == Token::Kind::Start)
                    types.push_back(readText(token));
            }
        }
        if (refId)
            m_typeNames[*refId] = types;
    }

    template <typename Each> void readChildren(const Token& start, Each&& each)
    {
        if (start.selfClosing)
            return;
        for (;;) {
            const Token token = m_cursor.next();
            if (token.kind == Token::Kind::Eof) {
                m_cutInside = true;
                return;
            }
            if (token.kind == Token::Kind::End)
                return;
            if (token.kind == Token::Kind::Start)
                each(token);
        }
    }

    void readMembers(const Token& start, json& members, const std::string& path, int depth)
    {
        readChildren(start, [&](const Token& token) {
            const std::string name = attribute(token.attrs, "N").value_or(std::string());
            const std::string childPath = path.empty() ? name : path + "." + name;
            json value = readValue(token, childPath, depth + 1);
            if (!name.empty() && !members.contains(name))
                members[name] = std::move(value);
        });
    }

    void readItems(const Token& start, json& items, const std::string& path, int depth)
    {
        readChildren(start, [&](const Token& token) {
            items.push_back(readValue(token, path + "[" + std::to_string(items.size()) + "]", depth + 1));
        });
    }

    void readDictionary(const Token& start, json& dictionary, const std::string& path, int depth)
    {
        readChildren(start, [&](const Token& entry) { // <En><S N="Key">k</S><Obj N="Value">...</Obj></En>
            json key;
            json value;
            readChildren(entry, [&](const Token& token) {
                const std::string role = attribute(token.attrs, "N").value_or(std::string());
                json v = readValue(token, path, depth + 1);
                (role == "Key" ? key : value) = std::move(v);
            });
            if (key.is_string() && !dictionary.contains(key.get<std::string>()))
                dictionary[key.get<std::string>()] = std::move(value);
        });
    }

    std::map<std::string, json> m_refs;
    std::map<std::string, std::vector<std::string>> m_typeNames;
};

/// Reads ConvertTo-Xml's `<Objects>`: each `<Object>` is an object of its `<Property Name=...>`
/// elements. A property holding `<Property>` elements is an object when they all have a name and it is
/// no list type, otherwise a list; a property's text is read as the list view shows it (below its
/// -Depth, ConvertTo-Xml writes an object's text, `@{ID=...; IsDefault=False}`), a System.String's as
/// it is, a property without content as null.
class ConvertToXmlReader : public XmlObjectReader
{
public:
    ConvertToXmlReader(std::string_view text, std::size_t at) : XmlObjectReader(text, at) {}

    std::vector<XmlObject> run()
    {
        std::vector<XmlObject> objects;
        const Token start = m_cursor.next(); // <Objects>
        if (start.kind != Token::Kind::Start || start.selfClosing)
            return objects;
        while (!m_cutInside) {
            const Token token = m_cursor.next();
            if (token.kind == Token::Kind::Eof)
                m_cutInside = true;
            if (token.kind == Token::Kind::Eof || token.kind == Token::Kind::End)
                break;
            if (token.kind != Token::Kind::Start)
                continue;
            readTopLevel(token, "Object", "the XML ends inside this object; what followed is unknown",
                         objects, [&] { return readProperty(token, "", 0); });
        }
        return objects;
    }

private:
    static bool listType(std::string_view type)
    {
        return type.ends_with("[]") || type.find("List") != std::string_view::npos ||
               type.find("Collection") != std::string_view::npos;
    }

    void skip(const Token& start)
    {
        std::string ignored;
        if (!m_cursor.finishElement(start, ignored))
            m_cutInside = true;
    }

    json readProperty(const Token& start, const std::string& path, int depth)
    {
        const std::string type = attribute(start.attrs, "Type").value_or(std::string());
        if (start.selfClosing)
            return type == "System.String" ? json("") : json();
        if (depth >= kDefaultMaxJsonDepth) {
            m_tooDeep = true;
            skip(start);
            return nullptr;
        }
        std::string raw;
        json members = json::object();
        json items = json::array();
        bool allNamed = true;
        for (;;) {
            const Token token = m_cursor.next();
            if (token.kind == Token::Kind::Eof)
                m_cutInside = true;
            if (token.kind == Token::Kind::Eof || token.kind == Token::Kind::End)
                break;
            if (token.kind == Token::Kind::Text) {
                raw += token.text;
                continue;
            }
            if (token.name != "Property") {
                skip(token);
                continue;
            }
            const std::optional<std::string> name = attribute(token.attrs, "Name");
            const std::string childPath = name ? (path.empty() ? *name : path + "." + *name)
                                               : path + "[" + std::to_string(items.size()) + "]";
            json child = readProperty(token, childPath, depth + 1);
            if (!name)
                allNamed = false;
            else if (!members.contains(*name))
                members[*name] = child;
            items.push_back(std::move(child));
        }
        if (!items.empty())
            return allNamed && !listType(type) ? std::move(members) : std::move(items);
        const std::string text = validUtf8(decodeCharacterReferences(raw));
        if (type == "System.String")
            return text;
        if (trimBlanks(text).empty())
            return nullptr;
        PowerShellValueNotes notes;
        json value = readPowerShellValue(text, path, notes);
        if (listType(type) && value.is_object())
            value = json::array({std::move(value)});
        if (value.is_object() || value.is_array())
            m_losses.push_back((path.empty() ? std::string("the object") : path) +
                               ": deeper than ConvertTo-Xml's -Depth; read from its text");
        for (std::string& loss : notes.losses)
            m_losses.push_back(std::move(loss));
        return value;
    }
};

} // namespace

namespace {

/// Where a root element `<tag` starts in `text` from `from` (the name whole: `<Objects>`, not
/// `<ObjectsX`), or npos.
std::size_t findRoot(std::string_view text, std::string_view tag, std::size_t from)
{
    for (std::size_t at = text.find(tag, from); at != std::string_view::npos; at = text.find(tag, at + 1)) {
        const std::size_t after = at + tag.size();
        if (after == text.size() || text[after] == '>' || text[after] == ' ' || text[after] == '\n' ||
            text[after] == '\t' || text[after] == '/')
            return at;
    }
    return std::string_view::npos;
}

/// Every document of one kind in the lines' text: `Reader` reads from a root `tag` on.
template <typename Reader>
void readDocuments(const std::string& text, const std::function<int(std::size_t)>& lineAt,
                   std::string_view tag, std::string_view what, ExtractResult& result)
{
    for (std::size_t at = findRoot(text, tag, 0); at != std::string::npos; at = findRoot(text, tag, at)) {
        Reader reader(text, at);
        std::vector<XmlObject> objects = reader.run();
        const int first = lineAt(at);
        const int last = lineAt(std::min(reader.end(), text.size()) - 1);
        for (XmlObject& object : objects) {
            FoundValue found;
            found.format = DumpFormat::CliXml;
            found.value = std::move(object.value);
            found.firstLine = lineAt(object.begin);
            found.lastLine = lineAt(object.end - 1);
            found.sourceText = validUtf8(text.substr(object.begin, object.end - object.begin));
            found.losses = std::move(object.losses);
            found.cutOff = object.cutOff;
            result.values.push_back(std::move(found));
        }
        const std::string name(tag.substr(1));
        if (reader.cutInside())
            result.warnings.push_back({first, last,
                                       tables::lineRange(first, last) + ": the " + std::string(what) +
                                           " ends before its </" + name +
                                           ">; the objects complete before the cut were read"});
        if (reader.tooDeep())
            result.warnings.push_back({first, last,
                                       tables::lineRange(first, last) + ": " + std::string(what) +
                                           " nested deeper than " + std::to_string(kDefaultMaxJsonDepth) +
                                           " levels; the deeper values were left out"});
        at = std::max(reader.end(), at + 1);
    }
}

} // namespace

ExtractResult extractClixmlObjects(const std::vector<CleanedLine>& lines)
{
    ExtractResult result;
    if (std::none_of(lines.begin(), lines.end(), [](const CleanedLine& line) {
            return line.text.find("<Objs") != std::string::npos ||
                   line.text.find("<Objects") != std::string::npos;
        }))
        return result;
    // The lines as one text, and where each starts in it, to give each object its source lines.
    std::string text;
    std::vector<std::size_t> starts;
    for (const CleanedLine& line : lines) {
        starts.push_back(text.size());
        text += line.text;
        text += '\n';
    }
    const std::function<int(std::size_t)> lineAt = [&](std::size_t offset) {
        const auto it = std::upper_bound(starts.begin(), starts.end(), offset);
        return lines[std::size_t(it - starts.begin()) - 1].sourceLine;
    };
    readDocuments<ClixmlReader>(text, lineAt, "<Objs", "CLIXML", result);
    readDocuments<ConvertToXmlReader>(text, lineAt, "<Objects", "ConvertTo-Xml output", result);
    return result;
}

} // namespace hcn::io
