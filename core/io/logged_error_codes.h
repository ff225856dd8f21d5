#pragma once
// Failure codes as logs write them (internal to core/io): hcsshim's Win32 error number `(0x1392)`, an
// HRESULT in hex `0x803b0013` or in decimal `"ErrorCode":2151350291`, a code after a word that says it is
// one (`HRESULT 0x8007012F`), a code by name (`HCN_E_PORT_ALREADY_EXISTS`).

#include "hcn/hresult.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace hcn::io::logged {

/// HRESULT_FROM_WIN32: severity bit and FACILITY_WIN32.
inline constexpr std::uint32_t kFromWin32 = 0x80070000u;

/// A number as logged as a failure code. A Win32 error number (hcsshim prints the low 16 bits of a
/// FACILITY_WIN32 HRESULT: `(0x1392)`, `(0x57)`) becomes HRESULT_FROM_WIN32; other numbers without the
/// severity bit are no failure.
std::optional<HResult> failureCode(std::uint64_t value);

/// The first `0x` code standing alone in `text`, of 1 to 8 hex digits (a pointer, `0xc000512340`, has
/// more); `at` gets where it starts.
std::optional<HResult> hexCode(std::string_view text, std::size_t& at);

/// The decimal code after a key (`":2151350291`, `=-2143617005`, `: 2147942452`) from `at` in `lower`.
std::optional<HResult> decimalCodeAfter(std::string_view lower, std::size_t at);

/// The decimal code after `key` (`errorcode`, `hresult`) in `lower`.
std::optional<HResult> decimalCodeAt(std::string_view lower, std::string_view key);

/// `"ErrorCode":2151350291`, `ErrorCode=-2143617005`: an HNS envelope's code in decimal.
std::optional<HResult> decimalCode(std::string_view lower);

/// A failure code right after a word that says it is one (`HNS error: 0x80070057`, `HRESULT
/// 0x8007012F`, `hr=0x80070005`, `error code: 0x800706BA`, `ErrorCode: 2147942487`), in hex or in
/// decimal, with markdown emphasis around it allowed; none when no such word is followed by a failure
/// code.
std::optional<HResult> codeAfterCodeWord(std::string_view lower);

/// Whether `lower` names HNS or HCN as a word of its own or the start of one (`HNS error:`, `hns:`,
/// `hcnCreateEndpoint`, `HNS call`).
bool namesHns(std::string_view lower);

/// `HCN_E_PORT_ALREADY_EXISTS` (or HNS_E_..., GCN_E_...) written by name.
std::optional<HResult> namedCode(std::string_view text, std::string_view lower);

} // namespace hcn::io::logged
