package zhibu.ingest;

/** A file that cannot be ingested; the message is one sentence that names the file, the reason says it in Chinese too. */
public final class IngestException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Reason reason;

    public IngestException(Reason reason) {
        super(reason.english());
        this.reason = reason;
    }

    public IngestException(Reason reason, Throwable cause) {
        super(reason.english(), cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
