// The console's timeline (docs/console.md, Recordings): the time from a scrub request to the host at that
// moment being ready for the views, for the one-hour recording at 100 events/s that bench_recording
// writes (`bench_recording --keep FILE`: 360,000 changes over a node of ~3,100 objects). Per moment it
// runs what the console runs off the GUI thread before the mirror takes the host: the reader's hostAfter
// (RecordingPlayback hands that HostState to HostMirror::resyncTo as it is). Not included: the mirror's
// Qt copy of the documents that differ from those shown and the views' redraw of the differences. With
// --text, each moment also takes the way the console took before the HostState was handed over (the
// reader's snapshotAfter, an hcn::SnapshotApi over it, and the mirror's read of that API: Api::snapshot,
// parseHostSnapshot, HostState::assign), for comparison.
//
// Three patterns: random jumps; a drag forward one pixel of a 1,000-pixel slider at a time (3.6 s, ~360
// changes); and a 10-second drag with a request every 16 ms (60 Hz) served latest-wins by one worker
// (what RecordingPlayback does): how many moments were built and how long after the last request the
// last moment was ready.
//
// Usage: bench_timeline_scrub FILE [--moments N] [--text] [--held-documents N]

#include "bench_timing.h"
#include "hcn/host_state.h"
#include "hcn/recording.h"
#include "hcn/snapshot_api.h"
#include "process_memory.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

namespace {

using hcnbench::Clock;
using hcnbench::millisecondsSince;
using hcnbench::percentile;

void percentiles(const char* what, const std::vector<double>& times)
{
    std::printf("%-44s median %7.1f ms   p99 %7.1f ms   max %7.1f ms   (%zu moments)\n", what,
                percentile(times, 0.5), percentile(times, 0.99), percentile(times, 1), times.size());
}

bool g_text = false;

/// This thread's CPU time: what a moment costs whatever else runs on the machine.
double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1000.0 + double(t.tv_nsec) / 1e6;
}

/// One moment, request to ready: the reader's HostState (with --text: the snapshot text round trip).
double moment(const hcn::RecordingReader& reader, std::size_t changes, double* readerMs = nullptr)
{
    const auto start = Clock::now();
    if (!g_text) {
        auto host = reader.hostAfter(changes);
        if (!host.ok()) {
            std::fprintf(stderr, "%s\n", host.status().detail().c_str());
            std::exit(1);
        }
        if (readerMs)
            *readerMs = millisecondsSince(start);
        return millisecondsSince(start);
    }
    auto text = reader.snapshotAfter(changes);
    if (!text.ok()) {
        std::fprintf(stderr, "%s\n", text.status().detail().c_str());
        std::exit(1);
    }
    if (readerMs)
        *readerMs = millisecondsSince(start);
    auto api = hcn::SnapshotApi::fromDocument(nlohmann::json::parse(*text), "bench");
    if (!api.ok())
        std::exit(1);
    auto snapshot = (*api)->snapshot("");
    auto objects = snapshot.ok() ? hcn::parseHostSnapshot(*snapshot) : snapshot.status();
    if (!objects.ok())
        std::exit(1);
    hcn::HostState state;
    (void)state.assign(std::move(*objects));
    return millisecondsSince(start);
}

} // namespace

int main(int argc, char** argv)
{
    std::string path;
    int moments = 51;
    hcn::RecordingReader::Options options;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--moments") && i + 1 < argc)
            moments = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--text"))
            g_text = true;
        else if (!std::strcmp(argv[i], "--held-documents") && i + 1 < argc)
            options.heldDocuments = std::size_t(std::atol(argv[++i]));
        else
            path = argv[i];
    }
    if (path.empty()) {
        std::fprintf(stderr, "usage: bench_timeline_scrub FILE (bench_recording --keep FILE writes one)\n");
        return 2;
    }
    const auto opening = Clock::now();
    const double openingCpu = threadCpuMs();
    auto opened = hcn::RecordingReader::open(path, options);
    if (!opened.ok()) {
        std::fprintf(stderr, "%s\n", opened.status().detail().c_str());
        return 1;
    }
    const hcn::RecordingReader& reader = **opened;
    const std::size_t count = reader.changeCount();
    std::printf(
        "open (index): %.0f ms (CPU %.0f ms), %zu changes over %.0f s; %zu keyframes every %zu changes; "
        "%zu documents held; peak RSS %.1f MiB\n",
        millisecondsSince(opening), threadCpuMs() - openingCpu, count,
        double(reader.endMs() - reader.startMs()) / 1000.0, reader.keyframeCount(), reader.keyframeInterval(),
        reader.heldDocuments(), hcnbench::peakRssMiB());

    std::mt19937 rng(20261203);
    std::vector<double> jumps, jumpReader, jumpCpu;
    for (int i = 0; i < moments; ++i) {
        double r = 0;
        const double cpu = threadCpuMs();
        jumps.push_back(moment(reader, std::uniform_int_distribution<std::size_t>(0, count)(rng), &r));
        jumpCpu.push_back(threadCpuMs() - cpu);
        jumpReader.push_back(r);
    }
    percentiles(g_text ? "random jump: reader (snapshotAfter)" : "random jump: reader (hostAfter)",
                jumpReader);
    percentiles("random jump: request to host ready", jumps);
    percentiles("random jump: CPU time (thread)", jumpCpu);

    // Forward one pixel of a 1,000-pixel slider at a time, from a random place.
    const std::int64_t span = reader.endMs() - reader.startMs();
    std::vector<double> drag;
    std::int64_t at = reader.startMs() + std::uniform_int_distribution<std::int64_t>(0, span / 2)(rng);
    for (int i = 0; i < moments; ++i, at += span / 1000)
        drag.push_back(moment(reader, reader.changesAt(at)));
    percentiles("drag forward (1 px = 3.6 s): to host ready", drag);

    // 10 s of dragging, a request every 16 ms, one worker, latest wins.
    const double every = 16.0;
    const int requests = int(10000 / every);
    std::vector<std::size_t> asked(requests);
    std::int64_t pos = reader.startMs() + span / 4;
    for (int i = 0; i < requests; ++i, pos += span / 2 / requests)
        asked[i] = reader.changesAt(pos);
    double now = 0; // simulated milliseconds since the drag began
    int built = 0;
    int next = 0;
    std::vector<double> waits;
    while (next < requests) {
        // The worker takes the newest request made by now (or waits for the next one).
        now = std::max(now, next * every);
        const int newest = std::min(requests - 1, int(now / every));
        now += moment(reader, asked[newest]);
        ++built;
        waits.push_back(now - newest * every);
        next = newest + 1;
    }
    percentiles("60 Hz drag, latest wins: request to ready", waits);
    std::printf("60 Hz drag: %d requests over 10 s, %d moments built; the last ready %.0f ms after the last "
                "request\n",
                requests, built, now - (requests - 1) * every);
    std::printf("peak RSS %.1f MiB\n", hcnbench::peakRssMiB());
    return 0;
}
