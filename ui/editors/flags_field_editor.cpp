#include "editors/flags_field_editor.h"

#include <QCheckBox>
#include <QLabel>
#include <QVBoxLayout>

namespace hcn::ui {

FlagsFieldEditor::FlagsFieldEditor(const schema::FieldDef* field, QString path, FormContext context,
                                   QWidget* parent)
    : FieldEditor(field, std::move(path), std::move(context), parent),
      m_enum(field ? this->context().catalog->enumeration(field->typeName) : nullptr)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    if (m_enum) {
        for (const auto& v : m_enum->values) {
            if (v.numeric == 0)
                continue; // "None": every box cleared
            QString text = QString::fromStdString(v.name) + QStringLiteral(" (%1)").arg(v.numeric);
            if (v.since > this->context().hostSchema)
                text +=
                    tr(" — schema %1, newer than the host").arg(QString::fromStdString(v.since.toString()));
            auto* box = new QCheckBox(text, this);
            box->setObjectName(QString::fromStdString(v.name));
            box->setToolTip(QString::fromStdString(v.description));
            layout->addWidget(box);
            m_boxes << box;
            m_bits << quint64(v.numeric);
            connect(box, &QCheckBox::clicked, this, [this] {
                m_touched = true;
                emit edited();
            });
        }
    }
    layout->addWidget(messageLabel());
}

quint64 FlagsFieldEditor::mask() const
{
    quint64 mask = m_unknownBits;
    for (int i = 0; i < m_boxes.size(); ++i)
        if (m_boxes[i]->isChecked())
            mask |= m_bits[i];
    return mask;
}

QJsonValue FlagsFieldEditor::value() const
{
    if (!m_touched)
        return m_original;
    const quint64 bits = mask();
    if (bits == 0 && (m_original.isUndefined() || m_original.isNull()))
        return QJsonValue::Undefined;
    return qint64(bits);
}

void FlagsFieldEditor::setValue(const QJsonValue& value)
{
    m_original = value;
    m_touched = false;
    quint64 bits = 0;
    QString message;
    if (value.isDouble()) {
        bits = quint64(value.toVariant().toLongLong());
    } else if (value.isString() && m_enum) {
        // A single flag by name ("EnableDsr"); the engine writes bitmasks as numbers.
        if (const auto* v = m_enum->find(value.toString().toStdString()))
            bits = quint64(v->numeric);
        else
            message =
                tr("\"%1\" is not a flag of %2").arg(value.toString(), QString::fromStdString(m_enum->name));
    }
    quint64 known = 0;
    for (int i = 0; i < m_boxes.size(); ++i) {
        const QSignalBlocker block(m_boxes[i]);
        m_boxes[i]->setChecked((bits & m_bits[i]) == m_bits[i]);
        known |= m_bits[i];
    }
    m_unknownBits = bits & ~known;
    if (m_unknownBits && message.isEmpty())
        message = tr("bits 0x%1 have no name in the catalog; they are kept").arg(m_unknownBits, 0, 16);
    setInlineMessage(message);
}

QStringList FlagsFieldEditor::versionWarnings() const
{
    QStringList warnings = FieldEditor::versionWarnings();
    if (!m_enum)
        return warnings;
    const quint64 bits = mask();
    for (const auto& v : m_enum->values)
        if (v.numeric != 0 && (bits & quint64(v.numeric)) == quint64(v.numeric) &&
            v.since > context().hostSchema)
            warnings << tr("%1 flag %2 needs schema %3; the host speaks %4")
                            .arg(path(), QString::fromStdString(v.name),
                                 QString::fromStdString(v.since.toString()),
                                 QString::fromStdString(context().hostSchema.toString()));
    return warnings;
}

QCheckBox* FlagsFieldEditor::flagBox(const QString& name) const
{
    for (auto* box : m_boxes)
        if (box->objectName().compare(name, Qt::CaseInsensitive) == 0)
            return box;
    return nullptr;
}

void FlagsFieldEditor::applyReadOnly(bool readOnly)
{
    for (auto* box : m_boxes)
        box->setEnabled(!readOnly);
}

} // namespace hcn::ui
