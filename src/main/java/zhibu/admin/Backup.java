package zhibu.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import zhibu.index.ZhibuIndex;

/**
 * A consistent copy of the library: the files of the index's last commit, held by a snapshot so no merge removes
 * them while they are copied (the server keeps serving and ingesting); the user data of the data folder (originals,
 * metadata corrections, audit log; not the vector cache or native libraries, which are made again); and every course
 * pack with its items, read from the packs' database (SQLite or PostgreSQL) in one transaction, so a backup taken
 * while packs are saved holds a state that existed. The manifest counts what it holds. Restoring checks the copied
 * index first, puts index, data and packs in place, and counts them again against the manifest.
 */
public final class Backup {
    public static final String INDEX = "index";
    public static final String DATA = "data";
    public static final String MANIFEST = "zhibu-backup.json";
    /** The packs' rows, by table. */
    public static final String PACKS = "packs.json";
    /** What of the data folder is user data worth keeping. */
    static final List<String> USER_DATA = List.of("originals", "metadata-edits.tsv", "audit.log");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Backup() {
    }

    /**
     * A backup of an index no process writes: its write lock is held while the files of its last commit are
     * copied, so no ingest can start meanwhile.
     */
    public static int create(Path indexFolder, Path data, zhibu.packs.PackStore packs, Path target) throws IOException {
        try (Directory directory = FSDirectory.open(indexFolder);
             org.apache.lucene.store.Lock lock = directory.obtainLock(org.apache.lucene.index.IndexWriter.WRITE_LOCK_NAME)) {
            if (!org.apache.lucene.index.DirectoryReader.indexExists(directory)) {
                throw new IOException("there is no index at " + indexFolder + " to back up.");
            }
            lock.ensureValid();
            java.util.Collection<String> names = org.apache.lucene.index.SegmentInfos.readLatestCommit(directory)
                    .files(true);
            return create((copy) -> copy.files(directory, names), data, packs, target);
        }
    }

    /** A backup while the index serves: the files of its last commit, held by a snapshot. */
    public static int create(ZhibuIndex index, Path data, zhibu.packs.PackStore packs, Path target) throws IOException {
        return create(index::withSnapshot, data, packs, target);
    }

    /** Something that hands the files of one commit to a copier while they cannot go away. */
    @FunctionalInterface
    interface Commit {
        void copy(ZhibuIndex.SnapshotCopy copy) throws IOException;
    }

    /** Writes a backup into {@code target}, which must not exist or be empty; answers how many files it holds. */
    private static int create(Commit commit, Path data, zhibu.packs.PackStore packs, Path target) throws IOException {
        if (Files.exists(target)) {
            try (Stream<Path> entries = Files.list(target)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException("the backup folder " + target + " is not empty; give a new folder.");
                }
            }
        }
        Path indexCopy = Files.createDirectories(target.resolve(INDEX));
        List<String> copied = new ArrayList<>();
        commit.copy((directory, names) -> {
            try (Directory out = FSDirectory.open(indexCopy)) {
                for (String name : names) {
                    out.copyFrom(directory, name, name, IOContext.DEFAULT);
                    copied.add(INDEX + "/" + name);
                }
                out.sync(names);
            }
        });
        for (String item : USER_DATA) {
            Path from = data.resolve(item);
            if (Files.exists(from)) {
                copied.addAll(copyTree(from, target.resolve(DATA).resolve(item), target));
            }
        }
        zhibu.packs.PackStore.Snapshot snapshot = packs.snapshot();
        Files.writeString(target.resolve(PACKS), JSON.writeValueAsString(snapshot.tables()));
        copied.add(PACKS);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("created", Instant.now().toString());
        manifest.put("schema", ZhibuIndex.SCHEMA);
        manifest.put("counts", counts(indexCopy, target.resolve(DATA), snapshot.packs(), snapshot.items()));
        manifest.put("files", copied);
        Files.writeString(target.resolve(MANIFEST), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest));
        return copied.size();
    }

    /** What a restore put back, counted again where it now lies. */
    public record Restored(Map<String, Integer> counts) {
    }

    /**
     * Puts a backup back: its index, checked first, replaces the index folder, its user data replaces the data
     * folder's, its packs replace the database's; then everything is counted again and compared with the manifest.
     * Nothing may have the index open (the caller makes sure no server runs).
     */
    public static Restored restore(Path backup, Path indexFolder, Path data, zhibu.packs.PackStore packs)
            throws IOException {
        if (!Files.isRegularFile(backup.resolve(MANIFEST))) {
            throw new IOException(backup + " is not a zhibu backup (it has no " + MANIFEST + ").");
        }
        var manifest = JSON.readTree(backup.resolve(MANIFEST).toFile());
        try (Directory copy = FSDirectory.open(backup.resolve(INDEX)); CheckIndex check = new CheckIndex(copy)) {
            check.setInfoStream(null);
            if (!check.checkIndex().clean) {
                throw new IOException("the index in " + backup + " is damaged; it was not restored.");
            }
        }
        zhibu.packs.PackStore.Snapshot snapshot = null;
        if (Files.isRegularFile(backup.resolve(PACKS))) { // read before anything is replaced: a bad file changes nothing
            snapshot = new zhibu.packs.PackStore.Snapshot(JSON.readValue(backup.resolve(PACKS).toFile(),
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, List<Map<String, Object>>>>() { }));
        }
        Path staging = indexFolder.resolveSibling(indexFolder.getFileName() + ".restoring");
        deleteTree(staging);
        copyTree(backup.resolve(INDEX), staging, staging);
        Path old = indexFolder.resolveSibling(indexFolder.getFileName() + ".before-restore");
        deleteTree(old);
        if (Files.exists(indexFolder)) {
            Files.move(indexFolder, old);
        }
        Files.move(staging, indexFolder);
        deleteTree(old);
        for (String item : USER_DATA) {
            Path from = backup.resolve(DATA).resolve(item);
            Path to = data.resolve(item);
            if (Files.exists(from)) {
                deleteTree(to);
                copyTree(from, to, to);
            }
        }
        int[] stored = snapshot == null ? new int[] {packs.count(), -1} : packs.replaceAll(snapshot);
        Map<String, Integer> counts = counts(indexFolder, data, stored[0], stored[1]);
        if (manifest.has("counts")) {
            List<String> differ = new ArrayList<>();
            manifest.get("counts").fields().forEachRemaining(e -> {
                Integer now = counts.get(e.getKey());
                if (now != null && now >= 0 && now != e.getValue().asInt()) {
                    differ.add(e.getKey() + " " + e.getValue().asInt() + " in the backup, " + now + " restored");
                }
            });
            if (!differ.isEmpty()) {
                throw new IOException("the restore of " + backup + " does not hold what the backup counted: "
                        + String.join("; ", differ) + ".");
            }
        }
        return new Restored(counts);
    }

    /**
     * What a library holds, as a backup's manifest counts it: the index's documents, clauses and cases, the packs and
     * their items, the metadata corrections and the audit log's entries.
     */
    static Map<String, Integer> counts(Path indexFolder, Path data, int packs, int items) throws IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (ZhibuIndex index = ZhibuIndex.openReadOnly(indexFolder, zhibu.vectors.Vectors.off())) {
            Map<zhibu.index.UnitKind, Integer> units = index.counts();
            counts.put("documents", units.get(zhibu.index.UnitKind.DOCUMENT));
            counts.put("clauses", units.get(zhibu.index.UnitKind.CLAUSE));
            counts.put("cases", units.get(zhibu.index.UnitKind.CASE));
        }
        counts.put("packs", packs);
        counts.put("packItems", items);
        counts.put("metadataEdits", lines(data.resolve("metadata-edits.tsv"), true));
        counts.put("auditEntries", lines(data.resolve("audit.log"), false));
        return counts;
    }

    /** The lines of a text file that are rows (not blank; with {@code commented}, not # comments); 0 without it. */
    private static int lines(Path file, boolean commented) throws IOException {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(file, java.nio.charset.StandardCharsets.UTF_8)) {
            return (int) lines.filter(l -> !l.isBlank() && !(commented && l.startsWith("#"))).count();
        }
    }

    /** Copies a folder tree (nothing when it is missing), for the benchmark's copy of a vector cache too. */
    public static void copyFolder(Path from, Path to) throws IOException {
        if (Files.isDirectory(from)) {
            copyTree(from, to, to);
        }
    }

    private static List<String> copyTree(Path from, Path to, Path base) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.createDirectories(dest.getParent());
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                    names.add(base.relativize(dest).toString());
                }
            }
        }
        return names;
    }

    static void deleteTree(Path p) throws IOException {
        zhibu.core.Folders.deleteTree(p);
    }
}
