package zhibu.vectors;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * Where onnxruntime and DJL's tokenizer unpack the native libraries they carry in their jars: a folder under the
 * data folder rather than the home folder or a fresh temporary folder per run. Nothing is downloaded: DJL runs
 * offline, and onnxruntime loads the copies made here.
 */
final class NativeLibraries {
    private static final List<String> ORT_LIBRARIES = List.of("libonnxruntime.so", "libonnxruntime4j_jni.so");
    private static Path prepared;

    private NativeLibraries() {
    }

    /** Points both libraries at {@code folder} (once per process; later calls with another folder keep the first). */
    static synchronized void prepare(Path folder) throws IOException {
        if (prepared != null) {
            return;
        }
        Path djl = folder.resolve("djl");
        Files.createDirectories(djl);
        System.setProperty("DJL_CACHE_DIR", djl.toAbsolutePath().toString());
        System.setProperty("ai.djl.offline", "true");
        String platform = platform();
        if (platform != null) {
            Path ort = folder.resolve("onnxruntime-" + platform);
            Files.createDirectories(ort);
            boolean complete = true;
            for (String library : ORT_LIBRARIES) {
                complete &= unpack("/ai/onnxruntime/native/" + platform + "/" + library, ort.resolve(library));
            }
            if (complete) {
                System.setProperty("onnxruntime.native.path", ort.toAbsolutePath().toString());
            }
        }
        prepared = folder;
    }

    /** Copies a library out of the jar unless an identical copy is there; false when the jar has none. */
    private static boolean unpack(String resource, Path target) throws IOException {
        try (InputStream in = NativeLibraries.class.getResourceAsStream(resource)) {
            if (in == null) {
                return false;
            }
            byte[] bytes = in.readAllBytes();
            if (Files.isRegularFile(target) && Files.size(target) == bytes.length) {
                return true;
            }
            Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
            Files.write(partial, bytes);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        }
    }

    /** onnxruntime's name for this machine (linux-x64, linux-aarch64, osx-x64 …), or null when it has none. */
    private static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String o = os.contains("linux") ? "linux" : os.contains("mac") ? "osx" : os.contains("win") ? "win" : null;
        String a = arch.matches("amd64|x86_64") ? "x64" : arch.matches("aarch64|arm64") ? "aarch64" : null;
        return o == null || a == null || o.equals("win") ? null : o + "-" + a;
    }
}
