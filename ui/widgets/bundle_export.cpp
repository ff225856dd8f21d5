#include "widgets/bundle_export.h"

#include "hcn/redaction.h"
#include "models/api_worker.h"
#include "models/host_mirror.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <nlohmann/json.hpp>

namespace hcn::ui {

namespace {

/// A key file is small: anything longer is not one.
constexpr qint64 kMaxKeyFileBytes = 64 * 1024;

Result<io::RedactionKey> keyFromFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Status(hr::FileNotFound, "cannot read the key file " +
                                            QDir::toNativeSeparators(path).toStdString() + ": " +
                                            file.errorString().toStdString());
    const QByteArray text = file.read(kMaxKeyFileBytes + 1);
    if (text.size() > kMaxKeyFileBytes)
        return Status(hr::InvalidArg, "the key file " + QDir::toNativeSeparators(path).toStdString() +
                                          " is larger than 64 KiB: it is no key file.");
    auto key = io::RedactionKey::fromText(text.toStdString());
    if (!key.ok())
        return Status(key.code(),
                      QDir::toNativeSeparators(path).toStdString() + ": " + key.status().detail());
    return key;
}

/// The whole bundle, made on the worker: the host's snapshot (with the import report), redacted when
/// asked, then written to `path` or, with an empty path, kept in memory for the summary only.
Result<io::BundleSummary> makeBundle(Api& api, io::BundleInput input, const BundleOptions& options,
                                     std::shared_ptr<const io::ImportReport> report, const QString& path)
{
    auto snapshot = api.snapshot({});
    if (!snapshot.ok())
        return snapshot.status();
    input.snapshotText = std::move(*snapshot);
    if (report) {
        auto document = nlohmann::json::parse(input.snapshotText, nullptr, false);
        if (document.is_object()) {
            document["Import"] = io::importReportToJson(*report);
            input.snapshotText = document.dump();
        }
    }
    if (auto info = api.info(); info.ok())
        input.source = info->description.empty() ? info->endpoint : info->description;
    std::unique_ptr<io::Redactor> redactor;
    if (options.redact) {
        io::RedactionKey key = io::RedactionKey::random();
        if (!options.keyFile.isEmpty()) {
            auto fromFile = keyFromFile(options.keyFile);
            if (!fromFile.ok())
                return fromFile.status();
            key = *fromFile;
        }
        redactor = std::make_unique<io::Redactor>(key);
        input.redactor = redactor.get();
    }
    if (path.isEmpty()) {
        io::BundleSummary summary;
        auto files = io::bundleFiles(input, &summary);
        if (!files.ok())
            return files.status();
        return summary;
    }
    auto written = io::writeBundle(QDir::toNativeSeparators(path).toStdString(), input);
    if (!written.ok() || !redactor || options.mappingFile.isEmpty())
        return written;
    // Without its mapping a redacted bundle's answers cannot be translated back: both or neither.
    QSaveFile mapping(options.mappingFile);
    const QByteArray text = QByteArray::fromStdString(redactor->mapping().dump(2) + "\n");
    if (!mapping.open(QIODevice::WriteOnly) || mapping.write(text) != text.size() || !mapping.commit()) {
        QFile::remove(path);
        return Status(hr::AccessDenied, "cannot write the mapping to " +
                                            QDir::toNativeSeparators(options.mappingFile).toStdString() +
                                            ": " + mapping.errorString().toStdString() +
                                            " (the bundle was not kept).");
    }
    return written;
}

} // namespace

BundleExport::BundleExport(HostMirror* mirror, Sources sources, QObject* parent)
    : QObject(parent), m_mirror(mirror), m_sources(std::move(sources))
{}

io::BundleInput BundleExport::consoleInput() const
{
    io::BundleInput input;
    input.toolVersion =
        (QCoreApplication::applicationName() + QLatin1Char(' ') + QCoreApplication::applicationVersion())
            .trimmed()
            .toStdString();
    if (m_sources.eventLog)
        input.extraFiles.push_back({std::string(io::kBundleEventLog),
                                    "the event log as the console showed it (filters applied), CSV with "
                                    "date, time and object ID",
                                    m_sources.eventLog().toStdString()});
    if (m_sources.topologySvg)
        if (const QByteArray svg = m_sources.topologySvg(); !svg.isEmpty())
            input.extraFiles.push_back({std::string(io::kBundleTopology), "the topology diagram as SVG",
                                        svg.toStdString(), io::BundleExtraFile::Redaction::Markup});
    return input;
}

void BundleExport::preview(const BundleOptions& options)
{
    write(QString(), options);
}

void BundleExport::write(const QString& path, const BundleOptions& options)
{
    ApiWorker* worker = m_mirror->worker();
    if (!worker) {
        const QString message = tr("No host is shown.");
        path.isEmpty() ? emit failed(message) : emit written(false, message);
        return;
    }
    ++m_pending;
    auto report = m_sources.importReport ? m_sources.importReport() : nullptr;
    worker->call(
        this,
        [input = consoleInput(), options, report, path](Api& api) mutable {
            return makeBundle(api, std::move(input), options, report, path);
        },
        [this, path, options](Result<io::BundleSummary> made) {
            --m_pending;
            if (!made.ok()) {
                const QString message = QString::fromStdString(made.status().message());
                path.isEmpty() ? emit failed(message) : emit written(false, message);
                return;
            }
            if (path.isEmpty()) {
                emit previewReady(*made);
                return;
            }
            QString text =
                tr("Wrote the bug-report bundle %1: %n file(s), ", nullptr, int(made->files.size()))
                    .arg(QDir::toNativeSeparators(path)) +
                tr("%n object(s), ", nullptr, int(made->objects)) +
                tr("%n finding(s)", nullptr, int(made->findings));
            if (options.redact)
                text += options.mappingFile.isEmpty()
                            ? tr("; redacted, no mapping kept")
                            : tr("; redacted, the mapping is in %1 (keep it: it is not in the bundle)")
                                  .arg(QDir::toNativeSeparators(options.mappingFile));
            emit written(true, text);
        });
}

} // namespace hcn::ui
