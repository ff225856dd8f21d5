#pragma once
// TimelineSlider: a horizontal slider over a recording's time span (milliseconds from its start) that
// draws where the changes are (a bar per pixel column, its height the column's share of changes) and
// the compare marks A and B.

#include <QSlider>
#include <QVector>
#include <optional>

namespace hcn::ui {

class TimelineSlider : public QSlider
{
    Q_OBJECT
public:
    explicit TimelineSlider(QWidget* parent = nullptr);

    /// How many changes fall into each of equal slices of the span, first slice first.
    void setDensity(QVector<int> changesPerSlice);
    const QVector<int>& density() const { return m_density; }
    /// Where marks A and B sit (milliseconds from the start), none when unset.
    void setMarks(std::optional<int> a, std::optional<int> b);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    int xOf(int value) const;

    QVector<int> m_density;
    int m_densityMax = 0;
    std::optional<int> m_markA;
    std::optional<int> m_markB;
};

} // namespace hcn::ui
