package zhibu.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import zhibu.checklist.ChecklistService;
import zhibu.checklist.Profile;
import zhibu.eval.EvalQuery;
import zhibu.eval.QuerySets;
import zhibu.index.UnitKind;
import zhibu.index.ZhibuIndex;
import zhibu.library.Library;
import zhibu.search.SearchRequest;
import zhibu.search.SearchService;

/**
 * {@code zhibu bench [--corpus corpus] [--queries eval/dev-queries.tsv] [--rounds 20] [--out BENCHMARKS.md]}:
 * times ingestion, search and checklists on this machine and writes the results as a Markdown table.
 */
public final class BenchCommand {
    public int run(List<String> argv, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse(argv, Set.of("corpus", "queries", "rounds", "out"), Set.of());
        Path corpus = Home.resolve(args.value("corpus", "corpus"));
        List<EvalQuery> queries = QuerySets.read(Home.resolve(args.value("queries", "eval/dev-queries.tsv")));
        int rounds = args.intValue("rounds", 20, 1, 1000);
        Path folder = Files.createTempDirectory("zhibu-bench");
        List<String[]> rows = new ArrayList<>();
        try (ZhibuIndex index = ZhibuIndex.open(folder.resolve("index"))) {
            long t = System.nanoTime();
            index.ingest(List.of(corpus));
            rows.add(new String[] {"ingest the corpus into a new index", ms(System.nanoTime() - t), "once"});
            t = System.nanoTime();
            index.ingest(List.of(corpus));
            rows.add(new String[] {"ingest again (every file unchanged)", ms(System.nanoTime() - t), "once"});

            SearchService search = new SearchService(index);
            for (EvalQuery q : queries) { // warm-up
                search.search(SearchRequest.of(q.question(), q.kind(), 10));
            }
            long[] times = new long[rounds * queries.size()];
            int n = 0;
            for (int r = 0; r < rounds; r++) {
                for (EvalQuery q : queries) {
                    long s = System.nanoTime();
                    search.search(SearchRequest.of(q.question(), q.kind() == null ? UnitKind.CLAUSE : q.kind(), 10));
                    times[n++] = System.nanoTime() - s;
                }
            }
            Arrays.sort(times);
            rows.add(new String[] {"search, top 10 with snippets and facets: median", ms(times[times.length / 2]),
                    times.length + " searches"});
            rows.add(new String[] {"search: 95th percentile", ms(times[(int) (times.length * 0.95)]),
                    times.length + " searches"});

            ChecklistService checklists = new ChecklistService(new Library(index));
            t = System.nanoTime();
            checklists.checklist(Profile.of("高校", 30));
            rows.add(new String[] {"first checklist (extracts every clause's requirements)", ms(System.nanoTime() - t), "once"});
            t = System.nanoTime();
            for (int r = 0; r < rounds; r++) {
                checklists.checklist(Profile.of("机关", 5 + r));
            }
            rows.add(new String[] {"next checklists (requirements kept)", ms((System.nanoTime() - t) / rounds), rounds + " profiles"});
        }
        StringBuilder md = new StringBuilder("# Benchmarks\n\nMeasured by `./zhibu bench` on ")
                .append(LocalDate.now()).append(": ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ").append(System.getProperty("java.version")).append(", corpus `")
                .append(corpus.getFileName()).append("`, queries `").append(args.value("queries", "eval/dev-queries.tsv"))
                .append("`.\n\n| what | time | runs |\n|---|---|---|\n");
        rows.forEach(r -> md.append("| ").append(r[0]).append(" | ").append(r[1]).append(" | ").append(r[2]).append(" |\n"));
        out.print(md);
        Path target = Home.resolve(args.value("out", "BENCHMARKS.md"));
        Files.writeString(target, md.toString());
        err.println("wrote " + target);
        return 0;
    }

    private static String ms(long nanos) {
        return String.format("%.1f ms", nanos / 1e6);
    }
}
