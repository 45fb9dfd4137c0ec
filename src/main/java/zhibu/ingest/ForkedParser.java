package zhibu.ingest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Reads files in a child JVM ({@link ParseWorker}) with its own small heap and a time limit per file, so that a zip
 * bomb, an endless PDF or a parser bug costs that process, not the server or the rest of a batch: a file that runs
 * the child out of memory or past the limit is stopped and reported in one sentence, and the next file gets a new
 * child. One child serves file after file while all goes well. Each child writes its temporary files (Tika spools
 * some formats to disk) into a folder of its own, removed when the child ends, so a child stopped mid-file leaves
 * nothing behind.
 */
public final class ForkedParser implements DocumentParser {
    /** The defaults: a heap for the child, and how long one file may take. */
    public static final String DEFAULT_HEAP = "768m";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** The JVM's exit status after -XX:+ExitOnOutOfMemoryError. */
    private static final int OUT_OF_MEMORY = 3;

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "zhibu-parse-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final String heap;
    private final Duration timeout;
    private final boolean manifest;
    private final Path scratchParent;
    private Process child;
    private Path scratch;
    private Writer requests;
    private BufferedReader answers;

    /** A reader whose children keep their temporary files in folders made under {@code scratchParent}. */
    public ForkedParser(String heap, Duration timeout, boolean manifest, Path scratchParent) {
        this.heap = heap;
        this.timeout = timeout;
        this.manifest = manifest;
        this.scratchParent = scratchParent;
    }

    public ForkedParser(String heap, Duration timeout, boolean manifest) {
        this(heap, timeout, manifest, Path.of(System.getProperty("java.io.tmpdir")));
    }

    public ForkedParser() {
        this(DEFAULT_HEAP, DEFAULT_TIMEOUT, true);
    }

    @Override
    public synchronized IngestedDocument read(Path file, String fileName) throws IngestException {
        String line;
        boolean[] late = {false};
        try {
            start();
            requests.write(JSON.writeValueAsString(Map.of("path", file.toAbsolutePath().toString(),
                    "name", fileName, "manifest", manifest)) + "\n");
            requests.flush();
            Process running = child;
            ScheduledFuture<?> stop = WATCHDOG.schedule(() -> {
                late[0] = true;
                running.destroyForcibly();
            }, timeout.toMillis(), TimeUnit.MILLISECONDS);
            try {
                line = answers.readLine();
                while (line != null && !line.startsWith("{")) { // the JVM's own words, should any reach stdout
                    line = answers.readLine();
                }
            } finally {
                stop.cancel(false);
            }
        } catch (IOException e) {
            line = null;
        }
        if (line == null) {
            throw new IngestException(dead(late[0], fileName));
        }
        try {
            JsonNode answer = JSON.readTree(line);
            if (answer.hasNonNull("error")) {
                throw new IngestException(JSON.treeToValue(answer.get("error"), Reason.class));
            }
            return JSON.treeToValue(answer.get("document"), IngestedDocument.class);
        } catch (IOException e) {
            throw new IngestException(Reason.of(Problem.READER_NONSENSE, fileName), e);
        }
    }

    /** Why the child gave no answer; the child is gone and the next file starts another. */
    private Reason dead(boolean late, String fileName) {
        Process gone = child;
        child = null;
        if (gone == null) {
            return Reason.of(Problem.READER_NOT_STARTED, fileName);
        }
        gone.destroyForcibly();
        try {
            gone.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        removeScratch();
        if (late) {
            return Reason.of(Problem.TOO_SLOW, fileName, Math.max(1, timeout.toSeconds()));
        }
        if (!gone.isAlive() && gone.exitValue() == OUT_OF_MEMORY) {
            return Reason.of(Problem.TOO_MUCH_MEMORY, fileName, readable(heap));
        }
        return Reason.of(Problem.READER_STOPPED, fileName, gone.isAlive() ? "?" : String.valueOf(gone.exitValue()));
    }

    /** 768m → 768 MB, 2g → 2 GB: the -Xmx value as a sentence shows it. */
    static String readable(String heap) {
        String unit = switch (Character.toLowerCase(heap.charAt(heap.length() - 1))) {
            case 'k' -> " KB";
            case 'm' -> " MB";
            case 'g' -> " GB";
            default -> null;
        };
        return unit == null ? heap + " bytes" : heap.substring(0, heap.length() - 1) + unit;
    }

    private void start() throws IOException {
        if (child != null && child.isAlive()) {
            return;
        }
        removeScratch(); // a child that ended by itself
        scratch = Files.createTempDirectory(Files.createDirectories(scratchParent), "zhibu-parse-");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError",
                "-XX:+DisplayVMOutputToStderr", "-Djava.io.tmpdir=" + scratch,
                "-Xss4m", "-Dfile.encoding=UTF-8", "-Djava.awt.headless=true", "-cp",
                System.getProperty("java.class.path"), ParseWorker.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        child = pb.start();
        requests = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8);
        answers = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void close() {
        if (child != null) {
            try {
                requests.close();
            } catch (IOException ignored) {
                // the child ends either way
            }
            child.destroy();
            try {
                child.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            child = null;
        }
        removeScratch();
    }

    /** Deletes the last child's temporary folder, whatever it left there. */
    private void removeScratch() {
        if (scratch == null) {
            return;
        }
        try {
            zhibu.core.Folders.deleteTree(scratch);
            scratch = null;
        } catch (IOException e) {
            // left for the next start or close to retry; the system's temporary folder is cleaned in the end
        }
    }
}
