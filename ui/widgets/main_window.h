#pragma once
// MainWindow: the console's composition root. It creates the shared pieces (HostMirror,
// CurrentSelection, QUndoStack), the docks (resources, topology, properties, events, charts, checks), the
// controllers and the menus, and connects them; feature logic lives in the docks and controllers.

#include "hcn/host_state.h"

#include <QByteArray>
#include <QList>
#include <QMainWindow>

class QAction;
class QMenu;
class QUndoStack;

namespace hcn::ui {

class ChartsDock;
class CompareController;
class CompareDock;
class ChecksDock;
class TraceDock;
class ConnectionController;
class DumpImportController;
class CurrentSelection;
class BundleExport;
class EventLogDock;
class ExportController;
class HelpMenu;
class StaleHostBanner;
class HostMirror;
class HostStatusBar;
class ImportReportDock;
class LiveRecordingController;
class RecordingController;
class PropertiesDock;
class ResourceTreeDock;
class ScenarioController;
class TimelineDock;
class TopologyDock;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    /// The version of saveState()'s layout; a state of another version (the diagram was a side dock
    /// before 1) is not restored.
    static constexpr int kStateVersion = 1;

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    HostMirror* mirror() const { return m_mirror; }
    CurrentSelection* selection() const { return m_selection; }
    QUndoStack* undoStack() const { return m_undoStack; }
    ResourceTreeDock* resourceTreeDock() const { return m_resourceTree; }
    HostStatusBar* hostStatusBar() const { return m_statusBar; }
    ScenarioController* scenarioController() const { return m_scenarios; }
    ConnectionController* connectionController() const { return m_connection; }
    ExportController* exportController() const { return m_export; }
    PropertiesDock* propertiesDock() const { return m_properties; }
    EventLogDock* eventLogDock() const { return m_events; }
    ChartsDock* chartsDock() const { return m_charts; }
    TopologyDock* topologyDock() const { return m_topology; }
    DumpImportController* dumpImportController() const { return m_dumps; }
    ImportReportDock* importReportDock() const { return m_importReport; }
    ChecksDock* checksDock() const { return m_checks; }
    TraceDock* traceDock() const { return m_trace; }
    HelpMenu* helpMenu() const { return m_help; }
    StaleHostBanner* staleHostBanner() const { return m_stale; }
    CompareController* compareController() const { return m_compare; }
    CompareDock* compareDock() const { return m_compareDock; }
    /// Compares two hosts given whole (two moments of a recording, say) in the Compare dock, off the GUI
    /// thread; the tree and the diagram colour the objects of the host shown that differ. Replaces any
    /// comparison shown; the Compare dock's Clear ends it.
    void compareHosts(hcn::HostState before, hcn::HostState after, const QString& beforeLabel,
                      const QString& afterLabel);
    RecordingController* recordingController() const { return m_recordings; }
    LiveRecordingController* liveRecordingController() const { return m_liveRecording; }
    TimelineDock* timelineDock() const { return m_timeline; }
    /// File > Export Bug-Report Bundle's work (made on first use).
    BundleExport* bundleExport();
    /// File > Export Bug-Report Bundle: the dialog with the preview.
    void exportBundleInteractive();

    /// Adds a dock (with a stable objectName) and its show/hide action to the View menu.
    void addDock(QDockWidget* dock, Qt::DockWidgetArea area);
    QList<QDockWidget*> docks() const { return m_docks; }
    /// Shows and raises a view: "resources" (the resource tree) or "topology" (the dock whose
    /// objectName contains "Topology"). False when there is no such view.
    bool raiseView(const QString& view);

    /// Whether geometry and dock layout are restored from and saved to the settings (off for
    /// screenshots, which must look the same everywhere).
    void setLayoutPersistence(bool enabled) { m_persistLayout = enabled; }

protected:
    void showEvent(QShowEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    /// Files, folders and text dropped on the window are imported as a dump.
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createMenus();
    void createDocks();
    /// File > Open Recording, File > Record Live Host and the Timeline dock.
    void connectRecordings();
    void updateTitle();
    void updateActions();
    void resetLayout();
    /// The View menu's show/hide action and shortcut for a dock (in a dock area or the centre).
    void registerDock(QDockWidget* dock);
    /// Default dock proportions for the shown window, then the saved geometry and layout.
    void restoreLayout();

    HostMirror* m_mirror;
    CurrentSelection* m_selection;
    QUndoStack* m_undoStack;
    ResourceTreeDock* m_resourceTree;
    HostStatusBar* m_statusBar;
    ScenarioController* m_scenarios;
    ConnectionController* m_connection;
    ExportController* m_export;
    BundleExport* m_bundles = nullptr;
    DumpImportController* m_dumps;
    CompareController* m_compare;
    CompareDock* m_compareDock = nullptr;
    RecordingController* m_recordings;
    LiveRecordingController* m_liveRecording;

    PropertiesDock* m_properties = nullptr;
    EventLogDock* m_events = nullptr;
    ChartsDock* m_charts = nullptr;
    TopologyDock* m_topology = nullptr;
    ImportReportDock* m_importReport = nullptr;
    ChecksDock* m_checks = nullptr;
    TraceDock* m_trace = nullptr;
    HelpMenu* m_help = nullptr;
    StaleHostBanner* m_stale = nullptr;
    TimelineDock* m_timeline = nullptr;

    QMenu* m_editMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QAction* m_viewSeparator = nullptr;
    QAction* m_disconnectAction = nullptr;
    QAction* m_recordAction = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QList<QAction*> m_selectionActions;
    QList<QDockWidget*> m_docks;
    /// The layout before the saved one was restored: what "Reset layout" returns to.
    QByteArray m_defaultState;
    bool m_layoutRestored = false;
    bool m_persistLayout = true;
};

} // namespace hcn::ui
