#include "editors/schema_form.h"

#include "editors/object_field_editor.h"

#include <QLabel>
#include <QVBoxLayout>

namespace hcn::ui {

SchemaForm::SchemaForm(QWidget* parent) : QWidget(parent), m_description(new QLabel(this))
{
    auto* layout = new QVBoxLayout(this);
    m_description->setWordWrap(true);
    layout->addWidget(m_description);
    layout->addStretch();
}

bool SchemaForm::build(ResourceKind kind, const FormContext& context)
{
    return build(QString::fromUtf8(resourceKindSchemaType(kind).data(),
                                   qsizetype(resourceKindSchemaType(kind).size())),
                 context);
}

bool SchemaForm::build(const QString& schemaType, const FormContext& context)
{
    delete m_root;
    m_root = nullptr;
    const auto* type = context.catalog->type(schemaType.toStdString());
    if (!type) {
        m_description->setText(tr("The schema catalog has no type %1.").arg(schemaType));
        return false;
    }
    m_description->setText(QString::fromStdString(type->description));
    m_description->setVisible(!type->description.empty());
    m_root = new ObjectFieldEditor(type, nullptr, QString(), context, this);
    static_cast<QVBoxLayout*>(layout())->insertWidget(1, m_root);
    connect(m_root, &FieldEditor::edited, this, &SchemaForm::edited);
    return true;
}

void SchemaForm::setDocument(const QJsonObject& document)
{
    if (m_root)
        m_root->setValue(document);
}

QJsonObject SchemaForm::document() const
{
    return m_root ? m_root->value().toObject() : QJsonObject();
}

QStringList SchemaForm::validationErrors() const
{
    return m_root ? m_root->validationErrors() : QStringList();
}

QStringList SchemaForm::versionWarnings() const
{
    return m_root ? m_root->versionWarnings() : QStringList();
}

FieldEditor* SchemaForm::editor(const QString& path) const
{
    if (!m_root)
        return nullptr;
    return m_root->findChild<FieldEditor*>(QStringLiteral("field:") + path);
}

} // namespace hcn::ui
