package zhibu.index;

import java.io.IOException;

/** An index that cannot be opened as asked; the message is one sentence telling what to do. */
public final class IndexUnavailableException extends IOException {
    private static final long serialVersionUID = 1L;

    public IndexUnavailableException(String message) {
        super(message);
    }
}
