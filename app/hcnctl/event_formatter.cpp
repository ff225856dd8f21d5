#include "event_formatter.h"

#include "hcn/utc_time.h"

#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace hcn::ctl {

namespace {

using PlainJson = nlohmann::json;

std::string typeName(NotificationType type)
{
    const std::string_view name = notificationTypeName(type);
    if (!name.empty())
        return std::string(name);
    char hex[16];
    std::snprintf(hex, sizeof hex, "0x%08X", static_cast<unsigned>(type));
    return hex;
}

/// The payload fields worth a glance, in this order, as key=value.
std::string summary(const PlainJson& payload)
{
    if (!payload.is_object())
        return {};
    static constexpr std::array<const char*, 12> kKeys{
        "Name",        "Type",      "ObjectType",  "RequestType",        "State",        "EndpointId",
        "ContainerId", "NetworkId", "NamespaceId", "HostComputeNetwork", "FrontendVIPs", "IpConfigurations"};
    std::string out;
    for (const char* key : kKeys) {
        auto it = payload.find(key);
        if (it == payload.end() || it->is_null())
            continue;
        std::string value;
        if (std::string_view(key) == "IpConfigurations") {
            for (const PlainJson& config : *it)
                if (config.is_object() && config.contains("IpAddress") && config["IpAddress"].is_string())
                    value += (value.empty() ? "" : ",") + config["IpAddress"].get<std::string>();
        } else if (it->is_string()) {
            value = it->get<std::string>();
        } else if (it->is_array()) {
            for (const PlainJson& item : *it)
                value +=
                    (value.empty() ? "" : ",") + (item.is_string() ? item.get<std::string>() : item.dump());
        } else if (it->is_primitive()) {
            value = it->dump();
        }
        if (value.empty())
            continue;
        out += (out.empty() ? "" : " ") +
               std::string(key == std::string_view("IpConfigurations") ? "IP" : key) + "=" + value;
    }
    return out;
}

} // namespace

std::string isoTime(EventClock::time_point time)
{
    return formatUtcMs(
        std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count());
}

std::string eventLine(const Notification& notification, EventClock::time_point received)
{
    const PlainJson base =
        notification.data.empty() ? PlainJson() : PlainJson::parse(notification.data, nullptr, false);
    std::string line = isoTime(received) + "  #" + std::to_string(notification.sequence) + "  " +
                       typeName(notification.type);
    if (base.is_object()) {
        line += "  " + base.value("ID", std::string("-"));
        if (auto data = base.find("Data"); data != base.end())
            if (std::string brief = summary(*data); !brief.empty())
                line += "  " + brief;
    }
    if (failed(notification.status))
        line += "  status=" + hresultHex(notification.status);
    return line;
}

std::string eventJsonLine(const Notification& notification, EventClock::time_point received)
{
    PlainJson data =
        notification.data.empty() ? PlainJson() : PlainJson::parse(notification.data, nullptr, false);
    if (data.is_discarded())
        data = notification.data; // not JSON: keep the text rather than lose it
    PlainJson out{{"Time", isoTime(received)},
                  {"Sequence", notification.sequence},
                  {"Type", static_cast<std::uint32_t>(notification.type)},
                  {"TypeName", typeName(notification.type)},
                  {"Status", notification.status},
                  {"Id", data.is_object() ? data.value("ID", PlainJson()) : PlainJson()},
                  {"Data", std::move(data)}};
    return out.dump();
}

std::string gapLine(std::uint64_t first, std::uint64_t last, bool json, EventClock::time_point received)
{
    const std::uint64_t count = last - first + 1;
    if (json)
        return nlohmann::json{
            {"Time", isoTime(received)},
            {"EventsDropped", {{"FirstSequence", first}, {"LastSequence", last}, {"Count", count}}}}
            .dump();
    return isoTime(received) + "  " + std::to_string(count) + " event(s) #" + std::to_string(first) + "-#" +
           std::to_string(last) +
           " were dropped by the service (this reader was too slow); list again to resynchronize";
}

} // namespace hcn::ctl
