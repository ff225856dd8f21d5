#pragma once
// SHA-256 (FIPS 180-4) of bytes in memory: the hashes a bundle's manifest lists and the key a
// passphrase gives (hcn/redaction.h).

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace hcn {

class Sha256
{
public:
    Sha256();
    void update(std::string_view bytes);
    std::array<std::uint8_t, 32> finish();

private:
    void block(const std::uint8_t* data);
    std::array<std::uint32_t, 8> m_state;
    std::array<std::uint8_t, 64> m_buffer{};
    std::size_t m_buffered = 0;
    std::uint64_t m_length = 0;
};

/// The digest of `bytes` as 64 lower-case hex digits.
std::string sha256Hex(std::string_view bytes);

} // namespace hcn
