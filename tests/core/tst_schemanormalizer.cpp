// What a client sees from the normalizer: canonical documents out, specific HRESULTs with a field path in.

#include <QtTest>

// moc (Qt 6.4) follows includes into <concepts> (via <compare>) and cannot parse it; it needs none of these.
#ifndef Q_MOC_RUN
#include "hcn/schema_normalizer.h"

#include <nlohmann/json.hpp>
#endif

using namespace hcn;
using namespace hcn::schema;
using nlohmann::json;

namespace {

QString fromStd(const std::string& text)
{
    return QString::fromStdString(text);
}

QString hex(HResult code)
{
    return fromStd(hresultHex(code));
}

json parsed(const QString& text)
{
    return json::parse(text.toStdString());
}

} // namespace

class TestSchemaNormalizer : public QObject
{
    Q_OBJECT

private slots:
    void canonicalForm_data();
    void canonicalForm();
    void unknownFieldsAreEchoed();
    void realClientDocumentsAreAccepted_data();
    void realClientDocumentsAreAccepted();
    void errors_data();
    void errors();
    void errorDetailReadsForSupport_data();
    void errorDetailReadsForSupport();
    void errorRecordCarriesTheCode();
    void unknownSchemaTypeIsACallerError();
    void parseObject_data();
    void parseObject();
};

void TestSchemaNormalizer::canonicalForm_data()
{
    QTest::addColumn<QString>("typeName");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    // Keys.
    QTest::newRow("keys take the documented casing")
        << "HostComputeNetwork"
        << R"({"name":"nat","type":"NAT","IPAMS":[{"TYPE":"Static","subnets":[{"ipaddressprefix":"10.0.0.0/24"}]}]})"
        << R"({"Name":"nat","Type":"NAT","Ipams":[{"Type":"Static","Subnets":[{"IpAddressPrefix":"10.0.0.0/24"}]}]})";
    QTest::newRow("Id written ID") << "HostComputeNamespace"
                                   << R"({"Id":"0b7c1ab5-7bc0-4a0e-9cfb-5c6f0b0cd5a4"})"
                                   << R"({"ID":"0b7c1ab5-7bc0-4a0e-9cfb-5c6f0b0cd5a4"})";
    QTest::newRow("Id and ID agreeing collapse into one")
        << "HostComputeNamespace"
        << R"({"Id":"0B7C1AB5-7BC0-4A0E-9CFB-5C6F0B0CD5A4","ID":"0B7C1AB5-7BC0-4A0E-9CFB-5C6F0B0CD5A4"})"
        << R"({"ID":"0B7C1AB5-7BC0-4A0E-9CFB-5C6F0B0CD5A4"})";
    QTest::newRow("v1 ExceptionList inside v2 OutBoundNAT becomes Exceptions")
        << "HostComputeEndpoint"
        << R"({"Policies":[{"Type":"OutBoundNAT","Settings":{"ExceptionList":["10.244.0.0/16","10.0.0.4"]}}]})"
        << R"({"Policies":[{"Type":"OutBoundNAT","Settings":{"Exceptions":["10.244.0.0/16","10.0.0.4"]}}]})";
    QTest::newRow("l4 proxy keeps both spellings as sent")
        << "HostComputeEndpoint"
        << R"({"Policies":[{"Type":"L4Proxy","Settings":{"OutboundNAT":true,"OutboundNat":false,"Exceptions":["a"],"ExceptionList":["b"]}}]})"
        << R"({"Policies":[{"Type":"L4Proxy","Settings":{"OutboundNAT":true,"OutboundNat":false,"Exceptions":["a"],"ExceptionList":["b"]}}]})";

    // Enums.
    QTest::newRow("network mode in any case") << "HostComputeNetwork"
                                              << R"({"Type":"l2bridge"})"
                                              << R"({"Type":"L2Bridge"})";
    QTest::newRow("network mode by number") << "HostComputeNetwork"
                                            << R"({"Type":5})"
                                            << R"({"Type":"Overlay"})";
    QTest::newRow("ncproxy DHCP is Dhcp") << "Ipam"
                                          << R"({"Type":"DHCP"})"
                                          << R"({"Type":"Dhcp"})";
    QTest::newRow("policy type SdnRoute is SDNRoute") << "HostComputeEndpoint"
                                                      << R"({"Policies":[{"Type":"SdnRoute"}]})"
                                                      << R"({"Policies":[{"Type":"SDNRoute"}]})";
    QTest::newRow("policy type by number") << "HostComputeEndpoint"
                                           << R"({"Policies":[{"Type":1}]})"
                                           << R"({"Policies":[{"Type":"ACL"}]})";
    QTest::newRow("protocol name becomes its number")
        << "HostComputeEndpoint"
        << R"({"Policies":[{"Type":"PortMapping","Settings":{"Protocol":"tcp"}}]})"
        << R"({"Policies":[{"Type":"PortMapping","Settings":{"Protocol":6}}]})";
    QTest::newRow("hcsshim protocol number stays") << "LoadBalancerPortMapping"
                                                   << R"({"Protocol":17})"
                                                   << R"({"Protocol":17})";
    QTest::newRow("distribution name becomes its number") << "LoadBalancerPortMapping"
                                                          << R"({"DistributionType":"sourceip"})"
                                                          << R"({"DistributionType":2})";
    QTest::newRow("flag name becomes a mask") << "HostComputeNetwork"
                                              << R"({"Flags":"EnableNonPersistent"})"
                                              << R"({"Flags":8})";
    QTest::newRow("flag names joined by bar") << "HostComputeNetwork"
                                              << R"({"Flags":"EnableDnsProxy|EnableNonPersistent"})"
                                              << R"({"Flags":9})";
    QTest::newRow("flag names joined by comma") << "HostComputeNetwork"
                                                << R"({"Flags":"EnableDnsProxy, IsolateVSwitch"})"
                                                << R"({"Flags":33})";
    QTest::newRow("flag None is zero") << "HostComputeEndpoint"
                                       << R"({"Flags":"None"})"
                                       << R"({"Flags":0})";
    QTest::newRow("kube-proxy port flags 31") << "LoadBalancerPortMapping"
                                              << R"({"Flags":31})"
                                              << R"({"Flags":31})";
    QTest::newRow("integer written as 8.0") << "HostComputeNetwork"
                                            << R"({"Flags":8.0,"State":1.0})"
                                            << R"({"Flags":8,"State":1})";

    // Text formats.
    QTest::newRow("colon lower-case MAC becomes dash upper-case") << "HostComputeEndpoint"
                                                                  << R"({"MacAddress":"00:15:5d:52:c0:0a"})"
                                                                  << R"({"MacAddress":"00-15-5D-52-C0-0A"})";
    QTest::newRow("flannel DR MAC")
        << "HostComputeNetwork"
        << R"({"Policies":[{"Type":"RemoteSubnetRoute","Settings":{"DestinationPrefix":"10.244.1.0/24","IsolationId":4096,"ProviderAddress":"192.168.1.11","DistributedRouterMacAddress":"0e:2a:c0:a8:01:0b"}}]})"
        << R"({"Policies":[{"Type":"RemoteSubnetRoute","Settings":{"DestinationPrefix":"10.244.1.0/24","IsolationId":4096,"ProviderAddress":"192.168.1.11","DistributedRouterMacAddress":"0E-2A-C0-A8-01-0B"}}]})";
    QTest::newRow("IPv6 address in RFC 5952 form") << "IpConfig"
                                                   << R"({"IpAddress":"FD00:0:0:0::4"})"
                                                   << R"({"IpAddress":"fd00::4"})";
    QTest::newRow("IPv6 prefix in RFC 5952 form") << "Subnet"
                                                  << R"({"IpAddressPrefix":"FD00:0::/64"})"
                                                  << R"({"IpAddressPrefix":"fd00::/64"})";
    QTest::newRow("acl lists lose their spaces")
        << "HostComputeEndpoint"
        << R"({"Policies":[{"Type":"ACL","Settings":{"Protocols":"6, 17","LocalAddresses":"192.168.100.0/24, 10.0.0.21","LocalPorts":"80, 1000-2000","Action":"allow","Direction":"in","RuleType":"switch"}}]})"
        << R"({"Policies":[{"Type":"ACL","Settings":{"Protocols":"6,17","LocalAddresses":"192.168.100.0/24,10.0.0.21","LocalPorts":"80,1000-2000","Action":"Allow","Direction":"In","RuleType":"Switch"}}]})";
    QTest::newRow("acl port 0 and protocol 0 stay as sent, leading zeros go")
        << "HostComputeEndpoint"
        << R"({"Policies":[{"Type":"ACL","Settings":{"Protocols":"0, 006","LocalPorts":"0,080,0-1023"}}]})"
        << R"({"Policies":[{"Type":"ACL","Settings":{"Protocols":"0,6","LocalPorts":"0,80,0-1023"}}]})";
    QTest::newRow("sdn route destination keeps host bits")
        << "HostComputeRoute"
        << R"({"Setting":[{"DestinationPrefix":"169.254.169.254/24","NextHop":"127.10.0.34"}]})"
        << R"({"Setting":[{"DestinationPrefix":"169.254.169.254/24","NextHop":"127.10.0.34"}]})";
    QTest::newRow("load balancer vips")
        << "HostComputeLoadBalancer"
        << R"({"SourceVIP":"10.0.0.1","FrontendVIPs":["1.1.1.2","FD00::0:2"]})"
        << R"({"SourceVIP":"10.0.0.1","FrontendVIPs":["1.1.1.2","fd00::2"]})";
    QTest::newRow("empty address means not set") << "PortMappingPolicySetting"
                                                 << R"({"VIP":""})"
                                                 << R"({"VIP":""})";

    // Left alone.
    QTest::newRow("null is kept as absent") << "HostComputeEndpoint"
                                            << R"({"MacAddress":null,"Policies":null})"
                                            << R"({"MacAddress":null,"Policies":null})";
    QTest::newRow("guid text is kept as given")
        << "HostComputeEndpoint"
        << R"({"HostComputeNetwork":"4b8b5db0-aaaa-bbbb-cccc-0123456789ab"})"
        << R"({"HostComputeNetwork":"4b8b5db0-aaaa-bbbb-cccc-0123456789ab"})";
    QTest::newRow("l2 driver settings are not read")
        << "HostComputeEndpoint"
        << R"({"Policies":[{"Type":"l2driver","Settings":{"protocol":"SCTP"}}]})"
        << R"({"Policies":[{"Type":"L2Driver","Settings":{"protocol":"SCTP"}}]})";
    QTest::newRow("settings without a type are not read")
        << "HostComputeEndpoint"
        << R"({"Policies":[{"Settings":{"protocol":"SCTP"}}]})"
        << R"({"Policies":[{"Settings":{"protocol":"SCTP"}}]})";
    QTest::newRow("free-form AdditionalParams") << "HostComputeNetwork"
                                                << R"({"AdditionalParams":{"icsflags":"x","Any":[1,2]}})"
                                                << R"({"AdditionalParams":{"icsflags":"x","Any":[1,2]}})";
}

void TestSchemaNormalizer::canonicalForm()
{
    QFETCH(QString, typeName);
    QFETCH(QString, input);
    QFETCH(QString, expected);

    json doc = parsed(input);
    const Status status = normalize(doc, typeName.toStdString());
    QVERIFY2(status.ok(), status.message().c_str());
    QCOMPARE(fromStd(doc.dump()), fromStd(parsed(expected).dump()));

    // Canonical output is a fixed point: normalizing it again changes nothing.
    json again = doc;
    QVERIFY(normalize(again, typeName.toStdString()).ok());
    QCOMPARE(fromStd(again.dump()), fromStd(doc.dump()));
}

void TestSchemaNormalizer::unknownFieldsAreEchoed()
{
    // v1 names, vendor keys and hcsshim-only settings fields come back exactly as sent.
    json doc = parsed(R"({
        "Name": "ep",
        "VirtualNetwork": "4B8B5DB0-AAAA-BBBB-CCCC-0123456789AB",
        "vendor.example/tag": {"Nested": [1, "two", null], "Case": "KeepMe"},
        "Policies": [{"Type": "L4WFPPROXY", "Settings": {"Port": "80", "FilterTuple": {"protocols": "6",
                      "RemoteAddresses": "10.0.0.4", "Priority": 8, "Custom": "x"}}}]
    })");
    const json vendor = doc["vendor.example/tag"];
    QVERIFY(normalize(doc, "HostComputeEndpoint").ok());
    QCOMPARE(fromStd(doc["VirtualNetwork"].get<std::string>()),
             QStringLiteral("4B8B5DB0-AAAA-BBBB-CCCC-0123456789AB"));
    QVERIFY(doc["vendor.example/tag"] == vendor);
    const json& settings = doc["Policies"][0]["Settings"];
    QCOMPARE(fromStd(settings["Port"].get<std::string>()), QStringLiteral("80"));
    QCOMPARE(fromStd(settings["FilterTuple"]["Protocols"].get<std::string>()), QStringLiteral("6"));
    QVERIFY(!settings["FilterTuple"].contains("protocols"));
    QCOMPARE(fromStd(settings["FilterTuple"]["Custom"].get<std::string>()), QStringLiteral("x"));
    QCOMPARE(doc.size(), std::size_t(4));
}

void TestSchemaNormalizer::realClientDocumentsAreAccepted_data()
{
    QTest::addColumn<QString>("typeName");
    QTest::addColumn<QString>("input");

    // Shapes the hcsshim integration tests send to real HNS.
    QTest::newRow("hcsshim nat network")
        << "HostComputeNetwork"
        << R"({"Type":"NAT","Name":"TestNat","MacPool":{"Ranges":[{"StartMacAddress":"00-15-5D-52-C0-00","EndMacAddress":"00-15-5D-52-CF-FF"}]},
              "Ipams":[{"Type":"Static","Subnets":[{"IpAddressPrefix":"192.168.100.0/24","Routes":[{"NextHop":"192.168.100.1","DestinationPrefix":"0.0.0.0/0"}]}]}],
              "SchemaVersion":{"Major":2,"Minor":0}})";
    QTest::newRow("hcsshim overlay with vsid")
        << "HostComputeNetwork"
        << R"({"Type":"Overlay","Name":"TestOverlay","Flags":8,"Ipams":[{"Type":"Static","Subnets":[{"IpAddressPrefix":"192.168.100.0/24",
              "Routes":[{"NextHop":"192.168.100.1","DestinationPrefix":"0.0.0.0/0"}],"Policies":[{"Type":"VSID","Settings":{"IsolationId":5000}}]}]}],
              "SchemaVersion":{"Major":2,"Minor":0}})";
    QTest::newRow("hcsshim acl update")
        << "PolicyEndpointRequest"
        << R"({"Policies":[{"Type":"ACL","Settings":{"Protocols":"6","Action":"Allow","Direction":"In","LocalAddresses":"192.168.100.0/24,10.0.0.21",
              "RemoteAddresses":"192.168.100.0/24,10.0.0.21","LocalPorts":"80,8080","RemotePorts":"80,8080","RuleType":"Switch","Priority":200}}]})";
    QTest::newRow("hcsshim remote subnet route")
        << "PolicyNetworkRequest"
        << R"({"Policies":[{"Type":"RemoteSubnetRoute","Settings":{"DestinationPrefix":"192.168.2.0/24","IsolationId":5000,
              "ProviderAddress":"1.1.1.1","DistributedRouterMacAddress":"00-12-34-56-78-9a"}}]})";
    QTest::newRow("hcsshim host route") << "PolicyNetworkRequest"
                                        << R"({"Policies":[{"Type":"HostRoute","Settings":{}}]})";
    QTest::newRow("hcsshim load balancer")
        << "HostComputeLoadBalancer"
        << R"({"HostComputeEndpoints":["9d7bc2d3-58c5-4d4e-8d5b-1b6f0d7b0a11"],"SourceVIP":"10.0.0.1",
              "PortMappings":[{"Protocol":6,"InternalPort":8080,"ExternalPort":8090}],"FrontendVIPs":["1.1.1.2","1.1.1.3"],
              "SchemaVersion":{"Major":2,"Minor":0}})";
    QTest::newRow("hcsshim namespace")
        << "HostComputeNamespace"
        << R"({"Type":"HostDefault","NamespaceId":5,"SchemaVersion":{"Major":2,"Minor":0}})";
    QTest::newRow("namespace attach")
        << "ModifyNamespaceSettingRequest"
        << R"({"ResourceType":"Endpoint","RequestType":"Add","Settings":{"EndpointId":"9d7bc2d3-58c5-4d4e-8d5b-1b6f0d7b0a11"}})";
    QTest::newRow("wsl query without schema version") << "HostComputeQuery"
                                                      << R"({"Flags":1,"Filter":"{}"})";
    QTest::newRow("remote endpoint with provider address")
        << "HostComputeEndpoint"
        << R"({"Flags":1,"MacAddress":"0E-2A-0a-01-12-43","IpConfigurations":[{"IpAddress":"10.244.2.5","PrefixLength":24}],
              "Policies":[{"Type":"ProviderAddress","Settings":{"ProviderAddress":"192.168.1.12"}}]})";
}

void TestSchemaNormalizer::realClientDocumentsAreAccepted()
{
    QFETCH(QString, typeName);
    QFETCH(QString, input);

    json doc = parsed(input);
    const Status status = normalize(doc, typeName.toStdString());
    QVERIFY2(status.ok(), status.message().c_str());
}

void TestSchemaNormalizer::errors_data()
{
    QTest::addColumn<QString>("typeName");
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("path");

    // Wrong JSON types and numbers out of range.
    QTest::newRow("name is a number") << "HostComputeNetwork"
                                      << R"({"Name":5})" << int(hr::InvalidJson) << "Name";
    QTest::newRow("policies is an object") << "HostComputeEndpoint"
                                           << R"({"Policies":{}})" << int(hr::InvalidJson) << "Policies";
    QTest::newRow("prefix length 256") << "HostComputeEndpoint"
                                       << R"({"IpConfigurations":[{"PrefixLength":256}]})"
                                       << int(hr::InvalidJson) << "IpConfigurations[0].PrefixLength";
    QTest::newRow("negative prefix length")
        << "IpConfig"
        << R"({"PrefixLength":-1})" << int(hr::InvalidJson) << "PrefixLength";
    QTest::newRow("fractional metric") << "Route"
                                       << R"({"Metric":1.5})" << int(hr::InvalidJson) << "Metric";
    QTest::newRow("uint32 overflow") << "Version"
                                     << R"({"Major":4294967296})" << int(hr::InvalidJson) << "Major";
    QTest::newRow("bool as string") << "AutomaticDNSNetworkPolicySetting"
                                    << R"({"Enable":"true"})" << int(hr::InvalidJson) << "Enable";
    QTest::newRow("fractional flags") << "HostComputeNetwork"
                                      << R"({"Flags":3.5})" << int(hr::InvalidJson) << "Flags";
    QTest::newRow("enum as boolean") << "HostComputeNetwork"
                                     << R"({"Type":true})" << int(hr::InvalidJson) << "Type";
    QTest::newRow("ID and Id disagree")
        << "HostComputeNamespace"
        << R"({"ID":"0B7C1AB5-7BC0-4A0E-9CFB-5C6F0B0CD5A4","id":"1B7C1AB5-7BC0-4A0E-9CFB-5C6F0B0CD5A4"})"
        << int(hr::InvalidJson) << "ID";

    // GUIDs, addresses, prefixes: their own codes, wherever they are.
    QTest::newRow("network id not a guid")
        << "HostComputeEndpoint"
        << R"({"HostComputeNetwork":"nat"})" << int(hr::GuidConversionFailure) << "HostComputeNetwork";
    QTest::newRow("guid with braces")
        << "HostComputeNamespace"
        << R"({"ID":"{0B7C1AB5-7BC0-4A0E-9CFB-5C6F0B0CD5A4}"})" << int(hr::GuidConversionFailure) << "ID";
    QTest::newRow("endpoint address out of range") << "HostComputeEndpoint"
                                                   << R"({"IpConfigurations":[{"IpAddress":"10.0.0.300"}]})"
                                                   << int(hr::InvalidIp) << "IpConfigurations[0].IpAddress";
    QTest::newRow("next hop with a length")
        << "HostComputeNetwork"
        << R"({"Ipams":[{"Subnets":[{"IpAddressPrefix":"10.0.0.0/24","Routes":[{"NextHop":"10.0.0.1/24"}]}]}]})"
        << int(hr::InvalidIp) << "Ipams[0].Subnets[0].Routes[0].NextHop";
    QTest::newRow("subnet prefix with host bits")
        << "HostComputeNetwork"
        << R"({"Ipams":[{"Subnets":[{"IpAddressPrefix":"10.0.0.1/24"}]}]})" << int(hr::InvalidPrefix)
        << "Ipams[0].Subnets[0].IpAddressPrefix";
    QTest::newRow("subnet prefix without length")
        << "Subnet"
        << R"({"IpAddressPrefix":"10.0.0.0"})" << int(hr::InvalidPrefix) << "IpAddressPrefix";
    QTest::newRow("ipv4 length 33") << "Route"
                                    << R"({"DestinationPrefix":"0.0.0.0/33"})" << int(hr::InvalidPrefix)
                                    << "DestinationPrefix";
    QTest::newRow("port mapping vip in settings keeps INVALID_IP")
        << "HostComputeEndpoint"
        << R"({"Policies":[{"Type":"PortMapping","Settings":{"VIP":"1.2.3"}}]})" << int(hr::InvalidIp)
        << "Policies[0].Settings.VIP";
    QTest::newRow("remote subnet prefix in settings keeps INVALID_PREFIX")
        << "PolicyNetworkRequest"
        << R"({"Policies":[{"Type":"RemoteSubnetRoute","Settings":{"DestinationPrefix":"10.244.1.7/24"}}]})"
        << int(hr::InvalidPrefix) << "Policies[0].Settings.DestinationPrefix";
    QTest::newRow("dns server is a host name")
        << "HostComputeEndpoint"
        << R"({"Dns":{"ServerList":["10.0.0.10","dns.local"]}})" << int(hr::InvalidIp) << "Dns.ServerList[1]";
    QTest::newRow("outbound nat exception length 33")
        << "HostComputeEndpoint"
        << R"({"Policies":[{"Type":"OutBoundNAT","Settings":{"Exceptions":["10.0.0.0/33"]}}]})"
        << int(hr::InvalidPrefix) << "Policies[0].Settings.Exceptions[0]";
    QTest::newRow("extension id in settings keeps GUID code")
        << "HostComputeNetwork"
        << R"({"Policies":[{"Type":"VSwitchExtension","Settings":{"ExtensionID":"x"}}]})"
        << int(hr::GuidConversionFailure) << "Policies[0].Settings.ExtensionID";

    // Enums and MACs outside policy settings: the document's own code.
    QTest::newRow("unknown network mode") << "HostComputeNetwork"
                                          << R"({"Type":"Bridge"})" << int(hr::InvalidNetworkType) << "Type";
    QTest::newRow("network mode number 11") << "HostComputeNetwork"
                                            << R"({"Type":11})" << int(hr::InvalidNetworkType) << "Type";
    QTest::newRow("unknown network flag bit") << "HostComputeNetwork"
                                              << R"({"Flags":16384})" << int(hr::InvalidNetwork) << "Flags";
    QTest::newRow("bad mac pool start") << "HostComputeNetwork"
                                        << R"({"MacPool":{"Ranges":[{"StartMacAddress":"00-15-5D-52-C0"}]}})"
                                        << int(hr::InvalidNetwork) << "MacPool.Ranges[0].StartMacAddress";
    QTest::newRow("unknown ipam type")
        << "HostComputeNetwork"
        << R"({"Ipams":[{"Type":"Pool"}]})" << int(hr::InvalidNetwork) << "Ipams[0].Type";
    QTest::newRow("bad endpoint mac")
        << "HostComputeEndpoint"
        << R"({"MacAddress":"zz-15-5D-52-C0-00"})" << int(hr::InvalidEndpoint) << "MacAddress";
    QTest::newRow("unknown endpoint flag bit") << "HostComputeEndpoint"
                                               << R"({"Flags":64})" << int(hr::InvalidEndpoint) << "Flags";
    QTest::newRow("unknown endpoint flag name")
        << "HostComputeEndpoint"
        << R"({"Flags":"RemoteEndpoint|Ghost"})" << int(hr::InvalidEndpoint) << "Flags";
    QTest::newRow("unknown namespace type") << "HostComputeNamespace"
                                            << R"({"Type":"Container"})" << int(hr::InvalidJson) << "Type";
    QTest::newRow("unknown request type")
        << "ModifyEndpointSettingRequest"
        << R"({"RequestType":"Replace","ResourceType":"Policy"})" << int(hr::InvalidJson) << "RequestType";

    // Policies.
    QTest::newRow("unknown endpoint policy type")
        << "HostComputeEndpoint"
        << R"({"Policies":[{"Type":"Teleport"}]})" << int(hr::InvalidPolicyType) << "Policies[0].Type";
    QTest::newRow("acl is not a network policy")
        << "HostComputeNetwork"
        << R"({"Policies":[{"Type":"ACL"}]})" << int(hr::InvalidPolicyType) << "Policies[0].Type";
    QTest::newRow("unknown subnet policy type")
        << "HostComputeNetwork"
        << R"({"Ipams":[{"Subnets":[{"Policies":[{"Type":"QinQ"}]}]}]})" << int(hr::InvalidPolicyType)
        << "Ipams[0].Subnets[0].Policies[0].Type";
    QTest::newRow("acl local addresses Any")
        << "HostComputeEndpoint"
        << R"({"Policies":[{"Type":"ACL","Settings":{"Action":"Block","Direction":"Out","LocalAddresses":"Any"}}]})"
        << int(hr::InvalidPolicy) << "Policies[0].Settings.LocalAddresses";
    QTest::newRow("acl remote addresses with a bad item")
        << "HostComputeEndpoint"
        << R"({"Policies":[{"Type":"ACL","Settings":{"RemoteAddresses":"10.0.0.1,,10.0.0.2"}}]})"
        << int(hr::InvalidPolicy) << "Policies[0].Settings.RemoteAddresses";
    QTest::newRow("acl ports reversed range")
        << "HostComputeEndpoint"
        << R"({"Policies":[{"Type":"ACL","Settings":{"LocalPorts":"2000-1000"}}]})" << int(hr::InvalidPolicy)
        << "Policies[0].Settings.LocalPorts";
    QTest::newRow("acl protocol by name") << "HostComputeEndpoint"
                                          << R"({"Policies":[{"Type":"ACL","Settings":{"Protocols":"TCP"}}]})"
                                          << int(hr::InvalidPolicy) << "Policies[0].Settings.Protocols";
    QTest::newRow("acl ports with an empty element")
        << "HostComputeEndpoint"
        << R"({"Policies":[{"Type":"ACL","Settings":{"RemotePorts":"80,,443"}}]})" << int(hr::InvalidPolicy)
        << "Policies[0].Settings.RemotePorts";
    QTest::newRow("acl ports with a trailing comma")
        << "HostComputeEndpoint"
        << R"({"Policies":[{"Type":"ACL","Settings":{"LocalPorts":"80,"}}]})" << int(hr::InvalidPolicy)
        << "Policies[0].Settings.LocalPorts";
    QTest::newRow("acl protocol 256 (how HNS prints any)")
        << "HostComputeEndpoint"
        << R"({"Policies":[{"Type":"ACL","Settings":{"Protocols":"256"}}]})" << int(hr::InvalidPolicy)
        << "Policies[0].Settings.Protocols";
    QTest::newRow("acl protocol ICMPv6 by name")
        << "HostComputeEndpoint"
        << R"({"Policies":[{"Type":"ACL","Settings":{"Protocols":"6,ICMPv6"}}]})" << int(hr::InvalidPolicy)
        << "Policies[0].Settings.Protocols";
    QTest::newRow("acl protocols with an empty element")
        << "HostComputeEndpoint"
        << R"({"Policies":[{"Type":"ACL","Settings":{"Protocols":"6,,17"}}]})" << int(hr::InvalidPolicy)
        << "Policies[0].Settings.Protocols";
    QTest::newRow("acl unknown action") << "HostComputeEndpoint"
                                        << R"({"Policies":[{"Type":"ACL","Settings":{"Action":"Drop"}}]})"
                                        << int(hr::InvalidPolicy) << "Policies[0].Settings.Action";
    QTest::newRow("sctp port mapping")
        << "HostComputeEndpoint"
        << R"({"Policies":[{"Type":"PortMapping","Settings":{"Protocol":"TCP"}},{"Type":"PortMapping","Settings":{"Protocol":"SCTP"}}]})"
        << int(hr::InvalidPolicy) << "Policies[1].Settings.Protocol";
    QTest::newRow("internal port over 65535")
        << "HostComputeEndpoint"
        << R"({"Policies":[{"Type":"PortMapping","Settings":{"InternalPort":70000}}]})"
        << int(hr::InvalidPolicy) << "Policies[0].Settings.InternalPort";
    QTest::newRow("settings is a string") << "HostComputeEndpoint"
                                          << R"({"Policies":[{"Type":"ACL","Settings":"Action=Allow"}]})"
                                          << int(hr::InvalidPolicy) << "Policies[0].Settings";
    QTest::newRow("dr mac in settings")
        << "HostComputeNetwork"
        << R"({"Policies":[{"Type":"DrMacAddress","Settings":{"Address":"gateway"}}]})"
        << int(hr::InvalidPolicy) << "Policies[0].Settings.Address";
    QTest::newRow("vlan id as text")
        << "HostComputeNetwork"
        << R"({"Ipams":[{"Subnets":[{"Policies":[{"Type":"VLAN","Settings":{"IsolationId":"5"}}]}]}]})"
        << int(hr::InvalidPolicy) << "Ipams[0].Subnets[0].Policies[0].Settings.IsolationId";
    QTest::newRow("nat flags bit unknown")
        << "HostComputeEndpoint"
        << R"({"Policies":[{"Type":"OutBoundNAT","Settings":{"Flags":4}}]})" << int(hr::InvalidPolicy)
        << "Policies[0].Settings.Flags";
    QTest::newRow("tier acl rule nested in settings")
        << "PolicyEndpointRequest"
        << R"({"Policies":[{"Type":"TierAcl","Settings":{"TierAclRules":[{"Id":"r1"},{"TierAclRuleAction":"Deny"}]}}]})"
        << int(hr::InvalidPolicy) << "Policies[0].Settings.TierAclRules[1].TierAclRuleAction";
}

void TestSchemaNormalizer::errors()
{
    QFETCH(QString, typeName);
    QFETCH(QString, input);
    QFETCH(int, code);
    QFETCH(QString, path);

    json doc = parsed(input);
    const Status status = normalize(doc, typeName.toStdString());
    QVERIFY(!status.ok());
    QCOMPARE(hex(status.code()), hex(HResult(code)));
    QVERIFY2(fromStd(status.detail()).startsWith(path + ": "), status.detail().c_str());
}

void TestSchemaNormalizer::errorDetailReadsForSupport_data()
{
    QTest::addColumn<QString>("typeName");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("detail");

    QTest::newRow("protocol names the choices")
        << "HostComputeEndpoint"
        << R"({"Policies":[{"Type":"PortMapping"},{"Type":"PortMapping","Settings":{"Protocol":"SCTP"}}]})"
        << R"(Policies[1].Settings.Protocol: "SCTP" is not a ProtocolType value (Unknown, ICMPv4, IGMP, TCP, UDP, ICMPv6))";
    QTest::newRow("protocol number shows the numbers")
        << "LoadBalancerPortMapping"
        << R"({"Protocol":132})"
        << R"(Protocol: 132 is not a ProtocolType value (Unknown=0, ICMPv4=1, IGMP=2, TCP=6, UDP=17, ICMPv6=58))";
    QTest::newRow("host bits name the network")
        << "Subnet"
        << R"({"IpAddressPrefix":"10.0.0.1/24"})"
        << R"(IpAddressPrefix: "10.0.0.1/24" has host bits set; the prefix is 10.0.0.0/24)";
    QTest::newRow("acl any says what to do")
        << "AclPolicySetting"
        << R"({"LocalAddresses":"Any"})"
        << R"(LocalAddresses: "Any" is not an IP address or prefix; leave the field out to match any address)";
    QTest::newRow("range names the integer type")
        << "PortMappingPolicySetting"
        << R"({"ExternalPort":-80})"
        << R"(ExternalPort: expected an unsigned 16-bit integer (0-65535), got -80)";
    QTest::newRow("top-level field has no prefix")
        << "HostComputeNetwork"
        << R"({"Type":"Bridge"})"
        << R"(Type: "Bridge" is not a NetworkMode value (NAT, ICS, Transparent, L2Bridge, L2Tunnel, Overlay, Private, Internal, Mirrored, Infiniband, ConstrainedICS))";
}

void TestSchemaNormalizer::errorDetailReadsForSupport()
{
    QFETCH(QString, typeName);
    QFETCH(QString, input);
    QFETCH(QString, detail);

    json doc = parsed(input);
    const Status status = normalize(doc, typeName.toStdString());
    QVERIFY(!status.ok());
    QCOMPARE(fromStd(status.detail()), detail);
}

void TestSchemaNormalizer::errorRecordCarriesTheCode()
{
    // The field report: ACL LocalAddresses "Any" fails the call with 0x803B000D.
    json doc = parsed(R"({"Policies":[{"Type":"ACL","Settings":{"LocalAddresses":"Any"}}]})");
    const Status status = normalize(doc, "HostComputeEndpoint");
    const json record = json::parse(status.errorRecord());
    QCOMPARE(record["ErrorCode"].get<std::uint32_t>(), 0x803B000Du);
    QVERIFY(fromStd(record["Error"].get<std::string>()).contains("Policies[0].Settings.LocalAddresses"));
}

void TestSchemaNormalizer::unknownSchemaTypeIsACallerError()
{
    json doc = json::object();
    QCOMPARE(hex(normalize(doc, "HostComputeBridge").code()), hex(hr::InvalidArg));

    json array = json::array();
    const Status status = normalize(array, "HostComputeNetwork");
    QCOMPARE(hex(status.code()), hex(hr::InvalidJson));
}

void TestSchemaNormalizer::parseObject_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("detailContains");
    QTest::addColumn<QString>("result");

    QTest::newRow("empty text is an empty object") << "" << int(hr::Ok) << ""
                                                   << "{}";
    QTest::newRow("whitespace is an empty object") << " \r\n\t " << int(hr::Ok) << ""
                                                   << "{}";
    QTest::newRow("object") << R"( {"Name":"nat","Flags":8} )" << int(hr::Ok) << ""
                            << R"({"Flags":8,"Name":"nat"})";
    // Byte positions count from 1, as nlohmann reports them: the end of this 8-byte text is byte 9.
    QTest::newRow("truncated object names the byte") << R"({"Name":)" << int(hr::InvalidJson) << "at byte 9"
                                                     << "";
    QTest::newRow("trailing garbage") << R"({"Name":"nat"} x)" << int(hr::InvalidJson) << "at byte"
                                      << "";
    QTest::newRow("single quotes") << R"({'Name':'nat'})" << int(hr::InvalidJson) << "at byte 2"
                                   << "";
    QTest::newRow("top-level array") << R"([{"Name":"nat"}])" << int(hr::InvalidJson) << "got an array"
                                     << "";
    QTest::newRow("top-level string") << R"("nat")" << int(hr::InvalidJson) << "got a string"
                                      << "";
    QTest::newRow("null document") << "null" << int(hr::InvalidJson) << "got null"
                                   << "";
}

void TestSchemaNormalizer::parseObject()
{
    QFETCH(QString, text);
    QFETCH(int, code);
    QFETCH(QString, detailContains);
    QFETCH(QString, result);

    json out;
    const std::string utf8 = text.toStdString();
    const Status status = hcn::schema::parseObject(utf8, out);
    QCOMPARE(hex(status.code()), hex(HResult(code)));
    if (status.ok())
        QCOMPARE(fromStd(out.dump()), result);
    else
        QVERIFY2(fromStd(status.detail()).contains(detailContains), status.detail().c_str());
    QVERIFY2(!fromStd(status.detail()).contains("json.exception"), status.detail().c_str());
}

QTEST_GUILESS_MAIN(TestSchemaNormalizer)
#include "tst_schemanormalizer.moc"
