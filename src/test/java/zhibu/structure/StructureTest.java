package zhibu.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import zhibu.core.Case;
import zhibu.core.Clause;
import zhibu.ingest.DocumentReader;
import zhibu.ingest.IngestedDocument;
import zhibu.testing.Paths;

/** The clause trees and cases of the corpus documents, pinned. */
class StructureTest {
    private static final DocumentReader READER = new DocumentReader();
    private static final StructureParser PARSER = new StructureParser();

    static DocumentStructure structure(Path file) throws Exception {
        return PARSER.parse(READER.read(file));
    }

    static DocumentStructure corpus(String prefix) throws Exception {
        return structure(Paths.corpusFile(prefix));
    }

    private static List<Clause> under(List<Clause> clauses, String firstPathElement) {
        return clauses.stream().filter(c -> c.path().get(0).equals(firstPathElement)).toList();
    }

    private static List<String> numbers(List<Clause> clauses, int depth) {
        return clauses.stream().filter(c -> c.path().size() == depth).map(Clause::number).toList();
    }

    @Test
    void xianMainTextAndBothAttachments() throws Exception {
        List<Clause> clauses = corpus("003_").clauses();
        List<String> top = clauses.stream().filter(c -> c.parentId() == null).map(Clause::number).toList();
        assertEquals(List.of("", "一、", "二、", "三、", "四、", "附件1", "附件2"), top);
        for (String attachment : List.of("附件1 西安市市属高校党支部标准化规范化建设指导标准", "附件2 西安市机关党支部标准化规范化建设指导标准")) {
            List<Clause> inside = under(clauses, attachment);
            assertEquals(List.of("一、", "二、", "三、", "四、", "五、", "六、"), numbers(inside, 2), attachment);
            List<String> items = numbers(inside, 3);
            assertEquals(30, items.size(), attachment);
            for (int i = 1; i <= 30; i++) {
                assertEquals(i + ".", items.get(i - 1), attachment);
            }
        }
        Clause item12 = clauses.stream().filter(c -> c.path().equals(List.of(
                "附件1 西安市市属高校党支部标准化规范化建设指导标准", "三、组织生活经常", "12. 三会一课"))).findFirst().orElseThrow();
        assertEquals("三会一课", item12.heading());
        assertEquals("12.", item12.number());
        assertTrue(item12.text().contains("党支部党员大会一般每季度召开1次"));
        for (Clause c : under(clauses, "附件2 西安市机关党支部标准化规范化建设指导标准")) {
            assertEquals(List.of("机关"), c.branchTypes(), c.path().toString());
        }
        for (Clause c : under(clauses, "附件1 西安市市属高校党支部标准化规范化建设指导标准")) {
            assertEquals(List.of("高校"), c.branchTypes(), c.path().toString());
        }
    }

    @Test
    void hunanAttachmentAndItsInlineSubItems() throws Exception {
        List<Clause> clauses = corpus("002_").clauses();
        List<Clause> rules = under(clauses, "附件 党支部“五化”建设细则（试行）");
        assertEquals(List.of("一、", "二、", "三、", "四、", "五、"), numbers(rules, 2));
        Clause standard = clauses.stream().filter(c -> "明确设置标准".equals(c.heading())).findFirst().orElseThrow();
        assertEquals(List.of("附件 党支部“五化”建设细则（试行）", "一、支部设置标准化", "（三）主要任务", "1. 优化支部设置",
                "（1）明确设置标准"), standard.path());
        assertTrue(standard.text().startsWith("明确设置标准。正式党员人数3人以上的基层单位，都应当成立党支部"));
        Map<String, Clause> byId = clauses.stream().collect(Collectors.toMap(Clause::id, Function.identity()));
        assertEquals("优化支部设置", byId.get(standard.parentId()).heading());
        assertFalse(byId.get(standard.parentId()).text().contains("明确设置标准"), "the parent keeps its own text only");
        Clause universities = clauses.stream().filter(c -> c.text().startsWith("高等学校党支部按照教职工党员人均不少于200元"))
                .findFirst().orElseThrow();
        assertEquals(List.of("高校"), universities.branchTypes());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"003_xian.docx", "003_xian.doc", "003_xian.pdf", "002_hunan.pdf", "000_jingzhou_gb18030.txt"})
    void everyFormatOfADocumentGivesTheSameClauses(String fixture) throws Exception {
        List<List<String>> expected = corpus(fixture.substring(0, 4)).clauses().stream().map(Clause::path).toList();
        List<List<String>> actual = structure(Paths.FORMATS.resolve(fixture)).clauses().stream().map(Clause::path).toList();
        assertEquals(expected, actual);
    }

    @Test
    void ordinalWordsInsideAParagraphStayInItsText() {
        var doc = new zhibu.core.DocumentMetadata("t", "试行办法", null, null, null, zhibu.core.DocumentKind.POLICY,
                "现行有效", null, List.of("机关"), "t.txt", "0");
        List<Clause> clauses = new ClauseParser().parse(doc, List.of(
                new zhibu.ingest.Paragraph("一、“三个确保”抓基础", 0),
                new zhibu.ingest.Paragraph("1. 确保配备。一是确保配备好党建骨干人员；二是确保使用好党建工作经费。（1）明确标准。每年培训1次。"
                        + "（2）规范程序。每半年报告1次。", 0)));
        assertEquals(List.of("一、", "1.", "（1）", "（2）"), clauses.stream().map(Clause::number).toList());
        assertEquals("确保配备。一是确保配备好党建骨干人员；二是确保使用好党建工作经费。", clauses.get(1).text());
        assertEquals("规范程序。每半年报告1次。", clauses.get(3).text());
    }

    @Test
    void anArticleWhoseTextOpensWithAQuotationIsAnArticleOfItsOwn(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("办法.txt");
        java.nio.file.Files.writeString(file, "关于推进党支部建设的实施办法\n\n第十九条　请示报告。党支部每年至少作1次工作报告。\n\n"
                + "第二十条　“政治生日”纪念活动。核准支部每名党员入党的具体日期。\n\n第二十一条 《党章》学习。每季度集中学习1次。\n");
        List<Clause> clauses = structure(file).clauses().stream().filter(c -> !c.number().isEmpty()).toList();
        assertEquals(List.of("第十九条", "第二十条", "第二十一条"), clauses.stream().map(Clause::number).toList());
        assertEquals("“政治生日”纪念活动。核准支部每名党员入党的具体日期。", clauses.get(1).text());
        assertEquals("《党章》学习。每季度集中学习1次。", clauses.get(2).text());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"中国共产党党员教育管理工作条例.txt, 46", "中国共产党党和国家机关基层组织工作条例.txt, 43",
            "关于中国共产党党费收缴、使用和管理的规定（收缴部分）.txt, 16"})
    void regulationsHaveTheirArticles(String file, int articles) throws Exception {
        checkArticles(structure(Paths.CORPUS.resolve("regulations").resolve(file)).clauses(), articles, !file.startsWith("关于"));
    }

    @Test
    void theConstitutionInExtraCorpusHas55Articles() throws Exception {
        Path constitution = Paths.shared("extra-corpus/中国共产党章程（2017年修改）.txt");
        checkArticles(structure(constitution).clauses(), 55, true);
    }

    private static void checkArticles(List<Clause> clauses, int expected, boolean hasChapters) {
        List<Clause> articles = clauses.stream().filter(c -> c.number().matches("第.+条")).toList();
        assertEquals(expected, articles.size());
        for (int i = 0; i < articles.size(); i++) {
            assertEquals(i + 1, zhibu.structure.Label.number(articles.get(i).number().replaceAll("[第条]", "")));
            if (hasChapters) {
                assertTrue(articles.get(i).path().get(0).matches("第.+章 .+"), articles.get(i).path().toString());
            }
        }
    }

    @Test
    void experienceCompilationHasTenCases() throws Exception {
        List<Case> cases = corpus("001_").cases();
        List<String> headings = Files.readAllLines(Paths.corpusFile("001_")).stream()
                .filter(l -> l.startsWith("# ")).map(l -> l.substring(2).strip()).toList();
        assertEquals(headings.subList(1, headings.size()), cases.stream().map(Case::title).toList());
        assertEquals(10, cases.size());
        assertEquals("中国船舶集团所属上海外高桥造船有限公司",
                cases.stream().filter(c -> c.text().contains("外高桥造船")).findFirst().orElseThrow().unit());
        assertEquals("中央统战部", cases.stream().filter(c -> c.title().contains("统战系统")).findFirst().orElseThrow().unit());
        assertNull(cases.get(0).unit(), "我县 stays unnamed");
        for (Case c : cases) {
            assertFalse(c.topics().isEmpty(), c.title());
            assertFalse(c.branchTypes().isEmpty(), c.title());
            assertFalse(c.text().startsWith(c.title()));
        }
        assertTrue(cases.stream().filter(c -> c.title().contains("机关")).allMatch(c -> c.branchTypes().contains("机关")));
    }

    private static List<Path> corpusFiles() throws java.io.IOException {
        return zhibu.ingest.DocumentFiles.under(Paths.CORPUS).stream().filter(f -> !f.isSkipped())
                .map(zhibu.ingest.DocumentFiles.Found::file).toList();
    }

    @Test
    void everyClauseIsShortAndNonEmptyWithLinkedNeighbours() throws Exception {
        for (Path file : corpusFiles()) {
            IngestedDocument doc = READER.read(file);
            List<Clause> clauses = PARSER.parse(doc).clauses();
            List<String> paragraphs = doc.body().paragraphs().stream().map(p -> p.text()).toList();
            for (int i = 0; i < clauses.size(); i++) {
                Clause c = clauses.get(i);
                assertFalse(c.text().isBlank(), c.id());
                assertTrue(c.text().length() <= ClauseParser.MAX_CLAUSE_CHARS
                        || paragraphs.stream().anyMatch(p -> p.length() >= c.text().length()), c.id() + " is too long");
                assertTrue(c.id().matches("[A-Za-z0-9._~-]+"), c.id());
                assertEquals(i == 0 ? null : clauses.get(i - 1).id(), c.prevId());
                assertEquals(i == clauses.size() - 1 ? null : clauses.get(i + 1).id(), c.nextId());
                assertNotNull(c.docTitle());
                assertFalse(c.branchTypes().isEmpty());
            }
            assertEquals(clauses.size(), clauses.stream().map(Clause::id).distinct().count(), "unique ids in " + file);
        }
    }

    @Test
    void idsAreTheSameWhenTheSameFilesAreReadAgainInAnotherOrder() throws Exception {
        List<Path> files = corpusFiles();
        List<String> first = files.stream().flatMap(f -> ids(f).stream()).sorted().toList();
        List<String> again = files.reversed().stream().flatMap(f -> ids(f).stream()).sorted().toList();
        assertEquals(first, again);
        assertEquals(first.size(), first.stream().distinct().count(), "ids are unique across the corpus");
    }

    private static List<String> ids(Path file) {
        try {
            DocumentStructure s = PARSER.parse(new DocumentReader().read(file));
            return java.util.stream.Stream.concat(s.clauses().stream().map(Clause::id), s.cases().stream().map(Case::id)).toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void samplePathsOfEveryDocument() throws Exception {
        Map<String, List<String>> samples = Map.of(
                "000_", List.of("三、工作步骤", "2. “销号式”整改"),
                "004_", List.of("三、方法步骤", "4． 评估认定"),
                "002_", List.of("附件 党支部“五化”建设细则（试行）", "二、组织生活正常化", "（三）主要任务", "1. 认真落实“三会一课”制度"));
        for (var sample : samples.entrySet()) {
            List<Clause> clauses = corpus(sample.getKey()).clauses();
            assertTrue(clauses.stream().anyMatch(c -> c.path().equals(sample.getValue())),
                    sample.getKey() + " lacks " + sample.getValue());
        }
        List<Clause> education = structure(Paths.CORPUS.resolve("regulations/中国共产党党员教育管理工作条例.txt")).clauses();
        assertTrue(education.stream().anyMatch(c -> c.path().equals(List.of("第一章 总则", "第四条", "（一）"))));
        List<Clause> dues = structure(Paths.CORPUS.resolve("regulations/关于中国共产党党费收缴、使用和管理的规定（收缴部分）.txt")).clauses();
        assertTrue(dues.stream().anyMatch(c -> c.path().equals(List.of("比例", "第二条"))));
    }
}
