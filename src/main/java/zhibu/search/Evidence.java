package zhibu.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import zhibu.index.IndexFields;

/**
 * The sentence of each hit that best answers the question: every sentence of the hits on a page is scored exactly
 * by the sentence views (its words, its characters, its vector), on the same scale as the ranking used, and the
 * best one of each unit wins.
 */
final class Evidence {
    /**
     * One sentence of a unit, its place in the unit's text, its score on the ranking's scale and its cosine with the
     * question (NaN without vectors).
     */
    record Sentence(String unitId, int start, int end, String text, double score, double cosine) {
    }

    private final Retrieval retrieval;

    Evidence(Retrieval retrieval) {
        this.retrieval = retrieval;
    }

    /** Every sentence of the units, scored, grouped by unit (in text order). */
    Map<String, List<Sentence>> sentences(IndexSearcher searcher, Question q, Fusion fusion, Fusion.Scaling scaling,
                                          List<String> unitIds) throws IOException {
        Map<String, List<Sentence>> out = new LinkedHashMap<>();
        if (unitIds.isEmpty()) {
            return out;
        }
        Retrieval.Sentences theirs = Retrieval.sentencesOf(searcher, null, unitIds);
        int[] docs = theirs.docs();
        double[][] raw = new double[docs.length][];
        for (int i = 0; i < docs.length; i++) {
            raw[i] = Candidate.nanRow();
        }
        for (Feature view : Feature.VIEWS) {
            if (!view.sentences() || fusion.sentenceWeight(view) == 0 && !view.dense()) {
                continue; // the cosine is always wanted: it tells how well the documents cover the question
            }
            double[] scores = retrieval.view(view).scores(searcher, q, docs);
            for (int i = 0; i < docs.length; i++) {
                raw[i][view.ordinal()] = scores[i];
            }
        }
        StoredFields stored = searcher.storedFields();
        List<Sentence> sentences = new ArrayList<>();
        for (int i = 0; i < docs.length; i++) {
            Document d = stored.document(docs[i]);
            sentences.add(new Sentence(d.get(IndexFields.UNIT), d.getField(IndexFields.START).numericValue().intValue(),
                    d.getField(IndexFields.END).numericValue().intValue(), d.get(IndexFields.SENTENCE),
                    fusion.sentenceScore(raw[i], scaling), raw[i][Feature.SENTENCE_DENSE.ordinal()]));
        }
        sentences.sort(java.util.Comparator.comparingInt(Sentence::start));
        unitIds.forEach(id -> out.put(id, new ArrayList<>()));
        sentences.forEach(s -> out.get(s.unitId()).add(s));
        return out;
    }

    /** The best sentence of each unit (absent for a unit without sentences). */
    static Map<String, Sentence> best(Map<String, List<Sentence>> byUnit) {
        Map<String, Sentence> best = new LinkedHashMap<>();
        byUnit.forEach((unit, sentences) -> sentences.stream()
                .max(java.util.Comparator.comparingDouble(Sentence::score).thenComparing(s -> -s.start()))
                .ifPresent(s -> best.put(unit, s)));
        return best;
    }
}
