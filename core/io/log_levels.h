#pragma once
// The level a log line states of itself (internal to core/io): klog's header letter, logrus' `level=` and
// its terminal form `ERRO[0002]`, a bracketed `[ERROR]` near the start, a JSON record's `"level"` or
// `"severity"`, a Go panic. The readers of fatal lines, of lines that open a statement and of the
// failures an error line tells all ask these two.

#include <string_view>

namespace hcn::io {

enum class LogLevel
{
    None, ///< the line states no level
    Debug,
    Info,
    Warning,
    Error,
    Fatal, ///< the program exited there: `fatal`, `panic`, a Go panic
};

/// The level `line` opens with (blanks before it aside): klog's header (`E0518 10:01:02.123500`: I, W,
/// E or F), logrus' terminal form (`ERRO[0002]`, `WARN[`, `INFO[`, `DEBU[`, `TRAC[`, `FATA[`, `PANI[`,
/// a digit after the bracket), a bracketed level (`[ERROR] `, felix's `[WARNING][4410]`, any case) or a
/// Go panic (`panic: `, `fatal error: `). None when it opens with none; most lines are told so by their
/// first byte.
LogLevel levelOpeningLine(std::string_view line);

/// The level `line` states of itself: the one it opens with (levelOpeningLine), else the first in the
/// line of logrus' `level=error` or `level="error"` (its first `level=` that is no part of a longer key
/// such as `loglevel=` or a command's `--log-level=`), a JSON record's `"level":"error"` or
/// `"severity": "ERROR"` (its first of each key), within its first 400 bytes, and a bracketed level
/// within its first 64 (`2026-12-01T10:20:11Z [ERROR] ...`). A line that is a JSON record (`{...`)
/// states its level by those keys alone, wherever they stand. A level its message quotes after the line's own
/// (`level=info msg="... level=error"`, `E0518 ... [FATAL]`) is not the line's. The words, in any case: trace
/// and debug (Debug), info, warn and warning, error, fatal and panic (Fatal). None for a line of no level.
LogLevel levelOfLine(std::string_view line);

} // namespace hcn::io
