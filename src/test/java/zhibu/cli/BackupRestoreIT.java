package zhibu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zhibu.cli.LauncherIT.freshData;
import static zhibu.cli.LauncherIT.serve;
import static zhibu.cli.LauncherIT.zhibu;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zhibu.cli.LauncherIT.Run;
import zhibu.cli.LauncherIT.Served;
import zhibu.core.Json;
import zhibu.testing.Multipart;
import zhibu.testing.Paths;

/**
 * A library moved whole: served from one checkout with packs, a metadata correction, an upload and their audit
 * lines; backed up through the running server; restored into a second checkout at another path with its own copy
 * of the corpus; served there. Documents, clauses, cases, packs (versions, items, edit tokens), corrections and the
 * audit log come back as they were, the corpus is not ingested again, and the manifest's counts match.
 */
class BackupRestoreIT {
    static final String TOKEN = "it-backup-token-7d21a4";

    static Path checkout(Path dir) throws Exception {
        Path corpus = dir.resolve("corpus");
        try (var walk = Files.walk(Paths.CORPUS)) {
            for (Path p : walk.toList()) {
                Path to = corpus.resolve(Paths.CORPUS.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return corpus;
    }

    static HttpResponse<String> json(Served site, String method, String path, String body, String token)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(site.url() + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return site.send(request);
    }

    /** What a user sees of a library: health, the documents, the packs by id, the audit log. */
    record Seen(JsonNode health, JsonNode documents, List<JsonNode> packs, JsonNode audit) {
        static Seen of(Served site, List<String> packs) throws Exception {
            List<JsonNode> read = new ArrayList<>();
            for (String id : packs) {
                read.add(site.get("/api/packs/" + id));
            }
            HttpResponse<String> audit = site.send(HttpRequest.newBuilder(URI.create(site.url() + "/api/admin/audit"))
                    .header("Authorization", "Bearer " + TOKEN));
            assertEquals(200, audit.statusCode(), audit.body());
            return new Seen(site.get("/api/health"), site.get("/api/documents"), read,
                    Json.MAPPER.readTree(audit.body()).get("actions"));
        }
    }

    @Test
    void aBackupRestoredIntoAnotherCheckoutServesTheSameLibrary(@TempDir Path dir) throws Exception {
        Path a = Files.createDirectories(dir.resolve("first-checkout"));
        Path corpusA = checkout(a);
        Path dataA = freshData(a);
        Path tokenFile = Files.writeString(dir.resolve("admin-token"), TOKEN + "\n");
        Path backup = dir.resolve("backups/monday");
        List<String> packs = new ArrayList<>();
        String editToken;
        String uploaded;
        Seen before;
        try (Served site = serve(a, dataA, Map.of("ZHIBU_ADMIN_TOKEN", ""), "--corpus", corpusA.toString(),
                "--admin-token-file", tokenFile.toString())) {
            JsonNode made = Json.MAPPER.readTree(json(site, "POST", "/api/packs", "{\"title\": \"三会一课\", \"items\": ["
                    + "{\"type\": \"heading\", \"text\": \"一、制度\"}, {\"type\": \"note\", \"text\": \"先讲\\n再问\"}]}",
                    null).body());
            packs.add(made.get("id").asText());
            editToken = made.get("editToken").asText();
            HttpResponse<String> put = json(site, "PUT", "/api/packs/" + packs.get(0), "{\"title\": \"三会一课（二）\","
                    + " \"version\": 1, \"items\": [{\"type\": \"note\", \"text\": \"只讲一遍\"}]}", editToken);
            assertEquals(200, put.statusCode(), put.body());
            packs.add(Json.MAPPER.readTree(json(site, "POST", "/api/packs", "{\"title\": \"党费\"}", null).body())
                    .get("id").asText());
            HttpResponse<String> edit = json(site, "PUT", "/api/documents/doc-9afa0e443136/metadata",
                    "{\"status\": \"已修订\"}", TOKEN);
            assertEquals(200, edit.statusCode(), edit.body());
            Multipart upload = new Multipart().file("周三学习安排.txt", ("关于周三集中学习的通知\n\n一、党小组每周三下午集中学习1次。\n")
                    .getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> added = site.send(HttpRequest.newBuilder(URI.create(site.url() + "/api/documents"))
                    .header("Authorization", "Bearer " + TOKEN).header("Content-Type", upload.contentType())
                    .POST(upload.body()));
            assertEquals(201, added.statusCode(), added.body());
            uploaded = Json.MAPPER.readTree(added.body()).get("id").asText();

            Run backedUp = zhibu(Map.of(), "backup", backup.toString(), "--data", dataA.toString(), "--index",
                    a.resolve("index").toString());
            assertEquals(0, backedUp.exit(), backedUp.err());
            before = Seen.of(site, packs);
        }
        assertTrue(before.health().get("writable").asBoolean(), before.health().toString());

        // another checkout at another path, its own corpus copy; the first is gone
        Path c = Files.createDirectories(dir.resolve("elsewhere/second-checkout"));
        Path corpusC = checkout(c);
        Path dataC = freshData(c);
        OneWriterIT.deleteTree(a);
        Run restored = zhibu(Map.of(), "restore", backup.toString(), "--data", dataC.toString(), "--index",
                c.resolve("index").toString());
        assertEquals(0, restored.exit(), restored.err());
        assertTrue(restored.out().contains("packs=2"), restored.out());

        try (Served site = serve(c, dataC, Map.of("ZHIBU_ADMIN_TOKEN", TOKEN), "--corpus", corpusC.toString())) {
            Seen after = Seen.of(site, packs);
            for (String field : List.of("documents", "clauses", "cases")) {
                assertEquals(before.health().get(field), after.health().get(field), field);
            }
            assertEquals(before.documents(), after.documents(), "the same documents under the same ids, corrected");
            assertEquals(before.packs(), after.packs(), "the packs, their versions and items");
            assertEquals(2, after.packs().get(0).get("version").asInt());
            // the audit log as it was, then this server's own reading of it
            List<JsonNode> old = new ArrayList<>(); // all but the backup's own line, written once it was made
            before.audit().forEach(l -> {
                if (!l.get("action").asText().equals("backup")) {
                    old.add(l);
                }
            });
            List<JsonNode> now = new ArrayList<>();
            after.audit().forEach(now::add);
            assertEquals(old, now, "the audit log came back");
            assertTrue(old.stream().anyMatch(l -> l.get("action").asText().equals("metadata")), old.toString());
            String log = Files.readString(site.errors());
            assertFalse(log.lines().anyMatch(l -> l.startsWith("added ") || l.startsWith("replaced ")),
                    "nothing ingested again: " + log);
            JsonNode hit = site.get("/api/search?q=" + OneWriterIT.enc("党小组每周三集中学习") + "&limit=1");
            assertEquals(uploaded, hit.at("/hits/0/docId").asText(), hit.toString());
            HttpResponse<String> edited = json(site, "PUT", "/api/packs/" + packs.get(0), "{\"title\": \"三会一课（三）\","
                    + " \"version\": 2}", editToken);
            assertEquals(200, edited.statusCode(), "the edit token came back with its pack: " + edited.body());

            JsonNode counts = Json.MAPPER.readTree(backup.resolve("zhibu-backup.json").toFile()).get("counts");
            assertEquals(after.health().get("documents").asInt(), counts.get("documents").asInt());
            assertEquals(after.health().get("clauses").asInt(), counts.get("clauses").asInt());
            assertEquals(after.health().get("cases").asInt(), counts.get("cases").asInt());
            assertEquals(2, counts.get("packs").asInt());
            assertEquals(1, counts.get("packItems").asInt(), "the first pack's one note; the second has none");
            assertEquals(1, counts.get("metadataEdits").asInt());
            assertEquals(Files.readAllLines(backup.resolve("data/audit.log")).size(), counts.get("auditEntries").asInt());
        }
    }
}
