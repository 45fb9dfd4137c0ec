package zhibu.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Decodes plain text whose encoding nobody declared: a byte-order mark decides; otherwise valid UTF-8 wins;
 * otherwise the candidate (GB18030, UTF-16LE, UTF-16BE) whose characters look most like Chinese prose wins.
 */
public final class TextDecoder {
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final List<Charset> FALLBACKS =
            List.of(GB18030, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE);

    private TextDecoder() {
    }

    public static String decode(byte[] bytes) {
        return decode(bytes, detect(bytes));
    }

    public static Charset detect(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return StandardCharsets.UTF_8;
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return StandardCharsets.UTF_16LE;
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return StandardCharsets.UTF_16BE;
        }
        if (decodesStrictly(bytes, StandardCharsets.UTF_8) && !looksLikeUtf16(bytes)) {
            return StandardCharsets.UTF_8;
        }
        Charset best = GB18030;
        double bestScore = -1;
        for (Charset candidate : FALLBACKS) {
            double score = proseScore(new String(bytes, candidate));
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    /** Decodes with a known charset and drops a leading byte-order mark. */
    public static String decode(byte[] bytes, Charset charset) {
        String text = new String(bytes, charset);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean decodesStrictly(byte[] bytes, Charset charset) {
        try {
            charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** ASCII-heavy UTF-16 without a BOM is also valid UTF-8: its many NUL bytes give it away. */
    private static boolean looksLikeUtf16(byte[] bytes) {
        int nul = 0;
        int n = Math.min(bytes.length, 4096);
        for (int i = 0; i < n; i++) {
            if (bytes[i] == 0) {
                nul++;
            }
        }
        return n >= 4 && nul * 5 > n;
    }

    /**
     * Share of characters that belong in Chinese prose: common CJK, ASCII text, CJK punctuation. Text with
     * control characters or undecodable bytes in more than one character in a hundred is no prose at all.
     */
    static double proseScore(CharSequence text) {
        CharBuffer chars = CharBuffer.wrap(text);
        int good = 0;
        int broken = 0;
        int total = 0;
        while (chars.hasRemaining()) {
            char c = chars.get();
            total++;
            if (c == '\uFFFD' || (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')) {
                broken++;
            }
            if ((c >= 0x4E00 && c <= 0x9FFF)
                    || (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\r' || c == '\t'
                    || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF)
                    || (c >= 0x2010 && c <= 0x2027)) {
                good++;
            }
        }
        return total == 0 || broken * 100 > total ? 0 : (double) good / total;
    }
}
