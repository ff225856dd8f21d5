#pragma once
// Windows event XML in dump text (Event Viewer's XML view, `wevtutil qe /f:xml`, an event's ToXml()):
// the values of its `<Data>` elements as the text they hold (core/io/event_xml.cpp).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace hcn::io {

struct DecodedEventData
{
    std::string text;       ///< the text with those values decoded in place; as many lines as before
    std::size_t values = 0; ///< how many `<Data>` values held a character reference
};

/// In each `<EventData>` element of `text` (an event's XML: `<Event xmlns=...>`, or that element copied
/// on its own), every `<Data>` or `<Data Name="...">` value has its character references decoded
/// (`{&quot;ID&quot;:...}` becomes `{"ID":...}`), so the readers find the document a value holds where
/// it stands; a line break or tab written as a reference becomes a blank, so the lines stay those of
/// the file. Tags and text outside the values stay as they are. One pass. nullopt when no value held a
/// reference.
std::optional<DecodedEventData> decodeEventData(std::string_view text);

} // namespace hcn::io
