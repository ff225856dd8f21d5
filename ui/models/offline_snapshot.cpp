#include "offline_snapshot.h"

#include "hcn/json_limits.h"
#include "hcn/snapshot_api.h"

#include <QFile>
#include <QFileInfo>

namespace hcn::ui {

namespace {

/// The largest snapshot file read (a host with 100,000 endpoints exports to about 150 MB).
constexpr qint64 kMaxSnapshotBytes = qint64(512) * 1024 * 1024;

/// "lines 3-9" style location of a message, for the error text.
std::string importMessageLocation(const io::ImportMessage& m)
{
    std::string text = m.source;
    if (m.firstLine > 0)
        text += ":" + std::to_string(m.firstLine) +
                (m.lastLine > m.firstLine ? "-" + std::to_string(m.lastLine) : "");
    return text.empty() ? text : text + ": ";
}

} // namespace

Result<OfflineSnapshot> importedSnapshot(Result<io::ImportResult> imported, const std::string& name)
{
    if (!imported.ok())
        return imported.status();
    if (!imported->recoveredAnything()) {
        // The report says why; its errors first, a few lines are enough for a message box.
        std::string why = "Nothing in " + name + " could be read as an HNS object.";
        int shown = 0;
        for (io::ImportSeverity severity : {io::ImportSeverity::Error, io::ImportSeverity::Warning})
            for (const io::ImportMessage& m : imported->report.messages)
                if (m.severity == severity && shown < 4) {
                    why += "\n" + importMessageLocation(m) + m.message;
                    ++shown;
                }
        return Status(hr::InvalidJson, why);
    }
    return OfflineSnapshot{std::move(imported->snapshot), std::move(imported->report), name};
}

Result<OfflineSnapshot> readSnapshotFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Status(file.exists() ? hr::Fail : hr::FileNotFound,
                      "cannot read " + path.toStdString() + ": " + file.errorString().toStdString() + ".");
    if (file.size() > kMaxSnapshotBytes)
        return Status(hr::InvalidArg, path.toStdString() + " is larger than " +
                                          std::to_string(kMaxSnapshotBytes / (1024 * 1024)) +
                                          " MiB; it is not a snapshot this console can open.");
    const QByteArray bytes = file.readAll();
    const std::string_view text(bytes.constData(), std::size_t(bytes.size()));
    OfflineSnapshot snapshot;
    snapshot.name = QFileInfo(path).fileName().toStdString();
    if (!withinJsonDepth(text, kDefaultMaxJsonDepth))
        return Status(hr::InvalidJson, snapshot.name + ": the document nests deeper than " +
                                           std::to_string(kDefaultMaxJsonDepth) + " levels.");
    snapshot.document = nlohmann::json::parse(text, nullptr, false);
    if (snapshot.document.is_discarded())
        return Status(hr::InvalidJson, snapshot.name + " is not valid JSON.");
    if (snapshot.document.is_object()) {
        const auto import = snapshot.document.find("Import");
        if (import != snapshot.document.end() && import->is_object()) {
            try {
                snapshot.report = io::importReportFromJson(*import);
            } catch (const nlohmann::json::exception&) {
                // A hand-edited report that does not read back is not a reason to refuse the snapshot.
                snapshot.report.messages.push_back({io::ImportSeverity::Warning,
                                                    snapshot.name,
                                                    0,
                                                    0,
                                                    ResourceKind::Invalid,
                                                    {},
                                                    "the \"Import\" report in the file could not be read"});
            }
        }
    }
    return snapshot;
}

Result<std::shared_ptr<Api>> openOfflineSnapshot(OfflineSnapshot snapshot, io::ImportReport* report)
{
    auto api = SnapshotApi::fromDocument(snapshot.document, snapshot.name);
    if (!api.ok())
        return api.status();
    for (const std::string& warning : (*api)->loadWarnings())
        snapshot.report.messages.push_back(
            {io::ImportSeverity::Warning, snapshot.name, 0, 0, ResourceKind::Invalid, {}, warning});
    *report = std::move(snapshot.report);
    return std::shared_ptr<Api>(std::move(*api));
}

} // namespace hcn::ui
