#include "editors/enum_field_editor.h"

#include "editors/wheel_guard.h"

#include <QComboBox>
#include <QLabel>
#include <QVBoxLayout>

namespace hcn::ui {
namespace {
constexpr int kNotSet = -1;
constexpr int kUnknown = -2;
} // namespace

EnumFieldEditor::EnumFieldEditor(const schema::FieldDef* field, QString path, FormContext context,
                                 QWidget* parent)
    : FieldEditor(field, std::move(path), std::move(context), parent),
      m_enum(field ? this->context().catalog->enumeration(field->typeName) : nullptr),
      m_combo(new QComboBox(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    guardWheel(m_combo);
    layout->addWidget(m_combo);
    layout->addWidget(messageLabel());
    fill();
    connect(m_combo, &QComboBox::activated, this, [this] {
        m_touched = true;
        updateWarning();
        emit edited();
    });
}

void EnumFieldEditor::fill()
{
    m_combo->clear();
    m_combo->addItem(tr("(not set)"), kNotSet);
    if (!m_enum)
        return;
    for (int i = 0; i < int(m_enum->values.size()); ++i) {
        const auto& v = m_enum->values[std::size_t(i)];
        QString text = QString::fromStdString(v.name);
        if (v.since > context().hostSchema)
            text += tr("  (schema %1, newer than the host)").arg(QString::fromStdString(v.since.toString()));
        m_combo->addItem(text, i);
        m_combo->setItemData(m_combo->count() - 1, QString::fromStdString(v.description), Qt::ToolTipRole);
    }
}

const schema::EnumValue* EnumFieldEditor::selectedValue() const
{
    const int index = m_combo->currentData().toInt();
    if (!m_enum || index < 0)
        return nullptr;
    return &m_enum->values[std::size_t(index)];
}

QString EnumFieldEditor::currentName() const
{
    if (const auto* v = selectedValue())
        return QString::fromStdString(v->name);
    if (m_combo->currentData().toInt() == kUnknown)
        return m_original.toString();
    return {};
}

QJsonValue EnumFieldEditor::value() const
{
    if (!m_touched)
        return m_original;
    const int index = m_combo->currentData().toInt();
    if (index == kNotSet)
        return QJsonValue::Undefined;
    if (index == kUnknown)
        return m_original;
    const auto* v = selectedValue();
    if (m_enum->emitNumeric)
        return qint64(v->numeric);
    return QString::fromStdString(v->name);
}

void EnumFieldEditor::setValue(const QJsonValue& value)
{
    m_original = value;
    m_touched = false;
    // Drop a previous "unknown" entry; the list is rebuilt only at the end.
    if (int unknown = m_combo->findData(kUnknown); unknown >= 0)
        m_combo->removeItem(unknown);
    int index = kNotSet;
    if (m_enum && value.isString()) {
        if (const auto* v = m_enum->find(value.toString().toStdString()))
            index = int(v - m_enum->values.data());
    } else if (m_enum && value.isDouble()) {
        if (const auto* v = m_enum->findNumeric(value.toVariant().toLongLong()))
            index = int(v - m_enum->values.data());
    }
    if (index == kNotSet && !value.isUndefined() && !value.isNull()) {
        m_combo->addItem(tr("%1 (not in the catalog)").arg(value.toVariant().toString()), kUnknown);
        index = kUnknown;
    }
    m_combo->setCurrentIndex(m_combo->findData(index));
    updateWarning();
}

QStringList EnumFieldEditor::versionWarnings() const
{
    QStringList warnings = FieldEditor::versionWarnings();
    if (const auto* v = selectedValue(); v && v->since > context().hostSchema)
        warnings << tr("%1 = %2 needs schema %3; the host speaks %4")
                        .arg(path(), QString::fromStdString(v->name),
                             QString::fromStdString(v->since.toString()),
                             QString::fromStdString(context().hostSchema.toString()));
    return warnings;
}

void EnumFieldEditor::updateWarning()
{
    const auto* v = selectedValue();
    // Newer values are a warning, not an error: the message sits in the tooltip and the form's warning
    // list, so Apply stays possible (the host answers with its own error if it really refuses).
    m_combo->setToolTip(v && v->since > context().hostSchema
                            ? tr("%1 was introduced in schema %2; the host speaks %3")
                                  .arg(QString::fromStdString(v->name),
                                       QString::fromStdString(v->since.toString()),
                                       QString::fromStdString(context().hostSchema.toString()))
                            : QString());
}

void EnumFieldEditor::applyReadOnly(bool readOnly)
{
    m_combo->setEnabled(!readOnly);
}

} // namespace hcn::ui
