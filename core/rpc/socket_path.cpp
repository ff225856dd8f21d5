// defaultSocketPath(): where hcnd listens and clients look by default (docs/rpc.md).

#include "hcn/rpc_client.h"

#include <cstdlib>
#include <unistd.h>

namespace hcn {

std::string defaultSocketPath()
{
    if (geteuid() == 0)
        return "/run/hcn/hcnd.sock";
    if (const char* runtime = std::getenv("XDG_RUNTIME_DIR"); runtime && *runtime)
        return std::string(runtime) + "/hcnd.sock";
    return "/tmp/hcnd-" + std::to_string(geteuid()) + ".sock";
}

} // namespace hcn
