#include "hcn/simulated_datapath.h"

#include "common/log.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <unordered_map>

namespace hcn {

std::string_view changeOpName(ChangeOp op)
{
    switch (op) {
    case ChangeOp::Create:
        return "Create";
    case ChangeOp::Modify:
        return "Modify";
    case ChangeOp::Delete:
        return "Delete";
    }
    return "Invalid";
}

/// What the simulated host has programmed, per object: the switch, port or rule set a real backend
/// would have created for it.
struct SimulatedDatapath::Programmed
{
    // Programmed forms are kept as compact JSON text: a host can carry 100,000 endpoints.
    std::map<ResourceKind, std::unordered_map<Guid, std::string>> objects;
    std::map<Guid, EndpointCounters> counters;
};

namespace {

/// The programmed form of an object: only what a real backend would act on.
nlohmann::json programmedForm(ResourceKind kind, const nlohmann::ordered_json& doc)
{
    nlohmann::json p = nlohmann::json::object();
    p["ID"] = doc.value("ID", "");
    switch (kind) {
    case ResourceKind::Network:
        p["Switch"] = doc.value("Name", "");
        p["Type"] = doc.value("Type", "NAT");
        p["Subnets"] = nlohmann::json::array();
        for (const auto& ipam : doc.value("Ipams", nlohmann::ordered_json::array()))
            for (const auto& s : ipam.value("Subnets", nlohmann::ordered_json::array()))
                p["Subnets"].push_back(s.value("IpAddressPrefix", ""));
        break;
    case ResourceKind::Endpoint:
        p["Network"] = doc.value("HostComputeNetwork", "");
        p["Mac"] = doc.value("MacAddress", "");
        p["Addresses"] = nlohmann::json::array();
        for (const auto& c : doc.value("IpConfigurations", nlohmann::ordered_json::array()))
            p["Addresses"].push_back(c.value("IpAddress", ""));
        p["Namespace"] = doc.value("HostComputeNamespace", "");
        p["NatRules"] = nlohmann::json::array();
        for (const auto& policy : doc.value("Policies", nlohmann::ordered_json::array()))
            if (policy.value("Type", "") == "PortMapping")
                p["NatRules"].push_back(
                    nlohmann::json(policy.value("Settings", nlohmann::ordered_json::object())));
        break;
    case ResourceKind::Namespace:
        p["Compartment"] = doc.value("NamespaceId", 0u);
        break;
    case ResourceKind::LoadBalancer:
        p["Frontends"] = nlohmann::json(doc.value("FrontendVIPs", nlohmann::ordered_json::array()));
        p["Backends"] = nlohmann::json(doc.value("HostComputeEndpoints", nlohmann::ordered_json::array()));
        p["Rules"] = nlohmann::json(doc.value("PortMappings", nlohmann::ordered_json::array()));
        break;
    case ResourceKind::GuestNetworkService:
        p["State"] = doc.value("State", 0);
        break;
    case ResourceKind::SdnRoute:
        p["Endpoints"] = nlohmann::json(doc.value("HostComputeEndpoints", nlohmann::ordered_json::array()));
        p["Routes"] =
            nlohmann::json(doc.value("Routes", doc.value("Setting", nlohmann::ordered_json::array())));
        break;
    case ResourceKind::Invalid:
        break;
    }
    return p;
}

/// An endpoint's programmed form written straight to text: endpoints are the bulk of any host and this
/// runs on every endpoint change. Every value here is an ID, address, MAC or number (no escaping needed);
/// port mappings are serialized by the JSON library.
std::string endpointForm(const nlohmann::ordered_json& doc)
{
    std::string out = R"({"ID":")" + doc.value("ID", "") + R"(","Network":")" +
                      doc.value("HostComputeNetwork", "") + R"(","Mac":")" + doc.value("MacAddress", "") +
                      R"(","Addresses":[)";
    bool first = true;
    if (auto configs = doc.find("IpConfigurations"); configs != doc.end() && configs->is_array()) {
        for (const auto& c : *configs) {
            out += first ? "\"" : ",\"";
            out += c.value("IpAddress", "");
            out += '"';
            first = false;
        }
    }
    out += R"(],"Namespace":")" + doc.value("HostComputeNamespace", "") + R"(","NatRules":[)";
    first = true;
    if (auto policies = doc.find("Policies"); policies != doc.end() && policies->is_array()) {
        for (const auto& policy : *policies) {
            if (policy.value("Type", "") != "PortMapping")
                continue;
            out += first ? "" : ",";
            out += policy.value("Settings", nlohmann::ordered_json::object()).dump();
            first = false;
        }
    }
    out += "]}";
    return out;
}

std::string programmedText(ResourceKind kind, const nlohmann::ordered_json& doc)
{
    return kind == ResourceKind::Endpoint ? endpointForm(doc) : programmedForm(kind, doc).dump();
}

} // namespace

class SimulatedDatapath::Transaction final : public DatapathTransaction
{
public:
    explicit Transaction(SimulatedDatapath& owner) : m_owner(owner) {}

    Status stage(const DatapathChange& change) override
    {
        if (auto failure = m_owner.takeFailure(change.op, change.kind))
            return Status(*failure, "the simulated datapath was told to fail " +
                                        std::string(changeOpName(change.op)) + " " +
                                        std::string(resourceKindName(change.kind)) + ".");
        std::lock_guard lock(m_owner.m_mutex);
        auto& objects = m_owner.m_programmed->objects[change.kind];
        auto it = objects.find(change.id);
        std::optional<std::string> previous;
        if (it != objects.end())
            previous = it->second;
        std::optional<EndpointCounters> counters;
        if (auto c = m_owner.m_programmed->counters.find(change.id);
            c != m_owner.m_programmed->counters.end())
            counters = c->second;
        m_undo.push_back({change.kind, change.id, previous, counters});
        if (change.op == ChangeOp::Delete) {
            objects.erase(change.id);
            if (change.kind == ResourceKind::Endpoint)
                m_owner.m_programmed->counters.erase(change.id); // a port's counters go with the port
        } else if (change.after)
            objects[change.id] = programmedText(change.kind, *change.after);
        return Status::success();
    }

    Status commit() override
    {
        if (auto failure = m_owner.takeFailure(std::nullopt, ResourceKind::Invalid)) {
            rollback();
            return Status(*failure, "the simulated datapath was told to fail the commit.");
        }
        std::lock_guard lock(m_owner.m_mutex);
        ++m_owner.m_commits;
        m_undo.clear();
        return Status::success();
    }

    void rollback() override
    {
        std::lock_guard lock(m_owner.m_mutex);
        for (auto it = m_undo.rbegin(); it != m_undo.rend(); ++it) {
            auto& objects = m_owner.m_programmed->objects[it->kind];
            if (it->previous)
                objects[it->id] = *it->previous;
            else
                objects.erase(it->id);
            if (it->counters)
                m_owner.m_programmed->counters[it->id] = *it->counters;
        }
        m_undo.clear();
    }

private:
    struct Undo
    {
        ResourceKind kind;
        Guid id;
        std::optional<std::string> previous;
        std::optional<EndpointCounters> counters;
    };
    SimulatedDatapath& m_owner;
    std::vector<Undo> m_undo;
};

SimulatedDatapath::SimulatedDatapath() : m_programmed(std::make_unique<Programmed>()) {}

SimulatedDatapath::~SimulatedDatapath() = default;

std::unique_ptr<DatapathTransaction> SimulatedDatapath::begin()
{
    return std::make_unique<Transaction>(*this);
}

void SimulatedDatapath::reset()
{
    std::lock_guard lock(m_mutex);
    m_programmed->objects.clear();
    m_programmed->counters.clear();
}

Result<EndpointCounters> SimulatedDatapath::endpointCounters(const Guid& endpoint) const
{
    std::lock_guard lock(m_mutex);
    const auto& endpoints = m_programmed->objects[ResourceKind::Endpoint];
    if (!endpoints.count(endpoint))
        return Status(hr::EndpointNotFound,
                      "the simulated datapath has no port for endpoint " + endpoint.toString() + ".");
    auto it = m_programmed->counters.find(endpoint);
    return it == m_programmed->counters.end() ? EndpointCounters{} : it->second;
}

std::optional<EndpointPort> SimulatedDatapath::endpointPort(const Guid& endpoint) const
{
    std::lock_guard lock(m_mutex);
    const auto& endpoints = m_programmed->objects[ResourceKind::Endpoint];
    auto it = endpoints.find(endpoint);
    if (it == endpoints.end())
        return std::nullopt;
    EndpointPort port;
    port.attached = !nlohmann::json::parse(it->second).value("Namespace", "").empty();
    return port;
}

Status SimulatedDatapath::addTraffic(const Guid& endpoint, const EndpointCounters& delta)
{
    std::lock_guard lock(m_mutex);
    if (!m_programmed->objects[ResourceKind::Endpoint].count(endpoint))
        return Status(hr::EndpointNotFound,
                      "the simulated datapath has no port for endpoint " + endpoint.toString() + ".");
    auto& c = m_programmed->counters[endpoint];
    c.bytesReceived += delta.bytesReceived;
    c.bytesSent += delta.bytesSent;
    c.packetsReceived += delta.packetsReceived;
    c.packetsSent += delta.packetsSent;
    c.droppedPacketsIncoming += delta.droppedPacketsIncoming;
    c.droppedPacketsOutgoing += delta.droppedPacketsOutgoing;
    return Status::success();
}

void SimulatedDatapath::injectFailure(ChangeOp op, ResourceKind kind, HResult code, int count)
{
    std::lock_guard lock(m_mutex);
    m_failures.push_back({op, kind, code, count});
}

void SimulatedDatapath::injectCommitFailure(HResult code, int count)
{
    std::lock_guard lock(m_mutex);
    m_failures.push_back({std::nullopt, ResourceKind::Invalid, code, count});
}

void SimulatedDatapath::clearFailures()
{
    std::lock_guard lock(m_mutex);
    m_failures.clear();
}

std::optional<HResult> SimulatedDatapath::takeFailure(std::optional<ChangeOp> op, ResourceKind kind)
{
    std::lock_guard lock(m_mutex);
    for (auto it = m_failures.begin(); it != m_failures.end(); ++it) {
        if (it->op != op || (op && it->kind != kind))
            continue;
        HResult code = it->code;
        if (--it->remaining <= 0)
            m_failures.erase(it);
        componentLogger("hcn.datapath")->debug("injected failure {}", hresultHex(code));
        return code;
    }
    return std::nullopt;
}

std::string SimulatedDatapath::snapshot() const
{
    std::lock_guard lock(m_mutex);
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [kind, objects] : m_programmed->objects) {
        if (objects.empty())
            continue;
        auto& list = out[std::string(resourceKindName(kind))];
        list = nlohmann::json::array();
        std::map<Guid, const std::string*> ordered; // stable output order for comparisons
        for (const auto& [id, p] : objects)
            ordered.emplace(id, &p);
        for (const auto& [id, p] : ordered)
            list.push_back(nlohmann::json::parse(*p));
    }
    return out.dump();
}

std::size_t SimulatedDatapath::programmedCount(ResourceKind kind) const
{
    std::lock_guard lock(m_mutex);
    auto it = m_programmed->objects.find(kind);
    return it == m_programmed->objects.end() ? 0 : it->second.size();
}

std::uint64_t SimulatedDatapath::commitCount() const
{
    std::lock_guard lock(m_mutex);
    return m_commits;
}

} // namespace hcn
