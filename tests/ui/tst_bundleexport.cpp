// File > Export Bug-Report Bundle: the dialog previews what the bundle holds (the host's files plus the
// console's event log and topology), writes an archive that re-opens as a snapshot, redacts every file
// (the console's too) when asked and keeps the mapping outside the bundle, and says plainly what is wrong.

#include "hcn/bundle.h"
#include "hcn/dump_sources.h"
#include "models/console_resources.h"
#include "models/host_mirror.h"
#include "topology/topology_dock.h"
#include "widgets/bundle_export_dialog.h"
#include "widgets/main_window.h"
#include "widgets/scenario_controller.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>
#include <map>

namespace {

struct Window
{
    hcn::ui::MainWindow window;

    Window() { window.setLayoutPersistence(false); }

    bool openSample()
    {
        QSignalSpy shown(window.scenarioController(), &hcn::ui::ScenarioController::hostLoaded);
        window.scenarioController()->loadScenario(hcn::ui::ScenarioController::defaultScenario());
        return shown.wait(10000) && window.topologyDock()->waitForLayout(20000);
    }

    /// Every endpoint and network name the host shows.
    QStringList names() const
    {
        QStringList out;
        for (hcn::ResourceKind kind : {hcn::ResourceKind::Endpoint, hcn::ResourceKind::Network})
            for (const hcn::ui::MirrorObject* object : window.mirror()->objects(kind))
                if (object->name.size() >= 4)
                    out << object->name;
        return out;
    }
};

/// The archive's files by name (without the archive's path).
std::map<QString, QByteArray> filesOf(const QString& archive)
{
    std::map<QString, QByteArray> out;
    auto read = hcn::io::readDumpSources({archive.toStdString()});
    if (!read.ok())
        return out;
    for (const hcn::io::DumpSource& source : read->sources) {
        const QString name = QString::fromStdString(source.name);
        out[name.mid(name.lastIndexOf('!') + 1)] = QByteArray::fromStdString(source.bytes);
    }
    return out;
}

QStringList previewFiles(const hcn::ui::BundleExportDialog& dialog)
{
    QStringList files;
    for (int row = 0; row < dialog.fileTable()->rowCount(); ++row)
        files << dialog.fileTable()->item(row, 0)->text();
    return files;
}

} // namespace

class TestBundleExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath("settings"));
        QCoreApplication::setOrganizationName("HCN Console Tests");
        QCoreApplication::setApplicationName("tst_bundleexport");
        hcn::ui::initConsoleResources();
    }

    void previewListsWhatTheBundleHolds()
    {
        Window w;
        QVERIFY(w.openSample());
        hcn::ui::BundleExportDialog dialog(w.window.bundleExport(), m_dir.filePath("preview.zip"));
        QSignalSpy shown(&dialog, &hcn::ui::BundleExportDialog::previewShown);
        QVERIFY(shown.count() > 0 || shown.wait(20000));
        const QStringList files = previewFiles(dialog);
        for (const char* name : {"README.txt", "snapshot.json", "objects-v1.json", "checks.json",
                                 "events.csv", "topology.svg", "manifest.json"})
            QVERIFY2(files.contains(name), qPrintable(files.join(", ")));
        QVERIFY2(dialog.summaryLabel()->text().contains("Not redacted"),
                 qPrintable(dialog.summaryLabel()->text()));
        QVERIFY(!dialog.keyFileEdit()->parentWidget()->isEnabled());

        // Redacting: the mapping goes beside the bundle by default, the preview says so.
        shown.clear();
        dialog.redactBox()->setChecked(true);
        QVERIFY(shown.wait(20000));
        QVERIFY2(dialog.summaryLabel()->text().contains("Redacted"),
                 qPrintable(dialog.summaryLabel()->text()));
        QCOMPARE(QDir::fromNativeSeparators(dialog.mappingEdit()->text()),
                 m_dir.filePath("preview-mapping.json"));
        QVERIFY(dialog.keyFileEdit()->parentWidget()->isEnabled());
        QVERIFY(!QFile::exists(m_dir.filePath("preview.zip"))); // a preview writes nothing
    }

    void writtenBundleReopens()
    {
        Window w;
        QVERIFY(w.openSample());
        const QString path = m_dir.filePath("plain.tar.gz");
        hcn::ui::BundleExportDialog dialog(w.window.bundleExport(), path);
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.writeButton()->click();
        QVERIFY(accepted.wait(20000));
        QVERIFY2(dialog.resultText().contains("plain.tar.gz"), qPrintable(dialog.resultText()));

        auto bundle = hcn::io::readBundle(path.toStdString());
        QVERIFY(bundle.ok() && bundle->has_value());
        QVERIFY((*bundle)->manifest["NotIncluded"].empty());
        QCOMPARE((*bundle)->snapshot["Endpoints"].size(),
                 std::size_t(w.window.mirror()->objects(hcn::ResourceKind::Endpoint).size()));
        const auto files = filesOf(path);
        QVERIFY(files.count("events.csv") && files.at("events.csv").startsWith("Date and time"));
        QVERIFY(files.count("topology.svg") && files.at("topology.svg").contains("<svg"));
        // The diagram's labels are in the SVG as text.
        const QStringList names = w.names();
        QVERIFY(!names.isEmpty());
        QVERIFY2(files.at("topology.svg").contains(names.first().toUtf8()), qPrintable(names.first()));
    }

    void redactedBundleHidesTheConsoleFilesToo()
    {
        Window w;
        QVERIFY(w.openSample());
        const QString path = m_dir.filePath("redacted.zip");
        hcn::ui::BundleExportDialog dialog(w.window.bundleExport(), path);
        dialog.redactBox()->setChecked(true);
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.writeButton()->click();
        QVERIFY(accepted.wait(20000));
        QVERIFY2(dialog.resultText().contains("mapping"), qPrintable(dialog.resultText()));

        const auto files = filesOf(path);
        QVERIFY(files.count("events.csv") && files.count("topology.svg"));
        const QStringList names = w.names();
        QVERIFY(names.size() >= 3);
        for (const auto& [file, bytes] : files)
            for (const QString& name : names)
                QVERIFY2(!QString::fromUtf8(bytes).contains(
                             QRegularExpression("\\b" + QRegularExpression::escape(name) + "\\b")),
                         qPrintable(file + ": " + name));
        // The SVG is still an SVG.
        QVERIFY(files.at("topology.svg").contains("<svg") && files.at("topology.svg").contains("</svg>"));
        // The mapping is beside the bundle, with the originals; the bundle does not hold it.
        QFile mapping(m_dir.filePath("redacted-mapping.json"));
        QVERIFY(mapping.open(QIODevice::ReadOnly));
        const QByteArray mappingText = mapping.readAll();
        for (const QString& name : names)
            QVERIFY2(mappingText.contains(name.toUtf8()), qPrintable(name));
        QVERIFY(!files.count("redacted-mapping.json"));
    }

    void problemsAreSaidPlainly_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("keyFile");
        QTest::addColumn<QString>("message");
        QTest::newRow("not an archive name") << "bundle.rar"
                                             << ""
                                             << ".zip, .tar.gz or .tgz";
        QTest::newRow("a folder that does not exist") << "missing/dir/bundle.zip"
                                                      << ""
                                                      << "was not written";
        QTest::newRow("a key file that does not exist") << "keyed.zip"
                                                        << "no-such-key"
                                                        << "key file";
    }

    void problemsAreSaidPlainly()
    {
        QFETCH(QString, path);
        QFETCH(QString, keyFile);
        QFETCH(QString, message);
        Window w;
        QVERIFY(w.openSample());
        hcn::ui::BundleExportDialog dialog(w.window.bundleExport(), m_dir.filePath(path));
        if (!keyFile.isEmpty()) {
            dialog.redactBox()->setChecked(true);
            dialog.keyFileEdit()->setText(m_dir.filePath(keyFile));
        }
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.writeButton()->click();
        QTRY_VERIFY2_WITH_TIMEOUT(dialog.problemLabel()->text().contains(message),
                                  qPrintable(dialog.problemLabel()->text()), 20000);
        QCOMPARE(accepted.count(), 0);
        QVERIFY(!QFile::exists(m_dir.filePath(path)));
        QVERIFY(dialog.writeButton()->isEnabled());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestBundleExport)
#include "tst_bundleexport.moc"
