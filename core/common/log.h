#pragma once
// Named spdlog loggers per component ("hcn.engine", "hcn.datapath" ...), created on first use.
// Level comes from HCN_LOG_LEVEL (trace, debug, info, warn, error, off; default warn).

#include <memory>
#include <spdlog/logger.h>
#include <string>

namespace hcn {

std::shared_ptr<spdlog::logger> componentLogger(const std::string& name);

} // namespace hcn
