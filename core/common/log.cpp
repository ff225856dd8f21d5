#include "common/log.h"

#include <cstdlib>
#include <mutex>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace hcn {

std::shared_ptr<spdlog::logger> componentLogger(const std::string& name)
{
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    if (auto existing = spdlog::get(name))
        return existing;
    auto logger = spdlog::stderr_color_mt(name);
    const char* level = std::getenv("HCN_LOG_LEVEL");
    logger->set_level(level && *level ? spdlog::level::from_str(level) : spdlog::level::warn);
    return logger;
}

} // namespace hcn
