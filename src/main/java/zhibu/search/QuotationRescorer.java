package zhibu.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
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
 * A long question usually quotes a rule (a test question with a blank, a sentence pasted from a notice). Its first
 * hits are re-ordered by how much of its wording they contain: the score is multiplied by 1 + WEIGHT × the share
 * of the question's character n-grams found in the unit's text (whitespace, punctuation and Chinese numerals
 * folded).
 */
final class QuotationRescorer extends Rescorer {
    static final int MIN_CHARS = 16;
    static final int GRAM = 4;
    static final float WEIGHT = 2f;
    static final int DEPTH = 30;

    private final Set<String> grams;

    private QuotationRescorer(Set<String> grams) {
        this.grams = grams;
    }

    /** A rescorer for the question, or null when it is too short to be a quotation. */
    static QuotationRescorer forQuestion(String question) {
        String folded = fold(question);
        if (folded.length() < MIN_CHARS) {
            return null;
        }
        return new QuotationRescorer(grams(folded));
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

    float share(String text) {
        String folded = fold(text);
        int found = 0;
        for (String gram : grams) {
            if (folded.contains(gram)) {
                found++;
            }
        }
        return grams.isEmpty() ? 0 : (float) found / grams.size();
    }

    @Override
    public TopDocs rescore(IndexSearcher searcher, TopDocs firstPass, int topN) throws IOException {
        ScoreDoc[] docs = firstPass.scoreDocs.clone();
        StoredFields stored = searcher.storedFields();
        for (ScoreDoc sd : docs) {
            sd.score = sd.score * (1 + WEIGHT * share(textOf(stored, sd.doc)));
        }
        Arrays.sort(docs, (a, b) -> Float.compare(b.score, a.score));
        return new TopDocs(firstPass.totalHits, Arrays.copyOf(docs, Math.min(topN, docs.length)));
    }

    @Override
    public Explanation explain(IndexSearcher searcher, Explanation first, int docId) throws IOException {
        float share = share(textOf(searcher.storedFields(), docId));
        return Explanation.match(first.getValue().floatValue() * (1 + WEIGHT * share), "quotation rescoring", first,
                Explanation.match(share, "share of the question's " + GRAM + "-grams in the text"));
    }

    private static String textOf(StoredFields stored, int doc) throws IOException {
        var d = stored.document(doc);
        String text = d.get(IndexFields.textField(UnitKind.fromLabel(d.get(IndexFields.KIND)).orElseThrow()));
        return text == null ? "" : text;
    }
}
