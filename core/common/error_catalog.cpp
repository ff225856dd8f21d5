// The error decoder: lookup by any spelling of a code, the catalog's explanation, and a decoded
// fallback for codes it does not know.

#include "hcn/error_catalog.h"

#include "common/error_catalog_entry.h"
#include "common/text.h"

#include <charconv>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>

namespace hcn {
namespace {

using detail::ErrorCatalogEntry;

constexpr std::uint32_t kWin32Facility = 7;
constexpr std::uint32_t kHcnFacility = 0x3B;
/// HCS, the compute system service (FACILITY_VIRTUALIZATION): its codes read 0xC037.... in logs.
constexpr std::uint32_t kHcsFacility = 0x37;

const ErrorCatalogEntry* findEntry(HResult code)
{
    for (auto entries : {detail::win32ErrorEntries(), detail::hcnErrorEntries()})
        for (const ErrorCatalogEntry& entry : entries)
            if (entry.code == code)
                return &entry;
    return nullptr;
}

const ErrorCatalogEntry* findConstant(std::string_view constant)
{
    for (auto entries : {detail::win32ErrorEntries(), detail::hcnErrorEntries()})
        for (const ErrorCatalogEntry& entry : entries)
            if (equalsIgnoreCase(entry.constant, constant))
                return &entry;
    return nullptr;
}

bool startsWithIgnoreCase(std::string_view text, std::string_view prefix)
{
    return text.size() >= prefix.size() && equalsIgnoreCase(text.substr(0, prefix.size()), prefix);
}

std::optional<std::uint32_t> parseHex(std::string_view digits)
{
    if (digits.empty() || digits.size() > 8)
        return std::nullopt;
    std::uint32_t value = 0;
    for (char c : digits) {
        const int digit = hexDigit(c);
        if (digit < 0)
            return std::nullopt;
        value = value << 4 | std::uint32_t(digit);
    }
    return value;
}

std::optional<std::uint64_t> parseDecimal(std::string_view digits)
{
    std::uint64_t value = 0;
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (digits.empty() || error != std::errc() || end != digits.data() + digits.size())
        return std::nullopt;
    return value;
}

bool allDigits(std::string_view text)
{
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// A symbolic name: the Windows name, the hr:: constant, or the HNS_ spellings support notes use.
std::optional<HResult> parseName(std::string_view text)
{
    HResult code = 0;
    std::string_view constant = text;
    if (startsWithIgnoreCase(constant, "hr::"))
        constant.remove_prefix(4);
    if (const ErrorCatalogEntry* entry = findConstant(constant))
        return entry->code;
    if (hresultFromName(text, code))
        return code;
    // HNS_E_X, HNS_X and HCN_X stand for HCN_E_X (or HCN_X, the one name without _E_).
    for (std::string_view prefix : {"HNS_E_", "HNS_", "HCN_"}) {
        if (!startsWithIgnoreCase(text, prefix))
            continue;
        const std::string rest(text.substr(prefix.size()));
        if (hresultFromName("HCN_E_" + rest, code) || hresultFromName("HCN_" + rest, code))
            return code;
    }
    return std::nullopt;
}

std::optional<HResult> parseCodeNumber(std::string_view text)
{
    if (startsWithIgnoreCase(text, "0x")) {
        auto value = parseHex(text.substr(2));
        return value ? std::optional(makeHResult(*value)) : std::nullopt;
    }
    if (text.front() == '-') {
        auto value = parseDecimal(text.substr(1));
        if (!value || *value > 0x80000000ull)
            return std::nullopt;
        return static_cast<HResult>(-static_cast<std::int64_t>(*value));
    }
    // Eight digits starting with 8 are an HRESULT written in hex without 0x ("80070490"): as a decimal
    // number it would be a success code nobody reports.
    if (allDigits(text) && !(text.size() == 8 && text.front() == '8')) {
        auto value = parseDecimal(text);
        if (!value || *value > 0xFFFFFFFFull)
            return std::nullopt;
        // A small number is a Win32 error ("1168"), reported as HRESULT_FROM_WIN32.
        if (*value > 0 && *value <= 0xFFFF)
            return makeHResult(0x80000000u | kWin32Facility << 16 | std::uint32_t(*value));
        return makeHResult(std::uint32_t(*value));
    }
    auto value = parseHex(text);
    return value ? std::optional(makeHResult(*value)) : std::nullopt;
}

std::string hex4(std::uint32_t value)
{
    char text[7];
    std::snprintf(text, sizeof text, "0x%04X", value & 0xFFFFu);
    return text;
}

/// What an uncatalogued code's fields say, and where to look it up.
void describeUnknown(ErrorExplanation& out)
{
    const HResultFields& f = out.fields;
    const std::string hex = hresultHex(out.code);
    const std::string codeText = std::to_string(f.code) + " (" + hex4(f.code) + ")";
    if (!f.failure) {
        out.meaning =
            "Not in the catalog. A success code (severity bit clear), not an error: " + out.facilityName +
            ", code " + codeText + ".";
    } else if (f.ntStatus) {
        out.meaning = "Not in the catalog. An NTSTATUS mapped into an HRESULT (the N bit is set): NTSTATUS " +
                      hresultHex(makeHResult(std::uint32_t(out.code) & ~0x10000000u)) + ".";
    } else if (f.facility == kWin32Facility) {
        out.meaning = "Not in the catalog. A failure from FACILITY_WIN32: the HRESULT form of Win32 error " +
                      codeText + ".";
        out.checks.push_back("The Win32 message on Windows: `net helpmsg " + std::to_string(f.code) + "`.");
    } else if (f.facility == kHcnFacility) {
        out.meaning =
            "Not in the catalog. An HCN code (facility 0x3B) newer than this catalog: code " + codeText + ".";
        out.checks.push_back("The host's HNS version: `hcnctl version`; the HCN error table in winerror.h of "
                             "a newer Windows SDK.");
    } else if (f.facility == kHcsFacility) {
        out.meaning = "Not in the catalog. An HCS (compute system) error, not one of HNS: code " + codeText +
                      " of the service that runs containers and VMs.";
        out.checks.push_back("The container's state (`docker ps -a`, `crictl ps -a`, `hcsdiag list`) and "
                             "the runtime's log at the same time.");
    } else {
        out.meaning = "Not in the catalog. A failure from " + out.facilityName + ", code " + codeText + ".";
    }
    if (f.customer)
        out.meaning += " The customer bit is set: a code defined by a vendor, not by Windows.";
    out.causes.push_back("A code this catalog does not explain; the message next to it in the log or the "
                         "ErrorRecord says more.");
    out.checks.push_back("Decode it on Windows: `certutil -error " + hex + "`.");
}

} // namespace

void to_json(nlohmann::ordered_json& out, const ErrorExplanation& e)
{
    out = nlohmann::ordered_json{
        {"HResult", hresultHex(e.code)},
        {"Code", e.code},
        {"Unsigned", static_cast<std::uint32_t>(e.code)},
        {"Known", e.known},
        {"Name", std::string(e.name)},
        {"Constant", e.constant.empty() ? std::string() : "hr::" + std::string(e.constant)},
        {"Message", e.message},
        {"Meaning", e.meaning},
        {"Causes", e.causes},
        {"Checks", e.checks},
        {"Severity", e.fields.failure ? "Error" : "Success"},
        {"Facility", {{"Number", e.fields.facility}, {"Name", e.facilityName}}},
        {"FacilityCode", e.fields.code}};
}

std::string hresultLabel(HResult code)
{
    const std::string_view name = hresultName(code);
    return name.empty() ? hresultHex(code) : std::string(name) + " (" + hresultHex(code) + ")";
}

HResultFields decodeHResult(HResult code)
{
    const auto bits = static_cast<std::uint32_t>(code);
    HResultFields fields;
    fields.failure = (bits & 0x80000000u) != 0;
    fields.customer = (bits & 0x20000000u) != 0;
    fields.ntStatus = (bits & 0x10000000u) != 0;
    fields.facility = static_cast<std::uint16_t>((bits >> 16) & 0x7FFu);
    fields.code = static_cast<std::uint16_t>(bits & 0xFFFFu);
    return fields;
}

std::string facilityName(std::uint16_t facility)
{
    switch (facility) {
    case 0:
        return "FACILITY_NULL";
    case 1:
        return "FACILITY_RPC";
    case 2:
        return "FACILITY_DISPATCH";
    case 3:
        return "FACILITY_STORAGE";
    case 4:
        return "FACILITY_ITF";
    case 7:
        return "FACILITY_WIN32";
    case 8:
        return "FACILITY_WINDOWS";
    case 9:
        return "FACILITY_SECURITY";
    case 10:
        return "FACILITY_CONTROL";
    case 11:
        return "FACILITY_CERT";
    case 12:
        return "FACILITY_INTERNET";
    case kHcnFacility:
        return "HCN (0x3B)";
    case kHcsFacility:
        return "HCS (compute system, 0x37)";
    default:
        break;
    }
    char text[32];
    std::snprintf(text, sizeof text, "facility 0x%X (%u)", unsigned(facility), unsigned(facility));
    return text;
}

Result<HResult> parseHResult(std::string_view text)
{
    const std::string_view word = trimSpace(text);
    if (word.empty())
        return Status(hr::InvalidArg, "no error code given.");
    if (auto named = parseName(word))
        return *named;
    if (auto number = parseCodeNumber(word))
        return *number;
    constexpr std::size_t kShown = 60;
    const std::string shown =
        word.size() > kShown ? std::string(word.substr(0, kShown)) + "..." : std::string(word);
    return Status(hr::InvalidArg,
                  "\"" + shown +
                      "\" is not an error code: give an HRESULT in hex (0x803B0013), in "
                      "decimal (-2143617005, 2151350291) or by name (HCN_E_PORT_ALREADY_EXISTS).");
}

ErrorExplanation explainHResult(HResult code)
{
    ErrorExplanation out;
    out.code = code;
    out.fields = decodeHResult(code);
    out.facilityName = facilityName(out.fields.facility);
    const ErrorCatalogEntry* entry = findEntry(code);
    if (!entry) {
        describeUnknown(out);
        return out;
    }
    out.known = true;
    out.name = hresultName(code);
    out.constant = entry->constant;
    out.message = std::string(trimSpace(hresultMessage(code)));
    out.meaning = entry->meaning;
    for (std::string_view cause : entry->causes)
        if (!cause.empty())
            out.causes.emplace_back(cause);
    for (std::string_view check : entry->checks)
        if (!check.empty())
            out.checks.emplace_back(check);
    return out;
}

Result<ErrorExplanation> explainHResult(std::string_view text)
{
    Result<HResult> code = parseHResult(text);
    if (!code)
        return code.status();
    return explainHResult(*code);
}

std::vector<HResult> catalogedHResults()
{
    std::vector<HResult> codes;
    for (auto entries : {detail::win32ErrorEntries(), detail::hcnErrorEntries()})
        for (const ErrorCatalogEntry& entry : entries)
            codes.push_back(entry.code);
    return codes;
}

} // namespace hcn
