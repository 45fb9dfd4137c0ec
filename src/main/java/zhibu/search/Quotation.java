package zhibu.search;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import zhibu.core.ChineseNumbers;

/**
 * A long question usually quotes a rule: a test question with a blank (“党员每年集中学习培训时间一般不少于（）学时”),
 * a sentence pasted from a notice. Two pieces of evidence say how well a text matches such a question: the share of
 * the question's character 4-grams the text contains (whitespace, punctuation and Chinese numerals folded), and,
 * with a blank, how much of the words before the blank, a short gap, then the words after it — the sentence the
 * blank was cut from — the text keeps. The fusion weighs both ({@link Feature#QUOTE}, {@link Feature#BLANK}).
 */
public final class Quotation {
    static final int MIN_CHARS = 16;
    static final int GRAM = 4;
    /** Characters of context on each side of a blank, and the longest answer a blank stands for. */
    static final int CONTEXT = 8;
    static final int MAX_GAP = 16;
    /** A blank in a question: （）, ( ), ＿＿ or ____. */
    public static final Pattern BLANK = Pattern.compile("[（(][\\s\\u3000_＿]*[)）]|[_＿]{2,}");

    private final Set<String> grams;
    private final String before;
    private final String after;

    private Quotation(Set<String> grams, String before, String after) {
        this.grams = grams;
        this.before = before;
        this.after = after;
    }

    /** The evidence for the question, or null when it is too short to be a quotation. */
    static Quotation forQuestion(String question) {
        Matcher blank = BLANK.matcher(question);
        if (blank.find()) {
            String left = fold(question.substring(0, blank.start()));
            String right = fold(question.substring(blank.end()));
            if (left.length() + right.length() < MIN_CHARS) {
                return null;
            }
            Set<String> grams = grams(left);
            grams.addAll(grams(right));
            return new Quotation(grams, left.substring(Math.max(0, left.length() - CONTEXT)),
                    right.substring(0, Math.min(CONTEXT, right.length())));
        }
        String folded = fold(question);
        return folded.length() < MIN_CHARS ? null : new Quotation(grams(folded), null, null);
    }

    /** What a quotation's comparison leaves out: everything but letters and digits (compiled once, not per text). */
    private static final java.util.regex.Pattern NOT_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

    static String fold(String s) {
        return ChineseNumbers.foldAll(NOT_WORD.matcher(s).replaceAll(""));
    }

    private static Set<String> grams(String s) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i + GRAM <= s.length(); i++) {
            out.add(s.substring(i, i + GRAM));
        }
        return out;
    }

    float share(String folded) {
        int found = 0;
        for (String gram : grams) {
            if (folded.contains(gram)) {
                found++;
            }
        }
        return grams.isEmpty() ? 0 : (float) found / grams.size();
    }

    /**
     * The most context around the blank a text keeps, as a share: the longest end of the words before the blank
     * and start of the words after it with one to MAX_GAP characters between them, counted double when both sides
     * are there.
     */
    float blankShare(String folded) {
        if (before == null) {
            return 0;
        }
        int best = 0;
        for (int k = before.length(); k >= 0 && 2 * (k + after.length()) > best; k--) {
            String left = before.substring(before.length() - k);
            for (int at = folded.indexOf(left); at >= 0; at = folded.indexOf(left, at + 1)) {
                int gapStart = at + k;
                for (int gap = 1; gap <= MAX_GAP && gapStart + gap <= folded.length(); gap++) {
                    int j = commonPrefix(folded, gapStart + gap, after);
                    // a gap with words of the question on both sides is the sentence the blank was cut from
                    int kept = k >= 2 && j >= 2 ? 2 * (k + j) : k + j;
                    if (kept > best && (k >= 2 || j >= 2)) {
                        best = kept;
                    }
                }
                if (left.isEmpty()) {
                    break; // the right side alone was tried at every place once
                }
            }
        }
        int whole = 2 * (before.length() + after.length());
        return whole == 0 ? 0 : (float) best / whole;
    }

    private static int commonPrefix(String text, int from, String prefix) {
        int n = 0;
        while (n < prefix.length() && from + n < text.length() && text.charAt(from + n) == prefix.charAt(n)) {
            n++;
        }
        return n;
    }
}
