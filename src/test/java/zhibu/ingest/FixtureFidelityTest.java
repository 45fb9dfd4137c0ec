package zhibu.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import zhibu.core.DocumentMetadata;
import zhibu.testing.Paths;
import zhibu.testing.TextDiff;

/**
 * Each file of fixtures/formats yields, from its content alone (no MANIFEST beside it), the metadata of its
 * MANIFEST row and the text of the same document's corpus .txt.
 */
class FixtureFidelityTest {
    private static final Pattern PAGE_FOOTER = Pattern.compile(
            "(?m)^\\s*([—–\\-－]\\s*\\d{1,4}\\s*[—–\\-－]|第\\s*\\d+\\s*页.*|\\d{1,4})\\s*$|[—–]\\s*\\d{1,4}\\s*[—–]\\s*$");
    private static final DocumentReader READER = new DocumentReader(false);
    private static final Map<String, String> CORPUS_PREFIX = Map.of(
            "000_jingzhou_gb18030.txt", "000_", "002_hunan.pdf", "002_", "003_xian.docx", "003_",
            "003_xian.doc", "003_", "003_xian.pdf", "003_", "004_suzhou_gov_page.html", "004_");

    static Stream<Arguments> fixtures() {
        return CORPUS_PREFIX.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void metadataFromContentMatchesManifest(String fixture, String corpusPrefix) throws Exception {
        Path corpusFile = Paths.corpusFile(corpusPrefix);
        Manifest.Entry expected = Manifest.read(Paths.CORPUS.resolve(Manifest.FILE_NAME)).entry(corpusFile).orElseThrow();
        DocumentMetadata actual = READER.read(Paths.FORMATS.resolve(fixture)).metadata();
        assertEquals(expected.title(), actual.title(), "title");
        assertEquals(expected.issuer(), actual.issuer(), "issuer");
        assertEquals(expected.docNumber(), actual.docNumber(), "文号");
        assertEquals(expected.date(), actual.date(), "date");
        assertEquals(expected.kind(), actual.kind().code(), "kind");
        assertEquals(expected.region(), actual.region(), "region");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void textMatchesTheCorpusTextForAtLeast97Percent(String fixture, String corpusPrefix) throws Exception {
        String fromFixture = READER.read(Paths.FORMATS.resolve(fixture)).body().text();
        String fromCorpus = READER.read(Paths.corpusFile(corpusPrefix)).body().text();
        double similarity = TextDiff.similarity(fromFixture, fromCorpus);
        assertTrue(similarity >= 0.97, fixture + " matches its corpus text for " + similarity);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void noPageFooterSurvives(String fixture, String corpusPrefix) throws Exception {
        String text = READER.read(Paths.FORMATS.resolve(fixture)).body().text();
        assertFalse(PAGE_FOOTER.matcher(text).find(), () -> "footer left in " + fixture + ": "
                + PAGE_FOOTER.matcher(text).results().map(m -> m.group()).toList());
    }

    @Test
    void theWebPageKeepsOnlyItsArticle() throws Exception {
        String text = READER.read(Paths.FORMATS.resolve("004_suzhou_gov_page.html")).body().text();
        for (String chrome : new String[] {"版权所有", "上一篇", "下一篇", "热点推荐", "当前位置", "浏览次数", "分享到", "字体",
                "首页", "打印本页", "苏ICP备"}) {
            assertFalse(text.contains(chrome), "the page chrome '" + chrome + "' survived");
        }
        assertTrue(text.startsWith("市级机关党支部标准化规范化建设实施方案\n苏委工〔2020〕6号\n为认真贯彻落实"), text);
        assertTrue(text.endsWith("其他类型的党支部，参照此方案实施。\n附件：市级机关党支部标准化规范化建设评估表"), "抄送/印发 kept out");
    }

    @Test
    void docxDocAndPdfOfOneDocumentGiveTheSameParagraphs() throws Exception {
        String docx = READER.read(Paths.FORMATS.resolve("003_xian.docx")).body().text();
        String doc = READER.read(Paths.FORMATS.resolve("003_xian.doc")).body().text();
        String pdf = READER.read(Paths.FORMATS.resolve("003_xian.pdf")).body().text();
        assertEquals(docx, doc);
        assertTrue(TextDiff.similarity(docx, pdf) >= 0.995, "pdf vs docx " + TextDiff.similarity(docx, pdf));
        long docxParagraphs = docx.lines().count();
        long pdfParagraphs = pdf.lines().count();
        assertTrue(Math.abs(docxParagraphs - pdfParagraphs) <= 3, docxParagraphs + " vs " + pdfParagraphs);
    }
}
