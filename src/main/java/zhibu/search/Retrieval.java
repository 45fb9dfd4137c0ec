package zhibu.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import zhibu.analysis.CharsAnalyzer;
import zhibu.analysis.QuestionWords;
import zhibu.core.BranchType;
import zhibu.index.IndexFields;
import zhibu.index.Traits;
import zhibu.index.UnitKind;

/**
 * Finds a question's candidates within a scope in two stages: a first stage that finds them (one lexical query's best
 * {@value #FIRST_DEPTH} wordings, each dense view's {@value #UNIT_DEPTH} nearest units or {@value #SENTENCE_DEPTH}
 * nearest sentences), and a second that scores only them by every view (a unit takes its best sentence's score);
 * then, for every candidate, the rest of its features: quotation evidence, prior, and what the question's steering
 * words say of it.
 */
final class Retrieval {
    /** How many wordings the first stage's lexical query keeps. */
    static final int FIRST_DEPTH = 200;
    static final int UNIT_DEPTH = 100;
    static final int SENTENCE_DEPTH = 300;
    /** A question naming more types than this lists them all and steers towards none. */
    static final int STEERING_TYPES = 2;

    private final Analyzer chars = new CharsAnalyzer();
    /** The six views, by feature. */
    private final Map<Feature, View> views = new java.util.EnumMap<>(Feature.class);

    Retrieval(Analyzer queryAnalyzer) {
        RankingQuery words = new RankingQuery(queryAnalyzer);
        for (View view : List.of(
                new View.Lexical(Feature.WORDS, words::wordsQuery),
                new View.Lexical(Feature.CHARS, q -> charsQuery(IndexFields.CHARS, q.text())),
                new View.Lexical(Feature.SENTENCE_WORDS, q -> words.fieldQuery(IndexFields.SENTENCE, q.tokens())),
                new View.Lexical(Feature.SENTENCE_CHARS, q -> charsQuery(IndexFields.SENTENCE_CHARS, q.text())),
                new View.Dense(Feature.DENSE, IndexFields.VECTOR),
                new View.Dense(Feature.SENTENCE_DENSE, IndexFields.SENTENCE_VECTOR))) {
            views.put(view.feature(), view);
        }
    }

    /** The view of a feature that comes from searching. */
    View view(Feature feature) {
        View view = views.get(feature);
        if (view == null) {
            throw new IllegalArgumentException(feature + " is not a view");
        }
        return view;
    }

    /**
     * A question's candidates by unit id, in the order found, and whether they are all the units the first stage
     * matched ({@code complete}; otherwise its lexical query held its best {@value #FIRST_DEPTH} wordings and there
     * are more).
     */
    record Found(Map<String, Candidate> candidates, boolean complete) {
    }

    /**
     * The candidates of the given views, each scored by every view: a first stage finds them ({@link #firstStage}),
     * a second scores only them ({@link #fillIn}).
     */
    Found run(IndexSearcher searcher, Question q, Scope scope, Set<Feature> views) throws IOException {
        Found found = find(searcher, q, scope, views);
        fillIn(searcher, q, scope, views, found.candidates());
        describe(searcher, q, scope, found.candidates());
        return found;
    }

    /** The first stage's candidates alone, unscored by the views that did not find them: what facets count. */
    Found find(IndexSearcher searcher, Question q, Scope scope, Set<Feature> views) throws IOException {
        Map<String, Candidate> found = new LinkedHashMap<>();
        boolean complete = firstStage(searcher, q, scope, views, found);
        resolveDocs(searcher, found);
        return new Found(found, complete);
    }

    /**
     * The first stage, which finds the candidates without scoring the corpus by every view: one lexical query, which
     * Lucene skips through block by block once its best {@value #FIRST_DEPTH} wordings are held (one hit per wording,
     * so copies of one rule do not fill it), and the nearest neighbours in each dense view (HNSW).
     */
    private boolean firstStage(IndexSearcher searcher, Question q, Scope scope, Set<Feature> views,
                               Map<String, Candidate> found) throws IOException {
        boolean complete = true;
        // one lexical query, the words view's own (its pairs of nearby words weigh much in a long, quoted question);
        // the characters view's for a question without words; none for a run of dense views alone
        View lexical = view(Feature.WORDS);
        Query first = null;
        if (views.stream().anyMatch(v -> !v.dense())) {
            first = lexical.query(q, scope.unitFilter(), FIRST_DEPTH);
            if (first == null) {
                lexical = view(Feature.CHARS);
                first = lexical.query(q, scope.unitFilter(), FIRST_DEPTH);
            }
        }
        if (first != null) {
            ScoreDoc[] hits = searcher.search(first, new DistinctWordings(FIRST_DEPTH));
            complete = hits.length < FIRST_DEPTH;
            String[] ids = DocOrder.strings(searcher, IndexFields.ID, docs(hits));
            for (int h = 0; h < hits.length; h++) {
                Candidate c = found.computeIfAbsent(ids[h], Candidate::new);
                c.doc = hits[h].doc;
                c.found(lexical.feature(), hits[h].score);
            }
        }
        for (Feature feature : views) {
            if (!feature.dense()) {
                continue;
            }
            int depth = feature.sentences() ? SENTENCE_DEPTH : UNIT_DEPTH;
            Query query = view(feature).query(q, feature.sentences() ? scope.sentenceFilter() : scope.unitFilter(),
                    depth);
            if (query == null) {
                continue;
            }
            ScoreDoc[] hits = searcher.search(query, depth).scoreDocs;
            String[] ids = DocOrder.strings(searcher, feature.sentences() ? IndexFields.UNIT : IndexFields.ID,
                    docs(hits));
            for (int h = 0; h < hits.length; h++) {
                Candidate c = found.computeIfAbsent(ids[h], Candidate::new);
                if (!feature.sentences()) {
                    c.doc = hits[h].doc;
                }
                c.found(feature, View.Dense.cosine(hits[h].score));
            }
        }
        return complete;
    }

    /**
     * The second stage: each view's score of every candidate, whichever view found it, so a view's cut-off is no
     * evidence against a candidate (without this, the larger the corpus, the more candidates lack a view's score by
     * chance). Each unit view scores the candidates' docs, each sentence view their sentences (a unit takes its best
     * sentence's score), by advancing one scorer per leaf to them: the cost grows with the candidates, not with what
     * the question matches in the corpus. The dense views' scores are the exact similarities a neighbour search gives.
     */
    private void fillIn(IndexSearcher searcher, Question q, Scope scope, Set<Feature> views,
                        Map<String, Candidate> found) throws IOException {
        List<Candidate> candidates = new ArrayList<>(found.values());
        Sentences sentences = null;
        for (Feature view : views) {
            if (view.sentences() && sentences == null) {
                sentences = sentencesOf(searcher, scope, found.keySet());
            }
            List<Candidate> lacking = view.sentences() ? List.of()
                    : candidates.stream().filter(c -> Double.isNaN(c.raw(view))).toList();
            int[] docs = view.sentences() ? sentences.docs() : lacking.stream().mapToInt(c -> c.doc).toArray();
            double[] scores = docs.length == 0 ? new double[0] : view(view).scores(searcher, q, docs);
            for (int i = 0; i < docs.length; i++) {
                if (!Double.isNaN(scores[i])) {
                    Candidate c = view.sentences() ? found.get(sentences.units()[i]) : lacking.get(i);
                    if (c != null) {
                        c.found(view, scores[i]);
                    }
                }
            }
        }
    }

    /** The sentence records of some units, and the unit of each. */
    record Sentences(int[] docs, String[] units) {
    }

    /** The sentence records of these units (within the scope, when one is given), in doc order. */
    static Sentences sentencesOf(IndexSearcher searcher, Scope scope, java.util.Collection<String> unitIds)
            throws IOException {
        Query theirs = new BooleanQuery.Builder()
                .add(new TermInSetQuery(IndexFields.UNIT, unitIds.stream().map(BytesRef::new).toList()), Occur.FILTER)
                .add(scope == null ? new TermQuery(new Term(IndexFields.KIND, UnitKind.SENTENCE.label()))
                        : scope.sentenceFilter(), Occur.FILTER).build();
        List<Integer> docs = new ArrayList<>();
        forEachMatch(searcher, theirs, leaf -> d -> docs.add(leaf.docBase + d));
        int[] sentenceDocs = docs.stream().mapToInt(Integer::intValue).toArray();
        return new Sentences(sentenceDocs, DocOrder.strings(searcher, IndexFields.UNIT, sentenceDocs));
    }

    /** Each candidate's doc, for those a sentence view found (their unit's doc not known yet). */
    private static void resolveDocs(IndexSearcher searcher, Map<String, Candidate> found) throws IOException {
        List<BytesRef> ids = new ArrayList<>();
        found.values().stream().filter(c -> c.doc < 0).forEach(c -> ids.add(new BytesRef(c.unitId)));
        if (!ids.isEmpty()) {
            forEachMatch(searcher, new TermInSetQuery(IndexFields.ID, ids), leaf -> {
                SortedDocValues idValues = DocValues.getSorted(leaf.reader(), IndexFields.ID);
                return d -> {
                    if (idValues.advanceExact(d)) {
                        Candidate c = found.get(idValues.lookupOrd(idValues.ordValue()).utf8ToString());
                        if (c != null) {
                            c.doc = leaf.docBase + d;
                        }
                    }
                };
            });
        }
        found.values().removeIf(c -> c.doc < 0); // a unit removed since its sentences were read
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
    private void describe(IndexSearcher searcher, Question q, Scope scope, Map<String, Candidate> found)
            throws IOException {
        if (found.isEmpty()) {
            return;
        }
        joinCopies(searcher, q, scope, found);
        Query theseUnits = new TermInSetQuery(IndexFields.ID, found.keySet().stream().map(BytesRef::new).toList());
        List<Candidate> inDocOrder = new ArrayList<>(found.values());
        inDocOrder.sort(java.util.Comparator.comparingInt(c -> c.doc)); // stored fields read block by block
        int[] candidateDocs = new int[inDocOrder.size()];
        for (int i = 0; i < candidateDocs.length; i++) {
            candidateDocs[i] = inDocOrder.get(i).doc;
        }
        float[] priors = DocOrder.floats(searcher, IndexFields.PRIOR, candidateDocs, 1f);
        BitSet place = matching(searcher, theseUnits, placeCondition(q));
        BitSet type = matching(searcher, theseUnits, typeCondition(q));
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

    /**
     * Copies of one wording (a rule copied into many places' rules) are one candidate. Each view kept only its best
     * copy, which need not be the copy the question wants, and which copy that is among equals depends on how
     * ingestion numbered the documents: for every wording found, the copy the question prefers ({@link Copy}) stands
     * for the wording, with the wording's best score in each view, and the other copies leave the candidates.
     */
    private void joinCopies(IndexSearcher searcher, Question q, Scope scope, Map<String, Candidate> found)
            throws IOException {
        int[] docs = found.values().stream().mapToInt(c -> c.doc).toArray();
        long[] wordings = DocOrder.longs(searcher, IndexFields.WORDING, docs, 0);
        Map<Long, List<Candidate>> byWording = new HashMap<>();
        int i = 0;
        for (Candidate c : found.values()) {
            c.wording = wordings[i++];
            if (c.wording != 0) {
                byWording.computeIfAbsent(c.wording, w -> new ArrayList<>()).add(c);
            }
        }
        if (byWording.isEmpty()) {
            return;
        }
        Query copies = new BooleanQuery.Builder()
                .add(copiesOf(byWording.keySet()), Occur.FILTER).add(scope.unitFilter(), Occur.FILTER).build();
        BitSet place = matching(searcher, copies, placeCondition(q));
        Map<Long, Copy> preferred = new HashMap<>();
        List<LeafCopies> leaves = new ArrayList<>();
        forEachMatch(searcher, copies, leaf -> {
            NumericDocValues wording = DocValues.getNumeric(leaf.reader(), IndexFields.WORDING);
            NumericDocValues prior = DocValues.getNumeric(leaf.reader(), IndexFields.PRIOR);
            SortedDocValues ids = DocValues.getSorted(leaf.reader(), IndexFields.ID);
            LeafCopies best = new LeafCopies(ids, new HashMap<>());
            leaves.add(best);
            return d -> {
                int doc = leaf.docBase + d;
                wording.advanceExact(d);
                Copy copy = new Copy(doc, place.get(doc),
                        prior.advanceExact(d) ? Float.intBitsToFloat((int) prior.longValue()) : 1f,
                        ids.advanceExact(d) ? ids.ordValue() : Integer.MAX_VALUE, null);
                best.byWording().merge(wording.longValue(), copy, Retrieval::better);
            };
        });
        for (LeafCopies leaf : leaves) { // a leaf's best copies, with their ids read to compare across leaves
            for (Map.Entry<Long, Copy> e : leaf.byWording().entrySet()) {
                preferred.merge(e.getKey(), e.getValue().withId(leaf.ids()), Retrieval::better);
            }
        }
        Map<Long, Candidate> standing = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        for (Map.Entry<Long, List<Candidate>> group : byWording.entrySet()) {
            Copy best = preferred.get(group.getKey());
            Candidate present = best == null ? group.getValue().get(0) // the copy left the scope meanwhile
                    : group.getValue().stream().filter(c -> c.doc == best.doc()).findFirst().orElse(null);
            if (present != null) {
                standing.put(group.getKey(), present);
            } else {
                missing.add(group.getKey());
            }
        }
        String[] ids = DocOrder.strings(searcher, IndexFields.ID,
                missing.stream().mapToInt(w -> preferred.get(w).doc()).toArray());
        for (int j = 0; j < ids.length; j++) {
            if (ids[j] != null) {
                Candidate c = found.computeIfAbsent(ids[j], Candidate::new);
                c.doc = preferred.get(missing.get(j)).doc();
                c.wording = missing.get(j);
                standing.put(c.wording, c);
            }
        }
        for (Map.Entry<Long, List<Candidate>> group : byWording.entrySet()) {
            Candidate stands = standing.get(group.getKey());
            if (stands == null) {
                continue;
            }
            for (Feature view : Feature.VIEWS) {
                double max = group.getValue().stream().mapToDouble(c -> c.raw(view)).filter(v -> !Double.isNaN(v))
                        .max().orElse(Double.NaN);
                stands.set(view, Double.isNaN(stands.raw(view)) ? max : Math.max(max, stands.raw(view)));
            }
            group.getValue().forEach(c -> {
                if (c != stands) {
                    found.remove(c.unitId);
                }
            });
        }
    }

    /**
     * One copy of a wording, ordered by how much the question prefers it: from a place the question names, then
     * the higher prior, then the smaller unit id (the same choice in every index of the same documents). Within a
     * leaf the id's ordinal orders as the id does ({@link Integer#MAX_VALUE}: no id, the last); across leaves the
     * id itself, read once for each leaf's best copy.
     */
    private record Copy(int doc, boolean place, float prior, int idOrd, BytesRef id) implements Comparable<Copy> {
        @Override
        public int compareTo(Copy o) {
            int c = Boolean.compare(place, o.place);
            if (c == 0) {
                c = Float.compare(prior, o.prior);
            }
            if (c != 0) {
                return c;
            }
            if (id == null || o.id == null) {
                return Integer.compare(o.idOrd, idOrd);
            }
            return o.id.compareTo(id);
        }

        Copy withId(SortedDocValues ids) throws IOException {
            return idOrd == Integer.MAX_VALUE ? this
                    : new Copy(doc, place, prior, idOrd, BytesRef.deepCopyOf(ids.lookupOrd(idOrd)));
        }
    }

    private static Copy better(Copy a, Copy b) {
        return b.compareTo(a) > 0 ? b : a;
    }

    /** The best copy of each wording within one leaf, and the leaf's ids to read theirs. */
    private record LeafCopies(SortedDocValues ids, Map<Long, Copy> byWording) {
    }

    private static Query copiesOf(java.util.Collection<Long> wordings) {
        return LongPoint.newSetQuery(IndexFields.WORDING, wordings.stream().mapToLong(Long::longValue).toArray());
    }

    private static Query placeCondition(Question q) {
        return q.places().isEmpty() ? null : anyOf(IndexFields.PLACE, q.places());
    }

    private static Query typeCondition(Question q) {
        return q.branchTypes().isEmpty() || q.branchTypes().size() > STEERING_TYPES ? null
                : anyOf(IndexFields.SPECIFIC_TYPE, BranchType.labels(q.branchTypes()));
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
            forEachMatch(searcher, q, leaf -> d -> out.set(leaf.docBase + d));
        }
        return out;
    }

    /** What to do with each doc of a leaf that matches (the doc relative to the leaf). */
    private interface LeafVisitor {
        DocVisitor open(LeafReaderContext leaf) throws IOException;
    }

    private interface DocVisitor {
        void visit(int doc) throws IOException;
    }

    /** Every doc a query matches, leaf by leaf in doc order, without scores. */
    private static void forEachMatch(IndexSearcher searcher, Query query, LeafVisitor visitor) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer != null) {
                DocVisitor visit = visitor.open(leaf);
                DocIdSetIterator it = scorer.iterator();
                for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
                    visit.visit(d);
                }
            }
        }
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
