// What a support engineer hands over: one dump file, a collectlogs.ps1 folder, or archives of them
// (inside each other too). Everything is built here at test time: real files, folders, links, zip and
// tar.gz archives, a bomb written streaming, a sparse 1 GiB file.

#include "dump_files.h"
#include "hcn/dump_import.h"
#include "hcn/dump_sources.h"
#include "hcn/dump_text.h"
#include "zip_entry_names.h"

#include <QtTest>

#ifdef HCN_TEST_HAVE_LIBARCHIVE
#include <archive.h>
#include <archive_entry.h>
#endif

#include <clocale>
#include <functional>

using namespace hcn;
using namespace hcn::io;

namespace {

const QByteArray networkJson = "{\"ID\":\"3F1C9B27-6A0D-4C1E-8E52-7B9D0A4C2E11\",\"Type\":\"NAT\"}\r\n";
const QByteArray endpointJson = "[{\"ID\":\"B7E2A9C4-3D51-4F86-A0C2-9E1B7D5F3A62\"}]\r\n";
/// What Windows PowerShell 5.1 `>` writes: UTF-16 LE with BOM.
QByteArray utf16(const QString& text, bool bom)
{
    QByteArray out = bom ? QByteArray("\xFF\xFE", 2) : QByteArray();
    for (const QChar c : text) {
        out += char(c.unicode() & 0xFF);
        out += char(c.unicode() >> 8);
    }
    return out;
}
/// Starts like an executable / an event log: NUL bytes early on.
const QByteArray exeBytes =
    QByteArray("MZ\x90\0\x03\0\0\0\x04\0\0\0\xFF\xFF\0\0", 16) + QByteArray(2000, 'x');
const QByteArray evtxBytes = QByteArray("ElfFile\0", 8) + QByteArray(4000, '\x01');
/// macOS' AppleDouble header (`._name`, the resource fork and attributes) and Finder's `.DS_Store`.
const QByteArray appleDoubleBytes =
    QByteArray("\0\x05\x16\x07\0\x02\0\0Mac OS X        \0\x02", 26) + QByteArray(300, '\0');
const QByteArray dsStoreBytes = QByteArray("\0\0\0\x01Bud1\0\0\x10\0", 12) + QByteArray(2000, '\0');
const QByteArray pngBytes = QByteArray("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16) + QByteArray(500, '\x7F');

void writeFile(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

/// The report's messages that hold `part`, each as "warning: ..." or "info: ...".
QStringList messagesSaying(const ImportResult& result, const std::string& part)
{
    QStringList messages;
    for (const ImportMessage& m : result.report.messages)
        if (m.message.find(part) != std::string::npos)
            messages << QString::fromStdString(
                std::string(m.severity == ImportSeverity::Warning ? "warning: " : "info: ") + m.message);
    return messages;
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

QStringList names(const SourceReadResult& result)
{
    QStringList out;
    for (const DumpSource& source : result.sources)
        out << QString::fromStdString(source.name);
    return out;
}

/// "source: message" per warning, as a list would show them.
QStringList warnings(const SourceReadResult& result)
{
    QStringList out;
    for (const SourceWarning& warning : result.warnings)
        out << QString::fromStdString(warning.source + ": " + warning.message);
    return out;
}

bool anyContains(const QStringList& list, const QString& part)
{
    return std::any_of(list.begin(), list.end(), [&](const QString& s) { return s.contains(part); });
}

/// Peak resident memory since the last reset, in KiB (Linux); -1 elsewhere.
qint64 statusKiB(const char* field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(int(qstrlen(field))).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

/// Resets the peak (VmHWM) to the current resident size; false where that is not possible.
bool resetPeakMemory()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    return clear.open(QIODevice::WriteOnly) && clear.write("5") == 1;
}

/// A Windows cabinet (.cab) of one file stored without compression, written field by field (no tool
/// on Linux writes one): header, folder, file, one data block without a checksum.
QByteArray storedCabinet(const QByteArray& name, const QByteArray& bytes)
{
    const auto u16 = [](quint16 v) { return QByteArray(1, char(v & 0xFF)) + char(v >> 8); };
    const auto u32 = [&](quint32 v) { return u16(quint16(v & 0xFFFF)) + u16(quint16(v >> 16)); };
    const quint32 filesAt = 36 + 8;
    const quint32 dataAt = filesAt + 16 + quint32(name.size()) + 1;
    const quint32 total = dataAt + 8 + quint32(bytes.size());
    return "MSCF" + u32(0) + u32(total) + u32(0) + u32(filesAt) + u32(0) + QByteArray("\x03\x01", 2) +
           u16(1) + u16(1) + u16(0) + u16(0) + u16(0) + // 1 folder, 1 file
           u32(dataAt) + u16(1) + u16(0) +              // the folder: 1 block, stored
           u32(quint32(bytes.size())) + u32(0) + u16(0) + u16(0x5B84) + u16(0x5000) + u16(0x20) + name +
           QByteArray(1, '\0') +                                                     // the file
           u32(0) + u16(quint16(bytes.size())) + u16(quint16(bytes.size())) + bytes; // the block
}

quint32 crc32Of(const QByteArray& bytes)
{
    quint32 crc = 0xFFFFFFFF;
    for (const char c : bytes) {
        crc ^= quint8(c);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ (0xEDB88320 & (0 - (crc & 1)));
    }
    return ~crc;
}

/// A RAR (4) archive of one file stored without compression, written block by block (no tool on Linux
/// writes one): marker, archive header, file header and data, end of archive.
QByteArray storedRar(const QByteArray& name, const QByteArray& bytes)
{
    const auto u16 = [](quint32 v) { return QByteArray(1, char(v & 0xFF)) + char((v >> 8) & 0xFF); };
    const auto u32 = [&](quint32 v) { return u16(v & 0xFFFF) + u16(v >> 16); };
    const auto block = [&](const QByteArray& body) { return u16(crc32Of(body) & 0xFFFF) + body; };
    const auto size = quint32(bytes.size());
    const QByteArray fileHeader = QByteArray(1, '\x74') + u16(0x8000) + u16(32 + quint32(name.size())) +
                                  u32(size) + u32(size) + QByteArray(1, '\x02') + u32(crc32Of(bytes)) +
                                  u32(0x5B845000) + QByteArray("\x1D\x30", 2) + u16(quint32(name.size())) +
                                  u32(0x20) + name;
    return QByteArray("Rar!\x1A\x07\x00", 7) +
           block(QByteArray(1, '\x73') + u16(0) + u16(13) + u16(0) + u32(0)) + block(fileHeader) + bytes +
           block(QByteArray(1, '\x7B') + u16(0x4000) + u16(7));
}

#ifdef HCN_TEST_HAVE_LIBARCHIVE

enum class Format
{
    Zip,
    TarGz,
    Tar,
    SevenZip,
    TarXz,
    TarBzip2,
    TarZstd,
    // One file compressed, no archive (libarchive's raw writer): `x.json.xz`.
    Xz,
    Bzip2,
    Zstd,
    Lz4,
    Lzma,
};

/// An archive written entry by entry with libarchive's writer; large entries are streamed.
class ArchiveWriter
{
public:
    ArchiveWriter(const QString& path, Format format) : m_archive(archive_write_new())
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        const bool single = format == Format::Xz || format == Format::Bzip2 || format == Format::Zstd ||
                            format == Format::Lz4 || format == Format::Lzma;
        if (format == Format::Zip)
            archive_write_set_format_zip(m_archive);
        else if (format == Format::SevenZip)
            archive_write_set_format_7zip(m_archive);
        else if (single)
            archive_write_set_format_raw(m_archive);
        else
            archive_write_set_format_pax_restricted(m_archive);
        if (format == Format::TarGz)
            archive_write_add_filter_gzip(m_archive);
        if (format == Format::TarXz || format == Format::Xz)
            archive_write_add_filter_xz(m_archive);
        if (format == Format::TarBzip2 || format == Format::Bzip2)
            archive_write_add_filter_bzip2(m_archive);
        if (format == Format::TarZstd || format == Format::Zstd)
            archive_write_add_filter_zstd(m_archive);
        if (format == Format::Lz4)
            archive_write_add_filter_lz4(m_archive);
        if (format == Format::Lzma)
            archive_write_add_filter_lzma(m_archive);
        if (archive_write_open_filename(m_archive, QFile::encodeName(path).constData()) != ARCHIVE_OK)
            qFatal("cannot create %s: %s", qPrintable(path), archive_error_string(m_archive));
    }
    ~ArchiveWriter()
    {
        archive_write_close(m_archive);
        archive_write_free(m_archive);
    }
    ArchiveWriter(const ArchiveWriter&) = delete;
    ArchiveWriter& operator=(const ArchiveWriter&) = delete;

    void add(const QString& name, const QByteArray& bytes)
    {
        addStreamed(name, bytes.size(),
                    [&](qint64 offset, QByteArray& chunk) { chunk = bytes.mid(int(offset), 1 << 20); });
    }

    /// `fill` gives the chunk at an offset; the whole entry is never in memory.
    void addStreamed(const QString& name, qint64 size, const std::function<void(qint64, QByteArray&)>& fill,
                     bool declareSize = true)
    {
        archive_entry* entry = archive_entry_new();
        archive_entry_set_pathname(entry, name.toUtf8().constData());
        if (declareSize)
            archive_entry_set_size(entry, size);
        archive_entry_set_filetype(entry, AE_IFREG);
        archive_entry_set_perm(entry, 0644);
        if (archive_write_header(m_archive, entry) != ARCHIVE_OK)
            qFatal("cannot write the header of %s: %s", qPrintable(name), archive_error_string(m_archive));
        QByteArray chunk;
        for (qint64 offset = 0; offset < size; offset += chunk.size()) {
            fill(offset, chunk);
            chunk.truncate(int(std::min<qint64>(chunk.size(), size - offset)));
            if (chunk.isEmpty() || archive_write_data(m_archive, chunk.constData(), size_t(chunk.size())) < 0)
                qFatal("cannot write %s: %s", qPrintable(name), archive_error_string(m_archive));
        }
        archive_entry_free(entry);
    }

private:
    archive* m_archive;
};

void writeArchive(const QString& path, Format format, const QList<QPair<QString, QByteArray>>& entries)
{
    ArchiveWriter writer(path, format);
    for (const auto& [name, bytes] : entries)
        writer.add(name, bytes);
}

/// Text that does not compress, so an archive's bytes map to its entries roughly one to one.
QByteArray noisyText(int lines, quint32 seed)
{
    QByteArray out;
    QRandomGenerator random(seed);
    for (int i = 0; i < lines; ++i)
        out += "{\"ID\":\"" + QByteArray::number(random.generate64(), 16) +
               QByteArray::number(random.generate64(), 16) + "\"}\n";
    return out;
}

#endif

} // namespace

class TestDumpSources : public QObject
{
    Q_OBJECT

private slots:
    void readsWhatSupportSends_data();
    void readsWhatSupportSends();
    void readsBytesInMemory();
    void archiveNamesInOtherEncodingsAreRead_data();
    void archiveNamesInOtherEncodingsAreRead();
    void hugeFileIsRefusedWithoutReading();
    void bombIsStopped_data();
    void bombIsStopped();
    void manyEntriesAreCappedByMaxFiles();
    void totalCapNamesWhatWasNotRead();
    void damagedArchiveKeepsTheGoodEntries_data();
    void damagedArchiveKeepsTheGoodEntries();
    void progressCancels();
    void missingPathIsAnError();
    void linksStayInsideTheFolder();
    void nothingUsableSaysWhy_data();
    void nothingUsableSaysWhy();
    void nulPaddedTextIsText_data();
    void nulPaddedTextIsText();
    void transferEncodingsAreUndone_data();
    void transferEncodingsAreUndone();
    void gzipStopsAtTheFileCap();
    void aGzipFileCutShortKeepsWhatUnpacked();
    void otherArchivesAreReadOrNamed_data();
    void otherArchivesAreReadOrNamed();
    void mailsSavedAfterAFromLineAreRead_data();
    void mailsSavedAfterAFromLineAreRead();
    void mboxMailsAreImported();
    void textStartingWithFromIsNoMbox_data();
    void textStartingWithFromIsNoMbox();
    void wrappedDumpsAreImported_data();
    void wrappedDumpsAreImported();
    void aNetworkNameIsLookedUpInTheEndpointsFileFirst_data();
    void aNetworkNameIsLookedUpInTheEndpointsFileFirst();
    void aTableListedAgainSaysWhatChanged_data();
    void networksOfOneNameAreNamed_data();
    void networksOfOneNameAreNamed();
    void filesOfSeveralNodesAreToldApart_data();
    void filesOfSeveralNodesAreToldApart();
    void aTableListedAgainSaysWhatChanged();
};

void TestDumpSources::readsWhatSupportSends_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QStringList>("expectedNames");
    QTest::addColumn<QStringList>("expectedWarnings");

    QTest::newRow("a single dump file") << "file" << QStringList{"network.txt"} << QStringList{};
    QTest::newRow("UTF-16 text without extension is text")
        << "utf16" << QStringList{"hnsdiag", "network.json"} << QStringList{};
    QTest::newRow("collectlogs folder: captures and executables skipped")
        << "folder"
        << QStringList{"collectlogs/endpoint.txt", "collectlogs/hns.reg", "collectlogs/network.txt",
                       "collectlogs/sub/policy.txt"}
        << QStringList{"collectlogs/app.exe: skipped: not text", "collectlogs/hns.evtx: skipped: not text",
                       "collectlogs/sub/diagram.png: skipped: not text"};
    QTest::newRow("zip of a collectlogs folder")
        << "zip" << QStringList{"logs.zip!collectlogs/network.txt", "logs.zip!collectlogs/policy.txt"}
        << QStringList{"logs.zip!collectlogs/app.exe: skipped: not text"};
    QTest::newRow("tar.gz inside a zip")
        << "nested"
        << QStringList{"outer.zip!endpoint.txt", "outer.zip!inner.tar.gz!big.txt",
                       "outer.zip!inner.tar.gz!network.txt"}
        << QStringList{};
    QTest::newRow("a zip named .txt is an archive")
        << "disguised" << QStringList{"notes.txt!network.txt"} << QStringList{};
    QTest::newRow("tar.gz made by tar")
        << "tar"
        << QStringList{"collectlogs.tgz!collectlogs/endpoint.txt", "collectlogs.tgz!collectlogs/network.txt"}
        << QStringList{"collectlogs.tgz!collectlogs/hns.evtx: skipped: not text"};
    QTest::newRow("archives nested too deep")
        << "deep" << QStringList{"a.zip!a.txt", "a.zip!b.zip!b.txt", "a.zip!b.zip!c.zip!c.txt"}
        << QStringList{"a.zip!b.zip!c.zip!d.zip: skipped: an archive nested more than 2 levels deep"};
    QTest::newRow("a zip made on macOS: its AppleDouble files and .DS_Store are passed over")
        << "macos" << QStringList{"mac.zip!collectlogs/network.txt"} << QStringList{};
    QTest::newRow("a folder copied from macOS: ._ files, .DS_Store and __MACOSX are passed over")
        << "macos-folder" << QStringList{"collectlogs/network.txt"} << QStringList{};
}

void TestDumpSources::readsWhatSupportSends()
{
    QFETCH(QString, scenario);
    QFETCH(QStringList, expectedNames);
    QFETCH(QStringList, expectedWarnings);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString root = dir.path();
    QString given;
    if (scenario == QLatin1String("file")) {
        given = root + "/network.txt";
        writeFile(given, networkJson);
    } else if (scenario == QLatin1String("utf16")) {
        writeFile(root + "/in/hnsdiag", utf16(QString::fromLatin1(endpointJson), false));
        writeFile(root + "/in/network.json", utf16(QString::fromLatin1(networkJson), true));
        given = root + "/in";
        expectedNames = QStringList{"in/hnsdiag", "in/network.json"};
    } else if (scenario == QLatin1String("folder")) {
        given = root + "/collectlogs";
        writeFile(given + "/network.txt", networkJson);
        writeFile(given + "/endpoint.txt", endpointJson);
        writeFile(given + "/hns.reg", utf16("Windows Registry Editor Version 5.00\r\n", true));
        writeFile(given + "/app.exe", exeBytes);
        writeFile(given + "/hns.evtx", evtxBytes);
        writeFile(given + "/sub/policy.txt", "[]\r\n");
        writeFile(given + "/sub/diagram.png", pngBytes);
    } else if (scenario == QLatin1String("macos-folder")) {
        given = root + "/collectlogs";
        writeFile(given + "/network.txt", networkJson);
        writeFile(given + "/._network.txt", appleDoubleBytes);
        writeFile(given + "/.DS_Store", dsStoreBytes);
        writeFile(given + "/__MACOSX/._network.txt", appleDoubleBytes);
    } else {
#ifndef HCN_TEST_HAVE_LIBARCHIVE
        QSKIP("this build cannot read archives");
#else
        if (scenario == QLatin1String("zip")) {
            given = root + "/logs.zip";
            writeArchive(given, Format::Zip,
                         {{"collectlogs/network.txt", networkJson},
                          {"collectlogs/app.exe", exeBytes},
                          {"collectlogs/policy.txt", "[]"}});
        } else if (scenario == QLatin1String("nested")) {
            // Larger than the few KiB that tell text from binary: the whole entry decides.
            writeArchive(root + "/inner.tar.gz", Format::TarGz,
                         {{"network.txt", networkJson}, {"big.txt", noisyText(4000, 7)}});
            QVERIFY(QFileInfo(root + "/inner.tar.gz").size() > 64 * 1024);
            given = root + "/outer.zip";
            writeArchive(
                given, Format::Zip,
                {{"endpoint.txt", endpointJson}, {"inner.tar.gz", readFile(root + "/inner.tar.gz")}});
        } else if (scenario == QLatin1String("disguised")) {
            given = root + "/notes.txt";
            writeArchive(given, Format::Zip, {{"network.txt", networkJson}});
        } else if (scenario == QLatin1String("tar")) {
            writeFile(root + "/collectlogs/network.txt", networkJson);
            writeFile(root + "/collectlogs/endpoint.txt", endpointJson);
            writeFile(root + "/collectlogs/hns.evtx", evtxBytes);
            given = root + "/collectlogs.tgz";
            QProcess tar;
            tar.start(QStringLiteral("tar"), {"-czf", given, "-C", root, "collectlogs"});
            if (!tar.waitForFinished(30000) || tar.exitCode() != 0)
                QSKIP("tar is not available");
        } else if (scenario == QLatin1String("macos")) {
            given = root + "/mac.zip";
            writeArchive(given, Format::Zip,
                         {{"collectlogs/network.txt", networkJson},
                          {"__MACOSX/collectlogs/._network.txt", appleDoubleBytes},
                          {"collectlogs/.DS_Store", dsStoreBytes}});
        } else if (scenario == QLatin1String("deep")) {
            writeArchive(root + "/d.zip", Format::Zip, {{"d.txt", networkJson}});
            writeArchive(root + "/c.zip", Format::Zip,
                         {{"c.txt", networkJson}, {"d.zip", readFile(root + "/d.zip")}});
            writeArchive(root + "/b.zip", Format::Zip,
                         {{"b.txt", networkJson}, {"c.zip", readFile(root + "/c.zip")}});
            given = root + "/a.zip";
            writeArchive(given, Format::Zip, {{"a.txt", networkJson}, {"b.zip", readFile(root + "/b.zip")}});
        }
#endif
    }

    const auto read = readDumpSources({given.toStdString()});
    QVERIFY2(read.ok(), read.status().message().c_str());
    QStringList got = names(*read);
    got.sort();
    QCOMPARE(got, expectedNames);
    QStringList gotWarnings = warnings(*read);
    gotWarnings.sort();
    QCOMPARE(gotWarnings.size(), expectedWarnings.size());
    for (const QString& expected : expectedWarnings)
        QVERIFY2(anyContains(gotWarnings, expected), qPrintable(gotWarnings.join(" | ")));
    // Text comes through byte for byte.
    for (const DumpSource& source : read->sources) {
        if (source.name.ends_with("network.txt"))
            QCOMPARE(QByteArray::fromStdString(source.bytes), networkJson);
    }
}

void TestDumpSources::readsBytesInMemory()
{
    const auto text = readDumpBytes("clipboard", networkJson.toStdString());
    QVERIFY2(text.ok(), text.status().message().c_str());
    QCOMPARE(names(*text), QStringList{"clipboard"});
    QCOMPARE(QByteArray::fromStdString(text->sources.front().bytes), networkJson);

    const auto binary = readDumpBytes("dropped.bin", exeBytes.toStdString());
    QVERIFY(!binary.ok());
    QCOMPARE(binary.code(), hr::InvalidArg);
    QVERIFY2(binary.status().detail().find("not text") != std::string::npos,
             binary.status().detail().c_str());

#ifdef HCN_TEST_HAVE_LIBARCHIVE
    QTemporaryDir dir;
    writeArchive(dir.path() + "/drop.tgz", Format::TarGz,
                 {{"x/network.txt", networkJson}, {"x/e.txt", endpointJson}});
    const auto archive = readDumpBytes("drop.tgz", readFile(dir.path() + "/drop.tgz").toStdString());
    QVERIFY2(archive.ok(), archive.status().message().c_str());
    QCOMPARE(names(*archive), (QStringList{"drop.tgz!x/network.txt", "drop.tgz!x/e.txt"}));
#endif
}

void TestDumpSources::archiveNamesInOtherEncodingsAreRead_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<bool>("utf8Flag");
    QTest::addColumn<QString>("expected");
    QTest::newRow("IBM437, no flag (Windows' compressed folders, old tools)")
        << QByteArray("M\x81ller\xE1.json") << false << QString::fromUtf8("Müllerß.json");
    QTest::newRow("UTF-8 without the flag")
        << QByteArray("M\xC3\xBCller.json") << false << QString::fromUtf8("Müller.json");
    QTest::newRow("UTF-8 with the flag")
        << QByteArray("M\xC3\xBCller.json") << true << QString::fromUtf8("Müller.json");
}

void TestDumpSources::archiveNamesInOtherEncodingsAreRead()
{
#ifdef HCN_TEST_HAVE_LIBARCHIVE
    QFETCH(QByteArray, name);
    QFETCH(bool, utf8Flag);
    QFETCH(QString, expected);
    // A program that never sets its locale reads in "C", where libarchive cannot convert such names.
    const std::string locale = setlocale(LC_ALL, nullptr);
    setlocale(LC_ALL, "C");
    QTemporaryDir dir;
    const QString placeholder(int(name.size()), QLatin1Char('x'));
    writeArchive(dir.path() + "/names.zip", Format::Zip, {{placeholder, networkJson}});
    std::string zip = readFile(dir.path() + "/names.zip").toStdString();
    QVERIFY(hcntest::renameZipEntry(zip, placeholder.toStdString(), name.toStdString(), utf8Flag));
    const auto read = readDumpBytes("names.zip", zip);
    setlocale(LC_ALL, locale.c_str());
    QVERIFY2(read.ok(), read.status().message().c_str());
    QCOMPARE(names(*read), QStringList{"names.zip!" + expected});
    QCOMPARE(QByteArray::fromStdString(read->sources.front().bytes), networkJson);
#else
    QSKIP("no libarchive in this build (the zip reader's names: tst_ziparchive)");
#endif
}

void TestDumpSources::hugeFileIsRefusedWithoutReading()
{
    QTemporaryDir dir;
    const QString path = dir.path() + "/network.txt";
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(qint64(1) << 30)); // sparse: nothing is written
    }
    const bool measured = resetPeakMemory();
    const qint64 before = statusKiB("VmRSS:");
    QElapsedTimer timer;
    timer.start();
    const auto read = readDumpSources({path.toStdString()});
    QVERIFY(timer.elapsed() < 5000);
    QVERIFY(!read.ok());
    QCOMPARE(read.code(), hr::InvalidArg);
    const QString message = QString::fromStdString(read.status().detail());
    QVERIFY2(message.contains("network.txt: skipped: 1024 MiB is over the 256 MiB limit for one file"),
             qPrintable(message));
    if (measured && before > 0)
        QVERIFY2(statusKiB("VmHWM:") - before < 16 * 1024, "reading the size must not read the file");
}

void TestDumpSources::bombIsStopped_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<bool>("zeros");
    QTest::addColumn<qint64>("skipBudgetMiB");
    QTest::addColumn<QString>("expectedWarning");
    QTest::addColumn<bool>("laterFileRead");
    QTest::addColumn<bool>("withoutDirectory");

    const qint64 plenty = 4096;
    QTest::newRow("zip: 512 MiB of text in one entry")
        << int(Format::Zip) << false << plenty
        << "bomb.zip!bomb.txt: skipped: more than 8 MiB after unpacking" << true << false;
    QTest::newRow("zip: 512 MiB of zeros")
        << int(Format::Zip) << true << plenty << "bomb.zip!bomb.txt: skipped: not text" << true << false;
    QTest::newRow("tar.gz: 512 MiB of text, unpacked past it")
        << int(Format::TarGz) << false << plenty
        << "bomb.zip!bomb.txt: skipped: more than 8 MiB after unpacking" << true << false;
    QTest::newRow("tar.gz: skipping stops at its budget")
        << int(Format::TarGz) << false << qint64(64)
        << "bomb.zip: reading stopped: more than 64 MiB of skipped" << false << false;
    QTest::newRow("zip without its directory, length only at the end: skipping stops at its budget")
        << int(Format::Zip) << false << qint64(64) << "bomb.zip: reading stopped: more than 64 MiB of skipped"
        << false << true;
}

void TestDumpSources::bombIsStopped()
{
#ifndef HCN_TEST_HAVE_LIBARCHIVE
    QSKIP("this build cannot read archives");
#else
    QFETCH(int, format);
    QFETCH(bool, zeros);
    QFETCH(qint64, skipBudgetMiB);
    QFETCH(QString, expectedWarning);
    QFETCH(bool, laterFileRead);
    QFETCH(bool, withoutDirectory);

    QTemporaryDir dir;
    const QString path = dir.path() + "/bomb.zip"; // the name says zip either way: content decides
    {
        ArchiveWriter writer(path, Format(format));
        writer.add(QStringLiteral("network.txt"), networkJson);
        const QByteArray line =
            zeros ? QByteArray(1 << 20, '\0') : QByteArray("{\"Name\":\"x\"}\r\n").repeated(1 << 16);
        writer.addStreamed(
            QStringLiteral("bomb.txt"), qint64(512) << 20, [&](qint64, QByteArray& chunk) { chunk = line; },
            !withoutDirectory);
        if (!withoutDirectory)
            writer.add(QStringLiteral("endpoint.txt"), endpointJson);
    }
    if (withoutDirectory) { // the central directory cut off: only the entries' own headers are left
        QByteArray bytes = readFile(path);
        bytes.chop(40);
        writeFile(path, bytes);
    }
    QVERIFY(QFileInfo(path).size() < 8 * 1024 * 1024); // the test itself stays small

    SourceLimits limits;
    limits.maxFileBytes = 8 * 1024 * 1024;
    limits.maxTotalBytes = 32 * 1024 * 1024;
    limits.maxSkippedBytes = std::size_t(skipBudgetMiB) << 20;
    const bool measured = resetPeakMemory();
    const qint64 before = statusKiB("VmRSS:");
    QElapsedTimer timer;
    timer.start();
    const auto read = readDumpSources({path.toStdString()}, limits);
    qInfo("read in %lld ms, peak growth %lld KiB", timer.elapsed(), statusKiB("VmHWM:") - before);
    QVERIFY(timer.elapsed() < 60000);
    QVERIFY2(read.ok(), read.status().message().c_str());
    QStringList expectedNames{"bomb.zip!network.txt"};
    if (laterFileRead)
        expectedNames << "bomb.zip!endpoint.txt";
    QCOMPARE(names(*read), expectedNames);
    QVERIFY2(anyContains(warnings(*read), expectedWarning), qPrintable(warnings(*read).join(" | ")));
    if (measured && before > 0) // bounded by the caps (8 MiB per file), loosely
        QVERIFY2(statusKiB("VmHWM:") - before < 48 * 1024, "memory grew beyond the caps");
#endif
}

void TestDumpSources::manyEntriesAreCappedByMaxFiles()
{
#ifndef HCN_TEST_HAVE_LIBARCHIVE
    QSKIP("this build cannot read archives");
#else
    QTemporaryDir dir;
    const QString path = dir.path() + "/many.zip";
    {
        ArchiveWriter writer(path, Format::Zip);
        for (int i = 0; i < 100000; ++i)
            writer.add(QStringLiteral("e%1.txt").arg(i, 6, 10, QLatin1Char('0')), "{}");
    }
    QElapsedTimer timer;
    timer.start();
    const auto read = readDumpSources({path.toStdString()});
    QVERIFY2(read.ok(), read.status().message().c_str());
    QVERIFY(timer.elapsed() < 60000);
    // The archive is a file too: it and 19999 entries make the 20000.
    QCOMPARE(read->sources.size(), std::size_t(19999));
    QCOMPARE(read->sources.back().name, std::string("many.zip!e019998.txt"));
    QCOMPARE(
        warnings(*read),
        QStringList{"many.zip!e019999.txt: not read: the limit of 20000 files was reached; this file and the "
                    "ones after it were skipped"});
#endif
}

void TestDumpSources::totalCapNamesWhatWasNotRead()
{
    QTemporaryDir dir;
    const QString folder = dir.path() + "/collectlogs";
    writeFile(folder + "/a.txt", QByteArray(600 * 1024, 'a'));
    writeFile(folder + "/b.txt", QByteArray(600 * 1024, 'b'));
    writeFile(folder + "/c.txt", QByteArray(600 * 1024, 'c'));
    SourceLimits limits;
    limits.maxTotalBytes = 1024 * 1024;
    const auto read = readDumpSources({folder.toStdString()}, limits);
    QVERIFY2(read.ok(), read.status().message().c_str());
    QCOMPARE(names(*read), QStringList{"collectlogs/a.txt"});
    QCOMPARE(warnings(*read),
             QStringList{"collectlogs/b.txt: not read: the limit of 1 MiB for everything read "
                         "together was reached; this file and the ones after it were skipped"});
}

void TestDumpSources::damagedArchiveKeepsTheGoodEntries_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<bool>("inMemory");
    QTest::newRow("truncated zip file") << int(Format::Zip) << false;
    QTest::newRow("truncated tar.gz file") << int(Format::TarGz) << false;
    QTest::newRow("truncated tar in memory") << int(Format::Tar) << true;
}

void TestDumpSources::damagedArchiveKeepsTheGoodEntries()
{
#ifndef HCN_TEST_HAVE_LIBARCHIVE
    QSKIP("this build cannot read archives");
#else
    QFETCH(int, format);
    QFETCH(bool, inMemory);
    QTemporaryDir dir;
    const QString path = dir.path() + "/logs.arc";
    writeArchive(path, Format(format),
                 {{"network.txt", noisyText(2000, 1)},
                  {"endpoint.txt", noisyText(2000, 2)},
                  {"policy.txt", noisyText(2000, 3)}});
    QByteArray bytes = readFile(path);
    bytes.truncate(bytes.size() * 55 / 100); // in the middle of the second entry
    writeFile(path, bytes);

    const auto read =
        inMemory ? readDumpBytes("logs.arc", bytes.toStdString()) : readDumpSources({path.toStdString()});
    QVERIFY2(read.ok(), read.status().message().c_str());
    QCOMPARE(names(*read), QStringList{"logs.arc!network.txt"});
    QCOMPARE(QByteArray::fromStdString(read->sources.front().bytes), noisyText(2000, 1));
    QVERIFY2(anyContains(warnings(*read), "truncated"), qPrintable(warnings(*read).join(" | ")));
#endif
}

void TestDumpSources::progressCancels()
{
    QTemporaryDir dir;
    writeFile(dir.path() + "/logs/a.txt", networkJson);
    writeFile(dir.path() + "/logs/b.txt", endpointJson);
    std::size_t lastSeen = 0;
    int calls = 0;
    const auto read = readDumpSources({(dir.path() + "/logs").toStdString()}, {}, [&](std::size_t bytes) {
        lastSeen = bytes;
        return ++calls < 2;
    });
    QVERIFY(!read.ok());
    QCOMPARE(read.code(), hr::Abort);
    QCOMPARE(calls, 2);
    QCOMPARE(lastSeen, std::size_t(networkJson.size() + endpointJson.size()));

#ifdef HCN_TEST_HAVE_LIBARCHIVE
    // In the middle of a large entry of a tar.gz: the reading ends there.
    const QString path = dir.path() + "/big.tgz";
    {
        ArchiveWriter writer(path, Format::TarGz);
        const QByteArray line = QByteArray("{\"Name\":\"x\"}\r\n").repeated(1 << 16);
        writer.addStreamed(QStringLiteral("network.txt"), qint64(64) << 20,
                           [&](qint64, QByteArray& chunk) { chunk = line; });
    }
    std::size_t calls2 = 0;
    const auto inArchive = readDumpSources({path.toStdString()}, {}, [&](std::size_t bytes) {
        ++calls2;
        return bytes < 4 * 1024 * 1024;
    });
    QVERIFY(!inArchive.ok());
    QCOMPARE(inArchive.code(), hr::Abort);
    QVERIFY(calls2 > 1 && calls2 < 100);
#endif
}

void TestDumpSources::missingPathIsAnError()
{
    QTemporaryDir dir;
    writeFile(dir.path() + "/network.txt", networkJson);
    const std::string missing = (dir.path() + "/no-such-dump.txt").toStdString();
    const auto read = readDumpSources({(dir.path() + "/network.txt").toStdString(), missing});
    QVERIFY(!read.ok());
    QCOMPARE(read.code(), hr::InvalidArg);
    QCOMPARE(read.status().detail(), missing + ": no such file or folder");
}

void TestDumpSources::linksStayInsideTheFolder()
{
    QTemporaryDir dir;
    const QString folder = dir.path() + "/collectlogs";
    writeFile(folder + "/a/network.txt", networkJson);
    writeFile(dir.path() + "/secret.txt", "outside");
    QVERIFY(QFile::link(folder, folder + "/a/loop"));                   // back to the top: a loop
    QVERIFY(QFile::link(dir.path() + "/secret.txt", folder + "/b"));    // a file outside
    QVERIFY(QFile::link(dir.path(), folder + "/c"));                    // a folder outside
    QVERIFY(QFile::link(folder + "/gone", folder + "/d"));              // dangling
    QVERIFY(QFile::link(folder + "/a/network.txt", folder + "/e.txt")); // inside: read

    const auto read = readDumpSources({folder.toStdString()});
    QVERIFY2(read.ok(), read.status().message().c_str());
    QCOMPARE(names(*read), (QStringList{"collectlogs/a/network.txt", "collectlogs/e.txt"}));
    QCOMPARE(warnings(*read),
             (QStringList{"collectlogs/a/loop: not followed: a link to a folder that is read already",
                          "collectlogs/b: not followed: a link to outside the folder",
                          "collectlogs/c: not followed: a link to outside the folder",
                          "collectlogs/d: skipped: a link to nothing"}));
}

void TestDumpSources::nothingUsableSaysWhy_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty folder") << "empty"
                                  << "nothing to import: %1/logs contains no files";
    QTest::newRow("only captures") << "binary"
                                   << "nothing to import from %1/logs: 2 files are not text";
    QTest::newRow("only large files")
        << "large"
        << "nothing to import from %1/logs: 1 file is over the 1 MiB limit for one file";
}

void TestDumpSources::nothingUsableSaysWhy()
{
    QFETCH(QString, scenario);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString folder = dir.path() + "/logs";
    QDir().mkpath(folder + "/empty-sub");
    if (scenario == QLatin1String("binary")) {
        writeFile(folder + "/trace.etl", evtxBytes);
        writeFile(folder + "/capture.pcap", pngBytes);
    } else if (scenario == QLatin1String("large")) {
        writeFile(folder + "/network.txt", QByteArray(2 * 1024 * 1024, ' '));
    }
    SourceLimits limits;
    limits.maxFileBytes = 1024 * 1024;
    const auto read = readDumpSources({folder.toStdString()}, limits);
    QVERIFY(!read.ok());
    QCOMPARE(read.code(), hr::InvalidArg);
    const QString detail = QString::fromStdString(read.status().detail());
    QVERIFY2(detail.startsWith(expected.arg(dir.path())), qPrintable(detail));
}

void TestDumpSources::nulPaddedTextIsText_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("text");

    QTest::newRow("JSON followed by 4 KiB of NUL") << networkJson + QByteArray(4096, '\0') << true;
    QTest::newRow("NUL padding past the sniffed bytes") << networkJson + QByteArray(16 * 1024, '\0') << true;
    QTest::newRow("a log written on after NUL padding")
        << networkJson + QByteArray(512, '\0') + endpointJson + QByteArray(3, '\0') << true;
    QTest::newRow("text with a few NUL bytes here and there")
        << QByteArray("abc\0def\0ghi\n", 12) + networkJson << false;
    QTest::newRow("NUL padding before the text") << QByteArray(512, '\0') + networkJson << false;
    QTest::newRow("an executable") << exeBytes << false;
    QTest::newRow("an event log") << evtxBytes << false;
}

void TestDumpSources::nulPaddedTextIsText()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, text);
    QTemporaryDir dir;
    writeFile(dir.path() + "/in/padded.json", bytes);
    writeFile(dir.path() + "/in/network.txt", networkJson);
    const auto read = readDumpSources({(dir.path() + "/in").toStdString()});
    QVERIFY2(read.ok(), read.status().message().c_str());
    QCOMPARE(names(*read).contains("in/padded.json"), text);
    QCOMPARE(anyContains(warnings(*read), "in/padded.json: skipped: not text"), !text);
    // The same bytes dropped on the window or pasted.
    const auto dropped = readDumpBytes("padded.json", bytes.toStdString());
    QCOMPARE(dropped.ok() && names(*dropped) == QStringList{"padded.json"}, text);
}

/// What a customer mails or compresses for transport: each part read as what it holds, named after it.
void TestDumpSources::transferEncodingsAreUndone_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("expectedNames");
    QTest::addColumn<QString>("holds"); ///< in the decoded text of the last source
    QTest::addColumn<QString>("absent");
    QTest::addColumn<QStringList>("notes"); ///< "source: the start of the note", one for each note

    QTest::newRow("a mail with a base64 attachment, its HTML alternative and a logo")
        << "mail-base64-attachment.eml"
        << QStringList{"mail-base64-attachment.eml!body", "mail-base64-attachment.eml!network.txt"}
        << "\"ID\":  \"6B2F9D41-0C7E-4A38-B5D6-1E9F3A8C2D74\""
        << "<html>"
        << QStringList{
               "mail-base64-attachment.eml: a MIME mail: read its 2 parts as files of their own: body, "
               "network.txt (base64 decoded); left out: 1 other form of a text (multipart/alternative: "
               "its HTML copy), 1 image, audio or video part"};
    QTest::newRow("a mail with a quoted-printable body: soft breaks joined, =3D undone")
        << "mail-quoted-printable.eml" << QStringList{"mail-quoted-printable.eml!body"}
        << "Type=OutBoundNAT}, @{DestinationPrefix=10.96.0.0/12; NeedEncap=True; Type=ROUTE}}"
        << "=3D"
        << QStringList{"mail-quoted-printable.eml: a MIME mail: read its 1 part as a file of its own: body "
                       "(quoted-printable decoded)"};
    QTest::newRow("a single gzip file")
        << "endpoint.json.gz" << QStringList{"endpoint.json.gz!endpoint.json"}
        << "\"MacAddress\": \"00-15-5D-7A-07-15\""
        << "" << QStringList{"endpoint.json.gz: a gzip file: unpacked endpoint.json (371 bytes)"};
    QTest::newRow("a mail with a gzip attachment: the mail, then the gzip file, one note each")
        << "mail-gzip-attachment.eml"
        << QStringList{"mail-gzip-attachment.eml!body",
                       "mail-gzip-attachment.eml!endpoints.json.gz!endpoints.json"}
        << "\"Name\":  \"8c9d0e1f2a3b_cbr0\""
        << ""
        << QStringList{"mail-gzip-attachment.eml: a MIME mail: read its 2 parts as files of their own: body, "
                       "endpoints.json.gz (base64 decoded)",
                       "mail-gzip-attachment.eml!endpoints.json.gz: a gzip file: unpacked endpoints.json ("};
    QTest::newRow("a base64 attachment in UTF-16 BE without a byte order mark, as its charset says")
        << "mail-utf16be-attachment-without-bom.eml"
        << QStringList{"mail-utf16be-attachment-without-bom.eml!body",
                       "mail-utf16be-attachment-without-bom.eml!network.json"}
        << "\"AddressPrefix\": \"10.244.9.0/24\""
        << ""
        << QStringList{
               "mail-utf16be-attachment-without-bom.eml: a MIME mail: read its 2 parts as files of their "
               "own: body, network.json (base64 decoded, UTF-16 BE as its charset utf-16be says)"};
    QTest::newRow("a forwarded mail attached, multiparts nested three deep: each mail read as its parts")
        << "mail-forwarded-nested-multipart.eml"
        << QStringList{"mail-forwarded-nested-multipart.eml!body",
                       "mail-forwarded-nested-multipart.eml!forwarded.eml!body",
                       "mail-forwarded-nested-multipart.eml!forwarded.eml!endpoint.txt"}
        << "VirtualNetworkName : cbr0"
        << "VirtualNetwork="
        << QStringList{
               "mail-forwarded-nested-multipart.eml: a MIME mail: read its 2 parts as files of their own: "
               "body, forwarded.eml; left out: 1 other form of a text (multipart/alternative: its HTML "
               "copy)",
               "mail-forwarded-nested-multipart.eml!forwarded.eml: a MIME mail: read its 2 parts as files "
               "of their own: body, endpoint.txt (quoted-printable decoded)"};
}

void TestDumpSources::transferEncodingsAreUndone()
{
    QFETCH(QString, file);
    QFETCH(QStringList, expectedNames);
    QFETCH(QString, holds);
    QFETCH(QString, absent);
    QFETCH(QStringList, notes);
    // The notes in order, each starting as expected; what differs, empty when nothing does.
    const auto notesDiffer = [&](const SourceReadResult& read, const QString& prefix) {
        QStringList got;
        for (const SourceWarning& note : read.notes)
            got << QString::fromStdString(note.source + ": " + note.message);
        bool same = got.size() == notes.size();
        for (qsizetype i = 0; same && i < notes.size(); ++i)
            same = got[i].startsWith(prefix + notes[i]);
        return same ? QString() : "notes: " + got.join(" | ");
    };
    const auto read = readDumpSources({dumpPath(file).toStdString()});
    QVERIFY2(read.ok(), read.status().message().c_str());
    QCOMPARE(names(*read), expectedNames);
    QVERIFY2(read->warnings.empty(), qPrintable(warnings(*read).join(" | ")));
    QVERIFY2(notesDiffer(*read, {}).isEmpty(), qPrintable(notesDiffer(*read, {})));
    const auto text = decodeDumpText(read->sources.back().bytes);
    QVERIFY(text.ok());
    const QString decoded = QString::fromStdString(text->text);
    QVERIFY2(decoded.contains(holds), qPrintable(decoded));
    if (!absent.isEmpty())
        QVERIFY2(!decoded.contains(absent), qPrintable(decoded));
    // The same bytes dropped on the window.
    const auto dropped = readDumpBytes(file.toStdString(), std::string(bytesView(readDump(file))));
    QVERIFY(dropped.ok());
    QCOMPARE(names(*dropped), expectedNames);
    QVERIFY2(notesDiffer(*dropped, {}).isEmpty(), qPrintable(notesDiffer(*dropped, {})));
#ifdef HCN_TEST_HAVE_LIBARCHIVE
    // The same file sent in a zip: read as it is, a level deeper.
    QTemporaryDir dir;
    const QString zip = dir.path() + "/case.zip";
    writeArchive(zip, Format::Zip, {{"mail/" + file, readDump(file)}});
    const auto zipped = readDumpSources({zip.toStdString()});
    QVERIFY2(zipped.ok(), zipped.status().message().c_str());
    QStringList zippedNames;
    for (const QString& name : expectedNames)
        zippedNames << "case.zip!mail/" + name;
    QCOMPARE(names(*zipped), zippedNames);
    QVERIFY2(zipped->warnings.empty(), qPrintable(warnings(*zipped).join(" | ")));
    QVERIFY2(notesDiffer(*zipped, "case.zip!mail/").isEmpty(),
             qPrintable(notesDiffer(*zipped, "case.zip!mail/")));
#endif
}

void TestDumpSources::gzipStopsAtTheFileCap()
{
    SourceLimits limits;
    limits.maxFileBytes = 1024 * 1024;
    const auto read = readDumpSources({dumpPath("gzip-bomb-4mib.txt.gz").toStdString()}, limits);
    QVERIFY(!read.ok());
    QVERIFY2(read.status().message().find("over the 1 MiB limit for one file") != std::string::npos,
             read.status().message().c_str());
    QVERIFY2(read.status().message().find("after unpacking") != std::string::npos,
             read.status().message().c_str());
}

/// A .gz cut short (a download or an upload that stopped): the text unpacked before the cut is read, and
/// a warning says the rest is lost; a gzip of which nothing unpacks is still skipped.
void TestDumpSources::aGzipFileCutShortKeepsWhatUnpacked()
{
    const auto read = readDumpSources({dumpPath("endpoints-cut-short.json.gz").toStdString()});
    QVERIFY(read.ok());
    QCOMPARE(int(read->sources.size()), 1);
    QCOMPARE(QString::fromStdString(read->sources.front().name),
             QStringLiteral("endpoints-cut-short.json.gz!endpoints-cut-short.json"));
    const std::string& text = read->sources.front().bytes;
    QVERIFY(text.find("3C1E5A7B-9D2F-4B6A-8E0C-1A2B3C4D5E62") != std::string::npos);
    QCOMPARE(int(read->warnings.size()), 1);
    const QString warning = QString::fromStdString(read->warnings.front().message);
    QVERIFY2(warning.contains("ends early or is damaged") && warning.contains("what followed is lost"),
             qPrintable(warning));
    QVERIFY(read->notes.empty());

    const std::string whole = "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + std::string(40, '\xff');
    QTemporaryDir dir;
    const QString broken = dir.filePath("broken.json.gz");
    QFile out(broken);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(whole.data(), qint64(whole.size()));
    out.close();
    const auto nothing = readDumpSources({broken.toStdString()});
    const std::string message =
        nothing.ok() ? (nothing->warnings.empty() ? std::string() : nothing->warnings.front().message)
                     : nothing.status().message();
    QVERIFY2(message.find("cannot be unpacked") != std::string::npos, message.c_str());
}

/// Archives and compressed files other than zip and gzip: read when libarchive reads them (7-Zip, tar
/// compressed with xz, bzip2 or zstd, single files compressed with xz, bzip2, zstd, lz4 or lzma), else
/// named from their first bytes with what to do.
void TestDumpSources::otherArchivesAreReadOrNamed_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("format"); ///< Format; -1: `bytes` written as they are
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("expectedNames");
    QTest::addColumn<QString>("expected"); ///< the warning or the note, "source: message"

    const QByteArray none;
    QTest::newRow("a 7-Zip archive of a collectlogs folder")
        << "logs.7z" << int(Format::SevenZip) << none
        << QStringList{"logs.7z!collectlogs/endpoint.txt", "logs.7z!collectlogs/network.txt"} << "";
    QTest::newRow("a .tar.xz") << "logs.tar.xz" << int(Format::TarXz) << none
                               << QStringList{"logs.tar.xz!collectlogs/endpoint.txt",
                                              "logs.tar.xz!collectlogs/network.txt"}
                               << "";
    QTest::newRow("a .tar.bz2") << "logs.tar.bz2" << int(Format::TarBzip2) << none
                                << QStringList{"logs.tar.bz2!collectlogs/endpoint.txt",
                                               "logs.tar.bz2!collectlogs/network.txt"}
                                << "";
    QTest::newRow("a .tar.zst") << "logs.tar.zst" << int(Format::TarZstd) << none
                                << QStringList{"logs.tar.zst!collectlogs/endpoint.txt",
                                               "logs.tar.zst!collectlogs/network.txt"}
                                << "";
    QTest::newRow("a single xz-compressed file")
        << "network.json.xz" << int(Format::Xz) << none << QStringList{"network.json.xz!network.json"}
        << "network.json.xz: an xz-compressed file: unpacked network.json (";
    QTest::newRow("a single bzip2-compressed file")
        << "network.json.bz2" << int(Format::Bzip2) << none << QStringList{"network.json.bz2!network.json"}
        << "network.json.bz2: a bzip2-compressed file: unpacked network.json (";
    QTest::newRow("a single zstd-compressed file")
        << "network.json.zst" << int(Format::Zstd) << none << QStringList{"network.json.zst!network.json"}
        << "network.json.zst: a zstd-compressed file: unpacked network.json (";
    QTest::newRow("a single lz4-compressed file")
        << "network.json.lz4" << int(Format::Lz4) << none << QStringList{"network.json.lz4!network.json"}
        << "network.json.lz4: an lz4-compressed file: unpacked network.json (";
    QTest::newRow("a single lzma-compressed file, named otherwise")
        << "network.dat" << int(Format::Lzma) << none << QStringList{"network.dat!unpacked"}
        << "network.dat: an lzma-compressed file: unpacked unpacked (";
    QTest::newRow("a Windows cabinet")
        << "logs.cab" << -1 << storedCabinet("collectlogs\\network.txt", networkJson)
        << QStringList{"logs.cab!collectlogs/network.txt"} << "";
    QTest::newRow("a RAR archive") << "logs.rar" << -1 << storedRar("collectlogs\\network.txt", networkJson)
                                   << QStringList{"logs.rar!collectlogs/network.txt"} << "";
    const QByteArray garbage = QByteArray(3000, '\x5A');
    QTest::newRow("a damaged 7-Zip archive: named, and what to do")
        << "collectlogs.7z" << -1 << QByteArray("7z\xBC\xAF\x27\x1C\x00\x04", 8) + garbage << QStringList{}
        << "collectlogs.7z: skipped: a 7-Zip archive that cannot be read (damaged, encrypted, or packed with "
           "a "
           "method this build does not know); unpack it and import the folder";
    QTest::newRow("a damaged RAR archive")
        << "logs.rar" << -1 << QByteArray("Rar!\x1A\x07\x00", 7) + garbage << QStringList{}
        << "logs.rar: skipped: a RAR archive that cannot be read";
    QTest::newRow("a damaged RAR 5 archive")
        << "logs.rar" << -1 << QByteArray("Rar!\x1A\x07\x01\x00", 8) + garbage << QStringList{}
        << "logs.rar: skipped: a RAR 5 archive that cannot be read";
    QTest::newRow("a damaged cabinet")
        << "logs.cab" << -1 << QByteArray("MSCF\0\0\0\0", 8) + garbage << QStringList{}
        << "logs.cab: skipped: a Windows cabinet (.cab) that cannot be read";
    QTest::newRow("a damaged xz file")
        << "network.json.xz" << -1
        << QByteArray("\xFD"
                      "7zXZ\0",
                      6) +
               garbage
        << QStringList{} << "network.json.xz: skipped: an xz-compressed file that cannot be unpacked (";
}

void TestDumpSources::otherArchivesAreReadOrNamed()
{
#ifndef HCN_TEST_HAVE_LIBARCHIVE
    QSKIP("this build reads zip archives only (and says so for the others, see docs/windows.md)");
#else
    QFETCH(QString, file);
    QFETCH(int, format);
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, expectedNames);
    QFETCH(QString, expected);

    QTemporaryDir dir;
    const QString path = dir.path() + "/" + file;
    if (format < 0)
        writeFile(path, bytes);
    else if (Format(format) >= Format::Xz)
        writeArchive(path, Format(format), {{"data", networkJson}});
    else
        writeArchive(path, Format(format),
                     {{"collectlogs/endpoint.txt", endpointJson}, {"collectlogs/network.txt", networkJson}});
    const auto check = [&](const Result<SourceReadResult>& read) {
        if (expectedNames.isEmpty()) {
            QVERIFY(!read.ok());
            QVERIFY2(read.status().detail().find(expected.toStdString()) != std::string::npos,
                     read.status().detail().c_str());
            return;
        }
        QVERIFY2(read.ok(), read.status().message().c_str());
        QStringList got = names(*read);
        got.sort();
        QCOMPARE(got, expectedNames);
        QVERIFY2(read->warnings.empty(), qPrintable(warnings(*read).join(" | ")));
        QStringList notes;
        for (const SourceWarning& note : read->notes)
            notes << QString::fromStdString(note.source + ": " + note.message);
        QCOMPARE(notes.size(), expected.isEmpty() ? 0 : 1);
        if (!expected.isEmpty())
            QVERIFY2(notes.front().startsWith(expected), qPrintable(notes.front()));
        for (const DumpSource& source : read->sources)
            QCOMPARE(QByteArray::fromStdString(source.bytes),
                     source.name.ends_with("endpoint.txt") ? endpointJson : networkJson);
    };
    check(readDumpSources({path.toStdString()}));
    // The same bytes dropped on the window.
    check(readDumpBytes(file.toStdString(), readFile(path).toStdString()));
#endif
}

/// An mbox file (Thunderbird's "Save As", a mailbox export) or one mail saved after its `From ` line:
/// each mail read as a .eml is, checked as transferEncodingsAreUndone checks mails.
void TestDumpSources::mailsSavedAfterAFromLineAreRead_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("expectedNames");
    QTest::addColumn<QString>("holds"); ///< in the decoded text of the last source
    QTest::addColumn<QString>("absent");
    QTest::addColumn<QStringList>("notes");

    QTest::newRow("an mbox of two mails: a body with a `>From ` line, then one with an attachment")
        << "mbox-thunderbird-two-mails.mbox"
        << QStringList{"mbox-thunderbird-two-mails.mbox!mail-1!body",
                       "mbox-thunderbird-two-mails.mbox!mail-2!body",
                       "mbox-thunderbird-two-mails.mbox!mail-2!network.json"}
        << "\"AddressPrefix\":  \"10.244.5.0/24\""
        << "From - Fri"
        << QStringList{
               "mbox-thunderbird-two-mails.mbox: an mbox file (mails one after the other, each after a "
               "`From ` line): read its 2 mails as files of their own, mail-1 to mail-2",
               "mbox-thunderbird-two-mails.mbox!mail-1: a MIME mail: read its 1 part as a file of its "
               "own: body",
               "mbox-thunderbird-two-mails.mbox!mail-2: a MIME mail: read its 2 parts as files of "
               "their own: body, network.json (base64 decoded)"};
    QTest::newRow("one mail saved after its `From ` line, quoted-printable")
        << "mail-saved-after-from-line.eml" << QStringList{"mail-saved-after-from-line.eml!body"}
        << "ActivityId         : 6A1D3F82-9C4B-4E07-B5A2-3D8F1E6C9B04"
        << "Content-Transfer-Encoding"
        << QStringList{
               "mail-saved-after-from-line.eml: a MIME mail: read its 1 part as a file of its own: body "
               "(quoted-printable decoded)"};
}

void TestDumpSources::mailsSavedAfterAFromLineAreRead()
{
    transferEncodingsAreUndone();
}

/// The mails of an mbox imported: the endpoint of the first mail's body linked to the network attached
/// to the second; the `>From ` line of the body is read unquoted.
void TestDumpSources::mboxMailsAreImported()
{
    const auto result = importPaths({dumpPath("mbox-thunderbird-two-mails.mbox").toStdString()});
    QVERIFY2(result.ok(), result.status().message().c_str());
    QStringList ids;
    for (const ImportedObject& object : result->report.objects)
        ids << QString::fromStdString(object.id);
    ids.sort();
    QCOMPARE(ids,
             (QStringList{"4E7A2C91-5B3D-4F60-A8E1-2C9D7B5F3A10", "9F3B7D21-4A6C-4E85-B1D0-7C2E5A9F3B68"}));
    const auto& endpoints = result->snapshot["Endpoints"];
    QCOMPARE(endpoints.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(endpoints[0]["IpConfigurations"][0]["IpAddress"].get<std::string>()),
             QStringLiteral("10.244.5.23"));
    QCOMPARE(QString::fromStdString(endpoints[0]["HostComputeNetwork"].get<std::string>()),
             QStringLiteral("4E7A2C91-5B3D-4F60-A8E1-2C9D7B5F3A10"));
    const auto read = readDumpSources({dumpPath("mbox-thunderbird-two-mails.mbox").toStdString()});
    QVERIFY(read.ok());
    QVERIFY(read->sources.front().bytes.find("\nFrom the node itself") != std::string::npos);
}

/// Notes that start with the word "From" are text, not a mailbox.
void TestDumpSources::textStartingWithFromIsNoMbox_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("prose with a time and a year, no header block")
        << QByteArray("From 10:41 on 4 Dec 2026 the node lost DNS:\nID : 7C9A\nName : ep1\n");
    QTest::newRow("a `From ` line without a time of day")
        << QByteArray("From ops Fri Dec 4 2026\nFrom: ops@contoso.example\nSubject: x\n\nbody\n");
    QTest::newRow("a `From ` line followed by one header only")
        << QByteArray("From - Fri Dec 04 10:41:00 2026\nSubject: x\n\nbody\n");
}

void TestDumpSources::textStartingWithFromIsNoMbox()
{
    QFETCH(QByteArray, bytes);
    const auto read = readDumpBytes("notes.txt", bytes.toStdString());
    QVERIFY2(read.ok(), read.status().message().c_str());
    QCOMPARE(names(*read), QStringList{"notes.txt"});
    QCOMPARE(QByteArray::fromStdString(read->sources.front().bytes), bytes);
    QVERIFY(read->notes.empty());
}

/// Dumps wrapped for transport imported whole: the objects and their key values come out.
void TestDumpSources::wrappedDumpsAreImported_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<QString>("value"); ///< somewhere in the snapshot

    QTest::newRow(
        "an HTML-only mail, the list view in a monospace pre-wrap block of the document: its columns kept")
        << "mail-html-only-listview-pre-wrap.eml" << QStringList{"6F2A8D14-9B3C-4E70-85A1-C4D7E2F09B36"}
        << "10.244.8.19";
    QTest::newRow("a ticket with `gzip | base64` of a network")
        << "ticket-kubectl-gzip-base64.txt" << QStringList{"8B4F1D63-2E7A-4C95-9D08-6A3E1F5C7B20"}
        << "10.244.6.0/24";
}

void TestDumpSources::wrappedDumpsAreImported()
{
    QFETCH(QString, file);
    QFETCH(QStringList, ids);
    QFETCH(QString, value);
    const auto result = importPaths({dumpPath(file).toStdString()});
    QVERIFY2(result.ok(), result.status().message().c_str());
    QStringList got;
    for (const ImportedObject& object : result->report.objects)
        got << QString::fromStdString(object.id);
    QCOMPARE(got, ids);
    QVERIFY2(result->snapshot.dump().find(value.toStdString()) != std::string::npos,
             result->snapshot.dump().c_str());
}

/// `hnsdiag list all` of a host whose nat network has the ID `network`, and one endpoint on it by name.
QByteArray hnsdiagOfHost(const char* network, const char* endpoint)
{
    return QByteArray("Networks:\nName             ID\nnat              ") + network +
           "\n\nEndpoints:\nName             ID                                   Virtual Network Name\n"
           "Ethernet         " +
           endpoint + " nat\n";
}

/// Every Windows host has a network "nat": in the collectlogs folders of two hosts, an endpoint that names
/// its network by name is on the one of its own file. Only when its own file has none is the name
/// ambiguous.
void TestDumpSources::aNetworkNameIsLookedUpInTheEndpointsFileFirst_data()
{
    QTest::addColumn<bool>("hostBHasNat");
    QTest::addColumn<QStringList>("expected"); ///< "endpoint -> network" for each endpoint
    QTest::addColumn<QString>("said");         ///< in the report
    QTest::newRow("each host's endpoint on its own nat")
        << true
        << QStringList{"EB3B4758-6EA0-497F-838F-DDA5E0AE68CF -> FD741616-F4D9-40F2-8090-D280C3B15D69",
                       "5A0C1E2D-3B4F-4A5B-8C6D-7E8F9A0B1C2D -> E0AE102B-1C2D-4E3F-9A4B-5C6D7E8F9A0B"}
        << "network found by its name \"nat\" in its own file; the other files hold 1 more network of that "
           "name";
    QTest::newRow("an endpoint whose own file has no nat, beside two hosts that do")
        << false
        << QStringList{"EB3B4758-6EA0-497F-838F-DDA5E0AE68CF -> FD741616-F4D9-40F2-8090-D280C3B15D69"}
        << "its network \"nat\" names several networks of the dump; left unlinked";
}

void TestDumpSources::aNetworkNameIsLookedUpInTheEndpointsFileFirst()
{
    QFETCH(bool, hostBHasNat);
    QFETCH(QStringList, expected);
    QFETCH(QString, said);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeFile(dir.path() + "/hostA/hnsdiag.txt",
              hnsdiagOfHost("FD741616-F4D9-40F2-8090-D280C3B15D69", "eb3b4758-6ea0-497f-838f-dda5e0ae68cf"));
    if (hostBHasNat)
        writeFile(dir.path() + "/hostB/hnsdiag.txt", hnsdiagOfHost("E0AE102B-1C2D-4E3F-9A4B-5C6D7E8F9A0B",
                                                                   "5a0c1e2d-3b4f-4a5b-8c6d-7e8f9a0b1c2d"));
    else {
        writeFile(dir.path() + "/hostB/network.txt",
                  "Networks:\nName             ID\nnat              E0AE102B-1C2D-4E3F-9A4B-5C6D7E8F9A0B\n");
        writeFile(dir.path() + "/hostC/endpoint.txt",
                  "Endpoints:\nName             ID                                   Virtual Network Name\n"
                  "Ethernet         5a0c1e2d-3b4f-4a5b-8c6d-7e8f9a0b1c2d nat\n");
    }
    const auto result = importPaths({dir.path().toStdString()});
    QVERIFY2(result.ok(), result.status().message().c_str());
    QStringList got;
    for (const auto& endpoint : result->snapshot.value("Endpoints", nlohmann::json::array()))
        if (endpoint.contains("HostComputeNetwork"))
            got << QString::fromStdString(endpoint.value("ID", "") + " -> " +
                                          endpoint["HostComputeNetwork"].get<std::string>())
                       .toUpper();
    got.sort();
    expected.sort();
    QCOMPARE(got, expected);
    QString report;
    for (const ImportedObject& object : result->report.objects)
        for (const std::string& note : object.notes)
            report += QString::fromStdString(note) + "\n";
    for (const ImportMessage& m : result->report.messages)
        report += QString::fromStdString(m.message) + "\n";
    QVERIFY2(report.contains(said), qPrintable(report));
}

/// `hnsdiag list all` run twice in one paste: the endpoints of the later listing against the earlier's.
void TestDumpSources::aTableListedAgainSaysWhatChanged_data()
{
    QTest::addColumn<QStringList>("later"); ///< the later listing's endpoint rows
    QTest::addColumn<QString>("said");      ///< the message, empty for none
    QTest::addColumn<int>("endpoints");     ///< in the snapshot
    const QString a = "web-1            0c7119e3-3eb4-4c72-a22f-c47450a9340c nat";
    const QString b = "web-2            5ad857af-355f-4c9f-89e8-4b68ee68cfee nat";
    const QString c = "iis-site-8cd659  c9b218fb-58f5-4fe7-b9ab-72ccc8ef421f nat";
    QTest::newRow("the same endpoints: merged without a word") << QStringList{a, b} << QString() << 2;
    QTest::newRow("one endpoint more")
        << QStringList{a, b, c}
        << "info: the endpoints are listed again (lines 8-9, then 17-19): the state changed in between; the "
           "later listing adds 1 endpoint (c9b218fb-58f5-4fe7-b9ab-72ccc8ef421f (iis-site-8cd659)); the "
           "snapshot holds the objects of both listings"
        << 3;
    QTest::newRow("one gone, one new")
        << QStringList{a, c}
        << "warning: the endpoints are listed again (lines 8-9, then 17-18): the state changed in between; "
           "the "
           "later listing adds 1 endpoint (c9b218fb-58f5-4fe7-b9ab-72ccc8ef421f (iis-site-8cd659)) and lacks "
           "1 "
           "endpoint (5ad857af-355f-4c9f-89e8-4b68ee68cfee (web-2)); the snapshot holds the objects of both "
           "listings, also those gone by the later one"
        << 3;
}

void TestDumpSources::aTableListedAgainSaysWhatChanged()
{
    QFETCH(QStringList, later);
    QFETCH(QString, said);
    QFETCH(int, endpoints);
    const auto listing = [](const QStringList& rows) {
        return "PS C:\\> hnsdiag list all\nNetworks:\nName             ID\n"
               "nat              E0AE102B-F2F7-48CE-A966-3E3DA1455BCF\n\nEndpoints:\n"
               "Name             ID                                   Virtual Network Name\n" +
               rows.join('\n') + "\n";
    };
    const QString text = listing({"web-1            0c7119e3-3eb4-4c72-a22f-c47450a9340c nat",
                                  "web-2            5ad857af-355f-4c9f-89e8-4b68ee68cfee nat"}) +
                         listing(later);
    const auto result = importDump({DumpSource{"hnsdiag.txt", text.toStdString()}});
    QVERIFY2(result.ok(), result.status().message().c_str());
    const QStringList messages = messagesSaying(*result, "listed again");
    QCOMPARE(messages, said.isEmpty() ? QStringList() : QStringList{said});
    QCOMPARE(int(result->snapshot.value("Endpoints", nlohmann::json::array()).size()), endpoints);
}

/// Get-HnsNetwork run twice in one paste, the network made again in between: its two IDs under one name
/// are said, as the snapshot holds both.
void TestDumpSources::networksOfOneNameAreNamed_data()
{
    QTest::addColumn<QStringList>("records"); ///< "ID Name" of each list view record, in order
    QTest::addColumn<QString>("said");        ///< the message, empty for none
    const QString first = "3A5E9C71-0D42-4B8F-A6E3-91F27C0B5D84";
    const QString second = "C6B0D2E8-7F13-4A59-8C24-E5A0917B3F6D";
    const QString third = "5F8D1A3C-E627-4B90-9D51-0A6C3E7F28B4";
    QTest::newRow("made again: two IDs")
        << QStringList{first + " vxlan0", second + " vxlan0"}
        << "info: 2 networks named \"vxlan0\" with different IDs: " + first + " (lines 3-6), " + second +
               " (lines 12-15): the network was made again between two listings of this file, or the host "
               "holds both; the snapshot holds both";
    QTest::newRow("three of one name, in any case")
        << QStringList{first + " vxlan0", second + " VXLAN0", third + " vxlan0"}
        << "info: 3 networks named \"vxlan0\" with different IDs: " + first + " (lines 3-6), " + second +
               " (lines 12-15), " + third +
               " (lines 21-24): the network was made again between two listings of this file, or the host "
               "holds all of them; the snapshot holds all of them";
    QTest::newRow("the same network twice") << QStringList{first + " vxlan0", first + " vxlan0"} << QString();
    QTest::newRow("two names") << QStringList{first + " vxlan0", second + " nat"} << QString();
}

void TestDumpSources::networksOfOneNameAreNamed()
{
    QFETCH(QStringList, records);
    QFETCH(QString, said);
    QString text;
    for (const QString& record : records) {
        const QStringList idName = record.split(' ');
        text +=
            "PS C:\\> Get-HnsNetwork\n\nID      : " + idName[0] + "\nName    : " + idName[1] +
            "\nType    : Overlay\nSubnets : {@{AddressPrefix=10.244.3.0/24; GatewayAddress=10.244.3.1}}\n\n"
            "After a restart of the node:\n\n";
    }
    const auto result = importDump({DumpSource{"networks.txt", text.toStdString()}});
    QVERIFY2(result.ok(), result.status().message().c_str());
    const QStringList messages = messagesSaying(*result, "networks named");
    QCOMPARE(messages, said.isEmpty() ? QStringList() : QStringList{said});
}

/// The collectlogs folders of two nodes hold files of one name: each source is named with the folder
/// that tells it apart, and a network of one name with different IDs in the two is said, as the
/// snapshot holds both.
void TestDumpSources::filesOfSeveralNodesAreToldApart_data()
{
    QTest::addColumn<QStringList>("given"); ///< paths under the temporary folder
    QTest::addColumn<QStringList>("ids");   ///< the nat network's ID in nodeA/network.txt, nodeB/network.txt
    QTest::addColumn<QStringList>("sources");
    QTest::addColumn<QString>("said"); ///< the message, empty for none
    const QString a = "85D61148-49EF-40BB-A450-3BEBE951D838";
    const QString b = "55FEDB88-4B11-4DA4-8CD1-59970718A804";
    const QStringList bothFiles{"nodeA/network.txt", "nodeB/network.txt"};
    const QString twoHosts =
        "info: 2 networks named \"nat\" with different IDs in different files: " + a +
        " (nodeA/network.txt, lines 1-3), " + b +
        " (nodeB/network.txt, lines 1-3): the files are of different hosts, or of one host "
        "before and after the network was made again; the snapshot holds both";
    QTest::newRow("two files of one name") << bothFiles << QStringList{a, b} << bothFiles << twoHosts;
    QTest::newRow("two folders") << QStringList{"nodeA", "nodeB"} << QStringList{a, b} << bothFiles
                                 << twoHosts;
    QTest::newRow("two folders of one name under two others")
        << QStringList{"nodeA/logs", "nodeB/logs"} << QStringList{a, b}
        << QStringList{"nodeA/logs/network.txt", "nodeB/logs/network.txt"}
        << QString(twoHosts).replace("(nodeA/", "(nodeA/logs/").replace("(nodeB/", "(nodeB/logs/");
    QTest::newRow("one network in both") << bothFiles << QStringList{a, a} << bothFiles << QString();
}

void TestDumpSources::filesOfSeveralNodesAreToldApart()
{
    QFETCH(QStringList, given);
    QFETCH(QStringList, ids);
    QFETCH(QStringList, sources);
    QFETCH(QString, said);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const bool nested = given.front().endsWith("/logs");
    for (int i = 0; i < 2; ++i)
        writeFile(
            dir.filePath(QString("node%1/%2network.txt").arg(QChar('A' + i)).arg(nested ? "logs/" : "")),
            ("ID      : " + ids[i] + "\nName    : nat\nType    : NAT\n").toUtf8());
    std::vector<std::string> paths;
    for (const QString& path : given)
        paths.push_back(dir.filePath(path).toStdString());
    const auto result = importPaths(paths);
    QVERIFY2(result.ok(), result.status().message().c_str());
    QStringList named;
    for (const std::string& source : result->report.sources)
        named << QString::fromStdString(source);
    QCOMPARE(named, sources);
    const QStringList messages = messagesSaying(*result, "networks named");
    QCOMPARE(messages, said.isEmpty() ? QStringList() : QStringList{said});
}

QTEST_GUILESS_MAIN(TestDumpSources)
#include "tst_dumpsources.moc"
