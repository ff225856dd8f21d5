#pragma once
// Logs written as one JSON object per line (containerd's, logrus' and zap's JSON formatters, Docker's
// json-file driver) carry HNS documents as escaped text inside string fields, or (zap, logr) as a nested
// object or list. Such a line is read by its fields' text instead, so the readers find the documents as
// in any other log line.

#include "hcn/dump_text.h"

#include <cstddef>
#include <vector>

namespace hcn::io {

/// Rewrites each line that is a whole JSON log record (an object with a member structured loggers write,
/// `msg`, `message`, `level`, `ts`, `time`, `caller`, ..., or Docker's `log` and `stream`; no HNS object
/// itself; with escaped quotes or a nested object or list in it) as its fields' text: Docker's
/// json-file record as its `log` text alone (so a document its lines spread over joins up again), any
/// other record as `key=value` pairs, string values unescaped, objects and lists as compact JSON,
/// newlines inside them as blanks. Line numbers are kept. First, a log line a console wrapped at its
/// width inside a field with escaped quotes (`msg="Response: {\"ID\":\"7C9A` and the lines after it at
/// column 0, each as wide) is joined again from its lines, which are left out. Returns the strings of
/// JSON that carry the lines of a command's output (a list view or a table in `"message": "...\n..."`,
/// an Ansible `stdout_lines` list) and no document: each a text of its own, its lines at the line of its
/// string (see the .cpp), read apart from `lines` and from each other (nothing a reader finds spans two).
std::vector<std::vector<CleanedLine>> unwrapJsonLogRecords(std::vector<CleanedLine>& lines);

} // namespace hcn::io
