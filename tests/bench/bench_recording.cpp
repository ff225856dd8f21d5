// Recordings (docs/recordings.md): a one-hour recording at 100 events/s (360,000 changes) over a
// realistic node (tests/bench/large_host.h: 4 L2Bridge networks, N endpoints (default 1,000) with their
// namespaces, 1,100 load balancers): 60 % load balancer modifications (backends shift), 25 % endpoint
// modifications (a port mapping's external port), 10 % namespace modifications, 5 % endpoint delete +
// create pairs, each notification with its whole document as the engine sends it. Measures writing the
// file (hcn::RecordingWriter), indexing it (hcn::RecordingReader::open) and building the host at random
// moments (hostAfter: median and p99 of 101 moments, and of 21 snapshotAfter), with the index's memory
// (the process's peak resident set).
//
// Usage: bench_recording [CHANGES] [--endpoints N] [--keyframe K] [--keep FILE]

#include "bench_timing.h"
#include "hcn/recording.h"
#include "large_host.h"
#include "process_memory.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace {

using json = nlohmann::json;
using hcnbench::Clock;
using hcnbench::millisecondsSince;
using hcnbench::percentile;

hcn::Notification notification(hcn::NotificationType type, const json& document, std::uint64_t sequence)
{
    return {sequence, type, hcn::hr::Ok,
            json{{"ID", document["ID"]}, {"Flags", 0}, {"Data", document}}.dump()};
}

void percentiles(const char* what, const std::vector<double>& times)
{
    std::printf("%-34s median %7.1f ms   p99 %7.1f ms   max %7.1f ms   (%zu moments)\n", what,
                percentile(times, 0.5), percentile(times, 0.99), percentile(times, 1), times.size());
}

} // namespace

int main(int argc, char** argv)
{
    std::size_t changes = 360000;
    unsigned endpoints = 1000;
    std::size_t keyframe = hcn::RecordingReader::Options{}.keyframeInterval;
    std::string keep;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--endpoints") && i + 1 < argc)
            endpoints = unsigned(std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--keyframe") && i + 1 < argc)
            keyframe = std::size_t(std::atol(argv[++i]));
        else if (!std::strcmp(argv[i], "--keep") && i + 1 < argc)
            keep = argv[++i];
        else
            changes = std::size_t(std::atol(argv[i]));
    }

    // The host at the start.
    json snapshot{{"HnsVersion", {{"Major", 15}, {"Minor", 4}}},
                  {"SchemaVersion", {{"Major", 2}, {"Minor", 16}}}};
    for (hcn::ResourceKind kind : hcn::kResourceKinds)
        snapshot[std::string(hcn::resourceKindPlural(kind))] = json::array();
    const auto objects = largehost::hostObjects(endpoints);
    for (const hcn::HostObject& o : objects)
        snapshot[std::string(hcn::resourceKindPlural(o.kind))].push_back(*o.document);

    const std::string path =
        keep.empty() ? (std::filesystem::temp_directory_path() / "bench_recording.hcnrec").string() : keep;
    const std::int64_t start = 1764779691000;
    hcn::RecordingHeader header;
    header.tool = "bench_recording";
    header.source = "synthetic node";
    header.startedMs = start;

    std::mt19937 rng(20261203);
    auto below = [&](unsigned n) { return std::uniform_int_distribution<unsigned>(0, n - 1)(rng); };
    auto written = Clock::now();
    {
        auto writer = hcn::RecordingWriter::create(path, header, snapshot.dump());
        if (!writer.ok()) {
            std::fprintf(stderr, "%s\n", writer.status().detail().c_str());
            return 1;
        }
        std::uint64_t sequence = 0;
        std::size_t n = 0;
        while (n < changes) {
            const std::int64_t t = start + std::int64_t(n) * 3600000 / std::int64_t(changes);
            const unsigned roll = below(100);
            using T = hcn::NotificationType;
            hcn::Status status = hcn::Status::success();
            if (roll < 60) {
                const unsigned lb = below(largehost::kLoadBalancers);
                status = (*writer)->append(
                    notification(T::LoadBalancerModify,
                                 largehost::loadBalancerDocument(lb, endpoints, unsigned(n)), ++sequence),
                    t);
            } else if (roll < 85) {
                const unsigned i = below(endpoints);
                json e = largehost::endpointDocument(i, endpoints);
                e["Policies"].push_back(
                    {{"Type", "PortMapping"},
                     {"Settings",
                      {{"Protocol", 6}, {"InternalPort", 8080}, {"ExternalPort", 30000 + n % 2000}}}});
                status = (*writer)->append(notification(T::EndpointModify, e, ++sequence), t);
            } else if (roll < 95) {
                json ns = largehost::namespaceDocument(below(endpoints));
                ns["Resources"].push_back(
                    {{"Type", "Container"}, {"Data", {{"Id", "c" + std::to_string(n)}}}});
                status = (*writer)->append(notification(T::NamespaceModify, ns, ++sequence), t);
            } else {
                const unsigned i = below(endpoints);
                const json e = largehost::endpointDocument(i, endpoints);
                status = (*writer)->append(
                    notification(T::EndpointDelete, json{{"ID", e["ID"]}, {"Name", e["Name"]}}, ++sequence),
                    t);
                if (status.ok() && ++n < changes)
                    status = (*writer)->append(notification(T::EndpointCreate, e, ++sequence), t);
            }
            if (!status.ok()) {
                std::fprintf(stderr, "%s\n", status.detail().c_str());
                return 1;
            }
            ++n;
        }
        (void)(*writer)->finish("duration", start + 3600000);
    }
    const double writeMs = millisecondsSince(written);
    const auto fileBytes = std::filesystem::file_size(path);
    std::printf("host: %zu objects; recording: %zu changes, %.1f MB, written in %.0f ms\n", objects.size(),
                changes, double(fileBytes) / 1e6, writeMs);

    hcn::RecordingReader::Options options;
    options.keyframeInterval = keyframe;
    const auto indexing = Clock::now();
    auto reader = hcn::RecordingReader::open(path, options);
    const double indexMs = millisecondsSince(indexing);
    if (!reader.ok()) {
        std::fprintf(stderr, "%s\n", reader.status().detail().c_str());
        return 1;
    }
    std::printf(
        "index (open): %.0f ms, %zu changes, keyframe every %zu (asked: %zu; %zu keyframes), %zu documents "
        "held; peak RSS %.1f MiB\n",
        indexMs, (*reader)->changeCount(), (*reader)->keyframeInterval(), keyframe,
        (*reader)->keyframeCount(), (*reader)->heldDocuments(), hcnbench::peakRssMiB());

    std::vector<double> hostTimes, snapshotTimes;
    std::size_t lastSize = 0;
    for (int i = 0; i < 101; ++i) {
        const std::size_t k = std::uniform_int_distribution<std::size_t>(0, (*reader)->changeCount())(rng);
        const auto t = Clock::now();
        auto host = (*reader)->hostAfter(k);
        hostTimes.push_back(millisecondsSince(t));
        if (!host.ok()) {
            std::fprintf(stderr, "%s\n", host.status().detail().c_str());
            return 1;
        }
        lastSize = host->size();
    }
    percentiles("hostAfter(random moment)", hostTimes);
    for (int i = 0; i < 21; ++i) {
        const std::int64_t at = start + std::uniform_int_distribution<std::int64_t>(0, 3600000)(rng);
        const auto t = Clock::now();
        auto text = (*reader)->snapshotAfter((*reader)->changesAt(at));
        snapshotTimes.push_back(millisecondsSince(t));
        if (!text.ok())
            return 1;
    }
    percentiles("snapshotAfter(changesAt(time))", snapshotTimes);
    std::printf("objects in the last host built: %zu; peak RSS %.1f MiB\n", lastSize, hcnbench::peakRssMiB());
    if (keep.empty())
        std::filesystem::remove(path);
    return 0;
}
