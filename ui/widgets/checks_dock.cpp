#include "checks_dock.h"

#include "hcn/dump_import.h"
#include "models/check_findings_model.h"
#include "models/core_text.h"
#include "models/current_selection.h"
#include "models/finding_badge.h"
#include "models/host_checks.h"
#include "models/host_mirror.h"
#include "widgets/report_table.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

namespace hcn::ui {

namespace {

constexpr std::array<Severity, 3> kSeverities{Severity::Error, Severity::Warning, Severity::Info};

QString paragraph(const QString& heading, const QString& text)
{
    return QStringLiteral("<p><b>%1</b> %2</p>").arg(heading.toHtmlEscaped(), text.toHtmlEscaped());
}

} // namespace

ChecksDock::ChecksDock(HostMirror* mirror, CurrentSelection* selection, QWidget* parent)
    : QDockWidget(tr("Checks"), parent), m_mirror(mirror), m_selection(selection),
      m_checks(new HostChecks(mirror, this)), m_model(new CheckFindingsModel(mirror, this))
{
    setObjectName(QStringLiteral("ChecksDock"));
    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);

    auto* bar = new QHBoxLayout;
    m_summary = new QLabel(content);
    m_summary->setObjectName(QStringLiteral("checksSummary"));
    bar->addWidget(m_summary, 1);
    for (Severity severity : kSeverities) {
        auto* button = new QToolButton(content);
        button->setCheckable(true);
        button->setChecked(true);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setIcon(severityIcon(severity));
        button->setObjectName(QStringLiteral("checksFilter%1").arg(fromCore(severityName(severity))));
        button->setToolTip(tr("Show or hide the findings of this severity"));
        connect(button, &QToolButton::toggled, this,
                [this, severity](bool shown) {
                    const QScopedValueRollback merging(m_merging, true);
                    m_model->setSeverityShown(severity, shown);
                });
        bar->addWidget(button);
        m_filters[std::size_t(severity)] = button;
    }
    layout->addLayout(bar);

    auto* splitter = new QSplitter(Qt::Horizontal, content);
    m_view = createReportTable(m_model, QStringLiteral("ChecksView"), splitter);
    m_view->setColumnWidth(CheckFindingsModel::SeverityColumn, 90);
    m_view->setColumnWidth(CheckFindingsModel::RuleColumn, 170);
    m_view->setColumnWidth(CheckFindingsModel::TitleColumn, 280);

    auto* details = new QWidget(splitter);
    auto* detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    m_details = new QTextBrowser(details);
    m_details->setObjectName(QStringLiteral("checksDetails"));
    m_details->setOpenLinks(false);
    auto* fixBar = new QHBoxLayout;
    auto* fixLabel = new QLabel(tr("Fix:"), details);
    m_copyFix = new QPushButton(tr("Copy Fix"), details);
    m_copyFix->setObjectName(QStringLiteral("checksCopyFix"));
    m_copyFix->setToolTip(tr("Copy the fix's commands to the clipboard, to run them where the host is"));
    fixBar->addWidget(fixLabel, 1);
    fixBar->addWidget(m_copyFix);
    m_fix = new QPlainTextEdit(details);
    m_fix->setObjectName(QStringLiteral("checksFix"));
    m_fix->setReadOnly(true);
    m_fix->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_fix->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_fix->setMaximumHeight(90);
    detailsLayout->addWidget(m_details, 1);
    detailsLayout->addLayout(fixBar);
    detailsLayout->addWidget(m_fix);
    splitter->addWidget(m_view);
    splitter->addWidget(details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);
    setWidget(content);

    connect(m_copyFix, &QPushButton::clicked, this, [this] {
        if (!m_fix->toPlainText().isEmpty())
            QGuiApplication::clipboard()->setText(m_fix->toPlainText());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ChecksDock::rowSelected);
    // A click on the row already current selects its objects again (after the tree chose another).
    connect(m_view, &QAbstractItemView::clicked, this, &ChecksDock::rowSelected);
    connect(m_checks, &HostChecks::findingsChanged, this, [this] {
        {
            // Rows leaving under the current one move it; that is not the user choosing a finding.
            const QScopedValueRollback merging(m_merging, true);
            m_model->setFindings(m_checks->findings());
        }
        updateCounts();
        // The finding shown may have changed (evidence) or gone; the selection elsewhere stays.
        const bool wasShowing = !m_shownRule.isEmpty();
        const QModelIndex shown = m_model->indexOf(m_shownRule, m_shownObject);
        showFinding(shown.isValid() ? m_model->finding(shown) : nullptr);
        if (wasShowing && !shown.isValid() && m_highlighting) {
            m_highlighting = false;
            emit highlightRequested({}); // the finding went: its objects are no longer marked
        }
    });
    connect(m_checks, &HostChecks::checkingChanged, this, &ChecksDock::updateCounts);
    // Another object chosen elsewhere: the finding's objects are no longer what the user looks at.
    connect(m_selection, &CurrentSelection::changed, this, [this](const QStringList&, QObject* origin) {
        if (origin != this && m_highlighting) {
            m_highlighting = false;
            emit highlightRequested({});
        }
    });
    m_model->setFindings(m_checks->findings());
    updateCounts();
    showFinding(nullptr);
}

ChecksDock::~ChecksDock() = default;

void ChecksDock::setImportReport(const std::shared_ptr<const io::ImportReport>& report)
{
    m_checks->setUnknownFields(report ? HostChecks::unknownFieldsOf(*report) : UnknownFields{});
}

QString ChecksDock::summaryText() const
{
    return m_summary->text();
}

QString ChecksDock::detailsText() const
{
    return m_details->toPlainText();
}

void ChecksDock::updateCounts()
{
    static const std::array<const char*, 3> kLabels{QT_TR_NOOP("Errors (%1)"), QT_TR_NOOP("Warnings (%1)"),
                                                    QT_TR_NOOP("Info (%1)")};
    for (Severity severity : kSeverities)
        m_filters[std::size_t(severity)]->setText(
            tr(kLabels[std::size_t(severity)]).arg(m_model->count(severity)));
    const int errors = m_model->count(Severity::Error);
    const int warnings = m_model->count(Severity::Warning);
    const int infos = m_model->count(Severity::Info);
    const QString errorText = errors == 1 ? tr("1 error") : tr("%1 errors").arg(errors);
    const QString warningText = warnings == 1 ? tr("1 warning") : tr("%1 warnings").arg(warnings);
    QString summary = errorText + QStringLiteral(" \u00b7 ") + warningText + QStringLiteral(" \u00b7 ") +
                      tr("%1 info").arg(infos);
    if (m_checks->isChecking())
        summary = tr("Checking the host\u2026");
    else if (errors + warnings + infos == 0)
        summary = tr("No findings: every rule passes.");
    m_summary->setText(summary);
    setWindowTitle(errors + warnings == 0 ? tr("Checks")
                                          : tr("Checks (%1 \u00b7 %2)").arg(errorText, warningText));
}

void ChecksDock::rowSelected()
{
    const Finding* finding = m_model->finding(m_view->currentIndex());
    showFinding(finding);
    if (!finding || m_merging)
        return;
    QStringList ids;
    for (const FindingObject& object : finding->objects)
        ids << QString::fromStdString(object.id);
    m_highlighting = !ids.isEmpty();
    emit highlightRequested(ids);
    // The first object the host still has is "the" object: tree, diagram and editor follow it.
    for (const QString& id : std::as_const(ids))
        if (const MirrorObject* shown = m_mirror->object(id)) {
            m_selection->setIds({shown->id}, this);
            break;
        }
}

void ChecksDock::showFinding(const Finding* finding)
{
    if (!finding) {
        m_shownRule.clear();
        m_shownObject.clear();
        m_details->setHtml(QStringLiteral("<p>%1</p>").arg(tr("Select a finding to see what it means and how to fix it.").toHtmlEscaped()));
        m_fix->clear();
        m_copyFix->setEnabled(false);
        return;
    }
    m_shownRule = QString::fromStdString(finding->ruleId);
    m_shownObject = finding->objects.empty() ? QString() : QString::fromStdString(finding->objects.front().id);
    QString html = QStringLiteral("<p><b>%1 %2</b> \u2014 %3</p>")
                       .arg(severityLabel(finding->severity).toHtmlEscaped(), m_shownRule.toHtmlEscaped(),
                            QString::fromStdString(finding->title).toHtmlEscaped());
    html += QStringLiteral("<p>%1</p>").arg(QString::fromStdString(finding->message).toHtmlEscaped());
    if (const HealthRule* rule = findHealthRule(finding->ruleId)) {
        html += paragraph(tr("What:"), fromCore(rule->what));
        html += paragraph(tr("Why it matters:"), fromCore(rule->why));
    }
    html += paragraph(tr("Objects:"), m_model->objectNames(*finding));
    if (!finding->evidence.empty()) {
        html += QStringLiteral("<p><b>%1</b></p><ul>").arg(tr("Evidence:").toHtmlEscaped());
        for (const auto& [field, value] : finding->evidence)
            html += QStringLiteral("<li><tt>%1</tt> = <tt>%2</tt></li>")
                        .arg(QString::fromStdString(field).toHtmlEscaped(),
                             QString::fromStdString(value).toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    html += paragraph(tr("Likely cause:"), QString::fromStdString(finding->cause));
    m_details->setHtml(html);
    m_fix->setPlainText(QString::fromStdString(finding->fix));
    m_copyFix->setEnabled(!finding->fix.empty());
}

} // namespace hcn::ui
