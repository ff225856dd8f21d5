#pragma once
// The readable tables of `hcnctl list`: one row per object, the columns people look for first.

#include "hcn/resource_kind.h"
#include "table_printer.h"

#include <nlohmann/json_fwd.hpp>

namespace hcn::ctl {

/// A table of `documents` (the array of one kind from Api::snapshot). `snapshot` is the whole snapshot,
/// used to show network names instead of IDs and to count each network's endpoints; its "Import" member,
/// when it has one (an imported dump), marks the IDs the import made up.
TablePrinter objectTable(ResourceKind kind, const nlohmann::ordered_json& documents,
                         const nlohmann::ordered_json& snapshot);

} // namespace hcn::ctl
