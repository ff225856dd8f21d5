#pragma once
// One row of the error catalog: the explanation of one hr:: constant. The two tables
// (error_catalog_win32.cpp, error_catalog_hcn.cpp) are read by error_catalog.cpp.

#include "hcn/hresult.h"

#include <array>
#include <span>
#include <string_view>

namespace hcn::detail {

struct ErrorCatalogEntry
{
    HResult code;
    std::string_view constant; ///< the hr:: constant's spelling
    std::string_view meaning;
    std::array<std::string_view, 4> causes; ///< unused slots stay empty
    std::array<std::string_view, 4> checks;
};

/// Generic COM and Win32 codes (E_*, ERROR_*, WSA*, RPC_S_*).
std::span<const ErrorCatalogEntry> win32ErrorEntries();
/// The HCN facility (0x803B....), HCN_E_* and GCN_E_*.
std::span<const ErrorCatalogEntry> hcnErrorEntries();

} // namespace hcn::detail

/// `HCN_ERROR_CONSTANT(PortAlreadyExists)` gives the code and the constant's spelling, so they cannot
/// disagree.
#define HCN_ERROR_CONSTANT(constant) ::hcn::hr::constant, #constant
