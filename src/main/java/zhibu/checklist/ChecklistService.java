package zhibu.checklist;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import zhibu.core.Background;
import zhibu.core.BranchType;
import zhibu.core.Clause;
import zhibu.core.DocumentMetadata;
import zhibu.library.Library;

/**
 * Checklists from the clauses in the index. The requirements of every clause are extracted once per version of the
 * index and kept in a file beside it ({@link StoredRequirements}): {@code zhibu ingest} extracts them as its last step,
 * so a server started on that index reads them instead (at once, in the background); after an ingest by the server,
 * they are extracted again in the background while checklists are still answered from the version before, so no
 * request waits for a thousand times the corpus to be read again.
 */
public final class ChecklistService {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ChecklistService.class);

    public static final int MAX_MEMBERS = 10_000;
    private final Library library;
    private volatile Built built;
    private final Object building = new Object();
    private final java.util.concurrent.atomic.AtomicBoolean refreshing = new java.util.concurrent.atomic.AtomicBoolean();
    private Prepared lastPrepared;

    /** The requirements of one version of the index. */
    private record Built(long version, ChecklistBuilder builder) {
    }

    public ChecklistService(Library library) {
        this.library = library;
    }

    public Checklist checklist(Profile profile) throws IOException {
        if (BranchType.fromLabel(profile.branchType()).isEmpty()) {
            throw new IllegalArgumentException("unknown branch type " + profile.branchType());
        }
        if (profile.region() != null && Profile.place(profile.region()).isEmpty()) {
            throw new IllegalArgumentException("no province, city or county " + profile.region());
        }
        return builder().build(profile);
    }

    /** What {@link #prepare()} did: how many requirements, from how many clauses (0: read from the file). */
    public record Prepared(int requirements, int clauses, boolean stored) {
    }

    /** Extracts (or reads) the requirements of the index as it is now and keeps them beside it. */
    public Prepared prepare() throws IOException {
        synchronized (building) {
            rebuild();
            return lastPrepared;
        }
    }

    /** Extracts the requirements now in the background, so the first checklist finds them ready. */
    public void prepareInBackground() {
        rebuildInBackground(() -> {
        });
    }

    /**
     * Extracts the requirements of the index as it is now in the background, then runs {@code after}. A failure
     * leaves what was built before (or nothing, and the next request builds and says what went wrong).
     */
    private void rebuildInBackground(Runnable after) {
        Background.run(() -> {
            try {
                rebuild();
            } catch (IOException | RuntimeException e) {
                // what was built before stays; the next checklist request builds again and says what went wrong
                LOG.warn("the checklists' requirements could not be extracted in the background: {}", e.toString(),
                        e);
            } finally {
                after.run();
            }
        });
    }

    private ChecklistBuilder builder() throws IOException {
        long version = library.index().version();
        Built current = built;
        if (current != null && current.version() != version) {
            if (refreshing.compareAndSet(false, true)) { // the version before answers meanwhile
                rebuildInBackground(() -> refreshing.set(false));
            }
            return current.builder();
        }
        return current != null ? current.builder() : rebuild();
    }

    /** Reads every clause of the index as it is now and extracts the requirements; one build at a time. */
    private ChecklistBuilder rebuild() throws IOException {
        synchronized (building) {
            long version = library.index().version();
            Built current = built;
            if (current != null && current.version() == version) {
                return current.builder();
            }
            java.util.Optional<java.nio.file.Path> folder = library.index().folder();
            java.util.Optional<StoredRequirements.Contents> stored = folder.flatMap(f -> StoredRequirements.read(f,
                    version));
            StoredRequirements.Contents contents;
            int clauseCount = 0;
            if (stored.isPresent()) {
                contents = stored.get();
            } else {
                Map<Clause, DocumentMetadata> clauses = clauses();
                clauseCount = clauses.size();
                RequirementExtractor extractor = RequirementExtractor.forCorpus(clauses.keySet());
                contents = new StoredRequirements.Contents(StoredRequirements.SCHEMA, version,
                        extractor.thresholds(clauses.keySet()), extractor.extractAll(clauses));
                if (folder.isPresent() && !library.index().readOnly()) {
                    StoredRequirements.write(folder.get(), contents);
                }
            }
            ChecklistBuilder builder = new ChecklistBuilder(contents.requirements(), contents.thresholds());
            lastPrepared = new Prepared(contents.requirements().size(), clauseCount, stored.isPresent());
            built = new Built(version, builder);
            return builder;
        }
    }

    private Map<Clause, DocumentMetadata> clauses() throws IOException {
        Map<Clause, DocumentMetadata> clauses = new LinkedHashMap<>();
        for (DocumentMetadata doc : library.documents()) {
            for (Clause clause : library.clausesOf(doc.id())) {
                clauses.put(clause, doc);
            }
        }
        return clauses;
    }
}
