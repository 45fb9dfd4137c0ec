package zhibu.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What administrators did: one JSON line per action under the data folder (when, who by token id, what, on what,
 * with what result), appended and flushed as it happens. The token itself is never written, only the first
 * characters of its hash.
 */
public final class AuditLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AuditLog.class);
    private final Path file;

    public AuditLog(Path file) {
        this.file = file;
    }

    public synchronized void record(String who, String action, String target, String result) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.now().toString());
        line.put("who", who);
        line.put("action", action);
        line.put("target", target);
        line.put("result", result);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            // a full disk must not turn an answer (a 507 saying so) into a 500; the line is lost, said in the log
            LOG.error("the audit log could not be written ({}): {}", e.getMessage(), line);
        }
    }

    /** Up to {@code count} lines, newest first. */
    public synchronized java.util.List<String> newest(int count) throws IOException {
        if (!Files.isRegularFile(file)) {
            return java.util.List.of();
        }
        java.util.List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
        return java.util.List.copyOf(all.subList(Math.max(0, all.size() - count), all.size()).reversed());
    }
}
