// Text carried in another form: RTF, event XML's values, the fields of a log exported as CSV.

#include "io/text_formats.h"

#include "io/delimited_tables.h"
#include "io/event_xml.h"
#include "io/name_value_tables.h"
#include "io/rtf_text.h"

#include <string>

namespace hcn::io {

void readTextFormats(DecodedText& decoded)
{
    if (std::optional<std::string> shown = rtfText(decoded.text)) {
        decoded.text = std::move(*shown);
        decoded.notes.push_back(
            "the text is an RTF document (rich text, as WordPad, Word or Outlook save it); it "
            "was read as the text it shows: \\par as line breaks, control words and the "
            "font, colour and style tables left out; line numbers count that text");
    }
    if (std::optional<DecodedEventData> events = decodeEventData(decoded.text)) {
        decoded.text = std::move(events->text);
        decoded.notes.push_back("the text holds Windows event XML; the character references in " +
                                std::to_string(events->values) + " <Data> value" +
                                (events->values == 1 ? "" : "s") + " were decoded (&quot; as \")");
    }
    if (std::optional<NameValueTablesAsListViews> tables = nameValueTablesAsListViews(decoded.text)) {
        decoded.text = std::move(tables->text);
        decoded.notes.push_back(
            "the text holds " + std::to_string(tables->tables) + " PowerShell hashtable" +
            (tables->tables == 1 ? "" : "s") +
            " of HNS properties shown as Name/Value tables (ConvertFrom-Json -AsHashtable); each was read as "
            "the list view of one object");
    }
    if (std::optional<UnquotedLogFields> fields = unquoteLogFields(decoded.text)) {
        decoded.text = std::move(fields->text);
        decoded.notes.push_back("the text is a log exported as CSV: " + std::to_string(fields->fields) +
                                " field" + (fields->fields == 1 ? "" : "s") + " (from line " +
                                std::to_string(fields->firstLine) +
                                ") holding a document escaped inside a log line were unquoted (their doubled "
                                "quotes made single) and read as the line the logger wrote");
    }
}

} // namespace hcn::io
