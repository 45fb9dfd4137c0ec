package zhibu.ingest;

/** A file that cannot be ingested; the message is one sentence that names the file. */
public final class IngestException extends Exception {
    private static final long serialVersionUID = 1L;

    public IngestException(String message) {
        super(message);
    }

    public IngestException(String message, Throwable cause) {
        super(message, cause);
    }
}
