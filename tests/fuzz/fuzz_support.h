#pragma once
// What every fuzz target shares: a failed expectation aborts (libFuzzer keeps the input that did it),
// and the checks every answer of the product must pass whatever the input was.

#include "common/utf8.h"
#include "hcn/api.h"
#include "hcn/guid.h"
#include "hcn/host_state.h"
#include "hcn/resource_kind.h"
#include "hcn/status.h"

#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string_view>

namespace hcn::fuzz {

[[noreturn]] inline void violated(const char* what, std::string_view detail = {})
{
    std::fprintf(stderr, "fuzz expectation violated: %s\n%.*s\n", what, int(detail.size()), detail.data());
    std::abort();
}

inline void expect(bool condition, const char* what, std::string_view detail = {})
{
    if (!condition)
        violated(what, detail);
}

/// A failure carries a failure HRESULT and a message a user can read (valid UTF-8, not empty).
inline void expectReadableError(const Status& status)
{
    if (status.ok())
        return;
    expect(failed(status.code()), "a failed Status carries a failure HRESULT", status.message());
    expect(!status.message().empty(), "a failure has a message");
    expect(isValidUtf8(status.message()), "error messages are valid UTF-8", status.message());
}

/// Whatever the product answered as a document is one well-formed JSON value.
inline void expectJson(std::string_view text, const char* what)
{
    expect(nlohmann::json::accept(text), what, text.substr(0, 400));
}

/// Deletes every object the host holds, those others refer to last (load balancers, routes and guest
/// network services, then endpoints, namespaces, networks), so the next input starts from an empty
/// host without the cost of a new engine. False when something stayed.
inline bool clearHost(Api& api)
{
    bool cleared = true;
    for (int rank = 3; rank >= 0; --rank) {
        for (ResourceKind kind : kResourceKinds) {
            if (dependencyRank(kind) != rank)
                continue;
            auto listed = api.enumerate(kind, "");
            if (!listed.ok())
                return false;
            for (const auto& id : nlohmann::json::parse(*listed, nullptr, false)) {
                const auto guid = id.is_string() ? Guid::parse(id.get<std::string>()) : std::nullopt;
                cleared = guid && api.remove(kind, *guid).ok() && cleared;
            }
        }
    }
    return cleared;
}

} // namespace hcn::fuzz
