package zhibu.search;

import java.util.List;
import java.util.Map;

/** The contract's answer of a search: hits of one page, the total, and facet counts. */
public record SearchResult(String query, long total, long tookMs, List<SearchHit> hits,
                           Map<String, Map<String, Integer>> facets) {
}
