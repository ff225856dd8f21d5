#pragma once
// FormContext: what every field editor of one form needs to know besides its own field: the catalog,
// the host's schema version (for since-version warnings) and the mode (a new object or an existing one,
// where only the fields HCN can modify are editable).

// clang-format off
// moc (Qt 6.4) fails on <compare> when it is the first standard header it meets (it then reaches
// <concepts> without libstdc++'s configuration macros); any other standard header first avoids that.
#include <functional>
#include "hcn/schema_catalog.h"
#include "hcn/schema_version.h"
// clang-format on

#include <QString>

namespace hcn::ui {

struct FormContext
{
    const schema::Catalog* catalog = &schema::Catalog::builtin();
    /// The schema version the host speaks; fields and values introduced later get a warning.
    SchemaVersion hostSchema{2, 16};
    /// For an existing object: returns the reason a top-level field cannot be changed (empty: editable).
    /// Unset for a new object (everything but the catalog's read-only fields is editable).
    std::function<QString(const QString& topLevelField)> lockedReason;
};

} // namespace hcn::ui
