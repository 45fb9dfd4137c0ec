package zhibu.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import zhibu.index.IndexFields;

/**
 * The best {@code n} hits of a query with one hit per wording ({@link IndexFields#WORDING}): a rule copied into a
 * thousand places' rules takes one place among a view's candidates, not all of them, so what other documents say
 * otherwise is still found. Once {@code n} wordings are held, a hit must beat the last of them, and Lucene skips
 * the blocks that cannot (as it does for plain top hits). Hits without a wording are each their own.
 */
final class DistinctWordings implements CollectorManager<DistinctWordings.Collector, ScoreDoc[]> {
    private final int n;

    DistinctWordings(int n) {
        this.n = n;
    }

    @Override
    public Collector newCollector() {
        return new Collector(n);
    }

    @Override
    public ScoreDoc[] reduce(Collection<Collector> collectors) {
        Map<Long, Held> best = new HashMap<>();
        for (Collector c : collectors) {
            for (Held h : c.byWording.values()) {
                best.merge(h.wording(), h, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        List<Held> all = new ArrayList<>(best.values());
        all.sort(null);
        List<ScoreDoc> out = new ArrayList<>();
        for (int i = 0; i < Math.min(n, all.size()); i++) {
            out.add(new ScoreDoc(all.get(i).doc(), all.get(i).score()));
        }
        return out.toArray(ScoreDoc[]::new);
    }

    /**
     * A wording's best hit; ordered best first: higher score, then by wording, then lower doc. Equal scores are
     * common in a large corpus (near-copies of one rule with norms that round alike); the wording decides between
     * them the same way in every index of the same documents, where doc numbers depend on how ingestion's threads
     * happened to interleave.
     */
    private record Held(long wording, int doc, float score) implements Comparable<Held> {
        @Override
        public int compareTo(Held o) {
            int c = Float.compare(o.score, score);
            if (c == 0) {
                c = Long.compare(wording, o.wording);
            }
            return c != 0 ? c : Integer.compare(doc, o.doc);
        }
    }

    static final class Collector extends SimpleCollector {
        private final int n;
        private final Map<Long, Held> byWording = new HashMap<>();
        private final TreeSet<Held> ranked = new TreeSet<>();
        private Scorable scorer;
        private NumericDocValues wordings;
        private int docBase;

        Collector(int n) {
            this.n = n;
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            docBase = context.docBase;
            wordings = DocValues.getNumeric(context.reader(), IndexFields.WORDING);
        }

        @Override
        public void setScorer(Scorable scorer) throws IOException {
            this.scorer = scorer;
            if (ranked.size() >= n) {
                scorer.setMinCompetitiveScore(ranked.last().score());
            }
        }

        @Override
        public void collect(int doc) throws IOException {
            float score = scorer.score();
            if (ranked.size() >= n && score < ranked.last().score()) {
                return;
            }
            int global = docBase + doc;
            long wording = wordings.advanceExact(doc) ? wordings.longValue() : -1L - global; // none: its own
            Held held = new Held(wording, global, score);
            if (ranked.size() >= n && held.compareTo(ranked.last()) >= 0) {
                return; // an equal score with a later wording
            }
            Held before = byWording.get(wording);
            if (before != null) {
                if (held.compareTo(before) >= 0) {
                    return;
                }
                ranked.remove(before);
            }
            byWording.put(wording, held);
            ranked.add(held);
            if (ranked.size() > n) {
                byWording.remove(ranked.pollLast().wording());
            }
            if (ranked.size() >= n) {
                scorer.setMinCompetitiveScore(ranked.last().score()); // equal scores may still win by wording
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.TOP_SCORES;
        }
    }
}
