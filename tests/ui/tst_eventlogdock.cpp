// EventLogDock driven offscreen against a real embedded engine: changes made through the API show up
// as rows with the right type and object, selecting a row selects the object for every view, the
// filter bar and the actions do what their labels say; the details pane shows the selected row's payload
// and changes; failed calls and host switches are rows.

#include "engine_harness.h"
#include "hcn/embedded_api.h"
#include "models/api_worker.h"
#include "models/current_selection.h"
#include "models/event_filter_proxy.h"
#include "models/event_log_model.h"
#include "models/host_mirror.h"
#include "widgets/event_details_pane.h"
#include "widgets/event_log_dock.h"
#include "widgets/event_type_filter.h"

#include <QAction>
#include <QFile>
#include <QFont>
#include <QLineEdit>
#include <QListWidget>
#include <QMainWindow>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSplitter>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using hcn::ResourceKind;
using hcn::ui::CurrentSelection;
using hcn::ui::EventLogDock;
using hcn::ui::EventLogModel;
using hcn::ui::HostMirror;

namespace {

struct Console
{
    std::shared_ptr<hcn::EmbeddedApi> api = std::make_shared<hcn::EmbeddedApi>();
    HostMirror mirror;
    CurrentSelection selection;
    QMainWindow window;
    EventLogDock* dock = nullptr;

    Console()
    {
        if (!mirror.attach(api).ok())
            qFatal("attach failed");
        dock = new EventLogDock(&mirror, &selection, &window);
        window.addDockWidget(Qt::BottomDockWidgetArea, dock);
        window.resize(1000, 600);
        window.show();
    }

    QString createNetwork(const std::string& name, const std::string& prefix, const std::string& gateway)
    {
        auto handle = api->create(ResourceKind::Network, hcn::Guid(),
                                  hcntest::natNetwork(name, prefix, gateway).dump(), 0);
        if (!handle.ok())
            return {};
        auto id = api->handleId(ResourceKind::Network, *handle);
        (void)api->close(ResourceKind::Network, *handle);
        return QString::fromStdString(id->toString());
    }

    /// The first shown row of `type`, or -1.
    int rowOf(const QString& type) const
    {
        const QAbstractItemModel* shown = dock->view()->model();
        for (int row = 0; row < shown->rowCount(); ++row)
            if (shown->index(row, EventLogModel::TypeColumn).data().toString() == type)
                return row;
        return -1;
    }
    QString text(int row, int column) const
    {
        return dock->view()->model()->index(row, column).data().toString();
    }
};

/// Ticks the type filter's box of `text` like a user (the drop-down's list).
bool tick(EventLogDock* dock, const QString& text, bool on = true)
{
    const QList<QListWidgetItem*> items = dock->typeFilter()->list()->findItems(text, Qt::MatchExactly);
    if (items.size() != 1)
        return false;
    items.first()->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    return true;
}

} // namespace

class TestEventLogDock : public QObject
{
    Q_OBJECT
private slots:
    void anEngineChangeShowsUpAsARow();
    void selectingARowSelectsItsObject();
    void filterBarFiltersTheView();
    void pauseActionFreezesTheView();
    void followKeepsTheNewestRowInView();
    void exportWritesTheShownRows();
    void clearEmptiesTheLog();
    void detailsPaneShowsPayloadAndChanges();
    void typeFilterShowsSeveralTypes_data();
    void typeFilterShowsSeveralTypes();
    void failedCallsAndHostSwitchesAreRows();
    void resyncsAndDisconnectsAreMarkers();
};

void TestEventLogDock::anEngineChangeShowsUpAsARow()
{
    Console console;
    QCOMPARE(console.dock->objectName(), QString("eventLogDock"));
    const QString id = console.createNetwork("frontend", "172.20.0.0/24", "172.20.0.1");
    QVERIFY(!id.isEmpty());

    QTRY_VERIFY(console.rowOf("NetworkCreate") >= 0);
    const int row = console.rowOf("NetworkCreate");
    QCOMPARE(console.text(row, EventLogModel::ObjectColumn), QString("frontend"));
    QCOMPARE(console.text(row, EventLogModel::KindColumn), QString("Network"));
    QVERIFY(console.text(row, EventLogModel::SummaryColumn).contains("172.20.0.0/24"));
    QCOMPARE(console.dock->view()->model()->index(row, 0).data(EventLogModel::ObjectIdRole).toString(), id);
    QVERIFY(console.rowOf("NetworkPreCreate") < row); // stream order
}

void TestEventLogDock::selectingARowSelectsItsObject()
{
    Console console;
    const QString a = console.createNetwork("a", "172.20.0.0/24", "172.20.0.1");
    const QString b = console.createNetwork("b", "172.21.0.0/24", "172.21.0.1");
    QTRY_COMPARE(console.dock->model()->rowCount(), 4);
    QSignalSpy changed(&console.selection, &CurrentSelection::changed);

    console.dock->view()->selectRow(1); // NetworkCreate of "a"
    QCOMPARE(console.selection.ids(), QStringList{a});
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(1).value<QObject*>(), console.dock);

    // Two rows of the same object select it once; rows of two objects select both.
    console.dock->view()->selectionModel()->select(console.dock->view()->model()->index(0, 0),
                                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QCOMPARE(console.selection.ids(), QStringList{a});
    console.dock->view()->selectionModel()->select(console.dock->view()->model()->index(3, 0),
                                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QCOMPARE(console.selection.ids(), (QStringList{a, b}));

    // New rows arriving and the selected rows being trimmed do not change what the user selected.
    console.dock->model()->setCapacity(EventLogModel::kMinimumCapacity);
    QVector<hcn::ui::MirrorEvent> burst;
    for (quint64 s = 100; s < 300; ++s) {
        hcn::Notification n;
        n.sequence = s;
        n.type = hcn::NotificationType::NetworkDelete;
        n.data = R"({"ID":"00000000-0000-4000-8000-000000000001","Flags":0,"Data":{"Name":"n"}})";
        burst.append(hcn::ui::MirrorEvent::read(n));
    }
    console.dock->append(burst);
    QTRY_COMPARE(console.dock->model()->record(0).sequence, 200u);
    QCOMPARE(console.selection.ids(), (QStringList{a, b}));
    QCOMPARE(changed.count(), 2); // the second row of "a" changed nothing
}

void TestEventLogDock::filterBarFiltersTheView()
{
    Console console;
    console.createNetwork("frontend", "172.20.0.0/24", "172.20.0.1");
    console.createNetwork("backend", "172.21.0.0/24", "172.21.0.1");
    QTRY_COMPARE(console.dock->model()->rowCount(), 4);

    QVERIFY(tick(console.dock, "NetworkCreate"));
    QCOMPARE(console.dock->view()->model()->rowCount(), 2);

    auto edits = console.dock->findChildren<QLineEdit*>();
    QLineEdit* object = nullptr;
    for (QLineEdit* edit : edits)
        if (edit->placeholderText().contains("Object"))
            object = edit;
    QVERIFY(object);
    QTest::keyClicks(object, "back");
    QTRY_COMPARE(console.dock->view()->model()->rowCount(), 1);
    QCOMPARE(console.text(0, EventLogModel::ObjectColumn), QString("backend"));

    // A matching row arriving later joins the filtered view.
    console.createNetwork("backend-2", "172.22.0.0/24", "172.22.0.1");
    QTRY_COMPARE(console.dock->view()->model()->rowCount(), 2);

    QVERIFY(tick(console.dock, "NetworkCreate", false));
    object->clear();
    QTRY_COMPARE(console.dock->view()->model()->rowCount(), 6);
}

void TestEventLogDock::pauseActionFreezesTheView()
{
    Console console;
    console.createNetwork("a", "172.20.0.0/24", "172.20.0.1");
    QTRY_COMPARE(console.dock->model()->rowCount(), 2);

    console.dock->pauseAction()->trigger();
    QVERIFY(console.dock->model()->isPaused());
    console.createNetwork("b", "172.21.0.0/24", "172.21.0.1");
    QTRY_COMPARE(console.dock->model()->pendingCount(), 2);
    console.dock->model()->flush();
    QCOMPARE(console.dock->model()->rowCount(), 2);

    console.dock->pauseAction()->trigger();
    QTRY_COMPARE(console.dock->model()->rowCount(), 4);
}

void TestEventLogDock::followKeepsTheNewestRowInView()
{
    Console console;
    QVERIFY(console.dock->followAction()->isChecked());
    QVector<hcn::ui::MirrorEvent> batch;
    for (quint64 s = 1; s <= 2000; ++s) {
        hcn::Notification n;
        n.sequence = s;
        n.type = hcn::NotificationType::NetworkDelete;
        n.data = R"({"ID":"00000000-0000-4000-8000-000000000001","Flags":0,"Data":{"Name":"n"}})";
        batch.append(hcn::ui::MirrorEvent::read(n));
    }
    console.dock->append(batch);
    QTRY_COMPARE(console.dock->model()->rowCount(), 2000);
    QScrollBar* bar = console.dock->view()->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);
    QTRY_COMPARE(bar->value(), bar->maximum());

    // Scrolling up stops following; the next batch leaves the view where the user put it.
    bar->triggerAction(QAbstractSlider::SliderToMinimum);
    QVERIFY(!console.dock->followAction()->isChecked());
    console.dock->append(batch);
    QTRY_COMPARE(console.dock->model()->rowCount(), 4000);
    QCOMPARE(bar->value(), 0);

    console.dock->followAction()->trigger();
    QTRY_COMPARE(bar->value(), bar->maximum());
}

void TestEventLogDock::exportWritesTheShownRows()
{
    Console console;
    console.createNetwork("frontend", "172.20.0.0/24", "172.20.0.1");
    QTRY_COMPARE(console.dock->model()->rowCount(), 2);
    console.dock->proxy()->setTypeFilter(hcn::NotificationType::NetworkCreate);

    QTemporaryDir dir;
    const QString path = dir.filePath("events.csv");
    QCOMPARE(console.dock->exportTo(path), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 3); // header, one row, empty after the last CRLF
    QVERIFY(lines.at(1).contains("NetworkCreate"));
    QVERIFY(lines.at(1).contains("frontend"));

    QVERIFY(!console.dock->exportTo(dir.filePath("events.txt")).isEmpty());
    QVERIFY(!QFile::exists(dir.filePath("events.txt")));
}

void TestEventLogDock::clearEmptiesTheLog()
{
    Console console;
    console.createNetwork("a", "172.20.0.0/24", "172.20.0.1");
    QTRY_COMPARE(console.dock->model()->rowCount(), 2);
    console.dock->clearAction()->trigger();
    QCOMPARE(console.dock->model()->rowCount(), 0);
    console.createNetwork("b", "172.21.0.0/24", "172.21.0.1");
    QTRY_COMPARE(console.dock->model()->rowCount(), 2);
}

void TestEventLogDock::detailsPaneShowsPayloadAndChanges()
{
    Console console;
    const QString network = console.createNetwork("nat", "172.20.0.0/24", "172.20.0.1");
    auto networkHandle = console.api->open(ResourceKind::Network, *hcn::Guid::parse(network.toStdString()));
    HCN_VERIFY_OK(networkHandle);
    auto endpoint = console.api->create(
        ResourceKind::Endpoint, {},
        hcntest::v2({{"Name", "web"}, {"HostComputeNetwork", network.toStdString()}}).dump(), *networkHandle);
    HCN_VERIFY_OK(endpoint);
    (void)console.api->close(ResourceKind::Network, *networkHandle);
    QTRY_VERIFY(console.rowOf("EndpointCreate") >= 0);
    HCN_VERIFY_OK(console.api->modify(ResourceKind::Endpoint, *endpoint,
                                      R"({"ResourceType":"Policy","RequestType":"Add","Settings":{"Policies":[
            {"Type":"PortMapping","Settings":{"Protocol":6,"InternalPort":80,"ExternalPort":8080}}]}})"));
    (void)console.api->close(ResourceKind::Endpoint, *endpoint);

    // The details sit beside the table.
    QCOMPARE(console.dock->splitter()->count(), 2);
    QCOMPARE(console.dock->splitter()->widget(1), static_cast<QWidget*>(console.dock->detailsPane()));
    QVERIFY(console.dock->detailsPane()->isVisible());

    const QString change = "Policies: +PortMapping TCP 8080 → 80";
    auto changeRow = [&] {
        for (int row = 0; row < console.dock->view()->model()->rowCount(); ++row)
            if (console.text(row, EventLogModel::SummaryColumn).startsWith(change))
                return row;
        return -1;
    };
    QTRY_VERIFY(changeRow() >= 0);
    console.dock->view()->selectRow(changeRow());
    QVERIFY(console.dock->detailsPane()->changesText().contains(change));
    const QString payload = console.dock->detailsPane()->payloadText();
    QVERIFY2(payload.contains("\"ExternalPort\": 8080"), qPrintable(payload));
    QVERIFY(payload.contains('\n'));

    // A create has no previous document: the pane says so and still shows the payload.
    console.dock->view()->selectRow(console.rowOf("EndpointCreate"));
    QVERIFY(console.dock->detailsPane()->changesText().contains("Not a change"));
    QVERIFY(console.dock->detailsPane()->payloadText().contains("\"Name\": \"web\""));

    // Clear empties the pane too.
    console.dock->clearAction()->trigger();
    QCOMPARE(console.dock->detailsPane()->payloadText(), QString());
}

void TestEventLogDock::typeFilterShowsSeveralTypes_data()
{
    QTest::addColumn<QStringList>("ticked");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QString>("label");
    QTest::newRow("none ticked: every row") << QStringList{} << 5 << "All types";
    QTest::newRow("one type") << QStringList{"NetworkCreate"} << 2 << "NetworkCreate";
    QTest::newRow("two types") << QStringList{"NetworkCreate", "NetworkPreCreate"} << 4 << "2 types";
    QTest::newRow("a type and the console's failed calls")
        << QStringList{"NetworkPreCreate", "Failed calls of the console"} << 3 << "2 types";
}

void TestEventLogDock::typeFilterShowsSeveralTypes()
{
    QFETCH(QStringList, ticked);
    QFETCH(int, rows);
    QFETCH(QString, label);

    Console console;
    console.createNetwork("frontend", "172.20.0.0/24", "172.20.0.1");
    console.createNetwork("backend", "172.21.0.0/24", "172.21.0.1");
    QTRY_COMPARE(console.dock->model()->rowCount(), 4);
    console.dock->recordFailedCall("Create endpoint", hcn::Status(hcn::hr::AccessDenied, "no"));
    QTRY_COMPARE(console.dock->model()->rowCount(), 5);

    for (const QString& type : ticked)
        QVERIFY(tick(console.dock, type));
    QCOMPARE(console.dock->view()->model()->rowCount(), rows);
    QCOMPARE(console.dock->typeFilter()->text(), label);
    console.dock->typeFilter()->setTypes({});
    QCOMPARE(console.dock->view()->model()->rowCount(), 5);
}

void TestEventLogDock::failedCallsAndHostSwitchesAreRows()
{
    Console console;
    console.dock->recordFailedCall("Create endpoint web", hcn::Status(hcn::hr::InvalidArg, "bad subnet"));
    QTRY_VERIFY(console.rowOf("Call failed") >= 0);
    const int failed = console.rowOf("Call failed");
    QVERIFY(console.text(failed, EventLogModel::SummaryColumn).contains("E_INVALIDARG (0x80070057)"));
    QVERIFY(console.text(failed, EventLogModel::SummaryColumn).contains("bad subnet", Qt::CaseInsensitive));

    // Another host: a marker row, then that host's events.
    auto other = std::make_shared<hcn::EmbeddedApi>();
    HCN_VERIFY_OK(console.mirror.attach(other));
    QTRY_VERIFY(console.rowOf("Host opened") > failed);
    const int opened = console.rowOf("Host opened");
    QVERIFY(console.text(opened, EventLogModel::SummaryColumn).startsWith("Showing embedded"));
    // A host the window names (a scenario file) is named in the marker.
    console.dock->nameNextHost("lab.json");
    HCN_VERIFY_OK(console.mirror.attach(std::make_shared<hcn::EmbeddedApi>()));
    QTRY_VERIFY(console.text(console.dock->model()->rowCount() - 1, EventLogModel::SummaryColumn)
                    .startsWith("Showing lab.json ("));
    QVERIFY(console.dock->view()->model()->index(opened, 0).data(Qt::FontRole).value<QFont>().bold());

    // A host that cannot be opened: a failed call; the host shown stays.
    const int rowsBefore = console.dock->model()->rowCount();
    console.mirror.beginAttach(std::unique_ptr<hcn::ui::ApiWorker>());
    QTRY_COMPARE(console.dock->model()->rowCount(), rowsBefore + 1);
    QCOMPARE(console.text(rowsBefore, EventLogModel::TypeColumn), QString("Call failed"));
    QVERIFY(
        console.text(rowsBefore, EventLogModel::SummaryColumn).contains("Opening a host failed: E_POINTER"));

    console.mirror.detach();
    QTRY_VERIFY(console.text(console.dock->view()->model()->rowCount() - 1, EventLogModel::SummaryColumn)
                    .contains("No host shown"));
}

void TestEventLogDock::resyncsAndDisconnectsAreMarkers()
{
    Console console;
    console.mirror.resync();
    QTRY_VERIFY(console.rowOf("Resynchronized") >= 0);
    const int resynced = console.rowOf("Resynchronized");
    QVERIFY(
        console.dock->view()->model()->index(resynced, 0).data(Qt::BackgroundRole).value<QColor>().isValid());

    console.api->engine().shutdown(); // the service goes away: ServiceDisconnect
    QTRY_VERIFY(console.rowOf("Disconnected") > resynced);
    QVERIFY(console.rowOf("ServiceDisconnect") > resynced); // the notification itself is a row too
    QVERIFY(
        console.text(console.rowOf("Disconnected"), EventLogModel::SummaryColumn).contains("reconnecting"));
}

QTEST_MAIN(TestEventLogDock)
#include "tst_eventlogdock.moc"
