#pragma once
// The message of an error a log line states (internal to core/io): where it starts (`failed in Win32:`,
// `HNS failed with error :`, `Error:`), where it ends (its code, a document, a closing quote, the next key
// of a PowerShell hashtable), and the code and message a line states together.

#include "hcn/dump_text.h"
#include "hcn/hresult.h"
#include "io/logged_error.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hcn::io::logged {

/// A logged message is cut to this many bytes.
inline constexpr std::size_t kMaxLoggedMessage = 200;

/// Where a logged message starts: after hcsshim's `failed in Win32:`, else after `HNS failed with error
/// :` (the text HNS gave; what a daemon, a CNI plugin or gRPC's `rpc error: code = Unknown desc = ...`
/// chained before it is theirs), else after the first `Error:`, `error :`, `err=` or an envelope's
/// `"Error":"` that is no gRPC wrapper's `rpc error:`; npos when there is none.
std::size_t messageStart(std::string_view lower);

/// The one code whose Windows message (in any of its wordings) goes on after `start`, the start of a
/// message the paste cut off at a word's end (`midWord`: also inside a word, `... already exi`); none when
/// no code's or more than one code's does.
std::optional<HResult> codeOfMessageStart(std::string_view start, bool midWord = false);

/// The message logged from `start` on: up to the code (`(0x`, `0x`), a document (`{`), a closing quote
/// or the line's end, at most kMaxLoggedMessage bytes; in a PowerShell hashtable (`@{Error=...;
/// ErrorCode=...}`) up to the next key or its `}`. A word after its last sentence (klog's next key,
/// `... was not found. spewConfig`) is not part of it, nor a markdown code span's backticks around it and
/// what follows the span, nor a markdown link (`[here](https://...)`), nor the sentences after the first
/// when the first is the Windows message of a known code (the writer's prose goes on after HNS's text).
/// After a code, only a text that reads as a Windows message (quoted, set off by `:` or `-`, a capitalized
/// sentence, another script's) is one: the writer's `0x803b0013 again` gives none.
std::string messageFrom(std::string_view text, std::size_t start);

/// The error a log states from `start` in `text`: its message, and its code (a hexadecimal code in it,
/// else the code of the Windows message it is); no code when neither gives one.
LoggedError errorStatedAt(std::string_view text, std::size_t start);

/// The code of the Windows message `error` gives when the log gives none (hresultOfMessage), marked as
/// such (LoggedError::codeFromMessage), or of the last link of a Go error chain (`...: The network was
/// not found.`); nothing when it has a code or neither is a known message.
void codeFromMessageText(LoggedError& error);

/// A message that is one of its code's wordings (hresultMessageTexts) but for a missing final period, the
/// case or blanks: that wording as Windows spells it, so the same error logged in both spellings is one.
/// The words stay the log's: an older Windows' wording is not replaced by today's.
void withWindowsWording(LoggedError& error);

/// The code and message in `text`; with `stated`, only those after a message's start (`failed in
/// Win32:`, `Error:`): the text logged before a document holds other numbers too.
LoggedError readError(std::string_view text, bool stated);

/// A whole Windows message of the error catalog after `error:`, `error :` or `error is` (`create
/// HNSEndpoint error:The provided policy configuration is invalid or missing parameters.`, ``error is
/// `The provided  policy ...` ``), blank runs, case and a final period aside, quoted or up to a log
/// message's closing quote: its code and the message. Only HCN's own messages (0x803B....), or another
/// code's on a line that names HNS, HCN or an HNS object (`HNSEndpoint`, `hcnCreateEndpoint`,
/// `HostComputeNetwork`): a generic text (`Element not found.`) is any program's. None otherwise, also
/// for a text that only holds a catalog message.
std::optional<LoggedError> catalogMessageAfterError(std::string_view text, std::string_view lower);

/// A step on an HNS object that failed with a known Windows message after it, and nothing else: Azure
/// CNI's `[net] Failed to attach endpoint: A Compute System with the specified identifier does not
/// exist.`: the step ("attach endpoint") and the message's code. Also win-bridge's `error while
/// ProvisionEndpoint(name,NETWORK-ID,container): <Windows message>`, its parts quoted by Go or not, and
/// with its code logged after the message: "create endpoint <name> on network <id>" (LoggedError::request)
/// and the code. None for any other line.
std::optional<LoggedError> stepFailedWithCatalogMessage(std::string_view text, std::string_view lower);

/// hcsshim's error of a compute-system call, `hcsshim::CreateComputeSystem windows-server-iis: The
/// requested operation for attach namespace failed.` (newer hcsshim: `hcs::CreateComputeSystem <id>:
/// ...`, an `(extra info: ...)` after the message): the call with its compute system as what failed, and
/// the error (errorStatedAt). None when the error gives no code, in hexadecimal or as a catalog message,
/// or the line holds no such error. Also hcsshim's error of an operation on a container it names
/// (`container <id> encountered an error during CreateContainer: failure in a Windows system call: ...
/// (0xc0370108)`): "CreateContainer of container <id>".
std::optional<LoggedError> hcsshimCallErrorIn(std::string_view text, std::string_view lower);

/// A message FormatMessage broke over lines is read from at most this many lines after its first.
inline constexpr std::size_t kMaxFormatMessageLines = 3;

/// A Windows message FormatMessage gives on more than one line (`The wrong diskette is in the drive.` /
/// `Insert %2 (Volume Serial Number: %3) into drive %1. (0x22)`, `{Application Error}` / `The exception
/// %s (0x%08lx) occurred ...`) and hcsshim logs with its code after the last: the end of the run
/// [first, end) when lines[first] states a message without a code that ends the line at a sentence's or
/// a title's end, and a line after it (at most kMaxFormatMessageLines on, none of them blank or opening
/// a log record, a prompt, a command, a fence, a PowerShell error record's line or another statement of
/// a program, opensStatement) ends in the code in parentheses (`(0x22)`, also before a log field's
/// closing quote). first + 1 otherwise.
std::size_t formatMessageEnd(const std::vector<CleanedLine>& lines, std::size_t first);

/// lines[first, end) (a run formatMessageEnd found) as one line, each line after a blank.
std::string joinFormatMessage(const std::vector<CleanedLine>& lines, std::size_t first, std::size_t end);

} // namespace hcn::io::logged
