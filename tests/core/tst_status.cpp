// Status and HRESULT text: what ends up in the ErrorRecord out-parameter and in user interfaces.

#include "hcn/hresult.h"
#include "hcn/status.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace hcn;

namespace {

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

} // namespace

class TestStatus : public QObject
{
    Q_OBJECT

private slots:
    void successHasNoErrorRecord_data();
    void successHasNoErrorRecord();
    void errorRecordShape_data();
    void errorRecordShape();
    void errorRecordEscapesDetail();
    void messageJoinsSystemTextAndDetail();
    void resultCarriesValueOrStatus();
    void hresultNames_data();
    void hresultNames();
    void unknownHresult();
};

void TestStatus::successHasNoErrorRecord_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("detail");

    QTest::newRow("default status") << int(hr::Ok) << "";
    QTest::newRow("S_OK with a detail") << int(hr::Ok) << "nothing to say";
    QTest::newRow("S_FALSE-like positive code") << 1 << "";
}

void TestStatus::successHasNoErrorRecord()
{
    QFETCH(int, code);
    QFETCH(QString, detail);

    // hcsshim treats any non-empty ErrorRecord as a failure, even with S_OK.
    const Status status(code, detail.toStdString());
    QVERIFY(status.ok());
    QVERIFY(bool(status));
    QVERIFY(status.errorRecord().empty());
    QVERIFY(Status::success().errorRecord().empty());
}

void TestStatus::errorRecordShape_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("errorPrefix");
    QTest::addColumn<quint32>("errorCode");

    QTest::newRow("observed HNS record for 0x803B002F")
        << int(hr::AddrInvalidOrReserved) << ""
        << "An address provided is invalid or reserved. " << quint32(2151350319u);
    QTest::newRow("detail follows the system text")
        << int(hr::AddrInvalidOrReserved) << "10.0.0.1 is the gateway of 10.0.0.0/24."
        << "An address provided is invalid or reserved. 10.0.0.1 is the gateway" << quint32(0x803B002Fu);
    QTest::newRow("E_INVALIDARG") << int(hr::InvalidArg) << ""
                                  << "The parameter is incorrect. " << quint32(2147942487u);
    QTest::newRow("ERROR_NOT_FOUND as HRESULT") << int(hr::ElementNotFound) << ""
                                                << "Element not found. " << quint32(0x80070490u);
    QTest::newRow("unknown failure code") << int(makeHResult(0x80991234)) << ""
                                          << "The operation failed. " << quint32(0x80991234u);
}

void TestStatus::errorRecordShape()
{
    QFETCH(int, code);
    QFETCH(QString, detail);
    QFETCH(QString, errorPrefix);
    QFETCH(quint32, errorCode);

    const Status status(code, detail.toStdString());
    QVERIFY(!status.ok());
    QCOMPARE(status.code(), code);

    const QByteArray record = QByteArray::fromStdString(status.errorRecord());
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(record, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, record.constData());
    const QJsonObject object = document.object();
    QCOMPARE(object.keys(), (QStringList{"Error", "ErrorCode", "Success"}));
    QCOMPARE(object.value("Success"), QJsonValue(false));
    QVERIFY2(object.value("Error").toString().startsWith(errorPrefix), record.constData());
    QCOMPARE(object.value("Error").toString(), qs(status.message()));

    // ErrorCode is the HRESULT as an unsigned decimal, never negative, never hex.
    const QByteArray expectedCode = "\"ErrorCode\":" + QByteArray::number(errorCode);
    QVERIFY2(record.contains(expectedCode), record.constData());
    // Key order as HNS writes it.
    QVERIFY2(record.startsWith("{\"Success\":false,\"Error\":\""), record.constData());
    QVERIFY2(record.endsWith(expectedCode + "}"), record.constData());
}

void TestStatus::errorRecordEscapesDetail()
{
    const Status status(hr::InvalidJson, "Field \"Name\" has a \\ and a\nnewline");
    const QByteArray record = QByteArray::fromStdString(status.errorRecord());
    const QJsonDocument document = QJsonDocument::fromJson(record);
    QVERIFY2(document.isObject(), record.constData());
    QVERIFY(document.object().value("Error").toString().endsWith("Field \"Name\" has a \\ and a\nnewline"));
}

void TestStatus::messageJoinsSystemTextAndDetail()
{
    QCOMPARE(qs(Status(hr::InvalidIp).message()),
             QString("IP address is either invalid or not part of any configured subnet(s). "));
    QCOMPARE(qs(Status(hr::InvalidIp, "10.9.9.9 is outside 10.0.0.0/24.").message()),
             QString("IP address is either invalid or not part of any configured subnet(s). 10.9.9.9 is "
                     "outside 10.0.0.0/24."));
    QCOMPARE(qs(Status(hr::InvalidIp, "x").detail()), QString("x"));
}

void TestStatus::resultCarriesValueOrStatus()
{
    const Result<int> value(42);
    QVERIFY(value.ok());
    QCOMPARE(*value, 42);
    QVERIFY(value.status().ok());

    const Result<int> failure(Status(hr::NetworkNotFound, "no network"));
    QVERIFY(!failure.ok());
    QCOMPARE(failure.code(), hr::NetworkNotFound);

    // A "failure" built from a success status must still be a failure, with a code that says so.
    const Result<int> misuse(Status::success());
    QVERIFY(!misuse.ok());
    QCOMPARE(misuse.code(), hr::Unexpected);

    // Reading the value of a failure is a reported programming error carrying the status, never
    // undefined behaviour.
    try {
        (void)failure.value();
        QFAIL("value() of a failed result returned");
    } catch (const BadResultAccess& error) {
        QCOMPARE(error.status().code(), hr::NetworkNotFound);
        QVERIFY(std::string(error.what()).find("o network") != std::string::npos);
    }
    QVERIFY_THROWS_EXCEPTION(BadResultAccess, (void)*failure);
    Result<std::string> text(Status(hr::InvalidArg, "bad"));
    QVERIFY_THROWS_EXCEPTION(BadResultAccess, (void)text->size());
}

void TestStatus::hresultNames_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("hex");

    QTest::newRow("S_OK") << int(hr::Ok) << "S_OK"
                          << "0x00000000";
    QTest::newRow("E_INVALIDARG") << int(hr::InvalidArg) << "E_INVALIDARG"
                                  << "0x80070057";
    QTest::newRow("first HCN code") << int(hr::NetworkNotFound) << "HCN_E_NETWORK_NOT_FOUND"
                                    << "0x803B0001";
    QTest::newRow("invalid IP") << int(hr::InvalidIp) << "HCN_E_INVALID_IP"
                                << "0x803B001E";
    QTest::newRow("address reserved") << int(hr::AddrInvalidOrReserved) << "HCN_E_ADDR_INVALID_OR_RESERVED"
                                      << "0x803B002F";
    QTest::newRow("GCN family") << int(hr::GcnModuleNotFound) << "GCN_E_MODULE_NOT_FOUND"
                                << "0x803B0021";
    QTest::newRow("name without _E_")
        << int(hr::InterfaceParametersAlreadyApplied) << "HCN_INTERFACEPARAMETERS_ALREADY_APPLIED"
        << "0x803B0036";
    QTest::newRow("last HCN code") << int(hr::VfpNotAllowed) << "HCN_E_VFP_NOT_ALLOWED"
                                   << "0x803B0037";
}

void TestStatus::hresultNames()
{
    QFETCH(int, code);
    QFETCH(QString, name);
    QFETCH(QString, hex);

    QCOMPARE(qs(hresultName(code)), name);
    QCOMPARE(QString::fromStdString(hresultHex(code)), hex);

    HResult parsed = 12345;
    QVERIFY(hresultFromName(name.toStdString(), parsed));
    QCOMPARE(parsed, code);
    parsed = 12345;
    QVERIFY(hresultFromName(name.toLower().toStdString(), parsed)); // case-insensitive
    QCOMPARE(parsed, code);

    // The hex spelling reads back as the same value.
    bool ok = false;
    QCOMPARE(int(hex.mid(2).toUInt(&ok, 16)), code);
    QVERIFY(ok);
}

void TestStatus::unknownHresult()
{
    const HResult unknown = makeHResult(0x80991234);
    QVERIFY(hresultName(unknown).empty());
    QCOMPARE(QString::fromStdString(hresultHex(unknown)), QString("0x80991234"));
    QCOMPARE(qs(hresultMessage(unknown)), QString("The operation failed. "));

    HResult out = 7;
    QVERIFY(!hresultFromName("HCN_E_NO_SUCH_THING", out));
    QVERIFY(!hresultFromName("", out));
    QVERIFY(!hresultFromName("HCN_E_INVALID_I", out)); // prefixes do not match
    QCOMPARE(out, 7);                                  // untouched on failure
}

QTEST_GUILESS_MAIN(TestStatus)
#include "tst_status.moc"
