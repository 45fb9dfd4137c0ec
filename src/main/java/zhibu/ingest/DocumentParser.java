package zhibu.ingest;

import java.nio.file.Path;

/** Reads one file into clean text and metadata, or says in one sentence why it cannot. */
public interface DocumentParser extends AutoCloseable {
    /** Reads a file under the name it goes by (an upload stored by its hash goes by the name it was sent with). */
    IngestedDocument read(Path file, String name) throws IngestException;

    default IngestedDocument read(Path file) throws IngestException {
        return read(file, file.getFileName().toString());
    }

    @Override
    default void close() {
    }
}
