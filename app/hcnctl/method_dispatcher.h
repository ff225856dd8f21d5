#pragma once
// MethodDispatcher: the hcnd JSON-RPC methods (docs/rpc.md) served by any hcn::Api inside this process,
// so `hcnctl call` and `hcnctl batch` behave the same with --embedded as against a running hcnd.

#include "hcn/api.h"

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

namespace hcn::ctl {

class MethodDispatcher
{
public:
    explicit MethodDispatcher(Api& api);

    /// Runs `method` with `paramsJson` (a JSON object, or empty for none) and returns the result as JSON
    /// text, exactly as hcnd would answer it. HCN failures carry the engine's HRESULT; as RpcClient::call
    /// reports the service's protocol errors, an unknown method fails with E_NOTIMPL and malformed
    /// parameters with E_INVALIDARG, each naming what is wrong.
    Result<std::string> call(std::string_view method, std::string_view paramsJson);

private:
    Result<std::string> callResourceMethod(std::string_view method, const nlohmann::ordered_json& params);
    Result<std::string> callServiceMethod(std::string_view method, const nlohmann::ordered_json& params);
    Result<std::string> callPortMethod(std::string_view method, const nlohmann::ordered_json& params);
    Result<std::string> serviceInfo(bool withCounts);

    Api& m_api;
};

} // namespace hcn::ctl
