#pragma once
// CommandLine: hcn-console's arguments, parsed before the QApplication exists (the display check
// depends on them):
//   hcn-console [--scenario FILE | --import PATH...] [--screenshot PNG] [--view resources|topology]
//               [--connect SOCKET_OR_tls://HOST:PORT [--token-file FILE] [--ca-file FILE]]

#include <QString>
#include <QStringList>
#include <optional>

namespace hcn::ui {

struct CommandLineOptions
{
    /// A scenario file to load into a fresh embedded engine (empty: the built-in sample host).
    QString scenarioFile;
    /// A customer's dump (files, folders, archives) to open read-only instead of the sample host.
    QStringList importPaths;
    /// Render the window into this PNG after loading and exit.
    QString screenshotFile;
    /// "resources" or "topology": the view raised at startup.
    QString view = QStringLiteral("resources");
    /// A service to connect to instead of the embedded engine.
    QString connectTarget;
    QString tokenFile;
    QString caFile;
    bool showHelp = false;
    bool showVersion = false;
};

class CommandLine
{
public:
    /// Parses `arguments` (argv, program name first). Null with `error` set on bad input.
    static std::optional<CommandLineOptions> parse(const QStringList& arguments, QString* error);
    static QString helpText();
    /// Whether a window can be shown: an explicit QT_QPA_PLATFORM, DISPLAY or WAYLAND_DISPLAY.
    static bool displayAvailable();
};

} // namespace hcn::ui
