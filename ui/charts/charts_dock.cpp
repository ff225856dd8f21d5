#include "charts/charts_dock.h"

#include "charts/endpoints_per_network.h"
#include "charts/pool_utilization.h"
#include "models/event_log_model.h"
#include "models/host_mirror.h"

#include <QLocale>
#include <QLoggingCategory>
#include <QTabWidget>
#include <algorithm>
#include <qcustomplot.h>

Q_LOGGING_CATEGORY(lcCharts, "hcn.ui.charts", QtInfoMsg)

namespace hcn::ui {

namespace {

/// One horizontal bar per label, top to bottom, with `texts` written at the bar ends.
void setHorizontalBars(QCustomPlot* plot, const QVector<double>& values, const QVector<QString>& labels,
                       const QVector<QString>& texts, const QColor& color, double valueMax)
{
    plot->clearPlottables();
    plot->clearItems();
    auto* bars = new QCPBars(plot->yAxis, plot->xAxis);
    bars->setWidth(0.7);
    bars->setPen(QPen(color.darker(130)));
    bars->setBrush(color);
    QVector<double> keys;
    for (int i = 0; i < values.size(); ++i)
        keys.append(i + 1);
    bars->setData(keys, values, true);

    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    ticker->setTicks(keys, labels);
    plot->yAxis->setTicker(ticker);
    plot->yAxis->setRange(0.3, qMax(1, int(values.size())) + 0.7);
    plot->yAxis->setRangeReversed(true); // first entry on top
    plot->xAxis->setRange(0, valueMax);

    for (int i = 0; i < values.size(); ++i) {
        auto* text = new QCPItemText(plot);
        text->position->setType(QCPItemPosition::ptPlotCoords);
        text->position->setAxes(plot->xAxis, plot->yAxis);
        text->position->setCoords(values[i], keys[i]);
        // Past two thirds of the axis the text goes inside the bar's end, so the axis needs no headroom
        // for it (a percentage axis ends at 100 %).
        const bool inside = values[i] > valueMax * 2 / 3;
        text->setPositionAlignment((inside ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
        text->setPadding(inside ? QMargins(0, 0, 4, 0) : QMargins(4, 0, 0, 0));
        if (inside)
            text->setColor(color.lightness() > 140 ? Qt::black : Qt::white);
        text->setText(texts[i]);
        text->setClipToAxisRect(false);
    }
}

} // namespace

ChartsDock::ChartsDock(HostMirror* mirror, QWidget* parent)
    : QDockWidget(tr("Charts"), parent), m_mirror(mirror)
{
    setObjectName(QStringLiteral("chartsDock"));
    m_tabs = new QTabWidget(this);
    m_ratePlot = createPlot();
    m_poolPlot = createPlot();
    m_endpointPlot = createPlot();
    m_tabs->addTab(m_ratePlot, tr("Events/s"));
    m_tabs->addTab(m_poolPlot, tr("Address pools"));
    m_tabs->addTab(m_endpointPlot, tr("Endpoints"));
    setWidget(m_tabs);

    auto* graph = m_ratePlot->addGraph();
    const QColor rateColor = EventLogModel::kindColor(ResourceKind::Network);
    graph->setPen(QPen(rateColor, 1.5));
    QColor fill = rateColor;
    fill.setAlpha(60);
    graph->setBrush(fill);
    graph->setLineStyle(QCPGraph::lsStepLeft);
    m_ratePlot->xAxis->setLabel(tr("seconds ago"));
    m_ratePlot->yAxis->setLabel(tr("notifications per second"));
    m_ratePlot->xAxis->setRange(-m_rate.windowSeconds(), 0);
    m_poolPlot->xAxis->setLabel(tr("addresses in use (%)"));
    m_endpointPlot->xAxis->setLabel(tr("endpoints"));

    m_clock.start();
    if (mirror) {
        connect(mirror, &HostMirror::notificationsArrived, this,
                [this](const QVector<MirrorEvent>& batch) { onNotifications(int(batch.size())); });
        connect(mirror, &HostMirror::objectsAdded, this, &ChartsDock::markObjectsDirty);
        connect(mirror, &HostMirror::objectsChanged, this, &ChartsDock::markObjectsDirty);
        connect(mirror, &HostMirror::objectsRemoved, this, &ChartsDock::markObjectsDirty);
        connect(mirror, &HostMirror::reset, this, &ChartsDock::markObjectsDirty);
    }
    m_timer.setInterval(kRefreshInterval_ms);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        ++m_ticks;
        refresh();
    });
    m_timer.start();
    // Coming into view or switching tabs draws at once instead of waiting up to a second.
    connect(this, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            refresh();
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, &ChartsDock::refresh);
}

ChartsDock::~ChartsDock() = default;

QCustomPlot* ChartsDock::createPlot()
{
    auto* plot = new QCustomPlot(m_tabs);
    plot->setNotAntialiasedElements(QCP::aeAll);
    plot->setAntialiasedElements(QCP::aePlottables);
    plot->setMinimumSize(200, 150);
    return plot;
}

void ChartsDock::showChart(Chart chart)
{
    m_tabs->setCurrentWidget(plotOf(chart));
}

ChartsDock::Chart ChartsDock::currentChart() const
{
    if (m_tabs->currentWidget() == m_poolPlot)
        return Chart::PoolUtilization;
    if (m_tabs->currentWidget() == m_endpointPlot)
        return Chart::EndpointsPerNetwork;
    return Chart::EventRate;
}

QCustomPlot* ChartsDock::plotOf(Chart chart) const
{
    switch (chart) {
    case Chart::PoolUtilization:
        return m_poolPlot;
    case Chart::EndpointsPerNetwork:
        return m_endpointPlot;
    case Chart::EventRate:
        break;
    }
    return m_ratePlot;
}

void ChartsDock::onNotifications(int count)
{
    m_rate.add(m_clock.elapsed(), count);
    m_rateDirty = true;
}

void ChartsDock::markObjectsDirty()
{
    m_poolsDirty = true;
    m_endpointsDirty = true;
}

void ChartsDock::refresh()
{
    // Hidden (closed, or a background tab of a dock area): keep the flags, draw when shown.
    if (!isVisible() || !m_tabs->isVisible())
        return;
    switch (currentChart()) {
    case Chart::EventRate:
        if (m_rateDirty)
            drawEventRate();
        break;
    case Chart::PoolUtilization:
        if (m_poolsDirty)
            drawPoolUtilization();
        break;
    case Chart::EndpointsPerNetwork:
        if (m_endpointsDirty)
            drawEndpointsPerNetwork();
        break;
    }
}

void ChartsDock::drawEventRate()
{
    const qint64 now = m_clock.elapsed();
    const QVector<double> counts = m_rate.perSecond(now);
    QVector<double> keys;
    keys.reserve(counts.size());
    for (int i = 0; i < counts.size(); ++i)
        keys.append(double(i - counts.size()));
    m_ratePlot->graph(0)->setData(keys, counts, true);
    const qint64 peak = m_rate.peak(now);
    m_ratePlot->yAxis->setRange(0, qMax<double>(10, double(peak) * 1.15));
    const QLocale locale;
    m_ratePlot->xAxis->setLabel(
        tr("seconds ago · last second %1/s · peak %2/s")
            .arg(locale.toString(qint64(counts.isEmpty() ? 0 : counts.last())), locale.toString(peak)));
    m_ratePlot->replot(QCustomPlot::rpQueuedReplot);
    ++m_replots;
    // The window slides: keep redrawing until it has emptied, then rest until the next event.
    m_rateDirty = m_rate.total(now) > 0;
}

void ChartsDock::drawPoolUtilization()
{
    m_poolsDirty = false;
    QVector<SubnetUtilization> subnets;
    if (m_mirror)
        subnets = PoolUtilization::compute(m_mirror->objects(ResourceKind::Network),
                                           m_mirror->objects(ResourceKind::Endpoint));
    const qsizetype total = subnets.size();
    if (subnets.size() > kMaxBars) {
        std::stable_sort(
            subnets.begin(), subnets.end(),
            [](const SubnetUtilization& a, const SubnetUtilization& b) { return a.ratio() > b.ratio(); });
        subnets.resize(kMaxBars);
    }
    QVector<double> values;
    QVector<QString> labels;
    QVector<QString> texts;
    for (const SubnetUtilization& subnet : subnets) {
        values.append(subnet.ratio() * 100.0);
        labels.append(QStringLiteral("%1  %2").arg(
            subnet.networkName.isEmpty() ? subnet.networkId.left(8) : subnet.networkName, subnet.prefix));
        texts.append(
            tr("%1 / %2 (%3%)")
                .arg(PoolUtilization::formatCount(subnet.used), PoolUtilization::formatCount(subnet.capacity))
                .arg(subnet.ratio() * 100.0, 0, 'f', subnet.ratio() < 0.01 && subnet.used > 0 ? 3 : 1));
    }
    setHorizontalBars(m_poolPlot, values, labels, texts, EventLogModel::kindColor(ResourceKind::Endpoint),
                      100.0);
    m_poolPlot->xAxis->setLabel(
        total > kMaxBars ? tr("addresses in use (%) · the %1 fullest of %2 subnets").arg(kMaxBars).arg(total)
                         : tr("addresses in use (%)"));
    m_poolPlot->replot(QCustomPlot::rpQueuedReplot);
    ++m_replots;
    qCDebug(lcCharts) << "pool utilization redrawn:" << total << "subnets";
}

void ChartsDock::drawEndpointsPerNetwork()
{
    m_endpointsDirty = false;
    QVector<NetworkEndpointCount> networks;
    if (m_mirror)
        networks = EndpointsPerNetwork::compute(m_mirror->objects(ResourceKind::Network),
                                                m_mirror->objects(ResourceKind::Endpoint));
    const qsizetype total = networks.size();
    if (networks.size() > kMaxBars) {
        std::stable_sort(networks.begin(), networks.end(),
                         [](const NetworkEndpointCount& a, const NetworkEndpointCount& b) {
                             return a.endpoints > b.endpoints;
                         });
        networks.resize(kMaxBars);
    }
    QVector<double> values;
    QVector<QString> labels;
    QVector<QString> texts;
    int most = 0;
    for (const NetworkEndpointCount& network : networks) {
        values.append(network.endpoints);
        labels.append(network.networkName.isEmpty() ? network.networkId.left(8) : network.networkName);
        texts.append(network.remote > 0 ? tr("%1 (%2 remote)").arg(network.endpoints).arg(network.remote)
                                        : QString::number(network.endpoints));
        most = qMax(most, network.endpoints);
    }
    setHorizontalBars(m_endpointPlot, values, labels, texts, EventLogModel::kindColor(ResourceKind::Network),
                      qMax(5.0, most * 1.25));
    m_endpointPlot->xAxis->setLabel(
        total > kMaxBars ? tr("endpoints · the %1 largest of %2 networks").arg(kMaxBars).arg(total)
                         : tr("endpoints"));
    m_endpointPlot->replot(QCustomPlot::rpQueuedReplot);
    ++m_replots;
}

} // namespace hcn::ui
