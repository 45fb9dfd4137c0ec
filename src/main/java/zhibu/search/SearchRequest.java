package zhibu.search;

import zhibu.index.UnitKind;

/** One search: the question, what to find (null: clauses and cases), how many, and the filters (null when not set). */
public record SearchRequest(String query, UnitKind kind, int limit, int offset, String branchType, String docId,
                            String topic) {
    public static final int MAX_LIMIT = 100;

    public static SearchRequest of(String query, UnitKind kind, int limit) {
        return new SearchRequest(query, kind, limit, 0, null, null, null);
    }
}
