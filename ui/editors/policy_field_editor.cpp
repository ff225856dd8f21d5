#include "editors/policy_field_editor.h"

#include "editors/any_field_editor.h"
#include "editors/enum_field_editor.h"
#include "editors/object_field_editor.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>

namespace hcn::ui {

PolicyFieldEditor::PolicyFieldEditor(const schema::FieldDef* field, const schema::TypeDef* policyType,
                                     QString path, FormContext context, QWidget* parent)
    : FieldEditor(field, std::move(path), std::move(context), parent), m_policyType(policyType),
      m_settingsField(policyType->field("Settings")),
      m_typeEditor(new EnumFieldEditor(policyType->field("Type"), this->path() + QStringLiteral(".Type"),
                                       this->context(), this)),
      m_noSettingsLabel(new QLabel(tr("This policy type takes no settings."), this)),
      m_settingsArea(new QVBoxLayout)
{
    auto* box = new QGroupBox(this);
    auto* form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Type"), m_typeEditor);
    form->addRow(tr("Settings"), m_settingsArea);
    m_settingsArea->addWidget(m_noSettingsLabel);
    m_noSettingsLabel->hide();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(box);
    layout->addWidget(messageLabel());
    connect(m_typeEditor, &FieldEditor::edited, this, &PolicyFieldEditor::onTypeEdited);
}

void PolicyFieldEditor::rebuildSettings(const QJsonValue& settings)
{
    if (m_settingsEditor) {
        m_settingsEditor->hide();
        m_settingsEditor->setParent(nullptr);
        m_settingsEditor->deleteLater();
        m_settingsEditor = nullptr;
    }
    m_settingsType.clear();
    m_takesNoSettings = false;
    const QString typeName = m_typeEditor->currentName();
    const QString settingsPath = path() + QStringLiteral(".Settings");
    const std::optional<std::string> bound = settingsTypeOf(typeName);
    m_shownFor = bound;
    const schema::TypeDef* settingsType =
        bound && !bound->empty() ? context().catalog->type(*bound) : nullptr;
    if (settingsType) {
        m_settingsType = QString::fromStdString(*bound);
        m_settingsEditor =
            new ObjectFieldEditor(settingsType, m_settingsField, settingsPath, context(), this);
    } else if (bound && bound->empty()) {
        m_takesNoSettings = true;
    } else {
        // No binding (unknown or unset type): keep the settings editable as raw JSON.
        m_settingsEditor = new AnyFieldEditor(m_settingsField, settingsPath, context(), this);
    }
    m_noSettingsLabel->setVisible(m_takesNoSettings);
    if (m_settingsEditor) {
        m_settingsEditor->setValue(settings);
        if (isEditorReadOnly())
            m_settingsEditor->setEditorReadOnly(true, toolTip());
        m_settingsArea->addWidget(m_settingsEditor);
        connect(m_settingsEditor, &FieldEditor::edited, this, &FieldEditor::edited);
    }
}

void PolicyFieldEditor::onTypeEdited()
{
    // Switching back to the document's own type brings its settings back; another type starts empty
    // (the settings of one policy type mean nothing to another).
    const bool original = m_typeEditor->value() == m_original.value(QStringLiteral("Type"));
    rebuildSettings(original ? m_original.value(QStringLiteral("Settings")) : QJsonValue(QJsonObject()));
    setInlineMessage(m_typeEditor->value().isUndefined() ? tr("choose a policy type") : QString());
    emit edited();
}

QJsonValue PolicyFieldEditor::value() const
{
    QJsonObject object = m_original;
    const QJsonValue type = m_typeEditor->value();
    if (type.isUndefined())
        object.remove(QStringLiteral("Type"));
    else
        object.insert(QStringLiteral("Type"), type);
    if (m_settingsEditor) {
        const QJsonValue settings = m_settingsEditor->value();
        if (settings.isUndefined())
            object.remove(QStringLiteral("Settings"));
        else
            object.insert(QStringLiteral("Settings"), settings);
    } else if (m_takesNoSettings && type != m_original.value(QStringLiteral("Type"))) {
        object.insert(QStringLiteral("Settings"), QJsonObject());
    }
    return object;
}

void PolicyFieldEditor::setValue(const QJsonValue& value)
{
    m_original = value.toObject();
    m_typeEditor->setValue(m_original.contains(QStringLiteral("Type"))
                               ? m_original.value(QStringLiteral("Type"))
                               : QJsonValue(QJsonValue::Undefined));
    const QJsonValue settings = m_original.contains(QStringLiteral("Settings"))
                                    ? m_original.value(QStringLiteral("Settings"))
                                    : QJsonValue(QJsonValue::Undefined);
    if (settingsTypeOf(m_typeEditor->currentName()) == m_shownFor && m_settingsEditor) {
        // Same settings form (a refresh or a sync from the JSON tab): update it in place.
        m_settingsEditor->setValue(settings);
    } else {
        rebuildSettings(settings);
    }
    if (!value.isObject() && !value.isUndefined())
        setInlineMessage(tr("expected a policy object"));
    else
        setInlineMessage(m_typeEditor->value().isUndefined() ? tr("choose a policy type") : QString());
}

std::optional<std::string> PolicyFieldEditor::settingsTypeOf(const QString& typeName) const
{
    if (typeName.isEmpty())
        return std::nullopt;
    return context().catalog->settingsTypeFor(m_policyType->name, typeName.toStdString());
}

QStringList PolicyFieldEditor::validationErrors() const
{
    QStringList errors = FieldEditor::validationErrors();
    errors << m_typeEditor->validationErrors();
    if (m_settingsEditor)
        errors << m_settingsEditor->validationErrors();
    return errors;
}

QStringList PolicyFieldEditor::versionWarnings() const
{
    QStringList warnings = m_typeEditor->versionWarnings();
    if (m_settingsEditor)
        warnings << m_settingsEditor->versionWarnings();
    return warnings;
}

void PolicyFieldEditor::applyReadOnly(bool readOnly)
{
    m_typeEditor->setEditorReadOnly(readOnly, readOnly ? toolTip() : QString());
    if (m_settingsEditor)
        m_settingsEditor->setEditorReadOnly(readOnly, readOnly ? toolTip() : QString());
}

} // namespace hcn::ui
