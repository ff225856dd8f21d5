#include "widgets/event_log_dock.h"

#include "models/api_worker.h"
#include "models/current_selection.h"
#include "models/event_filter_proxy.h"
#include "models/event_log_export.h"
#include "models/event_log_model.h"
#include "models/event_summary.h"
#include "models/host_mirror.h"
#include "widgets/event_details_pane.h"
#include "widgets/event_type_filter.h"

#include <QAction>
#include <QDateTime>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>
#include <utility>

namespace hcn::ui {

namespace {

constexpr int kFilterDebounce_ms = 200;
constexpr int kCapacityStep = 10'000;

} // namespace

EventLogDock::EventLogDock(HostMirror* mirror, CurrentSelection* selection, QWidget* parent)
    : QDockWidget(tr("Event log"), parent), m_selection(selection)
{
    setObjectName(QStringLiteral("eventLogDock"));

    m_model = new EventLogModel(mirror, this);
    m_proxy = new EventFilterProxy(this);
    m_proxy->setSourceModel(m_model);
    // Connected before the view's selection model, so the guard is up before it reacts to removals.
    auto beginUpdate = [this] { m_modelUpdating = true; };
    auto endUpdate = [this] { m_modelUpdating = false; };
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeRemoved, this, beginUpdate);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, endUpdate);
    connect(m_proxy, &QAbstractItemModel::modelAboutToBeReset, this, beginUpdate);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, endUpdate);
    connect(m_proxy, &QAbstractItemModel::layoutAboutToBeChanged, this, beginUpdate);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, endUpdate);

    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    buildActions();
    auto* toolBar = new QToolBar(content);
    toolBar->setIconSize(QSize(16, 16));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolBar->addAction(m_pauseAction);
    toolBar->addAction(m_followAction);
    toolBar->addAction(m_clearAction);
    toolBar->addAction(m_exportAction);
    toolBar->addSeparator();
    toolBar->addWidget(new QLabel(tr("Keep"), toolBar));
    m_capacitySpin = new QSpinBox(toolBar);
    m_capacitySpin->setRange(EventLogModel::kMinimumCapacity, EventLogModel::kMaximumCapacity);
    m_capacitySpin->setSingleStep(kCapacityStep);
    m_capacitySpin->setGroupSeparatorShown(true);
    m_capacitySpin->setSuffix(tr(" rows"));
    m_capacitySpin->setValue(m_model->capacity());
    m_capacitySpin->setKeyboardTracking(false); // apply on Enter / focus out, not per digit
    m_capacitySpin->setToolTip(tr("How many notifications the log keeps; older ones are dropped"));
    toolBar->addWidget(m_capacitySpin);
    connect(m_capacitySpin, &QSpinBox::valueChanged, m_model, &EventLogModel::setCapacity);
    layout->addWidget(toolBar);
    layout->addWidget(buildFilterBar());

    m_splitter = new QSplitter(Qt::Horizontal, content);
    m_splitter->setObjectName(QStringLiteral("eventLogSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_view = new QTableView(m_splitter);
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSortingEnabled(false);
    m_view->setWordWrap(false);
    m_view->setShowGrid(false);
    m_view->setAlternatingRowColors(true);
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setTextElideMode(Qt::ElideRight);
    // Uniform row heights: a fixed section size means no per-row measuring at 100,000 rows.
    QHeaderView* rows = m_view->verticalHeader();
    rows->setVisible(false);
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    QHeaderView* columns = m_view->horizontalHeader();
    columns->setStretchLastSection(true);
    columns->setHighlightSections(false);
    const int digit = m_view->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    m_view->setColumnWidth(EventLogModel::TimeColumn, digit * 14);
    m_view->setColumnWidth(EventLogModel::SequenceColumn, digit * 10);
    m_view->setColumnWidth(EventLogModel::TypeColumn, digit * 26);
    m_view->setColumnWidth(EventLogModel::ObjectColumn, digit * 24);
    m_view->setColumnWidth(EventLogModel::KindColumn, digit * 12);
    m_details = new EventDetailsPane(m_splitter);
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    layout->addWidget(m_splitter, 1);

    m_statusLabel = new QLabel(content);
    m_statusLabel->setContentsMargins(4, 0, 4, 2);
    layout->addWidget(m_statusLabel);
    setWidget(content);

    // Shortcuts act while the focus is inside the dock only, so they cannot clash with the window's.
    for (QAction* action : {m_pauseAction, m_followAction, m_clearAction, m_exportAction, m_findAction}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        content->addAction(action);
    }

    if (mirror)
        followMirror(mirror);
    connect(m_model, &EventLogModel::flushed, this, &EventLogDock::onFlushed);
    // Clear drops every row: the pane must not keep showing one of them.
    connect(m_model, &QAbstractItemModel::modelReset, m_details, &EventDetailsPane::clear);
    connect(m_model, &EventLogModel::statusChanged, this, &EventLogDock::updateStatus);
    connect(m_view->verticalScrollBar(), &QScrollBar::actionTriggered, this, &EventLogDock::onScrollAction);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &EventLogDock::onViewSelectionChanged);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &EventLogDock::showCurrentDetails);

    m_filterDebounce.setSingleShot(true);
    m_filterDebounce.setInterval(kFilterDebounce_ms);
    connect(&m_filterDebounce, &QTimer::timeout, this, &EventLogDock::applyTextFilters);
    updateStatus();
}

EventLogDock::~EventLogDock() = default;

void EventLogDock::buildActions()
{
    m_pauseAction = new QAction(tr("&Pause"), this);
    m_pauseAction->setCheckable(true);
    m_pauseAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_pauseAction->setToolTip(tr("Freeze the list; notifications keep being recorded (%1)")
                                  .arg(m_pauseAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_pauseAction, &QAction::toggled, m_model, &EventLogModel::setPaused);

    m_followAction = new QAction(tr("&Follow"), this);
    m_followAction->setCheckable(true);
    m_followAction->setChecked(true);
    m_followAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_End));
    m_followAction->setToolTip(tr("Keep the newest notification in view (%1)")
                                   .arg(m_followAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_followAction, &QAction::toggled, this, [this](bool on) {
        if (on)
            m_view->scrollToBottom();
    });

    m_clearAction = new QAction(tr("&Clear"), this);
    m_clearAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    m_clearAction->setToolTip(tr("Remove every recorded notification (%1)")
                                  .arg(m_clearAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_clearAction, &QAction::triggered, m_model, &EventLogModel::clear);

    m_exportAction = new QAction(tr("&Export…"), this);
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_exportAction->setToolTip(tr("Save the shown rows as CSV or JSON lines (%1)")
                                   .arg(m_exportAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_exportAction, &QAction::triggered, this, &EventLogDock::exportInteractively);

    m_findAction = new QAction(tr("Find"), this);
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_textEdit->setFocus(Qt::ShortcutFocusReason);
        m_textEdit->selectAll();
    });
}

QWidget* EventLogDock::buildFilterBar()
{
    auto* bar = new QWidget(this);
    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(4, 0, 4, 0);

    m_typeFilter = new EventTypeFilter(bar);
    connect(m_typeFilter, &EventTypeFilter::changed, this, &EventLogDock::applyTypeFilter);

    m_objectEdit = new QLineEdit(bar);
    m_objectEdit->setPlaceholderText(tr("Object ID or name"));
    m_objectEdit->setClearButtonEnabled(true);
    m_textEdit = new QLineEdit(bar);
    m_textEdit->setPlaceholderText(tr("Text in summary"));
    m_textEdit->setClearButtonEnabled(true);
    for (QLineEdit* edit : {m_objectEdit, m_textEdit}) {
        connect(edit, &QLineEdit::textChanged, this, [this] { m_filterDebounce.start(); });
        connect(edit, &QLineEdit::returnPressed, this, &EventLogDock::applyTextFilters);
    }

    layout->addWidget(m_typeFilter);
    layout->addWidget(m_objectEdit, 1);
    layout->addWidget(m_textEdit, 2);
    return bar;
}

void EventLogDock::append(const QVector<MirrorEvent>& batch)
{
    m_model->append(batch);
}

void EventLogDock::recordFailedCall(const QString& action, const Status& status)
{
    m_model->appendFailedCall(action, status);
}

void EventLogDock::recordOpenFailed(const QString& file, const QString& reason)
{
    const QFileInfo info(file);
    const QString name = info.fileName().isEmpty() ? file : info.fileName();
    // The reason may come from a message box text: one line in the log.
    QStringList lines;
    for (const QString& line : reason.split(QLatin1Char('\n')))
        if (!line.trimmed().isEmpty())
            lines.append(line.trimmed());
    const QString oneLine = lines.join(QStringLiteral(" · "));
    m_model->appendMarker(EventMarker::OpenFailed,
                          tr("%1 was not opened; the host shown is unchanged: %2").arg(name, oneLine), name,
                          QJsonObject{{QStringLiteral("File"), file}, {QStringLiteral("Reason"), reason}});
}

void EventLogDock::followMirror(HostMirror* mirror)
{
    connect(mirror, &HostMirror::notificationsArrived, this, &EventLogDock::append);
    connect(mirror, &HostMirror::attachFinished, this, [this, mirror](const Status& status) {
        if (!status.ok()) {
            // The host shown stays; a cancel is the user's own doing, anything else is a failed call.
            if (status.code() != kCancelled)
                m_model->appendFailedCall(tr("Opening a host"), status);
            return;
        }
        const ApiInfo& info = mirror->info();
        const std::string& what = info.description.empty() ? info.endpoint : info.description;
        const QString answering = QString::fromStdString(what);
        const QString name = std::exchange(m_nextHostName, QString());
        m_model->appendMarker(EventMarker::HostOpened, name.isEmpty()
                                                           ? tr("Showing %1").arg(answering)
                                                           : tr("Showing %1 (%2)").arg(name, answering));
        m_wasDisconnected = false;
    });
    // A new host replaces the content (reset) before it is Connected; a reconnect does not.
    connect(mirror, &HostMirror::reset, this, [this] { m_wasDisconnected = false; });
    connect(mirror, &HostMirror::connectionStateChanged, this, [this, mirror](ConnectionState state) {
        if (state == ConnectionState::Disconnected) {
            m_wasDisconnected = true;
            m_model->appendMarker(
                EventMarker::Disconnected,
                tr("The service connection was lost; reconnecting. The host shown may be out of date."));
        } else if (state == ConnectionState::Connected && m_wasDisconnected) {
            m_wasDisconnected = false;
            m_model->appendMarker(EventMarker::Reconnected,
                                  tr("Reconnected to %1; the host was read again")
                                      .arg(QString::fromStdString(mirror->info().endpoint)));
        } else if (state == ConnectionState::Detached) {
            m_model->appendMarker(EventMarker::HostOpened, tr("No host shown"));
        }
    });
    connect(mirror, &HostMirror::eventsMissed, this, [this](quint64 count) {
        m_model->appendMarker(EventMarker::EventsMissed,
                              tr("%n notification(s) missed; reading the host again", nullptr,
                                 int(qMin<quint64>(count, 0x7fffffff))));
    });
    connect(mirror, &HostMirror::resyncFinished, this, [this](const Status& status) {
        if (status.ok())
            m_model->appendMarker(EventMarker::Resynced,
                                  tr("The host was read again; the rows below follow it"));
        else
            m_model->appendFailedCall(tr("Reading the host again"), status);
    });
}

void EventLogDock::applyTypeFilter()
{
    m_proxy->setTypeFilter(m_typeFilter->types());
    updateStatus();
}

void EventLogDock::applyTextFilters()
{
    m_filterDebounce.stop();
    m_proxy->setObjectFilter(m_objectEdit->text());
    m_proxy->setTextFilter(m_textEdit->text());
    updateStatus();
}

void EventLogDock::onFlushed(int inserted, int /*removed*/)
{
    if (inserted > 0 && m_followAction->isChecked())
        m_view->scrollToBottom();
}

void EventLogDock::onScrollAction(int /*action*/)
{
    // The user scrolled: following continues only while they stay at the newest row.
    const QScrollBar* bar = m_view->verticalScrollBar();
    const bool atEnd = bar->sliderPosition() >= bar->maximum();
    if (m_followAction->isChecked() != atEnd)
        m_followAction->setChecked(atEnd);
}

void EventLogDock::onViewSelectionChanged()
{
    if (m_modelUpdating || !m_selection)
        return;
    QStringList ids;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows(EventLogModel::ObjectColumn);
    for (const QModelIndex& index : rows) {
        const QString id = index.data(EventLogModel::ObjectIdRole).toString();
        if (!id.isEmpty() && !ids.contains(id))
            ids.append(id);
    }
    // Rows without an object (service disconnect) leave the shared selection alone.
    if (!ids.isEmpty())
        m_selection->setIds(ids, this);
}

void EventLogDock::showCurrentDetails()
{
    const QModelIndex current = m_proxy->mapToSource(m_view->selectionModel()->currentIndex());
    if (!current.isValid()) {
        m_details->clear();
        return;
    }
    const int row = current.row();
    QString title = m_model->displayText(row, EventLogModel::TypeColumn);
    const QString object = m_model->displayText(row, EventLogModel::ObjectColumn);
    if (!object.isEmpty())
        title += QStringLiteral(" · ") + object;
    const QString id = EventLogModel::objectIdText(m_model->record(row));
    if (!id.isEmpty() && id != object)
        title += QStringLiteral(" (%1)").arg(id);
    title += QStringLiteral(" · ") + EventLogModel::dateTimeText(m_model->record(row).received_ms);
    m_details->display(title, m_model->details(row));
}

QString EventLogDock::exportTo(const QString& path) const
{
    EventLogExport::Format format;
    if (!EventLogExport::formatForFileName(path, &format))
        return tr("Unknown export format for %1: use .csv or .jsonl").arg(path);
    return EventLogExport::writeFile(*m_proxy, format, path);
}

void EventLogDock::exportInteractively()
{
    const QString csvFilter = tr("CSV (*.csv)");
    const QString jsonFilter = tr("JSON lines (*.jsonl)");
    QString selectedFilter = csvFilter;
    const QString suggested =
        QStringLiteral("hcn-events-%1.csv")
            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    QString path =
        QFileDialog::getSaveFileName(this, tr("Export event log"), suggested,
                                     csvFilter + QStringLiteral(";;") + jsonFilter, &selectedFilter);
    if (path.isEmpty())
        return;
    EventLogExport::Format format;
    if (!EventLogExport::formatForFileName(path, &format))
        path += selectedFilter == jsonFilter ? QStringLiteral(".jsonl") : QStringLiteral(".csv");
    const QString error = exportTo(path);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Export event log"), error);
}

void EventLogDock::updateStatus()
{
    const QLocale locale;
    QStringList parts;
    if (m_proxy->isFiltering())
        parts.append(tr("%1 of %2 rows shown")
                         .arg(locale.toString(m_proxy->rowCount()), locale.toString(m_model->rowCount())));
    else
        parts.append(tr("%1 rows").arg(locale.toString(m_model->rowCount())));
    if (m_model->isPaused())
        parts.append(tr("paused, %1 waiting").arg(locale.toString(qint64(m_model->pendingCount()))));
    if (m_model->droppedCount() > 0)
        parts.append(tr("%1 dropped beyond the capacity").arg(locale.toString(m_model->droppedCount())));
    m_statusLabel->setText(parts.join(QStringLiteral(" · ")));
}

} // namespace hcn::ui
