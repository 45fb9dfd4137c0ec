package zhibu.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import zhibu.index.IngestOutcome;
import zhibu.index.ZhibuIndex;
import zhibu.web.WebApp;

/** {@code zhibu serve [--port 7070] [--corpus corpus] [--index index] [--data data] [--admin-token T]}. */
public final class ServeCommand {
    public int run(List<String> argv, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse(argv, Set.of("port", "corpus", "index", Home.DATA, "admin-token", "web"), Set.of(Home.NO_VECTORS));
        if (!args.positional().isEmpty()) {
            throw new Args.UsageException("serve takes no arguments besides its options, not '" + args.positional().get(0) + "'");
        }
        int port = args.intValue("port", 7070, 0, 65535);
        Path corpus = Home.resolve(args.value("corpus", "corpus"));
        Path web = Home.resolve(args.value("web", "web"));
        ZhibuIndex index = ZhibuIndex.open(Home.resolve(args.value("index", "index")), Home.vectors(args, err));
        int changed = 0;
        for (IngestOutcome outcome : index.ingest(List.of(corpus))) {
            if (outcome.status() != IngestOutcome.Status.UNCHANGED) {
                err.println(outcome.line());
                changed++;
            }
        }
        err.println("zhibu: index ready (" + (changed == 0 ? "up to date" : changed + " files ingested") + ")");
        WebApp app = new WebApp(index, web).start(port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            try {
                index.close();
            } catch (Exception ignored) {
                // the process is ending
            }
            stopped.countDown();
        }));
        out.println("listening on http://localhost:" + app.port());
        stopped.await();
        return 0;
    }
}
