#pragma once
// ImportReportDock: what an import said about a customer's dump (docs/import.md, "In the console"). One
// row per report message with a severity filter and counts; selecting a row about an object selects
// that object everywhere (tree, topology, properties) and shows where it came from: source and lines,
// format, what the dump lost, unknown fields, notes and the text the dump printed. Filled after an
// import and when a saved import (a snapshot with "Import") is opened; empty for a live host.

#include "hcn/dump_import.h"

#include <QDockWidget>
#include <QStringList>
#include <array>
#include <memory>

class QAbstractButton;
class QLabel;
class QPlainTextEdit;
class QTableView;

namespace hcn::ui {

class CurrentSelection;
class HostMirror;
class ImportReportModel;

class ImportReportDock : public QDockWidget
{
    Q_OBJECT
public:
    ImportReportDock(HostMirror* mirror, CurrentSelection* selection, QWidget* parent = nullptr);
    ~ImportReportDock() override;

    /// Shows `report` (null: clears the dock).
    void setReport(std::shared_ptr<const io::ImportReport> report);
    void clear() { setReport(nullptr); }
    /// Whether the report shown has warnings or errors (the window shows the dock for them).
    bool hasProblems() const;

    ImportReportModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    /// The filter button of a severity ("Warnings (3)").
    QAbstractButton* severityButton(io::ImportSeverity severity) const;
    /// The details of the object (or message) shown, as plain text.
    QString detailsText() const;
    /// The object's text as the dump printed it (read-only, monospace).
    QPlainTextEdit* originalTextView() const { return m_original; }

private:
    void updateCounts();
    void rowSelected();
    void followSelection(const QStringList& ids, QObject* origin);
    void showObject(const io::ImportedObject* object, const io::ImportMessage* message);

    HostMirror* m_mirror;
    CurrentSelection* m_selection;
    ImportReportModel* m_model;
    QTableView* m_view;
    QLabel* m_summary;
    QLabel* m_details;
    QPlainTextEdit* m_original;
    std::array<QAbstractButton*, 3> m_filters{};
};

} // namespace hcn::ui
