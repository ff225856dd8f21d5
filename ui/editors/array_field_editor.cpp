#include "editors/array_field_editor.h"

#include "editors/field_editor_factory.h"

#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace hcn::ui {

ArrayFieldEditor::ArrayFieldEditor(const schema::FieldDef* field, QString path, FormContext context,
                                   QWidget* parent)
    : FieldEditor(field, std::move(path), std::move(context), parent), m_list(new QVBoxLayout),
      m_addButton(new QPushButton(tr("Add"), this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_list->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_list);
    m_addButton->setObjectName(QStringLiteral("addElement"));
    m_addButton->setToolTip(tr("Add an element to %1").arg(this->path()));
    layout->addWidget(m_addButton, 0, Qt::AlignLeft);
    layout->addWidget(messageLabel());
    connect(m_addButton, &QPushButton::clicked, this, &ArrayFieldEditor::addElement);
}

QString ArrayFieldEditor::summaryOf(const QJsonValue& value) const
{
    QString text;
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        const QString type = o.value(QStringLiteral("Type")).toString();
        QJsonObject rest = o;
        rest.remove(QStringLiteral("Type"));
        const QString json = QString::fromUtf8(QJsonDocument(rest).toJson(QJsonDocument::Compact));
        text = type.isEmpty() ? json : type + QLatin1Char(' ') + json;
    } else {
        text = QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))
                   .mid(1)
                   .chopped(1);
    }
    return text.size() > 100 ? text.left(99) + QChar(0x2026) : text;
}

int ArrayFieldEditor::indexOfRow(const QWidget* row) const
{
    for (int i = 0; i < m_items.size(); ++i)
        if (m_items[i].row == row)
            return i;
    return -1;
}

void ArrayFieldEditor::appendItem(const QJsonValue& value, bool open)
{
    Item item;
    item.value = value;
    item.row = new QWidget(this);
    auto* rowLayout = new QHBoxLayout(item.row);
    rowLayout->setContentsMargins(0, 0, 0, 0);
    item.summary = new QLabel(summaryOf(value), item.row);
    item.summary->setObjectName(QStringLiteral("elementSummary"));
    rowLayout->addWidget(item.summary, 1);
    item.open = new QToolButton(item.row);
    item.open->setObjectName(QStringLiteral("openElement"));
    item.open->setText(tr("Edit"));
    item.open->setToolTip(tr("Show this element's fields"));
    rowLayout->addWidget(item.open, 0, Qt::AlignTop);
    item.remove = new QToolButton(item.row);
    item.remove->setObjectName(QStringLiteral("removeElement"));
    item.remove->setText(QStringLiteral("✕"));
    item.remove->setToolTip(tr("Remove this element"));
    item.remove->setEnabled(!isEditorReadOnly());
    rowLayout->addWidget(item.remove, 0, Qt::AlignTop);
    m_list->addWidget(item.row);
    QWidget* row = item.row;
    connect(item.open, &QToolButton::clicked, this, [this, row] { openItem(indexOfRow(row)); });
    connect(item.remove, &QToolButton::clicked, this, [this, row] { removeElement(indexOfRow(row)); });
    m_items << item;
    if (open)
        openItem(int(m_items.size()) - 1);
}

void ArrayFieldEditor::openItem(int index)
{
    if (index < 0 || index >= m_items.size() || m_items[index].editor)
        return;
    Item& item = m_items[index];
    item.editor =
        FieldEditorFactory::create(field(), path() + QStringLiteral("[%1]").arg(index), context(), item.row,
                                   /*element=*/true);
    item.editor->setValue(item.value);
    if (isEditorReadOnly())
        item.editor->setEditorReadOnly(true, toolTip());
    static_cast<QHBoxLayout*>(item.row->layout())->insertWidget(0, item.editor, 1);
    item.summary->hide();
    item.open->hide();
    connect(item.editor, &FieldEditor::edited, this, [this] {
        m_touched = true;
        emit edited();
    });
}

FieldEditor* ArrayFieldEditor::element(int index)
{
    openItem(index);
    return index >= 0 && index < m_items.size() ? m_items[index].editor : nullptr;
}

bool ArrayFieldEditor::isOpen(int index) const
{
    return index >= 0 && index < m_items.size() && m_items[index].editor;
}

QJsonValue ArrayFieldEditor::itemValue(const Item& item) const
{
    return item.editor ? item.editor->value() : item.value;
}

void ArrayFieldEditor::rebuild(const QJsonArray& elements)
{
    // Out of the tree now (findChild must not see them), deleted once a Remove handler has returned.
    for (const auto& item : std::as_const(m_items)) {
        item.row->hide();
        item.row->setParent(nullptr);
        item.row->deleteLater();
    }
    m_items.clear();
    const bool open = elements.size() < kEagerElements;
    for (const auto& element : elements)
        appendItem(element, open);
}

void ArrayFieldEditor::addElement()
{
    const bool objects = field()->kind == schema::FieldKind::Object;
    appendItem(objects ? QJsonValue(QJsonObject()) : QJsonValue(QJsonValue::Undefined), true);
    m_touched = true;
    emit edited();
}

void ArrayFieldEditor::removeElement(int index)
{
    if (index < 0 || index >= m_items.size())
        return;
    // Rebuilding renumbers the paths of the elements after the removed one; open ones stay open.
    QJsonArray kept;
    QList<bool> wasOpen;
    for (int i = 0; i < m_items.size(); ++i) {
        if (i == index)
            continue;
        const QJsonValue v = itemValue(m_items[i]);
        kept.append(v.isUndefined() ? QJsonValue(QJsonValue::Null) : v);
        wasOpen << (m_items[i].editor != nullptr);
    }
    rebuild(QJsonArray());
    for (qsizetype i = 0; i < kept.size(); ++i)
        appendItem(kept[i].isNull() ? QJsonValue(QJsonValue::Undefined) : kept[i], wasOpen[i]);
    m_touched = true;
    emit edited();
}

QJsonValue ArrayFieldEditor::value() const
{
    if (!m_touched) // element edits set m_touched; until then the document's array is returned untouched
        return m_original;
    QJsonArray array;
    for (const auto& item : m_items) {
        const QJsonValue v = itemValue(item);
        if (!v.isUndefined())
            array.append(v);
    }
    if (array.isEmpty() && !m_original.isArray())
        return QJsonValue::Undefined;
    return array;
}

void ArrayFieldEditor::setValue(const QJsonValue& value)
{
    m_original = value;
    m_touched = false;
    const QJsonArray elements = value.toArray();
    setInlineMessage(value.isUndefined() || value.isNull() || value.isArray() ? QString()
                                                                              : tr("expected a JSON array"));
    if (elements.size() != m_items.size()) {
        rebuild(elements);
        return;
    }
    // Same length (a refresh from the host, a sync from the JSON tab): update in place, no new widgets.
    for (int i = 0; i < m_items.size(); ++i) {
        Item& item = m_items[i];
        item.value = elements[i];
        if (item.editor)
            item.editor->setValue(elements[i]);
        else
            item.summary->setText(summaryOf(elements[i]));
    }
}

QStringList ArrayFieldEditor::validationErrors() const
{
    QStringList errors = FieldEditor::validationErrors();
    for (const auto& item : m_items)
        if (item.editor)
            errors << item.editor->validationErrors();
    return errors;
}

QStringList ArrayFieldEditor::versionWarnings() const
{
    // Closed elements are the document's own values; their fields are checked once opened.
    QStringList warnings;
    for (const auto& item : m_items)
        if (item.editor)
            warnings << item.editor->versionWarnings();
    if (warnings.isEmpty())
        warnings = FieldEditor::versionWarnings();
    return warnings;
}

void ArrayFieldEditor::applyReadOnly(bool readOnly)
{
    m_addButton->setEnabled(!readOnly);
    for (const auto& item : std::as_const(m_items)) {
        if (item.editor)
            item.editor->setEditorReadOnly(readOnly, readOnly ? toolTip() : QString());
        item.remove->setEnabled(!readOnly);
    }
}

} // namespace hcn::ui
