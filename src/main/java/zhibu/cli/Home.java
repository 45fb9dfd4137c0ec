package zhibu.cli;

import java.nio.file.Path;

/** Relative default folders (corpus, index, web, data) resolve against the checkout the launcher runs from. */
final class Home {
    /** The options every command that opens the index takes for its vectors. */
    static final String DATA = "data";
    static final String NO_VECTORS = "no-vectors";

    private Home() {
    }

    /**
     * The vectors a command works with: none with {@code --no-vectors}; otherwise the bundled model, its cache and
     * native libraries under the data folder ({@code --data}, default data/). A model that cannot be loaded here
     * is said in one sentence, and the command goes on with lexical search alone.
     */
    static zhibu.vectors.Vectors vectors(Args args, java.io.PrintStream err) {
        if (args.flag(NO_VECTORS)) {
            return zhibu.vectors.Vectors.off();
        }
        Path data = resolve(args.value(DATA, "data"));
        try {
            return zhibu.vectors.Vectors.open(data);
        } catch (java.io.IOException | RuntimeException | LinkageError e) {
            err.println("zhibu: the embedding model could not be loaded (" + e.getMessage()
                    + "); searching by words alone");
            return zhibu.vectors.Vectors.off();
        }
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
