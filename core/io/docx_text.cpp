// The text of a Word document's word/document.xml, and which entries of a .docx are its parts.

#include "io/docx_text.h"

#include "common/utf8.h"
#include "io/character_references.h"

#include <algorithm>
#include <array>

namespace hcn::io {

namespace {

/// The element name of the tag starting at `at` (`w:t` of `<w:t xml:space="preserve">`, `/w:p` of an
/// end tag) and where the tag ends (after its `>`; npos when it never does).
struct Tag
{
    std::string_view name;
    bool selfClosing = false;
    std::size_t end = std::string_view::npos;
};

Tag tagAt(std::string_view xml, std::size_t at)
{
    Tag tag;
    const std::size_t gt = xml.find('>', at);
    if (gt == std::string_view::npos)
        return tag;
    const std::string_view inner = xml.substr(at + 1, gt - at - 1);
    tag.name = inner.substr(0, inner.find_first_of(" \t\n/"));
    if (tag.name.empty() && inner.starts_with('/'))
        tag.name = inner.substr(0, inner.find_first_of(" \t\n", 1));
    tag.selfClosing = inner.ends_with('/');
    tag.end = gt + 1;
    return tag;
}

constexpr std::array<std::string_view, 5> kPartFolders = {"_rels/", "docProps/", "word/", "customXml/",
                                                          "[Content_Types].xml"};

} // namespace

std::string wordDocumentText(std::string_view xml)
{
    std::string out;
    std::string run; // character data of the current <w:t>
    bool inText = false;
    bool hidden = false; // inside <w:delText> or <w:instrText>
    bool paragraph = false;
    for (std::size_t at = 0; at < xml.size();) {
        if (xml[at] != '<') {
            const std::size_t lt = std::min(xml.find('<', at), xml.size());
            if (inText && !hidden)
                run += xml.substr(at, lt - at);
            at = lt;
            continue;
        }
        const Tag tag = tagAt(xml, at);
        if (tag.end == std::string_view::npos)
            break;
        at = tag.end;
        const std::string_view name = tag.name;
        if (name == "w:t") {
            inText = !tag.selfClosing;
        } else if (name == "/w:t") {
            out += decodeCharacterReferences(run);
            run.clear();
            inText = false;
        } else if (name == "w:delText" || name == "w:instrText") {
            hidden = !tag.selfClosing;
        } else if (name == "/w:delText" || name == "/w:instrText") {
            hidden = false;
        } else if (name == "w:tab" && tag.selfClosing) {
            out += '\t';
        } else if ((name == "w:br" || name == "w:cr") && tag.selfClosing) {
            out += '\n';
        } else if (name == "w:noBreakHyphen") {
            out += '-';
        } else if (name == "w:p") {
            if (paragraph)
                out += '\n'; // a paragraph inside one that did not end (a text box): a line of its own
            paragraph = !tag.selfClosing;
            if (tag.selfClosing)
                out += '\n'; // an empty paragraph: a blank line
        } else if (name == "/w:p") {
            out += '\n';
            paragraph = false;
        }
    }
    if (!run.empty())
        out += decodeCharacterReferences(run); // cut inside a run
    return validUtf8(std::move(out));
}

WordPart readWordPart(std::string& name, std::string& bytes)
{
    const std::size_t bang = name.rfind('!');
    if (bang == std::string::npos)
        return WordPart::None;
    const std::string_view path = std::string_view(name).substr(bang + 1);
    if (std::none_of(kPartFolders.begin(), kPartFolders.end(),
                     [&](std::string_view folder) { return path.starts_with(folder); }))
        return WordPart::None;
    // Parts are XML, relationships, or what word/ embeds; a customer's own `word/network.json` is data.
    const bool partLike = path.ends_with(".xml") || path.ends_with(".rels") ||
                          path.starts_with("word/media/") || path.starts_with("word/embeddings/") ||
                          path.starts_with("word/fonts/") || path.starts_with("docProps/thumbnail.");
    if (!partLike)
        return WordPart::None;
    if (path != "word/document.xml")
        return WordPart::Other;
    if (std::string_view(bytes).substr(0, 4096).find("<w:document") == std::string_view::npos)
        return WordPart::None;
    bytes = wordDocumentText(bytes);
    name.erase(bang);
    return WordPart::Document;
}

} // namespace hcn::io
