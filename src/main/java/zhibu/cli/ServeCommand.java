package zhibu.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import zhibu.admin.ServerFile;
import zhibu.admin.Tokens;
import zhibu.core.Background;
import zhibu.index.IngestOutcome;
import zhibu.index.Ingestion;
import zhibu.index.ZhibuIndex;
import zhibu.ingest.MetadataEdits;
import zhibu.packs.Database;
import zhibu.packs.PackStore;
import zhibu.web.Site;
import zhibu.web.WebApp;

/**
 * {@code zhibu serve [--port 7070] [--host 127.0.0.1] [--corpus corpus] [--index index] [--data data] [--db JDBC-URL]
 * [--admin-token-file FILE] [--max-upload-mb 50] [--no-vectors]}: ingests the corpus if the index is missing or stale, then
 * serves the site and the API as the index's only writer, and leaves a server file in the data folder so the
 * commands of this machine ask it to write instead of opening the index themselves.
 */
public final class ServeCommand {
    /**
     * The administrator's token: {@code --admin-token-file} (its first line), else the environment's ZHIBU_ADMIN_TOKEN,
     * else {@code --admin-token}, which every user of the machine can read in the process list (said on stderr).
     */
    static String adminToken(Args args, PrintStream err) throws IOException {
        String file = args.value("admin-token-file", null);
        if (file != null) {
            Path path = Home.resolve(file);
            if (!java.nio.file.Files.isRegularFile(path)) {
                throw new Args.UsageException("the admin token file " + path + " does not exist");
            }
            return java.nio.file.Files.readAllLines(path, java.nio.charset.StandardCharsets.UTF_8).stream()
                    .map(String::strip).filter(l -> !l.isEmpty()).findFirst()
                    .orElseThrow(() -> new Args.UsageException("the admin token file " + path + " is empty"));
        }
        String given = args.value("admin-token", null);
        if (given != null) {
            err.println("zhibu serve: --admin-token can be read by every user of this machine in the process list;"
                    + " prefer ZHIBU_ADMIN_TOKEN or --admin-token-file");
            return given;
        }
        return System.getenv("ZHIBU_ADMIN_TOKEN");
    }

    public int run(List<String> argv, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse(argv, Set.of("port", "host", "corpus", "index", Home.DATA, "admin-token",
                "admin-token-file", "web", "max-upload-mb", "db"), Set.of(Home.NO_VECTORS));
        if (!args.positional().isEmpty()) {
            throw new Args.UsageException("serve takes no arguments besides its options, not '" + args.positional().get(0) + "'");
        }
        int port = args.intValue("port", 7070, 0, 65535);
        String host = args.value("host", WebApp.LOOPBACK);
        long maxUpload = (long) args.intValue("max-upload-mb", 50, 1, 2048) << 20;
        Path corpus = Home.resolve(args.value("corpus", "corpus"));
        Path web = Home.resolve(args.value("web", "web"));
        Path data = Home.resolve(args.value(Home.DATA, "data"));
        Path indexFolder = Home.resolve(args.value("index", "index")).toAbsolutePath().normalize();
        String adminToken = adminToken(args, err);
        if (adminToken != null && !adminToken.isBlank() && !Tokens.acceptable(adminToken)) {
            throw new Args.UsageException("the admin token must be " + Tokens.MIN_LENGTH
                    + " or more printable ASCII characters (letters, digits, punctuation)");
        }
        var other = ServerFile.live(data);
        if (other.isPresent()) {
            err.println("zhibu serve: a server is already running with the data folder " + data + " (" + other.get().url()
                    + ", index " + other.get().index() + "); stop it, or give another --data.");
            return 1;
        }
        String unavailable = unavailable(host, port);
        if (unavailable != null) {
            err.println("zhibu serve: " + unavailable);
            return 1;
        }
        // the web server's classes load on the other core while the index opens (Javalin, Jetty and Kotlin: ~0.4 s)
        Thread.ofPlatform().name("zhibu-web-classes").daemon(true).start(WebApp::loadClasses);
        // the packs' database is opened and migrated (Flyway: ~0.6 s of the start) while the index opens
        String db = args.value("db", System.getenv("ZHIBU_DB"));
        CompletableFuture<PackStore> opening = CompletableFuture.supplyAsync(() ->
                new PackStore(db == null || db.isBlank() ? Database.inFolder(data) : Database.open(db.strip())));
        MetadataEdits edits = MetadataEdits.open(data.resolve("metadata-edits.tsv"));
        ZhibuIndex index = Home.openWriter(indexFolder, Home.vectors(args, err),
                Ingestion.forked(edits).withMaxFileBytes(maxUpload)
                        .withRoots(zhibu.index.SourceRoots.of(corpus, data)), err);
        if (index == null) {
            return 1;
        }
        PackStore packs;
        try {
            packs = opening.join();
        } catch (CompletionException e) {
            index.close();
            if (e.getCause() instanceof Database.DatabaseException failed) {
                err.println("zhibu serve: " + failed.getMessage());
                return 1;
            }
            throw e;
        }
        // a fresh index is filled before the site opens; an index that has documents serves at once, and the
        // corpus folder is checked for new and changed files meanwhile (at a thousand times the corpus, hashing
        // every file took most of the start)
        boolean empty = index.counts().get(zhibu.index.UnitKind.DOCUMENT) == 0;
        Runnable checkCorpus = () -> {
            try {
                int changed = 0;
                for (IngestOutcome outcome : index.ingest(List.of(corpus), o -> {
                    if (o.status() != IngestOutcome.Status.UNCHANGED) {
                        err.println(o.line());
                    }
                })) {
                    changed += outcome.status() == IngestOutcome.Status.UNCHANGED ? 0 : 1;
                }
                err.println("zhibu: index ready (" + (changed == 0 ? "up to date" : changed + " files ingested") + ")");
            } catch (IOException | RuntimeException e) {
                err.println("zhibu: the corpus folder " + corpus + " could not be checked: " + e.getMessage());
            }
        };
        if (empty) {
            checkCorpus.run();
        }
        String localToken = Tokens.newLocalToken();
        WebApp app;
        try {
            app = new WebApp(new Site(index, web, data, adminToken, localToken, maxUpload, edits, packs)).start(host, port);
        } catch (RuntimeException e) {
            index.close();
            if (causedBy(e, BindException.class)) {
                err.println("zhibu serve: port " + port + " on " + host + " is in use; choose another with --port.");
            } else {
                err.println("zhibu serve: the site could not start: " + e.getMessage());
            }
            return 1;
        }
        if (!empty) {
            Background.run(checkCorpus); // after the suggestions and the checklists' requirements
        }
        String shownHost = host.equals(WebApp.LOOPBACK) || host.equals("localhost") ? "localhost" : host;
        String url = "http://" + shownHost + ":" + app.port();
        new ServerFile(ProcessHandle.current().pid(), "http://" + (host.equals("0.0.0.0") ? WebApp.LOOPBACK : host)
                + ":" + app.port(), indexFolder.toString(), localToken).write(data);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ServerFile.remove(data);
            app.stop();
            try {
                index.close();
            } catch (IOException | RuntimeException ignored) {
                // the process is ending
            }
            stopped.countDown();
        }));
        if (adminToken == null || adminToken.isBlank()) {
            err.println("zhibu: administration is off (no ZHIBU_ADMIN_TOKEN, --admin-token-file or --admin-token); the commands of this"
                    + " machine can still add documents");
        }
        out.println("listening on " + url);
        stopped.await();
        return 0;
    }

    /** Why the server could not listen on host:port, found before the corpus is read; null when it can. */
    private static String unavailable(String host, int port) {
        if (port == 0) {
            return null;
        }
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress(host, port));
            return null;
        } catch (BindException e) {
            return "port " + port + " on " + host + " is in use; choose another with --port.";
        } catch (IOException | IllegalArgumentException e) {
            return "cannot listen on " + host + ":" + port + " (" + e.getMessage() + "); check --host.";
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
