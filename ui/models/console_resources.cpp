#include "console_resources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside any namespace.
static void registerConsoleQrc()
{
    Q_INIT_RESOURCE(console);
}

namespace hcn::ui {

void initConsoleResources()
{
    static const bool registered = (registerConsoleQrc(), true);
    Q_UNUSED(registered);
}

} // namespace hcn::ui
