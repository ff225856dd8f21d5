#pragma once
// EventDetailsPane: beside the event log's table, the selected row in full: what changed (one
// field-level change per line) and the payload as indented JSON.

#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace hcn::ui {

struct EventDetails;

class EventDetailsPane : public QWidget
{
    Q_OBJECT
public:
    explicit EventDetailsPane(QWidget* parent = nullptr);

    /// Shows one row (`title`: its type and object); nothing selected: clear().
    void display(const QString& title, const EventDetails& details);
    void clear();

    QString changesText() const;
    QString payloadText() const;

private:
    QLabel* m_title = nullptr;
    QPlainTextEdit* m_changes = nullptr;
    QPlainTextEdit* m_payload = nullptr;
};

} // namespace hcn::ui
