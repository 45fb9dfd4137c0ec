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
import org.apache.lucene.search.IndexSearcher;

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

    /** A sorted doc-values string of each doc (null where it has none), in the order given. */
    static String[] strings(IndexSearcher searcher, String field, int[] docs) throws IOException {
        String[] out = new String[docs.length];
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = null;
        SortedDocValues values = null;
        int last = -1;
        String lastValue = null;
        for (int i : byDoc(docs)) {
            int doc = docs[i];
            if (doc == last) {
                out[i] = lastValue;
                continue;
            }
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                values = DocValues.getSorted(leaf.reader(), field);
            }
            lastValue = values.advanceExact(doc - leaf.docBase) ? values.lookupOrd(values.ordValue()).utf8ToString() : null;
            last = doc;
            out[i] = lastValue;
        }
        return out;
    }

    /** A float kept as numeric doc values of each doc ({@code missing} where it has none), in the order given. */
    static float[] floats(IndexSearcher searcher, String field, int[] docs, float missing) throws IOException {
        float[] out = new float[docs.length];
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = null;
        NumericDocValues values = null;
        int last = -1;
        float lastValue = missing;
        for (int i : byDoc(docs)) {
            int doc = docs[i];
            if (doc == last) {
                out[i] = lastValue;
                continue;
            }
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                values = DocValues.getNumeric(leaf.reader(), field);
            }
            lastValue = values.advanceExact(doc - leaf.docBase) ? Float.intBitsToFloat((int) values.longValue()) : missing;
            last = doc;
            out[i] = lastValue;
        }
        return out;
    }
}
