#include "topology/topology_legend.h"

#include "compare/compare_marks.h"
#include "topology/topology_edge_item.h"
#include "topology/topology_node_item.h"

#include <QDialogButtonBox>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace hcn::ui {

namespace {

QString legendSwatch(TopologyNodeKind kind, bool dashed)
{
    return QStringLiteral("<td style=\"background-color:%1; border:2px %3 %2;\" width=\"44\">&nbsp;</td>")
        .arg(TopologyNodeItem::fillColor(kind).name(), TopologyNodeItem::borderColor(kind).name(),
             dashed ? QStringLiteral("dashed") : QStringLiteral("solid"));
}

QString legendLine(const QPen& pen)
{
    // A short run of the line in its colour and dash pattern, heavier for thicker pens.
    const bool heavy = pen.widthF() >= 1.5;
    QString glyphs;
    switch (pen.style()) {
    case Qt::DashLine:
        glyphs = heavy ? QStringLiteral("\u2505\u2505\u2505") : QStringLiteral("\u2504\u2504\u2504");
        break;
    case Qt::DotLine:
        glyphs = QStringLiteral("\u2508\u2508\u2508\u2508");
        break;
    default:
        glyphs = heavy ? QStringLiteral("\u2501\u2501\u2501") : QStringLiteral("\u2500\u2500\u2500");
        break;
    }
    return QStringLiteral("<td width=\"44\" style=\"color:%1;\">%2</td>").arg(pen.color().name(), glyphs);
}

QString legendRow(const QString& swatch, const QString& name, const QString& text)
{
    return QStringLiteral("<tr>%1<td>&nbsp;<b>%2</b></td><td>%3</td></tr>").arg(swatch, name, text);
}

} // namespace

QString TopologyLegend::html()
{
    QString out = tr("<h3>Topology legend</h3>"
                     "<p>The diagram reads left to right: the host, its networks, their endpoints, and the "
                     "load balancers in front of them.</p>");
    out += tr("<h4>Boxes</h4>") + QStringLiteral("<table cellspacing=\"4\">");
    out += legendRow(legendSwatch(TopologyNodeKind::Host, false), tr("Host"),
                     tr("The machine (or service) the console shows."));
    out += legendRow(legendSwatch(TopologyNodeKind::Network, false), tr("Network"),
                     tr("Name, mode and switch, subnets, the host's vNIC (gateway)."));
    out += legendRow(legendSwatch(TopologyNodeKind::Endpoint, false), tr("Endpoint"),
                     tr("A container's or VM's adapter on this host: name, IP addresses, MAC."));
    out += legendRow(legendSwatch(TopologyNodeKind::RemoteEndpoint, true), tr("Remote endpoint"),
                     tr("A peer on another host, reached through the network (dashed border)."));
    out += legendRow(legendSwatch(TopologyNodeKind::Namespace, false), tr("Namespace"),
                     tr("The header of a namespace (compartment): how many containers it holds."));
    out += legendRow(legendSwatch(TopologyNodeKind::LoadBalancer, false), tr("Load balancer"),
                     tr("Its frontend VIPs and port mappings; lines lead to its backends."));
    out += legendRow(legendSwatch(TopologyNodeKind::Aggregate, true), tr("Collapsed endpoints"),
                     tr("Stands for a big network's endpoints (how many, local and remote). Double-click "
                        "to expand; \"Collapse above\" sets from how many endpoints networks collapse."));
    out += QStringLiteral("</table>");

    out += tr("<h4>Lines</h4>") + QStringLiteral("<table cellspacing=\"4\">");
    out += legendRow(legendLine(TopologyEdgeItem::penFor(TopologyEdgeKind::HostNetwork)),
                     tr("Host \u2192 network"), tr("The host's virtual switch carries the network."));
    out +=
        legendRow(legendLine(TopologyEdgeItem::penFor(TopologyEdgeKind::NetworkEndpoint)),
                  tr("Network \u2192 endpoint"), tr("The endpoint is attached to the network on this host."));
    out += legendRow(legendLine(TopologyEdgeItem::penFor(TopologyEdgeKind::NetworkRemote)),
                     tr("Network \u2192 remote endpoint"),
                     tr("Reached through the network's tunnel (overlay)."));
    out += legendRow(legendLine(TopologyEdgeItem::penFor(TopologyEdgeKind::NetworkAggregate)),
                     tr("Network \u2192 collapsed"), tr("The endpoints folded into a count box."));
    out += legendRow(legendLine(TopologyEdgeItem::penFor(TopologyEdgeKind::LoadBalancerBackend)),
                     tr("VIP \u2192 backend"), tr("The load balancer sends its traffic to this endpoint."));
    out += legendRow(legendLine(TopologyEdgeItem::bundlePenFor(TopologyEdgeKind::NetworkEndpoint)),
                     tr("Network \u2192 grid"),
                     tr("A network's endpoints standing in a grid (twelve or more): one thick line to the "
                        "grid's edge, labelled with how many (\"550 endpoints\"; dashed orange for remote "
                        "endpoints) instead of a line through the grid to each box."));
    out += legendRow(legendLine(TopologyEdgeItem::bundlePenFor(TopologyEdgeKind::LoadBalancerBackend)),
                     tr("VIP \u2192 grid"),
                     tr("A load balancer's backends in a grid: one thick line to the grid's edge, labelled "
                        "with how many (\"3 backends\"; hover it for their names)."));
    out += legendRow(legendLine(TopologyEdgeItem::penFor(TopologyEdgeKind::LoadBalancerNetwork)),
                     tr("VIP \u2192 network"),
                     tr("A load balancer without backends, shown by the network it serves."));
    out += QStringLiteral("</table>");

    out += tr("<h4>Frames and badges</h4>"
              "<ul>"
              "<li><b>Solid purple frame</b>: the endpoints in one namespace (its name on the frame).</li>"
              "<li><b>Dash-dotted orange frame</b>: remote endpoints behind one provider address, that "
              "is, on one other host.</li>"
              "<li><b>Chips at the bottom of a box</b>: the object's policies, e.g. <i>ports 8080\u219280/TCP"
              "</i> (port mappings), <i>OutBoundNAT</i>, <i>ACL \u00d73</i>. Hide them with \"Hide Policy "
              "Badges\".</li>"
              "<li><b>Orange outline</b>: matches the search or a finding; <b>thick blue outline</b>: "
              "selected. Faded boxes do not match the search.</li>"
              "</ul>");
    out +=
        tr("<h4>Comparison</h4>"
           "<p>While a comparison is shown (File &gt; Compare With..., the Compare dock), the boxes of the "
           "objects it found different carry a stripe on the left and an outline in its colour; the "
           "resource tree paints their rows the same way:</p>") +
        QStringLiteral("<table cellspacing=\"4\">");
    for (CompareMark mark : {CompareMark::Added, CompareMark::Changed, CompareMark::Removed})
        out += legendRow(QStringLiteral("<td style=\"background-color:%1;\" width=\"44\">&nbsp;</td>")
                             .arg(compareMarkColor(mark).name()),
                         compareMarkName(mark), compareMarkMeaning(mark));
    out += QStringLiteral("</table>");
    out += tr("<h4>Zoom</h4>"
              "<p>The diagram opens fitted to its pane and follows the pane's size until you zoom (wheel, "
              "Zoom In/Out) or pan (drag); <b>Fit</b> (F) goes back to the whole diagram. Text that would be "
              "too small to read is left out: details first, then names; hover a box for all its facts.</p>"
              "<p>Twelve or more endpoints of one network, provider address or namespace stand in a grid, "
              "row by row in name order, then by IP address; the lines into a grid are bundled (see "
              "<i>Lines</i>): select a network, a load balancer or an endpoint to see its own single "
              "lines. Zoomed in on a diagram too big to read whole, "
              "the <b>overview</b> in the corner shows all of it with the part in view as a rectangle: "
              "click or drag there to move (\"Overview\" switches it off).</p>");
    return out;
}

TopologyLegend::TopologyLegend(QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("topologyLegend"));
    setWindowTitle(tr("Topology Legend"));
    auto* browser = new QTextBrowser(this);
    browser->setObjectName(QStringLiteral("topologyLegendText"));
    browser->setHtml(html());
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(browser);
    layout->addWidget(buttons);
    resize(620, 680);
}

} // namespace hcn::ui
