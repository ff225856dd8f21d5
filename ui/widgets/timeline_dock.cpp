#include "timeline_dock.h"

#include "hcn/notification.h"
#include "hcn/recording.h"
#include "hcn/utc_time.h"
#include "models/background_job.h"
#include "models/core_text.h"
#include "models/recording_playback.h"
#include "widgets/timeline_slider.h"

#include <QAction>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <limits>

namespace hcn::ui {

namespace {

/// Slices of the span the change marks are counted in.
constexpr int kDensitySlices = 1000;

enum ChangeColumn
{
    NumberColumn,
    TimeColumn,
    KindColumn,
    ObjectIdColumn,
    EventColumn,
};

QToolButton* buttonFor(QAction* action, QWidget* parent)
{
    auto* button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

} // namespace

TimelineDock::TimelineDock(QWidget* parent)
    : QDockWidget(tr("Timeline"), parent), m_title(new QLabel(this)), m_note(new QLabel(this)),
      m_slider(new TimelineSlider(this)), m_moment(new QLabel(this)), m_marks(new QLabel(this)),
      m_changes(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("timelineDock"));
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_note->setObjectName(QStringLiteral("timelineNote"));
    m_note->setWordWrap(true);
    m_note->setStyleSheet(QStringLiteral("QLabel { color: #a05a00; }"));
    m_note->hide();
    m_moment->setObjectName(QStringLiteral("timelineMoment"));
    m_moment->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_marks->setObjectName(QStringLiteral("timelineMarks"));
    layout->addWidget(m_title);
    layout->addWidget(m_note);
    layout->addWidget(m_slider);

    auto action = [this](const QString& text, const char* name, const QString& tip) {
        auto* a = new QAction(text, this);
        a->setObjectName(QString::fromLatin1(name));
        a->setToolTip(tip);
        return a;
    };
    QAction* start = action(tr("|<"), "actionTimelineStart", tr("The initial snapshot"));
    m_back = action(tr("<"), "actionTimelineBack", tr("One change back"));
    m_forward = action(tr(">"), "actionTimelineForward", tr("One change forward"));
    QAction* end = action(tr(">|"), "actionTimelineEnd", tr("After the last change"));
    QAction* a = action(tr("Mark &A"), "actionTimelineMarkA", tr("Mark this moment as A"));
    QAction* b = action(tr("Mark &B"), "actionTimelineMarkB", tr("Mark this moment as B"));
    m_compare = action(tr("&Compare A with B"), "actionTimelineCompare",
                       tr("Compare the host at mark A with the host at mark B"));
    connect(start, &QAction::triggered, this, [this] { moveTo(0); });
    connect(m_back, &QAction::triggered, this, &TimelineDock::stepBack);
    connect(m_forward, &QAction::triggered, this, &TimelineDock::stepForward);
    connect(end, &QAction::triggered, this,
            [this] { moveTo(m_playback ? m_playback->reader().changeCount() : 0); });
    connect(a, &QAction::triggered, this, &TimelineDock::markA);
    connect(b, &QAction::triggered, this, &TimelineDock::markB);
    connect(m_compare, &QAction::triggered, this, &TimelineDock::compareMarks);

    auto* steps = new QHBoxLayout;
    for (QAction* step : {start, m_back, m_forward, end})
        steps->addWidget(buttonFor(step, body));
    steps->addWidget(m_moment, 1);
    layout->addLayout(steps);
    auto* marks = new QHBoxLayout;
    for (QAction* mark : {a, b, m_compare})
        marks->addWidget(buttonFor(mark, body));
    marks->addWidget(m_marks, 1);
    layout->addLayout(marks);

    m_changes->setObjectName(QStringLiteral("timelineChanges"));
    m_changes->setRootIsDecorated(false);
    m_changes->setUniformRowHeights(true);
    m_changes->setHeaderLabels({tr("Change"), tr("Time"), tr("Kind"), tr("Object"), tr("Event")});
    m_changes->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_changes->setToolTip(tr("The changes near the moment; the highlighted one is the last applied. "
                             "Double-click a change to go to the host right after it."));
    connect(m_changes, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        moveTo(std::size_t(item->data(NumberColumn, Qt::UserRole).toULongLong()));
    });
    layout->addWidget(m_changes, 1);
    setWidget(body);

    connect(m_slider, &QSlider::valueChanged, this, &TimelineDock::sliderMoved);
    setPlayback(nullptr);
}

TimelineDock::~TimelineDock() = default;

RecordingPlayback* TimelineDock::playback() const
{
    return m_playback;
}

void TimelineDock::setPlayback(RecordingPlayback* playback)
{
    if (m_playback)
        disconnect(m_playback, nullptr, this, nullptr);
    m_playback = playback;
    m_markA.reset();
    m_markB.reset();
    m_changes->clear();
    m_slider->setDensity({});
    ++m_densityRequest;
    const bool on = playback != nullptr;
    for (QAction* a : findChildren<QAction*>(Qt::FindDirectChildrenOnly))
        if (a != toggleViewAction())
            a->setEnabled(on);
    m_slider->setEnabled(on);
    if (!on) {
        m_title->setText(tr("No recording is open. File > Open Recording shows one here."));
        m_note->hide();
        m_moment->clear();
        m_marks->clear();
        return;
    }
    const RecordingReader& reader = playback->reader();
    const RecordingHeader& header = reader.header();
    const std::int64_t span = std::max<std::int64_t>(0, reader.endMs() - reader.startMs());
    m_title->setText(tr("%1 \u2014 recording of %2 by %3, %4 changes (%5) from %6 to %7%8")
                         .arg(QFileInfo(playback->path()).fileName(), QString::fromStdString(header.source),
                              QString::fromStdString(header.tool))
                         .arg(reader.changeCount())
                         .arg(QString::fromStdString(recordingCaptureText(header)),
                              QString::fromStdString(formatUtcMs(reader.startMs())),
                              QString::fromStdString(formatUtcMs(reader.endMs())),
                              reader.endReason().empty()
                                  ? QString()
                                  : tr("; ended: %1").arg(QString::fromStdString(reader.endReason()))));
    const QString note = noteText();
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
    m_settingSlider = true;
    m_slider->setRange(0, int(std::min<std::int64_t>(span, std::numeric_limits<int>::max())));
    m_settingSlider = false;
    m_current = playback->shownChanges();
    showMoment(m_current, false);
    updateMarks();

    connect(playback, &RecordingPlayback::busyChanged, this, [this] { showMoment(m_current, true); });
    connect(playback, &RecordingPlayback::momentFailed, this, [this](quint64 changes, const QString& error) {
        emit message(tr("The host after change %1 could not be built: %2").arg(changes).arg(error));
    });
    // The change marks: counted off the GUI thread (an hour at 100 events/s is 360,000 changes).
    const quint64 request = m_densityRequest;
    runInBackground(
        this,
        [reader = playback->sharedReader(), span] {
            QVector<int> density(kDensitySlices, 0);
            for (std::size_t n = 1; n <= reader->changeCount(); ++n) {
                const std::int64_t at = reader->change(n).timeMs - reader->startMs();
                const qsizetype slice = qsizetype(std::clamp<std::int64_t>(
                    span == 0 ? 0 : at * kDensitySlices / (span + 1), 0, kDensitySlices - 1));
                ++density[slice];
            }
            return density;
        },
        [this, request](QVector<int> density) {
            if (request == m_densityRequest)
                m_slider->setDensity(std::move(density));
        });
}

QString TimelineDock::noteText() const
{
    if (!m_playback)
        return {};
    const RecordingReader& reader = m_playback->reader();
    QStringList notes;
    if (!reader.cutDetail().empty())
        notes << tr("This recording has no end line (the recorder was killed or the file was cut): %1")
                     .arg(QString::fromStdString(reader.cutDetail()));
    if (reader.skippedLines() > 0) {
        QString first =
            reader.warnings().empty() ? QString() : QString::fromStdString(reader.warnings().front());
        notes << tr("%n broken line(s) were skipped%1", nullptr, int(reader.skippedLines()))
                     .arg(first.isEmpty() ? QString() : tr(", the first: %1").arg(first));
    }
    return notes.join(QLatin1Char('\n'));
}

QString TimelineDock::momentText() const
{
    return m_playback ? m_playback->momentText(m_current) : QString();
}

void TimelineDock::moveTo(std::size_t changes)
{
    if (m_playback)
        showMoment(std::min(changes, m_playback->reader().changeCount()), false);
}

void TimelineDock::stepBack()
{
    if (m_current > 0)
        moveTo(m_current - 1);
}

void TimelineDock::stepForward()
{
    moveTo(m_current + 1);
}

void TimelineDock::sliderMoved(int value)
{
    if (m_settingSlider || !m_playback)
        return;
    showMoment(m_playback->reader().changesAt(m_playback->reader().startMs() + value), true);
}

void TimelineDock::showMoment(std::size_t changes, bool fromSlider)
{
    if (!m_playback)
        return;
    const RecordingReader& reader = m_playback->reader();
    const bool moved = changes != m_current || m_changes->topLevelItemCount() == 0;
    m_current = changes;
    if (!fromSlider) {
        m_settingSlider = true;
        m_slider->setValue(
            int(std::min<std::int64_t>(m_playback->timeOf(changes) - reader.startMs(), m_slider->maximum())));
        m_settingSlider = false;
    }
    m_moment->setText(m_playback->isBusy() ? tr("%1 \u2014 reading\u2026").arg(momentText()) : momentText());
    m_back->setEnabled(changes > 0);
    m_forward->setEnabled(changes < reader.changeCount());
    if (moved)
        fillChanges();
    m_playback->seek(changes);
}

void TimelineDock::fillChanges()
{
    const RecordingReader& reader = m_playback->reader();
    m_changes->clear();
    if (reader.changeCount() == 0)
        return;
    const std::size_t first = m_current > std::size_t(kNearbyChanges) ? m_current - kNearbyChanges : 1;
    const std::size_t last =
        std::min(reader.changeCount(), std::max<std::size_t>(m_current, 1) + kNearbyChanges);
    QTreeWidgetItem* current = nullptr;
    const QColor later = palette().color(QPalette::Disabled, QPalette::Text);
    for (std::size_t n = first; n <= last; ++n) {
        const RecordedChange change = reader.change(n);
        QString event = fromCore(notificationTypeName(change.type));
        if (change.polled)
            event += tr(" (polled)");
        if (failed(change.status))
            event += tr(" (failed 0x%1)").arg(quint32(change.status), 8, 16, QLatin1Char('0'));
        auto* item = new QTreeWidgetItem(
            m_changes, {QString::number(n), QString::fromStdString(formatUtcMs(change.timeMs)),
                        kindLabel(change.kind), QString::fromStdString(change.objectId), event});
        item->setData(NumberColumn, Qt::UserRole, quint64(n));
        if (n == m_current)
            current = item;
        else if (n > m_current)
            for (int c = 0; c < m_changes->columnCount(); ++c)
                item->setForeground(c, later); // not applied at this moment
    }
    if (current) {
        QFont bold = current->font(0);
        bold.setBold(true);
        for (int c = 0; c < m_changes->columnCount(); ++c)
            current->setFont(c, bold);
        m_changes->setCurrentItem(current);
        m_changes->scrollToItem(current);
    }
}

QString TimelineDock::label(std::size_t changes) const
{
    return tr("%1 at change %2 (%3)")
        .arg(QFileInfo(m_playback->path()).fileName())
        .arg(changes)
        .arg(QString::fromStdString(formatUtcMs(m_playback->timeOf(changes))));
}

void TimelineDock::markA()
{
    m_markA = m_current;
    updateMarks();
}

void TimelineDock::markB()
{
    m_markB = m_current;
    updateMarks();
}

void TimelineDock::updateMarks()
{
    if (!m_playback)
        return;
    const std::int64_t start = m_playback->reader().startMs();
    auto at = [&](const std::optional<std::size_t>& mark) -> std::optional<int> {
        if (!mark)
            return std::nullopt;
        return int(std::min<std::int64_t>(m_playback->timeOf(*mark) - start, m_slider->maximum()));
    };
    m_slider->setMarks(at(m_markA), at(m_markB));
    QStringList text;
    if (m_markA)
        text << tr("A: change %1").arg(*m_markA);
    if (m_markB)
        text << tr("B: change %1").arg(*m_markB);
    m_marks->setText(text.isEmpty() ? tr("Mark two moments to compare them.")
                                    : text.join(QStringLiteral(" \u00b7 ")));
    m_compare->setEnabled(m_markA && m_markB);
}

void TimelineDock::compareMarks()
{
    if (!m_playback || !m_markA || !m_markB)
        return;
    const std::size_t before = std::min(*m_markA, *m_markB);
    const std::size_t after = std::max(*m_markA, *m_markB);
    const QString beforeLabel = label(before);
    const QString afterLabel = label(after);
    emit message(tr("Reading the hosts at change %1 and %2\u2026").arg(before).arg(after));
    m_playback->readHosts(
        before, after, [this, beforeLabel, afterLabel](Result<RecordingPlayback::Hosts> hosts) {
            if (!hosts.ok()) {
                emit message(tr("The hosts to compare could not be built: %1")
                                 .arg(QString::fromStdString(hosts.status().message())));
                return;
            }
            emit compareRequested(std::move(hosts->first), std::move(hosts->second), beforeLabel, afterLabel);
        });
}

} // namespace hcn::ui
