package zhibu.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import zhibu.index.IndexFields;
import zhibu.index.UnitKind;
import zhibu.index.ZhibuIndex;

/** Searches the index: ranked hits of one kind, filtered, highlighted, with facet counts. */
public final class SearchService {
    private static final int SNIPPET_CHARS = 160;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ZhibuIndex index;
    private final Analyzer queryAnalyzer;
    private final RankingQuery ranking;
    private volatile SortedSetDocValuesReaderState facetState;

    public SearchService(ZhibuIndex index) {
        this.index = index;
        this.queryAnalyzer = index.analyzer().queryAnalyzer();
        this.ranking = new RankingQuery(queryAnalyzer);
    }

    public SearchResult search(SearchRequest request) throws IOException {
        long started = System.nanoTime();
        String q = request.query() == null ? "" : request.query().strip();
        ParsedQuestion question = ParsedQuestion.of(q);
        Query ranked = q.isEmpty() ? null : ranking.build(question);
        Query words = q.isEmpty() ? null : ranking.highlightQuery(question);
        UnitKind kind = request.kind();

        BooleanQuery.Builder base = new BooleanQuery.Builder()
                .add(ranked == null ? (q.isEmpty() ? MatchAllDocsQuery.INSTANCE : new BooleanQuery.Builder().build())
                        : ranked, Occur.MUST)
                .add(kind == null ? textUnits() : term(IndexFields.KIND, kind.label()), Occur.FILTER);
        Query facetQuery = base.build();
        if (request.branchType() != null) {
            base.add(term(IndexFields.BRANCH_TYPE, request.branchType()), Occur.FILTER);
        }
        if (request.docId() != null) {
            base.add(term(IndexFields.DOC_ID, request.docId()), Occur.FILTER);
        }
        if (request.topic() != null) {
            base.add(term(IndexFields.TOPIC, request.topic()), Occur.FILTER);
        }
        Query filtered = base.build();

        IndexSearcher searcher = index.searchers().acquire();
        try {
            int wanted = Math.max(1, request.offset() + request.limit());
            QuotationRescorer quotation = QuotationRescorer.forQuestion(q);
            TopDocs top;
            if (q.isEmpty()) {
                top = searcher.search(filtered, wanted, IndexFields.DOCUMENT_ORDER);
            } else if (quotation != null) {
                TopDocs first = searcher.search(filtered, Math.max(wanted, QuotationRescorer.DEPTH));
                top = quotation.rescore(searcher, first, wanted);
            } else {
                top = searcher.search(filtered, wanted);
            }
            Map<String, Map<String, Integer>> facets = facets(searcher, facetQuery, kind);
            List<ScoreDoc> page = new ArrayList<>();
            for (int i = request.offset(); i < top.scoreDocs.length; i++) {
                page.add(top.scoreDocs[i]);
            }
            String[] snippets = snippets(searcher, words, page);
            List<SearchHit> hits = new ArrayList<>();
            StoredFields stored = searcher.storedFields();
            for (int i = 0; i < page.size(); i++) {
                ScoreDoc sd = page.get(i);
                hits.add(hit(stored.document(sd.doc), snippets[i], Float.isNaN(sd.score) ? 0f : sd.score));
            }
            long took = (System.nanoTime() - started) / 1_000_000;
            return new SearchResult(q, top.totalHits.value(), took, hits, facets, List.of());
        } finally {
            index.searchers().release(searcher);
        }
    }

    /** The question's words as the query analyzer cuts them (synonyms left out), for suggestions. */
    public List<String> wordsOf(String question) {
        return ranking.terms(ParsedQuestion.of(question).words());
    }

    private String[] snippets(IndexSearcher searcher, Query words, List<ScoreDoc> page) throws IOException {
        String[] out = new String[page.size()];
        if (page.isEmpty()) {
            return out;
        }
        if (words != null) {
            UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, queryAnalyzer)
                    .withFormatter(new MarkFormatter())
                    .withMaxLength(200_000)
                    .build();
            int[] ids = page.stream().mapToInt(sd -> sd.doc).toArray();
            String[] fields = IndexFields.TEXT_FIELDS.toArray(String[]::new);
            Map<String, String[]> byField = highlighter.highlightFields(fields, words, ids, new int[] {2, 2, 2});
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
                String text = textOf(stored.document(page.get(i).doc));
                out[i] = MarkFormatter.escape(text.length() > SNIPPET_CHARS ? text.substring(0, SNIPPET_CHARS) : text)
                        + (text.length() > SNIPPET_CHARS ? "…" : "");
            }
        }
        return out;
    }

    private Map<String, Map<String, Integer>> facets(IndexSearcher searcher, Query query, UnitKind kind)
            throws IOException {
        FacetsCollectorManager.FacetsResult result = FacetsCollectorManager.search(searcher, query, 1,
                new FacetsCollectorManager());
        Facets counts = new SortedSetDocValuesFacetCounts(facetState(searcher.getIndexReader()),
                result.facetsCollector());
        Map<String, Map<String, Integer>> facets = new LinkedHashMap<>();
        List<String> dims = new ArrayList<>(List.of(IndexFields.FACET_DOC_TITLE, IndexFields.FACET_BRANCH_TYPE,
                IndexFields.FACET_KIND));
        if (kind == UnitKind.CASE) {
            dims.add(IndexFields.FACET_TOPIC);
        }
        for (String dim : dims) {
            Map<String, Integer> values = new LinkedHashMap<>();
            FacetResult top = facetState(searcher.getIndexReader()).getOrdRange(dim) == null ? null
                    : counts.getTopChildren(100, dim);
            if (top != null) {
                for (LabelAndValue lv : top.labelValues) {
                    values.put(lv.label, lv.value.intValue());
                }
            }
            facets.put(dim, values);
        }
        return facets;
    }

    private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
        SortedSetDocValuesReaderState state = facetState;
        if (state == null || state.getReader() != reader) {
            state = new DefaultSortedSetDocValuesReaderState(reader, IndexFields.facetsConfig());
            facetState = state;
        }
        return state;
    }

    static SearchHit hit(Document doc, String snippet, float score) throws IOException {
        JsonNode json = JSON.readTree(doc.get(IndexFields.JSON));
        String kind = doc.get(IndexFields.KIND);
        String text = textOf(doc);
        return switch (UnitKind.fromLabel(kind).orElseThrow()) {
            case CLAUSE -> new SearchHit(json.path("id").asText(), kind, json.path("docId").asText(),
                    json.path("docTitle").asText(), strings(json.path("path")), text, snippet, score,
                    textOrNull(json.path("number")), textOrNull(json.path("heading")), doc.get(IndexFields.STATUS),
                    strings(json.path("branchTypes")), null, List.of());
            case CASE -> new SearchHit(json.path("id").asText(), kind, json.path("docId").asText(),
                    docTitleOfCase(doc), List.of(json.path("title").asText()), text, snippet, score, null,
                    json.path("title").asText(), doc.get(IndexFields.STATUS), strings(json.path("branchTypes")),
                    textOrNull(json.path("unit")), strings(json.path("topics")));
            case DOCUMENT -> new SearchHit(json.path("id").asText(), kind, json.path("id").asText(),
                    json.path("title").asText(), List.of(), text, snippet, score, null, json.path("title").asText(),
                    doc.get(IndexFields.STATUS), strings(json.path("branchTypes")), null, List.of());
        };
    }

    private static String textOf(Document doc) {
        UnitKind kind = UnitKind.fromLabel(doc.get(IndexFields.KIND)).orElseThrow();
        return doc.get(IndexFields.textField(kind));
    }

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

    private static Query textUnits() {
        return new BooleanQuery.Builder()
                .add(term(IndexFields.KIND, UnitKind.CLAUSE.label()), Occur.SHOULD)
                .add(term(IndexFields.KIND, UnitKind.CASE.label()), Occur.SHOULD)
                .build();
    }

    private static Query term(String field, String value) {
        return new TermQuery(new Term(field, value));
    }
}
