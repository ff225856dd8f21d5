#include "command_line.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace hcn::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("hcn::ui::CommandLine", text);
}

struct Parser
{
    QCommandLineParser parser;
    QCommandLineOption scenario{QStringLiteral("scenario"),
                                tr("Load scenario FILE into a fresh embedded engine."),
                                QStringLiteral("FILE")};
    QCommandLineOption import{QStringLiteral("import"),
                              tr("Open a dump read-only: a file, folder or archive (repeat for more)."),
                              QStringLiteral("PATH")};
    QCommandLineOption screenshot{
        QStringLiteral("screenshot"),
        tr("Render the window into PNG after loading, then exit (no display needed)."),
        QStringLiteral("PNG")};
    QCommandLineOption view{QStringLiteral("view"), tr("The view to show first: resources or topology."),
                            QStringLiteral("VIEW"), QStringLiteral("resources")};
    QCommandLineOption connect{QStringLiteral("connect"),
                               tr("Connect to a running hcnd: a socket path, unix:PATH or tls://HOST:PORT."),
                               QStringLiteral("ENDPOINT")};
    QCommandLineOption tokenFile{QStringLiteral("token-file"),
                                 tr("Read the bearer token for a tls:// service from FILE."),
                                 QStringLiteral("FILE")};
    QCommandLineOption caFile{QStringLiteral("ca-file"), tr("PEM file of the CA of a tls:// service."),
                              QStringLiteral("FILE")};
    QCommandLineOption help{{QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help.")};
    QCommandLineOption version{{QStringLiteral("v"), QStringLiteral("version")}, tr("Show the version.")};

    Parser()
    {
        parser.setApplicationDescription(tr("HCN Console: browse and edit a Host Compute Network service."));
        parser.addOptions({scenario, import, screenshot, view, connect, tokenFile, caFile, help, version});
    }
};

} // namespace

std::optional<CommandLineOptions> CommandLine::parse(const QStringList& arguments, QString* error)
{
    Parser p;
    if (!p.parser.parse(arguments)) {
        *error = p.parser.errorText();
        return std::nullopt;
    }
    if (!p.parser.positionalArguments().isEmpty()) {
        *error = tr("Unexpected argument: %1").arg(p.parser.positionalArguments().front());
        return std::nullopt;
    }
    CommandLineOptions options;
    options.showHelp = p.parser.isSet(p.help);
    options.showVersion = p.parser.isSet(p.version);
    options.scenarioFile = p.parser.value(p.scenario);
    options.importPaths = p.parser.values(p.import);
    options.screenshotFile = p.parser.value(p.screenshot);
    options.view = p.parser.value(p.view).toLower();
    options.connectTarget = p.parser.value(p.connect);
    options.tokenFile = p.parser.value(p.tokenFile);
    options.caFile = p.parser.value(p.caFile);
    if (options.view != QLatin1String("resources") && options.view != QLatin1String("topology")) {
        *error = tr("--view takes resources or topology, not %1").arg(options.view);
        return std::nullopt;
    }
    if (!options.scenarioFile.isEmpty() && !options.connectTarget.isEmpty()) {
        *error = tr("--scenario and --connect exclude each other: a scenario loads into an embedded engine");
        return std::nullopt;
    }
    if (!options.importPaths.isEmpty() &&
        (!options.scenarioFile.isEmpty() || !options.connectTarget.isEmpty())) {
        *error = tr("--import excludes --scenario and --connect: a dump opens as its own read-only host");
        return std::nullopt;
    }
    if ((p.parser.isSet(p.tokenFile) || p.parser.isSet(p.caFile)) && options.connectTarget.isEmpty()) {
        *error = tr("--token-file and --ca-file need --connect");
        return std::nullopt;
    }
    if (p.parser.isSet(p.screenshot) && options.screenshotFile.isEmpty()) {
        *error = tr("--screenshot needs a file name");
        return std::nullopt;
    }
    return options;
}

QString CommandLine::helpText()
{
    Parser p;
    return p.parser.helpText();
}

bool CommandLine::displayAvailable()
{
    return !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") || !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

} // namespace hcn::ui
