#pragma once
// What a tool put in front of every line of the output it shows, undone by evidence over the whole text:
// line numbers (Select-String's `file:line:`, `cat -n`, an editor's or a gist's), a log tool's source
// tag and time (`kubectl logs --prefix --timestamps`, stern), a unified diff's markers, and Fluent Bit's
// stdout record around a container's log line.

#include "hcn/dump_text.h"

#include <string>
#include <string_view>
#include <vector>

namespace hcn::io {

/// Removes the line numbers in front of the lines when at least 3 lines (5 for bare numbers) and most
/// non-blank lines have one and their numbers run on: Select-String's `endpoint.txt:41:` (60 % of
/// the lines), or a bare number followed by a tab, ` | `, `: ` or a blank, as `cat -n`, an editor's
/// copy or a gist give them (80 %). Adds a note for the report when it did.
void stripLineNumbers(std::vector<CleanedLine>& lines, std::vector<std::string>& notes);

/// The source a log tool tags each line with, removed when most lines have it: `kubectl logs --prefix`'s
/// `[pod/NAME/CONTAINER] ` (60 % of the non-blank lines, at least 3), stern's `POD CONTAINER ` (80 %,
/// few distinct tags, each on several lines; its `+ POD › CONTAINER` lines are emptied), and after the
/// tag, or alone on 80 % of the lines, the RFC 3339 time `--timestamps` adds. Adds a note when it did.
void stripLogSourcePrefixes(std::vector<CleanedLine>& lines, std::vector<std::string>& notes);

/// A unified diff (`--- a`, `+++ b`, `@@ -1,30 +1,29 @@`) is read on its new side: its added and
/// context lines without their marker; removed lines, file headers and hunk headers are dropped. Text
/// around the diff stays. Adds a note naming the files when it did.
void readNewSideOfDiffs(std::vector<CleanedLine>& lines, std::vector<std::string>& notes);

/// A record Fluent Bit's stdout output prints (`[0] kube.var.log...: [1733307611.0, {"log"=>"..."}]`,
/// Ruby's `=>` between key and value) becomes its record as a JSON object, which the JSON log record
/// reader (json_log_records.h) then reads as any container log record. Adds a note when it did.
void rewriteFluentBitRecords(std::vector<CleanedLine>& lines, std::vector<std::string>& notes);

/// Removes PowerShell's stream prefix from the start of `line` (`VERBOSE: `, `WARNUNG: `, `COMMENTAIRES : `,
/// `警告：`, in the languages Windows ships most); whether it had one (paste_cleaning.cpp).
bool stripStreamPrefix(std::string_view& line);

} // namespace hcn::io
