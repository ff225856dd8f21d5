#pragma once
// ChecksDock: the health checks of the host shown (docs/checks.md, "In the console"). One row per
// finding (severity, rule, title, objects by name) with a severity filter and counts in the header line
// and the dock's title; the details pane says what the rule detects, why it matters, the evidence, the
// likely cause and the fix, whose command can be selected and copied. Selecting a finding selects its
// first object everywhere (tree, topology, properties) and asks for all of its objects to be
// highlighted (highlightRequested: the window passes it to the topology) until another object is selected
// elsewhere or the finding goes. The findings follow the host live (HostChecks).

#include "hcn/health_checks.h"

#include <QDockWidget>
#include <QStringList>
#include <array>
#include <memory>

class QAbstractButton;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace hcn::io {
struct ImportReport;
}

namespace hcn::ui {

class CheckFindingsModel;
class CurrentSelection;
class HostChecks;
class HostMirror;

class ChecksDock : public QDockWidget
{
    Q_OBJECT
public:
    ChecksDock(HostMirror* mirror, CurrentSelection* selection, QWidget* parent = nullptr);
    ~ChecksDock() override;

    HostChecks* checks() const { return m_checks; }
    CheckFindingsModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    /// The filter button of a severity ("Errors (2)").
    QAbstractButton* severityButton(Severity severity) const { return m_filters[std::size_t(severity)]; }
    /// The header line: counts, or that the host is being checked.
    QString summaryText() const;
    /// What, why, evidence and cause of the finding shown, as plain text.
    QString detailsText() const;
    /// The fix command(s) of the finding shown (selectable, read-only).
    QPlainTextEdit* fixView() const { return m_fix; }
    QPushButton* copyFixButton() const { return m_copyFix; }

    /// What the host's source did not carry (an import report; null for a live host or a plain snapshot).
    void setImportReport(const std::shared_ptr<const io::ImportReport>& report);

signals:
    /// The objects of the finding selected (empty: none); the topology highlights them.
    void highlightRequested(const QStringList& ids);

private:
    void updateCounts();
    void rowSelected();
    void showFinding(const Finding* finding);

    HostMirror* m_mirror;
    CurrentSelection* m_selection;
    HostChecks* m_checks;
    CheckFindingsModel* m_model;
    QTableView* m_view;
    QLabel* m_summary;
    QTextBrowser* m_details;
    QPlainTextEdit* m_fix;
    QPushButton* m_copyFix;
    std::array<QAbstractButton*, 3> m_filters{};
    /// The finding whose details are shown (rule and first object), to keep them across updates.
    QString m_shownRule;
    QString m_shownObject;
    bool m_merging = false;
    /// The topology highlights the objects of the finding selected here.
    bool m_highlighting = false;
};

} // namespace hcn::ui
