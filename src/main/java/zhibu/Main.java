package zhibu;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import zhibu.cli.Args;
import zhibu.cli.BackupCommand;
import zhibu.cli.BenchCommand;
import zhibu.cli.ChecklistCommand;
import zhibu.cli.EvalCommand;
import zhibu.cli.GenerateCommand;
import zhibu.cli.IngestCommand;
import zhibu.cli.InspectCommand;
import zhibu.cli.SearchCommand;
import zhibu.cli.ServeCommand;

/** The command line: {@code zhibu COMMAND [ARGS]}. */
public final class Main {
    private static final String USAGE = "usage: zhibu serve|inspect|ingest|search|checklist|eval|bench|generate|backup|restore ARGS (see README.md)";

    /** Lucene's note that it found the vector API: said on every start, of no use to a user. Held so it stays set. */
    private static final java.util.logging.Logger LUCENE_VECTORIZATION =
            java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        LUCENE_VECTORIZATION.setLevel(java.util.logging.Level.WARNING);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(Arrays.asList(args), out, err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        try {
            return dispatch(args, out, err);
        } catch (Args.UsageException e) {
            err.println("zhibu " + args.get(0) + ": " + e.getMessage() + ".");
            return 2;
        }
    }

    private static int dispatch(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case "inspect" -> new InspectCommand().run(rest, out, err);
            case "ingest" -> new IngestCommand().run(rest, out, err);
            case "search" -> new SearchCommand().run(rest, out, err);
            case "eval" -> new EvalCommand().run(rest, out, err);
            case "serve" -> new ServeCommand().run(rest, out, err);
            case "checklist" -> new ChecklistCommand().run(rest, out, err);
            case "bench" -> new BenchCommand().run(rest, out, err);
            case "generate" -> new GenerateCommand().run(rest, out, err);
            case "backup" -> new BackupCommand(false).run(rest, out, err);
            case "restore" -> new BackupCommand(true).run(rest, out, err);
            default -> {
                err.println("unknown command '" + args.get(0) + "'; " + USAGE);
                yield 2;
            }
        };
    }
}
