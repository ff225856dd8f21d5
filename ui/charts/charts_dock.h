#pragma once
// ChartsDock: three charts of the mirrored host: notifications per second over the last two minutes,
// address pool utilization per subnet and endpoints per network. One timer redraws; events and
// object changes only set dirty flags, and nothing is computed or drawn while the dock (or the chart's
// tab) is not visible.

#include "charts/event_rate.h"

#include <QDockWidget>
#include <QElapsedTimer>
#include <QTimer>

class QCustomPlot;
class QTabWidget;

namespace hcn::ui {

class HostMirror;

class ChartsDock : public QDockWidget
{
    Q_OBJECT
public:
    static constexpr int kRefreshInterval_ms = 1000;
    /// Bars beyond this many are left out (the busiest are kept) so labels stay readable.
    static constexpr int kMaxBars = 40;

    explicit ChartsDock(HostMirror* mirror, QWidget* parent = nullptr);
    ~ChartsDock() override;

    enum class Chart
    {
        EventRate,
        PoolUtilization,
        EndpointsPerNetwork
    };
    /// Brings a chart's tab to the front.
    void showChart(Chart chart);
    Chart currentChart() const;
    /// The plot of a chart (tests read its axes).
    QCustomPlot* plotOf(Chart chart) const;

    /// Replots the dock has requested so far (tests check that a hidden dock draws nothing). QCustomPlot's
    /// own repaints after a resize are not counted.
    int replotCount() const { return m_replots; }
    /// Refresh timer ticks so far, drawn or skipped.
    int tickCount() const { return m_ticks; }
    const EventRate& eventRate() const { return m_rate; }

private:
    void onNotifications(int count);
    void markObjectsDirty();
    void refresh();
    void drawEventRate();
    void drawPoolUtilization();
    void drawEndpointsPerNetwork();
    QCustomPlot* createPlot();

    HostMirror* m_mirror = nullptr;
    QTabWidget* m_tabs = nullptr;
    QCustomPlot* m_ratePlot = nullptr;
    QCustomPlot* m_poolPlot = nullptr;
    QCustomPlot* m_endpointPlot = nullptr;
    QTimer m_timer;
    QElapsedTimer m_clock;
    EventRate m_rate;
    /// Dirty flags per chart. The rate chart slides with time, so it stays dirty while its window
    /// holds any event.
    bool m_rateDirty = true;
    bool m_poolsDirty = true;
    bool m_endpointsDirty = true;
    int m_replots = 0;
    int m_ticks = 0;
};

} // namespace hcn::ui
