#include "widgets/error_explanation_view.h"

#include "hcn/error_catalog.h"

#include <QLabel>
#include <QMessageBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace hcn::ui {

namespace {

QString bulletList(const std::vector<std::string>& lines)
{
    QString out;
    for (const std::string& line : lines)
        out += QStringLiteral("\n  \u2022 ") + QString::fromStdString(line);
    return out;
}

} // namespace

ErrorExplanationView::ErrorExplanationView(QWidget* parent)
    : QWidget(parent), m_summary(new QLabel(this)), m_toggle(new QToolButton(this)),
      m_details(new QLabel(this))
{
    setObjectName(QStringLiteral("errorExplanation"));
    m_summary->setObjectName(QStringLiteral("errorMeaning"));
    m_details->setObjectName(QStringLiteral("errorCauses"));
    for (auto* label : {m_summary, m_details}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_toggle->setObjectName(QStringLiteral("errorCausesToggle"));
    m_toggle->setText(tr("Causes and checks"));
    m_toggle->setCheckable(true);
    m_toggle->setAutoRaise(true);
    m_toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toggle->setArrowType(Qt::RightArrow);
    connect(m_toggle, &QToolButton::toggled, this, &ErrorExplanationView::setDetailsShown);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_toggle, 0, Qt::AlignLeft);
    layout->addWidget(m_details);
    m_details->hide();
}

void ErrorExplanationView::setCode(HResult code)
{
    m_summary->setText(summaryText(code));
    m_details->setText(detailsText(code));
    setDetailsShown(false);
}

void ErrorExplanationView::clear()
{
    m_summary->clear();
    m_details->clear();
    setDetailsShown(false);
}

QString ErrorExplanationView::summary() const
{
    return m_summary->text();
}

QString ErrorExplanationView::details() const
{
    return m_details->text();
}

bool ErrorExplanationView::detailsShown() const
{
    return m_toggle->isChecked();
}

void ErrorExplanationView::setDetailsShown(bool shown)
{
    if (m_toggle->isChecked() != shown)
        m_toggle->setChecked(shown); // comes back here through toggled
    m_toggle->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
    m_details->setVisible(shown);
}

QString ErrorExplanationView::title(HResult code)
{
    return QString::fromStdString(hresultLabel(code));
}

QString ErrorExplanationView::summaryText(HResult code)
{
    return QStringLiteral("%1: %2").arg(title(code), QString::fromStdString(explainHResult(code).meaning));
}

QString ErrorExplanationView::detailsText(HResult code)
{
    const ErrorExplanation e = explainHResult(code);
    return tr("Causes:") + bulletList(e.causes) + QStringLiteral("\n") + tr("Checks:") + bulletList(e.checks);
}

void ErrorExplanationView::explainIn(QMessageBox& box, HResult code)
{
    box.setInformativeText(summaryText(code));
    box.setDetailedText(detailsText(code));
}

} // namespace hcn::ui
