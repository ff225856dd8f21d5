#pragma once
// TopologyLegend: what the diagram's shapes, colours, line styles, badges and frames mean, as HTML
// drawn from the colours the items paint with (so the legend cannot drift from the picture), and the
// window that shows it (Help > Topology Legend, the Legend button of the topology toolbar).

#include <QDialog>

namespace hcn::ui {

class TopologyLegend : public QDialog
{
    Q_OBJECT
public:
    explicit TopologyLegend(QWidget* parent = nullptr);

    /// The legend as HTML: node kinds, edge kinds, badges, frames, and how detail follows the zoom.
    static QString html();
};

} // namespace hcn::ui
