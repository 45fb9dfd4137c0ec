package zhibu.index;

import java.nio.file.Path;
import java.util.Locale;
import zhibu.ingest.Names;
import zhibu.ingest.Reason;

/**
 * What ingesting one file did: {@code added}, {@code replaced}, {@code unchanged}, {@code removed}, skipped by rule
 * or failed; {@code note} says anything else worth knowing (passages left without vectors).
 */
public record IngestOutcome(Path file, Status status, String docId, int clauses, int cases, Reason reason,
                            Reason note) {
    public enum Status {
        ADDED, REPLACED, UNCHANGED, REMOVED, SKIPPED, FAILED;

        /** The contract's word: added, replaced, unchanged, removed, skipped, failed. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public IngestOutcome(Path file, Status status, String docId, int clauses, int cases, Reason reason) {
        this(file, status, docId, clauses, cases, reason, null);
    }

    public boolean failed() {
        return status == Status.FAILED;
    }

    /** The status, with the reason when the file was skipped or failed: {@code failed: REASON}. */
    public String result() {
        return reason == null ? status.label() : status.label() + ": " + reason.english();
    }

    /** The contract's line: {@code added corpus/x.txt (id, 46 clauses)}, {@code skipped: REASON}, {@code failed: REASON}. */
    public String line() {
        String name = Names.printable(file);
        return switch (status) {
            case FAILED, SKIPPED -> result();
            case ADDED, REPLACED -> status.label() + " " + name + " (" + docId + ", "
                    + (cases > 0 ? cases + " cases" : clauses + " clauses") + (note == null ? "" : "; " + note.english())
                    + ")";
            default -> status.label() + " " + name + " (" + docId + ")";
        };
    }
}
