#include "engine/handle_table.h"

namespace hcn {

Handle HandleTable::open(ResourceKind kind, const Guid& id, std::uint64_t serial)
{
    Handle h = m_next;
    m_next += 8; // keeps values pointer-aligned when the C API hands them out as void*
    m_entries.emplace(h, Entry{kind, id, serial});
    return h;
}

const HandleTable::Entry* HandleTable::find(Handle handle) const
{
    auto it = m_entries.find(handle);
    return it == m_entries.end() ? nullptr : &it->second;
}

bool HandleTable::close(Handle handle)
{
    return m_entries.erase(handle) != 0;
}

} // namespace hcn
