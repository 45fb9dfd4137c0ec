package zhibu.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The small file a running server leaves in its data folder: its process, where it listens, which index it owns
 * and the local token the commands of this machine use to ask it to write. Readable by its user only; removed when
 * the server stops. A command finds the server of its index through it, and falls back to opening the index itself
 * when the file is missing, names another index, or names a process that is gone.
 */
public record ServerFile(long pid, String url, String index, String token) {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String NAME = "server.json";

    public static Path path(Path data) {
        return data.resolve(NAME);
    }

    public void write(Path data) throws IOException {
        Files.createDirectories(data);
        Path partial = data.resolve(NAME + ".part");
        Files.deleteIfExists(partial);
        try {
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(partial);
        }
        Files.writeString(partial, JSON.writeValueAsString(this));
        Files.move(partial, path(data), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The running server that owns {@code index}, if there is one. */
    public static Optional<ServerFile> running(Path data, Path index) {
        return live(data).filter(server -> Path.of(server.index()).toAbsolutePath().normalize()
                .equals(index.toAbsolutePath().normalize()));
    }

    /** The running server of a data folder, whatever index it serves: a data folder belongs to one server. */
    public static Optional<ServerFile> live(Path data) {
        Path file = path(data);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            ServerFile server = JSON.readValue(file.toFile(), ServerFile.class);
            boolean alive = ProcessHandle.of(server.pid()).map(ProcessHandle::isAlive).orElse(false);
            return alive ? Optional.of(server) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Removes the file if it is this process's. */
    public static void remove(Path data) {
        try {
            Path file = path(data);
            if (Files.isRegularFile(file)
                    && JSON.readValue(file.toFile(), ServerFile.class).pid() == ProcessHandle.current().pid()) {
                Files.delete(file);
            }
        } catch (IOException | RuntimeException ignored) {
            // a stale file is recognised by its dead process
        }
    }
}
