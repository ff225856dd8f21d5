#pragma once
// A Go struct dump spread over several lines (internal to core/io): Go prints a dump on one line, but a
// console wraps it at its width, a ticket or an editor wraps it at a blank (which the copy loses), and
// pretty printers put one member per line. The lines after the one a dump was cut at are joined again,
// each join chosen by what the break looks like.

#include "hcn/dump_text.h"

#include <cstddef>
#include <string>
#include <vector>

namespace hcn::io {

/// lines[first] from column `start`, with the lines that may continue a dump cut at its end joined on.
struct GoDumpContinuation
{
    struct Piece
    {
        std::size_t offset = 0; ///< where this line's text begins in `text`
        std::size_t line = 0;   ///< its index in the lines
        std::size_t column = 0; ///< the column of that line `text` takes it from (the dump's start, then 0)
    };
    std::string text;
    std::vector<Piece> pieces; ///< the first line, then each line joined on

    /// The piece holding text[offset] (the last one for offsets past the end).
    const Piece& pieceAt(std::size_t offset) const;
};

/// The lines after lines[first] that may continue a dump cut at its end: up to a blank line, a line that
/// opens a new log record (klog, logrus, a timestamp), 512 lines, or `maxBytes` of joined text.
GoDumpContinuation continueGoDump(const std::vector<CleanedLine>& lines, std::size_t first, std::size_t start,
                                  std::size_t maxBytes);

} // namespace hcn::io
