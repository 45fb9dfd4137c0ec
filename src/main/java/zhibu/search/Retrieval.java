package zhibu.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import zhibu.analysis.CharsAnalyzer;
import zhibu.analysis.QuestionWords;
import zhibu.core.BranchType;
import zhibu.index.IndexFields;
import zhibu.index.Traits;
import zhibu.index.UnitKind;

/**
 * Runs a question through the views within a scope and gathers what they find: each view's best
 * {@value #UNIT_DEPTH} units (or {@value #SENTENCE_DEPTH} sentences, a unit taking its best sentence's score) with
 * their raw scores; then, for every unit found, the rest of its features: quotation evidence, prior, and what the
 * question's steering words say of it.
 */
final class Retrieval {
    static final int UNIT_DEPTH = 100;
    static final int SENTENCE_DEPTH = 300;
    /** A question naming more types than this lists them all and steers towards none. */
    static final int STEERING_TYPES = 2;

    private final RankingQuery words;
    private final QueryBuilder sentenceWords;
    private final Analyzer chars = new CharsAnalyzer();

    Retrieval(Analyzer queryAnalyzer) {
        this.words = new RankingQuery(queryAnalyzer);
        this.sentenceWords = new QueryBuilder(queryAnalyzer);
    }

    /** The candidates of the given views, by unit id, in the order found. */
    Map<String, Candidate> run(IndexSearcher searcher, Question q, Scope scope, Set<Feature> views)
            throws IOException {
        Map<String, Candidate> found = new LinkedHashMap<>();
        for (Feature view : views) {
            Query query = query(view, q, scope);
            if (query == null) {
                continue;
            }
            int depth = view.sentences() ? SENTENCE_DEPTH : UNIT_DEPTH;
            if (!view.dense()) {
                query = new BooleanQuery.Builder().add(query, Occur.MUST)
                        .add(view.sentences() ? scope.sentenceFilter() : scope.unitFilter(), Occur.FILTER).build();
            }
            // a lexical view keeps one hit per wording, so copies of one rule do not fill its depth
            ScoreDoc[] hits = view.dense() ? searcher.search(query, depth).scoreDocs
                    : searcher.search(query, new DistinctWordings(depth));
            String[] ids = DocOrder.strings(searcher, view.sentences() ? IndexFields.UNIT : IndexFields.ID, docs(hits));
            for (int h = 0; h < hits.length; h++) {
                ScoreDoc hit = hits[h];
                double score = view.dense() ? 2 * hit.score - 1 : hit.score; // DOT_PRODUCT scores (1 + cos) / 2
                Candidate c = found.computeIfAbsent(ids[h], Candidate::new);
                if (!view.sentences()) {
                    c.doc = hit.doc;
                }
                c.found(view, score);
            }
        }
        describe(searcher, q, found);
        return found;
    }

    /** The query of one view, or null when the question gives it nothing to search with. */
    Query query(Feature view, Question q, Scope scope) {
        return switch (view) {
            case WORDS -> words.wordsQuery(q);
            case CHARS -> charsQuery(IndexFields.CHARS, q.text());
            case SENTENCE_WORDS -> sentenceWords.createBooleanQuery(IndexFields.SENTENCE, q.words(), Occur.SHOULD);
            case SENTENCE_CHARS -> charsQuery(IndexFields.SENTENCE_CHARS, q.text());
            case DENSE -> q.vector() == null ? null
                    : new KnnFloatVectorQuery(IndexFields.VECTOR, q.vector(), UNIT_DEPTH, scope.unitFilter());
            case SENTENCE_DENSE -> q.vector() == null ? null
                    : new KnnFloatVectorQuery(IndexFields.SENTENCE_VECTOR, q.vector(), SENTENCE_DEPTH,
                    scope.sentenceFilter());
            default -> throw new IllegalArgumentException(view + " is not a view");
        };
    }

    /** Every character and character pair of the question once, as a bag of terms (BM25 adds them up). */
    Query charsQuery(String field, String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream ts = chars.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (terms.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        terms.forEach(t -> any.add(new TermQuery(new Term(field, t)), Occur.SHOULD));
        return any.build();
    }

    /** Each candidate's record, quotation evidence, prior, and what the question's steering words say of it. */
    private void describe(IndexSearcher searcher, Question q, Map<String, Candidate> found) throws IOException {
        if (found.isEmpty()) {
            return;
        }
        List<BytesRef> ids = new ArrayList<>();
        found.keySet().forEach(id -> ids.add(new BytesRef(id)));
        Query theseUnits = new TermInSetQuery(IndexFields.ID, ids);
        ScoreDoc[] units = searcher.search(theseUnits, found.size()).scoreDocs;
        String[] unitIds = DocOrder.strings(searcher, IndexFields.ID, docs(units));
        for (int u = 0; u < units.length; u++) {
            Candidate c = found.get(unitIds[u]);
            if (c != null) {
                c.doc = units[u].doc;
            }
        }
        found.values().removeIf(c -> c.doc < 0); // a unit removed since its sentences were read
        List<Candidate> inDocOrder = new ArrayList<>(found.values());
        inDocOrder.sort(java.util.Comparator.comparingInt(c -> c.doc)); // stored fields read block by block
        int[] candidateDocs = new int[inDocOrder.size()];
        for (int i = 0; i < candidateDocs.length; i++) {
            candidateDocs[i] = inDocOrder.get(i).doc;
        }
        float[] priors = DocOrder.floats(searcher, IndexFields.PRIOR, candidateDocs, 1f);
        long[] wordings = DocOrder.longs(searcher, IndexFields.WORDING, candidateDocs, 0);
        BitSet place = matching(searcher, theseUnits, q.places().isEmpty() ? null
                : anyOf(IndexFields.PLACE, q.places()));
        BitSet type = matching(searcher, theseUnits, q.branchTypes().isEmpty()
                || q.branchTypes().size() > STEERING_TYPES ? null
                : anyOf(IndexFields.SPECIFIC_TYPE, BranchType.labels(q.branchTypes())));
        List<String> traits = new ArrayList<>();
        if (q.intents().contains(QuestionWords.Intent.FREQUENCY)) {
            traits.add(Traits.FREQUENCY);
        }
        if (q.intents().contains(QuestionWords.Intent.AMOUNT)) {
            traits.add(Traits.AMOUNT);
        }
        BitSet intent = matching(searcher, theseUnits, traits.isEmpty() ? null : anyOf(IndexFields.TRAIT, traits));
        StoredFields stored = q.quotation() == null ? null : searcher.storedFields();
        for (int i = 0; i < candidateDocs.length; i++) {
            Candidate c = inDocOrder.get(i);
            c.set(Feature.PLACE, place.get(c.doc) ? 1 : 0);
            c.set(Feature.TYPE, type.get(c.doc) ? 1 : 0);
            c.set(Feature.INTENT, intent.get(c.doc) ? 1 : 0);
            c.set(Feature.PRIOR, Math.log(priors[i]));
            c.wording = wordings[i];
            if (stored != null) {
                var record = stored.document(c.doc, Set.of(IndexFields.KIND, IndexFields.TEXT, IndexFields.CASE_TEXT));
                String text = record.get(IndexFields.textField(UnitKind.fromLabel(record.get(IndexFields.KIND))
                        .orElseThrow()));
                String folded = Quotation.fold(text == null ? "" : text);
                c.set(Feature.QUOTE, nonZero(q.quotation().share(folded)));
                c.set(Feature.BLANK, nonZero(q.quotation().blankShare(folded)));
            }
        }
    }

    private static int[] docs(ScoreDoc[] hits) {
        int[] docs = new int[hits.length];
        for (int i = 0; i < hits.length; i++) {
            docs[i] = hits[i].doc;
        }
        return docs;
    }

    /** No evidence is no value: the fusion gives it 0 rather than scaling it with the rest. */
    private static double nonZero(double share) {
        return share > 0 ? share : Double.NaN;
    }

    /** The docs among the candidates that meet a condition, walked without scoring or a queue. */
    private static BitSet matching(IndexSearcher searcher, Query units, Query condition) throws IOException {
        BitSet out = new BitSet();
        if (condition != null) {
            Query q = new BooleanQuery.Builder().add(units, Occur.FILTER).add(condition, Occur.FILTER).build();
            org.apache.lucene.search.Weight weight = searcher.createWeight(searcher.rewrite(q),
                    org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES, 1);
            for (org.apache.lucene.index.LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                org.apache.lucene.search.Scorer scorer = weight.scorer(leaf);
                if (scorer != null) {
                    org.apache.lucene.search.DocIdSetIterator it = scorer.iterator();
                    for (int d = it.nextDoc(); d != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
                        out.set(leaf.docBase + d);
                    }
                }
            }
        }
        return out;
    }

    static Query anyOf(String field, List<String> values) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        values.forEach(v -> any.add(new TermQuery(new Term(field, v)), Occur.SHOULD));
        return any.build();
    }

    /** Where a search looks: which kinds of unit (null: clauses and cases), and the user's filters (null: unset). */
    record Scope(UnitKind kind, String branchType, String docId, String topic) {
        Scope unfiltered() {
            return new Scope(kind, null, null, null);
        }

        boolean filtered() {
            return branchType != null || docId != null || topic != null;
        }

        Query unitFilter() {
            BooleanQuery.Builder f = new BooleanQuery.Builder();
            f.add(kind == null ? anyOf(IndexFields.KIND, List.of(UnitKind.CLAUSE.label(), UnitKind.CASE.label()))
                    : new TermQuery(new Term(IndexFields.KIND, kind.label())), Occur.FILTER);
            filters(f);
            return f.build();
        }

        Query sentenceFilter() {
            BooleanQuery.Builder f = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(IndexFields.KIND, UnitKind.SENTENCE.label())), Occur.FILTER);
            if (kind != null) {
                f.add(new TermQuery(new Term(IndexFields.UNIT_KIND, kind.label())), Occur.FILTER);
            }
            filters(f);
            return f.build();
        }

        private void filters(BooleanQuery.Builder f) {
            if (branchType != null) {
                f.add(new TermQuery(new Term(IndexFields.BRANCH_TYPE, branchType)), Occur.FILTER);
            }
            if (docId != null) {
                f.add(new TermQuery(new Term(IndexFields.DOC_ID, docId)), Occur.FILTER);
            }
            if (topic != null) {
                f.add(new TermQuery(new Term(IndexFields.TOPIC, topic)), Occur.FILTER);
            }
        }
    }
}
