#pragma once
// ConsoleLauncher: hcn-console's main(): arguments, the display check, the startup host (scenario or
// service) and the --screenshot mode. Kept in the library so the tests run the same code.

class QString;

namespace hcn::ui {

class MainWindow;
struct CommandLineOptions;

class ConsoleLauncher
{
public:
    /// The whole program; returns the exit code.
    static int run(int argc, char** argv);

    /// Fixed size of --screenshot renderings.
    static constexpr int kScreenshotWidth = 1400;
    static constexpr int kScreenshotHeight = 900;

private:
    static int startHost(MainWindow& window, const CommandLineOptions& options);
    static int screenshot(MainWindow& window, const QString& path);
};

} // namespace hcn::ui
