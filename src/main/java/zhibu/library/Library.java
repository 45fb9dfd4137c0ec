package zhibu.library;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import zhibu.core.Case;
import zhibu.core.Clause;
import zhibu.core.DocumentMetadata;
import zhibu.index.IndexFields;
import zhibu.index.UnitKind;
import zhibu.index.ZhibuIndex;

/** The stored records of the index by id and by document: clauses, cases and document metadata, in document order. */
public final class Library {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** The stored fields a record is read from. */
    private static final java.util.Set<String> FIELDS = java.util.Set.of(IndexFields.JSON);

    private final ZhibuIndex index;

    public Library(ZhibuIndex index) {
        this.index = index;
    }

    public ZhibuIndex index() {
        return index;
    }

    public Optional<Clause> clause(String id) throws IOException {
        return first(UnitKind.CLAUSE, IndexFields.ID, id).map(d -> read(d, Clause.class));
    }

    public Optional<Case> caseById(String id) throws IOException {
        return first(UnitKind.CASE, IndexFields.ID, id).map(d -> read(d, Case.class));
    }

    public Optional<DocumentMetadata> document(String docId) throws IOException {
        return first(UnitKind.DOCUMENT, IndexFields.ID, docId).map(d -> read(d, DocumentMetadata.class));
    }

    public List<DocumentMetadata> documents() throws IOException {
        return all(UnitKind.DOCUMENT, null, null).stream().map(d -> read(d, DocumentMetadata.class)).toList();
    }

    /** Some of the documents: {@code limit} from {@code offset} in the list's order. */
    public record DocumentPage(List<DocumentMetadata> documents, int total) {
    }

    /** One page of the documents in the order {@link #documents()} lists them; only that page's records are read. */
    public DocumentPage documents(int offset, int limit) throws IOException {
        Query documents = query(UnitKind.DOCUMENT, null, null);
        return index.withSearcher(searcher -> {
            int total = searcher.count(documents);
            int n = (int) Math.min((long) offset + limit, total);
            if (n <= offset) {
                return new DocumentPage(List.of(), total);
            }
            ScoreDoc[] top = searcher.search(documents, n, IndexFields.DOCUMENT_ORDER).scoreDocs;
            StoredFields stored = searcher.storedFields();
            List<DocumentMetadata> page = new ArrayList<>();
            for (int i = offset; i < top.length; i++) {
                page.add(read(stored.document(top[i].doc, FIELDS), DocumentMetadata.class));
            }
            return new DocumentPage(page, total);
        });
    }

    public List<Clause> clausesOf(String docId) throws IOException {
        return all(UnitKind.CLAUSE, IndexFields.DOC_ID, docId).stream().map(d -> read(d, Clause.class)).toList();
    }

    public List<Clause> children(String clauseId) throws IOException {
        return all(UnitKind.CLAUSE, IndexFields.PARENT_ID, clauseId).stream().map(d -> read(d, Clause.class)).toList();
    }

    /** The cases of one compilation, in their order. */
    public List<Case> casesOf(String docId) throws IOException {
        return all(UnitKind.CASE, IndexFields.DOC_ID, docId).stream().map(d -> read(d, Case.class)).toList();
    }

    public List<Case> cases() throws IOException {
        return all(UnitKind.CASE, null, null).stream().map(d -> read(d, Case.class)).toList();
    }

    private Optional<Document> first(UnitKind kind, String field, String value) throws IOException {
        List<Document> docs = find(query(kind, field, value), 1, null);
        return docs.isEmpty() ? Optional.empty() : Optional.of(docs.get(0));
    }

    private List<Document> all(UnitKind kind, String field, String value) throws IOException {
        return find(query(kind, field, value), Integer.MAX_VALUE, IndexFields.DOCUMENT_ORDER);
    }

    private static Query query(UnitKind kind, String field, String value) {
        BooleanQuery.Builder q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexFields.KIND, kind.label())), Occur.FILTER);
        if (field != null) {
            q.add(new TermQuery(new Term(field, value)), Occur.FILTER);
        }
        return q.build();
    }

    private List<Document> find(Query query, int max, Sort sort) throws IOException {
        return index.withSearcher(searcher -> {
            // as many as there are: a queue the size of the index would be allocated for every document's clauses
            int n = Math.max(1, Math.min(max, searcher.count(query)));
            TopDocs top = sort == null ? searcher.search(query, n) : searcher.search(query, n, sort);
            StoredFields stored = searcher.storedFields();
            List<Document> docs = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) {
                docs.add(stored.document(sd.doc, FIELDS)); // never a document's whole text
            }
            return docs;
        });
    }

    private static <T> T read(Document doc, Class<T> type) {
        try {
            return JSON.readValue(doc.get(IndexFields.JSON), type);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
