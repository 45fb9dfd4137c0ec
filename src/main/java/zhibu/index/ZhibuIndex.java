package zhibu.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import zhibu.analysis.AnalyzerChoice;
import zhibu.analysis.CharsAnalyzer;
import zhibu.analysis.DomainDictionary;
import zhibu.core.Case;
import zhibu.core.Clause;
import zhibu.core.DocumentMetadata;
import zhibu.core.Sentence;
import zhibu.core.Sentences;
import zhibu.ingest.DocumentIds;
import zhibu.ingest.DocumentReader;
import zhibu.ingest.IngestException;
import zhibu.ingest.IngestedDocument;
import zhibu.structure.DocumentStructure;
import zhibu.structure.StructureParser;
import zhibu.vectors.Vectors;

/**
 * The one Lucene index of clauses, cases and documents. Ingestion is incremental by content hash: an unchanged
 * file is skipped, a changed one replaces all its records in one commit, a file gone from an ingested folder is
 * removed. Readers see the index through a {@link SearcherManager}, refreshed after every commit.
 */
public final class ZhibuIndex implements Closeable {
    /**
     * Bump when the records or the analysis code change; edits of the dictionary files change the schema by
     * themselves. An index of another schema is rebuilt from scratch.
     */
    public static final String SCHEMA = "4";
    private static final String SCHEMA_KEY = "zhibu.schema";

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final AnalyzerChoice analyzer;
    private final DocumentReader reader = new DocumentReader();
    private final StructureParser parser = new StructureParser();
    private final LuceneRecords records = new LuceneRecords();
    private final Vectors vectors;
    private final boolean rebuilt;

    private ZhibuIndex(Directory directory, AnalyzerChoice analyzer, Vectors vectors) throws IOException {
        this.directory = directory;
        this.analyzer = analyzer;
        this.vectors = vectors;
        String wanted = SCHEMA + "/" + analyzer.label() + "/" + DomainDictionary.fingerprint() + "/" + vectors.model();
        boolean current = DirectoryReader.indexExists(directory)
                && wanted.equals(schemaOf(directory));
        IndexWriterConfig config = new IndexWriterConfig(fieldAnalyzers(analyzer))
                .setOpenMode(current ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE);
        this.writer = new IndexWriter(directory, config);
        this.rebuilt = !current;
        if (!current) {
            writer.setLiveCommitData(Map.of(SCHEMA_KEY, wanted).entrySet());
            writer.commit();
        }
        this.searchers = new SearcherManager(writer, null);
    }

    /** The words analyzer, and characters with their bigrams for the character fields. */
    private static Analyzer fieldAnalyzers(AnalyzerChoice words) {
        Analyzer chars = new CharsAnalyzer();
        return new PerFieldAnalyzerWrapper(words.indexAnalyzer(),
                Map.of(IndexFields.CHARS, chars, IndexFields.SENTENCE_CHARS, chars));
    }

    /** Opens (or creates) the index in a folder; an index of an older schema is emptied and must be ingested again. */
    public static ZhibuIndex open(Path folder, Vectors vectors) throws IOException {
        Files.createDirectories(folder);
        return new ZhibuIndex(FSDirectory.open(folder), AnalyzerChoice.HANLP, vectors);
    }

    /** An index in memory, for evaluation and tests. */
    public static ZhibuIndex inMemory(AnalyzerChoice analyzer, Vectors vectors) throws IOException {
        return new ZhibuIndex(new ByteBuffersDirectory(), analyzer, vectors);
    }

    public AnalyzerChoice analyzer() {
        return analyzer;
    }

    /** The vectors records are embedded with, and questions must be; {@link Vectors#off()} when none. */
    public Vectors vectors() {
        return vectors;
    }

    /** Whether opening found no index of the current schema and started an empty one. */
    public boolean rebuilt() {
        return rebuilt;
    }

    public SearcherManager searchers() {
        return searchers;
    }

    /** Ingests files and folders; a bad file fails alone, after which every other file is still ingested. */
    public List<IngestOutcome> ingest(List<Path> roots) throws IOException {
        List<IngestOutcome> outcomes = new ArrayList<>();
        Map<String, IndexedSource> indexed = indexedSources();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                outcomes.add(new IngestOutcome(root, IngestOutcome.Status.FAILED, null, 0, 0,
                        root + " does not exist."));
                continue;
            }
            List<Path> files = DocumentReader.documentFiles(root);
            for (Path file : files) {
                outcomes.add(ingestFile(file, indexed));
            }
            if (Files.isDirectory(root)) {
                outcomes.addAll(removeVanished(root, indexed));
            }
        }
        commit();
        return outcomes;
    }

    /** Adds one already read document (replacing any earlier version of it); used by uploads and evaluation. */
    public DocumentStructure add(IngestedDocument doc, Path source) throws IOException {
        DocumentStructure structure = parser.parse(doc);
        writer.deleteDocuments(new Term(IndexFields.DOC_ID, doc.metadata().id()));
        writer.addDocuments(recordsOf(doc, structure, source));
        return structure;
    }

    /** Removes a document and all its clauses and cases; false when there is none of that id. */
    public boolean delete(String docId) throws IOException {
        boolean existed = findDocument(docId) != null;
        if (existed) {
            writer.deleteDocuments(new Term(IndexFields.DOC_ID, docId));
            commit();
        }
        return existed;
    }

    public void commit() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    /** A number that changes whenever the searchable contents change. */
    public long version() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return ((DirectoryReader) searcher.getIndexReader()).getVersion();
        } finally {
            searchers.release(searcher);
        }
    }

    /** The stored vector of a clause or case, or null (no such unit, or an index without vectors). */
    public float[] vector(String unitId) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            TopDocs top = searcher.search(new TermQuery(new Term(IndexFields.ID, unitId)), 1);
            if (top.scoreDocs.length == 0) {
                return null;
            }
            int doc = top.scoreDocs[0].doc;
            var leaves = searcher.getIndexReader().leaves();
            var leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
            FloatVectorValues values = leaf.reader().getFloatVectorValues(IndexFields.VECTOR);
            if (values == null) {
                return null;
            }
            KnnVectorValues.DocIndexIterator it = values.iterator();
            int target = doc - leaf.docBase;
            return it.advance(target) == target ? values.vectorValue(it.index()).clone() : null;
        } finally {
            searchers.release(searcher);
        }
    }

    /** Number of records of each kind. */
    public Map<UnitKind, Integer> counts() throws IOException {
        Map<UnitKind, Integer> counts = new LinkedHashMap<>();
        IndexSearcher searcher = searchers.acquire();
        try {
            for (UnitKind kind : UnitKind.SEARCHABLE) {
                counts.put(kind, searcher.count(new TermQuery(new Term(IndexFields.KIND, kind.label()))));
            }
        } finally {
            searchers.release(searcher);
        }
        return counts;
    }

    private IngestOutcome ingestFile(Path file, Map<String, IndexedSource> indexed) throws IOException {
        String absolute = file.toAbsolutePath().normalize().toString();
        String docId = DocumentIds.forFile(file.getFileName().toString());
        IndexedSource before = indexed.get(docId);
        String sha;
        try {
            sha = DocumentIds.sha256Hex(Files.readAllBytes(file));
        } catch (IOException e) {
            return new IngestOutcome(file, IngestOutcome.Status.FAILED, docId, 0, 0,
                    file.getFileName() + " cannot be read: " + e.getMessage() + ".");
        }
        if (before != null && before.sha256().equals(sha) && before.path().equals(absolute)) {
            return new IngestOutcome(file, IngestOutcome.Status.UNCHANGED, docId, 0, 0, null);
        }
        IngestedDocument doc;
        try {
            doc = reader.read(file);
        } catch (IngestException e) {
            return new IngestOutcome(file, IngestOutcome.Status.FAILED, docId, 0, 0, e.getMessage());
        }
        DocumentStructure structure = add(doc, file);
        indexed.put(docId, new IndexedSource(absolute, sha));
        return new IngestOutcome(file, before == null ? IngestOutcome.Status.ADDED : IngestOutcome.Status.REPLACED,
                docId, structure.clauses().size(), structure.cases().size(), null);
    }

    private List<IngestOutcome> removeVanished(Path folder, Map<String, IndexedSource> indexed) throws IOException {
        String prefix = folder.toAbsolutePath().normalize() + java.io.File.separator;
        List<IngestOutcome> removed = new ArrayList<>();
        for (var entry : List.copyOf(indexed.entrySet())) {
            Path source = Path.of(entry.getValue().path());
            if (entry.getValue().path().startsWith(prefix) && !Files.exists(source)) {
                writer.deleteDocuments(new Term(IndexFields.DOC_ID, entry.getKey()));
                indexed.remove(entry.getKey());
                removed.add(new IngestOutcome(source, IngestOutcome.Status.REMOVED, entry.getKey(), 0, 0, null));
            }
        }
        return removed;
    }

    private List<Document> recordsOf(IngestedDocument doc, DocumentStructure structure, Path source)
            throws IOException {
        DocumentMetadata meta = doc.metadata();
        List<Document> docs = new ArrayList<>();
        String path = source == null ? "" : source.toAbsolutePath().normalize().toString();
        docs.add(records.document(meta, doc.body().text(), path, 0));

        // every unit and sentence text first, so the document's vectors are computed in one parallel batch
        List<String> texts = new ArrayList<>();
        List<List<Sentence>> sentencesOfClauses = new ArrayList<>();
        for (Clause clause : structure.clauses()) {
            texts.add(VectorTexts.clause(clause));
            List<Sentence> sentences = Sentences.of(clause.text());
            sentencesOfClauses.add(sentences);
            sentences.forEach(s -> texts.add(VectorTexts.sentence(s)));
        }
        List<List<Sentence>> sentencesOfCases = new ArrayList<>();
        for (Case c : structure.cases()) {
            texts.add(VectorTexts.caseOf(c));
            List<Sentence> sentences = Sentences.of(c.text());
            sentencesOfCases.add(sentences);
            sentences.forEach(s -> texts.add(VectorTexts.sentence(s)));
        }
        float[][] vectorOf = vectors.enabled() ? vectors.passages(texts) : new float[texts.size()][];

        int order = 1; // within the document; IndexFields.DOCUMENT_ORDER sorts by document first
        int v = 0;
        for (int i = 0; i < structure.clauses().size(); i++) {
            Clause clause = structure.clauses().get(i);
            docs.add(records.clause(clause, meta, order++, vectorOf[v++]));
            for (Sentence s : sentencesOfClauses.get(i)) {
                docs.add(records.sentence(UnitKind.CLAUSE, clause.id(), s, meta, clause.branchTypes(), List.of(),
                        vectorOf[v++]));
            }
        }
        for (int i = 0; i < structure.cases().size(); i++) {
            Case c = structure.cases().get(i);
            docs.add(records.caseOf(c, meta, order++, vectorOf[v++]));
            for (Sentence s : sentencesOfCases.get(i)) {
                docs.add(records.sentence(UnitKind.CASE, c.id(), s, meta, c.branchTypes(), c.topics(), vectorOf[v++]));
            }
        }
        return docs;
    }

    private record IndexedSource(String path, String sha256) {
    }

    private Map<String, IndexedSource> indexedSources() throws IOException {
        Map<String, IndexedSource> sources = new LinkedHashMap<>();
        IndexSearcher searcher = searchers.acquire();
        try {
            TopDocs all = searcher.search(new TermQuery(new Term(IndexFields.KIND, UnitKind.DOCUMENT.label())),
                    Math.max(1, searcher.getIndexReader().maxDoc()));
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc sd : all.scoreDocs) {
                Document d = stored.document(sd.doc);
                sources.put(d.get(IndexFields.DOC_ID), new IndexedSource(d.get(IndexFields.SOURCE_PATH),
                        d.get(IndexFields.SHA256)));
            }
        } finally {
            searchers.release(searcher);
        }
        return sources;
    }

    private Document findDocument(String docId) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            BooleanQuery query = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(IndexFields.KIND, UnitKind.DOCUMENT.label())), BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(IndexFields.DOC_ID, docId)), BooleanClause.Occur.FILTER)
                    .build();
            TopDocs top = searcher.search(query, 1);
            return top.scoreDocs.length == 0 ? null : searcher.storedFields().document(top.scoreDocs[0].doc);
        } finally {
            searchers.release(searcher);
        }
    }

    private static String schemaOf(Directory directory) throws IOException {
        try (DirectoryReader r = DirectoryReader.open(directory)) {
            return r.getIndexCommit().getUserData().get(SCHEMA_KEY);
        }
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
