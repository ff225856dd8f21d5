// The Properties dock at a glance, on a real engine: the summary header (state in words, addresses,
// network and namespace by name as links that select them, policies in plain words), the mouse wheel
// that scrolls past a combo box without changing it, the form back at the top for a new selection,
// read-only fields that look it, unset fields folded under "More", version badges only above 2.0, and
// the reason Create is disabled shown next to it.

#include "editors/field_editor.h"
#include "editors/hcn_calls.h"
#include "editors/object_editor.h"
#include "editors/object_field_editor.h"
#include "editors/object_glance.h"
#include "editors/properties_dock.h"
#include "editors/raw_json_editor.h"
#include "editors/schema_form.h"
#include "hcn/embedded_api.h"
#include "models/current_selection.h"
#include "models/host_mirror.h"
#include "models/object_summary.h"
#include "models/plain_words.h"

#include <QApplication>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>
#include <QWheelEvent>

using namespace hcn;
using namespace hcn::ui;

namespace {

QJsonObject obj(const char* json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

/// A wheel turn over `widget`'s centre, as the mouse sends it.
void wheel(QWidget* widget, int delta)
{
    const QPointF local(widget->width() / 2.0, widget->height() / 2.0);
    QWheelEvent event(local, widget->mapToGlobal(local), QPoint(), QPoint(0, delta), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &event);
}

} // namespace

class TestPropertiesGlance : public QObject
{
    Q_OBJECT
private slots:
    void policyInPlainWords_data();
    void policyInPlainWords();
    void stateInWords();
    void networkTypeInWords();
    void init();
    void cleanup();
    void headerSummarizesEndpointWithNamesThatSelect();
    void headerListsNetworkEndpointsAndLoadBalancerBackends();
    void wheelOverUnfocusedComboKeepsItsValue();
    void newSelectionStartsAtTheTop();
    void readOnlyFieldsLookReadOnly();
    void unsetFieldsFoldUnderMore();
    void versionBadgeOnlyAboveTwoZero();
    void jsonErrorIsShownNextToCreate();

private:
    void sync()
    {
        m_api->engine().drainNotifications();
        m_mirror->flushPending();
    }
    QString create(ResourceKind kind, const QJsonObject& doc, const QString& network = {})
    {
        auto id = HcnCalls::create(m_api.get(), kind, {}, doc, network);
        sync();
        return id.ok() ? id->toUpper() : QString();
    }
    QString natNetwork()
    {
        return create(ResourceKind::Network, obj(R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"nat",
            "Type":"NAT","Ipams":[{"Subnets":[{"IpAddressPrefix":"172.20.0.0/16",
            "Routes":[{"NextHop":"172.20.0.1","DestinationPrefix":"0.0.0.0/0"}]}]}]})"));
    }
    QString webEndpoint(const QString& network)
    {
        return create(ResourceKind::Endpoint, obj(R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"web",
            "IpConfigurations":[{"IpAddress":"172.20.0.5"}],"MacAddress":"00-15-5D-00-00-05",
            "Policies":[{"Type":"PortMapping","Settings":{"Protocol":6,"ExternalPort":8080,"InternalPort":80}},
                        {"Type":"OutBoundNAT","Settings":{"Exceptions":["10.96.0.0/12"]}}]})"),
                      network);
    }
    FieldEditor* field(const QString& path) const { return m_dock->editor()->form()->editor(path); }

    std::shared_ptr<EmbeddedApi> m_api;
    std::unique_ptr<HostMirror> m_mirror;
    std::unique_ptr<CurrentSelection> m_selection;
    std::unique_ptr<QUndoStack> m_stack;
    std::unique_ptr<PropertiesDock> m_dock;
};

void TestPropertiesGlance::policyInPlainWords_data()
{
    QTest::addColumn<QString>("policy");
    QTest::addColumn<QString>("words");
    QTest::newRow("port mapping external to internal")
        << R"({"Type":"PortMapping","Settings":{"Protocol":6,"ExternalPort":8080,"InternalPort":80}})"
        << QStringLiteral("PortMapping TCP 8080 \u2192 80");
    QTest::newRow("port mapping on a VIP, UDP by name")
        << R"({"Type":"PortMapping","Settings":{"Protocol":"udp","ExternalPort":53,"InternalPort":53,"VIP":"10.0.0.9"}})"
        << QStringLiteral("PortMapping UDP 10.0.0.9:53 \u2192 53");
    QTest::newRow("outbound NAT exceptions as an array")
        << R"({"Type":"OutBoundNAT","Settings":{"Exceptions":["10.96.0.0/12"]}})"
        << QStringLiteral("OutBoundNAT except 10.96.0.0/12");
    QTest::newRow("outbound NAT exceptions as a list string")
        << R"({"Type":"OutBoundNAT","Settings":{"Exceptions":"10.96.0.0/12,10.244.0.0/16"}})"
        << QStringLiteral("OutBoundNAT except 10.96.0.0/12, 10.244.0.0/16");
    QTest::newRow("ACL")
        << R"({"Type":"ACL","Settings":{"Action":"Block","Direction":"Out","Protocols":"6","RemoteAddresses":"10.0.0.0/8","Priority":200}})"
        << QStringLiteral("ACL Block Out TCP remote 10.0.0.0/8 (priority 200)");
    QTest::newRow("SDN route")
        << R"({"Type":"SDNRoute","Settings":{"DestinationPrefix":"10.1.0.0/16","NextHop":"10.0.0.1"}})"
        << QStringLiteral("SDNRoute 10.1.0.0/16 via 10.0.0.1");
    QTest::newRow("single setting") << R"({"Type":"VSID","Settings":{"IsolationId":4096}})"
                                    << QStringLiteral("VSID 4096");
    QTest::newRow("other settings as key=value")
        << R"({"Type":"Custom","Settings":{"A":1,"B":"x"}})" << QStringLiteral("Custom A=1, B=x");
}

void TestPropertiesGlance::policyInPlainWords()
{
    QFETCH(QString, policy);
    QFETCH(QString, words);
    QCOMPARE(words::policy(obj(policy.toUtf8().constData())), words);
}

void TestPropertiesGlance::stateInWords()
{
    QCOMPARE(words::state(obj(R"({"State":2})")), QStringLiteral("Attached"));
    QCOMPARE(words::state(obj(R"({"State":5})")), QStringLiteral("Degraded"));
    QCOMPARE(words::state(obj(R"({"State":"Synchronized"})")), QStringLiteral("Synchronized"));
    QCOMPARE(words::state(obj(R"({})")), QString());
    QCOMPARE(words::protocol(58), QStringLiteral("ICMPv6"));
    QCOMPARE(words::protocol(QJsonValue()), QStringLiteral("unknown")); // an import's unknown value
    QCOMPARE(words::protocol(QJsonValue(QJsonValue::Undefined)), QStringLiteral("any")); // HNS's default
}

void TestPropertiesGlance::networkTypeInWords()
{
    QCOMPARE(summary::networkType(obj(R"({"Name":"nat"})")), QStringLiteral("NAT")); // HNS omits NAT
    QCOMPARE(summary::networkType(obj(R"({"Type":"L2Bridge"})")), QStringLiteral("L2Bridge"));
    QCOMPARE(summary::networkType(obj(R"({"Type":null})")), QStringLiteral("unknown"));
}

void TestPropertiesGlance::init()
{
    m_api = std::make_shared<EmbeddedApi>();
    m_mirror = std::make_unique<HostMirror>();
    QVERIFY(m_mirror->attach(m_api).ok());
    m_selection = std::make_unique<CurrentSelection>();
    m_stack = std::make_unique<QUndoStack>();
    m_dock = std::make_unique<PropertiesDock>(m_mirror.get(), m_selection.get(), m_stack.get());
    m_dock->setConfirmationsEnabled(false);
    m_dock->resize(600, 500);
    m_dock->show();
}

void TestPropertiesGlance::cleanup()
{
    m_dock.reset();
    m_stack.reset();
    m_selection.reset();
    m_mirror.reset();
    m_api.reset();
}

void TestPropertiesGlance::headerSummarizesEndpointWithNamesThatSelect()
{
    const QString net = natNetwork();
    const QString ep = webEndpoint(net);
    const QString ns = create(ResourceKind::Namespace, obj(R"({"SchemaVersion":{"Major":2,"Minor":0}})"));
    QVERIFY(HcnCalls::setNamespaceMembership(m_api.get(), ns, ep, true).ok());
    sync();
    m_selection->setIds({ep});

    ObjectGlance* glance = m_dock->glance();
    QVERIFY(glance->isVisible());
    const QString text = glance->plainText();
    for (const QString& part :
         {QStringLiteral("web"), QStringLiteral("Endpoint"), QStringLiteral("Attached"),
          QStringLiteral("172.20.0.5"), QStringLiteral("00-15-5D-00-00-05"), QStringLiteral("nat"),
          QStringLiteral("namespace ") + ns.left(8), QStringLiteral("PortMapping TCP 8080 \u2192 80"),
          QStringLiteral("OutBoundNAT except 10.96.0.0/12")})
        QVERIFY2(text.contains(part), qPrintable(part + QStringLiteral(" not in: ") + text));
    QVERIFY2(!text.contains(net), "the network is named, not shown by ID");
    QCOMPARE(glance->linkedIds(), (QStringList{net, ns}));

    // A name is a link: following it selects that object (and the dock shows it).
    emit glance->linkActivated(QStringLiteral("object:") + net);
    QCOMPARE(m_selection->ids(), QStringList{net});
    QCOMPARE(m_dock->currentId(), net);
    QVERIFY(m_dock->glance()->plainText().contains(QStringLiteral("172.20.0.0/16")));
    QVERIFY(m_dock->glance()->plainText().contains(QStringLiteral("172.20.0.1"))); // the gateway
}

void TestPropertiesGlance::headerListsNetworkEndpointsAndLoadBalancerBackends()
{
    const QString net = natNetwork();
    const QString ep = webEndpoint(net);
    QJsonObject lb = obj(R"({"SchemaVersion":{"Major":2,"Minor":0},"FrontendVIPs":["10.0.0.100"],
        "PortMappings":[{"Protocol":6,"ExternalPort":80,"InternalPort":8080}]})");
    lb.insert(QStringLiteral("HostComputeEndpoints"), QJsonArray{ep});
    const QString lbId = create(ResourceKind::LoadBalancer, lb);
    QVERIFY(!lbId.isEmpty());

    m_selection->setIds({lbId});
    QString text = m_dock->glance()->plainText();
    QVERIFY2(text.contains(QStringLiteral("10.0.0.100")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("TCP 80\u21928080")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("web")) && !text.contains(ep), qPrintable(text));
    QCOMPARE(m_dock->glance()->linkedIds(), QStringList{ep});

    m_selection->setIds({net});
    QVERIFY(m_dock->glance()->linkedIds().contains(ep)); // the network's endpoints by name
    // A new endpoint on the host shows up in the header at once.
    const QString second =
        create(ResourceKind::Endpoint, obj(R"({"SchemaVersion":{"Major":2,"Minor":0},"Name":"db"})"), net);
    QVERIFY(m_dock->glance()->plainText().contains(QStringLiteral("db")));
    QVERIFY(m_dock->glance()->linkedIds().contains(second));
}

void TestPropertiesGlance::wheelOverUnfocusedComboKeepsItsValue()
{
    const QString ep = webEndpoint(natNetwork());
    m_selection->setIds({ep});
    FieldEditor* protocol = field(QStringLiteral("Policies[0].Settings.Protocol"));
    QVERIFY(protocol);
    auto* combo = protocol->findChild<QComboBox*>();
    QVERIFY(combo);
    const QString before = combo->currentText();
    QVERIFY2(before.contains(QStringLiteral("TCP")), qPrintable(before));
    QVERIFY(!combo->hasFocus());

    for (int delta : {-120, -120, 120, -360})
        wheel(combo, delta);
    QCOMPARE(combo->currentText(), before);
    QVERIFY(combo->focusPolicy() != Qt::WheelFocus); // the wheel does not give it focus either
    QVERIFY(!m_dock->hasPendingEdits());
    QVERIFY(m_stack->count() == 0);
}

void TestPropertiesGlance::newSelectionStartsAtTheTop()
{
    const QString net = natNetwork();
    const QString ep = webEndpoint(net);
    m_selection->setIds({ep});
    QScrollArea* scroll = m_dock->editor()->formScrollArea();
    QTRY_VERIFY(scroll->verticalScrollBar()->maximum() > 0); // the form is taller than the dock
    m_dock->editor()->form()->root()->moreButton()->setChecked(true);
    scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum());
    QVERIFY(scroll->verticalScrollBar()->value() > 0);

    m_selection->setIds({net});
    QCOMPARE(scroll->verticalScrollBar()->value(), 0);
}

void TestPropertiesGlance::readOnlyFieldsLookReadOnly()
{
    const QString ep = webEndpoint(natNetwork());
    m_selection->setIds({ep});
    FieldEditor* name = field(QStringLiteral("Name")); // cannot change on an existing endpoint
    QVERIFY(name->isEditorReadOnly());
    auto* locked = name->findChild<QLineEdit*>();
    QVERIFY(locked->isReadOnly());
    QVERIFY(!locked->hasFrame());
    QCOMPARE(locked->palette().color(QPalette::Base), locked->palette().color(QPalette::Window));

    m_dock->startNew(QStringLiteral("network.nat")); // a new object: the name is for the user to type
    auto* editable = field(QStringLiteral("Name"))->findChild<QLineEdit*>();
    QVERIFY(!editable->isReadOnly());
    QVERIFY(editable->hasFrame());
    QVERIFY(editable->palette().color(QPalette::Base) != editable->palette().color(QPalette::Window));
}

void TestPropertiesGlance::unsetFieldsFoldUnderMore()
{
    const QString net = natNetwork();
    m_selection->setIds({net});
    QWidget* dock = m_dock.get();
    FieldEditor* ipams = field(QStringLiteral("Ipams"));
    FieldEditor* dns = field(QStringLiteral("Dns")); // not in the document
    QVERIFY(ipams && dns);
    QVERIFY(ipams->isVisibleTo(dock));
    QVERIFY(!dns->isVisibleTo(dock));
    QToolButton* more = m_dock->editor()->form()->root()->moreButton();
    QVERIFY(more->isVisibleTo(dock));
    QVERIFY2(more->text().startsWith(QStringLiteral("More")), qPrintable(more->text()));

    QTest::mouseClick(more, Qt::LeftButton);
    QVERIFY(dns->isVisibleTo(dock));
    QTest::mouseClick(more, Qt::LeftButton);
    QVERIFY(!dns->isVisibleTo(dock));
    QVERIFY(!m_dock->hasPendingEdits()); // folding is not an edit
}

void TestPropertiesGlance::versionBadgeOnlyAboveTwoZero()
{
    QJsonObject lb = obj(R"({"SchemaVersion":{"Major":2,"Minor":0},"FrontendVIPs":["10.0.0.100"],
        "PortMappings":[{"Protocol":6,"ExternalPort":80,"InternalPort":8080}]})");
    m_selection->setIds({create(ResourceKind::LoadBalancer, lb)});
    auto* form = m_dock->editor()->form()->root();
    QVERIFY(!form->findChild<QLabel*>(QStringLiteral("sinceBadge:FrontendVIPs")));      // 2.0
    QVERIFY(form->findChild<QLabel*>(QStringLiteral("sinceBadge:HostComputeNetwork"))); // 2.5
}

void TestPropertiesGlance::jsonErrorIsShownNextToCreate()
{
    m_dock->startNew(QStringLiteral("network.nat"));
    auto* apply = m_dock->findChild<QPushButton*>(QStringLiteral("applyButton"));
    auto* problems = m_dock->findChild<QLabel*>(QStringLiteral("applyProblems"));
    QVERIFY(apply->isEnabled());
    QVERIFY(problems->isHidden());

    m_dock->editor()->showRawTab();
    m_dock->editor()->rawEditor()->textEdit()->setPlainText(
        QStringLiteral("{\n  \"Name\": \"x\",\n  \"Type\" \"NAT\"\n}"));
    QVERIFY(!apply->isEnabled());
    QVERIFY(!problems->isHidden());
    QVERIFY2(problems->text().contains(QStringLiteral("Line 3, column")), qPrintable(problems->text()));
    QVERIFY2(problems->text().startsWith(QStringLiteral("Cannot create yet")), qPrintable(problems->text()));

    m_dock->editor()->rawEditor()->textEdit()->setPlainText(
        QStringLiteral("{\"Name\":\"x\",\"Type\":\"NAT\"}"));
    QVERIFY(apply->isEnabled());
    QVERIFY(problems->isHidden());
}

QTEST_MAIN(TestPropertiesGlance)
#include "tst_propertiesglance.moc"
