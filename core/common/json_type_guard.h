#pragma once
// Documents from outside may hold a member of an unexpected JSON type where the engine's code expects
// another (a string `Flags`, an object where a list belongs). nlohmann::json throws for that; the API
// returns errors as values, so every entry point that reads such documents runs under this guard.

#include "hcn/hresult.h"
#include "hcn/status.h"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace hcn {

/// Runs `operation`; a JSON type error becomes HCN_E_INVALID_JSON naming `subject` ("a value", "a
/// snapshot document") instead of an exception. A Transaction inside rolls back as the exception unwinds.
template <typename F> auto guardJsonTypes(std::string_view subject, F&& operation) -> decltype(operation())
{
    try {
        return operation();
    } catch (const nlohmann::json::exception& error) {
        return Status(hr::InvalidJson, std::string(subject) + " has a value of an unexpected JSON type (" +
                                           error.what() + ").");
    }
}

} // namespace hcn
