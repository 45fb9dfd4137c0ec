package zhibu.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zhibu.testing.RunningSite.enc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zhibu.core.DocumentMetadata;
import zhibu.index.ZhibuIndex;
import zhibu.ingest.MetadataEdits;
import zhibu.testing.HostileFiles;
import zhibu.testing.Multipart;
import zhibu.testing.Paths;
import zhibu.testing.RunningSite;
import zhibu.vectors.Vectors;

/**
 * The write routes on the real server: uploads of good and hostile files through a child-process reader, the token,
 * the limits (401, 405, 413, 415, 400), deletion, re-reading, metadata corrections and the audit log; and the
 * errors Jetty answers itself, as JSON with the security headers.
 */
class AdminApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path folder;
    @TempDir
    static Path files;
    static RunningSite site;

    @BeforeAll
    static void start() throws Exception {
        site = new RunningSite(folder);
    }

    @AfterAll
    static void stop() throws Exception {
        site.close();
    }

    static JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertEquals(status, response.statusCode(), response.uri() + " → " + response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                response.uri() + " " + response.headers().map());
        return JSON.readTree(response.body());
    }

    /** An error answer: JSON, one sentence, the site's security headers. */
    static String error(HttpResponse<String> response, int status) throws Exception {
        String sentence = json(response, status).get("error").asText();
        assertEquals(-1, sentence.indexOf('\n'), sentence);
        assertTrue(sentence.endsWith("。") || sentence.endsWith("."), sentence);
        assertTrue(response.headers().firstValue("Content-Security-Policy").isPresent(), response.headers().map().toString());
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
        return sentence;
    }

    static Path named(String name, Path source) throws Exception {
        Path dir = Files.createTempDirectory(files, "upload");
        return Files.copy(source, dir.resolve(name));
    }

    static int hits(String query, String docId) throws Exception {
        JsonNode result = json(site.get("/api/search?q=" + enc(query) + "&docId=" + enc(docId)), 200);
        return result.get("total").asInt();
    }

    @Test
    void oneFileIsStoredByItsHashIndexedAndSearchableAtOnce() throws Exception {
        Path file = named("西安支部建设意见.docx", Paths.FORMATS.resolve("003_xian.docx"));
        JsonNode doc = json(site.upload(new Multipart().file(file)), 201);
        String id = doc.get("id").asText();
        assertEquals("关于推进党支部标准化规范化建设的指导意见", doc.get("title").asText());
        assertEquals("西安支部建设意见.docx", doc.get("source").asText());
        assertTrue(hits("党支部标准化规范化建设", id) > 0, "searchable without a restart");
        json(site.get("/api/documents/" + id), 200);

        String sha = doc.get("sha256").asText();
        try (var stored = Files.list(site.data().resolve("originals"))) {
            List<String> names = stored.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.contains(sha + ".docx"), "stored by its hash, never by the given name: " + names);
        }
        // the same file again: nothing new
        JsonNode again = json(site.upload(new Multipart().file(file)), 200);
        assertEquals(id, again.get("id").asText());
    }

    @Test
    void theTokenIsRequiredAndCheckedAndAdministrationCanBeOff() throws Exception {
        Multipart upload = new Multipart().file("x.txt", "关于x的通知\n一、党员大会每季度召开1次。\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(error(site.send("POST", "/api/documents", upload.body(), upload.contentType(), null), 401)
                .contains("需要管理员令牌"));
        assertTrue(error(site.send("POST", "/api/documents", upload.body(), upload.contentType(), "wrong-token-12345"),
                401).contains("不正确"));
        assertTrue(error(site.send("DELETE", "/api/documents/doc-9afa0e443136", HttpRequest.BodyPublishers.noBody(),
                null, "wrong-token-12345"), 401).contains("不正确"));
        json(site.get("/api/documents/doc-9afa0e443136"), 200);

        WebApp readOnly = new WebApp(Site.of(site.index(), Path.of("web"))).start(0);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + readOnly.port() + "/api/documents"))
                    .header("Authorization", "Bearer " + RunningSite.ADMIN_TOKEN)
                    .header("Content-Type", upload.contentType()).POST(upload.body()).expectContinue(true).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(error(response, 401).contains("管理功能未开启"));
        } finally {
            readOnly.stop();
        }
    }

    @Test
    void typesSizesMethodsAndBodiesHaveTheirStatus() throws Exception {
        assertTrue(error(site.upload(new Multipart().file(HostileFiles.pngImage(Files.createTempDirectory(files, "png")))),
                415).contains("photo.png"));
        assertTrue(error(site.upload(new Multipart().file("run.exe", new byte[] {'M', 'Z'})), 415).contains("run.exe"));
        assertTrue(error(site.send("POST", "/api/documents", HttpRequest.BodyPublishers.ofString("{}"),
                "application/json", RunningSite.ADMIN_TOKEN), 400).contains("file"));

        assertTrue(error(site.send("DELETE", "/api/search", HttpRequest.BodyPublishers.noBody(), null, null), 405)
                .contains("不接受 DELETE"));
        error(site.send("PUT", "/api/documents", HttpRequest.BodyPublishers.ofString("x"), "text/plain", null), 405);
        error(site.send("POST", "/api/health", HttpRequest.BodyPublishers.noBody(), null, null), 405);

        assertTrue(error(site.send("PUT", "/api/documents/doc-9afa0e443136/metadata",
                HttpRequest.BodyPublishers.ofString("{not json"), "application/json", RunningSite.ADMIN_TOKEN), 400)
                .contains("JSON"));
        assertTrue(error(site.send("PUT", "/api/documents/doc-9afa0e443136/metadata",
                HttpRequest.BodyPublishers.ofString("{\"status\":\"作废\"}"), "application/json",
                RunningSite.ADMIN_TOKEN), 400).contains("status"));
        assertTrue(error(site.send("PUT", "/api/documents/doc-9afa0e443136/metadata",
                HttpRequest.BodyPublishers.ofString("{\"branchTypes\":[\"火星\"]}"), "application/json",
                RunningSite.ADMIN_TOKEN), 400).contains("火星"));
        error(site.send("DELETE", "/api/documents/no-such-doc", HttpRequest.BodyPublishers.noBody(), null,
                RunningSite.ADMIN_TOKEN), 404);

        // a site that takes 1 MB: a 2 MB file is 413 and nothing of it stays
        Path data = Files.createDirectories(folder.resolve("small-data"));
        WebApp small = new WebApp(new Site(site.index(), Path.of("web"), data, RunningSite.ADMIN_TOKEN, null, 1L << 20,
                MetadataEdits.open(data.resolve("metadata-edits.tsv")), null)).start(0);
        try {
            Path big = HostileFiles.hugeText(Files.createTempDirectory(files, "big"), 2);
            Multipart upload = new Multipart().file(big);
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + small.port() + "/api/documents"))
                    .header("Authorization", "Bearer " + RunningSite.ADMIN_TOKEN)
                    .header("Content-Type", upload.contentType()).POST(upload.body()).expectContinue(true).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(error(response, 413).contains("1 MB"));
            try (var stored = Files.list(data.resolve("originals"))) {
                assertEquals(0, stored.count(), "nothing of a refused upload is kept");
            } catch (java.nio.file.NoSuchFileException none) {
                // nothing stored at all
            }
        } finally {
            small.stop();
        }
    }

    @Test
    void aHostileBatchFailsFileByFileAndTheGoodFilesAreIngested() throws Exception {
        Path dir = Files.createTempDirectory(files, "batch");
        List<Path> hostile = List.of(HostileFiles.zipBombDocx(dir, 2048), HostileFiles.entityBombDocx(dir),
                HostileFiles.randomBytesNamedPdf(dir), HostileFiles.truncatedDocx(dir), HostileFiles.encryptedPdf(dir),
                HostileFiles.imageOnlyPdf(dir), HostileFiles.binaryText(dir), HostileFiles.emptyFile(dir));
        Path spaces = HostileFiles.lineOfSpaces(dir);
        Path nested = HostileFiles.nestedHtml(dir, 100_000);
        Path scripted = HostileFiles.scriptedHtml(dir);
        Path good = named("苏州机关党建.html", Paths.FORMATS.resolve("004_suzhou_gov_page.html"));

        // each hostile file alone: 400, one sentence naming it
        for (Path file : hostile) {
            String sentence = error(site.upload(new Multipart().file(file)), 400);
            assertTrue(sentence.contains(file.getFileName().toString()), sentence);
        }
        // all together with good files: each its own outcome
        Multipart batch = new Multipart();
        hostile.forEach(batch::file);
        List.of(spaces, nested, scripted, good).forEach(batch::file);
        JsonNode answer = json(site.upload(batch), 200);
        Map<String, JsonNode> byFile = new java.util.HashMap<>();
        answer.get("files").forEach(f -> byFile.put(f.get("file").asText(), f));
        for (Path file : hostile) {
            JsonNode outcome = byFile.get(file.getFileName().toString());
            assertTrue(outcome.has("error") && !outcome.has("document"), outcome.toString());
        }
        List<String> ids = new ArrayList<>();
        for (Path file : List.of(spaces, scripted, good)) {
            JsonNode outcome = byFile.get(file.getFileName().toString());
            assertTrue(outcome.has("document"), outcome.toString());
            ids.add(outcome.at("/document/id").asText());
        }
        json(site.get("/api/health"), 200);
        assertTrue(hits("支部委员会会议一般每月召开1次", ids.get(0)) > 0, "the text around the line of spaces");
        assertTrue(hits("主题党日活动", ids.get(1)) > 0);
        assertTrue(hits("机关党建", ids.get(2)) > 0);

        // the page's script is text at most, never markup
        JsonNode page = json(site.get("/api/documents/" + ids.get(1)), 200);
        assertFalse(page.toString().contains("<script"), page.toString());
        assertFalse(page.toString().contains("javascript:"), page.toString());
    }

    @Test
    void deleteReingestAndCorrectMetadataAreAudited() throws Exception {
        Path file = named("临时通知.txt", Paths.FORMATS.resolve("000_jingzhou_gb18030.txt"));
        String id = json(site.upload(new Multipart().file(file)), 201).get("id").asText();

        JsonNode edited = json(site.send("PUT", "/api/documents/" + id + "/metadata", HttpRequest.BodyPublishers.ofString(
                "{\"status\":\"已修订\",\"branchTypes\":[\"高校\",\"机关\"],\"region\":\"湖北省荆州市\"}"),
                "application/json", RunningSite.ADMIN_TOKEN), 200);
        assertEquals("已修订", edited.get("status").asText());
        assertEquals(List.of("机关", "高校"), JSON.convertValue(edited.get("branchTypes"), List.class));
        assertEquals("湖北省荆州市", edited.get("region").asText());
        assertTrue(Files.readString(site.data().resolve("metadata-edits.tsv")).contains(id + "\t已修订"));
        JsonNode hit = json(site.get("/api/search?q=" + enc("党支部") + "&docId=" + id + "&limit=1"), 200).at("/hits/0");
        assertEquals(id, hit.get("docId").asText());
        assertTrue(DocumentMetadata.STATUSES.contains(edited.get("status").asText()));

        json(site.send("POST", "/api/documents/" + id + "/reingest", HttpRequest.BodyPublishers.noBody(), null,
                RunningSite.ADMIN_TOKEN), 200);
        assertEquals("已修订", json(site.get("/api/documents/" + id), 200).get("status").asText(),
                "a correction outlives reading the file again");

        assertEquals(id, json(site.send("DELETE", "/api/documents/" + id, HttpRequest.BodyPublishers.noBody(), null,
                RunningSite.ADMIN_TOKEN), 200).get("deleted").asText());
        error(site.get("/api/documents/" + id), 404);
        assertEquals(0, hits("党支部", id));

        JsonNode audit = json(site.send("GET", "/api/admin/audit", HttpRequest.BodyPublishers.noBody(), null,
                RunningSite.ADMIN_TOKEN), 200).get("actions");
        List<String> actions = new ArrayList<>();
        audit.forEach(a -> {
            if (a.get("target").asText().contains(id)) {
                actions.add(a.get("action").asText() + " " + a.get("result").asText());
                assertTrue(a.get("who").asText().startsWith("admin:"), a.toString());
                assertTrue(a.has("time"), a.toString());
            }
        });
        assertEquals(List.of("delete deleted", "reingest replaced", "metadata replaced", "upload added"), actions);
        assertFalse(Files.readString(site.data().resolve("audit.log")).contains(RunningSite.ADMIN_TOKEN),
                "the log names the token by its hash only");
    }

    @Test
    void everyInputStaysInItsLane() throws Exception {
        String id = "doc-9afa0e443136";
        String put = "/api/documents/" + id + "/metadata";
        Path edits = site.data().resolve("metadata-edits.tsv");
        String before = Files.exists(edits) ? Files.readString(edits) : "";
        // a line break in a field would have written a second row marking another document 已废止
        assertTrue(error(site.json("PUT", put, "{\"region\": \"湖南省\\n003-0f11226629500d74\\t已废止\"}",
                RunningSite.ADMIN_TOKEN), 400).contains("region"));
        assertEquals(before, Files.exists(edits) ? Files.readString(edits) : "", "nothing written");
        assertEquals("现行有效", json(site.get("/api/documents/003-699736ca32203df9"), 200).get("status").asText());
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new MetadataEdits.Edit("已废止\n", null, null)).getMessage().contains("control"),
                "the file's own guard, whatever the caller checked");

        // JSON routes take JSON declared as such, and nothing after it: a cross-site form cannot make a pack
        assertTrue(error(site.send("POST", "/api/packs", HttpRequest.BodyPublishers.ofString("{\"title\": \"表单\"}"),
                "text/plain", null), 415).contains("application/json"));
        error(site.send("POST", "/api/packs", HttpRequest.BodyPublishers.ofString("title=x"),
                "application/x-www-form-urlencoded", null), 415);
        assertTrue(error(site.json("POST", "/api/packs", "{\"title\": \"甲\"} {\"title\": \"乙\"}", null), 400)
                .contains("多余"));
        error(site.json("POST", "/api/packs", "{\"title\": \"甲\"} garbage", null), 400);
        assertTrue(error(site.json("POST", "/api/packs", "{\"title\": \"甲\\u0000乙\"}", null), 400)
                .contains("控制字符"), "NUL, refused the same on SQLite and PostgreSQL: before either sees it");
        assertTrue(error(site.json("POST", "/api/packs", "{\"items\": [{\"type\": \"note\", \"text\": \"甲\\u0000\"}]}",
                null), 400).contains("第 1 项"));

        // upload names: a control character and 10,000 characters, each said as such
        Multipart control = new Multipart().file("通知\u0001.txt", "关于x的通知\n一、党员大会每季度召开1次。\n"
                .getBytes(StandardCharsets.UTF_8));
        assertTrue(error(site.upload(control), 400).contains("控制字符"));
        Multipart longName = new Multipart().file("长".repeat(10_000) + ".txt", "关于x的通知\n一、党员大会每季度召开1次。\n"
                .getBytes(StandardCharsets.UTF_8));
        assertTrue(error(site.upload(longName), 400).contains("文件名过长"));

        // a long id is a long address, not a long question
        String sentence = error(site.get("/api/clauses/" + "a".repeat(20_000)), 414);
        assertTrue(sentence.startsWith("网址过长"), sentence);

        // refused attempts are audited
        error(site.send("DELETE", "/api/documents/" + id, HttpRequest.BodyPublishers.noBody(), null,
                "not-the-token-0000"), 401);
        assertTrue(Files.readAllLines(site.data().resolve("audit.log")).stream().anyMatch(l ->
                l.contains("(wrong token)") && l.contains("DELETE /api/documents/" + id) && l.contains("401")));
    }

    @Test
    void theJsonLimitIsTheDocumentedPackLimits() throws Exception {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < zhibu.packs.PackDraft.MAX_ITEMS; i++) {
            items.append(i == 0 ? "" : ",").append("{\"type\": \"note\", \"text\": \"")
                    .append(String.valueOf((char) ('一' + i % 50)).repeat(zhibu.packs.PackDraft.MAX_NOTE)).append("\"}");
        }
        String largest = "{\"title\": \"最大的课程包\", \"items\": [" + items + "]}";
        JsonNode made = json(site.json("POST", "/api/packs", largest, null), 201);
        assertEquals(zhibu.packs.PackDraft.MAX_ITEMS, made.get("items").size(), "300 notes of 5,000 characters");
        String escaped = largest.chars().mapToObj(c -> c < 128 ? String.valueOf((char) c)
                : String.format("\\u%04x", c)).collect(java.util.stream.Collectors.joining());
        json(site.json("POST", "/api/packs", escaped, null), 201); // the same, every character escaped: 9 MB
        String over = "{\"title\": \"" + "x".repeat((int) JsonSupport.MAX_BODY_BYTES) + "\"}";
        String sentence = error(site.json("POST", "/api/packs", over, null), 413);
        assertTrue(sentence.contains("300 项") && sentence.contains("MB"), sentence);
    }

    @Test
    void aRefusedUploadIsReadSoAClientSendingItWholeGetsThe413() throws Exception {
        Path data = Files.createDirectories(folder.resolve("drain-data"));
        WebApp small = new WebApp(new Site(site.index(), Path.of("web"), data, RunningSite.ADMIN_TOKEN, null, 1L << 20,
                MetadataEdits.open(data.resolve("metadata-edits.tsv")), null)).start(0);
        try {
            byte[] content = new byte[6 << 20];
            java.util.Arrays.fill(content, (byte) 'x');
            Multipart upload = new Multipart().file("big.txt", content);
            var collected = new java.io.ByteArrayOutputStream();
            upload.body().subscribe(new java.util.concurrent.Flow.Subscriber<>() {
                @Override
                public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
                    s.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(java.nio.ByteBuffer b) {
                    byte[] bytes = new byte[b.remaining()];
                    b.get(bytes);
                    collected.writeBytes(bytes);
                }

                @Override
                public void onError(Throwable t) {
                }

                @Override
                public void onComplete() {
                }
            });
            byte[] body = collected.toByteArray();
            for (boolean declared : new boolean[] {true, false}) {
                // like Python's urllib: the whole body first, no Expect: 100-continue, then the answer
                try (java.net.Socket socket = new java.net.Socket("localhost", small.port())) {
                    socket.setSoTimeout(60_000);
                    var out = socket.getOutputStream();
                    String head = "POST /api/documents HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: Bearer "
                            + RunningSite.ADMIN_TOKEN + "\r\nContent-Type: " + upload.contentType() + "\r\n"
                            + (declared ? "Content-Length: " + body.length + "\r\n" : "Transfer-Encoding: chunked\r\n")
                            + "\r\n";
                    out.write(head.getBytes(StandardCharsets.US_ASCII));
                    if (declared) {
                        out.write(body);
                    } else {
                        for (int at = 0; at < body.length; at += 1 << 16) {
                            int n = Math.min(1 << 16, body.length - at);
                            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                            out.write(body, at, n);
                            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        }
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                    String answer = new String(socket.getInputStream().readNBytes(4096), StandardCharsets.UTF_8);
                    assertTrue(answer.startsWith("HTTP/1.1 413"), (declared ? "with" : "without") + " a length: " + answer);
                    assertTrue(answer.contains("1 MB"), answer);
                }
            }
        } finally {
            small.stop();
        }
    }

    /** Every requirement of a checklist as the API answers it: the branch's items, or its 各地做法. */
    static List<String> checklistTexts(String query, String part) throws Exception {
        List<String> texts = new ArrayList<>();
        json(site.get("/api/checklist?branchType=" + enc("高校") + "&members=30" + query), 200).get(part)
                .forEach(i -> texts.add(i.get("requirement").asText()));
        return texts;
    }

    /**
     * Whether a checklist comes to hold a rule: after a change the checklists answer from the requirements before
     * while they are extracted again in the background.
     */
    static boolean awaitItem(String query, String rule) throws Exception {
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
        while (checklistTexts(query, "items").stream().noneMatch(t -> t.contains(rule))) {
            if (System.nanoTime() > until) {
                return false;
            }
            Thread.sleep(200);
        }
        return true;
    }

    @Test
    void aCountysDocumentBindsOnlyThatCountysBranches() throws Exception {
        String rule = "党支部每季度开展1次网络安全专题学习";
        Path file = Files.createTempDirectory(files, "county").resolve("浏阳网络安全.txt");
        Files.writeString(file, "关于加强党支部网络安全教育的通知\n\n一、" + rule + "。\n\n中共浏阳市委组织部\n2026年11月1日\n",
                StandardCharsets.UTF_8);
        JsonNode doc = json(site.upload(new Multipart().file(file)), 201);
        String id = doc.get("id").asText();
        assertEquals("湖南省长沙市浏阳市", doc.get("region").asText(), "the jurisdiction is read from the issuer");
        boolean listed = false;
        for (JsonNode d : json(site.get("/api/documents"), 200)) {
            assertTrue(d.has("region") && d.hasNonNull("status"), "each document has its region and status: " + d);
            if (d.get("id").asText().equals(id)) {
                listed = true;
                assertEquals("湖南省长沙市浏阳市", d.get("region").asText());
                assertEquals("现行有效", d.get("status").asText());
            }
        }
        assertTrue(listed);

        String county = "&region=" + enc("浏阳市");
        assertTrue(awaitItem(county, rule), "the county's own branches");
        for (String elsewhere : List.of("长沙市", "湖南省", "宁乡市", "西安市")) {
            String region = "&region=" + enc(elsewhere);
            assertTrue(checklistTexts(region, "items").stream().noneMatch(t -> t.contains(rule)), elsewhere);
            assertTrue(checklistTexts(region, "references").stream().noneMatch(t -> t.contains(rule)), elsewhere);
        }
        assertTrue(checklistTexts("", "items").stream().noneMatch(t -> t.contains(rule)),
                "without a region a local rule is never the branch's own");
        assertTrue(checklistTexts("", "references").stream().anyMatch(t -> t.contains(rule)), "it is among 各地做法");

        // an administrator moves it to another county: it follows
        String put = "/api/documents/" + id + "/metadata";
        JsonNode moved = json(site.send("PUT", put, HttpRequest.BodyPublishers.ofString("{\"region\":\"宁乡市\"}"),
                "application/json", RunningSite.ADMIN_TOKEN), 200);
        assertEquals("湖南省长沙市宁乡市", moved.get("region").asText(), "stored by its full name");
        assertTrue(awaitItem("&region=" + enc("宁乡市"), rule));
        assertTrue(checklistTexts(county, "items").stream().noneMatch(t -> t.contains(rule)));
        assertTrue(error(site.send("PUT", put, HttpRequest.BodyPublishers.ofString("{\"region\":\"火星市\"}"),
                "application/json", RunningSite.ADMIN_TOKEN), 400).contains("region"));
        assertTrue(error(site.get("/api/checklist?branchType=" + enc("高校") + "&members=30&region=" + enc("鼓楼区")), 400)
                .contains("region"), "a name several places share is one sentence naming the parameter");
        json(site.send("DELETE", "/api/documents/" + id, HttpRequest.BodyPublishers.noBody(), null,
                RunningSite.ADMIN_TOKEN), 200);
    }

    @Test
    void jettysOwnErrorsAreJsonWithTheSecurityHeaders() throws Exception {
        String longUrl = "/api/search?q=" + "党".repeat(9000);
        assertTrue(error(site.get(longUrl), 414).contains("网址过长"));
        HttpResponse<String> bigHeader = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(site.base() + "/api/health")).header("X-Padding", "x".repeat(40_000)).build(),
                HttpResponse.BodyHandlers.ofString());
        error(bigHeader, 431);
        assertTrue(error(site.get("/api/search?q=" + enc("党".repeat(300))), 400).contains("q"));
        assertTrue(error(site.get("/api/search?q=" + enc("党员") + "&limit=100000"), 400).contains("limit"));
        assertTrue(error(site.get("/api/search?q=" + enc("党员") + "&offset=-1"), 400).contains("offset"));
    }

    @Test
    void anEmptyIndexAnswersEmptyResults() throws Exception {
        try (ZhibuIndex empty = ZhibuIndex.inMemory(zhibu.analysis.AnalyzerChoice.HANLP, Vectors.off())) {
            WebApp app = new WebApp(empty, Path.of("web")).start(0);
            try {
                HttpClient http = HttpClient.newHttpClient();
                for (String path : List.of("/api/search?q=" + enc("党员大会多久开一次"), "/api/cases", "/api/documents",
                        "/api/checklist?branchType=" + enc("高校") + "&members=30", "/api/suggest?q=" + enc("党"), "/api/health")) {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port()
                            + path)).build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, r.statusCode(), path + " → " + r.body());
                }
            } finally {
                app.stop();
            }
        }
    }
}
