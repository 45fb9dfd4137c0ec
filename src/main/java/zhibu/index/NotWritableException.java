package zhibu.index;

import java.io.IOException;

/**
 * A write the disk refused (full, or another I/O error): nothing of it was kept, the last commit stands. The message
 * is one sentence in Chinese a user can act on; the API answers it with 507.
 */
public final class NotWritableException extends IOException {
    private static final long serialVersionUID = 1L;

    public NotWritableException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
