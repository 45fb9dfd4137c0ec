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

    static Path emptyFile(Path dir) throws IOException {
        return Files.createFile(dir.resolve("empty.txt"));
    }

    static Path randomBytesNamedPdf(Path dir) throws IOException {
        byte[] noise = new byte[8192];
        new Random(42).nextBytes(noise);
        return Files.write(dir.resolve("scan-2021.pdf"), noise);
    }

    static Path truncatedDocx(Path dir) throws IOException {
        byte[] docx = Files.readAllBytes(Paths.FORMATS.resolve("003_xian.docx"));
        return Files.write(dir.resolve("truncated.docx"), Arrays.copyOf(docx, docx.length / 3));
    }

    static Path encryptedPdf(Path dir) throws IOException {
        Path file = dir.resolve("encrypted.pdf");
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage();
            pdf.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText("Branch meeting minutes, locked with a user password");
                content.endText();
            }
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            pdf.protect(policy);
            pdf.save(file.toFile());
        }
        return file;
    }

    static Path imageOnlyPdf(Path dir) throws IOException {
        Path file = dir.resolve("scanned.pdf");
        BufferedImage image = new BufferedImage(400, 200, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.drawString("党支部", 20, 100); // pixels, not text
        g.dispose();
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage();
            pdf.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                content.drawImage(LosslessFactory.createFromImage(pdf, image), 72, 400);
            }
            pdf.save(file.toFile());
        }
        return file;
    }

    static Path pngImage(Path dir) throws IOException {
        Path file = dir.resolve("photo.png");
        ImageIO.write(new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
        return file;
    }

    @Test
    void emptyFile() throws IOException {
        assertTrue(failure(emptyFile(dir)).contains("is empty"));
    }

    @Test
    void randomBytesNamedPdf() throws IOException {
        assertTrue(failure(randomBytesNamedPdf(dir)).contains("does not contain PDF"));
    }

    @Test
    void truncatedDocx() throws IOException {
        assertTrue(failure(truncatedDocx(dir)).contains("damaged or truncated"));
    }

    @Test
    void encryptedPdf() throws IOException {
        assertTrue(failure(encryptedPdf(dir)).contains("password-protected"));
    }

    @Test
    void pdfWithoutTextLayer() throws IOException {
        assertTrue(failure(imageOnlyPdf(dir)).contains("no text layer: needs OCR"));
    }

    @Test
    void unsupportedType() throws IOException {
        assertTrue(failure(pngImage(dir)).contains("unsupported type (image/png)"));
    }

    @Test
    void aFolderWithBadFilesStillYieldsAllTheOthers() throws IOException {
        List<Path> bad = List.of(emptyFile(dir), randomBytesNamedPdf(dir), truncatedDocx(dir), encryptedPdf(dir),
                imageOnlyPdf(dir), pngImage(dir));
        for (String good : List.of("000_jingzhou_gb18030.txt", "003_xian.pdf", "004_suzhou_gov_page.html")) {
            Files.copy(Paths.FORMATS.resolve(good), dir.resolve(good));
        }
        List<DocumentReader.Outcome> outcomes = reader.readAll(dir);
        assertEquals(9, outcomes.size());
        assertEquals(bad.size(), outcomes.stream().filter(DocumentReader.Outcome::failed).count());
        assertEquals(List.of("关于开展“六有六强”党支部标准化规范化建设的工作提示", "关于推进党支部标准化规范化建设的指导意见",
                        "市级机关党支部标准化规范化建设实施方案"),
                outcomes.stream().filter(o -> !o.failed()).map(o -> o.document().metadata().title()).toList());
    }
}
