package zhibu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher as users run it, after the jar is packaged. */
class LauncherIT {
    record Run(int exit, String out, String err) {
    }

    static Run zhibu(Map<String, String> env, String... args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(new java.util.ArrayList<>(List.of("./zhibu")));
        pb.command().addAll(List.of(args));
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        var out = p.getInputStream().readAllBytes();
        var err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "launcher finished");
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
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
    void ingestIsIncrementalAndSearchPrintsTheApiObject(@TempDir Path dir) throws Exception {
        String index = dir.resolve("index").toString();
        Run first = zhibu(Map.of(), "ingest", "--index", index, "corpus");
        assertEquals(0, first.exit(), first.err());
        assertEquals(8, first.out().lines().filter(l -> l.startsWith("added ")).count(), first.out());
        Run second = zhibu(Map.of(), "ingest", "--index", index);
        assertEquals(8, second.out().lines().filter(l -> l.startsWith("unchanged ")).count(), second.out());

        Run search = zhibu(Map.of(), "search", "--index", index, "--json", "--limit", "3", "党员大会多久开一次");
        assertEquals(0, search.exit(), search.err());
        JsonNode json = Json.MAPPER.readTree(search.out());
        assertEquals("党员大会多久开一次", json.get("query").asText());
        assertEquals(3, json.get("hits").size());
        for (String field : List.of("id", "kind", "docId", "docTitle", "path", "text", "snippet", "score")) {
            assertTrue(json.at("/hits/0").has(field), field);
        }
        assertTrue(json.at("/hits/0/snippet").asText().contains("<mark>"));
        assertTrue(json.at("/facets/branchType").size() > 0);

        java.nio.file.Files.write(dir.resolve("broken.pdf"), new byte[] {1, 2, 3});
        Run bad = zhibu(Map.of(), "ingest", "--index", index, dir.resolve("broken.pdf").toString());
        assertEquals(1, bad.exit());
        assertTrue(bad.err().lines().anyMatch(l -> l.startsWith("failed: broken.pdf")), bad.err());
        Run wrongLimit = zhibu(Map.of(), "search", "--index", index, "--limit", "many", "党费");
        assertEquals(2, wrongLimit.exit());
        assertTrue(wrongLimit.err().contains("--limit must be a whole number"), wrongLimit.err());
    }

    @Test
    void evalPrintsOneRowPerAnalyzer() throws Exception {
        Run run = zhibu(Map.of(), "eval", "eval/dev-queries.tsv", "--analyzer", "hanlp,bigram,smartcn");
        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).matches("analyzer\\s+queries\\s+Hit@1\\s+Hit@3\\s+Hit@10\\s+MRR@10"), lines.get(0));
        assertEquals(List.of("hanlp", "bigram", "smartcn"), lines.subList(1, 4).stream().map(l -> l.split("\\s+")[0]).toList());
    }

    @Test
    void serveIngestsTheCorpusAndAnswersOnThePortItPrints(@TempDir Path dir) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("./zhibu", "serve", "--port", "0", "--index", dir.resolve("index").toString());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        try {
            var out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            String listening = null;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("listening on http://localhost:")) {
                    listening = line.substring("listening on ".length());
                    break;
                }
            }
            assertTrue(listening != null, "serve never said where it listens");
            var http = java.net.http.HttpClient.newHttpClient();
            var health = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(listening + "/api/health")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            JsonNode json = Json.MAPPER.readTree(health.body());
            assertEquals(8, json.get("documents").asInt());
            var home = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(listening + "/")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertTrue(home.body().contains("/app.js"));
        } finally {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
