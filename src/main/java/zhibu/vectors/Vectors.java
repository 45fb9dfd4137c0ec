package zhibu.vectors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The semantic view's vectors, or none ({@link #off()}, for a small machine: search is then lexical alone).
 * Passages go through the cache, so only texts never seen before are embedded; questions are embedded per request
 * (the last few hundred are kept).
 */
public final class Vectors {
    public static final String NONE = "none";
    /** Texts embedded between two writes to the cache file, so progress survives an interruption. */
    private static final int CHUNK = 256;
    private static final int QUESTIONS_KEPT = 512;

    private final Embedder embedder;
    private final EmbeddingCache cache;
    private final Map<String, float[]> questions = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                    return size() > QUESTIONS_KEPT;
                }
            });

    Vectors(Embedder embedder, EmbeddingCache cache) {
        this.embedder = embedder;
        this.cache = cache;
    }

    public static Vectors off() {
        return new Vectors(null, null);
    }

    /**
     * The bundled model with its cache under {@code folder}/vectors and its native libraries under
     * {@code folder}/native.
     */
    public static Vectors open(Path folder) throws IOException {
        BgeSmallZh model = BgeSmallZh.load(folder.resolve("native"));
        return new Vectors(model, EmbeddingCache.open(folder.resolve("vectors"), model.model(), model.dimension()));
    }

    public boolean enabled() {
        return embedder != null;
    }

    /** The model's name, or {@value #NONE}. */
    public String model() {
        return embedder == null ? NONE : embedder.model();
    }

    public int dimension() {
        return embedder == null ? 0 : embedder.dimension();
    }

    /** The vector of each passage, from the cache where it is there. */
    public float[][] passages(List<String> texts) {
        requireEnabled();
        float[][] found = cache.lookup(texts);
        List<String> missing = cache.missing(texts, found);
        for (int from = 0; from < missing.size(); from += CHUNK) {
            List<String> chunk = missing.subList(from, Math.min(missing.size(), from + CHUNK));
            float[][] computed = embedder.embed(chunk);
            try {
                cache.store(chunk, List.of(computed));
            } catch (IOException e) {
                throw new UncheckedIOException("the vector cache could not be written: " + e.getMessage(), e);
            }
        }
        if (!missing.isEmpty()) {
            found = cache.lookup(texts);
        }
        List<Integer> absent = new ArrayList<>();
        for (int i = 0; i < found.length; i++) {
            if (found[i] == null) {
                absent.add(i);
            }
        }
        if (!absent.isEmpty()) {
            throw new IllegalStateException(absent.size() + " passages have no vector after embedding");
        }
        return found;
    }

    public float[] question(String text) {
        requireEnabled();
        float[] v = questions.get(text);
        if (v == null) { // embedded outside the lock: questions of concurrent requests run side by side
            v = embedder.embedQuery(text);
            questions.put(text, v);
        }
        return v;
    }

    private void requireEnabled() {
        if (embedder == null) {
            throw new IllegalStateException("vectors are off");
        }
    }
}
