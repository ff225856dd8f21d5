// The schema catalog as the engine and the console see it: counts, numerics, formats, bindings, lookups.

#include <QtTest>

// moc (Qt 6.4) follows includes into <concepts> (via <compare>) and cannot parse it; it needs none of these.
#ifndef Q_MOC_RUN
#include "hcn/schema_catalog.h"
#include "hcn/schema_version.h"

#include <nlohmann/json.hpp>
#endif

#include <stdexcept>

using namespace hcn;
using namespace hcn::schema;

namespace {

QString fromStd(const std::string& text)
{
    return QString::fromStdString(text);
}

const char* kindName(FieldKind kind)
{
    switch (kind) {
    case FieldKind::Scalar:
        return "scalar";
    case FieldKind::Enum:
        return "enum";
    case FieldKind::Object:
        return "object";
    case FieldKind::Any:
        return "any";
    }
    return "?";
}

const char* formatName(StringFormat format)
{
    switch (format) {
    case StringFormat::None:
        return "";
    case StringFormat::IpAddress:
        return "IpAddress";
    case StringFormat::IpPrefix:
        return "IpPrefix";
    case StringFormat::IpOrPrefix:
        return "IpOrPrefix";
    case StringFormat::IpList:
        return "IpList";
    case StringFormat::MacAddress:
        return "MacAddress";
    case StringFormat::PortList:
        return "PortList";
    case StringFormat::ProtocolList:
        return "ProtocolList";
    }
    return "?";
}

// A catalog small enough to read in a test: one policy type with one binding and an alias.
const char* kMiniCatalog = R"({
  "types": [
    {"name": "Widget", "fields": [
      {"name": "Id", "kind": "scalar", "scalar": "Guid", "typeName": "Guid", "since": "2.0"},
      {"name": "Color", "kind": "enum", "typeName": "Color", "since": "2.3"},
      {"name": "Peers", "kind": "scalar", "isArray": true, "scalar": "string", "typeName": "string",
       "since": "2.1", "format": "IpAddress", "aliases": ["Neighbours"]}
    ]},
    {"name": "WidgetPolicy", "fields": [
      {"name": "Type", "kind": "enum", "typeName": "WidgetPolicyType", "since": "2.0"},
      {"name": "Settings", "kind": "any", "typeName": "Any", "since": "2.0"}
    ]}
  ],
  "enums": [
    {"name": "Color", "values": [{"name": "Red", "numeric": 0, "since": "2.0"},
                                 {"name": "Blue", "numeric": 1, "since": "2.7"}]},
    {"name": "WidgetPolicyType", "values": [{"name": "Paint", "numeric": 0, "since": "2.0"}]}
  ],
  "policyBindings": [{"policyType": "WidgetPolicy", "value": "Paint", "settingsType": "Widget"}]
})";

} // namespace

class TestSchemaCatalog : public QObject
{
    Q_OBJECT

private slots:
    void builtinHasEveryDocumentedTypeAndEnum();
    void enumNumerics_data();
    void enumNumerics();
    void enumEncoding_data();
    void enumEncoding();
    void enumLookupIgnoresCase();
    void bitmaskValidation_data();
    void bitmaskValidation();
    void typeLookupIgnoresCase_data();
    void typeLookupIgnoresCase();
    void fieldMetadata_data();
    void fieldMetadata();
    void fieldLookup_data();
    void fieldLookup();
    void policyBindings_data();
    void policyBindings();
    void everyPolicyTypeValueIsBound();
    void newestVersionIsTheLatestSince();
    void schemaVersionParse_data();
    void schemaVersionParse();
    void schemaVersionOrdersNumerically();
    void fromJsonBuildsACustomCatalog();
    void fromJsonRejectsMalformedCatalogs_data();
    void fromJsonRejectsMalformedCatalogs();
};

void TestSchemaCatalog::builtinHasEveryDocumentedTypeAndEnum()
{
    const Catalog& catalog = Catalog::builtin();
    QCOMPARE(catalog.types().size(), std::size_t(114));
    QCOMPARE(catalog.enums().size(), std::size_t(41));

    std::size_t values = 0;
    for (const auto& e : catalog.enums())
        values += e.values.size();
    // 187 documented values plus 8 seen outside the docs (WSL, hcsshim, kube-proxy).
    QCOMPARE(values, std::size_t(195));
    // 18 endpoint, 14 network and 2 subnet policy types.
    QCOMPARE(catalog.policyBindings().size(), std::size_t(34));
    QVERIFY(&Catalog::builtin() == &catalog);
}

void TestSchemaCatalog::enumNumerics_data()
{
    QTest::addColumn<QString>("enumName");
    QTest::addColumn<QString>("valueName");
    QTest::addColumn<qint64>("numeric");
    QTest::addColumn<QString>("since");

    QTest::newRow("tcp is iana 6") << "ProtocolType"
                                   << "TCP" << qint64(6) << "2.0";
    QTest::newRow("udp is iana 17") << "ProtocolType"
                                    << "UDP" << qint64(17) << "2.0";
    QTest::newRow("icmpv6 is iana 58") << "ProtocolType"
                                       << "ICMPv6" << qint64(58) << "2.0";
    QTest::newRow("nat is network mode 0") << "NetworkMode"
                                           << "NAT" << qint64(0) << "2.0";
    QTest::newRow("overlay is network mode 5") << "NetworkMode"
                                               << "Overlay" << qint64(5) << "2.0";
    QTest::newRow("constrained ics arrived in 2.10") << "NetworkMode"
                                                     << "ConstrainedICS" << qint64(10) << "2.10";
    QTest::newRow("non-persistent network flag 8") << "NetworkFlags"
                                                   << "EnableNonPersistent" << qint64(8) << "2.0";
    QTest::newRow("remote endpoint flag 1") << "EndpointFlags"
                                            << "RemoteEndpoint" << qint64(1) << "2.0";
    QTest::newRow("source ip affinity 2") << "LoadBalancerDistribution"
                                          << "SourceIP" << qint64(2) << "2.7";
    QTest::newRow("iov moderation high 300") << "IovInterruptModerationType"
                                             << "IovInterruptModerationHigh" << qint64(300) << "2.9";
    QTest::newRow("extra: disable host port 1024") << "NetworkFlags"
                                                   << "DisableHostPort" << qint64(1024) << "2.0";
    QTest::newRow("extra: enable iov 8192") << "NetworkFlags"
                                            << "EnableIov" << qint64(8192) << "2.0";
    QTest::newRow("extra: firewall policy 18") << "EndpointPolicyType"
                                               << "Firewall" << qint64(18) << "2.16";
    QTest::newRow("extra: vip external ip 16") << "LoadBalancerPortMappingFlags"
                                               << "VipExternalIP" << qint64(16) << "2.0";
    QTest::newRow("extra: guest endpoint port 15") << "GuestEndpointResourceType"
                                                   << "Port" << qint64(15) << "2.0";
}

void TestSchemaCatalog::enumNumerics()
{
    QFETCH(QString, enumName);
    QFETCH(QString, valueName);
    QFETCH(qint64, numeric);
    QFETCH(QString, since);

    const EnumDef* e = Catalog::builtin().enumeration(enumName.toStdString());
    QVERIFY(e);
    const EnumValue* v = e->find(valueName.toStdString());
    QVERIFY(v);
    QCOMPARE(fromStd(v->name), valueName);
    QCOMPARE(qint64(v->numeric), numeric);
    QCOMPARE(fromStd(v->since.toString()), since);
    QCOMPARE(e->findNumeric(numeric), v);
}

void TestSchemaCatalog::enumEncoding_data()
{
    QTest::addColumn<QString>("enumName");
    QTest::addColumn<bool>("bitmask");
    QTest::addColumn<bool>("emitNumeric");

    QTest::newRow("network flags are an integer mask") << "NetworkFlags" << true << true;
    QTest::newRow("endpoint flags are an integer mask") << "EndpointFlags" << true << true;
    QTest::newRow("nat flags are an integer mask") << "NatFlags" << true << true;
    QTest::newRow("query flags are an integer mask") << "HostComputeQueryFlags" << true << true;
    QTest::newRow("protocol is an iana number") << "ProtocolType" << false << true;
    QTest::newRow("distribution is an integer") << "LoadBalancerDistribution" << false << true;
    QTest::newRow("network mode is a name") << "NetworkMode" << false << false;
    QTest::newRow("endpoint policy type is a name") << "EndpointPolicyType" << false << false;
    QTest::newRow("acl action is a name") << "ActionType" << false << false;
    QTest::newRow("request type is a name") << "ModifyRequestType" << false << false;
}

void TestSchemaCatalog::enumEncoding()
{
    QFETCH(QString, enumName);
    QFETCH(bool, bitmask);
    QFETCH(bool, emitNumeric);

    const EnumDef* e = Catalog::builtin().enumeration(enumName.toStdString());
    QVERIFY(e);
    QCOMPARE(e->bitmask, bitmask);
    QCOMPARE(e->emitNumeric, emitNumeric);
}

void TestSchemaCatalog::enumLookupIgnoresCase()
{
    const EnumDef* protocol = Catalog::builtin().enumeration("protocoltype");
    QVERIFY(protocol);
    QCOMPARE(fromStd(protocol->name), QStringLiteral("ProtocolType"));
    QVERIFY(protocol->find("tcp"));
    QCOMPARE(fromStd(protocol->find("tcp")->name), QStringLiteral("TCP"));
    QCOMPARE(fromStd(protocol->find("IcMpV6")->name), QStringLiteral("ICMPv6"));
    QVERIFY(!protocol->find("SCTP"));
    QVERIFY(!protocol->findNumeric(132));

    // Clients write "SdnRoute" and "DHCP" for the documented "SDNRoute" and "Dhcp".
    QCOMPARE(fromStd(Catalog::builtin().enumeration("EndpointPolicyType")->find("SdnRoute")->name),
             QStringLiteral("SDNRoute"));
    QCOMPARE(fromStd(Catalog::builtin().enumeration("IpamType")->find("DHCP")->name), QStringLiteral("Dhcp"));
}

void TestSchemaCatalog::bitmaskValidation_data()
{
    QTest::addColumn<QString>("enumName");
    QTest::addColumn<quint64>("mask");
    QTest::addColumn<bool>("valid");

    QTest::newRow("no flags") << "NetworkFlags" << quint64(0) << true;
    QTest::newRow("wsl ics network 9") << "NetworkFlags" << quint64(9) << true;
    QTest::newRow("every documented and extra bit") << "NetworkFlags" << quint64(0x3FFF) << true;
    QTest::newRow("bit 14 is unknown") << "NetworkFlags" << quint64(0x4000) << false;
    QTest::newRow("kube-proxy port flags 1|2|4|8|16")
        << "LoadBalancerPortMappingFlags" << quint64(31) << true;
    QTest::newRow("endpoint bit 6 is unknown") << "EndpointFlags" << quint64(64) << false;
}

void TestSchemaCatalog::bitmaskValidation()
{
    QFETCH(QString, enumName);
    QFETCH(quint64, mask);
    QFETCH(bool, valid);

    const EnumDef* e = Catalog::builtin().enumeration(enumName.toStdString());
    QVERIFY(e);
    QCOMPARE(e->validMask(mask), valid);
}

void TestSchemaCatalog::typeLookupIgnoresCase_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("found");

    QTest::newRow("documented spelling") << "HostComputeNetwork"
                                         << "HostComputeNetwork";
    QTest::newRow("lower case") << "hostcomputeendpoint"
                                << "HostComputeEndpoint";
    QTest::newRow("upper case") << "ACLPOLICYSETTING"
                                << "AclPolicySetting";
    QTest::newRow("duplicate heading kept apart") << "route_2"
                                                  << "Route_2";
    QTest::newRow("first type") << "aclpolicysetting"
                                << "AclPolicySetting";
    QTest::newRow("last type") << "xlat"
                               << "Xlat";
    QTest::newRow("unknown") << "HostComputeBridge"
                             << "";
    QTest::newRow("an enum is not a type") << "NetworkMode"
                                           << "";
}

void TestSchemaCatalog::typeLookupIgnoresCase()
{
    QFETCH(QString, query);
    QFETCH(QString, found);

    const TypeDef* type = Catalog::builtin().type(query.toStdString());
    QCOMPARE(type ? fromStd(type->name) : QString(), found);
}

void TestSchemaCatalog::fieldMetadata_data()
{
    QTest::addColumn<QString>("typeName");
    QTest::addColumn<QString>("fieldName");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("isArray");
    QTest::addColumn<QString>("fieldType");
    QTest::addColumn<QString>("format");
    QTest::addColumn<bool>("readOnly");
    QTest::addColumn<QString>("since");

    QTest::newRow("endpoint address") << "IpConfig"
                                      << "IpAddress"
                                      << "scalar" << false << "string"
                                      << "IpAddress" << false << "2.0";
    QTest::newRow("subnet prefix") << "Subnet"
                                   << "IpAddressPrefix"
                                   << "scalar" << false << "string"
                                   << "IpPrefix" << false << "2.0";
    QTest::newRow("ip subnet prefix") << "IpSubnet"
                                      << "IpAddressPrefix"
                                      << "scalar" << false << "string"
                                      << "IpPrefix" << false << "2.3";
    QTest::newRow("route next hop") << "Route"
                                    << "NextHop"
                                    << "scalar" << false << "string"
                                    << "IpAddress" << false << "2.0";
    QTest::newRow("route destination") << "Route"
                                       << "DestinationPrefix"
                                       << "scalar" << false << "string"
                                       << "IpPrefix" << false << "2.0";
    QTest::newRow("sdn route destination keeps host bits") << "SDNRoutePolicySetting"
                                                           << "DestinationPrefix"
                                                           << "scalar" << false << "string"
                                                           << "IpOrPrefix" << false << "2.0";
    QTest::newRow("endpoint mac") << "HostComputeEndpoint"
                                  << "MacAddress"
                                  << "scalar" << false << "string"
                                  << "MacAddress" << false << "2.0";
    QTest::newRow("mac pool start") << "MacRange"
                                    << "StartMacAddress"
                                    << "scalar" << false << "string"
                                    << "MacAddress" << false << "2.0";
    QTest::newRow("dr mac") << "RemoteSubnetRoutePolicySetting"
                            << "DistributedRouterMacAddress"
                            << "scalar" << false << "string"
                            << "MacAddress" << false << "2.0";
    QTest::newRow("frontend vips are an address array") << "HostComputeLoadBalancer"
                                                        << "FrontendVIPs"
                                                        << "scalar" << true << "string"
                                                        << "IpAddress" << false << "2.0";
    QTest::newRow("dns servers are addresses") << "DNS"
                                               << "ServerList"
                                               << "scalar" << true << "string"
                                               << "IpAddress" << false << "2.0";
    QTest::newRow("acl addresses inherited from FiveTuple") << "AclPolicySetting"
                                                            << "LocalAddresses"
                                                            << "scalar" << false << "string"
                                                            << "IpList" << false << "2.5";
    QTest::newRow("tier acl ports") << "TierAclRule"
                                    << "RemotePorts"
                                    << "scalar" << false << "string"
                                    << "PortList" << false << "2.5";
    QTest::newRow("acl protocols") << "NetworkAclPolicySetting"
                                   << "Protocols"
                                   << "scalar" << false << "string"
                                   << "ProtocolList" << false << "2.5";
    QTest::newRow("outbound nat vip") << "OutboundNatPolicySetting"
                                      << "VirtualIP"
                                      << "scalar" << false << "string"
                                      << "IpAddress" << false << "2.0";
    QTest::newRow("l4 proxy ip") << "L4ProxyPolicySetting"
                                 << "IP"
                                 << "scalar" << false << "string"
                                 << "IpAddress" << false << "2.0";
    QTest::newRow("endpoint namespace is service-owned") << "HostComputeEndpoint"
                                                         << "HostComputeNamespace"
                                                         << "scalar" << false << "Guid"
                                                         << "" << true << "2.0";
    QTest::newRow("health is service-owned") << "HostComputeNetwork"
                                             << "Health"
                                             << "object" << false << "Health"
                                             << "" << true << "2.0";
    QTest::newRow("object version is service-owned") << "HostComputeNamespace"
                                                     << "Version"
                                                     << "scalar" << false << "uint64"
                                                     << "" << true << "2.0";
    QTest::newRow("name is the client's") << "HostComputeNetwork"
                                          << "Name"
                                          << "scalar" << false << "string"
                                          << "" << false << "2.0";
    QTest::newRow("network flags") << "HostComputeNetwork"
                                   << "Flags"
                                   << "enum" << false << "NetworkFlags"
                                   << "" << false << "2.0";
    QTest::newRow("policies array") << "HostComputeEndpoint"
                                    << "Policies"
                                    << "object" << true << "EndpointPolicy"
                                    << "" << false << "2.0";
    QTest::newRow("policy settings are free-form") << "EndpointPolicy"
                                                   << "Settings"
                                                   << "any" << false << "Any"
                                                   << "" << false << "2.0";
    QTest::newRow("gns flags arrived in 2.12") << "GuestNetworkService"
                                               << "Flags"
                                               << "enum" << false << "GuestNetworkServiceFlags"
                                               << "" << false << "2.12";
    QTest::newRow("extra: max port pool usage") << "OutboundNatPolicySetting"
                                                << "MaxPortPoolUsage"
                                                << "scalar" << false << "uint16"
                                                << "" << false << "2.0";
    QTest::newRow("extra: hcsshim route Setting") << "HostComputeRoute"
                                                  << "Setting"
                                                  << "object" << true << "SDNRoutePolicySetting"
                                                  << "" << false << "2.0";
}

void TestSchemaCatalog::fieldMetadata()
{
    QFETCH(QString, typeName);
    QFETCH(QString, fieldName);
    QFETCH(QString, kind);
    QFETCH(bool, isArray);
    QFETCH(QString, fieldType);
    QFETCH(QString, format);
    QFETCH(bool, readOnly);
    QFETCH(QString, since);

    const TypeDef* type = Catalog::builtin().type(typeName.toStdString());
    QVERIFY(type);
    const FieldDef* field = type->field(fieldName.toStdString());
    QVERIFY(field);
    QCOMPARE(fromStd(field->name), fieldName);
    QCOMPARE(QString(kindName(field->kind)), kind);
    QCOMPARE(field->isArray, isArray);
    QCOMPARE(fromStd(field->typeName), fieldType);
    QCOMPARE(QString(formatName(field->format)), format);
    QCOMPARE(field->readOnly, readOnly);
    QCOMPARE(fromStd(field->since.toString()), since);
    if (field->kind == FieldKind::Scalar)
        QVERIFY(field->scalar != ScalarKind::None);
    else
        QCOMPARE(field->scalar, ScalarKind::None);
}

void TestSchemaCatalog::fieldLookup_data()
{
    QTest::addColumn<QString>("typeName");
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("found");

    QTest::newRow("documented casing") << "HostComputeNetwork"
                                       << "Ipams"
                                       << "Ipams";
    QTest::newRow("any casing") << "HostComputeNetwork"
                                << "IPAMS"
                                << "Ipams";
    QTest::newRow("ID spelled Id") << "HostComputeEndpoint"
                                   << "Id"
                                   << "ID";
    QTest::newRow("v1 ExceptionList is an alias of Exceptions") << "OutboundNatPolicySetting"
                                                                << "ExceptionList"
                                                                << "Exceptions";
    QTest::newRow("alias in any casing") << "OutboundNatPolicySetting"
                                         << "exceptionlist"
                                         << "Exceptions";
    QTest::newRow("l4 proxy: docs ExceptionList is its own field") << "L4ProxyPolicySetting"
                                                                   << "ExceptionList"
                                                                   << "ExceptionList";
    QTest::newRow("l4 proxy: hcsshim Exceptions is its own field") << "L4ProxyPolicySetting"
                                                                   << "Exceptions"
                                                                   << "Exceptions";
    QTest::newRow("l4 proxy: docs OutboundNat") << "L4ProxyPolicySetting"
                                                << "OutboundNat"
                                                << "OutboundNat";
    QTest::newRow("l4 proxy: hcsshim OutboundNAT") << "L4ProxyPolicySetting"
                                                   << "OutboundNAT"
                                                   << "OutboundNAT";
    QTest::newRow("l4 proxy: other casing picks the documented field") << "L4ProxyPolicySetting"
                                                                       << "outboundnat"
                                                                       << "OutboundNat";
    QTest::newRow("aliases do not leak to other types") << "PortMappingPolicySetting"
                                                        << "ExceptionList"
                                                        << "";
    QTest::newRow("unknown field") << "HostComputeNetwork"
                                   << "VirtualNetwork"
                                   << "";
}

void TestSchemaCatalog::fieldLookup()
{
    QFETCH(QString, typeName);
    QFETCH(QString, query);
    QFETCH(QString, found);

    const TypeDef* type = Catalog::builtin().type(typeName.toStdString());
    QVERIFY(type);
    const FieldDef* field = type->field(query.toStdString());
    QCOMPARE(field ? fromStd(field->name) : QString(), found);
}

void TestSchemaCatalog::policyBindings_data()
{
    QTest::addColumn<QString>("policyType");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("bound");
    QTest::addColumn<QString>("settingsType");

    QTest::newRow("port mapping") << "EndpointPolicy"
                                  << "PortMapping" << true << "PortMappingPolicySetting";
    QTest::newRow("acl in other casing") << "endpointpolicy"
                                         << "acl" << true << "AclPolicySetting";
    QTest::newRow("outbound nat") << "EndpointPolicy"
                                  << "OutBoundNAT" << true << "OutboundNatPolicySetting";
    QTest::newRow("sdn route") << "EndpointPolicy"
                               << "SDNRoute" << true << "SDNRoutePolicySetting";
    QTest::newRow("l2 driver takes no settings") << "EndpointPolicy"
                                                 << "L2Driver" << true << "";
    QTest::newRow("endpoint provider address")
        << "EndpointPolicy"
        << "ProviderAddress" << true << "ProviderAddressEndpointPolicySetting";
    QTest::newRow("endpoint vlan") << "EndpointPolicy"
                                   << "VLAN" << true << "VlanPolicySetting";
    QTest::newRow("extra: wsl firewall") << "EndpointPolicy"
                                         << "Firewall" << true << "FirewallPolicySetting";
    QTest::newRow("network provider address")
        << "NetworkPolicy"
        << "ProviderAddress" << true << "ProviderAddressNetworkPolicySetting";
    QTest::newRow("remote subnet route") << "NetworkPolicy"
                                         << "RemoteSubnetRoute" << true << "RemoteSubnetRoutePolicySetting";
    QTest::newRow("host route is an empty object") << "NetworkPolicy"
                                                   << "HostRoute" << true << "HostRoutePolicySetting";
    QTest::newRow("network l4 proxy") << "NetworkPolicy"
                                      << "L4Proxy" << true << "L4ProxyPolicySetting";
    QTest::newRow("network acl") << "NetworkPolicy"
                                 << "NetworkACL" << true << "NetworkAclPolicySetting";
    QTest::newRow("subnet vlan") << "SubnetPolicy"
                                 << "VLAN" << true << "VlanPolicySetting";
    QTest::newRow("subnet vsid") << "SubnetPolicy"
                                 << "VSID" << true << "VsidPolicySetting";
    QTest::newRow("acl is not a network policy") << "NetworkPolicy"
                                                 << "ACL" << false << "";
    QTest::newRow("unknown policy type") << "EndpointPolicy"
                                         << "Teleport" << false << "";
}

void TestSchemaCatalog::policyBindings()
{
    QFETCH(QString, policyType);
    QFETCH(QString, value);
    QFETCH(bool, bound);
    QFETCH(QString, settingsType);

    const auto result = Catalog::builtin().settingsTypeFor(policyType.toStdString(), value.toStdString());
    QCOMPARE(result.has_value(), bound);
    if (bound)
        QCOMPARE(fromStd(*result), settingsType);
}

void TestSchemaCatalog::everyPolicyTypeValueIsBound()
{
    const Catalog& catalog = Catalog::builtin();
    for (const char* policyType : {"EndpointPolicy", "NetworkPolicy", "SubnetPolicy"}) {
        const FieldDef* typeField = catalog.type(policyType)->field("Type");
        QVERIFY(typeField);
        const EnumDef* values = catalog.enumeration(typeField->typeName);
        QVERIFY(values);
        for (const auto& value : values->values) {
            const auto settings = catalog.settingsTypeFor(policyType, value.name);
            QVERIFY2(settings.has_value(), qPrintable(QString("%1 %2").arg(policyType, fromStd(value.name))));
            if (!settings->empty())
                QVERIFY2(catalog.type(*settings), settings->c_str());
        }
    }
}

void TestSchemaCatalog::newestVersionIsTheLatestSince()
{
    // FirewallPolicySetting (2.16) is the newest thing in the docs; 2.15 was never used.
    QCOMPARE(fromStd(Catalog::builtin().newestVersion().toString()), QStringLiteral("2.16"));
}

void TestSchemaCatalog::schemaVersionParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<uint>("major");
    QTest::addColumn<uint>("minor");

    QTest::newRow("schema 2.0") << "2.0" << true << 2u << 0u;
    QTest::newRow("schema 2.11") << "2.11" << true << 2u << 11u;
    QTest::newRow("hns service 15.4") << "15.4" << true << 15u << 4u;
    QTest::newRow("largest uint32") << "4294967295.0" << true << 4294967295u << 0u;
    QTest::newRow("major only") << "2" << false << 0u << 0u;
    QTest::newRow("empty") << "" << false << 0u << 0u;
    QTest::newRow("trailing dot") << "2." << false << 0u << 0u;
    QTest::newRow("three parts") << "2.11.1" << false << 0u << 0u;
    QTest::newRow("negative") << "-2.0" << false << 0u << 0u;
    QTest::newRow("leading space") << " 2.0" << false << 0u << 0u;
    QTest::newRow("letters") << "v2.0" << false << 0u << 0u;
    QTest::newRow("overflow") << "4294967296.0" << false << 0u << 0u;
}

void TestSchemaCatalog::schemaVersionParse()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(uint, major);
    QFETCH(uint, minor);

    const auto version = SchemaVersion::parse(text.toStdString());
    QCOMPARE(version.has_value(), valid);
    if (valid) {
        QCOMPARE(version->major, major);
        QCOMPARE(version->minor, minor);
        QCOMPARE(fromStd(version->toString()), text);
    }
}

void TestSchemaCatalog::schemaVersionOrdersNumerically()
{
    // 2.10 is newer than 2.9 even though "2.10" < "2.9" as text.
    QVERIFY(*SchemaVersion::parse("2.9") < *SchemaVersion::parse("2.10"));
    QVERIFY(*SchemaVersion::parse("10.0") > *SchemaVersion::parse("9.5"));
}

void TestSchemaCatalog::fromJsonBuildsACustomCatalog()
{
    const auto catalog = Catalog::fromJson(kMiniCatalog);
    QVERIFY(catalog);
    QCOMPARE(catalog->types().size(), std::size_t(2));
    QCOMPARE(catalog->enums().size(), std::size_t(2));
    const TypeDef* widget = catalog->type("WIDGET");
    QVERIFY(widget);
    QCOMPARE(fromStd(widget->field("neighbours")->name), QStringLiteral("Peers"));
    QCOMPARE(widget->field("Peers")->format, StringFormat::IpAddress);
    QVERIFY(widget->field("Peers")->isArray);
    QCOMPARE(widget->field("Id")->scalar, ScalarKind::Guid);
    QCOMPARE(fromStd(*catalog->settingsTypeFor("WidgetPolicy", "paint")), QStringLiteral("Widget"));
    QCOMPARE(fromStd(catalog->newestVersion().toString()), QStringLiteral("2.7"));
    // The builtin catalog is unaffected by another catalog's types.
    QVERIFY(!Catalog::builtin().type("Widget"));
}

void TestSchemaCatalog::fromJsonRejectsMalformedCatalogs_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("not json") << "{\"types\": [";
    QTest::newRow("top level array") << "[]";
    QTest::newRow("types not an array") << R"({"types": {}})";
    QTest::newRow("field of an unknown kind")
        << R"({"types": [{"name": "T", "fields": [{"name": "F", "kind": "blob"}]}]})";
    QTest::newRow("enum field naming no enum")
        << R"({"types": [{"name": "T", "fields": [{"name": "F", "kind": "enum", "typeName": "Nope"}]}]})";
    QTest::newRow("object field naming no type")
        << R"({"types": [{"name": "T", "fields": [{"name": "F", "kind": "object", "typeName": "Nope"}]}]})";
    QTest::newRow("format on a number")
        << R"({"types": [{"name": "T", "fields": [{"name": "F", "kind": "scalar", "scalar": "uint16",
              "format": "IpAddress"}]}]})";
    QTest::newRow("bad since")
        << R"({"types": [{"name": "T", "fields": [{"name": "F", "kind": "scalar", "scalar": "string",
              "since": "two"}]}]})";
    QTest::newRow("types differing only in case") << R"({"types": [{"name": "T"}, {"name": "t"}]})";
    QTest::newRow("enum value without a number")
        << R"({"enums": [{"name": "E", "values": [{"name": "A"}]}]})";
    QTest::newRow("binding to an unknown settings type")
        << R"({"types": [{"name": "P", "fields": [{"name": "Type", "kind": "enum", "typeName": "E"}]}],
              "enums": [{"name": "E", "values": [{"name": "A", "numeric": 0}]}],
              "policyBindings": [{"policyType": "P", "value": "A", "settingsType": "Missing"}]})";
    QTest::newRow("binding to an unknown value")
        << R"({"types": [{"name": "P", "fields": [{"name": "Type", "kind": "enum", "typeName": "E"}]}],
              "enums": [{"name": "E", "values": [{"name": "A", "numeric": 0}]}],
              "policyBindings": [{"policyType": "P", "value": "B", "settingsType": ""}]})";
}

void TestSchemaCatalog::fromJsonRejectsMalformedCatalogs()
{
    QFETCH(QString, text);

    bool threw = false;
    try {
        (void)Catalog::fromJson(text.toStdString());
    } catch (const std::runtime_error& error) {
        threw = true;
        QVERIFY2(QString(error.what()).contains("schema catalog"), error.what());
    }
    QVERIFY(threw);
}

QTEST_GUILESS_MAIN(TestSchemaCatalog)
#include "tst_schemacatalog.moc"
