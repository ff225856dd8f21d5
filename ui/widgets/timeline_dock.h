#pragma once
// TimelineDock: the timeline of the recording the console shows (docs/console.md, Recordings). A slider
// over the recording's time span with its change marks, the moment's time and change number, steps of
// one change, the changes near the moment (time, kind, object, event), and two marks A and B whose hosts
// "Compare A with B" hands on (compareRequested). Moving changes what RecordingPlayback shows; the tree,
// the topology and the properties follow the mirror.

#include "hcn/host_state.h"

#include <QDockWidget>
#include <QPointer>
#include <optional>

class QLabel;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace hcn::ui {

class RecordingPlayback;
class TimelineSlider;

class TimelineDock : public QDockWidget
{
    Q_OBJECT
public:
    /// Changes listed on either side of the moment.
    static constexpr int kNearbyChanges = 10;

    explicit TimelineDock(QWidget* parent = nullptr);
    ~TimelineDock() override;

    /// The recording to play (null: none; the dock empties).
    void setPlayback(RecordingPlayback* playback);
    RecordingPlayback* playback() const;

    /// The moment the timeline stands at: changes applied (what the views show once the playback is idle).
    std::size_t currentChanges() const { return m_current; }
    /// Moves to the host after `changes` changes.
    void moveTo(std::size_t changes);
    void stepBack();
    void stepForward();
    /// Sets mark A or B at the current moment.
    void markA();
    void markB();
    std::optional<std::size_t> markedA() const { return m_markA; }
    std::optional<std::size_t> markedB() const { return m_markB; }
    /// Builds the hosts at A and B off the GUI thread, then emits compareRequested (A before B).
    void compareMarks();

    TimelineSlider* slider() const { return m_slider; }
    QTreeWidget* changeList() const { return m_changes; }
    /// "change 120 of 360000 · 2026-12-03T16:34:51.500Z (+00:12:30.5)".
    QString momentText() const;
    /// What the dock says about the recording's state (cut, skipped lines); empty when whole.
    QString noteText() const;
    QAction* compareAction() const { return m_compare; }

signals:
    /// The hosts at two moments to compare, the earlier first, with their labels
    /// ("office.hcnrec at change 12 (2026-12-03T16:34:51.500Z)"). The Compare view connects here.
    void compareRequested(hcn::HostState before, hcn::HostState after, QString beforeLabel,
                          QString afterLabel);
    /// A short text for the status bar.
    void message(const QString& text);

private:
    void sliderMoved(int value);
    void showMoment(std::size_t changes, bool fromSlider);
    void fillChanges();
    void updateMarks();
    QString label(std::size_t changes) const;

    QPointer<RecordingPlayback> m_playback;
    QLabel* m_title;
    QLabel* m_note;
    TimelineSlider* m_slider;
    QLabel* m_moment;
    QLabel* m_marks;
    QTreeWidget* m_changes;
    QAction* m_back;
    QAction* m_forward;
    QAction* m_compare;
    std::size_t m_current = 0;
    std::optional<std::size_t> m_markA;
    std::optional<std::size_t> m_markB;
    bool m_settingSlider = false;
    quint64 m_densityRequest = 0;
};

} // namespace hcn::ui
