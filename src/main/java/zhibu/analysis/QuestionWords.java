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
     * The intents the question's words state, longest words first so 多少次 counts as frequency. A word counts only
     * where the segmenter cuts the question around it: 标准 asks how much, the 标准 inside 标准化 asks nothing.
     */
    public Set<Intent> intentsOf(String question) {
        Set<Intent> intents = java.util.EnumSet.noneOf(Intent.class);
        Set<Integer> cuts = cuts(question);
        StringBuilder rest = new StringBuilder(question);
        List<String> byLength = words.keySet().stream().sorted((a, b) -> b.length() - a.length()).toList();
        for (String word : byLength) {
            for (int at = rest.indexOf(word); at >= 0; at = rest.indexOf(word, at + word.length())) {
                if (!cuts.contains(at) || !cuts.contains(at + word.length())) {
                    continue;
                }
                Intent intent = words.get(word);
                if (intent != null) {
                    intents.add(intent);
                }
                for (int i = at; i < at + word.length(); i++) {
                    rest.setCharAt(i, ' '); // the same length: offsets stay those of the question
                }
            }
        }
        return intents;
    }

    /** The offsets where the question's words begin and end. */
    private static Set<Integer> cuts(String question) {
        Set<Integer> cuts = new java.util.HashSet<>(List.of(0, question.length()));
        try (HanLPTokenizer words = new HanLPTokenizer(false)) {
            var offset = words.addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
            words.setReader(new java.io.StringReader(question));
            words.reset();
            while (words.incrementToken()) {
                cuts.add(offset.startOffset());
                cuts.add(offset.endOffset());
            }
            words.end();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return cuts;
    }
}
