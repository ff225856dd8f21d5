#pragma once
// CompareDock: a comparison on screen (File > Compare With..., MainWindow::compareHosts): what "before"
// and "after" are, the colour key the tree and the topology paint with, the summary per kind
// (before → after counts), and the objects added, removed and changed with their member changes in plain
// words. Selecting a row selects its object in the tree and the topology (CurrentSelection) when the host
// shown has it; Clear ends the comparison.

#include "compare/compare_result.h"

#include <QDockWidget>
#include <memory>

class QLabel;
class QPushButton;
class QTreeView;
class QTreeWidget;

namespace hcn::ui {

class CompareController;
class CompareModel;
class CurrentSelection;
class HostMirror;

class CompareDock : public QDockWidget
{
    Q_OBJECT
public:
    CompareDock(CompareController* controller, HostMirror* mirror, CurrentSelection* selection,
                QWidget* parent = nullptr);
    ~CompareDock() override;

    CompareController* controller() const { return m_controller; }
    CompareModel* model() const { return m_model; }
    /// Kind, Before, After, Added, Removed, Changed: one row per kind either side has.
    QTreeWidget* summaryView() const { return m_summary; }
    QTreeView* objectsView() const { return m_objects; }
    /// "Before: before.json → After: host shown (...)" and whether it follows the host.
    QString titleText() const;
    /// "5 objects differ" or "No differences (12 objects)."
    QString headlineText() const;
    /// What is going on: comparing, an error, a note about a row that is not in the host.
    QString statusText() const;
    /// The colour key (HTML) drawn from the colours the tree and the topology use.
    QString keyHtml() const;
    QPushButton* swapButton() const { return m_swapButton; }
    QPushButton* refreshButton() const { return m_refreshButton; }
    QPushButton* clearButton() const { return m_clearButton; }

    /// Selects the object of a row (an object row or one of its change rows) in the console.
    void selectRow(const QModelIndex& index);

signals:
    /// "Compare With..." in the dock.
    void compareWithRequested();

private:
    void showResult(const std::shared_ptr<const CompareResult>& result);
    void showCleared();
    void showStatus(const QString& text, bool error);
    void updateButtons();

    CompareController* m_controller;
    HostMirror* m_mirror;
    CurrentSelection* m_selection;
    CompareModel* m_model;
    QLabel* m_title;
    QLabel* m_headline;
    QLabel* m_status;
    QLabel* m_key;
    QTreeWidget* m_summary;
    QTreeView* m_objects;
    QPushButton* m_openButton;
    QPushButton* m_swapButton;
    QPushButton* m_refreshButton;
    QPushButton* m_clearButton;
};

} // namespace hcn::ui
