package zhibu.core;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Work that can wait (a server's suggestions, checklist requirements and corpus check after it starts): one daemon
 * thread runs it in the order given, so that on two cores a request always has one to itself. Run at once, the
 * three made the first search after a ×1000 start take 4 s instead of 1 s.
 */
public final class Background {
    private static final ExecutorService ONE = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("zhibu-background").daemon(true).factory());

    private Background() {
    }

    /** Runs {@code work} after the work given before it; what it throws is its own to report. */
    public static void run(Runnable work) {
        ONE.execute(work);
    }
}
