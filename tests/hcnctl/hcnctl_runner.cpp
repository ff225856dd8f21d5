#include "hcnctl_runner.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

HcndService::~HcndService()
{
    if (m_process.running()) {
        m_process.terminate();
        if (!m_process.waitForExit(10000))
            m_process.kill();
    }
}

bool HcndService::start()
{
    // The log goes to a file: a pipe nobody reads during a long test would fill up and stall hcnd.
    const QString logPath = filePath(QStringLiteral("hcnd.log"));
    ChildProcess::Options options = ctlOptions();
    options.stdoutMode = ChildProcess::Output::Inherit;
    options.stderrMode = ChildProcess::Output::File;
    options.stderrFile = logPath.toStdString();
    if (!m_process.start(HCND_PATH,
                         toArgs({QStringLiteral("--socket"), socketPath(), QStringLiteral("--log-level"),
                                 QStringLiteral("info")}),
                         options)) {
        qWarning("hcnd did not start: %s", m_process.error().c_str());
        return false;
    }
    // hcnd logs "serving on PATH" once its listener accepts connections.
    auto serving = [&logPath] {
        QFile log(logPath);
        return log.open(QIODevice::ReadOnly) && log.readAll().contains("serving on");
    };
    QDeadlineTimer deadline(20000);
    while (!serving()) {
        if (deadline.hasExpired() || !m_process.running()) {
            QFile log(logPath);
            log.open(QIODevice::ReadOnly);
            qWarning("hcnd is not serving: %s", log.readAll().constData());
            return false;
        }
        QTest::qWait(20);
    }
    return true;
}

ChildProcess::Options ctlOptions()
{
    ChildProcess::Options options;
    options.unsetEnvironment.push_back("HCN_SERVICE_SOCKET");
    return options;
}

std::vector<std::string> toArgs(const QStringList& args)
{
    std::vector<std::string> out;
    for (const QString& arg : args)
        out.push_back(arg.toStdString());
    return out;
}

CtlRun runCtl(const QStringList& args, const QByteArray& input)
{
    return runCtl(args, input, ctlOptions());
}

CtlRun runCtl(const QStringList& args, const QByteArray& input, const ChildProcess::Options& options)
{
    ChildProcess process;
    CtlRun run;
    if (!process.start(HCNCTL_PATH, toArgs(args), options))
        return run;
    if (!input.isEmpty())
        process.write(input.toStdString());
    process.closeStdin();
    if (!process.waitForExit(30000)) {
        process.kill();
        return run;
    }
    run.exitCode = process.exitCode();
    run.out = QString::fromStdString(process.readStdout());
    run.err = QString::fromStdString(process.readStderr());
    return run;
}

QString createdId(const CtlRun& run)
{
    static const QRegularExpression created(QStringLiteral("^Created [a-z ]+ ([0-9A-Fa-f-]{36})$"),
                                            QRegularExpression::MultilineOption);
    const auto match = created.match(run.out);
    return match.hasMatch() ? match.captured(1) : QString();
}

QJsonObject parseObject(const QString& text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QString testDataFile(const QString& dir, const QString& name)
{
    return qEnvironmentVariable("HCN_SOURCE_DIR") + QStringLiteral("/tests/data/") + dir + QLatin1Char('/') + name;
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}
