#pragma once
// A Word document (.docx) among the files of a dump: a zip whose `word/document.xml` holds the text
// (core/io/docx_text.cpp).

#include <string>
#include <string_view>

namespace hcn::io {

/// The text `word/document.xml` of a Word document shows: each paragraph (`<w:p>`) a line, its runs'
/// text (`<w:t>`) with the character references decoded, `<w:tab/>` a tab, `<w:br/>` and `<w:cr/>`
/// line breaks, `<w:noBreakHyphen/>` a `-`; deleted text (`<w:delText>`) and field instructions
/// (`<w:instrText>`) left out. One pass.
std::string wordDocumentText(std::string_view documentXml);

/// What an archive entry is of a Word document (a .docx is a zip of these parts).
enum class WordPart
{
    None,     ///< no part of one
    Document, ///< `word/document.xml`
    Other,    ///< its styles, settings, relationships, properties, media: no text of the document
};

/// Which WordPart the archive entry `name` (`report.docx!word/document.xml`) with `bytes` is. For the
/// Document, `name` becomes the document's (`report.docx`) and `bytes` its text (wordDocumentText).
/// An entry is a part by its path in the archive (`[Content_Types].xml`, `_rels/`, `docProps/`, `word/`,
/// `customXml/`) when it is XML (`.xml`, `.rels`) or what word/ embeds (`media/`, `embeddings/`,
/// `fonts/`; `docProps/thumbnail.*`); document.xml also by holding a `<w:document` element.
WordPart readWordPart(std::string& name, std::string& bytes);

} // namespace hcn::io
