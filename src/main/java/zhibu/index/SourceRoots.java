package zhibu.index;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The folders an index's documents come from, by name — the corpus and the data folder (uploads are kept in its
 * originals/) — so that the index records a file as {@code corpus:regulations/a.txt} or
 * {@code data:originals/ab12….docx}, never by the checkout's path: an index restored or copied into another checkout
 * finds its documents where that checkout keeps them. A file outside every root is recorded by its absolute path.
 */
public record SourceRoots(Map<String, Path> folders) {
    public static final SourceRoots NONE = new SourceRoots(Map.of());
    public static final String CORPUS = "corpus";
    public static final String DATA = "data";

    public SourceRoots {
        Map<String, Path> normalized = new LinkedHashMap<>();
        folders.forEach((name, folder) -> normalized.put(name, folder.toAbsolutePath().normalize()));
        folders = java.util.Collections.unmodifiableMap(normalized);
    }

    /** The corpus folder and the data folder of a checkout. */
    public static SourceRoots of(Path corpus, Path data) {
        Map<String, Path> folders = new LinkedHashMap<>();
        folders.put(CORPUS, corpus);
        folders.put(DATA, data);
        return new SourceRoots(folders);
    }

    /** How the index records a file: relative to the root it lies under, else its absolute path. */
    public String key(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        for (Map.Entry<String, Path> root : folders.entrySet()) {
            if (absolute.startsWith(root.getValue())) {
                return root.getKey() + ":" + root.getValue().relativize(absolute).toString().replace('\\', '/');
            }
        }
        return absolute.toString();
    }

    /** The file a recorded key names in this checkout. */
    public Path file(String key) {
        int colon = key.indexOf(':');
        if (colon > 0 && folders.containsKey(key.substring(0, colon))) {
            String rest = key.substring(colon + 1);
            Path root = folders.get(key.substring(0, colon));
            return rest.isEmpty() ? root : root.resolve(rest);
        }
        return Path.of(key);
    }

    /** A key recorded before keys were relative (an absolute path), as it is recorded now. */
    public String normalize(String recorded) {
        return recorded != null && Path.of(recorded).isAbsolute() ? key(Path.of(recorded)) : recorded;
    }
}
