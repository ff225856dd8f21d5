// Importing a customer's dump, first layer: the bytes become text whatever Windows wrote, and every
// JSON value in it is found with the lines it came from, repaired where a console or a chat window
// broke it; what cannot be recovered is a warning, and the rest still comes out.

#include "common/utf8.h"
#include "hcn/dump_text.h"

#include "dump_files.h"

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
        << QStringList{"line 1: HNS reported a failure: Element not found. "} << 1;
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
    QTest::newRow("a broken value does not stop the next")
        << "broken-and-good.txt" << QStringList{bridgeNetwork} << QStringList{"L2Bridge"} << "8-8"
        << QStringList{"lines 2-6: not valid JSON, not imported: "} << 0;
    QTest::newRow("a truncated paste (what came before the cut kept), then the complete one")
        << "truncated-then-complete.txt" << QStringList{natNetwork, natEndpoint} << QStringList{"", "nat"}
        << "2-41 44-82"
        << QStringList{"lines 2-41: the value is cut off (it never closes); only what came before the cut is read"}
        << 0;
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
    const std::string text = "{\"ID\":\"broken\",\"Subnets\":[\"172.29.144.0/20\",\n   \xef\xbc\x8e]}\n"
                             "{\"ID\":\"next\",\"Type\":\"nat\"}\n";
    const ExtractResult result = extractJsonValues(text);
    QCOMPARE(int(result.values.size()), 1);
    QCOMPARE(label(result.values.front().value), QStringLiteral("next"));
    QCOMPARE(int(result.warnings.size()), 1);
    const std::string& warning = result.warnings.front().message;
    QVERIFY2(hcn::isValidUtf8(warning), warning.c_str());
    QVERIFY2(warning.rfind("lines 1-2: not valid JSON, not imported: ", 0) == 0, warning.c_str());
}

QTEST_GUILESS_MAIN(TestDumpText)
#include "tst_dumptext.moc"
