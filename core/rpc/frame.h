#pragma once
// The hcnd wire framing (docs/rpc.md): every message is a 4-byte big-endian length N followed by N
// bytes of UTF-8 JSON. FrameDecoder splits a byte stream into messages and enforces the size limit.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>

namespace hcn::rpc {

inline constexpr std::size_t kFrameHeaderBytes = 4;
inline constexpr std::size_t kDefaultMaxMessageBytes = 16u * 1024u * 1024u;

/// Header + payload, ready to write.
std::string encodeFrame(std::string_view payload);
/// Appends header + payload to `out` (batching several frames into one write).
void appendFrame(std::string& out, std::string_view payload);
/// Writing a frame in place: beginFrame reserves the header and returns where the frame starts; the
/// payload is appended to `out`; endFrame fills in the header.
std::size_t beginFrame(std::string& out);
void endFrame(std::string& out, std::size_t frameStart);

class FrameDecoder
{
public:
    enum class State
    {
        Ok,       ///< zero or more complete messages are ready
        TooLarge, ///< a header announced more than the limit: the stream cannot be trusted any more
        Empty     ///< a zero-length frame (a protocol error; the stream stays in step)
    };

    explicit FrameDecoder(std::size_t maxMessageBytes = kDefaultMaxMessageBytes);

    /// Feeds received bytes. After TooLarge the decoder refuses further input.
    State feed(const char* data, std::size_t size);
    bool hasMessage() const { return !m_ready.empty(); }
    std::string takeMessage();
    /// The length a too-large header announced.
    std::uint64_t announcedBytes() const { return m_announced; }
    std::size_t maxMessageBytes() const { return m_max; }

private:
    std::size_t m_max;
    std::string m_buffer;
    std::deque<std::string> m_ready;
    std::uint64_t m_announced = 0;
    bool m_broken = false;
};

} // namespace hcn::rpc
