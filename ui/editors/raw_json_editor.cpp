#include "editors/raw_json_editor.h"

#include "editors/json_highlighter.h"

#include <QFontDatabase>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace hcn::ui {

RawJsonEditor::RawJsonEditor(QWidget* parent)
    : QWidget(parent), m_text(new QPlainTextEdit(this)), m_errorLabel(new QLabel(this))
{
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    new JsonHighlighter(m_text->document());
    m_errorLabel->setObjectName(QStringLiteral("jsonError"));
    m_errorLabel->setStyleSheet(QStringLiteral("color: #d03030;"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->hide();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text);
    layout->addWidget(m_errorLabel);
    connect(m_text, &QPlainTextEdit::textChanged, this, &RawJsonEditor::onTextChanged);
}

void RawJsonEditor::setDocument(const QJsonObject& document)
{
    m_document = document;
    m_error.clear();
    m_errorLabel->hide();
    const QString text = QString::fromUtf8(QJsonDocument(document).toJson(QJsonDocument::Indented));
    if (text == m_text->toPlainText())
        return;
    m_settingText = true;
    m_text->setPlainText(text);
    m_settingText = false;
}

void RawJsonEditor::setReadOnly(bool readOnly)
{
    m_text->setReadOnly(readOnly);
}

void RawJsonEditor::onTextChanged()
{
    if (m_settingText)
        return;
    const QString text = m_text->toPlainText();
    const QByteArray utf8 = text.toUtf8();
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // The offset is in UTF-8 bytes; count lines and columns in characters for the user.
        const QString before = QString::fromUtf8(utf8.left(parseError.offset));
        const int line = int(before.count(QLatin1Char('\n'))) + 1;
        const int column = int(before.size() - before.lastIndexOf(QLatin1Char('\n')));
        m_error = tr("Line %1, column %2: %3").arg(line).arg(column).arg(parseError.errorString());
    } else if (!doc.isObject()) {
        m_error = tr("The document must be a JSON object ({ ... }).");
    } else {
        m_error.clear();
        m_document = doc.object();
    }
    m_errorLabel->setText(m_error);
    m_errorLabel->setVisible(!m_error.isEmpty());
    emit edited(m_error.isEmpty());
}

} // namespace hcn::ui
