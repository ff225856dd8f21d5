// The computenetwork.h C API from C++: ErrorRecord JSON, wide-string round trips, handle lifetime,
// callbacks and unregister, port reservation conflicts, the GUID layout, and calls from many threads.
// Everything goes through the exported functions of libcomputenetwork, as a client program would.

#include "hcn/guid.h"

#include <QtTest>
#include <atomic>
#include <chrono>
#include <computenetwork.h>
#include <cstddef>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

using nlohmann::json;

namespace {

// A C++ program sees REFGUID as a reference, exactly as with Windows' headers.
static_assert(std::is_same_v<decltype(&HcnOpenNetwork), HRESULT (*)(const GUID&, PHCN_NETWORK, PWSTR*)>);
static_assert(std::is_same_v<decltype(&HcnCloseSdnRoute), HRESULT (*)(HCN_SDNROUTE)>);
static_assert(
    std::is_same_v<decltype(&HcnFreeGuestNetworkPortReservations), void (*)(HCN_PORT_RANGE_ENTRY*)>);
static_assert(sizeof(HRESULT) == 4 && std::is_signed_v<HRESULT>);
static_assert(sizeof(GUID) == 16 && offsetof(GUID, Data2) == 4 && offsetof(GUID, Data3) == 6 &&
              offsetof(GUID, Data4) == 8);

constexpr HRESULT kAddressInUse = static_cast<HRESULT>(0x80072740);

std::wstring wide(const std::string& utf8)
{
    return QString::fromStdString(utf8).toStdWString();
}
std::string narrow(PCWSTR text)
{
    return text ? QString::fromWCharArray(text).toStdString() : std::string();
}

/// Takes ownership of a PWSTR output and frees it with CoTaskMemFree.
class CoString
{
public:
    CoString() = default;
    CoString(const CoString&) = delete;
    CoString& operator=(const CoString&) = delete;
    ~CoString() { CoTaskMemFree(m_text); }
    PWSTR* out()
    {
        reset();
        return &m_text;
    }
    void reset()
    {
        CoTaskMemFree(m_text);
        m_text = nullptr;
    }
    PWSTR get() const { return m_text; }
    std::string utf8() const { return narrow(m_text); }
    json parsed() const { return json::parse(utf8()); }

private:
    PWSTR m_text = nullptr;
};

GUID toGuid(const std::string& text)
{
    auto parsed = hcn::Guid::parse(text);
    GUID g{};
    if (parsed)
        std::memcpy(&g, &*parsed, sizeof g);
    return g;
}

/// A NAT network with its own /24, so tests and threads never collide.
std::wstring natNetwork(const std::string& name, int subnet)
{
    const std::string prefix = "172.25." + std::to_string(subnet) + ".";
    json doc{{"SchemaVersion", {{"Major", 2}, {"Minor", 0}}},
             {"Name", name},
             {"Type", "NAT"},
             {"Ipams",
              {{{"Type", "Static"},
                {"Subnets",
                 {{{"IpAddressPrefix", prefix + "0/24"},
                   {"Routes", {{{"NextHop", prefix + "1"}, {"DestinationPrefix", "0.0.0.0/0"}}}}}}}}}}};
    return wide(doc.dump());
}

std::atomic<int> g_nextSubnet{1};

/// Creates a network and returns (handle, ID); fails the test on error.
struct Network
{
    HCN_NETWORK handle = nullptr;
    GUID id{};
    std::string idText;
};

Network createNetwork(const std::string& name)
{
    Network n;
    GUID zero{};
    CoString error;
    const HRESULT hr =
        HcnCreateNetwork(zero, natNetwork(name, g_nextSubnet++).c_str(), &n.handle, error.out());
    if (FAILED(hr))
        qWarning("HcnCreateNetwork(%s) failed: 0x%08X %s", name.c_str(), unsigned(hr), error.utf8().c_str());
    CoString props;
    if (SUCCEEDED(HcnQueryNetworkProperties(n.handle, nullptr, props.out(), nullptr))) {
        n.idText = props.parsed().value("ID", "");
        n.id = toGuid(n.idText);
    }
    return n;
}

void removeNetwork(Network& n)
{
    (void)HcnDeleteNetwork(n.id, nullptr);
    (void)HcnCloseNetwork(n.handle);
}

/// What a callback saw, shared with the notification thread.
struct Recorder
{
    std::mutex mutex;
    std::vector<std::pair<DWORD, std::string>> events; // type, data (UTF-8)
    std::vector<std::thread::id> threads;

    static void CALLBACK callback(DWORD type, void* context, HRESULT, PCWSTR data)
    {
        auto* self = static_cast<Recorder*>(context);
        std::lock_guard lock(self->mutex);
        self->events.emplace_back(type, narrow(data));
        self->threads.push_back(std::this_thread::get_id());
    }

    bool sawIdWithType(DWORD type, const std::string& id)
    {
        std::lock_guard lock(mutex);
        for (const auto& [t, data] : events)
            if (t == type && !data.empty() && json::parse(data).value("ID", "") == id)
                return true;
        return false;
    }
    std::size_t count()
    {
        std::lock_guard lock(mutex);
        return events.size();
    }
};

} // namespace

class TestCApi : public QObject
{
    Q_OBJECT

private slots:
    void errorRecord_data();
    void errorRecord();
    void successLeavesErrorRecordNull();
    void wideRoundTrip_data();
    void wideRoundTrip();
    void invalidWideInput_data();
    void invalidWideInput();
    void handleLifetime();
    void handlesOfAnotherKindAreRejected();
    void guidLayout();
    void callbackDeliveryAndUnregister();
    void callbackMayCallTheApiAndUnregisterItself();
    void unregisterWaitsForARunningCallback();
    void portReservationConflicts_data();
    void portReservationConflicts();
    void concurrentClients();
};

// ---- ErrorRecord --------------------------------------------------------------------------------

void TestCApi::errorRecord_data()
{
    QTest::addColumn<QString>("call");
    QTest::addColumn<quint32>("expected");

    QTest::newRow("invalid JSON settings") << "create-invalid-json" << 0x803B001Bu;
    QTest::newRow("unknown network ID") << "open-unknown" << 0x803B0001u;
    QTest::newRow("unknown namespace ID is ERROR_NOT_FOUND") << "open-unknown-namespace" << 0x80070490u;
    QTest::newRow("NULL settings") << "create-null-settings" << 0x80004003u;
    QTest::newRow("NULL output") << "query-null-output" << 0x80004003u;
    QTest::newRow("unknown handle") << "query-unknown-handle" << 0x80070006u;
    QTest::newRow("lone surrogate in a query") << "enumerate-bad-unicode" << 0x80070057u;
    QTest::newRow("invalid IP in a subnet") << "create-invalid-prefix" << 0u; // any HCN_E_*, checked below
}

void TestCApi::errorRecord()
{
    QFETCH(QString, call);
    QFETCH(quint32, expected);

    GUID zero{};
    GUID unknown = toGuid("0BADF00D-0000-4000-8000-000000000001");
    CoString error;
    CoString output;
    HCN_NETWORK handle = reinterpret_cast<HCN_NETWORK>(0x1);
    HRESULT hr = S_OK;
    if (call == "create-invalid-json") {
        hr = HcnCreateNetwork(zero, L"{\"Name\":", &handle, error.out());
    } else if (call == "open-unknown") {
        hr = HcnOpenNetwork(unknown, &handle, error.out());
    } else if (call == "open-unknown-namespace") {
        hr = HcnOpenNamespace(unknown, &handle, error.out());
    } else if (call == "create-null-settings") {
        hr = HcnCreateNetwork(zero, nullptr, &handle, error.out());
    } else if (call == "query-null-output") {
        hr = HcnEnumerateNetworks(nullptr, nullptr, error.out());
        handle = nullptr;
    } else if (call == "query-unknown-handle") {
        hr = HcnQueryNetworkProperties(reinterpret_cast<HCN_NETWORK>(0xDEAD000), nullptr, output.out(),
                                       error.out());
        handle = nullptr;
    } else if (call == "enumerate-bad-unicode") {
        const wchar_t query[] = {L'{', static_cast<wchar_t>(0xDC00), L'}', 0};
        hr = HcnEnumerateNetworks(query, output.out(), error.out());
        handle = nullptr;
    } else if (call == "create-invalid-prefix") {
        json doc{{"SchemaVersion", {{"Major", 2}, {"Minor", 0}}},
                 {"Name", "bad-prefix"},
                 {"Type", "NAT"},
                 {"Ipams", {{{"Type", "Static"}, {"Subnets", {{{"IpAddressPrefix", "300.1.2.0/24"}}}}}}}};
        hr = HcnCreateNetwork(zero, wide(doc.dump()).c_str(), &handle, error.out());
    }

    QVERIFY(FAILED(hr));
    if (expected != 0)
        QCOMPARE(quint32(hr), expected);
    else
        QCOMPARE(quint32(hr) & 0xFFFF0000u, 0x803B0000u);
    QVERIFY2(handle == nullptr, "a failed call leaves its output NULL");
    QVERIFY(output.get() == nullptr);

    QVERIFY(error.get() != nullptr);
    const std::string text = error.utf8();
    const json record = json::parse(text);
    QCOMPARE(record.size(), std::size_t(3));
    QVERIFY(text.rfind("{\"Success\":false,\"Error\":\"", 0) == 0); // documented key order
    QCOMPARE(record["Success"].get<bool>(), false);
    QVERIFY(!record["Error"].get<std::string>().empty());
    QVERIFY(record["ErrorCode"].is_number_unsigned());
    QCOMPARE(record["ErrorCode"].get<std::uint64_t>(), std::uint64_t(quint32(hr)));
}

void TestCApi::successLeavesErrorRecordNull()
{
    // A stale pointer in *ErrorRecord must be cleared: hcsshim treats any ErrorRecord as a failure.
    PWSTR error = reinterpret_cast<PWSTR>(0x1234);
    CoString list;
    QCOMPARE(HcnEnumerateNetworks(L"{}", list.out(), &error), S_OK);
    QVERIFY(error == nullptr);
    QVERIFY(list.get() != nullptr);
    QVERIFY(list.parsed().is_array());
    // The ErrorRecord parameter is optional.
    QCOMPARE(HcnEnumerateNamespaces(nullptr, list.out(), nullptr), S_OK);
}

// ---- wide strings -------------------------------------------------------------------------------

void TestCApi::wideRoundTrip_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("ascii") << QStringLiteral("plain-name");
    QTest::newRow("latin-1 accents") << QStringLiteral("réseau-ünïcödé");
    QTest::newRow("cjk") << QStringLiteral("网络-ネットワーク");
    QTest::newRow("non-BMP emoji") << QStringLiteral("net-\U0001F310-\U0001F680");
    QTest::newRow("right-to-left") << QStringLiteral("شبكة");
    QTest::newRow("escapes and quotes") << QStringLiteral("a \"quoted\" \\ name\ttab");
}

void TestCApi::wideRoundTrip()
{
    QFETCH(QString, name);
    json doc = json::parse(narrow(natNetwork("x", g_nextSubnet++).c_str()));
    doc["Name"] = name.toStdString();
    const std::wstring settings = wide(doc.dump());

    GUID zero{};
    HCN_NETWORK network = nullptr;
    CoString error;
    QCOMPARE(HcnCreateNetwork(zero, settings.c_str(), &network, error.out()), S_OK);
    CoString props;
    QCOMPARE(HcnQueryNetworkProperties(network, nullptr, props.out(), nullptr), S_OK);
    // Compared as wide text: every character came back as the same code point.
    const json back = props.parsed();
    QCOMPARE(QString::fromStdString(back["Name"].get<std::string>()), name);
    QVERIFY(std::wstring(props.get()).find(name.toStdWString()) != std::wstring::npos ||
            name.contains(QLatin1Char('"')) || name.contains(QLatin1Char('\\')) ||
            name.contains(QLatin1Char('\t')));

    // The filter finds it by the non-ASCII name too.
    json query{{"Filter", json{{"Name", name.toStdString()}}.dump()}};
    CoString list;
    QCOMPARE(HcnEnumerateNetworks(wide(query.dump()).c_str(), list.out(), nullptr), S_OK);
    QCOMPARE(list.parsed().size(), std::size_t(1));
    QCOMPARE(HcnDeleteNetwork(toGuid(back["ID"].get<std::string>()), nullptr), S_OK);
    QCOMPARE(HcnCloseNetwork(network), S_OK);
}

void TestCApi::invalidWideInput_data()
{
    QTest::addColumn<quint32>("badValue");
    QTest::newRow("lone high surrogate") << 0xD800u;
    QTest::newRow("lone low surrogate") << 0xDFFFu;
    QTest::newRow("above U+10FFFF") << 0x110000u;
    QTest::newRow("negative wchar_t") << 0xFFFFFFFFu;
}

void TestCApi::invalidWideInput()
{
    QFETCH(quint32, badValue);
    std::wstring settings = natNetwork("bad-unicode", g_nextSubnet++);
    settings.insert(settings.find(L"bad-unicode"), 1, static_cast<wchar_t>(badValue));
    GUID zero{};
    HCN_NETWORK network = nullptr;
    CoString error;
    QCOMPARE(HcnCreateNetwork(zero, settings.c_str(), &network, error.out()), E_INVALIDARG);
    QVERIFY(network == nullptr);
    QVERIFY(error.utf8().find("Settings is not valid Unicode") != std::string::npos);
    CoString list;
    QCOMPARE(
        HcnEnumerateNetworks(L"{\"Filter\":\"{\\\"Name\\\":\\\"bad-unicode\\\"}\"}", list.out(), nullptr),
        S_OK);
    QCOMPARE(list.parsed().size(), std::size_t(0)); // nothing was created
}

// ---- handles ------------------------------------------------------------------------------------

void TestCApi::handleLifetime()
{
    Network n = createNetwork("lifetime");
    QVERIFY(n.handle != nullptr);
    // Engine handle numbers in the pointer: non-zero multiples of 8 from 0x1000.
    const auto value = reinterpret_cast<std::uintptr_t>(n.handle);
    QVERIFY(value >= 0x1000 && value % 8 == 0);

    HCN_NETWORK second = nullptr;
    QCOMPARE(HcnOpenNetwork(n.id, &second, nullptr), S_OK);
    QVERIFY(second != n.handle);
    QCOMPARE(HcnCloseNetwork(second), S_OK);
    QCOMPARE(HcnCloseNetwork(second), E_HANDLE); // closed handles stay closed
    CoString props;
    QCOMPARE(HcnQueryNetworkProperties(n.handle, nullptr, props.out(), nullptr),
             S_OK); // the other one still works
    QCOMPARE(HcnQueryNetworkProperties(second, nullptr, props.out(), nullptr), E_HANDLE);

    // Deleting needs no handle and invalidates the open ones, even when the ID comes back.
    QCOMPARE(HcnDeleteNetwork(n.id, nullptr), S_OK);
    CoString error;
    QCOMPARE(HcnQueryNetworkProperties(n.handle, nullptr, props.out(), error.out()),
             HCN_E_OBJECT_USED_AFTER_UNLOAD);
    QVERIFY(props.get() == nullptr);
    HCN_NETWORK again = nullptr;
    QCOMPARE(HcnCreateNetwork(n.id, natNetwork("lifetime", g_nextSubnet++).c_str(), &again, nullptr), S_OK);
    QCOMPARE(HcnQueryNetworkProperties(again, nullptr, props.out(), nullptr), S_OK);
    // A non-zero Id becomes the object's ID, spelled in lower case as v2 output spells GUIDs.
    QCOMPARE(QString::fromStdString(props.parsed()["ID"].get<std::string>()),
             QString::fromStdString(n.idText).toLower());
    QCOMPARE(HcnQueryNetworkProperties(n.handle, nullptr, props.out(), nullptr),
             HCN_E_OBJECT_USED_AFTER_UNLOAD);
    QCOMPARE(HcnCloseNetwork(n.handle), S_OK); // closing a stale handle still releases it
    QCOMPARE(HcnCloseNetwork(n.handle), E_HANDLE);
    QCOMPARE(HcnDeleteNetwork(n.id, nullptr), S_OK);
    QCOMPARE(HcnCloseNetwork(again), S_OK);
}

void TestCApi::handlesOfAnotherKindAreRejected()
{
    Network n = createNetwork("kinds");
    CoString props;
    CoString error;
    QCOMPARE(HcnQueryEndpointProperties(n.handle, nullptr, props.out(), error.out()), E_HANDLE);
    QVERIFY(error.utf8().find("Endpoint") != std::string::npos);
    QCOMPARE(HcnCloseNamespace(n.handle), E_HANDLE);
    QCOMPARE(HcnCloseSdnRoute(n.handle), E_HANDLE);
    QCOMPARE(HcnCloseGuestNetworkService(n.handle), E_HANDLE);
    QCOMPARE(HcnUnregisterServiceCallback(n.handle), E_HANDLE);
    QCOMPARE(HcnReleaseGuestNetworkServicePortReservationHandle(reinterpret_cast<HANDLE>(0x7FFFFFF0)),
             E_HANDLE);
    QCOMPARE(HcnQueryNetworkProperties(n.handle, nullptr, props.out(), nullptr), S_OK); // untouched
    removeNetwork(n);
}

void TestCApi::guidLayout()
{
    // The Windows layout: Data1..Data3 as integers, Data4 as bytes in text order.
    const GUID g = toGuid("01234567-89AB-CDEF-0123-456789ABCDEF");
    QCOMPARE(g.Data1, 0x01234567u);
    QCOMPARE(g.Data2, std::uint16_t(0x89AB));
    QCOMPARE(g.Data3, std::uint16_t(0xCDEF));
    const unsigned char data4[8] = {0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF};
    QVERIFY(std::memcmp(g.Data4, data4, 8) == 0);

    // A GUID given to Create is the ID the service reports, and Open finds the object by it.
    GUID id{0xC0FFEE01, 0x1234, 0x4ABC, {0x8D, 0xEF, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06}};
    HCN_NAMESPACE ns = nullptr;
    QCOMPARE(HcnCreateNamespace(id, L"{\"SchemaVersion\":{\"Major\":2,\"Minor\":0}}", &ns, nullptr), S_OK);
    CoString props;
    QCOMPARE(HcnQueryNamespaceProperties(ns, nullptr, props.out(), nullptr), S_OK);
    QCOMPARE(QString::fromStdString(props.parsed()["ID"].get<std::string>()),
             QStringLiteral("c0ffee01-1234-4abc-8def-010203040506"));
    CoString ids;
    QCOMPARE(HcnEnumerateNamespaces(nullptr, ids.out(), nullptr), S_OK);
    QVERIFY2(ids.utf8().find("\"c0ffee01-1234-4abc-8def-010203040506\"") != std::string::npos,
             ids.utf8().c_str());
    QCOMPARE(HcnQueryNamespaceProperties(ns, L"{\"SchemaVersion\":{\"Major\":1,\"Minor\":0}}", props.out(),
                                         nullptr),
             S_OK);
    QCOMPARE(QString::fromStdString(props.parsed()["ID"].get<std::string>()),
             QStringLiteral("C0FFEE01-1234-4ABC-8DEF-010203040506")); // v1 (Get-HnsNamespace) spelling
    HCN_NAMESPACE opened = nullptr;
    QCOMPARE(HcnOpenNamespace(id, &opened, nullptr), S_OK);
    QCOMPARE(HcnCloseNamespace(opened), S_OK);
    QCOMPARE(HcnDeleteNamespace(id, nullptr), S_OK);
    QCOMPARE(HcnCloseNamespace(ns), S_OK);

    // Port reservation entries carry GUIDs in the same layout.
    QCOMPARE(sizeof(HCN_PORT_RANGE_ENTRY), std::size_t(64));
    QCOMPARE(offsetof(HCN_PORT_RANGE_ENTRY, TargetPartitionId), std::size_t(16));
    QCOMPARE(offsetof(HCN_PORT_RANGE_ENTRY, Priority), std::size_t(40));
    QCOMPARE(offsetof(HCN_PORT_RANGE_ENTRY, EndingPort), std::size_t(62));
}

// ---- callbacks ----------------------------------------------------------------------------------

void TestCApi::callbackDeliveryAndUnregister()
{
    Recorder recorder;
    HCN_CALLBACK callback = nullptr;
    QCOMPARE(HcnRegisterServiceCallback(&Recorder::callback, &recorder, &callback), S_OK);
    QVERIFY(callback != nullptr);

    Network n = createNetwork("callbacks-\u00e9");
    QTRY_VERIFY(recorder.sawIdWithType(HcnNotificationNetworkCreate, n.idText));
    QVERIFY(recorder.sawIdWithType(HcnNotificationNetworkPreCreate, n.idText));
    {
        std::lock_guard lock(recorder.mutex);
        for (auto id : recorder.threads)
            QVERIFY2(id != std::this_thread::get_id(), "callbacks run on the notification thread");
        // The document in NotificationData came through the wide conversion intact.
        bool sawName = false;
        for (const auto& [type, data] : recorder.events)
            if (type == HcnNotificationNetworkCreate && data.find("callbacks-\u00e9") != std::string::npos)
                sawName = true;
        QVERIFY(sawName);
    }

    QCOMPARE(HcnUnregisterServiceCallback(callback), S_OK);
    const std::size_t seen = recorder.count();

    // After unregister the callback never runs again. A second subscriber proves the later events were
    // delivered: the stream is ordered, so once it saw the delete the first one would have too.
    Recorder sentinel;
    HCN_CALLBACK sentinelCallback = nullptr;
    QCOMPARE(HcnRegisterServiceCallback(&Recorder::callback, &sentinel, &sentinelCallback), S_OK);
    QCOMPARE(HcnDeleteNetwork(n.id, nullptr), S_OK);
    Network marker = createNetwork("callbacks-marker");
    QTRY_VERIFY(sentinel.sawIdWithType(HcnNotificationNetworkCreate, marker.idText));
    QVERIFY(sentinel.sawIdWithType(HcnNotificationNetworkDelete, n.idText));
    QCOMPARE(recorder.count(), seen);
    QCOMPARE(HcnUnregisterServiceCallback(sentinelCallback), S_OK);
    QCOMPARE(HcnUnregisterServiceCallback(sentinelCallback), E_HANDLE);
    removeNetwork(marker);
    (void)HcnCloseNetwork(n.handle);
}

namespace {

struct ReentrantState
{
    std::atomic<HCN_CALLBACK> self{nullptr};
    std::atomic<int> calls{0};
    std::atomic<HRESULT> queryResult{E_UNEXPECTED};
    std::atomic<HRESULT> unregisterResult{E_UNEXPECTED};
    std::string networkId;
};

void CALLBACK reentrantCallback(DWORD type, void* context, HRESULT, PCWSTR data)
{
    auto* state = static_cast<ReentrantState*>(context);
    if (type != HcnNotificationNetworkCreate || !data)
        return;
    if (json::parse(narrow(data)).value("ID", "") != state->networkId)
        return;
    if (state->calls++ > 0)
        return;
    // Calls back into the API from the notification thread, then unregisters itself.
    HCN_NETWORK opened = nullptr;
    PWSTR props = nullptr;
    HRESULT hr = HcnOpenNetwork(toGuid(state->networkId), &opened, nullptr);
    if (SUCCEEDED(hr))
        hr = HcnQueryNetworkProperties(opened, nullptr, &props, nullptr);
    CoTaskMemFree(props);
    (void)HcnCloseNetwork(opened);
    state->queryResult = hr;
    state->unregisterResult = HcnUnregisterServiceCallback(state->self.load());
}

} // namespace

void TestCApi::callbackMayCallTheApiAndUnregisterItself()
{
    ReentrantState state;
    GUID id = toGuid("5A5A5A5A-0000-4000-8000-00000000C0DE");
    state.networkId = "5a5a5a5a-0000-4000-8000-00000000c0de"; // as the event spells a binary Id
    HCN_CALLBACK callback = nullptr;
    QCOMPARE(HcnRegisterServiceCallback(&reentrantCallback, &state, &callback), S_OK);
    state.self = callback;
    HCN_NETWORK network = nullptr;
    QCOMPARE(HcnCreateNetwork(id, natNetwork("reentrant", g_nextSubnet++).c_str(), &network, nullptr), S_OK);
    QTRY_COMPARE(state.unregisterResult.load(), S_OK);
    QCOMPARE(state.queryResult.load(), S_OK);
    QCOMPARE(HcnUnregisterServiceCallback(callback), E_HANDLE); // it is gone
    QCOMPARE(HcnDeleteNetwork(id, nullptr), S_OK);
    QCOMPARE(HcnCloseNetwork(network), S_OK);
    QCOMPARE(state.calls.load(), 1);
}

namespace {

struct BlockingState
{
    std::atomic<bool> entered{false};
    std::atomic<bool> unregisterStarted{false};
    std::atomic<bool> exited{false};
};

void CALLBACK blockingCallback(DWORD type, void* context, HRESULT, PCWSTR)
{
    auto* state = static_cast<BlockingState*>(context);
    if (type != HcnNotificationNetworkCreate || state->entered.exchange(true))
        return;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!state->unregisterStarted && std::chrono::steady_clock::now() < deadline)
        std::this_thread::yield();
    // Stay inside a little longer: an unregister that did not wait would return meanwhile.
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    state->exited = true;
}

} // namespace

void TestCApi::unregisterWaitsForARunningCallback()
{
    BlockingState state;
    HCN_CALLBACK callback = nullptr;
    QCOMPARE(HcnRegisterServiceCallback(&blockingCallback, &state, &callback), S_OK);
    Network n = createNetwork("blocking");
    QTRY_VERIFY(state.entered.load());
    state.unregisterStarted = true;
    QCOMPARE(HcnUnregisterServiceCallback(callback), S_OK);
    QVERIFY2(state.exited.load(), "Unregister returned while the callback was still running");
    removeNetwork(n);
}

// ---- port reservations --------------------------------------------------------------------------

void TestCApi::portReservationConflicts_data()
{
    QTest::addColumn<int>("firstProtocol");
    QTest::addColumn<int>("firstAccess");
    QTest::addColumn<int>("secondProtocol");
    QTest::addColumn<int>("secondAccess");
    QTest::addColumn<bool>("conflicts");

    const int tcp = HCN_PORT_PROTOCOL_TCP, udp = HCN_PORT_PROTOCOL_UDP, both = HCN_PORT_PROTOCOL_BOTH;
    const int excl = HCN_PORT_ACCESS_EXCLUSIVE, shared = HCN_PORT_ACCESS_SHARED;
    QTest::newRow("exclusive tcp twice") << tcp << excl << tcp << excl << true;
    QTest::newRow("exclusive tcp, exclusive udp") << tcp << excl << udp << excl << false;
    QTest::newRow("exclusive tcp, shared tcp") << tcp << excl << tcp << shared << true;
    QTest::newRow("shared tcp, exclusive tcp") << tcp << shared << tcp << excl << true;
    QTest::newRow("shared both, shared tcp") << both << shared << tcp << shared << false;
    QTest::newRow("shared both, exclusive udp") << both << shared << udp << excl << true;
    QTest::newRow("exclusive udp, shared tcp") << udp << excl << tcp << shared << false;
}

void TestCApi::portReservationConflicts()
{
    QFETCH(int, firstProtocol);
    QFETCH(int, firstAccess);
    QFETCH(int, secondProtocol);
    QFETCH(int, secondAccess);
    QFETCH(bool, conflicts);

    GUID zero{};
    HCN_GUESTNETWORKSERVICE gns = nullptr;
    QCOMPARE(
        HcnCreateGuestNetworkService(zero, L"{\"SchemaVersion\":{\"Major\":2,\"Minor\":0}}", &gns, nullptr),
        S_OK);
    CoString props;
    QCOMPARE(HcnQueryGuestNetworkServiceProperties(gns, nullptr, props.out(), nullptr), S_OK);
    const GUID gnsId = toGuid(props.parsed()["ID"].get<std::string>());

    HANDLE first = nullptr;
    HANDLE second = reinterpret_cast<HANDLE>(0x1);
    QCOMPARE(HcnReserveGuestNetworkServicePort(gns, HCN_PORT_PROTOCOL(firstProtocol),
                                               HCN_PORT_ACCESS(firstAccess), 30080, &first),
             S_OK);
    const HRESULT hr = HcnReserveGuestNetworkServicePort(gns, HCN_PORT_PROTOCOL(secondProtocol),
                                                         HCN_PORT_ACCESS(secondAccess), 30080, &second);
    QCOMPARE(hr, conflicts ? kAddressInUse : S_OK);
    QCOMPARE(second == nullptr, conflicts);
    // A neighbouring port never conflicts.
    HANDLE neighbour = nullptr;
    QCOMPARE(HcnReserveGuestNetworkServicePort(gns, HCN_PORT_PROTOCOL(secondProtocol),
                                               HCN_PORT_ACCESS(secondAccess), 30081, &neighbour),
             S_OK);

    ULONG count = 0;
    HCN_PORT_RANGE_ENTRY* entries = nullptr;
    QCOMPARE(HcnEnumerateGuestNetworkPortReservations(&count, &entries), S_OK);
    QCOMPARE(count, ULONG(conflicts ? 2 : 3));
    for (ULONG i = 0; i < count; ++i) {
        QVERIFY(std::memcmp(&entries[i].TargetPartitionId, &gnsId, sizeof(GUID)) == 0);
        QCOMPARE(entries[i].ReservationType, 0u);
        QCOMPARE(entries[i].StartingPort, entries[i].EndingPort);
    }
    HcnFreeGuestNetworkPortReservations(entries);

    // Deleting the service releases what it held; the handles no longer name a reservation.
    QCOMPARE(HcnDeleteGuestNetworkService(gnsId, nullptr), S_OK);
    QCOMPARE(HcnEnumerateGuestNetworkPortReservations(&count, &entries), S_OK);
    QCOMPARE(count, ULONG(0));
    QVERIFY(entries == nullptr);
    QCOMPARE(HcnReleaseGuestNetworkServicePortReservationHandle(first), E_HANDLE);
    QCOMPARE(HcnCloseGuestNetworkService(gns), S_OK);
}

// ---- threads ------------------------------------------------------------------------------------

void TestCApi::concurrentClients()
{
    constexpr int kThreads = 8;
    constexpr int kRounds = 10;
    Recorder recorder;
    HCN_CALLBACK callback = nullptr;
    QCOMPARE(HcnRegisterServiceCallback(&Recorder::callback, &recorder, &callback), S_OK);

    std::atomic<int> failures{0};
    std::vector<std::string> problems(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([t, &failures, &problems] {
            auto fail = [&](const char* what, HRESULT hr) {
                ++failures;
                problems[t] +=
                    std::string(what) + " " + QString::number(quint32(hr), 16).toStdString() + "; ";
            };
            const int subnet = 100 + t;
            for (int round = 0; round < kRounds; ++round) {
                GUID zero{};
                HCN_NETWORK network = nullptr;
                const std::string name = "thread-" + std::to_string(t) + "-" + std::to_string(round);
                HRESULT hr = HcnCreateNetwork(zero, natNetwork(name, subnet).c_str(), &network, nullptr);
                if (FAILED(hr)) {
                    fail("create network", hr);
                    continue;
                }
                HCN_ENDPOINT endpoint = nullptr;
                hr = HcnCreateEndpoint(network, zero, L"{\"SchemaVersion\":{\"Major\":2,\"Minor\":0}}",
                                       &endpoint, nullptr);
                if (FAILED(hr))
                    fail("create endpoint", hr);
                PWSTR props = nullptr;
                PWSTR error = nullptr;
                hr = HcnQueryEndpointAddresses(endpoint, nullptr, &props, &error);
                if (FAILED(hr) || error != nullptr ||
                    narrow(props).find("172.25." + std::to_string(subnet) + ".") == std::string::npos)
                    fail("addresses", hr);
                CoTaskMemFree(props);
                CoTaskMemFree(error);
                props = nullptr;
                hr = HcnQueryNetworkProperties(network, nullptr, &props, nullptr);
                const std::string id =
                    SUCCEEDED(hr) ? json::parse(narrow(props)).value("ID", "") : std::string();
                CoTaskMemFree(props);
                // Deleting the network deletes its endpoint too.
                hr = HcnDeleteNetwork(toGuid(id), nullptr);
                if (FAILED(hr))
                    fail("delete network", hr);
                if (HcnCloseEndpoint(endpoint) != S_OK || HcnCloseNetwork(network) != S_OK)
                    fail("close", E_HANDLE);
                // Register/unregister churn alongside the traffic.
                Recorder local;
                HCN_CALLBACK c = nullptr;
                if (HcnRegisterServiceCallback(&Recorder::callback, &local, &c) != S_OK ||
                    HcnUnregisterServiceCallback(c) != S_OK)
                    fail("callback churn", E_UNEXPECTED);
            }
        });
    }
    for (auto& thread : threads)
        thread.join();
    for (const auto& p : problems)
        if (!p.empty())
            qWarning("%s", p.c_str());
    QCOMPARE(failures.load(), 0);

    // Every create and delete reached the callback, each network exactly once.
    auto threadNetworkCreates = [&] {
        std::lock_guard lock(recorder.mutex);
        int creates = 0;
        for (const auto& e : recorder.events)
            creates +=
                e.first == HcnNotificationNetworkCreate && e.second.find("\"thread-") != std::string::npos;
        return creates;
    };
    QTRY_COMPARE(threadNetworkCreates(), kThreads * kRounds);
    QCOMPARE(HcnUnregisterServiceCallback(callback), S_OK);

    CoString list;
    QCOMPARE(HcnEnumerateNetworks(L"{}", list.out(), nullptr), S_OK);
    for (const auto& id : list.parsed()) {
        HCN_NETWORK h = nullptr;
        QCOMPARE(HcnOpenNetwork(toGuid(id.get<std::string>()), &h, nullptr), S_OK);
        CoString props;
        QCOMPARE(HcnQueryNetworkProperties(h, nullptr, props.out(), nullptr), S_OK);
        QVERIFY(props.parsed().value("Name", "").rfind("thread-", 0) != 0); // none left behind
        QCOMPARE(HcnCloseNetwork(h), S_OK);
    }
}

QTEST_GUILESS_MAIN(TestCApi)
#include "tst_capi.moc"
