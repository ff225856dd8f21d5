#pragma once
// Test support: a real hcnd process on a socket in a temporary directory, and a raw POSIX client that
// writes and reads frames byte for byte (for the malformed-input and slow-reader cases RpcClient
// cannot produce). Processes are started with ChildProcess (fork and exec), which ThreadSanitizer follows.

#include "hcnd_child_process.h"
#include "rpc/frame.h"

#include <QDir>
#include <QFile>
#include <QStringList>
#include <QTemporaryDir>
#include <QtTest>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <nlohmann/json.hpp>
#include <optional>
#include <poll.h>
#include <string>
#include <sys/socket.h>
#include <sys/un.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace hcntest {

/// Program arguments for ChildProcess::start.
inline std::vector<std::string> args(const QStringList& list)
{
    std::vector<std::string> out;
    for (const QString& arg : list)
        out.push_back(arg.toStdString());
    return out;
}

/// A connected Unix socket speaking hcnd's framing directly.
class RawConnection
{
public:
    RawConnection() = default;
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;
    ~RawConnection() { close(); }

    bool connect(const std::string& path)
    {
        close();
        m_fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        path.copy(address.sun_path, sizeof address.sun_path - 1);
        if (::connect(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
            close();
            return false;
        }
        return true;
    }
    void close()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
    }
    int fd() const { return m_fd; }

    bool sendBytes(std::string_view bytes)
    {
        while (!bytes.empty()) {
            const auto n = ::send(m_fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
            if (n <= 0)
                return false;
            bytes.remove_prefix(static_cast<std::size_t>(n));
        }
        return true;
    }
    bool sendFrame(std::string_view json) { return sendBytes(hcn::rpc::encodeFrame(json)); }

    /// The next message, or nullopt on timeout or end of stream.
    std::optional<std::string> readFrame(int timeout_ms = 10000)
    {
        char header[4];
        if (!readExactly(header, 4, timeout_ms))
            return std::nullopt;
        const auto* p = reinterpret_cast<const unsigned char*>(header);
        const std::size_t size =
            (std::size_t(p[0]) << 24) | (std::size_t(p[1]) << 16) | (std::size_t(p[2]) << 8) | p[3];
        std::string body(size, '\0');
        if (!readExactly(body.data(), size, timeout_ms))
            return std::nullopt;
        return body;
    }
    /// The response with `"id":<id>`, skipping notifications (which are counted into `skipped`).
    std::optional<std::string> readResponse(int id, int timeout_ms = 10000, int* skipped = nullptr)
    {
        const std::string marker = "\"id\":" + std::to_string(id) + ",";
        for (;;) {
            auto frame = readFrame(timeout_ms);
            if (!frame || frame->find(marker) != std::string::npos)
                return frame;
            if (skipped)
                ++*skipped;
        }
    }
    std::optional<std::string> call(int id, const std::string& method, const std::string& params = "{}")
    {
        if (!sendFrame(R"({"jsonrpc":"2.0","id":)" + std::to_string(id) + R"(,"method":")" + method +
                       R"(","params":)" + params + "}"))
            return std::nullopt;
        return readResponse(id);
    }
    /// True when the peer closes the stream within the timeout (data before the end is discarded).
    bool waitClosed(int timeout_ms = 10000)
    {
        char buffer[4096];
        for (;;) {
            pollfd p{m_fd, POLLIN, 0};
            if (::poll(&p, 1, timeout_ms) <= 0)
                return false;
            const auto n = ::recv(m_fd, buffer, sizeof buffer, 0);
            if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN))
                return true;
        }
    }

private:
    bool readExactly(char* out, std::size_t size, int timeout_ms)
    {
        while (size > 0) {
            pollfd p{m_fd, POLLIN, 0};
            if (::poll(&p, 1, timeout_ms) <= 0)
                return false;
            const auto n = ::recv(m_fd, out, size, 0);
            if (n <= 0)
                return false;
            out += n;
            size -= static_cast<std::size_t>(n);
        }
        return true;
    }

    int m_fd = -1;
};

/// Polls `value` on the wall clock until it equals `expected` or `timeoutMs` have passed; returns the
/// last value seen. For values read from the service over blocking sockets, where QTRY's event-loop
/// waits are the wrong tool (each poll is a round trip to another process, not a Qt event).
template <typename F, typename T> auto pollUntilEquals(F&& value, const T& expected, int timeoutMs)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    auto seen = value();
    while (!(seen == expected) && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        seen = value();
    }
    return seen;
}

/// The JSON of a frame (null when there is none or it is not JSON).
inline nlohmann::json parsed(const std::optional<std::string>& frame)
{
    return frame ? nlohmann::json::parse(*frame, nullptr, false) : nlohmann::json();
}

/// The service's open handles (hcnd.info's Counts.OpenHandles) asked on `connection` with request `id`.
inline std::uint64_t openHandles(RawConnection& connection, int id)
{
    const nlohmann::json info = parsed(connection.call(id, "hcnd.info"));
    return info["result"]["Counts"].value("OpenHandles", std::uint64_t(999999));
}

/// hcnd running on <tempdir>/hcnd.sock; stopped (SIGKILL if it must) when the object goes.
class HcndProcess
{
public:
    HcndProcess() = default;
    HcndProcess(const HcndProcess&) = delete;
    HcndProcess& operator=(const HcndProcess&) = delete;

    QString socketPath() const { return m_dir.filePath("hcnd.sock"); }
    std::string socket() const { return socketPath().toStdString(); }
    QString dir() const { return m_dir.path(); }
    bool running() { return m_process.running(); }

    /// Starts hcnd and waits until its socket accepts a connection.
    bool start(const QStringList& extra = {})
    {
        ChildProcess::Options options;
        options.stdoutMode = options.stderrMode = ChildProcess::Output::Inherit;
        if (!m_process.start(HCND_PATH,
                             args(QStringList{"--socket", socketPath(), "--log-level", "warn"} + extra),
                             options)) {
            qWarning("%s", m_process.error().c_str());
            return false;
        }
        return QTest::qWaitFor(
                   [&] {
                       if (!m_process.running())
                           return true;
                       RawConnection probe;
                       return probe.connect(socket());
                   },
                   15000) &&
               m_process.running();
    }

    pid_t pid() const { return m_process.pid(); }

    /// CPU time hcnd has used so far, user and system, in clock ticks (/proc/PID/stat); -1 if unknown.
    long long cpuTicks() const
    {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(m_process.pid()));
        if (!stat.open(QIODevice::ReadOnly))
            return -1;
        const QByteArray text = stat.readAll();
        const qsizetype close = text.lastIndexOf(')'); // the name may hold spaces
        // After the name: state (field 3) ... utime (field 14) and stime (field 15).
        const QList<QByteArray> fields = text.mid(close + 2).split(' ');
        if (close < 0 || fields.size() < 13)
            return -1;
        return fields.at(11).toLongLong() + fields.at(12).toLongLong();
    }

    /// SIGKILL (no goodbye from the service), and waits until it is gone.
    bool kill() { return m_process.kill(); }

    /// SIGSTOP, and waits until every thread of hcnd has stopped (the signal takes effect
    /// asynchronously; a thread busy on another core would otherwise still answer a request).
    bool freeze()
    {
        const pid_t pid = m_process.pid();
        if (pid <= 0 || ::kill(pid, SIGSTOP) != 0)
            return false;
        return QTest::qWaitFor(
            [pid] {
                const QDir tasks(QStringLiteral("/proc/%1/task").arg(pid));
                const QStringList threads = tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
                for (const QString& thread : threads) {
                    QFile stat(tasks.filePath(thread + QStringLiteral("/stat")));
                    if (!stat.open(QIODevice::ReadOnly))
                        continue; // the thread ended meanwhile
                    const QByteArray text = stat.readAll();
                    const qsizetype close = text.lastIndexOf(')'); // the name may hold spaces
                    if (close < 0 || close + 2 >= text.size() || text.at(close + 2) != 'T')
                        return false;
                }
                return !threads.isEmpty();
            },
            10000);
    }
    /// SIGCONT after freeze().
    bool thaw() { return m_process.signal(SIGCONT); }

    /// SIGTERM, then the exit code (-1 when it did not exit normally in time).
    int terminate()
    {
        m_process.terminate();
        if (!m_process.waitForExit(15000))
            return -1;
        return m_process.exitCode();
    }

private:
    QTemporaryDir m_dir;
    ChildProcess m_process; // declared after the directory: stopped before it is removed
};

} // namespace hcntest
