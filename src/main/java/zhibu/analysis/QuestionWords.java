package zhibu.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;

/** The words of a question a clause need not contain (question-words.txt), and what each asks for. */
public final class QuestionWords {
    /** What a question asks for, when it says so. */
    public enum Intent { FREQUENCY, AMOUNT }

    private static final QuestionWords INSTANCE = new QuestionWords();
    private final Map<String, Intent> words = new LinkedHashMap<>();

    private QuestionWords() {
        for (String line : DataFiles.lines("question-words.txt")) {
            String[] cols = line.split("\t", -1);
            String tag = cols.length > 1 ? cols[1].strip() : "";
            words.put(cols[0].strip(), tag.isEmpty() ? null : Intent.valueOf(tag.toUpperCase(java.util.Locale.ROOT)));
        }
    }

    public static QuestionWords get() {
        return INSTANCE;
    }

    public Set<String> words() {
        return words.keySet();
    }

    public CharArraySet stopSet() {
        return CharArraySet.unmodifiableSet(new CharArraySet(words.keySet(), false));
    }

    /**
     * The intents the question's words state, longest words first so 多少次 counts as frequency. A word inside a
     * longer word of the question, as the segmenter cuts it, asks nothing: 标准 asks how much, the 标准 of 标准化 does
     * not. A word across two of the segmenter's words still asks (几个 of 几/个人).
     */
    public Set<Intent> intentsOf(String question) {
        Set<Intent> intents = java.util.EnumSet.noneOf(Intent.class);
        List<int[]> spans = spans(question);
        StringBuilder rest = new StringBuilder(question);
        List<String> byLength = words.keySet().stream().sorted((a, b) -> b.length() - a.length()).toList();
        for (String word : byLength) {
            for (int at = rest.indexOf(word); at >= 0; at = rest.indexOf(word, at + word.length())) {
                int from = at;
                int to = at + word.length();
                if (spans.stream().anyMatch(w -> w[0] <= from && to <= w[1] && w[1] - w[0] > to - from)) {
                    continue;
                }
                Intent intent = words.get(word);
                if (intent != null) {
                    intents.add(intent);
                }
                for (int i = from; i < to; i++) {
                    rest.setCharAt(i, ' '); // the same length: offsets stay those of the question
                }
            }
        }
        return intents;
    }

    /** Where the question's words stand, as the segmenter cuts it: start and end offsets. */
    private static List<int[]> spans(String question) {
        List<int[]> spans = new java.util.ArrayList<>();
        try (HanLPTokenizer words = new HanLPTokenizer(false)) {
            var offset = words.addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
            words.setReader(new java.io.StringReader(question));
            words.reset();
            while (words.incrementToken()) {
                spans.add(new int[] {offset.startOffset(), offset.endOffset()});
            }
            words.end();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return spans;
    }
}
