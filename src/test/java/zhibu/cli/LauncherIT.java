package zhibu.cli;

import zhibu.core.Json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zhibu.testing.TestVectors;

/**
 * The launcher as users run it, after the jar is packaged. Commands that embed share the unit tests' vector cache
 * ({@code --data target/test-data}), so the corpus is embedded once per build.
 */
class LauncherIT {
    static final String DATA = TestVectors.DATA.toString();
    /** Any download a command tried would go through a proxy that is not there, and fail. */
    static final Map<String, String> OFFLINE = Map.of("JAVA_TOOL_OPTIONS", "-Dhttp.proxyHost=127.0.0.1 "
            + "-Dhttp.proxyPort=9 -Dhttps.proxyHost=127.0.0.1 -Dhttps.proxyPort=9 -Djava.net.useSystemProxies=false");

    record Run(int exit, String out, String err) {
    }

    /** Runs the launcher; its error output goes to a file, so neither stream can fill up and block the other. */
    static Run zhibu(Map<String, String> env, String... args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(new java.util.ArrayList<>(List.of("./zhibu")));
        pb.command().addAll(List.of(args));
        pb.environment().putAll(env);
        Path errFile = java.nio.file.Files.createTempFile("zhibu-err", ".txt");
        pb.redirectError(errFile.toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        var out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(240, TimeUnit.SECONDS), "launcher finished");
        String err = java.nio.file.Files.readString(errFile, StandardCharsets.UTF_8);
        java.nio.file.Files.delete(errFile);
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), err);
    }

    @Test
    void inspectPrintsTheContractsJson() throws Exception {
        Run run = zhibu(Map.of(), "inspect", "src/test/resources/formats/003_xian.docx");
        assertEquals(0, run.exit(), run.err());
        JsonNode json = Json.MAPPER.readTree(run.out());
        assertEquals("关于推进党支部标准化规范化建设的指导意见", json.at("/metadata/title").asText());
        assertEquals("市组通字〔2020〕45号", json.at("/metadata/docNumber").asText());
        assertEquals("2020-07-15", json.at("/metadata/date").asText());
        assertTrue(json.get("text").asText().contains("党支部党员大会一般每季度召开1次"));
        assertEquals(75, json.get("clauses").findValues("number").stream().filter(n -> n.asText().matches("\\d+\\.")).count());
        assertEquals("12. 三会一课", json.at("/clauses").findValues("path").stream()
                .filter(p -> p.size() == 3 && p.get(2).asText().startsWith("12.")).findFirst().orElseThrow().get(2).asText());
        assertTrue(json.get("cases").isArray());
    }

    @Test
    void inspectOfABadFileSaysWhyInOneSentence(@TempDir Path dir) throws Exception {
        Path empty = java.nio.file.Files.createFile(dir.resolve("blank.docx"));
        Run run = zhibu(Map.of(), "inspect", empty.toString());
        assertEquals(1, run.exit());
        assertEquals("blank.docx is empty.", run.err().strip().lines().reduce((a, b) -> b).orElse(""));
    }

    @Test
    void withoutAJdk21TheLauncherSaysSoInOneSentence(@TempDir Path emptyJvmDir) throws Exception {
        Run run = zhibu(Map.of("JAVA_HOME", "/nonexistent", "PATH", "/usr/bin:/bin",
                "ZHIBU_JVM_DIR", emptyJvmDir.toString()), "inspect", "README.md");
        assertEquals(1, run.exit());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("zhibu: no JDK 21 or newer found"), run.err());
    }

    @Test
    void aRebuiltJarGetsANewClassArchive() throws Exception {
        Path jar = Path.of("target/zhibu.jar");
        Path archive = Path.of("target/zhibu-search.jsa");
        zhibu(Map.of(), "search", "--nothing"); // any run leaves the command's archive
        assertTrue(Files.isRegularFile(archive), "the first run wrote " + archive);
        // as a new build leaves them: the jar newer than the archive and than the jar the archive recorded
        java.time.Instant now = java.time.Instant.now();
        Files.setLastModifiedTime(archive, java.nio.file.attribute.FileTime.from(now.minusSeconds(3600)));
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.from(now));
        Run run = zhibu(Map.of(), "search", "--nothing");
        assertEquals(2, run.exit(), run.err());
        assertTrue(Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0,
                "the archive was written again for the new jar (the JVM keeps ignoring an old one instead)");
    }

    @Test
    void ingestIsIncrementalAndSearchPrintsTheApiObject(@TempDir Path dir) throws Exception {
        String index = dir.resolve("index").toString();
        Run first = zhibu(Map.of(), "ingest", "--data", DATA, "--index", index, "corpus");
        assertEquals(0, first.exit(), first.err());
        assertEquals(8, first.out().lines().filter(l -> l.startsWith("added ")).count(), first.out());
        Run second = zhibu(Map.of(), "ingest", "--data", DATA, "--index", index);
        assertEquals(8, second.out().lines().filter(l -> l.startsWith("unchanged ")).count(), second.out());

        Run search = zhibu(Map.of(), "search", "--data", DATA, "--index", index, "--json", "--limit", "3",
                "党员大会多久开一次");
        assertEquals(0, search.exit(), search.err());
        JsonNode json = Json.MAPPER.readTree(search.out());
        assertEquals("党员大会多久开一次", json.get("query").asText());
        assertEquals(3, json.get("hits").size());
        for (String field : List.of("id", "kind", "docId", "docTitle", "path", "text", "snippet", "score", "sentence")) {
            assertTrue(json.at("/hits/0").has(field), field);
        }
        assertEquals("每季度1次", json.at("/answer/value").asText(), json.toString());
        assertTrue(json.get("covered").asBoolean());
        assertTrue(json.at("/hits/0/snippet").asText().contains("<mark>"));
        assertTrue(json.at("/facets/branchType").size() > 0);

        java.nio.file.Files.write(dir.resolve("broken.pdf"), new byte[] {1, 2, 3});
        Run bad = zhibu(Map.of(), "ingest", "--data", DATA, "--index", index, dir.resolve("broken.pdf").toString());
        assertEquals(1, bad.exit());
        assertTrue(bad.err().lines().anyMatch(l -> l.startsWith("failed: broken.pdf")), bad.err());
        Run wrongLimit = zhibu(Map.of(), "search", "--data", DATA, "--index", index, "--limit", "many", "党费");
        assertEquals(2, wrongLimit.exit());
        assertTrue(wrongLimit.err().contains("--limit must be a whole number"), wrongLimit.err());
    }

    @Test
    void evalPrintsOneRowPerRunAndSetSideBySide() throws Exception {
        Run run = zhibu(Map.of(), "eval", "eval/dev-queries.tsv", "eval/dev-queries-2.tsv", "--data", DATA,
                "--analyzer", "hanlp,bigram,smartcn,lexical,dense,hybrid");
        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).matches("dev-queries\\.tsv\\s+queries\\s+Hit@1\\s+Hit@3\\s+Hit@10\\s+MRR@10"), lines.get(0));
        assertEquals(List.of("hanlp", "bigram", "smartcn", "lexical", "dense", "hybrid"),
                lines.subList(1, 7).stream().map(l -> l.strip().split("\\s+")[0]).toList());
        assertTrue(lines.get(7).startsWith("dev-queries-2.tsv"), lines.get(7));
        Run wrong = zhibu(Map.of(), "eval", "eval/dev-queries.tsv", "--analyzer", "bm42");
        assertEquals(2, wrong.exit());
        assertTrue(wrong.err().contains("unknown run 'bm42'"), wrong.err());
    }

    /** A running {@code ./zhibu serve}, the address it printed, and the file its error output goes to. */
    record Served(Process process, String url, Path errors) implements AutoCloseable {
        HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> request(String pathAndQuery) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(url + pathAndQuery)));
        }

        JsonNode get(String pathAndQuery) throws Exception {
            HttpResponse<String> response = request(pathAndQuery);
            if (response.statusCode() != 200) { // the server's own account of it, for whoever reads the failure
                String log = Files.exists(errors) ? Files.readString(errors) : "";
                assertEquals(200, response.statusCode(), pathAndQuery + " answered " + response.body() + "\nserver: "
                        + log.substring(Math.max(0, log.length() - 4000)));
            }
            return Json.MAPPER.readTree(response.body());
        }

        int port() {
            return URI.create(url).getPort();
        }

        @Override
        public void close() {
            process.destroy();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static Served serve(Path dir, Map<String, String> env, String... options) throws Exception {
        return serve(dir, Path.of(DATA), env, options);
    }

    /** Starts the server on a free port over {@code dir/index} with the data folder {@code data}. */
    static Served serve(Path dir, Path data, Map<String, String> env, String... options) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(new java.util.ArrayList<>(List.of("./zhibu", "serve", "--port", "0",
                "--index", dir.resolve("index").toString(), "--data", data.toString())));
        pb.command().addAll(List.of(options));
        pb.environment().putAll(env);
        Path errors = Files.createTempFile(dir, "serve-err", ".txt");
        pb.redirectError(errors.toFile());
        Process p = pb.start();
        var out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("listening on http://localhost:")) {
                return new Served(p, line.substring("listening on ".length()), errors);
            }
        }
        p.destroy();
        throw new AssertionError("serve never said where it listens: " + Files.readString(errors));
    }

    /**
     * A data folder of its own (originals, audit log, server file) with the vectors the build already computed, so
     * the corpus is not embedded again.
     */
    static Path freshData(Path dir) throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        for (String part : List.of("vectors", "native")) {
            Path from = Path.of(DATA).resolve(part);
            if (Files.isDirectory(from)) {
                try (var walk = Files.walk(from)) {
                    for (Path p : walk.toList()) {
                        Path to = data.resolve(part).resolve(from.relativize(p).toString());
                        if (Files.isDirectory(p)) {
                            Files.createDirectories(to);
                        } else {
                            Files.copy(p, to);
                        }
                    }
                }
            }
        }
        return data;
    }

    @Test
    void coursePacksSurviveAServerKilledWithSigkill(@TempDir Path dir) throws Exception {
        Path data = freshData(dir);
        String id;
        String token;
        JsonNode saved;
        try (Served site = serve(dir, data, Map.of())) {
            String body = "{\"title\": \"断电测试\", \"items\": [{\"type\": \"heading\", \"text\": \"一、开场\"},"
                    + " {\"type\": \"note\", \"text\": \"先讲制度\"}]}";
            JsonNode made = Json.MAPPER.readTree(site.send(HttpRequest.newBuilder(URI.create(site.url() + "/api/packs"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))).body());
            id = made.get("id").asText();
            token = made.get("editToken").asText();
            HttpResponse<String> put = site.send(HttpRequest.newBuilder(URI.create(site.url() + "/api/packs/" + id))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"title\": \"断电测试（二）\", \"version\": 1, \"items\": ["
                            + "{\"type\": \"note\", \"text\": \"先讲制度\"}, {\"type\": \"heading\", \"text\": \"一、开场\"}]}",
                            StandardCharsets.UTF_8)));
            assertEquals(200, put.statusCode(), put.body());
            saved = Json.MAPPER.readTree(put.body());
            site.process().destroyForcibly(); // SIGKILL: no shutdown hook, no clean close of the database
            assertTrue(site.process().waitFor(30, TimeUnit.SECONDS));
        }
        try (Served again = serve(dir, data, Map.of())) {
            assertEquals(saved, again.get("/api/packs/" + id));
            HttpResponse<String> stale = again.send(HttpRequest.newBuilder(URI.create(again.url() + "/api/packs/" + id))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"title\": \"旧版本\", \"version\": 1}", StandardCharsets.UTF_8)));
            assertEquals(409, stale.statusCode(), stale.body());
        }
    }

    @Test
    void serveIngestsTheCorpusAndAnswersOnThePortItPrintsWithNoNetwork(@TempDir Path dir) throws Exception {
        try (Served site = serve(dir, OFFLINE)) {
            assertEquals(8, site.get("/api/health").get("documents").asInt());
            JsonNode answer = site.get("/api/search?q=" + java.net.URLEncoder.encode("支委会多长时间召开一次",
                    StandardCharsets.UTF_8));
            assertEquals("每月1次", answer.at("/answer/value").asText(), answer.toString());
            var http = java.net.http.HttpClient.newHttpClient();
            var home = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(site.url() + "/")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertTrue(home.body().contains("/app.js"));
        }
    }

    @Test
    void serveWithNoVectorsSearchesByWordsAlone(@TempDir Path dir) throws Exception {
        try (Served site = serve(dir, Map.of(), "--no-vectors")) {
            JsonNode result = site.get("/api/search?q=" + java.net.URLEncoder.encode("党员大会多久开一次",
                    StandardCharsets.UTF_8));
            assertTrue(result.at("/hits/0/text").asText().contains("每季度召开1次"), result.toString());
            assertEquals("每季度1次", result.at("/answer/value").asText(), result.toString());
        }
    }
}
