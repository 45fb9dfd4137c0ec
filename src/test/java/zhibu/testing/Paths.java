package zhibu.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the test data lives: the project's corpus, its copied fixtures, and ../shared beside the checkout. */
public final class Paths {
    public static final Path CORPUS = Path.of("corpus");
    public static final Path FORMATS = Path.of("src/test/resources/formats");
    public static final Path SHARED = Path.of(System.getProperty("zhibu.shared", "../shared"));

    private Paths() {
    }

    public static Path corpusFile(String prefix) throws java.io.IOException {
        try (var files = Files.walk(CORPUS)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no corpus file starts with " + prefix));
        }
    }
}
