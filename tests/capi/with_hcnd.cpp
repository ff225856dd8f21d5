// with_hcnd: runs a command against a real hcnd. Starts hcnd on a socket in a fresh temporary directory,
// runs COMMAND with HCN_SERVICE_SOCKET set to it, stops hcnd with SIGTERM and exits with the command's
// status (1 when hcnd did not start or did not stop cleanly).
// Usage: with_hcnd HCND_PATH COMMAND [ARGS...]

#include "hcnd_child_process.h"

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: with_hcnd HCND_PATH COMMAND [ARGS...]\n");
        return 2;
    }
    HcndChildProcess service;
    std::string error;
    if (!service.start(argv[1], {"--log-level", "warn"}, error)) {
        std::fprintf(stderr, "with_hcnd: %s\n", error.c_str());
        return 1;
    }
    std::printf("with_hcnd: hcnd serving on %s\n", service.socketPath().c_str());
    std::fflush(stdout);

    const pid_t child = fork();
    if (child == 0) {
        setenv("HCN_SERVICE_SOCKET", service.socketPath().c_str(), 1);
        execv(argv[2], argv + 2);
        std::fprintf(stderr, "with_hcnd: cannot run %s: %s\n", argv[2], std::strerror(errno));
        _exit(127);
    }
    int status = 0;
    if (child < 0 || waitpid(child, &status, 0) != child) {
        std::fprintf(stderr, "with_hcnd: cannot run %s\n", argv[2]);
        return 1;
    }
    const int serviceStatus = service.stop();
    if (serviceStatus != 0) {
        std::fprintf(stderr, "with_hcnd: hcnd did not stop cleanly (status %d)\n", serviceStatus);
        return 1;
    }
    if (WIFSIGNALED(status)) {
        std::fprintf(stderr, "with_hcnd: %s died of signal %d\n", argv[2], WTERMSIG(status));
        return 1;
    }
    return WEXITSTATUS(status);
}
