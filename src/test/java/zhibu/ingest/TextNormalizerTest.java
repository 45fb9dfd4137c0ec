package zhibu.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Normalization on real excerpts of the corpus and of what Tika makes of its PDFs. */
class TextNormalizerTest {
    private final TextNormalizer normalizer = new TextNormalizer();

    private List<String> paragraphs(String raw, SourceFormat format) {
        return normalizer.normalize(new RawText(raw, format, MetadataHints.NONE)).paragraphs().stream()
                .map(Paragraph::text).toList();
    }

    @Test
    void rebuildsParagraphsFromLinesBrokenMidSentence() {
        // Jingzhou notice (policies/000): every visual line followed by a blank line
        String raw = """
                为认真落实全省和全市组织工作会议精神，持之以恒抓好党

                支部标准化规范化建设，根据《中国共产党章程》《中国共产党

                支部工作条例（试行）》等有关党内法规，决定在全市各领域基

                层党支部中开展“六有六强”党支部标准化规范化建设，现将有关

                事项提示如下：

                一、总体要求

                坚持以习近平新时代中国特色社会主义思想为指导，深入学

                习贯彻党的二十大精神和党的二十届三中全会精神，认真贯彻落

                实习近平总书记关于党的建设重要思想。
                """;
        assertEquals(List.of(
                "为认真落实全省和全市组织工作会议精神，持之以恒抓好党支部标准化规范化建设，根据《中国共产党章程》"
                        + "《中国共产党支部工作条例（试行）》等有关党内法规，决定在全市各领域基层党支部中开展“六有六强”"
                        + "党支部标准化规范化建设，现将有关事项提示如下：",
                "一、总体要求",
                "坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的二十大精神和党的二十届三中全会精神，"
                        + "认真贯彻落实习近平总书记关于党的建设重要思想。"),
                paragraphs(raw, SourceFormat.TXT));
    }

    @Test
    void dropsPdfPageFootersAndJoinsAcrossThePageBreak() {
        // Tika's text of fixtures/formats/003_xian.pdf around its first page break
        String raw = """
                一、总体要求
                — 1 —



                坚持以习近平新时代中国特色社会主义思想为指导，深入学
                习贯彻党的十九大和十九届二中、三中、四中全会精神，深入
                篇章提供坚强有力的组织保证。

                二、目标任务
                聚焦基本队伍、基本活动、基本阵地、基本制度、基本保障，

                严格执行各领域党支部标准化规范化建设“六项指导标准”(见
                附件)，切实解决组织领导力不强、组织运行不畅、队伍素质不
                优、组织生活不严、制度落实不力、作用发挥不够等问题，持

                — 2 —



                之以恒补短板、强功能，抓规范、促提升，求创新、出实效，
                不断提高党支部建设质量。
                """;
        List<String> paragraphs = paragraphs(raw, SourceFormat.PDF);
        assertEquals("一、总体要求", paragraphs.get(0));
        assertEquals("坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的十九大和十九届二中、三中、四中全会精神，"
                + "深入篇章提供坚强有力的组织保证。", paragraphs.get(1));
        assertEquals("二、目标任务", paragraphs.get(2));
        assertTrue(paragraphs.get(3).contains("“六项指导标准”(见附件)，切实解决"), paragraphs.get(3));
        assertTrue(paragraphs.get(3).endsWith("持之以恒补短板、强功能，抓规范、促提升，求创新、出实效，不断提高党支部建设质量。"));
        assertEquals(4, paragraphs.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"— 2 —", "—1—", "- 3 -", "第 3 页", "第3页 共20页", "12", "3/20", "－ 15 －"})
    void pageNumberLinesGo(String footer) {
        assertEquals(List.of("党支部党员人数一般不超过50人。", "二、队伍素质过硬"),
                paragraphs("党支部党员人数一般不超过50人。\n" + footer + "\n二、队伍素质过硬", SourceFormat.PDF));
    }

    @Test
    void aPageNumberAfterTheTextOfALineGoesAndOtherDashesStay() {
        assertEquals("确保按期换届。", TextNormalizer.withoutTrailingPageMark("确保按期换届。 — 3 —"));
        assertEquals("确保按期换届。", TextNormalizer.withoutTrailingPageMark("确保按期换届。—12—  "));
        assertEquals("党员——先锋", TextNormalizer.withoutTrailingPageMark("党员——先锋"));
        assertEquals("第 — 12345 —", TextNormalizer.withoutTrailingPageMark("第 — 12345 —"), "five digits: no page");
        assertEquals("", TextNormalizer.withoutTrailingPageMark("— 3 —"), "a line that is only a page mark empties");
    }

    @Test
    @org.junit.jupiter.api.Timeout(20) // a bound against backtracking, not a speed measurement
    void megabyteLinesOfSpacesAndUnderscoresAreNormalizedInOnePass() {
        String spaces = " ".repeat(1_000_000);
        String underscores = "_".repeat(1_000_000);
        String raw = "党" + spaces + "员\n" + underscores + "\n__" + "党".repeat(100_000) + "\n1" + spaces + "—\n"
                + "“" + spaces + "。" + spaces + "2\n";
        for (SourceFormat format : List.of(SourceFormat.TXT, SourceFormat.PDF)) {
            List<String> out = paragraphs(raw, format);
            assertFalse(out.isEmpty());
            out.forEach(p -> assertFalse(p.contains("  "), "runs of spaces fold"));
        }
    }

    @Test
    void keepsBreaksBeforeNumberingLabelsButNotInsideQuotations() {
        // Xi'an item 17: the PDF wraps inside “一对一、面对面”, which must not start a new item
        String raw = "注重分析党员思想状况和心理状态。谈心谈话通常采取“一对\n一、面对面”的方式进行，对流动党员，要采取电话沟通等方式。\n"
                + "18. 请示报告。党支部每年至少向上级党组织和党支部党员大会作1次工作报告。";
        assertEquals(List.of(
                "注重分析党员思想状况和心理状态。谈心谈话通常采取“一对一、面对面”的方式进行，对流动党员，要采取电话沟通等方式。",
                "18. 请示报告。党支部每年至少向上级党组织和党支部党员大会作1次工作报告。"),
                paragraphs(raw, SourceFormat.PDF));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        // Hunan 细则 (policies/002) and the Xi'an notice as their PDFs give them
        "(1) 明确设置标准。正式党员人数 3 人以上的基层单位。|(1) 明确设置标准。正式党员人数3人以上的基层单位。",
        "为深入学习贯彻习近平新时代中国特色社会主义思想 and 党的十九大精神。|为深入学习贯彻习近平新时代中国特色社会主义思想 and 党的十九大精神。",
        "市组通字〔2020〕45 号|市组通字〔2020〕45号",
        "2020 年 7 月 15 日|2020年7月15日",
        "2020年 7月|2020年7月",
        "流动党员可以通过 QQ、微信或视频等方式参加。|流动党员可以通过 QQ、微信或视频等方式参加。",
        "截至目前，对全县党组织书记开展全覆盖培训 x 轮以上。|截至目前，对全县党组织书记开展全覆盖培训 x 轮以上。"})
    void foldsSpacesBetweenChineseAndDigitsButNotLatinWords(String raw, String expected) {
        assertEquals(List.of(expected), paragraphs(raw, SourceFormat.PDF));
    }

    @Test
    void fullWidthDigitsAndLettersBecomeHalfWidth() {
        assertEquals(List.of("交纳月工资收入的0.5%；每年ＡＢ审核1次abc。".replace("ＡＢ", "AB")),
                paragraphs("交纳月工资收入的０．５%；每年ＡＢ审核１次ａｂｃ。", SourceFormat.DOCX));
    }

    @Test
    void dropsMarkdownEmphasisAndKeepsHeadings() {
        // experience compilation (experience/001) and Hunan 细则
        String raw = """
                ## 一、“三个确保”抓基础
                #### **四、凝聚民心，增强支部号召力**
                1. **认真落实“三会一课”制度。**支部党员大会一般每季度召开1次。
                """;
        NormalizedText text = normalizer.normalize(new RawText(raw, SourceFormat.MARKDOWN, MetadataHints.NONE));
        assertEquals(List.of(new Paragraph("一、“三个确保”抓基础", 2), new Paragraph("四、凝聚民心，增强支部号召力", 4),
                new Paragraph("1. 认真落实“三会一课”制度。支部党员大会一般每季度召开1次。", 0)), text.paragraphs());
    }

    @Test
    void keepsCopyToAndPrintedByLinesOutOfTheBody() {
        // the end of the Suzhou plan (policies/004)
        String raw = "其他类型的党支部，参照此方案实施。\n附件： 市级机关党支部标准化规范化建设评估表\n\n"
                + "\t抄送：市委各部委办局、市各委办局党组（党委），市各人民团体党组。\n\n"
                + "\t中共苏州市委市级机关工作委员会办公室      2020年4月17日印发\n\n\n4\n—1—\n";
        NormalizedText text = normalizer.normalize(new RawText(raw, SourceFormat.TXT, MetadataHints.NONE));
        assertEquals("其他类型的党支部，参照此方案实施。\n附件：市级机关党支部标准化规范化建设评估表", text.text());
        assertEquals(2, text.trailer().size());
        assertTrue(text.trailer().get(1).endsWith("2020年4月17日印发"));
    }

    @Test
    void shortLinesWithoutSentencePunctuationStayApart() {
        // headings and signatures are short and end without punctuation
        List<String> paragraphs = paragraphs("中共西安市委组织部\n2020 年 7 月 15 日\n关于推进党支部标准化规范化建设的指导意见\n"
                + "为深入学习贯彻习近平总书记来陕考察重要讲话精神，认真\n落实全国和全省、全市组织部长会议精神。", SourceFormat.PDF);
        assertEquals(4, paragraphs.size(), paragraphs.toString());
        assertFalse(paragraphs.get(3).contains("\n"));
    }
}
