package zhibu.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * Per-document values of many hits read the way Lucene stores them: leaf by leaf, in increasing doc order, one
 * doc-values iterator per leaf. Read hit by hit in score order instead, every hit opens an iterator of its own and
 * a search of a thousand hits spends most of its time there.
 */
final class DocOrder {
    private DocOrder() {
    }

    /** The positions of {@code docs} sorted by doc. */
    private static Integer[] byDoc(int[] docs) {
        Integer[] order = new Integer[docs.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> docs[i]));
        return order;
    }

    /** Reads one leaf's value of a doc into a slot of the caller's array. */
    @FunctionalInterface
    private interface LeafValues {
        void read(int slot, int leafDoc) throws IOException;
    }

    @FunctionalInterface
    private interface LeafOpener {
        LeafValues open(LeafReaderContext leaf) throws IOException;
    }

    /**
     * Visits the docs in increasing order, one opener call per leaf; a doc listed twice is read once and its slot
     * copied by {@code same(slot, earlierSlot)}.
     */
    private static void inDocOrder(IndexSearcher searcher, int[] docs, LeafOpener opener, IntBinaryConsumer same)
            throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = null;
        LeafValues values = null;
        int last = -1;
        int lastSlot = -1;
        for (int i : byDoc(docs)) {
            int doc = docs[i];
            if (doc == last) {
                same.accept(i, lastSlot);
                continue;
            }
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                values = opener.open(leaf);
            }
            values.read(i, doc - leaf.docBase);
            last = doc;
            lastSlot = i;
        }
    }

    @FunctionalInterface
    private interface IntBinaryConsumer {
        void accept(int slot, int from);
    }

    /** A sorted doc-values string of each doc (null where it has none), in the order given. */
    static String[] strings(IndexSearcher searcher, String field, int[] docs) throws IOException {
        String[] out = new String[docs.length];
        inDocOrder(searcher, docs, leaf -> {
            SortedDocValues values = DocValues.getSorted(leaf.reader(), field);
            return (slot, doc) -> out[slot] = values.advanceExact(doc)
                    ? values.lookupOrd(values.ordValue()).utf8ToString() : null;
        }, (slot, from) -> out[slot] = out[from]);
        return out;
    }

    /** A float kept as numeric doc values of each doc ({@code missing} where it has none), in the order given. */
    static float[] floats(IndexSearcher searcher, String field, int[] docs, float missing) throws IOException {
        float[] out = new float[docs.length];
        inDocOrder(searcher, docs, leaf -> {
            NumericDocValues values = DocValues.getNumeric(leaf.reader(), field);
            return (slot, doc) -> out[slot] = values.advanceExact(doc)
                    ? Float.intBitsToFloat((int) values.longValue()) : missing;
        }, (slot, from) -> out[slot] = out[from]);
        return out;
    }

    /** A long kept as numeric doc values of each doc ({@code missing} where it has none), in the order given. */
    static long[] longs(IndexSearcher searcher, String field, int[] docs, long missing) throws IOException {
        long[] out = new long[docs.length];
        inDocOrder(searcher, docs, leaf -> {
            NumericDocValues values = DocValues.getNumeric(leaf.reader(), field);
            return (slot, doc) -> out[slot] = values.advanceExact(doc) ? values.longValue() : missing;
        }, (slot, from) -> out[slot] = out[from]);
        return out;
    }

    /** Moves a leaf's iterator forward to {@code doc} (docs come in increasing order); whether it stands there. */
    private static boolean at(DocIdSetIterator it, int doc) throws IOException {
        if (it.docID() < doc) {
            it.advance(doc);
        }
        return it.docID() == doc;
    }

    /**
     * Each doc's score by a query (NaN where the query does not match it), in the order given: one scorer per leaf
     * advanced from doc to doc, so the cost is the docs', not the query's matches'.
     */
    static double[] scores(IndexSearcher searcher, Query query, int[] docs) throws IOException {
        double[] out = new double[docs.length];
        Arrays.fill(out, Double.NaN);
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1f);
        inDocOrder(searcher, docs, leaf -> {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                return (slot, doc) -> { };
            }
            DocIdSetIterator it = scorer.iterator();
            return (slot, doc) -> {
                if (at(it, doc)) {
                    out[slot] = scorer.score();
                }
            };
        }, (slot, from) -> out[slot] = out[from]);
        return out;
    }

    /**
     * Each doc's similarity to a vector as the field's function gives it (NaN where the doc has no vector), in the
     * order given: the exact score a nearest-neighbour search would give it.
     */
    static double[] similarities(IndexSearcher searcher, String field, float[] vector, int[] docs)
            throws IOException {
        double[] out = new double[docs.length];
        Arrays.fill(out, Double.NaN);
        inDocOrder(searcher, docs, leaf -> {
            FloatVectorValues values = leaf.reader().getFloatVectorValues(field);
            if (values == null) {
                return (slot, doc) -> { };
            }
            VectorSimilarityFunction similarity = leaf.reader().getFieldInfos().fieldInfo(field)
                    .getVectorSimilarityFunction();
            KnnVectorValues.DocIndexIterator it = values.iterator();
            return (slot, doc) -> {
                if (at(it, doc)) {
                    out[slot] = similarity.compare(vector, values.vectorValue(it.index()));
                }
            };
        }, (slot, from) -> out[slot] = out[from]);
        return out;
    }
}
