package zhibu.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zhibu.testing.RunningSite.enc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import zhibu.testing.RunningSite;
import zhibu.testing.WebDriver;

/**
 * A trainer builds a course pack in real headless Chromium: a clause from the answer card, another from the search
 * hits, a case from its page; on the pack page she moves items with the buttons and the keyboard, adds a note,
 * reloads and finds it as she left it, then downloads the Word file, which holds every item in her order.
 */
@Timeout(300)
class PackBrowserTest {
    static final Path SHOTS = Path.of("target/screenshots");
    static final String ALT = "\uE00A";
    static final String ARROW_UP = "\uE013";
    static final String RELEASE = "\uE000";
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path folder;
    static RunningSite site;
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        site = new RunningSite(folder);
        browser = new WebDriver(0);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        site.close();
    }

    /** The pack page's items as type and id or text, in order, as the page shows them. */
    static List<String> shownItems() throws IOException {
        JsonNode items = browser.script("return [...document.querySelectorAll('.pack-items .pack-item')].map(li =>"
                + " li.className.replace(/.*type-(\\w+).*/, '$1') + ':' + (li.querySelector('h3 a, .pack-note, h3') || li).textContent)");
        List<String> out = new ArrayList<>();
        items.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** A browser that has no packs yet: nothing in its storage. */
    static void newBrowser() throws IOException {
        browser.open(site.base() + "/packs");
        browser.script("localStorage.clear()");
    }

    @Test
    void buildReorderAnnotateReloadAndDownload() throws Exception {
        newBrowser();
        browser.open(site.base() + "/?q=" + enc("党员大会多久开一次"));
        String answerButton = browser.find(".answer .add-pack");
        String answerClause = browser.attribute(answerButton, "data-id");
        browser.click(answerButton);
        browser.findWhere(".answer .pack-status", t -> t.contains("共 1 项"), "the answer's clause was not added");

        String hitButton = browser.waitFor(() -> {
            try {
                for (String b : browser.findAll(".hit .add-pack")) {
                    if (!answerClause.equals(browser.attribute(b, "data-id"))) {
                        return b;
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        }, "no hit besides the answer's clause");
        String hitClause = browser.attribute(hitButton, "data-id");
        browser.click(hitButton);
        browser.findWhere(".hit .pack-status", t -> t.contains("共 2 项"), "the hit was not added");

        browser.open(site.base() + "/cases");
        browser.click(browser.find(".cases h2 a"));
        String caseButton = browser.find(".case .add-pack");
        String caseId = browser.attribute(caseButton, "data-id");
        browser.click(caseButton);
        String added = browser.findWhere(".case .pack-status", t -> t.contains("共 3 项"), "the case was not added");
        String packUrl = site.base() + browser.attribute(browser.find(".case .pack-status a"), "href");
        assertTrue(packUrl.contains("/packs/"), packUrl + " " + browser.text(added));

        browser.open(packUrl);
        browser.findWhere(".pack-save, .meta", t -> t.contains("3 项"), "the pack page does not show three items");
        assertEquals(3, shownItems().size(), shownItems().toString());

        // the case up with its button, then the hit's clause up with the keyboard (Alt+↑)
        browser.click(browser.find(".pack-items .pack-item:nth-child(3) .up"));
        browser.findWhere(".pack-save", t -> t.contains("第 4 版"), "the move was not saved");
        String third = browser.find(".pack-items .pack-item:nth-child(3)");
        browser.type(third, ALT + ARROW_UP + RELEASE);
        browser.findWhere(".pack-save", t -> t.contains("第 5 版"), "the keyboard move was not saved");

        // a note after the first item
        browser.click(browser.find(".pack-items .pack-item:nth-child(1) .add-note"));
        browser.type(browser.find(".note-form textarea"), "提问学员：党员大会多久开一次？");
        browser.click(browser.findWhere(".note-form button", "保存备注"::equals, "no save button for the note"));
        browser.findWhere(".pack-save", t -> t.contains("第 6 版"), "the note was not saved");
        List<String> before = shownItems();
        assertEquals(4, before.size(), before.toString());
        assertTrue(before.get(1).startsWith("note:") && before.get(1).contains("提问学员"), before.toString());
        browser.screenshot(SHOTS.resolve("pack-editor.png"));

        browser.open(packUrl); // reload: the same pack, the same order
        browser.findWhere(".meta", t -> t.contains("4 项 · 第 6 版"), "the reloaded pack is not version 6");
        assertEquals(before, shownItems());

        JsonNode pack = JSON.readTree(site.get("/api/packs/" + packUrl.substring(packUrl.lastIndexOf('/') + 1)).body());
        List<String> order = new ArrayList<>();
        pack.get("items").forEach(i -> order.add(i.get("type").asText() + ":" + (i.has("id") ? i.get("id").asText() : "")));
        assertEquals(List.of("clause:" + answerClause, "note:", "clause:" + hitClause, "case:" + caseId), order);

        // the Word file, downloaded by the page's own link
        String base64 = browser.script("const x = new XMLHttpRequest(); x.open('GET', document.querySelector('.export-docx').href, false);"
                + " x.overrideMimeType('text/plain; charset=x-user-defined'); x.send();"
                + " let s = ''; for (let i = 0; i < x.responseText.length; i++) s += String.fromCharCode(x.responseText.charCodeAt(i) & 255);"
                + " return btoa(s);").asText();
        List<String> paragraphs = new ArrayList<>();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(Base64.getDecoder().decode(base64)))) {
            for (XWPFParagraph p : doc.getParagraphs()) {
                paragraphs.add(p.getText());
            }
        }
        List<String> expected = new ArrayList<>();
        for (JsonNode item : pack.get("items")) {
            expected.add(item.has("citation") ? "出处：" + item.get("citation").asText() : item.get("text").asText());
        }
        PackApiTest.assertInOrder(expected, paragraphs, "the downloaded DOCX");

        browser.open(site.base() + "/p/" + pack.get("id").asText()); // the share link reads the same
        browser.findWhere(".pack.shared h1", t -> t.equals(pack.get("title").asText()), "the share page has no title");
        assertEquals(4, browser.findAll(".pack.shared .pack-item").size());
        browser.screenshot(SHOTS.resolve("pack-shared.png"));
    }

    @Test
    void aSuggestedDraftIsSavedAndEdited() throws Exception {
        newBrowser();
        browser.open(site.base() + "/packs?topic=" + enc("三会一课"));
        browser.find(".draft .pack-item");
        browser.screenshot(SHOTS.resolve("pack-draft.png"));
        browser.click(browser.find(".draft .primary-action"));
        browser.findWhere(".pack-save, .meta", t -> t.contains("第 1 版"), "the draft was not saved as a pack");
        assertTrue(browser.currentUrl().contains("/packs/"), browser.currentUrl());
        assertTrue(shownItems().stream().filter(s -> s.startsWith("case:")).count() >= 2, shownItems().toString());
    }
}
