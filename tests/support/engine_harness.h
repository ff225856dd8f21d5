#pragma once
// Test helpers around a real hcn::Engine: one-line creates, a notification recorder, and a full-state
// snapshot for asserting that a failed call changed nothing.

#include "hcn/engine.h"
#include "hcn/open_object.h"
#include "hcn/simulated_datapath.h"

#include <QtTest>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace hcntest {

using nlohmann::json;

inline QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

/// Records every notification the engine delivers.
class NotificationRecorder
{
public:
    explicit NotificationRecorder(hcn::Engine& engine) : m_engine(engine)
    {
        m_id = engine.subscribe([this](const hcn::Notification& n) {
            std::lock_guard lock(m_mutex);
            m_received.push_back(n);
        });
    }
    ~NotificationRecorder() { m_engine.unsubscribe(m_id); }

    std::vector<hcn::Notification> take()
    {
        m_engine.drainNotifications();
        std::lock_guard lock(m_mutex);
        return std::exchange(m_received, {});
    }
    /// The types received so far, in order.
    std::vector<hcn::NotificationType> types()
    {
        std::vector<hcn::NotificationType> out;
        for (const auto& n : take())
            out.push_back(n.type);
        return out;
    }

private:
    hcn::Engine& m_engine;
    hcn::SubscriptionId m_id = 0;
    std::mutex m_mutex;
    std::vector<hcn::Notification> m_received;
};

/// An engine on a simulated datapath the test can reach, with convenience calls that fail the test on error.
struct Harness
{
    std::shared_ptr<hcn::SimulatedDatapath> datapath = std::make_shared<hcn::SimulatedDatapath>();
    hcn::Engine engine;

    explicit Harness(hcn::EngineOptions options = {}) : engine(withDatapath(std::move(options), datapath)) {}

    static hcn::EngineOptions withDatapath(hcn::EngineOptions o, std::shared_ptr<hcn::SimulatedDatapath> dp)
    {
        o.datapath = std::move(dp);
        return o;
    }

    /// Creates an object from a document; the caller checks the result (HCN_VERIFY_OK).
    hcn::Result<hcn::Handle> create(hcn::ResourceKind kind, const json& doc, hcn::Handle network = 0)
    {
        return engine.create(kind, hcn::Guid{}, doc.dump(), network);
    }

    json query(hcn::ResourceKind kind, hcn::Handle h, const json& q = json::object())
    {
        auto r = engine.query(kind, h, q.empty() ? std::string() : q.dump());
        if (!r.ok())
            return json{{"error", r.status().message()}};
        return json::parse(*r);
    }

    std::string idOf(hcn::ResourceKind kind, hcn::Handle h) { return query(kind, h).value("ID", ""); }

    json enumerate(hcn::ResourceKind kind, const std::string& query = {})
    {
        auto r = engine.enumerate(kind, query);
        return r.ok() ? json::parse(*r) : json{{"error", r.status().message()}};
    }

    /// Every object of every kind (v2, Detailed) plus the programmed datapath: equal snapshots mean equal
    /// state.
    std::string snapshot()
    {
        json all = json::object();
        for (auto kind : hcn::kResourceKinds) {
            json docs = json::object();
            for (const auto& id : enumerate(kind))
                (void)hcn::withOpenObject(
                    engine, kind, *hcn::Guid::parse(id.get<std::string>()), [&](hcn::Handle h) {
                        docs[id.get<std::string>()] = query(kind, h, json{{"Flags", 1}});
                        return hcn::Status::success();
                    });
            all[std::string(hcn::resourceKindName(kind))] = docs;
        }
        all["datapath"] = json::parse(datapath->snapshot());
        return all.dump();
    }
};

/// A NAT network document with one subnet.
inline json natNetwork(const std::string& name, const std::string& prefix = "172.20.0.0/24",
                       const std::string& gateway = "172.20.0.1")
{
    return json{{"SchemaVersion", {{"Major", 2}, {"Minor", 0}}},
                {"Name", name},
                {"Type", "NAT"},
                {"Ipams",
                 {{{"Type", "Static"},
                   {"Subnets",
                    {{{"IpAddressPrefix", prefix},
                      {"Routes", {{{"NextHop", gateway}, {"DestinationPrefix", "0.0.0.0/0"}}}}}}}}}}};
}

inline json v2(json doc)
{
    doc["SchemaVersion"] = {{"Major", 2}, {"Minor", 0}};
    return doc;
}

} // namespace hcntest

#define HCN_VERIFY_OK(expr)                                                                                  \
    do {                                                                                                     \
        const auto& hcn_result_ = (expr);                                                                    \
        if (!hcn_result_.ok())                                                                               \
            QFAIL(qPrintable(QString("%1 failed: %2 %3")                                                     \
                                 .arg(#expr, QString::fromStdString(hcn::hresultHex(hcn_result_.code())),    \
                                      QString::fromStdString(hcn_result_.status().message()))));             \
    } while (false)
