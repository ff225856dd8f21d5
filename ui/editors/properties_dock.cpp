#include "editors/properties_dock.h"

#include "editors/command_feedback.h"
#include "editors/create_object_command.h"
#include "editors/delete_object_command.h"
#include "editors/endpoint_datapath_view.h"
#include "editors/error_panel.h"
#include "editors/modify_object_command.h"
#include "editors/modify_request_builder.h"
#include "editors/object_editor.h"
#include "editors/object_glance.h"
#include "editors/object_templates.h"
#include "models/core_text.h"
#include "models/current_selection.h"
#include "models/host_mirror.h"

#include <QAction>
#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QUndoStack>
#include <QVBoxLayout>

Q_LOGGING_CATEGORY(lcEditors, "hcn.ui.editors")

namespace hcn::ui {
namespace {

} // namespace

PropertiesDock::PropertiesDock(HostMirror* mirror, CurrentSelection* selection, QUndoStack* undoStack,
                               QWidget* parent)
    : QDockWidget(tr("Properties"), parent), m_mirror(mirror), m_selection(selection), m_undoStack(undoStack),
      m_feedback(new CommandFeedback(undoStack, this)), m_editor(new ObjectEditor),
      m_errorPanel(new ErrorPanel), m_header(new ObjectGlance(mirror, selection)),
      m_datapath(new EndpointDatapathView(mirror)), m_placeholder(new QLabel), m_problems(new QLabel),
      m_reloadBar(new QWidget), m_busyBar(new QProgressBar), m_applyButton(new QPushButton(tr("Apply"))),
      m_revertButton(new QPushButton(tr("Revert"))), m_applyAction(new QAction(tr("Apply"), this)),
      m_revertAction(new QAction(tr("Revert"), this)), m_deleteAction(new QAction(tr("Delete"), this))
{
    setObjectName(QStringLiteral("propertiesDock"));
    auto* content = new QWidget;
    content->setFocusPolicy(Qt::ClickFocus); // holds focus while the form waits for the host
    auto* layout = new QVBoxLayout(content);
    layout->addWidget(m_header);
    layout->addWidget(m_datapath);

    m_reloadBar->setObjectName(QStringLiteral("reloadBar"));
    m_reloadBar->setStyleSheet(QStringLiteral("background: #fff3cd; color: #6b4e00;"));
    m_reloadBar->setAttribute(Qt::WA_StyledBackground);
    auto* bar = new QHBoxLayout(m_reloadBar);
    bar->addWidget(new QLabel(tr("This object changed on the host. Reload it (your edits are dropped)?")), 1);
    auto* reloadButton = new QPushButton(tr("Reload"));
    reloadButton->setObjectName(QStringLiteral("reloadButton"));
    bar->addWidget(reloadButton);
    m_reloadBar->hide();
    layout->addWidget(m_reloadBar);

    m_placeholder->setWordWrap(true);
    m_placeholder->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_placeholder);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_errorPanel);
    // Why Apply/Create is disabled, in words (a JSON syntax error with its line and column, a field's
    // message), where the user looks for the button.
    m_problems->setObjectName(QStringLiteral("applyProblems"));
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color: #d03030;"));
    m_problems->hide();
    layout->addWidget(m_problems);
    auto* buttons = new QHBoxLayout;
    // Shown while the host works on an Apply, delete, undo or redo: the form waits, the window does not.
    m_busyBar->setObjectName(QStringLiteral("busyBar"));
    m_busyBar->setRange(0, 0);
    m_busyBar->setTextVisible(false);
    m_busyBar->setMaximumWidth(120);
    m_busyBar->setToolTip(tr("Waiting for the host"));
    m_busyBar->hide();
    buttons->addWidget(m_busyBar);
    buttons->addStretch();
    m_revertButton->setObjectName(QStringLiteral("revertButton"));
    m_applyButton->setObjectName(QStringLiteral("applyButton"));
    m_applyButton->setDefault(true);
    m_revertButton->setToolTip(tr("Drop the edits and show the object as the host has it (Esc)"));
    buttons->addWidget(m_revertButton);
    buttons->addWidget(m_applyButton);
    layout->addLayout(buttons);
    setWidget(content);

    m_applyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_revertAction->setShortcut(QKeySequence(Qt::Key_Escape));
    for (QAction* a : {m_applyAction, m_revertAction}) {
        // Only while focus is inside the dock: Esc and Ctrl+Return mean other things elsewhere.
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a);
    }
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setToolTip(
        tr("Delete the selected objects, after a confirmation (Del); undo brings them back"));
    m_deleteAction->setObjectName(QStringLiteral("deleteAction"));
    for (const auto& t : ObjectTemplates::all()) {
        auto* action = new QAction(t.title, this);
        action->setObjectName(QStringLiteral("new:") + t.id);
        connect(action, &QAction::triggered, this, [this, id = t.id] { startNew(id); });
        m_newActions << action;
    }

    connect(m_applyButton, &QPushButton::clicked, this, &PropertiesDock::apply);
    connect(m_revertButton, &QPushButton::clicked, this, &PropertiesDock::revert);
    connect(m_applyAction, &QAction::triggered, this, &PropertiesDock::apply);
    connect(m_revertAction, &QAction::triggered, this, &PropertiesDock::revert);
    connect(reloadButton, &QPushButton::clicked, this, &PropertiesDock::reload);
    connect(m_deleteAction, &QAction::triggered, this, &PropertiesDock::deleteSelected);
    connect(m_editor, &ObjectEditor::edited, this, &PropertiesDock::updateState);
    connect(m_feedback, &CommandFeedback::failed, this, &PropertiesDock::onFailed);
    connect(m_feedback, &CommandFeedback::failed, this, &PropertiesDock::commandFailed);
    connect(m_feedback, &CommandFeedback::busyChanged, this, &PropertiesDock::onBusyChanged);
    connect(m_selection, &CurrentSelection::changed, this, &PropertiesDock::onSelectionChanged);
    connect(m_mirror, &HostMirror::objectsChanged, this, &PropertiesDock::onObjectsChanged);
    connect(m_mirror, &HostMirror::objectsAdded, this, [this](const QStringList& ids) {
        updateState();
        if (ids.contains(m_id))
            onObjectsChanged({m_id}); // an object just created here: the host's document arrived
    });
    connect(m_mirror, &HostMirror::objectsRemoved, this, &PropertiesDock::onObjectsRemoved);
    // The header names neighbours (a network's endpoints, an endpoint's namespace): it follows every
    // change, the form only its own object's.
    auto refreshGlance = [this] {
        if (m_mode != Mode::Edit)
            return;
        if (const MirrorObject* o = m_mirror->object(m_id))
            m_header->showObject(o->kind, o->id, o->document);
    };
    connect(m_mirror, &HostMirror::objectsAdded, this, refreshGlance);
    connect(m_mirror, &HostMirror::objectsChanged, this, refreshGlance);
    connect(m_mirror, &HostMirror::objectsRemoved, this, refreshGlance);
    connect(m_mirror, &HostMirror::reset, this, [this] {
        onSelectionChanged(m_selection->ids(), nullptr);
        updateState(); // a read-only host (an offline snapshot) takes the changing actions away
    });

    onSelectionChanged(m_selection->ids(), nullptr);
}

bool PropertiesDock::isBusy() const
{
    return m_feedback->isBusy();
}

bool PropertiesDock::hasPendingEdits() const
{
    if (m_mode == Mode::None)
        return false;
    return m_editor->document() != m_applied || !m_editor->validationErrors().isEmpty();
}

void PropertiesDock::showNothing(const QString& message)
{
    m_mode = Mode::None;
    m_id.clear();
    m_kind = ResourceKind::Invalid;
    m_applied = {};
    m_header->clear();
    m_datapath->showEndpoint({});
    m_placeholder->setText(message);
    m_placeholder->show();
    m_editor->hide();
    m_reloadBar->hide();
    updateState();
}

void PropertiesDock::showObject(const QString& id)
{
    const MirrorObject* o = m_mirror->object(id);
    if (!o) {
        showNothing(tr("Select an object to see its properties, or create one with New."));
        return;
    }
    showDocument(o->kind, o->id, o->document);
}

void PropertiesDock::showDocument(ResourceKind kind, const QString& id, const QJsonObject& document)
{
    m_mode = Mode::Edit;
    m_id = id;
    m_kind = kind;
    m_applied = document;
    const QString name = document.value(QStringLiteral("Name")).toString();
    m_title = name.isEmpty() ? kindName(kind) : tr("%1 %2").arg(kindName(kind), name);
    m_header->showObject(kind, id, document);
    m_datapath->showEndpoint(kind == ResourceKind::Endpoint ? id : QString());
    FormContext context;
    if (m_mirror->info().schemaVersion.major != 0)
        context.hostSchema = m_mirror->info().schemaVersion;
    context.lockedReason = [kind](const QString& field) {
        return ModifyRequestBuilder::lockedReason(kind, field);
    };
    m_editor->edit(kind, m_applied, context);
    m_placeholder->hide();
    m_editor->show();
    m_reloadBar->hide();
    m_applyButton->setText(tr("Apply"));
    updateState();
}

void PropertiesDock::startNew(const QString& templateId)
{
    const auto t = ObjectTemplates::find(templateId);
    if (!t) {
        qCWarning(lcEditors) << "unknown object template" << templateId;
        return;
    }
    const auto doc =
        ObjectTemplates::document(templateId, TemplateContext::fromMirror(*m_mirror, m_selection->ids()));
    m_errorPanel->clear();
    if (!doc) {
        m_errorPanel->showMessage(
            tr("%1 is not possible yet").arg(t->title),
            tr("An endpoint is created on a network: create or select a network first."));
        return;
    }
    m_mode = Mode::New;
    m_id.clear();
    m_kind = t->kind;
    // The template is "applied": Revert goes back to it; Apply creates whatever the form holds.
    m_applied = *doc;
    m_title = t->title;
    m_header->showTitle(t->title);
    m_datapath->showEndpoint({});
    FormContext context;
    if (m_mirror->info().schemaVersion.major != 0)
        context.hostSchema = m_mirror->info().schemaVersion;
    m_editor->edit(t->kind, m_applied, context);
    m_placeholder->hide();
    m_editor->show();
    m_reloadBar->hide();
    m_applyButton->setText(tr("Create"));
    show();
    raise();
    updateState();
}

void PropertiesDock::onSelectionChanged(const QStringList& ids, QObject* origin)
{
    m_deleteAction->setEnabled(!ids.isEmpty() && !isBusy() && !m_mirror->info().readOnly);
    if (origin == this)
        return;
    m_errorPanel->clear();
    if (ids.isEmpty()) {
        if (m_mode == Mode::New)
            return; // a new object in progress stays until it is created or replaced
        showNothing(tr("Select an object to see its properties, or create one with New."));
        return;
    }
    showObject(ids.front());
}

void PropertiesDock::onObjectsChanged(const QStringList& ids)
{
    if (m_mode != Mode::Edit || !ids.contains(m_id))
        return;
    if (isBusy()) {
        m_changedWhileBusy = true; // looked at once the calls are back (the outcome decides first)
        return;
    }
    const MirrorObject* o = m_mirror->object(m_id);
    if (!o || o->document == m_applied)
        return;
    if (!hasPendingEdits()) {
        m_applied = o->document;
        m_editor->setDocument(m_applied);
        updateState();
        return;
    }
    m_reloadBar->show();
}

void PropertiesDock::onObjectsRemoved(const QList<MirrorObject>& removed)
{
    if (m_mode != Mode::Edit)
        return;
    for (const auto& o : removed)
        if (o.id == m_id) {
            showNothing(tr("%1 was deleted on the host.").arg(m_title));
            return;
        }
}

void PropertiesDock::onFailed(const QString& action, const Status& status)
{
    m_errorPanel->showStatus(action, status);
}

void PropertiesDock::onBusyChanged(bool busy)
{
    m_busyBar->setVisible(busy);
    QWidget* focus = QApplication::focusWidget();
    if (busy && focus && widget()->isAncestorOf(focus)) {
        // The form and the buttons are disabled while the host works: without a place to stay, focus
        // would move on to the next widget of the window (the event log's row limit) and the user's
        // typing would land there. It waits on the dock and comes back afterwards.
        m_focusBeforeBusy = focus;
        widget()->setFocus(Qt::OtherFocusReason);
    }
    m_editor->setEnabled(!busy);
    updateState();
    if (!busy && std::exchange(m_changedWhileBusy, false))
        onObjectsChanged({m_id});
    if (!busy && m_focusBeforeBusy && QApplication::focusWidget() == widget()) {
        QWidget* back = m_focusBeforeBusy->isEnabled() && m_focusBeforeBusy->isVisible()
                            ? m_focusBeforeBusy.data()
                            : static_cast<QWidget*>(m_editor);
        back->setFocus(Qt::OtherFocusReason);
    }
    if (!busy)
        m_focusBeforeBusy.clear();
    emit busyChanged(busy);
}

void PropertiesDock::updateState()
{
    const QStringList errors = m_mode == Mode::None ? QStringList() : m_editor->validationErrors();
    const bool pending = hasPendingEdits();
    const bool idle = !isBusy();
    const bool writable = !m_mirror->info().readOnly; // an offline snapshot: everything shows, nothing changes
    const bool canApply =
        writable && idle && m_mode != Mode::None && errors.isEmpty() && (pending || m_mode == Mode::New);
    m_applyButton->setEnabled(canApply);
    m_applyAction->setEnabled(canApply);
    m_applyButton->setToolTip(!writable           ? tr("This is an offline snapshot (read-only).")
                              : !errors.isEmpty() ? errors.join(QLatin1Char('\n'))
                              : m_mode == Mode::New
                                  ? tr("Create the object on the host (Ctrl+Return); undo takes it back")
                                  : tr("Send the edits to the host (Ctrl+Return); undo takes them back"));
    m_revertButton->setEnabled(idle && pending);
    m_revertAction->setEnabled(idle && pending);
    m_deleteAction->setEnabled(writable && idle && !m_selection->ids().isEmpty());
    for (QAction* action : std::as_const(m_newActions))
        action->setEnabled(writable && idle);
    if (!pending)
        m_reloadBar->hide();
    constexpr int kShown = 3;
    QString problems;
    if (!errors.isEmpty()) {
        problems = (m_mode == Mode::New ? tr("Cannot create yet: %1") : tr("Cannot apply yet: %1"))
                       .arg(errors.mid(0, kShown).join(QLatin1String("; ")));
        if (errors.size() > kShown)
            problems += tr(" (and %n more)", nullptr, int(errors.size() - kShown));
    }
    m_problems->setText(problems);
    m_problems->setVisible(!problems.isEmpty());
}

void PropertiesDock::apply()
{
    if (m_mode == Mode::None || isBusy() || !m_editor->validationErrors().isEmpty())
        return;
    const QJsonObject edited = m_editor->document();
    m_errorPanel->clear();
    if (m_mode == Mode::New) {
        const QString networkId = m_kind == ResourceKind::Endpoint
                                      ? edited.value(QStringLiteral("HostComputeNetwork")).toString()
                                      : QString();
        auto* command = new CreateObjectCommand(
            m_mirror, m_feedback, m_kind, edited.value(QStringLiteral("ID")).toString(), edited, networkId);
        command->setOnFinished([this, id = command->objectId(), edited](const Status& status) {
            onApplied(id, edited, {}, status);
        });
        m_undoStack->push(command); // leaves the stack again if the host refuses it
        return;
    }
    const ModifyPlan plan = ModifyRequestBuilder::build(m_kind, m_applied, edited);
    if (!plan.canApply()) {
        m_errorPanel->showMessage(tr("These changes cannot be applied to an existing object"),
                                  plan.unsupported.join(QLatin1Char('\n')));
        return;
    }
    if (plan.requests.isEmpty())
        return;
    const MirrorObject* shown = m_mirror->object(m_id);
    auto* command = new ModifyObjectCommand(m_mirror, m_feedback, m_kind, m_id, edited);
    command->setOnFinished([this, id = m_id, edited, before = shown ? shown->document : QJsonObject()](
                               const Status& status) { onApplied(id, edited, before, status); });
    m_undoStack->push(command);
}

void PropertiesDock::onApplied(const QString& id, const QJsonObject& edited, const QJsonObject& hostBefore,
                               const Status& status)
{
    if (!status.ok())
        return; // the form keeps the edit so the user can fix it; the error panel says why
    if (m_mode == Mode::New) {
        if (m_editor->document() != edited)
            return; // the user started something else meanwhile
        const QString created = id.toUpper(); // the mirror and every view key IDs in upper case
        m_selection->setIds({created}, this);
        // The mirror learns about the object from a notification that may not have arrived yet; what
        // was created stands for it until then (objectsAdded brings the host's document).
        if (m_mirror->object(created))
            showObject(created);
        else
            showDocument(m_kind, created, edited);
        return;
    }
    if (m_mode != Mode::Edit || id != m_id)
        return;
    // The edit is what the host holds now. Its own document (it normalizes spellings) replaces it when
    // the mirror has it: already, or with the notification still on its way.
    m_applied = edited;
    const MirrorObject* now = m_mirror->object(id);
    if (now && now->document != hostBefore && m_editor->document() == edited) {
        m_applied = now->document;
        m_editor->setDocument(m_applied);
    }
    updateState();
}

void PropertiesDock::revert()
{
    if (m_mode == Mode::None)
        return;
    m_editor->setDocument(m_applied);
    m_errorPanel->clear();
    updateState();
}

void PropertiesDock::reload()
{
    if (m_mode == Mode::Edit)
        showObject(m_id);
}

QString PropertiesDock::deleteQuestion(const QStringList& ids) const
{
    // A network takes its endpoints with it: say how many, counting only those not selected as well.
    int endpoints = 0;
    int attached = 0;
    for (const QString& id : ids) {
        const MirrorObject* o = m_mirror->object(id);
        if (!o || o->kind != ResourceKind::Network)
            continue;
        for (const QString& endpoint : m_mirror->endpointIdsOfNetwork(id)) {
            if (ids.contains(endpoint))
                continue;
            ++endpoints;
            const MirrorObject* e = m_mirror->object(endpoint);
            if (e && !e->document.value(QStringLiteral("HostComputeNamespace")).toString().isEmpty())
                ++attached;
        }
    }
    QString what;
    if (ids.size() == 1) {
        const MirrorObject* o = m_mirror->object(ids.front());
        const QString name = o && !o->name.isEmpty() ? o->name : ids.front();
        what =
            o ? tr("Delete the %1 %2?").arg(kindName(o->kind).toLower(), name) : tr("Delete %1?").arg(name);
    } else {
        what = tr("Delete %n objects?", nullptr, int(ids.size()));
    }
    QString text = what;
    if (endpoints > 0) {
        if (ids.size() == 1)
            text += QLatin1Char(' ') + (endpoints == 1 ? tr("Its endpoint goes too.")
                                                       : tr("Its %1 endpoints go too.").arg(endpoints));
        else
            text += QLatin1Char(' ') + (endpoints == 1
                                            ? tr("Another endpoint of these networks goes too.")
                                            : tr("The networks' %1 other endpoints go too.").arg(endpoints));
        if (attached > 0)
            text +=
                QLatin1Char(' ') +
                (attached == 1
                     ? tr("One of them is attached to a namespace: the host may refuse until it is detached.")
                     : tr("%1 of them are attached to a namespace: the host may refuse until they are "
                          "detached.")
                           .arg(attached));
    }
    text += QLatin1Char(' ') + (ids.size() == 1 && endpoints == 0
                                    ? tr("Undo brings it back with the same ID.")
                                    : tr("Undo brings them all back with the same IDs."));
    return text;
}

void PropertiesDock::deleteSelected()
{
    const QStringList ids = m_selection->ids();
    if (ids.isEmpty() || isBusy())
        return;
    if (m_confirm) {
        const auto answer = QMessageBox::question(this, tr("Delete"), deleteQuestion(ids));
        if (answer != QMessageBox::Yes)
            return;
    }
    m_errorPanel->clear();
    m_undoStack->push(new DeleteObjectCommand(m_mirror, m_feedback, ids));
}

} // namespace hcn::ui
