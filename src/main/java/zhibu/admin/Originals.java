package zhibu.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import zhibu.ingest.DocumentFiles;

/**
 * Uploaded files as they came, under {@code data/originals/} by the SHA-256 of their bytes and the extension of the
 * name they were sent with (never by a name a user chose): the same file uploaded twice is kept once, and a name
 * cannot reach outside the folder. Written to a temporary file and moved into place, bounded in size as it streams.
 */
public final class Originals {
    private final Path folder;

    public Originals(Path folder) {
        this.folder = folder;
    }

    /** A file too large to keep. */
    public static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("too large");
        }
    }

    /** Where an upload was kept, and whether this upload put it there (no earlier upload had the same bytes). */
    public record Stored(Path path, boolean fresh) {
        /** Removes a file this upload put there, when what it was for failed. */
        public void undo() throws IOException {
            if (fresh) {
                Files.deleteIfExists(path);
            }
        }
    }

    /**
     * Streams an upload into the folder; its extension must be one zhibu reads (checked by the caller). A failed
     * write (the disk full) leaves nothing behind.
     */
    public Stored store(InputStream content, String name, long maxBytes) throws IOException {
        Files.createDirectories(folder);
        String extension = extension(name);
        Path partial = Files.createTempFile(folder, "upload-", ".part");
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long total = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(partial), digest)) {
                byte[] block = new byte[1 << 16];
                for (int n; (n = content.read(block)) > 0; ) {
                    total += n;
                    if (total > maxBytes) {
                        throw new TooLarge();
                    }
                    out.write(block, 0, n);
                }
            }
            Path stored = folder.resolve(HexFormat.of().formatHex(digest.digest()) + "." + extension);
            boolean fresh = !Files.exists(stored);
            Files.move(partial, stored, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Stored(stored, fresh);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Whether a name has an extension zhibu reads. */
    public static boolean readable(String name) {
        return DocumentFiles.EXTENSIONS.contains(extension(name));
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    public Path folder() {
        return folder;
    }
}
