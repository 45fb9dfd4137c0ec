package zhibu.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import zhibu.core.Regions;
import zhibu.ingest.Manifest;
import zhibu.testing.Paths;

/**
 * The benchmark's corpus generator: the same seed writes the same files, another seed others; the text grows to
 * the scale asked; every file has its manifest row; the new documents are no copies of each other and speak for
 * places none of the real documents does.
 */
@Timeout(120)
class CorpusGeneratorTest {
    private static CorpusGenerator generator;

    @TempDir
    Path dir;

    @BeforeAll
    static void readCorpus() throws IOException {
        generator = new CorpusGenerator(Paths.CORPUS);
    }

    @Test
    void theSameSeedWritesTheSameCorpusAndAnotherSeedAnother() throws Exception {
        CorpusGenerator.Result a = generator.generate(3, 7, dir.resolve("a"));
        generator.generate(3, 7, dir.resolve("b"));
        generator.generate(3, 8, dir.resolve("c"));
        assertEquals(contents(dir.resolve("a")), contents(dir.resolve("b")));
        assertNotEquals(contents(dir.resolve("a")), contents(dir.resolve("c")));
        long real = contents(Paths.CORPUS).entrySet().stream().filter(e -> !e.getKey().equals(Manifest.FILE_NAME))
                .mapToLong(e -> e.getValue().getBytes(StandardCharsets.UTF_8).length).sum();
        assertTrue(a.bytes() >= 3 * real && a.bytes() < 4 * real, a.bytes() + " bytes for three times " + real);
    }

    @Test
    void everyFileHasItsRowAndNoNewDocumentCopiesAnotherOrARealPlace() throws Exception {
        Path out = dir.resolve("grown");
        CorpusGenerator.Result r = generator.generate(5, 1, out);
        Map<String, String> files = contents(out);
        files.remove(Manifest.FILE_NAME);
        assertEquals(r.documents(), files.size());
        Manifest manifest = Manifest.read(out.resolve(Manifest.FILE_NAME));
        assertEquals(files.size(), manifest.entries().size());
        for (String file : files.keySet()) {
            assertTrue(manifest.entry(out.resolve(file)).isPresent(), file + " has no manifest row");
        }
        Set<String> realRegions = new HashSet<>();
        Manifest.read(Paths.CORPUS.resolve(Manifest.FILE_NAME)).entries().forEach(e -> realRegions.add(e.region()));
        Set<String> texts = new HashSet<>();
        int generated = 0;
        for (Manifest.Entry e : manifest.entries()) {
            if (!e.path().startsWith("generated/")) {
                continue;
            }
            generated++;
            assertTrue(texts.add(files.get(e.path())), e.path() + " copies another document");
            assertFalse(e.region().isBlank() || e.issuer().isBlank() || e.title().isBlank(), e.toString());
            for (String real : realRegions) {
                if (!real.equals(Regions.NATIONAL)) {
                    assertFalse(e.region().contains(real) || real.contains(e.region()),
                            e.path() + " speaks for " + e.region() + ", a real document's place " + real);
                }
            }
        }
        assertTrue(generated >= 20, generated + " new documents");
    }

    /** Every file under a folder by its path relative to it, with its text. */
    private static Map<String, String> contents(Path folder) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(folder.relativize(p).toString().replace('\\', '/'), Files.readString(p));
            }
        }
        return out;
    }
}
