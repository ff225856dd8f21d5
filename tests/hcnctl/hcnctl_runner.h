#pragma once
// Test helpers: a real hcnd on a temporary socket, and the real hcnctl binary run as a process (both
// started with ChildProcess: fork and exec, which ThreadSanitizer follows).

#include "hcnctl_paths.h" // HCNCTL_PATH, HCND_PATH, HCNCTL_BATCH_DIR, HCN_TEST_LIBRARY
#include "hcnd_child_process.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <string>
#include <vector>

using hcntest::ChildProcess;

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
    HcndService() = default;
    ~HcndService();

    /// Starts hcnd and waits until it says it is serving. False (with a test warning) when it did not.
    bool start();
    QString socketPath() const { return m_dir.filePath(QStringLiteral("hcnd.sock")); }
    /// A file in the service's temporary directory (for documents the tests write).
    QString filePath(const QString& name) const { return m_dir.filePath(name); }
    ChildProcess& process() { return m_process; }

private:
    QTemporaryDir m_dir;
    ChildProcess m_process; // declared after the directory: stopped before it is removed
};

/// Runs hcnctl with `args` (and `input` on stdin) and waits for it to exit.
CtlRun runCtl(const QStringList& args, const QByteArray& input = {});
/// The same with other process options (ctlOptions() with changes, e.g. standard output to a file).
CtlRun runCtl(const QStringList& args, const QByteArray& input, const ChildProcess::Options& options);
/// Process options without HCN_SERVICE_SOCKET in the environment, so only --socket decides where hcnctl
/// goes; output captured.
ChildProcess::Options ctlOptions();
/// Program arguments for ChildProcess::start.
std::vector<std::string> toArgs(const QStringList& args);
/// The ID `hcnctl create` printed ("Created network <ID>"); empty when it printed none.
QString createdId(const CtlRun& run);
/// The JSON object `text` holds (empty when it holds none).
QJsonObject parseObject(const QString& text);
/// A file of the source tree's tests/data/<dir>/ (HCN_SOURCE_DIR is set by CTest).
QString testDataFile(const QString& dir, const QString& name);
/// The content of the file at `path` (empty when it cannot be read).
QByteArray readFile(const QString& path);
/// Writes `content` to `path`; false when it could not.
bool writeFile(const QString& path, const QByteArray& content);
