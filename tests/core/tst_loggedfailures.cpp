// What the import report says about HNS failures a paste shows in forms other than a log line with a
// code: a failure text without its final period before prose, Windows messages with a title in braces,
// HNS's own event-log record, PowerShell error records of the cmdlets that ask HNS for networks and
// endpoints, a failed hot attach of an endpoint, and Calico felix's failed network lookup; the object a
// failure line names (whatever HNS error form follows it and list or quote marker precedes it; a template's
// placeholder names none), prose quoting `HNS error: <known message>`, docker's remote network driver
// passing an error on, one failure logged by a daemon and HNS's event log, and HNS's event-log record of
// an operation done; a Windows message FormatMessage gives on two lines, a catalog message after `error:`,
// win-bridge's ProvisionEndpoint, who is said to fail (HNS's answer or a line), a code known only from
// its message, a quote of a failure beside the log records of it, a line that starts a statement of its
// own after a failure (docker's summary), the command typed before a failure, and a failure on a fatal
// log line (docs/import.md, "Failed requests are not state").

#include "dump_files.h"
#include "hcn/dump_import.h"

#include <QtTest>
#include <functional>

using namespace hcn;
using namespace hcn::io;

namespace {

ImportResult importFailureDump(const QString& name)
{
    const QByteArray bytes = readDump(QStringLiteral("failures/") + name);
    Result<ImportResult> imported = importBytes(name.toStdString(), std::string(bytesView(bytes)));
    if (!imported)
        qFatal("import failed");
    return std::move(*imported);
}

/// Each message as a user sees it: "warning 5-7: text".
QStringList shownMessages(const ImportResult& result)
{
    QStringList shown;
    for (const ImportMessage& m : result.report.messages)
        shown << QStringLiteral("%1 %2-%3: %4")
                     .arg(QString::fromUtf8(importSeverityName(m.severity).data()))
                     .arg(m.firstLine)
                     .arg(m.lastLine)
                     .arg(QString::fromStdString(m.message));
    return shown;
}

/// The messages (as shownMessages gives them) of `text` imported as `source` that `keep` keeps: what a
/// test looks at, other readers' words on the same lines left out.
QStringList importedMessagesWhere(const std::string& source, const QString& text,
                                  const std::function<bool(const QString&)>& keep)
{
    Result<ImportResult> imported = importBytes(source, text.toStdString());
    if (!imported)
        qFatal("import failed");
    QStringList kept;
    for (const QString& m : shownMessages(*imported))
        if (keep(m))
            kept << m;
    return kept;
}

} // namespace

class TestLoggedFailures : public QObject
{
    Q_OBJECT

private slots:
    void reportsTheFailure_data();
    void reportsTheFailure();
    void saysNothingOfProse_data();
    void saysNothingOfProse();
    void namesACodeInProse_data();
    void namesACodeInProse();
    void namesTheFailureOfALine_data();
    void namesTheFailureOfALine();
    void saysAFailedLookupInWords_data();
    void saysAFailedLookupInWords();
    void saysAPodsNetworkFailed_data();
    void saysAPodsNetworkFailed();
    void saysKubeProxyPanicked_data();
    void saysKubeProxyPanicked();
    void saysAProgramExited_data();
    void saysAProgramExited();
};

void TestLoggedFailures::reportsTheFailure_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("message"); ///< a message the report holds, as shownMessages gives it
    QTest::addColumn<QString>("absent");  ///< text no message holds; empty for none

    QTest::newRow("a failure text without its period is not joined to the prose line after it")
        << "adapter-not-found-then-prose.txt"
        << "warning 5-5: HNS refused a request: HCN_E_ADAPTER_NOT_FOUND (0x803B0006), \"An adapter was not "
           "found.\" (code from the message text)"
        << "Below";
    QTest::newRow("the same in a double-spaced paste")
        << "adapter-not-found-double-spaced.txt"
        << "warning 1-1: HNS refused a request: HCN_E_ADAPTER_NOT_FOUND (0x803B0006), \"An adapter was not "
           "found.\" (code from the message text)"
        << "Below";
    QTest::newRow("a Windows message with its title in braces is read whole and named")
        << "object-name-exists-title.txt"
        << "warning 4-4: HNS refused a request: creating default network failed: ERROR_OBJECT_NAME_EXISTS "
           "(0x800702BA), \"{Object Exists} An attempt was made to create an object and the object name "
           "already existed.\" (code from the message text)"
        << "";
    QTest::newRow("HNS's event-log record of a failed network create")
        << "hns-event-network-create.txt"
        << "warning 3-6: HNS refused a request: create network 6e2f41a8-3c7d-4b90-a5e1-0d8c9b7f3a24 (ICS, "
           "HNS "
           "event log) failed: ERROR_OBJECT_NAME_EXISTS (0x800702BA), \"{Object Exists} An attempt was made "
           "to "
           "create an object and the object name already existed.\""
        << "";
    QTest::newRow("New-ContainerNetwork's error record: what it asked, from the command typed above")
        << "new-containernetwork-exists.txt"
        << "warning 2-7: HNS refused a request: New-ContainerNetwork (create network natlab, NAT, "
           "172.28.16.0/20) failed: \"Object already exists\" (no error code in the log)"
        << "";
    QTest::newRow("the same error record twice, its command cut by PowerShell, a known text named")
        << "new-containernetwork-loop-unspecified.txt"
        << "warning 3-8: HNS refused a request: New-ContainerNetwork (create network lab, Transparent) "
           "failed: E_FAIL (0x80004005), \"Unspecified error.\" (code from the message text) (2 times, lines "
           "3-8, 10-15)"
        << "";
    QTest::newRow("a failed Remove-ContainerNetwork of the networks listed, which the dump still shows")
        << "remove-containernetwork-still-listed.txt"
        << "warning 12-17: HNS refused a request: Remove-ContainerNetwork (delete the networks "
           "Get-ContainerNetwork lists) failed: E_INVALIDARG (0x80070057), \"The parameter is incorrect.\" "
           "(code from the message text); the dump still shows network labNet "
           "(3b9e0c47-81d2-4f6a-9c35-e7a1d04b28f6) at line 23"
        << "";
    QTest::newRow("a failed removal by name: only the network it names is still shown")
        << "remove-containernetwork-by-name.txt"
        << "warning 9-14: HNS refused a request: Remove-ContainerNetwork (delete network labNet) failed: "
           "E_INVALIDARG (0x80070057), \"The parameter is incorrect.\" (code from the message text); the "
           "dump still shows network labNet (3b9e0c47-81d2-4f6a-9c35-e7a1d04b28f6) at line 5"
        << "still shows networks";
    QTest::newRow("a failed Remove-HnsNetwork by name")
        << "remove-hnsnetwork-by-name.txt"
        << "warning 2-7: HNS refused a request: Remove-HnsNetwork (delete network l2bridge) failed: "
           "ERROR_NOT_FOUND (0x80070490), \"Element not found.\" (code from the message text)"
        << "the dump still shows";
    QTest::newRow("New-ContainerNetwork's parameters shortened to a unique prefix")
        << "new-containernetwork-abbreviated.txt"
        << "warning 2-7: HNS refused a request: New-ContainerNetwork (create network natlab, NAT, "
           "172.28.16.0/20, gateway 172.28.16.1) failed: \"Object already exists\" (no error code in the "
           "log)"
        << "";
    QTest::newRow("New-HnsNetwork's parameters shortened, -Name:value keeps the name's case")
        << "new-hnsnetwork-abbreviated-exists.txt"
        << "warning 2-7: HNS refused a request: New-HnsNetwork (create network WinL2, L2Bridge, 10.0.3.0/24, "
           "gateway 10.0.3.1) failed: HCN_E_NETWORK_ALREADY_EXISTS (0x803B0010), \"A network with this name "
           "already exists.\" (code from the message text)"
        << "";
    QTest::newRow("a failed hot attach names the endpoint and the container")
        << "hot-attach-endpoint.log"
        << "warning 2-2: hot attach of endpoint web_pod7 to container 9d2c4e6f81a0 failed: E_INVALIDARG "
           "(0x80070057), \"The parameter is incorrect.\" (code from the message text)"
        << "refused";
    QTest::newRow("a failed hot attach's reason after another field ending in err")
        << "hot-attach-reason-after-other-field.log"
        << "warning 1-1: hot attach of endpoint web_pod9 to container 4b7e2a19c3d0 failed: E_INVALIDARG "
           "(0x80070057), \"The parameter is incorrect.\" (code from the message text)"
        << "none";
    QTest::newRow("a failed hot attach in plain words")
        << "hot-attach-endpoint-plain.txt"
        << "warning 1-1: hot attach of endpoint web_pod7 to container 9d2c4e6f failed: E_ACCESSDENIED "
           "(0x80070005), \"Access is denied.\" (code from the message text)"
        << "refused";
    QTest::newRow("an HNS answer names the endpoint and the null-GUID namespace its line wraps inside")
        << "remove-endpoint-null-namespace-wrapped.txt"
        << "warning 2-3: HNS reported a failure: remove endpoint shop-7f3c21 from namespace "
           "00000000-0000-0000-0000-000000000000 (the null GUID: the endpoint was in no namespace) failed: "
           "ERROR_NOT_FOUND (0x80070490), \"Element not found.\""
        << "hcnOpenNamespace";
    QTest::newRow("a failure line wrapped inside a GUID is read whole")
        << "remove-endpoint-guid-wrapped.txt"
        << "warning 1-2: HNS refused a request: remove endpoint shop-7f3c21 from namespace "
           "5c0e9a73-2d41-4f8b-b6e2-91a3d7c4f058 failed: ERROR_NOT_FOUND (0x80070490), \"Element not found.\""
        << "null GUID";
    QTest::newRow("an endpoint added to a namespace")
        << "add-endpoint-to-namespace.txt"
        << "warning 1-1: HNS refused a request: add endpoint shop-7f3c21 to namespace "
           "5c0e9a73-2d41-4f8b-b6e2-91a3d7c4f058 failed: HCN_E_ADAPTER_NOT_FOUND (0x803B0006), \"An adapter "
           "was not found.\""
        << "";
    QTest::newRow("a HostComputeNetwork create names the network")
        << "create-network-named.txt"
        << "warning 2-2: HNS refused a request: create network vxlan.4097 failed: E_INVALIDARG (0x80070057), "
           "\"The parameter is incorrect.\""
        << "hcnCreateNetwork failed";
    QTest::newRow("an HNSNetwork create through hnsCall names the network that exists")
        << "create-hnsnetwork-exists.txt"
        << "warning 1-1: HNS refused a request: create network l2br0 failed: HCN_E_NETWORK_ALREADY_EXISTS "
           "(0x803B0010), \"A network with this name already exists.\""
        << "";
    QTest::newRow("the same error logged before with no name takes the endpoint's name")
        << "create-endpoint-err-after-request.txt"
        << "warning 1-1: HNS refused a request: create endpoint 7c1e90ab-eth0 failed: ERROR_NOT_FOUND "
           "(0x80070490), \"Element not found.\" (code from the message text) (2 times, lines 1-2)"
        << "";
    QTest::newRow("the same error of two endpoints is two failures")
        << "create-two-endpoints-same-error.txt"
        << "warning 2-2: HNS refused a request: create endpoint 5d22f0c4-eth0 failed: ERROR_NOT_FOUND "
           "(0x80070490), \"Element not found.\" (code from the message text)"
        << "2 times";
    QTest::newRow("docker's remote network driver passing on HCS's error")
        << "remote-driver-hcs-error.txt"
        << "warning 1-1: Docker's remote network driver passed on HCS's error (the compute system service, "
           "not HNS): create endpoint shop01 on network overlay2 failed: HCS_E_SYSTEM_NOT_FOUND "
           "(0xC037010E), \"A Compute System with the specified identifier does not exist.\" (code from the "
           "message text)"
        << "remote driver)";
    QTest::newRow("docker's remote network driver passing on HNS's error")
        << "remote-driver-hns-error.txt"
        << "warning 1-1: Docker's remote network driver passed on HNS's error: create endpoint shop01 on "
           "network overlay2 failed: ERROR_NOT_FOUND (0x80070490), \"Element not found.\" (code from the "
           "message text)"
        << "remote driver)";
    QTest::newRow("a repeat the paste cut off is counted and said to be cut")
        << "repeats-last-cut.txt"
        << "warning 1-1: HNS refused a request: create endpoint cart on network nat failed: "
           "HCN_E_PORT_ALREADY_EXISTS (0x803B0013), \"The specified port already exists.\" (code from the "
           "message text) (3 times, lines 1-3; the one at line 3 is cut off)"
        << "";
    QTest::newRow("a daemon's failure that HNS's event log records too is one warning naming both")
        << "daemon-and-event-log-same-failure.txt"
        << "warning 2-2: HNS refused a request: creating default network failed: ERROR_OBJECT_NAME_EXISTS "
           "(0x800702BA), \"{Object Exists} An attempt was made to create an object and the object name "
           "already existed.\" (code from the message text); HNS's event log records it too, at lines 5-8: "
           "create network 4f1d2c3b-8a9e-4b7c-9d6e-2a1b3c4d5e6f (NAT, HNS event log)"
        << "warning 5-8";
    QTest::newRow("the same with the event log's record first")
        << "event-log-then-daemon-same-failure.txt"
        << "warning 7-7: HNS refused a request: creating default network failed: ERROR_OBJECT_NAME_EXISTS "
           "(0x800702BA), \"{Object Exists} An attempt was made to create an object and the object name "
           "already existed.\" (code from the message text); HNS's event log records it too, at lines 1-4: "
           "create network 4f1d2c3b-8a9e-4b7c-9d6e-2a1b3c4d5e6f (NAT, HNS event log)"
        << "warning 1-4";
    QTest::newRow("docker's create endpoint with hnsCall's error names the endpoint and the network")
        << "create-endpoint-hnscall-named.txt"
        << "warning 2-2: HNS refused a request: create endpoint shop01 on network nat failed: "
           "ERROR_SHARING_VIOLATION (0x80070020), \"The process cannot access the file because it is being "
           "used by another process.\" (the command at line 1: docker run -d --name shop01 shop:1.4)"
        << "hnsCall";
    QTest::newRow("the same with a Windows message in another language")
        << "create-endpoint-hnscall-localized.txt"
        << "warning 1-1: HNS refused a request: create endpoint tienda02 on network nat failed: "
           "ERROR_SHARING_VIOLATION (0x80070020), \"El proceso no tiene acceso al archivo porque est\u00e1 "
           "siendo utilizado por "
           "otro proceso.\""
        << "hnsCall";
    QTest::newRow("the same through hnsCallRawResponse")
        << "create-endpoint-hnscallrawresponse.txt"
        << "warning 1-1: HNS refused a request: create endpoint cart on network lab failed: E_INVALIDARG "
           "(0x80070057), \"The parameter is incorrect.\""
        << "hnsCall";
    QTest::newRow("a numbered step before docker's create endpoint")
        << "create-endpoint-numbered-step.txt"
        << "warning 4-4: HNS refused a request: create endpoint cart on network nat failed: E_FAIL "
           "(0x80004005), \"Unspecified error.\" (code from the message text)"
        << "";
    QTest::newRow("a list item's dash before it, with hnsCall's error")
        << "create-endpoint-dash-item.txt"
        << "warning 3-3: HNS refused a request: create endpoint cart on network nat failed: E_INVALIDARG "
           "(0x80070057), \"The parameter is incorrect.\""
        << "hnsCall";
    QTest::newRow("a quote marker before it")
        << "create-endpoint-quoted.txt"
        << "warning 3-3: HNS refused a request: create endpoint cart on network nat failed: E_FAIL "
           "(0x80004005), \"Unspecified error.\" (code from the message text)"
        << "";
    QTest::newRow("prose quoting HNS error: a known Windows message is that code's failure")
        << "hns-error-prose.txt"
        << "warning 1-1: HNS refused a request: ERROR_NOT_FOUND (0x80070490), \"Element not found.\" (code "
           "from the message text)"
        << "replicas";
    QTest::newRow("a template's placeholder name is no failure; the real one stays")
        << "placeholder-endpoint-template.txt"
        << "warning 7-7: HNS refused a request: create endpoint quirky_lamport on network nat failed: E_FAIL "
           "(0x80004005), \"Unspecified error.\" (code from the message text)"
        << "<name>";
    QTest::newRow(
        "HNS's event-log record of a create that succeeded is an info, apart from the failure after it")
        << "hns-event-done-then-failed.txt"
        << "info 1-4: HNS's event log records create network 4a7c2e19-6b3d-4f8e-a1c5-9d0e2b7f3c68 (LAYERED) "
           "done, line 1"
        << "records it too";
    QTest::newRow("the failure after it is reported on its own")
        << "hns-event-done-then-failed.txt"
        << "warning 6-9: HNS refused a request: create network c93e5b21-0f4a-4d6c-8e7b-2a1d9f6c4e53 "
           "(L2BRIDGE, "
           "HNS event log) failed: ERROR_NOT_READY (0x80070015), \"The device is not ready.\""
        << "records it too";
    QTest::newRow("flannel's hot attach with a message FormatMessage gave on two lines")
        << "flannel-hot-attach-wrong-disk-two-lines.log"
        << "warning 7-8: HNS refused a request: hot attach of endpoint cbr0_ep to the host compartment "
           "failed: "
           "ERROR_WRONG_DISK (0x80070022), \"The wrong diskette is in the drive. Insert %2 (Volume Serial "
           "Number: %3) into drive %1.\""
        << "Insert %2 (Volume Serial Number: %3) into drive %1. (0x22)";
    QTest::newRow("win-bridge's ProvisionEndpoint names the endpoint and its network")
        << "provision-endpoint-exists-two-pods.txt"
        << "warning 3-3: HNS refused a request: create endpoint 7c0d11e2a9b4_l2bridge on network "
           "359CAE70-6C3E-4D1A-9A3B-2F4E5D6C7B8A failed: ERROR_OBJECT_ALREADY_EXISTS (0x80071392), \"The "
           "object already exists.\""
        << "(network";
    QTest::newRow("the same failure quoted before without the endpoint takes its name")
        << "provision-endpoint-exists-two-pods.txt"
        << "warning 1-1: HNS refused a request: create endpoint 5a4a06b6e1f2_l2bridge on network "
           "359CAE70-6C3E-4D1A-9A3B-2F4E5D6C7B8A failed: ERROR_OBJECT_ALREADY_EXISTS (0x80071392), \"The "
           "object already exists.\" (2 times, lines 1-2)"
        << "";
    QTest::newRow("an issue's title quoting the failure the log shows is said apart from the count")
        << "issue-title-then-log-same-failure.txt"
        << "warning 7-7: HNS refused a request: hcnCreateEndpoint failed: HCN_E_PORT_ALREADY_EXISTS "
           "(0x803B0013), \"The specified port already exists.\"; setting up the network of pod sandboxes "
           "3f9a61c2d8e4 and b27e04a9c1f5 failed with it (2 times, lines 7-8) (also quoted at line 1)"
        << "3 times";
    QTest::newRow(
        "a PowerShell error record repeating the HNS answer it was thrown with is no second failure")
        << "errorrecord-repeats-thrown-hns-answer.txt"
        << "warning 3-10: HNS reported a failure: HcnCreateNetwork failed: HCN_E_INVALID_NETWORK "
           "(0x803B000A), "
           "\"The provided network configuration is invalid or missing parameters.\""
        << "2 times";
    QTest::newRow("a fatal line: the program the log file is named after exited")
        << "flanneld-fatal-create-network.log"
        << "warning 2-2: HNS refused a request: hcnCreateNetwork failed: E_INVALIDARG (0x80070057), \"The "
           "parameter is incorrect.\"; flanneld exited at line 2 (a fatal log line)"
        << "";
    QTest::newRow("Azure CNI's hot attach of a shared endpoint names the endpoint and the container")
        << "azure-cni-hot-attach-shared.log"
        << "warning 2-2: hot attach of endpoint 7b2c3d4e-5f60-4b71-9c82-d3e4f5061728 to container "
           "9d2c4e6f81a0 "
           "failed: E_INVALIDARG (0x80070057), \"The parameter is incorrect.\" (code from the message text)"
        << "refused";
    QTest::newRow("felix found no HNS network matching its expression, twice")
        << "felix-no-network-matching.log"
        << "warning 2-4: Calico felix waits for HNS network matching \"(?i)vxlan0.*\", which HNS does not "
           "have: it looked for it 2 times, retrying each time, and has not started (lines 2-4)"
        << "";
}

void TestLoggedFailures::reportsTheFailure()
{
    QFETCH(QString, file);
    QFETCH(QString, message);
    QFETCH(QString, absent);
    const QStringList shown = shownMessages(importFailureDump(file));
    QVERIFY2(shown.contains(message), qPrintable(shown.join(QLatin1Char('\n'))));
    if (!absent.isEmpty())
        for (const QString& m : shown)
            QVERIFY2(!m.contains(absent), qPrintable(m));
}

void TestLoggedFailures::saysNothingOfProse_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("a cmdlet's name and a colon in prose is no error record")
        << "cmdlet-prose-not-a-record.txt";
    QTest::newRow("HNS's event-log record of a create that succeeded") << "hns-event-success.txt";
    QTest::newRow("HNS error: followed by no known Windows message") << "hns-error-prose-unknown.txt";
    QTest::newRow("a template's placeholder network name") << "placeholder-network-template.txt";
}

void TestLoggedFailures::saysNothingOfProse()
{
    QFETCH(QString, file);
    const QStringList shown = shownMessages(importFailureDump(file));
    for (const QString& m : shown) {
        QVERIFY2(!m.contains(QLatin1String("refused")), qPrintable(m));
        QVERIFY2(!m.startsWith(QLatin1String("warning")), qPrintable(m));
    }
}

/// A code of HNS or HCS the text names outside the lines a failure reader took: one info for the text,
/// each code with where it is named; nothing for what only looks like a code.
void TestLoggedFailures::namesACodeInProse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message"); ///< the info, as shownMessages gives it; empty for none

    const QString prose = " (in prose, not a log line HNS or a client wrote)";
    const QString portExists =
        "HCN_E_PORT_ALREADY_EXISTS (0x803B0013, \"The specified port already exists.\")";
    const QString networkNotFound = "HCN_E_NETWORK_NOT_FOUND (0x803B0001, \"The network was not found.\")";

    QTest::newRow("a pull request's prose, the code in backticks twice")
        << "#### What this PR does / why we need it:\n"
           "This PR fixes a fatal `0x803b0013` (Port already exists) crash loop in kube-proxy.\n"
           "\n"
           "We have observed hard port collisions (`0x803b0013`) on several node pools."
        << "info 2-4: the text names " + portExists + " at lines 2, 4" + prose;
    QTest::newRow("upper case after HRESULT")
        << "The call returned HRESULT 0x803B0001 again."
        << "info 1-1: the text names " + networkNotFound + " at line 1" + prose;
    QTest::newRow("quoted and in parentheses")
        << "The log shows \"0x803b0013\" and then ('0X803B0013')."
        << "info 1-1: the text names " + portExists + " at line 1" + prose;
    QTest::newRow("the symbolic name alone")
        << "We keep hitting HCN_E_PORT_ALREADY_EXISTS after a reboot."
        << "info 1-1: the text names " + portExists + " at line 1" + prose;
    QTest::newRow("the decimal after HRESULT")
        << "kube-proxy reports HRESULT 2151350291 on every sync."
        << "info 1-1: the text names " + portExists + " at line 1" + prose;
    QTest::newRow("the negative decimal after error code:")
        << "The sync fails, error code: -2143617023."
        << "info 1-1: the text names " + networkNotFound + " at line 1" + prose;
    QTest::newRow("an HCS code the catalog knows")
        << "The container stops with 0xc0370101 since the host update."
        << "info 1-1: the text names HCS_E_IMAGE_MISMATCH (0xC0370101, \"The container operating system does "
           "not match the host operating system.\") at line 1" +
               prose;
    QTest::newRow("docker's CreateContainer failure is HCS's failure, no prose")
        << "docker: Error response from daemon: container 290fe4519b7a encountered an error during "
           "CreateContainer: failure in a Windows system call: A connection could not be established with "
           "the Virtual Machine hosting the Container. (0xc0370108)"
        << "";
    QTest::newRow("a code after a message whose middle a truncated column lost")
        << "Error: failure in a Windows system call: A connec\n"
           "  ished with the Virtual Machine hosting the Container. (0xc0370108)"
        << "info 2-2: the text names HCS_E_CONNECT_FAILED (0xC0370108, \"A connection could not be "
           "established with the container or virtual machine.\") at line 2" +
               prose;
    QTest::newRow("another facility's code on a line that names HNS")
        << "Since the update hnsdiag prints 0x80070005 for every user but the administrator."
        << "info 1-1: the text names E_ACCESSDENIED (0x80070005, \"Access is denied.\") at line 1" + prose;
    QTest::newRow("several codes, in the order the text first names them")
        << "First HCN_E_NETWORK_NOT_FOUND,\nthen `0x803b0013`,\nthen 0x803B0001 again."
        << "info 1-3: the text names " + networkNotFound + " at lines 1, 3; " + portExists + " at line 2" +
               prose;
    QTest::newRow("ten codes named, then how many more")
        << "0x803B0001 0x803B0002 0x803B0003 0x803B0004 0x803B0005 0x803B0006\n"
           "0x803B0007 0x803B0008 0x803B0009 0x803B000A 0x803B000B 0x803B0013"
        << "info 1-2: the text names " + networkNotFound +
               " at line 1; HCN_E_ENDPOINT_NOT_FOUND (0x803B0002, \"The endpoint was not found.\") at line "
               "1; "
               "HCN_E_LAYER_NOT_FOUND (0x803B0003, \"The network's underlying layer was not found.\") at "
               "line "
               "1; HCN_E_SWITCH_NOT_FOUND (0x803B0004, \"The virtual switch was not found.\") at line 1; "
               "HCN_E_SUBNET_NOT_FOUND (0x803B0005, \"The network does not have a subnet for this "
               "endpoint.\") at line 1; HCN_E_ADAPTER_NOT_FOUND (0x803B0006, \"An adapter was not found.\") "
               "at line 1; HCN_E_PORT_NOT_FOUND (0x803B0007, \"The switch-port was not found.\") at line 2; "
               "HCN_E_POLICY_NOT_FOUND (0x803B0008, \"An expected policy was not found.\") at line 2; "
               "HCN_E_VFP_PORTSETTING_NOT_FOUND (0x803B0009, \"A required VFP port setting was not found.\") "
               "at line 2; HCN_E_INVALID_NETWORK (0x803B000A, \"The provided network configuration is "
               "invalid or missing parameters.\") at line 2; and 2 more" +
               prose;

    // Someone's account of a failure, with words of failure and a code: prose, no log line.
    QTest::newRow("first person and a guess around a symbolic name, with failure words")
        << "Seems we fail to attach the endpoint since it is attached already (we get "
           "HCN_E_ENDPOINT_ALREADY_ATTACHED), and then we fail to detach it:"
        << "info 1-1: the text names HCN_E_ENDPOINT_ALREADY_ATTACHED (0x803B0014, \"This endpoint is already "
           "attached to the switch.\") at line 1" +
               prose;
    QTest::newRow("first person around a hex code, with a failure word")
        << "Our create fails on every node, we get 0x803b0001 back."
        << "info 1-1: the text names " + networkNotFound + " at line 1" + prose;
    QTest::newRow("a guess naming the error")
        << "My guess is the error is HCN_E_PORT_ALREADY_EXISTS, which means an old load balancer holds the "
           "port."
        << "info 1-1: the text names " + portExists + " at line 1" + prose;
    QTest::newRow("a pull request's bullet giving the code as an example, names in backticks")
        << "* Added `TestHNSErrorPreservation` to mock a failed HNS JSON response containing a transient "
           "`ErrorCode` (e.g., `0x803b0013`)."
        << "info 1-1: the text names " + portExists + " at line 1" + prose;
    QTest::newRow("such as, in the third person")
        << "The fix maps the ErrorCode field of a failed HNS response, such as 0x803b0013, to a typed error."
        << "info 1-1: the text names " + portExists + " at line 1" + prose;
    QTest::newRow("for example, after a failure word")
        << "HNS fails the request when the network is gone, for example with 0x803B0001."
        << "info 1-1: the text names " + networkNotFound + " at line 1" + prose;

    // Nothing is said.
    QTest::newRow("another facility's code in prose that does not name HNS")
        << "Opening the file gives Access is denied (0x80070005)." << QString();
    QTest::newRow("a code of HNS's facility the catalog does not know")
        << "The call returned 0x803b00ff." << QString();
    QTest::newRow("a decimal without a word that says it is a code")
        << "The counter reached 2151350291 yesterday." << QString();
    QTest::newRow("a decimal in a longer number")
        << "HRESULT 21513502910 and error 2151350291.5" << QString();
    QTest::newRow("the code's digits in a GUID")
        << "Endpoint 803b0013-5c69-4b35-963d-140604f4a1b2 and 0x803b0013-5c69-4b35-963d-140604f4a1b2"
        << QString();
    QTest::newRow("part of a longer hex number or word")
        << "sha 0x803b0013ab, x0x803b0013, 0x803b0013_old" << QString();
    QTest::newRow("an offset in a native stack") << "ntdll!RtlpCallVectoredHandlers+0x803b0013" << QString();
    QTest::newRow("a 64-bit address in two halves")
        << "rip=0x00007ffa`803b0013 (0x00000000`803b0013)" << QString();
    QTest::newRow("Go's fault address")
        << "unexpected fault address 0x803b0013\n[signal 0xc0000005 code=0x0 addr=0x803b0013 pc=0x45a1b2]"
        << QString();
    QTest::newRow("an argument of a frame of a Go stack trace")
        << "github.com/Microsoft/hcsshim/hcn.(*HostComputeNetwork).Create(0xc0001a2b40, 0x803b0013)\n"
           "\tC:/go/pkg/mod/github.com/!microsoft/hcsshim/hcn/hcnnetwork.go:312 +0x1a5"
        << QString();
    QTest::newRow("a wrapped code, broken at the line's end")
        << "It fails with (0x803b\n0013) now." << QString();
    QTest::newRow("a failure a reader reported, on a line of no level")
        << "hcnCreateEndpoint failed in Win32: The specified port already exists. (0x803b0013)" << QString();
    QTest::newRow("HNS's answer that says it failed")
        << "{\"Success\":false,\"Error\":\"The specified port already exists. \",\"ErrorCode\":2151350291}"
        << QString();
    QTest::newRow("a log line of a level, a failure reader's to read")
        << "I1205 10:01:03.000000    4120 proxier.go:90] retrying the policy after HCN_E_PORT_ALREADY_EXISTS"
        << QString();
}

void TestLoggedFailures::namesACodeInProse()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    QCOMPARE(
        importedMessagesWhere("notes.txt", text,
                              [](const QString& m) { return m.contains(QLatin1String("the text names")); }),
        message.isEmpty() ? QStringList() : QStringList{message});
}

/// The failures pasted lines state in forms beyond hcsshim's and docker's: a code the catalog names only
/// lately, markdown emphasis around the line, a bare code after a word that says it is one, PowerShell's
/// print of HNS's answer as a hashtable or a list, and a Windows message in another language.
void TestLoggedFailures::namesTheFailureOfALine_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("messages"); ///< the warnings, as shownMessages gives them

    const QString klog = "E1205 10:01:02.118230    4120 hns.go:211] ";
    const QString logrus = "time=\"2026-12-05T10:01:04Z\" level=error msg=\"";
    const QString deletePending =
        "ERROR_DELETE_PENDING (0x8007012F), \"The file cannot be opened because it is in the process of "
        "being deleted.\"";
    const QString notFound = "ERROR_NOT_FOUND (0x80070490), \"Element not found.\"";
    const QString invalidArg = "E_INVALIDARG (0x80070057), \"The parameter is incorrect.\"";
    const QString objectExists = "ERROR_OBJECT_ALREADY_EXISTS (0x80071392), \"The object already exists.\"";
    const QString fromText = " (code from the message text)"; ///< a code known only from the message

    // ERROR_DELETE_PENDING: an endpoint made again while HNS still deletes it.
    QTest::newRow("delete pending: hcsshim's Win32 error number")
        << klog + "hcnCreateEndpoint failed in Win32: The file cannot be opened because it is in the process "
                  "of being deleted. (0x12f)"
        << QStringList{"warning 1-1: HNS refused a request: hcnCreateEndpoint failed: " + deletePending};
    QTest::newRow("delete pending: docker's step and HNS's text")
        << logrus + "failed to create endpoint web on network nat: HNS failed with error : The file cannot "
                    "be opened because it is in the process of being deleted. \""
        << QStringList{"warning 1-1: HNS refused a request: create endpoint web on network nat failed: " +
                       deletePending + fromText};
    QTest::newRow("a known message the writer closed in brackets")
        << "# Docker won't start (hnsCall failed in Win32: A network with this name already exists.)"
        << QStringList{"warning 1-1: HNS refused a request: hnsCall failed: HCN_E_NETWORK_ALREADY_EXISTS "
                       "(0x803B0010), \"A network with this name already exists.\"" +
                       fromText};
    QTest::newRow("a known message in a logged text closed by the writer's bracket")
        << logrus + "start failed [hnsCall failed in Win32: The parameter is incorrect.]\""
        << QStringList{"warning 1-1: HNS refused a request: hnsCall failed: " + invalidArg + fromText};
    QTest::newRow("docker's answer in a code span names no step")
        << "`Error response from daemon: HNS failed with error : The parameter is incorrect.`"
        << QStringList{"warning 1-1: HNS refused a request: " + invalidArg + fromText};
    QTest::newRow("delete pending: the HRESULT in hex")
        << klog + "hcnDeleteNetwork failed: HRESULT 0x8007012F"
        << QStringList{"warning 1-1: HNS refused a request: hcnDeleteNetwork failed: " + deletePending};

    // A bare code's message is Windows': words in parentheses after it name or gloss the code, and the few
    // words that only lead to it (`HNS error`, `HRESULT`) are no message.
    QTest::newRow("a code and its name in parentheses: Windows' message")
        << "HNS error: 0x80070057 (E_INVALIDARG)"
        << QStringList{"warning 1-1: HNS refused a request: " + invalidArg};
    QTest::newRow("a code and the writer's gloss in parentheses: Windows' message")
        << "HNS error: 0x80070057 (the port is taken)"
        << QStringList{"warning 1-1: HNS refused a request: " + invalidArg};
    QTest::newRow("words that lead to a code in a log field are no message")
        << klog + "\"Policy creation failed\" err=\"hcnCreateLoadBalancer: HNS error 0x80070057\""
        << QStringList{"warning 1-1: HNS refused a request: hcnCreateLoadBalancer failed: " + invalidArg +
                       " (logged as \"Policy creation failed\")"};
    // The step a daemon names in its message's words, after the quote that opens it, or before hcsshim's
    // hnsCall: "Failed creating ..." as "failed to create ..." is.
    QTest::newRow("moby's swarm ingress network, in a logrus message")
        << "time=\"2017-01-11T09:57:10.525373900+01:00\" level=error msg=\"Failed creating ingress network: "
           "HNS failed with error : Element not found \""
        << QStringList{"warning 1-1: HNS refused a request: creating ingress network failed: " + notFound +
                       fromText};
    QTest::newRow("the same in a markdown code span")
        << "In the event log I see: `Failed creating ingress network: HNS failed with error : Element not "
           "found. `"
        << QStringList{"warning 1-1: HNS refused a request: creating ingress network failed: " + notFound +
                       fromText};
    QTest::newRow("a known message whole on a long line: the prose after it is no wrap of it")
        << "And in the Windows log you will see: `Failed creating ingress network: HNS failed with error : "
           "The "
           "parameter is incorrect. `\nNewly services attached to this swarm are not reachable."
        << QStringList{"warning 1-1: HNS refused a request: creating ingress network failed: " + invalidArg +
                       fromText};
    QTest::newRow("the same through hcsshim's hnsCall")
        << "Failed creating ingress network: hnsCall failed in Win32: Element not found."
        << QStringList{"warning 1-1: HNS refused a request: create ingress network failed: " + notFound +
                       fromText};
    QTest::newRow("the step hnsCall served, then the bare hnsCall quoted: one failure")
        << "Error initializing network controller: Error creating default network: hnsCall failed in Win32: "
           "Element not found. (0x490)\nhnsCall failed in Win32: Element not found. (0x490)"
        << QStringList{"warning 1-1: HNS refused a request: create default network failed: " + notFound +
                       " (2 times, lines 1-2)"};
    QTest::newRow("docker's default network, in a logrus message")
        << "time=\"2017-01-11T09:57:10Z\" level=error msg=\"Error creating default network: HNS failed with "
           "error : Element not found\""
        << QStringList{"warning 1-1: HNS refused a request: creating default network failed: " + notFound +
                       fromText};
    // A message a table's column or a log viewer cut with an ellipsis is cut wherever it stands.
    QTest::newRow("docker's task table cuts the error's cell")
        << "svbkhyziwtsy   tc1_hello.1   hello:0.1.4   laptop1   Shutdown   Rejected 39 seconds ago   "
           "\"HNS failed with error : Unspe\u2026\""
        << QStringList{"warning 1-1: HNS refused a request: \"Unspe\u2026\" (cut)"};
    QTest::newRow("three dots at the end of the line, a line after it")
        << "Error response from daemon: failed to create endpoint web on network nat: HNS failed with error "
           ": "
           "The parameter is inc...\nSee the log above."
        << QStringList{"warning 1-1: HNS refused a request: create endpoint web on network nat failed: \"The "
                       "parameter is inc...\" (cut)"};
    // Markdown emphasis around a failure: its markers are no part of the text nor stop its code.
    QTest::newRow("bold around hcsshim's error and its code")
        << "**Error: hcnCreateEndpoint failed in Win32: The object already exists. (0x1392)**"
        << QStringList{"warning 1-1: HNS refused a request: hcnCreateEndpoint failed: " + objectExists};
    QTest::newRow("underscore emphasis around HNS's text")
        << "_HNS failed with error : Element not found._"
        << QStringList{"warning 1-1: HNS refused a request: " + notFound + fromText};
    QTest::newRow("asterisk emphasis around HNS's text")
        << "*HNS failed with error : Element not found.*"
        << QStringList{"warning 1-1: HNS refused a request: " + notFound + fromText};
    QTest::newRow("double underscore emphasis, the period left out")
        << "__HNS failed with error : The parameter is incorrect__"
        << QStringList{"warning 1-1: HNS refused a request: " + invalidArg + fromText};
    QTest::newRow("strike-through around HNS's text")
        << "~~HNS failed with error : The parameter is incorrect.~~"
        << QStringList{"warning 1-1: HNS refused a request: " + invalidArg + fromText};
    QTest::newRow("a code span around HNS's text")
        << "`HNS failed with error : The parameter is incorrect.`"
        << QStringList{"warning 1-1: HNS refused a request: " + invalidArg + fromText};
    QTest::newRow("bold around the code alone")
        << "hcnCreateEndpoint failed in Win32: The object already exists. **(0x1392)**"
        << QStringList{"warning 1-1: HNS refused a request: hcnCreateEndpoint failed: " + objectExists};
    QTest::newRow("bold around a bare code after HNS error:")
        << "**HNS error: 0x80070057**" << QStringList{"warning 1-1: HNS refused a request: " + invalidArg};

    // A bare code after a word that says it is one.
    QTest::newRow("a bare HRESULT after HNS error:")
        << klog + "HNS error: 0x80070057" << QStringList{"warning 1-1: HNS refused a request: " + invalidArg};
    QTest::newRow("HRESULT and the code, no word of failure")
        << "I1205 10:01:03.000000    4120 hns.go:90] hns: create endpoint returned HRESULT 0x8007012F"
        << QStringList{"warning 1-1: HNS refused a request: " + deletePending};
    QTest::newRow("hr= in a logrus field")
        << logrus + "hcn: query network failed\" hr=0x80070005"
        << QStringList{"warning 1-1: HNS refused a request: query network failed: E_ACCESSDENIED "
                       "(0x80070005), \"Access is denied.\""};
    // The step a line names before `failed`: a verb of HNS's operations and a kind of its objects.
    QTest::newRow("<verb> <object> failed: names the operation")
        << logrus + "create endpoint failed: HNS error 0x803b0013\""
        << QStringList{
               "warning 1-1: HNS refused a request: create endpoint failed: HCN_E_PORT_ALREADY_EXISTS "
               "(0x803B0013), \"The specified port already exists.\""};
    QTest::newRow("<verb>ing <object> <name> failed, and a hot attach")
        << logrus + "creating endpoint web failed: HNS error 0x803b0013\"\n" + logrus +
               "hot attach endpoint failed: HNS error 0x803b0014\""
        << QStringList{"warning 1-1: HNS refused a request: creating endpoint web failed: "
                       "HCN_E_PORT_ALREADY_EXISTS (0x803B0013), \"The specified port already exists.\"",
                       "warning 2-2: HNS refused a request: hot attach endpoint failed: "
                       "HCN_E_ENDPOINT_ALREADY_ATTACHED (0x803B0014), \"This endpoint is already attached to "
                       "the switch.\""};
    QTest::newRow("a load balancer and its name in a klog line")
        << klog + "delete load balancer 5f3c failed: HRESULT 0x803b0002 from HNS"
        << QStringList{"warning 1-1: HNS refused a request: delete load balancer 5f3c failed: "
                       "HCN_E_ENDPOINT_NOT_FOUND (0x803B0002), \"The endpoint was not found.\""};
    QTest::newRow("the step before hnsCall's failure is what hnsCall did")
        << logrus + "create endpoint failed: hnsCall failed in Win32: The specified port already exists. "
                    "(0x803b0013)\""
        << QStringList{
               "warning 1-1: HNS refused a request: create endpoint failed: HCN_E_PORT_ALREADY_EXISTS "
               "(0x803B0013), \"The specified port already exists.\""};
    QTest::newRow("words before failed that are no step of HNS's name none")
        << logrus + "Test failed: HNS error 0x80070057\"\n" + logrus +
               "network create failed: HNS error 0x80070057\"\n" + logrus +
               "create endpoint is what failed: HNS error 0x80070057\"\n" + logrus +
               "after we remove the network failed pods appear: HNS error 0x80070057\""
        << QStringList{"warning 1-1: HNS refused a request: " + invalidArg + " (4 times, lines 1-4)"};
    // The step a line names right before its error, set off by `: ` (`failed to create endpoint: HNS error:
    // ...`), with its object's name or without, in klog, containerd's logrus and plain lines.
    {
        const QString klogRecord = "E1127 10:01:02.123456    4242 kuberuntime_manager.go:815] ";
        const QString containerd = "time=\"2026-11-27T10:01:02Z\" level=error msg=\"";
        const QString portTaken =
            "HCN_E_PORT_ALREADY_EXISTS (0x803B0013), \"The specified port already exists.\"";
        const QString networkGone = "HCN_E_NETWORK_NOT_FOUND (0x803B0001), \"The network was not found.\"";
        const QString endpointGone = "HCN_E_ENDPOINT_NOT_FOUND (0x803B0002), \"The endpoint was not found.\"";
        const QString refused = "warning 1-1: HNS refused a request: ";
        QTest::newRow("failed to create <object>: HNS error: the step, in klog")
            << klogRecord + "failed to create endpoint: HNS error: 0x803b0013"
            << QStringList{refused + "create endpoint failed: " + portTaken};
        QTest::newRow("failed to create <object> <name>: HNS error: the step and the name, in klog")
            << klogRecord + "failed to create endpoint web: HNS error: 0x803b0013"
            << QStringList{refused + "create endpoint web failed: " + portTaken};
        QTest::newRow("failed to delete <object>: in containerd's record")
            << containerd + "failed to delete network: HNS error: 0x803b0001\""
            << QStringList{refused + "delete network failed: " + networkGone};
        QTest::newRow("failed to delete <object> <name>: in containerd's record")
            << containerd + "failed to delete network cbr0: HNS error: 0x803b0001\""
            << QStringList{refused + "delete network cbr0 failed: " + networkGone};
        QTest::newRow("failed to attach <object> <id>: on a plain line")
            << "failed to attach endpoint 3f2a1b4c-1111-2222-3333-444455556666: HNS error: 0x803b0002"
            << QStringList{refused +
                           "attach endpoint 3f2a1b4c-1111-2222-3333-444455556666 failed: " + endpointGone};
        QTest::newRow("failed to modify <object> of two words: on a plain line")
            << "failed to modify load balancer: HNS error: 0x803b0013"
            << QStringList{refused + "modify load balancer failed: " + portTaken};
        QTest::newRow("error creating <object>: the step as logged")
            << "error creating endpoint: HNS error: 0x803b0013"
            << QStringList{refused + "creating endpoint failed: " + portTaken};
        QTest::newRow("error creating <object>: in containerd's record, its code in words")
            << containerd + "error creating endpoint: HCN_E_PORT_ALREADY_EXISTS\""
            << QStringList{refused + "creating endpoint failed: " + portTaken};
        QTest::newRow("a step after the error is another's: the one before it failed")
            << "[cni-net] failed to create endpoint: HNS error: 0x803b0013, cleaning up; error deleting "
               "network azure: network not found"
            << QStringList{refused + "create endpoint failed: " + portTaken};
        QTest::newRow("failed to create the <object>: the article left out")
            << klogRecord + "failed to create the endpoint: HNS error: 0x803b0013"
            << QStringList{refused + "create endpoint failed: " + portTaken};
        QTest::newRow("failed to remove <object>: hcnCall failed: what the call did")
            << "Failed to remove network: hcnCall failed in Win32: The network was not found. (0x803b0001)"
            << QStringList{refused + "remove network failed: " + networkGone};
        QTest::newRow("failed to remove <object>: hcnCall failed, in klog")
            << klogRecord +
                   "Failed to remove network: hcnCall failed: The network was not found. (0x803b0001)"
            << QStringList{refused + "remove network failed: " + networkGone};
        QTest::newRow("failed to remove <object> <name>: hcnCall failed, in containerd's record")
            << containerd +
                   "Failed to remove network cbr0: hcnCall failed in Win32: The network was not found. "
                   "(0x803b0001)\""
            << QStringList{refused + "remove network cbr0 failed: " + networkGone};
        QTest::newRow("the step after gRPC's wrapper")
            << klogRecord +
                   "RunPodSandbox failed: rpc error: code = Unknown desc = failed to create endpoint: "
                   "HNS error: 0x803b0013"
            << QStringList{refused + "create endpoint failed: " + portTaken +
                           " (logged as \"RunPodSandbox failed\")"};
        QTest::newRow("the step before HNS failed with error, in klog")
            << klogRecord + "failed to create endpoint: HNS failed with error : Element not found."
            << QStringList{refused + "create endpoint failed: " + notFound + fromText};
        // The name of the object a step before hnsCall names; of a Go error chain, the step right before
        // the error, an endpoint's on the network whose step it is chained to.
        QTest::newRow("error creating <object> <name>: hnsCall failed: the step with its name")
            << klogRecord +
                   "error creating endpoint web: hnsCall failed in Win32: The specified port already exists. "
                   "(0x803b0013)"
            << QStringList{refused + "create endpoint web failed: " + portTaken};
        QTest::newRow("failed to create <object> <name>: hnsCall failed: worded alike")
            << klogRecord + "failed to create endpoint web: hnsCall failed in Win32: The specified port "
                            "already exists. "
                            "(0x803b0013)"
            << QStringList{refused + "create endpoint web failed: " + portTaken};
        QTest::newRow("a network's step, then an endpoint's without a name: the endpoint's, on the network")
            << klogRecord +
                   "failed to create network cbr0: failed to create endpoint: hnsCall failed in Win32: The "
                   "specified port already exists. (0x803b0013)"
            << QStringList{refused + "create endpoint on network cbr0 failed: " + portTaken};
        QTest::newRow("a network's step, then an endpoint's with its name: the endpoint's, on the network")
            << containerd +
                   "failed to create network cbr0: error creating endpoint web: HNS error: 0x803b0013\""
            << QStringList{refused + "create endpoint web on network cbr0 failed: " + portTaken};
        QTest::newRow("a named step, then the same step without its name: the named one")
            << klogRecord + "failed to create network cbr0: failed to create network: HNS error: 0x803b0001"
            << QStringList{refused + "create network cbr0 failed: " + networkGone};
        QTest::newRow("a step logged after the error is another's: the one chained before it")
            << klogRecord +
                   "failed to create network cbr0: HNS error: 0x803b0001, cleaning up; failed to delete "
                   "endpoint: not found"
            << QStringList{refused + "create network cbr0 failed: " + networkGone};
        // No step of HNS's objects before the colon, or none right before the error: no step named.
        QTest::newRow("failed to <verb> something not HNS's: no step")
            << klogRecord + "failed to create pod sandbox: HNS error: 0x803b0013"
            << QStringList{refused + portTaken};
        QTest::newRow("error <verb>ing something not HNS's: no step")
            << containerd + "error syncing pod web: HNS error: 0x803b0013\""
            << QStringList{refused + portTaken};
        QTest::newRow("a step with more words than a name before its colon: no step")
            << "failed to create endpoint for pod web on node 3: HNS error: 0x803b0013"
            << QStringList{refused + portTaken};
        QTest::newRow("prose after a step's words: no step, no failure")
            << "I think we failed to create endpoint: the docs say HNS error: 0x803b0013 means the port "
               "is taken."
            << QStringList{};
        // HNS's answer a console wrap split over lines, the line above its start the start of the same
        // record: the step that record names is what the answer failed.
        const QString reported = "HNS reported a failure: ";
        QTest::newRow("a wrap-split answer: the step on the record's line above")
            << "E1127 10:01:02.123456    4242 kuberuntime_manager.go:815] failed to create endpo\n"
               "int: HNS answered {\"Success\":false,\"Error\":\"The specified port already exists.\",\n"
               "\"ErrorCode\":2151350291}"
            << QStringList{"warning 1-3: " + reported + "create endpoint failed: " + portTaken};
        QTest::newRow("a wrap-split answer: the function on the record's line above")
            << "E1127 10:01:02.123456    4242 kuberuntime_manager.go:815] hcnCreateEndpoint fail\n"
               "ed, HNS answered: {\"Success\":false,\"Error\":\"The specified port already exists.\",\n"
               "\"ErrorCode\":2151350291}"
            << QStringList{"warning 1-3: " + reported + "hcnCreateEndpoint failed: " + portTaken};
        QTest::newRow("a wrap-split answer: the request on the record's line above")
            << "E1127 10:01:02.123456    4242 kuberuntime_manager.go:815] failed to create endpo\n"
               "int web on network nat, HNS answered: {\"Success\":false,\"Error\":\"The specified po\n"
               "rt already exists.\",\"ErrorCode\":2151350291}"
            << QStringList{"warning 1-3: " + reported +
                           "create endpoint web on network nat failed: " + portTaken};
        QTest::newRow("a wrap-split answer below a record of its own: no step of it")
            << "E1127 10:01:02.123456    4242 kuberuntime_manager.go:815] failed to create endpoint web on "
               "network nat, HNS answered:\n"
               "E1127 10:01:02.123457    4242 hns.go:20] {\"Success\":false,\"Error\":\"The specified port "
               "already\nexists.\",\"ErrorCode\":2151350291}"
            << QStringList{"warning 2-3: " + reported + portTaken};
        QTest::newRow("a wrap-split answer below a line narrower than a console: no step of it")
            << "failed to create endpoint: HNS answered\n"
               "{\"Success\":false,\"Error\":\"The specified port "
               "already\nexists.\",\"ErrorCode\":2151350291}"
            << QStringList{"warning 2-3: " + reported + portTaken};
        QTest::newRow("a step with nothing after its colon names the value, no error")
            << "failed to create endpoint:\nHNS error: 0x803b0013"
            << QStringList{"warning 2-2: HNS refused a request: " + portTaken};
    }
    QTest::newRow("error code: after an HNS call")
        << "HNS call failed, error code: 0x800706BA"
        << QStringList{"warning 1-1: the service called could not be reached (not running, restarting or not "
                       "answering), so nothing was refused: RPC_S_SERVER_UNAVAILABLE (0x800706BA), \"The RPC "
                       "server is unavailable.\""};
    QTest::newRow("ErrorCode: in unsigned decimal")
        << "HNS request failed. ErrorCode: 2147942487"
        << QStringList{"warning 1-1: HNS refused a request: " + invalidArg};
    QTest::newRow("a code the catalog does not name: its number said")
        << "HNS error: 0x800704D2"
        << QStringList{"warning 1-1: HNS refused a request: 0x800704D2 (Win32 error 1234)"};

    // PowerShell's print of HNS's answer (Invoke-HnsRequest, the HNS module's cmdlets).
    QTest::newRow("an answer as a hashtable, its code from its text")
        << "PS C:\\> Invoke-HnsRequest -Method POST -Type networks -Data $json\n"
           "@{Error=The object already exists.; Success=False}"
        << QStringList{"warning 2-2: HNS reported a failure: Invoke-HnsRequest -Method POST -Type networks "
                       "-Data $json failed: " +
                       objectExists + fromText};
    QTest::newRow("an answer as a hashtable, Success first")
        << "@{Success=False; Error=Element not found. }"
        << QStringList{"warning 1-1: HNS reported a failure: " + notFound + fromText};
    QTest::newRow("an answer as a hashtable with its ErrorCode")
        << "@{Error=The parameter is incorrect. ; ErrorCode=2147942487; Success=False}"
        << QStringList{"warning 1-1: HNS reported a failure: " + invalidArg};
    QTest::newRow("an answer as a hashtable, a text of no known code")
        << "@{Error=Switch was not ready yet; Success=False}"
        << QStringList{"warning 1-1: HNS reported a failure: \"Switch was not ready yet\" (no error code in "
                       "the log)"};
    // The command it answers, a blank line apart, is named.
    QTest::newRow("an answer as a list")
        << "PS C:\\> New-HnsNetwork -Type L2Bridge -Name cbr0\n\nError   : The object already exists.\n"
           "Success : False\n"
        << QStringList{"warning 3-4: HNS reported a failure: " + objectExists + fromText +
                       " (the command at line 1: New-HnsNetwork, to create network cbr0 (L2Bridge))"};
    QTest::newRow("an answer as a list, Success first, with its ErrorCode")
        << "Success   : False\nError     : The parameter is incorrect. \nErrorCode : 2147942487\n"
        << QStringList{"warning 1-3: HNS reported a failure: " + invalidArg};

    // A Windows message in another language.
    const QString chinese = QString::fromUtf8("\xe6\x89\xbe\xe4\xb8\x8d\xe5\x88\xb0\xe5\x85\x83\xe7\xb4\xa0"
                                              "\xe3\x80\x82");
    QTest::newRow("Element not found in Chinese")
        << logrus + "HNS failed with error : " + chinese + " \""
        << QStringList{"warning 1-1: HNS refused a request: ERROR_NOT_FOUND (0x80070490), \"" + chinese +
                       "\"" + fromText};
    const QString russian =
        QString::fromUtf8("\xd0\xad\xd0\xbb\xd0\xb5\xd0\xbc\xd0\xb5\xd0\xbd\xd1\x82 "
                          "\xd0\xbd\xd0\xb5 \xd0\xbd\xd0\xb0\xd0\xb9\xd0\xb4\xd0\xb5\xd0\xbd.");
    QTest::newRow("Element not found in Russian")
        << logrus + "HNS failed with error : " + russian + " \""
        << QStringList{"warning 1-1: HNS refused a request: ERROR_NOT_FOUND (0x80070490), \"" + russian +
                       "\"" + fromText};
    QTest::newRow("Element not found in German, docker's step before it")
        << logrus + "failed to create endpoint web on network nat: HNS failed with error : Element nicht "
                    "gefunden. \""
        << QStringList{"warning 1-1: HNS refused a request: create endpoint web on network nat failed: "
                       "ERROR_NOT_FOUND (0x80070490), \"Element nicht gefunden.\"" +
                       fromText};
    const QString japanese = QString::fromUtf8("\xe8\xa6\x81\xe7\xb4\xa0\xe3\x81\x8c\xe8\xa6\x8b\xe3\x81\xa4"
                                               "\xe3\x81\x8b\xe3\x82\x8a\xe3\x81\xbe\xe3\x81\x9b\xe3\x82\x93"
                                               "\xe3\x80\x82");
    QTest::newRow("Element not found in Japanese, in a klog line")
        << klog + "HNS failed with error : " + japanese
        << QStringList{"warning 1-1: HNS refused a request: ERROR_NOT_FOUND (0x80070490), \"" + japanese +
                       "\"" + fromText};
    const QString denied =
        QString::fromUtf8("\xd0\x9e\xd1\x82\xd0\xba\xd0\xb0\xd0\xb7\xd0\xb0\xd0\xbd\xd0\xbe "
                          "\xd0\xb2 \xd0\xb4\xd0\xbe\xd1\x81\xd1\x82\xd1\x83\xd0\xbf\xd0\xb5.");
    QTest::newRow("a localized text the catalog does not map: said as logged, no code guessed")
        << logrus + "HNS failed with error : " + denied + " \""
        << QStringList{"warning 1-1: HNS refused a request: \"" + denied + "\" (no error code in the log)"};
    const QString chineseOther =
        QString::fromUtf8("\xe5\x8f\x82\xe6\x95\xb0\xe9\x94\x99\xe8\xaf\xaf\xe3\x80\x82");
    QTest::newRow("a Chinese text the catalog does not map")
        << klog + "failed to create endpoint web on network nat: HNS failed with error : " + chineseOther
        << QStringList{"warning 1-1: HNS refused a request: create endpoint web on network nat failed: \"" +
                       chineseOther + "\" (no error code in the log)"};

    // A text the catalog does not hold in a Latin-script language, or in English, and no code logged: said
    // so, as for any other script.
    const QString dockerNat =
        "Error response from daemon: failed to create endpoint x on network nat: HNS failed "
        "with error : ";
    const QString natFailed = "warning 1-1: HNS refused a request: create endpoint x on network nat failed: ";
    for (const QString& unmapped :
         {QStringLiteral("Er is geprobeerd een bewerking uit te voeren op een verslechterd object."),
          QStringLiteral("Element niet gevonden."),
          QStringLiteral("Le commutateur n'est pas encore pr\u00eat."),
          QStringLiteral("No se pudo crear el extremo."), QStringLiteral("Nie znaleziono elementu w sieci."),
          QStringLiteral("Something went wrong in the switch.")})
        QTest::newRow(qPrintable("a text the catalog does not map: " + unmapped.left(24)))
            << dockerNat + unmapped
            << QStringList{natFailed + "\"" + unmapped + "\" (no error code in the log)"};
    QTest::newRow("the English text of a catalog message: its code from the text")
        << dockerNat + "There was an operation attempted on a degraded object."
        << QStringList{natFailed +
                       "HCN_E_DEGRADED_OPERATION (0x803B0017), \"There was an operation attempted on a "
                       "degraded object.\"" +
                       fromText};
    QTest::newRow("an unmapped text with its code logged: the code, no note")
        << dockerNat + "Er is geprobeerd een bewerking uit te voeren op een verslechterd object. (0x803b0017)"
        << QStringList{
               natFailed +
               "HCN_E_DEGRADED_OPERATION (0x803B0017), \"Er is geprobeerd een bewerking uit te voeren "
               "op een verslechterd object.\""};

    // A Windows message FormatMessage gives on two lines, hcsshim's code after the second: one failure.
    const QString wrongDisk =
        "ERROR_WRONG_DISK (0x80070022), \"The wrong diskette is in the drive. Insert %2 "
        "(Volume Serial Number: %3) into drive %1.\"";
    QTest::newRow("a message on two lines, its code after the second")
        << klog + "hcnCreateEndpoint failed in Win32: The wrong diskette is in the drive.\n"
                  "Insert %2 (Volume Serial Number: %3) into drive %1. (0x22)"
        << QStringList{"warning 1-2: HNS refused a request: hcnCreateEndpoint failed: " + wrongDisk};
    QTest::newRow("the same message on one line")
        << klog + "hcnCreateEndpoint failed in Win32: The wrong diskette is in the drive. Insert %2 (Volume "
                  "Serial Number: %3) into drive %1. (0x22)"
        << QStringList{"warning 1-1: HNS refused a request: hcnCreateEndpoint failed: " + wrongDisk};
    QTest::newRow("a title on the first line, the text and code in a logrus message on the second")
        << logrus + "hnsCall failed in Win32: {Application Error}\n"
                    "The exception %s (0x%08lx) occurred in the application at location 0x%08lx. (0x23e)\" "
                    "method=POST path=/endpoints"
        << QStringList{"warning 1-2: HNS refused a request: hnsCall failed: ERROR_UNHANDLED_EXCEPTION "
                       "(0x8007023E), \"{Application Error} The exception %s (0x%08lx) occurred in the "
                       "application at location 0x%08lx.\""};
    QTest::newRow("a log record after a message without a code is a failure of its own")
        << klog + "hcnCreateEndpoint failed in Win32: The wrong diskette is in the drive.\n" + klog +
               "hcnDeleteEndpoint failed in Win32: The object already exists. (0x1392)"
        << QStringList{
               "warning 1-1: HNS refused a request: hcnCreateEndpoint failed: \"The wrong diskette is "
               "in the drive.\" (no error code in the log)",
               "warning 2-2: HNS refused a request: hcnDeleteEndpoint failed: " + objectExists};
    QTest::newRow("a blank line ends the message")
        << klog + "hcnCreateEndpoint failed in Win32: The wrong diskette is in the drive.\n\n"
                  "Insert %2 (Volume Serial Number: %3) into drive %1. (0x22)"
        << QStringList{
               "warning 1-1: HNS refused a request: hcnCreateEndpoint failed: \"The wrong diskette is "
               "in the drive.\" (no error code in the log)"};

    // A whole message of the catalog after `error:` or `error is`, the line naming no HNS failure in words.
    const QString invalidPolicy = "HCN_E_INVALID_POLICY (0x803B000D), \"The provided policy configuration is "
                                  "invalid or missing parameters.\"";
    QTest::newRow("HCN's message after error: with no blank")
        << klog +
               "create HNSEndpoint error:The provided policy configuration is invalid or missing parameters."
        << QStringList{"warning 1-1: HNS refused a request: " + invalidPolicy + fromText};
    QTest::newRow("HCN's message after error is, in backticks, a blank doubled")
        << logrus + "failed to apply ACL to pod web-7d9f: error is  `The provided  policy configuration is "
                    "invalid or missing parameters.`\""
        << QStringList{"warning 1-1: HNS refused a request: " + invalidPolicy + fromText};
    QTest::newRow("HCN's message after error: in a logrus message, no HNS named")
        << logrus +
               "apply policy error: The provided policy configuration is invalid or missing parameters.\""
        << QStringList{"warning 1-1: HNS refused a request: " + invalidPolicy + fromText};
    QTest::newRow("a generic message after error: on a line naming an HNS object")
        << logrus + "HNSNetwork lookup error: Element not found.\""
        << QStringList{"warning 1-1: HNS refused a request: " + notFound + fromText};
    QTest::newRow("a generic message after error: on a line naming nothing of HNS")
        << logrus + "mount failed: error: Element not found.\"" << QStringList{};
    QTest::newRow("prose with words of HCN's message after error is")
        << "The error is that the policy configuration is invalid or missing parameters in my yaml."
        << QStringList{};
    QTest::newRow("HCN's message with the writer's words after it")
        << "error: The provided policy configuration is invalid or missing parameters. Please fix the yaml."
        << QStringList{};
    QTest::newRow("a common word after error: on a line naming HNS")
        << logrus + "HNSEndpoint error: invalid\"" << QStringList{};

    // Who says it: HNS's answer reports a failure, a line says a request failed; a code known only from
    // the message is said to be.
    QTest::newRow("the same error logged with its code and without: one failure, said with the code")
        << klog + "hcnCreateEndpoint failed in Win32: The object already exists. (0x1392)\n" + klog +
               "hcnCreateEndpoint failed in Win32: The object already exists."
        << QStringList{"warning 1-1: HNS refused a request: hcnCreateEndpoint failed: " + objectExists +
                       " (2 times, lines 1-2)"};
    QTest::newRow("HNS's answer as JSON on a line: reported, its code from its text")
        << logrus + "HNS response: {\\\"Success\\\":false,\\\"Error\\\":\\\"Element not found.\\\"}\""
        << QStringList{"warning 1-1: HNS reported a failure: " + notFound + fromText};

    QTest::newRow("a failure quoted in prose, then in a log record: the quote said apart")
        << "Creating the pod fails with hcnCreateEndpoint failed in Win32: The object already exists. "
           "(0x1392)\n\n" +
               klog + "hcnCreateEndpoint failed in Win32: The object already exists. (0x1392)"
        << QStringList{"warning 3-3: HNS refused a request: hcnCreateEndpoint failed: " + objectExists +
                       " (also quoted at line 1)"};
    QTest::newRow("the same failure twice in prose, no log record: counted")
        << "Creating the pod fails with hcnCreateEndpoint failed in Win32: The object already exists. "
           "(0x1392)\n\nAgain: hcnCreateEndpoint failed in Win32: The object already exists. (0x1392)"
        << QStringList{"warning 1-1: HNS refused a request: hcnCreateEndpoint failed: " + objectExists +
                       " (2 times, lines 1, 3)"};

    // A line a program starts a statement of its own with ends the failure before it, however wide.
    QTest::newRow("docker's summary after the error is no part of its message")
        << "PS C:\\Users\\lab> docker start web01\n"
           "Error response from daemon: failed to create endpoint web01 on network nat: HNS failed with "
           "error "
           ": Failed to create endpoint\n"
           "Error: failed to start containers: web01"
        << QStringList{"warning 2-2: HNS refused a request: create endpoint web01 on network nat failed: "
                       "\"Failed to create endpoint\" (no error code in the log) (the command at line 1: "
                       "docker start "
                       "web01)"};
    QTest::newRow("docker run's hint after the error")
        << "docker: Error response from daemon: failed to create endpoint db on network nat: HNS failed with "
           "error : Unspecified error\n"
           "See 'docker run --help'."
        << QStringList{"warning 1-1: HNS refused a request: create endpoint db on network nat failed: E_FAIL "
                       "(0x80004005), \"Unspecified error.\"" +
                       fromText};
    QTest::newRow("a log record in logrus' terminal form after the error")
        << "Error response from daemon: failed to create endpoint db on network nat: HNS failed with error : "
           "Failed to create endpoint\n"
           "ERRO[0002] error waiting for container: context canceled"
        << QStringList{"warning 1-1: HNS refused a request: create endpoint db on network nat failed: "
                       "\"Failed to create endpoint\" (no error code in the log)"};
    QTest::newRow("a log record marked as inline code after the error")
        << "`E0402 14:16:04.344271    5968 proxier.go:997] Remote endpoint creation failed: HNS failed with "
           "error : The switch-port was not found.`\n"
           "`I0402 14:16:04.345266    5968 proxier.go:1010] Associated endpoints [([]hcsshim.HNSEndpoint) "
           "<nil>`"
        << QStringList{"warning 1-1: HNS refused a request: HCN_E_PORT_NOT_FOUND (0x803B0007), \"The "
                       "switch-port was not found.\"" +
                       fromText + " (logged as \"Remote endpoint creation failed\")"};
    QTest::newRow("a wrap inside a word still reads on")
        << klog + "failed to create endpoint web on network nat: HNS failed with error : The object alre\n"
                  "ady exists."
        << QStringList{"warning 1-2: HNS refused a request: create endpoint web on network nat failed: " +
                       objectExists + fromText};

    // The command typed right before a failure made its request.
    QTest::newRow("a long command before hcsshim's error, shortened")
        << "PS C:\\> docker network create -d transparent -o "
           "com.docker.network.windowsshim.interface=\"vEthernet (lab)\" --subnet=10.20.0.0/24 "
           "--gateway=10.20.0.1 lab3\n"
           "Error response from daemon: hnsCall failed in Win32: The parameter is incorrect. (0x57)"
        << QStringList{"warning 2-2: HNS refused a request: hnsCall failed: " + invalidArg +
                       " (the command at line 1: docker network create -d transparent ... lab3)"};
    QTest::newRow("a command a console wrapped is what failed when the error names nothing")
        << "docker network create -d l2bridge --subnet=10.244.0.0/16 --gateway=10.244.0.1 -o com.docker.ne\n"
           "twork.windowsshim.interface=Ethernet cbr0\n"
           "Error response from daemon: HNS failed with error : Element not found."
        << QStringList{"warning 3-3: HNS refused a request: docker network create -d l2bridge ... cbr0 "
                       "failed: " +
                       notFound + fromText};
    QTest::newRow("a command continued with PowerShell's backtick is what failed")
        << "PS C:\\Users\\admin> docker network create -d transparent `\n"
           ">>   -o com.docker.network.windowsshim.interface=\"Ethernet 2\" prod4\n"
           "Error response from daemon: HNS failed with error : The parameter is incorrect."
        << QStringList{"warning 3-3: HNS refused a request: docker network create -d transparent ... prod4 "
                       "failed: " +
                       invalidArg + fromText};
    QTest::newRow("a command continued with a shell's backslash is named beside what failed")
        << "docker network create -d l2bridge --subnet=10.30.0.0/24 \\\n"
           "    --gateway=10.30.0.1 lab5\n"
           "Error response from daemon: hnsCall failed in Win32: The parameter is incorrect. (0x57)"
        << QStringList{"warning 3-3: HNS refused a request: hnsCall failed: " + invalidArg +
                       " (the command at line 1: docker network create -d l2bridge ... lab5)"};
    QTest::newRow("a command that prints a log names no request")
        << "PS C:\\> docker logs web01\n" + klog +
               "hcnCreateEndpoint failed in Win32: The object already exists. (0x1392)"
        << QStringList{"warning 2-2: HNS refused a request: hcnCreateEndpoint failed: " + objectExists};
    QTest::newRow("prose that introduces the error with a command's words is no command")
        << "docker network create fails with:\nHNS failed with error : Element not found."
        << QStringList{"warning 2-2: HNS refused a request: " + notFound + fromText};
    QTest::newRow("prose that starts with the program's name is no command")
        << "Docker creates the network, then says\nHNS failed with error : Element not found."
        << QStringList{"warning 2-2: HNS refused a request: " + notFound + fromText};

    // A failure on a fatal log line: the program exited there.
    QTest::newRow("klog's fatal line of an agent the log names")
        << "I0329 23:35:26.000000    3936 log_file.go:93] Set log file max size for antrea-agent\n"
           "F0329 23:35:27.090421    3936 main.go:58] Error running agent: error initializing agent: failed "
           "during hnsCallRawResponse: hnsCall failed in Win32: The parameter is incorrect. (0x57)"
        << QStringList{"warning 2-2: HNS refused a request: hnsCall failed: " + invalidArg +
                       "; antrea-agent exited at line 2 (a fatal log line)"};
    QTest::newRow("dockerd's fatal start-up failure")
        << "time=\"2026-12-05T10:01:04Z\" level=fatal msg=\"Error starting daemon: Error initializing "
           "network "
           "controller: Error creating default network: HNS failed with error : The parameter is incorrect. "
           "\""
        << QStringList{"warning 1-1: HNS refused a request: creating default network failed: " + invalidArg +
                       fromText + "; dockerd exited at line 1 (a fatal log line)"};
    QTest::newRow("a fatal line of a program nothing names")
        << "F1205 10:01:02.118230    4120 main.go:80] hcnCreateNetwork failed in Win32: The object already "
           "exists. (0x1392)"
        << QStringList{"warning 1-1: HNS refused a request: hcnCreateNetwork failed: " + objectExists +
                       "; the program that logs line 1 exited there (a fatal log line)"};
    QTest::newRow("the same error on an error line, then on the fatal line: one failure")
        << klog + "hcnCreateNetwork failed in Win32: The object already exists. (0x1392)\n"
                  "F1205 10:01:02.118230    4120 main.go:80] hcnCreateNetwork failed in Win32: The object "
                  "already exists. (0x1392)"
        << QStringList{"warning 1-1: HNS refused a request: hcnCreateNetwork failed: " + objectExists +
                       " (2 times, lines 1-2); the program that logs line 2 exited there (a fatal log line)"};
    QTest::newRow("a fatal line of kube-proxy, known by its klog file")
        << "F1205 10:01:02.118230    4120 server_windows.go:152] hcnCreateLoadBalancer failed in Win32: The "
           "object already exists. (0x1392)"
        << QStringList{"warning 1-1: HNS refused a request: hcnCreateLoadBalancer failed: " + objectExists +
                       "; kube-proxy exited at line 1 (a fatal log line)"};
    QTest::newRow("a JSON log record's fatal level")
        << "{\"level\":\"fatal\",\"ts\":\"2026-12-05T10:01:04Z\",\"msg\":\"hcnCreateNetwork failed in Win32: "
           "The object already exists. (0x1392)\"}"
        << QStringList{"warning 1-1: HNS refused a request: hcnCreateNetwork failed: " + objectExists +
                       "; the program that logs line 1 exited there (a fatal log line)"};
    QTest::newRow("a Go panic")
        << "panic: hnsCall failed in Win32: The object already exists. (0x1392)\n\ngoroutine 1 [running]:"
        << QStringList{"warning 1-1: HNS refused a request: hnsCall failed: " + objectExists +
                       "; the program that logs line 1 exited there (a fatal log line)"};
    QTest::newRow("an error line is no exit")
        << klog + "hcnCreateNetwork failed in Win32: The object already exists. (0x1392)"
        << QStringList{"warning 1-1: HNS refused a request: hcnCreateNetwork failed: " + objectExists};

    // A hot attach of an endpoint, as the programs that do it log its failure.
    QTest::newRow("a hot attach to the host's namespace with HCN's error")
        << klog + "failed to hot attach bridge HostComputeEndpoint cbr0_ep to host default "
                  "HostComputeNamespace: hcnModifyNamespace failed in Win32: The object already exists. "
                  "(0x1392)"
        << QStringList{"warning 1-1: HNS refused a request: hot attach of endpoint cbr0_ep to the host's "
                       "default namespace failed: " +
                       objectExists};
    QTest::newRow("a hot add said as logged")
        << logrus + "failed to hot add endpoint web_pod7 to container 9d2c4e6f: hcnModifyNamespace failed in "
                    "Win32: The parameter is incorrect. (0x57)\""
        << QStringList{
               "warning 1-1: HNS refused a request: hot add of endpoint web_pod7 to container 9d2c4e6f "
               "failed: " +
               invalidArg};

    // hcsshim's error of a call to HCS that HNS failed for it.
    QTest::newRow("hcsshim's CreateComputeSystem with HCN's message, in a code span")
        << "```Error: failed to create containerd task: hcsshim::CreateComputeSystem windows-server-iis: The "
           "requested operation for attach namespace failed.```"
        << QStringList{"warning 1-1: HCS failed a request with HNS's error: hcsshim::CreateComputeSystem "
                       "windows-server-iis "
                       "failed: HCN_E_NAMESPACE_ATTACH_FAILED (0x803B002E), \"The requested operation for "
                       "attach namespace failed.\" (code from the message text)"};
    QTest::newRow("newer hcsshim's hcs:: call, containerd's : unknown after it")
        << logrus + "RunPodSandbox failed\" error=\"failed to create shim task: hcs::CreateComputeSystem "
                    "9c1f2e3d4a5b: The requested operation for attach namespace failed.: unknown\""
        << QStringList{"warning 1-1: HCS failed a request with HNS's error: hcs::CreateComputeSystem "
                       "9c1f2e3d4a5b failed: "
                       "HCN_E_NAMESPACE_ATTACH_FAILED (0x803B002E), \"The requested operation for attach "
                       "namespace failed.\" (code from the message text)"};

    QTest::newRow("hcsshim's call with a Windows error: HCS's, not HNS's")
        << "docker: Error response from daemon: hcsshim::CreateComputeSystem 38d5975c4992: The request is "
           "not "
           "supported.\n(extra info: {\"SystemType\":\"Container\"})."
        << QStringList{"warning 1-1: HCS (the compute system service, not HNS) refused a request: "
                       "hcsshim::CreateComputeSystem 38d5975c4992 failed: ERROR_NOT_SUPPORTED (0x80070032), "
                       "\"The request is not supported.\" (code from the message text)"};

    QTest::newRow("hcsshim's error of an operation on a container")
        << "docker: Error response from daemon: container 38d5975c4992 encountered an error during "
           "CreateContainer: failure in a Windows system call: A connection could not be established with "
           "the "
           "Virtual Machine hosting the Container. (0xc0370108)"
        << QStringList{"warning 1-1: HCS (the compute system service, not HNS) refused a request: "
                       "CreateContainer of container 38d5975c4992 failed: HCS_E_CONNECT_FAILED (0xC0370108), "
                       "\"A connection could not be established with the Virtual Machine hosting the "
                       "Container.\""};
    QTest::newRow("the same error of a process, the message not Windows' own")
        << "Error: container 9f2e encountered an error during hcsshim::System::Start: The system cannot find "
           "the file specified. (0x2)"
        << QStringList{"warning 1-1: HCS (the compute system service, not HNS) refused a request: "
                       "hcsshim::System::Start of container 9f2e failed: ERROR_FILE_NOT_FOUND (0x80070002), "
                       "\"The system cannot find the file specified.\""};
    QTest::newRow("prose about such an error is none")
        << "the container encountered an error during startup: it could not find its image" << QStringList{};

    // A service that could not be reached refused nothing.
    QTest::newRow("HNS's RPC server unavailable")
        << "LxssManager: HcnCreateNetwork failed with 0x800706BA The RPC server is unavailable."
        << QStringList{
               "warning 1-1: the service called could not be reached (not running, restarting or not "
               "answering), so nothing was refused: HcnCreateNetwork failed: RPC_S_SERVER_UNAVAILABLE "
               "(0x800706BA), \"The RPC server is unavailable.\""};

    QTest::newRow("HNS's own answer that it could not reach a service")
        << "@{Error=The RPC server is unavailable. ; Success=False; ErrorCode=2147944122}"
        << QStringList{
               "warning 1-1: HNS reported a failure: RPC_S_SERVER_UNAVAILABLE (0x800706BA), \"The RPC "
               "server is unavailable.\" (a service HNS depends on could not be reached: not running, "
               "restarting or not answering)"};

    // A console wrap that ate a blank or added some: one message, in Windows' words.
    QTest::newRow("a message wrapped twice, once losing a blank")
        << klog +
               "hcnCreateNetwork failed in Win32: Cannot create a file when that file already\nexists. "
               "(0x800700b7)\n" +
               klog +
               "hcnCreateNetwork failed in Win32: Cannot create a file when that file alreadyexists. "
               "(0x800700b7)"
        << QStringList{
               "warning 1-2: HNS refused a request: hcnCreateNetwork failed: ERROR_ALREADY_EXISTS "
               "(0x800700B7), \"Cannot create a file when that file already exists.\" (2 times, lines "
               "1-3)"};

    // An issue's title and its text, or prose and a log record: one failure in the fuller wording.
    QTest::newRow("a title without the operation, the text with it")
        << "# Unable to start Docker: HNS failed with error : The parameter is incorrect.\n\nIn the log:\n"
           "    Error creating default network: HNS failed with error : The parameter is incorrect."
        << QStringList{"warning 1-1: HNS refused a request: creating default network failed: E_INVALIDARG "
                       "(0x80070057), \"The parameter is incorrect.\" (code from the message text) (2 times, "
                       "lines 1, 4)"};
    QTest::newRow("a title with less of the call, the text with its compute system")
        << "# Error response from daemon: hcsshim::CreateComputeSystem: The request is not supported\n"
           "docker: Error response from daemon: hcsshim::CreateComputeSystem 38d5975c4992: The request is "
           "not "
           "supported."
        << QStringList{"warning 1-1: HCS (the compute system service, not HNS) refused a request: "
                       "hcsshim::CreateComputeSystem 38d5975c4992 failed: ERROR_NOT_SUPPORTED (0x80070032), "
                       "\"The request is not supported.\" (code from the message text) (2 times, lines 1-2)"};
    // An issue's title quoting the record's failure with a slip of the keys and no code of its own.
    const QString endpointExists =
        klog + "failed to create the new HNSEndpoint: hnsCall failed in Win32: The object already exists. "
               "(0x1392)";
    const QString endpointExistsSaid = "HNS refused a request: create endpoint failed: " + objectExists;
    QTest::newRow("a heading quoting the record's failure with a typo and no code: a quote of it")
        << "# Kubelet errors: hnsCall Failed in Win32: The object already exits\n\n```\n" + endpointExists +
               "\n```"
        << QStringList{"warning 4-4: " + endpointExistsSaid + " (also quoted at line 1)"};
    QTest::newRow("an issue's first line quoting it so, without a heading mark")
        << "Kubelet errors: hnsCall Failed in Win32: The object already exits\n\n" + endpointExists
        << QStringList{"warning 3-3: " + endpointExistsSaid + " (also quoted at line 1)"};
    QTest::newRow("a heading below the records quoting them so")
        << endpointExists + "\n" + endpointExists +
               "\n\n## Kubelet errors: hnsCall Failed in Win32: The object already exits"
        << QStringList{"warning 1-1: " + endpointExistsSaid +
                       " (2 times, lines 1-2) (also quoted at line 4)"};
    QTest::newRow("a title quoting another message: a failure of its own")
        << "# Kubelet errors: hnsCall Failed in Win32: The object does not exist\n\n" + endpointExists
        << QStringList{
               "warning 1-1: HNS refused a request: hnsCall failed: \"The object does not exist\" (no "
               "error code in the log)",
               "warning 3-3: " + endpointExistsSaid};
    QTest::newRow("a title with the typo naming another function: a failure of its own")
        << "# Kubelet errors: hcnCreateNetwork Failed in Win32: The object already exits\n\n" + endpointExists
        << QStringList{"warning 1-1: HNS refused a request: hcnCreateNetwork failed: \"The object already "
                       "exits\" (no error code in the log)",
                       "warning 3-3: " + endpointExistsSaid};
    QTest::newRow("a title whose message differs by more than a slip: a failure of its own")
        << "# Kubelet errors: hnsCall Failed in Win32: The objekt alredy exits\n\n" + endpointExists
        << QStringList{"warning 1-1: HNS refused a request: hnsCall failed: \"The objekt alredy exits\" (no "
                       "error code in the log)",
                       "warning 3-3: " + endpointExistsSaid};
    QTest::newRow("the typo in prose below the first line, no title: a failure of its own")
        << "We upgraded the node.\nKubelet errors: hnsCall Failed in Win32: The object already exits\n\n" +
               endpointExists
        << QStringList{"warning 2-2: HNS refused a request: hnsCall failed: \"The object already exits\" (no "
                       "error code in the log)",
                       "warning 4-4: " + endpointExistsSaid};
    QTest::newRow("a title whose message differs in a number: a failure of its own")
        << "# hnsCall failed in Win32: The port 8080 is already in use\n\n" + klog +
               "hnsCall failed in Win32: The port 8081 is already in use"
        << QStringList{"warning 1-1: HNS refused a request: hnsCall failed: \"The port 8080 is already in use\" "
                       "(no error code in the log)",
                       "warning 3-3: HNS refused a request: hnsCall failed: \"The port 8081 is already in use\" "
                       "(no error code in the log)"};
    QTest::newRow("two log records, one with the typo: two events")
        << klog + "hnsCall failed in Win32: The object already exits\n" + endpointExists
        << QStringList{"warning 1-1: HNS refused a request: hnsCall failed: \"The object already exits\" (no "
                       "error code in the log)",
                       "warning 2-2: " + endpointExistsSaid};
    // An issue's title quoting only the title in braces of the failure's Windows message (the NT status's
    // name): a quote of that failure.
    const QString daemonExists =
        "Error starting daemon: Error initializing network controller: Error creating default network: HNS "
        "failed with error : {Object Exists} An attempt was made to create an object and the object name "
        "already existed.";
    const QString daemonExistsSaid =
        "HNS refused a request: creating default network failed: ERROR_OBJECT_NAME_EXISTS (0x800702BA), "
        "\"{Object Exists} An attempt was made to create an object and the object name already existed.\"" +
        fromText;
    QTest::newRow("a heading quoting only the status's name above the daemon's failure: a quote of it")
        << "# Docker fails to start - HNS failed with error : Object Exists\n\n" + daemonExists
        << QStringList{"warning 1-1: " + daemonExistsSaid + " (2 times, lines 1, 3)"};
    QTest::newRow("the status's name in a heading, the daemon's failure and HNS's event-log record of it")
        << "# Docker fails to start - HNS failed with error : Object Exists\n\n" + daemonExists +
               "\n\nHNS-Network-Create :- \n Network id = '{be251d5c-964c-4331-a146-ef0d05b2ef60}'.\n "
               "Network "
               "type = 'NAT'.\n  Result code = '0x800702BA'. "
        << QStringList{"warning 1-1: " + daemonExistsSaid +
                       " (2 times, lines 1, 3); HNS's event log records it too, at lines 5-8: create network "
                       "be251d5c-964c-4331-a146-ef0d05b2ef60 (NAT, HNS event log)"};
    QTest::newRow("a heading quoting it in braces")
        << "# Docker fails to start - HNS failed with error : {Object Exists}\n\n" + daemonExists
        << QStringList{"warning 1-1: " + daemonExistsSaid + " (2 times, lines 1, 3)"};
    QTest::newRow("an issue's first line quoting the status's name above a log record of the failure")
        << "Docker fails to start - HNS failed with error : object exists\n\ntime=\"2026-12-05T10:01:04Z\" "
           "level=error msg=\"" +
               daemonExists + "\""
        << QStringList{"warning 3-3: " + daemonExistsSaid + " (also quoted at line 1)"};
    QTest::newRow("a heading below the failure quoting the status's name in braces")
        << "The log:\n" + daemonExists + "\n\n## HNS failed with error : {Object Exists}"
        << QStringList{"warning 2-2: " + daemonExistsSaid + " (2 times, lines 2, 4)"};
    QTest::newRow("the status's name in a title alone: a failure without a code")
        << "# Docker fails to start - HNS failed with error : Object Exists"
        << QStringList{"warning 1-1: HNS refused a request: \"Object Exists\" (no error code in the log)"};
    QTest::newRow("a title naming another status: a failure of its own")
        << "# Docker fails to start - HNS failed with error : Object Missing\n\n" + daemonExists
        << QStringList{"warning 1-1: HNS refused a request: \"Object Missing\" (no error code in the log)",
                       "warning 3-3: " + daemonExistsSaid};
    QTest::newRow("the status's name beside a failure whose message has no such title: a failure of its own")
        << "# Docker fails to start - HNS failed with error : Object Exists\n\nhcnCreateNetwork failed in "
           "Win32: The object already exists. (0x1392)"
        << QStringList{"warning 1-1: HNS refused a request: \"Object Exists\" (no error code in the log)",
                       "warning 3-3: HNS refused a request: hcnCreateNetwork failed: " + objectExists};
    QTest::newRow("a title naming another step with the status's name: a failure of its own")
        << "# Error creating default network: HNS failed with error : Object Exists\n\nThe log:\nError "
           "creating transparent network: HNS failed with error : {Object Exists} An attempt was made to "
           "create an object and the object name already existed."
        << QStringList{
               "warning 1-1: HNS refused a request: creating default network failed: \"Object Exists\" "
               "(no error code in the log)",
               "warning 4-4: HNS refused a request: creating transparent network failed: "
               "ERROR_OBJECT_NAME_EXISTS (0x800702BA), \"{Object Exists} An attempt was made to create "
               "an object and the object name already existed.\"" +
                   fromText};
    QTest::newRow("the status's name in prose below the first line: a failure of its own")
        << "We upgraded the daemon.\nHNS failed with error : Object Exists\n\n" + daemonExists
        << QStringList{"warning 2-2: HNS refused a request: \"Object Exists\" (no error code in the log)",
                       "warning 4-4: " + daemonExistsSaid};
    QTest::newRow("two log records of the same error, one naming less of the call: two events")
        << klog +
               "Error response from daemon: hcsshim::CreateComputeSystem: The request is not supported.\n" +
               klog +
               "Error response from daemon: hcsshim::CreateComputeSystem 38d5975c4992: The request is not "
               "supported."
        << QStringList{
               "warning 1-1: HCS (the compute system service, not HNS) refused a request: "
               "hcsshim::CreateComputeSystem failed: ERROR_NOT_SUPPORTED (0x80070032), \"The request is "
               "not supported.\" (code from the message text)",
               "warning 2-2: HCS (the compute system service, not HNS) refused a request: "
               "hcsshim::CreateComputeSystem 38d5975c4992 failed: ERROR_NOT_SUPPORTED (0x80070032), "
               "\"The request is not supported.\" (code from the message text)"};

    QTest::newRow("docker inspect's State.Error: the message before its escaped line break")
        << "            \"Error\": \"hcsshim::CreateComputeSystem 00c1c9134ef7: The endpoint was not "
           "found.\\n(extra info: {\\\"SystemType\\\":\\\"Container\\\"})\","
        << QStringList{"warning 1-1: HCS failed a request with HNS's error: hcsshim::CreateComputeSystem "
                       "00c1c9134ef7 failed: HCN_E_ENDPOINT_NOT_FOUND (0x803B0002), \"The endpoint was not "
                       "found.\" (code from the message text)"};

    // None of these states a failure.
    QTest::newRow("a title cut after the function's failure: no message")
        << "# containerd + Windows error: hcnOpenNetwork failed in Win32" << QStringList{};
    QTest::newRow("an HCS error no catalog message gives")
        << "failed to create containerd task: hcs::CreateComputeSystem 9c1f2e3d4a5b: The virtual machine "
           "could not be started because a required feature is not installed."
        << QStringList{};
    QTest::newRow("prose naming an hcsshim call")
        << "We see hcsshim::CreateComputeSystem fail now and then: The parameter is incorrect."
        << QStringList{};
    QTest::newRow("a success code after hr=") << "HNS call done, hr=0x00000000" << QStringList{};
    QTest::newRow("a pointer after HRESULT words") << "hns: HRESULT handler at 0xc000512340" << QStringList{};
    QTest::newRow("a list whose Success is True")
        << "Error   : \nSuccess : True\nOutput  : @{ID=7b2c3d4e-5f60-4b71-9c82-d3e4f5061728}"
        << QStringList{};
    // Someone's account of a failure names a code with words of failure: prose, no failure logged
    // (namesACodeInProse). A log line, or an error quoted whole, stays a failure.
    QTest::newRow("prose: first person, failure words and a symbolic name")
        << "Seems we fail to attach the endpoint since it is attached already (we get "
           "HCN_E_ENDPOINT_ALREADY_ATTACHED), and then we fail to detach it:"
        << QStringList{};
    QTest::newRow("prose: a guess naming the error") << "My guess is the error is HCN_E_PORT_ALREADY_EXISTS, "
                                                        "which means an old load balancer holds the port."
                                                     << QStringList{};
    QTest::newRow("prose: first person and a hex code")
        << "Our create fails on every node, we get 0x803b0001 back." << QStringList{};
    QTest::newRow("a log record in the first person stays a failure")
        << klog + "we failed to create the network: HCN_E_NETWORK_ALREADY_EXISTS"
        << QStringList{
               "warning 1-1: HNS refused a request: create network failed: HCN_E_NETWORK_ALREADY_EXISTS "
               "(0x803B0010), \"A network with this name already exists.\""};
    QTest::newRow("prose quoting the error line in a code span stays a failure")
        << "On every node I see `Error: 0x803b0001` when the pod starts."
        << QStringList{"warning 1-1: HNS refused a request: HCN_E_NETWORK_NOT_FOUND (0x803B0001), \"The "
                       "network was not found.\""};
    QTest::newRow("prose: a quoted name holding Error and a code given as an example")
        << "* Added `TestHNSErrorPreservation` to mock a failed HNS JSON response containing a transient "
           "`ErrorCode` (e.g., `0x803b0013`)."
        << QStringList{};
    QTest::newRow("a log record giving an example stays a failure")
        << klog + "create endpoint failed, such as on a port in use: HNS failed with error 0x803b0013"
        << QStringList{
               "warning 1-1: HNS refused a request: create endpoint failed: HCN_E_PORT_ALREADY_EXISTS "
               "(0x803B0013), \"The specified port already exists.\""};
    QTest::newRow("prose quoting the error after a colon stays a failure")
        << "We get this: Error: 0x803b0001 The network was not found."
        << QStringList{"warning 1-1: HNS refused a request: HCN_E_NETWORK_NOT_FOUND (0x803B0001), \"The "
                       "network was not found.\""};

    // WSL's launcher: the API function that failed, then `Error:` with the same code and its message.
    const QString degraded =
        "HCN_E_DEGRADED_OPERATION (0x803B0017), \"There was an operation attempted on a degraded object.\"";
    const QString registerFailed = "WslRegisterDistribution failed with error: 0x803b0017";
    QTest::newRow("WSL's launcher: the failure and its message line are one failure")
        << "Installing, this may take a few minutes...\n" + registerFailed +
               "\nError: 0x803b0017 There was an operation attempted on a degraded object.\n\nPress any key "
               "to continue..."
        << QStringList{"warning 2-3: HNS refused a request: WslRegisterDistribution (WSL installing a "
                       "distribution) failed: " +
                       degraded};
    QTest::newRow("WSL's launcher: a message the console could not show")
        << registerFailed + "\nError: 0x803b0017 ??????????????"
        << QStringList{"warning 1-2: HNS refused a request: WslRegisterDistribution (WSL installing a "
                       "distribution) failed: " +
                       degraded};
    QTest::newRow("WSL's launcher: the failure alone")
        << registerFailed
        << QStringList{"warning 1-1: HNS refused a request: WslRegisterDistribution (WSL installing a "
                       "distribution) failed: " +
                       degraded};
    QTest::newRow("WSL's launcher, then a cmdlet's error record: each its own failure")
        << registerFailed +
               "\nError: 0x803b0017 There was an operation attempted on a degraded object.\n"
               "PS C:\\> New-HnsNetwork -Type L2Bridge -Name n1\nNew-HnsNetwork : Element not found.\nAt "
               "line:1 char:1\n+ New-HnsNetwork -Type L2Bridge -Name n1\n+ "
               "~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n    + CategoryInfo          : NotSpecified: (:) "
               "[Write-Error], WriteErrorException\n    + FullyQualifiedErrorId : "
               "Microsoft.PowerShell.Commands.WriteErrorException,New-HnsNetwork"
        << QStringList{"warning 1-2: HNS refused a request: WslRegisterDistribution (WSL installing a "
                       "distribution) failed: " +
                           degraded,
                       "warning 4-9: HNS refused a request: New-HnsNetwork (create network n1, L2Bridge) "
                       "failed: " +
                           notFound + fromText};
    QTest::newRow("WSL's launcher: another code than HNS's is no failure of HNS")
        << "WslRegisterDistribution failed with error: 0x8007019e\nError: 0x8007019e The Windows Subsystem "
           "for "
           "Linux has not been enabled."
        << QStringList{};
    QTest::newRow("the same code on two failure lines that are no message of each other stays two")
        << "E1205 10:01:02.118230    4120 hns.go:211] create failed: HCN_E_NETWORK_NOT_FOUND\n"
           "E1205 10:01:03.118230    4120 hns.go:211] create failed: HCN_E_NETWORK_NOT_FOUND"
        << QStringList{"warning 1-1: HNS refused a request: HCN_E_NETWORK_NOT_FOUND (0x803B0001), \"The "
                       "network was not found.\" (logged as \"create failed\") (2 times, lines 1-2)"};

    // WSL's bot quotes the lines it found again: the same failures, not more of them.
    const QString wslSeen = "Detected user visible error: "
                            "Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/HNS/0x800706d9";
    QTest::newRow("WSL's bot quoting the error lines again under Debugging information")
        << wslSeen + "\n" + wslSeen + "\nWSL does not start.\n<details>\n  Debugging information: `" +
               wslSeen + "`\nDebugging information: `" + wslSeen + "`\n</details>"
        << QStringList{
               "warning 1-1: the service called could not be reached (not running, restarting or not "
               "answering), so nothing was refused: WSL ConfigureNetworking failed: EPT_S_NOT_REGISTERED "
               "(0x800706D9), \"There are no more endpoints available from the endpoint mapper.\" (2 "
               "times, lines 1-2) (also quoted at lines 5-6)"};

    // WMI's codes HNS passes on from Hyper-V's VMMS.
    QTest::newRow("WSL's HNS step failing with WMI's not found")
        << "Error code: Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/HNS/0x80041002"
        << QStringList{
               "warning 1-1: HNS refused a request: WSL ConfigureNetworking failed: WBEM_E_NOT_FOUND "
               "(0x80041002), \"Not found\" (a WMI error HNS passed on from Hyper-V's Virtual Machine "
               "Management service, VMMS)"};
    QTest::newRow("hcsshim's call failing with WMI's invalid parameter")
        << "hnsCall failed in Win32: Invalid parameter (0x80041008)"
        << QStringList{
               "warning 1-1: HNS refused a request: hnsCall failed: WBEM_E_INVALID_PARAMETER "
               "(0x80041008), \"Invalid parameter\" (a WMI error HNS passed on from Hyper-V's Virtual "
               "Machine Management service, VMMS)"};
    QTest::newRow("WSL's networking step without HNS/, WMI's code: none")
        << "Error code: Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/0x80041002" << QStringList{};
    // docker-compose's `Creating network "x" ...` right above a failure that names no request is its request;
    // the daemon's own failed default network is another request: two failures.
    const QString daemonFatal =
        "fatal: failed to start daemon: Error initializing network controller: Error "
        "creating default network: hnsCall failed in Win32: Element not found. (0x490)";
    QTest::newRow("compose's network create above hcsshim's bare hnsCall")
        << "Creating network \"web_shared\" with the default driver\nhnsCall failed in Win32: Element not "
           "found. (0x490)"
        << QStringList{"warning 1-2: HNS refused a request: create network web_shared failed: " + notFound};
    QTest::newRow("compose's network create, then the daemon's default network: two failures")
        << "Creating network \"web_shared\" with the default driver\nhnsCall failed in Win32: Element not "
           "found. (0x490)\n\n" +
               daemonFatal
        << QStringList{"warning 1-2: HNS refused a request: create network web_shared failed: " + notFound,
                       "warning 4-4: HNS refused a request: create default network failed: " + notFound};
    QTest::newRow("the daemon's default network, then compose's network create: two failures")
        << daemonFatal +
               "\n\nCreating network \"web_shared\" with the default driver\nhnsCall failed in Win32: "
               "Element not found. (0x490)"
        << QStringList{"warning 1-1: HNS refused a request: create default network failed: " + notFound,
                       "warning 3-4: HNS refused a request: create network web_shared failed: " + notFound};
    QTest::newRow("compose's network create with its driver, compose's ERROR: before the failure")
        << "Creating network \"web_default\" with driver \"nat\"\nERROR: hnsCall failed in Win32: Element "
           "not found. (0x490)"
        << QStringList{"warning 1-2: HNS refused a request: create network web_default failed: " + notFound};
    QTest::newRow("compose's ERROR: for a service before the failure")
        << "Creating network \"web_default\" with the default driver\nERROR: for web  hnsCall failed in "
           "Win32: Element not found. (0x490)"
        << QStringList{"warning 1-2: HNS refused a request: create network web_default failed: " + notFound};
    QTest::newRow("compose's network create with a line between: not the failure's request")
        << "Creating network \"web_default\" with the default driver\nPulling web (iis:latest)...\nhnsCall "
           "failed in Win32: Element not found. (0x490)"
        << QStringList{"warning 3-3: HNS refused a request: hnsCall failed: " + notFound};
    QTest::newRow("compose's network create above a failure naming its own request")
        << "Creating network \"web_default\" with the default driver\nError response from daemon: failed to "
           "create endpoint web on network nat: hnsCall failed in Win32: Element not found. (0x490)"
        << QStringList{"warning 2-2: HNS refused a request: create endpoint web on network nat failed: " +
                       notFound};
    // The writer's words after a code are no message of HNS's; a Windows message or a quoted text is.
    const QString portExists = "HCN_E_PORT_ALREADY_EXISTS (0x803B0013), ";
    // The step before the error is what failed (`failed to create endpoint: HNS error: ...`).
    const QString cni = "E0301 10:00:01.123456    4321 cni.go:100] failed to create endpoint: HNS error: ";
    const QString createEndpoint = "warning 1-1: HNS refused a request: create endpoint failed: ";
    for (const QString& words :
         {QStringLiteral("again"), QStringLiteral("on retry"), QStringLiteral("(retrying)"),
          QStringLiteral("twice"), QStringLiteral("after restart"), QStringLiteral("After restart")})
        QTest::newRow(qPrintable("a code, then the writer's words: " + words))
            << cni + "0x803b0013 " + words
            << QStringList{createEndpoint + portExists + "\"The specified port already exists.\""};
    QTest::newRow("a code, then hcsshim's failure with the writer's word after its code")
        << "hcnCreateEndpoint failed in Win32: (0x803b0013) again"
        << QStringList{"warning 1-1: HNS refused a request: hcnCreateEndpoint failed: " + portExists +
                       "\"The specified port already exists.\""};
    QTest::newRow("a code, then a Windows message in other words")
        << cni + "0x803b0013 The port already exists."
        << QStringList{createEndpoint + portExists + "\"The port already exists.\""};
    QTest::newRow("a code, then a quoted text")
        << cni + "(0x803b0013) \"the port is held by another endpoint\""
        << QStringList{createEndpoint + portExists + "\"the port is held by another endpoint\""};
    QTest::newRow("a code, then a localized message of two words")
        << cni + "0x80070005 Zugriff verweigert"
        << QStringList{createEndpoint + "E_ACCESSDENIED (0x80070005), \"Zugriff verweigert\""};
    QTest::newRow("a code, then a quoted message the paste cut")
        << cni + "0x803b0013 \"Der Port ist bereits vorh"
        << QStringList{createEndpoint + portExists + "\"Der Port ist bereits vorh\""};
    QTest::newRow("a code, then a message set off by a dash")
        << cni + "0x803b0013 - the port is taken"
        << QStringList{createEndpoint + portExists + "\"the port is taken\""};
    QTest::newRow("a hashtable whose Success is True") << "@{Error=; Success=True; Output=}" << QStringList{};
    QTest::newRow("emphasis in prose with no failure")
        << "**HNS** is the _Host Network Service_." << QStringList{};
}

void TestLoggedFailures::namesTheFailureOfALine()
{
    QFETCH(QString, text);
    QFETCH(QStringList, messages);
    // The warnings of failures.
    QCOMPARE(importedMessagesWhere("paste.log", text,
                                   [](const QString& m) {
                                       return m.startsWith(QLatin1String("warning")) &&
                                              (m.contains(QLatin1String("refused a request")) ||
                                               m.contains(QLatin1String("reported a failure")) ||
                                               m.contains(QLatin1String("failed a request")) ||
                                               m.contains(QLatin1String("could not be reached")));
                                   }),
             messages);
}

/// A client's lookup that finds nothing, said in words without a code (flannel, kube-proxy): an info
/// naming what was looked for; no failure code is made up for it.
void TestLoggedFailures::saysAFailedLookupInWords_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("messages"); ///< every message with lines, as shownMessages gives it

    const QString klog = "E1205 10:01:02.118230    4120 vxlan_windows.go:120] ";
    QTest::newRow("nothing named")
        << klog + "Can't find the network."
        << QStringList{
               "info 1-1: the log says a lookup found no HNS network (\"Can't find the network.\"; no "
               "name and no error code logged) at line 1"};
    QTest::newRow("looked up by its management IP")
        << klog + "Cannot find network with Management IP 10.0.0.4"
        << QStringList{"info 1-1: the log says HNS has no network with Management IP 10.0.0.4 (a lookup in "
                       "words; no error code logged) at line 1"};
    QTest::newRow("a quoted name with a blank is a name")
        << klog + "Cannot find network \"Default Switch\""
        << QStringList{
               "info 1-1: the log says HNS has no network \"Default Switch\" (a lookup in words; no error "
               "code logged) at line 1"};
    QTest::newRow("what a program prints for no value is no placeholder")
        << klog + "Cannot find network with Management IP <nil>"
        << QStringList{
               "info 1-1: the log says HNS has no network with Management IP <nil> (a lookup in words; "
               "no error code logged) at line 1"};
    QTest::newRow("nothing named, no period")
        << klog + "Could not find network"
        << QStringList{"info 1-1: the log says a lookup found no HNS network (\"Could not find network\"; no "
                       "name and no error code logged) at line 1"};
    QTest::newRow("by name, quoted")
        << klog + "Unable to find network \"cbr0\", retrying"
        << QStringList{"info 1-1: the log says HNS has no network \"cbr0\" (a lookup in words; no error code "
                       "logged) at line 1"};
    QTest::newRow("an endpoint by ID, the same lookup twice")
        << klog + "could not find endpoint 7b2c3d4e-5f60-4b71-9c82-d3e4f5061728\n" + klog +
               "could not find endpoint 7b2c3d4e-5f60-4b71-9c82-d3e4f5061728"
        << QStringList{"info 1-1: the log says HNS has no endpoint 7b2c3d4e-5f60-4b71-9c82-d3e4f5061728 (a "
                       "lookup in words; no error code logged) at line 1 (2 times, lines 1-2)"};
    QTest::newRow("the same endpoint in words, then as hcsshim says it: one lookup")
        << "2019-05-09T18:41:40Z [ERROR] Failed to find endpoint cid-6465a0fa for container e19f978e.\n"
           "2019-05-09T18:41:40Z [ERROR] Looking up the infra container's endpoint: failed to find endpoint "
           "cid-6465a0fa: Endpoint cid-6465a0fa not found.\n"
           "2019-05-09T18:41:40Z [WARN] Endpoint cid-6465a0fa not found"
        << QStringList{"info 1-1: the log says HNS has no endpoint cid-6465a0fa (a lookup in words; no error "
                       "code logged) at line 1 (3 times, lines 1-3)"};
    QTest::newRow("kube-proxy's HNS network, named in a field")
        << "E1205 10:01:02.118230    4120 proxier.go:640] \"Unable to find HNS Network specified, please "
           "check network name and CNI deployment\" hnsNetworkName=\"flannel.4096\""
        << QStringList{
               "info 1-1: the log says HNS has no network \"flannel.4096\" (a lookup in words; no error "
               "code logged) at line 1"};
    QTest::newRow("the same, its name in a field without quotes")
        << "E1205 10:01:02.118230    4120 proxier.go:640] Unable to find HNS Network specified "
           "networkName=cbr0"
        << QStringList{"info 1-1: the log says HNS has no network \"cbr0\" (a lookup in words; no error code "
                       "logged) at line 1"};
    QTest::newRow("hard-wrapped: the name on the next line")
        << klog + "Unable to find Hns Network\nspecified by cbr0, retrying"
        << QStringList{"info 1-2: the log says HNS has no network cbr0 (a lookup in words; no error code "
                       "logged) at lines 1-2"};
    QTest::newRow("the next line is a log line of its own, or starts a sentence: not read with it")
        << klog + "Unable to find Hns Network\n" + klog + "specified by cbr0\n" + klog +
               "Could not find network\nSpecified by cbr0."
        << QStringList{"info 1-1: the log says a lookup found no HNS network (\"Unable to find Hns "
                       "Network\"; no name and no error code logged) at line 1",
                       "info 3-3: the log says a lookup found no HNS network (\"Could not find network\"; "
                       "no name and no error code logged) at line 3"};
    QTest::newRow("a field naming another kind of object names none")
        << "E1205 10:01:02.118230    4120 proxier.go:640] \"Unable to find HNS Network specified\" "
           "endpointName=\"web\""
        << QStringList{"info 1-1: the log says a lookup found no HNS network (\"Unable to find HNS Network "
                       "specified\"; no name and no error code logged) at line 1"};
    QTest::newRow("\"Can not found\": a lookup as a writer whose English is not native words it")
        << "Can not found HNS network Calico_ep"
        << QStringList{
               "info 1-1: the log says HNS has no network Calico_ep (a lookup in words; no error code "
               "logged) at line 1"};
    QTest::newRow("\"could not found\" on a log line, the name quoted")
        << klog + "could not found endpoint \"web\""
        << QStringList{"info 1-1: the log says HNS has no endpoint \"web\" (a lookup in words; no error code "
                       "logged) at line 1"};
    QTest::newRow("\"can't found\" and \"cannot found\"")
        << klog + "can't found HNS network cbr0\n" + klog + "Cannot found network with Management IP 10.0.0.4"
        << QStringList{"info 1-1: the log says HNS has no network cbr0 (a lookup in words; no error code "
                       "logged) at line 1",
                       "info 2-2: the log says HNS has no network with Management IP 10.0.0.4 (a lookup in "
                       "words; no error code logged) at line 2"};
    QTest::newRow("a name quoted in an error quoted in a field: its quotes escaped twice")
        << "E0607 10:00:00.000000    1234 pod_workers.go:951] \"Error syncing pod\" err=\"failed: \\\"rpc "
           "error: desc = could not find endpoint \\\\\\\"web\\\\\\\" on the node\\\"\"\n"
           "E0607 10:00:01.000000    1234 pod_workers.go:951] \"Error syncing pod\" err=\"failed: \\\"rpc "
           "error: desc = Endpoint name \\\\\\\"api\\\\\\\" not found\\\"\""
        << QStringList{"info 1-1: the log says HNS has no endpoint \"web\" (a lookup in words; no error code "
                       "logged) at line 1",
                       "info 2-2: the log says HNS has no endpoint \"api\" (looked up by name) at line 2"};
    QTest::newRow("\"does not exist\" as scripts and tests word a lookup, the name quoted or bare")
        << "    hnsnetwork_test.go:20: Network 'cbr0' does not exist\n"
           "    hnsnetwork_test.go:31: HNS network 'ext' does not exist\n" +
               klog + "Endpoint web-ep doesn't exist, retrying"
        << QStringList{"info 1-1: the log says HNS has no network \"cbr0\" (looked up by name) at line 1",
                       "info 2-2: the log says HNS has no network \"ext\" (looked up by name) at line 2",
                       "info 3-3: the log says HNS has no endpoint \"web-ep\" (looked up by name) at line 3"};
    QTest::newRow("prose: a network that does not exist names none")
        << "The network does not exist on this node.\nNetwork settings does not exist in the docs."
        << QStringList{};
    QTest::newRow("source code that would log a lookup, in a diff")
        << "-\t\tklog.Errorf(\"Unable to find Hns Network specified by %s. Please check environment variable "
           "KUBE_NETWORK\", hnsNetworkName)\n+\t\treturn nil, fmt.Errorf(\"network %s not found\", name)"
        << QStringList{};
    QTest::newRow("prose: \"cannot found\" settings of a network")
        << "I cannot found any network settings in the docs." << QStringList{};
    QTest::newRow("prose: settings of a network")
        << "I cannot find network settings in the docs." << QStringList{};
    QTest::newRow("a network adapter, not an HNS object")
        << klog + "Cannot find network adapter \"Ethernet 2\"" << QStringList{};
    QTest::newRow("a question in prose") << "Why can't I find the network in the portal?" << QStringList{};
}

void TestLoggedFailures::saysAFailedLookupInWords()
{
    QFETCH(QString, text);
    QFETCH(QStringList, messages);
    // What the log says.
    QCOMPARE(importedMessagesWhere("paste.log", text,
                                   [](const QString& m) {
                                       return m.contains(QLatin1String(": the log says")) ||
                                              m.contains(QLatin1String("refused"));
                                   }),
             messages);
}

/// A pod sandbox whose network the runtime could not set up or tear down, for a reason of its own or its
/// CNI plugin's: the step and the reason, the plugin and network it names; a lookup that found nothing is
/// the failed lookups' to say.
void TestLoggedFailures::saysAPodsNetworkFailed_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("messages"); ///< the warnings naming a pod's network

    const QString event = "Warning  FailedCreatePodSandBox  2m  kubelet  Failed to create pod sandbox: rpc "
                          "error: code = Unknown desc = ";
    QTest::newRow("a namespace the plugin could not parse, in a code span")
        << "`(combined from similar events): " + event +
               "failed to setup network for sandbox "
               "\"69cd579868153c9345c146a2f4ad4f4ec26a03a4b9ff8d4016401f72a4600231\": failed to parse netns "
               "fc2bf0a5-a2f6-47d7-a45f-4e5590873cd7`"
        << QStringList{"warning 1-1: set up the network of a pod sandbox failed: \"failed to parse netns "
                       "fc2bf0a5-a2f6-47d7-a45f-4e5590873cd7\" (the runtime's or its CNI plugin's words; no "
                       "error code)"};
    QTest::newRow("a CNI plugin's failure, the same reason for two sandboxes")
        << event +
               "failed to setup network for sandbox \"4b7e2a19c3d0aa\": plugin type=\"calico\" "
               "name=\"k8s-pod-network\" failed (add): error getting ClusterInformation: connection is "
               "unauthorized: Unauthorized\n" +
               event +
               "failed to setup network for sandbox \"8d1f0c2b3a4e55\": plugin type=\"calico\" "
               "name=\"k8s-pod-network\" failed (add): error getting ClusterInformation: connection "
               "is unauthorized: Unauthorized"
        << QStringList{"warning 1-1: set up the network of a pod sandbox (CNI plugin calico, network "
                       "k8s-pod-network) failed: \"error getting ClusterInformation: connection is "
                       "unauthorized: Unauthorized\" (the runtime's or its CNI plugin's words; no error "
                       "code) (2 times, lines 1-2)"};
    QTest::newRow("a pod's record of a failure that is not its network's")
        << "E0510 09:12:33.123456    2244 pod_workers.go:1300] \"Error syncing pod, skipping\" err=\"failed "
           "to "
           "mount volume: HNS failed with error : Unspecified error (0x80004005)\" pod=\"default/web\""
        << QStringList{};
    QTest::newRow("dockershim names the pod")
        << "E0412 08:15:02.331204    2212 cni.go:387] Error deleting default_web-7d9f network: "
           "networkPlugin cni failed to teardown pod \"web-7d9f_default\" network: the network is still "
           "attached to a compute system"
        << QStringList{"warning 1-1: tear down the network of pod default/web-7d9f failed: \"the network is "
                       "still attached to a compute system\" (the runtime's or its CNI plugin's words; no "
                       "error code)"};
    const QString klog = "E0510 09:12:33.123456    2244 cni.go:387] ";
    QTest::newRow("kubelet's CNI ADD that HNS refused names the pod, its plugin and network")
        << klog + "Error adding kube-system_coredns-6955765f44-8tqkb/5a3c2f1d8e9b to network "
                  "win-overlay/vxlan0: hcnCreateEndpoint failed in Win32: The specified port already exists. "
                  "(0x803b0013)"
        << QStringList{
               "warning 1-1: HNS refused a request: hcnCreateEndpoint failed: HCN_E_PORT_ALREADY_EXISTS "
               "(0x803B0013), \"The specified port already exists.\"; setting up the network of pod "
               "kube-system/coredns-6955765f44-8tqkb (CNI plugin win-overlay, network vxlan0) failed "
               "with it"};
    QTest::newRow("structured kubelet's CNI DEL: deleting a pod from a network deletes no network")
        << klog +
               "\"Error deleting pod from network\" err=\"hnsCall failed in Win32: The endpoint was not "
               "found. (0x803b0002)\" pod=\"kube-system/coredns-6955765f44-8tqkb\" "
               "podSandboxID={Type:docker ID:5a3c2f1d8e9b} podNetnsPath=\"none\" networkType=\"win-overlay\" "
               "networkName=\"vxlan0\""
        << QStringList{"warning 1-1: HNS refused a request: hnsCall failed: HCN_E_ENDPOINT_NOT_FOUND "
                       "(0x803B0002), \"The endpoint was not found.\"; tearing down the network of pod "
                       "kube-system/coredns-6955765f44-8tqkb (CNI plugin win-overlay, network vxlan0) failed "
                       "with it"};
    QTest::newRow("kubelet's CNI DEL for a Windows message without its code")
        << klog + "Error deleting kube-system_coredns-6955765f44-8tqkb/5a3c2f1d8e9b from network "
                  "win-overlay/vxlan0: The network was not found."
        << QStringList{"warning 1-1: tear down the network of pod kube-system/coredns-6955765f44-8tqkb (CNI "
                       "plugin win-overlay, network vxlan0) failed: HCN_E_NETWORK_NOT_FOUND (0x803B0001), "
                       "\"The network was not found.\" (code from the message text)"};
    const QString containerd = "time=\"2023-03-01T10:00:01.123456700Z\" level=error ";
    QTest::newRow("containerd's step in its message, the reason in its error field")
        << containerd +
               "msg=\"Failed to destroy network for sandbox "
               "\\\"4e5f01aa7c3b9d2e8f6a1b0c\\\"\" error=\"plugin type=\\\"nat\\\" name=\\\"nat\\\" failed "
               "(delete): hnsCall failed in Win32: The endpoint was not found. (0x803b0002)\""
        << QStringList{"warning 1-1: HNS refused a request: hnsCall failed: HCN_E_ENDPOINT_NOT_FOUND "
                       "(0x803B0002), \"The endpoint was not found.\"; tearing down the network of pod "
                       "sandbox 4e5f01aa7c3b (CNI plugin nat, network nat) failed with it"};
    QTest::newRow("a Go error chain ending in a Windows message gets its code")
        << containerd + "msg=\"failed to setup network for sandbox \\\"4e5f01aa7c3b\\\"\" "
                        "error=\"plugin type=\\\"sdnbridge\\\" name=\\\"nat\\\" failed (add): failed to "
                        "create the new HNSEndpoint: The network was not found.\""
        << QStringList{
               "warning 1-1: set up the network of a pod sandbox (CNI plugin sdnbridge, network nat) "
               "failed: HCN_E_NETWORK_NOT_FOUND (0x803B0001), \"failed to create the new HNSEndpoint: "
               "The network was not found.\" (code from the message text)"};
    QTest::newRow("one refusal for several pods names them together")
        << klog +
               "Error adding default_web-0/5a3c2f1d8e9b to network sdnbridge/cbr0: hcnCreateEndpoint "
               "failed in Win32: The specified port already exists. (0x803b0013)\n" +
               klog +
               "Error adding default_web-1/6b4d3e2f9fac to network sdnbridge/cbr0: hcnCreateEndpoint "
               "failed in Win32: The specified port already exists. (0x803b0013)\n" +
               klog +
               "Error adding default_web-0/7c5e4f3a0bbd to network sdnbridge/cbr0: hcnCreateEndpoint "
               "failed in Win32: The specified port already exists. (0x803b0013)"
        << QStringList{
               "warning 1-1: HNS refused a request: hcnCreateEndpoint failed: HCN_E_PORT_ALREADY_EXISTS "
               "(0x803B0013), \"The specified port already exists.\"; setting up the network of pods "
               "default/web-0 and default/web-1 (CNI plugin sdnbridge, network cbr0) failed with it (3 "
               "times, lines 1-3)"};
    QTest::newRow("an older kubelet's CNI ADD names no pod; the plugin's error inside its unparsed output")
        << "E0708 14:11:53.813677    4960 cni.go:259] Error adding network: netplugin failed but error "
           "parsing "
           "its diagnostic message \"{\\n    \\\"cniVersion\\\": \\\"0.3.0\\\"\\n}{\\n    \\\"code\\\": "
           "100,\\n    "
           "\\\"msg\\\": \\\"A Compute System with the specified identifier does not exist.\\\"\\n}\": "
           "invalid "
           "character '{' after top-level value"
        << QStringList{
               "warning 1-1: HCS (the compute system service, not HNS) refused a request: set up the "
               "network of a pod failed: HCS_E_SYSTEM_NOT_FOUND (0xC037010E), \"A Compute System with the "
               "specified identifier does not exist.\" (code from the message text)"};
    QTest::newRow("a runtime's error chain as a command prints it, from its start")
        << "failed to destroy network for sandbox \"52ad5623456120333\": plugin type=\"sdnbridge\" "
           "name=\"l2bridge\" failed (delete): The network was not found."
        << QStringList{
               "warning 1-1: tear down the network of a pod sandbox (CNI plugin sdnbridge, network "
               "l2bridge) failed: HCN_E_NETWORK_NOT_FOUND (0x803B0001), \"The network was not found.\" "
               "(code from the message text)"};
    QTest::newRow("an older kubelet's step that names no pod; its reason cut on a word no sentence ends on")
        << "E0108 12:10:35.561080     540 cni.go:310] Error adding network: error while "
           "ProvisionEndpoint(ab12_cbr0,"
           "01FA9118-E56D-4D85-AE5A-86517EFDAA18,ab12): failed to create the new HNSEndpoint: hnsCall failed "
           "in "
           "Win32: The object already exists. (0x1392)\n"
           "E0108 12:10:35.631138     540 cni.go:330] Error deleting network: failed to"
        << QStringList{
               "warning 1-1: HNS refused a request: create endpoint ab12_cbr0 on network "
               "01FA9118-E56D-4D85-AE5A-86517EFDAA18 failed: ERROR_OBJECT_ALREADY_EXISTS (0x80071392), \"The "
               "object already exists.\"; setting up the network of a pod failed with it",
               "warning 2-2: tear down the network of a pod failed: \"failed to\" (cut) (the runtime's or "
               "its "
               "CNI plugin's words; no error code)"};
    const QString degraded = "There was an operation attempted on a degraded object.";
    const QString degradedSaid = "HCN_E_DEGRADED_OPERATION (0x803B0017), \"" + degraded +
                                 "\" (code from the message text); setting up the network of a pod failed "
                                 "with it";
    const QString cniKlog =
        "E1210 10:00:00.000000    1234 cni_windows.go:50] error while adding to cni network: ";
    QTest::newRow("win-bridge's ProvisionEndpoint with a Windows message, the klog header left out")
        << "cni_windows.go:50] error while adding to cni network: error while ProvisionEndpoint: " + degraded
        << QStringList{"warning 1-1: HNS refused a request: create endpoint failed: " + degradedSaid};
    QTest::newRow("win-bridge's ProvisionEndpoint with a Windows message, the error chain alone")
        << "error while adding to cni network: error while ProvisionEndpoint: " + degraded
        << QStringList{"warning 1-1: HNS refused a request: create endpoint failed: " + degradedSaid};
    QTest::newRow("win-bridge's ProvisionEndpoint with a Windows message, in a klog record")
        << cniKlog + "error while ProvisionEndpoint: " + degraded
        << QStringList{"warning 1-1: HNS refused a request: create endpoint failed: " + degradedSaid};
    QTest::newRow("win-bridge's ProvisionEndpoint and its Windows message quoted apart by Go")
        << cniKlog + "error while ProvisionEndpoint\" \"" + degraded + "\""
        << QStringList{"warning 1-1: HNS refused a request: create endpoint failed: " + degradedSaid};
    QTest::newRow("win-bridge's ProvisionEndpoint and a generic Windows message quoted by Go")
        << cniKlog + "error while ProvisionEndpoint \"The parameter is incorrect.\""
        << QStringList{
               "warning 1-1: HNS refused a request: create endpoint failed: E_INVALIDARG (0x80070057), "
               "\"The parameter is incorrect.\" (code from the message text); setting up the network "
               "of a pod failed with it"};
    QTest::newRow("win-bridge's ProvisionEndpoint names its endpoint and network before a Windows message")
        << cniKlog +
               "error while ProvisionEndpoint(ep1_flannel.4096,F8BB52CA-1111-2222-3333-444455556666,"
               "abc123): " +
               degraded
        << QStringList{"warning 1-1: HNS refused a request: create endpoint ep1_flannel.4096 on network "
                       "F8BB52CA-1111-2222-3333-444455556666 failed: " +
                       degradedSaid};
    QTest::newRow("win-bridge's ProvisionEndpoint right before hcsshim's hnsCall")
        << cniKlog +
               "error while ProvisionEndpoint(ep1_flannel.4096,F8BB52CA-1111-2222-3333-444455556666,"
               "abc123): hnsCall failed in Win32: " +
               degraded + " (0x803b0017)"
        << QStringList{"warning 1-1: HNS refused a request: create endpoint ep1_flannel.4096 on network "
                       "F8BB52CA-1111-2222-3333-444455556666 failed: HCN_E_DEGRADED_OPERATION (0x803B0017), "
                       "\"" +
                       degraded + "\"; setting up the network of a pod failed with it"};
    QTest::newRow("win-bridge's ProvisionEndpoint before HNS's own error")
        << cniKlog + "error while ProvisionEndpoint: HNS failed with error : " + degraded
        << QStringList{"warning 1-1: HNS refused a request: create endpoint failed: " + degradedSaid};
    QTest::newRow("an issue's title quoting the headerless klog line of the same failure")
        << "# cni_windows.go:50] error while adding to cni network: error while ProvisionEndpoint\" \"" +
               degraded +
               "\"\n\ncni_windows.go:50] error while adding to cni network: error while "
               "ProvisionEndpoint\" \"" +
               degraded + "\""
        << QStringList{"warning 3-3: HNS refused a request: create endpoint failed: " + degradedSaid +
                       " (also quoted at line 1)"};
    QTest::newRow("win-bridge's ProvisionEndpoint in a structured klog record's err field")
        << "E0108 12:10:35.561080     540 cni.go:310] \"Error adding pod to network\" err=\"error while "
           "ProvisionEndpoint(ab12_cbr0,01FA9118-E56D-4D85-AE5A-86517EFDAA18,ab12): " +
               degraded + "\" pod=\"kube-system/coredns\" networkType=\"win-bridge\" networkName=\"cbr0\""
        << QStringList{
               "warning 1-1: HNS refused a request: create endpoint ab12_cbr0 on network "
               "01FA9118-E56D-4D85-AE5A-86517EFDAA18 failed: HCN_E_DEGRADED_OPERATION (0x803B0017), \"" +
               degraded +
               "\" (code from the message text); setting up the network of pod kube-system/coredns "
               "(CNI plugin win-bridge, network cbr0) failed with it"};
    QTest::newRow("win-bridge's ProvisionEndpoint and its inner endpoint create before a Windows message")
        << "error while adding to cni network: error while "
           "ProvisionEndpoint(ab12_cbr0,01FA9118-E56D-4D85-AE5A-86517EFDAA18,ab12): failed to create the new "
           "HNSEndpoint: The network was not found."
        << QStringList{"warning 1-1: HNS refused a request: create endpoint ab12_cbr0 on network "
                       "01FA9118-E56D-4D85-AE5A-86517EFDAA18 failed: HCN_E_NETWORK_NOT_FOUND (0x803B0001), "
                       "\"The network was not found.\" (code from the message text); setting up the network "
                       "of a pod failed with it"};
    QTest::newRow("another step and a Windows message Go quoted apart: the message's code")
        << cniKlog + "error while attaching the container\" \"The parameter is incorrect.\""
        << QStringList{
               "warning 1-1: set up the network of a pod failed: E_INVALIDARG (0x80070057), \"error "
               "while attaching the container\" \"The parameter is incorrect.\" (code from the message "
               "text)"};
    QTest::newRow("a reason cut where the plugin's output opens: the words before it")
        << event +
               "failed to setup network for sandbox \"4b7e2a19c3d0aa\": netplugin failed but error parsing "
               "its diagnostic message \"{\\n    \\\"cniVersion"
        << QStringList{
               "warning 1-1: set up the network of a pod sandbox failed: \"netplugin failed but error "
               "parsing its diagnostic message\" (the runtime's or its CNI plugin's words; no error code)"};
    QTest::newRow("prose about adding a pod to a network names no step")
        << "E0510 09:12:33.123456    2244 main.go:12] Error adding the pod to network cbr0: "
           "hcnCreateEndpoint "
           "failed in Win32: The specified port already exists. (0x803b0013)"
        << QStringList{};
    QTest::newRow("a teardown whose endpoint HNS does not have is the lookup's")
        << event + "failed to destroy network for sandbox \"4b7e2a19c3d0aa\": plugin type=\"win-bridge\" "
                   "name=\"cbr0\" failed (delete): Endpoint 5d2a1c3b-7e8f-4a9b-8c0d-1e2f3a4b5c6d not found"
        << QStringList{};
    QTest::newRow("prose quoting the runtime's words")
        << "Our runbook says to ignore \"failed to setup network for sandbox abcdef012345: context deadline "
           "exceeded\" during node drain."
        << QStringList{};
    QTest::newRow("a reason with quotes of its own, read whole; its teardown for the same reason once")
        << "  Warning  FailedCreatePodSandBox  2m  kubelet, node9  Failed create pod sandbox: rpc error: "
           "code = "
           "Unknown desc = [failed to set up sandbox container \"5cc13c9870216921\" network for pod "
           "\"web-f8d7\": "
           "NetworkPlugin cni failed to set up pod \"web-f8d7_default\" network: netplugin failed but error "
           "parsing its diagnostic message \"\": unexpected end of JSON input, failed to clean up sandbox "
           "container \"5cc13c9870216921\" network for pod \"web-f8d7\": NetworkPlugin cni failed to "
           "teardown "
           "pod \"web-f8d7_default\" network: netplugin failed but error parsing its diagnostic message "
           "\"\": "
           "unexpected end of JSON input]"
        << QStringList{
               "warning 1-1: set up and tear down the network of pod default/web-f8d7 failed: "
               "\"netplugin failed but error parsing its diagnostic message \"\": unexpected end of JSON "
               "input\" (the runtime's or its CNI plugin's words; no error code)"};
    QTest::newRow("the teardown of the same pod for another reason, said beside")
        << "  Warning  FailedCreatePodSandBox  2m  kubelet  Failed create pod sandbox: rpc error: code = "
           "Unknown desc = [failed to set up sandbox container \"5cc13c9870216921\" network for pod "
           "\"web-f8d7\": "
           "NetworkPlugin cni failed to set up pod \"web-f8d7_default\" network: error adding container to "
           "network \"cbr0\": no IP addresses available, failed to clean up sandbox container "
           "\"5cc13c9870216921\" network for pod \"web-f8d7\": NetworkPlugin cni failed to teardown pod "
           "\"web-f8d7_default\" network: the network is still attached to a compute system]"
        << QStringList{"warning 1-1: set up the network of pod default/web-f8d7 (tearing it down failed too: "
                       "\"the network is still attached to a compute system\") failed: \"error adding "
                       "container to network \"cbr0\": no IP addresses available\" (the runtime's or its CNI "
                       "plugin's words; no error code)"};
    QTest::newRow("kubelet's error quoted in err=, its quotes escaped once")
        << "E0607 10:00:01.000000    1234 remote_runtime.go:116] \"RunPodSandbox from runtime service "
           "failed\" "
           "err=\"rpc error: code = Unknown desc = failed to setup network for sandbox "
           "\\\"3f1c2b3a4d5e6f708192a3b4c5d6e7f8\\\": plugin type=\\\"calico\\\" "
           "name=\\\"k8s-pod-network\\\" "
           "failed (add): error getting ClusterInformation: resource \\\"default\\\" is unauthorized\" "
           "podSandboxConfig=\"&PodSandboxConfig{}\""
        << QStringList{"warning 1-1: set up the network of a pod sandbox (CNI plugin calico, network "
                       "k8s-pod-network) failed: \"error getting ClusterInformation: resource \"default\" is "
                       "unauthorized\" (the runtime's or its CNI plugin's words; no error code)"};
    QTest::newRow("the same error quoted inside a quoted error, its quotes escaped twice: one failure")
        << "E0607 10:00:00.000000    1234 pod_workers.go:951] \"Error syncing pod, skipping\" err=\"failed "
           "to "
           "\\\"CreatePodSandbox\\\" for \\\"web_default(5b1c)\\\" with CreatePodSandboxError: \\\"Failed to "
           "create sandbox for pod \\\\\\\"web_default(5b1c)\\\\\\\": rpc error: code = Unknown desc = "
           "failed "
           "to setup network for sandbox \\\\\\\"3f1c2b3a4d5e6f708192a3b4c5d6e7f8\\\\\\\": plugin "
           "type=\\\\\\\"calico\\\\\\\" name=\\\\\\\"k8s-pod-network\\\\\\\" failed (add): error getting "
           "ClusterInformation: resource \\\\\\\"default\\\\\\\" is unauthorized\\\"\" pod=\"default/web\"\n"
           "E0607 10:00:01.000000    1234 remote_runtime.go:116] \"RunPodSandbox from runtime service "
           "failed\" "
           "err=\"rpc error: code = Unknown desc = failed to setup network for sandbox "
           "\\\"3f1c2b3a4d5e6f708192a3b4c5d6e7f8\\\": plugin type=\\\"calico\\\" "
           "name=\\\"k8s-pod-network\\\" "
           "failed (add): error getting ClusterInformation: resource \\\"default\\\" is unauthorized\""
        << QStringList{"warning 1-1: set up the network of a pod sandbox (CNI plugin calico, network "
                       "k8s-pod-network) failed: \"error getting ClusterInformation: resource \"default\" is "
                       "unauthorized\" (the runtime's or its CNI plugin's words; no error code) (2 times, "
                       "lines 1-2)"};
    QTest::newRow("a teardown in a field escaped twice whose endpoint HNS does not have is the lookup's")
        << "E0607 10:00:00.000000    1234 pod_workers.go:951] \"Error syncing pod, skipping\" err=\"failed "
           "to "
           "\\\"KillPodSandbox\\\" for \\\"web\\\" with KillPodSandboxError: \\\"rpc error: code = Unknown "
           "desc "
           "= failed to destroy network for sandbox \\\\\\\"3f1c2b3a4d5e6f708192a3b4c5d6e7f8\\\\\\\": plugin "
           "type=\\\\\\\"win-bridge\\\\\\\" name=\\\\\\\"cbr0\\\\\\\" failed (delete): Endpoint "
           "5d2a1c3b-7e8f-4a9b-8c0d-1e2f3a4b5c6d not found\\\"\""
        << QStringList{};
    QTest::newRow("prose about setting up networks") << "We failed to setup network for sandbox creation "
                                                        "in our lab, see below."
                                                     << QStringList{};
    // The pod a record's fields name, where no step names it.
    const QString kubelet = "E0510 09:12:33.123456    2244 ";
    QTest::newRow("Calico's fields name the pod and its container")
        << "2020-12-06 01:48:27.185 [ERROR][1276] dataplane_windows.go 575: Unable to hot attach bridge "
           "endpoint [Calico_ep] to host compartment, error: failed during hnsCallRawResponse: hnsCall "
           "failed "
           "in Win32: This endpoint is already attached to the switch. (0x803b0014) "
           "ContainerID=\"1f291782d93c30ee171607c37d811a5180133b176b8e5cb6d96c89605654caac\" "
           "Namespace=\"default\" Pod=\"test-win\" WorkloadEndpoint=\"k8s--windows--1-k8s-test--win-eth0\""
        << QStringList{"warning 1-1: HNS refused a request: hot attach of endpoint Calico_ep to the host "
                       "compartment failed: HCN_E_ENDPOINT_ALREADY_ATTACHED (0x803B0014), \"This endpoint is "
                       "already attached to the switch.\"; the network of pod default/test-win (container "
                       "1f291782d93c) failed with it"};
    QTest::newRow("logrus' bare lower-case fields")
        << "time=\"2024-01-01T00:00:00Z\" level=error msg=\"hcnCreateEndpoint failed in Win32: The specified "
           "port already exists. (0x803b0013)\" namespace=default pod=web-1 containerID=5a3c2f1d8e9b7c6d"
        << QStringList{
               "warning 1-1: HNS refused a request: hcnCreateEndpoint failed: HCN_E_PORT_ALREADY_EXISTS "
               "(0x803B0013), \"The specified port already exists.\"; the network of pod default/web-1 "
               "(container 5a3c2f1d8e9b) failed with it"};
    QTest::newRow("kubelet's sandbox failure names the pod, not its sandbox")
        << kubelet + "kuberuntime_sandbox.go:72] \"Failed to create sandbox for pod\" "
                     "err=\"rpc error: code = Unknown desc = hcnCreateEndpoint failed in "
                     "Win32: The specified port already exists. (0x803b0013)\" "
                     "pod=\"default/web-0\" podUID=\"8f0e1c2d\""
        << QStringList{
               "warning 1-1: HNS refused a request: hcnCreateEndpoint failed: HCN_E_PORT_ALREADY_EXISTS "
               "(0x803B0013), \"The specified port already exists.\"; setting up the network of pod "
               "default/web-0 failed with it"};
    QTest::newRow("an older kubelet names the pod as name_namespace(uid)")
        << "E1205 10:01:02.118230    4120 kuberuntime_sandbox.go:68] CreatePodSandbox for pod "
           "\"web-7d9f_default(8f0e1c2d-aaaa)\" failed: rpc error: code = Unknown desc = hnsCall failed in "
           "Win32: The object already exists. (0x1392)"
        << QStringList{"warning 1-1: HNS refused a request: hnsCall failed: ERROR_OBJECT_ALREADY_EXISTS "
                       "(0x80071392), \"The object already exists.\"; setting up the network of pod "
                       "default/web-7d9f failed with it"};
    QTest::newRow("containerd's sandbox metadata names the pod of the sandbox")
        << containerd +
               "msg=\"RunPodSandbox for &PodSandboxMetadata{Name:web-0,Uid:8f0e1c2d,Namespace:default,"
               "Attempt:0,} failed, error\" error=\"failed to setup network for sandbox "
               "\\\"4e5f01aa7c3b9d2e8f6a1b0c\\\": plugin type=\\\"nat\\\" name=\\\"nat\\\" failed (add): "
               "hcnCreateEndpoint failed in Win32: The specified port already exists. (0x803b0013)\""
        << QStringList{
               "warning 1-1: HNS refused a request: hcnCreateEndpoint failed: HCN_E_PORT_ALREADY_EXISTS "
               "(0x803B0013), \"The specified port already exists.\"; setting up the network of pod "
               "default/web-0 (sandbox 4e5f01aa7c3b) (CNI plugin nat, network nat) failed with it"};
    QTest::newRow("a sandbox named by its pod on one line and alone on the next: once")
        << kubelet +
               "kuberuntime_sandbox.go:72] \"Failed to create sandbox for pod\" err=\"rpc error: code = "
               "Unknown desc = failed to setup network for sandbox \\\"3f1c2b3a4d5e6f708192a3b4\\\": plugin "
               "type=\\\"nat\\\" name=\\\"nat\\\" failed (add): hcnCreateEndpoint failed in Win32: The "
               "specified port already exists. (0x803b0013)\" pod=\"default/web\"\n" +
               kubelet +
               "remote_runtime.go:116] \"RunPodSandbox from runtime service failed\" err=\"rpc error: code = "
               "Unknown desc = failed to setup network for sandbox \\\"3f1c2b3a4d5e6f708192a3b4\\\": plugin "
               "type=\\\"nat\\\" name=\\\"nat\\\" failed (add): hcnCreateEndpoint failed in Win32: The "
               "specified port already exists. (0x803b0013)\""
        << QStringList{
               "warning 1-1: HNS refused a request: hcnCreateEndpoint failed: HCN_E_PORT_ALREADY_EXISTS "
               "(0x803B0013), \"The specified port already exists.\"; setting up the network of pod "
               "default/web (sandbox 3f1c2b3a4d5e) (CNI plugin nat, network nat) failed with it (2 "
               "times, lines 1-2)"};
    QTest::newRow("an older kubelet's step that names no pod, its fields do")
        << "E0708 14:11:53.813677    4960 cni.go:259] Error adding network: failed to create the new "
           "HNSEndpoint: The network was not found. pod=\"default/web-2\""
        << QStringList{"warning 1-1: set up the network of pod default/web-2 failed: HCN_E_NETWORK_NOT_FOUND "
                       "(0x803B0001), \"failed to create the new HNSEndpoint: The network was not found.\" "
                       "(code from the message text)"};
    QTest::newRow("kubelet's sandbox kill names the pod's teardown")
        << kubelet +
               "kuberuntime_manager.go:1047] \"killPodWithSyncResult failed\" err=\"failed to "
               "\\\"KillPodSandbox\\\" for \\\"8f0e1c2d\\\" with KillPodSandboxError: \\\"rpc error: code = "
               "Unknown desc = hnsCall failed in Win32: The endpoint was not found. (0x803b0002)\\\"\" "
               "pod=\"default/web\""
        << QStringList{"warning 1-1: HNS refused a request: hnsCall failed: HCN_E_ENDPOINT_NOT_FOUND "
                       "(0x803B0002), \"The endpoint was not found.\"; tearing down the network of pod "
                       "default/web failed with it"};
    QTest::newRow("the same refusal for two pods Calico names: both named")
        << "2020-12-06 01:48:27.185 [ERROR][1276] dataplane_windows.go 575: Unable to hot attach bridge "
           "endpoint [Calico_ep] to host compartment, error: hnsCall failed in Win32: This endpoint is "
           "already "
           "attached to the switch. (0x803b0014) ContainerID=\"2a291782d93c30ee\" Namespace=\"default\" "
           "Pod=\"test-win2\"\n"
           "2020-12-06 01:48:28.185 [ERROR][1276] dataplane_windows.go 575: Unable to hot attach bridge "
           "endpoint [Calico_ep] to host compartment, error: hnsCall failed in Win32: This endpoint is "
           "already "
           "attached to the switch. (0x803b0014) ContainerID=\"3a291782d93c30ee\" Namespace=\"default\" "
           "Pod=\"test-win3\""
        << QStringList{
               "warning 1-1: HNS refused a request: hot attach of endpoint Calico_ep to the host "
               "compartment failed: HCN_E_ENDPOINT_ALREADY_ATTACHED (0x803B0014), \"This endpoint is "
               "already attached to the switch.\"; the network of pods default/test-win2 (container "
               "2a291782d93c) and default/test-win3 (container 3a291782d93c) failed with it (2 times, "
               "lines 1-2)"};
    // kubectl's event a console or an editor wrapped at about 90 columns: read whole.
    const QString sandboxChain =
        "Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network\n"
        "for sandbox \"1c27f3d6924dc80298273385250f5f19598520eb0a52cdf4898094f6bbf85691\": plugin\n"
        "type=\"azure-vnet\" failed (add): Failed to create endpoint: 1c27f3d6-eth0 due to error:\n";
    const QString addressInvalid =
        "hcnCreateEndpoint failed: HCN_E_ADDR_INVALID_OR_RESERVED (0x803B002F), \"An "
        "address provided is invalid or reserved.\"; setting up the network of pod "
        "sandbox 1c27f3d6924d (CNI plugin azure-vnet) failed with it";
    QTest::newRow("a wrapped event: the sandbox on the lines above HNS's error")
        << sandboxChain +
               "hcnCreateEndpoint failed in Win32: An address provided is invalid or reserved. (0x803b002f)"
        << QStringList{"warning 1-4: HNS refused a request: " + addressInvalid};
    QTest::newRow("a wrapped event: HNS's answer split by the wrap")
        << sandboxChain +
               "hcnCreateEndpoint failed in Win32: An address provided is invalid or reserved. (0x803b002f) "
               "{\"Success\":false,\"Error\":\"An address provided is\n"
               "invalid or reserved. \",\"ErrorCode\":2151350319}"
        << QStringList{"warning 4-5: HNS reported a failure: " + addressInvalid};
    QTest::newRow("a record of its own above the failure names no pod of it")
        << "Calico CNI releasing IP address ContainerID=\"3a291782d93c30ee\" Namespace=\"default\" "
           "Pod=\"web-1\" done ok\n"
           "hcnCreateLoadBalancer failed in Win32: The specified port already exists. (0x803b0013)"
        << QStringList{};
    QTest::newRow("a field naming no pod names none")
        << "time=\"2024-01-01T00:00:00Z\" level=error msg=\"hcnCreateEndpoint failed in Win32: The specified "
           "port already exists. (0x803b0013)\" pod=\"<nil>\""
        << QStringList{};
}

void TestLoggedFailures::saysAPodsNetworkFailed()
{
    QFETCH(QString, text);
    QFETCH(QStringList, messages);
    QCOMPARE(importedMessagesWhere("kubelet.log", text,
                                   [](const QString& m) {
                                       return m.startsWith(QLatin1String("warning")) &&
                                              m.contains(QLatin1String("network of"));
                                   }),
             messages);
}

/// A program a log shows exiting on a fatal line no other finding states: which program, at which line,
/// its message, the same exit again counted; a klog paste cut after a fatal line's time.
void TestLoggedFailures::saysAProgramExited_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("messages"); ///< the warnings saying a program exited

    const QString before = "I1210 13:34:04.945447    7704 net_windows.go:270] Created HNSNetwork with name "
                           "antrea-hnsnetwork id F913FDAA-B623-4BF8-A9A9-27A6882D742F\n";
    QTest::newRow("an agent's start-up failure, twice")
        << "antrea-agent.log"
        << before +
               "F1210 13:34:05.118230    7704 agent.go:112] Error running agent: uplink is not a physical "
               "adapter\n" +
               before +
               "F1210 13:35:05.118230    7704 agent.go:112] Error running agent: uplink is not a physical "
               "adapter"
        << QStringList{
               "warning 2-2: antrea-agent exited at line 2 (a fatal log line): Error running agent: uplink "
               "is not a physical adapter (2 times, lines 2, 4)"};
    QTest::newRow("logrus' fatal level: its msg")
        << "paste.log"
        << "time=\"2026-12-05T10:01:04Z\" level=info msg=\"Starting up\"\ntime=\"2026-12-05T10:01:05Z\" "
           "level=fatal msg=\"The specified service already exists.\""
        << QStringList{
               "warning 2-2: the program that logs line 2 exited there (a fatal log line): The specified "
               "service already exists."};
    QTest::newRow("a klog paste cut after a fatal line's time")
        << "antrea-agent.log" << before + "F1210 13"
        << QStringList{
               "warning 2-2: antrea-agent exited at line 2 (a fatal log line), the paste cut after the "
               "line's time: its message is not in the dump"};
    QTest::newRow("a fatal line whose failure is reported says it there, once")
        << "paste.log"
        << "F1205 10:01:02.118230    4120 server_windows.go:152] hcnCreateLoadBalancer failed in Win32: The "
           "object already exists. (0x1392)"
        << QStringList{};
    QTest::newRow("an info line quoting a fatal one is no exit")
        << "paste.log"
        << "I1205 10:01:02.118230    4120 main.go:52] last run ended with F1205 ... panic: nil map"
        << QStringList{};
    QTest::newRow("logrus' terminal form: the same exit again, its seconds aside")
        << "paste.log"
        << "FATA[0002] Error starting daemon: Error initializing network controller: boom\n"
           "FATA[0005] Error starting daemon: Error initializing network controller: boom"
        << QStringList{
               "warning 1-1: dockerd exited at line 1 (a fatal log line): Error starting daemon: Error "
               "initializing network controller: boom (2 times, lines 1-2)"};
    QTest::newRow("a Go panic raised again while panicking: one exit")
        << "paste.log"
        << "panic: assignment to entry in nil map [recovered]\n\tpanic: assignment to entry in nil map"
        << QStringList{"warning 1-1: the program that logs line 1 exited there (a fatal log line): panic: "
                       "assignment to entry in nil map [recovered]"};
    QTest::newRow("an exit between the lines of another finding")
        << "paste.log"
        << "I1210 13:34:04.000000    5212 hns.go:318] \"Queried load balancers\" count=5\n"
           "F1210 13:34:05.118230    5212 server.go:495] unable to create proxier: no network\n"
           "I1210 13:34:06.000000    5212 hns.go:318] \"Queried load balancers\" count=7"
        << QStringList{"warning 2-2: the program that logs line 2 exited there (a fatal log line): unable to "
                       "create proxier: no network"};
    QTest::newRow("a failure on a fatal line logged twice says the exit itself, each time")
        << "paste.log"
        << "F1205 10:01:02.118230    4120 server_windows.go:152] hcnCreateLoadBalancer failed in Win32: The "
           "object already exists. (0x1392)\nI1205 10:01:03.000000    4120 server.go:1] restarting\n"
           "F1205 10:01:04.118230    4120 server_windows.go:152] hcnCreateLoadBalancer failed in Win32: The "
           "object already exists. (0x1392)"
        << QStringList{};
    QTest::newRow("a command's --log-level=fatal in prose is no exit")
        << "paste.log"
        << "I restarted dockerd --log-level=fatal and it still logs nothing." << QStringList{};
    QTest::newRow("a table row starting like a klog header is no exit")
        << "paste.log"
        << "Code  Day Note\nF1001 12 Fan speed low" << QStringList{};
    QTest::newRow("a JSON record's level key decides, not a level its message quotes")
        << "paste.log"
        << "{\"time\":\"2026-12-05T10:01:04Z\",\"msg\":\"last run ended with "
           "level=fatal\",\"level\":\"info\"}"
        << QStringList{};
    QTest::newRow("a klog message that starts with a number keeps it")
        << "antrea-agent.log"
        << "F0607 09:57:45.645715    1808 agent_windows.go:65] 3 uplinks found on the node, expected 1"
        << QStringList{
               "warning 1-1: antrea-agent exited at line 1 (a fatal log line): 3 uplinks found on the "
               "node, expected 1"};
    QTest::newRow("a number after the time and level is the message's; the times aside, one exit")
        << "paste.log"
        << "2024-05-09T18:41:40Z [FATAL] 3 uplinks found on the node\n"
           "2024-05-09T18:42:40Z [FATAL] 3 uplinks found on the node"
        << QStringList{"warning 1-1: the program that logs line 1 exited there (a fatal log line): 3 uplinks "
                       "found on the node (2 times, lines 1-2)"};
    QTest::newRow("logrus' terminal form with a number: the message's")
        << "paste.log"
        << "FATA[0002] 2 networks named nat found\nFATA[0005] 2 networks named nat found"
        << QStringList{
               "warning 1-1: the program that logs line 1 exited there (a fatal log line): 2 networks "
               "named nat found (2 times, lines 1-2)"};
    QTest::newRow("a cut header that is not the paste's end") << "paste.log"
                                                              << "F1210 13\n" + before << QStringList{};
}

void TestLoggedFailures::saysAProgramExited()
{
    QFETCH(QString, source);
    QFETCH(QString, text);
    QFETCH(QStringList, messages);
    QCOMPARE(importedMessagesWhere(source.toStdString(), text,
                                   [](const QString& m) {
                                       return m.startsWith(QLatin1String("warning")) &&
                                              m.contains(QLatin1String(" (a fatal log line)")) &&
                                              !m.contains(QLatin1String("refused"));
                                   }),
             messages);
}

/// kube-proxy's Windows proxier panicking: a Go trace with frames in its winkernel package, said with
/// the innermost of them and the panic's message, once (not again as a fatal exit); a trace of another
/// program is a fatal exit only.
void TestLoggedFailures::saysKubeProxyPanicked_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("messages"); ///< the warnings of panics and exits

    const QString consequence = "; it exits, and no service on the node is programmed until it is back";
    const QString syncFrames =
        "goroutine 112 [running]:\n"
        "k8s.io/kubernetes/pkg/proxy/winkernel.(*Proxier).syncProxyRules(0xc0000cd500)\n"
        "\t/go/src/k8s.io/kubernetes/pkg/proxy/winkernel/proxier.go:1124 +0x9dc\n"
        "k8s.io/kubernetes/pkg/util/async.(*BoundedFrequencyRunner).tryRun(0xc00028c5a0)\n"
        "\t/go/src/k8s.io/kubernetes/pkg/util/async/bounded_frequency_runner.go:292 +0xbe\n";
    QTest::newRow("Go's panic and its trace")
        << "panic: runtime error: invalid memory address or nil pointer dereference\n"
           "[signal 0xc0000005 code=0x0 addr=0x0 pc=0x1b2c3d]\n\n" +
               syncFrames
        << QStringList{
               "warning 1-8: kube-proxy panicked in its Windows proxier (winkernel "
               "(*Proxier).syncProxyRules, proxier.go:1124): runtime error: invalid memory address or "
               "nil pointer dereference" +
               consequence};
    QTest::newRow("klog's structured panic in its HNS calls")
        << "E0817 10:58:16.091918   11772 panic.go:236] \"Observed a panic\"\n"
           "  panic=\"runtime error: index out of range [0] with length 0\"\n"
           "  panicGoValue=\"runtime.boundsError{x:0, y:0, signed:false, code:0x0}\"\n"
           "  stacktrace=<\n"
           "    k8s.io/kubernetes/pkg/proxy/winkernel.hns.getAllLoadBalancers(...)\n"
           "        /build/kubernetes/pkg/proxy/winkernel/hns.go:352\n"
           "  >\n"
        << QStringList{
               "warning 2-6: kube-proxy panicked in its HNS calls (winkernel hns.getAllLoadBalancers, "
               "hns.go:352): runtime error: index out of range [0] with length 0" +
               consequence};
    QTest::newRow("the tail of a trace, its message above the paste, twice")
        << "\t/go/src/k8s.io/kubernetes/pkg/proxy/winkernel/proxier.go:1124 +0x9dc\n"
           "created by k8s.io/kubernetes/cmd/kube-proxy/app.(*ProxyServer).Run\n"
           "\t/go/src/k8s.io/kubernetes/cmd/kube-proxy/app/server.go:778 +0x855\n\nand again:\n"
           "\t/go/src/k8s.io/kubernetes/pkg/proxy/winkernel/proxier.go:1124 +0x9dc\n"
        << QStringList{"warning 1-3: kube-proxy panicked in its Windows proxier (winkernel proxier.go:1124): "
                       "the panic's message is not in the paste" +
                       consequence + " (2 times, lines 1-3, 6)"};
    QTest::newRow("another program's panic is a fatal exit only")
        << "panic: assignment to entry in nil map\n\ngoroutine 1 [running]:\nmain.main()\n"
           "\t/src/agent/main.go:42 +0x1d\n"
        << QStringList{"warning 1-1: the program that logs line 1 exited there (a fatal log line): panic: "
                       "assignment to entry in nil map"};
    QTest::newRow("prose naming the package is none")
        << "The bug is in pkg/proxy/winkernel, see proxier.go." << QStringList{};
}

void TestLoggedFailures::saysKubeProxyPanicked()
{
    QFETCH(QString, text);
    QFETCH(QStringList, messages);
    QCOMPARE(importedMessagesWhere("paste.log", text,
                                   [](const QString& m) {
                                       return m.startsWith(QLatin1String("warning")) &&
                                              (m.contains(QLatin1String("panicked")) ||
                                               m.contains(QLatin1String("exited")));
                                   }),
             messages);
}

QTEST_GUILESS_MAIN(TestLoggedFailures)
#include "tst_loggedfailures.moc"
