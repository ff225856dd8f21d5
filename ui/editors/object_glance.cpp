#include "editors/object_glance.h"

#include "hcn/dump_import.h"
#include "hcn/network_endpoint_count.h"
#include "models/core_text.h"
#include "models/current_selection.h"
#include "models/host_mirror.h"
#include "models/object_summary.h"
#include "models/plain_words.h"

#include <QJsonArray>
#include <QTextDocument>

namespace hcn::ui {
namespace {

constexpr int kMaxLinks = 8; ///< members listed by name; the rest are counted

QString row(const QString& label, const QString& html)
{
    return QStringLiteral("<tr><td style='color:gray; padding-right:6px'>%1</td><td>%2</td></tr>")
        .arg(label.toHtmlEscaped(), html);
}

QString escapedList(const QStringList& items)
{
    QStringList escaped;
    for (const QString& item : items)
        escaped << item.toHtmlEscaped();
    return escaped.join(QLatin1String(", "));
}

QStringList gateways(const QJsonObject& network)
{
    QStringList hops;
    for (const QJsonValue& ipam : network.value(QLatin1String("Ipams")).toArray())
        for (const QJsonValue& subnet : ipam.toObject().value(QLatin1String("Subnets")).toArray())
            for (const QJsonValue& route : subnet.toObject().value(QLatin1String("Routes")).toArray()) {
                const QString hop = route.toObject().value(QLatin1String("NextHop")).toString();
                if (!hop.isEmpty() && !hops.contains(hop))
                    hops << hop;
            }
    return hops;
}

} // namespace

ObjectGlance::ObjectGlance(HostMirror* mirror, CurrentSelection* selection, QWidget* parent)
    : QLabel(parent), m_mirror(mirror), m_selection(selection)
{
    setObjectName(QStringLiteral("objectGlance"));
    setTextFormat(Qt::RichText);
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse |
                            Qt::LinksAccessibleByKeyboard);
    setToolTip(tr("The object at a glance: click a name to select that object."));
    connect(this, &QLabel::linkActivated, this, [this](const QString& href) {
        if (href.startsWith(QLatin1String("object:")))
            m_selection->setIds({href.mid(7)}, this);
    });
}

QString ObjectGlance::nameOf(const QString& id) const
{
    const MirrorObject* o = m_mirror->object(id);
    if (!o)
        return tr("unknown %1").arg(id);
    if (!o->name.isEmpty())
        return o->name;
    return tr("%1 %2").arg(kindName(o->kind).toLower(), id.left(8));
}

QString ObjectGlance::link(const QString& id)
{
    if (!m_mirror->object(id))
        return nameOf(id).toHtmlEscaped();
    m_links << id;
    return QStringLiteral("<a href='object:%1'>%2</a>").arg(id, nameOf(id).toHtmlEscaped());
}

void ObjectGlance::setImportReport(const std::shared_ptr<const io::ImportReport>& report)
{
    m_madeUpIds.clear();
    if (report)
        for (const io::ImportedObject& object : report->objects)
            if (object.idMadeUp)
                m_madeUpIds.insert(QString::fromStdString(object.id).toUpper());
}

void ObjectGlance::showTitle(const QString& title)
{
    m_links.clear();
    setText(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()));
}

void ObjectGlance::showObject(ResourceKind kind, const QString& id, const QJsonObject& document)
{
    m_links.clear();
    const QString name = document.value(QLatin1String("Name")).toString();
    QString state = words::state(document);
    if (kind == ResourceKind::GuestNetworkService && !document.value(QLatin1String("State")).isString())
        state.clear(); // its own state numbers, not the common ones
    QString title = QStringLiteral("<b>%1</b> &nbsp;%2")
                        .arg((name.isEmpty() ? tr("(unnamed)") : name).toHtmlEscaped(), kindName(kind));
    if (!state.isEmpty())
        title += QStringLiteral(" \u00b7 ") + state.toHtmlEscaped();
    QString rows;
    auto members = [this](const QStringList& ids) {
        QStringList links;
        for (const QString& member : m_mirror->idsByName(ids).mid(0, kMaxLinks))
            links << link(member);
        QString html = links.join(QLatin1String(", "));
        if (ids.size() > kMaxLinks)
            html += tr(" and %n more", nullptr, int(ids.size() - kMaxLinks));
        return html.isEmpty() ? tr("none") : html;
    };

    switch (kind) {
    case ResourceKind::Endpoint: {
        const QStringList ips = summary::endpointAddresses(document);
        if (!ips.isEmpty())
            rows += row(tr("IP"), escapedList(ips));
        const QString mac = summary::endpointMac(document);
        if (!mac.isEmpty())
            rows += row(tr("MAC"), mac.toHtmlEscaped());
        const QString network = summary::endpointNetwork(document);
        if (!network.isEmpty())
            rows += row(tr("Network"), link(network));
        const QString ns = summary::endpointNamespace(document);
        rows += row(tr("Namespace"), ns.isEmpty() ? tr("not attached") : link(ns));
        if (summary::endpointIsRemote(document))
            rows +=
                row(tr("Remote"),
                    tr("on the node at %1").arg(summary::endpointProviderAddress(document)).toHtmlEscaped());
        break;
    }
    case ResourceKind::Network: {
        QString type = summary::networkType(document);
        const QString adapter = document.value(QLatin1String("NetworkAdapterName")).toString();
        rows += row(tr("Type"), type.toHtmlEscaped());
        const QStringList prefixes = summary::networkPrefixes(document);
        if (!prefixes.isEmpty())
            rows += row(tr("Subnets"), escapedList(prefixes));
        const QStringList hops = gateways(document);
        if (!hops.isEmpty())
            rows += row(tr("Gateway"), escapedList(hops));
        if (!adapter.isEmpty())
            rows += row(tr("Adapter"), adapter.toHtmlEscaped());
        const QStringList endpoints = m_mirror->endpointIdsOfNetwork(id);
        QString html = members(endpoints);
        // A dump of networks alone holds none of their endpoints: say what the host had.
        if (const HostObject* object = m_mirror->hostState().find(id.toStdString())) {
            const NetworkEndpointCount count =
                networkEndpointCount(*object->document, std::size_t(endpoints.size()));
            if (count.hostHadMore())
                html = (endpoints.isEmpty() ? tr("none in the snapshot") : html) + QLatin1Char(' ') +
                       tr("(%n on the host)", nullptr, int(*count.onHost)).toHtmlEscaped();
        }
        rows += row(tr("Endpoints"), html);
        break;
    }
    case ResourceKind::Namespace: {
        rows += row(tr("Type"), summary::namespaceType(document).toHtmlEscaped());
        // An imported namespace's members the dump showed without naming them (docs/import.md).
        int unnamed = 0;
        for (const QJsonValue& resource :
             document.value(QLatin1String("_v1")).toObject().value(QLatin1String("ResourceList")).toArray())
            unnamed +=
                resource.toObject().value(QLatin1String("Type")).toString() == QLatin1String("Endpoint");
        const QStringList named = m_mirror->endpointIdsOfNamespace(id);
        QString html = named.isEmpty() && unnamed > 0 ? QString() : members(named);
        if (unnamed > 0)
            html += (html.isEmpty() ? QString() : QStringLiteral(", ")) +
                    tr("%n the dump does not name", nullptr, unnamed).toHtmlEscaped();
        rows += row(tr("Endpoints"), html);
        break;
    }
    case ResourceKind::LoadBalancer: {
        const QStringList vips = summary::loadBalancerVips(document);
        rows += row(tr("VIPs"), vips.isEmpty() ? tr("none") : escapedList(vips));
        const QString ports = summary::loadBalancerPorts(document);
        if (!ports.isEmpty())
            rows += row(tr("Ports"), ports.toHtmlEscaped());
        if (summary::loadBalancerIsDsr(document))
            rows += row(tr("Mode"), tr("Direct server return"));
        rows += row(tr("Backends"), members(summary::loadBalancerBackends(document)));
        break;
    }
    default:
        break;
    }
    const QStringList policies = words::policies(document);
    if (!policies.isEmpty()) {
        QStringList lines;
        for (const QString& line : policies)
            lines << line.toHtmlEscaped();
        rows += row(tr("Policies"), lines.join(QLatin1String("<br>")));
    }
    QString idLine = id.toHtmlEscaped();
    if (m_madeUpIds.contains(id.toUpper()))
        idLine += tr(" (made up by the import: the dump does not show this object's ID)").toHtmlEscaped();
    setText(
        QStringLiteral("%1<br><span style='color:gray'>%2</span><table>%3</table>").arg(title, idLine, rows));
}

QString ObjectGlance::plainText() const
{
    QTextDocument document;
    document.setHtml(text());
    return document.toPlainText();
}

} // namespace hcn::ui
