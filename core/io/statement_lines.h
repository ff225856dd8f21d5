#pragma once
// Lines a program starts a statement of its own with (internal to core/io): a command-line tool's
// summary after the error it printed (docker's `Error: failed to start containers: web`), a log record in
// a form beyond those opensLogRecord knows (logrus' `ERRO[0000]`, a bracketed time), a Go panic. Such a
// line never goes on with the one before it, however wide that one is.

#include <string_view>

namespace hcn::io {

/// Whether `line` starts a statement of its own (also after the backticks of inline code: `` `I0402 ...`
/// ``): a log record (opensLogRecord, a level it opens with as levelOpeningLine reads it: logrus'
/// terminal form `ERRO[0000] `, a bracketed `[ERROR] `; a bracketed time `[16:21:13.746]`), an error or
/// warning a tool prints at the start of a line (`Error: `, `error: `, `Error response from daemon: `,
/// `Error creating default network: `, after the tool's name: `docker: Error response from daemon: `), a
/// Go panic (`panic: `, `fatal error: `, `goroutine 1 [running]:`) or docker's hint after an error (`See
/// 'docker run --help'.`).
bool opensStatement(std::string_view line);

} // namespace hcn::io
