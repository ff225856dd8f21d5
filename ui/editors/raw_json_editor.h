#pragma once
// RawJsonEditor: the document as indented JSON text, highlighted and checked as the user types; a
// parse error names its line and column.

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace hcn::ui {

class RawJsonEditor : public QWidget
{
    Q_OBJECT
public:
    explicit RawJsonEditor(QWidget* parent = nullptr);

    /// Shows `document` (no edited() signal).
    void setDocument(const QJsonObject& document);
    /// The parsed text; valid only when error() is empty.
    QJsonObject document() const { return m_document; }
    /// The parse error with its position, or empty.
    QString error() const { return m_error; }
    bool isValid() const { return m_error.isEmpty(); }
    void setReadOnly(bool readOnly);
    QPlainTextEdit* textEdit() const { return m_text; }

signals:
    /// The user changed the text; `valid` says whether it parses to a JSON object.
    void edited(bool valid);

private:
    void onTextChanged();

    QPlainTextEdit* m_text;
    QLabel* m_errorLabel;
    QJsonObject m_document;
    QString m_error;
    bool m_settingText = false;
};

} // namespace hcn::ui
