#include "editors/bool_field_editor.h"

#include <QCheckBox>
#include <QLabel>
#include <QVBoxLayout>

namespace hcn::ui {

BoolFieldEditor::BoolFieldEditor(const schema::FieldDef* field, QString path, FormContext context,
                                 QWidget* parent)
    : FieldEditor(field, std::move(path), std::move(context), parent), m_box(new QCheckBox(this))
{
    m_box->setTristate(true);
    m_box->setCheckState(Qt::PartiallyChecked);
    m_box->setText(tr("not set"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_box);
    layout->addWidget(messageLabel());
    connect(m_box, &QCheckBox::clicked, this, [this] {
        m_touched = true;
        const auto state = m_box->checkState();
        m_box->setText(state == Qt::PartiallyChecked ? tr("not set")
                       : state == Qt::Checked        ? tr("true")
                                                     : tr("false"));
        setInlineMessage({});
        emit edited();
    });
}

QJsonValue BoolFieldEditor::value() const
{
    if (!m_touched)
        return m_original;
    switch (m_box->checkState()) {
    case Qt::Checked:
        return true;
    case Qt::Unchecked:
        return false;
    default:
        return QJsonValue::Undefined;
    }
}

void BoolFieldEditor::setValue(const QJsonValue& value)
{
    m_original = value;
    m_touched = false;
    const QSignalBlocker block(m_box);
    if (value.isBool()) {
        m_box->setCheckState(value.toBool() ? Qt::Checked : Qt::Unchecked);
        m_box->setText(value.toBool() ? tr("true") : tr("false"));
        setInlineMessage({});
    } else {
        m_box->setCheckState(Qt::PartiallyChecked);
        m_box->setText(tr("not set"));
        setInlineMessage(value.isUndefined() || value.isNull() ? QString() : tr("expected true or false"));
    }
}

void BoolFieldEditor::applyReadOnly(bool readOnly)
{
    // A disabled check box still shows its state; QCheckBox has no read-only mode of its own.
    m_box->setEnabled(!readOnly);
}

} // namespace hcn::ui
