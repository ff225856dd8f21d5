// EventLogModel, its filter proxy and export: batching (one insert per flush, one removal per trim),
// what each row shows, filters that follow new rows, export of exactly the shown rows, pause and clear.

#include "engine_harness.h"
#include "hcn/embedded_api.h"
#include "models/event_changes.h"
#include "models/event_filter_proxy.h"
#include "models/event_log_export.h"
#include "models/event_log_model.h"
#include "models/event_summary.h"
#include "models/host_mirror.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QDateTime>
#include <QFont>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <utility>

using hcn::Notification;
using hcn::NotificationType;
using hcn::ResourceKind;
using hcn::ui::EventFilterProxy;
using hcn::ui::EventLogExport;
using hcn::ui::EventLogModel;
using hcn::ui::MirrorEvent;

Q_DECLARE_METATYPE(hcn::Notification)

namespace {

QString idFor(quint64 n)
{
    return QStringLiteral("%1-0000-4000-8000-000000000000").arg(n, 8, 16, QLatin1Char('0')).toUpper();
}

Notification makeNotification(quint64 sequence, NotificationType type, const QString& id,
                              const QJsonObject& data, hcn::HResult status = hcn::hr::Ok)
{
    Notification n;
    n.sequence = sequence;
    n.type = type;
    n.status = status;
    const QJsonObject base{{"ID", id}, {"Flags", 0}, {"Data", data}};
    n.data = QJsonDocument(base).toJson(QJsonDocument::Compact).toStdString();
    return n;
}

Notification endpointCreate(quint64 sequence, const QString& name = {})
{
    const QJsonObject data{
        {"Name", name.isEmpty() ? QStringLiteral("ep-%1").arg(sequence) : name},
        {"HostComputeNetwork", idFor(0xABCDEF)},
        {"IpConfigurations",
         QJsonArray{QJsonObject{
             {"IpAddress", QStringLiteral("10.0.%1.%2").arg((sequence / 250) % 250).arg(sequence % 250 + 2)},
             {"PrefixLength", 16}}}}};
    return makeNotification(sequence, NotificationType::EndpointCreate, idFor(sequence), data);
}

/// What the mirror hands the log: the notification read once.
MirrorEvent read(const Notification& notification)
{
    return MirrorEvent::read(notification);
}

QVector<MirrorEvent> endpointCreates(quint64 first, int count)
{
    QVector<MirrorEvent> batch;
    batch.reserve(count);
    for (int i = 0; i < count; ++i)
        batch.append(read(endpointCreate(first + quint64(i))));
    return batch;
}

/// Three kinds of rows to filter: network creates (odd sequences 1..9), endpoint creates with "web"
/// names (2, 4), endpoint deletes with "db" names (6, 8, 10).
QVector<MirrorEvent> mixedBatch()
{
    QVector<MirrorEvent> batch;
    for (quint64 s = 1; s <= 10; ++s) {
        if (s % 2 == 1)
            batch.append(
                read(makeNotification(s, NotificationType::NetworkCreate, idFor(s),
                                      {{"Name", QStringLiteral("net-%1").arg(s)}, {"Type", "NAT"}})));
        else if (s <= 4)
            batch.append(read(endpointCreate(s, QStringLiteral("web-%1").arg(s))));
        else
            batch.append(read(makeNotification(s, NotificationType::EndpointDelete, idFor(s),
                                               {{"Name", QStringLiteral("db-%1").arg(s)}})));
    }
    return batch;
}

QList<quint64> sequencesOf(const QAbstractItemModel& model)
{
    QList<quint64> out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(model.index(row, 0).data(EventLogModel::SequenceRole).toULongLong());
    return out;
}

/// RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks.
QList<QStringList> parseCsv(const QString& text)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            record.append(std::exchange(field, {}));
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            record.append(std::exchange(field, {}));
            records.append(std::exchange(record, {}));
            ++i;
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !record.isEmpty()) {
        record.append(field);
        records.append(record);
    }
    return records;
}

} // namespace

class TestEventLogModel : public QObject
{
    Q_OBJECT
private slots:
    void aBatchOfAThousandIsOneInsert();
    void rowsAppearOnTheTimerWithoutAFlush();
    void trimmingBeyondTheCapacityIsOneRemove();
    void aBatchLargerThanTheCapacityKeepsTheNewest();
    void loweringTheCapacityTrimsAtOnce();
    void rowsShowTheNotification_data();
    void rowsShowTheNotification();
    void timeColumnIsTheLocalReceiveTime();
    void summariesSurviveManyTrims();
    void filterSelectsRows_data();
    void filterSelectsRows();
    void filteredLogTakesNewRowsIncrementally();
    void objectFilterMatchesMirrorNames();
    void csvFieldQuoting_data();
    void csvFieldQuoting();
    void exportCsvEqualsWhatIsShown();
    void exportJsonLinesEqualsWhatIsShown();
    void exportToAnUnwritablePathFailsCleanly();
    void pauseFreezesRowsAndKeepsRecording();
    void pauseKeepsAtMostTheCapacity();
    void clearDropsRowsAndQueue();
    void modifyRowSaysWhatChanged_data();
    void modifyRowSaysWhatChanged();
    void modifyComparesWithTheMirrorsDocument();
    void rowsOfADeletedObjectKeepItsName();
    void failedCallRowShowsTheHResult_data();
    void failedCallRowShowsTheHResult();
    void markerRowsStandOut_data();
    void markerRowsStandOut();
    void typeFilterTakesSeveralTypes();
    void csvCarriesTheDateAndTheObjectId();
    void detailsAreKeptForTheNewestRowsOnly();
};

void TestEventLogModel::aBatchOfAThousandIsOneInsert()
{
    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    model.append(endpointCreates(1, 1000));
    QCOMPARE(model.rowCount(), 0); // queued until the tick
    QCOMPARE(model.pendingCount(), 1000);
    model.flush();

    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 999);
    QCOMPARE(model.rowCount(), 1000);
    QCOMPARE(model.pendingCount(), 0);
    QCOMPARE(model.record(0).sequence, 1u);
    QCOMPARE(model.record(999).sequence, 1000u);
}

void TestEventLogModel::rowsAppearOnTheTimerWithoutAFlush()
{
    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.append(endpointCreates(1, 10));
    model.append(endpointCreates(11, 10));
    QTRY_COMPARE(model.rowCount(), 20);
    QCOMPARE(model.record(19).sequence, 20u);
}

void TestEventLogModel::trimmingBeyondTheCapacityIsOneRemove()
{
    EventLogModel model;
    model.setCapacity(200);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.append(endpointCreates(1, 200));
    model.flush();

    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.append(endpointCreates(201, 120));
    model.flush();

    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 0);
    QCOMPARE(removed.at(0).at(2).toInt(), 119);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), 200);
    QCOMPARE(model.record(0).sequence, 121u);
    QCOMPARE(model.record(199).sequence, 320u);
    QVERIFY(model.summary(0).contains("ep-121"));
}

void TestEventLogModel::aBatchLargerThanTheCapacityKeepsTheNewest()
{
    EventLogModel model;
    model.setCapacity(100);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.append(endpointCreates(1, 50));
    model.flush();
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    model.append(endpointCreates(51, 300));
    model.flush();

    QCOMPARE(removed.count(), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), 100);
    QCOMPARE(model.record(0).sequence, 251u);
    QCOMPARE(model.record(99).sequence, 350u);
    QCOMPARE(model.droppedCount(), 200u); // never shown: older than the newest 100
}

void TestEventLogModel::loweringTheCapacityTrimsAtOnce()
{
    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.append(endpointCreates(1, 1000));
    model.flush();
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.setCapacity(300);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(model.rowCount(), 300);
    QCOMPARE(model.record(0).sequence, 701u);

    model.setCapacity(1); // clamped to the minimum
    QCOMPARE(model.capacity(), EventLogModel::kMinimumCapacity);
    QCOMPARE(model.rowCount(), EventLogModel::kMinimumCapacity);

    // Paused, the rows stay until the log resumes.
    model.setCapacity(1000);
    model.append(endpointCreates(1001, 400));
    model.flush();
    QCOMPARE(model.rowCount(), 500);
    model.setPaused(true);
    model.setCapacity(200);
    QCOMPARE(model.rowCount(), 500);
    model.setPaused(false);
    QCOMPARE(model.rowCount(), 200);
    QCOMPARE(model.record(0).sequence, 1201u);
}

void TestEventLogModel::rowsShowTheNotification_data()
{
    QTest::addColumn<Notification>("notification");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("object");
    QTest::addColumn<QStringList>("summaryParts");
    QTest::addColumn<QString>("shown"); // the Object column: the name the payload gives, else the ID

    const QString net = idFor(0xABCDEF);
    QTest::newRow("network create: name, mode, prefixes")
        << makeNotification(
               1, NotificationType::NetworkCreate, idFor(1),
               {{"Name", "nat"},
                {"Type", "NAT"},
                {"Ipams", QJsonArray{QJsonObject{
                              {"Subnets", QJsonArray{QJsonObject{{"IpAddressPrefix", "172.20.0.0/24"}}}}}}}})
        << "NetworkCreate"
        << "Network" << idFor(1) << QStringList{"nat", "NAT", "172.20.0.0/24"} << QString("nat");
    QTest::newRow("endpoint create: name, network, address")
        << endpointCreate(7, "web") << "EndpointCreate"
        << "Endpoint" << idFor(7) << QStringList{"web", net.left(8), "10.0.0.9"} << QString("web");
    QTest::newRow("endpoint delete: name and network")
        << makeNotification(3, NotificationType::EndpointDelete, idFor(3),
                            {{"Name", "db"}, {"HostComputeNetwork", net}})
        << "EndpointDelete"
        << "Endpoint" << idFor(3) << QStringList{"db", net.left(8)} << QString("db");
    QTest::newRow("policy on a network: kind from the payload")
        << makeNotification(4, NotificationType::PolicyCreate, idFor(4),
                            {{"ObjectId", idFor(4)},
                             {"ObjectType", "Network"},
                             {"RequestType", "Add"},
                             {"Policies", QJsonArray{QJsonObject{{"Type", "OutBoundNAT"}}}}})
        << "PolicyCreate"
        << "Network" << idFor(4) << QStringList{"Add", "OutBoundNAT"} << QString(idFor(4));
    QTest::newRow("endpoint attached: namespace and network")
        << makeNotification(5, NotificationType::NetworkEndpointAttached, idFor(5),
                            {{"NetworkId", net}, {"NamespaceId", idFor(0x77)}})
        << "NetworkEndpointAttached"
        << "Endpoint" << idFor(5) << QStringList{idFor(0x77).left(8), net.left(8)} << QString(idFor(5));
    QTest::newRow("failed change shows the HRESULT name")
        << makeNotification(6, NotificationType::NetworkModify, idFor(6), {{"Name", "x"}},
                            hcn::hr::InvalidArg)
        << "NetworkModify"
        << "Network" << idFor(6) << QStringList{"E_INVALIDARG", "x"} << QString("x");
    QTest::newRow("guest network service modify: the service's kind and name")
        << makeNotification(11, NotificationType::GuestNetworkServiceModify, idFor(11),
                            {{"Name", "wsl"}, {"State", 3}})
        << "GuestNetworkServiceModify"
        << "Guest network service" << idFor(11) << QStringList{"wsl"} << QString("wsl");
    Notification disconnect;
    disconnect.sequence = 8;
    disconnect.type = NotificationType::ServiceDisconnect;
    QTest::newRow("service disconnect has no object") << disconnect << "ServiceDisconnect"
                                                      << ""
                                                      << "" << QStringList{"lost"} << QString("");
    Notification malformed;
    malformed.sequence = 9;
    malformed.type = NotificationType::NamespaceCreate;
    malformed.data = "{\"ID\": ";
    QTest::newRow("malformed payload is reported, not dropped")
        << malformed << "NamespaceCreate"
        << "Namespace"
        << "" << QStringList{"Malformed"} << QString("");
    Notification flagged = endpointCreate(10, "flagged");
    flagged.type = NotificationType(std::uint32_t(NotificationType::EndpointCreate) | 0x10000000u);
    QTest::newRow("reserved flag bits are masked off")
        << flagged << "EndpointCreate"
        << "Endpoint" << idFor(10) << QStringList{"flagged"} << QString("flagged");
}

void TestEventLogModel::rowsShowTheNotification()
{
    QFETCH(Notification, notification);
    QFETCH(QString, type);
    QFETCH(QString, kind);
    QFETCH(QString, object);
    QFETCH(QStringList, summaryParts);
    QFETCH(QString, shown);

    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.append({read(notification)});
    model.flush();
    QCOMPARE(model.rowCount(), 1);
    auto text = [&](int column) { return model.index(0, column).data().toString(); };
    QCOMPARE(text(EventLogModel::SequenceColumn), QString::number(notification.sequence));
    QCOMPARE(text(EventLogModel::TypeColumn), type);
    QCOMPARE(text(EventLogModel::KindColumn), kind);
    // IDs are compared as GUIDs: v2 notifications spell them in lower case, the console keys them in upper.
    QCOMPARE(text(EventLogModel::ObjectColumn).toUpper(), shown.toUpper());
    QCOMPARE(model.index(0, 0).data(EventLogModel::ObjectIdRole).toString().toUpper(), object.toUpper());
    for (const QString& part : summaryParts)
        QVERIFY2(text(EventLogModel::SummaryColumn).contains(part),
                 qPrintable(text(EventLogModel::SummaryColumn) + " lacks " + part));
    // Rows are coloured by kind.
    QCOMPARE(model.index(0, EventLogModel::KindColumn).data(Qt::ForegroundRole).value<QColor>(),
             EventLogModel::kindColor(ResourceKind(model.index(0, 0).data(EventLogModel::KindRole).toInt())));
}

void TestEventLogModel::timeColumnIsTheLocalReceiveTime()
{
    EventLogModel model;
    const QDateTime received = QDateTime::fromString("2026-03-04T05:06:07.089Z", Qt::ISODateWithMs);
    model.append(endpointCreates(1, 1), received.toMSecsSinceEpoch());
    model.flush();
    QCOMPARE(model.index(0, EventLogModel::TimeColumn).data().toString(),
             received.toLocalTime().toString("HH:mm:ss.zzz"));
}

void TestEventLogModel::summariesSurviveManyTrims()
{
    // Far more text than one store chunk passes through a small log: the kept rows must still read
    // their own summaries after the chunks before them were freed.
    EventLogModel model;
    model.setCapacity(1000);
    const QString longName = QString(180, QLatin1Char('x'));
    quint64 sequence = 1;
    for (int round = 0; round < 20; ++round) {
        QVector<MirrorEvent> batch;
        for (int i = 0; i < 2000; ++i, ++sequence)
            batch.append(read(endpointCreate(sequence, longName + QString::number(sequence))));
        model.append(batch);
        model.flush();
    }
    QCOMPARE(model.rowCount(), 1000);
    for (int row : {0, 1, 499, 999}) {
        const quint64 s = model.record(row).sequence;
        QVERIFY2(model.summary(row).startsWith(longName + QString::number(s) + " on "),
                 qPrintable(model.summary(row)));
    }
    QVERIFY(model.memoryBytes() < 4 * 1024 * 1024);
}

void TestEventLogModel::filterSelectsRows_data()
{
    QTest::addColumn<int>("type"); // -1: all
    QTest::addColumn<QString>("object");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<quint64>>("expected");

    QTest::newRow("no filter shows everything") << -1 << ""
                                                << "" << QList<quint64>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    QTest::newRow("type") << int(NotificationType::EndpointDelete) << ""
                          << "" << QList<quint64>{6, 8, 10};
    QTest::newRow("object ID prefix, any case")
        << -1 << idFor(3).left(8).toLower() << "" << QList<quint64>{3};
    QTest::newRow("object ID in braces") << -1 << "{" + idFor(4) + "}"
                                         << "" << QList<quint64>{4};
    QTest::newRow("text in summary, any case") << -1 << ""
                                               << "WEB" << QList<quint64>{2, 4};
    QTest::newRow("type and text together") << int(NotificationType::NetworkCreate) << ""
                                            << "net-" << QList<quint64>{1, 3, 5, 7, 9};
    QTest::newRow("nothing matches") << int(NotificationType::EndpointDelete) << ""
                                     << "web" << QList<quint64>{};
}

void TestEventLogModel::filterSelectsRows()
{
    QFETCH(int, type);
    QFETCH(QString, object);
    QFETCH(QString, text);
    QFETCH(QList<quint64>, expected);

    EventLogModel model;
    EventFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.append(mixedBatch());
    model.flush();

    if (type >= 0)
        proxy.setTypeFilter(NotificationType(type));
    proxy.setObjectFilter(object);
    proxy.setTextFilter(text);
    QCOMPARE(sequencesOf(proxy), expected);

    proxy.setTypeFilter(std::nullopt);
    proxy.setObjectFilter({});
    proxy.setTextFilter({});
    QCOMPARE(proxy.rowCount(), 10);
}

void TestEventLogModel::filteredLogTakesNewRowsIncrementally()
{
    EventLogModel model;
    model.setCapacity(100);
    EventFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setTypeFilter(NotificationType::NetworkCreate);
    model.append(mixedBatch());
    model.flush();
    QCOMPARE(proxy.rowCount(), 5);

    QSignalSpy inserted(&proxy, &QAbstractItemModel::rowsInserted);
    QSignalSpy resets(&proxy, &QAbstractItemModel::modelReset);
    QSignalSpy layouts(&proxy, &QAbstractItemModel::layoutChanged);
    QVector<MirrorEvent> more = endpointCreates(11, 95); // pushes the first 5 rows out
    more.append(read(makeNotification(106, NotificationType::NetworkCreate, idFor(106), {{"Name", "late"}})));
    model.append(more);
    model.flush();

    // Only the new matching row was added; the existing ones were not re-filtered wholesale.
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(layouts.count(), 0);
    QCOMPARE(sequencesOf(proxy), (QList<quint64>{7, 9, 106}));
}

void TestEventLogModel::objectFilterMatchesMirrorNames()
{
    auto api = std::make_shared<hcn::EmbeddedApi>();
    hcn::ui::HostMirror mirror;
    HCN_VERIFY_OK(mirror.attach(api));
    EventLogModel model(&mirror);
    EventFilterProxy proxy;
    proxy.setSourceModel(&model);
    QObject::connect(&mirror, &hcn::ui::HostMirror::notificationsArrived, &model,
                     qOverload<const QVector<MirrorEvent>&>(&EventLogModel::append));

    for (const char* name : {"frontend", "backend"}) {
        auto handle =
            api->create(ResourceKind::Network, hcn::Guid(),
                        hcntest::natNetwork(name, name[0] == 'f' ? "172.20.0.0/24" : "172.21.0.0/24",
                                            name[0] == 'f' ? "172.20.0.1" : "172.21.0.1")
                            .dump(),
                        0);
        HCN_VERIFY_OK(handle);
        (void)api->close(ResourceKind::Network, *handle);
    }
    api->engine().drainNotifications();
    mirror.flushPending();
    model.flush();
    QVERIFY(model.rowCount() >= 4); // PreCreate + Create per network

    proxy.setObjectFilter("FRONT");
    QVERIFY(proxy.rowCount() >= 2);
    for (int row = 0; row < proxy.rowCount(); ++row)
        QCOMPARE(proxy.index(row, EventLogModel::ObjectColumn).data().toString(), QString("frontend"));
}

void TestEventLogModel::csvFieldQuoting_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain stays bare") << "abc"
                                      << "abc";
    QTest::newRow("empty stays bare") << ""
                                      << "";
    QTest::newRow("comma is quoted") << "a,b"
                                     << "\"a,b\"";
    QTest::newRow("quote is doubled") << "say \"hi\""
                                      << "\"say \"\"hi\"\"\"";
    QTest::newRow("line break is quoted") << "a\nb"
                                          << "\"a\nb\"";
    QTest::newRow("carriage return is quoted") << "a\rb"
                                               << "\"a\rb\"";
}

void TestEventLogModel::csvFieldQuoting()
{
    QFETCH(QString, field);
    QFETCH(QString, expected);
    QCOMPARE(EventLogExport::csvField(field), expected);
}

void TestEventLogModel::exportCsvEqualsWhatIsShown()
{
    EventLogModel model;
    EventFilterProxy proxy;
    proxy.setSourceModel(&model);
    QVector<MirrorEvent> batch = mixedBatch();
    batch.append(read(endpointCreate(11, "web \"quoted\", with comma")));
    model.append(batch);
    model.flush();
    proxy.setTextFilter("web");
    QCOMPARE(proxy.rowCount(), 3);

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QCOMPARE(EventLogExport::write(proxy, EventLogExport::Format::Csv, buffer), QString());
    const QList<QStringList> records = parseCsv(QString::fromUtf8(buffer.data()));

    QCOMPARE(records.size(), proxy.rowCount() + 1);
    // The shown columns, the time of day as a full ISO 8601 date and time, the object's ID after it.
    QStringList header;
    for (int column = 0; column < EventLogModel::ColumnCount; ++column) {
        header.append(column == EventLogModel::TimeColumn
                          ? QString("Date and time")
                          : proxy.headerData(column, Qt::Horizontal).toString());
        if (column == EventLogModel::ObjectColumn)
            header.append("Object ID");
    }
    QCOMPARE(records.at(0), header);
    for (int row = 0; row < proxy.rowCount(); ++row) {
        QStringList shown;
        for (int column = 0; column < EventLogModel::ColumnCount; ++column) {
            const QModelIndex index = proxy.index(row, column);
            shown.append(
                column == EventLogModel::TimeColumn
                    ? EventLogModel::dateTimeText(index.data(EventLogModel::ReceivedRole).toLongLong())
                    : index.data().toString());
            if (column == EventLogModel::ObjectColumn)
                shown.append(index.data(EventLogModel::ObjectIdRole).toString());
        }
        QCOMPARE(records.at(row + 1), shown);
    }
    QVERIFY(records.last().last().contains("web \"quoted\", with comma"));
}

void TestEventLogModel::exportJsonLinesEqualsWhatIsShown()
{
    EventLogModel model;
    EventFilterProxy proxy;
    proxy.setSourceModel(&model);
    model.append(mixedBatch());
    model.flush();
    proxy.setTypeFilter(NotificationType::EndpointDelete);

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QCOMPARE(EventLogExport::write(proxy, EventLogExport::Format::JsonLines, buffer), QString());
    const QList<QByteArray> lines = buffer.data().split('\n');
    QCOMPARE(lines.size(), proxy.rowCount() + 1); // every line ends in \n
    QVERIFY(lines.last().isEmpty());

    const char* keys[] = {"time", "sequence", "type", "object", "kind", "summary"};
    for (int row = 0; row < proxy.rowCount(); ++row) {
        QJsonParseError error;
        const QJsonObject object = QJsonDocument::fromJson(lines.at(row), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        for (int column = 0; column < EventLogModel::ColumnCount; ++column) {
            const QString shown = proxy.index(row, column).data().toString();
            const QJsonValue value = object.value(keys[column]);
            QCOMPARE(column == EventLogModel::SequenceColumn ? QString::number(value.toInteger())
                                                             : value.toString(),
                     shown);
        }
        QCOMPARE(object.value("objectId").toString(),
                 proxy.index(row, 0).data(EventLogModel::ObjectIdRole).toString());
        const QDateTime at = QDateTime::fromString(object.value("receivedAt").toString(), Qt::ISODateWithMs);
        QVERIFY(at.isValid());
        QCOMPARE(at.toMSecsSinceEpoch(), proxy.index(row, 0).data(EventLogModel::ReceivedRole).toLongLong());
    }
}

void TestEventLogModel::exportToAnUnwritablePathFailsCleanly()
{
    EventLogModel model;
    model.append(mixedBatch());
    model.flush();
    const QString error =
        EventLogExport::writeFile(model, EventLogExport::Format::Csv, "/nonexistent-dir/events.csv");
    QVERIFY(!error.isEmpty());
    QVERIFY(!QFile::exists("/nonexistent-dir/events.csv"));

    EventLogExport::Format format;
    QVERIFY(!EventLogExport::formatForFileName("events.txt", &format));
    QVERIFY(EventLogExport::formatForFileName("events.JSONL", &format));
    QCOMPARE(format, EventLogExport::Format::JsonLines);
}

void TestEventLogModel::pauseFreezesRowsAndKeepsRecording()
{
    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.append(endpointCreates(1, 10));
    model.flush();

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.setPaused(true);
    model.append(endpointCreates(11, 30));
    model.flush(); // a paused log does not take rows, not even when asked to
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.pendingCount(), 30);
    QCOMPARE(inserted.count(), 0);

    model.setPaused(false);
    QTRY_COMPARE(model.rowCount(), 40);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.record(39).sequence, 40u);
}

void TestEventLogModel::pauseKeepsAtMostTheCapacity()
{
    EventLogModel model;
    model.setCapacity(100);
    model.append(endpointCreates(1, 50));
    model.flush();
    model.setPaused(true);
    for (quint64 first = 51; first < 351; first += 100)
        model.append(endpointCreates(first, 100));
    QCOMPARE(model.pendingCount(), 100);
    QCOMPARE(model.droppedCount(), 200u);
    QCOMPARE(model.rowCount(), 50);

    model.setPaused(false);
    model.flush();
    // Exactly what an unpaused log would hold: the newest 100.
    QCOMPARE(model.rowCount(), 100);
    QCOMPARE(model.record(0).sequence, 251u);
    QCOMPARE(model.record(99).sequence, 350u);
}

void TestEventLogModel::clearDropsRowsAndQueue()
{
    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.append(endpointCreates(1, 100));
    model.flush();
    model.setPaused(true);
    model.append(endpointCreates(101, 100));
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.clear();
    QCOMPARE(resets.count(), 1);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.pendingCount(), 0);
    model.setPaused(false);
    model.flush();
    QCOMPARE(model.rowCount(), 0);

    model.append(endpointCreates(201, 5));
    model.flush();
    QCOMPARE(model.rowCount(), 5);
    QVERIFY(model.summary(0).contains("ep-201"));
}

namespace {

QJsonObject portMapping(int external, int internal)
{
    return QJsonObject{
        {"Type", "PortMapping"},
        {"Settings", QJsonObject{{"Protocol", 6}, {"InternalPort", internal}, {"ExternalPort", external}}}};
}

QJsonObject endpointDocument(const QString& ip, const QJsonArray& policies = {})
{
    QJsonObject doc{{"Name", "web"},
                    {"HostComputeNetwork", idFor(0xABCDEF)},
                    {"IpConfigurations", QJsonArray{QJsonObject{{"IpAddress", ip}, {"PrefixLength", 24}}}}};
    if (!policies.isEmpty())
        doc.insert("Policies", policies);
    return doc;
}

/// A real engine behind a mirror, the log following the mirror as the dock does.
struct LiveHost
{
    std::shared_ptr<hcn::EmbeddedApi> api = std::make_shared<hcn::EmbeddedApi>();
    hcn::ui::HostMirror mirror;
    std::unique_ptr<EventLogModel> model;

    LiveHost()
    {
        if (!mirror.attach(api).ok())
            qFatal("attach failed");
        model = std::make_unique<EventLogModel>(&mirror);
        QObject::connect(&mirror, &hcn::ui::HostMirror::notificationsArrived, model.get(),
                         qOverload<const QVector<MirrorEvent>&>(&EventLogModel::append));
    }
    void settle()
    {
        api->engine().drainNotifications();
        mirror.flushPending();
        model->flush();
    }
    QString idOf(ResourceKind kind, hcn::Handle handle)
    {
        auto id = api->handleId(kind, handle);
        (void)api->close(kind, handle);
        return QString::fromStdString(id->toString(hcn::GuidCase::Upper));
    }
    QString network(const std::string& name)
    {
        auto handle = api->create(ResourceKind::Network, hcn::Guid(),
                                  hcntest::natNetwork(name, "172.20.0.0/24", "172.20.0.1").dump(), 0);
        return handle.ok() ? idOf(ResourceKind::Network, *handle) : QString();
    }
    QString endpoint(const QString& networkId, const QString& name)
    {
        auto network = api->open(ResourceKind::Network, *hcn::Guid::parse(networkId.toStdString()));
        const QJsonObject doc{{"SchemaVersion", QJsonObject{{"Major", 2}, {"Minor", 0}}},
                              {"Name", name},
                              {"HostComputeNetwork", networkId}};
        auto handle = api->create(ResourceKind::Endpoint, {},
                                  QJsonDocument(doc).toJson(QJsonDocument::Compact).toStdString(), *network);
        (void)api->close(ResourceKind::Network, *network);
        return handle.ok() ? idOf(ResourceKind::Endpoint, *handle) : QString();
    }
    bool modify(ResourceKind kind, const QString& id, const QString& request)
    {
        auto handle = api->open(kind, *hcn::Guid::parse(id.toStdString()));
        const bool ok = handle.ok() && api->modify(kind, *handle, request.toStdString()).ok();
        if (handle.ok())
            (void)api->close(kind, *handle);
        return ok;
    }
    bool remove(ResourceKind kind, const QString& id)
    {
        return api->remove(kind, *hcn::Guid::parse(id.toStdString())).ok();
    }
    /// Rows (of the log) about `id`.
    QList<int> rowsOf(const QString& id) const
    {
        QList<int> rows;
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->index(row, 0)
                    .data(EventLogModel::ObjectIdRole)
                    .toString()
                    .compare(id, Qt::CaseInsensitive) == 0)
                rows.append(row);
        return rows;
    }
};

} // namespace

void TestEventLogModel::modifyRowSaysWhatChanged_data()
{
    QTest::addColumn<QJsonObject>("before");
    QTest::addColumn<QJsonObject>("after");
    QTest::addColumn<QStringList>("changes");

    QTest::newRow("a port mapping's external port")
        << endpointDocument("10.0.0.5", {portMapping(9090, 80)})
        << endpointDocument("10.0.0.5", {portMapping(9091, 80)}) << QStringList{"ExternalPort 9090 → 9091"};
    QTest::newRow("a port mapping added")
        << endpointDocument("10.0.0.5") << endpointDocument("10.0.0.5", {portMapping(8080, 80)})
        << QStringList{"Policies: +PortMapping TCP 8080 → 80"};
    QTest::newRow("a port mapping removed beside one kept")
        << endpointDocument("10.0.0.5", {portMapping(8080, 80), portMapping(8443, 443)})
        << endpointDocument("10.0.0.5", {portMapping(8080, 80)})
        << QStringList{"Policies: −PortMapping TCP 8443 → 443"};
    QTest::newRow("the IP address") << endpointDocument("10.0.0.5") << endpointDocument("10.0.0.6")
                                    << QStringList{"IpAddress 10.0.0.5 → 10.0.0.6"};
    QJsonObject renamed = endpointDocument("10.0.0.5");
    renamed.insert("Name", "web-2");
    renamed.insert("MacAddress", "00-15-5D-00-00-01");
    QTest::newRow("two members: one line each")
        << endpointDocument("10.0.0.5") << renamed
        << QStringList{"+MacAddress 00-15-5D-00-00-01", "Name web → web-2"};
    QJsonObject many = endpointDocument("10.0.0.6", {portMapping(8080, 80)});
    many.insert("Name", "web-2");
    many.insert("MacAddress", "00-15-5D-00-00-01");
    many.insert("Flags", 1);
    QTest::newRow("five changes: the line names four and counts the rest")
        << endpointDocument("10.0.0.5") << many
        << QStringList{"+Flags 1", "IpAddress 10.0.0.5 → 10.0.0.6", "+MacAddress 00-15-5D-00-00-01",
                       "Name web → web-2", "Policies: +PortMapping TCP 8080 → 80"};
}

void TestEventLogModel::modifyRowSaysWhatChanged()
{
    QFETCH(QJsonObject, before);
    QFETCH(QJsonObject, after);
    QFETCH(QStringList, changes);

    // The create and the modify in one batch: the create's document is the modify's previous one.
    EventLogModel model;
    model.append({read(makeNotification(1, NotificationType::EndpointCreate, idFor(1), before)),
                  read(makeNotification(2, NotificationType::EndpointModify, idFor(1), after))});
    model.flush();
    QCOMPARE(model.rowCount(), 2);
    const QString summary = model.index(1, EventLogModel::SummaryColumn).data().toString();
    const int inLine = hcn::ui::EventChanges::kMaxInLine;
    const QString line = changes.size() <= inLine ? changes.join("; ")
                                                  : changes.mid(0, inLine).join("; ") +
                                                        QString("; and %1 more").arg(changes.size() - inLine);
    QVERIFY2(summary.startsWith(line + " · "), qPrintable(summary));
    QCOMPARE(model.details(1).changes, changes);
    QVERIFY(model.details(1).comparable);
    // The create has nothing to compare with.
    QVERIFY(model.details(0).changes.isEmpty());
    QVERIFY(!model.details(0).comparable);
}

void TestEventLogModel::modifyComparesWithTheMirrorsDocument()
{
    LiveHost host;
    const QString network = host.network("nat");
    const QString web = host.endpoint(network, "web");
    QVERIFY(!web.isEmpty());
    host.settle();
    const int before = host.model->rowCount();

    // A later batch: the previous document is the mirror's copy, no query.
    QVERIFY(host.modify(ResourceKind::Endpoint, web,
                        R"({"ResourceType":"Policy","RequestType":"Add","Settings":{"Policies":[
                            {"Type":"PortMapping","Settings":{"Protocol":6,"InternalPort":80,"ExternalPort":8080}}]}})"));
    host.settle();
    QVERIFY(host.model->rowCount() > before);
    QStringList summaries;
    for (int row = before; row < host.model->rowCount(); ++row)
        summaries.append(host.model->index(row, EventLogModel::SummaryColumn).data().toString());
    QVERIFY2(summaries.filter("Policies: +PortMapping TCP 8080 → 80").size() >= 1,
             qPrintable(summaries.join('\n')));
}

void TestEventLogModel::rowsOfADeletedObjectKeepItsName()
{
    LiveHost host;
    const QString network = host.network("nat");
    const QString web = host.endpoint(network, "web");
    host.settle();
    QVERIFY(host.remove(ResourceKind::Endpoint, web));
    host.settle();
    QVERIFY(!host.mirror.object(web)); // gone from the host

    const QList<int> rows = host.rowsOf(web);
    QVERIFY(rows.size() >= 2); // create ... delete
    for (int row : rows) {
        QCOMPARE(host.model->index(row, EventLogModel::ObjectColumn).data().toString(), QString("web"));
        QVERIFY(host.model->index(row, EventLogModel::ObjectColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(web, Qt::CaseInsensitive));
    }
}

void TestEventLogModel::failedCallRowShowsTheHResult_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<qint32>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QStringList>("parts");

    QTest::newRow("access denied") << "Create endpoint" << qint32(hcn::hr::AccessDenied)
                                   << "The service refused the call."
                                   << QStringList{"Create endpoint", "E_ACCESSDENIED", "0x80070005",
                                                  "The service refused the call."};
    QTest::newRow("invalid argument")
        << "Modify network nat" << qint32(hcn::hr::InvalidArg) << "Settings.Flags: not a number"
        << QStringList{"Modify network nat", "E_INVALIDARG", "0x80070057", "Settings.Flags: not a number"};
    QTest::newRow("unknown code: its hex")
        << "Delete endpoint" << qint32(0x803B00FF) << "" << QStringList{"Delete endpoint", "0x803B00FF"};
}

void TestEventLogModel::failedCallRowShowsTheHResult()
{
    QFETCH(QString, action);
    QFETCH(qint32, code);
    QFETCH(QString, message);
    QFETCH(QStringList, parts);

    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.append({read(endpointCreate(1))});
    model.appendFailedCall(action, hcn::Status(hcn::HResult(code), message.toStdString()));
    model.flush();
    QCOMPARE(model.rowCount(), 2); // in the order they happened
    QCOMPARE(model.index(1, EventLogModel::TypeColumn).data().toString(), QString("Call failed"));
    QCOMPARE(model.index(1, EventLogModel::SequenceColumn).data().toString(), QString());
    const QString summary = model.index(1, EventLogModel::SummaryColumn).data().toString();
    for (const QString& part : parts)
        QVERIFY2(summary.contains(part, Qt::CaseInsensitive), qPrintable(summary + " lacks " + part));
    QCOMPARE(model.index(1, EventLogModel::SummaryColumn).data(Qt::ForegroundRole).value<QColor>(),
             QColor(0xd6, 0x27, 0x28));
    QVERIFY(model.details(1).payload.contains(action));
}

void TestEventLogModel::markerRowsStandOut_data()
{
    QTest::addColumn<int>("marker");
    QTest::addColumn<QString>("type");
    QTest::newRow("host opened") << int(hcn::ui::EventMarker::HostOpened) << "Host opened";
    QTest::newRow("disconnected") << int(hcn::ui::EventMarker::Disconnected) << "Disconnected";
    QTest::newRow("reconnected") << int(hcn::ui::EventMarker::Reconnected) << "Reconnected";
    QTest::newRow("events missed") << int(hcn::ui::EventMarker::EventsMissed) << "Events missed";
    QTest::newRow("resynchronized") << int(hcn::ui::EventMarker::Resynced) << "Resynchronized";
}

void TestEventLogModel::markerRowsStandOut()
{
    QFETCH(int, marker);
    QFETCH(QString, type);

    EventLogModel model;
    model.append({read(endpointCreate(1))});
    model.appendMarker(hcn::ui::EventMarker(marker), "Showing the scenario lab.json");
    model.flush();
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1, EventLogModel::TypeColumn).data().toString(), type);
    QCOMPARE(model.index(1, EventLogModel::SummaryColumn).data().toString(),
             QString("Showing the scenario lab.json"));
    for (int column = 0; column < EventLogModel::ColumnCount; ++column) {
        QVERIFY(model.index(1, column).data(Qt::BackgroundRole).value<QColor>().isValid());
        QVERIFY(model.index(1, column).data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(!model.index(0, column).data(Qt::BackgroundRole).isValid()); // notifications: plain
    }
}

void TestEventLogModel::typeFilterTakesSeveralTypes()
{
    EventLogModel model;
    EventFilterProxy proxy;
    proxy.setSourceModel(&model);
    QVector<MirrorEvent> batch = mixedBatch(); // 5 network creates, 2 endpoint creates, 3 endpoint deletes
    model.append(batch);
    model.appendFailedCall("Create endpoint", hcn::Status(hcn::hr::AccessDenied, "no"));
    model.appendMarker(hcn::ui::EventMarker::Disconnected, "lost");
    model.flush();

    proxy.setTypeFilter(
        QSet<quint32>{quint32(NotificationType::EndpointCreate), quint32(NotificationType::EndpointDelete)});
    QCOMPARE(proxy.rowCount(), 5);
    proxy.setTypeFilter(QSet<quint32>{quint32(NotificationType::NetworkCreate),
                                      EventLogModel::kFailedCallFilterType,
                                      EventLogModel::kMarkerFilterType});
    QCOMPARE(proxy.rowCount(), 7);
    proxy.setTypeFilter(QSet<quint32>{});
    QCOMPARE(proxy.rowCount(), 12);
}

void TestEventLogModel::csvCarriesTheDateAndTheObjectId()
{
    EventLogModel model;
    const qint64 received = QDateTime(QDate(2026, 3, 14), QTime(9, 26, 53, 589)).toMSecsSinceEpoch();
    model.append({read(endpointCreate(7, "web"))}, received);
    model.flush();

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QCOMPARE(EventLogExport::write(model, EventLogExport::Format::Csv, buffer), QString());
    const QList<QStringList> records = parseCsv(QString::fromUtf8(buffer.data()));
    QCOMPARE(records.size(), 2);
    const qsizetype dateColumn = records.at(0).indexOf("Date and time");
    const qsizetype idColumn = records.at(0).indexOf("Object ID");
    QVERIFY(dateColumn >= 0 && idColumn >= 0);
    const QDateTime at = QDateTime::fromString(records.at(1).at(dateColumn), Qt::ISODateWithMs);
    QVERIFY2(at.isValid(), qPrintable(records.at(1).at(dateColumn)));
    QCOMPARE(at.toMSecsSinceEpoch(), received);
    QVERIFY(records.at(1).at(dateColumn).startsWith("2026-03-14T09:26:53.589"));
    QCOMPARE(records.at(1).at(idColumn).toUpper(), idFor(7));
    QVERIFY(records.at(1).contains("web"));
}

void TestEventLogModel::detailsAreKeptForTheNewestRowsOnly()
{
    EventLogModel model;
    model.setCapacity(EventLogModel::kDetailsKept + 500);
    model.append(endpointCreates(1, EventLogModel::kDetailsKept + 100));
    model.flush();
    QCOMPARE(model.rowCount(), EventLogModel::kDetailsKept + 100);
    QVERIFY(!model.details(0).kept);
    QVERIFY(!model.details(99).kept);
    const hcn::ui::EventDetails newest = model.details(model.rowCount() - 1);
    QVERIFY(newest.kept);
    QVERIFY(newest.payload.contains(QString("\"Name\": \"ep-%1\"").arg(EventLogModel::kDetailsKept + 100)));
    QVERIFY(newest.payload.contains('\n')); // indented, not compact
    QVERIFY(model.details(100).kept);
}

QTEST_MAIN(TestEventLogModel)
#include "tst_eventlogmodel.moc"
