package zhibu.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zhibu.testing.HostileFiles;
import zhibu.testing.Paths;

/**
 * Hostile files through the child-process reader: each fails alone in one sentence naming it, within its time and
 * memory, and the reader goes on with the next file.
 */
class ForkedParserTest {
    @TempDir
    static Path dir;
    static ForkedParser parser;

    @BeforeAll
    static void start() {
        parser = new ForkedParser("256m", Duration.ofSeconds(60), false, dir.resolve("scratch"));
    }

    @AfterAll
    static void stop() {
        parser.close();
    }

    static String failure(Path file) {
        IngestException e = assertThrows(IngestException.class, () -> parser.read(file));
        String message = e.getMessage();
        assertTrue(message.contains(file.getFileName().toString()), "names the file: " + message);
        assertEquals(-1, message.indexOf('\n'), "one line: " + message);
        assertTrue(message.endsWith("."), "a sentence: " + message);
        return message;
    }

    static void stillReads() throws Exception {
        assertEquals("关于推进党支部标准化规范化建设的指导意见",
                parser.read(Paths.FORMATS.resolve("003_xian.docx")).metadata().title());
    }

    @Test
    void aZipBombIsStoppedAndTheNextFileReads() throws Exception {
        String message = failure(HostileFiles.zipBombDocx(dir, 1024));
        assertTrue(message.matches(".*(needs more than 256 MB of memory|zip bomb).*"), message);
        try (var left = Files.walk(dir.resolve("scratch"))) {
            assertEquals(List.of(), left.filter(Files::isRegularFile).toList(), "the stopped child's files are gone");
        }
        stillReads();
    }

    @Test
    void entityExpansionIsRefused() throws Exception {
        failure(HostileFiles.entityBombDocx(dir));
        stillReads();
    }

    @Test
    void deeplyNestedHtmlReadsOrFailsInOneSentence() throws Exception {
        Path nested = HostileFiles.nestedHtml(dir, 200_000);
        try {
            assertTrue(parser.read(nested).body().text().contains("党支部党员大会一般每季度召开1次"));
        } catch (IngestException e) {
            assertTrue(e.getMessage().startsWith("nested.html"), e.getMessage());
        }
        stillReads();
    }

    @Test
    void brokenFilesEachSayWhy() throws Exception {
        assertTrue(failure(HostileFiles.randomBytesNamedPdf(dir)).contains("does not contain PDF"));
        assertTrue(failure(HostileFiles.truncatedDocx(dir)).contains("damaged or truncated"));
        assertTrue(failure(HostileFiles.encryptedPdf(dir)).contains("password-protected"));
        assertTrue(failure(HostileFiles.imageOnlyPdf(dir)).contains("needs OCR"));
        assertTrue(failure(HostileFiles.binaryText(dir)).contains("readable text"));
        stillReads();
    }

    @Test
    void scriptsInAPageAreDroppedAndItsTextKept() throws Exception {
        String text = parser.read(HostileFiles.scriptedHtml(dir)).body().text();
        assertTrue(text.contains("各党支部每月开展1次主题党日活动"), text);
        assertTrue(!text.contains("alert") && !text.contains("javascript:"), text);
    }

    @Test
    void aFileThatTakesTooLongIsStoppedAndTheReaderStartsAgain() throws Exception {
        try (ForkedParser hasty = new ForkedParser("256m", Duration.ofMillis(1), false)) {
            String message = assertThrows(IngestException.class,
                    () -> hasty.read(Paths.FORMATS.resolve("003_xian.pdf"))).getMessage();
            assertTrue(message.startsWith("003_xian.pdf took longer than"), message);
        }
        stillReads();
    }

    @Test
    void aFileMayGoByAnotherName() throws Exception {
        IngestedDocument doc = parser.read(Paths.FORMATS.resolve("000_jingzhou_gb18030.txt"), "荆州工作提示.txt");
        assertEquals("荆州工作提示.txt", doc.metadata().source());
    }
}
