#pragma once
// BundleExport: File > Export Bug-Report Bundle's work (docs/bundles.md). The console adds what hcnctl
// cannot: the event log as shown (events.csv) and the topology (topology.svg), taken on the GUI thread
// when asked (both are quick); the host's snapshot, the redaction, the checks and the archive are made on
// the host's ApiWorker, so the window never waits for them. preview() builds the bundle in memory and
// reports its files; write() writes it (and, when redacting, the mapping back to the originals).

#include "hcn/bundle.h"
#include "hcn/dump_import.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <functional>
#include <memory>

namespace hcn::ui {

class HostMirror;

/// How a bundle is made.
struct BundleOptions
{
    bool redact = false;
    /// A key file (32 hex digits or a passphrase) for the same pseudonyms as an earlier bundle; empty: a
    /// new random key.
    QString keyFile;
    /// With redact: where the key and the original -> pseudonym pairs go (never into the bundle). Empty:
    /// not written.
    QString mappingFile;
};

class BundleExport : public QObject
{
    Q_OBJECT
public:
    /// What the console adds, read when a bundle is made: the event log as CSV, the topology as SVG
    /// (empty: not added), and the import report of an imported host (null: none).
    struct Sources
    {
        std::function<QByteArray()> eventLog;
        std::function<QByteArray()> topologySvg;
        std::function<std::shared_ptr<const io::ImportReport>()> importReport;
    };

    BundleExport(HostMirror* mirror, Sources sources, QObject* parent = nullptr);

    /// Builds the bundle in memory; previewReady() or failed() follows.
    void preview(const BundleOptions& options);
    /// Writes the bundle to `path` (.zip, .tar.gz or .tgz); written() follows.
    void write(const QString& path, const BundleOptions& options);
    /// Requests on their way.
    int pending() const { return m_pending; }

signals:
    void previewReady(const hcn::io::BundleSummary& summary);
    void failed(const QString& message);
    /// `text`: what was written (files, objects, findings, the mapping) or what went wrong.
    void written(bool ok, const QString& text);

private:
    /// The input without the snapshot (which the worker reads), taken on the GUI thread.
    io::BundleInput consoleInput() const;

    HostMirror* m_mirror;
    Sources m_sources;
    int m_pending = 0;
};

} // namespace hcn::ui
