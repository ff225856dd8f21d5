// bench_topology: how long the topology dock takes to show a big host, and how smooth pan/zoom is.
//
// Workload: a real engine (EmbeddedApi) behind a HostMirror with 10 networks (8 L2Bridge with 500
// local endpoints each, 2 Overlay with 250 local + 250 remote endpoints behind 10 provider addresses
// each) = 5,000 endpoints, 200 namespaces holding 2 endpoints each, and 500 load balancers with 4
// backends each. Aggregation is off, so every endpoint is a node (5,711 nodes).
//
// Reported: graph build (on the build thread), Graphviz layout (on the layout thread), the GUI thread's
// CPU time and longest stall, wall time from "rebuild" to layoutFinished; then frame times of a scripted
// pan/zoom sequence, each frame rendered through the view (levels of detail, BSP lookups) into a 1280x800
// QImage. --endpoints N scales every count of the workload by N/5000 (2000: 8 x 200 local, 2 x (100 + 100)
// overlay, 80 namespaces, 200 load balancers); --runs K lays the host out K times and reports the median.
// Usage:
//   bench_topology [--aggregate N] [--endpoints N] [--runs K] [--png overview.png]

#include "gui_stall_probe.h"
#include "hcn/embedded_api.h"
#include "hcn/guid.h"
#include "models/current_selection.h"
#include "models/host_mirror.h"
#include "qt_documents.h"
#include "topology/topology_diagram.h"
#include "topology/topology_dock.h"
#include "topology/topology_minimap.h"
#include "topology/topology_scene.h"
#include "topology/topology_view.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTextStream>
#include <algorithm>
#include <cstdio>
#include <ctime>

using hcn::ResourceKind;

using hcntest::text;
using hcntest::v2;

namespace {

constexpr int kLocalNetworks = 8;
constexpr int kOverlayNetworks = 2;
constexpr int kBaseEndpointsPerLocalNetwork = 500;
constexpr int kBaseLocalPerOverlay = 250;
constexpr int kBaseRemotePerOverlay = 250;
constexpr int kProviderAddresses = 10;
constexpr int kBaseNamespaces = 200;
constexpr int kBaseLoadBalancers = 500;
constexpr int kBackendsPerLoadBalancer = 4;

class Populator
{
public:
    explicit Populator(hcn::Api& api) : m_api(api) {}

    QString create(ResourceKind kind, const QJsonObject& doc, hcn::Handle network = 0)
    {
        auto handle = m_api.create(kind, hcn::Guid(), text(doc), network);
        if (!handle.ok()) {
            std::fprintf(stderr, "create failed: %s\n", handle.status().message().c_str());
            std::exit(2);
        }
        auto id = m_api.handleId(kind, *handle);
        if (kind != ResourceKind::Network)
            (void)m_api.close(kind, *handle);
        else
            m_networkHandles.insert(QString::fromStdString(id->toString()).toUpper(), *handle);
        return QString::fromStdString(id->toString()).toUpper();
    }
    QString network(const QString& name, const QString& type, const QString& prefix, const QString& gateway)
    {
        return create(ResourceKind::Network, hcntest::networkDocument(name, type, prefix, gateway));
    }
    QString endpoint(const QString& networkId, const QJsonObject& doc)
    {
        return create(ResourceKind::Endpoint, v2(doc), m_networkHandles.value(networkId));
    }
    void attach(const QString& namespaceId, const QString& endpointId)
    {
        auto ns = m_api.open(ResourceKind::Namespace, *hcn::Guid::parse(namespaceId.toStdString()));
        (void)m_api.modify(ResourceKind::Namespace, *ns,
                           text({{"ResourceType", "Endpoint"},
                                 {"RequestType", "Add"},
                                 {"Settings", QJsonObject{{"EndpointId", endpointId}}}}));
        (void)m_api.close(ResourceKind::Namespace, *ns);
    }

private:
    hcn::Api& m_api;
    QHash<QString, hcn::Handle> m_networkHandles;
};

void populate(hcn::Api& api, double scale)
{
    // Named like constants: the counts of this run.
    const int kEndpointsPerLocalNetwork = qMax(1, qRound(kBaseEndpointsPerLocalNetwork * scale));
    const int kLocalPerOverlay = qMax(1, qRound(kBaseLocalPerOverlay * scale));
    const int kRemotePerOverlay = qMax(1, qRound(kBaseRemotePerOverlay * scale));
    const int kNamespaces = qRound(kBaseNamespaces * scale);
    const int kLoadBalancers = qRound(kBaseLoadBalancers * scale);
    Populator p(api);
    QStringList local;
    QList<QStringList> byNetwork;
    for (int n = 0; n < kLocalNetworks; ++n) {
        const QString id =
            p.network(QStringLiteral("l2-%1").arg(n), "L2Bridge", QStringLiteral("10.%1.0.0/20").arg(n),
                      QStringLiteral("10.%1.0.1").arg(n));
        QStringList eps;
        for (int e = 0; e < kEndpointsPerLocalNetwork; ++e)
            eps.append(p.endpoint(
                id, {{"Name", QStringLiteral("pod-%1-%2").arg(n).arg(e)}, {"HostComputeNetwork", id}}));
        local.append(eps);
        byNetwork.append(eps);
    }
    for (int n = 0; n < kOverlayNetworks; ++n) {
        const QString id =
            p.network(QStringLiteral("vxlan-%1").arg(n), "Overlay",
                      QStringLiteral("10.%1.0.0/20").arg(100 + n), QStringLiteral("10.%1.0.1").arg(100 + n));
        QStringList eps;
        for (int e = 0; e < kLocalPerOverlay; ++e)
            eps.append(p.endpoint(
                id, {{"Name", QStringLiteral("ov-%1-%2").arg(n).arg(e)}, {"HostComputeNetwork", id}}));
        for (int e = 0; e < kRemotePerOverlay; ++e) {
            const QString ip = QStringLiteral("10.%1.%2.%3").arg(100 + n).arg(8 + e / 200).arg(2 + e % 200);
            const QString pa = QStringLiteral("192.168.0.%1").arg(10 + e % kProviderAddresses);
            p.endpoint(id, {{"Flags", 1},
                            {"HostComputeNetwork", id},
                            {"IpConfigurations", QJsonArray{QJsonObject{{"IpAddress", ip}}}},
                            {"Policies",
                             QJsonArray{QJsonObject{{"Type", "ProviderAddress"},
                                                    {"Settings", QJsonObject{{"ProviderAddress", pa}}}}}}});
        }
        local.append(eps);
        byNetwork.append(eps);
    }
    for (int i = 0; i < kNamespaces; ++i) {
        const QString ns = p.create(ResourceKind::Namespace, v2({}));
        p.attach(ns, local.at(2 * i));
        p.attach(ns, local.at(2 * i + 1));
    }
    QRandomGenerator random(42);
    for (int i = 0; i < kLoadBalancers; ++i) {
        const QStringList& pool = byNetwork.at(i % byNetwork.size());
        QStringList backends;
        while (backends.size() < kBackendsPerLoadBalancer) {
            const QString pick = pool.at(random.bounded(int(pool.size())));
            if (!backends.contains(pick))
                backends.append(pick);
        }
        p.create(
            ResourceKind::LoadBalancer,
            v2({{"HostComputeEndpoints", QJsonArray::fromStringList(backends)},
                {"FrontendVIPs", QJsonArray{QStringLiteral("10.96.%1.%2").arg(i / 250).arg(i % 250 + 1)}},
                {"Flags", i % 5 == 0 ? 1 : 0},
                {"PortMappings",
                 QJsonArray{QJsonObject{{"Protocol", 6}, {"InternalPort", 8080}, {"ExternalPort", 80}}}}}));
    }
}

struct Stats
{
    double median = 0;
    double max = 0;
};

Stats stats(QList<double> values)
{
    if (values.isEmpty())
        return {};
    std::sort(values.begin(), values.end());
    return {values.at(values.size() / 2), values.back()};
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // never touch the user's console settings
    int aggregate = 0;
    int endpoints = 5000;
    int runs = 1;
    QString pngPath;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--aggregate"))
            aggregate = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--endpoints"))
            endpoints = qMax(100, args[i + 1].toInt());
        else if (args[i] == QLatin1String("--runs"))
            runs = qMax(1, args[i + 1].toInt());
        else if (args[i] == QLatin1String("--png"))
            pngPath = args[i + 1];
    }
    QTextStream out(stdout);

    QElapsedTimer timer;
    timer.start();
    auto api = std::make_shared<hcn::EmbeddedApi>();
    populate(*api, endpoints / 5000.0);
    hcn::ui::HostMirror mirror;
    if (!mirror.attach(api).ok())
        return 2;
    out << "populate + mirror attach: " << timer.elapsed() << " ms\n";

    hcn::ui::CurrentSelection selection;
    hcn::ui::TopologyDock dock(&mirror, &selection);
    dock.resize(1280, 840);
    dock.show();
    auto* diagram = dock.diagram();
    diagram->setAggregateThreshold(aggregate);

    hcntest::GuiStallProbe probe;
    timer.restart();
    probe.start();
    const double guiCpuStart = hcntest::threadCpuMilliseconds();
    diagram->rebuildNow();
    const qint64 rebuildMs = timer.elapsed();
    if (!dock.waitForLayout(120000)) {
        out << "layout timed out\n";
        return 1;
    }
    const qint64 wallMs = timer.elapsed();
    const double guiCpuMs = hcntest::threadCpuMilliseconds() - guiCpuStart;
    probe.stop();
    out << "nodes " << dock.scene()->nodeItemCount() << ", edges " << dock.scene()->edgeItemCount()
        << ", aggregate threshold " << aggregate << "\n";
    out << "edge crossings " << dock.scene()->edgeCrossingCount() << " (counted after the timing)\n";
    out << "first layout: wall " << wallMs << " ms (rebuildNow() returned after " << rebuildMs
        << " ms; graph build on the build thread " << diagram->lastBuildMs() << " ms, "
        << hcn::ui::topologyLayoutEngineName(diagram->lastLayoutEngine()) << " on the layout thread "
        << diagram->lastLayoutMs() << " ms); GUI thread cpu " << qRound(guiCpuMs) << " ms, longest stall "
        << qRound(probe.longestGapMs()) << " ms (" << qRound(probe.cpuInLongestGapMs()) << " ms of it cpu)\n";
    out << "line routing on the layout thread: " << dock.scene()->lastRouteMs() << " ms, "
        << dock.scene()->lastRouteBent() << " lines bent, " << dock.scene()->lastRouteFallbacks()
        << " left over a box (no way round)\n";

    // Further layouts of the same host from scratch (Re-layout): the median is less at the mercy of
    // other work on a shared machine.
    QList<double> layoutWall{double(wallMs)}, layoutThread{double(diagram->lastLayoutMs())},
        routeThread{double(dock.scene()->lastRouteMs())}, layoutCpu{guiCpuMs},
        buildThread{double(diagram->lastBuildMs())}, stalls{probe.longestGapMs()};
    for (int run = 1; run < runs; ++run) {
        timer.restart();
        probe.start();
        const double cpuStart = hcntest::threadCpuMilliseconds();
        diagram->relayout();
        if (!dock.waitForLayout(120000)) {
            out << "layout timed out\n";
            return 1;
        }
        layoutWall.append(double(timer.elapsed()));
        layoutCpu.append(hcntest::threadCpuMilliseconds() - cpuStart);
        probe.stop();
        layoutThread.append(double(diagram->lastLayoutMs()));
        routeThread.append(double(dock.scene()->lastRouteMs()));
        buildThread.append(double(diagram->lastBuildMs()));
        stalls.append(probe.longestGapMs());
    }
    if (runs > 1)
        out << "layout from scratch, median of " << runs << ": wall " << stats(layoutWall).median
            << " ms, layout thread " << stats(layoutThread).median << " ms (max " << stats(layoutThread).max
            << " ms); GUI thread cpu median " << stats(layoutCpu).median << " ms (max "
            << stats(layoutCpu).max << " ms), longest stall median " << stats(stalls).median << " ms (max "
            << stats(stalls).max << " ms); graph build on the build thread median "
            << stats(buildThread).median << " ms; line routing median " << stats(routeThread).median
            << " ms\n";

    // What a change of the mirror pays while the build thread holds its objects: the hash detaches.
    {
        QList<double> detach;
        for (int i = 0; i < 5; ++i) {
            QHash<QString, hcn::ui::MirrorObject> copy = mirror.content().objects;
            QElapsedTimer t;
            t.start();
            copy.detach();
            detach.append(t.nsecsElapsed() / 1e6);
        }
        out << "copying the mirror's object hash (" << mirror.content().objects.size()
            << " objects; a change while a graph is being built): median " << stats(detach).median << " ms\n";
    }

    if (!pngPath.isEmpty() && !dock.exportPng(pngPath))
        out << "could not write " << pngPath << "\n";

    // Scripted pan/zoom: fit (everything visible), then zoom in around several spots and pan.
    hcn::ui::TopologyView* view = dock.view();
    QImage frame(view->viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    const QRectF content = dock.scene()->sceneRect();
    QList<double> overview, medium, close;
    QList<double> overviewCpu, mediumCpu, closeCpu;
    auto renderFrame = [&](QList<double>& bucket) {
        QList<double>& cpuBucket = &bucket == &overview ? overviewCpu
                                   : &bucket == &medium ? mediumCpu
                                                        : closeCpu;
        QElapsedTimer t;
        t.start();
        const double cpu = hcntest::threadCpuMilliseconds();
        QPainter painter(&frame);
        view->render(&painter, QRectF(), view->viewport()->rect());
        painter.end();
        bucket.append(t.nsecsElapsed() / 1e6);
        cpuBucket.append(hcntest::threadCpuMilliseconds() - cpu);
    };
    for (int round = 0; round < 3; ++round) {
        view->fitToContents();
        for (int i = 0; i < 5; ++i)
            renderFrame(overview);
        for (int spot = 0; spot < 6; ++spot) {
            const QPointF centre(content.left() + content.width() * (0.15 + 0.14 * spot),
                                 content.top() + content.height() * (0.2 + 0.11 * spot));
            for (qreal zoom : {0.1, 0.25, 0.5}) {
                view->setZoom(zoom);
                view->centerOn(centre);
                renderFrame(medium);
            }
            for (qreal zoom : {1.0, 1.5}) {
                view->setZoom(zoom);
                view->centerOn(centre);
                renderFrame(close);
                // Pan at this zoom: a few steps to the right and down.
                for (int step = 1; step <= 3; ++step) {
                    view->centerOn(centre + QPointF(step * 200.0, step * 120.0));
                    renderFrame(close);
                }
            }
        }
    }
    auto report = [&](const char* what, const QList<double>& wall, const QList<double>& cpu) {
        const Stats w = stats(wall), c = stats(cpu);
        out << QStringLiteral(
                   "frames %1: wall median %2 ms max %3 ms; cpu median %4 ms max %5 ms (%6 frames)\n")
                   .arg(QLatin1String(what))
                   .arg(w.median, 0, 'f', 1)
                   .arg(w.max, 0, 'f', 1)
                   .arg(c.median, 0, 'f', 1)
                   .arg(c.max, 0, 'f', 1)
                   .arg(wall.size());
    };
    // The overview: rendering its cached picture of the whole drawing, and painting it with the
    // rectangle (what every pan and zoom costs).
    view->setZoom(1.0); // reading part of the drawing: the overview shows
    hcn::ui::TopologyMinimap* minimap = dock.minimap();
    QList<double> minimapRender, minimapPaint;
    if (minimap->isVisible()) {
        for (int i = 0; i < 5; ++i) {
            QElapsedTimer t;
            t.start();
            minimap->refreshNow();
            minimapRender.append(t.nsecsElapsed() / 1e6);
            t.restart();
            (void)minimap->grab();
            minimapPaint.append(t.nsecsElapsed() / 1e6);
        }
        out << "overview " << minimap->width() << "x" << minimap->height() << ": picture render median "
            << stats(minimapRender).median << " ms, paint median " << stats(minimapPaint).median << " ms\n";
    } else {
        out << "overview hidden (the drawing can be read whole)\n";
    }
    out << "frame size " << frame.width() << "x" << frame.height() << "\n";
    report("overview (fit)", overview, overviewCpu);
    report("zoom 0.1-0.5", medium, mediumCpu);
    report("zoom 1.0-1.5 + pans", close, closeCpu);
    return 0;
}
