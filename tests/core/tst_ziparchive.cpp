// The zip reader and writer of builds without libarchive (io/zip_archive.h: hcnctl.exe's bundles and
// imports), checked here against the other zip implementations that run on Linux: our zips are read back
// by libarchive and Python's zipfile, theirs by our reader, and damaged or hostile zips give a clear
// error and never a crash.

#include "hcnd_child_process.h"
#include "io/zip_archive.h"
#include "zip_entry_names.h"

#include <QtTest>

#ifdef HCN_TEST_HAVE_LIBARCHIVE
#include <archive.h>
#include <archive_entry.h>
#endif

#include <sstream>

using namespace hcn;
using namespace hcn::io::zip;

namespace {

using Files = std::vector<std::pair<std::string, std::string>>;

std::string incompressible(std::size_t size)
{
    std::string bytes(size, '\0');
    std::uint32_t state = 2463534242u;
    for (char& c : bytes) {
        state ^= state << 13, state ^= state >> 17, state ^= state << 5;
        c = char(state & 0xFF);
    }
    return bytes;
}

std::string jsonLines(std::size_t count)
{
    std::string text;
    for (std::size_t i = 0; i < count; ++i)
        text += "{\"ID\":\"3F1C9B27-6A0D-4C1E-8E52-" + std::to_string(100000000000 + i) +
                "\",\"Type\":\"NAT\"}\r\n";
    return text;
}

std::string writeZip(const Files& files)
{
    std::ostringstream out;
    ZipWriter writer(out, 1764757200); // 2025-12-03T10:20:00Z
    for (const auto& [name, bytes] : files) {
        Status added = writer.add(name, bytes);
        if (!added.ok())
            qFatal("writing %s: %s", name.c_str(), added.detail().c_str());
    }
    if (!writer.finish().ok())
        qFatal("finishing the zip failed");
    return out.str();
}

/// Every file of a zip read with our reader, or the first error.
Result<Files> readOurs(std::string_view bytes)
{
    auto reader = ZipReader::open(memorySource(bytes));
    if (!reader.ok())
        return reader.status();
    Files files;
    for (const ZipEntry& entry : reader->entries()) {
        if (entry.directory)
            continue;
        auto content = reader->readAll(entry);
        if (!content.ok())
            return content.status();
        files.emplace_back(entry.name, std::move(*content));
    }
    return files;
}

void saveFile(const QString& path, std::string_view bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(bytes.data(), qint64(bytes.size())) != qint64(bytes.size()))
        qFatal("cannot write %s", qPrintable(path));
}

std::string loadFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    const QByteArray bytes = file.readAll();
    return bytes.toStdString();
}

#ifdef HCN_TEST_HAVE_LIBARCHIVE
Files readWithLibarchive(const std::string& bytes, QString* error)
{
    Files files;
    archive* handle = archive_read_new();
    archive_read_support_format_zip(handle);
    if (archive_read_open_memory(handle, bytes.data(), bytes.size()) != ARCHIVE_OK) {
        *error = archive_error_string(handle);
        archive_read_free(handle);
        return files;
    }
    archive_entry* entry = nullptr;
    int status;
    while ((status = archive_read_next_header(handle, &entry)) == ARCHIVE_OK) {
        std::string content;
        char buffer[16384];
        la_ssize_t got;
        while ((got = archive_read_data(handle, buffer, sizeof buffer)) > 0)
            content.append(buffer, std::size_t(got));
        if (got < 0)
            *error = archive_error_string(handle);
        const char* name = archive_entry_pathname_utf8(entry);
        files.emplace_back(name ? name : "", std::move(content));
    }
    if (status != ARCHIVE_EOF)
        *error = archive_error_string(handle);
    archive_read_free(handle);
    return files;
}

/// A zip written by libarchive's zip writer (deflated or stored).
std::string writeWithLibarchive(const Files& files, bool store)
{
    std::vector<char> buffer(std::size_t(64) * 1024 * 1024);
    std::size_t used = 0;
    archive* handle = archive_write_new();
    archive_write_set_format_zip(handle);
    if (store)
        archive_write_set_options(handle, "zip:compression=store");
    archive_write_open_memory(handle, buffer.data(), buffer.size(), &used);
    for (const auto& [name, bytes] : files) {
        archive_entry* entry = archive_entry_new();
        archive_entry_set_pathname_utf8(entry, name.c_str());
        archive_entry_set_size(entry, la_int64_t(bytes.size()));
        archive_entry_set_filetype(entry, AE_IFREG);
        archive_entry_set_perm(entry, 0644);
        archive_write_header(handle, entry);
        archive_write_data(handle, bytes.data(), bytes.size());
        archive_entry_free(entry);
    }
    archive_write_close(handle);
    archive_write_free(handle);
    return std::string(buffer.data(), used);
}
#endif

/// python3 -c SCRIPT ARGS...: its output, or nullopt when there is no python3.
std::optional<std::string> runPython(const std::string& script, const std::vector<std::string>& args)
{
    const QString python = QStandardPaths::findExecutable("python3");
    if (python.isEmpty())
        return std::nullopt;
    std::vector<std::string> argv{"-c", script};
    argv.insert(argv.end(), args.begin(), args.end());
    hcntest::ChildProcess child;
    if (!child.start(python.toStdString(), argv) || !child.waitForExit(60000))
        return std::nullopt;
    if (child.exitCode() != 0)
        qWarning("python3: %s", child.readStderr().c_str());
    return child.exitCode() == 0 ? std::optional(child.readStdout()) : std::nullopt;
}

/// Python's listing of a zip after its own CRC test: "name size" per line.
const std::string kPythonList = R"(import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
bad = z.testzip()
if bad: sys.exit('damaged: ' + bad)
for i in z.infolist(): print(i.filename, i.file_size)
)";

/// Writes a zip with Python: argv[1] the zip, argv[2] "stream" (to a pipe: data descriptors) or the
/// compression, then name/content pairs.
const std::string kPythonWrite = R"(import sys, zipfile, io
mode = sys.argv[2]
pairs = sys.argv[3:]
class Unseekable(io.RawIOBase):
    def __init__(self, f): self.f = f
    def writable(self): return True
    def write(self, b): return self.f.write(b)
f = open(sys.argv[1], 'wb')
target = Unseekable(f) if mode == 'stream' else f
comp = zipfile.ZIP_STORED if mode == 'stored' else zipfile.ZIP_DEFLATED
with zipfile.ZipFile(target, 'w', compression=comp) as z:
    for name, content in zip(pairs[0::2], pairs[1::2]):
        if mode == 'stream':
            with z.open(name, 'w') as w: w.write(content.encode())
        else:
            z.writestr(name, content)
f.close()
)";

// Where the fields of the test zip are (io/zip_archive.h writes one local header, name, a 9-byte
// timestamp field and the data per entry, then the directory).
std::uint32_t get32(const std::string& b, std::size_t at)
{
    return std::uint32_t(std::uint8_t(b[at])) | std::uint32_t(std::uint8_t(b[at + 1])) << 8 |
           std::uint32_t(std::uint8_t(b[at + 2])) << 16 | std::uint32_t(std::uint8_t(b[at + 3])) << 24;
}
void put32(std::string& b, std::size_t at, std::uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        b[at + std::size_t(i)] = char((v >> (8 * i)) & 0xFF);
}
void put16(std::string& b, std::size_t at, std::uint16_t v)
{
    b[at] = char(v & 0xFF);
    b[at + 1] = char(v >> 8);
}
std::size_t endRecord(const std::string& b)
{
    return b.size() - 22;
}
std::size_t directory(const std::string& b)
{
    return get32(b, endRecord(b) + 16);
}

} // namespace

class ZipArchiveTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void oursReadBackEverywhere_data()
    {
        QTest::addColumn<int>("row");
        QTest::newRow("no files") << 0;
        QTest::newRow("one small text file (stored)") << 1;
        QTest::newRow("an empty file") << 2;
        QTest::newRow("a bundle-like set of JSON files (deflated)") << 3;
        QTest::newRow("incompressible bytes (stored)") << 4;
        QTest::newRow("a UTF-8 name in a folder") << 5;
        QTest::newRow("4 MiB of JSON") << 6;
    }
    void oursReadBackEverywhere()
    {
        QFETCH(int, row);
        const std::vector<Files> rows{
            {},
            {{"README.txt", "hello\n"}},
            {{"empty.json", ""}},
            {{"README.txt", "A bundle\n"},
             {"snapshot.json", jsonLines(200)},
             {"checks.txt", "Health checks: 0 error(s)\n"},
             {"manifest.json", "{\"Format\":\"hcn-bug-report-bundle\"}\n"}},
            {{"capture.bin", incompressible(100000)}},
            {{"collectlogs/Réseau ↔ 网络.txt", jsonLines(3)}},
            {{"big.json", jsonLines(60000)}},
        };
        const Files& files = rows[std::size_t(row)];
        const std::string zip = writeZip(files);

        auto ours = readOurs(zip);
        QVERIFY2(ours.ok(), ours.status().detail().c_str());
        QCOMPARE(*ours, files);
#ifdef HCN_TEST_HAVE_LIBARCHIVE
        QString error;
        QCOMPARE(readWithLibarchive(zip, &error), files);
        QVERIFY2(error.isEmpty(), qPrintable(error));
#endif
        const QString path = m_dir.filePath(QString("ours-%1.zip").arg(row));
        saveFile(path, zip);
        auto listed = runPython(kPythonList, {path.toStdString()});
        if (!listed)
            QSKIP("no python3 here to cross-check with");
        std::string expected;
        for (const auto& [name, bytes] : files)
            expected += name + " " + std::to_string(bytes.size()) + "\n";
        QCOMPARE(*listed, expected);
    }

    void theirsReadByOurs_data()
    {
        QTest::addColumn<QString>("writer");
        QTest::newRow("libarchive, deflated") << "libarchive";
        QTest::newRow("libarchive, stored") << "libarchive-store";
        QTest::newRow("python zipfile, deflated") << "deflated";
        QTest::newRow("python zipfile, stored") << "stored";
        QTest::newRow("python zipfile to a pipe (data descriptors)") << "stream";
    }
    void theirsReadByOurs()
    {
        QFETCH(QString, writer);
        const Files files{{"collectlogs/network.txt", jsonLines(500)},
                          {"collectlogs/endpoints.txt", "[]\r\n"},
                          {"collectlogs/empty.txt", ""},
                          {"collectlogs/noise.bin", incompressible(5000)}};
        std::string zip;
        if (writer.startsWith("libarchive")) {
#ifdef HCN_TEST_HAVE_LIBARCHIVE
            zip = writeWithLibarchive(files, writer.endsWith("store"));
#else
            QSKIP("no libarchive in this build");
#endif
        } else {
            const QString path = m_dir.filePath("python-" + writer + ".zip");
            std::vector<std::string> args{path.toStdString(), writer.toStdString()};
            for (const auto& [name, bytes] : files)
                if (name != "collectlogs/noise.bin") { // arguments are text
                    args.push_back(name);
                    args.push_back(bytes);
                }
            if (!runPython(kPythonWrite, args))
                QSKIP("no python3 here to write zips with");
            zip = loadFile(path);
        }
        auto ours = readOurs(zip);
        QVERIFY2(ours.ok(), ours.status().detail().c_str());
        Files expected = files;
        if (!writer.startsWith("libarchive"))
            expected.pop_back();
        QCOMPARE(*ours, expected);
    }

    void hostileInputsFailClearly_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<bool>("atOpen");
        QTest::addColumn<QString>("message");
        QTest::newRow("not a zip") << "text" << true << "no end of central directory record";
        QTest::newRow("too short") << "short" << true << "at least 22 bytes";
        QTest::newRow("truncated to half") << "half" << true << "no end of central directory record";
        QTest::newRow("end record cut") << "cut-end" << true << "no end of central directory record";
        QTest::newRow("wrong CRC in the directory") << "crc" << false << "CRC-32 mismatch";
        QTest::newRow("a changed byte of stored content") << "content" << false << "CRC-32 mismatch";
        QTest::newRow("damaged deflate data") << "deflate" << false << "damaged";
        QTest::newRow("directory offset past the end")
            << "directory-offset" << true << "lies outside the archive";
        QTest::newRow("local header offset past the data")
            << "local-offset" << true << "past the data of the archive";
        QTest::newRow("local header offset at the wrong place")
            << "local-misplaced" << false << "no local header";
        QTest::newRow("huge declared size") << "huge" << false << "over the limit of";
        QTest::newRow("declared size below the content")
            << "small" << false << "unpacks to more than its declared";
        QTest::newRow("declared size above the content") << "larger" << false << "not the declared";
        QTest::newRow("compressed size past the directory") << "compressed" << false << "run past the data";
        QTest::newRow("entry count overflow") << "count" << true << "more than its central directory";
        QTest::newRow("ZIP64 marker") << "zip64" << true << "ZIP64";
        QTest::newRow("split archive") << "split" << true << "split";
        QTest::newRow("'..' in a name") << "dotdot" << false << "unsafe name";
        QTest::newRow("absolute name") << "absolute" << false << "unsafe name";
        QTest::newRow("encrypted entry") << "encrypted" << false << "encrypted";
        QTest::newRow("unknown method") << "method" << false << "method 14 (LZMA)";
        QTest::newRow("directory header damaged") << "directory-signature" << true << "is damaged";
    }
    void hostileInputsFailClearly()
    {
        QFETCH(QString, damage);
        QFETCH(bool, atOpen);
        QFETCH(QString, message);
        // Entry 1: "xx/a.txt" stored (5 bytes), entry 2: "b.txt" deflated.
        std::string zip = writeZip({{"xx/a.txt", "hello"}, {"b.txt", jsonLines(100)}});
        const std::size_t dir = directory(zip);
        const std::size_t second = dir + 46 + 8 + 9; // the second directory entry
        if (damage == "text")
            zip = std::string(4000, 'x');
        else if (damage == "short")
            zip = "PK\x05\x06";
        else if (damage == "half")
            zip.resize(zip.size() / 2);
        else if (damage == "cut-end")
            zip.resize(zip.size() - 5);
        else if (damage == "crc")
            put32(zip, dir + 16, get32(zip, dir + 16) ^ 1);
        else if (damage == "content")
            zip[30 + 8 + 9] = 'j';
        else if (damage == "deflate")
            for (std::size_t i = 0; i < 40; ++i)
                zip[get32(zip, second + 42) + 30 + 5 + 9 + 10 + i] ^= char(0x5A);
        else if (damage == "directory-offset")
            put32(zip, endRecord(zip) + 16, std::uint32_t(zip.size()));
        else if (damage == "local-offset")
            put32(zip, second + 42, std::uint32_t(dir));
        else if (damage == "local-misplaced")
            put32(zip, second + 42, 3);
        else if (damage == "huge")
            put32(zip, second + 24, 0xFFFFFFF0);
        else if (damage == "small")
            put32(zip, second + 24, 3);
        else if (damage == "larger")
            put32(zip, second + 24, get32(zip, second + 24) + 1);
        else if (damage == "compressed")
            put32(zip, second + 20, 0x7FFFFFFF);
        else if (damage == "count")
            put16(zip, endRecord(zip) + 8, 60000), put16(zip, endRecord(zip) + 10, 60000);
        else if (damage == "zip64")
            put16(zip, endRecord(zip) + 8, 0xFFFF), put16(zip, endRecord(zip) + 10, 0xFFFF);
        else if (damage == "split")
            put16(zip, endRecord(zip) + 4, 1);
        else if (damage == "dotdot")
            zip.replace(dir + 46, 3, "../");
        else if (damage == "absolute")
            zip.replace(dir + 46, 3, "/xx");
        else if (damage == "encrypted")
            put16(zip, dir + 8, 1);
        else if (damage == "method")
            put16(zip, dir + 10, 14);
        else if (damage == "directory-signature")
            zip[second] = 'Q';

        auto reader = ZipReader::open(memorySource(zip));
        if (atOpen) {
            QVERIFY(!reader.ok());
            QVERIFY2(QString::fromStdString(reader.status().detail()).contains(message),
                     reader.status().detail().c_str());
            return;
        }
        QVERIFY2(reader.ok(), reader.status().detail().c_str());
        QCOMPARE(reader->entries().size(), std::size_t(2));
        QString errors;
        std::size_t good = 0;
        for (const ZipEntry& entry : reader->entries()) {
            auto content = reader->readAll(entry);
            if (content.ok())
                ++good;
            else
                errors += QString::fromStdString(content.status().detail()) + "\n";
        }
        QVERIFY2(errors.contains(message), qPrintable(errors));
        QCOMPARE(good, std::size_t(1)); // the undamaged entry still reads
    }

    void namesInOtherEncodingsAreRead_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<bool>("utf8Flag");
        QTest::addColumn<QString>("expected");
        // "M\x81ller" is "Müller" in IBM437, the format's default without the flag.
        QTest::newRow("IBM437, no flag (Windows' compressed folders, old tools)")
            << QByteArray("M\x81ller\xE1.json") << false << QString::fromUtf8("Müllerß.json");
        QTest::newRow("UTF-8 without the flag (taken as UTF-8)")
            << QByteArray("M\xC3\xBCller.json") << false << QString::fromUtf8("Müller.json");
        QTest::newRow("UTF-8 with the flag")
            << QByteArray("M\xC3\xBCller.json") << true << QString::fromUtf8("Müller.json");
        QTest::newRow("flagged UTF-8 that is not: replaced, not guessed")
            << QByteArray("M\x81ller.json") << true << QString::fromUtf8("M\uFFFDller.json");
    }
    void namesInOtherEncodingsAreRead()
    {
        QFETCH(QByteArray, name);
        QFETCH(bool, utf8Flag);
        QFETCH(QString, expected);
        std::string zip = writeZip({{std::string(std::size_t(name.size()), 'x'), "{}\n"}});
        QVERIFY(hcntest::renameZipEntry(zip, std::string(std::size_t(name.size()), 'x'), name.toStdString(),
                                        utf8Flag));
        auto reader = ZipReader::open(memorySource(zip));
        QVERIFY2(reader.ok(), reader.status().detail().c_str());
        QCOMPARE(reader->entries().size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(reader->entries().front().name), expected);
        QVERIFY(reader->entries().front().problem.empty());
        QCOMPARE(reader->readAll(reader->entries().front()).value(), std::string("{}\n"));
    }

    void aStoppedReadEndsEarly()
    {
        const std::string zip = writeZip({{"big.json", jsonLines(60000)}});
        auto reader = ZipReader::open(memorySource(zip));
        QVERIFY(reader.ok());
        std::size_t seen = 0;
        Status read = reader->read(reader->entries().front(), [&](std::string_view chunk) {
            seen += chunk.size();
            return seen < 100000;
        });
        QCOMPARE(read.code(), hr::Abort);
        QVERIFY(seen < 300000);
    }

    void aFileSourceReadsLikeMemory()
    {
        const Files files{{"a.txt", jsonLines(2000)}, {"b/c.txt", "x\n"}};
        const QString path = m_dir.filePath("from-file.zip");
        saveFile(path, writeZip(files));
        auto source = fileSource(path.toStdString());
        QVERIFY(source.ok());
        auto reader = ZipReader::open(std::move(*source));
        QVERIFY2(reader.ok(), reader.status().detail().c_str());
        QCOMPARE(reader->entries().size(), files.size());
        for (std::size_t i = 0; i < files.size(); ++i) {
            auto content = reader->readAll(reader->entries()[i]);
            QVERIFY(content.ok());
            QCOMPARE(*content, files[i].second);
        }
    }

    void theWriterRefusesUnsafeNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("empty") << "";
        QTest::newRow("parent") << "../evil.txt";
        QTest::newRow("parent inside") << "a/../../evil.txt";
        QTest::newRow("absolute") << "/etc/passwd";
        QTest::newRow("backslash absolute") << "\\Windows\\evil.dll";
        QTest::newRow("drive letter") << "C:/evil.txt";
        QTest::newRow("empty part") << "a//b.txt";
        QTest::newRow("dot") << "./a.txt";
    }
    void theWriterRefusesUnsafeNames()
    {
        QFETCH(QString, name);
        std::ostringstream out;
        ZipWriter writer(out, 0);
        Status added = writer.add(name.toStdString(), "x");
        QCOMPARE(added.code(), hr::InvalidArg);
        QVERIFY2(QString::fromStdString(added.detail()).contains("cannot name a file"),
                 added.detail().c_str());
        QVERIFY(out.str().empty());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(ZipArchiveTest)
#include "tst_ziparchive.moc"
