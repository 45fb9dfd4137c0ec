package zhibu.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import zhibu.testing.Paths;

class TextDecoderTest {
    private static String jingzhou() throws Exception {
        return Files.readString(Paths.CORPUS.resolve("policies/000_0f11226629500d74.txt"), StandardCharsets.UTF_8);
    }

    @Test
    void gb18030FixtureDecodesToTheUtf8Original() throws Exception {
        byte[] bytes = Files.readAllBytes(Paths.FORMATS.resolve("000_jingzhou_gb18030.txt"));
        assertEquals(Charset.forName("GB18030"), TextDecoder.detect(bytes));
        assertEquals(jingzhou(), TextDecoder.decode(bytes).replace("\r\n", "\n"));
    }

    @Test
    void everyEncodingOfTheSameTextDecodesToIt() throws Exception {
        String text = jingzhou();
        for (Charset charset : new Charset[] {StandardCharsets.UTF_8, Charset.forName("GBK"),
                StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE}) {
            assertEquals(text, TextDecoder.decode(text.getBytes(charset)), "without BOM: " + charset);
        }
        assertEquals(text, TextDecoder.decode(("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE)), "UTF-16LE BOM");
        assertEquals(text, TextDecoder.decode(("\uFEFF" + text).getBytes(StandardCharsets.UTF_8)), "UTF-8 BOM");
    }

    @Test
    void asciiHeavyUtf16WithoutBomIsNotMistakenForUtf8() {
        String text = "Article 1. 党员 3 人 and more ASCII text 2024-08-06";
        assertEquals(text, TextDecoder.decode(text.getBytes(StandardCharsets.UTF_16LE)));
    }

    @Test
    void randomBytesScoreLowAsProse() {
        byte[] noise = new byte[2048];
        new java.util.Random(7).nextBytes(noise);
        assertTrue(TextDecoder.proseScore(TextDecoder.decode(noise)) < 0.6);
    }
}
