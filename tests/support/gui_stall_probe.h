#pragma once
// How long the GUI thread went without serving its event loop, and whether it was busy meanwhile.
//
// A timer on the GUI thread ticks every few milliseconds; the longest gap between two ticks is the
// longest stall a user would have felt. On a machine shared with other work, a gap is also the time the
// thread waited for a core: the GUI thread's own CPU time during the longest gap tells the two apart
// (a gap of 150 ms with 0.1 ms of CPU is the scheduler, one with 140 ms of CPU is work on the thread).

#include <QElapsedTimer>
#include <QTimer>
#include <ctime>

namespace hcntest {

/// CPU milliseconds the calling thread has used so far (independent of how busy the machine is).
inline double threadCpuMilliseconds()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

/// Measures the GUI thread's stalls between start() and stop(). Create and use it on the GUI thread.
class GuiStallProbe
{
public:
    explicit GuiStallProbe(int intervalMs = 1)
    {
        m_timer.setInterval(intervalMs);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { tick(); });
    }

    /// Starts measuring from now (the first gap runs from this call to the first tick).
    void start()
    {
        m_longestGapMs = m_cpuInLongestGapMs = 0;
        m_ticks = 0;
        m_clock.start();
        m_lastTickMs = 0;
        m_lastTickCpuMs = threadCpuMilliseconds();
        m_timer.start();
    }

    /// Stops measuring; the time since the last tick counts as a gap too.
    void stop()
    {
        if (!m_timer.isActive())
            return;
        m_timer.stop();
        tick();
    }

    double longestGapMs() const { return m_longestGapMs; }
    /// The GUI thread's own CPU time during the longest gap.
    double cpuInLongestGapMs() const { return m_cpuInLongestGapMs; }
    /// Milliseconds from start() to the last tick (or to stop()).
    double lastTickMs() const { return m_lastTickMs; }
    double elapsedMs() const { return double(m_clock.nsecsElapsed()) / 1e6; }
    int ticks() const { return m_ticks; }

private:
    void tick()
    {
        const double now = elapsedMs();
        const double cpu = threadCpuMilliseconds();
        if (now - m_lastTickMs > m_longestGapMs) {
            m_longestGapMs = now - m_lastTickMs;
            m_cpuInLongestGapMs = cpu - m_lastTickCpuMs;
        }
        ++m_ticks;
        m_lastTickMs = now;
        m_lastTickCpuMs = cpu;
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_lastTickMs = 0;
    double m_lastTickCpuMs = 0;
    double m_longestGapMs = 0;
    double m_cpuInLongestGapMs = 0;
    int m_ticks = 0;
};

} // namespace hcntest
