package zhibu.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run's metrics over one query set, by name (Hit@1, MRR@10, pass@1 …), in print order, and each query's rank of
 * its first right hit (0: none in the top k).
 */
public record Metrics(String run, String set, int queries, Map<String, Double> values, Map<String, Integer> ranks) {
    public Metrics {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        ranks = Collections.unmodifiableMap(new LinkedHashMap<>(ranks));
    }

    /** The metrics of ranks: Hit@1, Hit@3, Hit@k and MRR@k, or pass@1 and pass@3 for an exam set. */
    static Metrics of(String run, String set, boolean exam, int k, Map<String, Integer> ranks) {
        int[] r = ranks.values().stream().mapToInt(Integer::intValue).toArray();
        Map<String, Double> values = new LinkedHashMap<>();
        if (exam) {
            values.put("pass@1", share(r, 1));
            values.put("pass@3", share(r, 3));
        } else {
            values.put("Hit@1", share(r, 1));
            values.put("Hit@3", share(r, 3));
            values.put("Hit@" + k, share(r, k));
            double rr = 0;
            for (int rank : r) {
                rr += rank > 0 && rank <= k ? 1.0 / rank : 0;
            }
            values.put("MRR@" + k, r.length == 0 ? 0 : rr / r.length);
        }
        return new Metrics(run, set, r.length, values, ranks);
    }

    private static double share(int[] ranks, int k) {
        if (ranks.length == 0) {
            return 0;
        }
        int n = 0;
        for (int r : ranks) {
            if (r > 0 && r <= k) {
                n++;
            }
        }
        return (double) n / ranks.length;
    }
}
