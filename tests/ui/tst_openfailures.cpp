// A file the console cannot open (a snapshot, scenario, dump or archive, recording, a Compare With...
// file) leaves a row in the event log: "Open failed", the file's name, the reason in words; the row is
// filterable by its type and exported with the others, and the host shown stays as it was.

#include "compare/compare_controller.h"
#include "hcn/dump_sources.h"
#include "models/api_worker.h"
#include "models/console_resources.h"
#include "models/event_filter_proxy.h"
#include "models/event_log_model.h"
#include "models/host_mirror.h"
#include "sample_host.h"
#include "widgets/dump_import_controller.h"
#include "widgets/event_log_dock.h"
#include "widgets/host_status_bar.h"
#include "widgets/main_window.h"
#include "widgets/recording_controller.h"
#include "widgets/scenario_controller.h"

#include <QApplication>
#include <QFile>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using hcn::ui::EventLogModel;
using hcn::ui::MainWindow;

namespace {

/// A window showing the sample host, the way hcn-console starts.
struct Window
{
    MainWindow window;
    bool loaded = false;

    Window() { loaded = hcntest::showSampleHost(window); }

    EventLogModel* log() { return window.eventLogDock()->model(); }
    const hcn::Api* host()
    {
        return window.mirror()->worker() ? window.mirror()->worker()->sharedApi().get() : nullptr;
    }

    /// Rows of the log whose type is Open failed.
    QList<int> openFailedRows()
    {
        log()->flush();
        QList<int> rows;
        for (int row = 0; row < log()->rowCount(); ++row)
            if (EventLogModel::filterType(log()->record(row)) == EventLogModel::kOpenFailedFilterType)
                rows.append(row);
        return rows;
    }
};

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

/// A tar archive whose only entry announces 8 KiB and ends after 100 bytes.
QByteArray truncatedTar()
{
    QByteArray header(512, '\0');
    auto put = [&header](int offset, const QByteArray& field) {
        header.replace(offset, field.size(), field);
    };
    put(0, "network.txt");
    put(100, "0000644");
    put(108, "0000000");
    put(116, "0000000");
    put(124, "00000020000"); // 8192 bytes, octal
    put(136, "00000000000");
    put(148, "        "); // the checksum counts its own field as spaces
    put(156, "0");
    put(257, QByteArray("ustar") + '\0' + "00");
    unsigned sum = 0;
    for (char c : header)
        sum += static_cast<unsigned char>(c);
    put(148, QByteArray::number(sum, 8).rightJustified(6, '0') + QByteArray("\0 ", 2));
    return header + QByteArray(100, 'x');
}

} // namespace

class TestOpenFailures : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void failedOpenIsARow_data();
    void failedOpenIsARow();
    void openFailedRowsAreFilteredAndExported();

private:
    QTemporaryDir m_dir;
};

void TestOpenFailures::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath("settings"));
    QCoreApplication::setOrganizationName("HCN Console Tests");
    QCoreApplication::setApplicationName("tst_openfailures");
    hcn::ui::initConsoleResources();
    writeFile(m_dir.filePath("notes.json"), "These are notes, not a snapshot.\n");
    writeFile(m_dir.filePath("notes.hcnrec"), "These are notes, not a recording.\n");
    writeFile(m_dir.filePath("logs.tar"), truncatedTar());
}

void TestOpenFailures::cleanup()
{
    for (QMessageBox* box : qApp->findChildren<QMessageBox*>())
        box->close();
}

void TestOpenFailures::failedOpenIsARow_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("says"); // a few words of the reason
    auto add = [](const char* name, const char* how, const char* file, const char* says) {
        QTest::newRow(name) << QString::fromLatin1(how) << QString::fromLatin1(file)
                            << QString::fromLatin1(says);
    };
    add("missing snapshot", "snapshot", "missing.json", "no such file");
    add("text opened as a snapshot", "snapshot", "notes.json", "not valid JSON");
    add("missing scenario", "scenario", "missing-scenario.json", "no such file");
    add("text opened as a scenario", "scenario", "notes.json", "invalid_json");
    add("truncated archive opened as a dump", "dump", "logs.tar", "truncated");
    add("missing dump", "dump", "missing-dump.txt", "no such file");
    add("text opened as a recording", "recording", "notes.hcnrec", "not a recording");
    add("missing file to compare with", "compare", "missing-side.json", "does not exist");
    add("text to compare with", "compare", "notes.json", "neither a snapshot nor a dump");
}

void TestOpenFailures::failedOpenIsARow()
{
    QFETCH(QString, how);
    QFETCH(QString, file);
    QFETCH(QString, says);
    if (file.endsWith(".tar") && !hcn::io::archivesSupported())
        QSKIP("this build reads no archives");
    Window w;
    QVERIFY(w.loaded);
    const hcn::Api* before = w.host();
    const QString counts = w.window.hostStatusBar()->countsText();
    const QString title = w.window.windowTitle();
    QVERIFY(w.openFailedRows().isEmpty());

    const QString path = m_dir.filePath(file);
    if (how == "snapshot")
        w.window.scenarioController()->loadSnapshot(path);
    else if (how == "scenario")
        w.window.scenarioController()->loadScenario(path);
    else if (how == "dump")
        QVERIFY(w.window.dumpImportController()->openPaths({path}));
    else if (how == "recording")
        w.window.recordingController()->load(path);
    else
        w.window.compareController()->compareWithFile(path);

    QVERIFY(QTest::qWaitFor([&] { return !w.openFailedRows().isEmpty(); }, 30000));
    const QList<int> rows = w.openFailedRows();
    QCOMPARE(rows.size(), 1);
    const int row = rows.front();
    QCOMPARE(w.log()->displayText(row, EventLogModel::TypeColumn), QString("Open failed"));
    QCOMPARE(w.log()->displayText(row, EventLogModel::ObjectColumn), file);
    QVERIFY(!w.log()->displayText(row, EventLogModel::TimeColumn).isEmpty());
    const QString summary = w.log()->displayText(row, EventLogModel::SummaryColumn);
    QVERIFY2(summary.startsWith(file + " was not opened; the host shown is unchanged: "),
             qPrintable(summary));
    QVERIFY2(summary.contains(says, Qt::CaseInsensitive), qPrintable(summary));
    QVERIFY2(!summary.contains('\n'), qPrintable(summary));
    // The details pane has the whole path and the reason as the console got it.
    const hcn::ui::EventDetails details = w.log()->details(row);
    QVERIFY2(details.payload.contains(QFileInfo(path).fileName()), qPrintable(details.payload));

    // The host shown is the one before.
    QTest::qWait(50);
    QCOMPARE(w.host(), before);
    QCOMPARE(w.window.hostStatusBar()->countsText(), counts);
    QCOMPARE(w.window.windowTitle(), title);
}

void TestOpenFailures::openFailedRowsAreFilteredAndExported()
{
    Window w;
    QVERIFY(w.loaded);
    w.window.scenarioController()->loadSnapshot(m_dir.filePath("missing.json"));
    QVERIFY(QTest::qWaitFor([&] { return !w.openFailedRows().isEmpty(); }, 30000));
    const QString summary = w.log()->displayText(w.openFailedRows().front(), EventLogModel::SummaryColumn);

    // Ticking the type shows only those rows; the Host opened marker is of another type.
    hcn::ui::EventFilterProxy* proxy = w.window.eventLogDock()->proxy();
    const int all = proxy->rowCount();
    QVERIFY(all >= 2);
    proxy->setTypeFilter(QSet<quint32>{EventLogModel::kOpenFailedFilterType});
    QCOMPARE(proxy->rowCount(), 1);
    QCOMPARE(proxy->index(0, EventLogModel::ObjectColumn).data().toString(), QString("missing.json"));
    proxy->setTypeFilter(QSet<quint32>{EventLogModel::kMarkerFilterType});
    QVERIFY(proxy->rowCount() >= 1);
    for (int row = 0; row < proxy->rowCount(); ++row)
        QVERIFY(proxy->index(row, EventLogModel::TypeColumn).data().toString() != "Open failed");
    proxy->setTypeFilter(QSet<quint32>{});
    QCOMPARE(proxy->rowCount(), all);

    // The CSV export has the row with its time, type, file and reason.
    const QString csv = m_dir.filePath("log.csv");
    QCOMPARE(w.window.eventLogDock()->exportTo(csv), QString());
    QFile exported(csv);
    QVERIFY(exported.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(exported.readAll());
    QString line;
    for (const QString& candidate : text.split('\n'))
        if (candidate.contains("Open failed"))
            line = candidate;
    QVERIFY2(!line.isEmpty(), qPrintable(text));
    QVERIFY2(line.contains("missing.json"), qPrintable(line));
    QVERIFY2(line.contains(summary.section(": ", 1).left(20)), qPrintable(line));
}

QTEST_MAIN(TestOpenFailures)
#include "tst_openfailures.moc"
