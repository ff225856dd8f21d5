// Load and soak through hcnd: W writer clients make mixed changes (endpoints created, modified and
// deleted, load balancers and namespaces created, attached and deleted) while S subscriber clients each
// keep a copy of the host from the service-wide notification stream.
//   load: every writer makes N operations as fast as it can; reports calls/s and call latency
//         (p50/p99/max).
//   soak: the writers together make R operations per second for D seconds; every interval it prints hcnd's
//         resident memory, open file descriptors and handles, and the objects alive.
// Either way it then checks what a subscriber must be able to rely on: every subscriber saw every
// notification once and in order (sequence numbers consecutive, none lost, duplicated or reordered) and
// its copy of the host equals the service's own snapshot. Exit status 1 when anything is off.
// Usage: bench_rpc_load [--writers 8] [--ops 10000] [--subscribers 4]
//                       [--soak SECONDS --rate OPS_PER_S [--interval SECONDS]]

#include "../process_memory.h"
#include "hcn/host_state.h"
#include "rpc_bench_support.h"

#include <atomic>
#include <condition_variable>
#include <cstring>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

namespace {

using hcn::ResourceKind;
using nlohmann::json;

struct Options
{
    int writers = 8;
    int ops = 10000;
    int subscribers = 4;
    int soakSeconds = 0;
    double rate = 0;
    int intervalSeconds = 60;
};

Options parseOptions(int argc, char** argv)
{
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i];
        const char* value = argv[i + 1];
        if (key == "--writers")
            o.writers = std::atoi(value);
        else if (key == "--ops")
            o.ops = std::atoi(value);
        else if (key == "--subscribers")
            o.subscribers = std::atoi(value);
        else if (key == "--soak")
            o.soakSeconds = std::atoi(value);
        else if (key == "--rate")
            o.rate = std::atof(value);
        else if (key == "--interval")
            o.intervalSeconds = std::atoi(value);
        else {
            std::fprintf(stderr, "unknown option %s\n", key.c_str());
            std::exit(2);
        }
    }
    if (o.writers < 1 || o.subscribers < 0 || (o.soakSeconds > 0 && o.rate <= 0)) {
        std::fprintf(stderr, "usage: bench_rpc_load [--writers N] [--ops N] [--subscribers N] "
                             "[--soak SECONDS --rate OPS_PER_S [--interval SECONDS]]\n");
        std::exit(2);
    }
    return o;
}

/// One subscriber's copy of the host and what it noticed about the stream.
struct Subscriber
{
    std::unique_ptr<hcn::RpcClient> client;
    std::mutex mutex;
    std::condition_variable advanced;
    hcn::HostState host;
    std::uint64_t lastSequence = 0;
    std::uint64_t events = 0;
    std::uint64_t outOfOrder = 0; ///< duplicated or earlier than the last one
    std::uint64_t lost = 0;       ///< sequence numbers skipped
    std::vector<std::string> surprises;

    void receive(const hcn::Notification& n)
    {
        std::lock_guard lock(mutex);
        if (n.type == hcn::NotificationType::ServiceDisconnect)
            return;
        if (lastSequence != 0 && n.sequence <= lastSequence)
            ++outOfOrder;
        else {
            if (lastSequence != 0)
                lost += n.sequence - lastSequence - 1;
            lastSequence = n.sequence;
        }
        ++events;
        (void)host.apply(n, &surprises);
        advanced.notify_all();
    }
};

std::string v2(json document)
{
    document["SchemaVersion"] = {{"Major", 2}, {"Minor", 0}};
    return document.dump();
}

/// One writer: a client and the objects it made that are still alive.
class Writer
{
public:
    Writer(int index, std::string networkId)
        : m_index(index), m_network(std::move(networkId)), m_random(static_cast<unsigned>(index) + 1)
    {
        const std::string name = "bench_rpc_load/writer-" + std::to_string(index);
        m_client = bench::connectClient(name.c_str());
        auto network = m_client->open(ResourceKind::Network, *hcn::Guid::parse(m_network));
        bench::check(network, "HcnOpenNetwork");
        m_networkHandle = *network;
    }

    /// One operation of the mix; false when a call failed that should not have.
    bool step()
    {
        ++m_operations;
        const int roll = std::uniform_int_distribution<int>(0, 99)(m_random);
        if (roll < 35 || m_endpoints.size() < 4)
            return m_endpoints.size() >= kMaxEndpoints ? deleteEndpoint() : createEndpoint();
        if (roll < 55)
            return modifyEndpoint();
        if (roll < 75)
            return deleteEndpoint();
        if (roll < 85)
            return m_loadBalancers.size() >= kMaxLoadBalancers ? deleteLoadBalancer() : createLoadBalancer();
        if (roll < 90)
            return deleteLoadBalancer();
        if (roll < 95)
            return m_namespaces.size() >= kMaxNamespaces ? deleteNamespace() : createNamespace();
        return deleteNamespace();
    }

    std::vector<double>& latencies() { return m_latencies; }
    std::uint64_t operations() const { return m_operations; }
    const std::string& firstError() const { return m_firstError; }

    void closeAll()
    {
        for (auto& [id, endpoint] : m_endpoints)
            (void)m_client->close(ResourceKind::Endpoint, endpoint.handle);
        (void)m_client->close(ResourceKind::Network, m_networkHandle);
    }

private:
    static constexpr std::size_t kMaxEndpoints = 60;
    static constexpr std::size_t kMaxLoadBalancers = 10;
    static constexpr std::size_t kMaxNamespaces = 6;

    struct Endpoint
    {
        hcn::Handle handle = 0;
        int policies = 0;
        bool attached = false;
    };

    template <typename Call> auto timed(Call&& call)
    {
        const auto start = bench::Clock::now();
        auto result = call();
        m_latencies.push_back(std::chrono::duration<double, std::micro>(bench::Clock::now() - start).count());
        return result;
    }

    bool fail(const hcn::Status& status, const char* what)
    {
        if (m_firstError.empty())
            m_firstError = std::string(what) + ": " + status.message();
        return false;
    }

    std::string pick(const auto& map)
    {
        auto it = map.begin();
        std::advance(it, std::uniform_int_distribution<std::size_t>(0, map.size() - 1)(m_random));
        return it->first;
    }

    bool createEndpoint()
    {
        const std::string name = "w" + std::to_string(m_index) + "-e" + std::to_string(m_created++);
        auto handle = timed([&] {
            return m_client->create(ResourceKind::Endpoint, {}, v2({{"Name", name}}), m_networkHandle);
        });
        if (!handle.ok())
            return fail(handle.status(), "HcnCreateEndpoint");
        auto id = m_client->handleId(ResourceKind::Endpoint, *handle);
        if (!id.ok())
            return fail(id.status(), "handle id");
        m_endpoints[id->toString()] = Endpoint{*handle};
        return true;
    }

    bool modifyEndpoint()
    {
        Endpoint& endpoint = m_endpoints[pick(m_endpoints)];
        const json acl = {{"Type", "ACL"},
                          {"Settings",
                           {{"Action", "Allow"},
                            {"Direction", "In"},
                            {"Protocols", "6"},
                            {"LocalPorts", std::to_string(1000 + endpoint.policies)},
                            {"Priority", 200 + endpoint.policies}}}};
        const json request = {{"ResourceType", "Policy"},
                              {"RequestType", "Add"},
                              {"Settings", {{"Policies", json::array({acl})}}}};
        auto status = timed([&] { return m_client->modify(ResourceKind::Endpoint, endpoint.handle, request.dump()); });
        if (!status.ok())
            return fail(status, "HcnModifyEndpoint");
        ++endpoint.policies;
        return true;
    }

    bool deleteEndpoint()
    {
        std::string victim;
        for (int attempt = 0; attempt < 8 && victim.empty(); ++attempt) {
            std::string id = pick(m_endpoints);
            if (!m_endpoints[id].attached)
                victim = id;
        }
        if (victim.empty())
            return true; // every endpoint tried is in a namespace; the next operation moves on
        (void)m_client->close(ResourceKind::Endpoint, m_endpoints[victim].handle);
        auto status = timed([&] { return m_client->remove(ResourceKind::Endpoint, *hcn::Guid::parse(victim)); });
        if (!status.ok())
            return fail(status, "HcnDeleteEndpoint");
        m_endpoints.erase(victim);
        return true;
    }

    bool createLoadBalancer()
    {
        const int n = m_vips++;
        const std::string vip = "10." + std::to_string(96 + m_index) + "." + std::to_string(n / 250 % 250) +
                                "." + std::to_string(n % 250 + 1);
        json backends = json::array({pick(m_endpoints), pick(m_endpoints)});
        const std::string document =
            v2({{"HostComputeEndpoints", backends},
                {"FrontendVIPs", json::array({vip})},
                {"PortMappings", json::array({{{"Protocol", 6}, {"InternalPort", 80}, {"ExternalPort", 80}}})}});
        auto handle = timed([&] { return m_client->create(ResourceKind::LoadBalancer, {}, document, 0); });
        if (!handle.ok())
            return fail(handle.status(), "HcnCreateLoadBalancer");
        auto id = m_client->handleId(ResourceKind::LoadBalancer, *handle);
        (void)m_client->close(ResourceKind::LoadBalancer, *handle);
        if (!id.ok())
            return fail(id.status(), "handle id");
        m_loadBalancers[id->toString()] = true;
        return true;
    }

    bool deleteLoadBalancer()
    {
        if (m_loadBalancers.empty())
            return createLoadBalancer();
        const std::string victim = pick(m_loadBalancers);
        auto status =
            timed([&] { return m_client->remove(ResourceKind::LoadBalancer, *hcn::Guid::parse(victim)); });
        if (!status.ok())
            return fail(status, "HcnDeleteLoadBalancer");
        m_loadBalancers.erase(victim);
        return true;
    }

    bool createNamespace()
    {
        auto handle = timed([&] { return m_client->create(ResourceKind::Namespace, {}, v2(json::object()), 0); });
        if (!handle.ok())
            return fail(handle.status(), "HcnCreateNamespace");
        auto id = m_client->handleId(ResourceKind::Namespace, *handle);
        if (!id.ok())
            return fail(id.status(), "handle id");
        std::string member;
        for (auto& [endpointId, endpoint] : m_endpoints) {
            if (!endpoint.attached) {
                member = endpointId;
                break;
            }
        }
        if (!member.empty()) {
            const json request = {
                {"ResourceType", "Endpoint"}, {"RequestType", "Add"}, {"Settings", {{"EndpointId", member}}}};
            auto status = timed([&] { return m_client->modify(ResourceKind::Namespace, *handle, request.dump()); });
            if (!status.ok())
                return fail(status, "HcnModifyNamespace (add endpoint)");
            m_endpoints[member].attached = true;
        }
        (void)m_client->close(ResourceKind::Namespace, *handle);
        m_namespaces[id->toString()] = member;
        return true;
    }

    bool deleteNamespace()
    {
        if (m_namespaces.empty())
            return createNamespace();
        const std::string victim = pick(m_namespaces);
        const std::string member = m_namespaces[victim];
        if (!member.empty()) {
            auto handle = m_client->open(ResourceKind::Namespace, *hcn::Guid::parse(victim));
            if (!handle.ok())
                return fail(handle.status(), "HcnOpenNamespace");
            const json request = {
                {"ResourceType", "Endpoint"}, {"RequestType", "Remove"}, {"Settings", {{"EndpointId", member}}}};
            auto status = timed([&] { return m_client->modify(ResourceKind::Namespace, *handle, request.dump()); });
            (void)m_client->close(ResourceKind::Namespace, *handle);
            if (!status.ok())
                return fail(status, "HcnModifyNamespace (remove endpoint)");
            m_endpoints[member].attached = false;
        }
        auto status = timed([&] { return m_client->remove(ResourceKind::Namespace, *hcn::Guid::parse(victim)); });
        if (!status.ok())
            return fail(status, "HcnDeleteNamespace");
        m_namespaces.erase(victim);
        return true;
    }

    int m_index;
    std::string m_network;
    std::mt19937 m_random;
    std::unique_ptr<hcn::RpcClient> m_client;
    hcn::Handle m_networkHandle = 0;
    std::map<std::string, Endpoint> m_endpoints;
    std::map<std::string, bool> m_loadBalancers;
    std::map<std::string, std::string> m_namespaces; ///< namespace ID -> the endpoint attached ("" none)
    std::vector<double> m_latencies;
    std::uint64_t m_operations = 0;
    int m_created = 0;
    int m_vips = 0;
    std::string m_firstError;
};

long long procStatusKiB(long pid, const char* field)
{
    return hcnbench::procStatusKiB(std::to_string(pid), field);
}

long long openFiles(long pid)
{
    DIR* dir = opendir(("/proc/" + std::to_string(pid) + "/fd").c_str());
    if (!dir)
        return -1;
    long long n = 0;
    while (const dirent* entry = readdir(dir))
        n += entry->d_name[0] != '.';
    closedir(dir);
    return n;
}

void printServiceSample(hcn::RpcClient& probe, double seconds, std::uint64_t operations)
{
    const long pid = bench::servicePid();
    auto info = probe.info();
    bench::check(info, "hcnd.info");
    std::printf("t=%6.0f s  ops %8llu  hcnd rss %6lld KiB  fds %4lld  threads %3lld  handles %5zu  "
                "endpoints %4zu  load balancers %3zu  namespaces %3zu\n",
                seconds, static_cast<unsigned long long>(operations), procStatusKiB(pid, "VmRSS:"),
                openFiles(pid), procStatusKiB(pid, "Threads:"), info->counts.openHandles, info->counts.endpoints,
                info->counts.loadBalancers, info->counts.namespaces);
    std::fflush(stdout);
}

/// Waits until every subscriber has seen `sequence`, then compares its copy with the service's snapshot.
/// Returns the number of problems printed.
int verifySubscribers(std::vector<std::unique_ptr<Subscriber>>& subscribers, hcn::RpcClient& probe)
{
    auto info = probe.info();
    bench::check(info, "hcnd.info");
    auto snapshot = probe.snapshot("");
    bench::check(snapshot, "hcnd snapshot");
    auto objects = hcn::parseHostSnapshot(*snapshot);
    bench::check(objects, "parse snapshot");
    std::map<std::string, std::string> truth;
    for (const auto& object : *objects)
        truth[object.id] = object.document ? object.document->dump() : "";

    int problems = 0;
    for (std::size_t i = 0; i < subscribers.size(); ++i) {
        Subscriber& s = *subscribers[i];
        std::unique_lock lock(s.mutex);
        if (!s.advanced.wait_for(lock, std::chrono::seconds(120), [&] { return s.lastSequence >= info->sequence; })) {
            std::printf("subscriber %zu: stuck at sequence %llu of %llu\n", i,
                        static_cast<unsigned long long>(s.lastSequence),
                        static_cast<unsigned long long>(info->sequence));
            ++problems;
            continue;
        }
        std::size_t differing = 0;
        std::size_t held = 0;
        for (auto kind : hcn::kResourceKinds) {
            for (const hcn::HostObject* object : s.host.objects(kind)) {
                ++held;
                auto it = truth.find(object->id);
                if (it == truth.end() || !object->document || object->document->dump() != it->second)
                    ++differing;
            }
        }
        differing += truth.size() > held ? truth.size() - held : 0;
        std::printf("subscriber %zu: %llu events, last sequence %llu, lost %llu, out of order %llu, surprises %zu, "
                    "objects %zu (service %zu), differing %zu\n",
                    i, static_cast<unsigned long long>(s.events), static_cast<unsigned long long>(s.lastSequence),
                    static_cast<unsigned long long>(s.lost), static_cast<unsigned long long>(s.outOfOrder),
                    s.surprises.size(), held, truth.size(), differing);
        if (s.lost || s.outOfOrder || !s.surprises.empty() || differing)
            ++problems;
        if (!s.surprises.empty())
            std::printf("  first surprise: %s\n", s.surprises.front().c_str());
    }
    return problems;
}

} // namespace

int main(int argc, char** argv)
{
    const Options options = parseOptions(argc, argv);
    auto probe = bench::connectClient("bench_rpc_load/probe");

    std::vector<std::unique_ptr<Subscriber>> subscribers;
    for (int i = 0; i < options.subscribers; ++i) {
        auto s = std::make_unique<Subscriber>();
        const std::string name = "bench_rpc_load/subscriber-" + std::to_string(i);
        s->client = bench::connectClient(name.c_str());
        Subscriber* raw = s.get();
        bench::check(s->client->subscribe([raw](const hcn::Notification& n) { raw->receive(n); }, {}), "subscribe");
        subscribers.push_back(std::move(s));
    }

    auto network = probe->create(
        ResourceKind::Network, {},
        v2({{"Name", "bench-load"},
            {"Type", "NAT"},
            {"Ipams", json::array({{{"Type", "Static"},
                                    {"Subnets", json::array({{{"IpAddressPrefix", "10.128.0.0/14"}}})}}})},
            {"MacPool", {{"Ranges", json::array({{{"StartMacAddress", "00-15-5D-00-00-00"},
                                                  {"EndMacAddress", "00-15-5D-0F-FF-FF"}}})}}}}),
        0);
    bench::check(network, "HcnCreateNetwork");
    auto networkId = probe->handleId(ResourceKind::Network, *network);
    bench::check(networkId, "network id");

    std::vector<std::unique_ptr<Writer>> writers;
    for (int i = 0; i < options.writers; ++i)
        writers.push_back(std::make_unique<Writer>(i, networkId->toString()));

    const bool soak = options.soakSeconds > 0;
    std::atomic<bool> failed{false};
    std::atomic<std::uint64_t> done{0};
    const auto start = bench::Clock::now();
    std::vector<std::thread> threads;
    for (auto& writer : writers) {
        threads.emplace_back([&, w = writer.get()] {
            const double perWriter = soak ? options.rate / options.writers : 0;
            for (std::uint64_t n = 0;; ++n) {
                if (soak) {
                    const auto due = start + std::chrono::duration_cast<bench::Clock::duration>(
                                                 std::chrono::duration<double>(static_cast<double>(n) / perWriter));
                    if (bench::secondsSince(start) >= options.soakSeconds)
                        break;
                    std::this_thread::sleep_until(due);
                } else if (n >= static_cast<std::uint64_t>(options.ops)) {
                    break;
                }
                if (!w->step()) {
                    failed = true;
                    break;
                }
                ++done;
            }
        });
    }
    if (soak) {
        for (int t = 0; t < options.soakSeconds; t += options.intervalSeconds) {
            printServiceSample(*probe, bench::secondsSince(start), done.load());
            std::this_thread::sleep_until(start + std::chrono::seconds(t + options.intervalSeconds));
        }
    }
    for (auto& thread : threads)
        thread.join();
    const double seconds = bench::secondsSince(start);

    std::vector<double> latencies;
    std::uint64_t operations = 0;
    for (auto& writer : writers) {
        operations += writer->operations();
        latencies.insert(latencies.end(), writer->latencies().begin(), writer->latencies().end());
        if (!writer->firstError().empty())
            std::printf("writer error: %s\n", writer->firstError().c_str());
    }
    const std::size_t calls = latencies.size();
    const double p50 = bench::quantile(latencies, 0.50);
    const double p99 = bench::quantile(latencies, 0.99);
    const double max = latencies.empty() ? 0 : latencies.back();
    std::printf("%d writers, %d subscribers: %llu operations (%zu timed calls) in %.2f s, %.0f calls/s; "
                "call latency p50 %.0f us, p99 %.0f us, max %.0f us\n",
                options.writers, options.subscribers, static_cast<unsigned long long>(operations), calls, seconds,
                static_cast<double>(calls) / seconds, p50, p99, max);
    if (soak)
        printServiceSample(*probe, seconds, operations);

    int problems = verifySubscribers(subscribers, *probe) + (failed ? 1 : 0);
    for (auto& writer : writers)
        writer->closeAll();
    writers.clear();
    (void)probe->close(ResourceKind::Network, *network);
    for (auto& s : subscribers)
        s->client.reset();
    probe.reset();
    std::printf(problems ? "FAILED: %d problem(s)\n" : "ok: every subscriber saw every change once, in order\n",
                problems);
    return bench::stopService() || problems ? 1 : 0;
}
