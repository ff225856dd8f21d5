#pragma once
// HTML in dump text (a ticket system's or a mail client's export, a fragment of a page): where it is,
// and the text it shows (core/io/html_text.cpp).

#include <string>
#include <string_view>
#include <vector>

namespace hcn::io {

struct HtmlText
{
    std::string text;        ///< LF-separated
    std::vector<int> lineOf; ///< for each line of `text`, the 1-based line of the document it starts on
};

/// The text an HTML document shows, as a browser's copy gives it: `<br>` and block elements (`<p>`,
/// `<div>`, `<pre>`, `<li>`, `<tr>`, headings, ...) break lines, `<p>` leaves a blank line. Inside
/// `<pre>`, `<code>`, `<tt>` (and `<samp>`, `<kbd>`, `<textarea>`) or an element styled `white-space:
/// pre`, `pre-wrap` or `break-spaces`, the text is kept as written, blanks and line breaks; styled
/// `pre-line`, its line breaks are kept; in a monospace font (`font-family: Consolas`, `<font
/// face="monospace">`) runs of blanks within a line are kept, as they line up columns there; elsewhere
/// runs of white space are one blank and none at a line's start. Character references (`&quot;`,
/// `&gt;`, `&amp;`, `&nbsp;`, `&#39;`, `&#x2F;`, ...) are decoded, `&nbsp;` to U+00A0, a blank that
/// never collapses; comments, `<head>`, `<script>` and `<style>` are left out. Linear in the size of
/// `html`.
HtmlText htmlToText(std::string_view html);

/// Where HTML is in a text: whole lines, from the first holding a tag to the last.
struct HtmlRegion
{
    std::size_t begin = 0; ///< the offset of the first line's start
    std::size_t end = 0;   ///< the offset of the last line's end (its line break or the text's end)
    int firstLine = 1;     ///< 1-based
    int lastLine = 1;
    bool document = false; ///< `<html`, `<body` or `<!DOCTYPE html`: a whole document, not a fragment
};

/// Where `text` holds HTML, found by evidence anywhere in it (after a BOM, blank lines, mail headers or
/// prose), in text order. A document (`<html`, `<body`, `<!DOCTYPE html`) is one region, from the first
/// line holding an element only HTML writes (`<div`, `<p>`, `<pre`, `<br>`, `<table>`, `<span`, ...) to
/// the last one (to the end of the text when the document never closes). Otherwise each fragment of such
/// elements pasted into text is one: lines with tags close together, a fragment ending where two plain
/// lines follow markup that is all closed (eight when an element is left open). A fragment is taken
/// when it holds three or more tags (two with two character references, or two when the text starts
/// with one), one of them closing or a `<br>`, and at least half of the lines it spans outside `<pre>`
/// hold a tag or a character reference; when none is, all the markup of the text is tried as one
/// fragment. Markup on a line with a JSON member (`"Name": "<b>x</b>"`) is data and no evidence; XML
/// (Export-Clixml's `<Objs>`, whose element names are no HTML's) and JSON give nothing. One pass over
/// the text.
std::vector<HtmlRegion> findHtml(std::string_view text);

/// `text` with each of its HTML `regions` (in text order, apart) read as the text it shows (htmlToText)
/// and the lines around and between them as they are; `lineOf` gives each line's line in `text`.
HtmlText textWithHtmlRead(std::string_view text, const std::vector<HtmlRegion>& regions);

} // namespace hcn::io
