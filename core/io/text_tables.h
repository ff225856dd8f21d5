#pragma once
// Shared pieces of the table readers (hcn/dump_formats.h extractTables): lines split into tokens with
// their display columns, GUID and address recognition, and the two readers the scan tries at each line.

#include "hcn/dump_text.h"
#include "io/text_scan.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hcn::io::tables {

/// A run of non-blank characters in a line: byte offsets into the line and display columns (code
/// points, so `…` is one column as a console shows it).
struct Token
{
    std::size_t begin = 0; ///< bytes
    std::size_t end = 0;
    std::size_t column = 0; ///< display columns
    std::size_t columnEnd = 0;
    std::string_view text;
};

std::vector<Token> splitTokens(std::string_view line);
/// Display columns of `text` (UTF-8 code points).
std::size_t displayWidth(std::string_view text);
bool isBlankLine(std::string_view s);
/// 8-4-4-4-12 hex digits, optionally in braces.
bool isGuid(std::string_view s);
/// An IPv4 or IPv6 address, optionally with a prefix length.
bool isAddress(std::string_view s);
/// A line of `-` groups separated by blanks (`----  ----`).
bool isDashLine(std::string_view s);
std::string lineRange(int first, int last);
/// Line ranges [first, last] sorted, with ranges that overlap or touch joined into one.
std::vector<std::pair<int, int>> joinedRuns(std::vector<std::pair<int, int>> ranges);
/// Whether `line` is in one of `runs` (joinedRuns' result).
bool inRuns(const std::vector<std::pair<int, int>>& runs, int line);
/// Where things are, runs of lines joined: "line 4", "lines 4-5, 9" (8 runs at most, then ", ...").
std::string atLines(std::vector<std::pair<int, int>> at);
/// How often and where one thing is logged, runs of lines joined: "(3 times, lines 4-5, 9)".
std::string timesAtLines(std::vector<std::pair<int, int>> at);
/// A wrapped cell or value joined again: with a blank where the wrap took one, without one inside a GUID
/// or a MAC address.
std::string joinWrapped(const std::string& first, std::string_view rest);

/// When an hnsdiag table (a section heading such as `Networks:`, or a bare hnsdiag header line) starts
/// at `at`, reads it into `result` and returns the index of the first line after it; else returns `at`.
std::size_t readHnsdiagTable(const std::vector<CleanedLine>& lines, std::size_t at, ExtractResult& result);
/// What `hnsdiag list` shows of an object (both layouts: tables and the older per-object blocks) in the
/// v1 shape of its kind: a load balancer's `VirtualIPs` and `DirectIPIDs` become its ELB policy and
/// References, a namespace's `EndpointIDs` its ResourceList. What the listing leaves out is appended
/// to `losses`, worded after `shownBy`, the listing read ("hnsdiag list", "the table").
void shapeHnsdiagListObject(ResourceKind kind, nlohmann::json& object, std::vector<std::string>& losses,
                            std::string_view shownBy = "hnsdiag list");
/// A Format-Table whose line breaks a paste lost (header, `----` rule and rows on `line`), split into its
/// lines again: the text before it, the header, the rule, each row, a blank line, the rest. A console
/// pads each line to its width, so the header, the rule and the rows start one width apart; rows are
/// taken while a GUID stands in their Id column and no cell crosses a column's start. Empty when `line`
/// holds no such table; when it holds one whose rows cannot be told apart so (the padding was lost, no
/// Id column), empty with `unreadHeader` set to the header's labels.
std::vector<std::string> splitFlattenedTable(std::string_view line, std::string& unreadHeader);
/// The index of the last line holding text other than a code fence, or lines.size() when none does.
std::size_t lastTextLine(const std::vector<CleanedLine>& lines);
/// The same for a Format-Table / Select-Object table (a header line, a `----` line, rows). `lastText`
/// (lastTextLine, found once for all the lines) tells whether the paste ends right after a header.
std::size_t readFormatTable(const std::vector<CleanedLine>& lines, std::size_t at, std::size_t lastText,
                            ExtractResult& result);

} // namespace hcn::io::tables
