package zhibu.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/** One analyzer's metrics over one query set, by name (Hit@1, MRR@10, pass@1 …), in print order, and each query's rank of its first right hit (0: none in the top k). */
public record Metrics(String analyzer, int queries, Map<String, Double> values, Map<String, Integer> ranks) {
    public Metrics {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        ranks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ranks));
    }
}
