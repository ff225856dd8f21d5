// What polling costs hcn::LibraryApi (docs/windows.md): one poll is a snapshot taken call by call
// (enumerate, open, query, close each object), timed here through our libcomputenetwork.so with N
// endpoints on one network; and the delay from a change to its polled event at the default interval.
//   bench_librarypoll LIBRARY [endpoints=1000] [samples=5]

#include "bench_timing.h"
#include "hcn/library_api.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <vector>

using hcnbench::Clock;
using hcnbench::median;
using hcnbench::millisecondsSince;

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s LIBRARY [endpoints=1000] [samples=5]\n", argv[0]);
        return 2;
    }
    const int endpoints = argc > 2 ? std::atoi(argv[2]) : 1000;
    const int samples = argc > 3 ? std::atoi(argv[3]) : 5;
    hcn::LibraryApiOptions options;
    options.path = argv[1];
    auto loaded = hcn::LibraryApi::load(options);
    if (!loaded.ok()) {
        std::fprintf(stderr, "%s\n", loaded.status().message().c_str());
        return 1;
    }
    hcn::LibraryApi& api = **loaded;
    auto net = api.create(hcn::ResourceKind::Network, {},
                          R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"poll","Type":"NAT",)"
                          R"("Ipams":[{"Type":"Static","Subnets":[{"IpAddressPrefix":"10.128.0.0/16"}]}]})",
                          0);
    if (!net.ok())
        return 1;
    for (int i = 0; i < endpoints; ++i) {
        auto ep = api.create(hcn::ResourceKind::Endpoint, {},
                             R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"e)" + std::to_string(i) + "\"}", *net);
        if (!ep.ok()) {
            std::fprintf(stderr, "endpoint %d: %s\n", i, ep.status().message().c_str());
            return 1;
        }
        (void)api.close(hcn::ResourceKind::Endpoint, *ep);
    }

    std::vector<double> polls;
    for (int s = 0; s < samples; ++s) {
        const auto start = Clock::now();
        auto snapshot = api.hcn::Api::snapshot("");
        if (!snapshot.ok())
            return 1;
        polls.push_back(millisecondsSince(start));
    }
    std::printf("one poll over %d endpoints: median %.1f ms (min %.1f, max %.1f)\n", endpoints, median(polls),
                *std::min_element(polls.begin(), polls.end()), *std::max_element(polls.begin(), polls.end()));

    // Change -> polled event, with the poller running at the default interval.
    std::mutex mutex;
    std::condition_variable arrived;
    Clock::time_point seen{};
    auto subscription = api.subscribe(
        [&](const hcn::Notification& n) {
            if (n.type != hcn::NotificationType::EndpointCreate)
                return;
            std::lock_guard lock(mutex);
            seen = Clock::now();
            arrived.notify_all();
        },
        {});
    if (!subscription.ok())
        return 1;
    std::vector<double> delays;
    for (int s = 0; s < samples; ++s) {
        const auto start = Clock::now();
        {
            std::lock_guard lock(mutex);
            seen = {};
        }
        auto ep = api.create(hcn::ResourceKind::Endpoint, {},
                             R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"late)" + std::to_string(s) + "\"}", *net);
        if (!ep.ok()) {
            std::fprintf(stderr, "%s\n", ep.status().message().c_str());
            return 1;
        }
        (void)api.close(hcn::ResourceKind::Endpoint, *ep);
        std::unique_lock lock(mutex);
        arrived.wait_for(lock, std::chrono::seconds(30), [&] { return seen != Clock::time_point{}; });
        delays.push_back(std::chrono::duration<double, std::milli>(seen - start).count());
    }
    api.unsubscribe(*subscription);
    std::printf("change -> polled event at the %lld ms interval: median %.0f ms (min %.0f, max %.0f)\n",
                static_cast<long long>(api.pollInterval().count()), median(delays),
                *std::min_element(delays.begin(), delays.end()), *std::max_element(delays.begin(), delays.end()));
    return 0;
}
