package zhibu.checklist;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import zhibu.core.BranchType;
import zhibu.core.Clause;
import zhibu.core.DocumentMetadata;
import zhibu.library.Library;

/**
 * Checklists from the clauses in the index. The requirements of every clause are extracted once per version of the
 * index: the first time before the first checklist (a server starts it at once, in the background); after an
 * ingest, in the background while checklists are still answered from the version before, so no request waits for
 * a thousand times the corpus to be read again.
 */
public final class ChecklistService {
    public static final int MAX_MEMBERS = 10_000;
    private final Library library;
    private volatile Built built;
    private final Object building = new Object();
    private final java.util.concurrent.atomic.AtomicBoolean refreshing = new java.util.concurrent.atomic.AtomicBoolean();

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
        return builder().build(profile);
    }

    /** Extracts the requirements now on another thread, so the first checklist finds them ready. */
    public void prepareInBackground() {
        rebuildInBackground(() -> {
        });
    }

    /**
     * Extracts the requirements of the index as it is now on another thread, then runs {@code after}. A failure
     * leaves what was built before (or nothing, and the next request builds and says what went wrong).
     */
    private void rebuildInBackground(Runnable after) {
        Thread.ofPlatform().name("zhibu-checklist-requirements").daemon(true).start(() -> {
            try {
                rebuild();
            } catch (IOException | RuntimeException e) {
                // kept as it was
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
            Map<Clause, DocumentMetadata> clauses = clauses();
            RequirementExtractor extractor = RequirementExtractor.forCorpus(clauses.keySet());
            ChecklistBuilder builder = new ChecklistBuilder(extractor.extractAll(clauses),
                    extractor.thresholds(clauses.keySet()));
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
