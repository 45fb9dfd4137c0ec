package zhibu.cli;

import java.nio.file.Path;

/** Relative default folders (corpus, index, web) resolve against the checkout the launcher runs from. */
final class Home {
    private Home() {
    }

    static Path resolve(String path) {
        Path p = Path.of(path);
        if (p.isAbsolute()) {
            return p;
        }
        String home = System.getProperty("zhibu.home");
        return home == null || java.nio.file.Files.exists(p) ? p : Path.of(home).resolve(p);
    }
}
