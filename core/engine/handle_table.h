#pragma once
// Open handles: which object (kind, ID, incarnation) each handle refers to. Handle values are never
// reused, so a stale handle can always be told apart from a live one.

#include "hcn/engine.h"

#include <unordered_map>

namespace hcn {

class HandleTable
{
public:
    struct Entry
    {
        ResourceKind kind = ResourceKind::Invalid;
        Guid id;
        std::uint64_t serial = 0; ///< the object's incarnation: a deleted-and-recreated ID does not match
    };

    Handle open(ResourceKind kind, const Guid& id, std::uint64_t serial);
    /// Null when the handle is unknown (never opened or already closed).
    const Entry* find(Handle handle) const;
    bool close(Handle handle);
    std::size_t size() const { return m_entries.size(); }

private:
    std::unordered_map<Handle, Entry> m_entries;
    Handle m_next = 0x1000;
};

} // namespace hcn
