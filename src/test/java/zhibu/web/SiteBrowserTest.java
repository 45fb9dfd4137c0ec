package zhibu.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zhibu.testing.RunningSite.enc;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zhibu.testing.RunningSite;
import zhibu.testing.WebDriver;

/** The site in real headless Chromium; every test saves a screenshot under target/screenshots. */
class SiteBrowserTest {
    static final Path SHOTS = Path.of("target/screenshots");
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

    private static String url() {
        try {
            return URLDecoder.decode(browser.currentUrl(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Waits until the element's text holds {@code text} (the page may still be rendering the previous answer). */
    private static void waitForText(String css, String text, String failure) throws Exception {
        browser.waitFor(() -> {
            try {
                return textOf(css).contains(text) ? true : null;
            } catch (IOException e) {
                return null;
            }
        }, failure);
    }

    private static String textOf(String css) throws IOException {
        return browser.text(browser.find(css));
    }

    @Test
    void searchThenOpenTheClauseWithItsBreadcrumbAndComparison() throws Exception {
        browser.open(site.base() + "/");
        String box = browser.find("#q");
        browser.type(box, "党员大会多久开一次" + WebDriver.ENTER);
        String firstMark = browser.find(".results .hit:first-child .snippet mark");
        assertFalse(browser.text(firstMark).isBlank());
        assertTrue(url().contains("?q=党员大会多久开一次"), url());
        browser.screenshot(SHOTS.resolve("search.png"));

        String firstDoc = textOf(".results .hit:first-child .crumbs li:first-child");
        browser.click(browser.find(".results .hit:first-child h2 a"));
        browser.waitFor(() -> url().contains("/c/") ? true : null, "the clause page did not open");
        String crumbs = textOf("article.clause .crumbs");
        assertTrue(crumbs.startsWith(firstDoc), crumbs);
        String otherDoc = textOf(".related .card h3");
        assertNotEquals(firstDoc, otherDoc);
        assertTrue(textOf(".cite-text").startsWith("《"));
        browser.screenshot(SHOTS.resolve("clause.png"));
    }

    @Test
    void theAnswerCardGivesTheValueItsSentenceAndSourceAndTheDocumentsThatDiffer() throws Exception {
        browser.open(site.base() + "/?q=" + enc("党员大会多久开一次"));
        assertEquals("每季度1次", textOf(".answer .answer-value"));
        assertTrue(textOf(".answer .answer-sentence mark").contains("每季度召开1次"), textOf(".answer .answer-sentence"));
        assertTrue(textOf(".answer .answer-source").startsWith("出自《"), textOf(".answer .answer-source"));
        assertTrue(textOf(".answer .answer-source").contains("现行有效"), textOf(".answer .answer-source"));
        browser.screenshot(SHOTS.resolve("answer.png"));

        browser.open(site.base() + "/?q=" + enc("党课多久讲一次"));
        String variants = textOf(".answer .answer-variants");
        assertTrue(variants.contains("每季度1次") && variants.contains("每半年1次"), variants);
        assertTrue(textOf(".answer .answer-variants li.stricter").startsWith("每季度1次"), variants);
        browser.screenshot(SHOTS.resolve("answer-variants.png"));

        browser.open(site.base() + "/?q=" + enc("入党需要几名介绍人"));
        assertTrue(textOf(".notice.uncovered").contains("可能没有直接规定"), textOf(".notice.uncovered"));
        assertTrue(textOf(".notice.uncovered").contains("介绍人"));
        assertTrue(browser.findAll(".answer").isEmpty(), "no answer card for an uncovered question");
        assertFalse(browser.findAll(".results .hit").isEmpty(), "the nearest clauses are still listed");
        browser.screenshot(SHOTS.resolve("uncovered.png"));
    }

    @Test
    void aPlaceTheQuestionNamesIsAChipTheUserCanTakeOff() throws Exception {
        browser.open(site.base() + "/?q=" + enc("湖南换届提醒提前多久"));
        String chip = textOf(".constraints .chip");
        assertTrue(chip.startsWith("只看：湖南"), chip);
        assertTrue(textOf(".answer .answer-source").contains("“五化”"), "the card from 湖南's document: "
                + textOf(".answer .answer-source"));
        browser.screenshot(SHOTS.resolve("constraint.png"));
        browser.click(browser.find(".constraints .chip"));
        browser.waitFor(() -> url().contains("constraints=none") ? true : null, "the chip did not take the place off");
        waitForText(".constraints", "已显示所有地方的规定", "no way back to the place");
        browser.screenshot(SHOTS.resolve("constraint-removed.png"));
    }

    @Test
    void aDocumentTheQuestionNamesIsAChipToo() throws Exception {
        browser.open(site.base() + "/?q=" + enc("党员教育管理条例对党课有什么要求"));
        assertTrue(textOf(".constraints").startsWith("按问题中的文件："), textOf(".constraints"));
        assertEquals("只看：《中国共产党党员教育管理工作条例》 ✕", textOf(".constraints .chip"));
        assertTrue(textOf(".answer .answer-source").contains("党员教育管理工作条例"), textOf(".answer .answer-source"));
        browser.screenshot(SHOTS.resolve("constraint-document.png"));
        browser.click(browser.find(".constraints .chip"));
        waitForText(".constraints", "已显示所有文件的规定", "the chip did not take the document off");
    }

    @Test
    void whatOnlyACaseStatesIsMarkedAsExperienceNotARule() throws Exception {
        browser.open(site.base() + "/?q=" + enc("党课开讲啦是什么活动"));
        assertEquals("经验材料（不是规定）", textOf(".from-cases h2"));
        assertTrue(textOf(".from-cases blockquote").contains("党课开讲啦"), textOf(".from-cases"));
        assertTrue(textOf(".from-cases .meta").contains("不是规定"), textOf(".from-cases .meta"));
        browser.screenshot(SHOTS.resolve("from-cases.png"));
        browser.click(browser.find(".from-cases .meta a"));
        browser.waitFor(() -> url().contains("/cases/") ? true : null, "the case did not open");
    }

    @Test
    void aRuleOnAnotherBodyIsTheNearestRuleWithoutANumber() throws Exception {
        browser.open(site.base() + "/?q=" + enc("中央委员会每届任期几年"));
        assertEquals("最接近的规定", textOf(".answer h2"));
        assertTrue(textOf(".answer .answer-withheld").contains("中央委员会"), textOf(".answer .answer-withheld"));
        assertTrue(browser.findAll(".answer .answer-value").isEmpty(), "no number of the 总支部委员会");
        assertTrue(browser.findAll(".answer .answer-sentence mark").isEmpty(), "nothing marked as the answer");
        browser.screenshot(SHOTS.resolve("nearest-rule.png"));
    }

    @Test
    void pinyinInitialsSuggestTheTerm() throws Exception {
        browser.open(site.base() + "/");
        browser.type(browser.find("#q"), "shyk");
        String option = browser.findWhere("#suggestions li", "三会一课"::equals, "三会一课 was not suggested for shyk");
        browser.screenshot(SHOTS.resolve("suggest.png"));
        browser.click(option);
        browser.waitFor(() -> url().contains("q=三会一课") ? true : null, "picking the suggestion did not search");
        assertTrue(textOf(".results .hit:first-child").contains("三会一课"));
    }

    @Test
    void filteringByBranchTypeKeepsOnlyThatTypeAndShowsInTheUrl() throws Exception {
        browser.open(site.base() + "/?q=" + enc("党支部书记"));
        String campus = browser.findWhere(".facets .facet a", t -> t.startsWith("高校（"), "no 高校 facet");
        browser.click(campus);
        browser.waitFor(() -> url().contains("branchType=高校") ? true : null, "the filter is not in the URL");
        browser.find(".active-filters");
        List<String> hits = browser.findAll(".results .hit .badges");
        assertFalse(hits.isEmpty());
        for (String badges : hits) {
            String text = browser.text(badges);
            assertTrue(text.contains("高校") || text.contains("各类型党支部"), text);
        }
        browser.screenshot(SHOTS.resolve("filter.png"));
    }

    @Test
    void filteringByADocumentKeepsItsClausesAndNamesIt() throws Exception {
        browser.open(site.base() + "/?q=" + enc("党费"));
        String xian = browser.findWhere(".facets .facet a", t -> t.startsWith("关于推进党支部标准化规范化建设的指导意见（"),
                "no facet for the Xi'an document");
        browser.click(xian);
        browser.waitFor(() -> url().contains("docId=003-699736ca32203df9") ? true : null, "the filter is not in the URL");
        assertEquals("已筛选：文件：关于推进党支部标准化规范化建设的指导意见 ✕", textOf(".active-filters"));
        List<String> crumbs = browser.findAll(".results .hit .crumbs li:first-child");
        assertFalse(crumbs.isEmpty());
        for (String crumb : crumbs) {
            assertEquals("关于推进党支部标准化规范化建设的指导意见", browser.text(crumb));
        }
        assertTrue(textOf(".results .hit:first-child .badges").startsWith("政策文件"), textOf(".results .hit .badges"));
    }

    @Test
    void theHomePageListsTheDocuments() throws Exception {
        browser.open(site.base() + "/");
        browser.find(".doclist li");
        assertEquals("收录文件（9）", textOf("#documents"));
        assertEquals(9, browser.findAll(".doclist li").size());
        assertTrue(browser.findAll(".pager").isEmpty(), "nine documents fit one page");
    }

    @Test
    void openACaseFromTheCaseBrowser() throws Exception {
        browser.open(site.base() + "/cases");
        String title = textOf(".cases li:first-child h2 a");
        browser.find(".facets .facet a");
        browser.screenshot(SHOTS.resolve("cases.png"));
        browser.click(browser.find(".cases li:first-child h2 a"));
        browser.waitFor(() -> url().contains("/cases/") ? true : null, "the case page did not open");
        assertEquals(title, textOf("article.case h1"));
        browser.find(".related li a");
        browser.screenshot(SHOTS.resolve("case.png"));
    }

    @Test
    void hostileTextRendersAsText() throws Exception {
        browser.open(site.base() + "/?q=" + enc("<script>alert(1)</script>"));
        assertTrue(textOf("h1.results-title").contains("<script>alert(1)</script>"));
        assertEquals(0, browser.script("return document.querySelectorAll('main script').length").asInt());

        browser.open(site.base() + "/?q=" + enc("测试条文"));
        browser.click(browser.find(".results .hit:first-child h2 a"));
        String text = textOf("article.clause .text");
        assertTrue(text.contains(RunningSite.HOSTILE_MARKUP), text);
        assertEquals(0, browser.script("return document.querySelectorAll('main img').length").asInt());
        browser.screenshot(SHOTS.resolve("escaped.png"));
    }

    @Test
    void aPhoneWidthPageHasNoHorizontalScrolling() throws Exception {
        try (WebDriver phone = new WebDriver(375)) {
            for (String page : List.of("/", "/?q=" + enc("党员大会多久开一次"), "/c/003-699736ca32203df9.a1.s3.i12",
                    "/cases", "/d/002-c30c592b5c62ffe5",
                    "/checklist?branchType=" + enc("农村") + "&members=8&region=" + enc("湖北省荆州市"))) {
                phone.open(site.base() + page);
                phone.find("main h1");
                assertEquals(375, phone.script("return window.innerWidth").asInt());
                int scrollWidth = phone.script("return document.documentElement.scrollWidth").asInt();
                assertTrue(scrollWidth <= 375, page + " is " + scrollWidth + " px wide");
            }
            phone.open(site.base() + "/");
            phone.find("main h1");
            phone.screenshot(SHOTS.resolve("phone-home.png"));
            phone.open(site.base() + "/?q=" + enc("党员大会多久开一次"));
            phone.find(".results .hit");
            phone.screenshot(SHOTS.resolve("phone-search.png"));
            phone.open(site.base() + "/checklist?branchType=" + enc("农村") + "&members=8&region=" + enc("湖北省荆州市"));
            phone.find(".checklist-page .items .item");
            assertEquals("荆州市", phone.script("const s = document.getElementById('cl-region-1');"
                    + "return s.selectedOptions[0].textContent").asText(), "the picker shows the branch's city");
            phone.screenshot(SHOTS.resolve("phone-checklist.png"));
        }
    }

    @Test
    void theDocumentPageHasAnOutlineAndAnAnchorPerClause() throws Exception {
        browser.open(site.base() + "/d/003-699736ca32203df9#003-699736ca32203df9.a1.s3.i12");
        browser.find(".outline a");
        String anchor = browser.find("section[id='003-699736ca32203df9.a1.s3.i12']");
        assertTrue(browser.text(anchor).contains("三会一课"));
        assertTrue(browser.findAll(".doc-text section").size() > 50);
        browser.screenshot(SHOTS.resolve("document.png"));
    }

    @Test
    void theChecklistPageBuildsACitedChecklist() throws Exception {
        browser.open(site.base() + "/checklist");
        browser.script("document.getElementById('cl-type').value = '高校'");
        browser.type(browser.find("#cl-members"), "30");
        choose(browser, 0, "湖南省");
        choose(browser, 1, "长沙市");
        browser.click(browser.find(".profile button"));
        browser.waitFor(() -> url().contains("branchType=高校") && url().contains("members=30")
                && url().contains("region=湖南省长沙市") ? true : null, "the profile and its region are not in the URL");
        String first = browser.find(".items .item .requirement");
        assertFalse(browser.text(first).isBlank());
        assertTrue(browser.findAll(".category h2").size() >= 4);
        String page = textOf("main");
        assertTrue(page.contains("党员大会") && page.contains("教职工党员人均不少于200元"), page);
        assertTrue(page.contains("〔湖南省〕") && !page.contains("西安"), "湖南's rules, cited with their place, and none of 西安's");
        assertEquals("湖南省长沙市", browser.script("return document.querySelector('input[name=region]').value").asText(),
                "the picker shows the region the page was built for");
        browser.click(browser.find(".items .item details.source summary"));
        assertTrue(browser.text(browser.find(".items .item details.source[open] p")).length() > 10);
        assertTrue(browser.findAll(".downloads a").size() == 5);
        String docx = browser.attribute(browser.findAll(".downloads a").get(0), "href");
        assertTrue(docx.contains("/api/checklist?") && docx.contains("format=docx") && docx.contains("region="), docx);
        browser.screenshot(SHOTS.resolve("checklist.png"));
        String query = "branchType=" + enc("高校") + "&members=30&region=" + enc("湖南省长沙市");
        int shown = browser.findAll(".checklist-page > .category .items > .item").size();
        assertEquals(ownItems(query), shown, "the page and the API list the same items for the same profile");
        assertTrue(textOf("main").contains("上级和单位的职责"));
        assertTrue(browser.findAll(".references").isEmpty(), "a branch with a region has no 各地做法");

        browser.script("document.querySelector('details.calendar-plan').open = true");
        browser.type(browser.find("input[name=partyDay]"), "12");
        browser.click(browser.find("input[type=checkbox][name=groups]"));
        browser.click(browser.find(".profile button"));
        browser.waitFor(() -> url().contains("groups=false") && !url().contains("groups=true") ? true : null,
                "unchecking 设有党小组 is not in the URL");
        browser.find(".checklist-page .items .item");
        long finalOwn = ownItems(query + "&groups=false");
        browser.waitFor(() -> {
            try {
                return browser.findAll(".checklist-page > .category .items > .item").size() == finalOwn ? true : null;
            } catch (java.io.IOException e) {
                return null;
            }
        }, "the page without party groups does not list what the API lists");
        String ics = browser.attribute(browser.findAll(".downloads a").get(2), "href");
        assertTrue(ics.contains("format=ics") && ics.contains("partyDay=12"), "the calendar takes the branch's days: " + ics);

        browser.open(site.base() + "/checklist?branchType=" + enc("高校") + "&members=30");
        browser.find(".references .item");
        assertTrue(textOf(".references").contains("各地做法"), "without a region the local rules are references");
        String own = browser.script("return [...document.querySelectorAll('.checklist-page > .category')]"
                + ".map((e) => e.textContent).join('')").asText();
        assertTrue(own.contains("依据") && !own.contains("〔"), "and none of the branch's own items cites a local document");
    }

    /** Chooses a place in one level of the checklist's region picker, waiting for the level's options to load. */
    static void choose(WebDriver browser, int level, String name) {
        browser.waitFor(() -> {
            try {
                return browser.script("const s = document.getElementById('cl-region-" + level + "');"
                        + "const o = [...s.options].find((x) => x.textContent === arguments[0]);"
                        + "if (!o) return null; s.value = o.value; s.dispatchEvent(new Event('change')); return true;",
                        name).asBoolean() ? true : null;
            } catch (java.io.IOException e) {
                return null;
            }
        }, name + " is not offered in the region picker");
    }

    /** How many of the API's checklist items for a profile are the branch's own (not the higher section's). */
    static long ownItems(String query) throws Exception {
        long own = 0;
        for (var item : zhibu.core.Json.MAPPER.readTree(site.get("/api/checklist?" + query).body()).get("items")) {
            own += item.get("duty").asText().equals("higher") ? 0 : 1;
        }
        return own;
    }

    @Test
    void theChecklistPrintPageIsLaidOutForA4() throws Exception {
        browser.open(site.base() + "/api/checklist?branchType=" + enc("国有企业") + "&members=45&format=html");
        browser.find(".checklist-table");
        browser.windowSize(1123, 794); // A4 landscape at 96 dpi
        browser.screenshot(SHOTS.resolve("checklist-print-a4.png"));
        // 类别 is never wrapped a character per line: its column keeps room for a whole word
        var widths = browser.script("return Array.from(document.querySelectorAll('.checklist-table tbody td:nth-child(2)'))"
                + ".map(td => td.getBoundingClientRect().width)");
        for (var w : widths) {
            assertTrue(w.asDouble() >= 60, "类别 column too narrow: " + w);
        }
        byte[] pdf = browser.printPdf(true);
        java.nio.file.Files.write(SHOTS.resolve("checklist-print-a4.pdf"), pdf);
        String text = new org.apache.tika.Tika().parseToString(new java.io.ByteArrayInputStream(pdf));
        assertTrue(text.contains("完成情况") && text.contains("国有企业党支部"), text.substring(0, Math.min(300, text.length())));
        browser.windowSize(1280, 1000);
    }
}
