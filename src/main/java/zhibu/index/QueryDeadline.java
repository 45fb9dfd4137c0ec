package zhibu.index;

import java.time.Duration;
import org.apache.lucene.index.QueryTimeout;

/**
 * A time limit on the searches of one request, per thread: every searcher of the index checks it, and a search past
 * its deadline stops collecting and returns what it found so far (Lucene marks such results partial), so no
 * pathological question can hold a request thread for long. Outside {@link #within}, searches have no limit.
 */
public final class QueryDeadline implements QueryTimeout {
    static final QueryDeadline INSTANCE = new QueryDeadline();
    private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

    private QueryDeadline() {
    }

    /** Work whose searches together may take at most {@code limit}. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    public static <T, E extends Exception> T within(Duration limit, Work<T, E> work) throws E {
        Long before = DEADLINE.get();
        DEADLINE.set(System.nanoTime() + limit.toNanos());
        try {
            return work.run();
        } finally {
            if (before == null) {
                DEADLINE.remove();
            } else {
                DEADLINE.set(before);
            }
        }
    }

    @Override
    public boolean shouldExit() {
        Long deadline = DEADLINE.get();
        return deadline != null && System.nanoTime() - deadline > 0;
    }
}
