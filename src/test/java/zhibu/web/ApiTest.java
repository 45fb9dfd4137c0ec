package zhibu.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zhibu.testing.RunningSite.enc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import zhibu.testing.RunningSite;

/** Every route of the API on the real server, including the 400s and 404s. */
class ApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path folder;
    static RunningSite site;

    @BeforeAll
    static void start() throws Exception {
        site = new RunningSite(folder);
    }

    @AfterAll
    static void stop() throws Exception {
        site.close();
    }

    static JsonNode json(String path, int status) throws Exception {
        HttpResponse<String> response = site.get(path);
        assertEquals(status, response.statusCode(), path + " → " + response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), path);
        return JSON.readTree(response.body());
    }

    @Test
    void health() throws Exception {
        JsonNode health = json("/api/health", 200);
        assertEquals("ok", health.get("status").asText());
        assertEquals(9, health.get("documents").asInt());
        assertTrue(health.get("clauses").asInt() > 400);
        assertEquals(10, health.get("cases").asInt());
    }

    @Test
    void whatOnlyTheExperienceMaterialsStateIsShownAsExperience() throws Exception {
        JsonNode experience = json("/api/search?q=" + enc("党课开讲啦是什么活动"), 200);
        JsonNode passage = experience.get("fromCases");
        assertTrue(passage.get("sentence").asText().contains("党课开讲啦"), passage.toString());
        json("/api/cases/" + passage.get("caseId").asText(), 200);
        assertFalse(passage.get("title").asText().isBlank(), passage.toString());
        for (String q : List.of("党员大会多久开一次", "入党需要几名介绍人", "外国国籍的人可以入党吗")) {
            assertTrue(json("/api/search?q=" + enc(q), 200).get("fromCases").isNull(), q);
        }
    }

    @Test
    void aPlaceTheQuestionNamesIsAFilterTheUserCanTakeOff() throws Exception {
        JsonNode named = json("/api/search?q=" + enc("湖南换届提醒提前多久"), 200);
        assertEquals("place", named.at("/constraints/0/kind").asText(), named.get("constraints").toString());
        assertEquals("湖南", named.at("/constraints/0/value").asText());
        assertTrue(named.at("/constraints/0/applied").asBoolean());
        String hunan = named.at("/hits/0/docTitle").asText();
        assertTrue(hunan.contains("五化"), "湖南's document first: " + hunan);
        named.get("answer").get("variants").forEach(v -> v.get("sources").forEach(src ->
                assertEquals(hunan, src.get("docTitle").asText(), "the card from the named place: " + src)));

        JsonNode all = json("/api/search?q=" + enc("湖南换届提醒提前多久") + "&constraints=none", 200);
        assertFalse(all.at("/constraints/0/applied").asBoolean(), all.get("constraints").toString());
        java.util.Set<String> titles = new java.util.HashSet<>();
        all.get("answer").get("variants").forEach(v -> v.get("sources").forEach(src ->
                titles.add(src.get("docTitle").asText())));
        assertTrue(titles.size() > 1, "every place's reminder again: " + titles);

        JsonNode none = json("/api/search?q=" + enc("换届提醒提前多久"), 200);
        assertEquals(0, none.get("constraints").size(), "no place named, no constraint");
    }

    @Test
    void aDocumentTheQuestionNamesIsAFilterTooAndItsNameIsNotSearchedFor() throws Exception {
        String q = enc("党员教育管理条例对党课有什么要求");
        JsonNode named = json("/api/search?q=" + q, 200);
        assertEquals("document", named.at("/constraints/0/kind").asText(), named.get("constraints").toString());
        assertEquals("只看：《中国共产党党员教育管理工作条例》", named.at("/constraints/0/label").asText());
        assertTrue(named.at("/constraints/0/applied").asBoolean());
        for (JsonNode hit : List.of(named.at("/hits/0"), named.at("/hits/1"))) {
            assertEquals("中国共产党党员教育管理工作条例", hit.get("docTitle").asText(), hit.toString());
        }
        // the title's words steer, they are not matched: the first hit is a rule, not the line holding the title
        assertFalse(named.at("/hits/0/text").asText().startsWith("《"), named.at("/hits/0").toString());
        assertEquals("中国共产党党员教育管理工作条例", named.at("/answer/docTitle").asText());

        JsonNode all = json("/api/search?q=" + q + "&constraints=none", 200);
        assertFalse(all.at("/constraints/0/applied").asBoolean(), all.get("constraints").toString());
        // a 条例 that is not bundled names nothing
        assertEquals(0, json("/api/search?q=" + enc("党支部工作条例规定支委会任期几年"), 200).get("constraints").size());
    }

    @Test
    void searchAnswersTheContractsShape() throws Exception {
        JsonNode result = json("/api/search?q=" + enc("党员大会多久开一次"), 200);
        assertEquals("党员大会多久开一次", result.get("query").asText());
        assertTrue(result.get("total").asInt() > 0);
        assertEquals("eq", result.get("totalRelation").asText(), result.get("total").toString());
        // 党支部 and 党员 are in most clauses: the first stage kept its best and says the total is a lower bound
        assertEquals("gte", json("/api/search?q=" + enc("党支部的党员"), 200).get("totalRelation").asText());
        assertTrue(result.has("tookMs"));
        JsonNode top = result.at("/hits/0");
        for (String field : List.of("id", "kind", "docId", "docTitle", "path", "text", "snippet", "score", "sentence")) {
            assertTrue(top.has(field), field);
        }
        assertEquals(top.get("sentence").asText(), top.get("text").asText().substring(top.get("sentenceStart").asInt(),
                top.get("sentenceEnd").asInt()));
        assertTrue(result.get("covered").asBoolean());
        JsonNode answer = result.get("answer");
        for (String field : List.of("sentence", "value", "clauseId", "docTitle", "path", "variants")) {
            assertTrue(answer.has(field), field);
        }
        assertEquals("每季度1次", answer.get("value").asText());
        assertTrue(answer.at("/variants/0/sources").size() > 0);
        assertEquals("clause", top.get("kind").asText());
        assertTrue(top.get("text").asText().contains("党员大会一般每季度召开1次"), top.toString());
        assertTrue(top.get("snippet").asText().contains("<mark>"));
        for (String facet : List.of("docTitle", "branchType", "kind")) {
            assertTrue(result.at("/facets/" + facet).size() > 0, facet);
        }
        JsonNode campus = json("/api/search?q=" + enc("党支部书记") + "&branchType=" + enc("高校") + "&limit=5&offset=5", 200);
        assertEquals(5, campus.get("hits").size());
        campus.get("hits").forEach(h -> assertTrue(h.toString().contains("高校")));
        JsonNode cases = json("/api/search?q=" + enc("积分") + "&kind=case", 200);
        assertEquals("case", cases.at("/hits/0/kind").asText());
        JsonNode oneDoc = json("/api/search?q=" + enc("党费") + "&docId=doc-9afa0e443136", 200);
        oneDoc.get("hits").forEach(h -> assertEquals("doc-9afa0e443136", h.get("docId").asText()));
    }

    @Test
    void hitsCarryWhatTheResultPageShowsWithoutTheDocumentList() throws Exception {
        JsonNode result = json("/api/search?q=" + enc("党员大会多久开一次"), 200);
        Map<String, JsonNode> docs = new java.util.HashMap<>();
        json("/api/documents", 200).forEach(d -> docs.put(d.get("id").asText(), d));
        result.get("hits").forEach(h -> {
            JsonNode doc = docs.get(h.get("docId").asText());
            assertEquals(doc.get("kind").asText(), h.get("docKind").asText(), h.toString());
            assertEquals(doc.get("status").asText(), h.get("status").asText(), h.toString());
        });
        JsonNode answer = result.get("answer");
        assertEquals(docs.get(answer.get("docId").asText()).get("status").asText(), answer.get("docStatus").asText());
        // the documents of the hits, by id, with title and issuer: together they count what the docTitle facet counts
        JsonNode documents = result.get("documents");
        assertTrue(documents.size() >= 2, documents.toString());
        int byTitle = 0;
        for (JsonNode n : result.at("/facets/docTitle")) {
            byTitle += n.asInt();
        }
        int byId = 0;
        for (JsonNode d : documents) {
            JsonNode doc = docs.get(d.get("docId").asText());
            assertEquals(doc.get("title").asText(), d.get("docTitle").asText());
            assertEquals(doc.get("issuer").asText(), d.get("issuer").asText());
            byId += d.get("count").asInt();
        }
        assertEquals(byTitle, byId, documents.toString());
    }

    @Test
    void theDocumentListComesInPagesWithItsTotalInAHeader() throws Exception {
        JsonNode all = json("/api/documents", 200);
        HttpResponse<String> page = site.get("/api/documents?limit=3&offset=2");
        assertEquals(200, page.statusCode());
        assertEquals(String.valueOf(all.size()), page.headers().firstValue("X-Total-Count").orElse(""));
        JsonNode three = JSON.readTree(page.body());
        assertEquals(3, three.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(all.get(i + 2), three.get(i));
        }
        assertEquals(all.size() - 8, json("/api/documents?limit=50&offset=8", 200).size());
        assertEquals(0, json("/api/documents?limit=5&offset=100", 200).size());
        JsonNode first = json("/api/documents?limit=2", 200);
        assertEquals(List.of(all.get(0), all.get(1)), List.of(first.get(0), first.get(1)), "limit alone is the first page");
        assertEquals(2, first.size());
    }

    @Test
    void aQuestionTheDocumentsDoNotCoverSaysSoWithTheWordsTheyLackAndSuggestions() throws Exception {
        JsonNode result = json("/api/search?q=" + enc("量子计算机区块链"), 200);
        assertFalse(result.get("covered").asBoolean(), result.toString());
        assertTrue(result.get("answer").isNull());
        assertTrue(result.get("absentWords").toString().contains("量子计算机"), result.get("absentWords").toString());
        assertTrue(result.get("suggestions").size() > 0, result.toString());
        JsonNode none = json("/api/search?q=" + enc("量子计算机区块链") + "&docId=no-such-document", 200);
        assertEquals(0, none.get("total").asInt());
        assertTrue(none.get("suggestions").size() > 0, none.toString());
    }

    @Test
    void echoedQueriesAndSnippetsAreEscaped() throws Exception {
        JsonNode result = json("/api/search?q=" + enc("<script>alert(1)</script> 测试条文"), 200);
        JsonNode hit = result.at("/hits/0");
        assertTrue(hit.get("text").asText().contains(RunningSite.HOSTILE_MARKUP));
        assertFalse(hit.get("snippet").asText().contains("<img"), hit.toString());
        assertTrue(hit.get("snippet").asText().contains("&lt;img"), hit.toString());
    }

    @Test
    void suggestCompletesChineseAndPinyin() throws Exception {
        assertEquals("三会一课", json("/api/suggest?q=shyk", 200).at("/suggestions/0").asText());
        assertEquals("主题党日", json("/api/suggest?q=ztdr", 200).at("/suggestions/0").asText());
        assertTrue(json("/api/suggest?q=sanhui", 200).get("suggestions").toString().contains("三会一课"));
        JsonNode chinese = json("/api/suggest?q=" + enc("民主"), 200).get("suggestions");
        assertTrue(chinese.size() > 0 && chinese.size() <= 10);
        chinese.forEach(s -> assertTrue(s.asText().startsWith("民主") || s.asText().contains("民主"), s.asText()));
    }

    @Test
    void aClauseWithItsChildrenAndTheSameMatterElsewhere() throws Exception {
        JsonNode clause = json("/api/clauses/003-699736ca32203df9.a1.s3.i12", 200);
        assertEquals("三会一课", clause.get("heading").asText());
        assertEquals("12. 三会一课", clause.at("/path/2").asText());
        for (String field : List.of("id", "docId", "docTitle", "number", "heading", "path", "text", "parentId",
                "prevId", "nextId", "branchTypes", "children", "related")) {
            assertTrue(clause.has(field), field);
        }
        List<String> relatedDocs = new ArrayList<>();
        clause.get("related").forEach(r -> {
            assertTrue(r.has("docTitle") && r.has("path"));
            relatedDocs.add(r.get("docId").asText());
        });
        assertFalse(relatedDocs.contains("003-699736ca32203df9"));
        assertTrue(clause.get("related").toString().contains("讲党课每半年至少1次"), clause.get("related").toString());

        JsonNode parent = json("/api/clauses/" + clause.get("parentId").asText(), 200);
        assertTrue(parent.get("children").toString().contains("003-699736ca32203df9.a1.s3.i12"));
    }

    @Test
    void documentsAndOutline() throws Exception {
        JsonNode list = json("/api/documents", 200);
        assertEquals(9, list.size());
        assertTrue(list.get(0).has("sha256") && list.get(0).has("branchTypes"));
        JsonNode doc = json("/api/documents/003-699736ca32203df9", 200);
        assertEquals("市组通字〔2020〕45号", doc.get("docNumber").asText());
        JsonNode outline = doc.get("outline");
        assertTrue(outline.size() >= 5);
        assertTrue(outline.toString().contains("\"number\":\"12.\""));
        for (String field : List.of("id", "number", "heading", "children")) {
            assertTrue(outline.get(1).has(field), field);
        }
    }

    @Test
    void casesWithFacetsAndTheirRules() throws Exception {
        JsonNode all = json("/api/cases", 200);
        assertEquals(10, all.get("total").asInt());
        assertTrue(all.at("/facets/topic").size() > 0 && all.at("/facets/branchType").size() > 0);
        JsonNode filtered = json("/api/cases?topic=" + enc("三会一课"), 200);
        assertTrue(filtered.get("total").asInt() > 0 && filtered.get("total").asInt() < 10);
        filtered.get("cases").forEach(c -> assertTrue(c.get("topics").toString().contains("三会一课")));
        assertTrue(json("/api/cases?q=" + enc("积分"), 200).get("total").asInt() > 0);
        String id = filtered.at("/cases/0/id").asText();
        JsonNode one = json("/api/cases/" + id, 200);
        assertTrue(one.has("unit") && one.has("topics") && one.has("text"));
        assertTrue(one.get("rules").toString().contains("三会一课"), one.get("rules").toString());
    }

    @Test
    void checklistInEveryFormat() throws Exception {
        String profile = "/api/checklist?branchType=" + enc("高校") + "&members=30";
        JsonNode checklist = json(profile, 200);
        assertEquals("高校", checklist.at("/profile/branchType").asText());
        assertTrue(checklist.get("items").size() > 10);
        String clauseId = checklist.at("/items/0/sources/0/clauseId").asText();
        json("/api/clauses/" + clauseId, 200);
        for (String[] format : new String[][] {{"docx", "wordprocessingml"}, {"xlsx", "spreadsheetml"},
                {"ics", "text/calendar"}, {"html", "text/html"}, {"text", "text/plain"}}) {
            HttpResponse<String> response = site.get(profile + "&format=" + format[0]);
            assertEquals(200, response.statusCode(), format[0]);
            assertTrue(response.headers().firstValue("Content-Type").orElse("").contains(format[1]), format[0]);
        }
        assertTrue(site.get(profile + "&format=ics").body().contains("BEGIN:VEVENT"));
        assertTrue(site.get(profile + "&format=docx").headers().firstValue("Content-Disposition").orElse("")
                .contains("attachment"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/api/search?q=x&limit=abc|limit",
        "/api/search?q=x&limit=0|limit",
        "/api/search?q=x&limit=1000|limit",
        "/api/search?q=x&offset=-1|offset",
        "/api/search?q=x&kind=paragraph|kind",
        "/api/search?q=x&constraints=all|constraints",
        "/api/search?q=x&branchType=%E5%B7%A5%E5%8E%82|branchType",
        "/api/search|q",
        "/api/cases?branchType=xyz|branchType",
        "/api/checklist?members=30|branchType",
        "/api/checklist?branchType=%E9%AB%98%E6%A0%A1|members",
        "/api/checklist?branchType=%E9%AB%98%E6%A0%A1&members=abc|members",
        "/api/checklist?branchType=%E9%AB%98%E6%A0%A1&members=0|members",
        "/api/checklist?branchType=%E9%AB%98%E6%A0%A1&members=30&format=pdf|format",
        "/api/documents?limit=0|limit",
        "/api/documents?limit=ten|limit",
        "/api/documents?limit=5&offset=-5|offset",
        "/api/documents?limit=5&offset=x|offset",
        "/api/documents?limit=|limit",
    })
    void badParametersAre400WithASentenceNamingThem(String path, String parameter) throws Exception {
        JsonNode error = json(path, 400);
        assertTrue(error.get("error").asText().contains(parameter), error.toString());
        assertEquals(1, error.size());
    }

    @ParameterizedTest
    @CsvSource({"/api/clauses/nope", "/api/documents/nope", "/api/cases/nope", "/api/nothing"})
    void unknownIdsAre404(String path) throws Exception {
        JsonNode error = json(path, 404);
        assertFalse(error.get("error").asText().isBlank());
    }

    @Test
    void pagesAreServedWithSecurityHeaders() throws Exception {
        for (String path : List.of("/", "/?q=" + enc("党费"), "/c/003-699736ca32203df9.a1.s3.i12",
                "/d/003-699736ca32203df9", "/cases", "/cases/001-86db140b11ca692a.k1", "/checklist", "/app.js", "/app.css",
                "/api/health")) {
            HttpResponse<String> response = site.get(path);
            assertEquals(200, response.statusCode(), path);
            String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline") && csp.contains("frame-ancestors 'none'"), path);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), path);
        }
        HttpResponse<String> page = site.get("/c/anything");
        assertTrue(page.body().contains("<script src=\"/app.js\" defer></script>"));
        assertFalse(page.body().matches("(?s).*<script>.*"), "no inline script");
        assertEquals(404, site.get("/no/such/page").statusCode());
    }
}
