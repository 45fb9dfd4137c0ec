package zhibu.library;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import zhibu.index.IndexFields;
import zhibu.index.UnitKind;
import zhibu.index.ZhibuIndex;
import zhibu.core.Clause;

/**
 * Clauses on the same matter in other documents ("对照"): the clause's heading and text as a more-like-this query
 * over the other documents' clauses; the best clause of each document first, then the runners-up.
 */
public final class RelatedClauses {
    static final int MAX = 6;
    /** A runner-up from a document already shown must score this share of the best; any other clause, MIN_SHARE. */
    static final float RUNNER_UP_SHARE = 0.6f;
    static final float MIN_SHARE = 0.3f;

    private final ZhibuIndex index;
    private final Library library;

    public RelatedClauses(Library library) {
        this.library = library;
        this.index = library.index();
    }

    public List<Clause> of(Clause clause) throws IOException {
        IndexSearcher searcher = index.searchers().acquire();
        try {
            MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
            mlt.setAnalyzer(index.analyzer().indexAnalyzer());
            mlt.setFieldNames(new String[] {IndexFields.TEXT, IndexFields.HEADING});
            mlt.setMinTermFreq(1);
            mlt.setMinDocFreq(2);
            mlt.setMinWordLen(2);
            mlt.setMaxQueryTerms(20);
            mlt.setBoost(true);
            String heading = clause.heading() == null ? "" : clause.heading();
            Query like = mlt.like(IndexFields.TEXT, new StringReader(heading + " " + heading + " " + clause.text()));
            Query query = new BooleanQuery.Builder()
                    .add(like, Occur.MUST)
                    .add(new TermQuery(new Term(IndexFields.KIND, UnitKind.CLAUSE.label())), Occur.FILTER)
                    .add(new TermQuery(new Term(IndexFields.DOC_ID, clause.docId())), Occur.MUST_NOT)
                    .build();
            ScoreDoc[] top = searcher.search(query, 40).scoreDocs;
            if (top.length == 0) {
                return List.of();
            }
            Set<String> seenDocs = new LinkedHashSet<>();
            List<String> firsts = new ArrayList<>();
            List<String> rest = new ArrayList<>();
            for (ScoreDoc sd : top) {
                Document doc = searcher.storedFields().document(sd.doc);
                String docId = doc.get(IndexFields.DOC_ID);
                if (sd.score < top[0].score * MIN_SHARE) {
                    break;
                }
                if (seenDocs.add(docId)) {
                    firsts.add(doc.get(IndexFields.ID));
                } else if (sd.score >= top[0].score * RUNNER_UP_SHARE) {
                    rest.add(doc.get(IndexFields.ID));
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
        } finally {
            index.searchers().release(searcher);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
