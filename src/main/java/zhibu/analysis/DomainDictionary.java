package zhibu.analysis;

import com.hankcs.hanlp.dictionary.CustomDictionary;
import java.util.List;

/**
 * Loads the party-branch terms of {@code dictionary.txt} (and the question words) into HanLP's custom dictionary.
 * HanLP's dictionary is not thread-safe for writes, so this runs once, at start-up, before any segmentation;
 * every analyzer constructor calls {@link #load()} to make sure of that.
 */
public final class DomainDictionary {
    private static volatile boolean loaded;

    private DomainDictionary() {
    }

    public static synchronized void load() {
        if (loaded) {
            return;
        }
        for (String term : terms()) {
            CustomDictionary.insert(term, "nz 1024");
        }
        for (String word : QuestionWords.get().words()) {
            if (word.length() > 1) { // a one-character entry would never join characters, only retag them
                CustomDictionary.insert(word, "ry 1024");
            }
        }
        loaded = true;
    }

    /** A short hash of the dictionary and question words: segmentation, and so the index, depends on them. */
    public static String fingerprint() {
        String all = DataFiles.text("dictionary.txt") + DataFiles.text("question-words.txt");
        return zhibu.ingest.DocumentIds.sha256Hex(all).substring(0, 12);
    }

    /** The groups of synonyms.txt ("a, b, c" lines; "a => b" lines give a, b), each a list in file order. */
    public static List<List<String>> synonymGroups() {
        return DataFiles.lines("synonyms.txt").stream()
                .map(line -> java.util.Arrays.stream(line.split(",|=>")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .toList();
    }

    /** Lines of a data file under zhibu/ (comments and blank lines left out). */
    public static List<String> dataLines(String name) {
        return DataFiles.lines(name);
    }

    /** Whether a word is one of the terms of dictionary.txt. */
    public static boolean isTerm(String word) {
        return TermSet.TERMS.contains(word);
    }

    private static final class TermSet { // read on first use
        static final java.util.Set<String> TERMS = java.util.Set.copyOf(terms());
    }

    /** The terms of dictionary.txt, in file order. */
    public static List<String> terms() {
        return DataFiles.lines("dictionary.txt").stream().map(line -> line.split("\t")[0].strip()).toList();
    }
}
