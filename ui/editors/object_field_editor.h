#pragma once
// ObjectFieldEditor: a form of one schema type's fields (a nested object, or a whole document at the
// root). It edits a copy of the object it was given: keys the catalog does not know stay in the copy
// untouched and are listed under the form, so a round trip never drops them.

#include "editors/field_editor.h"

#include <QJsonObject>
#include <QList>

class QFormLayout;
class QLabel;
class QToolButton;

namespace hcn::ui {

class ObjectFieldEditor : public FieldEditor
{
    Q_OBJECT
public:
    /// `field` is null for a root form (then `path` is empty and child paths are the bare field names).
    ObjectFieldEditor(const schema::TypeDef* type, const schema::FieldDef* field, QString path,
                      FormContext context, QWidget* parent = nullptr);

    QJsonValue value() const override;
    void setValue(const QJsonValue& value) override;
    QStringList validationErrors() const override;
    QStringList versionWarnings() const override;

    const schema::TypeDef* type() const { return m_type; }
    /// The editor of a direct child field (case-insensitive), or null.
    FieldEditor* childEditor(const QString& fieldName) const;
    /// Keys of the current object that no field of the type describes.
    QStringList unknownKeys() const;
    /// At the root: whether `child` is folded under "More" (the document does not set it).
    bool isFolded(const FieldEditor* child) const;
    /// The root's "More" toggle (null in nested objects).
    QToolButton* moreButton() const { return m_moreButton; }

protected:
    void applyReadOnly(bool readOnly) override;

private:
    void lockFields();
    void updateFolding();
    QWidget* makeLabel(const schema::FieldDef& field) const;

    const schema::TypeDef* m_type;
    QFormLayout* m_form;
    QLabel* m_unknownLabel;
    QList<FieldEditor*> m_children;
    QToolButton* m_moreButton = nullptr;
    QList<bool> m_folded; ///< per child: not set in the document last shown
    QJsonValue m_original = QJsonValue::Undefined;
};

} // namespace hcn::ui
