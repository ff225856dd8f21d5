#pragma once
// Child processes for the tests, header-only, POSIX (fork + execve, pipes, waitpid with a timeout):
//  - ChildProcess: any program, its stdout/stderr captured, inherited or written to a file, its stdin fed
//    from memory. The Qt suites use it instead of QProcess, whose clone-based start is not understood by
//    ThreadSanitizer (scripts/tsan.sh runs the RPC and hcnctl suites under it).
//  - HcndChildProcess: a real hcnd on a socket in a fresh temporary directory, for test drivers and
//    benchmark programs that are not Qt programs (with_hcnd, tests/bench/rpc).

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <poll.h>
#include <string>
#include <string_view>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <utility>
#include <vector>

extern char** environ;

namespace hcntest {

class ChildProcess
{
public:
    enum class Output
    {
        Capture, ///< read through a pipe (readStdout/readStderr)
        Inherit, ///< the test's own stream
        File,    ///< the file named in Options (created or truncated)
    };
    struct Options
    {
        Output stdoutMode = Output::Capture;
        Output stderrMode = Output::Capture;
        std::string stdoutFile;
        std::string stderrFile;
        std::string workingDirectory;                                 ///< empty: the test's own
        std::vector<std::string> unsetEnvironment;                    ///< names removed from the environment
        std::vector<std::pair<std::string, std::string>> environment; ///< set (or replaced) in the child
    };

    ChildProcess() = default;
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;
    ~ChildProcess()
    {
        if (running()) {
            ::kill(m_pid, SIGKILL);
            waitForExit(10000);
        }
        closeAll();
    }

    /// Runs `program` with `args` (argv[1]...). False when it could not be executed (`error()` says why);
    /// a previous run of this object must have finished.
    bool start(const std::string& program, const std::vector<std::string>& args)
    {
        return start(program, args, Options());
    }
    bool start(const std::string& program, const std::vector<std::string>& args, const Options& options)
    {
        if (running()) {
            m_error = "already running";
            return false;
        }
        closeAll();
        m_out.clear();
        m_err.clear();
        m_input.clear();
        m_error.clear();
        m_status = -1;

        // Everything the child needs is prepared here: between fork and exec it only calls async-signal-safe
        // functions.
        std::vector<std::string> argStrings{program};
        argStrings.insert(argStrings.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (std::string& arg : argStrings)
            argv.push_back(arg.data());
        argv.push_back(nullptr);
        std::vector<std::string> envStrings;
        for (char** entry = environ; entry && *entry; ++entry) {
            const std::string_view text(*entry);
            const std::string_view name = text.substr(0, text.find('='));
            bool dropped = false;
            for (const std::string& unset : options.unsetEnvironment)
                dropped = dropped || name == unset;
            for (const auto& [setName, value] : options.environment)
                dropped = dropped || name == setName;
            if (!dropped)
                envStrings.emplace_back(text);
        }
        for (const auto& [name, value] : options.environment)
            envStrings.push_back(name + "=" + value);
        std::vector<char*> envp;
        for (std::string& entry : envStrings)
            envp.push_back(entry.data());
        envp.push_back(nullptr);

        int in[2] = {-1, -1}, out[2] = {-1, -1}, err[2] = {-1, -1}, exec[2] = {-1, -1};
        int outFile = -1, errFile = -1;
        auto closePair = [](int fds[2]) {
            for (int i = 0; i < 2; ++i)
                if (fds[i] >= 0)
                    ::close(fds[i]);
        };
        auto fail = [&](const std::string& what) {
            m_error = what + ": " + std::strerror(errno);
            closePair(in), closePair(out), closePair(err), closePair(exec);
            if (outFile >= 0)
                ::close(outFile);
            if (errFile >= 0)
                ::close(errFile);
            return false;
        };
        if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(exec, O_CLOEXEC) != 0)
            return fail("pipe");
        if (options.stdoutMode == Output::Capture && ::pipe2(out, O_CLOEXEC) != 0)
            return fail("pipe");
        if (options.stderrMode == Output::Capture && ::pipe2(err, O_CLOEXEC) != 0)
            return fail("pipe");
        constexpr int kFileFlags = O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC;
        if (options.stdoutMode == Output::File &&
            (outFile = ::open(options.stdoutFile.c_str(), kFileFlags, 0600)) < 0)
            return fail(options.stdoutFile);
        if (options.stderrMode == Output::File &&
            (errFile = ::open(options.stderrFile.c_str(), kFileFlags, 0600)) < 0)
            return fail(options.stderrFile);
        const char* directory = options.workingDirectory.empty() ? nullptr : options.workingDirectory.c_str();

        const pid_t pid = ::fork();
        if (pid < 0)
            return fail("fork");
        if (pid == 0) {
            // A test that dies (a failed sanitizer check, a crash) takes its children along: the thread that
            // started the child is the test's main thread, which lives as long as the test.
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            // dup2 clears close-on-exec on the copies; the originals close at exec.
            ::dup2(in[0], STDIN_FILENO);
            if (out[1] >= 0 || outFile >= 0)
                ::dup2(out[1] >= 0 ? out[1] : outFile, STDOUT_FILENO);
            if (err[1] >= 0 || errFile >= 0)
                ::dup2(err[1] >= 0 ? err[1] : errFile, STDERR_FILENO);
            if (directory && ::chdir(directory) != 0)
                childFailed(exec[1]);
            ::execve(argv[0], argv.data(), envp.data());
            if (errno == ENOENT && !std::strchr(argv[0], '/'))
                ::execvpe(argv[0], argv.data(), envp.data()); // a bare name: looked up in PATH
            childFailed(exec[1]);
        }

        m_pid = pid;
        ::close(in[0]);
        m_in = in[1];
        if (out[0] >= 0) {
            ::close(out[1]);
            m_outFd = out[0];
        }
        if (err[0] >= 0) {
            ::close(err[1]);
            m_errFd = err[0];
        }
        if (outFile >= 0)
            ::close(outFile);
        if (errFile >= 0)
            ::close(errFile);
        for (int fd : {m_in, m_outFd, m_errFd})
            if (fd >= 0)
                ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
        // The exec pipe closes at exec (nothing read) or carries errno when exec failed.
        ::close(exec[1]);
        int childErrno = 0;
        ssize_t n;
        do
            n = ::read(exec[0], &childErrno, sizeof childErrno);
        while (n < 0 && errno == EINTR);
        ::close(exec[0]);
        if (n == sizeof childErrno) {
            waitForExit(10000);
            m_error = "cannot run " + program + ": " + std::strerror(childErrno);
            return false;
        }
        return true;
    }

    /// True while the child has not exited (an exited child is reaped here).
    bool running()
    {
        if (m_pid <= 0)
            return false;
        int status = 0;
        const pid_t done = ::waitpid(m_pid, &status, WNOHANG);
        if (done == m_pid || (done < 0 && errno == ECHILD)) {
            m_status = done == m_pid ? status : -1;
            m_pid = -1;
            return false;
        }
        return true;
    }

    /// Waits until the child exits, reading its output meanwhile (a full pipe would stall it). False on
    /// timeout or when nothing was started.
    bool waitForExit(int timeoutMs)
    {
        if (m_pid <= 0)
            return false;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
        while (running()) {
            if (std::chrono::steady_clock::now() >= deadline)
                return false;
            pump(5);
        }
        // What the child wrote before it exited, up to the end of the pipes (unless a grandchild holds them).
        const auto drainDeadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
        while ((m_outFd >= 0 || m_errFd >= 0) && std::chrono::steady_clock::now() < drainDeadline)
            pump(5);
        return true;
    }

    bool signal(int signalNumber) { return m_pid > 0 && ::kill(m_pid, signalNumber) == 0; }
    bool terminate() { return signal(SIGTERM); }
    /// SIGKILL, and waits until the child is gone.
    bool kill() { return signal(SIGKILL) && waitForExit(10000); }

    /// Queues `data` for the child's stdin (written while waiting or reading); closeStdin() after it ends it.
    void write(std::string_view data)
    {
        m_input.append(data);
        pump(0);
    }
    /// Ends stdin once everything written so far has gone.
    void closeStdin()
    {
        m_closeInput = true;
        pump(0);
    }

    /// Output captured since the last call.
    std::string readStdout()
    {
        pump(0);
        return std::exchange(m_out, {});
    }
    std::string readStderr()
    {
        pump(0);
        return std::exchange(m_err, {});
    }

    pid_t pid() const { return m_pid; }
    /// After exit: true when the child exited rather than being killed by a signal.
    bool normalExit() const { return m_pid <= 0 && m_status >= 0 && WIFEXITED(m_status); }
    /// The exit code, or -1 when the child was killed by a signal (or has not exited).
    int exitCode() const { return normalExit() ? WEXITSTATUS(m_status) : -1; }
    const std::string& error() const { return m_error; }

private:
    [[noreturn]] static void childFailed(int exec)
    {
        const int code = errno;
        (void)!::write(exec, &code, sizeof code);
        ::_exit(127);
    }

    /// Moves data between the pipes and the buffers, waiting up to `timeoutMs` for something to happen.
    void pump(int timeoutMs)
    {
        pollfd fds[3];
        int count = 0;
        if (m_in >= 0 && !m_input.empty())
            fds[count++] = {m_in, POLLOUT, 0};
        if (m_outFd >= 0)
            fds[count++] = {m_outFd, POLLIN, 0};
        if (m_errFd >= 0)
            fds[count++] = {m_errFd, POLLIN, 0};
        if (count == 0) {
            if (timeoutMs > 0)
                std::this_thread::sleep_for(std::chrono::milliseconds(timeoutMs));
        } else if (::poll(fds, static_cast<nfds_t>(count), timeoutMs) > 0) {
            for (int i = 0; i < count; ++i) {
                if (fds[i].revents == 0)
                    continue;
                if (fds[i].fd == m_in)
                    writeInput();
                else
                    readInto(fds[i].fd == m_outFd ? m_outFd : m_errFd, fds[i].fd == m_outFd ? m_out : m_err);
            }
        }
        if (m_in >= 0 && m_input.empty() && m_closeInput) {
            ::close(m_in);
            m_in = -1;
        }
    }
    void writeInput()
    {
        // A child that exits without reading its input must not stop the test with SIGPIPE.
        static const bool ignored = [] { return std::signal(SIGPIPE, SIG_IGN) != SIG_ERR; }();
        (void)ignored;
        const ssize_t n = ::write(m_in, m_input.data(), m_input.size());
        if (n > 0)
            m_input.erase(0, static_cast<std::size_t>(n));
        else if (n < 0 && errno != EAGAIN && errno != EINTR) {
            m_input.clear(); // the reader has gone
            ::close(m_in);
            m_in = -1;
        }
    }
    static void readInto(int& fd, std::string& buffer)
    {
        char chunk[65536];
        for (;;) {
            const ssize_t n = ::read(fd, chunk, sizeof chunk);
            if (n > 0) {
                buffer.append(chunk, static_cast<std::size_t>(n));
                continue;
            }
            if (n < 0 && errno == EINTR)
                continue;
            if (n == 0 || errno != EAGAIN) {
                ::close(fd);
                fd = -1;
            }
            return;
        }
    }
    void closeAll()
    {
        for (int* fd : {&m_in, &m_outFd, &m_errFd})
            if (*fd >= 0) {
                ::close(*fd);
                *fd = -1;
            }
        m_closeInput = false;
    }

    pid_t m_pid = -1;
    int m_status = -1;
    int m_in = -1, m_outFd = -1, m_errFd = -1;
    std::string m_out, m_err, m_input;
    bool m_closeInput = false;
    std::string m_error;
};

} // namespace hcntest

class HcndChildProcess
{
public:
    HcndChildProcess() = default;
    HcndChildProcess(const HcndChildProcess&) = delete;
    HcndChildProcess& operator=(const HcndChildProcess&) = delete;
    ~HcndChildProcess() { stop(); }

    /// Starts `hcndPath --socket <tmp>/hcnd.sock` plus `extraArgs` and waits (up to 20 s) until the socket
    /// accepts connections. On failure returns false and `error` says why.
    bool start(const std::string& hcndPath, const std::vector<std::string>& extraArgs, std::string& error)
    {
        char pattern[] = "/tmp/hcnd-run-XXXXXX";
        if (!mkdtemp(pattern)) {
            error = std::string("mkdtemp: ") + std::strerror(errno);
            return false;
        }
        m_dir = pattern;
        m_socket = m_dir + "/hcnd.sock";
        std::vector<std::string> args{"--socket", m_socket};
        args.insert(args.end(), extraArgs.begin(), extraArgs.end());
        hcntest::ChildProcess::Options options;
        options.stdoutMode = options.stderrMode = hcntest::ChildProcess::Output::Inherit;
        if (!m_process.start(hcndPath, args, options)) {
            error = m_process.error();
            return false;
        }
        // hcnd creates the socket file when it binds and accepts right after; poll until a connect works.
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (!acceptsConnections()) {
            if (!m_process.running()) {
                error = "hcnd exited before serving (exit code " + std::to_string(m_process.exitCode()) + ")";
                return false;
            }
            if (std::chrono::steady_clock::now() > deadline) {
                error = "hcnd did not serve on " + m_socket + " within 20 s";
                return false;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return true;
    }

    /// SIGTERM, then waits up to 10 s (SIGKILL after that). Returns hcnd's exit status (-1 if killed).
    int stop()
    {
        if (m_process.running()) {
            m_process.terminate();
            if (!m_process.waitForExit(10000))
                m_process.kill();
        }
        const int result = m_process.exitCode();
        if (!m_dir.empty()) {
            std::error_code ignored;
            std::filesystem::remove_all(m_dir, ignored);
            m_dir.clear();
        }
        return result;
    }

    const std::string& socketPath() const { return m_socket; }
    pid_t pid() const { return m_process.pid(); }

private:
    bool acceptsConnections() const
    {
        const int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd < 0)
            return false;
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        std::snprintf(address.sun_path, sizeof address.sun_path, "%s", m_socket.c_str());
        const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
        close(fd);
        return ok;
    }

    hcntest::ChildProcess m_process;
    std::string m_dir;
    std::string m_socket;
};
