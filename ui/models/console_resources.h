#pragma once
// The console's compiled-in resources (icons, scenarios) live in the static hcn_ui library, where the
// linker would drop their registration unless something references it: call this once before use.

namespace hcn::ui {

/// Registers resources/console.qrc (":/icons/...", ":/scenarios/..."). Idempotent.
void initConsoleResources();

} // namespace hcn::ui
