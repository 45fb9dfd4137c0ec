package zhibu.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zhibu.testing.Paths;

/** Every supported format, read from real files, yields the same clean text. */
class FormatsTest {
    @TempDir
    Path dir;

    private final DocumentReader reader = new DocumentReader(false);

    private String jingzhouText() throws Exception {
        return reader.read(Paths.CORPUS.resolve("policies/000_0f11226629500d74.txt")).body().text();
    }

    @Test
    void textInEveryEncodingGivesTheSameDocument() throws Exception {
        String original = Files.readString(Paths.CORPUS.resolve("policies/000_0f11226629500d74.txt"));
        for (Charset charset : new Charset[] {Charset.forName("GB18030"), Charset.forName("GBK"),
                StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE}) {
            Path file = Files.write(dir.resolve("notice-" + charset.name() + ".txt"),
                    original.replace("\n", "\r\n").getBytes(charset));
            IngestedDocument doc = reader.read(file);
            assertEquals(jingzhouText(), doc.body().text(), charset.name());
            assertEquals("2024-08-06", doc.metadata().date());
        }
    }

    @Test
    void markdownHeadingsAndEmphasis() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.md"), """
                # 抓紧抓实党支部标准化规范化建设

                近年来，我县围绕高标准、高质量、严要求建强党支部的标准，**探索创新**“xxx”模式，
                抓紧抓实党支部标准化规范化建设。

                ## 一、“三个确保”抓基础
                """);
        IngestedDocument doc = reader.read(file);
        assertEquals("抓紧抓实党支部标准化规范化建设", doc.metadata().title());
        assertEquals("抓紧抓实党支部标准化规范化建设\n近年来，我县围绕高标准、高质量、严要求建强党支部的标准，探索创新“xxx”模式，"
                + "抓紧抓实党支部标准化规范化建设。\n一、“三个确保”抓基础", doc.body().text());
        assertEquals(1, doc.body().paragraphs().get(0).headingLevel());
        assertEquals(2, doc.body().paragraphs().get(2).headingLevel());
    }

    @Test
    void openDocumentText() throws Exception {
        Path file = dir.resolve("notice.odt");
        writeOdt(file, "<text:h text:outline-level=\"1\">关于推进党支部“五化”建设的意见</text:h>"
                + "<text:p>一、总体要求</text:p>"
                + "<text:p>支部党员大会一般每季度召开１次，支部委员会会议一般每月召开1次。</text:p>");
        IngestedDocument doc = reader.read(file);
        assertEquals("关于推进党支部“五化”建设的意见", doc.metadata().title());
        assertEquals("关于推进党支部“五化”建设的意见\n一、总体要求\n支部党员大会一般每季度召开1次，支部委员会会议一般每月召开1次。",
                doc.body().text());
    }

    @Test
    void wordPdfAndWebPageFixturesAllRead() throws Exception {
        for (String name : new String[] {"003_xian.docx", "003_xian.doc", "003_xian.pdf", "002_hunan.pdf",
                "004_suzhou_gov_page.html"}) {
            String text = reader.read(Paths.FORMATS.resolve(name)).body().text();
            assertTrue(text.length() > 2000, name);
        }
        String hunan = reader.read(Paths.FORMATS.resolve("002_hunan.pdf")).body().text();
        assertTrue(hunan.contains("支部党员大会一般每季度召开1次，支部委员会会议和党小组会议一般每月召开1次"), "Hunan PDF");
        assertTrue(hunan.contains("正式党员人数3人以上的基层单位，都应当成立党支部"), "spaces folded, lines joined");
    }

    /** A minimal OpenDocument text package: mimetype first and stored, then manifest and content. */
    static void writeOdt(Path file, String bodyXml) throws IOException {
        byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
        String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
                + "<office:body><office:text>" + bodyXml + "</office:text></office:body></office:document-content>";
        String manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">"
                + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                + "</manifest:manifest>";
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry mime = new ZipEntry("mimetype");
            mime.setMethod(ZipEntry.STORED);
            mime.setSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            mime.setCrc(crc.getValue());
            zip.putNextEntry(mime);
            zip.write(mimetype);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
            zip.write(manifest.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }
}
