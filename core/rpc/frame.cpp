#include "rpc/frame.h"

#include <utility>

namespace hcn::rpc {

void appendFrame(std::string& out, std::string_view payload)
{
    const std::size_t start = beginFrame(out);
    out.append(payload);
    endFrame(out, start);
}

std::size_t beginFrame(std::string& out)
{
    const std::size_t start = out.size();
    out.append(kFrameHeaderBytes, '\0');
    return start;
}

void endFrame(std::string& out, std::size_t frameStart)
{
    const auto size = static_cast<std::uint32_t>(out.size() - frameStart - kFrameHeaderBytes);
    out[frameStart] = static_cast<char>((size >> 24) & 0xFF);
    out[frameStart + 1] = static_cast<char>((size >> 16) & 0xFF);
    out[frameStart + 2] = static_cast<char>((size >> 8) & 0xFF);
    out[frameStart + 3] = static_cast<char>(size & 0xFF);
}

std::string encodeFrame(std::string_view payload)
{
    std::string out;
    out.reserve(kFrameHeaderBytes + payload.size());
    appendFrame(out, payload);
    return out;
}

FrameDecoder::FrameDecoder(std::size_t maxMessageBytes) : m_max(maxMessageBytes) {}

FrameDecoder::State FrameDecoder::feed(const char* data, std::size_t size)
{
    if (m_broken)
        return State::TooLarge;
    m_buffer.append(data, size);
    State state = State::Ok;
    std::size_t offset = 0;
    while (m_buffer.size() - offset >= kFrameHeaderBytes) {
        const auto* p = reinterpret_cast<const unsigned char*>(m_buffer.data() + offset);
        const std::uint64_t length = (std::uint64_t(p[0]) << 24) | (std::uint64_t(p[1]) << 16) |
                                     (std::uint64_t(p[2]) << 8) | std::uint64_t(p[3]);
        if (length > m_max) {
            m_announced = length;
            m_broken = true;
            m_buffer.clear();
            return State::TooLarge;
        }
        if (length == 0) {
            offset += kFrameHeaderBytes;
            state = State::Empty;
            continue;
        }
        if (m_buffer.size() - offset - kFrameHeaderBytes < length)
            break;
        m_ready.emplace_back(m_buffer, offset + kFrameHeaderBytes, static_cast<std::size_t>(length));
        offset += kFrameHeaderBytes + static_cast<std::size_t>(length);
    }
    m_buffer.erase(0, offset);
    return state;
}

std::string FrameDecoder::takeMessage()
{
    std::string message = std::move(m_ready.front());
    m_ready.pop_front();
    return message;
}

} // namespace hcn::rpc
