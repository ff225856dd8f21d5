#include "recording_playback.h"

#include "hcn/utc_time.h"
#include "models/api_worker.h"
#include "models/background_job.h"
#include "models/host_mirror.h"
#include "models/offline_snapshot.h"

#include <QFileInfo>
#include <algorithm>
#include <nlohmann/json.hpp>

namespace hcn::ui {

Result<std::shared_ptr<Api>> RecordingPlayback::momentApi(const RecordingReader& reader, std::size_t changes,
                                                          const std::string& name)
{
    auto text = reader.snapshotAfter(changes);
    if (!text.ok())
        return text.status();
    OfflineSnapshot snapshot;
    snapshot.name = name;
    snapshot.document = nlohmann::json::parse(*text, nullptr, false);
    if (snapshot.document.is_discarded())
        return Status(hr::InvalidJson, name + ": the host after change " + std::to_string(changes) +
                                           " is not a readable snapshot.");
    io::ImportReport report;
    return openOfflineSnapshot(std::move(snapshot), &report);
}

Result<RecordingPlayback::Opened> RecordingPlayback::open(const QString& path)
{
    auto reader = RecordingReader::open(path.toStdString());
    if (!reader.ok())
        return reader.status();
    std::shared_ptr<const RecordingReader> shared(std::move(*reader));
    const std::string name = QFileInfo(path).fileName().toStdString();
    auto end = momentApi(*shared, shared->changeCount(), name);
    if (!end.ok())
        return end.status();
    const RecordingHeader& header = shared->header();
    std::string description = "recording " + name + " of " + header.source + ", started " +
                              formatUtcMs(header.startedMs) + ", " + std::to_string(shared->changeCount()) +
                              " changes (" + recordingCaptureText(header) + ")";
    if (!shared->cutDetail().empty())
        description += "; cut: " + shared->cutDetail();
    auto host = std::make_shared<RecordingHostApi>(
        std::move(*end), "recording:" + name + " (" + header.source + ")", std::move(description));
    return Opened{std::move(shared), std::move(host)};
}

RecordingPlayback::RecordingPlayback(const QString& path, std::shared_ptr<const RecordingReader> reader,
                                     std::shared_ptr<RecordingHostApi> host, HostMirror* mirror,
                                     QObject* parent)
    : QObject(parent), m_path(path), m_reader(std::move(reader)), m_host(std::move(host)), m_mirror(mirror),
      m_name(QFileInfo(path).fileName().toStdString())
{
    m_shown = m_wanted = m_reader->changeCount();
    connect(m_mirror, &HostMirror::resyncFinished, this, [this](const Status& status) {
        if (!std::exchange(m_resyncing, false))
            return; // a resync the mirror started itself
        if (status.ok()) {
            m_shown = m_building;
            emit momentShown(m_shown);
        } else {
            emit momentFailed(m_building, QString::fromStdString(status.message()));
        }
        startNext();
    });
}

RecordingPlayback::~RecordingPlayback() = default;

bool RecordingPlayback::isShown() const
{
    return m_mirror->worker() && m_mirror->worker()->sharedApi() == m_host;
}

void RecordingPlayback::seek(std::size_t changes)
{
    m_wanted = std::min(changes, m_reader->changeCount());
    if (m_busy)
        return; // taken up when the moment on its way is shown
    startNext();
}

void RecordingPlayback::seekTime(std::int64_t timeMs)
{
    seek(m_reader->changesAt(timeMs));
}

void RecordingPlayback::startNext()
{
    if (m_wanted == m_shown || !isShown()) {
        if (std::exchange(m_busy, false))
            emit busyChanged(false);
        return;
    }
    if (!std::exchange(m_busy, true))
        emit busyChanged(true);
    m_building = m_wanted;
    runInBackground(
        this, [reader = m_reader, changes = m_building] { return reader->hostAfter(changes); },
        [this, changes = m_building](Result<HostState> host) { finishMoment(changes, std::move(host)); });
}

void RecordingPlayback::finishMoment(std::size_t changes, Result<HostState> host)
{
    if (!host.ok() || !isShown()) {
        if (!host.ok())
            emit momentFailed(changes, QString::fromStdString(host.status().message()));
        m_wanted = m_shown; // nothing more to chase after a failure or with another host shown
        startNext();
        return;
    }
    // The only work on the GUI thread: swap the moment in (its Api built on first use, on the worker) and
    // hand the host to the mirror, which converts what differs on its worker.
    m_host->setMoment(
        [reader = m_reader, changes, name = m_name] { return momentApi(*reader, changes, name); });
    m_resyncing = true;
    m_mirror->resyncTo(std::move(*host));
}

void RecordingPlayback::readHosts(std::size_t a, std::size_t b, std::function<void(Result<Hosts>)> done)
{
    runInBackground(
        this,
        [reader = m_reader, a, b]() -> Result<Hosts> {
            auto before = reader->hostAfter(a);
            if (!before.ok())
                return before.status();
            auto after = reader->hostAfter(b);
            if (!after.ok())
                return after.status();
            return Hosts{std::move(*before), std::move(*after)};
        },
        std::move(done));
}

std::int64_t RecordingPlayback::timeOf(std::size_t changes) const
{
    return changes == 0 ? m_reader->startMs()
                        : m_reader->change(std::min(changes, m_reader->changeCount())).timeMs;
}

QString RecordingPlayback::momentText(std::size_t changes) const
{
    const std::int64_t time = timeOf(changes);
    const std::int64_t offset = std::max<std::int64_t>(0, time - m_reader->startMs());
    const QString clock = QStringLiteral("+%1:%2:%3.%4")
                              .arg(offset / 3600000, 2, 10, QLatin1Char('0'))
                              .arg(offset / 60000 % 60, 2, 10, QLatin1Char('0'))
                              .arg(offset / 1000 % 60, 2, 10, QLatin1Char('0'))
                              .arg(offset % 1000 / 100);
    return tr("change %1 of %2 \u00b7 %3 (%4)")
        .arg(changes)
        .arg(m_reader->changeCount())
        .arg(QString::fromStdString(formatUtcMs(time)), clock);
}

} // namespace hcn::ui
