#include "main_window.h"

#include "charts/charts_dock.h"
#include "compare/compare_controller.h"
#include "compare/compare_dock.h"
#include "editors/object_glance.h"
#include "editors/properties_dock.h"
#include "models/current_selection.h"
#include "models/event_filter_proxy.h"
#include "models/event_log_export.h"
#include "models/host_checks.h"
#include "models/host_mirror.h"
#include "models/resource_tree_model.h"
#include "topology/topology_dock.h"
#include "widgets/bundle_export_dialog.h"
#include "widgets/checks_dock.h"
#include "widgets/connection_controller.h"
#include "widgets/console_settings.h"
#include "widgets/dump_import_controller.h"
#include "widgets/event_log_dock.h"
#include "widgets/export_controller.h"
#include "widgets/help_menu.h"
#include "widgets/host_status_bar.h"
#include "widgets/import_report_dock.h"
#include "widgets/live_recording_controller.h"
#include "widgets/recording_controller.h"
#include "widgets/resource_tree_dock.h"
#include "widgets/scenario_controller.h"
#include "widgets/stale_host_banner.h"
#include "widgets/timeline_dock.h"
#include "widgets/trace_dock.h"

#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QToolBar>
#include <QTreeView>
#include <QUndoStack>
#include <QUrl>

namespace hcn::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_mirror(new HostMirror(this)), m_selection(new CurrentSelection(this)),
      m_undoStack(new QUndoStack(this)), m_resourceTree(new ResourceTreeDock(m_mirror, m_selection, this)),
      m_statusBar(new HostStatusBar(m_mirror, this)),
      m_scenarios(new ScenarioController(m_mirror, this, this)),
      m_connection(new ConnectionController(m_mirror, this, this)),
      m_export(new ExportController(m_mirror, m_selection, this, this)),
      m_dumps(new DumpImportController(m_scenarios, this, this)),
      m_compare(new CompareController(m_mirror, this, this)),
      m_recordings(new RecordingController(m_mirror, m_scenarios, this, this)),
      m_liveRecording(new LiveRecordingController(m_mirror, this, this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setDockOptions(AnimatedDocks | AllowNestedDocks | AllowTabbedDocks);
    setStatusBar(m_statusBar);
    setAcceptDrops(true);
    m_statusBar->followConnectionAttempts(m_connection);
    createMenus();
    createDocks();
    connectRecordings();
    m_help = new HelpMenu(this); // last in the menu bar
    QAction* legend = m_help->addTopic(tr("Topology &Legend"));
    legend->setObjectName(QStringLiteral("actionHelpTopologyLegend"));
    legend->setToolTip(m_topology->legendAction()->toolTip());
    connect(legend, &QAction::triggered, m_topology, &TopologyDock::showLegend);

    // A lost service: the window says that what it shows is the host as it was.
    m_stale = new StaleHostBanner(m_mirror, this);
    auto* staleBar = new QToolBar(tr("Connection"), this);
    staleBar->setObjectName(QStringLiteral("staleHostBar"));
    staleBar->setMovable(false);
    staleBar->addWidget(m_stale)->setVisible(true);
    addToolBar(Qt::TopToolBarArea, staleBar);
    staleBar->hide();
    connect(m_stale, &StaleHostBanner::staleChanged, staleBar, &QToolBar::setVisible);
    m_stale->markDocks({m_resourceTree, m_topology});

    // Work on the embedded host is not lost silently: saved by Export all, asked about before a
    // scenario, snapshot or dump replaces it (ScenarioController::confirmReplace).
    connect(m_export, &ExportController::hostSaved, m_scenarios, &ScenarioController::markSaved);
    m_scenarios->setPendingEdits([this] { return m_properties->hasPendingEdits(); });

    connect(m_mirror, &HostMirror::reset, this, &MainWindow::updateTitle);
    connect(m_mirror, &HostMirror::reset, m_undoStack, &QUndoStack::clear); // edits of another host
    connect(m_mirror, &HostMirror::connectionStateChanged, this, &MainWindow::updateTitle);
    connect(m_connection, &ConnectionController::remoteChanged, this, &MainWindow::updateActions);
    connect(m_selection, &CurrentSelection::changed, this, &MainWindow::updateActions);
    connect(m_export, &ExportController::message, this,
            [this](const QString& text) { m_statusBar->showMessage(text, 8000); });
    connect(m_scenarios, &ScenarioController::hostLoaded, this,
            [this](const QString& source, const QString& description) {
                m_selection->clear(this);
                const QString name = source.isEmpty() ? tr("New empty host") : QFileInfo(source).fileName();
                m_events->nameNextHost(name); // the mirror reports the attach right after this
                // The description can be long: it goes to the tooltip, the status line stays short.
                m_statusBar->showMessage(source.isEmpty() ? name : tr("Loaded %1").arg(name), 10000);
                m_statusBar->setToolTip(description);
                m_importReport->setReport(m_scenarios->importReport());
                m_checks->setImportReport(m_scenarios->importReport());
                m_properties->glance()->setImportReport(m_scenarios->importReport());
                updateActions();
            });
    // A live host (a scenario, a service) has no import report.
    connect(m_mirror, &HostMirror::reset, this, [this] {
        if (!m_mirror->info().readOnly) {
            m_importReport->clear();
            m_properties->glance()->setImportReport(nullptr);
        }
    });
    connect(m_dumps, &DumpImportController::message, this,
            [this](const QString& text) { m_statusBar->showMessage(text, 10000); });
    connect(m_dumps, &DumpImportController::imported, this, [this] {
        if (m_importReport->hasProblems()) {
            m_importReport->show();
            m_importReport->raise();
        }
    });
    updateTitle();
    updateActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::compareHosts(HostState before, HostState after, const QString& beforeLabel,
                              const QString& afterLabel)
{
    m_compare->compareHosts(std::move(before), std::move(after), beforeLabel, afterLabel);
}

BundleExport* MainWindow::bundleExport()
{
    if (!m_bundles) {
        BundleExport::Sources sources;
        sources.eventLog = [this] {
            QBuffer buffer;
            buffer.open(QIODevice::WriteOnly);
            return EventLogExport::write(*m_events->proxy(), EventLogExport::Format::Csv, buffer).isEmpty()
                       ? buffer.data()
                       : QByteArray();
        };
        sources.topologySvg = [this] { return m_topology->svg(); };
        sources.importReport = [this] {
            return m_mirror->info().readOnly ? m_scenarios->importReport() : nullptr;
        };
        m_bundles = new BundleExport(m_mirror, std::move(sources), this);
    }
    return m_bundles;
}

void MainWindow::exportBundleInteractive()
{
    QString directory = settings::lastExportDirectory().value();
    if (directory.isEmpty())
        directory = QDir::homePath();
    const QString name =
        QStringLiteral("hcn-bug-report-%1.zip").arg(QDateTime::currentDateTime().toString("yyyyMMdd-HHmm"));
    auto* dialog = new BundleExportDialog(bundleExport(), QDir(directory).filePath(name), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        settings::lastExportDirectory().setValue(QFileInfo(dialog->pathEdit()->text()).absolutePath());
        m_statusBar->showMessage(dialog->resultText(), 15000);
    });
    dialog->open();
}

void MainWindow::createDocks()
{
    // The tree and the properties run the full height at the sides; the event log and its tabs sit
    // under the diagram only.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    addDock(m_resourceTree, Qt::LeftDockWidgetArea);
    // The diagram is the centre of the window: the room the window gains goes to it, the docks keep
    // theirs. It stays a dock widget (title, show/hide in View) that cannot float or close.
    m_topology = new TopologyDock(m_mirror, m_selection, this);
    m_topology->setFeatures(QDockWidget::NoDockWidgetFeatures);
    setCentralWidget(m_topology);
    registerDock(m_topology);
    m_properties = new PropertiesDock(m_mirror, m_selection, m_undoStack, this);
    addDock(m_properties, Qt::RightDockWidgetArea);
    m_events = new EventLogDock(m_mirror, m_selection, this);
    addDock(m_events, Qt::BottomDockWidgetArea);
    connect(m_properties, &PropertiesDock::commandFailed, m_events, &EventLogDock::recordFailedCall);
    // A file that could not be opened is a row of the log, whichever way it was opened.
    connect(m_scenarios, &ScenarioController::openFailed, m_events, &EventLogDock::recordOpenFailed);
    connect(m_compare, &CompareController::openFailed, m_events, &EventLogDock::recordOpenFailed);
    connect(m_recordings, &RecordingController::failed, m_events, &EventLogDock::recordOpenFailed);
    m_charts = new ChartsDock(m_mirror, this);
    addDock(m_charts, Qt::BottomDockWidgetArea);
    tabifyDockWidget(m_events, m_charts);
    m_importReport = new ImportReportDock(m_mirror, m_selection, this);
    addDock(m_importReport, Qt::BottomDockWidgetArea);
    tabifyDockWidget(m_charts, m_importReport);
    m_importReport->hide(); // until an import has something to say, or the user asks for it
    m_checks = new ChecksDock(m_mirror, m_selection, this);
    addDock(m_checks, Qt::BottomDockWidgetArea);
    tabifyDockWidget(m_importReport, m_checks);
    connect(m_checks->checks(), &HostChecks::badgesChanged, m_resourceTree->model(),
            &ResourceTreeModel::updateFindingBadges);
    connect(m_checks, &ChecksDock::highlightRequested, m_topology, &TopologyDock::highlightObjects);
    m_trace = new TraceDock(m_mirror, m_selection, this);
    addDock(m_trace, Qt::BottomDockWidgetArea);
    tabifyDockWidget(m_checks, m_trace);
    connect(m_trace, &TraceDock::highlightRequested, m_topology, &TopologyDock::highlightObjects);
    // Trace From Here / Trace To Here on the tree's and the diagram's context menus.
    QTreeView* tree = m_resourceTree->view();
    auto* traceSeparator = new QAction(tree);
    traceSeparator->setSeparator(true);
    const QList<QAction*> traceActions{m_trace->traceFromAction(), m_trace->traceToAction()};
    tree->addAction(traceSeparator);
    tree->addActions(traceActions);
    m_topology->setObjectActions(traceActions);
    m_compareDock = new CompareDock(m_compare, m_mirror, m_selection, this);
    addDock(m_compareDock, Qt::BottomDockWidgetArea);
    tabifyDockWidget(m_trace, m_compareDock);
    m_compareDock->hide(); // until a comparison starts
    connect(m_compare, &CompareController::marksChanged, m_resourceTree->model(),
            &ResourceTreeModel::setCompareMarks);
    connect(m_compare, &CompareController::marksChanged, m_topology, &TopologyDock::setCompareMarks);
    auto showCompare = [this] {
        m_compareDock->show();
        m_compareDock->raise();
    };
    connect(m_compare, &CompareController::started, this, showCompare);
    connect(m_compare, &CompareController::failed, this, [this, showCompare](const QString& message) {
        showCompare();
        m_statusBar->showMessage(message.section(QLatin1Char('\n'), 0, 0), 10000);
    });
    connect(m_compareDock, &CompareDock::compareWithRequested, m_compare,
            &CompareController::compareWithFileInteractive);
    m_events->raise();

    // Object actions: New/Delete from the properties dock, in the Edit menu and on the tree.
    m_editMenu->addSeparator();
    QMenu* create = m_editMenu->addMenu(tr("&New"));
    create->addActions(m_properties->newObjectActions());
    m_editMenu->addAction(m_properties->deleteAction());
    m_resourceTree->view()->addAction(m_properties->deleteAction());

    // Undo and redo wait while the host works on a command, so the stack only holds what it did.
    // Connected after the stack's own enabling, which this overrides.
    auto gateUndo = [this] {
        const bool idle = !m_properties->isBusy();
        m_undoAction->setEnabled(idle && m_undoStack->canUndo());
        m_redoAction->setEnabled(idle && m_undoStack->canRedo());
    };
    connect(m_properties, &PropertiesDock::busyChanged, this, gateUndo);
    connect(m_undoStack, &QUndoStack::canUndoChanged, this, gateUndo);
    connect(m_undoStack, &QUndoStack::canRedoChanged, this, gateUndo);

    // The diagram asks; the editor, the delete command and the export controller answer.
    connect(m_topology, &TopologyDock::editRequested, this, [this](const QString& id) {
        m_selection->setIds({id}, this);
        m_properties->show();
        m_properties->raise();
    });
    connect(m_topology, &TopologyDock::deleteRequested, this, [this](const QStringList& ids) {
        m_selection->setIds(ids, this);
        m_properties->deleteAction()->trigger();
    });
    connect(m_topology, &TopologyDock::exportRequested, this, [this](const QStringList& ids) {
        m_selection->setIds(ids, this);
        m_export->exportSelectedInteractive();
    });
}

void MainWindow::connectRecordings()
{
    m_timeline = new TimelineDock(this);
    addDock(m_timeline, Qt::BottomDockWidgetArea);
    tabifyDockWidget(m_trace, m_timeline);
    m_timeline->hide(); // until a recording is open
    m_events->raise();
    connect(m_timeline, &TimelineDock::message, this,
            [this](const QString& text) { m_statusBar->showMessage(text, 10000); });
    // Marks A and B of the timeline, compared in the Compare view.
    connect(m_timeline, &TimelineDock::compareRequested, this,
            [this](hcn::HostState before, hcn::HostState after, const QString& beforeLabel,
                   const QString& afterLabel) {
                compareHosts(std::move(before), std::move(after), beforeLabel, afterLabel);
            });
    connect(m_recordings, &RecordingController::attaching, m_events, &EventLogDock::nameNextHost);
    connect(m_recordings, &RecordingController::message, this,
            [this](const QString& text) { m_statusBar->showMessage(text, 10000); });
    connect(m_recordings, &RecordingController::failed, this,
            [this](const QString& path, const QString& error) {
                m_statusBar->showMessage(tr("%1 was not opened: %2").arg(QFileInfo(path).fileName(), error),
                                         15000);
            });
    connect(m_recordings, &RecordingController::opened, this,
            [this](const QString& path, const QString& description) {
                m_selection->clear(this);
                m_statusBar->showMessage(tr("Loaded the recording %1").arg(QFileInfo(path).fileName()),
                                         10000);
                m_statusBar->setToolTip(description);
                m_importReport->setReport(m_scenarios->importReport());
                m_checks->setImportReport(m_scenarios->importReport());
                m_properties->glance()->setImportReport(m_scenarios->importReport());
                m_timeline->setPlayback(m_recordings->playback());
                m_timeline->show();
                m_timeline->raise();
                updateActions();
            });
    connect(m_recordings, &RecordingController::closed, this, [this] {
        m_timeline->setPlayback(nullptr);
        m_timeline->hide();
    });

    // A live recording shows in the status bar while it runs, and says how it ended.
    auto* recording = new QLabel(this);
    recording->setObjectName(QStringLiteral("recordingStatus"));
    recording->hide();
    m_statusBar->addPermanentWidget(recording);
    connect(m_liveRecording, &LiveRecordingController::progress, recording, &QLabel::setText);
    connect(m_liveRecording, &LiveRecordingController::recordingChanged, this, [this, recording](bool on) {
        recording->setVisible(on);
        recording->setText(on ? tr("Starting the recording…") : QString());
        m_recordAction->setText(on ? tr("Stop &Live Recording") : tr("Record &Live Host..."));
        updateActions();
    });
    connect(
        m_liveRecording, &LiveRecordingController::finished, this,
        [this](const QString&, const QString& outcome, bool) { m_statusBar->showMessage(outcome, 15000); });
    connect(m_mirror, &HostMirror::reset, this, &MainWindow::updateActions);
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    auto make = [this, file](const QString& text, const char* name, const QKeySequence& shortcut) {
        QAction* action = file->addAction(text);
        action->setObjectName(QString::fromLatin1(name));
        action->setShortcut(shortcut);
        return action;
    };
    connect(make(tr("&New Empty Host"), "actionNewHost", QKeySequence::New), &QAction::triggered, m_scenarios,
            &ScenarioController::newEmptyHostInteractive);
    connect(make(tr("&Open Scenario..."), "actionOpenScenario", QKeySequence::Open), &QAction::triggered,
            m_scenarios, &ScenarioController::openScenario);
    connect(make(tr("Open Snapshot (&Read-Only)..."), "actionOpenSnapshot", QKeySequence()),
            &QAction::triggered, m_scenarios, &ScenarioController::openSnapshot);
    connect(make(tr("Open &Dump (Read-Only)..."), "actionOpenDump",
                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O)),
            &QAction::triggered, m_dumps, &DumpImportController::openDump);
    connect(make(tr("Open Dump &Folder (Read-Only)..."), "actionOpenDumpFolder", QKeySequence()),
            &QAction::triggered, m_dumps, &DumpImportController::openDumpFolder);
    connect(make(tr("Open Recordin&g (Read-Only)..."), "actionOpenRecording", QKeySequence()),
            &QAction::triggered, m_recordings, &RecordingController::openRecording);
    connect(make(tr("Open &Sample Host"), "actionOpenSampleHost", QKeySequence()), &QAction::triggered,
            m_scenarios,
            [this] { m_scenarios->openScenarioInteractive(ScenarioController::defaultScenario()); });
    connect(make(tr("Compare &With..."), "actionCompareWith", QKeySequence()), &QAction::triggered, m_compare,
            &CompareController::compareWithFileInteractive);
    file->addSeparator();
    connect(make(tr("&Connect to Service..."), "actionConnect", QKeySequence(Qt::CTRL | Qt::Key_K)),
            &QAction::triggered, m_connection, &ConnectionController::showConnectDialog);
    m_disconnectAction = make(tr("&Disconnect (Back to Embedded Engine)"), "actionDisconnect",
                              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    connect(m_disconnectAction, &QAction::triggered, m_connection,
            &ConnectionController::disconnectInteractive);
    m_recordAction = make(tr("Record &Live Host..."), "actionRecord", QKeySequence());
    m_recordAction->setToolTip(tr("Record the live host's changes into a file the timeline opens"));
    connect(m_recordAction, &QAction::triggered, m_liveRecording,
            &LiveRecordingController::toggleInteractive);
    file->addSeparator();
    QAction* exportSelected =
        make(tr("&Export Selected..."), "actionExportSelected", QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(exportSelected, &QAction::triggered, m_export, &ExportController::exportSelectedInteractive);
    connect(make(tr("Export &All..."), "actionExportAll", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E)),
            &QAction::triggered, m_export, &ExportController::exportAllInteractive);
    connect(make(tr("Export Bug-Report &Bundle..."), "actionExportBundle", QKeySequence()),
            &QAction::triggered, this, &MainWindow::exportBundleInteractive);
    QAction* copyV2 = make(tr("Cop&y Selected as JSON"), "actionCopySelected",
                           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(copyV2, &QAction::triggered, m_export,
            [this] { m_export->copySelectedInteractive(ExportSchema::V2); });
    QAction* copyV1 = make(tr("Copy Selected as v&1 JSON (Get-Hns*)"), "actionCopySelectedV1",
                           QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C));
    connect(copyV1, &QAction::triggered, m_export,
            [this] { m_export->copySelectedInteractive(ExportSchema::V1); });
    m_selectionActions = {exportSelected, copyV2, copyV1};
    file->addSeparator();
    QAction* quit = make(tr("&Quit"), "actionQuit", QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    m_editMenu = edit;
    QAction* undo = m_undoAction = m_undoStack->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("actionUndo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_redoAction = m_undoStack->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("actionRedo"));
    // Ctrl+Y as well as the platform's redo (Ctrl+Shift+Z here): users bring either habit.
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    for (const QKeySequence& key :
         {QKeySequence(Qt::CTRL | Qt::Key_Y), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)})
        if (!redoKeys.contains(key))
            redoKeys << key;
    redo->setShortcuts(redoKeys);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    QAction* paste = edit->addAction(tr("&Paste Dump (Read-Only)"));
    paste->setObjectName(QStringLiteral("actionPasteDump"));
    paste->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    connect(paste, &QAction::triggered, m_dumps, &DumpImportController::pasteDump);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewSeparator = m_viewMenu->addSeparator();
    QAction* reset = m_viewMenu->addAction(tr("&Reset Layout"));
    reset->setObjectName(QStringLiteral("actionResetLayout"));
    reset->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    connect(reset, &QAction::triggered, this, &MainWindow::resetLayout);

    // The same object actions on the tree's context menu.
    QTreeView* tree = m_resourceTree->view();
    tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    tree->addActions(m_selectionActions);
}

void MainWindow::addDock(QDockWidget* dock, Qt::DockWidgetArea area)
{
    Q_ASSERT_X(!dock->objectName().isEmpty(), "MainWindow::addDock",
               "docks need an objectName for saveState");
    if (dock->parent() != this)
        dock->setParent(this);
    addDockWidget(area, dock);
    registerDock(dock);
}

void MainWindow::registerDock(QDockWidget* dock)
{
    m_docks.append(dock);
    QAction* toggle = dock->toggleViewAction();
    toggle->setObjectName(QStringLiteral("actionToggle%1").arg(dock->objectName()));
    // Ctrl+Alt+1..9, then Ctrl+Alt+0, then Ctrl+Shift+Alt+1..9, in the order the docks joined.
    const int n = int(m_docks.size());
    if (n <= 10)
        toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key(Qt::Key_0 + n % 10)));
    else if (n <= 19)
        toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::ALT | Qt::Key(Qt::Key_0 + n - 10)));
    m_viewMenu->insertAction(m_viewSeparator, toggle);
}

bool MainWindow::raiseView(const QString& view)
{
    QDockWidget* target = nullptr;
    if (view.compare(QLatin1String("resources"), Qt::CaseInsensitive) == 0)
        target = m_resourceTree;
    for (QDockWidget* dock : m_docks)
        if (!target && dock->objectName().contains(view, Qt::CaseInsensitive))
            target = dock;
    if (!target)
        return false;
    target->show();
    target->raise();
    return true;
}

void MainWindow::showEvent(QShowEvent* event)
{
    // Restored once the window has its first geometry (docks added after construction must exist for
    // restoreState to place them, and resizeDocks needs the real size to apportion).
    if (!m_layoutRestored) {
        m_layoutRestored = true;
        QMetaObject::invokeMethod(this, &MainWindow::restoreLayout, Qt::QueuedConnection);
    }
    QMainWindow::showEvent(event);
}

void MainWindow::restoreLayout()
{
    // Default proportions for the window's real size: the diagram (the central area) gets what the
    // tree, the properties and the event log leave.
    resizeDocks({m_resourceTree, m_properties}, {width() * 20 / 100, width() * 24 / 100}, Qt::Horizontal);
    resizeDocks({m_events}, {height() * 22 / 100}, Qt::Vertical);
    m_defaultState = saveState(kStateVersion);
    if (!m_persistLayout)
        return;
    const QByteArray geometry = settings::windowGeometry().value();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    // A state saved when the diagram was a side dock has another version: the defaults apply.
    const QByteArray state = settings::windowState().value();
    if (!state.isEmpty())
        restoreState(state, kStateVersion);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!m_scenarios->confirmQuit()) {
        event->ignore();
        return;
    }
    if (m_persistLayout && m_layoutRestored) {
        settings::windowGeometry().setValue(saveGeometry());
        settings::windowState().setValue(saveState(kStateVersion));
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    // Text dragged inside the console (from an editor) is not a dump.
    if (!event->source() && DumpImportController::canOpen(event->mimeData()))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    // One recording file dropped: it opens with its timeline.
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!event->source() && urls.size() == 1 && urls.front().isLocalFile() &&
        RecordingController::isRecordingFile(urls.front().toLocalFile())) {
        if (m_recordings->openRecordingInteractive(urls.front().toLocalFile()))
            event->acceptProposedAction();
        return;
    }
    if (!event->source() && m_dumps->openDropped(event->mimeData()))
        event->acceptProposedAction();
}

void MainWindow::resetLayout()
{
    if (!m_defaultState.isEmpty())
        restoreState(m_defaultState, kStateVersion);
    for (QDockWidget* dock : m_docks)
        dock->show();
}

void MainWindow::updateTitle()
{
    const ApiInfo& info = m_mirror->info();
    const QString endpoint = QString::fromStdString(info.endpoint);
    if (info.readOnly) {
        // "snapshot:network.txt, endpoint.txt": the user wants to read what was opened.
        if (endpoint.startsWith(QLatin1String("recording:"))) {
            setWindowTitle(tr("HCN Console \u2014 recording, read-only: %1").arg(endpoint.mid(10)));
            return;
        }
        const QString opened = endpoint.startsWith(QLatin1String("snapshot:")) ? endpoint.mid(9) : endpoint;
        setWindowTitle(tr("HCN Console \u2014 offline snapshot, read-only: %1").arg(opened));
    } else {
        setWindowTitle(endpoint.isEmpty() ? tr("HCN Console") : tr("HCN Console \u2014 %1").arg(endpoint));
    }
}

void MainWindow::updateActions()
{
    m_disconnectAction->setEnabled(m_connection->isRemote());
    m_recordAction->setEnabled(m_liveRecording->isRecording() ||
                               (m_mirror->worker() && !m_mirror->info().readOnly));
    const bool hasSelection = !m_selection->ids().isEmpty();
    for (QAction* action : m_selectionActions)
        action->setEnabled(hasSelection);
}

} // namespace hcn::ui
