// The error decoder: every code the engine names is explained, every way people write a code reads
// back as the same HRESULT, unknown codes still decode, and docs/errors.md lists the whole catalog.

#include "hcn/error_catalog.h"

#include <QFile>
#include <QSet>
#include <QtTest>
#include <algorithm>

using namespace hcn;

namespace {

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

QString trimmedMessage(HResult code)
{
    return qs(hresultMessage(code)).trimmed();
}

bool anyContains(const std::vector<std::string>& lines, const QString& word)
{
    for (const std::string& line : lines)
        if (qs(line).contains(word, Qt::CaseInsensitive))
            return true;
    return false;
}

} // namespace

class TestErrorCatalog : public QObject
{
    Q_OBJECT

private slots:
    void everyNamedCodeIsExplained_data();
    void everyNamedCodeIsExplained();
    void catalogHoldsOnlyNamedCodesOnce();
    void fieldKnowledge_data();
    void fieldKnowledge();
    void spellingsReadAsOneCode_data();
    void spellingsReadAsOneCode();
    void invalidTextIsRefused_data();
    void invalidTextIsRefused();
    void unknownCodeStillDecodes_data();
    void unknownCodeStillDecodes();
    void docsListEveryCode();
    void messageTextReadsAsCode_data();
    void messageTextReadsAsCode();
    void textOfNoCode_data();
    void textOfNoCode();
    void everyWordingReadsBack();
    void messageMatchesAWording_data();
    void messageMatchesAWording();
    void insertsMakeATemplate_data();
    void insertsMakeATemplate();
};

void TestErrorCatalog::everyNamedCodeIsExplained_data()
{
    QTest::addColumn<int>("code");
    for (HResult code : namedHResults())
        QTest::newRow(hresultName(code).data()) << int(code);
}

void TestErrorCatalog::everyNamedCodeIsExplained()
{
    QFETCH(int, code);
    const ErrorExplanation e = explainHResult(code);
    QVERIFY(e.known);
    QCOMPARE(e.code, code);
    QCOMPARE(qs(e.name), qs(hresultName(code)));
    QVERIFY(!e.constant.empty());
    // The Windows text comes from hresult.h, without the system message's trailing space.
    QVERIFY(!e.message.empty());
    QVERIFY(!e.message.ends_with(' '));
    QVERIFY(qs(hresultMessage(code)).startsWith(qs(e.message)));
    QVERIFY(e.meaning.size() > 10);
    QVERIFY(!e.causes.empty());
    QVERIFY(!e.checks.empty());
    for (const auto& line : e.causes)
        QVERIFY(!line.empty());
    // The hr:: spelling names the same code.
    auto byConstant = parseHResult(e.constant);
    QVERIFY(byConstant.ok());
    QCOMPARE(*byConstant, code);
}

void TestErrorCatalog::catalogHoldsOnlyNamedCodesOnce()
{
    QSet<int> seen;
    for (HResult code : catalogedHResults()) {
        QVERIFY2(!hresultName(code).empty(), qPrintable(qs(hresultHex(code))));
        QVERIFY2(!seen.contains(code), qPrintable(qs(hresultHex(code))));
        seen.insert(code);
    }
    QCOMPARE(seen.size(), qsizetype(namedHResults().size()));
}

void TestErrorCatalog::fieldKnowledge_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("cause");
    QTest::addColumn<QString>("check");
    QTest::newRow("port already exists: the orphaned load balancer loop")
        << int(hr::PortAlreadyExists) << "orphaned load balancer"
        << "hnsdiag list loadbalancers";
    QTest::newRow("element not found: stale IDs after an HNS restart")
        << int(hr::ElementNotFound) << "HNS restart"
        << "hnsdiag list all";
    QTest::newRow("address invalid or reserved: kube-proxy source VIP")
        << int(hr::AddrInvalidOrReserved) << "source-VIP"
        << "Get-HnsEndpoint";
    QTest::newRow("network not found: re-created network") << int(hr::NetworkNotFound) << "re-created"
                                                           << "Get-HnsNetwork";
    QTest::newRow("invalid policy: ACL with Any") << int(hr::InvalidPolicy) << "\"Any\""
                                                  << "Policies";
    QTest::newRow("already exists: WSL stale state") << int(hr::AlreadyExists) << "WSL"
                                                     << "wsl --shutdown";
    QTest::newRow("module not found: no HCN feature on the host") << int(hr::ModNotFound) << "Containers"
                                                                  << "Get-WindowsOptionalFeature";
    QTest::newRow("procedure not found: a call newer than the host") << int(hr::ProcNotFound) << "predates"
                                                                      << "dumpbin /exports";
    QTest::newRow("RPC server unavailable: HNS restarted") << int(hr::RpcServerUnavailable) << "HNS"
                                                           << "Start-Service hns";
    QTest::newRow("object already exists: an endpoint left over from an earlier sandbox")
        << int(hr::ObjectAlreadyExists) << "earlier sandbox"
        << "Remove-HnsEndpoint";
    QTest::newRow("HCS system not found: the container went away during network set-up")
        << int(hr::HcsSystemNotFound) << "race"
        << "hcsdiag list";
    QTest::newRow("HCS connect failed: the utility VM did not answer")
        << int(hr::HcsConnectFailed) << "utility VM"
        << "Hyper-V-Compute-Admin";
    QTest::newRow("HCS connection timeout: a host too loaded to boot the utility VM in time")
        << int(hr::HcsConnectionTimeout) << "many containers starting at once"
        << "Available MBytes";
    QTest::newRow("HCS service disconnect: vmcompute restarted during the call")
        << int(hr::HcsServiceDisconnect) << "vmcompute crashed"
        << "Service Control Manager";
    QTest::newRow("HCS access denied: not in Hyper-V Administrators")
        << int(hr::HcsAccessDenied) << "not elevated"
        << "whoami /groups";
    QTest::newRow("object name exists: a network HNS still holds in part")
        << int(hr::ObjectNameExists) << "left behind"
        << "HNS-Network-Create";
    QTest::newRow("endpoint mapper empty: WSL calls HNS before it runs")
        << int(hr::EndpointMapperEmpty) << "WSL"
        << "wsl --shutdown";
    QTest::newRow("delete pending: an endpoint used or made again while HNS still deletes it")
        << int(hr::DeletePending) << "tears the old one down"
        << "Get-HnsEndpoint";
    QTest::newRow("service does not exist: no Containers feature on the host")
        << int(hr::ServiceDoesNotExist) << "Containers"
        << "Get-Service hns, vmcompute";
    QTest::newRow("bad network path: a share or host the container's network cannot reach")
        << int(hr::BadNetPath) << "SMB"
        << "Test-NetConnection";
    QTest::newRow("HCS image mismatch: a container image of another Windows build")
        << int(hr::HcsImageMismatch) << "build"
        << "--isolation=hyperv";
    QTest::newRow("HCS unexpected exit: the container stopped while its network was set up")
        << int(hr::HcsUnexpectedExit) << "exited"
        << "docker ps -a";
    QTest::newRow("HCS invalid state: an operation on a container that is starting or stopping")
        << int(hr::HcsInvalidState) << "stopping"
        << "hcsdiag list";
    QTest::newRow("WMI not found: a switch removed behind HNS's back, passed on from VMMS")
        << int(hr::WmiNotFound) << "switch removed"
        << "Hyper-V-VMMS-Admin";
    QTest::newRow("WMI invalid parameter: a setting the switch cannot take")
        << int(hr::WmiInvalidParameter) << "adapter already bound"
        << "Get-VMSwitch";
    QTest::newRow("HCS already stopped: a network detach from a container that stopped")
        << int(hr::HcsSystemAlreadyStopped) << "stopped"
        << "hcsdiag list";
}

void TestErrorCatalog::fieldKnowledge()
{
    QFETCH(int, code);
    QFETCH(QString, cause);
    QFETCH(QString, check);
    const ErrorExplanation e = explainHResult(code);
    QVERIFY2(anyContains(e.causes, cause), qPrintable(cause));
    QVERIFY2(anyContains(e.checks, check), qPrintable(check));
}

void TestErrorCatalog::spellingsReadAsOneCode_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("code");
    const int port = hr::PortAlreadyExists;
    QTest::newRow("hex with 0x") << "0x803B0013" << port;
    QTest::newRow("hex with 0X, lower-case digits") << "0X803b0013" << port;
    QTest::newRow("hex without prefix") << "803b0013" << port;
    QTest::newRow("hex digits only, without prefix") << "80070490" << int(hr::ElementNotFound);
    QTest::newRow("signed decimal") << "-2143617005" << port;
    QTest::newRow("unsigned decimal (ErrorRecord ErrorCode)") << "2151350291" << port;
    QTest::newRow("symbolic name") << "HCN_E_PORT_ALREADY_EXISTS" << port;
    QTest::newRow("symbolic name, lower case") << "hcn_e_port_already_exists" << port;
    QTest::newRow("HNS_ spelling") << "HNS_PORT_ALREADY_EXISTS" << port;
    QTest::newRow("HNS_E_ spelling") << "hns_e_port_already_exists" << port;
    QTest::newRow("hr constant") << "PortAlreadyExists" << port;
    QTest::newRow("hr constant with namespace, any case") << "hr::portalreadyexists" << port;
    QTest::newRow("surrounding whitespace") << "  \t0x803B0013\r\n" << port;
    QTest::newRow("name without _E_")
        << "HCN_INTERFACEPARAMETERS_ALREADY_APPLIED" << int(hr::InterfaceParametersAlreadyApplied);
    QTest::newRow("HNS_ spelling of the name without _E_")
        << "HNS_INTERFACEPARAMETERS_ALREADY_APPLIED" << int(hr::InterfaceParametersAlreadyApplied);
    QTest::newRow("Win32 error number") << "1168" << int(hr::ElementNotFound);
    QTest::newRow("Win32 name") << "ERROR_ALREADY_EXISTS" << int(hr::AlreadyExists);
    QTest::newRow("Win32 error number of a missing DLL") << "126" << int(hr::ModNotFound);
    QTest::newRow("Win32 name of a missing export") << "ERROR_PROC_NOT_FOUND" << int(hr::ProcNotFound);
    QTest::newRow("generic COM name") << "e_invalidarg" << int(hr::InvalidArg);
    QTest::newRow("WMI's code, as VMMS logs it") << "0x80041002" << int(hr::WmiNotFound);
    QTest::newRow("WMI's name") << "WBEM_E_ACCESS_DENIED" << int(hr::WmiAccessDenied);
    QTest::newRow("WMI's failure, unsigned decimal") << "2147749889" << int(hr::WmiFailed);
    QTest::newRow("zero") << "0" << int(hr::Ok);
    QTest::newRow("lowest signed value") << "-2147483648" << int(makeHResult(0x80000000));
    QTest::newRow("highest unsigned value") << "4294967295" << -1;
    QTest::newRow("uncatalogued hex") << "0x80991234" << int(makeHResult(0x80991234));
}

void TestErrorCatalog::spellingsReadAsOneCode()
{
    QFETCH(QString, text);
    QFETCH(int, code);
    const auto parsed = parseHResult(text.toStdString());
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.status().detail().c_str());
    QCOMPARE(qs(hresultHex(*parsed)), qs(hresultHex(code)));
    const auto explained = explainHResult(std::string_view(text.toStdString()));
    QVERIFY(explained.ok());
    QCOMPARE(explained->code, code);
}

void TestErrorCatalog::invalidTextIsRefused_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << QByteArray("");
    QTest::newRow("only whitespace") << QByteArray(" \t\n");
    QTest::newRow("prefix without digits") << QByteArray("0x");
    QTest::newRow("more than eight hex digits") << QByteArray("0x1803B0013");
    QTest::newRow("not a hex digit") << QByteArray("0x803G0013");
    QTest::newRow("below the lowest signed value") << QByteArray("-2147483649");
    QTest::newRow("above the highest unsigned value") << QByteArray("4294967296");
    QTest::newRow("unknown name") << QByteArray("HCN_E_NO_SUCH_THING");
    QTest::newRow("words") << QByteArray("port exists");
    QTest::newRow("minus alone") << QByteArray("-");
    QTest::newRow("invalid UTF-8") << QByteArray("\xff\xfe 0x80");
}

void TestErrorCatalog::invalidTextIsRefused()
{
    QFETCH(QByteArray, text);
    const auto parsed = parseHResult(text.toStdString());
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.status().code(), hr::InvalidArg);
    QVERIFY(!parsed.status().detail().empty());
    // The detail quotes the input and must stay valid UTF-8.
    const QByteArray detail = QByteArray::fromStdString(parsed.status().detail());
    QCOMPARE(QString::fromUtf8(detail).toUtf8(), detail);
    QVERIFY(!explainHResult(std::string_view(text.constData(), std::size_t(text.size()))).ok());
}

void TestErrorCatalog::unknownCodeStillDecodes_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("facility");
    QTest::addColumn<QString>("meaning");
    QTest::addColumn<QString>("check");
    QTest::newRow("Win32 error: its number and net helpmsg")
        << int(makeHResult(0x800704D2)) << "FACILITY_WIN32"
        << "Win32 error 1234"
        << "net helpmsg 1234";
    QTest::newRow("HCN code newer than the catalog") << int(makeHResult(0x803B00FF)) << "HCN (0x3B)"
                                                     << "newer than this catalog"
                                                     << "hcnctl version";
    QTest::newRow("success code is not an error") << int(makeHResult(0x00040001)) << "FACILITY_ITF"
                                                  << "success code"
                                                  << "certutil -error 0x00040001";
    QTest::newRow("NTSTATUS inside an HRESULT") << int(makeHResult(0xD0000022)) << "FACILITY_NULL"
                                                << "NTSTATUS 0xC0000022"
                                                << "certutil -error";
    QTest::newRow("facility without a name") << int(makeHResult(0x80991234)) << "facility 0x99 (153)"
                                             << "code 4660 (0x1234)"
                                             << "certutil -error 0x80991234";
    QTest::newRow("HCS (compute system) code: said to be HCS's, not HNS's")
        << int(makeHResult(0xC0370199)) << "HCS (compute system, 0x37)"
        << "not one of HNS"
        << "hcsdiag list";
    QTest::newRow("customer bit") << int(makeHResult(0xA0010001)) << "FACILITY_RPC"
                                  << "vendor"
                                  << "certutil";
}

void TestErrorCatalog::unknownCodeStillDecodes()
{
    QFETCH(int, code);
    QFETCH(QString, facility);
    QFETCH(QString, meaning);
    QFETCH(QString, check);
    const ErrorExplanation e = explainHResult(code);
    QVERIFY(!e.known);
    QVERIFY(e.name.empty());
    QCOMPARE(qs(e.facilityName), facility);
    QVERIFY2(qs(e.meaning).contains(meaning), e.meaning.c_str());
    QVERIFY(!e.causes.empty());
    QVERIFY(anyContains(e.checks, check));
}

void TestErrorCatalog::docsListEveryCode()
{
    QFile doc(qEnvironmentVariable("HCN_SOURCE_DIR") + QStringLiteral("/docs/errors.md"));
    QVERIFY2(doc.open(QIODevice::ReadOnly), qPrintable(doc.fileName()));
    const QString text = QString::fromUtf8(doc.readAll());
    for (HResult code : catalogedHResults()) {
        const ErrorExplanation e = explainHResult(code);
        const QString row = QStringLiteral("| %1 | %2 |").arg(qs(hresultHex(code)), qs(e.name));
        QVERIFY2(text.contains(row), qPrintable(row));
    }
}

void TestErrorCatalog::messageTextReadsAsCode_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("code");
    const int policy = hr::InvalidPolicy;
    QTest::newRow("invalid policy: Windows' text")
        << QByteArray("The provided policy configuration is invalid or missing parameters.") << policy;
    QTest::newRow("invalid policy: as an ErrorRecord carries it, trailing space")
        << QByteArray("The provided policy configuration is invalid or missing parameters. ") << policy;
    QTest::newRow("invalid policy: without the final period")
        << QByteArray("The provided policy configuration is invalid or missing parameters") << policy;
    QTest::newRow("invalid policy: doubled blank")
        << QByteArray("The provided policy configuration is invalid  or missing parameters.") << policy;
    QTest::newRow("invalid policy: other case")
        << QByteArray("the provided POLICY configuration is invalid or missing parameters.") << policy;
    QTest::newRow("invalid policy: earlier wording of this service")
        << QByteArray("The policy configuration is invalid or incomplete.") << policy;
    QTest::newRow("invalid policy: earlier wording, no period, doubled blank")
        << QByteArray("The policy  configuration is invalid or incomplete") << policy;
    const int attached = hr::EndpointAlreadyAttached;
    QTest::newRow("endpoint attached: Windows' text")
        << QByteArray("This endpoint is already attached to the switch.") << attached;
    QTest::newRow("endpoint attached: without the final period")
        << QByteArray("This endpoint is already attached to the switch") << attached;
    QTest::newRow("endpoint attached: doubled blank")
        << QByteArray("This endpoint is  already attached to the switch.") << attached;
    QTest::newRow("endpoint attached: earlier wording")
        << QByteArray("The endpoint is already attached to the switch.") << attached;
    const int reference = hr::InvalidJsonReference;
    QTest::newRow("JSON reference: Windows' text")
        << QByteArray("The reference is invalid in the JSON document.") << reference;
    QTest::newRow("JSON reference: without the final period")
        << QByteArray("The reference is invalid in the JSON document") << reference;
    QTest::newRow("JSON reference: doubled blank")
        << QByteArray("The reference is invalid in the  JSON document.") << reference;
    QTest::newRow("JSON reference: earlier wording")
        << QByteArray("A reference inside the JSON document is invalid.") << reference;
    const int connect = hr::HcsConnectFailed;
    QTest::newRow("HCS connect failed: Windows' text")
        << QByteArray("A connection could not be established with the container or virtual machine.")
        << connect;
    QTest::newRow("HCS connect failed: the older wording docker pastes show")
        << QByteArray("A connection could not be established with the Virtual Machine hosting the Container.")
        << connect;
    QTest::newRow("HCS connection timeout: Windows' text, no period")
        << QByteArray(
               "The operation timed out because a response was not received from the virtual machine or "
               "container")
        << int(hr::HcsConnectionTimeout);
    QTest::newRow("HCS service disconnect: Windows' text")
        << QByteArray("The host compute system service has disconnected unexpectedly.")
        << int(hr::HcsServiceDisconnect);
    QTest::newRow("invalid network: wrapped over two lines, as a console prints it")
        << QByteArray("The\nprovided network configuration is invalid or missing parameters. ")
        << int(hr::InvalidNetwork);
    QTest::newRow("invalid IP: Windows' text")
        << QByteArray("IP address is either invalid or not part of any configured subnet(s).")
        << int(hr::InvalidIp);
    QTest::newRow("invalid IP: earlier wording")
        << QByteArray("The IP address is invalid or is not in any configured subnet.") << int(hr::InvalidIp);
    QTest::newRow("address reserved: ErrorRecord text")
        << QByteArray("An address provided is invalid or reserved. ") << int(hr::AddrInvalidOrReserved);
    QTest::newRow("ICS disabled: Windows' text")
        << QByteArray("Internet Connection Sharing service (SharedAccess) is disabled and cannot be started.")
        << int(hr::IcsDisabled);
    QTest::newRow("namespace attach: Windows' text")
        << QByteArray(
               "This requested operation is invalid as endpoint is already part of a network namespace.")
        << int(hr::EndpointNamespaceAlreadyExists);
    QTest::newRow("IP subnet: Windows' text, first letter whole")
        << QByteArray("The provided IP subnet configuration is invalid or missing parameters.")
        << int(hr::InvalidIpSubnet);
    QTest::newRow("port in use: sharing violation")
        << QByteArray("The process cannot access the file because it is being used by another process.")
        << int(hr::SharingViolation);
    QTest::newRow("port in use: sharing violation, no period")
        << QByteArray("The process cannot access the file because it is being used by another process")
        << int(hr::SharingViolation);
    QTest::newRow("device not ready") << QByteArray("The device is not ready.") << int(hr::NotReady);
    QTest::newRow("the network's sentence, which Microsoft's table repeats for the layer: the network")
        << QByteArray("A network with this name already exists.") << int(hr::NetworkAlreadyExists);
    QTest::newRow("the layer's own wording")
        << QByteArray("A network layer with this name already exists.") << int(hr::LayerAlreadyExists);
    QTest::newRow("the request sentence, which Microsoft's table repeats for the guest's: HCN's")
        << QByteArray("The specified request is unsupported.") << int(hr::RequestUnsupported);
    QTest::newRow("title in braces")
        << QByteArray(
               "{Object Exists} An attempt was made to create an object and the object name already existed.")
        << int(hr::ObjectNameExists);
    QTest::newRow("without the title in braces")
        << QByteArray("An attempt was made to create an object and the object name already existed.")
        << int(hr::ObjectNameExists);
    QTest::newRow("older Windows wording of an HCS code")
        << QByteArray("A Compute System with the specified identifier does not exist.")
        << int(hr::HcsSystemNotFound);
    QTest::newRow("delete pending: Windows' text")
        << QByteArray("The file cannot be opened because it is in the process of being deleted.")
        << int(hr::DeletePending);
    QTest::newRow("service does not exist: Windows' text")
        << QByteArray("The specified service does not exist as an installed service.")
        << int(hr::ServiceDoesNotExist);
    QTest::newRow("bad network path: Windows' text")
        << QByteArray("The network path was not found.") << int(hr::BadNetPath);
    QTest::newRow("HCS image mismatch: Windows' text")
        << QByteArray("The container operating system does not match the host operating system.")
        << int(hr::HcsImageMismatch);
    QTest::newRow("HCS unexpected exit: Windows' text")
        << QByteArray("The virtual machine or container exited unexpectedly.") << int(hr::HcsUnexpectedExit);
    QTest::newRow("wrong disk: FormatMessage's two lines, inserts left in")
        << QByteArray(
               "The wrong diskette is in the drive.\r\nInsert %2 (Volume Serial Number: %3) into drive %1.")
        << int(hr::WrongDisk);
    QTest::newRow("unhandled exception: its title and two lines")
        << QByteArray("{Application Error}\r\nThe exception %s (0x%08lx) occurred in the application at "
                      "location 0x%08lx.")
        << int(hr::UnhandledException);
    QTest::newRow("element not found: German Windows")
        << QByteArray("Element nicht gefunden.") << int(hr::ElementNotFound);
    QTest::newRow("element not found: Russian Windows")
        << QByteArray("\xd0\xad\xd0\xbb\xd0\xb5\xd0\xbc\xd0\xb5\xd0\xbd\xd1\x82 \xd0\xbd\xd0\xb5 "
                      "\xd0\xbd\xd0\xb0\xd0\xb9\xd0\xb4\xd0\xb5\xd0\xbd.")
        << int(hr::ElementNotFound);
    QTest::newRow("element not found: Chinese Windows, its full stop")
        << QByteArray("\xe6\x89\xbe\xe4\xb8\x8d\xe5\x88\xb0\xe5\x85\x83\xe7\xb4\xa0\xe3\x80\x82")
        << int(hr::ElementNotFound);
    QTest::newRow("element not found: Chinese Windows, without its full stop")
        << QByteArray("\xe6\x89\xbe\xe4\xb8\x8d\xe5\x88\xb0\xe5\x85\x83\xe7\xb4\xa0")
        << int(hr::ElementNotFound);
    QTest::newRow("delete pending: Chinese Windows")
        << QByteArray("\xe4\xb8\x8d\xe8\x83\xbd\xe6\x89\x93\xe5\xbc\x80\xe6\x96\x87\xe4\xbb\xb6\xef\xbc\x8c"
                      "\xe5\x9b\xa0\xe4\xb8\xba\xe5\xae\x83\xe6\xad\xa3\xe5\x9c\xa8\xe8\xa2\xab\xe5\x88\xa0"
                      "\xe9\x99\xa4\xe3\x80\x82")
        << int(hr::DeletePending);
    QTest::newRow("element not found: Japanese Windows")
        << QByteArray("\xe8\xa6\x81\xe7\xb4\xa0\xe3\x81\x8c\xe8\xa6\x8b\xe3\x81\xa4\xe3\x81\x8b"
                      "\xe3\x82\x8a\xe3\x81\xbe\xe3\x81\x9b\xe3\x82\x93\xe3\x80\x82")
        << int(hr::ElementNotFound);
}

void TestErrorCatalog::messageTextReadsAsCode()
{
    QFETCH(QByteArray, text);
    QFETCH(int, code);
    const auto found = hresultOfMessage(std::string_view(text.constData(), std::size_t(text.size())));
    QVERIFY2(found.has_value(), text.constData());
    QCOMPARE(qs(hresultLabel(*found)), qs(hresultLabel(code)));
}

void TestErrorCatalog::textOfNoCode_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << QByteArray("");
    QTest::newRow("only blanks and periods") << QByteArray("  . ");
    QTest::newRow("a text no source gives Windows' wording of") << QByteArray("Can't find the network.");
    QTest::newRow("the start of a message") << QByteArray("The provided policy configuration");
    QTest::newRow("a message with more after it")
        << QByteArray("The provided policy configuration is invalid or missing parameters. See the log.");
    QTest::newRow("the first line of a message FormatMessage gives on two")
        << QByteArray("The wrong diskette is in the drive.");
    QTest::newRow("a success is no failure") << QByteArray("The operation completed successfully.");
    // WMI's short texts are words any program writes.
    QTest::newRow("WMI's \"Not found\"") << QByteArray("Not found");
    QTest::newRow("WMI's \"Access denied\"") << QByteArray("Access denied.");
    QTest::newRow("a document's brace is no title") << QByteArray("{\"Error\":\"Invalid policy type.\"}");
    QTest::newRow("a localized text whose Windows wording is not known for certain")
        << QByteArray("\xd0\x94\xd0\xbe\xd1\x81\xd1\x82\xd1\x83\xd0\xbf \xd0\xb7\xd0\xb0\xd0\xbf\xd1\x80"
                      "\xd0\xb5\xd1\x89\xd0\xb5\xd0\xbd.");
}

void TestErrorCatalog::textOfNoCode()
{
    QFETCH(QByteArray, text);
    QVERIFY(!hresultOfMessage(std::string_view(text.constData(), std::size_t(text.size()))).has_value());
}

void TestErrorCatalog::everyWordingReadsBack()
{
    // Every wording of every code gives back that code, or the code before it in the table that shares
    // the text; Windows' text comes first and is the message hresultMessage gives. WMI's short texts
    // (textOfNoCode) give none.
    for (HResult code : namedHResults()) {
        const std::vector<std::string_view> texts = hresultMessageTexts(code);
        QVERIFY(!texts.empty());
        QCOMPARE(qs(texts.front()), trimmedMessage(code));
        if (!failed(code) || (static_cast<std::uint32_t>(code) & 0xFFFFF000u) == 0x80041000u)
            continue;
        for (std::string_view text : texts) {
            const auto found = hresultOfMessage(text);
            QVERIFY2(found.has_value(), text.data());
            if (*found == code)
                continue;
            const auto shared = hresultMessageTexts(*found);
            QVERIFY2(std::find(shared.begin(), shared.end(), text) != shared.end(), text.data());
        }
    }
}

/// A system message with FormatMessage's inserts is a template: the report never shows it as it stands.
void TestErrorCatalog::insertsMakeATemplate_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("isTemplate");
    QTest::newRow("numbered inserts")
        << QByteArray("Insert %2 (Volume Serial Number: %3) into drive %1.") << true;
    QTest::newRow("printf inserts")
        << QByteArray("The exception %s (0x%08lx) occurred in the application at location 0x%08lx.") << true;
    QTest::newRow("a wide string") << QByteArray("The driver %ws failed to load.") << true;
    QTest::newRow("a percentage") << QByteArray("The disk is 90% full.") << false;
    QTest::newRow("an environment variable")
        << QByteArray("The file %windir%\\system32\\x.dll is missing.") << false;
    QTest::newRow("no insert") << QByteArray("Element not found.") << false;
}

void TestErrorCatalog::insertsMakeATemplate()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, isTemplate);
    QCOMPARE(messageHasInserts(std::string_view(text.constData(), std::size_t(text.size()))), isTemplate);
}

QTEST_GUILESS_MAIN(TestErrorCatalog)
void TestErrorCatalog::messageMatchesAWording_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("match");          ///< WordingMatch
    QTest::addColumn<QByteArray>("wording"); ///< the wording matched; empty for none
    const QByteArray exists = "Cannot create a file when that file already exists.";
    const int whole = int(WordingMatch::Whole);
    const int start = int(WordingMatch::Start);
    const int words = int(WordingMatch::Words);
    QTest::newRow("the message, case, blanks and period aside")
        << int(hr::AlreadyExists) << QByteArray("cannot create a file when that file alreadyexists") << whole
        << exists;
    QTest::newRow("its start is not the whole")
        << int(hr::AlreadyExists) << QByteArray("Cannot create a file") << whole << QByteArray();
    QTest::newRow("its start, a wrap's blank inside")
        << int(hr::AlreadyExists) << QByteArray("Cannot create\n    a file when th") << start << exists;
    QTest::newRow("a start that ends inside a word is no start of its words")
        << int(hr::AlreadyExists) << QByteArray("Cannot create a file when th") << words << QByteArray();
    QTest::newRow("a start that ends with a word")
        << int(hr::AlreadyExists) << QByteArray("Cannot create a file when that") << words << exists;
    QTest::newRow("another code's message") << int(hr::ElementNotFound) << exists << start << QByteArray();
    QTest::newRow("nothing") << int(hr::AlreadyExists) << QByteArray(" . ") << start << QByteArray();
}

void TestErrorCatalog::messageMatchesAWording()
{
    QFETCH(int, code);
    QFETCH(QByteArray, text);
    QFETCH(int, match);
    QFETCH(QByteArray, wording);
    const auto found = hresultWordingOf(static_cast<HResult>(code),
                                        std::string_view(text.constData(), std::size_t(text.size())),
                                        static_cast<WordingMatch>(match));
    QCOMPARE(found ? qs(*found) : QString(), QString::fromUtf8(wording));
}

#include "tst_errorcatalog.moc"
