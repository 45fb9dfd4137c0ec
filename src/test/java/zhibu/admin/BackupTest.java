package zhibu.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import zhibu.index.Ingestion;
import zhibu.index.SourceRoots;
import zhibu.index.ZhibuIndex;
import zhibu.packs.Database;
import zhibu.packs.Pack;
import zhibu.packs.PackDraft;
import zhibu.packs.PackItem;
import zhibu.packs.PackStore;
import zhibu.testing.Paths;
import zhibu.vectors.Vectors;

/**
 * Backups hold the course packs, on SQLite and on PostgreSQL (ZHIBU_TEST_POSTGRES): taken while a pack is saved
 * over and over, each backup holds a state that existed (a pack of version N has its N items, never half of a save);
 * restored into another folder and database state, the packs, the index and the data come back as the manifest
 * counted them, and a manifest that does not match what was restored is said.
 */
@Timeout(240)
class BackupTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private String url(String kind) {
        return kind.equals("sqlite") ? "jdbc:sqlite:" + dir.resolve("packs.db") : Paths.postgresUrl();
    }

    /** Version N of the pack has N notes: a backup that caught half a save would show it. */
    private static PackDraft version(int n) {
        List<PackItem> items = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            items.add(PackItem.note("第 " + n + " 版的第 " + i + " 条备注"));
        }
        return new PackDraft("第 " + n + " 版", null, "", items);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aBackupTakenWhilePacksAreSavedHoldsAStateThatExisted(String kind) throws Exception {
        PackStore store = new PackStore(Database.open(url(kind)));
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.copy(Paths.FORMATS.resolve("000_jingzhou_gb18030.txt"), corpus.resolve("通知.txt"));
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("audit.log"), "{\"action\": \"upload\"}\n{\"action\": \"metadata\"}\n");
        Pack pack = store.create(version(1));
        List<Path> backups = new ArrayList<>();
        try (ZhibuIndex index = ZhibuIndex.open(dir.resolve("index"), Vectors.off(),
                Ingestion.inProcess().withRoots(SourceRoots.of(corpus, data)))) {
            index.ingest(List.of(corpus));
            AtomicBoolean saving = new AtomicBoolean(true);
            CompletableFuture<Integer> saver = CompletableFuture.supplyAsync(() -> {
                int v = 1;
                while (saving.get() && v < 400) {
                    store.update(pack.id(), pack.editToken(), v, version(v + 1));
                    v++;
                }
                return v;
            });
            try {
                for (int i = 0; i < 6; i++) {
                    Path backup = dir.resolve("backup-" + i);
                    Backup.create(index, data, store, backup);
                    backups.add(backup);
                }
            } finally {
                saving.set(false);
            }
            int last = saver.join();
            assertTrue(last > 1, "the pack was saved while the backups were taken");
        }
        for (Path backup : backups) {
            JsonNode tables = JSON.readTree(backup.resolve(Backup.PACKS).toFile());
            int version = -1;
            for (JsonNode row : tables.get("pack")) {
                if (row.get("id").asText().equals(pack.id())) {
                    version = row.get("version").asInt();
                }
            }
            int items = 0;
            for (JsonNode row : tables.get("pack_item")) {
                if (row.get("pack_id").asText().equals(pack.id())) {
                    assertTrue(row.get("text").asText().startsWith("第 " + version + " 版"), backup + ": " + row);
                    items++;
                }
            }
            assertEquals(version, items, backup + " holds version " + version + " with " + items + " items");
            JsonNode counts = JSON.readTree(backup.resolve(Backup.MANIFEST).toFile()).get("counts");
            assertEquals(1, counts.get("documents").asInt(), counts.toString());
            assertEquals(2, counts.get("auditEntries").asInt(), counts.toString());
            assertEquals(tables.get("pack").size(), counts.get("packs").asInt());
            assertEquals(tables.get("pack_item").size(), counts.get("packItems").asInt());
        }

        // restored elsewhere over a changed database: the packs as the backup held them
        Path chosen = backups.get(backups.size() - 1);
        int saved = JSON.readTree(chosen.resolve(Backup.PACKS).toFile()).get("pack").size();
        Pack now = store.find(pack.id()).orElseThrow();
        store.delete(pack.id(), pack.editToken(), now.version());
        store.create(version(3));
        Path index2 = dir.resolve("elsewhere/index");
        Path data2 = Files.createDirectories(dir.resolve("elsewhere/data"));
        Backup.Restored restored = Backup.restore(chosen, index2, data2, store);
        JsonNode manifest = JSON.readTree(chosen.resolve(Backup.MANIFEST).toFile()).get("counts");
        manifest.fields().forEachRemaining(e -> assertEquals(e.getValue().asInt(), restored.counts().get(e.getKey()),
                e.getKey()));
        assertEquals(saved, store.count());
        Pack back = store.find(pack.id()).orElseThrow();
        assertEquals(back.version(), back.items().size());
        assertEquals(Files.readString(data.resolve("audit.log")), Files.readString(data2.resolve("audit.log")));
        Pack stillEditable = store.update(pack.id(), pack.editToken(), back.version(), version(1));
        assertEquals(back.version() + 1, stillEditable.version(), "the edit token came back with the pack");

        // a manifest that counts what is not there is said, not passed over
        JsonNode edited = JSON.readTree(chosen.resolve(Backup.MANIFEST).toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) edited.get("counts")).put("clauses", 99_999);
        Files.writeString(chosen.resolve(Backup.MANIFEST), JSON.writeValueAsString(edited));
        Path index3 = dir.resolve("third/index");
        java.io.IOException wrong = assertThrows(java.io.IOException.class, () -> Backup.restore(chosen, index3,
                Files.createDirectories(dir.resolve("third/data")), store));
        assertTrue(wrong.getMessage().contains("clauses 99999 in the backup"), wrong.getMessage());
    }
}
