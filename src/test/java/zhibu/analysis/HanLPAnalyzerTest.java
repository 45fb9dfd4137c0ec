package zhibu.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import zhibu.testing.Paths;
import zhibu.core.ChineseNumbers;

/** The analyzer as Lucene's own analyzers are tested: terms, offsets, positions, random text, many threads. */
class HanLPAnalyzerTest {
    private final HanLPAnalyzer index = HanLPAnalyzer.forIndex();
    private final HanLPAnalyzer query = HanLPAnalyzer.forQuery();

    @Test
    void domainTermsStayWholeWithTheirOffsets() {
        Tokens t = Tokens.of(index, "落实三会一课和主题党日，开好组织生活会");
        assertEquals(List.of("落实", "三会一课", "和", "主题党日", "开", "好", "组织生活会"), t.words());
        Tokens.Token shyk = t.list().stream().filter(x -> x.term().equals("三会一课")).findFirst().orElseThrow();
        assertEquals(2, shyk.start());
        assertEquals(6, shyk.end());
        Tokens.Token zzshh = t.list().stream().filter(x -> x.term().equals("组织生活会")).findFirst().orElseThrow();
        assertEquals(14, zzshh.start());
        assertEquals(19, zzshh.end());
    }

    @Test
    void everyDictionaryTermIsOneWord() {
        List<String> terms = DomainDictionary.terms();
        assertTrue(terms.size() >= 300, "the dictionary has " + terms.size() + " terms");
        HanLPAnalyzer words = HanLPAnalyzer.wordsOnly();
        List<String> split = new ArrayList<>();
        for (String term : terms) {
            List<String> got = Tokens.of(words, term).words();
            if (!got.equals(List.of(term.toLowerCase()))) {
                split.add(term + "→" + got);
            }
        }
        assertEquals(List.of(), split);
    }

    @Test
    void indexModeAddsTheWordsInsideALongWordAtTheSamePosition() {
        Tokens t = Tokens.of(index, "所属党支部书记全员培训");
        assertEquals("党支部书记", t.list().get(1).term());
        assertEquals(1, t.list().get(1).posInc());
        List<Tokens.Token> inside = t.list().stream().filter(x -> x.posInc() == 0).toList();
        assertTrue(inside.stream().anyMatch(x -> x.term().equals("支部书记") && x.start() == 3 && x.end() == 7), inside.toString());
        assertTrue(inside.stream().anyMatch(x -> x.term().equals("书记") && x.start() == 5 && x.end() == 7), inside.toString());
        assertEquals(List.of("所属", "党支部书记", "全员培训"), t.words());
    }

    @Test
    void chineseNumbersThatAreQuantitiesBecomeDigits() {
        assertEquals(List.of("每", "季度", "1", "次"), Tokens.of(query, "每季度一次").words());
        assertEquals(Tokens.of(index, "每季度1次").words(), Tokens.of(index, "每季度一次").words());
        assertTrue(Tokens.of(query, "党员不够三个人").terms().contains("3"));
        assertTrue(Tokens.of(index, "正式党员3人以上").terms().contains("3"));
        assertEquals(List.of("十二"), List.of("十二").stream().filter(s -> ChineseNumbers.toDigits(s).equals("12")).toList());
        assertEquals("105", ChineseNumbers.toDigits("一百零五"));
        assertEquals("20", ChineseNumbers.toDigits("二十"));
        assertEquals("2020", ChineseNumbers.toDigits("二〇二〇"));
        for (String word : List.of("一般", "一肩挑", "三会一课", "第一书记", "两学一做", "四议两公开")) {
            List<String> words = Tokens.of(query, word).words();
            assertFalse(words.stream().anyMatch(w -> w.matches("\\d+")), word + " → " + words);
        }
    }

    @Test
    void questionWordsNeedNotMatch() {
        List<String> words = Tokens.of(query, "支部党员大会多久开一次").terms();
        assertFalse(words.contains("多久"), words.toString());
        assertFalse(Tokens.of(query, "支委会多长时间召开一次").terms().contains("多长时间"));
        assertFalse(Tokens.of(query, "怎么给党员过政治生日").terms().contains("怎么"));
        assertEquals(java.util.Set.of(QuestionWords.Intent.FREQUENCY), QuestionWords.get().intentsOf("支委会多长时间召开一次"));
        assertEquals(java.util.Set.of(QuestionWords.Intent.AMOUNT), QuestionWords.get().intentsOf("活动经费多少钱"));
        assertEquals(java.util.Set.of(), QuestionWords.get().intentsOf("怎么给党员过政治生日"));
        // a question word inside a longer word asks nothing: 标准化 is not 标准
        assertEquals(java.util.Set.of(), QuestionWords.get().intentsOf("西安党支部标准化达标目标"));
        assertEquals(java.util.Set.of(QuestionWords.Intent.AMOUNT), QuestionWords.get().intentsOf("国企每名党员活动经费标准"));
        assertEquals(java.util.Set.of(QuestionWords.Intent.FREQUENCY), QuestionWords.get().intentsOf("不合格党员给多长整改期"));
        // 几个 across 几/个人 still asks how many
        assertEquals(java.util.Set.of(QuestionWords.Intent.AMOUNT), QuestionWords.get().intentsOf("党小组最少几个人"));
    }

    @Test
    void synonymsStandAtTheAbbreviationsPlaceWithItsOffsets() {
        Tokens t = Tokens.of(query, "国企支委会");
        assertTrue(t.terms().containsAll(List.of("国企", "国有企业", "支委会")), t.toString());
        for (Tokens.Token token : t.list()) {
            boolean first = token.term().equals("国企") || token.term().equals("国有企业");
            assertEquals(first ? 0 : 2, token.start(), token.toString());
            assertEquals(first ? 2 : 5, token.end(), token.toString());
        }
        assertTrue(Tokens.of(query, "高校").terms().contains("高等学校"));
        assertTrue(Tokens.of(query, "两新").terms().containsAll(List.of("两新", "非公有制经济组织", "社会组织")));
    }

    @Test
    void randomTextGivesTokensThatPointAtTheirOwnCharacters() {
        Random random = new Random(20261122);
        for (int round = 0; round < 300; round++) {
            String text = randomText(random);
            int lastStart = 0;
            for (Tokens.Token token : Tokens.of(index, text).list()) {
                assertTrue(token.start() >= lastStart && token.start() < token.end() && token.end() <= text.length(),
                        token + " in " + text);
                lastStart = token.start();
                String source = text.substring(token.start(), token.end()).toLowerCase();
                assertTrue(source.equals(token.term()) || token.term().equals(ChineseNumbers.toDigits(source)),
                        token + " but the text there is " + source);
            }
            // a query token may be a synonym, but it stands on the characters of the words it replaces
            for (Tokens.Token token : Tokens.of(query, text).list()) {
                assertTrue(token.start() >= 0 && token.start() < token.end() && token.end() <= text.length(),
                        token + " in " + text);
                assertFalse(text.substring(token.start(), token.end()).isBlank(), token + " in " + text);
            }
        }
    }

    @Test
    void aLongTextIsSegmentedInChunksWithTrueOffsetsAndTheSameWords() throws Exception {
        String clause = Files.readString(Paths.corpusFile("003_")).substring(0, 3000);
        StringBuilder text = new StringBuilder();
        while (text.length() < 5 * HanLPTokenizer.CHUNK) {
            text.append(clause);
        }
        String t = text.toString();
        List<Tokens.Token> tokens = Tokens.of(index, t).list();
        int lastStart = 0;
        for (Tokens.Token token : tokens) {
            assertTrue(token.start() >= lastStart, token.toString());
            lastStart = token.start();
            String source = t.substring(token.start(), token.end()).toLowerCase();
            assertTrue(source.equals(token.term()) || token.term().equals(ChineseNumbers.toDigits(source)),
                    token + " but the text there is " + source);
        }
        // cut after a line or sentence end, the chunks give the words a whole segmentation gives
        long clauseWords = Tokens.of(index, clause).list().size();
        assertTrue(Math.abs(tokens.size() - clauseWords * (t.length() / clause.length())) <= clauseWords,
                tokens.size() + " words for " + (t.length() / clause.length()) + " copies of " + clauseWords);
    }

    @Test
    @org.junit.jupiter.api.Timeout(180)
    void aTwentyMillionCharacterStreamIsSegmentedInBoundedMemory() throws Exception {
        long chars = 20_000_000L;
        String piece = "党支部党员大会一般每季度召开1次，支部委员会会议一般每月召开1次。\n";
        java.io.Reader endless = new java.io.Reader() { // generated as read: the text is never held whole
            long given;

            @Override
            public int read(char[] buffer, int offset, int length) {
                if (given >= chars) {
                    return -1;
                }
                int n = (int) Math.min(length, chars - given);
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = piece.charAt((int) ((given + i) % piece.length()));
                }
                given += n;
                return n;
            }

            @Override
            public void close() {
            }
        };
        long count = 0;
        long before = usedHeap();
        long peak = 0;
        try (var stream = index.tokenStream("text", endless)) {
            stream.reset();
            while (stream.incrementToken()) {
                if (++count % 1_000_000 == 0) {
                    peak = Math.max(peak, usedHeap() - before);
                }
            }
            stream.end();
        }
        assertTrue(count > chars / 10, count + " words");
        // segmenting 20 million characters at once takes gigabytes; in chunks the heap stays flat
        assertTrue(peak < 512L << 20, "heap grew by " + (peak >> 20) + " MB");
    }

    /** The heap the live objects take (collected first, so garbage does not count). */
    private static long usedHeap() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    @Test
    void manyThreadsGetTheSameTokensAsOne() throws Exception {
        Random random = new Random(7);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            texts.add(randomText(random) + "党支部党员大会一般每季度召开1次，三会一课");
        }
        List<Tokens> expected = texts.stream().map(t -> Tokens.of(index, t)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < texts.size(); i++) {
                        if (!Tokens.of(index, texts.get(i)).equals(expected.get(i))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String randomText(Random random) {
        String pieces = "党支部书记每季度召开一次三会一课主题党日组织生活会民主评议党员的和在是了，。、；（）《》“”12345 ABCabc\n\t";
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(60);
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(5) == 0 ? (char) (0x4E00 + random.nextInt(0x9FA5 - 0x4E00))
                    : pieces.charAt(random.nextInt(pieces.length())));
        }
        return text.toString();
    }
}
