package zhibu.index;

import java.nio.file.Path;

/** What ingesting one file did: {@code added}, {@code replaced}, {@code unchanged}, {@code removed} or failed. */
public record IngestOutcome(Path file, Status status, String docId, int clauses, int cases, String reason) {
    public enum Status { ADDED, REPLACED, UNCHANGED, REMOVED, FAILED }

    public boolean failed() {
        return status == Status.FAILED;
    }

    /** The contract's line: {@code added corpus/x.txt (46 clauses)} or {@code failed: REASON}. */
    public String line() {
        return switch (status) {
            case FAILED -> "failed: " + reason;
            case ADDED, REPLACED -> status.name().toLowerCase() + " " + file + " (" + docId + ", "
                    + (cases > 0 ? cases + " cases" : clauses + " clauses") + ")";
            default -> status.name().toLowerCase() + " " + file + " (" + docId + ")";
        };
    }
}
