package zhibu;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import zhibu.cli.Args;
import zhibu.cli.BenchCommand;
import zhibu.cli.ChecklistCommand;
import zhibu.cli.EvalCommand;
import zhibu.cli.IngestCommand;
import zhibu.cli.InspectCommand;
import zhibu.cli.SearchCommand;
import zhibu.cli.ServeCommand;

/** The command line: {@code zhibu COMMAND [ARGS]}. */
public final class Main {
    private static final String USAGE = "usage: zhibu serve|inspect|ingest|search|checklist|eval|bench ARGS (see README.md)";

    private Main() {
    }

    public static void main(String[] args) throws Exception {
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
            default -> {
                err.println("unknown command '" + args.get(0) + "'; " + USAGE);
                yield 2;
            }
        };
    }
}
