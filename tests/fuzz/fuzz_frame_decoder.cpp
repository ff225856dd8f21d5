// The JSON-RPC framing hcnd and RpcClient read every byte through. Input: a byte stream. The first byte
// picks a chunk size; the stream is fed in chunks of that size and again all at once, and both ways
// must give the same messages and the same verdict.

#include "fuzz_support.h"
#include "rpc/frame.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace {

constexpr std::size_t kLimit = 4096; // small, so the too-large path is reached often

struct Outcome
{
    std::vector<std::string> messages;
    bool tooLarge = false;
};

Outcome decode(const char* data, std::size_t size, std::size_t chunk)
{
    hcn::rpc::FrameDecoder decoder(kLimit);
    Outcome out;
    for (std::size_t at = 0; at < size && !out.tooLarge; at += chunk) {
        const auto state = decoder.feed(data + at, std::min(chunk, size - at));
        while (decoder.hasMessage()) {
            std::string message = decoder.takeMessage();
            hcn::fuzz::expect(message.size() <= kLimit, "no message exceeds the limit");
            out.messages.push_back(std::move(message));
        }
        out.tooLarge = state == hcn::rpc::FrameDecoder::State::TooLarge;
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::size_t chunk = std::size_t(data[0] % 64) + 1;
    const char* bytes = reinterpret_cast<const char*>(data + 1);
    const Outcome piecewise = decode(bytes, size - 1, chunk);
    const Outcome whole = decode(bytes, size - 1, size);
    hcn::fuzz::expect(piecewise.tooLarge == whole.tooLarge, "chunking does not change the verdict");
    if (!whole.tooLarge)
        hcn::fuzz::expect(piecewise.messages == whole.messages, "chunking does not change the messages");
    return 0;
}
