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

    /** The intents the question's words state, longest words first so 多少次 counts as frequency. */
    public Set<Intent> intentsOf(String question) {
        Set<Intent> intents = java.util.EnumSet.noneOf(Intent.class);
        String rest = question;
        List<String> byLength = words.keySet().stream().sorted((a, b) -> b.length() - a.length()).toList();
        for (String word : byLength) {
            if (rest.contains(word)) {
                Intent intent = words.get(word);
                if (intent != null) {
                    intents.add(intent);
                }
                rest = rest.replace(word, " ");
            }
        }
        return intents;
    }
}
