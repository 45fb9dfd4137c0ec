package zhibu.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import zhibu.index.IngestOutcome;
import zhibu.index.Ingestion;
import zhibu.index.ZhibuIndex;
import zhibu.ingest.DocumentFiles;
import zhibu.ingest.MetadataEdits;
import zhibu.vectors.Vectors;
import zhibu.web.Site;
import zhibu.web.WebApp;

/**
 * The server under load, as users meet it: Debian's {@code wrk} sends searches for questions drawn at random from
 * the dev files over many connections on loopback, for a bounded time, while an administrator uploads a batch of
 * documents one after another and the server reads, embeds and indexes them. The server runs in this process over a
 * fresh index of the corpus in a temporary folder, with a copy of the vector cache (so the corpus is not embedded
 * again, and the batch's vectors do not stay in the user's cache).
 */
public final class LoadRun {
    private static final String TOKEN = "load-run-" + UUID.randomUUID();

    /** What wrk measured, and how the upload batch went meanwhile. */
    public record Result(String tool, int connections, int threads, int seconds, int questions, long requests,
                         double requestsPerSecond, String p50, String p90, String p99, long non2xx,
                         long socketErrors, int batch, int ingestedDuringRun, int uploadsFailed, boolean healthyAfter) {
        public long errors() {
            return non2xx + socketErrors;
        }
    }

    private LoadRun() {
    }

    /** Whether wrk is installed. */
    public static boolean available() {
        try {
            Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor(10, TimeUnit.SECONDS);
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static Result run(Path corpus, Path web, Path vectorData, List<String> questions, int seconds,
                             int connections, PrintStream err) throws Exception {
        Path folder = Files.createTempDirectory("zhibu-load");
        try {
            Path data = Files.createDirectories(folder.resolve("data"));
            zhibu.admin.Backup.copyFolder(vectorData.resolve("vectors"), data.resolve("vectors"));
            MetadataEdits edits = MetadataEdits.open(data.resolve("metadata-edits.tsv"));
            Vectors vectors = Vectors.open(data);
            try (ZhibuIndex index = ZhibuIndex.open(folder.resolve("index"), vectors, Ingestion.forked(edits))) {
                err.println("load: ingesting the corpus");
                index.ingest(List.of(corpus));
                WebApp app = new WebApp(new Site(index, web, data, TOKEN, null, Site.DEFAULT_MAX_UPLOAD_BYTES, edits, null))
                        .start(0);
                try {
                    String base = "http://127.0.0.1:" + app.port();
                    List<Path> batch = batch(corpus, Files.createDirectories(folder.resolve("batch")));
                    int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
                    Path script = luaScript(questions, threads, folder.resolve("questions.lua"));
                    AtomicInteger ingested = new AtomicInteger();
                    AtomicInteger failed = new AtomicInteger();
                    boolean[] loadOver = {false};
                    AtomicInteger duringRun = new AtomicInteger();
                    Thread uploader = Thread.ofPlatform().name("load-uploads").start(() -> {
                        HttpClient http = HttpClient.newHttpClient();
                        for (Path file : batch) {
                            try {
                                int status = upload(http, base, file);
                                (status == 201 || status == 200 ? ingested : failed).incrementAndGet();
                                if (!loadOver[0]) {
                                    duringRun.set(ingested.get());
                                }
                            } catch (IOException e) {
                                failed.incrementAndGet();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            }
                        }
                    });
                    err.println("load: wrk, " + connections + " connections, " + seconds + " s, while " + batch.size()
                            + " files are uploaded");
                    Process wrk = new ProcessBuilder("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                            "--timeout", "10s", "--latency", "-s", script.toString(), base)
                            .redirectErrorStream(true).start();
                    String report = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    wrk.waitFor(seconds + 60L, TimeUnit.SECONDS);
                    err.print(report);
                    loadOver[0] = true;
                    uploader.join(TimeUnit.MINUTES.toMillis(10));
                    boolean healthy = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                    URI.create(base + "/api/health")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    return parse(report, connections, threads, seconds, questions.size(), batch.size(),
                            duringRun.get(), failed.get(), healthy);
                } finally {
                    app.stop();
                }
            }
        } finally {
            ScaleRun.deleteTree(folder);
        }
    }

    /**
     * The corpus's text files again, each under a new name with its sentences ending in ；instead of 。: new
     * documents whose every passage must be embedded, as a week's new files would be.
     */
    private static List<Path> batch(Path corpus, Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        int n = 0;
        for (DocumentFiles.Found found : DocumentFiles.under(corpus)) {
            String name = found.file().getFileName().toString();
            if (found.isSkipped() || !name.endsWith(".txt")) {
                continue;
            }
            String text = Files.readString(found.file(), StandardCharsets.UTF_8);
            files.add(Files.writeString(folder.resolve("load-" + (n++) + "-" + name), text.replace('。', '；')));
        }
        return files;
    }

    private static int upload(HttpClient http, String base, Path file) throws IOException, InterruptedException {
        String boundary = "zhibu-load-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/documents"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, Files.readAllBytes(file), tail)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * A wrk script that asks every request a question no request of the run asked before, for as long as the list
     * lasts: each of wrk's {@code threads} walks its own share of the list in order (then goes round again).
     */
    static Path luaScript(List<String> questions, int threads, Path file) throws IOException {
        StringBuilder lua = new StringBuilder("-- written by zhibu bench: each request a question not asked before\n"
                + "local paths = {\n");
        for (String q : questions) {
            lua.append("  \"/api/search?q=").append(URLEncoder.encode(q, StandardCharsets.UTF_8)).append("\",\n");
        }
        lua.append("}\nlocal started = 0\n")
                .append("function setup(thread)\n  thread:set(\"first\", started * math.floor(#paths / ")
                .append(threads).append("))\n  started = started + 1\nend\n")
                .append("function init(args)\n  at = first\nend\n")
                .append("request = function()\n  at = at + 1\n")
                .append("  return wrk.format(\"GET\", paths[(at - 1) % #paths + 1])\nend\n");
        return Files.writeString(file, lua);
    }

    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern SOCKET = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    static Result parse(String report, int connections, int threads, int seconds, int questions, int batch,
                        int duringRun, int uploadsFailed, boolean healthy) throws IOException {
        Matcher requests = REQUESTS.matcher(report);
        Matcher rate = RATE.matcher(report);
        if (!requests.find() || !rate.find()) {
            throw new IOException("wrk gave no result: " + report.strip());
        }
        long socketErrors = 0;
        Matcher socket = SOCKET.matcher(report);
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                socketErrors += Long.parseLong(socket.group(g));
            }
        }
        Matcher non2xx = NON_2XX.matcher(report);
        return new Result("wrk", connections, threads, seconds, questions, Long.parseLong(requests.group(1)),
                Double.parseDouble(rate.group(1)), percentile(report, "50%"), percentile(report, "90%"),
                percentile(report, "99%"), non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0, socketErrors, batch,
                duringRun, uploadsFailed, healthy);
    }

    private static String percentile(String report, String which) {
        Matcher m = Pattern.compile("^\\s+" + Pattern.quote(which) + "\\s+(\\S+)\\s*$", Pattern.MULTILINE).matcher(report);
        return m.find() ? m.group(1).replace("ms", " ms").replace("us", " µs").replaceAll("(?<=\\d)s$", " s") : "?";
    }
}
