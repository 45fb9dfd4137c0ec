package zhibu.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import zhibu.answer.Answer;
import zhibu.index.UnitKind;
import zhibu.testing.CorpusIndex;

/** The direct answer card over the real corpus, with vectors: the questions and what they must show. */
class AnswerCardTest {
    static SearchService search;

    @BeforeAll
    static void open() {
        search = new SearchService(CorpusIndex.shared());
    }

    static SearchResult ask(String q) throws IOException {
        return search.search(SearchRequest.of(q, UnitKind.CLAUSE, 10));
    }

    static Map<String, Boolean> variants(Answer a) {
        return a.variants().stream().collect(Collectors.toMap(Answer.Variant::value, Answer.Variant::stricter));
    }

    @Test
    void meetingsAndTheirFrequency() throws IOException {
        SearchResult meeting = ask("党员大会多久开一次");
        assertTrue(meeting.covered());
        assertEquals("每季度1次", meeting.answer().value());
        assertTrue(meeting.answer().sentence().contains("党员大会一般每季度召开1次"), meeting.answer().sentence());
        assertTrue(meeting.answer().sentence().contains(meeting.answer().part()));
        assertFalse(meeting.answer().docTitle().isBlank());
        assertFalse(meeting.answer().path().isEmpty());

        Answer committee = ask("支委会多长时间召开一次").answer();
        assertEquals("每月1次", committee.value());
        assertTrue(committee.part().contains("支部委员会会议"), committee.part());
    }

    @Test
    void aSalaryFindsItsBandOfDues() throws IOException {
        Answer dues = ask("工资8000元每月交多少党费").answer();
        assertNotNull(dues);
        assertEquals("1.5%", dues.value());
        assertTrue(dues.sentence().contains("5000元以上至10000元"), dues.sentence());
        assertEquals("关于中国共产党党费收缴、使用和管理的规定", dues.docTitle());
    }

    @Test
    void documentsThatDisagreeAreShownSideBySideTheStricterMarked() throws IOException {
        Answer reminder = ask("换届提醒提前多久").answer();
        assertEquals(Map.of("提前3个月", false, "提前6个月", true), variants(reminder), reminder.variants().toString());
        Answer lectures = ask("党课多久讲一次").answer();
        assertEquals(Map.of("每半年1次", false, "每季度1次", true), variants(lectures), lectures.variants().toString());
        lectures.variants().forEach(v -> v.sources().forEach(s -> assertTrue(s.sentence().contains("党课"), s.sentence())));
    }

    @Test
    void aQuestionNoDocumentAnswersIsSaidToBeUncovered() throws IOException {
        SearchResult sponsors = ask("入党需要几名介绍人");
        assertFalse(sponsors.covered());
        assertNull(sponsors.answer());
        assertTrue(sponsors.absentWords().contains("介绍人"), sponsors.absentWords().toString());
        assertFalse(sponsors.hits().isEmpty(), "the nearest clauses are still shown");
    }

    @Test
    void aLimitIsTheLimitOfTheAskedBodyWithTheAskedComparator() throws IOException {
        Answer groups = ask("党小组最少几个人").answer();
        assertEquals("不少于3人", groups.value(), groups.toString());
        assertTrue(groups.sentence().contains("每个党小组人数原则上不少于3人"), groups.sentence());
        Answer most = ask("支委会最多几个委员").answer();
        assertEquals("不超过7人", most.value(), "the ceiling, not the usual 3人至5人: " + most);
        assertEquals("不超过50人", ask("党支部党员人数最多多少人").answer().value());
        // 正式党员7人以上的党支部 is a number of the 党支部's members, not of its committee
        Answer committee = ask("支部委员会最少几个人").answer();
        assertEquals("3人至5人", committee.value(), committee.toString());
        SearchResult least = ask("党支部最少要有几个正式党员");
        assertFalse(least.absentWords().contains("最少"), "最少 asks, it is not a matter: " + least.absentWords());
        Answer branch = least.answer();
        assertTrue(branch == null || branch.value() == null || branch.value().contains("3人"),
                "no other body's number: " + branch);
    }

    @Test
    void aQuestionAskingWhatATermIncludesIsAnsweredByTheSentenceThatListsIt() throws IOException {
        // 六有六强具体指什么: the sentence “六有六强”（有规范组织设置、有过硬…, not the document's title that mentions it
        List<String> wrong = new java.util.ArrayList<>();
        int asked = 0;
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("eval/dev-definitions.tsv"))) {
            String[] cols = line.split("\t");
            if (cols.length < 4 || !cols[1].equals("clause")) {
                continue;
            }
            asked++;
            Answer a = ask(cols[2]).answer();
            String sentence = a == null ? "" : a.sentence().replace(" ", "");
            if (java.util.Arrays.stream(cols[3].split("\\|")).noneMatch(sentence::contains)) {
                wrong.add(cols[2] + " → " + sentence);
            }
        }
        assertEquals(8, asked);
        // measured 5 of 8 (v02's listing sentence is not among the first clauses, v04's list is not a 、-list, v05 is
        // not covered); the rule has no weight fitted to these questions
        assertTrue(wrong.size() <= 3, wrong.toString());
        assertTrue(ask("六有六强具体指什么").answer().sentence().contains("有规范组织设置"));
    }

    @Test
    void aPersonsNumberIsNotAnotherPersonsNumber() throws IOException {
        // the only hours the documents state are a 党支部书记's: no value for a 发展对象
        SearchResult hours = ask("发展对象要培训多少学时");
        assertTrue(hours.answer() == null || hours.answer().value() == null, hours.answer() + "");
        assertEquals("每年1次", ask("党员领导干部每年讲几次党课").answer().value());
    }

    @Test
    void everyCardOfTheDevQuestionsReadsItsValueFromWordsOfItsSentence() throws IOException {
        int values = 0;
        for (String file : List.of("eval/dev-queries.tsv", "eval/dev-queries-2.tsv")) {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of(file))) {
                String[] cols = line.split("\t");
                if (cols.length < 3 || !cols[1].equals("clause")) {
                    continue;
                }
                Answer a = ask(cols[2]).answer();
                if (a == null || a.value() == null) {
                    continue;
                }
                values++;
                assertNotNull(a.valueText(), cols[2]);
                assertTrue(a.sentence().contains(a.valueText()), cols[2] + ": " + a.valueText() + " not in " + a.sentence());
                String read = zhibu.core.Values.foldCounts(a.valueText());
                java.util.regex.Matcher number = java.util.regex.Pattern.compile("\\d+(\\.\\d+)?").matcher(a.value());
                while (number.find()) {
                    assertTrue(read.contains(number.group()), cols[2] + ": " + a.value() + " is not read from " + a.valueText());
                }
            }
        }
        assertTrue(values >= 15, "the dev questions give cards with values: " + values);
    }

    @Test
    void noCardStatesANumberForAQuestionNoDocumentAnswers() throws IOException {
        List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of("eval/dev-not-covered.tsv"));
        List<String> stated = new java.util.ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String question = line.split("\t")[1];
            Answer answer = ask(question).answer();
            if (answer != null && answer.value() != null) {
                stated.add(question + " → " + answer.value());
            }
        }
        assertEquals(List.of(), stated, "a number stated for a question no bundled document answers");
    }

    @Test
    void aVariantStatesTheSameOfTheSame() throws IOException {
        Answer term = ask("党支部书记任期几年").answer();
        assertFalse(variants(term).containsKey("1年以上"), "党龄 is not a term of office: " + term.variants());
        Answer reminder = ask("换届提醒提前几个月").answer();
        assertEquals(Map.of("提前3个月", false, "提前6个月", true), variants(reminder), reminder.variants().toString());
        reminder.variants().forEach(v -> v.sources().forEach(src -> assertTrue(src.sentence().contains("提醒"),
                "the higher body's reminder, not the branch's request: " + src.sentence())));
    }

    @Test
    void aNumberForAnotherBodyIsNotStated() throws IOException {
        Answer central = ask("中央委员会每届任期几年").answer();
        assertTrue(central == null || central.value() == null, "the 总支部委员会's 3 years: " + central);
        Answer general = ask("党的总支部委员会每届任期几年").answer();
        assertEquals("3年", general.value(), "the body the rule names: " + general);
        Answer abroad = ask("出国读书的党员支部多久联系一次").answer();
        assertEquals("每半年1次", abroad.value(), "a rule on 党组织 answers for a 支部: " + abroad);
    }

    @Test
    void everyClauseHitCarriesItsBestSentenceWithItsPlace() throws IOException {
        for (String q : List.of("党员大会多久开一次", "支部要撤掉由谁说了算", "机关党支部活动经费来源")) {
            for (SearchHit hit : ask(q).hits()) {
                assertNotNull(hit.sentence(), hit.id());
                assertEquals(hit.sentence(), hit.text().substring(hit.sentenceStart(), hit.sentenceEnd()), hit.id());
            }
        }
        SearchResult r = ask("党员大会多久开一次");
        assertEquals(r.answer().sentence(), r.hits().get(0).sentence(), "the answering clause shows the answer's sentence");
    }
}
