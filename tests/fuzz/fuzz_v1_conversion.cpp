// v1 documents (Get-Hns* output, HNS REST bodies) into v2 and back: what every pasted customer dump
// goes through. Input: one selector byte (the kind), then the JSON text. Whatever the text, the
// conversion answers a Status and never throws; a converted document converts back to v1 as JSON.

#include "fuzz_support.h"
#include "hcn/json_limits.h"
#include "hcn/v1_conversion.h"

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string_view>

namespace {

namespace schema = hcn::schema;
using nlohmann::json;

/// One v1 shape: how it converts to v2 and, where there is a way back, to v1 again.
struct Shape
{
    hcn::Status (*fromV1)(json&);
    json (*toV1)(const json&); ///< null: no way back (a single policy)
};

const Shape kShapes[] = {
    {[](json& d) { return schema::networkFromV1(d); }, [](const json& d) { return schema::networkToV1(d); }},
    {[](json& d) { return schema::endpointFromV1(d); },
     [](const json& d) { return schema::endpointToV1(d, nullptr); }},
    {[](json& d) { return schema::namespaceFromV1(d); }, [](const json& d) { return schema::namespaceToV1(d); }},
    {[](json& d) { return schema::loadBalancerFromV1(d); },
     [](const json& d) { return schema::loadBalancerToV1(d); }},
    {[](json& d) { return schema::endpointPolicyFromV1(d); }, nullptr},
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const Shape& shape = kShapes[data[0] % std::size(kShapes)];
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    if (!hcn::withinJsonDepth(text, hcn::kDefaultMaxJsonDepth))
        return 0; // the limit every reader applies before parsing
    json document = json::parse(text, nullptr, false);
    if (document.is_discarded())
        return 0;
    const hcn::Status converted = shape.fromV1(document);
    hcn::fuzz::expectReadableError(converted);
    if (!converted.ok() || !document.is_object() || !shape.toV1)
        return 0;
    // Strict: a string that is not valid UTF-8 throws, and the fuzzer reports it.
    (void)shape.toV1(document).dump(-1, ' ', false, json::error_handler_t::strict);
    return 0;
}
