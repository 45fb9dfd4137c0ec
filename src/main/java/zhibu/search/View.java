package zhibu.search;

import java.io.IOException;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * One view of a question (a {@link Feature} that comes from searching): how it finds records in the first stage, and
 * its raw score of any record in the second. A sentence view's records are sentences; a unit takes its best one's.
 */
sealed interface View permits View.Lexical, View.Dense {
    Feature feature();

    /**
     * The first stage's query of this view over its records within {@code filter}, keeping its best {@code depth};
     * null when the question gives it nothing to search with.
     */
    Query query(Question q, Query filter, int depth);

    /** The view's raw score of each of these docs (NaN where it gives none), in the order given. */
    double[] scores(IndexSearcher searcher, Question q, int[] docs) throws IOException;

    /** A view scored by BM25: a query built from the question, each doc's score that query's. */
    record Lexical(Feature feature, java.util.function.Function<Question, Query> builder) implements View {
        @Override
        public Query query(Question q, Query filter, int depth) {
            Query query = builder.apply(q);
            return query == null ? null : new org.apache.lucene.search.BooleanQuery.Builder()
                    .add(query, org.apache.lucene.search.BooleanClause.Occur.MUST)
                    .add(filter, org.apache.lucene.search.BooleanClause.Occur.FILTER).build();
        }

        @Override
        public double[] scores(IndexSearcher searcher, Question q, int[] docs) throws IOException {
            Query query = builder.apply(q);
            return query == null ? nothing(docs) : DocOrder.scores(searcher, query, docs);
        }
    }

    /**
     * A view scored by the cosine of the question's vector and the record's: the nearest neighbours in the first
     * stage (HNSW), the exact similarity in the second. A dot-product score is (1 + cosine) / 2; the raw value is the
     * cosine.
     */
    record Dense(Feature feature, String field) implements View {
        @Override
        public Query query(Question q, Query filter, int depth) {
            return q.vector() == null ? null
                    : new org.apache.lucene.search.KnnFloatVectorQuery(field, q.vector(), depth, filter);
        }

        @Override
        public double[] scores(IndexSearcher searcher, Question q, int[] docs) throws IOException {
            if (q.vector() == null) {
                return nothing(docs);
            }
            double[] scores = DocOrder.similarities(searcher, field, q.vector(), docs);
            for (int i = 0; i < scores.length; i++) {
                scores[i] = cosine((float) scores[i]);
            }
            return scores;
        }

        /** The cosine a similarity score stands for (NaN stays NaN). */
        static double cosine(float score) {
            return 2 * score - 1;
        }
    }

    private static double[] nothing(int[] docs) {
        double[] none = new double[docs.length];
        java.util.Arrays.fill(none, Double.NaN);
        return none;
    }
}
