package zhibu.index;

import java.time.Duration;
import zhibu.ingest.DocumentParser;
import zhibu.ingest.DocumentReader;
import zhibu.ingest.ForkedParser;
import zhibu.ingest.MetadataEdits;

/**
 * How an index ingests: which parser reads files (in a bounded child process for files from outside, in process for
 * the trusted bundled corpus), the largest file it takes, how many files go into one commit (so progress survives a
 * kill), how many passages of one document get vectors (the first ones: embedding runs at tens of passages a
 * second), the administrator's metadata corrections, and the folders files are recorded relative to.
 */
public record Ingestion(DocumentParser parser, long maxFileBytes, int commitEvery, Duration commitAfter,
                        int vectorBudget, MetadataEdits edits, SourceRoots roots) {
    public static final long DEFAULT_MAX_FILE_BYTES = 50L << 20;
    public static final int DEFAULT_COMMIT_EVERY = 64;
    public static final Duration DEFAULT_COMMIT_AFTER = Duration.ofSeconds(10);
    public static final int DEFAULT_VECTOR_BUDGET = 20_000;

    /** Files read in a child process, metadata corrections kept in {@code edits}. */
    public static Ingestion forked(MetadataEdits edits) {
        return new Ingestion(new ForkedParser(), DEFAULT_MAX_FILE_BYTES, DEFAULT_COMMIT_EVERY, DEFAULT_COMMIT_AFTER,
                DEFAULT_VECTOR_BUDGET, edits, SourceRoots.NONE);
    }

    /** Files read in this process: for the bundled corpus in evaluation and tests. */
    public static Ingestion inProcess() {
        return new Ingestion(new DocumentReader(), DEFAULT_MAX_FILE_BYTES, DEFAULT_COMMIT_EVERY, DEFAULT_COMMIT_AFTER,
                DEFAULT_VECTOR_BUDGET, MetadataEdits.none(), SourceRoots.NONE);
    }

    public Ingestion withMaxFileBytes(long bytes) {
        return new Ingestion(parser, bytes, commitEvery, commitAfter, vectorBudget, edits, roots);
    }

    /** The same, recording files relative to a checkout's corpus and data folders (see {@link SourceRoots}). */
    public Ingestion withRoots(SourceRoots newRoots) {
        return new Ingestion(parser, maxFileBytes, commitEvery, commitAfter, vectorBudget, edits, newRoots);
    }
}
