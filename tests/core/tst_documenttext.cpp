// Importing a customer's dump saved as a document: rich text from WordPad, Word or Outlook (RTF) and a
// Word document (.docx) are read as the text they show, so a list view pasted into one keeps its real
// IDs and values; control words, font and colour tables, a document's other parts never reach a value.
// Hostile documents (groups nested without end, binary data, a zip of parts) stay bounded.

#include "dump_files.h"
#include "hcn/dump_import.h"
#include "hcn/dump_sources.h"
#include "hcn/dump_text.h"
#include "import_results.h"
#include "io/docx_text.h"
#include "io/rtf_text.h"
#include "io/zip_archive.h"

#include <QtTest>
#include <sstream>
#include <zlib.h>

using namespace hcn;
using namespace hcn::io;
using json = nlohmann::json;

namespace {

const char* kE1 = "5D1A7C3E-2B4F-4A68-9C0D-1E2F3A4B5C6D";
const char* kE2 = "6E2B8D4F-3C5A-4B79-8D1E-2F3A4B5C6D7E";
const char* kN1 = "9A8B7C6D-5E4F-4301-8A2B-3C4D5E6F7A8B";

/// A .docx as Word writes one: its parts in a zip, `word/document.xml` holding `body`'s paragraphs.
std::string docx(const std::string& body)
{
    std::ostringstream out;
    zip::ZipWriter writer(out, 1764757200);
    const std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n";
    (void)writer.add("[Content_Types].xml",
                     xml +
                         "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                         "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
                         "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
    (void)writer.add("_rels/.rels",
                     xml + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                           "relationships\"><Relationship Id=\"rId1\" Target=\"word/document.xml\"/>"
                           "</Relationships>");
    (void)writer.add("docProps/core.xml", xml + "<cp:coreProperties><dc:creator>Support</dc:creator>"
                                                "</cp:coreProperties>");
    (void)writer.add(
        "word/document.xml",
        xml +
            "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
            "<w:body>" +
            body + "<w:sectPr/></w:body></w:document>");
    (void)writer.add("word/styles.xml", xml + "<w:styles><w:style w:styleId=\"Normal\"/></w:styles>");
    (void)writer.add("word/media/image1.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    (void)writer.finish();
    return out.str();
}

/// `files` as a ustar archive, as `tar -c` writes one.
std::string tarOf(const std::vector<std::pair<std::string, std::string>>& files)
{
    std::string tar;
    for (const auto& [name, bytes] : files) {
        std::string header(512, '\0');
        const auto put = [&](std::size_t at, const std::string& field) {
            header.replace(at, field.size(), field);
        };
        put(0, name);
        put(100, "0000644");
        put(108, "0001750");
        put(116, "0001750");
        char size[12];
        std::snprintf(size, sizeof size, "%011o", unsigned(bytes.size()));
        put(124, size);
        put(136, "15132537320");
        put(148, "        ");
        put(156, "0");
        put(257, std::string("ustar\0"
                             "00",
                             8));
        unsigned sum = 0;
        for (const char c : header)
            sum += static_cast<unsigned char>(c);
        char checksum[8];
        std::snprintf(checksum, sizeof checksum, "%06o", sum);
        put(148, std::string(checksum, 6) + std::string("\0 ", 2));
        tar += header + bytes + std::string((512 - bytes.size() % 512) % 512, '\0');
    }
    return tar + std::string(1024, '\0');
}

/// `bytes` compressed as `gzip` writes them.
std::string gzipOf(const std::string& bytes)
{
    z_stream stream{};
    deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&stream, uLong(bytes.size())) + 32, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    stream.avail_in = uInt(bytes.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = uInt(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return out;
}

/// `files` in a zip.
std::string zipOf(const std::vector<std::pair<std::string, std::string>>& files)
{
    std::ostringstream out;
    zip::ZipWriter writer(out, 1764757200);
    for (const auto& [name, bytes] : files)
        (void)writer.add(name, bytes);
    (void)writer.finish();
    return out.str();
}

/// A paragraph of runs, each `<w:r><w:t xml:space="preserve">text</w:t></w:r>`.
std::string paragraph(std::initializer_list<std::string> runs)
{
    std::string p =
        "<w:p w:rsidR=\"00A1B2C3\"><w:pPr><w:rPr><w:rFonts w:ascii=\"Consolas\"/></w:rPr></w:pPr>";
    for (const std::string& run : runs)
        p += "<w:r><w:rPr><w:sz w:val=\"18\"/></w:rPr><w:t xml:space=\"preserve\">" + run + "</w:t></w:r>";
    return p + "</w:p>";
}

} // namespace

class TestDocumentText : public QObject
{
    Q_OBJECT

private slots:
    void rtfShowsItsText_data()
    {
        QTest::addColumn<QByteArray>("rtf");
        QTest::addColumn<QString>("text");
        QTest::newRow("WordPad: header, font table, \\par line ends")
            << QByteArray("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0\\fnil\\fcharset0 Consolas;}}\r\n"
                          "{\\*\\generator Riched20 10.0.19041}\\viewkind4\\uc1\r\n"
                          "\\pard\\f0\\fs18 ID   : x\\par\r\nName : y\\par\r\n}")
            << QStringLiteral("ID   : x\nName : y\n");
        QTest::newRow("escaped braces and backslashes")
            << QByteArray("{\\rtf1 Policies : \\{@\\{Type=ELB\\}\\} C:\\\\k\\par}")
            << QStringLiteral("Policies : {@{Type=ELB}} C:\\k\n");
        QTest::newRow("\\line, \\tab, \\cell, \\row")
            << QByteArray("{\\rtf1 a\\tab b\\line c\\cell d\\row}") << QStringLiteral("a\tb\nc\td\n");
        QTest::newRow("Windows-1252 bytes as \\'hh")
            << QByteArray("{\\rtf1\\ansi caf\\'e9 \\'80\\par}") << QStringLiteral("caf\u00E9 \u20AC\n");
        QTest::newRow("\\uN with its fallback, \\uc2, a surrogate pair")
            << QByteArray("{\\rtf1 \\u8220?x\\u8221? {\\uc2\\u946\\'e2\\'3f} \\u-10179?\\u-8704?}")
            << QStringLiteral("\u201Cx\u201D \u03B2 \U0001F600");
        QTest::newRow("tables and destinations that hold no text are left out")
            << QByteArray(
                   "{\\rtf1{\\colortbl ;\\red0\\green0\\blue0;}{\\stylesheet{\\s0 Normal;}}{\\info{\\author "
                   "Jo}{\\title t}}{\\*\\themedata 0102}{\\pict\\pngblip 89504e47}{\\header page}"
                   "{\\field{\\*\\fldinst HYPERLINK x}{\\fldrslt shown}}ok\\par}")
            << QStringLiteral("shownok\n");
        QTest::newRow("\\bin data is skipped")
            << QByteArray("{\\rtf1 a\\bin4 {}\\\\b\\par}") << QStringLiteral("ab\n");
        QTest::newRow("cut inside a group and a control word")
            << QByteArray("{\\rtf1 a\\par b{\\b c\\pa") << QStringLiteral("a\nbc");
    }

    void rtfShowsItsText()
    {
        QFETCH(QByteArray, rtf);
        QFETCH(QString, text);
        const std::optional<std::string> shown = rtfText({rtf.constData(), std::size_t(rtf.size())});
        QVERIFY(shown.has_value());
        QCOMPARE(QString::fromStdString(*shown), text);
    }

    void rtfIsFoundByItsStartOnly()
    {
        QVERIFY(!rtfText("the customer wrote {\\rtf1 here}").has_value());
        QVERIFY(!rtfText("{\"ID\": \"x\"}").has_value());
        QVERIFY(rtfText("\n  {\\rtf1 x}").has_value());
    }

    void rtfStaysBounded()
    {
        std::string nested = "{\\rtf1 a";
        nested += std::string(200000, '{') + "\\u-1 b" + std::string(200000, '}');
        nested += "\\bin99999999999 c";
        const std::optional<std::string> shown = rtfText(nested);
        QVERIFY(shown.has_value());
        QVERIFY(shown->size() <= nested.size());
        QVERIFY(shown->starts_with("a"));
    }

    void wordPadListViewImportsWithItsIds()
    {
        Result<ImportResult> result =
            importDump({{"wordpad-listview.rtf", std::string(bytesView(readDump("wordpad-listview.rtf")))}});
        QVERIFY(result.ok());
        QCOMPARE(importedObjectList(*result),
                 (QStringList{QStringLiteral("Endpoint:") + kE1, QStringLiteral("Endpoint:") + kE2}));
        for (const json& endpoint : result->snapshot["Endpoints"]) {
            QCOMPARE(endpoint.value("HostComputeNetwork", ""), std::string(kN1));
            QVERIFY(endpoint.dump().find("\\\\par") == std::string::npos);
        }
        const json& first = result->snapshot["Endpoints"][0].value("ID", "") == kE1
                                ? result->snapshot["Endpoints"][0]
                                : result->snapshot["Endpoints"][1];
        QCOMPARE(first["IpConfigurations"][0].value("IpAddress", ""), std::string("10.244.3.21"));
        QCOMPARE(first["Dns"].value("Search", json::array()), json::array({"caf\u00E9.svc.cluster.local"}));
        bool said = false;
        for (const ImportMessage& m : result->report.messages)
            said = said || m.message.find("the text is an RTF document") != std::string::npos;
        QVERIFY(said);
        QCOMPARE(result->report.objects[0].firstLine, 1);
    }

    void wordDocumentShowsItsParagraphs_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("text");
        QTest::newRow("one paragraph per line, runs joined")
            << QString::fromStdString(paragraph({"ID", "   : ", "x"}) + paragraph({"Name : y"}))
            << QStringLiteral("ID   : x\nName : y\n");
        QTest::newRow("tabs, breaks, references, an empty paragraph")
            << QStringLiteral("<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b &amp; &lt;c&gt;</w:t><w:br/>"
                              "<w:t>d</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>e</w:t></w:r></w:p>")
            << QStringLiteral("a\tb & <c>\nd\n\ne\n");
        QTest::newRow("deleted text and field instructions are left out")
            << QStringLiteral("<w:p><w:r><w:delText>old</w:delText></w:r><w:r><w:instrText> HYPERLINK "
                              "</w:instrText></w:r><w:r><w:t>new</w:t></w:r></w:p>")
            << QStringLiteral("new\n");
    }

    void wordDocumentShowsItsParagraphs()
    {
        QFETCH(QString, body);
        QFETCH(QString, text);
        Result<SourceReadResult> read = readDumpBytes("ticket.docx", docx(body.toStdString()));
        QVERIFY(read.ok());
        QCOMPARE(read->sources.size(), std::size_t(1));
        QCOMPARE(read->sources[0].name, std::string("ticket.docx"));
        QCOMPARE(QString::fromStdString(read->sources[0].bytes), text);
        QVERIFY(read->warnings.empty());
    }

    void wordDocumentListViewImports()
    {
        std::string body;
        for (const char* id : {kE1, kE2}) {
            body += paragraph({"ID                 : ", id}) +
                    paragraph({"IPAddress          : 10.244.3.2"}) +
                    paragraph({"VirtualNetwork     : ", kN1}) + "<w:p/>";
        }
        // A .docx inside the customer's zip is read a level deeper, named after it.
        std::ostringstream outer;
        zip::ZipWriter writer(outer, 1764757200);
        QVERIFY(writer.add("notes/ticket.docx", docx(body)).ok());
        QVERIFY(writer.finish().ok());
        Result<SourceReadResult> read = readDumpBytes("logs.zip", outer.str());
        QVERIFY(read.ok());
        QCOMPARE(read->sources.size(), std::size_t(1));
        QCOMPARE(read->sources[0].name, std::string("logs.zip!notes/ticket.docx"));
        Result<ImportResult> result = importDump(read->sources);
        QVERIFY(result.ok());
        QCOMPARE(importedObjectList(*result),
                 (QStringList{QStringLiteral("Endpoint:") + kE1, QStringLiteral("Endpoint:") + kE2}));
        QCOMPARE(result->report.objects[0].source, std::string("logs.zip!notes/ticket.docx"));
    }

    void wordDocumentIsNamedAfterItsFile_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("source"); ///< the one source read, named after the document
        const std::string word =
            docx(paragraph({"ID                 : ", kE1}) + paragraph({"IPAddress          : 10.244.3.2"}) +
                 paragraph({"VirtualNetwork     : ", kN1}));
        QTest::newRow("a .docx in the customer's zip")
            << "logs.zip" << QByteArray::fromStdString(zipOf({{"notes/ticket.docx", word}}))
            << "logs.zip!notes/ticket.docx";
        QTest::newRow("a .docx in a .tar.gz")
            << "logs.tar.gz" << QByteArray::fromStdString(gzipOf(tarOf({{"notes/ticket.docx", word}})))
            << "logs.tar.gz!notes/ticket.docx";
        QTest::newRow("a Word document saved or renamed as .zip")
            << "archive.zip" << QByteArray::fromStdString(word) << "archive.zip";
        QTest::newRow("a .docx in a zip inside the customer's zip")
            << "outer.zip" << QByteArray::fromStdString(zipOf({{"inner.zip", zipOf({{"notes.docx", word}})}}))
            << "outer.zip!inner.zip!notes.docx";
    }

    void wordDocumentIsNamedAfterItsFile()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, source);
        Result<SourceReadResult> read = readDumpBytes(name.toStdString(), bytes.toStdString());
        QVERIFY2(read.ok(), read.status().message().c_str());
        QCOMPARE(read->sources.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(read->sources[0].name), source);
        QVERIFY(read->warnings.empty());
        // The report says how the file was read, under the name the user finds it by.
        QStringList notes;
        for (const SourceWarning& n : read->notes)
            notes << QString::fromStdString(n.source + ": " + n.message);
        QVERIFY2(notes.filter(source + ": a Word document (.docx)").size() == 1,
                 qPrintable(notes.join('\n')));
        for (const SourceWarning& n : read->notes)
            QVERIFY2(n.source.find("word/") == std::string::npos, n.source.c_str());
        Result<ImportResult> result = importDump(read->sources);
        QVERIFY(result.ok());
        QCOMPARE(result->report.objects.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(result->report.objects[0].source), source);
        for (const ImportMessage& m : result->report.messages)
            QVERIFY2(m.source.find("word/") == std::string::npos, m.source.c_str());
    }

    void foldersNamedLikeWordPartsInOtherZipsAreRead()
    {
        // A customer's own folder `word/` or `docProps/` in a zip that is no Word document is data.
        const std::string network =
            std::string("{\"ID\": \"") + kN1 + "\", \"Name\": \"l2b\", \"Type\": \"L2Bridge\"}\n";
        Result<SourceReadResult> read = readDumpBytes(
            "logs.zip",
            zipOf({{"word/network.json", network}, {"docProps/readme.txt", "see network.json\n"}}));
        QVERIFY2(read.ok(), read.status().message().c_str());
        QStringList names;
        for (const DumpSource& s : read->sources)
            names << QString::fromStdString(s.name);
        QCOMPARE(names, (QStringList{"logs.zip!word/network.json", "logs.zip!docProps/readme.txt"}));
    }

    void wordDocumentStaysBounded()
    {
        std::string xml = "<w:document><w:body>";
        for (int i = 0; i < 100000; ++i)
            xml += "<w:p><w:r><w:t>";
        xml += std::string(100000, '<');
        const std::string text = wordDocumentText(xml);
        QCOMPARE(std::count(text.begin(), text.end(), '\n'), 99999);
    }
};

QTEST_GUILESS_MAIN(TestDocumentText)
#include "tst_documenttext.moc"
