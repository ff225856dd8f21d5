#pragma once
// PolicyFieldEditor: one policy ({"Type": ..., "Settings": {...}}). The Type combo selects the Settings
// form through the catalog's policy bindings (PortMapping -> PortMappingPolicySetting); a type without a
// settings type shows that it takes none, a type the catalog cannot bind gets a raw JSON editor.

#include "editors/field_editor.h"

#include <QJsonObject>
#include <optional>
#include <string>

class QLabel;
class QVBoxLayout;

namespace hcn::ui {

class EnumFieldEditor;

class PolicyFieldEditor : public FieldEditor
{
    Q_OBJECT
public:
    PolicyFieldEditor(const schema::FieldDef* field, const schema::TypeDef* policyType, QString path,
                      FormContext context, QWidget* parent = nullptr);

    QJsonValue value() const override;
    void setValue(const QJsonValue& value) override;
    QStringList validationErrors() const override;
    QStringList versionWarnings() const override;

    EnumFieldEditor* typeEditor() const { return m_typeEditor; }
    /// The Settings editor for the current Type (null when the policy takes no settings).
    FieldEditor* settingsEditor() const { return m_settingsEditor; }
    /// The schema type the Settings form is built from (empty: none or unbound).
    QString settingsTypeName() const { return m_settingsType; }

protected:
    void applyReadOnly(bool readOnly) override;

private:
    void rebuildSettings(const QJsonValue& settings);
    /// The settings type a policy Type selects: nullopt when unbound, "" when it takes none.
    std::optional<std::string> settingsTypeOf(const QString& typeName) const;
    void onTypeEdited();

    const schema::TypeDef* m_policyType;
    const schema::FieldDef* m_settingsField;
    EnumFieldEditor* m_typeEditor;
    FieldEditor* m_settingsEditor = nullptr;
    QLabel* m_noSettingsLabel;
    QVBoxLayout* m_settingsArea;
    QString m_settingsType;
    QJsonObject m_original;
    bool m_takesNoSettings = false;
    std::optional<std::string> m_shownFor; ///< settingsTypeOf() of the form shown now
};

} // namespace hcn::ui
