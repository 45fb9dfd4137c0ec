package zhibu.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import zhibu.vectors.Vectors;

/**
 * The one embedding model and vector cache every test shares (under target/, so a fresh clone embeds the corpus
 * once per build and every later index of the same texts takes its vectors from the cache).
 */
public final class TestVectors {
    public static final Path DATA = Path.of("target", "test-data");
    private static Vectors shared;

    private TestVectors() {
    }

    public static synchronized Vectors shared() {
        if (shared == null) {
            try {
                shared = Vectors.open(DATA);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }
}
