#pragma once
// The host's network adapters as `hnsdiag list adapters` prints them (internal to core/io): a block per
// adapter, `Adapter : {<guid>}` and its properties indented below it (`Name : Ethernet`, `Description`,
// `Index`, `Luid`, `Type`, `Compartment`), after a `///ADAPTERS///` banner or not. Not HNS objects (the
// snapshot holds none), but what a network's `NetworkAdapterName` and HNS's "adapter not found" name.

#include "hcn/dump_text.h"

#include <vector>

namespace hcn::io {

/// One info per run of adapter blocks: "hnsdiag list adapters shows 2 host network adapters: Ethernet
/// {0694B065-...} (ethernet, Intel(R) Ethernet Connection I217-LM), ...; adapters are no HNS objects, not
/// imported", at the lines of the blocks.
std::vector<ImportWarning> hnsdiagAdaptersIn(const std::vector<CleanedLine>& lines);

} // namespace hcn::io
