// Text that leaves the process is valid UTF-8: error details with broken bytes are repaired, shortened
// values are cut where a character begins, and every ErrorRecord serializes, whatever a client sent.

#include "common/code_page.h"
#include "common/utf8.h"
#include "hcn/engine.h"
#include "hcn/schema_normalizer.h"
#include "hcn/status.h"

#include <QtTest>
#include <nlohmann/json.hpp>

using namespace hcn;

namespace {

QByteArray bytes(std::string_view text)
{
    return QByteArray(text.data(), qsizetype(text.size()));
}

/// A strict parse: nlohmann refuses invalid UTF-8 in strings.
bool parsesStrictly(const std::string& text)
{
    return !nlohmann::json::parse(text, nullptr, false).is_discarded();
}

} // namespace

class TestUtf8 : public QObject
{
    Q_OBJECT

private slots:
    void invalidBytesAreReplaced_data();
    void invalidBytesAreReplaced();
    void prefixEndsOnACharacterBoundary_data();
    void prefixEndsOnACharacterBoundary();
    void codePagesGiveTheirCharacters_data();
    void codePagesGiveTheirCharacters();
    void undeclaredTextIsUtf8OrACodePage_data();
    void undeclaredTextIsUtf8OrACodePage();
    void errorRecordOfABrokenDetailSerializes_data();
    void errorRecordOfABrokenDetailSerializes();
    void normalizerMessagesAreValidUtf8_data();
    void normalizerMessagesAreValidUtf8();
    void engineRefusesDocumentsNestedTooDeep_data();
    void engineRefusesDocumentsNestedTooDeep();
};

void TestUtf8::invalidBytesAreReplaced_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<bool>("valid");

    const QByteArray fffd("\xEF\xBF\xBD");
    QTest::newRow("ASCII") << QByteArray("plain text") << QByteArray("plain text") << true;
    QTest::newRow("two, three and four bytes")
        << QByteArray("\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80")
        << QByteArray("\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80") << true;
    QTest::newRow("two-byte character cut at the end")
        << QByteArray("abc\xC3") << QByteArray("abc") + fffd << false;
    QTest::newRow("three-byte character cut after two bytes")
        << QByteArray("x\xE2\x82") << QByteArray("x") + fffd + fffd << false;
    QTest::newRow("lone continuation byte") << QByteArray("a\x80z") << QByteArray("a") + fffd + "z" << false;
    QTest::newRow("overlong slash") << QByteArray("\xC0\xAF") << fffd + fffd << false;
    QTest::newRow("overlong three-byte NUL") << QByteArray("\xE0\x80\x80") << fffd + fffd + fffd << false;
    QTest::newRow("UTF-16 surrogate") << QByteArray("\xED\xA0\x80") << fffd + fffd + fffd << false;
    QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << fffd + fffd + fffd + fffd << false;
    QTest::newRow("0xFF") << QByteArray("\xFF") << fffd << false;
    QTest::newRow("Latin-1 e acute") << QByteArray("caf\xE9!") << QByteArray("caf") + fffd + "!" << false;
}

void TestUtf8::invalidBytesAreReplaced()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QFETCH(bool, valid);
    const std::string text = input.toStdString();
    QCOMPARE(isValidUtf8(text), valid);
    const std::string repaired = validUtf8(text);
    QCOMPARE(bytes(repaired), expected);
    QVERIFY(isValidUtf8(repaired));
}

void TestUtf8::codePagesGiveTheirCharacters_data()
{
    QTest::addColumn<int>("page");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected");
    const int ansi = int(CodePage::Windows1252);
    const int oem = int(CodePage::Ibm437);
    QTest::newRow("1252: ASCII unchanged") << ansi << QByteArray("cbr0 {x}") << QStringLiteral("cbr0 {x}");
    QTest::newRow("1252: euro, quotes, dash") << ansi
                                              << QByteArray("\x80 \x93"
                                                            "a\x94 \x96")
                                              << QString::fromUtf8("€ “a” –");
    QTest::newRow("1252: Latin-1 half")
        << ansi << QByteArray("R\xE9seau \xC4\xFF\xA0") << QString::fromUtf8("Réseau Äÿ\u00A0");
    QTest::newRow("1252: the five undefined bytes are C1 controls")
        << ansi << QByteArray("\x81\x8D\x8F\x90\x9D") << QString::fromUtf8("\u0081\u008D\u008F\u0090\u009D");
    QTest::newRow("1252: last of the high table") << ansi << QByteArray("\x9F") << QString::fromUtf8("Ÿ");
    QTest::newRow("437: letters") << oem << QByteArray("M\x81ller \x80\x82\xE1")
                                  << QString::fromUtf8("Müller Çéß");
    QTest::newRow("437: box drawing and symbols")
        << oem << QByteArray("\xB3\xC4\xDB\xF8\xFF") << QString::fromUtf8("│─█°\u00A0");
}

void TestUtf8::codePagesGiveTheirCharacters()
{
    QFETCH(int, page);
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    const std::string text = codePageToUtf8(input.toStdString(), CodePage(page));
    QVERIFY(isValidUtf8(text));
    QCOMPARE(QString::fromStdString(text), expected);
    // Every byte is one character, whatever the page.
    std::string all;
    for (int b = 0; b < 256; ++b)
        all += char(b);
    QCOMPARE(QString::fromStdString(codePageToUtf8(all, CodePage(page))).size(), 256);
}

void TestUtf8::undeclaredTextIsUtf8OrACodePage_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("guess");
    QTest::addColumn<QString>("expected");
    QTest::newRow("ASCII") << QByteArray("nat") << int(TextGuess::Utf8) << QStringLiteral("nat");
    QTest::newRow("UTF-8") << QByteArray("R\xC3\xA9seau") << int(TextGuess::Utf8)
                           << QString::fromUtf8("Réseau");
    QTest::newRow("single-byte text")
        << QByteArray("R\xE9seau caf\xE9") << int(TextGuess::CodePage) << QString::fromUtf8("Réseau café");
    QTest::newRow("UTF-8 with a stray byte: replaced, not re-read")
        << QByteArray("R\xC3\xA9seau caf\xE9") << int(TextGuess::Utf8Replaced)
        << QString::fromUtf8("Réseau caf\uFFFD");
    QTest::newRow("a cut sequence alone reads as the code page")
        << QByteArray("ab\xC3") << int(TextGuess::CodePage) << QString::fromUtf8("abÃ");
}

void TestUtf8::undeclaredTextIsUtf8OrACodePage()
{
    QFETCH(QByteArray, input);
    QFETCH(int, guess);
    QFETCH(QString, expected);
    TextGuess found = TextGuess::Utf8;
    const std::string text = undeclaredTextToUtf8(input.toStdString(), CodePage::Windows1252, &found);
    QCOMPARE(int(found), guess);
    QCOMPARE(QString::fromStdString(text), expected);
    QCOMPARE(hasMultiByteUtf8(input.toStdString()),
             guess != int(TextGuess::CodePage) && input.contains("\xC3\xA9"));
}

void TestUtf8::prefixEndsOnACharacterBoundary_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("maxBytes");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("shorter than the limit") << QByteArray("abc") << 10 << QByteArray("abc");
    QTest::newRow("ASCII cut") << QByteArray("abcdef") << 3 << QByteArray("abc");
    QTest::newRow("limit inside a two-byte character") << QByteArray("ab\xC3\xA9") << 3 << QByteArray("ab");
    QTest::newRow("limit after a two-byte character")
        << QByteArray("ab\xC3\xA9z") << 4 << QByteArray("ab\xC3\xA9");
    QTest::newRow("limit inside a four-byte character")
        << QByteArray("a\xF0\x9F\x98\x80") << 4 << QByteArray("a");
    QTest::newRow("limit zero") << QByteArray("\xC3\xA9") << 0 << QByteArray();
}

void TestUtf8::prefixEndsOnACharacterBoundary()
{
    QFETCH(QByteArray, input);
    QFETCH(int, maxBytes);
    QFETCH(QByteArray, expected);
    const std::string text = input.toStdString();
    QCOMPARE(bytes(utf8Prefix(text, std::size_t(maxBytes))), expected);
}

void TestUtf8::errorRecordOfABrokenDetailSerializes_data()
{
    QTest::addColumn<QByteArray>("detail");
    QTest::newRow("ends inside a character") << QByteArray("malformed JSON at byte 9: last read: '\"\xC3'");
    QTest::newRow("Latin-1 name") << QByteArray("a network named \"R\xE9seau\" already exists.");
    QTest::newRow("lone continuation bytes") << QByteArray("\x80\x81\x82");
}

void TestUtf8::errorRecordOfABrokenDetailSerializes()
{
    QFETCH(QByteArray, detail);
    const Status status(hr::InvalidJson, detail.toStdString());
    QVERIFY(isValidUtf8(status.detail()));
    QVERIFY(isValidUtf8(status.message()));
    const std::string record = status.errorRecord();
    QVERIFY2(parsesStrictly(record), record.c_str());
    const auto parsed = nlohmann::json::parse(record);
    QCOMPARE(parsed["Error"].get<std::string>(), status.message());
    QCOMPARE(parsed["ErrorCode"].get<std::uint32_t>(), std::uint32_t(hr::InvalidJson));
}

void TestUtf8::normalizerMessagesAreValidUtf8_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<int>("code");

    const QByteArray e("\xC3\xA9");
    QTest::newRow("unterminated string ending in a two-byte character")
        << QByteArray("{\"Name\":\"") + e << int(hr::InvalidJson);
    QTest::newRow("bare two-byte character as a value")
        << QByteArray("{\"Name\":") + e + "}" << int(hr::InvalidJson);
    QTest::newRow("three-byte character after a missing comma")
        << QByteArray("{\"Name\":\"a\" \xE2\x82\xAC}") << int(hr::InvalidJson);
    QTest::newRow("invalid UTF-8 inside a string")
        << QByteArray("{\"Name\":\"\xC3\"}") << int(hr::InvalidJson);
}

void TestUtf8::normalizerMessagesAreValidUtf8()
{
    QFETCH(QByteArray, document);
    QFETCH(int, code);
    nlohmann::json out;
    const Status status = schema::parseObject(document.toStdString(), out);
    QCOMPARE(status.code(), code);
    QVERIFY2(isValidUtf8(status.message()), status.message().c_str());
    QVERIFY(parsesStrictly(status.errorRecord()));
}

void TestUtf8::engineRefusesDocumentsNestedTooDeep_data()
{
    QTest::addColumn<QByteArray>("settings");
    QTest::addColumn<bool>("accepted");

    const auto nested = [](int depth) {
        return QByteArray("{\"Type\":\"NAT\",\"Extra\":") + QByteArray(depth, '[') + QByteArray(depth, ']') +
               "}";
    };
    QTest::newRow("63 levels (64 with the document)") << nested(63) << true;
    QTest::newRow("64 levels (65 with the document)") << nested(64) << false;
    QTest::newRow("60,000 levels") << nested(60000) << false;
    QTest::newRow("brackets inside a string do not count")
        << QByteArray("{\"Type\":\"NAT\",\"Extra\":\"") + QByteArray(1000, '[') + "\"}" << true;
}

void TestUtf8::engineRefusesDocumentsNestedTooDeep()
{
    QFETCH(QByteArray, settings);
    QFETCH(bool, accepted);
    Engine engine;
    auto handle = engine.create(ResourceKind::Network, Guid{}, settings.toStdString());
    QCOMPARE(handle.ok(), accepted);
    if (!accepted) {
        QCOMPARE(handle.code(), hr::InvalidJson);
        QVERIFY(handle.status().message().find("deeper than 64") != std::string::npos);
        QCOMPARE(engine.counts().networks, std::size_t(0));
        // The same limit on a query and on a Filter string inside one.
        const std::string deep = std::string(60000, '[') + std::string(60000, ']');
        QCOMPARE(engine.enumerate(ResourceKind::Network, deep).code(), hr::InvalidJson);
        const std::string filterQuery = nlohmann::json{{"Filter", deep}}.dump();
        QCOMPARE(engine.enumerate(ResourceKind::Network, filterQuery).code(), hr::InvalidJson);
    }
}

QTEST_GUILESS_MAIN(TestUtf8)
#include "tst_utf8.moc"
