#pragma once
// The error decoder: for an HRESULT, what it means in HCN terms, what causes it in the field and what to
// check. Names and Windows message texts come from hresult.h; this adds the explanations.

#include "hcn/hresult.h"
#include "hcn/status.h"

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace hcn {

/// The bit fields of an HRESULT.
struct HResultFields
{
    bool failure = false;       ///< severity bit 31 (SEVERITY_ERROR)
    bool customer = false;      ///< bit 29: a code defined outside Microsoft
    bool ntStatus = false;      ///< bit 28: an NTSTATUS mapped into an HRESULT
    std::uint16_t facility = 0; ///< bits 16-26
    std::uint16_t code = 0;     ///< bits 0-15 (for FACILITY_WIN32: the Win32 error number)
};

/// What `hcnctl explain` and the console show for one code.
struct ErrorExplanation
{
    HResult code = hr::Ok;
    bool known = false;              ///< the catalog explains this code
    std::string_view name;           ///< "HCN_E_PORT_ALREADY_EXISTS"; empty for an unknown code
    std::string_view constant;       ///< the hr:: constant, "PortAlreadyExists"; empty for an unknown code
    std::string message;             ///< the Windows message text, without the trailing space
    std::string meaning;             ///< what it means for HCN (for an unknown code: what its fields say)
    std::vector<std::string> causes; ///< common causes, as seen in the field
    std::vector<std::string> checks; ///< what to look at, with the commands to run
    HResultFields fields;
    std::string facilityName; ///< "FACILITY_WIN32", "HCN (0x3B)", or "facility 0x123"
};

/// {"HResult":"0x803B0013","Code":-2143617005,"Unsigned":2151350291,"Known","Name","Constant","Message",
/// "Meaning","Causes":[...],"Checks":[...],"Severity","Facility":{"Number","Name"},"FacilityCode"}: what
/// `hcnctl explain --json` prints.
void to_json(nlohmann::ordered_json& out, const ErrorExplanation& explanation);

/// "HCN_E_PORT_ALREADY_EXISTS (0x803B0013)", or only the hex spelling for a code without a name: how
/// hcnctl and the console name a code.
std::string hresultLabel(HResult code);

/// Splits an HRESULT into its bit fields.
HResultFields decodeHResult(HResult code);
/// A readable name for a facility number.
std::string facilityName(std::uint16_t facility);

/// Reads an error code as people write it: "0x803B0013", "803b0013", "-2143617005" (signed decimal),
/// "2151350291" (unsigned decimal), a small decimal Win32 error number ("1168": ERROR_NOT_FOUND),
/// the symbolic name ("HCN_E_PORT_ALREADY_EXISTS", also "HNS_PORT_ALREADY_EXISTS") or the hr::
/// constant ("PortAlreadyExists", "hr::PortAlreadyExists"); case-insensitive, surrounding whitespace
/// ignored. Text that is none of these fails with E_INVALIDARG.
Result<HResult> parseHResult(std::string_view text);

/// The explanation of `code`; for a code the catalog does not know, the decoded fields (known = false).
ErrorExplanation explainHResult(HResult code);
/// parseHResult, then explainHResult.
Result<ErrorExplanation> explainHResult(std::string_view text);

/// Every code the catalog explains, in the catalog's order (generic Win32/COM codes, then HCN codes).
std::vector<HResult> catalogedHResults();

} // namespace hcn
