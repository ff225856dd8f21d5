// PropertiesDock on a real engine (EmbeddedApi + HostMirror), driven through its widgets: create from a
// template, edit a policy, undo/redo, delete and undo, a refused change with its error and hint, and
// changes made on the host while the form is open. The calls run on the host's worker: the tests wait
// for the dock to be idle again (the engine's own calls are made here directly, to set up and check).

#include "editors/error_panel.h"
#include "editors/field_editor.h"
#include "editors/hcn_calls.h"
#include "editors/object_editor.h"
#include "editors/properties_dock.h"
#include "editors/raw_json_editor.h"
#include "editors/schema_form.h"
#include "hcn/embedded_api.h"
#include "models/current_selection.h"
#include "models/host_mirror.h"
#include "widgets/error_explanation_view.h"

#include <QAction>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

using namespace hcn;
using namespace hcn::ui;

namespace {

QJsonObject obj(const char* json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

QJsonObject portMappingEndpoint(const char* name, int externalPort)
{
    QJsonObject doc = obj(R"({"SchemaVersion":{"Major":2,"Minor":0}})");
    doc.insert(QStringLiteral("Name"), QString::fromLatin1(name));
    doc.insert(QStringLiteral("Policies"),
               QJsonArray{QJsonObject{{QStringLiteral("Type"), QStringLiteral("PortMapping")},
                                      {QStringLiteral("Settings"),
                                       QJsonObject{{QStringLiteral("Protocol"), 6},
                                                   {QStringLiteral("InternalPort"), 80},
                                                   {QStringLiteral("ExternalPort"), externalPort}}}}});
    return doc;
}

int externalPortOf(const QJsonObject& endpoint)
{
    return endpoint.value(QStringLiteral("Policies"))
        .toArray()
        .first()
        .toObject()
        .value(QStringLiteral("Settings"))
        .toObject()
        .value(QStringLiteral("ExternalPort"))
        .toInt();
}

void typeInto(FieldEditor* field, const QString& text)
{
    auto* line = field->findChild<QLineEdit*>();
    QVERIFY(line);
    line->selectAll();
    QTest::keyClick(line, Qt::Key_Backspace);
    QTest::keyClicks(line, text);
}

} // namespace

class TestPropertiesDock : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void createNatNetworkFromTemplate();
    void editPortMappingUndoRedo();
    void deleteAndUndoRecreatesSameId();
    void deleteNetworkUndoBringsEndpointsBack();
    void deleteNamespaceUndoReattachesEndpointsAndContainers();
    void conflictingPortMappingShowsErrorAndChangesNothing();
    void failedUndoTakesTheCommandOffTheStack();
    void fieldsHcnCannotModifyAreReadOnly();
    void unsupportedRawEditIsRefused();
    void hostChangeRefreshesOrOffersReload();
    void revertDropsEdits();
    void newObjectActionsAndEndpointWithoutNetwork();

private:
    void sync();
    /// Waits until the dock's calls are back, then applies what the host notified.
    void settle();
    void waitUntilIdle();
    QString createNetwork(const char* name = "nat");
    QString createEndpoint(const QString& network, const QJsonObject& doc);
    QJsonObject hostDocument(ResourceKind kind, const QString& id);
    QPushButton* applyButton() const
    {
        return m_dock->findChild<QPushButton*>(QStringLiteral("applyButton"));
    }
    FieldEditor* field(const QString& path) const { return m_dock->editor()->form()->editor(path); }

    std::shared_ptr<EmbeddedApi> m_api;
    std::unique_ptr<HostMirror> m_mirror;
    std::unique_ptr<CurrentSelection> m_selection;
    std::unique_ptr<QUndoStack> m_stack;
    std::unique_ptr<PropertiesDock> m_dock;
};

void TestPropertiesDock::init()
{
    m_api = std::make_shared<EmbeddedApi>();
    m_mirror = std::make_unique<HostMirror>();
    QVERIFY(m_mirror->attach(m_api).ok());
    m_selection = std::make_unique<CurrentSelection>();
    m_stack = std::make_unique<QUndoStack>();
    m_dock = std::make_unique<PropertiesDock>(m_mirror.get(), m_selection.get(), m_stack.get());
    m_dock->setConfirmationsEnabled(false);
    m_dock->resize(600, 900);
    m_dock->show();
}

void TestPropertiesDock::cleanup()
{
    m_dock.reset();
    m_stack.reset();
    m_selection.reset();
    m_mirror.reset();
    m_api.reset();
}

void TestPropertiesDock::sync()
{
    m_api->engine().drainNotifications();
    m_mirror->flushPending();
}

void TestPropertiesDock::waitUntilIdle()
{
    QTRY_VERIFY_WITH_TIMEOUT(!m_dock->isBusy(), 10000);
}

void TestPropertiesDock::settle()
{
    waitUntilIdle();
    sync();
}

QString TestPropertiesDock::createNetwork(const char* name)
{
    QJsonObject doc = obj(R"({"SchemaVersion":{"Major":2,"Minor":0},"Type":"NAT"})");
    doc.insert(QStringLiteral("Name"), QString::fromLatin1(name));
    auto id = HcnCalls::create(m_api.get(), ResourceKind::Network, {}, doc);
    sync();
    return id.ok() ? *id : QString();
}

QString TestPropertiesDock::createEndpoint(const QString& network, const QJsonObject& doc)
{
    auto id = HcnCalls::create(m_api.get(), ResourceKind::Endpoint, {}, doc, network);
    sync();
    return id.ok() ? *id : QString();
}

QJsonObject TestPropertiesDock::hostDocument(ResourceKind kind, const QString& id)
{
    auto doc = HcnCalls::query(m_api.get(), kind, id);
    return doc.ok() ? *doc : QJsonObject();
}

void TestPropertiesDock::createNatNetworkFromTemplate()
{
    m_dock->startNew(QStringLiteral("network.nat"));
    QCOMPARE(applyButton()->text(), QStringLiteral("Create"));
    typeInto(field(QStringLiteral("Name")), QStringLiteral("made-in-form"));
    QSignalSpy busy(m_dock.get(), &PropertiesDock::busyChanged);
    QTest::mouseClick(applyButton(), Qt::LeftButton);
    QVERIFY(m_dock->isBusy()); // the call is on its way; the form waits for it
    QVERIFY(!applyButton()->isEnabled());
    auto* busyBar = m_dock->findChild<QProgressBar*>(QStringLiteral("busyBar"));
    QVERIFY(busyBar->isVisible());
    settle();
    QVERIFY(busyBar->isHidden());
    QCOMPARE(busy.count(), 2);
    QVERIFY2(m_dock->errorPanel()->isHidden(), qPrintable(m_dock->errorPanel()->messageText()));

    auto ids = m_api->enumerate(ResourceKind::Network, R"({"Filter":"{\"Name\":\"made-in-form\"}"})");
    QVERIFY(ids.ok());
    const QJsonArray found = QJsonDocument::fromJson(QByteArray::fromStdString(*ids)).array();
    QCOMPARE(found.size(), 1);
    const QString id = found.first().toString();
    QCOMPARE(m_selection->current(), id.toUpper()); // the console keys IDs in upper case
    QCOMPARE(m_dock->currentId().toUpper(), id.toUpper());
    QCOMPARE(m_stack->count(), 1);
    QCOMPARE(applyButton()->text(), QStringLiteral("Apply"));
    QVERIFY(!m_dock->hasPendingEdits());

    m_stack->undo();
    settle();
    QCOMPARE(m_api->engine().counts().networks, std::size_t(0));
    m_stack->redo();
    settle();
    QCOMPARE(hostDocument(ResourceKind::Network, id).value(QStringLiteral("Name")).toString(),
             QStringLiteral("made-in-form"));
}

void TestPropertiesDock::editPortMappingUndoRedo()
{
    const QString net = createNetwork();
    const QString ep = createEndpoint(net, portMappingEndpoint("web", 8080));
    QVERIFY(!ep.isEmpty());
    m_selection->setIds({ep});
    QCOMPARE(m_dock->currentId().toUpper(), ep.toUpper()); // the console keys IDs in upper case
    QVERIFY(!applyButton()->isEnabled());

    typeInto(field(QStringLiteral("Policies[0].Settings.ExternalPort")), QStringLiteral("9090"));
    QVERIFY(m_dock->hasPendingEdits());
    QVERIFY(applyButton()->isEnabled());
    m_dock->applyAction()->trigger(); // Ctrl+Return
    settle();
    QVERIFY2(m_dock->errorPanel()->isHidden(), qPrintable(m_dock->errorPanel()->messageText()));
    QCOMPARE(externalPortOf(hostDocument(ResourceKind::Endpoint, ep)), 9090);
    QCOMPARE(m_stack->count(), 1);
    QVERIFY(!m_dock->hasPendingEdits());
    QVERIFY(m_dock->reloadBar()->isHidden());

    m_stack->undo();
    settle();
    QCOMPARE(externalPortOf(hostDocument(ResourceKind::Endpoint, ep)), 8080);
    // No pending edits: the form follows the host.
    auto* port = field(QStringLiteral("Policies[0].Settings.ExternalPort"))->findChild<QLineEdit*>();
    QCOMPARE(port->text(), QStringLiteral("8080"));
    m_stack->redo();
    settle();
    QCOMPARE(externalPortOf(hostDocument(ResourceKind::Endpoint, ep)), 9090);
    QCOMPARE(field(QStringLiteral("Policies[0].Settings.ExternalPort"))->findChild<QLineEdit*>()->text(),
             QStringLiteral("9090"));
}

void TestPropertiesDock::deleteAndUndoRecreatesSameId()
{
    const QString net = createNetwork();
    const QString ep = createEndpoint(net, portMappingEndpoint("web", 8080));
    auto ns = HcnCalls::create(m_api.get(), ResourceKind::Namespace, {},
                               obj(R"({"SchemaVersion":{"Major":2,"Minor":0}})"));
    QVERIFY(ns.ok());
    QVERIFY(HcnCalls::setNamespaceMembership(m_api.get(), *ns, ep, true).ok());
    auto lb = HcnCalls::create(
        m_api.get(), ResourceKind::LoadBalancer, {},
        QJsonObject{{QStringLiteral("SchemaVersion"), obj(R"({"Major":2,"Minor":0})")},
                    {QStringLiteral("HostComputeEndpoints"), QJsonArray{ep}},
                    {QStringLiteral("FrontendVIPs"), QJsonArray{QStringLiteral("10.96.0.10")}},
                    {QStringLiteral("PortMappings"),
                     QJsonArray{obj(R"({"Protocol":6,"InternalPort":80,"ExternalPort":80})")}}});
    QVERIFY(lb.ok());
    sync();
    const QJsonObject before = hostDocument(ResourceKind::Endpoint, ep);

    m_selection->setIds({ep});
    QVERIFY(m_dock->deleteAction()->isEnabled());
    m_dock->deleteAction()->trigger();
    settle();
    QVERIFY2(m_dock->errorPanel()->isHidden(), qPrintable(m_dock->errorPanel()->messageText()));
    QCOMPARE(m_api->engine().counts().endpoints, std::size_t(0));
    QCOMPARE(m_dock->currentId(), QString()); // the form noticed

    m_stack->undo();
    settle();
    QVERIFY2(m_dock->errorPanel()->isHidden(), qPrintable(m_dock->errorPanel()->messageText()));
    const QJsonObject after = hostDocument(ResourceKind::Endpoint, ep);
    QCOMPARE(after.value(QStringLiteral("ID")).toString(), ep);
    QCOMPARE(after.value(QStringLiteral("MacAddress")), before.value(QStringLiteral("MacAddress")));
    QCOMPARE(after.value(QStringLiteral("IpConfigurations")),
             before.value(QStringLiteral("IpConfigurations")));
    QCOMPARE(after.value(QStringLiteral("Policies")), before.value(QStringLiteral("Policies")));
    QCOMPARE(after.value(QStringLiteral("HostComputeNamespace")).toString(), *ns);
    QCOMPARE(
        hostDocument(ResourceKind::LoadBalancer, *lb).value(QStringLiteral("HostComputeEndpoints")).toArray(),
        QJsonArray{ep});

    m_stack->redo();
    settle();
    QCOMPARE(m_api->engine().counts().endpoints, std::size_t(0));
}

void TestPropertiesDock::deleteNetworkUndoBringsEndpointsBack()
{
    const QString net = createNetwork();
    const QString a = createEndpoint(net, portMappingEndpoint("a", 8080));
    const QString b = createEndpoint(net, portMappingEndpoint("b", 8081));
    m_selection->setIds({net});
    m_dock->deleteAction()->trigger();
    settle();
    QCOMPARE(m_api->engine().counts().networks, std::size_t(0));
    QCOMPARE(m_api->engine().counts().endpoints, std::size_t(0));
    m_stack->undo();
    settle();
    QVERIFY2(m_dock->errorPanel()->isHidden(), qPrintable(m_dock->errorPanel()->messageText()));
    QCOMPARE(hostDocument(ResourceKind::Network, net).value(QStringLiteral("Name")).toString(),
             QStringLiteral("nat"));
    QCOMPARE(hostDocument(ResourceKind::Endpoint, a).value(QStringLiteral("HostComputeNetwork")).toString(),
             net);
    QCOMPARE(externalPortOf(hostDocument(ResourceKind::Endpoint, b)), 8081);
}

void TestPropertiesDock::deleteNamespaceUndoReattachesEndpointsAndContainers()
{
    const QString net = createNetwork();
    const QString ep = createEndpoint(net, portMappingEndpoint("web", 8080));
    auto ns = HcnCalls::create(m_api.get(), ResourceKind::Namespace, {},
                               obj(R"({"SchemaVersion":{"Major":2,"Minor":0}})"));
    QVERIFY(ns.ok());
    QVERIFY(HcnCalls::setNamespaceMembership(m_api.get(), *ns, ep, true).ok());
    QVERIFY(HcnCalls::modify(
                m_api.get(), ResourceKind::Namespace, *ns,
                obj(R"({"ResourceType":"Container","RequestType":"Add","Settings":{"ContainerId":"c1"}})"))
                .ok());
    sync();
    const QJsonObject before = hostDocument(ResourceKind::Namespace, *ns);
    m_selection->setIds({*ns});
    m_dock->deleteAction()->trigger();
    settle();
    QCOMPARE(m_api->engine().counts().namespaces, std::size_t(0));
    QVERIFY(!hostDocument(ResourceKind::Endpoint, ep).contains(QStringLiteral("HostComputeNamespace")));
    m_stack->undo();
    settle();
    QVERIFY2(m_dock->errorPanel()->isHidden(), qPrintable(m_dock->errorPanel()->messageText()));
    const QJsonObject after = hostDocument(ResourceKind::Namespace, *ns);
    QCOMPARE(after.value(QStringLiteral("Resources")).toArray().size(), 2);
    QCOMPARE(after.value(QStringLiteral("NamespaceId")), before.value(QStringLiteral("NamespaceId")));
    QCOMPARE(
        hostDocument(ResourceKind::Endpoint, ep).value(QStringLiteral("HostComputeNamespace")).toString(),
        *ns);
}

void TestPropertiesDock::conflictingPortMappingShowsErrorAndChangesNothing()
{
    const QString net = createNetwork();
    createEndpoint(net, portMappingEndpoint("a", 8080));
    const QString b = createEndpoint(net, portMappingEndpoint("b", 9090));
    const QJsonObject before = hostDocument(ResourceKind::Endpoint, b);
    m_selection->setIds({b});
    typeInto(field(QStringLiteral("Policies[0].Settings.ExternalPort")), QStringLiteral("8080"));
    QTest::mouseClick(applyButton(), Qt::LeftButton);
    QCOMPARE(m_stack->count(), 1); // on the stack while the host works on it
    settle();

    ErrorPanel* panel = m_dock->errorPanel();
    QVERIFY(!panel->isHidden());
    QCOMPARE(panel->code(), hr::PortAlreadyExists);
    QVERIFY2(panel->titleText().contains(QStringLiteral("HCN_E_PORT_ALREADY_EXISTS (0x803B0013)")),
             qPrintable(panel->titleText()));
    // The error catalog says what the code means; causes and checks open on demand.
    ErrorExplanationView* explanation = panel->explanation();
    QVERIFY(!explanation->isHidden());
    QVERIFY2(explanation->summary().startsWith(
                 QStringLiteral("HCN_E_PORT_ALREADY_EXISTS (0x803B0013): The port is taken")),
             qPrintable(explanation->summary()));
    QVERIFY(!explanation->detailsShown());
    QTest::mouseClick(explanation->findChild<QToolButton*>(QStringLiteral("errorCausesToggle")),
                      Qt::LeftButton);
    QVERIFY(explanation->detailsShown());
    QVERIFY(!explanation->findChild<QLabel*>(QStringLiteral("errorCauses"))->isHidden());
    QVERIFY2(explanation->details().contains(QStringLiteral("orphaned load balancer")) &&
                 explanation->details().contains(QStringLiteral("hnsdiag list loadbalancers")),
             qPrintable(explanation->details()));
    QVERIFY(panel->errorRecordText().contains(QStringLiteral("\"ErrorCode\"")));
    QCOMPARE(hostDocument(ResourceKind::Endpoint, b), before);
    QCOMPARE(m_stack->count(), 0); // the failed command did not stay on the stack
    QVERIFY(!m_stack->canUndo());
    QVERIFY(!m_stack->canRedo());
    QVERIFY(m_dock->hasPendingEdits()); // the user's edit is still there to fix
    QVERIFY(applyButton()->isEnabled());
}

void TestPropertiesDock::failedUndoTakesTheCommandOffTheStack()
{
    m_dock->startNew(QStringLiteral("network.nat"));
    typeInto(field(QStringLiteral("Name")), QStringLiteral("gone-behind-our-back"));
    QTest::mouseClick(applyButton(), Qt::LeftButton);
    settle();
    QCOMPARE(m_stack->count(), 1);
    const QString id = m_dock->currentId();
    QVERIFY(!id.isEmpty());
    // Someone else deletes it: undoing the create (a delete) fails on the host.
    QVERIFY(HcnCalls::remove(m_api.get(), ResourceKind::Network, id).ok());
    sync();
    m_stack->undo();
    settle();
    ErrorPanel* panel = m_dock->errorPanel();
    QVERIFY(!panel->isHidden());
    QVERIFY2(panel->titleText().startsWith(QStringLiteral("Undo: Create")), qPrintable(panel->titleText()));
    QCOMPARE(m_stack->count(), 0); // no redo entry for a create the host no longer matches
    QVERIFY(!m_stack->canRedo());
    QVERIFY(!m_stack->canUndo());
}

void TestPropertiesDock::fieldsHcnCannotModifyAreReadOnly()
{
    const QString net = createNetwork();
    m_selection->setIds({net});
    FieldEditor* name = field(QStringLiteral("Name"));
    QVERIFY(name->isEditorReadOnly());
    QVERIFY(name->toolTip().contains(QStringLiteral("cannot change Name of an existing network")));
    QVERIFY(!field(QStringLiteral("Policies"))->isEditorReadOnly());
    QVERIFY(!field(QStringLiteral("Dns"))->isEditorReadOnly());
}

void TestPropertiesDock::unsupportedRawEditIsRefused()
{
    const QString net = createNetwork();
    m_selection->setIds({net});
    const QJsonObject before = hostDocument(ResourceKind::Network, net);
    QJsonObject renamed = before;
    renamed.insert(QStringLiteral("Name"), QStringLiteral("renamed"));
    m_dock->editor()->rawEditor()->textEdit()->setPlainText(
        QString::fromUtf8(QJsonDocument(renamed).toJson()));
    QVERIFY(applyButton()->isEnabled());
    QTest::mouseClick(applyButton(), Qt::LeftButton);
    QVERIFY(!m_dock->errorPanel()->isHidden());
    QVERIFY(m_dock->errorPanel()->messageText().startsWith(QStringLiteral("Name:")));
    QCOMPARE(hostDocument(ResourceKind::Network, net), before);
    QCOMPARE(m_stack->count(), 0);
}

void TestPropertiesDock::hostChangeRefreshesOrOffersReload()
{
    const QString net = createNetwork();
    const QString ep = createEndpoint(net, portMappingEndpoint("web", 8080));
    m_selection->setIds({ep});
    const QJsonObject update = obj(R"({"ResourceType":"Policy","RequestType":"Update","Settings":{"Policies":[
        {"Type":"PortMapping","Settings":{"Protocol":6,"InternalPort":80,"ExternalPort":7070}}]}})");

    // No edits: the form follows the host.
    QVERIFY(HcnCalls::modify(m_api.get(), ResourceKind::Endpoint, ep, update).ok());
    sync();
    QCOMPARE(field(QStringLiteral("Policies[0].Settings.ExternalPort"))->findChild<QLineEdit*>()->text(),
             QStringLiteral("7070"));
    QVERIFY(m_dock->reloadBar()->isHidden());

    // Pending edits: the form keeps them and offers a reload.
    typeInto(field(QStringLiteral("Policies[0].Settings.InternalPort")), QStringLiteral("81"));
    QJsonObject second = update;
    second.insert(
        QStringLiteral("Settings"),
        obj(R"({"Policies":[{"Type":"PortMapping","Settings":{"Protocol":6,"InternalPort":80,"ExternalPort":6060}}]})"));
    QVERIFY(HcnCalls::modify(m_api.get(), ResourceKind::Endpoint, ep, second).ok());
    sync();
    QVERIFY(!m_dock->reloadBar()->isHidden());
    QCOMPARE(field(QStringLiteral("Policies[0].Settings.InternalPort"))->findChild<QLineEdit*>()->text(),
             QStringLiteral("81"));
    QTest::mouseClick(m_dock->reloadBar()->findChild<QPushButton*>(QStringLiteral("reloadButton")),
                      Qt::LeftButton);
    QVERIFY(m_dock->reloadBar()->isHidden());
    QVERIFY(!m_dock->hasPendingEdits());
    QCOMPARE(field(QStringLiteral("Policies[0].Settings.ExternalPort"))->findChild<QLineEdit*>()->text(),
             QStringLiteral("6060"));

    // Deleted on the host while shown.
    QVERIFY(HcnCalls::remove(m_api.get(), ResourceKind::Endpoint, ep).ok());
    sync();
    QCOMPARE(m_dock->currentId(), QString());
}

void TestPropertiesDock::revertDropsEdits()
{
    const QString net = createNetwork();
    const QString ep = createEndpoint(net, portMappingEndpoint("web", 8080));
    m_selection->setIds({ep});
    auto* revert = m_dock->findChild<QPushButton*>(QStringLiteral("revertButton"));
    QVERIFY(!revert->isEnabled());
    typeInto(field(QStringLiteral("Policies[0].Settings.ExternalPort")), QStringLiteral("1"));
    QVERIFY(revert->isEnabled());
    m_dock->revertAction()->trigger(); // Esc
    QVERIFY(!m_dock->hasPendingEdits());
    QCOMPARE(field(QStringLiteral("Policies[0].Settings.ExternalPort"))->findChild<QLineEdit*>()->text(),
             QStringLiteral("8080"));
    QVERIFY(!revert->isEnabled());
}

void TestPropertiesDock::newObjectActionsAndEndpointWithoutNetwork()
{
    const QList<QAction*> actions = m_dock->newObjectActions();
    QCOMPARE(actions.size(), 8);
    QCOMPARE(actions.front()->text(), QStringLiteral("New NAT network"));
    // No network yet: an endpoint cannot be started, and the dock says why.
    QAction* endpoint = nullptr;
    for (QAction* a : actions)
        if (a->objectName() == QLatin1String("new:endpoint.portmapping"))
            endpoint = a;
    QVERIFY(endpoint);
    endpoint->trigger();
    QVERIFY(!m_dock->errorPanel()->isHidden());
    QVERIFY(m_dock->errorPanel()->messageText().contains(QStringLiteral("network first")));
    // With a network it starts, on that network, and creates.
    const QString net = createNetwork();
    endpoint->trigger();
    QVERIFY(m_dock->errorPanel()->isHidden());
    QCOMPARE(m_dock->editor()->document().value(QStringLiteral("HostComputeNetwork")).toString().toUpper(),
             net.toUpper());
    QTest::mouseClick(applyButton(), Qt::LeftButton);
    settle();
    QVERIFY2(m_dock->errorPanel()->isHidden(), qPrintable(m_dock->errorPanel()->messageText()));
    QCOMPARE(m_api->engine().counts().endpoints, std::size_t(1));
}

QTEST_MAIN(TestPropertiesDock)
#include "tst_propertiesdock.moc"
