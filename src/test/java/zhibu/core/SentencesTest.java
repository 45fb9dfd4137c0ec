package zhibu.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SentencesTest {
    @Test
    void sentencesEndAtStopsAndSemicolonsAndKnowTheirPlace() {
        String text = "三会一课。党支部党员大会一般每季度召开1次，党支部委员会会议一般每月召开1次；党课一般每季度安排1次。执行情况每年年底报上级党组织备案。";
        List<Sentence> sentences = Sentences.of(text);
        assertEquals(List.of("三会一课。党支部党员大会一般每季度召开1次，党支部委员会会议一般每月召开1次；", "党课一般每季度安排1次。",
                "执行情况每年年底报上级党组织备案。"), sentences.stream().map(Sentence::text).toList());
        for (Sentence s : sentences) {
            assertEquals(s.text(), text.substring(s.start(), s.end()));
        }
        assertEquals(List.of(0, 1, 2), sentences.stream().map(Sentence::index).toList());
    }

    @Test
    void aHeadingJoinsTheSentenceAfterItAndALastShortPieceTheOneBefore() {
        List<Sentence> s = Sentences.of("谈心谈话。党员之间要开展经常性谈心谈话，一般每年不少于1次。见附件。");
        assertEquals(1, s.size());
        assertTrue(s.get(0).text().startsWith("谈心谈话。") && s.get(0).text().endsWith("见附件。"));
    }

    @Test
    void aLongSentenceIsCutAfterACommaBeforeTheLimit() {
        String clause = "党支部要".repeat(10) + "，" + "认真落实".repeat(40) + "。";
        for (Sentence s : Sentences.of(clause)) {
            assertTrue(s.text().length() <= Sentences.MAX_CHARS, s.text().length() + ": " + s.text());
            assertEquals(s.text(), clause.substring(s.start(), s.end()));
        }
    }

    @Test
    void randomTextIsCoveredWithoutLossAndInLinearTime() {
        Random random = new Random(7);
        String alphabet = "党支部大会每季度召开1次。，；！？\n  a";
        for (int round = 0; round < 200; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(600); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String t = text.toString();
            List<Sentence> sentences = Sentences.of(t);
            long letters = t.chars().filter(Character::isLetterOrDigit).count();
            long covered = sentences.stream().flatMapToInt(s -> s.text().chars()).filter(Character::isLetterOrDigit)
                    .count();
            assertEquals(letters, covered, "every letter belongs to one sentence: " + t);
            int before = 0;
            for (Sentence s : sentences) {
                assertTrue(s.start() >= before && s.end() > s.start(), "in order, not overlapping");
                assertEquals(s.text(), t.substring(s.start(), s.end()));
                before = s.end();
            }
        }
    }

    @Test
    @Timeout(10) // a bound against backtracking, not a speed measurement
    void megabyteLinesOfBlanksAndUnderscoresAreCutInOnePass() {
        String blank = " ".repeat(1_000_000) + "。" + "_".repeat(1_000_000) + "\n" + "\u3000".repeat(1_000_000);
        List<Sentence> sentences = Sentences.of(blank);
        assertTrue(sentences.stream().allMatch(s -> s.text().length() <= Sentences.MAX_CHARS));
    }
}
