package zhibu.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import zhibu.index.IndexFields;
import zhibu.index.UnitKind;

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
        List<BytesRef> ids = unitIds.stream().map(BytesRef::new).toList();
        Query theirs = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexFields.KIND, UnitKind.SENTENCE.label())), Occur.FILTER)
                .add(new TermInSetQuery(IndexFields.UNIT, ids), Occur.FILTER)
                .build();
        int all = Math.max(1, searcher.count(theirs));
        Map<Integer, double[]> raw = new HashMap<>();
        for (ScoreDoc sd : searcher.search(theirs, all).scoreDocs) {
            raw.put(sd.doc, Candidate.nanRow());
        }
        for (Feature view : Feature.VIEWS) {
            if (!view.sentences() || fusion.sentenceWeight(view) == 0 && !view.dense()) {
                continue; // the cosine is always wanted: it tells how well the documents cover the question
            }
            Query query = retrieval.among(view, q, theirs, all);
            if (query == null) {
                continue;
            }
            for (ScoreDoc sd : searcher.search(query, all).scoreDocs) {
                double[] row = raw.get(sd.doc);
                if (row != null) {
                    row[view.ordinal()] = Retrieval.raw(view, sd.score);
                }
            }
        }
        StoredFields stored = searcher.storedFields();
        List<Sentence> sentences = new ArrayList<>();
        for (var e : raw.entrySet()) {
            Document d = stored.document(e.getKey());
            sentences.add(new Sentence(d.get(IndexFields.UNIT), d.getField(IndexFields.START).numericValue().intValue(),
                    d.getField(IndexFields.END).numericValue().intValue(), d.get(IndexFields.SENTENCE),
                    fusion.sentenceScore(e.getValue(), scaling), e.getValue()[Feature.SENTENCE_DENSE.ordinal()]));
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
