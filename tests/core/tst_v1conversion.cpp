// v1 HNS shapes (Get-HnsNetwork / Get-HnsEndpoint / Get-HnsPolicyList / Get-HnsNamespace) to and from v2.

#include "hcn/v1_conversion.h"

#include <QtTest>
#include <nlohmann/json.hpp>
#include <string>

using nlohmann::json;
using namespace hcn;

namespace {

json parse(const QByteArray& text)
{
    return text.isEmpty() ? json() : json::parse(text.constData());
}

QString dumpOf(const json& value)
{
    return QString::fromStdString(value.dump());
}

Status fromV1(const QString& kind, json& doc, const schema::Catalog& catalog = schema::Catalog::builtin())
{
    if (kind == QLatin1String("network"))
        return schema::networkFromV1(doc, catalog);
    if (kind == QLatin1String("endpoint"))
        return schema::endpointFromV1(doc, catalog);
    if (kind == QLatin1String("namespace"))
        return schema::namespaceFromV1(doc, catalog);
    if (kind == QLatin1String("loadbalancer"))
        return schema::loadBalancerFromV1(doc, catalog);
    if (kind == QLatin1String("policy"))
        return schema::endpointPolicyFromV1(doc, catalog);
    return Status(hr::Unexpected, "unknown kind in test data");
}

json toV1(const QString& kind, const json& doc, const schema::Catalog& catalog = schema::Catalog::builtin())
{
    if (kind == QLatin1String("network"))
        return schema::networkToV1(doc, catalog);
    if (kind == QLatin1String("endpoint"))
        return schema::endpointToV1(doc, nullptr, catalog);
    if (kind == QLatin1String("namespace"))
        return schema::namespaceToV1(doc, catalog);
    return schema::loadBalancerToV1(doc, catalog);
}

/// A catalog whose enums know values the built-in one does not (a newer HCN): the conversion must pick
/// them up without a code change. Flag bits sit elsewhere than in HCN, to show they are read too.
constexpr char kNewerCatalog[] = R"({"types": [], "policyBindings": [], "enums": [
    {"name": "NetworkMode", "values": [{"name": "NAT", "numeric": 0}, {"name": "Transparent", "numeric": 2},
                                       {"name": "VxlanTunnel", "numeric": 11}]},
    {"name": "NetworkPolicyType", "values": [{"name": "NetAdapterName", "numeric": 1},
                                             {"name": "TrafficShaper", "numeric": 14}]},
    {"name": "EndpointPolicyType", "values": [{"name": "PortMapping", "numeric": 0}, {"name": "QOS", "numeric": 2},
                                              {"name": "MeteringPolicy", "numeric": 19}]},
    {"name": "SubnetPolicyType", "values": [{"name": "VLAN", "numeric": 0}, {"name": "VSID", "numeric": 1}]},
    {"name": "ProtocolType", "values": [{"name": "TCP", "numeric": 6}, {"name": "UDP", "numeric": 17},
                                        {"name": "SCTP", "numeric": 132}]},
    {"name": "EndpointFlags", "bitmask": true, "values": [{"name": "None", "numeric": 0},
        {"name": "RemoteEndpoint", "numeric": 64}, {"name": "DisableInterComputeCommunication", "numeric": 128},
        {"name": "EnableLowInterfaceMetric", "numeric": 256}]},
    {"name": "LoadBalancerFlags", "bitmask": true, "values": [{"name": "None", "numeric": 0},
        {"name": "EnableDirectServerReturn", "numeric": 1}, {"name": "IPv6", "numeric": 2}]},
    {"name": "LoadBalancerPortMappingFlags", "bitmask": true, "values": [{"name": "None", "numeric": 0},
        {"name": "EnableInternalLoadBalancer", "numeric": 1}]}
]})";

/// True when every member of expected appears in actual with the same value (arrays element by element).
bool containsSubset(const json& actual, const json& expected, const std::string& path, std::string& why)
{
    if (expected.is_object()) {
        if (!actual.is_object()) {
            why = path + " is not an object";
            return false;
        }
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            if (!actual.contains(it.key())) {
                why = path + "." + it.key() + " is missing";
                return false;
            }
            if (!containsSubset(actual[it.key()], *it, path + "." + it.key(), why))
                return false;
        }
        return true;
    }
    if (expected.is_array()) {
        if (!actual.is_array() || actual.size() != expected.size()) {
            why = path + " differs in size or kind";
            return false;
        }
        for (std::size_t i = 0; i < expected.size(); ++i) {
            if (!containsSubset(actual[i], expected[i], path + "[" + std::to_string(i) + "]", why))
                return false;
        }
        return true;
    }
    if (actual != expected) {
        why = path + " is " + actual.dump() + ", expected " + expected.dump();
        return false;
    }
    return true;
}

} // namespace

#define QCOMPARE_JSON(actualValue, expectedValue)                                                            \
    do {                                                                                                     \
        const json actualJson_ = (actualValue);                                                              \
        const json expectedJson_ = (expectedValue);                                                          \
        QVERIFY2(actualJson_ == expectedJson_,                                                               \
                 qPrintable(QStringLiteral("\n   actual: %1\n expected: %2")                                 \
                                .arg(dumpOf(actualJson_), dumpOf(expectedJson_))));                          \
    } while (false)

// ---- real-looking dumps -------------------------------------------------------------------------

// Get-HnsNetwork | ConvertTo-Json -Depth 20 of a docker/WinNAT "nat" network on Server 2022.
static const char kNatNetworkDump[] = R"({
    "ActivityId":  "3B9A2A2D-7C1E-4E0B-9F0C-2F3E1E0C5D11",
    "AdditionalParams":  {},
    "CurrentEndpointCount":  2,
    "Extensions":  [
        {"Id": "E7C3B2F0-F3C5-48DF-AF2B-10FED6D72E7A", "IsEnabled": false, "Name": "Microsoft Windows Filtering Platform"},
        {"Id": "EA24CD6C-D17A-4348-9190-09F0D5BE83DD", "IsEnabled": true, "Name": "Microsoft NDIS Capture"}
    ],
    "Flags":  8,
    "Health":  {"LastErrorCode": 0, "LastUpdateTime": 133508076463076342},
    "ID":  "B95D0C79-18B0-4C23-8E4C-1A8F2F6C0E3A",
    "IPv6":  false,
    "LayeredOn":  "5C3A2C2E-0E7A-4F3A-9D8E-71B1C5E8F0A2",
    "MacPools":  [{"EndMacAddress": "00-15-5D-9B-AF-FF", "StartMacAddress": "00-15-5D-9B-A0-00"}],
    "MaxConcurrentEndpoints":  2,
    "Name":  "nat",
    "NatName":  "NATB95D0C79-18B0-4C23-8E4C-1A8F2F6C0E3A",
    "Policies":  [{"Type": "VLAN", "VLAN": 1}],
    "Resources":  {"AdditionalParams": {}, "AllocationOrder": 2, "Allocators": [{"Tag": "Host Vnic", "State": 3}], "ID": "0C1B2A39-4857-6A7B-8C9D-0E1F2A3B4C5D"},
    "State":  1,
    "Subnets":  [{
        "AdditionalParams": {}, "AddressPrefix": "172.29.144.0/20", "Flags": 0, "GatewayAddress": "172.29.144.1",
        "Health": {"LastErrorCode": 0, "LastUpdateTime": 133508076463076342},
        "ID": "A1F3E7B4-1F8E-4F4B-9D3D-6A7B8C9D0E1F", "ObjectType": 5, "Policies": [], "State": 0
    }],
    "SwitchGuid":  "0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0",
    "TotalEndpoints":  2,
    "Type":  "nat",
    "Version":  64424509440
})";

static const char kNatNetworkV2[] = R"({
    "ID": "B95D0C79-18B0-4C23-8E4C-1A8F2F6C0E3A", "Name": "nat", "Type": "NAT", "Flags": 8, "AdditionalParams": {},
    "Ipams": [{"Type": "Static", "Subnets": [{
        "IpAddressPrefix": "172.29.144.0/20",
        "Routes": [{"NextHop": "172.29.144.1", "DestinationPrefix": "0.0.0.0/0"}],
        "Policies": [{"Type": "VLAN", "Settings": {"IsolationId": 1}}],
        "ID": "A1F3E7B4-1F8E-4F4B-9D3D-6A7B8C9D0E1F", "Flags": 0}]}],
    "MacPool": {"Ranges": [{"StartMacAddress": "00-15-5D-9B-A0-00", "EndMacAddress": "00-15-5D-9B-AF-FF"}]},
    "Health": {"Extra": {"LayeredOn": "5C3A2C2E-0E7A-4F3A-9D8E-71B1C5E8F0A2",
                         "SwitchGuid": "0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0"}},
    "_v1": {
        "Extensions": [
            {"Id": "E7C3B2F0-F3C5-48DF-AF2B-10FED6D72E7A", "IsEnabled": false, "Name": "Microsoft Windows Filtering Platform"},
            {"Id": "EA24CD6C-D17A-4348-9190-09F0D5BE83DD", "IsEnabled": true, "Name": "Microsoft NDIS Capture"}],
        "IPv6": false, "MaxConcurrentEndpoints": 2}
})";

// A flannel vxlan0 overlay network after HNS added ManagementIP/DrMacAddress.
static const char kOverlayNetworkDump[] = R"({
    "ActivityId": "7D2E4F60-1A2B-4C3D-8E9F-0A1B2C3D4E5F",
    "AdditionalParams": {},
    "AutomaticDNS": false,
    "CurrentEndpointCount": 3,
    "DNSServerList": "10.96.0.10",
    "DrMacAddress": "00-15-5D-5C-E3-01",
    "Flags": 0,
    "Health": {"LastErrorCode": 0, "LastUpdateTime": 133508076463076342},
    "ID": "E8A0E3C9-5B1D-4C6E-9F2A-3B4C5D6E7F80",
    "IPv6": false,
    "LayeredOn": "1D2C3B4A-5968-4776-8594-A3B2C1D0E9F8",
    "MacPools": [{"EndMacAddress": "0E-2A-0A-F4-FF-FF", "StartMacAddress": "0E-2A-0A-F4-00-00"}],
    "ManagementIP": "192.168.1.20",
    "Name": "vxlan0",
    "NetworkAdapterName": "Ethernet",
    "Policies": [],
    "State": 1,
    "Subnets": [{
        "AddressPrefix": "10.244.2.0/24", "GatewayAddress": "10.244.2.1",
        "ID": "2B3C4D5E-6F70-4182-93A4-B5C6D7E8F901", "ObjectType": 5, "State": 0,
        "Policies": [{"Type": "VSID", "VSID": 4096}],
        "IpSubnets": [{"ID": "3C4D5E6F-7081-4293-A4B5-C6D7E8F90A12", "IpAddressPrefix": "10.244.2.0/24",
                       "Flags": 3, "ObjectType": 6, "State": 0}]
    }],
    "TotalEndpoints": 3,
    "Type": "Overlay",
    "Version": 38654705666
})";

static const char kOverlayNetworkV2[] = R"({
    "ID": "E8A0E3C9-5B1D-4C6E-9F2A-3B4C5D6E7F80", "Name": "vxlan0", "Type": "Overlay", "Flags": 0,
    "AdditionalParams": {},
    "Dns": {"ServerList": ["10.96.0.10"]},
    "Policies": [
        {"Type": "NetAdapterName", "Settings": {"NetworkAdapterName": "Ethernet"}},
        {"Type": "ProviderAddress", "Settings": {"ProviderAddress": "192.168.1.20"}},
        {"Type": "DrMacAddress", "Settings": {"Address": "00-15-5D-5C-E3-01"}}],
    "Ipams": [{"Type": "Static", "Subnets": [{
        "IpAddressPrefix": "10.244.2.0/24",
        "Routes": [{"NextHop": "10.244.2.1", "DestinationPrefix": "0.0.0.0/0"}],
        "Policies": [{"Type": "VSID", "Settings": {"IsolationId": 4096}}],
        "IpSubnets": [{"ID": "3C4D5E6F-7081-4293-A4B5-C6D7E8F90A12", "IpAddressPrefix": "10.244.2.0/24", "Flags": 3}],
        "ID": "2B3C4D5E-6F70-4182-93A4-B5C6D7E8F901"}]}],
    "MacPool": {"Ranges": [{"StartMacAddress": "0E-2A-0A-F4-00-00", "EndMacAddress": "0E-2A-0A-F4-FF-FF"}]},
    "Health": {"Extra": {"LayeredOn": "1D2C3B4A-5968-4776-8594-A3B2C1D0E9F8"}},
    "_v1": {"IPv6": false}
})";

// flannel's remote endpoint for a pod on another node (v1 API).
static const char kFlannelRemoteEndpoint[] = R"({
    "ActivityId": "9E8D7C6B-5A49-4837-A625-1403F2E1D0C9",
    "EncapOverhead": 50,
    "Health": {"LastErrorCode": 0, "LastUpdateTime": 133508076463076342},
    "ID": "6F5E4D3C-2B1A-4098-8776-655443322110",
    "IPAddress": "10.244.3.5",
    "IsRemoteEndpoint": true,
    "MacAddress": "0E-2A-0a-f4-03-05",
    "Name": "remote_10.244.3.5",
    "Namespace": {"ID": "00000000-0000-0000-0000-000000000000", "IsDefault": false},
    "Policies": [{"PA": "192.168.1.21", "Type": "PA"}, {"Type": "L2Driver"}],
    "PrefixLength": 24,
    "Resources": {"AllocationOrder": 1, "ID": "6F5E4D3C-2B1A-4098-8776-655443322110"},
    "SharedContainers": [],
    "State": 1,
    "Version": 38654705666,
    "VirtualNetwork": "E8A0E3C9-5B1D-4C6E-9F2A-3B4C5D6E7F80",
    "VirtualNetworkName": "vxlan0"
})";

static const char kFlannelRemoteEndpointV2[] = R"({
    "ID": "6F5E4D3C-2B1A-4098-8776-655443322110", "Name": "remote_10.244.3.5",
    "HostComputeNetwork": "E8A0E3C9-5B1D-4C6E-9F2A-3B4C5D6E7F80",
    "IpConfigurations": [{"IpAddress": "10.244.3.5", "PrefixLength": 24}],
    "MacAddress": "0E-2A-0a-f4-03-05",
    "Flags": 1,
    "Policies": [
        {"Type": "ProviderAddress", "Settings": {"ProviderAddress": "192.168.1.21"}},
        {"Type": "L2Driver", "Settings": {}},
        {"Type": "EncapOverhead", "Settings": {"Overhead": 50}}],
    "_v1": {"VirtualNetworkName": "vxlan0", "SharedContainers": []}
})";

// docker run -p 8080:80 on a NAT network.
static const char kDockerNatEndpoint[] = R"({
    "ID": "C4B3A291-8071-4F6E-9D5C-4B3A29180716",
    "Name": "Ethernet",
    "VirtualNetwork": "B95D0C79-18B0-4C23-8E4C-1A8F2F6C0E3A",
    "VirtualNetworkName": "nat",
    "IPAddress": "172.29.150.23",
    "PrefixLength": 20,
    "GatewayAddress": "172.29.144.1",
    "MacAddress": "00-15-5D-9B-A3-4C",
    "DNSServerList": "172.29.144.1",
    "EnableInternalDNS": true,
    "Policies": [{"Type": "NAT", "Protocol": "TCP", "InternalPort": 80, "ExternalPort": 8080, "ExternalPortReserved": false}],
    "Namespace": {"ID": "9A6C3E5B-1D2F-4A7B-8C9D-0E1F2A3B4C5D"},
    "State": 2
})";

static const char kDockerNatEndpointV2[] = R"({
    "ID": "C4B3A291-8071-4F6E-9D5C-4B3A29180716", "Name": "Ethernet",
    "HostComputeNetwork": "B95D0C79-18B0-4C23-8E4C-1A8F2F6C0E3A",
    "IpConfigurations": [{"IpAddress": "172.29.150.23", "PrefixLength": 20}],
    "Routes": [{"NextHop": "172.29.144.1", "DestinationPrefix": "0.0.0.0/0"}],
    "MacAddress": "00-15-5D-9B-A3-4C",
    "Dns": {"ServerList": ["172.29.144.1"]},
    "Policies": [{"Type": "PortMapping", "Settings": {"Protocol": 6, "InternalPort": 80, "ExternalPort": 8080}}],
    "HostComputeNamespace": "9A6C3E5B-1D2F-4A7B-8C9D-0E1F2A3B4C5D",
    "_v1": {"VirtualNetworkName": "nat", "EnableInternalDNS": true}
})";

// Get-HnsPolicyList of a kube-proxy (v1 HNS) ClusterIP service.
static const char kKubeProxyPolicyList[] = R"({
    "ActivityId": "0A9B8C7D-6E5F-4031-8283-747566574839",
    "AdditionalParams": {},
    "Flags": 0,
    "Health": {"LastErrorCode": 0, "LastUpdateTime": 133508076463076342},
    "HostComputeNetwork": "E8A0E3C9-5B1D-4C6E-9F2A-3B4C5D6E7F80",
    "ID": "5F1C2D3E-4A5B-4C6D-8E7F-90A1B2C3D4E5",
    "IsApplied": true,
    "Policies": [{"ExternalPort": 80, "ILB": false, "InternalPort": 8080, "IsDSR": false, "Protocol": 6,
                  "SourceVIP": "10.244.2.2", "Type": "ELB", "VIPs": ["10.96.0.50"]}],
    "References": ["/endpoints/1B6E2C3D-4E5F-4061-8273-849506172839",
                   "/endpoints/2C7F3D4E-5F60-4172-9384-95A617283940"],
    "Resources": {"AllocationOrder": 0, "ID": "5F1C2D3E-4A5B-4C6D-8E7F-90A1B2C3D4E5"},
    "State": 2,
    "Version": 38654705666
})";

static const char kKubeProxyLoadBalancerV2[] = R"({
    "ID": "5F1C2D3E-4A5B-4C6D-8E7F-90A1B2C3D4E5",
    "HostComputeNetwork": "E8A0E3C9-5B1D-4C6E-9F2A-3B4C5D6E7F80",
    "HostComputeEndpoints": ["1B6E2C3D-4E5F-4061-8273-849506172839", "2C7F3D4E-5F60-4172-9384-95A617283940"],
    "PortMappings": [{"Protocol": 6, "InternalPort": 8080, "ExternalPort": 80}],
    "FrontendVIPs": ["10.96.0.50"],
    "SourceVIP": "10.244.2.2",
    "AdditionalParams": {}
})";

class TestV1Conversion : public QObject
{
    Q_OBJECT

private slots:
    void isV1Document_data();
    void isV1Document();
    void networkFromV1_data();
    void networkFromV1();
    void endpointFromV1_data();
    void endpointFromV1();
    void endpointPolicyFromV1_data();
    void endpointPolicyFromV1();
    void namespaceFromV1_data();
    void namespaceFromV1();
    void loadBalancerFromV1_data();
    void loadBalancerFromV1();
    void structuralErrors_data();
    void structuralErrors();
    void networkToV1_data();
    void networkToV1();
    void endpointToV1_data();
    void endpointToV1();
    void namespaceToV1_data();
    void namespaceToV1();
    void loadBalancerToV1_data();
    void loadBalancerToV1();
    void roundTrip_data();
    void roundTrip();
    void unmappedFieldsPreserved_data();
    void unmappedFieldsPreserved();
    void enumSpellingsComeFromTheCatalog_data();
    void enumSpellingsComeFromTheCatalog();
    void v1OutputSpellsGuidsUpperCase_data();
    void v1OutputSpellsGuidsUpperCase();
};

void TestV1Conversion::isV1Document_data()
{
    QTest::addColumn<QByteArray>("doc");
    QTest::addColumn<bool>("expected");
    QTest::newRow("no SchemaVersion is v1") << QByteArray(R"({"Name":"nat","Type":"nat"})") << true;
    QTest::newRow("empty object is v1") << QByteArray("{}") << true;
    QTest::newRow("SchemaVersion 1.0 is v1")
        << QByteArray(R"({"SchemaVersion":{"Major":1,"Minor":0}})") << true;
    QTest::newRow("SchemaVersion 2.0 is v2")
        << QByteArray(R"({"SchemaVersion":{"Major":2,"Minor":0}})") << false;
    QTest::newRow("SchemaVersion 2.2 is v2")
        << QByteArray(R"({"SchemaVersion":{"Major":2,"Minor":2}})") << false;
    QTest::newRow("lower-case schemaversion key is still seen")
        << QByteArray(R"({"schemaversion":{"major":2,"minor":0}})") << false;
    QTest::newRow("lower-case major 1 is v1") << QByteArray(R"({"schemaVersion":{"major":1}})") << true;
    QTest::newRow("not an object is not a v1 document") << QByteArray("[1,2]") << false;
}

void TestV1Conversion::isV1Document()
{
    QFETCH(QByteArray, doc);
    QFETCH(bool, expected);
    QCOMPARE(schema::isV1Document(parse(doc)), expected);
}

void TestV1Conversion::networkFromV1_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("Get-HnsNetwork dump of a NAT network")
        << QByteArray(kNatNetworkDump) << QByteArray(kNatNetworkV2);
    QTest::newRow("Get-HnsNetwork dump of an overlay network with VSID")
        << QByteArray(kOverlayNetworkDump) << QByteArray(kOverlayNetworkV2);
    QTest::newRow("transparent network without subnets gets a Dhcp ipam")
        << QByteArray(R"({"Name":"ext","Type":"transparent","NetworkAdapterName":"Ethernet 2"})")
        << QByteArray(R"({"Name":"ext","Type":"Transparent","Ipams":[{"Type":"Dhcp"}],
                          "Policies":[{"Type":"NetAdapterName","Settings":{"NetworkAdapterName":"Ethernet 2"}}]})");
    QTest::newRow("l2bridge network without subnets gets no ipam")
        << QByteArray(R"({"Name":"cbr0","Type":"l2bridge","Subnets":[]})")
        << QByteArray(R"({"Name":"cbr0","Type":"L2Bridge"})");
    QTest::newRow("ipv6 subnet gets a ::/0 default route")
        << QByteArray(R"({"Type":"L2Bridge","Subnets":[
                {"AddressPrefix":"10.0.0.0/24","GatewayAddress":"10.0.0.1"},
                {"AddressPrefix":"fd00:10::/64","GatewayAddress":"fd00:10::1"}]})")
        << QByteArray(R"({"Type":"L2Bridge","Ipams":[{"Type":"Static","Subnets":[
                {"IpAddressPrefix":"10.0.0.0/24","Routes":[{"NextHop":"10.0.0.1","DestinationPrefix":"0.0.0.0/0"}]},
                {"IpAddressPrefix":"fd00:10::/64","Routes":[{"NextHop":"fd00:10::1","DestinationPrefix":"::/0"}]}]}]})");
    QTest::newRow("subnet without gateway has no routes")
        << QByteArray(R"({"Type":"Private","Subnets":[{"AddressPrefix":"10.5.0.0/16","GatewayAddress":""}]})")
        << QByteArray(
               R"({"Type":"Private","Ipams":[{"Type":"Static","Subnets":[{"IpAddressPrefix":"10.5.0.0/16"}]}]})");
    QTest::newRow("dns server list, suffix and domain")
        << QByteArray(R"({"Type":"NAT","DNSServerList":"10.0.0.10, 10.0.0.11","DNSSuffix":"a.local,b.local",
                          "DNSDomain":"corp.local"})")
        << QByteArray(
               R"({"Type":"NAT","Dns":{"ServerList":["10.0.0.10","10.0.0.11"],"Search":["a.local","b.local"],
                          "Domain":"corp.local"}})");
    QTest::newRow("empty dns strings give no Dns")
        << QByteArray(R"({"Type":"NAT","DNSServerList":"","DNSSuffix":"","DNSDomain":""})")
        << QByteArray(R"({"Type":"NAT"})");
    QTest::newRow("source mac and automatic dns become network policies")
        << QByteArray(R"({"Type":"Transparent","SourceMac":"00-15-5D-01-02-03","AutomaticDNS":true,
                          "Subnets":[{"AddressPrefix":"192.168.5.0/24","GatewayAddress":"192.168.5.1"}]})")
        << QByteArray(R"({"Type":"Transparent",
                          "Ipams":[{"Type":"Static","Subnets":[{"IpAddressPrefix":"192.168.5.0/24",
                              "Routes":[{"NextHop":"192.168.5.1","DestinationPrefix":"0.0.0.0/0"}]}]}],
                          "Policies":[{"Type":"SourceMacAddress","Settings":{"SourceMacAddress":"00-15-5D-01-02-03"}},
                                      {"Type":"AutomaticDNS","Settings":{"Enable":true}}]})");
    QTest::newRow("interface constraint becomes a network policy")
        << QByteArray(
               R"({"Type":"ICS","InterfaceConstraint":{"InterfaceGuid":"11111111-2222-3333-4444-555555555555"}})")
        << QByteArray(R"({"Type":"ICS","Policies":[{"Type":"InterfaceConstraint",
                          "Settings":{"InterfaceGuid":"11111111-2222-3333-4444-555555555555"}}]})");
    QTest::newRow("flat network policies of v2 types get Settings")
        << QByteArray(R"({"Type":"Overlay","Policies":[
                {"Type":"remotesubnetroute","DestinationPrefix":"10.244.3.0/24","IsolationId":4096,
                 "ProviderAddress":"192.168.1.21","DistributedRouterMacAddress":"00-15-5D-5C-E3-02"},
                {"Type":"HostRoute"}]})")
        << QByteArray(R"({"Type":"Overlay","Policies":[
                {"Type":"RemoteSubnetRoute","Settings":{"DestinationPrefix":"10.244.3.0/24","IsolationId":4096,
                 "ProviderAddress":"192.168.1.21","DistributedRouterMacAddress":"00-15-5D-5C-E3-02"}},
                {"Type":"HostRoute","Settings":{}}]})");
    QTest::newRow("v2-shaped network policy is left alone")
        << QByteArray(R"({"Type":"Overlay","Policies":[{"Type":"VxlanPort","Settings":{"Port":4790}}]})")
        << QByteArray(R"({"Type":"Overlay","Policies":[{"Type":"VxlanPort","Settings":{"Port":4790}}]})");
    QTest::newRow("network VLAN policy is pushed to every subnet without its own")
        << QByteArray(R"({"Type":"L2Bridge","Policies":[{"Type":"VLAN","VLAN":7}],"Subnets":[
                {"AddressPrefix":"10.1.0.0/24","GatewayAddress":"10.1.0.1"},
                {"AddressPrefix":"10.2.0.0/24","GatewayAddress":"10.2.0.1","Policies":[{"Type":"VLAN","VLAN":9}]}]})")
        << QByteArray(R"({"Type":"L2Bridge","Ipams":[{"Type":"Static","Subnets":[
                {"IpAddressPrefix":"10.1.0.0/24","Routes":[{"NextHop":"10.1.0.1","DestinationPrefix":"0.0.0.0/0"}],
                 "Policies":[{"Type":"VLAN","Settings":{"IsolationId":7}}]},
                {"IpAddressPrefix":"10.2.0.0/24","Routes":[{"NextHop":"10.2.0.1","DestinationPrefix":"0.0.0.0/0"}],
                 "Policies":[{"Type":"VLAN","Settings":{"IsolationId":9}}]}]}]})");
    QTest::newRow("network VLAN policy without subnets is kept under _v1")
        << QByteArray(R"({"Type":"NAT","Policies":[{"Type":"VLAN","VLAN":1}]})")
        << QByteArray(R"({"Type":"NAT","_v1":{"Policies":[{"Type":"VLAN","VLAN":1}]}})");
    QTest::newRow("Isolation and VNET policies have no v2 form and are kept under _v1")
        << QByteArray(
               R"({"Type":"Overlay","Policies":[{"Type":"Isolation","VSID":5000,"InDefaultIsolation":false},
                                                      {"Type":"VNET"}]})")
        << QByteArray(R"({"Type":"Overlay","_v1":{"Policies":[
                {"Type":"Isolation","VSID":5000,"InDefaultIsolation":false},{"Type":"VNET"}]}})");
    QTest::newRow("unknown network policy is left for the normalizer")
        << QByteArray(R"({"Type":"NAT","Policies":[{"Type":"Bogus","X":1}]})")
        << QByteArray(R"({"Type":"NAT","Policies":[{"Type":"Bogus","X":1}]})");
    QTest::newRow("Layered has no v2 mode and is kept as given")
        << QByteArray(R"({"Type":"Layered"})") << QByteArray(R"({"Type":"Layered"})");
    QTest::newRow("unknown mode is kept as given")
        << QByteArray(R"({"Type":"Hyperloop"})") << QByteArray(R"({"Type":"Hyperloop"})");
    QTest::newRow("constrained ics type gets canonical case")
        << QByteArray(R"({"Type":"constrainedics"})") << QByteArray(R"({"Type":"ConstrainedICS"})");
    QTest::newRow("WSL ICS network keeps IsolateSwitch under _v1")
        << QByteArray(
               R"({"Name":"WSL","Type":"ics","Flags":9,"IsolateSwitch":true,"MaxConcurrentEndpoints":1})")
        << QByteArray(
               R"({"Name":"WSL","Type":"ICS","Flags":9,"_v1":{"IsolateSwitch":true,"MaxConcurrentEndpoints":1}})");
    QTest::newRow("v1 keys are matched case-insensitively")
        << QByteArray(R"({"name":"x","type":"l2bridge","subnets":[{"addressprefix":"10.1.0.0/16",
                          "gatewayaddress":"10.1.0.1","policies":[{"type":"vlan","vlan":3}]}],"dnsserverlist":"1.1.1.1",
                          "macpools":[{"startmacaddress":"00-15-5D-00-00-00","endmacaddress":"00-15-5D-00-0F-FF"}]})")
        << QByteArray(R"({"Name":"x","Type":"L2Bridge","Ipams":[{"Type":"Static","Subnets":[
                {"IpAddressPrefix":"10.1.0.0/16","Routes":[{"NextHop":"10.1.0.1","DestinationPrefix":"0.0.0.0/0"}],
                 "Policies":[{"Type":"VLAN","Settings":{"IsolationId":3}}]}]}],
                "Dns":{"ServerList":["1.1.1.1"]},
                "MacPool":{"Ranges":[{"StartMacAddress":"00-15-5D-00-00-00","EndMacAddress":"00-15-5D-00-0F-FF"}]}})");
    QTest::newRow("top-level AddressPrefix without subnets becomes the subnet")
        << QByteArray(R"({"Type":"NAT","AddressPrefix":"172.20.0.0/16","GatewayAddress":"172.20.0.1"})")
        << QByteArray(
               R"({"Type":"NAT","Ipams":[{"Type":"Static","Subnets":[{"IpAddressPrefix":"172.20.0.0/16",
                          "Routes":[{"NextHop":"172.20.0.1","DestinationPrefix":"0.0.0.0/0"}]}]}]})");
    QTest::newRow("top-level AddressPrefix summarising Subnets[0] adds nothing")
        << QByteArray(R"({"Type":"NAT","AddressPrefix":"172.20.0.0/16",
                          "Subnets":[{"AddressPrefix":"172.20.0.0/16"}]})")
        << QByteArray(
               R"({"Type":"NAT","Ipams":[{"Type":"Static","Subnets":[{"IpAddressPrefix":"172.20.0.0/16"}]}]})");
    QTest::newRow("unknown subnet field is kept under the subnet's _v1")
        << QByteArray(R"({"Type":"NAT","Subnets":[{"AddressPrefix":"172.20.0.0/16","Gizmo":5}]})")
        << QByteArray(
               R"({"Type":"NAT","Ipams":[{"Type":"Static","Subnets":[{"IpAddressPrefix":"172.20.0.0/16",
                          "_v1":{"Gizmo":5}}]}]})");
    QTest::newRow("v2 document without SchemaVersion passes unchanged")
        << QByteArray(R"({"Name":"n","Type":"NAT","Flags":8,
                          "Ipams":[{"Type":"Static","Subnets":[{"IpAddressPrefix":"10.0.0.0/24",
                              "Routes":[{"NextHop":"10.0.0.1","DestinationPrefix":"0.0.0.0/0"}]}]}],
                          "Dns":{"ServerList":["1.1.1.1"]},
                          "Policies":[{"Type":"NetAdapterName","Settings":{"NetworkAdapterName":"eth0"}}],
                          "MacPool":{"Ranges":[{"StartMacAddress":"00-15-5D-52-C0-00","EndMacAddress":"00-15-5D-52-CF-FF"}]},
                          "Health":{"Extra":{"SwitchGuid":"0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0"}}})")
        << QByteArray(R"({"Name":"n","Type":"NAT","Flags":8,
                          "Ipams":[{"Type":"Static","Subnets":[{"IpAddressPrefix":"10.0.0.0/24",
                              "Routes":[{"NextHop":"10.0.0.1","DestinationPrefix":"0.0.0.0/0"}]}]}],
                          "Dns":{"ServerList":["1.1.1.1"]},
                          "Policies":[{"Type":"NetAdapterName","Settings":{"NetworkAdapterName":"eth0"}}],
                          "MacPool":{"Ranges":[{"StartMacAddress":"00-15-5D-52-C0-00","EndMacAddress":"00-15-5D-52-CF-FF"}]},
                          "Health":{"Extra":{"SwitchGuid":"0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0"}}})");
    QTest::newRow("v2 Ipams win over v1 Subnets, which are kept under _v1")
        << QByteArray(
               R"({"Type":"NAT","Ipams":[{"Type":"Static","Subnets":[{"IpAddressPrefix":"10.0.0.0/24"}]}],
                          "Subnets":[{"AddressPrefix":"10.9.0.0/24"}]})")
        << QByteArray(
               R"({"Type":"NAT","Ipams":[{"Type":"Static","Subnets":[{"IpAddressPrefix":"10.0.0.0/24"}]}],
                          "_v1":{"Subnets":[{"AddressPrefix":"10.9.0.0/24"}]}})");
    QTest::newRow("bad addresses are left for the normalizer")
        << QByteArray(
               R"({"Type":"NAT","Subnets":[{"AddressPrefix":"10.0.0.300/24","GatewayAddress":"bogus"}]})")
        << QByteArray(
               R"({"Type":"NAT","Ipams":[{"Type":"Static","Subnets":[{"IpAddressPrefix":"10.0.0.300/24",
                          "Routes":[{"NextHop":"bogus","DestinationPrefix":"0.0.0.0/0"}]}]}]})");
    QTest::newRow("depth-truncated Health text is dropped with the diagnostics")
        << QByteArray(R"({"Type":"NAT","Health":"@{LastErrorCode=0; LastUpdateTime=133508076463076342}",
                          "Resources":"@{AllocationOrder=2}","ActivityId":"x"})")
        << QByteArray(R"({"Type":"NAT"})");
}

void TestV1Conversion::networkFromV1()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    json doc = parse(input);
    const Status status = schema::networkFromV1(doc);
    QVERIFY2(status.ok(), status.detail().c_str());
    QCOMPARE_JSON(doc, parse(expected));
}

void TestV1Conversion::endpointFromV1_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("flannel remote endpoint with PA policy")
        << QByteArray(kFlannelRemoteEndpoint) << QByteArray(kFlannelRemoteEndpointV2);
    QTest::newRow("docker NAT endpoint with port mapping")
        << QByteArray(kDockerNatEndpoint) << QByteArray(kDockerNatEndpointV2);
    QTest::newRow("dual-stack addresses, gateways and IP subnet id")
        << QByteArray(R"({"VirtualNetwork":"E8A0E3C9-5B1D-4C6E-9F2A-3B4C5D6E7F80",
                          "IPAddress":"10.0.0.5","PrefixLength":24,"IPSubnetId":"3C4D5E6F-7081-4293-A4B5-C6D7E8F90A12",
                          "IPv6Address":"fd00::5","IPv6PrefixLength":64,
                          "GatewayAddress":"10.0.0.1","GatewayAddressV6":"fd00::1"})")
        << QByteArray(R"({"HostComputeNetwork":"E8A0E3C9-5B1D-4C6E-9F2A-3B4C5D6E7F80",
                          "IpConfigurations":[
                              {"IpAddress":"10.0.0.5","PrefixLength":24,"IpSubnetId":"3C4D5E6F-7081-4293-A4B5-C6D7E8F90A12"},
                              {"IpAddress":"fd00::5","PrefixLength":64}],
                          "Routes":[{"NextHop":"10.0.0.1","DestinationPrefix":"0.0.0.0/0"},
                                    {"NextHop":"fd00::1","DestinationPrefix":"::/0"}]})");
    QTest::newRow("kubernetes DNS suffix list becomes Dns.Search")
        << QByteArray(
               R"({"DNSServerList":"10.96.0.10","DNSSuffix":"default.svc.cluster.local,svc.cluster.local,cluster.local",
                          "DNSDomain":"cluster.local"})")
        << QByteArray(R"({"Dns":{"ServerList":["10.96.0.10"],
                          "Search":["default.svc.cluster.local","svc.cluster.local","cluster.local"],
                          "Domain":"cluster.local"}})");
    QTest::newRow("DisableICC and EnableLowMetric become flag bits")
        << QByteArray(R"({"IsRemoteEndpoint":false,"DisableICC":true,"EnableLowMetric":true})")
        << QByteArray(R"({"Flags":10})");
    QTest::newRow("IsRemoteEndpoint merges into numeric Flags")
        << QByteArray(R"({"Flags":4,"IsRemoteEndpoint":true})") << QByteArray(R"({"Flags":5})");
    QTest::newRow("all false booleans give no Flags")
        << QByteArray(R"({"IsRemoteEndpoint":false,"DisableICC":false,"EnableLowMetric":false})")
        << QByteArray("{}");
    QTest::newRow("calico OutBoundNAT and ROUTE endpoint policies")
        << QByteArray(R"({"Policies":[{"Type":"OutBoundNAT","ExceptionList":["10.244.0.0/16","10.96.0.0/12"]},
                                      {"Type":"ROUTE","DestinationPrefix":"10.96.0.0/12","NeedEncap":true}]})")
        << QByteArray(
               R"({"Policies":[{"Type":"OutBoundNAT","Settings":{"Exceptions":["10.244.0.0/16","10.96.0.0/12"]}},
                                      {"Type":"SDNRoute","Settings":{"DestinationPrefix":"10.96.0.0/12","NeedEncap":true}}]})");
    QTest::newRow("zero namespace means not attached")
        << QByteArray(R"({"Name":"e","Namespace":{"ID":"00000000-0000-0000-0000-000000000000"}})")
        << QByteArray(R"({"Name":"e"})");
    QTest::newRow("VNET endpoint policy is kept under _v1")
        << QByteArray(
               R"({"Policies":[{"Type":"VNET"},{"Type":"QOS","MaximumOutgoingBandwidthInBytes":1000000}]})")
        << QByteArray(R"({"Policies":[{"Type":"QOS","Settings":{"MaximumOutgoingBandwidthInBytes":1000000}}],
                          "_v1":{"Policies":[{"Type":"VNET"}]}})");
    QTest::newRow("interface constraint becomes an endpoint policy")
        << QByteArray(R"({"InterfaceConstraint":{"InterfaceGuid":"11111111-2222-3333-4444-555555555555"}})")
        << QByteArray(R"({"Policies":[{"Type":"InterfaceConstraint",
                          "Settings":{"InterfaceGuid":"11111111-2222-3333-4444-555555555555"}}]})");
    QTest::newRow("empty IPAddress is not an address")
        << QByteArray(R"({"IPAddress":"","MacAddress":"00-15-5D-00-00-01"})")
        << QByteArray(R"({"MacAddress":"00-15-5D-00-00-01"})");
    QTest::newRow("v2 endpoint without SchemaVersion passes unchanged")
        << QByteArray(R"({"HostComputeNetwork":"E8A0E3C9-5B1D-4C6E-9F2A-3B4C5D6E7F80",
                          "IpConfigurations":[{"IpAddress":"10.0.0.5","PrefixLength":24}],
                          "Policies":[{"Type":"PortMapping","Settings":{"Protocol":6,"InternalPort":80,"ExternalPort":80}}],
                          "Flags":1,"Dns":{"ServerList":["10.0.0.10"]}})")
        << QByteArray(R"({"HostComputeNetwork":"E8A0E3C9-5B1D-4C6E-9F2A-3B4C5D6E7F80",
                          "IpConfigurations":[{"IpAddress":"10.0.0.5","PrefixLength":24}],
                          "Policies":[{"Type":"PortMapping","Settings":{"Protocol":6,"InternalPort":80,"ExternalPort":80}}],
                          "Flags":1,"Dns":{"ServerList":["10.0.0.10"]}})");
    QTest::newRow("v2 HostComputeNetwork wins over VirtualNetwork")
        << QByteArray(R"({"HostComputeNetwork":"AAAAAAAA-0000-0000-0000-000000000001",
                          "VirtualNetwork":"BBBBBBBB-0000-0000-0000-000000000002"})")
        << QByteArray(R"({"HostComputeNetwork":"AAAAAAAA-0000-0000-0000-000000000001",
                          "_v1":{"VirtualNetwork":"BBBBBBBB-0000-0000-0000-000000000002"}})");
    QTest::newRow("endpoint keys are matched case-insensitively")
        << QByteArray(R"({"virtualnetwork":"E8A0E3C9-5B1D-4C6E-9F2A-3B4C5D6E7F80","ipaddress":"10.0.0.7",
                          "prefixlength":24,"isremoteendpoint":true,"macaddress":"00-15-5D-00-00-07"})")
        << QByteArray(R"({"HostComputeNetwork":"E8A0E3C9-5B1D-4C6E-9F2A-3B4C5D6E7F80",
                          "IpConfigurations":[{"IpAddress":"10.0.0.7","PrefixLength":24}],
                          "Flags":1,"MacAddress":"00-15-5D-00-00-07"})");
}

void TestV1Conversion::endpointFromV1()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    json doc = parse(input);
    const Status status = schema::endpointFromV1(doc);
    QVERIFY2(status.ok(), status.detail().c_str());
    QCOMPARE_JSON(doc, parse(expected));
}

void TestV1Conversion::endpointPolicyFromV1_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("NAT TCP becomes PortMapping protocol 6")
        << QByteArray(R"({"Type":"NAT","Protocol":"TCP","InternalPort":80,"ExternalPort":8080})")
        << QByteArray(
               R"({"Type":"PortMapping","Settings":{"Protocol":6,"InternalPort":80,"ExternalPort":8080}})");
    QTest::newRow("NAT UDP becomes protocol 17")
        << QByteArray(R"({"Type":"NAT","Protocol":"UDP","InternalPort":53,"ExternalPort":53})")
        << QByteArray(
               R"({"Type":"PortMapping","Settings":{"Protocol":17,"InternalPort":53,"ExternalPort":53}})");
    QTest::newRow("NAT protocol number passes through")
        << QByteArray(R"({"Type":"NAT","Protocol":6,"InternalPort":443,"ExternalPort":8443})")
        << QByteArray(
               R"({"Type":"PortMapping","Settings":{"Protocol":6,"InternalPort":443,"ExternalPort":8443}})");
    QTest::newRow("NAT drops ExternalPortReserved")
        << QByteArray(
               R"({"Type":"NAT","Protocol":"tcp","InternalPort":80,"ExternalPort":80,"ExternalPortReserved":true})")
        << QByteArray(
               R"({"Type":"PortMapping","Settings":{"Protocol":6,"InternalPort":80,"ExternalPort":80}})");
    QTest::newRow("NAT keys and type in any case")
        << QByteArray(R"({"type":"nat","protocol":"udp","internalport":53,"externalport":5353})")
        << QByteArray(
               R"({"Type":"PortMapping","Settings":{"Protocol":17,"InternalPort":53,"ExternalPort":5353}})");
    QTest::newRow("ACL single Protocol/LocalPort/RemotePort become strings, InternalPort/ServiceName dropped")
        << QByteArray(R"({"Type":"ACL","Id":"allow-web","Protocol":6,"LocalPort":80,"RemotePort":443,
                          "Action":"Allow","Direction":"In","LocalAddresses":"10.0.0.0/24",
                          "RemoteAddresses":"10.1.0.0/16","RuleType":"Switch","Priority":200,
                          "InternalPort":80,"ServiceName":"web"})")
        << QByteArray(R"({"Type":"ACL","Settings":{"Id":"allow-web","Protocols":"6","LocalPorts":"80",
                          "RemotePorts":"443","Action":"Allow","Direction":"In","LocalAddresses":"10.0.0.0/24",
                          "RemoteAddresses":"10.1.0.0/16","RuleType":"Switch","Priority":200}})");
    QTest::newRow("ACL plural fields pass through")
        << QByteArray(
               R"({"Type":"ACL","Protocols":"6,17","LocalPorts":"80,443","Action":"Block","Direction":"Out"})")
        << QByteArray(R"({"Type":"ACL","Settings":{"Protocols":"6,17","LocalPorts":"80,443","Action":"Block",
                          "Direction":"Out"}})");
    QTest::newRow("ACL zero port means unset")
        << QByteArray(R"({"Type":"ACL","Protocol":17,"LocalPort":0,"Action":"Allow","Direction":"In"})")
        << QByteArray(R"({"Type":"ACL","Settings":{"Protocols":"17","Action":"Allow","Direction":"In"}})");
    QTest::newRow("QOS keeps its field")
        << QByteArray(R"({"Type":"QOS","MaximumOutgoingBandwidthInBytes":20000000})")
        << QByteArray(R"({"Type":"QOS","Settings":{"MaximumOutgoingBandwidthInBytes":20000000}})");
    QTest::newRow("OutBoundNAT VIP and ExceptionList get their v2 names")
        << QByteArray(R"({"Type":"OutBoundNAT","VIP":"192.168.1.20","ExceptionList":["10.244.0.0/16"],
                          "Destinations":["0.0.0.0/0"],"MaxPortPoolUsage":50})")
        << QByteArray(
               R"({"Type":"OutBoundNAT","Settings":{"VirtualIP":"192.168.1.20","Exceptions":["10.244.0.0/16"],
                          "Destinations":["0.0.0.0/0"],"MaxPortPoolUsage":50}})");
    QTest::newRow("outboundnat type in lower case")
        << QByteArray(R"({"Type":"outboundnat","ExceptionList":["10.0.0.0/8"]})")
        << QByteArray(R"({"Type":"OutBoundNAT","Settings":{"Exceptions":["10.0.0.0/8"]}})");
    QTest::newRow("ROUTE becomes SDNRoute")
        << QByteArray(
               R"({"Type":"ROUTE","DestinationPrefix":"10.96.0.0/12","NextHop":"10.244.2.1","NeedEncap":true})")
        << QByteArray(
               R"({"Type":"SDNRoute","Settings":{"DestinationPrefix":"10.96.0.0/12","NextHop":"10.244.2.1",
                          "NeedEncap":true}})");
    QTest::newRow("PROXY becomes L4Proxy")
        << QByteArray(R"({"Type":"PROXY","IP":"127.0.0.1","Port":"15001","ExceptionList":["10.0.0.1"],
                          "Destination":"10.0.0.5","OutboundNat":true})")
        << QByteArray(
               R"({"Type":"L4Proxy","Settings":{"IP":"127.0.0.1","Port":"15001","ExceptionList":["10.0.0.1"],
                          "Destination":"10.0.0.5","OutboundNat":true}})");
    QTest::newRow("PA becomes ProviderAddress")
        << QByteArray(R"({"Type":"PA","PA":"192.168.1.21"})")
        << QByteArray(R"({"Type":"ProviderAddress","Settings":{"ProviderAddress":"192.168.1.21"}})");
    QTest::newRow("L2Driver takes no settings")
        << QByteArray(R"({"Type":"L2Driver"})") << QByteArray(R"({"Type":"L2Driver","Settings":{}})");
    QTest::newRow("endpoint VLAN becomes IsolationId")
        << QByteArray(R"({"Type":"VLAN","VLAN":12})")
        << QByteArray(R"({"Type":"VLAN","Settings":{"IsolationId":12}})");
    QTest::newRow("flat spelling of a v2 type gets Settings")
        << QByteArray(R"({"Type":"EncapOverhead","Overhead":50})")
        << QByteArray(R"({"Type":"EncapOverhead","Settings":{"Overhead":50}})");
    QTest::newRow("policy already in v2 shape is left alone")
        << QByteArray(R"({"Type":"PortMapping","Settings":{"Protocol":"TCP","InternalPort":80}})")
        << QByteArray(R"({"Type":"PortMapping","Settings":{"Protocol":"TCP","InternalPort":80}})");
    QTest::newRow("unknown type is left for the normalizer")
        << QByteArray(R"({"Type":"Magic","Foo":1})") << QByteArray(R"({"Type":"Magic","Foo":1})");
    QTest::newRow("policy without Type is left for the normalizer")
        << QByteArray(R"({"Foo":1})") << QByteArray(R"({"Foo":1})");
}

void TestV1Conversion::endpointPolicyFromV1()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    json policy = parse(input);
    const Status status = schema::endpointPolicyFromV1(policy);
    QVERIFY2(status.ok(), status.detail().c_str());
    QCOMPARE_JSON(policy, parse(expected));
}

void TestV1Conversion::namespaceFromV1_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("default namespace becomes HostDefault")
        << QByteArray(
               R"({"ID":"0D9C8B7A-6958-4736-A514-F3E2D1C0B9A8","IsDefault":true,"CompartmentId":1,"ResourceList":[]})")
        << QByteArray(
               R"({"ID":"0D9C8B7A-6958-4736-A514-F3E2D1C0B9A8","Type":"HostDefault","NamespaceId":1,"Resources":[]})");
    QTest::newRow("container namespace with endpoint and container resources")
        << QByteArray(R"({"ID":"9A6C3E5B-1D2F-4A7B-8C9D-0E1F2A3B4C5D","IsDefault":false,"CompartmentId":5,
                          "ResourceList":[{"Type":"Endpoint","Data":{"Id":"C4B3A291-8071-4F6E-9D5C-4B3A29180716"}},
                                          {"Type":"container","Data":{"Id":"4d1b3a5c"}}]})")
        << QByteArray(R"({"ID":"9A6C3E5B-1D2F-4A7B-8C9D-0E1F2A3B4C5D","Type":"Host","NamespaceId":5,
                          "Resources":[{"Type":"Endpoint","Data":{"ID":"C4B3A291-8071-4F6E-9D5C-4B3A29180716"}},
                                       {"Type":"Container","Data":{"ID":"4d1b3a5c"}}]})");
    QTest::newRow("empty create body stays empty") << QByteArray("{}") << QByteArray("{}");
    QTest::newRow("namespace keys are matched case-insensitively")
        << QByteArray(R"({"id":"9A6C3E5B-1D2F-4A7B-8C9D-0E1F2A3B4C5D","isdefault":false,"compartmentid":3,
                          "resourcelist":[{"type":"endpoint","data":{"id":"C4B3A291-8071-4F6E-9D5C-4B3A29180716"}}]})")
        << QByteArray(R"({"ID":"9A6C3E5B-1D2F-4A7B-8C9D-0E1F2A3B4C5D","Type":"Host","NamespaceId":3,
                          "Resources":[{"Type":"Endpoint","Data":{"ID":"C4B3A291-8071-4F6E-9D5C-4B3A29180716"}}]})");
    QTest::newRow("v2 Type wins over IsDefault")
        << QByteArray(R"({"Type":"Guest","IsDefault":true})")
        << QByteArray(R"({"Type":"Guest","_v1":{"IsDefault":true}})");
}

void TestV1Conversion::namespaceFromV1()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    json doc = parse(input);
    const Status status = schema::namespaceFromV1(doc);
    QVERIFY2(status.ok(), status.detail().c_str());
    QCOMPARE_JSON(doc, parse(expected));
}

void TestV1Conversion::loadBalancerFromV1_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("kube-proxy ELB policy list")
        << QByteArray(kKubeProxyPolicyList) << QByteArray(kKubeProxyLoadBalancerV2);
    QTest::newRow("ILB sets the port mapping flag, IsDSR the load balancer flag")
        << QByteArray(R"({"References":["/endpoints/1B6E2C3D-4E5F-4061-8273-849506172839"],
                          "Policies":[{"Type":"ELB","Protocol":17,"InternalPort":53,"ExternalPort":53,
                                       "VIPs":["10.96.0.10"],"ILB":true,"IsDSR":true}]})")
        << QByteArray(R"({"HostComputeEndpoints":["1B6E2C3D-4E5F-4061-8273-849506172839"],
                          "PortMappings":[{"Protocol":17,"InternalPort":53,"ExternalPort":53,"Flags":1}],
                          "FrontendVIPs":["10.96.0.10"],"Flags":1})");
    QTest::newRow("several ELB entries give one port mapping each and share VIPs")
        << QByteArray(R"({"References":["/endpoints/a1","/ENDPOINTS/b2"],"Policies":[
                          {"Type":"ELB","Protocol":6,"InternalPort":53,"ExternalPort":53,"VIPs":["10.96.0.10"]},
                          {"Type":"elb","Protocol":"UDP","InternalPort":53,"ExternalPort":53,"VIPs":["10.96.0.10","10.96.0.11"]}]})")
        << QByteArray(R"({"HostComputeEndpoints":["a1","b2"],
                          "PortMappings":[{"Protocol":6,"InternalPort":53,"ExternalPort":53},
                                          {"Protocol":17,"InternalPort":53,"ExternalPort":53}],
                          "FrontendVIPs":["10.96.0.10","10.96.0.11"]})");
    QTest::newRow("IPv6 VIPs set the IPv6 flag")
        << QByteArray(R"({"Policies":[{"Type":"ELB","Protocol":6,"InternalPort":80,"ExternalPort":80,
                          "VIPs":["fd00:96::50"],"SourceVIP":"fd00:244::2"}]})")
        << QByteArray(R"({"PortMappings":[{"Protocol":6,"InternalPort":80,"ExternalPort":80}],
                          "FrontendVIPs":["fd00:96::50"],"SourceVIP":"fd00:244::2","Flags":2})");
    QTest::newRow("ROUTE entries in a policy list are kept under _v1")
        << QByteArray(R"({"References":["/endpoints/a1"],
                          "Policies":[{"Type":"ROUTE","DestinationPrefix":"10.0.0.0/8","NeedEncap":true}]})")
        << QByteArray(R"({"HostComputeEndpoints":["a1"],
                          "_v1":{"Policies":[{"Type":"ROUTE","DestinationPrefix":"10.0.0.0/8","NeedEncap":true}]}})");
}

void TestV1Conversion::loadBalancerFromV1()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    json doc = parse(input);
    const Status status = schema::loadBalancerFromV1(doc);
    QVERIFY2(status.ok(), status.detail().c_str());
    QCOMPARE_JSON(doc, parse(expected));
}

void TestV1Conversion::structuralErrors_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("detail");

    QTest::newRow("network document is not an object") << "network" << QByteArray("[]") << "JSON object";
    QTest::newRow("network Subnets is not an array")
        << "network" << QByteArray(R"({"Subnets":{"AddressPrefix":"10.0.0.0/24"}})")
        << "Subnets must be an array";
    QTest::newRow("depth-truncated Subnets text is not an array")
        << "network" << QByteArray(R"({"Subnets":"System.Object[]"})") << "Subnets must be an array";
    QTest::newRow("network subnet entry is not an object")
        << "network" << QByteArray(R"({"Subnets":["10.0.0.0/24"]})") << "Subnets[0] must be an object";
    QTest::newRow("subnet Policies is not an array")
        << "network"
        << QByteArray(R"({"Subnets":[{"AddressPrefix":"10.0.0.0/24","Policies":{"Type":"VSID"}}]})")
        << "Subnets[0].Policies must be an array";
    QTest::newRow("network MacPools is not an array")
        << "network" << QByteArray(R"({"MacPools":"00-15-5D-00-00-00"})") << "MacPools must be an array";
    QTest::newRow("network Policies is not an array")
        << "network" << QByteArray(R"({"Policies":{"Type":"VLAN","VLAN":1}})") << "Policies must be an array";
    QTest::newRow("network DNSServerList is a number")
        << "network" << QByteArray(R"({"DNSServerList":8})") << "DNSServerList";
    QTest::newRow("endpoint Policies is not an array")
        << "endpoint" << QByteArray(R"({"Policies":"NAT"})") << "Policies must be an array";
    QTest::newRow("endpoint policy entry is not an object")
        << "endpoint" << QByteArray(R"({"Policies":[{"Type":"L2Driver"},"PA"]})")
        << "Policies[1] must be an object";
    QTest::newRow("endpoint DNSSuffix is an object")
        << "endpoint" << QByteArray(R"({"DNSSuffix":{"a":1}})") << "DNSSuffix";
    QTest::newRow("policy is not an object") << "policy" << QByteArray(R"("NAT")") << "JSON object";
    QTest::newRow("namespace ResourceList is not an array")
        << "namespace" << QByteArray(R"({"ResourceList":{"Type":"Endpoint"}})")
        << "ResourceList must be an array";
    QTest::newRow("policy list References is not an array")
        << "loadbalancer" << QByteArray(R"({"References":"/endpoints/a1"})") << "References must be an array";
    QTest::newRow("policy list reference is not a string")
        << "loadbalancer" << QByteArray(R"({"References":[42]})") << "References entries";
    QTest::newRow("policy list Policies is not an array")
        << "loadbalancer" << QByteArray(R"({"Policies":{"Type":"ELB"}})") << "Policies must be an array";
}

void TestV1Conversion::structuralErrors()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, input);
    QFETCH(QString, detail);
    json doc = parse(input);
    const Status status = fromV1(kind, doc);
    QVERIFY(!status.ok());
    QCOMPARE(hresultHex(status.code()), hresultHex(hr::InvalidJson));
    QVERIFY2(QString::fromStdString(status.detail()).contains(detail), status.detail().c_str());
}

void TestV1Conversion::networkToV1_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("NAT network with omitted Type shows Type NAT")
        << QByteArray(R"({"ID":"B95D0C79-18B0-4C23-8E4C-1A8F2F6C0E3A","Name":"nat","Flags":8,"State":1,
                          "Version":64424509440,
                          "Ipams":[{"Type":"Static","Subnets":[{"IpAddressPrefix":"172.29.144.0/20",
                              "Routes":[{"NextHop":"172.29.144.1","DestinationPrefix":"0.0.0.0/0"}],
                              "Policies":[{"Type":"VLAN","Settings":{"IsolationId":1}}]}]}],
                          "MacPool":{"Ranges":[{"StartMacAddress":"00-15-5D-9B-A0-00","EndMacAddress":"00-15-5D-9B-AF-FF"}]}})")
        << QByteArray(
               R"({"ID":"B95D0C79-18B0-4C23-8E4C-1A8F2F6C0E3A","Name":"nat","Type":"NAT","Flags":8,"State":1,
                          "Version":64424509440,
                          "Subnets":[{"AddressPrefix":"172.29.144.0/20","GatewayAddress":"172.29.144.1",
                                      "Policies":[{"Type":"VLAN","VLAN":1}]}],
                          "MacPools":[{"StartMacAddress":"00-15-5D-9B-A0-00","EndMacAddress":"00-15-5D-9B-AF-FF"}],
                          "Policies":[]})");
    QTest::newRow("overlay network shows ManagementIP, DrMacAddress and switch details")
        << QByteArray(R"({"ID":"E8A0E3C9-5B1D-4C6E-9F2A-3B4C5D6E7F80","Name":"vxlan0","Type":"Overlay",
                          "Policies":[{"Type":"NetAdapterName","Settings":{"NetworkAdapterName":"Ethernet"}},
                                      {"Type":"ProviderAddress","Settings":{"ProviderAddress":"192.168.1.20"}},
                                      {"Type":"DrMacAddress","Settings":{"Address":"00-15-5D-5C-E3-01"}},
                                      {"Type":"RemoteSubnetRoute","Settings":{"DestinationPrefix":"10.244.3.0/24",
                                          "IsolationId":4096,"ProviderAddress":"192.168.1.21",
                                          "DistributedRouterMacAddress":"00-15-5D-5C-E3-02"}}],
                          "Dns":{"ServerList":["10.96.0.10","10.96.0.11"],"Search":["svc.cluster.local","cluster.local"],
                                 "Domain":"cluster.local"},
                          "Health":{"Extra":{"LayeredOn":"1D2C3B4A-5968-4776-8594-A3B2C1D0E9F8",
                                             "SwitchGuid":"0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0"}},
                          "Ipams":[{"Type":"Static","Subnets":[{"ID":"2B3C4D5E-6F70-4182-93A4-B5C6D7E8F901",
                              "IpAddressPrefix":"10.244.2.0/24",
                              "Routes":[{"NextHop":"10.244.2.1","DestinationPrefix":"0.0.0.0/0"}],
                              "Policies":[{"Type":"VSID","Settings":{"IsolationId":4096}}],
                              "IpSubnets":[{"ID":"3C4D5E6F-7081-4293-A4B5-C6D7E8F90A12","IpAddressPrefix":"10.244.2.0/24","Flags":3}]}]}]})")
        << QByteArray(R"({"ID":"E8A0E3C9-5B1D-4C6E-9F2A-3B4C5D6E7F80","Name":"vxlan0","Type":"Overlay",
                          "NetworkAdapterName":"Ethernet","ManagementIP":"192.168.1.20","DrMacAddress":"00-15-5D-5C-E3-01",
                          "Policies":[{"Type":"RemoteSubnetRoute","DestinationPrefix":"10.244.3.0/24","IsolationId":4096,
                                       "ProviderAddress":"192.168.1.21","DistributedRouterMacAddress":"00-15-5D-5C-E3-02"}],
                          "DNSServerList":"10.96.0.10,10.96.0.11","DNSSuffix":"svc.cluster.local,cluster.local",
                          "DNSDomain":"cluster.local",
                          "LayeredOn":"1D2C3B4A-5968-4776-8594-A3B2C1D0E9F8","SwitchGuid":"0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0",
                          "Subnets":[{"ID":"2B3C4D5E-6F70-4182-93A4-B5C6D7E8F901","AddressPrefix":"10.244.2.0/24",
                              "GatewayAddress":"10.244.2.1","Policies":[{"Type":"VSID","VSID":4096}],
                              "IpSubnets":[{"ID":"3C4D5E6F-7081-4293-A4B5-C6D7E8F90A12","IpAddressPrefix":"10.244.2.0/24","Flags":3}]}]})");
    QTest::newRow("dhcp transparent network shows no subnets")
        << QByteArray(R"({"Name":"ext","Type":"Transparent","Ipams":[{"Type":"Dhcp"}]})")
        << QByteArray(R"({"Name":"ext","Type":"Transparent","Subnets":[],"Policies":[]})");
    QTest::newRow("source mac and automatic dns policies show as fields")
        << QByteArray(R"({"Type":"Transparent","Policies":[
                          {"Type":"SourceMacAddress","Settings":{"SourceMacAddress":"00-15-5D-01-02-03"}},
                          {"Type":"AutomaticDNS","Settings":{"Enable":true}}]})")
        << QByteArray(R"({"Type":"Transparent","Subnets":[],"Policies":[],"SourceMac":"00-15-5D-01-02-03",
                          "AutomaticDNS":true})");
    QTest::newRow("_v1 fields come back at the top level, parked policies join Policies")
        << QByteArray(R"({"Type":"Overlay","Policies":[{"Type":"HostRoute","Settings":{}}],
                          "_v1":{"IPv6":false,"GatewayMac":"00-15-5D-AA-BB-CC",
                                 "Policies":[{"Type":"Isolation","VSID":5000}]}})")
        << QByteArray(R"({"Type":"Overlay","Subnets":[],"IPv6":false,"GatewayMac":"00-15-5D-AA-BB-CC",
                          "Policies":[{"Type":"HostRoute"},{"Type":"Isolation","VSID":5000}]})");
}

void TestV1Conversion::networkToV1()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QCOMPARE_JSON(schema::networkToV1(parse(input)), parse(expected));
}

void TestV1Conversion::endpointToV1_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("network");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("docker NAT endpoint shows network name, NAT policy and namespace")
        << QByteArray(kDockerNatEndpointV2)
        << QByteArray(R"({"ID":"B95D0C79-18B0-4C23-8E4C-1A8F2F6C0E3A","Name":"nat"})")
        << QByteArray(R"({"ID":"C4B3A291-8071-4F6E-9D5C-4B3A29180716","Name":"Ethernet",
                          "VirtualNetwork":"B95D0C79-18B0-4C23-8E4C-1A8F2F6C0E3A","VirtualNetworkName":"nat",
                          "IPAddress":"172.29.150.23","PrefixLength":20,"GatewayAddress":"172.29.144.1",
                          "MacAddress":"00-15-5D-9B-A3-4C","DNSServerList":"172.29.144.1","IsRemoteEndpoint":false,
                          "Policies":[{"Type":"NAT","Protocol":"TCP","InternalPort":80,"ExternalPort":8080}],
                          "Namespace":{"ID":"9A6C3E5B-1D2F-4A7B-8C9D-0E1F2A3B4C5D"},"EnableInternalDNS":true})");
    QTest::newRow("remote endpoint shows IsRemoteEndpoint, PA and EncapOverhead")
        << QByteArray(
               R"({"ID":"6F5E4D3C-2B1A-4098-8776-655443322110","HostComputeNetwork":"E8A0E3C9-5B1D-4C6E-9F2A-3B4C5D6E7F80",
                          "IpConfigurations":[{"IpAddress":"10.244.3.5","PrefixLength":24}],"Flags":1,"State":1,
                          "Policies":[{"Type":"ProviderAddress","Settings":{"ProviderAddress":"192.168.1.21"}},
                                      {"Type":"L2Driver"},{"Type":"EncapOverhead","Settings":{"Overhead":50}}]})")
        << QByteArray()
        << QByteArray(
               R"({"ID":"6F5E4D3C-2B1A-4098-8776-655443322110","VirtualNetwork":"E8A0E3C9-5B1D-4C6E-9F2A-3B4C5D6E7F80",
                          "IPAddress":"10.244.3.5","PrefixLength":24,"IsRemoteEndpoint":true,"State":1,
                          "Policies":[{"Type":"PA","PA":"192.168.1.21"},{"Type":"L2Driver"}],"EncapOverhead":50,
                          "Namespace":{"ID":"00000000-0000-0000-0000-000000000000"}})");
    QTest::newRow("gateway comes from the network subnet when the endpoint has no default route")
        << QByteArray(R"({"HostComputeNetwork":"E8A0E3C9-5B1D-4C6E-9F2A-3B4C5D6E7F80",
                          "IpConfigurations":[{"IpAddress":"10.244.2.7","PrefixLength":24}]})")
        << QByteArray(R"({"ID":"E8A0E3C9-5B1D-4C6E-9F2A-3B4C5D6E7F80","Name":"vxlan0","Type":"Overlay",
                          "Ipams":[{"Type":"Static","Subnets":[
                              {"IpAddressPrefix":"10.244.9.0/24","Routes":[{"NextHop":"10.244.9.1","DestinationPrefix":"0.0.0.0/0"}]},
                              {"IpAddressPrefix":"10.244.2.0/24","Routes":[{"NextHop":"10.244.2.1","DestinationPrefix":"0.0.0.0/0"}]}]}]})")
        << QByteArray(
               R"({"VirtualNetwork":"E8A0E3C9-5B1D-4C6E-9F2A-3B4C5D6E7F80","VirtualNetworkName":"vxlan0",
                          "IPAddress":"10.244.2.7","PrefixLength":24,"GatewayAddress":"10.244.2.1","IsRemoteEndpoint":false,
                          "Policies":[],"Namespace":{"ID":"00000000-0000-0000-0000-000000000000"}})");
    QTest::newRow("dual-stack endpoint shows both families")
        << QByteArray(
               R"({"IpConfigurations":[{"IpAddress":"10.0.0.5","PrefixLength":24,"IpSubnetId":"3C4D5E6F-7081-4293-A4B5-C6D7E8F90A12"},
                                              {"IpAddress":"fd00::5","PrefixLength":64}],
                          "Routes":[{"NextHop":"fd00::1","DestinationPrefix":"::/0"},
                                    {"NextHop":"10.0.0.1","DestinationPrefix":"0.0.0.0/0"},
                                    {"NextHop":"10.0.0.254","DestinationPrefix":"192.168.0.0/16"}],
                          "Dns":{"Search":["a.local","b.local"],"Domain":"a.local"}})")
        << QByteArray()
        << QByteArray(
               R"({"IPAddress":"10.0.0.5","PrefixLength":24,"IPSubnetId":"3C4D5E6F-7081-4293-A4B5-C6D7E8F90A12",
                          "IPv6Address":"fd00::5","IPv6PrefixLength":64,"GatewayAddress":"10.0.0.1",
                          "GatewayAddressV6":"fd00::1","DNSSuffix":"a.local,b.local","DNSDomain":"a.local",
                          "IsRemoteEndpoint":false,"Policies":[],
                          "Namespace":{"ID":"00000000-0000-0000-0000-000000000000"}})");
    QTest::newRow("flag bits show as v1 booleans")
        << QByteArray(R"({"Flags":10})") << QByteArray()
        << QByteArray(R"({"IsRemoteEndpoint":false,"DisableICC":true,"EnableLowMetric":true,"Policies":[],
                          "Namespace":{"ID":"00000000-0000-0000-0000-000000000000"}})");
    QTest::newRow("policies get their v1 names and fields")
        << QByteArray(R"({"Policies":[
                {"Type":"OutBoundNAT","Settings":{"VirtualIP":"192.168.1.20","Exceptions":["10.244.0.0/16"]}},
                {"Type":"SDNRoute","Settings":{"DestinationPrefix":"10.96.0.0/12","NeedEncap":true}},
                {"Type":"L4Proxy","Settings":{"IP":"127.0.0.1","Port":"15001","Exceptions":["10.0.0.1"],"OutboundNAT":true}},
                {"Type":"ACL","Settings":{"Protocols":"6","LocalPorts":"80","Action":"Allow","Direction":"In","Priority":200}},
                {"Type":"QOS","Settings":{"MaximumOutgoingBandwidthInBytes":1000}},
                {"Type":"VLAN","Settings":{"IsolationId":12}},
                {"Type":"PortMapping","Settings":{"Protocol":17,"InternalPort":53,"ExternalPort":53}},
                {"Type":"PortMapping","Settings":{"Protocol":1,"InternalPort":0,"ExternalPort":0}}]})")
        << QByteArray()
        << QByteArray(
               R"({"IsRemoteEndpoint":false,"Namespace":{"ID":"00000000-0000-0000-0000-000000000000"},"Policies":[
                {"Type":"OutBoundNAT","VIP":"192.168.1.20","ExceptionList":["10.244.0.0/16"]},
                {"Type":"ROUTE","DestinationPrefix":"10.96.0.0/12","NeedEncap":true},
                {"Type":"PROXY","IP":"127.0.0.1","Port":"15001","ExceptionList":["10.0.0.1"],"OutboundNat":true},
                {"Type":"ACL","Protocols":"6","LocalPorts":"80","Action":"Allow","Direction":"In","Priority":200},
                {"Type":"QOS","MaximumOutgoingBandwidthInBytes":1000},
                {"Type":"VLAN","VLAN":12},
                {"Type":"NAT","Protocol":"UDP","InternalPort":53,"ExternalPort":53},
                {"Type":"NAT","Protocol":1,"InternalPort":0,"ExternalPort":0}]})");
    QTest::newRow("computed VirtualNetworkName wins over a parked one")
        << QByteArray(R"({"HostComputeNetwork":"B95D0C79-18B0-4C23-8E4C-1A8F2F6C0E3A",
                          "_v1":{"VirtualNetworkName":"old-name","EnableInternalDNS":true}})")
        << QByteArray(R"({"ID":"B95D0C79-18B0-4C23-8E4C-1A8F2F6C0E3A","Name":"nat"})")
        << QByteArray(R"({"VirtualNetwork":"B95D0C79-18B0-4C23-8E4C-1A8F2F6C0E3A","VirtualNetworkName":"nat",
                          "EnableInternalDNS":true,"IsRemoteEndpoint":false,"Policies":[],
                          "Namespace":{"ID":"00000000-0000-0000-0000-000000000000"}})");
}

void TestV1Conversion::endpointToV1()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, network);
    QFETCH(QByteArray, expected);
    const json networkDoc = parse(network);
    QCOMPARE_JSON(schema::endpointToV1(parse(input), network.isEmpty() ? nullptr : &networkDoc),
                  parse(expected));
}

void TestV1Conversion::namespaceToV1_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("HostDefault namespace is the default one")
        << QByteArray(R"({"ID":"0D9C8B7A-6958-4736-A514-F3E2D1C0B9A8","Type":"HostDefault","NamespaceId":1})")
        << QByteArray(
               R"({"ID":"0D9C8B7A-6958-4736-A514-F3E2D1C0B9A8","IsDefault":true,"CompartmentId":1,"ResourceList":[]})");
    QTest::newRow("host namespace lists its resources with Data.Id")
        << QByteArray(R"({"ID":"9A6C3E5B-1D2F-4A7B-8C9D-0E1F2A3B4C5D","Type":"Host","NamespaceId":5,
                          "Resources":[{"Type":"Endpoint","Data":{"ID":"C4B3A291-8071-4F6E-9D5C-4B3A29180716"}}]})")
        << QByteArray(R"({"ID":"9A6C3E5B-1D2F-4A7B-8C9D-0E1F2A3B4C5D","IsDefault":false,"CompartmentId":5,
                          "ResourceList":[{"Type":"Endpoint","Data":{"Id":"C4B3A291-8071-4F6E-9D5C-4B3A29180716"}}]})");
    QTest::newRow("namespace without Type is not the default")
        << QByteArray(R"({"ID":"9A6C3E5B-1D2F-4A7B-8C9D-0E1F2A3B4C5D"})")
        << QByteArray(R"({"ID":"9A6C3E5B-1D2F-4A7B-8C9D-0E1F2A3B4C5D","IsDefault":false,"ResourceList":[]})");
}

void TestV1Conversion::namespaceToV1()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QCOMPARE_JSON(schema::namespaceToV1(parse(input)), parse(expected));
}

void TestV1Conversion::loadBalancerToV1_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("kube-proxy service shows one ELB policy")
        << QByteArray(R"({"ID":"5F1C2D3E-4A5B-4C6D-8E7F-90A1B2C3D4E5","HostComputeEndpoints":["a1","b2"],
                          "SourceVIP":"10.244.2.2","FrontendVIPs":["10.96.0.50"],"State":2,
                          "PortMappings":[{"Protocol":6,"InternalPort":8080,"ExternalPort":80,"DistributionType":0}],
                          "HostComputeNetwork":"E8A0E3C9-5B1D-4C6E-9F2A-3B4C5D6E7F80"})")
        << QByteArray(
               R"({"ID":"5F1C2D3E-4A5B-4C6D-8E7F-90A1B2C3D4E5","References":["/endpoints/a1","/endpoints/b2"],
                          "Policies":[{"Type":"ELB","Protocol":6,"InternalPort":8080,"ExternalPort":80,
                                       "SourceVIP":"10.244.2.2","VIPs":["10.96.0.50"]}],"State":2,
                          "HostComputeNetwork":"E8A0E3C9-5B1D-4C6E-9F2A-3B4C5D6E7F80"})");
    QTest::newRow("ILB and DSR flags show as ELB booleans")
        << QByteArray(R"({"HostComputeEndpoints":["a1"],"Flags":1,"FrontendVIPs":["10.96.0.10"],
                          "PortMappings":[{"Protocol":17,"InternalPort":53,"ExternalPort":53,"Flags":1}]})")
        << QByteArray(
               R"({"References":["/endpoints/a1"],"Policies":[{"Type":"ELB","Protocol":17,"InternalPort":53,
                          "ExternalPort":53,"VIPs":["10.96.0.10"],"ILB":true,"IsDSR":true}]})");
    QTest::newRow("two port mappings give two ELB entries")
        << QByteArray(R"({"HostComputeEndpoints":[],"FrontendVIPs":["10.96.0.10"],
                          "PortMappings":[{"Protocol":6,"InternalPort":53,"ExternalPort":53},
                                          {"Protocol":17,"InternalPort":53,"ExternalPort":53}]})")
        << QByteArray(R"({"References":[],"Policies":[
                          {"Type":"ELB","Protocol":6,"InternalPort":53,"ExternalPort":53,"VIPs":["10.96.0.10"]},
                          {"Type":"ELB","Protocol":17,"InternalPort":53,"ExternalPort":53,"VIPs":["10.96.0.10"]}]})");
    QTest::newRow("load balancer without port mappings still shows its VIPs")
        << QByteArray(R"({"FrontendVIPs":["10.96.0.10"]})")
        << QByteArray(R"({"References":[],"Policies":[{"Type":"ELB","VIPs":["10.96.0.10"]}]})");
}

void TestV1Conversion::loadBalancerToV1()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QCOMPARE_JSON(schema::loadBalancerToV1(parse(input)), parse(expected));
}

void TestV1Conversion::roundTrip_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("meaningful");

    QTest::newRow("NAT network dump") << "network" << QByteArray(kNatNetworkDump) << QByteArray(R"({
        "ID":"B95D0C79-18B0-4C23-8E4C-1A8F2F6C0E3A","Name":"nat","Type":"NAT","Flags":8,
        "Subnets":[{"AddressPrefix":"172.29.144.0/20","GatewayAddress":"172.29.144.1",
                    "ID":"A1F3E7B4-1F8E-4F4B-9D3D-6A7B8C9D0E1F","Policies":[{"Type":"VLAN","VLAN":1}]}],
        "MacPools":[{"EndMacAddress":"00-15-5D-9B-AF-FF","StartMacAddress":"00-15-5D-9B-A0-00"}],
        "LayeredOn":"5C3A2C2E-0E7A-4F3A-9D8E-71B1C5E8F0A2","SwitchGuid":"0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0",
        "IPv6":false,"MaxConcurrentEndpoints":2,"AdditionalParams":{}})");
    QTest::newRow("overlay network dump") << "network" << QByteArray(kOverlayNetworkDump) << QByteArray(R"({
        "ID":"E8A0E3C9-5B1D-4C6E-9F2A-3B4C5D6E7F80","Name":"vxlan0","Type":"Overlay","Flags":0,
        "DNSServerList":"10.96.0.10","DrMacAddress":"00-15-5D-5C-E3-01","ManagementIP":"192.168.1.20",
        "NetworkAdapterName":"Ethernet","Policies":[],
        "MacPools":[{"EndMacAddress":"0E-2A-0A-F4-FF-FF","StartMacAddress":"0E-2A-0A-F4-00-00"}],
        "Subnets":[{"AddressPrefix":"10.244.2.0/24","GatewayAddress":"10.244.2.1",
                    "ID":"2B3C4D5E-6F70-4182-93A4-B5C6D7E8F901","Policies":[{"Type":"VSID","VSID":4096}],
                    "IpSubnets":[{"ID":"3C4D5E6F-7081-4293-A4B5-C6D7E8F90A12","IpAddressPrefix":"10.244.2.0/24","Flags":3}]}]})");
    QTest::newRow("transparent network with DNS and source mac")
        << "network"
        << QByteArray(
               R"({"Name":"ext","Type":"Transparent","SourceMac":"00-15-5D-01-02-03","AutomaticDNS":true,
                          "DNSServerList":"10.0.0.10,10.0.0.11","DNSSuffix":"corp.local,lab.local","DNSDomain":"corp.local"})")
        << QByteArray(
               R"({"Name":"ext","Type":"Transparent","SourceMac":"00-15-5D-01-02-03","AutomaticDNS":true,
                          "DNSServerList":"10.0.0.10,10.0.0.11","DNSSuffix":"corp.local,lab.local","DNSDomain":"corp.local",
                          "Subnets":[],"Policies":[]})");
    QTest::newRow("flannel remote endpoint")
        << "endpoint" << QByteArray(kFlannelRemoteEndpoint) << QByteArray(R"({
        "ID":"6F5E4D3C-2B1A-4098-8776-655443322110","Name":"remote_10.244.3.5",
        "VirtualNetwork":"E8A0E3C9-5B1D-4C6E-9F2A-3B4C5D6E7F80","VirtualNetworkName":"vxlan0",
        "IPAddress":"10.244.3.5","PrefixLength":24,"MacAddress":"0E-2A-0a-f4-03-05","IsRemoteEndpoint":true,
        "Policies":[{"Type":"PA","PA":"192.168.1.21"},{"Type":"L2Driver"}],"EncapOverhead":50,
        "Namespace":{"ID":"00000000-0000-0000-0000-000000000000"},"SharedContainers":[]})");
    QTest::newRow("docker NAT endpoint") << "endpoint" << QByteArray(kDockerNatEndpoint) << QByteArray(R"({
        "ID":"C4B3A291-8071-4F6E-9D5C-4B3A29180716","Name":"Ethernet","VirtualNetworkName":"nat",
        "IPAddress":"172.29.150.23","PrefixLength":20,"GatewayAddress":"172.29.144.1","DNSServerList":"172.29.144.1",
        "MacAddress":"00-15-5D-9B-A3-4C","EnableInternalDNS":true,"IsRemoteEndpoint":false,
        "Policies":[{"Type":"NAT","Protocol":"TCP","InternalPort":80,"ExternalPort":8080}],
        "Namespace":{"ID":"9A6C3E5B-1D2F-4A7B-8C9D-0E1F2A3B4C5D"}})");
    QTest::newRow("dual-stack endpoint with DNS suffix list")
        << "endpoint"
        << QByteArray(
               R"({"IPAddress":"10.0.0.5","PrefixLength":24,"IPv6Address":"fd00::5","IPv6PrefixLength":64,
                          "GatewayAddress":"10.0.0.1","GatewayAddressV6":"fd00::1","DisableICC":true,
                          "DNSSuffix":"default.svc.cluster.local,svc.cluster.local,cluster.local",
                          "Policies":[{"Type":"OutBoundNAT","VIP":"192.168.1.20","ExceptionList":["10.244.0.0/16"]},
                                      {"Type":"ROUTE","DestinationPrefix":"10.96.0.0/12","NeedEncap":true}]})")
        << QByteArray(
               R"({"IPAddress":"10.0.0.5","PrefixLength":24,"IPv6Address":"fd00::5","IPv6PrefixLength":64,
                          "GatewayAddress":"10.0.0.1","GatewayAddressV6":"fd00::1","DisableICC":true,
                          "DNSSuffix":"default.svc.cluster.local,svc.cluster.local,cluster.local",
                          "Policies":[{"Type":"OutBoundNAT","VIP":"192.168.1.20","ExceptionList":["10.244.0.0/16"]},
                                      {"Type":"ROUTE","DestinationPrefix":"10.96.0.0/12","NeedEncap":true}]})");
    QTest::newRow("default namespace")
        << "namespace"
        << QByteArray(R"({"ID":"0D9C8B7A-6958-4736-A514-F3E2D1C0B9A8","IsDefault":true,"CompartmentId":1,
                          "ResourceList":[{"Type":"Endpoint","Data":{"Id":"C4B3A291-8071-4F6E-9D5C-4B3A29180716"}}]})")
        << QByteArray(R"({"ID":"0D9C8B7A-6958-4736-A514-F3E2D1C0B9A8","IsDefault":true,"CompartmentId":1,
                          "ResourceList":[{"Type":"Endpoint","Data":{"Id":"C4B3A291-8071-4F6E-9D5C-4B3A29180716"}}]})");
    QTest::newRow("kube-proxy policy list")
        << "loadbalancer" << QByteArray(kKubeProxyPolicyList) << QByteArray(R"({
        "ID":"5F1C2D3E-4A5B-4C6D-8E7F-90A1B2C3D4E5","HostComputeNetwork":"E8A0E3C9-5B1D-4C6E-9F2A-3B4C5D6E7F80",
        "References":["/endpoints/1B6E2C3D-4E5F-4061-8273-849506172839","/endpoints/2C7F3D4E-5F60-4172-9384-95A617283940"],
        "Policies":[{"Type":"ELB","Protocol":6,"InternalPort":8080,"ExternalPort":80,"SourceVIP":"10.244.2.2",
                     "VIPs":["10.96.0.50"]}]})");
    QTest::newRow("DSR internal load balancer policy list")
        << "loadbalancer"
        << QByteArray(
               R"({"References":["/endpoints/a1"],"Policies":[{"Type":"ELB","Protocol":17,"InternalPort":53,
                          "ExternalPort":53,"VIPs":["10.96.0.10"],"ILB":true,"IsDSR":true}]})")
        << QByteArray(
               R"({"References":["/endpoints/a1"],"Policies":[{"Type":"ELB","Protocol":17,"InternalPort":53,
                          "ExternalPort":53,"VIPs":["10.96.0.10"],"ILB":true,"IsDSR":true}]})");
}

void TestV1Conversion::roundTrip()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, meaningful);

    json v2 = parse(input);
    Status status = fromV1(kind, v2);
    QVERIFY2(status.ok(), status.detail().c_str());
    const json v1 = toV1(kind, v2);
    std::string why;
    QVERIFY2(containsSubset(v1, parse(meaningful), "", why),
             qPrintable(QString::fromStdString(why) + QStringLiteral("\n v1 output: ") + dumpOf(v1)));

    // Converting what Get-Hns* shows back again gives the same v2 document: nothing drifts.
    json again = v1;
    status = fromV1(kind, again);
    QVERIFY2(status.ok(), status.detail().c_str());
    QCOMPARE_JSON(again, v2);
}

void TestV1Conversion::unmappedFieldsPreserved_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("field");

    QTest::newRow("network GatewayMac")
        << "network" << QByteArray(R"({"Type":"NAT","GatewayMac":"00-15-5D-AA-BB-CC"})") << "GatewayMac";
    QTest::newRow("network DNSServerCompartment")
        << "network" << QByteArray(R"({"Type":"ICS","DNSServerCompartment":3})") << "DNSServerCompartment";
    QTest::newRow("network switch Extensions")
        << "network"
        << QByteArray(
               R"({"Type":"Overlay","Extensions":[{"Id":"E9B59CFA-2BE1-4B21-828F-B6FBDBDDC017","IsEnabled":true}]})")
        << "Extensions";
    QTest::newRow("endpoint EnableInternalDNS")
        << "endpoint" << QByteArray(R"({"EnableInternalDNS":true})") << "EnableInternalDNS";
    QTest::newRow("endpoint SharedContainers")
        << "endpoint" << QByteArray(R"({"SharedContainers":["4d1b3a5c","9f8e7d6c"]})") << "SharedContainers";
    QTest::newRow("endpoint PortFriendlyName")
        << "endpoint" << QByteArray(R"({"PortFriendlyName":"Container NIC 1a2b3c4d"})") << "PortFriendlyName";
    QTest::newRow("namespace CompartmentGuid")
        << "namespace"
        << QByteArray(R"({"IsDefault":false,"CompartmentGuid":"7A6B5C4D-3E2F-4101-9283-746556473829"})")
        << "CompartmentGuid";
    QTest::newRow("policy list custom field")
        << "loadbalancer" << QByteArray(R"({"References":[],"Comment":"svc/default/web"})") << "Comment";
}

void TestV1Conversion::unmappedFieldsPreserved()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, input);
    QFETCH(QString, field);

    const json original = parse(input);
    const std::string key = field.toStdString();
    json v2 = original;
    const Status status = fromV1(kind, v2);
    QVERIFY2(status.ok(), status.detail().c_str());
    QVERIFY2(!v2.contains(key), "an unmapped v1 field must not masquerade as a v2 field");
    QVERIFY2(v2.contains("_v1") && v2["_v1"].contains(key), qPrintable(dumpOf(v2)));
    QCOMPARE_JSON(v2["_v1"][key], original[key]);
    const json v1 = toV1(kind, v2);
    QVERIFY2(v1.contains(key), qPrintable(dumpOf(v1)));
    QCOMPARE_JSON(v1[key], original[key]);
}

void TestV1Conversion::enumSpellingsComeFromTheCatalog_data()
{
    QTest::addColumn<bool>("newerCatalog");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("ICMPv6 ACL protocol by name (a catalog protocol v1 conversion did not list)")
        << false << "policy" << QByteArray(R"({"Type":"ACL","Protocol":"icmpv6","Action":"Allow"})")
        << QByteArray(R"({"Type":"ACL","Settings":{"Protocols":"58","Action":"Allow"}})");
    QTest::newRow("network mode only a newer catalog knows")
        << true << "network" << QByteArray(R"({"Name":"t","Type":"vxlantunnel"})")
        << QByteArray(R"({"Name":"t","Type":"VxlanTunnel"})");
    QTest::newRow("the same mode with the built-in catalog stays as given for the normalizer")
        << false << "network" << QByteArray(R"({"Name":"t","Type":"vxlantunnel"})")
        << QByteArray(R"({"Name":"t","Type":"vxlantunnel"})");
    QTest::newRow("flat network policy type only a newer catalog knows")
        << true << "network" << QByteArray(R"({"Type":"NAT","Policies":[{"Type":"trafficshaper","Rate":5}]})")
        << QByteArray(R"({"Type":"NAT","Policies":[{"Type":"TrafficShaper","Settings":{"Rate":5}}]})");
    QTest::newRow("flat endpoint policy type only a newer catalog knows")
        << true << "policy" << QByteArray(R"({"Type":"meteringpolicy","Interval":10})")
        << QByteArray(R"({"Type":"MeteringPolicy","Settings":{"Interval":10}})");
    QTest::newRow("endpoint policy type of the built-in catalog is not one of a newer catalog's")
        << true << "policy" << QByteArray(R"({"Type":"L2Driver"})") << QByteArray(R"({"Type":"L2Driver"})");
    QTest::newRow("port mapping protocol only a newer catalog knows")
        << true << "policy"
        << QByteArray(R"({"Type":"NAT","Protocol":"sctp","InternalPort":9,"ExternalPort":9})")
        << QByteArray(
               R"({"Type":"PortMapping","Settings":{"Protocol":132,"InternalPort":9,"ExternalPort":9}})");
    QTest::newRow("endpoint flag bits from the catalog")
        << true << "endpoint" << QByteArray(R"({"IsRemoteEndpoint":true,"EnableLowMetric":true})")
        << QByteArray(R"({"Flags":320})");
}

void TestV1Conversion::enumSpellingsComeFromTheCatalog()
{
    QFETCH(bool, newerCatalog);
    QFETCH(QString, kind);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    const auto newer = schema::Catalog::fromJson(kNewerCatalog);
    const schema::Catalog& catalog = newerCatalog ? *newer : schema::Catalog::builtin();

    json doc = parse(input);
    const Status status = fromV1(kind, doc, catalog);
    QVERIFY2(status.ok(), status.detail().c_str());
    QCOMPARE_JSON(doc, parse(expected));
}

void TestV1Conversion::v1OutputSpellsGuidsUpperCase_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("network ID, subnet and IP subnet IDs, switch GUIDs")
        << "network" << QByteArray(R"({"ID":"b95d0c79-18b0-4c23-8e4c-1a8f2f6c0e3a","Type":"L2Bridge",
                          "Health":{"Extra":{"SwitchGuid":"0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
                                             "LayeredOn":"1d2c3b4a-5968-4776-8594-a3b2c1d0e9f8"}},
                          "Ipams":[{"Type":"Static","Subnets":[{"ID":"2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901",
                              "IpAddressPrefix":"10.0.0.0/24",
                              "IpSubnets":[{"ID":"3c4d5e6f-7081-4293-a4b5-c6d7e8f90a12","IpAddressPrefix":"10.0.0.0/25"}]}]}]})")
        << QByteArray(R"({"ID":"B95D0C79-18B0-4C23-8E4C-1A8F2F6C0E3A","Type":"L2Bridge","Policies":[],
                          "SwitchGuid":"0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0",
                          "LayeredOn":"1D2C3B4A-5968-4776-8594-A3B2C1D0E9F8",
                          "Subnets":[{"ID":"2B3C4D5E-6F70-4182-93A4-B5C6D7E8F901","AddressPrefix":"10.0.0.0/24",
                              "Policies":[],
                              "IpSubnets":[{"ID":"3C4D5E6F-7081-4293-A4B5-C6D7E8F90A12","IpAddressPrefix":"10.0.0.0/25"}]}]})");
    QTest::newRow("GUIDs inside network policies, by the catalog's settings types")
        << "network" << QByteArray(R"({"Type":"ICS","Policies":[
                          {"Type":"InterfaceConstraint","Settings":{"InterfaceGuid":"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"}},
                          {"Type":"LayerConstraint","Settings":{"LayerId":"1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e"}},
                          {"Type":"VSwitchExtension","Settings":{"ExtensionID":"e7c3b2f0-f3c5-48df-af2b-10fed6d72e7a",
                                                                 "Enable":true}}]})")
        << QByteArray(R"({"Type":"ICS","Subnets":[],
                          "InterfaceConstraint":{"InterfaceGuid":"0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D"},
                          "Policies":[{"Type":"LayerConstraint","LayerId":"1B2C3D4E-5F6A-4B7C-8D9E-0F1A2B3C4D5E"},
                                      {"Type":"VSwitchExtension","ExtensionID":"E7C3B2F0-F3C5-48DF-AF2B-10FED6D72E7A",
                                       "Enable":true}]})");
    QTest::newRow("endpoint ID, network, subnet, namespace and interface GUIDs")
        << "endpoint" << QByteArray(R"({"ID":"c4b3a291-8071-4f6e-9d5c-4b3a29180716",
                          "HostComputeNetwork":"b95d0c79-18b0-4c23-8e4c-1a8f2f6c0e3a",
                          "HostComputeNamespace":"9a6c3e5b-1d2f-4a7b-8c9d-0e1f2a3b4c5d",
                          "IpConfigurations":[{"IpAddress":"10.0.0.5","IpSubnetId":"3c4d5e6f-7081-4293-a4b5-c6d7e8f90a12"}],
                          "Policies":[{"Type":"InterfaceConstraint",
                                       "Settings":{"InterfaceGuid":"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"}}]})")
        << QByteArray(R"({"ID":"C4B3A291-8071-4F6E-9D5C-4B3A29180716",
                          "VirtualNetwork":"B95D0C79-18B0-4C23-8E4C-1A8F2F6C0E3A",
                          "Namespace":{"ID":"9A6C3E5B-1D2F-4A7B-8C9D-0E1F2A3B4C5D"},
                          "IPAddress":"10.0.0.5","IPSubnetId":"3C4D5E6F-7081-4293-A4B5-C6D7E8F90A12",
                          "InterfaceConstraint":{"InterfaceGuid":"0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D"},
                          "IsRemoteEndpoint":false,"Policies":[]})");
    QTest::newRow("namespace endpoints are HNS objects, container IDs are the client's")
        << "namespace"
        << QByteArray(R"({"ID":"9a6c3e5b-1d2f-4a7b-8c9d-0e1f2a3b4c5d","Type":"Host","Resources":[
                          {"Type":"Endpoint","Data":{"ID":"c4b3a291-8071-4f6e-9d5c-4b3a29180716"}},
                          {"Type":"Container","Data":{"ID":"7a6b5c4d-3e2f-4101-9283-746556473829"}}]})")
        << QByteArray(R"({"ID":"9A6C3E5B-1D2F-4A7B-8C9D-0E1F2A3B4C5D","IsDefault":false,"ResourceList":[
                          {"Type":"Endpoint","Data":{"Id":"C4B3A291-8071-4F6E-9D5C-4B3A29180716"}},
                          {"Type":"Container","Data":{"Id":"7a6b5c4d-3e2f-4101-9283-746556473829"}}]})");
    QTest::newRow("load balancer references and network")
        << "loadbalancer" << QByteArray(R"({"ID":"5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a",
                          "HostComputeNetwork":"b95d0c79-18b0-4c23-8e4c-1a8f2f6c0e3a",
                          "HostComputeEndpoints":["c4b3a291-8071-4f6e-9d5c-4b3a29180716"]})")
        << QByteArray(R"({"ID":"5D4C3B2A-1F0E-4D9C-8B7A-6F5E4D3C2B1A",
                          "HostComputeNetwork":"B95D0C79-18B0-4C23-8E4C-1A8F2F6C0E3A",
                          "References":["/endpoints/C4B3A291-8071-4F6E-9D5C-4B3A29180716"],"Policies":[]})");
    QTest::newRow("fields parked under _v1 come back as they were given")
        << "network"
        << QByteArray(
               R"({"Type":"ICS","_v1":{"Extensions":[{"Id":"e7c3b2f0-f3c5-48df-af2b-10fed6d72e7a"}]}})")
        << QByteArray(R"({"Type":"ICS","Subnets":[],"Policies":[],
                          "Extensions":[{"Id":"e7c3b2f0-f3c5-48df-af2b-10fed6d72e7a"}]})");
    QTest::newRow("a zero namespace GUID stays zero")
        << "endpoint" << QByteArray("{}") << QByteArray(R"({"IsRemoteEndpoint":false,"Policies":[],
                          "Namespace":{"ID":"00000000-0000-0000-0000-000000000000"}})");
}

void TestV1Conversion::v1OutputSpellsGuidsUpperCase()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QCOMPARE_JSON(toV1(kind, parse(input)), parse(expected));
}

QTEST_GUILESS_MAIN(TestV1Conversion)
#include "tst_v1conversion.moc"
