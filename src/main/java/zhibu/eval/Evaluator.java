package zhibu.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import zhibu.analysis.AnalyzerChoice;
import zhibu.ingest.DocumentReader;
import zhibu.index.ZhibuIndex;
import zhibu.search.SearchHit;
import zhibu.search.SearchRequest;
import zhibu.search.SearchService;

/**
 * Runs a query set against the corpus indexed with each analyzer (in memory, same clauses, same ranking) and
 * computes the metrics: Hit@1, Hit@3, Hit@k and MRR@k for a TSV set; pass@1 and pass@3 for an exam set.
 */
public final class Evaluator {
    private final List<DocumentReader.Outcome> corpus;

    public Evaluator(Path corpusFolder) throws IOException {
        this.corpus = new DocumentReader().readAll(corpusFolder).stream().filter(o -> !o.failed()).toList();
    }

    public List<Metrics> run(List<EvalQuery> queries, boolean exam, List<AnalyzerChoice> analyzers, int k)
            throws IOException {
        List<Metrics> rows = new ArrayList<>();
        for (AnalyzerChoice analyzer : analyzers) {
            try (ZhibuIndex index = ZhibuIndex.inMemory(analyzer)) {
                for (DocumentReader.Outcome doc : corpus) {
                    index.add(doc.document(), doc.file());
                }
                index.commit();
                rows.add(measure(new SearchService(index), analyzer.label(), queries, exam, k));
            }
        }
        return rows;
    }

    /** The 1-based rank of the first right hit within the top k, or 0. */
    public static int firstRightRank(List<SearchHit> hits, EvalQuery query, boolean exam) {
        for (int i = 0; i < hits.size(); i++) {
            String text = exam ? TextFolding.exam(hits.get(i).text()) : TextFolding.noSpace(hits.get(i).text());
            if (query.expected().stream().anyMatch(text::contains)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static Metrics measure(SearchService search, String label, List<EvalQuery> queries, boolean exam, int k)
            throws IOException {
        int[] ranks = new int[queries.size()];
        Map<String, Integer> byId = new LinkedHashMap<>();
        for (int i = 0; i < queries.size(); i++) {
            EvalQuery q = queries.get(i);
            List<SearchHit> hits = search.search(SearchRequest.of(q.question(), q.kind(), k)).hits();
            ranks[i] = firstRightRank(hits, q, exam);
            byId.put(q.id(), ranks[i]);
        }
        Map<String, Double> values = new LinkedHashMap<>();
        if (exam) {
            values.put("pass@1", share(ranks, 1));
            values.put("pass@3", share(ranks, 3));
        } else {
            values.put("Hit@1", share(ranks, 1));
            values.put("Hit@3", share(ranks, 3));
            values.put("Hit@" + k, share(ranks, k));
            double rr = 0;
            for (int r : ranks) {
                rr += r > 0 ? 1.0 / r : 0;
            }
            values.put("MRR@" + k, queries.isEmpty() ? 0 : rr / queries.size());
        }
        return new Metrics(label, queries.size(), values, byId);
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

    /** Each query's rank of its first right hit under each analyzer (0: not in the top k). */
    public static String details(List<Metrics> rows) {
        StringBuilder out = new StringBuilder(String.format("%-10s", "query"));
        rows.forEach(r -> out.append(String.format(" %8s", r.analyzer())));
        out.append('\n');
        for (String id : rows.get(0).ranks().keySet()) {
            out.append(String.format("%-10s", id));
            rows.forEach(r -> out.append(String.format(" %8d", r.ranks().get(id))));
            out.append('\n');
        }
        return out.toString();
    }

    /** The rows side by side: one line per analyzer, metrics to three decimals. */
    public static String table(List<Metrics> rows) {
        StringBuilder out = new StringBuilder();
        if (rows.isEmpty()) {
            return "";
        }
        out.append(String.format("%-9s %7s", "analyzer", "queries"));
        rows.get(0).values().keySet().forEach(m -> out.append(String.format(" %7s", m)));
        out.append('\n');
        for (Metrics row : rows) {
            out.append(String.format("%-9s %7d", row.analyzer(), row.queries()));
            row.values().values().forEach(v -> out.append(String.format(" %7.3f", v)));
            out.append('\n');
        }
        return out.toString();
    }
}
