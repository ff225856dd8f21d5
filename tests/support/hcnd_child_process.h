#pragma once
// HcndChildProcess: a real hcnd on a socket in a fresh temporary directory, for test drivers and benchmark
// programs that are not Qt programs (with_hcnd, tests/bench/rpc). Header-only, POSIX.

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

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
        std::vector<std::string> args{hcndPath, "--socket", m_socket};
        args.insert(args.end(), extraArgs.begin(), extraArgs.end());
        m_pid = fork();
        if (m_pid < 0) {
            error = std::string("fork: ") + std::strerror(errno);
            return false;
        }
        if (m_pid == 0) {
            std::vector<char*> argv;
            for (std::string& arg : args)
                argv.push_back(arg.data());
            argv.push_back(nullptr);
            execv(argv[0], argv.data());
            std::fprintf(stderr, "cannot run %s: %s\n", argv[0], std::strerror(errno));
            _exit(127);
        }
        // hcnd creates the socket file when it binds and accepts right after; poll until a connect works.
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (!acceptsConnections()) {
            int status = 0;
            if (waitpid(m_pid, &status, WNOHANG) == m_pid) {
                m_pid = -1;
                error = "hcnd exited before serving (status " + std::to_string(status) + ")";
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
        int result = -1;
        if (m_pid > 0) {
            kill(m_pid, SIGTERM);
            int status = 0;
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
            while (waitpid(m_pid, &status, WNOHANG) == 0) {
                if (std::chrono::steady_clock::now() > deadline) {
                    kill(m_pid, SIGKILL);
                    waitpid(m_pid, &status, 0);
                    break;
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            }
            result = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
            m_pid = -1;
        }
        if (!m_dir.empty()) {
            std::error_code ignored;
            std::filesystem::remove_all(m_dir, ignored);
            m_dir.clear();
        }
        return result;
    }

    const std::string& socketPath() const { return m_socket; }
    pid_t pid() const { return m_pid; }

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

    std::string m_dir;
    std::string m_socket;
    pid_t m_pid = -1;
};
