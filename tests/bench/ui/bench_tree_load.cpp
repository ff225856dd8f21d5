// bench_tree_load: how long the console takes to show a big host.
//
// Workload: one overlay network (10.244.0.0/16, a 65,536-address MAC pool) with N endpoints (default 10,000),
// N/5 of them attached to their own namespace, N/100 ClusterIP load balancers with 10 backends each, in an
// embedded engine. Measured, median of R runs (default 5):
//   attach        HostMirror::attach() alone (snapshot, parse), for reference
//   attach+model  HostMirror::attach() until ResourceTreeModel is populated (target <= 1 s for 10,000)
//   attach+dock   the same with the ResourceTreeDock (filter proxy, sorted tree view) shown offscreen
//   stall         during attach+dock and 300 ms after it: the longest gap between ticks of a 1 ms timer
//                 on the GUI thread (the one step there: the mirror takes the loaded host, the model and
//                 view reset; on a big host the groups unfold in the following turns), with
//                 the tree built on the worker (as the console does) and, for comparison, on the GUI
//                 thread in that step (HostMirror::setPreparesResourceTree(false)); each also with an
//                 endpoint selected before the attach (restored afterwards: its network is sorted and
//                 unfolded), and when the same host replaces itself (a host switch: the previous tree and
//                 objects go away in that step too)
//   batch         N endpoints created after attach, applied as one mirror batch (mirror alone, and with
//                 the model: one insert under the network)
//
//   bench_tree_load [--endpoints N] [--runs R]

#include "gui_stall_probe.h"
#include "hcn/embedded_api.h"
#include "models/console_resources.h"
#include "models/current_selection.h"
#include "models/host_mirror.h"
#include "models/resource_tree_model.h"
#include "overlay_host.h"
#include "widgets/resource_tree_dock.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <QTreeView>
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

using hcn::ResourceKind;

namespace {

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

int rowsBelow(const QAbstractItemModel& model, const QModelIndex& parent = {})
{
    int rows = model.rowCount(parent);
    for (int row = 0; row < model.rowCount(parent); ++row)
        rows += rowsBelow(model, model.index(row, 0, parent));
    return rows;
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    hcn::ui::initConsoleResources();
    int endpoints = 10000;
    int runs = 5;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == "--endpoints")
            endpoints = args[i + 1].toInt();
        else if (args[i] == "--runs")
            runs = args[i + 1].toInt();
    }
    if (endpoints < 10 || runs < 1) {
        std::fprintf(stderr, "usage: bench_tree_load [--endpoints N>=10] [--runs R>=1]\n");
        return 2;
    }

    std::printf("building a host with %d endpoints...\n", endpoints);
    bench::OverlayHost host;
    host.populate(0, endpoints, true);
    const auto counts = host.api->engine().counts();
    std::printf("host: %zu endpoints, %zu namespaces, %zu load balancers\n", counts.endpoints,
                counts.namespaces, counts.loadBalancers);

    std::vector<double> mirrorOnly, modelOnly, withDock;
    // Tree on the worker / on the GUI thread, each without / with a selection; a host switch.
    std::vector<double> stalls[5], stallCpu[5];
    // An endpoint in the middle of the name order: selected before the attach, restored after it.
    const QString selectedId = [&] {
        hcn::ui::HostMirror mirror;
        if (!mirror.attach(host.api).ok())
            return QString();
        const auto all = mirror.objects(ResourceKind::Endpoint);
        return all.at(all.size() / 2)->id;
    }();
    int rows = 0;
    for (int run = 0; run < runs; ++run) {
        {
            hcn::ui::HostMirror mirror;
            QElapsedTimer timer;
            timer.start();
            if (!mirror.attach(host.api).ok())
                return 1;
            mirrorOnly.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        {
            hcn::ui::HostMirror mirror;
            hcn::ui::ResourceTreeModel model(&mirror);
            QElapsedTimer timer;
            timer.start();
            if (!mirror.attach(host.api).ok())
                return 1;
            modelOnly.push_back(double(timer.nsecsElapsed()) / 1e6);
            rows = rowsBelow(model);
        }
        for (int variant = 0; variant < 5; ++variant) {
            const bool onWorker = variant < 2 || variant == 4;
            const bool selected = variant % 2 == 1;
            const bool switching = variant == 4;
            hcn::ui::HostMirror mirror;
            hcn::ui::CurrentSelection selection;
            hcn::ui::ResourceTreeDock dock(&mirror, &selection);
            mirror.setPreparesResourceTree(onWorker);
            if (selected)
                selection.setIds({selectedId});
            if (switching && !mirror.attach(host.api).ok())
                return 1;
            dock.resize(600, 900);
            dock.show();
            hcntest::GuiStallProbe probe;
            probe.start();
            if (!mirror.attach(host.api).ok())
                return 1;
            QCoreApplication::processEvents(); // the view lays out and paints the first screen
            if (variant == 0)
                withDock.push_back(probe.elapsedMs());
            // What follows in later turns (groups unfolded, the selection revealed) counts too.
            QEventLoop settle;
            QTimer::singleShot(300, &settle, &QEventLoop::quit);
            settle.exec();
            probe.stop();
            stalls[std::size_t(variant)].push_back(probe.longestGapMs());
            stallCpu[std::size_t(variant)].push_back(probe.cpuInLongestGapMs());
            if (selected &&
                (selection.ids() != QStringList{selectedId} ||
                 dock.view()->currentIndex().data(hcn::ui::ResourceTreeModel::ObjectIdRole) != selectedId)) {
                std::fprintf(stderr, "selection lost\n");
                return 1;
            }
        }
    }

    std::vector<double> batchMirror, batchModel;
    for (int run = 0; run < runs; ++run) {
        for (bool withModel : {false, true}) {
            bench::OverlayHost fresh;
            hcn::ui::HostMirror mirror;
            std::unique_ptr<hcn::ui::ResourceTreeModel> model;
            if (withModel)
                model = std::make_unique<hcn::ui::ResourceTreeModel>(&mirror);
            if (!mirror.attach(fresh.api).ok())
                return 1;
            fresh.populate(0, endpoints, true); // queued in the mirror, not yet applied
            QElapsedTimer timer;
            timer.start();
            mirror.flushPending();
            (withModel ? batchModel : batchMirror).push_back(double(timer.nsecsElapsed()) / 1e6);
            if (model &&
                model->rowCount(model->index(0, 0, model->groupIndex(ResourceKind::Network))) != endpoints) {
                std::fprintf(stderr, "batch insert incomplete\n");
                return 1;
            }
        }
    }

    std::printf("tree rows: %d\n", rows);
    std::printf("attach        median %8.1f ms (runs: %d)\n", median(mirrorOnly), runs);
    std::printf("attach+model  median %8.1f ms\n", median(modelOnly));
    std::printf("attach+dock   median %8.1f ms\n", median(withDock));
    const char* stallNames[5] = {"stall", "stall+select", "stall-gui", "stall-gui+sel", "stall-switch"};
    for (std::size_t i = 0; i < 5; ++i)
        std::printf("%-13s median %8.1f ms, worst %.1f ms, GUI-thread CPU in it median %.1f ms (longest "
                    "GUI-thread gap during attach+dock%s%s)\n",
                    stallNames[i], median(stalls[i]), *std::max_element(stalls[i].begin(), stalls[i].end()),
                    median(stallCpu[i]),
                    i == 2 || i == 3 ? ", tree built on the GUI thread" : ", tree built on the worker",
                    i == 4       ? ", replacing the same host"
                    : i % 2 == 1 ? ", an endpoint selected"
                                 : "");
    std::printf("batch         median %8.1f ms (%d endpoints created after attach, one mirror batch)\n",
                median(batchMirror), endpoints);
    std::printf("batch+model   median %8.1f ms\n", median(batchModel));
    return 0;
}
