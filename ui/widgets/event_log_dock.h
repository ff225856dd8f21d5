#pragma once
// EventLogDock: the live notification log: a filter bar (type, object, text), the table, and
// Pause / Follow / Clear / Export actions. Selecting rows selects their objects in CurrentSelection.

#include "hcn/notification.h"
#include "models/mirror_event.h"

#include <QDockWidget>
#include <QPointer>
#include <QTimer>
#include <QVector>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableView;

namespace hcn::ui {

class CurrentSelection;
class EventFilterProxy;
class EventLogModel;
class HostMirror;

class EventLogDock : public QDockWidget
{
    Q_OBJECT
public:
    /// Follows `mirror`'s notificationsArrived; either pointer may be null (benchmarks, tests).
    EventLogDock(HostMirror* mirror, CurrentSelection* selection, QWidget* parent = nullptr);
    ~EventLogDock() override;

    /// Feeds notifications directly (benchmarks, tests); the mirror path calls the same.
    void append(const QVector<hcn::ui::MirrorEvent>& batch);

    EventLogModel* model() const { return m_model; }
    EventFilterProxy* proxy() const { return m_proxy; }
    QTableView* view() const { return m_view; }

    QAction* pauseAction() const { return m_pauseAction; }
    QAction* followAction() const { return m_followAction; }
    QAction* clearAction() const { return m_clearAction; }
    QAction* exportAction() const { return m_exportAction; }

    /// Writes the shown rows to `path` (format from the suffix: .csv or .jsonl). Empty on success,
    /// else the reason. The Export action asks for the path and reports errors in a message box.
    QString exportTo(const QString& path) const;

private:
    void buildActions();
    QWidget* buildFilterBar();
    void applyTypeFilter();
    void applyTextFilters();
    void onFlushed(int inserted, int removed);
    void onScrollAction(int action);
    void onViewSelectionChanged();
    void exportInteractively();
    void updateStatus();

    QPointer<CurrentSelection> m_selection;
    EventLogModel* m_model = nullptr;
    EventFilterProxy* m_proxy = nullptr;
    QTableView* m_view = nullptr;
    QComboBox* m_typeCombo = nullptr;
    QLineEdit* m_objectEdit = nullptr;
    QLineEdit* m_textEdit = nullptr;
    QSpinBox* m_capacitySpin = nullptr;
    QLabel* m_statusLabel = nullptr;
    QAction* m_pauseAction = nullptr;
    QAction* m_followAction = nullptr;
    QAction* m_clearAction = nullptr;
    QAction* m_exportAction = nullptr;
    QAction* m_findAction = nullptr;
    /// Typing re-filters up to the whole log: wait for a pause in typing.
    QTimer m_filterDebounce;
    /// Set while the proxy removes or re-lays out rows: selection changes then are not the user's.
    bool m_modelUpdating = false;
};

} // namespace hcn::ui
