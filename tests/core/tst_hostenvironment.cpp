// The simulated host's adapters: built-in default, inline JSON from the environment, or a file.

#include "hcn/host_environment.h"

#include <QtTest>

using namespace hcn;

namespace {

constexpr char kVariable[] = "HCN_SIM_ENVIRONMENT";

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

const char* kTwoAdapters = R"({"adapters":[
    {"name":"Ethernet 2","ipv4":"192.168.5.20/24","ipv6":"fd00:5::20/64","gateway":"192.168.5.1",
     "mac":"00:15:5d:aa:bb:cc"},
    {"name":"Wi-Fi","mac":"02-00-00-00-00-01"}]})";

} // namespace

class TestHostEnvironment : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanupTestCase();

    void defaultHostWhenNothingConfigured();
    void emptyVariableMeansDefaultHost();
    void inlineJsonFromEnvironment();
    void fileTakesPrecedenceOverEnvironment();
    void unreadableFileIsInvalidArg_data();
    void unreadableFileIsInvalidArg();
    void badFileContentNamesThePath();
    void badInlineJsonNamesTheVariable();
    void fromJsonAccepts_data();
    void fromJsonAccepts();
    void fromJsonRejects_data();
    void fromJsonRejects();
    void adapterLookupIgnoresCase();
};

void TestHostEnvironment::init()
{
    qunsetenv(kVariable);
}

void TestHostEnvironment::cleanupTestCase()
{
    qunsetenv(kVariable);
}

void TestHostEnvironment::defaultHostWhenNothingConfigured()
{
    const auto environment = HostEnvironment::load();
    QVERIFY(environment);
    QCOMPARE(environment->adapters.size(), std::size_t(1));
    const HostAdapter& adapter = environment->adapters.front();
    QCOMPARE(qs(adapter.name), QString("Ethernet"));
    QCOMPARE(qs(adapter.mac.toString()), QString("00-0D-3A-10-20-30"));
    QVERIFY(adapter.ipv4);
    QCOMPARE(qs(adapter.ipv4->address().toString()), QString("10.0.0.4"));
    QCOMPARE(adapter.ipv4->length(), 24);
    QVERIFY(adapter.gateway);
    QCOMPARE(qs(adapter.gateway->toString()), QString("10.0.0.1"));
    QVERIFY(!adapter.ipv6);
}

void TestHostEnvironment::emptyVariableMeansDefaultHost()
{
    // CTest runs every suite with HCN_SIM_ENVIRONMENT set but empty.
    qputenv(kVariable, "");
    const auto environment = HostEnvironment::load();
    QVERIFY(environment);
    QCOMPARE(environment->adapters.size(), std::size_t(1));
    QCOMPARE(qs(environment->adapters.front().name), QString("Ethernet"));
}

void TestHostEnvironment::inlineJsonFromEnvironment()
{
    qputenv(kVariable, kTwoAdapters);
    const auto environment = HostEnvironment::load();
    QVERIFY2(environment, qPrintable(qs(environment.status().message())));
    QCOMPARE(environment->adapters.size(), std::size_t(2));

    const HostAdapter& ethernet = environment->adapters[0];
    QCOMPARE(qs(ethernet.name), QString("Ethernet 2"));
    QCOMPARE(qs(ethernet.mac.toString()), QString("00-15-5D-AA-BB-CC"));
    QCOMPARE(qs(ethernet.ipv4->address().toString()), QString("192.168.5.20")); // host bits kept
    QCOMPARE(qs(ethernet.ipv4->toString()), QString("192.168.5.0/24"));
    QCOMPARE(qs(ethernet.ipv6->address().toString()), QString("fd00:5::20"));
    QCOMPARE(ethernet.ipv6->length(), 64);
    QCOMPARE(qs(ethernet.gateway->toString()), QString("192.168.5.1"));

    const HostAdapter& wifi = environment->adapters[1];
    QCOMPARE(qs(wifi.name), QString("Wi-Fi"));
    QVERIFY(!wifi.ipv4);
    QVERIFY(!wifi.ipv6);
    QVERIFY(!wifi.gateway);
}

void TestHostEnvironment::fileTakesPrecedenceOverEnvironment()
{
    qputenv(kVariable, kTwoAdapters);
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write(R"({"adapters":[{"name":"FromFile","mac":"00-11-22-33-44-55","ipv4":"172.20.1.9/16"}]})");
    file.flush();

    const auto environment = HostEnvironment::load(file.fileName().toStdString());
    QVERIFY2(environment, qPrintable(qs(environment.status().message())));
    QCOMPARE(environment->adapters.size(), std::size_t(1));
    QCOMPARE(qs(environment->adapters.front().name), QString("FromFile"));
    QCOMPARE(qs(environment->adapters.front().ipv4->address().toString()), QString("172.20.1.9"));
}

void TestHostEnvironment::unreadableFileIsInvalidArg_data()
{
    QTest::addColumn<QString>("path");

    QTest::newRow("missing file") << QDir::temp().filePath("hcn-no-such-dir/host.json");
    QTest::newRow("directory") << QDir::tempPath();
}

void TestHostEnvironment::unreadableFileIsInvalidArg()
{
    QFETCH(QString, path);

    // A broken file must not silently fall back to the environment or the default host.
    qputenv(kVariable, kTwoAdapters);
    const auto environment = HostEnvironment::load(path.toStdString());
    QVERIFY(!environment);
    QCOMPARE(environment.code(), hr::InvalidArg);
    QVERIFY2(qs(environment.status().detail()).contains(path), qPrintable(qs(environment.status().detail())));
}

void TestHostEnvironment::badFileContentNamesThePath()
{
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write(R"({"adapters":[{"name":"Ethernet","mac":"not-a-mac"}]})");
    file.flush();

    const auto environment = HostEnvironment::load(file.fileName().toStdString());
    QVERIFY(!environment);
    QCOMPARE(environment.code(), hr::InvalidJson);
    const QString detail = qs(environment.status().detail());
    QVERIFY2(detail.contains(file.fileName()), qPrintable(detail));
    QVERIFY2(detail.contains("mac"), qPrintable(detail));
}

void TestHostEnvironment::badInlineJsonNamesTheVariable()
{
    qputenv(kVariable, "{\"adapters\":");
    const auto environment = HostEnvironment::load();
    QVERIFY(!environment);
    QCOMPARE(environment.code(), hr::InvalidJson);
    QVERIFY2(qs(environment.status().detail()).contains(kVariable),
             qPrintable(qs(environment.status().detail())));
}

void TestHostEnvironment::fromJsonAccepts_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<int>("adapterCount");

    QTest::newRow("name and mac only") << R"({"adapters":[{"name":"A","mac":"00-00-00-00-00-01"}]})" << 1;
    QTest::newRow("null optional fields")
        << R"({"adapters":[{"name":"A","mac":"00-00-00-00-00-01","ipv4":null,"ipv6":null,"gateway":null}]})"
        << 1;
    QTest::newRow("ipv6 only with v6 gateway")
        << R"({"adapters":[{"name":"A","mac":"00-00-00-00-00-01","ipv6":"fd00::4/64","gateway":"fd00::1"}]})"
        << 1;
    QTest::newRow("unknown fields are ignored")
        << R"({"adapters":[{"name":"A","mac":"00-00-00-00-00-01","Speed":1000}],"Comment":"lab"})" << 1;
    QTest::newRow("names differing beyond case") << R"({"adapters":[{"name":"A","mac":"00-00-00-00-00-01"},
        {"name":"A2","mac":"00-00-00-00-00-02"}]})"
                                                 << 2;
}

void TestHostEnvironment::fromJsonAccepts()
{
    QFETCH(QString, json);
    QFETCH(int, adapterCount);

    const auto environment = HostEnvironment::fromJson(json.toStdString());
    QVERIFY2(environment, qPrintable(qs(environment.status().message())));
    QCOMPARE(int(environment->adapters.size()), adapterCount);
}

void TestHostEnvironment::fromJsonRejects_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QStringList>("detailMentions");

    QTest::newRow("not JSON") << "{adapters:" << QStringList{"not valid JSON"};
    QTest::newRow("empty text") << "" << QStringList{"not valid JSON"};
    QTest::newRow("root is an array") << "[]" << QStringList{"adapters"};
    QTest::newRow("adapters missing") << "{}" << QStringList{"adapters"};
    QTest::newRow("adapters not an array") << R"({"adapters":{}})" << QStringList{"adapters", "array"};
    QTest::newRow("adapters empty") << R"({"adapters":[]})" << QStringList{"adapters", "at least one"};
    QTest::newRow("adapter not an object") << R"({"adapters":["Ethernet"]})" << QStringList{"adapters[0]"};
    QTest::newRow("name missing") << R"({"adapters":[{"mac":"00-00-00-00-00-01"}]})"
                                  << QStringList{"adapters[0]", "name", "required"};
    QTest::newRow("name empty") << R"({"adapters":[{"name":"","mac":"00-00-00-00-00-01"}]})"
                                << QStringList{"adapters[0]", "name"};
    QTest::newRow("name not a string") << R"({"adapters":[{"name":7,"mac":"00-00-00-00-00-01"}]})"
                                       << QStringList{"adapters[0]", "name", "7"};
    QTest::newRow("mac missing") << R"({"adapters":[{"name":"Ethernet"}]})"
                                 << QStringList{"adapters[0]", "Ethernet", "mac", "required"};
    QTest::newRow("mac invalid") << R"({"adapters":[{"name":"A","mac":"00-00-00-00-00"}]})"
                                 << QStringList{"adapters[0]", "\"A\"", "mac", "00-00-00-00-00"};
    QTest::newRow("mac not a string")
        << R"({"adapters":[{"name":"A","mac":5}]})" << QStringList{"adapters[0]", "mac"};
    QTest::newRow("ipv4 without length")
        << R"({"adapters":[{"name":"A","mac":"00-00-00-00-00-01","ipv4":"10.0.0.4"}]})"
        << QStringList{"adapters[0]", "ipv4", "10.0.0.4"};
    QTest::newRow("ipv4 holds a v6 prefix")
        << R"({"adapters":[{"name":"A","mac":"00-00-00-00-00-01","ipv4":"fd00::4/64"}]})"
        << QStringList{"adapters[0]", "ipv4"};
    QTest::newRow("ipv4 length too long")
        << R"({"adapters":[{"name":"A","mac":"00-00-00-00-00-01","ipv4":"10.0.0.4/33"}]})"
        << QStringList{"adapters[0]", "ipv4"};
    QTest::newRow("ipv4 not a string")
        << R"({"adapters":[{"name":"A","mac":"00-00-00-00-00-01","ipv4":["10.0.0.4/24"]}]})"
        << QStringList{"adapters[0]", "ipv4"};
    QTest::newRow("ipv6 holds a v4 prefix")
        << R"({"adapters":[{"name":"A","mac":"00-00-00-00-00-01","ipv6":"10.0.0.4/24"}]})"
        << QStringList{"adapters[0]", "ipv6"};
    QTest::newRow("gateway invalid")
        << R"({"adapters":[{"name":"A","mac":"00-00-00-00-00-01","ipv4":"10.0.0.4/24","gateway":"10.0.0"}]})"
        << QStringList{"adapters[0]", "gateway", "10.0.0"};
    QTest::newRow("gateway off-link")
        << R"({"adapters":[{"name":"A","mac":"00-00-00-00-00-01","ipv4":"10.0.0.4/24","gateway":"10.9.0.1"}]})"
        << QStringList{"adapters[0]", "gateway", "10.9.0.1"};
    QTest::newRow("v6 gateway without ipv6")
        << R"({"adapters":[{"name":"A","mac":"00-00-00-00-00-01","ipv4":"10.0.0.4/24","gateway":"fd00::1"}]})"
        << QStringList{"adapters[0]", "gateway", "ipv6"};
    QTest::newRow("duplicate name ignoring case")
        << R"({"adapters":[{"name":"Ethernet","mac":"00-00-00-00-00-01"},{"name":"ETHERNET","mac":"00-00-00-00-00-02"}]})"
        << QStringList{"adapters[1]", "ETHERNET", "name", "\"Ethernet\""};
    QTest::newRow("error in second adapter names index 1")
        << R"({"adapters":[{"name":"A","mac":"00-00-00-00-00-01"},{"name":"B","mac":"x"}]})"
        << QStringList{"adapters[1]", "\"B\"", "mac"};
}

void TestHostEnvironment::fromJsonRejects()
{
    QFETCH(QString, json);
    QFETCH(QStringList, detailMentions);

    const auto environment = HostEnvironment::fromJson(json.toStdString());
    QVERIFY(!environment);
    QCOMPARE(environment.code(), hr::InvalidJson);
    const QString message = qs(environment.status().message());
    QVERIFY2(message.startsWith("Invalid JSON document string. "), qPrintable(message));
    const QString detail = qs(environment.status().detail());
    for (const auto& mention : detailMentions)
        QVERIFY2(detail.contains(mention), qPrintable(detail + " -- lacks: " + mention));
}

void TestHostEnvironment::adapterLookupIgnoresCase()
{
    const auto environment = HostEnvironment::fromJson(kTwoAdapters);
    QVERIFY(environment);
    const HostAdapter* wifi = environment->adapter("wi-fi");
    QVERIFY(wifi);
    QCOMPARE(qs(wifi->name), QString("Wi-Fi"));
    QCOMPARE(environment->adapter("ETHERNET 2"), &environment->adapters[0]);
    QCOMPARE(environment->adapter("Ethernet"), nullptr);
    QCOMPARE(environment->adapter(""), nullptr);
}

QTEST_GUILESS_MAIN(TestHostEnvironment)
#include "tst_hostenvironment.moc"
