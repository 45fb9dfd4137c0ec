package zhibu.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zhibu.testing.RunningSite.enc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.tika.Tika;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import zhibu.core.Case;
import zhibu.core.Clause;
import zhibu.core.DocumentKind;
import zhibu.core.DocumentMetadata;
import zhibu.library.Library;
import zhibu.testing.Paths;
import zhibu.testing.RunningSite;
import zhibu.testing.Tools;

/**
 * Course packs through the real server: made of a clause, a case, a heading and a note, each cited as the site
 * cites it; the limits, the token and the version; the drafts for 三会一课 and 党费; and the exports, the DOCX
 * reopened by POI and python-docx and converted by LibreOffice.
 */
@Timeout(600)
class PackApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path folder;
    static RunningSite site;
    static Library library;

    @BeforeAll
    static void start() throws Exception {
        site = new RunningSite(folder);
        library = new Library(site.index());
    }

    @AfterAll
    static void stop() throws Exception {
        site.close();
    }

    static JsonNode ok(HttpResponse<String> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        return r.statusCode() == 204 ? null : JSON.readTree(r.body());
    }

    static String error(HttpResponse<String> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        String sentence = JSON.readTree(r.body()).get("error").asText();
        assertFalse(sentence.isBlank());
        return sentence;
    }

    static Clause clauseWithHeading(String heading) throws Exception {
        for (DocumentMetadata d : library.documents()) {
            for (Clause c : library.clausesOf(d.id())) {
                if (heading.equals(c.heading())) {
                    return c;
                }
            }
        }
        throw new AssertionError("no clause headed " + heading);
    }

    /** A pack of a heading, a clause, a case and a note (with markup that must stay text). */
    static JsonNode made() throws Exception {
        Clause clause = clauseWithHeading("三会一课");
        Case aCase = library.cases().get(0);
        String body = "{\"title\": \"三会一课专题\", \"audience\": \"高校\", \"description\": \"第一讲\", \"items\": ["
                + "{\"type\": \"heading\", \"text\": \"一、制度要求\"},"
                + "{\"type\": \"clause\", \"id\": \"" + clause.id() + "\"},"
                + "{\"type\": \"note\", \"text\": \"提问：<b>多久</b>开一次？\"},"
                + "{\"type\": \"case\", \"id\": \"" + aCase.id() + "\"}]}";
        return ok(site.json("POST", "/api/packs", body, null), 201);
    }

    @Test
    void aPackCitesItsClausesAndCasesAsTheSiteDoes() throws Exception {
        JsonNode pack = made();
        Clause clause = clauseWithHeading("三会一课");
        DocumentMetadata doc = library.document(clause.docId()).orElseThrow();
        assertEquals(1, pack.get("version").asInt());
        assertTrue(pack.get("editToken").asText().length() >= 32);
        JsonNode items = pack.get("items");
        assertEquals(List.of("heading", "clause", "note", "case"),
                List.of(items.get(0).get("type").asText(), items.get(1).get("type").asText(),
                        items.get(2).get("type").asText(), items.get(3).get("type").asText()));
        String citation = items.get(1).get("citation").asText();
        assertEquals("《" + doc.title() + "》（" + doc.docNumber() + "）" + String.join(" ", clause.path()), citation);
        assertEquals(clause.text(), items.get(1).get("text").asText());
        Case aCase = library.cases().get(0);
        assertTrue(items.get(3).get("citation").asText().startsWith(aCase.title()), items.get(3).toString());

        JsonNode read = ok(site.get("/api/packs/" + pack.get("id").asText()), 200);
        assertFalse(read.has("editToken"), "the token is shown once, at creation");
        assertEquals(items, read.get("items"));
    }

    @Test
    void limitsTokenAndVersionAreEnforcedWithOneSentence() throws Exception {
        assertTrue(error(site.json("POST", "/api/packs", "{\"title\": \"" + "长".repeat(101) + "\"}", null), 400).contains("title"));
        assertTrue(error(site.json("POST", "/api/packs", "{\"items\": [{\"type\": \"note\", \"text\": \""
                + "字".repeat(5001) + "\"}]}", null), 400).contains("5000"));
        String many = "{\"items\": [" + "{\"type\": \"heading\", \"text\": \"题\"},".repeat(301);
        assertTrue(error(site.json("POST", "/api/packs", many.substring(0, many.length() - 1) + "]}", null), 400).contains("300"));
        assertTrue(error(site.json("POST", "/api/packs", "{\"items\": [{\"type\": \"video\"}]}", null), 400).contains("type"));
        assertTrue(error(site.json("POST", "/api/packs", "{\"items\": [{\"type\": \"clause\", \"id\": \"no-such\"}]}", null), 400)
                .contains("no-such"));
        assertTrue(error(site.json("POST", "/api/packs", "{\"audience\": \"火星\"}", null), 400).contains("audience"));
        error(site.json("POST", "/api/packs", "{not json", null), 400);

        JsonNode pack = made();
        String id = pack.get("id").asText();
        String token = pack.get("editToken").asText();
        ObjectNode change = (ObjectNode) pack.deepCopy();
        change.remove("editToken");
        change.put("title", "三会一课专题（修订）");
        ((ArrayNode) change.get("items")).remove(2);
        String body = JSON.writeValueAsString(change);

        assertTrue(error(site.json("PUT", "/api/packs/" + id, body, null), 401).contains("Authorization"));
        assertTrue(error(site.json("PUT", "/api/packs/" + id, body, "wrong-token-0000000000"), 401).contains("令牌"));
        assertTrue(error(site.json("PUT", "/api/packs/" + id, "{\"title\": \"x\"}", token), 400).contains("version"));
        JsonNode saved = ok(site.json("PUT", "/api/packs/" + id, body, token), 200);
        assertEquals(2, saved.get("version").asInt());
        assertEquals(3, saved.get("items").size());
        assertTrue(error(site.json("PUT", "/api/packs/" + id, body, token), 409).contains("第 2 版"));
        assertEquals(saved, ok(site.get("/api/packs/" + id), 200));

        error(site.json("DELETE", "/api/packs/" + id + "?version=1", null, token), 409);
        error(site.json("DELETE", "/api/packs/" + id + "?version=2", null, null), 401);
        ok(site.json("DELETE", "/api/packs/" + id + "?version=2", null, token), 204);
        error(site.get("/api/packs/" + id), 404);
        assertTrue(error(site.get("/api/packs/" + id + "/export?format=pdf"), 400).contains("format"));
    }

    @Test
    void theDraftForSanHuiYiKeHoldsEveryDocumentsClauseAndTwoCases() throws Exception {
        JsonNode draft = ok(site.get("/api/packs/suggest?topic=" + enc("三会一课")), 200);
        List<JsonNode> items = new ArrayList<>();
        draft.get("items").forEach(items::add);
        Set<String> ids = items.stream().filter(i -> i.has("id")).map(i -> i.get("id").asText()).collect(Collectors.toSet());
        for (DocumentMetadata d : library.documents()) {
            if (d.kind() == DocumentKind.EXPERIENCE) {
                continue;
            }
            List<Clause> clauses = library.clausesOf(d.id());
            List<Clause> headed = clauses.stream().filter(c -> c.heading() != null && c.heading().contains("三会一课")).toList();
            if (!headed.isEmpty()) {
                assertTrue(headed.stream().anyMatch(c -> ids.contains(c.id())), "the draft lacks the 三会一课 clause of " + d.title());
            } else if (clauses.stream().anyMatch(c -> c.text().contains("三会一课"))) {
                assertTrue(clauses.stream().anyMatch(c -> ids.contains(c.id())), "the draft has nothing of " + d.title());
            }
        }
        assertTrue(items.stream().filter(i -> i.get("type").asText().equals("case")).count() >= 2, draft.toString());
        assertEquals("heading", items.get(0).get("type").asText());

        // the draft is what POST takes: saved as it is
        JsonNode saved = ok(site.json("POST", "/api/packs", draft.toString(), null), 201);
        assertEquals(items.size(), saved.get("items").size());
    }

    @Test
    void theDraftForDangFeiHoldsTheFeeRulesAndTheTable() throws Exception {
        JsonNode draft = ok(site.get("/api/packs/suggest?topic=" + enc("党费")), 200);
        List<JsonNode> items = new ArrayList<>();
        draft.get("items").forEach(items::add);
        DocumentMetadata fees = library.documents().stream().filter(d -> d.title().contains("党费")).findFirst().orElseThrow();
        long feeRules = library.clausesOf(fees.id()).stream().filter(c -> c.text().contains("党费") && c.text().length() > 30).count();
        Set<String> ids = items.stream().filter(i -> i.has("id")).map(i -> i.get("id").asText()).collect(Collectors.toSet());
        long included = library.clausesOf(fees.id()).stream().filter(c -> ids.contains(c.id())).count();
        assertTrue(included >= Math.min(10, feeRules), included + " of " + feeRules + " 党费 rules");
        int table = -1;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).get("type").asText().equals("heading") && items.get(i).get("text").asText().contains("分档标准")) {
                table = i;
            }
        }
        assertTrue(table >= 0, "no table heading: " + draft);
        JsonNode rows = items.get(table + 1).get("rows");
        assertTrue(rows != null && rows.size() >= 4, items.get(table + 1).toString());
        assertTrue(rows.get(0).asText().contains("3000元以下"), rows.toString());
        assertTrue(error(site.get("/api/packs/suggest"), 400).contains("topic"));
    }

    @Test
    void exportsKeepEveryItemInOrderWithItsCitation() throws Exception {
        JsonNode pack = made();
        String id = pack.get("id").asText();
        List<String> expected = new ArrayList<>();
        for (JsonNode item : pack.get("items")) {
            expected.add(item.has("citation") ? "出处：" + item.get("citation").asText() : item.get("text").asText());
        }

        HttpResponse<byte[]> docx = site.bytes("/api/packs/" + id + "/export?format=docx");
        assertEquals(200, docx.statusCode());
        assertTrue(docx.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
        List<String> poi = new ArrayList<>();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.body()))) {
            for (XWPFParagraph p : doc.getParagraphs()) {
                poi.add(p.getText());
            }
            assertTrue(doc.getFooterList().get(0).getText().contains("页"), "no page numbers");
        }
        assertInOrder(expected, poi, "POI");

        Path file = folder.resolve("课程包.docx");
        Files.write(file, docx.body());
        Paths.requireTool("python3-docx", Tools.PYTHON, "-c", "import docx");
        String python = Tools.run(folder, Tools.PYTHON, "-c", String.join("\n",
                "import docx, sys",
                "d = docx.Document(sys.argv[1])",
                "for p in d.paragraphs: print(p.style.name + '|' + p.text)"), file.toString());
        assertInOrder(expected, List.of(python.split("\n")), "python-docx");
        assertTrue(python.contains("Heading 1|一、制度要求"), python);

        String pdf = new Tika().parseToString(Tools.pdfOf(file)).replaceAll("\\s", "");
        assertTrue(pdf.contains("三会一课专题") && pdf.contains("一、制度要求") && pdf.contains("讲师备注"), pdf);

        String md = site.get("/api/packs/" + id + "/export?format=md").body();
        assertInOrder(expected, List.of(md.split("\n")), "Markdown");
        String html = site.get("/api/packs/" + id + "/export?format=html").body();
        assertTrue(html.contains("提问：&lt;b&gt;多久&lt;/b&gt;开一次？") && !html.contains("<b>多久"), "the note's markup is text");
    }

    /** Each expected text is found in a line after the line of the one before it. */
    static void assertInOrder(List<String> expected, List<String> lines, String reader) {
        int at = 0;
        for (String text : expected) {
            int found = -1;
            for (int i = at; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    found = i;
                    break;
                }
            }
            assertTrue(found >= 0, reader + ": \"" + text + "\" missing or out of order after line " + at + ":\n"
                    + String.join("\n", lines));
            at = found + 1;
        }
    }
}
