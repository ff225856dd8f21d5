// A client process for tests/rpc: connects to hcnd, creates a network and an endpoint, keeps their
// handles and a second handle open, subscribes, prints "ready" and then waits to be killed.

#include "hcn/rpc_client.h"

#include <cstdio>
#include <iostream>
#include <string>

int main(int argc, char** argv)
{
    if (argc != 3) {
        std::cerr << "usage: rpc_test_client SOCKET NETWORK-NAME\n";
        return 2;
    }
    hcn::RpcClientOptions options;
    options.endpoint = argv[1];
    options.clientName = "rpc_test_client/1";
    auto client = hcn::RpcClient::connect(options);
    if (!client.ok()) {
        std::cerr << client.status().message() << '\n';
        return 1;
    }
    const std::string network =
        R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":")" + std::string(argv[2]) + R"(","Type":"NAT"})";
    auto net = (*client)->create(hcn::ResourceKind::Network, {}, network, 0);
    if (!net.ok()) {
        std::cerr << net.status().message() << '\n';
        return 1;
    }
    auto ep = (*client)->create(hcn::ResourceKind::Endpoint, {},
                                R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"held"})", *net);
    auto id = (*client)->handleId(hcn::ResourceKind::Network, *net);
    auto again =
        id.ok() ? (*client)->open(hcn::ResourceKind::Network, *id) : hcn::Result<hcn::Handle>(id.status());
    auto subscription = (*client)->subscribe([](const hcn::Notification&) {}, {});
    if (!ep.ok() || !again.ok() || !subscription.ok()) {
        std::cerr << "setup failed\n";
        return 1;
    }
    std::cout << "ready" << std::endl;
    std::string line;
    while (std::getline(std::cin, line)) {
    }
    return 0;
}
