// bench_event_log: feeds notifications at a fixed rate (default 50,000/s for 10 s) into a real
// EventLogDock shown offscreen and measures what the user would feel: the longest GUI stall (largest
// gap between ticks of a 1 ms timer), the log's throughput, and memory at a full log (100,000 rows).
//
//   bench_event_log [--rate N] [--seconds S] [--capacity ROWS] [--filter TEXT] [--diffs]
//
// --diffs makes every endpoint modify change the endpoint created just before it (another address and
// port mapping), so the log diffs it against that document (what a live host's modifies cost).

#include "../process_memory.h"
#include "gui_stall_probe.h"
#include "models/event_filter_proxy.h"
#include "models/event_log_model.h"
#include "widgets/event_log_dock.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMainWindow>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <malloc.h>
#include <utility>
#include <vector>

namespace {

QString guid(int n)
{
    return QStringLiteral("%1-1D2C-4A5B-8C7D-%2")
        .arg(n, 8, 16, QLatin1Char('0'))
        .arg(n, 12, 16, QLatin1Char('0'))
        .toUpper();
}

/// A realistic mix: endpoint create/modify documents (~500 bytes), attach events, deletes, policies.
std::vector<hcn::Notification> templates(bool diffs)
{
    std::vector<hcn::Notification> out;
    const QString network = guid(0xFFFF);
    for (int i = 0; i < 1000; ++i) {
        hcn::Notification n;
        QJsonObject data;
        // With diffs, a modify is about the endpoint created just before it, with other values.
        const int self = diffs && i % 5 == 1 ? i - 1 : i;
        const int port = diffs && i % 5 == 1 ? 9000 + i : 8080 + i;
        switch (i % 5) {
        case 0:
        case 1:
            n.type =
                i % 5 == 0 ? hcn::NotificationType::EndpointCreate : hcn::NotificationType::EndpointModify;
            data = QJsonObject{
                {"ID", guid(self)},
                {"Name", QStringLiteral("web-%1").arg(self)},
                {"HostComputeNetwork", network},
                {"IpConfigurations",
                 QJsonArray{
                     QJsonObject{{"IpAddress", QStringLiteral("10.1.%1.%2").arg(i / 250).arg(i % 250 + 2)},
                                 {"PrefixLength", 16}}}},
                {"MacAddress", QStringLiteral("00-15-5D-52-%1-%2")
                                   .arg(i / 256, 2, 16, QLatin1Char('0'))
                                   .arg(i % 256, 2, 16, QLatin1Char('0'))
                                   .toUpper()},
                {"Routes",
                 QJsonArray{QJsonObject{{"NextHop", "10.1.0.1"}, {"DestinationPrefix", "0.0.0.0/0"}}}},
                {"Dns", QJsonObject{{"ServerList", QJsonArray{"10.1.0.1"}}}},
                {"Policies", QJsonArray{QJsonObject{
                                 {"Type", "PortMapping"},
                                 {"Settings", QJsonObject{{"InternalPort", 80}, {"ExternalPort", port}}}}}},
                {"SchemaVersion", QJsonObject{{"Major", 2}, {"Minor", 16}}}};
            break;
        case 2:
            n.type = hcn::NotificationType::NetworkEndpointAttached;
            data = QJsonObject{{"NetworkId", network}, {"NamespaceId", guid(0x10000 + i)}};
            break;
        case 3:
            n.type = hcn::NotificationType::PolicyCreate;
            data = QJsonObject{{"ObjectId", guid(i)},
                               {"ObjectType", "Endpoint"},
                               {"RequestType", "Add"},
                               {"Policies", QJsonArray{QJsonObject{{"Type", "ACL"}}}}};
            break;
        default:
            n.type = hcn::NotificationType::EndpointDelete;
            data = QJsonObject{{"Name", QStringLiteral("web-%1").arg(i)}, {"HostComputeNetwork", network}};
            break;
        }
        const QJsonObject base{{"ID", guid(i % 5 == 1 ? self : i)}, {"Flags", 0}, {"Data", data}};
        n.data = QJsonDocument(base).toJson(QJsonDocument::Compact).toStdString();
        out.push_back(std::move(n));
    }
    return out;
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption rateOption("rate", "notifications per second", "N", "50000");
    QCommandLineOption secondsOption("seconds", "feeding time", "S", "10");
    QCommandLineOption capacityOption("capacity", "log capacity (rows)", "ROWS", "100000");
    QCommandLineOption filterOption("filter", "summary text filter while feeding", "TEXT");
    QCommandLineOption diffsOption("diffs", "modifies change the endpoint created before them");
    parser.addOptions({rateOption, secondsOption, capacityOption, filterOption, diffsOption});
    parser.process(app);
    const double rate = parser.value(rateOption).toDouble();
    const int seconds = parser.value(secondsOption).toInt();

    QMainWindow window;
    auto* dock = new hcn::ui::EventLogDock(nullptr, nullptr, &window);
    window.addDockWidget(Qt::BottomDockWidgetArea, dock);
    window.resize(1400, 900);
    window.show();
    dock->model()->setCapacity(parser.value(capacityOption).toInt());
    if (parser.isSet(filterOption))
        dock->proxy()->setTextFilter(parser.value(filterOption));
    app.processEvents();

    // Read once, as the mirror does on the API's delivery thread: the GUI thread gets parsed events.
    std::vector<hcn::ui::MirrorEvent> pool;
    for (const hcn::Notification& n : templates(parser.isSet(diffsOption)))
        pool.push_back(hcn::ui::MirrorEvent::read(n));
    malloc_trim(0);
    const long rssBefore = hcnbench::residentKiB();

    // GUI responsiveness probe: a 1 ms timer; the largest gap between its ticks is the longest stall.
    QElapsedTimer clock;
    clock.start();
    qint64 lastProbe = 0;
    std::vector<qint64> gaps;
    gaps.reserve(std::size_t(seconds) * 2000);
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(1);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed() / 1000;
        if (lastProbe > 0)
            gaps.push_back(now - lastProbe);
        lastProbe = now;
    });

    // The producer: every 10 ms a batch sized to hold the rate (the mirror batches per loop turn too).
    quint64 produced = 0;
    const qint64 feedUntil_ms = qint64(seconds) * 1000;
    QTimer producer;
    producer.setTimerType(Qt::PreciseTimer);
    producer.setInterval(10);
    QObject::connect(&producer, &QTimer::timeout, [&] {
        const qint64 elapsed = qMin(clock.elapsed(), feedUntil_ms);
        const auto target = quint64(double(elapsed) * rate / 1000.0);
        if (target <= produced) {
            if (clock.elapsed() >= feedUntil_ms)
                producer.stop();
            return;
        }
        QVector<hcn::ui::MirrorEvent> batch;
        batch.reserve(qsizetype(target - produced));
        for (; produced < target; ++produced) {
            hcn::ui::MirrorEvent n = pool[produced % pool.size()];
            n.sequence = produced + 1;
            batch.append(std::move(n));
        }
        dock->append(batch);
        if (elapsed >= feedUntil_ms)
            producer.stop();
    });

    // Per-flush cost, as the model sees it.
    qint64 flushes = 0;
    QObject::connect(dock->model(), &hcn::ui::EventLogModel::flushed, [&] { ++flushes; });

    // Baseline: the same probe on an idle event loop for 2 s shows how much of the stall is the
    // machine (other processes) rather than the log.
    probe.start();
    {
        QEventLoop idle;
        QTimer::singleShot(2000, &idle, &QEventLoop::quit);
        idle.exec();
    }
    std::vector<qint64> baseline = std::exchange(gaps, {});
    std::sort(baseline.begin(), baseline.end());
    lastProbe = 0;
    clock.restart();
    const double cpuBefore = hcntest::threadCpuMilliseconds();
    producer.start();
    QTimer done;
    QObject::connect(&done, &QTimer::timeout, [&] {
        if (!producer.isActive() && dock->model()->pendingCount() == 0)
            app.quit();
    });
    done.start(50);
    app.exec();
    const qint64 total_ms = clock.elapsed();
    const double cpu_ms = hcntest::threadCpuMilliseconds() - cpuBefore;
    probe.stop();

    // Hand the heap the drained queue left behind back to the system, so RSS shows what the full log
    // holds rather than the burst's high-water mark.
    malloc_trim(0);
    const long rssAfter = hcnbench::residentKiB();
    std::vector<qint64> sorted = gaps;
    std::sort(sorted.begin(), sorted.end());
    auto percentile = [&](double p) {
        return sorted.empty() ? 0.0 : double(sorted[std::size_t(p * double(sorted.size() - 1))]) / 1000.0;
    };
    const auto* model = dock->model();
    std::printf("workload: %.0f notifications/s for %d s (%llu produced), capacity %d%s\n", rate, seconds,
                static_cast<unsigned long long>(produced), model->capacity(),
                parser.isSet(filterOption) ? qPrintable(" filter \"" + parser.value(filterOption) + "\"")
                                           : "");
    std::printf("drained after: %.2f s (feeding %d s)\n", double(total_ms) / 1000.0, seconds);
    std::printf("rows: %d shown %d, inserted %llu, dropped unseen %llu, flushes %lld\n", model->rowCount(),
                dock->proxy()->rowCount(), static_cast<unsigned long long>(model->totalInserted()),
                static_cast<unsigned long long>(model->droppedCount()), static_cast<long long>(flushes));
    std::printf("throughput: %.0f rows/s\n", double(model->totalInserted()) / (double(total_ms) / 1000.0));
    std::printf("GUI stall (1 ms probe gaps): max %.1f ms, p99 %.1f ms, p50 %.1f ms, %zu ticks\n",
                percentile(1.0), percentile(0.99), percentile(0.5), sorted.size());
    std::printf("GUI thread CPU: %.0f ms for %llu notifications = %.2f us each (includes the producer and "
                "painting)\n",
                cpu_ms, static_cast<unsigned long long>(produced), cpu_ms * 1000.0 / double(produced));
    std::printf(
        "baseline (idle loop, 2 s): max gap %.1f ms, p99 %.1f ms\n",
        baseline.empty() ? 0.0 : double(baseline.back()) / 1000.0,
        baseline.empty() ? 0.0 : double(baseline[std::size_t(0.99 * double(baseline.size() - 1))]) / 1000.0);
    std::printf("memory: RSS %+.1f MiB (%ld -> %ld KiB), model records+summaries %.1f MiB\n",
                double(rssAfter - rssBefore) / 1024.0, rssBefore, rssAfter,
                double(model->memoryBytes()) / 1048576.0);
    return 0;
}
