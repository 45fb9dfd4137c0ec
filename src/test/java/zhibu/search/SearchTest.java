package zhibu.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zhibu.index.IngestOutcome;
import zhibu.index.UnitKind;
import zhibu.index.ZhibuIndex;
import zhibu.testing.Paths;

/** Search over a real index of the corpus (shared by the read-only tests), and ingestion into indexes of their own. */
class SearchTest {
    static ZhibuIndex index;
    static SearchService search;

    @BeforeAll
    static void openTheCorpus() {
        index = zhibu.testing.CorpusIndex.shared();
        search = new SearchService(index);
    }

    static SearchResult find(String q) throws IOException {
        return search.search(SearchRequest.of(q, UnitKind.CLAUSE, 10));
    }

    @Test
    void theTopHitForAMeetingQuestionStatesTheRule() throws IOException {
        SearchResult result = find("党员大会 每季度");
        assertTrue(result.hits().get(0).text().replaceAll("\\s", "").contains("党员大会一般每季度召开1次"),
                result.hits().get(0).text());
        SearchHit top = find("支委会多长时间召开一次").hits().get(0);
        assertTrue(top.text().contains("支部委员会会议") && top.text().contains("每月召开1次"), top.text());
    }

    @Test
    void everyHitIsOneClauseWithItsPlaceInTheDocument() throws IOException {
        for (String q : List.of("党员大会多久开一次", "党费", "高校学生党员活动经费标准", "党员不够三个人怎么建支部")) {
            SearchResult result = find(q);
            assertFalse(result.hits().isEmpty(), q);
            for (SearchHit hit : result.hits()) {
                assertEquals("clause", hit.kind());
                assertTrue(hit.text().length() <= 1000, hit.id() + " has " + hit.text().length() + " characters");
                assertFalse(hit.path().isEmpty(), hit.id());
                assertFalse(hit.docTitle().isBlank(), hit.id());
                assertNotNull(hit.sentence(), hit.id() + " carries its best sentence");
            }
            // the first hit shares words with the question; a later one may be found by its meaning alone
            assertTrue(result.hits().get(0).snippet().contains("<mark>"), result.hits().get(0).snippet());
        }
    }

    @Test
    void aPlaceInTheQuestionSteersToItsDocuments() throws IOException {
        assertEquals("关于推进党支部“五化”建设的意见", find("湖南换届提醒提前多久").hits().get(0).docTitle());
        assertEquals("关于推进党支部标准化规范化建设的指导意见", find("西安市党课多久安排一次").hits().get(0).docTitle());
        assertTrue(find("苏州党支部达标").hits().get(0).docTitle().startsWith("市级机关"));
    }

    @Test
    void aBranchTypeInTheQuestionSteersToClausesForThatType() throws IOException {
        SearchHit top = find("高校教职工党员活动经费").hits().get(0);
        assertTrue(top.branchTypes().contains("高校") && top.branchTypes().size() < 8, top.toString());
        assertTrue(top.text().contains("教职工党员人均不少于200元"), top.text());
    }

    @Test
    void filtersAndFacets() throws IOException {
        SearchResult all = find("党支部书记");
        Map<String, Integer> types = all.facets().get("branchType");
        assertTrue(types.get("高校") > 0 && types.get("机关") > 0, types.toString());
        assertTrue(all.facets().get("docTitle").size() >= 3, all.facets().toString());
        assertEquals(Map.of("clause", (int) all.total()), all.facets().get("kind"));

        SearchResult campus = search.search(new SearchRequest("党支部书记", UnitKind.CLAUSE, 50, 0, "高校", null, null));
        assertTrue(campus.total() > 0 && campus.total() < all.total());
        campus.hits().forEach(h -> assertTrue(h.branchTypes().contains("高校"), h.id()));

        String docId = all.hits().get(0).docId();
        SearchResult oneDoc = search.search(new SearchRequest("党支部书记", UnitKind.CLAUSE, 50, 0, null, docId, null));
        oneDoc.hits().forEach(h -> assertEquals(docId, h.docId()));

        SearchResult cases = search.search(SearchRequest.of("党员先锋积分管理经验", UnitKind.CASE, 5));
        assertEquals("case", cases.hits().get(0).kind());
        assertTrue(cases.hits().get(0).text().contains("积分"));
        assertFalse(cases.hits().get(0).topics().isEmpty());
        SearchResult documents = search.search(SearchRequest.of("湖南 五化", UnitKind.DOCUMENT, 5));
        assertEquals("关于推进党支部“五化”建设的意见", documents.hits().get(0).docTitle());
    }

    @Test
    void pagingWalksThroughTheSameRanking() throws IOException {
        SearchResult first = search.search(new SearchRequest("党员", UnitKind.CLAUSE, 10, 0, null, null, null));
        SearchResult second = search.search(new SearchRequest("党员", UnitKind.CLAUSE, 10, 10, null, null, null));
        SearchResult both = search.search(new SearchRequest("党员", UnitKind.CLAUSE, 20, 0, null, null, null));
        assertEquals(both.hits().subList(10, 20).stream().map(SearchHit::id).toList(),
                second.hits().stream().map(SearchHit::id).toList());
        assertEquals(first.total(), second.total());
    }

    @Test
    void snippetsEscapeTheSourceAndMarkTheMatches(@TempDir Path dir) throws IOException {
        Path doc = dir.resolve("hostile.txt");
        Files.writeString(doc, "关于测试的通知\n\n一、党员大会每季度召开一次，<img src=x onerror=alert(1)> & “引号”。\n",
                StandardCharsets.UTF_8);
        try (ZhibuIndex own = ZhibuIndex.open(dir.resolve("index"), zhibu.testing.TestVectors.shared())) {
            own.ingest(List.of(doc));
            SearchHit hit = new SearchService(own).search(SearchRequest.of("党员大会 onerror", UnitKind.CLAUSE, 5))
                    .hits().get(0);
            assertTrue(hit.text().contains("<img src=x onerror=alert(1)>"), hit.text());
            assertFalse(hit.snippet().contains("<img"), hit.snippet());
            assertTrue(hit.snippet().contains("&lt;img src=x <mark>onerror</mark>=alert(1)&gt; &amp;"), hit.snippet());
            assertTrue(hit.snippet().contains("<mark>党员大会</mark>"), hit.snippet());
        }
    }

    @Test
    void aRuleCopiedIntoManyPlacesRulesRanksOnceAndWhatIsSaidOtherwiseFollows(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("rules"));
        String[] cities = {"苏州市", "白城市", "信阳市", "亳州市", "三明市", "吉安市"};
        for (int i = 0; i < cities.length; i++) {
            Files.writeString(folder.resolve("rule-" + i + ".txt"), cities[i] + "党支部工作规范\n\n第一条　" + cities[i]
                    + "各党支部党员大会一般每季度召开1次。\n\n第二条　党费按月交纳。\n", StandardCharsets.UTF_8);
        }
        // one document saying the same thing twice (in two attachments) is one hit too
        Files.writeString(folder.resolve("twice.txt"), "另一规范\n\n第一条　党员大会每季度召开一次，遇有重要情况可以随时召开。"
                + "\n\n第二条　党费按月交纳。\n\n第三条　党员大会每季度召开一次，遇有重要情况可以随时召开。\n", StandardCharsets.UTF_8);
        try (ZhibuIndex own = ZhibuIndex.open(dir.resolve("index"), zhibu.vectors.Vectors.off(),
                zhibu.index.Ingestion.inProcess())) {
            own.ingest(List.of(folder));
            List<SearchHit> hits = new SearchService(own, Fusion.of(Fusion.LEXICAL))
                    .search(SearchRequest.of("党员大会多久开一次", UnitKind.CLAUSE, 10)).hits();
            String all = hits.stream().map(h -> h.docTitle() + ":" + h.text()).toList().toString();
            assertEquals(1, hits.stream().filter(h -> h.text().contains("各党支部党员大会一般每季度召开1次")).count(), all);
            assertEquals(1, hits.stream().filter(h -> h.text().contains("遇有重要情况可以随时召开")).count(), all);
        }
    }

    @Test
    void aQuestionNamingAPlaceGetsThatPlacesCopyOfARule(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("rules"));
        String[] cities = {"苏州市", "白城市", "信阳市", "亳州市"};
        String[] provinces = {"江苏省", "吉林省", "河南省", "安徽省"};
        StringBuilder manifest = new StringBuilder("path\tkind\ttitle\tissuer\tdoc_number\tdate\tstatus\tregion\t"
                + "applies_to\tsource\n");
        for (int i = 0; i < cities.length; i++) { // the same words; the place only in the title and the manifest
            Files.writeString(folder.resolve("rule-" + i + ".txt"), cities[i] + "党支部工作规范\n\n第一条　"
                    + "各党支部党员大会一般每季度召开1次。\n\n第二条　党费按月交纳。\n", StandardCharsets.UTF_8);
            manifest.append("rule-").append(i).append(".txt\tpolicy\t").append(cities[i]).append("党支部工作规范\t中共")
                    .append(cities[i]).append("委组织部\t\t2024-01-0").append(i + 1).append("\t现行有效\t")
                    .append(provinces[i]).append(cities[i]).append("\t各领域\ttest\n");
        }
        Files.writeString(folder.resolve("MANIFEST.tsv"), manifest, StandardCharsets.UTF_8);
        try (ZhibuIndex own = ZhibuIndex.open(dir.resolve("index"), zhibu.vectors.Vectors.off(),
                zhibu.index.Ingestion.inProcess())) {
            own.ingest(List.of(folder));
            SearchService service = new SearchService(own, Fusion.of(Fusion.LEXICAL));
            for (String city : cities) {
                List<SearchHit> hits = service.search(SearchRequest.of(city.substring(0, 2) + "党员大会多久开一次",
                        UnitKind.CLAUSE, 10)).hits();
                String all = hits.stream().map(h -> h.docTitle() + ":" + h.text()).toList().toString();
                List<SearchHit> rule = hits.stream().filter(h -> h.text().contains("党员大会一般每季度召开1次")).toList();
                assertEquals(1, rule.size(), all);
                assertTrue(rule.get(0).docTitle().startsWith(city), city + " " + all);
            }
        }
    }

    @Test
    void ingestingTwiceChangesNothingAndAnEditReplacesExactlyThatFilesClauses(@TempDir Path dir) throws IOException {
        Path corpus = dir.resolve("corpus");
        copyTree(Paths.CORPUS, corpus);
        try (ZhibuIndex own = ZhibuIndex.open(dir.resolve("index"), zhibu.testing.TestVectors.shared())) {
            own.ingest(List.of(corpus));
            Map<UnitKind, Integer> before = own.counts();
            Set<String> idsBefore = clauseIds(own);
            List<IngestOutcome> again = own.ingest(List.of(corpus));
            assertTrue(again.stream().allMatch(o -> o.status() == IngestOutcome.Status.UNCHANGED), again.toString());
            assertEquals(before, own.counts());
            assertEquals(idsBefore, clauseIds(own));

            Path suzhou = corpus.resolve("policies/004_f466603b69d4ae10.txt");
            String text = Files.readString(suzhou);
            Files.writeString(suzhou, text.replace("确保100%的党支部达标", "确保全部党支部达标并巩固提高"));
            Map<IngestOutcome.Status, Long> byStatus = own.ingest(List.of(corpus)).stream()
                    .collect(Collectors.groupingBy(IngestOutcome::status, Collectors.counting()));
            assertEquals(Map.of(IngestOutcome.Status.REPLACED, 1L, IngestOutcome.Status.UNCHANGED, 7L), byStatus);
            assertEquals(before, own.counts());
            assertEquals(idsBefore, clauseIds(own));
            SearchService s = new SearchService(own);
            assertTrue(s.search(new SearchRequest("全部党支部达标", UnitKind.CLAUSE, 3, 0, null, "004-f466603b69d4ae10",
                    null)).hits().get(0).text().contains("确保全部党支部达标并巩固提高"));
            assertEquals(0, s.search(new SearchRequest("确保100%的党支部达标", UnitKind.CLAUSE, 50, 0, null,
                    "004-f466603b69d4ae10", null)).hits().stream()
                    .filter(h -> h.text().contains("确保100%的党支部达标")).count());

            Files.delete(suzhou);
            List<IngestOutcome> afterDelete = own.ingest(List.of(corpus));
            assertTrue(afterDelete.stream().anyMatch(o -> o.status() == IngestOutcome.Status.REMOVED
                    && o.docId().equals("004-f466603b69d4ae10")), afterDelete.toString());
            assertEquals(before.get(UnitKind.DOCUMENT) - 1, own.counts().get(UnitKind.DOCUMENT));
            assertTrue(clauseIds(own).stream().noneMatch(id -> id.startsWith("004-")));
        }
    }

    @Test
    void aBadFileFailsAloneAndTheRestIsIngested(@TempDir Path dir) throws IOException {
        Path corpus = dir.resolve("in");
        Files.createDirectories(corpus);
        Files.writeString(corpus.resolve("good.txt"), "关于支部的通知\n\n一、党小组会每月召开1次。\n");
        Files.write(corpus.resolve("broken.pdf"), new byte[] {1, 2, 3, 4});
        try (ZhibuIndex own = ZhibuIndex.open(dir.resolve("index"), zhibu.testing.TestVectors.shared())) {
            List<IngestOutcome> outcomes = own.ingest(List.of(corpus, dir.resolve("missing")));
            assertEquals(3, outcomes.size(), outcomes.toString());
            assertTrue(outcomes.get(0).line().startsWith("failed: broken.pdf"), outcomes.get(0).line());
            assertTrue(outcomes.get(1).line().startsWith("added "), outcomes.get(1).line());
            assertTrue(outcomes.get(2).line().endsWith("missing does not exist."), outcomes.get(2).line());
            assertEquals(1, own.counts().get(UnitKind.DOCUMENT));
        }
    }

    private static Set<String> clauseIds(ZhibuIndex own) throws IOException {
        return new SearchService(own).search(new SearchRequest("", UnitKind.CLAUSE, 10_000, 0, null, null, null))
                .hits().stream().map(h -> h.id() + "|" + h.text().hashCode()).filter(s -> !s.startsWith("004-"))
                .collect(Collectors.toSet());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                    target.toFile().setWritable(true);
                }
            }
        }
        assertNotNull(to);
    }
}
