#pragma once
// ArrayFieldEditor: an array field as a list of element editors with Add and Remove buttons.
// Large arrays (kEagerElements or more, e.g. hundreds of ACLs on an endpoint) show one summary line
// per element and build an element's editor only when the user opens it: a form of thousands of
// widgets would take seconds to appear. A closed element keeps its document value as it is.

#include "editors/field_editor.h"

#include <QJsonValue>
#include <QList>

class QLabel;
class QPushButton;
class QToolButton;
class QVBoxLayout;

namespace hcn::ui {

class ArrayFieldEditor : public FieldEditor
{
    Q_OBJECT
public:
    /// Arrays with fewer elements open every element editor right away.
    static constexpr int kEagerElements = 25;

    ArrayFieldEditor(const schema::FieldDef* field, QString path, FormContext context,
                     QWidget* parent = nullptr);

    QJsonValue value() const override;
    void setValue(const QJsonValue& value) override;
    QStringList validationErrors() const override;
    QStringList versionWarnings() const override;

    int count() const { return int(m_items.size()); }
    /// The editor of element `index`, opening it first if it is shown as a summary.
    FieldEditor* element(int index);
    /// Whether element `index` has its editor open.
    bool isOpen(int index) const;
    /// Appends an element (an empty object for object arrays) as the user's Add button does.
    void addElement();
    /// Removes element `index` as its Remove button does.
    void removeElement(int index);
    QPushButton* addButton() const { return m_addButton; }

protected:
    void applyReadOnly(bool readOnly) override;

private:
    struct Item
    {
        QJsonValue value; ///< the element while it has no editor
        FieldEditor* editor = nullptr;
        QWidget* row = nullptr;
        QLabel* summary = nullptr;
        QToolButton* open = nullptr;
        QToolButton* remove = nullptr;
    };
    void rebuild(const QJsonArray& elements);
    void appendItem(const QJsonValue& value, bool open);
    void openItem(int index);
    QJsonValue itemValue(const Item& item) const;
    QString summaryOf(const QJsonValue& value) const;
    int indexOfRow(const QWidget* row) const;

    QVBoxLayout* m_list;
    QPushButton* m_addButton;
    QList<Item> m_items;
    QJsonValue m_original = QJsonValue::Undefined;
    bool m_touched = false;
};

} // namespace hcn::ui
