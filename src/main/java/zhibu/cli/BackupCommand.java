package zhibu.cli;

import zhibu.core.Json;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import zhibu.admin.Backup;
import zhibu.admin.ServerFile;

/**
 * {@code zhibu backup DIR [--index index] [--data data] [--db URL]} and {@code zhibu restore DIR [...]}: a consistent
 * copy of the index, the user data and the course packs (the data folder's SQLite, or the database of {@code --db} /
 * ZHIBU_DB, as serve uses), taken while a server serves (it makes the copy) or directly; restoring needs the server
 * stopped, and counts what it put back against the backup's manifest.
 */
public final class BackupCommand {
    private final boolean restore;

    public BackupCommand(boolean restore) {
        this.restore = restore;
    }

    public int run(List<String> argv, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse(argv, Set.of("index", Home.DATA, "db"), Set.of());
        if (args.positional().size() != 1) {
            throw new Args.UsageException("give one folder, e.g. zhibu " + (restore ? "restore" : "backup")
                    + " /backups/zhibu-2026-11-23");
        }
        Path dir = Path.of(args.positional().get(0)).toAbsolutePath().normalize();
        Path folder = Home.resolve(args.value("index", "index")).toAbsolutePath().normalize();
        Path data = Home.resolve(args.value(Home.DATA, "data"));
        Optional<ServerFile> server = ServerFile.running(data, folder);
        if (restore) {
            if (server.isPresent()) {
                err.println("zhibu restore: a server is running for " + folder + " (" + server.get().url()
                        + "); stop it first.");
                return 1;
            }
            try {
                Backup.Restored restored = Backup.restore(dir, folder, data, packs(args, data));
                out.println("restored " + dir + " into " + folder + " and " + data + ": " + restored.counts());
                return 0;
            } catch (java.io.IOException | zhibu.packs.Database.DatabaseException e) {
                err.println("zhibu restore: " + e.getMessage());
                return 1;
            }
        }
        if (server.isPresent()) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(URI.create(server.get().url() + "/api/admin/backup"))
                    .header("Authorization", "Bearer " + server.get().token())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(Map.of("dir",
                            dir.toString())))).build(), HttpResponse.BodyHandlers.ofString());
            var body = Json.MAPPER.readTree(response.body());
            if (response.statusCode() != 200) {
                err.println("zhibu backup: " + body.path("error").asText());
                return 1;
            }
            out.println("backed up " + body.path("files").asInt() + " files into " + dir + " (made by the server)");
            return 0;
        }
        try {
            out.println("backed up " + Backup.create(folder, data, packs(args, data), dir) + " files into " + dir);
            return 0;
        } catch (org.apache.lucene.store.LockObtainFailedException e) {
            err.println("zhibu backup: another zhibu process is writing the index at " + folder + "; try again when"
                    + " it is done.");
            return 1;
        } catch (java.io.IOException | zhibu.packs.Database.DatabaseException e) {
            err.println("zhibu backup: " + e.getMessage());
            return 1;
        }
    }

    /** The course packs' store serve would use: {@code --db}, else ZHIBU_DB, else the data folder's SQLite file. */
    static zhibu.packs.PackStore packs(Args args, Path data) {
        String db = args.value("db", System.getenv("ZHIBU_DB"));
        return new zhibu.packs.PackStore(db == null || db.isBlank() ? zhibu.packs.Database.inFolder(data)
                : zhibu.packs.Database.open(db.strip()));
    }
}
