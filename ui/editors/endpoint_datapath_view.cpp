#include "editors/endpoint_datapath_view.h"

#include "editors/hcn_calls.h"
#include "models/api_worker.h"
#include "models/host_mirror.h"

#include <QStringList>

namespace hcn::ui {
namespace {

QString counted(const QJsonObject& stats, const char* bytesKey, const char* packetsKey)
{
    return EndpointDatapathView::tr("%1 bytes, %2 packets")
        .arg(QString::number(stats.value(QLatin1String(bytesKey)).toInteger()),
             QString::number(stats.value(QLatin1String(packetsKey)).toInteger()));
}

} // namespace

EndpointDatapathView::EndpointDatapathView(HostMirror* mirror, QWidget* parent)
    : QLabel(parent), m_mirror(mirror)
{
    setObjectName(QStringLiteral("endpointDatapath"));
    setTextFormat(Qt::PlainText);
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse); // names to copy into a shell
    m_timer.setInterval(2000);
    connect(&m_timer, &QTimer::timeout, this, &EndpointDatapathView::request);
    hide();
}

void EndpointDatapathView::showEndpoint(const QString& id)
{
    // An offline snapshot records documents, not a datapath: nothing live to show.
    const bool live = !id.isEmpty() && m_mirror->worker() && !m_mirror->info().readOnly;
    const QString shown = live ? id : QString();
    if (shown == m_id)
        return;
    m_id = shown;
    m_inFlight = false; // a reply still on its way is for another endpoint: present() drops it
    if (m_id.isEmpty()) {
        m_timer.stop();
        setPlain({});
        hide();
        return;
    }
    setPlain(tr("Datapath: reading\u2026"));
    show();
    m_timer.start();
    request();
}

void EndpointDatapathView::showEvent(QShowEvent* event)
{
    QLabel::showEvent(event);
    if (!m_id.isEmpty() && !m_timer.isActive()) {
        m_timer.start();
        request(); // back in view: the counters may be old
    }
}

void EndpointDatapathView::hideEvent(QHideEvent* event)
{
    QLabel::hideEvent(event);
    m_timer.stop(); // nobody reads them: no calls
}

void EndpointDatapathView::request()
{
    ApiWorker* worker = m_mirror->worker();
    if (m_id.isEmpty() || m_inFlight || !worker || !isVisible())
        return;
    m_inFlight = true;
    const QString id = m_id;
    worker->call(
        this, [id](Api& api) { return HcnCalls::endpointStats(&api, id); },
        [this, id](Result<QJsonObject> stats) {
            if (id != m_id)
                return; // the selection moved on while the call was on its way
            m_inFlight = false;
            present(stats);
            emit refreshed(id);
        });
}

void EndpointDatapathView::present(const Result<QJsonObject>& stats)
{
    if (!stats.ok()) {
        setPlain(
            tr("Datapath: no counters to show: %1").arg(QString::fromStdString(stats.status().message())));
        return;
    }
    const QJsonObject& doc = *stats;
    const QJsonObject datapath = doc.value(QStringLiteral("Datapath")).toObject();
    QStringList lines;
    const QString backend = datapath.value(QStringLiteral("Backend")).toString();
    lines << (backend.isEmpty() ? tr("Datapath: not reported by this host")
                                : tr("Datapath: %1").arg(backend));
    const QString hostInterface = datapath.value(QStringLiteral("HostInterface")).toString();
    const QString ns = datapath.value(QStringLiteral("Namespace")).toString();
    const QString inside = datapath.value(QStringLiteral("Interface")).toString();
    const bool attached = datapath.value(QStringLiteral("Attached")).toBool(true);
    if (!attached) {
        lines << tr("Not attached to a namespace: it has no interface yet and nothing is counted.");
        if (!hostInterface.isEmpty())
            lines << tr("Host interface once attached: %1").arg(hostInterface);
        setPlain(lines.join(QLatin1Char('\n')));
        return;
    }
    if (!hostInterface.isEmpty())
        lines << tr("Host interface: %1").arg(hostInterface);
    if (!ns.isEmpty())
        lines << tr("Namespace: %1").arg(ns);
    if (!inside.isEmpty())
        lines << tr("Interface in the namespace: %1").arg(inside);
    if (!backend.isEmpty() && hostInterface.isEmpty() && ns.isEmpty())
        lines << tr("This datapath names no host interfaces.");
    if (!doc.contains(QStringLiteral("BytesReceived"))) {
        lines << tr("This datapath keeps no counters for the endpoint.");
    } else {
        lines << tr("Received: %1").arg(counted(doc, "BytesReceived", "PacketsReceived"));
        lines << tr("Sent: %1").arg(counted(doc, "BytesSent", "PacketsSent"));
        lines << tr("Dropped: %1 incoming, %2 outgoing")
                     .arg(QString::number(doc.value(QStringLiteral("DroppedPacketsIncoming")).toInteger()),
                          QString::number(doc.value(QStringLiteral("DroppedPacketsOutgoing")).toInteger()));
    }
    setPlain(lines.join(QLatin1Char('\n')));
}

void EndpointDatapathView::setPlain(const QString& text)
{
    m_plain = text;
    setText(text);
}

} // namespace hcn::ui
