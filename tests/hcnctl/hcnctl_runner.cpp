#include "hcnctl_runner.h"

#include <QFile>
#include <QTest>

HcndService::HcndService()
{
    m_process.setProgram(QStringLiteral(HCND_PATH));
    m_process.setProcessEnvironment(ctlEnvironment());
}

HcndService::~HcndService()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(10000))
            m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool HcndService::start()
{
    // The log goes to a file: a pipe nobody reads during a long test would fill up and stall hcnd.
    const QString logPath = filePath(QStringLiteral("hcnd.log"));
    m_process.setStandardErrorFile(logPath);
    m_process.setArguments(
        {QStringLiteral("--socket"), socketPath(), QStringLiteral("--log-level"), QStringLiteral("info")});
    m_process.start();
    if (!m_process.waitForStarted(10000)) {
        qWarning("hcnd did not start: %s", qPrintable(m_process.errorString()));
        return false;
    }
    // hcnd logs "serving on PATH" once its listener accepts connections.
    auto serving = [&logPath] {
        QFile log(logPath);
        return log.open(QIODevice::ReadOnly) && log.readAll().contains("serving on");
    };
    QDeadlineTimer deadline(20000);
    while (!serving()) {
        if (deadline.hasExpired() || m_process.state() == QProcess::NotRunning) {
            QFile log(logPath);
            log.open(QIODevice::ReadOnly);
            qWarning("hcnd is not serving: %s", log.readAll().constData());
            return false;
        }
        QTest::qWait(20);
    }
    return true;
}

QProcessEnvironment ctlEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("HCN_SERVICE_SOCKET"));
    return environment;
}

CtlRun runCtl(const QStringList& args, const QByteArray& input)
{
    QProcess process;
    process.setProcessEnvironment(ctlEnvironment());
    process.start(QStringLiteral(HCNCTL_PATH), args);
    CtlRun run;
    if (!process.waitForStarted(10000))
        return run;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished(5000);
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

bool writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}
