package zhibu.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.KeepOnlyLastCommitDeletionPolicy;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SnapshotDeletionPolicy;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Query;
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
import zhibu.ingest.DocumentFiles;
import zhibu.ingest.DocumentIds;
import zhibu.ingest.IngestException;
import zhibu.ingest.IngestedDocument;
import zhibu.ingest.Manifest;
import zhibu.ingest.Problem;
import zhibu.ingest.Reason;
import zhibu.structure.DocumentStructure;
import zhibu.structure.StructureParser;
import zhibu.vectors.Vectors;

/**
 * The one Lucene index of clauses, cases, their sentences and documents, as a closed store: searches run inside
 * {@link #withSearcher}, on a point-in-time view that never waits for the writer. Opened for writing it belongs to
 * one process (Lucene's write lock says so); opened read-only it never changes. Ingestion is incremental by
 * content and revision (the MANIFEST row, the administrator's corrections): an unchanged file is skipped, a
 * changed one replaces all its records, a file gone from an ingested folder is removed. Files go into commits of a
 * few at a time, so a kill loses at most the files since the last commit, and the outcome of each file is reported
 * as it is known.
 */
public final class ZhibuIndex implements Closeable {
    /**
     * Bump when the records or the analysis code change; edits of the dictionary files change the schema by
     * themselves. A writer finds an index of another schema and rebuilds it; a reader says what to run.
     */
    public static final String SCHEMA = "11";
    private static final String SCHEMA_KEY = "zhibu.schema";

    private final Directory directory;
    /** Replaced, with the snapshots and searchers on it, when a write fails and the last commit is reopened. */
    private volatile IndexWriter writer;
    private volatile SnapshotDeletionPolicy snapshots;
    private volatile SearcherManager searchers;
    private final WriteState writeState = new WriteState();
    private final AnalyzerChoice analyzer;
    private final StructureParser parser = new StructureParser();
    private final LuceneRecords records = new LuceneRecords();
    private final Vectors vectors;
    private final Ingestion ingestion;
    private final boolean rebuilt;
    private final Object writing = new Object();

    /** A search over one point-in-time view of the index. */
    @FunctionalInterface
    public interface Search<T> {
        T on(IndexSearcher searcher) throws IOException;
    }

    private ZhibuIndex(Directory directory, AnalyzerChoice analyzer, Vectors vectors, Ingestion ingestion)
            throws IOException {
        this.directory = directory;
        this.analyzer = analyzer;
        this.vectors = vectors;
        this.ingestion = ingestion;
        String wanted = schema(analyzer, vectors);
        boolean current = DirectoryReader.indexExists(directory) && wanted.equals(schemaOf(directory));
        openWriter(current ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE);
        folder().ifPresent(writeState::watch);
        this.rebuilt = !current;
        if (!current) {
            writer.setLiveCommitData(Map.of(SCHEMA_KEY, wanted).entrySet());
            writer.commit();
        }
        this.searchers = new SearcherManager(writer, SEARCHERS);
    }

    private void openWriter(IndexWriterConfig.OpenMode mode) throws IOException {
        SnapshotDeletionPolicy policy = new SnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy());
        IndexWriterConfig config = new IndexWriterConfig(fieldAnalyzers(analyzer)).setOpenMode(mode)
                .setIndexDeletionPolicy(policy);
        this.writer = new IndexWriter(directory, config);
        this.snapshots = policy;
    }

    /**
     * After a failed write: what the writer held since the last commit is dropped (its partial files with it) and
     * the last commit is opened again, with searchers on it; searches go on meanwhile on the view they had.
     */
    private void reopen() throws IOException {
        try {
            writer.rollback();
        } catch (IOException | RuntimeException e) {
            // a writer a tragic error closed has nothing more to drop
        }
        openWriter(IndexWriterConfig.OpenMode.APPEND);
        SearcherManager old = searchers;
        searchers = new SearcherManager(writer, SEARCHERS);
        old.close();
    }

    /** A change to the index, run under the writing lock. */
    @FunctionalInterface
    private interface Change<T> {
        T run() throws IOException;
    }

    /**
     * Runs a change; when the disk refuses it (full, or any I/O error, or a writer an earlier error closed), the
     * writer is reopened from the last commit and the change answers {@link NotWritableException}, so the next
     * write, once there is space, goes through without a restart.
     */
    private <T> T change(Change<T> change) throws IOException {
        requireWriter();
        synchronized (writing) {
            Path folder = folder().orElse(null);
            try {
                if (!writer.isOpen()) {
                    reopen();
                }
                T result = change.run();
                if (folder != null) {
                    writeState.succeeded(folder);
                }
                return result;
            } catch (NotWritableException e) {
                throw e;
            } catch (IOException | UncheckedIOException | org.apache.lucene.store.AlreadyClosedException e) {
                IOException io = e instanceof IOException i ? i : e instanceof UncheckedIOException u ? u.getCause()
                        : new IOException(e.getMessage(), e);
                try {
                    reopen();
                } catch (IOException again) {
                    io.addSuppressed(again); // the next change tries again
                }
                if (folder == null) {
                    throw io;
                }
                throw writeState.failed(folder, io);
            }
        }
    }

    /** Whether writes can go through, and why not; failures of the data folder are reported here too. */
    public WriteState writeState() {
        return writeState;
    }

    /** Searchers that keep to the request's deadline ({@link QueryDeadline}). */
    private static final SearcherFactory SEARCHERS = new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(org.apache.lucene.index.IndexReader reader,
                                         org.apache.lucene.index.IndexReader previous) {
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setTimeout(QueryDeadline.INSTANCE);
            return searcher;
        }
    };

    /** Read-only: a view of the last commit, no writer, no lock. */
    private ZhibuIndex(Directory directory, Vectors vectors) throws IOException {
        this.directory = directory;
        this.analyzer = AnalyzerChoice.HANLP;
        this.vectors = vectors;
        this.ingestion = null;
        this.writer = null;
        this.snapshots = null;
        this.rebuilt = false;
        this.searchers = new SearcherManager(directory, SEARCHERS);
    }

    private static String schema(AnalyzerChoice analyzer, Vectors vectors) {
        return SCHEMA + "/" + analyzer.label() + "/" + DomainDictionary.fingerprint() + "/" + vectors.model();
    }

    /** The words analyzer, and characters with their bigrams for the character fields. */
    private static Analyzer fieldAnalyzers(AnalyzerChoice words) {
        Analyzer chars = new CharsAnalyzer();
        return new PerFieldAnalyzerWrapper(words.indexAnalyzer(),
                Map.of(IndexFields.CHARS, chars, IndexFields.SENTENCE_CHARS, chars));
    }

    /** An index on disk whose words are cut by another analyzer: the benchmark's baseline. */
    public static ZhibuIndex open(Path folder, AnalyzerChoice analyzer, Vectors vectors, Ingestion ingestion)
            throws IOException {
        Files.createDirectories(folder);
        return new ZhibuIndex(FSDirectory.open(folder), analyzer, vectors, ingestion);
    }

    /** Opens (or creates) the index in a folder for writing; an index of an older schema is started afresh. */
    public static ZhibuIndex open(Path folder, Vectors vectors, Ingestion ingestion) throws IOException {
        return open(folder, AnalyzerChoice.HANLP, vectors, ingestion);
    }

    /** For writing, reading files in a bounded child process, without metadata corrections. */
    public static ZhibuIndex open(Path folder, Vectors vectors) throws IOException {
        return open(folder, vectors, Ingestion.forked(zhibu.ingest.MetadataEdits.none()));
    }

    /**
     * Opens the last commit of an index to read it, never to change it: questions are embedded only when the index
     * has vectors of the same model. A missing index, or one of another schema, is a sentence saying what to run.
     */
    public static ZhibuIndex openReadOnly(Path folder, Vectors vectors) throws IOException {
        if (!Files.isDirectory(folder) || !DirectoryReader.indexExists(FSDirectory.open(folder))) {
            throw new IndexUnavailableException("there is no index at " + folder + "; run ./zhibu ingest first.");
        }
        Directory directory = FSDirectory.open(folder);
        String found = schemaOf(directory);
        String[] parts = found == null ? new String[0] : found.split("/", 4);
        String expected = schema(AnalyzerChoice.HANLP, Vectors.off());
        String[] wanted = expected.split("/", 4);
        if (parts.length != 4 || !parts[0].equals(wanted[0]) || !parts[1].equals(wanted[1])
                || !parts[2].equals(wanted[2])) {
            directory.close();
            throw new IndexUnavailableException("the index at " + folder + " was built by another version of zhibu "
                    + "(schema " + found + "); run ./zhibu ingest to rebuild it.");
        }
        boolean sameModel = parts[3].equals(vectors.model());
        return new ZhibuIndex(directory, sameModel ? vectors : Vectors.off());
    }

    /** An index in memory, files read in process: for evaluation and tests. */
    public static ZhibuIndex inMemory(AnalyzerChoice analyzer, Vectors vectors) throws IOException {
        return new ZhibuIndex(new ByteBuffersDirectory(), analyzer, vectors, Ingestion.inProcess());
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

    /** The folder of an index on disk (empty for one in memory): what is derived from the index is kept there too. */
    public java.util.Optional<Path> folder() {
        return directory instanceof FSDirectory fs ? java.util.Optional.of(fs.getDirectory())
                : java.util.Optional.empty();
    }

    public boolean readOnly() {
        return writer == null;
    }

    /** Runs a search on the current point-in-time view; it never waits for an ingest. */
    public <T> T withSearcher(Search<T> search) throws IOException {
        SearcherManager manager = searchers;
        IndexSearcher searcher;
        try {
            searcher = manager.acquire();
        } catch (org.apache.lucene.store.AlreadyClosedException e) { // replaced by a reopen just now
            manager = searchers;
            searcher = manager.acquire();
        }
        try {
            return search.on(searcher);
        } finally {
            manager.release(searcher);
        }
    }

    /** Ingests files and folders; see {@link #ingest(List, Consumer)}. */
    public List<IngestOutcome> ingest(List<Path> roots) throws IOException {
        return ingest(roots, outcome -> {
        });
    }

    /**
     * Ingests files and folders: every file's outcome goes to {@code each} as soon as it is known, commits follow
     * every few files, and a bad file fails alone after which every other file is still ingested.
     */
    public List<IngestOutcome> ingest(List<Path> roots, Consumer<IngestOutcome> each) throws IOException {
        return change(() -> {
            List<IngestOutcome> outcomes = new ArrayList<>();
            Consumer<IngestOutcome> report = o -> {
                outcomes.add(o);
                each.accept(o);
            };
            Sources sources = sources();
            Batch batch = new Batch();
            try (Pipeline pipeline = new Pipeline(sources, o -> {
                try {
                    batch.after(o); // a file is reported once a commit holds it, when one is due
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                report.accept(o);
            })) {
                for (Path root : roots) {
                    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        pipeline.done(new IngestOutcome(root, IngestOutcome.Status.FAILED, null, 0, 0,
                                Reason.of(Problem.MISSING, root.toString())));
                        continue;
                    }
                    for (DocumentFiles.Found found : DocumentFiles.under(root)) {
                        if (found.isSkipped()) {
                            pipeline.done(new IngestOutcome(found.file(), IngestOutcome.Status.SKIPPED, null, 0, 0,
                                    found.skipped()));
                            continue;
                        }
                        Path file = found.file();
                        String name = file.getFileName().toString();
                        String docId = sources.idFor(roots().key(file), name);
                        Source before = sources.byId.get(docId);
                        pipeline.submit(() -> ingestFile(file, name, docId, before, false));
                    }
                    if (Files.isDirectory(root)) {
                        pipeline.drain();
                        for (IngestOutcome removed : removeVanished(root, sources)) {
                            pipeline.done(removed);
                        }
                    }
                }
                pipeline.drain();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            commit();
            return outcomes;
        });
    }

    /**
     * Ingests one file kept under a name of its own (an upload stored by its hash): the document is named and
     * identified by {@code name}, the file the user gave it.
     */
    public IngestOutcome ingestAs(Path stored, String name) throws IOException {
        return change(() -> {
            Sources sources = sources();
            String docId = sources.idFor(roots().key(stored), name);
            IngestOutcome outcome = ingestFile(stored, name, docId, sources.byId.get(docId), false).into(sources);
            commit();
            return outcome;
        });
    }

    /** Reads and indexes the source of a document again (after its metadata was corrected, say). */
    public Optional<IngestOutcome> reingest(String docId) throws IOException {
        return change(() -> {
            Sources sources = sources();
            Source source = sources.byId.get(docId);
            if (source == null) {
                return Optional.empty();
            }
            IngestOutcome outcome = ingestFile(roots().file(source.path()), source.name(), docId, source, true)
                    .into(sources);
            commit();
            return Optional.of(outcome);
        });
    }

    /** Adds one already read document (replacing any earlier version of it); for evaluation and tests. */
    public DocumentStructure add(IngestedDocument doc, Path source) throws IOException {
        return change(() -> {
            String path = source == null ? "" : roots().key(source);
            return write(doc, path, doc.metadata().source(), revision(source, doc.metadata().id())).structure();
        });
    }

    /** Removes a document and all its records; false when there is none of that id. */
    public boolean delete(String docId) throws IOException {
        return change(() -> {
            boolean existed = document(docId) != null;
            if (existed) {
                writer.deleteDocuments(new Term(IndexFields.DOC_ID, docId));
                commit();
            }
            return existed;
        });
    }

    /** Makes what was written visible and durable. */
    public void commit() throws IOException {
        requireWriter();
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    /**
     * The files of the last commit, held so that no merge deletes them until {@code copy} has copied them: a
     * consistent backup while the index serves and ingests.
     */
    public void withSnapshot(SnapshotCopy copy) throws IOException {
        requireWriter();
        SnapshotDeletionPolicy policy = snapshots;
        IndexWriter held = writer;
        IndexCommit commit = policy.snapshot();
        try {
            copy.files(directory, commit.getFileNames());
        } finally {
            try {
                policy.release(commit);
                held.deleteUnusedFiles();
            } catch (org.apache.lucene.store.AlreadyClosedException e) {
                // the writer was reopened meanwhile: the new one never deleted the files of the last commit
            }
        }
    }

    /** Copies the files of one commit. */
    @FunctionalInterface
    public interface SnapshotCopy {
        void files(Directory directory, java.util.Collection<String> names) throws IOException;
    }

    /** A number that changes whenever the searchable contents change. */
    public long version() throws IOException {
        return withSearcher(s -> ((DirectoryReader) s.getIndexReader()).getVersion());
    }

    /** The stored vector of a clause or case, or null (no such unit, or an index without vectors). */
    public float[] vector(String unitId) throws IOException {
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(new TermQuery(new Term(IndexFields.ID, unitId)), 1);
            if (top.scoreDocs.length == 0) {
                return null;
            }
            int doc = top.scoreDocs[0].doc;
            var leaves = searcher.getIndexReader().leaves();
            var leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            FloatVectorValues values = leaf.reader().getFloatVectorValues(IndexFields.VECTOR);
            if (values == null) {
                return null;
            }
            KnnVectorValues.DocIndexIterator it = values.iterator();
            int target = doc - leaf.docBase;
            return it.advance(target) == target ? values.vectorValue(it.index()).clone() : null;
        });
    }

    /** Number of records of each kind. */
    public Map<UnitKind, Integer> counts() throws IOException {
        return withSearcher(searcher -> {
            Map<UnitKind, Integer> counts = new LinkedHashMap<>();
            for (UnitKind kind : UnitKind.SEARCHABLE) {
                counts.put(kind, searcher.count(new TermQuery(new Term(IndexFields.KIND, kind.label()))));
            }
            return counts;
        });
    }

    /** A file's outcome, and the source to remember for it when it was written. */
    private record FileResult(IngestOutcome outcome, String docId, Source source) {
        static FileResult of(IngestOutcome outcome) {
            return new FileResult(outcome, null, null);
        }

        /** The outcome, the source remembered. */
        IngestOutcome into(Sources sources) {
            if (source != null) {
                sources.put(docId, source);
            }
            return outcome;
        }
    }

    /**
     * Reads and indexes one file as {@code docId}, unless it is unchanged since {@code before}; {@code again}: read
     * it whatever its hash and revision. Safe to run for several files at once (it touches no shared state but the
     * writer, which takes documents from several threads).
     */
    private FileResult ingestFile(Path file, String name, String docId, Source before, boolean again)
            throws IOException {
        String absolute = roots().key(file); // as the index records it: relative to the corpus or data folder
        try {
            long size = Files.size(file);
            if (size > ingestion.maxFileBytes()) {
                return FileResult.of(new IngestOutcome(file, IngestOutcome.Status.FAILED, null, 0, 0,
                        Reason.of(Problem.TOO_LARGE, name, megabytes(size), megabytes(ingestion.maxFileBytes()))));
            }
        } catch (IOException e) {
            return FileResult.of(new IngestOutcome(file, IngestOutcome.Status.FAILED, null, 0, 0,
                    Reason.of(Problem.UNREADABLE_BY, name, e.getClass().getSimpleName())));
        }
        String sha;
        try {
            sha = DocumentIds.sha256Hex(file);
        } catch (IOException e) {
            return FileResult.of(new IngestOutcome(file, IngestOutcome.Status.FAILED, docId, 0, 0,
                    Reason.of(Problem.UNREADABLE_BY, name, e.getClass().getSimpleName())));
        }
        String revision = revision(file, docId);
        if (!again && before != null && before.sha256().equals(sha) && before.path().equals(absolute)
                && before.revision().equals(revision)) {
            return FileResult.of(new IngestOutcome(file, IngestOutcome.Status.UNCHANGED, docId, 0, 0, null));
        }
        IngestedDocument doc;
        try {
            doc = ingestion.parser().read(file, name);
        } catch (IngestException e) {
            return FileResult.of(new IngestOutcome(file, IngestOutcome.Status.FAILED, docId, 0, 0, e.reason()));
        }
        DocumentMetadata meta = ingestion.edits().apply(doc.metadata().withId(docId));
        Written written = write(new IngestedDocument(meta, doc.body()), absolute, name, revision);
        Reason note = written.unembedded() == 0 ? null : Reason.of(Problem.PARTIAL_VECTORS, name, written.embedded(),
                written.embedded() + written.unembedded());
        return new FileResult(new IngestOutcome(file, before == null ? IngestOutcome.Status.ADDED
                : IngestOutcome.Status.REPLACED, docId, written.structure().clauses().size(),
                written.structure().cases().size(), null, note), docId, new Source(absolute, sha, revision, name));
    }

    /**
     * Files ingested side by side, one per core, their outcomes reported in the order the files were given: the
     * segmentation and indexing of a file is CPU work of its own, and the writer takes documents from several
     * threads. At most two files per worker wait, so memory stays bounded by a few files.
     */
    private final class Pipeline implements AutoCloseable {
        private final int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        private final java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                workers, Thread.ofPlatform().name("zhibu-ingest-", 0).daemon(true).factory());
        private final java.util.ArrayDeque<java.util.concurrent.Future<FileResult>> running =
                new java.util.ArrayDeque<>();
        private final Sources sources;
        private final Consumer<IngestOutcome> report;

        Pipeline(Sources sources, Consumer<IngestOutcome> report) {
            this.sources = sources;
            this.report = report;
        }

        void submit(java.util.concurrent.Callable<FileResult> work) throws IOException {
            while (running.size() >= 2 * workers) {
                takeOne();
            }
            running.add(pool.submit(work));
        }

        /** An outcome known without reading a file, reported after those of the files before it. */
        void done(IngestOutcome outcome) throws IOException {
            drain();
            report.accept(outcome);
        }

        /** Waits for every file submitted and reports them. */
        void drain() throws IOException {
            while (!running.isEmpty()) {
                takeOne();
            }
        }

        private void takeOne() throws IOException {
            java.util.concurrent.Future<FileResult> next = running.removeFirst();
            FileResult result;
            try {
                result = next.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("ingestion was interrupted");
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IOException(e.getCause());
            }
            report.accept(result.into(sources));
        }

        @Override
        public void close() {
            running.forEach(f -> f.cancel(true));
            pool.shutdownNow();
        }
    }

    /** What makes a file's ingest stale besides its bytes: the MANIFEST row and the corrections that apply. */
    private String revision(Path file, String docId) {
        String manifest = "";
        if (file != null) {
            try {
                manifest = Manifest.entryFor(file).map(Object::toString).orElse("");
            } catch (IOException e) {
                manifest = "unreadable";
            }
        }
        String edits = ingestion.edits().revision(docId);
        return manifest.isEmpty() && edits.isEmpty() ? "" : DocumentIds.sha256Hex(manifest + "\n" + edits);
    }

    private List<IngestOutcome> removeVanished(Path folder, Sources sources) throws IOException {
        Path under = folder.toAbsolutePath().normalize();
        List<IngestOutcome> removed = new ArrayList<>();
        for (var entry : List.copyOf(sources.byId.entrySet())) {
            Path source = roots().file(entry.getValue().path()).toAbsolutePath().normalize();
            if (source.startsWith(under) && !source.equals(under) && !Files.exists(source)) {
                writer.deleteDocuments(new Term(IndexFields.DOC_ID, entry.getKey()));
                sources.forget(entry.getKey());
                removed.add(new IngestOutcome(source, IngestOutcome.Status.REMOVED, entry.getKey(), 0, 0, null));
            }
        }
        return removed;
    }

    /** A document's records as written, and how many of its passages got vectors. */
    private record Written(DocumentStructure structure, int embedded, int unembedded) {
    }

    private Written write(IngestedDocument doc, String path, String name, String revision) throws IOException {
        DocumentStructure structure = parser.parse(doc);
        DocumentMetadata meta = doc.metadata();
        List<Document> docs = new ArrayList<>();
        docs.add(records.document(meta, doc.body().text(), path, revision, name, 0));

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
        int budget = vectors.enabled() ? Math.min(texts.size(), ingestion.vectorBudget()) : 0;
        float[][] vectorOf = new float[texts.size()][];
        if (budget > 0) {
            float[][] computed = vectors.passages(texts.subList(0, budget));
            System.arraycopy(computed, 0, vectorOf, 0, budget);
        }

        int order = 1; // within the document; IndexFields.DOCUMENT_ORDER sorts by document first
        int v = 0;
        for (int i = 0; i < structure.clauses().size(); i++) {
            Clause clause = structure.clauses().get(i);
            long wording = LuceneRecords.wording(clause.text());
            docs.add(records.clause(clause, meta, order++, vectorOf[v++], wording));
            for (Sentence s : sentencesOfClauses.get(i)) {
                docs.add(records.sentence(UnitKind.CLAUSE, clause.id(), s, meta, clause.branchTypes(), List.of(),
                        vectorOf[v++], wording));
            }
        }
        for (int i = 0; i < structure.cases().size(); i++) {
            Case c = structure.cases().get(i);
            long wording = LuceneRecords.wording(c.title() + "\n" + c.text());
            docs.add(records.caseOf(c, meta, order++, vectorOf[v++], wording));
            for (Sentence s : sentencesOfCases.get(i)) {
                docs.add(records.sentence(UnitKind.CASE, c.id(), s, meta, c.branchTypes(), c.topics(), vectorOf[v++],
                        wording));
            }
        }
        writer.updateDocuments(new Term(IndexFields.DOC_ID, meta.id()), docs);
        return new Written(structure, vectors.enabled() ? budget : 0,
                vectors.enabled() ? texts.size() - budget : 0);
    }

    /** Commits every few files or every few seconds, whichever comes first. */
    private final class Batch {
        private int pending;
        private long last = System.nanoTime();

        void after(IngestOutcome outcome) throws IOException {
            if (outcome.status() == IngestOutcome.Status.UNCHANGED || outcome.status() == IngestOutcome.Status.SKIPPED
                    || outcome.failed()) {
                return;
            }
            pending++;
            Duration since = Duration.ofNanos(System.nanoTime() - last);
            if (pending >= ingestion.commitEvery() || since.compareTo(ingestion.commitAfter()) >= 0) {
                commit();
                pending = 0;
                last = System.nanoTime();
            }
        }
    }

    /** Where a document came from: its file, the file's hash, its revision, the name it goes by. */
    private record Source(String path, String sha256, String revision, String name) {
    }

    /** The documents of the index by id and by source path, and the ids they give out. */
    private static final class Sources {
        final SourceRoots roots;
        final Map<String, Source> byId = new LinkedHashMap<>();
        final Map<String, String> idByPath = new HashMap<>();
        /** Ids given to files of this run that are not written yet. */
        final java.util.Set<String> reserved = new java.util.HashSet<>();

        Sources(SourceRoots roots) {
            this.roots = roots;
        }

        void put(String id, Source source) {
            byId.put(id, source);
            idByPath.put(source.path(), id);
        }

        void forget(String id) {
            Source s = byId.remove(id);
            if (s != null) {
                idByPath.remove(s.path());
            }
        }

        /**
         * The id of a file: the one it has when it was ingested before; else the id of its name, made unique by a
         * hash of its path when another file has it (a b.txt, a-b.txt, A_B.txt; x/same.txt, y/same.txt).
         */
        String idFor(String path, String name) {
            String known = idByPath.get(path);
            if (known != null) {
                return known;
            }
            String id = DocumentIds.forFile(name);
            Source moved = byId.get(id);
            if (moved != null && !reserved.contains(id) && moved.name().equals(name)
                    && !Files.exists(roots.file(moved.path()))) {
                reserved.add(id); // the same file, now somewhere else (an index restored into another checkout)
                idByPath.put(path, id);
                return id;
            }
            String hash = DocumentIds.sha256Hex(path);
            for (int length = 8; (byId.containsKey(id) || reserved.contains(id)) && length <= hash.length();
                 length += 4) {
                id = DocumentIds.forFile(name) + "-" + hash.substring(0, length);
            }
            reserved.add(id);
            idByPath.put(path, id);
            return id;
        }
    }

    private static final java.util.Set<String> SOURCE_FIELDS = java.util.Set.of(IndexFields.DOC_ID,
            IndexFields.SOURCE_PATH, IndexFields.SHA256, IndexFields.REVISION, IndexFields.SOURCE_NAME);

    private Sources sources() throws IOException {
        return withSearcher(searcher -> {
            Sources sources = new Sources(roots());
            Query documents = new TermQuery(new Term(IndexFields.KIND, UnitKind.DOCUMENT.label()));
            TopDocs all = searcher.search(documents, Math.max(1, searcher.count(documents)));
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc sd : all.scoreDocs) {
                Document d = stored.document(sd.doc, SOURCE_FIELDS); // never the document's whole text
                String revision = d.get(IndexFields.REVISION);
                String name = d.get(IndexFields.SOURCE_NAME);
                String path = roots().normalize(d.get(IndexFields.SOURCE_PATH)); // absolute in older indexes
                sources.put(d.get(IndexFields.DOC_ID), new Source(path, d.get(IndexFields.SHA256),
                        revision == null ? "" : revision, name == null ? roots().file(path).getFileName().toString()
                        : name));
            }
            return sources;
        });
    }

    /** The document record of an id, or null. */
    private Document document(String docId) throws IOException {
        return withSearcher(searcher -> {
            BooleanQuery query = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(IndexFields.KIND, UnitKind.DOCUMENT.label())), BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(IndexFields.DOC_ID, docId)), BooleanClause.Occur.FILTER)
                    .build();
            TopDocs top = searcher.search(query, 1);
            return top.scoreDocs.length == 0 ? null : searcher.storedFields().document(top.scoreDocs[0].doc);
        });
    }

    /** The folders this index records its files relative to (none for an index opened to read). */
    private SourceRoots roots() {
        return ingestion == null ? SourceRoots.NONE : ingestion.roots();
    }

    private void requireWriter() {
        if (writer == null) {
            throw new IllegalStateException("this index was opened read-only");
        }
    }

    private static String megabytes(long bytes) {
        return bytes >= 10L << 20 ? (bytes >> 20) + " MB" : String.format("%.1f MB", bytes / 1048576.0);
    }

    /** The schema the last commit recorded (read from its segments file alone, not by opening the index). */
    private static String schemaOf(Directory directory) throws IOException {
        return org.apache.lucene.index.SegmentInfos.readLatestCommit(directory).getUserData().get(SCHEMA_KEY);
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        if (writer != null) {
            writer.close();
            ingestion.parser().close();
        }
        directory.close();
    }
}
