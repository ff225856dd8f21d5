#pragma once
// Members of a policy's settings (and of a load balancer's port mappings) read for the Linux datapath
// without throwing: a member of another JSON type, or a number out of its range, is refused with the
// HRESULT the engine gives it and a message naming the member, never a nlohmann type_error. Absent or
// null members take the value HNS takes for them.

#include "hcn/hresult.h"
#include "hcn/status.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace hcn::linuxdp {

/// A string member; absent or null: `fallback`.
Result<std::string> textSetting(const nlohmann::ordered_json& object, const char* key, std::string fallback,
                                const std::string& where, HResult code = hr::InvalidPolicy);

/// A whole number from 0 to `max`; absent or null: `fallback`.
Result<std::uint64_t> numberSetting(const nlohmann::ordered_json& object, const char* key,
                                    std::uint64_t fallback, std::uint64_t max, const std::string& where,
                                    HResult code = hr::InvalidPolicy);

/// A member of the schema enumeration `enumName` (hcn-schema-catalog.json) as the engine takes it: a whole
/// number from 0 to `max` or a value's name in any case ("TCP", "SourceIP"), read as its number; absent or
/// null: `fallback`. A number written as text ("6") is no name and is refused, as the engine refuses it.
Result<std::uint64_t> enumSetting(const nlohmann::ordered_json& object, const char* key,
                                  std::string_view enumName, std::uint64_t fallback, std::uint64_t max,
                                  const std::string& where, HResult code = hr::InvalidPolicy);

/// A port mapping's `Protocol`: a ProtocolType (6, "TCP", "udp") or any IP protocol number up to 255;
/// absent or null: TCP (6).
Result<std::uint32_t> protocolSetting(const nlohmann::ordered_json& object, const std::string& where,
                                      HResult code = hr::InvalidPolicy);

/// The object member `key`, or an empty object when it is absent or of another type (what the
/// engine's validation lets through is an object; a plan reads a stray value as nothing set).
const nlohmann::ordered_json& objectSetting(const nlohmann::ordered_json& object, const char* key);

} // namespace hcn::linuxdp
