package zhibu.library;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import zhibu.core.Clause;
import zhibu.index.IndexFields;
import zhibu.index.UnitKind;
import zhibu.index.ZhibuIndex;

/**
 * Clauses on the same matter in other documents ("对照"), by meaning and by shared words: the clause's vector
 * against the other documents' clauses (cosine), and its heading and text as a more-like-this query over their words
 * (so the matter's own terms count: 三会一课 pairs with 三会一课, not with 组织生活会); each scaled to 0–1 over the
 * candidates and averaged with {@link #MEANING} on the cosine. The best clause of each document comes first, then
 * the runners-up. Without vectors, words alone.
 */
public final class RelatedClauses {
    static final int MAX = 6;
    static final int DEPTH = 40;
    /** The cosine's share of the score; chosen on the clause pairs of the dev files (RelatedClausesTest). */
    static final double MEANING = 0.5;
    /** A runner-up from a document already shown must score this share of the best; any other clause, MIN_SHARE. */
    static final double RUNNER_UP_SHARE = 0.5;
    static final double MIN_SHARE = 0.2;

    private final ZhibuIndex index;
    private final Library library;
    private final double meaning;

    public RelatedClauses(Library library) {
        this(library, MEANING);
    }

    RelatedClauses(Library library, double meaning) {
        this.library = library;
        this.index = library.index();
        this.meaning = meaning;
    }

    public List<Clause> of(Clause clause) throws IOException {
        return index.withSearcher(searcher -> {
            Query others = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(IndexFields.KIND, UnitKind.CLAUSE.label())), Occur.FILTER)
                    .add(new TermQuery(new Term(IndexFields.DOC_ID, clause.docId())), Occur.MUST_NOT)
                    .build();
            Map<String, double[]> scores = new LinkedHashMap<>(); // id → {words, meaning}
            for (ScoreDoc sd : searcher.search(new BooleanQuery.Builder().add(likeThis(searcher, clause), Occur.MUST)
                    .add(others, Occur.FILTER).build(), DEPTH).scoreDocs) {
                scores.computeIfAbsent(id(searcher, sd.doc), k -> new double[] {Double.NaN, Double.NaN})[0] = sd.score;
            }
            float[] vector = meaning > 0 ? index.vector(clause.id()) : null;
            if (vector != null) {
                for (ScoreDoc sd : searcher.search(new KnnFloatVectorQuery(IndexFields.VECTOR, vector, DEPTH, others),
                        DEPTH).scoreDocs) {
                    scores.computeIfAbsent(id(searcher, sd.doc), k -> new double[] {Double.NaN, Double.NaN})[1] =
                            2 * sd.score - 1;
                }
            }
            Map<String, Double> fused = fuse(scores, vector == null ? 0 : meaning);
            List<String> order = new ArrayList<>(fused.keySet());
            order.sort((a, b) -> Double.compare(fused.get(b), fused.get(a)));
            if (order.isEmpty()) {
                return List.of();
            }
            double best = fused.get(order.get(0));
            Set<String> seenDocs = new LinkedHashSet<>();
            List<String> firsts = new ArrayList<>();
            List<String> rest = new ArrayList<>();
            for (String id : order) {
                double score = fused.get(id);
                if (score < best * MIN_SHARE) {
                    break;
                }
                Clause c = library.clause(id).orElse(null);
                if (c == null) {
                    continue;
                }
                if (seenDocs.add(c.docId())) {
                    firsts.add(id);
                } else if (score >= best * RUNNER_UP_SHARE) {
                    rest.add(id);
                }
            }
            List<Clause> related = new ArrayList<>();
            for (String id : concat(firsts, rest)) {
                if (related.size() >= MAX) {
                    break;
                }
                library.clause(id).ifPresent(related::add);
            }
            return related;
        });
    }

    private Query likeThis(IndexSearcher searcher, Clause clause) throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
        mlt.setAnalyzer(index.analyzer().indexAnalyzer());
        mlt.setFieldNames(new String[] {IndexFields.TEXT, IndexFields.HEADING});
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(2);
        mlt.setMinWordLen(2);
        mlt.setMaxQueryTerms(20);
        mlt.setBoost(true);
        String heading = clause.heading() == null ? "" : clause.heading();
        return mlt.like(IndexFields.TEXT, new StringReader(heading + " " + heading + " " + clause.text()));
    }

    /** Each view scaled to 0–1 over the candidates (a candidate a view did not find: 0), then averaged. */
    static Map<String, Double> fuse(Map<String, double[]> scores, double meaning) {
        double[] min = {Double.MAX_VALUE, Double.MAX_VALUE};
        double[] max = {-Double.MAX_VALUE, -Double.MAX_VALUE};
        for (double[] s : scores.values()) {
            for (int i = 0; i < 2; i++) {
                if (!Double.isNaN(s[i])) {
                    min[i] = Math.min(min[i], s[i]);
                    max[i] = Math.max(max[i], s[i]);
                }
            }
        }
        Map<String, Double> fused = new LinkedHashMap<>();
        scores.forEach((id, s) -> {
            double words = scale(s[0], min[0], max[0]);
            double sense = scale(s[1], min[1], max[1]);
            fused.put(id, (1 - meaning) * words + meaning * sense);
        });
        return fused;
    }

    private static double scale(double v, double min, double max) {
        if (Double.isNaN(v)) {
            return 0;
        }
        return max <= min ? 1 : (v - min) / (max - min);
    }

    private static String id(IndexSearcher searcher, int doc) throws IOException {
        Document d = searcher.storedFields().document(doc, Set.of(IndexFields.ID));
        return d.get(IndexFields.ID);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
