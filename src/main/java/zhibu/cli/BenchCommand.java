package zhibu.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import zhibu.bench.LoadRun;
import zhibu.bench.ScaleRun;
import zhibu.eval.Evaluator;
import zhibu.checklist.ChecklistService;
import zhibu.checklist.Profile;
import zhibu.eval.EvalQuery;
import zhibu.eval.QuerySets;
import zhibu.index.UnitKind;
import zhibu.index.ZhibuIndex;
import zhibu.library.Library;
import zhibu.search.Feature;
import zhibu.search.Fusion;
import zhibu.search.SearchRequest;
import zhibu.search.SearchService;
import zhibu.vectors.Vectors;

/**
 * {@code zhibu bench [--corpus corpus] [--queries eval/dev-queries-2.tsv] [--rounds 10] [--out BENCHMARKS.md]
 * [--no-vectors] [--no-load | --load-only] [--seconds 60] [--connections 64]}: times ingestion (with vectors from an
 * empty cache, with a warm cache, without vectors), search (each view alone, the lexical fusion, the full hybrid with
 * snippets, facets and the answer card; the question's embedding apart) and checklists on this machine, then puts the
 * server under load with wrk while documents are uploaded ({@link LoadRun}), and writes the results as Markdown.
 */
public final class BenchCommand {
    /** Distinct questions of a load run: more than it sends at 500 requests a second for 60 s. */
    static final int LOAD_QUESTIONS = 30_000;

    public int run(List<String> argv, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse(argv, Set.of("corpus", "queries", "rounds", "out", Home.DATA, "seconds", "connections",
                "scale", "seed", "work"), Set.of(Home.NO_VECTORS, "no-load", "load-only"));
        if (args.value("scale", null) != null) {
            return scale(args, out, err);
        }
        Path corpus = Home.resolve(args.value("corpus", "corpus"));
        String queriesFile = args.value("queries", "eval/dev-queries-2.tsv");
        List<EvalQuery> queries = QuerySets.read(Home.resolve(queriesFile));
        int rounds = args.intValue("rounds", 10, 1, 1000);
        Path target = Home.resolve(args.value("out", "BENCHMARKS.md"));
        if (args.flag("no-load") && args.flag("load-only")) {
            throw new Args.UsageException("--no-load and --load-only exclude each other");
        }
        String load = "";
        if (!args.flag("no-load")) {
            load = load(args, corpus, err);
        }
        if (args.flag("load-only")) {
            String before = Files.isRegularFile(target) ? Files.readString(target) : "# Benchmarks\n";
            int at = before.indexOf(LOAD_HEADING);
            String md = (at < 0 ? before.stripTrailing() + "\n\n" : before.substring(0, at)) + load;
            Files.writeString(target, md);
            out.print(load);
            err.println("wrote " + target);
            return 0;
        }
        Vectors vectors = Home.vectors(args, err);
        Path folder = Files.createTempDirectory("zhibu-bench");
        List<String[]> rows = new ArrayList<>();
        if (vectors.enabled()) {
            Vectors cold = Vectors.open(folder.resolve("data")); // the same model, an empty cache
            long t = System.nanoTime();
            try (ZhibuIndex index = ZhibuIndex.open(folder.resolve("cold"), cold)) {
                index.ingest(List.of(corpus));
            }
            rows.add(new String[] {"ingest the corpus with vectors, embedding every clause and sentence",
                    ms(System.nanoTime() - t), "once"});
            t = System.nanoTime();
            try (ZhibuIndex index = ZhibuIndex.open(folder.resolve("warm"), cold)) {
                index.ingest(List.of(corpus));
            }
            rows.add(new String[] {"ingest the corpus with vectors from the cache", ms(System.nanoTime() - t), "once"});
        }
        long t = System.nanoTime();
        try (ZhibuIndex index = ZhibuIndex.open(folder.resolve("lexical"), Vectors.off())) {
            index.ingest(List.of(corpus));
        }
        rows.add(new String[] {"ingest the corpus without vectors (--no-vectors)", ms(System.nanoTime() - t), "once"});

        try (ZhibuIndex index = ZhibuIndex.open(folder.resolve("index"), vectors)) {
            t = System.nanoTime();
            index.ingest(List.of(corpus));
            index.ingest(List.of(corpus));
            rows.add(new String[] {"ingest again (every file unchanged)", ms((System.nanoTime() - t) / 2), "twice"});
            if (vectors.enabled()) {
                long[] times = new long[queries.size()];
                for (int i = 0; i < queries.size(); i++) {
                    long s = System.nanoTime();
                    vectors.question(queries.get(i).question() + "？" + i); // never seen: no question cache
                    times[i] = System.nanoTime() - s;
                }
                rows.add(percentiles("embed a question (with and without the instruction, on two cores)", times));
            }
            for (Feature view : Feature.VIEWS) {
                if (!view.dense() || vectors.enabled()) {
                    double[] w = new double[Feature.values().length];
                    w[view.ordinal()] = 1;
                    rows.add(searchRow("search, the " + view.label() + " view alone", new SearchService(index,
                            new Fusion(view.label(), w)), queries, rounds));
                }
            }
            rows.add(searchRow("search, lexical fusion (top 10, sentences, snippets, facets, answer)",
                    new SearchService(index, Fusion.of(Fusion.LEXICAL)), queries, rounds));
            if (vectors.enabled()) {
                rows.add(searchRow("search, full hybrid (top 10, sentences, snippets, facets, answer)",
                        new SearchService(index, Fusion.of(Fusion.HYBRID)), queries, rounds));
            }

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
                .append(corpus.getFileName()).append("`, questions `").append(queriesFile).append("` (")
                .append(queries.size()).append("), vectors ").append(vectors.model())
                .append(". Searches are in process, each question's vector cached after its first search (the")
                .append(" embedding row says what a new question adds).\n\n| what | time | runs |\n|---|---|---|\n");
        rows.forEach(r -> md.append("| ").append(r[0]).append(" | ").append(r[1]).append(" | ").append(r[2]).append(" |\n"));
        md.append("\n").append(load);
        out.print(md);
        // the sections of the grown corpora (## ×N the corpus, and what follows them) are the scale runs' own
        String before = Files.isRegularFile(target) ? Files.readString(target) : "";
        int scaled = before.indexOf("\n## ×");
        Files.writeString(target, md.toString().stripTrailing() + "\n"
                + (scaled < 0 ? "" : before.substring(scaled)));
        err.println("wrote " + target);
        return 0;
    }

    private static final String LOAD_HEADING = "## The server under load";

    /**
     * {@code --scale N}: the corpus grown N times, ingested into our index and the baseline's, and measured
     * ({@link ScaleRun}); its section of BENCHMARKS.md is written in place of an earlier one of the same scale.
     */
    private static int scale(Args args, PrintStream out, PrintStream err) throws Exception {
        int scale = args.intValue("scale", 1000, 1, 100_000);
        ScaleRun.Options options = new ScaleRun.Options(scale, args.intValue("seed", 1, 0, Integer.MAX_VALUE),
                Home.resolve(args.value("work", "target/bench")), args.intValue("rounds", 5, 1, 1000),
                args.intValue("seconds", 30, 5, 3600), args.intValue("connections", 16, 1, 10_000));
        List<Evaluator.QuerySet> sets = new ArrayList<>();
        for (String file : List.of("eval/dev-queries.tsv", "eval/dev-queries-2.tsv")) {
            sets.add(Evaluator.QuerySet.read(Home.resolve(file)));
        }
        String section = new ScaleRun(options, sets, err).run(Home.resolve(args.value("corpus", "corpus")),
                Home.resolve("zhibu"), Home.resolve("web"));
        Path target = Home.resolve(args.value("out", "BENCHMARKS.md"));
        String before = Files.isRegularFile(target) ? Files.readString(target) : "# Benchmarks\n";
        String heading = "## ×" + scale + " the corpus\n";
        int at = before.indexOf(heading);
        String md;
        if (at < 0) {
            md = before.stripTrailing() + "\n\n" + section;
        } else {
            int next = before.indexOf("\n## ", at + heading.length());
            md = before.substring(0, at) + section + (next < 0 ? "" : before.substring(next + 1));
        }
        Files.writeString(target, md);
        out.print(section);
        err.println("wrote " + target);
        return 0;
    }

    /** The load run's section, or a sentence saying why there is none. */
    private static String load(Args args, Path corpus, PrintStream err) throws Exception {
        int seconds = args.intValue("seconds", 60, 5, 3600);
        int connections = args.intValue("connections", 64, 1, 10_000);
        StringBuilder md = new StringBuilder(LOAD_HEADING).append("\n\n");
        if (!LoadRun.available()) {
            err.println("zhibu bench: wrk is not installed (apt-get install wrk); the load run is left out");
            return md.append("Not measured on ").append(LocalDate.now())
                    .append(": wrk was not installed (`apt-get install wrk`).\n").toString();
        }
        List<String> asked = new ArrayList<>();
        List<String> files = List.of("eval/dev-queries.tsv", "eval/dev-queries-2.tsv");
        for (String file : files) {
            QuerySets.read(Home.resolve(file)).forEach(q -> asked.add(q.question()));
        }
        List<String> questions = zhibu.bench.LoadQuestions.distinct(asked, LOAD_QUESTIONS, 1);
        Path data = Home.resolve(args.value(Home.DATA, "data"));
        LoadRun.Result r = LoadRun.run(corpus, Home.resolve("web"), data, questions, seconds, connections, err);
        md.append("Measured by `./zhibu bench` on ").append(LocalDate.now()).append(" (")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores; server, wrk and ingestion share them): ")
                .append("`wrk -t").append(r.threads()).append(" -c").append(r.connections()).append(" -d")
                .append(r.seconds()).append("s` on loopback against `/api/search` (full hybrid with the answer card), ")
                .append("each request a question no request of the run asked before (").append(r.questions())
                .append(" distinct questions: the ").append(asked.size()).append(" of ").append(String.join(" and ", files))
                .append(", and each asked of a province, a branch type or both; ")
                .append(r.requests() > r.questions() ? "the run went round them again after " + r.questions()
                        + " requests" : "none asked twice").append("), while ").append(r.batch())
                .append(" new documents (the corpus's texts, re-worded so every passage is embedded anew) were ")
                .append("uploaded one after another through `POST /api/documents`; ").append(r.ingestedDuringRun())
                .append(" of them were read, embedded and indexed within the run")
                .append(r.uploadsFailed() == 0 ? "" : ", " + r.uploadsFailed() + " uploads failed")
                .append(". `/api/health` answered ").append(r.healthyAfter() ? "200" : "an error").append(" after it.\n\n")
                .append("| requests | requests/s | p50 | p90 | p99 | errors (non-2xx, socket) |\n|---|---|---|---|---|---|\n")
                .append("| ").append(r.requests()).append(" | ").append(String.format("%.1f", r.requestsPerSecond()))
                .append(" | ").append(r.p50()).append(" | ").append(r.p90()).append(" | ").append(r.p99()).append(" | ")
                .append(r.errors()).append(" (").append(r.non2xx()).append(", ").append(r.socketErrors()).append(") |\n");
        return md.toString();
    }

    private static String[] searchRow(String what, SearchService search, List<EvalQuery> queries, int rounds)
            throws Exception {
        for (EvalQuery q : queries) { // warm-up, and every question's vector computed once
            search.search(SearchRequest.of(q.question(), kind(q), 10));
        }
        long[] times = new long[rounds * queries.size()];
        int n = 0;
        for (int r = 0; r < rounds; r++) {
            for (EvalQuery q : queries) {
                long s = System.nanoTime();
                search.search(SearchRequest.of(q.question(), kind(q), 10));
                times[n++] = System.nanoTime() - s;
            }
        }
        return percentiles(what, times);
    }

    private static UnitKind kind(EvalQuery q) {
        return q.kind() == null ? UnitKind.CLAUSE : q.kind();
    }

    private static String[] percentiles(String what, long[] times) {
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        return new String[] {what, "median " + ms(sorted[sorted.length / 2]) + ", 95th percentile "
                + ms(sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.95))]), sorted.length + " runs"};
    }

    private static String ms(long nanos) {
        return String.format("%.1f ms", nanos / 1e6);
    }
}
