package zhibu.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zhibu.testing.HostileFiles;
import zhibu.testing.Paths;

/** Each kind of bad file gives one sentence naming it, and a folder with bad files still yields the good ones. */
class BadInputTest {
    @TempDir
    Path dir;

    private final DocumentReader reader = new DocumentReader(false);

    private String failure(Path file) {
        IngestException e = assertThrows(IngestException.class, () -> reader.read(file));
        String message = e.getMessage();
        assertTrue(message.contains(file.getFileName().toString()), "names the file: " + message);
        assertTrue(message.endsWith("."), "one sentence: " + message);
        assertEquals(-1, message.indexOf('\n'), "one line: " + message);
        assertEquals(1, message.split("\\.(\\s|$)").length, "one sentence: " + message);
        return message;
    }

    @Test
    void emptyFile() throws IOException {
        assertTrue(failure(HostileFiles.emptyFile(dir)).contains("is empty"));
    }

    @Test
    void randomBytesNamedPdf() throws IOException {
        assertTrue(failure(HostileFiles.randomBytesNamedPdf(dir)).contains("does not contain PDF"));
    }

    @Test
    void truncatedDocx() throws IOException {
        assertTrue(failure(HostileFiles.truncatedDocx(dir)).contains("damaged or truncated"));
    }

    @Test
    void encryptedPdf() throws IOException {
        assertTrue(failure(HostileFiles.encryptedPdf(dir)).contains("password-protected"));
    }

    @Test
    void pdfWithoutTextLayer() throws IOException {
        assertTrue(failure(HostileFiles.imageOnlyPdf(dir)).contains("no text layer: needs OCR"));
    }

    @Test
    void unsupportedType() throws IOException {
        assertTrue(failure(HostileFiles.pngImage(dir)).contains("unsupported type (image/png)"));
    }

    @Test
    void aFolderWithBadFilesStillYieldsAllTheOthers() throws IOException {
        List<Path> bad = List.of(HostileFiles.emptyFile(dir), HostileFiles.randomBytesNamedPdf(dir), HostileFiles.truncatedDocx(dir), HostileFiles.encryptedPdf(dir),
                HostileFiles.imageOnlyPdf(dir), HostileFiles.pngImage(dir));
        for (String good : List.of("000_jingzhou_gb18030.txt", "003_xian.pdf", "004_suzhou_gov_page.html")) {
            Files.copy(Paths.FORMATS.resolve(good), dir.resolve(good));
        }
        List<DocumentReader.Outcome> outcomes = reader.readAll(dir);
        assertEquals(8, outcomes.size(), "the PNG is no document: skipped by rule, not read");
        assertEquals(bad.size() - 1, outcomes.stream().filter(DocumentReader.Outcome::failed).count());
        assertEquals(List.of("关于开展“六有六强”党支部标准化规范化建设的工作提示", "关于推进党支部标准化规范化建设的指导意见",
                        "市级机关党支部标准化规范化建设实施方案"),
                outcomes.stream().filter(o -> !o.failed()).map(o -> o.document().metadata().title()).toList());
    }
}
