#pragma once
// Lines a console or an editor wrapped (internal to core/io): a program printed one long line, the
// console broke it at its width, and the copy keeps each piece as a line of its own at column 0. The
// readers that join such pieces again share these tests.

#include "hcn/dump_text.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hcn::io {

/// Lines at least this wide were broken by a console at its width (no editor wraps as wide).
inline constexpr std::size_t kMinConsoleLineWidth = 60;

/// The level letter of a klog header the line starts with (`F0518 10:01:02.123500`: 'F'; I, W, E or
/// F), or 0 when it starts with none.
char klogLevel(std::string_view line);

/// A line that starts a log record of its own (klog `I1203 09:41:07`, logrus `time="..."` or `level=`,
/// a date `2026-12-03` / `2026/12/03`) continues no value a line before it was cut in.
bool opensLogRecord(std::string_view line);

/// A line that starts with the Go source position that ends a klog header (`cni_windows.go:50] ...`,
/// the header's time and process cut away): a log record of its own too, where a failure it states is
/// told apart from prose quoting it. A Markdown heading (`# cni_windows.go:50] ...`, an issue's title)
/// quotes it.
bool opensHeaderlessKlogRecord(std::string_view line);

/// lines[first] with the lines a console wrapped it into: the end of the run [first, end). The run
/// goes on while the line before is as wide as lines[first] (at least kMinConsoleLineWidth columns, one
/// less where the blank the console broke at was trimmed) and the next line is not blank and opens no
/// statement of its own (opensStatement: a log record, docker's `Error: ...` after its error), prompt,
/// command, fence or line of a PowerShell error record (`At C:\x.ps1:3 char:5`), or is the next row of a
/// table (two cells or more start at the same columns as the line before's); a line ending a sentence
/// (before the marks that close markdown emphasis, `._`) goes on only where it is not the first (two
/// lines as wide show the console's width).
/// first + 1 when lines[first] is no console-wide line. At most `maxLines` lines.
std::size_t consoleWrapEnd(const std::vector<CleanedLine>& lines, std::size_t first, std::size_t maxLines);

/// lines[first, end) (a run consoleWrapEnd found) as the one line the program printed: each line goes on
/// where the console broke the one before, after the blank it broke at where that line is narrower than
/// lines[first] (the copy trimmed the blank). `joinedAt`, when given, gets where each line starts in the
/// text returned, with its line number (CleanedLine::joinedAt, those of lines joined before included).
std::string joinConsoleWrap(const std::vector<CleanedLine>& lines, std::size_t first, std::size_t end,
                            std::vector<std::pair<std::size_t, int>>* joinedAt = nullptr);

/// The line number of the text at `column` of `line`: its own, or for a line joined from several, that
/// of the line the column came from.
int sourceLineAt(const CleanedLine& line, std::size_t column);

/// The joinedAt of a text taken from `line`'s (unquoted, so its bytes stand elsewhere), for its bytes
/// [begin, end): byte k came from column columnOf[k] of `line`. Each joined line's start that falls in
/// them, relative to `begin`, and the line the byte at `begin` came from at 0 when that is not `line`'s
/// own. Empty when `line` was joined from no lines.
std::vector<std::pair<std::size_t, int>> joinedWithin(const CleanedLine& line,
                                                      const std::vector<std::size_t>& columnOf,
                                                      std::size_t begin, std::size_t end);

/// Where the lines of a JSON value that opens at lines[line][column] and never closes end (one past the
/// last): the indented and blank lines after it, as pretty-printed members are, and also a line at
/// column 0 that a wrap broke off, which is the case when the line before it is at least
/// kMinConsoleLineWidth wide and ends inside a string (a line end cannot be part of one) or is as wide
/// as the console line the value started on. Stops at a line that opens a log record, a prompt, a
/// command or a fence, and never goes past `stopLine`.
std::size_t wrappedJsonValueEnd(const std::vector<CleanedLine>& lines, std::size_t line, std::size_t column,
                                std::size_t stopLine);

/// Whether the string a wrap broke holds a blank (prose such as "Virtual Switch", no token): from the
/// last quote of `before` (the line the wrap ended) to the first quote of `after` (the line after it).
bool wrappedStringHasBlank(std::string_view before, std::string_view after);

/// Whether the line end before lines[next], inside a JSON string, was a wrap at a blank that the copy
/// lost: the one place that decides how wrapped lines join. lines[next - 1] ended in a blank that cleaning
/// stripped (a console keeps the blank it broke at); or the string holds blanks (`stringHasBlank`: prose
/// such as "Virtual Switch", no token) and the line is shorter than the width the run from
/// lines[runFirst] shows (its widest line, up to a blank line, when that is console-wide or two lines
/// reach it; a hard wrap fills it), or no width is shown, and either the first word of lines[next] would
/// not have fit after it or the break falls between two words of letters (`"The` / `provided network`).
/// The blank is put back when the lines are joined; a hard wrap at the width (`"L` / `2Bridge"`, a GUID,
/// `Filt` / `ering` in a line as wide as the console's) is joined without.
bool wrapAteBlank(const std::vector<CleanedLine>& lines, std::size_t runFirst, std::size_t next,
                  bool stringHasBlank);

} // namespace hcn::io
