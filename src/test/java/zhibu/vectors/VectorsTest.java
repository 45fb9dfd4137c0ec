package zhibu.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zhibu.testing.TestVectors;

/** The bundled model, run in-process, and its cache. */
class VectorsTest {
    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void theModelComesFromTheJarAndItsLibrariesUnpackUnderTheDataFolder() {
        Vectors vectors = TestVectors.shared();
        assertTrue(vectors.enabled());
        assertEquals(BgeSmallZh.MODEL, vectors.model());
        assertEquals(512, vectors.dimension());
        assertTrue(Files.isDirectory(TestVectors.DATA.resolve("native/djl")), "DJL's tokenizer library");
        assertTrue(System.getProperty("DJL_CACHE_DIR").endsWith("djl"));
        assertEquals("true", System.getProperty("ai.djl.offline"), "DJL never downloads");
        assertTrue(System.getProperty("onnxruntime.native.path", "").contains("onnxruntime-"));
    }

    @Test
    void vectorsAreUnitLengthAndMeaningIsCloserThanWording() {
        Vectors vectors = TestVectors.shared();
        float[][] v = vectors.passages(List.of("党支部党员大会一般每季度召开1次。", "党员大会每三个月开一次会。",
                "党员活动室内醒目位置悬挂党旗、入党誓词。"));
        for (float[] x : v) {
            assertEquals(1.0, Math.sqrt(dot(x, x)), 1e-3);
        }
        assertTrue(dot(v[0], v[1]) > dot(v[0], v[2]), dot(v[0], v[1]) + " vs " + dot(v[0], v[2]));
        float[] q = vectors.question("党员大会多久开一次");
        assertEquals(1.0, Math.sqrt(dot(q, q)), 1e-3);
        assertTrue(dot(q, v[0]) > dot(q, v[2]));
        assertThrows(IllegalStateException.class, () -> Vectors.off().question("x"));
        assertFalse(Vectors.off().enabled());
    }

    @Test
    void theCacheKeepsVectorsAcrossOpeningsAndSurvivesATornRecord(@TempDir Path folder) throws IOException {
        EmbeddingCache cache = EmbeddingCache.open(folder, "m", 4);
        cache.store(List.of("甲", "乙"), List.of(new float[] {1, 0, 0, 0}, new float[] {0, 1, 0, 0}));
        EmbeddingCache again = EmbeddingCache.open(folder, "m", 4);
        assertEquals(2, again.size());
        assertArrayEquals(new float[] {0, 1, 0, 0}, again.lookup(List.of("乙"))[0]);
        Path file = folder.resolve("m.vectors");
        Files.write(file, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND); // a crash mid-record
        EmbeddingCache torn = EmbeddingCache.open(folder, "m", 4);
        assertEquals(2, torn.size());
        torn.store(List.of("丙"), List.of(new float[] {0, 0, 1, 0}));
        assertEquals(3, EmbeddingCache.open(folder, "m", 4).size(), "the torn tail was cut before appending");
        assertEquals(0, EmbeddingCache.open(folder, "other", 4).size());
    }

    @Test
    void anUnchangedTextIsNeverEmbeddedAgain(@TempDir Path folder) throws IOException {
        BgeSmallZh model = BgeSmallZh.load(TestVectors.DATA.resolve("native"));
        int[] embedded = {0};
        Embedder counting = new Embedder() {
            public String model() {
                return model.model();
            }

            public int dimension() {
                return model.dimension();
            }

            public float[][] embed(List<String> passages) {
                embedded[0] += passages.size();
                return model.embed(passages);
            }

            public float[] embedQuery(String question) {
                return model.embedQuery(question);
            }
        };
        List<String> texts = List.of("党支部每月开展1次主题党日。", "党员大会一般每季度召开1次。", "党支部每月开展1次主题党日。");
        Vectors first = new Vectors(counting, EmbeddingCache.open(folder, model.model(), model.dimension()));
        float[][] v = first.passages(texts);
        assertEquals(2, embedded[0], "two different texts, each embedded once");
        assertArrayEquals(v[0], v[2]);
        first.passages(texts);
        Vectors reopened = new Vectors(counting, EmbeddingCache.open(folder, model.model(), model.dimension()));
        assertArrayEquals(v[1], reopened.passages(List.of(texts.get(1)))[0]);
        assertEquals(2, embedded[0], "the cache, in memory and on disk, answered the rest");
    }
}
