#pragma once
// An HTML document (a ticket system's or a mail client's export) as the text it shows
// (core/io/html_text.cpp).

#include <string>
#include <string_view>
#include <vector>

namespace hcn::io {

/// Whether `text` is an HTML document or fragment: it starts (after blanks) with `<`, and its first
/// 4 KiB hold `<html`, `<!DOCTYPE html` or `<body`, or it starts with one of the tags ticket systems
/// write (`<div`, `<p>`, `<pre`, `<table`, `<span`, `<br`) and closes a tag somewhere in those 4 KiB.
/// XML (Export-Clixml) and JSON are not.
bool looksLikeHtml(std::string_view text);

struct HtmlText
{
    std::string text;        ///< LF-separated
    std::vector<int> lineOf; ///< for each line of `text`, the 1-based line of the document it starts on
};

/// The text an HTML document shows, as a browser's copy gives it: `<br>` and block elements (`<p>`,
/// `<div>`, `<pre>`, `<li>`, `<tr>`, headings, ...) break lines, `<p>` leaves a blank line; outside
/// `<pre>` runs of white space are one blank and none at a line's start; inside `<pre>` the text is
/// kept as it is; character references (`&quot;`, `&gt;`, `&amp;`, `&nbsp;`, `&#39;`, `&#x2F;`, ...)
/// are decoded (`&nbsp;` to U+00A0); comments, `<head>`, `<script>` and `<style>` are left out.
/// Linear in the size of `html`.
HtmlText htmlToText(std::string_view html);

} // namespace hcn::io
