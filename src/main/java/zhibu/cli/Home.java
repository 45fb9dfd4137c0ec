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

    /**
     * Opens an index to write, or says in one sentence why it cannot (another process holds it, the folder cannot
     * be written) and answers null.
     */
    static zhibu.index.ZhibuIndex openWriter(Path folder, zhibu.vectors.Vectors vectors,
                                             zhibu.index.Ingestion ingestion, java.io.PrintStream err) {
        try {
            return zhibu.index.ZhibuIndex.open(folder, vectors, ingestion);
        } catch (org.apache.lucene.store.LockObtainFailedException e) {
            err.println("zhibu: the index at " + folder + " is in use by another zhibu process; stop it, or start "
                    + "./zhibu serve and run this command again to go through it.");
        } catch (java.nio.file.AccessDeniedException e) {
            err.println("zhibu: the index folder " + folder + " cannot be written (" + e.getFile() + ").");
        } catch (java.io.IOException e) {
            err.println("zhibu: the index at " + folder + " cannot be opened: " + e.getMessage());
        }
        return null;
    }

    /** Opens an index to read, never to change it, or says in one sentence why not and answers null. */
    static zhibu.index.ZhibuIndex openReader(Path folder, zhibu.vectors.Vectors vectors, java.io.PrintStream err) {
        try {
            return zhibu.index.ZhibuIndex.openReadOnly(folder, vectors);
        } catch (zhibu.index.IndexUnavailableException e) {
            err.println("zhibu: " + e.getMessage());
        } catch (java.io.IOException e) {
            err.println("zhibu: the index at " + folder + " cannot be read: " + e.getMessage());
        }
        return null;
    }

    /** The checkout's corpus folder and a data folder, which the index records its files relative to. */
    static zhibu.index.SourceRoots roots(Path data) {
        return zhibu.index.SourceRoots.of(resolve("corpus"), data);
    }

    /** The metadata corrections of a data folder. */
    static zhibu.ingest.MetadataEdits edits(Path data) throws java.io.IOException {
        return zhibu.ingest.MetadataEdits.open(data.resolve("metadata-edits.tsv"));
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
