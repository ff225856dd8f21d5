// bench_checks_dock: what the console's health checks cost the GUI thread on a big host.
//
// Workload: one overlay network (10.244.0.0/16) with N endpoints (default 10,000) in an embedded engine,
// every fifth attached to its own namespace, so the other four fifths are leaked endpoints (EP-LEAKED):
// about 0.8 N findings, the rows and tree badges are real work. The Checks dock and the resource tree
// model follow the mirror as in the console. Measured, median of R runs (default 5):
//   first check   from the mirror showing the host until the findings are (the full check runs on its
//                 own thread; the attach itself is bench_tree_load's)
//   stall         during that: the longest gap between ticks of a 1 ms timer on the GUI thread
//   copy          taking the host the full check starts from (HostState::shared(), the GUI thread's share)
//   event         one endpoint created or deleted, from the mirror's batch until the rows, counts and
//                 tree badges show it (apply to the checks' copy, HealthChecker::update and the diff on
//                 the checks' thread; row merge and badge repaint on the GUI thread): median and p99
//                 over 2 E events (E default 200), and the GUI thread's share of it
//
//   bench_checks_dock [--endpoints N] [--runs R] [--events E]

#include "../bench_timing.h"
#include "gui_stall_probe.h"
#include "hcn/embedded_api.h"
#include "models/check_findings_model.h"
#include "models/console_resources.h"
#include "models/current_selection.h"
#include "models/host_checks.h"
#include "models/host_mirror.h"
#include "models/resource_tree_model.h"
#include "overlay_host.h"
#include "widgets/checks_dock.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

using hcn::ResourceKind;
using hcnbench::median;
using hcnbench::percentile;

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    hcn::ui::initConsoleResources();
    int endpoints = 10000;
    int runs = 5;
    int events = 200;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == "--endpoints")
            endpoints = args[i + 1].toInt();
        else if (args[i] == "--runs")
            runs = args[i + 1].toInt();
        else if (args[i] == "--events")
            events = args[i + 1].toInt();
    }
    if (endpoints < 10 || runs < 1 || events < 1) {
        std::fprintf(stderr, "usage: bench_checks_dock [--endpoints N>=10] [--runs R>=1] [--events E>=1]\n");
        return 2;
    }
    std::printf("building a host with %d endpoints...\n", endpoints);
    bench::OverlayHost host;
    host.populate(0, endpoints, false);

    std::vector<double> firstCheck, stalls, stallCpu, copies, eventTimes, guiTimes;
    std::size_t findings = 0;
    for (int run = 0; run < runs; ++run) {
        hcn::ui::HostMirror mirror;
        hcn::ui::CurrentSelection selection;
        hcn::ui::ResourceTreeModel tree(&mirror);
        hcn::ui::ChecksDock dock(&mirror, &selection);
        QObject::connect(dock.checks(), &hcn::ui::HostChecks::badgesChanged, &tree,
                         &hcn::ui::ResourceTreeModel::updateFindingBadges);
        dock.resize(1000, 400);
        dock.show();
        hcntest::GuiStallProbe probe;
        bool shown = false;
        QObject::connect(dock.checks(), &hcn::ui::HostChecks::findingsChanged, [&] { shown = true; });
        if (!mirror.attach(host.api).ok())
            return 1;
        // The attach itself (snapshot, parse) is bench_tree_load's; the stall is measured from here.
        probe.start();
        while (!shown || dock.checks()->isChecking())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        firstCheck.push_back(probe.elapsedMs());
        probe.stop();
        stalls.push_back(probe.longestGapMs());
        stallCpu.push_back(probe.cpuInLongestGapMs());
        findings = dock.checks()->findings()->size();
        if (run == 0) {
            std::map<std::string, int> perRule;
            for (const auto& f : *dock.checks()->findings())
                ++perRule[f->ruleId];
            for (const auto& [rule, count] : perRule)
                std::printf("  %s: %d\n", rule.c_str(), count);
        }

        QElapsedTimer copyTimer;
        copyTimer.start();
        const hcn::SharedHostObjects taken = mirror.hostState().shared();
        copies.push_back(double(copyTimer.nsecsElapsed()) / 1e6);

        if (run == 0) {
            // One endpoint created, then deleted: each event from the mirror's batch until the findings
            // (rows, counts, tree badges) show it, and the GUI thread's part of that.
            auto oneEvent = [&](auto change) {
                change();
                host.api->engine().drainNotifications();
                mirror.flushPending();
                const int before = dock.checks()->updateCount();
                QElapsedTimer latency;
                latency.start();
                dock.checks()->flush();
                qint64 gui_ns = 0; // the GUI thread's share: taking the result (rows, counts, badges)
                while (dock.checks()->updateCount() == before) {
                    QElapsedTimer busy;
                    busy.start();
                    QCoreApplication::processEvents(QEventLoop::AllEvents);
                    gui_ns += busy.nsecsElapsed();
                    QThread::usleep(20);
                }
                eventTimes.push_back(double(latency.nsecsElapsed()) / 1e6);
                guiTimes.push_back(double(gui_ns) / 1e6);
            };
            for (int e = 0; e < events; ++e) {
                std::string id;
                oneEvent([&] { id = host.createEndpoint(endpoints + e); });
                oneEvent([&] { (void)host.api->remove(ResourceKind::Endpoint, *hcn::Guid::parse(id)); });
            }
        }
    }
    std::printf("findings: %zu\n", findings);
    std::printf("first check (attach -> findings shown): median %.1f ms\n", median(firstCheck));
    std::printf("longest GUI stall meanwhile:            median %.1f ms (GUI-thread CPU in it %.1f ms)\n",
                median(stalls), median(stallCpu));
    std::printf("host taken on the GUI thread (shared()): median %.2f ms\n", median(copies));
    std::printf("one event until shown:                  median %.2f ms, p99 %.2f ms (%zu events)\n",
                median(eventTimes), percentile(eventTimes, 0.99), eventTimes.size());
    std::printf("  of which on the GUI thread:           median %.2f ms, p99 %.2f ms\n", median(guiTimes),
                percentile(guiTimes, 0.99));
    return 0;
}
