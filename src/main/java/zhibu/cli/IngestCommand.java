package zhibu.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import zhibu.index.IngestOutcome;
import zhibu.index.ZhibuIndex;

/** {@code zhibu ingest [--index index] [--data data] [--no-vectors] [PATH ...]}: incremental ingestion, one line per file. */
public final class IngestCommand {
    public int run(List<String> argv, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse(argv, Set.of("index", Home.DATA), Set.of(Home.NO_VECTORS));
        List<Path> roots = args.positional().isEmpty() ? List.of(Home.resolve("corpus"))
                : args.positional().stream().map(Path::of).toList();
        try (ZhibuIndex index = ZhibuIndex.open(Home.resolve(args.value("index", "index")),
                Home.vectors(args, err))) {
            if (index.rebuilt()) {
                err.println("zhibu: starting a new index at " + args.value("index", "index")
                        + " (none there yet, or one of an older schema)");
            }
            boolean failed = false;
            for (IngestOutcome outcome : index.ingest(roots)) {
                (outcome.failed() ? err : out).println(outcome.line());
                failed |= outcome.failed();
            }
            var counts = index.counts();
            out.println("index: " + counts.get(zhibu.index.UnitKind.DOCUMENT) + " documents, "
                    + counts.get(zhibu.index.UnitKind.CLAUSE) + " clauses, "
                    + counts.get(zhibu.index.UnitKind.CASE) + " cases");
            return failed ? 1 : 0;
        }
    }
}
