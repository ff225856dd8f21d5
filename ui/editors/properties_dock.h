#pragma once
// PropertiesDock: the current object's properties as a schema form and as raw JSON, with Apply and
// Revert. The form edits a copy; the applied document (the mirror's) stays apart until Apply turns the
// difference into HCN calls through the undo stack. New objects start from ObjectTemplates.
// Documents come from the mirror, never from API queries. The calls run on the host's worker: while
// they are on their way the dock shows that it is busy and Apply, Delete, undo and redo wait.
// An endpoint's datapath part (EndpointDatapathView) reads live counters on the same worker.
// Follows CurrentSelection; when the object changes on the host the form refreshes, or, with pending
// edits, offers to reload.

#include "hcn/status.h"
#include "models/mirror_object.h"

#include <QDockWidget>
#include <QJsonObject>
#include <QList>
#include <QPointer>

class QAction;
class QLabel;
class QProgressBar;
class QPushButton;
class QUndoStack;

namespace hcn::ui {

class CommandFeedback;
class CurrentSelection;
class EndpointDatapathView;
class ErrorPanel;
class HostMirror;
class ObjectEditor;
class ObjectGlance;

class PropertiesDock : public QDockWidget
{
    Q_OBJECT
public:
    PropertiesDock(HostMirror* mirror, CurrentSelection* selection, QUndoStack* undoStack,
                   QWidget* parent = nullptr);

    /// One action per object template ("New NAT network" ...), for menus and tool bars.
    QList<QAction*> newObjectActions() const { return m_newActions; }
    /// Deletes the selected objects through the undo stack (after a confirmation).
    QAction* deleteAction() const { return m_deleteAction; }
    QAction* applyAction() const { return m_applyAction; }
    QAction* revertAction() const { return m_revertAction; }
    /// Starts a new object from template `templateId` (see ObjectTemplates::all()).
    void startNew(const QString& templateId);

    /// Asks before deleting (default). Automation and tests turn it off.
    void setConfirmationsEnabled(bool enabled) { m_confirm = enabled; }

    /// The delete confirmation's text for `ids`: what goes, including a network's endpoints (counted).
    QString deleteQuestion(const QStringList& ids) const;
    /// True when the form holds edits not applied yet.
    bool hasPendingEdits() const;
    /// Whether an Apply, delete, undo or redo is on its way to the host.
    bool isBusy() const;
    /// The object shown (empty for a new object or none).
    QString currentId() const { return m_id; }
    ObjectEditor* editor() const { return m_editor; }
    ErrorPanel* errorPanel() const { return m_errorPanel; }
    /// The summary header above the form.
    ObjectGlance* glance() const { return m_header; }
    /// The selected endpoint's datapath names and live counters, under the header.
    EndpointDatapathView* datapathView() const { return m_datapath; }
    /// The "changed on the host — reload?" bar.
    QWidget* reloadBar() const { return m_reloadBar; }

signals:
    /// isBusy() changed.
    void busyChanged(bool busy);
    /// A create, modify, delete, undo or redo failed (`action` says which); also shown in the dock.
    void commandFailed(const QString& action, const hcn::Status& status);

public slots:
    /// Applies the edited document: modify requests for an existing object, a create for a new one.
    void apply();
    /// Drops the edits: the form shows the applied document again.
    void revert();
    /// Takes the host's current document, dropping the edits.
    void reload();

private:
    enum class Mode
    {
        None,
        Edit,
        New
    };
    void onSelectionChanged(const QStringList& ids, QObject* origin);
    void onObjectsChanged(const QStringList& ids);
    void onObjectsRemoved(const QList<hcn::ui::MirrorObject>& removed);
    void onFailed(const QString& action, const hcn::Status& status);
    void onBusyChanged(bool busy);
    void onApplied(const QString& id, const QJsonObject& edited, const QJsonObject& hostBefore,
                   const Status& status);
    void showObject(const QString& id);
    void showDocument(ResourceKind kind, const QString& id, const QJsonObject& document);
    void showNothing(const QString& message);
    void updateState();
    void deleteSelected();

    HostMirror* m_mirror;
    CurrentSelection* m_selection;
    QUndoStack* m_undoStack;
    CommandFeedback* m_feedback;
    ObjectEditor* m_editor;
    ErrorPanel* m_errorPanel;
    ObjectGlance* m_header;
    EndpointDatapathView* m_datapath;
    QLabel* m_placeholder;
    QLabel* m_problems;
    QWidget* m_reloadBar;
    QProgressBar* m_busyBar;
    QPushButton* m_applyButton;
    QPushButton* m_revertButton;
    QAction* m_applyAction;
    QAction* m_revertAction;
    QAction* m_deleteAction;
    QList<QAction*> m_newActions;

    Mode m_mode = Mode::None;
    ResourceKind m_kind = ResourceKind::Invalid;
    QString m_id;
    QString m_title;
    QJsonObject m_applied;
    bool m_confirm = true;
    /// The object shown changed on the host while calls were on their way.
    bool m_changedWhileBusy = false;
    /// Where focus was in the dock when calls started; it returns there when they are back.
    QPointer<QWidget> m_focusBeforeBusy;
};

} // namespace hcn::ui
