// Concurrency: eight threads hammer one engine (endpoints on two shared NAT networks, port mappings,
// namespace attach/detach, load balancers, deletes, enumerate and query) for a bounded number of operations;
// afterwards the engine's bookkeeping must be consistent and a subscriber that applied every notification
// must hold exactly what enumerate reports.

#include "engine_harness.h"
#include "engine_invariants.h"
#include "hcn/ip_address.h"

#include <QElapsedTimer>
#include <atomic>
#include <map>
#include <random>
#include <set>
#include <thread>

using namespace hcntest;
using hcn::ResourceKind;

namespace {
// ---- the stress run ----

/// Object IDs the threads share; picks may be stale on purpose (another thread deleted the object).
class Registry
{
public:
    void add(const hcn::Guid& id)
    {
        std::lock_guard lock(m_mutex);
        m_ids.push_back(id);
    }
    void drop(const hcn::Guid& id)
    {
        std::lock_guard lock(m_mutex);
        m_ids.erase(std::remove(m_ids.begin(), m_ids.end(), id), m_ids.end());
    }
    std::optional<hcn::Guid> pick(std::mt19937& rng)
    {
        std::lock_guard lock(m_mutex);
        if (m_ids.empty())
            return std::nullopt;
        return m_ids[std::uniform_int_distribution<std::size_t>(0, m_ids.size() - 1)(rng)];
    }

private:
    std::mutex m_mutex;
    std::vector<hcn::Guid> m_ids;
};

enum Op
{
    CreateEndpoint,
    ModifyPolicy,
    Attach,
    Detach,
    CreateLb,
    ReplaceLb,
    DeleteLb,
    DeleteEndpoint,
    EnumerateQuery,
    OpCount
};
const char* const kOpNames[] = {"create endpoint", "modify policy",   "attach",
                                "detach",          "create LB",       "replace LB",
                                "delete LB",       "delete endpoint", "enumerate+query"};

struct Stress
{
    explicit Stress(Harness& harness) : h(harness) {}

    Harness& h;
    std::vector<hcn::Handle> networks;
    std::vector<hcn::Handle> namespaces;
    std::vector<hcn::Guid> namespaceIds;
    Registry endpoints;
    Registry lbs;
    std::mutex errorMutex;
    QStringList errors;
    std::array<std::atomic<int>, OpCount> succeeded{};
    std::atomic<int> portConflicts{0};

    void check(int thread, Op op, const hcn::Status& status, std::initializer_list<hcn::HResult> allowed)
    {
        if (status.ok()) {
            ++succeeded[op];
            return;
        }
        if (status.code() == hcn::hr::PortAlreadyExists)
            ++portConflicts;
        for (auto code : allowed)
            if (status.code() == code)
                return;
        std::lock_guard lock(errorMutex);
        errors << QString("thread %1, %2: unexpected %3 %4")
                      .arg(thread)
                      .arg(kOpNames[op])
                      .arg(qs(hcn::hresultHex(status.code())), qs(status.message()));
    }

    static json lbDoc(std::mt19937& rng, const std::vector<hcn::Guid>& backends)
    {
        json ids = json::array();
        for (const auto& b : backends)
            ids.push_back(b.toString());
        const int port = std::uniform_int_distribution<int>(40000, 40011)(rng);
        return v2({{"HostComputeEndpoints", ids},
                   {"FrontendVIPs", {"10.0.0.100"}},
                   {"PortMappings", {{{"Protocol", 6}, {"InternalPort", 80}, {"ExternalPort", port}}}}});
    }

    json randomMapping(std::mt19937& rng)
    {
        const int port = std::uniform_int_distribution<int>(30000, 30023)(rng);
        return {{"Type", "PortMapping"},
                {"Settings", {{"Protocol", 6}, {"InternalPort", 80}, {"ExternalPort", port}}}};
    }

    void run(int thread, std::uint32_t seed, int operations)
    {
        std::mt19937 rng(seed);
        // Weights: creates outnumber deletes so the population grows while it churns.
        std::discrete_distribution<int> opDist({4, 3, 3, 2, 2, 2, 1, 2, 2});
        auto coin = [&](int percent) { return std::uniform_int_distribution<int>(0, 99)(rng) < percent; };
        for (int i = 0; i < operations; ++i) {
            const Op op = Op(opDist(rng));
            switch (op) {
            case CreateEndpoint: {
                json doc = v2({{"Name", "t" + std::to_string(thread) + "-" + std::to_string(i)}});
                if (coin(40))
                    doc["Policies"] = json::array({randomMapping(rng)});
                auto r = h.engine.create(ResourceKind::Endpoint, hcn::Guid{}, doc.dump(),
                                         networks[std::size_t(rng() % networks.size())]);
                check(thread, op, r.ok() ? hcn::Status() : r.status(), {hcn::hr::PortAlreadyExists});
                if (r.ok()) {
                    if (auto id = h.engine.handleId(ResourceKind::Endpoint, *r); id.ok())
                        endpoints.add(*id);
                    (void)h.engine.close(ResourceKind::Endpoint, *r);
                }
                break;
            }
            case ModifyPolicy: {
                auto id = endpoints.pick(rng);
                if (!id)
                    break;
                auto handle = h.engine.open(ResourceKind::Endpoint, *id);
                if (!handle.ok()) {
                    check(thread, op, handle.status(), {hcn::hr::EndpointNotFound});
                    break;
                }
                const int choice = int(rng() % 3);
                const char* type = choice == 0 ? "Add" : choice == 1 ? "Remove" : "Update";
                json policies = json::array({randomMapping(rng)});
                json request{{"ResourceType", "Policy"},
                             {"RequestType", type},
                             {"Settings", {{"Policies", policies}}}};
                check(thread, op, h.engine.modify(ResourceKind::Endpoint, *handle, request.dump()),
                      {hcn::hr::PortAlreadyExists, hcn::hr::PolicyAlreadyExists, hcn::hr::PolicyNotFound,
                       hcn::hr::ObjectUsedAfterUnload});
                (void)h.engine.close(ResourceKind::Endpoint, *handle);
                break;
            }
            case Attach:
            case Detach: {
                auto id = endpoints.pick(rng);
                if (!id)
                    break;
                const std::size_t ns = rng() % namespaces.size();
                json request{{"ResourceType", "Endpoint"},
                             {"RequestType", op == Attach ? "Add" : "Remove"},
                             {"Settings", {{"EndpointId", id->toString()}}}};
                check(thread, op, h.engine.modify(ResourceKind::Namespace, namespaces[ns], request.dump()),
                      {hcn::hr::EndpointNotFound, op == Attach ? hcn::hr::EndpointNamespaceAlreadyExists
                                                               : hcn::hr::EndpointNotAttached});
                break;
            }
            case CreateLb: {
                std::vector<hcn::Guid> backends;
                for (int n = 1 + int(rng() % 3); n > 0; --n)
                    if (auto id = endpoints.pick(rng))
                        backends.push_back(*id);
                auto r =
                    h.engine.create(ResourceKind::LoadBalancer, hcn::Guid{}, lbDoc(rng, backends).dump());
                check(thread, op, r.ok() ? hcn::Status() : r.status(),
                      {hcn::hr::EndpointNotFound, hcn::hr::PortAlreadyExists});
                if (r.ok()) {
                    if (auto id = h.engine.handleId(ResourceKind::LoadBalancer, *r); id.ok())
                        lbs.add(*id);
                    (void)h.engine.close(ResourceKind::LoadBalancer, *r);
                }
                break;
            }
            case ReplaceLb: {
                auto id = lbs.pick(rng);
                if (!id)
                    break;
                auto handle = h.engine.open(ResourceKind::LoadBalancer, *id);
                if (!handle.ok()) {
                    check(thread, op, handle.status(), {hcn::hr::ElementNotFound});
                    break;
                }
                std::vector<hcn::Guid> backends;
                if (auto e = endpoints.pick(rng))
                    backends.push_back(*e);
                check(
                    thread, op,
                    h.engine.modify(ResourceKind::LoadBalancer, *handle, lbDoc(rng, backends).dump()),
                    {hcn::hr::EndpointNotFound, hcn::hr::PortAlreadyExists, hcn::hr::ObjectUsedAfterUnload});
                (void)h.engine.close(ResourceKind::LoadBalancer, *handle);
                break;
            }
            case DeleteLb: {
                auto id = lbs.pick(rng);
                if (!id)
                    break;
                const hcn::Status s = h.engine.remove(ResourceKind::LoadBalancer, *id);
                check(thread, op, s, {hcn::hr::ElementNotFound});
                if (s.ok())
                    lbs.drop(*id);
                break;
            }
            case DeleteEndpoint: {
                auto id = endpoints.pick(rng);
                if (!id)
                    break;
                const hcn::Status s = h.engine.remove(ResourceKind::Endpoint, *id);
                check(thread, op, s, {hcn::hr::EndpointNotFound});
                if (s.ok())
                    endpoints.drop(*id);
                break;
            }
            case EnumerateQuery: {
                auto list = h.engine.enumerate(ResourceKind::Endpoint, "");
                check(thread, op, list.ok() ? hcn::Status() : list.status(), {});
                if (!list.ok())
                    break;
                const json ids = json::parse(*list);
                if (ids.empty())
                    break;
                const auto& pickId = ids[rng() % ids.size()];
                auto handle = h.engine.open(ResourceKind::Endpoint, guid(pickId.get<std::string>()));
                if (!handle.ok()) {
                    check(thread, op, handle.status(), {hcn::hr::EndpointNotFound});
                    break;
                }
                auto doc = h.engine.query(ResourceKind::Endpoint, *handle, R"({"Flags":1})");
                check(thread, op, doc.ok() ? hcn::Status() : doc.status(), {hcn::hr::ObjectUsedAfterUnload});
                if (doc.ok() && json::parse(*doc).value("IpConfigurations", json::array()).empty()) {
                    std::lock_guard lock(errorMutex);
                    errors << "an endpoint was queried without its address: " + qs(*doc);
                }
                (void)h.engine.close(ResourceKind::Endpoint, *handle);
                break;
            }
            case OpCount:
                break;
            }
        }
    }
};

int envInt(const char* name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok ? value : fallback;
}

} // namespace

class TestEngineConcurrency : public QObject
{
    Q_OBJECT

private slots:
    void invariantsCatchInconsistency();
    void parallelClientsKeepTheEngineConsistent();
};

// The checker must be able to fail: feed it an engine whose datapath and subscriber disagree with it.
void TestEngineConcurrency::invariantsCatchInconsistency()
{
    Harness h;
    Mirror mirror(h.engine);
    auto net = h.create(ResourceKind::Network, natNetwork("n"));
    HCN_VERIFY_OK(net);
    HCN_VERIFY_OK(h.create(ResourceKind::Endpoint, v2({{"Name", "e"}}), *net));
    QVERIFY2(checkInvariants(h, &mirror).isEmpty(), qPrintable(checkInvariants(h, &mirror).join('\n')));

    h.datapath->reset(); // the engine still believes both objects are programmed
    const QStringList problems = checkInvariants(h, &mirror);
    QVERIFY(problems.join('\n').contains("the datapath programs 0"));

    Harness other;
    auto otherNet = other.create(ResourceKind::Network, natNetwork("m"));
    HCN_VERIFY_OK(otherNet);
    Mirror late(other.engine); // subscribed after the network was announced
    HCN_VERIFY_OK(other.create(ResourceKind::Endpoint, v2({{"Name", "e"}}), *otherNet));
    QVERIFY(checkInvariants(other, &late).join('\n').contains("the subscriber never heard of Network"));
}

void TestEngineConcurrency::parallelClientsKeepTheEngineConsistent()
{
    const std::uint32_t seed =
        std::uint32_t(envInt("HCN_STRESS_SEED", int(std::random_device{}() & 0x7fffffff)));
    const int threads = 8;
    const int operations = envInt("HCN_STRESS_OPERATIONS", 500);
    qInfo("seed %u (replay with HCN_STRESS_SEED=%u), %d threads x %d operations", seed, seed, threads,
          operations);

    Harness h;
    Mirror mirror(h.engine);
    Stress stress(h);
    for (const auto& [name, prefix, gateway] : {std::tuple{"shared-a", "172.30.0.0/20", "172.30.0.1"},
                                                std::tuple{"shared-b", "172.31.0.0/20", "172.31.0.1"}}) {
        auto net = h.create(ResourceKind::Network, natNetwork(name, prefix, gateway));
        HCN_VERIFY_OK(net);
        stress.networks.push_back(*net);
    }
    for (int i = 0; i < 3; ++i) {
        auto ns = h.create(ResourceKind::Namespace, v2({{"Name", "ns" + std::to_string(i)}}));
        HCN_VERIFY_OK(ns);
        stress.namespaces.push_back(*ns);
    }

    QElapsedTimer timer;
    timer.start();
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t)
        workers.emplace_back(
            [&stress, t, seed, operations] { stress.run(t, seed + std::uint32_t(t), operations); });
    for (auto& w : workers)
        w.join();
    h.engine.drainNotifications();
    qInfo("%d operations in %lld ms: %d endpoint creates, %d policy modifies, %d attaches, %d detaches, %d "
          "LB creates, "
          "%d LB replaces, %d LB deletes, %d endpoint deletes; %d port conflicts; %zu endpoints and %zu LBs "
          "remain",
          threads * operations, timer.elapsed(), stress.succeeded[CreateEndpoint].load(),
          stress.succeeded[ModifyPolicy].load(), stress.succeeded[Attach].load(),
          stress.succeeded[Detach].load(), stress.succeeded[CreateLb].load(),
          stress.succeeded[ReplaceLb].load(), stress.succeeded[DeleteLb].load(),
          stress.succeeded[DeleteEndpoint].load(), stress.portConflicts.load(), h.engine.counts().endpoints,
          h.engine.counts().loadBalancers);

    QVERIFY2(stress.errors.isEmpty(),
             qPrintable(QString("seed %1:\n").arg(seed) + stress.errors.mid(0, 20).join('\n')));
    // The run did what it claims to: every kind of change happened and port mappings did collide.
    for (int op = 0; op < EnumerateQuery; ++op)
        QVERIFY2(stress.succeeded[std::size_t(op)] > 0,
                 qPrintable(QString("seed %1: no %2 succeeded").arg(seed).arg(kOpNames[op])));
    QVERIFY2(stress.portConflicts > 0,
             qPrintable(QString("seed %1: no port mapping ever collided").arg(seed)));

    const QStringList problems = checkInvariants(h, &mirror);
    QVERIFY2(problems.isEmpty(),
             qPrintable(QString("seed %1:\n").arg(seed) + problems.mid(0, 30).join('\n')));
    // Every thread closed what it opened: only the setup's handles remain.
    QCOMPARE(h.engine.counts().openHandles, stress.networks.size() + stress.namespaces.size());
}

QTEST_GUILESS_MAIN(TestEngineConcurrency)
#include "tst_engineconcurrency.moc"
