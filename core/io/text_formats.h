#pragma once
// Formats that carry a dump's text in another form, undone once the bytes are text
// (core/io/text_formats.cpp).

#include "hcn/dump_text.h"

namespace hcn::io {

/// `decoded.text` as the text it carries when it is an RTF document (rtfText), and with the values of
/// Windows event XML (decodeEventData), PowerShell's Name/Value tables of a hashtable
/// (nameValueTablesAsListViews) and the escaped fields of a log exported as CSV (unquoteLogFields) read
/// in place; each change is a note. Linear in the text's size.
void readTextFormats(DecodedText& decoded);

} // namespace hcn::io
