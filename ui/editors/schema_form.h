#pragma once
// SchemaForm: the form of a whole HCN document (network, endpoint ...) generated from the schema
// catalog. It edits a copy of the document it was given; document() returns the edited copy with every
// key the form does not know kept as it was.

#include "editors/form_context.h"
#include "hcn/resource_kind.h"

#include <QJsonObject>
#include <QWidget>

class QLabel;

namespace hcn::ui {

class FieldEditor;
class ObjectFieldEditor;

class SchemaForm : public QWidget
{
    Q_OBJECT
public:
    explicit SchemaForm(QWidget* parent = nullptr);

    /// Builds the form for `schemaType` ("HostComputeNetwork" ...). Returns false for an unknown type.
    bool build(const QString& schemaType, const FormContext& context);
    /// Convenience: the schema type of `kind`.
    bool build(ResourceKind kind, const FormContext& context);

    /// Shows `document` (no edited() signal).
    void setDocument(const QJsonObject& document);
    QJsonObject document() const;

    /// Inline messages of every field; empty when the document can be applied.
    QStringList validationErrors() const;
    bool isValid() const { return validationErrors().isEmpty(); }
    /// Fields and values in use that the host's schema version does not know yet.
    QStringList versionWarnings() const;

    /// The editor at a document path ("Name", "Policies[0].Settings.InternalPort"), or null.
    FieldEditor* editor(const QString& path) const;
    ObjectFieldEditor* root() const { return m_root; }

signals:
    void edited();

private:
    ObjectFieldEditor* m_root = nullptr;
    QLabel* m_description;
};

} // namespace hcn::ui
