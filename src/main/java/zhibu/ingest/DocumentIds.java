package zhibu.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Stable, URL-safe ids for documents: the same source file name always gives the same id. */
public final class DocumentIds {
    private DocumentIds() {
    }

    /**
     * An ASCII file name keeps its readable stem ({@code 003_699736ca32203df9.txt} → {@code 003-699736ca32203df9});
     * other formats than TXT keep their extension apart ({@code 003_xian.pdf} → {@code 003-xian-pdf}); a name with
     * Chinese characters becomes {@code doc-} and a hash of the name.
     */
    public static String forFile(String fileName) {
        String extension = FormatDetector.extension(fileName);
        String stem = extension.isEmpty() ? fileName : fileName.substring(0, fileName.length() - extension.length() - 1);
        if (!stem.chars().allMatch(c -> c < 0x80)) {
            return "doc-" + sha256Hex(fileName).substring(0, 12);
        }
        String slug = stem.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.isEmpty()) {
            return "doc-" + sha256Hex(fileName).substring(0, 12);
        }
        return extension.isEmpty() || extension.equals("txt") ? slug : slug + "-" + extension;
    }

    public static String sha256Hex(String s) {
        return sha256Hex(s.getBytes(StandardCharsets.UTF_8));
    }

    /** The SHA-256 of a file, read in blocks: memory does not grow with the file. */
    public static String sha256Hex(java.nio.file.Path file) throws java.io.IOException {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] block = new byte[1 << 16];
            for (int n; (n = in.read(block)) > 0; ) {
                digest.update(block, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
