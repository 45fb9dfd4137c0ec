package zhibu.eval;

import java.util.List;
import zhibu.index.UnitKind;

/**
 * One question of a query set and how to tell a right hit. For a TSV set, a hit is right when its text contains one
 * of {@code expected}; for an exam item, when it contains the answer with at least four characters of the question
 * around the blank (see {@link QuerySets#inContext}). A null kind searches clauses and cases together.
 */
public record EvalQuery(String id, UnitKind kind, String question, List<String> expected) {
    /** Whether a bundled document answers it: questions of dev-not-covered.tsv expect nothing. */
    public boolean answerable() {
        return !expected.isEmpty();
    }
}
