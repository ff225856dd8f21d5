#pragma once
// Test helpers: a real hcnd on a temporary socket, and the real hcnctl binary run as a process.

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>

/// What one hcnctl run left behind.
struct CtlRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

/// hcnd serving on a socket in its own temporary directory for as long as the object lives.
class HcndService
{
public:
    HcndService();
    ~HcndService();

    /// Starts hcnd and waits until it says it is serving. False (with a test warning) when it did not.
    bool start();
    QString socketPath() const { return m_dir.filePath(QStringLiteral("hcnd.sock")); }
    /// A file in the service's temporary directory (for documents the tests write).
    QString filePath(const QString& name) const { return m_dir.filePath(name); }
    QProcess& process() { return m_process; }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
};

/// Runs hcnctl with `args` (and `input` on stdin) and waits for it to exit.
CtlRun runCtl(const QStringList& args, const QByteArray& input = {});
/// A process environment without HCN_SERVICE_SOCKET, so only --socket decides where hcnctl goes.
QProcessEnvironment ctlEnvironment();
/// Writes `content` to `path`; false when it could not.
bool writeFile(const QString& path, const QByteArray& content);
