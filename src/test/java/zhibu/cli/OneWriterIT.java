package zhibu.cli;

import zhibu.core.Json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zhibu.cli.LauncherIT.freshData;
import static zhibu.cli.LauncherIT.serve;
import static zhibu.cli.LauncherIT.zhibu;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zhibu.cli.LauncherIT.Run;
import zhibu.cli.LauncherIT.Served;
import zhibu.testing.HostileFiles;
import zhibu.testing.Multipart;
import zhibu.testing.Paths;

/**
 * The server as the index's one writer, through the launcher: the commands of the machine go through it while it
 * runs, a kill in the middle of an upload batch loses nothing committed, hostile folders fail file by file under a
 * small heap, and reading never changes an index.
 */
class OneWriterIT {
    static final String TOKEN = "it-admin-token-0c41d9";

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static Path text(Path dir, String name, String title, String... clauses) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        StringBuilder text = new StringBuilder(title).append("\n\n");
        String[] numbers = {"一", "二", "三", "四", "五"};
        for (int i = 0; i < clauses.length; i++) {
            text.append(numbers[i]).append("、").append(clauses[i]).append('\n');
        }
        return Files.writeString(file, text.toString());
    }

    @Test
    void withTheServerRunningTheCommandsGoThroughIt(@TempDir Path dir) throws Exception {
        Path data = freshData(dir);
        String index = dir.resolve("index").toString();
        Path incoming = dir.resolve("incoming");
        text(incoming, "红色观影通知.txt", "关于开展红色观影活动的通知", "各党支部每两个月组织1次红色观影活动。");
        String[] colliding = {"a b.txt", "a-b.txt", "A_B.txt", "x/same.txt", "y/same.txt"};
        for (int i = 0; i < colliding.length; i++) {
            text(incoming, colliding[i], "关于同名文件" + i + "号的通知", "同名文件" + i + "号条文：党小组每月开展1次学习。");
        }
        Files.createSymbolicLink(incoming.resolve("passwd.txt"), Path.of("/etc/passwd"));
        Files.writeString(incoming.resolve("README.md"), "# 本文件夹存放本周新文件\n");
        Path backup = dir.resolve("backup");

        try (Served site = serve(dir, data, Map.of("ZHIBU_ADMIN_TOKEN", TOKEN))) {
            int before = site.get("/api/health").get("documents").asInt();
            Run ingest = zhibu(Map.of(), "ingest", "--data", data.toString(), "--index", index, incoming.toString());
            assertEquals(0, ingest.exit(), ingest.err());
            assertTrue(ingest.err().contains("a server runs for this index"), ingest.err());
            assertEquals(6, ingest.out().lines().filter(l -> l.startsWith("added ")).count(), ingest.out());
            assertTrue(ingest.out().contains("skipped: passwd.txt is a link to a file outside the folder"), ingest.out());
            assertTrue(ingest.out().contains("skipped: README.md is a project file"), ingest.out());

            assertEquals(before + 6, site.get("/api/health").get("documents").asInt(), "five colliding names, five documents");
            JsonNode found = site.get("/api/search?q=" + enc("红色观影活动多久组织一次"));
            assertEquals("关于开展红色观影活动的通知", found.at("/hits/0/docTitle").asText(), found.toString());
            for (int i = 0; i < colliding.length; i++) {
                JsonNode hit = site.get("/api/search?q=" + enc("同名文件" + i + "号条文") + "&limit=1");
                assertEquals("关于同名文件" + i + "号的通知", hit.at("/hits/0/docTitle").asText());
            }
            JsonNode docs = Json.MAPPER.readTree(site.request("/api/documents").body());
            docs.forEach(d -> assertFalse(d.toString().contains("root:x:0:0"), d.toString()));

            Run search = zhibu(Map.of(), "search", "--data", data.toString(), "--index", index, "--json",
                    "红色观影活动多久组织一次");
            assertEquals(0, search.exit(), search.err());
            assertEquals("关于开展红色观影活动的通知", Json.MAPPER.readTree(search.out()).at("/hits/0/docTitle").asText());
            Run checklist = zhibu(Map.of(), "checklist", "--data", data.toString(), "--index", index, "--type", "高校",
                    "--members", "30");
            assertEquals(0, checklist.exit(), checklist.err());
            assertTrue(checklist.out().contains("党员大会"), checklist.out());

            Run backedUp = zhibu(Map.of(), "backup", backup.toString(), "--data", data.toString(), "--index", index);
            assertEquals(0, backedUp.exit(), backedUp.err());
            assertTrue(backedUp.out().contains("made by the server"), backedUp.out());

            Run busyPort = zhibu(Map.of(), "serve", "--port", String.valueOf(site.port()), "--index",
                    dir.resolve("other-index").toString(), "--data", dir.resolve("other-data").toString());
            assertEquals(1, busyPort.exit());
            assertEquals("zhibu serve: port " + site.port() + " on 127.0.0.1 is in use; choose another with --port.",
                    lastLine(busyPort.err()));
            Run busyData = zhibu(Map.of(), "serve", "--port", "0", "--index", dir.resolve("other-index").toString(),
                    "--data", data.toString());
            assertEquals(1, busyData.exit());
            assertTrue(lastLine(busyData.err()).startsWith("zhibu serve: a server is already running with the data folder"),
                    busyData.err());
            Run restoreWhileServing = zhibu(Map.of(), "restore", backup.toString(), "--data", data.toString(),
                    "--index", index);
            assertEquals(1, restoreWhileServing.exit());
        }

        // restore the backup over a lost index
        deleteTree(dir.resolve("index"));
        Run restored = zhibu(Map.of(), "restore", backup.toString(), "--data", data.toString(), "--index", index);
        assertEquals(0, restored.exit(), restored.err());
        Run search = zhibu(Map.of(), "search", "--data", data.toString(), "--index", index, "--json", "红色观影活动");
        assertEquals(0, search.exit(), search.err());
        assertEquals("关于开展红色观影活动的通知", Json.MAPPER.readTree(search.out()).at("/hits/0/docTitle").asText());
    }

    @Test
    void aServerKilledInTheMiddleOfAnUploadBatchStartsAgainOnItsLastCommit(@TempDir Path dir) throws Exception {
        Path data = freshData(dir);
        Path batchDir = Files.createDirectories(dir.resolve("batch"));
        int files = 60;
        Multipart batch = new Multipart();
        for (int i = 0; i < files; i++) {
            batch.file(text(batchDir, "通知" + i + ".txt", "关于第" + i + "批次学习安排的通知",
                    "第" + i + "批次党员每月参加1次集中学习。", "第" + i + "批次学习记录由党小组组长负责。",
                    "第" + i + "批次学习情况每季度通报1次。"));
        }
        JsonNode base;
        int committed;
        try (Served site = serve(dir, data, Map.of("ZHIBU_ADMIN_TOKEN", TOKEN))) {
            base = site.get("/api/health");
            CompletableFuture<HttpResponse<String>> upload = CompletableFuture.supplyAsync(() -> {
                try {
                    return site.send(HttpRequest.newBuilder(URI.create(site.url() + "/api/documents"))
                            .header("Authorization", "Bearer " + TOKEN).header("Content-Type", batch.contentType())
                            .POST(batch.body()));
                } catch (Exception e) {
                    return null; // the server is killed under it
                }
            });
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            do {
                Thread.sleep(100);
                committed = site.get("/api/health").get("documents").asInt() - base.get("documents").asInt();
            } while (committed < 5 && System.nanoTime() < deadline);
            site.process().destroyForcibly(); // SIGKILL: no shutdown hook, no close
            assertTrue(site.process().waitFor(30, TimeUnit.SECONDS));
            upload.get(60, TimeUnit.SECONDS);
        }
        try (FSDirectory directory = FSDirectory.open(dir.resolve("index"));
             CheckIndex check = new CheckIndex(directory)) {
            check.setInfoStream(null);
            assertTrue(check.checkIndex().clean, "the index after SIGKILL is clean");
        }
        try (Served site = serve(dir, data, Map.of("ZHIBU_ADMIN_TOKEN", TOKEN))) {
            int survived = site.get("/api/health").get("documents").asInt() - base.get("documents").asInt();
            assertTrue(survived >= 5 && survived < files, "killed in the middle: " + survived + " of " + files);
            HttpResponse<String> again = site.send(HttpRequest.newBuilder(URI.create(site.url() + "/api/documents"))
                    .header("Authorization", "Bearer " + TOKEN).header("Content-Type", batch.contentType())
                    .POST(batch.body()));
            assertEquals(200, again.statusCode(), again.body());
            Map<String, Integer> statuses = new HashMap<>();
            JsonNode outcomes = Json.MAPPER.readTree(again.body()).get("files");
            outcomes.forEach(f -> statuses.merge(f.get("status").asText(), 1, Integer::sum));
            assertEquals(Map.of("unchanged", survived, "added", files - survived), statuses);
            int perFile = site.get("/api/documents/" + outcomes.at("/0/document/id").asText()).get("clauses").size();
            JsonNode after = site.get("/api/health");
            assertEquals(base.get("documents").asInt() + files, after.get("documents").asInt());
            assertEquals(base.get("clauses").asInt() + perFile * files, after.get("clauses").asInt(), "no clause twice");
            for (int i : new int[] {0, survived - 1, survived, files - 1}) {
                JsonNode hits = site.get("/api/search?q=" + enc("第" + i + "批次学习情况每季度通报") + "&limit=50");
                long same = 0;
                for (JsonNode h : hits.get("hits")) {
                    same += h.get("text").asText().equals("第" + i + "批次学习情况每季度通报1次。") ? 1 : 0;
                }
                assertEquals(1, same, "the third clause of file " + i + " is in the index once");
            }
        }
    }

    @Test
    void underAGigabyteHeapEachHostileFileFailsWithinAMinuteAndTheGoodOnesAreIngested(@TempDir Path dir)
            throws Exception {
        Path folder = Files.createDirectories(dir.resolve("folder"));
        HostileFiles.zipBombDocx(folder, 2048);
        HostileFiles.hugeText(folder, 200);
        HostileFiles.lineOfSpaces(folder);
        Files.copy(Paths.FORMATS.resolve("003_xian.docx"), folder.resolve("西安意见.docx"));
        Files.copy(Paths.FORMATS.resolve("000_jingzhou_gb18030.txt"), folder.resolve("荆州提示.txt"));
        Files.createSymbolicLink(folder.resolve("passwd.txt"), Path.of("/etc/passwd"));
        // and every other hostile file of the upload tests, so the command line meets them too
        List<Path> failing = List.of(HostileFiles.entityBombDocx(folder), HostileFiles.randomBytesNamedPdf(folder),
                HostileFiles.truncatedDocx(folder), HostileFiles.encryptedPdf(folder), HostileFiles.imageOnlyPdf(folder),
                HostileFiles.binaryText(folder), HostileFiles.emptyFile(folder));
        List<Path> readable = List.of(HostileFiles.nestedHtml(folder, 100_000), HostileFiles.scriptedHtml(folder));
        HostileFiles.pngImage(folder);
        Files.writeString(folder.resolve("README.md"), "# 说明\n");

        ProcessBuilder pb = new ProcessBuilder("./zhibu", "ingest", "--data", LauncherIT.DATA, "--index",
                dir.resolve("index").toString(), folder.toString());
        pb.environment().put("JAVA_TOOL_OPTIONS", "-Xmx1g");
        pb.redirectErrorStream(true);
        long start = System.nanoTime();
        Process p = pb.start();
        p.getOutputStream().close();
        List<long[]> times = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                lines.add(line);
                times.add(new long[] {TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)});
            }
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), String.join("\n", lines));
        String all = String.join("\n", lines);
        assertTrue(lines.contains("failed: bomb.docx needs more than 768 MB of memory to read (a zip bomb, or a damaged "
                + "file); it was stopped."), all);
        assertTrue(lines.contains("failed: huge.txt is 200 MB; the largest file zhibu reads is 50 MB."), all);
        for (Path bad : failing) {
            String name = bad.getFileName().toString();
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("failed: " + name + " ") && l.endsWith(".")), name + ": " + all);
        }
        for (String skipped : List.of("photo.png", "README.md")) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("skipped: " + skipped + " ")), skipped + ": " + all);
        }
        List<String> good = new ArrayList<>(List.of("spaces.txt", "西安意见.docx", "荆州提示.txt"));
        readable.forEach(file -> good.add(file.getFileName().toString()));
        for (String name : good) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("added ") && l.contains("/" + name + " (")), name + ": " + all);
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("skipped: passwd.txt is a link to a file outside")), all);
        assertTrue(lines.stream().noneMatch(l -> l.contains("OutOfMemoryError") || l.startsWith("\tat ")), all);
        long previous = 0;
        for (int i = 0; i < lines.size(); i++) {
            long at = times.get(i)[0];
            if (lines.get(i).startsWith("failed: ")) {
                assertTrue(at - previous <= 60, "more than a minute before: " + lines.get(i) + " (" + all + ")");
            }
            previous = at;
        }
    }

    @Test
    void readingAnIndexOfAnOlderSchemaLeavesItIntact(@TempDir Path dir) throws Exception {
        Path old = dir.resolve("old-index");
        try (IndexWriter writer = new IndexWriter(FSDirectory.open(old), new IndexWriterConfig())) {
            Document d = new Document();
            d.add(new StringField("kind", "clause", Field.Store.YES));
            writer.addDocument(d);
            writer.setLiveCommitData(Map.of("zhibu.schema", "3/hanlp/0").entrySet());
            writer.commit();
        }
        Map<String, Long> before = files(old);
        Run search = zhibu(Map.of(), "search", "--data", LauncherIT.DATA, "--index", old.toString(), "党员大会");
        assertEquals(1, search.exit());
        assertTrue(lastLine(search.err()).matches("zhibu: the index at .* was built by another version of zhibu "
                + "\\(schema 3/hanlp/0\\); run ./zhibu ingest to rebuild it\\."), search.err());
        Run checklist = zhibu(Map.of(), "checklist", "--data", LauncherIT.DATA, "--index", old.toString(), "--type",
                "机关", "--members", "12");
        assertEquals(1, checklist.exit());
        assertTrue(lastLine(checklist.err()).contains("run ./zhibu ingest"), checklist.err());
        assertEquals(before, files(old), "the index is as it was");

        Run none = zhibu(Map.of(), "search", "--data", LauncherIT.DATA, "--index", dir.resolve("none").toString(), "党费");
        assertEquals(1, none.exit());
        assertTrue(lastLine(none.err()).contains("there is no index at"), none.err());
        assertFalse(Files.exists(dir.resolve("none")));
    }

    static String lastLine(String text) {
        return text.strip().lines().reduce((a, b) -> b).orElse("");
    }

    static Map<String, Long> files(Path folder) throws Exception {
        Map<String, Long> sizes = new HashMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path p : list.toList()) {
                sizes.put(p.getFileName().toString(), Files.size(p));
            }
        }
        return sizes;
    }

    static void deleteTree(Path p) throws Exception {
        zhibu.core.Folders.deleteTree(p);
    }
}
