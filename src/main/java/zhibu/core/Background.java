package zhibu.core;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Work that can wait (a server's suggestions, checklist requirements and corpus check after it starts): one daemon
 * thread runs it in the order given, so that on two cores a request always has one to itself. Run at once, the
 * three made the first search after a ×1000 start take 4 s instead of 1 s.
 */
public final class Background {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Background.class);
    private static final ExecutorService ONE = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("zhibu-background").daemon(true).factory());

    private Background() {
    }

    /**
     * Runs {@code work} after the work given before it. What it throws is logged (the thread goes on with the next
     * work): background work has no caller to tell.
     */
    public static void run(Runnable work) {
        ONE.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.error("background work failed: {}", e.toString(), e);
            } catch (Error e) {
                LOG.error("background work failed: {}", e.toString(), e);
                throw e;
            }
        });
    }
}
