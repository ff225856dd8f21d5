// hcnd: the HCN service. All logic lives in hcn_rpc (rpc::ServiceOptions, rpc::Server).

#include "hcn/rpc_server.h"
#include "hcn/rpc_service_options.h"

#include <csignal>
#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv)
{
    const std::vector<std::string> args(argv + 1, argv + argc);
    auto options = hcn::rpc::parseServiceOptions(args);
    if (!options.ok()) {
        std::cerr << "hcnd: " << options.status().detail() << '\n';
        return 2;
    }
    if (options->help) {
        std::cout << hcn::rpc::serviceUsage();
        return 0;
    }
    // A client that vanishes mid-write must cost an error code, not the process.
    std::signal(SIGPIPE, SIG_IGN);
    hcn::rpc::Server server(std::move(*options));
    if (hcn::Status s = server.start(); !s.ok()) {
        std::cerr << "hcnd: " << s.detail() << '\n';
        return 1;
    }
    return server.run();
}
