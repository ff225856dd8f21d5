#include "compare/compare_side.h"

#include "hcn/dump_import.h"
#include "hcn/recording.h"
#include "hcn/snapshot_api.h"
#include "models/offline_snapshot.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace hcn::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("hcn::ui::CompareSide", text);
}

/// Every object of a read-only host, rendered by its snapshot query (as the mirror reads a host).
Status readObjects(Api& api, CompareSide& side)
{
    auto text = api.snapshot("");
    if (!text.ok())
        return text.status();
    auto objects = parseHostSnapshot(*text);
    if (!objects.ok())
        return objects.status();
    (void)side.host.assign(std::move(*objects));
    return {};
}

/// A snapshot document (a file's, an import's) as a side; the load warnings become notes.
Status readSnapshot(OfflineSnapshot snapshot, CompareSide& side)
{
    io::ImportReport report;
    auto api = openOfflineSnapshot(std::move(snapshot), &report);
    if (!api.ok())
        return api.status();
    for (const io::ImportMessage& m : report.messages)
        if (m.severity != io::ImportSeverity::Info && side.notes.size() < 20)
            side.notes << QString::fromStdString(m.message);
    return readObjects(**api, side);
}

/// A dump (files, an archive, a bundle, a collectlogs folder) imported as `hcnctl import` does.
Status readDump(const std::string& path, CompareSide& side)
{
    const std::string name = side.label.toStdString();
    auto imported = io::importPaths({path});
    std::size_t warnings = 0;
    std::size_t objects = 0;
    if (imported.ok()) {
        objects = imported->objectCount();
        for (const io::ImportMessage& m : imported->report.messages)
            warnings += m.severity != io::ImportSeverity::Info;
    }
    auto snapshot = importedSnapshot(std::move(imported), name);
    if (snapshot.ok() && objects == 0) // a log alone: nothing to compare
        return Status(hr::InvalidJson,
                      tr("%1 holds no HCN objects: it reads as a log (File > Open Dump shows what it logs).")
                          .arg(side.label)
                          .toStdString());
    if (!snapshot.ok())
        return Status(
            snapshot.code(),
            tr("%1 is neither a snapshot nor a dump with HCN objects in it.").arg(side.label).toStdString() +
                "\n" + snapshot.status().detail());
    snapshot->report.messages.clear(); // the notes say how many; `hcnctl import` lists them
    side.notes << tr("imported as a dump: %1 objects, %2 warnings (File > Open Dump lists them)")
                      .arg(objects)
                      .arg(warnings);
    return readSnapshot(std::move(*snapshot), side);
}

/// A recording at its end, or at the moment its name gives ("REC.hcnrec#12").
Status readRecording(const RecordingReference& reference, CompareSide& side)
{
    auto reader = RecordingReader::open(reference.path);
    if (!reader.ok())
        return reader.status();
    const RecordingReader& r = **reader;
    if (!r.cutDetail().empty())
        side.notes << QString::fromStdString(r.cutDetail());
    auto changes = r.changesAt(reference.moment);
    if (!changes.ok())
        return changes.status();
    side.notes << tr("the recorded host after change %1 of %2").arg(*changes).arg(r.changeCount());
    auto text = r.snapshotAfter(*changes);
    if (!text.ok())
        return text.status();
    auto api = SnapshotApi::fromText(*text, side.label.toStdString());
    if (!api.ok())
        return api.status();
    return readObjects(**api, side);
}

} // namespace

Result<CompareSide> readCompareSide(const QString& path)
{
    CompareSide side;
    const QFileInfo info(path);
    side.label = info.fileName().isEmpty() ? path : info.fileName();
    const std::string local = QFile::encodeName(path).toStdString();
    if (!info.exists())
        return Status(hr::FileNotFound, tr("%1 does not exist.").arg(path).toStdString());
    Status status;
    if (info.isDir()) {
        status = readDump(local, side);
    } else if (auto recording = recordingReference(local); !recording.ok()) {
        status = recording.status();
    } else if (*recording) {
        status = readRecording(**recording, side);
    } else if (auto snapshot = readSnapshotFile(path); snapshot.ok()) {
        status = readSnapshot(std::move(*snapshot), side);
        if (status.code() == hr::InvalidJson) { // JSON, but not a snapshot's shape: a JSON dump
            side.host.clear();
            side.notes.clear();
            status = readDump(local, side);
        }
    } else if (snapshot.code() == hr::InvalidJson) {
        status = readDump(local, side); // not JSON: a text dump, an archive, a bundle
    } else {
        status = snapshot.status();
    }
    if (!status.ok())
        return status;
    return side;
}

} // namespace hcn::ui
