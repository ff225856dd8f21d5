#pragma once
// The Windows cross build has no OpenSSL: the one function the request handler takes from it (a
// constant-time comparison for hcnd's TLS token) is provided here. The token only matters to hcnd's TLS
// listener, which the Windows build does not have.

#include <cstddef>

inline int CRYPTO_memcmp(const void* a, const void* b, std::size_t length)
{
    const auto* x = static_cast<const volatile unsigned char*>(a);
    const auto* y = static_cast<const volatile unsigned char*>(b);
    unsigned char difference = 0;
    for (std::size_t i = 0; i < length; ++i)
        difference |= static_cast<unsigned char>(x[i] ^ y[i]);
    return difference;
}
