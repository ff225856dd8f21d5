#pragma once
// EventLogDock: the live notification log: a filter bar (types, object, text), the table with the
// selected row's details beside it (a splitter), and Pause / Follow / Clear / Export actions.
// Selecting rows selects their objects in CurrentSelection. Besides the host's notifications it logs
// the console's failed calls (recordFailedCall), marks host switches, disconnects and resyncs of the
// mirror with marker rows, and files that could not be opened with Open failed rows (recordOpenFailed).

#include "hcn/notification.h"
#include "hcn/status.h"
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
class QSplitter;
class QTableView;

namespace hcn::ui {

class CurrentSelection;
class EventDetailsPane;
class EventFilterProxy;
class EventTypeFilter;
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
    /// Logs a call of the console that failed (`action`: "Create endpoint" ...).
    void recordFailedCall(const QString& action, const hcn::Status& status);
    /// Logs a file that could not be opened (a snapshot, scenario, dump, recording, a Compare With...
    /// file): `file` is its path or display name, `reason` says why in words.
    void recordOpenFailed(const QString& file, const QString& reason);
    /// What the host about to be shown is called ("lab.json", "New empty host"): the next Host opened
    /// marker names it beside what answers.
    void nameNextHost(const QString& name) { m_nextHostName = name; }

    EventLogModel* model() const { return m_model; }
    EventFilterProxy* proxy() const { return m_proxy; }
    QTableView* view() const { return m_view; }
    EventDetailsPane* detailsPane() const { return m_details; }
    EventTypeFilter* typeFilter() const { return m_typeFilter; }
    QSplitter* splitter() const { return m_splitter; }

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
    void showCurrentDetails();
    void followMirror(HostMirror* mirror);
    void exportInteractively();
    void updateStatus();

    QPointer<CurrentSelection> m_selection;
    EventLogModel* m_model = nullptr;
    EventFilterProxy* m_proxy = nullptr;
    QTableView* m_view = nullptr;
    EventTypeFilter* m_typeFilter = nullptr;
    EventDetailsPane* m_details = nullptr;
    QSplitter* m_splitter = nullptr;
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
    /// The mirror was disconnected: its next Connected is a reconnect.
    bool m_wasDisconnected = false;
    QString m_nextHostName;
};

} // namespace hcn::ui
