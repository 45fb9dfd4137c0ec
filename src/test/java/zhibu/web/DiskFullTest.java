package zhibu.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import zhibu.index.Ingestion;
import zhibu.index.SourceRoots;
import zhibu.index.ZhibuIndex;
import zhibu.ingest.MetadataEdits;
import zhibu.testing.Multipart;
import zhibu.testing.Paths;
import zhibu.testing.RunningSite;
import zhibu.vectors.Vectors;

/**
 * A server whose index and data folder lie on a disk that fills up: a real 40 MB tmpfs (mounted when the test runs
 * as root, as CI does). An upload that does not fit answers 507 with a sentence, leaves no original and nothing of
 * itself in the index, health says the server cannot write and why; once space is freed the same upload goes
 * through without a restart, and the index is clean.
 */
@Timeout(300)
class DiskFullTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aFullDiskAnswers507AndWritesGoOnOnceThereIsSpace(@TempDir Path dir) throws Exception {
        Path disk = Files.createDirectories(dir.resolve("disk"));
        mount(disk);
        try {
            Path data = Files.createDirectories(disk.resolve("data"));
            Path corpus = disk.resolve("corpus");
            Files.createDirectories(corpus);
            for (String name : List.of("000_jingzhou_gb18030.txt", "003_xian.docx")) {
                Files.copy(Paths.FORMATS.resolve(name), corpus.resolve(name));
            }
            MetadataEdits edits = MetadataEdits.open(data.resolve("metadata-edits.tsv"));
            Path upload = letter(dir.resolve("big.txt"));
            JsonNode before;
            try (ZhibuIndex index = ZhibuIndex.open(disk.resolve("index"), Vectors.off(),
                    Ingestion.forked(edits).withRoots(SourceRoots.of(corpus, data)))) {
                index.ingest(List.of(corpus));
                WebApp app = new WebApp(new Site(index, Path.of("web"), data, RunningSite.ADMIN_TOKEN, null,
                        Site.DEFAULT_MAX_UPLOAD_BYTES, edits, null)).start(0);
                try {
                    before = get(app, "/api/health");
                    assertTrue(before.get("writable").asBoolean(), before.toString());
                    assertFalse(before.has("reason"), before.toString());

                    Path filler = fill(disk, 4L << 20); // room for the upload and its original, not for its records
                    HttpResponse<String> refused = post(app, new Multipart().file(upload));
                    assertEquals(507, refused.statusCode(), refused.body());
                    String sentence = JSON.readTree(refused.body()).get("error").asText();
                    assertTrue(sentence.startsWith("磁盘空间不足") && sentence.endsWith("。"), sentence);

                    JsonNode full = get(app, "/api/health");
                    assertFalse(full.get("writable").asBoolean(), full.toString());
                    assertTrue(full.get("reason").asText().contains("磁盘空间不足"), full.toString());
                    assertEquals(before.get("documents"), full.get("documents"), "nothing of it in the index");
                    assertEquals(before.get("clauses"), full.get("clauses"));
                    try (var originals = Files.list(data.resolve("originals"))) {
                        assertEquals(0, originals.count(), "the failed upload's original is removed");
                    }
                    assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(base(app) + "/api/search?q="
                            + RunningSite.enc("党员大会"))).build(), HttpResponse.BodyHandlers.ofString()).statusCode(),
                            "searches go on");

                    Files.delete(filler);
                    JsonNode freed = get(app, "/api/health");
                    assertTrue(freed.get("writable").asBoolean(), "space is back: " + freed);
                    HttpResponse<String> accepted = post(app, new Multipart().file(upload));
                    assertEquals(201, accepted.statusCode(), "no restart needed: " + accepted.body());
                    String id = JSON.readTree(accepted.body()).get("id").asText();
                    JsonNode after = get(app, "/api/health");
                    assertEquals(before.get("documents").asInt() + 1, after.get("documents").asInt());
                    JsonNode hits = get(app, "/api/search?q=" + RunningSite.enc("第777项学习任务") + "&docId=" + id);
                    assertTrue(hits.get("total").asInt() > 0, hits.toString());
                } finally {
                    app.stop();
                }
            }
            try (FSDirectory directory = FSDirectory.open(disk.resolve("index"));
                 CheckIndex check = new CheckIndex(directory)) {
                check.setInfoStream(null);
                assertTrue(check.checkIndex().clean, "the index after a full disk is clean");
            }
        } finally {
            new ProcessBuilder("umount", "-l", disk.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** A 40 MB tmpfs at {@code at}: needs root; skipped otherwise, except under CI=true, which runs as root. */
    private static void mount(Path at) throws Exception {
        Process id = new ProcessBuilder("id", "-u").start();
        boolean root = new String(id.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip().equals("0");
        int mounted = root ? new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=40m", "tmpfs", at.toString())
                .inheritIO().start().waitFor() : -1;
        if (mounted != 0) {
            String message = "a small disk needs root to mount a tmpfs (uid " + (root ? "0, mount failed" : "not 0") + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message + " (CI=true: a failure, not a skip)");
            }
            Assumptions.assumeTrue(false, message);
        }
    }

    /** Fills a disk with real bytes (tmpfs has no holes to fall back on) until {@code left} bytes are free. */
    private static Path fill(Path disk, long left) throws Exception {
        Path filler = disk.resolve("filler");
        byte[] block = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (Files.getFileStore(disk).getUsableSpace() - block.length > left) {
                out.write(block);
                out.flush();
            }
        }
        return filler;
    }

    /** About 1.5 MB of numbered clauses a search can find one by one. */
    private static Path letter(Path file) throws Exception {
        StringBuilder text = new StringBuilder("关于党支部学习任务安排的通知\n\n");
        for (int i = 1; text.length() < 500_000; i++) {
            text.append("第").append(i).append("条 党支部第").append(i).append("项学习任务每季度安排").append(i % 7 + 1)
                    .append("次，由支部委员会研究确定。\n");
        }
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String base(WebApp app) {
        return "http://localhost:" + app.port();
    }

    private JsonNode get(WebApp app, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base(app) + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(WebApp app, Multipart files) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base(app) + "/api/documents"))
                .header("Authorization", "Bearer " + RunningSite.ADMIN_TOKEN)
                .header("Content-Type", files.contentType()).POST(files.body()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
