// hcn-console: argument handling, the display check and the window live in hcn_ui (ConsoleLauncher),
// where the tests can reach them.

#include "widgets/console_launcher.h"

int main(int argc, char** argv)
{
    return hcn::ui::ConsoleLauncher::run(argc, argv);
}
