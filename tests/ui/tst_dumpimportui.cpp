// Opening a customer's dump in the console: files, pasted text and drops are imported off the GUI
// thread into a read-only host named in the title; the import report dock lists what the import said
// and leads to the objects; Cancel, an error or a dump with nothing in it keep the current host; an
// offline host is replaced only when the user agrees; a saved import brings its report back.

#include "dump_files.h"
#include "editors/object_glance.h"
#include "editors/properties_dock.h"
#include "gui_stall_probe.h"
#include "hcn/dump_import.h"
#include "hcn/dump_sources.h"
#include "models/api_worker.h"
#include "models/console_resources.h"
#include "models/current_selection.h"
#include "models/host_mirror.h"
#include "models/import_report_model.h"
#include "models/resource_filter_proxy_model.h"
#include "models/resource_tree_model.h"
#include "sample_host.h"
#include "widgets/dump_import_controller.h"
#include "widgets/host_status_bar.h"
#include "widgets/import_report_dock.h"
#include "widgets/main_window.h"
#include "widgets/resource_tree_dock.h"
#include "widgets/scenario_controller.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QJsonObject>
#include <QMap>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUrl>

using hcn::ResourceKind;
using hcn::io::ImportSeverity;
using hcn::ui::DumpImportController;
using hcn::ui::ImportReportModel;
using hcn::ui::MainWindow;

namespace {

const char* kSampleCounts = "2 networks \u00b7 11 endpoints \u00b7 7 namespaces \u00b7 4 load balancers";
const QString kLocalEndpoint = QStringLiteral("0F8E2D41-6A3B-4C5D-9E7F-8091A2B3C4D5");
const QString kLoadBalancer = QStringLiteral("B5A4C3D2-E1F0-4A9B-8C7D-6E5F4A3B2C1D");

/// A window showing the sample host, the way hcn-console starts.
struct Window
{
    MainWindow window;
    bool loaded = false;

    Window() { loaded = hcntest::showSampleHost(window); }

    DumpImportController* dumps() { return window.dumpImportController(); }
    hcn::ui::ImportReportDock* report() { return window.importReportDock(); }
    const hcn::Api* host()
    {
        return window.mirror()->worker() ? window.mirror()->worker()->sharedApi().get() : nullptr;
    }
    QString counts() { return window.hostStatusBar()->countsText(); }

    /// Runs `start` and waits for the import's outcome: true when the imported host is shown.
    template <typename Start> bool import(Start start, QString* failure = nullptr)
    {
        QSignalSpy imported(dumps(), &DumpImportController::imported);
        QSignalSpy failed(dumps(), &DumpImportController::failed);
        start();
        if (!QTest::qWaitFor([&] { return imported.count() + failed.count() > 0; }, 60000))
            return false;
        if (failure && !failed.isEmpty())
            *failure = failed.front().at(1).toString();
        return imported.count() == 1;
    }

    /// The report row whose message contains `text`, or an invalid index.
    QModelIndex reportRow(const QString& text)
    {
        ImportReportModel* model = report()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->index(row, ImportReportModel::MessageColumn).data().toString().contains(text))
                return model->index(row, ImportReportModel::MessageColumn);
        return {};
    }

    /// The source file (before the first ':') of the report row whose message contains `text`.
    QString reportRowSource(const QString& text)
    {
        return report()
            ->model()
            ->index(reportRow(text).row(), ImportReportModel::LocationColumn)
            .data()
            .toString()
            .section(':', 0, 0);
    }

    /// The objects selected in the resource tree.
    QStringList treeSelectedIds()
    {
        QStringList ids;
        for (const QModelIndex& row : window.resourceTreeDock()->view()->selectionModel()->selectedRows())
            ids << row.data(hcn::ui::ResourceTreeModel::ObjectIdRole).toString().toUpper();
        return ids;
    }
};

QMessageBox* visibleMessage(QWidget* parent)
{
    for (QMessageBox* box : parent->findChildren<QMessageBox*>(QStringLiteral("DumpImportMessage")))
        if (box->isVisible())
            return box;
    return nullptr;
}

} // namespace

class TestDumpImportUi : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void menusOfferTheDumpActions();
    void importsAreNamedAfterWhatWasOpened_data();
    void importsAreNamedAfterWhatWasOpened();
    void openingFilesShowsAReadOnlyHost();
    void reportRowSelectsTheObjectItNames();
    void aCollectlogsFolderOpensUnderItsName();
    void anArchiveOpensWithItsEntriesAsSources();
    void pasteImportsTheClipboard();
    void droppedFilesAreImported();
    void cancelKeepsTheCurrentHost();
    void nothingRecoverableKeepsTheHostWithAMessage_data();
    void nothingRecoverableKeepsTheHostWithAMessage();
    void aLogAloneOpensWithWhatItLogs();
    void secondOpenAsksBeforeReplacing();
    void savedImportReopensWithItsReport();
    void liveHostClearsTheReport();
    void aMadeUpIdSaysSo();
    void membersTheDumpDoesNotNameAreSaid();
    void endpointsTheHostHadAreSaid();
    void largeImportKeepsTheWindowResponsive();

private:
    QTemporaryDir m_dir;
};

void TestDumpImportUi::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath("settings"));
    QCoreApplication::setOrganizationName("HCN Console Tests");
    QCoreApplication::setApplicationName("tst_dumpimportui");
    hcn::ui::initConsoleResources();
}

void TestDumpImportUi::cleanup()
{
    for (QMessageBox* box : qApp->findChildren<QMessageBox*>())
        box->close();
}

void TestDumpImportUi::menusOfferTheDumpActions()
{
    Window w;
    QMap<QString, QString> shortcuts; // shortcut -> action, for every action of the window's menus
    QStringList clashes;
    for (QAction* menu : w.window.menuBar()->actions())
        for (QAction* action : menu->menu()->actions()) {
            const QString key = action->shortcut().toString();
            if (key.isEmpty())
                continue;
            if (shortcuts.contains(key))
                clashes << key + ": " + shortcuts.value(key) + " / " + action->objectName();
            shortcuts.insert(key, action->objectName());
        }
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join('\n')));
    QCOMPARE(shortcuts.value(QStringLiteral("Ctrl+Shift+O")), QStringLiteral("actionOpenDump"));
    QCOMPARE(shortcuts.value(QStringLiteral("Ctrl+Shift+V")), QStringLiteral("actionPasteDump"));
    QVERIFY(w.window.findChild<QAction*>(QStringLiteral("actionOpenDumpFolder")));
    // The report dock waits until there is a report.
    QVERIFY(!w.report()->isVisible());
    QVERIFY(w.window.findChild<QAction*>(QStringLiteral("actionToggleImportReportDock")));
}

void TestDumpImportUi::importsAreNamedAfterWhatWasOpened_data()
{
    QTest::addColumn<QStringList>("paths");
    QTest::addColumn<QString>("name");
    QTest::newRow("one file") << QStringList{"/tmp/case-123/network.txt"} << QStringLiteral("network.txt");
    QTest::newRow("two files") << QStringList{"/a/network.txt", "/b/endpoint.txt"}
                               << QStringLiteral("network.txt, endpoint.txt");
    QTest::newRow("a folder with a trailing slash")
        << QStringList{"/cases/collectlogs/"} << QStringLiteral("collectlogs");
    QTest::newRow("five archives") << QStringList{"/a/1.zip", "/a/2.zip", "/a/3.tgz", "/a/4.tar",
                                                  "/a/5%2.zip"}
                                   << QStringLiteral("1.zip, 2.zip, 3.tgz and 2 more");
}

void TestDumpImportUi::importsAreNamedAfterWhatWasOpened()
{
    QFETCH(QStringList, paths);
    QFETCH(QString, name);
    QCOMPARE(DumpImportController::displayName(paths), name);
}

void TestDumpImportUi::openingFilesShowsAReadOnlyHost()
{
    Window w;
    QVERIFY(w.loaded);
    QString failure;
    QVERIFY2(w.import(
                 [&] {
                     w.dumps()->openPaths({dumpPath("import-endpoints-depth2.json"),
                                           dumpPath("import-network-policylists.txt")});
                 },
                 &failure),
             qPrintable(failure));
    QCOMPARE(w.window.mirror()->count(ResourceKind::Endpoint), 3);
    QCOMPARE(w.window.mirror()->count(ResourceKind::Network), 1);
    QCOMPARE(w.window.mirror()->count(ResourceKind::LoadBalancer), 1);
    QVERIFY(w.window.resourceTreeDock()->model()->indexOf(kLocalEndpoint).isValid());
    QCOMPARE(w.window.windowTitle(),
             QStringLiteral("HCN Console \u2014 offline snapshot, read-only: import-endpoints-depth2.json, "
                            "import-network-policylists.txt"));
    QVERIFY(w.window.mirror()->info().readOnly);
    // Nothing can be changed.
    w.window.selection()->setIds({kLocalEndpoint});
    QVERIFY(!w.window.propertiesDock()->deleteAction()->isEnabled());
    for (QAction* action : w.window.propertiesDock()->newObjectActions())
        QVERIFY(!action->isEnabled());
    // The import had warnings: the report shows by itself, with its counts.
    QVERIFY(w.report()->isVisible());
    QVERIFY(w.report()->model()->rowCount() > 0);
    QVERIFY(w.report()
                ->severityButton(ImportSeverity::Warning)
                ->text()
                .contains(QString::number(w.report()->model()->count(ImportSeverity::Warning))));
    QVERIFY(!w.dumps()->isImporting());
}

void TestDumpImportUi::reportRowSelectsTheObjectItNames()
{
    Window w;
    QVERIFY(w.loaded);
    QVERIFY(w.import([&] {
        w.dumps()->openPaths(
            {dumpPath("import-endpoints-depth2.json"), dumpPath("import-network-policylists.txt")});
    }));
    const QModelIndex row =
        w.reportRow(QStringLiteral("backend DEADBEEF-0000-4000-8000-000000000001 is not in the dump"));
    QVERIFY(row.isValid());
    QSignalSpy selected(w.window.selection(), &hcn::ui::CurrentSelection::changed);
    w.report()->view()->setCurrentIndex(row);
    QCOMPARE(selected.count(), 1);
    QCOMPARE(w.window.selection()->current().toUpper(), kLoadBalancer);
    QCOMPARE(w.treeSelectedIds(), QStringList{kLoadBalancer}); // the tree follows
    QCOMPARE(w.window.propertiesDock()->currentId().toUpper(), kLoadBalancer);
    // Where it came from, and the text the dump printed, in a read-only monospace view.
    QVERIFY2(w.report()->detailsText().contains("Source: import-network-policylists.txt, lines "),
             qPrintable(w.report()->detailsText()));
    QPlainTextEdit* original = w.report()->originalTextView();
    QVERIFY(original->isReadOnly());
    QVERIFY(original->font().fixedPitch() || original->font().styleHint() == QFont::Monospace ||
            QFontInfo(original->font()).fixedPitch());
    QVERIFY2(original->toPlainText().contains(kLoadBalancer, Qt::CaseInsensitive),
             qPrintable(original->toPlainText()));

    // Choosing the object in the tree shows its import details too.
    w.window.selection()->setIds({kLocalEndpoint});
    const hcn::io::ImportedObject* endpoint = w.report()->model()->object(kLocalEndpoint);
    QVERIFY(endpoint);
    QCOMPARE(endpoint->firstLine, 2);
    QVERIFY2(w.report()->detailsText().contains(
                 QStringLiteral("Source: import-endpoints-depth2.json, lines 2-%1").arg(endpoint->lastLine)),
             qPrintable(w.report()->detailsText()));
    QVERIFY(w.report()->detailsText().contains("Lost:\n    Health: flattened to text by ConvertTo-Json"));
    QVERIFY(w.report()->detailsText().contains("v1 (Get-Hns*) shape"));

    // Hiding warnings hides the row; the counts stay.
    const int warnings = w.report()->model()->count(ImportSeverity::Warning);
    w.report()->severityButton(ImportSeverity::Warning)->click();
    QVERIFY(!w.reportRow(QStringLiteral("backend DEADBEEF")).isValid());
    QCOMPARE(w.report()->model()->count(ImportSeverity::Warning), warnings);
}

void TestDumpImportUi::aCollectlogsFolderOpensUnderItsName()
{
    Window w;
    QVERIFY(w.loaded);
    QString failure;
    QVERIFY2(w.import([&] { w.dumps()->openPaths({dumpPath("collectlogs")}); }, &failure),
             qPrintable(failure));
    QVERIFY2(w.window.windowTitle().endsWith("offline snapshot, read-only: collectlogs"),
             qPrintable(w.window.windowTitle()));
    QVERIFY(w.window.mirror()->count(ResourceKind::Endpoint) > 0);
    const hcn::io::ImportReport* report = w.report()->model()->report();
    QVERIFY(report);
    QStringList sources;
    for (const std::string& source : report->sources)
        sources << QString::fromStdString(source);
    QVERIFY2(sources.contains("collectlogs/network.txt"), qPrintable(sources.join(", ")));
}

void TestDumpImportUi::anArchiveOpensWithItsEntriesAsSources()
{
    if (!hcn::io::archivesSupported())
        QSKIP("this build reads no archives");
    const QString archive = m_dir.filePath(QStringLiteral("logs.tar.gz"));
    QProcess tar;
    tar.start(QStringLiteral("tar"), {"czf", archive, "-C", dumpPath(QString()), "collectlogs"});
    QVERIFY(tar.waitForFinished(30000));
    QCOMPARE(tar.exitCode(), 0);

    Window w;
    QVERIFY(w.loaded);
    QString failure;
    QVERIFY2(w.import([&] { w.dumps()->openPaths({archive}); }, &failure), qPrintable(failure));
    QVERIFY2(w.window.windowTitle().endsWith("offline snapshot, read-only: logs.tar.gz"),
             qPrintable(w.window.windowTitle()));
    QStringList sources;
    for (const std::string& source : w.report()->model()->report()->sources)
        sources << QString::fromStdString(source);
    QVERIFY2(sources.contains("logs.tar.gz!collectlogs/network.txt"), qPrintable(sources.join(", ")));
    QVERIFY(w.window.mirror()->count(ResourceKind::Endpoint) > 0);
}

void TestDumpImportUi::pasteImportsTheClipboard()
{
    Window w;
    QVERIFY(w.loaded);
    QApplication::clipboard()->setText(QString::fromUtf8(readDump("import-endpoints-depth2.json")));
    QAction* paste = w.window.findChild<QAction*>(QStringLiteral("actionPasteDump"));
    QVERIFY(paste);
    QString failure;
    QVERIFY2(w.import([&] { paste->trigger(); }, &failure), qPrintable(failure));
    QCOMPARE(w.window.mirror()->count(ResourceKind::Endpoint), 3);
    QVERIFY2(w.window.windowTitle().endsWith("offline snapshot, read-only: clipboard"),
             qPrintable(w.window.windowTitle()));
    QVERIFY(w.reportRow(QStringLiteral("known only from the endpoints")).isValid());
    QCOMPARE(w.reportRowSource("known only from the endpoints"), QStringLiteral("clipboard"));
}

void TestDumpImportUi::droppedFilesAreImported()
{
    Window w;
    QVERIFY(w.loaded);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(dumpPath("import-endpoints-depth2.json")),
                  QUrl::fromLocalFile(dumpPath("import-network-policylists.txt"))});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&w.window, &enter);
    QVERIFY(enter.isAccepted());
    QVERIFY(w.import([&] {
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w.window, &drop);
    }));
    QCOMPARE(w.window.mirror()->count(ResourceKind::Endpoint), 3);
    QVERIFY(w.window.windowTitle().contains("import-network-policylists.txt"));

    // Something that is not a dump is not accepted.
    QMimeData image;
    image.setImageData(QImage(4, 4, QImage::Format_RGB32));
    QDragEnterEvent refused(QPoint(10, 10), Qt::CopyAction, &image, Qt::LeftButton, Qt::NoModifier);
    refused.setAccepted(false);
    QApplication::sendEvent(&w.window, &refused);
    QVERIFY(!refused.isAccepted());
}

void TestDumpImportUi::cancelKeepsTheCurrentHost()
{
    Window w;
    QVERIFY(w.loaded);
    const hcn::Api* before = w.host();
    QSignalSpy failed(w.dumps(), &DumpImportController::failed);
    QSignalSpy imported(w.dumps(), &DumpImportController::imported);
    QVERIFY(w.dumps()->openBytes(QStringLiteral("clipboard"), readDump("import-endpoints-depth2.json")));
    QVERIFY(w.dumps()->isImporting());
    QProgressDialog* progress = w.dumps()->progressDialog();
    QVERIFY(progress);
    QCOMPARE(progress->windowModality(), Qt::NonModal);
    QPushButton* cancel = progress->findChild<QPushButton*>();
    QVERIFY(cancel);
    cancel->click(); // the user's Cancel
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.front().at(2).toBool(), true);
    QVERIFY(!w.dumps()->isImporting());
    // The abandoned import never shows up later.
    QTest::qWait(300);
    QCOMPARE(imported.count(), 0);
    QCOMPARE(w.host(), before);
    QCOMPARE(w.counts(), QString::fromUtf8(kSampleCounts));
    QVERIFY(!w.window.mirror()->info().readOnly);
    QVERIFY(!visibleMessage(&w.window)); // a cancel is not an error
}

void TestDumpImportUi::nothingRecoverableKeepsTheHostWithAMessage_data()
{
    QTest::addColumn<QString>("file"); ///< a test dump or an absolute path; empty: pasted prose
    QTest::addColumn<QString>("reason");
    QTest::newRow("binary file") << QStringLiteral("garbage.bin")
                                 << QStringLiteral("garbage.bin: skipped: not text");
    // A collectlogs folder holding only prose: read, nothing found.
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("prose")));
    QFile notes(m_dir.filePath(QStringLiteral("prose/notes.txt")));
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("The customer says the network broke on Monday.\nNo output was attached.\n");
    notes.close();
    QTest::newRow("a folder without objects")
        << m_dir.filePath(QStringLiteral("prose")) << QStringLiteral("Nothing in prose could be read");
    QTest::newRow("missing file") << QStringLiteral("no-such-dump.txt") << QStringLiteral("no-such-dump.txt");
    QTest::newRow("pasted prose") << QString() << QStringLiteral("Nothing in clipboard could be read");
}

void TestDumpImportUi::nothingRecoverableKeepsTheHostWithAMessage()
{
    QFETCH(QString, file);
    QFETCH(QString, reason);
    Window w;
    QVERIFY(w.loaded);
    const hcn::Api* before = w.host();
    QString failure;
    const bool imported = w.import(
        [&] {
            if (file.isEmpty())
                w.dumps()->openBytes(QStringLiteral("clipboard"),
                                     "Hello, the network is broken since Monday.\n");
            else
                w.dumps()->openPaths({QFileInfo(file).isAbsolute() ? file : dumpPath(file)});
        },
        &failure);
    QVERIFY(!imported);
    QVERIFY2(failure.contains("the current host is unchanged") && failure.contains(reason),
             qPrintable(failure));
    QMessageBox* box = visibleMessage(&w.window);
    QVERIFY(box);
    QCOMPARE(box->text(), failure);
    QCOMPARE(w.host(), before);
    QCOMPARE(w.counts(), QString::fromUtf8(kSampleCounts));
    QVERIFY(!w.window.windowTitle().contains("read-only"));
}

void TestDumpImportUi::aLogAloneOpensWithWhatItLogs()
{
    // A node's log with HNS failures and no object: what it logs is what the engineer came for.
    Window w;
    QVERIFY(w.loaded);
    QString failure;
    QVERIFY2(
        w.import([&] { w.dumps()->openPaths({dumpPath("node-log-hns-failures-in-words.log")}); }, &failure),
        qPrintable(failure));
    QVERIFY(!visibleMessage(&w.window));
    QVERIFY(w.window.mirror()->info().readOnly);
    for (ResourceKind kind : hcn::kResourceKinds)
        QCOMPARE(w.window.mirror()->count(kind), 0);
    QVERIFY(w.report()->isVisible());
    QVERIFY(w.report()->model()->count(ImportSeverity::Warning) > 0);
    QVERIFY(w.reportRow(QStringLiteral("it is read as a log")).isValid());
}

void TestDumpImportUi::secondOpenAsksBeforeReplacing()
{
    Window w;
    QVERIFY(w.loaded);
    QStringList asked;
    bool answer = true;
    w.window.scenarioController()->setReplaceQuestion([&](const QString& current, const QString& incoming) {
        asked << current + QStringLiteral(" -> ") + incoming;
        return answer;
    });
    // A live host is replaced without a question.
    QVERIFY(w.import([&] {
        w.dumps()->openBytes(QStringLiteral("clipboard"), readDump("import-endpoints-depth2.json"));
    }));
    QVERIFY(asked.isEmpty());
    const hcn::Api* first = w.host();
    const QString title = w.window.windowTitle();

    // Cancel keeps the first offline host, for a dump and for a snapshot file alike.
    answer = false;
    QVERIFY(!w.dumps()->openPaths({dumpPath("import-network-policylists.txt")}));
    QCOMPARE(asked, QStringList{"clipboard -> import-network-policylists.txt"});
    QVERIFY(!w.dumps()->isImporting());
    w.window.scenarioController()->openSnapshotInteractive(dumpPath("network-crlf.json"));
    QCOMPARE(asked.size(), 2);
    QVERIFY(!w.window.scenarioController()->isLoading());
    w.window.findChild<QAction*>(QStringLiteral("actionNewHost"))
        ->trigger(); // a new host would discard it too
    QCOMPARE(asked.size(), 3);
    QCOMPARE(asked.back(), QStringLiteral("clipboard -> a new empty host"));
    QVERIFY(!w.window.scenarioController()->isLoading());
    QTest::qWait(100);
    QCOMPARE(w.host(), first);
    QCOMPARE(w.window.windowTitle(), title);

    // Replace replaces.
    answer = true;
    QVERIFY(w.import([&] { w.dumps()->openPaths({dumpPath("import-network-policylists.txt")}); }));
    QCOMPARE(asked.size(), 4);
    QVERIFY(w.host() != first);
    QVERIFY(w.window.windowTitle().endsWith("read-only: import-network-policylists.txt"));
}

void TestDumpImportUi::savedImportReopensWithItsReport()
{
    // What `hcnctl import --json` writes: the snapshot with its "Import" report.
    auto imported =
        hcn::io::importDump({{"endpoint.txt", readDump("import-endpoints-depth2.json").toStdString()}});
    QVERIFY(imported.ok());
    const QString path = m_dir.filePath("saved-import.json");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray::fromStdString(imported->snapshot.dump(2)));
    file.close();

    Window w;
    QVERIFY(w.loaded);
    QCOMPARE(w.report()->model()->rowCount(), 0);
    QSignalSpy shown(w.window.scenarioController(), &hcn::ui::ScenarioController::hostLoaded);
    w.window.scenarioController()->loadSnapshot(path);
    QVERIFY(shown.wait(10000));
    QVERIFY(w.window.windowTitle().endsWith("read-only: saved-import.json"));
    QCOMPARE(w.report()->model()->rowCount(), int(imported->report.messages.size()));
    QVERIFY(w.reportRow(QStringLiteral("known only from the endpoints")).isValid());
    QVERIFY(w.report()->model()->object(kLocalEndpoint));
    // The source named when it was imported.
    QCOMPARE(w.reportRowSource("known only from the endpoints"), QStringLiteral("endpoint.txt"));

    // A snapshot whose objects the loader skips: its load warnings are rows too.
    const QString skipped = m_dir.filePath("skipped.json");
    QFile second(skipped);
    QVERIFY(second.open(QIODevice::WriteOnly));
    second.write(
        R"({"Networks":[{"ID":"5a1b2c3d-0000-4000-8000-000000000001","Name":"nat"},{"Name":"no id"}]})");
    second.close();
    w.window.scenarioController()->loadSnapshot(skipped);
    QVERIFY(shown.wait(10000));
    QCOMPARE(w.report()->model()->rowCount(), 1);
    QVERIFY2(w.reportRow(QStringLiteral("skipped")).isValid(),
             qPrintable(w.report()->model()->index(0, ImportReportModel::MessageColumn).data().toString()));
}

void TestDumpImportUi::liveHostClearsTheReport()
{
    Window w;
    QVERIFY(w.loaded);
    QVERIFY(w.import([&] {
        w.dumps()->openBytes(QStringLiteral("clipboard"), readDump("import-endpoints-depth2.json"));
    }));
    QVERIFY(w.report()->model()->rowCount() > 0);
    QSignalSpy shown(w.window.scenarioController(), &hcn::ui::ScenarioController::hostLoaded);
    w.window.scenarioController()->newEmptyHost();
    QVERIFY(shown.wait(10000));
    QCOMPARE(w.report()->model()->rowCount(), 0);
    QVERIFY(!w.report()->model()->report());
    QVERIFY(!w.window.scenarioController()->importReport());
}

void TestDumpImportUi::aMadeUpIdSaysSo()
{
    // The network's ID is "<redacted>" in the dump: the snapshot's ID is the import's, and its
    // properties say so; the endpoint's ID is the dump's own.
    const QString network = QStringLiteral("D44A723E-16BE-4B44-9C84-ED01A685E288");
    const QString endpoint = QStringLiteral("4B852197-C2A3-46F8-9D14-95E3F2074A8C");
    const QString said = QStringLiteral("made up by the import: the dump does not show this object's ID");
    Window w;
    QVERIFY(w.loaded);
    QVERIFY(w.import([&] { w.dumps()->openPaths({dumpPath("redacted-network-id.json")}); }));
    hcn::ui::ObjectGlance* glance = w.window.propertiesDock()->glance();
    w.window.selection()->setIds({network});
    QVERIFY2(glance->plainText().contains(network + QStringLiteral(" (") + said),
             qPrintable(glance->plainText()));
    w.window.selection()->setIds({endpoint});
    QVERIFY2(glance->plainText().contains(endpoint), qPrintable(glance->plainText()));
    QVERIFY2(!glance->plainText().contains(said), qPrintable(glance->plainText()));

    // A live host has no made-up IDs.
    QSignalSpy shown(w.window.scenarioController(), &hcn::ui::ScenarioController::hostLoaded);
    w.window.scenarioController()->newEmptyHost();
    QVERIFY(shown.wait(10000));
    glance->showObject(ResourceKind::Network, network, QJsonObject());
    QVERIFY2(!glance->plainText().contains(said), qPrintable(glance->plainText()));
}

void TestDumpImportUi::membersTheDumpDoesNotNameAreSaid()
{
    // `ResourceList : {@{Data=; Type=Endpoint}, ...}`: two endpoints, which ones the list view does not
    // show; the namespace's properties say so rather than "none".
    Window w;
    QVERIFY(w.loaded);
    QVERIFY(w.import([&] { w.dumps()->openPaths({dumpPath("listview-namespace-flattened-members.txt")}); }));
    w.window.selection()->setIds({QStringLiteral("3A6F9C12-D84B-4E71-B2A5-07E9C3D1F6B8")});
    const QString text = w.window.propertiesDock()->glance()->plainText();
    QVERIFY2(text.contains(QStringLiteral("2 the dump does not name")) &&
                 !text.contains(QStringLiteral("none")),
             qPrintable(text));
}

void TestDumpImportUi::endpointsTheHostHadAreSaid()
{
    // Get-HnsNetwork alone: the networks' endpoints are not in the dump, their CurrentEndpointCount
    // is. The properties, the network's row and the networks' group say both rather than "none".
    Window w;
    QVERIFY(w.loaded);
    QVERIFY(w.import([&] { w.dumps()->openPaths({dumpPath("listview-networks.txt")}); }));
    const QString nat = QStringLiteral("7C2E5A90-1F4B-4D86-93AE-B05D8C7F2E61");
    w.window.selection()->setIds({nat});
    const QString text = w.window.propertiesDock()->glance()->plainText();
    QVERIFY2(text.contains(QStringLiteral("none in the snapshot (2 on the host)")), qPrintable(text));

    QAbstractItemModel* tree = w.window.resourceTreeDock()->view()->model();
    const QModelIndexList rows = tree->match(tree->index(0, 0), hcn::ui::ResourceTreeModel::ObjectIdRole, nat,
                                             1, Qt::MatchFixedString | Qt::MatchRecursive);
    QCOMPARE(rows.size(), 1);
    const QString tip = rows.front().data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.endsWith(QStringLiteral("with 0 endpoint(s) in the snapshot (2 on the host)")),
             qPrintable(tip));
    const QModelIndex group = rows.front().parent();
    const QString total = group.siblingAtColumn(int(hcn::ui::TreeColumn::Details)).data().toString();
    QCOMPARE(total, QStringLiteral("0 endpoint(s) in the snapshot (7 on the host)"));

    // Networks with their endpoints in the dump: the count alone.
    w.window.scenarioController()->setReplaceQuestion([](const QString&, const QString&) { return true; });
    QVERIFY(w.import([&] { w.dumps()->openPaths({dumpPath("export-csv-networks-endpoints.csv")}); }));
    w.window.selection()->setIds({QStringLiteral("4E7A1C93-8B25-4F60-9D1E-2A3B4C5D6E7F")});
    const QString held = w.window.propertiesDock()->glance()->plainText();
    QVERIFY2(!held.contains(QStringLiteral("on the host")) && !held.contains(QStringLiteral("none")),
             qPrintable(held));
}

void TestDumpImportUi::largeImportKeepsTheWindowResponsive()
{
    // 10,000 v1 endpoints (Get-HnsEndpoint | ConvertTo-Json) on one network: the import runs on the
    // new host's worker, so the GUI thread's timer keeps ticking until the finished host is shown.
    const int kEndpoints = 10000;
    QByteArray dump = "[\n";
    for (int i = 0; i < kEndpoints; ++i) {
        dump +=
            QStringLiteral("  {\"ID\": \"%1-0000-4000-8000-000000000001\", \"Name\": \"ep-%2\", "
                           "\"VirtualNetwork\": \"7D3E5A91-2C4B-4F6E-9A18-B0C2D4E6F801\", "
                           "\"VirtualNetworkName\": \"cbr0\", \"IPAddress\": \"10.%3.%4.%5\", "
                           "\"MacAddress\": \"00-15-5D-00-%6-%7\", \"Type\": \"L2Bridge\", \"State\": 2}%8\n")
                .arg(i, 8, 16, QLatin1Char('0'))
                .arg(i)
                .arg(i >> 16)
                .arg((i >> 8) & 255)
                .arg(i & 255)
                .arg((i >> 8) & 255, 2, 16, QLatin1Char('0'))
                .arg(i & 255, 2, 16, QLatin1Char('0'))
                .arg(i + 1 < kEndpoints ? "," : "")
                .toUtf8();
    }
    dump += "]\n";
    const QString path = m_dir.filePath("endpoints-10000.json");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(dump);
    file.close();

    Window w;
    QVERIFY(w.loaded);
    // Ticks every 5 ms until the mirror takes the new host: its reset() comes at the end of that one
    // GUI-thread step (the same for every host shown), measured apart.
    hcntest::GuiStallProbe probe(5);
    QCoreApplication::processEvents(); // the window's first paint is not the import's
    double showing = 0;
    double importDone = 0;
    bool shownYet = false;
    connect(w.window.mirror(), &hcn::ui::HostMirror::reset, this, [&] {
        if (shownYet)
            return;
        shownYet = true;
        importDone = probe.lastTickMs();
        showing = probe.elapsedMs() - importDone;
        probe.stop();
    });
    probe.start();
    QString failure;
    QVERIFY2(w.import([&] { w.dumps()->openPaths({path}); }, &failure), qPrintable(failure));
    const double total = probe.elapsedMs();
    probe.stop();
    QCOMPARE(w.window.mirror()->count(ResourceKind::Endpoint), kEndpoints);
    qInfo("import of %d endpoints: about %.0f ms importing (%d GUI timer ticks, longest gap %.0f ms "
          "of which %.1f ms CPU on the GUI thread), %.0f ms taking the host, %.0f ms until shown; "
          "%d report rows",
          kEndpoints, importDone, probe.ticks(), probe.longestGapMs(), probe.cpuInLongestGapMs(), showing,
          total, w.report()->model()->rowCount());
    // Importing on the GUI thread would be one stall as long as the import. A loaded machine delays the
    // timer too (hundreds of ms at full CPU pressure), but it slows the import as much: compare the two.
    QVERIFY2(probe.longestGapMs() * 4 < importDone,
             qPrintable(QStringLiteral("%1 of %2 ms").arg(probe.longestGapMs()).arg(importDone)));
    QVERIFY(probe.ticks() > 10);
}

QTEST_MAIN(TestDumpImportUi)
#include "tst_dumpimportui.moc"
