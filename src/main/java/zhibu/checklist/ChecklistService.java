package zhibu.checklist;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import zhibu.core.BranchType;
import zhibu.core.Clause;
import zhibu.core.DocumentMetadata;
import zhibu.library.Library;

/** Checklists from the clauses in the index; the requirements are extracted again when the index changes. */
public final class ChecklistService {
    public static final int MAX_MEMBERS = 10_000;
    private final Library library;
    private volatile ChecklistBuilder builder;
    private volatile long builtFor = -1;

    public ChecklistService(Library library) {
        this.library = library;
    }

    public Checklist checklist(Profile profile) throws IOException {
        if (BranchType.fromLabel(profile.branchType()).isEmpty()) {
            throw new IllegalArgumentException("unknown branch type " + profile.branchType());
        }
        return builder().build(profile);
    }

    private ChecklistBuilder builder() throws IOException {
        long version = library.index().version();
        if (builder == null || builtFor != version) {
            Map<Clause, DocumentMetadata> clauses = clauses();
            RequirementExtractor extractor = RequirementExtractor.forCorpus(clauses.keySet());
            builder = new ChecklistBuilder(extractor.extractAll(clauses), extractor.thresholds(clauses.keySet()));
            builtFor = version;
        }
        return builder;
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
