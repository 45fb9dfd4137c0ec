package zhibu.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import zhibu.analysis.AnalyzerChoice;
import zhibu.analysis.CharsAnalyzer;
import zhibu.checklist.ChecklistService;
import zhibu.checklist.Profile;
import zhibu.core.Clause;
import zhibu.core.Sentence;
import zhibu.core.Sentences;
import zhibu.eval.EvalQuery;
import zhibu.eval.Evaluator;
import zhibu.eval.Metrics;
import zhibu.eval.Run;
import zhibu.index.Ingestion;
import zhibu.index.UnitKind;
import zhibu.index.ZhibuIndex;
import zhibu.ingest.DocumentFiles;
import zhibu.ingest.DocumentReader;
import zhibu.ingest.IngestException;
import zhibu.ingest.IngestedDocument;
import zhibu.ingest.MetadataEdits;
import zhibu.library.Library;
import zhibu.search.SearchRequest;
import zhibu.search.SearchService;
import zhibu.structure.DocumentStructure;
import zhibu.structure.StructureParser;
import zhibu.vectors.Vectors;

/**
 * The product at {@code scale} times the corpus, measured in one run: the corpus grown by {@link CorpusGenerator};
 * ingestion stage by stage and end to end into our index and into the baseline's (the same records with Lucene's
 * CJK bigrams for words), both without vectors; each index's search latency in process and its answer quality on
 * the dev questions beside the corpus's own; the first and next checklist; then a server started on our index as a
 * user starts it ({@code ./zhibu serve}), its start time, search latency over HTTP, requests per second under
 * {@code wrk}, document pages, checklists and memory. Returns the Markdown section of BENCHMARKS.md.
 */
public final class ScaleRun {
    /** What to run: the scale, the generator's seed, where to work, and how long to load the server. */
    public record Options(int scale, long seed, Path work, int rounds, int loadSeconds, int connections) {
    }

    private final Options options;
    private final PrintStream err;
    private final List<Evaluator.QuerySet> sets;
    private final List<String> questions = new ArrayList<>();
    private final StringBuilder md = new StringBuilder();
    /** Passages embedded per second, or 0 when the model is not at hand. */
    private double embeddingRate;

    public ScaleRun(Options options, List<Evaluator.QuerySet> sets, PrintStream err) {
        this.options = options;
        this.sets = sets;
        this.err = err;
        sets.forEach(s -> s.queries().forEach(q -> questions.add(q.question())));
    }

    /** One index measured: how it was built and how it searched. */
    private record Built(String label, AnalyzerChoice analyzer, Run run, Path folder, long nanos,
                         Map<UnitKind, Integer> counts, int sentences, long bytesOnDisk) {
    }

    public String run(Path corpus, Path launcher, Path web) throws Exception {
        Path root = options.work().resolve("x" + options.scale());
        Path grown = root.resolve("corpus");
        CorpusGenerator.Result generated = generate(corpus, grown);
        md.append("## ×").append(options.scale()).append(" the corpus\n\n")
                .append("Measured by `./zhibu bench --scale ").append(options.scale()).append("` on ")
                .append(LocalDate.now()).append(" (").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ").append(System.getProperty("java.version")).append("): the corpus grown by ")
                .append("`zhibu generate --seed ").append(options.seed()).append("` to ").append(generated.documents())
                .append(" documents, ").append(String.format("%.1f MB", generated.bytes() / 1e6)).append(" of text (")
                .append(String.format("%,d", generated.characters())).append(" characters). Both indexes without ")
                .append("vectors (the embedding rate is measured apart); \"baseline\" is the same pipeline with ")
                .append("Lucene's CJK bigram analyzer for words and BM25 alone, \"ours\" HanLP words, bigrams and ")
                .append("sentences in the lexical fusion.\n\n");

        stages(grown, generated);
        List<Built> built = new ArrayList<>();
        built.add(ingest("ours", AnalyzerChoice.HANLP, Run.LEXICAL, grown, root.resolve("ours")));
        built.add(ingest("baseline", AnalyzerChoice.BIGRAM, Run.BIGRAM, grown, root.resolve("baseline")));
        md.append("### Ingestion, end to end (both cores)\n\n| index | documents | clauses | cases | time | MB/s | ")
                .append("clauses/s | index on disk |\n|---|---|---|---|---|---|---|---|\n");
        for (Built b : built) {
            double seconds = b.nanos() / 1e9;
            md.append("| ").append(b.label()).append(" | ").append(b.counts().get(UnitKind.DOCUMENT)).append(" | ")
                    .append(b.counts().get(UnitKind.CLAUSE)).append(" | ").append(b.counts().get(UnitKind.CASE))
                    .append(" | ").append(String.format("%.0f s", seconds)).append(" | ")
                    .append(String.format("%.2f", generated.bytes() / 1e6 / seconds)).append(" | ")
                    .append(String.format("%.0f", b.counts().get(UnitKind.CLAUSE) / seconds)).append(" | ")
                    .append(String.format("%.0f MB", b.bytesOnDisk() / 1e6)).append(" |\n");
        }
        md.append('\n');
        if (embeddingRate > 0) {
            Map<UnitKind, Integer> counts = built.get(0).counts();
            long passages = counts.get(UnitKind.CLAUSE) + counts.get(UnitKind.CASE) + built.get(0).sentences();
            md.append("With vectors, every clause, case and sentence is embedded: ").append(String.format("%,d", passages))
                    .append(" passages at ").append(String.format("%.0f", embeddingRate)).append(" a second is ")
                    .append(String.format("%.1f hours", passages / embeddingRate / 3600))
                    .append(" before the ×").append(options.scale()).append(" index is fully searchable by meaning ")
                    .append("(the lexical index above is searchable meanwhile; the embedding cache makes it once).\n\n");
        }
        searchAndQuality(corpus, root, built);
        checklists(built.get(0));
        server(launcher, web, grown, built.get(0), root.resolve("data"));
        return md.toString();
    }

    private CorpusGenerator.Result generate(Path corpus, Path grown) throws IOException {
        Path marker = grown.resolve(".generated");
        String expected = "scale " + options.scale() + " seed " + options.seed() + " corpus " + fingerprint(corpus);
        if (Files.isRegularFile(marker) && Files.readString(marker).startsWith(expected + "\n")) {
            String[] saved = Files.readString(marker).split("\n")[1].split(" ");
            err.println("bench: the ×" + options.scale() + " corpus is already in " + grown);
            return new CorpusGenerator.Result(grown, Integer.parseInt(saved[0]), Long.parseLong(saved[1]),
                    Long.parseLong(saved[2]));
        }
        deleteTree(grown);
        err.println("bench: generating the ×" + options.scale() + " corpus into " + grown);
        CorpusGenerator.Result r = new CorpusGenerator(corpus).generate(options.scale(), options.seed(), grown);
        Files.writeString(marker, expected + "\n" + r.documents() + " " + r.characters() + " " + r.bytes() + "\n");
        return r;
    }

    /** The corpus's files by name and size: a new corpus makes a new grown one. */
    private static String fingerprint(Path corpus) throws IOException {
        long sum = 0;
        for (DocumentFiles.Found f : DocumentFiles.under(corpus)) {
            sum = sum * 31 + f.file().getFileName().toString().hashCode() + Files.size(f.file());
        }
        return Long.toHexString(sum);
    }

    /**
     * Each stage of ingestion alone on one core, over the first files of the grown corpus (about 10 MB): reading
     * and cleaning (extraction), clauses and cases (structure), HanLP words and bigrams of every text the index
     * analyses (analysis), and the embedding of passages when the model is at hand (vectors).
     */
    private void stages(Path grown, CorpusGenerator.Result generated) throws IOException {
        List<Path> files = new ArrayList<>();
        long bytes = 0;
        for (DocumentFiles.Found f : DocumentFiles.under(grown)) {
            if (!f.isSkipped() && bytes < 10_000_000) {
                files.add(f.file());
                bytes += Files.size(f.file());
            }
        }
        err.println("bench: ingestion stages over " + files.size() + " files");
        DocumentReader reader = new DocumentReader();
        StructureParser parser = new StructureParser();
        Analyzer words = AnalyzerChoice.HANLP.indexAnalyzer();
        Analyzer chars = new CharsAnalyzer();
        long read = 0;
        long structure = 0;
        long analysis = 0;
        int clauses = 0;
        List<String> passages = new ArrayList<>();
        for (Path file : files) {
            long t = System.nanoTime();
            IngestedDocument doc;
            try {
                doc = reader.read(file, file.getFileName().toString());
            } catch (IngestException e) {
                throw new IOException(e.reason().english(), e);
            }
            long t2 = System.nanoTime();
            DocumentStructure s = parser.parse(doc);
            long t3 = System.nanoTime();
            tokens(words, doc.body().text());
            for (Clause c : s.clauses()) {
                tokens(words, c.text());
                tokens(chars, c.text());
                for (Sentence sentence : Sentences.of(c.text())) {
                    tokens(words, sentence.text());
                    tokens(chars, sentence.text());
                }
                if (passages.size() < 200) {
                    passages.add(c.text());
                }
            }
            s.cases().forEach(c -> {
                tokens(words, c.text());
                tokens(chars, c.text());
            });
            long t4 = System.nanoTime();
            read += t2 - t;
            structure += t3 - t2;
            analysis += t4 - t3;
            clauses += s.clauses().size();
        }
        md.append("### Ingestion, stage by stage (one core, the first ").append(files.size()).append(" files, ")
                .append(String.format("%.1f MB", bytes / 1e6)).append(")\n\n| stage | time | MB/s | clauses/s |\n")
                .append("|---|---|---|---|\n");
        stage("extraction (read, decode, clean, metadata)", read, bytes, clauses);
        stage("structure (clauses and cases)", structure, bytes, clauses);
        stage("analysis (HanLP words and bigrams of the document, its clauses and sentences)", analysis, bytes,
                clauses);
        Vectors vectors = Vectors.open(options.work().resolve("vectors-scratch"));
        if (vectors.enabled()) {
            List<String> sample = passages.subList(0, Math.min(128, passages.size()));
            long t = System.nanoTime();
            vectors.passages(sample.stream().map(p -> p + "\u200b" + System.nanoTime()).toList()); // never cached
            long took = System.nanoTime() - t;
            embeddingRate = sample.size() / (took / 1e9);
            md.append("| vectors (bge-small-zh, ").append(sample.size()).append(" clause passages, both cores) | ")
                    .append(String.format("%.1f s", took / 1e9)).append(" | | ")
                    .append(String.format("%.0f passages/s", embeddingRate)).append(" |\n");
        }
        md.append('\n');
    }

    private void stage(String what, long nanos, long bytes, int clauses) {
        double seconds = nanos / 1e9;
        md.append("| ").append(what).append(" | ").append(String.format("%.1f s", seconds)).append(" | ")
                .append(String.format("%.2f", bytes / 1e6 / seconds)).append(" | ")
                .append(String.format("%.0f", clauses / seconds)).append(" |\n");
    }

    private static void tokens(Analyzer analyzer, String text) {
        try (TokenStream ts = analyzer.tokenStream("text", text)) {
            ts.reset();
            while (ts.incrementToken()) {
                // counted by the clock
            }
            ts.end();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Built ingest(String label, AnalyzerChoice analyzer, Run run, Path grown, Path folder) throws IOException {
        deleteTree(folder);
        err.println("bench: ingesting the ×" + options.scale() + " corpus into " + label + " (" + folder + ")");
        long t = System.nanoTime();
        long nanos;
        int sentences;
        Map<UnitKind, Integer> counts;
        try (ZhibuIndex index = ZhibuIndex.open(folder, analyzer, Vectors.off(),
                Ingestion.forked(MetadataEdits.none()))) {
            index.ingest(List.of(grown));
            nanos = System.nanoTime() - t;
            sentences = index.withSearcher(s -> s.count(new org.apache.lucene.search.TermQuery(
                    new org.apache.lucene.index.Term(zhibu.index.IndexFields.KIND, UnitKind.SENTENCE.label()))));
            counts = index.counts();
        }
        // measured once closed: an open reader keeps the segments the last merge replaced (they were up to 1.3 GB)
        return new Built(label, analyzer, run, folder, nanos, counts, sentences, size(folder));
    }

    private void searchAndQuality(Path corpus, Path root, List<Built> built) throws IOException {
        md.append("### Search in process (top 10 with snippets, facets and the answer card; ").append(questions.size())
                .append(" dev questions × ").append(options.rounds()).append(")\n\n| index | p50 | p95 | p99 | max |\n")
                .append("|---|---|---|---|---|\n");
        StringBuilder quality = new StringBuilder("### Answer quality at ×1 and ×").append(options.scale())
                .append(" (dev files, top 10)\n\n| index | set | metric | ×1 | ×").append(options.scale())
                .append(" | change |\n|---|---|---|---|---|---|\n");
        for (Built b : built) {
            List<Metrics> atScale;
            try (ZhibuIndex index = ZhibuIndex.open(b.folder(), b.analyzer(), Vectors.off(),
                    Ingestion.inProcess())) {
                SearchService search = new SearchService(index, b.run().fusion());
                long[] times = latencies(search);
                md.append("| ").append(b.label()).append(" | ").append(ms(pct(times, 0.50))).append(" | ")
                        .append(ms(pct(times, 0.95))).append(" | ").append(ms(pct(times, 0.99))).append(" | ")
                        .append(ms(times[times.length - 1])).append(" |\n");
                atScale = Evaluator.measure(Evaluator.judge(index, b.analyzer(), sets), List.of(b.run()), 10, false);
            }
            Path small = root.resolve(b.label() + "-x1");
            deleteTree(small);
            List<Metrics> atOne;
            try (ZhibuIndex index = ZhibuIndex.open(small, b.analyzer(), Vectors.off(), Ingestion.inProcess())) {
                index.ingest(List.of(corpus));
                atOne = Evaluator.measure(Evaluator.judge(index, b.analyzer(), sets), List.of(b.run()), 10, false);
            }
            deleteTree(small);
            for (int i = 0; i < atScale.size(); i++) {
                Metrics one = atOne.get(i);
                Metrics many = atScale.get(i);
                for (String metric : List.of("Hit@1", "Hit@3", "Hit@10", "MRR@10")) {
                    Double before = one.values().get(metric);
                    Double after = many.values().get(metric);
                    if (before != null && after != null) {
                        quality.append("| ").append(b.label()).append(" | ").append(many.set()).append(" | ")
                                .append(metric).append(" | ").append(String.format("%.3f", before)).append(" | ")
                                .append(String.format("%.3f", after)).append(" | ")
                                .append(String.format("%+.3f", after - before)).append(" |\n");
                    }
                }
            }
        }
        md.append('\n').append(quality).append('\n');
    }

    private long[] latencies(SearchService search) throws IOException {
        List<EvalQuery> all = new ArrayList<>();
        sets.forEach(s -> all.addAll(s.queries()));
        for (EvalQuery q : all) { // warm-up
            search.search(SearchRequest.of(q.question(), q.kind() == null ? UnitKind.CLAUSE : q.kind(), 10));
        }
        long[] times = new long[all.size() * options.rounds()];
        int n = 0;
        for (int r = 0; r < options.rounds(); r++) {
            for (EvalQuery q : all) {
                long s = System.nanoTime();
                search.search(SearchRequest.of(q.question(), q.kind() == null ? UnitKind.CLAUSE : q.kind(), 10));
                times[n++] = System.nanoTime() - s;
            }
        }
        Arrays.sort(times);
        return times;
    }

    private void checklists(Built ours) throws IOException {
        err.println("bench: checklists in process");
        try (ZhibuIndex index = ZhibuIndex.open(ours.folder(), Vectors.off(), Ingestion.inProcess())) {
            long t = System.nanoTime();
            ChecklistService.Prepared prepared = new ChecklistService(new Library(index)).prepare(); // as ingest does
            long extraction = System.nanoTime() - t;
            ChecklistService service = new ChecklistService(new Library(index)); // as a server started afterwards
            t = System.nanoTime();
            service.checklist(Profile.of("高校", 30));
            long first = System.nanoTime() - t;
            t = System.nanoTime();
            String[] types = {"机关", "农村", "社区", "国有企业", "非公企业"};
            for (String type : types) {
                service.checklist(Profile.of(type, 12));
            }
            long next = (System.nanoTime() - t) / types.length;
            md.append("### Checklists in process\n\n| what | time |\n|---|---|\n| requirements extracted from every ")
                    .append("clause and kept beside the index, as the last step of `zhibu ingest` (")
                    .append(String.format("%,d", prepared.requirements())).append(" from ")
                    .append(String.format("%,d", prepared.clauses())).append(" clauses, both cores) | ")
                    .append(ms(extraction)).append(" |\n| first checklist after start (requirements read from that file) | ")
                    .append(ms(first))
                    .append(" |\n| next checklists (five branch types) | ").append(ms(next)).append(" each |\n\n");
        }
    }

    /** A server process of the launcher and how long it took to answer /api/health. */
    private record Started(Process process, long nanos) {
    }

    /** Starts the server as a user starts it and waits for its first answer. */
    private Started start(List<String> command, String base, HttpClient http) throws Exception {
        long t = System.nanoTime();
        Process server = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(options.work().resolve("server.log").toFile()).start();
        while (System.nanoTime() - t < TimeUnit.MINUTES.toNanos(10) && server.isAlive()) {
            if (status(http, base + "/api/health", 5) == 200) {
                return new Started(server, System.nanoTime() - t);
            }
            Thread.sleep(50);
        }
        server.destroyForcibly();
        throw new IOException("the server did not answer /api/health; see " + options.work().resolve("server.log"));
    }

    /** A server started as a user starts it, on our index; measured over HTTP. */
    private void server(Path launcher, Path web, Path grown, Built ours, Path data) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.createDirectories(data);
        err.println("bench: starting the server on the ×" + options.scale() + " index (port " + port + "), twice");
        List<String> command = List.of(launcher.toAbsolutePath().toString(), "serve", "--index",
                ours.folder().toString(), "--data", data.toString(), "--web", web.toString(), "--corpus",
                grown.toString(), "--port", String.valueOf(port), "--no-vectors");
        String base = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Started first = start(command, base, http); // after a build, its end writes the archive of loaded classes
        first.process().destroy();
        if (!first.process().waitFor(60, TimeUnit.SECONDS)) {
            first.process().destroyForcibly().waitFor();
        }
        Started again = start(command, base, http);
        Process server = again.process();
        try {
            long jvm = server.pid(); // the launcher execs java: the same process
            long firstSearch = search(http, base, questions.get(0), 60); // before the JIT has compiled it
            List<String> rows = new ArrayList<>();
            rows.add(row("start: launcher to the first answer of /api/health (the first start after a build; "
                    + "again, with the class archive the first one wrote)", ms(first.nanos()) + "; " + ms(again.nanos())));
            rows.add(row("the first search, asked as soon as /api/health answers", ms(firstSearch)));
            long[] times = new long[questions.size() * options.rounds()];
            int n = 0;
            for (int r = 0; r <= options.rounds(); r++) {
                for (String q : questions) {
                    long took = search(http, base, q, 30);
                    if (r > 0) { // the first round warms up
                        times[n++] = took;
                    }
                }
            }
            Arrays.sort(times);
            rows.add(row("search over HTTP, one at a time, p50 / p95 / p99", ms(pct(times, 0.5)) + " / "
                    + ms(pct(times, 0.95)) + " / " + ms(pct(times, 0.99))));
            rows.add(row("document list, all of it (`/api/documents`)", timed(http, base + "/api/documents", 3)));
            rows.add(row("document list, the home page's first page (`/api/documents?limit=50`)",
                    timed(http, base + "/api/documents?limit=50", 3)));
            rows.add(row("a document page (`/api/documents/{id}`, the first real document)",
                    timed(http, base + "/api/documents/" + firstDocument(http, base), 3)));
            if (LoadRun.available()) {
                List<String> distinct = LoadQuestions.distinct(questions, 30_000, options.seed());
                Path script = LoadRun.luaScript(distinct, 2, options.work().resolve("questions.lua"));
                Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + options.connections(),
                        "-d" + options.loadSeconds() + "s", "--timeout", "10s", "--latency", "-s", script.toString(),
                        base).redirectErrorStream(true).start();
                String report = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                wrk.waitFor(options.loadSeconds() + 60L, TimeUnit.SECONDS);
                LoadRun.Result r = LoadRun.parse(report, options.connections(), 2, options.loadSeconds(),
                        distinct.size(), 0, 0, 0, true);
                rows.add(row("requests/s under wrk (" + options.connections() + " connections, "
                        + options.loadSeconds() + " s, " + distinct.size() + " distinct questions, "
                        + (r.requests() > distinct.size() ? "gone round again" : "none asked twice")
                        + "), p50 / p90 / p99",
                        String.format("%.1f", r.requestsPerSecond()) + " req/s; " + r.p50() + " / " + r.p90() + " / "
                                + r.p99() + "; " + r.errors() + " errors"));
            }
            rows.add(row("first checklist over HTTP", timed(http, base + "/api/checklist?branchType="
                    + URLEncoder.encode("高校", StandardCharsets.UTF_8) + "&members=30", 1)));
            rows.add(row("next checklist over HTTP", timed(http, base + "/api/checklist?branchType="
                    + URLEncoder.encode("农村", StandardCharsets.UTF_8) + "&members=12", 3)));
            rows.add(row("server memory: peak resident set / heap bound", memory(jvm)));
            md.append("### The server on the ×").append(options.scale()).append(" index\n\n| what | measured |\n")
                    .append("|---|---|\n");
            rows.forEach(md::append);
            md.append('\n');
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static String row(String what, String value) {
        return "| " + what + " | " + value + " |\n";
    }

    /** The median time of a few GETs (each must answer 200). */
    private static String timed(HttpClient http, String url, int times) throws Exception {
        long[] took = new long[times];
        for (int i = 0; i < times; i++) {
            long s = System.nanoTime();
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
            took[i] = System.nanoTime() - s;
            if (r.statusCode() != 200) {
                return "answered " + r.statusCode();
            }
            if (i == times - 1) {
                Arrays.sort(took);
                return ms(took[times / 2]) + " (" + String.format("%.1f kB", r.body().length / 1e3) + ")";
            }
        }
        return "";
    }

    private static String firstDocument(HttpClient http, String base) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(base + "/api/documents")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        com.fasterxml.jackson.databind.JsonNode list = json.isArray() ? json : json.path("documents");
        return URLEncoder.encode(list.path(0).path("id").asText(), StandardCharsets.UTF_8);
    }

    /** How long /api/search took to answer {@code q}, in nanoseconds; anything but 200 is an error. */
    private static long search(HttpClient http, String base, String q, int seconds) throws IOException {
        long t = System.nanoTime();
        int status = status(http, base + "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), seconds);
        if (status != 200) {
            throw new IOException("/api/search answered " + status + " for " + q);
        }
        return System.nanoTime() - t;
    }

    private static int status(HttpClient http, String url, int seconds) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(seconds)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String memory(long pid) throws IOException {
        Path status = Path.of("/proc/" + pid + "/status");
        String peak = "?";
        if (Files.isRegularFile(status)) {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    peak = String.format("%.0f MB", Long.parseLong(line.replaceAll("\\D", "")) / 1024.0);
                }
            }
        }
        String heap = "?";
        Path cmdline = Path.of("/proc/" + pid + "/cmdline");
        if (Files.isRegularFile(cmdline)) {
            for (String arg : Files.readString(cmdline).split("\0")) {
                if (arg.startsWith("-Xmx")) {
                    heap = arg.substring(4);
                }
            }
        }
        return peak + " / " + heap;
    }

    private static long pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
    }

    private static String ms(long nanos) {
        return nanos >= 10_000_000_000L ? String.format("%.0f s", nanos / 1e9) : String.format("%.1f ms", nanos / 1e6);
    }

    private static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** Deletes a folder and all under it; nothing when it does not exist. */
    static void deleteTree(Path folder) throws IOException {
        zhibu.core.Folders.deleteTree(folder);
    }
}
