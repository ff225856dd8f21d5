// hcnd's request path: every message a client may send, answered by the one request handler over an
// embedded engine that starts each input empty. Input: messages separated by newlines, so a session can
// create an object and use its handle. Every message gets one well-formed response (or none for a
// notification), and the handler never throws.

#include "fuzz_support.h"
#include "hcn/embedded_api.h"
#include "hcn/rpc_service_options.h"
#include "rpc/connection_resources.h"
#include "rpc/event_queue.h"
#include "rpc/request_handler.h"
#include "rpc/service_context.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace {

constexpr std::size_t kMaxMessages = 16;

void drop(hcn::rpc::EventQueue& events)
{
    std::string discarded;
    while (events.drainInto(discarded, 64 * 1024) > 0)
        discarded.clear();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static std::unique_ptr<hcn::EmbeddedApi> host = std::make_unique<hcn::EmbeddedApi>();
    hcn::EmbeddedApi& api = *host;
    const hcn::rpc::ServiceOptions limits;
    hcn::rpc::ServiceContext context{api, "hcnd/fuzz", std::string(), limits.maxMessageBytes,
                                     limits.maxJsonDepth, limits.clientQueue};
    hcn::rpc::ConnectionResources resources;
    hcn::rpc::EventQueue events(context.clientQueue);
    hcn::rpc::RequestHandler handler(context, resources, events, [&events] { drop(events); }, false);

    std::string_view input(reinterpret_cast<const char*>(data), size);
    for (std::size_t count = 0; !input.empty() && count < kMaxMessages; ++count) {
        const std::size_t end = input.find('\n');
        const std::string_view message = input.substr(0, end);
        input = end == std::string_view::npos ? std::string_view() : input.substr(end + 1);
        const std::string response = handler.handleMessage(message);
        if (!response.empty())
            hcn::fuzz::expectJson(response, "every response is one well-formed JSON value");
        if (handler.closeRequested())
            break;
    }
    resources.releaseAll(api);
    if (!hcn::fuzz::clearHost(api))
        host = std::make_unique<hcn::EmbeddedApi>(); // what could not be deleted goes with its engine
    return 0;
}
