#pragma once
// ServiceOptions: hcnd's command line (docs/rpc.md), parsed and checked before anything starts.

#include "hcn/datapath.h"
#include "hcn/json_limits.h"
#include "hcn/status.h"

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace hcn::rpc {

struct ServiceOptions
{
    std::string socketPath; ///< empty: defaultSocketPath()
    std::string group;      ///< empty: "hcn" when it exists, else the primary group
    std::string datapath = "simulated";
    std::string tcpHost;        ///< empty: no TCP listener
    unsigned short tcpPort = 0; ///< 0 with a host: any free port (the log says which)
    std::string tlsCertFile;
    std::string tlsKeyFile;
    std::string tokenFile;
    std::size_t maxMessageBytes = 16u * 1024u * 1024u;
    int maxJsonDepth = kDefaultMaxJsonDepth;
    std::size_t clientQueue = 10000;
    unsigned threads = 2;
    /// After answering, how long a connection keeps its I/O thread polling for the client's next
    /// request before the thread sleeps (0: sleep at once). See docs/rpc.md, "Staying awake".
    std::chrono::microseconds keepAwake{50};
    std::string logLevel = "info";
    bool help = false;

    bool tcpEnabled() const { return !tcpHost.empty(); }
};

/// Parses `args` (without the program name). A bad option, a missing value or an incomplete TCP/TLS
/// set fails with E_INVALIDARG and a message naming the option.
Result<ServiceOptions> parseServiceOptions(const std::vector<std::string>& args);

/// The --help text.
std::string serviceUsage();

/// Whether this build has the Linux datapath (libnl-route and libnftables were found).
bool linuxDatapathBuiltIn();

/// The datapath named by --datapath: null for "simulated" (the engine's default), the opened Linux
/// datapath for "linux" (its start removes an earlier run's leftovers), else an error.
Result<std::shared_ptr<Datapath>> makeServiceDatapath(const std::string& name);

} // namespace hcn::rpc
