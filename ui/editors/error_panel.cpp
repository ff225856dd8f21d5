#include "editors/error_panel.h"

#include "widgets/error_explanation_view.h"

#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace hcn::ui {

ErrorPanel::ErrorPanel(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_message(new QLabel(this)),
      m_explanation(new ErrorExplanationView(this)), m_record(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("errorPanel"));
    setStyleSheet(QStringLiteral("hcn--ui--ErrorPanel { background: #fbe9e9; }"));
    setAttribute(Qt::WA_StyledBackground);
    m_title->setObjectName(QStringLiteral("errorTitle"));
    m_title->setStyleSheet(QStringLiteral("font-weight: bold; color: #a01010;"));
    m_message->setObjectName(QStringLiteral("errorMessage"));
    for (auto* label : {m_title, m_message}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_record->setObjectName(QStringLiteral("errorRecord"));
    m_record->setReadOnly(true);
    m_record->setMaximumHeight(70);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_message);
    layout->addWidget(m_explanation);
    layout->addWidget(m_record);
    hide();
}

void ErrorPanel::showStatus(const QString& action, const Status& status)
{
    m_code = status.code();
    m_title->setText(tr("%1 failed: %2").arg(action, ErrorExplanationView::title(status.code())));
    m_message->setText(QString::fromStdString(status.message()));
    m_explanation->setCode(status.code());
    m_explanation->show();
    const QByteArray record = QByteArray::fromStdString(status.errorRecord());
    const QJsonDocument parsed = QJsonDocument::fromJson(record);
    m_record->setPlainText(parsed.isNull() ? QString::fromUtf8(record)
                                           : QString::fromUtf8(parsed.toJson(QJsonDocument::Indented)));
    m_record->setVisible(!record.isEmpty());
    show();
}

void ErrorPanel::showMessage(const QString& title, const QString& message)
{
    m_code = 0;
    m_title->setText(title);
    m_message->setText(message);
    m_explanation->clear();
    m_explanation->hide();
    m_record->clear();
    m_record->hide();
    show();
}

void ErrorPanel::clear()
{
    m_code = 0;
    m_title->clear();
    m_message->clear();
    m_explanation->clear();
    m_record->clear();
    hide();
}

QString ErrorPanel::titleText() const
{
    return m_title->text();
}

QString ErrorPanel::messageText() const
{
    return m_message->text();
}

QString ErrorPanel::errorRecordText() const
{
    return m_record->toPlainText();
}

} // namespace hcn::ui
