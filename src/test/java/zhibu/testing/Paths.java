package zhibu.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

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

    /**
     * A file under ../shared that a test needs. Missing, the test is skipped with a sentence saying where it looked
     * — except under CI=true, where it fails: CI has ../shared beside the clone, and a skip there would hide a check.
     */
    public static Path shared(String relative) {
        Path file = SHARED.resolve(relative);
        if (!Files.exists(file)) {
            String message = relative + " is not committed and was not found at " + file.toAbsolutePath()
                    + "; put ../shared beside the checkout to run this check";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message + " (CI=true: a missing ../shared is a failure, not a skip)");
            }
            Assumptions.assumeTrue(false, message);
        }
        return file;
    }

    /**
     * A program a test needs (python3 with python-docx, soffice …), found by running {@code check}. Missing, the test
     * is skipped with a sentence naming the Debian package — except under CI=true, where .ci/run installs it and a
     * missing tool is a failure.
     */
    public static void requireTool(String debianPackage, String... check) {
        boolean works;
        try {
            Process p = new ProcessBuilder(check).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            works = p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0;
            p.destroyForcibly();
        } catch (java.io.IOException e) {
            works = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            works = false;
        }
        if (!works) {
            missing(String.join(" ", check) + " failed: install Debian's " + debianPackage + " (.ci/run does)");
        }
    }

    /**
     * The JDBC URL of the PostgreSQL server the storage tests use (environment ZHIBU_TEST_POSTGRES, set by .ci/run
     * from .ci/postgres); without one the test is skipped, under CI=true it fails.
     */
    public static String postgresUrl() {
        String url = System.getenv("ZHIBU_TEST_POSTGRES");
        if (url == null || url.isBlank()) {
            missing("no PostgreSQL server: set ZHIBU_TEST_POSTGRES to a JDBC URL (ZHIBU_TEST_POSTGRES=$(.ci/postgres))");
        }
        return url.strip();
    }

    /** A test cannot run here: skipped, except under CI=true, where CI provides everything and a skip would hide a check. */
    private static void missing(String message) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message + " (CI=true: a missing tool is a failure, not a skip)");
        }
        Assumptions.assumeTrue(false, message);
    }
}
