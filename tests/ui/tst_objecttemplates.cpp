// ObjectTemplates: every "New ..." template is a document the engine accepts, and a second object
// from the same template does not collide with the first (name, subnet, port, VIP).

#include "editors/hcn_calls.h"
#include "editors/object_templates.h"
#include "hcn/embedded_api.h"
#include "models/host_mirror.h"

#include <QJsonArray>
#include <QTest>

using namespace hcn;
using namespace hcn::ui;

class TestObjectTemplates : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void everyTemplateCreatesTwice_data();
    void everyTemplateCreatesTwice();
    void endpointTemplateNeedsANetwork();
    void contextFollowsTheSelection();

private:
    /// Creates `id`'s document in the engine with the mirror's current context.
    Result<QString> createFromTemplate(const QString& id, const QStringList& selection = {});
    void sync();

    std::shared_ptr<EmbeddedApi> m_api;
    std::unique_ptr<HostMirror> m_mirror;
};

void TestObjectTemplates::init()
{
    m_api = std::make_shared<EmbeddedApi>();
    m_mirror = std::make_unique<HostMirror>();
    QVERIFY(m_mirror->attach(m_api).ok());
}

void TestObjectTemplates::cleanup()
{
    m_mirror.reset();
    m_api.reset();
}

void TestObjectTemplates::sync()
{
    m_api->engine().drainNotifications();
    m_mirror->flushPending();
}

Result<QString> TestObjectTemplates::createFromTemplate(const QString& id, const QStringList& selection)
{
    const auto t = ObjectTemplates::find(id);
    const auto doc = ObjectTemplates::document(id, TemplateContext::fromMirror(*m_mirror, selection));
    if (!t || !doc)
        return Status(hr::InvalidArg, "no document for template " + id.toStdString());
    auto created = HcnCalls::create(m_api.get(), t->kind, {}, *doc,
                                    doc->value(QStringLiteral("HostComputeNetwork")).toString());
    sync();
    return created;
}

void TestObjectTemplates::everyTemplateCreatesTwice_data()
{
    QTest::addColumn<QString>("templateId");
    for (const auto& t : ObjectTemplates::all())
        QTest::newRow(qPrintable(t.id)) << t.id;
}

void TestObjectTemplates::everyTemplateCreatesTwice()
{
    QFETCH(QString, templateId);
    const auto t = ObjectTemplates::find(templateId);
    QVERIFY(t);
    QVERIFY(!t->title.isEmpty());
    QStringList selection;
    if (t->needsNetwork || t->kind == ResourceKind::LoadBalancer) {
        auto net = createFromTemplate(QStringLiteral("network.nat"));
        QVERIFY2(net.ok(), net.status().message().c_str());
        selection << *net;
    }
    if (t->kind == ResourceKind::LoadBalancer) {
        auto backend = createFromTemplate(QStringLiteral("endpoint.plain"), selection);
        QVERIFY2(backend.ok(), backend.status().message().c_str());
        selection = QStringList{*backend};
    }
    for (int round = 0; round < 2; ++round) {
        auto created = createFromTemplate(templateId, selection);
        QVERIFY2(created.ok(), qPrintable(QStringLiteral("round %1: %2")
                                              .arg(round)
                                              .arg(QString::fromStdString(created.status().message()))));
        const MirrorObject* o = m_mirror->object(*created);
        QVERIFY(o);
        QCOMPARE(o->kind, t->kind);
        if (t->kind == ResourceKind::LoadBalancer)
            QCOMPARE(o->document.value(QStringLiteral("HostComputeEndpoints")).toArray().size(), 1);
    }

    // The helpers (NAT network, backend endpoint) are of other kinds.
    QCOMPARE(m_mirror->count(t->kind), 2);
}

void TestObjectTemplates::endpointTemplateNeedsANetwork()
{
    QVERIFY(!ObjectTemplates::document(QStringLiteral("endpoint.plain"),
                                       TemplateContext::fromMirror(*m_mirror, {})));
    QVERIFY(!ObjectTemplates::document(QStringLiteral("no.such.template"), {}));
}

void TestObjectTemplates::contextFollowsTheSelection()
{
    auto a = createFromTemplate(QStringLiteral("network.nat"));
    auto b = createFromTemplate(QStringLiteral("network.l2bridge"));
    QVERIFY(a.ok() && b.ok());
    auto ep = createFromTemplate(QStringLiteral("endpoint.portmapping"), {*b});
    QVERIFY2(ep.ok(), ep.status().message().c_str());
    QCOMPARE(m_mirror->object(*ep)->document.value(QStringLiteral("HostComputeNetwork")).toString(), *b);
    const TemplateContext context = TemplateContext::fromMirror(*m_mirror, {*ep});
    QCOMPARE(context.networkId, *b); // an endpoint selected: its network
    QCOMPARE(context.endpointIds.size(), 1);
    QCOMPARE(context.endpointIds.front().toUpper(), ep->toUpper()); // the console keys IDs in upper case
    QVERIFY(context.takenNames.contains(QStringLiteral("nat")));
    QVERIFY(context.usedPorts.contains(QStringLiteral("6/8080")));
    // The next port-mapping endpoint picks another external port.
    const auto next = ObjectTemplates::document(QStringLiteral("endpoint.portmapping"), context);
    QCOMPARE(next->value(QStringLiteral("Policies"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("Settings"))
                 .toObject()
                 .value(QStringLiteral("ExternalPort"))
                 .toInt(),
             8081);
}

QTEST_GUILESS_MAIN(TestObjectTemplates)
#include "tst_objecttemplates.moc"
