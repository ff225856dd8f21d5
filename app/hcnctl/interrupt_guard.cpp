#include "interrupt_guard.h"

namespace hcn::ctl {

namespace {

volatile std::sig_atomic_t g_interrupted = 0;

extern "C" void onInterruptSignal(int)
{
    g_interrupted = 1;
}

} // namespace

#ifdef _WIN32
// Windows has no sigaction; the C runtime's signal() covers Ctrl-C (SIGINT) and SIGTERM.
InterruptGuard::InterruptGuard()
{
    g_interrupted = 0;
    m_previousInt = std::signal(SIGINT, onInterruptSignal);
    m_previousTerm = std::signal(SIGTERM, onInterruptSignal);
}

InterruptGuard::~InterruptGuard()
{
    std::signal(SIGINT, m_previousInt);
    std::signal(SIGTERM, m_previousTerm);
}
#else
InterruptGuard::InterruptGuard()
{
    g_interrupted = 0;
    struct sigaction action = {};
    action.sa_handler = onInterruptSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &m_previousInt);
    sigaction(SIGTERM, &action, &m_previousTerm);
}

InterruptGuard::~InterruptGuard()
{
    sigaction(SIGINT, &m_previousInt, nullptr);
    sigaction(SIGTERM, &m_previousTerm, nullptr);
}
#endif

bool InterruptGuard::interrupted()
{
    return g_interrupted != 0;
}

} // namespace hcn::ctl
