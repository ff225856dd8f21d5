// Notification latency through hcnd: one client creates endpoints, another client's subscription
// callback receives the HcnExtEndpointCreate events. Latency is from the moment right before the create
// call is made to the moment the callback starts (both clients live in this process, so one clock).
//   paced:        the next create starts after the previous event arrived (latency of one change)
//   back-to-back: creates as fast as the writer can make them (latency under a stream of changes)
// Usage: bench_rpc_notify [changes=5000]

#include "rpc_bench_support.h"

#include <condition_variable>
#include <mutex>

namespace {

using hcn::ResourceKind;

struct Receiver
{
    std::mutex mutex;
    std::condition_variable arrived;
    std::vector<bench::Clock::time_point> times;
    std::size_t expected = 0;
};

void report(const char* mode, const std::vector<bench::Clock::time_point>& sent,
            const std::vector<bench::Clock::time_point>& received, double seconds)
{
    std::vector<double> latencies;
    for (std::size_t i = 0; i < sent.size(); ++i)
        latencies.push_back(std::chrono::duration<double, std::milli>(received[i] - sent[i]).count());
    const double p50 = bench::quantile(latencies, 0.50);
    const double p99 = bench::quantile(latencies, 0.99);
    const double max = latencies.back();
    std::printf("%-13s %zu changes in %.3f s: change->callback p50 %.3f ms, p99 %.3f ms, max %.3f ms\n", mode,
                sent.size(), seconds, p50, p99, max);
}

} // namespace

int main(int argc, char** argv)
{
    const int changes = argc > 1 ? std::atoi(argv[1]) : 5000;
    auto writer = bench::connectClient("bench_rpc_notify/writer");
    auto subscriber = bench::connectClient("bench_rpc_notify/subscriber");

    Receiver receiver;
    auto subscription = subscriber->subscribe(
        [&receiver](const hcn::Notification& n) {
            const auto now = bench::Clock::now(); // first thing: the callback has started
            if (n.type != hcn::NotificationType::EndpointCreate)
                return;
            std::lock_guard lock(receiver.mutex);
            receiver.times.push_back(now);
            receiver.arrived.notify_all();
        },
        {});
    bench::check(subscription, "subscribe");

    auto network =
        writer->create(ResourceKind::Network, {},
                       R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"bench-notify","Type":"NAT",
        "Ipams":[{"Type":"Static","Subnets":[{"IpAddressPrefix":"10.128.0.0/14"}]}],
        "MacPool":{"Ranges":[{"StartMacAddress":"00-15-5D-00-00-00","EndMacAddress":"00-15-5D-0F-FF-FF"}]}})",
                       0);
    bench::check(network, "HcnCreateNetwork");

    int created = 0;
    for (const bool paced : {true, false}) {
        {
            std::lock_guard lock(receiver.mutex);
            receiver.times.clear();
        }
        std::vector<bench::Clock::time_point> sent;
        sent.reserve(static_cast<std::size_t>(changes));
        const auto start = bench::Clock::now();
        for (int i = 0; i < changes; ++i) {
            const std::string doc = R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"latency-)" +
                                    std::to_string(created++) + "\"}";
            sent.push_back(bench::Clock::now());
            auto endpoint = writer->create(ResourceKind::Endpoint, {}, doc, *network);
            bench::check(endpoint, "HcnCreateEndpoint");
            (void)writer->close(ResourceKind::Endpoint, *endpoint);
            if (paced) {
                std::unique_lock lock(receiver.mutex);
                receiver.arrived.wait(lock, [&] { return receiver.times.size() == sent.size(); });
            }
        }
        std::vector<bench::Clock::time_point> received;
        {
            std::unique_lock lock(receiver.mutex);
            if (!receiver.arrived.wait_for(lock, std::chrono::seconds(60),
                                           [&] { return receiver.times.size() == sent.size(); })) {
                std::fprintf(stderr, "only %zu of %zu events arrived\n", receiver.times.size(), sent.size());
                return 1;
            }
            received = receiver.times;
        }
        report(paced ? "paced" : "back-to-back", sent, received, bench::secondsSince(start));
    }
    subscriber->unsubscribe(*subscription);
    subscriber.reset();
    writer.reset();
    return bench::stopService();
}
