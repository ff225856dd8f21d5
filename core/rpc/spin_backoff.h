#pragma once
// When a waiting side of a round trip (the client for its response, an hcnd I/O thread for the client's
// next request) polls briefly before it sleeps. Polling pays when the other side answers within the
// budget (a sleeping CPU takes tens of microseconds to wake on a virtual machine); it costs CPU when
// it does not (more busy callers than cores, a client that thinks between calls). So after each poll
// that ran out, the next waits sleep at once, twice as many after each further miss in a row, up to
// kMaxSkipped; a poll that saw the answer in time starts over at kFirstSkipped.

#include <algorithm>
#include <atomic>

namespace hcn::rpc {

class SpinBackoff
{
public:
    static constexpr int kFirstSkipped = 16;
    static constexpr int kMaxSkipped = 4096;

    /// Whether this wait polls first; false while backing off (each call counts one wait).
    bool shouldSpin()
    {
        int left = m_skipLeft.load(std::memory_order_relaxed);
        while (left > 0)
            if (m_skipLeft.compare_exchange_weak(left, left - 1, std::memory_order_relaxed))
                return false;
        return true;
    }
    /// The poll saw the answer within its budget.
    void hit() { m_nextSkip.store(kFirstSkipped, std::memory_order_relaxed); }
    /// The poll ran out: the next waits sleep at once.
    void miss()
    {
        const int skip = m_nextSkip.load(std::memory_order_relaxed);
        m_skipLeft.store(skip, std::memory_order_relaxed);
        m_nextSkip.store(std::min(skip * 2, kMaxSkipped), std::memory_order_relaxed);
    }

private:
    std::atomic<int> m_skipLeft{0};
    std::atomic<int> m_nextSkip{kFirstSkipped};
};

} // namespace hcn::rpc
