#pragma once
// ErrorPanel: what the host said when a call failed: HRESULT name and hex, the message, what the code
// means with its causes and checks (the error catalog) and the ErrorRecord JSON, all selectable for
// copying into a bug report.

#include "hcn/status.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace hcn::ui {

class ErrorExplanationView;

class ErrorPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ErrorPanel(QWidget* parent = nullptr);

    /// Shows a failed call; `action` says what was attempted.
    void showStatus(const QString& action, const Status& status);
    /// Shows a problem found before any call (no HRESULT), e.g. fields HCN cannot change.
    void showMessage(const QString& title, const QString& message);
    void clear();

    /// The code shown (0 when none or a message without HRESULT).
    HResult code() const { return m_code; }
    QString titleText() const;
    /// The code's explanation (hidden for a message without HRESULT).
    ErrorExplanationView* explanation() const { return m_explanation; }
    QString messageText() const;
    QString errorRecordText() const;

private:
    HResult m_code = 0;
    QLabel* m_title;
    QLabel* m_message;
    ErrorExplanationView* m_explanation;
    QPlainTextEdit* m_record;
};

} // namespace hcn::ui
