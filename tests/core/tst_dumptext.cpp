// Importing a customer's dump, first layer: the bytes become text whatever Windows wrote, and every
// JSON value in it is found with the lines it came from, repaired where a console or a chat window
// broke it; what cannot be recovered is a warning, and the rest still comes out.

#include "common/utf8.h"
#include "dump_files.h"
#include "hcn/dump_import.h"
#include "hcn/dump_text.h"
#include "import_results.h"
#include "io/cni_requests.h"
#include "io/container_ids.h"
#include "io/fatal_log_lines.h"
#include "io/log_levels.h"
#include "io/statement_lines.h"
#include "io/text_scan.h"

#include <QtTest>

using namespace hcn;
using namespace hcn::io;

namespace {

/// What a user sees per imported object: its ID, or its Name when it has none yet (a create request).
QString label(const nlohmann::json& object)
{
    if (object.is_object() && object.contains("ID"))
        return QString::fromStdString(object["ID"].get<std::string>());
    if (object.is_object() && object.contains("Name"))
        return QStringLiteral("Name:") + QString::fromStdString(object["Name"].get<std::string>());
    return QStringLiteral("?");
}

/// The objects found, arrays opened: what the import would list.
QStringList objectLabels(const ExtractResult& result)
{
    QStringList labels;
    for (const FoundValue& found : result.values) {
        if (found.value.is_array()) {
            for (const auto& element : found.value)
                labels << label(element);
        } else {
            labels << label(found.value);
        }
    }
    return labels;
}

QStringList objectTypes(const ExtractResult& result)
{
    QStringList types;
    const auto typeOf = [](const nlohmann::json& o) {
        return o.is_object() && o.contains("Type") ? QString::fromStdString(o["Type"].get<std::string>())
                                                   : QString();
    };
    for (const FoundValue& found : result.values) {
        if (found.value.is_array()) {
            for (const auto& element : found.value)
                types << typeOf(element);
        } else {
            types << typeOf(found.value);
        }
    }
    return types;
}

QString lineSpans(const ExtractResult& result)
{
    QStringList spans;
    for (const FoundValue& found : result.values)
        spans << QStringLiteral("%1-%2").arg(found.firstLine).arg(found.lastLine);
    return spans.join(QLatin1Char(' '));
}

QStringList warningTexts(const ExtractResult& result)
{
    QStringList texts;
    for (const ImportWarning& w : result.warnings)
        texts << QString::fromStdString(w.message);
    return texts;
}

ExtractResult importDump(const QString& name)
{
    const auto decoded = decodeDumpText(bytesView(readDump(name)));
    if (!decoded.ok())
        qFatal("%s does not decode: %s", qPrintable(name), decoded.status().message().c_str());
    return extractJsonValues(decoded->text);
}

QString levelName(LogLevel level)
{
    switch (level) {
    case LogLevel::None:
        return QStringLiteral("none");
    case LogLevel::Debug:
        return QStringLiteral("debug");
    case LogLevel::Info:
        return QStringLiteral("info");
    case LogLevel::Warning:
        return QStringLiteral("warning");
    case LogLevel::Error:
        return QStringLiteral("error");
    case LogLevel::Fatal:
        return QStringLiteral("fatal");
    }
    return QStringLiteral("?");
}

const QString natNetwork = QStringLiteral("3F1C9B27-6A0D-4C1E-8E52-7B9D0A4C2E11");
const QString natEndpoint = QStringLiteral("B7E2A9C4-3D51-4F86-A0C2-9E1B7D5F3A62");
const QString bridgeNetwork = QStringLiteral("C4A8E1F3-92B6-4D0A-B7E5-3F1D6C9A2B84");
const QString overlayNetwork = QStringLiteral("9E5B3D71-A2C8-4F06-8B4D-6C0E2A7F1D93");

} // namespace

class TestDumpText : public QObject
{
    Q_OBJECT

private slots:
    void decodesWhatWindowsWrites_data();
    void decodesWhatWindowsWrites();
    void nonUtf8TextIsReadOrReplaced_data();
    void nonUtf8TextIsReadOrReplaced();
    void loneSurrogatesBecomeReplacementCharacters();
    void textAppendedInAnotherEncodingIsReadInItsOwn_data();
    void textAppendedInAnotherEncodingIsReadInItsOwn();
    void binaryIsRefused_data();
    void binaryIsRefused();
    void oversizedDumpIsRefused();
    void pastedDecorationsAreCleaned_data();
    void pastedDecorationsAreCleaned();
    void findsValuesInDumps_data();
    void findsValuesInDumps();
    void repairsAreReported_data();
    void repairsAreReported();
    void sourceTextIsTheOriginalSpan();
    void depthIsLimitedWhileScanning_data();
    void depthIsLimitedWhileScanning();
    void parseErrorsQuoteValidUtf8();
    void aLostEscapeOpensNoValue_data();
    void aLostEscapeOpensNoValue();
    void stringsWrappedAtABlankKeepIt_data();
    void stringsWrappedAtABlankKeepIt();
    void proseWrappedAtAWordGetsItsBlankBack_data();
    void proseWrappedAtAWordGetsItsBlankBack();
    void singleQuotedJsonIsRequoted_data();
    void singleQuotedJsonIsRequoted();
    void lineEndsAndPaddingAreUndone_data();
    void lineEndsAndPaddingAreUndone();
    void pastedTextIsCleanedAsAWhole_data();
    void pastedTextIsCleanedAsAWhole();
    void blankLinesADocumentSetsItsPartsOffWithStay_data();
    void blankLinesADocumentSetsItsPartsOffWithStay();
    void transferEncodingsAreUndoneByEvidence_data();
    void transferEncodingsAreUndoneByEvidence();
    void logToolsAndTerminalsAreUndone_data();
    void logToolsAndTerminalsAreUndone();
    void htmlKeepsTheBlanksThePageShows_data();
    void htmlKeepsTheBlanksThePageShows();
    void gzipInBase64IsUnpacked_data();
    void gzipInBase64IsUnpacked();
    void wordsAreFoundInAnyLetterCase_data();
    void wordsAreFoundInAnyLetterCase();
    void logLineStatesItsOwnLevel_data();
    void logLineStatesItsOwnLevel();
    void containerIdIsReadAfterItsKey_data();
    void containerIdIsReadAfterItsKey();
    void cniRequestIsSaidAsItsLineGivesIt_data();
    void cniRequestIsSaidAsItsLineGivesIt();
    void headingSaysWhetherABodyIsAskedOrAnswered_data();
    void headingSaysWhetherABodyIsAskedOrAnswered();
    void aTimeInBracketsOpensAStatement_data();
    void aTimeInBracketsOpensAStatement();
};

void TestDumpText::decodesWhatWindowsWrites_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("encoding");
    QTest::addColumn<QString>("firstLine");
    QTest::addColumn<int>("values");

    QTest::newRow("PowerShell 5.1 redirect: UTF-16 LE with BOM, CRLF")
        << "network-utf16le-bom.json" << int(TextEncoding::Utf16LeBom) << "{" << 1;
    QTest::newRow("UTF-16 LE without BOM")
        << "endpoint-utf16le-nobom.json" << int(TextEncoding::Utf16Le) << "{" << 1;
    QTest::newRow("UTF-16 BE with BOM")
        << "endpoint-utf16be-bom.json" << int(TextEncoding::Utf16BeBom) << "{" << 1;
    QTest::newRow("UTF-8 with BOM") << "endpoint-utf8-bom.json" << int(TextEncoding::Utf8Bom) << "{" << 1;
    QTest::newRow("UTF-8, CRLF and a lone CR") << "network-crlf.json" << int(TextEncoding::Utf8) << "{" << 1;
    QTest::newRow("UTF-8 with umlauts in a quoted ticket")
        << "markdown-quoted.md" << int(TextEncoding::Utf8)
        << "Hi team, here is what Get-HnsNetwork shows on the node:" << 2;
}

void TestDumpText::decodesWhatWindowsWrites()
{
    QFETCH(QString, file);
    QFETCH(int, encoding);
    QFETCH(QString, firstLine);
    QFETCH(int, values);

    const auto decoded = decodeDumpText(bytesView(readDump(file)));
    QVERIFY2(decoded.ok(), decoded.status().message().c_str());
    QCOMPARE(int(decoded->encoding), encoding);
    QVERIFY(!decoded->replacedInvalid);
    const QString text = QString::fromStdString(decoded->text);
    QVERIFY(!text.contains(QLatin1Char('\r')));
    QVERIFY(!text.startsWith(QChar(0xFEFF)));
    QCOMPARE(text.section(QLatin1Char('\n'), 0, 0), firstLine);
    // Every line of the original is still a line: line numbers in warnings match the file.
    const QByteArray raw = readDump(file);
    if (encoding == int(TextEncoding::Utf8) || encoding == int(TextEncoding::Utf8Bom))
        QCOMPARE(text.count(QLatin1Char('\n')), int(raw.count('\n') + raw.count("\r") - raw.count("\r\n")));
    QCOMPARE(extractJsonValues(decoded->text).values.size(), std::size_t(values));
}

void TestDumpText::nonUtf8TextIsReadOrReplaced_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("encoding");
    QTest::addColumn<bool>("replaced");
    QTest::addColumn<QString>("name");
    QTest::newRow("Windows-1252 (Set-Content in Windows PowerShell 5.1)")
        << QByteArray("{\"Name\":\"R\xE9seau \x96 prod \x80\",\"Type\":\"nat\"}\r\n")
        << int(TextEncoding::Windows1252) << false << QString::fromUtf8("Réseau – prod €");
    QTest::newRow("UTF-8 with a stray byte: the stray byte replaced")
        << QByteArray("{\"Name\":\"R\xC3\xA9seau caf\xE9\",\"Type\":\"nat\"}\r\n") << int(TextEncoding::Utf8)
        << true << QString::fromUtf8("Réseau caf\uFFFD");
    QTest::newRow("declared UTF-8 (BOM) is not re-read")
        << QByteArray("\xEF\xBB\xBF{\"Name\":\"R\xE9seau\",\"Type\":\"nat\"}\r\n")
        << int(TextEncoding::Utf8Bom) << true << QString::fromUtf8("R\uFFFDseau");
}

void TestDumpText::nonUtf8TextIsReadOrReplaced()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, encoding);
    QFETCH(bool, replaced);
    QFETCH(QString, name);
    const auto decoded = decodeDumpText(bytesView(bytes));
    QVERIFY(decoded.ok());
    QCOMPARE(int(decoded->encoding), encoding);
    QCOMPARE(decoded->replacedInvalid, replaced);
    QVERIFY(!QString::fromStdString(decoded->text).contains(QLatin1Char('\r')));
    const ExtractResult result = extractJsonValues(decoded->text);
    QCOMPARE(objectLabels(result), QStringList{"Name:" + name});
}

void TestDumpText::loneSurrogatesBecomeReplacementCharacters()
{
    // Only the lone surrogate is lost.
    QByteArray utf16("\xFF\xFE");
    for (const char16_t unit : std::u16string(u"{\"Name\":\"\xD800 nat\"}")) {
        utf16 += char(unit & 0xFF);
        utf16 += char(unit >> 8);
    }
    const auto decoded16 = decodeDumpText(bytesView(utf16));
    QVERIFY(decoded16.ok());
    QVERIFY(decoded16->replacedInvalid);
    QCOMPARE(QString::fromStdString(decoded16->text), QString::fromUtf8("{\"Name\":\"\uFFFD nat\"}"));
}

namespace {

QByteArray utf16le(const QString& text, bool bom)
{
    QByteArray out = bom ? QByteArray("\xFF\xFE") : QByteArray();
    for (const QChar c : text) {
        out += char(c.unicode() & 0xFF);
        out += char(c.unicode() >> 8);
    }
    return out;
}

} // namespace

void TestDumpText::textAppendedInAnotherEncodingIsReadInItsOwn_data()
{
    // A file PowerShell 5.1 wrote with `>` (UTF-16 LE) that cmd.exe appended to with `>>` (one byte per
    // character), and the reverse, PowerShell's `>>` adding UTF-16 (with or without a BOM).
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("mixed");
    QTest::addColumn<QStringList>("names");
    const QString first = QStringLiteral("{\"Name\":\"nat\",\"Type\":\"NAT\"}\r\n");
    const QString second =
        QStringLiteral("{\"Name\":\"cbr0\",\"Type\":\"L2Bridge\",\"Note\":\"appended later\"}\r\n");
    QTest::newRow("UTF-16 LE with BOM, then single-byte")
        << utf16le(first, true) + second.toUtf8() << "UTF-16 LE with BOM, then from byte 60 UTF-8"
        << QStringList{"Name:nat", "Name:cbr0"};
    QTest::newRow("single-byte, then UTF-16 LE without BOM")
        << first.toUtf8() + utf16le(second, false) << "UTF-8, then from byte 29 UTF-16 LE"
        << QStringList{"Name:nat", "Name:cbr0"};
    QTest::newRow("single-byte, then UTF-16 LE with BOM")
        << first.toUtf8() + utf16le(second, true) << "UTF-8, then from byte 29 UTF-16 LE with BOM"
        << QStringList{"Name:nat", "Name:cbr0"};
    // CJK characters can be two printable bytes in UTF-16 LE, but never a line end: not split.
    QTest::newRow("UTF-16 LE with CJK names is one part")
        << utf16le(QString::fromUtf8(
                       "{\"Name\":\"\u4e2d\u6587\u7f51\u7edc\u4e2d\u6587\u7f51\u7edc\u4e2d\u6587"
                       "\u7f51\u7edc\u4e2d\u6587\u7f51\u7edc\u4e2d\u6587\u7f51\u7edc\u4e2d\u6587\u7f51"
                       "\u7edc\u4e2d\u6587\u7f51\u7edc\u4e2d\u6587\u7f51\u7edc\"}\r\n"),
                   true)
        << QString()
        << QStringList{QString::fromUtf8("Name:\u4e2d\u6587\u7f51\u7edc\u4e2d\u6587\u7f51\u7edc\u4e2d\u6587"
                                         "\u7f51\u7edc\u4e2d\u6587\u7f51\u7edc\u4e2d\u6587\u7f51\u7edc"
                                         "\u4e2d\u6587\u7f51\u7edc\u4e2d\u6587\u7f51\u7edc\u4e2d\u6587"
                                         "\u7f51\u7edc")};
}

void TestDumpText::textAppendedInAnotherEncodingIsReadInItsOwn()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, mixed);
    QFETCH(QStringList, names);
    const auto decoded = decodeDumpText(bytesView(bytes));
    QVERIFY2(decoded.ok(), decoded.status().detail().c_str());
    QCOMPARE(QString::fromStdString(decoded->mixedEncodings), mixed);
    QVERIFY(!decoded->replacedInvalid);
    QCOMPARE(objectLabels(extractJsonValues(decoded->text)), names);
}

void TestDumpText::binaryIsRefused_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("a zip archive") << readDump(QStringLiteral("garbage.bin"));
    QTest::newRow("NULs") << QByteArray(300, '\0');
    QTest::newRow("bytes Windows-1252 leaves undefined (C1 controls)") << QByteArray(64, '\x81');
    QTest::newRow("UTF-16 BE without BOM is not guessed")
        << QByteArray("\0{\0\"\0I\0D\0\"\0:\0 \0\"\0x\0\"\0}", 22);
    QTest::newRow("short NUL runs between bytes are no padding")
        << QByteArray("MZ\x90\0\x03\0\0\0\x04\0\0\0\xFF\xFF\0\0\xB8\0\0\0\0\0\0\0@\0\0\0", 28);
    QTest::newRow("a file that starts with NUL padding")
        << QByteArray(64, '\0') + QByteArray("{\"ID\": \"x\"}\n");
}

void TestDumpText::binaryIsRefused()
{
    QFETCH(QByteArray, bytes);
    const auto decoded = decodeDumpText(bytesView(bytes));
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.code(), hr::InvalidJson);
    QVERIFY2(decoded.status().detail().starts_with("the dump is not text: "),
             decoded.status().detail().c_str());
}

void TestDumpText::oversizedDumpIsRefused()
{
    const std::string huge(kMaxDumpBytes + 1, ' ');
    const auto decoded = decodeDumpText(huge);
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.code(), hr::InvalidArg);
    QVERIFY2(decoded.status().detail().find("larger than 256 MiB") != std::string::npos,
             decoded.status().detail().c_str());
}

void TestDumpText::pastedDecorationsAreCleaned_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("cleaned");

    QTest::newRow("markdown quote") << "> {"
                                    << "{";
    QTest::newRow("nested markdown quote") << ">> > \"Type\":  \"nat\","
                                           << "\"Type\":  \"nat\",";
    QTest::newRow("quote keeps indentation") << ">     \"ID\":  \"x\""
                                             << "    \"ID\":  \"x\"";
    QTest::newRow("PowerShell prompt") << "PS C:\\Users\\Administrator> Get-HnsNetwork | ConvertTo-Json"
                                       << "Get-HnsNetwork | ConvertTo-Json";
    QTest::newRow("PowerShell provider prompt")
        << "PS Microsoft.PowerShell.Core\\FileSystem::\\\\srv\\logs> hnsdiag list all"
        << "hnsdiag list all";
    QTest::newRow("continuation prompt") << ">> ConvertTo-Json -Depth 10"
                                         << "ConvertTo-Json -Depth 10";
    QTest::newRow("cmd prompt") << "C:\\Windows\\system32>hnsdiag list networks -d"
                                << "hnsdiag list networks -d";
    QTest::newRow("VERBOSE") << "VERBOSE: Querying HNS endpoints"
                             << "Querying HNS endpoints";
    QTest::newRow("German VERBOSE") << QString::fromUtf8("AUSFÜHRLICH: {\"ID\":1}") << "{\"ID\":1}";
    QTest::newRow("French VERBOSE with a space before the colon") << "COMMENTAIRES : {\"ID\":1}"
                                                                  << "{\"ID\":1}";
    QTest::newRow("quoted prompt with verbose output") << "> VERBOSE: PS C:\\> {\"ID\":1}"
                                                       << "{\"ID\":1}";
    QTest::newRow("trailing blanks") << "    \"Type\":  \"nat\",   \t"
                                     << "    \"Type\":  \"nat\",";
    QTest::newRow("JSON line untouched") << "        \"Name\":  \"PS C:\\\\> x\","
                                         << "        \"Name\":  \"PS C:\\\\> x\",";
    QTest::newRow("typographic quotes a chat tool made")
        << QString::fromUtf8("> \u201CName\u201D: \u201Cl2bridge\u201D, \u201EType\u201D: 1")
        << "\"Name\": \"l2bridge\", \"Type\": 1";
    QTest::newRow("word ending in a colon is not a prefix") << "Network : 3F1C"
                                                            << "Network : 3F1C";
    QTest::newRow("PowerShell 7 colours around a list view label")
        << "\x1b[32;1mID                 : \x1b[0m7C9A1B2D-3E4F-4051-9263-7485960A1B2C"
        << "ID                 : 7C9A1B2D-3E4F-4051-9263-7485960A1B2C";
    QTest::newRow("a window title and a coloured prompt")
        << "\x1b]0;Administrator: Windows PowerShell\x07\x1b[93mPS C:\\k> \x1b[0mGet-HnsNetwork"
        << "Get-HnsNetwork";
    QTest::newRow("a link (OSC 8) keeps its text")
        << "\x1b]8;;https://example.org\x1b\\docs\x1b]8;;\x1b\\ here"
        << "docs here";
    QTest::newRow("a lone escape is dropped") << "Name : a\x1b"
                                              << "Name : a";
    QTest::newRow("colours in caret notation (`cat -v`, a CI log viewer)")
        << "^[[1mSTEP^[[0m: Collecting events from namespace \"containers-5688\"."
        << "STEP: Collecting events from namespace \"containers-5688\".";
    QTest::newRow("caret notation: a hidden cursor, two parameters, erase to the line's end")
        << "^[[?25l^[[1;32mok^[[K done"
        << "ok done";
    QTest::newRow("a regular expression's caret and brackets stay") << "^[[:alpha:]]+$ or ^[[a-z]x or ^[["
                                                                    << "^[[:alpha:]]+$ or ^[[a-z]x or ^[[";
    QTest::newRow("NBSP padding before the colon")
        << QString::fromUtf8("Name\u00A0 \u00A0 \u00A0 : cbr0") << "Name      : cbr0";
    QTest::newRow("JSON indented with NBSP, NBSP after the colon")
        << QString::fromUtf8("\u00A0 \u00A0 \"Type\":\u00A0 \"L2Bridge\",") << "    \"Type\":  \"L2Bridge\",";
    QTest::newRow("NBSP inside a quoted string is kept")
        << QString::fromUtf8("\u00A0 \"Name\": \"prod\u00A0net\",")
        << QString::fromUtf8("  \"Name\": \"prod\u00A0net\",");
    QTest::newRow("NBSP inside an escaped quote's string is kept")
        << QString::fromUtf8("\"Name\": \"a \\\"b\u00A0c\\\" d\"")
        << QString::fromUtf8("\"Name\": \"a \\\"b\u00A0c\\\" d\"");
    QTest::newRow("zero-width characters inside a GUID and at the end")
        << QString::fromUtf8("ID : 8DAB2C3E-4F50-4162\u200B-A374-\u200C8596A7B8\u200DC9D0\u2060\uFEFF")
        << "ID : 8DAB2C3E-4F50-4162-A374-8596A7B8C9D0";
    QTest::newRow("tabs before the colon") << "VirtualNetworkName\t: cbr0"
                                           << "VirtualNetworkName : cbr0";
    QTest::newRow("tabs between columns stay") << "cbr0\tL2Bridge\t10.244.0.0/24"
                                               << "cbr0\tL2Bridge\t10.244.0.0/24";
    QTest::newRow("a pager prompt before the next line's text") << "-- More  --Policies           : {}"
                                                                << "Policies           : {}";
}

void TestDumpText::pastedDecorationsAreCleaned()
{
    QFETCH(QString, line);
    QFETCH(QString, cleaned);
    const std::string text = line.toStdString() + "\nsecond\n";
    const std::vector<CleanedLine> lines = cleanPastedText(text);
    QCOMPARE(lines.size(), std::size_t(2));
    QCOMPARE(QString::fromStdString(lines[0].text), cleaned);
    QCOMPARE(lines[0].sourceLine, 1);
    QCOMPARE(lines[1].sourceLine, 2);
}

void TestDumpText::lineEndsAndPaddingAreUndone_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("note"); ///< part of the one note expected; empty: none

    QTest::newRow("CR CR LF is one line end") << QByteArray("a\r\r\nb\r\r\n\r\r\nc") << "a\nb\n\nc"
                                              << "3 line ends are CR CR LF";
    QTest::newRow("CRLF and lone CR as before") << QByteArray("a\r\nb\rc\n") << "a\nb\nc\n"
                                                << "";
    QTest::newRow("CR line ends mixed with CRLF: CR CR LF is a line end and a blank line")
        << QByteArray("ID : 1\rName : a\r\r\nID : 2\r\nName : b\r\n")
        << "ID : 1\nName : a\n\nID : 2\nName : b\n"
        << "";
    QTest::newRow("a blank line of CR and CRLF among CRLF lines")
        << QByteArray("a\r\nb\r\r\nc\r\nd\r\n") << "a\nb\n\nc\nd\n"
        << "";
    QTest::newRow("mostly CR CR LF, a CRLF line appended: CR CR LF is one line end")
        << QByteArray("a\r\r\nb\r\r\nc\r\r\nd\r\n") << "a\nb\nc\nd\n"
        << "3 line ends are CR CR LF";
    QTest::newRow("NUL padding at the end")
        << QByteArray("{\"ID\": 1}\n") + QByteArray(4096, '\0') << "{\"ID\": 1}\n"
        << "the text holds 4096 NUL bytes of padding";
    QTest::newRow("a short NUL run at the very end") << QByteArray("{\"ID\": 1}\0\0\0", 12) << "{\"ID\": 1}"
                                                     << "3 NUL bytes";
    QTest::newRow("NUL padding between two writes starts a line")
        << QByteArray("first") + QByteArray(512, '\0') + QByteArray("second\n") << "first\nsecond\n"
        << "512 NUL bytes";
    QTest::newRow("UTF-16 LE text padded with NUL")
        << QByteArray("\xFF\xFE{\0}\0\n\0", 8) + QByteArray(256, '\0') << "{}\n"
        << "128 NUL bytes";
}

void TestDumpText::lineEndsAndPaddingAreUndone()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, text);
    QFETCH(QString, note);
    const auto decoded = decodeDumpText(bytesView(bytes));
    QVERIFY2(decoded.ok(), decoded.status().detail().c_str());
    QCOMPARE(QString::fromStdString(decoded->text), text);
    QCOMPARE(decoded->notes.size(), std::size_t(note.isEmpty() ? 0 : 1));
    if (!note.isEmpty())
        QVERIFY2(QString::fromStdString(decoded->notes.front()).contains(note),
                 decoded->notes.front().c_str());
}

void TestDumpText::pastedTextIsCleanedAsAWhole_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("lines"); ///< "source line:text" of every line cleaned
    QTest::addColumn<QStringList>("notes"); ///< a part of each note, one for each

    QTest::newRow("double spacing undone; a blank line of the text stays one")
        << "Name : a\n\nType : b\n\nID   : c\n\n\n\nName : d\n\nType : e\n\n"
        << QStringList{"1:Name : a", "3:Type : b", "5:ID   : c", "6:", "9:Name : d", "11:Type : e", "12:"}
        << QStringList{
               "double-spaced (a blank line after nearly every line, as a mail client makes it): 5 added "
               "blank lines left out"};
    QTest::newRow("list views with a blank line between objects stay as they are")
        << "Name : a\nType : b\nID   : c\n\nName : d\nType : e\nID   : f\n\nName : g\nType : h\n"
        << QStringList{"1:Name : a", "2:Type : b", "3:ID   : c", "4:",         "5:Name : d",
                       "6:Type : e", "7:ID   : f", "8:",         "9:Name : g", "10:Type : h"}
        << QStringList{};
    QTest::newRow("one-line paragraphs of an issue are not double spacing")
        << "Our network fails to start.\n\nThe log shows:\n\n`HNS failed with error : Unspecified error`\n\n"
           "Removing it first does not help.\n\nAny idea what to try?\n"
        << QStringList{"1:Our network fails to start.",
                       "2:",
                       "3:The log shows:",
                       "4:",
                       "5:`HNS failed with error : Unspecified error`",
                       "6:",
                       "7:Removing it first does not help.",
                       "8:",
                       "9:Any idea what to try?"}
        << QStringList{};
    QTest::newRow("a page's title, headings and bullet items a blank line apart stay apart")
        << "Troubleshooting container networks\n\nApplies to: Windows Server 2022\n\nError types\n\n"
           "  \u2022 Invalid configuration\n\n  \u2022 Policy not applied\n\nDiagnostic tools\n"
        << QStringList{"1:Troubleshooting container networks",
                       "2:",
                       "3:Applies to: Windows Server 2022",
                       "4:",
                       "5:Error types",
                       "6:",
                       "7:  \u2022 Invalid configuration",
                       "8:",
                       "9:  \u2022 Policy not applied",
                       "10:",
                       "11:Diagnostic tools"}
        << QStringList{};
    QTest::newRow("a mail's lines and a list view, double-spaced together")
        << "Both networks:\n\nName : a\n\nType : b\n\nID   : c\n\nName : d\n\n"
        << QStringList{"1:Both networks:", "3:Name : a", "5:Type : b", "7:ID   : c", "9:Name : d", "10:"}
        << QStringList{"double-spaced"};
    QTest::newRow("a fenced log double-spaced in an issue written as it should be: the log's spacing undone")
        << "Pods fail to start.\n\nThe network is made by the script.\n\n```\nWARNING: first\n\nsecond\n\n"
           "New-HnsNetwork : failed\n\nAt line:1 char:1\n\n+ New-HnsNetwork\n```\n\nAny idea?\n"
        << QStringList{"1:Pods fail to start.",
                       "2:",
                       "3:The network is made by the script.",
                       "4:",
                       "5:```",
                       "6:first",
                       "8:second",
                       "10:New-HnsNetwork : failed",
                       "12:At line:1 char:1",
                       "14:+ New-HnsNetwork",
                       "15:```",
                       "16:",
                       "17:Any idea?"}
        << QStringList{"the lines 6-14 of the text are double-spaced"};
    // A log's stamp among a line's first words: a time of day, or a date with its year in any of the forms
    // Windows writes; a month and a day alone are as often a range or a fraction in a sentence.
    QTest::newRow("a script's log dated the ISO way, double-spaced")
        << "INFO 2026-12-07 Network nat created.\n\nINFO 2026-12-07 Service hns restarted.\n\n"
           "WARN 2026-12-08 Adapter Ethernet not found.\n\nINFO 2026-12-08 Network nat created again.\n\n"
           "INFO 2026-12-09 Endpoint added.\n"
        << QStringList{"1:INFO 2026-12-07 Network nat created.", "3:INFO 2026-12-07 Service hns restarted.",
                       "5:WARN 2026-12-08 Adapter Ethernet not found.",
                       "7:INFO 2026-12-08 Network nat created again.", "9:INFO 2026-12-09 Endpoint added."}
        << QStringList{
               "the text is double-spaced (a blank line after nearly every line, as a mail client makes "
               "it): 4 added blank lines left out"};
    QTest::newRow("a script's log dated day-first with dots, double-spaced: dated as the ISO way")
        << "INFO 07.12.2026 Netzwerk nat erstellt.\n\nINFO 07.12.2026 Dienst hns neu gestartet.\n\n"
           "WARNUNG 08.12.2026 Adapter Ethernet nicht gefunden.\n\nINFO 08.12.2026 Netzwerk nat erneut "
           "erstellt.\n\nINFO 09.12.2026 Endpunkt angelegt.\n"
        << QStringList{"1:INFO 07.12.2026 Netzwerk nat erstellt.",
                       "3:INFO 07.12.2026 Dienst hns neu gestartet.",
                       "5:WARNUNG 08.12.2026 Adapter Ethernet nicht gefunden.",
                       "7:INFO 08.12.2026 Netzwerk nat erneut erstellt.",
                       "9:INFO 09.12.2026 Endpunkt angelegt."}
        << QStringList{"4 added blank lines left out"};
    QTest::newRow("a log stamped with a month, a day and a time of day, double-spaced")
        << "12-04 10:20:11.123 I hns: Network created.\n\n12-04 10:20:11.388 I hns: Endpoint attached.\n\n"
           "12-04 10:20:12.015 E hns: Policy apply failed.\n\n12-04 10:20:12.016 I hns: Retrying.\n\n"
           "12-04 10:20:17.020 I hns: Policy applied.\n"
        << QStringList{"1:12-04 10:20:11.123 I hns: Network created.",
                       "3:12-04 10:20:11.388 I hns: Endpoint attached.",
                       "5:12-04 10:20:12.015 E hns: Policy apply failed.",
                       "7:12-04 10:20:12.016 I hns: Retrying.", "9:12-04 10:20:17.020 I hns: Policy applied."}
        << QStringList{"4 added blank lines left out"};
    QTest::newRow("ranges, a fraction, years and a port in a page's sentences are no log's dates")
        << "Steps 1-2 create the network.\n\nSteps 3-4 attach the endpoints.\n\nAbout 3/4 of the nodes were "
           "updated.\n\nWindows Server 2019-2022 is supported.\n\nPort 8080:80 is published.\n\nSee the "
           "pages 10-12 for details.\n"
        << QStringList{"1:Steps 1-2 create the network.",
                       "2:",
                       "3:Steps 3-4 attach the endpoints.",
                       "4:",
                       "5:About 3/4 of the nodes were updated.",
                       "6:",
                       "7:Windows Server 2019-2022 is supported.",
                       "8:",
                       "9:Port 8080:80 is published.",
                       "10:",
                       "11:See the pages 10-12 for details."}
        << QStringList{};
    // Short capitalized lines: a document's headings over the paragraphs and lists they head, or a script's
    // progress lines, many in a row.
    // Short titles over short titles tell neither way: a text of nothing else keeps its blank lines.
    QTest::newRow("short capitalized lines alone, double-spaced: no log's record, left as they are")
        << "Creating network\n\nStopping service\n\nDone\n\nStarting HNS\n\nChecking adapter\n"
        << QStringList{"1:Creating network", "2:", "3:Stopping service", "4:", "5:Done", "6:",
                       "7:Starting HNS",     "8:", "9:Checking adapter"}
        << QStringList{};
    QTest::newRow("an issue form's questions and short answers stay apart")
        << "What happened\n\nPods lose network after HNS restart\n\nWhat you expected to happen\n\n"
           "Pods keep their network\n\nKubernetes version\n\nv1.28.3\n\nOS version\n\nWindows Server 2022\n"
        << QStringList{"1:What happened",
                       "2:",
                       "3:Pods lose network after HNS restart",
                       "4:",
                       "5:What you expected to happen",
                       "6:",
                       "7:Pods keep their network",
                       "8:",
                       "9:Kubernetes version",
                       "10:",
                       "11:v1.28.3",
                       "12:",
                       "13:OS version",
                       "14:",
                       "15:Windows Server 2022"}
        << QStringList{};
    QTest::newRow("a mail's sentences with dates in them stay apart")
        << "Hallo zusammen,\n\nseit dem 07.12.2026 verlieren unsere Pods nach einem Neustart von HNS das "
           "Netzwerk.\n\nAm 08.12.2026 haben wir das Update installiert.\n\nDanach trat der Fehler am "
           "09.12.2026 wieder auf.\n\nViele Gr\u00FC\u00DFe\n\nMax Mustermann\n"
        << QStringList{"1:Hallo zusammen,",
                       "2:",
                       "3:seit dem 07.12.2026 verlieren unsere Pods nach einem Neustart von HNS das "
                       "Netzwerk.",
                       "4:",
                       "5:Am 08.12.2026 haben wir das Update installiert.",
                       "6:",
                       "7:Danach trat der Fehler am 09.12.2026 wieder auf.",
                       "8:",
                       "9:Viele Gr\u00FC\u00DFe",
                       "10:",
                       "11:Max Mustermann"}
        << QStringList{};
    QTest::newRow("a PowerShell transcript's header and progress lines double-spaced")
        << "**********************\n\nWindows PowerShell transcript start\n\nStart time: 20261207195012\n\n"
           "Username: CONTOSO\\admin\n\n**********************\n\nCreating network\n\nStopping service\n\n"
           "Done\n\nStarting HNS\n\nChecking adapter\n\nSucceeded\n"
        << QStringList{"1:**********************",
                       "3:Windows PowerShell transcript start",
                       "5:Start time: 20261207195012",
                       "7:Username: CONTOSO\\admin",
                       "9:**********************",
                       "11:Creating network",
                       "13:Stopping service",
                       "15:Done",
                       "17:Starting HNS",
                       "19:Checking adapter",
                       "21:Succeeded"}
        << QStringList{"10 added blank lines left out"};
    QTest::newRow("a setup script's steps over their output, double-spaced")
        << "Installing the Containers feature\n\nName : Containers\n\nCreating network nat\n\nName : nat\n\n"
           "Type : NAT\n\nStarting HNS\n\nStatus : Running\n"
        << QStringList{"1:Installing the Containers feature",
                       "3:Name : Containers",
                       "5:Creating network nat",
                       "7:Name : nat",
                       "9:Type : NAT",
                       "11:Starting HNS",
                       "13:Status : Running"}
        << QStringList{"6 added blank lines left out"};
    QTest::newRow("a page's headings, each over a paragraph or a list, stay apart")
        << "Create a network\n\nUse New-HnsNetwork with the adapter's name.\n\nRemove a network\n\n"
           "- Stop the containers that use it\n\n- Remove their endpoints first\n\nKnown issues\n\n"
           "The adapter must exist before the network is made.\n"
        << QStringList{"1:Create a network",
                       "2:",
                       "3:Use New-HnsNetwork with the adapter's name.",
                       "4:",
                       "5:Remove a network",
                       "6:",
                       "7:- Stop the containers that use it",
                       "8:",
                       "9:- Remove their endpoints first",
                       "10:",
                       "11:Known issues",
                       "12:",
                       "13:The adapter must exist before the network is made."}
        << QStringList{};
    QTest::newRow("a page's title over its first heading, headings over paragraphs, stay apart")
        << "Container networking on Windows\n\nNetwork drivers\n\nA network's driver decides how its "
           "containers reach the host.\n\nNetwork isolation\n\nEach network has a switch of its own.\n"
        << QStringList{"1:Container networking on Windows",
                       "2:",
                       "3:Network drivers",
                       "4:",
                       "5:A network's driver decides how its containers reach the host.",
                       "6:",
                       "7:Network isolation",
                       "8:",
                       "9:Each network has a switch of its own."}
        << QStringList{};
    QTest::newRow("a page's headings over a table and a list stay apart")
        << "Network types\n\nName     Driver\n\nnat      NAT\n\nOverlay networks\n\n"
           "\u2022 Need a VXLAN port open\n\n\u2022 Need the same VSID on every node\n\nSee also\n\n"
           "Troubleshooting container networks.\n"
        << QStringList{"1:Network types",
                       "2:",
                       "3:Name     Driver",
                       "4:",
                       "5:nat      NAT",
                       "6:",
                       "7:Overlay networks",
                       "8:",
                       "9:\u2022 Need a VXLAN port open",
                       "10:",
                       "11:\u2022 Need the same VSID on every node",
                       "12:",
                       "13:See also",
                       "14:",
                       "15:Troubleshooting container networks."}
        << QStringList{};
    QTest::newRow("markdown between two blocks keeps its blank lines")
        << "```\nlog a\n```\n\n## Current behavior\n\nFailed to restart.\n\n* one\n\n* two\n\n```\nlog "
           "b\n```\n"
        << QStringList{"1:```",
                       "2:log a",
                       "3:```",
                       "4:",
                       "5:## Current behavior",
                       "6:",
                       "7:Failed to restart.",
                       "8:",
                       "9:* one",
                       "10:",
                       "11:* two",
                       "12:",
                       "13:```",
                       "14:log b",
                       "15:```"}
        << QStringList{};
    QTest::newRow("an indented prompt is taken off; an indented path with a `>` after it is output")
        << "    PS C:\\k> Get-HnsNetwork\n    C:\\k\\kubelet.exe --v=2 2>&1\n    C:\\a -> C:\\b\n  C:\\k> "
           "ipconfig\n"
        << QStringList{"1:Get-HnsNetwork", "2:    C:\\k\\kubelet.exe --v=2 2>&1", "3:    C:\\a -> C:\\b",
                       "4: ipconfig"}
        << QStringList{};
    QTest::newRow("a prompt on a line a review diff added; an error record's echo stays")
        << "+C:\\> ipconfig\n+PS C:\\k> Get-HnsNetwork\n+ New-HnsNetwork -Name x\n"
        << QStringList{"1: ipconfig", "2:Get-HnsNetwork", "3:+ New-HnsNetwork -Name x"} << QStringList{};
    QTest::newRow("one-line values apart are not double spacing when few")
        << "{\"ID\": 1}\n\n{\"ID\": 2}\n"
        << QStringList{"1:{\"ID\": 1}", "2:", "3:{\"ID\": 2}"} << QStringList{};
    QTest::newRow("pager prompts are no lines")
        << "Name : a\n-- More  --\nType : b\n-- More (45%) --\nID   : c\n<SPACE> next page; <CR> next line; "
           "Q quit\nx"
        << QStringList{"1:Name : a", "3:Type : b", "5:ID   : c", "7:x"} << QStringList{"3 pager prompts"};
    QTest::newRow("a rule is no pager prompt") << "----  --\n-- a-b --\n"
                                               << QStringList{"1:----  --", "2:-- a-b --"} << QStringList{};
    QTest::newRow("Select-String prefixes, with -Context markers")
        << "PS C:\\> Select-String x endpoint.txt -Context 1\n\n  endpoint.txt:40:{\n> endpoint.txt:41:  "
           "\"x\": "
           "1\n  endpoint.txt:42:}\n"
        << QStringList{"1:Select-String x endpoint.txt -Context 1", "2:", "3:{", "4:  \"x\": 1", "5:}"}
        << QStringList{"3 lines start with Select-String's `file:line:` prefix (endpoint.txt)"};
    QTest::newRow("log times a minute apart are no Select-String prefix")
        << "I1204 10:20:11.1 a\nI1204 10:21:11.2 b\nI1204 10:22:12.3 c\nI1204 10:23:13.0 d\n"
        << QStringList{"1:I1204 10:20:11.1 a", "2:I1204 10:21:11.2 b", "3:I1204 10:22:12.3 c",
                       "4:I1204 10:23:13.0 d"}
        << QStringList{};
    QTest::newRow("numbers that do not run on are no Select-String prefix")
        << "a.txt:5:x\na.txt:9:y\na.txt:2:z\na.txt:7:w\n"
        << QStringList{"1:a.txt:5:x", "2:a.txt:9:y", "3:a.txt:2:z", "4:a.txt:7:w"} << QStringList{};
    QTest::newRow("cat -n line numbers, the command line before them")
        << "$ cat -n lb.json\n     1\t{\n     2\t  \"ID\": 1,\n     3\t\n     4\t  \"x\": 2\n     5\t}\n"
        << QStringList{"1:$ cat -n lb.json", "2:{", "3:  \"ID\": 1,", "4:", "5:  \"x\": 2", "6:}"}
        << QStringList{"5 lines start with consecutive line numbers"};
    QTest::newRow("a gist's and an editor's line numbers: `N `, `N | `, `N: `")
        << " 9 {\n10   \"a\": 1,\n11 | \"b\": 2,\n12: \"c\": 3,\n13 }\n"
        << QStringList{"1:{", "2:  \"a\": 1,", "3:\"b\": 2,", "4:\"c\": 3,", "5:}"}
        << QStringList{"5 lines start with consecutive line numbers"};
    QTest::newRow("a table's first column counting up is kept when under 80 % of the lines")
        << "Id Name\n-- ----\n1  a\n2  b\n3  c\n4  d\n5  e\n"
        << QStringList{"1:Id Name", "2:-- ----", "3:1  a", "4:2  b", "5:3  c", "6:4  d", "7:5  e"}
        << QStringList{};
    QTest::newRow("numbers that do not run on are no line numbers")
        << "10 a\n20 b\n30 c\n40 d\n50 e\n"
        << QStringList{"1:10 a", "2:20 b", "3:30 c", "4:40 d", "5:50 e"} << QStringList{};
    QTest::newRow("a unified diff: the new side, without markers and headers")
        << "PS C:\\> git diff\ndiff --git a/x.json b/x.json\nindex 1..2 100644\n--- a/x.json\n+++ b/x.json\n"
           "@@ -1,4 +1,4 @@\n {\n-  \"State\": 2,\n+  \"State\": 4,\n   \"ID\": 1\n }\n\\ No newline at end "
           "of file\n"
           "after\n"
        << QStringList{"1:git diff", "7:{", "9:  \"State\": 4,", "10:  \"ID\": 1", "11:}", "13:after"}
        << QStringList{"the text is a unified diff (a/x.json → b/x.json); its new side was read: 4 added or "
                       "context lines without their marker, 1 removed line left out"};
    QTest::newRow("a rule and a plus line are no diff without a hunk header")
        << "--- x\n+++ y\n- a\n"
        << QStringList{"1:--- x", "2:+++ y", "3:- a"} << QStringList{};
    QTest::newRow("Fluent Bit stdout records: Ruby's => read as JSON's colon")
        << "[0] kube.var.log.containers.a.log: [1733307611.000000000, {\"stream\"=>\"stderr\", "
           "\"log\"=>\"x {\\\"k\\\"=>1} => y\", \"n\"=>nil}]\n"
           "[1] tail.0: [[1733307612.0, {}], {\"log\"=>\"z\"}]\n[2] not a record\n"
        << QStringList{"1:{\"stream\":\"stderr\", \"log\":\"x {\\\"k\\\"=>1} => y\", \"n\":null}",
                       "2:{\"log\":\"z\"}", "3:[2] not a record"}
        << QStringList{"2 lines are Fluent Bit stdout records"};
    QTest::newRow("HTML: <br> and blocks break lines, references decoded, <pre> kept, lines of the document")
        << "<html><head><title>t</title></head><body><p>a &amp; b</p>\n<div>{&quot;ID&quot;:&nbsp;1,<br>\n"
           "&nbsp; &quot;x&quot;: &#39;&lt;y&gt;&#x27;}</div><pre>\nName : a\n  Type : b\n</pre>"
           "<script>if (a < b) {}</script></body></html>"
        << QStringList{"1:a & b", "1:", "2:{\"ID\": 1,", "3:  \"x\": '<y>'}", "4:Name : a", "5:  Type : b"}
        << QStringList{"HTML document", "2 non-breaking spaces"};
    QTest::newRow("XML is no HTML") << "<Objs Version=\"1.1.0.1\">\n<Obj RefId=\"0\"></Obj>\n</Objs>"
                                    << QStringList{"1:<Objs Version=\"1.1.0.1\">",
                                                   "2:<Obj RefId=\"0\"></Obj>", "3:</Objs>"}
                                    << QStringList{};
    QTest::newRow("HTML after mail headers and a blank line: the headers stay lines of their own")
        << "From: ops@example.org\nSubject: HNS state\n\n<html><body><div>Name : x</div>\n"
           "<div>Type : &quot;y&quot;</div></body></html>\n"
        << QStringList{"1:From: ops@example.org", "2:Subject: HNS state", "3:", "4:Name : x",
                       "5:Type : \"y\""}
        << QStringList{"lines 4-5 are an HTML document (a ticket or mail export); read as the text it shows"};
    QTest::newRow("HTML in upper case")
        << "<HTML><HEAD><TITLE>t</TITLE></HEAD><BODY><DIV>Name : x</DIV><SCRIPT>x</SCRIPT>\n"
           "<DIV>Type : y</DIV></BODY></HTML>"
        << QStringList{"1:Name : x", "2:Type : y"} << QStringList{"the text is an HTML document"};
    QTest::newRow("HTML after a byte order mark and blank lines")
        << QString::fromUtf8("\uFEFF\n\n<!DOCTYPE html>\n<p>a &amp; b</p>")
        << QStringList{"1:", "2:", "4:a & b"} << QStringList{"the text is an HTML document"};
    QTest::newRow("an HTML fragment in the middle of text; the lines around it stay")
        << "Hi, the output:\n<div>{&quot;ID&quot;: 1,</div>\n<div>&nbsp;&quot;x&quot;: 2}</div>\n"
           "Thanks,\n  Ann\n"
        << QStringList{"1:Hi, the output:", "2:{\"ID\": 1,", "3: \"x\": 2}", "4:Thanks,", "5:  Ann"}
        << QStringList{"lines 2-3 are an HTML fragment (markup copied from a ticket or a page)",
                       "1 non-breaking space"};
    QTest::newRow("lines ending in <br> in the middle of text")
        << "Output:\nName : a<br>\nType : b<br>\nID&nbsp;&nbsp; : c<br>\n\nbye"
        << QStringList{"1:Output:", "2:Name : a", "3:Type : b", "4:ID   : c", "5:", "6:bye"}
        << QStringList{"lines 2-4 are an HTML fragment", "2 non-breaking spaces"};
    QTest::newRow("a <pre> fragment with references, after prose")
        << "See below\n<pre>\n{\n  &quot;ID&quot;: 1\n}\n</pre>\n"
        << QStringList{"1:See below", "3:{", "4:  \"ID\": 1", "5:}"}
        << QStringList{"lines 2-6 are an HTML fragment"};
    QTest::newRow("markup in JSON strings is data, not HTML")
        << "{\n  \"Description\": \"<p>a</p><br><div>b</div>\",\n  \"Name\": \"<pre>x</pre>\"\n}"
        << QStringList{"1:{", "2:  \"Description\": \"<p>a</p><br><div>b</div>\",",
                       "3:  \"Name\": \"<pre>x</pre>\"", "4:}"}
        << QStringList{};
    QTest::newRow("a tag mentioned in prose and list view values with < are no HTML")
        << "Use <br> to break lines.\nNamespace : <nil>\nName      : <none>\nPolicies  : {<p>}\n"
        << QStringList{"1:Use <br> to break lines.", "2:Namespace : <nil>", "3:Name      : <none>",
                       "4:Policies  : {<p>}"}
        << QStringList{};
    QTest::newRow("a markdown table with <br> in two cells is no HTML")
        << "| Name | Notes |\n|---|---|\n| cbr0 | a<br>b |\n| nat | c<br>d |\n"
        << QStringList{"1:| Name | Notes |", "2:|---|---|", "3:| cbr0 | a<br>b |", "4:| nat | c<br>d |"}
        << QStringList{};
    QTest::newRow("CLIXML holding escaped HTML is no HTML")
        << "<Objs Version=\"1.1.0.1\">\n<Obj RefId=\"0\"><S N=\"d\">&lt;div&gt;&amp;&lt;/div&gt;</S>"
           "<B N=\"b\">true</B></Obj>\n</Objs>"
        << QStringList{"1:<Objs Version=\"1.1.0.1\">",
                       "2:<Obj RefId=\"0\"><S N=\"d\">&lt;div&gt;&amp;&lt;/div&gt;</S>"
                       "<B N=\"b\">true</B></Obj>",
                       "3:</Objs>"}
        << QStringList{};
    QTest::newRow("two HTML fragments apart: each read, the plain lines between them as they are")
        << "Before:\n<div><pre>\nName : a\nType : b\n</pre></div>\nplain 1\nplain 2\nName      : c\n"
           "Type      : d\nplain 5\n<div>{&quot;ID&quot;: 1,<br>\n&quot;x&quot;: 2}</div>\nafter"
        << QStringList{"1:Before:",      "3:Name : a",      "4:Type : b",      "6:plain 1",
                       "7:plain 2",      "8:Name      : c", "9:Type      : d", "10:plain 5",
                       "11:{\"ID\": 1,", "12:\"x\": 2}",    "13:after"}
        << QStringList{
               "lines 2-5 and lines 11-12 are 2 HTML fragments (markup copied from a ticket or a page); each "
               "was read as the text it shows and the lines between them as they are"};
    QTest::newRow("<br> fragments at the very start and the very end, references decoded")
        << "Name : &#39;a&#39;<br>\nType : &quot;b&quot;<br>\nplain x\nplain y\nplain z\nID : c<br>\n"
           "Kind : &lt;d&gt;<br>"
        << QStringList{"1:Name : 'a'", "2:Type : \"b\"", "3:plain x",   "4:plain y",
                       "5:plain z",    "6:ID : c",       "7:Kind : <d>"}
        << QStringList{"lines 1-2 and lines 6-7 are 2 HTML fragments"};
    QTest::newRow("three fragments, one a single line")
        << "<div>a</div><div>b</div>\nx\ny\n<p>c</p><br>\nz\nw\n<div>d</div>\n<div>e</div>\n"
        << QStringList{"1:a", "1:b", "2:x", "3:y", "4:c", "5:z", "6:w", "7:d", "8:e"}
        << QStringList{"line 1, line 4 and lines 7-8 are 3 HTML fragments"};
    QTest::newRow("a tag mentioned in prose between two fragments stays as it is")
        << "<div>Name : a</div>\n<div>Type : b</div>\nplain 1\nplain 2\nUse <br> to break a line.\nplain 3\n"
           "plain 4\n<div>ID : c</div>\n<div>Kind : d</div>"
        << QStringList{"1:Name : a", "2:Type : b", "3:plain 1", "4:plain 2", "5:Use <br> to break a line.",
                       "6:plain 3",  "7:plain 4",  "8:ID : c",  "9:Kind : d"}
        << QStringList{"lines 1-2 and lines 8-9 are 2 HTML fragments"};
    QTest::newRow("text inside an element left open is the fragment's, not plain text after it")
        << "<div class=\"x\"><b>Name</b> : a<br>\ncontinued\nmore\n</div><div>Type : b</div>"
        << QStringList{"1:Name : a", "2:continued more", "4:Type : b"}
        << QStringList{"the text is an HTML fragment"};
    QTest::newRow("document tags mentioned in prose are no document")
        << "Wrap it in <html> and <body>, not in <pre>.\nName : a\nType : b\n"
        << QStringList{"1:Wrap it in <html> and <body>, not in <pre>.", "2:Name : a", "3:Type : b"}
        << QStringList{};
    QTest::newRow("one stray <div> far from the next tag is no fragment")
        << "<div> a\nline 2\nline 3\nline 4\nline 5\n</div> <br>\n"
        << QStringList{"1:<div> a", "2:line 2", "3:line 3", "4:line 4", "5:line 5", "6:</div> <br>"}
        << QStringList{};
}

void TestDumpText::pastedTextIsCleanedAsAWhole()
{
    QFETCH(QString, text);
    QFETCH(QStringList, lines);
    QFETCH(QStringList, notes);
    std::vector<std::string> said;
    const std::vector<CleanedLine> cleaned = cleanPastedText(text.toStdString(), &said);
    QStringList got;
    for (const CleanedLine& line : cleaned)
        got << QStringLiteral("%1:%2").arg(line.sourceLine).arg(QString::fromStdString(line.text));
    QCOMPARE(got, lines);
    QCOMPARE(said.size(), std::size_t(notes.size()));
    QStringList saidTexts;
    for (const std::string& n : said)
        saidTexts << QString::fromStdString(n);
    for (const QString& part : notes) {
        const bool found = std::any_of(saidTexts.begin(), saidTexts.end(),
                                       [&](const QString& n) { return n.contains(part); });
        QVERIFY2(found, qPrintable(part + " not in: " + saidTexts.join(" | ")));
    }
}

void TestDumpText::blankLinesADocumentSetsItsPartsOffWithStay_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("note");   ///< part of the double spacing's note; empty: none given
    QTest::addColumn<int>("blankLines"); ///< the blank lines left in the cleaned text

    // A page or a document whose title, headings, paragraphs and bullet items are a blank line apart.
    QTest::newRow("a Swedish web page: headings, bullet items, paragraphs")
        << "webpage-sv-headings-bullets.txt"
        << "" << 14;
    QTest::newRow("a German web page: headings, bullet items, a paragraph without its period")
        << "webpage-de-headings-bullets.txt"
        << "" << 13;
    QTest::newRow("a Chinese web page: sentences with full-width periods, commands")
        << "webpage-zhtw-commands.txt"
        << "" << 6;
    QTest::newRow("a markdown README: headings, bullet and numbered items")
        << "readme-markdown-headings-bullets.txt"
        << "" << 13;
    QTest::newRow("an issue's one-line paragraphs") << "issue-text-one-line-paragraphs.txt"
                                                    << "" << 5;
    // What was written line after line, a blank line added after each: still found and undone.
    QTest::newRow("a log mailed double-spaced, a greeting before it") << "log-mail-double-spaced.txt"
                                                                      << "the text is double-spaced" << 1;
    QTest::newRow("JSON double-spaced, the command before it") << "json-double-spaced.txt"
                                                               << "12 added blank lines left out" << 0;
    QTest::newRow("a table double-spaced") << "table-double-spaced.txt"
                                           << "5 added blank lines left out" << 0;
    QTest::newRow("list views in a mail, Outlook's double spacing") << "listview-outlook-double-spaced.txt"
                                                                    << "41 added blank lines left out" << 3;
    QTest::newRow("a request's JSON double-spaced under a heading")
        << "verbose-request-then-cut-result-l2bridge.txt"
        << "the text is double-spaced" << 0;
    QTest::newRow("two sentences and a table double-spaced") << "failures/adapter-not-found-double-spaced.txt"
                                                             << "4 added blank lines left out" << 0;
}

void TestDumpText::blankLinesADocumentSetsItsPartsOffWithStay()
{
    QFETCH(QString, file);
    QFETCH(QString, note);
    QFETCH(int, blankLines);
    const auto decoded = decodeDumpText(bytesView(readDump(file)));
    QVERIFY2(decoded.ok(), decoded.status().detail().c_str());
    std::vector<std::string> said;
    const std::vector<CleanedLine> cleaned = cleanPastedText(decoded->text, &said);
    const QString spacingNote = [&] {
        for (const std::string& n : said)
            if (n.find("double-spaced") != std::string::npos)
                return QString::fromStdString(n);
        return QString();
    }();
    if (note.isEmpty())
        QVERIFY2(spacingNote.isEmpty(), qPrintable(spacingNote));
    else
        QVERIFY2(spacingNote.contains(note), qPrintable(spacingNote));
    const auto blank = std::count_if(cleaned.begin(), cleaned.end(),
                                     [](const CleanedLine& line) { return trimBlanks(line.text).empty(); });
    QCOMPARE(int(blank), blankLines);
}

void TestDumpText::transferEncodingsAreUndoneByEvidence_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text"); ///< the decoded text
    QTest::addColumn<QString>("note"); ///< a part of the note, empty: none

    const QByteArray json = "{\"ID\": \"2C8E4A61-7B3D-4F09-A5E2-9D1C6B0F7A38\", \"Name\": \"cbr0\"}";
    const QByteArray encoded = json.toBase64();
    QTest::newRow("armor lines around base64, text around them kept")
        << "see:\n-----BEGIN CERTIFICATE-----\n" + encoded.left(40) + "\n" + encoded.mid(40) +
               "\n-----END CERTIFICATE-----\nbye\n"
        << "see:\n" + QString::fromUtf8(json) + "\nbye\n"
        << "as `certutil -encode` writes it";
    QTest::newRow("one long base64 line") << encoded + "\n"
                                          << QString::fromUtf8(json + "\n") << "a block of base64 (1 line)";
    QTest::newRow("base64 of binary stays as it is")
        << QByteArray(64, '\x01').toBase64() + "\n"
        << QString::fromLatin1(QByteArray(64, '\x01').toBase64() + "\n") << "";
    QTest::newRow("a hex string is no base64 text")
        << QByteArray("ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789\n")
        << "ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789\n"
        << "";
    QTest::newRow("quoted-printable: soft breaks joined, =3D and =C3=A9 decoded")
        << QByteArray("Name=3Dcaf=C3=A9 Type=3DL2=\nBridge\nState=3D1\n")
        << "Name=café Type=L2Bridge\nState=1\n"
        << "the text holds quoted-printable (5 `=XX` escapes, 1 soft line break)";
    QTest::newRow("key=value pairs in a log are no quoted-printable")
        << QByteArray("I1204 count=10 vlan=20 mtu=15\nport=80 id=12\n")
        << "I1204 count=10 vlan=20 mtu=15\nport=80 id=12\n"
        << "";
    QTest::newRow("an `=` that is no escape: not quoted-printable")
        << QByteArray("a=3Db=3Dc=3D\nx = y\n") << "a=3Db=3Dc=3D\nx = y\n"
        << "";
}

void TestDumpText::transferEncodingsAreUndoneByEvidence()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, text);
    QFETCH(QString, note);
    const auto decoded = decodeDumpText(std::string_view(bytes.constData(), std::size_t(bytes.size())));
    QVERIFY(decoded.ok());
    QCOMPARE(QString::fromStdString(decoded->text), text);
    const bool noted = std::any_of(decoded->notes.begin(), decoded->notes.end(), [&](const std::string& n) {
        return !note.isEmpty() && QString::fromStdString(n).contains(note);
    });
    QCOMPARE(noted, !note.isEmpty());
    if (note.isEmpty())
        QVERIFY(decoded->notes.empty());
}

/// A list view or a table in an HTML mail or ticket: its columns are blanks, which the markup keeps as
/// the page shows them (`&nbsp;`, `<pre>`, `<code>`, `white-space: pre`, a monospace font).
void TestDumpText::htmlKeepsTheBlanksThePageShows_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QStringList>("lines"); ///< "sourceLine:text" after cleaning (U+00A0 read as blanks)

    QTest::newRow("Outlook: &nbsp; runs in a Courier New span, one paragraph per line")
        << "<html><body><p class=MsoNormal><span style='font-family:\"Courier New\"'>ID&nbsp;&nbsp;&nbsp;"
           "&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; : "
           "7C9A1B2D-3E4F-4051-9263-7485960A1B2C<o:p></o:p></span></p>\n"
           "<p class=MsoNormal><span style='font-family:\"Courier New\"'>IPAddress&nbsp;&nbsp; : "
           "10.244.2.11<o:p></o:p></span></p></body></html>"
        << QStringList{"1:ID          : 7C9A1B2D-3E4F-4051-9263-7485960A1B2C",
                       "1:", "2:IPAddress   : 10.244.2.11"};
    QTest::newRow("Gmail fixed width: &nbsp; and blanks taking turns, <br> lines")
        << "<div dir=\"ltr\"><font face=\"monospace\">ID&nbsp; &nbsp; &nbsp; &nbsp;: 7C9A<br>"
           "Name&nbsp; &nbsp; &nbsp;: ep1<br></font></div>"
        << QStringList{"1:ID       : 7C9A", "1:Name     : ep1"};
    QTest::newRow("<pre>: blanks, tabs and line breaks as written")
        << "<div>Output:</div><pre>ID         : 7C9A\nIPAddress  : 10.244.2.11\n\tState : 3</pre>"
        << QStringList{"1:Output:", "1:ID         : 7C9A", "2:IPAddress  : 10.244.2.11", "3:\tState : 3"};
    QTest::newRow("a <div> styled white-space:pre, with a <div> inside it that closes first")
        << "<html><body><div style=\"white-space:pre\">ID         : 7C9A\n<div>Name  :  x</div>"
           "IPAddress  : 10.244.2.11\n</div><div>after   the   block</div></body></html>"
        << QStringList{"1:ID         : 7C9A", "2:Name  :  x", "2:IPAddress  : 10.244.2.11",
                       "3:after the block"};
    QTest::newRow("white-space: pre-wrap, in a style with other properties and upper case")
        << "<html><body><DIV STYLE=\"font-size:11pt; WHITE-SPACE: Pre-Wrap;\">Name       : cbr0\n"
           "Type       : L2Bridge</DIV></body></html>"
        << QStringList{"1:Name       : cbr0", "2:Type       : L2Bridge"};
    QTest::newRow("white-space: pre-line keeps line breaks, not blank runs")
        << "<html><body><p style=\"white-space:pre-line\">Name    : cbr0\nType    : "
           "L2Bridge</p></body></html>"
        << QStringList{"1:Name : cbr0", "2:Type : L2Bridge"};
    QTest::newRow("<code> and <tt>: blanks and line breaks as written")
        << "<html><body><p>Output: <code>ID    : 7C9A\nName  : ep1</code></p><p><tt>Type  : NAT</tt> "
           "and    more</p></body></html>"
        << QStringList{"1:Output: ID    : 7C9A", "2:Name  : ep1", "2:", "2:Type  : NAT and more"};
    QTest::newRow("a monospace span: blank runs in a line kept, the markup's line breaks and indentation not")
        << "<html><body><div>\n    <span style=\"font-family: monospace\">ID                 : 7C9A<br>\n"
           "    IPAddress          : 10.244.2.11</span>\n</div></body></html>"
        << QStringList{"2:ID                 : 7C9A", "3:IPAddress          : 10.244.2.11"};
    QTest::newRow("a Consolas span in an Outlook paragraph")
        << "<html><body><p style=\"margin:0\"><span style='font-family:Consolas;color:black'>Name  "
           "     : cbr0</span></p></body></html>"
        << QStringList{"1:Name       : cbr0"};
    QTest::newRow("white-space: normal inside <pre> collapses again")
        << "<html><body><pre>a    b\n<span style=\"white-space:normal\">c    d</span></pre></body></html>"
        << QStringList{"1:a    b", "2:c d"};
    QTest::newRow("blank runs in a plain <div> are one blank, as the page shows them")
        << "<html><body><div>ID                 : 7C9A</div><div>Name  : ep1</div></body></html>"
        << QStringList{"1:ID : 7C9A", "1:Name : ep1"};
    QTest::newRow("a <pre> left open ends with the document")
        << "<html><body><pre>ID   : 7C9A\nName : ep1</body></html>"
        << QStringList{"1:ID   : 7C9A", "2:Name : ep1"};
    QTest::newRow("a fragment pasted into text: a pre-wrap block with plain lines")
        << "Ticket notes\n\n<div dir=\"ltr\"><div style=\"white-space:pre-wrap\">ID           : 7C9A\n"
           "IPAddress    : 10.244.2.11\nMacAddress   : 00-15-5D-A1-02-0B\nName         : ep1\n"
           "State        : 3\nType         : L2Bridge</div></div>\n\nthanks\n"
        << QStringList{"1:Ticket notes",
                       "2:",
                       "3:ID           : 7C9A",
                       "4:IPAddress    : 10.244.2.11",
                       "5:MacAddress   : 00-15-5D-A1-02-0B",
                       "6:Name         : ep1",
                       "7:State        : 3",
                       "8:Type         : L2Bridge",
                       "9:",
                       "10:thanks"};
}

void TestDumpText::htmlKeepsTheBlanksThePageShows()
{
    QFETCH(QString, html);
    QFETCH(QStringList, lines);
    std::vector<std::string> notes;
    const std::vector<CleanedLine> cleaned = cleanPastedText(html.toStdString(), &notes);
    QStringList got;
    for (const CleanedLine& line : cleaned)
        got << QStringLiteral("%1:%2").arg(line.sourceLine).arg(QString::fromStdString(line.text));
    QCOMPARE(got, lines);
    QVERIFY2(!notes.empty() && QString::fromStdString(notes.front()).contains("HTML"),
             notes.empty() ? "no note" : notes.front().c_str());
}

/// A dump gzipped and base64-encoded to get it through a ticket or a chat (`gzip | base64`,
/// `[Convert]::ToBase64String` of a GZipStream), on lines of its own or inside a line.
void TestDumpText::gzipInBase64IsUnpacked_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("labels"); ///< the objects found in the decoded text
    QTest::addColumn<QString>("note");       ///< a part of the note, empty: none
    QTest::addColumn<QString>("kept");       ///< a part of the text that stays

    const QString gzipNote = QStringLiteral("the text holds gzip-compressed data in base64 (`H4sI...`, as "
                                            "`gzip | base64` or `[Convert]::ToBase64String` of a GZipStream "
                                            "writes it), unpacked to ");
    QTest::newRow("`gzip | base64` wrapped at 76, prose around it")
        << readDump("ticket-kubectl-gzip-base64.txt") << QStringList{"8B4F1D63-2E7A-4C95-9D08-6A3E1F5C7B20"}
        << gzipNote << "\nthanks,\nplatform team\n";
    QTest::newRow("[Convert]::ToBase64String of a gzipped UTF-16 file, one line")
        << readDump("ticket-powershell-gzip-base64-utf16.txt")
        << QStringList{"2D6A9F14-8C3E-4B71-A5D0-9E2F7C4B1A36"} << gzipNote
        << "[Convert]::ToBase64String($ms.ToArray())\n";
    QTest::newRow("inside a line of a ConfigMap: what it holds on lines of its own")
        << readDump("ticket-gzip-base64-in-a-line.txt") << QStringList{"8B4F1D63-2E7A-4C95-9D08-6A3E1F5C7B20"}
        << gzipNote << "  network.json.gz: \n{\n";
    const QStringList sixEndpoints{
        "3F6A2C91-7B4E-4D15-A8C3-5E9D0B7F1A24", "4A7B3DA2-8C5F-4E26-B9D4-6F0E1C8A2B35",
        "5B8C4EB3-9D60-4F37-8AE5-7A1F2D9B3C46", "6C9D5FC4-AE71-4048-9BF6-8B2A3EAC4D57",
        "7DAE60D5-BF82-4159-ACA7-9C3B4FBD5E68", "8EBF71E6-C093-426A-BDB8-AD4C50CE6F79"};
    QTest::newRow("quoted in a mail reply: `> ` before every line")
        << readDump("ticket-gzip-base64-quoted-reply.txt") << sixEndpoints << gzipNote
        << "On Fri, Dec 4, 2026 at 10:12 AM Noor wrote:\n> Here is the dump:\n>\n[";
    QTest::newRow("its lines indented, a YAML block of a ConfigMap")
        << readDump("ticket-gzip-base64-indented.txt") << sixEndpoints << gzipNote << "\nkind: ConfigMap\n";
    QTest::newRow("its lines joined with blanks by a chat")
        << readDump("ticket-gzip-base64-joined-with-blanks.txt") << sixEndpoints << gzipNote
        << "\nplease check\n";
    QTest::newRow("damaged gzip stays as it is") << QByteArray("data: H4sI" + QByteArray(96, 'A') + "\n")
                                                 << QStringList{} << QString() << "data: H4sIAAAA";
    QTest::newRow("H4sI inside a longer token is no gzip")
        << QByteArray(
               "xH4sIAAAAAAAAA03LMQqAMAwF0L2nCJ3dBBfv4AmCzZBCm5QkFb29Do5vfUs0T7NQG8L3TYeG4hHv2Aoc4LMQ\n")
        << QStringList{} << QString() << "xH4sIAAAAAAAAA";
}

void TestDumpText::gzipInBase64IsUnpacked()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, labels);
    QFETCH(QString, note);
    QFETCH(QString, kept);
    const auto decoded = decodeDumpText(bytesView(bytes));
    QVERIFY2(decoded.ok(), decoded.status().message().c_str());
    const QString text = QString::fromStdString(decoded->text);
    QVERIFY2(text.contains(kept), qPrintable(text));
    QCOMPARE(text.contains(QStringLiteral("H4sI")), note.isEmpty());
    QStringList notes;
    for (const std::string& n : decoded->notes)
        notes << QString::fromStdString(n);
    QCOMPARE(notes.size(), note.isEmpty() ? 0 : 1);
    if (!note.isEmpty())
        QVERIFY2(notes.front().contains(note), qPrintable(notes.front()));
    QCOMPARE(objectLabels(extractJsonValues(decoded->text)), labels);
}

void TestDumpText::findsValuesInDumps_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("labels");
    QTest::addColumn<QStringList>("types");
    QTest::addColumn<QString>("lines");
    QTest::addColumn<QStringList>("warnings");
    QTest::addColumn<int>("fromEnvelope");

    const QStringList none;
    QTest::newRow("ConvertTo-Json network, UTF-16 with hanging indentation and empty objects")
        << "network-utf16le-bom.json" << QStringList{natNetwork} << QStringList{"nat"} << "1-55" << none << 0;
    QTest::newRow("markdown-quoted ticket with a prompt, a German verbose line and a nested quote")
        << "markdown-quoted.md" << QStringList{natNetwork, natEndpoint} << QStringList{"nat", "nat"}
        << "5-59 62-62" << none << 0;
    QTest::newRow("PowerShell session with continuation prompts")
        << "ps-prompt.txt" << QStringList{natEndpoint} << QStringList{"nat"} << "8-46" << none << 0;
    QTest::newRow("REST envelope, Success first")
        << "rest-envelope-success-first.json" << QStringList{natNetwork} << QStringList{"nat"} << "1-1"
        << none << 1;
    QTest::newRow("REST envelope, Success last, pretty-printed")
        << "rest-envelope-success-last.json" << QStringList{bridgeNetwork} << QStringList{"L2Bridge"}
        << "1-15" << none << 1;
    QTest::newRow("REST envelope with an array Output")
        << "rest-envelope-array-output.json" << QStringList{natNetwork, bridgeNetwork, overlayNetwork}
        << QStringList{"nat", "L2Bridge", "Overlay"} << "1-1" << none << 1;
    QTest::newRow("failed REST call, then a good one")
        << "rest-envelope-failure.json" << QStringList{bridgeNetwork} << QStringList{"L2Bridge"} << "2-2"
        << QStringList{"line 1: HNS reported a failure: ERROR_NOT_FOUND (0x80070490), \"Element not found.\""}
        << 1;
    QTest::newRow("console-wrapped tokens and strings, lost indentation")
        << "wrapped-token.txt" << QStringList{bridgeNetwork, overlayNetwork}
        << QStringList{"L2Bridge", "Overlay"} << "2-5 7-15" << none << 0;
    QTest::newRow("elided lines")
        << "elided.txt" << QStringList{natEndpoint} << QStringList{"nat"} << "2-17"
        << QStringList{"lines 2-17: lines elided with '...' were dropped; the value is incomplete"} << 0;
    QTest::newRow("hand-edited: comments and trailing commas")
        << "hand-edited.txt" << QStringList{bridgeNetwork} << QStringList{"L2Bridge"} << "1-12" << none << 0;
    QTest::newRow("logrus lines with escaped JSON in msg")
        << "logrus-line.log" << QStringList{"Name:vxlan0", overlayNetwork}
        << QStringList{"Overlay", "Overlay"} << "2-2 3-3" << none << 0;
    QTest::newRow("klog lines with raw JSON")
        << "klog-line.log" << QStringList{natEndpoint, "2D7C5A19-8E40-4B63-9F21-0A4E6B8C3D57"}
        << QStringList{"nat", ""} << "2-2 4-4" << none << 0;
    QTest::newRow("collectlogs network.txt: table, array, appended object")
        << "two-values.txt" << QStringList{natNetwork, bridgeNetwork, overlayNetwork}
        << QStringList{"nat", "L2Bridge", "Overlay"} << "8-34 35-45" << none << 0;
    QTest::newRow("hnsdiag -d: no space after the colon")
        << "hnsdiag-detailed.txt" << QStringList{natNetwork} << QStringList{"nat"} << "3-14" << none << 0;
    // Its Subnets do not read as JSON: the value keeps its other members, and the next is read too.
    QTest::newRow("a damaged member does not stop the next value")
        << "broken-and-good.txt" << QStringList{bridgeNetwork, bridgeNetwork}
        << QStringList{"L2Bridge", "L2Bridge"} << "2-6 8-8"
        << QStringList{"lines 2-6: the text of Subnets is damaged (it does not read as JSON); that member is "
                       "left out, the others are read"}
        << 0;
    QTest::newRow("a truncated paste (what came before the cut kept), then the complete one")
        << "truncated-then-complete.txt" << QStringList{natNetwork, natEndpoint} << QStringList{"", "nat"}
        << "2-41 44-82"
        << QStringList{"lines 2-41: the value is cut off (it never closes); only what came before the cut is read"}
        << 0;
    QTest::newRow("a mail export: headers, then an HTML document with the JSON in <br> lines")
        << "mail-export-html-after-headers.eml" << QStringList{"E1A2B3C4-5D6E-4F70-8192-A3B4C5D6E7F8"}
        << QStringList{"L2Bridge"} << "10-21" << none << 0;
    QTest::newRow("a ticket export: two HTML fragments far apart, the network's JSON in the second")
        << "ticket-two-html-fragments-apart.txt" << QStringList{"7C2E5A90-3B14-4D6F-8E21-A59C0D3F6B47"}
        << QStringList{"L2Bridge"} << "38-50" << none << 0;
    QTest::newRow("100,000 levels deep, then a normal value")
        << "deeply-nested.json" << QStringList{natNetwork} << QStringList{"nat"} << "2-2"
        << QStringList{"line 1: nested deeper than 64 levels; not imported"} << 0;
}

void TestDumpText::findsValuesInDumps()
{
    QFETCH(QString, file);
    QFETCH(QStringList, labels);
    QFETCH(QStringList, types);
    QFETCH(QString, lines);
    QFETCH(QStringList, warnings);
    QFETCH(int, fromEnvelope);

    const ExtractResult result = importDump(file);
    QCOMPARE(objectLabels(result), labels);
    QCOMPARE(objectTypes(result), types);
    QCOMPARE(lineSpans(result), lines);
    const QStringList actualWarnings = warningTexts(result);
    QCOMPARE(actualWarnings.size(), warnings.size());
    for (qsizetype i = 0; i < warnings.size(); ++i)
        QVERIFY2(actualWarnings[i].startsWith(warnings[i]), qPrintable(actualWarnings[i]));
    for (const FoundValue& found : result.values)
        QCOMPARE(int(found.fromEnvelope), fromEnvelope);
}

void TestDumpText::repairsAreReported_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("value");
    QTest::addColumn<QStringList>("repairs");

    QTest::newRow("wrapped compact line")
        << "wrapped-token.txt" << 0
        << QStringList{"joined a line wrapped inside a string", "joined a token wrapped across lines"};
    QTest::newRow("hand-edited") << "hand-edited.txt" << 0
                                 << QStringList{"dropped a comment line", "removed a trailing comma"};
    QTest::newRow("elided") << "elided.txt" << 0
                            << QStringList{"dropped elided lines", "removed a trailing comma"};
    QTest::newRow("log field") << "logrus-line.log" << 1 << QStringList{"unquoted from a log field"};
    QTest::newRow("CSV export: doubled quotes")
        << "kube-proxy-log-export.csv" << 0 << QStringList{"undoubled the quotes of a CSV field"};
    QTest::newRow("clean ConvertTo-Json output") << "ps-prompt.txt" << 0 << QStringList{};
}

void TestDumpText::repairsAreReported()
{
    QFETCH(QString, file);
    QFETCH(int, value);
    QFETCH(QStringList, repairs);
    const ExtractResult result = importDump(file);
    QVERIFY(std::size_t(value) < result.values.size());
    QStringList actual;
    for (const std::string& r : result.values[std::size_t(value)].repairs)
        actual << QString::fromStdString(r);
    QCOMPARE(actual, repairs);
}

void TestDumpText::sourceTextIsTheOriginalSpan()
{
    const std::string text =
        "I1130 hns.go:118] Hns Endpoint resource, {\"ID\":\"x\",\"Type\":\"nat\"} (cached)\n";
    const ExtractResult result = extractJsonValues(text);
    QCOMPARE(result.values.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(result.values[0].sourceText),
             QStringLiteral("{\"ID\":\"x\",\"Type\":\"nat\"}"));
}

void TestDumpText::depthIsLimitedWhileScanning_data()
{
    QTest::addColumn<QByteArray>("first");
    QTest::addColumn<int>("maxDepth");
    QTest::addColumn<int>("values");
    QTest::addColumn<QString>("warning");

    const auto nested = [](int depth, bool closed) {
        QByteArray text = "{\"ID\":\"deep\",\"X\":" + QByteArray(depth - 1, '[');
        if (closed)
            text += QByteArray(depth - 1, ']') + '}';
        return text;
    };
    QTest::newRow("64 levels: the default limit")
        << nested(64, true) << kDefaultMaxJsonDepth << 2 << QString();
    QTest::newRow("65 levels") << nested(65, true) << kDefaultMaxJsonDepth << 1
                               << "line 1: nested deeper than 64 levels; not imported";
    QTest::newRow("100,000 levels that never close") << nested(100000, false) << kDefaultMaxJsonDepth << 1
                                                     << "line 1: nested deeper than 64 levels; not imported";
    QTest::newRow("a lower limit from the options")
        << nested(5, true) << 4 << 1 << "line 1: nested deeper than 4 levels; not imported";
}

void TestDumpText::depthIsLimitedWhileScanning()
{
    QFETCH(QByteArray, first);
    QFETCH(int, maxDepth);
    QFETCH(int, values);
    QFETCH(QString, warning);

    const std::string text = first.toStdString() + "\n{\"ID\":\"next\",\"Type\":\"nat\"}\n";
    ExtractOptions options;
    options.maxDepth = maxDepth;
    const ExtractResult result = extractJsonValues(text, options);
    QCOMPARE(int(result.values.size()), values);
    QCOMPARE(label(result.values.back().value), QStringLiteral("next"));
    QCOMPARE(result.values.back().firstLine, 2);
    QCOMPARE(warningTexts(result), warning.isEmpty() ? QStringList() : QStringList{warning});
}

// The parser quotes what it last read, which can stop inside a character (found by fuzz_dump_text):
// the warning still names the lines and stays valid UTF-8, and the next value still comes out.
void TestDumpText::parseErrorsQuoteValidUtf8()
{
    // Its only member does not parse: nothing of it is read, and the report says where and why.
    const std::string text = "{\"Subnets\":[\"172.29.144.0/20\",\n   \xef\xbc\x8e]}\n"
                             "{\"ID\":\"next\",\"Type\":\"nat\"}\n";
    const ExtractResult result = extractJsonValues(text);
    QCOMPARE(int(result.values.size()), 1);
    QCOMPARE(label(result.values.front().value), QStringLiteral("next"));
    QCOMPARE(int(result.warnings.size()), 1);
    const std::string& warning = result.warnings.front().message;
    QVERIFY2(hcn::isValidUtf8(warning), warning.c_str());
    QVERIFY2(warning.rfind("lines 1-2: not valid JSON, not imported: ", 0) == 0, warning.c_str());
    // Where and what in the user's terms, not the parser's own words.
    QVERIFY2(warning.find("at line 2, column 4: a value must be") != std::string::npos, warning.c_str());
    QVERIFY2(warning.find("syntax error") == std::string::npos, warning.c_str());
}

// A terminal escape whose ESC was lost (`[[0m` of `^[[0m` with its caret cut off) is no list of lists: it
// opens no value, so no "never closes" warning; real nested lists and a wiki's `[[link]]` stay as they were.
void TestDumpText::aLostEscapeOpensNoValue_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("values");
    QTest::addColumn<QStringList>("warnings");

    QTest::newRow("an e2e log's step, its caret lost") << "STEP [[0m: Found 2 events.\n"
                                                       << 0 << QStringList{};
    QTest::newRow("colours with two parameters, erase to the line's end") << "[[1;32mINFO[[0m ready [[K\n"
                                                                          << 0 << QStringList{};
    QTest::newRow("the escape right before a value") << "[[1m{\"ID\":\"x\",\"Type\":\"nat\"}\n"
                                                     << 1 << QStringList{};
    QTest::newRow("lists of lists in a value")
        << "{\"ID\":\"x\",\"Ranges\":[[1,2],[1e3,4]],\"Flags\":[[true]]}\n"
        << 1 << QStringList{};
    QTest::newRow("a list of lists of objects") << "[[{\"ID\":\"x\",\"Type\":\"nat\"}]]\n"
                                                << 1 << QStringList{};
    QTest::newRow("a list of lists of numbers") << "[[1,2],[3,4]]\n" << 1 << QStringList{};
    QTest::newRow("a wiki link") << "see [[link]] here\n" << 0 << QStringList{};
    QTest::newRow("a list of lists cut by the paste is still read up to the cut") << "[[1,2],\n\nnext\n"
                                                                                  << 1 << QStringList{};
}

void TestDumpText::aLostEscapeOpensNoValue()
{
    QFETCH(QString, text);
    QFETCH(int, values);
    QFETCH(QStringList, warnings);
    const ExtractResult result = extractJsonValues(text.toStdString());
    QCOMPARE(int(result.values.size()), values);
    QCOMPARE(warningTexts(result), warnings);
}

void TestDumpText::logToolsAndTerminalsAreUndone_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("lines"); ///< "source line:text" of every line cleaned
    QTest::addColumn<QStringList>("notes"); ///< a part of each note, one for each

    // Log tools that tag each line with its source (and its time).
    QTest::newRow("kubectl logs --prefix")
        << "[pod/dbg-7x2k/shell] ID   : a\n[pod/dbg-7x2k/shell]\n[pod/dbg-7x2k/shell] Name : b\n"
           "[pod/dbg-7x2k/shell] Type : c\n"
        << QStringList{"1:ID   : a", "2:", "3:Name : b", "4:Type : c"}
        << QStringList{"4 lines start with `kubectl logs --prefix`'s `[pod/NAME/CONTAINER]` tag"};
    QTest::newRow("kubectl logs -l ... --prefix: several pods and containers")
        << "[pod/kube-proxy-ab12c/kube-proxy] x : 1\n[pod/kube-proxy-de34f/kube-proxy] y : 2\n"
           "[pod/calico-node-9z8y7/calico-node] z : 3\n"
        << QStringList{"1:x : 1", "2:y : 2", "3:z : 3"} << QStringList{"3 lines start with"};
    QTest::newRow("kubectl logs --prefix --timestamps")
        << "[pod/dbg-7x2k/shell] 2026-12-01T10:20:11.004217800Z ID   : a\n"
           "[pod/dbg-7x2k/shell] 2026-12-01T10:20:11.104217800Z\n"
           "[pod/dbg-7x2k/shell] 2026-12-01T10:20:11.204217800+01:00 Name : b\n"
        << QStringList{"1:ID   : a", "2:", "3:Name : b"} << QStringList{"and a time (`--timestamps`)"};
    QTest::newRow("kubectl logs --timestamps alone")
        << "2026-12-01T10:20:11.0Z ID   : a\n2026-12-01T10:20:12Z Name : b\n2026-12-01T10:20:13.5Z Type : c\n"
        << QStringList{"1:ID   : a", "2:Name : b", "3:Type : c"}
        << QStringList{"3 lines start with the time `kubectl logs --timestamps`"};
    QTest::newRow("CRI log records keep their own reading")
        << "2026-12-01T10:20:11.0Z stdout F ID   : a\n2026-12-01T10:20:12Z stdout F Name : b\n"
           "2026-12-01T10:20:13Z stdout F Type : c\n"
        << QStringList{"1:ID   : a", "2:Name : b", "3:Type : c"} << QStringList{};
    QTest::newRow("stern: pod and container, its line for a container that starts")
        << "+ web-7d4b9 \u203a shell\nweb-7d4b9 shell ID   : a\nweb-7d4b9 shell Name : b\n"
           "web-7d4b9 shell Type : c\nweb-7d4b9 shell\n"
        << QStringList{"1:", "2:ID   : a", "3:Name : b", "4:Type : c", "5:"}
        << QStringList{"4 lines start with stern's `POD CONTAINER` tag"};
    QTest::newRow("stern --all-namespaces: namespace, pod and container")
        << "+ default web-7d4b9 \u203a shell\ndefault web-7d4b9 shell {\ndefault web-7d4b9 shell   \"ID\": "
           "\"a\",\n"
           "default web-7d4b9 shell   \"Name\": \"b\"\ndefault web-7d4b9 shell }\n"
           "- default web-7d4b9 \u203a shell\n"
        << QStringList{"1:", "2:{", "3:  \"ID\": \"a\",", "4:  \"Name\": \"b\"", "5:}", "6:"}
        << QStringList{
               "4 lines start with stern's `NAMESPACE POD CONTAINER` tag; it was removed (and stern's 2 "
               "lines naming a container that starts or ends)"};
    QTest::newRow("stern --all-namespaces --timestamps, colours stripped, two containers")
        << "kube-system hns-dump-6f9c4 wait-hns 2026-12-04T09:41:02.118204500Z waiting\n"
           "kube-system hns-dump-6f9c4 dump 2026-12-04T09:41:03.000000001Z ID   : a\n"
           "kube-system hns-dump-6f9c4 dump 2026-12-04T09:41:03.000000002Z\n"
           "kube-system hns-dump-6f9c4 dump 2026-12-04T09:41:03.000000003Z Name : b\n"
        << QStringList{"1:waiting", "2:ID   : a", "3:", "4:Name : b"}
        << QStringList{
               "4 lines start with stern's `NAMESPACE POD CONTAINER` tag and a time (`--timestamps`)"};
    QTest::newRow("stern --timestamps=short: month, day and time after the tag")
        << "hns-dump-6f9c4 dump 12-04 09:41:03 ID   : a\n"
           "hns-dump-6f9c4 dump 12-04 09:41:03\n"
           "hns-dump-6f9c4 dump 12-04 09:41:04 Name : b\n"
           "hns-dump-6f9c4 dump 12-04 09:41:04 Type : c\n"
        << QStringList{"1:ID   : a", "2:", "3:Name : b", "4:Type : c"}
        << QStringList{"4 lines start with stern's `POD CONTAINER` tag and a time (`--timestamps`)"};
    QTest::newRow("numbers that only look like a short time stay")
        << "web-7d4b9 shell 13-04 09:41:03 a\nweb-7d4b9 shell 12-04 25:41:03 b\n"
           "web-7d4b9 shell 12-04 09:41:03x c\nweb-7d4b9 shell 12-04 d\n"
        << QStringList{"1:13-04 09:41:03 a", "2:12-04 25:41:03 b", "3:12-04 09:41:03x c", "4:12-04 d"}
        << QStringList{"4 lines start with stern's `POD CONTAINER` tag; it was removed"};
    QTest::newRow("stern --all-namespaces in colour")
        << "\x1b[32mkube-system\x1b[0m \x1b[32mhns-dump-6f9c4\x1b[0m \x1b[34mdump\x1b[0m ID   : a\n"
           "\x1b[32mkube-system\x1b[0m \x1b[32mhns-dump-6f9c4\x1b[0m \x1b[34mdump\x1b[0m Name : b\n"
           "\x1b[32mkube-system\x1b[0m \x1b[32mhns-dump-6f9c4\x1b[0m \x1b[34mdump\x1b[0m Type : c\n"
        << QStringList{"1:ID   : a", "2:Name : b", "3:Type : c"}
        << QStringList{"terminal escape sequences",
                       "3 lines start with stern's `NAMESPACE POD CONTAINER` tag"};
    QTest::newRow("stern without namespaces, its messages starting with lower-case words")
        << "web-7d4b9 shell starting up\nweb-7d4b9 shell listening on 8080\nweb-7d4b9 shell ready now\n"
           "web-7d4b9 shell serving requests\n"
        << QStringList{"1:starting up", "2:listening on 8080", "3:ready now", "4:serving requests"}
        << QStringList{"4 lines start with stern's `POD CONTAINER` tag"};
    QTest::newRow("kubectl logs --prefix --all-containers: an init container's lines too")
        << "[pod/hns-dump-6f9c4/wait-hns] waiting\n[pod/hns-dump-6f9c4/dump] ID   : a\n"
           "[pod/hns-dump-6f9c4/dump]\n[pod/hns-dump-6f9c4/dump] Name : b\n"
        << QStringList{"1:waiting", "2:ID   : a", "3:", "4:Name : b"}
        << QStringList{"4 lines start with `kubectl logs --prefix`'s `[pod/NAME/CONTAINER]` tag"};
    QTest::newRow("a tag on a few lines only stays")
        << "[pod/dbg-7x2k/shell] ID : a\nName : b\nType : c\nState : d\nFlags : e\n"
        << QStringList{"1:[pod/dbg-7x2k/shell] ID : a", "2:Name : b", "3:Type : c", "4:State : d",
                       "5:Flags : e"}
        << QStringList{};
    QTest::newRow("prose whose lines start with hyphenated words is no stern output")
        << "re-run the script on the node\nre-run again later\nwell-known issue here\nre-run it\n"
        << QStringList{"1:re-run the script on the node", "2:re-run again later", "3:well-known issue here",
                       "4:re-run it"}
        << QStringList{};
    QTest::newRow("markdown links and a bracketed word are no tags")
        << "[see/this/link] one\n[x] two\n[note] three\n"
        << QStringList{"1:[see/this/link] one", "2:[x] two", "3:[note] three"} << QStringList{};

    // A terminal that repaints its screen (ConPTY; a capture by `script`) writes rows by moving the cursor.
    QTest::newRow("cursor moves to column 1 of the next rows")
        << "\x1b[1;1HID   : a\x1b[K\x1b[2;1HName : b\x1b[K\x1b[3;1HType : c\x1b[K\n"
        << QStringList{"1:ID   : a", "1:Name : b", "1:Type : c"}
        << QStringList{"2 cursor movements of a terminal that repaints its screen (ConPTY, `script`) read as "
                       "line breaks"};
    QTest::newRow("a skipped row is a blank line; a move to a column indents")
        << "\x1b[3;1HID   : a\x1b[5;1HName : b\x1b[6;8Hc\n"
        << QStringList{"1:ID   : a", "1:", "1:Name : b", "1:       c"} << QStringList{"3 cursor movements"};
    QTest::newRow("cursor home and next-line movements")
        << "\x1b[HID   : a\x1b[EName : b\x1b[2EType : c\n"
        << QStringList{"1:ID   : a", "1:Name : b", "1:", "1:Type : c"} << QStringList{"3 cursor movements"};
    QTest::newRow("a move within the row, or before any text, is no line break")
        << "\x1b[2J\x1b[4;1H\x1b[4;1HID : a\x1b[4;20H\x1b[32mx\x1b[0m\n"
        << QStringList{"1:ID : ax"} << QStringList{"terminal escape sequences (colours, titles) removed"};
    QTest::newRow("escapes in caret notation are said as such")
        << "^[[1mSTEP^[[0m: Found 2 events.\n"
        << QStringList{"1:STEP: Found 2 events."}
        << QStringList{"2 terminal escape sequences in caret notation"};
    QTest::newRow("a cursor movement in caret notation is a line break too")
        << "^[[1;1HID   : a^[[2;1HName : b\n"
        << QStringList{"1:ID   : a", "1:Name : b"} << QStringList{"1 cursor movement"};
    QTest::newRow("a move to an earlier row after text is a line break")
        << "ID : a\x1b[1;1HName : b\n"
        << QStringList{"1:ID : a", "1:Name : b"} << QStringList{"1 cursor movement"};
}

void TestDumpText::logToolsAndTerminalsAreUndone()
{
    pastedTextIsCleanedAsAWhole();
}

namespace {

/// The strings of every `ID`, `Id` and `Name` member in `value`, in the parsed order.
void collectNames(const nlohmann::json& value, QStringList& out)
{
    if (value.is_object()) {
        for (const auto& item : value.items()) {
            if ((item.key() == "ID" || item.key() == "Id" || item.key() == "Name") &&
                item.value().is_string())
                out << QString::fromStdString(item.value().get<std::string>());
            else
                collectNames(item.value(), out);
        }
    } else if (value.is_array()) {
        for (const auto& element : value)
            collectNames(element, out);
    }
}

const std::string joinedAtBlank = "joined a line wrapped inside a string, with the blank it was wrapped at";
const std::string joinedInWord = "joined a line wrapped inside a string";

} // namespace

// A console or a ticket wrapped a long line inside a string: at a blank (the copy keeps it at the end of
// the line, or trims it away: then the line is shorter than the wrap width and the next word would not
// have fit) the blank is put back; a hard wrap at the width inside a word is joined without one.
void TestDumpText::stringsWrappedAtABlankKeepIt_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QString>("repair");

    const QString network = QStringLiteral("A61D0F3B-9C27-4E58-B1A4-7D2C5E8F0B93");
    QTest::newRow("a console wrap at a blank the copy kept")
        << QByteArray(
               "{\"ID\":\"A61D0F3B-9C27-4E58-B1A4-7D2C5E8F0B93\",\"Name\":\"Contoso Ethernet Adapter - "
               "Virtual \nSwitch\",\"Type\":\"L2Bridge\"}\n")
        << QStringList{network, "Contoso Ethernet Adapter - Virtual Switch"}
        << QString::fromStdString(joinedAtBlank);
    QTest::newRow("a ticket's word wrap, blanks trimmed, long words broken at the width")
        << readDump("json-word-wrapped-blanks-trimmed.txt")
        << QStringList{"E7C3B2A5-1D6F-4A9E-8B0C-3F5D7E9A1B24",
                       "Microsoft Windows Filtering Platform",
                       "D3A7C915-6E2B-4F80-9A4C-1B8E5F2D7C06",
                       "Contoso Virtual Filtering Switch Extension",
                       "F0A1B2C3-D4E5-4F60-8172-93A4B5C6D7E8",
                       "Microsoft NDIS Capture",
                       network,
                       "Contoso Ethernet Adapter - Virtual Switch"}
        << QString::fromStdString(joinedAtBlank);
    QTest::newRow("a hard wrap at the console width inside a word of a name")
        << QByteArray("{\"ID\":\"A61D0F3B-9C27-4E58-B1A4-7D2C5E8F0B93\",\"Name\":\"Microsoft Windows Filt\n"
                      "ering Platform\",\"Type\":\"nat\"}\n")
        << QStringList{network, "Microsoft Windows Filtering Platform"}
        << QString::fromStdString(joinedInWord);
    QTest::newRow("a hard wrap at the blank of the last column, trimmed: one column short")
        << QByteArray("{\"ActivityId\":\"5E0A9C13-7B24-4D8E-A6F1-0C3B9D2E7A45\",\"ID\":\"A61D0F3B-9C27-4E58-"
                      "B1A4-7D\n"
                      "2C5E8F0B93\",\"Flags\":0,\"Health\":{\"LastErrorCode\":0},\"Name\":\"Contoso Adapter "
                      "- Virtual\n"
                      "Switch\",\"Type\":\"L2Bridge\"}\n")
        << QStringList{network, "Contoso Adapter - Virtual Switch"} << QString::fromStdString(joinedAtBlank);
    QTest::newRow("a paste that starts inside a value, wrapped at a kept blank")
        << QByteArray(
               "dpointCount\":0,\"ID\":\"A61D0F3B-9C27-4E58-B1A4-7D2C5E8F0B93\",\"Name\":\"Contoso Adapter - "
               "Virtual \nSwitch\",\"Type\":\"L2Bridge\"},{\"ID\":\"5E0A9C13-7B24-4D8E-A6F1-0C3B9D2E7A45\","
               "\"Name\":\"nat\",\"Type\":\"nat\"}]\n")
        << QStringList{network, "Contoso Adapter - Virtual Switch"} << QString::fromStdString(joinedAtBlank);
}

void TestDumpText::stringsWrappedAtABlankKeepIt()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, names);
    QFETCH(QString, repair);

    const auto decoded = decodeDumpText(bytesView(text));
    QVERIFY(decoded.ok());
    const ExtractResult result = extractJsonValues(decoded->text);
    QVERIFY(!result.values.empty());
    QStringList actual;
    collectNames(result.values.front().value, actual);
    QCOMPARE(actual, names);
    const std::vector<std::string>& repairs = result.values.front().repairs;
    QVERIFY2(std::find(repairs.begin(), repairs.end(), repair.toStdString()) != repairs.end(),
             qPrintable(repair));
}

namespace {

/// Every string in `value` (keys left out), and every warning of `result`, one a line.
void collectStrings(const nlohmann::json& value, std::string& out)
{
    if (value.is_string())
        out += value.get<std::string>() + '\n';
    else if (value.is_structured())
        for (const auto& item : value)
            collectStrings(item, out);
}

} // namespace

// A console that wrapped a line shorter than its width wrapped it at a word and lost the blank: in prose
// (the string holds blanks) a break between two words of letters gets its blank back. A line as wide as
// the console's (one console-wide line, or two lines of one width) was cut where the width fell, inside a
// word, a GUID or an identifier, and joins without one.
void TestDumpText::proseWrappedAtAWordGetsItsBlankBack_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("wrong");

    QTest::newRow("an HNS error quoted by PowerShell, wrapped at a word")
        << QByteArray("PS C:\\> Invoke-HnsRequest\n"
                      "{\"Success\":false,\"Error\":\"The\n"
                      "provided network configuration is invalid or missing parameters. "
                      "\",\"ErrorCode\":2151350282}\n")
        << "The provided network configuration is invalid"
        << "Theprovided";
    QTest::newRow("a sentence wrapped twice, no width shown")
        << QByteArray("{\"Success\":false,\"Error\":\"The network\n"
                      "configuration is invalid or is\n"
                      "missing parameters.\",\"ErrorCode\":2151350282}\n")
        << "The network configuration is invalid or is missing parameters."
        << "networkconfiguration";
    QTest::newRow("a German sentence wrapped at a word")
        << QByteArray("{\"Success\":false,\"Error\":\"Die angegebene Netzwerkkonfiguration ist\n"
                      "ungültig oder es fehlen erforderliche Parameter für das Netzwerk.\","
                      "\"ErrorCode\":2151350282}\n")
        << "Die angegebene Netzwerkkonfiguration ist ungültig oder es fehlen"
        << "istungültig";
    QTest::newRow("an identifier cut at a width two lines show")
        << QByteArray("{\"Success\":false,\"Error\":\"The property V\n"
                      "irtualNetworkName is missing from the re\n"
                      "quest.\",\"ErrorCode\":2151350282}\n")
        << "The property VirtualNetworkName is missing from the request."
        << "V irtual";
    QTest::newRow("a word cut at a console-wide line's width")
        << QByteArray("{\"Success\":false,\"Error\":\"The network configuration for the adapter is inva\n"
                      "lid.\",\"ErrorCode\":2151350282}\n")
        << "for the adapter is invalid."
        << "inva lid";
    QTest::newRow("a GUID in prose cut in a shorter line")
        << QByteArray("{\"Success\":false,\"Error\":\"Network 5F1E3B2A-9C4D-4E6F-8A\n"
                      "01-23456789ABCD was not found on this host. Check the network ID.\","
                      "\"ErrorCode\":2151350273}\n")
        << "Network 5F1E3B2A-9C4D-4E6F-8A01-23456789ABCD was not found"
        << "8A 01";
    QTest::newRow("a type cut after its first letter, a prose name beside it")
        << QByteArray("{\"Name\":\"Contoso Virtual Switch\",\"Type\":\"L\n"
                      "2Bridge\",\"ID\":\"A61D0F3B-9C27-4E58-B1A4-7D2C5E8F0B93\"}\n")
        << "L2Bridge"
        << "L 2Bridge";
}

void TestDumpText::proseWrappedAtAWordGetsItsBlankBack()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    QFETCH(QString, wrong);

    const auto decoded = decodeDumpText(bytesView(text));
    QVERIFY(decoded.ok());
    const ExtractResult result = extractJsonValues(decoded->text);
    std::string seen;
    for (const FoundValue& found : result.values)
        collectStrings(found.value, seen);
    for (const ImportWarning& warning : result.warnings)
        seen += warning.message + '\n';
    QVERIFY2(seen.find(expected.toStdString()) != std::string::npos, seen.c_str());
    QVERIFY2(seen.find(wrong.toStdString()) == std::string::npos, seen.c_str());
}

// JSON whose keys or strings a hand edit or Python's repr put in single quotes is read with double
// quotes, with a note; a `'` inside a double-quoted string, and a PowerShell hashtable, stay as they are.
void TestDumpText::singleQuotedJsonIsRequoted_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<bool>("requoted");

    const QString endpoint = QStringLiteral("4C8E2A6F-1B3D-4E59-A7C0-D2F4B6E8A1C3");
    QTest::newRow("a Python dict")
        << QByteArray("endpoint: {'ID': '4C8E2A6F-1B3D-4E59-A7C0-D2F4B6E8A1C3', 'Name': 'web-ep', "
                      "'IsRemoteEndpoint': False, 'DNSSuffix': None, 'Policies': [{'Type': 'NAT', "
                      "'ExternalPort': 8080}]}\n")
        << QStringList{endpoint, "web-ep"} << true;
    QTest::newRow("ConvertTo-Json output with members hand-edited to single quotes")
        << QByteArray("{\n    \"ID\":  \"4C8E2A6F-1B3D-4E59-A7C0-D2F4B6E8A1C3\",\n    'Name':  'web-ep',\n"
                      "    \"Owner\":  \"O'Brien's lab\",\n    \"Policies\":  [\n        {\n"
                      "            'ExternalPort':  '8080',\n            \"Type\":  \"NAT\"\n        }\n"
                      "    ]\n}\n")
        << QStringList{endpoint, "web-ep"} << true;
    QTest::newRow("an apostrophe and a double quote inside single-quoted strings")
        << QByteArray("{'ID': '4C8E2A6F-1B3D-4E59-A7C0-D2F4B6E8A1C3', 'Name': 'O'Brien \"web\" ep'}\n")
        << QStringList{endpoint, "O'Brien \"web\" ep"} << true;
    QTest::newRow("a cut Python dict keeps what came before the cut")
        << QByteArray("{'ID': '4C8E2A6F-1B3D-4E59-A7C0-D2F4B6E8A1C3', 'Name': 'web-ep', 'Policies': [{'Ty\n")
        << QStringList{endpoint, "web-ep"} << true;
    QTest::newRow("valid JSON with an apostrophe in a name is not repaired")
        << QByteArray("{\"ID\": \"4C8E2A6F-1B3D-4E59-A7C0-D2F4B6E8A1C3\", \"Name\": \"O'Brien's ep\"}\n")
        << QStringList{endpoint, "O'Brien's ep"} << false;
    QTest::newRow("a PowerShell hashtable is no JSON")
        << QByteArray("$body = @{'Name'='web-ep'; 'Type'='nat'}\n") << QStringList{} << false;
}

void TestDumpText::singleQuotedJsonIsRequoted()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, names);
    QFETCH(bool, requoted);

    const ExtractResult result = extractJsonValues(text.toStdString());
    QStringList actual;
    bool repaired = false;
    for (const FoundValue& found : result.values) {
        collectNames(found.value, actual);
        repaired =
            repaired || std::find(found.repairs.begin(), found.repairs.end(),
                                  "replaced single quotes around keys and strings with double quotes") !=
                            found.repairs.end();
    }
    QCOMPARE(actual, names);
    QCOMPARE(repaired, requoted);
    if (names.isEmpty())
        QCOMPARE(warningTexts(result), QStringList{});
}

/// The log readers' test for a word on a line, in any ASCII letter case: the word's first letter anchors
/// the search, also when blanks or signs come before it (" find ").
void TestDumpText::wordsAreFoundInAnyLetterCase_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("word"); ///< lower case
    QTest::addColumn<int>("at");       ///< -1: not there

    QTest::newRow("the word in capitals") << "Unable to FIND network"
                                          << "find" << 10;
    QTest::newRow("a blank before it") << "Unable to Find network"
                                       << " find " << 9;
    QTest::newRow("a blank before it, at the start") << " find me"
                                                     << " find " << 0;
    QTest::newRow("the letter without its blank") << "xfind it, then find"
                                                  << " find " << -1;
    QTest::newRow("at the very end") << "could not find"
                                     << " find" << 9;
    QTest::newRow("longer than the text") << "fin"
                                          << " find" << -1;
    QTest::newRow("signs only") << "a: b"
                                << ": " << 1;
    QTest::newRow("signs only, not there") << "a:b"
                                           << ": " << -1;
    QTest::newRow("the second candidate") << "f Find found FOUND"
                                          << "found" << 7;
    QTest::newRow("nothing to look for") << "text"
                                         << "" << 0;
}

void TestDumpText::wordsAreFoundInAnyLetterCase()
{
    QFETCH(QString, text);
    QFETCH(QString, word);
    QFETCH(int, at);
    const std::string t = text.toStdString();
    const std::string w = word.toStdString();
    const std::size_t found = hcn::io::findIgnoringCase(t, w);
    QCOMPARE(found == std::string_view::npos ? -1 : int(found), at);
    // The one-pass test for several words agrees, with another word that is nowhere beside it.
    if (!w.empty() && std::isalpha(static_cast<unsigned char>(w.front())))
        QCOMPARE(hcn::io::holdsAnyIgnoringCase(t, {"zzqx", w}), at >= 0);
}

/// The level a log line states of itself, in each form a log of a node writes it, and never a level its
/// message quotes: what tells a fatal line (the program exited), an error line (an operation failed) and
/// a line that opens a record of its own (a console never wrapped it into the line before).
void TestDumpText::logLineStatesItsOwnLevel_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("level");   ///< levelOfLine
    QTest::addColumn<QString>("opening"); ///< levelOpeningLine: the level the line starts with

    QTest::newRow("klog error") << "E0518 10:01:02.123500    4312 proxier.go:123] Failed to find network"
                                << "error"
                                << "error";
    QTest::newRow("a table row like a klog fatal header, no time: no level") << "F1001 12 Fan speed low"
                                                                             << "none"
                                                                             << "none";
    QTest::newRow("klog fatal with a month out of range: no level")
        << "F1310 13:34:05.118230    7704 agent.go:112] Error running agent"
        << "none"
        << "none";
    QTest::newRow("a klog fatal header cut after its hour: fatal") << "F1210 13:3"
                                                                   << "fatal"
                                                                   << "fatal";
    QTest::newRow("a command's --log-level=fatal: no level")
        << "I restarted dockerd --log-level=fatal and it still logs nothing."
        << "none"
        << "none";
    QTest::newRow("a JSON record: its level key, not a level= its msg quotes first")
        << "{\"msg\":\"last run ended with level=fatal\",\"level\":\"info\"}"
        << "info"
        << "none";
    QTest::newRow("klog fatal, blanks before it")
        << "  F0329 23:35:27.090421 4312 server.go:494] Unable to find Hns Network"
        << "fatal"
        << "fatal";
    QTest::newRow("klog info whose message quotes a fatal record")
        << "I0518 10:01:02.123500 1 log.go:9] read line: level=fatal msg=\"x\" [FATAL]"
        << "info"
        << "info";
    QTest::newRow("klog letter without its date is a word") << "E1 is not a header"
                                                            << "none"
                                                            << "none";
    QTest::newRow("logrus level=")
        << "time=\"2026-12-01T10:20:11Z\" level=error msg=\"failed to create endpoint\""
        << "error"
        << "none";
    QTest::newRow("logrus level quoted, capitals")
        << "time=\"2026-12-01T10:20:11Z\" level=\"WARNING\" msg=\"retrying\""
        << "warning"
        << "none";
    QTest::newRow("logrus panic is fatal") << "time=\"2026-12-01T10:20:11Z\" level=panic msg=\"boom\""
                                           << "fatal"
                                           << "none";
    QTest::newRow("logrus debug") << "level=debug msg=\"polling\""
                                  << "debug"
                                  << "none";
    QTest::newRow("logrus message quoting another level=")
        << "time=\"2026-12-01T10:20:11Z\" level=info msg=\"child said level=fatal\""
        << "info"
        << "none";
    QTest::newRow("a longer key is no level") << "loglevel=fatal reached"
                                              << "none"
                                              << "none";
    QTest::newRow("level= of another word, the message's level= is not read")
        << "level=notice msg=\"level=error\""
        << "none"
        << "none";
    QTest::newRow("logrus terminal error") << "ERRO[0002] error waiting for container: context canceled"
                                           << "error"
                                           << "error";
    QTest::newRow("logrus terminal warning") << "WARN[0000] Your kernel does not support swap"
                                             << "warning"
                                             << "warning";
    QTest::newRow("logrus terminal info") << "INFO[0001] Loading containers: start."
                                          << "info"
                                          << "info";
    QTest::newRow("logrus terminal fatal") << "FATA[0000] Error starting daemon"
                                           << "fatal"
                                           << "fatal";
    QTest::newRow("logrus terminal panic") << "PANI[0003] runtime error"
                                           << "fatal"
                                           << "fatal";
    QTest::newRow("logrus terminal trace") << "TRAC[0003] polled"
                                           << "debug"
                                           << "debug";
    QTest::newRow("terminal form without its digits is a word") << "ERRO[x] nothing"
                                                                << "none"
                                                                << "none";
    QTest::newRow("lower case is no terminal form") << "erro[0002] nothing"
                                                    << "none"
                                                    << "none";
    QTest::newRow("bracketed at the start") << "[ERROR] Failed to create endpoint"
                                            << "error"
                                            << "error";
    QTest::newRow("bracketed, lower case") << "[fatal] cannot start"
                                           << "fatal"
                                           << "fatal";
    QTest::newRow("felix's bracketed level after its time")
        << "2026-12-01 10:20:11.123 [WARNING][4410] felix/int_dataplane.go 123: didn't find any HNS networks"
        << "warning"
        << "none";
    QTest::newRow("CNI plugin's bracketed level after its time")
        << "2019-05-09T18:41:40Z [ERROR] Failed to find endpoint cid-6465a0fa"
        << "error"
        << "none";
    QTest::newRow("the first bracketed level is the line's")
        << "2019-05-09T18:41:40Z [INFO] plugin said [FATAL] cannot start"
        << "info"
        << "none";
    QTest::newRow("a bracketed level before a quoted level=")
        << "2019-05-09T18:41:40Z [INFO] got level=error from the plugin"
        << "info"
        << "none";
    QTest::newRow("a bracketed word far from the start is the message's")
        << "2019-05-09T18:41:40Z the plugin printed many words before it said [ERROR] once"
        << "none"
        << "none";
    QTest::newRow("a bracketed time is no level") << "[16:21:13.746] starting"
                                                  << "none"
                                                  << "none";
    QTest::newRow("a bracketed word of another kind") << "[errors] 3"
                                                      << "none"
                                                      << "none";
    QTest::newRow("JSON record") << R"({"level":"error","ts":1733048411.2,"msg":"failed to create endpoint"})"
                                 << "error"
                                 << "none";
    QTest::newRow("JSON record, blank after the colon, capitals")
        << R"({"severity": "FATAL", "message": "cannot start"})"
        << "fatal"
        << "none";
    QTest::newRow("JSON record quoting another level in its message")
        << R"({"level":"info","msg":"plugin said [ERROR] and level=fatal"})"
        << "info"
        << "none";
    QTest::newRow("JSON level of another word") << R"({"level":"notice","msg":"x"})"
                                                << "none"
                                                << "none";
    QTest::newRow("escaped JSON in a message is not the line's") << R"(msg="{\"level\":\"fatal\"}")"
                                                                 << "none"
                                                                 << "none";
    QTest::newRow("Go panic") << "panic: runtime error: invalid memory address"
                              << "fatal"
                              << "fatal";
    QTest::newRow("Go fatal error") << "fatal error: concurrent map writes"
                                    << "fatal"
                                    << "fatal";
    QTest::newRow("panic inside prose") << "the agent did not panic: it waited"
                                        << "none"
                                        << "none";
    QTest::newRow("prose naming levels") << "Errors and warnings are listed below: info first"
                                         << "none"
                                         << "none";
    QTest::newRow("a date alone") << "2026-12-01 10:20:11 starting"
                                  << "none"
                                  << "none";
    QTest::newRow("an empty line") << ""
                                   << "none"
                                   << "none";
    QTest::newRow("blanks only") << "   \t"
                                 << "none"
                                 << "none";
}

void TestDumpText::logLineStatesItsOwnLevel()
{
    QFETCH(QString, line);
    QFETCH(QString, level);
    QFETCH(QString, opening);
    const std::string text = line.toStdString();
    QCOMPARE(levelName(levelOfLine(text)), level);
    QCOMPARE(levelName(levelOpeningLine(text)), opening);
    QCOMPARE(isFatalLogLine(text), level == QLatin1String("fatal"));
    // A line that opens with a level opens a statement of its own.
    if (opening != QLatin1String("none"))
        QVERIFY(opensStatement(text));
}

/// The container a CNI or containerd line names after its key, in any quoting the logs use; a hex run
/// too short, too long or running on into a word is no container's ID.
void TestDumpText::containerIdIsReadAfterItsKey_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("key");   ///< lower case
    QTest::addColumn<QString>("id");    ///< containerIdAfter: lower case; empty for none
    QTest::addColumn<QString>("shown"); ///< shortContainerId of it

    const QString full = QStringLiteral("E19F978E2C6B4A0D9F1E3C5A7B9D0F2E4A6C8E0B1D3F5A7C9E1B3D5F7A9C1E3F");
    const QString lower = full.toLower();
    QTest::newRow("Go struct") << "{ContainerID:" + full + " Netns:x}"
                               << "containerid" << lower << lower.left(12);
    QTest::newRow("JSON") << "\"containerId\":\"" + lower + "\","
                          << "containerid" << lower << lower.left(12);
    QTest::newRow("JSON, blank after the colon") << "\"containerId\": \"" + lower + "\""
                                                 << "containerid" << lower << lower.left(12);
    QTest::newRow("escaped JSON") << "\\\"containerId\\\":\\\"" + lower + "\\\""
                                  << "containerid" << lower << lower.left(12);
    QTest::newRow("environment variable") << "CNI_CONTAINERID=" + lower + " CNI_NETNS=x"
                                          << "containerid" << lower << lower.left(12);
    QTest::newRow("the infra container of a shared namespace")
        << "Netns:container:6465a0fa2c6b4a0d9f1e ContainerID:" + lower << "netns:container:"
        << "6465a0fa2c6b4a0d9f1e"
        << "6465a0fa2c6b";
    QTest::newRow("a short ID is kept whole") << "ContainerID:e19f978e2c6b"
                                              << "containerid"
                                              << "e19f978e2c6b"
                                              << "e19f978e2c6b";
    QTest::newRow("too short") << "ContainerID:e19f978e2c6"
                               << "containerid"
                               << ""
                               << "";
    QTest::newRow("a hex run running on into a word") << "ContainerID:e19f978e2c6b4a0dxyz"
                                                      << "containerid"
                                                      << ""
                                                      << "";
    QTest::newRow("too long") << "ContainerID:" + QString(81, QLatin1Char('a')) << "containerid"
                              << ""
                              << "";
    QTest::newRow("no ID after the first key, one after the second")
        << "ContainerIDs:[] then ContainerID:" + lower << "containerid" << lower << lower.left(12);
    QTest::newRow("a name, no ID") << "ContainerID:web-7d4b9"
                                   << "containerid"
                                   << ""
                                   << "";
    QTest::newRow("the key at the very end") << "ContainerID"
                                             << "containerid"
                                             << ""
                                             << "";
}

void TestDumpText::containerIdIsReadAfterItsKey()
{
    QFETCH(QString, text);
    QFETCH(QString, key);
    QFETCH(QString, id);
    QFETCH(QString, shown);
    const std::string found = containerIdAfter(text.toStdString(), key.toStdString());
    QCOMPARE(QString::fromStdString(found), id);
    QCOMPARE(QString::fromStdString(std::string(shortContainerId(found))), shown);
}

/// A CNI request as its line gives it: the pod or else the container, the plugin and network its
/// configuration names, however the plugin spaced the key and the configuration.
void TestDumpText::cniRequestIsSaidAsItsLineGivesIt_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("said"); ///< what the report says of the request

    const QString config = QStringLiteral(R"({\"name\":\"azure\",\"type\":\"azure-vnet\"})");
    const QString args = QStringLiteral(R"("args":"K8S_POD_NAMESPACE=shop;K8S_POD_NAME=cart-5f7c9",)");
    const QString said = QStringLiteral("ADD request for pod shop/cart-5f7c9 to azure-vnet, the CNI plugin "
                                        "that makes the pod's HNS endpoint: network azure");
    QTest::newRow("no blank") << R"({"msg":"Processing ADD command",)" + args + R"("stdinData":")" + config +
                                     "\"}"
                              << said;
    QTest::newRow("a blank after the colon")
        << R"({"msg": "Processing ADD command", )" + args + R"( "stdinData": ")" + config + "\"}" << said;
    QTest::newRow("blanks after the colon")
        << R"({"msg":"Processing ADD command",)" + args + R"("stdinData":   ")" + config + "\"}" << said;
    QTest::newRow("text form, a blank after the colon")
        << "Processing ADD command with args {ContainerID:e19f978e2c6b4a0d "
           "Args:K8S_POD_NAMESPACE=shop;K8S_POD_NAME=cart-5f7c9 StdinData: "
           "{\"name\":\"azure\",\"type\":\"azure-vnet\"}}"
        << said;
    QTest::newRow("Go pointer") << "Executing ADD with netconfig: &{NetConf:{CNIVersion:0.3.1 Name:vpc "
                                   "Type:vpc-shared-eni} K8S_POD_NAME=web}"
                                << "ADD request for pod web to vpc-shared-eni, the CNI plugin that makes the "
                                   "pod's HNS endpoint: network vpc";
    QTest::newRow("a word between the key and the brace: no configuration")
        << R"({"msg":"Processing ADD command",)" + args + R"("stdinData": null, "x": {"name":"azure"}})"
        << "ADD request for pod shop/cart-5f7c9 to the CNI plugin that makes the pod's HNS endpoint";
    QTest::newRow("the container when no pod is named")
        << "Processing DEL command with args {ContainerID:E19F978E2C6B4A0D Args:IgnoreUnknown=1 StdinData: "
           "{\"name\":\"azure\",\"type\":\"azure-vnet\"}}"
        << "DEL request for container e19f978e2c6b to azure-vnet, the CNI plugin that deletes the pod's HNS "
           "endpoint: network azure";
}

void TestDumpText::cniRequestIsSaidAsItsLineGivesIt()
{
    QFETCH(QString, line);
    QFETCH(QString, said);
    const std::optional<LoggedRequest> request = cniRequestIn(line.toStdString());
    QVERIFY(request);
    QCOMPARE(QString::fromStdString(request->what), said);
}

void TestDumpText::headingSaysWhetherABodyIsAskedOrAnswered_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("kinds"); ///< the kinds of the objects imported
    QTest::addColumn<QString>("said");      ///< the start of a message the report holds

    // A network HNS answered with, its dump ending inside its ID: a network with an ID the import makes
    // up. The same words asked of HNS: a create request, which holds no ID of HNS's.
    const QString cut =
        QStringLiteral(R"({"Name":"cbr0","Type":"L2Bridge","ID":"5F1E2A3B-1111-2222-3333-4444)");
    const QString cutKept = QStringLiteral("network cbr0 (");
    const QString cutAsked =
        QStringLiteral("a request sent to HNS: create network cbr0 (L2Bridge); not an object "
                       "it holds, not imported");
    // A network without an ID: asked, it is a request; answered, only its shape says what it is.
    const QString noId = QStringLiteral(R"({"Name":"cbr0","Type":"L2Bridge","Subnets":[{"AddressPrefix":)"
                                        R"("10.244.1.0/24","GatewayAddress":"10.244.1.1"}]})");
    const QString noIdAsked =
        QStringLiteral("a request sent to HNS: create network cbr0 (L2Bridge, 10.244.1.0/24 "
                       "via 10.244.1.1); not an object it holds, not imported");
    const QString noIdShape =
        QStringLiteral("a network as a create request gives it (no ID, only what a caller "
                       "sets): create network cbr0");

    QTest::newRow("a response's body with its status: a network")
        << "HNS response (status 200) body:\n" + cut << QStringList{"Network"} << cutKept;
    QTest::newRow("a response's body: a network")
        << "HNS response body:\n" + cut << QStringList{"Network"} << cutKept;
    QTest::newRow("an answer's body: a network")
        << "HNS answer (200 OK) body:\n" + cut << QStringList{"Network"} << cutKept;
    QTest::newRow("a response's body with its status on the value's line: a network")
        << "HNS response (status 200) body: " + cut << QStringList{"Network"} << cutKept;
    QTest::newRow("a request's body: a request") << "HNS request body:\n" + cut << QStringList() << cutAsked;
    QTest::newRow("a request's body after a response's words: a request")
        << "HNS response (status 200) for the last call; request body:\n" + cut << QStringList() << cutAsked;
    QTest::newRow("a payload alone: a request") << "Payload:\n" + cut << QStringList() << cutAsked;
    QTest::newRow("a response's body with its status, no ID: the shape of a request")
        << "HNS response (status 200) body:\n" + noId << QStringList() << noIdShape;
    QTest::newRow("a request's body, no ID: a request")
        << "HNS request body:\n" + noId << QStringList() << noIdAsked;
    // `answer` in prose heads nothing.
    QTest::newRow("a request's payload HNS never answered: a request")
        << "Request payload (HNS never answered):\n" + cut << QStringList() << cutAsked;
    QTest::newRow("a body with the answer below: a request")
        << "Body (see the answer below):\n" + cut << QStringList() << cutAsked;
    QTest::newRow("a payload after no answer: a request")
        << "Got no answer; payload:\n" + cut << QStringList() << cutAsked;
    QTest::newRow("what HNS answered: a network")
        << "Creating the network, HNS answered:\n" + cut << QStringList{"Network"} << cutKept;
}

void TestDumpText::headingSaysWhetherABodyIsAskedOrAnswered()
{
    QFETCH(QString, text);
    QFETCH(QStringList, kinds);
    QFETCH(QString, said);
    const Result<ImportResult> imported = hcn::io::importDump({{"pasted.txt", text.toStdString()}});
    QVERIFY(imported);
    QStringList found;
    for (const ImportedObject& o : imported->report.objects)
        found << QString::fromUtf8(resourceKindName(o.kind).data());
    QCOMPARE(found, kinds);
    const QStringList messages = importMessageTexts(*imported);
    QVERIFY2(
        std::any_of(messages.begin(), messages.end(), [&](const QString& m) { return m.startsWith(said); }),
        qPrintable(said + "\n--- said:\n" + messages.join('\n')));
}

/// A line that starts with a time or a date in brackets is a log record of its own, never the rest of the
/// line before it; numbers in brackets that are no moment open nothing.
void TestDumpText::aTimeInBracketsOpensAStatement_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<bool>("opens");

    QTest::newRow("a time of day") << "[16:21:13.746] Starting the engine" << true;
    QTest::newRow("a time of day with a one-digit hour") << "[9:40:02] Starting the engine" << true;
    QTest::newRow("a date, then a time") << "[2026-12-01 10:20:11] Starting the engine" << true;
    QTest::newRow("a date with slashes") << "[2026/12/01 10:20:11] Starting the engine" << true;
    QTest::newRow("a date its month first") << "[12/4/2026 10:20:11 AM] Starting the engine" << true;
    QTest::newRow("a date with dots, its day first") << "[07.12.2026 10:20:11] Starting the engine" << true;
    QTest::newRow("a month and a day alone: as often a range") << "[1-2] steps to repeat" << false;
    QTest::newRow("a year's range") << "[2019-2022] Contoso Ltd." << false;
    QTest::newRow("an address") << "[10.0.0.12] answered the probe" << false;
    QTest::newRow("a port's mapping") << "[8080:80] published" << false;
    QTest::newRow("a count") << "[3] endpoints left" << false;
}

void TestDumpText::aTimeInBracketsOpensAStatement()
{
    QFETCH(QString, line);
    QFETCH(bool, opens);
    QCOMPARE(opensStatement(line.toStdString()), opens);
}

QTEST_GUILESS_MAIN(TestDumpText)
#include "tst_dumptext.moc"
