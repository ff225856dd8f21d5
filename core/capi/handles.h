#pragma once
// C handles and GUIDs <-> engine values.
//
// An HCN_NETWORK, HCN_ENDPOINT ... is the engine's handle number stored in the pointer: engine
// handles are multiples of 8 from 0x1000 upwards and never 0, so the value survives the cast, never
// collides with NULL, and looks like an aligned pointer to debuggers. The library never dereferences a
// handle: an unknown value simply fails with E_HANDLE. Port reservation HANDLEs carry the engine's
// reservation number (from 1) the same way; HCN_CALLBACK values come from the callback registry.

#include "computenetwork.h"
#include "hcn/engine.h"

#include <cstdint>
#include <cstring>

namespace hcn::capi {

static_assert(sizeof(void*) >= sizeof(std::uint32_t), "handles are stored in pointers");
static_assert(sizeof(GUID) == 16 && sizeof(Guid) == 16, "GUID must keep the Windows 16-byte layout");

inline void* toCHandle(std::uint64_t value)
{
    return reinterpret_cast<void*>(static_cast<std::uintptr_t>(value));
}
inline std::uint64_t fromCHandle(const void* handle)
{
    return static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(handle));
}

inline Guid fromCGuid(const GUID& g)
{
    Guid out;
    out.data1 = g.Data1;
    out.data2 = g.Data2;
    out.data3 = g.Data3;
    std::memcpy(out.data4.data(), g.Data4, sizeof g.Data4);
    return out;
}

inline GUID toCGuid(const Guid& g)
{
    GUID out;
    out.Data1 = g.data1;
    out.Data2 = g.data2;
    out.Data3 = g.data3;
    std::memcpy(out.Data4, g.data4.data(), sizeof out.Data4);
    return out;
}

} // namespace hcn::capi
