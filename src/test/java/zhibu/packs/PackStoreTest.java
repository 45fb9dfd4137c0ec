package zhibu.packs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import zhibu.testing.Paths;

/**
 * The course packs' store on a real SQLite file and a real PostgreSQL server (ZHIBU_TEST_POSTGRES; .ci/run starts
 * one): migrations, round trips of every item type in order, the token and version checks, a reopened database,
 * and two editors of one version at once.
 */
@Timeout(120)
class PackStoreTest {
    @TempDir
    Path folder;

    private String url(String kind) {
        return kind.equals("sqlite") ? "jdbc:sqlite:" + folder.resolve("packs.db") : Paths.postgresUrl();
    }

    private static PackDraft draft(String title, PackItem... items) {
        return new PackDraft(title, "高校", "说明", List.of(items));
    }

    private static PackItem clause(String id) {
        return new PackItem(ItemType.CLAUSE, id, "三会一课", "党员大会一般每季度召开1次。", "《某文件》三、组织生活 12. 三会一课", List.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void packsKeepTheirItemsInOrderAndSurviveReopening(String kind) {
        PackStore store = new PackStore(Database.open(url(kind)));
        Pack made = store.create(draft("三会一课专题", PackItem.heading("一、制度"), clause("c-1"),
                new PackItem(ItemType.CASE, "case-1", "案例", "案例正文", "案例（某单位），见《合集》", List.of()),
                PackItem.note("讲的时候先问学员：“多久开一次？”\n第二行")));
        assertEquals(1, made.version());
        assertTrue(made.editToken().length() >= 32, made.editToken());

        Pack read = new PackStore(Database.open(url(kind))).find(made.id()).orElseThrow(); // a second opening: migrated once
        assertEquals(made.withEditToken(null), read);
        assertEquals(List.of(ItemType.HEADING, ItemType.CLAUSE, ItemType.CASE, ItemType.NOTE),
                read.items().stream().map(PackItem::type).toList());
        assertEquals("讲的时候先问学员：“多久开一次？”\n第二行", read.items().get(3).text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void onlyTheTokenAndTheCurrentVersionChangeAPack(String kind) {
        PackStore store = new PackStore(Database.open(url(kind)));
        Pack made = store.create(draft("党费", clause("c-1")));
        PackDraft change = draft("党费（改）", PackItem.note("备注"), clause("c-1"));

        assertEquals(PackException.Problem.NO_TOKEN,
                assertThrows(PackException.class, () -> store.update(made.id(), null, 1, change)).problem());
        assertEquals(PackException.Problem.NO_TOKEN,
                assertThrows(PackException.class, () -> store.update(made.id(), "0".repeat(48), 1, change)).problem());
        assertEquals(PackException.Problem.NOT_FOUND,
                assertThrows(PackException.class, () -> store.update("no-such-pack", made.editToken(), 1, change)).problem());

        Pack second = store.update(made.id(), made.editToken(), 1, change);
        assertEquals(2, second.version());
        assertEquals("党费（改）", second.title());
        assertEquals(ItemType.NOTE, second.items().get(0).type());

        PackException stale = assertThrows(PackException.class, () -> store.update(made.id(), made.editToken(), 1, change));
        assertEquals(PackException.Problem.STALE, stale.problem());
        assertTrue(stale.getMessage().contains("第 2 版"), stale.getMessage());
        assertEquals(second, store.find(made.id()).orElseThrow()); // nothing of the refused change stayed

        assertEquals(PackException.Problem.STALE,
                assertThrows(PackException.class, () -> store.delete(made.id(), made.editToken(), 1)).problem());
        assertEquals(PackException.Problem.NO_TOKEN,
                assertThrows(PackException.class, () -> store.delete(made.id(), null, 2)).problem());
        store.delete(made.id(), made.editToken(), 2);
        assertTrue(store.find(made.id()).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void ofTwoEditorsOfOneVersionOneWinsAndTheOtherIsTold(String kind) throws Exception {
        PackStore store = new PackStore(Database.open(url(kind)));
        Pack made = store.create(draft("并发", clause("c-1")));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                Callable<String> edit = () -> {
                    try {
                        store.update(made.id(), made.editToken(), 1, draft("编辑 " + n, PackItem.note("n=" + n)));
                        return "saved";
                    } catch (PackException e) {
                        return e.problem().name();
                    }
                };
                results.add(pool.submit(edit));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get());
            }
            assertEquals(1, outcomes.stream().filter("saved"::equals).count(), outcomes.toString());
            assertEquals(7, outcomes.stream().filter("STALE"::equals).count(), outcomes.toString());
            Pack now = store.find(made.id()).orElseThrow();
            assertEquals(2, now.version());
            assertEquals(1, now.items().size());
            assertEquals("n=" + now.title().substring(3), now.items().get(0).text()); // the winner's items with its title
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aBadDatabaseIsOneSentenceNamingIt(String kind) {
        String bad = kind.equals("sqlite") ? "jdbc:sqlite:" + folder.resolve("missing/folder/x.db")
                : "jdbc:postgresql://127.0.0.1:1/none?user=u&password=secret";
        Database.DatabaseException e = assertThrows(Database.DatabaseException.class, () -> Database.open(bad));
        assertTrue(e.getMessage().startsWith("the database jdbc:"), e.getMessage());
        assertTrue(!e.getMessage().contains("secret"), e.getMessage());
        assertTrue(assertThrows(Database.DatabaseException.class, () -> Database.open("jdbc:mysql://x/y")).getMessage()
                .contains("jdbc:sqlite: or jdbc:postgresql:"));
    }
}
