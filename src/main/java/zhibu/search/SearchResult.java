package zhibu.search;

import java.util.List;
import java.util.Map;

/**
 * The contract's answer of a search: hits of one page, the total, and facet counts; when nothing is found,
 * {@code suggestions} holds terms to try instead.
 */
public record SearchResult(String query, long total, long tookMs, List<SearchHit> hits,
                           Map<String, Map<String, Integer>> facets, List<String> suggestions) {
    public SearchResult withSuggestions(List<String> terms) {
        return new SearchResult(query, total, tookMs, hits, facets, List.copyOf(terms));
    }
}
