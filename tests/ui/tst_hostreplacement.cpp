// The console never loses the user's work silently: an embedded host with unsaved changes, or edits not
// applied, is replaced (by a scenario, a snapshot, a new host) or quit only after asking, and Export
// all saves it; connecting keeps
// the host shown and says so; a lost service marks the stale tree and diagram; and File > Export all
// opens again as a scenario (an editable host), object for object.

#include "editors/field_editor.h"
#include "editors/object_editor.h"
#include "editors/properties_dock.h"
#include "editors/schema_form.h"
#include "hcn/embedded_api.h"
#include "models/api_worker.h"
#include "models/console_resources.h"
#include "models/host_mirror.h"
#include "widgets/connect_dialog.h"
#include "widgets/connection_controller.h"
#include "widgets/export_controller.h"
#include "widgets/host_status_bar.h"
#include "widgets/main_window.h"
#include "widgets/resource_tree_dock.h"
#include "widgets/scenario_controller.h"
#include "widgets/stale_host_banner.h"

#include <QDockWidget>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMap>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

using hcn::ResourceKind;
using hcn::ui::MainWindow;

namespace {

const char* kSampleCounts = "2 networks \u00b7 11 endpoints \u00b7 7 namespaces \u00b7 4 load balancers";

struct Window
{
    MainWindow window;
    QStringList asked;
    bool answer = false;

    Window()
    {
        window.setLayoutPersistence(false);
        window.scenarioController()->setReplaceQuestion(
            [this](const QString& current, const QString& incoming) {
                asked << current + QStringLiteral(" -> ") + incoming;
                return answer;
            });
        loaded = load(hcn::ui::ScenarioController::defaultScenario());
        window.resize(1200, 800);
        window.show();
    }
    bool load(const QString& path)
    {
        QSignalSpy shown(window.scenarioController(), &hcn::ui::ScenarioController::hostLoaded);
        window.scenarioController()->loadScenario(path);
        return shown.wait(10000);
    }
    bool loaded = false;

    hcn::Api& host() { return *window.mirror()->worker()->sharedApi(); }
    QString idByName(ResourceKind kind, const QString& name) const
    {
        for (const hcn::ui::MirrorObject* object : window.mirror()->objects(kind))
            if (object->name == name)
                return object->id;
        return {};
    }
    QJsonObject snapshot()
    {
        auto text = host().snapshot("");
        return QJsonDocument::fromJson(QByteArray::fromStdString(*text)).object();
    }
    bool exportAll(const QString& path)
    {
        QSignalSpy finished(window.exportController(), &hcn::ui::ExportController::finished);
        window.exportController()->writeAll(path);
        return finished.wait(10000) && finished.front().at(0).toBool();
    }
};

QMap<QString, QJsonObject> byId(const QJsonObject& snapshot, const char* section)
{
    QMap<QString, QJsonObject> out;
    for (const QJsonValue& value : snapshot.value(QLatin1String(section)).toArray())
        out.insert(value.toObject().value("ID").toString().toUpper(), value.toObject());
    return out;
}

} // namespace

class TestHostReplacement : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void unsavedChangesAreAskedAboutUntilExported();
    void pendingEditsAndQuittingAreAskedAbout();
    void connectingSaysTheHostIsKept();
    void lostServiceMarksTheStaleTreeAndDiagram();
    void exportAllOpensAgainAsAnEditableHost();

private:
    QTemporaryDir m_dir;
};

void TestHostReplacement::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath("settings"));
    QCoreApplication::setOrganizationName("HCN Console Tests");
    QCoreApplication::setApplicationName("tst_hostreplacement");
    hcn::ui::initConsoleResources();
}

void TestHostReplacement::unsavedChangesAreAskedAboutUntilExported()
{
    Window w;
    QVERIFY(w.loaded);
    hcn::ui::ScenarioController* scenarios = w.window.scenarioController();
    QCOMPARE(scenarios->unsavedChanges(), 0);
    QVERIFY(scenarios->confirmReplace(QStringLiteral("x"))); // nothing to lose: no question
    QVERIFY(w.asked.isEmpty());

    // A change on the host (any client's) is work that only this process holds.
    const QString web = w.idByName(ResourceKind::Endpoint, QStringLiteral("web-frontend"));
    QVERIFY(w.host().remove(ResourceKind::Endpoint, *hcn::Guid::parse(web.toStdString())).ok());
    QTRY_VERIFY_WITH_TIMEOUT(scenarios->unsavedChanges() > 0, 10000);
    const hcn::Api* before = &w.host();

    // Refused: the scenario, the new host and the snapshot all leave the host as it is.
    scenarios->openScenarioInteractive(hcn::ui::ScenarioController::defaultScenario());
    QCOMPARE(w.asked.size(), 1);
    // The endpoint went, and the namespace it was attached to changed.
    QVERIFY2(w.asked.front().endsWith(
                 QStringLiteral("the host with %1 changes (objects created, changed or deleted) "
                                "that are not saved anywhere -> the sample host")
                     .arg(scenarios->unsavedChanges())),
             qPrintable(w.asked.front()));
    scenarios->newEmptyHostInteractive();
    QCOMPARE(w.asked.size(), 2);
    QVERIFY(!scenarios->isLoading());
    QCOMPARE(&w.host(), before);
    QTRY_VERIFY_WITH_TIMEOUT(!w.window.mirror()->object(web), 10000); // the mirror follows the host

    // Export all saves it: the next replacement needs no question.
    QVERIFY(w.exportAll(m_dir.filePath("saved.json")));
    QCOMPARE(scenarios->unsavedChanges(), 0);
    QSignalSpy shown(scenarios, &hcn::ui::ScenarioController::hostLoaded);
    scenarios->newEmptyHostInteractive();
    QVERIFY(shown.wait(10000));
    QCOMPARE(w.asked.size(), 2);
    QVERIFY(&w.host() != before);
}

void TestHostReplacement::pendingEditsAndQuittingAreAskedAbout()
{
    Window w;
    QVERIFY(w.loaded);
    // Edits typed into the form and not applied count as work too.
    hcn::ui::PropertiesDock* dock = w.window.propertiesDock();
    dock->startNew(QStringLiteral("network.nat"));
    auto* name = dock->editor()->form()->editor(QStringLiteral("Name"))->findChild<QLineEdit*>();
    QTest::keyClicks(name, QStringLiteral("-more"));
    QVERIFY(dock->hasPendingEdits());
    QVERIFY(!w.window.scenarioController()->confirmReplace(QStringLiteral("a new empty host")));
    QCOMPARE(w.asked.size(), 1);
    QVERIFY2(w.asked.front().contains(QStringLiteral("edits in the Properties form that are not applied")),
             qPrintable(w.asked.front()));

    // Quitting asks the same; refused, the window stays.
    QVERIFY(!w.window.close());
    QVERIFY(w.window.isVisible());
    QCOMPARE(w.asked.size(), 2);
    QVERIFY(w.asked.last().endsWith(QStringLiteral("-> quitting")));
    w.answer = true;
    QVERIFY(w.window.close());
    QVERIFY(!w.window.isVisible());
}

void TestHostReplacement::connectingSaysTheHostIsKept()
{
    Window w;
    QVERIFY(w.loaded);
    w.window.connectionController()->showConnectDialog();
    hcn::ui::ConnectDialog* dialog = w.window.connectionController()->connectDialog();
    QVERIFY(dialog);
    QVERIFY2(dialog->note().contains(QStringLiteral("is kept")), qPrintable(dialog->note()));
    QVERIFY(dialog->note().contains(QStringLiteral("Disconnect")));
    dialog->reject();
}

void TestHostReplacement::lostServiceMarksTheStaleTreeAndDiagram()
{
    Window w;
    QVERIFY(w.loaded);
    hcn::ui::StaleHostBanner* banner = w.window.staleHostBanner();
    auto* bar = w.window.findChild<QToolBar*>(QStringLiteral("staleHostBar"));
    QVERIFY(bar);
    QVERIFY(!banner->isStale());
    QVERIFY(!bar->isVisible());
    const QString treeTitle = w.window.resourceTreeDock()->windowTitle();

    // The engine behind the console stops: every subscriber gets ServiceDisconnect.
    auto* embedded = dynamic_cast<hcn::EmbeddedApi*>(&w.host());
    QVERIFY(embedded);
    embedded->engine().shutdown();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isStale(), 10000);
    QVERIFY(bar->isVisible());
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().startsWith(QStringLiteral("Disconnected \u2014 showing the host as of ")),
             qPrintable(banner->text()));
    QVERIFY2(w.window.resourceTreeDock()->windowTitle().startsWith(treeTitle +
                                                                   QStringLiteral(" (disconnected, as of ")),
             qPrintable(w.window.resourceTreeDock()->windowTitle()));
    bool topologyMarked = false;
    for (QDockWidget* dock : w.window.docks())
        if (dock->objectName().contains(QStringLiteral("opology")))
            topologyMarked = dock->windowTitle().contains(QStringLiteral("disconnected"));
    QVERIFY(topologyMarked);

    // Another host on screen: current again, the marks go.
    QSignalSpy shown(w.window.scenarioController(), &hcn::ui::ScenarioController::hostLoaded);
    w.window.scenarioController()->newEmptyHost();
    QVERIFY(shown.wait(10000));
    QTRY_VERIFY(!banner->isStale());
    QVERIFY(!bar->isVisible());
    QCOMPARE(w.window.resourceTreeDock()->windowTitle(), treeTitle);
}

void TestHostReplacement::exportAllOpensAgainAsAnEditableHost()
{
    Window w;
    QVERIFY(w.loaded);
    const QString path = m_dir.filePath("whole-host.json");
    QVERIFY(w.exportAll(path));
    const QJsonObject saved = w.snapshot();
    QVERIFY(saved.contains(QStringLiteral("GuestNetworkServices"))); // what the reader refused before

    QVERIFY(w.load(path)); // File > Open Scenario on the export
    QCOMPARE(w.window.hostStatusBar()->countsText(), QString::fromUtf8(kSampleCounts));
    QVERIFY(!w.window.mirror()->info().readOnly);
    const QJsonObject reopened = w.snapshot();
    for (const char* section :
         {"Networks", "Endpoints", "Namespaces", "LoadBalancers", "SdnRoutes", "GuestNetworkServices"}) {
        auto again = byId(reopened, section);
        auto before = byId(saved, section);
        QVERIFY(!before.isEmpty() || QByteArray(section) != "Networks");
        // A network's Health (its virtual switch's GUID) is the service's own, new for every create.
        for (auto* objects : {&again, &before})
            for (QJsonObject& document : *objects)
                if (QByteArray(section) == "Networks")
                    document.remove(QStringLiteral("Health"));
        QCOMPARE(again, before);
    }
}

QTEST_MAIN(TestHostReplacement)
#include "tst_hostreplacement.moc"
