#pragma once
// What the Linux datapath's operations share to stay all or nothing: the undo steps of one operation,
// and the log line of a cleanup step that fails.

#include "common/log.h"
#include "hcn/status.h"

#include <functional>
#include <vector>

namespace hcn::linuxdp {

/// Undo steps of one operation, run in reverse unless the operation completes.
class LocalUndo
{
public:
    LocalUndo() = default;
    LocalUndo(const LocalUndo&) = delete;
    LocalUndo& operator=(const LocalUndo&) = delete;
    ~LocalUndo()
    {
        for (auto it = m_steps.rbegin(); it != m_steps.rend(); ++it)
            (*it)();
    }
    void add(std::function<void()> step) { m_steps.push_back(std::move(step)); }
    void done() { m_steps.clear(); }

private:
    std::vector<std::function<void()>> m_steps;
};

inline void logFailure(const Status& s)
{
    if (!s.ok())
        componentLogger("hcn.datapath")->warn("linux datapath cleanup: {}", s.detail());
}

} // namespace hcn::linuxdp
