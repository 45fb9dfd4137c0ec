package zhibu.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import zhibu.index.IngestOutcome;
import zhibu.index.ZhibuIndex;

/**
 * One real index of the bundled corpus, with vectors, in a temporary folder, ingested once for the whole test run and
 * shared by the tests that only read it (search, answers, 对照, checklists); the bundled corpus is read in process.
 * Tests that ingest or change documents open indexes of their own, reading files as the product does.
 */
public final class CorpusIndex {
    private static ZhibuIndex shared;

    private CorpusIndex() {
    }

    public static synchronized ZhibuIndex shared() {
        if (shared == null) {
            try {
                Path folder = Files.createTempDirectory("zhibu-corpus-index");
                shared = ZhibuIndex.open(folder, TestVectors.shared(), zhibu.index.Ingestion.inProcess());
                List<IngestOutcome> outcomes = shared.ingest(List.of(Paths.CORPUS));
                if (outcomes.stream().anyMatch(IngestOutcome::failed)) {
                    throw new IllegalStateException("the corpus did not ingest: " + outcomes);
                }
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        shared.close();
                        zhibu.core.Folders.deleteTree(folder);
                    } catch (IOException ignored) {
                        // the temporary folder goes with the machine
                    }
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }
}
