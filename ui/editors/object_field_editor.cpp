#include "editors/object_field_editor.h"

#include "editors/field_editor_factory.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace hcn::ui {
namespace {

QString childPath(const QString& parent, const std::string& name)
{
    const QString n = QString::fromStdString(name);
    return parent.isEmpty() ? n : parent + QLatin1Char('.') + n;
}

/// The key of `object` that names `field` (its name or an alias, any case), or empty.
QString keyOf(const QJsonObject& object, const schema::FieldDef& field)
{
    auto matches = [](const QString& key, const std::string& name) {
        return key.compare(QString::fromStdString(name), Qt::CaseInsensitive) == 0;
    };
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (matches(it.key(), field.name))
            return it.key();
        for (const auto& alias : field.aliases)
            if (matches(it.key(), alias))
                return it.key();
    }
    return {};
}

} // namespace

ObjectFieldEditor::ObjectFieldEditor(const schema::TypeDef* type, const schema::FieldDef* field, QString path,
                                     FormContext context, QWidget* parent)
    : FieldEditor(field, std::move(path), std::move(context), parent), m_type(type), m_form(new QFormLayout),
      m_unknownLabel(new QLabel(this))
{
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    if (field) {
        // Nested objects get a frame so the user sees where they start and end.
        auto* box = new QGroupBox(this);
        box->setLayout(m_form);
        outer->addWidget(box);
    } else {
        outer->addLayout(m_form);
    }
    for (const auto& child : type->fields) {
        auto* editor =
            FieldEditorFactory::create(&child, childPath(this->path(), child.name), this->context(), this);
        m_children << editor;
        m_form->addRow(makeLabel(child), editor);
        connect(editor, &FieldEditor::edited, this, &FieldEditor::edited);
    }
    if (!field) {
        // The whole document: fields it leaves out fold under "More" (optional ones, mostly).
        m_moreButton = new QToolButton(this);
        m_moreButton->setObjectName(QStringLiteral("moreFields"));
        m_moreButton->setCheckable(true);
        m_moreButton->setAutoRaise(true);
        m_moreButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        m_moreButton->setArrowType(Qt::RightArrow);
        m_moreButton->setToolTip(tr("Show or hide the fields this object does not set"));
        m_form->addRow(m_moreButton);
        connect(m_moreButton, &QToolButton::toggled, this, &ObjectFieldEditor::updateFolding);
    }
    m_unknownLabel->setObjectName(QStringLiteral("unknownKeys"));
    m_unknownLabel->setWordWrap(true);
    m_unknownLabel->hide();
    outer->addWidget(m_unknownLabel);
    outer->addWidget(messageLabel());
    lockFields();
}

QWidget* ObjectFieldEditor::makeLabel(const schema::FieldDef& field) const
{
    auto* label = new QWidget;
    auto* row = new QHBoxLayout(label);
    row->setContentsMargins(0, 0, 0, 0);
    auto* name = new QLabel(QString::fromStdString(field.name), label);
    name->setToolTip(QString::fromStdString(field.description));
    row->addWidget(name);
    if (field.since <= SchemaVersion{2, 0}) {
        row->addStretch(); // every host speaks 2.0: a badge only where the field is newer
        return label;
    }
    auto* badge = new QLabel(QString::fromStdString(field.since.toString()), label);
    badge->setObjectName(QStringLiteral("sinceBadge:") + QString::fromStdString(field.name));
    const bool newer = field.since > context().hostSchema;
    badge->setProperty("newerThanHost", newer);
    badge->setToolTip(
        newer ? tr("Introduced in schema %1; the host speaks %2 and may reject it.")
                    .arg(QString::fromStdString(field.since.toString()),
                         QString::fromStdString(context().hostSchema.toString()))
              : tr("Introduced in schema %1.").arg(QString::fromStdString(field.since.toString())));
    badge->setStyleSheet(
        newer ? QStringLiteral("border-radius: 3px; padding: 0 3px; background: #f0a020; color: black;")
              : QStringLiteral("border-radius: 3px; padding: 0 3px; color: gray;"));
    row->addWidget(badge);
    row->addStretch();
    return label;
}

void ObjectFieldEditor::lockFields()
{
    for (auto* child : m_children) {
        const auto* f = child->field();
        if (f->readOnly) {
            child->setEditorReadOnly(true, tr("Set by the service; it cannot be written."));
            continue;
        }
        // Edit-mode locks apply to the document's top level only (that is where HCN's modify requests
        // draw the line: Policies, Dns, namespace Resources ...).
        if (!field() && context().lockedReason) {
            const QString reason = context().lockedReason(QString::fromStdString(f->name));
            if (!reason.isEmpty())
                child->setEditorReadOnly(true, reason);
        }
    }
}

QJsonValue ObjectFieldEditor::value() const
{
    QJsonObject object = m_original.toObject();
    for (auto* child : m_children) {
        const QString existing = keyOf(object, *child->field());
        const QJsonValue v = child->value();
        if (!existing.isEmpty())
            object.remove(existing);
        if (!v.isUndefined())
            object.insert(QString::fromStdString(child->field()->name), v);
    }
    if (object.isEmpty() && !m_original.isObject())
        return QJsonValue::Undefined;
    return object;
}

void ObjectFieldEditor::setValue(const QJsonValue& value)
{
    m_original = value;
    const QJsonObject object = value.toObject();
    for (auto* child : m_children) {
        const QString key = keyOf(object, *child->field());
        child->setValue(key.isEmpty() ? QJsonValue(QJsonValue::Undefined) : object.value(key));
    }
    const QStringList unknown = unknownKeys();
    m_unknownLabel->setText(tr("Also in the document (kept as they are; edit them in the JSON tab): %1")
                                .arg(unknown.join(QStringLiteral(", "))));
    m_unknownLabel->setVisible(!unknown.isEmpty());
    if (m_moreButton) {
        m_folded.clear();
        for (auto* child : m_children)
            m_folded << child->value().isUndefined();
        updateFolding();
    }
    setInlineMessage(
        value.isUndefined() || value.isNull() || value.isObject() ? QString() : tr("expected a JSON object"));
}

QStringList ObjectFieldEditor::unknownKeys() const
{
    QStringList unknown;
    const QJsonObject object = m_original.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        bool known = false;
        for (auto* child : m_children)
            known |= keyOf(QJsonObject{{it.key(), QJsonValue()}}, *child->field()) == it.key();
        if (!known)
            unknown << it.key();
    }
    return unknown;
}

QStringList ObjectFieldEditor::validationErrors() const
{
    QStringList errors = FieldEditor::validationErrors();
    for (auto* child : m_children)
        errors << child->validationErrors();
    return errors;
}

QStringList ObjectFieldEditor::versionWarnings() const
{
    QStringList warnings = FieldEditor::versionWarnings();
    for (auto* child : m_children)
        warnings << child->versionWarnings();
    return warnings;
}

FieldEditor* ObjectFieldEditor::childEditor(const QString& fieldName) const
{
    for (auto* child : m_children)
        if (QString::fromStdString(child->field()->name).compare(fieldName, Qt::CaseInsensitive) == 0)
            return child;
    return nullptr;
}

void ObjectFieldEditor::updateFolding()
{
    const bool showAll = m_moreButton->isChecked();
    const auto folded = int(m_folded.count(true));
    for (int i = 0; i < m_children.size(); ++i)
        m_form->setRowVisible(m_children[i], showAll || !m_folded.value(i));
    m_moreButton->setArrowType(showAll ? Qt::DownArrow : Qt::RightArrow);
    m_moreButton->setText(showAll ? tr("Fewer fields (hide the %n not set)", nullptr, folded)
                                  : tr("More: %n fields not set", nullptr, folded));
    m_moreButton->setVisible(folded > 0);
}

bool ObjectFieldEditor::isFolded(const FieldEditor* child) const
{
    const auto i = m_children.indexOf(const_cast<FieldEditor*>(child));
    return m_moreButton && !m_moreButton->isChecked() && i >= 0 && m_folded.value(i);
}

void ObjectFieldEditor::applyReadOnly(bool readOnly)
{
    for (auto* child : m_children)
        child->setEditorReadOnly(readOnly || child->field()->readOnly, readOnly ? toolTip() : QString());
    if (!readOnly)
        lockFields();
}

} // namespace hcn::ui
