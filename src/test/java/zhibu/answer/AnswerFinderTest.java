package zhibu.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import zhibu.analysis.QuestionWords.Intent;

/** The answer finder on passages written here: which sentence, which part, which value, which variants. */
class AnswerFinderTest {
    private static Passage p(String doc, int rank, double score, String sentence) {
        return new Passage(doc + "." + rank, doc, "《" + doc + "》", null, "现行有效", List.of(doc, "条" + rank), sentence, 0,
                sentence.length(), score, rank, 10 - rank);
    }

    private static List<Word> words(String... forms) {
        List<Word> out = new ArrayList<>();
        for (String f : forms) {
            out.add(new Word(List.of(f.split("/")), 1));
        }
        return out;
    }

    @Test
    void theValueOfThePartThatSharesTheQuestionsWords() {
        Answer a = AnswerFinder.find("支委会多长时间召开一次", words("支委会/支部委员会会议", "召开"), Set.of(Intent.FREQUENCY),
                List.of(), List.of(p("湘", 1, 5, "支部党员大会一般每季度召开1次，支部委员会会议和党小组会议一般每月召开1次。")));
        assertEquals("每月1次", a.value());
        assertEquals("支部委员会会议和党小组会议一般每月召开1次", a.part());
    }

    @Test
    void aNumberInTheQuestionPicksTheBandItFallsInAndTheBandIsNotTheAnswer() {
        List<Passage> bands = List.of(
                p("费", 1, 6, "党员交纳党费的比例为：每月工资收入（税后）在3000元以下（含3000元）者，交纳月工资收入的0.5%；"),
                p("费", 1, 5, "3000元以上至5000元（含5000元）者，交纳1%；"),
                p("费", 1, 5, "5000元以上至10000元（含10000元）者，交纳1.5%；"),
                p("费", 1, 5, "10000元以上者，交纳2%。"));
        Answer a = AnswerFinder.find("工资8000元每月交多少党费", words("工资", "党费"), Set.of(Intent.AMOUNT),
                List.of(8000.0), bands);
        assertEquals("1.5%", a.value());
        assertTrue(a.variants().isEmpty(), "a band's value has no variants");
        assertEquals("2%", AnswerFinder.find("工资12000交多少党费", words("工资", "党费"), Set.of(Intent.AMOUNT),
                List.of(12000.0), bands).value());
    }

    @Test
    void otherDocumentsSayingItDifferentlyAreVariantsTheStricterMarked() {
        Answer a = AnswerFinder.find("党课多久讲一次", words("党课/讲党课"), Set.of(Intent.FREQUENCY), List.of(), List.of(
                p("湘", 1, 5, "支部党员大会一般每季度召开1次，讲党课每半年至少1次，党员领导干部和党支部书记每年至少为党员讲1次党课。"),
                p("陕", 2, 4.8, "党课一般每季度安排1次。"),
                p("鄂", 3, 4.6, "党员领导干部每年至少讲1次党课。"),
                p("苏", 4, 4.5, "每年至少召开1次组织生活会。")));
        assertEquals("每半年1次", a.value());
        assertEquals(List.of("每半年1次", "每季度1次"), a.variants().stream().map(Answer.Variant::value).toList(),
                "a leader's duty (党员领导干部) and another matter (组织生活会) are no variants");
        assertFalse(a.variants().get(0).stricter());
        assertTrue(a.variants().get(1).stricter());
        assertEquals("陕", a.variants().get(1).sources().get(0).docId());
    }

    @Test
    void documentsThatAgreeAreOneVariantWithEverySource() {
        Answer a = AnswerFinder.find("党员大会多久开一次", words("党员大会/支部党员大会"), Set.of(Intent.FREQUENCY), List.of(),
                List.of(p("湘", 1, 5, "支部党员大会一般每季度召开1次。"), p("陕", 2, 4.9, "党支部党员大会一般每季度召开1次。")));
        assertEquals(1, a.variants().size());
        assertEquals(2, a.variants().get(0).sources().size());
        assertFalse(a.variants().get(0).stricter());
    }

    @Test
    void aQuestionThatAsksForNoValueGetsTheSentenceAlone() {
        Answer a = AnswerFinder.find("怎么给党员过政治生日", words("政治生日"), Set.of(), List.of(),
                List.of(p("陕", 1, 5, "核准支部每名党员入党的具体日期，组织党员过“政治生日”。")));
        assertNull(a.value());
        assertTrue(a.sentence().contains("政治生日"));
        assertNull(AnswerFinder.find("x", List.of(), Set.of(), List.of(), List.of()));
    }

    @Test
    void theFirstClausesSentenceThatStatesTheValueAsked() {
        Answer a = AnswerFinder.find("换届提醒提前多久", words("换届", "提醒", "提前"), Set.of(Intent.FREQUENCY), List.of(),
                List.of(p("湘", 1, 6, "特殊情况需延期或提前换届选举的，须按规定提前报上级党组织批准。"),
                        p("湘", 1, 5, "上级党组织对任期将满的党支部，一般应提前3个月书面发函提醒。"),
                        p("陕", 2, 5, "上级党组织一般应当提前6个月提醒任期即将届满的党支部做好换届准备工作。")));
        assertEquals("提前3个月", a.value());
        assertEquals(List.of("提前3个月", "提前6个月"), a.variants().stream().map(Answer.Variant::value).toList());
        assertTrue(a.variants().get(1).stricter(), "an earlier reminder is the stricter");
    }
}
