#pragma once
// ObjectEditor: a document shown twice, as the schema form and as raw JSON, kept in sync both ways.
// It owns the edited copy; the applied document lives with the caller (PropertiesDock), so Revert is
// setDocument(applied).

#include "editors/form_context.h"
#include "hcn/resource_kind.h"

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QScrollArea;
class QTabWidget;

namespace hcn::ui {

class RawJsonEditor;
class SchemaForm;

class ObjectEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ObjectEditor(QWidget* parent = nullptr);

    /// Shows `document` in the form for `kind` (rebuilt unless the kind and mode are the same as before;
    /// the mode is "existing object" when context.lockedReason is set, which must depend on the kind only).
    void edit(ResourceKind kind, const QJsonObject& document, const FormContext& context);
    /// Shows `document` in both tabs without emitting edited().
    void setDocument(const QJsonObject& document);
    /// The edited document (the raw text's when it is the tab last edited and parses).
    QJsonObject document() const { return m_document; }
    ResourceKind kind() const { return m_kind; }

    /// Form messages and the raw text's parse error; empty when the document can be applied.
    QStringList validationErrors() const;
    QStringList versionWarnings() const;

    SchemaForm* form() const { return m_form; }
    /// The JSON tab. While another tab is current its text may lag behind the form; it catches up
    /// when the tab is shown.
    RawJsonEditor* rawEditor() const { return m_raw; }
    /// Makes the JSON tab current (its text then shows the latest edit).
    void showRawTab();
    QTabWidget* tabs() const { return m_tabs; }
    /// The Form tab's scroll area.
    QScrollArea* formScrollArea() const { return m_scroll; }

signals:
    void edited();

private:
    void onFormEdited();
    void onRawEdited(bool valid);
    void updateWarnings();

    ResourceKind m_kind = ResourceKind::Invalid;
    QTabWidget* m_tabs;
    SchemaForm* m_form;
    RawJsonEditor* m_raw;
    QScrollArea* m_scroll;
    QLabel* m_warnings;
    QJsonObject m_document;
    SchemaVersion m_hostSchema;
    bool m_editMode = false;
    bool m_rawStale = false; ///< the JSON tab has not been given the latest form edit yet
};

} // namespace hcn::ui
