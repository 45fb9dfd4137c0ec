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
 * {@code zhibu backup DIR [--index index] [--data data]} and {@code zhibu restore DIR}: a consistent copy of the
 * index and the user data, taken while a server serves (it makes the copy) or from the index directly; restoring
 * needs the server stopped.
 */
public final class BackupCommand {
    private final boolean restore;

    public BackupCommand(boolean restore) {
        this.restore = restore;
    }

    public int run(List<String> argv, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse(argv, Set.of("index", Home.DATA), Set.of());
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
                Backup.restore(dir, folder, data);
            } catch (java.io.IOException e) {
                err.println("zhibu restore: " + e.getMessage());
                return 1;
            }
            out.println("restored " + dir + " into " + folder + " and " + data);
            return 0;
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
            out.println("backed up " + Backup.create(folder, data, dir) + " files into " + dir);
            return 0;
        } catch (org.apache.lucene.store.LockObtainFailedException e) {
            err.println("zhibu backup: another zhibu process is writing the index at " + folder + "; try again when"
                    + " it is done.");
            return 1;
        } catch (java.io.IOException e) {
            err.println("zhibu backup: " + e.getMessage());
            return 1;
        }
    }
}
