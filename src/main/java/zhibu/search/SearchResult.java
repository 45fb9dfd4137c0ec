package zhibu.search;

import java.util.List;
import java.util.Map;
import zhibu.answer.Answer;

/**
 * The contract's answer of a search: hits of one page, the total, and facet counts; the direct answer ({@code
 * answer}, or null) and whether the bundled documents seem to cover the question at all ({@code covered}), with the
 * question's words no document uses ({@code absentWords}); when nothing is found, {@code suggestions} holds terms to
 * try instead. {@code documents} names the documents of the hits with their counts (the {@code docTitle} facet
 * counts by title, which repeat across places). {@code constraints} are the places the question named, taken as
 * filters (see {@link Constraint}); {@code fromCases}, when no clause answers a clause search, a case passage that
 * does. {@code totalRelation} says whether {@code total} counts every match ({@code eq}) or is a lower bound
 * ({@code gte}: the first stage kept its best candidates and there are more).
 */
public record SearchResult(String query, long total, TotalRelation totalRelation, long tookMs, List<SearchHit> hits,
                           Map<String, Map<String, Integer>> facets, List<DocumentFacet> documents, Answer answer,
                           boolean covered, List<String> absentWords, List<String> suggestions,
                           List<Constraint> constraints, CasePassage fromCases) {
    public SearchResult withSuggestions(List<String> terms) {
        return new SearchResult(query, total, totalRelation, tookMs, hits, facets, documents, answer, covered, absentWords,
                List.copyOf(terms), constraints, fromCases);
    }

    /** Whether a total is exact or a lower bound; in JSON {@code eq} or {@code gte}. */
    public enum TotalRelation {
        EQ, GTE;

        /** {@code eq} for an exact total, {@code gte} for a lower bound. */
        public static TotalRelation of(boolean exact) {
            return exact ? EQ : GTE;
        }

        @com.fasterxml.jackson.annotation.JsonValue
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A passage of the experience materials that states what no clause did: shown as 经验材料, never as a rule (its
     * case, document and the sentence).
     */
    public record CasePassage(String caseId, String docId, String docTitle, String title, String sentence) {
    }
}
