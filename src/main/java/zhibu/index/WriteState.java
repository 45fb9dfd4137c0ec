package zhibu.index;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether the server can write, as health reports it. A folder a write failed in (the index, the originals) stays
 * failed until a write there succeeds, or, for a full disk, until it has as much free as the failed write needed
 * (a probe's {@link #PROBE_BYTES} unless the caller knows more, e.g. for an upload), or, for another I/O error,
 * until a probe writes there; and any watched folder with less than a probe free is full before any write fails.
 */
public final class WriteState {
    /** What a probe writes, and the least space a folder must have to be called writable. */
    static final int PROBE_BYTES = 1 << 20;
    /** Why writes in a folder failed, and how much free space a full disk must have again. */
    private record Failure(String sentence, boolean noSpace, long needed) {
    }

    private final Map<Path, Failure> failed = new ConcurrentHashMap<>();
    private final java.util.Set<Path> watched = new java.util.concurrent.CopyOnWriteArraySet<>();

    /** A folder writes go to (the index's, the originals'): reported full when it has less than a probe free. */
    public void watch(Path folder) {
        watched.add(folder);
    }

    /** The sentence for a write that failed with {@code e}: a full disk said as such, any other error by its kind. */
    public static String sentence(IOException e) {
        return noSpace(e) ? "磁盘空间不足，这次写入没有完成；已有的内容都还在，请腾出空间后重试。"
                : "写入时出错（" + e.getClass().getSimpleName() + "），这次写入没有完成；已有的内容都还在，请稍后重试。";
    }

    /** Whether an error (or its causes) is the disk being full. */
    public static boolean noSpace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t instanceof FileSystemException fs ? fs.getReason() : t.getMessage();
            if (message != null && (message.contains("No space left") || message.toLowerCase(Locale.ROOT)
                    .contains("disk quota exceeded") || message.contains("not enough space"))) {
                return true;
            }
        }
        return false;
    }

    /** A write in {@code folder} failed; answers the exception to throw. */
    public NotWritableException failed(Path folder, IOException e) {
        if (e instanceof NotWritableException already) {
            return already;
        }
        String sentence = sentence(e);
        failed.put(folder, new Failure(sentence, noSpace(e), PROBE_BYTES));
        return new NotWritableException(sentence, e);
    }

    /** A failed write in {@code folder} needed about {@code bytes}: a full disk is writable again with that free. */
    public void needed(Path folder, long bytes) {
        failed.computeIfPresent(folder, (f, failure) -> new Failure(failure.sentence(), failure.noSpace(),
                Math.max(failure.needed(), bytes)));
    }

    /** A write in {@code folder} went through. */
    public void succeeded(Path folder) {
        failed.remove(folder);
    }

    /**
     * Why the server cannot write now, or empty: a folder whose last write failed stays failed until a probe
     * writes there again; any watched folder with less than the probe's size free is full.
     */
    public Optional<String> reason() {
        java.util.Set<Path> folders = new java.util.LinkedHashSet<>(watched);
        folders.addAll(failed.keySet());
        for (Path folder : folders) {
            Failure failure = failed.get(folder);
            if (failure != null) {
                if (failure.noSpace()) {
                    long free = usable(folder);
                    if (free < failure.needed()) {
                        return Optional.of("磁盘空间不足：上一次写入因此失败，它需要约 " + megabytes(failure.needed())
                                + "，" + folder.getFileName() + " 所在磁盘现有 " + megabytes(free) + "；请腾出空间。");
                    }
                } else if (!probe(folder)) {
                    return Optional.of(failure.sentence());
                }
                failed.remove(folder, failure);
            }
            try {
                if (Files.isDirectory(folder) && Files.getFileStore(folder).getUsableSpace() < PROBE_BYTES) {
                    return Optional.of("磁盘空间不足（" + folder.getFileName() + " 所在磁盘剩余不到 1 MB），上传和修改会失败；"
                            + "请腾出空间。");
                }
            } catch (IOException e) {
                return Optional.of("无法读取 " + folder.getFileName() + " 所在磁盘的状态（" + e.getClass().getSimpleName()
                        + "）。");
            }
        }
        return Optional.empty();
    }

    private static long usable(Path folder) {
        try {
            return Files.getFileStore(folder).getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    /** Writes and removes a file of the probe's size in a folder: whether that much can be written there now. */
    private static boolean probe(Path folder) {
        Path file = folder.resolve("write-probe.tmp");
        try {
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(new byte[PROBE_BYTES]);
            }
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a probe that cannot even be removed leaves the folder failed next time
            }
        }
    }
}
