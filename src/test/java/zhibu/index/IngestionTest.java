package zhibu.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zhibu.ingest.DocumentReader;
import zhibu.ingest.MetadataEdits;
import zhibu.testing.Paths;
import zhibu.vectors.Vectors;

/**
 * Ingesting folders into a real index on disk: ids unique per path and stable, files outside the folder or not
 * documents left alone with a reason, revisions from MANIFEST and corrections, commits as it goes, and a read-only
 * open that never changes what it finds.
 */
class IngestionTest {
    @TempDir
    Path dir;

    private static final String CLAUSE = "第一条 党支部党员大会一般每季度召开1次，由党支部书记主持。\n";

    private static Ingestion inProcess(int commitEvery) {
        return new Ingestion(new DocumentReader(), Ingestion.DEFAULT_MAX_FILE_BYTES, commitEvery,
                Duration.ofHours(1), Ingestion.DEFAULT_VECTOR_BUDGET, MetadataEdits.none(), zhibu.index.SourceRoots.NONE);
    }

    private Path write(String relative, String text) throws IOException {
        Path file = dir.resolve("corpus").resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static Map<String, IngestOutcome.Status> byName(List<IngestOutcome> outcomes) {
        return outcomes.stream().collect(Collectors.toMap(o -> o.file().getFileName().toString(), IngestOutcome::status,
                (a, b) -> a, java.util.TreeMap::new));
    }

    @Test
    void collidingNamesAreFiveDocumentsWithStableIds() throws Exception {
        for (String name : List.of("a b.txt", "a-b.txt", "A_B.txt", "x/same.txt", "y/same.txt")) {
            write(name, "关于" + name + "的规定\n" + CLAUSE);
        }
        Path corpus = dir.resolve("corpus");
        Set<String> first;
        try (ZhibuIndex index = ZhibuIndex.open(dir.resolve("index"), Vectors.off(), inProcess(8))) {
            List<IngestOutcome> outcomes = index.ingest(List.of(corpus));
            assertEquals(5L, outcomes.stream().filter(o -> o.status() == IngestOutcome.Status.ADDED).count(),
                    outcomes.toString());
            first = outcomes.stream().map(IngestOutcome::docId).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(5, first.size(), "five ids: " + first);
            assertEquals(5, documents(index));
        }
        try (ZhibuIndex index = ZhibuIndex.open(dir.resolve("index"), Vectors.off(), inProcess(8))) {
            List<IngestOutcome> again = index.ingest(List.of(corpus));
            assertTrue(again.stream().allMatch(o -> o.status() == IngestOutcome.Status.UNCHANGED), again.toString());
            assertEquals(first, again.stream().map(IngestOutcome::docId).collect(Collectors.toCollection(TreeSet::new)),
                    "the same ids on the next run");
        }
    }

    @Test
    void whatIsNotADocumentOfTheFolderIsSkippedWithAReason() throws Exception {
        write("good.txt", "关于支部工作的规定\n" + CLAUSE);
        write("README.md", "# 说明\n本文件夹存放制度文件。\n");
        Files.write(dir.resolve("corpus/photo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Path outside = Files.writeString(dir.resolve("secret.txt"), "root:x:0:0:root:/root:/bin/bash\n");
        Files.createSymbolicLink(dir.resolve("corpus/x.txt"), outside);
        Path weird = write("a\nadded fake.txt (forged, 99 clauses).txt", "关于换行的规定\n" + CLAUSE);

        try (ZhibuIndex index = ZhibuIndex.open(dir.resolve("index"), Vectors.off(), inProcess(8))) {
            List<IngestOutcome> outcomes = index.ingest(List.of(dir.resolve("corpus")));
            Map<String, IngestOutcome.Status> status = byName(outcomes);
            assertEquals(IngestOutcome.Status.ADDED, status.get("good.txt"));
            assertEquals(IngestOutcome.Status.ADDED, status.get(weird.getFileName().toString()));
            assertEquals(IngestOutcome.Status.SKIPPED, status.get("README.md"));
            assertEquals(IngestOutcome.Status.SKIPPED, status.get("photo.png"));
            assertEquals(IngestOutcome.Status.SKIPPED, status.get("x.txt"));
            for (IngestOutcome o : outcomes) {
                assertEquals(-1, o.line().indexOf('\n'), "one line per file: " + o.line());
                if (o.status() == IngestOutcome.Status.SKIPPED) {
                    assertTrue(o.line().startsWith("skipped: ") && o.line().endsWith("."), o.line());
                }
            }
            assertTrue(outcomes.stream().anyMatch(o -> o.line().contains("a\\u000aadded fake.txt")), outcomes.toString());
            assertEquals(2, documents(index));
            assertEquals(Integer.valueOf(0), index.<Integer>withSearcher(s -> s.count(new TermQuery(new Term(IndexFields.DOC_ID, "x")))),
                    "the symlinked file outside the folder is not in the index");
        }
    }

    @Test
    void aManifestChangeOrACorrectionReplacesTheDocumentOnce() throws Exception {
        write("rules.txt", "关于支部工作的规定\n" + CLAUSE);
        Path manifest = dir.resolve("corpus/MANIFEST.tsv");
        String header = "path\tkind\ttitle\tissuer\tdoc_number\tdate\tstatus\tregion\tapplies_to\tsource\n";
        Files.writeString(manifest, header + "rules.txt\tpolicy\t支部工作规定\t某市委组织部\t\t2024-01-01\t现行有效\t湖北省\t各领域\t\n");
        MetadataEdits edits = MetadataEdits.open(dir.resolve("data/metadata-edits.tsv"));
        Ingestion ingestion = new Ingestion(new DocumentReader(), Ingestion.DEFAULT_MAX_FILE_BYTES, 8,
                Duration.ofHours(1), Ingestion.DEFAULT_VECTOR_BUDGET, edits, zhibu.index.SourceRoots.NONE);
        Path corpus = dir.resolve("corpus");
        try (ZhibuIndex index = ZhibuIndex.open(dir.resolve("index"), Vectors.off(), ingestion)) {
            assertEquals(IngestOutcome.Status.ADDED, index.ingest(List.of(corpus)).getFirst().status());
            assertEquals(IngestOutcome.Status.UNCHANGED, index.ingest(List.of(corpus)).getFirst().status());

            Files.writeString(manifest, header + "rules.txt\tpolicy\t支部工作规定\t某市委组织部\t\t2024-01-01\t已废止\t湖北省\t各领域\t\n");
            assertEquals(IngestOutcome.Status.REPLACED, index.ingest(List.of(corpus)).getFirst().status());
            assertEquals(IngestOutcome.Status.UNCHANGED, index.ingest(List.of(corpus)).getFirst().status());
            assertEquals("已废止", status(index, "rules"));

            edits.put("rules", new MetadataEdits.Edit("现行有效", List.of("机关"), "湖北省武汉市"));
            assertEquals(IngestOutcome.Status.REPLACED, index.ingest(List.of(corpus)).getFirst().status());
            assertEquals(IngestOutcome.Status.UNCHANGED, index.ingest(List.of(corpus)).getFirst().status());
            assertEquals("现行有效", status(index, "rules"));
        }
        assertTrue(Files.readString(dir.resolve("data/metadata-edits.tsv")).contains("rules\t现行有效\t机关\t湖北省武汉市"));
    }

    /** A checkout: its corpus (a copy of the bundled one, or one file) and data folders, and an index of its own. */
    private static Ingestion in(Path checkout, int commitEvery) {
        return inProcess(commitEvery).withRoots(SourceRoots.of(checkout.resolve("corpus"), checkout.resolve("data")));
    }

    private static Map<String, String> idsBySource(List<IngestOutcome> outcomes, Path corpus) {
        return outcomes.stream().filter(o -> o.docId() != null).collect(Collectors.toMap(
                o -> corpus.relativize(o.file().toAbsolutePath().normalize()).toString(), IngestOutcome::docId,
                (a, b) -> a, java.util.TreeMap::new));
    }

    @Test
    void anIndexCopiedIntoAnotherCheckoutFindsItsDocumentsUnchanged() throws Exception {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        zhibu.admin.Backup.copyFolder(Paths.CORPUS, first.resolve("corpus"));
        zhibu.admin.Backup.copyFolder(Paths.CORPUS, second.resolve("corpus"));
        Map<UnitKind, Integer> counts;
        Map<String, String> ids;
        try (ZhibuIndex index = ZhibuIndex.open(first.resolve("index"), Vectors.off(), in(first, 64))) {
            ids = idsBySource(index.ingest(List.of(first.resolve("corpus"))), first.resolve("corpus"));
            counts = index.counts();
        }
        zhibu.admin.Backup.copyFolder(first.resolve("index"), second.resolve("index"));
        try (ZhibuIndex index = ZhibuIndex.open(second.resolve("index"), Vectors.off(), in(second, 64))) {
            List<IngestOutcome> again = index.ingest(List.of(second.resolve("corpus")));
            assertTrue(again.stream().allMatch(o -> o.status() == IngestOutcome.Status.UNCHANGED
                    || o.status() == IngestOutcome.Status.SKIPPED), again.toString());
            assertEquals(ids, idsBySource(again, second.resolve("corpus")), "the same ids");
            assertEquals(counts, index.counts(), "the same documents, clauses and cases, none twice");
        }
    }

    @Test
    void anOlderIndexThatRecordedAbsolutePathsTakesItsMovedFilesBackUnderTheirIds() throws Exception {
        Path first = dir.resolve("old");
        Path second = dir.resolve("new");
        zhibu.admin.Backup.copyFolder(Paths.CORPUS, first.resolve("corpus"));
        zhibu.admin.Backup.copyFolder(Paths.CORPUS, second.resolve("corpus"));
        Map<UnitKind, Integer> counts;
        Map<String, String> ids;
        try (ZhibuIndex index = ZhibuIndex.open(first.resolve("index"), Vectors.off(), inProcess(64))) {
            ids = idsBySource(index.ingest(List.of(first.resolve("corpus"))), first.resolve("corpus"));
            counts = index.counts();
        }
        zhibu.admin.Backup.copyFolder(first.resolve("index"), second.resolve("index"));
        zhibu.admin.Backup.copyFolder(first.resolve("corpus"), dir.resolve("elsewhere"));
        zhibu.core.Folders.deleteTree(first); // the old checkout is gone
        try (ZhibuIndex index = ZhibuIndex.open(second.resolve("index"), Vectors.off(), in(second, 64))) {
            List<IngestOutcome> again = index.ingest(List.of(second.resolve("corpus")));
            assertEquals(ids, idsBySource(again, second.resolve("corpus")), "each file keeps its id: " + again);
            assertEquals(counts, index.counts(), "no document twice");
            assertTrue(index.ingest(List.of(second.resolve("corpus"))).stream()
                    .allMatch(o -> o.status() != IngestOutcome.Status.ADDED && o.status() != IngestOutcome.Status.REPLACED),
                    "and unchanged from then on");
        }
    }

    @Test
    void aFileOverTheLimitFailsInOneSentence() throws Exception {
        Path big = write("big.txt", "关于支部工作的规定\n" + CLAUSE.repeat(2000));
        Ingestion small = inProcess(8).withMaxFileBytes(10_000);
        try (ZhibuIndex index = ZhibuIndex.open(dir.resolve("index"), Vectors.off(), small)) {
            IngestOutcome outcome = index.ingest(List.of(big)).getFirst();
            assertEquals(IngestOutcome.Status.FAILED, outcome.status());
            assertTrue(outcome.line().matches("failed: big\\.txt is [0-9.]+ MB; the largest file zhibu reads is 0\\.0 MB\\."),
                    outcome.line());
        }
    }

    @Test
    void filesAreCommittedAsTheyGoAndReportedOneByOne() throws Exception {
        for (int i = 0; i < 5; i++) {
            write("doc" + i + ".txt", "关于第" + i + "项工作的规定\n" + CLAUSE);
        }
        Path folder = dir.resolve("index");
        List<Integer> seen = new ArrayList<>();
        try (ZhibuIndex index = ZhibuIndex.open(folder, Vectors.off(), inProcess(2))) {
            index.ingest(List.of(dir.resolve("corpus")), outcome -> {
                try (DirectoryReader committed = DirectoryReader.open(FSDirectory.open(folder))) {
                    seen.add(committed.docFreq(new Term(IndexFields.KIND, UnitKind.DOCUMENT.label())));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        // commits every 2 files: after the 2nd and 4th file another process sees at least those; files are read
        // side by side, so a commit may also hold a file reported after it, never half of one
        assertEquals(5, seen.size());
        for (int i = 0; i < seen.size(); i++) {
            assertTrue(seen.get(i) >= (i + 1) / 2 * 2 && seen.get(i) <= 5, "after file " + (i + 1) + ": " + seen);
            assertTrue(i == 0 || seen.get(i) >= seen.get(i - 1), "what was committed stays: " + seen);
        }
    }

    @Test
    void readingAnIndexOfAnotherSchemaLeavesItAsItIs() throws Exception {
        Path folder = dir.resolve("old-index");
        try (IndexWriter old = new IndexWriter(FSDirectory.open(folder), new IndexWriterConfig())) {
            Document d = new Document();
            d.add(new StringField("kind", "document", Field.Store.YES));
            old.addDocument(d);
            old.setLiveCommitData(Map.of("zhibu.schema", "3/hanlp/abc").entrySet());
            old.commit();
        }
        Set<String> before = Set.of(FSDirectory.open(folder).listAll());
        IndexUnavailableException e = assertThrows(IndexUnavailableException.class,
                () -> ZhibuIndex.openReadOnly(folder, Vectors.off()));
        assertTrue(e.getMessage().contains("run ./zhibu ingest"), e.getMessage());
        assertEquals(before, Set.of(FSDirectory.open(folder).listAll()), "no file written or removed");
        try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(folder))) {
            assertEquals(1, r.numDocs());
        }
        Path missing = dir.resolve("no-index");
        assertThrows(IndexUnavailableException.class, () -> ZhibuIndex.openReadOnly(missing, Vectors.off()));
        assertFalse(Files.exists(missing), "a read-only open creates nothing");
    }

    @Test
    void theCorpusReadInAChildProcessIsAllThere() throws Exception {
        try (ZhibuIndex index = ZhibuIndex.open(dir.resolve("index"), Vectors.off(),
                Ingestion.forked(MetadataEdits.none()))) {
            List<IngestOutcome> outcomes = index.ingest(List.of(Paths.CORPUS));
            assertTrue(outcomes.stream().noneMatch(IngestOutcome::failed), outcomes.toString());
            int manifested = Files.readAllLines(Paths.CORPUS.resolve("MANIFEST.tsv")).size() - 1;
            assertEquals(manifested, documents(index));
        }
    }

    private static int documents(ZhibuIndex index) throws IOException {
        return index.withSearcher(s -> s.count(new TermQuery(new Term(IndexFields.KIND, UnitKind.DOCUMENT.label()))));
    }

    private static String status(ZhibuIndex index, String docId) throws IOException {
        return index.withSearcher(s -> {
            var top = s.search(new org.apache.lucene.search.BooleanQuery.Builder()
                    .add(new TermQuery(new Term(IndexFields.KIND, UnitKind.DOCUMENT.label())),
                            org.apache.lucene.search.BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(IndexFields.DOC_ID, docId)),
                            org.apache.lucene.search.BooleanClause.Occur.FILTER).build(), 1);
            return top.scoreDocs.length == 0 ? null : s.storedFields().document(top.scoreDocs[0].doc).get(IndexFields.STATUS);
        });
    }
}
