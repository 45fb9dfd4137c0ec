package zhibu.search;

import zhibu.index.UnitKind;

/** One search: the question, what to find (null: clauses and cases), how many, and the filters (null when not set). */
public record SearchRequest(String query, UnitKind kind, int limit, int offset, String branchType, String docId,
                            String topic, boolean constraints) {
    public static final int MAX_LIMIT = 100;

    /** A search that takes the places its question names as filters ({@link Constraint}). */
    public SearchRequest(String query, UnitKind kind, int limit, int offset, String branchType, String docId,
                         String topic) {
        this(query, kind, limit, offset, branchType, docId, topic, true);
    }

    /** The same search without the named places as filters ({@code constraints=none}). */
    public SearchRequest withoutConstraints() {
        return new SearchRequest(query, kind, limit, offset, branchType, docId, topic, false);
    }

    public static SearchRequest of(String query, UnitKind kind, int limit) {
        return new SearchRequest(query, kind, limit, 0, null, null, null);
    }
}
