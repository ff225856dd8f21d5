#pragma once
// Markdown's emphasis, which a poster puts around a value or a sentence they point at in a paste outside
// a code block: no part of what the output held (core/io/markdown_emphasis.cpp).

#include <string_view>

namespace hcn::io {

/// Markdown's emphasis markers (`**bold**`, `_italic_`, `~~struck~~`), which a paste puts around a
/// failure it points at: no part of its text.
bool isEmphasisMarker(char c);

/// `text` without the markers of markdown emphasis or code around it as a whole (`**10.0.0.4**`,
/// `__x__`, `*x*`, `~~x~~`, `` `x` ``, nested as `` **`x`** ``); `text` itself when it is not wrapped so.
/// The markers close as they open, and the inside neither starts nor ends with a blank (markdown's own
/// rule), so `*` alone, `**` or `* a *` stay as they are.
std::string_view withoutEmphasis(std::string_view text);

} // namespace hcn::io
