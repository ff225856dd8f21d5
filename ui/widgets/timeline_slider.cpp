#include "timeline_slider.h"

#include <QPainter>
#include <QStyle>
#include <QStyleOptionSlider>
#include <algorithm>

namespace hcn::ui {

namespace {

/// Room above the groove for the change bars and the mark letters.
constexpr int kBarHeight = 18;

} // namespace

TimelineSlider::TimelineSlider(QWidget* parent) : QSlider(Qt::Horizontal, parent)
{
    setObjectName(QStringLiteral("timelineSlider"));
    setTracking(true);
    setToolTip(tr("Drag to any moment of the recording; the bars show where the changes are."));
}

void TimelineSlider::setDensity(QVector<int> changesPerSlice)
{
    m_density = std::move(changesPerSlice);
    m_densityMax = m_density.isEmpty() ? 0 : *std::max_element(m_density.cbegin(), m_density.cend());
    update();
}

void TimelineSlider::setMarks(std::optional<int> a, std::optional<int> b)
{
    m_markA = a;
    m_markB = b;
    update();
}

QSize TimelineSlider::sizeHint() const
{
    const QSize base = QSlider::sizeHint();
    return {std::max(base.width(), 300), base.height() + kBarHeight};
}

int TimelineSlider::xOf(int value) const
{
    QStyleOptionSlider option;
    initStyleOption(&option);
    const QRect groove = style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderGroove, this);
    const QRect handle = style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, this);
    const int span = groove.width() - handle.width();
    return groove.x() + handle.width() / 2 +
           QStyle::sliderPositionFromValue(minimum(), maximum(), value, std::max(span, 1));
}

void TimelineSlider::paintEvent(QPaintEvent* event)
{
    QSlider::paintEvent(event);
    QPainter painter(this);
    const int left = xOf(minimum());
    const int right = xOf(maximum());
    const int width = std::max(1, right - left);
    if (m_densityMax > 0) {
        // One bar per pixel column: the most changes of the slices it covers.
        painter.setPen(palette().color(QPalette::Highlight));
        const qsizetype slices = m_density.size();
        for (int x = 0; x <= width; ++x) {
            const qsizetype first = qsizetype(x) * slices / (width + 1);
            const qsizetype last = std::max(first, qsizetype(x + 1) * slices / (width + 1) - 1);
            int most = 0;
            for (qsizetype s = first; s <= last && s < slices; ++s)
                most = std::max(most, m_density[s]);
            if (most == 0)
                continue;
            const int h = std::max(2, most * (kBarHeight - 6) / m_densityMax);
            painter.drawLine(left + x, kBarHeight - 2, left + x, kBarHeight - 2 - h);
        }
    }
    auto mark = [&](const std::optional<int>& at, const QString& letter) {
        if (!at)
            return;
        const int x = xOf(*at);
        painter.setPen(palette().color(QPalette::Text));
        painter.drawLine(x, 0, x, height());
        painter.drawText(QRect(x + 2, 0, 12, kBarHeight - 4), Qt::AlignLeft | Qt::AlignTop, letter);
    };
    mark(m_markA, QStringLiteral("A"));
    mark(m_markB, QStringLiteral("B"));
}

} // namespace hcn::ui
