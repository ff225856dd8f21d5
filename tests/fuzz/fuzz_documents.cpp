// The documents a client hands the engine: create settings, modify requests and queries of every kind,
// v1 or v2. Input: one selector byte, then the document. A fresh engine holds one NAT network and one
// endpoint on it, so endpoint creates, modifies and queries reach past the parser. Whatever the document,
// the engine answers with a readable error or a result it can read back, and what it stored queries as
// well-formed JSON. Creates, enumerations and queries share one engine (what an input creates is
// deleted again); modifies get a fresh one, as they change the fixtures.

#include "fuzz_support.h"
#include "hcn/embedded_api.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace {

using hcn::ResourceKind;

constexpr std::string_view kNetwork =
    R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"fuzz","Type":"NAT",)"
    R"("Ipams":[{"Type":"Static","Subnets":[{"IpAddressPrefix":"10.9.0.0/24",)"
    R"("Routes":[{"NextHop":"10.9.0.1","DestinationPrefix":"0.0.0.0/0"}]}]}]})";
constexpr std::string_view kEndpoint = R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"fuzz-ep"})";

/// Reads back what a create or modify stored: the query must be well-formed JSON.
void readBack(hcn::Api& api, ResourceKind kind, hcn::Handle handle)
{
    for (std::string_view query : {std::string_view(), std::string_view(R"({"Flags":1})")}) {
        auto document = api.query(kind, handle, query);
        hcn::fuzz::expect(document.ok(), "an object the engine holds can be queried",
                          document.ok() ? std::string_view() : document.status().message());
        hcn::fuzz::expectJson(*document, "a query answers well-formed JSON");
    }
}

struct Fixture
{
    hcn::EmbeddedApi api;
    hcn::Handle network = 0;
    hcn::Handle endpoint = 0;

    Fixture()
    {
        auto created = api.create(ResourceKind::Network, {}, kNetwork, 0);
        hcn::fuzz::expect(created.ok(), "the fixture network is created");
        network = *created;
        created = api.create(ResourceKind::Endpoint, {}, kEndpoint, network);
        hcn::fuzz::expect(created.ok(), "the fixture endpoint is created");
        endpoint = *created;
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const unsigned selector = data[0];
    const std::string_view document(reinterpret_cast<const char*>(data + 1), size - 1);
    const ResourceKind kind = hcn::kResourceKinds[(selector & 0x0F) % hcn::kResourceKinds.size()];
    const unsigned operation = (selector >> 4) % 4;

    static Fixture shared;
    std::unique_ptr<Fixture> own = operation == 1 ? std::make_unique<Fixture>() : nullptr;
    Fixture& fixture = own ? *own : shared;
    hcn::Api& api = fixture.api;
    const hcn::Handle network = fixture.network;
    const hcn::Handle endpoint = fixture.endpoint;

    switch (operation) {
    case 0: { // create
        auto created = api.create(kind, {}, document, kind == ResourceKind::Endpoint ? network : 0);
        hcn::fuzz::expectReadableError(created.status());
        if (created.ok()) {
            readBack(api, kind, *created);
            auto id = api.handleId(kind, *created);
            hcn::fuzz::expect(id.ok(), "a created object has an ID");
            (void)api.close(kind, *created);
            const hcn::Status removed = api.remove(kind, *id);
            hcn::fuzz::expect(removed.ok(), "an object just created can be deleted", removed.message());
        }
        break;
    }
    case 1: { // modify the fixture network or endpoint
        const bool onEndpoint = (selector & 1) != 0;
        const ResourceKind target = onEndpoint ? ResourceKind::Endpoint : ResourceKind::Network;
        const hcn::Handle handle = onEndpoint ? endpoint : network;
        const hcn::Status modified = api.modify(target, handle, document);
        hcn::fuzz::expectReadableError(modified);
        readBack(api, target, handle);
        break;
    }
    case 2: { // enumerate with a query
        auto listed = api.enumerate(kind, document);
        hcn::fuzz::expectReadableError(listed.status());
        if (listed.ok())
            hcn::fuzz::expectJson(*listed, "an enumeration is well-formed JSON");
        break;
    }
    default: { // query the fixtures with a query document
        const bool onEndpoint = (selector & 1) != 0;
        auto answered = api.query(onEndpoint ? ResourceKind::Endpoint : ResourceKind::Network,
                                  onEndpoint ? endpoint : network, document);
        hcn::fuzz::expectReadableError(answered.status());
        if (answered.ok())
            hcn::fuzz::expectJson(*answered, "a query answers well-formed JSON");
        break;
    }
    }
    return 0;
}
