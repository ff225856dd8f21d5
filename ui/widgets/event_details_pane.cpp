#include "widgets/event_details_pane.h"

#include "models/event_log_model.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace hcn::ui {

EventDetailsPane::EventDetailsPane(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("eventDetailsPane"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 0, 0, 0);
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    layout->addWidget(m_title);

    layout->addWidget(new QLabel(tr("What changed"), this));
    m_changes = new QPlainTextEdit(this);
    m_changes->setObjectName(QStringLiteral("eventChanges"));
    m_changes->setReadOnly(true);
    m_changes->setMaximumHeight(fontMetrics().height() * 7);
    layout->addWidget(m_changes);

    layout->addWidget(new QLabel(tr("Payload"), this));
    m_payload = new QPlainTextEdit(this);
    m_payload->setObjectName(QStringLiteral("eventPayload"));
    m_payload->setReadOnly(true);
    m_payload->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_payload->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(m_payload, 1);
    clear();
}

void EventDetailsPane::display(const QString& title, const EventDetails& details)
{
    m_title->setText(title);
    if (!details.kept) {
        m_changes->setPlainText(QString());
        m_payload->setPlainText(
            tr("Only the newest %1 events keep their payload; this one shows its line only.")
                .arg(EventLogModel::kDetailsKept));
        return;
    }
    if (!details.changes.isEmpty())
        m_changes->setPlainText(details.changes.join(QLatin1Char('\n')));
    else if (details.comparable)
        m_changes->setPlainText(tr("No compared field differs from the previous document."));
    else
        m_changes->setPlainText(tr("Not a change of a known object."));
    m_payload->setPlainText(details.payload);
}

void EventDetailsPane::clear()
{
    m_title->setText(tr("Select an event to see its payload."));
    m_changes->clear();
    m_payload->clear();
}

QString EventDetailsPane::changesText() const
{
    return m_changes->toPlainText();
}

QString EventDetailsPane::payloadText() const
{
    return m_payload->toPlainText();
}

} // namespace hcn::ui
