package zhibu.vectors;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Passage vectors by the SHA-256 of their text, so an unchanged clause is never embedded again: in memory, and in an
 * append-only file per model ({@code MODEL.vectors}: a header, then records of a 32-byte key and the vector's
 * floats). Appends hold a file lock, so two processes may share the file; a record cut short by a crash is dropped
 * when the file is next opened.
 */
public final class EmbeddingCache {
    private static final byte[] MAGIC = "ZBV1".getBytes(StandardCharsets.US_ASCII);
    private static final int KEY_BYTES = 32;

    private final Path file;
    private final int dimension;
    private final Map<Key, float[]> vectors = new ConcurrentHashMap<>();

    private EmbeddingCache(Path file, int dimension) {
        this.file = file;
        this.dimension = dimension;
    }

    /** The cache of one model in a folder, read into memory. */
    public static EmbeddingCache open(Path folder, String model, int dimension) throws IOException {
        Files.createDirectories(folder);
        EmbeddingCache cache = new EmbeddingCache(folder.resolve(model + ".vectors"), dimension);
        cache.load();
        return cache;
    }

    public int size() {
        return vectors.size();
    }

    /** The cached vector of each text, null where there is none. */
    public float[][] lookup(List<String> texts) {
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = vectors.get(Key.of(texts.get(i)));
        }
        return out;
    }

    /** Keeps new vectors, in memory and on disk. */
    public synchronized void store(List<String> texts, List<float[]> computed) throws IOException {
        ByteBuffer records = ByteBuffer.allocate(texts.size() * recordBytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < texts.size(); i++) {
            Key key = Key.of(texts.get(i));
            float[] v = computed.get(i);
            if (v.length != dimension || vectors.putIfAbsent(key, v) != null) {
                continue;
            }
            records.put(key.bytes);
            for (float x : v) {
                records.putFloat(x);
            }
        }
        records.flip();
        if (!records.hasRemaining()) {
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            assert lock.isValid(); // held until the records are written and the file is whole
            long size = channel.size();
            if (size < header().length) {
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(header()), 0);
                size = header().length;
            }
            long whole = size - (size - header().length) % recordBytes(); // drop a record cut short
            channel.position(whole);
            while (records.hasRemaining()) {
                channel.write(records);
            }
            channel.truncate(channel.position());
        }
    }

    private void load() throws IOException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw, 1 << 16))) {
            byte[] head = new byte[header().length];
            try {
                in.readFully(head);
            } catch (EOFException e) {
                return;
            }
            if (!Arrays.equals(head, header())) {
                return; // another format or dimension: start afresh, the file is rewritten on the next store
            }
            byte[] record = new byte[recordBytes()];
            while (true) {
                try {
                    in.readFully(record);
                } catch (EOFException e) {
                    break;
                }
                ByteBuffer buffer = ByteBuffer.wrap(record).order(ByteOrder.LITTLE_ENDIAN);
                byte[] key = new byte[KEY_BYTES];
                buffer.get(key);
                float[] v = new float[dimension];
                buffer.asFloatBuffer().get(v);
                vectors.put(new Key(key), v);
            }
        }
    }

    private byte[] header() {
        return ByteBuffer.allocate(MAGIC.length + 4).order(ByteOrder.LITTLE_ENDIAN).put(MAGIC).putInt(dimension)
                .array();
    }

    private int recordBytes() {
        return KEY_BYTES + 4 * dimension;
    }

    /** A text's SHA-256, as a map key. */
    private record Key(byte[] bytes) {
        static Key of(String text) {
            try {
                return new Key(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JDK", e);
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(bytes, k.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return HexFormat.of().formatHex(bytes);
        }
    }

    /** Texts whose vectors are missing, in order, each once. */
    List<String> missing(List<String> texts, float[][] found) {
        List<String> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < texts.size(); i++) {
            if (found[i] == null && seen.add(texts.get(i))) {
                out.add(texts.get(i));
            }
        }
        return out;
    }
}
