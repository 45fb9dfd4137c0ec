package zhibu.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Rescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import zhibu.analysis.ChineseNumbers;
import zhibu.index.IndexFields;
import zhibu.index.UnitKind;

/**
 * A long question usually quotes a rule: a test question with a blank (“党员每年集中学习培训时间一般不少于（）学时”),
 * a sentence pasted from a notice. Its first hits are re-ordered by how much of its wording they contain: the
 * score is multiplied by 1 + WEIGHT × the share of the question's character n-grams found in the unit's text
 * (whitespace, punctuation and Chinese numerals folded). With a blank, the n-grams stop at the blank, and a text
 * that has the words before the blank, a short gap, then the words after it — the sentence the blank was cut
 * from — is multiplied again by 1 + BLANK_WEIGHT × the share of that context it keeps.
 */
public final class QuotationRescorer extends Rescorer {
    static final int MIN_CHARS = 16;
    static final int GRAM = 4;
    static final float WEIGHT = 2f;
    static final float BLANK_WEIGHT = 4f;
    static final int DEPTH = 30;
    /** Characters of context on each side of a blank, and the longest answer a blank stands for. */
    static final int CONTEXT = 8;
    static final int MAX_GAP = 16;
    /** A blank in a question: （）, ( ), ＿＿ or ____. */
    public static final Pattern BLANK = Pattern.compile("[（(][\\s\\u3000_＿]*[)）]|[_＿]{2,}");

    private final Set<String> grams;
    private final String before;
    private final String after;

    private QuotationRescorer(Set<String> grams, String before, String after) {
        this.grams = grams;
        this.before = before;
        this.after = after;
    }

    /** A rescorer for the question, or null when it is too short to be a quotation. */
    static QuotationRescorer forQuestion(String question) {
        Matcher blank = BLANK.matcher(question);
        if (blank.find()) {
            String left = fold(question.substring(0, blank.start()));
            String right = fold(question.substring(blank.end()));
            if (left.length() + right.length() < MIN_CHARS) {
                return null;
            }
            Set<String> grams = grams(left);
            grams.addAll(grams(right));
            return new QuotationRescorer(grams, left.substring(Math.max(0, left.length() - CONTEXT)),
                    right.substring(0, Math.min(CONTEXT, right.length())));
        }
        String folded = fold(question);
        return folded.length() < MIN_CHARS ? null : new QuotationRescorer(grams(folded), null, null);
    }

    static String fold(String s) {
        return ChineseNumbers.foldAll(s.replaceAll("[^\\p{L}\\p{N}]+", ""));
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

    float factor(String text) {
        String folded = fold(text);
        return (1 + WEIGHT * share(folded)) * (1 + BLANK_WEIGHT * blankShare(folded));
    }

    @Override
    public TopDocs rescore(IndexSearcher searcher, TopDocs firstPass, int topN) throws IOException {
        ScoreDoc[] docs = firstPass.scoreDocs.clone();
        StoredFields stored = searcher.storedFields();
        for (ScoreDoc sd : docs) {
            sd.score = sd.score * factor(textOf(stored, sd.doc));
        }
        Arrays.sort(docs, (a, b) -> Float.compare(b.score, a.score));
        return new TopDocs(firstPass.totalHits, Arrays.copyOf(docs, Math.min(topN, docs.length)));
    }

    @Override
    public Explanation explain(IndexSearcher searcher, Explanation first, int docId) throws IOException {
        String folded = fold(textOf(searcher.storedFields(), docId));
        return Explanation.match(first.getValue().floatValue() * factor(folded), "quotation rescoring", first,
                Explanation.match(share(folded), "share of the question's " + GRAM + "-grams in the text"),
                Explanation.match(blankShare(folded), "share of the blank's context kept around a gap"));
    }

    private static String textOf(StoredFields stored, int doc) throws IOException {
        var d = stored.document(doc);
        String text = d.get(IndexFields.textField(UnitKind.fromLabel(d.get(IndexFields.KIND)).orElseThrow()));
        return text == null ? "" : text;
    }
}
