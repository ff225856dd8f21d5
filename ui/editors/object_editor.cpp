#include "editors/object_editor.h"

#include "editors/raw_json_editor.h"
#include "editors/schema_form.h"

#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace hcn::ui {

ObjectEditor::ObjectEditor(QWidget* parent)
    : QWidget(parent), m_tabs(new QTabWidget(this)), m_form(new SchemaForm), m_raw(new RawJsonEditor),
      m_scroll(new QScrollArea), m_warnings(new QLabel(this))
{
    m_scroll->setObjectName(QStringLiteral("formScroll"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setWidget(m_form);
    m_tabs->addTab(m_scroll, tr("Form"));
    m_tabs->addTab(m_raw, tr("JSON"));
    m_warnings->setObjectName(QStringLiteral("versionWarnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setStyleSheet(QStringLiteral("background: #fff3cd; color: #6b4e00; padding: 3px;"));
    m_warnings->hide();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_warnings);
    layout->addWidget(m_tabs);
    connect(m_form, &SchemaForm::edited, this, &ObjectEditor::onFormEdited);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_rawStale && m_tabs->currentWidget() == m_raw) {
            m_raw->setDocument(m_document);
            m_rawStale = false;
        }
    });
    connect(m_raw, &RawJsonEditor::edited, this, &ObjectEditor::onRawEdited);
}

void ObjectEditor::edit(ResourceKind kind, const QJsonObject& document, const FormContext& context)
{
    // Same kind in the same mode: the form's editors are reused and only take the new values, which is
    // much cheaper than building thousands of widgets again when the user walks through a list.
    const bool reuse = m_kind == kind && m_hostSchema == context.hostSchema &&
                       m_editMode == bool(context.lockedReason) && m_form->root();
    m_kind = kind;
    m_hostSchema = context.hostSchema;
    m_editMode = bool(context.lockedReason);
    if (!reuse)
        m_form->build(kind, context);
    setDocument(document);
    // Another object: its form starts at the top, not where the previous one was scrolled to.
    m_scroll->verticalScrollBar()->setValue(0);
    m_scroll->horizontalScrollBar()->setValue(0);
}

void ObjectEditor::setDocument(const QJsonObject& document)
{
    m_document = document;
    m_form->setDocument(document);
    m_raw->setDocument(document);
    m_rawStale = false;
    updateWarnings();
}

void ObjectEditor::onFormEdited()
{
    m_document = m_form->document();
    // The JSON text of a big document costs more than the keystroke itself; it is written when the
    // JSON tab is shown (and right away while it is the current tab).
    if (m_tabs->currentWidget() == m_raw) {
        m_raw->setDocument(m_document);
        m_rawStale = false;
    } else {
        m_rawStale = true;
    }
    updateWarnings();
    emit edited();
}

void ObjectEditor::onRawEdited(bool valid)
{
    if (valid) {
        // The form is refreshed from the text; the text itself is left as typed (no reformatting under
        // the user's cursor).
        m_document = m_raw->document();
        m_form->setDocument(m_document);
    }
    updateWarnings();
    emit edited();
}

void ObjectEditor::showRawTab()
{
    m_tabs->setCurrentWidget(m_raw);
}

QStringList ObjectEditor::validationErrors() const
{
    QStringList errors;
    if (!m_raw->isValid())
        errors << tr("JSON: %1").arg(m_raw->error());
    else
        errors << m_form->validationErrors();
    return errors;
}

QStringList ObjectEditor::versionWarnings() const
{
    return m_form->versionWarnings();
}

void ObjectEditor::updateWarnings()
{
    const QStringList warnings = versionWarnings();
    m_warnings->setText(tr("Newer than the host's schema:\n%1").arg(warnings.join(QLatin1Char('\n'))));
    m_warnings->setVisible(!warnings.isEmpty());
}

} // namespace hcn::ui
