#pragma once
// The error a log line states about a request HNS refused: the HRESULT and the message logged before or
// after the request's document (core/io/logged_error.cpp).

#include "hcn/dump_text.h"
#include "hcn/hresult.h"
#include "hcn/resource_kind.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hcn::io {

/// FoundValue::after keeps at most this many bytes of each line.
inline constexpr std::size_t kMaxAfterValue = 240;

/// FoundValue::after from the text after a value on its last line (`rest`) and the line after it
/// (`next`, when there is one): `rest` with blanks trimmed; when it holds nothing but punctuation (`.`,
/// `,`, `;`, `)`, `]`), a line break and `next` follow, trimmed. Each part at most kMaxAfterValue bytes,
/// valid UTF-8.
std::string textAfterValue(std::string_view rest, std::optional<std::string_view> next);

struct LoggedError
{
    /// What failed as the log names it: `hcnCreateLoadBalancer` (hcsshim's `... failed in Win32:`), an
    /// HNS call (`HNS call POST /endpoints`); empty when the log names none.
    std::string operation;
    std::optional<HResult> code; ///< a failure code; Win32 error numbers as HRESULT_FROM_WIN32
    std::string message;         ///< "The object already exists."; empty when none is logged
    bool messageCut = false;     ///< the paste cut the message off: only its start is known
    /// A cut message without a code: the one code whose Windows message starts with the text kept.
    std::optional<HResult> codeOfCutMessage;
    std::string codeName;        ///< a code logged by a name the error catalog does not know
    /// The log gives no code: `code` is the one whose Windows message the logged message is.
    bool codeFromMessage = false;
    /// HNS's answer itself, as PowerShell prints it (`@{Error=...; Success=False}`, a list): HNS reported
    /// the failure, where a log line says a request failed.
    bool answer = false;
    /// What was asked, as the line names it in words (`failed to create HNSNetwork cbr0`, `Failed to
    /// remove HostComputeEndpoint web from HostComputeNameSpace <id>`): "create network cbr0", "remove
    /// endpoint web from namespace <id>"; empty when the line names no object. Said instead of the
    /// operation when there is one.
    std::string request;
    /// Docker's remote network driver (a plugin) passed the error on (`failed to create endpoint web on
    /// network azure: remote: ...`): the driver answered docker, not HNS or HCS.
    bool remoteDriver = false;
    /// A hot attach of an endpoint to a running container (`Failed to hot attach HNS Endpoint ...`),
    /// which HCS does with HNS's endpoint: no request to HNS alone.
    bool hotAttach = false;
    /// The container runtime could not set up or tear down a pod's network (pod_network_failures.h): the
    /// reason is its words or its CNI plugin's, no refusal HNS is known to have made.
    bool podNetwork = false;
    /// hcsshim's call to HCS failed (`hcsshim::CreateComputeSystem <id>: ...`): HCS answered, with HNS's
    /// error when the code is HCN's.
    bool hcsCall = false;
    /// What failed as a verb and a kind of object, where the log says so (`Error creating default
    /// network` and `HNS-Network-Create` both give "create", network): tells one failure logged in two
    /// forms, a daemon's line and HNS's event-log record. Empty and Invalid when the log does not.
    std::string verb;
    ResourceKind kind = ResourceKind::Invalid;
    /// HNS's own event-log record of the failure (hns_event_records.h).
    bool eventLog = false;
    /// Why PowerShell did not run the cmdlet, so that HNS was asked nothing: it could not bind its
    /// parameters (`ParameterBindingException`, a parameter the module in use does not have) or find it
    /// (`CommandNotFoundException`); empty when it ran.
    std::string notRunBecause;
    /// The line names its object by a placeholder (`Failed to create endpoint <name> on network nat`): an
    /// issue template's text, no failure of its own.
    bool placeholder = false;
    bool found() const { return code.has_value() || !message.empty() || !codeName.empty(); }
};

/// How describeLoggedError says that a code is the one whose Windows message the logged message is.
inline constexpr std::string_view kCodeFromMessageText = " (code from the message text)";

/// How the import report says which error was logged with a request HNS refused.
inline constexpr std::string_view kErrorLoggedWith = "; the error logged with it: ";

/// An HNS answer that says it failed (`{"Success":false,"Error":"...","ErrorCode":...}`), as the JSON
/// reader finds it: where, and its error as describeLoggedError describes it (empty when it gives none).
struct FailedAnswer
{
    int firstLine = 0; ///< 1-based source lines
    int lastLine = 0;
    std::string error;
    std::optional<HResult> code; ///< the code `error` names first (codeDescribed)
    /// What `error` says failed (LoggedError::request, else its operation); empty when it names nothing.
    std::string operation = {};
    /// `error` without `<operation> failed: ` (describeLoggedError of the error alone); empty when the
    /// answer gives no error.
    std::string errorWithoutOperation = {};
};

/// The failed HNS answer on source lines [firstLine, lastLine] whose error is `error` (answerError's).
FailedAnswer failedAnswerOf(int firstLine, int lastLine, const LoggedError& error);

/// How the report begins the warning about HNS's answer that says it failed (the answer as HNS wrote it or
/// PowerShell printed it); a log line that says a request failed begins "HNS refused a request: ".
inline constexpr std::string_view kHnsReportedAFailure = "HNS reported a failure: ";

/// The warning about a failed HNS answer: "HNS reported a failure: <error>" ("no error text" when the
/// answer gives none).
std::string failedAnswerMessage(const FailedAnswer& answer);

/// extractJsonValues (hcn/dump_text.h) for the import: each failed HNS answer goes to `failedAnswers`
/// instead of the warnings, so the import knows the failures it reports without reading its own text.
ExtractResult extractJsonValues(const std::vector<CleanedLine>& lines,
                                std::vector<FailedAnswer>& failedAnswers);

/// The error an HNS answer that says it failed gives (`{"Success":false,"Error":"...","ErrorCode":...}`):
/// its `Error` and `ErrorCode` (`errorCode`, when it has one), with the operation and, where the answer
/// lacks them, the code and message logged before it on its line (`before`: `HRESULT: 2147942452.
/// Result:`). `cut`: the paste cut the answer off inside its `Error` or before its `ErrorCode`.
LoggedError answerError(std::string_view error, std::optional<std::int64_t> errorCode,
                        std::string_view before, bool cut = false);

/// A log line that states an error of a request HNS refused.
struct LoggedRefusal
{
    std::size_t firstLine = 0; ///< index into the lines
    std::size_t lastLine = 0;  ///< the last line a console wrapped it into
    LoggedError error;
    /// The command typed right before the failure that made the request, when the error names another
    /// operation (`docker network create -d transparent ... prod3` before hcsshim's `hnsCall failed`),
    /// shortened for the report; empty when there is none. A failure that names no operation is the
    /// command's own: the command is LoggedError::operation.
    std::string command = {};
    int commandLine = 0; ///< the command's source line
};

/// The lines that state an error of a request HNS refused (HNS's answer as PowerShell prints it, a
/// hashtable `@{Error=...; Success=False}` or a list of `Error : ...` and `Success : False`, its code
/// from its `ErrorCode` or else its text; hcsshim's `hcnCreateEndpoint failed in
/// Win32: ... (0x803b0013)`, `HNS failed with error : ...`, an HNS call such as `HNSCall Method POST Path
/// /endpoints` or an HCN failure code (`0x803B....`, `HCN_E_...`) with words of failure; HNS's own error
/// record `{2151350295; ...\hns\...; 327; hostnetsvc.dll; 0; Endpoint is in invalid state; 860;
/// \RequestHandler\EndpointActivity\EndpointAttachShared; ...}`; WSL's `Detected user visible error:
/// Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/HNS/0x800706d9`, also with the code's name,
/// `.../HNS/ERROR_SERVICE_NOT_ACTIVE`, and WSL 2.x's path without `Wsl/Service/` after its `Error code:`
/// label in any language, `错误代码: CreateInstance/CreateVm/ConfigureNetworking/0x803b0015`), each read
/// whole where a console wrapped it (wrapped_lines.h) up to a line that starts a statement of its own
/// (statement_lines.h: docker's `Error: failed to start containers: web` after its error). A line that only
/// says an HCN or HNS function failed (`HcnCreateNetwork failed`) gives an error with the operation alone
/// (LoggedError::found() is false). The command typed right before a failure (`docker network create ...`,
/// `New-HnsNetwork ...`; not one that prints a log or a state, such as `docker logs`) is what failed when the
/// error names no operation, else LoggedRefusal::command. A sentence someone wrote about a failure (no log
/// record's shape; the first person or a guess outside what it quotes: `we get HCN_E_...`, `I think the error
/// is ...`) states none: its code is named as prose (prose_codes.h). WSL's launcher's
/// `WslRegisterDistribution failed with error: 0x803b0017` names that function as what failed; a failure that
/// gives only its code and, on the next line, `Error: <the same code> <message>` is one failure at both
/// lines. docker-compose's `Creating network "x" with the default driver` on the line right above a failure
/// that names no request of its own is its request ("create network x"), at both lines.
std::vector<LoggedRefusal> refusalsLoggedIn(const std::vector<CleanedLine>& lines);

/// The error logged with a request: from `after` (FoundValue::after: its own line anywhere, the next
/// line only when it starts with the error, `Error: 0x803b0013`, `HRESULT 0x803b0013`), else from
/// `before` (FoundValue::context). Codes as hcsshim and HNS write them: `(0x803b0013)`, `(0x1392)` (a
/// Win32 error number), `"ErrorCode":2151350291`, a name (`HCN_E_PORT_ALREADY_EXISTS`); the message
/// after `failed in Win32:`, `Error:`, `err=` or an envelope's `"Error":"`, up to the code. A message
/// without a code whose text is the Windows message of a code the project names gives that code.
LoggedError loggedError(std::string_view after, std::string_view before);

/// How the import report names a logged error: `hcnCreateEndpoint failed: HCN_E_PORT_ALREADY_EXISTS
/// (0x803B0013), "The specified port already exists."` (the operation when the log names one); a code
/// without a name as `0x80071392 (Win32 error 5010)`; a named code
/// without a logged message with the code's Windows message; a message the paste cut as `"..." (cut)`,
/// with the code whose message starts so when there is one: `"The specified request is" (cut;
/// HCN_E_REQUEST_UNSUPPORTED (0x803B0015)? the text matches the start of its message)`; a whole message
/// without a code, in any language, as logged, `"Отказано в доступе." (no error code in the log)` (but a
/// runtime's words, LoggedError::podNetwork, and PowerShell's for a cmdlet it did not run): no code is
/// guessed for a text the catalog does not hold; a code known
/// only from the message (LoggedError::codeFromMessage) is said to be, `"Element not found." (code from
/// the message text)`. The request
/// the line names (LoggedError::request) stands for the operation when there is one.
std::string describeLoggedError(const LoggedError& error);

/// The code describeLoggedError names first: the logged one, else the one whose message a cut message
/// starts; none when it names none.
std::optional<HResult> codeDescribed(const LoggedError& error);

} // namespace hcn::io
