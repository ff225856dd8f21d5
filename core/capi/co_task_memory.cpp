// CoTaskMemAlloc / CoTaskMemFree: the allocator of every string and array the API hands out. On
// Linux they are malloc and free; callers must not mix them with another allocator's memory. On Windows
// they are ole32's.

#include "computenetwork.h"

#if !defined(_WIN32)

#include <cstdlib>

extern "C" {

LPVOID WINAPI CoTaskMemAlloc(SIZE_T cb)
{
    // COM returns a distinct block for a zero-byte request; malloc(0) may return NULL.
    return std::malloc(cb == 0 ? 1 : cb);
}

void WINAPI CoTaskMemFree(LPVOID pv)
{
    std::free(pv);
}

} // extern "C"

#endif // !_WIN32
