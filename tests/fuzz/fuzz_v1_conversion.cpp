// v1 documents (Get-Hns* output, HNS REST bodies) into v2 and back: what every pasted customer dump
// goes through. Input: one selector byte (the kind), then the JSON text. Whatever the text, the
// conversion answers a Status and never throws; a converted document converts back to v1 as JSON.

#include "fuzz_support.h"
#include "hcn/json_limits.h"
#include "hcn/v1_conversion.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const unsigned selector = data[0] % 5;
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    if (!hcn::withinJsonDepth(text, hcn::kDefaultMaxJsonDepth))
        return 0; // the limit every reader applies before parsing
    nlohmann::json document = nlohmann::json::parse(text, nullptr, false);
    if (document.is_discarded())
        return 0;

    hcn::Status converted;
    switch (selector) {
    case 0:
        converted = hcn::schema::networkFromV1(document);
        break;
    case 1:
        converted = hcn::schema::endpointFromV1(document);
        break;
    case 2:
        converted = hcn::schema::namespaceFromV1(document);
        break;
    case 3:
        converted = hcn::schema::loadBalancerFromV1(document);
        break;
    default:
        converted = hcn::schema::endpointPolicyFromV1(document);
        break;
    }
    hcn::fuzz::expectReadableError(converted);
    if (!converted.ok() || !document.is_object())
        return 0;
    nlohmann::json back;
    switch (selector) {
    case 0:
        back = hcn::schema::networkToV1(document);
        break;
    case 1:
        back = hcn::schema::endpointToV1(document, nullptr);
        break;
    case 2:
        back = hcn::schema::namespaceToV1(document);
        break;
    case 3:
        back = hcn::schema::loadBalancerToV1(document);
        break;
    default:
        return 0;
    }
    // Strict: a string that is not valid UTF-8 throws, and the fuzzer reports it.
    (void)back.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
    return 0;
}
