#include "compare/compare_dock.h"

#include "compare/compare_controller.h"
#include "compare/compare_model.h"
#include "compare/diff_wording.h"
#include "models/current_selection.h"
#include "models/host_mirror.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace hcn::ui {

CompareDock::CompareDock(CompareController* controller, HostMirror* mirror, CurrentSelection* selection,
                         QWidget* parent)
    : QDockWidget(tr("Compare"), parent), m_controller(controller), m_mirror(mirror), m_selection(selection),
      m_model(new CompareModel(this))
{
    setObjectName(QStringLiteral("CompareDock"));
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);

    m_title = new QLabel(body);
    m_title->setObjectName(QStringLiteral("compareTitle"));
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_headline = new QLabel(body);
    m_headline->setObjectName(QStringLiteral("compareHeadline"));
    m_status = new QLabel(body);
    m_status->setObjectName(QStringLiteral("compareStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_key = new QLabel(body);
    m_key->setObjectName(QStringLiteral("compareKey"));
    m_key->setTextFormat(Qt::RichText);
    m_key->setText(keyHtml());

    auto* buttons = new QHBoxLayout;
    m_openButton = new QPushButton(tr("Compare With..."), body);
    m_openButton->setObjectName(QStringLiteral("compareOpenButton"));
    m_swapButton = new QPushButton(tr("Swap Before/After"), body);
    m_swapButton->setObjectName(QStringLiteral("compareSwapButton"));
    m_refreshButton = new QPushButton(tr("Refresh"), body);
    m_refreshButton->setObjectName(QStringLiteral("compareRefreshButton"));
    m_clearButton = new QPushButton(tr("Clear"), body);
    m_clearButton->setObjectName(QStringLiteral("compareClearButton"));
    m_clearButton->setToolTip(tr("End the comparison: the tree and the diagram lose its colours."));
    for (QPushButton* button : {m_openButton, m_swapButton, m_refreshButton, m_clearButton})
        buttons->addWidget(button);
    buttons->addStretch(1);

    m_summary = new QTreeWidget(body);
    m_summary->setObjectName(QStringLiteral("compareSummary"));
    m_summary->setRootIsDecorated(false);
    m_summary->setHeaderLabels(
        {tr("Kind"), tr("Before"), tr("After"), tr("Added"), tr("Removed"), tr("Changed")});
    m_summary->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    m_objects = new QTreeView(body);
    m_objects->setObjectName(QStringLiteral("compareObjects"));
    m_objects->setModel(m_model);
    m_objects->setUniformRowHeights(true);
    m_objects->setSelectionMode(QAbstractItemView::SingleSelection);
    m_objects->header()->setSectionResizeMode(CompareModel::ChangeColumn, QHeaderView::ResizeToContents);

    auto* split = new QSplitter(Qt::Vertical, body);
    split->addWidget(m_summary);
    split->addWidget(m_objects);
    split->setStretchFactor(1, 3);

    layout->addWidget(m_title);
    layout->addWidget(m_key);
    layout->addLayout(buttons);
    layout->addWidget(m_headline);
    layout->addWidget(m_status);
    layout->addWidget(split, 1);
    setWidget(body);

    connect(m_openButton, &QPushButton::clicked, this, &CompareDock::compareWithRequested);
    connect(m_swapButton, &QPushButton::clicked, controller, &CompareController::swapSides);
    connect(m_refreshButton, &QPushButton::clicked, controller, &CompareController::refresh);
    connect(m_clearButton, &QPushButton::clicked, controller, &CompareController::clear);
    connect(controller, &CompareController::started, this, [this](const QString& what) {
        showStatus(what, false);
        updateButtons();
    });
    connect(controller, &CompareController::finished, this, &CompareDock::showResult);
    connect(controller, &CompareController::failed, this, [this](const QString& message) {
        showStatus(message, true);
        updateButtons();
    });
    connect(controller, &CompareController::cleared, this, &CompareDock::showCleared);
    connect(controller, &CompareController::busyChanged, this, &CompareDock::updateButtons);
    connect(m_objects->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) { selectRow(current); });
    // A click on the row already current selects its object again (the user may have moved on).
    connect(m_objects, &QTreeView::clicked, this, &CompareDock::selectRow);
    showCleared();
}

CompareDock::~CompareDock() = default;

QString CompareDock::titleText() const
{
    return m_title->text();
}

QString CompareDock::headlineText() const
{
    return m_headline->text();
}

QString CompareDock::statusText() const
{
    return m_status->text();
}

QString CompareDock::keyHtml() const
{
    QString html;
    for (CompareMark mark : {CompareMark::Added, CompareMark::Changed, CompareMark::Removed})
        html +=
            QStringLiteral("<span style=\"background-color:%1; color:%1;\">&nbsp;&nbsp;&nbsp;&nbsp;</span>"
                           "&nbsp;<span title=\"%3\">%2</span>&nbsp;&nbsp; ")
                .arg(compareMarkColor(mark).name(), compareMarkName(mark).toHtmlEscaped(),
                     compareMarkMeaning(mark).toHtmlEscaped());
    return html + tr("(rows in the tree, stripes and outlines in the diagram)");
}

void CompareDock::showStatus(const QString& text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
}

void CompareDock::updateButtons()
{
    const bool active = m_controller->isActive();
    m_swapButton->setEnabled(active);
    m_refreshButton->setEnabled(active);
    m_clearButton->setEnabled(active || m_controller->isBusy());
}

void CompareDock::showResult(const std::shared_ptr<const CompareResult>& result)
{
    const bool follows = m_controller->mode() == CompareController::Mode::HostFile;
    m_title->setText(tr("Before: %1 \u2192 After: %2").arg(result->beforeLabel, result->afterLabel) +
                     QStringLiteral("\n") +
                     (follows ? tr("Follows the host: each change to it compares again.")
                              : tr("A comparison of two fixed copies; Refresh compares them again.")));
    std::size_t total = 0;
    m_summary->clear();
    for (const DiffKindSummary& kind : result->diff.kinds) {
        total += kind.after;
        if (kind.before == 0 && kind.after == 0)
            continue;
        auto* row = new QTreeWidgetItem(m_summary);
        row->setText(0, DiffWording::kindWord(kind.kind, true));
        const std::size_t counts[] = {kind.before, kind.after, kind.added, kind.removed, kind.changed};
        for (int column = 1; column <= 5; ++column) {
            row->setText(column, QString::number(counts[column - 1]));
            row->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
        }
        row->setToolTip(0, DiffWording::kindSummary(kind));
        for (int column = 3; column <= 5; ++column) {
            const CompareMark mark = column == 3   ? CompareMark::Added
                                     : column == 4 ? CompareMark::Removed
                                                   : CompareMark::Changed;
            if (counts[column - 1] > 0)
                row->setBackground(column, compareMarkBackground(mark));
        }
    }
    const std::size_t differing = result->diff.objects.size();
    if (result->diff.same())
        m_headline->setText(total == 1 ? tr("No differences (1 object).")
                                       : tr("No differences (%1 objects).").arg(total));
    else
        m_headline->setText(differing == 1 ? tr("1 object differs.")
                                           : tr("%1 objects differ.").arg(differing));
    const QModelIndex current = m_objects->currentIndex();
    const int currentRow =
        current.isValid() ? (current.parent().isValid() ? current.parent().row() : current.row()) : -1;
    m_model->setResult(result);
    // A followed comparison re-runs often: the row the user is on stays where it can.
    if (currentRow >= 0 && currentRow < m_model->rowCount()) {
        const QSignalBlocker quiet(m_objects->selectionModel());
        m_objects->setCurrentIndex(m_model->index(currentRow, CompareModel::TextColumn));
    }
    for (int row = 0; row < m_model->rowCount() && row < 50; ++row)
        m_objects->expand(m_model->index(row, 0));
    m_objects->resizeColumnToContents(CompareModel::ChangeColumn);
    showStatus(result->notes.isEmpty()
                   ? QString()
                   : tr("How the file was read: %1").arg(result->notes.join(QStringLiteral("; "))),
               false);
    updateButtons();
}

void CompareDock::showCleared()
{
    m_model->setResult(nullptr);
    m_summary->clear();
    m_title->setText(tr("No comparison. File > Compare With... compares the host shown with a snapshot, an "
                        "Export all file, a bundle, a dump or a recording."));
    m_headline->clear();
    showStatus(QString(), false);
    updateButtons();
}

void CompareDock::selectRow(const QModelIndex& index)
{
    if (!index.isValid())
        return;
    const QStringList ids = index.data(CompareModel::ObjectIdsRole).toStringList();
    for (const QString& id : ids)
        if (m_mirror->object(id)) {
            m_selection->setIds({id}, this);
            showStatus(QString(), false);
            return;
        }
    const auto mark = CompareMark(index.data(CompareModel::MarkRole).toInt());
    const std::shared_ptr<const CompareResult>& result = m_model->result();
    const QString side = !result                        ? QString()
                         : mark == CompareMark::Removed ? result->beforeLabel
                                                        : result->afterLabel;
    showStatus(tr("%1 is not in the host shown: it is only in %2.")
                   .arg(ids.isEmpty() ? QString() : ids.front(), side),
               false);
}

} // namespace hcn::ui
