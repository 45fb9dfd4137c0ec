package zhibu.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;

/**
 * Bad and hostile files, made at test time from real formats: what an organisation department's folder and
 * uploads really hold (broken PDFs, scans, zip bombs, odd encodings), each written into a folder a test owns.
 */
public final class HostileFiles {
    private HostileFiles() {
    }

    public static Path emptyFile(Path dir) throws IOException {
        return Files.createFile(dir.resolve("empty.txt"));
    }

    public static Path randomBytesNamedPdf(Path dir) throws IOException {
        byte[] noise = new byte[8192];
        new Random(42).nextBytes(noise);
        return Files.write(dir.resolve("scan-2021.pdf"), noise);
    }

    public static Path truncatedDocx(Path dir) throws IOException {
        byte[] docx = Files.readAllBytes(Paths.FORMATS.resolve("003_xian.docx"));
        return Files.write(dir.resolve("truncated.docx"), Arrays.copyOf(docx, docx.length / 3));
    }

    public static Path encryptedPdf(Path dir) throws IOException {
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

    public static Path imageOnlyPdf(Path dir) throws IOException {
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

    public static Path pngImage(Path dir) throws IOException {
        Path file = dir.resolve("photo.png");
        ImageIO.write(new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
        return file;
    }

    /**
     * A real DOCX whose document.xml inflates to {@code megabytes} of paragraphs from a few megabytes of zip: what
     * reading it in memory would cost is the inflated size, many times over.
     */
    public static Path zipBombDocx(Path dir, int megabytes) throws IOException {
        byte[] paragraph = "<w:p><w:r><w:t>党支部党员大会一般每季度召开1次。</w:t></w:r></w:p>".getBytes(StandardCharsets.UTF_8);
        return docxWithDocument(dir.resolve("bomb.docx"), out -> {
            out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w="
                    + "\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>")
                    .getBytes(StandardCharsets.UTF_8));
            byte[] block = new byte[paragraph.length * 1024];
            for (int i = 0; i < 1024; i++) {
                System.arraycopy(paragraph, 0, block, i * paragraph.length, paragraph.length);
            }
            for (long written = 0; written < (long) megabytes << 20; written += block.length) {
                out.write(block);
            }
            out.write("</w:body></w:document>".getBytes(StandardCharsets.UTF_8));
        });
    }

    /** A DOCX whose document.xml declares entities that expand a billion times (the "billion laughs"). */
    public static Path entityBombDocx(Path dir) throws IOException {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE w:document [<!ENTITY lol \"lol\">");
        dtd.append("<!ENTITY lol1 \"").append("&lol;".repeat(10)).append("\">");
        for (int i = 2; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + dtd + "<w:document xmlns:w=\""
                + "http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&lol9;</w:t>"
                + "</w:r></w:p></w:body></w:document>";
        return docxWithDocument(dir.resolve("entities.docx"), out -> out.write(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** An HTML page nested {@code depth} elements deep around one sentence. */
    public static Path nestedHtml(Path dir, int depth) throws IOException {
        StringBuilder html = new StringBuilder("<!doctype html><html><head><meta charset=utf-8><title>嵌套</title></head><body>");
        html.append("<div>".repeat(depth)).append("党支部党员大会一般每季度召开1次。").append("</div>".repeat(depth));
        return Files.writeString(dir.resolve("nested.html"), html.append("</body></html>"));
    }

    /** A text of NUL bytes and invalid UTF-8 sequences among a little Chinese. */
    public static Path binaryText(Path dir) throws IOException {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        byte[] words = "党支部".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(words, 0, noise, 100, words.length);
        noise[0] = 0;
        noise[1] = (byte) 0xC3; // a lead byte without its continuation
        return Files.write(dir.resolve("garbled.txt"), noise);
    }

    /** An HTML notice that carries script, an event handler and a javascript: link around real text. */
    public static Path scriptedHtml(Path dir) throws IOException {
        String html = "<!doctype html><html><head><meta charset=utf-8><title>关于开展主题党日活动的通知</title>"
                + "<script>alert('x')</script></head><body><h1>关于开展主题党日活动的通知</h1>"
                + "<p onclick=\"alert(1)\">各党支部每月开展1次主题党日活动，<a href=\"javascript:alert(2)\">点此报名</a>。</p>"
                + "<p><img src=x onerror=alert(3)>活动结束后报送总结。</p></body></html>";
        return Files.writeString(dir.resolve("scripted.html"), html);
    }

    /** A good text of {@code megabytes}, written in blocks (its content is ordinary). */
    public static Path hugeText(Path dir, int megabytes) throws IOException {
        Path file = dir.resolve("huge.txt");
        byte[] line = "党支部党员大会一般每季度召开1次，支部委员会会议一般每月召开1次。\n".getBytes(StandardCharsets.UTF_8);
        byte[] block = new byte[line.length * 8192];
        for (int i = 0; i < 8192; i++) {
            System.arraycopy(line, 0, block, i * line.length, line.length);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < (long) megabytes << 20; written += block.length) {
                out.write(block);
            }
        }
        return file;
    }

    /** About 100 KB of text with one line of 100,000 spaces in the middle. */
    public static Path lineOfSpaces(Path dir) throws IOException {
        String text = "关于加强党支部建设的通知\n\n一、党支部党员大会一般每季度召开1次。\n" + " ".repeat(100_000)
                + "— 3\n二、支部委员会会议一般每月召开1次。\n";
        return Files.writeString(dir.resolve("spaces.txt"), text);
    }

    /** Writes a DOCX: the parts of the Xi'an fixture, with document.xml as {@code body} writes it. */
    private static Path docxWithDocument(Path file, Body body) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(Paths.FORMATS.resolve("003_xian.docx")));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            out.setLevel(9);
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("word/document.xml")) {
                    body.write(out);
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return file;
    }

    @FunctionalInterface
    private interface Body {
        void write(OutputStream out) throws IOException;
    }

}
