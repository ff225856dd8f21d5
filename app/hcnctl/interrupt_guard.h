#pragma once
// InterruptGuard: while it lives, Ctrl-C (SIGINT) and SIGTERM set a flag instead of killing hcnctl, so
// commands that run until interrupted (events --follow, record) end cleanly; the previous handlers come
// back when it goes.

#include <chrono>
#include <csignal>

namespace hcn::ctl {

class InterruptGuard
{
public:
    InterruptGuard();
    ~InterruptGuard();
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

    /// A signal arrived since the guard was made.
    static bool interrupted();

    /// A signal handler cannot wake a condition variable, so waits look at the flag this often.
    static constexpr std::chrono::milliseconds kPoll{100};

private:
#ifdef _WIN32
    void (*m_previousInt)(int) = nullptr;
    void (*m_previousTerm)(int) = nullptr;
#else
    struct sigaction m_previousInt = {};
    struct sigaction m_previousTerm = {};
#endif
};

} // namespace hcn::ctl
