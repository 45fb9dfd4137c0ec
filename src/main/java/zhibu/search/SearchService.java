package zhibu.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;
import zhibu.index.IndexFields;
import zhibu.index.UnitKind;
import zhibu.index.ZhibuIndex;

/**
 * Searches the index: the question is analysed once, every view of the fusion searches with it, the fusion ranks
 * what they found, and each hit of the page carries its best sentence and a highlighted snippet. Facet counts are
 * taken over the same candidates (those of the question without the user's filters, so other choices stay
 * visible), in one collector pass.
 */
public final class SearchService {
    private static final int SNIPPET_CHARS = 160;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ZhibuIndex index;
    private final Analyzer queryAnalyzer;
    private final RankingQuery words;
    private final Retrieval retrieval;
    private final Evidence evidence;
    private final Fusion fusion;
    private final Answers answers;
    private final NamedDocuments namedDocuments = new NamedDocuments();
    private volatile SortedSetDocValuesReaderState facetState;

    /** The hybrid fusion when the index has vectors, the lexical one when it has none. */
    public SearchService(ZhibuIndex index) {
        this(index, Fusion.of(index.vectors().enabled() ? Fusion.HYBRID : Fusion.LEXICAL));
    }

    public SearchService(ZhibuIndex index, Fusion fusion) {
        this.index = index;
        this.queryAnalyzer = index.analyzer().queryAnalyzer();
        this.words = new RankingQuery(queryAnalyzer);
        this.retrieval = new Retrieval(queryAnalyzer);
        this.evidence = new Evidence(retrieval);
        this.fusion = fusion;
        this.answers = new Answers(queryAnalyzer);
    }

    public Fusion fusion() {
        return fusion;
    }

    /** The question as every view, the highlighter and the answer use it. */
    public Question question(String text) {
        return Question.of(text, fusion.needsVectors() ? index.vectors() : zhibu.vectors.Vectors.off(),
                queryAnalyzer);
    }

    /** The longest a search's views may take together before they answer with what they found so far. */
    static final java.time.Duration DEADLINE = java.time.Duration.ofSeconds(3);

    /**
     * Searches run a few at a time, as many as there are cores, the rest waiting their turn in order: sixty-four
     * searches side by side on two cores each take thirty times as long, every one of them near its deadline, and
     * together answer fewer per second than two at a time.
     */
    private final java.util.concurrent.Semaphore running = new java.util.concurrent.Semaphore(
            Math.max(2, Runtime.getRuntime().availableProcessors()), true);

    public SearchResult search(SearchRequest request) throws IOException {
        try {
            running.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("the search was interrupted while waiting its turn");
        }
        try {
            return zhibu.index.QueryDeadline.within(DEADLINE, () -> searchNow(request));
        } finally {
            running.release();
        }
    }

    private SearchResult searchNow(SearchRequest request) throws IOException {
        long started = System.nanoTime();
        Question q = question(request.query());
        Retrieval.Scope scope = new Retrieval.Scope(request.kind(), request.branchType(), request.docId(),
                request.topic());
        return index.withSearcher(searcher -> {
            if (q.isEmpty()) {
                return listing(searcher, request, scope, started);
            }
            List<NamedDocuments.Named> documents = namedDocuments.in(searcher, q.text());
            // a document the question names steers the ranking; its name is not searched for
            Question asked = request.constraints()
                    ? q.without(documents.stream().map(NamedDocuments.Named::mention).toList()) : q;
            Ranked found = rank(searcher, asked, scope);
            // facets show what the other filters' values would give: counted over the first stage's candidates
            // without the filters, not by ranking again
            java.util.Collection<Candidate> sideways = scope.filtered()
                    ? retrieval.find(searcher, asked, scope.unfiltered(), fusion.views()).candidates().values()
                    : found.candidates();
            List<Constraint> constraints = new ArrayList<>();
            Ranked ranked = named(searcher, q, documents, found, constraints, request.constraints());
            FacetCounts facets = facets(searcher, sideways, request.kind());

            List<Candidate> page = ranked.candidates().subList(Math.min(request.offset(), ranked.candidates().size()),
                    Math.min(request.offset() + request.limit(), ranked.candidates().size()));
            List<Candidate> answering = answering(searcher, request.kind(), ranked.candidates());
            Set<String> units = new java.util.LinkedHashSet<>();
            page.forEach(c -> units.add(c.unitId));
            answering.forEach(c -> units.add(c.unitId));
            Map<String, List<Evidence.Sentence>> sentences = evidence.sentences(searcher, asked, fusion, ranked.scaling(),
                    List.copyOf(units));
            Map<String, Evidence.Sentence> best = Evidence.best(sentences);
            Answers.Found answer = answers.find(searcher, asked, answering, sentences);
            if (answer.answer() != null) { // the answering clause shows the sentence the answer was read from
                sentences.getOrDefault(answer.answer().clauseId(), List.of()).stream()
                        .filter(st -> st.text().equals(answer.answer().sentence())).findFirst()
                        .ifPresent(st -> best.put(answer.answer().clauseId(), st));
            }
            int[] docs = page.stream().mapToInt(c -> c.doc).toArray();
            String[] snippets = snippets(searcher, words.highlightQuery(asked), docs);
            List<SearchHit> hits = new ArrayList<>();
            StoredFields stored = searcher.storedFields();
            for (int i = 0; i < page.size(); i++) {
                Candidate c = page.get(i);
                hits.add(hit(stored.document(c.doc, HIT_FIELDS), snippets[i], (float) c.score, best.get(c.unitId)));
            }
            long took = (System.nanoTime() - started) / 1_000_000;
            SearchResult.CasePassage fromCases = request.kind() == UnitKind.CLAUSE && request.offset() == 0
                    ? fromCases(searcher, asked, answer) : null;
            return new SearchResult(q.text(), ranked.candidates().size(),
                    SearchResult.TotalRelation.of(ranked.complete()), took, hits, facets.byDimension(),
                    facets.documents(), answer.answer(), answer.covered(), answer.absent(), List.of(),
                    List.copyOf(constraints), fromCases);
        });
    }

    /** The first clauses of the ranking, whose sentences the answer is looked for in (none for cases or documents). */
    private static List<Candidate> answering(IndexSearcher searcher, UnitKind kind, List<Candidate> ranked)
            throws IOException {
        if (kind != null && kind != UnitKind.CLAUSE) {
            return List.of();
        }
        List<Candidate> clauses = new ArrayList<>();
        StoredFields stored = searcher.storedFields();
        for (Candidate c : ranked) {
            if (clauses.size() >= Answers.UNITS) {
                break;
            }
            if (kind == UnitKind.CLAUSE
                    || UnitKind.CLAUSE.label().equals(stored.document(c.doc, Set.of(IndexFields.KIND)).get(IndexFields.KIND))) {
                clauses.add(c);
            }
        }
        return clauses;
    }

    /** What the answer of a question rests on: for calibrating {@link Coverage}. */
    public Coverage.Evidence coverageEvidence(String question) throws IOException {
        Question q = question(question);
        return index.withSearcher(searcher -> {
            Ranked ranked = rank(searcher, q, new Retrieval.Scope(UnitKind.CLAUSE, null, null, null));
            List<Candidate> answering = answering(searcher, UnitKind.CLAUSE, ranked.candidates());
            Map<String, List<Evidence.Sentence>> sentences = evidence.sentences(searcher, q, fusion, ranked.scaling(),
                    answering.stream().map(c -> c.unitId).toList());
            Answers.Found found = answers.find(searcher, q, answering, sentences);
            return found.evidence() == null ? new Coverage.Evidence(Double.NaN, 0, false, false, false) : found.evidence();
        });
    }

    /** Every candidate of a question with its features, for evaluation and tuning. */
    public CandidateSet candidates(Question q, UnitKind kind) throws IOException {
        return index.withSearcher(searcher -> {
            Map<String, Candidate> found = retrieval.run(searcher, q, new Retrieval.Scope(kind, null, null, null),
                    availableViews()).candidates();
            List<Candidate> list = new ArrayList<>(found.values());
            List<String> texts = new ArrayList<>();
            StoredFields stored = searcher.storedFields();
            for (Candidate c : list) {
                texts.add(textOf(stored.document(c.doc, HIT_FIELDS)));
            }
            return CandidateSet.of(list, texts);
        });
    }

    /**
     * Why the first n hits rank as they do: each one's fused score, and each feature's raw value and weighted share
     * of it (for {@code ./zhibu search --explain}).
     */
    public String explain(SearchRequest request, int n) throws IOException {
        Question q = question(request.query());
        Retrieval.Scope scope = new Retrieval.Scope(request.kind(), request.branchType(), request.docId(),
                request.topic());
        return index.withSearcher(searcher -> {
            Ranked ranked = rank(searcher, q, scope);
            StringBuilder out = new StringBuilder(String.format("%-4s %7s", "#", "score"));
            for (Feature f : Feature.values()) {
                if (fusion.weight(f) != 0) {
                    out.append(String.format(" %14s", f.label() + "×" + fusion.weight(f)));
                }
            }
            out.append("  unit\n");
            StoredFields stored = searcher.storedFields();
            for (int i = 0; i < Math.min(n, ranked.candidates().size()); i++) {
                Candidate c = ranked.candidates().get(i);
                out.append(String.format("%-4d %7.3f", i + 1, c.score));
                for (Feature f : Feature.values()) {
                    double w = fusion.weight(f);
                    if (w != 0) {
                        double v = f.scaled() ? ranked.scaling().scale(f, c.raw(f)) : c.raw(f);
                        out.append(String.format(" %6.2f=%6.2f", Double.isNaN(c.raw(f)) ? 0 : c.raw(f), w * v));
                    }
                }
                String text = textOf(stored.document(c.doc, HIT_FIELDS)).replace('\n', ' ');
                out.append("  ").append(c.unitId).append(' ').append(text, 0, Math.min(50, text.length()))
                        .append('\n');
            }
            return out.toString();
        });
    }

    /** The question's words as the query analyzer cuts them (synonyms left out), for suggestions. */
    public List<String> wordsOf(String question) {
        return words.terms(question(question).tokens(), false);
    }

    /** The candidates of a question in a scope, best first, and how the views were scaled. */
    record Ranked(List<Candidate> candidates, Fusion.Scaling scaling, boolean complete) {
    }

    /** The cases whose sentences are weighed when no clause answers. */
    static final int CASES_LOOKED_AT = 3;

    /**
     * How much more of the question's rarer words a case must hold than the answering clause for the case to be shown
     * beside a card: the clause then states the matter less than the experience does.
     */
    static final double CASE_MARGIN = 0.25;

    /**
     * When no clause answers a question, or the answering clause holds less of the question's rarer words than a case
     * does by {@link #CASE_MARGIN}: the first of the best cases whose best sentence covers the question by the same
     * coverage model the clauses are judged with (its meaning's closeness to the question, the question's rarer words
     * in the case), or null. The cases are searched only when a case could show more: most answers hold all the
     * question's words.
     */
    private SearchResult.CasePassage fromCases(IndexSearcher searcher, Question q, Answers.Found answer)
            throws IOException {
        Coverage.Evidence clause = answer.evidence();
        boolean unanswered = !answer.covered() || answer.answer() == null || clause == null;
        double clauseCoverage = unanswered ? Double.NEGATIVE_INFINITY : clause.coverage();
        if (clauseCoverage + CASE_MARGIN > 1) {
            return null;
        }
        boolean absentNoun = clause != null ? clause.absentNoun() : answers.absentNoun(searcher, q);
        Ranked cases = rank(searcher, q, new Retrieval.Scope(UnitKind.CASE, null, null, null));
        List<Candidate> top = cases.candidates().subList(0, Math.min(CASES_LOOKED_AT, cases.candidates().size()));
        Map<String, Evidence.Sentence> best = Evidence.best(evidence.sentences(searcher, q, fusion, cases.scaling(),
                top.stream().map(c -> c.unitId).toList()));
        StoredFields stored = searcher.storedFields();
        for (Candidate c : top) {
            Evidence.Sentence sentence = best.get(c.unitId);
            if (sentence == null) {
                continue;
            }
            Document d = stored.document(c.doc);
            String text = d.get(IndexFields.CASE_TEXT);
            double coverage = answers.coverage(searcher, q, text == null ? "" : text);
            if (coverage >= clauseCoverage + CASE_MARGIN && answers.caseCovers(q, sentence.text(), sentence.cosine(), coverage,
                    absentNoun)) {
                JsonNode json = JSON.readTree(d.get(IndexFields.JSON));
                return new SearchResult.CasePassage(c.unitId, json.path("docId").asText(), docTitleOfCase(d),
                        json.path("title").asText(), sentence.text());
            }
        }
        return null;
    }

    /**
     * The ranking with the documents or, when it names none, the places the question names as filters: the
     * candidates from those documents first, in their order, then the rest; the answer card reads the first clauses,
     * so it comes from there. A name no candidate is from is said (not applied) and changes nothing.
     */
    private static Ranked named(IndexSearcher searcher, Question q, List<NamedDocuments.Named> documents,
                                Ranked ranked, List<Constraint> constraints, boolean apply) throws IOException {
        if (q.places().isEmpty() && documents.isEmpty()) {
            return ranked;
        }
        List<Candidate> first = ranked.candidates();
        if (apply && !documents.isEmpty()) {
            Set<String> ids = documents.stream().map(NamedDocuments.Named::docId)
                    .collect(java.util.stream.Collectors.toSet());
            List<Candidate> all = ranked.candidates();
            // each candidate's document, read from doc values the way they are stored
            String[] docIds = DocOrder.strings(searcher, IndexFields.DOC_ID,
                    all.stream().mapToInt(c -> c.doc).toArray());
            Set<Candidate> inside = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (int i = 0; i < docIds.length; i++) {
                if (ids.contains(docIds[i])) {
                    inside.add(all.get(i));
                }
            }
            first = Constraint.first(all, inside::contains);
        }
        boolean byDocument = first != ranked.candidates();
        if (apply && !byDocument) { // no document named, or none of its clauses found: the places
            first = Constraint.placesFirst(ranked.candidates());
        }
        boolean byPlace = !byDocument && first != ranked.candidates();
        documents.forEach(d -> constraints.add(Constraint.document(d, byDocument)));
        // with a document applied, a place named beside it (湖南的五化意见) is said, not applied on its own
        q.places().forEach(p -> constraints.add(Constraint.place(p, byPlace)));
        return first != ranked.candidates() ? new Ranked(first, ranked.scaling(), ranked.complete()) : ranked;
    }

    Ranked rank(IndexSearcher searcher, Question q, Retrieval.Scope scope) throws IOException {
        Retrieval.Found found = retrieval.run(searcher, q, scope, fusion.views());
        List<Candidate> ranked = fusion.rank(found.candidates().values());
        return new Ranked(ranked, fusion.scaling(found.candidates().values()), found.complete());
    }

    private Set<Feature> availableViews() {
        Set<Feature> views = java.util.EnumSet.copyOf(Feature.VIEWS);
        if (!index.vectors().enabled()) {
            views.removeIf(Feature::dense);
        }
        return views;
    }

    private SearchResult listing(IndexSearcher searcher, SearchRequest request, Retrieval.Scope scope, long started)
            throws IOException {
        Query filter = scope.unitFilter();
        int wanted = Math.max(1, request.offset() + request.limit());
        TopDocs top = searcher.search(filter, wanted, IndexFields.DOCUMENT_ORDER);
        List<SearchHit> hits = new ArrayList<>();
        StoredFields stored = searcher.storedFields();
        for (int i = request.offset(); i < top.scoreDocs.length; i++) {
            Document d = stored.document(top.scoreDocs[i].doc, HIT_FIELDS);
            hits.add(hit(d, plainSnippet(textOf(d)), 0f, null));
        }
        FacetCounts facets = facetsOf(searcher, request.kind(), scope.unfiltered().unitFilter());
        long took = (System.nanoTime() - started) / 1_000_000;
        return new SearchResult("", top.totalHits.value(), SearchResult.TotalRelation.of(
                top.totalHits.relation() == org.apache.lucene.search.TotalHits.Relation.EQUAL_TO), took, hits,
                facets.byDimension(), facets.documents(), null, true, List.of(), List.of(), List.of(), null);
    }

    private String[] snippets(IndexSearcher searcher, Query highlight, int[] docs) throws IOException {
        String[] out = new String[docs.length];
        if (docs.length == 0) {
            return out;
        }
        if (highlight != null) {
            UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, queryAnalyzer)
                    .withFormatter(new MarkFormatter())
                    .withMaxLength(20_000)
                    // the query is a bag of terms: without weight matching the highlighter wraps no reader per
                    // document, and concurrent searches no longer queue on the reader's parent set
                    .withWeightMatches(false)
                    .build();
            // a document hit shows its summary: highlighting would read its whole text
            String[] fields = {IndexFields.TEXT, IndexFields.CASE_TEXT};
            Map<String, String[]> byField = highlighter.highlightFields(fields, highlight, docs, new int[] {2, 2});
            for (int i = 0; i < out.length; i++) {
                for (String field : fields) {
                    String[] highlighted = byField.get(field);
                    if (out[i] == null && highlighted != null && highlighted[i] != null) {
                        out[i] = highlighted[i];
                    }
                }
            }
        }
        StoredFields stored = searcher.storedFields();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null || out[i].isEmpty()) {
                out[i] = plainSnippet(textOf(stored.document(docs[i], HIT_FIELDS)));
            }
        }
        return out;
    }

    private static String plainSnippet(String text) {
        return MarkFormatter.escape(text.length() > SNIPPET_CHARS ? text.substring(0, SNIPPET_CHARS) : text)
                + (text.length() > SNIPPET_CHARS ? "…" : "");
    }

    /** The contract's facets by dimension, and the documents of the hits by id. */
    private record FacetCounts(Map<String, Map<String, Integer>> byDimension, List<DocumentFacet> documents) {
    }

    /** How many documents the {@code documents} facet names at most. */
    static final int FACET_DOCUMENTS = 100;

    private FacetCounts facets(IndexSearcher searcher, java.util.Collection<Candidate> candidates, UnitKind kind)
            throws IOException {
        List<BytesRef> ids = candidates.stream().map(c -> new BytesRef(c.unitId)).toList();
        return facetsOf(searcher, kind, new TermInSetQuery(IndexFields.ID, ids));
    }

    private FacetCounts facetsOf(IndexSearcher searcher, UnitKind kind, Query query) throws IOException {
        FacetsCollectorManager.FacetsResult result = FacetsCollectorManager.search(searcher, query, 1,
                new FacetsCollectorManager());
        SortedSetDocValuesReaderState state = facetState(searcher.getIndexReader());
        Facets counts = state == null ? null : new SortedSetDocValuesFacetCounts(state, result.facetsCollector());
        Map<String, Map<String, Integer>> facets = new LinkedHashMap<>();
        List<String> dims = new ArrayList<>(List.of(IndexFields.FACET_DOC_TITLE, IndexFields.FACET_BRANCH_TYPE,
                IndexFields.FACET_KIND));
        if (kind == UnitKind.CASE) {
            dims.add(IndexFields.FACET_TOPIC);
        }
        for (String dim : dims) {
            facets.put(dim, top(counts, state, dim, 100));
        }
        Map<String, Integer> byDocument = top(counts, state, IndexFields.FACET_DOC_ID, FACET_DOCUMENTS);
        Map<String, DocumentName> names = documentNames(searcher, byDocument.keySet());
        List<DocumentFacet> documents = new ArrayList<>();
        byDocument.forEach((id, n) -> {
            DocumentName name = names.get(id);
            if (name != null) {
                documents.add(new DocumentFacet(id, name.title(), name.issuer(), name.region(), n));
            }
        });
        return new FacetCounts(facets, documents);
    }

    private static Map<String, Integer> top(Facets counts, SortedSetDocValuesReaderState state, String dim, int n)
            throws IOException {
        Map<String, Integer> values = new LinkedHashMap<>();
        FacetResult top = counts == null || state.getOrdRange(dim) == null ? null : counts.getTopChildren(n, dim);
        if (top != null) {
            for (LabelAndValue lv : top.labelValues) {
                values.put(lv.label, lv.value.intValue());
            }
        }
        return values;
    }

    /** A document's title, issuer and region, as the documents facet names it. */
    private record DocumentName(String title, String issuer, String region) {
    }

    /** The names of the documents read from one reader (records change only with the reader). */
    private record DocumentNames(IndexReader reader, Map<String, DocumentName> byId) {
    }

    private volatile DocumentNames documentNames;

    /**
     * The names of the given documents, by id: from their records' JSON (never a document's text), read once per
     * reader; a document record's stored block holds its text, and a hundred of them were a tenth of a search.
     */
    private Map<String, DocumentName> documentNames(IndexSearcher searcher, Set<String> ids) throws IOException {
        DocumentNames cache = documentNames;
        if (cache == null || cache.reader() != searcher.getIndexReader()) {
            cache = new DocumentNames(searcher.getIndexReader(), new java.util.concurrent.ConcurrentHashMap<>());
            documentNames = cache;
        }
        Map<String, DocumentName> out = new java.util.HashMap<>();
        Set<String> unread = new java.util.HashSet<>();
        for (String id : ids) {
            DocumentName name = cache.byId().get(id);
            if (name != null) {
                out.put(id, name);
            } else {
                unread.add(id);
            }
        }
        if (unread.isEmpty()) {
            return out;
        }
        Query records = new org.apache.lucene.search.BooleanQuery.Builder()
                .add(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(IndexFields.KIND,
                        UnitKind.DOCUMENT.label())), org.apache.lucene.search.BooleanClause.Occur.FILTER)
                .add(new TermInSetQuery(IndexFields.ID, unread.stream().map(BytesRef::new).toList()),
                        org.apache.lucene.search.BooleanClause.Occur.FILTER).build();
        StoredFields stored = searcher.storedFields();
        for (var hit : searcher.search(records, unread.size()).scoreDocs) {
            JsonNode m = JSON.readTree(stored.document(hit.doc, Set.of(IndexFields.JSON)).get(IndexFields.JSON));
            DocumentName name = new DocumentName(m.path("title").asText(), textOrNull(m.path("issuer")),
                    textOrNull(m.path("region")));
            cache.byId().put(m.path("id").asText(), name);
            out.put(m.path("id").asText(), name);
        }
        return out;
    }

    /** The facet state of the reader, or null when the index has no facets yet (an empty index). */
    private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
        SortedSetDocValuesReaderState state = facetState;
        if (state == null || state.getReader() != reader) {
            try {
                state = new DefaultSortedSetDocValuesReaderState(reader, IndexFields.facetsConfig());
            } catch (IllegalArgumentException noFacetsYet) {
                return null;
            }
            facetState = state;
        }
        return state;
    }

    static SearchHit hit(Document doc, String snippet, float score, Evidence.Sentence sentence) throws IOException {
        JsonNode json = JSON.readTree(doc.get(IndexFields.JSON));
        String kind = doc.get(IndexFields.KIND);
        String text = textOf(doc);
        String sentenceText = sentence == null ? null : sentence.text();
        Integer start = sentence == null ? null : sentence.start();
        Integer end = sentence == null ? null : sentence.end();
        return switch (UnitKind.fromLabel(kind).orElseThrow()) {
            case CLAUSE -> new SearchHit(json.path("id").asText(), kind, json.path("docId").asText(),
                    json.path("docTitle").asText(), strings(json.path("path")), text, snippet, score, sentenceText,
                    start, end, textOrNull(json.path("number")), textOrNull(json.path("heading")),
                    doc.get(IndexFields.STATUS), doc.get(IndexFields.DOC_KIND), strings(json.path("branchTypes")), null,
                    List.of());
            case CASE -> new SearchHit(json.path("id").asText(), kind, json.path("docId").asText(),
                    docTitleOfCase(doc), List.of(json.path("title").asText()), text, snippet, score, sentenceText,
                    start, end, null, json.path("title").asText(), doc.get(IndexFields.STATUS),
                    doc.get(IndexFields.DOC_KIND), strings(json.path("branchTypes")), textOrNull(json.path("unit")),
                    strings(json.path("topics")));
            case DOCUMENT -> new SearchHit(json.path("id").asText(), kind, json.path("id").asText(),
                    json.path("title").asText(), List.of(), text, snippet, score, null, null, null, null,
                    json.path("title").asText(), doc.get(IndexFields.STATUS), doc.get(IndexFields.DOC_KIND),
                    strings(json.path("branchTypes")), null, List.of());
            case SENTENCE -> throw new IllegalArgumentException("a sentence is never a hit of its own");
        };
    }

    /** A clause's or case's text; a document's summary (its whole text only from /api/documents/{id}). */
    private static String textOf(Document doc) {
        UnitKind kind = UnitKind.fromLabel(doc.get(IndexFields.KIND)).orElseThrow();
        String text = doc.get(kind == UnitKind.DOCUMENT ? IndexFields.SUMMARY : IndexFields.textField(kind));
        return text == null ? "" : text;
    }

    /** The stored fields a hit is made of: never a document's whole text. */
    static final Set<String> HIT_FIELDS = Set.of(IndexFields.ID, IndexFields.KIND, IndexFields.JSON,
            IndexFields.STATUS, IndexFields.DOC_KIND, IndexFields.DOC_TITLE_STORED, IndexFields.TEXT, IndexFields.CASE_TEXT,
            IndexFields.SUMMARY);

    private static String docTitleOfCase(Document doc) {
        String title = doc.get(IndexFields.DOC_TITLE_STORED);
        return title == null ? "" : title;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String textOrNull(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }
}
