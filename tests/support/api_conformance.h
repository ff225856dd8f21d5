#pragma once
// What every hcn::Api implementation is held to against the in-process EmbeddedApi, shared by the suites
// that compare one with it (tst_rpcclient: the RPC client over hcnd; tst_libraryapi: the library client
// over libcomputenetwork.so): the bad calls whose HRESULT, error record and message must be the same,
// and the small helpers those comparisons use.

#include "hcn/api.h"
#include "hcn/embedded_api.h"
#include "hcn/notification.h"

#include <QRegularExpression>
#include <QString>
#include <QtTest>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace hcntest {

/// One sequence of calls on an Api, ending in the Status of its last call.
using Scenario = std::function<hcn::Status(hcn::Api&)>;

inline const char* const kNat = R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"nat","Type":"NAT",)"
                                R"("Ipams":[{"Type":"Static","Subnets":[{"IpAddressPrefix":"172.20.0.0/24",)"
                                R"("Routes":[{"NextHop":"172.20.0.1","DestinationPrefix":"0.0.0.0/0"}]}]}]})";

inline std::string endpointWithMapping(const char* name)
{
    return std::string(R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":")") + name +
           R"(","Policies":[{"Type":"PortMapping","Settings":{"Protocol":"TCP","InternalPort":80,"ExternalPort":8080}}]})";
}

inline hcn::Status statusOf(const hcn::Status& s)
{
    return s;
}
template <typename T> hcn::Status statusOf(const hcn::Result<T>& r)
{
    return r.ok() ? hcn::Status::success() : r.status();
}

/// Generated GUIDs differ between two engines; everything else must not.
inline QString maskGuids(const std::string& text)
{
    static const QRegularExpression guid(
        "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}");
    return QString::fromStdString(text).replace(guid, "<GUID>");
}

/// Notifications received by one subscriber, readable from the test thread.
struct Received
{
    std::mutex mutex;
    std::vector<hcn::Notification> list;

    std::function<void(const hcn::Notification&)> callback()
    {
        return [this](const hcn::Notification& n) {
            std::lock_guard lock(mutex);
            list.push_back(n);
        };
    }
    std::size_t size()
    {
        std::lock_guard lock(mutex);
        return list.size();
    }
    std::vector<hcn::Notification> copy()
    {
        std::lock_guard lock(mutex);
        return list;
    }
    bool has(hcn::NotificationType type)
    {
        std::lock_guard lock(mutex);
        for (const auto& n : list)
            if (n.type == type)
                return true;
        return false;
    }
};

/// Adds the column "scenario" and a row per bad call every Api must answer as EmbeddedApi does.
inline void addBadCallRows()
{
    using hcn::ResourceKind;
    const auto guid = [](const char* text) { return *hcn::Guid::parse(text); };
    QTest::addColumn<Scenario>("scenario");
    QTest::newRow("duplicate network name") << Scenario([](hcn::Api& api) {
        (void)api.create(ResourceKind::Network, {}, kNat, 0);
        return statusOf(api.create(ResourceKind::Network, {}, kNat, 0));
    });
    QTest::newRow("bad JSON text") << Scenario([](hcn::Api& api) {
        return statusOf(api.create(ResourceKind::Network, {}, "{\"Name\": \"x\", oops", 0));
    });
    QTest::newRow("unknown network id") << Scenario([guid](hcn::Api& api) {
        return statusOf(api.open(ResourceKind::Network, guid("00000000-0000-0000-0000-00000000dead")));
    });
    QTest::newRow("unknown namespace id") << Scenario([guid](hcn::Api& api) {
        return statusOf(api.open(ResourceKind::Namespace, guid("00000000-0000-0000-0000-00000000beef")));
    });
    QTest::newRow("port mapping conflict") << Scenario([](hcn::Api& api) {
        auto net = api.create(ResourceKind::Network, {}, kNat, 0);
        if (!net.ok())
            return net.status();
        (void)api.create(ResourceKind::Endpoint, {}, endpointWithMapping("a"), *net);
        return statusOf(api.create(ResourceKind::Endpoint, {}, endpointWithMapping("b"), *net));
    });
    QTest::newRow("query after delete") << Scenario([guid](hcn::Api& api) {
        const auto id = guid("6F2A1C00-0000-4000-8000-0000000000dd");
        auto net = api.create(ResourceKind::Network, id, kNat, 0);
        if (!net.ok())
            return net.status();
        (void)api.remove(ResourceKind::Network, id);
        return statusOf(api.query(ResourceKind::Network, *net, ""));
    });
    QTest::newRow("close a handle never opened")
        << Scenario([](hcn::Api& api) { return statusOf(api.close(ResourceKind::Network, 987654)); });
    QTest::newRow("modify with an unknown request") << Scenario([](hcn::Api& api) {
        auto net = api.create(ResourceKind::Network, {}, kNat, 0);
        if (!net.ok())
            return net.status();
        return statusOf(
            api.modify(ResourceKind::Network, *net, R"({"ResourceType":"Bogus","RequestType":"Add"})"));
    });
    QTest::newRow("delete an unknown endpoint") << Scenario([guid](hcn::Api& api) {
        return statusOf(api.remove(ResourceKind::Endpoint, guid("00000000-0000-0000-0000-0000000000aa")));
    });
    QTest::newRow("a network handle used as an endpoint") << Scenario([](hcn::Api& api) {
        auto net = api.create(ResourceKind::Network, {}, kNat, 0);
        if (!net.ok())
            return net.status();
        return statusOf(api.query(ResourceKind::Endpoint, *net, ""));
    });
    QTest::newRow("endpoint address outside the subnet") << Scenario([](hcn::Api& api) {
        auto net = api.create(ResourceKind::Network, {}, kNat, 0);
        if (!net.ok())
            return net.status();
        return statusOf(api.create(
            ResourceKind::Endpoint, {},
            R"({"SchemaVersion":{"Major":2,"Minor":0},"IpConfigurations":[{"IpAddress":"10.9.9.9"}]})",
            *net));
    });
    QTest::newRow("release an unknown port reservation")
        << Scenario([](hcn::Api& api) { return statusOf(api.releasePortReservation(4242)); });
}

/// Runs `scenario` on a new EmbeddedApi and on `api`: it must fail on both with the same HRESULT, error
/// record and message.
inline void verifyFailsAsEmbedded(const Scenario& scenario, hcn::Api& api)
{
    hcn::EmbeddedApi embedded;
    const hcn::Status expected = scenario(embedded);
    const hcn::Status actual = scenario(api);
    QVERIFY2(!expected.ok(), "the scenario must end in a failure");
    QCOMPARE(QString::fromStdString(hcn::hresultHex(actual.code())),
             QString::fromStdString(hcn::hresultHex(expected.code())));
    QCOMPARE(QString::fromStdString(actual.errorRecord()), QString::fromStdString(expected.errorRecord()));
    QCOMPARE(QString::fromStdString(actual.message()), QString::fromStdString(expected.message()));
}

} // namespace hcntest

Q_DECLARE_METATYPE(hcntest::Scenario)
