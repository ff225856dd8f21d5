#pragma once
// ErrorExplanationView: the error catalog's explanation of an HRESULT wherever the console shows an
// error: the name and what it means, and "Causes and checks" that expand on demand. The static texts
// serve message boxes (as their details) and tooltips, so every place explains a code alike.

#include "hcn/hresult.h"

#include <QWidget>

class QLabel;
class QMessageBox;
class QToolButton;

namespace hcn::ui {

class ErrorExplanationView : public QWidget
{
    Q_OBJECT
public:
    explicit ErrorExplanationView(QWidget* parent = nullptr);

    /// Explains `code`; the causes start collapsed.
    void setCode(HResult code);
    void clear();

    QString summary() const;
    QString details() const;
    /// Whether "Causes and checks" is expanded.
    bool detailsShown() const;
    void setDetailsShown(bool shown);

    /// "HCN_E_PORT_ALREADY_EXISTS (0x803B0013)", or the hex spelling for an unnamed code.
    static QString title(HResult code);
    /// The title and what the code means, on one line.
    static QString summaryText(HResult code);
    /// "Causes:" and "Checks:" with one line per item, as plain text.
    static QString detailsText(HResult code);
    /// Puts the summary under the box's text and the causes and checks in its expandable details.
    static void explainIn(QMessageBox& box, HResult code);

private:
    QLabel* m_summary;
    QToolButton* m_toggle;
    QLabel* m_details;
};

} // namespace hcn::ui
