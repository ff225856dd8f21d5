// SchemaForm: the catalog-driven form. Each field kind gets its editor class, bad input shows an inline
// message (and keeps Apply disabled), the policy Type picks the Settings form, fields the form does not
// know survive a round trip, and fields newer than the host's schema are flagged.

#include "editors/any_field_editor.h"
#include "editors/array_field_editor.h"
#include "editors/bool_field_editor.h"
#include "editors/enum_field_editor.h"
#include "editors/flags_field_editor.h"
#include "editors/guid_field_editor.h"
#include "editors/integer_field_editor.h"
#include "editors/ip_address_field_editor.h"
#include "editors/ip_prefix_field_editor.h"
#include "editors/mac_field_editor.h"
#include "editors/object_editor.h"
#include "editors/object_field_editor.h"
#include "editors/policy_field_editor.h"
#include "editors/properties_dock.h"
#include "editors/raw_json_editor.h"
#include "editors/schema_form.h"
#include "editors/string_field_editor.h"
#include "hcn/embedded_api.h"
#include "models/current_selection.h"
#include "models/host_mirror.h"

#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QUndoStack>

using namespace hcn;
using namespace hcn::ui;

Q_DECLARE_METATYPE(hcn::ResourceKind)

namespace {

QJsonObject obj(const char* json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

const char* kEndpoint =
    R"({"Name":"web","ID":"B4AB2D96-1D29-45B9-BA90-1466B9610CD9","MacAddress":"00-15-5D-52-C0-00",
    "Flags":0,"AdditionalParams":{"k":1},"Dns":{"ServerList":["10.0.0.10"]},
    "IpConfigurations":[{"IpAddress":"172.16.0.2","PrefixLength":20}],
    "Policies":[{"Type":"PortMapping","Settings":{"Protocol":6,"InternalPort":80,"ExternalPort":8080,"VIP":"10.0.0.4"}}]})";
const char* kNetwork =
    R"({"Name":"nat","Type":"NAT","Ipams":[{"Type":"Static","Subnets":[{"IpAddressPrefix":"10.0.0.0/24"}]}],
    "Policies":[{"Type":"AutomaticDNS","Settings":{"Enable":true}}]})";

/// A form for `kind` showing `doc`, hosted in a window so the editors are visible.
struct FormFixture
{
    FormFixture(ResourceKind kind, const QJsonObject& doc, SchemaVersion host = {2, 16})
    {
        FormContext context;
        context.hostSchema = host;
        editor.edit(kind, doc, context);
        editor.resize(600, 800);
        editor.show();
    }
    SchemaForm* form() const { return editor.form(); }
    ObjectEditor editor;
};

void typeInto(FieldEditor* field, const QString& text)
{
    auto* line = field->findChild<QLineEdit*>();
    QVERIFY(line);
    line->selectAll();
    QTest::keyClick(line, Qt::Key_Backspace);
    QTest::keyClicks(line, text);
}

QString inlineMessage(FieldEditor* field)
{
    auto* label = field->findChild<QLabel*>(QStringLiteral("inlineMessage"), Qt::FindDirectChildrenOnly);
    return label && !label->isHidden() ? label->text() : QString();
}

} // namespace

class TestSchemaForm : public QObject
{
    Q_OBJECT
private slots:
    void fieldKindsGetTheirEditor_data();
    void fieldKindsGetTheirEditor();
    void invalidInputShowsInlineMessage_data();
    void invalidInputShowsInlineMessage();
    void invalidInputDisablesApply();
    void policyTypeSwitchChangesSettingsForm();
    void unknownFieldsSurviveRoundTrip();
    void formAndRawJsonStayInSync();
    void rawJsonErrorNamesThePosition();
    void newerFieldWarnsAgainstOlderHost();
    void readOnlyFieldsAreReadOnly();
    void arrayAddAndRemove();
    void largeArraysOpenElementsOnDemand();
};

void TestSchemaForm::fieldKindsGetTheirEditor_data()
{
    QTest::addColumn<ResourceKind>("kind");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("editorClass");
    const auto ep = ResourceKind::Endpoint;
    const auto net = ResourceKind::Network;
    QTest::newRow("string") << ep << "Name"
                            << "hcn::ui::StringFieldEditor";
    QTest::newRow("GUID") << ep << "ID"
                          << "hcn::ui::GuidFieldEditor";
    QTest::newRow("MAC address") << ep << "MacAddress"
                                 << "hcn::ui::MacFieldEditor";
    QTest::newRow("bitmask enum") << ep << "Flags"
                                  << "hcn::ui::FlagsFieldEditor";
    QTest::newRow("free-form JSON") << ep << "AdditionalParams"
                                    << "hcn::ui::AnyFieldEditor";
    QTest::newRow("nested object") << ep << "Dns"
                                   << "hcn::ui::ObjectFieldEditor";
    QTest::newRow("array of strings") << ep << "Dns.ServerList"
                                      << "hcn::ui::ArrayFieldEditor";
    QTest::newRow("array of objects") << ep << "IpConfigurations"
                                      << "hcn::ui::ArrayFieldEditor";
    QTest::newRow("IP address") << ep << "IpConfigurations[0].IpAddress"
                                << "hcn::ui::IpAddressFieldEditor";
    QTest::newRow("uint8 with range") << ep << "IpConfigurations[0].PrefixLength"
                                      << "hcn::ui::IntegerFieldEditor";
    QTest::newRow("policy list") << ep << "Policies"
                                 << "hcn::ui::ArrayFieldEditor";
    QTest::newRow("policy") << ep << "Policies[0]"
                            << "hcn::ui::PolicyFieldEditor";
    QTest::newRow("policy settings") << ep << "Policies[0].Settings"
                                     << "hcn::ui::ObjectFieldEditor";
    QTest::newRow("enum combo") << ep << "Policies[0].Settings.Protocol"
                                << "hcn::ui::EnumFieldEditor";
    QTest::newRow("uint16 in settings") << ep << "Policies[0].Settings.InternalPort"
                                        << "hcn::ui::IntegerFieldEditor";
    QTest::newRow("IP in settings") << ep << "Policies[0].Settings.VIP"
                                    << "hcn::ui::IpAddressFieldEditor";
    QTest::newRow("prefix") << net << "Ipams[0].Subnets[0].IpAddressPrefix"
                            << "hcn::ui::IpPrefixFieldEditor";
    QTest::newRow("plain enum") << net << "Type"
                                << "hcn::ui::EnumFieldEditor";
    QTest::newRow("bool") << net << "Policies[0].Settings.Enable"
                          << "hcn::ui::BoolFieldEditor";
}

void TestSchemaForm::fieldKindsGetTheirEditor()
{
    QFETCH(ResourceKind, kind);
    QFETCH(QString, path);
    QFETCH(QString, editorClass);
    FormFixture f(kind, obj(kind == ResourceKind::Endpoint ? kEndpoint : kNetwork));
    FieldEditor* editor = f.form()->editor(path);
    QVERIFY2(editor, qPrintable(path));
    QCOMPARE(QString::fromLatin1(editor->metaObject()->className()), editorClass);
    QVERIFY(editor->isVisibleTo(&f.editor));
    QVERIFY(f.form()->isValid());
}

void TestSchemaForm::invalidInputShowsInlineMessage_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("IP out of range") << "Policies[0].Settings.VIP"
                                     << "10.0.0.300"
                                     << "not an IPv4 or IPv6 address";
    QTest::newRow("port above 65535") << "Policies[0].Settings.InternalPort"
                                      << "70000"
                                      << "out of range (0 - 65535)";
    QTest::newRow("prefix length above 255 for uint8") << "IpConfigurations[0].PrefixLength"
                                                       << "256"
                                                       << "out of range";
    QTest::newRow("not a number") << "Policies[0].Settings.ExternalPort"
                                  << "80a"
                                  << "not a whole number";
    QTest::newRow("MAC with 5 octets") << "MacAddress"
                                       << "00-15-5D-52-C0"
                                       << "not a MAC address";
    QTest::newRow("GUID with braces") << "ID"
                                      << "{B4AB2D96-1D29-45B9-BA90-1466B9610CD9}"
                                      << "not a GUID";
    QTest::newRow("JSON missing a brace") << "AdditionalParams"
                                          << "{\"k\":1"
                                          << "not valid JSON";
}

void TestSchemaForm::invalidInputShowsInlineMessage()
{
    QFETCH(QString, path);
    QFETCH(QString, input);
    QFETCH(QString, messagePart);
    FormFixture f(ResourceKind::Endpoint, obj(kEndpoint));
    FieldEditor* editor = f.form()->editor(path);
    QVERIFY(editor);
    QVERIFY(inlineMessage(editor).isEmpty());
    typeInto(editor, input);
    QVERIFY2(inlineMessage(editor).contains(messagePart), qPrintable(inlineMessage(editor)));
    QVERIFY(!f.form()->isValid());
    QVERIFY(f.form()->validationErrors().join(QLatin1Char('\n')).contains(path));
    // The raw tab carries the typed text, so switching tabs never loses it.
    QCOMPARE(editor->value(), QJsonValue(input));
    const QString escaped =
        QString::fromUtf8(QJsonDocument(QJsonArray{input}).toJson(QJsonDocument::Compact));
    f.editor.showRawTab();
    QVERIFY(f.editor.rawEditor()->textEdit()->toPlainText().contains(escaped.mid(2, escaped.size() - 4)));
    f.editor.tabs()->setCurrentIndex(0);
    // Fixing the value clears the message.
    editor->setValue(editor->value().isString() ? QJsonValue(QJsonValue::Undefined) : editor->value());
    typeInto(editor, QString());
    QVERIFY(inlineMessage(editor).isEmpty());
}

void TestSchemaForm::invalidInputDisablesApply()
{
    auto api = std::make_shared<EmbeddedApi>();
    HostMirror mirror;
    QVERIFY(mirror.attach(api).ok());
    CurrentSelection selection;
    QUndoStack stack;
    PropertiesDock dock(&mirror, &selection, &stack);
    dock.show();
    dock.startNew(QStringLiteral("network.l2bridge"));
    auto* apply = dock.findChild<QPushButton*>(QStringLiteral("applyButton"));
    QVERIFY(apply->isEnabled());
    FieldEditor* prefix =
        dock.editor()->form()->editor(QStringLiteral("Ipams[0].Subnets[0].IpAddressPrefix"));
    QVERIFY(prefix);
    typeInto(prefix, QStringLiteral("10.244.1.5/24"));
    QVERIFY2(inlineMessage(prefix).contains(QStringLiteral("host bits")), qPrintable(inlineMessage(prefix)));
    QVERIFY(!apply->isEnabled());
    QVERIFY(apply->toolTip().contains(QStringLiteral("Ipams[0].Subnets[0].IpAddressPrefix")));
    typeInto(prefix, QStringLiteral("10.244.9.0/24"));
    QVERIFY(inlineMessage(prefix).isEmpty());
    QVERIFY(apply->isEnabled());
}

void TestSchemaForm::policyTypeSwitchChangesSettingsForm()
{
    FormFixture f(ResourceKind::Endpoint, obj(kEndpoint));
    auto* policy = qobject_cast<PolicyFieldEditor*>(f.form()->editor(QStringLiteral("Policies[0]")));
    QVERIFY(policy);
    QCOMPARE(policy->settingsTypeName(), QStringLiteral("PortMappingPolicySetting"));
    QVERIFY(f.form()->editor(QStringLiteral("Policies[0].Settings.InternalPort")));

    QComboBox* type = policy->typeEditor()->comboBox();
    const int acl = type->findText(QStringLiteral("ACL"));
    QVERIFY(acl > 0);
    type->setCurrentIndex(acl);
    emit type->activated(acl);
    QCOMPARE(policy->settingsTypeName(), QStringLiteral("AclPolicySetting"));
    QVERIFY(!f.form()->editor(QStringLiteral("Policies[0].Settings.InternalPort")));
    auto* local = f.form()->editor(QStringLiteral("Policies[0].Settings.LocalAddresses"));
    QVERIFY(qobject_cast<StringFieldEditor*>(local));
    typeInto(local, QStringLiteral("Any"));
    QVERIFY(inlineMessage(local).contains(QStringLiteral("leave the field empty")));
    typeInto(local, QStringLiteral("10.0.0.0/8,192.168.1.5"));
    QVERIFY(inlineMessage(local).isEmpty());
    const QJsonObject p = f.editor.document().value(QStringLiteral("Policies")).toArray().first().toObject();
    QCOMPARE(p.value(QStringLiteral("Type")).toString(), QStringLiteral("ACL"));
    QCOMPARE(p.value(QStringLiteral("Settings")).toObject(),
             obj(R"({"LocalAddresses":"10.0.0.0/8,192.168.1.5"})"));

    // A type that takes no settings says so; back to PortMapping restores the document's settings.
    const int l2 = type->findText(QStringLiteral("L2Driver"));
    type->setCurrentIndex(l2);
    emit type->activated(l2);
    QVERIFY(!policy->settingsEditor());
    const int pm = type->findText(QStringLiteral("PortMapping"));
    type->setCurrentIndex(pm);
    emit type->activated(pm);
    QCOMPARE(f.editor.document(), obj(kEndpoint));
}

void TestSchemaForm::unknownFieldsSurviveRoundTrip()
{
    const QJsonObject doc = obj(R"({"Name":"web","Custom":{"a":[1,2]},"Flags":4096,
        "Policies":[{"Type":"PortMapping","Settings":{"InternalPort":80,"Extra":true},"Unknown":5},
                    {"Type":"NotInCatalog","Settings":{"x":1}}],
        "Dns":{"Domain":"corp","Vendor":"x"},"MacAddress":7})");
    FormFixture f(ResourceKind::Endpoint, doc);
    QCOMPARE(f.editor.document(), doc);
    auto* unknown =
        f.form()->root()->findChild<QLabel*>(QStringLiteral("unknownKeys"), Qt::FindDirectChildrenOnly);
    QVERIFY(unknown && !unknown->isHidden());
    QVERIFY(unknown->text().contains(QStringLiteral("Custom")));
    typeInto(f.form()->editor(QStringLiteral("Name")), QStringLiteral("web2"));
    QJsonObject expected = doc;
    expected.insert(QStringLiteral("Name"), QStringLiteral("web2"));
    QCOMPARE(f.editor.document(), expected);
}

void TestSchemaForm::formAndRawJsonStayInSync()
{
    FormFixture f(ResourceKind::Endpoint, obj(kEndpoint));
    typeInto(f.form()->editor(QStringLiteral("Policies[0].Settings.ExternalPort")), QStringLiteral("9090"));
    // The JSON tab catches up when it is shown.
    f.editor.showRawTab();
    const QJsonObject fromRaw =
        QJsonDocument::fromJson(f.editor.rawEditor()->textEdit()->toPlainText().toUtf8()).object();
    QCOMPARE(fromRaw.value(QStringLiteral("Policies"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("Settings"))
                 .toObject()
                 .value(QStringLiteral("ExternalPort"))
                 .toInt(),
             9090);
    // And the other way: text typed in the JSON tab shows in the form.
    QJsonObject edited = fromRaw;
    edited.insert(QStringLiteral("Name"), QStringLiteral("from-json"));
    f.editor.rawEditor()->textEdit()->setPlainText(QString::fromUtf8(QJsonDocument(edited).toJson()));
    auto* name = f.form()->editor(QStringLiteral("Name"))->findChild<QLineEdit*>();
    QCOMPARE(name->text(), QStringLiteral("from-json"));
    QCOMPARE(f.editor.document(), edited);
}

void TestSchemaForm::rawJsonErrorNamesThePosition()
{
    FormFixture f(ResourceKind::Endpoint, obj(kEndpoint));
    f.editor.rawEditor()->textEdit()->setPlainText(
        QStringLiteral("{\n  \"Name\": \"x\",\n  \"Flags\": ]\n}"));
    QVERIFY(!f.editor.rawEditor()->isValid());
    QVERIFY2(f.editor.rawEditor()->error().startsWith(QStringLiteral("Line 3, column")),
             qPrintable(f.editor.rawEditor()->error()));
    QVERIFY(!f.editor.validationErrors().isEmpty());
    // The form keeps the last valid document.
    QCOMPARE(f.editor.document(), obj(kEndpoint));
}

void TestSchemaForm::newerFieldWarnsAgainstOlderHost()
{
    const QJsonObject lb = obj(R"({"HostComputeNetwork":"AEF21305-600D-4F51-AB62-05B1B844191D",
        "PortMappings":[{"Protocol":6,"InternalPort":80,"DistributionType":2}],"Flags":2})");
    FormFixture f(ResourceKind::LoadBalancer, lb, SchemaVersion{2, 0});
    const QString warnings = f.form()->versionWarnings().join(QLatin1Char('\n'));
    QVERIFY2(warnings.contains(QStringLiteral("HostComputeNetwork needs schema 2.5")), qPrintable(warnings));
    QVERIFY(warnings.contains(QStringLiteral("PortMappings[0].DistributionType needs schema 2.7")));
    QVERIFY(warnings.contains(QStringLiteral("flag IPv6 needs schema 2.8")));
    auto* badge = f.form()->root()->findChild<QLabel*>(QStringLiteral("sinceBadge:HostComputeNetwork"));
    QVERIFY(badge);
    QCOMPARE(badge->text(), QStringLiteral("2.5"));
    QVERIFY(badge->property("newerThanHost").toBool());
    auto* bar = f.editor.findChild<QLabel*>(QStringLiteral("versionWarnings"));
    QVERIFY(bar && !bar->isHidden());
    // Warnings do not block Apply: the host is the judge.
    QVERIFY(f.form()->isValid());

    FormFixture current(ResourceKind::LoadBalancer, lb, SchemaVersion{2, 16});
    QVERIFY(current.form()->versionWarnings().isEmpty());
    QVERIFY(!current.form()
                 ->root()
                 ->findChild<QLabel*>(QStringLiteral("sinceBadge:HostComputeNetwork"))
                 ->property("newerThanHost")
                 .toBool());
}

void TestSchemaForm::readOnlyFieldsAreReadOnly()
{
    FormContext context;
    context.lockedReason = [](const QString& field) {
        return field == QLatin1String("Name") ? QStringLiteral("cannot rename") : QString();
    };
    ObjectEditor editor;
    editor.edit(ResourceKind::Endpoint, obj(R"({"Name":"a","Version":64424509444,"Policies":[]})"), context);
    auto* version = editor.form()->editor(QStringLiteral("Version"));
    QVERIFY(version->isEditorReadOnly());
    QVERIFY(version->findChild<QLineEdit*>()->isReadOnly());
    auto* name = editor.form()->editor(QStringLiteral("Name"));
    QVERIFY(name->isEditorReadOnly());
    QCOMPARE(name->toolTip(), QStringLiteral("cannot rename"));
    QVERIFY(!editor.form()->editor(QStringLiteral("Policies"))->isEditorReadOnly());
}

void TestSchemaForm::arrayAddAndRemove()
{
    FormFixture f(ResourceKind::Endpoint, obj(kEndpoint));
    auto* policies = qobject_cast<ArrayFieldEditor*>(f.form()->editor(QStringLiteral("Policies")));
    QVERIFY(policies);
    QTest::mouseClick(policies->addButton(), Qt::LeftButton);
    QCOMPARE(policies->count(), 2);
    // A new policy has no type yet: that is an error until one is chosen.
    QVERIFY(!f.form()->isValid());
    policies->removeElement(0);
    QCOMPARE(policies->count(), 1);
    auto* remaining = qobject_cast<PolicyFieldEditor*>(f.form()->editor(QStringLiteral("Policies[0]")));
    QVERIFY(remaining);
    QComboBox* type = remaining->typeEditor()->comboBox();
    const int pm = type->findText(QStringLiteral("PortMapping"));
    type->setCurrentIndex(pm);
    emit type->activated(pm);
    typeInto(f.form()->editor(QStringLiteral("Policies[0].Settings.InternalPort")), QStringLiteral("443"));
    QVERIFY(f.form()->isValid());
    QCOMPARE(f.editor.document().value(QStringLiteral("Policies")).toArray().first().toObject(),
             obj(R"({"Type":"PortMapping","Settings":{"InternalPort":443}})"));
}

void TestSchemaForm::largeArraysOpenElementsOnDemand()
{
    QJsonObject doc = obj(R"({"Name":"big"})");
    QJsonArray policies;
    for (int i = 0; i < ArrayFieldEditor::kEagerElements + 5; ++i)
        policies.append(QJsonObject{
            {QStringLiteral("Type"), QStringLiteral("PortMapping")},
            {QStringLiteral("Settings"), QJsonObject{{QStringLiteral("InternalPort"), 80},
                                                     {QStringLiteral("ExternalPort"), 10000 + i}}}});
    doc.insert(QStringLiteral("Policies"), policies);
    FormFixture f(ResourceKind::Endpoint, doc);
    auto* list = qobject_cast<ArrayFieldEditor*>(f.form()->editor(QStringLiteral("Policies")));
    QVERIFY(list);
    QCOMPARE(list->count(), int(policies.size()));
    QVERIFY(!list->isOpen(3));
    QVERIFY(!f.form()->editor(QStringLiteral("Policies[3]")));
    const auto summaries = list->findChildren<QLabel*>(QStringLiteral("elementSummary"));
    QCOMPARE(summaries.size(), int(policies.size()));
    QVERIFY(summaries[3]->text().startsWith(QStringLiteral("PortMapping {")));
    QVERIFY(summaries[3]->text().contains(QStringLiteral("10003")));
    QCOMPARE(f.editor.document(), doc);

    // Opening one element builds its editor; editing it changes that element only.
    QVERIFY(list->element(3));
    QVERIFY(list->isOpen(3));
    typeInto(f.form()->editor(QStringLiteral("Policies[3].Settings.ExternalPort")), QStringLiteral("7000"));
    QJsonObject expected = doc;
    QJsonObject changed = policies[3].toObject();
    QJsonObject settings = changed.value(QStringLiteral("Settings")).toObject();
    settings.insert(QStringLiteral("ExternalPort"), 7000);
    changed.insert(QStringLiteral("Settings"), settings);
    QJsonArray edited = policies;
    edited.replace(3, changed);
    expected.insert(QStringLiteral("Policies"), edited);
    QCOMPARE(f.editor.document(), expected);

    // A refresh of the same length updates in place: the open element stays open with the new value.
    f.editor.setDocument(doc);
    QVERIFY(list->isOpen(3));
    QCOMPARE(f.form()
                 ->editor(QStringLiteral("Policies[3].Settings.ExternalPort"))
                 ->findChild<QLineEdit*>()
                 ->text(),
             QStringLiteral("10003"));
}

QTEST_MAIN(TestSchemaForm)
#include "tst_schemaform.moc"
