package zhibu.cli;

import zhibu.core.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import zhibu.admin.ServerFile;
import zhibu.index.IngestOutcome;
import zhibu.index.Ingestion;
import zhibu.index.ZhibuIndex;
import zhibu.ingest.DocumentFiles;

/**
 * {@code zhibu ingest [--index index] [--data data] [--no-vectors] [PATH ...]}: incremental ingestion, one line per
 * file as it is done (and a progress bar on a terminal). When a server runs for the index, it does the writing and
 * this command only sends it the paths and prints its lines; otherwise the command opens the index itself.
 */
public final class IngestCommand {
    public int run(List<String> argv, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse(argv, Set.of("index", Home.DATA), Set.of(Home.NO_VECTORS));
        // as the user gave them, so each line names a file the way they know it
        List<Path> roots = args.positional().isEmpty() ? List.of(Home.resolve("corpus"))
                : args.positional().stream().map(Path::of).toList();
        Path folder = Home.resolve(args.value("index", "index")).toAbsolutePath().normalize();
        Path data = Home.resolve(args.value(Home.DATA, "data"));
        Optional<ServerFile> server = ServerFile.running(data, folder);
        if (server.isPresent()) {
            return throughServer(server.get(), roots, out, err);
        }
        ZhibuIndex index = Home.openWriter(folder, Home.vectors(args, err), Ingestion.forked(Home.edits(data))
                .withRoots(Home.roots(data)), err);
        if (index == null) {
            return 1;
        }
        try (index) {
            if (index.rebuilt()) {
                err.println("zhibu: starting a new index at " + args.value("index", "index")
                        + " (none there yet, or one of an older schema)");
            }
            Progress progress = Progress.on(err, count(roots));
            boolean[] failed = {false};
            index.ingest(roots, outcome -> {
                progress.clear();
                (outcome.failed() ? err : out).println(outcome.line());
                failed[0] |= outcome.failed();
                progress.step();
            });
            progress.clear();
            var counts = index.counts();
            out.println("index: " + counts.get(zhibu.index.UnitKind.DOCUMENT) + " documents, "
                    + counts.get(zhibu.index.UnitKind.CLAUSE) + " clauses, "
                    + counts.get(zhibu.index.UnitKind.CASE) + " cases");
            long started = System.nanoTime();
            var prepared = new zhibu.checklist.ChecklistService(new zhibu.library.Library(index)).prepare();
            out.printf("checklists: %,d requirements%s in %.1f s%n", prepared.requirements(),
                    prepared.stored() ? " (unchanged)" : " from " + String.format("%,d", prepared.clauses()) + " clauses",
                    (System.nanoTime() - started) / 1e9);
            return failed[0] ? 1 : 0;
        } catch (OutOfMemoryError e) {
            err.println("zhibu: ran out of memory while ingesting; the index keeps the files committed before it "
                    + "(run with a larger heap, or leave out the file that caused it).");
            return 1;
        }
    }

    /** Sends the paths to the running server and prints its lines as they come. */
    private static int throughServer(ServerFile server, List<Path> roots, PrintStream out, PrintStream err)
            throws Exception {
        err.println("zhibu: a server runs for this index (" + server.url() + "); it ingests, this command reports");
        List<String> paths = new ArrayList<>();
        roots.forEach(p -> paths.add(p.toAbsolutePath().normalize().toString()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + "/api/admin/ingest"))
                .header("Authorization", "Bearer " + server.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(Map.of("paths", paths))))
                .build();
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        boolean failed = false;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            if (response.statusCode() != 200) {
                JsonNode error = Json.MAPPER.readTree(lines);
                err.println("zhibu: the server refused: " + error.path("error").asText());
                return 1;
            }
            for (String line; (line = lines.readLine()) != null; ) {
                JsonNode outcome = Json.MAPPER.readTree(line);
                boolean bad = outcome.path("failed").asBoolean();
                (bad ? err : out).println(outcome.path("line").asText());
                failed |= bad;
            }
        }
        return failed ? 1 : 0;
    }

    private static int count(List<Path> roots) {
        int n = 0;
        for (Path root : roots) {
            try {
                n += DocumentFiles.under(root).size();
            } catch (java.io.IOException e) {
                n++;
            }
        }
        return n;
    }

    /** A bar on a terminal's error stream, redrawn in place; nothing when the output is not a terminal. */
    private static final class Progress {
        private final PrintStream err;
        private final int total;
        private final boolean shown;
        private int done;

        private Progress(PrintStream err, int total, boolean shown) {
            this.err = err;
            this.total = total;
            this.shown = shown;
        }

        static Progress on(PrintStream err, int total) {
            return new Progress(err, total, terminal());
        }

        /** Whether the output is a terminal (Console.isTerminal() from Java 22; before it, a console at all). */
        private static boolean terminal() {
            java.io.Console console = System.console();
            if (console == null) {
                return false;
            }
            try {
                return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
            } catch (ReflectiveOperationException e) {
                return true;
            }
        }

        void step() {
            done++;
            if (shown) {
                int width = 30;
                int filled = total == 0 ? width : Math.min(width, done * width / total);
                err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total);
                err.flush();
            }
        }

        void clear() {
            if (shown) {
                err.print("\r" + " ".repeat(50) + "\r");
                err.flush();
            }
        }
    }
}
