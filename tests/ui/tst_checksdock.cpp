// The console's Checks dock: the findings of the host shown (a snapshot that breaks known rules, or the
// live sample host), their counts and severity filter, the details and fix of one, selection and
// highlight of its objects, badges on the resource tree, and live changes followed incrementally (no
// full re-check per event) with rows that stayed kept.

#include "engine_harness.h"
#include "hcn/health_checks.h"
#include "models/api_worker.h"
#include "models/check_findings_model.h"
#include "models/console_resources.h"
#include "models/current_selection.h"
#include "models/host_checks.h"
#include "models/host_mirror.h"
#include "models/resource_tree_model.h"
#include "sample_host.h"
#include "topology/topology_diagram.h"
#include "topology/topology_dock.h"
#include "topology/topology_node_item.h"
#include "topology/topology_scene.h"
#include "widgets/checks_dock.h"
#include "widgets/main_window.h"
#include "widgets/resource_tree_dock.h"
#include "widgets/scenario_controller.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAction>
#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QMenu>
#include <QMenuBar>
#include <QPersistentModelIndex>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <map>

using hcn::Finding;
using hcn::ResourceKind;
using hcn::Severity;
using hcn::ui::CheckFindingsModel;
using hcn::ui::ResourceTreeModel;

namespace {

QString checksFile(const QString& name)
{
    return qEnvironmentVariable("HCN_SOURCE_DIR") + QStringLiteral("/tests/data/checks/") + name;
}

const QString kVxlan = QStringLiteral("8D3F6A92-1E4B-4F7C-A25D-6B9C0E1D3F02");
const char* kWebFrontendIp = "172.28.160.10";

/// A window showing the sample host, the way hcn-console starts, its findings model under the tester.
struct Window
{
    hcn::ui::MainWindow window;
    std::unique_ptr<QAbstractItemModelTester> tester;
    bool loaded = false;

    Window()
    {
        tester = std::make_unique<QAbstractItemModelTester>(
            dock()->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        const bool hostShown = hcntest::showSampleHost(window);
        loaded = hostShown && checks()->waitUntilCurrent(10000);
        if (!loaded)
            qWarning() << "host shown:" << hostShown << "checking:" << checks()->isChecking();
    }

    hcn::ui::ChecksDock* dock() const { return window.checksDock(); }
    hcn::ui::HostChecks* checks() const { return dock()->checks(); }
    CheckFindingsModel* model() const { return dock()->model(); }
    ResourceTreeModel* tree() const { return window.resourceTreeDock()->model(); }
    hcn::Api& host() { return *window.mirror()->worker()->sharedApi(); }

    bool openSnapshot(const QString& path)
    {
        QSignalSpy shown(window.scenarioController(), &hcn::ui::ScenarioController::hostLoaded);
        window.scenarioController()->loadSnapshot(path);
        return shown.wait(10000) && checks()->waitUntilCurrent(10000);
    }

    /// What hcnctl check says about the host shown: the core's full check of its snapshot, with what the
    /// snapshot file's import report says its dump lost.
    std::vector<Finding> expected(const QString& file = {})
    {
        hcn::UnknownFields unknown;
        if (QFile in(file); !file.isEmpty() && in.open(QIODevice::ReadOnly))
            unknown = hcn::unknownFieldsOfSnapshot(in.readAll().toStdString());
        auto text = host().snapshot("");
        auto findings = hcn::checkSnapshot(*text, unknown);
        return findings.ok() ? *findings : std::vector<Finding>{};
    }

    std::vector<Finding> rows() const
    {
        std::vector<Finding> out;
        for (int row = 0; row < model()->rowCount(); ++row)
            out.push_back(*model()->finding(model()->index(row, 0)));
        return out;
    }

    QStringList ruleIds() const
    {
        QStringList out;
        for (int row = 0; row < model()->rowCount(); ++row)
            out << model()->index(row, CheckFindingsModel::RuleColumn).data().toString();
        return out;
    }

    QVariant badge(const QString& id, int role = ResourceTreeModel::FindingSeverityRole) const
    {
        return tree()->indexOf(id).data(role);
    }

    /// A remote endpoint on vxlan0 holding web-frontend's address (IP-DUP-REMOTE); its ID.
    QString createStaleRemote()
    {
        auto network = host().open(ResourceKind::Network, *hcn::Guid::parse(kVxlan.toStdString()));
        if (!network.ok())
            return {};
        const hcntest::json doc = hcntest::v2(hcntest::json{
            {"Name", "stale-remote"},
            {"HostComputeNetwork", kVxlan.toStdString()},
            {"Flags", 1},
            {"IpConfigurations", {{{"IpAddress", kWebFrontendIp}, {"PrefixLength", 32}}}},
            {"MacAddress", "0E-2A-0A-F4-09-09"},
            {"Policies", {{{"Type", "ProviderAddress"}, {"Settings", {{"ProviderAddress", "10.0.0.5"}}}}}}});
        auto handle = host().create(ResourceKind::Endpoint, hcn::Guid(), doc.dump(), *network);
        (void)host().close(ResourceKind::Network, *network);
        if (!handle.ok()) {
            qWarning() << QString::fromStdString(handle.status().message());
            return {};
        }
        const QString id =
            QString::fromStdString(host().handleId(ResourceKind::Endpoint, *handle)->toString()).toUpper();
        (void)host().close(ResourceKind::Endpoint, *handle);
        return id;
    }

    QString idByName(ResourceKind kind, const QString& name) const
    {
        for (const hcn::ui::MirrorObject* object : window.mirror()->objects(kind))
            if (object->name == name)
                return object->id;
        return {};
    }
};

Finding makeFinding(const char* rule, Severity severity, const char* object, const char* message = "m")
{
    Finding f;
    f.ruleId = rule;
    f.severity = severity;
    f.title = std::string(rule) + " title";
    f.message = message;
    f.objects = {{ResourceKind::Endpoint, object}};
    return f;
}

} // namespace

class TestChecksDock : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void aSnapshotListsWhatTheCoreFinds_data();
    void aSnapshotListsWhatTheCoreFinds();
    void theFilterHidesASeverityAndKeepsTheCounts();
    void selectingAFindingSelectsAndHighlightsItsObjects();
    void treeRowsCarryTheirFindings();
    void liveChangesUpdateWithoutAFullCheck();
    void mergingKeepsTheRowsThatStayed();
    void theViewMenuTogglesTheDock();

private:
    QTemporaryDir m_dir;
};

void TestChecksDock::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath("settings"));
    QCoreApplication::setOrganizationName("HCN Console Tests");
    QCoreApplication::setApplicationName("tst_checksdock");
    hcn::ui::initConsoleResources();
}

void TestChecksDock::aSnapshotListsWhatTheCoreFinds_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("rules");
    QTest::addColumn<QStringList>("absent");
    QTest::addColumn<bool>("errors");
    QTest::newRow("a faulty host lists its errors")
        << "faulty-host.json" << QStringList{"IP-DUP-LOCAL", "LB-ORPHAN-HOST-PORT", "EP-LEAKED"} << QStringList{}
        << true;
    QTest::newRow("a host with warnings lists them without errors")
        << "warnings-host.json" << QStringList{"EP-LEAKED", "LB-NO-BACKENDS"} << QStringList{} << false;
    QTest::newRow("a healthy host has no error") << "healthy-host.json" << QStringList{} << QStringList{} << false;
    // The dump lost the load balancer's VIPs: without its import report it would be an orphaned node port.
    QTest::newRow("an imported host is checked with what its dump lost")
        << "imported-host.json" << QStringList{"LB-BACKEND-MISSING", "EP-LEAKED"}
        << QStringList{"LB-ORPHAN-HOST-PORT"} << true;
}

void TestChecksDock::aSnapshotListsWhatTheCoreFinds()
{
    QFETCH(QString, file);
    QFETCH(QStringList, rules);
    QFETCH(QStringList, absent);
    QFETCH(bool, errors);
    Window w;
    QVERIFY(w.loaded);
    const int fullChecks = w.checks()->fullCheckCount();
    QVERIFY(w.openSnapshot(checksFile(file)));
    // One full check for the new host, its import report included.
    QCOMPARE(w.checks()->fullCheckCount(), fullChecks + 1);

    const std::vector<Finding> expected = w.expected(checksFile(file));
    QCOMPARE(w.rows(), expected);
    const QStringList shown = w.ruleIds();
    for (const QString& rule : rules)
        QVERIFY2(shown.contains(rule), qPrintable(rule + " missing from " + shown.join(' ')));
    for (const QString& rule : absent)
        QVERIFY2(!shown.contains(rule), qPrintable(rule + " shown: " + shown.join(' ')));
    const hcn::FindingCounts counts = hcn::countFindings(expected);
    QCOMPARE(w.model()->count(Severity::Error), int(counts.errors));
    QCOMPARE(w.model()->count(Severity::Warning), int(counts.warnings));
    QCOMPARE(w.model()->count(Severity::Info), int(counts.infos));
    QCOMPARE(counts.errors > 0, errors);
    QCOMPARE(w.dock()->severityButton(Severity::Error)->text(), QStringLiteral("Errors (%1)").arg(counts.errors));
    QCOMPARE(w.dock()->severityButton(Severity::Warning)->text(),
             QStringLiteral("Warnings (%1)").arg(counts.warnings));
    if (counts.errors + counts.warnings > 0)
        QVERIFY2(w.dock()->windowTitle().contains(QStringLiteral("%1 error").arg(counts.errors)),
                 qPrintable(w.dock()->windowTitle()));
    QVERIFY2(w.dock()->summaryText().contains(QString::number(counts.warnings) + " warning") ||
                 expected.empty(),
             qPrintable(w.dock()->summaryText()));
    // Objects are named as the tree names them.
    for (int row = 0; row < w.model()->rowCount(); ++row) {
        const Finding& f = *w.model()->finding(w.model()->index(row, 0));
        const hcn::ui::MirrorObject* first = w.window.mirror()->object(QString::fromStdString(f.objects.front().id));
        if (first && !first->name.isEmpty())
            QVERIFY(w.model()->index(row, CheckFindingsModel::ObjectsColumn).data().toString().contains(first->name));
    }
}

void TestChecksDock::theFilterHidesASeverityAndKeepsTheCounts()
{
    Window w;
    QVERIFY(w.loaded);
    QVERIFY(w.openSnapshot(checksFile("faulty-host.json")));
    const int total = w.model()->rowCount();
    const int errors = w.model()->count(Severity::Error);
    QVERIFY(errors > 0);
    QVERIFY(total > errors);

    QSignalSpy removed(w.model(), &QAbstractItemModel::rowsRemoved);
    w.dock()->severityButton(Severity::Error)->click();
    QVERIFY(!w.model()->isSeverityShown(Severity::Error));
    QCOMPARE(w.model()->rowCount(), total - errors);
    QVERIFY(!removed.isEmpty());
    for (int row = 0; row < w.model()->rowCount(); ++row)
        QVERIFY(w.model()->index(row, 0).data(CheckFindingsModel::SeverityRole).toInt() != int(Severity::Error));
    QCOMPARE(w.model()->count(Severity::Error), errors); // counts are the host's, not the rows'
    QCOMPARE(w.dock()->severityButton(Severity::Error)->text(), QStringLiteral("Errors (%1)").arg(errors));

    w.dock()->severityButton(Severity::Warning)->click();
    w.dock()->severityButton(Severity::Info)->click();
    QCOMPARE(w.model()->rowCount(), 0);
    for (Severity s : {Severity::Error, Severity::Warning, Severity::Info})
        w.dock()->severityButton(s)->click();
    QCOMPARE(w.rows(), w.expected());
}

void TestChecksDock::selectingAFindingSelectsAndHighlightsItsObjects()
{
    Window w;
    QVERIFY(w.loaded);
    QVERIFY(w.openSnapshot(checksFile("faulty-host.json")));
    QVERIFY(w.window.topologyDock()->waitForLayout(20000));
    const QModelIndex row = w.model()->indexOf(QStringLiteral("IP-DUP-LOCAL"));
    QVERIFY(row.isValid());
    const Finding finding = *w.model()->finding(row);
    QVERIFY(finding.objects.size() >= 2);
    const QString first = QString::fromStdString(finding.objects.front().id);

    QSignalSpy selected(w.window.selection(), &hcn::ui::CurrentSelection::changed);
    QSignalSpy highlighted(w.dock(), &hcn::ui::ChecksDock::highlightRequested);
    w.dock()->view()->setCurrentIndex(row);
    QCOMPARE(selected.count(), 1);
    QCOMPARE(w.window.selection()->ids(), QStringList{first});
    QCOMPARE(highlighted.count(), 1);
    QStringList all;
    for (const hcn::FindingObject& o : finding.objects)
        all << QString::fromStdString(o.id);
    QCOMPARE(highlighted.front().front().toStringList(), all);

    // The tree selects the first object.
    QTreeView* tree = w.window.resourceTreeDock()->view();
    QCOMPARE(tree->currentIndex().data(ResourceTreeModel::ObjectIdRole).toString(), first);
    // The diagram highlights every object of the finding.
    hcn::ui::TopologyScene* scene = w.window.topologyDock()->scene();
    QCOMPARE(scene->markedObjects(), all);
    for (const QString& id : all) {
        auto* item = scene->nodeItemOfObject(id);
        QVERIFY(item);
        QVERIFY(item->isHighlighted());
    }

    // What, why, evidence and cause; the fix can be copied.
    const hcn::HealthRule* rule = hcn::findHealthRule("IP-DUP-LOCAL");
    QVERIFY(rule);
    const QString details = w.dock()->detailsText();
    QVERIFY2(details.contains(QString::fromUtf8(rule->what.data(), qsizetype(rule->what.size()))), qPrintable(details));
    QVERIFY(details.contains(QString::fromUtf8(rule->why.data(), qsizetype(rule->why.size()))));
    QVERIFY(details.contains(QString::fromStdString(finding.cause)));
    QVERIFY(details.contains(QString::fromStdString(finding.evidence.front().second)));
    QCOMPARE(w.dock()->fixView()->toPlainText(), QString::fromStdString(finding.fix));
    QVERIFY(w.dock()->fixView()->isReadOnly());
    QVERIFY(w.dock()->fixView()->textInteractionFlags() & Qt::TextSelectableByMouse);
    w.dock()->copyFixButton()->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), QString::fromStdString(finding.fix));

    // Another object selected elsewhere: the finding's highlight goes.
    const QString other = w.idByName(ResourceKind::Endpoint, QStringLiteral("postgres"));
    QVERIFY(!other.isEmpty());
    w.window.selection()->setIds({other});
    QVERIFY(scene->markedObjects().isEmpty());
    QVERIFY(!scene->nodeItemOfObject(all.back())->isHighlighted());
}

void TestChecksDock::treeRowsCarryTheirFindings()
{
    Window w;
    QVERIFY(w.loaded);
    QVERIFY(w.openSnapshot(checksFile("faulty-host.json")));
    const std::vector<Finding> findings = w.expected();
    QSet<QString> withFindings;
    for (const Finding& f : findings)
        for (const hcn::FindingObject& o : f.objects) {
            const QString id = QString::fromStdString(o.id);
            if (!w.tree()->indexOf(id).isValid())
                continue; // no row (an object that does not exist)
            withFindings.insert(id);
            const QVariant severity = w.badge(id);
            QVERIFY2(severity.isValid(), qPrintable(id));
            QVERIFY(severity.toInt() <= int(f.severity)); // the worst is shown
            QVERIFY(w.badge(id, ResourceTreeModel::FindingsRole).toStringList().join('\n').contains(
                QString::fromStdString(f.ruleId)));
            QVERIFY(w.badge(id, Qt::ToolTipRole).toString().contains(QString::fromStdString(f.ruleId)));
            // The kind's icon with the badge.
            QVERIFY(!w.tree()->indexOf(id).data(Qt::DecorationRole).value<QIcon>().isNull());
        }
    QVERIFY(!withFindings.isEmpty());
    // An object without findings has no badge.
    int clean = 0;
    for (ResourceKind kind : {ResourceKind::Network, ResourceKind::Endpoint, ResourceKind::Namespace})
        for (const hcn::ui::MirrorObject* object : w.window.mirror()->objects(kind))
            if (!withFindings.contains(object->id) && w.tree()->indexOf(object->id).isValid()) {
                QVERIFY(!w.badge(object->id).isValid());
                ++clean;
            }
    QVERIFY(clean > 0);
}

void TestChecksDock::liveChangesUpdateWithoutAFullCheck()
{
    Window w;
    QVERIFY(w.loaded);
    QCOMPARE(w.rows(), w.expected());
    const QString webFrontend = w.idByName(ResourceKind::Endpoint, QStringLiteral("web-frontend"));
    QVERIFY(!webFrontend.isEmpty());
    QVERIFY(!w.model()->indexOf(QStringLiteral("IP-DUP-REMOTE")).isValid());
    const QVariant badgeBefore = w.badge(webFrontend);
    const int fullChecks = w.checks()->fullCheckCount();
    const int updates = w.checks()->updateCount();
    // A row that stays must keep its place in the view across the update.
    QPersistentModelIndex kept = w.model()->rowCount() > 0 ? QPersistentModelIndex(w.model()->index(0, 0))
                                                          : QPersistentModelIndex();
    const QString keptRule = kept.isValid() ? kept.data(CheckFindingsModel::RuleIdRole).toString() : QString();

    QSignalSpy resets(w.model(), &QAbstractItemModel::modelReset);
    QSignalSpy inserted(w.model(), &QAbstractItemModel::rowsInserted);
    QSignalSpy badges(w.checks(), &hcn::ui::HostChecks::badgesChanged);
    const QString stale = w.createStaleRemote();
    QVERIFY(!stale.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(w.model()->indexOf(QStringLiteral("IP-DUP-REMOTE"), stale).isValid(), 10000);
    QVERIFY(w.model()->indexOf(QStringLiteral("IP-DUP-REMOTE"), webFrontend).isValid());
    QCOMPARE(w.checks()->fullCheckCount(), fullChecks);
    QVERIFY(w.checks()->updateCount() > updates);
    QCOMPARE(resets.count(), 0);
    QVERIFY(!inserted.isEmpty());
    QVERIFY(!badges.isEmpty());
    QCOMPARE(w.rows(), w.expected()); // the incremental result is the full check's
    if (kept.isValid())
        QCOMPARE(kept.data(CheckFindingsModel::RuleIdRole).toString(), keptRule);
    // Both endpoints carry the error on the tree.
    QTRY_VERIFY(w.tree()->indexOf(stale).isValid());
    QCOMPARE(w.badge(stale).toInt(), int(Severity::Error));
    QCOMPARE(w.badge(webFrontend).toInt(), int(Severity::Error));
    QVERIFY(w.badge(stale, ResourceTreeModel::FindingsRole).toStringList().join('\n').contains("IP-DUP-REMOTE"));

    // Deleting it takes the finding and the badges away, still without a full check.
    QSignalSpy removed(w.model(), &QAbstractItemModel::rowsRemoved);
    QVERIFY(w.host().remove(ResourceKind::Endpoint, *hcn::Guid::parse(stale.toStdString())).ok());
    QTRY_VERIFY_WITH_TIMEOUT(!w.model()->indexOf(QStringLiteral("IP-DUP-REMOTE")).isValid(), 10000);
    QVERIFY(w.checks()->waitUntilCurrent(10000));
    QCOMPARE(w.checks()->fullCheckCount(), fullChecks);
    QCOMPARE(resets.count(), 0);
    QVERIFY(!removed.isEmpty());
    QCOMPARE(w.rows(), w.expected());
    QCOMPARE(w.badge(webFrontend), badgeBefore);
}

void TestChecksDock::mergingKeepsTheRowsThatStayed()
{
    CheckFindingsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    // Findings that stay are the same objects in the next list, as HostChecks hands them over.
    std::map<std::string, std::shared_ptr<const Finding>> objects;
    auto list = [&objects](std::vector<Finding> findings) {
        std::sort(findings.begin(), findings.end(), hcn::findingBefore);
        auto out = std::make_shared<std::vector<std::shared_ptr<const Finding>>>();
        for (Finding& f : findings) {
            auto& shared = objects[f.ruleId + f.fix];
            if (!shared)
                shared = std::make_shared<const Finding>(std::move(f));
            out->push_back(shared);
        }
        return hcn::ui::FindingList(out);
    };
    const Finding a = makeFinding("A-RULE", Severity::Error, "A");
    const Finding b = makeFinding("B-RULE", Severity::Warning, "B");
    const Finding c = makeFinding("C-RULE", Severity::Info, "C");
    model.setFindings(list({a, c}));
    QCOMPARE(model.rowCount(), 2);
    QPersistentModelIndex rowA(model.index(0, 0));
    QPersistentModelIndex rowC(model.index(1, 0));

    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setFindings(list({a, b, c}));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.front().at(1).toInt(), 1);
    QCOMPARE(rowA.row(), 0);
    QCOMPARE(rowC.row(), 2);

    Finding c2 = c;
    c2.fix = "another fix"; // same place in the order, other details
    model.setFindings(list({b, c2}));
    QCOMPARE(removed.count(), 1);
    QVERIFY(!rowA.isValid());
    QCOMPARE(rowC.row(), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.finding(rowC)->fix, std::string("another fix"));

    model.setFindings(nullptr);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(model.count(Severity::Warning), 0);
}

void TestChecksDock::theViewMenuTogglesTheDock()
{
    Window w;
    QVERIFY(w.loaded);
    // It opens with the app, tabbed with the bottom docks.
    QVERIFY(!w.dock()->isHidden());
    QCOMPARE(w.window.dockWidgetArea(w.dock()), Qt::BottomDockWidgetArea);
    QVERIFY(!w.window.tabifiedDockWidgets(w.dock()).isEmpty());
    QAction* toggle = w.window.findChild<QAction*>(QStringLiteral("actionToggleChecksDock"));
    QVERIFY(toggle);
    bool inViewMenu = false;
    for (QAction* menu : w.window.menuBar()->actions())
        if (menu->menu() && menu->menu()->actions().contains(toggle))
            inViewMenu = menu->text().remove('&') == QStringLiteral("View");
    QVERIFY(inViewMenu);
    toggle->trigger();
    QVERIFY(w.dock()->isHidden());
    toggle->trigger();
    QVERIFY(!w.dock()->isHidden());
}

QTEST_MAIN(TestChecksDock)
#include "tst_checksdock.moc"
